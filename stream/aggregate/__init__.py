"""PURE: per-key aggregation of claims (initialize / add / merge / result style).

`new_state` initializes, `apply` adds one claim (versioned, reconciled,
idempotent, order-independent), `encode`/`decode` persist the state in a Faust
table, and `window_stats`/`window_totals`/`hourly_series`/`hour_activity`/`latest_claims`/`residuals`
are the results. Merging two workers' results is `residuals` across keys; within a key
one state exists (Kafka partitions by key).
"""

from stream.aggregate.apply import Applied, Delta, Outcome, apply, claim_event_time
from stream.aggregate.fact import Fact, fact_from_json
from stream.aggregate.query import (
    hour_activity,
    hourly_series,
    latest_claims,
    residuals,
    window_stats,
    window_totals,
)
from stream.aggregate.state import RegionState, decode, encode, new_state

__all__ = [
    "Applied",
    "Delta",
    "Fact",
    "Outcome",
    "RegionState",
    "apply",
    "claim_event_time",
    "decode",
    "encode",
    "fact_from_json",
    "hour_activity",
    "hourly_series",
    "latest_claims",
    "new_state",
    "residuals",
    "window_stats",
    "window_totals",
]
