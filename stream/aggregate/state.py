"""PURE: the compact per-key aggregate state and its orjson encoding.

One RegionState per Kafka key (a region code or "ALL"). A claim identity is one
flat tuple of str/int (no pydantic objects, no per-claim dicts) and repeated
values (window bounds, publication times, source lists, report ids) are shared
objects, so a key with 10,000 claims stays a few MB. Times are epoch seconds.

Record of one claim identity (`Rec`), flat:
    meta = (kind, claimant, weapon, measure, damage_kind, window_start, window_end)
    (a shared tuple: the identity's fields other than the region, which the key is;
    within a key each is one identity's, but the same one recurs across keys),
    sources (a shared sorted tuple of names),
    hours (a shared tuple of ints, one per source: how many hours after the hour of
    the identity's earliest report (FIRST) that source's earliest report of it was
    published, so the sources as they stood at any time are known, `sources_as_of`: a
    later relay by one more outlet adds a source but no version; over the memory
    benchmark's 440,246 records 4,029 distinct name tuples and 34,563 hour tuples,
    where (name, hours) pairs in one slot made 83,221 distinct tuples, 7.1 MB),
    then per version, oldest first: published_at, report_id, value
    where value = (a, b, qualifier, source) is a shared tuple (few distinct), so a
    claim seen with one value is a 6-slot tuple (88 bytes; 7 slots took 96). A
    version (`Version`, as `versions_of` and `current` give it) is (published_at,
    report_id, a, b, qualifier, source): the FIRST appearance (smallest
    (published_at, report_id)) of one distinct value and qualifier; (a, b) = (count, 0) for
    counts, (killed, injured) for casualties, (0, 0) for damage. Versions are kept
    sorted; see apply.py for why. The stored format (`encode`): meta (the 5 fields),
    window_start, window_end, sources (a source first reported in the hour of the
    earliest report as its bare name, as states stored before the hours were kept have
    them all, a later one as [source, hours]), the first version flat and the others
    in a list.

Excerpts, spans and languages are kept only for the newest claims (`excerpts`)
because text dominates memory; for those, the excerpts of versions not in force
too (`version_excerpts`, see apply._keep_excerpt), stored under their own key
only when there are any (a state stored without them still decodes).

Claim ids are kept as ints (`Cid`, see `cid_key`): a 24-hex-digit id is a 40-byte
int instead of a 73-byte str, and hashes faster. `hours` indexes claim ids by
event hour so window queries touch only the hours in the window.
"""

from __future__ import annotations

import bisect
import heapq
from array import array
from collections.abc import Callable, MutableSequence
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar, get_args

import orjson

from stream.models import Claimant, Measure, Weapon

Cid = int  # a claim id as an int, see cid_key
# An epoch-seconds time the state shares between records (a publication time, a window
# bound). Typed Any, not int: compiled (mypyc), an int-typed value is held unboxed and
# boxed anew wherever it is stored, so each record would hold its own int again.
Epoch = Any
Version = tuple[Epoch, str, int, int, str, str]
Meta = tuple[str, str, str | None, str | None, str | None]
Value = tuple[int, int, str, str]  # (a, b, qualifier, source)
Rec = tuple[Any, ...]  # meta (with ws, we), sources, hours, (published_at, report_id, Value) per version
Sources = tuple[tuple[str, ...], tuple[int, ...]]  # (names, hours after the first report's hour)
GroupKey = tuple[str, str, str]  # (claimant, weapon, measure)
TollGroup = tuple[str, str]  # ("casualties", side) or ("damage", kind)
Excerpt = tuple[str, int, int, int, str]  # (excerpt, excerpt_start, span0, span1, lang)
NO_EXCERPT: Excerpt = ("", 0, 0, 0, "")

META: Final = 0  # shared (kind, claimant, weapon, measure, damage_kind, ws, we)
SOURCES: Final = 1
HOURS: Final = 2  # per source, hours after the earliest report's hour
FIRST: Final = 3  # published_at of the first version; each version takes 3 slots
VAL: Final = 5  # value of the first version; rec[-1] is the value in force
KIND: Final = 0  # positions inside META
CLAIMANT: Final = 1
WEAPON: Final = 2
MEASURE: Final = 3
DKIND: Final = 4
WS: Final = 5  # window_start, epoch s
WE: Final = 6  # window_end, epoch s
# positions in the stored format (encode / decode)
S_META, S_WS, S_WE, S_SOURCES, S_FIRST = 0, 1, 2, 3, 4
V_PUB: Final = 0
V_RID: Final = 1
V_A: Final = 2
V_B: Final = 3
V_QUAL: Final = 4
V_SRC: Final = 5

FORMAT = 2
HOUR = 3600
_EMPTY: tuple[Version, ...] = ()

# Shared immutable values (ints, tuples). Memos only: results never depend on them.
# Two memos, both bounded (an entry costs ~100 bytes): few distinct values that
# recur all the time (window bounds, meta, source lists, sources) and values that
# recur only within one report and its relays (report ids, publication times),
# whose memo is small so it does not hold the dead ones of past reports.
_SHARED: dict[object, object] = {}
_RECENT: dict[object, object] = {}
_T = TypeVar("_T")


# (no typing.cast in these: they run several times per claim, and cast is a call).
# They return Any, not the value's type: compiled (mypyc), a value typed as an int or a
# fixed-length tuple is unboxed into a C value and boxed anew where it is stored, which
# would undo the sharing; typed Any, the shared object itself is what gets stored.
def shared(value: _T) -> Any:
    if len(_SHARED) > 65_536:
        _SHARED.clear()
    return _SHARED.setdefault(value, value)


def recent(value: _T) -> Any:
    if len(_RECENT) > 4_096:
        _RECENT.clear()
    return _RECENT.setdefault(value, value)


def s(value: str) -> str:
    """Share a repeated string (sources, qualifiers, claimants). A bounded memo,
    not sys.intern: interned report ids would never be freed after eviction."""
    if len(_SHARED) > 65_536:
        _SHARED.clear()
    return _SHARED.setdefault(value, value)  # type: ignore[return-value]


def cid_key(claim_id: str) -> Cid:
    """The int a claim id is stored as: the 24 hex digits of `identity()` as a
    non-negative int (same order as the strings); any other string as a negative
    int of its UTF-8 bytes. Reversible (cid_str)."""
    if len(claim_id) == 24:
        try:
            return int(claim_id, 16) if claim_id == claim_id.lower() else _other(claim_id)
        except ValueError:
            pass
    return _other(claim_id)


def _other(claim_id: str) -> Cid:
    return -int.from_bytes(b"\x01" + claim_id.encode(), "big")


def cid_str(key: Cid) -> str:
    if key >= 0:
        return f"{key:024x}"
    raw = (-key).to_bytes(((-key).bit_length() + 7) // 8, "big")
    return raw[1:].decode()


@dataclass
class RegionState:
    """Aggregate state of ONE key. Mutated in place by `apply` (and returned)."""

    key: str
    watermark: int | None = None  # max event time (epoch s) of applied claims
    evicted_before: int = 0  # claims with event time < this were evicted
    offsets: dict[int, int] = field(default_factory=dict)  # partition -> last offset
    claims: dict[Cid, Rec] = field(default_factory=dict)
    # sum of the contained windows' totals, for count claims with pieces only: what
    # such a claim counts is derived from it (see counted), so it needs no entry of its own
    parts: dict[Cid, int] = field(default_factory=dict)
    excerpts: dict[Cid, Excerpt] = field(default_factory=dict)  # newest claims only
    # of those, (published_at, report_id) -> excerpt of each version not in force
    version_excerpts: dict[Cid, dict[tuple[int, str], Excerpt]] = field(default_factory=dict)
    # counted (a, b) of casualty/damage claims where it differs from the value (tolls.py)
    tolls: dict[Cid, tuple[int, int]] = field(default_factory=dict)
    # count identities that restate an official's post under another window (relays.py):
    # they count nothing
    shadowed: set[Cid] = field(default_factory=set)
    # Derived indexes, rebuilt by decode; not serialized, not compared.
    # group -> claim ids (a list: 8 bytes a claim, vs ~50 in a set)
    groups: dict[GroupKey, list[Cid]] = field(default_factory=dict, compare=False, repr=False)
    # ("casualties", side) / ("damage", kind) -> claim ids (tolls.py)
    toll_groups: dict[tuple[str, str], list[Cid]] = field(default_factory=dict,
                                                          compare=False, repr=False)
    # event hour (hour_of_end(event_of(rec))) -> claim ids
    hours: dict[int, list[Cid]] = field(default_factory=dict, compare=False, repr=False)
    # end of the hour of a count claim's earliest report (pub_hour) -> claim ids: the
    # detectors read a report published after its hour closed in the hour it came in
    pub_hours: dict[int, list[Cid]] = field(default_factory=dict, compare=False, repr=False)
    excerpt_heap: list[tuple[Epoch, Cid]] = field(default_factory=list, compare=False,
                                                repr=False)
    # group or toll group -> the longest window (we - ws) among its members, ever: the
    # members are sorted by window start, so the windows overlapping [lo, hi] lie
    # between starts lo - span and hi (window_lookup)
    spans: dict[tuple[str, ...], int] = field(default_factory=dict, compare=False, repr=False)
    # group or toll group -> its members' window starts, in the members' order: what
    # window_lookup bisects (in C, where a key function costs a Python call per step;
    # the ints are the metas' own, so 8 bytes a member)
    starts: dict[tuple[str, ...], list[Epoch]] = field(default_factory=dict, compare=False, repr=False)
    # event hour -> [sum of `counted` of its claims in that hour, per group code]
    buckets: dict[int, MutableSequence[int]] = field(default_factory=dict, compare=False,
                                               repr=False)


def new_state(key: str) -> RegionState:
    return RegionState(key=key)


def versions_of(rec: Rec) -> tuple[Version, ...]:
    return tuple((rec[i], rec[i + 1], *rec[i + 2]) for i in range(FIRST, len(rec), 3))


def value(a: int, b: int, qualifier: str, source: str) -> Any:
    """The shared (a, b, qualifier, source) of a version (a `Value`)."""
    return shared((a, b, qualifier, source))


def pub_hour_of(t: int) -> int:
    """The index of the hour a report published at `t` counts in: it is read by a
    reader at `cutoff` if pub_hour_of(t) * HOUR < cutoff (the hour it was published
    in has ended by then)."""
    return -(-t // HOUR)


def source_names(rec: Rec) -> list[str]:
    """The names of a record's sources, sorted."""
    return list(rec[SOURCES])


def sources_as_of(rec: Rec, cutoff: int) -> set[str]:
    """The sources that had reported the identity in hours ended before `cutoff`."""
    first = pub_hour_of(rec[FIRST])
    return {name for name, h in zip(rec[SOURCES], rec[HOURS], strict=True) if (first + h) * HOUR < cutoff}


def count_as_of(rec: Rec, cutoff: int) -> int | None:
    """The count in force among the versions published in hours ended before `cutoff`
    (None: no such version). Versions are kept oldest first, one per value."""
    if len(rec) == 6:  # one version (most records): [3] is FIRST, [5] its value
        return rec[5][0] if -(-rec[3] // HOUR) * HOUR < cutoff else None
    for i in range(len(rec) - 3, FIRST - 1, -3):
        if pub_hour_of(rec[i]) * HOUR < cutoff:
            return rec[i + 2][0]  # type: ignore[no-any-return]  # the value: (a, b, qualifier, source)
    return None


def make_sources(first: int, hours: dict[str, int]) -> Sources:
    """The shared (sources, hours) of a record whose earliest report was published at
    `first`, from each source's earliest publication hour (`pub_hour_of`)."""
    base = pub_hour_of(first)
    names = sorted(hours)
    return shared(tuple(names)), shared(tuple(hours[n] - base for n in names))


def source_hours(rec: Rec) -> dict[str, int]:
    """name -> the publication hour (`pub_hour_of`) of its earliest report of `rec`."""
    base = pub_hour_of(rec[FIRST])
    return {name: base + h for name, h in zip(rec[SOURCES], rec[HOURS], strict=True)}


def make_rec(meta: tuple[Any, ...], sources: Sources,
             versions: list[Version] | tuple[Version, ...]) -> Rec:
    """Build a record from its shared meta, its (sources, hours) and its versions (sorted
    here)."""
    vs = sorted(versions, key=lambda v: (v[V_PUB], v[V_RID], v[V_A], v[V_B], v[V_QUAL]))
    flat: list[Any] = [meta, *sources]
    for v in vs:
        flat += (v[V_PUB], v[V_RID], value(v[V_A], v[V_B], v[V_QUAL], v[V_SRC]))
    return tuple(flat)


def current(rec: Rec) -> Version:
    """The version in force: the value whose first appearance is the latest."""
    return (rec[-3], rec[-2], *rec[-1])


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
    return event_time(rec[META][WE], rec[FIRST])


def span_of(rec: Rec) -> tuple[int, int]:
    """The window a claim can speak for, as reconciliation nests it: its window, but
    ending no later than the hour its earliest report was published in (`event_of`).
    A report without a time phrase gets the whole local calendar day as its window;
    published in the morning, it cannot hold what a bulletin counts that evening,
    which must not be taken for one of its pieces. (A window starting after that
    publication hour is kept whole.) A function of the set of claims seen, like
    `event_of`; an earlier relay can only shorten it."""
    meta = rec[META]
    ws, we = meta[WS], meta[WE]
    end = -(-rec[FIRST] // HOUR) * HOUR
    return ws, end if ws < end < we else we


# Buckets are {hour: [n per group code]}: one array('i') of len(GROUPS) slots per hour
# (4 bytes a slot: 180 bytes an hour where a list of ints took 360 plus its larger
# ints; a dict cost ~24 per group and more per hour), and a query reads only the
# hours of its window. A sum beyond 32 bits (absurd counts) turns its hour into a list.
GROUPS: tuple[GroupKey, ...] = tuple(
    (c, w, m) for c in get_args(Claimant) for w in get_args(Weapon) for m in get_args(Measure)
)
_GROUP_CODE = {g: i for i, g in enumerate(GROUPS)}
assert len(GROUPS) <= 64  # noqa: S101 - a contract of the encoding, checked at import
assert (META, WS, WE) == (0, 5, 6)  # noqa: S101 - literal in window_lookup and apply
_NO_COUNTS = array("i", bytes(4 * len(GROUPS)))


def add_bucket(state: RegionState, hour: int, group: GroupKey, delta: int) -> None:
    if not delta:
        return
    code = _GROUP_CODE[group]
    by_group = state.buckets.get(hour)
    if by_group is None:
        by_group = state.buckets[hour] = array("i", _NO_COUNTS)
    n = by_group[code] + delta
    try:
        by_group[code] = n
    except OverflowError:
        by_group = state.buckets[hour] = list(by_group)
        by_group[code] = n
    if not n and not any(by_group):
        del state.buckets[hour]


def counted_part(count: int, parts: int | None) -> int:
    """What a count claim adds to totals (reconcile.allocate): its count, or with pieces
    summing to `parts`, what its count adds beyond them."""
    if parts is None:
        return count
    return count - parts if count > parts else 0


def counted(state: RegionState, cid: Cid, rec: Rec) -> int:
    """What a count claim adds to totals after window reconciliation (0 for others)."""
    if rec[META][KIND] != "count" or cid in state.shadowed:
        return 0
    return counted_part(rec[-1][0], state.parts.get(cid))


def group_of(rec: Rec) -> GroupKey | None:
    if rec[META][KIND] != "count" or rec[META][WEAPON] is None or rec[META][MEASURE] is None:
        return None
    return (rec[META][CLAIMANT], rec[META][WEAPON], rec[META][MEASURE])


_SIDE = {"ru-mod": "ru", "ru-official": "ru", "ua-military": "ua", "ua-official": "ua"}


def side(claimant: str) -> str:
    return _SIDE.get(claimant, "other")


def toll_group(rec: Rec) -> TollGroup | None:
    kind = rec[META][KIND]
    if kind == "casualties":
        return ("casualties", side(rec[META][CLAIMANT]))
    if kind == "damage" and rec[META][DKIND] is not None:
        return ("damage", rec[META][DKIND])
    return None


_K = TypeVar("_K", GroupKey, TollGroup)


def index_add(state: RegionState, index: dict[_K, list[Cid]], g: _K, cid: Cid, rec: Rec) -> None:
    """Add a new identity to its group's members (kept sorted by window start)."""
    members = index.get(g)
    meta = rec[META]
    ws = meta[WS]
    if members is None:
        index[g] = [cid]
        state.starts[g] = [ws]
    else:
        starts = state.starts[g]
        i = bisect.bisect_right(starts, ws)
        members.insert(i, cid)
        starts.insert(i, ws)
    span = meta[WE] - ws
    if span > state.spans.get(g, -1):
        state.spans[g] = span


def window_lookup(state: RegionState, members: list[Cid],
                  g: tuple[str, ...]) -> Callable[[int, int], list[tuple[Cid, int, int]]]:
    """(id, ws, we) of the members whose window (`span_of`) touches [lo, hi] (ws <= hi,
    lo <= we): a slice of the members sorted by start, not a scan of the group (the
    group's widest meta window bounds how far back a window can start). `members` is
    the group's list in `state.groups` or `state.toll_groups` (`state.starts[g]` holds
    their starts)."""
    claims = state.claims
    span = state.spans.get(g, 0)
    starts = state.starts[g]
    left, right = bisect.bisect_left, bisect.bisect_right

    # Literal indexes in this hot loop: [0] is META, [6] is WE (a constant index is
    # cheaper than a global name lookup per use).
    def lookup(lo: int, hi: int) -> list[tuple[Cid, int, int]]:
        i = left(starts, lo - span)
        j = right(starts, hi, lo=i)
        out = []
        for m in members[i:j]:
            r = claims[m]
            w = r[0]
            ws, we = w[5], w[6]
            end = -(-r[3] // 3600) * 3600  # span_of, inlined: [3] is FIRST
            if ws < end < we:
                we = end
            if we >= lo:
                out.append((m, ws, we))
        return out

    return lookup


def pub_hour(rec: Rec) -> int:
    """The end of the hour its earliest report was published in."""
    return -(-rec[FIRST] // HOUR) * HOUR  # type: ignore[no-any-return]


def pub_add(state: RegionState, rec: Rec, cid: Cid) -> None:
    if group_of(rec) is not None:
        state.pub_hours.setdefault(pub_hour(rec), []).append(cid)


def pub_remove(state: RegionState, rec: Rec, cid: Cid) -> None:
    if group_of(rec) is None:
        return
    h = pub_hour(rec)
    members = state.pub_hours[h]
    members.remove(cid)
    if not members:
        del state.pub_hours[h]


def hour_add(state: RegionState, hour: int, cid: Cid) -> None:
    state.hours.setdefault(hour, []).append(cid)


def hour_remove(state: RegionState, hour: int, cid: Cid) -> None:
    members = state.hours[hour]
    members.remove(cid)
    if not members:
        del state.hours[hour]


def index_keep(state: RegionState, index: dict[_K, list[Cid]], g: _K, keep: Callable[[Cid], bool]) -> None:
    """Keep only the members of `g` for which `keep` holds (their starts with them);
    an emptied group goes."""
    members, starts = index[g], state.starts[g]
    kept = [i for i, c in enumerate(members) if keep(c)]
    if not kept:
        del index[g], state.starts[g]
    elif len(kept) < len(members):
        index[g] = [members[i] for i in kept]
        state.starts[g] = [starts[i] for i in kept]


def reindex(state: RegionState) -> None:
    state.groups = {}
    state.buckets = {}
    state.hours = {}
    state.pub_hours = {}
    state.toll_groups = {}
    state.spans = {}
    for cid, rec in state.claims.items():
        hour_add(state, hour_of_end(event_of(rec)), cid)
        pub_add(state, rec, cid)
        span = rec[META][WE] - rec[META][WS]
        tg = toll_group(rec)
        if tg is not None:
            state.toll_groups.setdefault(tg, []).append(cid)
            state.spans[tg] = max(state.spans.get(tg, 0), span)
        g = group_of(rec)
        if g is not None:
            state.groups.setdefault(g, []).append(cid)
            state.spans[g] = max(state.spans.get(g, 0), span)
            add_bucket(state, hour_of_end(event_of(rec)), g, counted(state, cid, rec))
    claims = state.claims
    state.starts = {}
    for index in (state.groups, state.toll_groups):
        for key, members in index.items():
            members.sort(key=lambda c: claims[c][META][WS])
            state.starts[key] = [claims[c][META][WS] for c in members]
    state.excerpt_heap = [(state.claims[c][META][WE], c) for c in state.excerpts]
    heapq.heapify(state.excerpt_heap)


def encode(state: RegionState) -> bytes:
    """orjson bytes for the Faust table (sorted: equal states give equal bytes)."""
    doc: dict[str, Any] = {
        "v": FORMAT,
        "key": state.key,
        "watermark": state.watermark,
        "evicted_before": state.evicted_before,
        "offsets": sorted(state.offsets.items()),
        "claims": sorted((cid_str(k), _stored(v)) for k, v in state.claims.items()),
        # derived from parts (counted), stored as the format has always had it
        "contrib": _by_id({c: counted(state, c, state.claims[c]) for c in state.parts}),
        "parts": _by_id(state.parts),
        "excerpts": _by_id(state.excerpts),
        "tolls": _by_id(state.tolls),
    }
    if state.version_excerpts:  # a later key, absent when empty: older states still decode
        doc["version_excerpts"] = _by_id({
            c: sorted((*k, *e) for k, e in vs.items())
            for c, vs in state.version_excerpts.items()})
    if state.shadowed:  # likewise
        doc["shadowed"] = sorted(cid_str(c) for c in state.shadowed)
    return orjson.dumps(doc)


def _by_id(d: dict[Cid, _T]) -> list[tuple[str, _T]]:
    # ids as strings in the stored format (the int form is in-memory only)
    return sorted((cid_str(k), v) for k, v in d.items())


def _opt(v: str | None) -> str | None:
    return None if v is None else s(v)


def _stored(rec: Rec) -> tuple[Any, ...]:
    """A record in the stored format: meta (5 fields), window_start, window_end,
    sources, the first version flat, the others in a list."""
    vs = versions_of(rec)
    meta = rec[META]
    # a source first reported in the earliest report's hour is its bare name (all of them
    # in states stored before the hours were kept), a later one [name, hours]
    sources = [name if not h else (name, h) for name, h in zip(rec[SOURCES], rec[HOURS], strict=True)]
    return (meta[:WS], meta[WS], meta[WE], sources, *vs[0], vs[1:])


def _rec(r: list[Any]) -> Rec:
    m = r[S_META]
    versions = [(recent(int(v[0])), recent(v[1]), int(v[2]), int(v[3]), s(v[4]), s(v[5]))
                for v in (r[S_FIRST:S_FIRST + 6], *r[S_FIRST + 6])]
    meta = shared((s(m[KIND]), s(m[CLAIMANT]), _opt(m[WEAPON]), _opt(m[MEASURE]),
                   _opt(m[DKIND]), shared(int(r[S_WS])), shared(int(r[S_WE]))))
    first = min(v[0] for v in versions)
    # a source is [name, hours], or its bare name when hours is 0 (_stored)
    hours = {s(x): pub_hour_of(first) for x in r[S_SOURCES] if isinstance(x, str)}
    hours.update((s(x[0]), pub_hour_of(first) + int(x[1])) for x in r[S_SOURCES] if not isinstance(x, str))
    return make_rec(meta, make_sources(first, hours), versions)


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
        claims={cid_key(cid): _rec(r) for cid, r in d["claims"]},
        parts={cid_key(cid): int(n) for cid, n in d["parts"]},
        excerpts={cid_key(cid): (e[0], int(e[1]), int(e[2]), int(e[3]), s(e[4]))
                  for cid, e in d["excerpts"]},
        tolls={cid_key(cid): (int(v[0]), int(v[1])) for cid, v in d.get("tolls", [])},
        version_excerpts={
            cid_key(cid): {(recent(int(e[0])), recent(e[1])): (e[2], int(e[3]), int(e[4]),
                                                              int(e[5]), s(e[6])) for e in vs}
            for cid, vs in d.get("version_excerpts", [])},
        shadowed={cid_key(cid) for cid in d.get("shadowed", [])},
    )
    reindex(state)
    return state
