"""``wwc-standard report`` (issue 13, item 7): the HTML or Markdown report of one city or of a
cohort, to standard output or to a file written as ``migrate`` writes one."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

import wwc_standard as wwc
from wwc_standard.cli.program import main
from wwc_standard.cli.reports import report_format

EXAMPLE = json.dumps(wwc.example_assessment().to_dict())


def run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err, stdin=io.BytesIO(stdin))
    return code, out.getvalue(), err.getvalue()


def city(tmp_path: Path, name: str, data: dict[str, Any] | None = None) -> Path:
    path = tmp_path / name
    path.write_text(EXAMPLE if data is None else json.dumps(data), "utf-8")
    return path


def example() -> Any:
    return wwc.evaluate(wwc.example_assessment())


# -- one city ----------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["en", "es", "pt_BR", "fr"])
def test_the_example_report_is_the_evaluations_html(locale: str) -> None:
    code, out, err = run("report", "--example", "--locale", locale)
    assert (code, err) == (0, "")
    assert out == example().to_html(locale=locale).rstrip("\n") + "\n"
    assert out.lstrip().lower().startswith("<!doctype html")


@pytest.mark.parametrize("roadmap", [False, True])
def test_markdown_and_the_roadmap(roadmap: bool) -> None:
    argv = ["report", "--example", "--format", "markdown", *(["--roadmap"] if roadmap else [])]
    code, out, err = run(*argv)
    assert (code, err) == (0, "")
    assert out == example().to_markdown(locale="en", roadmap=roadmap).rstrip("\n") + "\n"


def test_the_full_locale_is_passed_to_the_report() -> None:
    code, out, _ = run("report", "--example", "--format", "markdown", "--locale", "es-MX")
    assert code == 0
    assert out == example().to_markdown(locale="es_MX").rstrip("\n") + "\n"


def test_a_file_and_standard_input_give_the_same_report(tmp_path: Path) -> None:
    path = city(tmp_path, "city.json")
    from_file = run("report", str(path), "--format", "markdown")
    from_stdin = run("report", "-", "--format", "markdown", stdin=EXAMPLE.encode())
    assert from_file == from_stdin
    assert from_file[0] == 0


def test_standard_and_auditor_mode_are_honoured(tmp_path: Path) -> None:
    code, out, _ = run("report", "--example", "--format", "markdown", "--require-evidence")
    assert code == 0
    expected = wwc.evaluate(wwc.example_assessment(), require_evidence=True).to_markdown()
    assert out == expected.rstrip("\n") + "\n"


def test_report_format_follows_the_output_name() -> None:
    assert report_format(None, "-") == "html"
    assert report_format(None, "a.html") == "html"
    assert report_format(None, "a.md") == "markdown"
    assert report_format(None, "a.Markdown") == "markdown"
    assert report_format("html", "a.md") == "html"


# -- a cohort ----------------------------------------------------------------------------------


def test_a_cohort_report(tmp_path: Path) -> None:
    one = city(tmp_path, "one.json")
    two = city(tmp_path, "two.json", {"standard": "2024", "city": {"name": "Riverton"},
                                        "answers": {"DM1": "met"}})  # fmt: skip
    code, out, err = run("report", "--cohort", str(one), str(two), "--format", "markdown")
    assert (code, err) == (0, "")
    cohort = wwc.evaluate_many([json.loads(EXAMPLE), json.loads(two.read_text("utf-8"))])
    assert out == cohort.to_markdown(locale="en").rstrip("\n") + "\n"
    code, html, _ = run("report", "--cohort", str(one), "-", stdin=two.read_bytes())
    assert code == 0
    assert html == cohort.to_html(locale="en").rstrip("\n") + "\n"


def test_a_cohort_names_each_problem_by_its_file(tmp_path: Path) -> None:
    good = city(tmp_path, "good.json")
    bad = city(tmp_path, "bad.json", {"standard": "2024", "answers": {"DM99": "met"}})
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    missing = tmp_path / "missing.json"
    code, out, err = run(
        "report", "--cohort", str(good), str(broken), str(missing), "--format", "markdown"
    )
    assert (code, out) == (2, "")
    assert f"{broken}: " in err
    assert "[invalid-json]" in err
    assert f"{missing}: " in err
    assert "[unreadable-file]" in err
    # Problems found by the evaluation carry the file's name too, not a position.
    code, _, err = run("report", "--cohort", str(good), str(bad))
    assert code == 2
    assert f"{bad}:answers.DM99" in err
    assert "[1]" not in err


def test_a_cohort_reads_standard_input_once(tmp_path: Path) -> None:
    code, out, err = run("report", "--cohort", "-", "-", stdin=EXAMPLE.encode())
    assert (code, out) == (2, "")
    assert "[repeated-stdin]" in err


def test_the_roadmap_is_for_one_city(tmp_path: Path) -> None:
    code, out, err = run("report", "--cohort", str(city(tmp_path, "a.json")), "--roadmap")
    assert (code, out) == (2, "")
    assert "[invalid-option]" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["report"],
        ["report", "--example", "--cohort", "a.json"],
        ["report", "a.json", "--example"],
        ["report", "--cohort"],
        ["report", "--example", "--format", "json"],
        ["report", "--example", "--format", "pdf"],
    ],
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        run(*argv)
    assert leaving.value.code == 2
    assert "usage:" in capsys.readouterr().err


# -- the output file ---------------------------------------------------------------------------


def test_the_report_is_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, out, err = run("report", "--example", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert target.read_text("utf-8") == example().to_html().rstrip("\n") + "\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary left


def test_a_markdown_name_gives_markdown(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    assert run("report", "--example", "--output", str(target))[0] == 0
    assert target.read_text("utf-8") == example().to_markdown().rstrip("\n") + "\n"


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("mine", "utf-8")
    target.chmod(0o640)
    code, out, err = run("report", "--example", "-o", str(target))
    assert (code, out) == (2, "")
    assert "[output-exists]" in err
    assert target.read_text("utf-8") == "mine"
    assert run("report", "--example", "-o", str(target), "--force")[0] == 0
    assert target.read_text("utf-8").lstrip().lower().startswith("<!doctype html")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the permission bits are kept


def test_an_input_is_never_overwritten(tmp_path: Path) -> None:
    source = city(tmp_path, "city.json")
    for argv in (["report", str(source)], ["report", "--cohort", str(source)]):
        code, _, err = run(*argv, "-o", str(source), "--force")
        assert code == 2
        assert "[same-file]" in err
    assert source.read_text("utf-8") == EXAMPLE


def test_a_missing_folder_is_unwritable(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "report.html"
    code, out, err = run("report", "--example", "-o", str(target))
    assert (code, out) == (2, "")
    assert "[unwritable]" in err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("name", ["\x00.html", "a\udfff.md"])
def test_a_name_no_file_can_have_is_unwritable(tmp_path: Path, name: str) -> None:
    code, out, err = run("report", "--example", "-o", str(tmp_path / name))
    assert (code, out) == (2, "")
    assert "[unwritable]" in err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_regular_file(tmp_path: Path) -> None:
    code, _, err = run("report", "--example", "-o", str(tmp_path), "--force")
    assert code == 2
    assert "[not-a-regular-file]" in err


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_text("old", "utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    assert run("report", "--example", "-o", str(link), "--force")[0] == 0
    assert link.is_symlink()
    assert real.read_text("utf-8").lstrip().lower().startswith("<!doctype html")
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "nowhere.html")
    code, _, err = run("report", "--example", "-o", str(dangling))
    assert code == 2
    assert "[not-a-regular-file]" in err


def test_a_hard_linked_file_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("mine", "utf-8")
    os.link(target, tmp_path / "other.html")
    code, _, err = run("report", "--example", "-o", str(target), "--force")
    assert code == 2
    assert "[hard-linked]" in err
    assert target.read_text("utf-8") == "mine"


def test_bad_input_writes_no_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, _, err = run("report", "-", "-o", str(target), stdin=b"not json")
    assert code == 2
    assert "[invalid-json]" in err
    assert not target.exists()


@pytest.mark.parametrize("locale", ["es", "pt_BR", "fr"])
def test_refusals_are_worded_in_the_locale(tmp_path: Path, locale: str) -> None:
    source = city(tmp_path, "city.json")
    _, _, english = run("report", str(source), "-o", str(source), "--force")
    _, _, translated = run("report", str(source), "-o", str(source), "--force", "--locale", locale)
    assert "[same-file]" in translated
    assert translated != english


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
