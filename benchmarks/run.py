"""Benchmarks of wwc-standard: numbers and same-run ratios, never pass/fail limits.

    python benchmarks/run.py            # full run (about half a minute)
    python benchmarks/run.py --quick    # fewer repetitions, for CI
    python benchmarks/run.py --json     # machine-readable

What is measured, each next to a baseline taken in the same run:

- cold ``import wwc_standard`` in a fresh interpreter, against a bare interpreter
  (``python -c pass``), plus which heavy modules the import pulled in (none should be);
- the first load of a revision in a fresh process (TOML, cattrs, validation), against the
  import alone;
- ``evaluate()`` on a parsed 43-answer assessment, per call, against a plain loop that counts
  the met answers of the same assessment; and ``evaluate()`` from a JSON-like dict;
- memory: peak traced allocation of loading a revision and of one fully expanded evaluation.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import timeit
import tracemalloc
from typing import Any


def _fresh(code: str, repeats: int) -> float:
    """Median wall time in seconds of running ``code`` in a fresh interpreter."""
    times = []
    for _ in range(repeats):
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                "import time; t = time.perf_counter()\n"
                + code
                + "\nprint(time.perf_counter() - t)",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        times.append(float(out.split()[-1]))
    return statistics.median(times)


def _process(code: str, repeats: int) -> float:
    """Median wall time of a whole interpreter start running ``code``."""
    times = []
    for _ in range(repeats):
        start = timeit.default_timer()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(timeit.default_timer() - start)
    return statistics.median(times)


def _per_call(func: Any, seconds: float) -> float:
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    runs = max(3, int(seconds / max(timer.timeit(number) / number * number, 1e-9)))
    best = min(timer.repeat(repeat=min(runs, 7), number=number))
    return best / number


def full_answers() -> dict[str, Any]:
    import wwc_standard as wwc

    std = wwc.standard("2024")
    answers: dict[str, Any] = {}
    for index, criterion in enumerate(std.criteria):
        answers[criterion.id] = (
            {"status": "met", "evidence": [f"https://example.org/{criterion.id}"]}
            if index % 3
            else "unmet"
        )
    return {
        "standard": "2024",
        "city": {"name": "Benchmark", "country": "US", "population": 100000},
        "answers": answers,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    repeats = 5 if args.quick else 21
    seconds = 0.2 if args.quick else 1.0
    results: dict[str, Any] = {}

    bare = _process("pass", repeats)
    imported = _process("import wwc_standard", repeats)
    results["import_ms"] = (imported - bare) * 1e3
    results["bare_interpreter_ms"] = bare * 1e3
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, wwc_standard, wwc_standard.revisions.shipped as l; "
            "print(sorted(m for m in ('cattrs', 'babel', 'tomllib', 'json') if m in sys.modules)); "
            "print(l.shipped_raw.cache_info().currsize)",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    results["heavy_modules_at_import"] = loaded[0]
    results["revisions_read_at_import"] = int(loaded[1])

    results["first_load_ms"] = (
        _fresh(
            "import wwc_standard\nt = time.perf_counter()\nwwc_standard.standard('2024')\n"
            "print(time.perf_counter() - t)",
            repeats,
        )
        * 1e3
    )

    import wwc_standard as wwc

    data = full_answers()
    assessment = wwc.Assessment.from_dict(data)
    std = wwc.standard("2024")
    wwc.evaluate(assessment, std)

    def baseline() -> int:
        count = 0
        for answer in assessment.answers.values():
            if answer.status is wwc.AnswerStatus.MET:
                count += 1
        return count

    results["evaluate_us"] = _per_call(lambda: wwc.evaluate(assessment, std), seconds) * 1e6
    results["baseline_count_met_us"] = _per_call(baseline, seconds) * 1e6
    results["evaluate_over_baseline"] = results["evaluate_us"] / results["baseline_count_met_us"]
    results["evaluate_from_dict_us"] = _per_call(lambda: wwc.evaluate(data), seconds) * 1e6
    results["evaluate_and_expand_us"] = (
        _per_call(lambda: wwc.evaluate(assessment, std).to_dict(), seconds) * 1e6
    )

    tracemalloc.start()
    wwc.evaluate(assessment, std).to_dict()
    results["evaluation_peak_kib"] = tracemalloc.get_traced_memory()[1] / 1024
    tracemalloc.stop()
    results["revision_load_peak_kib"] = float(
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import tracemalloc, wwc_standard; tracemalloc.start(); "
                "wwc_standard.standard('2024'); "
                "print(tracemalloc.get_traced_memory()[1] / 1024)",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"python {sys.version.split()[0]}, {'quick' if args.quick else 'full'} run")
    print(
        f"cold import               {results['import_ms']:8.1f} ms over a bare interpreter "
        f"({results['bare_interpreter_ms']:.1f} ms)"
    )
    print(
        f"  heavy modules at import {results['heavy_modules_at_import']}, "
        f"revisions read: {results['revisions_read_at_import']}"
    )
    print(f"first load of 2024       {results['first_load_ms']:8.1f} ms")
    print(f"evaluate(), 43 answers    {results['evaluate_us']:8.1f} us per call")
    print(
        f"  baseline: count met     {results['baseline_count_met_us']:8.2f} us per call "
        f"(evaluate is {results['evaluate_over_baseline']:.1f}x)"
    )
    print(f"evaluate() from a dict    {results['evaluate_from_dict_us']:8.1f} us per call")
    print(f"evaluate() + to_dict()    {results['evaluate_and_expand_us']:8.1f} us per call")
    print(
        f"peak memory: revision load {results['revision_load_peak_kib']:.0f} KiB, "
        f"expanded evaluation {results['evaluation_peak_kib']:.0f} KiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
