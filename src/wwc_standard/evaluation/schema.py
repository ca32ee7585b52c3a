"""JSON Schemas (draft 2020-12) of the revision-file format and the assessment format.

Generated from the model, never written by hand: the revision schema walks the attrs classes of
:class:`~wwc_standard.Standard` and their field types; the assessment schema follows the fields
and status words that the assessment reader accepts. The committed copies in
``src/wwc_standard/schemas/`` are checked to be up to date by a test; regenerate them with::

    python -m wwc_standard.evaluation.schema --write
"""

from __future__ import annotations

import datetime
import json
import sys
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from wwc_standard._exports import resolve_annotations
from wwc_standard.revisions.model import Criterion, Standard
from wwc_standard.revisions.tiers import AnyTierRule, Tier

from .assessment import AnswerStatus, Assessment, City

__all__ = ["assessment_schema", "revision_schema", "schemas"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    if tp is Tier:
        return {"enum": [tier.value for tier in Tier]}
    if tp == AnyTierRule:
        return {"oneOf": [_type_schema(arg, defs) for arg in typing.get_args(AnyTierRule)]}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin in (types.UnionType, typing.Union):
        options = [a for a in args if a is not type(None)]
        inner = _type_schema(options[0], defs) if len(options) == 1 else {}
        return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    # The field types as resolved where the class is defined (wwc_standard._exports): the
    # class's __module__ is its public package, where its annotations' names are not.
    resolve_annotations()
    hints = {field.name: field.type for field in attrs.fields(attrs.resolve_types(cls))}
    properties: dict[str, Any] = {}
    required: list[str] = []
    kind = getattr(cls, "kind", None)
    if isinstance(kind, str):
        properties["kind"] = {"const": kind}
        required.append("kind")
    for field in attrs.fields(cls):
        if not field.init or field.name.startswith("_"):
            continue
        properties[field.name] = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().split("\n\n")[0].replace("\n", " ")
    if required:
        schema["required"] = required
    return schema


def revision_schema() -> dict[str, Any]:
    """The JSON Schema of revision files (shipped or your own), TOML read as JSON data.

    >>> schema = revision_schema()
    >>> sorted(schema["properties"])[:4]
    ['amend_criteria', 'changes', 'criteria', 'criteria_count']
    """
    defs: dict[str, Any] = {}
    top = _class_schema(Standard, defs)
    full_required = top.pop("required")
    properties = top["properties"]
    properties["schema"] = {"const": 1}
    criterion = _type_schema(Criterion, defs)
    amendment = dict(defs["Criterion"])
    amendment = {**amendment, "required": ["id"]}
    amendment.pop("description", None)
    defs["CriterionAmendment"] = amendment
    properties["amend_criteria"] = {
        "type": "array",
        "items": {"$ref": "#/$defs/CriterionAmendment"},
    }
    properties["remove_criteria"] = {"type": "array", "items": {"type": "string"}}
    del criterion
    return {
        "$schema": _DIALECT,
        "$id": "https://wwc-standard.invalid/schemas/revision.schema.json",
        "title": "wwc-standard revision file (schema 1)",
        "description": "A revision of the What Works Cities standard, shipped or your own. "
        "A revision that extends another gives only what it changes.",
        **top,
        "if": {"required": ["extends"]},
        "then": {"required": ["version", "extends", "changes"]},
        "else": {"required": full_required},
        "$defs": dict(sorted(defs.items())),
    }


def assessment_schema() -> dict[str, Any]:
    """The JSON Schema of the assessment format.

    >>> sorted(assessment_schema()["properties"])
    ['answers', 'city', 'fingerprint', 'requirements', 'standard']
    """
    status = {
        "anyOf": [
            {"enum": [s.value for s in AnswerStatus]},
            {"type": "boolean"},
            {"type": "null"},
        ]
    }
    answer_fields: dict[str, Any] = {
        "status": status,
        "checklist": {
            "type": "object",
            "additionalProperties": {"type": ["boolean", "null"]},
        },
        "evidence": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "note": {"type": "string"},
    }
    answer = {
        "anyOf": [
            status,
            {"type": "object", "properties": answer_fields, "additionalProperties": False},
        ]
    }
    requirement_fields = {k: v for k, v in answer_fields.items() if k != "checklist"}
    requirement = {
        "anyOf": [
            status,
            {"type": "object", "properties": requirement_fields, "additionalProperties": False},
        ]
    }
    city_fields = {
        "name": {"type": "string"},
        "country": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
        "population": {"type": "integer", "minimum": 0},
    }
    assert set(city_fields) == {f.name for f in attrs.fields(City)}
    top_fields = {
        "standard": {"type": "string"},
        "fingerprint": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
        "city": {"type": "object", "properties": city_fields, "additionalProperties": False},
        "answers": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Answer"}},
        "requirements": {
            "type": "object",
            "additionalProperties": {"$ref": "#/$defs/RequirementAnswer"},
        },
    }
    assert set(top_fields) == {f.name for f in attrs.fields(Assessment)}
    return {
        "$schema": _DIALECT,
        "$id": "https://wwc-standard.invalid/schemas/assessment.schema.json",
        "title": "wwc-standard assessment",
        "description": "A city's answers to a revision of the What Works Cities standard.",
        "type": "object",
        "properties": dict(sorted(top_fields.items())),
        "required": ["answers"],
        "additionalProperties": False,
        "$defs": {"Answer": answer, "RequirementAnswer": requirement},
    }


def schemas() -> dict[str, dict[str, Any]]:
    """Every published schema by its file name."""
    return {
        "assessment.schema.json": assessment_schema(),
        "revision.schema.json": revision_schema(),
    }


def render(schema: Mapping[str, Any]) -> str:
    """A schema as the text of its committed file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def folder() -> Path:
    """The package folder the schemas are committed in."""
    return Path(__file__).parent.parent / "schemas"


def main(argv: list[str] | None = None) -> int:
    """``python -m wwc_standard.evaluation.schema [--write]``: check (or rewrite) the committed
    schemas."""
    args = sys.argv[1:] if argv is None else argv
    stale = [
        name
        for name, schema in schemas().items()
        if not (folder() / name).is_file() or (folder() / name).read_text("utf-8") != render(schema)
    ]
    if "--write" in args:
        folder().mkdir(exist_ok=True)
        for name, schema in schemas().items():
            (folder() / name).write_text(render(schema), "utf-8")
        return 0
    for name in stale:
        print(f"out of date: {folder() / name}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
