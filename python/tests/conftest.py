"""Shared models and paths for the pytest suite (run by ctest as `python_tests`)."""
import math
import os
import pathlib

import pytest
import torch
from torch import nn

SOURCE_DIR = pathlib.Path(os.environ.get("PERMEQ_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
EXAMPLES = SOURCE_DIR / "examples" / "graphs"


class Encoder(nn.Module):
    """nn.TransformerEncoder, batch first; with `learned_positions`, a learned table added first."""

    def __init__(self, d=64, heads=4, layers=2, learned_positions=False, max_len=16):
        super().__init__()
        layer = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.1, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.pos_embedding = nn.Parameter(0.1 * torch.randn(1, max_len, d)) if learned_positions else None

    def forward(self, x):
        if self.pos_embedding is not None:
            x = x + self.pos_embedding[:, : x.shape[1]]
        return self.encoder(x)


class CausalSelfAttention(nn.Module):
    """One head of masked self-attention: token t sees tokens 0..t only."""

    def __init__(self, d):
        super().__init__()
        self.q, self.k, self.v = nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d)
        self.d = d

    def forward(self, x):
        n = x.shape[1]
        scores = self.q(x) @ self.k(x).transpose(-2, -1) / math.sqrt(self.d)
        causal = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
        return scores.masked_fill(causal, float("-inf")).softmax(-1) @ self.v(x)


class CausalBlock(nn.Module):
    """A GPT-style pre-norm block; its mask lives in module `attn`."""

    def __init__(self, d=16):
        super().__init__()
        self.norm = nn.LayerNorm(d)
        self.attn = CausalSelfAttention(d)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x):
        x = x + self.attn(self.norm(x))
        return x + self.mlp(x)


class MeanPoolClassifier(nn.Module):
    """One encoder layer, mean over the tokens, a linear head: invariant."""

    def __init__(self, d=16):
        super().__init__()
        self.encoder = nn.TransformerEncoderLayer(d, 2, 2 * d, dropout=0.0, batch_first=True)
        self.head = nn.Linear(d, 3)

    def forward(self, x):
        return self.head(self.encoder(x).mean(dim=1))


@pytest.fixture(autouse=True)
def _seeded():
    torch.manual_seed(1234)
