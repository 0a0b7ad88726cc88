"""`/api/stream` and the dashboard assets on a real worker (no browser needed):
event ids increase, a reconnect with Last-Event-ID gets exactly the missed events,
an unknown id gets `reset`, and the bearer token guards the stream."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from aiohttp import ClientSession, ClientTimeout

from ..integration.conftest import Deployment, Worker
from .test_dashboard_live import hourly_bulletin, ingest

pytestmark = pytest.mark.integration

START = datetime(2025, 5, 1, 10, tzinfo=UTC)
TOKEN = "test-token-for-the-stream"  # noqa: S105 - a test fixture, not a secret


def parse(buf: bytes) -> list[dict[str, Any]]:
    """SSE frames -> [{id, event, data}] (comments and retry lines left out)."""
    out = []
    for frame in buf.decode().split("\n\n"):
        fields: dict[str, Any] = {}
        for line in frame.split("\n"):
            name, _, value = line.partition(": ")
            if name in ("id", "event", "data"):
                fields[name] = value
        if "event" in fields:
            out.append({"id": int(fields["id"]), "event": fields["event"],
                        "data": orjson.loads(fields["data"])})
    return out


async def read_events(url: str, n: int, headers: dict[str, str] | None = None,
                      kind: str = "claims") -> list[dict[str, Any]]:
    """Events until `n` of type `kind` have arrived."""
    async with ClientSession(timeout=ClientTimeout(total=30)) as session, \
            session.get(url, headers=headers or {}) as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"] == "text/event-stream"
        buf = b""
        while sum(e["event"] == kind for e in parse(buf)) < n:
            chunk = await asyncio.wait_for(resp.content.readany(), 20)
            assert chunk, f"stream ended: {buf!r}"
            buf += chunk
        return parse(buf)


def stream_url(worker: Worker) -> str:
    return worker.url(f"/api/stream?token={TOKEN}")


def test_reconnect_with_last_event_id_replays_exactly_the_missed_events(deployment: Deployment) -> None:
    worker = deployment.start_worker(STREAM_API_TOKEN=TOKEN)
    worker.wait_ready()
    url = stream_url(worker)

    async def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        first = asyncio.create_task(read_events(url, 1))
        await asyncio.sleep(1.0)  # let the client subscribe before the report arrives
        await asyncio.to_thread(ingest, deployment, [hourly_bulletin("a", "Курской области", 7, START)], b"k")
        got = await first
        # Disconnected now; two more batches happen while the client is away.
        for i, region in enumerate(("Белгородской области", "Брянской области")):
            await asyncio.to_thread(ingest, deployment, [hourly_bulletin(
                f"b{i}", region, 3 + i, START + timedelta(hours=1 + i))], b"k")
            await asyncio.sleep(1.5)
        replay = await read_events(url, 2, {"Last-Event-ID": str(got[-1]["id"])})
        reset = await read_events(url, 1, {"Last-Event-ID": "12345"}, kind="reset")
        return got, replay, reset

    got, replay, reset = asyncio.run(scenario())
    # (a `reset` may come first: the worker announces once it has caught up)
    got = [e for e in got if e["event"] != "reset"]
    assert [(e["event"], e["data"]["regions"]) for e in got] == [("claims", ["RU-KRS"])]
    assert got[0]["data"]["claims"][0]["count"] == 7
    claims = [e for e in replay if e["event"] == "claims"]
    assert [(e["data"]["regions"], e["data"]["claims"][0]["count"]) for e in claims] == [
        (["RU-BEL"], 3), (["RU-BRY"], 4)]
    ids = [e["id"] for e in replay]
    assert ids[0] == got[0]["id"] + 1  # nothing missed, nothing repeated
    assert ids == list(range(ids[0], ids[0] + len(ids)))
    assert [e["event"] for e in reset] == ["reset"]
    assert reset[0]["data"]["last_id"] >= ids[-1]


def test_stream_and_page_need_the_token_and_assets_are_served(deployment: Deployment) -> None:
    worker = deployment.start_worker(STREAM_API_TOKEN=TOKEN)
    worker.wait_ready()
    assert worker.get("/api/stream")[0] == 401
    assert worker.get("/api/stream?token=wrong")[0] == 401
    assert worker.get("/")[0] == 401
    status, page = worker.get(f"/?token={TOKEN}")
    assert status == 200
    assert b'<script type="module" src="/static/dashboard.js"></script>' in page
    for name in ("dashboard.js", "render.js", "tilegrid.js", "dashboard.css"):
        assert worker.get(f"/static/{name}")[0] == 200, name
    assert worker.get("/static/missing.js")[0] == 404
    assert worker.get("/static/..%2Fviews.py")[0] == 404
    assert worker.get("/static/index.html")[0] == 404  # the page is served (guarded) at / only
