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

# (claim_id, window_start, window_end, count) and (claim_id, window_start, window_end)
Item = tuple[str, int, int, int]
Window = tuple[str, int, int]


def _order(it: Item | Window) -> tuple[int, int, str]:
    return (it[2] - it[1], it[1], it[0])


def _contains(outer: Item | Window, inner: Item | Window) -> bool:
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


def affected(items: Sequence[Window], changed: Window) -> set[str]:
    """Claims to re-allocate when `changed` is added or changes value.

    Only `changed` and the windows containing it can change their counted part;
    recomputing them needs everything inside them, so those come along too.
    (Plain comparisons rather than `_contains`: this runs over a whole group per
    record.)
    """
    cs, ce = changed[1], changed[2]
    co = _order(changed)
    tops = [it for it in items
            if it[1] <= cs and ce <= it[2] and (it[2] - it[1] > ce - cs or co <= _order(it))]
    out: set[str] = set()
    for top in tops:
        ts, te = top[1], top[2]
        dur, to = te - ts, _order(top)
        out.update(it[0] for it in items
                   if ts <= it[1] and it[2] <= te and (it[2] - it[1] < dur or _order(it) <= to))
    return out
