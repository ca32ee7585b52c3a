"""The reports people read of the planning results: a roadmap (whole, or as a section of an
evaluation's report), and the notebook views of a roadmap, a path, a comparison and a
sensitivity.

Each function words a result for a locale into a :class:`~wwc_standard._report.Report`, which
:mod:`wwc_standard._report` writes as HTML or Markdown.

>>> import wwc_standard as wwc
>>> plan = wwc.roadmap(wwc.evaluate(wwc.example_assessment()))
>>> [s.heading for s in roadmap_report(plan, "pt_BR").sections][:2]
['Até o mês 3', 'Até o mês 6']
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from wwc_standard._report import Bullets, Cell, Facts, Paragraph, Report, Section, Table
from wwc_standard.evaluation.report import status_style
from wwc_standard.i18n.languages import negotiate
from wwc_standard.i18n.messages import Items, Message, Plural

from .effort import Weeks, unit_value

if TYPE_CHECKING:
    from .path import Path
    from .roadmaps import Roadmap, RoadmapStep
    from .whatif import Comparison, Sensitivity

__all__ = [
    "comparison_card",
    "path_card",
    "roadmap_card",
    "roadmap_report",
    "roadmap_section",
    "sensitivity_card",
]


def _effort(value: float, locale: str) -> str:
    if math.isinf(value):
        return Message("not planned").render(locale)
    return Weeks(value).localized(locale)


def _steps_table(steps: tuple[RoadmapStep, ...], caption: str, locale: str) -> Table:
    return Table(
        caption=caption,
        columns=(
            Message("Criterion").render(locale),
            Message("Name").render(locale),
            Message("Status").render(locale),
            Message("Effort").render(locale),
            Message("Why here").render(locale),
        ),
        rows=tuple(
            (
                Cell(text=step.criterion),
                Cell(text=(step._title.localized(locale) if step._title else step.name)),
                Cell(text=step.status.localized(locale), style=status_style(step.status)),
                Cell(text=_effort(step.effort, locale)),
                Cell(text="; ".join(reason.localized(locale) for reason in step.reasons)),
            )
            for step in steps
        ),
        numeric=(3,),
        layout="steps",
    )


def _horizons_table(plan: Roadmap, locale: str) -> Table:
    rows = []
    work = available = 0.0
    for horizon in plan.horizons:
        work += horizon.effort
        available += horizon.capacity
        rows.append(
            (
                Cell(text=Message("month {months}", months=horizon.months).render(locale)),
                Cell(text=horizon.projected_tier.localized(locale)),
                Cell(
                    text=Plural("{n} point", "{n} points", horizon.projected_points).render(locale)
                ),
                Cell(text=Plural("{n} step", "{n} steps", len(horizon.steps)).render(locale)),
                Cell(
                    text=Message(
                        "{effort} of {capacity}",
                        effort=Weeks(work),
                        capacity=Weeks(available),
                    ).render(locale)
                ),
            )
        )
    return Table(
        caption=Message("The tier each horizon reaches").render(locale),
        columns=(
            Message("By").render(locale),
            Message("Tier reached").render(locale),
            Message("Points").render(locale),
            Message("Steps").render(locale),
            Message("Effort used of the capacity ({unit})", unit=unit_value(plan.unit)).render(
                locale
            ),
        ),
        rows=tuple(rows),
        numeric=(2, 3, 4),
    )


def _lead(plan: Roadmap, locale: str) -> Paragraph:
    return Paragraph(
        Message(
            "Now: {tier}, {points}. Efforts are in {unit} (advice, not part of the standard).",
            tier=plan.tier,
            points=Plural("{n} point", "{n} points", plan.points),
            unit=unit_value(plan.unit),
        ).render(locale)
    )


def _horizon_sections(plan: Roadmap, locale: str, level: int) -> list[Section]:
    sections = []
    for horizon in plan.horizons:
        heading = Message("By month {months}", months=horizon.months).render(locale)
        reach = Paragraph(
            Message(
                "Reaches {tier} with {points}.",
                tier=horizon.projected_tier,
                points=Plural("{n} point", "{n} points", horizon.projected_points),
            ).render(locale)
        )
        body = (
            _steps_table(horizon.steps, heading, locale)
            if horizon.steps
            else Paragraph(Message("nothing fits in this horizon").render(locale))
        )
        sections.append(Section(heading=heading, level=level, blocks=(reach, body)))
    if plan.later:
        heading = Plural("Later: {n} criterion", "Later: {n} criteria", len(plan.later)).render(
            locale
        )
        sections.append(
            Section(
                heading=heading,
                level=level,
                blocks=(_steps_table(plan.later, heading, locale),),
            )
        )
    if plan.notes:
        sections.append(
            Section(
                heading=Message("Notes").render(locale),
                level=level,
                blocks=(Bullets(tuple(note.localized(locale) for note in plan.notes)),),
            )
        )
    return sections


def roadmap_report(plan: Roadmap, locale: str = "en") -> Report:
    """The whole report of a roadmap in ``locale``: where each horizon leads, then each
    horizon's steps in order with why, what comes later, and the notes."""
    locale = negotiate(locale)
    heading = Message("Roadmap").render(locale)
    return Report(
        lang=locale.replace("_", "-"),
        title=heading,
        heading=heading,
        lead=(_lead(plan, locale), _horizons_table(plan, locale)),
        sections=tuple(_horizon_sections(plan, locale, 2)),
    )


def roadmap_section(plan: Roadmap, locale: str) -> Section:
    """A roadmap as the last section of an evaluation's report (``to_html(roadmap=True)``)."""
    return Section(
        heading=Message("Roadmap").render(locale),
        new_page=True,
        blocks=(
            _lead(plan, locale),
            _horizons_table(plan, locale),
            *_horizon_sections(plan, locale, 3),
        ),
    )


def roadmap_card(plan: Roadmap, locale: str = "en") -> Report:
    """The compact notebook view of a roadmap: where each horizon leads."""
    locale = negotiate(locale)
    heading = Message("Roadmap").render(locale)
    return Report(
        lang=locale.replace("_", "-"),
        title=heading,
        heading=heading,
        lead=(_lead(plan, locale), _horizons_table(plan, locale)),
    )


def path_card(path: Path, locale: str = "en") -> Report:
    """The compact notebook view of a path: its steps and what it means."""
    locale = negotiate(locale)
    heading = Message("Path from {start} to {target}", start=path.start, target=path.target).render(
        locale
    )
    blocks: list[Paragraph | Table | Bullets] = []
    if path.steps:
        blocks.append(
            Table(
                caption=Plural(
                    "{n} criterion to complete, about {effort} {unit} (advice)",
                    "{n} criteria to complete, about {effort} {unit} (advice)",
                    len(path.steps),
                    effort=Weeks(path.effort),
                    unit=unit_value(path.unit),
                ).render(locale),
                columns=(
                    Message("Criterion").render(locale),
                    Message("Name").render(locale),
                    Message("Status").render(locale),
                    Message("Effort").render(locale),
                    Message("Checklist items to meet").render(locale),
                ),
                rows=tuple(
                    (
                        Cell(text=step.criterion),
                        Cell(text=step._title.localized(locale) if step._title else step.name),
                        Cell(text=step.status.localized(locale), style=status_style(step.status)),
                        Cell(text=_effort(step.effort, locale)),
                        Cell(text=", ".join(step.items)),
                    )
                    for step in path.steps
                ),
                numeric=(3,),
            )
        )
    if path.reasons:
        blocks.append(Bullets(tuple(reason.localized(locale) for reason in path.reasons)))
    return Report(
        lang=locale.replace("_", "-"),
        title=heading,
        heading=heading,
        lead=(
            Facts(
                (
                    (
                        Message("Reachable").render(locale),
                        Cell(
                            text=Message("yes").render(locale)
                            if path.reachable
                            else Message("no").render(locale)
                        ),
                    ),
                    (
                        Message("Tier then").render(locale),
                        Cell(
                            text=Message(
                                "{tier}, {points}",
                                tier=path.tier,
                                points=Plural("{n} point", "{n} points", path.points),
                            ).render(locale)
                        ),
                    ),
                )
            ),
            *blocks,
        ),
    )


def comparison_card(comparison: Comparison, locale: str = "en") -> Report:
    """The compact notebook view of a comparison: tier and points before and after, the
    criteria gained and lost."""
    locale = negotiate(locale)
    heading = Message(
        "Tier: {before} to {after}; points: {points_before} to {points_after}",
        before=comparison.tier_before,
        after=comparison.tier_after,
        points_before=comparison.points_before,
        points_after=comparison.points_after,
    ).render(locale)
    rows = tuple(
        (
            Cell(text=flip.criterion),
            Cell(text=flip.before.localized(locale), style=status_style(flip.before)),
            Cell(text=flip.after.localized(locale), style=status_style(flip.after)),
        )
        for flip in comparison.flipped
    )
    lead: list[Paragraph | Table | Bullets] = []
    if comparison.gained:
        lead.append(
            Paragraph(
                Message("Now met: {criteria}", criteria=Items(comparison.gained)).render(locale)
            )
        )
    if comparison.lost:
        lead.append(
            Paragraph(
                Message("No longer met: {criteria}", criteria=Items(comparison.lost)).render(locale)
            )
        )
    if rows:
        lead.append(
            Table(
                caption=Message("Criteria whose status changed").render(locale),
                columns=(
                    Message("Criterion").render(locale),
                    Message("Before").render(locale),
                    Message("After").render(locale),
                ),
                rows=rows,
            )
        )
    else:
        lead.append(Paragraph(Message("No criterion changed status.").render(locale)))
    return Report(
        lang=locale.replace("_", "-"),
        title=heading,
        heading=heading,
        lead=tuple(lead),
    )


def sensitivity_card(sensitivity: Sensitivity, locale: str = "en") -> Report:
    """The compact notebook view of a sensitivity: what alone would raise the tier, and what
    alone would drop it."""
    locale = negotiate(locale)
    lines = sensitivity.explain(locale).splitlines()
    by_id = {row.criterion: row for row in sensitivity.if_met}
    raising = tuple(
        (
            Cell(text=criterion),
            Cell(
                text=by_id[criterion].status.localized(locale),
                style=status_style(by_id[criterion].status),
            ),
            Cell(text=by_id[criterion].tier.localized(locale)),
        )
        for criterion in sensitivity.raises_tier
    )
    lead: list[Paragraph | Table] = [Paragraph(line) for line in lines[1:]]
    if raising:
        lead.append(
            Table(
                caption=Message("Criteria that alone would raise the tier").render(locale),
                columns=(
                    Message("Criterion").render(locale),
                    Message("Status").render(locale),
                    Message("Tier if met").render(locale),
                ),
                rows=raising,
            )
        )
    return Report(
        lang=locale.replace("_", "-"),
        title=lines[0],
        heading=lines[0],
        lead=tuple(lead),
    )
