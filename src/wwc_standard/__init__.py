"""wwc-standard: the What Works Cities Certification standard as typed data.

Evaluate a city's answers against a pinned revision of the standard, with the tier, the points,
the status of every criterion and an explanation of every gap.

>>> import wwc_standard as wwc
>>> result = wwc.evaluate(wwc.example_assessment())
>>> result.tier, result.points, result.possible
(<Tier.SILVER: 'silver'>, 27, 43)
"""

from ._assessment import Answer, AnswerStatus, Assessment, City, load_assessment, validate
from ._cohort import Cohort, evaluate_many, to_frame
from ._crosswalk import Crosswalk, Link, crosswalk
from ._diff import CriterionChange, Regrouped, Renamed, StandardDiff, diff
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
from ._guidance import EffortEstimate, Guidance, InvalidGuidance, guidance, load_guidance
from ._i18n import Text, locales, negotiate
from ._migrate import Confirmation, Migration, migrate
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
from ._path import Path, PathStep, path_to
from ._provenance import Provenance, Source
from ._registry import standard, standards
from ._revision_files import load_standard
from ._roadmap import Horizon, Roadmap, RoadmapStep, roadmap
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
from ._whatif import Comparison, Flip, Sensitivity, SensitivityRow, compare, sensitivity, what_if
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
