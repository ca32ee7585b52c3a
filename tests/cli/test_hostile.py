"""Hostile input and hostile streams: the command line never shows a traceback and never
replaces or loses what the user owns."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from wwc_standard.cli.output import LIMIT, _unsafe
from wwc_standard.cli.program import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write(tmp_path / "a.json", {"standard": "2021", "answers": {"DG1": "met"}})


def migrate(source: Path, output: str, *more: str) -> tuple[int, str, str]:
    return run("migrate", str(source), "--to", "2024", "-o", output, *more)


# -- output files --------------------------------------------------------------------------


def test_a_toml_output_is_toml_that_evaluate_reads(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    assert migrate(source, str(target))[0] == 0
    assert tomllib.loads(target.read_text("utf-8"))["answers"] == {"DM2": "met"}
    code, out, err = run("evaluate", str(target), "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["points"] == 1


def test_an_open_answer_is_written_unknown_in_toml(tmp_path: Path) -> None:
    data = {"standard": "2024", "answers": {"DM1": None, "DM2": "unknown", "DM3": "met"}}
    source = write(tmp_path / "a.json", data)
    target = tmp_path / "new.toml"
    assert migrate(source, str(target))[0] == 0
    written = tomllib.loads(target.read_text("utf-8"))["answers"]
    assert written == {"DM1": "unknown", "DM2": "unknown", "DM3": "met"}
    code, out, _ = run("evaluate", str(target), "--format", "json")
    assert code == 0
    assert json.loads(out)["points"] == 1


def test_an_output_of_another_kind_is_refused(source: Path, tmp_path: Path) -> None:
    code, _, err = migrate(source, str(tmp_path / "new.yaml"))
    assert code == 2
    assert "[unsupported-format]" in err
    assert not (tmp_path / "new.yaml").exists()


def test_dash_writes_the_assessment_to_stdout_and_the_report_to_stderr(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = migrate(source, "-")
    assert code == 0
    assert json.loads(out)["answers"] == {"DM2": "met"}
    assert "inferred" in err
    assert not (tmp_path / "-").exists()


def test_a_new_file_follows_the_umask(source: Path, tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        assert migrate(source, str(tmp_path / "new.json"))[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_a_replaced_file_keeps_its_mode(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    target.write_text("{}", "utf-8")
    target.chmod(0o604)
    assert migrate(source, str(target), "--force")[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert json.loads(target.read_text("utf-8"))["answers"] == {"DM2": "met"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_never_replaced(source: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for more in ((), ("--force",)):
        code, _, err = migrate(source, str(fifo), *more)
        assert code == 2
        assert "[not-a-regular-file]" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null here")
def test_a_device_is_never_replaced(source: Path, tmp_path: Path) -> None:
    device = tmp_path / "null.json"
    device.symlink_to("/dev/null")
    code, _, err = migrate(source, str(device), "--force")
    assert code == 2
    assert "[not-a-regular-file]" in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_directory_is_never_replaced(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    code, _, err = migrate(source, str(folder), "--force")
    assert code == 2
    assert "is a directory [not-a-regular-file]" in err


def test_a_symlink_is_written_through_to_its_target(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("{}", "utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    assert migrate(source, str(link))[0] == 2  # it exists: --force to replace it
    assert migrate(source, str(link), "--force")[0] == 0
    assert link.is_symlink()
    assert json.loads(target.read_text("utf-8"))["answers"] == {"DM2": "met"}
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to("nowhere.json")
    code, _, err = migrate(source, str(dangling), "--force")
    assert code == 2
    assert "[not-a-regular-file]" in err
    assert not (tmp_path / "nowhere.json").exists()


def test_a_hard_linked_file_is_not_replaced(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    target.write_text("{}", "utf-8")
    os.link(target, tmp_path / "other.json")
    code, _, err = migrate(source, str(target), "--force")
    assert code == 2
    assert "[hard-linked]" in err
    assert target.read_text("utf-8") == "{}"


def test_the_input_is_never_the_output(source: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(source.name)
    for output in (source, link):
        code, _, err = migrate(source, str(output), "--force")
        assert code == 2
        assert "[same-file]" in err


# -- terminal output -----------------------------------------------------------------------


def test_a_newline_in_a_key_cannot_forge_an_error_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", {"standard": "2024", "answers": {"DM1\nerror: x": "met"}})
    code, _, err = run("evaluate", str(path))
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "DM1\\nerror: x" in err


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    name = "Ex\x1b[2J\x9b31m\rampleton"
    path = write(tmp_path / "a.json", {"standard": "2024", "city": {"name": name}, "answers": {}})
    _, out, _ = run("evaluate", str(path))
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "\r" not in out
    assert out.startswith("Ex\\x1b[2J\\x9b31m\\rampleton")
    code, out, _ = run("evaluate", str(path), "--format", "json")
    assert code == 0
    assert "\x9b" not in out
    assert json.loads(out)["assessment"]["city"]["name"] == name


def test_a_long_value_is_cut_in_a_problem_line(tmp_path: Path) -> None:
    key = "K" * 100_000
    path = write(tmp_path / "a.json", {"standard": "2024", "answers": {key: "met"}})
    code, _, err = run("evaluate", str(path))
    assert code == 2
    assert len(err) < 4 * LIMIT
    assert "KKK..." in err


def test_a_lone_surrogate_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"city": {"name": "A\\ud800"}, "answers": {}}', "utf-8")
    for fmt in ("text", "json"):
        code, out, err = run("evaluate", str(path), "--format", fmt)
        assert (code, out) == (2, "")
        assert "city.name" in err
        assert "[invalid-text]" in err


def test_a_stream_that_cannot_encode_gets_escapes() -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    assert main(["--locale", "fr", "evaluate", "--example"], out=out) == 0
    out.flush()
    assert "R\\xe9vision" in raw.getvalue().decode("ascii")


def test_a_closed_stream_ends_quietly() -> None:
    out = io.StringIO()
    out.close()
    err = io.StringIO()
    assert main(["evaluate", "--example"], out=out, err=err) == 1
    assert err.getvalue() == ""


# -- non-finite numbers --------------------------------------------------------------------


def test_an_infinite_capacity_is_refused() -> None:
    code, out, err = run("roadmap", "--example", "--capacity", "inf")
    assert (code, out) == (2, "")
    assert err.startswith("error: --capacity:")
    assert "[invalid-capacity]" in err
    code, out, err = run("roadmap", "--example", "--capacity", "inf", "--format", "json")
    assert (code, out) == (2, "")
    assert json.loads(err)["problems"][0]["code"] == "invalid-capacity"


def test_every_json_output_is_strict_json() -> None:
    def strict(text: str) -> object:
        def refuse(name: str) -> object:
            raise ValueError(name)

        return json.loads(text, parse_constant=refuse)

    for argv in (
        ("roadmap", "--example", "--effort", "DM7=inf"),
        ("path", "--example", "--to", "gold", "--effort", "DM7=inf"),
        ("what-if", "--example", "--meet", "DM7"),
        ("standards",),
        ("diff", "2022", "2024"),
    ):
        code, out, _ = run(*argv, "--format", "json")
        assert code in (0, 1)
        strict(out)


# -- the real process ----------------------------------------------------------------------


def cli(*argv: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    command = [sys.executable, "-m", "wwc_standard", *argv]
    return subprocess.run(command, env=env, check=False, capture_output=True)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "argv",
    [
        ("--locale", "fr", "evaluate", "--example"),
        ("--locale", "fr", "evaluate", "--help"),
        ("--locale", "fr", "roadmap", "--example", "--capacity", "inf"),
        ("--locale", "fr", "evaluate", "missing.json"),
    ],
)
def test_no_traceback_whatever_the_encoding(encoding: str, argv: tuple[str, ...]) -> None:
    done = cli(*argv, encoding=encoding)
    assert b"Traceback" not in done.stderr
    assert done.returncode in (0, 2)
    assert (done.stdout + done.stderr).decode(encoding)
    if done.returncode == 2:
        assert len(done.stderr.splitlines()) == 1


def test_no_traceback_with_stdout_closed() -> None:
    script = f"exec {sys.executable!r} -m wwc_standard evaluate --example >&-"
    done = subprocess.run(["sh", "-c", script], capture_output=True, check=False)
    assert b"Traceback" not in done.stderr
    assert done.returncode == 1
    problem = f"exec {sys.executable!r} -m wwc_standard evaluate missing.json >&-"
    done = subprocess.run(["sh", "-c", problem], capture_output=True, check=False)
    assert b"Traceback" not in done.stderr
    assert done.returncode == 2
    assert done.stderr.count(b"\n") == 1


def test_no_traceback_with_stderr_closed() -> None:
    script = f"exec {sys.executable!r} -m wwc_standard evaluate missing.json 2>&-"
    done = subprocess.run(["sh", "-c", script], capture_output=True, check=False)
    assert done.returncode == 2


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_no_traceback_when_the_reader_goes_away(fmt: str) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader went away before the output came (`| head -c 0`)
    process = subprocess.Popen(
        [sys.executable, "-m", "wwc_standard", "what-if", "--example", "--format", fmt],
        stdout=write,
        stderr=subprocess.PIPE,
    )
    os.close(write)
    assert process.stderr is not None
    with process.stderr:
        err = process.stderr.read()
    process.wait()
    assert b"Traceback" not in err
    assert b"Exception ignored" not in err
    assert process.returncode == 1


@pytest.mark.parametrize("one_line", [False, True])
def test_ascii_text_is_cleaned_as_any_text(one_line: bool) -> None:
    """clean() matches ASCII text with a class of the ASCII characters only (quick to compile):
    it escapes the same characters of ASCII text as the full class does."""
    ascii_text = "".join(map(chr, range(128)))
    full, ascii_only = _unsafe(one_line, False), _unsafe(one_line, True)
    assert ascii_only.findall(ascii_text) == full.findall(ascii_text)
    assert full.findall(ascii_text)  # some to escape
