"""The command line for pipes and CI jobs (issue 13, item 7): ``-`` reads standard input on every
command that reads an assessment, ``--format json`` puts problems on standard error as JSON,
``evaluate --fail-under TIER`` fails a job below a tier, and ``completion`` prints a shell
script generated from the parser."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import tomli_w

import wwc_standard as wwc
from wwc_standard.cli.program import error_data, main

EXAMPLE = json.dumps(wwc.example_assessment().to_dict())
EXAMPLE_DATA: dict[str, Any] = json.loads(EXAMPLE)


def run(*argv: str, stdin: bytes | None = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    stream = None if stdin is None else io.BytesIO(stdin)
    code = main(list(argv), out=out, err=err, stdin=stream)
    return code, out.getvalue(), err.getvalue()


# -- "-" reads standard input ------------------------------------------------------------------

#: Every command that reads an assessment, with the options it needs, "-" in place of FILE.
READERS = [
    ["evaluate", "-"],
    ["evaluate", "-", "--fail-under", "silver"],
    ["roadmap", "-"],
    ["what-if", "-", "--meet", "DM7"],
    ["path", "-", "--to", "gold"],
]


@pytest.mark.parametrize("argv", READERS)
@pytest.mark.parametrize("form", ["json", "toml", "json-bom"])
def test_every_assessment_command_reads_standard_input(
    argv: list[str], form: str, tmp_path: Path
) -> None:
    """What "-" reads is what the same bytes in a file give."""
    if form == "toml":
        stdin, suffix = tomli_w.dumps(EXAMPLE_DATA).encode("utf-8"), ".toml"
    else:
        stdin, suffix = (
            ("\ufeff" if form == "json-bom" else "").encode() + EXAMPLE.encode(),
            ".json",
        )
    path = tmp_path / f"city{suffix}"
    path.write_bytes(stdin)
    from_stdin = run(*argv, "--format", "json", stdin=stdin)
    from_file = run(*[w if w != "-" else str(path) for w in argv], "--format", "json")
    assert from_stdin == from_file
    assert from_stdin[0] == 0
    if form != "toml":
        from_example = run(*[w if w != "-" else "--example" for w in argv], "--format", "json")
        assert from_stdin == from_example


def test_migrate_reads_standard_input(tmp_path: Path) -> None:
    old = json.dumps({"standard": "2021", "answers": {"DG1": "met"}}).encode()
    target = tmp_path / "new.json"
    code, out, err = run("migrate", "-", "--to", "2024", "-o", str(target), stdin=old)
    assert (code, err) == (0, "")
    assert "DG1" in out
    assert json.loads(target.read_text("utf-8"))["standard"] == "2024"


@pytest.mark.parametrize(
    ("stdin", "code"),
    [
        (b"", "invalid-json"),
        (b"hello", "invalid-json"),
        (b"{", "invalid-json"),
        (b'{"a": 1, "a": 2}', "duplicate-key"),
        (b"\xff\xfe{}", "invalid-encoding"),
        (b"[answers\nDM1 =", "invalid-toml"),
        (b"[" * 5000, "invalid-toml"),
        (b"42", "wrong-type"),
        (b'"met"', "wrong-type"),
    ],
)
def test_standard_input_that_is_not_an_assessment_is_refused(stdin: bytes, code: str) -> None:
    status, out, err = run("evaluate", "-", "--format", "json", stdin=stdin)
    assert (status, out) == (2, "")
    data = json.loads(err)
    assert code in [problem["code"] for problem in data["problems"]]
    if code != "wrong-type":
        assert "<stdin>" in data["problems"][0]["message"]


def test_standard_input_that_cannot_be_read_is_unreadable() -> None:
    class Broken(io.BytesIO):
        def read(self, *args: Any) -> bytes:
            raise OSError(5, "Input/output error")

    out, err = io.StringIO(), io.StringIO()
    assert main(["evaluate", "-"], out=out, err=err, stdin=Broken()) == 2
    assert err.getvalue().startswith("error: cannot read <stdin>: Input/output error")
    assert "[unreadable-file]" in err.getvalue()
    closed = io.BytesIO()
    closed.close()
    assert main(["evaluate", "-"], out=out, err=err, stdin=closed) == 2
    assert out.getvalue() == ""


def test_standard_input_closed_in_a_real_process() -> None:
    """Started with standard input closed (``0<&-``): sys.stdin is None."""
    code = "import sys; from wwc_standard.cli.program import main; sys.exit(main())"
    ran = subprocess.run(
        ["bash", "-c", f'exec "$0" -c "{code}" evaluate - 0<&-', sys.executable],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(wwc.__file__).parents[1])},
    )
    assert (ran.returncode, ran.stdout) == (2, "")
    assert ran.stderr.startswith("error: cannot read <stdin>: Bad file descriptor")


def test_standard_input_in_a_real_pipe() -> None:
    run_ = subprocess.run(
        [sys.executable, "-m", "wwc_standard", "evaluate", "-", "--format", "json"],
        input=EXAMPLE.encode(),
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(wwc.__file__).parents[1])},
    )
    assert run_.returncode == 0, run_.stderr
    assert json.loads(run_.stdout)["tier"] == "silver"


# -- problems as JSON with --format json -------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "error", "code"),
    [
        (["evaluate", "missing.json"], "UnreadableFile", "unreadable-file"),
        (["evaluate", "--example", "--standard", "2042"], "UnknownStandard", "unknown-standard"),
        (["evaluate", "--example", "--fail-under", "bronze"], "AssessmentError", "unknown-tier"),
        (["path", "--example", "--to", "none"], "AssessmentError", "unknown-tier"),
        (["what-if", "--example", "--meet", "DM99"], "AssessmentError", "unknown-criterion"),
        (["roadmap", "--example", "--capacity", "inf"], "AssessmentError", "invalid-capacity"),
        (["diff", "2024", "2042"], "UnknownStandard", "unknown-standard"),
        (["standards", "--locale", "de"], "UnknownLocale", "unknown-locale"),
    ],
)
def test_json_format_puts_problems_on_standard_error_as_json(
    argv: list[str], error: str, code: str
) -> None:
    status, out, err = run(*argv, "--format", "json")
    assert (status, out) == (2, "")
    data = json.loads(err)
    assert set(data) == {"error", "message", "problems"}
    assert data["error"] == error
    assert code in [problem["code"] for problem in data["problems"]]
    for problem in data["problems"]:
        assert set(problem) == {"path", "code", "message", "hint"}
        assert isinstance(problem["message"], str)


def test_json_problems_list_every_problem_in_english_whatever_the_locale(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"standard": "2024", "city": {"country": "USA"}, "answers": {"DM99": "met"}}),
        "utf-8",
    )
    status, _, err = run("evaluate", str(bad), "--format", "json", "--locale", "fr")
    assert status == 2
    data = json.loads(err)
    assert [(p["path"], p["code"]) for p in data["problems"]] == [
        ("city.country", "unknown-country"),
        ("answers.DM99", "unknown-criterion"),
    ]
    assert data["problems"][1]["hint"] == "did you mean DM9?"
    # The same problems as the text lines, one for one.
    _, _, text = run("evaluate", str(bad), "--locale", "fr")
    assert len(text.splitlines()) == 3  # a count, then one line per problem


def test_json_problems_are_strict_json_and_escape_control_characters(tmp_path: Path) -> None:
    status, _, err = run("evaluate", "a\x1b[2Jb.json", "--format", "json")
    assert status == 2
    assert "\x1b" not in err
    assert json.loads(err)["problems"][0]["message"].startswith("cannot read a\x1b[2Jb.json")


def test_error_data_is_the_documented_shape() -> None:
    data = error_data(wwc.UnknownStandard("2042", available=("2024",)))
    assert data["error"] == "UnknownStandard"
    assert data["problems"][0]["path"] == "standard"


def test_text_format_still_writes_problem_lines() -> None:
    status, out, err = run("evaluate", "missing.json")
    assert (status, out) == (2, "")
    assert err.startswith("error: cannot read missing.json")


# -- evaluate --fail-under ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tier", "status"),
    [("silver", 0), ("Silver", 0), ("gold", 1), ("GOLD", 1), ("platinum", 1)],
)
def test_fail_under_exits_1_below_the_tier(tier: str, status: int) -> None:
    code, out, err = run("evaluate", "--example", "--fail-under", tier)
    assert (code, err) == (status, "")
    assert out.startswith("Exampleton: Silver")  # the result is printed all the same


def test_fail_under_with_no_tier_earned() -> None:
    code, out, _ = run(
        "evaluate", "-", "--fail-under", "silver", "--format", "json", stdin=b'{"answers": {}}'
    )
    assert code == 1
    assert json.loads(out)["tier"] == "none"


@pytest.mark.parametrize("tier", ["bronze", "none", "", " ", "gold\x1b", "9" * 300, "--"])
def test_a_bad_tier_is_a_problem_checked_before_the_input(tier: str) -> None:
    # The input does not exist either: the tier is reported, and only the tier.
    code, out, err = run("evaluate", "missing.json", f"--fail-under={tier}")
    assert (code, out) == (2, "")
    assert "[unknown-tier]" in err
    assert "missing.json" not in err
    assert "\x1b" not in err


@pytest.mark.parametrize("locale", ["es", "pt_BR", "fr"])
def test_fail_under_problems_and_help_are_translated(locale: str) -> None:
    _, _, err = run("evaluate", "--example", "--fail-under", "bronze", "--locale", locale)
    assert "unknown tier" not in err
    assert "bronze" in err


# -- completion --------------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_completion_knows_every_command_and_option(shell: str) -> None:
    pytest.importorskip("shtab")
    code, script, err = run("completion", shell)
    assert (code, err) == (0, "")
    for word in ["evaluate", "report", "roadmap", "what-if", "path", "migrate", "completion"]:
        assert word in script
    for option in ["--fail-under", "--cohort", "--roadmap", "--locale", "--require-evidence"]:
        # tcsh lists the long options without their dashes
        assert (option.removeprefix("--") if shell == "tcsh" else option) in script


def test_the_bash_script_is_valid_bash(tmp_path: Path) -> None:
    pytest.importorskip("shtab")
    _, script, _ = run("completion", "bash")
    path = tmp_path / "wwc-standard.bash"
    path.write_text(script, "utf-8")
    checked = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("shell", ["fish", "BASH", ""])
def test_an_unknown_shell_is_a_usage_error(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        run("completion", shell)
    assert leaving.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_completion_without_shtab_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "shtab", None)  # import shtab raises ImportError
    code, out, err = run("completion", "bash")
    assert (code, out) == (2, "")
    assert "[missing-extra]" in err
    assert "pip install 'wwc-standard[completion]'" in err
    code, _, err = run("completion", "zsh", "--locale", "es")
    assert code == 2
    assert "pip install 'wwc-standard[completion]'" in err
    assert "this command needs" not in err  # worded in Spanish
