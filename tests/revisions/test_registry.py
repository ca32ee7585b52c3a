"""Which revisions are shipped, and picking one by version, by date, or the newest."""

from __future__ import annotations

import datetime

import pytest

import wwc_standard as wwc

SHIPPED = ("2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026")


def test_standards_lists_every_shipped_revision_oldest_first() -> None:
    assert wwc.standards() == SHIPPED
    assert isinstance(wwc.standards(), tuple)


@pytest.mark.parametrize("version", SHIPPED)
def test_standard_by_version(version: str) -> None:
    revision = wwc.standard(version)
    assert isinstance(revision, wwc.Standard)
    assert revision.version == version


def test_standard_is_cached_and_the_same_object_every_time() -> None:
    assert wwc.standard("2024") is wwc.standard("2024")


def test_standard_without_arguments_is_the_newest() -> None:
    assert wwc.standard().version == SHIPPED[-1]
    assert wwc.standard() is wwc.standard(SHIPPED[-1])


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (datetime.date(2017, 4, 1), "2017"),
        (datetime.date(2017, 12, 31), "2017"),
        # Facts section 2: the inaugural cohort of 25 January 2018 was certified under 2017;
        # 2018 starts the day after (inferred).
        (datetime.date(2018, 1, 1), "2017"),
        (datetime.date(2018, 1, 25), "2017"),
        (datetime.date(2018, 1, 26), "2018"),
        (datetime.date(2019, 6, 1), "2019"),
        (datetime.date(2020, 6, 1), "2020"),
        (datetime.date(2022, 7, 31), "2021"),
        (datetime.date(2022, 8, 1), "2022"),
        (datetime.date(2022, 12, 31), "2022"),
        (datetime.date(2023, 1, 1), "2023"),
        (datetime.date(2023, 9, 1), "2023"),
        (datetime.date(2024, 6, 30), "2024"),
        (datetime.date(2025, 2, 14), "2025"),
        (datetime.date(2026, 1, 1), "2026"),
        (datetime.date(2099, 1, 1), "2026"),  # the newest stays in force
    ],
)
def test_standard_on_a_date_is_the_revision_in_force(day: datetime.date, version: str) -> None:
    assert wwc.standard(on=day).version == version


@pytest.mark.parametrize("day", [datetime.date(2017, 3, 31), datetime.date(2016, 1, 1)])
def test_standard_before_the_first_revision_is_unknown_with_a_clear_message(
    day: datetime.date,
) -> None:
    with pytest.raises(wwc.UnknownStandard) as info:
        wwc.standard(on=day)
    message = str(info.value)
    assert info.value.version == day.isoformat()
    assert f"in force on {day:%B} {day.day}, {day.year}:" in message
    # The day is inferred (facts section 2: "Apr 2017"), and the message says so.
    assert message.endswith("the earliest, 2017, took effect on April 1, 2017 (inferred)")
    assert info.value.available == SHIPPED
    assert info.value.problems[0].code == "unknown-standard"


def test_standard_on_refuses_a_datetime() -> None:
    with pytest.raises(TypeError, match=r"datetime\.date"):
        wwc.standard(on=datetime.datetime(2024, 1, 1, 12, 0))


def test_standard_on_refuses_a_string() -> None:
    with pytest.raises(TypeError):
        wwc.standard(on="2024-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize("version", ["2042", "2016", "1999", "", "v2024", "2024 "])
def test_unknown_version_raises_unknown_standard(version: str) -> None:
    with pytest.raises(wwc.UnknownStandard) as info:
        wwc.standard(version)
    error = info.value
    assert isinstance(error, LookupError)
    assert isinstance(error, wwc.WWCError)
    assert error.version == version
    assert error.available == SHIPPED
    assert str(error) == f"no revision {version!r} is shipped; available: " + ", ".join(SHIPPED)


def test_unknown_standard_can_be_caught_as_lookup_error() -> None:
    with pytest.raises(LookupError):
        wwc.standard("1999")


def test_a_version_that_is_not_a_string_is_unknown() -> None:
    with pytest.raises(wwc.UnknownStandard, match="string"):
        wwc.standard(2024)  # type: ignore[arg-type]


def test_version_and_date_together_are_refused() -> None:
    with pytest.raises(TypeError, match="not both"):
        wwc.standard("2024", on=datetime.date(2024, 1, 1))
