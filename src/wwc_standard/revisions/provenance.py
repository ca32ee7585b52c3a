"""Where each fact of a revision comes from.

The package never turns an inferred or unknown fact into a silent one: every revision, practice
area, criterion, tier rule, eligibility rule and certification requirement carries a
:class:`Provenance` that says whether it was read in a public source or inferred, and which
sources it rests on.
"""

from __future__ import annotations

from typing import Literal

import attrs

from wwc_standard._exports import publish

__all__ = ["Basis", "Provenance", "Source"]

Basis = Literal["read", "inferred"]
"""``"read"``: stated in a public source. ``"inferred"``: derived by the package's authors from
what the sources say, and labelled so wherever it is shown."""


@attrs.frozen(kw_only=True)
class Source:
    """A public source that a revision's facts rest on.

    A revision lists its sources; every provenance record cites them by key:

    >>> import wwc_standard as wwc
    >>> std = wwc.standard("2024")
    >>> source = std.source("wwc-assessment")
    >>> source.key, source.url
    ('wwc-assessment', 'https://whatworkscities.bloomberg.org/assessment/')
    >>> keys = {source.key for source in std.sources}
    >>> all(key in keys for criterion in std.criteria for key in criterion.provenance.sources)
    True
    """

    key: str
    """Short name by which provenance records cite this source ("wwc-assessment")."""
    title: str
    """What the source is, in a few words."""
    url: str | None = None
    """Where it was read, when it has an address."""


@attrs.frozen(kw_only=True)
class Provenance:
    """How a fact of the standard is known.

    >>> Provenance(basis="inferred", sources=("govtech",), note="upper bound cut off").inferred
    True
    """

    basis: Basis
    """``"read"`` or ``"inferred"``."""
    sources: tuple[str, ...] = ()
    """Keys of the revision's sources that this fact rests on."""
    note: str = ""
    """What was read or how it was inferred, when that needs saying."""

    @property
    def inferred(self) -> bool:
        """Whether the fact was inferred rather than read."""
        return self.basis == "inferred"


publish(globals())
