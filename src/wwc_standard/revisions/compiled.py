"""The shipped revisions in a precompiled form: each one built once, pickled next to its TOML.

Building a revision from its files (parse the TOML chain, resolve ``extends``, structure it with
cattrs, validate it) takes tens of milliseconds and imports tomllib and cattrs, and every CLI
command and every app's first ``evaluate()`` pays it. ``standards/<version>.pickle`` holds the
revision as that build made it; it loads in about a millisecond.

It can never stand in for different content. It records the length and CRC-32 of every file
the build read or ran: the revision's TOML chain, the modules of :mod:`wwc_standard.revisions`
and the modules whose classes it pickles. When any of them differs from the package's (a TOML
file edited, a class changed), the pickle is ignored and the revision is built from its TOML as
before: slower, never wrong. A checksum, not a cryptographic hash, because what it tells apart
is an edit from none in the package's own files (nobody forges them to match: whoever can
write the package's files can write its code), and zlib is imported in a fraction of the time
hashlib takes, on every start of the command line. The fingerprint, which auditors pin, is a
SHA-256 of the content, as ever. ``tests/revisions/test_compiled.py`` fails in CI until
``python .ci/compile_standards.py`` writes it again, and compares every loaded revision with a
fresh build (equal content, fingerprint and catalogs).

Pickle, not a format of our own, because it restores the frozen objects without running their
converters and validators again; it is package data written by the project's own script, read
from the installed package only, never from a user's file.

>>> from wwc_standard.revisions.registry import standard
>>> load_compiled("2024") == standard("2024")
True
"""

from __future__ import annotations

import functools
import zlib
from typing import TYPE_CHECKING

from wwc_standard._data import package_bytes, package_folder

from .texts import attach_domains

try:
    # pickle's own loads, without the Python module around it (its import is most of a
    # compiled revision's first load); the same function pickle.loads is on CPython. Older
    # typesheds (mypy 1.12, our lowest) have no stub for _pickle.
    from _pickle import loads  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # another Python: the pure-Python pickle
    from pickle import loads

if TYPE_CHECKING:
    from .model import Standard

__all__ = ["FORMAT", "compile_standard", "compiled_name", "load_compiled"]

FORMAT = 1
"""The layout of a compiled file; a file of another layout is ignored."""

# Modules outside revisions/ whose classes a revision holds (its texts and messages, the
# read-only mappings) or whose code builds it (the package data reader).
_ALSO_BUILT_BY = ("i18n/messages.py", "i18n/languages.py", "_pickling.py", "_data.py")


def compiled_name(version: str) -> str:
    """The compiled file of shipped revision ``version``, inside the package.

    >>> compiled_name("2024")
    'standards/2024.pickle'
    """
    return f"standards/{version}.pickle"


@functools.cache
def _code_digest() -> str:
    """:func:`_digest` of the package's modules a revision's build runs, read once per process
    (the code cannot change while it runs; every revision's check needs the same)."""
    modules = [f"revisions/{name}" for name in package_folder("revisions") if name.endswith(".py")]
    return _digest(modules + list(_ALSO_BUILT_BY))


def _digest(files: list[str]) -> str:
    """Each of ``files`` of the package by name, length and CRC-32, in one string."""
    parts = []
    for name in files:
        content = package_bytes(name)
        parts.append(f"{name}:{len(content)}:{zlib.crc32(content):08x}")
    return ";".join(parts)


def compile_standard(standard: Standard, chain: tuple[str, ...]) -> bytes:
    """The compiled file of a shipped revision built from the TOML files ``chain`` (its own
    file first, then those it extends), as ``.ci/compile_standards.py`` writes it."""
    # pickle's writer only where revisions are compiled: the package only reads them.
    import pickle

    domains: tuple[str, ...] = getattr(standard, "_domains", ())
    payload = pickle.dumps(standard, protocol=5)
    digest = _digest(list(chain)) + ";" + _code_digest()
    header = (FORMAT, chain, digest, domains, standard.fingerprint, payload)
    return pickle.dumps(header, protocol=5)


def load_compiled(version: str) -> Standard | None:
    """Shipped revision ``version`` from its compiled file; None when there is none, or when a
    file it was built from has changed since (then build it from its TOML)."""
    try:
        raw = package_bytes(compiled_name(version))
    except OSError:
        return None
    # The header is checked before the revision is unpickled: a revision pickled by other
    # code is never restored.
    header = loads(raw)
    if not (isinstance(header, tuple) and len(header) == 6 and header[0] == FORMAT):
        return None
    _, chain, digest, domains, fingerprint, payload = header
    try:
        current = _digest(list(chain)) + ";" + _code_digest()
    except OSError:  # a file of the chain is gone: the compiled file is stale
        return None
    if current != digest:
        return None
    standard: Standard = loads(payload)
    # The catalogs of its texts are no part of its content, so no part of its pickled state.
    attach_domains(standard, domains)
    # Its fingerprint as the build computed it (a cached property, which pickles as nothing):
    # computing it again would need the cattrs codec that loading it this way spares.
    object.__setattr__(standard, "fingerprint", fingerprint)
    return standard
