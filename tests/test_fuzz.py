"""Fuzzing the entry points that read what users give: every outcome is a result or a documented
error of the WWCError family, never anything else.

evaluate() and Evaluation.from_dict() are fuzzed in tests/evaluation/test_properties.py; here
are the file readers (load_assessment, load_standard, load_guidance) and the command line, on
random bytes and on mutations of real files. Run with more examples locally, for example
``HYPOTHESIS_PROFILE=ci python -m pytest tests/test_fuzz.py``; CI runs them derandomized.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wwc_standard as wwc
from wwc_standard.cli.program import main

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
        "evaluate", "standards", "roadmap", "what-if", "path", "diff", "migrate",
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
        code = main([a for a in argv if a != "-o"], out=out, err=err)
    except SystemExit as leaving:  # argparse: usage errors and --help, --version
        code = leaving.code if isinstance(leaving.code, int) else 2
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
