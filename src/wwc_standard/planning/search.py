"""The cheapest prerequisite-closed set of criteria that reaches a tier, for
:func:`~wwc_standard.planning.path_to` and the tier pushes of :func:`~wwc_standard.roadmap`.

A prerequisite not met must be completed too, so only prerequisite-closed sets are considered.
Efforts are compared as exact fractions (every float is an integer over a power of two), so no
rounding decides between two sets.

The set is found one of three ways, all exact:

- **A knapsack over the prerequisite trees**, when only the number of criteria counts
  (percentage bands) and every criterion waits on one other at most, as in every published
  revision: for each tree, the least cost of taking 0, 1, 2, ... of its criteria, merged up to
  the tree's top and then across the trees; criteria on their own are simply the cheapest
  (without prerequisites, it is a sort). It serves while the tables need at most
  :data:`_KNAPSACK_CELLS` cells (criteria in trees times criteria needed).
- **Bundles and items**, for the same rule when every tree is one level deep and is a pair
  or has a top no dearer than what waits on it: the knapsack's very set, at any size,
  without the tables (:func:`_pairs_cheapest`).
- **A depth-first branch and bound** otherwise (several prerequisites, a breadth rule, trees
  too large for the knapsack): over
  the criteria not met, in a prerequisite order that tries cheaper criteria first. At each
  node the tier rule's tally says how many more criteria the tier needs at the least
  (``TierRule.criteria_needed``, exact for both kinds of rule); the sum of that many of the
  cheapest criteria still open (a Fenwick tree, O(log N) a step) is a lower bound on what is
  left to pay, because every criterion added counts as one and costs at least its own effort.
  A branch whose cost plus bound cannot beat the best set found is cut; nothing else is.
  The search stops after :func:`search_budget` steps, which grows linearly with the revision;
  then the cheapest set found is kept and ``Path.exact`` is false. No revision the program
  publishes comes near the budget.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from wwc_standard.revisions.tiers import PercentageBands, Tally, Tier

from .work import Work, prerequisite_order

if TYPE_CHECKING:
    from wwc_standard.revisions.model import Standard

__all__ = ["candidate_order", "cheapest", "search_budget"]


def candidate_order(work: Mapping[int, Work], met: set[int]) -> list[int]:
    """The criteria that can be completed, cheapest available first (published order on ties)."""
    return prerequisite_order(work, met, lambda i: work[i].effort)


class _Cheapest:
    """The criteria still open in the search, by cost: the sum of the ``count`` cheapest of
    them in O(log N) (a Fenwick tree over the criteria ranked by cost, counting and summing
    the open ones), so that no step of the search rescans every criterion."""

    def __init__(self, costs: list[int]) -> None:
        self.rank_of = [0] * len(costs)
        self.cost_at: list[int] = []
        for rank, k in enumerate(sorted(range(len(costs)), key=lambda k: (costs[k], k))):
            self.rank_of[k] = rank
            self.cost_at.append(costs[k])
        size = len(costs)
        self.counts = [0] * (size + 1)
        self.sums = [0] * (size + 1)
        self.top = 1 << size.bit_length() if size else 0
        for k in range(size):
            self.open(k)

    def _update(self, k: int, sign: int) -> None:
        rank = self.rank_of[k]
        cost = self.cost_at[rank] * sign
        node = rank + 1
        while node < len(self.counts):
            self.counts[node] += sign
            self.sums[node] += cost
            node += node & -node

    def open(self, k: int) -> None:
        """Count position ``k`` as open."""
        self._update(k, 1)

    def close(self, k: int) -> None:
        """Count position ``k`` as no longer open."""
        self._update(k, -1)

    def cheapest_sum(self, count: int) -> int | None:
        """The sum of the ``count`` cheapest open costs; ``None`` when fewer are open."""
        if count <= 0:
            return 0
        # Descend the tree to the largest prefix of ranks holding fewer than `count` open
        # criteria; the next open rank completes the count.
        node, found, total = 0, 0, 0
        step = self.top
        while step:
            nxt = node + step
            if nxt < len(self.counts) and found + self.counts[nxt] < count:
                node = nxt
                found += self.counts[nxt]
                total += self.sums[nxt]
            step >>= 1
        if node >= len(self.cost_at):
            return None
        # Rank `node` (0-based) is the open one that makes the count.
        return total + self.cost_at[node]


def _exact_costs(costs: list[float]) -> list[int]:
    """The costs as integers in one common unit, exactly (each float is an integer over a power
    of two): sums and comparisons in the search are then exact, whatever the efforts' sizes."""
    ratios = [cost.as_integer_ratio() for cost in costs]
    unit = max((denominator for _, denominator in ratios), default=1)
    return [numerator * (unit // denominator) for numerator, denominator in ratios]


def _forest_cheapest(costs: list[int], parents: list[list[int]], count: int) -> list[int] | None:
    """The cheapest ``count`` criteria (positions, in a prerequisite order) taken each with
    its prerequisites, when every criterion waits on one other at most: a knapsack over the
    prerequisite trees, exact. ``None`` when fewer than ``count`` can be taken.

    A tree's table lists, for t = 0, 1, ..., the least cost of taking t criteria of a branch
    with its top criterion among them (t = 0: none); each branch is merged into the criterion
    it waits on, keeping every table along the way to read the choice back. Criteria nothing
    waits on and that wait on nothing are simply the cheapest ones, in the order given.
    """
    children: list[list[int]] = [[] for _ in costs]
    for k, above in enumerate(parents):
        if above:
            children[above[0]].append(k)
    alone = [k for k in range(len(costs)) if not parents[k] and not children[k]]
    trees = [k for k in range(len(costs)) if not parents[k] and children[k]]
    tables: list[list[int]] = [[] for _ in costs]
    merges: list[list[list[int]]] = [[] for _ in costs]
    # Prerequisites come first in the order, so a criterion comes after the branches under it.
    for k in reversed(range(len(costs))):
        if parents[k] or children[k]:
            table = [0, costs[k]]
            merges[k] = [table]
            for child in children[k]:
                table = _merge(table, tables[child], count, 1)
                merges[k].append(table)
            tables[k] = table
    forest = [0]
    at_root = [forest]
    for k in trees:
        forest = _merge(forest, tables[k], count, 0)
        at_root.append(forest)
    # The criteria alone: the cheapest first (the order breaks ties); t of the trees' criteria
    # and count - t of them.
    cheapest_alone = sorted(alone, key=lambda k: (costs[k], k))
    sums = [0]
    for k in cheapest_alone[:count]:
        sums.append(sums[-1] + costs[k])
    options = [
        (forest[t] + sums[count - t], t) for t in range(len(forest)) if 0 <= count - t < len(sums)
    ]
    if not options:
        return None
    _, in_trees = min(options)
    chosen = cheapest_alone[: count - in_trees]
    wanted = _read_back(at_root, trees, tables, in_trees, 0)
    while wanted:
        k, t = wanted.pop()
        if t:
            chosen.append(k)
            wanted.extend(_read_back(merges[k], children[k], tables, t, 1))
    return chosen


def _merge(above: list[int], branch: list[int], count: int, least: int) -> list[int]:
    """The table of ``above`` with ``branch`` merged under it (see :func:`_forest_cheapest`):
    criteria of the branch need the top of ``above`` taken (``least`` = 1), unless ``above`` is
    the common root of the trees (``least`` = 0)."""
    size = min(len(above) + len(branch) - 1, count + 1)
    merged: list[Any] = [above[0]] + [math.inf] * (size - 1)
    # For each number b taken from the branch, every a from `above` at once: the element-wise
    # minimum runs in C, which makes the knapsack several times faster than a loop over t.
    for b, cost in enumerate(branch):
        low, high = max(least, 1 - b), min(len(above), size - b)
        if low < high:
            merged[low + b : high + b] = map(
                min, merged[low + b : high + b], [x + cost for x in above[low:high]]
            )
    return merged


def _read_back(
    merges: list[list[int]], branches: list[int], tables: list[list[int]], t: int, least: int
) -> list[tuple[int, int]]:
    """How many criteria each branch gives to the ``t`` taken through ``merges`` (the tables
    after each branch was merged in, the first before any), last branch first."""
    given = []
    for j in range(len(branches), 0, -1):
        before, branch, after = merges[j - 1], tables[branches[j - 1]], merges[j]
        for b in range(min(t, len(branch) - 1), -1, -1):
            a = t - b
            if least <= a < len(before) and before[a] + branch[b] == after[t]:
                break
        given.append((branches[j - 1], b))
        t -= b
    return given


def _pairs_cheapest(
    costs: list[int], parents: list[list[int]], children: list[list[int]], count: int
) -> list[int] | None:
    """The set :func:`_forest_cheapest` finds, by a sort and a scan, for a forest whose trees are
    one criterion and the criteria waiting on it (none waited on in turn), each tree either
    a pair or *convex* (its top costs no more than any criterion waiting on it). ``None`` when
    fewer than ``count`` can be taken.

    Why it is exact. A convex tree's criteria are separate items: the cheapest ones of all
    always include the top before the criteria waiting on it. A pair whose second criterion is
    cheaper than its top is a *bundle*: both, or the top alone. Two bundles are never both
    taken top alone in a cheapest set: putting the second criterion of one in place of the
    top of the other saves, for one of the two ways round, at least half of what the two
    bundles save together (positive). So a cheapest set is the j cheapest bundles, at most one
    more bundle's top, and the cheapest items; a scan over j finds it.

    Why it is the same set. The knapsack breaks ties in a fixed way: fewest criteria in trees,
    then the criteria on their own earliest in the order; in the trees, as many as can be from
    the last tree, then the one before, and so on, and in a tree the latest criteria. Each
    cost here is raised by small amounts that say exactly that (scaled so that no sum of them
    outweighs one unit of cost), so the cheapest set under the raised costs is unique, and it
    is the one the knapsack reads back. The integers grow with the number of trees (a few bits
    each); Python's integers are exact at any size. So it takes O(N log N) steps on integers
    of O(trees) bits: measured, 25 ms at 4,300 criteria (1,400 trees), 1.4 s at 43,000 and
    9 s at 100,000, where the knapsack's tables no longer fit and the branch and bound took
    4.5 s at 43,000 without proving its set.
    """
    size = len(costs)
    trees = [k for k in range(size) if not parents[k] and children[k]]
    # The raised costs, from the least significant: the order of criteria on their own and in
    # a tree (all of it below `1 << lexical`); the trees' weights, each tree's above all that
    # the trees before it can add (the last tree heaviest: one more criterion from it
    # outweighs any choice in the trees before); one unit of `in_tree` per criterion in a tree
    # (outweighs all the weights); and the cost in units of `unit` (outweighs everything).
    lexical = (2 * size * size + 2).bit_length()
    weights = []
    shift = lexical
    for top in trees:
        weights.append(1 << shift)
        shift += (len(children[top]) + 1).bit_length() + 1
    in_tree = 1 << (shift + 1)
    unit = 1 << (in_tree.bit_length() + count.bit_length() + 1)
    items: list[tuple[int, int]] = [
        (costs[k] * unit + k + 1, k) for k in range(size) if not parents[k] and not children[k]
    ]
    bundles: list[tuple[int, int, int, int]] = []  # (both, top, second, tree index)
    for j, (top, weight) in enumerate(zip(trees, weights, strict=True)):
        raised = costs[top] * unit + in_tree - weight
        below = [(costs[k] * unit + in_tree - weight + size - k, k) for k in children[top]]
        if min(below)[0] >= raised:
            items.append((raised, top))
            items.extend(below)
        elif len(below) == 1:
            bundles.append((raised + below[0][0], raised, below[0][0], j))
        else:  # never: _pairs_fit() said every tree is a pair or convex
            raise AssertionError(top)
    if count > len(items) + 2 * len(bundles):
        return None
    items.sort()
    bundles.sort()
    taken_items = [0]
    for raised, _ in items:
        taken_items.append(taken_items[-1] + raised)
    taken_bundles = [0]
    for both, _, _, _ in bundles:
        taken_bundles.append(taken_bundles[-1] + both)
    # For the one bundle whose top alone is taken: among the first j + 1 bundles, the one with
    # the dearest second criterion (left out); after them, the cheapest top.
    dearest_second: list[int] = []
    for n, bundle in enumerate(bundles):
        if not dearest_second or bundle[2] > bundles[dearest_second[-1]][2]:
            dearest_second.append(n)
        else:
            dearest_second.append(dearest_second[-1])
    cheapest_top: list[int] = [0] * len(bundles)
    for n in reversed(range(len(bundles))):
        later = n + 1 < len(bundles) and bundles[cheapest_top[n + 1]][1] < bundles[n][1]
        cheapest_top[n] = cheapest_top[n + 1] if later else n
    # Each option: its raised cost, the items taken, the first bundles taken, and among those
    # (or after them) the one whose top alone is taken (-1: none).
    best: tuple[int, int, int, int] | None = None
    for j in range(len(bundles) + 1):
        rest = count - 2 * j
        options = []
        if 0 <= rest < len(taken_items):
            options.append((taken_bundles[j] + taken_items[rest], rest, j, -1))
        if j < len(bundles) and 0 <= rest - 1 < len(taken_items):
            among, after = dearest_second[j], cheapest_top[j]
            with_items = taken_items[rest - 1]
            options.append(
                (taken_bundles[j + 1] - bundles[among][2] + with_items, rest - 1, j + 1, among)
            )
            options.append((taken_bundles[j] + bundles[after][1] + with_items, rest - 1, j, after))
        for option in options:
            if best is None or option[0] < best[0]:
                best = option
    if best is None:
        return None
    _, taken, whole, alone = best
    chosen = [k for _, k in items[:taken]]
    for n in range(whole):
        if n != alone:
            top = trees[bundles[n][3]]
            chosen += [top, children[top][0]]
    if alone >= 0:
        chosen.append(trees[bundles[alone][3]])
    return sorted(chosen)


def _pairs_fit(costs: list[int], parents: list[list[int]], waiting: list[list[int]]) -> bool:
    """Whether :func:`_pairs_cheapest` serves: every criterion something waits on waits on
    nothing itself, and has one criterion waiting on it or none cheaper than itself."""
    for k, below in enumerate(waiting):
        if below and (parents[k] or (len(below) > 1 and min(costs[d] for d in below) < costs[k])):
            return False
    return True


def search_budget(candidates: int) -> int:
    """How many steps the search of :func:`cheapest` may take over ``candidates`` criteria:
    enough to prove the cheapest set of any revision of the size the program publishes (and
    of every revision of up to 16 criteria), and growing linearly, so planning a revision of
    100,000 criteria takes seconds, not years.

    >>> search_budget(43), search_budget(100_000)
    (200086, 400000)
    """
    return _BUDGET_BASE + _BUDGET_PER_CRITERION * candidates


_BUDGET_BASE = 200_000
_BUDGET_PER_CRITERION = 2


def cheapest(
    standard: Standard, met: set[int], work: Mapping[int, Work], target: Tier
) -> tuple[list[int], float, bool] | None:
    """The cheapest prerequisite-closed set of criteria (indices) that, added to ``met``,
    reaches ``target``, its effort, and whether it is proven the cheapest; ``None`` when no
    set reaches it (see the module's notes on the two ways it is found)."""
    order = candidate_order(work, met)
    if isinstance(standard.tier_rule, PercentageBands) and not any(
        work[i].prerequisites for i in order
    ):
        # Only the number of criteria counts and nothing waits on anything (every published
        # revision): the cheapest set is the cheapest criteria, which the order lists first,
        # with the ties as the knapsack breaks them (published order). Proven, no search.
        tally = standard.tier_rule.tally(standard.criteria)
        for i in met:
            tally.add(i)
        count = tally.needed(target)
        if count is None or count > len(order):
            return None
        return order[:count], sum(work[i].effort for i in order[:count]), True
    efforts = [work[i].effort for i in order]
    costs = _exact_costs(efforts)
    position_of = {i: k for k, i in enumerate(order)}
    parents = [[position_of[p] for p in work[i].prerequisites if p in position_of] for i in order]
    # The positions that wait on each position.
    waiting: list[list[int]] = [[] for _ in order]
    for k, above in enumerate(parents):
        for p in above:
            waiting[p].append(k)
    tally = standard.tier_rule.tally(standard.criteria)
    for i in met:
        tally.add(i)
    # Every candidate in turn, up to the tier: a set that reaches it if any does (meeting
    # more never lowers the tier), and what the search keeps should its budget run out.
    first: list[int] = []
    for k in range(len(order)):
        if tally.needed(target) == 0:
            break
        tally.add(order[k])
        first.append(k)
    reached = tally.needed(target) == 0
    for k in first:
        tally.remove(order[k])
    if not reached:
        return None
    count = tally.needed(target)
    assert count is not None
    found: list[int] | None = None
    exact = True
    if _knapsack_fits(standard, parents):
        if _pairs_fit(costs, parents, waiting):
            found = _pairs_cheapest(costs, parents, waiting, count)
        elif _knapsack_cells(parents, waiting, count) <= _KNAPSACK_CELLS:
            found = _forest_cheapest(costs, parents, count)
    if found is None:
        found, exact = _search(costs, waiting, order, tally, target)
    if found is None:
        found = first
    return [order[k] for k in found], sum(efforts[k] for k in found), exact


def _search(
    costs: list[int], waiting: list[list[int]], order: list[int], tally: Tally, target: Tier
) -> tuple[list[int] | None, bool]:
    """The branch and bound: the cheapest positions whose criteria, added to the tally, reach
    ``target``, and whether the search finished within :func:`search_budget`."""
    open_costs = _Cheapest(costs)
    blocked = [0] * len(order)
    chosen: list[int] = []
    best: list[int] | None = None
    best_cost = 0
    steps_left = search_budget(len(order))

    # A depth-first search over "take position k" then "leave it out", on a stack of its own
    # rather than Python's (a revision of thousands of criteria would exceed the recursion
    # limit): each entry is a position, the cost so far, and what to do there. Deciding a
    # position closes it among the open costs; undoing the decision opens it again.
    enter, after_take, after_leave = 0, 1, 2
    stack: list[tuple[int, int, int]] = [(0, 0, enter)]
    while stack:
        k, cost, step = stack.pop()
        if step == after_leave:
            for d in waiting[k]:
                blocked[d] -= 1
                if blocked[d] == 0:
                    open_costs.open(d)
            if blocked[k] == 0:
                open_costs.open(k)
            continue
        if step == after_take:
            chosen.pop()
            tally.remove(order[k])
        else:
            steps_left -= 1
            if steps_left < 0:
                break
            count = tally.needed(target)
            if count is None:
                continue
            if count == 0:
                if best is None or cost < best_cost:
                    best, best_cost = list(chosen), cost
                continue
            if k >= len(order):
                continue
            rest = open_costs.cheapest_sum(count)
            if rest is None or (best is not None and cost + rest >= best_cost):
                continue
            if blocked[k] == 0:
                open_costs.close(k)
                tally.add(order[k])
                chosen.append(k)
                stack.append((k, cost, after_take))
                stack.append((k + 1, cost + costs[k], enter))
                continue
        # Leave position k out (closed already: decided, or blocked by a prerequisite left
        # out), and close what waits on it; then search on.
        for d in waiting[k]:
            blocked[d] += 1
            if blocked[d] == 1:
                open_costs.close(d)
        stack.append((k, cost, after_leave))
        stack.append((k + 1, cost, enter))
    return best, steps_left >= 0


def _knapsack_fits(standard: Standard, parents: list[list[int]]) -> bool:
    """Whether the knapsack over prerequisite trees serves (:func:`_pairs_cheapest`, or
    :func:`_forest_cheapest` up to :data:`_KNAPSACK_CELLS` cells): only the number of criteria
    counts (percentage bands) and every criterion waits on one other at most."""
    if not isinstance(standard.tier_rule, PercentageBands):
        return False
    return all(len(above) <= 1 for above in parents)


def _knapsack_cells(parents: list[list[int]], waiting: list[list[int]], count: int) -> int:
    """The cells the tables of :func:`_forest_cheapest` hold at the most: criteria in trees
    times criteria needed."""
    in_trees = sum(1 for above, below in zip(parents, waiting, strict=True) if above or below)
    return in_trees * count


_KNAPSACK_CELLS = 10_000_000
"""The most table cells the knapsack fills (criteria in prerequisite trees times criteria
needed): about a second and 60 MB, measured on a forest of 4,300 criteria (5.4 million cells,
0.8 s, 32 MB); larger trees go to the branch and bound."""
