"""The notebook view of a revision: its facts and its practice areas.

Words a :class:`~wwc_standard.Standard` for a locale into a
:class:`~wwc_standard._report.Report`, which :mod:`wwc_standard._report` writes as a compact
HTML fragment.

>>> import wwc_standard as wwc
>>> standard_card(wwc.standard("2024"), "es").lead[0].rows[0]
('Versión', Cell(text='2024', links=(), style=''))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wwc_standard._report import Cell, Facts, Report, Section, Table
from wwc_standard.i18n.languages import negotiate
from wwc_standard.i18n.messages import Message, format_number

if TYPE_CHECKING:
    from .model import Standard

__all__ = ["standard_card"]


def standard_card(standard: Standard, locale: str = "en") -> Report:
    """The compact notebook view of a revision: version, title, dates, counts, fingerprint,
    and a table of its practice areas with their criteria."""
    locale = negotiate(locale)
    title = standard.localized(locale)
    counts = dict.fromkeys((area.code for area in standard.practice_areas), 0)
    for criterion in standard.criteria:
        counts[criterion.practice_area] = counts.get(criterion.practice_area, 0) + 1
    facts = Facts(
        (
            (Message("Revision").render(locale), Cell(text=standard.version)),
            (
                Message("In force").render(locale),
                Cell(text=Message("from {date}", date=standard.in_force.start).render(locale)),
            ),
            (
                Message("Criteria").render(locale),
                Cell(
                    text=Message(
                        "{listed} listed of {declared}",
                        listed=len(standard.criteria),
                        declared=standard.criteria_count,
                    ).render(locale)
                ),
            ),
            (Message("Fingerprint").render(locale), Cell(text=standard.fingerprint)),
        )
    )
    areas = Table(
        caption=Message("Practice areas").render(locale),
        columns=(
            Message("Code").render(locale),
            Message("Practice area").render(locale),
            Message("Criteria").render(locale),
        ),
        rows=tuple(
            (
                Cell(text=area.code),
                Cell(text=area.title(locale)),
                Cell(text=format_number(counts.get(area.code, 0), locale)),
            )
            for area in standard.practice_areas
        ),
        numeric=(2,),
    )
    return Report(
        lang=locale.replace("_", "-"),
        title=title,
        heading=title,
        lead=(facts,),
        sections=(
            Section(heading=Message("Practice areas").render(locale), level=3, blocks=(areas,)),
        ),
    )
