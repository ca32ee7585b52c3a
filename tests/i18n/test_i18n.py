"""Locales: negotiation, localized messages on results and problems, explanations, the CLI."""

from __future__ import annotations

import copy
import io
import json
import pickle
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import wwc_standard as wwc
from wwc_standard.cli.program import main
from wwc_standard.i18n.languages import negotiate
from wwc_standard.i18n.messages import Items, Message, Percent, Plural, Text

LOCALE_DIR = Path(wwc.__file__).parent / "locales"
TRANSLATED = ("es", "pt_BR", "fr")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        (None, "en"),
        ("en", "en"),
        ("en_US", "en"),
        ("EN-gb", "en"),
        ("es", "es"),
        ("es_AR", "es"),
        ("es-MX", "es"),
        ("pt", "pt_BR"),
        ("pt_PT", "pt_BR"),
        ("pt-BR", "pt_BR"),
        ("fr", "fr"),
        ("fr_CA", "fr"),
        ("fr-CA", "fr"),
        ("fr_FR.UTF-8", "fr"),
    ],
)
def test_negotiate_falls_back_to_the_locale_the_library_has(tag: str | None, expected: str) -> None:
    assert negotiate(tag) == expected


@pytest.mark.parametrize("tag", ["de", "zh_CN", "", "xx-YY"])
def test_an_unknown_locale_is_a_clear_error(tag: str) -> None:
    with pytest.raises(wwc.UnknownLocale) as info:
        negotiate(tag)
    assert isinstance(info.value, ValueError)
    assert info.value.problems[0].code == "unknown-locale"
    assert "en, es, pt_BR, fr" in str(info.value)


def test_an_unknown_locale_fails_at_the_call_not_deep_inside() -> None:
    result = wwc.evaluate(wwc.example_assessment())
    with pytest.raises(wwc.UnknownLocale):
        result.explain("de")
    with pytest.raises(wwc.UnknownLocale):
        result.gaps[0].message("de")
    with pytest.raises(wwc.UnknownLocale):
        wwc.Problem(path="", code="x", message="plain").message("de")


def test_text_is_the_english_string_and_callable_for_a_locale() -> None:
    text = Text(
        Plural(
            "{n} more criterion for {tier}", "{n} more criteria for {tier}", 3, tier=wwc.Tier.GOLD
        )
    )
    assert text == "3 more criteria for Gold"
    assert hash(text) == hash("3 more criteria for Gold")
    assert isinstance(text, str)
    assert text() == text("en") == "3 more criteria for Gold"
    assert json.dumps({"m": text}) == '{"m": "3 more criteria for Gold"}'
    plain = Text("no message behind it")
    assert plain("fr") == "no message behind it"
    assert plain.message is None


@pytest.mark.parametrize(
    "clone", [copy.copy, copy.deepcopy, lambda t: pickle.loads(pickle.dumps(t))]
)
def test_text_survives_copies_and_pickles(clone: object) -> None:
    text = Text(Message("answered unmet"))
    again = clone(text)  # type: ignore[operator]
    assert type(again) is Text
    assert again == text
    assert again("es") == "respondido como no cumplido"


def test_results_and_problems_keep_english_strings_and_speak_other_locales() -> None:
    result = wwc.evaluate(wwc.example_assessment())
    dm7 = result.criteria["DM7"].reasons[0]
    assert dm7.message == "answered unmet"
    assert dm7.message(locale="es") == "respondido como no cumplido"
    assert dm7.localized("pt_BR") == "respondido como não atendido"
    gap = result.gaps[0]
    assert gap.message == "3 more criteria for Gold (30 of 43)"
    assert gap.message("fr") == "encore 3 critères pour Or (30 sur 43)"
    assert gap.message("es_AR") == "faltan 3 criterios para Oro (30 de 43)"
    data = result.to_dict()
    assert type(data["gaps"][0]["message"]) is str
    assert type(data["criteria"]["DM7"]["reasons"][0]["message"]) is str
    assert wwc.Evaluation.from_dict(json.loads(json.dumps(data))) == result


def test_problems_and_errors_in_a_locale() -> None:
    problems = wwc.validate({"answers": {"DM99": "met", "OD3": "yes"}}, "2024")
    by_code = {p.code: p for p in problems}
    unknown = by_code["unknown-criterion"]
    assert unknown.message == "revision 2024 has no criterion 'DM99'"
    assert unknown.message("es") == "la revisión 2024 no tiene el criterio 'DM99'"
    assert unknown.hint is not None
    assert unknown.hint("pt_BR") == "você quis dizer DM9?"
    assert by_code["unknown-status"].localized("fr") == (
        "answers.OD3\xa0: 'yes' n'est pas un statut [unknown-status] "
        "(utilisez met, unmet, unknown, true ou false)"
    )
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.evaluate({"answers": {"DM99": "met"}}, "2024")
    assert str(info.value).startswith("1 problem in the assessment:")
    assert info.value.localized("es").splitlines()[0] == "1 problema en la autoevaluación:"
    assert pickle.loads(pickle.dumps(unknown)).message("es") == unknown.message("es")


def test_tiers_and_statuses_have_names_in_every_locale() -> None:
    assert [t.localized("es") for t in wwc.Tier] == ["Sin nivel", "Plata", "Oro", "Platino"]
    assert [t.localized("pt_BR") for t in wwc.Tier] == ["Sem nível", "Prata", "Ouro", "Platina"]
    assert [t.localized("fr") for t in wwc.Tier] == ["Aucun niveau", "Argent", "Or", "Platine"]
    assert [t.localized() for t in wwc.Tier] == [t.label for t in wwc.Tier]
    for locale in TRANSLATED:
        words = [s.localized(locale) for s in wwc.Status]
        assert len(set(words)) == len(words)
        assert all(word != status.value for word, status in zip(words, wwc.Status, strict=True))


def test_numbers_percentages_lists_and_dates_are_formatted_for_the_locale() -> None:
    import datetime

    values = {
        "n": 182000,
        "share": Percent(27 / 43),
        "ids": Items(["DM1", "DM2", "OD3"]),
        "day": datetime.date(2024, 3, 1),
    }
    msg = Message("{n} {share} {ids} {day}", **values)
    assert msg.render("en") == "182,000 62.8% DM1, DM2, and OD3 March 1, 2024"
    assert msg.render("es") == "182.000 62,8\xa0% DM1, DM2 y OD3 1 de marzo de 2024"
    assert msg.render("pt_BR") == "182.000 62,8% DM1, DM2 e OD3 1 de março de 2024"
    assert msg.render("fr") == "182\u202f000 62,8\xa0% DM1, DM2 et OD3 1 mars 2024"


def _rich_evaluation(require_evidence: bool = False) -> wwc.Evaluation:
    """An evaluation with most kinds of reason: blocked, pending prerequisites, a checklist
    short, undecided or met, evidence, an unmet gating requirement, an ineligible city."""
    from strategies import gating_requirement, make_checklist, make_criterion, make_standard

    revision = make_standard(
        [
            make_criterion("A1"),
            make_criterion("A2", prerequisites=["A1"]),
            make_criterion("A3", prerequisites=["A1", "A2"]),
            make_criterion("B1", "BB", checklist=make_checklist(3, "abcd")),
            make_criterion("B2", "BB", checklist=make_checklist(2, "abc")),
            make_criterion("B3", "BB", checklist=make_checklist(2, "ab")),
            make_criterion("B4", "BB"),
        ],
        requirements=[gating_requirement()],
    )
    return wwc.evaluate(
        {
            "city": {"name": "Villa", "country": "FR", "population": 900},
            "answers": {
                "A1": "unknown",
                "A2": "met",
                "B1": {"checklist": {"a": True, "b": False, "c": False, "d": None}},
                "B2": {"checklist": {"a": True, "b": None, "c": None}},
                "B3": {"checklist": {"a": True, "b": True}, "evidence": ["https://x.example/"]},
                "B4": "met",
            },
            "requirements": {"outcome": "unmet"},
        },
        revision,
        require_evidence=require_evidence,
    )


def _english_fragments(locale: str) -> set[str]:
    """The literal parts of every library msgid that its translation in ``locale`` does not
    keep itself (a translation may keep "wwc-standard" or "[{code}]"; it may not keep "met")."""
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "wwc_standard.po").open("rb") as source:
        catalog = read_po(source, locale=locale)
    fragments = set()
    for message in catalog:
        if not message.id:
            continue
        msgids = [message.id] if isinstance(message.id, str) else list(message.id)
        msgstrs = [message.string] if isinstance(message.string, str) else list(message.string)
        for msgid in msgids:
            for literal, *_ in string.Formatter().parse(msgid):
                literal = literal.strip(" :;,.()[]")
                if len(re.findall(r"[A-Za-z]{3,}", literal)) >= 2 and not any(
                    literal in msgstr for msgstr in msgstrs
                ):
                    fragments.add(literal)
    return fragments


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize(
    "result",
    [
        wwc.evaluate(wwc.example_assessment()),
        wwc.evaluate(wwc.example_assessment(), require_evidence=True),
        _rich_evaluation(),
        _rich_evaluation(require_evidence=True),
    ],
    ids=["example", "auditor", "rich", "rich-auditor"],
)
def test_an_explanation_in_another_locale_has_no_english_message(
    locale: str, result: wwc.Evaluation
) -> None:
    text = result.explain(locale)
    english = result.explain()
    assert text != english
    fragments = _english_fragments(locale)
    assert len(fragments) > 100  # the check is not vacuous
    leaked = sorted(f for f in fragments if f in text)
    assert leaked == []


def test_the_explanation_says_everything_a_reader_needs() -> None:
    text = wwc.evaluate(wwc.example_assessment()).explain("es")
    lines = text.splitlines()
    assert lines[0] == "Exampleton: Plata"
    assert lines[1].startswith("Revisión 2024 (sha256:")
    assert lines[2] == "Puntos: 27 de 43 criterios cumplidos (62,8\xa0%)"
    assert lines[3] == "Estados: 27 cumplidos, 7 no cumplidos y 9 desconocidos"
    assert "  - faltan 3 criterios para Oro (30 de 43)" in lines
    assert "  Gestión de datos (3):" in lines
    assert any(line.startswith("    - DM7 ") for line in lines)


def test_render_text_takes_the_locale_too() -> None:
    from wwc_standard.evaluation.render import render_text

    result = wwc.evaluate(wwc.example_assessment())
    assert render_text(result, locale="pt_BR") == result.explain("pt_BR")
    assert render_text(result) == result.explain()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_speaks_the_locale_asked_for() -> None:
    code, out, err = run("evaluate", "--example", "--locale", "pt_BR")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Exampleton: Prata"
    code, out, _ = run("evaluate", "--example", "--locale", "fr_CA")
    assert out.splitlines()[0] == "Exampleton\xa0: Argent"


def test_cli_never_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.setenv(name, "es_ES.UTF-8")
    _, out, _ = run("evaluate", "--example")
    assert out.splitlines()[0] == "Exampleton: Silver"


def test_cli_errors_in_the_locale(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"answers": {"DM99": "met"}}', encoding="utf-8")
    code, out, err = run("evaluate", str(bad), "--locale", "es")
    assert (code, out) == (2, "")
    assert err == (
        "error: answers.DM99: la revisión 2026 no tiene el criterio 'DM99' "
        "[unknown-criterion] (¿quiso decir DM9?)\n"
    )
    code, _, err = run("evaluate", str(tmp_path / "missing.json"), "--locale", "fr")
    assert code == 2
    assert err.startswith("erreur\xa0: impossible de lire ")


def test_cli_refuses_an_unknown_locale_cleanly() -> None:
    code, out, err = run("evaluate", "--example", "--locale", "de")
    assert (code, out) == (2, "")
    assert err == (
        "error: locale: wwc-standard does not speak 'de' [unknown-locale] "
        "(use one of en, es, pt_BR, fr)\n"
    )


ENGLISH_EVALUATE_HELP = (
    "usage: wwc-standard evaluate [-h] [--locale LOCALE] [--example]"
    "\n"
    "                             [--standard VERSION|FILE] [--format {text,json}]"
    "\n"
    "                             [--require-evidence] [--fail-under TIER]"
    "\n"
    "                             [FILE]"
    "\n"
    ""
    "\n"
    "Evaluate an assessment and print the tier, the points and every gap."
    "\n"
    ""
    "\n"
    "positional arguments:"
    "\n"
    "  FILE                  the assessment, .json or .toml; - reads it from"
    "\n"
    "                        standard input"
    "\n"
    ""
    "\n"
    "options:"
    "\n"
    "  -h, --help            show this help message and exit"
    "\n"
    "  --locale LOCALE       the language of the output: en (default), es, pt_BR or"
    "\n"
    "                        fr; variants fall back (es_AR to es, pt to pt_BR,"
    "\n"
    "                        fr_CA to fr). The environment is never read."
    "\n"
    "  --example             use the bundled example assessment (a fictional city)"
    "\n"
    "  --standard VERSION|FILE"
    "\n"
    "                        the revision to evaluate against: a shipped version or"
    "\n"
    "                        a revision file of your own (default: the file's pin,"
    "\n"
    "                        else the newest)"
    "\n"
    "  --format {text,json}  text for people (default) or json for programs"
    "\n"
    "  --require-evidence    auditor mode: count met answers only when they carry"
    "\n"
    "                        evidence"
    "\n"
    "  --fail-under TIER     exit with status 1 when the tier earned is lower than"
    "\n"
    "                        TIER (silver, gold or platinum), for CI jobs; the"
    "\n"
    "                        result is printed all the same"
    "\n"
)
"""``wwc-standard evaluate --help`` at 80 columns, as it was before the help was translatable."""


def run_help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as info:
        run(*argv)
    assert info.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "description", "option_help"),
    [
        (
            ("--locale", "es", "evaluate", "--help"),
            "Evalúa una autoevaluación y muestra el nivel, los puntos y todas las brechas.",
            "usar la autoevaluación de ejemplo incluida (una ciudad ficticia)",
        ),
        (
            ("evaluate", "--help", "--locale", "fr"),
            "Évalue une autoévaluation et affiche le niveau, les points et tous les écarts.",
            "utiliser l'autoévaluation d'exemple fournie (une ville fictive)",
        ),
        (
            ("evaluate", "--locale=pt", "--help"),
            "Avalia uma autoavaliação e mostra o nível, os pontos e todas as lacunas.",
            "usar a autoavaliação de exemplo incluída (uma cidade fictícia)",
        ),
    ],
)
def test_cli_help_speaks_the_locale_of_the_command_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
    description: str,
    option_help: str,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per help text
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # never read for our texts
    out = run_help(capsys, *argv)
    assert description in out
    assert option_help in out
    for english in (
        "Evaluate an assessment and print the tier, the points and every gap.",
        "use the bundled example assessment (a fictional city)",
        "the assessment, .json or .toml",
        "text for people (default) or json for programs",
        "the language of the output",
    ):
        assert english not in out
    assert "usage: wwc-standard evaluate" in out  # argparse's own words stay as they are


def test_cli_help_is_english_and_unchanged_without_a_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.setenv(name, "es_ES.UTF-8")
    assert run_help(capsys, "evaluate", "--help") == ENGLISH_EVALUATE_HELP
    assert run_help(capsys, "evaluate", "--help", "--locale", "en_US") == ENGLISH_EVALUATE_HELP
    # An unknown locale words the help in English; running the command still refuses it.
    assert run_help(capsys, "evaluate", "--locale", "de", "--help") == ENGLISH_EVALUATE_HELP


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_help_text_of_the_cli_is_translated(locale: str) -> None:
    import argparse

    from wwc_standard.cli.program import _parser

    def helps(parser: argparse.ArgumentParser) -> list[tuple[str, str | None]]:
        found: list[tuple[str, str | None]] = [(parser.prog, parser.description)]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                found += [(f"{parser.prog} {c.dest}", c.help) for c in action._choices_actions]
                for sub in action.choices.values():
                    found += helps(sub)
            elif not isinstance(action, argparse._HelpAction | argparse._VersionAction):
                found.append((f"{parser.prog} {action.dest}", action.help))
        return found

    english, translated = helps(_parser("en")), helps(_parser(locale))
    assert len(english) == len(translated) > 40
    for (where, source), (_, text) in zip(english, translated, strict=True):
        if source == argparse.SUPPRESS:
            assert text == source, where
        else:
            assert source, where
            assert text, where
            assert text != source, where
    for sub in ("", "evaluate", "standards", "roadmap", "what-if", "path", "diff", "migrate",
                "report", "completion"):  # fmt: skip
        parser = _parser(locale)
        if sub:
            parser = next(
                a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
            ).choices[sub]
        parser.format_help()  # argparse expands "%" in help: a stray one would raise here


def test_cli_accepts_the_locale_before_the_command() -> None:
    code, out, err = run("--locale", "es", "evaluate", "--example")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Exampleton: Plata"
    _, out, _ = run("--locale", "es", "evaluate", "--example", "--locale", "fr")
    assert out.splitlines()[0] == "Exampleton\xa0: Argent"  # the last one wins, as in argparse
    code, _, err = run("--locale", "de", "evaluate", "--example")
    assert code == 2
    assert err.startswith("error: locale: wwc-standard does not speak 'de'")


def test_dates_in_messages_are_formatted_by_babel_for_the_locale() -> None:
    import datetime

    with pytest.raises(wwc.UnknownStandard) as caught:
        wwc.standard(on=datetime.date(2016, 5, 1))
    assert str(caught.value) == (
        "no shipped revision was in force on May 1, 2016: the earliest, 2017, took effect on "
        "April 1, 2017 (inferred)"
    )
    assert "el 1 de mayo de 2016" in caught.value.localized("es")
    assert "1 de abril de 2017 (inferida)" in caught.value.localized("pt_BR")
    assert "le 1 avril 2017 (déduite)" in caught.value.localized("fr")
