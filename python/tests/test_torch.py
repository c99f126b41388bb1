"""permeq.torch.check on PyTorch modules exported in memory."""
import os
import time

import pytest
import torch

import permeq
import permeq.torch
from conftest import CausalBlock, Encoder, MeanPoolClassifier


def test_transformer_encoder_is_proved_equivariant_quickly():
    model = Encoder(d=64, layers=2)
    x = torch.randn(1, 5, 64)
    permeq.torch.check(model, (x,))  # the first export loads torch.onnx; timed below is a real call
    started = time.perf_counter()
    report = permeq.torch.check(model, (x,), token_axes={"x": 1})
    seconds = time.perf_counter() - started
    print(f"permeq.torch.check(nn.TransformerEncoder d=64, 2 layers): {seconds:.2f} s, {report.verdict}, {report.proof_scope}")
    assert report.verdict == "equivariant"
    assert report.proved and "for all n, all widths" in report.proof_scope
    assert report.culprits == []
    assert seconds < float(os.environ.get("PERMEQ_TORCH_CHECK_SECONDS", "2.0")) * (4 if os.environ.get("CI") else 1)


def test_learned_positional_parameter_breaks_and_is_named():
    report = permeq.torch.check(Encoder(d=64, layers=2, learned_positions=True), torch.randn(1, 5, 64))
    assert report.verdict == "breaks"
    assert len(report.culprits) == 1
    culprit = report.culprits[0]
    assert culprit.parameters == ["pos_embedding"]
    assert culprit.module == ""  # the addition is written in the top module's forward
    assert "pos_embedding" in culprit.describe()
    assert culprit.witness is not None and culprit.witness.permuted_then_applied != culprit.witness.applied_then_permuted


class WholeTable(torch.nn.Module):
    """A position table of exactly the example's length, added whole (no slice): the model is
    defined at that length only, so it is checked there."""

    def __init__(self, n, d=16):
        super().__init__()
        self.pos_embedding = torch.nn.Parameter(torch.randn(1, n, d))
        self.proj = torch.nn.Linear(d, d)

    def forward(self, x):
        return self.proj(x + self.pos_embedding)


def test_a_table_of_the_example_length_is_checked_at_that_length():
    report = permeq.torch.check(WholeTable(6), torch.randn(1, 6, 16))
    assert report.verdict == "breaks"
    assert [c.parameters for c in report.culprits] == [["pos_embedding"]]
    assert "at n = 6" in repr(report.culprits[0].witness)


def test_a_culprit_inside_a_submodule_is_named_by_its_qualified_name():
    report = permeq.torch.check(CausalBlock(), torch.randn(1, 4, 16))
    assert report.verdict == "breaks"
    assert [c.module for c in report.culprits] == ["attn"]
    assert report.culprits[0].node.startswith("/attn/")
    assert report.culprits[0].parameters == []  # the mask is computed, not stored; its fill value is the exporter's


def test_an_embedding_of_positions_blames_the_embedding_module():
    class WithPositionEmbedding(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.pos = torch.nn.Embedding(16, 8)
            self.mlp = torch.nn.Sequential(torch.nn.Linear(8, 8), torch.nn.ReLU())

        def forward(self, x):
            return self.mlp(x + self.pos(torch.arange(x.shape[1])))

    report = permeq.torch.check(WithPositionEmbedding(), torch.randn(1, 4, 8))
    assert report.verdict == "breaks"
    [culprit] = report.culprits
    assert culprit.parameters == ["pos.weight"]
    assert "pos" in culprit.modules


def test_pooled_classifier_is_invariant_and_instance_weights_agree():
    model = MeanPoolClassifier()
    x = torch.randn(1, 6, 16)
    assert permeq.torch.check(model, x).verdict == "invariant"
    instance = permeq.torch.check(model, x, weights="instance")
    assert instance.verdict == "invariant"
    assert not instance.proved  # floating point on these weights: evidence, never a proof


def test_no_file_is_left_behind(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    permeq.torch.check(MeanPoolClassifier(), torch.randn(1, 3, 16))
    assert list(tmp_path.iterdir()) == []


def test_bad_token_axes_are_reported():
    with pytest.raises(ValueError, match="not an input"):
        permeq.torch.check(MeanPoolClassifier(), torch.randn(1, 3, 16), token_axes={"tokens": 1})
    with pytest.raises(ValueError, match="out of range"):
        permeq.torch.check(MeanPoolClassifier(), torch.randn(1, 3, 16), token_axes={"x": 3})
    with pytest.raises(ValueError, match="architecture"):
        permeq.torch.check(MeanPoolClassifier(), torch.randn(1, 3, 16), weights="trained")


def test_gradients_and_feature_permutations_are_checked_too():
    model = MeanPoolClassifier()
    x = torch.randn(1, 4, 16)
    backward = permeq.torch.check(model, x, direction="backward", loss="sum")
    assert backward.holds and backward.data["direction"] == "backward"
    roles = {o["role"] for o in backward.data["outputs"]}
    assert {"input gradient", "weight gradient"} <= roles
    intra = permeq.torch.check(model, x, property="intra")
    assert intra.holds and intra.data["property"] == "intra"
    assert any(rule["parameter"] == "encoder.linear1.weight" for rule in intra.data["transform"]["rules"])


def test_library_errors_keep_their_kind():
    with pytest.raises(permeq.UsageError) as error:
        permeq.torch.check(MeanPoolClassifier(), torch.randn(1, 4, 16), direction="sideways")
    assert error.value.kind == "usage" and "sideways" in str(error.value)
