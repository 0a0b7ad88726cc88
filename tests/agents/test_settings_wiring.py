"""The STREAM_* knobs of alert keeping and paging reach the worker's engine and metrics."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from stream.service import build
from stream.settings import load_settings


def test_alerts_kept_and_the_live_horizon_come_from_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREAM_ALERTS_KEPT", "40")
    monkeypatch.setenv("STREAM_ALERT_LIVE_HOURS", "3.5")
    settings = load_settings(data_dir=tmp_path, app_id="settings-test", normalize_processes=0)
    _app, rt = build(settings, "127.0.0.1:1")
    assert rt.engine.max_alerts_kept == 40
    assert rt.metrics.live_horizon == timedelta(hours=3.5)


def test_the_defaults_keep_500_alerts_and_page_12_hours_back(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, app_id="settings-test", normalize_processes=0)
    _app, rt = build(settings, "127.0.0.1:1")
    assert (rt.engine.max_alerts_kept, rt.metrics.live_horizon) == (500, timedelta(hours=12))


@pytest.mark.parametrize("bad", ["5", "1001", "x"])
def test_an_alerts_kept_out_of_range_is_refused(monkeypatch: pytest.MonkeyPatch, bad: str) -> None:
    monkeypatch.setenv("STREAM_ALERTS_KEPT", bad)
    with pytest.raises(ValueError, match="alerts_kept"):
        load_settings()


def test_the_engine_keeps_every_open_alert_and_the_newest_resolved_ones() -> None:
    from datetime import UTC, datetime

    from stream.models import Alert
    from stream.pipeline import Engine

    engine = Engine.create(alerts_kept=10)
    t0 = datetime(2026, 6, 1, tzinfo=UTC)

    def alert(i: int, state: str) -> Alert:
        return Alert(alert_id=f"a{i:02d}", kind="surge", state=state, severity="warning",  # type: ignore[arg-type]
                     region="RU-BEL", window_start=t0, updated_at=t0 + timedelta(hours=i),
                     observed=9, expected=1)

    # the oldest are open: an incident that is still on is kept whatever its age
    engine.alerts = {a.alert_id: a for a in [alert(i, "open") for i in range(4)]
                     + [alert(i, "resolved") for i in range(4, 20)]}
    engine.detect()
    assert sorted(engine.alerts) == [f"a{i:02d}" for i in [0, 1, 2, 3, 14, 15, 16, 17, 18, 19]]
