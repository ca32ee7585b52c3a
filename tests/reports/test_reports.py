"""The reports people read (issue 13): HTML documents and Markdown for evaluations, cohorts and
roadmaps, the notebook views and the one-line reprs of every result.

The HTML is read back with the standard library's parser: its headings, tables, chart and
links are checked as a browser would build them, and every value a user owns (city names,
notes, evidence, names from a revision file of their own) must come back as text, never as a
tag, an attribute or a link that is not http(s).
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wwc_standard as wwc
from strategies import make_criterion, make_standard
from wwc_standard._report import link, markdown_text
from wwc_standard.i18n.messages import Message

HOSTILE = (
    "<script>alert(1)</script>",
    '"onmouseover="alert(1)',
    "javascript:alert(1)",
    "a | b\n| c |\r\n# d",
    "</td></tr></table><h1>forged</h1>",
    "{{ 7 * 7 }} {% raw %}",
    "*bold* _it_ [x](javascript:alert(1)) ![i](http://e.example/i.png)",
    "&lt;b&gt; &amp; \u2028 line",
)
LOCALES = {"en": "en", "es": "es", "pt_BR": "pt-BR", "fr": "fr"}


class Page(HTMLParser):
    """What a browser would build of a page: elements with their attributes, headings, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self._heading: int | None = None
        self._heading_text: list[str] = []
        self._open: list[str] = []
        self.row_headers: list[str] = []
        self._in_row_header = False
        self._row_header_text: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        found = dict(attributes)
        self.elements.append((tag, found))
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = int(tag[1])
            self._heading_text = []
        if tag == "th" and found.get("scope") == "row":
            self._in_row_header = True
            self._row_header_text = []

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, "".join(self._heading_text)))
            self._heading = None
        if tag == "th" and self._in_row_header:
            self.row_headers.append("".join(self._row_header_text).strip())
            self._in_row_header = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            self._heading_text.append(data)
        if self._in_row_header:
            self._row_header_text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [found for tag, found in self.elements if tag == name]


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


#: Every element and attribute the report template writes: anything else in a page would
#: have come from a value.
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section",
    "h1", "h2", "h3", "p", "ul", "li", "dl", "div", "dt", "dd", "table", "caption", "thead",
    "tbody", "tr", "th", "td", "span", "a", "br", "figure", "figcaption", "svg", "desc", "g",
    "text", "rect",
}  # fmt: skip
ATTRIBUTES = {
    "lang", "charset", "name", "content", "class", "scope", "href", "rel", "xmlns", "role",
    "viewbox", "width", "height", "preserveaspectratio", "aria-labelledby", "aria-hidden",
    "id", "x", "y", "tabindex", "aria-label",
}  # fmt: skip


def assert_safe(page: str) -> Page:
    """The page holds only the template's own elements and attributes, and links only to
    http(s) with rel="noopener noreferrer"."""
    parsed = parse(page)
    for tag, found in parsed.elements:
        assert tag in ELEMENTS, tag
        assert set(found) <= ATTRIBUTES, (tag, found)
    for anchor in parsed.tags("a"):
        href = str(anchor["href"])
        assert href.startswith(("http://", "https://")), href
        assert anchor["rel"] == "noopener noreferrer"
    return parsed


def hostile_assessment(value: str) -> dict[str, Any]:
    data = wwc.example_assessment().to_dict()
    data["city"]["name"] = value
    data["answers"]["DM1"] = {
        "status": "met",
        "evidence": [value, "javascript:alert(1)", "https://data.example.org/a?b=1&c=2"],
        "note": value,
    }
    return data


# -- the evaluation report --------------------------------------------------------------------


@pytest.fixture(scope="module")
def exampleton() -> wwc.Evaluation:
    return wwc.evaluate(wwc.example_assessment())


@pytest.mark.parametrize("locale", list(LOCALES))
def test_every_locale_renders_a_whole_document_in_its_language(
    exampleton: wwc.Evaluation, locale: str
) -> None:
    page = exampleton.to_html(locale=locale, roadmap=True)
    assert page.startswith("<!DOCTYPE html>\n")
    parsed = assert_safe(page)
    assert parsed.tags("html") == [{"lang": LOCALES[locale]}]
    assert parsed.tags("meta")[0] == {"charset": "utf-8"}
    heading = Message("{city}: {tier}", city="Exampleton", tier=exampleton.tier).render(locale)
    assert parsed.headings[0] == (1, heading)
    assert heading.startswith("Exampleton")


@pytest.mark.parametrize("roadmap", [False, True])
def test_headings_are_in_order_and_every_criterion_is_there(
    exampleton: wwc.Evaluation, roadmap: bool
) -> None:
    parsed = parse(exampleton.to_html(roadmap=roadmap))
    levels = [level for level, _ in parsed.headings]
    assert levels[0] == 1
    assert levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, parsed.headings
    for criterion in exampleton.standard.criteria:
        assert criterion.id in parsed.row_headers
    headings = [text for _, text in parsed.headings]
    for words in ("Distance to higher tiers", "Practice areas", "Criteria", "Gaps"):
        assert words in headings
    assert ("Roadmap" in headings) is roadmap
    if roadmap:
        for months in (3, 6, 12):
            assert f"By month {months}" in headings


def test_what_the_report_says(exampleton: wwc.Evaluation) -> None:
    page = exampleton.to_html()
    parsed = parse(page)
    text = " ".join(parsed.text)
    # The revision, its fingerprint and the library version.
    assert exampleton.standard.fingerprint in text
    assert exampleton.library_version in text
    assert "2024, in force from January 1, 2024" in text
    # Tier and certification, apart; points; the distance to every higher tier.
    assert "Tier earned" in text
    assert "possible at Silver" in text
    assert "27 of 43 criteria met (62.8%)" in text
    for gap in exampleton.gaps:
        if gap.kind == "tier":
            assert gap.tier is not None
            assert gap.tier.localized("en") in parsed.row_headers
    # Every criterion's reason, every evidence link, every note.
    for result in exampleton.criteria.values():
        assert result.reasons[0].message in text
        for evidence in result.evidence:
            assert {"href": evidence, "rel": "noopener noreferrer"} in parsed.tags("a")
    for answer in exampleton.assessment.answers.values():
        if answer.note:
            assert answer.note in text
    # Eligibility and its reasons.
    for reason in exampleton.eligibility:
        assert reason.message in text


def test_the_chart_is_described_and_says_its_numbers_in_words(exampleton: wwc.Evaluation) -> None:
    parsed = parse(exampleton.to_html())
    (svg,) = parsed.tags("svg")
    assert svg["role"] == "img"
    labelled = str(svg["aria-labelledby"]).split()
    assert len(labelled) == 2
    assert set(labelled) <= parsed.ids
    text = " ".join(parsed.text)
    # Words next to each bar: colour is never the only carrier of a count.
    assert "6 of 9: 6 met, 2 unmet, and 1 unknown" in text
    rects = [r for r in parsed.tags("rect") if "seg" in str(r.get("class"))]
    assert sum(1 for r in rects if "met" in str(r["class"]).split()) == len(
        [a for a in exampleton.practice_areas if a.points]
    )


def test_a_self_contained_printable_page(exampleton: wwc.Evaluation) -> None:
    page = exampleton.to_html(roadmap=True)
    parsed = parse(page)
    assert not parsed.tags("script")
    assert not parsed.tags("link")
    assert not parsed.tags("img")
    assert "url(" not in page
    assert "@import" not in page
    assert "@media print" in page
    assert "break-before: page" in page
    for table in re.findall(r"<table>.*?</table>", page, re.S):
        assert "<caption>" in table
        assert '<th scope="col"' in table
    for cell in re.findall(r"<th(?: [^>]*)?>", page):
        assert "scope=" in cell


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_colours_meet_wcag_aa(exampleton: wwc.Evaluation) -> None:
    """WCAG 2.1 AA: text at least 4.5:1 against its background. Each rule of the stylesheet
    with a text colour is checked against its own background, or the page's white."""
    page = exampleton.to_html()
    css = page[page.index("<style>") : page.index("</style>")]
    body_text = "#1b1b1b"
    checked = 0
    for selector, rule in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-f]{6})", rule)
        background = re.search(r"background:\s*(#[0-9a-f]{6})", rule)
        if "svg" in selector or "swatch" in selector or "seg" in selector:
            continue  # shapes, not text; their words stand next to them in body colour
        if colour or (background and ("td" in selector or "th" in selector)):
            fore = colour.group(1) if colour else body_text
            back = background.group(1) if background else "#ffffff"
            assert _contrast(fore, back) >= 4.5, (selector.strip(), fore, back)
            checked += 1
    assert checked >= 10


# -- hostile values ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_stay_text(value: str) -> None:
    evaluation = wwc.evaluate(hostile_assessment(value))
    for locale in LOCALES:
        page = evaluation.to_html(locale=locale, roadmap=True)
        parsed = assert_safe(page)
        assert not parsed.tags("script")
        text = "".join(parsed.text)
        assert value.strip() in text or value in text
        hrefs = [anchor["href"] for anchor in parsed.tags("a")]
        assert "javascript:alert(1)" not in hrefs
        assert "https://data.example.org/a?b=1&c=2" in hrefs
    for fragment in (
        evaluation._repr_html_(),
        wwc.evaluate_many([evaluation.assessment])._repr_html_(),
    ):
        assert_safe(fragment)


def test_evidence_is_a_link_only_for_http() -> None:
    assert link("https://a.example/x").href == "https://a.example/x"
    assert link("HTTP://A.EXAMPLE/").href == "HTTP://A.EXAMPLE/"
    for text in (
        "javascript:alert(1)",
        " javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "//evil.example/",
        "policies/privacy.pdf",
        "http:/no-host",
        'http://x.example/"onmouseover="alert(1)',
        "http://x.example/\nline",
        "https://[::1",
    ):
        assert link(text).href is None, text


def test_names_from_a_revision_of_ones_own_stay_text() -> None:
    hostile = "<img src=x onerror=alert(1)>"
    criteria = [attrs.evolve(make_criterion(f"C{i}"), name=f"{hostile} {i}") for i in range(1, 5)]
    standard = make_standard(criteria)
    standard = attrs.evolve(
        standard,
        practice_areas=tuple(attrs.evolve(area, name=hostile) for area in standard.practice_areas),
    )
    evaluation = wwc.evaluate(
        {
            "city": {"name": hostile},
            "answers": {"C1": "met", "C2": {"status": "unmet", "note": hostile}},
        },
        standard,
    )
    for page in (
        evaluation.to_html(roadmap=True),
        evaluation._repr_html_(),
        standard._repr_html_(),
        wwc.evaluate_many([evaluation.assessment], standard).to_html(),
    ):
        parsed = assert_safe(page)
        assert not parsed.tags("img")
        assert hostile in "".join(parsed.text)


user_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@given(name=user_text, note=user_text, evidence=user_text)
@example(name="<b onclick=x>", note="</td><script>", evidence="javascript:alert(1)")
@example(name='"><svg/onload=alert(1)>', note="a\x00b", evidence="http://a.example/<x>")
def test_any_text_in_any_user_field_never_makes_a_tag_or_attribute(
    name: str, note: str, evidence: str
) -> None:
    data = wwc.example_assessment().to_dict()
    data["city"]["name"] = name
    data["answers"]["DM2"] = {"status": "met", "evidence": [evidence], "note": note}
    try:
        evaluation = wwc.evaluate(data)
    except wwc.AssessmentError:
        return  # a value the assessment format refuses never reaches a report
    page = evaluation.to_html()
    parsed = assert_safe(page)
    assert not parsed.tags("script")
    text = _plain("".join(parsed.text))
    for value in (name, note, evidence):
        assert _plain(value).strip() in text


def _plain(text: str) -> str:
    # Line breaks as a browser reads them (CR LF and CR are LF); NUL, which HTML drops or
    # replaces, left out on both sides.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\ufffd", "")


@given(criterion=user_text, area=user_text)
@example(criterion="<img src=x onerror=alert(1)>", area="</h3><h1>forged")
def test_any_name_in_a_revision_of_ones_own_stays_text(criterion: str, area: str) -> None:
    standard = make_standard(
        [attrs.evolve(make_criterion(f"C{i}"), name=criterion) for i in range(1, 4)]
    )
    standard = attrs.evolve(
        standard,
        practice_areas=tuple(attrs.evolve(a, name=area) for a in standard.practice_areas),
    )
    evaluation = wwc.evaluate({"answers": {"C1": "met"}}, standard)
    for page in (evaluation.to_html(), standard._repr_html_()):
        parsed = assert_safe(page)
        text = _plain("".join(parsed.text))
        assert _plain(area).strip() in text
    assert _plain(criterion).strip() in _plain("".join(parse(evaluation.to_html()).text))
    assert_tables_whole(evaluation.to_markdown())


# -- Markdown -----------------------------------------------------------------------------------


def _cells(line: str) -> list[str]:
    """The cells of a GFM table row: split at every pipe not escaped by a backslash."""
    assert line.startswith("|")
    assert line.endswith("|")
    return re.split(r"(?<!\\)\|", line[1:-1])


def assert_tables_whole(markdown: str) -> None:
    lines = markdown.split("\n")
    width = None
    for line in lines:
        if line.startswith("|"):
            cells = _cells(line)
            if width is None:
                width = len(cells)
            assert len(cells) == width, line
        else:
            width = None


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_tables_stay_whole_with_pipes_and_line_breaks(value: str) -> None:
    evaluation = wwc.evaluate(hostile_assessment(value))
    for locale in LOCALES:
        markdown = evaluation.to_markdown(locale=locale, roadmap=True)
        assert_tables_whole(markdown)
        assert "<script>" not in markdown
        assert not re.search(r"(?<!\\)\]\(javascript:", markdown)
        assert "(<https://data.example.org/a?b=1&c=2>)" in markdown
        cohort = wwc.evaluate_many([evaluation.assessment, wwc.example_assessment()])
        assert_tables_whole(cohort.to_markdown(locale=locale))


@given(text=user_text)
@example(text="| a |\n|---|")
@example(text="1. one")
@example(text="\\|")
def test_markdown_text_is_one_line_and_escapes_every_pipe(text: str) -> None:
    escaped = markdown_text(text)
    assert not any(char in escaped for char in "\n\r\u2028\u2029\x85\v\f")
    assert not re.search(r"(?<!\\)(?:\\\\)*\|", escaped.replace("\\\\", "")) or "|" not in text
    assert_tables_whole(f"| {escaped} |")


def test_markdown_says_what_the_html_says(exampleton: wwc.Evaluation) -> None:
    markdown = exampleton.to_markdown(roadmap=True)
    assert markdown.startswith("# Exampleton: Silver\n")
    for heading in ("## Distance to higher tiers", "## Practice areas", "## Criteria", "## Gaps"):
        assert heading in markdown
    for criterion in exampleton.standard.criteria:
        assert f"| {criterion.id} |" in markdown
    assert "### By month 12" in markdown
    assert exampleton.standard.fingerprint in markdown


# -- cohorts ---------------------------------------------------------------------------------------


def _cohort() -> wwc.Cohort:
    base = wwc.example_assessment().to_dict()
    cities = []
    for index, (name, met) in enumerate(
        [("Alpha", 10), ("Beta", 40), ("Gamma", 30), ("Delta", 30), ("Epsilon", 0)]
    ):
        data = {**base, "city": {**base["city"], "name": name}}
        ids = [c.id for c in wwc.standard("2024").criteria]
        data["answers"] = dict.fromkeys(ids[:met], "met")
        if index % 2:
            data["answers"][ids[-1]] = "unmet"
        cities.append(data)
    return wwc.evaluate_many(cities)


def test_cohort_report_sorts_cities_and_shows_every_part() -> None:
    cohort = _cohort()
    for locale in LOCALES:
        page = cohort.to_html(locale=locale)
        parsed = assert_safe(page)
        assert parsed.tags("html") == [{"lang": LOCALES[locale]}]
        levels = [level for level, _ in parsed.headings]
        assert levels[0] == 1
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    parsed = parse(cohort.to_html())
    headings = [text for _, text in parsed.headings]
    assert headings[:5] == [
        "Cohort of 5 cities",
        "Tier distribution",
        "Cities by tier and points",
        "Practice areas across cities",
        "Criteria most often not met",
    ]
    # The cities table is the first whose rows are cities: by tier then points, ties in order.
    cities = [h for h in parsed.row_headers if h in {"Alpha", "Beta", "Gamma", "Delta", "Epsilon"}]
    assert cities[:5] == ["Beta", "Gamma", "Delta", "Alpha", "Epsilon"]
    # The heat map: numbers in the cells, shading as an extra.
    assert re.search(r'<td class="num heat-\d">\d+ of \d+</td>', cohort.to_html())
    text = " ".join(parsed.text)
    assert "5 cities (100.0%)" in text or "Silver" in text
    markdown = cohort.to_markdown()
    assert_tables_whole(markdown)
    assert "| Beta |" in markdown


def test_the_criteria_most_often_not_met_come_first() -> None:
    cohort = _cohort()
    ids = [c.id for c in wwc.standard("2024").criteria]
    page = cohort.to_html()
    section = page[page.index("Criteria most often not met</h2>") :]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>', section)
    # The last criteria are met by no city: they lead, in published order.
    assert rows[:3] == [ids[40], ids[41], ids[42]]


# -- roadmaps ------------------------------------------------------------------------------


def test_roadmap_reports(exampleton: wwc.Evaluation) -> None:
    plan = wwc.roadmap(exampleton)
    for locale in LOCALES:
        parsed = assert_safe(plan.to_html(locale=locale))
        assert parsed.tags("html") == [{"lang": LOCALES[locale]}]
        assert_tables_whole(plan.to_markdown(locale=locale))
    text = " ".join(parse(plan.to_html()).text)
    for horizon in plan.horizons:
        assert f"By month {horizon.months}" in text
        for step in horizon.steps:
            assert step.criterion in text


# -- notebook display --------------------------------------------------------------------------


def _every_kind(exampleton: wwc.Evaluation, name: str) -> dict[str, Any]:
    data = wwc.example_assessment().to_dict()
    data["city"]["name"] = name
    named = wwc.evaluate(data)
    return {
        "Evaluation": named,
        "Standard": wwc.standard("2024"),
        "Roadmap": wwc.roadmap(named),
        "Path": wwc.path_to(named, wwc.Tier.GOLD),
        "Cohort": wwc.evaluate_many([data] * 50),
        "StandardDiff": wwc.diff("2023", "2024"),
        "Migration": wwc.migrate(wwc.example_assessment(), "2023"),
        "Comparison": wwc.compare(
            exampleton, wwc.what_if(exampleton, meet=["DM7"], unmeet=["DM1"])
        ),
        "Sensitivity": wwc.sensitivity(named),
    }


@pytest.mark.parametrize("name", ["Exampleton", "x" * 5000 + "\n<script>" * 100])
def test_every_result_shows_one_short_line_and_a_compact_view(
    exampleton: wwc.Evaluation, name: str
) -> None:
    for kind, value in _every_kind(exampleton, name).items():
        line = repr(value)
        assert line.startswith(f"<{kind} "), line
        assert line.endswith(">")
        assert len(line) <= 200, line
        assert "\n" not in line
        fragment = value._repr_html_()
        assert not fragment.startswith("<!DOCTYPE")
        assert fragment.startswith('<div class="wwc-report"')
        parsed = assert_safe(fragment)
        assert not parsed.tags("html")
        assert len(fragment) < 20_000, (kind, len(fragment))


def test_the_example_repr_reads_as_documented(exampleton: wwc.Evaluation) -> None:
    assert repr(exampleton) == "<Evaluation Exampleton: Silver, 27/43, revision 2024>"


def test_reprs_keep_equality(exampleton: wwc.Evaluation) -> None:
    again = wwc.evaluate(wwc.example_assessment())
    assert again == exampleton


def test_import_loads_no_template_engine() -> None:
    code = (
        "import sys, wwc_standard as wwc\n"
        "e = wwc.evaluate(wwc.example_assessment()); e.explain()\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 at import'\n"
        "assert 'markupsafe' not in sys.modules\n"
        "assert 'wwc_standard._report' not in sys.modules\n"
        "repr(e)\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 for a repr'\n"
        "e.to_html()\n"
        "assert 'jinja2' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_templates_are_package_data() -> None:
    from importlib.resources import files

    templates = files("wwc_standard").joinpath("templates")
    assert templates.joinpath("report.html.j2").is_file()
    assert templates.joinpath("report.css").is_file()
