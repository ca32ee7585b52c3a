"""``wwc-standard completion bash|zsh|tcsh``: a shell completion script, generated from the
parser by shtab, so it always knows every command and option the parser knows.

shtab is an optional extra (``pip install 'wwc-standard[completion]'``): a library used inside
apps should not pull in a tool only a shell needs. Without it, the command says how to install
it and exits with status 2, like any other problem.
"""

from __future__ import annotations

import argparse
from typing import Any

from wwc_standard.errors import Problem, WWCError
from wwc_standard.i18n.messages import Message

from .options import shared_options
from .output import Output

__all__ = ["SHELLS", "MissingExtra", "add_completion_command"]

SHELLS = ("bash", "zsh", "tcsh")
"""The shells shtab writes completion scripts for."""


class MissingExtra(WWCError, ImportError):
    """A command needs an optional extra that is not installed; ``.problems`` says which and
    how to install it."""

    def __init__(self, module: str, extra: str) -> None:
        self.problems = (
            Problem.of(
                "",
                "missing-extra",
                Message("this command needs {module}, which is not installed", module=repr(module)),
                hint=Message("install it with: pip install 'wwc-standard[{extra}]'", extra=extra),
            ),
        )
        super().__init__(str(self.problems[0]))


def add_completion_command(
    commands: Any, parser: argparse.ArgumentParser, locale: str = "en"
) -> None:
    """Register ``completion`` on the subparsers ``commands`` of ``parser`` (the whole command
    line, which the script completes), its help worded in ``locale``."""
    completion = shared_options(
        commands.add_parser(
            "completion",
            help=Message("print a shell completion script").render(locale),
            description=Message(
                "Print a completion script for bash, zsh or tcsh, generated from the parser "
                "(needs the completion extra: pip install 'wwc-standard[completion]'). For "
                "bash: wwc-standard completion bash > ~/.local/share/bash-completion/"
                "completions/wwc-standard"
            ).render(locale),
        ),
        locale,
    )
    completion.add_argument(
        "shell", choices=SHELLS, help=Message("the shell: bash, zsh or tcsh").render(locale)
    )
    completion.set_defaults(run=_completion, parser=parser)


def _files(parser: argparse.ArgumentParser, file_kind: Any) -> None:
    """Mark every argument that names a file (metavar FILE, NEW, PATH) to complete file names,
    in ``parser`` and its commands."""
    for action in parser._actions:
        if action.metavar in ("FILE", "NEW", "PATH"):
            action.complete = file_kind  # type: ignore[attr-defined]  # read by shtab
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                _files(command, file_kind)


def _completion(args: argparse.Namespace, out: Output) -> int:
    try:
        # shtab on first use, and only here: it is an optional extra.
        import shtab
    except ImportError:
        raise MissingExtra("shtab", "completion") from None
    _files(args.parser, shtab.FILE)
    out.write(shtab.complete(args.parser, shell=args.shell))
    return 0
