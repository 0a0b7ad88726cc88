"""`/api/alerts` parameters and `/api/claims/{claim_id}` over HTTP, on a worker that
folded a simulated surge through the embedded broker."""

from __future__ import annotations

import asyncio
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from stream.broker import EmbeddedBroker
from stream.settings import RAW_TOPIC

from .conftest import Deployment, produce, wait_until
from .test_alerts import surge_reports

pytestmark = pytest.mark.integration


@pytest.fixture
def ordered(broker: EmbeddedBroker, tmp_path: Path) -> Iterator[Deployment]:
    dep = Deployment.create(broker, tmp_path, raw_partitions=1)
    yield dep
    dep.close()


def test_alert_queries_and_claim_lookup(ordered: Deployment) -> None:
    worker = ordered.start_worker()
    worker.wait_ready()
    asyncio.run(produce(ordered.broker.bootstrap, ordered.topic(RAW_TOPIC), surge_reports()))
    alerts = wait_until(
        lambda: (d := worker.json("/api/alerts?region=RU-BEL&kind=surge&state=resolved"))["alerts"] and d,
        timeout=180, what="the Belgorod surge to resolve")
    surge = alerts["alerts"][0]
    assert alerts["total"] == len(alerts["alerts"]) and not alerts["truncated"]
    assert worker.json("/api/alerts?state=open&kind=surge&region=ru-bel")["alerts"] == []
    since = urllib.parse.quote(surge["updated_at"])
    assert surge["alert_id"] in [a["alert_id"] for a in worker.json(f"/api/alerts?since={since}")["alerts"]]
    everything = worker.json("/api/alerts?state=all")
    one = worker.json("/api/alerts?limit=1")
    assert one["alerts"] == everything["alerts"][:1] and one["total"] == everything["total"]
    assert one["truncated"] == (everything["total"] > 1)

    for query in ("state=closed", "kind=spike", "region=Belgorod", "since=yesterday", "limit=-1"):
        status, body = worker.get(f"/api/alerts?{query}")
        assert status == 400, query
        assert query.split("=")[1] in orjson.loads(body)["error"]

    assert surge["claim_ids"]
    for cid in surge["claim_ids"]:
        claim = worker.json(f"/api/claims/{cid}")["claim"]
        assert claim["claim_id"] == cid and claim["key"] == "RU-BEL"
        assert claim["versions"] and claim["source"] in claim["sources"]
    status, body = worker.get("/api/claims/" + "0" * 24)
    assert status == 404 and "0" * 24 in orjson.loads(body)["error"]
    assert "claims" in worker.json("/api/claims?limit=1")  # the list route still answers
