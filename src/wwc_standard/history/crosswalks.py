"""Crosswalks: how the criteria of one revision map to those of the next.

One TOML file per pair of consecutive shipped revisions whose criteria differ
(``crosswalks/2021-2022.toml``). Each link relates criteria of the earlier revision to criteria
of the later one, with a relationship and its provenance:

- ``same``: the same criterion, under the same id;
- ``renamed``: the criterion continues under another id or name (one to one);
- ``split``: one criterion became several;
- ``merged``: several criteria became one;
- ``new``: criteria of the later revision with no predecessor;
- ``retired``: criteria of the earlier revision with no successor.

A criterion that no link names has no known counterpart. Consecutive revisions with the same
criteria need no file. :func:`route` finds the steps between any two revisions, shipped or of
your own (through the shipped revision a file ``extends``).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from wwc_standard._data import package_folder, read_package_file
from wwc_standard._exports import publish
from wwc_standard.errors import NoMigrationPath, Problem, unknown_criterion
from wwc_standard.i18n.messages import Message
from wwc_standard.revisions.model import Criterion, Standard
from wwc_standard.revisions.provenance import Provenance
from wwc_standard.revisions.registry import shipped_standard
from wwc_standard.revisions.shipped import shipped_versions

__all__ = ["Crosswalk", "Link", "Relation", "Step", "crosswalk", "crosswalk_pairs", "route"]

Relation = Literal["same", "renamed", "split", "merged", "new", "retired"]
"""How criteria of one revision relate to criteria of the next."""

_RELATIONS: tuple[str, ...] = ("same", "renamed", "split", "merged", "new", "retired")
_INVERSE = {
    "same": "same",
    "renamed": "renamed",
    "split": "merged",
    "merged": "split",
    "new": "retired",
    "retired": "new",
}


@attrs.frozen(kw_only=True)
class Link:
    """Criteria of an earlier revision related to criteria of a later one.

    >>> Link(relation="renamed", from_ids=("DG1",), to_ids=("DM2",),
    ...      provenance=Provenance(basis="inferred")).inferred
    True
    """

    relation: Relation
    """``same``, ``renamed``, ``split``, ``merged``, ``new`` or ``retired``."""
    from_ids: tuple[str, ...]
    """Criteria of the earlier revision (empty for ``new``)."""
    to_ids: tuple[str, ...]
    """Criteria of the later revision (empty for ``retired``)."""
    provenance: Provenance | None = None
    """Where the link comes from; ``None`` for a link by identical id (certain)."""

    @property
    def inferred(self) -> bool:
        """Whether the link was inferred rather than read."""
        return self.provenance is not None and self.provenance.inferred

    def inverse(self) -> Link:
        """The same link read from the later revision to the earlier one.

        >>> link = Link(relation="merged", from_ids=("SE3", "SE4"), to_ids=("CI1",))
        >>> back = link.inverse()
        >>> back.relation, back.from_ids, back.to_ids, back.inverse() == link
        ('split', ('CI1',), ('SE3', 'SE4'), True)
        """
        return Link(
            relation=_INVERSE[self.relation],  # type: ignore[arg-type]
            from_ids=self.to_ids,
            to_ids=self.from_ids,
            provenance=self.provenance,
        )


@attrs.frozen(kw_only=True)
class Crosswalk:
    """The links between the criteria of two consecutive revisions.

    >>> import collections
    >>> import wwc_standard as wwc
    >>> walk = wwc.history.crosswalk("2021", "2022")
    >>> sorted(collections.Counter(link.relation for link in walk.links).items())
    [('merged', 1), ('new', 2), ('renamed', 7), ('same', 1)]
    >>> [(link.from_ids, link.to_ids) for link in walk.links if "DG1" in link.from_ids]
    [(('DG1',), ('DM2',))]
    >>> back = walk.inverse()
    >>> back.from_version, [link.to_ids for link in back.links if "DM2" in link.from_ids]
    ('2022', [('DG1',)])
    """

    from_version: str
    """The earlier revision."""
    to_version: str
    """The later revision."""
    links: tuple[Link, ...]
    """The links, in file order."""
    note: str = ""
    """What the crosswalk rests on, in words."""

    def inverse(self) -> Crosswalk:
        """The crosswalk read backwards, from the later revision to the earlier one."""
        return Crosswalk(
            from_version=self.to_version,
            to_version=self.from_version,
            links=tuple(link.inverse() for link in self.links),
            note=self.note,
        )


@attrs.frozen(kw_only=True)
class Step:
    """One step of a route between revisions: from one revision to the next, by its links."""

    source: Standard
    """The revision the step starts from."""
    target: Standard
    """The revision it arrives at."""
    links: tuple[Link, ...]
    """How their criteria relate."""
    by_id: bool
    """True when the links were derived from identical ids (no crosswalk file was needed)."""


def crosswalk_pairs() -> tuple[tuple[str, str], ...]:
    """The ``(earlier, later)`` pairs of shipped revisions that have a crosswalk file.

    >>> crosswalk_pairs()
    (('2017', '2018'), ('2021', '2022'))
    """
    pairs = []
    for name in package_folder("crosswalks"):
        if name.endswith(".toml") and name.count("-") == 1:
            earlier, later = name.removesuffix(".toml").split("-")
            pairs.append((earlier, later))
    return tuple(sorted(pairs))


@functools.cache
def crosswalk_data(earlier: str, later: str) -> Mapping[str, Any]:
    """The parsed TOML of the crosswalk file from ``earlier`` to ``later``."""
    data: Mapping[str, Any] = read_package_file(f"crosswalks/{earlier}-{later}.toml")
    return data


@functools.cache
def crosswalk(earlier: str, later: str) -> Crosswalk:
    """The shipped crosswalk from revision ``earlier`` to the next revision ``later``.

    >>> walk = crosswalk("2021", "2022")
    >>> [(link.from_ids, link.to_ids) for link in walk.links if link.relation == "merged"]
    [(('SE3', 'SE4'), ('CI1',))]
    """
    data = crosswalk_data(earlier, later)
    links = []
    for item in data.get("links", []):
        provenance = item.get("provenance")
        links.append(
            Link(
                relation=item["relation"],
                from_ids=tuple(item["from"]),
                to_ids=tuple(item["to"]),
                provenance=None if provenance is None else _provenance(provenance),
            )
        )
    return Crosswalk(
        from_version=data["from"], to_version=data["to"], links=tuple(links), note=data["note"]
    )


def _provenance(data: Mapping[str, Any]) -> Provenance:
    return Provenance(
        basis=data["basis"], sources=tuple(data.get("sources", ())), note=data.get("note", "")
    )


def crosswalk_problems(walk: Crosswalk, earlier: Standard, later: Standard) -> list[Problem]:
    """Every way a crosswalk breaks its rules against the two revisions it links; a link cites
    its sources by the keys of the two revisions' sources."""
    found: list[Problem] = []
    known_sources = {source.key for source in (*earlier.sources, *later.sources)}
    for index, link in enumerate(walk.links):
        cited = () if link.provenance is None else link.provenance.sources
        for key in cited:
            if key not in known_sources:
                found.append(
                    Problem.of(
                        f"links[{index}].provenance.sources",
                        "unknown-source",
                        Message(
                            "{key} is not a source of revision {earlier} or {later}",
                            key=key,
                            earlier=earlier.version,
                            later=later.version,
                        ),
                    )
                )
    shapes = {
        "same": (1, 1),
        "renamed": (1, 1),
        "split": (1, 2),
        "merged": (2, 1),
        "new": (0, 1),
        "retired": (1, 0),
    }
    seen_from: set[str] = set()
    seen_to: set[str] = set()
    for index, link in enumerate(walk.links):
        path = f"links[{index}]"
        if link.relation not in _RELATIONS:
            found.append(
                Problem.of(
                    f"{path}.relation",
                    "unknown-relation",
                    Message("{relation} is not a relationship", relation=link.relation),
                )
            )
            continue
        least_from, least_to = shapes[link.relation]
        exact_from = link.relation in ("same", "renamed", "split", "retired")
        exact_to = link.relation in ("same", "renamed", "merged", "new")
        bad_from = len(link.from_ids) < least_from or (
            least_from in (0, 1) and exact_from and len(link.from_ids) != least_from
        )
        bad_to = len(link.to_ids) < least_to or (
            least_to in (0, 1) and exact_to and len(link.to_ids) != least_to
        )
        if link.relation == "new":
            bad_from, bad_to = bool(link.from_ids), not link.to_ids
        if link.relation == "retired":
            bad_from, bad_to = not link.from_ids, bool(link.to_ids)
        if bad_from or bad_to:
            found.append(
                Problem.of(
                    path,
                    "invalid-link",
                    Message(
                        "a {relation} link cannot relate {count_from} criteria to {count_to}",
                        relation=link.relation,
                        count_from=len(link.from_ids),
                        count_to=len(link.to_ids),
                    ),
                )
            )
        if link.relation == "same" and link.from_ids != link.to_ids:
            found.append(
                Problem.of(
                    path,
                    "invalid-link",
                    Message("a same link keeps the id; use renamed for a new id"),
                )
            )
        for ids, revision, seen, side in (
            (link.from_ids, earlier, seen_from, "from"),
            (link.to_ids, later, seen_to, "to"),
        ):
            for criterion_id in ids:
                if criterion_id not in revision:
                    known = [criterion.id for criterion in revision.criteria]
                    found.append(
                        unknown_criterion(f"{path}.{side}", revision.version, criterion_id, known)
                    )
                if criterion_id in seen and link.relation not in ("split", "merged"):
                    found.append(
                        Problem.of(
                            f"{path}.{side}",
                            "duplicate-id",
                            Message("{id} is linked twice", id=criterion_id),
                        )
                    )
                seen.add(criterion_id)
    return found


def _by_id_links(source: Standard, target: Standard) -> tuple[Link, ...]:
    links = [
        Link(relation="same", from_ids=(c.id,), to_ids=(c.id,))
        for c in source.criteria
        if c.id in target
    ]
    links += [
        Link(relation="new", from_ids=(), to_ids=(c.id,))
        for c in target.criteria
        if c.id not in source
    ]
    return tuple(links)


def _is_shipped(revision: Standard) -> bool:
    return (
        revision.version in shipped_versions()
        and shipped_standard(revision.version).fingerprint == revision.fingerprint
    )


def _base(revision: Standard) -> str:
    """The shipped revision that ``revision`` is, or extends."""
    if _is_shipped(revision):
        return revision.version
    if revision.extends is not None and revision.extends in shipped_versions():
        return revision.extends
    raise NoMigrationPath(
        [
            Problem.of(
                "standard",
                "no-crosswalk",
                Message(
                    "revision {version} is not shipped and extends no shipped revision, so no "
                    "crosswalk leads to or from it",
                    version=revision.version,
                ),
                hint=Message("give it extends = a shipped revision, or migrate by hand"),
            )
        ]
    )


def _shipped_step(earlier: str, later: str) -> tuple[Link, ...]:
    if (earlier, later) in crosswalk_pairs():
        return crosswalk(earlier, later).links
    source, target = shipped_standard(earlier), shipped_standard(later)
    if [c.id for c in source.criteria] != [c.id for c in target.criteria]:
        raise NoMigrationPath(
            [
                Problem.of(
                    "standard",
                    "no-crosswalk",
                    Message(
                        "no crosswalk links revision {earlier} to {later}",
                        earlier=earlier,
                        later=later,
                    ),
                )
            ]
        )
    return _by_id_links(source, target)


def route(source: Standard, target: Standard) -> tuple[Step, ...]:
    """The steps from ``source`` to ``target``: through the shipped revisions in between, in
    either direction, and through the shipped revision a revision of your own extends.

    Raises :class:`~wwc_standard.NoMigrationPath` when no crosswalk leads from one to the other.

    >>> import wwc_standard as wwc
    >>> [(s.source.version, s.target.version, s.by_id)
    ...  for s in route(wwc.standard("2020"), wwc.standard("2022"))]
    [('2020', '2021', True), ('2021', '2022', False)]
    """
    if source.fingerprint == target.fingerprint:
        return ()
    start, end = _base(source), _base(target)
    steps: list[Step] = []
    if not _is_shipped(source):
        base = shipped_standard(start)
        steps.append(Step(source=source, target=base, links=_by_id_links(source, base), by_id=True))
    versions = shipped_versions()
    i, j = versions.index(start), versions.index(end)
    if i <= j:
        pairs = list(itertools.pairwise(versions[i : j + 1]))
        for earlier, later in pairs:
            links = _shipped_step(earlier, later)
            steps.append(
                Step(
                    source=shipped_standard(earlier),
                    target=shipped_standard(later),
                    links=links,
                    by_id=(earlier, later) not in crosswalk_pairs(),
                )
            )
    else:
        pairs = list(itertools.pairwise(versions[j : i + 1]))
        for earlier, later in reversed(pairs):
            links = tuple(link.inverse() for link in _shipped_step(earlier, later))
            steps.append(
                Step(
                    source=shipped_standard(later),
                    target=shipped_standard(earlier),
                    links=links,
                    by_id=(earlier, later) not in crosswalk_pairs(),
                )
            )
    if not _is_shipped(target):
        base = shipped_standard(end)
        steps.append(Step(source=base, target=target, links=_by_id_links(base, target), by_id=True))
    return tuple(steps)


def changed_fields(old: Criterion, new: Criterion) -> tuple[str, ...]:
    """The fields of a criterion that differ, other than its id (name included)."""
    return tuple(
        field.name
        for field in attrs.fields(Criterion)
        if field.name != "id"
        and field.eq
        and not field.name.startswith("_")
        and getattr(old, field.name) != getattr(new, field.name)
    )


publish(globals())
