"""Assemble one worker: Faust app + agents + web views, sharing one Runtime."""

from __future__ import annotations

import logging

import faust

from stream import agents
from stream.app import Runtime, create_app
from stream.metrics import Metrics, Progress, RegionSample
from stream.settings import Settings
from stream.web import live, readmodel, views


def build(settings: Settings, bootstrap: str, *, metrics: Metrics | None = None) -> tuple[faust.App, Runtime]:
    app, rt = create_app(settings, bootstrap, metrics=metrics)
    agents.install(app, rt)
    views.install(app, rt)
    live.install(app, rt)
    _export_state(rt)
    _keep_log_level(app, settings)
    return app, rt


def _keep_log_level(app: faust.App, settings: Settings) -> None:
    """Faust's worker sets the root logger to DEBUG (at any requested level of WARN
    or above) so that every log record turns its terminal spinner. Every
    `log.debug` in aiokafka and Faust, several per record produced or consumed,
    then builds a LogRecord that the handlers drop. Put the requested level back
    once the worker has configured logging (tasks start after that)."""
    level = getattr(logging, settings.log_level.upper())

    @app.task
    async def keep_log_level() -> None:
        logging.getLogger().setLevel(level)


def _export_state(rt: Runtime) -> None:
    """Scrape-time collectors read the Engine; nothing is set per event."""
    from stream import __version__
    from stream.models import PARSER_VERSION

    rt.metrics.set_build(__version__, PARSER_VERSION)
    rt.metrics.set_region_source(
        lambda: [RegionSample(region=r, claimant=c, weapon=w, measure=m, window=win, value=v)
                 for r, c, w, m, win, v in readmodel.region_samples(rt.engine)])
    rt.metrics.set_open_alerts_source(
        lambda: [(a.region or "ALL", a.kind, a.severity) for a in rt.engine.open_alerts()])
    rt.metrics.set_progress_source(lambda: _progress(rt))


def _progress(rt: Runtime) -> Progress:
    event, scored, kept, parts = rt.engine.progress()
    return Progress(
        event_time=None if event is None else event.timestamp(),
        scored_before=None if scored is None else scored.timestamp(),
        kept_claims=kept,
        partitions=tuple((p, t.timestamp()) for p, t in sorted(parts.items())),
        held=tuple((p, rt.engine.held_count(p)) for p in sorted({*parts, *rt.engine.held})),
        ahead=tuple((p, rt.engine.holding(p)) for p in sorted({*parts, *rt.engine.gates})))
