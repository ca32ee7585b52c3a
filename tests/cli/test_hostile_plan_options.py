"""Plan options that would do nothing in silence are refused as problems (exit 2)."""

from __future__ import annotations

import io

import pytest

from wwc_standard.cli.program import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (("roadmap", "--example", "--effort", ","), "empty-value"),
        (("roadmap", "--example", "--effort", ""), "empty-value"),
        (("path", "--example", "--to", "gold", "--effort", "DM7=1,,OD3=2"), "empty-value"),
        (("what-if", "--example", "--meet", ""), "empty-value"),
        (("what-if", "--example", "--meet", "DM7,"), "empty-value"),
        (("what-if", "--example", "--unmeet", " "), "empty-value"),
        (("what-if", "--example", "--item", ","), "empty-value"),
        (("path", "--example", "--to", "none"), "unknown-tier"),
        (("path", "--example", "--to", "None"), "unknown-tier"),
        (("roadmap", "--example", "--target", "none"), "unknown-tier"),
    ],
)
def test_a_silent_no_op_is_refused(argv, code):
    status, out, err = run(*argv)
    assert status == 2
    assert out == ""
    assert f"[{code}]" in err
    assert "Traceback" not in err


def test_the_options_still_work():
    assert run("what-if", "--example", "--meet", "DM7, OD3")[0] == 0
    assert run("path", "--example", "--to", "gold", "--effort", "DM7=inf")[0] in (0, 1)
    assert run("roadmap", "--example", "--target", "gold", "--effort", "DM7=2")[0] == 0
