"""Layer 4, history: how revisions relate: what changed, and carrying answers across.

Crosswalks between consecutive revisions (:func:`crosswalk`), :func:`diff` of two revisions,
and :func:`migrate` of an assessment to another revision, listing every answer that needs a
person's confirmation.

May import: :mod:`wwc_standard.evaluation` and the layers below it; never planning or cli.
"""

from typing import TYPE_CHECKING

from wwc_standard._exports import lazy_exports

if TYPE_CHECKING:
    from .crosswalks import Crosswalk, Link, crosswalk
    from .diffs import CriterionChange, Regrouped, Renamed, StandardDiff, diff
    from .migration import Confirmation, Migration, migrate

__all__ = [
    "Confirmation",
    "CriterionChange",
    "Crosswalk",
    "Link",
    "Migration",
    "Regrouped",
    "Renamed",
    "StandardDiff",
    "crosswalk",
    "diff",
    "migrate",
]

# Each name is imported from its module on first use (see wwc_standard._exports).
_EXPORTS = {
    "Confirmation": ".migration",
    "CriterionChange": ".diffs",
    "Crosswalk": ".crosswalks",
    "Link": ".crosswalks",
    "Migration": ".migration",
    "Regrouped": ".diffs",
    "Renamed": ".diffs",
    "StandardDiff": ".diffs",
    "crosswalk": ".crosswalks",
    "diff": ".diffs",
    "migrate": ".migration",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
