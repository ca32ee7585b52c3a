"""Write the compiled form of every shipped revision (``standards/<version>.pickle``), built
from its TOML files; see :mod:`wwc_standard.revisions.compiled` for why and how it is checked.

    .venv/bin/python .ci/compile_standards.py            # write what changed
    .venv/bin/python .ci/compile_standards.py --check    # change nothing; exit 1 if any is stale

Run it after editing a revision file or a module of ``wwc_standard/revisions``; the tests
refuse a stale compiled file (``tests/revisions/test_compiled.py``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wwc_standard.revisions.compiled import compile_standard, compiled_name, load_compiled
from wwc_standard.revisions.registry import build_shipped, shipped_chain
from wwc_standard.revisions.shipped import shipped_versions

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "wwc_standard"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    check = parser.parse_args(argv).check
    stale = []
    for version in shipped_versions():
        built = build_shipped(version)
        loaded = load_compiled(version)
        if loaded is not None and loaded == built and loaded.fingerprint == built.fingerprint:
            continue
        stale.append(version)
        if not check:
            path = PACKAGE / compiled_name(version)
            path.write_bytes(compile_standard(built, shipped_chain(version)))
            print(f"wrote {path.relative_to(PACKAGE.parent.parent)}")
    if check and stale:
        print(f"stale compiled revisions: {', '.join(stale)}; run .ci/compile_standards.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
