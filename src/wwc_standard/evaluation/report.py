"""The reports people read of an evaluation and of a cohort, and their notebook views.

Each function words a result for a locale into a :class:`~wwc_standard._report.Report`;
:mod:`wwc_standard._report` writes it as HTML (a document, or a compact notebook fragment) or as
Markdown. Every word comes from the catalogs; every number is formatted for the locale.

>>> import wwc_standard as wwc
>>> report = evaluation_report(wwc.evaluate(wwc.example_assessment()), "es")
>>> report.heading, [section.heading for section in report.sections][:3]
('Exampleton: Plata', ['Distancia a los niveles superiores', 'Áreas de práctica', 'Criterios'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from wwc_standard._report import (
    Bar,
    Block,
    Bullets,
    Cell,
    Chart,
    Facts,
    Paragraph,
    Report,
    Section,
    Segment,
    Table,
    link,
)
from wwc_standard._sections import provider
from wwc_standard.i18n.languages import negotiate
from wwc_standard.i18n.messages import Items, Message, Percent, Plural, format_number
from wwc_standard.revisions.tiers import Tier

from .render import _status_count
from .statuses import Status

if TYPE_CHECKING:
    from wwc_standard.revisions.model import Standard

    from .cohort import Cohort
    from .engine import Evaluation

__all__ = ["cohort_report", "evaluation_report", "status_style"]

#: What an empty cell shows (an en dash): a cell is never left blank.
NOTHING = "\u2013"

#: The four groups of statuses a chart shows; the three rarer ones share one colour, and the
#: words next to each bar name them apart.
_GROUPS = ("met", "unmet", "unknown", "other")


def status_style(status: Status) -> str:
    """The style word of a status in a report: ``met``, ``unmet``, ``unknown`` or ``other``."""
    return status.value if status.value in _GROUPS else "other"


def _percent(part: int, whole: int) -> Percent:
    return Percent(part / whole if whole else 0)


def _city_name(evaluation: Evaluation, locale: str) -> str:
    name = evaluation.assessment.city.name
    return name if name else Message("The city").render(locale)


def _yes_no(value: bool, locale: str) -> str:
    return Message("yes").render(locale) if value else Message("no").render(locale)


def _certification(evaluation: Evaluation, locale: str) -> str:
    cert = evaluation.certification
    if cert.possible:
        return Message("possible at {tier}", tier=cert.tier).render(locale)
    return Message("not possible yet").render(locale)


def _points(evaluation: Evaluation, locale: str) -> str:
    return Message(
        "{points} of {possible} criteria met ({percent})",
        points=evaluation.points,
        possible=evaluation.possible,
        percent=_percent(evaluation.points, evaluation.possible),
    ).render(locale)


def _area_chart(evaluation: Evaluation, locale: str, chart_id: str) -> Chart:
    """The practice areas as stacked bars of met, unmet, unknown and other statuses, each bar
    with its counts in words."""
    std = evaluation.standard
    names = {area.code: area.title(locale) for area in std.practice_areas}
    bars = []
    for area in evaluation.practice_areas:
        counts = dict.fromkeys(_GROUPS, 0)
        for status, count in area.statuses.items():
            counts[status_style(status)] += count
        segments = tuple(
            Segment(
                count=counts[group],
                style=group,
                label=_group_count(group, counts[group]).render(locale),
            )
            for group in _GROUPS
        )
        words = Items(
            _status_count(status, count) for status, count in area.statuses.items() if count
        )
        summary = Message(
            "{points} of {possible}: {statuses}",
            points=area.points,
            possible=area.possible,
            statuses=words,
        ).render(locale)
        bars.append(
            Bar(label=f"{area.code} {names[area.code]}", segments=segments, summary=summary)
        )
    return Chart(
        id=chart_id,
        title=Message("Criteria by practice area and status").render(locale),
        description=Message(
            "For each practice area, how many of its criteria are met, unmet, unknown, or in "
            "another status (blocked by a prerequisite, short of a checklist quota, or "
            "unverified); the counts are written next to each bar."
        ).render(locale),
        bars=tuple(bars),
        columns=(Message("Practice area").render(locale), Message("Criteria").render(locale)),
        legend=tuple(
            Segment(count=0, style=group, label=_group_word(group, locale)) for group in _GROUPS
        ),
    )


def _group_count(group: str, n: int) -> Message:
    if group == "other":
        return Plural("{n} other", "{n} other", n)
    return _status_count(Status(group), n)


def _group_word(group: str, locale: str) -> str:
    if group == "other":
        return Message("other (blocked, short, unverified)").render(locale)
    return Status(group).localized(locale)


def _tier_gaps(evaluation: Evaluation, locale: str) -> Block:
    gaps = [gap for gap in evaluation.gaps if gap.kind == "tier"]
    if not gaps:
        return Paragraph(Message("Platinum is the highest tier.").render(locale))
    rows = []
    for gap in gaps:
        assert gap.tier is not None
        assert gap.criteria_needed is not None
        target = evaluation.points + gap.criteria_needed
        rows.append(
            (
                Cell(text=gap.tier.localized(locale)),
                Cell(text=format_number(gap.criteria_needed, locale)),
                Cell(
                    text=Message(
                        "{points} of {possible}", points=target, possible=evaluation.possible
                    ).render(locale)
                ),
            )
        )
    return Table(
        caption=Message("Criteria still to meet for each higher tier").render(locale),
        columns=(
            Message("Tier").render(locale),
            Message("More criteria needed").render(locale),
            Message("Points then").render(locale),
        ),
        rows=tuple(rows),
        numeric=(1, 2),
    )


def _area_table(evaluation: Evaluation, locale: str) -> Table:
    names = {area.code: area.title(locale) for area in evaluation.standard.practice_areas}
    rows = []
    for area in evaluation.practice_areas:
        counts = dict.fromkeys(_GROUPS, 0)
        for status, count in area.statuses.items():
            counts[status_style(status)] += count
        rows.append(
            (
                Cell(text=f"{area.code} {names[area.code]}"),
                *(Cell(text=format_number(counts[group], locale)) for group in _GROUPS),
                Cell(
                    text=Message(
                        "{points} of {possible}", points=area.points, possible=area.possible
                    ).render(locale)
                ),
            )
        )
    return Table(
        caption=Message("Statuses by practice area").render(locale),
        columns=(
            Message("Practice area").render(locale),
            *(_group_word(group, locale) for group in _GROUPS),
            Message("Points").render(locale),
        ),
        rows=tuple(rows),
        numeric=(1, 2, 3, 4, 5),
    )


def _criteria_sections(evaluation: Evaluation, locale: str) -> tuple[Section, ...]:
    std = evaluation.standard
    answers = evaluation.assessment.answers
    columns = (
        Message("Criterion").render(locale),
        Message("Name").render(locale),
        Message("Status").render(locale),
        Message("Reason").render(locale),
        Message("Evidence").render(locale),
        Message("Note").render(locale),
    )
    sections = []
    for area in std.practice_areas:
        rows = []
        for criterion in std.criteria:
            if criterion.practice_area != area.code:
                continue
            result = evaluation.criteria[criterion.id]
            answer = answers.get(criterion.id)
            rows.append(
                (
                    Cell(text=criterion.id),
                    Cell(text=criterion.title(locale)),
                    Cell(text=result.status.localized(locale), style=status_style(result.status)),
                    Cell(text="; ".join(reason.message(locale) for reason in result.reasons)),
                    Cell(links=tuple(link(item) for item in result.evidence)),
                    Cell(text=answer.note if answer is not None else ""),
                )
            )
        if not rows:
            continue
        title = f"{area.code} {area.title(locale)}"
        sections.append(
            Section(
                heading=title,
                level=3,
                blocks=(
                    Table(
                        caption=Message("Criteria of {area}", area=title).render(locale),
                        columns=columns,
                        rows=tuple(rows),
                        layout="criteria",
                    ),
                ),
            )
        )
    return tuple(sections)


def _gaps(evaluation: Evaluation, locale: str) -> tuple[Block, ...]:
    gaps = [gap for gap in evaluation.gaps if gap.kind != "tier"]
    if not gaps:
        return (
            Paragraph(Message("No gap: every criterion and requirement is met.").render(locale)),
        )
    return (
        Paragraph(
            Plural(
                "{n} gap stands between the city and a higher tier or certification:",
                "{n} gaps stand between the city and a higher tier or certification:",
                len(gaps),
            ).render(locale)
        ),
        Bullets(tuple(gap.message(locale) for gap in gaps)),
    )


def _eligibility(evaluation: Evaluation, locale: str) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Paragraph(
            Message("The city may certify under this revision.").render(locale)
            if evaluation.eligible
            else Message("The city may not certify under this revision.").render(locale)
        ),
        Bullets(tuple(reason.message(locale) for reason in evaluation.eligibility)),
    ]
    cert = evaluation.certification
    blocks.append(
        Paragraph(
            Message("Certification: possible at {tier}", tier=cert.tier).render(locale)
            if cert.possible
            else Message("Certification: not possible yet").render(locale)
        )
    )
    if not cert.possible:
        blocks.append(Bullets(tuple(reason.message(locale) for reason in cert.reasons)))
    if evaluation.requirements:
        std = evaluation.standard
        by_id = {requirement.id: requirement for requirement in std.requirements}
        rows = tuple(
            (
                Cell(text=by_id[result.id].title(locale)),
                Cell(text=result.status.localized(locale), style=status_style(result.status)),
                Cell(text=_yes_no(result.gates_certification, locale)),
                Cell(text="; ".join(reason.message(locale) for reason in result.reasons)),
            )
            for result in evaluation.requirements
        )
        blocks.append(
            Table(
                caption=Message("Certification requirements outside the points").render(locale),
                columns=(
                    Message("Requirement").render(locale),
                    Message("Status").render(locale),
                    Message("Needed to certify").render(locale),
                    Message("Reason").render(locale),
                ),
                rows=rows,
            )
        )
    return tuple(blocks)


def _first_day(std: Standard) -> object:
    """The revision's first day, marked "(inferred)" when the sources do not give it, as
    ``wwc-standard standards`` marks it."""
    start = std.in_force.start
    if std.in_force.provenance.inferred:
        return Message("{date} (inferred)", date=start)
    return start


def _summary(evaluation: Evaluation, locale: str, *, compact: bool = False) -> Facts:
    """The key facts: tier, certification, points, eligibility, revision; and unless
    ``compact``, when it took effect, its fingerprint and the library version."""
    std = evaluation.standard
    if compact:
        return Facts(
            (
                (
                    Message("Tier earned").render(locale),
                    Cell(text=evaluation.tier.localized(locale)),
                ),
                (
                    Message("Certification").render(locale),
                    Cell(text=_certification(evaluation, locale)),
                ),
                (Message("Points").render(locale), Cell(text=_points(evaluation, locale))),
                (Message("Revision").render(locale), Cell(text=std.version)),
            )
        )
    return Facts(
        (
            (Message("Tier earned").render(locale), Cell(text=evaluation.tier.localized(locale))),
            (
                Message("Certification").render(locale),
                Cell(text=_certification(evaluation, locale)),
            ),
            (Message("Points").render(locale), Cell(text=_points(evaluation, locale))),
            (
                Message("Eligible").render(locale),
                Cell(text=_yes_no(evaluation.eligible, locale)),
            ),
            (
                Message("Revision").render(locale),
                Cell(
                    text=Message(
                        "{version}, in force from {date}",
                        version=std.version,
                        date=_first_day(std),
                    ).render(locale)
                ),
            ),
            (Message("Fingerprint").render(locale), Cell(text=std.fingerprint)),
            (
                Message("Library").render(locale),
                Cell(text=f"wwc-standard {evaluation.library_version}"),
            ),
        )
    )


def evaluation_report(
    evaluation: Evaluation, locale: str = "en", *, roadmap: bool = False
) -> Report:
    """The whole report of ``evaluation`` in ``locale``; with ``roadmap``, its 3/6/12-month
    roadmap too (made by the planning layer, see :mod:`wwc_standard._sections`)."""
    locale = negotiate(locale)
    std = evaluation.standard
    city = _city_name(evaluation, locale)
    lead: list[Block] = [_summary(evaluation, locale)]
    lead.append(
        Paragraph(
            Message(
                "The tier is earned by the points alone; certification also needs eligibility "
                "and every certification requirement, so the two are shown apart."
            ).render(locale),
            "note",
        )
    )
    if evaluation.require_evidence:
        lead.append(
            Paragraph(Message("Auditor mode: met answers count only with evidence.").render(locale))
        )
    sections = [
        Section(
            heading=Message("Distance to higher tiers").render(locale),
            blocks=(_tier_gaps(evaluation, locale),),
        ),
        Section(
            heading=Message("Practice areas").render(locale),
            blocks=(
                _area_chart(evaluation, locale, "areas-chart"),
                _area_table(evaluation, locale),
            ),
        ),
        Section(
            heading=Message("Criteria").render(locale),
            blocks=_criteria_sections(evaluation, locale),
            new_page=True,
        ),
        Section(heading=Message("Gaps").render(locale), blocks=_gaps(evaluation, locale)),
        Section(
            heading=Message("Eligibility and certification").render(locale),
            blocks=_eligibility(evaluation, locale),
        ),
    ]
    if roadmap:
        sections.append(provider("roadmap")(evaluation, locale))
    return Report(
        lang=locale.replace("_", "-"),
        title=Message("{city}: What Works Cities report", city=city).render(locale),
        heading=Message("{city}: {tier}", city=city, tier=evaluation.tier).render(locale),
        lead=tuple(lead),
        sections=tuple(sections),
        footer=Message(
            "Made by wwc-standard {library} against revision {version} ({fingerprint}). Only "
            "the official data of the revision decides a status or the tier.",
            library=evaluation.library_version,
            version=std.version,
            fingerprint=std.fingerprint,
        ).render(locale),
    )


def evaluation_card(evaluation: Evaluation, locale: str = "en") -> Report:
    """The compact notebook view of ``evaluation``: the summary, the practice-area chart and
    the distance to each higher tier."""
    locale = negotiate(locale)
    city = _city_name(evaluation, locale)
    return Report(
        lang=locale.replace("_", "-"),
        title=city,
        heading=Message("{city}: {tier}", city=city, tier=evaluation.tier).render(locale),
        lead=(_summary(evaluation, locale, compact=True),),
        sections=(
            Section(
                heading=Message("Distance to higher tiers").render(locale),
                level=3,
                blocks=(_tier_gaps(evaluation, locale),),
            ),
            Section(
                heading=Message("Practice areas").render(locale),
                level=3,
                blocks=(_area_chart(evaluation, locale, f"areas-{id(evaluation):x}"),),
            ),
        ),
    )


# -- cohorts ----------------------------------------------------------------------------------


def _ranked(evaluations: Iterable[Evaluation]) -> list[tuple[int, Evaluation]]:
    """(position, evaluation), by tier then points, highest first; ties in input order."""
    return sorted(
        enumerate(evaluations), key=lambda pair: (-pair[1].tier.rank, -pair[1].points, pair[0])
    )


def _cohort_name(position: int, evaluation: Evaluation, locale: str) -> str:
    name = evaluation.assessment.city.name
    return name if name else Message("city {position}", position=position + 1).render(locale)


def _tier_chart(cohort: Sequence[Evaluation], locale: str, chart_id: str) -> Chart:
    counts = dict.fromkeys(Tier, 0)
    for evaluation in cohort:
        counts[evaluation.tier] += 1
    total = len(cohort)
    bars = tuple(
        Bar(
            label=tier.localized(locale),
            segments=(
                Segment(
                    count=counts[tier],
                    style=tier.value,
                    label=Plural("{n} city", "{n} cities", counts[tier]).render(locale),
                ),
            ),
            summary=Message(
                "{cities} ({percent})",
                cities=Plural("{n} city", "{n} cities", counts[tier]),
                percent=_percent(counts[tier], total),
            ).render(locale),
        )
        for tier in reversed(Tier)
    )
    return Chart(
        id=chart_id,
        title=Message("Cities by tier earned").render(locale),
        description=Message(
            "How many cities of the cohort earned each tier, from Platinum down to no tier; the "
            "count and share are written next to each bar."
        ).render(locale),
        bars=bars,
        columns=(Message("Tier").render(locale), Message("Cities").render(locale)),
    )


def _heat(points: int, possible: int) -> str:
    """The shading of a share of criteria met, in five steps (the number is always written)."""
    if not possible:
        return "absent"
    return f"heat-{min(4, int(5 * points / possible))}"


def _heat_map(ranked: list[tuple[int, Evaluation]], locale: str) -> tuple[Block, ...]:
    codes: dict[str, str] = {}
    for _, evaluation in ranked:
        for area in evaluation.standard.practice_areas:
            codes.setdefault(area.code, area.title(locale))
    rows = []
    for position, evaluation in ranked:
        by_code = {area.code: area for area in evaluation.practice_areas}
        cells = [Cell(text=_cohort_name(position, evaluation, locale))]
        for code in codes:
            result = by_code.get(code)
            if result is None:
                cells.append(Cell(text=NOTHING, style="absent"))
            else:
                cells.append(
                    Cell(
                        text=Message(
                            "{points} of {possible}",
                            points=result.points,
                            possible=result.possible,
                        ).render(locale),
                        style=_heat(result.points, result.possible),
                    )
                )
        rows.append(tuple(cells))
    key = Items(Message("{code}: {name}", code=code, name=name) for code, name in codes.items())
    return (
        Paragraph(
            Message(
                "Each cell gives the criteria met of the practice area's criteria; the shading "
                "repeats the number, from red (few) to green (most). Practice areas: {areas}.",
                areas=key,
            ).render(locale),
            "note",
        ),
        Table(
            caption=Message("Criteria met by practice area, city by city").render(locale),
            columns=(Message("City").render(locale), *codes),
            rows=tuple(rows),
            numeric=tuple(range(1, len(codes) + 1)),
        ),
    )


def _cities_table(ranked: list[tuple[int, Evaluation]], locale: str) -> Table:
    rows = []
    for position, evaluation in ranked:
        city = evaluation.assessment.city
        rows.append(
            (
                Cell(text=_cohort_name(position, evaluation, locale)),
                Cell(text=city.country or NOTHING),
                Cell(text=evaluation.standard.version),
                Cell(text=evaluation.tier.localized(locale)),
                Cell(
                    text=Message(
                        "{points} of {possible}",
                        points=evaluation.points,
                        possible=evaluation.possible,
                    ).render(locale)
                ),
                Cell(text=_yes_no(evaluation.eligible, locale)),
                Cell(text=_yes_no(evaluation._certifiable, locale)),
            )
        )
    return Table(
        caption=Message("Cities by tier, then points").render(locale),
        columns=(
            Message("City").render(locale),
            Message("Country").render(locale),
            Message("Revision").render(locale),
            Message("Tier").render(locale),
            Message("Points").render(locale),
            Message("Eligible").render(locale),
            Message("Certifiable").render(locale),
        ),
        rows=tuple(rows),
        numeric=(4,),
    )


def _most_unmet(cohort: Sequence[Evaluation], locale: str, most: int = 10) -> Block:
    counts: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for evaluation in cohort:
        for criterion, status in zip(
            evaluation.standard.criteria, evaluation.statuses, strict=True
        ):
            tally = counts.setdefault(criterion.id, dict.fromkeys(("total", *_GROUPS), 0))
            names.setdefault(criterion.id, criterion.title(locale))
            tally["total"] += 1
            tally[status_style(status)] += 1
    order = list(counts)
    ranked = sorted(
        (cid for cid in counts if counts[cid]["total"] > counts[cid]["met"]),
        key=lambda cid: (counts[cid]["met"] - counts[cid]["total"], order.index(cid)),
    )[:most]
    if not ranked:
        return Paragraph(Message("Every city meets every criterion.").render(locale))
    rows = []
    for cid in ranked:
        tally = counts[cid]
        missed = tally["total"] - tally["met"]
        rows.append(
            (
                Cell(text=cid),
                Cell(text=names[cid]),
                Cell(
                    text=Message(
                        "{count} of {total} ({percent})",
                        count=missed,
                        total=tally["total"],
                        percent=_percent(missed, tally["total"]),
                    ).render(locale)
                ),
                *(Cell(text=format_number(tally[group], locale)) for group in _GROUPS[1:]),
            )
        )
    return Table(
        caption=Plural(
            "The {n} criterion most often not met",
            "The {n} criteria most often not met",
            len(rows),
        ).render(locale),
        columns=(
            Message("Criterion").render(locale),
            Message("Name").render(locale),
            Message("Cities not meeting it").render(locale),
            *(_group_word(group, locale) for group in _GROUPS[1:]),
        ),
        rows=tuple(rows),
        numeric=(2, 3, 4, 5),
    )


def _cohort_facts(cohort: Sequence[Evaluation], locale: str) -> Facts:
    versions = list(dict.fromkeys(evaluation.standard.version for evaluation in cohort))
    return Facts(
        (
            (Message("Cities").render(locale), Cell(text=format_number(len(cohort), locale))),
            (Message("Revisions").render(locale), Cell(text=", ".join(versions) or NOTHING)),
            (
                Message("Eligible").render(locale),
                Cell(
                    text=Message(
                        "{count} of {total}",
                        count=sum(e.eligible for e in cohort),
                        total=len(cohort),
                    ).render(locale)
                ),
            ),
            (
                Message("Certifiable").render(locale),
                Cell(
                    text=Message(
                        "{count} of {total}",
                        count=sum(e._certifiable for e in cohort),
                        total=len(cohort),
                    ).render(locale)
                ),
            ),
        )
    )


def cohort_report(cohort: Cohort, locale: str = "en") -> Report:
    """The report of a cohort in ``locale``: the tier distribution, the cities by tier and
    points, a heat map of the practice areas across cities, and the criteria most often not
    met."""
    locale = negotiate(locale)
    ranked = _ranked(cohort)
    heading = Plural("Cohort of {n} city", "Cohort of {n} cities", len(cohort)).render(locale)
    return Report(
        lang=locale.replace("_", "-"),
        title=heading,
        heading=heading,
        lead=(_cohort_facts(cohort, locale),),
        sections=(
            Section(
                heading=Message("Tier distribution").render(locale),
                blocks=(_tier_chart(cohort, locale, "tiers-chart"),),
            ),
            Section(
                heading=Message("Cities by tier and points").render(locale),
                blocks=(_cities_table(ranked, locale),),
            ),
            Section(
                heading=Message("Practice areas across cities").render(locale),
                blocks=_heat_map(ranked, locale),
                new_page=True,
            ),
            Section(
                heading=Message("Criteria most often not met").render(locale),
                blocks=(_most_unmet(cohort, locale),),
            ),
        ),
        footer=Message(
            "Made by wwc-standard {library}. Only the official data of each revision decides a "
            "status or the tier.",
            library=cohort[0].library_version if len(cohort) else "",
        ).render(locale),
    )


def cohort_card(cohort: Cohort, locale: str = "en") -> Report:
    """The compact notebook view of a cohort: its figures, the tier chart, and the criteria
    most often not met."""
    locale = negotiate(locale)
    heading = Plural("Cohort of {n} city", "Cohort of {n} cities", len(cohort)).render(locale)
    return Report(
        lang=locale.replace("_", "-"),
        title=heading,
        heading=heading,
        lead=(_cohort_facts(cohort, locale),),
        sections=(
            Section(
                heading=Message("Tier distribution").render(locale),
                level=3,
                blocks=(_tier_chart(cohort, locale, f"tiers-{id(cohort):x}"),),
            ),
            Section(
                heading=Message("Criteria most often not met").render(locale),
                level=3,
                blocks=(_most_unmet(cohort, locale, most=5),),
            ),
        ),
    )
