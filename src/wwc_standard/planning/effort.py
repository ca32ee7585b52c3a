"""Advisory effort data: how much staff time a criterion takes, and how much time a city has.

This is the project's own advice, kept apart from the official standard. It orders roadmaps and
prices paths, and it can never change a status or a tier: only the revision decides those. The
shipped data is ``guidance/effort.toml`` (person-weeks, each estimate with its reason); a user
overrides any criterion's estimate with :meth:`Guidance.with_efforts`, or loads data of their
own with :func:`load_guidance`.

The texts of the shipped data (its note and every reason) are translated in the gettext domain
``guidance`` (``locales/<locale>/LC_MESSAGES/guidance.po``): each is the English ``str``, a
:class:`~wwc_standard.i18n.messages.Text` that can also be called with a locale, so a roadmap or
a path worded in Spanish gives its reasons in Spanish. The texts of a user's own guidance file
and of overrides stay as the user wrote them, in every locale.

>>> g = guidance()
>>> g.unit, g.basis
('person-weeks', 'advice')
>>> import wwc_standard
>>> std = wwc_standard.standard("2024")
>>> g.estimate(std["OD3"]).effort, g.estimate(std["DM1"]).effort
(8.0, 6.0)
>>> g.with_efforts({"DM1": 2}).estimate(std["DM1"]).source
'override'
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard._data import read_package_file, read_user_file
from wwc_standard._exports import publish
from wwc_standard._pickling import ReadOnlyMappings, SlotsState, read_only
from wwc_standard.errors import Problem, WWCError, _listing, did_you_mean, unknown_criterion
from wwc_standard.i18n.messages import HUGE, N_, Message, Plural, Text, format_number

if TYPE_CHECKING:
    from wwc_standard.revisions.model import Criterion, Standard

__all__ = [
    "GUIDANCE_DOMAIN",
    "EffortEstimate",
    "Guidance",
    "InvalidGuidance",
    "guidance",
    "load_guidance",
]

GUIDANCE_DOMAIN = "guidance"
"""The gettext domain of the texts of the shipped guidance data (``guidance/effort.toml``)."""


class InvalidGuidance(WWCError, ValueError):
    """Effort guidance (a file or overrides) that cannot be used; ``.problems`` lists why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.localized("en"))

    def localized(self, locale: str = "en") -> str:
        """The error with every problem, in ``locale``."""
        n = len(self.problems)
        heading = Plural(
            "{n} problem in the effort guidance:", "{n} problems in the effort guidance:", n
        )
        return _listing(self.problems, heading, locale)


_UNITS = {"person-weeks": N_("person-weeks")}


class _Unit(SlotsState):
    """The unit of effort as a message value: worded for the locale when the library knows it
    ("person-weeks"), as given otherwise (a unit of the user's own guidance)."""

    __slots__ = ("unit",)

    def __init__(self, unit: str) -> None:
        self.unit = unit

    def localized(self, locale: str) -> str:
        known = _UNITS.get(self.unit)
        return self.unit if known is None else Message(known).render(locale)

    def __str__(self) -> str:
        return self.unit


def unit_value(unit: str) -> _Unit:
    """The unit of effort (``Guidance.unit``) as a value of a translatable message."""
    return _Unit(unit)


class Weeks(SlotsState):
    """An amount of effort as a message value, formatted for the locale ("2.5", "2,5")."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def localized(self, locale: str) -> str:
        """The amount with at most one decimal."""
        if locale == "en" and abs(self.value) < HUGE:
            return f"{self.value:,.1f}".removesuffix(".0")
        value = round(self.value, 1) if math.isfinite(self.value) else self.value
        return format_number(value, locale, "#,##0.#")

    def __str__(self) -> str:
        return self.localized("en")


@attrs.frozen(kw_only=True)
class EffortEstimate:
    """An advisory estimate of the effort a criterion takes, with why."""

    effort: float
    """Staff time, in the guidance's unit (person-weeks); ``math.inf`` means "will not do"."""
    reason: str
    """Why this estimate: the project's advice in English, which can also be called with a
    locale (a :class:`~wwc_standard.i18n.messages.Text` of the domain ``guidance``), or the
    user's own text, as given, in every locale."""
    source: str
    """Where it comes from: ``"criterion"``, ``"area"``, ``"default"`` (the guidance data,
    by how specific the entry is) or ``"override"`` (given by the user)."""


@attrs.frozen(kw_only=True)
class Guidance(ReadOnlyMappings):
    """Advisory effort data: per criterion, per practice area, a default, and the capacity.

    Every estimate is advice of the wwc-standard project, not part of the WWC standard.
    """

    unit: str
    """The unit of every effort and capacity figure ("person-weeks")."""
    basis: str
    """Always ``"advice"``: nothing here is official."""
    note: str
    """What the data is, in words."""
    default: EffortEstimate
    """The estimate for a criterion whose id and practice area are not listed."""
    areas: Mapping[str, EffortEstimate] = attrs.field(factory=dict, converter=read_only)
    """Practice area code to the default estimate of its criteria."""
    criteria: Mapping[str, EffortEstimate] = attrs.field(factory=dict, converter=read_only)
    """Criterion id to its estimate, where it differs from its area's."""
    capacity_per_month: float
    """The default staff time available for the work each month, in ``unit``."""
    capacity_reason: str
    """Why that default."""
    evidence_fraction: float
    """The share of a criterion's effort that gathering its evidence takes (for an answer met
    in practice but unverified in auditor mode)."""
    evidence_reason: str = ""
    """Why that share."""

    def estimate(self, criterion: Criterion) -> EffortEstimate:
        """The estimate for ``criterion``: its own, else its area's, else the default."""
        found = self.criteria.get(criterion.id)
        if found is None:
            found = self.areas.get(criterion.practice_area, self.default)
        return found

    def effort(self, criterion: Criterion) -> float:
        """The effort of ``criterion`` in ``unit``."""
        return self.estimate(criterion).effort

    def with_efforts(self, efforts: Mapping[str, float], *, reason: str = "") -> Guidance:
        """This guidance with the efforts of some criteria replaced (criterion id to effort).

        An effort is a number of ``unit`` from 0 to :data:`MAX_EFFORT`, or ``math.inf`` for a
        criterion the city will not take on (paths and roadmaps then leave it out). Raises
        :class:`InvalidGuidance` listing every value that is not such a number.

        >>> guidance().with_efforts({"OD3": 1.5}).criteria["OD3"].effort
        1.5
        >>> guidance().with_efforts({"OD3": -1})
        Traceback (most recent call last):
        ...
        wwc_standard.planning.InvalidGuidance: 1 problem in the effort guidance:
          efforts.OD3: an effort must be a number of person-weeks, from 0 to 1,000,000 (or inf); ...
        """
        problems = []
        added: dict[str, EffortEstimate] = {}
        # One reason for all: a translatable text is worded once, not once per criterion.
        why = reason or Text(Message("the user's own estimate"))
        for key, value in efforts.items():
            if not _is_effort(value):
                problems.append(
                    Problem.of(
                        f"efforts.{key}",
                        "invalid-effort",
                        Message(
                            "an effort must be a number of {unit}, from 0 to {most} (or inf); "
                            "found {value}",
                            unit=unit_value(self.unit),
                            most=MAX_EFFORT,
                            value=repr(value),
                        ),
                    )
                )
                continue
            added[str(key)] = EffortEstimate(
                effort=float(value),
                reason=why,
                source="override",
            )
        if problems:
            raise InvalidGuidance(problems)
        return attrs.evolve(self, criteria={**self.criteria, **added})

    def check(self, standard: Standard) -> list[Problem]:
        """Problems of the overrides against ``standard``: ids that are not its criteria.

        Entries of the shipped data for criteria a revision does not have are not problems
        (the data serves every shipped revision); overrides must name real criteria.
        """
        ids = [criterion.id for criterion in standard.criteria]
        problems = []
        for key, estimate in self.criteria.items():
            if estimate.source == "override" and key not in standard:
                problems.append(unknown_criterion(f"efforts.{key}", standard.version, key, ids))
        return problems


MAX_EFFORT = 1_000_000
"""The largest finite effort or capacity a guidance, an override or a roadmap takes: far above
any criterion's work (about 19,000 person-years), and small enough that the sums of a revision
of 100,000 criteria stay exact to the hundredth in floating point instead of overflowing."""


def _is_effort(value: object) -> bool:
    """A number from 0 to :data:`MAX_EFFORT`, or ``math.inf`` ("will not do")."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return 0 <= value <= MAX_EFFORT or value == math.inf


def resolve_guidance(given: Guidance | Mapping[str, float] | None, standard: Standard) -> Guidance:
    """The guidance to use: the shipped data, with ``given`` overrides applied when it is a
    mapping; raise :class:`InvalidGuidance` for an override that names no criterion."""
    if isinstance(given, Guidance):
        result = given
    elif given is None:
        result = guidance()
    else:
        result = guidance().with_efforts(given)
    problems = result.check(standard)
    if problems:
        raise InvalidGuidance(problems)
    return result


@functools.cache
def guidance() -> Guidance:
    """The effort guidance shipped with the package (read on first use, then cached)."""
    data = read_package_file("guidance/effort.toml")
    return _build(data, "guidance/effort.toml", GUIDANCE_DOMAIN)


def load_guidance(path: str | os.PathLike[str]) -> Guidance:
    """Effort guidance of your own, from a TOML (or JSON) file in the layout of the shipped
    ``guidance/effort.toml``; raise :class:`InvalidGuidance` listing every problem, and
    :class:`~wwc_standard.errors.UnreadableFile` when the file cannot be read. A ``path`` that
    is not a ``str`` or an ``os.PathLike`` is refused before anything is opened."""
    return _build(read_user_file(path, InvalidGuidance), os.fspath(path))


_KEYS: dict[str, tuple[str, ...]] = {
    "": ("schema", "unit", "basis", "note", "capacity", "evidence", "default", "areas", "criteria"),
    "capacity": ("person_weeks_per_month", "reason"),
    "evidence": ("fraction", "reason"),
    "estimate": ("effort", "reason"),
}
"""The keys of a guidance file, of its tables, and of an estimate."""


def _unknown_keys(table: object, path: str, known: tuple[str, ...]) -> list[Problem]:
    if not isinstance(table, Mapping):
        return []
    return [
        Problem.of(
            f"{path}.{key}" if path else str(key),
            "unknown-field",
            Message("{key} is not a key of effort guidance here", key=repr(key)),
            hint=did_you_mean(str(key), known) or Message("remove it or check its spelling"),
        )
        for key in table
        if key not in known
    ]


def _shape_problems(data: Mapping[str, Any]) -> list[Problem]:
    """The problems of the file's layout: its schema, and keys it does not have."""
    problems = []
    schema = data.get("schema", 1)
    if isinstance(schema, bool) or schema != 1:
        problems.append(
            Problem.of(
                "schema",
                "unsupported-schema",
                Message(
                    "this library reads guidance files of schema 1; found {value}",
                    value=repr(schema),
                ),
                hint=Message("write the file in schema 1, or upgrade wwc-standard"),
            )
        )
    problems.extend(_unknown_keys(data, "", _KEYS[""]))
    for table in ("capacity", "evidence"):
        problems.extend(_unknown_keys(data.get(table), table, _KEYS[table]))
    problems.extend(_unknown_keys(data.get("default"), "default", _KEYS["estimate"]))
    for group in ("areas", "criteria"):
        entries = data.get(group)
        if isinstance(entries, Mapping):
            for key, entry in entries.items():
                problems.extend(_unknown_keys(entry, f"{group}.{key}", _KEYS["estimate"]))
    return problems


def _build(data: Mapping[str, Any], origin: str, domain: str | None = None) -> Guidance:
    """The guidance of ``data``; its texts translatable in ``domain`` (the shipped data), or
    kept as written in every locale (``None``: a user's own file)."""
    problems: list[Problem] = []

    def words(text: str) -> str:
        # The English text, and with the shipped data its translations (looked up at render).
        return Text(Message(text, domain=domain)) if domain and text else text

    def estimate(entry: Any, path: str, source: str) -> EffortEstimate:
        if not isinstance(entry, Mapping):
            problems.append(
                Problem.of(path, "wrong-type", Message("must be a table with effort and reason"))
            )
            return EffortEstimate(effort=0.0, reason="", source=source)
        effort, reason = entry.get("effort"), entry.get("reason")
        if not _is_effort(effort):
            problems.append(
                Problem.of(
                    f"{path}.effort",
                    "invalid-effort",
                    Message(
                        "an effort must be a number from 0 to {most} (or inf); found {value}",
                        most=MAX_EFFORT,
                        value=repr(effort),
                    ),
                )
            )
            effort = 0.0
        if not isinstance(reason, str) or not reason:
            problems.append(
                Problem.of(
                    f"{path}.reason",
                    "missing-reason",
                    Message("every estimate needs a reason: say why, and that it is advice"),
                )
            )
            reason = ""
        assert isinstance(effort, int | float)
        return EffortEstimate(effort=float(effort), reason=words(reason), source=source)

    def table(key: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            problems.append(Problem.of(key, "wrong-type", Message("must be a table")))
            return {}
        return value

    if not isinstance(data, Mapping):
        found = type(data).__name__
        raise InvalidGuidance(
            [
                Problem.of(
                    origin, "wrong-type", Message("must be a table; found {found}", found=found)
                )
            ]
        )
    problems.extend(_shape_problems(data))
    if data.get("basis") != "advice":
        problems.append(
            Problem.of(
                "basis",
                "not-advice",
                Message('effort guidance must say basis = "advice": it is never official'),
            )
        )
    capacity = table("capacity")
    per_month = capacity.get("person_weeks_per_month")
    if not _is_effort(per_month) or per_month == 0 or per_month == math.inf:
        problems.append(
            Problem.of(
                "capacity.person_weeks_per_month",
                "invalid-capacity",
                Message(
                    "the capacity must be a number above 0 and at most {most}; found {value}",
                    most=MAX_EFFORT,
                    value=repr(per_month),
                ),
            )
        )
        per_month = 1.0
    evidence = table("evidence")
    fraction = evidence.get("fraction", 0.1)
    if not _is_effort(fraction) or fraction > 1:
        problems.append(
            Problem.of(
                "evidence.fraction",
                "invalid-fraction",
                Message("must be a number from 0 to 1; found {value}", value=repr(fraction)),
            )
        )
        fraction = 0.1
    result = Guidance(
        unit=str(data.get("unit", "person-weeks")),
        basis="advice",
        note=words(str(data.get("note", ""))),
        default=estimate(data.get("default"), "default", "default"),
        areas={k: estimate(v, f"areas.{k}", "area") for k, v in table("areas").items()},
        criteria={
            k: estimate(v, f"criteria.{k}", "criterion") for k, v in table("criteria").items()
        },
        capacity_per_month=float(per_month or 1.0),
        capacity_reason=words(str(capacity.get("reason", ""))),
        evidence_fraction=float(fraction or 0.0),
        evidence_reason=words(str(evidence.get("reason", ""))),
    )
    if problems:
        raise InvalidGuidance(
            [attrs.evolve(p, path=f"{origin}: {p.path}" if p.path else origin) for p in problems]
        )
    return result


publish(globals())
