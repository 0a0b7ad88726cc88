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

from collections.abc import Callable, Sequence

# (claim id as int, window_start, window_end, count) and (id, window_start, window_end)
Item = tuple[int, int, int, int]
Window = tuple[int, int, int]


def _order(it: Item | Window) -> tuple[int, int, int]:
    return (it[2] - it[1], it[1], it[0])


#: the order containment follows (children before their parents)
contains_order = _order


def _contains(outer: Item | Window, inner: Item | Window) -> bool:
    return (
        outer[1] <= inner[1]
        and inner[2] <= outer[2]
        and _order(inner) < _order(outer)
    )


def allocate(items: Sequence[Item]) -> tuple[dict[int, int], dict[int, int]]:
    """Counted part of each claim, and the parts-sum of each claim that has children."""
    ordered = sorted(items, key=_order)
    n = len(ordered)
    # Children come before their parent in `ordered` (a child's order is smaller),
    # so one pass sees every child's total before its parent needs the sum.
    kids: dict[int, int] = {}  # parent -> sum of its children's totals
    counted: dict[int, int] = {}
    parts: dict[int, int] = {}
    for i, (cid, ws, we, count) in enumerate(ordered):
        s = kids.get(cid)
        if s is None:
            total = counted[cid] = count
        else:
            parts[cid] = s
            total = count if count > s else s
            counted[cid] = count - s if count > s else 0
        # The parent is the first (smallest) later item that contains this one (every
        # later item has a larger order, and ids are distinct: see _contains).
        for j in range(i + 1, n):
            outer = ordered[j]
            if outer[1] <= ws and we <= outer[2]:
                kids[outer[0]] = kids.get(outer[0], 0) + total
                break
    return counted, parts


def _within(outer: Item | Window, inner: Item | Window) -> bool:
    return outer[0] == inner[0] or _contains(outer, inner)


def affected(lookup: Callable[[int, int], Sequence[Window]],
             changed: Window, around: Sequence[Window] | None = None) -> tuple[set[int], set[int]]:
    """(claims whose counted part may change, claims to allocate them over) when
    `changed` is added or changes value.

    Changed: `changed`, and every window containing `changed` or anything inside
    it (inserting a window can take a child away from its old parent, and totals
    move up the chain). To recompute those exactly, allocate() needs everything
    inside them and every container of those (a child goes to its SMALLEST
    container): all of it overlaps the hull of the changed windows, so that hull
    is what is allocated over. Everything else keeps its counted part.

    `lookup(lo, hi)` gives the group's windows that touch [lo, hi] (ws <= hi and
    lo <= we); `changed` may be among them. `around`: the group's windows touching an
    interval that holds `changed`'s, already looked up (its own lookup is then spared).
    """
    cid, cs, ce = changed
    corder = (ce - cs, cs, cid)
    # touches `changed`; the claim itself as `changed` says (it may be the window it had
    # before: the state's may differ, shorter or longer, after an earlier report)
    if around is None:
        near = [it for it in lookup(cs, ce) if it[0] != cid]
    else:
        near = [it for it in around if it[0] != cid and it[1] <= ce and cs <= it[2]]
    # inner: `changed` and what it contains (_within(changed, it), inlined)
    inner = [changed, *(it for it in near
                        if cs <= it[1] and it[2] <= ce and (it[2] - it[1], it[1], it[0]) < corder)]
    # moved: what is `changed` or contains any of `inner` (_within(it, x), inlined)
    inner_ids = {x[0] for x in inner}
    moved = [changed]
    for it in near:
        m, ws, we = it
        if m in inner_ids:
            moved.append(it)
            continue
        order = (we - ws, ws, m)
        for x in inner:
            if ws <= x[1] and x[2] <= we and (x[2] - x[1], x[1], x[0]) < order:
                moved.append(it)
                break
    lo, hi = min(it[1] for it in moved), max(it[2] for it in moved)
    needed = {it[0] for it in lookup(lo, hi)}
    return {it[0] for it in moved}, needed | {cid}
