"""``wwc-standard report``: the HTML or Markdown report of one city, or of a cohort of cities.

::

    wwc-standard report FILE|--example|- [--format html|markdown] [-o PATH] [--force] [--roadmap]
    wwc-standard report --cohort FILE... [--format html|markdown] [-o PATH] [--force]

The report is the library's own (``Evaluation.to_html`` / ``to_markdown``, ``Cohort.to_html`` /
``to_markdown``); this module only reads the inputs and writes the output. Without ``-o`` (or
with ``-o -``) the report goes to standard output. A file is written as ``migrate`` writes one:
atomically (a temporary file in the same folder, then ``os.replace``), never over an input,
never over an existing file without ``--force``, only over a regular file with no other hard
links, and through a symbolic link to the file it points to.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Sequence
from typing import Any, Protocol, cast

import attrs

from wwc_standard.errors import AssessmentError, Problem, WWCError
from wwc_standard.evaluation.engine import evaluate
from wwc_standard.i18n.messages import N_, Message

from .files import Refusals, check_output, unwritable, write_atomically
from .options import (
    STDIN,
    add_assessment_source,
    add_evidence_option,
    assessment_data,
    chosen_standard,
    read_input,
    shared_options,
)
from .output import Output
from .revisions import STDOUT

__all__ = ["FORMATS", "add_report_command", "report_format"]

FORMATS = ("html", "markdown")
"""The formats of a report; HTML is the default, Markdown is chosen by ``--format markdown``
or by an ``-o`` ending in ``.md`` or ``.markdown``."""

_MARKDOWN_SUFFIXES = (".md", ".markdown")


class _CityReport(Protocol):
    """What this command asks of an ``Evaluation``: its two reports (issue 13)."""

    def to_html(self, locale: str = "en", roadmap: bool = False) -> str: ...

    def to_markdown(self, locale: str = "en", roadmap: bool = False) -> str: ...


class _CohortReport(Protocol):
    """What this command asks of a ``Cohort``: its two reports (issue 13)."""

    def to_html(self, locale: str = "en") -> str: ...

    def to_markdown(self, locale: str = "en") -> str: ...


def add_report_command(commands: Any, locale: str = "en") -> None:
    """Register ``report`` on the subparsers ``commands``, its help worded in ``locale``."""
    report = shared_options(
        commands.add_parser(
            "report",
            help=Message("write the HTML or Markdown report of a city or a cohort").render(locale),
            description=Message(
                "Write the report of an assessment (or, with --cohort, of several cities) as a "
                "self-contained HTML page or as Markdown, to standard output or to a file."
            ).render(locale),
        ),
        locale,
    )
    source = add_assessment_source(report, locale)
    source.add_argument(
        "--cohort",
        nargs="+",
        metavar="FILE",
        help=Message(
            "the report of a cohort: one assessment file per city (- for standard input, once)"
        ).render(locale),
    )
    report.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help=Message(
            "html (default) or markdown; without it, an -o ending in .md or .markdown gives "
            "markdown"
        ).render(locale),
    )
    report.add_argument(
        "-o",
        "--output",
        default=STDOUT,
        metavar="PATH",
        help=Message("where to write the report (default: -, standard output)").render(locale),
    )
    report.add_argument(
        "--force", action="store_true", help=Message("overwrite PATH if it exists").render(locale)
    )
    report.add_argument(
        "--roadmap",
        action="store_true",
        help=Message("add the 3, 6 and 12-month roadmap (one city only)").render(locale),
    )
    add_evidence_option(report, locale)
    report.set_defaults(run=_report)


def report_format(chosen: str | None, output: str) -> str:
    """The format of the report: ``chosen`` (``--format``), else Markdown for an output named
    ``.md`` or ``.markdown``, else HTML.

    >>> report_format(None, "-"), report_format(None, "out/city.MD"), report_format("html", "a.md")
    ('html', 'markdown', 'html')
    """
    if chosen is not None:
        return chosen
    if output != STDOUT and os.path.splitext(output)[1].lower() in _MARKDOWN_SUFFIXES:
        return "markdown"
    return "html"


# How a report words the refusals of an output (the rules are cli.files').
_REFUSALS = Refusals(
    is_input=N_("{output} is an input of the report; a report never overwrites its input"),
    is_input_hint=Message("write the report to another file"),
    through_link_hint=Message(
        "a report is written through a symbolic link only to an existing file"
    ),
    only_regular_hint=Message("a report replaces only regular files"),
)


# A problem of the n-th assessment of evaluate_many: "[3].answers.DM99", "[3]".
_POSITION = re.compile(r"\A\[(\d+)\]\.?")


def _in_file(problem: Problem, name: str, rest: str | None = None) -> Problem:
    """``problem`` with its path prefixed by the file it was found in (``a.json:answers.X``)."""
    path = problem.path if rest is None else rest
    return attrs.evolve(problem, path=f"{name}:{path}" if path else name)


def _cohort(args: argparse.Namespace) -> _CohortReport:
    """The cohort of every ``--cohort`` file, evaluated; the problems of all files at once,
    each path prefixed with its file."""
    # Cohorts on first use: the other commands never need them.
    from wwc_standard.evaluation.cohort import evaluate_many

    names: Sequence[str] = args.cohort
    problems: list[Problem] = []
    if sum(name == STDIN for name in names) > 1:
        problems.append(
            Problem.of(
                "--cohort",
                "repeated-stdin",
                Message("standard input (-) can be read only once"),
                hint=Message("give - once, and the other cities as files"),
            )
        )
        raise AssessmentError(problems)
    datas = []
    for name in names:
        try:
            datas.append(read_input(name, args))
        except WWCError as error:
            problems.extend(_in_file(problem, name) for problem in error.problems or ())
    if problems:
        raise AssessmentError(problems)
    try:
        cohort = evaluate_many(datas, chosen_standard(args), require_evidence=args.require_evidence)
        return cast(_CohortReport, cohort)
    except AssessmentError as error:
        renamed = []
        for problem in error.problems:
            match = _POSITION.match(problem.path)
            if match is None:
                renamed.append(problem)
            else:
                index = int(match.group(1))
                renamed.append(_in_file(problem, names[index], problem.path[match.end() :]))
        raise AssessmentError(renamed) from None


def _report(args: argparse.Namespace, out: Output) -> int:
    kind = report_format(args.format, args.output)
    if args.cohort is not None and args.roadmap:
        raise AssessmentError(
            [
                Problem.of(
                    "--roadmap",
                    "invalid-option",
                    Message("--roadmap is for the report of one city, not of a cohort"),
                    hint=Message("leave --roadmap out, or report one city"),
                )
            ]
        )
    # pathlib when a report is made, not on every start of the CLI (start-up time).
    from pathlib import Path

    inputs = [
        Path(name) for name in (args.cohort or ([args.file] if args.file else [])) if name != STDIN
    ]
    target = None
    if args.output != STDOUT:
        # Checked before the inputs are read: a refused output costs no evaluation.
        target = check_output(inputs, Path(args.output), args.force, _REFUSALS)
    if args.cohort is not None:
        cohort = _cohort(args)
        if kind == "html":
            text = cohort.to_html(locale=args.locale)
        else:
            text = cohort.to_markdown(locale=args.locale)
    else:
        evaluation = evaluate(
            assessment_data(args), chosen_standard(args), require_evidence=args.require_evidence
        )
        result = cast(_CityReport, evaluation)
        if kind == "html":
            text = result.to_html(locale=args.locale, roadmap=args.roadmap)
        else:
            text = result.to_markdown(locale=args.locale, roadmap=args.roadmap)
    if not text.endswith("\n"):
        text += "\n"
    if target is None:
        out.write(text)
        return 0
    try:
        write_atomically(target, text)
    except (OSError, ValueError) as error:  # ValueError: a name the system cannot take
        raise unwritable(Path(args.output), error) from None
    return 0
