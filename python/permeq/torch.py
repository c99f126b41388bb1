"""permeq for PyTorch modules: check one in one call, and move its weights by proved symmetries.

    import permeq.torch
    report = permeq.torch.check(model, (x,), token_axes={"x": 1})
    report.verdict, report.proved, [c.describe() for c in report.culprits]

The module is exported in memory with torch.onnx.export (nothing is written to disk) and imported
by permeq's ONNX importer. The export keeps every parameter under its state-dict name in its own
layout (no constant folding), so culprits are named by the module's qualified names
(`encoder.layers.0.self_attn`) and the parameters they read (`pos_embedding`), beside the ONNX node
names, and a permuted model maps back onto the state dict.
"""
import contextlib
import copy
import inspect
import io
import os
import warnings
from dataclasses import dataclass, field

import numpy as np
import torch

from . import _core, permute_spec
from . import safetensors as _safetensors
from .report import Report

# torch 1.13's exporter writes opsets up to 17; permeq's importer is tested on 13 to 17.
DEFAULT_OPSET = 14
TOKEN_DIM = "seq"


@dataclass
class Exported:
    """A module exported to ONNX in memory and imported by permeq."""

    module: torch.nn.Module
    onnx: bytes
    graph: object              # permeq._core.Graph with the module's weights stored
    input_names: list
    token_axes: dict
    notes: list = field(default_factory=list)


def _as_tuple(example_inputs):
    return tuple(example_inputs) if isinstance(example_inputs, (tuple, list)) else (example_inputs,)


def _input_names(module, count):
    """The forward's parameter names for the first `count` positional inputs."""
    try:
        parameters = [p for p in inspect.signature(module.forward).parameters.values()
                      if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        parameters = []
    names = [p.name for p in parameters[:count]]
    return names + [f"input_{i}" for i in range(len(names), count)]


@contextlib.contextmanager
def _every_parameter_stored_once():
    """Exporting in eval mode, torch.onnx (1.13) also merges initializers that are merely equal in
    value; a fresh nn.TransformerEncoder's layers are equal copies, so layer 1 would be checked as
    tied to layer 0 and lose its state-dict names. The pass's training flag keeps equal tensors
    apart (tensors that are shared, such as tied embeddings, are still stored once). Where the
    pass is absent the export merges them, and permute() maps the merged names back by value."""
    deduplicate = getattr(torch._C, "_jit_pass_onnx_deduplicate_initializers", None)
    if deduplicate is None:
        yield
        return
    torch._C._jit_pass_onnx_deduplicate_initializers = lambda graph, params, _training: deduplicate(graph, params, True)
    try:
        yield
    finally:
        torch._C._jit_pass_onnx_deduplicate_initializers = deduplicate


def export(module, example_inputs, token_axes=None, seq_len=None, opset=DEFAULT_OPSET):
    """Exports `module` on `example_inputs` (a tensor or a tuple) with each token axis dynamic
    (named "seq", so permeq can check several lengths) and imports it at `seq_len` tokens (default:
    the example's length). token_axes: input name (the forward's parameter name) -> axis; default
    axis 1 of the first input (batch first)."""
    inputs = _as_tuple(example_inputs)
    names = _input_names(module, len(inputs))
    token_axes = dict(token_axes) if token_axes else {names[0]: 1}
    dynamic_axes = {}
    for name, axis in token_axes.items():
        if name not in names:
            raise ValueError(f"token_axes names '{name}', which is not an input of {type(module).__name__}.forward "
                             f"(inputs: {', '.join(names)})")
        rank = inputs[names.index(name)].dim()
        if not -rank <= axis < rank:
            raise ValueError(f"token axis {axis} of input '{name}' is out of range for its {rank} axes")
        token_axes[name] = axis % rank
        dynamic_axes[name] = {axis % rank: TOKEN_DIM}
    buffer = io.BytesIO()
    # Not under torch.no_grad(): nn.TransformerEncoderLayer would take its fused fast path, which
    # has no ONNX form.
    with warnings.catch_warnings(), _every_parameter_stored_once():
        warnings.simplefilter("ignore")  # the tracer's notes on Python values turned into constants
        torch.onnx.export(module, inputs, buffer, input_names=names, dynamic_axes=dynamic_axes, opset_version=opset,
                          do_constant_folding=False, training=torch.onnx.TrainingMode.EVAL)
    data = buffer.getvalue()
    if seq_len is None:
        # The example's own length: a module with a fixed-length table (a learned position
        # parameter of max_len rows added whole) is only defined there.
        first = next(iter(token_axes))
        seq_len = int(inputs[names.index(first)].shape[token_axes[first]])
    graph, notes = _core.import_onnx_bytes(data, f"<{type(module).__name__} exported to ONNX>", seq_len, {})
    return Exported(module, data, graph, names, token_axes, list(notes))


# ---- naming culprits by module ------------------------------------------------------------------

def _qualified_module(node_name, module_names):
    """'/encoder/layers.0/self_attn/Add_2' -> 'encoder.layers.0.self_attn'. The exporter's scope
    components are attribute names ('layers.0') or, inside containers, full qualified names
    ('mlp.0'); "" is the top module."""
    parts = [p for p in node_name.split("/") if p][:-1]
    qualified = ""
    for part in parts:
        joined = f"{qualified}.{part}" if qualified else part
        if joined in module_names:
            qualified = joined
        elif part in module_names and (not qualified or part.startswith(qualified + ".")):
            qualified = part
        else:
            qualified = joined
    return qualified


def _owner(parameter_name, module_names):
    owner = parameter_name.rsplit(".", 1)[0] if "." in parameter_name else ""
    return owner if owner in module_names else ""


def name_culprits(report, exported):
    """Fills each culprit's module, the stored parameters it reads that do not move with the
    tokens (through ops that do not touch the inputs: a slice of a positional table, an embedding
    lookup of positions), and the modules to blame."""
    summary = exported.graph.summary()
    module_names = {name for name, _ in exported.module.named_modules()}
    # The module's own parameters and buffers; the exporter's constants (a mask's fill value) are
    # not named by the user.
    parameters = {p["name"] for p in summary["parameters"]} & set(exported.module.state_dict())
    graph_parameters = {p["name"] for p in summary["parameters"]}
    producer = {out: node for node in summary["nodes"] for out in node["outputs"]}
    token_dependent = {i["name"] for i in summary["inputs"]}
    for node in summary["nodes"]:
        if any(i in token_dependent for i in node["inputs"]):
            token_dependent.update(node["outputs"])

    def fixed_parameters(value, seen):
        if value in seen or value in token_dependent:
            return []
        seen.add(value)
        if value in parameters:
            return [value]
        if value in graph_parameters:
            return []
        node = producer.get(value)
        return [p for i in node["inputs"] for p in fixed_parameters(i, seen)] if node else []

    nodes = {n["name"]: n for n in summary["nodes"]}
    for culprit in report.culprits:
        node = nodes.get(culprit.node)
        culprit.module = _qualified_module(culprit.node, module_names)
        seen = set()
        culprit.parameters = [p for i in (node["inputs"] if node else []) for p in fixed_parameters(i, seen)]
        blamed = [culprit.module] + [_owner(p, module_names) for p in culprit.parameters]
        culprit.modules = list(dict.fromkeys(blamed))
    for extra in (report.instance, report.backward, report.intra):
        if extra is not None:
            name_culprits(extra, exported)
    return report


# ---- check --------------------------------------------------------------------------------------

def check(module, example_inputs, token_axes=None, weights="architecture", direction="forward", property="inter", engine=None,
          seq_len=None, loss="sum", trials=None, seed=None, timeout_ms=None, exact="auto", device="cpu"):
    """Checks a PyTorch module. Returns a permeq.Report whose culprits name modules and parameters.

    token_axes: input name -> token axis, default {first input: 1}. weights: "architecture" (the
    weights are free: the verdict holds or breaks for every value of them; proofs with engine
    "auto") or "instance" (this module's own weights, in floating point: evidence, never a proof).
    exact: "auto" proves first with the prover alone (a culprit is refuted at its node with a
    witness replayed exactly; whether its break reaches the outputs is then measured in floating
    point on random weights) and runs the exact engine only when an output is left undecided;
    True always runs the exact engine too (every verdict exact, witnesses shrunk to the fewest
    tokens; slow for wide models: rationals through every product); False never does.
    device: where the numeric engine runs ("cpu", "cuda" or "auto"), as in permeq.check.
    """
    if weights not in ("architecture", "instance"):
        raise ValueError(f"weights must be 'architecture' or 'instance', not {weights!r}")
    if exact not in ("auto", True, False):
        raise ValueError(f"exact must be 'auto', True or False, not {exact!r}")
    exported = export(module, example_inputs, token_axes, seq_len)
    graph = exported.graph.without_weights() if weights == "architecture" else exported.graph
    engine = engine or ("auto" if weights == "architecture" else "numeric")
    permute = permute_spec(exported.token_axes) if property == "inter" else []

    def run(max_exact_values):
        result = _core.check(graph, permute, direction, property, engine, loss, seq_len, {}, trials, seed, timeout_ms, "",
                             max_exact_values, device)
        return Report(result["json"], result["text"], result["culprits_text"], result["exit_code"])

    report = run(None if exact is True else 0)
    if exact == "auto" and any(o.verdict == "unknown" for o in report.outputs):
        report = run(None)
    return name_culprits(report, exported)


# ---- permuted models ----------------------------------------------------------------------------

@dataclass
class PermutedModel:
    """A module with its weights moved by one random element of its proved weight-space symmetry
    group (MLP hidden units, attention heads, coordinates within heads): different weights, the
    same function. `key` reproduces it."""

    module: torch.nn.Module
    state_dict: dict
    key: int
    applied: list               # the symmetry families moved, with their permutations
    onnx: bytes                 # the permuted model as ONNX
    original: Exported

    def save(self, path):
        """Writes the permuted model: .safetensors (state dict, PyTorch layout), .onnx, or anything
        else as a torch.save'd state dict (.pt, .pth)."""
        path = os.fspath(path)
        if path.endswith(".safetensors"):
            _safetensors.save({k: v.detach().cpu().numpy() for k, v in self.state_dict.items()}, path)
        elif path.endswith(".onnx"):
            with open(path, "wb") as f:
                f.write(self.onnx)
        else:
            torch.save(self.state_dict, path)
        return path


def _state_dict_source(key, value, graph_names, original_values):
    """The graph parameter that holds state-dict entry `key`: the one of the same name, else the
    one the exporter merged it into (torch.onnx stores equal initializers once)."""
    if key in graph_names:
        return key
    matches = [name for name, stored in original_values.items()
               if stored.shape == value.shape and np.array_equal(stored, value)]
    if len(matches) > 1:
        raise RuntimeError(f"state-dict entry '{key}' equals several exported weights ({', '.join(matches)}); "
                           "cannot tell which one it became")
    return matches[0] if matches else None


def permute(module, key, example_inputs, token_axes=None, path=None, seq_len=None):
    """Moves the module's weights by a random proved symmetry chosen by `key` and returns a
    PermutedModel (a copy of the module with the new state dict loaded). With `path`, also writes
    it (see PermutedModel.save)."""
    exported = export(module, example_inputs, token_axes, seq_len)
    moved, applied = _core.permute_weights(exported.graph, int(key))
    graph_names = {p["name"] for p in exported.graph.summary()["parameters"] if p["stored"]}
    original_values = {name: exported.graph.parameter_values(name) for name in graph_names}
    state = {}
    for name, tensor in module.state_dict().items():
        source = _state_dict_source(name, tensor.detach().cpu().numpy(), graph_names, original_values) \
            if tensor.is_floating_point() else None
        if source is None:
            state[name] = tensor.detach().clone()
            continue
        values = moved.parameter_values(source).reshape(tuple(tensor.shape))
        state[name] = torch.from_numpy(np.ascontiguousarray(values)).to(dtype=tensor.dtype)
    permuted = copy.deepcopy(module)
    permuted.load_state_dict(state)
    onnx_bytes = _core.onnx_with_weights(exported.onnx, f"<{type(module).__name__} exported to ONNX>", moved)
    result = PermutedModel(permuted, state, int(key), list(applied), onnx_bytes, exported)
    if path is not None:
        result.save(path)
    return result


def load_permuted(module, path):
    """A copy of `module` with the state dict saved by PermutedModel.save at `path`."""
    path = os.fspath(path)
    if path.endswith(".safetensors"):
        state = {k: torch.from_numpy(v) for k, v in _safetensors.load(path).items()}
    else:
        state = torch.load(path)
    loaded = copy.deepcopy(module)
    loaded.load_state_dict(state)
    return loaded
