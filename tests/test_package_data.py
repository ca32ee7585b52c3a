"""The package's own data is read the same way from a folder (as pip installs it) and through
importlib.resources (a package imported from elsewhere, such as a zip file)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import wwc_standard
from wwc_standard import _data

PACKAGE = Path(wwc_standard.__file__).parent


def test_a_folder_is_read_directly_and_as_importlib_resources_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _data._package_on_disk() == str(PACKAGE)
    direct = (_data.package_folder("standards"), _data.package_bytes("standards/2024.toml"))
    monkeypatch.setattr(_data, "_package_on_disk", lambda: None)
    through_resources = (
        _data.package_folder("standards"),
        _data.package_bytes("standards/2024.toml"),
    )
    assert direct == through_resources
    assert "2024.toml" in direct[0]
    assert "2024.pickle" in direct[0]


def test_a_package_in_a_zip_file_reads_its_data(tmp_path: Path) -> None:
    archive = tmp_path / "wwc.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in PACKAGE.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, "wwc_standard/" + path.relative_to(PACKAGE).as_posix())
    code = (
        "import wwc_standard as wwc, wwc_standard._data as d\n"
        "assert d._package_on_disk() is None, d._package_on_disk()\n"
        "print(wwc.evaluate(wwc.example_assessment()).tier.value, wwc.standards()[-1])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(archive), "PATH": ""},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["silver", wwc_standard.standards()[-1]]
