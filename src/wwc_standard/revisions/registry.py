"""Which revisions are shipped, and picking one by version or by date.

Revisions are shipped side by side, like time-zone data: a caller names the revision a
certification used, or the date it happened on, and always gets the same content back, checkable
by its fingerprint.

The files themselves are read by :mod:`wwc_standard.revisions.shipped`; each revision is built
from its file here, once per process.
"""

from __future__ import annotations

import datetime
import functools

from wwc_standard.errors import UnknownStandard
from wwc_standard.i18n.messages import Message

from .model import Standard
from .shipped import shipped_raw, shipped_versions

__all__ = ["build_shipped", "shipped_chain", "shipped_standard", "standard", "standards"]


def standards() -> tuple[str, ...]:
    """The versions of every shipped revision, oldest first.

    >>> import wwc_standard
    >>> wwc_standard.standards()
    ('2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026')
    """
    return shipped_versions()


def standard(version: str | None = None, *, on: datetime.date | None = None) -> Standard:
    """A shipped revision: by ``version``, the one in force ``on`` a date, or the newest.

    The revision in force on a date is the newest one that had taken effect by then; the newest
    shipped revision stays in force until a later one is shipped. Each revision is read from the
    package on first use and cached.

    >>> import datetime, wwc_standard
    >>> wwc_standard.standard("2023").version
    '2023'
    >>> wwc_standard.standard().version
    '2026'
    >>> wwc_standard.standard(on=datetime.date(2023, 9, 1)).version
    '2023'
    >>> wwc_standard.standard("2042")
    Traceback (most recent call last):
    ...
    wwc_standard.errors.UnknownStandard: no revision '2042' is shipped; available: 2017, ...
    """
    available = shipped_versions()
    if version is not None and on is not None:
        raise TypeError("give a version or a date (on=...), not both")
    if on is not None:
        if isinstance(on, datetime.datetime) or not isinstance(on, datetime.date):
            raise TypeError(f"on= takes a datetime.date, not {type(on).__name__}")
        in_force = [v for v in available if shipped_standard(v).in_force_on(on)]
        if not in_force:
            first = shipped_standard(available[0])
            raise UnknownStandard(
                on.isoformat(),
                available=available,
                reason=Message(
                    "no shipped revision was in force on {day}: the earliest, {version}, took "
                    "effect on {start}",
                    day=on,
                    version=first.version,
                    start=(
                        Message("{date} (inferred)", date=first.in_force.start)
                        if first.in_force.provenance.inferred
                        else first.in_force.start
                    ),
                ),
            )
        return shipped_standard(in_force[-1])
    if version is None:
        return shipped_standard(available[-1])
    if not isinstance(version, str):
        raise UnknownStandard(
            repr(version),
            available=available,
            reason=Message(
                "a revision version is a string such as {example}, not {version}",
                example=repr(available[-1]),
                version=repr(version),
            ),
        )
    if version not in available:
        raise UnknownStandard(version, available=available)
    return shipped_standard(version)


@functools.cache
def shipped_standard(version: str) -> Standard:
    """The shipped revision ``version``, loaded once per process: from its compiled file (see
    :mod:`wwc_standard.revisions.compiled`), else built and validated from its TOML."""
    # pickle and zlib on the first load, for start-up time.
    from .compiled import load_compiled

    compiled = load_compiled(version)
    if compiled is not None:
        return compiled
    return build_shipped(version)


def build_shipped(version: str) -> Standard:
    """Shipped revision ``version`` built and validated from its TOML files, not compiled."""
    # The revision pipeline with cattrs and tomllib, which a compiled revision never needs.
    from .build import build_standard

    return build_standard(
        shipped_raw(version), origin=f"{version} (shipped)", into=Standard, shipped=True
    )


def shipped_chain(version: str) -> tuple[str, ...]:
    """The TOML files shipped revision ``version`` is built from: its own, then each it extends.

    >>> shipped_chain("2024")
    ('standards/2024.toml', 'standards/2023.toml', 'standards/2022.toml')
    """
    chain: list[str] = []
    current: str | None = version
    while isinstance(current, str) and f"standards/{current}.toml" not in chain:
        chain.append(f"standards/{current}.toml")
        current = shipped_raw(current).get("extends")
    return tuple(chain)
