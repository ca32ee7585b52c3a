"""The HTML reports in a real browser: headless Chromium driven by Selenium, checked by axe-core.

Each report is opened from a ``file://`` URL, as a reader opens a saved report, in every
locale: the example city's report with its roadmap, a hostile one (script tags, quotes, event
handlers and ``javascript:`` links in every field a user writes: city name, notes, evidence, and
the title, practice-area and criterion names of a revision file of their own), and a cohort
report holding both. On each
page: no console error, no script of the input ran (no ``window.__pwned``, no alert), no script
element, no event-handler attribute, no link but http(s) ones (each ``rel="noopener
noreferrer"``), nothing fetched, the ``lang`` of the locale, the chart as inline SVG with a
title and a description, and no serious or critical violation from axe-core. Each page is then
printed to PDF by the browser and cut into PNG pages (``pdftoppm -png -r 60``) under
``build/report-pages/<locale>/`` (or ``$WWC_REPORT_PAGES``), with axe's full results beside
them, for a person to look at; ``.ci/run`` lists that folder at the end of its summary.

Needs Debian's ``chromium``, ``chromium-driver`` and ``poppler-utils``. Without them the tests
skip, saying how to install them; under ``CI=true`` they fail instead, so a CI run never passes
without having looked.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import wwc_standard as wwc

LOCALES = ("en", "es", "pt_BR", "fr")
ROOT = Path(__file__).resolve().parents[2]
PAGES = Path(os.environ.get("WWC_REPORT_PAGES") or ROOT / "build" / "report-pages")
INSTALL = (
    "install them with `apt-get install chromium chromium-driver poppler-utils` (Debian; "
    "`.ci/run` does) and `pip install -e '.[test]'`"
)
# axe-core's impacts, the worst last; the issue (#13) allows none of the two worst.
FORBIDDEN = ("serious", "critical")

# Each payload records that it ran in window.__pwned (or opens an alert): the page checks that
# nothing did. They close the element or attribute they might land in first.
PAYLOADS = (
    "<script>window.__pwned = 'script'</script>",
    "\"'><img src=x onerror=\"window.__pwned = 'img'\">",
    "</td></tr></table></svg><svg onload=\"window.__pwned = 'svg'\">",
    "<a href=\"javascript:window.__pwned = 'link'\">click</a>",
    "<script>alert('pwned')</script>",
    "{{ 7 * 7 }} {% raw %} ${7 * 7} &amp; &lt;b&gt;",
)
HOSTILE = " ".join(PAYLOADS)
CITY = "Evil\"'<script>window.__pwned = 'city'</script> <b>ville</b>"
EVIDENCE = [
    "javascript:window.__pwned = 'evidence'",
    " JaVaScRiPt:alert('evidence')",
    "data:text/html,<script>alert('data')</script>",
    "vbscript:msgbox('evidence')",
    'https://ok.example/a"onmouseover="window.__pwned = \'attribute\'"><script>x()</script>',
    "//protocol-relative.example/path",
    HOSTILE,
]


def hostile_standard() -> wwc.Standard:
    """A revision file of a user's own: hostile title, practice-area and criterion names."""
    areas = wwc.standard("2024").to_dict()["practice_areas"]
    for area in areas:
        area["name"] = f"{area['name']} {HOSTILE}"
    return wwc.Standard.from_dict(
        {
            "version": "2024-hostile",
            "extends": "2024",
            "title": f"Our revision {HOSTILE}",
            "changes": [f"DM1 and DM8 renamed {HOSTILE}"],
            "practice_areas": areas,
            "amend_criteria": [
                {"id": "DM1", "name": f"DM1 {HOSTILE}", "description": f"What {HOSTILE}"},
                {"id": "DM8", "name": f"DM8 {HOSTILE}", "description": f"Why {HOSTILE}"},
            ],
        }
    )


def hostile_data() -> dict[str, Any]:
    """The example's answers with a hostile city name, notes and evidence everywhere."""
    data = wwc.example_assessment().to_dict()
    del data["standard"], data["fingerprint"]
    data["city"]["name"] = CITY
    for criterion in ("DM1", "DM8", "LC6", "OD3"):
        answer = data["answers"].get(criterion)
        status = answer if isinstance(answer, str) else (answer or {}).get("status", "unknown")
        data["answers"][criterion] = {"status": status, "evidence": EVIDENCE, "note": HOSTILE}
    return data


def render(page: str, locale: str) -> str:
    if page == "example":
        return wwc.evaluate(wwc.example_assessment()).to_html(locale=locale, roadmap=True)
    if page == "hostile":
        result = wwc.evaluate(hostile_data(), hostile_standard())
        return result.to_html(locale=locale, roadmap=True)
    cities = []
    for name, met in (("Northville", ["DM7", "LC6"]), ("Southport", []), ("Eastfield", ["PA4"])):
        data = wwc.example_assessment().to_dict()
        data["city"]["name"] = name
        data["answers"].update(dict.fromkeys(met, "met"))
        cities.append(data)
    hostile = hostile_data()
    cities.append(hostile)
    return wwc.evaluate_many(cities, "2024").to_html(locale=locale)


def unavailable(reason: str) -> None:
    """Skip outside CI; fail under CI, where a browser check that did not run is no pass."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser checks: {INSTALL}", pytrace=False)
    pytest.skip(f"{reason}: {INSTALL}")


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    """One headless Chromium for the module, its console kept at every level."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
        from selenium_axe_python import Axe  # noqa: F401 (needed by the pages' check)
    except ImportError as missing:
        unavailable(f"the Python packages of the browser check are missing ({missing})")
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    chromedriver = shutil.which("chromedriver")
    tools = {
        "chromium": browser,
        "chromedriver": chromedriver,
        "pdftoppm": shutil.which("pdftoppm"),
    }
    missing = [name for name, found in tools.items() if found is None]
    if browser is None or chromedriver is None or missing:
        unavailable(f"not installed: {', '.join(missing)}")
    options = Options()
    options.binary_location = browser
    # Root (as in CI) needs --no-sandbox; a container's small /dev/shm needs the other.
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The driver given by path: Selenium Manager must not try to download one.
    chrome = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    try:
        yield chrome
    finally:
        chrome.quit()


# What the page holds, read in the page: every problem as one line of text.
INSPECT = """
const problems = [];
if (typeof window.__pwned !== 'undefined') problems.push('a payload ran: ' + window.__pwned);
for (const s of document.scripts) problems.push('script element: ' + s.outerHTML.slice(0, 120));
for (const e of document.querySelectorAll('*')) {
  for (const a of e.attributes) {
    if (a.name.startsWith('on')) problems.push('handler attribute ' + a.name + ' on ' + e.tagName);
  }
}
for (const a of document.querySelectorAll('a[href]')) {
  const href = a.getAttribute('href');
  if (href.startsWith('#')) continue;
  let protocol;
  try { protocol = new URL(a.href).protocol; } catch (e) { protocol = 'not a URL'; }
  if (protocol !== 'http:' && protocol !== 'https:') {
    problems.push('link that is not http(s): ' + href.slice(0, 120));
  } else {
    const rel = (a.getAttribute('rel') || '').split(/\\s+/);
    if (!rel.includes('noopener') || !rel.includes('noreferrer')) {
      problems.push('http(s) link without rel="noopener noreferrer": ' + href.slice(0, 120));
    }
  }
}
for (const r of performance.getEntriesByType('resource')) problems.push('fetched: ' + r.name);
const charts = Array.from(document.querySelectorAll('svg')).filter(
  s => s.querySelector(':scope > title') && s.querySelector(':scope > title').textContent.trim());
if (charts.length === 0) problems.push('no inline svg chart with a title');
for (const s of charts) {
  const desc = s.querySelector(':scope > desc');
  if (!desc || !desc.textContent.trim()) problems.push('svg chart without a desc');
}
return {problems: problems, lang: document.documentElement.lang, text: document.body.innerText};
"""


def keep(folder: Path, name: str, data: bytes) -> Path:
    """Write a file whole or not at all (a reader never sees half a page)."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{name}.partial"
    partial.write_bytes(data)
    return partial.replace(folder / name)


def print_pages(chrome: Any, folder: Path, page: str) -> list[Path]:
    """Print the open page to PDF as the browser prints it, and cut it into PNG pages."""
    printed = chrome.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    pdf = keep(folder, f"{page}.pdf", base64.b64decode(printed["data"]))
    for old in folder.glob(f"{page}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / page)],
        check=True,
        capture_output=True,
    )
    return sorted(folder.glob(f"{page}-*.png"))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("page", ["example", "hostile", "cohort"])
def test_the_report_in_a_browser(driver: Any, tmp_path: Path, page: str, locale: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium_axe_python import Axe

    html = render(page, locale)
    report = tmp_path / f"{page}.html"
    report.write_text(html, encoding="utf-8")
    driver.get_log("browser")  # forget the previous page's messages
    driver.get(report.as_uri())
    problems: list[str] = []
    try:
        alert = driver.switch_to.alert
        problems.append(f"an alert opened: {alert.text}")
        alert.dismiss()
    except NoAlertPresentException:
        pass
    seen = driver.execute_script(INSPECT)
    problems += seen["problems"]
    if seen["lang"].lower() != locale.replace("_", "-").lower():
        problems.append(f"<html lang={seen['lang']!r}>, not the locale {locale}")
    if page != "example" and CITY not in seen["text"]:
        problems.append("the hostile city name is not shown as the text it is")
    problems += [
        f"console {entry['level']}: {entry['message']}"
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE"
    ]

    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    folder = PAGES / locale
    # What a person reads: the findings, not the hundreds of rules that passed.
    findings = {k: results.get(k) for k in ("testEngine", "url", "violations", "incomplete")}
    keep(folder, f"{page}-axe.json", json.dumps(findings, indent=1).encode("utf-8"))
    impacts = Counter(v["impact"] for v in results["violations"])
    print(f"axe {page} {locale}: {dict(impacts) or 'no violation'}")
    for violation in results["violations"]:
        if violation["impact"] in FORBIDDEN:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
            problems.append(
                f"axe {violation['impact']} {violation['id']} ({violation['help']}) "
                f"on {targets[:5]}{' ...' if len(targets) > 5 else ''}"
            )

    pngs = print_pages(driver, folder, page)
    if not pngs:
        problems.append("printing to PDF gave no page")
    assert not problems, f"{page} report, {locale}:\n" + "\n".join(problems)
