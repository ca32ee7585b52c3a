"""Doctests of the documentation pages that write files run in a temporary folder of their own.

The command-line page and the tutorials write the files they show (an assessment, a migrated
copy, a stored result) into the current folder, as a user would; here that folder is a fresh
temporary one per page, so nothing is left in the checkout. (The other pages read files of the
checkout by their path from its root, and run where pytest is started.) The help of the command
line is as wide as an 80-column terminal, whatever terminal the tests run in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# Sphinx's configuration and this file: plain Python with no doctest in them.
collect_ignore = ["conf.py", "conftest.py"]

HERE = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _page_folder(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = Path(str(request.node.path)).resolve()
    if page == HERE / "cli.md" or page.parent == HERE / "tutorials":
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("COLUMNS", "80")
