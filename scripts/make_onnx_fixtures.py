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
import warnings
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
    return eager_label_of(module, [torch.randn(1, n, width)], [(0, 1)], call=model)


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


# Transformer modules written by other people (torch.nn, torchvision, torchaudio), with batch 2
# where the module merges the token axis with the batch. Each entry: a factory returning the
# module and its example inputs, the input names, their dynamic axes ("seq" marks the permuted
# token axis), the permuted (input index, axis) pairs and the label eager PyTorch must confirm.

class Forward(nn.Module):
    """Wraps a call on a module so that the export sees plain tensor inputs and one output."""

    def __init__(self, module, call):
        super().__init__()
        self.module, self.call = module, call

    def forward(self, *inputs):
        return self.call(self.module, *inputs)


def vit_encoder(positions):
    import torchvision.models.vision_transformer as vision_transformer
    encoder = vision_transformer.Encoder(seq_length=4, num_layers=1, num_heads=HEADS, hidden_dim=D, mlp_dim=FF,
                                         dropout=0.0, attention_dropout=0.0)
    if positions:
        return encoder, (torch.randn(1, 4, D),)
    # The same blocks without the position embedding added in Encoder.forward.
    return Forward(encoder, lambda e, x: e.ln(e.layers(e.dropout(x)))), (torch.randn(1, 4, D),)


def swin_block():
    import torchvision.models.swin_transformer as swin_transformer
    block = swin_transformer.SwinTransformerBlock(D, HEADS, window_size=[2, 2], shift_size=[1, 1], mlp_ratio=2.0)
    return block, (torch.randn(1, 4, 4, D),)  # [batch, rows, columns, channels]; the rows are permuted


def conformer():
    import torchaudio
    model = torchaudio.models.Conformer(input_dim=D, num_heads=HEADS, ffn_dim=FF, num_layers=1, depthwise_conv_kernel_size=3)
    return Forward(model, lambda m, x, lengths: m(x, lengths)[0]), (torch.randn(2, 5, D), torch.tensor([5, 5]))


def wav2vec2_transformer(positions):
    import torchaudio
    model = torchaudio.models.wav2vec2_model(
        extractor_mode="group_norm", extractor_conv_layer_config=[(D, 10, 5)], extractor_conv_bias=False,
        encoder_embed_dim=D, encoder_projection_dropout=0.0, encoder_pos_conv_kernel=4, encoder_pos_conv_groups=2,
        encoder_num_layers=1, encoder_num_heads=HEADS, encoder_attention_dropout=0.0, encoder_ff_interm_features=FF,
        encoder_ff_interm_dropout=0.0, encoder_dropout=0.0, encoder_layer_norm_first=False, encoder_layer_drop=0.0,
        aux_num_out=None)
    transformer = model.encoder.transformer
    if positions:
        return Forward(transformer, lambda t, x: t(x)), (torch.randn(1, 5, D),)

    def without_positions(t, x):
        x = t.layer_norm(x)
        for layer in t.layers:
            x = layer(x)
        return x
    return Forward(transformer, without_positions), (torch.randn(1, 5, D),)


def decoder_layer(causal):
    layer = nn.TransformerDecoderLayer(D, HEADS, FF, dropout=0.0, batch_first=True)

    def call(l, x, memory):
        n = x.shape[1]
        mask = torch.triu(torch.full((n, n), float("-inf"), dtype=x.dtype), 1) if causal else None
        return l(x, memory, tgt_mask=mask)
    return Forward(layer, call), (torch.randn(2, 5, D), torch.randn(2, 3, D))


def transformer():
    model = nn.Transformer(D, HEADS, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=FF, dropout=0.0, batch_first=True)
    return Forward(model, lambda m, src, tgt: m(src, tgt)), (torch.randn(2, 3, D), torch.randn(2, 5, D))


def mha_key_padding():
    attention = nn.MultiheadAttention(D, HEADS)  # sequence first: [T, B, E], merged to [T * B, E] inside
    pad = torch.zeros(2, 5, dtype=torch.bool)
    pad[1, 3:] = True

    def call(a, x, pad):
        return a(x, x, x, key_padding_mask=pad, need_weights=False)[0]
    return Forward(attention, call), (torch.randn(5, 2, D), pad)


class GatedMlpSpatial(nn.Module):
    """gMLP's spatial gating unit: a Linear across tokens (weights indexed by position): breaks."""

    def __init__(self, n=5):
        super().__init__()
        self.proj = nn.Linear(D, 2 * D)
        self.spatial = nn.Linear(n, n)

    def forward(self, x):
        u, v = self.proj(x).chunk(2, dim=-1)
        v = self.spatial(v.transpose(1, 2)).transpose(1, 2)
        return u * v


def gmlp():
    return GatedMlpSpatial(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


def emformer():
    import torchaudio
    model = torchaudio.models.Emformer(D, HEADS, FF, 1, segment_length=2, right_context_length=0)
    return (Forward(model, lambda m, x, lengths: m(x, lengths)[0]), (torch.randn(2, 6, D), torch.tensor([6, 6])), ["x", "lengths"],
            {"x": {1: "seq"}}, [(0, 1)])


class TopkPooling(nn.Module):
    """One encoder layer, then the two largest values of each feature over the tokens (sort
    pooling): invariant. The export lists TopK's indices output, which nothing reads."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.TransformerEncoderLayer(D, HEADS, FF, dropout=0.0, batch_first=True)
        self.head = nn.Linear(D, 3)

    def forward(self, x):
        return self.head(torch.topk(self.encoder(x), 2, dim=1).values)


class TopkPositions(nn.Module):
    """The positions of the two largest tokens, read as features: the indices are read, so they
    keep their obligation (and break: they name token positions)."""

    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(D, 1)

    def forward(self, x):
        return torch.topk(self.proj(x), 2, dim=1).indices.float()


class ClsReadout(nn.Module):
    """A learned CLS token prepended, one encoder layer, the CLS row read out: invariant."""

    def __init__(self):
        super().__init__()
        self.cls = nn.Parameter(torch.randn(1, 1, D))
        self.encoder = nn.TransformerEncoderLayer(D, HEADS, FF, dropout=0.0, batch_first=True)

    def forward(self, x):
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], dim=1)
        return self.encoder(x)[:, 0]


class CumsumPositions(nn.Module):
    """RoBERTa-style position ids, cumsum of the padding mask, into an embedding table: breaks."""

    def __init__(self):
        super().__init__()
        self.positions = nn.Embedding(12, D)
        self.linear = nn.Linear(D, D)

    def forward(self, x, keep):
        ids = torch.cumsum(keep, dim=1) * keep
        return self.linear(x + self.positions(ids))


class Nystromformer(nn.Module):
    """Nystromformer: landmarks are the means of consecutive segments of tokens (reshape + mean),
    the middle kernel inverted by Newton iterations (HF's iterative_inv): breaks."""

    def __init__(self, landmarks=3, iterations=6):
        super().__init__()
        self.landmarks, self.iterations = landmarks, iterations
        self.q, self.k, self.v = nn.Linear(D, D), nn.Linear(D, D), nn.Linear(D, D)

    @staticmethod
    def iterative_inv(mat, n_iter):
        identity = torch.eye(mat.size(-1), dtype=mat.dtype)
        value = 1 / torch.max(torch.sum(mat, dim=-2)) * mat.transpose(-1, -2)
        for _ in range(n_iter):
            key_value = torch.matmul(mat, value)
            value = torch.matmul(0.25 * value, 13 * identity - torch.matmul(key_value, 15 * identity
                                 - torch.matmul(key_value, 7 * identity - key_value)))
        return value

    def forward(self, x):
        b, n, d = x.shape
        q, k, v = self.q(x) / math.sqrt(math.sqrt(D)), self.k(x) / math.sqrt(math.sqrt(D)), self.v(x)
        q_landmarks = q.reshape(b, self.landmarks, n // self.landmarks, d).mean(dim=-2)
        k_landmarks = k.reshape(b, self.landmarks, n // self.landmarks, d).mean(dim=-2)
        kernel_1 = torch.softmax(q @ k_landmarks.transpose(-1, -2), dim=-1)
        kernel_2 = torch.softmax(q_landmarks @ k_landmarks.transpose(-1, -2), dim=-1)
        kernel_3 = torch.softmax(q_landmarks @ k.transpose(-1, -2), dim=-1)
        return kernel_1 @ self.iterative_inv(kernel_2, self.iterations) @ (kernel_3 @ v)

class SwitchTop1(nn.Module):
    """Switch Transformer top-1 routing: argmax over a softmax router, one_hot dispatch to the
    chosen expert, scaled by its probability: each token alone, equivariant."""

    def __init__(self, experts=4):
        super().__init__()
        self.experts_count = experts
        self.router = nn.Linear(D, experts, bias=False)
        self.experts = nn.ModuleList(nn.Sequential(nn.Linear(D, FF), nn.ReLU(), nn.Linear(FF, D)) for _ in range(experts))

    def forward(self, x):
        probs = torch.softmax(self.router(x), dim=-1)
        expert_index = torch.argmax(probs, dim=-1)
        dispatch = nn.functional.one_hot(expert_index, num_classes=self.experts_count).to(x.dtype)
        outputs = torch.stack([expert(x) for expert in self.experts], dim=-2)
        chosen = (outputs * dispatch.unsqueeze(-1)).sum(dim=-2)
        return chosen * torch.max(probs, dim=-1, keepdim=True).values

def keep_mask():
    keep = torch.ones(2, 5, dtype=torch.long)
    keep[1, 3:] = 0
    return keep


LIBRARY_FIXTURES = {
    # name: (factory, input names, dynamic axes, [(permuted (input, axis) pairs, expected label)])
    "vit_encoder_pos": (lambda: vit_encoder(True), ["x"], {"x": {1: "seq"}}, [([(0, 1)], "breaks")]),
    "vit_encoder_nopos": (lambda: vit_encoder(False), ["x"], {"x": {1: "seq"}}, [([(0, 1)], "equivariant")]),
    "swin_block_shifted": (swin_block, ["x"], {"x": {1: "seq"}}, [([(0, 1)], "breaks")]),
    "conformer": (conformer, ["x", "lengths"], {"x": {1: "seq"}}, [([(0, 1)], "breaks")]),
    "wav2vec2_transformer": (lambda: wav2vec2_transformer(True), ["x"], {"x": {1: "seq"}}, [([(0, 1)], "breaks")]),
    "wav2vec2_nopos": (lambda: wav2vec2_transformer(False), ["x"], {"x": {1: "seq"}}, [([(0, 1)], "equivariant")]),
    "decoder_layer_batch2": (lambda: decoder_layer(False), ["x", "memory"], {"x": {1: "seq"}, "memory": {1: "memory_len"}},
                             [([(0, 1)], "equivariant")]),
    "decoder_causal_batch2": (lambda: decoder_layer(True), ["x", "memory"], {"x": {1: "seq"}, "memory": {1: "memory_len"}},
                              [([(0, 1)], "breaks")]),
    # The target permuted: equivariant; the source (memory) permuted: invariant.
    "transformer_batch2": (transformer, ["src", "tgt"], {"src": {1: "src_len"}, "tgt": {1: "seq"}},
                           [([(1, 1)], "equivariant"), ([(0, 1)], "invariant")]),
    "mha_key_padding_batch2": (mha_key_padding, ["x", "pad"], {"x": {0: "seq"}, "pad": {1: "seq"}}, [([(0, 0), (1, 1)], "equivariant")]),
    # Defined at one length only (a Linear over the 5 tokens; segment sizes traced at 6): read at
    # the smallest length above the default 4 at which the model translates.
    "gmlp_spatial_gating": (lambda: gmlp()[:2], ["x"], {"x": {1: "seq"}}, [([(0, 1)], "breaks")]),
    "emformer_segments": (lambda: emformer()[:2], ["x", "lengths"], {"x": {1: "seq"}}, [([(0, 1)], "breaks")]),
    # A class token prepended, batch 2: nn.MultiheadAttention merges [n+1, B, E] into [(n+1)*B, E].
    "cls_token_readout": (lambda: (ClsReadout(), (torch.randn(2, 5, D),)), ["x"], {"x": {1: "seq"}}, [([(0, 1)], "invariant")]),
    # TopK over the tokens with its indices unused: no obligation on them.
    "topk_pooling": (lambda: (TopkPooling(), (torch.randn(2, 5, D),)), ["x"], {"x": {1: "seq"}}, [([(0, 1)], "invariant")]),
    # The same TopK with its indices read: they carry their obligation and break.
    "topk_positions": (lambda: (TopkPositions(), (torch.randn(2, 5, D),)), ["x"], {"x": {1: "seq"}}, [([(0, 1)], "breaks")]),
    # Position ids from the padding mask (RoBERTa): integer inputs that compute an index.
    "cumsum_position_ids": (lambda: (CumsumPositions(), (torch.randn(2, 5, D), keep_mask())), ["x", "keep"],
                            {"x": {1: "seq"}, "keep": {1: "seq"}}, [([(0, 1), (1, 1)], "breaks")]),
    # Switch top-1 routing: ArgMax, then OneHot dispatch masks over the experts.
    "switch_top1_onehot": (lambda: (SwitchTop1(), (torch.randn(2, 5, D),)), ["x"], {"x": {1: "seq"}}, [([(0, 1)], "equivariant")]),
    # Landmarks are means of n / 3 consecutive tokens: the model does not translate at the default
    # n = 4; at n = 3 each segment holds one token (equivariant there), at n = 6 it breaks.
    "nystromformer_segments": (lambda: (Nystromformer(iterations=1), (torch.randn(1, 6, D),)), ["x"], {"x": {1: "seq"}},
                               [([(0, 1)], "breaks")]),
}


def eager_label_of(module, inputs, permuted, call=None):
    """eager_label for several inputs: the (input, axis) pairs in `permuted` move together; f(Px)
    is compared with P f(x) on the output's axes that have the token count, and with f(x).
    `call`: the function of `module` to label, default the module itself."""
    call = call or module
    module.double()
    inputs = [t.double() if t.is_floating_point() else t for t in inputs]
    n = inputs[permuted[0][0]].shape[permuted[0][1]]
    labels = set()
    with torch.no_grad():
        fx = call(*inputs)
        for sigma in permutations(n):
            moved = list(inputs)
            for index, axis in permuted:
                moved[index] = moved[index].index_select(axis, torch.tensor(sigma))
            f_px = call(*moved)
            axes = [a for a in range(fx.dim()) if fx.shape[a] == n]
            if any(torch.allclose(f_px, fx.index_select(a, torch.tensor(sigma)), rtol=1e-9, atol=1e-9) for a in axes):
                labels.add("equivariant")
            elif torch.allclose(f_px, fx, rtol=1e-9, atol=1e-9):
                labels.add("invariant")
            else:
                labels.add("breaks")
    module.float()
    return labels.pop() if len(labels) == 1 else "breaks"


def export_library_fixture(name, out_dir):
    make, names, dynamic_axes, expectations = LIBRARY_FIXTURES[name]
    torch.manual_seed(zlib.crc32(name.encode()))
    module, inputs = make()
    module.eval()
    labels = []
    for permuted, expected in expectations:
        label = eager_label_of(module, inputs, permuted)
        if label != expected:
            raise SystemExit(f"{name}: eager PyTorch says {label} with {permuted} permuted, the fixture expects {expected}")
        labels.append(label)
    label = ", ".join(labels)
    path = os.path.join(out_dir, name + ".onnx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, inputs, path, input_names=names, output_names=["y"], dynamic_axes=dynamic_axes,
                          opset_version=17, do_constant_folding=True)
    print(f"{path}: {os.path.getsize(path)} bytes, {label} in eager float64")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "onnx")
    os.makedirs(out_dir, exist_ok=True)
    for name, (make, kind) in FIXTURES.items():
        export(name, make, kind, out_dir)
    for name in ISSUE14_FIXTURES:
        export_issue14(name, out_dir)
    export_decoder_memory(out_dir)
    only = sys.argv[2:]  # names of library fixtures to regenerate alone
    for name in LIBRARY_FIXTURES:
        if not only or name in only:
            export_library_fixture(name, out_dir)


if __name__ == "__main__":
    main()
