"""The texts of the shipped effort guidance in Spanish, Brazilian Portuguese and French.

The note and the reasons of ``guidance/effort.toml`` are translated in the gettext domain
``guidance`` (``locales/guidance.pot``, extracted by the ``wwc_guidance`` Babel extractor, and
``locales/<locale>/LC_MESSAGES/guidance.po``). The generic checks of every catalog (translated,
not fuzzy, placeholders, plural forms, unofficial, compiles, exactly its template's messages)
are in ``tests/test_catalogs.py``; ``.ci/catalogs.py --check`` (run by
``tests/test_revision_catalogs.py``) covers this domain too. These tests fail when a text of
``effort.toml`` changes and the template is not regenerated, and when a roadmap or a path
worded in another locale shows an English reason.
"""

from __future__ import annotations

import io
import tomllib
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

import wwc_standard as wwc
from wwc_standard.i18n.extract import extract_guidance, guidance_texts
from wwc_standard.i18n.messages import Text
from wwc_standard.planning.effort import GUIDANCE_DOMAIN

TRANSLATED = ("es", "pt_BR", "fr")
PACKAGE = resources.files("wwc_standard")
DATA = PACKAGE / "guidance" / "effort.toml"


def _shipped() -> dict[str, Any]:
    return tomllib.loads(DATA.read_text("utf-8"))


def _reasons() -> list[str]:
    """Every English reason of the shipped data (estimates, defaults, capacity, evidence)."""
    return [text for path, text, _ in guidance_texts(_shipped()) if path[-1] == "reason"]


def test_the_guidance_template_equals_a_fresh_extraction() -> None:
    """Fails when a text of effort.toml is added, changed, moved or removed and
    ``.ci/catalogs.py`` was not run (then translate what it reports)."""
    with (PACKAGE / "locales" / f"{GUIDANCE_DOMAIN}.pot").open("rb") as source:
        template = read_po(source, domain=GUIDANCE_DOMAIN)
    committed = [
        (message.locations, message.id, message.auto_comments) for message in template if message.id
    ]
    where = [("src/wwc_standard/guidance/effort.toml", None)]
    fresh = [
        (where, text, comments)
        for _, _, text, comments in extract_guidance(io.BytesIO(DATA.read_bytes()), (), (), {})
    ]
    assert committed == fresh, "locales/guidance.pot is stale: run .ci/catalogs.py"


def test_every_text_of_the_guidance_is_extracted() -> None:
    data = _shipped()
    areas, criteria = data["areas"], data["criteria"]
    texts = [text for _, text, _ in guidance_texts(data)]
    # the note, the capacity, evidence and default reasons, one per area and per criterion
    assert len(texts) == 4 + len(areas) + len(criteria)
    assert len(set(texts)) == len(texts)
    # the texts become Message msgids: no braces, which str.format would read as fields
    assert not any("{" in text or "}" in text for text in texts)


def test_the_guidance_extractor_is_registered_for_babel() -> None:
    (entry_point,) = metadata.entry_points(group="babel.extractors", name="wwc_guidance")
    assert entry_point.load() is extract_guidance


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_shipped_texts_are_english_strings_that_speak_other_locales(locale: str) -> None:
    g = wwc.guidance()
    estimate = g.estimate(wwc.standard("2024")["OD3"])
    assert estimate.reason == _shipped()["criteria"]["OD3"]["reason"]
    for text in (estimate.reason, g.default.reason, g.capacity_reason, g.evidence_reason, g.note):
        assert isinstance(text, Text)  # the English str, callable with a locale
        assert text
        assert text(locale) != text


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("capacity", [None, 1, 100], ids=["default", "slow", "all-planned"])
def test_a_roadmap_in_another_locale_has_no_english_guidance_reason(
    locale: str, capacity: float | None
) -> None:
    plan = wwc.roadmap(wwc.evaluate(wwc.example_assessment()), capacity=capacity)
    english, text = plan.explain(), plan.explain(locale)
    reasons = _reasons()
    shown = [reason for reason in reasons if reason in english]
    assert len(shown) >= 5  # the check is not vacuous
    bodies = [reason.removeprefix("Advice: ") for reason in reasons]
    assert sorted(body for body in bodies if body in text) == []
    assert "Advice" not in text


@pytest.mark.parametrize("locale", TRANSLATED)
def test_a_path_step_gives_its_effort_reason_in_a_locale(locale: str) -> None:
    path = wwc.path_to(wwc.evaluate(wwc.example_assessment()), "gold")
    step = path.steps[0]
    assert step.effort_reason in _reasons()
    assert isinstance(step.effort_reason, Text)
    assert step.effort_reason(locale) not in _reasons()
    assert step.to_dict()["effort_reason"] == step.effort_reason  # JSON stays English


def test_english_output_is_the_shipped_text() -> None:
    plan = wwc.roadmap(wwc.evaluate(wwc.example_assessment()))
    step = plan.horizons[0].steps[0]
    effort = next(reason for reason in step.reasons if reason.code == "effort")
    reason = _shipped()["areas"]["LC"]["reason"]
    assert effort.message == f"about 3 person-weeks; {reason}"
    assert effort.to_dict()["params"]["reason"] == reason
    assert f"      about 3 person-weeks; {reason}" in plan.explain().splitlines()


@pytest.mark.parametrize("locale", TRANSLATED)
def test_a_users_own_guidance_and_overrides_keep_their_text(locale: str, tmp_path: Path) -> None:
    own = DATA.read_text("utf-8").replace(
        "Advice: opening procurement data", "Our estimate: opening procurement data"
    )
    path = tmp_path / "ours.toml"
    path.write_text(own, "utf-8")
    evaluation = wwc.evaluate(wwc.example_assessment())
    mine = wwc.load_guidance(path)
    plan = wwc.roadmap(evaluation, guidance=mine)
    text = plan.explain(locale)
    assert "Our estimate: opening procurement data builds on the open data routine." in text
    # a text of a user's file stays as written, even when it is word for word a shipped one
    assert mine.areas["LC"].reason in text
    overridden = wwc.guidance().with_efforts({"RDC7": 2}, reason="from our 2025 budget")
    assert "from our 2025 budget" in wwc.roadmap(evaluation, guidance=overridden).explain(locale)
