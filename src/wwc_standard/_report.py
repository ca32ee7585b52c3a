"""The shape of a report people read, and its two writers: HTML (Jinja2) and Markdown.

Every report of the library (an evaluation, a cohort, a roadmap, and the compact notebook
views of every result) is built the same way: the layer that owns the result words it for a
locale into a :class:`Report` (sections of paragraphs, lists, facts, tables and bar charts,
every word already rendered from the catalogs), and this module writes that report as a
complete HTML5 document, as a compact HTML fragment for a notebook, or as GitHub-flavoured
Markdown. So the HTML and the Markdown of a report say the same things, and the templates hold
markup only, never a word of their own.

It sits just above :mod:`wwc_standard.i18n`, below every layer that has a result to show (the
revisions' :class:`~wwc_standard.Standard` too), and imports nothing of theirs.

Safety: every string of a report is plain text. The HTML writer is a Jinja2 environment with
autoescaping on, so a city named ``<script>`` prints as text; a link is made only of an http(s)
URL (:func:`link`), with ``rel="noopener noreferrer"``; the Markdown writer escapes every
character Markdown would read as markup, and a line break inside a value cannot break a table.
Jinja2 is imported when a report is written, never by ``import wwc_standard``.

>>> report = Report(lang="en", title="Demo", heading="Demo <b>",
...                 sections=(Section(heading="Facts", blocks=(Paragraph("a | b"),)),))
>>> "<h1>Demo &lt;b&gt;</h1>" in to_html(report)
True
>>> print(to_markdown(report))
# Demo \\<b\\>
<BLANKLINE>
## Facts
<BLANKLINE>
a \\| b
<BLANKLINE>
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "Bar",
    "Bullets",
    "Cell",
    "Chart",
    "Facts",
    "Link",
    "Paragraph",
    "Report",
    "Section",
    "Segment",
    "Table",
    "link",
    "short",
    "to_fragment",
    "to_html",
    "to_markdown",
]


# -- the model --------------------------------------------------------------------------------


@attrs.frozen
class Link:
    """Text that may be a link: ``href`` is set only for an http(s) URL (see :func:`link`)."""

    text: str
    href: str | None = None


#: Characters that never belong in a URL a report links to: controls, spaces, quotes, angle
#: brackets and backslashes (a browser would "repair" them into another address).
_UNSAFE_URL = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>\\`\u2028\u2029]")


def link(value: str) -> Link:
    """``value`` (a piece of evidence) as a link when it is an absolute http(s) URL with a host,
    otherwise as plain text: ``javascript:``, ``data:``, relative paths and file names are
    shown, never followed.

    >>> link("https://data.example.org/"), link("javascript:alert(1)")
    (Link(text='https://data.example.org/', href='https://data.example.org/'), \
Link(text='javascript:alert(1)', href=None))
    >>> link('http://x.example/" onmouseover="alert(1)').href is None
    True
    """
    # urllib.parse when a report is made (start-up time: `import wwc_standard` never needs it).
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
    except ValueError:  # an invalid IPv6 host, say: not a link
        return Link(value)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not _UNSAFE_URL.search(value):
        return Link(value, value)
    return Link(value)


@attrs.frozen(kw_only=True)
class Cell:
    """One cell of a table: text, or links (evidence), with an optional style word that the
    stylesheet colours (``met``, ``unmet``, ``heat-3``...); the words always say it too."""

    text: str = ""
    links: tuple[Link, ...] = ()
    style: str = ""


@attrs.frozen(kw_only=True)
class Table:
    """A table with a caption and column headers; the first cell of each row heads its row."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[int, ...] = ()
    """Indexes of the columns that hold numbers (aligned right)."""
    layout: str = ""
    """A fixed layout of the columns that the stylesheet knows (``"criteria"``), or none."""


@attrs.frozen(kw_only=True)
class Segment:
    """A part of a bar: a count with a status; ``label`` says it in words ("5 met")."""

    count: int
    style: str
    label: str


@attrs.frozen(kw_only=True)
class Bar:
    """One bar of a chart: a label, its segments, and a summary in words next to it."""

    label: str
    segments: tuple[Segment, ...]
    summary: str


@attrs.frozen(kw_only=True)
class Chart:
    """A horizontal stacked bar chart, drawn as inline SVG with a title and a description."""

    id: str
    title: str
    description: str
    bars: tuple[Bar, ...]
    columns: tuple[str, str]
    """Headings for the bars' labels and their words, where the chart is written as a table
    (Markdown)."""
    legend: tuple[Segment, ...] = ()


@attrs.frozen
class Paragraph:
    """A paragraph of text; ``style`` ``"note"`` for a remark in smaller type."""

    text: str
    style: str = ""


@attrs.frozen
class Bullets:
    """A list of sentences."""

    items: tuple[str, ...]


@attrs.frozen
class Facts:
    """Name and value pairs (a definition list)."""

    rows: tuple[tuple[str, Cell], ...]


@attrs.frozen(kw_only=True)
class Section:
    """A section: a heading and its blocks (which may be sections one level down)."""

    heading: str
    blocks: tuple[Block, ...]
    level: int = 2
    new_page: bool = False
    """In print, start the section on a new page."""


Block = Paragraph | Bullets | Facts | Table | Chart | Section


@attrs.frozen(kw_only=True)
class Report:
    """A whole report: its language, its title, a lead of blocks, then its sections."""

    lang: str
    title: str
    heading: str
    lead: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    footer: str = ""


# -- writing it ---------------------------------------------------------------------------------


def to_html(report: Report) -> str:
    """The report as one self-contained HTML5 document: inline CSS and SVG, no script, nothing
    fetched; printable (a print stylesheet) and accessible (headings in order, headed tables,
    described charts, words next to every colour)."""
    return _template("report.html.j2").render(report=report, fragment=False, **_VIEW)


def to_fragment(report: Report) -> str:
    """The report as a compact HTML fragment for a notebook (``_repr_html_``): the same markup
    and style, scoped under one ``div``, without the document around it."""
    return _template("report.html.j2").render(report=report, fragment=True, **_VIEW)


def _bars(chart: Chart) -> list[dict[str, Any]]:
    """The geometry of each bar of ``chart``, in the SVG's units."""
    most = max((sum(s.count for s in bar.segments) for bar in chart.bars), default=0) or 1
    rows = []
    for index, bar in enumerate(chart.bars):
        x = float(_LABEL_WIDTH)
        parts = []
        for segment in bar.segments:
            if segment.count:
                width = _BAR_WIDTH * segment.count / most
                parts.append({"x": round(x, 2), "width": round(width, 2), "segment": segment})
                x += width
        rows.append({"y": _ROW * index, "bar": bar, "parts": parts, "end": round(x, 2) + _GAP})
    return rows


_LABEL_WIDTH, _BAR_WIDTH, _ROW, _GAP = 0, 240, 40, 8
_VIEW = {
    "bars": _bars,
    "row_height": _ROW,
    "bar_width": _BAR_WIDTH,
    "chart_width": 840,
    # The styles a status cell may have: shown as a badge with a sign and the word.
    "status_styles": ("met", "unmet", "unknown", "other"),
}


@functools.cache
def _environment() -> jinja2.Environment:
    # Jinja2 when the first report is written: `import wwc_standard` never needs it.
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("wwc_standard", "templates"),
        # Every template is HTML: everything a report says is escaped, whatever the caller.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _template(name: str) -> jinja2.Template:
    return _environment().get_template(name)


def to_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown: headings, lists, and tables for the facts,
    the tables and the charts' counts; every value escaped (:func:`markdown_text`)."""
    lines = [f"# {markdown_text(report.heading)}", ""]
    for block in report.lead:
        lines.extend(_markdown_block(block))
    for section in report.sections:
        lines.extend(_markdown_block(section))
    if report.footer:
        lines.extend([markdown_text(report.footer), ""])
    return "\n".join(lines)


def _markdown_block(block: Block, heading: str = "") -> list[str]:
    if isinstance(block, Section):
        lines = [f"{'#' * block.level} {markdown_text(block.heading)}", ""]
        for inner in block.blocks:
            lines.extend(_markdown_block(inner, block.heading))
        return lines
    if isinstance(block, Paragraph):
        text = markdown_text(block.text)
        return [f"*{text}*" if block.style == "note" else text, ""]
    if isinstance(block, Bullets):
        return [*(f"- {markdown_text(item)}" for item in block.items), ""]
    if isinstance(block, Facts):
        return [
            *_markdown_table(("", ""), [(Cell(text=name), value) for name, value in block.rows]),
            "",
        ]
    if isinstance(block, Table):
        # A caption that repeats the section's heading is said once.
        caption = [] if block.caption == heading else [f"**{markdown_text(block.caption)}**", ""]
        return [*caption, *_markdown_table(block.columns, block.rows, block.numeric), ""]
    # A chart: its title, its description, and each bar's label and words as a table (what
    # the bars show is in those words).
    rows = [(Cell(text=bar.label), Cell(text=bar.summary)) for bar in block.bars]
    return [
        f"**{markdown_text(block.title)}**",
        "",
        markdown_text(block.description),
        "",
        *_markdown_table(block.columns, rows),
        "",
    ]


def _markdown_table(
    columns: tuple[str, ...], rows: Any, numeric: tuple[int, ...] = ()
) -> list[str]:
    head = "| " + " | ".join(markdown_text(c) for c in columns) + " |"
    rule = "|" + "|".join("---:" if i in numeric else "---" for i in range(len(columns))) + "|"
    body = ["| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in rows]
    return [head, rule, *body]


def _markdown_cell(cell: Cell) -> str:
    parts = [markdown_text(cell.text)] if cell.text else []
    for item in cell.links:
        if item.href is not None:
            parts.append(f"[{markdown_text(item.text)}](<{_markdown_url(item.href)}>)")
        else:
            parts.append(markdown_text(item.text))
    return "; ".join(parts)


#: Characters Markdown (CommonMark and GFM: tables, strikethrough, math, raw HTML, entities)
#: reads as markup inside a line; each is written with a backslash, which CommonMark allows
#: before every ASCII punctuation character. ``(``, ``)`` and ``!`` need none once ``[`` has one.
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>|~&$#])")
#: What opens a block at the start of a line (a list item, a setext underline, an ordered
#: list's "1." or "1)"): escaped there only.
_BLOCK_START = re.compile(r"^(\s*)([+\-=]|\d+(?=[.)](?:\s|$)))")
#: Every character str.splitlines() breaks a line at: inside a value it becomes a space, so
#: a value can neither end a table row nor start a block of its own.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def markdown_text(text: str) -> str:
    r"""``text`` as Markdown that shows exactly it: every markup character escaped, line breaks
    as spaces, so it cannot end a table cell, open a link or inject HTML.

    >>> print(markdown_text("a|b <script>*x*</script>\n# c"))
    a\|b \<script\>\*x\*\</script\> \# c
    >>> print(markdown_text("- item"), markdown_text("1. first"), markdown_text("62.8%"))
    \- item 1\. first 62.8%
    """
    flat = _LINE_BREAKS.sub(" ", text).strip(" \t")
    escaped = _MARKDOWN_ACTIVE.sub(r"\\\1", flat)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(2).isdigit():
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return escaped[: match.start(2)] + "\\" + escaped[match.start(2) :]


def _markdown_url(url: str) -> str:
    # Inside <...> a destination may hold anything but line breaks and angle brackets, which
    # link() never lets through; spaces and the rest are percent-encoded all the same.
    # urllib.parse when a report is made (start-up time).
    from urllib.parse import quote

    return quote(url, safe=":/?#[]@!$&'()*+,;=%-._~")


# -- notebook display -------------------------------------------------------------------------


def short(text: str | None, most: int = 40) -> str:
    r"""``text`` fit for a one-line ``repr()``: line breaks and controls as spaces, cut to
    ``most`` characters with an ellipsis.

    >>> short("Exampleton"), short("a\nb" + "c" * 50, 10)
    ('Exampleton', 'a bcccc...')
    """
    if text is None:
        return "?"
    flat = "".join(" " if not char.isprintable() else char for char in text)
    return flat if len(flat) <= most else flat[: most - 3] + "..."
