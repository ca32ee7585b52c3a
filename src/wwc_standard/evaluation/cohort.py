"""Cohorts: many assessments evaluated in order, and a pandas DataFrame view of them.

:func:`evaluate_many` suits a cohort of cities or a parameter sweep. It decides each status with
the same code as :func:`~wwc_standard.evaluate` (``evaluate_parsed``) and validates each assessment
the same way: an already parsed :class:`~wwc_standard.Assessment` goes straight to the
revision checks (``check_against``), and only one with problems is parsed again to report them
with their paths. pandas is optional (``pip install 'wwc-standard[pandas]'``):
only :meth:`Cohort.to_frame` needs it, and it is imported there, never by ``import
wwc_standard``.

>>> import wwc_standard as wwc
>>> cohort = wwc.evaluate_many([
...     {"standard": "2024", "answers": {"DM1": "met"}},
...     wwc.example_assessment(),
... ])
>>> [(e.tier.value, e.points) for e in cohort]
[('none', 1), ('silver', 27)]
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

import attrs

from wwc_standard._exports import publish
from wwc_standard.errors import AssessmentError, IncompleteStandard, Problem
from wwc_standard.i18n.messages import Message
from wwc_standard.revisions.model import Standard
from wwc_standard.revisions.registry import standard as shipped
from wwc_standard.revisions.registry import standards
from wwc_standard.revisions.tiers import Tier

from .assessment import Assessment, _type_name, check_against, resolve
from .engine import Evaluation, check_options, evaluate_parsed

__all__ = ["Cohort", "evaluate_many", "to_frame"]


def evaluate_many(
    assessments: Iterable[Assessment | Mapping[str, Any]],
    standard: str | Standard | None = None,
    *,
    require_evidence: bool = False,
) -> Cohort:
    """Evaluate every assessment, in order, as :func:`~wwc_standard.evaluate` would.

    Raises :class:`~wwc_standard.AssessmentError` listing the problems of every assessment at
    once, each path prefixed with the assessment's position (``[3].answers.DM99``).
    """
    check_options(require_evidence)
    if isinstance(assessments, str | bytes | Mapping) or not isinstance(assessments, Iterable):
        raise AssessmentError(
            [
                Problem.of(
                    "assessments",
                    "wrong-type",
                    Message(
                        "expected {expected}, found {found}",
                        expected=Message("a list of assessments"),
                        found=_type_name(assessments),
                    ),
                    hint=Message("pass a list of assessments; for one, call evaluate()"),
                )
            ]
        )
    fixed: Standard | None = None
    if isinstance(standard, Standard):
        fixed = standard
    elif standard is not None:
        fixed = shipped(standard)  # UnknownStandard for a version that is not a shipped one
    by_pin: dict[str | None, Standard] = {}
    results: list[Evaluation] = []
    problems: list[Problem] = []
    checked: set[int] = set()
    for position, item in enumerate(assessments):
        revision = fixed
        if isinstance(item, Assessment) and revision is None:
            revision = by_pin.get(item.standard)
            if revision is None and item.standard in (None, *shipped_versions()):
                revision = by_pin.setdefault(item.standard, shipped(item.standard))
        if not (
            isinstance(item, Assessment)
            and revision is not None
            and not check_against(item, revision)
        ):
            parsed, revision, found = resolve(item, fixed)
            if found:
                problems.extend(
                    attrs.evolve(p, path=f"[{position}].{p.path}" if p.path else f"[{position}]")
                    for p in found
                )
                continue
            item = parsed
        assert revision is not None
        assert isinstance(item, Assessment)
        if id(revision) not in checked:
            if not revision.complete:
                raise IncompleteStandard(
                    revision.version,
                    listed=len(revision.criteria),
                    declared=revision.criteria_count,
                )
            checked.add(id(revision))
        results.append(evaluate_parsed(item, revision, require_evidence))
    if problems:
        raise AssessmentError(problems)
    return Cohort(evaluations=tuple(results))


def shipped_versions() -> tuple[str, ...]:
    """The shipped versions (cached by the registry)."""
    return standards()


@attrs.frozen(kw_only=True)
class Cohort(Sequence[Evaluation]):
    """Evaluations in the order of their assessments; a sequence, with a DataFrame view."""

    evaluations: tuple[Evaluation, ...]
    """The evaluations, in order."""

    def __len__(self) -> int:
        return len(self.evaluations)

    @overload
    def __getitem__(self, index: int) -> Evaluation: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Evaluation]: ...

    def __getitem__(self, index: int | slice) -> Evaluation | Sequence[Evaluation]:
        return self.evaluations[index]

    def __iter__(self) -> Iterator[Evaluation]:
        return iter(self.evaluations)

    def tiers(self) -> dict[Tier, int]:
        """How many evaluations earned each tier (every tier, zeros included)."""
        counts = dict.fromkeys(Tier, 0)
        for evaluation in self.evaluations:
            counts[evaluation.tier] += 1
        return counts

    def to_frame(self, *, criteria: bool = False) -> Any:
        """The cohort as a pandas DataFrame (see :func:`to_frame`)."""
        return to_frame(self.evaluations, criteria=criteria)


def to_frame(evaluations: Iterable[Evaluation], *, criteria: bool = False) -> Any:
    """A pandas DataFrame, one row per evaluation.

    Columns: ``city``, ``country``, ``population``, ``standard``, ``tier`` (an ordered
    categorical: none < silver < gold < platinum), ``points``, ``possible``, ``eligible``,
    ``certifiable``; with ``criteria=True`` also one column per criterion id holding its status
    word. Needs pandas (``pip install 'wwc-standard[pandas]'``); raises ImportError saying so.

    >>> import wwc_standard as wwc
    >>> frame = wwc.evaluate_many([wwc.example_assessment()]).to_frame()
    >>> frame[["city", "tier", "points"]].to_dict("records")
    [{'city': 'Exampleton', 'tier': 'silver', 'points': 27}]
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            Message(
                "to_frame() needs pandas, an optional dependency: "
                "pip install 'wwc-standard[pandas]'"
            ).render("en")
        ) from None
    rows = []
    for evaluation in evaluations:
        city = evaluation.assessment.city
        row: dict[str, Any] = {
            "city": city.name,
            "country": city.country,
            "population": city.population,
            "standard": evaluation.standard.version,
            "tier": evaluation.tier.value,
            "points": evaluation.points,
            "possible": evaluation.possible,
            "eligible": evaluation.eligible,
            # Decided without wording the reasons of certification.
            "certifiable": evaluation._certifiable,
        }
        if criteria:
            for criterion, status in zip(
                evaluation.standard.criteria, evaluation.statuses, strict=True
            ):
                row[criterion.id] = status.value
        rows.append(row)
    frame = pd.DataFrame(rows, columns=None if rows else _COLUMNS)
    frame["tier"] = pd.Categorical(
        frame["tier"], categories=[tier.value for tier in Tier], ordered=True
    )
    frame["population"] = frame["population"].astype("Int64")
    return frame


_COLUMNS = [
    "city",
    "country",
    "population",
    "standard",
    "tier",
    "points",
    "possible",
    "eligible",
    "certifiable",
]


publish(globals())
