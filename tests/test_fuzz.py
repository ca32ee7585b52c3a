"""Fuzzing the entry points that read what users give: every outcome is a result or a documented
error of the WWCError family, never anything else.

evaluate() and Evaluation.from_dict() are fuzzed in tests/evaluation/test_properties.py; here
are the file readers (load_assessment, load_standard, load_guidance) and the command line, on
random bytes and on mutations of real files; the command line also on random words and on
well-formed command lines of every command (valid and hostile values, in a folder of files).
tests/fuzz_counts.py counts the outcomes of many more inputs. Run with more examples locally, for
example
``HYPOTHESIS_PROFILE=ci python -m pytest tests/test_fuzz.py``; CI runs them derandomized.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import wwc_standard as wwc
from wwc_standard.cli.program import main
from wwc_standard.errors import UnreadableFile

PACKAGE = resources.files("wwc_standard")
EXAMPLE = PACKAGE.joinpath("examples/exampleton.json").read_text("utf-8")
REVISION = PACKAGE.joinpath("standards/2023.toml").read_text("utf-8")
GUIDANCE = PACKAGE.joinpath("guidance/effort.toml").read_text("utf-8")

#: Slow enough per example (a file written, read and built) to trip hypothesis's health check.
FILES = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutations(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few random edits: a span deleted, text inserted, a span duplicated."""
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        if not text:
            break
        start = draw(st.integers(min_value=0, max_value=len(text) - 1))
        end = draw(st.integers(min_value=start, max_value=min(len(text), start + 40)))
        kind = draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if kind == "delete":
            text = text[:start] + text[end:]
        elif kind == "insert":
            piece = draw(
                st.text(max_size=12)
                | st.sampled_from(['"', "[", "]", "{", "}", "=", ",", "\n", "[[", "true", "1e999"])
            )
            text = text[:start] + piece + text[start:]
        else:
            text = text[:end] + text[start:end] + text[end:]
    return text


@contextlib.contextmanager
def a_file(content: bytes, suffix: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        yield path


def outcome(call: Callable[[], Any]) -> str:
    """What a call gave: a value, or the name of the documented error it raised. Anything
    else (a TypeError, a RecursionError...) propagates and fails the test."""
    error: wwc.WWCError | None = None
    try:
        call()
    except wwc.WWCError as raised:
        error = raised
    if error is None:
        return "value"
    assert error.problems, type(error).__name__
    for problem in error.problems:
        assert problem.code
        assert str(problem.message)
    return type(error).__name__


CONTENT = st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8"))


@FILES
@given(
    content=CONTENT | mutations(EXAMPLE).map(str.encode), suffix=st.sampled_from([".json", ".toml"])
)
def test_load_assessment_of_anything(content: bytes, suffix: str) -> None:
    with a_file(content, suffix) as path:
        assert outcome(lambda: wwc.load_assessment(path)) in {"value", "AssessmentError"}


@FILES
@given(content=CONTENT | mutations(REVISION).map(str.encode))
def test_load_standard_of_anything(content: bytes) -> None:
    with a_file(content, ".toml") as path:
        assert outcome(lambda: wwc.load_standard(path)) in {"value", "InvalidStandard"}


@FILES
@given(content=CONTENT | mutations(GUIDANCE).map(str.encode))
def test_load_guidance_of_anything(content: bytes) -> None:
    with a_file(content, ".toml") as path:
        assert outcome(lambda: wwc.load_guidance(path)) in {"value", "InvalidGuidance"}


WORDS = st.sampled_from(
    [
        "evaluate", "standards", "roadmap", "what-if", "path", "diff", "migrate", "report",
        "completion", "bash", "--cohort", "--roadmap", "--fail-under", "-", "html", "markdown",
        "--example", "--format", "json", "text", "--locale", "es", "fr", "pt_BR", "de",
        "--standard", "2024", "2018", "2042", "--meet", "DM1", "--unmeet", "DM99", "--to",
        "gold", "platinum", "none", "--capacity", "3", "-1", "inf", "--effort", "DM1=2",
        ",", "", "--item", "DG1.a=true", "--require-evidence", "--target", "silver",
    ]
)  # fmt: skip


@given(argv=st.lists(WORDS | st.text(max_size=6), max_size=7))
def test_the_command_line_with_any_arguments(argv: list[str]) -> None:
    """Exit 0, 1 or 2 and never a traceback; argparse's own usage errors exit 2 too."""
    out, err = io.StringIO(), io.StringIO()
    try:
        # Standard input holds the example: "-" reads it.
        stdin = io.BytesIO(EXAMPLE.encode("utf-8"))
        code = main([a for a in argv if a != "-o"], out=out, err=err, stdin=stdin)
    except SystemExit as leaving:  # argparse: usage errors and --help, --version
        code = leaving.code if isinstance(leaving.code, int) else 2
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()


# -- well-formed command lines ----------------------------------------------------------------
#
# Random words almost never make a command line argparse accepts. These are well-formed ones: a
# command, then options of that command in any order, each with a value drawn from valid values
# and hostile ones. Every command runs in a fresh temporary folder holding the files below, and
# every path on the command line is relative to it with no separator: nothing is read or written
# outside it (-o included), and nothing that could block (a FIFO, a terminal) is named.

#: The example assessment, pinned to 2024.
EXAMPLE_DATA: dict[str, Any] = json.loads(EXAMPLE)
#: A custom revision that extends 2024 with a checklist (DM2) and a prerequisite (DM3 on DM2).
RUBRIC = """\
schema = 1
version = "2024-rubric"
extends = "2024"
title = "2024 with a checklist and a prerequisite"
changes = ["DM2 gets a checklist (2 of 3).", "DM3 requires DM2 first."]

[[sources]]
key = "rubric"
title = "A rubric made up for the tests"

[[amend_criteria]]
id = "DM2"
checklist = { required = 2, items = [
    { id = "a", text = "Item a" },
    { id = "b", text = "Item b" },
    { id = "c", text = "Item c" },
], provenance = { basis = "read", sources = ["rubric"] } }

[[amend_criteria]]
id = "DM3"
prerequisites = ["DM2"]
"""
#: The files every fuzzed command line finds in its folder (name: content).
FOLDER_FILES: dict[str, str] = {
    "city.json": EXAMPLE,
    "city.toml": tomli_w.dumps(EXAMPLE_DATA),
    "plain.json": json.dumps(  # no pin: evaluated against any revision given
        {k: v for k, v in EXAMPLE_DATA.items() if k not in ("standard", "fingerprint")}
    ),
    "old.json": json.dumps({"standard": "2021", "answers": {"DG1": "met", "DG2": "unmet"}}),
    "rubric.toml": RUBRIC,
    "revision.toml": REVISION,
}
#: Folders, and links (name: target) in the folder: a symlink, a dangling one, a hard link.
FOLDERS = ("folder", "folder.json", "folder.toml")
SYMLINKS = {"link.json": "plain.json", "dangling.json": "nowhere.json"}
HARD_LINKS = {"linked.json": "city.json"}
#: Files drawn for each command line that names them (mutations of a real file).
MUTATED = {
    "mutated.json": EXAMPLE,
    "mutated.toml": FOLDER_FILES["city.toml"],
    "mutated-rubric.toml": RUBRIC,
}


@attrs.frozen
class CommandLine:
    """A command line, and the content of the mutated files it names (the folder's other files
    are always :data:`FOLDER_FILES`)."""

    argv: list[str]
    mutated: dict[str, str] = attrs.field(factory=dict)
    stdin: bytes = b""
    """What standard input holds (a FILE of ``-`` reads it)."""


@contextlib.contextmanager
def a_folder(mutated: dict[str, str]) -> Iterator[Path]:
    """Run in a fresh temporary folder holding the files of :data:`FOLDER_FILES`, ``mutated``,
    :data:`FOLDERS`, :data:`SYMLINKS` and :data:`HARD_LINKS`."""
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for file, content in {**FOLDER_FILES, **mutated}.items():
            (folder / file).write_bytes(content.encode("utf-8", "surrogatepass"))
        for sub in FOLDERS:
            (folder / sub).mkdir()
        for link, target in SYMLINKS.items():
            (folder / link).symlink_to(target)
        for link, target in HARD_LINKS.items():
            os.link(folder / target, folder / link)
        os.chdir(folder)
        try:
            yield folder
        finally:
            os.chdir(here)


def run_command_line(line: CommandLine) -> tuple[int, str, bool]:
    """Run ``line`` in its folder: the exit status, everything written on the error streams
    and the real standard streams (argparse writes its usage errors and help there), and
    whether argparse ended it (SystemExit: a usage error, --help or --version)."""
    out, err, real_out, real_err = io.StringIO(), io.StringIO(), io.StringIO(), io.StringIO()
    parsed = True
    with (
        a_folder(line.mutated),
        contextlib.redirect_stdout(real_out),
        contextlib.redirect_stderr(real_err),
    ):
        try:
            code = main(list(line.argv), out=out, err=err, stdin=io.BytesIO(line.stdin))
        except SystemExit as leaving:  # argparse: usage errors and --help, --version
            code, parsed = (leaving.code if isinstance(leaving.code, int) else 2), False
    return code, err.getvalue() + real_out.getvalue() + real_err.getvalue(), parsed


_SURROGATES = st.sampled_from(["\ud800", "\udfff", "\udc80", "\udcff"])
#: Text that no option expects: empty, blank, control characters, escapes, lone surrogates,
#: huge; never a path separator (a path stays in the command's folder).
HOSTILE = (
    st.sampled_from(
        ["", " ", "\x00", "\x1b[2J", "\r", "\n", "\t", "\x9b", "\x7f", "\ufeff", "é", ",", "=",
         ".", "..", "-", "--", "-1", "9" * 400, "é" * 300, "None", "null"]
    )
    | st.text(alphabet=st.characters().filter(lambda c: c not in "/\\"), max_size=8)
    | st.tuples(st.text(max_size=3), _SURROGATES).map("".join)
)  # fmt: skip


#: Hostile names of files to read or write, with the suffix of a format: past the check of the
#: suffix, up to the system's own (a NUL byte, a lone surrogate, a name too long).
HOSTILE_FILES = st.tuples(HOSTILE, st.sampled_from([".json", ".toml", ".JSON"])).map("".join)


@st.composite
def mostly(
    draw: st.DrawFn,
    valid: list[str],
    odd: list[str],
    hostile: st.SearchStrategy[str] = HOSTILE,
) -> str:
    """A value of ``valid`` four times in five; else one of ``odd`` or a ``hostile`` one."""
    if draw(st.integers(0, 4)) < 4:
        return draw(st.sampled_from(valid))
    return draw(st.sampled_from(odd) | hostile if odd else hostile)


COMPLETE = [version for version in wwc.standards() if wwc.standard(version).complete]
LOCALES = mostly(["en", "es", "pt_BR", "fr", "es_AR", "pt", "fr_CA"], ["de", "EN", "x", "es-"])
#: Revisions to evaluate against or to migrate to (a version or a file).
VERSIONS = mostly(
    [*COMPLETE, "2024", "2024", "rubric.toml", "revision.toml"],
    [*wwc.standards(), "mutated-rubric.toml", "missing.toml", "folder.toml", "folder",
     "city.json", "2042", "latest", "rubric"],
    HOSTILE | HOSTILE_FILES,
)  # fmt: skip
#: Assessments to read.
SOURCES = mostly(
    ["city.json", "city.toml", "plain.json", "link.json", "linked.json"],
    ["old.json", "mutated.json", "mutated.toml", "missing.json", "dangling.json", "folder.json",
     "folder", "city.yaml", "rubric.toml", "mutated.json", "mutated.toml"],
    HOSTILE | HOSTILE_FILES,
)  # fmt: skip
#: Files for migrate -o: new, existing, links, folders, other suffixes, hostile names.
OUTPUTS = mostly(
    ["new.json", "new.toml", "NEW.JSON", "-"],
    ["city.json", "plain.json", "old.json", "link.json", "dangling.json", "linked.json",
     "folder", "folder.json", "new.yaml", "new", "."],
    HOSTILE | HOSTILE_FILES,
)  # fmt: skip
IDS = mostly([c.id for c in wwc.standard("2024").criteria], ["DG1", "dm1", "DM99", "DM", "outcome"])
NUMBERS = mostly(
    ["0", "0.5", "1", "2", "3", "6", "12", "40", "inf", "1e3"],
    ["-1", "-0", "-inf", "nan", "1e308", "1e-320", "1e999", "9" * 40, "9" * 400, "0x10",
     "1_000", " 3 ", "\u0663", "Infinity", "3 weeks", str(2**64), "-1e308"],
) | st.floats().map(repr)  # fmt: skip
TIERS = mostly(["silver", "gold", "platinum", "Gold"], ["none", "PLATINUM", "bronze", "None"])
ITEMS = st.tuples(
    mostly(["DM2"], ["DM1", "DG1", "DM99"]) | IDS,
    mostly(["a", "b", "c"], ["d", "", "A"]),
    mostly(["true", "false", "unknown", "TRUE"], ["maybe", "", "1", "yes"]),
).map(lambda t: f"{t[0]}.{t[1]}={t[2]}")
EFFORTS = st.tuples(IDS, NUMBERS).map("=".join)
FORMATS = mostly(["text", "json"], ["JSON", "toml"])
REPORT_FORMATS = mostly(["html", "markdown"], ["HTML", "md", "text", "json"])
#: Files for report -o: new, existing, links, folders, hostile names.
REPORT_OUTPUTS = mostly(
    ["new.html", "new.md", "NEW.MARKDOWN", "-", "report"],
    ["city.json", "plain.json", "link.json", "dangling.json", "linked.json", "folder",
     "folder.json", "."],
    HOSTILE | HOSTILE_FILES,
)  # fmt: skip
SHELLS = mostly(["bash", "zsh", "tcsh"], ["fish", "BASH", "sh", ""])
#: What standard input holds: the example (as JSON or TOML), or anything.
STDIN = (
    st.sampled_from([EXAMPLE, FOLDER_FILES["city.toml"], FOLDER_FILES["plain.json"]]).map(
        lambda text: text.encode("utf-8")
    )
    | st.binary(max_size=200)
    | st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass"))
)


def some(values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A value, or a comma-separated list of values."""
    return values | st.lists(values, min_size=2, max_size=3).map(",".join)


@st.composite
def option(draw: st.DrawFn, name: str, values: st.SearchStrategy[str]) -> list[str]:
    """``--name value`` or ``--name=value`` (always the latter for a value that starts with a
    dash, which argparse would take for an option)."""
    value = draw(values)
    if value.startswith("-") or draw(st.booleans()):
        return [f"{name}={value}"]
    return [name, value]


def positional(values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """A positional argument (not one that starts with a dash, which argparse would take for an
    option)."""
    return values.filter(lambda value: not value.startswith("-")).map(lambda value: [value])


def _source(draw: st.DrawFn) -> list[list[str]]:
    """``FILE`` or ``--example`` (rarely both, or neither) and maybe ``--standard``."""
    kind = draw(st.sampled_from(["example", "file"] * 5 + ["stdin"] * 2 + ["both", "neither"]))
    chunks = []
    if kind in ("example", "both"):
        chunks.append(["--example"])
    if kind in ("file", "both"):
        chunks.append(draw(positional(SOURCES)))
    if kind == "stdin":
        chunks.append(["-"])
    if draw(st.integers(0, 3)) == 3:
        chunks.append(draw(option("--standard", VERSIONS)))
    return chunks


#: Words that make a usage error, the help or the version: a command line that is only nearly
#: well-formed now and then.
NOISE = WORDS | HOSTILE | st.sampled_from(["--help", "-h", "--version", "--", "--bogus"])


@st.composite
def command_lines(draw: st.DrawFn) -> CommandLine:
    """A well-formed command line (one in twenty with a word of noise), and the mutated files
    it names."""
    commands = ["evaluate", "standards", "roadmap", "what-if", "path", "diff", "migrate"]
    commands += ["completion", "report", "report"]
    command = draw(st.sampled_from(commands))
    chunks: list[list[str]] = []

    def maybe(chunk: st.SearchStrategy[list[str]]) -> None:
        if draw(st.booleans()):
            chunks.append(draw(chunk))

    if command in ("evaluate", "roadmap", "what-if", "path") or (
        command == "report" and draw(st.integers(0, 3)) < 3
    ):
        chunks += _source(draw)
        maybe(st.just(["--require-evidence"]))
    elif command == "report":  # a cohort: files (a "-" reads standard input), never an option
        cities = mostly(["city.json", "plain.json", "city.toml", "-"], []) | SOURCES
        names = draw(st.lists(cities.filter(lambda name: name == "-" or name[:1] != "-"),
                              min_size=1, max_size=3))  # fmt: skip
        chunks.append(["--cohort", *names])
        maybe(option("--standard", VERSIONS))
    if command == "evaluate":
        maybe(option("--fail-under", TIERS))
    if command == "report":
        maybe(option("--format", REPORT_FORMATS))
        maybe(option(draw(st.sampled_from(["-o", "--output"])), REPORT_OUTPUTS))
        maybe(st.just(["--force"]))
        maybe(st.just(["--roadmap"]))
    if command == "completion" and draw(st.integers(0, 19)) < 19:
        chunks.append(draw(positional(SHELLS)))
    if command == "roadmap":
        maybe(option("--capacity", NUMBERS))
        maybe(option("--target", TIERS))
    if command in ("roadmap", "path"):
        for _ in range(draw(st.integers(0, 2))):
            chunks.append(draw(option("--effort", some(EFFORTS))))
    if command == "path" and draw(st.integers(0, 19)) < 19:
        chunks.append(draw(option("--to", TIERS)))
    if command == "what-if":
        for name, values in (("--meet", IDS), ("--unmeet", IDS), ("--item", ITEMS)):
            for _ in range(draw(st.integers(0, 2))):
                chunks.append(draw(option(name, some(values))))
    if command == "diff":
        chunks += [draw(positional(VERSIONS)), draw(positional(VERSIONS))]
    if command == "migrate":
        source = mostly(["old.json", "city.json", "city.toml", "plain.json", "link.json"], [])
        chunks.append(draw(positional(source | SOURCES)))
        chunks.append(draw(option("--to", VERSIONS)))
        maybe(option("--from", VERSIONS))
        if draw(st.integers(0, 19)) < 19:
            chunks.append(draw(option(draw(st.sampled_from(["-o", "--output"])), OUTPUTS)))
        maybe(st.just(["--force"]))
    if command not in ("report", "completion"):
        maybe(option("--format", FORMATS))
    maybe(option("--locale", LOCALES))
    chunks = draw(st.permutations(chunks))
    argv = [command, *(word for chunk in chunks for word in chunk)]
    if draw(st.integers(0, 3)) == 3:  # --locale before the command
        argv = [*draw(option("--locale", LOCALES)), *argv]
    if draw(st.integers(0, 19)) == 19:  # a word of noise
        argv.insert(draw(st.integers(0, len(argv))), draw(NOISE))
    named = [name for name in MUTATED if any(name in word for word in argv)]
    mutated = {name: draw(mutations(MUTATED[name])) for name in named}
    return CommandLine(argv, mutated, draw(STDIN) if "-" in argv else b"")


@FILES
@given(line=command_lines())
# A path the system cannot take (a NUL byte, a lone surrogate) to read, or for migrate to write:
# a ValueError escaped, now unreadable-file and unwritable.
@example(CommandLine(["evaluate", "\x00.json"]))
@example(CommandLine(["evaluate", "--example", "--standard", "\ud800.toml", "--locale", "fr"]))
@example(CommandLine(["diff", "2024", "\x00.toml"]))
@example(CommandLine(["migrate", "a\udfff.json", "--to", "2024", "-o", "new.json"]))
@example(CommandLine(["migrate", "old.json", "--to", "2024", "-o", "\x00.json"]))
@example(CommandLine(["migrate", "old.json", "--to", "2024", "--output=\ud800.toml", "--force"]))
@example(CommandLine(["migrate", "\x00", "--to", "2024", "-o", "new.toml"]))
# "--" as the explicit value of an option of one value: argparse (before Python 3.13) gave []
# instead of a string, an AttributeError or a TypeError in the command; now the value "--".
@example(CommandLine(["what-if", "linked.json", "--format=json", "--meet=--"]))
@example(CommandLine(["what-if", "--example", "--unmeet", "DM4", "--standard=--"]))
@example(CommandLine(["roadmap", "--example", "--capacity=--", "--target=--", "--effort=--"]))
@example(CommandLine(["path", "--example", "--to=--", "--locale=--"]))
@example(CommandLine(["--locale=--", "migrate", "old.json", "--to=--", "--from=--", "-o--"]))
@example(CommandLine(["standards", "--format=--"]))
# Standard input, reports and CI options (issue 13).
@example(CommandLine(["report", "--cohort", "-", "city.json", "--roadmap"], stdin=b"{"))
@example(CommandLine(["report", "-", "-o", "\x00.html"], stdin=b"\xff\xfe"))
@example(CommandLine(["report", "--cohort", "-", "-", "-o", "city.json"], stdin=b"[x]"))
@example(CommandLine(["evaluate", "-", "--fail-under=--", "--format=json"], stdin=b"[" * 300))
@example(CommandLine(["migrate", "-", "--to", "2024", "-o", "-"], stdin=b"a = 1"))
@example(CommandLine(["completion", "tcsh", "--locale", "fr"]))
def test_every_command_with_valid_and_hostile_options(line: CommandLine) -> None:
    """Exit 0, 1 or 2 and never a traceback, on the error streams or the real ones."""
    code, written, _ = run_command_line(line)
    assert code in (0, 1, 2)
    assert "Traceback" not in written


@pytest.mark.parametrize("name", ["\x00.json", "a\udfff.toml", "\ud800\x00.json"])
@pytest.mark.parametrize("load", [wwc.load_assessment, wwc.load_standard, wwc.load_guidance])
def test_a_path_no_file_can_have_is_unreadable(load: Callable[[str], Any], name: str) -> None:
    """A NUL byte or a lone surrogate in a path: UnreadableFile (an OSError of the family),
    not the ValueError of open()."""
    with pytest.raises(UnreadableFile) as raised:
        load(name)
    assert [problem.code for problem in raised.value.problems] == ["unreadable-file"]
    assert raised.value.filename == name


def test_a_migrate_output_no_file_can_have_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "old.json"
    source.write_text(FOLDER_FILES["old.json"], "utf-8")
    for output in ("\x00.json", "a\udfff.toml"):
        out, err = io.StringIO(), io.StringIO()
        code = main(["migrate", str(source), "--to", "2024", "-o", output], out=out, err=err)
        assert (code, out.getvalue()) == (2, "")
        assert err.getvalue().endswith("[unwritable]\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.json"]
