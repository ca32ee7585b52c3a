"""From revision data (TOML or a mapping) to a validated :class:`~wwc_standard.Standard`.

Three steps, each reporting every problem it finds with the path where it is:

1. resolve ``extends``: a revision that changes only cycle rules names the revision it extends
   and replaces only the top-level tables that changed;
2. structure the data into the model with a private cattrs converter (unknown keys and wrong
   types are problems, never a raw cattrs error);
3. check the standard's own rules: unique ids, prerequisites that exist and form no cycle,
   quotas within their checklists, bands that cover 0..N with no gap or overlap, sources that
   exist, known country codes.

cattrs is imported here and only here, on the first load, so ``import wwc_standard`` stays fast.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard.errors import InvalidStandard, Problem, WWCError
from wwc_standard.i18n.messages import Message

from .countries import ISO_3166_ALPHA_2
from .model import Standard
from .tiers import AnyTierRule, rule_classes

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "build_standard",
    "problems_of",
    "shipped_standard",
    "shipped_versions",
    "unstructure_standard",
]

#: The version of the revision-file schema this library reads and writes.
SCHEMA = 1
#: Top-level keys a revision does not take over from the revision it extends.
_NOT_INHERITED = frozenset({"extends", "changes", "notes"})
_VERSION_FILE = re.compile(r"^(\d{4})\.toml$")


# -- the converter -------------------------------------------------------------------------


class _Refused(TypeError, ValueError):
    """A structure hook's refusal, worded by a translatable message."""

    def __init__(self, text: Message) -> None:
        self.text = text
        super().__init__(str(text))


@functools.cache
def _converter() -> cattrs.Converter:
    import cattrs

    # Fields at their default are left out of the canonical form, so a field added to the
    # schema later (with a default) leaves the fingerprints of published revisions unchanged.
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)

    def structure_date(value: object, _: type) -> datetime.date:
        if isinstance(value, datetime.datetime):
            raise _Refused(Message("expected a date without a time, like 2024-01-01"))
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            return datetime.date.fromisoformat(value)
        raise _Refused(Message("expected a date, like 2024-01-01"))

    converter.register_structure_hook(datetime.date, structure_date)
    converter.register_unstructure_hook(datetime.date, lambda day: day.isoformat())

    def structure_str(value: object, _: type) -> str:
        # The default hook would turn 2024 into "2024" and a list into its repr: refuse both.
        if not isinstance(value, str):
            raise _Refused(Message("expected a string, found {type}", type=type(value).__name__))
        return value

    def structure_int(value: object, _: type) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Refused(
                Message("expected a whole number, found {type}", type=type(value).__name__)
            )
        return value

    def structure_bool(value: object, _: type) -> bool:
        if not isinstance(value, bool):
            raise _Refused(
                Message("expected true or false, found {type}", type=type(value).__name__)
            )
        return value

    # The default tuple hook accepts any iterable, so "DM1" would become ("D", "M", "1").
    tuple_hook = converter.get_structure_hook(tuple[str, ...], cache_result=False)

    def structure_tuple(value: object, type_: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise _Refused(Message("expected a list, found {type}", type=type(value).__name__))
        return tuple_hook(value, type_)

    converter.register_structure_hook_func(
        lambda t: getattr(t, "__origin__", None) is tuple, structure_tuple
    )
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(int, structure_int)
    converter.register_structure_hook(bool, structure_bool)

    # Tuples unstructure to lists so that to_dict() equals its own JSON round trip.
    converter.register_unstructure_hook_func(
        lambda t: getattr(t, "__origin__", None) is tuple,
        lambda value: [converter.unstructure(item) for item in value],
    )

    rules = rule_classes()
    known = ", ".join(sorted(rules))
    for kind, rule_class in rules.items():
        _register_rule(converter, kind, rule_class, known)

    def structure_any_rule(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise _Refused(Message("expected a table"))
        rule_class = rules.get(str(value.get("kind")))
        if rule_class is None:
            raise _Refused(
                Message(
                    "unknown tier rule kind {kind}: use one of {known}",
                    kind=repr(value.get("kind")),
                    known=known,
                )
            )
        return converter.structure(value, rule_class)

    converter.register_structure_hook(AnyTierRule, structure_any_rule)
    return converter


def _register_rule(
    converter: cattrs.Converter, kind: str, rule_class: type[Any], known: str
) -> None:
    """Tier rules are tagged unions: the ``kind`` key names the class of the rule."""
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

    structure_fields = make_dict_structure_fn(rule_class, converter, _cattrs_forbid_extra_keys=True)
    unstructure_fields = make_dict_unstructure_fn(
        rule_class, converter, _cattrs_omit_if_default=True
    )

    def structure_rule(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise _Refused(Message("expected a table"))
        tag = value.get("kind")
        if tag != kind:
            raise _Refused(
                Message(
                    "unknown tier rule kind {kind}: use one of {known}",
                    kind=repr(tag),
                    known=known,
                )
            )
        return structure_fields({k: v for k, v in value.items() if k != "kind"}, rule_class)

    def unstructure_rule(rule: Any) -> dict[str, Any]:
        return {"kind": kind, **unstructure_fields(rule)}

    converter.register_structure_hook(rule_class, structure_rule)
    converter.register_unstructure_hook(rule_class, unstructure_rule)


def unstructure_standard(standard: Standard) -> dict[str, Any]:
    """The canonical JSON-compatible form of a revision, in the schema of revision files."""
    data: dict[str, Any] = {"schema": SCHEMA, **_converter().unstructure(standard)}
    return data


def _structure_problems(error: BaseException) -> list[Problem]:
    import cattrs

    if not isinstance(error, cattrs.BaseValidationError):
        return [Problem(path="", code="invalid-revision", message=str(error))]
    from cattrs.v import format_exception

    # transform_error() words every error as a string; our own messages travel beside it, and
    # the string only says which one ("\0<index>"), so they stay translatable.
    texts: list[Message] = []

    def describe(exc: BaseException, type_: type | None) -> str:
        literal = re.match(r"(.*) not in literal typing\.Literal\[(.*)\]", str(exc))
        if literal:
            texts.append(
                Message(
                    "{value} is not one of {choices}",
                    value=repr(literal.group(1)),
                    choices=literal.group(2),
                )
            )
        elif isinstance(exc, _Refused):
            texts.append(exc.text)
        elif isinstance(exc, TypeError | ValueError) and str(exc):
            return str(exc)  # e.g. date.fromisoformat's own words
        else:
            return format_exception(exc, type_)
        return f"\0{len(texts) - 1}"

    problems = []
    for line in cattrs.transform_error(error, path="$", format_exception=describe):
        message, _, where = line.rpartition(" @ ")
        path = where.removeprefix("$").removeprefix(".")
        extra = re.match(r"extra fields found \((.*)\)", message)
        if extra:
            for name in extra.group(1).split(", "):
                problems.append(
                    Problem.of(
                        f"{path}.{name}" if path else name,
                        "unknown-field",
                        Message("'{name}' is not a field of revision files here", name=name),
                        hint=Message(
                            "remove it or check its spelling against docs/revision-files.md"
                        ),
                    )
                )
        elif message.startswith("\0"):
            problems.append(Problem.of(path, "wrong-type", texts[int(message[1:])]))
        elif "required field missing" in message:
            problems.append(Problem.of(path, "missing-field", Message("required field missing")))
        else:
            problems.append(Problem(path=path, code="wrong-type", message=message))
    return problems


# -- extends --------------------------------------------------------------------------------


def _resolve(
    raw: Mapping[str, Any], lookup: Callable[[str], Mapping[str, Any]], seen: tuple[str, ...]
) -> tuple[dict[str, Any], list[Problem]]:
    parent_version = raw.get("extends")
    if parent_version is None:
        return dict(raw), []
    if not isinstance(parent_version, str):
        return dict(raw), [
            Problem.of("extends", "wrong-type", Message("extends must be a version string"))
        ]
    if parent_version in seen:
        chain = " -> ".join((*seen, parent_version))
        return dict(raw), [
            Problem.of(
                "extends",
                "extends-cycle",
                Message("revisions extend in a cycle: {chain}", chain=chain),
            )
        ]
    try:
        parent_raw = lookup(parent_version)
    except LookupError as error:
        if isinstance(error, WWCError) and error.problems:
            return dict(raw), [attrs.evolve(error.problems[0], path="extends")]
        return dict(raw), [Problem(path="extends", code="unknown-standard", message=str(error))]
    parent, problems = _resolve(parent_raw, lookup, (*seen, parent_version))
    merged = {key: value for key, value in parent.items() if key not in _NOT_INHERITED}
    merged.update(raw)
    merged["sources"] = _merge_sources(parent.get("sources", []), raw.get("sources", []))
    from .files import apply_amendments

    problems.extend(apply_amendments(merged))
    if not raw.get("changes"):
        problems.append(
            Problem.of(
                "changes",
                "missing-changes",
                Message(
                    "a revision that extends {version} must say what changed",
                    version=parent_version,
                ),
                hint=Message('add changes = ["..."], one sentence per change'),
            )
        )
    return merged, problems


def _merge_sources(parent: object, child: object) -> object:
    if not (isinstance(parent, list) and isinstance(child, list)):
        return child  # the structuring step reports the wrong type
    keys = {s.get("key") for s in child if isinstance(s, Mapping)}
    inherited = [s for s in parent if isinstance(s, Mapping) and s.get("key") not in keys]
    return [*inherited, *child]


# -- the standard's own rules ---------------------------------------------------------------


def _duplicate_ids(values: Sequence[str], path: str, what: Message) -> Iterator[Problem]:
    """A problem for every repeat of an id; ``path`` has an ``{index}`` to fill in."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield Problem.of(
                path.format(index=index),
                "duplicate-id",
                Message("{what} '{value}' is listed twice", what=what, value=value),
            )
        seen.add(value)


def _cycle(graph: Mapping[str, Sequence[str]]) -> list[str] | None:
    """One cycle of the prerequisite graph as a path that returns to its start, if any."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done

    def visit(node: str, stack: list[str]) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt in graph and nxt not in state:
                found = visit(nxt, stack)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in graph:
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def problems_of(standard: Standard) -> Iterator[Problem]:
    """Every way ``standard`` breaks the rules a revision must follow."""
    source_keys = [source.key for source in standard.sources]
    yield from _duplicate_ids(source_keys, "sources[{index}].key", Message("source"))

    def cited(path: str, sources: Sequence[str]) -> Iterator[Problem]:
        for i, key in enumerate(sources):
            if key not in source_keys:
                yield Problem.of(
                    f"{path}.provenance.sources[{i}]" if path else f"provenance.sources[{i}]",
                    "unknown-source",
                    Message("source '{key}' is not among the revision's sources", key=key),
                    hint=Message("add it under [[sources]] or fix the key"),
                )

    yield from cited("", standard.provenance.sources)
    yield from cited("in_force", standard.in_force.provenance.sources)
    yield from cited("tier_rule", standard.tier_rule.provenance.sources)
    working_across = getattr(standard.tier_rule, "working_across", None)
    if working_across is not None and working_across.provenance is not None:
        yield from cited("tier_rule.working_across", working_across.provenance.sources)
    yield from cited("eligibility", standard.eligibility.provenance.sources)
    if standard.extends is None and standard.changes:
        yield Problem.of(
            "changes",
            "changes-without-extends",
            Message("changes are listed but the revision extends nothing"),
        )

    codes = [area.code for area in standard.practice_areas]
    yield from _duplicate_ids(codes, "practice_areas[{index}].code", Message("practice area"))
    for index, area in enumerate(standard.practice_areas):
        yield from cited(f"practice_areas[{index}]", area.provenance.sources)

    ids = [criterion.id for criterion in standard.criteria]
    yield from _duplicate_ids(ids, "criteria[{index}].id", Message("criterion"))
    known = set(ids)
    for index, criterion in enumerate(standard.criteria):
        path = f"criteria[{index}]"
        yield from cited(path, criterion.provenance.sources)
        if criterion.practice_area not in codes:
            from wwc_standard._suggest import did_you_mean

            yield Problem.of(
                f"{path}.practice_area",
                "unknown-practice-area",
                Message(
                    "{criterion} names practice area '{area}', which the revision does not list",
                    criterion=criterion.id,
                    area=criterion.practice_area,
                ),
                hint=did_you_mean(criterion.practice_area, codes),
            )
        for i, prerequisite in enumerate(criterion.prerequisites):
            if prerequisite == criterion.id:
                yield Problem.of(
                    f"{path}.prerequisites[{i}]",
                    "prerequisite-cycle",
                    Message("{criterion} cannot be its own prerequisite", criterion=criterion.id),
                )
            elif prerequisite not in known:
                from wwc_standard._suggest import did_you_mean

                yield Problem.of(
                    f"{path}.prerequisites[{i}]",
                    "unknown-prerequisite",
                    Message(
                        "{prerequisite} is not a criterion of this revision",
                        prerequisite=prerequisite,
                    ),
                    hint=did_you_mean(prerequisite, known),
                )
        checklist = criterion.checklist
        if checklist is not None:
            yield from cited(f"{path}.checklist", checklist.provenance.sources)
            yield from _duplicate_ids(
                checklist.item_ids,
                path + ".checklist.items[{index}].id",
                Message("{criterion} checklist item", criterion=criterion.id),
            )
            for i, item in enumerate(checklist.items):
                if item.provenance is not None:
                    yield from cited(f"{path}.checklist.items[{i}]", item.provenance.sources)
            if not 1 <= checklist.required <= len(checklist.items):
                yield Problem.of(
                    f"{path}.checklist.required",
                    "quota-out-of-range",
                    Message(
                        "{criterion} requires {required} of {total} checklist items",
                        criterion=criterion.id,
                        required=checklist.required,
                        total=len(checklist.items),
                    ),
                    hint=Message(
                        "the quota must be between 1 and {total}", total=len(checklist.items)
                    ),
                )
    graph = {c.id: [p for p in c.prerequisites if p != c.id] for c in standard.criteria}
    cycle = _cycle(graph)
    if cycle:
        yield Problem.of(
            f"criteria[{ids.index(cycle[0])}].prerequisites",
            "prerequisite-cycle",
            Message("prerequisites form a cycle: {cycle}", cycle=" -> ".join(cycle)),
            hint=Message("a criterion cannot, through other criteria, be its own prerequisite"),
        )

    if len(standard.criteria) > standard.criteria_count:
        yield Problem.of(
            "criteria_count",
            "criteria-count",
            Message(
                "the revision lists {listed} criteria but declares {declared}",
                listed=len(standard.criteria),
                declared=standard.criteria_count,
            ),
        )
    for path, code, message in standard.tier_rule.problems(
        standard.criteria, standard.criteria_count
    ):
        if isinstance(message, Message):
            yield Problem.of(path, code, message)
        else:
            yield Problem(path=path, code=code, message=message)

    eligibility = standard.eligibility
    if eligibility.population_floor < 0:
        yield Problem.of(
            "eligibility.population_floor",
            "negative-population",
            Message("the population floor cannot be negative"),
        )
    for index, country in enumerate(eligibility.countries):
        if country not in ISO_3166_ALPHA_2:
            yield Problem.of(
                f"eligibility.countries[{index}]",
                "unknown-country",
                Message("'{country}' is not an ISO 3166-1 alpha-2 code", country=country),
            )
    if list(eligibility.countries) != sorted(set(eligibility.countries)):
        yield Problem.of(
            "eligibility.countries",
            "unsorted-countries",
            Message("list each country once, in alphabetical order"),
            hint=Message("sort the codes so the fingerprint does not depend on their order"),
        )

    yield from _duplicate_ids(
        [r.id for r in standard.requirements], "requirements[{index}].id", Message("requirement")
    )
    for index, requirement in enumerate(standard.requirements):
        yield from cited(f"requirements[{index}]", requirement.provenance.sources)


# -- building -------------------------------------------------------------------------------


def _non_string_keys(data: object, path: str) -> Iterator[Problem]:
    """Keys that are not strings, anywhere: TOML and JSON cannot have them, dicts can."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            where = f"{path}.{key}" if path else str(key)
            if not isinstance(key, str):
                yield Problem.of(
                    where,
                    "wrong-type",
                    Message(
                        "keys must be strings, found {type} {key}",
                        type=type(key).__name__,
                        key=repr(key),
                    ),
                )
            else:
                yield from _non_string_keys(value, where)
    elif isinstance(data, list | tuple):
        for index, value in enumerate(data):
            yield from _non_string_keys(value, f"{path}[{index}]")


def build_standard(
    data: Mapping[str, Any],
    *,
    origin: str,
    lookup: Callable[[str], Mapping[str, Any]] | None = None,
) -> Standard:
    """Resolve, structure and validate revision data; raise InvalidStandard with every problem."""
    if not isinstance(data, Mapping):
        raise InvalidStandard(
            [Problem.of("", "wrong-type", Message("a revision must be a table (a mapping)"))],
            origin=origin,
        )
    bad_keys = list(_non_string_keys(data, ""))
    if bad_keys:
        raise InvalidStandard(bad_keys, origin=origin)
    merged, problems = _resolve(data, lookup or shipped_raw, (str(data.get("version")),))
    schema = merged.pop("schema", SCHEMA)
    if schema != SCHEMA:
        problems.append(
            Problem.of(
                "schema",
                "unsupported-schema",
                Message(
                    "revision-file schema {schema} is not supported; this library reads "
                    "{supported}",
                    schema=repr(schema),
                    supported=str(SCHEMA),
                ),
                hint=Message("upgrade wwc-standard, or write the file in schema 1"),
            )
        )
    if problems:
        raise InvalidStandard(problems, origin=origin)
    try:
        standard = _converter().structure(merged, Standard)
    except Exception as error:  # cattrs gathers every field's error into one exception group
        raise InvalidStandard(_structure_problems(error), origin=origin) from None
    problems = list(problems_of(standard))
    if problems:
        raise InvalidStandard(problems, origin=origin)
    from .texts import attach_domains, revision_domains

    # Which catalogs translate its texts: no part of its content, and no catalog is read here.
    attach_domains(standard, revision_domains(data, lookup or shipped_raw))
    return standard


def shipped_versions() -> tuple[str, ...]:
    """The versions of the revision files shipped in the package, oldest first."""
    from importlib import resources

    folder = resources.files("wwc_standard") / "standards"
    found = (_VERSION_FILE.match(entry.name) for entry in folder.iterdir())
    return tuple(sorted(match.group(1) for match in found if match))


@functools.cache
def shipped_raw(version: str) -> Mapping[str, Any]:
    """The parsed TOML of a shipped revision file."""
    import tomllib
    from importlib import resources

    if version not in shipped_versions():
        from wwc_standard.errors import UnknownStandard

        raise UnknownStandard(version, available=shipped_versions())
    text = (resources.files("wwc_standard") / "standards" / f"{version}.toml").read_text("utf-8")
    return tomllib.loads(text)


@functools.cache
def shipped_standard(version: str) -> Standard:
    """The shipped revision ``version``, built and validated once per process."""
    return build_standard(shipped_raw(version), origin=f"{version} (shipped)")
