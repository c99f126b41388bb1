#!/usr/bin/env python3
"""Generates the ONNX test fixtures in tests/fixtures/onnx/ with Debian's python3-torch.

Not needed to build or to run the tests: the generated files are committed. Run it again after
changing a model here:  /usr/bin/python3 scripts/make_onnx_fixtures.py [OUT_DIR]

Every model takes a batch of one sequence, [1, seq, d] (or [1, seq] token ids), with the sequence
axis exported as the dynamic dimension "seq", so the files carry PyTorch's shape arithmetic
(Shape/Gather/Unsqueeze/Concat/Reshape) that permeq folds for the checked length. The expected
verdict and culprit of each fixture are asserted by tests/test_onnx_import.cpp.
"""
import math
import os
import sys
import zlib

import torch
from torch import nn

torch.manual_seed(7)
D, HEADS, FF, MAX_LEN, VOCAB = 16, 2, 32, 16, 20


def sinusoidal_table(length, d):
    pos = torch.arange(length, dtype=torch.float32).unsqueeze(1)
    div = torch.exp(torch.arange(0, d, 2, dtype=torch.float32) * (-math.log(10000.0) / d))
    table = torch.zeros(length, d)
    table[:, 0::2] = torch.sin(pos * div)
    table[:, 1::2] = torch.cos(pos * div)
    return table


class Encoder(nn.Module):
    """nn.TransformerEncoder; positions: None, 'sinusoidal' (buffer) or 'learned' (parameter)."""

    def __init__(self, positions=None, norm_first=False, activation="relu", layers=2):
        super().__init__()
        layer = nn.TransformerEncoderLayer(D, HEADS, FF, dropout=0.1, activation=activation,
                                           batch_first=True, norm_first=norm_first)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.positions = positions
        if positions == "sinusoidal":
            self.register_buffer("pe", sinusoidal_table(MAX_LEN, D))
        elif positions == "learned":
            self.pe = nn.Parameter(torch.randn(MAX_LEN, D) * 0.1)

    def forward(self, x):
        if self.positions:
            x = x + self.pe[: x.shape[1]]
        return self.encoder(x)


class GptBlock(nn.Module):
    """A causal GPT-style block: pre-norm, masked self-attention, GELU MLP."""

    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.qkv = nn.Linear(D, 3 * D)
        self.proj = nn.Linear(D, D)
        self.mlp = nn.Sequential(nn.Linear(D, FF), nn.GELU(), nn.Linear(FF, D))

    def forward(self, x):
        n = x.shape[1]
        q, k, v = self.qkv(self.ln1(x)).split(D, dim=2)
        split = lambda t: t.view(1, n, HEADS, D // HEADS).transpose(1, 2)
        q, k, v = split(q), split(k), split(v)
        scores = q @ k.transpose(-2, -1) / math.sqrt(D // HEADS)
        causal = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
        scores = scores.masked_fill(causal, float("-inf"))
        mixed = (scores.softmax(-1) @ v).transpose(1, 2).reshape(1, n, D)
        x = x + self.proj(mixed)
        return x + self.mlp(self.ln2(x))


class RotaryAttention(nn.Module):
    """Hand-written single-head attention with rotary position embeddings on queries and keys."""

    def __init__(self):
        super().__init__()
        self.q, self.k, self.v = nn.Linear(D, D), nn.Linear(D, D), nn.Linear(D, D)
        inv = 1.0 / (10000 ** (torch.arange(0, D, 2, dtype=torch.float32) / D))
        angles = torch.arange(MAX_LEN, dtype=torch.float32).unsqueeze(1) * inv
        self.register_buffer("cos", torch.cos(angles).repeat_interleave(2, dim=1))
        self.register_buffer("sin", torch.sin(angles).repeat_interleave(2, dim=1))

    @staticmethod
    def rotate_pairs(t):
        even, odd = t[..., 0::2], t[..., 1::2]
        return torch.stack((-odd, even), dim=-1).flatten(-2)

    def forward(self, x):
        n = x.shape[1]
        cos, sin = self.cos[:n], self.sin[:n]
        q, k = self.q(x), self.k(x)
        q = q * cos + self.rotate_pairs(q) * sin
        k = k * cos + self.rotate_pairs(k) * sin
        weights = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(D), dim=-1)
        return weights @ self.v(x)


class BertEmbedding(nn.Module):
    """BERT-style embedding of int64 token ids: word + position + token type, then LayerNorm."""

    def __init__(self):
        super().__init__()
        self.word = nn.Embedding(VOCAB, D)
        self.position = nn.Embedding(MAX_LEN, D)
        self.token_type = nn.Embedding(2, D)
        self.norm = nn.LayerNorm(D)

    def forward(self, ids):
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        types = torch.zeros_like(ids)
        return self.norm(self.word(ids) + self.position(positions) + self.token_type(types))


class WordEmbeddingEncoder(nn.Module):
    """Int64 ids through an embedding and one encoder layer, without positions: a set function."""

    def __init__(self):
        super().__init__()
        self.word = nn.Embedding(VOCAB, D)
        self.encoder = Encoder(layers=1)

    def forward(self, ids):
        return self.encoder(self.word(ids))


class DeepSets(nn.Module):
    """rho(sum_i phi(x_i)): invariant under any permutation of the set."""

    def __init__(self):
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(D, FF), nn.ReLU(), nn.Linear(FF, FF))
        self.rho = nn.Sequential(nn.Linear(FF, FF), nn.ReLU(), nn.Linear(FF, 3))

    def forward(self, x):
        return self.rho(self.phi(x).sum(dim=1))


class RmsNormClassifier(nn.Module):
    """RMSNorm written out (Pow, ReduceMean, Sqrt, Div), an MLP, mean pooling: invariant."""

    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(D) + 0.1 * torch.randn(D))
        self.mlp = nn.Sequential(nn.Linear(D, FF), nn.SiLU(), nn.Linear(FF, D))
        self.head = nn.Linear(D, 4)

    def forward(self, x):
        rms = torch.sqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6)
        h = x / rms * self.scale
        h = h + self.mlp(h)
        return self.head(h.mean(dim=1))


class ConvOverTokens(nn.Module):
    """Conv1d along the sequence: mixes neighbouring tokens, so it breaks permutation equivariance."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(D, D, kernel_size=3, padding=1)

    def forward(self, x):
        return self.conv(x.transpose(1, 2)).transpose(1, 2)


class Token0Readout(nn.Module):
    """One encoder layer, then the first token's vector (a CLS-style readout): not invariant."""

    def __init__(self):
        super().__init__()
        self.encoder = Encoder(layers=1)
        self.head = nn.Linear(D, 3)

    def forward(self, x):
        return self.head(self.encoder(x)[:, 0])


class MultiheadAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.mha = nn.MultiheadAttention(D, HEADS, batch_first=True)

    def forward(self, x):
        return self.mha(x, x, x, need_weights=False)[0]


class CumulativeMean(nn.Module):
    """A running mean over the prefix (CumSum over tokens): breaks."""

    def forward(self, x):
        return torch.cumsum(x, dim=1)


class Unsupported(nn.Module):
    """An LSTM and a GRU: operators permeq does not import, to test the error message."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(D, D, batch_first=True)
        self.gru = nn.GRU(D, D, batch_first=True)

    def forward(self, x):
        y, _ = self.lstm(x)
        return self.gru(y)[0]


class AlibiAttention(nn.Module):
    """Single-head attention with ALiBi: scores get -slope * |i - j| (Abs of position differences)."""

    def __init__(self):
        super().__init__()
        self.q, self.k, self.v = nn.Linear(D, D), nn.Linear(D, D), nn.Linear(D, D)

    def forward(self, x):
        n = x.shape[1]
        pos = torch.arange(n)
        distance = (pos.unsqueeze(0) - pos.unsqueeze(1)).abs().to(x.dtype)
        scores = self.q(x) @ self.k(x).transpose(-2, -1) / math.sqrt(D) - 0.5 * distance
        return torch.softmax(scores, dim=-1) @ self.v(x)


class GptInfMask(nn.Module):
    """GPT-style causal attention whose mask is torch.triu(torch.full((n, n), -inf), 1), added to the scores."""

    def __init__(self):
        super().__init__()
        self.ln = nn.LayerNorm(D)
        self.qkv = nn.Linear(D, 3 * D)
        self.proj = nn.Linear(D, D)

    def forward(self, x):
        n = x.shape[1]
        q, k, v = self.qkv(self.ln(x)).split(D, dim=2)
        mask = torch.triu(torch.full((n, n), float("-inf"), dtype=x.dtype), 1)
        scores = q @ k.transpose(-2, -1) / math.sqrt(D) + mask
        return x + self.proj(torch.softmax(scores, dim=-1) @ v)


ROTARY_D = 32  # inv_freq has ROTARY_D / 2 = 16 entries: more than the importer folds, so Pow stays a node


class RotaryComputed(nn.Module):
    """Rotary embeddings with inv_freq = base ** (-arange / d) computed in forward (Pow with a tensor exponent)."""

    def __init__(self):
        super().__init__()
        self.q, self.k, self.v = nn.Linear(ROTARY_D, ROTARY_D), nn.Linear(ROTARY_D, ROTARY_D), nn.Linear(ROTARY_D, ROTARY_D)

    def forward(self, x):
        n = x.shape[1]
        exponent = -torch.arange(0, ROTARY_D, 2, dtype=x.dtype) / ROTARY_D
        inv_freq = torch.tensor(10000.0, dtype=x.dtype) ** exponent
        angles = torch.arange(n, dtype=x.dtype).unsqueeze(1) * inv_freq
        cos, sin = torch.cos(angles).repeat(1, 2), torch.sin(angles).repeat(1, 2)
        rotate = lambda t: torch.cat((-t[..., ROTARY_D // 2:], t[..., : ROTARY_D // 2]), dim=-1)
        q, k = self.q(x), self.k(x)
        q, k = q * cos + rotate(q) * sin, k * cos + rotate(k) * sin
        return torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(ROTARY_D), dim=-1) @ self.v(x)


class TokenShift(nn.Module):
    """RWKV-style token shift: each token mixed with its predecessor, by a Pad that adds a row before and crops the last."""

    def __init__(self):
        super().__init__()
        self.mix = nn.Linear(2 * D, D)

    def forward(self, x):
        previous = nn.functional.pad(x, (0, 0, 1, -1))
        return self.mix(torch.cat((x, previous), dim=-1))


EXPERTS = 4


class Top2MoE(nn.Module):
    """Top-2 mixture-of-experts routing: softmax router, TopK over the experts, the chosen experts' outputs gathered and weighted."""

    def __init__(self):
        super().__init__()
        self.router = nn.Linear(D, EXPERTS)
        self.experts = nn.ModuleList(nn.Sequential(nn.Linear(D, FF), nn.GELU(), nn.Linear(FF, D)) for _ in range(EXPERTS))

    def forward(self, x):
        weights, chosen = torch.softmax(self.router(x), dim=-1).topk(2, dim=-1)
        outputs = torch.stack([expert(x) for expert in self.experts], dim=2)  # [1, n, E, D]
        picked = torch.gather(outputs, 2, chosen.unsqueeze(-1).expand(-1, -1, -1, D))
        return (picked * weights.unsqueeze(-1)).sum(dim=2)


FIXTURES = {
    # name: (module, input kind)
    "encoder_nopos": (lambda: Encoder(), "float"),
    "encoder_prenorm_gelu": (lambda: Encoder(norm_first=True, activation="gelu"), "float"),
    "encoder_sinusoidal_pe": (lambda: Encoder(positions="sinusoidal"), "float"),
    "encoder_learned_pe": (lambda: Encoder(positions="learned"), "float"),
    "gpt_causal": (GptBlock, "float"),
    "rope_attention": (RotaryAttention, "float"),
    "bert_embedding": (BertEmbedding, "ids"),
    "embedding_encoder": (WordEmbeddingEncoder, "ids"),
    "deepsets": (DeepSets, "float"),
    "rmsnorm_classifier": (RmsNormClassifier, "float"),
    "conv1d_tokens": (ConvOverTokens, "float"),
    "token0_readout": (Token0Readout, "float"),
    "multihead_attention": (MultiheadAttention, "float"),
    "cumsum_tokens": (CumulativeMean, "float"),
    "unsupported_lstm": (Unsupported, "float"),
}

class DecoderWithMemory(nn.Module):
    """nn.TransformerDecoderLayer (batch 1): the target is permuted, the memory is a second input
    with a dynamic length of its own that is not permuted."""

    def __init__(self):
        super().__init__()
        self.layer = nn.TransformerDecoderLayer(D, HEADS, FF, dropout=0.1, batch_first=True)

    def forward(self, x, memory):
        return self.layer(x, memory)


def export_decoder_memory(out_dir, name="decoder_memory"):
    torch.manual_seed(zlib.crc32(name.encode()))
    model = DecoderWithMemory().eval()
    memory = torch.randn(1, 3, D, dtype=torch.float64)
    label = eager_label(lambda t: model(t, memory), D, to_double=model)
    if label != "equivariant":
        raise SystemExit(f"{name}: eager PyTorch says {label}, the fixture expects equivariant")
    path = os.path.join(out_dir, name + ".onnx")
    torch.onnx.export(model, (torch.randn(1, 5, D), torch.randn(1, 3, D)), path, input_names=["x", "memory"], output_names=["y"],
                      dynamic_axes={"x": {1: "seq"}, "memory": {1: "memory_len"}}, opset_version=17)
    print(f"{path}: {os.path.getsize(path)} bytes, {label} in eager float64")


# Fixtures of issue 14. Each is built under its own seed, so one can be regenerated alone, and its
# label is confirmed in eager PyTorch (float64) before it is written.
ISSUE14_FIXTURES = {
    # name: (module, input width, expected label, export without constant folding)
    "alibi_attention": (AlibiAttention, D, "breaks", False),
    "gpt_inf_mask": (GptInfMask, D, "breaks", False),
    "rotary_computed": (RotaryComputed, ROTARY_D, "breaks", True),
    "token_shift": (TokenShift, D, "breaks", False),
    "moe_top2": (Top2MoE, D, "equivariant", False),
}


def permutations(n):
    transposition = list(range(n))
    transposition[0], transposition[1] = 1, 0
    return [transposition, [(i + 1) % n for i in range(n)]]


def eager_label(model, width, n=5, to_double=None):
    """'equivariant' when f(Px) = P f(x), 'invariant' when f(Px) = f(x), for the transposition (0 1)
    and the n-cycle, else 'breaks'; in float64. `to_double`: the module to convert when `model` is
    a function of it."""
    module = to_double if to_double is not None else model
    module.double()
    x = torch.randn(1, n, width, dtype=torch.float64)
    with torch.no_grad():
        fx = model(x)
        labels = set()
        for sigma in permutations(n):
            f_px = model(x[:, sigma])
            if fx.dim() >= 2 and fx.shape[1] == n and torch.allclose(f_px, fx[:, sigma], rtol=1e-9, atol=1e-9):
                labels.add("equivariant")
            elif torch.allclose(f_px, fx, rtol=1e-9, atol=1e-9):
                labels.add("invariant")
            else:
                labels.add("breaks")
    module.float()
    return labels.pop() if len(labels) == 1 else "breaks"


def export_issue14(name, out_dir):
    make, width, expected, unfolded = ISSUE14_FIXTURES[name]
    torch.manual_seed(zlib.crc32(name.encode()))
    model = make().eval()
    label = eager_label(model, width)
    if label != expected:
        raise SystemExit(f"{name}: eager PyTorch says {label}, the fixture expects {expected}")
    path = os.path.join(out_dir, name + ".onnx")
    torch.onnx.export(model, (torch.randn(1, 5, width),), path, input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {1: "seq"}}, opset_version=17, do_constant_folding=not unfolded)
    print(f"{path}: {os.path.getsize(path)} bytes, {label} in eager float64")


def export(name, make, kind, out_dir, opset=14):
    model = make().eval()
    example = torch.randint(0, VOCAB, (1, 5)) if kind == "ids" else torch.randn(1, 5, D)
    input_name = "ids" if kind == "ids" else "x"
    path = os.path.join(out_dir, name + ".onnx")
    torch.onnx.export(model, (example,), path, input_names=[input_name], output_names=["y"],
                      dynamic_axes={input_name: {1: "seq"}}, opset_version=opset,
                      do_constant_folding=True)
    print(f"{path}: {os.path.getsize(path)} bytes")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "onnx")
    os.makedirs(out_dir, exist_ok=True)
    for name, (make, kind) in FIXTURES.items():
        export(name, make, kind, out_dir)
    for name in ISSUE14_FIXTURES:
        export_issue14(name, out_dir)
    export_decoder_memory(out_dir)


if __name__ == "__main__":
    main()
