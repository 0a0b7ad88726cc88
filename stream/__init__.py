"""strikestream: streaming monitor of strike reports (Russia-Ukraine war).

The public API is the data contracts and the pure engine; the Faust wiring
(`stream.app`, `stream.agents`) is imported by the CLI only.
"""

from stream import _native

_native.install()  # before anything imports stream.normalize (see stream/_native.py)

from stream.models import (  # noqa: E402
    Alert,
    CasualtyItem,
    Claim,
    DamageItem,
    NormalizedReport,
    Observation,
    RawReport,
    Rejection,
    ReportingWindow,
)

__version__ = "0.1.0"

__all__ = [
    "Alert",
    "CasualtyItem",
    "Claim",
    "DamageItem",
    "NormalizedReport",
    "Observation",
    "RawReport",
    "Rejection",
    "ReportingWindow",
    "__version__",
]
