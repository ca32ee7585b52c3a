"""Readable renderings of an evaluation: plain text for terminals, JSON for programs.

Numbers and percentages are formatted by Babel with the locale passed explicitly, never read
from the process environment.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._evaluate import Evaluation

__all__ = ["render_json", "render_text"]


def _percent(points: int, possible: int, locale: str) -> str:
    from babel.numbers import format_percent

    return format_percent(points / possible if possible else 0, "#,##0.0%", locale=locale)


def render_text(evaluation: Evaluation, *, locale: str = "en") -> str:
    """The evaluation as a short report for a person."""
    from ._evaluate import Status

    std = evaluation.standard
    city = evaluation.assessment.city
    lines = []
    name = city.name or "The city"
    lines.append(f"{name}: {evaluation.tier.label}")
    lines.append(
        f"Revision {std.version} ({std.fingerprint[:19]}...), wwc-standard "
        f"{evaluation.library_version}"
    )
    percent = _percent(evaluation.points, evaluation.possible, locale)
    lines.append(f"Points: {evaluation.points} of {evaluation.possible} criteria met ({percent})")
    counts = dict.fromkeys(Status, 0)
    for status in evaluation.statuses:
        counts[status] += 1
    lines.append(
        "Statuses: "
        + ", ".join(f"{count} {status.value}" for status, count in counts.items() if count)
    )
    if evaluation.require_evidence:
        lines.append("Auditor mode: met answers count only with evidence.")
    cert = evaluation.certification
    verdict = f"possible at {cert.tier.label}" if cert.possible else "not possible yet"
    lines.append(f"Certification: {verdict}")
    for reason in cert.reasons:
        if reason.code != "certifiable":
            lines.append(f"  - {reason.message}")
    lines.append("Eligibility: " + "; ".join(r.message for r in evaluation.eligibility))
    lines.append("")
    lines.append("Practice areas:")
    width = max(len(area.name) for area in evaluation.practice_areas)
    for area in evaluation.practice_areas:
        lines.append(f"  {area.name:<{width}}  {area.points:>2} of {area.possible}")
    tier_gaps = [gap for gap in evaluation.gaps if gap.kind == "tier"]
    other_gaps = [gap for gap in evaluation.gaps if gap.kind != "tier"]
    lines.append("")
    if tier_gaps:
        lines.append("Next tiers:")
        lines.extend(f"  - {gap.message}" for gap in tier_gaps)
    else:
        lines.append("Platinum is the highest tier.")
    if other_gaps:
        lines.append("")
        lines.append(f"Gaps ({len(other_gaps)}):")
        lines.extend(f"  - {gap.message}" for gap in other_gaps)
    return "\n".join(lines)


def render_json(evaluation: Evaluation) -> str:
    """The evaluation's :meth:`~wwc_standard.Evaluation.to_dict` as indented JSON."""
    return json.dumps(evaluation.to_dict(), indent=2, ensure_ascii=False)
