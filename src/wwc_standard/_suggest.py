"""Suggestions for misspelt names: "did you mean DM9?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .i18n.messages import Message, Text

__all__ = ["did_you_mean"]


def did_you_mean(word: str, choices: Iterable[str]) -> Text | None:
    """A hint naming the choice closest to ``word``, or ``None`` when nothing is close.

    Case is ignored when matching, so ``dm1`` suggests ``DM1``. The hint is English text that
    can be called for another locale (``hint("es")``).

    >>> did_you_mean("DM99", ["DM1", "DM9", "OD3"])
    'did you mean DM9?'
    >>> did_you_mean("od3", ["DM1", "OD3"])
    'did you mean OD3?'
    >>> did_you_mean("zzz", ["DM1"]) is None
    True
    >>> did_you_mean("DM99", ["DM9"])("pt_BR")
    'você quis dizer DM9?'
    """
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    if not close:
        return None
    return Text(Message("did you mean {choice}?", choice=by_folded[close[0]]))
