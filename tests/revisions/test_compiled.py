"""The compiled form of the shipped revisions: up to date, equal to a build from the TOML, and
ignored (never trusted) when a file it was built from differs."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

import wwc_standard as wwc
from wwc_standard.revisions import compiled
from wwc_standard.revisions.registry import build_shipped, shipped_chain, shipped_standard
from wwc_standard.revisions.shipped import shipped_versions

VERSIONS = shipped_versions()


@pytest.mark.parametrize("version", VERSIONS)
def test_each_compiled_revision_is_up_to_date_and_equals_its_build(version: str) -> None:
    loaded = compiled.load_compiled(version)
    assert loaded is not None, f"{version}: stale or missing; run .ci/compile_standards.py"
    built = build_shipped(version)
    assert loaded == built
    assert loaded.fingerprint == built.fingerprint
    assert loaded.to_dict() == built.to_dict()
    # The catalogs its texts are looked up in, which are no part of its content.
    owners = [loaded, loaded.eligibility, *loaded.practice_areas, *loaded.criteria]
    assert {owner._domains for owner in owners} == {built._domains}  # type: ignore[attr-defined]
    spanish = [
        (a.title("es"), b.title("es")) for a, b in zip(loaded.criteria, built.criteria, strict=True)
    ]
    assert all(a == b for a, b in spanish)


def test_the_registry_loads_the_compiled_form() -> None:
    code = (
        "import sys, wwc_standard as wwc\n"
        "wwc.evaluate(wwc.example_assessment())\n"
        "print('cattrs' in sys.modules, 'tomllib' in sys.modules, 'pickle' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # Nor the pickle module: _pickle.loads reads the compiled form (start-up time).
    assert out.stdout.split() == ["False", "False", "False"]


def test_a_compiled_file_whose_sources_changed_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    real = compiled.package_bytes

    def edited(name: str) -> bytes:
        content = real(name)
        return content + b"\n# edited\n" if name == "standards/2023.toml" else content

    monkeypatch.setattr(compiled, "package_bytes", lambda name: edited(name))
    # 2024 extends 2023: an edit to the file it extends makes it stale too.
    assert compiled.load_compiled("2024") is None
    assert compiled.load_compiled("2023") is None
    assert compiled.load_compiled("2021") is not None


def test_a_compiled_file_of_another_layout_or_missing_is_ignored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = compiled.package_bytes
    other = pickle.dumps((compiled.FORMAT + 1, (), "", (), "", b""))

    def read(name: str) -> bytes:
        if name == compiled.compiled_name("2024"):
            return other
        if name == compiled.compiled_name("2023"):
            raise FileNotFoundError(name)
        return real(name)

    monkeypatch.setattr(compiled, "package_bytes", read)
    assert compiled.load_compiled("2024") is None
    assert compiled.load_compiled("2023") is None
    # The registry then builds it from the TOML: the same revision.
    shipped_standard.cache_clear()
    try:
        assert shipped_standard("2024") == build_shipped("2024")
    finally:
        shipped_standard.cache_clear()


def test_the_chain_is_the_revision_and_those_it_extends() -> None:
    assert shipped_chain("2017") == ("standards/2017.toml",)
    for version in VERSIONS:
        chain = shipped_chain(version)
        assert chain[0] == f"standards/{version}.toml"
        assert len(chain) == len(set(chain))
    assert wwc.standard("2024").extends == "2023"
