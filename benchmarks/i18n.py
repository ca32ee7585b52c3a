"""Benchmarks of explanations in each locale: numbers and same-run ratios to English, no limits.

    python benchmarks/i18n.py            # full run
    python benchmarks/i18n.py --quick    # fewer repetitions, for CI
    python benchmarks/i18n.py --json     # machine-readable

For each locale (en, es, pt_BR, fr), on the bundled example evaluation:

- the first ``explain(locale)`` in a fresh interpreter, after ``evaluate()``: for a translated
  locale this includes reading and compiling its catalogs from the ``.po`` files (the library's
  and the revision's along ``extends``); shown next to the same first call in English;
- a warm ``explain(locale)`` (catalogs cached), per call, next to the warm call in English;
- the catalog load alone: the library's catalog of the locale read and compiled from its
  ``.po`` in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import timeit
from typing import Any

LOCALES = ("en", "es", "pt_BR", "fr")

FIRST_EXPLAIN = """\
import time, wwc_standard as wwc
result = wwc.evaluate(wwc.example_assessment())
result.criteria, result.gaps  # the prose of the evaluation itself, in English, is not timed
t = time.process_time()
result.explain({locale!r})
print(time.process_time() - t)
"""

CATALOG_LOAD = """\
import time, wwc_standard.i18n.catalogs as i18n
t = time.process_time()
i18n.translations({locale!r})
print(time.process_time() - t)
"""


def _fresh(code: str, repeats: int) -> float:
    """Median of the seconds ``code`` prints, each run in a fresh interpreter."""
    times = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout
        times.append(float(out.split()[-1]))
    return statistics.median(times)


def _per_call(func: Any, seconds: float) -> float:
    timer = timeit.Timer(func, timer=time.process_time)
    number, elapsed = timer.autorange()
    repeat = max(3, min(7, int(seconds / max(elapsed, 1e-9))))
    return min(timer.repeat(repeat=repeat, number=number)) / number


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    repeats = 3 if args.quick else 11
    seconds = 0.2 if args.quick else 1.0

    import wwc_standard as wwc

    result = wwc.evaluate(wwc.example_assessment())
    results: dict[str, dict[str, float]] = {}
    for locale in LOCALES:
        result.explain(locale)  # warm: catalogs read once
        results[locale] = {
            "first_explain_ms": _fresh(FIRST_EXPLAIN.format(locale=locale), repeats) * 1e3,
            "warm_explain_us": _per_call(lambda locale=locale: result.explain(locale), seconds)
            * 1e6,
            "catalog_load_ms": _fresh(CATALOG_LOAD.format(locale=locale), repeats) * 1e3,
        }
    english = results["en"]
    for row in results.values():
        row["first_over_english"] = row["first_explain_ms"] / english["first_explain_ms"]
        row["warm_over_english"] = row["warm_explain_us"] / english["warm_explain_us"]

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    python = sys.version.split()[0]
    print(f"explain() of the example evaluation, {repeats} fresh runs, Python {python}")
    heads = ("first (ms)", "x en", "warm (us)", "x en", "catalog (ms)")
    print(f"{'locale':<7} {heads[0]:>11} {heads[1]:>6} {heads[2]:>10} {heads[3]:>6} {heads[4]:>13}")
    for locale, row in results.items():
        print(
            f"{locale:<7} {row['first_explain_ms']:>11.2f} {row['first_over_english']:>6.2f} "
            f"{row['warm_explain_us']:>10.1f} {row['warm_over_english']:>6.2f} "
            f"{row['catalog_load_ms']:>13.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
