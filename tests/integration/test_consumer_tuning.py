"""The worker's Faust consumer, built by Faust's aiokafka driver and started against
the embedded broker, carries the fetch settings `stream.app` gives it (Faust exposes
neither): a 20 ms fetch wait and a 5 ms prefetch backoff."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from stream.app import FETCH_MAX_WAIT_MS, PREFETCH_BACKOFF_S, create_app
from stream.broker import EmbeddedBroker
from stream.settings import Settings

pytestmark = pytest.mark.integration


async def test_worker_consumer_fetch_settings(broker: EmbeddedBroker, tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:8]
    settings = Settings(app_id=f"tune-{tag}", topic_prefix=f"tune-{tag}.", data_dir=tmp_path)
    app, _ = create_app(settings, broker.bootstrap)
    consumer = app.consumer._thread._create_worker_consumer(app.transport)
    assert consumer._fetch_max_wait_ms == FETCH_MAX_WAIT_MS  # Faust's own: 1500
    await consumer.start()
    try:
        assert consumer._fetcher._prefetch_backoff == PREFETCH_BACKOFF_S  # aiokafka's: 0.1
    finally:
        await consumer.stop()
