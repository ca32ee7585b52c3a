"""The command line: ``wwc-standard`` and ``python -m wwc_standard``.

Problems with the input are printed one per line on standard error, with their path, code and
hint, and the exit status is 2; a traceback is never shown for them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from wwc_standard._version import __version__
from wwc_standard.errors import WWCError
from wwc_standard.i18n.messages import Message, Plural, negotiate

if TYPE_CHECKING:
    from wwc_standard.revisions.model import Standard

__all__ = ["main"]

EXIT_PROBLEM = 2


class Unreadable(Exception):
    """An input file that cannot be read (missing, a directory, no permission); the command
    line reports it as a problem with exit status 2."""

    def __init__(self, text: Message | str) -> None:
        self.text = text
        """What went wrong, translatable when it is a Message."""
        super().__init__(str(text))

    def localized(self, locale: str = "en") -> str:
        """What went wrong, in ``locale``."""
        return self.text.render(locale) if isinstance(self.text, Message) else str(self.text)


def help_locale(argv: Sequence[str]) -> str:
    """The locale of the help texts: the last ``--locale X`` or ``--locale=X`` of ``argv``.

    It is read from the command line before the parser is built, so that the descriptions and
    the option help are worded in it; the environment is never read. A missing value, or a
    language the library does not speak, gives English here (the help only): parsing then
    reports an unknown ``--locale`` as usual.

    >>> help_locale(["evaluate", "--help", "--locale", "fr_CA"]), help_locale(["--locale=pt"])
    ('fr', 'pt_BR')
    >>> help_locale(["evaluate", "--locale", "de"]), help_locale(["--locale"]), help_locale([])
    ('en', 'en', 'en')
    """
    value: str | None = None
    args = list(argv)
    for index, arg in enumerate(args):
        if arg == "--":  # what follows is positional
            break
        # argparse also takes an unambiguous prefix (--loc es): no other option starts with --l
        name, equals, given = arg.partition("=")
        if len(name) < 3 or not "--locale".startswith(name):
            continue
        following = args[index + 1] if index + 1 < len(args) else None
        value = given if equals else following
    try:
        return negotiate(value)
    except ValueError:  # UnknownLocale
        return "en"


def shared_options(parser: argparse.ArgumentParser, locale: str = "en") -> argparse.ArgumentParser:
    """Add the options every command takes to ``parser`` (help worded in ``locale``) and
    return it."""
    # No default in the namespace (main reads a missing --locale as English), so that a
    # --locale given before the command is not overwritten by the command's default.
    parser.add_argument(
        "--locale",
        default=argparse.SUPPRESS,
        metavar="LOCALE",
        help=Message(
            "the language of the output: en (default), es, pt_BR or fr; variants fall back "
            "(es_AR to es, pt to pt_BR, fr_CA to fr). The environment is never read."
        ).render(locale),
    )
    return parser


def add_format_option(parser: argparse.ArgumentParser, locale: str = "en") -> None:
    """Add ``--format text|json`` to ``parser``."""
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=Message("text for people (default) or json for programs").render(locale),
    )


def add_evidence_option(parser: argparse.ArgumentParser, locale: str = "en") -> None:
    """Add ``--require-evidence`` (auditor mode) to ``parser``."""
    parser.add_argument(
        "--require-evidence",
        action="store_true",
        help=Message("auditor mode: count met answers only when they carry evidence").render(
            locale
        ),
    )


def add_assessment_source(parser: argparse.ArgumentParser, locale: str = "en") -> None:
    """Add ``FILE | --example`` and ``--standard VERSION`` to ``parser``."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help=Message("the assessment, .json or .toml").render(locale),
    )
    source.add_argument(
        "--example",
        action="store_true",
        help=Message("use the bundled example assessment (a fictional city)").render(locale),
    )
    parser.add_argument(
        "--standard",
        metavar="VERSION|FILE",
        help=Message(
            "the revision to evaluate against: a shipped version or a revision file of your own "
            "(default: the file's pin, else the newest)"
        ).render(locale),
    )


def revision_arg(name: str) -> Standard:
    """A shipped revision by version, or a revision file of your own by path (.toml, .json)."""
    import os

    from wwc_standard.revisions.registry import standard, standards

    if name in standards() or not (name.endswith((".toml", ".json")) or os.sep in name):
        return standard(name)
    from wwc_standard.revisions.files import load_standard

    return load_standard(name)


def chosen_standard(args: argparse.Namespace) -> Standard | None:
    """The revision ``--standard`` names (a version or a file), or None for the file's pin."""
    return None if args.standard is None else revision_arg(args.standard)


def assessment_data(args: argparse.Namespace) -> Any:
    """The assessment data named by ``FILE | --example``; :class:`Unreadable` if unreadable."""
    from wwc_standard.evaluation.assessment import read_assessment_data
    from wwc_standard.evaluation.examples import example_data

    try:
        return example_data() if args.example else read_assessment_data(args.file)
    except OSError as error:
        raise Unreadable(
            Message("cannot read {file}: {reason}", file=args.file, reason=error.strerror or error)
        ) from None


def _parser(locale: str = "en") -> argparse.ArgumentParser:
    """The parser, with our descriptions and option help worded in ``locale``; argparse's own
    words ("usage:", "options:", its errors) come from its gettext domain, not ours."""
    parser = argparse.ArgumentParser(
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
    from .plan import add_plan_commands

    add_plan_commands(commands, locale)
    from .revisions import add_revision_commands

    add_revision_commands(commands, locale)
    return parser


def _evaluate(args: argparse.Namespace, out: TextIO) -> int:
    from wwc_standard.evaluation.engine import evaluate
    from wwc_standard.evaluation.render import render_json, render_text

    result = evaluate(
        assessment_data(args), chosen_standard(args), require_evidence=args.require_evidence
    )
    if args.format == "json":
        out.write(render_json(result) + "\n")
    else:
        out.write(render_text(result, locale=args.locale) + "\n")
    return 0


def _standards(args: argparse.Namespace, out: TextIO) -> int:
    from wwc_standard.revisions.registry import standard, standards

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
        from .revisions import incomplete_label

        for s in rows:
            row = Plural(
                "{version}  from {start}  {n} criterion  {fingerprint}",
                "{version}  from {start}  {n} criteria  {fingerprint}",
                s.criteria_count,
                version=s.version,
                start=s.in_force.start.isoformat(),
                fingerprint=s.fingerprint,
            )
            out.write(f"{row.render(args.locale)}{incomplete_label(s, args.locale)}\n")
    return 0


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    # The help is worded in the --locale of the command line, read before parsing.
    args = _parser(help_locale(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    locale = "en"  # until --locale is known to be one the library speaks
    try:
        locale = args.locale = negotiate(getattr(args, "locale", None))
        run: Callable[[argparse.Namespace, TextIO], int] = args.run
        return run(args, out)
    except WWCError as error:
        problems = error.problems or ()
        if problems and len(problems) > 1:
            heading = Plural(
                "wwc-standard: {n} problem:", "wwc-standard: {n} problems:", len(problems)
            )
            err.write(heading.render(locale) + "\n")
        for problem in problems:
            line = Message("error: {problem}", problem=problem.localized(locale))
            err.write(line.render(locale) + "\n")
        if not problems:
            line = Message("error: {problem}", problem=error.localized(locale))
            err.write(line.render(locale) + "\n")
        return EXIT_PROBLEM
    except Unreadable as error:
        line = Message("error: {problem}", problem=error.localized(locale))
        err.write(line.render(locale) + "\n")
        return EXIT_PROBLEM
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Python's docs advise.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
