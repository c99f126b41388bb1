"""Exceptions raised by permeq: one class per kind of the C++ library's permeq::Error.

Every exception carries the library's message unchanged (it names the file, node, operator and
what was expected) and a `kind`: "usage", "input", "evaluation", "unavailable" or "internal", the same split as
the command line's exit codes.
"""


class PermeqError(Exception):
    """Base class: `kind` says whose mistake it is; str(error) is the library's message."""

    kind = "internal"

    def __init__(self, message, kind=None):
        super().__init__(message)
        if kind is not None:
            self.kind = kind


class UsageError(PermeqError, ValueError):
    """A bad argument: an unknown input name, axis, engine or option."""

    kind = "usage"


class InputError(PermeqError):
    """A malformed or inconsistent model, weights file or policy."""

    kind = "input"


class EvaluationError(PermeqError):
    """An operator could not be evaluated (division by zero, index out of range)."""

    kind = "evaluation"


class UnavailableError(PermeqError):
    """The machine lacks what was asked for: a GPU for device="cuda", or the CUDA backend."""

    kind = "unavailable"


class InternalError(PermeqError):
    """A bug in permeq; please report it."""

    kind = "internal"


_BY_KIND = {cls.kind: cls for cls in (UsageError, InputError, EvaluationError, UnavailableError, InternalError)}


def from_kind(kind, message):
    """The exception for a library error of `kind` (called by permeq._core)."""
    return _BY_KIND.get(kind, InternalError)(message, kind)
