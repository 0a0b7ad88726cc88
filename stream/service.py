"""Assemble one worker: Faust app + agents + web views, sharing one Runtime."""

from __future__ import annotations

import faust

from stream import agents
from stream.app import Runtime, create_app
from stream.metrics import Metrics
from stream.settings import Settings
from stream.web import views


def build(settings: Settings, bootstrap: str, *, metrics: Metrics | None = None) -> tuple[faust.App, Runtime]:
    app, rt = create_app(settings, bootstrap, metrics=metrics)
    agents.install(app, rt)
    views.install(app, rt)
    return app, rt
