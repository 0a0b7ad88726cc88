"""PURE: casualty and damage claims reconciled across nested windows.

The same containment rule as counts (reconcile.py), applied per side for
casualties and per damage kind for damage, within one key (region): a 24-hour
toll of 3 killed whose night piece said 2 adds 1, not 3; a 24-hour "fire" over
a night that already reported a fire adds no second fire. Killed and injured
are reconciled separately. Casualties are grouped by the claimant's side (ru /
ua / other), as their identity is (claims.casualties_id): a governor's night
toll and a regional HQ's daily toll speak of the same dead.

`state.tolls` holds the counted (a, b) of a claim only where it differs from its
value (a contained piece or a plain claim costs no entry), as counts need `parts` only
for summaries with pieces.
"""

from __future__ import annotations

from stream.aggregate.reconcile import affected, allocate
from stream.aggregate.state import (
    KIND,
    META,
    Cid,
    Rec,
    RegionState,
    index_add,
    span_of,
    toll_group,
    window_lookup,
)


def value(rec: Rec) -> tuple[int, int]:
    """(killed, injured) of a casualty claim; (1, 0) for a damage claim: one event."""
    if rec[META][KIND] == "damage":
        return 1, 0
    cur = rec[-1]  # the value in force: (a, b, qualifier, source)
    return cur[0], cur[1]


def toll_counted(state: RegionState, cid: Cid, rec: Rec) -> tuple[int, int]:
    """What a casualty or damage claim adds to window totals after reconciliation."""
    return state.tolls.get(cid) or value(rec)


def reconcile_toll(state: RegionState, cid: Cid, rec: Rec, new: bool,
                   was: tuple[int, int] | None = None) -> None:
    """Re-reconcile a new (`new`) or changed casualty/damage claim with the windows
    around it (`span_of`; `was`: its window before an earlier relay shortened it)."""
    g = toll_group(rec)
    if g is None:
        return
    if new:
        index_add(state, state.toll_groups, g, cid, rec)
    claims = state.claims
    lookup = window_lookup(state, state.toll_groups[g], g)
    comp, needed = affected(lookup, (cid, *span_of(rec)))
    if was is not None:
        comp_was, needed_was = affected(lookup, (cid, *was))
        comp, needed = comp | comp_was, needed | needed_was
    vals = {m: value(claims[m]) for m in needed}
    wins = {m: span_of(claims[m]) for m in needed}
    got_a, _ = allocate([(m, *wins[m], vals[m][0]) for m in needed])
    got_b, _ = allocate([(m, *wins[m], vals[m][1]) for m in needed])
    for m in comp:
        got = (got_a[m], got_b[m])
        if got == vals[m]:
            state.tolls.pop(m, None)
        else:
            state.tolls[m] = got


def drop_toll(state: RegionState, cid: Cid, rec: Rec) -> None:
    """Forget an evicted claim (its containers keep their counted part, as counts do)."""
    state.tolls.pop(cid, None)
    g = toll_group(rec)
    if g is not None and g in state.toll_groups:
        members = state.toll_groups[g]
        members.remove(cid)
        if not members:
            del state.toll_groups[g]
