"""The command line: ``wwc-standard`` and ``python -m wwc_standard``.

Problems with the input are printed one per line on standard error, with their path, code and
hint, and the exit status is 2; a traceback is never shown for them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from ._version import __version__
from .errors import WWCError

__all__ = ["main"]

EXIT_PROBLEM = 2


class _Unreadable(Exception):
    """An input file that cannot be read (missing, a directory, no permission)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wwc-standard",
        description=(
            "Evaluate a city's answers against the What Works Cities Certification standard."
        ),
    )
    parser.add_argument("--version", action="version", version=f"wwc-standard {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    evaluate = commands.add_parser(
        "evaluate",
        help="evaluate an assessment file (JSON or TOML)",
        description="Evaluate an assessment and print the tier, the points and every gap.",
    )
    source = evaluate.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="the assessment, .json or .toml")
    source.add_argument(
        "--example",
        action="store_true",
        help="evaluate the bundled example assessment (a fictional city)",
    )
    evaluate.add_argument(
        "--standard",
        metavar="VERSION",
        help="the revision to evaluate against (default: the file's pin, else the newest)",
    )
    evaluate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or json for programs",
    )
    evaluate.add_argument(
        "--require-evidence",
        action="store_true",
        help="auditor mode: count met answers only when they carry evidence",
    )

    listing = commands.add_parser(
        "standards",
        help="list the shipped revisions",
        description="List the shipped revisions with their fingerprints.",
    )
    listing.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _evaluate(args: argparse.Namespace, out: TextIO) -> int:
    from ._assessment import read_assessment_data
    from ._evaluate import evaluate
    from ._examples import example_data
    from ._render import render_json, render_text

    try:
        data = example_data() if args.example else read_assessment_data(args.file)
    except OSError as error:
        raise _Unreadable(f"cannot read {args.file}: {error.strerror or error}") from None
    result = evaluate(data, args.standard, require_evidence=args.require_evidence)
    out.write((render_json(result) if args.format == "json" else render_text(result)) + "\n")
    return 0


def _standards(args: argparse.Namespace, out: TextIO) -> int:
    from ._registry import standard, standards

    rows = [standard(version) for version in standards()]
    if args.format == "json":
        out.write(
            json.dumps(
                [
                    {
                        "version": s.version,
                        "title": s.title,
                        "in_force": s.in_force.start.isoformat(),
                        "criteria": s.criteria_count,
                        "complete": s.complete,
                        "fingerprint": s.fingerprint,
                    }
                    for s in rows
                ],
                indent=2,
            )
            + "\n"
        )
    else:
        for s in rows:
            out.write(
                f"{s.version}  from {s.in_force.start.isoformat()}  "
                f"{s.criteria_count} criteria  {s.fingerprint}\n"
            )
    return 0


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    try:
        if args.command == "evaluate":
            return _evaluate(args, out)
        return _standards(args, out)
    except WWCError as error:
        problems = error.problems or ()
        if problems and len(problems) > 1:
            err.write(f"wwc-standard: {len(problems)} problems:\n")
        for problem in problems:
            err.write(f"error: {problem}\n")
        if not problems:
            err.write(f"error: {error}\n")
        return EXIT_PROBLEM
    except _Unreadable as error:
        err.write(f"error: {error}\n")
        return EXIT_PROBLEM
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Python's docs advise.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
