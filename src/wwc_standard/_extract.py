"""The Babel extractors' old place, ``wwc_standard._extract``, kept for one release.

0.1.0's documentation named ``wwc_standard._extract:extract_revision`` and
``wwc_standard._extract:extract_guidance`` in ``pybabel extract`` mappings. They now live in
:mod:`wwc_standard.i18n.extract` (and the ``wwc_revision`` and ``wwc_guidance`` entry points
name them there). Importing this module warns; it will be removed in 0.3.0.
"""

from __future__ import annotations

import warnings

from .i18n.extract import extract_guidance, extract_revision

__all__ = ["extract_guidance", "extract_revision"]

warnings.warn(
    "wwc_standard._extract is deprecated and will be removed in 0.3.0: name "
    "wwc_standard.i18n.extract:extract_revision (or :extract_guidance), or the wwc_revision "
    "and wwc_guidance extraction methods",
    DeprecationWarning,
    stacklevel=2,
)
