"""permeq.check on graph files: verdicts, proofs, culprits, exact witnesses and errors."""
import json
from fractions import Fraction

import numpy as np
import pytest

import permeq
from conftest import EXAMPLES


def test_encoder_without_positions_is_proved_equivariant_for_all_sizes():
    report = permeq.check(EXAMPLES / "encoder_nopos.json")
    assert report.verdict == "equivariant"
    assert report.proved and report.holds
    assert "for all n, all widths" in report.proof_scope
    assert report.culprits == []
    assert all(o.axes == [0] for o in report.outputs)


def test_learned_positions_break_with_a_witness_that_replays_by_hand():
    report = permeq.check(EXAMPLES / "encoder_learned_pe.json", permute={"x": 0})
    assert report.verdict == "breaks" and not report.holds and report.exit_code == 1
    assert [c.node for c in report.culprits] == ["add_learned_pe"]
    witness = report.witnesses["add_learned_pe"]
    x, pe = witness.inputs["x"], witness.inputs["learned_pe"]
    assert isinstance(x.flat[0], Fraction)
    sigma = witness.permutation
    # The culprit is x + pe: adding after permuting the tokens differs from permuting the sum.
    permuted_then_applied = x[sigma] + pe
    applied_then_permuted = (x + pe)[sigma]
    assert permuted_then_applied[witness.index] == witness.permuted_then_applied
    assert applied_then_permuted[witness.index] == witness.applied_then_permuted
    assert witness.permuted_then_applied != witness.applied_then_permuted
    rows = {n.node: n for n in report.nodes}
    assert rows["add_learned_pe"].verdict == "breaks"
    assert any(n.verdict == "inherits" for n in report.nodes)


def test_report_renders_as_text_and_json():
    report = permeq.check(EXAMPLES / "mean_pool_classifier.json")
    assert report.verdict == "invariant"
    assert "permeq check: mean_pool_classifier" in repr(report)
    data = json.loads(report.to_json())
    assert data["schema"] == "permeq-report/1"
    assert [o["verdict"] for o in data["outputs"]] == [o.verdict for o in report.outputs]


def test_a_loaded_graph_can_be_checked_with_other_options():
    graph = permeq.load(EXAMPLES / "gpt_causal.json")
    report = permeq.check(graph, engine="exact", seq_len=3)
    assert report.verdict == "breaks"
    assert not report.proved  # the exact engine alone gives evidence, never proofs
    assert [c.node for c in report.culprits] == ["block0/attn/apply_causal_mask"]


def test_backward_direction_reports_gradients():
    report = permeq.check(EXAMPLES / "deepsets.json", direction="backward", loss="mse")
    assert report.holds
    assert {o.verdict for o in report.outputs} <= {"equivariant", "invariant"}


def test_the_numeric_engine_runs_on_the_device_asked_for():
    cpu = permeq.check(EXAMPLES / "mean_pool_classifier.json", engine="numeric", device="cpu")
    assert cpu.device["kind"] == "cpu" and cpu.verdict == "invariant"
    chosen = permeq.check(EXAMPLES / "mean_pool_classifier.json", engine="numeric", device="auto")
    assert chosen.device["kind"] in ("cpu", "cuda")
    if chosen.device["kind"] == "cpu":  # no visible GPU: asking for one is an error, never a silent CPU run
        with pytest.raises(permeq.UnavailableError) as missing:
            permeq.check(EXAMPLES / "mean_pool_classifier.json", engine="numeric", device="cuda")
        assert missing.value.kind == "unavailable"
    with pytest.raises(permeq.UsageError, match="tpu"):
        permeq.check(EXAMPLES / "mean_pool_classifier.json", device="tpu")


def test_errors_are_exceptions_with_the_library_message_and_kind(tmp_path):
    with pytest.raises(permeq.InputError) as missing:
        permeq.check(tmp_path / "absent.json")
    assert missing.value.kind == "input" and "absent.json" in str(missing.value)
    with pytest.raises(permeq.UsageError) as bad_axis:
        permeq.check(EXAMPLES / "deepsets.json", permute={"nope": 0})
    assert bad_axis.value.kind == "usage" and "nope" in str(bad_axis.value)
    with pytest.raises(permeq.UsageError, match="engine"):
        permeq.check(EXAMPLES / "deepsets.json", engine="magic")
    broken = tmp_path / "broken.json"
    broken.write_text("{\"format\": ")
    with pytest.raises(permeq.PermeqError) as malformed:
        permeq.check(broken)
    assert malformed.value.kind == "input"
