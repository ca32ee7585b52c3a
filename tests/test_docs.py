"""The documentation: the API reference names every public name, and every link lands.

The site's build (.ci/run: ``sphinx-build -W -n``) fails on a broken reference or anchor too,
but needs the ``docs`` extra and covers only the pages of the site; these tests run with the
suite on every Python, and also hold the README to links that work where it is shown outside
the repository (the package index renders it with no repository around it).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import wwc_standard

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FAMILIES = ("revisions", "evaluation", "planning", "history", "i18n", "errors", "cli")
PAGES = sorted(path for path in DOCS.rglob("*.md") if "_build" not in path.parts)

# A Markdown link or image outside code: [text](target) or ![alt](target).
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def outside_fences(text: str) -> str:
    """The text with its fenced code blocks removed (a # line there is not a heading)."""
    return re.sub(r"^(```|~~~).*?^\1\s*$", "", text, flags=re.MULTILINE | re.DOTALL)


def prose(text: str) -> str:
    """The text with code removed, fenced and inline (links there are not links)."""
    return re.sub(r"`[^`\n]*`", "", outside_fences(text))


def slug(heading: str) -> str:
    """The anchor of a heading, as GitHub and MyST (myst_heading_anchors) make it."""
    text = re.sub(r"`([^`]*)`", r"\1", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    found: set[str] = set()
    for line in outside_fences(page.read_text("utf-8")).splitlines():
        match = HEADING.match(line)
        if match:
            found.add(slug(match.group(2)))
    return found


def test_slug_matches_the_anchors_the_pages_use() -> None:
    assert slug("`wwc-standard diff` and `migrate`") == "wwc-standard-diff-and-migrate"
    assert slug("Working with results in a notebook") == "working-with-results-in-a-notebook"
    assert slug("1. Pin the revision by its fingerprint") == "1-pin-the-revision-by-its-fingerprint"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_relative_links_and_anchors_of_the_docs_exist(page: Path) -> None:
    broken = []
    for target in LINK.findall(prose(page.read_text("utf-8"))):
        if re.match(r"[a-z]+:", target):  # https:, mailto:: not checked here (no network)
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.is_file():
            broken.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{target}: no heading with anchor #{anchor} in {linked.name}")
    assert not broken, broken


def test_readme_links_work_outside_the_repository() -> None:
    """A relative link in the README breaks on the package index: only full addresses."""
    targets = LINK.findall(prose((ROOT / "README.md").read_text("utf-8")))
    assert [target for target in targets if not re.match(r"https?://", target)] == []


def documented(page: Path) -> set[str]:
    """The names the autodoc directives of an API page document."""
    text = page.read_text("utf-8")
    return set(re.findall(r"^\.\. auto\w+:: ([\w.]+)\s*$", text, flags=re.MULTILINE))


@pytest.mark.parametrize("family", FAMILIES)
def test_the_api_reference_documents_every_public_name_of_a_family(family: str) -> None:
    package = importlib.import_module(f"wwc_standard.{family}")
    expected = {f"wwc_standard.{family}.{name}" for name in package.__all__}
    assert documented(DOCS / "api" / f"{family}.md") == expected


def test_the_api_reference_lists_every_name_of_the_core() -> None:
    """Each core name links to its entry in the family that documents it."""
    page = (DOCS / "api" / "index.md").read_text("utf-8")
    listed = set(re.findall(r"`wwc\.(\w+) <wwc_standard\.\w+\.\1>`", page))
    if re.search(r"^\.\. data:: __version__$", page, flags=re.MULTILINE):
        listed.add("__version__")
    assert listed == set(wwc_standard.__all__)
    families = {
        name: family
        for family in FAMILIES
        for name in importlib.import_module(f"wwc_standard.{family}").__all__
    }
    for name, family in re.findall(r"`wwc\.(\w+) <wwc_standard\.(\w+)\.\w+>`", page):
        assert getattr(wwc_standard, name) is getattr(
            importlib.import_module(f"wwc_standard.{family}"), name
        )
        assert name in families


def test_every_page_is_in_the_site() -> None:
    """docs/conf.py builds every page but the ones it excludes on purpose."""
    conf = (DOCS / "conf.py").read_text("utf-8")
    excluded = set(re.findall(r'"([\w./-]+\.md)"', conf))
    assert excluded == {"evaluation-format.md"}
