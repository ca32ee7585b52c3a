"""Everything the command line writes goes through here: standard output, standard error, the
help, and the text of the files ``migrate`` writes.

- Control characters (C0 and C1, DEL, ESC, a CR, and a LF inside a problem line) and lone
  surrogates are escaped visibly (``\\x1b``, ``\\n``, ``\\ud800``): an input can neither move the
  cursor, colour the terminal nor forge a second ``error:`` line.
- In a problem line, a value (the path, each value of the message and of the hint) longer than
  :data:`LIMIT` characters is cut to :data:`LIMIT` with ``...``.
- A character the stream's encoding cannot write (``PYTHONIOENCODING=ascii``, a Windows
  console) is written as a backslash escape instead of failing.
- JSON is valid JSON: non-finite numbers become ``null``, and C1 characters and lone surrogates
  are written as ``\\uXXXX`` escapes.
- A stream that is closed, missing (``>&-``) or whose reader went away (``| head``) raises
  :class:`OutputLost` on standard output, and is ignored on standard error.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import re
from typing import Any, TextIO

import attrs

from wwc_standard.errors import Problem
from wwc_standard.i18n.messages import Items, Message, Text

__all__ = ["LIMIT", "Output", "OutputLost", "clean", "cut", "json_text", "problem_line"]

LIMIT = 200
"""The most characters of one value shown in a problem line; a longer one is cut."""

_ELLIPSIS = "..."

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class OutputLost(Exception):
    """Standard output cannot be written: closed, missing, or a broken pipe."""

    def __init__(self, broken_pipe: bool) -> None:
        super().__init__("broken pipe" if broken_pipe else "output lost")
        self.broken_pipe = broken_pipe


# The patterns below are compiled on first use, each once, not at import: a class that reaches
# beyond Latin-1 (the lone surrogates) takes most of a millisecond to compile.


@functools.cache
def _unsafe(one_line: bool, ascii_only: bool) -> re.Pattern[str]:
    """What :func:`clean` escapes: every control character but the line feed (the line feed
    too for ``one_line``), DEL, C1, and lone surrogates; in ASCII text (``ascii_only``), where
    only the ASCII ones can be, a class of those, quick to compile (most output is ASCII)."""
    controls = "\x00-\x1f" if one_line else "\x00-\x09\x0b-\x1f"
    return re.compile(f"[{controls}\x7f]" if ascii_only else f"[{controls}\x7f-\x9f\ud800-\udfff]")


@functools.cache
def _unsafe_json() -> re.Pattern[str]:
    """Escaped in JSON text (json.dumps escapes C0 itself): DEL, C1 and lone surrogates."""
    return re.compile("[\x7f-\x9f\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


def clean(text: str, *, one_line: bool = False) -> str:
    r"""``text`` with its control characters and lone surrogates escaped; line feeds too when
    ``one_line``.

    >>> clean("Ex\x1b[31mampleton\ud800\r\nnext")
    'Ex\\x1b[31mampleton\\ud800\\r\nnext'
    >>> clean("a\nb", one_line=True)
    'a\\nb'
    """
    return _unsafe(one_line, text.isascii()).sub(_escape, text)


def cut(text: str, limit: int = LIMIT) -> str:
    """``text``, cut to ``limit`` characters with ``...`` when it is longer.

    >>> cut("x" * 300)[-6:], len(cut("x" * 300))
    ('xxx...', 200)
    """
    if len(text) <= limit:
        return text
    return text[: limit - len(_ELLIPSIS)] + _ELLIPSIS


def _finite(data: Any) -> Any:
    if isinstance(data, float) and not math.isfinite(data):
        return None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data


def json_text(data: Any) -> str:
    r"""``data`` as indented JSON that every JSON reader accepts and no terminal interprets.

    >>> print(json_text({"name": "A\x9b\ud800", "capacity": float("inf")}))
    {
      "name": "A\u009b\ud800",
      "capacity": null
    }
    """
    text = json.dumps(_finite(data), indent=2, ensure_ascii=False, allow_nan=False)
    return _unsafe_json().sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _short(value: Any) -> Any:
    if isinstance(value, Message):
        short = Message(
            value.msgid,
            domain=value.domain,
            **{key: _short(item) for key, item in value.params.items()},
        )
        short.plural, short.n = value.plural, value.n
        return short
    if isinstance(value, Items):
        return Items([_short(item) for item in value.values])
    if isinstance(value, str) and len(value) > LIMIT:
        return cut(str(value))
    return value


def problem_line(problem: Problem, locale: str = "en") -> str:
    """``problem`` on one line in ``locale``, each value cut to :data:`LIMIT` characters and
    every control character escaped."""
    changes: dict[str, Any] = {"path": cut(problem.path)}
    if isinstance(problem.text, Message):
        changes["message"] = Text(_short(problem.text))
    elif len(problem.message) > LIMIT:
        changes["message"] = cut(problem.message(locale))
    if isinstance(problem.hint_text, Message):
        changes["hint"] = Text(_short(problem.hint_text))
    elif problem.hint is not None and len(problem.hint) > LIMIT:
        changes["hint"] = cut(problem.hint(locale))
    return clean(attrs.evolve(problem, **changes).localized(locale), one_line=True)


class Output:
    """A stream the command line writes to: text cleaned (:func:`clean`) and encoded so that
    it never fails for a character.

    On standard output (``lossy=False``) a stream that cannot be written raises
    :class:`OutputLost`; on standard error (``lossy=True``) it is ignored, as there is nowhere
    left to say so.
    """

    def __init__(self, stream: TextIO | None, *, lossy: bool = False) -> None:
        self.stream = stream
        self.lossy = lossy

    def write(self, text: str) -> None:
        """Write ``text``, cleaned and encodable."""
        text = clean(text)
        encoding = getattr(self.stream, "encoding", None)
        if encoding:
            # An encoding Python does not know (LookupError): the text is written as it is.
            with contextlib.suppress(LookupError):
                text = text.encode(encoding, "backslashreplace").decode(encoding)
        self._attempt(lambda stream: stream.write(text))

    def flush(self) -> None:
        """Flush the stream (where a broken pipe shows itself); nothing to do without one."""
        if self.stream is not None:
            self._attempt(lambda stream: stream.flush())

    def _attempt(self, action: Any) -> None:
        try:
            if self.stream is None:  # started with the stream closed (>&-)
                raise OutputLost(broken_pipe=False)
            action(self.stream)
        except (OSError, ValueError, OutputLost) as error:  # ValueError: a closed file
            if not self.lossy:
                broken = isinstance(error, BrokenPipeError)
                raise OutputLost(broken_pipe=broken) from None
