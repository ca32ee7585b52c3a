"""Tiers and the rules that turn met criteria into a tier.

A revision's tier rule is data: the 2018 and 2022 standards use percentage bands over the
revision's criteria, the 2017 launch standard used breadth across four components. Every
rule answers the same two questions, so ``evaluate()`` and the gap explanations never need
to know which kind of rule a revision uses:

- which tier a set of met criteria earns (:meth:`TierRule.tier`), and
- how many more criteria a city must meet to reach a tier (:meth:`TierRule.criteria_needed`).
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

import attrs

from ._provenance import Provenance

if TYPE_CHECKING:
    from ._model import Criterion

__all__ = ["Band", "PercentageBands", "Tier", "TierRule"]


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
        """Position in the order of tiers: 0 for ``NONE`` up to 3 for ``PLATINUM``."""
        return _RANK[self]

    @property
    def label(self) -> str:
        """The English name of the tier, as the program publishes it ("Silver")."""
        return "No tier" if self is Tier.NONE else self.value.capitalize()

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
#: The tiers a city can be certified at, lowest first.
CERTIFIED_TIERS = (Tier.SILVER, Tier.GOLD, Tier.PLATINUM)


class TierRule:
    """What every tier rule of a revision can answer.

    Subclasses are frozen attrs classes with a ``kind`` tag, the value of ``kind`` in a
    revision file's ``[tier_rule]`` table.
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

    def problems(self, criteria: Sequence[Criterion], possible: int) -> list[tuple[str, str]]:
        """Why the rule cannot serve a revision of ``possible`` criteria (of which ``criteria``
        are listed), as ``(path, message)`` pairs."""
        raise NotImplementedError


@attrs.frozen(kw_only=True)
class Band:
    """The lower edge of a tier in a percentage-bands rule.

    A city reaches ``tier`` when its points are at least ``from_percent`` percent of the
    revision's criteria, compared exactly: ``points * 100 >= from_percent * criteria``.
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

    def problems(self, criteria: Sequence[Criterion], possible: int) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        tiers = [band.tier for band in self.bands]
        if tiers != list(CERTIFIED_TIERS):
            found.append(
                (
                    "tier_rule.bands",
                    "bands must name silver, gold and platinum once each, in that order; "
                    f"found {', '.join(t.value for t in tiers) or 'none'}",
                )
            )
        for index, band in enumerate(self.bands):
            if not 0 < band.from_percent <= 100:
                found.append(
                    (
                        f"tier_rule.bands[{index}].from_percent",
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
                        f"the {band_tier.value} band is empty for {possible} criteria: it "
                        f"starts at {minimum} points, after {previous} for the tier below",
                    )
                )
            previous = max(previous, minimum)
        return found


def rule_classes() -> dict[str, type[TierRule]]:
    """Every kind of tier rule a revision file may name, by its ``kind`` tag."""
    return {PercentageBands.kind: PercentageBands}


TierRuleKind = Literal["percentage-bands"]
