"""Live updates for the dashboard: Server-Sent Events on `GET /api/stream`.

The claims follower calls `Hub.on_batch` (a `Runtime.listeners` entry) after each
folded batch. The hub turns the batch into numbered events (`claims`, `alerts`),
keeps the most recent ones in a bounded ring buffer and hands them to every
connected client's bounded queue with `put_nowait`: the follower never waits for
a client. A client whose queue is full is dropped; its browser reconnects with
`Last-Event-ID` and gets the missed events from the ring, or a `reset` event (the
client then refetches the JSON API) when they are no longer there.

While the worker re-folds the claims log at start, nothing is streamed (that would
replay all history to every client); once it has caught up one `reset` tells the
connected clients to refetch.

Event ids are `base + n` with `base` taken from the wall clock at start (ms x
1000), so ids increase across worker restarts too and an id from an earlier
process is recognised as too old rather than replayed against a different state.

Also serves the dashboard's static assets (`/static/{name}`), which the page at
`/` (served by `views`) loads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import faust
import orjson
from aiohttp import web
from faust.web import Request, Response, View

from stream.aggregate import Fact
from stream.app import Runtime
from stream.models import Alert, Claim
from stream.web.views import STATIC, authorized

log = logging.getLogger(__name__)

RING_EVENTS = 1024
RING_BYTES = 8 * 1024 * 1024
QUEUE_EVENTS = 256
MAX_CLIENTS = 64
MAX_CLAIMS_PER_EVENT = 100
#: a dashboard that drops off (network blip, sleeping tab) and comes back within this
#: resumes from its Last-Event-ID; after it, claim events are no longer rendered
RESUME_GRACE_S = 600.0
KEEPALIVE_S = 15.0
RETRY_MS = 2000
#: outcomes worth showing: a duplicate or a stale value changes nothing on screen.
SHOWN_OUTCOMES = frozenset({"new", "correction", "relay"})

_ASSET = re.compile(r"^[a-z0-9][a-z0-9_.-]*\.(js|css|json|svg|txt)$")
_CONTENT_TYPES = {"js": "text/javascript", "css": "text/css", "json": "application/json",
                  "svg": "image/svg+xml", "txt": "text/plain"}


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    type: str
    data: bytes  # one JSON document, no newlines (orjson never emits any)

    def encode(self) -> bytes:
        return b"id: %d\nevent: %s\ndata: %s\n\n" % (self.id, self.type.encode(), self.data)


@dataclass(eq=False)
class Subscriber:
    """One connected client: a bounded queue; `None` in it means "you were dropped"."""

    queue: asyncio.Queue[Event | None]
    dropped: bool = False


@dataclass
class Hub:
    """Ring buffer of recent events plus the connected subscribers."""

    base: int = field(default_factory=lambda: int(time.time() * 1000) * 1000)
    ring_events: int = RING_EVENTS
    ring_bytes: int = RING_BYTES
    queue_events: int = QUEUE_EVENTS
    max_clients: int = MAX_CLIENTS
    dropped_total: int = 0
    #: False while the worker re-folds the claims log at start: nothing is streamed
    #: then, and one `reset` (clients refetch) is sent once it has caught up.
    ready: bool = False
    _seq: int = 0
    _ring: deque[Event] = field(default_factory=deque)
    _ring_size: int = 0
    _subs: set[Subscriber] = field(default_factory=set)
    #: how long after the last client left events are still rendered for its resume
    resume_grace_s: float = RESUME_GRACE_S
    clock: Callable[[], float] = time.monotonic
    #: when the last client left (None: no client ever connected)
    _left_at: float | None = None

    @property
    def last_id(self) -> int:
        return self.base + self._seq

    @property
    def clients(self) -> int:
        return len(self._subs)

    def publish(self, type_: str, doc: Any) -> Event:
        self._seq += 1
        event = Event(self.last_id, type_, orjson.dumps(doc))
        self._ring.append(event)
        self._ring_size += len(event.data)
        while self._ring and (len(self._ring) > self.ring_events or self._ring_size > self.ring_bytes):
            self._ring_size -= len(self._ring.popleft().data)
        for sub in list(self._subs):
            self._offer(sub, event)
        return event

    def skip(self) -> None:
        """An event no client is connected to receive, nor left within the resume
        grace, left unrendered (rendering the newest claims of every fold batch costs
        the worker several per cent of its CPU on a busy feed). It takes its id, so a
        client that resumes from before it cannot be given every event since and gets
        a `reset` (refetch) instead."""
        self._seq += 1
        self._ring.clear()
        self._ring_size = 0

    def _offer(self, sub: Subscriber, event: Event) -> None:
        if sub.dropped:
            return
        try:
            sub.queue.put_nowait(event)
        except asyncio.QueueFull:
            # Too slow: drop it rather than buffer without bound or block the follower.
            sub.dropped = True
            self.dropped_total += 1
            while not sub.queue.empty():
                sub.queue.get_nowait()
            sub.queue.put_nowait(None)

    def replay_after(self, last_id: int | None) -> list[Event] | None:
        """Events after `last_id`, or None when they cannot all be replayed (reset)."""
        if last_id is None:
            return []
        if last_id > self.last_id:
            return None  # from the future: another process's ids
        if last_id == self.last_id:
            return []
        if not self._ring or last_id < self._ring[0].id - 1:
            return None  # the gap was evicted from the ring (or is from an older process)
        return [e for e in self._ring if e.id > last_id]

    def subscribe(self) -> Subscriber | None:
        if len(self._subs) >= self.max_clients:
            return None
        sub = Subscriber(asyncio.Queue(self.queue_events))
        self._subs.add(sub)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        self._subs.discard(sub)
        if not self._subs:
            self._left_at = self.clock()

    def _watched(self) -> bool:
        """A client is connected, or left recently enough to resume from its last id."""
        if self._subs:
            return True
        return self._left_at is not None and self.clock() - self._left_at <= self.resume_grace_s

    def close(self) -> None:
        """Tell every client to finish (worker shutdown)."""
        for sub in list(self._subs):
            sub.dropped = True
            while not sub.queue.empty():
                sub.queue.get_nowait()
            sub.queue.put_nowait(None)

    def mark_ready(self) -> None:
        """The read model has caught up: from now on batches are streamed."""
        if not self.ready:
            self.ready = True
            self.publish("reset", {"reason": "ready"})

    def on_batch(self, applied_batch: list[tuple[Claim | Fact, Any]], alerts: list[Alert]) -> None:
        """`Runtime.listeners` entry: one `claims` and one `alerts` event per batch."""
        if not self.ready:
            return
        shown = [(c, a) for c, a in applied_batch if getattr(a, "outcome", "new") in SHOWN_OUTCOMES]
        if shown and not self._watched():
            self.skip()  # nobody to show them to: not rendered (a resume gets a reset)
        elif shown:
            self.publish("claims", claims_event(shown))
        if alerts:
            self.publish("alerts", {"alerts": [a.model_dump(mode="json") for a in alerts]})


def _iso(claim: Claim, name: str) -> str:
    return str(getattr(claim, name).isoformat().replace("+00:00", "Z"))


def claim_doc(claim: Claim, outcome: str) -> dict[str, Any]:
    """A claim in the shape of `/api/claims` items (plus `outcome`)."""
    return {
        "claim_id": claim.claim_id, "kind": claim.kind, "key": claim.key,
        "claimant": claim.claimant, "weapon": claim.weapon, "measure": claim.measure,
        "damage_kind": claim.damage_kind, "window_start": _iso(claim, "window_start"),
        "window_end": _iso(claim, "window_end"), "count": claim.count,
        "killed": claim.killed, "injured": claim.injured, "qualifier": claim.qualifier,
        "published_at": _iso(claim, "published_at"), "report_id": claim.report_id,
        "source": claim.source, "lang": claim.lang, "span": list(claim.span),
        "excerpt": claim.excerpt, "excerpt_start": claim.excerpt_start,
        "sources": [claim.source], "outcome": outcome,
    }


def _iso_epoch(t: int) -> str:
    return datetime.fromtimestamp(t, UTC).isoformat().replace("+00:00", "Z")


def fact_doc(fact: Fact, outcome: str) -> dict[str, Any]:
    """`claim_doc` of a folded fact, from its own fields (a fact the fold held carries
    no claim to rebuild: `Engine.apply`)."""
    return {
        "claim_id": fact.claim_id, "kind": fact.kind, "key": fact.key,
        "claimant": fact.claimant, "weapon": fact.weapon, "measure": fact.measure,
        "damage_kind": fact.damage_kind, "window_start": _iso_epoch(fact.window_start),
        "window_end": _iso_epoch(fact.window_end), "count": fact.count,
        "killed": fact.killed, "injured": fact.injured, "qualifier": fact.qualifier,
        "published_at": _iso_epoch(fact.published_at), "report_id": fact.report_id,
        "source": fact.source, "lang": fact.lang, "span": list(fact.span),
        "excerpt": fact.excerpt, "excerpt_start": fact.excerpt_start,
        "sources": [fact.source], "outcome": outcome,
    }


def _doc(claim: Claim | Fact, outcome: str) -> dict[str, Any]:
    return fact_doc(claim, outcome) if isinstance(claim, Fact) else claim_doc(claim, outcome)


def _published(claim: Claim | Fact) -> int:
    return claim.published_at if isinstance(claim, Fact) else int(claim.published_at.timestamp())


def claims_event(shown: Iterable[tuple[Claim | Fact, Any]]) -> dict[str, Any]:
    """Touched regions and the newest claims of a batch (capped: the page shows ~200).
    The fold hands over Claims or the Facts it folded; only the claims shown are
    turned back into Claims."""
    items = sorted(shown, key=lambda ca: (_published(ca[0]), ca[0].claim_id), reverse=True)
    return {
        "regions": sorted({c.key for c, _ in items}),
        "n": len(items),
        "claims": [_doc(c, str(getattr(a, "outcome", "new"))) for c, a in items[:MAX_CLAIMS_PER_EVENT]],
    }


def _last_event_id(request: Any) -> int | None:
    raw = request.headers.get("Last-Event-ID") or request.query.get("last_event_id")
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        return -1  # unparseable: treat as too old


async def _pump(hub: Hub, sub: Subscriber, resp: Any, backlog: list[Event] | None,
                keepalive: float) -> None:
    await resp.write(b"retry: %d\n\n" % RETRY_MS)
    if backlog is None:
        reset = Event(hub.last_id, "reset", orjson.dumps({"last_id": hub.last_id}))
        await resp.write(reset.encode())
    else:
        for event in backlog:
            await resp.write(event.encode())
    while True:
        try:
            item = await asyncio.wait_for(sub.queue.get(), timeout=keepalive)
        except TimeoutError:
            await resp.write(b": keep-alive\n\n")
            continue
        if item is None:
            return
        await resp.write(item.encode())


async def serve(hub: Hub, request: Any, *, keepalive: float = KEEPALIVE_S,
                cors_origins: frozenset[str] = frozenset()) -> Any:
    """Stream events to one client until it goes away, is dropped or the hub closes."""
    sub = hub.subscribe()
    if sub is None:
        return web.json_response({"error": "too many live clients"}, status=503)
    try:
        backlog = hub.replay_after(_last_event_id(request))
        headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform",
                   "X-Accel-Buffering": "no"}
        origin = request.headers.get("Origin")
        if origin and origin in cors_origins:
            headers["Access-Control-Allow-Origin"] = origin
            headers["Vary"] = "Origin"
        resp = web.StreamResponse(status=200, headers=headers)
        await resp.prepare(request)
        try:
            await _pump(hub, sub, resp, backlog, keepalive)
        except ConnectionError:  # the client went away: nothing to clean up but the queue
            return resp
        with contextlib.suppress(ConnectionError, RuntimeError):
            await resp.write_eof()
        return resp
    finally:
        hub.unsubscribe(sub)


def install(app: faust.App, rt: Runtime, hub: Hub | None = None) -> Hub:
    """Register `/api/stream` and `/static/{name}`; subscribe the hub to the follower."""
    live = hub or Hub()

    def listener(applied_batch: list[tuple[Claim | Fact, Any]], alerts: list[Alert]) -> None:
        if rt.ready:
            live.mark_ready()
        live.on_batch(applied_batch, alerts)

    rt.listeners.append(listener)
    rt.extras["live_hub"] = live
    origins = frozenset(o.strip() for o in rt.settings.cors_origins.split(",") if o.strip())

    @app.page("/api/stream")
    async def stream(self: View, request: Request) -> Response:
        if not authorized(rt, request):
            return self.bytes(b'{"error":"missing or wrong bearer token"}',
                              content_type="application/json", status=401)
        result: Response = await serve(live, request, cors_origins=origins)
        return result

    @app.page("/static/{name}")
    async def asset(self: View, request: Request, name: str) -> Response:
        m = _ASSET.match(name)
        path = STATIC / name
        if m is None or not path.is_file():
            return self.bytes(b"not found", content_type="text/plain", status=404)
        return self.bytes(path.read_bytes(), content_type=_CONTENT_TYPES[m.group(1)],
                          headers={"Cache-Control": "no-cache"})

    async def _announce_ready() -> None:
        # The batch that completes the catch-up is folded before `rt.ready` flips.
        if rt.ready:
            live.mark_ready()

    app.timer(1.0)(_announce_ready)

    async def _close_streams(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        live.close()

    app.on_before_shutdown.connect(_close_streams)

    return live
