"""Faust (aiohttp) views: read-only JSON API, health, metrics and the dashboard page.

Views only parse the request and serialize; documents come from `readmodel` (pure).
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faust
import orjson
from faust.web import Request, Response, View

from stream.app import Runtime
from stream.web import readmodel

JSON = "application/json"
STATIC = Path(__file__).parent / "static"


def _json(view: View, doc: Any, status: int = 200) -> Response:
    return view.bytes(orjson.dumps(doc), content_type=JSON, status=status)


def _error(view: View, status: int, message: str) -> Response:
    return _json(view, {"error": message}, status)


def authorized(rt: Runtime, request: Request) -> bool:
    """Bearer token check (header or ?token=) shared by every view; open without a token."""
    token = rt.settings.api_token
    if not token:
        return True
    header = request.headers.get("Authorization", "")
    given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    given = given or request.query.get("token", "")
    return hmac.compare_digest(given.encode(), token.encode())


def _static(name: str) -> bytes:
    return (STATIC / name).read_bytes()


def install(app: faust.App, rt: Runtime) -> None:
    """Register the routes on the app's web server."""

    def guarded(view: View, request: Request) -> Response | None:
        if not authorized(rt, request):
            return _error(view, 401, "missing or wrong bearer token")
        return None

    @app.page("/livez")
    async def livez(self: View, request: Request) -> Response:
        # Liveness only: the event loop answers. Readiness (caught up with the claims
        # log) is /healthz, 503 while a worker catches up; a liveness probe on it
        # would kill a worker whose catch-up is slow.
        return _json(self, {"status": "alive"})

    @app.page("/healthz")
    async def healthz(self: View, request: Request) -> Response:
        # `now` is the worker's clock: a page measures `folded_at`'s age against it, not
        # against a browser clock that may be off.
        doc = {"status": "ok" if rt.ready else "starting", "ready": rt.ready,
               "claims_applied": sum(rt.engine.counts.values()),
               "folded_at": None if rt.folded_at is None else
               datetime.fromtimestamp(rt.folded_at, UTC).isoformat(timespec="microseconds"),
               "now": datetime.now(UTC).isoformat(timespec="microseconds")}
        return _json(self, doc, 200 if rt.ready else 503)

    @app.page("/metrics")
    async def metrics(self: View, request: Request) -> Response:
        body, ctype = rt.metrics.exposition()
        response = self.bytes(body)
        response.headers["Content-Type"] = ctype  # keep version=0.0.4; charset (aiohttp drops it)
        return response

    @app.page("/api/regions")
    async def regions(self: View, request: Request) -> Response:
        if (denied := guarded(self, request)) is not None:
            return denied
        try:
            doc = readmodel.regions_doc(rt.engine, request.query.get("window", "24h"))
        except ValueError as exc:
            return _error(self, 400, str(exc))
        return _json(self, doc)

    @app.page("/api/regions/{code}")
    async def region(self: View, request: Request, code: str) -> Response:
        if (denied := guarded(self, request)) is not None:
            return denied
        doc = readmodel.region_doc(rt.engine, code.upper())
        if doc is None:
            return _error(self, 404, f"no claims for region {code!r}")
        return _json(self, doc)

    @app.page("/api/claims")
    async def claims(self: View, request: Request) -> Response:
        if (denied := guarded(self, request)) is not None:
            return denied
        since_raw = request.query.get("since")
        try:
            since = readmodel.parse_instant(since_raw, "since") if since_raw is not None else None
            limit = readmodel.parse_limit(request.query.get("limit"))
        except ValueError as exc:
            return _error(self, 400, str(exc))
        region_q = request.query.get("region")
        return _json(self, readmodel.claims_doc(rt.engine, region_q.upper() if region_q else None,
                                                since, limit))

    @app.page("/api/claims/{claim_id}")
    async def claim(self: View, request: Request, claim_id: str) -> Response:
        if (denied := guarded(self, request)) is not None:
            return denied
        doc = readmodel.claim_doc(rt.engine, claim_id)
        if doc is None:
            return _error(self, 404, f"no claim {claim_id!r} (unknown, or evicted past the lateness horizon)")
        return _json(self, doc)

    @app.page("/api/alerts")
    async def alerts(self: View, request: Request) -> Response:
        if (denied := guarded(self, request)) is not None:
            return denied
        try:
            query = readmodel.parse_alert_query(request.query)
        except ValueError as exc:
            return _error(self, 400, str(exc))
        return _json(self, readmodel.alerts_doc(rt.engine, query))

    @app.page("/")
    async def index(self: View, request: Request) -> Response:
        if (denied := guarded(self, request)) is not None:
            return denied
        return self.bytes(_static("index.html"), content_type="text/html")
