"""English is written without Babel, and exactly as Babel writes it.

English is the source language and the one most output is read in, so percentages, lists,
dates and numbers in English are formatted by the library itself and Babel is loaded only for
another locale (issue 12: the first English ``explain()`` no longer pays for importing Babel).
Each English formatter is checked here against Babel's own output for the locale "en", over a
wide range of values, so the text stays byte-identical to what Babel would have written.
"""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from hypothesis import example, given
from hypothesis import strategies as st

from wwc_standard.i18n.messages import HUGE, Items, Message, Percent, format_number

#: Babel's English percent pattern with the decimals a Percent asks for.
BABEL_PERCENT = {0: "#,##0%", 1: "#,##0.0%"}

#: Values a Percent is given: shares of criteria met (k / n), tier bounds (b / 100), and the
#: edges where rounding half to even decides the last digit.
SHARES = sorted({k / n for n in range(1, 45) for k in range(n + 1)})
EDGES = [
    0.0,
    -0.0,
    1.0,
    0.0005,
    0.00049999,
    0.0015,
    0.0025,
    0.00051,
    0.005,
    0.015,
    0.025,
    0.995,
    0.9995,
    0.99949,
    1e-20,
    5e-324,
    1.5,
    12.345,
    123456.789,
    -0.0004,
    -0.0005,
    -0.5,
    -1.0,
    0.1 + 0.2,
    2 / 3,
]


def _english(value: object) -> str:
    return Message("{value}", value=value).render("en")


@pytest.mark.parametrize("decimals", [0, 1])
@pytest.mark.parametrize("value", [*SHARES, *EDGES, *(b / 100 for b in range(101)), 0, 1, 7])
def test_a_percentage_is_written_as_babel_writes_it(value: float, decimals: int) -> None:
    expected = format_percent(value, BABEL_PERCENT[decimals], locale="en")
    assert _english(Percent(value, decimals=decimals)) == expected


@given(
    st.one_of(
        st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
        st.integers(min_value=-(10**12), max_value=10**12),
        st.fractions(min_value=0, max_value=1, max_denominator=10_000).map(float),
    ),
    st.sampled_from([0, 1]),
)
@example(0.0005, 1)
@example(0.00005, 0)
@example(-0.0, 0)
def test_any_percentage_is_written_as_babel_writes_it(value: float, decimals: int) -> None:
    expected = format_percent(value, BABEL_PERCENT[decimals], locale="en")
    assert _english(Percent(value, decimals=decimals)) == expected


@given(
    st.lists(
        st.one_of(
            st.text(max_size=8),
            st.sampled_from(["", ",", "a, b", "and", "{0}", "{}", "DM1", " "]),
        ),
        max_size=8,
    )
)
@example([])
@example([""])
@example(["", ""])
@example(["a, b", "c", ""])
def test_a_list_is_joined_as_babel_joins_it(items: list[str]) -> None:
    assert _english(Items(items)) == format_list(items, locale="en")


@pytest.mark.parametrize("count", range(7))
def test_lists_of_every_length_up_to_six(count: int) -> None:
    items = [f"DM{n}" for n in range(1, count + 1)]
    assert _english(Items(items)) == format_list(items, locale="en")


@given(st.dates())
@example(datetime.date(2026, 11, 28))
@example(datetime.date(1, 1, 1))
@example(datetime.date(9999, 12, 31))
def test_a_date_is_written_as_babel_writes_it(day: datetime.date) -> None:
    assert _english(day) == format_date(day, format="long", locale="en")


@given(st.datetimes())
def test_a_datetime_is_written_as_babel_writes_its_date(moment: datetime.datetime) -> None:
    assert _english(moment) == format_date(moment, format="long", locale="en")


@given(st.integers(min_value=-(HUGE - 1), max_value=HUGE - 1))
@example(0)
@example(-1)
@example(999)
@example(1000)
@example(-1234567)
def test_an_integer_is_written_as_babel_writes_it(value: int) -> None:
    assert _english(value) == format_number(value, "en") == format_decimal(value, locale="en")


@given(
    st.floats(min_value=-(HUGE - 1), max_value=HUGE - 1, allow_nan=False),
    st.sampled_from([None, "#,##0.#", "#,##0", "#,##0.00", "#,##0.0#", "#,##0.###"]),
)
@example(0.05, "#,##0.#")
@example(0.25, "#,##0.#")
@example(-0.04, "#,##0.#")
@example(2.0, "#,##0.#")
@example(1e-300, None)
@example(1234.5678, None)
def test_a_float_with_a_pattern_is_written_as_babel_writes_it(
    value: float, pattern: str | None
) -> None:
    assert format_number(value, "en", pattern) == format_decimal(value, pattern, locale="en")


def test_english_output_does_not_import_babel() -> None:
    """An evaluation, its explanation and report, a roadmap and a path, all in English, in a
    fresh interpreter: Babel is never imported."""
    code = (
        "import sys, datetime, wwc_standard as wwc\n"
        "result = wwc.evaluate(wwc.example_assessment())\n"
        "result.explain(); result.explain('en'); str(result.gaps); result.to_dict()\n"
        "wwc.roadmap(result).explain(); wwc.path_to(result, wwc.Tier.GOLD).explain()\n"
        "wwc.diff(wwc.standard('2017'), wwc.standard('2024')).explain()\n"
        "try:\n"
        "    wwc.standard(on=datetime.date(1990, 1, 1))\n"
        "except wwc.UnknownStandard as error:\n"
        "    str(error)\n"
        "print(sorted(m for m in sys.modules if m == 'babel' or m.startswith('babel.')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_another_locale_still_formats_with_babel() -> None:
    assert _english(Percent(27 / 43)) == "62.8%"
    assert Message("{v}", v=Percent(27 / 43)).render("fr") == "62,8\xa0%"
    assert Message("{v}", v=Items(["a", "b", "c"])).render("es") == "a, b y c"
