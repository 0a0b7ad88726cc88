"""PURE: the reporting window a report speaks of, as a UTC interval. (Placeholder.)"""

from __future__ import annotations

from datetime import datetime, timedelta

from stream.models import Claimant, Lang, ReportingWindow


def parse_window(text: str, published_at: datetime, claimant: Claimant, lang: Lang) -> ReportingWindow:
    day = published_at.replace(hour=0, minute=0, second=0, microsecond=0)
    return ReportingWindow(start=day, end=day + timedelta(days=1), label="default")
