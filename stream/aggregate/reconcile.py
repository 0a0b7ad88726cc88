"""PURE: reconcile overlapping reporting windows of one claimant/weapon/measure.

A claimant often reports one night in pieces and then sums it up ("20:00-23:00:
48", "23:00-07:00: 120", "over the past 24 hours: 168"). Counting all three
would say 336. Here windows form a containment forest: each claim's parent is
the smallest window that strictly contains it. Walking children before parents,

    total(x)   = max(count(x), sum(total(child)))
    counted(x) = count(x)                                   if x has no children
               = max(0, count(x) - sum(total(child)))       otherwise

so a summary only adds the part its pieces did not cover (200 vs 168 adds 32),
and `parts(x) = sum(total(child))` is kept so a summary smaller than its pieces
is exposed as a data-quality flag. Windows that merely overlap (neither contains
the other) are counted in full: the split of the overlap is unknown.

The result depends only on the set of windows, never on arrival order.
"""

from __future__ import annotations

from collections.abc import Sequence

# (claim_id, window_start, window_end, count)
Item = tuple[str, int, int, int]


def _order(it: Item) -> tuple[int, int, str]:
    return (it[2] - it[1], it[1], it[0])


def _contains(outer: Item, inner: Item) -> bool:
    return (
        outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and _order(inner) < _order(outer)
    )


def allocate(items: Sequence[Item]) -> tuple[dict[str, int], dict[str, int]]:
    """Counted part of each claim, and the parts-sum of each claim that has children."""
    ordered = sorted(items, key=_order)
    children: dict[str, list[str]] = {it[0]: [] for it in ordered}
    for i, inner in enumerate(ordered):
        # The parent is the first (smallest) later item that contains `inner`.
        for outer in ordered[i + 1 :]:
            if _contains(outer, inner):
                children[outer[0]].append(inner[0])
                break
    total: dict[str, int] = {}
    counted: dict[str, int] = {}
    parts: dict[str, int] = {}
    for cid, _ws, _we, count in ordered:
        kids = children[cid]
        if not kids:
            total[cid] = counted[cid] = count
            continue
        s = sum(total[k] for k in kids)
        parts[cid] = s
        total[cid] = max(count, s)
        counted[cid] = max(0, count - s)
    return counted, parts


def component(windows: dict[str, tuple[int, int]], seed: tuple[int, int]) -> set[str]:
    """Claims connected to `seed` through overlapping windows (half-open intervals)."""
    lo, hi = seed
    members: set[str] = set()
    while True:
        grown = False
        for cid, (ws, we) in windows.items():
            if cid in members or not (ws < hi and lo < we):
                continue
            members.add(cid)
            if ws < lo or we > hi:
                lo, hi = min(lo, ws), max(hi, we)
                grown = True
        if not grown:
            return members
