"""``diff(a, b)``: what differs between two revisions, as data and as text.

Criteria are matched through the crosswalks when a route links the two revisions (so 2018's DG1
is matched with 2022's DM2, and the match is labelled inferred), else by id. Only the rules are
compared: criteria, practice areas, the tier rule, eligibility, certification requirements and
the number of criteria. Titles, notes, in-force dates and the revision's own provenance are not.
"""

from __future__ import annotations

from typing import Any

import attrs

from wwc_standard._exports import publish
from wwc_standard.errors import NoMigrationPath
from wwc_standard.i18n.messages import N_, Items, Message, Percent, join_lines
from wwc_standard.revisions.model import Standard
from wwc_standard.revisions.registry import standard
from wwc_standard.revisions.tiers import Tier

from .crosswalks import Link, changed_fields, route

__all__ = ["CriterionChange", "Regrouped", "Renamed", "StandardDiff", "diff"]

# The words for the fields a diff names, so that a change reads in the reader's language.
_FIELD_WORDS = {
    "name": N_("name"),
    "practice_area": N_("practice area"),
    "description": N_("description"),
    "prerequisites": N_("prerequisites"),
    "checklist": N_("checklist"),
    "components": N_("components"),
    "population_floor": N_("population floor"),
    "countries": N_("countries"),
    "region": N_("region"),
}
_RULE_WORDS = {
    "percentage-bands": N_("a share of the criteria"),
    "component-breadth": N_("breadth across the components"),
}


def _fields(names: tuple[str, ...]) -> Items:
    return Items(Message(_FIELD_WORDS[name]) if name in _FIELD_WORDS else name for name in names)


def _rule_lines(old: dict[str, Any], new: dict[str, Any]) -> list[Message]:
    """What changed in the tier rule, bound by bound when both rules are percentage bands."""
    if old["kind"] != new["kind"]:
        return [
            Message(
                "- the tier rule changed from {old} to {new}",
                old=Message(_RULE_WORDS.get(old["kind"], old["kind"])),
                new=Message(_RULE_WORDS.get(new["kind"], new["kind"])),
            )
        ]
    lines = []
    if old["kind"] == "percentage-bands":
        before = {band["tier"]: band["from_percent"] for band in old["bands"]}
        after = {band["tier"]: band["from_percent"] for band in new["bands"]}
        for tier in Tier:
            if before.get(tier.value) != after.get(tier.value) and tier.value in after:
                lines.append(
                    Message(
                        "- {tier} from {new} of the criteria (was {old})",
                        tier=tier,
                        new=Percent(after[tier.value] / 100, decimals=0),
                        old=Percent(before[tier.value] / 100, decimals=0)
                        if tier.value in before
                        else "-",
                    )
                )
    return lines or [Message("- the tier rule changed")]


@attrs.frozen(kw_only=True)
class Renamed:
    """A criterion that continues under another id or name."""

    old_id: str
    """Its id in the first revision."""
    new_id: str
    """Its id in the second revision."""
    old_name: str
    """Its name in the first revision."""
    new_name: str
    """Its name in the second revision."""
    inferred: bool
    """Whether the match rests on an inferred crosswalk link."""


@attrs.frozen(kw_only=True)
class CriterionChange:
    """A criterion matched in both revisions whose content differs."""

    id: str
    """Its id in the second revision."""
    old_id: str
    """Its id in the first revision."""
    fields: tuple[str, ...]
    """The fields that differ ("description", "checklist", "practice_area", ...), name apart."""


@attrs.frozen(kw_only=True)
class Regrouped:
    """Criteria split or merged between the two revisions."""

    relation: str
    """``split`` or ``merged``."""
    from_ids: tuple[str, ...]
    """Criteria of the first revision."""
    to_ids: tuple[str, ...]
    """Criteria of the second revision."""
    inferred: bool
    """Whether the link is inferred."""


@attrs.frozen(kw_only=True)
class StandardDiff:
    """What differs between revisions ``a`` and ``b``; falsy when nothing does.

    >>> import wwc_standard as wwc
    >>> bool(wwc.diff("2025", "2026")), bool(wwc.diff("2023", "2024"))
    (False, True)
    >>> wwc.diff("2023", "2024").countries_added[:3]
    ('AG', 'AI', 'AW')
    """

    a: str
    """The version of the first revision."""
    b: str
    """The version of the second revision."""
    a_fingerprint: str
    """The fingerprint of the first revision."""
    b_fingerprint: str
    """The fingerprint of the second revision."""
    added: tuple[str, ...] = ()
    """Criteria of ``b`` with no counterpart in ``a``."""
    removed: tuple[str, ...] = ()
    """Criteria of ``a`` with no counterpart in ``b``."""
    renamed: tuple[Renamed, ...] = ()
    """Criteria that continue under another id or name."""
    changed: tuple[CriterionChange, ...] = ()
    """Matched criteria whose content differs."""
    regrouped: tuple[Regrouped, ...] = ()
    """Criteria split or merged."""
    areas_added: tuple[str, ...] = ()
    """Codes of practice areas only in ``b``."""
    areas_removed: tuple[str, ...] = ()
    """Codes of practice areas only in ``a``."""
    areas_renamed: tuple[tuple[str, str, str], ...] = ()
    """``(code, old name, new name)`` of practice areas whose name changed."""
    criteria_count: tuple[int, int] | None = None
    """The declared numbers of criteria, when they differ."""
    tier_rule: tuple[dict[str, Any], dict[str, Any]] | None = None
    """The two tier rules (without provenance), when they differ."""
    eligibility: tuple[str, ...] = ()
    """The eligibility fields that differ ("population_floor", "countries", "region")."""
    countries_added: tuple[str, ...] = ()
    """Countries whose cities may apply under ``b`` only."""
    countries_removed: tuple[str, ...] = ()
    """Countries whose cities may apply under ``a`` only."""
    requirements_added: tuple[str, ...] = ()
    """Certification requirements only in ``b``."""
    requirements_removed: tuple[str, ...] = ()
    """Certification requirements only in ``a``."""
    requirements_changed: tuple[str, ...] = ()
    """Certification requirements in both whose content differs."""
    incomplete: tuple[tuple[str, int, int], ...] = ()
    """``(version, listed, declared)`` for each revision that lists fewer criteria than it has:
    criteria it does not list cannot be compared, so ``added`` and ``removed`` cover only the
    listed ones. Not a difference in itself."""
    _revisions: tuple[Standard, Standard] | None = attrs.field(default=None, eq=False, repr=False)
    """The two revisions, to word their names for a locale; not content."""

    def __bool__(self) -> bool:
        return any(
            getattr(self, field.name)
            for field in attrs.fields(StandardDiff)
            if field.name not in ("a", "b", "a_fingerprint", "b_fingerprint", "incomplete")
            and not field.name.startswith("_")
        )

    def _names(self, old: str, new: str, locale: str) -> tuple[Any, Any]:
        """A name of the first revision and one of the second, as message values: translated,
        unless the translations are alike (a change of English wording only), then English."""
        if self._revisions is None:
            return old, new
        first, second = self._revisions[0].text(old), self._revisions[1].text(new)
        if old != new and first.localized(locale) == second.localized(locale):
            return old, new
        return first, second

    @property
    def moved(self) -> tuple[CriterionChange, ...]:
        """Matched criteria whose practice area changed."""
        return tuple(c for c in self.changed if "practice_area" in c.fields)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        data = attrs.asdict(self, filter=lambda field, _: not field.name.startswith("_"))
        data["areas_renamed"] = [list(item) for item in self.areas_renamed]
        data["criteria_count"] = None if self.criteria_count is None else list(self.criteria_count)
        data["tier_rule"] = None if self.tier_rule is None else list(self.tier_rule)
        data["incomplete"] = [list(item) for item in self.incomplete]
        return data

    def _repr_html_(self) -> str:
        """The compact view a notebook shows, in the style of the reports."""
        # The report machinery (and Jinja2) when a notebook shows it: start-up never needs it.
        from wwc_standard._report import to_fragment

        from .report import diff_card

        return to_fragment(diff_card(self))

    def __repr__(self) -> str:
        """One line: ``<StandardDiff 2023 -> 2024: 0 added, 0 removed, 0 renamed, 0 changed>``."""
        # The helper on first use (start-up time).
        from wwc_standard._report import short

        return (
            f"<StandardDiff {short(self.a, 20)} -> {short(self.b, 20)}: {len(self.added)} added, "
            f"{len(self.removed)} removed, {len(self.renamed)} renamed, "
            f"{len(self.changed)} changed{'' if self else ', no rule differs'}>"
        )

    def explain(self, locale: str = "en") -> str:
        """The differences in words, one per line."""
        m: list[Message] = []
        if not self:
            m.append(Message("No rule differs between {a} and {b}.", a=self.a, b=self.b))
            return join_lines(x.render(locale) for x in m)
        m.append(Message("From {a} to {b}:", a=self.a, b=self.b))
        for version, listed, declared in self.incomplete:
            m.append(
                Message(
                    "- {version} lists {listed} of its {declared} criteria: those it does not "
                    "list cannot be compared",
                    version=version,
                    listed=listed,
                    declared=declared,
                )
            )
        if self.criteria_count:
            m.append(
                Message(
                    "- number of criteria: {old} to {new}",
                    old=self.criteria_count[0],
                    new=self.criteria_count[1],
                )
            )
        if self.added:
            m.append(Message("- criteria added: {ids}", ids=Items(self.added)))
        if self.removed:
            m.append(Message("- criteria removed: {ids}", ids=Items(self.removed)))
        for r in self.renamed:
            old_name, new_name = self._names(r.old_name, r.new_name, locale)
            text = (
                Message(
                    "- {old_id} ({old_name}) became {new_id} ({new_name}), an inferred match",
                    old_id=r.old_id,
                    old_name=old_name,
                    new_id=r.new_id,
                    new_name=new_name,
                )
                if r.inferred
                else Message(
                    "- {old_id} ({old_name}) became {new_id} ({new_name})",
                    old_id=r.old_id,
                    old_name=old_name,
                    new_id=r.new_id,
                    new_name=new_name,
                )
            )
            m.append(text)
        for g in self.regrouped:
            f, t = Items(g.from_ids), Items(g.to_ids)
            if g.relation == "split":
                m.append(
                    Message(
                        "- {from_ids} split into {to_ids}, an inferred match", from_ids=f, to_ids=t
                    )
                    if g.inferred
                    else Message("- {from_ids} split into {to_ids}", from_ids=f, to_ids=t)
                )
            else:
                m.append(
                    Message(
                        "- {from_ids} merged into {to_ids}, an inferred match", from_ids=f, to_ids=t
                    )
                    if g.inferred
                    else Message("- {from_ids} merged into {to_ids}", from_ids=f, to_ids=t)
                )
        for c in self.changed:
            m.append(Message("- {id} changed: {fields}", id=c.id, fields=_fields(c.fields)))
        if self.areas_added:
            m.append(Message("- practice areas added: {codes}", codes=Items(self.areas_added)))
        if self.areas_removed:
            m.append(Message("- practice areas removed: {codes}", codes=Items(self.areas_removed)))
        for code, old, new in self.areas_renamed:
            old_name, new_name = self._names(old, new, locale)
            m.append(
                Message(
                    "- practice area {code}: {old} became {new}",
                    code=code,
                    old=old_name,
                    new=new_name,
                )
            )
        if self.tier_rule:
            m.extend(_rule_lines(*self.tier_rule))
        if self.eligibility:
            m.append(Message("- eligibility changed: {fields}", fields=_fields(self.eligibility)))
        if self.countries_added:
            m.append(Message("- countries added: {codes}", codes=Items(self.countries_added)))
        if self.countries_removed:
            m.append(Message("- countries removed: {codes}", codes=Items(self.countries_removed)))
        if self.requirements_added:
            m.append(Message("- requirements added: {ids}", ids=Items(self.requirements_added)))
        if self.requirements_removed:
            m.append(Message("- requirements removed: {ids}", ids=Items(self.requirements_removed)))
        if self.requirements_changed:
            m.append(Message("- requirements changed: {ids}", ids=Items(self.requirements_changed)))
        return join_lines(x.render(locale) for x in m)


def _revision(value: str | Standard) -> Standard:
    if isinstance(value, Standard):
        return value
    return standard(value)


def _matches(a: Standard, b: Standard) -> tuple[dict[str, tuple[str, bool]], list[Regrouped]]:
    """One-to-one matches a-id -> (b-id, inferred), through the crosswalks or by id."""
    try:
        steps = route(a, b)
    except NoMigrationPath:
        return {c.id: (c.id, False) for c in a.criteria if c.id in b}, []
    current: dict[str, tuple[str, bool]] = {c.id: (c.id, False) for c in a.criteria}
    regrouped: list[Regrouped] = []
    for step in steps:
        by_from: dict[str, Link] = {}
        for link in step.links:
            for from_id in link.from_ids:
                by_from[from_id] = link
            if link.relation in ("split", "merged"):
                regrouped.append(
                    Regrouped(
                        relation=link.relation,
                        from_ids=link.from_ids,
                        to_ids=link.to_ids,
                        inferred=link.inferred,
                    )
                )
        following: dict[str, tuple[str, bool]] = {}
        for origin, (now, inferred) in current.items():
            found = by_from.get(now)
            if found is not None and found.relation in ("same", "renamed"):
                following[origin] = (found.to_ids[0], inferred or found.inferred)
        current = following
    return current, regrouped


def diff(a: str | Standard, b: str | Standard) -> StandardDiff:
    """What differs between revisions ``a`` and ``b`` (versions or Standards).

    >>> import wwc_standard as wwc
    >>> d = wwc.diff("2018", "2024")
    >>> [(r.old_id, r.new_id, r.inferred) for r in d.renamed][:2]
    [('DG1', 'DM2', True), ('DG2', 'DM1', True)]
    >>> d.criteria_count, d.eligibility
    ((45, 43), ('countries', 'region'))
    >>> bool(wwc.diff("2024", "2024"))
    False
    """
    first, second = _revision(a), _revision(b)
    matches, regrouped = _matches(first, second)
    matched_b = {new for new, _ in matches.values()}
    regrouped_a = {i for g in regrouped for i in g.from_ids}
    regrouped_b = {i for g in regrouped for i in g.to_ids}
    renamed: list[Renamed] = []
    changed: list[CriterionChange] = []
    for criterion in first.criteria:
        if criterion.id not in matches:
            continue
        new_id, inferred = matches[criterion.id]
        other = second[new_id]
        if new_id != criterion.id or other.name != criterion.name:
            renamed.append(
                Renamed(
                    old_id=criterion.id,
                    new_id=new_id,
                    old_name=criterion.name,
                    new_name=other.name,
                    inferred=inferred,
                )
            )
        # A rule diff: the name is reported as a rename, and provenance is not a rule.
        fields = tuple(
            f for f in changed_fields(criterion, other) if f not in ("name", "provenance")
        )
        if fields:
            changed.append(CriterionChange(id=new_id, old_id=criterion.id, fields=fields))
    old_areas = {area.code: area for area in first.practice_areas}
    new_areas = {area.code: area for area in second.practice_areas}
    rule_a = {k: v for k, v in first.to_dict()["tier_rule"].items() if k != "provenance"}
    rule_b = {k: v for k, v in second.to_dict()["tier_rule"].items() if k != "provenance"}
    el_a, el_b = first.eligibility, second.eligibility
    old_req = {r.id: r for r in first.requirements}
    new_req = {r.id: r for r in second.requirements}
    return StandardDiff(
        a=first.version,
        b=second.version,
        a_fingerprint=first.fingerprint,
        b_fingerprint=second.fingerprint,
        added=tuple(
            c.id for c in second.criteria if c.id not in matched_b and c.id not in regrouped_b
        ),
        removed=tuple(
            c.id for c in first.criteria if c.id not in matches and c.id not in regrouped_a
        ),
        renamed=tuple(sorted(renamed, key=lambda r: r.old_id)),
        changed=tuple(changed),
        regrouped=tuple(regrouped),
        areas_added=tuple(code for code in new_areas if code not in old_areas),
        areas_removed=tuple(code for code in old_areas if code not in new_areas),
        areas_renamed=tuple(
            (code, old_areas[code].name, new_areas[code].name)
            for code in old_areas
            if code in new_areas and old_areas[code].name != new_areas[code].name
        ),
        criteria_count=(
            None
            if first.criteria_count == second.criteria_count
            else (first.criteria_count, second.criteria_count)
        ),
        tier_rule=None if rule_a == rule_b else (rule_a, rule_b),
        eligibility=tuple(
            name
            for name in ("population_floor", "countries", "region")
            if getattr(el_a, name) != getattr(el_b, name)
        ),
        countries_added=tuple(c for c in el_b.countries if c not in el_a.countries),
        countries_removed=tuple(c for c in el_a.countries if c not in el_b.countries),
        requirements_added=tuple(i for i in new_req if i not in old_req),
        requirements_removed=tuple(i for i in old_req if i not in new_req),
        incomplete=tuple(
            (revision.version, len(revision.criteria), revision.criteria_count)
            for revision in (first, second)
            if not revision.complete
        ),
        requirements_changed=tuple(
            i
            for i in old_req
            if i in new_req
            and attrs.evolve(old_req[i], provenance=new_req[i].provenance) != new_req[i]
        ),
        revisions=(first, second),
    )


publish(globals())
