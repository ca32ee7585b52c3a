"""The shape of the house (docs/architecture.md): layers, no import cycles, a small front door.

The layers themselves are an import-linter contract in pyproject.toml, checked here and by
``lint-imports`` in .ci/run. What import-linter does not check is checked here: no two modules
import each other, directly or through others (imports inside functions included), but for the
one documented exception; an import inside a function says why it is there; every public name
of 0.1.0 still imports from the package.
"""

from __future__ import annotations

import ast
import importlib
import pickle
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

import wwc_standard as wwc

PACKAGE = Path(wwc.__file__).parent

#: The one cycle the layers allow: errors words its problems with i18n.messages, which matches
#: locales in i18n.languages, which raises errors.UnknownLocale.
ALLOWED_CYCLE = {"wwc_standard.errors", "wwc_standard.i18n.languages", "wwc_standard.i18n.messages"}

#: Every name that wwc_standard exported in 0.1.0 and in the unreleased work before the layers.
NAMES_BEFORE_THE_LAYERS = [
    "Answer",
    "AnswerStatus",
    "Assessment",
    "AssessmentError",
    "Band",
    "Certification",
    "Checklist",
    "ChecklistItem",
    "City",
    "Cohort",
    "Comparison",
    "ComponentBand",
    "ComponentBreadth",
    "Confirmation",
    "Criterion",
    "CriterionChange",
    "CriterionResult",
    "Crosswalk",
    "EffortEstimate",
    "Eligibility",
    "Evaluation",
    "Flip",
    "Gap",
    "Guidance",
    "Horizon",
    "InForce",
    "IncompleteStandard",
    "InvalidGuidance",
    "InvalidStandard",
    "Link",
    "Migration",
    "NoMigrationPath",
    "Path",
    "PathStep",
    "PercentageBands",
    "PracticeArea",
    "PracticeAreaResult",
    "Problem",
    "Provenance",
    "Reason",
    "Regrouped",
    "Renamed",
    "Requirement",
    "RequirementResult",
    "Roadmap",
    "RoadmapStep",
    "Sensitivity",
    "SensitivityRow",
    "Source",
    "Standard",
    "StandardDiff",
    "Status",
    "Text",
    "Tier",
    "TierRule",
    "UnknownLocale",
    "UnknownStandard",
    "WWCError",
    "WorkingAcross",
    "__version__",
    "compare",
    "crosswalk",
    "diff",
    "evaluate",
    "evaluate_many",
    "example_assessment",
    "guidance",
    "load_assessment",
    "load_guidance",
    "load_standard",
    "locales",
    "migrate",
    "negotiate",
    "path_to",
    "roadmap",
    "sensitivity",
    "standard",
    "standards",
    "to_frame",
    "validate",
    "what_if",
]

LAYERS = ("i18n", "revisions", "evaluation", "planning", "history", "cli")


def _strongly_connected(graph: grimp.ImportGraph) -> list[set[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)
    return groups


def test_no_two_modules_import_each_other_but_the_documented_pair() -> None:
    graph = grimp.build_graph("wwc_standard", exclude_type_checking_imports=True)
    assert _strongly_connected(graph) == [ALLOWED_CYCLE]


def test_the_layer_contract_is_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run(
        [str(lint), "--no-cache"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout


def _function_level_imports() -> list[tuple[str, int, str]]:
    """Every import inside a function: (file, line, the comment above its group of imports)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text("utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    above = inner.lineno - 2
                    while above >= 0 and (
                        not lines[above].strip()
                        or lines[above].strip().startswith(("import ", "from "))
                    ):
                        above -= 1
                    comment = lines[above].strip() if above >= 0 else ""
                    found.append((path.relative_to(PACKAGE).as_posix(), inner.lineno, comment))
    return found


def test_every_import_inside_a_function_says_why() -> None:
    """An import inside a function is there only to save start-up time, and says so."""
    found = _function_level_imports()
    assert found, "the check would be vacuous"
    unexplained = [(file, line) for file, line, comment in found if not comment.startswith("#")]
    assert unexplained == []


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_has_its_namespace(layer: str) -> None:
    package = importlib.import_module(f"wwc_standard.{layer}")
    assert package.__doc__
    assert "May import" in package.__doc__
    assert sorted(dir(package)) == sorted(package.__all__)
    for name in package.__all__:
        assert getattr(package, name) is not None, name


def test_the_front_door_is_small_and_every_earlier_name_still_imports() -> None:
    assert len(wwc.__all__) <= 40
    assert wwc.__all__ == sorted(wwc.__all__)
    assert sorted(dir(wwc)) == sorted(wwc.__all__)
    for name in NAMES_BEFORE_THE_LAYERS:
        assert getattr(wwc, name) is not None, name
    families = [importlib.import_module(f"wwc_standard.{layer}") for layer in LAYERS]
    listed = {name for family in families for name in family.__all__} | set(wwc.errors.__all__)
    assert set(NAMES_BEFORE_THE_LAYERS) - listed == {"__version__"}


def test_a_name_exported_by_a_package_is_never_shadowed_by_a_module() -> None:
    """A package attribute named like one of its modules becomes the module once it is
    imported; no exported name may collide with a module of its package."""
    for layer in LAYERS:
        package = importlib.import_module(f"wwc_standard.{layer}")
        modules = {path.stem for path in (PACKAGE / layer).glob("*.py")}
        assert modules.isdisjoint(package.__all__), layer


def test_import_wwc_standard_loads_no_planning_history_or_cli() -> None:
    code = (
        "import sys, wwc_standard; "
        "print(sorted(m for m in sys.modules if m.startswith("
        "('wwc_standard.planning.', 'wwc_standard.history.', 'wwc_standard.cli.'))))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_import_wwc_standard_loads_the_errors_and_the_words_only() -> None:
    """The package imports its errors, i18n and Status; the engine, the assessment parser and
    the revision model load with the first name that needs them (start-up time)."""
    code = (
        "import sys, wwc_standard as wwc\n"
        "print(sorted(m for m in sys.modules if m.startswith('wwc_standard.')))\n"
        "wwc.evaluate\n"
        "print('wwc_standard.evaluation.engine' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, engine = run.stdout.splitlines()
    assert loaded == str(
        [
            "wwc_standard._exports",
            "wwc_standard._pickling",
            "wwc_standard._sections",
            "wwc_standard._version",
            "wwc_standard.errors",
            "wwc_standard.evaluation",
            "wwc_standard.evaluation.statuses",
            "wwc_standard.history",
            "wwc_standard.i18n",
            "wwc_standard.i18n.catalogs",
            "wwc_standard.i18n.languages",
            "wwc_standard.i18n.messages",
            "wwc_standard.planning",
            "wwc_standard.revisions",
        ]
    )
    assert engine == "True"


def test_the_result_classes_are_loaded_when_a_result_is_read() -> None:
    """``import wwc_standard``, and an evaluation read for its tier and points, load no result
    class (start-up time); reading a result loads them."""
    lazy = ("wwc_standard.evaluation.results", "wwc_standard.evaluation.reasons")
    code = (
        "import sys, wwc_standard as wwc\n"
        f"lazy = {lazy!r}\n"
        "print([m for m in lazy if m in sys.modules])\n"
        "result = wwc.evaluate(wwc.example_assessment())\n"
        "print(result.tier.value, result.points, [m for m in lazy if m in sys.modules])\n"
        "result.gaps\n"
        "print([m for m in lazy if m in sys.modules])"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == ["[]", "silver 27 []", str(list(lazy))]


def test_annotations_resolve_before_a_result_is_read() -> None:
    """The annotations of Evaluation name the result classes, which the engine imports for type
    checking only: resolving them (cattrs, the JSON Schemas) imports them first."""
    code = (
        "import attrs, wwc_standard as wwc\n"
        "from wwc_standard._exports import resolve_annotations\n"
        "wwc.evaluate(wwc.example_assessment())\n"
        "resolve_annotations()\n"
        "print(attrs.fields(wwc.Evaluation).statuses.type)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "tuple[wwc_standard.evaluation.Status, ...]"


@pytest.mark.parametrize("layer", LAYERS)
def test_public_classes_show_their_public_module(layer: str) -> None:
    """Reprs, tracebacks and pickles name the family (wwc_standard.evaluation.Evaluation),
    not the private module that defines a class; the name resolves back to the class."""
    package = importlib.import_module(f"wwc_standard.{layer}")
    classes = [getattr(package, name) for name in package.__all__]
    classes = [value for value in classes if isinstance(value, type)]
    for cls in classes:
        assert cls.__module__ == package.__name__, cls
        assert pickle.loads(pickle.dumps(cls)) is cls
    assert classes or layer == "cli"


def test_an_error_of_a_family_shows_its_public_module_in_a_traceback() -> None:
    error = wwc.planning.InvalidGuidance([])
    assert type(error).__module__ == "wwc_standard.planning"
    assert repr(wwc.Evaluation).startswith("<class 'wwc_standard.evaluation.Evaluation'")
