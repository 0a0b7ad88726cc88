"""PURE: read models over RegionState: window stats, hourly series, latest claims,
residuals between a total key ("ALL") and its region keys.

Window membership is by event-hour bucket (state.event_of, hour_of_end): a
window of `window` ending at `as_of` holds buckets h with as_of - window <= h <
as_of, i.e. claims whose event time lies in (as_of - window, as_of] for
whole-hour `as_of`. Only the hours of the window are read (state.hours,
state.buckets). Casualties and damage are summed after reconciliation (tolls.py).

"Activity" (hourly_series): per hour and claimant, weapons launched (drones +
missiles + glide bombs); a claimant that gave no launched figure in that hour
contributes intercepted + suppressed instead. The hour's activity is the MAX
over claimants, because claimants describe the same attacks (summing them
would double count).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import chain
from typing import Any

from stream.aggregate.apply import ts
from stream.aggregate.reconcile import allocate
from stream.aggregate.relays import GAP, Lookup, restated_post, restated_then
from stream.aggregate.state import (
    CLAIMANT,
    DKIND,
    FIRST,
    GROUPS,
    HOUR,
    KIND,
    MEASURE,
    META,
    SOURCES,
    V_A,
    V_B,
    V_PUB,
    V_QUAL,
    V_RID,
    V_SRC,
    WE,
    WEAPON,
    WS,
    Cid,
    GroupKey,
    Rec,
    RegionState,
    cid_str,
    count_as_of,
    counted,
    current,
    event_of,
    group_of,
    hour_of_end,
    source_names,
    span_of,
    versions_of,
    window_lookup,
)
from stream.aggregate.tolls import corrects, qualifier_of, toll_counted

_SIDE = {"ru-mod": "ru", "ru-official": "ru", "ua-military": "ua", "ua-official": "ua"}


@lru_cache(maxsize=8192)
def _iso(t: int) -> str:
    # Window bounds repeat across claims and regions; formatting them dominated
    # window_stats on busy states.
    return datetime.fromtimestamp(t, UTC).isoformat()


def _hours_in(index: Mapping[int, object], lo: int, hi: int) -> list[int]:
    """Hours h of an hour-keyed index with lo <= h < hi, ascending (whichever of the
    window or the index is shorter is scanned)."""
    first = -(-lo // HOUR) * HOUR
    if (hi - first) // HOUR < len(index):
        return [h for h in range(first, hi, HOUR) if h in index]
    return sorted(h for h in index if lo <= h < hi)


def _in_window(state: RegionState, as_of: datetime, window: timedelta) -> Iterator[
        tuple[Cid, Rec]]:
    hi = ts(as_of)
    lo = hi - int(window.total_seconds())
    claims = state.claims
    for h in _hours_in(state.hours, lo, hi):
        for cid in state.hours[h]:
            yield cid, claims[cid]


def _consistent(qualifier: str, n: int, parts: int) -> bool:
    """Whether pieces summing to `parts` agree with a rounded summary ("more than 130" over
    pieces of 134, "about 140" over 142): no data-quality flag then."""
    if qualifier == "at_least":
        return parts >= n
    if qualifier == "more_than":
        return parts > n
    if qualifier == "up_to":
        return parts <= n
    if qualifier == "about":
        return abs(parts - n) * 10 <= n
    return False


def window_stats(state: RegionState, *, as_of: datetime, window: timedelta) -> dict[str, Any]:
    """JSON-ready stats of claims with event time in the window (keys sorted)."""
    casualties: dict[str, dict[str, int]] = {}
    damage: dict[str, int] = {}
    flags: list[dict[str, Any]] = []
    in_window = sorted(_in_window(state, as_of, window))
    # One C-level count over all source tuples (first-seen order, as a loop would give).
    sources = dict(Counter(chain.from_iterable(rec[SOURCES] for _cid, rec in in_window)))
    parts = state.parts
    for cid, rec in in_window:
        meta = rec[META]
        kind = meta[KIND]
        if kind == "count":
            p = parts.get(cid)
            if p is None:
                continue
            cur = current(rec)
            n = cur[V_A]
            if p != n and not _consistent(cur[V_QUAL], n, p):
                flags.append({
                    "flag": "parts_exceed_summary" if p > n else "summary_exceeds_parts",
                    "claim_id": cid_str(cid), "claimant": meta[CLAIMANT],
                    "weapon": meta[WEAPON] or "", "measure": meta[MEASURE] or "",
                    "window_start": _iso(meta[WS]), "window_end": _iso(meta[WE]),
                    "summary": n, "parts": p,
                })
        elif kind == "casualties":
            # reconciled across nested windows (tolls.py)
            killed, injured = toll_counted(state, cid, rec)
            if killed or injured:
                side = casualties.setdefault(_SIDE.get(meta[CLAIMANT], "other"),
                                             {"killed": 0, "injured": 0})
                side["killed"] += killed
                side["injured"] += injured
        elif meta[DKIND] is not None and toll_counted(state, cid, rec)[0]:
            damage[meta[DKIND]] = damage.get(meta[DKIND], 0) + 1
    return {
        "key": state.key,
        "as_of": as_of.astimezone(UTC).isoformat(),
        "window_seconds": int(window.total_seconds()),
        "watermark": None if state.watermark is None else _iso(state.watermark),
        "totals": window_totals(state, as_of=as_of, window=window),
        "casualties": casualties,
        "damage": damage,
        "n_claims": len(in_window),
        "sources": sources,
        "flags": flags,
    }


def window_totals(state: RegionState, *, as_of: datetime,
                  window: timedelta) -> dict[str, dict[str, dict[str, int]]]:
    """`window_stats(...)["totals"]` alone: claimant -> weapon -> measure -> reconciled
    count, read from the hour buckets only (no claim is visited, nothing else built:
    what a metrics scrape needs)."""
    totals: dict[str, dict[str, dict[str, int]]] = {}
    hi = ts(as_of)
    lo = hi - int(window.total_seconds())
    for h in _hours_in(state.buckets, lo, hi):
        for code, n in enumerate(state.buckets[h]):
            if not n:
                continue
            claimant, weapon, measure = GROUPS[code]
            by_w = totals.setdefault(claimant, {}).setdefault(weapon, {})
            by_w[measure] = by_w.get(measure, 0) + n
    return totals


def hourly_series(
    state: RegionState, *, as_of: datetime, hours: int = 168
) -> list[tuple[datetime, int]]:
    """Activity per hour (see module docstring), oldest first, `hours` buckets ending
    with the bucket before `as_of`'s hour."""
    end = ts(as_of) // HOUR * HOUR
    start = end - hours * HOUR
    per_hour = {h: _activity((GROUPS[code], n) for code, n in enumerate(state.buckets[h]) if n)
                for h in _hours_in(state.buckets, start, end)}
    return [(datetime.fromtimestamp(h, UTC), per_hour.get(h, 0))
            for h in range(start, end, HOUR)]


def _activity(counts: Iterable[tuple[GroupKey, int]]) -> int:
    """One hour's activity from its counted parts per (claimant, weapon, measure)."""
    # claimant -> [launched, intercepted + suppressed, has_launched]
    acc: dict[str, list[int]] = {}
    for (claimant, _weapon, measure), n in counts:
        a = acc.setdefault(claimant, [0, 0, 0])
        if measure == "launched":
            a[0] += n
            a[2] = 1
        else:
            a[1] += n
    return max((launched if has else downed for launched, downed, has in acc.values()), default=0)


def _inside_earlier(state: RegionState, cid: Cid) -> bool:
    """Whether a late claim lies inside a window of its group reported before it: a piece
    of a summary the detectors have read already (the evening's 48, published the next
    noon, is in the 24-hour 200 read at 07:00), which would count it twice."""
    rec = state.claims[cid]
    g = group_of(rec)
    if g is None:
        return False
    ws, we = span_of(rec)
    first = rec[FIRST]
    claims = state.claims
    # a window holding it starts by its start: the members touching [ws, ws] hold them all
    return any(m != cid and s <= ws and we <= e and (s, e) != (ws, we) and claims[m][FIRST] < first
               for m, s, e in window_lookup(state, state.groups[g], g)(ws, ws))


#: a figure over a longer window (a week's, a month's total) is no hour's activity: what its
#: pieces did not cover is spread over days nobody can place, so the hourly detectors leave it
#: out (the aggregates count it); in one hour it would be a surge every week
LONGEST_HOURLY = 2 * 24 * HOUR


def hour_activity(state: RegionState, hour: int, cutoff: int) -> tuple[int, list[str]]:
    """Activity of the hour bucket starting at `hour` (epoch s) as `hourly_series`
    counts it (less figures over windows longer than `LONGEST_HOURLY`), from what was
    published in hours that ended before `cutoff`, with the ids of the claims that make
    it up.

    What hourly detectors that score an hour at `cutoff` (its end plus their grace)
    may count: every version of a claim published in time, reconciled with the other
    windows of its claimant as they stood then (a correction or a piece published
    later does not change it). A function of the set of claims seen, like the rest of
    the state, so a detector fed from it gives the same result in any arrival order,
    given every claim published in time has arrived when it scores the hour (a feed
    read in publication order: a claim's event time never passes its publication
    hour, so no claim can close an hour before one published in time for it)."""
    claims = state.claims
    members = list(state.hours.get(hour, ()))
    # Reports published after their own hour closed (an Air Force summary at 09:10 for a
    # night that ended at 07:00, a governor's day at 19:00) are read in the first hour
    # still open when they came in: the one whose close (`cutoff`) is after the end of
    # their publication hour. Else the detectors would never see them.
    came_in = -(-(cutoff - HOUR) // HOUR) * HOUR  # the publication-hour end read here
    members += [c for c in state.pub_hours.get(came_in, ())
                if hour_of_end(event_of(claims[c])) < hour and not _inside_earlier(state, c)]
    if not members:
        return 0, []
    counts: list[tuple[GroupKey, int]] = []
    ids: list[Cid] = []
    memo: dict[Any, Any] = {}  # per claim: shadowed then; per group: its lookup
    for cid in members:
        rec = claims[cid]
        g = group_of(rec)
        if g is None or rec[META][WE] - rec[META][WS] > LONGEST_HOURLY:
            continue
        n = _counted_before(state, cid, rec, g, cutoff, memo)
        if n:
            counts.append((g, n))
            ids.append(cid)
    return _activity(counts), sorted(cid_str(c) for c in ids)


def _shadowed_then(state: RegionState, cid: Cid, rec: Rec, g: GroupKey, cutoff: int,
                   memo: dict[Any, Any], around: Sequence[tuple[Cid, int, int]] | None = None) -> bool:
    """Whether a count identity of group `g` was shadowed (relays.py) as the claims
    published in hours ended before `cutoff` stood: a later correction, or a later
    report by the post's own channel, does not change an hour read then (`memo`: the
    answers for this cutoff so far; `around`: the group's windows touching at least
    [start, end + GAP] of its window, as relays.restated_post takes them)."""
    hit = memo.get(cid)
    if hit is None:
        if around is None:
            ws, we = span_of(rec)
            around = _lookup(state, g, memo)(ws, we + GAP)
        hit = memo[cid] = restated_then(state.claims, cid, rec, around, cutoff)
    return hit


def _lookup(state: RegionState, g: GroupKey, memo: dict[Any, Any]) -> Lookup:
    """The group's window lookup, made once per reading (kept in its memo)."""
    lookup = memo.get(g)
    if lookup is None:
        lookup = memo[g] = window_lookup(state, state.groups[g], g)
    return lookup


def _counted_before(state: RegionState, cid: Cid, rec: Rec, g: GroupKey, cutoff: int,
                    memo: dict[Any, Any]) -> int:
    """`counted` as of `cutoff`: the count in force then, unless it restated a post
    then, less what its children of then total (reconcile.allocate over the windows
    inside it and those that could take one of them from it, a smaller window holding
    one, as they were published by then and not shadowed then)."""
    count = count_as_of(rec, cutoff)
    if count is None:
        return 0
    ws, we = span_of(rec)
    # one lookup for what it may restate and for the windows inside it (and theirs)
    around = _lookup(state, g, memo)(ws, we + GAP)
    if _shadowed_then(state, cid, rec, g, cutoff, memo, around):
        return 0
    order = (we - ws, ws, cid)
    inside = [it for it in around if ws <= it[1] and it[2] <= we and (it[2] - it[1], it[1], it[0]) < order]
    if not inside:
        return count  # no window inside it now, so none then either
    # a window not inside it that is smaller and holds one of them is that one's parent
    # instead (reconcile: a child goes to its smallest container)
    takers = [it for it in around if it[1] <= we and not (ws <= it[1] and it[2] <= we)
              and (it[2] - it[1], it[1], it[0]) < order
              and any(it[1] <= x[1] and x[2] <= it[2] for x in inside)]
    claims = state.claims
    items = [(cid, ws, we, count)]
    for some, near in ((inside, around), (takers, None)):
        for m, s, e in some:
            n = count_as_of(r := claims[m], cutoff)
            if n is not None and not _shadowed_then(state, m, r, g, cutoff, memo, near):
                items.append((m, s, e, n))
    return allocate(items)[0].get(cid, 0)


def _restated(state: RegionState, cid: Cid, rec: Rec) -> str | None:
    if cid not in state.shadowed:
        return None
    g = group_of(rec)
    if g is None:  # a shadowed claim is a count claim of a group
        return None
    post = restated_post(state.claims, cid, rec, window_lookup(state, state.groups[g], g))
    return None if post is None else cid_str(post)


def latest_claims(state: RegionState, n: int = 50) -> list[dict[str, Any]]:
    """The `n` claims with the latest event time, newest first, JSON-ready."""
    # Whole hours, newest first, until n claims: every claim of a later hour has a
    # later event time than any claim of an earlier one.
    picked: list[tuple[int, Cid, Rec]] = []
    for h in sorted(state.hours, reverse=True):
        if len(picked) >= n:
            break
        picked.extend((event_of(r := state.claims[c]), c, r) for c in state.hours[h])
    picked.sort(key=lambda x: (x[0], cid_str(x[1])), reverse=True)
    out = []
    for _et, cid, rec in picked[:n]:
        cur = current(rec)
        excerpt, ex_start, span0, span1, lang = state.excerpts.get(cid, ("", 0, 0, 0, ""))
        versions = versions_of(rec)  # sorted by (published_at, report_id)
        out.append({
            "claim_id": cid_str(cid),
            "kind": rec[META][KIND],
            "key": state.key,
            "claimant": rec[META][CLAIMANT],
            "weapon": rec[META][WEAPON],
            "measure": rec[META][MEASURE],
            "damage_kind": rec[META][DKIND],
            "window_start": _iso(rec[META][WS]),
            "window_end": _iso(rec[META][WE]),
            "event_time": _iso(event_of(rec)),
            "count": cur[V_A] if rec[META][KIND] == "count" else 0,
            "counted": counted(state, cid, rec),
            # the official's post this relay restates under another window (relays.py)
            "restates": _restated(state, cid, rec),
            "killed": cur[V_A] if rec[META][KIND] == "casualties" else 0,
            "injured": cur[V_B] if rec[META][KIND] == "casualties" else 0,
            "qualifier": qualifier_of(cur[V_QUAL]),
            # a toll that says which earlier figures it corrects ("не 5, а 3"; tolls.py)
            "corrects": dict(zip(("killed", "injured"), fix, strict=True))
            if (fix := corrects(rec)) != (0, 0) else None,
            "published_at": _iso(cur[V_PUB]),
            "report_id": cur[V_RID],
            "source": cur[V_SRC],
            "lang": lang or None,
            "span": [span0, span1] if lang else None,
            "excerpt": excerpt,
            "excerpt_start": ex_start,
            "sources": source_names(rec),
            "versions": [{"published_at": _iso(v[V_PUB]), "report_id": v[V_RID],
                          "source": v[V_SRC], "value": [v[V_A], v[V_B]]} for v in versions],
        })
    return out


def residuals(
    total: RegionState,
    parts: Iterable[RegionState],
    *,
    as_of: datetime,
    window: timedelta,
) -> dict[str, Any]:
    """Unattributed residual: each count claim of `total` minus the same claimant's
    counts with the same window, weapon and measure summed over `parts`; a flag where
    the parts exceed the total."""
    part_sum: dict[tuple[str, str | None, str | None, int, int], int] = {}
    for p in parts:
        for _cid, rec in _in_window(p, as_of, window):
            if rec[META][KIND] == "count":
                m = rec[META]
                k = (m[CLAIMANT], m[WEAPON], m[MEASURE], m[WS], m[WE])
                part_sum[k] = part_sum.get(k, 0) + current(rec)[V_A]
    rows: list[dict[str, Any]] = []
    flags: list[dict[str, Any]] = []
    unattributed: dict[str, dict[str, dict[str, int]]] = {}
    for cid, rec in sorted(_in_window(total, as_of, window)):
        if rec[META][KIND] != "count":
            continue
        m = rec[META]
        k = (m[CLAIMANT], m[WEAPON], m[MEASURE], m[WS], m[WE])
        cur = current(rec)
        tot = cur[V_A]
        got = part_sum.get(k, 0)
        row = {"claim_id": cid_str(cid), "claimant": k[0], "weapon": k[1], "measure": k[2],
               "window_start": _iso(k[3]), "window_end": _iso(k[4]),
               "total": tot, "parts": got, "residual": tot - got}
        rows.append(row)
        if got > tot and not _consistent(cur[V_QUAL], tot, got):  # not "more than 160"
            flags.append({"flag": "parts_exceed_total", **row})
        else:
            by_w = unattributed.setdefault(k[0], {}).setdefault(k[1] or "", {})
            by_w[k[2] or ""] = by_w.get(k[2] or "", 0) + tot - got
    return {"rows": rows, "unattributed": unattributed, "flags": flags}
