"""PURE: the processing steps shared by the live agents, replay and tests.

`decode_raw` + `normalize_record` turn raw bytes into claims (or a Rejection);
`Engine` folds claims into per-region aggregate state and the detector. Nothing
here does I/O or reads the clock: `now` is an argument.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from pydantic import ValidationError

from stream import aggregate, detect
from stream.claims import claims_of
from stream.models import Alert, Claim, NormalizedReport, RawReport, Rejection

MAX_RECORD_BYTES = 512 * 1024
#: a report published further ahead of the processing clock is invalid: one bad
#: timestamp would otherwise move the event-time watermark of every aggregate.
MAX_CLOCK_SKEW = timedelta(hours=1)
#: default wait after an hour ends before the detectors score it (STREAM_DETECT_GRACE_MINUTES)
DETECT_GRACE = timedelta(hours=2)
HOUR = timedelta(hours=1)
#: an eviction hold that keeps every claim (`Engine._hold`: before the first hour is scored)
_NO_EVICTION = -(2**62)


_BUCKETS: dict[datetime, datetime] = {}


def _bucket_of(event_time: datetime) -> datetime:
    """The hour bucket holding an event time (bucket h holds (h, h + 1h], as in the
    aggregate's hour_of_end); memoized (event times repeat: window ends, whole hours)."""
    found = _BUCKETS.get(event_time)
    if found is None:
        if len(_BUCKETS) >= 4096:
            _BUCKETS.clear()
        t = int(event_time.timestamp())
        found = _BUCKETS[event_time] = datetime.fromtimestamp((t - 1) // 3600 * 3600, UTC)
    return found


def _in_time(claim: Claim | aggregate.Fact, hour: datetime, grace: timedelta) -> bool:
    """Whether the claim was published in an hour that ended before the detectors
    score `hour` (see `aggregate.hour_activity`)."""
    pub = claim.published_at
    t = pub if isinstance(pub, int) else int(pub.timestamp())
    return -(-t // 3600) * 3600 < int((hour + HOUR + grace).timestamp())


def _came_in(claim: Claim | aggregate.Fact, grace: timedelta) -> datetime:
    """The first hour the detectors score after `claim` was published: a report published
    after its own hour closed is read there (aggregate.hour_activity)."""
    pub = claim.published_at if isinstance(claim.published_at, int) else int(claim.published_at.timestamp())
    t = -(-pub // 3600) * 3600 - _whole_hours(grace)
    found = _CAME_IN.get(t)
    if found is None:  # few distinct hours: a bounded memo (a datetime per claim costs)
        if len(_CAME_IN) >= 4_096:
            _CAME_IN.clear()
        found = _CAME_IN[t] = datetime.fromtimestamp(t, UTC)
    return found


_CAME_IN: dict[int, datetime] = {}


def _whole_hours(span: timedelta) -> int:
    """`span` rounded up to whole hours, in seconds (memoized: one per setting)."""
    found = _HOURS.get(span)
    if found is None:
        found = _HOURS[span] = -(-int(span.total_seconds()) // 3600) * 3600
    return found


_HOURS: dict[timedelta, int] = {}


def is_late(claim: Claim | aggregate.Fact, lateness: timedelta) -> bool:
    """Whether the fold rejects the claim as late (`aggregate.apply`: its window ended
    more than `lateness` before it was published). A function of the claim alone, so the
    normalize agent that writes it dead-letters it, once, rather than every worker that
    folds the claims log, at every start."""
    f = claim if isinstance(claim, aggregate.Fact) else aggregate.Fact.of(claim)
    return bool(f.window_end < f.published_at - int(lateness.total_seconds()))


def _changes(applied: aggregate.Applied) -> bool:
    """Whether a folded claim changed what an hour holds: a new identity, a corrected
    value, or (a relay published earlier) a count moved between hours."""
    return applied.outcome in ("new", "correction") or bool(applied.deltas)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a record came from: topic[partition]@offset."""

    topic: str
    partition: int
    offset: int

    def __str__(self) -> str:
        return f"{self.topic}[{self.partition}]@{self.offset}"


@dataclass(frozen=True, slots=True)
class Normalized:
    report: NormalizedReport
    claims: list[Claim]


def _reject(reason: str, error: str, value: bytes, where: Place, now: datetime,
            key: bytes | None) -> Rejection:
    return Rejection.of(reason=reason, error=f"{where}: {error}", original=value,  # type: ignore[arg-type]
                        topic=where.topic, partition=where.partition, offset=where.offset,
                        rejected_at=now, key=key)


def _validation_summary(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err["loc"]) or "<record>"
        val = repr(err.get("input"))
        if len(val) > 60:
            val = val[:57] + "..."
        parts.append(f"field {loc}: {err['msg']} (got {val})")
    return "; ".join(parts)


def decode_raw(value: bytes | None, where: Place, now: datetime,
               key: bytes | None = None) -> RawReport | Rejection:
    """Bytes -> validated RawReport, or a Rejection naming the place and the field."""
    if value is None:
        return _reject("decode", "empty record (null value)", b"", where, now, key)
    if len(value) > MAX_RECORD_BYTES:
        return _reject("too_large", f"record of {len(value)} bytes exceeds {MAX_RECORD_BYTES}",
                       value, where, now, key)
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _reject("decode", f"invalid UTF-8 at byte {exc.start}", value, where, now, key)
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        return _reject("decode", f"invalid JSON: {exc}", value, where, now, key)
    if not isinstance(data, dict):
        return _reject("invalid", f"expected a JSON object, got {type(data).__name__}",
                       value, where, now, key)
    try:
        raw = RawReport.model_validate(data)
    except ValidationError as exc:
        return _reject("invalid", _validation_summary(exc), value, where, now, key)
    if raw.published_at > now + MAX_CLOCK_SKEW:
        return _reject("invalid", f"field published_at: {raw.published_at.isoformat()} is in the future "
                       f"(processing time {now.isoformat()})", value, where, now, key)
    return raw


def normalize_record(value: bytes | None, where: Place, now: datetime,
                     key: bytes | None = None) -> Normalized | Rejection:
    """Raw bytes -> normalized report and its claims; never raises on input."""
    raw = decode_raw(value, where, now, key)
    if isinstance(raw, Rejection):
        return raw
    # imported here: the import loads the morphology dictionaries, which a worker whose
    # normalizer runs in a child process (stream.offload) never needs
    from stream.normalize import normalize

    try:
        report = normalize(raw)
        return Normalized(report=report, claims=claims_of(report, text=raw.text))
    except Exception as exc:  # a normalizer bug must not stop the stream
        return _reject("internal", f"normalizer failed: {type(exc).__name__}: {exc}",
                       value or b"", where, now, key)


def claim_bytes(claim: Claim) -> bytes:
    """The claim's JSON as written to the claims topic: pydantic's serializer, the same
    bytes as orjson over `model_dump(mode="json")` in a third of the time."""
    return claim.__pydantic_serializer__.to_json(claim)


def decode_claim(value: bytes | None, where: Place, now: datetime,
                 key: bytes | None = None) -> Claim | Rejection:
    if value is None:
        return _reject("decode", "empty claim record", b"", where, now, key)
    try:
        return Claim.model_validate_json(value)
    except ValidationError as exc:
        return _reject("invalid", _validation_summary(exc), value, where, now, key)


def decode_fact(value: bytes | None, where: Place, now: datetime,
                key: bytes | None = None) -> aggregate.Fact | Rejection:
    """Bytes -> the Fact the fold reads, or the same Rejection as `decode_claim`.

    Claims of the plain shape the normalize agent writes skip the pydantic model
    (`aggregate.fact_from_json`); anything else, malformed claims included, goes
    through `decode_claim`, so acceptance and rejection reasons are the model's.
    `Fact.claim()` gives the Claim back where one is needed.
    """
    if value is not None:
        try:
            fact = aggregate.fact_from_json(orjson.loads(value), value)
        except orjson.JSONDecodeError:
            fact = None
        if fact is not None:
            return fact
    claim = decode_claim(value, where, now, key)
    return claim if isinstance(claim, Rejection) else aggregate.Fact.of(claim)


#: key of a watermark record on the claims topic (no region key starts with a NUL)
TICK_KEY = b"\x00watermark"


@dataclass(frozen=True, slots=True)
class Tick:
    """A watermark record: its writer has written every claim up to `event_time` of
    the raw records of the raw partitions `raw` (of `of` in all; None: every one)."""

    event_time: datetime
    raw: tuple[int, ...] | None = None
    of: int | None = None


def tick_bytes(event_time: datetime, raw: Iterable[int] | None = None, of: int | None = None) -> bytes:
    """A watermark record: the producer has written its claims up to this event time
    (of the raw partitions `raw`, of `of`; without them: of every raw partition)."""
    doc: dict[str, Any] = {"watermark": int(event_time.timestamp())}
    if raw is not None and of is not None:
        doc["raw"] = sorted(raw)
        doc["of"] = of
    return orjson.dumps(doc)


def decode_watermark(value: bytes | None) -> Tick | None:
    """A watermark record, None when it is not a valid one."""
    try:
        data = orjson.loads(value or b"")
        at = datetime.fromtimestamp(int(data["watermark"]), UTC)
        raw, of = data.get("raw"), data.get("of")
        if raw is None or of is None:
            return Tick(at)
        parts = tuple(int(r) for r in raw)
        if int(of) < 1 or any(not 0 <= r < int(of) for r in parts):
            return None
        return Tick(at, parts, int(of))
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, OverflowError, AttributeError):
        return None


def decode_tick(value: bytes | None) -> datetime | None:
    """The event time of a watermark record, None when it is not a valid one."""
    tick = decode_watermark(value)
    return None if tick is None else tick.event_time


@dataclass(slots=True)
class InputWatermark:
    """How far in event time a writer of claims has written everything it will write
    from the raw records it reads: the least, over its raw partitions (each read in
    order, roughly in time), of the latest event time of the claims delivered from it.

    Batches of raw records are numbered by `begin` and may finish out of order; only
    the batches finished before every one still in flight count (as one batch at a
    time would). `value` takes the writer's raw partitions with their high-water marks:
    a partition read to its end (every record taken has finished) does not hold the
    others back (it is idle: what comes next is new), nor does one whose records were all
    delivered before this writer took it (a restart, a rebalance: see `value`); one not
    read at all yet holds everything (it may hold any hour: a bulk load of history over
    several partitions must not let the first one read push event time to its end), and
    so does one whose finished records gave no claim yet (its first claim may be of any
    hour). With no partition holding, the latest event time written (or of the log)."""

    started: int = 0
    finished: int = 0  # batches 0 .. finished-1 are all done
    #: batches started: raw partition -> the greatest offset taken
    taken: dict[int, dict[int, int]] = field(default_factory=dict)
    #: batches done out of order: batch -> (offsets, raw partition -> latest event time)
    done: dict[int, tuple[dict[int, int], dict[int, datetime]]] = field(default_factory=dict)
    #: over batches 0 .. finished-1: per raw partition the greatest offset and the latest
    #: event time of its claims
    through: dict[int, int] = field(default_factory=dict)
    high: dict[int, datetime] = field(default_factory=dict)

    def begin(self, offsets: Mapping[int, int]) -> int:
        """A batch of raw records is taken: per raw partition its greatest offset."""
        self.started += 1
        self.taken[self.started - 1] = dict(offsets)
        return self.started - 1

    def finish(self, batch: int, latest: Mapping[int, datetime] | None) -> None:
        """Batch `batch` has delivered its claims (per raw partition the latest event time
        of the claims from it), or failed to (`latest` None: none of it counts)."""
        offsets = self.taken.pop(batch, {})
        self.done[batch] = ({}, {}) if latest is None else (offsets, dict(latest))
        while self.finished in self.done:
            offs, times = self.done.pop(self.finished)
            self.finished += 1
            for p, o in offs.items():
                if o > self.through.get(p, -1):
                    self.through[p] = o
            for p, t in times.items():
                seen = self.high.get(p)
                if seen is None or t > seen:
                    self.high[p] = t

    def value(self, partitions: Mapping[int, int | None], committed: Mapping[int, int] | None = None,
              idle_at: datetime | None = None) -> datetime | None:
        """The watermark, given the writer's raw partitions and their high-water marks
        (None: not known yet).

        `committed`: per raw partition, the offset below which every record's claims are
        delivered (the consumer group's committed offset: the normalize agent acks a
        record only once its claims are delivered). A writer that restarted, or took a
        partition over in a rebalance, starts there; a partition committed up to its
        high-water mark is read to its end although this writer took nothing from it.

        `idle_at`: when every partition is read to its end, the writer has written all
        there is of them, so it may say as much up to the latest event time of the
        claims log (its own claims of before a restart, another writer's), as one
        writer of every raw partition would: otherwise an idle writer's last watermark
        holds every claims partition back."""
        holding: list[datetime] = []
        for p, hw in partitions.items():
            done_to = self.through.get(p)
            if committed is not None and (start := committed.get(p)) is not None:
                done_to = max(start - 1, -1 if done_to is None else done_to)
            if hw is not None and (hw == 0 or (done_to is not None and done_to + 1 >= hw)):
                continue  # read to its end
            t = self.high.get(p)
            if t is None:
                # not read yet, or nothing it gave had an event time (no claims): its
                # next claim may be of any hour
                return None
            holding.append(t)
        if holding:
            return min(holding)
        times = [*self.high.values(), *(() if idle_at is None or not partitions else (idle_at,))]
        return max(times) if times else None


@dataclass(slots=True)
class Engine:
    """Per-key aggregate state for every key seen: the read model the API serves.

    Folding is order-independent and idempotent (see `stream.aggregate`), so a
    live run, a replay and any number of re-deliveries give the same state.
    """

    lateness: timedelta = timedelta(days=7)
    states: dict[str, aggregate.RegionState] = field(default_factory=dict)
    watermark: datetime | None = None
    counts: dict[str, int] = field(default_factory=dict)
    seq: int = 0
    #: bumped whenever a fold may have changed a result (read models cache on it)
    version: int = 0
    #: read-model documents by name, with the version they were built at
    cache: dict[str, tuple[int, Any]] = field(default_factory=dict)
    detector: detect.DetectorState = field(
        default_factory=lambda: detect.new_state(detect.DetectorConfig(hour_close_grace=DETECT_GRACE)))
    alerts: dict[str, Alert] = field(default_factory=dict)
    max_alerts_kept: int = 500
    #: per partition the latest watermark read there (see `tick`), and the (key, hour)
    #: whose activity may have changed (see `_capture`)
    part_time: dict[int, datetime] = field(default_factory=dict)
    #: per partition the max event time of the claims folded from it (closes the
    #: hours of a partition without watermarks)
    claim_time: dict[int, datetime] = field(default_factory=dict)
    det_dirty: dict[str, set[datetime]] = field(default_factory=dict)
    #: the hours before this one are scored (or had nothing to score): final
    closed_before: datetime | None = None
    #: claims published in time for an hour that reached it after it was scored
    detector_late: int = 0
    #: partitions that carry watermark records (see `tick`)
    ticked: set[int] = field(default_factory=set)
    #: per claims partition, per raw partition: the latest watermark read there that
    #: covers that raw partition (watermarks of several writers; see `tick`)
    covered: dict[int, dict[int, datetime]] = field(default_factory=dict)
    #: every partition of the claims topic (set by the reader; see `frontier`)
    partitions: frozenset[int] = frozenset()
    #: the log is known to carry watermark records (a live follower of the claims the
    #: normalize agents write): every partition is held until its first one is read
    expect_ticks: bool = False
    #: The eviction's hold (`aggregate.apply`): the region's claims are evicted the
    #: retention and the lateness behind the first hour the detectors have not scored
    #: (`closed_before`, epoch s), when that is behind its latest event time; nothing
    #: before the first hour is scored. A region's latest event time runs weeks ahead of
    #: the hours scored when the raw partitions are read unevenly (a bulk load: the
    #: normalize agent gets one partition's records before another's) or a backlog is
    #: folded before its hours are scored (a raw replay folds what it has buffered
    #: first). Evicting there expired the claims still to come from the partitions
    #: behind, and dropped a report published after its hour closed (read in the hour it
    #: came in, up to the lateness after its event time) before that hour was scored: the
    #: alerts depended on how the feed arrived. Kept for `closed_before` (`_hold_for`).
    _hold: int = field(default=_NO_EVICTION, compare=False, repr=False)
    _hold_for: datetime | None = field(default=None, compare=False, repr=False)
    #: The gate (`apply`, `tick`): per claims partition, the first hour its latest
    #: watermark leaves unscored (`detect.closed_before` at it) ...
    gates: dict[int, datetime] = field(default_factory=dict)
    #: ... and, while that hour is ahead of the hours scored, the records read there
    #: since, in log order: (None, claim, offset) or (tick, raw, of)
    held: dict[int, deque[tuple[Any, Any, Any]]] = field(default_factory=dict)
    #: claims the gate let through during `detect`, with what folding them did
    #: (`take_released`)
    released: list[tuple[Claim | aggregate.Fact, aggregate.Applied]] = field(default_factory=list)

    @classmethod
    def create(cls, *, lateness: timedelta = timedelta(days=7),
               detect_grace: timedelta = DETECT_GRACE, alerts_kept: int = 500) -> Engine:
        config = detect.DetectorConfig(hour_close_grace=detect_grace)
        return cls(lateness=lateness, detector=detect.new_state(config), max_alerts_kept=alerts_kept)

    def apply(self, claim: Claim | aggregate.Fact, *, partition: int = -1,
              offset: int = -1, source: int | None = None) -> aggregate.Applied:
        """Fold one claim (a Claim, or the Fact `decode_fact` gives); without a Kafka
        position (replay of raw reports, tests) the claims get a private sequence so only
        claim identity deduplicates them. `source`: the partition whose event time this
        claim advances for the detectors (default `partition`; a replay of raw reports
        gives the raw partition, see `frontier`).

        A claim read from a partition after a watermark that closes hours the detectors
        have not scored yet is held (outcome "held"), folded once they are
        (`detect`; `take_released` gives it with its real outcome): every hour is
        scored with exactly the claims that precede, in every partition, the watermarks
        that close it, whichever partition a reader happens to read ahead. A report
        that reached the log after its hour's watermark (a feed delivered out of
        publication order) is then late for the detectors in every run, not only in
        the runs that read its partition after the others had closed the hour."""
        if partition >= 0 and self.holding(partition):
            queue = self.held.get(partition)
            if queue is None:
                queue = self.held[partition] = deque()
            # held as it came (a copy without the bytes it was decoded from measured worse:
            # the 1,000,000-claim catch-up peaked at 316-319 MB against 303)
            queue.append((None, claim, offset))
            return aggregate.Applied("held", claim.claim_id)
        return self._apply(claim, partition, offset, source)

    def holding(self, partition: int) -> bool:
        """Whether a claim read from `partition` now would be held (see `apply`): its
        latest watermark closes hours not scored yet, or records read there before wait.
        Only `detect` ends it (ticks only raise gates), so it stays true until then."""
        if partition in self.held:
            return True
        gate = self.gates.get(partition)
        return gate is not None and (self.closed_before is None or gate > self.closed_before)

    def opens(self) -> bool:
        """Whether `detect` would now open the gate of a partition that holds: every
        partition has a watermark, and the least of their gates is past the hours scored
        (the detectors score up to the least watermark, which opens that gate)."""
        gates = [self.gates.get(p) for p in self.partitions]
        if not gates or None in gates:
            return False
        least = min(g for g in gates if g is not None)
        return self.closed_before is None or least > self.closed_before

    def _apply(self, claim: Claim | aggregate.Fact, partition: int, offset: int,
               source: int | None) -> aggregate.Applied:
        hold = partition if source is None else source
        if partition < 0:
            self.seq += 1
            offset = self.seq
        key = claim.region or "ALL"
        state = self.states.get(key)
        if state is None:
            state = self.states[key] = aggregate.new_state(key)
        closed = self.closed_before
        if closed is not self._hold_for:  # the eviction's hold: see `_hold`
            self._hold_for, self._hold = closed, _NO_EVICTION if closed is None else int(closed.timestamp())
        _state, applied = aggregate.apply(state, claim, partition=partition, offset=offset,
                                          lateness=self.lateness, hold=self._hold)
        outcome = applied.outcome
        counts = self.counts
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome not in ("duplicate", "late", "expired"):
            self.version += 1
        if outcome != "late" and outcome != "expired":
            # A pure function of the claim (window end, capped by its publication), so the
            # max over the claims is the same in any arrival order.
            event_time = applied.event_time
            if self.watermark is None or (event_time is not None and event_time > self.watermark):
                self.watermark = event_time
            self._capture(key, claim, applied, hold)
            if event_time is not None:
                seen = self.claim_time.get(hold)
                if seen is None or event_time > seen:
                    self.claim_time[hold] = event_time
        return applied


    def _capture(self, key: str, claim: Claim | aggregate.Fact, applied: aggregate.Applied,
                 partition: int) -> None:
        """Note the hours this claim may change for the detectors: its own and those
        its deltas moved. When an hour closes they read its activity from the state as
        of that moment in publication time (`aggregate.hour_activity`: the claims
        published in hours that ended before the hour's end plus the grace), so what
        they score is a function of the claims, not of the order they arrive in: a
        live run, a catch-up and a replay of the claims or of the raw reports, in any
        interleaving of their partitions, give the same alerts. The aggregates count
        every claim. A claim published in time that reaches an hour the detectors have
        already scored (a feed delivered out of publication order) is late for them:
        counted in `detector_late`, if it changes something (a relay or a duplicate of
        what the detectors scored, e.g. a redelivery, does not).
        """
        del partition
        dirty = self.det_dirty.get(key)
        if dirty is None:
            dirty = self.det_dirty[key] = set()
        closed = self.closed_before
        grace = self.detector.config.hour_close_grace
        own = None if applied.event_time is None else _bucket_of(applied.event_time)
        if own is not None:
            came_in = _came_in(claim, grace)
            if came_in > own:  # published after its hour closed: read in the hour it came in
                own = came_in
            if closed is not None and own < closed:  # scored already: final
                if _changes(applied) and _in_time(claim, own, grace):
                    self.detector_late += 1
            else:
                dirty.add(own)
        for delta in applied.deltas:
            hour = delta[0]
            if closed is None or hour >= closed:
                dirty.add(hour)

    def tick(self, partition: int, event_time: datetime, raw: Collection[int] | None = None,
             of: int | None = None) -> None:
        """A watermark record read from `partition`: its writer has produced every claim
        up to `event_time` (of the raw partitions `raw`, of `of`; None: of all). It
        closes that partition's hours for the detectors at its place in the log, as a
        claim of that event time would, so a quiet partition neither holds the others
        back nor lets an hour be scored before it is closed there, and a live run
        scores each hour with the claims a replay does.

        Several workers write claims, each from its own raw partitions, and each
        writes its own watermarks: a partition's hours close at the least, over every
        raw partition, of the latest watermark covering it, so a writer that lags (a
        catch-up, a backfill) is waited for, and one that died stops holding once the
        writer that took its raw partitions over covers them.

        Read while claims read before it are held (see `apply`), it waits behind them."""
        queue = self.held.get(partition)
        if queue is not None:
            queue.append((event_time, raw, of))
            return
        self._tick(partition, event_time, raw, of)

    def _tick(self, partition: int, event_time: datetime, raw: Collection[int] | None,
              of: int | None) -> None:
        if raw is None or of is None:
            at: datetime | None = event_time
        else:
            cover = self.covered.setdefault(partition, {})
            for r in raw:
                seen_r = cover.get(r)
                if seen_r is None or event_time > seen_r:
                    cover[r] = event_time
            held = [cover.get(r) for r in range(of)]
            at = None if any(t is None for t in held) else min(t for t in held if t is not None)
        self.ticked.add(partition)
        if at is None:
            return
        seen = self.part_time.get(partition)
        if seen is None or at > seen:
            self.part_time[partition] = at
            self.gates[partition] = detect.closed_before(self.detector, at)

    def frontier(self, lagging: Collection[int] | None = None) -> datetime | None:
        """Event time up to which the detectors may score: the least event time among
        the partitions still being read (`lagging`, e.g. behind their high-water mark in
        a replay or a catch-up) and those that carry watermark records, else the
        greatest of all (a caught-up partition without watermarks does not hold the
        others back).

        Once the log is known to carry watermarks (`expect_ticks`, or one has been
        read) every partition of the topic is held: the normalize agent writes each
        watermark to all of them, and a live reader may see one partition's records
        before another's (its high-water marks lag), so a partition whose watermark it
        has not read yet may still hold claims of any hour since the last one."""
        ticks, claims, ticked = self.part_time, self.claim_time, self.ticked
        # a partition that carries watermarks closes its hours at them alone (a claim
        # of a writer that is ahead must not close them for one that lags)
        expect = self.expect_ticks or bool(ticked)

        def time_of(p: int) -> datetime | None:
            if p in ticked:
                return ticks.get(p)
            return None if expect else claims.get(p)

        hold = set(lagging or ()) | ticked
        if expect:
            hold |= self.partitions
        if hold:
            held = [time_of(p) for p in hold]
            if any(t is None for t in held):
                return None  # a partition not read yet may still hold any hour
            return min(t for t in held if t is not None)
        times = [t for p in claims if (t := time_of(p)) is not None]
        return max(times) if times else None

    def progress(self) -> tuple[datetime | None, datetime | None, int, dict[int, datetime]]:
        """(latest event time folded, first hour the detectors have not scored, claim
        identities kept, per claims partition the event time it has closed its hours
        to: its latest watermark record where it carries them, else its claims' latest
        event time). A partition far behind the others holds the scoring back, and with
        it the eviction (`_hold`): what `/metrics` shows operators."""
        ticked = self.ticked
        parts = {p: t for p in set(self.part_time) | set(self.claim_time)
                 if (t := self.part_time.get(p) if p in ticked else self.claim_time.get(p)) is not None}
        kept = sum(len(s.claims) for s in self.states.values())
        return self.watermark, self.closed_before, kept, parts

    def apply_all(self, claims: Iterable[Claim]) -> list[aggregate.Applied]:
        return [self.apply(c) for c in claims]

    def as_of(self, now: datetime | None = None) -> datetime | None:
        """Event-time 'now' of the aggregates: the watermark (replay-stable)."""
        return self.watermark or now

    def detect(self, applied: Iterable[tuple[Claim | aggregate.Fact, aggregate.Applied]] = (),
               *, lagging: Collection[int] | None = None) -> list[Alert]:
        """Give the detectors the hours `apply` captured and advance them to the frontier.

        `applied` is accepted for callers that pass their batch; the inputs are the
        ones `apply` captured claim by claim. `lagging`: partitions not yet read to
        their end (see `frontier`). Scoring opens gates (see `apply`): the records held
        behind them are folded and the hours their watermarks close scored in turn."""
        del applied
        alerts = self._score(lagging)
        while self.held and self._release():
            alerts += self._score(lagging)
        return alerts

    def _release(self) -> bool:
        """Fold the held records whose partition's gate the scoring opened, up to the
        next watermark that closes hours still unscored; whether any was."""
        moved = False
        closed = self.closed_before
        for p in sorted(self.held):
            queue = self.held[p]
            while queue and closed is not None and self.gates[p] <= closed:
                first, second, third = queue.popleft()
                moved = True
                if first is None:
                    self.released.append((second, self._apply(second, p, third, None)))
                else:
                    self._tick(p, first, second, third)
            if not queue:
                del self.held[p]
        return moved

    def release_all(self) -> list[tuple[Claim | aggregate.Fact, aggregate.Applied]]:
        """Fold every held record, gates or not (a replay at the end of its log, where a
        partition whose watermarks stop behind the others' would hold them for ever),
        then score; the claims folded, with what folding them did."""
        for p in sorted(self.held):
            for first, second, third in self.held.pop(p):
                if first is None:
                    self.released.append((second, self._apply(second, p, third, None)))
                else:
                    self._tick(p, first, second, third)
        return self.take_released()

    def take_released(self) -> list[tuple[Claim | aggregate.Fact, aggregate.Applied]]:
        """The held claims `detect` (or `release_all`) has folded since the last call."""
        out, self.released = self.released, []
        return out

    def held_count(self, partition: int | None = None) -> int:
        """Records held behind a gate (in `partition`, or in all)."""
        if partition is not None:
            queue = self.held.get(partition)
            return 0 if queue is None else len(queue)
        return sum(len(q) for q in self.held.values())

    def _score(self, lagging: Collection[int] | None) -> list[Alert]:
        det = self.detector
        alerts: list[Alert] = []
        now = self.frontier(lagging)
        if now is not None:
            # the hours this advance closes are read as of their close (and only those:
            # an open hour may still change); a zero for a region the detectors do not
            # know is no observation (its claims moved to another hour, or came late)
            closes = detect.closed_before(det, now)
            grace = int(det.config.hour_close_grace.total_seconds())
            for key in sorted(self.det_dirty):
                dirty = self.det_dirty[key]
                due = sorted(h for h in dirty if h < closes)
                if not due:
                    continue
                dirty.difference_update(due)
                state = self.states[key]
                for hour in due:
                    start = int(hour.timestamp())
                    value, ids = aggregate.hour_activity(state, start, start + 3600 + grace)
                    if value <= 0 and key not in det.series:
                        continue
                    det = detect.observe(det, region=key, hour_start=hour, value=value, claim_ids=ids)
            det, alerts = detect.advance(det, now=now)
            if self.closed_before is None or closes > self.closed_before:
                self.closed_before = closes
        self.detector = det
        for alert in alerts:
            self.alerts[alert.alert_id] = alert
        if len(self.alerts) > self.max_alerts_kept:
            resolved = sorted((a.updated_at, a.alert_id)
                              for a in self.alerts.values() if a.state == "resolved")
            for _, aid in resolved[: len(self.alerts) - self.max_alerts_kept]:
                del self.alerts[aid]
        return alerts

    def open_alerts(self) -> list[Alert]:
        return sorted((a for a in self.alerts.values() if a.state != "resolved"),
                      key=lambda a: (a.window_start, a.alert_id))
