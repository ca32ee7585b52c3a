"""Suggestions for misspelt names: "did you mean DM9?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean"]


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the choice closest to ``word``, or ``None`` when nothing is close.

    Case is ignored when matching, so ``dm1`` suggests ``DM1``.

    >>> did_you_mean("DM99", ["DM1", "DM9", "OD3"])
    'did you mean DM9?'
    >>> did_you_mean("od3", ["DM1", "OD3"])
    'did you mean OD3?'
    >>> did_you_mean("zzz", ["DM1"]) is None
    True
    """
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return f"did you mean {by_folded[close[0]]}?" if close else None
