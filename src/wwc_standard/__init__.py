"""wwc-standard: the What Works Cities Certification standard as typed data.

Evaluate a city's answers against a pinned revision of the standard, with the tier, the points,
the status of every criterion and an explanation of every gap.

>>> import wwc_standard as wwc
>>> result = wwc.evaluate(wwc.example_assessment())
>>> result.tier, result.points, result.possible
(<Tier.SILVER: 'silver'>, 27, 43)

This namespace is the everyday core (``__all__``, what ``dir()`` shows). Every family lives in
the subpackage of its layer, which lists it whole: :mod:`wwc_standard.revisions` (the official
data), :mod:`wwc_standard.evaluation`, :mod:`wwc_standard.planning`,
:mod:`wwc_standard.history`, :mod:`wwc_standard.i18n` and :mod:`wwc_standard.errors`. Every
name that 0.1.0 exported here still imports from here too:

>>> from wwc_standard import ChecklistItem, Link
>>> ChecklistItem is wwc.revisions.ChecklistItem, Link is wwc.history.Link
(True, True)
"""

from typing import TYPE_CHECKING

# The families, as namespaces (wwc.revisions.ChecklistItem); none imports a module on its own.
from . import errors as errors
from . import evaluation as evaluation
from . import history as history
from . import i18n as i18n
from . import planning as planning
from . import revisions as revisions
from ._exports import lazy_exports
from ._sections import provide
from ._version import __version__
from .errors import (
    AssessmentError,
    IncompleteStandard,
    InvalidArgument,
    InvalidStandard,
    Problem,
    UnknownLocale,
    UnknownStandard,
    WWCError,
)
from .evaluation.statuses import Status
from .i18n.languages import locales, negotiate
from .i18n.messages import Text

if TYPE_CHECKING:
    from .errors import NoMigrationPath as NoMigrationPath
    from .evaluation.assessment import Answer as Answer
    from .evaluation.assessment import AnswerStatus as AnswerStatus
    from .evaluation.assessment import Assessment, load_assessment, validate
    from .evaluation.assessment import City as City
    from .evaluation.cohort import Cohort, evaluate_many
    from .evaluation.cohort import to_frame as to_frame
    from .evaluation.engine import Evaluation, evaluate
    from .evaluation.examples import example_assessment
    from .evaluation.results import Certification as Certification
    from .evaluation.results import CriterionResult as CriterionResult
    from .evaluation.results import Gap
    from .evaluation.results import PracticeAreaResult as PracticeAreaResult
    from .evaluation.results import Reason as Reason
    from .evaluation.results import RequirementResult as RequirementResult
    from .history.crosswalks import Crosswalk as Crosswalk
    from .history.crosswalks import Link as Link
    from .history.crosswalks import crosswalk as crosswalk
    from .history.diffs import CriterionChange as CriterionChange
    from .history.diffs import Regrouped as Regrouped
    from .history.diffs import Renamed as Renamed
    from .history.diffs import StandardDiff, diff
    from .history.migration import Confirmation as Confirmation
    from .history.migration import Migration, migrate
    from .planning.effort import EffortEstimate as EffortEstimate
    from .planning.effort import Guidance as Guidance
    from .planning.effort import InvalidGuidance as InvalidGuidance
    from .planning.effort import guidance as guidance
    from .planning.effort import load_guidance as load_guidance
    from .planning.path import Path, path_to
    from .planning.path import PathStep as PathStep
    from .planning.roadmaps import Horizon as Horizon
    from .planning.roadmaps import Roadmap, roadmap
    from .planning.roadmaps import RoadmapStep as RoadmapStep
    from .planning.whatif import Comparison as Comparison
    from .planning.whatif import Flip as Flip
    from .planning.whatif import Sensitivity as Sensitivity
    from .planning.whatif import SensitivityRow as SensitivityRow
    from .planning.whatif import compare, sensitivity, what_if
    from .revisions.files import load_standard
    from .revisions.model import Checklist as Checklist
    from .revisions.model import ChecklistItem as ChecklistItem
    from .revisions.model import Criterion, PracticeArea, Standard
    from .revisions.model import Eligibility as Eligibility
    from .revisions.model import InForce as InForce
    from .revisions.model import Requirement as Requirement
    from .revisions.provenance import Provenance as Provenance
    from .revisions.provenance import Source as Source
    from .revisions.registry import standard, standards
    from .revisions.tiers import Band as Band
    from .revisions.tiers import ComponentBand as ComponentBand
    from .revisions.tiers import ComponentBreadth as ComponentBreadth
    from .revisions.tiers import PercentageBands as PercentageBands
    from .revisions.tiers import Tier
    from .revisions.tiers import TierRule as TierRule
    from .revisions.tiers import WorkingAcross as WorkingAcross

__all__ = [
    "Assessment",
    "AssessmentError",
    "Cohort",
    "Criterion",
    "Evaluation",
    "Gap",
    "IncompleteStandard",
    "InvalidArgument",
    "InvalidStandard",
    "Migration",
    "Path",
    "PracticeArea",
    "Problem",
    "Roadmap",
    "Standard",
    "StandardDiff",
    "Status",
    "Text",
    "Tier",
    "UnknownLocale",
    "UnknownStandard",
    "WWCError",
    "__version__",
    "compare",
    "diff",
    "evaluate",
    "evaluate_many",
    "example_assessment",
    "load_assessment",
    "load_standard",
    "locales",
    "migrate",
    "negotiate",
    "path_to",
    "roadmap",
    "sensitivity",
    "standard",
    "standards",
    "validate",
    "what_if",
]

# Imported with the package: the errors, the words (i18n) and Status, which build no attrs
# class but Problem. Every other name, the core ones too (evaluate, standard, Assessment, Tier),
# is imported on first use (see wwc_standard._exports): the engine, the assessment parser and
# the revision model build some twenty attrs classes, most of what ``import wwc_standard``
# cost, and load with the first name that needs them.
_EXPORTS = {
    "Answer": "wwc_standard.evaluation.assessment",
    "AnswerStatus": "wwc_standard.evaluation.assessment",
    "Assessment": "wwc_standard.evaluation.assessment",
    "Band": "wwc_standard.revisions.tiers",
    "Certification": "wwc_standard.evaluation.results",
    "Checklist": "wwc_standard.revisions.model",
    "ChecklistItem": "wwc_standard.revisions.model",
    "City": "wwc_standard.evaluation.assessment",
    "Cohort": "wwc_standard.evaluation.cohort",
    "Comparison": "wwc_standard.planning.whatif",
    "ComponentBand": "wwc_standard.revisions.tiers",
    "ComponentBreadth": "wwc_standard.revisions.tiers",
    "Confirmation": "wwc_standard.history.migration",
    "Criterion": "wwc_standard.revisions.model",
    "CriterionChange": "wwc_standard.history.diffs",
    "CriterionResult": "wwc_standard.evaluation.results",
    "Crosswalk": "wwc_standard.history.crosswalks",
    "EffortEstimate": "wwc_standard.planning.effort",
    "Eligibility": "wwc_standard.revisions.model",
    "Evaluation": "wwc_standard.evaluation.engine",
    "Flip": "wwc_standard.planning.whatif",
    "Gap": "wwc_standard.evaluation.results",
    "Guidance": "wwc_standard.planning.effort",
    "Horizon": "wwc_standard.planning.roadmaps",
    "InForce": "wwc_standard.revisions.model",
    "InvalidGuidance": "wwc_standard.planning.effort",
    "Link": "wwc_standard.history.crosswalks",
    "Migration": "wwc_standard.history.migration",
    "NoMigrationPath": "wwc_standard.errors",
    "Path": "wwc_standard.planning.path",
    "PathStep": "wwc_standard.planning.path",
    "PercentageBands": "wwc_standard.revisions.tiers",
    "PracticeArea": "wwc_standard.revisions.model",
    "PracticeAreaResult": "wwc_standard.evaluation.results",
    "Provenance": "wwc_standard.revisions.provenance",
    "Reason": "wwc_standard.evaluation.results",
    "Regrouped": "wwc_standard.history.diffs",
    "Renamed": "wwc_standard.history.diffs",
    "Requirement": "wwc_standard.revisions.model",
    "RequirementResult": "wwc_standard.evaluation.results",
    "Roadmap": "wwc_standard.planning.roadmaps",
    "RoadmapStep": "wwc_standard.planning.roadmaps",
    "Sensitivity": "wwc_standard.planning.whatif",
    "SensitivityRow": "wwc_standard.planning.whatif",
    "Source": "wwc_standard.revisions.provenance",
    "Standard": "wwc_standard.revisions.model",
    "StandardDiff": "wwc_standard.history.diffs",
    "Tier": "wwc_standard.revisions.tiers",
    "TierRule": "wwc_standard.revisions.tiers",
    "WorkingAcross": "wwc_standard.revisions.tiers",
    "compare": "wwc_standard.planning.whatif",
    "crosswalk": "wwc_standard.history.crosswalks",
    "diff": "wwc_standard.history.diffs",
    "evaluate": "wwc_standard.evaluation.engine",
    "evaluate_many": "wwc_standard.evaluation.cohort",
    "example_assessment": "wwc_standard.evaluation.examples",
    "guidance": "wwc_standard.planning.effort",
    "load_assessment": "wwc_standard.evaluation.assessment",
    "load_guidance": "wwc_standard.planning.effort",
    "load_standard": "wwc_standard.revisions.files",
    "migrate": "wwc_standard.history.migration",
    "path_to": "wwc_standard.planning.path",
    "roadmap": "wwc_standard.planning.roadmaps",
    "sensitivity": "wwc_standard.planning.whatif",
    "standard": "wwc_standard.revisions.registry",
    "standards": "wwc_standard.revisions.registry",
    "to_frame": "wwc_standard.evaluation.cohort",
    "validate": "wwc_standard.evaluation.assessment",
    "what_if": "wwc_standard.planning.whatif",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)

# The report of an evaluation may end with its roadmap, which the planning layer makes; the
# evaluation layer must not import planning. The package, which composes the layers, names the
# maker here and the report asks for it by name when roadmap=True (see _sections).
provide("roadmap", "wwc_standard.planning.roadmaps:report_section")
