"""The status of a criterion (or requirement) in an evaluation.

Its own module, apart from the result classes of :mod:`.results`: the engine decides statuses
on every evaluation, while the results (reasons, gaps, ...) are made only when read, and their
module is imported then (start-up time).
"""

from __future__ import annotations

import enum

from wwc_standard._exports import publish
from wwc_standard.i18n.messages import N_, Message

__all__ = ["Status"]


class Status(enum.Enum):
    """The status of a criterion (or requirement) in an evaluation. Only ``MET`` earns a point.

    >>> import collections
    >>> import wwc_standard as wwc
    >>> result = wwc.evaluate(wwc.example_assessment())
    >>> result.criteria["DM1"].status, result.criteria["DM9"].status
    (<Status.MET: 'met'>, <Status.UNKNOWN: 'unknown'>)
    >>> collections.Counter(c.status.value for c in result.criteria.values()).most_common()
    [('met', 27), ('unknown', 9), ('unmet', 7)]

    In auditor mode, a criterion answered met without evidence is only unverified:

    >>> audit = wwc.evaluate(wwc.example_assessment(), require_evidence=True)
    >>> audit.criteria["DM3"].status, audit.points
    (<Status.UNVERIFIED: 'unverified'>, 7)
    """

    MET = "met"
    """Met: earns its point."""
    UNMET = "unmet"
    """Answered as not met."""
    UNKNOWN = "unknown"
    """Not answered, answered unknown, or a checklist not yet decided: never counted as met."""
    BLOCKED = "blocked"
    """Answered met, but a prerequisite is not met, so no point can be earned yet."""
    SHORT = "short"
    """Its checklist falls short of the quota."""
    UNVERIFIED = "unverified"
    """Answered met without evidence, in auditor mode (``require_evidence=True``)."""

    def localized(self, locale: str = "en") -> str:
        """The status as a word in ``locale`` (English: the value).

        >>> Status.UNKNOWN.localized("es"), Status.BLOCKED.localized("fr")
        ('desconocido', 'bloqué')
        """
        return Message(_STATUS_WORDS[self]).render(locale)


_STATUS_WORDS = {
    Status.MET: N_("met"),
    Status.UNMET: N_("unmet"),
    Status.UNKNOWN: N_("unknown"),
    Status.BLOCKED: N_("blocked"),
    Status.SHORT: N_("short"),
    Status.UNVERIFIED: N_("unverified"),
}


publish(globals())
