"""The standard as typed, frozen values: a revision, its practice areas and its criteria.

Everything here is immutable data. A :class:`Standard` is built from a revision file by
:mod:`wwc_standard.revisions.build`, which also validates it; the objects can be built by hand
too (tests do), and :meth:`Standard.validate` checks them the same way.

:meth:`Standard.validate`, :meth:`Standard.to_dict` and :meth:`Standard.from_dict` delegate to
the modules that do the work (validation, codec, build). Those modules import this one for
type checking only, and are given the class they build; the model imports them on first use,
so that importing the model (every program that evaluates) does not load the pipeline that
reads revision files until a revision is first loaded.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard._exports import publish
from wwc_standard.errors import did_you_mean

from .provenance import Provenance, Source
from .texts import RevisionText, text_in
from .tiers import AnyTierRule, PercentageBands, Tier

if TYPE_CHECKING:
    from wwc_standard.errors import Problem

__all__ = [
    "Checklist",
    "ChecklistItem",
    "Criterion",
    "Eligibility",
    "InForce",
    "PracticeArea",
    "Requirement",
    "Standard",
    "content_fingerprint",
]


@attrs.frozen(kw_only=True)
class PracticeArea:
    """A practice area of a revision, such as Data Management (``DM``)."""

    code: str
    """The short code that prefixes its criteria's ids ("DM")."""
    name: str
    """The name as published ("Data Management")."""
    aliases: tuple[str, ...] = ()
    """Other names the area goes by in public sources."""
    provenance: Provenance
    """Where the area and its name come from."""
    _domains: tuple[str, ...] = attrs.field(init=False, default=(), eq=False, repr=False)
    """The gettext domains of its texts (see :mod:`wwc_standard.revisions.texts`); not content."""

    def title(self, locale: str = "en") -> str:
        """The area's name in ``locale`` (translations are the package's own, unofficial).

        >>> import wwc_standard
        >>> area = wwc_standard.standard("2024").practice_area("OD")
        >>> area.title(), area.title("es"), area.title("pt_BR"), area.title("fr_CA")
        ('Open Data', 'Datos abiertos', 'Dados abertos', 'Données ouvertes')
        """
        return text_in(self.name, self._domains, locale)

    localized = title


@attrs.frozen(kw_only=True)
class ChecklistItem:
    """One item of a criterion's checklist ("a version is published online")."""

    id: str
    """The item's id within its criterion ("a")."""
    text: str
    """What the item asks, in the package's own words."""
    provenance: Provenance | None = None
    """Where the item comes from, when it differs from its checklist's."""
    _domains: tuple[str, ...] = attrs.field(init=False, default=(), eq=False, repr=False)
    """The gettext domains of its texts (see :mod:`wwc_standard.revisions.texts`); not content."""

    def title(self, locale: str = "en") -> str:
        """What the item asks, in ``locale`` (translations are the package's own, unofficial)."""
        return text_in(self.text, self._domains, locale)

    localized = title


@attrs.frozen(kw_only=True)
class Checklist:
    """The items of a criterion, of which ``required`` must be met ("3 of 4")."""

    required: int
    """How many items must be met for the criterion to be met: the quota."""
    items: tuple[ChecklistItem, ...]
    """The items, in published order."""
    provenance: Provenance
    """Where the items and the quota come from."""

    @property
    def quota(self) -> str:
        """The quota in words.

        >>> Checklist(required=3, items=tuple(ChecklistItem(id=c, text=c) for c in "abcd"),
        ...           provenance=Provenance(basis="read")).quota
        '3 of 4'
        """
        return f"{self.required} of {len(self.items)}"

    @property
    def item_ids(self) -> tuple[str, ...]:
        """The ids of the items, in order."""
        return tuple(item.id for item in self.items)


@attrs.frozen(kw_only=True)
class Criterion:
    """One criterion of a revision: worth one point when met.

    >>> import wwc_standard
    >>> crit = wwc_standard.standard("2024")["DM1"]
    >>> crit.id, crit.name, crit.practice_area
    ('DM1', 'Implementing Data Strategy and Governance', 'DM')
    """

    id: str
    """The criterion's id ("DM1")."""
    name: str
    """The name as published."""
    practice_area: str
    """The code of the practice area it belongs to."""
    description: str
    """What it asks, summarised in the package's own words (not the official text)."""
    prerequisites: tuple[str, ...] = ()
    """Ids of criteria that must be met before this one can earn its point."""
    checklist: Checklist | None = None
    """Its checklist and quota, when the revision publishes one."""
    components: tuple[str, ...] = ()
    """The component of the standard it belongs to, for a revision whose tier rule is
    component breadth (the 2017 launch standard); empty otherwise."""
    provenance: Provenance
    """Where the criterion, its id and its name come from."""
    _domains: tuple[str, ...] = attrs.field(init=False, default=(), eq=False, repr=False)
    """The gettext domains of its texts (see :mod:`wwc_standard.revisions.texts`); not content."""

    def title(self, locale: str = "en") -> str:
        """The criterion's name in ``locale`` (translations are the package's own, unofficial;
        official ones are not public).

        >>> import wwc_standard
        >>> crit = wwc_standard.standard("2024")["OD3"]
        >>> crit.title(), crit.title("es"), crit.title("pt_BR")
        ('Open Data Portal', 'Portal de datos abiertos', 'Portal de dados abertos')
        >>> crit.title("fr_CA")
        'Portail de données ouvertes'
        """
        return text_in(self.name, self._domains, locale)

    def describe(self, locale: str = "en") -> str:
        """What the criterion asks, in ``locale``.

        >>> import wwc_standard
        >>> wwc_standard.standard("2024")["OD3"].describe("es")
        'Los datos abiertos se publican en un único lugar público y central en línea.'
        """
        return text_in(self.description, self._domains, locale)

    localized = title


@attrs.frozen(kw_only=True)
class InForce:
    """When a revision took effect; it stays in force until the next revision does."""

    start: datetime.date
    """The first day the revision is in force."""
    provenance: Provenance
    """Where the date comes from (exact days are rarely published)."""


@attrs.frozen(kw_only=True)
class Eligibility:
    """Which cities may certify under a revision."""

    population_floor: int
    """The smallest population a city may have."""
    countries: tuple[str, ...]
    """ISO 3166-1 alpha-2 codes of the countries and territories whose cities may apply, sorted."""
    region: str
    """The region in words, as the sources put it."""
    provenance: Provenance
    """Where the rule comes from; how a named region maps to countries is often inferred."""
    _domains: tuple[str, ...] = attrs.field(init=False, default=(), eq=False, repr=False)
    """The gettext domains of its texts (see :mod:`wwc_standard.revisions.texts`); not content."""

    def region_in(self, locale: str = "en") -> str:
        """The region in words, in ``locale``.

        >>> import wwc_standard
        >>> wwc_standard.standard("2024").eligibility.region_in("fr")
        'Amérique du Nord, Amérique centrale et Amérique du Sud'
        """
        return text_in(self.region, self._domains, locale)


@attrs.frozen(kw_only=True)
class Requirement:
    """A certification requirement that stands outside the criteria and their points."""

    id: str
    """The requirement's id ("outcome"); assessments answer it under ``requirements``."""
    name: str
    """A short name."""
    description: str
    """What it asks, in the package's own words."""
    gates_certification: bool
    """Whether an unmet requirement prevents certification at any tier."""
    provenance: Provenance
    """Where the requirement, and whether it gates certification, come from."""
    _domains: tuple[str, ...] = attrs.field(init=False, default=(), eq=False, repr=False)
    """The gettext domains of its texts (see :mod:`wwc_standard.revisions.texts`); not content."""

    def title(self, locale: str = "en") -> str:
        """The requirement's name in ``locale``.

        >>> import wwc_standard
        >>> wwc_standard.standard("2024").requirements[0].title("pt_BR")
        'Requisito de resultados'
        """
        return text_in(self.name, self._domains, locale)

    def describe(self, locale: str = "en") -> str:
        """What the requirement asks, in ``locale``."""
        return text_in(self.description, self._domains, locale)

    localized = title


@attrs.frozen(kw_only=True)
class Standard:
    """One revision of the What Works Cities standard: the rules of one certification cycle.

    Get one with :func:`wwc_standard.standard`. Index it by criterion id.

    >>> import wwc_standard
    >>> std = wwc_standard.standard("2024")
    >>> std.version, len(std.criteria), len(std.practice_areas)
    ('2024', 43, 8)
    >>> std["OD3"].name
    'Open Data Portal'
    >>> std.fingerprint.startswith("sha256:")
    True
    """

    version: str
    """The revision's id: the year of its certification cycle ("2024")."""
    title: str
    """The revision's name in words."""
    in_force: InForce
    """When the revision took effect."""
    criteria_count: int
    """How many criteria the published revision has; more than listed when some are not public."""
    extends: str | None = None
    """The revision this one was derived from, when it changes only cycle rules."""
    changes: tuple[str, ...] = ()
    """What changed from the revision it extends, in words."""
    notes: tuple[str, ...] = ()
    """Facts about the cycle that do not change the evaluation (an entry step, a first cohort)."""
    sources: tuple[Source, ...]
    """The public sources its facts rest on."""
    provenance: Provenance
    """Where the revision as a whole comes from."""
    practice_areas: tuple[PracticeArea, ...]
    """Its practice areas, in published order."""
    criteria: tuple[Criterion, ...]
    """Its criteria, in published order."""
    tier_rule: AnyTierRule
    """How met criteria become a tier: percentage bands, or breadth across components."""
    eligibility: Eligibility
    """Which cities may certify."""
    requirements: tuple[Requirement, ...] = ()
    """Certification requirements outside the points."""
    _domains: tuple[str, ...] = attrs.field(init=False, default=(), eq=False, repr=False)
    """The gettext domains of its texts (see :mod:`wwc_standard.revisions.texts`); not content."""

    @property
    def domains(self) -> tuple[str, ...]:
        """The gettext domains its texts are looked up in: its own, then along ``extends``.

        Empty for a revision assembled by hand, whose texts stay in English.

        >>> import wwc_standard
        >>> wwc_standard.standard("2023").domains
        ('revision-2023', 'revision-2022')
        """
        return self._domains

    def _repr_html_(self) -> str:
        """The compact view a notebook shows, in the style of the reports."""
        # The report machinery (and Jinja2) when a notebook shows it: start-up never needs it.
        from wwc_standard._report import to_fragment

        from .report import standard_card

        return to_fragment(standard_card(self))

    def __repr__(self) -> str:
        """One line: ``<Standard 2024: 43 criteria in 8 practice areas, sha256:4f18e0e...>``."""
        # The helper on first use (start-up time).
        from wwc_standard._report import short

        return (
            f"<Standard {short(self.version, 20)}: {len(self.criteria)} criteria in "
            f"{len(self.practice_areas)} practice areas, {self.fingerprint[:15]}...>"
        )

    def localized(self, locale: str = "en") -> str:
        """The revision's title in ``locale``.

        >>> import wwc_standard
        >>> wwc_standard.standard("2024").localized("es")
        'Estándar de la Certificación What Works Cities, versión 3.0 (ciclo 2024)'
        """
        return text_in(self.title, self._domains, locale)

    def text(self, english: str) -> RevisionText:
        """A text of this revision (a note, a change, a name) to be worded for a locale later,
        as a value of a translatable message; English when it is not translated.

        >>> import wwc_standard
        >>> std = wwc_standard.standard("2025")
        >>> std.text(std.eligibility.region).localized("pt_BR")
        'América do Norte, América Central e América do Sul'
        >>> std.text("A note of my own").localized("pt_BR")
        'A note of my own'
        """
        return RevisionText(english, self._domains)

    @functools.cached_property
    def _by_id(self) -> Mapping[str, Criterion]:
        return {criterion.id: criterion for criterion in self.criteria}

    @functools.cached_property
    def prerequisite_order(self) -> tuple[Criterion, ...]:
        """The criteria in an order where every prerequisite comes before what it unlocks.

        Published order is kept wherever prerequisites allow it.
        """
        return tuple(self.criteria[i] for i, _ in self._plan)

    @functools.cached_property
    def _plan(self) -> tuple[tuple[int, tuple[int, ...]], ...]:
        # (index, indices of its prerequisites) in prerequisite order: the one pass that
        # evaluate() makes. Validation guarantees the graph has no cycle.
        # Placed depth first, not by graphlib.TopologicalSorter (validation uses graphlib to
        # find cycles): graphlib orders breadth first, every criterion without a pending
        # prerequisite before any it unlocks, so a criterion with a prerequisite would leave
        # its published place and results would list criteria in another order; and it
        # refuses a graph with a cycle, which a revision assembled by hand and not validated
        # may have, and which evaluate() accepts.
        index = {criterion.id: i for i, criterion in enumerate(self.criteria)}
        # The walk keeps its own stack, not Python's: a chain of thousands of prerequisites
        # would exceed the recursion limit. Each entry is a criterion and an iterator over the
        # prerequisites still to visit; a criterion is placed once all of them are.
        placed: list[int] = []
        seen: set[int] = set()
        for start in range(len(self.criteria)):
            if start in seen:
                continue
            seen.add(start)
            stack = [(start, iter(self.criteria[start].prerequisites))]
            while stack:
                i, pending = stack[-1]
                for prerequisite in pending:
                    j = index.get(prerequisite)
                    if j is not None and j not in seen:
                        seen.add(j)
                        stack.append((j, iter(self.criteria[j].prerequisites)))
                        break
                else:
                    stack.pop()
                    placed.append(i)
        return tuple(
            (i, tuple(index[p] for p in self.criteria[i].prerequisites if p in index))
            for i in placed
        )

    @functools.cached_property
    def _evaluation_rows(self) -> tuple[tuple[int, str, bool, tuple[int, ...]], ...]:
        # _plan with each criterion's id and whether it has a checklist: the rows evaluate()
        # walks, computed once per revision so the hot loop reads no attributes.
        return tuple(
            (i, self.criteria[i].id, self.criteria[i].checklist is not None, prerequisites)
            for i, prerequisites in self._plan
        )

    @functools.cached_property
    def _independent_ids(self) -> tuple[str, ...] | None:
        # The ids in published order when no criterion has a checklist or a prerequisite (every
        # shipped revision of Version 3.0): each status then follows from its own answer
        # alone, and evaluate() takes its shortest path. None otherwise.
        if any(c.checklist is not None or c.prerequisites for c in self.criteria):
            return None
        return tuple(criterion.id for criterion in self.criteria)

    @functools.cached_property
    def _tier_by_points(self) -> tuple[Tier, ...] | None:
        # The tier of every number of points, 0..N, when the rule is percentage bands, whose
        # tier depends on the count alone: evaluate() looks it up instead of comparing bands.
        # Computed by the rule itself, so it cannot disagree with it. None for other rules.
        rule = self.tier_rule
        if type(rule) is not PercentageBands:
            return None
        possible = len(self.criteria)
        return tuple(rule.tier_for_points(points, possible) for points in range(possible + 1))

    @functools.cached_property
    def dependents(self) -> Mapping[str, tuple[str, ...]]:
        """Criterion id to the criteria that have it as a prerequisite (only those that do)."""
        found: dict[str, list[str]] = {}
        for criterion in self.criteria:
            for prerequisite in criterion.prerequisites:
                found.setdefault(prerequisite, []).append(criterion.id)
        return {key: tuple(value) for key, value in found.items()}

    @functools.cached_property
    def fingerprint(self) -> str:
        """``"sha256:<hex>"`` of the revision's canonical JSON form (:meth:`to_dict`).

        Any change to any fact of the revision, its provenance included, changes it. Pin it
        in an assessment to be sure a result was produced against exactly this content.
        """
        return content_fingerprint(self.to_dict())

    @property
    def complete(self) -> bool:
        """Whether every criterion of the published revision is listed."""
        return len(self.criteria) == self.criteria_count

    @property
    def possible(self) -> int:
        """The points available: one per criterion."""
        return len(self.criteria)

    def __getitem__(self, criterion_id: str) -> Criterion:
        try:
            return self._by_id[criterion_id]
        except (KeyError, TypeError):
            if not isinstance(criterion_id, str):
                raise KeyError(
                    f"criterion ids are strings such as 'DM1', not {criterion_id!r}"
                ) from None
            hint = did_you_mean(criterion_id, self._by_id)
            raise KeyError(
                f"revision {self.version} has no criterion {criterion_id!r}"
                + (f"; {hint}" if hint else "")
            ) from None

    def __contains__(self, criterion_id: object) -> bool:
        return criterion_id in self._by_id

    def __iter__(self) -> Iterator[Criterion]:
        return iter(self.criteria)

    def __len__(self) -> int:
        return len(self.criteria)

    def practice_area(self, code: str) -> PracticeArea:
        """The practice area with this code.

        >>> import wwc_standard
        >>> wwc_standard.standard("2024").practice_area("RDC").name
        'Results-Driven Contracting'
        """
        for area in self.practice_areas:
            if area.code == code:
                return area
        raise KeyError(f"revision {self.version} has no practice area {code!r}")

    def criteria_in(self, code: str) -> tuple[Criterion, ...]:
        """The criteria of one practice area, in published order."""
        self.practice_area(code)
        return tuple(c for c in self.criteria if c.practice_area == code)

    def source(self, key: str) -> Source:
        """The source cited as ``key`` in provenance records."""
        for source in self.sources:
            if source.key == key:
                return source
        raise KeyError(f"revision {self.version} cites no source {key!r}")

    def in_force_on(self, day: datetime.date) -> bool:
        """Whether the revision had taken effect by ``day`` (a later one may have replaced it)."""
        return self.in_force.start <= day

    def validate(self) -> tuple[Problem, ...]:
        """Every reason this revision is inconsistent (empty when it is sound).

        Shipped and loaded revisions are validated when they are built; call this on a
        revision assembled by hand.
        """
        # The validation rules on first use: start-up time (graphlib, the rule tables).
        from .validation import problems_of

        return tuple(problems_of(self))

    def to_dict(self) -> dict[str, Any]:
        """The revision as JSON-compatible data, in the schema of revision files.

        ``Standard.from_dict(std.to_dict()) == std`` for every valid revision.
        """
        # The cattrs codec on first use: start-up time (cattrs and its converter are heavy).
        from .codec import unstructure_standard

        return unstructure_standard(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Standard:
        """Build and validate a revision from data in the schema of revision files.

        Raises :class:`~wwc_standard.InvalidStandard` listing every problem found.
        A revision that ``extends`` another is resolved against the shipped revisions.
        """
        # The revision pipeline on first use: start-up time (codec, inheritance, validation).
        from .build import build_standard

        return build_standard(data, origin="<dict>", into=Standard)


def content_fingerprint(data: Any) -> str:
    """``"sha256:<hex>"`` of JSON-compatible ``data`` in canonical form (sorted keys, no spaces).

    The fingerprint of a revision and of the assessment recorded in a stored evaluation.

    >>> content_fingerprint({"b": 1, "a": [True, None]})
    'sha256:...'
    >>> content_fingerprint({"a": 1, "b": 2}) == content_fingerprint({"b": 2, "a": 1})
    True
    """
    # hashlib (it loads OpenSSL) and json on first use: start-up needs neither.
    import hashlib
    import json

    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # surrogatepass: a value built by hand may hold a lone surrogate, which UTF-8 cannot encode;
    # every other text gives the same bytes, so no fingerprint changes.
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


publish(globals())
