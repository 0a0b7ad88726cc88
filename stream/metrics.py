"""All Prometheus metrics of strikestream in one typed container.

`Metrics` owns every metric and is built on an injected `CollectorRegistry`
(tests pass a fresh one; nothing touches the process-global registry unless the
caller passes it). Counters and histograms are updated by the agents; the
per-region window values and the open alerts are read at scrape time from
snapshot callables the wiring installs, so nothing calls `Gauge.set` per event
and a region that leaves the window disappears from the exposition.

Names follow `strikestream_<noun>_<unit>` (`_total` on counters). Label values
come from closed sets (language, claimant, kind, reason, stage, region, window):
never a report or claim id, which would make the series count unbounded. Counters
and histograms export no `_created` series (`disable_created_metrics`): nothing
reads them and they would double the series count.

Alert openings page (`strikestream_alerts_opened_total`) only when they are live: the
hour the detector scored ended within `live_horizon` (default `LIVE_HORIZON`, 12 h) of
the worker's wall clock. Openings about older hours (a replay of history, a backfill,
the sample data of `make run`) go to `strikestream_history_alerts_opened_total`.
"""

from __future__ import annotations

import logging
from collections import Counter as _Tally
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final, TypeVar, get_args

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    GC_COLLECTOR,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    PlatformCollector,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

from stream.models import Alert, AlertKind, AlertState, Claimant, ClaimKind, Lang, Rejection
from stream.regions import all_region_codes

__all__ = [
    "LIVE_HORIZON", "PREFIX", "REGION_ALERT_KINDS", "SEVERITIES", "STAGES", "WINDOWS", "Children",
    "Metrics", "Progress", "RegionSample",
]

log = logging.getLogger(__name__)

PREFIX: Final = "strikestream"
_T = TypeVar("_T")
#: Windows the aggregator keeps per region; the alert rules compare 1h with 7d.
WINDOWS: Final = ("1h", "6h", "24h", "7d")
#: Pipeline stages timed by `processing_seconds`: normalize per raw record (in the
#: normalizer child, the raw JSON's decode included); decode (claims read back from
#: the claims topic), aggregate and detect per fold batch of the claims follower.
STAGES: Final = ("normalize", "decode", "aggregate", "detect")
#: The region alerts are keyed by when no region: the feed-wide ("aggregate") series.
ALL_REGIONS: Final = "ALL"
#: Alert kinds the detectors raise per region; every kind is raised for `ALL`.
REGION_ALERT_KINDS: Final = ("surge", "sustained_rise", "silence", "first_seen")
#: Severities the detectors raise (stream.detect); the alert rules route on them. A
#: severity outside these (`info`) is still exported, from its first alert on.
SEVERITIES: Final = ("warning", "critical")
#: How far the end of the hour an alert opened on may lie behind the worker's wall clock
#: for the opening to page. Live openings are at most the detectors' grace (2 h) plus a
#: feed's delay behind it (a quiet night holds event time back for hours); a replay or a
#: backfill of older history is no news to page anyone about.
LIVE_HORIZON: Final = timedelta(hours=12)
#: Outcomes of claims that were seen before or fell behind the eviction horizon
#: (stream.aggregate.apply): counted, not applied.
DUPLICATE_OUTCOMES: Final = ("relay", "duplicate", "stale", "expired")
# Per-event work is sub-millisecond; the default buckets (5 ms .. 10 s) would
# put nearly everything in the first bucket.
PROCESSING_BUCKETS: Final = (
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0,
)


@dataclass(frozen=True)
class RegionSample:
    """One per-region window value, e.g. drones launched at UA-63 in the last 1h."""

    region: str
    claimant: str
    weapon: str
    measure: str
    window: str
    value: float

    def __post_init__(self) -> None:
        if self.window not in WINDOWS:
            msg = f"RegionSample.window: {self.window!r} is not one of {WINDOWS}"
            raise ValueError(msg)


RegionSource = Callable[[], Iterable[RegionSample]]
#: (region or "ALL", kind, severity) per open alert
OpenAlertsSource = Callable[[], Iterable[tuple[str, str, str]]]


class Children:
    """The labelled children of one metric, each looked up once.

    `metric.labels(...)` takes a lock and validates the label values on every call;
    the agents update a few metrics per record, so they keep the children here.
    """

    def __init__(self, metric: Counter | Histogram) -> None:
        self._metric = metric
        self._children: dict[tuple[str, ...], Any] = {}

    def __call__(self, *values: str) -> Any:
        child = self._children.get(values)
        if child is None:
            child = self._children[values] = self._metric.labels(*values)
        return child


@dataclass(frozen=True)
class Progress:
    """How far the worker's fold and detectors have got (`Engine.progress`), in unix
    seconds: the latest event time folded, the start of the first hour the detectors
    have not scored (None before the first), the claim identities kept, and per claims
    partition the event time it has closed its hours to (the least of them holds the
    detectors, and with them the eviction, back)."""

    event_time: float | None
    scored_before: float | None
    kept_claims: int
    partitions: tuple[tuple[int, float], ...] = ()
    #: per claims partition, the records held behind a watermark (`Engine.apply`)
    held: tuple[tuple[int, int], ...] = ()
    #: per claims partition, whether it is read ahead of a watermark the others have not
    #: reached (`Engine.holding`: the follower pauses it and reads it again later)
    ahead: tuple[tuple[int, bool], ...] = ()


ProgressSource = Callable[[], Progress]

#: per generation: (generation, [(upper bound, cumulative count)...] ending with +inf,
#: sum of seconds): `stream.heap.PauseTimer.snapshot`
PauseSource = Callable[[], list[tuple[int, list[tuple[float, int]], float]]]


class _PauseCollector(Collector):
    """`strikestream_gc_pause_seconds`: the worker's garbage-collector pauses, counted
    by `stream.heap.PauseTimer` (lock-free, inside the collector's callback) and read
    here at scrape time."""

    def __init__(self) -> None:
        self.source: PauseSource | None = None

    def describe(self) -> Iterable[Metric]:
        return [_pause_family()]

    def collect(self) -> Iterator[Metric]:
        if self.source is None:
            return
        family = _pause_family()
        for gen, buckets, total in self.source():
            family.add_metric([str(gen)], [(_bound(b), float(n)) for b, n in buckets], total)
        yield family


def _pause_family() -> HistogramMetricFamily:
    return HistogramMetricFamily(
        f"{PREFIX}_gc_pause_seconds",
        "Pauses of the worker process for garbage collection, per generation "
        "(generation 2: full collections, which stall the event loop).",
        labels=("generation",),
    )


def _bound(b: float) -> str:
    return "+Inf" if b == float("inf") else repr(b)


class _SnapshotCollector(Collector):
    """Reads the region and open-alert snapshots when Prometheus scrapes.

    A failing snapshot must not fail the whole scrape (that would read as the
    worker being down): its family is left out and the failure is counted.
    """

    def __init__(self, errors: Counter) -> None:
        self.region_source: RegionSource | None = None
        self.open_alerts_source: OpenAlertsSource | None = None
        self.progress_source: ProgressSource | None = None
        self._errors = errors

    def describe(self) -> Iterable[Metric]:
        # Lets the registry detect name clashes without calling the sources.
        return [_region_family(), _open_alerts_family(), *_progress_families()]

    def collect(self) -> Iterator[Metric]:
        if self.region_source is not None:
            family = self._guard("region", lambda: _region_metric(self.region_source))
            if family is not None:
                yield family
        if self.open_alerts_source is not None:
            family = self._guard(
                "open_alerts", lambda: _open_alerts_metric(self.open_alerts_source)
            )
            if family is not None:
                yield family
        if self.progress_source is not None:
            source = self.progress_source
            families = self._guard("progress", lambda: _progress_metrics(source))
            if families is not None:
                yield from families

    def _guard(self, name: str, build: Callable[[], _T]) -> _T | None:
        try:
            return build()
        except Exception:
            log.exception("metrics: %s snapshot failed during scrape", name)
            self._errors.labels(collector=name).inc()
            return None


def _region_family() -> GaugeMetricFamily:
    return GaugeMetricFamily(
        f"{PREFIX}_region_munitions",
        "Munitions per region, claimant, weapon and measure summed over a sliding window.",
        labels=("region", "claimant", "weapon", "measure", "window"),
    )


def _open_alerts_family() -> GaugeMetricFamily:
    return GaugeMetricFamily(
        f"{PREFIX}_open_alerts",
        "Alerts the detectors hold open, per region, kind and (current) severity.",
        labels=("region", "kind", "severity"),
    )


def _progress_families() -> list[GaugeMetricFamily]:
    return [
        GaugeMetricFamily(
            f"{PREFIX}_event_time_seconds",
            "Latest event time of the claims this worker has folded (unix seconds).",
        ),
        GaugeMetricFamily(
            f"{PREFIX}_detector_scored_before_seconds",
            "Start of the first hour the detectors have not scored (unix seconds): the hours "
            "before it are final, and claims are evicted only behind it.",
        ),
        GaugeMetricFamily(
            f"{PREFIX}_kept_claims",
            "Claim identities the worker's aggregate state keeps (all regions).",
        ),
        GaugeMetricFamily(
            f"{PREFIX}_detector_partition_time_seconds",
            "Event time up to which each claims partition has closed its hours (its latest "
            "watermark record, or its claims' latest event time; unix seconds): the least "
            "holds the detectors back.",
            labels=("partition",),
        ),
        GaugeMetricFamily(
            f"{PREFIX}_held_records",
            "Records read from a claims partition after a watermark the others have not "
            "reached yet, held until the hours it closes are scored (then folded): every "
            "hour is scored with the claims before its watermarks, however the partitions "
            "are read. Zero but for moments in a healthy run.",
            labels=("partition",),
        ),
        GaugeMetricFamily(
            f"{PREFIX}_claims_partition_ahead",
            "1 while a claims partition has been read up to a watermark whose hours wait for "
            "the other partitions: the follower pauses it and reads on once they catch up "
            "(its records after the watermark are fetched again). 0 but for moments in a "
            "healthy run; a partition ahead for long means another is stalled.",
            labels=("partition",),
        ),
    ]


def _progress_metrics(source: ProgressSource) -> list[GaugeMetricFamily]:
    progress = source()
    event, scored, kept, parts, held, ahead = _progress_families()
    if progress.event_time is not None:
        event.add_metric([], progress.event_time)
    if progress.scored_before is not None:  # absent until the first hour is scored
        scored.add_metric([], progress.scored_before)
    kept.add_metric([], float(progress.kept_claims))
    for partition, t in sorted(progress.partitions):
        parts.add_metric([str(partition)], t)
    for partition, n in sorted(progress.held):
        held.add_metric([str(partition)], float(n))
    for partition, is_ahead in sorted(progress.ahead):
        ahead.add_metric([str(partition)], 1.0 if is_ahead else 0.0)
    return [event, scored, kept, parts, held, ahead]


def _region_metric(source: RegionSource | None) -> GaugeMetricFamily:
    family = _region_family()
    totals: dict[tuple[str, str, str, str, str], float] = {}
    for s in source() if source is not None else ():
        # Two samples with the same labels would be a duplicate series, which
        # Prometheus rejects for the whole scrape: add them up instead.
        key = (s.region, s.claimant, s.weapon, s.measure, s.window)
        totals[key] = totals.get(key, 0.0) + s.value
    for labels, value in sorted(totals.items()):
        family.add_metric(list(labels), value)
    return family


def _open_alerts_metric(source: OpenAlertsSource | None) -> GaugeMetricFamily:
    family = _open_alerts_family()
    tally = _Tally(source() if source is not None else ())
    for (region, kind, severity), n in sorted(tally.items()):
        family.add_metric([region, kind, severity], float(n))
    return family


class Metrics:
    """The service's metrics on one registry; see the module docstring."""

    def __init__(
        self, registry: CollectorRegistry | None = None, *, live_horizon: timedelta = LIVE_HORIZON
    ) -> None:
        # process-wide switch of the client library, read at each scrape
        disable_created_metrics()  # type: ignore[no-untyped-call]
        self.registry = registry if registry is not None else CollectorRegistry()
        self.live_horizon = live_horizon
        r = self.registry
        self.reports_total = Counter(
            f"{PREFIX}_reports_total", "Raw reports consumed from the feed.", ["lang"],
            registry=r,
        )
        self.claims_total = Counter(
            f"{PREFIX}_claims_total", "Claims extracted from reports.", ["kind", "claimant"],
            registry=r,
        )
        self.dlq_total = Counter(
            f"{PREFIX}_dlq_total", "Records sent to the dead-letter topic.", ["reason"],
            registry=r,
        )
        self.late_claims_total = Counter(
            f"{PREFIX}_late_claims_total",
            "Claims whose event time fell behind the window watermark.",
            registry=r,
        )
        self.detector_late_claims_total = Counter(
            f"{PREFIX}_detector_late_claims_total",
            "Claims published in time for an hour that reached the detectors after they had "
            "scored it (a feed delivered out of publication order); the aggregates count them.",
            registry=r,
        )
        self.duplicate_claims_total = Counter(
            f"{PREFIX}_duplicate_claims_total",
            "Claims not applied: relays, exact duplicates, stale values, expired (past the horizon).",
            ["outcome"],
            registry=r,
        )
        self.processing_seconds = Histogram(
            f"{PREFIX}_processing_seconds", "Time spent per pipeline stage and record.",
            ["stage"], buckets=PROCESSING_BUCKETS, registry=r,
        )
        self.consumer_lag = Gauge(
            f"{PREFIX}_consumer_lag_messages",
            "Records between the committed offset and the high watermark.",
            ["topic", "partition"],
            registry=r,
        )
        self.alerts_total = Counter(
            f"{PREFIX}_alerts_total", "Alert transitions emitted by the detectors.",
            ["kind", "state"], registry=r,
        )
        # What region pages fire on besides the open-alerts gauge: an alert that opens
        # and resolves in one fold (event time jumped: a backlog, a quiet night) is
        # never seen open at a scrape, but it moves this counter. Region is the label
        # a page needs, severity (the detector's, at opening) what it is routed by:
        # every triple the detectors can raise exists at 0 from the start (~930
        # series), so `increase()` sees the first alert of a region too.
        self.alerts_opened_total = Counter(
            f"{PREFIX}_alerts_opened_total",
            "Live alerts the detectors opened after the worker caught up with the claims log "
            "(the scored hour ended within the live horizon of the wall clock), per region "
            "(ALL: feed-wide), kind and severity.",
            ["region", "kind", "severity"], registry=r,
        )
        self.history_alerts_opened_total = Counter(
            f"{PREFIX}_history_alerts_opened_total",
            "Alerts opened about hours further behind the wall clock than the live horizon "
            "(a replay of history, a backfill): counted here, never paged.",
            ["kind"], registry=r,
        )
        self.build_info = Info(
            f"{PREFIX}_build", "Service and parser version.", registry=r,
        )
        self.scrape_errors_total = Counter(
            f"{PREFIX}_scrape_errors_total",
            "Scrape-time snapshots that raised and were left out of the exposition.",
            ["collector"],
            registry=r,
        )
        # Per-record updates go through these (see `Children`).
        self.reports_by = Children(self.reports_total)  # (lang,)
        self.claims_by = Children(self.claims_total)  # (kind, claimant)
        self.dlq_by = Children(self.dlq_total)  # (reason,)
        self.duplicates_by = Children(self.duplicate_claims_total)  # (outcome,)
        self.stage = Children(self.processing_seconds)  # (stage,)
        self.alerts_by = Children(self.alerts_total)  # (kind, state)
        self.opened_by = Children(self.alerts_opened_total)  # (region, kind, severity)
        self.history_opened_by = Children(self.history_alerts_opened_total)  # (kind,)
        self._snapshots = _SnapshotCollector(self.scrape_errors_total)
        r.register(self._snapshots)
        self._pauses = _PauseCollector()
        r.register(self._pauses)
        # process_resident_memory_bytes, process_cpu_seconds_total, python_gc_*,
        # python_info: what a memory or CPU alert on a worker reads
        ProcessCollector(registry=r)
        PlatformCollector(registry=r)
        r.register(GC_COLLECTOR)
        self._initialise_series()

    def _initialise_series(self) -> None:
        # Series exist at 0 from the first scrape, so `increase()` and `rate()`
        # see a start value and "no reports in 30m" can fire on a silent feed.
        for lang in get_args(Lang):
            self.reports_total.labels(lang=lang)
        for kind in get_args(ClaimKind):
            for claimant in get_args(Claimant):
                self.claims_total.labels(kind=kind, claimant=claimant)
        for reason in get_args(Rejection.model_fields["reason"].annotation):
            self.dlq_total.labels(reason=reason)
        for outcome in DUPLICATE_OUTCOMES:
            self.duplicate_claims_total.labels(outcome=outcome)
        for stage in STAGES:
            self.processing_seconds.labels(stage=stage)
        for kind in get_args(AlertKind):
            for state in get_args(AlertState):
                self.alerts_total.labels(kind=kind, state=state)
        for severity in SEVERITIES:
            for kind in get_args(AlertKind):
                self.alerts_opened_total.labels(region=ALL_REGIONS, kind=kind, severity=severity)
            for region in sorted(all_region_codes()):
                for kind in REGION_ALERT_KINDS:
                    self.alerts_opened_total.labels(region=region, kind=kind, severity=severity)
        for kind in get_args(AlertKind):
            self.history_alerts_opened_total.labels(kind=kind)
        for collector in ("region", "open_alerts", "progress"):
            self.scrape_errors_total.labels(collector=collector)

    def count_alerts(
        self, alerts: Iterable[Alert], *, caught_up: bool, now: datetime | None = None
    ) -> None:
        """Count the detectors' transitions. Openings count only once the worker has
        caught up with the claims log: a restarted worker refolds the log from the start
        and re-raises every past alert, which its previous run (and the other workers)
        counted already. Of those, an opening whose scored hour (its `updated_at`, the
        hour's end) lies more than `live_horizon` before `now` (the wall clock by
        default) is history being loaded, not news: it is counted apart and pages no one."""
        oldest_live: datetime | None = None
        for alert in alerts:
            self.alerts_by(alert.kind, alert.state).inc()
            if not caught_up or alert.state != "open":
                continue
            if oldest_live is None:
                oldest_live = (now if now is not None else datetime.now(UTC)) - self.live_horizon
            if alert.updated_at < oldest_live:
                self.history_opened_by(alert.kind).inc()
            else:
                self.opened_by(alert.region or ALL_REGIONS, alert.kind, alert.severity).inc()

    def set_build(self, version: str, parser_version: str) -> None:
        self.build_info.info({"version": version, "parser_version": parser_version})

    def set_region_source(self, snapshot: RegionSource) -> None:
        """Export `strikestream_region_munitions` from `snapshot()` at each scrape."""
        self._snapshots.region_source = snapshot

    def set_open_alerts_source(self, snapshot: OpenAlertsSource) -> None:
        """Export `strikestream_open_alerts`: count of open alerts per (region, kind,
        severity)."""
        self._snapshots.open_alerts_source = snapshot

    def set_progress_source(self, snapshot: ProgressSource) -> None:
        """Export the fold's and the detectors' progress (`Progress`) at each scrape:
        `strikestream_event_time_seconds`, `strikestream_detector_scored_before_seconds`,
        `strikestream_kept_claims`, `strikestream_detector_partition_time_seconds`,
        `strikestream_held_records`, `strikestream_claims_partition_ahead`."""
        self._snapshots.progress_source = snapshot

    def set_gc_pause_source(self, snapshot: PauseSource) -> None:
        """Export `strikestream_gc_pause_seconds` from `snapshot()` at each scrape."""
        self._pauses.source = snapshot

    def exposition(self) -> tuple[bytes, str]:
        """The text exposition and its content type, for the `/metrics` view."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
