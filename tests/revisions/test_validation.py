"""The prerequisite cycle that validation reports, now found by graphlib.

The cycle used to be found by a hand-written depth-first search; graphlib's search must report
the same cycle, from the same criterion, so that the path and the message of the
``prerequisite-cycle`` problem are what they were. The old search is kept here as the reference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hypothesis import given
from hypothesis import strategies as st

from strategies import make_criterion, make_standard
from wwc_standard.revisions.validation import _cycle


def _old_cycle(graph: Mapping[str, Sequence[str]]) -> list[str] | None:
    """The search validation used before graphlib, verbatim."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done

    def visit(node: str, stack: list[str]) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt in graph and nxt not in state:
                found = visit(nxt, stack)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in graph:
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


_IDS = [f"AA{i}" for i in range(1, 9)]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_IDS),
            # Unknown ids (AA9) and repeats are kept: validation reports them separately, and
            # the search must pass over them as the old one did.
            st.lists(st.sampled_from([*_IDS, "AA9"]), max_size=4),
        ),
        max_size=10,
    )
)
def test_graphlib_finds_the_cycle_the_old_search_found(
    edges: list[tuple[str, list[str]]],
) -> None:
    # Built as validation builds it: a repeated id keeps its first place, the last list.
    graph = {node: [p for p in prerequisites if p != node] for node, prerequisites in edges}
    assert _cycle(graph) == _old_cycle(graph)


def test_the_cycle_starts_where_the_search_entered_it() -> None:
    # AA1 leads into the cycle without being in it: the cycle is reported from AA3, where the
    # search from the top of the file entered it, not in another rotation.
    revision = make_standard(
        [
            make_criterion("AA1", prerequisites=["AA3"]),
            make_criterion("AA2", prerequisites=["AA4"]),
            make_criterion("AA3", prerequisites=["AA2"]),
            make_criterion("AA4", prerequisites=["AA3"]),
        ]
    )
    (problem,) = revision.validate()
    assert (problem.path, problem.code) == ("criteria[2].prerequisites", "prerequisite-cycle")
    assert problem.message == "prerequisites form a cycle: AA3 -> AA2 -> AA4 -> AA3"


def test_of_two_cycles_the_first_reached_is_reported() -> None:
    revision = make_standard(
        [
            make_criterion("AA1", prerequisites=["AA2"]),
            make_criterion("AA2", prerequisites=["AA1"]),
            make_criterion("AA3", prerequisites=["AA4"]),
            make_criterion("AA4", prerequisites=["AA3"]),
        ]
    )
    (problem,) = revision.validate()
    assert (problem.path, problem.code) == ("criteria[0].prerequisites", "prerequisite-cycle")
    assert problem.message == "prerequisites form a cycle: AA1 -> AA2 -> AA1"
