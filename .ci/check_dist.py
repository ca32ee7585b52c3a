"""Prove the built wheel and sdist carry the package data, by installing and evaluating.

Run by .ci/run after `python -m build`. The wheel is installed into a fresh virtual environment
(its dependencies come from the package index) and evaluated from a temporary directory, so an
import that only works from the checkout, or a revision file left out of the wheel, fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from pathlib import Path

REQUIRED = (
    "wwc_standard/py.typed",
    "wwc_standard/examples/exampleton.json",
    "wwc_standard/guidance/effort.toml",
    "wwc_standard/locales/README.md",
    "wwc_standard/locales/revision-2022.pot",
    *(f"wwc_standard/locales/{lang}/LC_MESSAGES/revision-2022.po" for lang in ("es", "fr")),
    "wwc_standard/locales/guidance.pot",
    *(f"wwc_standard/locales/{lang}/LC_MESSAGES/guidance.po" for lang in ("es", "fr")),
    *(f"wwc_standard/standards/{year}.toml" for year in range(2017, 2027)),
    "wwc_standard/crosswalks/2017-2018.toml",
    "wwc_standard/crosswalks/2021-2022.toml",
    "wwc_standard/schemas/revision.schema.json",
    "wwc_standard/schemas/assessment.schema.json",
)


def main(dist: Path) -> int:
    wheels = sorted(dist.glob("wwc_standard-*.whl"))
    sdists = sorted(dist.glob("wwc_standard-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"expected one wheel and one sdist in {dist}, found {wheels + sdists}")
        return 1
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = set(wheel.namelist())
    missing = [name for name in REQUIRED if name not in names]
    # PEP 639: the licence text ships in the wheel's .dist-info/licenses/ (pyproject's
    # license-files) and at the root of the sdist.
    if not any(name.endswith(".dist-info/licenses/LICENSE") for name in names):
        missing.append("wheel: *.dist-info/licenses/LICENSE")
    with tarfile.open(sdists[0]) as sdist:
        sdist_names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    missing += [f"sdist: src/{name}" for name in REQUIRED if f"src/{name}" not in sdist_names]
    missing += [
        f"sdist: {name}"
        for name in ("pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE")
        if name not in sdist_names
    ]
    if missing:
        print("missing from the distributions:", *missing, sep="\n  ")
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "env"
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        subprocess.run([python, "-m", "pip", "install", "-q", str(wheels[0].resolve())], check=True)
        run = subprocess.run(
            [env_dir / "bin" / "wwc-standard", "evaluate", "--example", "--format", "json"],
            check=True,
            capture_output=True,
            text=True,
            cwd=tmp,
        )
        result = json.loads(run.stdout)
        where = subprocess.run(
            [
                python,
                "-c",
                "import wwc_standard, sys; print(wwc_standard.__file__); "
                "print(wwc_standard.standards())",
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=tmp,
        ).stdout
    if "site-packages" not in where:
        print(f"the installed package was not the one imported: {where}")
        return 1
    summary = (result["tier"], result["points"], result["possible"], result["standard"]["version"])
    print(f"wheel {wheels[0].name}: {len(names)} files; evaluated example -> {summary}")
    print(f"imported from {where.strip()}")
    return 0 if summary == ("silver", 27, 43, "2024") else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist")))
