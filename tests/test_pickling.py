"""Every public value and every error pickles with every protocol and comes back equal, so that
the library works across processes: a process pool, Dask, Spark.

The values are built from the example city by the public functions, and walked down to every
value they hold, so each public class of the families is pickled as the library makes it; the
errors are raised for real, each by the input that causes it.
"""

from __future__ import annotations

import concurrent.futures
import enum
import multiprocessing
import pickle
import types
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import wwc_standard as wwc
from strategies import assessment_like, assessments
from wwc_standard.cli.completion import MissingExtra
from wwc_standard.cli.files import RefusedOutput, check_output
from wwc_standard.cli.revisions import _REFUSALS
from wwc_standard.i18n.messages import Message

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)
FAMILIES = [wwc, wwc.revisions, wwc.evaluation, wwc.planning, wwc.history, wwc.i18n]


def _raised(cause: Callable[[], object]) -> wwc.WWCError:
    with pytest.raises(wwc.WWCError) as caught:
        cause()
    return caught.value


def _roots() -> dict[str, Any]:
    """One of each kind of value the public functions return, from the example city."""
    assessment = wwc.example_assessment()
    evaluation = wwc.evaluate(assessment)
    statuses = zip(evaluation.standard.criteria, evaluation.statuses, strict=True)
    unmet = next(criterion.id for criterion, status in statuses if status is not wwc.Status.MET)
    better = wwc.what_if(evaluation, meet=[unmet])
    answers_2021 = {criterion.id: "met" for criterion in wwc.standard("2021").criteria}
    return {
        "standard": wwc.standard("2024"),
        "every shipped revision": tuple(wwc.standard(v) for v in wwc.standards()),
        "assessment": assessment,
        "evaluation": evaluation,
        # What an evaluation works out from its fields on first use (criteria, gaps, ...).
        "evaluation, worked out": tuple(
            getattr(evaluation, name)
            for name in ("criteria", "requirements", "practice_areas", "gaps", "certification")
        ),
        "what-if": better,
        "roadmap": wwc.roadmap(evaluation),
        "path": wwc.path_to(evaluation, "gold"),
        "comparison": wwc.compare(evaluation, better),
        "sensitivity": wwc.sensitivity(evaluation),
        "diff": wwc.diff("2018", "2024"),
        "diffs": tuple(wwc.diff(a, b) for a, b in [("2021", "2022"), ("2024", "2025")]),
        "crosswalk": wwc.history.crosswalk("2021", "2022"),
        "migration": wwc.migrate(assessment, to="2025"),
        "migration to confirm": wwc.migrate({"standard": "2021", "answers": answers_2021}, "2022"),
        "problem": _raised(lambda: wwc.evaluate({"answers": {"DM99": "met"}})).problems[0],
        "cohort": wwc.evaluate_many([assessment, {"answers": {"DM1": "met"}}]),
        "guidance": wwc.planning.guidance(),
        "text": wwc.Text(Message("{n} criteria", n=3)),
        # No shipped revision holds one (2017's is unknown): a revision file of your own gives it.
        "working across": wwc.WorkingAcross(min_criteria=1, min_percent=50),
    }


ROOTS = _roots()


def _held(value: Any, seen: set[int]) -> Iterator[Any]:
    """``value`` and every value it holds: attrs fields, items of tuples and mappings."""
    if id(value) in seen or isinstance(value, str | int | float | type(None)):
        if isinstance(value, wwc.Text | enum.Enum):
            yield value
        return
    seen.add(id(value))
    yield value
    if attrs.has(type(value)):
        children: Any = [getattr(value, field.name) for field in attrs.fields(type(value))]
    elif isinstance(value, Mapping):
        children = [*value.keys(), *value.values()]
    elif isinstance(value, tuple | list | frozenset | set):
        children = list(value)
    else:
        return
    for child in children:
        yield from _held(child, seen)


def _public_classes() -> set[type]:
    classes = {getattr(family, name) for family in FAMILIES for name in family.__all__}
    return {cls for cls in classes if isinstance(cls, type) and not issubclass(cls, BaseException)}


def _one_of_each() -> dict[type, Any]:
    """The first value found of each public class, walking down every root."""
    found: dict[type, Any] = {}
    seen: set[int] = set()
    public = _public_classes()
    for root in ROOTS.values():
        for value in _held(root, seen):
            for cls in public:
                if isinstance(value, cls):
                    found.setdefault(cls, value)
    return found


ONE_OF_EACH = _one_of_each()


def _round_trips(value: Any, protocol: int) -> Any:
    copy = pickle.loads(pickle.dumps(value, protocol=protocol))
    assert type(copy) is type(value)
    assert copy == value
    assert repr(copy) == repr(value)
    try:
        hash(value)
    except TypeError:
        pass
    else:
        assert hash(copy) == hash(value)
    return copy


def test_the_values_cover_every_public_class() -> None:
    assert _public_classes() - set(ONE_OF_EACH) == set()


@pytest.mark.parametrize(
    "cls", sorted(ONE_OF_EACH, key=lambda c: c.__qualname__), ids=lambda c: c.__qualname__
)
@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_every_public_class_round_trips(cls: type, protocol: int) -> None:
    value = ONE_OF_EACH[cls]
    copy = _round_trips(value, protocol)
    if isinstance(value, enum.Enum):
        assert copy is value


@pytest.mark.parametrize("name", sorted(ROOTS))
@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_every_result_round_trips_whole(name: str, protocol: int) -> None:
    _round_trips(ROOTS[name], protocol)


def test_a_copy_works_like_the_original() -> None:
    """What the results compute from their fields, words in another locale included, is the
    same after the trip; and the mappings stay read-only."""
    evaluation = pickle.loads(pickle.dumps(ROOTS["evaluation"]))
    assert evaluation.explain("es") == ROOTS["evaluation"].explain("es")
    assert evaluation.to_dict() == ROOTS["evaluation"].to_dict()
    assert pickle.loads(pickle.dumps(ROOTS["roadmap"], protocol=0)).explain("fr") == ROOTS[
        "roadmap"
    ].explain("fr")
    for value in (evaluation.assessment, pickle.loads(pickle.dumps(ROOTS["guidance"]))):
        for field in attrs.fields(type(value)):
            held = getattr(value, field.name)
            if isinstance(held, Mapping):
                assert isinstance(held, types.MappingProxyType), field.name
    with pytest.raises(TypeError):
        evaluation.assessment.answers["DM1"] = None  # type: ignore[index]


@given(assessments(wwc.standard("2024")))
def test_any_assessment_and_its_evaluation_round_trip(data: dict[str, Any]) -> None:
    evaluation = wwc.evaluate(data, "2024")
    for protocol in (0, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(evaluation.assessment, protocol)) == evaluation.assessment
        assert pickle.loads(pickle.dumps(evaluation, protocol)) == evaluation


@given(assessment_like(wwc.standard("2024")))
def test_any_error_of_a_bad_assessment_round_trips(data: Any) -> None:
    try:
        wwc.evaluate(data, "2024")
    except wwc.WWCError as error:
        _assert_same_error(pickle.loads(pickle.dumps(error)), error)


# -- errors, each raised for real -----------------------------------------------------------


def _invalid_standard(tmp_path: Path) -> object:
    path = tmp_path / "mine.toml"
    path.write_text('version = "x"\nextends = "2018"\nremove_criteria = ["ZZ1"]\n', "utf-8")
    return wwc.load_standard(path)


def _missing_extra(_: Path) -> object:
    """``wwc-standard completion`` without shtab installed."""
    import argparse
    import sys

    from wwc_standard.cli.completion import _completion

    saved = sys.modules.get("shtab")
    sys.modules["shtab"] = None  # type: ignore[assignment]  # import shtab raises ImportError
    try:
        return _completion(argparse.Namespace(parser=None, shell="bash"), None)  # type: ignore[arg-type]
    finally:
        if saved is None:
            del sys.modules["shtab"]
        else:
            sys.modules["shtab"] = saved


def _refused_output(tmp_path: Path) -> object:
    here = tmp_path / "a.json"
    here.write_text("{}", "utf-8")
    return check_output([here], here, False, _REFUSALS)


ERRORS: dict[type[wwc.WWCError], Callable[[Path], object]] = {
    wwc.AssessmentError: lambda _: wwc.evaluate({"answers": {"DM99": "met", "DM1": "maybe"}}),
    wwc.InvalidStandard: _invalid_standard,
    wwc.UnknownStandard: lambda _: wwc.standard("2042"),
    wwc.IncompleteStandard: lambda _: wwc.evaluate({"answers": {}}, "2018"),
    wwc.NoMigrationPath: lambda _: wwc.migrate({"answers": {}}, to="2024"),
    wwc.errors.UnreadableFile: lambda tmp: wwc.load_assessment(tmp / "nothing-here.json"),
    wwc.UnknownLocale: lambda _: wwc.negotiate("xx"),
    wwc.planning.InvalidGuidance: lambda _: wwc.path_to(
        wwc.evaluate(wwc.example_assessment()), "gold", effort={"OD9": 1, "DM1": -2}
    ),
    RefusedOutput: _refused_output,
    MissingExtra: _missing_extra,
    wwc.errors.InvalidArgument: lambda _: wwc.path_to(
        wwc.evaluate(wwc.example_assessment()), "bronze"
    ),
}


def _error_classes(root: type) -> set[type]:
    found = set()
    for cls in root.__subclasses__():
        found |= {cls, *_error_classes(cls)}
    return found


def _assert_same_error(copy: BaseException, error: BaseException) -> None:
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert vars(copy) == vars(error)
    assert isinstance(copy, wwc.WWCError)
    assert isinstance(error, wwc.WWCError)
    assert copy.problems == error.problems
    for mine, theirs in zip(copy.problems, error.problems, strict=True):
        assert (mine.path, mine.code, mine.message, mine.hint) == (
            theirs.path,
            theirs.code,
            theirs.message,
            theirs.hint,
        )
        assert mine.localized("pt_BR") == theirs.localized("pt_BR")
    assert copy.localized("es") == error.localized("es")


def test_every_error_of_the_family_is_raised_here() -> None:
    assert _error_classes(wwc.WWCError) == set(ERRORS)


@pytest.mark.parametrize("cls", list(ERRORS), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_every_error_round_trips(cls: type[wwc.WWCError], protocol: int, tmp_path: Path) -> None:
    error = _raised(lambda: ERRORS[cls](tmp_path))
    assert type(error) is cls
    copy = pickle.loads(pickle.dumps(error, protocol=protocol))
    _assert_same_error(copy, error)
    for field in ("version", "available", "origin", "listed", "declared"):
        assert getattr(copy, field, None) == getattr(error, field, None)


def test_an_unreadable_file_stays_an_os_error(tmp_path: Path) -> None:
    error = _raised(lambda: wwc.load_assessment(tmp_path / "nothing-here.json"))
    assert isinstance(error, OSError)
    for protocol in PROTOCOLS:
        copy = pickle.loads(pickle.dumps(error, protocol=protocol))
        assert isinstance(copy, OSError)
        assert (copy.errno, copy.strerror, copy.filename) == (
            error.errno,
            error.strerror,
            error.filename,
        )
        assert copy.filename == str(tmp_path / "nothing-here.json")


# -- across processes ----------------------------------------------------------------------


def test_evaluate_in_a_spawned_process_pool() -> None:
    """Results and errors come back from workers started with "spawn", which share nothing
    with this process: everything crosses as a pickle."""
    good = [wwc.example_assessment(), {"answers": {"DM1": "met", "OD1": True}}]
    bad = {"answers": {"DM99": "met"}}
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        results = list(pool.map(wwc.evaluate, good))
        failed = pool.submit(wwc.evaluate, bad)
        with pytest.raises(wwc.AssessmentError) as caught:
            failed.result()
    assert results == [wwc.evaluate(data) for data in good]
    assert results[0].tier == wwc.Tier.SILVER
    _assert_same_error(caught.value, _raised(lambda: wwc.evaluate(bad)))
    assert caught.value.problems[0].code == "unknown-criterion"
