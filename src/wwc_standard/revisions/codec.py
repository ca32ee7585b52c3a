"""The revision-file schema as a cattrs converter: data to model objects and back.

Structuring refuses what the schema does not say: unknown keys and wrong types are
:class:`~wwc_standard.Problem` values with the path where they are, never a raw cattrs error,
and a value is never coerced (``2024`` is not the string ``"2024"``, ``"DM1"`` is not a list).
Unstructuring gives the canonical form that :meth:`Standard.to_dict` returns and the
fingerprint hashes, so what it leaves out (fields at their default) is part of every
published fingerprint.

The model is imported for type checking only: it imports this module for
:meth:`Standard.to_dict`, and the class to structure into is passed in. cattrs is imported
here and only here, on the first load, so ``import wwc_standard`` stays fast.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from wwc_standard._exports import resolve_annotations
from wwc_standard.errors import InvalidStandard, Problem
from wwc_standard.i18n.messages import N_, Message

from .tiers import AnyTierRule, rule_classes

if TYPE_CHECKING:
    import cattrs

    from .model import Standard

__all__ = ["SCHEMA", "structure_standard", "unstructure_standard"]

#: The version of the revision-file schema this library reads and writes.
SCHEMA = 1


# -- the converter -------------------------------------------------------------------------


class _Refused(TypeError, ValueError):
    """A structure hook's refusal, worded by a translatable message."""

    def __init__(self, text: Message) -> None:
        self.text = text
        super().__init__(str(text))


_FOUND = (
    (bool, N_("true/false")),
    (int, N_("a number")),
    (float, N_("a number")),
    (str, N_("a string")),
    (datetime.datetime, N_("a date and time")),
    (datetime.date, N_("a date")),
    (list, N_("a list")),
    (tuple, N_("a list")),
    (Mapping, N_("a table")),
    (type(None), N_("null")),
)
"""What a value found in a revision file is, in the words of the assessment parser."""


def found_words(value: object) -> Message | str:
    """What kind of value ``value`` is, in translatable words ("a string", "null"); a number
    is itself.

    >>> print(found_words(None)), print(found_words([1])), print(found_words(1.5))
    null
    a list
    1.5
    (None, None, None)
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value)
    for kind, words in _FOUND:
        if isinstance(value, kind):
            return Message(words)
    return type(value).__name__


def _expected(expected: str, value: object) -> _Refused:
    """The refusal "expected <expected>, found <what value is>", every word translatable."""
    return _Refused(
        Message(
            "expected {expected}, found {found}",
            expected=Message(expected),
            found=found_words(value),
        )
    )


@functools.cache
def _converter() -> cattrs.Converter:
    # cattrs is imported when the first revision is read, not at start-up: it is the largest
    # import of the package, and an app may never read a revision (evaluate_many reuses one).
    import cattrs
    from cattrs.gen import make_dict_structure_fn

    # Fields at their default are left out of the canonical form, so a field added to the
    # schema later (with a default) leaves the fingerprints of published revisions unchanged.
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)

    def structure_date(value: object, _: type) -> datetime.date:
        if isinstance(value, datetime.datetime):
            raise _Refused(Message("expected a date without a time, like 2024-01-01"))
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                raise _Refused(
                    Message("{value} is not a date like 2024-01-01", value=repr(value))
                ) from None
        raise _expected(N_("a date, like 2024-01-01"), value)

    converter.register_structure_hook(datetime.date, structure_date)
    converter.register_unstructure_hook(datetime.date, lambda day: day.isoformat())

    def structure_str(value: object, _: type) -> str:
        # The default hook would turn 2024 into "2024" and a list into its repr: refuse both.
        if not isinstance(value, str):
            raise _expected(N_("a string"), value)
        return value

    def structure_int(value: object, _: type) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _expected(N_("a whole number"), value)
        return value

    def structure_bool(value: object, _: type) -> bool:
        if not isinstance(value, bool):
            raise _expected(N_("true/false"), value)
        return value

    # The default tuple hook accepts any iterable, so "DM1" would become ("D", "M", "1").
    tuple_hook = converter.get_structure_hook(tuple[str, ...], cache_result=False)

    def structure_tuple(value: object, type_: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise _expected(N_("a list"), value)
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

    # A table of the model (a criterion, a provenance record) must be a table: without this
    # check the generated hook fails on a list or a number with Python's own words.
    def table_hook(class_: type[Any]) -> Any:
        fields = make_dict_structure_fn(class_, converter, _cattrs_forbid_extra_keys=True)

        def structure_table(value: object, type_: type) -> Any:
            if not isinstance(value, Mapping):
                raise _expected(N_("a table"), value)
            return fields(value, type_)

        return structure_table

    rule_types: set[Any] = set(rules.values())
    converter.register_structure_hook_factory(
        lambda t: attrs.has(t) and t not in rule_types, table_hook
    )

    def structure_literal(value: object, type_: Any) -> Any:
        for choice in type_.__args__:
            if type(value) is type(choice) and value == choice:
                return value
        choices = ", ".join(repr(choice) for choice in type_.__args__)
        raise _Refused(
            Message("{value} is not one of {choices}", value=repr(value), choices=choices)
        )

    converter.register_structure_hook_func(
        lambda t: getattr(t, "__origin__", None) is Literal, structure_literal
    )

    def structure_enum(value: object, type_: type[enum.Enum]) -> Any:
        try:
            return type_(value)
        except (ValueError, TypeError):
            choices = ", ".join(repr(member.value) for member in type_)
            raise _Refused(
                Message("{value} is not one of {choices}", value=repr(value), choices=choices)
            ) from None

    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), structure_enum
    )
    for kind, rule_class in rules.items():
        _register_rule(converter, kind, rule_class, known)

    def structure_any_rule(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise _expected(N_("a table"), value)
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
    # cattrs on first use, as in _converter().
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

    structure_fields = make_dict_structure_fn(rule_class, converter, _cattrs_forbid_extra_keys=True)
    unstructure_fields = make_dict_unstructure_fn(
        rule_class, converter, _cattrs_omit_if_default=True
    )

    def structure_rule(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise _expected(N_("a table"), value)
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
    resolve_annotations()  # cattrs reads the field types of the model
    data: dict[str, Any] = {"schema": SCHEMA, **_converter().unstructure(standard)}
    return data


def structure_standard(data: Mapping[str, Any], into: type[Standard], *, origin: str) -> Standard:
    """``data`` (``extends`` resolved, ``schema`` removed) as an ``into``, not yet validated.

    Raises :class:`~wwc_standard.InvalidStandard` listing every key and value that does not
    fit the schema.
    """
    resolve_annotations()  # cattrs reads the field types of the model
    try:
        return _converter().structure(data, into)
    except Exception as error:  # cattrs gathers every field's error into one exception group
        raise InvalidStandard(_structure_problems(error), origin=origin) from None


def _structure_problems(error: BaseException) -> list[Problem]:
    # cattrs on first use, as in _converter().
    import cattrs

    if not isinstance(error, cattrs.BaseValidationError):
        return [Problem(path="", code="invalid-revision", message=str(error))]
    # cattrs on first use, as in _converter().
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
