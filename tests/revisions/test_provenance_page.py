"""docs/provenance.md lists the read, inferred and unknown facts of every shipped revision, and
every source with its address, generated from the revision data by .ci/provenance_page.py: a
change to the data that is not carried to the page fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import wwc_standard as wwc

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "provenance_page", ROOT / ".ci" / "provenance_page.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_part_of_the_page_matches_the_data() -> None:
    generator = _generator()
    text = generator.PAGE.read_text("utf-8")
    assert generator.page_with_generated(text) == text, "run .ci/provenance_page.py"


def test_the_page_covers_every_revision_and_every_source() -> None:
    text = (ROOT / "docs" / "provenance.md").read_text("utf-8")
    for version in wwc.standards():
        std = wwc.standard(version)
        assert f"### {version}: {std.title}" in text
        for source in std.sources:
            assert f"| `{source.key}` | {source.title} | {source.url or 'not recorded'}" in text
    # Every inferred criterion of 2018 is listed under "Inferred", with its note.
    inferred = text.split("### 2018:")[1].split("**Inferred:**")[1].split("**Not found")[0]
    for criterion in wwc.standard("2018").criteria:
        if criterion.provenance.inferred:
            assert f"- {criterion.id} ({criterion.name}): {criterion.provenance.note}" in inferred


def test_a_stale_page_is_detected() -> None:
    generator = _generator()
    text = generator.PAGE.read_text("utf-8")
    stale = text.replace("in force from 2018-01-26", "in force from 2018-01-01")
    assert stale != text
    assert generator.page_with_generated(stale) == text
