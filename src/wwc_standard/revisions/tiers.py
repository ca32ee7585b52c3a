"""Tiers and the rules that turn met criteria into a tier.

A revision's tier rule is data: the 2018 and 2022 standards use percentage bands over the
revision's criteria, the 2017 launch standard used breadth across four components. Every
rule answers the same two questions, so ``evaluate()`` and the gap explanations never need
to know which kind of rule a revision uses:

- which tier a set of met criteria earns (:meth:`TierRule.tier`), and
- how many more criteria a city must meet to reach a tier (:meth:`TierRule.criteria_needed`).

A search that adds and removes criteria one at a time (``path_to``) asks the second question at
every step; :meth:`TierRule.tally` answers it from running counts instead of the whole set.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, ClassVar

import attrs

from wwc_standard._exports import publish
from wwc_standard.i18n.messages import N_, Message

from .provenance import Provenance

if TYPE_CHECKING:
    from .model import Criterion

__all__ = [
    "Band",
    "ComponentBand",
    "ComponentBreadth",
    "PercentageBands",
    "Tally",
    "Tier",
    "TierRule",
    "WorkingAcross",
]


class Tier(enum.Enum):
    """A certification tier, ordered ``NONE < SILVER < GOLD < PLATINUM``.

    The value is the lower-case English word used in JSON and TOML.

    >>> Tier.SILVER < Tier.GOLD < Tier.PLATINUM
    True
    >>> Tier.parse("Gold")
    <Tier.GOLD: 'gold'>
    >>> max([Tier.SILVER, Tier.NONE, Tier.GOLD])
    <Tier.GOLD: 'gold'>
    """

    NONE = "none"
    SILVER = "silver"
    GOLD = "gold"
    PLATINUM = "platinum"

    @property
    def rank(self) -> int:
        """Position in the order of tiers: 0 for ``NONE`` up to 3 for ``PLATINUM``.

        >>> [tier.rank for tier in Tier], Tier.PLATINUM.rank - Tier.SILVER.rank
        ([0, 1, 2, 3], 2)
        """
        return _RANK[self]

    @property
    def label(self) -> str:
        """The English name of the tier, as the program publishes it ("Silver").

        >>> [tier.label for tier in Tier]
        ['No tier', 'Silver', 'Gold', 'Platinum']
        """
        return "No tier" if self is Tier.NONE else self.value.capitalize()

    def localized(self, locale: str = "en") -> str:
        """The name of the tier in ``locale``.

        >>> Tier.GOLD.localized("es"), Tier.PLATINUM.localized("pt_BR"), Tier.NONE.localized("fr")
        ('Oro', 'Platina', 'Aucun niveau')
        """
        return Message(_TIER_NAMES[self]).render(locale)

    @classmethod
    def parse(cls, text: str) -> Tier:
        """The tier named by ``text``, ignoring case.

        >>> Tier.parse("platinum")
        <Tier.PLATINUM: 'platinum'>
        >>> Tier.parse("bronze")
        Traceback (most recent call last):
        ...
        ValueError: unknown tier 'bronze': use one of none, silver, gold, platinum
        """
        try:
            return cls(text.strip().lower())
        except ValueError:
            words = ", ".join(t.value for t in cls)
            raise ValueError(f"unknown tier {text!r}: use one of {words}") from None

    def next(self) -> Tier | None:
        """The tier above this one, or ``None`` above Platinum.

        >>> Tier.SILVER.next()
        <Tier.GOLD: 'gold'>
        """
        order = list(Tier)
        rank = self.rank
        return order[rank + 1] if rank + 1 < len(order) else None

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Tier):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Tier):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Tier):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Tier):
            return NotImplemented
        return self.rank >= other.rank


_RANK = {tier: rank for rank, tier in enumerate(Tier)}
# The names the program publishes ("Silver"); Spanish and Portuguese sources use Plata/Prata,
# Oro/Ouro, Platino/Platina (see docs/translations.md).
_TIER_NAMES = {
    Tier.NONE: N_("No tier"),
    Tier.SILVER: N_("Silver"),
    Tier.GOLD: N_("Gold"),
    Tier.PLATINUM: N_("Platinum"),
}
#: The tiers a city can be certified at, lowest first.
CERTIFIED_TIERS = (Tier.SILVER, Tier.GOLD, Tier.PLATINUM)


class TierRule:
    """What every tier rule of a revision can answer.

    Subclasses are frozen attrs classes with a ``kind`` tag, the value of ``kind`` in a
    revision file's ``[tier_rule]`` table.

    Every revision has one, and the same questions work whatever its kind:

    >>> import wwc_standard as wwc
    >>> std = wwc.standard("2024")
    >>> rule = std.tier_rule
    >>> isinstance(rule, TierRule), rule.kind
    (True, 'percentage-bands')
    >>> met = [criterion.id for criterion in std.criteria[:25]]
    >>> rule.tier(met, std.criteria), rule.criteria_needed(Tier.GOLD, met, std.criteria)
    (<Tier.SILVER: 'silver'>, 5)
    >>> rule.problems(std.criteria, std.possible)
    []
    """

    kind: ClassVar[str]
    provenance: Provenance

    def tier(self, met: Collection[str], criteria: Sequence[Criterion]) -> Tier:
        """The tier earned when the criteria whose ids are in ``met`` are met."""
        raise NotImplementedError

    def criteria_needed(
        self, tier: Tier, met: Collection[str], criteria: Sequence[Criterion]
    ) -> int | None:
        """How many more criteria must be met, at the least, to reach ``tier``.

        0 when ``tier`` is already reached; ``None`` when no number of further criteria can
        reach it (a band that the revision's criteria cannot fill).
        """
        raise NotImplementedError

    def problems(self, criteria: Sequence[Criterion], possible: int) -> list[tuple[str, str, str]]:
        """Why the rule cannot serve a revision of ``possible`` criteria (of which ``criteria``
        are listed), as ``(path, code, message)`` triples."""
        raise NotImplementedError

    @property
    def missing(self) -> tuple[str, ...]:
        """The paths of the rule's parameters that are not given (not found in the sources and
        not supplied by a revision file), without which it cannot score a city.

        Every parameter of the shipped percentage bands is given, so this is usually empty.

        >>> import wwc_standard as wwc
        >>> wwc.standard("2024").tier_rule.missing, wwc.standard("2017").tier_rule.missing
        ((), ('tier_rule.working_across',))
        """
        return ()

    def tally(self, criteria: Sequence[Criterion]) -> Tally:
        """A running count of met criteria (by index in ``criteria``), none at first, that
        answers :meth:`criteria_needed` as they are added and removed.

        This generic tally asks the rule with the whole set each time; the rules of this module
        answer from counts, in constant time per step.

        >>> import wwc_standard as wwc
        >>> std = wwc.standard("2024")
        >>> tally = std.tier_rule.tally(std.criteria)
        >>> for index in range(29):
        ...     tally.add(index)
        >>> tally.needed(Tier.GOLD), tally.needed(Tier.SILVER)
        (1, 0)
        >>> tally.remove(0); tally.needed(Tier.GOLD)
        2
        """
        return Tally(self, criteria)


class Tally:
    """Criteria counted as met one at a time, for a search that adds and removes them.

    ``needed(tier)`` is always what ``rule.criteria_needed(tier, met, criteria)`` says of the
    criteria added and not removed (each index added at most once at a time).

    >>> rule = PercentageBands(bands=(
    ...     Band(tier=Tier.SILVER, from_percent=51),
    ...     Band(tier=Tier.GOLD, from_percent=68),
    ...     Band(tier=Tier.PLATINUM, from_percent=85),
    ... ), provenance=Provenance(basis="read", sources=("example",)))
    >>> tally = rule.tally(["C1", "C2", "C3", "C4"])  # ids stand in for the criteria
    >>> tally.add(0); tally.add(2); tally.needed(Tier.GOLD)
    1
    >>> tally.remove(2); tally.needed(Tier.GOLD)
    2
    """

    def __init__(self, rule: TierRule, criteria: Sequence[Criterion]) -> None:
        self.rule = rule
        self.criteria = criteria
        self.met: set[int] = set()

    def add(self, index: int) -> None:
        """Count ``criteria[index]`` as met."""
        self.met.add(index)

    def remove(self, index: int) -> None:
        """Count ``criteria[index]`` as not met again."""
        self.met.discard(index)

    def needed(self, tier: Tier) -> int | None:
        """How many more criteria ``tier`` needs at the least (see
        :meth:`TierRule.criteria_needed`)."""
        ids = [self.criteria[i].id for i in self.met]
        return self.rule.criteria_needed(tier, ids, self.criteria)


class _BandTally(Tally):
    """For percentage bands only the number of met criteria counts."""

    def __init__(self, rule: PercentageBands, criteria: Sequence[Criterion]) -> None:
        super().__init__(rule, criteria)
        self.count = 0
        self.thresholds = dict(rule.thresholds(len(criteria)))

    def add(self, index: int) -> None:
        self.count += 1

    def remove(self, index: int) -> None:
        self.count -= 1

    def needed(self, tier: Tier) -> int | None:
        if tier is Tier.NONE:
            return 0
        minimum = self.thresholds.get(tier)
        if minimum is None or minimum > len(self.criteria):
            return None
        return max(0, minimum - self.count)


class _BreadthTally(Tally):
    """For breadth, the met criteria of each component against what makes it count."""

    def __init__(self, rule: ComponentBreadth, criteria: Sequence[Criterion]) -> None:
        super().__init__(rule, criteria)
        self.breadth = rule
        position = {component: k for k, component in enumerate(rule.components)}
        self.components_of = [
            [position[c] for c in dict.fromkeys(criterion.components) if c in position]
            for criterion in criteria
        ]
        sizes = [0] * len(rule.components)
        for inside in self.components_of:
            for k in inside:
                sizes[k] += 1
        self.sizes = sizes
        self.need = [rule.required_working_across.needed(size) for size in sizes]
        self.done = [0] * len(rule.components)

    def add(self, index: int) -> None:
        for k in self.components_of[index]:
            self.done[k] += 1

    def remove(self, index: int) -> None:
        for k in self.components_of[index]:
            self.done[k] -= 1

    def needed(self, tier: Tier) -> int | None:
        if tier is Tier.NONE:
            return 0
        deficits = [
            max(0, need - done) if need <= size else None
            for need, done, size in zip(self.need, self.done, self.sizes, strict=True)
        ]
        return self.breadth.needed_for(tier, deficits)


@attrs.frozen(kw_only=True)
class Band:
    """The lower edge of a tier in a percentage-bands rule.

    A city reaches ``tier`` when its points are at least ``from_percent`` percent of the
    revision's criteria, compared exactly: ``points * 100 >= from_percent * criteria``.

    >>> import wwc_standard as wwc
    >>> for band in wwc.standard("2024").tier_rule.bands:
    ...     print(band.tier.value, band.from_percent, band.minimum_points(43))
    silver 51 22
    gold 68 30
    platinum 85 37
    """

    tier: Tier
    """The tier this band starts."""
    from_percent: int
    """The published lower bound, a whole percentage (51 for Silver in 2022)."""

    def minimum_points(self, possible: int) -> int:
        """The fewest points that reach this band out of ``possible``.

        Exact integer arithmetic: the smallest ``p`` with ``p * 100 >= from_percent * possible``.

        >>> Band(tier=Tier.SILVER, from_percent=51).minimum_points(43)
        22
        >>> Band(tier=Tier.GOLD, from_percent=67).minimum_points(45)
        31
        """
        return -(-self.from_percent * possible // 100)


@attrs.frozen(kw_only=True)
class PercentageBands(TierRule):
    """Tiers by the share of the revision's criteria that are met, one point each.

    The published bands are whole percentages ("Silver 51-67%, Gold 68-84%, Platinum 85%+").
    Only the lower bounds decide: a count earns the highest tier whose lower bound it reaches,
    compared as exact fractions, never as rounded or floating-point percentages. So the bands
    cover every count from 0 to N with no gap or overlap, even where the published upper bounds
    leave a gap (30 of 45 is 66.67%, between "66" and "67": it is Silver under this rule).

    >>> rule = PercentageBands(bands=(
    ...     Band(tier=Tier.SILVER, from_percent=51),
    ...     Band(tier=Tier.GOLD, from_percent=68),
    ...     Band(tier=Tier.PLATINUM, from_percent=85),
    ... ), provenance=Provenance(basis="read", sources=("example",)))
    >>> rule.thresholds(43)
    ((<Tier.SILVER: 'silver'>, 22), (<Tier.GOLD: 'gold'>, 30), (<Tier.PLATINUM: 'platinum'>, 37))
    >>> rule.tier_for_points(29, 43), rule.tier_for_points(30, 43)
    (<Tier.SILVER: 'silver'>, <Tier.GOLD: 'gold'>)
    """

    kind: ClassVar[str] = "percentage-bands"
    bands: tuple[Band, ...]
    """One band per certified tier, lowest tier first."""
    provenance: Provenance
    """Where the bands come from."""

    def thresholds(self, possible: int) -> tuple[tuple[Tier, int], ...]:
        """Each tier with the fewest points that reach it out of ``possible``."""
        return tuple((band.tier, band.minimum_points(possible)) for band in self.bands)

    def tier_for_points(self, points: int, possible: int) -> Tier:
        """The tier that ``points`` out of ``possible`` earns."""
        earned = Tier.NONE
        for band in self.bands:
            if points * 100 >= band.from_percent * possible:
                earned = band.tier
        return earned

    def tier(self, met: Collection[str], criteria: Sequence[Criterion]) -> Tier:
        return self.tier_for_points(len(met), len(criteria))

    def criteria_needed(
        self, tier: Tier, met: Collection[str], criteria: Sequence[Criterion]
    ) -> int | None:
        if tier is Tier.NONE:
            return 0
        for band_tier, minimum in self.thresholds(len(criteria)):
            if band_tier is tier:
                return max(0, minimum - len(met)) if minimum <= len(criteria) else None
        return None

    def tally(self, criteria: Sequence[Criterion]) -> Tally:
        return _BandTally(self, criteria)

    def problems(self, criteria: Sequence[Criterion], possible: int) -> list[tuple[str, str, str]]:
        found: list[tuple[str, str, str]] = []
        tiers = [band.tier for band in self.bands]
        if tiers != list(CERTIFIED_TIERS):
            found.append(
                (
                    "tier_rule.bands",
                    "invalid-bands",
                    "bands must name silver, gold and platinum once each, in that order; "
                    f"found {', '.join(t.value for t in tiers) or 'none'}",
                )
            )
        for index, band in enumerate(self.bands):
            if not 0 < band.from_percent <= 100:
                found.append(
                    (
                        f"tier_rule.bands[{index}].from_percent",
                        "invalid-bands",
                        f"a lower bound must be above 0 and at most 100; found {band.from_percent}",
                    )
                )
        previous = 0
        for index, (band_tier, minimum) in enumerate(self.thresholds(possible)):
            # An empty band would leave a tier unreachable (overlap) and the bands would no
            # longer partition 0..N into one run per tier.
            if minimum <= previous or minimum > possible:
                found.append(
                    (
                        f"tier_rule.bands[{index}]",
                        "invalid-bands",
                        f"the {band_tier.value} band is empty for {possible} criteria: it "
                        f"starts at {minimum} points, after {previous} for the tier below",
                    )
                )
            previous = max(previous, minimum)
        return found


@attrs.frozen(kw_only=True)
class ComponentBand:
    """The tier reached by working across at least ``components`` components.

    >>> bands = (ComponentBand(tier=Tier.SILVER, components=2),
    ...          ComponentBand(tier=Tier.GOLD, components=3))
    >>> rule = ComponentBreadth(components=("commit", "measure", "take-stock", "act"),
    ...     bands=bands, working_across=WorkingAcross(min_criteria=1),
    ...     provenance=Provenance(basis="inferred"))
    >>> rule.tier_for_components(1), rule.tier_for_components(2), rule.tier_for_components(4)
    (<Tier.NONE: 'none'>, <Tier.SILVER: 'silver'>, <Tier.GOLD: 'gold'>)
    """

    tier: Tier
    """The tier."""
    components: int
    """How many components the city must work across."""


@attrs.frozen(kw_only=True)
class WorkingAcross:
    """When a city counts as working across a component: a parameter, not a published fact.

    A component counts when at least ``min_criteria`` of its criteria are met and they are at
    least ``min_percent`` percent of its criteria (compared exactly, like the bands).

    >>> rule = WorkingAcross(min_criteria=2, min_percent=50,
    ...     provenance=Provenance(basis="inferred", note="an example, not a published value"))
    >>> [rule.needed(size) for size in (1, 2, 3, 4, 5, 6)]
    [2, 2, 2, 2, 3, 3]
    """

    min_criteria: int = 1
    """The fewest met criteria of the component."""
    min_percent: int = 0
    """The smallest share of the component's criteria that must be met, in whole percent."""
    provenance: Provenance | None = None
    """Where the parameter comes from; the sources never said, so it is usually inferred."""

    def needed(self, size: int) -> int:
        """How many of a component's ``size`` criteria must be met for it to count.

        >>> WorkingAcross(min_criteria=1, min_percent=50).needed(5)
        3
        """
        return max(self.min_criteria, -(-self.min_percent * size // 100))


@attrs.frozen(kw_only=True)
class ComponentBreadth(TierRule):
    """Tiers by breadth: across how many components of the standard a city works.

    This is the rule of the 2017 launch standard (Silver across 2 of the 4 components, Gold 3,
    Platinum all 4). Each criterion belongs to exactly one component (``Criterion.components``).
    How a city "works across" a component was not found in the sources we could read;
    :class:`WorkingAcross` makes it an explicit parameter of the rule, recorded with its own
    provenance. The shipped 2017 revision gives none (``working_across`` is ``None``): a
    revision file that completes it must give one, and until then the rule lists the parameter
    in :attr:`missing` and cannot score a city.

    >>> rule = ComponentBreadth(
    ...     components=("commit", "measure", "take-stock", "act"),
    ...     bands=(ComponentBand(tier=Tier.SILVER, components=2),
    ...            ComponentBand(tier=Tier.GOLD, components=3),
    ...            ComponentBand(tier=Tier.PLATINUM, components=4)),
    ...     working_across=WorkingAcross(min_criteria=1),
    ...     provenance=Provenance(basis="read", sources=("example",)),
    ... )
    >>> rule.tier_for_components(3)
    <Tier.GOLD: 'gold'>
    >>> rule.missing, attrs.evolve(rule, working_across=None).missing
    ((), ('tier_rule.working_across',))
    """

    kind: ClassVar[str] = "component-breadth"
    components: tuple[str, ...]
    """The components, in published order ("commit", "measure", "take-stock", "act")."""
    bands: tuple[ComponentBand, ...]
    """One band per certified tier, lowest tier first."""
    provenance: Provenance
    """Where the rule comes from; the ``working_across`` parameter was not found in the sources."""
    working_across: WorkingAcross | None = None
    """When a component counts as worked across; ``None`` when not given (unknown)."""

    @property
    def missing(self) -> tuple[str, ...]:
        return () if self.working_across is not None else ("tier_rule.working_across",)

    @property
    def required_working_across(self) -> WorkingAcross:
        """``working_across``, which scoring needs; evaluation refuses a revision whose rule
        lacks it (:class:`~wwc_standard.errors.IncompleteStandard`) before asking.

        >>> import wwc_standard as wwc
        >>> wwc.standard("2017").tier_rule.required_working_across
        Traceback (most recent call last):
        ...
        ValueError: tier_rule.working_across is not given
        """
        if self.working_across is None:
            raise ValueError("tier_rule.working_across is not given")
        return self.working_across

    def _deficits(self, met: Collection[str], criteria: Sequence[Criterion]) -> list[int | None]:
        """Per component: criteria still to meet for it to count, ``None`` if it never can."""
        met_set = set(met)
        deficits: list[int | None] = []
        for component in self.components:
            members = [c for c in criteria if component in c.components]
            need = self.required_working_across.needed(len(members))
            done = sum(1 for c in members if c.id in met_set)
            deficits.append(max(0, need - done) if need <= len(members) else None)
        return deficits

    def tier_for_components(self, count: int) -> Tier:
        """The tier reached by working across ``count`` components."""
        earned = Tier.NONE
        for band in self.bands:
            if count >= band.components:
                earned = band.tier
        return earned

    def tier(self, met: Collection[str], criteria: Sequence[Criterion]) -> Tier:
        working = sum(1 for deficit in self._deficits(met, criteria) if deficit == 0)
        return self.tier_for_components(working)

    def criteria_needed(
        self, tier: Tier, met: Collection[str], criteria: Sequence[Criterion]
    ) -> int | None:
        if tier is Tier.NONE:
            return 0
        return self.needed_for(tier, self._deficits(met, criteria))

    def needed_for(self, tier: Tier, deficits: Sequence[int | None]) -> int | None:
        """How many more criteria ``tier`` needs, given each component's deficit (criteria
        still to meet for it to count; ``None``: it never can).

        >>> rule = ComponentBreadth(components=("commit", "measure", "take-stock", "act"),
        ...     bands=(ComponentBand(tier=Tier.SILVER, components=2),
        ...            ComponentBand(tier=Tier.GOLD, components=3),
        ...            ComponentBand(tier=Tier.PLATINUM, components=4)),
        ...     working_across=WorkingAcross(min_criteria=1),
        ...     provenance=Provenance(basis="inferred"))
        >>> deficits = [0, 2, 1, None]  # "act" can never count
        >>> [rule.needed_for(tier, deficits) for tier in (Tier.SILVER, Tier.GOLD, Tier.PLATINUM)]
        [1, 3, None]
        """
        band = next((b for b in self.bands if b.tier is tier), None)
        if band is None:
            return None
        # Each criterion counts towards one component, so the cheapest way to work across
        # k components is to close the k smallest deficits: exact, not a heuristic.
        reachable = sorted(d for d in deficits if d is not None)
        if len(reachable) < band.components:
            return None
        return sum(reachable[: band.components])

    def tally(self, criteria: Sequence[Criterion]) -> Tally:
        return _BreadthTally(self, criteria)

    def problems(self, criteria: Sequence[Criterion], possible: int) -> list[tuple[str, str, str]]:
        found: list[tuple[str, str, str]] = []
        if [band.tier for band in self.bands] != list(CERTIFIED_TIERS):
            found.append(
                (
                    "tier_rule.bands",
                    "invalid-bands",
                    "bands must name silver, gold and platinum once each, in order",
                )
            )
        if not self.components or len(set(self.components)) != len(self.components):
            found.append(
                (
                    "tier_rule.components",
                    "invalid-tier-rule",
                    "list each component once, at least one",
                )
            )
        previous = 0
        for index, band in enumerate(self.bands):
            if not previous < band.components <= len(self.components):
                found.append(
                    (
                        f"tier_rule.bands[{index}].components",
                        "invalid-bands",
                        f"the {band.tier.value} band needs {band.components} components: it must "
                        f"be above {previous} and at most {len(self.components)}",
                    )
                )
            if previous < band.components <= len(self.components):
                previous = band.components
        across = self.working_across
        if across is not None and across.min_criteria < 1:
            found.append(
                ("tier_rule.working_across.min_criteria", "invalid-tier-rule", "must be at least 1")
            )
        if across is not None and not 0 <= across.min_percent <= 100:
            found.append(
                (
                    "tier_rule.working_across.min_percent",
                    "invalid-tier-rule",
                    "must be from 0 to 100",
                )
            )
        for index, criterion in enumerate(criteria):
            inside = [c for c in criterion.components if c in self.components]
            if len(criterion.components) != 1 or len(inside) != 1:
                found.append(
                    (
                        f"criteria[{index}].components",
                        "invalid-component",
                        f"{criterion.id} must belong to exactly one of the components "
                        f"{', '.join(self.components)}",
                    )
                )
        if len(criteria) == possible and not found and across is not None:
            reachable = sum(1 for d in self._deficits((), criteria) if d is not None)
            if self.bands and reachable < self.bands[-1].components:
                found.append(
                    (
                        "tier_rule.working_across",
                        "invalid-tier-rule",
                        f"only {reachable} components have enough criteria to count; "
                        f"{self.bands[-1].tier.value} needs {self.bands[-1].components}",
                    )
                )
        return found


def rule_classes() -> dict[str, type[TierRule]]:
    """Every kind of tier rule a revision file may name, by its ``kind`` tag."""
    return {PercentageBands.kind: PercentageBands, ComponentBreadth.kind: ComponentBreadth}


AnyTierRule = PercentageBands | ComponentBreadth
"""The tier rules a revision may use."""


publish(globals())
