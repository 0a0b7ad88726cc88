"""PURE: apply one Claim to a RegionState -> (state, Applied).

Semantics (order-independent and idempotent by construction):
- Identity: `claim_id`. Each identity keeps, per distinct value and qualifier,
  the first appearance of that value (smallest (published_at, report_id)) and the
  set of sources. The value in force is the one whose first appearance is latest, so a
  relay re-publishing an old value later does not undo a correction, and the
  result is a function of the SET of claims seen, not of their order.
  (Limit: a correction back to an earlier value, 4 -> 9 -> 4, stays at 9.)
  A rounded figure that restates an exact one published before it ("more than
  300" after 312) is no version: a relay, not a correction (_without_restated); nor
  is a toll that restates part of an earlier one (the dead only: _without_partial).
- Outcomes: "new" (identity unseen), "correction" (value in force changed),
  "relay" (value in force, new source), "stale" (an older value; only its
  source is recorded), "duplicate" (nothing new, or (partition, offset) at or
  below the partition's watermark), "late" (window_end older than the
  claim's own published_at minus `lateness`; NOT applied, the caller routes it to
  the DLQ), "expired" (behind the eviction horizon; NOT applied, only counted).
- Counts of one (claimant, weapon, measure) are reconciled across nested
  windows (reconcile.py); `deltas` report how hourly totals moved. Casualties
  (per side) and damage (per kind) likewise (tolls.py).
- Event time of a claim = min(window_end, its published_at rounded up to the
  hour); of an identity, the same with its earliest publication (state.event_of),
  so a report with no time phrase (window = the local calendar day) lands in
  its publication hour, not at the day's end. A claim lands in the hour bucket
  holding its event time's last instant, i.e. bucket h holds event times in
  (h, h+1h]; an earlier relay moves the identity to an earlier bucket.
- Claimant: a damage or casualties identity does not include it; the record
  keeps its earliest claim's (see _merge), so it is order-independent too.
- Watermark = max event time of the claims taken (every outcome but "duplicate"
  by offset, "late" and "expired", a relay that changes nothing included, so it
  does not depend on which of two claims came first); `Applied.event_time` is the
  claim's own event time, which a caller's as_of watermark must use (the
  model's `Claim.event_time` is the raw window end). Eviction: claims whose
  event time is older than watermark - 7 days - lateness (floored to 6 hours)
  are dropped. (Edge: a relay of an already evicted identity published up to a
  day later may come back as a fresh identity; it lands near the horizon, which
  is 14 days back with the default lateness, outside every window served.)
The state is mutated in place and returned (copying it per record would cost
O(state)); callers keep only the returned object.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

from stream.aggregate.fact import Fact
from stream.aggregate.reconcile import affected, allocate
from stream.aggregate.relays import neighbours, reach, shadowed
from stream.aggregate.state import (
    CLAIMANT,
    FIRST,
    HOUR,
    HOURS,
    KIND,
    META,
    NO_EXCERPT,
    SOURCES,
    V_A,
    V_B,
    V_PUB,
    V_QUAL,
    V_RID,
    V_SRC,
    WE,
    WEAPON,
    Cid,
    Excerpt,
    Rec,
    RegionState,
    Sources,
    Version,
    add_bucket,
    cid_key,
    counted,
    counted_part,
    current,
    event_of,
    event_time,
    group_of,
    hour_add,
    hour_of_end,
    hour_remove,
    index_add,
    index_keep,
    make_rec,
    make_sources,
    pub_add,
    pub_hour_of,
    pub_remove,
    recent,
    shared,
    source_hours,
    span_of,
    value,
    versions_of,
    window_lookup,
)
from stream.aggregate.state import s as intern
from stream.aggregate.tolls import drop_toll, reconcile_toll, tagged
from stream.models import Claim

#: "held": not folded yet (`pipeline.Engine.apply` holds a claim read behind a
#: watermark whose hours the detectors have not scored)
Outcome = Literal["new", "relay", "correction", "stale", "duplicate", "late", "expired", "held"]
Delta = tuple[datetime, str, str, str, int]  # (hour_start, claimant, weapon, measure, delta)
EvictHook = Callable[[RegionState, int], None]

RETENTION = timedelta(days=7)
EXCERPTS_KEPT = 200  # excerpts are kept for the newest claims only (memory)
EVICT_STEP = 6 * HOUR


@dataclass(frozen=True)
class Applied:
    outcome: Outcome
    claim_id: str
    deltas: list[Delta] = field(default_factory=list)
    #: the claim's own event time (claim_event_time); what the caller's as_of
    #: watermark should advance to (Claim.event_time is the raw window end)
    event_time: datetime | None = None


def claim_event_time(claim: Claim | Fact) -> datetime:
    """min(window_end, published_at rounded up to the hour), see the module docstring."""
    f = claim if isinstance(claim, Fact) else Fact.of(claim)
    return _utc(event_time(f.window_end, f.published_at))


def ts(dt: datetime) -> int:
    return int(dt.timestamp())


# Event times repeat (window ends, whole hours): a bounded memo of their datetimes.
_DT: dict[int, datetime] = {}


def _utc(t: int) -> datetime:
    dt = _DT.get(t)
    if dt is None:
        if len(_DT) >= 4_096:
            _DT.clear()
        dt = _DT[t] = datetime.fromtimestamp(t, UTC)
    return dt


def _value(f: Fact) -> tuple[int, int]:
    kind = f.kind
    if kind == "count":
        return f.count, 0
    if kind == "casualties":
        return f.killed, f.injured
    return 0, 0


def _qualifier(f: Fact) -> str:
    """The version's qualifier slot: the claim's qualifier, with the earlier figures a
    casualties claim corrects (tolls.tagged)."""
    if f.killed_before or f.injured_before:
        return tagged(f.qualifier, f.killed_before, f.injured_before)
    return intern(f.qualifier)


def _version(f: Fact) -> Version:
    a, b = _value(f)
    # The publication time is shared like the report id: every claim of one report
    # (a bulletin gives one per region and weapon) then holds one int, not its own.
    return (recent(f.published_at), recent(f.report_id), a, b,
            _qualifier(f) if f.killed_before or f.injured_before else intern(f.qualifier),
            intern(f.source))


def _merge(rec: Rec | None, f: Fact) -> Rec:
    """Record after adding `f`: keep each value's first appearance, union sources.

    The claimant is not part of a damage or casualties identity (a fire told by the
    governor and by a wire is one fire), so claims of one identity may differ in it:
    the record keeps the claimant of its earliest claim by (published_at, report_id,
    claimant), i.e. of its first version, whatever the arrival order. Two claims with
    the same (published_at, report_id) and value keep the smaller (qualifier, source).
    """
    if rec is None:  # make_rec of one version
        a, b = _value(f)
        src = intern(f.source)
        meta = shared((intern(f.kind), intern(f.claimant), f.weapon, f.measure, f.damage_kind,
                       shared(f.window_start), shared(f.window_end)))
        return (meta, shared((src,)), _ONE_SOURCE, recent(f.published_at), recent(f.report_id),
                value(a, b, _qualifier(f) if f.killed_before or f.injured_before
                      else intern(f.qualifier), src))
    v = _version(f)
    versions = list(versions_of(rec))
    for i, old in enumerate(versions):
        if (old[V_A], old[V_B], old[V_QUAL]) == (v[V_A], v[V_B], v[V_QUAL]):
            # one value and qualifier: (published_at, report_id), then the source decide
            if v < old:
                versions[i] = v
            break
    else:
        versions.append(v)
    if f.kind == "count":
        versions = _without_restated(versions)
    elif f.kind == "casualties":
        versions = _without_partial(versions)
    # the earliest report (a version dropped above is never the earliest: it restates one)
    sources = _with_source(rec, v[V_PUB] if v[V_PUB] < rec[FIRST] else rec[FIRST], v[V_SRC],
                           f.published_at)
    meta = rec[META]
    if f.claimant != meta[CLAIMANT] and (f.published_at, f.report_id, f.claimant) < (
            rec[FIRST], rec[FIRST + 1], meta[CLAIMANT]):
        meta = shared((meta[KIND], intern(f.claimant), *meta[WEAPON:]))
    return make_rec(meta, sources, versions)


_ONE_SOURCE: tuple[int, ...] = (0,)  # the hours of a record's one source: its first report's
# (variable-length typed: compiled, a fixed-length tuple constant is boxed anew at each use)


def _with_source(rec: Rec, first: int, src: str, published_at: int) -> Sources:
    """`rec`'s (sources, hours) once `src` reported it at `published_at` and its
    earliest report is at `first` (each source keeps the hour of its earliest report:
    state.py)."""
    names: tuple[str, ...] = rec[SOURCES]
    hours: tuple[int, ...] = rec[HOURS]
    base = pub_hour_of(first)
    h = pub_hour_of(published_at) - base
    if base == pub_hour_of(rec[FIRST]):  # the others' hours stay
        if src not in names:  # one more source (names are sorted)
            i = bisect.bisect(names, src)
            return shared((*names[:i], src, *names[i:])), shared((*hours[:i], h, *hours[i:]))
        i = names.index(src)
        if hours[i] <= h:
            return names, hours  # nothing earlier: the common relay of a known source
        return names, shared((*hours[:i], h, *hours[i + 1:]))
    by_name = source_hours(rec)
    if by_name.get(src, h + base) >= h + base:
        by_name[src] = h + base
    return make_sources(first, by_name)


def _restates(v: Version, exact: Version) -> bool:
    """Whether the rounded figure `v` ("more than 300", "about 300") only restates the
    exact figure `exact` (312), published before it: then it is no correction."""
    q, n, x = v[V_QUAL], v[V_A], exact[V_A]
    if q == "at_least":
        return x >= n
    if q == "more_than":
        return x > n
    if q == "up_to":
        return x <= n
    # "about": within a tenth (rounding to a ten, or a hundred of a large figure)
    return abs(x - n) * 10 <= x


def _without_restated(versions: list[Version]) -> list[Version]:
    """`versions` without the rounded figures that restate an exact figure published
    before them (a wire's "more than 300" after a ministry's 312 of the same identity).

    A version is a (value, qualifier) first appearance, and only exact versions decide,
    which are never dropped: so whether a version is dropped depends on it and on the
    set of exact first appearances alone, and the record stays a function of the set of
    claims seen, whatever their order. A rounded figure published first stays (it is the
    earliest report of the identity); an exact one after it is in force as before."""
    exact = [v for v in versions if v[V_QUAL] == "exact"]
    if not exact or len(exact) == len(versions):
        return versions
    return [v for v in versions if v[V_QUAL] == "exact" or not any(
        (x[V_PUB], x[V_RID]) < (v[V_PUB], v[V_RID]) and _restates(v, x) for x in exact)]


def _partial(v: Version, x: Version) -> bool:
    """Whether the toll `v` only restates part of `x`: the same dead with no injured
    ("a person was killed" after "1 killed, 2 injured"), or the same injured with no dead."""
    return (v[V_A] == x[V_A] and v[V_B] == 0 < x[V_B]) or (v[V_B] == x[V_B] and v[V_A] == 0 < x[V_A])


def _without_partial(versions: list[Version]) -> list[Version]:
    """`versions` of a casualties identity without the tolls that restate part of one
    published before them: a headline relay naming only the dead is no correction of the
    injured to zero. Whether a version goes depends on it and the versions before it
    only, and a dropped one never makes another go (its other part is zero), so the
    record stays a function of the set of claims seen."""
    if len(versions) < 2:
        return versions
    return [v for v in versions if not any(
        (x[V_PUB], x[V_RID]) < (v[V_PUB], v[V_RID]) and _partial(v, x) for x in versions)]


def _outcome(old: Rec | None, new: Rec, f: Fact) -> Outcome:
    if old is None:
        return "new"
    cur_old, cur_new = old[-1], new[-1]  # values in force: (a, b, qualifier, source)
    if cur_old[:2] != cur_new[:2]:
        return "correction"
    if _value(f) != cur_new[:2] and not (
            f.kind == "count" and cur_new[2] == "exact" and _restates(_version(f), current(new))) and not (
            f.kind == "casualties" and _partial(_version(f), current(new))):
        return "stale"
    if old != new:  # (a source it did not have is a change of the record)
        return "relay"
    return "duplicate"


def _reallocate(state: RegionState, cid: Cid, rec: Rec, old_count: int,
                new: bool, was: tuple[int, int] | None = None, recount: bool = True) -> list[Delta]:
    """Re-reconcile a count claim with the windows around it; return hourly deltas.
    `was`: its window before (`span_of`), when an earlier relay shortened it.
    `recount`: its value or window changed (else only its sources or earliest report
    did, which matter only to whether it, or a relay of it, is shadowed: relays.py).

    `parts` holds only summaries with pieces (whose counted part is what their count
    adds beyond the pieces, see state.counted); a plain claim costs no entry.
    """
    g = group_of(rec)
    if g is None:
        return []
    if new:
        index_add(state, state.groups, g, cid, rec)
    claims = state.claims
    lookup = window_lookup(state, state.groups[g], g)
    shadow = state.shadowed
    # whose shadowing may change: this identity, and the relays around it
    # a relay restates only a claim of its own figure: the others cannot flip with this one
    figure = rec[-1][0]
    figures = (figure, old_count)
    # one lookup for this claim's own match and its neighbours', of the same figure only
    around = lookup(*reach(rec))  # holds the claim's own window: affected reuses it
    same = [it for it in around if it[0] != cid and claims[it[0]][-1][0] in figures]
    check = neighbours(cid, rec, same) if same else []
    if was is not None:  # what started inside the window it spoke for before
        check += neighbours(cid, rec, [it for it in lookup(*reach(rec, was))
                                       if it[0] != cid and claims[it[0]][-1][0] in figures], was)
    flips = [m for m in dict.fromkeys(check) if shadowed(claims, m, claims[m], lookup) != (m in shadow)]
    own = [it for it in same if claims[it[0]][-1][0] == figure]
    if (bool(own) and shadowed(claims, cid, rec, lookup, own)) != (cid in shadow):
        flips.append(cid)
    if not recount and not flips:
        return []
    comp: set[int] = set()
    needed: set[int] = set()
    if recount:
        comp, needed = affected(lookup, (cid, *span_of(rec)), around)
    if was is not None:
        comp_was, needed_was = affected(lookup, (cid, *was))
        comp, needed = comp | comp_was, needed | needed_was
    for m in flips:  # a relay leaving or joining the forest moves what holds it
        comp_m, needed_m = affected(lookup, (m, *span_of(claims[m])))
        comp, needed = comp | comp_m, needed | needed_m
    before = {m: 0 if m in shadow else counted_part(
        old_count if m == cid else claims[m][-1][0], state.parts.get(m)) for m in comp}
    shadow.symmetric_difference_update(flips)
    items = [(m, *span_of(r := claims[m]), r[-1][0]) for m in needed if m not in shadow]
    counted, parts = allocate(items)
    moved: dict[int, int] = {}
    for m in sorted(comp):
        d = counted.get(m, 0) - before[m]
        if m in parts:
            state.parts[m] = parts[m]
        else:
            state.parts.pop(m, None)
        if d:
            h = hour_of_end(event_of(claims[m]))
            moved[h] = moved.get(h, 0) + d
            add_bucket(state, h, g, d)
    return [(datetime.fromtimestamp(h, UTC), g[0], g[1], g[2], d)
            for h, d in sorted(moved.items()) if d]


def _move(state: RegionState, cid: Cid, old: Rec, rec: Rec) -> list[Delta]:
    """Move an identity to its new event hour (an earlier publication arrived),
    with its counted part; the counted part itself does not change here."""
    g = group_of(rec)
    h_old, h_new = hour_of_end(event_of(old)), hour_of_end(event_of(rec))
    if h_old == h_new:
        return []
    hour_remove(state, h_old, cid)
    hour_add(state, h_new, cid)
    if g is None:
        return []
    n = counted(state, cid, old)
    if not n:
        return []
    add_bucket(state, h_old, g, -n)
    add_bucket(state, h_new, g, n)
    return sorted([(datetime.fromtimestamp(h_new, UTC), *g, n),
                   (datetime.fromtimestamp(h_old, UTC), *g, -n)])


def _sum_deltas(a: list[Delta], b: list[Delta]) -> list[Delta]:
    if not a:
        return b
    acc: dict[tuple[datetime, str, str, str], int] = {}
    for h, c, w, m, d in (*a, *b):
        acc[(h, c, w, m)] = acc.get((h, c, w, m), 0) + d
    return [(*k, d) for k, d in sorted(acc.items()) if d]


def _keep_excerpt(state: RegionState, cid: Cid, f: Fact, old: Rec | None, rec: Rec,
                  changed: bool) -> None:
    """Keep the excerpt of `f` if it is the first appearance of a value (a version).

    Kept identities are ranked by (window_end, claim_id): fixed per identity, so the
    kept set does not depend on arrival order. A kept identity keeps the excerpt of
    each of its versions: the one in force in `excerpts`, the others in
    `version_excerpts`, because an earlier claim of the value in force demotes it
    (its value's first appearance moves earlier) and the version then in force may
    have arrived long before. The excerpt shown is thus its first appearance's in
    every order. Of two claims with one (published_at, report_id), the smaller excerpt.
    `changed`: whether `rec` differs from `old`.
    """
    excerpts = state.excerpts
    have = excerpts.get(cid)
    pub, rid = f.published_at, f.report_id
    is_cur = rec[-3] == pub and rec[-2] == rid
    if have is None and not is_cur:
        return  # not kept (ranked out), and not entering with the version in force
    if not changed:  # same versions: at most a tie with an excerpt already kept
        if have is None:
            return
        spare = state.version_excerpts.get(cid)
        prev = have if is_cur else (spare.get((pub, rid)) if spare else None)
        if prev is not None and (ex := _excerpt(f)) < prev:
            if is_cur:
                excerpts[cid] = ex
            elif spare:
                spare[(pub, rid)] = ex
        return
    spare = state.version_excerpts.get(cid)
    if len(rec) == FIRST + 3 and spare is None:  # one version: the common case
        if not is_cur:
            return
        ex = _excerpt(f)
        if have is not None and old is not None and (old[-3], old[-2]) == (pub, rid) and (
                have <= ex):
            return
        new = ex
    else:
        live = set(zip(rec[FIRST::3], rec[FIRST + 1::3], strict=True))
        if (pub, rid) not in live:
            return  # not a version: the versions, and the one in force, are unchanged
        by = state.version_excerpts.setdefault(cid, {}) if spare is None else spare
        if have is not None and old is not None:
            by[(old[-3], old[-2])] = have  # `have` is the excerpt of old's version in force
        ex = _excerpt(f)
        prev = by.get((pub, rid))
        if prev is None or ex < prev:
            by[(pub, rid)] = ex
        # unknown only for a state stored before version excerpts were kept
        new = by.pop((rec[-3], rec[-2]), NO_EXCERPT)
        if len(by) >= len(live):  # `f` took the place of a later version of its value
            for k in [k for k in by if k not in live]:
                del by[k]
        if not by:
            del state.version_excerpts[cid]
    if have is None:
        heapq.heappush(state.excerpt_heap, (rec[META][WE], cid))
    excerpts[cid] = new
    while len(excerpts) > EXCERPTS_KEPT:
        _we, drop = heapq.heappop(state.excerpt_heap)
        excerpts.pop(drop, None)
        state.version_excerpts.pop(drop, None)


def _excerpt(f: Fact) -> Excerpt:
    span = f.span
    # The claims of one report often quote the same sentence: share the text.
    return (recent(f.excerpt), f.excerpt_start, span[0], span[1], intern(f.lang))


def _drop(state: RegionState, hour: int, cid: Cid) -> None:
    rec = state.claims.pop(cid)
    pub_remove(state, rec, cid)
    drop_toll(state, cid, rec)
    g = group_of(rec)
    if g is not None:
        add_bucket(state, hour, g, -counted(state, cid, rec))
    state.parts.pop(cid, None)
    state.shadowed.discard(cid)
    state.excerpts.pop(cid, None)
    state.version_excerpts.pop(cid, None)


def _evict(state: RegionState, lateness: timedelta, before_evict: EvictHook | None,
           hold: int | None = None) -> None:
    if state.watermark is None:
        return
    keep = _SECONDS.get(RETENTION + lateness)
    if keep is None:
        keep = _SECONDS[RETENTION + lateness] = int((RETENTION + lateness).total_seconds())
    horizon = (state.watermark if hold is None or hold > state.watermark else hold) - keep
    horizon -= horizon % EVICT_STEP  # scan at most once per step, not per record
    if horizon <= state.evicted_before:
        return
    if before_evict is not None:
        before_evict(state, horizon)
    state.evicted_before = horizon
    # Only hours before the horizon can hold claims with an event time before it.
    dropped = 0
    for h in [h for h in state.hours if h < horizon]:
        members = state.hours.pop(h)
        kept = [c for c in members if event_of(state.claims[c]) >= horizon]
        if kept:
            state.hours[h] = kept
        for cid in members:
            if event_of(state.claims[cid]) >= horizon:
                continue
            _drop(state, h, cid)
            dropped += 1
    if not dropped:
        return
    claims = state.claims
    for g in list(state.groups):
        index_keep(state, state.groups, g, claims.__contains__)
    state.excerpt_heap = [(w, c) for w, c in state.excerpt_heap if c in state.excerpts]
    heapq.heapify(state.excerpt_heap)


def apply(
    state: RegionState,
    claim: Claim | Fact,
    *,
    partition: int,
    offset: int,
    lateness: timedelta = RETENTION,
    before_evict: EvictHook | None = None,
    hold: int | None = None,
) -> tuple[RegionState, Applied]:
    """Apply `claim` read at `partition`@`offset`; see the module docstring.
    `before_evict(state, horizon)` is called before the claims with an event time
    before `horizon` are evicted (a reader that still needs them reads them then).
    `hold` (epoch s): the eviction keeps the retention and the lateness behind this
    event time too, when it is behind the region's latest (a reader that has not
    finished with the claims before it: the detectors' first unscored hour)."""
    f = claim if isinstance(claim, Fact) else Fact.of(claim)
    claim_id = f.claim_id
    we, pub = f.window_end, f.published_at
    et = event_time(we, pub)
    et_dt = _utc(et)
    last = state.offsets.get(partition)
    if last is not None and offset <= last:
        return state, Applied("duplicate", claim_id, event_time=et_dt)
    state.offsets[partition] = offset
    # Lateness is judged against the claim's own publication time, not the arrival
    # order: partitions are consumed at different speeds (backlogs, rebalances), and
    # a watermark-relative rule would make the result depend on that order.
    late_s = _SECONDS.get(lateness)
    if late_s is None:  # one per setting: a timedelta's arithmetic per claim costs
        late_s = _SECONDS[lateness] = int(lateness.total_seconds())
    if we < pub - late_s:
        return state, Applied("late", claim_id, event_time=et_dt)
    # Older than what this state still holds: the claims it would reconcile with are
    # evicted, so applying it would give a result that depends on timing. It is not bad
    # input (a backlog read partition by partition gets here): it stays in the claims
    # log for replays, and its buckets lie outside every window the state serves.
    if et < state.evicted_before:
        return state, Applied("expired", claim_id, event_time=et_dt)
    cid = cid_key(claim_id)
    old = state.claims.get(cid)
    rec = _merge(old, f)
    outcome = _outcome(old, rec, f)
    if old == rec:
        # Nothing new in the record, but the claim counts for the watermark (the max
        # event time over the claims applied, a later relay's included, in any order)
        # and may tie an excerpt (same report re-published).
        _keep_excerpt(state, cid, f, old, rec, False)
        if state.watermark is None or et > state.watermark:
            _advance(state, et, lateness, before_evict, hold)
        return state, Applied(outcome, claim_id, event_time=et_dt)
    state.claims[cid] = rec
    deltas: list[Delta] = []
    if old is None:
        hour_add(state, hour_of_end(event_of(rec)), cid)
        pub_add(state, rec, cid)
        deltas = _reallocate(state, cid, rec, 0, True)
        reconcile_toll(state, cid, rec, True)
    else:
        if old[FIRST] != rec[FIRST]:  # an earlier report: it came in an earlier hour
            pub_remove(state, old, cid)
            pub_add(state, rec, cid)
        deltas = _move(state, cid, old, rec)
        was = span_of(old)
        shortened = was != span_of(rec)  # an earlier relay: it speaks for less
        if shortened or old[-1][:2] != rec[-1][:2]:  # or the value in force changed
            deltas = _sum_deltas(deltas, _reallocate(state, cid, rec, old[-1][0], False,
                                                     was if shortened else None))
            reconcile_toll(state, cid, rec, False, was if shortened else None)
        elif old[FIRST] != rec[FIRST] or (state.shadowed and len(old[SOURCES]) != len(rec[SOURCES])):
            # one more source can only end a match (relays.py), so with none it changes nothing
            deltas = _sum_deltas(deltas, _reallocate(state, cid, rec, old[-1][0], False,
                                                     recount=False))
    _keep_excerpt(state, cid, f, old, rec, True)
    if state.watermark is None or et > state.watermark:
        _advance(state, et, lateness, before_evict, hold)
    return state, Applied(outcome, claim_id, deltas, event_time=et_dt)


_SECONDS: dict[timedelta, int] = {}


def _advance(state: RegionState, et: int, lateness: timedelta, before_evict: EvictHook | None,
             hold: int | None) -> None:
    state.watermark = et
    _evict(state, lateness, before_evict, hold)


__all__ = ["Applied", "Delta", "Fact", "Outcome", "apply", "claim_event_time", "hour_of_end",
           "ts"]
