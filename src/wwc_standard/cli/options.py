"""What the commands share: the common options, how a revision and an assessment are named on
the command line, and the exit status of a problem.

Every command module (:mod:`.program`, :mod:`.plan`, :mod:`.revisions`) imports from here, and
this module imports none of them.
"""

from __future__ import annotations

import argparse
import errno
import functools
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from wwc_standard._data import parse
from wwc_standard.errors import AssessmentError, UnreadableFile
from wwc_standard.evaluation.assessment import read_assessment_data
from wwc_standard.evaluation.examples import example_data
from wwc_standard.i18n.languages import negotiate
from wwc_standard.i18n.messages import Message
from wwc_standard.revisions.files import load_standard
from wwc_standard.revisions.registry import standard, standards

if TYPE_CHECKING:
    from wwc_standard.revisions.model import Standard

__all__ = [
    "EXIT_BELOW_TIER",
    "EXIT_PROBLEM",
    "STDIN",
    "STDIN_NAME",
    "add_assessment_source",
    "add_evidence_option",
    "add_format_option",
    "assessment_data",
    "chosen_standard",
    "help_locale",
    "read_input",
    "read_stdin",
    "revision_arg",
    "shared_options",
]

EXIT_PROBLEM = 2
"""The exit status of a problem with the input (and of argparse's usage errors)."""

EXIT_BELOW_TIER = 1
"""The exit status of ``evaluate --fail-under TIER`` when the tier earned is lower."""

STDIN = "-"
"""The ``FILE`` that means standard input."""

STDIN_NAME = "<stdin>"
"""How standard input is named in problems."""


@functools.cache
def _toml_start() -> re.Pattern[str]:
    """How a TOML document starts (after blank lines): a comment, a [table] header or a
    key = value; anything else read from standard input is taken as JSON, so that text that is
    neither is reported as what most pipes carry ("<stdin> is not valid JSON")."""
    # Compiled on first use, not at import: only standard input is read with it.
    return re.compile(r"\A\s*(?:#|\[|[A-Za-z0-9_\-]+\s*[.=]|\"[^\"\n]*\"\s*=|'[^'\n]*'\s*=)")


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


def add_assessment_source(parser: argparse.ArgumentParser, locale: str = "en") -> Any:
    """Add ``FILE | --example`` and ``--standard VERSION`` to ``parser``; the group of
    ``FILE | --example``, for a command that reads its assessment another way too."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help=Message("the assessment, .json or .toml; - reads it from standard input").render(
            locale
        ),
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
    return source


def revision_arg(name: str) -> Standard:
    """A shipped revision by version, or a revision file of your own by path (.toml, .json)."""
    if name in standards() or not (name.endswith((".toml", ".json")) or os.sep in name):
        return standard(name)
    return load_standard(name)


def chosen_standard(args: argparse.Namespace) -> Standard | None:
    """The revision ``--standard`` names (a version or a file), or None for the file's pin."""
    return None if args.standard is None else revision_arg(args.standard)


def assessment_data(args: argparse.Namespace) -> Any:
    """The assessment data named by ``FILE | --example | -``; a file that cannot be read raises
    :class:`~wwc_standard.errors.UnreadableFile`, reported like every other problem."""
    return example_data() if args.example else read_input(args.file, args)


def read_input(name: str, args: argparse.Namespace) -> Any:
    """The assessment data of the file ``name``, or of standard input for ``-``."""
    if name == STDIN:
        return read_stdin(getattr(args, "stdin", None))
    return read_assessment_data(name)


def read_stdin(stream: Any) -> Any:
    """The assessment data read from the binary stream ``stream`` (standard input): JSON, or
    TOML when the text starts as TOML does (a ``#`` comment, a ``[table]`` or ``key =``), under
    the rules of every file (UTF-8, no duplicate keys, a bounded depth).

    Standard input that is closed or cannot be read raises
    :class:`~wwc_standard.errors.UnreadableFile`; its content's problems
    :class:`~wwc_standard.errors.AssessmentError`.

    >>> import io
    >>> read_stdin(io.BytesIO(b'{"answers": {"DM1": "met"}}'))
    {'answers': {'DM1': 'met'}}
    >>> read_stdin(io.BytesIO(b'[answers]\\nDM1 = "met"\\n'))
    {'answers': {'DM1': 'met'}}
    """
    if stream is None:
        raise UnreadableFile(STDIN_NAME, OSError(errno.EBADF, os.strerror(errno.EBADF)))
    try:
        raw = stream.read()
    except OSError as failure:
        raise UnreadableFile(STDIN_NAME, failure) from None
    except ValueError as failure:  # a closed stream
        raise UnreadableFile(STDIN_NAME, OSError(errno.EBADF, str(failure))) from None
    if isinstance(raw, str):  # a text stream given by a caller of main()
        raw = raw.encode("utf-8", "surrogatepass")
    if not isinstance(raw, bytes):
        raise UnreadableFile(STDIN_NAME, OSError(errno.EINVAL, os.strerror(errno.EINVAL)))
    head = raw[:4096].decode("utf-8-sig", "replace")
    suffix = ".toml" if _toml_start().match(head) else ".json"
    return parse(raw, suffix, STDIN_NAME, AssessmentError)
