"""The SSE hub: ids, ring buffer replay and reset, bounded queues, batch events, and
the aiohttp handler end to end (replay after Last-Event-ID, keep-alive, drop)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from stream.models import Alert, Claim
from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.web.live import Event, Hub, claims_event, serve

BASE = 1_000_000


def test_event_encoding_is_sse_framing() -> None:
    assert Event(7, "claims", b'{"a":1}').encode() == b'id: 7\nevent: claims\ndata: {"a":1}\n\n'


def test_ids_increase_from_base_and_replay_after_a_given_id() -> None:
    hub = Hub(base=BASE)
    ids = [hub.publish("claims", {"n": i}).id for i in range(5)]
    assert ids == [BASE + 1, BASE + 2, BASE + 3, BASE + 4, BASE + 5]
    assert hub.replay_after(None) == []
    assert hub.replay_after(BASE + 5) == []
    replay = hub.replay_after(BASE + 2)
    assert replay is not None
    assert [e.id for e in replay] == [BASE + 3, BASE + 4, BASE + 5]
    assert [orjson.loads(e.data) for e in replay] == [{"n": 2}, {"n": 3}, {"n": 4}]
    assert hub.replay_after(BASE) is not None  # everything since the start is still held


def test_replay_is_refused_when_the_gap_was_evicted_or_ids_are_foreign() -> None:
    hub = Hub(base=BASE, ring_events=3)
    for i in range(6):
        hub.publish("claims", {"n": i})
    held = hub.replay_after(BASE + 3)
    assert held is not None
    assert [e.id for e in held] == [BASE + 4, BASE + 5, BASE + 6]
    assert hub.replay_after(BASE + 2) is None  # BASE+3 is gone
    assert hub.replay_after(BASE + 99) is None  # a later process's id
    assert hub.replay_after(5) is None  # an earlier process's id
    assert hub.replay_after(-1) is None


def test_ring_is_bounded_by_bytes_too() -> None:
    size = len(orjson.dumps({"pad": "x" * 30, "n": 0}))
    hub = Hub(base=0, ring_bytes=2 * size + 1)  # room for two events
    for i in range(10):
        hub.publish("claims", {"pad": "x" * 30, "n": i})
    assert [e.id for e in hub.replay_after(8) or []] == [9, 10]
    assert hub.replay_after(7) is None


def test_a_slow_client_is_dropped_and_the_others_still_receive() -> None:
    hub = Hub(base=0, queue_events=2)
    slow, fast = hub.subscribe(), hub.subscribe()
    assert slow is not None
    assert fast is not None
    for i in range(3):
        hub.publish("claims", {"n": i})
        fast.queue.get_nowait()
    assert slow.dropped is True
    assert slow.queue.qsize() == 1
    assert slow.queue.get_nowait() is None
    assert fast.dropped is False
    assert hub.dropped_total == 1
    hub.publish("claims", {"n": 3})
    assert slow.queue.qsize() == 0  # nothing more is queued for a dropped client
    event = fast.queue.get_nowait()
    assert event is not None
    assert event.id == 4


def test_clients_are_capped() -> None:
    hub = Hub(base=0, max_clients=2)
    a, b = hub.subscribe(), hub.subscribe()
    assert a is not None
    assert b is not None
    assert hub.subscribe() is None
    hub.unsubscribe(a)
    assert hub.subscribe() is not None


def _claims(*texts: str) -> list[Claim]:
    out: list[Claim] = []
    now = datetime(2030, 1, 1, tzinfo=UTC)
    for i, text in enumerate(texts):
        line = orjson.dumps({"id": f"r{i}", "source": f"src{i}", "text": text,
                             "published_at": f"2025-06-01T0{5 + i}:00:00Z"})
        result = normalize_record(line, Place("t", 0, i), now)
        assert isinstance(result, Normalized)
        out.extend(result.claims)
    return out


SAID = ", the Russian Defence Ministry said."
KURSK = "Air defence systems destroyed 12 Ukrainian drones over the Kursk region overnight" + SAID
BELGOROD = "Air defence systems destroyed 45 Ukrainian drones over the Belgorod region overnight" + SAID


def test_on_batch_publishes_claims_and_alerts_events() -> None:
    hub = Hub(base=0, ready=True)
    assert hub.subscribe() is not None  # someone is watching
    engine = Engine()
    claims = _claims(KURSK, BELGOROD)
    applied = [(c, engine.apply(c)) for c in claims]
    again = [(c, engine.apply(c)) for c in claims[:1]]  # a re-delivery: duplicate
    alert = Alert(alert_id="a1", kind="first_seen", state="open", severity="warning",
                  region="RU-BEL", window_start=datetime(2025, 6, 1, 3, tzinfo=UTC),
                  updated_at=datetime(2025, 6, 1, 4, tzinfo=UTC), observed=45.0, expected=0.0,
                  message="first claim ever seen")
    hub.on_batch(applied + again, [alert])
    hub.on_batch(again, [])  # only a duplicate: no event
    events = hub.replay_after(0)
    assert events is not None
    assert [(e.id, e.type) for e in events] == [(1, "claims"), (2, "alerts")]
    doc = orjson.loads(events[0].data)
    assert doc["regions"] == ["RU-BEL", "RU-KRS"]
    assert doc["n"] == 2
    first = doc["claims"][0]  # newest publication first
    assert {k: first[k] for k in ("key", "claimant", "weapon", "measure", "count", "source",
                                  "sources", "outcome", "excerpt_start", "span")} == {
        "key": "RU-BEL", "claimant": "ru-mod", "weapon": "drone", "measure": "intercepted",
        "count": 45, "source": "src1", "sources": ["src1"], "outcome": "new",
        "excerpt_start": 0, "span": [30, 49]}
    assert first["excerpt"][30:49] == "45 Ukrainian drones"
    assert orjson.loads(events[1].data) == {"alerts": [alert.model_dump(mode="json")]}


def test_nothing_is_streamed_before_ready_then_one_reset() -> None:
    hub = Hub(base=0)
    assert hub.subscribe() is not None
    engine = Engine()
    claims = _claims(KURSK)
    hub.on_batch([(c, engine.apply(c)) for c in claims], [])  # catching up: not streamed
    assert hub.last_id == 0
    hub.mark_ready()
    hub.mark_ready()  # once only
    more = _claims(BELGOROD)
    hub.on_batch([(c, engine.apply(c)) for c in more], [])
    events = hub.replay_after(0)
    assert events is not None
    assert [(e.id, e.type) for e in events] == [(1, "reset"), (2, "claims")]
    assert orjson.loads(events[0].data) == {"reason": "ready"}
    assert orjson.loads(events[1].data)["regions"] == ["RU-BEL"]


def test_claims_nobody_watches_are_not_rendered_and_a_resume_from_before_resets() -> None:
    now = [1000.0]
    hub = Hub(base=0, ready=True, clock=lambda: now[0], resume_grace_s=60)
    engine = Engine()
    hub.on_batch([(c, engine.apply(c)) for c in _claims(KURSK)], [])  # no client ever
    assert hub.last_id == 1  # the event took its id ...
    assert hub.replay_after(0) is None  # ... and cannot be replayed: reset
    sub = hub.subscribe()
    assert sub is not None
    hub.on_batch([(c, engine.apply(c)) for c in _claims(BELGOROD)], [])
    assert sub.queue.get_nowait().type == "claims"
    events = hub.replay_after(1)  # resuming after the skipped one works
    assert events is not None
    assert [(e.id, e.type) for e in events] == [(2, "claims")]
    # the client drops off: events go on being rendered for its resume, within the grace
    hub.unsubscribe(sub)
    now[0] += 30
    hub.on_batch([(c, engine.apply(c)) for c in _claims(KURSK.replace("12", "13"))], [])
    resumed = hub.replay_after(2)
    assert resumed is not None
    assert [(e.id, e.type) for e in resumed] == [(3, "claims")]
    now[0] += 60  # 90 s after it left: no longer
    hub.on_batch([(c, engine.apply(c)) for c in _claims(KURSK.replace("12", "14"))], [])
    assert hub.last_id == 4
    assert hub.replay_after(3) is None


def test_claims_event_caps_the_claims_it_carries() -> None:
    claims = _claims(KURSK)
    many = [(c.model_copy(update={"claim_id": f"c{i:03d}"}), None) for i in range(150) for c in claims]
    doc = claims_event(many)
    assert doc["n"] == 150
    assert len(doc["claims"]) == 100
    assert doc["claims"][0]["claim_id"] == "c149"


# --------------------------------------------------------------------- handler over HTTP


@pytest.fixture
async def served() -> AsyncIterator[tuple[Hub, str]]:
    hub = Hub(base=BASE, queue_events=4)

    async def handler(request: web.Request) -> Any:
        return await serve(hub, request, keepalive=0.05)

    app = web.Application()
    app.router.add_get("/api/stream", handler)
    server = TestServer(app)
    await server.start_server()
    try:
        yield hub, str(server.make_url("/api/stream"))
    finally:
        hub.close()
        await server.close()


async def _read_until(resp: Any, marker: bytes) -> bytes:
    buf = b""
    while marker not in buf:
        chunk = await asyncio.wait_for(resp.content.readany(), 10)
        assert chunk, f"stream ended before {marker!r}; got {buf!r}"
        buf += chunk
    return buf


async def _wait_clients(hub: Hub, n: int) -> None:
    for _ in range(200):
        if hub.clients == n:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{hub.clients} clients, expected {n}")


async def test_stream_delivers_live_events_and_keepalives(served: tuple[Hub, str]) -> None:
    hub, url = served
    async with ClientSession() as session, session.get(url) as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"] == "text/event-stream"
        await _wait_clients(hub, 1)
        hub.publish("claims", {"n": 1})
        buf = await _read_until(resp, b"\n\n: keep-alive\n\n")
        assert buf.startswith(b"retry: 2000\n\n")
        assert b'id: 1000001\nevent: claims\ndata: {"n":1}\n\n' in buf


async def test_reconnect_replays_after_last_event_id_or_resets(served: tuple[Hub, str]) -> None:
    hub, url = served
    for i in range(3):
        hub.publish("claims", {"n": i})
    async with ClientSession() as session:
        async with session.get(url, headers={"Last-Event-ID": str(BASE + 1)}) as resp:
            buf = await _read_until(resp, b"id: 1000003")
            assert b"id: 1000001\n" not in buf
            assert b'id: 1000002\nevent: claims\ndata: {"n":1}\n\n' in buf
        async with session.get(url, headers={"Last-Event-ID": "17"}) as resp:
            buf = await _read_until(resp, b"event: reset")
            assert b'id: 1000003\nevent: reset\ndata: {"last_id":1000003}\n\n' in buf


async def test_a_client_that_stops_reading_is_dropped_and_the_stream_ends(served: tuple[Hub, str]) -> None:
    hub, url = served
    async with ClientSession() as session, session.get(url) as resp:
        await _wait_clients(hub, 1)
        for i in range(5):  # queue holds 4: the fifth overflows before the handler runs
            hub.publish("claims", {"n": i})
        assert hub.dropped_total == 1
        body = await asyncio.wait_for(resp.content.read(), 10)
        assert body == b"retry: 2000\n\n"
    await _wait_clients(hub, 0)


async def test_a_client_that_disconnects_is_unsubscribed(served: tuple[Hub, str]) -> None:
    hub, url = served
    async with ClientSession() as session:
        resp = await session.get(url)
        await _read_until(resp, b"retry: 2000\n\n")
        await _wait_clients(hub, 1)
        resp.close()  # drop the connection
    await _wait_clients(hub, 0)
    hub.publish("claims", {"n": 1})  # nobody to deliver to: no error


def test_claims_event_of_folded_facts_equals_that_of_their_claims() -> None:
    from stream.aggregate import Fact
    from stream.pipeline import claim_bytes

    claims = _claims(KURSK, BELGOROD)
    facts = [Fact.of(c)._replace(origin=claim_bytes(c)) for c in claims]
    mixed = [(facts[0], None), (claims[1], None)]
    assert claims_event(mixed) == claims_event([(c, None) for c in claims])
    # a fact the fold held behind a watermark keeps no claim to rebuild (Engine.apply)
    bare = [(f._replace(origin=None), None) for f in facts]
    assert claims_event(bare) == claims_event([(c, None) for c in claims])
