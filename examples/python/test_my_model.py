"""Equivariance as a unit test: run with
    PYTHONPATH=build/python /usr/bin/python3 -m pytest examples/python/test_my_model.py
The second test shows what a failure says: a causal mask makes attention depend on positions."""
import math

import pytest
import torch
from torch import nn

from permeq.testing import assert_equivariant, assert_invariant


class SetClassifier(nn.Module):
    def __init__(self, d=32):
        super().__init__()
        self.encoder = nn.TransformerEncoderLayer(d, 4, 2 * d, batch_first=True)
        self.head = nn.Linear(d, 5)

    def forward(self, x):
        return self.head(self.encoder(x).mean(dim=1))


class CausalAttention(nn.Module):
    def __init__(self, d=32):
        super().__init__()
        self.qkv = nn.Linear(d, 3 * d)

    def forward(self, x):
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        n = x.shape[1]
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        scores = scores.masked_fill(torch.triu(torch.ones(n, n, dtype=torch.bool), 1), float("-inf"))
        return scores.softmax(-1) @ v


class Decoder(nn.Module):
    def __init__(self, d=32):
        super().__init__()
        self.attn = CausalAttention(d)

    def forward(self, x):
        return x + self.attn(x)


def test_encoder_layer_is_equivariant():
    assert_equivariant(nn.TransformerEncoderLayer(32, 4, 64, batch_first=True), torch.randn(1, 6, 32), axis=1, proved=True)


def test_pooled_classifier_is_invariant():
    assert_invariant(SetClassifier(), torch.randn(1, 6, 32))


def test_causal_decoder_is_not_equivariant():
    with pytest.raises(AssertionError, match="module 'attn'"):
        assert_equivariant(Decoder(), torch.randn(1, 6, 32))
