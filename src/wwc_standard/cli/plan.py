"""The planning commands of the command line: ``roadmap``, ``what-if`` and ``path``.

Each reads an assessment like ``evaluate`` does (``FILE | --example``, ``--standard``) and prints
text for people or JSON for programs; problems go through the same error discipline (one per
line, exit status 2).
"""

from __future__ import annotations

import argparse
import math
from typing import Any

from wwc_standard.errors import AssessmentError, Problem
from wwc_standard.evaluation.engine import evaluate
from wwc_standard.i18n.messages import Message
from wwc_standard.revisions.tiers import Tier

from .options import (
    add_assessment_source,
    add_evidence_option,
    add_format_option,
    assessment_data,
    chosen_standard,
    shared_options,
)
from .output import Output, json_text

__all__ = ["add_plan_commands", "parse_tier"]


def add_plan_commands(commands: Any, locale: str = "en") -> None:
    """Register ``roadmap``, ``what-if`` and ``path`` on the subparsers ``commands``, their
    help worded in ``locale``."""
    roadmap = shared_options(
        commands.add_parser(
            "roadmap",
            help=Message("what to do in the next 3, 6 and 12 months").render(locale),
            description=Message(
                "Print a roadmap: the steps for the next 3, 6 and 12 months, in order, with the "
                "projected tier of each horizon. Efforts are advice, not part of the standard."
            ).render(locale),
        ),
        locale,
    )
    add_assessment_source(roadmap, locale)
    add_format_option(roadmap, locale)
    roadmap.add_argument(
        "--capacity",
        type=float,
        metavar="WEEKS",
        help=Message("person-weeks of staff time a month (default: the guidance's, 6)").render(
            locale
        ),
    )
    roadmap.add_argument(
        "--target", metavar="TIER", help=Message("reach this tier first").render(locale)
    )
    _effort_option(roadmap, locale)
    add_evidence_option(roadmap, locale)
    roadmap.set_defaults(run=_roadmap)

    what_if = shared_options(
        commands.add_parser(
            "what-if",
            help=Message("evaluate again with some answers changed").render(locale),
            description=Message(
                "Evaluate again with some answers changed, and print what differs."
            ).render(locale),
        ),
        locale,
    )
    add_assessment_source(what_if, locale)
    add_format_option(what_if, locale)
    # Repeatable single-value options (not nargs="+", which would swallow a FILE given after
    # them); a comma-separated list works too: --meet OD3,DM7.
    what_if.add_argument(
        "--meet",
        action="append",
        default=[],
        metavar="ID",
        help=Message("a criterion to meet").render(locale),
    )
    what_if.add_argument(
        "--unmeet",
        action="append",
        default=[],
        metavar="ID",
        help=Message("a criterion to answer unmet").render(locale),
    )
    what_if.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="ID.ITEM=VALUE",
        help=Message("a checklist item to change, e.g. DG1.a=true (true, false or unknown)").render(
            locale
        ),
    )
    add_evidence_option(what_if, locale)
    what_if.set_defaults(run=_what_if)

    path = shared_options(
        commands.add_parser(
            "path",
            help=Message("the cheapest set of criteria that reaches a tier").render(locale),
            description=Message(
                "Print the cheapest set of criteria (and checklist items) whose completion "
                "reaches a tier, with its effort (advice)."
            ).render(locale),
        ),
        locale,
    )
    add_assessment_source(path, locale)
    add_format_option(path, locale)
    path.add_argument(
        "--to",
        required=True,
        metavar="TIER",
        help=Message("silver, gold or platinum").render(locale),
    )
    _effort_option(path, locale)
    add_evidence_option(path, locale)
    path.set_defaults(run=_path)


def _effort_option(parser: argparse.ArgumentParser, locale: str = "en") -> None:
    parser.add_argument(
        "--effort",
        action="append",  # repeatable, like what-if's options: never swallows a FILE after it
        default=[],
        metavar="ID=WEEKS",
        help=Message(
            "override the advised effort of a criterion (inf: will not take it on)"
        ).render(locale),
    )


def _evaluation(args: argparse.Namespace) -> Any:
    return evaluate(
        assessment_data(args), chosen_standard(args), require_evidence=args.require_evidence
    )


def _efforts(values: list[str]) -> dict[str, float]:
    found: dict[str, float] = {}
    problems = []
    for index, value in enumerate(_split(values, "--effort")):
        key, sep, number = value.partition("=")
        try:
            effort = float(number) if sep else math.nan
        except ValueError:
            effort = math.nan
        if not key or math.isnan(effort):
            problems.append(
                Problem.of(
                    f"--effort[{index}]",
                    "invalid-effort",
                    Message(
                        "write an effort as ID=WEEKS, such as OD3=4; found {value}",
                        value=repr(value),
                    ),
                )
            )
            continue
        found[key] = effort
    if problems:
        raise AssessmentError(problems)
    return found


def parse_tier(text: str, option: str) -> Any:
    """The certified tier ``text`` names; "none" is not a target, and is refused."""
    try:
        tier = Tier.parse(text)
    except ValueError:
        tier = Tier.NONE
    if tier is Tier.NONE:
        raise AssessmentError(
            [
                Problem.of(
                    option,
                    "unknown-tier",
                    Message("unknown tier {tier}", tier=repr(text)),
                    hint=Message("use silver, gold or platinum"),
                )
            ]
        )
    return tier


def _check_capacity(capacity: float | None) -> None:
    """Refuse an infinite capacity: a roadmap is planned against staff time that runs out, and
    JSON has no infinity. (Other values are checked by ``roadmap``.)"""
    if capacity is not None and math.isinf(capacity):
        raise AssessmentError(
            [
                Problem.of(
                    "--capacity",
                    "invalid-capacity",
                    Message(
                        "the capacity is a finite number of person-weeks a month; found {value}",
                        value=str(capacity),
                    ),
                    hint=Message("give a number of person-weeks, such as 6"),
                )
            ]
        )


def _roadmap(args: argparse.Namespace, out: Output) -> int:
    # Planning and history are imported by the commands that use them: not at start-up.
    from wwc_standard.planning.roadmaps import roadmap

    efforts = _efforts(args.effort)
    target = parse_tier(args.target, "--target") if args.target else None
    _check_capacity(args.capacity)
    plan = roadmap(
        _evaluation(args), capacity=args.capacity, target=target, guidance=efforts or None
    )
    locale = getattr(args, "locale", "en") or "en"
    if args.format == "json":
        out.write(json_text(plan.to_dict()) + "\n")
    else:
        out.write(plan.explain(locale) + "\n")
    return 0


def _items(values: list[str]) -> dict[str, dict[str, bool | None]]:
    words: dict[str, bool | None] = {"true": True, "false": False, "unknown": None}
    found: dict[str, dict[str, bool | None]] = {}
    problems = []
    for index, value in enumerate(_split(values, "--item")):
        target, sep, word = value.partition("=")
        criterion, dot, item = target.partition(".")
        if not (sep and dot and criterion and item and word.lower() in words):
            problems.append(
                Problem.of(
                    f"--item[{index}]",
                    "invalid-item",
                    Message(
                        "write a checklist item as ID.ITEM=VALUE, such as DG1.a=true (true, "
                        "false or unknown); found {value}",
                        value=repr(value),
                    ),
                )
            )
            continue
        found.setdefault(criterion, {})[item] = words[word.lower()]
    if problems:
        raise AssessmentError(problems)
    return found


def _what_if(args: argparse.Namespace, out: Output) -> int:
    # Planning and history are imported by the commands that use them: not at start-up.
    from wwc_standard.planning.whatif import compare, what_if

    items = _items(args.item)
    before = _evaluation(args)
    after = what_if(
        before,
        meet=_split(args.meet, "--meet"),
        unmeet=_split(args.unmeet, "--unmeet"),
        checklist=items,
    )
    comparison = compare(before, after)
    locale = getattr(args, "locale", "en") or "en"
    if args.format == "json":
        data = {"comparison": comparison.to_dict(), "evaluation": after.to_dict()}
        out.write(json_text(data) + "\n")
    else:
        out.write(comparison.explain(locale) + "\n")
    return 0


def _path(args: argparse.Namespace, out: Output) -> int:
    # Planning and history are imported by the commands that use them: not at start-up.
    from wwc_standard.planning.path import path_to

    efforts = _efforts(args.effort)
    target = parse_tier(args.to, "--to")
    found = path_to(_evaluation(args), target, effort=efforts or None)
    locale = getattr(args, "locale", "en") or "en"
    if args.format == "json":
        out.write(json_text(found.to_dict()) + "\n")
    else:
        out.write(found.explain(locale) + "\n")
    return 0 if found.reachable else 1


def _split(values: list[str], option: str) -> list[str]:
    """``["OD3,DM7", "DM1"]`` as ``["OD3", "DM7", "DM1"]``; raise AssessmentError for an
    empty value (``--meet ""``, ``--effort ","``, ``a,,b``), which would otherwise do nothing
    in silence."""
    parts = [part.strip() for value in values for part in value.split(",")]
    problems = [
        Problem.of(
            f"{option}[{index}]",
            "empty-value",
            Message("{option} was given an empty value", option=option),
            hint=Message("give a value, or leave the option out"),
        )
        for index, part in enumerate(parts)
        if not part
    ]
    if problems:
        raise AssessmentError(problems)
    return parts
