"""A mass attack's record carries its own figures: regions in surge (observed, statistic)
against the number of regions that makes one (expected), in every state it is sent in."""

from __future__ import annotations

from stream.detect import DetectorConfig
from stream.models import Alert

from .test_detect import feed

SURGE_HOUR = 15 * 24 + 2


def _mass(alerts: list[Alert]) -> list[Alert]:
    return [a for a in alerts if a.kind == "mass_attack"]


def _regions_named(alert: Alert) -> int:
    return len(alert.message.split(": ", 1)[1].split(", "))


def test_quiet_hour_after_the_attack_does_not_turn_the_figures_to_zero() -> None:
    # Every region surges in one hour, then the feed goes quiet: the hour after still
    # counts them as in surge, and its own counts (0) must not become the alert's figures.
    def tweak(region: str, h: int, v: int) -> int:
        if h == SURGE_HOUR:
            return v + 30
        return 0 if h in (SURGE_HOUR + 1, SURGE_HOUR + 2) else v

    _, alerts = feed(20, tweak)
    mass = _mass(alerts)
    assert [a.state for a in mass] == ["open", "resolved"]
    assert len({a.alert_id for a in mass}) == 1
    for alert in mass:
        assert alert.observed == alert.statistic == _regions_named(alert) == 4.0
        assert alert.expected == DetectorConfig().mass_min_regions


def test_figures_follow_the_regions_in_surge_and_the_configured_threshold() -> None:
    # Two regions in one hour, a third the hour after: opens with 3 of the 2 needed.
    def tweak(region: str, h: int, v: int) -> int:
        if h == SURGE_HOUR and region in ("BEL", "BRY"):
            return v + 30
        if h == SURGE_HOUR + 1 and region == "KUR":
            return v + 30
        return v

    config = DetectorConfig(mass_min_regions=2)
    _, alerts = feed(20, tweak, config=config)
    mass = _mass(alerts)
    assert mass[0].state == "open"
    assert mass[0].observed == 2.0 and mass[0].message == "2 regions: BEL, BRY"
    grown = [a for a in mass if a.state == "updated"]
    assert grown and grown[0].observed == 3.0 and grown[0].message == "3 regions: BEL, BRY, KUR"
    for alert in mass:
        assert alert.expected == 2.0
        assert alert.observed == alert.statistic == _regions_named(alert)
        assert alert.observed >= alert.expected or alert.state == "resolved"
