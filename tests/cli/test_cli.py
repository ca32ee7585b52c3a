"""The command line: wwc-standard and python -m wwc_standard."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import wwc_standard as wwc
from wwc_standard.cli.program import _GROUPS, _parser, main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_evaluate_the_example_as_text() -> None:
    code, out, err = run("evaluate", "--example")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Exampleton: Silver"
    assert "Points: 27 of 43 criteria met (62.8%)" in out
    assert "  - 3 more criteria for Gold (30 of 43)" in lines
    assert "  - 10 more criteria for Platinum (37 of 43)" in lines
    assert wwc.standard("2024").fingerprint[:19] in out


def test_evaluate_the_example_as_json() -> None:
    code, out, err = run("evaluate", "--example", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data == wwc.evaluate(wwc.example_assessment()).to_dict()
    assert (data["tier"], data["points"], data["possible"]) == ("silver", 27, 43)


def test_evaluate_the_example_in_auditor_mode() -> None:
    code, out, _ = run("evaluate", "--example", "--require-evidence", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["options"] == {"require_evidence": True}
    assert data["points"] == 7  # only the met answers that carry evidence
    assert data["criteria"]["DM3"]["status"] == "unverified"


def test_evaluate_a_file(tmp_path: Path) -> None:
    path = tmp_path / "city.json"
    path.write_text(json.dumps({"standard": "2022", "answers": {"DM1": "met"}}), "utf-8")
    code, out, err = run("evaluate", str(path), "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["standard"]["version"] == "2022"
    assert json.loads(out)["points"] == 1


def test_evaluate_a_toml_file_against_a_chosen_revision(tmp_path: Path) -> None:
    path = tmp_path / "city.toml"
    path.write_text('[answers]\nDM1 = "met"\nOD3 = true\n', "utf-8")
    code, out, _ = run("evaluate", str(path), "--standard", "2023", "--format", "json")
    assert code == 0
    assert json.loads(out)["standard"]["version"] == "2023"
    assert json.loads(out)["points"] == 2


def test_a_file_with_problems_prints_one_problem_per_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"answers": {"DM99": "met", "OD3": "yes"}, "city": {"population": -1}}),
        "utf-8",
    )
    code, out, err = run("evaluate", str(path))
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == "wwc-standard: 3 problems:"
    assert sorted(lines[1:]) == sorted(
        [
            "error: city.population: population cannot be negative, found -1 "
            "[negative-population] (give the number of people living in the city)",
            "error: answers.OD3: 'yes' is not a status [unknown-status] "
            "(use met, unmet, unknown, true or false)",
            "error: answers.DM99: revision 2026 has no criterion 'DM99' [unknown-criterion] "
            "(did you mean DM9?)",
        ]
    )


def test_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"answers": {\n', "utf-8")
    code, _, err = run("evaluate", str(path))
    assert code == 2
    assert "[invalid-json]" in err
    assert "line 2" in err
    assert "Traceback" not in err


def test_missing_file(tmp_path: Path) -> None:
    code, out, err = run("evaluate", str(tmp_path / "missing.json"))
    assert code == 2
    assert out == ""
    assert "missing.json" in err
    assert "Traceback" not in err


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "answers.json"
    folder.mkdir()
    code, out, err = run("evaluate", str(folder))
    assert code == 2
    assert out == ""
    assert err.startswith("error: cannot read")
    assert "Traceback" not in err


def test_unknown_standard() -> None:
    code, out, err = run("evaluate", "--example", "--standard", "2042")
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        "error: standard: no revision '2042' is shipped; available: "
        + ", ".join(wwc.standards())
        + " [unknown-standard]"
    ]


def test_pin_mismatch_with_the_chosen_standard() -> None:
    code, _, err = run("evaluate", "--example", "--standard", "2023")
    assert code == 2
    assert "[fingerprint-mismatch]" in err
    assert "[standard-mismatch]" in err


def test_standards_lists_every_revision() -> None:
    code, out, err = run("standards")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == len(wwc.standards())
    for line, version in zip(lines, wwc.standards(), strict=True):
        revision = wwc.standard(version)
        assert line.startswith(version + "  ")
        assert revision.fingerprint in line
        assert revision.in_force.start.isoformat() in line
        # Every in-force day is inferred, and 2017's count is "about 50" (facts section 2).
        assert (f"{revision.in_force.start.isoformat()} (inferred)" in line) is (
            revision.in_force.provenance.inferred
        )
        about = "about " if revision.criteria_count_approximate else ""
        assert f"  {about}{revision.criteria_count} criteria" in line
        assert ("incomplete" in line) is not revision.complete


def test_standards_as_json() -> None:
    code, out, _ = run("standards", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [row["version"] for row in rows] == list(wwc.standards())
    for row in rows:
        revision = wwc.standard(row["version"])
        assert row == {
            "version": revision.version,
            "title": revision.title,
            "in_force": revision.in_force.start.isoformat(),
            "in_force_inferred": revision.in_force.provenance.inferred,
            "criteria": revision.criteria_count,
            "criteria_approximate": revision.criteria_count_approximate,
            "complete": revision.complete,
            "fingerprint": revision.fingerprint,
        }


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as info:
        run("evaluate")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        run("frobnicate")
    assert info.value.code == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"wwc-standard {wwc.__version__}"


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wwc_standard", "evaluate", "--example", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["tier"] == "silver"
    bad = tmp_path / "bad.json"
    bad.write_text('{"answers": {"DM1": "yes"}}', "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "wwc_standard", "evaluate", str(bad)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert "answers.DM1: 'yes' is not a status [unknown-status]" in done.stderr


def _helps(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The help of each command of ``parser``, by name."""
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {name: command.format_help() for name, command in commands.choices.items()}


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_parser_of_one_command_is_the_one_of_the_whole_parser(locale: str) -> None:
    """A command line that starts with a command builds that command's group only (start-up
    time); each command's parser is the one the whole parser has, help and defaults alike."""
    whole = _helps(_parser(locale))
    assert list(whole) == [*_GROUPS, "completion"]
    for name in _GROUPS:
        alone = _helps(_parser(locale, name))
        assert alone[name] == whole[name], name
        assert set(alone) < set(whole)


def test_evaluate_loads_no_other_command() -> None:
    code = (
        "import io, sys\n"
        "from wwc_standard.cli.program import main\n"
        "main(['evaluate', '--example'], out=io.StringIO())\n"
        "print(sorted(m for m in sys.modules if m.startswith('wwc_standard.cli.')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == str(
        [
            "wwc_standard.cli.options",
            "wwc_standard.cli.output",
            "wwc_standard.cli.plan",
            "wwc_standard.cli.program",
        ]
    )


def test_only_the_command_line_of_the_process_freezes_its_objects() -> None:
    """main() run as the program (argv None) leaves its objects out of the garbage collections
    at exit (start-up time); main(argv), called by an app or a test, changes nothing of gc."""
    code = (
        "import gc, io, sys\n"
        "from wwc_standard.cli.program import main\n"
        # Some Pythons (3.12) freeze objects of their own at start: count from there.
        "before = gc.get_freeze_count()\n"
        "main(['evaluate', '--example'], out=io.StringIO())\n"
        "print(gc.get_freeze_count() == before)\n"
        "sys.argv[1:] = ['evaluate', '--example']\n"
        "main(out=io.StringIO())\n"
        "print(gc.get_freeze_count() > before)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "True"]
