"""Count what the fuzzed entry points give: the fuzz report of the entry points that read what
users give (every outcome must be a value or a documented error, never anything else).

The tests in tests/test_fuzz.py and tests/evaluation/test_properties.py fail on the first input
outside the documented errors; this script runs the same strategies for many more inputs and
counts every outcome instead of stopping, so the report can say how many inputs were tried and
how many fell outside (the target is 0). Run from the root of the checkout::

    .venv/bin/python tests/fuzz_counts.py --examples 10000             # every entry point
    .venv/bin/python tests/fuzz_counts.py --examples 10000 evaluate cli

The entry point ``cli`` stands for its two strategies, counted apart: ``cli-words`` (random
words, which argparse mostly refuses) and ``cli-commands`` (well-formed command lines of every
command, with valid and hostile values, each run in a folder of files it may name).

The entry points, and the outcomes each one documents:

- ``evaluate``: a value or AssessmentError;
- ``load_assessment``: a value or AssessmentError;
- ``load_standard``: a value or InvalidStandard;
- ``load_guidance``: a value or InvalidGuidance;
- ``from_dict`` (``Evaluation.from_dict``): a value or an error of the WWCError family;
- ``cli-words`` and ``cli-commands`` (``wwc_standard.cli.program.main``): exit status 0, 1 or
  2, no traceback on the error stream nor on the real standard streams (for ``cli-commands``,
  the outcomes are also counted per command, with exit 2 told apart: a usage error of argparse,
  or a problem).

An error of the family must carry problems, each with a code and a message. Anything else (any
other exception, an error without problems, another exit status, a traceback) is "outside";
the first few such inputs are printed. The exit status is 1 when any input fell outside.
Examples are random on every run (no seed, no example database).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# tests/ and tests/evaluation are not packages: import the suite's strategies from there.
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE / "evaluation")]

from test_properties import _RECORD_LIKE, ANY_REVISION  # noqa: E402

import wwc_standard as wwc  # noqa: E402
from strategies import assessment_like, json_values  # noqa: E402
from test_fuzz import (  # noqa: E402
    CONTENT,
    EXAMPLE,
    GUIDANCE,
    REVISION,
    WORDS,
    CommandLine,
    a_file,
    command_lines,
    mutations,
    run_command_line,
)
from wwc_standard.cli.program import main  # noqa: E402

#: How many inputs outside the documented outcomes are kept to print, per entry point: the first
#: of each cause (the exception and where it was raised).
KEEP = 5
#: How much of the repr of an input is printed.
SHOWN = 300


class Outside(Exception):
    """An outcome outside the documented ones that is not an exception of its own."""


#: What a call gives: an outcome, or an outcome and a finer detail (counted in a second table).
Outcome = str | tuple[str, str]


def documented(call: Callable[[], Any], error_class: type[wwc.WWCError]) -> str:
    """The outcome of ``call``: "value", or the name of the documented error it raised. Any
    other exception propagates; a documented error without problems, codes or messages raises
    Outside."""
    try:
        call()
    except error_class as error:
        if not error.problems:
            raise Outside(f"{type(error).__name__} without problems: {error}") from error
        for problem in error.problems:
            if not problem.code or not str(problem.message):
                raise Outside(f"{type(error).__name__} with a bare problem: {problem!r}") from error
        return type(error).__name__
    return "value"


# -- the entry points: what each one is given, and what it gives ----------------------------

#: For evaluate: a revision (shipped or hand-built) with a value near its assessment format or
#: any JSON-like value; or no revision (the pin, else the newest) with a value near 2023's.
EVALUATE_INPUTS = ANY_REVISION.flatmap(
    lambda revision: st.tuples(st.just(revision), assessment_like(revision) | json_values())
) | st.tuples(st.none(), assessment_like(wwc.standard("2023")) | json_values())


def run_evaluate(case: tuple[wwc.Standard | None, Any]) -> str:
    value, revision = case[1], case[0]
    return documented(lambda: wwc.evaluate(value, revision), wwc.AssessmentError)


def run_load_assessment(case: tuple[bytes, str]) -> str:
    content, suffix = case
    with a_file(content, suffix) as path:
        return documented(lambda: wwc.load_assessment(path), wwc.AssessmentError)


def run_load_standard(content: bytes) -> str:
    with a_file(content, ".toml") as path:
        return documented(lambda: wwc.load_standard(path), wwc.InvalidStandard)


def run_load_guidance(content: bytes) -> str:
    with a_file(content, ".toml") as path:
        return documented(lambda: wwc.load_guidance(path), wwc.InvalidGuidance)


def run_from_dict(value: Any) -> str:
    return documented(lambda: wwc.Evaluation.from_dict(value), wwc.WWCError)


@contextlib.contextmanager
def an_empty_folder() -> Iterator[None]:
    """Run in an empty temporary folder: a command line may name files to read or write."""
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            yield
        finally:
            os.chdir(here)


def run_cli(argv: list[str]) -> str:
    """The exit status, "exit 0", "exit 1" or "exit 2". argparse writes its usage errors and help to
    sys.stderr and sys.stdout, so those are caught (and checked for tracebacks) too."""
    out, err = io.StringIO(), io.StringIO()
    with an_empty_folder(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([a for a in argv if a != "-o"], out=out, err=err)
        except SystemExit as leaving:  # argparse: usage errors and --help, --version
            code = leaving.code if isinstance(leaving.code, int) else 2
    if "Traceback" in err.getvalue():
        raise Outside(f"exit {code} with a traceback: {err.getvalue()[-SHOWN:]}")
    if code not in (0, 1, 2):
        raise Outside(f"exit {code}: {err.getvalue()[-SHOWN:]}")
    return f"exit {code}"


def run_cli_command(line: CommandLine) -> tuple[str, str]:
    """The exit status of a well-formed command line, and the command with the exit status
    (exit 2 told apart: usage, when argparse refused the command line, or problem)."""
    code, written, parsed = run_command_line(line)
    if "Traceback" in written:
        raise Outside(f"exit {code} with a traceback: {written[-SHOWN:]}")
    if code not in (0, 1, 2):
        raise Outside(f"exit {code}: {written[-SHOWN:]}")
    command = next((word for word in line.argv if word in COMMANDS), "(no command)")
    kind = "" if code != 2 else " (problem)" if parsed else " (usage)"
    return f"exit {code}", f"{command}: exit {code}{kind}"


COMMANDS = ("evaluate", "standards", "roadmap", "what-if", "path", "diff", "migrate")


#: name: (the strategy of the test suite, the call that classifies one input).
ENTRY_POINTS: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], Outcome]]] = {
    "evaluate": (EVALUATE_INPUTS, run_evaluate),
    "load_assessment": (
        st.tuples(
            CONTENT | mutations(EXAMPLE).map(str.encode), st.sampled_from([".json", ".toml"])
        ),
        run_load_assessment,
    ),
    "load_standard": (CONTENT | mutations(REVISION).map(str.encode), run_load_standard),
    "load_guidance": (CONTENT | mutations(GUIDANCE).map(str.encode), run_load_guidance),
    "from_dict": (_RECORD_LIKE | json_values(), run_from_dict),
    "cli-words": (st.lists(WORDS | st.text(max_size=6), max_size=7), run_cli),
    "cli-commands": (command_lines(), run_cli_command),
}
#: Names that stand for several entry points.
GROUPS = {"cli": ["cli-words", "cli-commands"]}


def count(name: str, examples: int) -> tuple[Counter[str], Counter[str], list[tuple[str, str]]]:
    """Run ``examples`` inputs through entry point ``name``: the count of each outcome, the
    count of each detail (for the entry points that give one), and the first few inputs outside
    the documented ones (the input, what happened)."""
    inputs, call = ENTRY_POINTS[name]
    outcomes: Counter[str] = Counter()
    details: Counter[str] = Counter()
    outside: list[tuple[str, str]] = []
    causes: set[str] = set()

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs)
    def trial(value: Any) -> None:
        try:
            outcome = call(value)
        except Exception as error:  # what this script counts: anything undocumented
            outcomes["outside"] += 1
            where = traceback.extract_tb(error.__traceback__)[-1]
            cause = f"{type(error).__name__} at {Path(where.filename).name}:{where.lineno}"
            if len(outside) < KEEP and cause not in causes:  # the first input of each cause
                causes.add(cause)
                shown = repr(value)
                if len(shown) > SHOWN:
                    shown = shown[:SHOWN] + "..."
                outside.append((shown, f"{cause}: {error}"[:SHOWN]))
            return
        if isinstance(outcome, tuple):
            outcome, detail = outcome
            details[detail] += 1
        outcomes[outcome] += 1

    trial()
    return outcomes, details, outside


def report(name: str, examples: int) -> int:
    """Print the table of ``name``; return how many inputs fell outside."""
    started = time.monotonic()
    outcomes, details, outside = count(name, examples)
    seconds = time.monotonic() - started
    tried = sum(outcomes.values())
    print(f"{name}: {tried} inputs tried in {seconds:.0f} s")
    print(f"  {'outcome':<20} {'count':>8}")
    for outcome, number in sorted(outcomes.items()):
        if outcome != "outside":
            print(f"  {outcome:<20} {number:>8}")
    print(f"  {'outside':<20} {outcomes['outside']:>8}")
    if details:
        width = max(map(len, details))
        print(f"  {'detail':<{width}} {'count':>8}")
        for detail, number in sorted(details.items()):
            print(f"  {detail:<{width}} {number:>8}")
    for shown, what in outside:
        print(f"  - input: {shown}\n    gave:  {what}")
    print(flush=True)
    return outcomes["outside"]


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--examples", type=int, default=10_000, help="inputs per entry point")
    parser.add_argument(
        "entries",
        nargs="*",
        metavar="entry",
        help=f"entry points to fuzz (default: all): {', '.join([*ENTRY_POINTS, *GROUPS])}",
    )
    arguments = parser.parse_args()
    arguments.entries = [entry for name in arguments.entries for entry in GROUPS.get(name, [name])]
    unknown = [name for name in arguments.entries if name not in ENTRY_POINTS]
    if unknown:
        parser.error(f"unknown entry points: {', '.join(unknown)}")
    return arguments


if __name__ == "__main__":
    arguments = parse()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}\n")
    total = sum(report(name, arguments.examples) for name in arguments.entries or ENTRY_POINTS)
    sys.exit(1 if total else 0)
