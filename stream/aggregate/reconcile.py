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

# (claim id as int, window_start, window_end, count) and (id, window_start, window_end)
Item = tuple[int, int, int, int]
Window = tuple[int, int, int]


def _order(it: Item | Window) -> tuple[int, int, int]:
    return (it[2] - it[1], it[1], it[0])


def _contains(outer: Item | Window, inner: Item | Window) -> bool:
    return (
        outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and _order(inner) < _order(outer)
    )


def allocate(items: Sequence[Item]) -> tuple[dict[int, int], dict[int, int]]:
    """Counted part of each claim, and the parts-sum of each claim that has children."""
    ordered = sorted(items, key=_order)
    children: dict[int, list[int]] = {it[0]: [] for it in ordered}
    for i, inner in enumerate(ordered):
        # The parent is the first (smallest) later item that contains `inner`.
        for outer in ordered[i + 1 :]:
            if _contains(outer, inner):
                children[outer[0]].append(inner[0])
                break
    total: dict[int, int] = {}
    counted: dict[int, int] = {}
    parts: dict[int, int] = {}
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


def _within(outer: Item | Window, inner: Item | Window) -> bool:
    return outer[0] == inner[0] or _contains(outer, inner)


def affected(items: Sequence[Window], changed: Window) -> tuple[set[int], set[int]]:
    """(claims whose counted part may change, claims to allocate them over) when
    `changed` is added or changes value.

    Changed: `changed`, and every window containing `changed` or anything inside
    it (inserting a window can take a child away from its old parent, and totals
    move up the chain). To recompute those exactly, allocate() needs everything
    inside them and every container of those (a child goes to its SMALLEST
    container): all of it overlaps the hull of the changed windows, so that hull
    is what is allocated over. Everything else keeps its counted part.
    """
    cs, ce = changed[1], changed[2]
    near = [it for it in items if it[1] <= ce and cs <= it[2]]  # touches `changed`
    inner = [it for it in near if _within(changed, it)]
    if not any(it[0] == changed[0] for it in inner):
        inner.append(changed)
    moved = [it for it in near if any(_within(it, x) for x in inner)]
    if not any(it[0] == changed[0] for it in moved):
        moved.append(changed)
    lo, hi = min(it[1] for it in moved), max(it[2] for it in moved)
    needed = {it[0] for it in items if it[1] <= hi and lo <= it[2]}
    return {it[0] for it in moved}, needed | {changed[0]}
