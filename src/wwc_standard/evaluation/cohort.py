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
import math
import operator
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

from .assessment import Answer, AnswerStatus, Assessment, _type_name, check_against, resolve
from .engine import Evaluation, _evaluate_plain, check_options, evaluate_parsed

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

    >>> import wwc_standard as wwc
    >>> city = wwc.example_assessment().to_dict()
    >>> better = dict(city, answers={**city["answers"], "DM7": "met", "DM8": "met", "DM9": "met"})
    >>> cohort = wwc.evaluate_many([city, better, {"answers": {}}], standard="2024")
    >>> [(result.points, result.tier.value) for result in cohort]
    [(27, 'silver'), (30, 'gold'), (0, 'none')]
    >>> wwc.evaluate_many([city, {"answers": {"DM99": "met"}}], standard="2024")
    Traceback (most recent call last):
      ...
    wwc_standard.errors.AssessmentError: 1 problem in the assessment:
      [1].answers.DM99: revision 2024 has no criterion 'DM99' [unknown-criterion]
        (did you mean DM9?)
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
        if type(item) is dict:
            # An app's request, in one pass (see engine._evaluate_plain); None for any other.
            fast = _evaluate_plain(item, fixed, require_evidence)
            if fast is not None:
                results.append(fast)
                continue
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
                    missing=revision.tier_rule.missing,
                    approximate=revision.criteria_count_approximate,
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
    """Evaluations in the order of their assessments; a sequence, with a DataFrame view.

    >>> import wwc_standard as wwc
    >>> city = wwc.example_assessment()
    >>> cohort = wwc.evaluate_many([city, city.to_dict(), {"answers": {"DM1": "met"}}])
    >>> len(cohort), cohort[0] == cohort[1], cohort[2].points
    (3, True, 1)
    >>> {tier.value: count for tier, count in cohort.tiers().items()}
    {'none': 1, 'silver': 2, 'gold': 0, 'platinum': 0}
    >>> frame = cohort.to_frame(criteria=True)
    >>> frame.shape, frame.loc[0, "DM1"], frame.loc[2, "DM2"]
    ((3, 52), 'met', 'unknown')
    """

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

    def to_html(self, locale: str = "en") -> str:
        """The cohort as one self-contained HTML5 report in ``locale``: the tier
        distribution, the cities by tier and points, a heat map of the practice areas across
        cities (numbers in every cell) and the criteria most often not met.

        >>> import wwc_standard as wwc
        >>> page = wwc.evaluate_many([wwc.example_assessment()]).to_html(locale="es")
        >>> '<html lang="es">' in page, "Cohorte de 1 ciudad" in page
        (True, True)
        """
        # The report machinery (and Jinja2) on first use: start-up never needs it.
        from wwc_standard._report import to_html

        from .report import cohort_report

        return to_html(cohort_report(self, locale))

    def to_markdown(self, locale: str = "en") -> str:
        """The same report as :meth:`to_html`, as GitHub-flavoured Markdown tables.

        >>> import wwc_standard as wwc
        >>> print(wwc.evaluate_many([wwc.example_assessment()]).to_markdown().splitlines()[0])
        # Cohort of 1 city
        """
        # The report machinery on first use: start-up never needs it.
        from wwc_standard._report import to_markdown

        from .report import cohort_report

        return to_markdown(cohort_report(self, locale))

    def _repr_html_(self) -> str:
        """The compact view a notebook shows: figures, tiers, criteria most often not met."""
        # The report machinery (and Jinja2) when a notebook shows the cohort.
        from wwc_standard._report import to_fragment

        from .report import cohort_card

        return to_fragment(cohort_card(self))

    def __repr__(self) -> str:
        """One line: ``<Cohort of 50 evaluations: 12 none, 20 silver, 15 gold, 3 platinum>``."""
        tiers = ", ".join(f"{count} {tier.value}" for tier, count in self.tiers().items())
        return f"<Cohort of {len(self.evaluations)} evaluations: {tiers}>"

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
    # Built column by column, never a dict per row: pandas reads a list per column much faster
    # than it gathers rows, and the columns are read with C-level getters over the whole
    # cohort. Each value is the one the row-wise construction gave (tests/reference.py keeps
    # it, and a test compares the frames).
    evaluations = list(evaluations)
    if not evaluations:
        frame = pd.DataFrame([], columns=_COLUMNS)
        frame["tier"] = pd.Categorical(frame["tier"], categories=_TIER_WORDS, ordered=True)
        frame["population"] = frame["population"].astype("Int64")
        return frame
    # pandas comes with numpy; imported here for the same reason as pandas.
    np: Any = importlib.import_module("numpy")
    columns = _columns(evaluations, pd, np)
    if criteria:
        _criteria_columns(evaluations, columns)
    frame = pd.DataFrame(columns)
    # A column left a list (another value, or a criterion id wrote into it) is converted as
    # the row-wise construction did.
    if isinstance(columns["tier"], list):
        frame["tier"] = pd.Categorical(frame["tier"], categories=_TIER_WORDS, ordered=True)
    if isinstance(columns["population"], list):
        frame["population"] = frame["population"].astype("Int64")
    return frame


def _int64(np: Any, values: list[Any]) -> Any:
    """The values as an int64 array if each is an int (not a bool) that fits, the dtype pandas
    infers from them; else the list itself, for pandas to infer."""
    if set(map(type, values)) == {int}:
        try:
            return np.fromiter(values, dtype=np.int64, count=len(values))
        except OverflowError:  # beyond int64: pandas infers uint64 or object
            pass
    return values


_TIER_WORDS = [tier.value for tier in Tier]
_TIER_CODES = {word: code for code, word in enumerate(_TIER_WORDS)}
_INT64 = (-(2**63), 2**63 - 1)  # the ints an int64 holds

# Read in C over a whole cohort. An enum's ``value`` is a property written in Python; its
# ``_value_`` is the same object, stored on the member.
_assessment_of = operator.attrgetter("assessment")
_city_of = operator.attrgetter("city")
_name_of = operator.attrgetter("name")
_country_of = operator.attrgetter("country")
_population_of = operator.attrgetter("population")
_standard_of = operator.attrgetter("standard")
_tier_of = operator.attrgetter("tier")
_points_of = operator.attrgetter("points")
_statuses_of = operator.attrgetter("statuses")
_requirements_of = operator.attrgetter("requirements")
_value_of = operator.attrgetter("_value_")


@attrs.frozen
class _Revision:
    """What the frame reads of one revision, once per revision rather than once per row."""

    version: str
    possible: int
    countries: frozenset[str]
    floor: int
    gating: tuple[str, ...]

    @classmethod
    def of(cls, standard: Standard) -> _Revision:
        rule = standard.eligibility
        return cls(
            version=standard.version,
            possible=standard.possible,
            countries=frozenset(c for c in rule.countries if type(c) is str),
            floor=rule.population_floor,
            gating=tuple(r.id for r in standard.requirements if r.gates_certification),
        )


def _columns(evaluations: list[Evaluation], pd: Any, np: Any) -> dict[str, Any]:
    """The nine columns of the frame, in order. A column whose values are all ones pandas
    infers the frame's dtype from (ints in int64's range, tier words, bools) is an array of
    that dtype; any other is the list of its values, for pandas to infer as before.

    pandas' inference over a list of ints costs more than reading the cohort (issue 12), and
    so does a Python expression per row where an operation over a whole array answers."""
    count = len(evaluations)
    assessments = list(map(_assessment_of, evaluations))
    cities = list(map(_city_of, assessments))
    countries = list(map(_country_of, cities))
    populations = list(map(_population_of, cities))
    standards = list(map(_standard_of, evaluations))
    tiers = list(map(_tier_of, evaluations))
    # Tier members only, so each word is one of the categories and its code says the same.
    codes = np.fromiter(
        map(_TIER_CODES.__getitem__, map(_value_of, tiers)), dtype=np.int8, count=count
    )
    population = _int64(np, populations)
    # list.count compares by identity first, in C: a cohort of one revision costs no hashing.
    if standards.count(standards[0]) == count:
        revision = _Revision.of(standards[0])
        versions = [revision.version] * count
        possible = _int64(np, [revision.possible])
        possible = possible * count if type(possible) is list else possible.repeat(count)
        if (
            type(population) is not list
            and type(revision.floor) is int
            and _INT64[0] <= revision.floor <= _INT64[1]
            and set(map(type, countries)) <= {str, type(None)}
        ):
            eligible, certifiable = _decided_by_arrays(
                np, revision, evaluations, assessments, countries, population, codes
            )
        else:
            eligible, certifiable = _decided_by_rows(
                evaluations, assessments, [revision] * count, countries, populations, tiers
            )
    else:
        made: dict[int, _Revision] = {}
        row_revisions = []
        for standard in standards:
            found = made.get(id(standard))
            if found is None:
                found = made[id(standard)] = _Revision.of(standard)
            row_revisions.append(found)
        versions = [revision.version for revision in row_revisions]
        possible = _int64(np, [revision.possible for revision in row_revisions])
        eligible, certifiable = _decided_by_rows(
            evaluations, assessments, row_revisions, countries, populations, tiers
        )
    return {
        "city": list(map(_name_of, cities)),
        "country": countries,
        "population": (
            populations
            if type(population) is list
            else pd.arrays.IntegerArray(population, np.zeros(count, dtype=bool))
        ),
        "standard": versions,
        "tier": pd.Categorical.from_codes(
            codes, dtype=pd.CategoricalDtype(_TIER_WORDS, ordered=True)
        ),
        "points": _int64(np, list(map(_points_of, evaluations))),
        "possible": possible,
        "eligible": eligible,
        "certifiable": certifiable,
    }


def _decided_by_rows(
    evaluations: list[Evaluation],
    assessments: list[Assessment],
    row_revisions: list[_Revision],
    countries: list[Any],
    populations: list[Any],
    tiers: list[Tier],
) -> tuple[list[bool], list[bool]]:
    """The eligible and certifiable columns, a Python expression per row."""
    # Evaluation.eligible's rule, with a set of the revision's countries for its tuple: the
    # same answer for a country code (a string) and a whole population; any other value
    # (a missing one) asks the property itself.
    eligible = [
        country in revision.countries and population >= revision.floor
        if type(country) is str and type(population) is int
        else evaluation.eligible
        for evaluation, revision, country, population in zip(
            evaluations, row_revisions, countries, populations, strict=True
        )
    ]
    # Evaluation._certifiable: a tier, eligibility, and every gating requirement met.
    none = Tier.NONE
    certifiable = [
        is_eligible
        and tier is not none
        and (
            not revision.gating
            # No requirement answered (most assessments): a gating one is not met, no call.
            or (
                bool(answers.requirements)
                and _gates_met(answers.requirements, revision.gating, evaluation.require_evidence)
            )
        )
        for evaluation, answers, revision, tier, is_eligible in zip(
            evaluations, assessments, row_revisions, tiers, eligible, strict=True
        )
    ]
    return eligible, certifiable


def _decided_by_arrays(
    np: Any,
    revision: _Revision,
    evaluations: list[Evaluation],
    assessments: list[Assessment],
    countries: list[str | None],
    population: Any,
    codes: Any,
) -> tuple[Any, Any]:
    """The same two columns as _decided_by_rows, as bool arrays, for a cohort of one revision
    whose populations are all ints (in an int64 array) and countries all strings or missing."""
    count = len(evaluations)
    # A missing country is in no revision's countries: Evaluation.eligible's answer for it.
    eligible = np.fromiter(map(revision.countries.__contains__, countries), bool, count)
    eligible &= population >= revision.floor
    certifiable = eligible & (codes != _TIER_CODES[Tier.NONE.value])
    if revision.gating:
        # No requirement answered (most assessments): a gating one is not met, no call.
        certifiable &= np.fromiter(map(bool, map(_requirements_of, assessments)), bool, count)
        for row in np.flatnonzero(certifiable).tolist():
            certifiable[row] = _gates_met(
                assessments[row].requirements, revision.gating, evaluations[row].require_evidence
            )
    return eligible, certifiable


def _gates_met(
    answers: Mapping[str, Answer], gating: tuple[str, ...], require_evidence: bool
) -> bool:
    """Whether every gating requirement is answered met (with evidence in auditor mode)."""
    for requirement_id in gating:
        answer = answers.get(requirement_id)
        if (
            answer is None
            or answer.status is not AnswerStatus.MET
            or (require_evidence and not answer.evidence)
        ):
            return False
    return True


def _criteria_columns(evaluations: list[Evaluation], columns: dict[str, Any]) -> None:
    """Add a column per criterion id holding each status word, as rows of dicts would give:
    columns in the order they first appear, a missing value (NaN) where a row's revision has
    no such criterion, and an id that names a column already there writes into it."""
    count = len(evaluations)
    standards = list(map(_standard_of, evaluations))
    ids_of = {id(standard): [c.id for c in standard.criteria] for standard in standards}
    written = columns.keys() & set().union(*ids_of.values())
    if len(ids_of) == 1 and not written:
        # One revision: each criterion's column is a column of the statuses' table.
        ids = next(iter(ids_of.values()))
        table = zip(*map(_statuses_of, evaluations), strict=True)
        for criterion_id, statuses in zip(ids, table, strict=True):
            columns[criterion_id] = list(map(_value_of, statuses))
        return
    for name in written:
        if not isinstance(columns[name], list):
            # An array of _columns: its values as a list, the one the row-wise build had.
            columns[name] = columns[name].tolist()
    for ids in ids_of.values():
        for criterion_id in ids:
            if criterion_id not in columns:
                columns[criterion_id] = [math.nan] * count
    for row, evaluation in enumerate(evaluations):
        for criterion, status in zip(
            evaluation.standard.criteria, evaluation.statuses, strict=True
        ):
            columns[criterion.id][row] = status.value


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
