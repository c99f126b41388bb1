"""Transformer modules written by other people (torch.nn, torchvision, torchaudio) that no fixture
covers, exported at test time: permeq's output verdict must be the label eager PyTorch gives in
float64 (f(Px) against P f(x) and f(x) for a transposition and the n-cycle), and a culprit must
sit in the module that breaks. The labelling and the wrapper come from the fixture script, so the
committed fixtures and these checks share one definition of the truth."""
import sys
import warnings

import pytest
import torch
from torch import nn

import permeq.torch as pt

from conftest import SOURCE_DIR

sys.path.insert(0, str(SOURCE_DIR / "scripts"))
from make_onnx_fixtures import Forward, eager_label_of  # noqa: E402

torchvision = pytest.importorskip("torchvision", reason="python3-torchvision (scripts/setup.sh installs it)")
torchaudio = pytest.importorskip("torchaudio", reason="python3-torchaudio (scripts/setup.sh installs it)")

D, HEADS, FF = 16, 2, 32


def vit_encoder_block():
    from torchvision.models.vision_transformer import EncoderBlock
    return EncoderBlock(HEADS, D, FF, 0.0, 0.0), (torch.randn(1, 5, D),), [(0, 1)], None


def swin_block_without_shift():
    from torchvision.models.swin_transformer import SwinTransformerBlock
    # Windows split the permuted rows: the action is lost at the window partition, and the whole
    # graph decides (relative position bias inside each window).
    return SwinTransformerBlock(D, HEADS, [2, 2], [0, 0], mlp_ratio=2.0), (torch.randn(1, 4, 4, D),), [(0, 1)], None


def encoder_with_key_padding():
    layer = nn.TransformerEncoderLayer(D, HEADS, FF, dropout=0.0, batch_first=True, norm_first=True)
    encoder = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
    pad = torch.zeros(2, 5, dtype=torch.bool)
    pad[1, 3:] = True
    return Forward(encoder, lambda e, x, pad: e(x, src_key_padding_mask=pad)), (torch.randn(2, 5, D), pad), [(0, 1), (1, 1)], None


def decoder_with_memory_permuted():
    decoder = nn.TransformerDecoder(nn.TransformerDecoderLayer(D, HEADS, FF, dropout=0.0, batch_first=True), 2)
    return Forward(decoder, lambda d, tgt, memory: d(tgt, memory)), (torch.randn(2, 3, D), torch.randn(2, 5, D)), [(1, 1)], None


def wav2vec2_position_embedding():
    from torchaudio.models.wav2vec2.components import ConvolutionalPositionalEmbedding
    return ConvolutionalPositionalEmbedding(D, 3, 2), (torch.randn(1, 5, D),), [(0, 1)], "conv"


def emformer():
    model = torchaudio.models.Emformer(input_dim=D, num_heads=HEADS, ffn_dim=FF, num_layers=1, segment_length=2, right_context_length=0)
    return Forward(model, lambda m, x, lengths: m(x, lengths)[0]), (torch.randn(1, 6, D), torch.tensor([6])), [(0, 1)], "module.emformer_layers.0.attention"


def attention_with_bias_kv():
    attention = nn.MultiheadAttention(D, HEADS, add_bias_kv=True)  # sequence first, batch 2: [T, B, E] merged to [T * B, E]
    return Forward(attention, lambda a, x: a(x, x, x, need_weights=False)[0]), (torch.randn(5, 2, D),), [(0, 0)], None


def cross_attention_with_keys_permuted():
    attention = nn.MultiheadAttention(D, HEADS, kdim=8, vdim=8, batch_first=True)
    return (Forward(attention, lambda a, q, kv: a(q, kv, kv, need_weights=False)[0]), (torch.randn(2, 3, D), torch.randn(2, 5, 8)),
            [(1, 1)], None)


MODELS = [vit_encoder_block, swin_block_without_shift, encoder_with_key_padding, decoder_with_memory_permuted,
          wav2vec2_position_embedding, emformer, attention_with_bias_kv, cross_attention_with_keys_permuted]


@pytest.mark.parametrize("make", MODELS, ids=[m.__name__ for m in MODELS])
def test_the_verdict_is_eager_pytorchs_label(make):
    torch.manual_seed(3)
    module, inputs, permuted, culprit_module = make()
    module.eval()
    expected = eager_label_of(module, inputs, permuted)
    # Forward's inputs are input_0, input_1, ...; the default is axis 1 of the first input.
    token_axes = None if permuted == [(0, 1)] else {f"input_{index}": axis for index, axis in permuted}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = pt.check(module, inputs, token_axes=token_axes)
    assert [o.verdict for o in report.outputs] == [expected], report.text()
    if expected != "breaks":
        assert report.culprits == [], report.text()
    if culprit_module is not None:
        assert any(c.module.startswith(culprit_module) for c in report.culprits), report.text()
