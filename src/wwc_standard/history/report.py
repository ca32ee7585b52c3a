"""The notebook views of the history results: a diff between two revisions and a migration.

Each function words a result for a locale into a :class:`~wwc_standard._report.Report`, which
:mod:`wwc_standard._report` writes as a compact HTML fragment.

>>> import wwc_standard as wwc
>>> diff_card(wwc.diff("2023", "2024"), "fr").heading
'De 2023 à 2024\\xa0:'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wwc_standard._report import Bullets, Cell, Facts, Paragraph, Report, Table
from wwc_standard.evaluation.report import NOTHING
from wwc_standard.i18n.languages import negotiate
from wwc_standard.i18n.messages import Message, format_number

if TYPE_CHECKING:
    from .diffs import StandardDiff
    from .migration import Migration

__all__ = ["diff_card", "migration_card"]


def diff_card(diff: StandardDiff, locale: str = "en") -> Report:
    """The compact notebook view of a diff: its lines, as :meth:`StandardDiff.explain` words
    them, under the two revisions' fingerprints."""
    locale = negotiate(locale)
    lines = diff.explain(locale).splitlines()
    # explain() starts each difference with "- ": here they are the items of a list.
    items = tuple(line.removeprefix("- ") for line in lines[1:])
    return Report(
        lang=locale.replace("_", "-"),
        title=lines[0],
        heading=lines[0],
        lead=(
            Facts(
                (
                    (diff.a, Cell(text=diff.a_fingerprint)),
                    (diff.b, Cell(text=diff.b_fingerprint)),
                )
            ),
            *((Bullets(items),) if items else ()),
        ),
    )


def migration_card(migration: Migration, locale: str = "en") -> Report:
    """The compact notebook view of a migration: the path, and every answer to confirm with
    why."""
    locale = negotiate(locale)
    lines = migration.explain(locale).splitlines()
    blocks: list[Paragraph | Table] = []
    if migration.to_confirm:
        blocks.append(
            Table(
                caption=Message("Answers to confirm").render(locale),
                columns=(
                    Message("From").render(locale),
                    Message("To").render(locale),
                    Message("Step").render(locale),
                    Message("Reason").render(locale),
                ),
                rows=tuple(
                    (
                        Cell(text=", ".join(item.from_ids)),
                        Cell(text=", ".join(item.to_ids) or NOTHING),
                        Cell(text=f"{item.step[0]} → {item.step[1]}"),
                        Cell(text=item.reason.localized(locale)),
                    )
                    for item in migration.to_confirm
                ),
            )
        )
    return Report(
        lang=locale.replace("_", "-"),
        title=lines[0],
        heading=Message(
            "Migration from {source} to {target}",
            source=migration.source.version,
            target=migration.target.version,
        ).render(locale),
        lead=(
            Paragraph(lines[0]),
            Facts(
                (
                    (
                        Message("Answers carried").render(locale),
                        Cell(text=format_number(len(migration.assessment.answers), locale)),
                    ),
                    (
                        Message("To confirm").render(locale),
                        Cell(text=format_number(len(migration.to_confirm), locale)),
                    ),
                )
            ),
            *blocks,
        ),
    )
