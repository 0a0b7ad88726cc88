"""PURE: the compact per-key aggregate state and its orjson encoding.

One RegionState per Kafka key (a region code or "ALL"). A claim identity is one
flat tuple of str/int (no pydantic objects, no per-claim dicts) and repeated
values (window bounds, publication times, source lists, report ids) are shared
objects, so a key with 10,000 claims stays a few MB. Times are epoch seconds.

Record of one claim identity (`Rec`), flat:
    meta = (kind, claimant, weapon, measure, damage_kind) (a shared tuple),
    window_start, window_end, sources (sorted tuple),
    first version (published_at, report_id, a, b, qualifier, source),
    more versions (tuple of versions, usually the shared empty tuple)
A version is the FIRST appearance (smallest (published_at, report_id)) of one
distinct value; (a, b) = (count, 0) for counts, (killed, injured) for
casualties, (0, 0) for damage. Versions are kept sorted; see apply.py for why.

Excerpts, spans and languages are kept only for the newest claims (`excerpts`)
because text dominates memory.
"""

from __future__ import annotations

import heapq
import sys
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar, cast, get_args

import orjson

from stream.models import Claimant, Measure, Weapon

Version = tuple[int, str, int, int, str, str]
Meta = tuple[str, str, str | None, str | None, str | None]
Rec = tuple[Meta, int, int, tuple[str, ...], int, str, int, int, str, str, tuple[Version, ...]]
GroupKey = tuple[str, str, str]  # (claimant, weapon, measure)
Excerpt = tuple[str, int, int, int, str]  # (excerpt, excerpt_start, span0, span1, lang)

META: Final = 0  # shared (kind, claimant, weapon, measure, damage_kind)
WS: Final = 1
WE: Final = 2
SOURCES: Final = 3
FIRST: Final = 4  # the first version occupies FIRST .. FIRST+5
MORE: Final = 10
KIND: Final = 0  # positions inside META
CLAIMANT: Final = 1
WEAPON: Final = 2
MEASURE: Final = 3
DKIND: Final = 4
V_PUB: Final = 0
V_RID: Final = 1
V_A: Final = 2
V_B: Final = 3
V_QUAL: Final = 4
V_SRC: Final = 5

FORMAT = 2
HOUR = 3600
_EMPTY: tuple[Version, ...] = ()

# Shared immutable values (ints, tuples). A memo only: results never depend on it.
_SHARED: dict[object, object] = {}
_T = TypeVar("_T")


def shared(value: _T) -> _T:
    if len(_SHARED) > 500_000:
        _SHARED.clear()
    return cast(_T, _SHARED.setdefault(value, value))


def s(value: str) -> str:
    return sys.intern(value)


@dataclass
class RegionState:
    """Aggregate state of ONE key. Mutated in place by `apply` (and returned)."""

    key: str
    watermark: int | None = None  # max event time (epoch s) of applied claims
    evicted_before: int = 0  # claims with event time < this were evicted
    offsets: dict[int, int] = field(default_factory=dict)  # partition -> last offset
    claims: dict[str, Rec] = field(default_factory=dict)
    # counted part of a count claim, only where it differs from its count (see counted)
    contrib: dict[str, int] = field(default_factory=dict)
    parts: dict[str, int] = field(default_factory=dict)  # sum of contained windows
    excerpts: dict[str, Excerpt] = field(default_factory=dict)  # newest claims only
    # Derived indexes, rebuilt by decode; not serialized, not compared.
    # group -> claim ids (a list: 8 bytes a claim, vs ~50 in a set)
    groups: dict[GroupKey, list[str]] = field(default_factory=dict, compare=False, repr=False)
    excerpt_heap: list[tuple[int, str]] = field(default_factory=list, compare=False,
                                                repr=False)
    # bucket_key(hour, group) -> sum of `counted` of the claims ending in that hour.
    buckets: dict[int, int] = field(default_factory=dict, compare=False, repr=False)


def new_state(key: str) -> RegionState:
    return RegionState(key=key)


def versions_of(rec: Rec) -> tuple[Version, ...]:
    return (rec[4:10], *rec[MORE])


def make_rec(head: tuple[Any, ...], versions: list[Version] | tuple[Version, ...]) -> Rec:
    """Build a record from its 4 head fields and its versions (sorted here)."""
    vs = sorted(versions, key=lambda v: (v[V_PUB], v[V_RID], v[V_A], v[V_B]))
    more = tuple(vs[1:]) if len(vs) > 1 else _EMPTY
    return cast(Rec, (*head[:FIRST], *vs[0], more))


def current(rec: Rec) -> Version:
    """The version in force: the value whose first appearance is the latest."""
    return rec[MORE][-1] if rec[MORE] else rec[4:10]


def hour_of_end(we: int) -> int:
    """Bucket start of an event ending at `we`: the hour holding its last instant."""
    return ((we - 1) // HOUR) * HOUR


def event_time(window_end: int, published_at: int) -> int:
    """Event time of a claim: its window end, but never after the hour its report was
    published in (a report without a time phrase gets the whole local calendar day as
    its window, which may end nearly a day after publication)."""
    return min(window_end, -(-published_at // HOUR) * HOUR)


def event_of(rec: Rec) -> int:
    """Event time of a claim identity: `event_time` with its EARLIEST publication
    (the first version is the earliest, see make_rec). A min over the set of claims
    seen, so it does not depend on arrival order; an earlier relay moves it earlier."""
    return event_time(rec[WE], rec[FIRST])


# Buckets are keyed by one int, hour_index * 64 + group code: a tuple key per
# (hour, claimant, weapon, measure) costs ~3x the memory.
GROUPS: tuple[GroupKey, ...] = tuple(
    (c, w, m) for c in get_args(Claimant) for w in get_args(Weapon) for m in get_args(Measure)
)
_GROUP_CODE = {g: i for i, g in enumerate(GROUPS)}
assert len(GROUPS) <= 64  # noqa: S101 - a contract of the encoding, checked at import


def bucket_key(hour: int, group: GroupKey) -> int:
    return (hour // HOUR) * 64 + _GROUP_CODE[group]


def bucket_of(key: int) -> tuple[int, GroupKey]:
    """(hour start in epoch seconds, group) of a bucket key."""
    return (key // 64) * HOUR, GROUPS[key % 64]


def add_bucket(state: RegionState, hour: int, group: GroupKey, delta: int) -> None:
    bucket = bucket_key(hour, group)
    n = state.buckets.get(bucket, 0) + delta
    if n:
        state.buckets[bucket] = n
    else:
        state.buckets.pop(bucket, None)


def counted(state: RegionState, cid: str, rec: Rec) -> int:
    """What a count claim adds to totals after window reconciliation (0 for others)."""
    if rec[META][KIND] != "count":
        return 0
    return state.contrib.get(cid, current(rec)[V_A])


def group_of(rec: Rec) -> GroupKey | None:
    if rec[META][KIND] != "count" or rec[META][WEAPON] is None or rec[META][MEASURE] is None:
        return None
    return (rec[META][CLAIMANT], rec[META][WEAPON], rec[META][MEASURE])


def reindex(state: RegionState) -> None:
    state.groups = {}
    state.buckets = {}
    for cid, rec in state.claims.items():
        g = group_of(rec)
        if g is not None:
            state.groups.setdefault(g, []).append(cid)
            add_bucket(state, hour_of_end(event_of(rec)), g, counted(state, cid, rec))
    state.excerpt_heap = [(state.claims[c][WE], c) for c in state.excerpts]
    heapq.heapify(state.excerpt_heap)


def encode(state: RegionState) -> bytes:
    """orjson bytes for the Faust table (sorted: equal states give equal bytes)."""
    return orjson.dumps(
        {
            "v": FORMAT,
            "key": state.key,
            "watermark": state.watermark,
            "evicted_before": state.evicted_before,
            "offsets": sorted(state.offsets.items()),
            "claims": sorted(state.claims.items()),
            "contrib": sorted(state.contrib.items()),
            "parts": sorted(state.parts.items()),
            "excerpts": sorted(state.excerpts.items()),
        }
    )


def _opt(v: str | None) -> str | None:
    return None if v is None else s(v)


def _rec(r: list[Any]) -> Rec:
    m = r[META]
    more = tuple(
        (int(v[0]), s(v[1]), int(v[2]), int(v[3]), s(v[4]), s(v[5])) for v in r[MORE]
    )
    return (
        shared((s(m[KIND]), s(m[CLAIMANT]), _opt(m[WEAPON]), _opt(m[MEASURE]),
                _opt(m[DKIND]))),
        shared(int(r[WS])), shared(int(r[WE])), shared(tuple(s(x) for x in r[SOURCES])),
        int(r[4]), s(r[5]), int(r[6]), int(r[7]), s(r[8]), s(r[9]),
        more or _EMPTY,
    )


def decode(data: bytes) -> RegionState:
    d = orjson.loads(data)
    if d.get("v") != FORMAT:
        msg = f"RegionState format {d.get('v')!r} is not {FORMAT}"
        raise ValueError(msg)
    state = RegionState(
        key=d["key"],
        watermark=d["watermark"],
        evicted_before=d["evicted_before"],
        offsets={int(p): int(o) for p, o in d["offsets"]},
        claims={cid: _rec(r) for cid, r in d["claims"]},
        contrib=dict(d["contrib"]),
        parts=dict(d["parts"]),
        excerpts={cid: (e[0], int(e[1]), int(e[2]), int(e[3]), s(e[4]))
                  for cid, e in d["excerpts"]},
    )
    reindex(state)
    return state
