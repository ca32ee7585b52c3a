"""Make again the printed pages of the example report that the docs show (docs/reports.md).

Run from the checkout after a change to the report's look, look at the pictures, commit them:

    PYTHONPATH=src python .ci/report_pages.py         # docs/_static/report-example-page1.png, page3
    PYTHONPATH=src python .ci/report_pages.py --pages 1 2 3 --resolution 100

The English example report with its roadmap (``Evaluation.to_html(locale="en", roadmap=True)``)
is opened in headless Chromium and printed to PDF as the browser tests print every report
(DevTools ``Page.printToPDF``: letter paper, backgrounds printed); ``pdftoppm`` cuts the pages
asked for into PNG files. Needs the test extra (Selenium) and Debian's ``chromium``,
``chromium-driver`` and ``poppler-utils``, which ``.ci/run`` installs. Every page of every
locale, and of a hostile report, is printed by the browser tests under ``build/report-pages/``
on each CI run.
"""

from __future__ import annotations

import argparse
import base64
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
    parser.add_argument("--pages", type=int, nargs="+", default=[1, 3], help="pages (1 3)")
    parser.add_argument("--resolution", type=int, default=80, help="dots per inch (80)")
    options = parser.parse_args()
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    chromedriver = shutil.which("chromedriver")
    if browser is None or chromedriver is None or shutil.which("pdftoppm") is None:
        print(
            "needs chromium, chromedriver and pdftoppm: "
            "apt-get install chromium chromium-driver poppler-utils",
            file=sys.stderr,
        )
        return 2
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    html = wwc.evaluate(wwc.example_assessment()).to_html(locale="en", roadmap=True)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        report = folder / "report.html"
        report.write_text(html, encoding="utf-8")
        settings = Options()
        settings.binary_location = browser
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
            settings.add_argument(argument)  # --no-sandbox: root, as in CI, has no sandbox
        chrome = webdriver.Chrome(service=Service(executable_path=chromedriver), options=settings)
        try:
            chrome.get(report.as_uri())
            printed = chrome.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
        finally:
            chrome.quit()
        pdf = folder / "report.pdf"
        pdf.write_bytes(base64.b64decode(printed["data"]))
        STATIC.mkdir(parents=True, exist_ok=True)
        for number in options.pages:
            stem = folder / f"page{number}"
            page = ["-f", str(number), "-l", str(number), "-r", str(options.resolution)]
            subprocess.run(
                ["pdftoppm", "-png", "-singlefile", *page, str(pdf), str(stem)], check=True
            )
            kept = STATIC / f"report-example-page{number}.png"
            shutil.copyfile(stem.with_suffix(".png"), kept)
            print(kept.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
