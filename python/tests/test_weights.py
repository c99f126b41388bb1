"""Weights from PyTorch checkpoints: dotted names, nn.Linear's [out, in] layout, sharded files."""
import json

import numpy as np
import pytest
import torch

import permeq
import permeq.torch
from permeq import safetensors
from conftest import EXAMPLES, MeanPoolClassifier


@pytest.fixture
def exported():
    return permeq.torch.export(MeanPoolClassifier().eval(), torch.randn(1, 4, 16))


def state(exported):
    return {k: v.detach().numpy() for k, v in exported.module.state_dict().items()}


def test_a_sharded_checkpoint_binds_through_its_index(exported, tmp_path):
    tensors = state(exported)
    names = sorted(tensors)
    halves = {"model-00001-of-00002.safetensors": names[::2], "model-00002-of-00002.safetensors": names[1::2]}
    for shard, members in halves.items():
        safetensors.save({n: tensors[n] * 2 for n in members}, tmp_path / shard)
    index = {"metadata": {}, "weight_map": {n: shard for shard, members in halves.items() for n in members}}
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps(index))
    for where in (tmp_path / "model.safetensors.index.json", tmp_path):
        graph = exported.graph.with_weights(str(where))
        np.testing.assert_array_equal(graph.parameter_values("head.weight"), tensors["head.weight"] * 2)


def test_an_index_pointing_at_the_wrong_shard_is_an_input_error(exported, tmp_path):
    tensors = state(exported)
    safetensors.save(tensors, tmp_path / "one.safetensors")
    index = {"weight_map": {n: "one.safetensors" for n in tensors}}
    index["weight_map"]["head.weight"] = "two.safetensors"
    safetensors.save({"head.weight": tensors["head.weight"]}, tmp_path / "two.safetensors")
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps(index))
    with pytest.raises(permeq.InputError, match="head.weight"):
        exported.graph.with_weights(str(tmp_path / "model.safetensors.index.json"))


def test_linear_weights_in_pytorch_layout_bind_to_a_graph_reading_in_out(tmp_path):
    # examples/graphs/deepsets.json multiplies by its weights as [in, out]; nn.Linear stores [out, in].
    graph = permeq.load(EXAMPLES / "deepsets.json")
    parameters = graph.summary()["parameters"]
    rng = np.random.default_rng(5)
    math_layout = {p["name"]: rng.standard_normal([d if isinstance(d, int) else graph.summary()["dims"][d] for d in p["shape"]])
                   .astype(np.float32) for p in parameters if p["kind"] == "weight"}
    pytorch_layout = {name.replace("/", "."): (v.T if v.ndim == 2 else v) for name, v in math_layout.items()}
    path = tmp_path / "deepsets.safetensors"
    safetensors.save(pytorch_layout, path)
    bound = graph.with_weights(str(path))
    for name, values in math_layout.items():
        np.testing.assert_array_equal(bound.parameter_values(name), values)
    # Without PyTorch's "format": "pt" the layout is not assumed: a transposed matrix is an error.
    safetensors.save(pytorch_layout, path, metadata={"format": "np"})
    transposed = [n for n, v in math_layout.items() if v.ndim == 2 and v.shape[0] != v.shape[1]]
    if transposed:
        with pytest.raises(permeq.InputError, match="transposed: nn.Linear"):
            graph.with_weights(str(path))
