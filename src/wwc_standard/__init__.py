"""wwc-standard: the What Works Cities Certification standard as typed data.

Evaluate a city's answers against a pinned revision of the standard, with the tier, the points,
the status of every criterion and an explanation of every gap.

>>> import wwc_standard as wwc
>>> result = wwc.evaluate(wwc.example_assessment())
>>> result.tier, result.points, result.possible
(<Tier.SILVER: 'silver'>, 27, 43)
"""

from typing import TYPE_CHECKING

from ._version import __version__
from .errors import (
    AssessmentError,
    IncompleteStandard,
    InvalidStandard,
    NoMigrationPath,
    Problem,
    UnknownLocale,
    UnknownStandard,
    WWCError,
)
from .evaluation.assessment import Answer, AnswerStatus, Assessment, City, load_assessment, validate
from .evaluation.engine import (
    Certification,
    CriterionResult,
    Evaluation,
    Gap,
    PracticeAreaResult,
    Reason,
    RequirementResult,
    Status,
    evaluate,
)
from .evaluation.examples import example_assessment
from .i18n.locales import locales, negotiate
from .i18n.messages import Text
from .revisions.model import (
    Checklist,
    ChecklistItem,
    Criterion,
    Eligibility,
    InForce,
    PracticeArea,
    Requirement,
    Standard,
)
from .revisions.provenance import Provenance, Source
from .revisions.registry import standard, standards
from .revisions.tiers import (
    Band,
    ComponentBand,
    ComponentBreadth,
    PercentageBands,
    Tier,
    TierRule,
    WorkingAcross,
)

if TYPE_CHECKING:
    # Planning, revision files, diffs and migration are imported on first use (see
    # __getattr__ below), so that `import wwc_standard` stays fast for apps that only evaluate.
    from .evaluation.cohort import Cohort, evaluate_many, to_frame
    from .history.crosswalk import Crosswalk, Link, crosswalk
    from .history.diff import CriterionChange, Regrouped, Renamed, StandardDiff, diff
    from .history.migrate import Confirmation, Migration, migrate
    from .planning.guidance import (
        EffortEstimate,
        Guidance,
        InvalidGuidance,
        guidance,
        load_guidance,
    )
    from .planning.path import Path, PathStep, path_to
    from .planning.roadmap import Horizon, Roadmap, RoadmapStep, roadmap
    from .planning.whatif import (
        Comparison,
        Flip,
        Sensitivity,
        SensitivityRow,
        compare,
        sensitivity,
        what_if,
    )
    from .revisions.files import load_standard

_LAZY = {
    "Cohort": "evaluation.cohort",
    "Comparison": "planning.whatif",
    "Confirmation": "history.migrate",
    "CriterionChange": "history.diff",
    "Crosswalk": "history.crosswalk",
    "EffortEstimate": "planning.guidance",
    "Flip": "planning.whatif",
    "Guidance": "planning.guidance",
    "Horizon": "planning.roadmap",
    "InvalidGuidance": "planning.guidance",
    "Link": "history.crosswalk",
    "Migration": "history.migrate",
    "Path": "planning.path",
    "PathStep": "planning.path",
    "Regrouped": "history.diff",
    "Renamed": "history.diff",
    "Roadmap": "planning.roadmap",
    "RoadmapStep": "planning.roadmap",
    "Sensitivity": "planning.whatif",
    "SensitivityRow": "planning.whatif",
    "StandardDiff": "history.diff",
    "compare": "planning.whatif",
    "crosswalk": "history.crosswalk",
    "diff": "history.diff",
    "evaluate_many": "evaluation.cohort",
    "guidance": "planning.guidance",
    "load_guidance": "planning.guidance",
    "load_standard": "revisions.files",
    "migrate": "history.migrate",
    "path_to": "planning.path",
    "roadmap": "planning.roadmap",
    "sensitivity": "planning.whatif",
    "to_frame": "evaluation.cohort",
    "what_if": "planning.whatif",
}

__all__ = [
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


def __getattr__(name: str) -> object:
    # PEP 562: the names of _LAZY are imported from their module on first access.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'wwc_standard' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
