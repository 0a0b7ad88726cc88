"""PURE: the processing steps shared by the live agents, replay and tests.

`decode_raw` + `normalize_record` turn raw bytes into claims (or a Rejection);
`Engine` folds claims into per-region aggregate state and the detector. Nothing
here does I/O or reads the clock: `now` is an argument.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import orjson
from pydantic import ValidationError

from stream import aggregate, detect
from stream.claims import claims_of
from stream.models import Alert, Claim, NormalizedReport, RawReport, Rejection
from stream.normalize import normalize

MAX_RECORD_BYTES = 512 * 1024
#: a report published further ahead of the processing clock is invalid: one bad
#: timestamp would otherwise move the event-time watermark of every aggregate.
MAX_CLOCK_SKEW = timedelta(hours=1)
#: default wait after an hour ends before the detectors score it (STREAM_DETECT_GRACE_MINUTES)
DETECT_GRACE = timedelta(hours=2)


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
    try:
        report = normalize(raw)
        return Normalized(report=report, claims=claims_of(report, text=raw.text))
    except Exception as exc:  # a normalizer bug must not stop the stream
        return _reject("internal", f"normalizer failed: {type(exc).__name__}: {exc}",
                       value or b"", where, now, key)


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

    @classmethod
    def create(cls, *, lateness: timedelta = timedelta(days=7),
               detect_grace: timedelta = DETECT_GRACE) -> Engine:
        config = detect.DetectorConfig(hour_close_grace=detect_grace)
        return cls(lateness=lateness, detector=detect.new_state(config))

    def apply(self, claim: Claim | aggregate.Fact, *, partition: int = -1,
              offset: int = -1) -> aggregate.Applied:
        """Fold one claim (a Claim, or the Fact `decode_fact` gives); without a Kafka
        position (replay of raw reports, tests) the claims get a private sequence so only
        claim identity deduplicates them."""
        if partition < 0:
            self.seq += 1
            offset = self.seq
        key = claim.region or "ALL"
        state = self.states.get(key)
        if state is None:
            state = self.states[key] = aggregate.new_state(key)
        _state, applied = aggregate.apply(state, claim, partition=partition, offset=offset,
                                          lateness=self.lateness)
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
        return applied

    def apply_all(self, claims: Iterable[Claim]) -> list[aggregate.Applied]:
        return [self.apply(c) for c in claims]

    def as_of(self, now: datetime | None = None) -> datetime | None:
        """Event-time 'now' of the aggregates: the watermark (replay-stable)."""
        return self.watermark or now

    def detect(self, applied: Iterable[tuple[Claim | aggregate.Fact, aggregate.Applied]]
               ) -> list[Alert]:
        """Feed the hours that changed to the detectors and advance them to the watermark."""
        touched: dict[tuple[str, datetime], set[str]] = {}
        for claim, result in applied:
            for delta in result.deltas:
                touched.setdefault((claim.key, delta[0]), set()).add(claim.claim_id)
        det = self.detector
        for (key, hour), ids in sorted(touched.items()):
            series = aggregate.hourly_series(self.states[key], as_of=hour + timedelta(hours=1), hours=1)
            value = series[0][1] if series else 0
            det = detect.observe(det, region=key, hour_start=hour, value=value, claim_ids=sorted(ids))
        alerts: list[Alert] = []
        if self.watermark is not None:
            det, alerts = detect.advance(det, now=self.watermark)
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
