"""A city's answers to the standard, and reading them from JSON, TOML or a mapping.

Parsing never stops at the first mistake: every problem in the input is collected, each with
the path where it is, a stable code and a hint, and raised together in one
:class:`~wwc_standard.AssessmentError`. Problems that need the revision (an unknown criterion,
a checklist item that does not exist, a fingerprint that does not match) are found by
:func:`validate` and :func:`~wwc_standard.evaluate`, together with the others.
"""

from __future__ import annotations

import enum
import functools
import math
import operator
import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard._data import read_user_file
from wwc_standard._exports import publish
from wwc_standard._pickling import ReadOnlyMappings, read_only
from wwc_standard.errors import (
    AssessmentError,
    IncompleteStandard,
    Problem,
    UnknownStandard,
    WWCError,
    did_you_mean,
    unknown_checklist_item,
    unknown_criterion,
)
from wwc_standard.i18n.messages import N_, Message
from wwc_standard.revisions.countries import ISO_3166_ALPHA_2
from wwc_standard.revisions.model import Standard
from wwc_standard.revisions.registry import standard as shipped

if TYPE_CHECKING:
    from wwc_standard.revisions.model import Standard

__all__ = [
    "Answer",
    "AnswerStatus",
    "Assessment",
    "City",
    "check_against",
    "checklist_outcome",
    "load_assessment",
    "parse_assessment",
    "read_assessment_data",
    "resolve",
    "validate",
]

_FINGERPRINT = re.compile(r"^sha256:[0-9a-f]{64}$")


class AnswerStatus(enum.Enum):
    """What a city says of a criterion: met, unmet, or unknown (not yet established).

    In JSON a status is its word; ``true`` and ``false`` read as met and unmet:

    >>> import wwc_standard as wwc
    >>> a = wwc.Assessment.from_dict({"answers": {"DM1": "met", "DM2": False, "DM3": "unknown"}})
    >>> [answer.status for answer in a.answers.values()]
    [<AnswerStatus.MET: 'met'>, <AnswerStatus.UNMET: 'unmet'>, <AnswerStatus.UNKNOWN: 'unknown'>]
    >>> AnswerStatus("unmet") is AnswerStatus.UNMET
    True
    """

    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class Answer(ReadOnlyMappings):
    """A city's answer to one criterion (or certification requirement).

    >>> Answer(status=AnswerStatus.MET, evidence=("https://data.example.org/",)).status
    <AnswerStatus.MET: 'met'>

    In JSON, an answer with only a status is its word (see :meth:`to_data`):

    >>> Answer(status=AnswerStatus.UNMET).to_data()
    'unmet'
    >>> Answer(status=AnswerStatus.MET, note="board meets quarterly").to_data()
    {'status': 'met', 'note': 'board meets quarterly'}
    """

    status: AnswerStatus | None = None
    """What the city says; ``None`` when only the checklist is answered, which then decides."""
    checklist: Mapping[str, bool | None] = attrs.field(factory=dict, converter=read_only)
    """Checklist item id to ``True`` (met), ``False`` (not met) or ``None`` (not known)."""
    evidence: tuple[str, ...] = ()
    """Links or references to the documents that support the answer."""
    note: str = ""
    """A free note, kept with the answer: it travels in ``to_dict()`` and stored results."""

    def to_data(self) -> Any:
        """The answer as JSON-compatible data: a bare status word when that is all it has."""
        if not (self.checklist or self.evidence or self.note):
            return self.status.value if self.status else None
        data: dict[str, Any] = {}
        if self.status is not None:
            data["status"] = self.status.value
        if self.checklist:
            data["checklist"] = dict(self.checklist)
        if self.evidence:
            data["evidence"] = list(self.evidence)
        if self.note:
            data["note"] = self.note
        return data


@attrs.frozen(kw_only=True)
class City:
    """The city being assessed.

    Every field is optional, but eligibility can only be decided with country and population.

    >>> import wwc_standard as wwc
    >>> city = City(name="Exampleton", country="US", population=182000)
    >>> wwc.evaluate(wwc.Assessment(city=city), standard="2024").eligible
    True
    >>> wwc.evaluate(wwc.Assessment(city=City(name="Nowhere")), standard="2024").eligible
    False
    """

    name: str | None = None
    """The city's name, shown in reports."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of its country ("US", "CA", "BR")."""
    population: int | None = None
    """Its population, a whole number of people."""


@attrs.frozen(kw_only=True)
class Assessment(ReadOnlyMappings):
    """A city's answers, optionally pinned to a revision and its fingerprint.

    >>> a = Assessment.from_dict({"city": {"name": "Exampleton", "country": "US"},
    ...                           "answers": {"DM1": "met", "DM2": False}})
    >>> a.answers["DM2"].status
    <AnswerStatus.UNMET: 'unmet'>
    >>> Assessment.from_dict(a.to_dict()) == a
    True
    """

    city: City = City()
    """The city being assessed."""
    answers: Mapping[str, Answer] = attrs.field(factory=dict, converter=read_only)
    """Criterion id to answer; a criterion with no answer is unknown, never met."""
    requirements: Mapping[str, Answer] = attrs.field(factory=dict, converter=read_only)
    """Certification requirement id ("outcome") to answer."""
    standard: str | None = None
    """The revision the answers are for; evaluation uses it when no revision is given."""
    fingerprint: str | None = None
    """The fingerprint of that revision; a mismatch is an error, never a silent re-evaluation."""

    @classmethod
    def from_dict(cls, data: Any) -> Assessment:
        """Read an assessment from JSON-like data; raise AssessmentError with every problem.

        Only the input's own shape is checked here; :func:`validate` also checks it against
        a revision.
        """
        assessment, problems = parse_assessment(data)
        if problems:
            raise AssessmentError(problems)
        return assessment

    def to_dict(self) -> dict[str, Any]:
        """The assessment as JSON-compatible data, in the format :meth:`from_dict` reads."""
        data: dict[str, Any] = {}
        if self.standard is not None:
            data["standard"] = self.standard
        if self.fingerprint is not None:
            data["fingerprint"] = self.fingerprint
        city = {
            key: value
            for key, value in (
                ("name", self.city.name),
                ("country", self.city.country),
                ("population", self.city.population),
            )
            if value is not None
        }
        if city:
            data["city"] = city
        data["answers"] = {key: answer.to_data() for key, answer in self.answers.items()}
        if self.requirements:
            data["requirements"] = {
                key: answer.to_data() for key, answer in self.requirements.items()
            }
        return data


# -- parsing --------------------------------------------------------------------------------


_TYPE_NAMES = {
    bool: N_("true/false"),
    int: N_("a number"),
    float: N_("a number"),
    str: N_("a string"),
    list: N_("a list"),
    dict: N_("an object"),
    type(None): N_("null"),
}


def _type_name(value: object) -> Message | str:
    """What kind of value ``value`` is, in words (a translatable message for JSON's types)."""
    name = _TYPE_NAMES.get(type(value))
    return type(value).__name__ if name is None else Message(name)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Parser:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(
        self,
        path: str,
        code: str,
        message: Message,
        hint: Message | str | None = None,
        **params: Any,
    ) -> None:
        self.problems.append(Problem.of(path, code, message, hint, params=params))

    def wrong_type(
        self, path: str, value: object, expected: Message, hint: Message | None = None
    ) -> None:
        found = _type_name(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            found = repr(value)
        self.problem(
            path,
            "wrong-type",
            Message("expected {expected}, found {found}", expected=expected, found=found),
            hint,
            expected=str(expected),
        )

    def mapping(self, value: object, path: str, what: Message) -> dict[str, Any] | None:
        if not isinstance(value, Mapping):
            self.wrong_type(path, value, what)
            return None
        result: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                self.problem(
                    _join(path, str(key)),
                    "wrong-type",
                    Message(
                        "keys must be strings, found {type} {key}",
                        type=_type_name(key),
                        key=repr(key),
                    ),
                )
                continue
            result[key] = item
        return result

    def fields(self, data: dict[str, Any], path: str, allowed: tuple[str, ...]) -> None:
        for key in data:
            if key not in allowed:
                self.problem(
                    _join(path, key),
                    "unknown-field",
                    Message("'{key}' is not a field here", key=key),
                    did_you_mean(key, allowed)
                    or Message("use one of: {fields}", fields=", ".join(allowed)),
                )

    def string(self, value: object, path: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.wrong_type(path, value, Message("a string"))
            return None
        if not value.isascii() and _lone_surrogate().search(value):
            # Not text at all: it cannot be encoded, so neither fingerprinted nor written.
            self.problem(
                path,
                "invalid-text",
                Message("this text holds a lone surrogate, which cannot be encoded"),
                Message("remove the \\ud800-style escape from the file"),
            )
            return None
        return value

    def status(self, value: object, path: str) -> AnswerStatus | None:
        if value is None:
            return None
        if isinstance(value, bool):
            return AnswerStatus.MET if value else AnswerStatus.UNMET
        if isinstance(value, str):
            try:
                return AnswerStatus(_ascii_lower(value.strip()))
            except ValueError:
                words = [s.value for s in AnswerStatus]
                self.problem(
                    path,
                    "unknown-status",
                    Message("{value} is not a status", value=repr(value)),
                    did_you_mean(value, words) or Message("use met, unmet, unknown, true or false"),
                    value=value,
                )
                return None
        self.wrong_type(path, value, Message("met, unmet, unknown, true, false or null"))
        return None

    def answer(self, value: object, path: str, *, checklist_allowed: bool = True) -> Answer:
        if value is None or isinstance(value, bool | str):
            return Answer(status=self.status(value, path))
        if not isinstance(value, Mapping):
            self.wrong_type(
                path,
                value,
                Message("a status word, true/false, null or an object"),
                Message('write "met", "unmet", true, false, or {{"status": "met", ...}}'),
            )
            return Answer()
        data = self.mapping(value, path, Message("an object")) or {}
        allowed = (
            ("status", "checklist", "evidence", "note")
            if checklist_allowed
            else ("status", "evidence", "note")
        )
        self.fields(data, path, allowed)
        checklist: dict[str, bool | None] = {}
        if "checklist" in data and checklist_allowed:
            items = self.mapping(
                data["checklist"],
                _join(path, "checklist"),
                Message("an object of checklist item ids to true, false or null"),
            )
            for item, mark in (items or {}).items():
                if mark is None or isinstance(mark, bool):
                    checklist[item] = mark
                else:
                    self.wrong_type(
                        _join(_join(path, "checklist"), item),
                        mark,
                        Message("true, false or null"),
                    )
        evidence: list[str] = []
        raw_evidence = data.get("evidence", [])
        if isinstance(raw_evidence, list):
            for index, item in enumerate(raw_evidence):
                where = f"{_join(path, 'evidence')}[{index}]"
                if not isinstance(item, str):
                    self.wrong_type(where, item, Message("a string (a link or a reference)"))
                elif not item.strip():
                    self.problem(
                        where,
                        "empty-evidence",
                        Message("evidence cannot be empty"),
                        Message("give a link or a reference, or remove the item"),
                    )
                elif self.string(item, where) is not None:  # refuses a lone surrogate
                    evidence.append(item)
        else:
            self.wrong_type(
                _join(path, "evidence"),
                raw_evidence,
                Message("a list of links or references"),
                Message('wrap a single link in a list: ["https://..."]'),
            )
        note = self.string(data.get("note"), _join(path, "note")) or ""
        return Answer(
            status=self.status(data.get("status"), _join(path, "status")),
            checklist=checklist,
            evidence=tuple(evidence),
            note=note,
        )

    def city(self, value: object) -> City:
        data = self.mapping(value, "city", Message("an object with name, country and population"))
        if data is None:
            return City()
        self.fields(data, "city", ("name", "country", "population"))
        name = self.string(data.get("name"), "city.name")
        country = self.string(data.get("country"), "city.country")
        if country is not None:
            code = _ascii_upper(country.strip())
            if code not in ISO_3166_ALPHA_2:
                self.problem(
                    "city.country",
                    "unknown-country",
                    Message(
                        "{country} is not an ISO 3166-1 alpha-2 country code",
                        country=repr(country),
                    ),
                    Message("use the two-letter code, such as US, CA, MX or BR"),
                    value=country,
                )
                country = None
            else:
                country = code
        population = data.get("population")
        if population is not None:
            whole = isinstance(population, int) or (
                isinstance(population, float)
                and math.isfinite(population)
                and population.is_integer()
            )
            if isinstance(population, bool) or not whole:
                self.wrong_type("city.population", population, Message("a whole number of people"))
                population = None
            elif population < 0:
                self.problem(
                    "city.population",
                    "negative-population",
                    Message(
                        "population cannot be negative, found {population}",
                        population=population,
                    ),
                    Message("give the number of people living in the city"),
                    value=population,
                )
                population = None
            elif population > MAX_POPULATION:
                # A bound, not a fact of the standard: no city is larger, and a number with
                # thousands of digits could not even be written back as JSON.
                self.problem(
                    "city.population",
                    "implausible-population",
                    Message(
                        "population {population} is more than {limit}, more people than live on "
                        "Earth",
                        population=population,
                        limit=MAX_POPULATION,
                    ),
                    Message("give the number of people living in the city"),
                )
                population = None
            else:
                population = int(population)
        return City(name=name, country=country, population=population)


MAX_POPULATION = 10**10
"""The largest population an assessment may give (more people than live on Earth)."""


def parse_assessment(data: Any) -> tuple[Assessment, list[Problem]]:
    """Read JSON-like data into an Assessment, collecting every problem of its own shape.

    Returns the best assessment that could be read next to the problems; the caller decides
    whether to raise. Problems that need a revision are left to :func:`check_against`.
    """
    parser = _Parser()
    top = parser.mapping(data, "", Message("an object with city, answers and optional standard"))
    if top is None:
        return Assessment(), parser.problems
    parser.fields(top, "", ("standard", "fingerprint", "city", "answers", "requirements"))
    version = top.get("standard")
    if version is not None and not isinstance(version, str):
        parser.wrong_type(
            "standard",
            version,
            Message("a revision version string"),
            Message('write it in quotes: "{version}"', version=str(version)),
        )
        version = None
    fingerprint = parser.string(top.get("fingerprint"), "fingerprint")
    if fingerprint is not None and not _FINGERPRINT.match(fingerprint):
        parser.problem(
            "fingerprint",
            "invalid-fingerprint",
            Message("a fingerprint is 'sha256:' followed by 64 lower-case hex digits"),
            Message("copy it from wwc_standard.standard(version).fingerprint"),
        )
        fingerprint = None
    city = parser.city(top["city"]) if "city" in top else City()
    answers: dict[str, Answer] = {}
    if "answers" not in top:
        parser.problem(
            "answers",
            "missing-field",
            Message("the assessment has no answers"),
            Message(
                'add "answers": {{"DM1": "met", ...}}; an empty object means nothing is '
                "answered yet"
            ),
        )
    else:
        plain = _plain_answers(top["answers"])
        if plain is not None:
            answers = plain
        else:
            raw = parser.mapping(
                top["answers"], "answers", Message("an object of criterion ids to answers")
            )
            for key, value in (raw or {}).items():
                kind = type(value)
                answer = (
                    _PLAIN_ANSWERS.get(value)
                    if kind is str or kind is bool or value is None
                    else None
                )
                answers[key] = (
                    parser.answer(value, _join("answers", key)) if answer is None else answer
                )
    requirements: dict[str, Answer] = {}
    if "requirements" in top:
        raw = parser.mapping(
            top["requirements"], "requirements", Message("an object of requirement ids to answers")
        )
        for key, value in (raw or {}).items():
            requirements[key] = parser.answer(
                value, _join("requirements", key), checklist_allowed=False
            )
    assessment = Assessment(
        city=city,
        answers=answers,
        requirements=requirements,
        standard=version,
        fingerprint=fingerprint,
    )
    return assessment, parser.problems


_PLAIN_ANSWERS: dict[object, Answer] = {
    "met": Answer(status=AnswerStatus.MET),
    "unmet": Answer(status=AnswerStatus.UNMET),
    "unknown": Answer(status=AnswerStatus.UNKNOWN),
    True: Answer(status=AnswerStatus.MET),
    False: Answer(status=AnswerStatus.UNMET),
    None: Answer(),
}
"""The answers of the bare forms, made once: an Answer is frozen, so every "met" of every
assessment can be the same object, equal to the one the parser would make."""


def _plain_answers(raw: object) -> dict[str, Answer] | None:
    """The answers of ``raw`` when every one is in a bare form (a status word as written,
    true, false or null) under a string id, else ``None``: the parser then reads them all, with
    their problems, in order. The common case of an app's request, read without a parser."""
    if type(raw) is not dict:
        return None
    plain = _PLAIN_ANSWERS
    answers: dict[str, Answer] = {}
    for key, value in raw.items():
        kind = type(value)
        # The type first: 1 == True and 0 == False would find the answers of true and false.
        if (kind is str or kind is bool or value is None) and type(key) is str:
            answer = plain.get(value)
            if answer is not None:
                answers[key] = answer
                continue
        return None
    return answers


_CITY_FIELDS = frozenset({"name", "country", "population"})

_NO_CITY = City()
"""The city of an assessment that gives none (a City is frozen, so one serves them all)."""


def _plain_city(raw: object) -> City | None:
    """The city of ``raw`` when it is a dict that the parser would read without a problem and
    unchanged: fields known; a name that is text; a country already written as an ISO 3166-1
    alpha-2 code; a whole, plausible population (an int). Else ``None``: the parser then reads
    it with its problems. The common case of an app's request, read without a parser."""
    if type(raw) is not dict:
        return None
    for key in raw:
        if type(key) is not str or key not in _CITY_FIELDS:
            return None
    name = raw.get("name")
    if name is not None and (
        type(name) is not str or (not name.isascii() and _lone_surrogate().search(name))
    ):
        return None
    country = raw.get("country")
    if country is not None and (type(country) is not str or country not in ISO_3166_ALPHA_2):
        return None
    population = raw.get("population")
    if population is not None and (
        type(population) is not int or not 0 <= population <= MAX_POPULATION
    ):
        return None
    if name is None and country is None and population is None:
        return _NO_CITY
    return City(name=name, country=country, population=population)


_checklist_of = operator.attrgetter("checklist")


def checklist_outcome(
    answer: Answer, required: int, item_ids: tuple[str, ...]
) -> AnswerStatus | None:
    """What an answered checklist establishes: met, unmet, or ``None`` while undecided."""
    yes = sum(1 for item in item_ids if answer.checklist.get(item) is True)
    open_items = sum(1 for item in item_ids if answer.checklist.get(item) is None)
    if yes >= required:
        return AnswerStatus.MET
    if yes + open_items < required:
        return AnswerStatus.UNMET
    return None


def check_against(assessment: Assessment, standard: Standard) -> list[Problem]:
    """Every problem of ``assessment`` that only the revision ``standard`` reveals."""
    problems: list[Problem] = []
    if assessment.fingerprint is not None and assessment.fingerprint != standard.fingerprint:
        problems.append(
            Problem.of(
                "fingerprint",
                "fingerprint-mismatch",
                Message(
                    "the assessment is pinned to {pinned}, but revision {version} has "
                    "fingerprint {fingerprint}",
                    pinned=assessment.fingerprint,
                    version=standard.version,
                    fingerprint=standard.fingerprint,
                ),
                hint=Message(
                    "evaluate against the revision the fingerprint belongs to; if the answers "
                    "really are for this revision, update the pin"
                ),
                params={},
            )
        )
    if assessment.standard is not None and assessment.standard != standard.version:
        problems.append(
            Problem.of(
                "standard",
                "standard-mismatch",
                Message(
                    "the assessment is for revision {pinned}, not {version}",
                    pinned=assessment.standard,
                    version=standard.version,
                ),
                hint=Message(
                    "evaluate with standard={pinned}, or change the pin",
                    pinned=repr(assessment.standard),
                ),
                params={},
            )
        )
    by_id = standard._by_id
    answers = assessment.answers
    # The common case, in C: every id known and no checklist answered, so nothing below can
    # find a problem (evaluate_many checks every assessment here).
    if answers.keys() <= by_id.keys() and not any(map(_checklist_of, answers.values())):
        answers = {}
    for key, answer in answers.items():
        if key in by_id and not answer.checklist:
            continue
        path = _join("answers", key)
        if key not in by_id:
            ids = [criterion.id for criterion in standard.criteria]
            problems.append(unknown_criterion(path, standard.version, key, ids))
            continue
        checklist = by_id[key].checklist
        if checklist is None:
            problems.append(
                Problem.of(
                    _join(path, "checklist"),
                    "no-checklist",
                    Message(
                        "{criterion} has no checklist in revision {version}",
                        criterion=key,
                        version=standard.version,
                    ),
                    hint=Message(
                        "answer it with met or unmet; a revision file of your own "
                        "can add its checklist"
                    ),
                    params={},
                )
            )
            continue
        for item in answer.checklist:
            if item not in checklist.item_ids:
                problems.append(
                    unknown_checklist_item(
                        _join(_join(path, "checklist"), item), key, item, checklist.item_ids
                    )
                )
        outcome = checklist_outcome(answer, checklist.required, checklist.item_ids)
        if answer.status is not None and outcome is not None and answer.status is not outcome:
            problems.append(
                Problem.of(
                    _join(path, "status"),
                    "checklist-contradiction",
                    Message(
                        "{criterion} is answered {answered}, but its checklist makes it "
                        "{outcome} (quota {required} of {total})",
                        criterion=key,
                        # "met", "unmet", "unknown": the words of Status, translated there.
                        answered=Message(answer.status.value),
                        outcome=Message(outcome.value),
                        required=checklist.required,
                        total=len(checklist.items),
                    ),
                    hint=Message(
                        "leave out the status and let the checklist decide, or correct the items"
                    ),
                    params={},
                )
            )
    requirement_ids = [requirement.id for requirement in standard.requirements]
    for key in assessment.requirements:
        if key not in requirement_ids:
            if requirement_ids:
                known = Message("its requirements: {ids}", ids=", ".join(requirement_ids))
            else:
                known = Message("it has no certification requirements")
            problems.append(
                Problem.of(
                    _join("requirements", key),
                    "unknown-requirement",
                    Message(
                        "revision {version} has no certification requirement {requirement}",
                        version=standard.version,
                        requirement=repr(key),
                    ),
                    hint=did_you_mean(key, requirement_ids) or known,
                    params={},
                )
            )
    return problems


def resolve(
    data: Assessment | Mapping[str, Any] | Any, standard: str | Standard | None
) -> tuple[Assessment, Standard | None, list[Problem]]:
    """Parse ``data``, pick the revision to use, and collect every problem of both."""
    problems: list[Problem] = []
    if isinstance(data, Assessment):
        assessment = data
    else:
        assessment, problems = parse_assessment(data)
    if isinstance(standard, Standard):
        revision: Standard | None = standard
    elif standard is not None:
        revision = shipped(standard)  # an unknown version given by the caller: UnknownStandard
    elif assessment.standard is not None:
        try:
            revision = shipped(assessment.standard)
        except UnknownStandard as error:
            problems.append(
                attrs.evolve(
                    error.problems[0], hint=did_you_mean(assessment.standard, error.available)
                )
            )
            # Still check the answers, against the newest revision, so that every problem is
            # reported at once; the pins themselves cannot be compared with it.
            problems.extend(
                problem
                for problem in check_against(assessment, shipped())
                if problem.code not in ("standard-mismatch", "fingerprint-mismatch")
            )
            return assessment, None, problems
    else:
        revision = shipped()
    if revision is not None:
        problems.extend(check_against(assessment, revision))
    return assessment, revision, problems


def validate(
    data: Assessment | Mapping[str, Any] | Any, standard: str | Standard | None = None
) -> tuple[Problem, ...]:
    """Every problem that would stop :func:`evaluate`, without raising: the problems of the
    error :func:`evaluate` raises for ``data`` and ``standard`` (an
    :class:`~wwc_standard.AssessmentError`, an :class:`~wwc_standard.UnknownStandard` for a
    version that is not shipped, an :class:`~wwc_standard.IncompleteStandard`), and ``()``
    exactly when it would succeed.

    >>> import wwc_standard
    >>> for p in wwc_standard.validate({"answers": {"DM99": "met", "OD3": "yes"}}):
    ...     print(p)
    answers.OD3: 'yes' is not a status [unknown-status] (use met, unmet, unknown, true or false)
    answers.DM99: revision 2026 has no criterion 'DM99' [unknown-criterion] (did you mean DM9?)
    >>> [p.code for p in wwc_standard.validate({"answers": {}}, "2018")]
    ['incomplete-standard']
    """
    try:
        _, revision, problems = resolve(data, standard)
    except WWCError as error:  # an unknown version given by the caller, as evaluate() raises
        return error.problems
    if problems:
        return tuple(problems)
    assert revision is not None  # resolve() reports a problem whenever it finds no revision
    if not revision.complete:
        return IncompleteStandard(
            revision.version,
            listed=len(revision.criteria),
            declared=revision.criteria_count,
            missing=revision.tier_rule.missing,
            approximate=revision.criteria_count_approximate,
        ).problems
    return ()


# -- files ----------------------------------------------------------------------------------


def read_assessment_data(path: str | os.PathLike[str]) -> Any:
    """The JSON or TOML data of an assessment file; problems of its content raise
    AssessmentError, a file that cannot be read :class:`~wwc_standard.errors.UnreadableFile`,
    a ``path`` that is not a path (an ``int`` would be a file descriptor) AssessmentError."""
    return read_user_file(path, AssessmentError)


def load_assessment(path: str | os.PathLike[str]) -> Assessment:
    """Read an assessment from a ``.json`` or ``.toml`` file.

    Raises AssessmentError listing every problem of the file's shape, and
    :class:`~wwc_standard.errors.UnreadableFile` (an ``OSError``) when it cannot be read.

    >>> import pathlib, tempfile
    >>> import wwc_standard as wwc
    >>> toml = '''
    ... standard = "2024"
    ... [city]
    ... name = "Exampleton"
    ... country = "US"
    ... population = 182000
    ... [answers]
    ... DM1 = "met"
    ... OD3 = { status = "met", evidence = ["https://data.example.org/"] }
    ... '''
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "exampleton.toml")
    ...     _ = path.write_text(toml, encoding="utf-8")
    ...     assessment = wwc.load_assessment(path)
    >>> assessment.city.name, assessment.standard, assessment.answers["OD3"].evidence
    ('Exampleton', '2024', ('https://data.example.org/',))
    >>> wwc.evaluate(assessment).points
    2
    """
    return Assessment.from_dict(read_assessment_data(path))


publish(globals())


# Case is folded for ASCII only: Unicode case mapping turns look-alikes into codes and words
# ("ß".upper() is "SS", South Sudan; "ﬁ" is "FI", Finland; a Kelvin sign lowers to "k"), so a
# word with any other character is taken as written, and refused.
def _ascii_lower(word: str) -> str:
    return word.lower() if word.isascii() else word


def _ascii_upper(word: str) -> str:
    return word.upper() if word.isascii() else word


@functools.cache
def _lone_surrogate() -> re.Pattern[str]:
    """Half of a UTF-16 surrogate pair on its own: JSON's "\\ud800" escape can make one."""
    # Compiled on first use, not at import: a class of surrogates takes most of a millisecond
    # to compile, and only a string that is not ASCII is searched for one.
    return re.compile("[\ud800-\udfff]")
