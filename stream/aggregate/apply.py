"""PURE: apply one Claim to a RegionState -> (state, Applied).

Semantics (order-independent and idempotent by construction):
- Identity: `claim_id`. Each identity keeps, per distinct value, the first
  appearance of that value (smallest (published_at, report_id)) and the set of
  sources. The value in force is the one whose first appearance is latest, so a
  relay re-publishing an old value later does not undo a correction, and the
  result is a function of the SET of claims seen, not of their order.
  (Limit: a correction back to an earlier value, 4 -> 9 -> 4, stays at 9.)
- Outcomes: "new" (identity unseen), "correction" (value in force changed),
  "relay" (value in force, new source), "stale" (an older value; only its
  source is recorded), "duplicate" (nothing new, or (partition, offset) at or
  below the partition's watermark), "late" (window_end older than the
  event-time watermark minus `lateness`; NOT applied, caller routes to the DLQ).
- Counts of one (claimant, weapon, measure) are reconciled across nested
  windows (reconcile.py); `deltas` report how hourly totals moved.
- Event time = window_end; a claim lands in the hour bucket holding its last
  instant, i.e. bucket h holds window ends in (h, h+1h].
- Eviction: claims whose window_end is older than watermark - 7 days - lateness
  (floored to the hour) are dropped.
The state is mutated in place and returned (copying it per record would cost
O(state)); callers keep only the returned object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

from stream.aggregate.reconcile import allocate, component
from stream.aggregate.state import (
    SOURCES,
    V_A,
    V_B,
    V_PUB,
    V_RID,
    VERSIONS,
    WE,
    WS,
    Rec,
    RegionState,
    Version,
    current,
    group_of,
)
from stream.models import Claim

Outcome = Literal["new", "relay", "correction", "stale", "duplicate", "late"]
Delta = tuple[datetime, str, str, str, int]  # (hour_start, claimant, weapon, measure, delta)

RETENTION = timedelta(days=7)
EXCERPTS_KEPT = 200  # excerpts are kept for the newest claims only (memory)
HOUR = 3600


@dataclass(frozen=True)
class Applied:
    outcome: Outcome
    claim_id: str
    deltas: list[Delta] = field(default_factory=list)


def ts(dt: datetime) -> int:
    return int(dt.timestamp())


def hour_of_end(we: int) -> int:
    """Bucket start of an event ending at `we`: the hour holding its last instant."""
    return ((we - 1) // HOUR) * HOUR


def _value(claim: Claim) -> tuple[int, int]:
    if claim.kind == "count":
        return claim.count, 0
    if claim.kind == "casualties":
        return claim.killed, claim.injured
    return 0, 0


def _version(claim: Claim) -> Version:
    a, b = _value(claim)
    return (ts(claim.published_at), claim.report_id, a, b, claim.qualifier, claim.source,
            claim.lang, claim.span[0], claim.span[1])


def _merge(rec: Rec | None, claim: Claim) -> Rec:
    """Record after adding `claim`: keep each value's first appearance, union sources."""
    v = _version(claim)
    if rec is None:
        return ("count" if claim.kind == "count" else claim.kind, claim.claimant, claim.weapon,
                claim.measure, claim.damage_kind, ts(claim.window_start), ts(claim.window_end),
                (v,), (claim.source,))
    versions = list(rec[VERSIONS])
    for i, old in enumerate(versions):
        if (old[V_A], old[V_B]) == (v[V_A], v[V_B]):
            if (v[V_PUB], v[V_RID]) < (old[V_PUB], old[V_RID]):
                versions[i] = v
            break
    else:
        versions.append(v)
    sources = rec[SOURCES]
    if claim.source not in sources:
        sources = tuple(sorted((*sources, claim.source)))
    return (*rec[:VERSIONS], tuple(versions), sources)


def _outcome(old: Rec | None, new: Rec, claim: Claim) -> Outcome:
    if old is None:
        return "new"
    cur_old, cur_new = current(old), current(new)
    if (cur_old[V_A], cur_old[V_B]) != (cur_new[V_A], cur_new[V_B]):
        return "correction"
    if _value(claim) != (cur_new[V_A], cur_new[V_B]):
        return "stale"
    if claim.source not in old[SOURCES] or old != new:
        return "relay"
    return "duplicate"


def _reallocate(state: RegionState, cid: str, rec: Rec) -> list[Delta]:
    """Re-reconcile the overlap component of a count claim; return hourly deltas."""
    g = group_of(rec)
    if g is None:
        return []
    members = state.groups.setdefault(g, set())
    members.add(cid)
    windows = {m: (state.claims[m][WS], state.claims[m][WE]) for m in members}
    comp = component(windows, (rec[WS], max(rec[WE], rec[WS] + 1)))
    comp.add(cid)
    items = [(m, windows[m][0], windows[m][1], current(state.claims[m])[V_A]) for m in comp]
    counted, parts = allocate(items)
    moved: dict[int, int] = {}
    for m in comp:
        d = counted[m] - state.contrib.get(m, 0)
        state.contrib[m] = counted[m]
        if m in parts:
            state.parts[m] = parts[m]
        else:
            state.parts.pop(m, None)
        if d:
            h = hour_of_end(windows[m][1])
            moved[h] = moved.get(h, 0) + d
    return [(datetime.fromtimestamp(h, UTC), g[0], g[1], g[2], d)
            for h, d in sorted(moved.items()) if d]


def _keep_excerpt(state: RegionState, cid: str, claim: Claim, rec: Rec) -> None:
    # Ranked by (window_end, claim_id): fixed per identity, so the kept set does
    # not depend on arrival order.
    cur = current(rec)
    if (cur[V_PUB], cur[V_RID]) != (ts(claim.published_at), claim.report_id):
        return  # this claim is not the version in force
    state.excerpts[cid] = (claim.excerpt, claim.excerpt_start)
    if len(state.excerpts) > EXCERPTS_KEPT:
        drop = min(state.excerpts, key=lambda c: (state.claims[c][WE], c))
        del state.excerpts[drop]


def _evict(state: RegionState, lateness: timedelta) -> None:
    if state.watermark is None:
        return
    horizon = state.watermark - int((RETENTION + lateness).total_seconds())
    horizon -= horizon % HOUR
    if horizon <= state.evicted_before:
        return
    state.evicted_before = horizon
    for cid in [c for c, r in state.claims.items() if r[WE] < horizon]:
        rec = state.claims.pop(cid)
        state.contrib.pop(cid, None)
        state.parts.pop(cid, None)
        state.excerpts.pop(cid, None)
        g = group_of(rec)
        if g is not None and g in state.groups:
            state.groups[g].discard(cid)
            if not state.groups[g]:
                del state.groups[g]


def apply(
    state: RegionState,
    claim: Claim,
    *,
    partition: int,
    offset: int,
    lateness: timedelta = RETENTION,
) -> tuple[RegionState, Applied]:
    """Apply `claim` read at `partition`@`offset`; see the module docstring."""
    cid = claim.claim_id
    last = state.offsets.get(partition)
    if last is not None and offset <= last:
        return state, Applied("duplicate", cid)
    state.offsets[partition] = offset
    we = ts(claim.window_end)
    if state.watermark is not None and we < state.watermark - int(lateness.total_seconds()):
        return state, Applied("late", cid)
    old = state.claims.get(cid)
    rec = _merge(old, claim)
    outcome = _outcome(old, rec, claim)
    if old == rec:
        return state, Applied(outcome, cid)
    state.claims[cid] = rec
    deltas: list[Delta] = []
    if old is None or current(old)[V_A:V_B + 1] != current(rec)[V_A:V_B + 1]:
        deltas = _reallocate(state, cid, rec)
    _keep_excerpt(state, cid, claim, rec)
    if state.watermark is None or we > state.watermark:
        state.watermark = we
        _evict(state, lateness)
    return state, Applied(outcome, cid, deltas)


__all__ = ["Applied", "Delta", "Outcome", "apply", "hour_of_end", "ts"]
