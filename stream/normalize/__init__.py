"""PURE: raw report text -> NormalizedReport. (Placeholder; the normalizer issue replaces it.)"""

from __future__ import annotations

from stream.models import NormalizedReport, RawReport
from stream.normalize.windows import parse_window

PARSER_VERSION = "0.0.1"

__all__ = ["PARSER_VERSION", "normalize"]


def normalize(raw: RawReport) -> NormalizedReport:
    lang = raw.lang or "en"
    return NormalizedReport(
        report_id=raw.id,
        source=raw.source,
        published_at=raw.published_at,
        lang=lang,
        claimant="other",
        window=parse_window(raw.text, raw.published_at, "other", lang),
        parser_version=PARSER_VERSION,
    )
