#!/usr/bin/env python3
"""Checks permeq against eager PyTorch on transformer modules that no test fixture covers.

Each module below (torch.nn, torchvision, torchaudio, hand-written patterns) is labelled in eager
PyTorch in float64 (f(Px) against P f(x) and f(x), for the transposition (0 1) and the n-cycle),
exported with torch.onnx.export (opset 17, dynamic token axis) and checked with `permeq check`.
A row is wrong when permeq's decided verdict differs from eager PyTorch's, or when permeq says
"equivariant"/"invariant" for a module that breaks; "unknown" is counted apart.

    /usr/bin/python3 scripts/survey_models.py [--permeq build/permeq] [--only NAME ...] [--keep DIR]

Exit status: 0 when no row is wrong, 1 otherwise. Not part of the default test suite (it exports
about seventy models, about three minutes); tests/fixtures/onnx holds the committed ones.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import warnings
import zlib

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_onnx_fixtures import (ClsReadout, CumsumPositions, Forward, Nystromformer, SwitchTop1, emformer, gmlp, keep_mask,  # noqa: E402
                                permutations)

D, H, FF = 16, 2, 32


def seq_first(x):
    return x.transpose(0, 1)


# Each factory returns (module, inputs, input names, dynamic axes, permuted (input, axis) pairs).
def encoder_layer_seq_first_batch3():
    layer = nn.TransformerEncoderLayer(D, H, FF, dropout=0.0, norm_first=True, activation="gelu")
    return layer, (torch.randn(5, 3, D),), ["x"], {"x": {0: "seq"}}, [(0, 0)]


def encoder_causal_src_mask():
    layer = nn.TransformerEncoderLayer(D, H, FF, dropout=0.0, batch_first=True)

    def call(l, x):
        n = x.shape[1]
        return l(x, src_mask=nn.Transformer.generate_square_subsequent_mask(n).to(x.dtype))
    return Forward(layer, call), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


def encoder_key_padding_batch2():
    layer = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, FF, dropout=0.0, batch_first=True), 2,
                                  enable_nested_tensor=False)
    pad = torch.zeros(2, 5, dtype=torch.bool)
    pad[0, 4:] = True
    return (Forward(layer, lambda l, x, p: l(x, src_key_padding_mask=p)), (torch.randn(2, 5, D), pad), ["x", "pad"],
            {"x": {1: "seq"}, "pad": {1: "seq"}}, [(0, 1), (1, 1)])


def mha_bias_kv_zero_attn():
    attention = nn.MultiheadAttention(D, H, add_bias_kv=True, add_zero_attn=True, batch_first=True)
    return (Forward(attention, lambda a, x: a(x, x, x, need_weights=False)[0]), (torch.randn(2, 5, D),), ["x"],
            {"x": {1: "seq"}}, [(0, 1)])


def mha_cross_kdim_vdim():
    attention = nn.MultiheadAttention(D, H, kdim=8, vdim=12, batch_first=True)
    return (Forward(attention, lambda a, q, kv_k, kv_v: a(q, kv_k, kv_v, need_weights=False)[0]),
            (torch.randn(2, 5, D), torch.randn(2, 3, 8), torch.randn(2, 3, 12)), ["q", "k", "v"],
            {"q": {1: "seq"}, "k": {1: "mem"}, "v": {1: "mem"}}, [(0, 1)])


def mha_memory_permuted():
    """Cross-attention with the keys and values permuted together: invariant."""
    attention = nn.MultiheadAttention(D, H, batch_first=True)
    return (Forward(attention, lambda a, q, m: a(q, m, m, need_weights=False)[0]), (torch.randn(2, 3, D), torch.randn(2, 5, D)),
            ["q", "memory"], {"q": {1: "qlen"}, "memory": {1: "seq"}}, [(1, 1)])


def mha_attention_weights():
    """The averaged attention weights [B, L, S]: permuted on both token axes."""
    attention = nn.MultiheadAttention(D, H, batch_first=True)
    return (Forward(attention, lambda a, x: a(x, x, x, need_weights=True)[1]), (torch.randn(1, 5, D),), ["x"],
            {"x": {1: "seq"}}, [(0, 1)])


def transformer_decoder_two_layers():
    decoder = nn.TransformerDecoder(nn.TransformerDecoderLayer(D, H, FF, dropout=0.0, batch_first=True, norm_first=True), 2)
    return (Forward(decoder, lambda d, x, m: d(x, m)), (torch.randn(2, 5, D), torch.randn(2, 3, D)), ["x", "memory"],
            {"x": {1: "seq"}, "memory": {1: "mem"}}, [(0, 1)])


def transformer_causal_tgt():
    model = nn.Transformer(D, H, 1, 1, FF, dropout=0.0)  # sequence first

    def call(m, src, tgt):
        return m(src, tgt, tgt_mask=m.generate_square_subsequent_mask(tgt.shape[0]).to(tgt.dtype))
    return Forward(model, call), (torch.randn(3, 2, D), torch.randn(5, 2, D)), ["src", "tgt"], {"src": {0: "slen"}, "tgt": {0: "seq"}}, [(1, 0)]


def transformer_source_permuted_seq_first():
    model = nn.Transformer(D, H, 1, 1, FF, dropout=0.0)
    return (Forward(model, lambda m, src, tgt: m(src, tgt)), (torch.randn(5, 2, D), torch.randn(3, 2, D)), ["src", "tgt"],
            {"src": {0: "seq"}, "tgt": {0: "tlen"}}, [(0, 0)])


class Pma(nn.Module):
    """Set Transformer pooling by multihead attention: a learned seed query attends to the set."""

    def __init__(self):
        super().__init__()
        self.seed = nn.Parameter(torch.randn(1, 2, D))
        self.attention = nn.MultiheadAttention(D, H, batch_first=True)
        self.ff = nn.Sequential(nn.Linear(D, FF), nn.ReLU(), nn.Linear(FF, D))

    def forward(self, x):
        q = self.seed.expand(x.shape[0], -1, -1)
        h = self.attention(q, x, x, need_weights=False)[0]
        return h + self.ff(h)


def set_transformer_pma():
    return Pma(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


class Perceiver(nn.Module):
    """Latents cross-attend to the inputs, then self-attend: invariant to the inputs' order."""

    def __init__(self):
        super().__init__()
        self.latents = nn.Parameter(torch.randn(3, D))
        self.cross = nn.MultiheadAttention(D, H, batch_first=True)
        self.self_block = nn.TransformerEncoderLayer(D, H, FF, dropout=0.0, batch_first=True)

    def forward(self, x):
        lat = self.latents.unsqueeze(0).expand(x.shape[0], -1, -1)
        lat = lat + self.cross(lat, x, x, need_weights=False)[0]
        return self.self_block(lat)


def perceiver():
    return Perceiver(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


class Pooled(nn.Module):
    def __init__(self, how):
        super().__init__()
        self.how = how
        self.encoder = nn.TransformerEncoderLayer(D, H, FF, dropout=0.0, batch_first=True)
        self.head = nn.Linear(D, 3)

    def forward(self, x):
        h = self.encoder(x)
        if self.how == "mean":
            h = h.mean(1)
        elif self.how == "max":
            h = h.amax(1)
        elif self.how == "logsumexp":
            h = torch.logsumexp(h, 1)
        elif self.how == "attention":
            w = torch.softmax(h @ self.head.weight[0], dim=1)
            h = (w.unsqueeze(-1) * h).sum(1)
        elif self.how == "last":
            h = h[:, -1]
        elif self.how == "sorted":
            h = torch.topk(h, k=h.shape[1], dim=1).values
        return self.head(h)


def pooled(how):
    return lambda: (Pooled(how), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)])


class TokenOp(nn.Module):
    def __init__(self, how):
        super().__init__()
        self.how = how
        self.linear = nn.Linear(D, D)
        self.conv1 = nn.Conv1d(D, D, 1)
        self.norm = nn.BatchNorm1d(D)

    def forward(self, x):
        if self.how == "roll":
            return torch.roll(self.linear(x), 1, dims=1)
        if self.how == "flip":
            return torch.flip(self.linear(x), dims=[1])
        if self.how == "pointwise_conv_batchnorm":
            return self.norm(self.conv1(x.transpose(1, 2))).transpose(1, 2)
        if self.how == "adaptive_pool":
            return nn.functional.adaptive_avg_pool1d(self.linear(x).transpose(1, 2), 1).squeeze(-1)
        if self.how == "token_softmax":
            return torch.softmax(self.linear(x), dim=1)
        if self.how == "arange_positions":
            positions = torch.arange(x.shape[1], dtype=x.dtype).unsqueeze(-1)
            return self.linear(x + positions / 10)
        if self.how == "diff":
            return x[:, 1:] - x[:, :-1]
        if self.how == "pairwise_distance":
            return torch.cdist(x, x)
        if self.how == "gram_normalised":
            y = nn.functional.normalize(self.linear(x), dim=-1)
            return y @ y.transpose(1, 2)
        raise ValueError(self.how)


def token_op(how):
    return lambda: (TokenOp(how).eval(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)])


def swin_v2_block():
    import torchvision.models.swin_transformer as swin
    block = swin.SwinTransformerBlockV2(D, H, window_size=[2, 2], shift_size=[0, 0], mlp_ratio=2.0)
    return block, (torch.randn(1, 4, 4, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


def torchvision_mlp_tokens():
    from torchvision.ops import MLP
    return MLP(D, [FF, D], activation_layer=nn.ReLU), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


def vit_encoder_two_layers_batch2():
    import torchvision.models.vision_transformer as vt
    encoder = vt.Encoder(seq_length=5, num_layers=2, num_heads=H, hidden_dim=D, mlp_dim=FF, dropout=0.0, attention_dropout=0.0)
    return Forward(encoder, lambda e, x: e.ln(e.layers(x))), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


def conformer_layer_no_conv_positions():
    """torchaudio's ConformerLayer: its depthwise convolution runs over time, so it breaks."""
    from torchaudio.models.conformer import ConformerLayer
    layer = ConformerLayer(D, FF, H, depthwise_conv_kernel_size=3, dropout=0.0)
    return Forward(layer, lambda l, x: l(x, None)), (torch.randn(5, 2, D),), ["x"], {"x": {0: "seq"}}, [(0, 0)]


def hubert_transformer_nopos():
    from torchaudio.models.wav2vec2.components import _get_encoder
    encoder = _get_encoder(in_features=D, embed_dim=D, dropout_input=0.0, pos_conv_kernel=4, pos_conv_groups=2,
                           num_layers=2, num_heads=H, attention_dropout=0.0, ff_interm_features=FF, ff_interm_dropout=0.0,
                           dropout=0.0, layer_norm_first=True, layer_drop=0.0)

    def call(e, x):
        x = e.feature_projection(x)
        for layer in e.transformer.layers:
            x = layer(x)
        return e.transformer.layer_norm(x)
    return Forward(encoder, call), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


def wavlm_encoder():
    import torchaudio
    if not hasattr(torchaudio.models, "wavlm_model"):
        return None
    model = torchaudio.models.wavlm_model(
        extractor_mode="group_norm", extractor_conv_layer_config=[(D, 10, 5)], extractor_conv_bias=False,
        encoder_embed_dim=D, encoder_projection_dropout=0.0, encoder_pos_conv_kernel=4, encoder_pos_conv_groups=2,
        encoder_num_layers=1, encoder_num_heads=H, encoder_num_buckets=8, encoder_max_distance=16, encoder_attention_dropout=0.0,
        encoder_ff_interm_features=FF, encoder_ff_interm_dropout=0.0, encoder_dropout=0.0, encoder_layer_norm_first=False,
        encoder_layer_drop=0.0, aux_num_out=None)
    return Forward(model.encoder.transformer, lambda t, x: t(x)), (torch.randn(1, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


class LinearAttention(nn.Module):
    """Katharopoulos et al.: phi(Q) (phi(K)^T V), phi = elu + 1; no softmax, still equivariant."""

    def __init__(self):
        super().__init__()
        self.q, self.k, self.v = nn.Linear(D, D), nn.Linear(D, D), nn.Linear(D, D)

    def forward(self, x):
        q = nn.functional.elu(self.q(x)) + 1
        k = nn.functional.elu(self.k(x)) + 1
        kv = k.transpose(1, 2) @ self.v(x)
        z = 1 / (q @ k.sum(1, keepdim=True).transpose(1, 2))
        return (q @ kv) * z


def linear_attention():
    return LinearAttention(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


class ScaledDotProduct(nn.Module):
    """F.scaled_dot_product_attention as PyTorch 2 exports it, with and without is_causal."""

    def __init__(self, causal):
        super().__init__()
        self.causal = causal
        self.qkv = nn.Linear(D, 3 * D)

    def forward(self, x):
        b, n, _ = x.shape
        q, k, v = self.qkv(x).view(b, n, 3, H, D // H).permute(2, 0, 3, 1, 4)
        y = nn.functional.scaled_dot_product_attention(q, k, v, is_causal=self.causal)
        return y.transpose(1, 2).reshape(b, n, D)


def sdpa(causal):
    def make():
        if not hasattr(nn.functional, "scaled_dot_product_attention"):
            return None
        return ScaledDotProduct(causal), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]
    return make


class RelativeBias(nn.Module):
    """T5-style learned relative position bias, clipped distances: breaks."""

    def __init__(self):
        super().__init__()
        self.bias = nn.Embedding(7, H)
        self.qkv = nn.Linear(D, 3 * D)

    def forward(self, x):
        b, n, _ = x.shape
        q, k, v = self.qkv(x).view(b, n, 3, H, D // H).permute(2, 0, 3, 1, 4)
        rel = torch.arange(n)[None, :] - torch.arange(n)[:, None]
        bias = self.bias(rel.clamp(-3, 3) + 3).permute(2, 0, 1)
        scores = q @ k.transpose(-1, -2) / math.sqrt(D // H) + bias
        return (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, n, D)


def relative_bias():
    return RelativeBias(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


class SlotAttention(nn.Module):
    """Slot attention (Locatello et al.): softmax over slots, weighted mean over inputs: invariant."""

    def __init__(self):
        super().__init__()
        self.slots = nn.Parameter(torch.randn(1, 3, D))
        self.q, self.k, self.v = nn.Linear(D, D), nn.Linear(D, D), nn.Linear(D, D)
        self.norm = nn.LayerNorm(D)

    def forward(self, x):
        x = self.norm(x)
        slots = self.slots.expand(x.shape[0], -1, -1)
        for _ in range(2):
            attn = torch.softmax(self.q(slots) @ self.k(x).transpose(1, 2), dim=1)  # over slots
            attn = attn / attn.sum(-1, keepdim=True)
            slots = slots + attn @ self.v(x)
        return slots


def slot_attention():
    return SlotAttention(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]


class MixerBlock(nn.Module):
    """MLP-Mixer: a token-mixing MLP over the 5 patches (weights per position): breaks."""

    def __init__(self, n=5):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.tokens = nn.Sequential(nn.Linear(n, 8), nn.GELU(), nn.Linear(8, n))
        self.channels = nn.Sequential(nn.Linear(D, FF), nn.GELU(), nn.Linear(FF, D))

    def forward(self, x):
        x = x + self.tokens(self.norm1(x).transpose(1, 2)).transpose(1, 2)
        return x + self.channels(self.norm2(x))


class GraphConv(nn.Module):
    """A graph layer A X W on a dense adjacency permuted on both axes with the nodes: equivariant."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(D, D)

    def forward(self, x, adjacency):
        degree = adjacency.sum(-1, keepdim=True) + 1
        return torch.relu(adjacency @ self.linear(x) / degree) + x


class MaskedMeanPool(nn.Module):
    """Encoder, then a mean over the unpadded tokens (mask permuted with them): invariant."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.TransformerEncoderLayer(D, H, FF, dropout=0.0, batch_first=True)

    def forward(self, x, keep):
        h = self.encoder(x, src_key_padding_mask=keep == 0)
        return (h * keep.unsqueeze(-1)).sum(1) / keep.sum(1, keepdim=True)


class GroupNormTokens(nn.Module):
    """GroupNorm over channels and tokens ([B, C, L]): statistics over the tokens are invariant."""

    def __init__(self):
        super().__init__()
        self.norm = nn.GroupNorm(4, D)
        self.linear = nn.Linear(D, D)

    def forward(self, x):
        return self.linear(self.norm(x.transpose(1, 2)).transpose(1, 2))


class SequenceLayerNorm(nn.Module):
    """nn.LayerNorm over (tokens, features) with a per-position affine: breaks at the scale."""

    def __init__(self, n=5):
        super().__init__()
        self.norm = nn.LayerNorm([n, D])
        with torch.no_grad():
            self.norm.weight.normal_()
            self.norm.bias.normal_()

    def forward(self, x):
        return self.norm(x)


class SqueezeExcite(nn.Module):
    """Squeeze-and-excitation over tokens: a gate from the mean token: equivariant."""

    def __init__(self):
        super().__init__()
        self.gate = nn.Sequential(nn.Linear(D, 4), nn.ReLU(), nn.Linear(4, D), nn.Sigmoid())

    def forward(self, x):
        return x * self.gate(x.mean(1, keepdim=True))


def two_inputs(module, second, permuted):
    return lambda: (module(), (torch.randn(2, 5, D), second()), ["x", "y2"], {"x": {1: "seq"}, "y2": {1: "seq"}}, permuted)


def adjacency():
    a = (torch.rand(2, 5, 5) > 0.5).float()
    return a


def maxvit_relative_attention(axis):
    """torchvision MaxViT's attention inside a partition [B, G, P, D]: a relative position bias over
    the P positions (breaks), and each of the G partitions alike (permuting them is equivariant)."""
    def make():
        from torchvision.models.maxvit import RelativePositionalMultiHeadAttention
        attention = RelativePositionalMultiHeadAttention(D, 8, 4)
        with torch.no_grad():
            attention.relative_position_bias_table.normal_()
        return attention, (torch.randn(1, 3, 4, D),), ["x"], {"x": {axis: "seq"}}, [(0, axis)]
    return make


def hdemucs_local_state(ndecay):
    """torchaudio HDemucs' local attention over time [B, C, T]: einsum scores with the diagonal
    masked; a decay penalty over |t - s| breaks, without it the layer is equivariant."""
    def make():
        from torchaudio.models._hdemucs import _LocalState
        return _LocalState(D, heads=2, ndecay=ndecay), (torch.randn(1, D, 5),), ["x"], {"x": {2: "seq"}}, [(0, 2)]
    return make


MODELS = {
    "encoder_layer_seq_first_batch3": encoder_layer_seq_first_batch3,
    "encoder_causal_src_mask": encoder_causal_src_mask,
    "encoder_key_padding_batch2": encoder_key_padding_batch2,
    "mha_bias_kv_zero_attn": mha_bias_kv_zero_attn,
    "mha_cross_kdim_vdim": mha_cross_kdim_vdim,
    "mha_memory_permuted": mha_memory_permuted,
    "mha_attention_weights": mha_attention_weights,
    "transformer_decoder_two_layers": transformer_decoder_two_layers,
    "transformer_causal_tgt": transformer_causal_tgt,
    "transformer_source_permuted_seq_first": transformer_source_permuted_seq_first,
    "set_transformer_pma": set_transformer_pma,
    "perceiver": perceiver,
    "pool_mean": pooled("mean"),
    "pool_max": pooled("max"),
    "pool_logsumexp": pooled("logsumexp"),
    "pool_attention": pooled("attention"),
    "pool_last_token": pooled("last"),
    "pool_sorted_topk": pooled("sorted"),
    "roll_tokens": token_op("roll"),
    "flip_tokens": token_op("flip"),
    "pointwise_conv_batchnorm": token_op("pointwise_conv_batchnorm"),
    "adaptive_pool_tokens": token_op("adaptive_pool"),
    "softmax_over_tokens": token_op("token_softmax"),
    "arange_positions": token_op("arange_positions"),
    "token_differences": token_op("diff"),
    "pairwise_distance": token_op("pairwise_distance"),
    "gram_normalised": token_op("gram_normalised"),
    "swin_v2_block_unshifted": swin_v2_block,
    "torchvision_mlp_tokens": torchvision_mlp_tokens,
    "vit_encoder_two_layers_batch2": vit_encoder_two_layers_batch2,
    "conformer_layer": conformer_layer_no_conv_positions,
    "hubert_style_encoder_nopos": hubert_transformer_nopos,
    "emformer": emformer,
    "wavlm_encoder": wavlm_encoder,
    "gmlp_spatial_gating": gmlp,
    "linear_attention": linear_attention,
    "sdpa": sdpa(False),
    "sdpa_causal": sdpa(True),
    "relative_position_bias": relative_bias,
    "slot_attention": slot_attention,
    "cls_token_readout": lambda: (ClsReadout(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]),
    "mlp_mixer_block": lambda: (MixerBlock(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]),
    "graph_conv_dense_adjacency": lambda: (GraphConv(), (torch.randn(2, 5, D), adjacency()), ["x", "adjacency"],
                                           {"x": {1: "seq"}, "adjacency": {1: "seq", 2: "seq"}}, [(0, 1), (1, 1), (1, 2)]),
    "masked_mean_pool": two_inputs(MaskedMeanPool, keep_mask, [(0, 1), (1, 1)]),
    "cumsum_position_ids": two_inputs(CumsumPositions, keep_mask, [(0, 1), (1, 1)]),
    "group_norm_tokens": lambda: (GroupNormTokens(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]),
    "sequence_layer_norm": lambda: (SequenceLayerNorm(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]),
    "maxvit_attention_positions": maxvit_relative_attention(2),
    "maxvit_attention_partitions": maxvit_relative_attention(1),
    "hdemucs_local_state_decay": hdemucs_local_state(4),
    "hdemucs_local_state_no_decay": hdemucs_local_state(0),
    "squeeze_excite_tokens": lambda: (SqueezeExcite(), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)]),
}


# Patterns of widely used models, written the way their authors write them (HF transformers'
# LLaMA, GPT-2, BERT; Set Transformer, DETR, Linformer, Nystromformer, Funnel, FNet, Switch).
MAX_LEN = 16


class LlamaRmsNorm(nn.Module):
    def __init__(self, d, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d) + 0.1 * torch.randn(d))
        self.eps = eps

    def forward(self, x):
        variance = x.pow(2).mean(-1, keepdim=True)
        return self.weight * (x * torch.rsqrt(variance + self.eps))


def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


class LlamaBlock(nn.Module):
    """A LLaMA decoder layer: RMSNorm, rotary embeddings (cos/sin tables indexed by position ids,
    rotate_half), grouped-query attention (K, V heads repeated by expand + reshape), an additive
    causal mask of finfo.min, SwiGLU MLP."""

    def __init__(self, rope=True, causal=True, heads=4, kv_heads=2):
        super().__init__()
        self.rope, self.causal, self.heads, self.kv_heads = rope, causal, heads, kv_heads
        self.head_dim = D // heads
        self.q_proj = nn.Linear(D, heads * self.head_dim, bias=False)
        self.k_proj = nn.Linear(D, kv_heads * self.head_dim, bias=False)
        self.v_proj = nn.Linear(D, kv_heads * self.head_dim, bias=False)
        self.o_proj = nn.Linear(D, D, bias=False)
        self.gate_proj, self.up_proj = nn.Linear(D, FF, bias=False), nn.Linear(D, FF, bias=False)
        self.down_proj = nn.Linear(FF, D, bias=False)
        self.input_layernorm, self.post_attention_layernorm = LlamaRmsNorm(D), LlamaRmsNorm(D)
        inv_freq = 1.0 / (10000 ** (torch.arange(0, self.head_dim, 2).float() / self.head_dim))
        freqs = torch.einsum("i,j->ij", torch.arange(MAX_LEN).float(), inv_freq)
        emb = torch.cat((freqs, freqs), dim=-1)
        self.register_buffer("cos_cached", emb.cos(), persistent=False)
        self.register_buffer("sin_cached", emb.sin(), persistent=False)

    def repeat_kv(self, hidden):
        b, kv, n, hd = hidden.shape
        rep = self.heads // self.kv_heads
        return hidden[:, :, None, :, :].expand(b, kv, rep, n, hd).reshape(b, kv * rep, n, hd)

    def attention(self, x):
        b, n, _ = x.shape
        q = self.q_proj(x).view(b, n, self.heads, self.head_dim).transpose(1, 2)
        k = self.k_proj(x).view(b, n, self.kv_heads, self.head_dim).transpose(1, 2)
        v = self.v_proj(x).view(b, n, self.kv_heads, self.head_dim).transpose(1, 2)
        if self.rope:
            position_ids = torch.arange(n, dtype=torch.long).unsqueeze(0)
            cos = self.cos_cached[position_ids].unsqueeze(1).to(x.dtype)
            sin = self.sin_cached[position_ids].unsqueeze(1).to(x.dtype)
            q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k, v = self.repeat_kv(k), self.repeat_kv(v)
        scores = q @ k.transpose(2, 3) / math.sqrt(self.head_dim)
        if self.causal:
            mask = torch.full((n, n), torch.finfo(x.dtype).min, dtype=x.dtype).triu(1)
            scores = scores + mask[None, None]
        # (HF upcasts half-precision scores to float32 here; the float64 labelling would round them down.)
        weights = nn.functional.softmax(scores, dim=-1)
        return self.o_proj((weights @ v).transpose(1, 2).reshape(b, n, D))

    def forward(self, x):
        x = x + self.attention(self.input_layernorm(x))
        h = self.post_attention_layernorm(x)
        return x + self.down_proj(nn.functional.silu(self.gate_proj(h)) * self.up_proj(h))


class Gpt2Conv1D(nn.Module):
    """GPT-2's Conv1D: a linear layer with transposed weights, as torch.addmm on the flattened tokens."""

    def __init__(self, nf, nx):
        super().__init__()
        self.nf = nf
        self.weight = nn.Parameter(torch.randn(nx, nf) * 0.2)
        self.bias = nn.Parameter(torch.randn(nf) * 0.1)

    def forward(self, x):
        size_out = x.size()[:-1] + (self.nf,)
        return torch.addmm(self.bias, x.view(-1, x.size(-1)), self.weight).view(size_out)


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class Gpt2Block(nn.Module):
    """HF GPT-2 block: Conv1D layers, a boolean `tril` buffer sliced to the sequence, torch.where
    with finfo.min, scale by torch.full([], sqrt(head_dim)), gelu_new MLP: causal, breaks."""

    def __init__(self):
        super().__init__()
        self.register_buffer("bias", torch.tril(torch.ones(MAX_LEN, MAX_LEN, dtype=torch.bool)).view(1, 1, MAX_LEN, MAX_LEN),
                             persistent=False)
        self.ln_1, self.ln_2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.c_attn, self.c_proj = Gpt2Conv1D(3 * D, D), Gpt2Conv1D(D, D)
        self.c_fc, self.mlp_proj = Gpt2Conv1D(FF, D), Gpt2Conv1D(D, FF)

    def split_heads(self, t):
        return t.view(t.size()[:-1] + (H, D // H)).permute(0, 2, 1, 3)

    def forward(self, x):
        query, key, value = self.c_attn(self.ln_1(x)).split(D, dim=2)
        query, key, value = self.split_heads(query), self.split_heads(key), self.split_heads(value)
        attn = torch.matmul(query, key.transpose(-1, -2)) / torch.full([], value.size(-1) ** 0.5, dtype=query.dtype)
        query_length, key_length = query.size(-2), key.size(-2)
        causal_mask = self.bias[:, :, key_length - query_length: key_length, :key_length]
        mask_value = torch.full([], torch.finfo(attn.dtype).min, dtype=attn.dtype)
        attn = torch.where(causal_mask, attn.to(attn.dtype), mask_value).softmax(-1)
        mixed = torch.matmul(attn, value).permute(0, 2, 1, 3).contiguous()
        x = x + self.c_proj(mixed.view(mixed.size()[:-2] + (D,)))
        return x + self.mlp_proj(gelu_new(self.c_fc(self.ln_2(x))))


class BertEmbeddings(nn.Module):
    """HF BertEmbeddings: word + token type (a zero buffer sliced to n when not given) + absolute
    positions (an arange buffer sliced to n), LayerNorm, dropout. positions=False: the token types
    are an input permuted with the ids, and there is no position embedding."""

    def __init__(self, positions=True, vocab=30):
        super().__init__()
        self.positions = positions
        self.word_embeddings = nn.Embedding(vocab, D, padding_idx=0)
        self.position_embeddings = nn.Embedding(MAX_LEN, D)
        self.token_type_embeddings = nn.Embedding(2, D)
        self.LayerNorm = nn.LayerNorm(D, eps=1e-12)
        self.dropout = nn.Dropout(0.1)
        self.register_buffer("position_ids", torch.arange(MAX_LEN).expand((1, -1)), persistent=False)
        self.register_buffer("token_type_ids", torch.zeros(self.position_ids.size(), dtype=torch.long), persistent=False)

    def forward(self, input_ids, token_type_ids=None):
        batch, seq_length = input_ids.size()
        if token_type_ids is None:
            token_type_ids = self.token_type_ids[:, :seq_length].expand(batch, seq_length)
        embeddings = self.word_embeddings(input_ids) + self.token_type_embeddings(token_type_ids)
        if self.positions:
            embeddings = embeddings + self.position_embeddings(self.position_ids[:, :seq_length])
        return self.dropout(self.LayerNorm(embeddings))


def token_ids():
    ids = torch.randint(1, 30, (2, 5))
    ids[1, 4] = 0
    return ids


class AttentionVariant(nn.Module):
    """Single-layer multi-head self-attention [B, n, D] with one of: ALiBi slopes per head over key
    positions with a causal mask (BLOOM), a sliding-window mask (Longformer/Mistral local
    attention), multi-query attention (one K, V head repeated with repeat_interleave), cosine
    attention with a learned, clamped temperature and attention dropout (Swin v2)."""

    def __init__(self, how, heads=4):
        super().__init__()
        self.how, self.heads, self.head_dim = how, heads, D // heads
        kv = self.head_dim if how == "multi_query" else D
        self.q, self.k, self.v = nn.Linear(D, D), nn.Linear(D, kv), nn.Linear(D, kv)
        self.out = nn.Linear(D, D)
        self.logit_scale = nn.Parameter(torch.log(10 * torch.ones(heads, 1, 1)))
        self.dropout = nn.Dropout(0.1)
        slopes = torch.tensor([2 ** (-8 * (i + 1) / heads) for i in range(heads)])
        self.register_buffer("slopes", slopes)

    def forward(self, x):
        b, n, _ = x.shape
        q = self.q(x).view(b, n, self.heads, self.head_dim).transpose(1, 2)
        kv_heads = 1 if self.how == "multi_query" else self.heads
        k = self.k(x).view(b, n, kv_heads, self.head_dim).transpose(1, 2)
        v = self.v(x).view(b, n, kv_heads, self.head_dim).transpose(1, 2)
        if self.how == "multi_query":
            k, v = k.repeat_interleave(self.heads, dim=1), v.repeat_interleave(self.heads, dim=1)
        if self.how == "cosine_temperature":
            scores = nn.functional.normalize(q, dim=-1) @ nn.functional.normalize(k, dim=-1).transpose(-2, -1)
            scores = scores * torch.clamp(self.logit_scale, max=math.log(100.0)).exp()
        else:
            scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)
        if self.how == "alibi":
            alibi = self.slopes[:, None, None] * torch.arange(n, dtype=x.dtype)[None, None, :]
            causal = torch.ones(n, n, dtype=torch.bool).triu(1)
            scores = (scores + alibi).masked_fill(causal, float("-inf"))
        if self.how == "sliding_window":
            positions = torch.arange(n)
            outside = (positions[None, :] - positions[:, None]).abs() > 1
            scores = scores.masked_fill(outside, float("-inf"))
        weights = self.dropout(scores.softmax(-1))
        return self.out((weights @ v).transpose(1, 2).reshape(b, n, D))


def attention_variant(how):
    return lambda: (AttentionVariant(how), (torch.randn(2, 5, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)])


class Linformer(nn.Module):
    """Linformer self-attention: keys and values projected along the sequence (n = 5 to k = 3) by a
    learned matrix: weights per position, breaks."""

    def __init__(self, n=5, k=3):
        super().__init__()
        self.q, self.kv = nn.Linear(D, D), nn.Linear(D, 2 * D)
        self.proj_k, self.proj_v = nn.Linear(n, k, bias=False), nn.Linear(n, k, bias=False)

    def forward(self, x):
        keys, values = self.kv(x).chunk(2, dim=-1)
        keys = self.proj_k(keys.transpose(1, 2)).transpose(1, 2)
        values = self.proj_v(values.transpose(1, 2)).transpose(1, 2)
        return torch.softmax(self.q(x) @ keys.transpose(1, 2) / math.sqrt(D), -1) @ values



class FunnelPool(nn.Module):
    """Funnel Transformer: tokens mean-pooled in pairs (avg_pool2d with kernel (2, 1) over [B, 1, n, D],
    ceil_mode), then an encoder layer: neighbours merged, breaks."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.TransformerEncoderLayer(D, H, FF, dropout=0.0, batch_first=True)

    def forward(self, x):
        pooled = nn.functional.avg_pool2d(x[:, None], (2, 1), stride=(2, 1), ceil_mode=True)[:, 0]
        return self.encoder(pooled)


class DetrDecoder(nn.Module):
    """DETR: learned object queries (nn.Embedding) decode a flattened memory [n, B, D], the query
    position embedding added at every layer's input; no position on the memory: invariant."""

    def __init__(self, queries=4):
        super().__init__()
        self.query_embed = nn.Embedding(queries, D)
        self.decoder = nn.TransformerDecoder(nn.TransformerDecoderLayer(D, H, FF, dropout=0.1), 2, norm=nn.LayerNorm(D))
        self.class_embed, self.bbox_embed = nn.Linear(D, 3), nn.Linear(D, 4)

    def forward(self, memory):
        query_pos = self.query_embed.weight.unsqueeze(1).repeat(1, memory.shape[1], 1)
        tgt = torch.zeros_like(query_pos)
        h = self.decoder(tgt + query_pos, memory)
        return torch.cat([self.class_embed(h), self.bbox_embed(h).sigmoid()], dim=-1)


class SetMab(nn.Module):
    """The Set Transformer's MAB, as its authors wrote it: heads split along the batch by
    torch.cat(split), softmax over the keys, residual and a ReLU layer."""

    def __init__(self, heads=2):
        super().__init__()
        self.heads = heads
        self.fc_q, self.fc_k, self.fc_v, self.fc_o = (nn.Linear(D, D) for _ in range(4))
        self.ln0, self.ln1 = nn.LayerNorm(D), nn.LayerNorm(D)

    def forward(self, q_in, k_in):
        q, k, v = self.fc_q(q_in), self.fc_k(k_in), self.fc_v(k_in)
        split = D // self.heads
        q_, k_, v_ = (torch.cat(t.split(split, 2), 0) for t in (q, k, v))
        a = torch.softmax(q_.bmm(k_.transpose(1, 2)) / math.sqrt(D), 2)
        o = torch.cat((q_ + a.bmm(v_)).split(q_in.size(0), 0), 2)
        o = self.ln0(o)
        return self.ln1(o + nn.functional.relu(self.fc_o(o)))


class SetIsab(nn.Module):
    """Set Transformer ISAB: inducing points attend to the set, the set attends back: equivariant."""

    def __init__(self, inducing=3):
        super().__init__()
        self.inducing = nn.Parameter(torch.randn(1, inducing, D))
        self.mab0, self.mab1 = SetMab(), SetMab()

    def forward(self, x):
        h = self.mab0(self.inducing.repeat(x.size(0), 1, 1), x)
        return self.mab1(x, h)


class FNetMixing(nn.Module):
    """FNet token mixing: the real part of a 2-D FFT over tokens and features, then a feed-forward."""

    def __init__(self):
        super().__init__()
        self.norm = nn.LayerNorm(D)
        self.ff = nn.Sequential(nn.Linear(D, FF), nn.GELU(), nn.Linear(FF, D))

    def forward(self, x):
        x = self.norm(x + torch.fft.fftn(x, dim=(1, 2)).real)
        return x + self.ff(x)



class FNetDftMatrices(nn.Module):
    """FNet's TPU form: the real part of the 2-D DFT as products with fixed DFT matrices over the
    5 tokens and the features, Re(F_n X F_d) = C_n X C_d - S_n X S_d: mixes by position, breaks."""

    def __init__(self, n=5):
        super().__init__()
        dft = lambda m: 2 * math.pi * torch.outer(torch.arange(m), torch.arange(m)).double() / m
        self.register_buffer("cos_n", dft(n).cos().float())
        self.register_buffer("sin_n", dft(n).sin().float())
        self.register_buffer("cos_d", dft(D).cos().float())
        self.register_buffer("sin_d", dft(D).sin().float())
        self.norm = nn.LayerNorm(D)

    def forward(self, x):
        real = torch.einsum("bij,jk,ni->bnk", x, self.cos_d, self.cos_n) - torch.einsum("bij,jk,ni->bnk", x, self.sin_d, self.sin_n)
        return self.norm(x + real)


class CausalLinearAttention(nn.Module):
    """Causal linear attention (Katharopoulos et al., the RNN form): running sums of phi(k) v^T and
    phi(k) over the tokens by torch.cumsum: each output reads its prefix, breaks."""

    def __init__(self):
        super().__init__()
        self.q, self.k, self.v = nn.Linear(D, D), nn.Linear(D, D), nn.Linear(D, D)

    def forward(self, x):
        q, k = nn.functional.elu(self.q(x)) + 1, nn.functional.elu(self.k(x)) + 1
        kv = torch.cumsum(k.unsqueeze(-1) * self.v(x).unsqueeze(-2), dim=1)  # [B, n, D, D]
        z = torch.cumsum(k, dim=1)
        return torch.einsum("bnd,bnde->bne", q, kv) / (q * z).sum(-1, keepdim=True)


class TransformerXlRelative(nn.Module):
    """Transformer-XL relative attention: content scores plus position scores against a sinusoidal
    table of distances n-1 .. 0, aligned by _rel_shift (pad a column, reshape, drop a row):
    scores by relative position, breaks."""

    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(D, 3 * D, bias=False)
        self.r_net = nn.Linear(D, D, bias=False)
        self.r_w_bias, self.r_r_bias = nn.Parameter(torch.randn(D) * 0.1), nn.Parameter(torch.randn(D) * 0.1)
        inv_freq = 1 / (10000 ** (torch.arange(0.0, D, 2.0) / D))
        self.register_buffer("inv_freq", inv_freq)

    @staticmethod
    def rel_shift(x):
        zero_pad = torch.zeros((x.size(0), x.size(1), 1), device=x.device, dtype=x.dtype)
        padded = torch.cat([zero_pad, x], dim=2).view(x.size(0), x.size(2) + 1, x.size(1))
        return padded[:, 1:].view_as(x)

    def forward(self, x):
        n = x.shape[1]
        pos_seq = torch.arange(n - 1, -1, -1.0, dtype=x.dtype)
        sinusoid = torch.outer(pos_seq, self.inv_freq.to(x.dtype))
        r = self.r_net(torch.cat([sinusoid.sin(), sinusoid.cos()], dim=-1))  # [n, D]
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        ac = (q + self.r_w_bias) @ k.transpose(1, 2)
        bd = self.rel_shift((q + self.r_r_bias) @ r.t())
        return torch.softmax((ac + bd) / math.sqrt(D), dim=-1) @ v


class ClipEotPooling(nn.Module):
    """CLIP's text readout: the features at the position of the largest token id (the end-of-text
    token), x[arange(B), ids.argmax(-1)], after an encoder without positions or mask: invariant
    (ArgMax over the tokens breaks alone, the Gather at its index restores invariance)."""

    def __init__(self, vocab=30):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab, D)
        self.encoder = nn.TransformerEncoderLayer(D, H, FF, dropout=0.0, batch_first=True, norm_first=True)
        self.ln_final = nn.LayerNorm(D)
        self.text_projection = nn.Parameter(torch.randn(D, 8) * 0.2)

    def forward(self, ids):
        x = self.ln_final(self.encoder(self.token_embedding(ids)))
        return x[torch.arange(x.shape[0]), ids.argmax(dim=-1)] @ self.text_projection


class SentenceMeanPool(nn.Module):
    """sentence-transformers' mean pooling: the attention mask expanded to the features, a sum over
    the tokens divided by the clamped mask sum, after an encoder with a key-padding mask: invariant."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.TransformerEncoderLayer(D, H, FF, dropout=0.0, batch_first=True)

    def forward(self, x, attention_mask):
        token_embeddings = self.encoder(x, src_key_padding_mask=attention_mask == 0)
        input_mask_expanded = attention_mask.unsqueeze(-1).expand(token_embeddings.size()).float()
        summed = torch.sum(token_embeddings * input_mask_expanded, 1)
        return summed / torch.clamp(input_mask_expanded.sum(1), min=1e-9)


class BloomAlibi(nn.Module):
    """BLOOM's attention: ALiBi built from the padding mask (cumsum - 1) times per-head slopes,
    scores by torch.baddbmm(alibi, q, k^T, beta=1, alpha=1/sqrt(d)), a causal mask: breaks."""

    def __init__(self, heads=2):
        super().__init__()
        self.heads, self.head_dim = heads, D // heads
        self.query_key_value = nn.Linear(D, 3 * D)
        self.dense = nn.Linear(D, D)
        self.register_buffer("slopes", torch.tensor([2 ** (-8 * (i + 1) / heads) for i in range(heads)]))

    def forward(self, x, attention_mask):
        b, n, _ = x.shape
        arange_tensor = ((attention_mask.cumsum(dim=-1) - 1) * attention_mask)[:, None, :]
        alibi = (self.slopes[..., None] * arange_tensor).reshape(b * self.heads, 1, n).to(x.dtype)
        q, k, v = self.query_key_value(x).view(b, n, self.heads, 3, self.head_dim).unbind(3)
        q = q.transpose(1, 2).reshape(b * self.heads, n, self.head_dim)
        k = k.permute(0, 2, 3, 1).reshape(b * self.heads, self.head_dim, n)
        v = v.transpose(1, 2).reshape(b * self.heads, n, self.head_dim)
        scores = alibi.baddbmm(batch1=q, batch2=k, beta=1.0, alpha=1 / math.sqrt(self.head_dim)).view(b, self.heads, n, n)
        causal = torch.ones(n, n, dtype=torch.bool).triu(1)
        padding = attention_mask[:, None, None, :] == 0
        scores = scores.masked_fill(causal | padding, torch.finfo(x.dtype).min)
        probs = torch.softmax(scores, dim=-1).view(b * self.heads, n, n)
        context = torch.bmm(probs, v).view(b, self.heads, n, self.head_dim).permute(0, 2, 1, 3).reshape(b, n, D)
        return self.dense(context)


class SwitchMaskIndexing(SwitchTop1):
    """HF's SwitchTransformersSparseMLP: each expert runs on the tokens routed to it, selected and
    written back by boolean-mask indexing (NonZero, GatherND, ScatterND in ONNX): equivariant, but
    the selected token count depends on the values, a shape permeq's static shapes cannot hold."""

    def forward(self, hidden_states):
        router_probs = torch.softmax(self.router(hidden_states), dim=-1)
        expert_index = nn.functional.one_hot(torch.argmax(router_probs, dim=-1), num_classes=self.experts_count)
        router_probs = torch.max(router_probs, dim=-1).values.unsqueeze(-1)
        next_states = hidden_states.clone()
        for idx, expert in enumerate(self.experts):
            token_indices = expert_index[:, :, idx].bool()
            next_states[token_indices] = expert(hidden_states[token_indices]).to(next_states.dtype)
        return router_probs * next_states


class BertLayer(nn.Module):
    """HF BertLayer: self-attention with the extended attention mask (1 - mask) * finfo.min added
    to the scores, attention dropout, dense + LayerNorm residuals, GELU intermediate; the mask
    permuted with the tokens: equivariant."""

    def __init__(self):
        super().__init__()
        self.heads, self.head_size = H, D // H
        self.query, self.key, self.value = nn.Linear(D, D), nn.Linear(D, D), nn.Linear(D, D)
        self.attention_dropout = nn.Dropout(0.1)
        self.attention_dense, self.attention_norm = nn.Linear(D, D), nn.LayerNorm(D, eps=1e-12)
        self.intermediate, self.output_dense, self.output_norm = nn.Linear(D, FF), nn.Linear(FF, D), nn.LayerNorm(D, eps=1e-12)

    def transpose_for_scores(self, x):
        return x.view(x.size()[:-1] + (self.heads, self.head_size)).permute(0, 2, 1, 3)

    def forward(self, hidden_states, attention_mask):
        extended = (1.0 - attention_mask[:, None, None, :].to(hidden_states.dtype)) * torch.finfo(hidden_states.dtype).min
        q = self.transpose_for_scores(self.query(hidden_states))
        k = self.transpose_for_scores(self.key(hidden_states))
        v = self.transpose_for_scores(self.value(hidden_states))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.head_size) + extended
        context = torch.matmul(self.attention_dropout(nn.functional.softmax(scores, dim=-1)), v).permute(0, 2, 1, 3).contiguous()
        context = context.view(context.size()[:-2] + (D,))
        attention_output = self.attention_norm(self.attention_dense(context) + hidden_states)
        return self.output_norm(self.output_dense(nn.functional.gelu(self.intermediate(attention_output))) + attention_output)


class CumulativeMax(nn.Module):
    """A running maximum over the tokens (torch.cummax): each output reads its prefix, breaks."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(D, D)

    def forward(self, x):
        return torch.cummax(self.linear(x), dim=1).values


class MaskedAttentionPool(nn.Module):
    """Attention pooling over the unpadded tokens: scores masked_fill(-inf) where the padding mask
    is set, softmax over the tokens, weighted sum (mask permuted with the tokens): invariant."""

    def __init__(self):
        super().__init__()
        self.score = nn.Linear(D, 1)
        self.value = nn.Linear(D, D)

    def forward(self, x, padding):
        scores = self.score(x).squeeze(-1).masked_fill(padding, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        return torch.einsum("bn,bnd->bd", weights, self.value(x))


def padding_mask():
    pad = torch.zeros(2, 5, dtype=torch.bool)
    pad[1, 3:] = True
    return pad


def one_input(module, n=5):
    return lambda: (module(), (torch.randn(2, n, D),), ["x"], {"x": {1: "seq"}}, [(0, 1)])


MODELS.update({
    "llama_block": one_input(LlamaBlock),
    "llama_block_rope_no_mask": one_input(lambda: LlamaBlock(rope=True, causal=False)),
    "llama_block_no_rope_no_mask": one_input(lambda: LlamaBlock(rope=False, causal=False)),
    "gpt2_block_conv1d": one_input(Gpt2Block),
    "bert_embeddings": lambda: (BertEmbeddings(), (token_ids(),), ["input_ids"], {"input_ids": {1: "seq"}}, [(0, 1)]),
    "bert_layer_extended_mask": lambda: (BertLayer(), (torch.randn(2, 5, D), keep_mask()), ["x", "attention_mask"],
                                         {"x": {1: "seq"}, "attention_mask": {1: "seq"}}, [(0, 1), (1, 1)]),
    "bert_embeddings_no_positions": lambda: (BertEmbeddings(positions=False), (token_ids(), torch.randint(0, 2, (2, 5))),
                                             ["input_ids", "token_type_ids"],
                                             {"input_ids": {1: "seq"}, "token_type_ids": {1: "seq"}}, [(0, 1), (1, 1)]),
    "alibi_causal_heads": attention_variant("alibi"),
    "sliding_window_attention": attention_variant("sliding_window"),
    "multi_query_attention": attention_variant("multi_query"),
    "cosine_attention_temperature": attention_variant("cosine_temperature"),
    "linformer": one_input(Linformer),
    "nystromformer_landmarks": one_input(Nystromformer, n=6),
    "funnel_pool_tokens": one_input(FunnelPool, n=6),
    "detr_object_queries": lambda: (DetrDecoder(), (torch.randn(5, 2, D),), ["memory"], {"memory": {0: "seq"}}, [(0, 0)]),
    "set_transformer_isab": one_input(SetIsab),
    "fnet_fourier_mixing": one_input(FNetMixing),
    "switch_top1_routing": one_input(SwitchTop1),
    "switch_mask_indexing": one_input(SwitchMaskIndexing),
    "cumulative_max_tokens": one_input(CumulativeMax),
    "fnet_dft_matrices": one_input(FNetDftMatrices),
    "causal_linear_attention": one_input(CausalLinearAttention),
    "transformer_xl_rel_shift": one_input(TransformerXlRelative),
    "clip_eot_pooling": lambda: (ClipEotPooling(), (token_ids(),), ["ids"], {"ids": {1: "seq"}}, [(0, 1)]),
    "sentence_mean_pool": lambda: (SentenceMeanPool(), (torch.randn(2, 5, D), keep_mask()), ["x", "attention_mask"],
                                   {"x": {1: "seq"}, "attention_mask": {1: "seq"}}, [(0, 1), (1, 1)]),
    "bloom_alibi_baddbmm": lambda: (BloomAlibi(), (torch.randn(2, 5, D), keep_mask()), ["x", "attention_mask"],
                                    {"x": {1: "seq"}, "attention_mask": {1: "seq"}}, [(0, 1), (1, 1)]),
    "masked_attention_pool": lambda: (MaskedAttentionPool(), (torch.randn(2, 5, D), padding_mask()), ["x", "padding"],
                                      {"x": {1: "seq"}, "padding": {1: "seq"}}, [(0, 1), (1, 1)]),
})


def eager_label(module, inputs, permuted):
    """'equivariant' when f(Px) = P f(x) with P acting on one output axis of length n, or on all of
    them together (an [n, n] attention map moves as P A P^T); 'invariant' when f(Px) = f(x); else
    'breaks'. For the transposition (0 1) and the n-cycle, in float64."""
    module.double()
    inputs = [t.double() if t.is_floating_point() else t for t in inputs]
    n = inputs[permuted[0][0]].shape[permuted[0][1]]
    labels = set()
    close = lambda a, b: torch.allclose(a, b, rtol=1e-9, atol=1e-9)
    with torch.no_grad():
        fx = module(*inputs)
        for sigma in permutations(n):
            index = torch.tensor(sigma)
            moved = list(inputs)
            for i, axis in permuted:
                moved[i] = moved[i].index_select(axis, index)
            f_px = module(*moved)
            axes = [a for a in range(fx.dim()) if fx.shape[a] == n]
            together = fx
            for a in axes:
                together = together.index_select(a, index)
            if any(close(f_px, fx.index_select(a, index)) for a in axes) or (len(axes) > 1 and close(f_px, together)):
                labels.add("equivariant")
            elif close(f_px, fx):
                labels.add("invariant")
            else:
                labels.add("breaks")
    module.float()
    return labels.pop() if len(labels) == 1 else "breaks"


def permeq_verdict(permeq, path, names, permuted, inputs):
    command = [permeq, "check", path, "--format", "json"]
    for index, axis in permuted:
        command += ["--permute", f"{names[index]}:{axis}"]
    started = time.time()
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    seconds = time.time() - started
    if result.returncode in (3, 4) or not result.stdout.strip():
        lines = result.stderr.strip().splitlines()
        errors = [line for line in lines if line.startswith("permeq: error:")]
        return "error", errors[:1] or lines[-1:] or [f"exit {result.returncode}"], seconds
    report = json.loads(result.stdout)
    verdicts = {o["verdict"] for o in report["outputs"]}
    verdict = verdicts.pop() if len(verdicts) == 1 else ",".join(sorted(verdicts))
    culprits = [c if isinstance(c, str) else c.get("node", "?") for c in report.get("culprits", [])]
    return verdict, culprits, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--permeq", default=os.path.join(here, "..", "build", "permeq"))
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--keep", help="directory to keep the exported .onnx files in")
    args = parser.parse_args()
    out_dir = args.keep or tempfile.mkdtemp(prefix="permeq-survey-")
    os.makedirs(out_dir, exist_ok=True)
    wrong, unknown, rows = [], [], []
    for name, make in MODELS.items():
        if args.only and name not in args.only:
            continue
        torch.manual_seed(zlib.crc32(name.encode()))
        try:
            made = make()
        except Exception as error:  # a module this torchvision/torchaudio does not have
            print(f"{name:40s} skipped: {type(error).__name__}: {error}")
            continue
        if made is None:
            print(f"{name:40s} skipped: not in this PyTorch")
            continue
        module, inputs, names, dynamic_axes, permuted = made
        module.eval()
        label = eager_label(module, list(inputs), permuted)
        path = os.path.join(out_dir, name + ".onnx")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                torch.onnx.export(module, tuple(inputs), path, input_names=names, output_names=["y"],
                                  dynamic_axes=dynamic_axes, opset_version=17, do_constant_folding=True)
        except Exception as error:
            print(f"{name:40s} eager {label:12s} export failed: {type(error).__name__}: {str(error)[:100]}")
            continue
        verdict, culprits, seconds = permeq_verdict(args.permeq, path, names, permuted, inputs)
        decided = verdict in ("equivariant", "invariant", "breaks")
        ok = verdict == label
        mark = "ok" if ok else ("UNKNOWN" if verdict == "unknown" else ("ERROR" if verdict == "error" else "WRONG"))
        if not ok and decided:
            wrong.append(name)
        elif not ok:
            unknown.append(name)
        rows.append((name, label, verdict, mark))
        print(f"{name:40s} eager {label:12s} permeq {verdict:12s} {mark:8s} {seconds:6.1f} s  {' '.join(map(str, culprits))[:80]}",
              flush=True)
    print(f"\n{len(rows)} modules: {sum(r[3] == 'ok' for r in rows)} agree, {len(unknown)} not decided, {len(wrong)} wrong")
    if unknown:
        print("not decided: " + ", ".join(unknown))
    if wrong:
        print("WRONG: " + ", ".join(wrong))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
