"""PURE: simulated, labelled inputs for tests, demos and benchmarks.

`reports` writes raw strike reports with their truth (and renders hourly
series as reports); `series` writes labelled hourly count series.
"""

from stream.simulate.reports import (
    SimReport,
    Truth,
    default_region_map,
    reports_from_series,
    simulate_reports,
    simulate_to_file,
    write_jsonl,
)

__all__ = [
    "SimReport",
    "Truth",
    "default_region_map",
    "reports_from_series",
    "simulate_reports",
    "simulate_to_file",
    "write_jsonl",
]
