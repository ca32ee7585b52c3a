"""The command line: ``wwc-standard`` and ``python -m wwc_standard``.

Problems with the input are printed one per line on standard error, with their path, code and
hint, and the exit status is 2; a traceback is never shown for them.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, TextIO

from wwc_standard._version import __version__
from wwc_standard.errors import WWCError
from wwc_standard.evaluation.engine import evaluate
from wwc_standard.evaluation.render import render_text
from wwc_standard.i18n.languages import format_locale
from wwc_standard.i18n.messages import Message, Plural
from wwc_standard.revisions.registry import standard, standards
from wwc_standard.revisions.tiers import Tier

from .options import (
    EXIT_BELOW_TIER,
    EXIT_PROBLEM,
    add_assessment_source,
    add_evidence_option,
    add_format_option,
    assessment_data,
    chosen_standard,
    help_locale,
    shared_options,
)
from .output import Output, OutputLost, clean, json_text, problem_line
from .plan import add_plan_commands, parse_tier

__all__ = ["error_data", "main"]


class _Parser(argparse.ArgumentParser):
    """argparse, its help and usage errors written through :class:`~.output.Output` (cleaned,
    encodable, quiet on a closed stream) to the streams it chooses."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            Output(file or sys.stderr, lossy=True).write(message)

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # An option of one value given "--" as its explicit value (--standard=--, -o--): before
        # Python 3.13, argparse drops that "--" as if it were the end-of-options marker and
        # gives the option [] instead of a string, which no command expects. Keep the value
        # "--", converted and checked like any other, as Python 3.13 does.
        if action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


#: The commands that can be parsed without the others, each with the group of commands it is
#: registered with (one call of program, plan or revisions). ``completion`` is not here: it
#: needs the whole parser, which its script describes.
_GROUPS = {
    "evaluate": "program",
    "standards": "program",
    "roadmap": "plan",
    "what-if": "plan",
    "path": "plan",
    "diff": "revisions",
    "migrate": "revisions",
    "report": "reports",
}


def _command(argv: Sequence[str]) -> str | None:
    """The command a command line starts with when it is one of :data:`_GROUPS`, else None.

    Only a command given first is taken: then argparse gives every argument after it to that
    command's parser, and the parser of any other command is never read (an option before it,
    ``--locale es evaluate``, would need the whole parser to be read as argparse reads it).

    >>> _command(["evaluate", "--example"]), _command(["--locale", "es", "evaluate"])
    ('evaluate', None)
    >>> _command(["completion", "bash"]), _command(["--help"]), _command([])
    (None, None, None)
    """
    return argv[0] if argv and argv[0] in _GROUPS else None


def _parser(locale: str = "en", command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with our descriptions and option help worded in ``locale``; argparse's own
    words ("usage:", "options:", its errors) come from its gettext domain, not ours.

    With ``command`` (see :func:`_command`), only the group of commands it belongs to is
    registered: building every command's parser, and importing their modules, is most of the
    start-up time of a command. Parsing a command line that starts with ``command`` gives the
    same result, output and errors either way: the top-level usage names no command, and the
    list of commands is shown only by the top-level help and an unknown command's error, which
    a command line that starts with a known command never reaches.
    """
    group = None if command is None else _GROUPS[command]
    parser = _Parser(
        prog="wwc-standard",
        description=Message(
            "Evaluate a city's answers against the What Works Cities Certification standard."
        ).render(locale),
    )
    parser.add_argument("--version", action="version", version=f"wwc-standard {__version__}")
    # Also accepted before the command (wwc-standard --locale es evaluate --help), and left out
    # of the help, which documents it on every command.
    parser.add_argument(
        "--locale", default=argparse.SUPPRESS, metavar="LOCALE", help=argparse.SUPPRESS
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # In the order of the help.
    if group in (None, "program"):
        _add_commands(commands, locale)
    if group in (None, "plan"):
        add_plan_commands(commands, locale)
    if group in (None, "revisions"):
        # The module of diff and migrate (and its files machinery) only when they are parsed.
        from .revisions import add_revision_commands

        add_revision_commands(commands, locale)
    if group in (None, "reports"):
        # The module of report only when it is parsed: start-up time.
        from .reports import add_report_command

        add_report_command(commands, locale)
    if group is None:
        # completion only in the whole parser, the one its script describes.
        from .completion import add_completion_command

        add_completion_command(commands, parser, locale)
    return parser


def _add_commands(commands: Any, locale: str = "en") -> None:
    """Register ``evaluate`` and ``standards`` on the subparsers ``commands``, their help
    worded in ``locale``."""
    evaluate = shared_options(
        commands.add_parser(
            "evaluate",
            help=Message("evaluate an assessment file (JSON or TOML)").render(locale),
            description=Message(
                "Evaluate an assessment and print the tier, the points and every gap."
            ).render(locale),
        ),
        locale,
    )
    add_assessment_source(evaluate, locale)
    add_format_option(evaluate, locale)
    add_evidence_option(evaluate, locale)
    evaluate.add_argument(
        "--fail-under",
        metavar="TIER",
        help=Message(
            "exit with status 1 when the tier earned is lower than TIER (silver, gold or "
            "platinum), for CI jobs; the result is printed all the same"
        ).render(locale),
    )
    evaluate.set_defaults(run=_evaluate)

    listing = shared_options(
        commands.add_parser(
            "standards",
            help=Message("list the shipped revisions").render(locale),
            description=Message("List the shipped revisions with their fingerprints.").render(
                locale
            ),
        ),
        locale,
    )
    add_format_option(listing, locale)
    listing.set_defaults(run=_standards)


def _evaluate(args: argparse.Namespace, out: Output) -> int:
    # The tier is checked before the assessment is read: a CI job with a typo in it fails
    # with status 2 on every input, not 1 on some.
    floor: Tier | None = None
    if args.fail_under is not None:
        floor = parse_tier(args.fail_under, "--fail-under")
    result = evaluate(
        assessment_data(args), chosen_standard(args), require_evidence=args.require_evidence
    )
    if args.format == "json":
        out.write(json_text(result.to_dict()) + "\n")
    else:
        out.write(render_text(result, locale=args.locale) + "\n")
    if floor is not None and result.tier < floor:
        return EXIT_BELOW_TIER
    return 0


def _standards(args: argparse.Namespace, out: Output) -> int:
    # The module of diff and migrate, for its label, only when revisions are listed.
    from .revisions import incomplete_label

    rows = [standard(version) for version in standards()]
    if args.format == "json":
        out.write(
            json_text(
                [
                    {
                        "version": s.version,
                        "title": s.title,
                        "in_force": s.in_force.start.isoformat(),
                        "in_force_inferred": s.in_force.provenance.inferred,
                        "criteria": s.criteria_count,
                        "criteria_approximate": s.criteria_count_approximate,
                        "complete": s.complete,
                        "fingerprint": s.fingerprint,
                    }
                    for s in rows
                ]
            )
            + "\n"
        )
    else:
        for s in rows:
            start: Message | str = s.in_force.start.isoformat()
            if s.in_force.provenance.inferred:
                start = Message("{date} (inferred)", date=start)
            if s.criteria_count_approximate:
                count = Plural("about {n} criterion", "about {n} criteria", s.criteria_count)
            else:
                count = Plural("{n} criterion", "{n} criteria", s.criteria_count)
            row = Message(
                "{version}  from {start}  {count}  {fingerprint}",
                version=s.version,
                start=start,
                count=count,
                fingerprint=s.fingerprint,
            )
            out.write(f"{row.render(args.locale)}{incomplete_label(s, args.locale)}\n")
    return 0


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Everything is written through :mod:`.output`: a problem is one line on ``err`` (status 2),
    or, with ``--format json``, one JSON object (its shape is in docs/cli.md), whatever the
    encoding or the state of the streams; a standard output that is closed or whose reader went away
    ends the command quietly with status 1. ``stdin`` is the binary stream a ``FILE`` of ``-``
    is read from (default: the process's standard input).
    """
    output = Output(sys.stdout if out is None else out)
    errors = Output(sys.stderr if err is None else err, lossy=True)
    if stdin is None:
        stdin = getattr(sys.stdin, "buffer", None)  # None: started with standard input closed
    try:
        try:
            status = _main(argv, output, errors, stdin)
        except SystemExit:  # argparse: --help, --version or a usage error
            output.flush()
            raise
        output.flush()
        return status
    except OutputLost as lost:
        if lost.broken_pipe and out is None:
            _silence_stdout()
        return 1
    finally:
        if argv is None:  # the command line of this process, which exits when it returns
            _before_exit()


def _before_exit() -> None:
    """Leave the objects of the process out of Python's garbage collections at exit.

    At exit Python collects garbage over every object the process made (the classes and
    the generated methods of start-up, the revision, the result), a twentieth of the time of a
    command, to find little to free: the process's memory goes back to the system whole.
    Frozen objects are not walked (gc.freeze). Nothing the command writes waits on them: the
    output is flushed by then, files are closed where they are written, and Python promises no
    finalizer of an object still alive at exit.
    """
    gc.freeze()


def _silence_stdout() -> None:
    """Point standard output at the null device, so that flushing it at exit (what was left
    in its buffer) does not fail again: what Python's docs advise for a broken pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def error_data(error: WWCError) -> dict[str, Any]:
    """The JSON a command writes on standard error for ``error`` with ``--format json``:
    ``{"error": <class name>, "message": <English text>, "problems": [<Problem.to_dict()>...]}``,
    each problem with ``path``, ``code``, ``message`` and ``hint`` (English, like all JSON).

    >>> from wwc_standard.errors import UnknownStandard
    >>> data = error_data(UnknownStandard("2042", available=("2024",)))
    >>> data["error"], data["problems"][0]["code"], data["problems"][0]["path"]
    ('UnknownStandard', 'unknown-standard', 'standard')
    """
    return {
        "error": type(error).__name__,
        "message": str(error),
        "problems": [problem.to_dict() for problem in error.problems or ()],
    }


def _main(
    argv: Sequence[str] | None, out: Output, err: Output, stdin: BinaryIO | None = None
) -> int:
    # The help is worded in the --locale of the command line, read before parsing; only the
    # parser of the command given first is built.
    given = sys.argv[1:] if argv is None else argv
    args = _parser(help_locale(given), _command(given)).parse_args(argv)
    locale = "en"  # until --locale is known to be one the library speaks
    try:
        # The full locale (es_MX, pt_PT) is kept: the words come from the nearest catalog and
        # the numbers and dates from the locale itself (see i18n.languages.format_locale).
        locale = args.locale = format_locale(getattr(args, "locale", None))
        run: Callable[[argparse.Namespace, Output], int] = args.run
        args.errors = err  # for what is not the output: migrate -o - writes its report there
        args.stdin = stdin  # what a FILE of "-" reads
        return run(args, out)
    except WWCError as error:
        if getattr(args, "format", None) == "json":
            # Programs read the problems as they read the output: JSON, English, stable codes.
            err.write(json_text(error_data(error)) + "\n")
            return EXIT_PROBLEM
        problems = error.problems or ()
        if problems and len(problems) > 1:
            heading = Plural(
                "wwc-standard: {n} problem:", "wwc-standard: {n} problems:", len(problems)
            )
            err.write(heading.render(locale) + "\n")
        for problem in problems:
            line = Message("error: {problem}", problem=problem_line(problem, locale))
            err.write(line.render(locale) + "\n")
        if not problems:
            text = clean(error.localized(locale), one_line=True)
            err.write(Message("error: {problem}", problem=text).render(locale) + "\n")
        return EXIT_PROBLEM
