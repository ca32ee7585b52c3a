"""Benchmarks of wwc-standard: every figure of the speed work, each a ratio to a baseline.

    python benchmarks/run.py            # full run (a few minutes)
    python benchmarks/run.py --quick    # fewer repetitions and smaller cohorts, for CI
    python benchmarks/run.py --json     # machine-readable

The machine is shared and noisy: absolute times move from run to run, ratios to a baseline
timed in the same run hold. So every figure is printed as ours, its baseline, the ratio and the
limit the library aims for; a full run marks a figure over its limit, and neither mode ever
fails on a number (tests assert results, never wall-clock time). Every time is CPU time (this
process's, or a child's user and system time), not wall time: on a shared machine a wall clock
also counts the time other work held the cores, and best-of-N keeps what remains of the noise
out of both sides of a ratio.

Baselines:

- a bare loop over the answers of the same JSON-like payload that counts "met" and maps the
  count to a tier (22/30/37 of 43);
- rule-engine (``pip install -e '.[bench]'``) at its best: one compiled ``Rule`` per criterion
  matched against the answer map, one per tier, the fastest of its resolvers;
- a validating floor (``benchmarks/floor.py``): every problem with its path, a real
  ``Evaluation``;
- a plain pandas DataFrame of the same columns; ``import attrs`` alone; tomllib parsing the
  revision's files; a bare interpreter start.

The planning figures (sensitivity, roadmap, path_to and their growth from 430 to 4,300
criteria) call the public API directly, on the city and the revision shape of
``benchmarks/plan.py``.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import timeit
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import wwc_standard as wwc  # noqa: E402
from floor import floor_evaluate, floor_evaluate_dict  # noqa: E402
from plan import benchmark_revision, ten_of_43  # noqa: E402

Row = dict[str, Any]


# -- timing -----------------------------------------------------------------------------------


def per_call(func: Callable[[], object], seconds: float) -> float:
    """Best time of one call in seconds, over repeats of an autoranged number of calls."""
    timer = timeit.Timer(func, timer=time.process_time)
    number, elapsed = timer.autorange()
    repeat = max(3, min(9, int(seconds / max(elapsed, 1e-9))))
    return min(timer.repeat(repeat=repeat, number=number)) / number


# Fresh interpreters start as an installed package starts: with its bytecode cached (pip
# compiles it at install time). A work tree run with PYTHONDONTWRITEBYTECODE (as .ci/run does)
# would otherwise compile every module of ours on every start, and time the compiler. The
# cache goes to a folder of this run's, so the work tree gets no __pycache__ of ours; the
# first of each series of starts fills it, and is not timed.
_CACHE_FOLDER = tempfile.mkdtemp(prefix="wwc-bench-")
atexit.register(shutil.rmtree, _CACHE_FOLDER, ignore_errors=True)
_CACHE = {**os.environ, "PYTHONPYCACHEPREFIX": _CACHE_FOLDER}
_CACHE.pop("PYTHONDONTWRITEBYTECODE", None)


def paired(
    ours: Callable[[], object], baseline: Callable[[], object], seconds: float
) -> tuple[float, float]:
    """Best times of one call of ``ours`` and of ``baseline``, timed in alternation: a shared
    machine's speed drifts (other work, frequency scaling) between one series and the next,
    and in alternation both sides of a ratio see the same drift."""
    timers = [timeit.Timer(func, timer=time.process_time) for func in (ours, baseline)]
    numbers, elapsed = zip(*(timer.autorange() for timer in timers), strict=True)
    rounds = max(5, min(25, int(seconds / max(sum(elapsed), 1e-9))))
    best = [math.inf, math.inf]
    for _ in range(rounds):
        for k, (timer, number) in enumerate(zip(timers, numbers, strict=True)):
            best[k] = min(best[k], timer.timeit(number) / number)
    return best[0], best[1]


def fresh(code: str) -> float:
    """The seconds ``code`` prints, run in a fresh interpreter (bytecode cached)."""
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=_CACHE
    ).stdout
    return float(out.split()[-1])


def process(argv: list[str]) -> float:
    """The CPU time (user and system) of a whole process running ``argv`` (bytecode cached)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_CACHE
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def starts(runs: list[Callable[[], float]], repeats: int) -> list[float]:
    """The best of ``repeats`` times of each run, the runs in alternation as in :func:`paired`;
    the first time of each, which fills the bytecode cache, is not counted."""
    best = [math.inf] * len(runs)
    for repeat in range(repeats + 1):
        for k, run in enumerate(runs):
            elapsed = run()
            if repeat:
                best[k] = min(best[k], elapsed)
    return best


def once(func: Callable[[], object], repeats: int = 1) -> float:
    """Best wall time of ``func`` over ``repeats`` calls (for calls too slow to autorange)."""
    best = math.inf
    for _ in range(repeats):
        start = time.process_time()
        func()
        best = min(best, time.process_time() - start)
    return best


# -- payloads -----------------------------------------------------------------------------------


def payload(seed: int = 0) -> dict[str, Any]:
    """What an app receives: a city and an answer to each of the 43 criteria of 2024, as the
    status words of the assessment format (31 met, 9 unmet, 3 unknown: Gold)."""
    std = wwc.standard("2024")
    answers = {}
    for index, criterion in enumerate(std.criteria):
        k = (index + seed) % 14
        answers[criterion.id] = "unknown" if k == 13 else ("unmet" if k in (0, 5, 9) else "met")
    return {
        "standard": "2024",
        "city": {"name": f"City {seed}", "country": "US", "population": 100000 + seed},
        "answers": answers,
    }


THRESHOLDS = (22, 30, 37)
TIER_WORDS = ("none", "silver", "gold", "platinum")


def bare_loop(data: dict[str, Any]) -> str:
    """The floor of all floors: count "met" and map the count to a tier."""
    count = 0
    for value in data["answers"].values():
        if value == "met":
            count += 1
    silver, gold, platinum = THRESHOLDS
    return TIER_WORDS[(count >= silver) + (count >= gold) + (count >= platinum)]


def rule_engine_evaluator(data: dict[str, Any]) -> Callable[[], str] | None:
    """rule-engine at its best on ``data``: rules compiled once, the fastest resolver."""
    try:
        import rule_engine
    except ImportError:
        return None
    answers = data["answers"]
    contexts = [None, rule_engine.Context(resolver=rule_engine.resolve_item)]
    best: tuple[float, Callable[[], str]] | None = None
    for context in contexts:
        criteria = [rule_engine.Rule(f'{key} == "met"', context=context) for key in answers]
        tiers = [
            rule_engine.Rule(f"met >= {threshold}", context=context) for threshold in THRESHOLDS
        ]

        def run(criteria: Any = criteria, tiers: Any = tiers) -> str:
            met = sum(1 for rule in criteria if rule.matches(answers))
            reached = sum(1 for rule in tiers if rule.matches({"met": met}))
            return TIER_WORDS[reached]

        assert run() == bare_loop(data)
        elapsed = per_call(run, 0.2)
        if best is None or elapsed < best[0]:
            best = (elapsed, run)
    assert best is not None
    return best[1]


def scaled_revision(size: int) -> wwc.Standard:
    """A valid revision of ``size`` criteria in 10 areas, in the planning benchmarks' shape
    (every third waits on the one 7 places earlier), for the growth figures."""
    areas = [f"A{chr(65 + k)}" for k in range(10)]
    return benchmark_revision(size, areas, lag=7, bands=(51, 68, 85), version=f"bench{size}")


def scaled_city(size: int) -> wwc.Evaluation:
    """About a quarter of a scaled revision met, as in the 10-of-43 city."""
    revision = scaled_revision(size)
    answers = {c.id: ("met" if i % 4 == 0 else "unmet") for i, c in enumerate(revision.criteria)}
    return wwc.evaluate({"answers": answers}, revision)


# -- the figures --------------------------------------------------------------------------------


def row(
    figure: str,
    ours: float | None,
    baseline: float | None,
    unit: str,
    against: str,
    limit: float | None,
    note: str = "",
) -> Row:
    ratio = ours / baseline if ours is not None and baseline else None
    return {
        "figure": figure,
        "ours": ours,
        "baseline": baseline,
        "unit": unit,
        "against": against,
        "ratio": ratio,
        "limit": limit,
        "within": None if ratio is None or limit is None else ratio <= limit,
        "note": note,
    }


def evaluation_figures(seconds: float, cohort_size: int) -> list[Row]:
    rows: list[Row] = []
    data = payload()
    std = wwc.standard("2024")
    expected = wwc.evaluate(data)
    assert expected.tier.value == bare_loop(data) == floor_evaluate_dict(data).tier.value

    ours, bare = paired(lambda: wwc.evaluate(data), lambda: bare_loop(data), seconds)
    rows.append(row("evaluate(dict), 43 answers", ours, bare, "us", "bare loop", 25))
    rival = rule_engine_evaluator(data)
    if rival is None:
        rows.append(
            row(
                "evaluate(dict) / rule-engine",
                ours,
                None,
                "us",
                "rule-engine",
                1 / 8,
                "rule-engine not installed: pip install -e '.[bench]'",
            )
        )
    else:
        # Timed in alternation with evaluate() itself, as every ratio of the table: apart, a
        # drift of the machine's speed between the two series moved this ratio by half.
        ours_paired, rival_time = paired(lambda: wwc.evaluate(data), rival, seconds)
        rows.append(
            row(
                "evaluate(dict) / rule-engine",
                ours_paired,
                rival_time,
                "us",
                "rule-engine at best",
                1 / 8,
                "limit: at least 8x faster",
            )
        )
    ours_paired, prototype_time = paired(
        lambda: wwc.evaluate(data), lambda: floor_evaluate_dict(data), seconds
    )
    rows.append(
        row(
            "evaluate(dict) / prototype",
            ours_paired,
            prototype_time,
            "us",
            "validating floor",
            None,
        )
    )

    assessment = wwc.Assessment.from_dict(data)
    assert floor_evaluate(assessment, std) == wwc.evaluate(assessment, std)
    evaluate_time, floor_time = paired(
        lambda: wwc.evaluate(assessment, std), lambda: floor_evaluate(assessment, std), seconds
    )
    rows.append(
        row(
            "evaluate(Assessment, standard)",
            evaluate_time,
            floor_time,
            "us",
            "validating floor",
            1.5,
        )
    )

    # A cohort of distinct dicts, as a notebook sweep makes them.
    dicts = [payload(seed) for seed in range(cohort_size)]
    repeat = 3 if cohort_size < 10000 else 5
    many = min(timeit.repeat(lambda: wwc.evaluate_many(dicts, std), number=1, repeat=repeat))
    loop = min(timeit.repeat(lambda: [bare_loop(d) for d in dicts], number=1, repeat=repeat))
    rows.append(
        row(
            f"evaluate_many({cohort_size:,} dicts), per item",
            many / cohort_size,
            loop / cohort_size,
            "us",
            "bare loop",
            25,
        )
    )

    gc_time = 0.0
    started: list[float] = []

    def watch(phase: str, info: dict[str, Any]) -> None:
        nonlocal gc_time
        if phase == "start":
            started.append(time.process_time())
        elif started:
            gc_time += time.process_time() - started.pop()

    gc.callbacks.append(watch)
    try:
        start = time.process_time()
        wwc.evaluate_many(dicts, std)
        total = time.process_time() - start
    finally:
        gc.callbacks.remove(watch)
    rows.append(row("  GC share of that run", gc_time, total, "s", "the run", None))

    # Memory kept: what the evaluations hold beyond their inputs (which the caller made).
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    inputs = [payload(seed) for seed in range(2000)]
    input_size = (tracemalloc.get_traced_memory()[0] - before) / len(inputs)
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    kept = wwc.evaluate_many(inputs, std)
    gc.collect()
    kept_size = (tracemalloc.get_traced_memory()[0] - before) / len(inputs)
    tracemalloc.stop()
    del kept
    rows.append(
        row(
            "memory kept per evaluation",
            kept_size / 1024,
            input_size / 1024,
            "KB",
            "the input dict",
            None,
            "limit: at most 3 KB",
        )
    )
    rows[-1]["within"] = kept_size <= 3 * 1024

    # Reading a result: gaps and to_dict, each on a fresh evaluation.
    def first(read: Callable[[wwc.Evaluation], object]) -> float:
        best = math.inf
        for _ in range(5 if seconds < 1 else 15):
            fresh_result = wwc.evaluate(data)
            start = time.process_time()
            read(fresh_result)
            best = min(best, time.process_time() - start)
        return best

    rows.append(row("first .gaps", first(lambda e: e.gaps), ours, "us", "evaluate(dict)", None))
    rows.append(
        row("first to_dict()", first(lambda e: e.to_dict()), ours, "us", "evaluate(dict)", None)
    )
    return rows


def frame_figure(cohort_size: int) -> list[Row]:
    try:
        import pandas as pd
    except ImportError:
        return [row("to_frame()", None, None, "ms", "plain DataFrame", 2, "pandas missing")]
    dicts = [payload(seed) for seed in range(cohort_size)]
    ours = math.inf
    for _ in range(3):
        cohort = wwc.evaluate_many(dicts)
        start = time.process_time()
        cohort.to_frame()
        ours = min(ours, time.process_time() - start)
    columns: dict[str, list[Any]] = {
        "city": [],
        "country": [],
        "population": [],
        "standard": [],
        "tier": [],
        "points": [],
        "possible": [],
        "eligible": [],
        "certifiable": [],
    }
    for e in cohort:
        columns["city"].append(e.assessment.city.name)
        columns["country"].append(e.assessment.city.country)
        columns["population"].append(e.assessment.city.population)
        columns["standard"].append(e.standard.version)
        columns["tier"].append(e.tier.value)
        columns["points"].append(e.points)
        columns["possible"].append(e.possible)
        columns["eligible"].append(e.eligible)
        columns["certifiable"].append(e.certification.possible)

    def plain() -> Any:
        frame = pd.DataFrame(columns)
        frame["tier"] = pd.Categorical(frame["tier"], categories=TIER_WORDS, ordered=True)
        frame["population"] = frame["population"].astype("Int64")
        return frame

    baseline = once(plain, 3)
    return [
        row(f"to_frame(), {cohort_size:,} evaluations", ours, baseline, "ms", "plain DataFrame", 2)
    ]


def planning_figures(seconds: float, growth: bool, timeout: float) -> list[Row]:
    rows: list[Row] = []
    city = ten_of_43()
    assessment, std = city.assessment, city.standard

    def base() -> object:
        return wwc.evaluate(assessment, std)

    against = "evaluate(A, std)"
    for name, call, limit in (
        ("sensitivity()", lambda: wwc.sensitivity(city), 10),
        ("roadmap(), 10 of 43 met", lambda: wwc.roadmap(city), 30),
        ("path_to(PLATINUM), 10 of 43", lambda: wwc.path_to(city, wwc.Tier.PLATINUM), 15),
    ):
        try:
            ours, baseline = paired(call, base, seconds)
            rows.append(row(name, ours, baseline, "us", against, limit))
        except Exception as error:  # a row, not a crash: the table reports every figure
            rows.append(row(name, None, None, "us", against, limit, type(error).__name__))
    if not growth:
        rows.append(
            row("growth 430->4,300", None, None, "ms", "at 430 criteria", 20, "full run only")
        )
        return rows
    for name in GROWTH:
        label = f"{name} growth 430->4,300"
        # The two sizes in alternation, the best of three processes each: timed one after the
        # other, a drift of the machine's speed between them moved the ratio by half.
        best = [math.inf, math.inf]
        for _ in range(3):
            small = growth_time(name, 430, timeout)
            large = growth_time(name, 4300, timeout) if small is not None else None
            if small is None or large is None:
                best = []
                break
            best = [min(best[0], small), min(best[1], large)]
        at_small, at_large = best if best else (None, None)
        note = "" if at_large is not None else f"no result within {timeout:.0f} s, or an error"
        rows.append(row(label, at_large, at_small, "ms", "at 430 criteria", 20, note))
    return rows


GROWTH = {
    "sensitivity": "wwc.sensitivity(city)",
    "roadmap": "wwc.roadmap(city)",
    "path_to(PLATINUM)": "wwc.path_to(city, wwc.Tier.PLATINUM)",
}


def growth_time(name: str, size: int, timeout: float) -> float | None:
    """Seconds of one planning call on a scaled city (the best of three), in a fresh process
    that may not outlast ``timeout`` (the quadratic and recursive paths once took minutes, or
    raised)."""
    code = (
        f"import sys, time; sys.path.insert(0, {str(HERE)!r})\n"
        "import wwc_standard as wwc\nfrom run import scaled_city\n"
        f"city = scaled_city({size})\nbest = float('inf')\n"
        "for _ in range(3):\n"
        "    t = time.process_time()\n"
        f"    {GROWTH[name]}\n"
        "    best = min(best, time.process_time() - t)\n"
        "print(best)"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=_CACHE,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        return None
    return float(done.stdout.split()[-1])


def startup_figures(repeats: int) -> list[Row]:
    rows: list[Row] = []
    timed = "import time; t = time.process_time()\n{}\nprint(time.process_time() - t)"
    ours, attrs_alone = starts(
        [
            lambda: fresh(timed.format("import wwc_standard")),
            lambda: fresh(timed.format("import attrs")),
        ],
        repeats,
    )
    rows.append(row("cold import wwc_standard", ours, attrs_alone, "ms", "import attrs", 1.6))

    chain = []
    version: str | None = "2024"
    folder = Path(wwc.__file__).parent / "standards"
    while version is not None:
        chain.append(str(folder / f"{version}.toml"))
        version = wwc.revisions.shipped.shipped_raw(version).get("extends")
    first_load, parse = starts(
        [
            lambda: fresh(
                "import time, wwc_standard\nt = time.process_time()\n"
                "wwc_standard.standard('2024')\nprint(time.process_time() - t)"
            ),
            lambda: fresh(
                "import time\nt = time.process_time()\nimport tomllib\n"
                f"for path in {chain!r}:\n    with open(path, 'rb') as f: tomllib.load(f)\n"
                "print(time.process_time() - t)"
            ),
        ],
        repeats,
    )
    rows.append(
        row(
            'first standard("2024")',
            first_load,
            parse,
            "ms",
            f"tomllib, {len(chain)} files",
            5,
        )
    )

    script = Path(sys.executable).parent / "wwc-standard"
    command = (
        [str(script)]
        if script.exists()
        else [shutil.which("wwc-standard") or sys.executable, "-m", "wwc_standard"]
    )
    if command[0] == sys.executable:
        command = [sys.executable, "-m", "wwc_standard"]
    cli, bare = starts(
        [
            lambda: process([*command, "evaluate", "--example"]),
            lambda: process([sys.executable, "-c", "pass"]),
        ],
        repeats,
    )
    rows.append(row("wwc-standard evaluate --example", cli, bare, "ms", "bare interpreter", 8))

    (explain,) = starts(
        [
            lambda: fresh(
                "import time, wwc_standard as wwc\nr = wwc.evaluate(wwc.example_assessment())\n"
                "r.gaps\nt = time.process_time()\nr.explain('en')\n"
                "print(time.process_time() - t)"
            )
        ],
        repeats,
    )
    babel = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, wwc_standard as wwc\n"
            "wwc.evaluate(wwc.example_assessment()).explain('en')\n"
            "print('babel' in sys.modules)",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    rows.append(
        row(
            "first explain('en')",
            explain,
            None,
            "ms",
            "",
            None,
            f"imports Babel: {babel.lower()}",
        )
    )
    return rows


# -- output -------------------------------------------------------------------------------------

SCALE = {"us": 1e6, "ms": 1e3, "s": 1.0, "KB": 1.0}


def number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    scaled = value * SCALE[unit]
    return f"{scaled:,.2f}" if scaled < 100 else f"{scaled:,.0f}"


def print_table(rows: list[Row], quick: bool) -> None:
    head = (
        f"{'figure':<36} {'ours':>10} {'baseline':>10} {'unit':<4} {'ratio':>8} "
        f"{'limit':>7}  against"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        ratio = "-" if r["ratio"] is None else f"{r['ratio']:.3g}x"
        limit = "-" if r["limit"] is None else f"{r['limit']:.3g}x"
        if r["figure"] == "memory kept per evaluation":
            limit = "3 KB"
        mark = ""
        if not quick and r["within"] is not None:
            mark = "  ok" if r["within"] else "  OVER"
        note = f"  ({r['note']})" if r["note"] else ""
        print(
            f"{r['figure']:<36} {number(r['ours'], r['unit']):>10} "
            f"{number(r['baseline'], r['unit']):>10} {r['unit']:<4} {ratio:>8} {limit:>7}  "
            f"{r['against']}{note}{mark}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no limits")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        help="seconds allowed to one planning call of the growth figures (default 120)",
    )
    args = parser.parse_args()
    seconds = 0.2 if args.quick else 1.0
    cohort_size = 2000 if args.quick else 20000
    repeats = 7 if args.quick else 15

    rows = evaluation_figures(seconds, cohort_size)
    rows += frame_figure(cohort_size)
    rows += planning_figures(seconds, growth=not args.quick, timeout=args.timeout)
    rows += startup_figures(repeats)

    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        f"Python {sys.version.split()[0]} ({sys.implementation.name}), wwc-standard "
        f"{wwc.__version__}, {'quick' if args.quick else 'full'} run, {os.cpu_count()} cores"
    )
    print_table(rows, args.quick)
    if not args.quick:
        over = [r["figure"] for r in rows if r["within"] is False]
        print(
            f"\n{len(over)} figure(s) over their limit" + (": " + "; ".join(over) if over else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
