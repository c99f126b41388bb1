"""permeq from Python: prove or refute permutation equivariance of transformer models.

    import permeq
    report = permeq.check("examples/graphs/encoder_learned_pe.json")
    report.verdict, report.proved, report.culprits

    import permeq.torch                       # PyTorch modules, exported in memory
    permeq.torch.check(model, (x,), token_axes={"x": 1})

    from permeq.testing import assert_equivariant   # in a pytest test

The work is done by the C++ library (permeq._core); this package turns its reports into Python
objects (permeq.report) and its errors into exceptions with a `kind` (permeq.errors).
"""
import os

from . import _core
from .errors import EvaluationError, InputError, InternalError, PermeqError, UnavailableError, UsageError
from .report import Culprit, NodeRow, OutputVerdict, Report, Witness

__version__ = _core.version
Graph = _core.Graph

__all__ = ["check", "load", "Report", "Witness", "Culprit", "OutputVerdict", "NodeRow", "Graph", "PermeqError", "UsageError",
           "InputError", "EvaluationError", "UnavailableError", "InternalError"]


def load(path, weights=None, seq_len=None, dims=None):
    """Reads a permeq JSON graph or an ONNX model, with weights from a safetensors file or a
    sharded checkpoint's model.safetensors.index.json when `weights` is given."""
    graph, _format, _notes = _core.load_model(os.fspath(path), os.fspath(weights) if weights else "", seq_len, dict(dims or {}))
    return graph


def permute_spec(permute):
    """{"x": 1} or ["x:1"] -> ["x:1"], the library's NAME:AXIS strings."""
    if permute is None:
        return []
    if isinstance(permute, dict):
        return [f"{name}:{axis}" for name, axis in permute.items()]
    if isinstance(permute, str):
        return [permute]
    return [str(p) for p in permute]


def check(path_or_graph, permute=None, direction="forward", property="inter", engine="auto", seq_len=None, loss="sum",
          weights=None, dims=None, trials=None, seed=None, timeout_ms=None, policy=None, max_exact_values=None, device="cpu"):
    """Checks a model and returns a Report.

    path_or_graph: a permeq JSON graph or ONNX file, a Graph (permeq.load), or serialized ONNX bytes.
    permute: which inputs the token permutation acts on, {"x": 1} or ["x:1"]; default the graph's
      token axes. direction: "forward", "backward" (gradients of `loss`) or "both". property:
      "inter" (tokens), "intra" (features, with the weight transform inferred) or "all". engine:
      "auto", "proof", "exact" or "numeric". max_exact_values: above this many values the exact
      engine is skipped and the prover works alone (the library's default is 2,000,000). device:
      where the numeric engine runs, "cpu", "cuda" (UnavailableError without a visible GPU) or
      "auto" (a visible GPU, else the CPU); the report's `device` says which ran.
      Errors raise PermeqError subclasses with a `kind`.
    """
    if isinstance(path_or_graph, _core.Graph):
        graph = path_or_graph
        if weights:
            graph = graph.with_weights(os.fspath(weights))
    elif isinstance(path_or_graph, (bytes, bytearray)):
        graph, _notes = _core.import_onnx_bytes(bytes(path_or_graph), "<onnx bytes>", seq_len, dict(dims or {}))
        if weights:
            graph = graph.with_weights(os.fspath(weights))
    else:
        graph = load(path_or_graph, weights=weights, seq_len=seq_len, dims=dims)
    result = _core.check(graph, permute_spec(permute), direction, property, engine, loss, seq_len, dict(dims or {}), trials, seed,
                         timeout_ms, os.fspath(policy) if policy else "", max_exact_values, device)
    return Report(result["json"], result["text"], result["culprits_text"], result["exit_code"])
