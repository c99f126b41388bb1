"""The pytest helpers permeq.testing.assert_equivariant and assert_invariant."""
import pytest
import torch

from permeq.testing import assert_equivariant, assert_invariant
from conftest import CausalBlock, Encoder, MeanPoolClassifier


def test_assert_equivariant_passes_on_an_encoder_and_returns_the_report():
    report = assert_equivariant(Encoder(d=16, heads=2), torch.randn(1, 5, 16), axis=1, proved=True)
    assert report.proved


def test_assert_equivariant_fails_on_a_causal_model_naming_the_module_and_witness():
    with pytest.raises(AssertionError) as failure:
        assert_equivariant(CausalBlock(), torch.randn(1, 4, 16), axis=1)
    message = str(failure.value)
    assert "CausalBlock is not permutation equivariant" in message
    assert "module 'attn'" in message
    assert "exact witness at n = " in message


def test_assert_invariant_passes_on_pooling_and_fails_on_an_equivariant_model():
    assert_invariant(MeanPoolClassifier(), torch.randn(1, 5, 16))
    with pytest.raises(AssertionError, match="verdict equivariant"):
        assert_invariant(Encoder(d=16, heads=2), torch.randn(1, 5, 16))


def test_learned_positions_fail_naming_the_parameter():
    with pytest.raises(AssertionError, match="reading parameter 'pos_embedding'"):
        assert_equivariant(Encoder(d=16, heads=2, learned_positions=True), torch.randn(1, 5, 16))
