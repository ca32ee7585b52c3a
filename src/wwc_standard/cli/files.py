"""The files a command writes (``migrate -o``, ``report -o``): which outputs it refuses, so that
nothing the user owns is lost, and writing them atomically, so that nothing is half-written.

An output is refused when it is an input (also through a symlink or a hard link), when it exists
and ``--force`` is not given, when it is not a regular file, and when it has other hard links
(replacing it would break them). A symbolic link is written through, to the existing regular
file it points to. The file is written to a temporary file in the same folder, then moved over
the output with ``os.replace``.

Each command words its refusals itself (:class:`Refusals`): the words are translated messages,
one per command, and the rules are the same.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from wwc_standard.errors import Problem, WWCError
from wwc_standard.i18n.messages import Message

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "Refusals",
    "RefusedOutput",
    "check_output",
    "refused",
    "same_file",
    "unwritable",
    "write_atomically",
]


class RefusedOutput(WWCError, ValueError):
    """An output file the command will not write; ``.problems`` says why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self.problems[0]))


@attrs.frozen(kw_only=True)
class Refusals:
    """How a command says it refuses an output: the message for an output that is an input, and
    the hints for an input, a dangling symbolic link and a file that is not a regular file."""

    is_input: str
    """The msgid (marked with ``N_``) of the message, with ``{output}`` for the file's name."""
    is_input_hint: Message
    through_link_hint: Message
    only_regular_hint: Message


def refused(code: str, message: Message, hint: Message | None = None) -> RefusedOutput:
    """The error refusing the output, with one problem at ``output``."""
    return RefusedOutput([Problem.of("output", code, message, hint=hint)])


def unwritable(output: Path, error: OSError | ValueError) -> RefusedOutput:
    """The error for an output the system would not let us write (``unwritable``).

    >>> from pathlib import Path
    >>> print(unwritable(Path("out.json"), PermissionError(13, "Permission denied")))
    output: cannot write out.json: Permission denied [unwritable]
    """
    reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
    return refused(
        "unwritable",
        Message("cannot write {output}: {reason}", output=str(output), reason=reason),
    )


def same_file(a: Path, b: Path) -> bool:
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


def check_output(inputs: Iterable[Path], output: Path, force: bool, words: Refusals) -> Path:
    """The file to write for ``-o output``: ``output`` itself, or the regular file that the
    symlink ``output`` points to (the link stays). Raises :class:`RefusedOutput` (``same-file``,
    ``output-exists``, ``not-a-regular-file``, ``hard-linked``, ``unwritable``) for an output
    the rules of this module refuse."""
    for source in inputs:
        if same_file(source, output):
            message = Message(words.is_input, output=str(output))
            raise refused("same-file", message, words.is_input_hint)
    try:
        info = os.lstat(output)
    except FileNotFoundError:
        return output
    except (OSError, ValueError) as error:  # ValueError: a NUL byte, a lone surrogate
        raise unwritable(output, error) from None
    target = output
    if stat.S_ISLNK(info.st_mode):
        target = type(output)(os.path.realpath(output))
        try:
            info = os.stat(target)
        except FileNotFoundError:
            raise refused(
                "not-a-regular-file",
                Message(
                    "{output} is a symbolic link to {target}, which does not exist",
                    output=str(output),
                    target=str(target),
                ),
                words.through_link_hint,
            ) from None
        except OSError as error:
            raise unwritable(output, error) from None
    if not stat.S_ISREG(info.st_mode):
        kind = (
            Message("{output} is a directory", output=str(output))
            if stat.S_ISDIR(info.st_mode)
            else Message(
                "{output} is not a regular file (a device, a FIFO or a socket)", output=str(output)
            )
        )
        raise refused("not-a-regular-file", kind, words.only_regular_hint)
    if not force:
        raise refused(
            "output-exists",
            Message("{output} exists", output=str(output)),
            Message("choose another file, or pass --force to replace it"),
        )
    if info.st_nlink > 1:
        raise refused(
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

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.json"
    >>> write_atomically(target, '{"ok": true}')
    >>> target.read_text(encoding="utf-8"), sorted(p.name for p in target.parent.iterdir())
    ('{"ok": true}', ['out.json'])
    """
    folder = os.path.dirname(path) or "."
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    # tempfile when a file is written, not on every start of the CLI (start-up time).
    import tempfile

    name = os.path.basename(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
