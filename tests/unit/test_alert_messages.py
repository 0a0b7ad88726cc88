"""Alert messages agree with the figures the alert carries and say what is counted."""

from __future__ import annotations

import re

from stream.detect.lifecycle import UNIT

from .test_detect import feed


def _figures(message: str) -> tuple[float, float]:
    m = re.match(r"(?:x[\d.]+ over the last \d+ h: )?([\d.]+) " + re.escape(UNIT)
                 + r"(?: in (?:\d+ h|the last hour))? vs ([\d.]+) expected", message)
    assert m is not None, message
    return float(m.group(1)), float(m.group(2))


def test_surge_messages_name_the_unit_and_the_figures_they_carry() -> None:
    surge_hours = {15 * 24 + 12, 15 * 24 + 13}

    def tweak(region: str, h: int, v: int) -> int:
        return v + 40 if region == "BRY" and h in surge_hours else v

    _, alerts = feed(20, tweak)
    bry = [a for a in alerts if a.region == "BRY"]
    assert [a.state for a in bry] == ["open", "updated", "resolved"]
    assert bry[1].observed != bry[0].observed  # the update carries the last hour's figure...
    for alert in bry:  # ...and so does its message: never the opening window's next to it
        observed, expected = _figures(alert.message)
        assert observed == alert.observed
        assert abs(expected - alert.expected) <= 0.005
    assert "in the last hour" in bry[1].message
    assert "in 1 h" in bry[0].message


def test_sustained_rise_message_follows_its_figures() -> None:
    def tweak(region: str, h: int, v: int) -> int:
        return v * 3 + 2 if region == "KUR" and h >= 10 * 24 else v

    _, alerts = feed(16, tweak)
    rise = [a for a in alerts if a.kind == "sustained_rise" and a.region == "KUR"]
    assert rise, [(a.kind, a.state, a.region) for a in alerts]
    for alert in rise:
        if alert.state == "resolved":
            continue
        observed, expected = _figures(alert.message)
        assert observed == alert.observed
        assert abs(expected - alert.expected) <= 0.05
