"""What one worker says of itself, in a few lines: the body of `python -m stream status`.

The worker publishes its state in three places: `/healthz` (caught up with the
claims log, claims folded, when it last folded), `/metrics` (reports, claims and
dead letters counted, the lag of the raw topic's consumer group and of its claims
follower) and `/api/alerts` (the alerts in
force). `summarize` turns what the CLI fetched from them into one `Status` and
lists what needs a look (`problems`): a worker still catching up, or one with
claims waiting that has not folded anything for `stale_after_s`.

Pure: no HTTP, no Kafka, no prometheus_client; the time is an argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from stream.settings import RAW_TOPIC

PREFIX = "strikestream"
#: a worker with claims waiting and no fold for this long is stale
STALE_AFTER_S = 300.0

#: one sample of the exposition: (sample name, labels, value)
Sample = tuple[str, Mapping[str, str], float]


@dataclass(frozen=True, slots=True)
class Status:
    ready: bool
    claims_applied: int
    folded_at: datetime | None
    #: seconds between the last fold and `now` (None: nothing folded yet)
    folded_ago_s: float | None
    reports_by_lang: dict[str, int]
    claims: int
    dead_letters_by_reason: dict[str, int]
    #: records waiting, per topic (summed over partitions): the raw topic's against the
    #: normalize agents' committed offsets, the claims topic's against the follower
    lag: dict[str, int]
    #: alerts in force, newest first, as /api/alerts gives them
    open_alerts: list[dict[str, Any]] = field(default_factory=list)
    #: what needs a look; empty when the worker is ready and current
    problems: list[str] = field(default_factory=list)

    @property
    def reports(self) -> int:
        return sum(self.reports_by_lang.values())

    @property
    def dead_letters(self) -> int:
        return sum(self.dead_letters_by_reason.values())

    def to_json(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["folded_at"] = None if self.folded_at is None else self.folded_at.isoformat()
        doc["reports"], doc["dead_letters"] = self.reports, self.dead_letters
        return doc


def _counts(samples: Iterable[Sample], name: str, label: str, *, zeros: bool = False) -> dict[str, int]:
    """Sum of the samples called `name` per value of `label` (zero sums left out
    unless `zeros`)."""
    out: dict[str, int] = {}
    for sample, labels, value in samples:
        if sample == name:
            key = labels.get(label, "")
            out[key] = out.get(key, 0) + int(value)
    return {k: v for k, v in sorted(out.items()) if v or zeros}


def summarize(health: Mapping[str, Any], samples: Iterable[Sample], alerts: Iterable[Mapping[str, Any]],
              now: datetime, *, stale_after_s: float = STALE_AFTER_S) -> Status:
    """One worker's state from its /healthz document, its /metrics samples and its
    /api/alerts list, seen at `now` (timezone-aware)."""
    samples = list(samples)
    raw_folded = health.get("folded_at")
    folded_at = datetime.fromisoformat(raw_folded) if isinstance(raw_folded, str) else None
    ago = None if folded_at is None else max(0.0, (now - folded_at).total_seconds())
    lag = _counts(samples, f"{PREFIX}_consumer_lag_messages", "topic", zeros=True)
    claims = sum(_counts(samples, f"{PREFIX}_claims_total", "kind").values())
    ready = bool(health.get("ready"))
    problems = []
    if not ready:
        problems.append("not ready: still reading the claims log (the aggregates are incomplete)")
    # the raw topic's lag is the feed's backlog, not claims waiting for the fold
    waiting = sum(n for topic, n in lag.items() if not topic.endswith(RAW_TOPIC))
    if waiting and (ago is None or ago > stale_after_s):
        since = "nothing folded yet" if ago is None else f"no fold for {ago:.0f} s"
        problems.append(f"stale: {waiting} claims log records waiting and {since}")
    return Status(
        ready=ready,
        claims_applied=int(health.get("claims_applied") or 0),
        folded_at=folded_at,
        folded_ago_s=ago,
        reports_by_lang=_counts(samples, f"{PREFIX}_reports_total", "lang"),
        claims=claims,
        dead_letters_by_reason=_counts(samples, f"{PREFIX}_dlq_total", "reason"),
        lag=lag,
        open_alerts=[dict(a) for a in alerts if a.get("state") != "resolved"],
        problems=problems,
    )
