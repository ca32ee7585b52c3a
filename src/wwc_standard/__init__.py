"""wwc-standard: the What Works Cities Certification standard as typed data.

Evaluate a city's answers against a pinned revision of the standard, with the tier, the points,
the status of every criterion and an explanation of every gap.

>>> import wwc_standard as wwc
>>> result = wwc.evaluate(wwc.example_assessment())
>>> result.tier, result.points, result.possible
(<Tier.SILVER: 'silver'>, 27, 43)
"""

from typing import TYPE_CHECKING

from ._assessment import Answer, AnswerStatus, Assessment, City, load_assessment, validate
from ._evaluate import (
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
from ._examples import example_assessment
from ._i18n import Text, locales, negotiate
from ._model import (
    Checklist,
    ChecklistItem,
    Criterion,
    Eligibility,
    InForce,
    PracticeArea,
    Requirement,
    Standard,
)
from ._provenance import Provenance, Source
from ._registry import standard, standards
from ._tiers import (
    Band,
    ComponentBand,
    ComponentBreadth,
    PercentageBands,
    Tier,
    TierRule,
    WorkingAcross,
)
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

if TYPE_CHECKING:
    # Planning, revision files, diffs and migration are imported on first use (see
    # __getattr__ below), so that `import wwc_standard` stays fast for apps that only evaluate.
    from ._cohort import Cohort, evaluate_many, to_frame
    from ._crosswalk import Crosswalk, Link, crosswalk
    from ._diff import CriterionChange, Regrouped, Renamed, StandardDiff, diff
    from ._guidance import EffortEstimate, Guidance, InvalidGuidance, guidance, load_guidance
    from ._migrate import Confirmation, Migration, migrate
    from ._path import Path, PathStep, path_to
    from ._revision_files import load_standard
    from ._roadmap import Horizon, Roadmap, RoadmapStep, roadmap
    from ._whatif import (
        Comparison,
        Flip,
        Sensitivity,
        SensitivityRow,
        compare,
        sensitivity,
        what_if,
    )

_LAZY = {
    "Cohort": "_cohort",
    "Comparison": "_whatif",
    "Confirmation": "_migrate",
    "CriterionChange": "_diff",
    "Crosswalk": "_crosswalk",
    "EffortEstimate": "_guidance",
    "Flip": "_whatif",
    "Guidance": "_guidance",
    "Horizon": "_roadmap",
    "InvalidGuidance": "_guidance",
    "Link": "_crosswalk",
    "Migration": "_migrate",
    "Path": "_path",
    "PathStep": "_path",
    "Regrouped": "_diff",
    "Renamed": "_diff",
    "Roadmap": "_roadmap",
    "RoadmapStep": "_roadmap",
    "Sensitivity": "_whatif",
    "SensitivityRow": "_whatif",
    "StandardDiff": "_diff",
    "compare": "_whatif",
    "crosswalk": "_crosswalk",
    "diff": "_diff",
    "evaluate_many": "_cohort",
    "guidance": "_guidance",
    "load_guidance": "_guidance",
    "load_standard": "_revision_files",
    "migrate": "_migrate",
    "path_to": "_path",
    "roadmap": "_roadmap",
    "sensitivity": "_whatif",
    "to_frame": "_cohort",
    "what_if": "_whatif",
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
