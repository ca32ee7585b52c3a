"""Keep the first pages of the English example report as PNG pictures for the docs site.

Run from the checkout, after a change to the report's look, and commit the pictures:

    PYTHONPATH=src python .ci/report_pages.py            # docs/_static/report-en-1.png ...
    PYTHONPATH=src python .ci/report_pages.py --pages 2 --resolution 90

The example city's report (``Evaluation.to_html(locale="en", roadmap=True)``) is printed to
PDF by headless Chromium, as a reader's browser prints it, and its first pages are cut into
PNG files by ``pdftoppm``. Needs Debian's ``chromium`` and ``poppler-utils`` (``.ci/run``
installs them). The pictures of every locale, and of a hostile report, are made by the browser
tests under ``build/report-pages/`` on each CI run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import wwc_standard as wwc

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "docs" / "_static"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3, help="how many pages to keep (3)")
    parser.add_argument("--resolution", type=int, default=75, help="dots per inch (75)")
    options = parser.parse_args()
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    if browser is None or shutil.which("pdftoppm") is None:
        print(
            "needs chromium and pdftoppm: apt-get install chromium poppler-utils",
            file=sys.stderr,
        )
        return 2
    html = wwc.evaluate(wwc.example_assessment()).to_html(locale="en", roadmap=True)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        report = folder / "report.html"
        report.write_text(html, encoding="utf-8")
        pdf = folder / "report.pdf"
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",  # root, as in CI, has no sandbox
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                report.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
        first = ["-f", "1", "-l", str(options.pages)]
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(options.resolution),
                *first,
                str(pdf),
                str(folder / "page"),
            ],
            check=True,
        )
        # pdftoppm pads the page number to the width of the last page's: sort by number.
        pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1]))
        if not pages:
            print("the printed report has no page", file=sys.stderr)
            return 1
        for old in STATIC.glob("report-en-*.png"):
            old.unlink()
        STATIC.mkdir(parents=True, exist_ok=True)
        for number, page in enumerate(pages, start=1):
            kept = STATIC / f"report-en-{number}.png"
            shutil.copyfile(page, kept)
            print(kept.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
