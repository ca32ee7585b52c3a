"""The exceptions of wwc-standard: one root, and subclasses that also inherit a builtin.

Every error carries structured fields next to its readable message. Errors about input carry
every problem found at once, each a :class:`Problem` with the path where it is, a stable code,
and a hint on how to fix it, so a user never fixes one mistake only to meet the next.

>>> problem = Problem(path="answers.DM99", code="unknown-criterion",
...                   message="revision 2024 has no criterion 'DM99'", hint="did you mean DM9?")
>>> print(AssessmentError([problem]))
1 problem in the assessment:
  answers.DM99: revision 2024 has no criterion 'DM99' [unknown-criterion] (did you mean DM9?)
>>> isinstance(AssessmentError([problem]), ValueError)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "AssessmentError",
    "IncompleteStandard",
    "InvalidStandard",
    "Problem",
    "UnknownLocale",
    "UnknownStandard",
    "WWCError",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One problem in an input: where it is, what it is, how to fix it."""

    path: str
    """Where in the input: dotted keys and ``[index]`` ("answers.DG1.checklist.e"); "" for the
    input as a whole."""
    code: str
    """A stable, machine-readable code ("unknown-criterion"): match on this, not the message."""
    message: str
    """What is wrong, in English."""
    hint: str | None = None
    """How to fix it, when there is something useful to say ("did you mean DM9?")."""
    params: Mapping[str, Any] = attrs.field(factory=dict, eq=False, repr=False)
    """The values the message was built from, for callers that word problems themselves."""

    text: Any = attrs.field(default=None, eq=False, repr=False)
    """The translatable message behind ``message`` (a ``wwc_standard._i18n.Message``), if any."""
    hint_text: Any = attrs.field(default=None, eq=False, repr=False)
    """The translatable message behind ``hint``, if any."""

    @classmethod
    def of(cls, path: str, code: str, text: Any, hint: Any = None) -> Problem:
        """A problem worded by translatable messages (``wwc_standard._i18n.Message``)."""
        return cls(
            path=path,
            code=code,
            message=str(text),
            hint=None if hint is None else str(hint),
            params=text.json_params(),
            text=text,
            hint_text=hint,
        )

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message} [{self.code}]{hint}"

    def to_dict(self) -> dict[str, Any]:
        """The problem as JSON-compatible data."""
        return {"path": self.path, "code": self.code, "message": self.message, "hint": self.hint}


class WWCError(Exception):
    """The root of every error wwc-standard raises on purpose."""

    problems: tuple[Problem, ...] = ()
    """The problems behind the error, each with its path; may be empty."""


def _listing(problems: tuple[Problem, ...], what: str) -> str:
    count = len(problems)
    head = f"{count} problem{'s' if count != 1 else ''} in {what}:"
    return "\n".join([head, *(f"  {problem}" for problem in problems)])


class AssessmentError(WWCError, ValueError):
    """An assessment that cannot be evaluated as given; ``.problems`` lists every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(_listing(self.problems, "the assessment"))


class InvalidStandard(WWCError, ValueError):
    """A revision file or revision data that breaks the schema or the standard's own rules.

    >>> print(InvalidStandard([Problem(path="criteria[3].prerequisites[0]",
    ...     code="unknown-prerequisite", message="DM10 is not a criterion of this revision")],
    ...     origin="mine.toml"))
    1 problem in revision mine.toml:
      criteria[3].prerequisites[0]: DM10 is not a criterion of this revision [unknown-prerequisite]
    """

    def __init__(self, problems: Iterable[Problem], *, origin: str) -> None:
        self.problems = tuple(problems)
        self.origin = origin
        """Where the revision came from: a file path, a shipped version, or ``<dict>``."""
        super().__init__(_listing(self.problems, f"revision {origin}"))


class UnknownStandard(WWCError, LookupError):
    """No shipped revision has that version, or none was in force on that date.

    >>> print(UnknownStandard("2042", available=("2022", "2023")))
    no revision '2042' is shipped; available: 2022, 2023
    """

    def __init__(self, version: str, *, available: tuple[str, ...], reason: str = "") -> None:
        self.version = version
        """The version (or date) that was asked for."""
        self.available = available
        """The versions that are shipped."""
        message = reason or (
            f"no revision {version!r} is shipped; available: {', '.join(available)}"
        )
        self.problems = (
            Problem(path="standard", code="unknown-standard", message=message, hint=None),
        )
        super().__init__(message)

    def __str__(self) -> str:
        return self.problems[0].message


class IncompleteStandard(WWCError, ValueError):
    """A revision that lists fewer criteria than it has cannot score a city.

    Scoring against a partial list would give percentages of the wrong total, so evaluation
    refuses; complete the revision with a revision file of your own that ``extends`` it.

    >>> print(IncompleteStandard("2018", listed=11, declared=45))
    revision 2018 lists 11 of its 45 criteria; 34 are not public. Complete it with revision \
data that extends "2018" and adds the missing criteria (see docs/revision-files.md), then \
evaluate against that.
    """

    def __init__(self, version: str, *, listed: int, declared: int) -> None:
        self.version = version
        """The incomplete revision."""
        self.listed = listed
        """How many criteria it lists."""
        self.declared = declared
        """How many criteria the published revision has."""
        message = (
            f"revision {version} lists {listed} of its {declared} criteria; "
            f"{declared - listed} are not public. Complete it with revision data that "
            f'extends "{version}" and adds the missing criteria (see docs/revision-files.md), '
            "then evaluate against that."
        )
        self.problems = (Problem(path="standard", code="incomplete-standard", message=message),)
        super().__init__(message)


class UnknownLocale(WWCError, ValueError):
    """A locale the library does not speak; ``.problems`` names it and the locales there are.

    >>> from wwc_standard._i18n import negotiate
    >>> try:
    ...     negotiate("de")
    ... except UnknownLocale as error:
    ...     print(error)
    wwc-standard does not speak 'de' (use one of en, es, pt_BR, fr)
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        super().__init__(f"{first.message} ({first.hint})" if first.hint else first.message)
