"""The result of a check as Python objects, built from the library's JSON report
(schema "permeq-report/1", docs/report-format.md).

A Report says, per graph output, whether it is equivariant, invariant, breaks or unknown, whether
that is proved and for what scope, and which nodes are the culprits. Each culprit carries its exact
witness: the node's input values as numpy arrays of fractions.Fraction, the permutation, and the
first entry where permuting then applying differs from applying then permuting.
"""
import json
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np


def _exact_array(tensor):
    """A witness tensor ({"shape", "values": ["a/b", ...]}) as a numpy array of Fractions."""
    values = np.empty(len(tensor["values"]), dtype=object)
    for i, text in enumerate(tensor["values"]):
        values[i] = Fraction(text)
    return values.reshape(tuple(tensor["shape"]))


@dataclass(repr=False)
class Witness:
    """An exact counterexample at one node: f(sigma x) != sigma f(x) for these inputs."""

    node: str
    tokens: int
    generator: str          # "transposition" or "n-cycle"
    permutation: list       # sigma, gather convention: x'[i] = x[sigma[i]] along the acted axes
    inputs: dict            # input value name -> numpy array of Fraction
    input_actions: dict     # input value name -> how the permutation acts on it, in words
    value: str              # the node output that differs
    index: tuple            # where it first differs
    permuted_then_applied: Fraction
    applied_then_permuted: Fraction
    graph_values: dict = field(default_factory=dict)  # the draws of the graph's inputs and weights

    @classmethod
    def from_json(cls, node, data):
        first = data["first_difference"]
        return cls(
            node=node,
            tokens=data["tokens"],
            generator=data["generator"],
            permutation=list(data["permutation"]),
            inputs={t["name"]: _exact_array(t) for t in data["node_inputs"]},
            input_actions={t["name"]: t["action"]["description"] for t in data["node_inputs"]},
            value=first["value"],
            index=tuple(first["index"]),
            permuted_then_applied=Fraction(first["permuted_then_applied"]),
            applied_then_permuted=Fraction(first["applied_then_permuted"]),
            graph_values={t["name"]: _exact_array(t) for t in data.get("graph_values", [])},
        )

    def __repr__(self):
        return f"<permeq.Witness at {self.node}: {self}>"

    def __str__(self):
        return (f"exact witness at n = {self.tokens}, {self.generator} sigma = {self.permutation}: "
                f"{self.value}{list(self.index)} is {self.permuted_then_applied} after permuting the inputs "
                f"but {self.applied_then_permuted} when the output is permuted")


@dataclass
class OutputVerdict:
    """The verdict on one graph output."""

    name: str
    verdict: str            # "equivariant", "invariant", "breaks", "unknown"
    proved: bool
    proof_scope: str
    axes: list
    culprits: list
    note: str = ""


@dataclass
class NodeRow:
    """One row of the per-node table."""

    node: str
    op: str
    scope: str
    verdict: str            # also "inherits": fine itself, downstream of a culprit
    method: str
    proved: bool
    proof_scope: str
    note: str
    inputs: list            # (value, its action in words)
    witness: Witness = None


@dataclass
class Culprit:
    """A node whose inputs transform as claimed but whose output does not.

    `module` is the PyTorch module (qualified name, "" for the top module) the node belongs to,
    `parameters` the stored weights it reads that do not move with the tokens (a positional table),
    and `modules` every module to blame: the node's and those parameters' owners.
    """

    node: str
    op: str
    module: str = ""
    parameters: list = field(default_factory=list)
    modules: list = field(default_factory=list)
    witness: Witness = None

    def describe(self):
        where = f"module '{self.module}'" if self.module else "the top module"
        text = f"node {self.node} ({self.op}) in {where}"
        if self.parameters:
            text += " reading parameter " + ", ".join(f"'{p}'" for p in self.parameters)
        return text


class Report:
    """What a check found. `repr(report)` is the text report; `to_json()` the JSON report."""

    def __init__(self, json_text, text, culprits_text=None, exit_code=None):
        self._json_text = json_text
        self._text = text
        self._culprits_text = culprits_text if culprits_text is not None else text
        self.data = json.loads(json_text) if isinstance(json_text, str) else json_text
        self.exit_code = exit_code if exit_code is not None else self.data["summary"]["exit_code"]
        self.outputs = [OutputVerdict(o["output"], o["verdict"], o["proved"], o["proof_scope"], list(o["axes"]),
                                      list(o["culprits"]), o.get("note", "")) for o in self.data["outputs"]]
        self.nodes = []
        for n in self.data["nodes"]:
            witness = Witness.from_json(n["node"], n["witness"]) if n.get("witness") else None
            self.nodes.append(NodeRow(n["node"], n["op"], n["scope"], n["verdict"], n["method"], n["proved"], n["proof_scope"],
                                      n["note"], [(i["value"], i["action"]) for i in n["inputs"]], witness))
        by_node = {n.node: n for n in self.nodes}
        self.culprits = [Culprit(name, by_node[name].op if name in by_node else "",
                                 witness=by_node[name].witness if name in by_node else None)
                         for name in self.data["culprits"]]
        self.instance = Report(self.data["instance"], "") if self.data.get("instance") else None
        self.backward = Report(self.data["backward"], "") if self.data.get("backward") else None
        self.intra = Report(self.data["intra"], "") if self.data.get("intra") else None
        self.graph = self.data["graph"]
        self.seconds = self.data["summary"]["seconds"]
        # The numeric engine's device ({"kind": "cpu" or "cuda", "name": ..., ...}), else None.
        self.device = self.data.get("device")

    @property
    def verdict(self):
        """"breaks" if an output breaks, else "unknown" if one is undecided, else "invariant" when
        every output is invariant, else "equivariant"."""
        verdicts = [o.verdict for o in self.outputs]
        if "breaks" in verdicts:
            return "breaks"
        if any(v not in ("equivariant", "invariant") for v in verdicts):
            return "unknown"
        return "invariant" if verdicts and all(v == "invariant" for v in verdicts) else "equivariant"

    @property
    def holds(self):
        """Every output is equivariant or invariant (and, under a policy, every expectation holds)."""
        return self.exit_code == 0

    @property
    def proved(self):
        """Every output's verdict is a theorem (a solver or an exact argument), not evidence."""
        return bool(self.outputs) and all(o.proved for o in self.outputs)

    @property
    def proof_scope(self):
        """The weakest scope among the outputs' proofs ("for all n, all widths" or bounded sizes)."""
        scopes = {o.proof_scope for o in self.outputs if o.proved}
        bounded = [s for s in scopes if "all widths" not in s]
        return bounded[0] if bounded else (scopes.pop() if scopes else "")

    @property
    def witnesses(self):
        """Culprit node -> its exact witness."""
        return {c.node: c.witness for c in self.culprits if c.witness is not None}

    def to_json(self):
        return self._json_text if isinstance(self._json_text, str) else json.dumps(self._json_text, indent=2)

    def text(self, culprits_only=False):
        """The text report, every node or only culprits and unknown nodes."""
        return self._culprits_text if culprits_only else self._text

    def __repr__(self):
        return self._text or f"<permeq.Report {self.graph}: {self.verdict}>"
