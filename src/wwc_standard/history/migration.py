"""``migrate()``: carry a city's answers from one revision to another, listing every doubt.

Answers follow the crosswalk links step by step (see :mod:`wwc_standard.history.crosswalks`).
An answer carried through a read, one-to-one link (or an identical id) is carried silently.
Every other case is listed in :attr:`Migration.to_confirm` with its reason: carried through an
inferred link, carried through a lossy one (split, merged, a checklist that does not carry, a
criterion whose content changed), or dropped (retired, no known counterpart, merged answers
that disagree). Nothing is dropped without being listed, and nothing inferred is presented as
confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

from wwc_standard._exports import publish
from wwc_standard.errors import AssessmentError, NoMigrationPath, Problem
from wwc_standard.evaluation.assessment import Answer, Assessment, check_against, parse_assessment
from wwc_standard.evaluation.results import Reason
from wwc_standard.i18n.messages import N_, Items, Message, Plural, join_lines
from wwc_standard.revisions.model import Criterion, Standard
from wwc_standard.revisions.registry import standard

from .crosswalks import Link, Step, changed_fields, route

__all__ = ["Confirmation", "Migration", "migrate"]

Kind = Literal["inferred", "lossy", "changed", "dropped"]

# The kind of an answer to confirm after a migration ("2022 to 2024, inferred:").
_KIND_WORDS = {
    "inferred": N_("inferred"),
    "lossy": N_("lossy"),
    "changed": N_("changed"),
    "dropped": N_("dropped"),
}


@attrs.frozen(kw_only=True)
class Confirmation:
    """An answer a person must confirm after a migration, and why."""

    kind: Kind
    """``inferred`` (carried through an inferred link), ``lossy`` (carried, but something did
    not carry), ``changed`` (carried to a criterion whose content changed) or ``dropped``."""
    origins: tuple[str, ...]
    """The criteria of the original assessment the answer came from."""
    from_ids: tuple[str, ...]
    """The criteria at the start of the step where this happened."""
    to_ids: tuple[str, ...]
    """The criteria it was carried to in that step (empty when dropped)."""
    step: tuple[str, str]
    """The versions of the step: from, to."""
    reason: Reason
    """Why it must be confirmed."""
    inferred: bool = False
    """Whether the crosswalk link it went through was inferred rather than read; true for every
    ``inferred`` confirmation, and for a split or merge whose link is inferred."""

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data."""
        return {
            "kind": self.kind,
            "inferred": self.inferred,
            "origins": list(self.origins),
            "from": list(self.from_ids),
            "to": list(self.to_ids),
            "step": list(self.step),
            "reason": self.reason.to_dict(),
        }


@attrs.frozen(kw_only=True)
class Migration:
    """The result of :func:`migrate`: the migrated assessment and what must be confirmed."""

    assessment: Assessment
    """The answers in the target revision, pinned to its version and fingerprint."""
    source: Standard
    """The revision the answers were for."""
    target: Standard
    """The revision they were migrated to."""
    path: tuple[str, ...]
    """The versions passed through, source and target included."""
    to_confirm: tuple[Confirmation, ...]
    """Every answer carried through an inferred or lossy link, or dropped, with its reason."""

    def _repr_html_(self) -> str:
        """The compact view a notebook shows, in the style of the reports."""
        # The report machinery (and Jinja2) when a notebook shows it: start-up never needs it.
        from wwc_standard._report import to_fragment

        from .report import migration_card

        return to_fragment(migration_card(self))

    def __repr__(self) -> str:
        """One line: ``<Migration 2017 -> 2024: 30 answers carried, 5 to confirm>``."""
        return (
            f"<Migration {self.source.version[:20]} -> {self.target.version[:20]}: "
            f"{len(self.assessment.answers)} answers carried, {len(self.to_confirm)} to confirm>"
        )

    def explain(self, locale: str = "en") -> str:
        """The migration in words, one line per answer to confirm."""
        lines = [
            Message(
                "Migrated from {source} to {target} through {path}: {carried}, {count} to confirm.",
                source=self.source.version,
                target=self.target.version,
                path=Items(self.path),
                carried=Plural(
                    "{n} answer carried", "{n} answers carried", len(self.assessment.answers)
                ),
                count=len(self.to_confirm),
            ).render(locale)
        ]
        for item in self.to_confirm:
            lines.append(
                Message(
                    "- {step_from} to {step_to}, {kind}: {reason}",
                    step_from=item.step[0],
                    step_to=item.step[1],
                    kind=Message(_KIND_WORDS[item.kind])
                    if item.kind == "inferred" or not item.inferred
                    else Message(
                        "{kind} (through an inferred link)", kind=Message(_KIND_WORDS[item.kind])
                    ),
                    reason=item.reason.localized(locale),
                ).render(locale)
            )
        return join_lines(lines)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-compatible data: the migrated assessment and what to confirm."""
        return {
            "from": {"version": self.source.version, "fingerprint": self.source.fingerprint},
            "to": {"version": self.target.version, "fingerprint": self.target.fingerprint},
            "path": list(self.path),
            "assessment": self.assessment.to_dict(),
            "to_confirm": [item.to_dict() for item in self.to_confirm],
        }


def _revision(value: str | Standard) -> Standard:
    if isinstance(value, Standard):
        return value
    return standard(value)


def _carry(
    answer: Answer, source: Criterion | None, target: Criterion
) -> tuple[Answer | None, bool]:
    """The answer for ``target``, and whether its checklist answers were lost."""
    if not answer.checklist:
        return answer, False
    same_items = (
        source is not None
        and source.checklist is not None
        and target.checklist is not None
        and source.checklist.item_ids == target.checklist.item_ids
    )
    if same_items:
        return answer, False
    kept = attrs.evolve(answer, checklist={})
    if kept.status is None and not kept.evidence and not kept.note:
        return None, True
    return kept, True


def _apply(
    step: Step,
    state: dict[str, tuple[Answer, tuple[str, ...]]],
    confirmations: list[Confirmation],
) -> dict[str, tuple[Answer, tuple[str, ...]]]:
    source, target = step.source, step.target
    versions = (source.version, target.version)
    new: dict[str, tuple[Answer, tuple[str, ...]]] = {}
    used: set[str] = set()

    def confirm(
        kind: Kind,
        origins: tuple[str, ...],
        link: Link | None,
        from_ids: tuple[str, ...],
        to_ids: tuple[str, ...],
        reason: Reason,
    ) -> None:
        confirmations.append(
            Confirmation(
                kind=kind,
                origins=origins,
                from_ids=from_ids,
                to_ids=to_ids,
                step=versions,
                reason=reason,
                inferred=link is not None and link.inferred,
            )
        )

    def put(link: Link, from_id: str, to_id: str, answer: Answer, origins: tuple[str, ...]) -> None:
        source_criterion = source[from_id] if from_id in source else None  # noqa: SIM401
        carried, lost = _carry(answer, source_criterion, target[to_id])
        if carried is None:
            confirm(
                "dropped",
                origins,
                link,
                (from_id,),
                (),
                Reason.of(
                    "checklist-not-carried",
                    Message(
                        "the checklist answers of {from_id} do not fit the checklist of {to_id}, "
                        "and nothing else was answered",
                        from_id=from_id,
                        to_id=to_id,
                    ),
                ),
            )
            return
        new[to_id] = (carried, origins)
        if lost:
            confirm(
                "lossy",
                origins,
                link,
                (from_id,),
                (to_id,),
                Reason.of(
                    "checklist-not-carried",
                    Message(
                        "the checklist answers of {from_id} were not carried to {to_id}, whose "
                        "checklist differs",
                        from_id=from_id,
                        to_id=to_id,
                    ),
                ),
            )
        if step.by_id and source_criterion is not None:
            fields = [
                f for f in changed_fields(source_criterion, target[to_id]) if f != "provenance"
            ]
            if fields:
                confirm(
                    "changed",
                    origins,
                    link,
                    (from_id,),
                    (to_id,),
                    Reason.of(
                        "criterion-changed",
                        Message(
                            "{id} changed from {source} to {target} ({fields}): check that the "
                            "answer still holds",
                            id=to_id,
                            source=source.version,
                            target=target.version,
                            fields=Items(fields),
                        ),
                    ),
                )

    for link in step.links:
        present = [i for i in link.from_ids if i in state]
        if not present:
            continue
        used.update(present)
        if link.relation in ("same", "renamed"):
            (from_id,), (to_id,) = link.from_ids, link.to_ids
            answer, origins = state[from_id]
            put(link, from_id, to_id, answer, origins)
            if link.inferred and to_id in new:
                confirm(
                    "inferred",
                    origins,
                    link,
                    (from_id,),
                    (to_id,),
                    Reason.of(
                        "inferred-link",
                        Message(
                            "{from_id} was carried to {to_id} through an inferred link: {note}",
                            from_id=from_id,
                            to_id=to_id,
                            note=link.provenance.note if link.provenance else "",
                        ),
                    ),
                )
        elif link.relation == "split":
            (from_id,) = link.from_ids
            answer, origins = state[from_id]
            for to_id in link.to_ids:
                put(link, from_id, to_id, answer, origins)
            confirm(
                "lossy",
                origins,
                link,
                (from_id,),
                link.to_ids,
                Reason.of(
                    "split",
                    Message(
                        "{from_id} was split into {to_ids}; its answer was copied to each: "
                        "confirm each one",
                        from_id=from_id,
                        to_ids=Items(link.to_ids),
                    ),
                ),
            )
        elif link.relation == "merged":
            (to_id,) = link.to_ids
            answers = [state[i][0] for i in present]
            origins = tuple(o for i in present for o in state[i][1])
            statuses = {a.status for a in answers}
            complete = len(present) == len(link.from_ids)
            if complete and len(statuses) == 1 and None not in statuses:
                evidence = tuple(dict.fromkeys(e for a in answers for e in a.evidence))
                notes = " / ".join(a.note for a in answers if a.note)
                merged = Answer(status=answers[0].status, evidence=evidence, note=notes)
                new[to_id] = (merged, origins)
                confirm(
                    "lossy",
                    origins,
                    link,
                    link.from_ids,
                    (to_id,),
                    Reason.of(
                        "merged",
                        Message(
                            "{from_ids} were merged into {to_id}; their common answer was "
                            "carried: confirm it",
                            from_ids=Items(link.from_ids),
                            to_id=to_id,
                        ),
                    ),
                )
            else:
                confirm(
                    "dropped",
                    origins,
                    link,
                    tuple(present),
                    (),
                    Reason.of(
                        "merged-answers-differ",
                        Message(
                            "{from_ids} were merged into {to_id}, but their answers are missing "
                            "or differ, so none was carried: answer {to_id}",
                            from_ids=Items(link.from_ids),
                            to_id=to_id,
                        ),
                    ),
                )
        elif link.relation == "retired":
            for from_id in present:
                confirm(
                    "dropped",
                    state[from_id][1],
                    link,
                    (from_id,),
                    (),
                    Reason.of(
                        "retired",
                        Message(
                            "{from_id} has no counterpart in {target}, as the crosswalk "
                            "records; its answer was dropped",
                            from_id=from_id,
                            target=target.version,
                        ),
                    ),
                )
    for from_id, (_, origins) in state.items():
        if from_id not in used:
            confirm(
                "dropped",
                origins,
                None,
                (from_id,),
                (),
                Reason.of(
                    "no-counterpart",
                    Message(
                        "{from_id} has no known counterpart in {target}; its answer was dropped",
                        from_id=from_id,
                        target=target.version,
                    ),
                ),
            )
    return new


def migrate(
    assessment: Assessment | Mapping[str, Any],
    to: str | Standard,
    *,
    source: str | Standard | None = None,
) -> Migration:
    """Migrate a city's answers to the revision ``to`` (a version or a :class:`Standard`).

    The answers are for ``source`` (a version or a Standard), by default the revision the
    assessment is pinned to. The migrated assessment is pinned to the target's version and
    fingerprint. Raises :class:`~wwc_standard.AssessmentError` when the answers do not fit the
    source revision (a pin that does not match included), and
    :class:`~wwc_standard.NoMigrationPath` when no crosswalk leads to the target.

    >>> import wwc_standard as wwc
    >>> old = {"standard": "2021", "answers": {"DG1": "met", "PA1": "unmet", "OD2": "met"}}
    >>> moved = wwc.migrate(old, to="2024")
    >>> moved.assessment.standard, dict(moved.assessment.to_dict()["answers"])
    ('2024', {'DM2': 'met', 'PA1': 'unmet'})
    >>> [(c.kind, c.origins) for c in moved.to_confirm]
    [('inferred', ('DG1',)), ('inferred', ('PA1',)), ('dropped', ('OD2',))]
    >>> wwc.migrate(moved.assessment, to="2024").to_confirm
    ()
    """
    if isinstance(assessment, Assessment):
        parsed = assessment
    else:
        parsed, problems = parse_assessment(assessment)
        if problems:
            raise AssessmentError(problems)
    if source is None and parsed.standard is None:
        raise NoMigrationPath(
            [
                Problem.of(
                    "standard",
                    "missing-source",
                    Message("the assessment names no revision to migrate from"),
                    hint=Message("pin it with standard, or pass source="),
                )
            ]
        )
    origin = _revision(source if source is not None else parsed.standard)  # type: ignore[arg-type]
    target = _revision(to)
    problems = check_against(parsed, origin)
    if problems:
        raise AssessmentError(problems)
    steps = route(origin, target)
    state: dict[str, tuple[Answer, tuple[str, ...]]] = {
        key: (answer, (key,)) for key, answer in parsed.answers.items()
    }
    confirmations: list[Confirmation] = []
    for step in steps:
        state = _apply(step, state, confirmations)
    requirements: dict[str, Answer] = {}
    for key, answer in parsed.requirements.items():
        if any(r.id == key for r in target.requirements):
            requirements[key] = answer
        else:
            confirmations.append(
                Confirmation(
                    kind="dropped",
                    origins=(key,),
                    from_ids=(key,),
                    to_ids=(),
                    step=(origin.version, target.version),
                    reason=Reason.of(
                        "requirement-dropped",
                        Message(
                            "{target} has no certification requirement {id}; its answer was "
                            "dropped",
                            target=target.version,
                            id=key,
                        ),
                    ),
                )
            )
    order = {criterion.id: i for i, criterion in enumerate(target.criteria)}
    answers = {key: state[key][0] for key in sorted(state, key=lambda k: order.get(k, len(order)))}
    migrated = Assessment(
        city=parsed.city,
        answers=answers,
        requirements=requirements,
        standard=target.version,
        fingerprint=target.fingerprint,
    )
    if not steps:
        migrated = attrs.evolve(parsed, standard=target.version, fingerprint=target.fingerprint)
    path = (origin.version, *(step.target.version for step in steps))
    return Migration(
        assessment=migrated,
        source=origin,
        target=target,
        path=path,
        to_confirm=tuple(confirmations),
    )


publish(globals())
