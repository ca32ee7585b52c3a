"""Reading assessments: every problem at once, each with its path, a stable code and a hint."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

import wwc_standard as wwc
from strategies import make_checklist, make_criterion, make_standard
from wwc_standard import AnswerStatus

FINGERPRINT_2024 = wwc.standard("2024").fingerprint


def checklist_revision() -> wwc.Standard:
    """A revision with a 3-of-4 checklist on AA1 (like the 2018 DG1) and a plain AA2, AA3."""
    return make_standard(
        [
            make_criterion("AA1", checklist=make_checklist(3, "abcd")),
            make_criterion("AA2"),
            make_criterion("AA3"),
        ],
        version="9001",
    )


def problems(data: Any, standard: str | wwc.Standard | None = None) -> dict[str, wwc.Problem]:
    """The problems validate() finds, by path; checks evaluate() raises the same ones."""
    found = wwc.validate(data, standard)
    assert isinstance(found, tuple)
    by_path = {problem.path: problem for problem in found}
    assert len(by_path) == len(found), "two problems at one path"
    if found:
        with pytest.raises(wwc.AssessmentError) as info:
            wwc.evaluate(data, standard)
        assert info.value.problems == found
    return by_path


def codes(data: Any, standard: str | wwc.Standard | None = None) -> dict[str, str]:
    return {path: problem.code for path, problem in problems(data, standard).items()}


# -- reading answers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (True, AnswerStatus.MET),
        (False, AnswerStatus.UNMET),
        ("met", AnswerStatus.MET),
        ("unmet", AnswerStatus.UNMET),
        ("unknown", AnswerStatus.UNKNOWN),
        ("MET", AnswerStatus.MET),
        (" Unmet ", AnswerStatus.UNMET),
        (None, None),
        ({"status": "met"}, AnswerStatus.MET),
        ({"status": False}, AnswerStatus.UNMET),
        ({"status": None}, None),
        ({}, None),
    ],
)
def test_answer_forms(value: Any, status: AnswerStatus | None) -> None:
    assessment = wwc.Assessment.from_dict({"answers": {"DM1": value}})
    assert assessment.answers["DM1"].status is status


def test_answer_object_with_evidence_and_note() -> None:
    assessment = wwc.Assessment.from_dict(
        {
            "answers": {
                "OD3": {
                    "status": "met",
                    "evidence": ["https://data.example.org/", "minutes of 2024-03-01"],
                    "note": "portal live",
                }
            }
        }
    )
    answer = assessment.answers["OD3"]
    assert answer == wwc.Answer(
        status=AnswerStatus.MET,
        evidence=("https://data.example.org/", "minutes of 2024-03-01"),
        note="portal live",
    )


def test_city_is_read_and_the_country_normalised() -> None:
    assessment = wwc.Assessment.from_dict(
        {"city": {"name": "Riverton", "country": " us ", "population": 182000}, "answers": {}}
    )
    assert assessment.city == wwc.City(name="Riverton", country="US", population=182000)


def test_a_whole_float_population_is_accepted_as_an_int() -> None:
    city = wwc.Assessment.from_dict({"city": {"population": 30000.0}, "answers": {}}).city
    assert city.population == 30000
    assert isinstance(city.population, int)


def test_assessment_objects_are_immutable() -> None:
    assessment = wwc.Assessment.from_dict({"answers": {"DM1": "met"}})
    with pytest.raises(TypeError):
        assessment.answers["DM2"] = wwc.Answer()  # type: ignore[index]


def test_the_input_is_not_kept_by_reference() -> None:
    data: dict[str, Any] = {"answers": {"DM1": "met"}}
    assessment = wwc.Assessment.from_dict(data)
    data["answers"]["DM2"] = "met"
    assert "DM2" not in assessment.answers


def test_assessment_round_trips_through_its_dict() -> None:
    data = {
        "standard": "2024",
        "fingerprint": FINGERPRINT_2024,
        "city": {"name": "Riverton", "country": "US", "population": 182000},
        "answers": {
            "DM1": "met",
            "DM2": "unmet",
            "DM3": "unknown",
            "DM4": None,
            "OD3": {"status": "met", "evidence": ["https://x.example/"], "note": "n"},
        },
        "requirements": {"outcome": "met"},
    }
    assessment = wwc.Assessment.from_dict(data)
    assert assessment.to_dict() == data
    assert wwc.Assessment.from_dict(assessment.to_dict()) == assessment
    assert json.loads(json.dumps(assessment.to_dict())) == assessment.to_dict()


def test_example_assessment() -> None:
    assessment = wwc.example_assessment()
    assert assessment.city.name == "Exampleton"
    assert assessment.standard == "2024"
    assert assessment.fingerprint == FINGERPRINT_2024
    assert len(assessment.answers) == 35
    assert wwc.validate(assessment) == ()


# -- problems of the input's own shape ------------------------------------------------------


def test_every_problem_is_reported_at_once() -> None:
    data = {
        "standard": "2024",
        "fingerprint": "sha256:" + "0" * 64,
        "city": {"country": "XX", "population": -5, "size": "big"},
        "answers": {
            "DM99": "met",
            "OD3": "yes",
            "DM1": 5,
            "DM2": {"status": "maybe", "evidence": "https://x.example/", "note": 3, "proof": 1},
            "DM3": {"checklist": {"a": True}},
        },
        "extra": 1,
    }
    assert codes(data) == {
        "extra": "unknown-field",
        "city.size": "unknown-field",
        "city.country": "unknown-country",
        "city.population": "negative-population",
        "answers.OD3": "unknown-status",
        "answers.DM1": "wrong-type",
        "answers.DM2.proof": "unknown-field",
        "answers.DM2.evidence": "wrong-type",
        "answers.DM2.note": "wrong-type",
        "answers.DM2.status": "unknown-status",
        "fingerprint": "fingerprint-mismatch",
        "answers.DM99": "unknown-criterion",
        "answers.DM3.checklist": "no-checklist",
    }
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.evaluate(data)
    message = str(info.value)
    assert message.startswith("13 problems in the assessment:")
    assert len(message.splitlines()) == 14


def test_assessment_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="problem"):
        wwc.Assessment.from_dict({"answers": {"DM1": "yes"}})


@pytest.mark.parametrize(
    ("key", "hint"),
    [("DM99", "did you mean DM9?"), ("dm1", "did you mean DM1?"), ("OD33", "did you mean OD3?")],
)
def test_unknown_criterion_suggests_the_closest_id(key: str, hint: str) -> None:
    problem = problems({"answers": {key: "met"}}, "2024")[f"answers.{key}"]
    assert problem.code == "unknown-criterion"
    assert problem.hint == hint
    assert key in problem.message
    assert "2024" in problem.message


def test_unknown_criterion_far_from_every_id_has_no_suggestion() -> None:
    problem = problems({"answers": {"Q": "met"}}, "2024")["answers.Q"]
    assert problem.code == "unknown-criterion"
    assert problem.hint is None


@pytest.mark.parametrize("word", ["yes", "no", "done", "partial", ""])
def test_unknown_status_words(word: str) -> None:
    problem = problems({"answers": {"DM1": word}})["answers.DM1"]
    assert problem.code == "unknown-status"
    assert problem.hint
    assert repr(word) in problem.message


def test_misspelt_status_word_suggests_the_status() -> None:
    problem = problems({"answers": {"DM1": "unmett"}})["answers.DM1"]
    assert problem.hint == "did you mean unmet?"


@pytest.mark.parametrize("value", [5, 1.0, ["met"], [], 0])
def test_answer_of_a_wrong_type(value: Any) -> None:
    problem = problems({"answers": {"DM1": value}})["answers.DM1"]
    assert problem.code == "wrong-type"
    assert problem.hint


@pytest.mark.parametrize(
    ("answer", "path"),
    [
        ({"status": 1}, "answers.DM1.status"),
        ({"status": ["met"]}, "answers.DM1.status"),
        ({"evidence": "https://x.example/"}, "answers.DM1.evidence"),
        ({"evidence": None}, "answers.DM1.evidence"),
        ({"evidence": [3]}, "answers.DM1.evidence[0]"),
        ({"note": ["a"]}, "answers.DM1.note"),
        ({"checklist": ["a"]}, "answers.DM1.checklist"),
    ],
)
def test_answer_fields_of_a_wrong_type(answer: dict[str, Any], path: str) -> None:
    assert codes({"answers": {"DM1": answer}}) == {path: "wrong-type"}


def test_empty_evidence() -> None:
    assert codes({"answers": {"DM1": {"status": "met", "evidence": ["ok", "  "]}}}) == {
        "answers.DM1.evidence[1]": "empty-evidence"
    }


def test_unknown_fields_of_an_answer_suggest_the_field() -> None:
    problem = problems({"answers": {"DM1": {"stauts": "met"}}})["answers.DM1.stauts"]
    assert problem.code == "unknown-field"
    assert problem.hint == "did you mean status?"


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"answers": {}, "extra": 1}, "extra"),
        ({"answers": {}, "anwsers": {}}, "anwsers"),
        ({"answers": {}, "city": {"size": 1}}, "city.size"),
    ],
)
def test_unknown_top_level_and_city_fields(data: dict[str, Any], path: str) -> None:
    problem = problems(data)[path]
    assert problem.code == "unknown-field"
    assert problem.hint


def test_missing_answers() -> None:
    problem = problems({"city": {"name": "X"}})["answers"]
    assert problem.code == "missing-field"
    assert problem.hint


@pytest.mark.parametrize("answers", [[], "met", None, 5])
def test_answers_of_a_wrong_type(answers: Any) -> None:
    assert codes({"answers": answers}) == {"answers": "wrong-type"}


@pytest.mark.parametrize("data", [[], "answers", 5, None, True])
def test_an_assessment_that_is_not_an_object(data: Any) -> None:
    assert codes(data) == {"": "wrong-type"}


def test_non_string_keys() -> None:
    data = {"answers": {1: "met", "DM1": {"checklist": {2: True}}}, 3: "x"}
    found = codes(data)
    assert found["3"] == "wrong-type"
    assert found["answers.1"] == "wrong-type"
    assert found["answers.DM1.checklist.2"] == "wrong-type"


@pytest.mark.parametrize(
    ("population", "code"),
    [
        (-1, "negative-population"),
        (-30000, "negative-population"),
        (True, "wrong-type"),
        (False, "wrong-type"),
        (3.5, "wrong-type"),
        (float("nan"), "wrong-type"),
        (float("inf"), "wrong-type"),
        ("30000", "wrong-type"),
        ([30000], "wrong-type"),
    ],
)
def test_bad_population(population: Any, code: str) -> None:
    problem = problems({"city": {"population": population}, "answers": {}})["city.population"]
    assert problem.code == code


def test_population_zero_is_valid() -> None:
    assert wwc.validate({"city": {"population": 0}, "answers": {}}) == ()


@pytest.mark.parametrize("country", ["XX", "USA", "U", "", "EU", "Mexico"])
def test_unknown_country_code(country: str) -> None:
    problem = problems({"city": {"country": country}, "answers": {}})["city.country"]
    assert problem.code == "unknown-country"
    assert problem.hint


@pytest.mark.parametrize("country", [1, ["US"], True])
def test_country_of_a_wrong_type(country: Any) -> None:
    assert codes({"city": {"country": country}, "answers": {}}) == {"city.country": "wrong-type"}


def test_city_of_a_wrong_type() -> None:
    assert codes({"city": "Riverton", "answers": {}}) == {"city": "wrong-type"}


def test_standard_pin_of_a_wrong_type() -> None:
    problem = problems({"standard": 2024, "answers": {}})["standard"]
    assert problem.code == "wrong-type"
    assert problem.hint == 'write it in quotes: "2024"'


@pytest.mark.parametrize(
    "fingerprint", ["abc", "sha256:xyz", "sha256:" + "A" * 64, "sha256:" + "0" * 63, 5]
)
def test_malformed_fingerprint(fingerprint: Any) -> None:
    problem = problems({"fingerprint": fingerprint, "answers": {}})["fingerprint"]
    assert problem.code in ("invalid-fingerprint", "wrong-type")


# -- problems that need the revision --------------------------------------------------------


def test_unknown_revision_pin_is_a_problem_not_an_exception() -> None:
    found = wwc.validate({"standard": "2016", "answers": {"DM1": "met"}})
    assert [(p.path, p.code) for p in found] == [("standard", "unknown-standard")]
    assert "2016" in found[0].message
    with pytest.raises(wwc.AssessmentError):
        wwc.evaluate({"standard": "2016", "answers": {}})


def test_unknown_revision_pin_next_to_other_problems() -> None:
    found = codes({"standard": "2042", "answers": {"DM1": "yes"}, "colour": 1})
    assert found == {
        "standard": "unknown-standard",
        "answers.DM1": "unknown-status",
        "colour": "unknown-field",
    }


def test_an_unknown_version_given_by_the_caller_is_unknown_standard() -> None:
    with pytest.raises(wwc.UnknownStandard):
        wwc.evaluate({"answers": {}}, "2042")
    # validate() returns the problems evaluate() raises, never raises them
    assert [p.code for p in wwc.validate({"answers": {}}, "2042")] == ["unknown-standard"]


def test_fingerprint_pin_mismatch() -> None:
    data = {"standard": "2023", "fingerprint": FINGERPRINT_2024, "answers": {}}
    problem = problems(data)["fingerprint"]
    assert problem.code == "fingerprint-mismatch"
    assert FINGERPRINT_2024 in problem.message
    assert wwc.standard("2023").fingerprint in problem.message
    assert problem.hint


def test_fingerprint_pin_that_matches() -> None:
    assert wwc.validate({"standard": "2024", "fingerprint": FINGERPRINT_2024, "answers": {}}) == ()
    assert wwc.validate({"fingerprint": FINGERPRINT_2024, "answers": {}}, "2024") == ()


def test_fingerprint_pin_without_a_version_pin_is_checked_against_the_newest() -> None:
    assert codes({"fingerprint": FINGERPRINT_2024, "answers": {}}) == {
        "fingerprint": "fingerprint-mismatch"
    }


def test_standard_pin_mismatch() -> None:
    problem = problems({"standard": "2023", "answers": {}}, "2024")["standard"]
    assert problem.code == "standard-mismatch"
    assert "2023" in problem.message
    assert "2024" in problem.message
    assert problem.hint == "evaluate with standard='2023', or change the pin"


def test_pinned_revision_is_used_when_none_is_given() -> None:
    assert wwc.evaluate({"standard": "2022", "answers": {}}).standard.version == "2022"
    assert wwc.evaluate({"answers": {}}).standard.version == wwc.standards()[-1]


def test_unknown_requirement() -> None:
    problem = problems({"answers": {}, "requirements": {"outcomes": "met"}}, "2024")[
        "requirements.outcomes"
    ]
    assert problem.code == "unknown-requirement"
    assert problem.hint == "did you mean outcome?"


def test_requirements_in_a_revision_that_has_none() -> None:
    problem = problems({"answers": {}, "requirements": {"outcome": "met"}}, "2022")[
        "requirements.outcome"
    ]
    assert problem.code == "unknown-requirement"
    assert problem.hint == "it has no certification requirements"


def test_requirements_have_no_checklist() -> None:
    found = codes({"answers": {}, "requirements": {"outcome": {"checklist": {"a": True}}}}, "2024")
    assert found == {"requirements.outcome.checklist": "unknown-field"}


def test_checklist_on_a_criterion_without_one() -> None:
    problem = problems({"answers": {"AA2": {"checklist": {"a": True}}}}, checklist_revision())[
        "answers.AA2.checklist"
    ]
    assert problem.code == "no-checklist"
    assert "AA2" in problem.message
    assert problem.hint


def test_checklist_on_a_shipped_2022_criterion() -> None:
    """Facts: checklists of the 2022 criteria are UNKNOWN, so none is shipped."""
    for version in ("2022", "2023", "2024", "2025", "2026"):
        assert codes({"answers": {"DM2": {"checklist": {"a": True}}}}, version) == {
            "answers.DM2.checklist": "no-checklist"
        }


def test_checklist_items_that_do_not_exist() -> None:
    found = problems(
        {"answers": {"AA1": {"checklist": {"a": True, "e": True, "B": False}}}},
        checklist_revision(),
    )
    assert set(found) == {"answers.AA1.checklist.e", "answers.AA1.checklist.B"}
    assert found["answers.AA1.checklist.e"].code == "unknown-checklist-item"
    assert found["answers.AA1.checklist.B"].hint == "did you mean b?"
    assert found["answers.AA1.checklist.e"].hint == "its items are a, b, c, and d"


def test_checklist_marks_of_a_wrong_type() -> None:
    found = codes(
        {"answers": {"AA1": {"checklist": {"a": "yes", "b": 1, "c": None}}}}, checklist_revision()
    )
    assert found == {
        "answers.AA1.checklist.a": "wrong-type",
        "answers.AA1.checklist.b": "wrong-type",
    }


@pytest.mark.parametrize(
    ("status", "marks"),
    [
        ("met", {"a": True, "b": False, "c": False}),  # at most 1 + 1 open of 3: unmet
        ("unmet", {"a": True, "b": True, "c": True}),  # 3 of 4: met
        (True, {"a": False, "b": False}),
        (False, {"a": True, "b": True, "c": True, "d": True}),
    ],
)
def test_checklist_contradicting_an_explicit_status(status: Any, marks: dict[str, bool]) -> None:
    problem = problems(
        {"answers": {"AA1": {"status": status, "checklist": marks}}}, checklist_revision()
    )["answers.AA1.status"]
    assert problem.code == "checklist-contradiction"
    assert "3 of 4" in problem.message
    assert problem.hint


@pytest.mark.parametrize(
    ("status", "marks"),
    [
        ("met", {"a": True, "b": True, "c": True}),
        ("unmet", {"a": False, "b": False}),
        ("met", {"a": True}),  # undecided checklist: the status stands
        ("unmet", {"a": True, "b": True}),
        ("unknown", {"a": True}),
    ],
)
def test_checklist_agreeing_with_or_leaving_open_the_status(
    status: str, marks: dict[str, bool]
) -> None:
    data = {"answers": {"AA1": {"status": status, "checklist": marks}}}
    assert wwc.validate(data, checklist_revision()) == ()


def test_validate_never_raises_for_problems_of_the_input() -> None:
    found = wwc.validate({"answers": {"DM99": "met", "OD3": "yes"}})
    assert [p.code for p in found] == ["unknown-status", "unknown-criterion"]
    assert wwc.validate(wwc.example_assessment()) == ()


def test_problems_have_a_readable_form_and_json_form() -> None:
    (problem,) = wwc.validate({"answers": {"DM99": "met"}}, "2024")
    assert str(problem) == (
        "answers.DM99: revision 2024 has no criterion 'DM99' [unknown-criterion] "
        "(did you mean DM9?)"
    )
    assert problem.to_dict() == {
        "path": "answers.DM99",
        "code": "unknown-criterion",
        "message": "revision 2024 has no criterion 'DM99'",
        "hint": "did you mean DM9?",
    }


# -- files ----------------------------------------------------------------------------------


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def file_problem(path: Path) -> wwc.Problem:
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.load_assessment(path)
    (problem,) = info.value.problems
    return problem


def test_load_json(tmp_path: Path) -> None:
    path = write(tmp_path, "city.json", json.dumps({"standard": "2024", "answers": {"DM1": True}}))
    assessment = wwc.load_assessment(path)
    assert assessment.standard == "2024"
    assert assessment.answers["DM1"].status is AnswerStatus.MET
    assert wwc.load_assessment(str(path)) == assessment


def test_load_json_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.json", b"\xef\xbb\xbf" + b'{"answers": {"DM1": "met"}}')
    assert wwc.load_assessment(path).answers["DM1"].status is AnswerStatus.MET


def test_load_toml(tmp_path: Path) -> None:
    text = """
standard = "2024"

[city]
name = "Riverton"
country = "US"
population = 182000

[answers]
DM1 = "met"
DM2 = false
OD3 = { status = "met", evidence = ["https://data.riverton.example/"], note = "portal live" }

[requirements]
outcome = "met"
"""
    assessment = wwc.load_assessment(write(tmp_path, "city.toml", text))
    assert assessment.city == wwc.City(name="Riverton", country="US", population=182000)
    assert assessment.answers["DM2"].status is AnswerStatus.UNMET
    assert assessment.answers["OD3"].evidence == ("https://data.riverton.example/",)
    assert assessment.requirements["outcome"].status is AnswerStatus.MET


def test_load_upper_case_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "CITY.JSON", '{"answers": {}}')
    assert wwc.load_assessment(path).answers == {}


def test_invalid_json_gives_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.json", '{"answers": {"DM1": "met",\n  "DM2": }}')
    problem = file_problem(path)
    assert problem.code == "invalid-json"
    assert "line 2, column 10" in problem.message
    assert "broken.json" in problem.message


def test_duplicate_json_keys_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.json", '{"answers": {"DM1": "met", "DM1": "unmet"}}')
    problem = file_problem(path)
    assert problem.code == "duplicate-key"
    assert "DM1" in problem.message
    assert problem.hint


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_refused(tmp_path: Path, constant: str) -> None:
    path = write(tmp_path, "nan.json", f'{{"answers": {{}}, "city": {{"population": {constant}}}}}')
    problem = file_problem(path)
    assert problem.code == "invalid-json"
    assert constant in problem.message


def test_invalid_toml(tmp_path: Path) -> None:
    problem = file_problem(write(tmp_path, "broken.toml", "answers = {DM1 = }\n"))
    assert problem.code == "invalid-toml"
    assert "broken.toml" in problem.message


def test_not_utf8(tmp_path: Path) -> None:
    problem = file_problem(write(tmp_path, "latin.json", b'{"city": {"name": "S\xe3o Paulo"}}'))
    assert problem.code == "invalid-encoding"


@pytest.mark.parametrize(
    "raw",
    [
        b'{"answers": {}}',
        b'\xef\xbb\xbf{"answers": {}}',
        b"\xef\xbb{}",
        b"\xef\xbb\xbf\xef\xbb\xbf{}",
    ]
    + [prefix + b'{"city": {"name": "S\xe3o"}}' for prefix in (b"", b"\xef\xbb\xbf")],
)
def test_files_are_read_as_utf_8_sig_reads_them(tmp_path: Path, raw: bytes) -> None:
    """Files are decoded without the utf-8-sig codec's module, as it decodes them: a byte order
    mark dropped, and the position of a byte that is not UTF-8 counted after it."""
    path = write(tmp_path, "a.json", raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as failure:
        byte = str(failure.start)
        problem = file_problem(path)
        assert (problem.code, problem.params["byte"]) == ("invalid-encoding", byte)
        return
    try:
        data = json.loads(text)
    except ValueError:
        assert file_problem(path).code == "invalid-json"
        return
    assert wwc.load_assessment(path) == wwc.Assessment.from_dict(data)


@pytest.mark.parametrize("name", ["city.yaml", "city.txt", "city", "city.json.bak"])
def test_wrong_suffix_is_refused(tmp_path: Path, name: str) -> None:
    problem = file_problem(write(tmp_path, name, '{"answers": {}}'))
    assert problem.code == "unsupported-format"
    assert problem.hint


def test_missing_file_is_an_os_error_of_the_family(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="cannot read") as info:
        wwc.load_assessment(tmp_path / "missing.json")
    assert isinstance(info.value, wwc.WWCError)
    assert info.value.problems[0].code == "unreadable-file"
    assert info.value.errno == errno.ENOENT


def test_file_with_problems_of_its_content(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '{"answers": {"DM1": "yes"}, "city": {"population": -1}}')
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.load_assessment(path)
    assert {(p.path, p.code) for p in info.value.problems} == {
        ("answers.DM1", "unknown-status"),
        ("city.population", "negative-population"),
    }


@pytest.mark.parametrize("country", ["\u00df", "\ufb01", "\u017fe"])
def test_country_codes_fold_ascii_case_only(country: str) -> None:
    """Unicode case mapping would read "ß" as SS (South Sudan) and "ﬁ" as FI (Finland)."""
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.evaluate({"city": {"country": country}, "answers": {}}, "2024")
    assert [p.code for p in info.value.problems] == ["unknown-country"]
    assert (
        wwc.evaluate({"city": {"country": " ca "}, "answers": {}}, "2024").assessment.city.country
        == "CA"
    )


@pytest.mark.parametrize("word", ["un\u212anown", "MET\u0130", "\uff2d\uff25\uff34"])
def test_status_words_fold_ascii_case_only(word: str) -> None:
    """A Kelvin sign lowers to "k"; a status word with a look-alike is refused, not read."""
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.evaluate({"answers": {"DM1": word}}, "2024")
    assert [p.code for p in info.value.problems] == ["unknown-status"]
    assert (
        wwc.evaluate({"answers": {"DM1": " MeT "}}, "2024").criteria["DM1"].status is wwc.Status.MET
    )


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"city": {"name": "Bogot\udce1"}, "answers": {}}, "city.name"),
        ({"answers": {"DM1": {"status": "met", "note": "\ud800"}}}, "answers.DM1.note"),
        (
            {"answers": {"DM1": {"status": "met", "evidence": ["x\udfff"]}}},
            "answers.DM1.evidence[0]",
        ),
    ],
)
def test_a_lone_surrogate_is_refused_where_it_stands(data: dict[str, Any], path: str) -> None:
    """JSON's "\\ud800" escape makes text that cannot be encoded: refused with its path, never
    a UnicodeEncodeError later in a fingerprint or an output."""
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.evaluate(data, "2024")
    assert [(p.path, p.code) for p in info.value.problems] == [(path, "invalid-text")]


@pytest.mark.parametrize(
    "population", [10**10 + 1, 10**27, 10**5000], ids=["over-the-bound", "1e27", "5000-digits"]
)
def test_an_implausible_population_is_refused(population: int) -> None:
    """More people than live on Earth: refused, so that no number too large to format or to
    write back as JSON reaches a report."""
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.evaluate({"city": {"population": population}, "answers": {}}, "2024")
    assert [p.code for p in info.value.problems] == ["implausible-population"]
    assert "10,000,000,000" in str(info.value)
    big = wwc.evaluate({"city": {"population": 10**10}, "answers": {}}, "2024")
    assert big.to_dict()["assessment"]["city"]["population"] == 10**10
