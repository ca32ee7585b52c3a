"""The command line for revisions: ``wwc-standard diff`` and ``wwc-standard migrate``.

``migrate`` writes the migrated assessment atomically (a temporary file in the same folder,
then ``os.replace``), never over its input (also through a symlink or a hard link), and never
over an existing file unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wwc_standard.errors import Problem, WWCError
from wwc_standard.i18n.messages import Message
from wwc_standard.revisions.model import Standard

from .options import (
    add_format_option,
    assessment_data,
    revision_arg,
    shared_options,
)
from .output import Output, json_text

__all__ = ["STDOUT", "add_revision_commands", "incomplete_label", "write_atomically"]

STDOUT = "-"
"""The ``-o`` that means standard output."""


class RefusedOutput(WWCError, ValueError):
    """An output file the command will not write; ``.problems`` says why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self.problems[0]))


def incomplete_label(revision: Standard, locale: str = "en") -> str:
    """The suffix that marks an incomplete revision in ``wwc-standard standards``.

    >>> import wwc_standard as wwc
    >>> incomplete_label(wwc.standard("2018")), incomplete_label(wwc.standard("2024"))
    ('  incomplete: 11 of 45 criteria listed', '')
    >>> incomplete_label(wwc.standard("2017"))
    '  incomplete: 0 of about 50 criteria listed'
    """
    if revision.complete:
        return ""
    listed, declared = len(revision.criteria), revision.criteria_count
    if revision.criteria_count_approximate:
        text = Message(
            "incomplete: {listed} of about {declared} criteria listed",
            listed=listed,
            declared=declared,
        )
    else:
        text = Message(
            "incomplete: {listed} of {declared} criteria listed", listed=listed, declared=declared
        )
    return "  " + text.render(locale)


def add_revision_commands(commands: Any, locale: str = "en") -> None:
    """Register ``diff`` and ``migrate`` on the subparsers ``commands``, their help worded in
    ``locale``."""
    diff = shared_options(
        commands.add_parser(
            "diff",
            help=Message("what changed between two revisions").render(locale),
            description=Message(
                "Show the criteria added, removed, renamed or changed between two revisions, "
                "and changes to practice areas, bands, eligibility and requirements. A revision "
                "is a shipped version or the path of a revision file."
            ).render(locale),
        ),
        locale,
    )
    diff.add_argument(
        "a", metavar="A", help=Message("the earlier revision (version or file)").render(locale)
    )
    diff.add_argument(
        "b", metavar="B", help=Message("the later revision (version or file)").render(locale)
    )
    add_format_option(diff, locale)
    diff.set_defaults(run=_diff)

    migrate = shared_options(
        commands.add_parser(
            "migrate",
            help=Message("carry an assessment to another revision").render(locale),
            description=Message(
                "Migrate an assessment to another revision through the crosswalks, write it to "
                "NEW, and list every answer to confirm (carried through an inferred or lossy "
                "link, or dropped)."
            ).render(locale),
        ),
        locale,
    )
    migrate.add_argument(
        "file",
        metavar="FILE",
        help=Message("the assessment, .json or .toml; - reads it from standard input").render(
            locale
        ),
    )
    migrate.add_argument(
        "--to",
        required=True,
        metavar="VERSION",
        help=Message("the target revision (version or file)").render(locale),
    )
    migrate.add_argument(
        "--from",
        dest="source",
        metavar="VERSION",
        help=Message("the revision the answers are for (default: the file's pin)").render(locale),
    )
    migrate.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="NEW",
        help=Message(
            "where to write the migrated assessment: .json or .toml by its suffix, - for "
            "standard output (JSON)"
        ).render(locale),
    )
    migrate.add_argument(
        "--force", action="store_true", help=Message("overwrite NEW if it exists").render(locale)
    )
    add_format_option(migrate, locale)
    migrate.set_defaults(run=_migrate)


def _diff(args: argparse.Namespace, out: Output) -> int:
    # Planning and history are imported by the commands that use them: not at start-up.
    from wwc_standard.history.diffs import diff

    result = diff(revision_arg(args.a), revision_arg(args.b))
    if args.format == "json":
        out.write(json_text(result.to_dict()) + "\n")
    else:
        out.write(result.explain(args.locale) + "\n")
    return 0


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name the same file. A path the system cannot take (a NUL byte,
    a lone surrogate: ValueError) names no file, so it is the same as none; what is wrong with
    it is reported when it is read or written."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        pass
    try:
        return a.resolve() == b.resolve()
    except (OSError, ValueError):
        return False


def _refused(code: str, message: Message, hint: Message | None = None) -> RefusedOutput:
    return RefusedOutput([Problem.of("output", code, message, hint=hint)])


def _output_format(output: str) -> str:
    """The format to write ``output`` in, by its suffix: ``.json`` or ``.toml``; ``-`` (standard
    output) is JSON."""
    if output == STDOUT:
        return ".json"
    suffix = os.path.splitext(output)[1].lower()
    if suffix not in (".json", ".toml"):
        raise _refused(
            "unsupported-format",
            Message("cannot tell the format to write {output} in from its name", output=output),
            Message("name the file .json or .toml, or write - for standard output"),
        )
    return suffix


def _unwritable(output: Path, error: OSError | ValueError) -> RefusedOutput:
    reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
    return _refused(
        "unwritable",
        Message("cannot write {output}: {reason}", output=str(output), reason=reason),
    )


def _check_output(source: Path, output: Path, force: bool) -> Path:
    """The file to write for ``-o output``: ``output`` itself, or the regular file that the
    symlink ``output`` points to (the link stays). Refuses the input, an existing file without
    ``force``, anything but a regular file, and a file with other hard links."""
    if _same_file(source, output):
        raise _refused(
            "same-file",
            Message(
                "{output} is the input file; migrate never overwrites its input",
                output=str(output),
            ),
            Message("write the migrated assessment to another file"),
        )
    try:
        info = os.lstat(output)
    except FileNotFoundError:
        return output
    except (OSError, ValueError) as error:  # ValueError: a NUL byte, a lone surrogate
        raise _unwritable(output, error) from None
    target = output
    if stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(output))
        try:
            info = os.stat(target)
        except FileNotFoundError:
            raise _refused(
                "not-a-regular-file",
                Message(
                    "{output} is a symbolic link to {target}, which does not exist",
                    output=str(output),
                    target=str(target),
                ),
                Message("migrate writes through a symbolic link only to an existing file"),
            ) from None
        except OSError as error:
            raise _unwritable(output, error) from None
    if not stat.S_ISREG(info.st_mode):
        kind = (
            Message("{output} is a directory", output=str(output))
            if stat.S_ISDIR(info.st_mode)
            else Message(
                "{output} is not a regular file (a device, a FIFO or a socket)", output=str(output)
            )
        )
        raise _refused(
            "not-a-regular-file",
            kind,
            Message("migrate replaces only regular files; choose another file"),
        )
    if not force:
        raise _refused(
            "output-exists",
            Message("{output} exists", output=str(output)),
            Message("choose another file, or pass --force to replace it"),
        )
    if info.st_nlink > 1:
        raise _refused(
            "hard-linked",
            Message(
                "{output} has other hard links; replacing it would break them",
                output=str(output),
            ),
            Message("write to another file, or remove the other links first"),
        )
    return target


def _umask() -> int:
    # The only way to read the umask is to set it: set it back at once (one thread here).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and os.replace.

    A file that is replaced keeps its permission bits; a new file gets ``0o666`` less the
    umask, as ``open()`` would give it (not ``mkstemp``'s ``0o600``).
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    # tempfile when a file is written, not on every start of the CLI (start-up time).
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _toml_data(data: Any, depth: int = 0) -> Any:
    """Assessment data for TOML, which has no null: an answer left open is ``"unknown"``, and a
    checklist item left open is left out, which the assessment format reads as the same."""
    if isinstance(data, dict):
        return {
            key: "unknown" if value is None else _toml_data(value, depth + 1)
            for key, value in data.items()
            if value is not None or depth == 1
        }
    return data


def _assessment_text(data: Any, suffix: str) -> str:
    if suffix == ".toml":
        # tomli-w on first use: start-up does not load it.
        import tomli_w

        return tomli_w.dumps(_toml_data(data))
    return json_text(data) + "\n"


def _migrate(args: argparse.Namespace, out: Output) -> int:
    # Planning and history are imported by the commands that use them: not at start-up.
    from wwc_standard.history.migration import migrate

    suffix = _output_format(args.output)
    source, output = Path(args.file), Path(args.output)
    target = None if args.output == STDOUT else _check_output(source, output, args.force)
    args.example = False
    data = assessment_data(args)
    result = migrate(
        data,
        to=revision_arg(args.to),
        source=None if args.source is None else revision_arg(args.source),
    )
    text = _assessment_text(result.assessment.to_dict(), suffix)
    report = out
    if target is None:
        # The migrated assessment is the output; the report goes to standard error.
        out.write(text)
        report = args.errors
    else:
        try:
            write_atomically(target, text)
        except (OSError, ValueError) as error:  # ValueError: a name the system cannot take
            raise _unwritable(output, error) from None
    if args.format == "json":
        report.write(json_text(result.to_dict()) + "\n")
    else:
        report.write(result.explain(args.locale) + "\n")
    return 0
