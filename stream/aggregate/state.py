"""PURE: the compact per-key aggregate state and its orjson encoding.

One RegionState per Kafka key (a region code or "ALL"). Claims are stored as
plain tuples of str/int (no pydantic objects) so 10,000 claims per key stay
small; times are epoch seconds (UTC).

Record of one claim identity (`Rec`):
    (kind, claimant, weapon, measure, damage_kind, window_start, window_end,
     versions, sources)
`versions` keeps, for each distinct value the identity was ever reported with,
its FIRST appearance (smallest (published_at, report_id)); `sources` is every
source that carried the identity (sorted). See apply.py for why.
Version: (published_at, report_id, a, b, qualifier, source, lang, span0, span1)
where (a, b) is the value: (count, 0) for counts, (killed, injured) for
casualties, (0, 0) for damage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

import orjson

Version = tuple[int, str, int, int, str, str, str, int, int]
Rec = tuple[str, str, str | None, str | None, str | None, int, int, tuple[Version, ...],
            tuple[str, ...]]
GroupKey = tuple[str, str, str]  # (claimant, weapon, measure)

# Record field positions (tuples keep memory low; names keep code readable).
KIND: Final = 0
CLAIMANT: Final = 1
WEAPON: Final = 2
MEASURE: Final = 3
DKIND: Final = 4
WS: Final = 5
WE: Final = 6
VERSIONS: Final = 7
SOURCES: Final = 8
V_PUB: Final = 0
V_RID: Final = 1
V_A: Final = 2
V_B: Final = 3
V_QUAL: Final = 4
V_SRC: Final = 5
V_LANG: Final = 6
V_SPAN0: Final = 7
V_SPAN1: Final = 8

FORMAT = 1


@dataclass
class RegionState:
    """Aggregate state of ONE key. Mutated in place by `apply` (and returned)."""

    key: str
    watermark: int | None = None  # max window_end (epoch s) of applied claims
    evicted_before: int = 0  # claims with window_end < this were evicted
    offsets: dict[int, int] = field(default_factory=dict)  # partition -> last offset
    claims: dict[str, Rec] = field(default_factory=dict)
    contrib: dict[str, int] = field(default_factory=dict)  # counted part of a count claim
    parts: dict[str, int] = field(default_factory=dict)  # sum of contained windows
    excerpts: dict[str, tuple[str, int]] = field(default_factory=dict)  # newest claims only
    # Derived index, rebuilt by decode; not serialized.
    groups: dict[GroupKey, set[str]] = field(default_factory=dict, compare=False, repr=False)


def new_state(key: str) -> RegionState:
    return RegionState(key=key)


def current(rec: Rec) -> Version:
    """The version in force: the value whose first appearance is the latest."""
    return max(rec[VERSIONS], key=lambda v: (v[V_PUB], v[V_RID], v[V_A], v[V_B]))


def group_of(rec: Rec) -> GroupKey | None:
    if rec[KIND] != "count" or rec[WEAPON] is None or rec[MEASURE] is None:
        return None
    return (rec[CLAIMANT], rec[WEAPON], rec[MEASURE])


def index_groups(state: RegionState) -> None:
    state.groups = {}
    for cid, rec in state.claims.items():
        g = group_of(rec)
        if g is not None:
            state.groups.setdefault(g, set()).add(cid)


def encode(state: RegionState) -> bytes:
    """orjson bytes for the Faust table (sorted claims: equal states, equal bytes)."""
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


def decode(data: bytes) -> RegionState:
    d = orjson.loads(data)
    if d.get("v") != FORMAT:
        msg = f"RegionState format {d.get('v')!r} is not {FORMAT}"
        raise ValueError(msg)
    claims: dict[str, Rec] = {}
    for cid, r in d["claims"]:
        versions = tuple(tuple(v) for v in r[VERSIONS])
        claims[cid] = (*r[:VERSIONS], versions, tuple(r[SOURCES]))
    state = RegionState(
        key=d["key"],
        watermark=d["watermark"],
        evicted_before=d["evicted_before"],
        offsets={int(p): int(o) for p, o in d["offsets"]},
        claims=claims,
        contrib=dict(d["contrib"]),
        parts=dict(d["parts"]),
        excerpts={cid: (ex, int(st)) for cid, (ex, st) in d["excerpts"]},
    )
    index_groups(state)
    return state
