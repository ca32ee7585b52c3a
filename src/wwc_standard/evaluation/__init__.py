"""Layer 3, evaluation: a city's answers against a revision, with every status explained.

The assessment format and its parser (:class:`Assessment`, :func:`load_assessment`,
:func:`validate`), the engine (:func:`evaluate`), the result types (:class:`Evaluation`,
:class:`Status`, reasons, gaps), its text and JSON renderings, cohorts (:func:`evaluate_many`)
and the example city.

May import: :mod:`wwc_standard.revisions`, :mod:`wwc_standard.errors`, :mod:`wwc_standard.i18n`;
never planning, history or cli.
"""

from typing import TYPE_CHECKING

from wwc_standard._exports import lazy_exports

if TYPE_CHECKING:
    from .assessment import Answer, AnswerStatus, Assessment, City, load_assessment, validate
    from .cohort import Cohort, evaluate_many, to_frame
    from .engine import Evaluation, evaluate
    from .examples import example_assessment
    from .results import (
        Certification,
        CriterionResult,
        Gap,
        PracticeAreaResult,
        Reason,
        RequirementResult,
    )
    from .statuses import Status

__all__ = [
    "Answer",
    "AnswerStatus",
    "Assessment",
    "Certification",
    "City",
    "Cohort",
    "CriterionResult",
    "Evaluation",
    "Gap",
    "PracticeAreaResult",
    "Reason",
    "RequirementResult",
    "Status",
    "evaluate",
    "evaluate_many",
    "example_assessment",
    "load_assessment",
    "to_frame",
    "validate",
]

# Each name is imported from its module on first use (see wwc_standard._exports).
_EXPORTS = {
    "Answer": ".assessment",
    "AnswerStatus": ".assessment",
    "Assessment": ".assessment",
    "Certification": ".results",
    "City": ".assessment",
    "Cohort": ".cohort",
    "CriterionResult": ".results",
    "Evaluation": ".engine",
    "Gap": ".results",
    "PracticeAreaResult": ".results",
    "Reason": ".results",
    "RequirementResult": ".results",
    "Status": ".statuses",
    "evaluate": ".engine",
    "evaluate_many": ".cohort",
    "example_assessment": ".examples",
    "load_assessment": ".assessment",
    "to_frame": ".cohort",
    "validate": ".assessment",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
