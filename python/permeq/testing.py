"""pytest helpers: assert that a PyTorch module is permutation equivariant or invariant.

    from permeq.testing import assert_equivariant
    def test_encoder_is_a_set_function():
        assert_equivariant(model, torch.randn(1, 5, 64), axis=1)

A failure names the culprit node, the module it belongs to (qualified name), the parameters it
reads that do not move with the tokens, and the exact witness.
"""
from . import torch as _torch


def _inputs_and_axes(module, x, axis, token_axes):
    inputs = _torch._as_tuple(x)
    if token_axes is None:
        token_axes = {_torch._input_names(module, len(inputs))[0]: axis}
    return inputs, token_axes


def _failure(module, report, expected, token_axes):
    where = ", ".join(f"axis {a} of '{n}'" for n, a in token_axes.items())
    lines = [f"{type(module).__name__} is not permutation {expected} (tokens on {where}): verdict {report.verdict}"]
    for output in report.outputs:
        lines.append(f"  output {output.name}: {output.verdict}" + (f" ({output.note})" if output.note else ""))
    for culprit in report.culprits:
        lines.append(f"  culprit: {culprit.describe()}; module to blame: "
                     + ", ".join(f"'{m}'" if m else "the top module" for m in culprit.modules))
        if culprit.witness is not None:
            lines.append(f"    {culprit.witness}")
    return "\n".join(lines)


def _assert(module, x, axis, token_axes, expected, proved, options):
    inputs, token_axes = _inputs_and_axes(module, x, axis, token_axes)
    report = _torch.check(module, inputs, token_axes=token_axes, **options)
    if report.verdict != expected:
        raise AssertionError(_failure(module, report, expected, token_axes))
    if proved and not report.proved:
        raise AssertionError(f"{type(module).__name__} is {expected} by permeq's exact tests, but not proved:\n{report.text(True)}")
    return report


def assert_equivariant(module, x, axis=1, token_axes=None, proved=False, **options):
    """Fails unless permuting the tokens of `x` (on `axis`, or the axes `token_axes` names) permutes
    every output the same way. With proved=True a proof is required, not only exact tests.
    Other keyword arguments go to permeq.torch.check. Returns the report."""
    return _assert(module, x, axis, token_axes, "equivariant", proved, options)


def assert_invariant(module, x, axis=1, token_axes=None, proved=False, **options):
    """Fails unless permuting the tokens leaves every output unchanged (pooled readouts)."""
    return _assert(module, x, axis, token_axes, "invariant", proved, options)
