"""The example assessment shipped with the package: a fictional city, Exampleton.

Its answers are invented to show every status and gap; they describe no real city.
"""

from __future__ import annotations

from typing import Any

from wwc_standard._data import read_package_file

from .assessment import Assessment

__all__ = ["example_assessment", "example_data"]


def example_data() -> dict[str, Any]:
    """The example assessment as the JSON data of its file (a fresh copy on every call)."""
    data: dict[str, Any] = read_package_file("examples/exampleton.json")
    return data


def example_assessment() -> Assessment:
    """The assessment of Exampleton, a fictional city, pinned to revision 2024.

    >>> import wwc_standard
    >>> a = wwc_standard.example_assessment()
    >>> a.city.name, a.standard, len(a.answers)
    ('Exampleton', '2024', 35)
    """
    return Assessment.from_dict(example_data())
