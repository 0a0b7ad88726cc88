"""PURE: simulated, labelled inputs for tests, demos and benchmarks.

`reports` writes raw strike reports with their truth; `series` (when present)
writes labelled hourly count series.
"""

from stream.simulate.reports import (
    SimReport,
    Truth,
    simulate_reports,
    simulate_to_file,
    write_jsonl,
)

__all__ = ["SimReport", "Truth", "simulate_reports", "simulate_to_file", "write_jsonl"]
