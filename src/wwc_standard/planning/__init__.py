"""Layer 4, planning: advice on how to reach a tier, never a change to what decides it.

Effort guidance (advisory data in ``guidance/``), :func:`roadmap` in horizons of 3, 6 and 12
months, :func:`what_if` and :func:`compare`, :func:`sensitivity`, and the exact cheapest
:func:`path_to` a tier. Guidance changes the order and the effort of a plan, never a status or a
tier: those come only from the revision's official data, through :mod:`wwc_standard.evaluation`.

May import: :mod:`wwc_standard.evaluation` and the layers below it; never history or cli.
"""

from typing import TYPE_CHECKING

from wwc_standard._exports import lazy_exports

if TYPE_CHECKING:
    from .effort import EffortEstimate, Guidance, InvalidGuidance, guidance, load_guidance
    from .path import Path, PathStep, path_to
    from .roadmaps import Horizon, Roadmap, RoadmapStep, roadmap
    from .whatif import Comparison, Flip, Sensitivity, SensitivityRow, compare, sensitivity, what_if

__all__ = [
    "Comparison",
    "EffortEstimate",
    "Flip",
    "Guidance",
    "Horizon",
    "InvalidGuidance",
    "Path",
    "PathStep",
    "Roadmap",
    "RoadmapStep",
    "Sensitivity",
    "SensitivityRow",
    "compare",
    "guidance",
    "load_guidance",
    "path_to",
    "roadmap",
    "sensitivity",
    "what_if",
]

# Each name is imported from its module on first use (see wwc_standard._exports).
_EXPORTS = {
    "Comparison": ".whatif",
    "EffortEstimate": ".effort",
    "Flip": ".whatif",
    "Guidance": ".effort",
    "Horizon": ".roadmaps",
    "InvalidGuidance": ".effort",
    "Path": ".path",
    "PathStep": ".path",
    "Roadmap": ".roadmaps",
    "RoadmapStep": ".roadmaps",
    "Sensitivity": ".whatif",
    "SensitivityRow": ".whatif",
    "compare": ".whatif",
    "guidance": ".effort",
    "load_guidance": ".effort",
    "path_to": ".path",
    "roadmap": ".roadmaps",
    "sensitivity": ".whatif",
    "what_if": ".whatif",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
