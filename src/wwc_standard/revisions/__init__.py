"""Layer 2, the official data: each yearly revision of the standard as typed, frozen values.

The model (:class:`Standard`, practice areas, criteria, checklists, requirements, eligibility,
provenance), tier rules, the reading and validation of revision files with ``extends``, the
shipped registry (:func:`standard`, :func:`standards`) and revision files of a user's own
(:func:`load_standard`). Only what a public source says, or what is labelled inferred, is here.

May import: :mod:`wwc_standard.i18n` and :mod:`wwc_standard.errors`.
"""

from typing import TYPE_CHECKING

from wwc_standard._exports import lazy_exports

if TYPE_CHECKING:
    from .files import load_standard
    from .model import (
        Checklist,
        ChecklistItem,
        Criterion,
        Eligibility,
        InForce,
        PracticeArea,
        Requirement,
        Standard,
    )
    from .provenance import Provenance, Source
    from .registry import standard, standards
    from .tiers import (
        Band,
        ComponentBand,
        ComponentBreadth,
        PercentageBands,
        Tier,
        TierRule,
        WorkingAcross,
    )

__all__ = [
    "Band",
    "Checklist",
    "ChecklistItem",
    "ComponentBand",
    "ComponentBreadth",
    "Criterion",
    "Eligibility",
    "InForce",
    "PercentageBands",
    "PracticeArea",
    "Provenance",
    "Requirement",
    "Source",
    "Standard",
    "Tier",
    "TierRule",
    "WorkingAcross",
    "load_standard",
    "standard",
    "standards",
]

# Each name is imported from its module on first use (see wwc_standard._exports).
_EXPORTS = {
    "Band": ".tiers",
    "Checklist": ".model",
    "ChecklistItem": ".model",
    "ComponentBand": ".tiers",
    "ComponentBreadth": ".tiers",
    "Criterion": ".model",
    "Eligibility": ".model",
    "InForce": ".model",
    "PercentageBands": ".tiers",
    "PracticeArea": ".model",
    "Provenance": ".provenance",
    "Requirement": ".model",
    "Source": ".provenance",
    "Standard": ".model",
    "Tier": ".tiers",
    "TierRule": ".tiers",
    "WorkingAcross": ".tiers",
    "load_standard": ".files",
    "standard": ".registry",
    "standards": ".registry",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
