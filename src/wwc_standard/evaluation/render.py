"""Readable renderings of an evaluation: plain text for terminals, JSON for programs.

Numbers and percentages are formatted by Babel with the locale passed explicitly, never read
from the process environment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wwc_standard.i18n.languages import negotiate
from wwc_standard.i18n.messages import Clauses, Items, Message, Percent, Plural, join_lines

from .statuses import Status

if TYPE_CHECKING:
    from .engine import Evaluation

__all__ = ["render_json", "render_text"]


def render_text(evaluation: Evaluation, *, locale: str = "en") -> str:
    """The evaluation as a report for a person, in ``locale``: the city, the revision, the
    tier, the score, eligibility and certification, each practice area, the distance to every
    higher tier, and the gaps grouped by practice area with the criteria's names.

    >>> import wwc_standard as wwc
    >>> text = render_text(wwc.evaluate(wwc.example_assessment()), locale="es")
    >>> print("\\n".join(text.splitlines()[i] for i in (0, 2, 18)))
    Exampleton: Plata
    Puntos: 27 de 43 criterios cumplidos (62,8\xa0%)
      - faltan 3 criterios para Oro (30 de 43)
    """
    # Checked here, kept whole: the words come from the nearest catalog, the numbers and dates
    # from the full locale (es_MX, pt_PT), as Message.render chooses them.
    negotiate(locale)
    std = evaluation.standard
    city = evaluation.assessment.city

    def say(message: Message) -> str:
        return message.render(locale)

    lines = [
        say(
            Message(
                "{city}: {tier}",
                city=city.name or Message("The city"),
                tier=evaluation.tier,
            )
        ),
        say(
            Message(
                "Revision {version} ({fingerprint}...), wwc-standard {library}",
                version=std.version,
                fingerprint=std.fingerprint[:19],
                library=evaluation.library_version,
            )
        ),
        say(
            Message(
                "Points: {points} of {possible} criteria met ({percent})",
                points=evaluation.points,
                possible=evaluation.possible,
                percent=Percent(
                    evaluation.points / evaluation.possible if evaluation.possible else 0
                ),
            )
        ),
    ]
    counts = dict.fromkeys(Status, 0)
    for status in evaluation.statuses:
        counts[status] += 1
    statuses = Items(_status_count(status, count) for status, count in counts.items() if count)
    lines.append(say(Message("Statuses: {statuses}", statuses=statuses)))
    if evaluation.require_evidence:
        lines.append(say(Message("Auditor mode: met answers count only with evidence.")))
    cert = evaluation.certification
    if cert.possible:
        lines.append(say(Message("Certification: possible at {tier}", tier=cert.tier)))
    else:
        lines.append(say(Message("Certification: not possible yet")))
    for reason in cert.reasons:
        if reason.code != "certifiable":
            lines.append("  - " + reason.message(locale))
    eligibility = Clauses(reason.message for reason in evaluation.eligibility)
    lines.append(say(Message("Eligibility: {reasons}", reasons=eligibility)))
    lines.append("")
    lines.append(say(Message("Practice areas:")))
    names = {area.code: area.title(locale) for area in std.practice_areas}
    width = max(len(name) for name in names.values())
    for area in evaluation.practice_areas:
        score = say(Message("{points} of {possible}", points=area.points, possible=area.possible))
        lines.append(f"  {names[area.code]:<{width}}  {score:>8}".rstrip())
    tier_gaps = [gap for gap in evaluation.gaps if gap.kind == "tier"]
    lines.append("")
    if tier_gaps:
        lines.append(say(Message("Next tiers:")))
        lines.extend("  - " + gap.message(locale) for gap in tier_gaps)
    else:
        lines.append(say(Message("Platinum is the highest tier.")))
    criterion_gaps = [gap for gap in evaluation.gaps if gap.kind == "criterion"]
    requirement_gaps = [gap for gap in evaluation.gaps if gap.kind == "requirement"]
    if criterion_gaps or requirement_gaps:
        lines.append("")
        count = len(criterion_gaps) + len(requirement_gaps)
        gaps = Plural("{n} gap, by practice area:", "{n} gaps, by practice area:", count)
        lines.append(say(gaps))
    for practice_area in std.practice_areas:
        in_area = [
            gap
            for gap in criterion_gaps
            if gap.criterion is not None and std[gap.criterion].practice_area == practice_area.code
        ]
        if in_area:
            name = names[practice_area.code]
            heading = Message("{area} ({count}):", area=name, count=len(in_area))
            lines.append("  " + say(heading))
            lines.extend("    - " + gap.message(locale) for gap in in_area)
    if requirement_gaps:
        lines.append("  " + say(Message("Certification requirements:")))
        lines.extend("    - " + gap.message(locale) for gap in requirement_gaps)
    return join_lines(lines)


def _status_count(status: Status, n: int) -> Message:
    """``n`` criteria with ``status``, as "27 met"; plural by the locale's rules."""

    if status is Status.MET:
        return Plural("{n} met", "{n} met", n)
    if status is Status.UNMET:
        return Plural("{n} unmet", "{n} unmet", n)
    if status is Status.UNKNOWN:
        return Plural("{n} unknown", "{n} unknown", n)
    if status is Status.BLOCKED:
        return Plural("{n} blocked", "{n} blocked", n)
    if status is Status.SHORT:
        return Plural("{n} short", "{n} short", n)
    return Plural("{n} unverified", "{n} unverified", n)


def render_json(evaluation: Evaluation) -> str:
    """The evaluation's :meth:`~wwc_standard.Evaluation.to_dict` as indented JSON."""
    # json on first use: start-up does not load it.
    import json

    return json.dumps(evaluation.to_dict(), indent=2, ensure_ascii=False)
