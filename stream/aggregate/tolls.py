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

A toll that says which earlier figure it corrects ("не 5, а 3 человека погибли": killed
3, before 5; `Claim.killed_before`) replaces that figure where it finds it: a piece of
its window whose total is the corrected figure (the official's first post of 5) counts
the new figure instead, and the correction adds nothing of its own. Without the mark a
later toll of the day holding the first post as a piece counted max(3, 5) = 5: a total
never counts less than its pieces. The other pieces of its window (the day's other
incidents) keep their figures: "не 5, а 3" about one town corrects that town's figure,
not the region's day. Where no piece has the corrected figure, the toll counts as any
other (the figure it corrects is outside its window, or was never seen).
"""

from __future__ import annotations

from sys import intern

from stream.aggregate.reconcile import Item, affected, allocate, contains_order
from stream.aggregate.state import (
    KIND,
    META,
    V_QUAL,
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


def tagged(qualifier: str, killed_before: int, injured_before: int) -> str:
    """The qualifier slot of a casualties version that corrects earlier figures
    ("exact>5/0": killed 5 before, injured not corrected): part of the version's
    value, so the state keeps it with no field of its own."""
    return intern(f"{qualifier}>{killed_before}/{injured_before}")


def corrects(rec: Rec) -> tuple[int, int]:
    """(killed, injured) figures the value in force says it corrects (0: none)."""
    qual = rec[-1][V_QUAL - 2]  # the value in force: (a, b, qualifier, source)
    if ">" not in qual:
        return 0, 0
    a, _, b = qual.partition(">")[2].partition("/")
    return int(a), int(b)


def qualifier_of(qual: str) -> str:
    """The claim's own qualifier of a version's qualifier slot (without `tagged`'s mark)."""
    return qual.partition(">")[0]


def allocate_corrected(items: list[Item], before: dict[int, int]) -> tuple[dict[int, int], set[int]]:
    """`reconcile.allocate`'s counted parts, where a claim with a corrected figure
    (`before`: id -> the figure it corrects) replaces the piece of its window with that
    total: the piece (the first such child, by window order) counts the corrected
    figure's difference less, the claim nothing of its own, and its total is its
    pieces' with that one replaced. Also gives the children of such claims: their
    counted parts depend on it."""
    if not before:
        return allocate(items)[0], set()
    ordered = sorted(items, key=contains_order)
    n = len(ordered)
    kids: dict[int, list[int]] = {}
    total: dict[int, int] = {}
    counted: dict[int, int] = {}
    touched: set[int] = set()
    for i, (cid, ws, we, count) in enumerate(ordered):
        children = kids.get(cid)
        if children is None:
            t = counted[cid] = count
        else:
            s = sum(total[c] for c in children)
            r = before.get(cid, 0)
            match = next((c for c in children if total[c] == r), None) if r else None
            if match is not None:
                touched.update(children)
                counted[match] = max(0, counted[match] + count - r)
                t, counted[cid] = s - r + count, 0
            else:
                t = count if count > s else s
                counted[cid] = count - s if count > s else 0
        total[cid] = t
        order = contains_order((cid, ws, we))
        for j in range(i + 1, n):  # the parent: the first (smallest) later container
            outer = ordered[j]
            if outer[1] <= ws and we <= outer[2] and order < contains_order(outer):
                kids.setdefault(outer[0], []).append(cid)
                break
    return counted, touched


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
    # [-1][2]: the qualifier of the value in force, tagged where it corrects (`tagged`)
    fixes = {m: corrects(claims[m]) for m in needed if ">" in claims[m][-1][2]}
    got_a, touched_a = allocate_corrected([(m, *wins[m], vals[m][0]) for m in needed],
                                          {m: f[0] for m, f in fixes.items() if f[0]})
    got_b, touched_b = allocate_corrected([(m, *wins[m], vals[m][1]) for m in needed],
                                          {m: f[1] for m, f in fixes.items() if f[1]})
    # a correction moves its pieces' counted parts: those inside a changed correction
    # (its window lies inside what was looked up, so theirs are exact here)
    if fixes:
        comp = comp | ((touched_a | touched_b) & _inside(comp, wins))
    for m in comp:
        got = (got_a[m], got_b[m])
        if got == vals[m]:
            state.tolls.pop(m, None)
        else:
            state.tolls[m] = got


def _inside(comp: set[int], wins: dict[int, tuple[int, int]]) -> set[int]:
    """The looked-up claims whose window lies inside one of `comp`'s."""
    spans = [wins[m] for m in comp if m in wins]
    return {m for m, (ws, we) in wins.items() if any(s <= ws and we <= e for s, e in spans)}


def drop_toll(state: RegionState, cid: Cid, rec: Rec) -> None:
    """Forget an evicted claim (its containers keep their counted part, as counts do)."""
    state.tolls.pop(cid, None)
    g = toll_group(rec)
    if g is not None and g in state.toll_groups:
        members, starts = state.toll_groups[g], state.starts[g]
        i = members.index(cid)
        del members[i], starts[i]
        if not members:
            del state.toll_groups[g], state.starts[g]
