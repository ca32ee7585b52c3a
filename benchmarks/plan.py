"""Benchmarks of the planning functions: numbers and same-run ratios, never pass/fail limits.

    python benchmarks/plan.py            # full run
    python benchmarks/plan.py --quick    # fewer repetitions, for CI
    python benchmarks/plan.py --json     # machine-readable

Each measurement stands next to a baseline taken in the same run:

- ``roadmap()`` for a city with 10 of 43 criteria met (2024), against ``evaluate()`` of it;
- ``path_to()`` Platinum from 10 of 43 with the shipped effort advice, against ``evaluate()``;
- ``path_to()`` Platinum on a 45-criterion revision with prerequisites and checklist quotas;
- ``sensitivity()`` of the same city, against one ``what_if()``;
- ``evaluate_many()`` throughput (tier and points) over parsed assessments, against a loop of
  ``evaluate()`` calls and a plain loop that only counts met answers.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
import timeit
from collections.abc import Sequence
from typing import Any

import wwc_standard as wwc


def _per_call(func: Any, seconds: float) -> float:
    timer = timeit.Timer(func, timer=time.process_time)
    number, _ = timer.autorange()
    runs = max(3, int(seconds / max(timer.timeit(number), 1e-9)))
    return min(timer.repeat(repeat=min(runs, 7), number=number)) / number


def ten_of_43() -> wwc.Evaluation:
    std = wwc.standard("2024")
    answers = {c.id: ("met" if i % 4 == 0 and i < 40 else "unmet") for i, c in enumerate(std)}
    evaluation = wwc.evaluate({"standard": "2024", "answers": answers})
    assert evaluation.points == 10
    return evaluation


def benchmark_revision(
    size: int, areas: Sequence[str], lag: int, bands: tuple[int, int, int], version: str
) -> wwc.Standard:
    """A valid revision of ``size`` criteria spread over ``areas`` in turn, in a 2018-like
    shape invented for the benchmarks: every third criterion waits on the one ``lag`` places
    earlier, every fifth has a checklist of 4 items with a quota of 3; ``bands`` are the lower
    bounds of Silver, Gold and Platinum in percent."""
    prov = wwc.Provenance(basis="read", sources=("bench",))
    criteria: list[wwc.Criterion] = []
    for i in range(size):
        area = areas[i % len(areas)]
        prerequisites = (criteria[i - lag].id,) if i % 3 == 2 and i >= lag else ()
        checklist = (
            wwc.Checklist(
                required=3,
                items=tuple(wwc.ChecklistItem(id=k, text=k) for k in "abcd"),
                provenance=prov,
            )
            if i % 5 == 0
            else None
        )
        criteria.append(
            wwc.Criterion(
                id=f"{area}{i + 1}",
                name=f"Criterion {i + 1}",
                practice_area=area,
                description="benchmark",
                prerequisites=prerequisites,
                checklist=checklist,
                provenance=prov,
            )
        )
    tiers = (wwc.Tier.SILVER, wwc.Tier.GOLD, wwc.Tier.PLATINUM)
    return wwc.Standard(
        version=version,
        title="Benchmark revision",
        in_force=wwc.InForce(start=datetime.date(2030, 1, 1), provenance=prov),
        criteria_count=size,
        sources=(wwc.Source(key="bench", title="benchmark"),),
        provenance=prov,
        practice_areas=tuple(wwc.PracticeArea(code=a, name=a, provenance=prov) for a in areas),
        criteria=tuple(criteria),
        tier_rule=wwc.PercentageBands(
            bands=tuple(
                wwc.Band(tier=tier, from_percent=bound)
                for tier, bound in zip(tiers, bands, strict=True)
            ),
            provenance=prov,
        ),
        eligibility=wwc.Eligibility(
            population_floor=30000, countries=("US",), region="test", provenance=prov
        ),
    )


def revision_45() -> wwc.Standard:
    """45 criteria in 5 areas, each third waiting on the one 4 places earlier."""
    return benchmark_revision(
        45, [c * 2 for c in "ABCDE"], lag=4, bands=(51, 67, 84), version="bench45"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    seconds = 0.2 if args.quick else 1.0
    cohort_size = 2000 if args.quick else 20000
    results: dict[str, Any] = {}

    city = ten_of_43()
    assessment, std = city.assessment, city.standard
    wwc.roadmap(city)
    results["evaluate_us"] = _per_call(lambda: wwc.evaluate(assessment, std), seconds) * 1e6
    results["roadmap_ms"] = _per_call(lambda: wwc.roadmap(city), seconds) * 1e3
    results["path_platinum_43_ms"] = (
        _per_call(lambda: wwc.path_to(city, wwc.Tier.PLATINUM), seconds) * 1e3
    )
    results["what_if_us"] = _per_call(lambda: wwc.what_if(city, meet=["OD3"]), seconds) * 1e6
    results["sensitivity_ms"] = _per_call(lambda: wwc.sensitivity(city), seconds) * 1e3

    big = revision_45()
    answers: dict[str, Any] = {}
    for i, criterion in enumerate(big.criteria):
        if criterion.checklist is not None:
            answers[criterion.id] = {"checklist": {"a": True, "b": i % 2 == 0, "c": False}}
        elif i % 4 == 1:
            answers[criterion.id] = "met"
    big_eval = wwc.evaluate({"answers": answers}, big)
    results["revision_45_points"] = big_eval.points
    results["evaluate_45_us"] = (
        _per_call(lambda: wwc.evaluate(big_eval.assessment, big), seconds) * 1e6
    )
    results["path_platinum_45_ms"] = (
        _per_call(lambda: wwc.path_to(big_eval, wwc.Tier.PLATINUM), seconds) * 1e3
    )
    results["path_gold_45_ms"] = (
        _per_call(lambda: wwc.path_to(big_eval, wwc.Tier.GOLD), seconds) * 1e3
    )

    # A parameter sweep: every assessment differs, all parsed, same revision.
    base = wwc.Assessment.from_dict({"standard": "2024", "answers": {}})
    ids = [c.id for c in std.criteria]
    sweep = []
    for n in range(cohort_size):
        chosen = {
            ids[(n * 7 + k * 11) % 43]: ("met" if (n + k) % 3 else "unmet") for k in range(43)
        }
        sweep.append(wwc.Assessment.from_dict({"standard": "2024", "answers": chosen}))
    del base

    def count_met() -> int:
        total = 0
        for item in sweep:
            for answer in item.answers.values():
                if answer.status is wwc.AnswerStatus.MET:
                    total += 1
        return total

    def many() -> list[tuple[wwc.Tier, int]]:
        return [(e.tier, e.points) for e in wwc.evaluate_many(sweep, std)]

    def one_by_one() -> list[tuple[wwc.Tier, int]]:
        return [(e.tier, e.points) for e in (wwc.evaluate(a, std) for a in sweep)]

    repeat = 3 if args.quick else 5
    best_many = min(timeit.repeat(many, number=1, repeat=repeat))
    best_loop = min(timeit.repeat(one_by_one, number=1, repeat=repeat))
    best_count = min(timeit.repeat(count_met, number=1, repeat=repeat))
    results["cohort_size"] = cohort_size
    results["evaluate_many_per_s"] = cohort_size / best_many
    results["evaluate_loop_per_s"] = cohort_size / best_loop
    results["count_met_loop_per_s"] = cohort_size / best_count

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"python {sys.version.split()[0]}, {'quick' if args.quick else 'full'} run")
    print(f"baseline evaluate(), 10 of 43 met   {results['evaluate_us']:9.1f} us")
    print(
        f"roadmap(), 10 of 43 met             {results['roadmap_ms']:9.3f} ms "
        f"({results['roadmap_ms'] * 1e3 / results['evaluate_us']:.0f}x evaluate)"
    )
    print(
        f"path_to(Platinum), 10 of 43         {results['path_platinum_43_ms']:9.3f} ms "
        f"({results['path_platinum_43_ms'] * 1e3 / results['evaluate_us']:.0f}x evaluate)"
    )
    print(f"baseline what_if(), one criterion   {results['what_if_us']:9.1f} us")
    print(
        f"sensitivity(), 43 criteria          {results['sensitivity_ms']:9.3f} ms "
        f"({results['sensitivity_ms'] * 1e3 / results['what_if_us']:.0f}x one what_if)"
    )
    print(
        f"45-criterion revision with prerequisites and quotas, "
        f"{results['revision_45_points']} met: evaluate {results['evaluate_45_us']:.1f} us"
    )
    print(f"  path_to(Platinum)                 {results['path_platinum_45_ms']:9.3f} ms")
    print(f"  path_to(Gold)                     {results['path_gold_45_ms']:9.3f} ms")
    print(f"evaluate_many(), {cohort_size} parsed assessments (tier and points):")
    print(f"  evaluate_many                     {results['evaluate_many_per_s']:9.0f} per s")
    print(f"  baseline: evaluate() in a loop    {results['evaluate_loop_per_s']:9.0f} per s")
    print(f"  baseline: count met answers only  {results['count_met_loop_per_s']:9.0f} per s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
