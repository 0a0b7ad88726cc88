"""PURE: JSON documents the API serves, computed from the Engine's state.

`as_of` is the event-time watermark, not the wall clock, so a replay of the
same input serves byte-identical documents.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any, get_args

from stream import aggregate
from stream.aggregate.state import cid_key, versions_of
from stream.models import AlertKind
from stream.pipeline import Engine
from stream.regions import all_region_codes, region_name

WINDOWS: dict[str, timedelta] = {
    "1h": timedelta(hours=1),
    "6h": timedelta(hours=6),
    "24h": timedelta(hours=24),
    "7d": timedelta(days=7),
}
TOTAL_KEY = "ALL"


def parse_window(value: str | None) -> timedelta:
    if value is None:
        return WINDOWS["24h"]
    if value not in WINDOWS:
        msg = f"window must be one of {', '.join(WINDOWS)}, got {value!r}"
        raise ValueError(msg)
    return WINDOWS[value]


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat().replace("+00:00", "Z") if dt else None


def _stats(state: aggregate.RegionState, as_of: datetime, span: timedelta) -> dict[str, Any]:
    """Window stats without the state's internal watermark (which depends on arrival
    order); the document's `as_of` is the one event-time reference."""
    stats = aggregate.window_stats(state, as_of=as_of, window=span)
    stats.pop("watermark", None)
    return stats


def _cached(engine: Engine, name: str, build: Any) -> Any:
    """Documents are pure functions of the Engine's state: reuse them until it changes
    (a scrape or a dashboard poll must not re-scan every claim)."""
    hit = engine.cache.get(name)
    if hit is not None and hit[0] == engine.version:
        return hit[1]
    doc = build()
    engine.cache[name] = (engine.version, doc)
    return doc


def regions_doc(engine: Engine, window: str = "24h") -> dict[str, Any]:
    """Every region's figures over `window`. The document is the cache's own (callers
    serialize it, never change it): a copy per request added ~24 MB to the worker's
    peak after a 7-day query over 1,000,000 claims (benchmarks/memory.py)."""
    parse_window(window)
    doc: dict[str, Any] = _cached(engine, f"regions:{window}", lambda: _regions_doc(engine, window))
    return doc


def _regions_doc(engine: Engine, window: str) -> dict[str, Any]:
    span = parse_window(window)
    as_of = engine.as_of()
    regions: dict[str, Any] = {}
    if as_of is not None:
        for key in sorted(engine.states):
            if key == TOTAL_KEY:
                continue
            regions[key] = {"name": _safe_name(key), **_stats(engine.states[key], as_of, span)}
    doc: dict[str, Any] = {"as_of": _iso(as_of), "window": window, "regions": regions}
    total = engine.states.get(TOTAL_KEY)
    if total is not None and as_of is not None:
        parts = [s for k, s in engine.states.items() if k != TOTAL_KEY]
        doc["totals"] = _stats(total, as_of, span)
        doc["residuals"] = aggregate.residuals(total, parts, as_of=as_of, window=span)
    return doc


def region_doc(engine: Engine, code: str, hours: int = 168) -> dict[str, Any] | None:
    state = engine.states.get(code)
    as_of = engine.as_of()
    if state is None or as_of is None:
        return None
    series = aggregate.hourly_series(state, as_of=as_of, hours=hours)
    return {
        "region": code,
        "name": _safe_name(code),
        "as_of": _iso(as_of),
        "windows": {w: _stats(state, as_of, d) for w, d in WINDOWS.items()},
        "hourly": [{"hour": _iso(h), "value": v} for h, v in series],
        "latest_claims": aggregate.latest_claims(state, 50),
    }


def parse_instant(value: str, name: str) -> datetime:
    """An ISO 8601 instant with a time zone (`Z` or an offset); ValueError names the parameter."""
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        msg = f"{name} must be an ISO 8601 time with a zone (e.g. 2025-07-13T20:00:00Z), got {value!r}"
        raise ValueError(msg) from None
    if dt.tzinfo is None:
        msg = f"{name} must carry a time zone (e.g. ...Z or +03:00), got {value!r}"
        raise ValueError(msg)
    return dt


def parse_limit(value: str | None, default: int = 200, cap: int = 1000) -> int:
    if value is None:
        return default
    try:
        n = int(value)
    except ValueError:
        msg = f"limit must be a whole number, got {value!r}"
        raise ValueError(msg) from None
    if n < 0:
        msg = f"limit must be 0 or more, got {n}"
        raise ValueError(msg)
    return min(n, cap)


def _published(claim: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(str(claim["published_at"]).replace("Z", "+00:00"))


def _published_since(state: aggregate.RegionState, since: datetime, limit: int,
                     lateness: timedelta) -> list[dict[str, Any]]:
    """The region's claims published at or after `since` (up to `limit`, newest published
    first). Claims are stored by event time, which is never more than `lateness` before
    publication (later reports are dead-lettered): read back until event time passes
    `since - lateness` or `limit` claims published since have been found."""
    floor = since - lateness
    n = max(limit, 50)
    while True:
        got = aggregate.latest_claims(state, n)
        hits = [c for c in got if _published(c) >= since]
        exhausted = len(got) < n
        if exhausted or len(hits) >= limit or _event(got[-1]) < floor:
            hits.sort(key=lambda c: (_published(c), str(c["claim_id"])), reverse=True)
            return hits[:limit]
        n *= 4


def _event(claim: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(str(claim["event_time"]).replace("Z", "+00:00"))


def claims_doc(engine: Engine, region: str | None = None, since: datetime | None = None,
               limit: int = 200) -> dict[str, Any]:
    """The newest claims, newest published first; `since` keeps the claims published
    (their current version's `published_at`) at or after that instant."""
    if limit < 0:
        msg = f"limit must be 0 or more, got {limit}"
        raise ValueError(msg)
    keys = [region] if region else sorted(engine.states)
    out: list[dict[str, Any]] = []
    for key in keys:
        state = engine.states.get(key)
        if state is None or limit == 0:
            continue
        if since is None:
            out.extend(aggregate.latest_claims(state, limit))
        else:
            out.extend(_published_since(state, since, limit, engine.lateness))
    out.sort(key=lambda c: (_published(c), str(c["claim_id"])), reverse=True)
    return {"as_of": _iso(engine.as_of()), "claims": out[:limit]}


def _safe_name(code: str) -> str:
    try:
        return region_name(code)
    except (KeyError, LookupError, ValueError):
        return code


ALERT_STATES = ("open", "resolved", "all")
ALERT_KINDS: tuple[str, ...] = get_args(AlertKind)


@dataclass(frozen=True, slots=True)
class AlertQuery:
    """What `/api/alerts` selects. `state` open = open or updated; `region` TOTAL_KEY
    = the feed-wide alerts (no region); `since` keeps alerts updated at or after it."""

    state: str = "all"
    region: str | None = None
    kind: str | None = None
    since: datetime | None = None
    limit: int = 200


def parse_alert_query(query: Mapping[str, str]) -> AlertQuery:
    """The query string of `/api/alerts`; ValueError names the parameter and the value."""
    state = query.get("state", "all")
    if state not in ALERT_STATES:
        msg = f"state must be one of {', '.join(ALERT_STATES)}, got {state!r}"
        raise ValueError(msg)
    kind = query.get("kind")
    if kind is not None and kind not in ALERT_KINDS:
        msg = f"kind must be one of {', '.join(ALERT_KINDS)}, got {kind!r}"
        raise ValueError(msg)
    given = query.get("region")
    region = None if given is None else given.strip().upper()
    if region is not None and region != TOTAL_KEY and region not in _region_codes():
        msg = f"region must be an ISO 3166-2 code (e.g. RU-BEL) or {TOTAL_KEY} (feed-wide), got {given!r}"
        raise ValueError(msg)
    since_raw = query.get("since")
    since = parse_instant(since_raw, "since") if since_raw is not None else None
    return AlertQuery(state=state, region=region, kind=kind, since=since,
                      limit=parse_limit(query.get("limit")))


@cache
def _region_codes() -> frozenset[str]:
    return frozenset(all_region_codes())


def alerts_doc(engine: Engine, query: AlertQuery | None = None) -> dict[str, Any]:
    """The alerts `query` selects, newest updated first, at most `query.limit`; `total`
    is how many match (`truncated` when more than the limit do). The engine keeps the
    open alerts and the newest resolved ones (`Engine.max_alerts_kept`)."""
    q = query or AlertQuery()
    if q.limit < 0:
        msg = f"limit must be 0 or more, got {q.limit}"
        raise ValueError(msg)
    region = None if q.region == TOTAL_KEY else q.region
    alerts = [a for a in engine.alerts.values()
              if (q.state == "all" or (a.state == "resolved") == (q.state == "resolved"))
              and (q.region is None or a.region == region)
              and (q.kind is None or a.kind == q.kind)
              and (q.since is None or a.updated_at >= q.since)]
    alerts.sort(key=lambda a: (a.updated_at, a.alert_id), reverse=True)
    return {"as_of": _iso(engine.as_of()), "total": len(alerts), "truncated": len(alerts) > q.limit,
            "alerts": [a.model_dump(mode="json") for a in alerts[:q.limit]]}


def claim_doc(engine: Engine, claim_id: str) -> dict[str, Any] | None:
    """One claim by id as the aggregate state keeps it (None: unknown, or evicted past
    the lateness horizon): the `/api/claims` item (value in force, every version,
    sources), each version with its excerpt where one is kept."""
    cid = cid_key(claim_id)
    for key in sorted(engine.states):
        state = engine.states[key]
        rec = state.claims.get(cid)
        if rec is None:
            continue
        # A view of the state whose hour index holds only this claim (the other fields are
        # the state's own, not copies): latest_claims formats it exactly as /api/claims does.
        (doc,) = aggregate.latest_claims(dataclasses.replace(state, hours={0: [cid]}), 1)
        kept = state.version_excerpts.get(cid, {})
        for v, (pub, rid, *_value) in zip(doc["versions"], versions_of(rec), strict=True):
            excerpt = kept.get((pub, rid))
            if excerpt is not None:
                v["excerpt"], v["excerpt_start"] = excerpt[0], excerpt[1]
        return {"as_of": _iso(engine.as_of()), "claim": doc}
    return None


def region_samples(engine: Engine) -> list[tuple[str, str, str, str, str, float]]:
    """(region, claimant, weapon, measure, window, value) rows for the scrape-time collector."""
    rows: list[tuple[str, str, str, str, str, float]] = _cached(
        engine, "samples", lambda: _region_samples(engine))
    return rows


def _region_samples(engine: Engine) -> list[tuple[str, str, str, str, str, float]]:
    as_of = engine.as_of()
    rows: list[tuple[str, str, str, str, str, float]] = []
    if as_of is None:
        return rows
    for key in sorted(engine.states):
        for wname, span in WINDOWS.items():
            totals = aggregate.window_totals(engine.states[key], as_of=as_of, window=span)
            for claimant, weapons in totals.items():
                for weapon, measures in weapons.items():
                    for measure, value in measures.items():
                        rows.append((key, claimant, weapon, measure, wname, float(value)))
    return rows
