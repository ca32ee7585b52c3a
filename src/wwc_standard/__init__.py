"""wwc-standard: the What Works Cities Certification standard as typed data.

Evaluate a city's answers against a pinned revision of the standard, with the tier, the points,
the status of every criterion and an explanation of every gap.

>>> import wwc_standard as wwc
>>> result = wwc.evaluate(wwc.example_assessment())
>>> result.tier, result.points, result.possible
(<Tier.SILVER: 'silver'>, 27, 43)
"""

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
    "ComponentBand",
    "ComponentBreadth",
    "Criterion",
    "CriterionResult",
    "Eligibility",
    "Evaluation",
    "Gap",
    "InForce",
    "IncompleteStandard",
    "InvalidStandard",
    "PercentageBands",
    "PracticeArea",
    "PracticeAreaResult",
    "Problem",
    "Provenance",
    "Reason",
    "Requirement",
    "RequirementResult",
    "Source",
    "Standard",
    "Status",
    "Tier",
    "TierRule",
    "UnknownLocale",
    "UnknownStandard",
    "WWCError",
    "WorkingAcross",
    "__version__",
    "evaluate",
    "example_assessment",
    "load_assessment",
    "standard",
    "standards",
    "validate",
]
