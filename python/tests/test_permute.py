"""permeq.torch.permute: weights moved by proved symmetries, written back in PyTorch's and ONNX's
forms, and loaded again. Finding the symmetries takes seconds per call (every weight axis is tried
and proved), so the model is small and each permutation is computed once."""
import os
import subprocess

import numpy as np
import pytest
import torch

import permeq
import permeq.torch
from permeq import _core
from conftest import Encoder


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(99)
    return Encoder(d=8, heads=2, layers=2).eval()


@pytest.fixture(scope="module")
def moved(model):
    return permeq.torch.permute(model, 7, torch.randn(1, 5, 8))


def test_the_permuted_model_computes_the_same_function_with_other_weights(model, moved):
    kinds = {family["kind"] for family in moved.applied}
    assert {"hidden units", "attention heads"} <= kinds
    before, after = model.state_dict(), moved.module.state_dict()
    changed = [k for k in before if not torch.equal(before[k], after[k])]
    assert any("linear1.weight" in k for k in changed)
    assert any("in_proj_weight" in k for k in changed)
    for x in (torch.randn(1, 5, 8), torch.randn(1, 9, 8)):
        with torch.no_grad():
            expected, actual = model(x), moved.module(x)
        # The same sums in another order: equal up to float32 rounding.
        assert torch.allclose(actual, expected, rtol=1e-5, atol=1e-5), (actual - expected).abs().max()


def test_the_key_decides_the_permutation(model, moved):
    other = permeq.torch.permute(model, 8, torch.randn(1, 5, 8))
    assert any(not torch.equal(moved.state_dict[k], other.state_dict[k]) for k in moved.state_dict)


@pytest.mark.parametrize("suffix", [".safetensors", ".pt"])
def test_saved_state_dicts_load_back_into_pytorch(model, moved, tmp_path, suffix):
    path = moved.save(tmp_path / f"permuted{suffix}")
    loaded = permeq.torch.load_permuted(model, path)
    for k, v in moved.state_dict.items():
        assert torch.equal(loaded.state_dict()[k], v), k
    x = torch.randn(1, 6, 8)
    with torch.no_grad():
        assert torch.allclose(loaded(x), model(x), rtol=1e-5, atol=1e-5)


def test_the_permuted_onnx_model_is_proved_equivalent_to_the_original(moved, tmp_path):
    path = moved.save(tmp_path / "permuted.onnx")
    original = moved.original.graph
    candidate = permeq.load(path)
    equivalent, reason, scope = _core.prove_equivalent(original, candidate, 7)
    assert equivalent, reason
    assert scope


def test_safetensors_weights_bind_by_state_dict_name_in_pytorch_layout(moved, tmp_path):
    # The permuted state dict, saved as PyTorch does, drives the original ONNX graph's weights.
    path = moved.save(tmp_path / "permuted.safetensors")
    graph = moved.original.graph.with_weights(str(path))
    for name in ("encoder.layers.0.linear1.weight", "encoder.layers.1.self_attn.in_proj_weight"):
        np.testing.assert_array_equal(graph.parameter_values(name), moved.state_dict[name].numpy())


def test_the_command_line_writes_an_onnx_model_for_an_onnx_model(moved, tmp_path):
    cli = os.environ.get("PERMEQ_CLI")
    if not cli:
        pytest.skip("PERMEQ_CLI is set by ctest")
    source = tmp_path / "encoder.onnx"
    source.write_bytes(moved.original.onnx)
    target = tmp_path / "permuted.onnx"
    run = subprocess.run([cli, "permute", str(source), "--key", "7", "-o", str(target)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert target.read_bytes()[:1] == b"\x08"  # a ModelProto, not JSON
    # The same model and key give the same weights as permeq.torch.permute.
    written, expected = permeq.load(target), permeq.load(moved.save(tmp_path / "from_python.onnx"))
    for p in expected.summary()["parameters"]:
        if p["stored"]:
            np.testing.assert_array_equal(written.parameter_values(p["name"]), expected.parameter_values(p["name"]))
