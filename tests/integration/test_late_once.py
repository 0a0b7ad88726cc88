"""One late claim, one dead letter: with several workers, and after restarts.

Every worker folds the whole claims log from its beginning, so when the followers
dead-lettered late claims, one late claim gave a dead letter per worker and another at
every worker start (and the dead-letter rate summed them). The normalize agent that
writes it dead-letters it now; the followers count it.
"""

from __future__ import annotations

import asyncio
import base64
import time

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from stream.settings import CLAIMS_TOPIC, DLQ_TOPIC, RAW_TOPIC

from .conftest import Deployment, Worker, produce, read_topic, wait_until

pytestmark = pytest.mark.integration

#: a report about 1 July published on 15 July (more than the allowed week after)
STALE = {"id": "late-once", "source": "telegram:mod_russia", "published_at": "2025-07-15T08:00:00Z",
         "text": "В ночь на 1 июля дежурными средствами ПВО перехвачены и уничтожены 14 украинских "
                 "беспилотников над территорией Брянской области."}


def _metric(worker: Worker, name: str, **labels: str) -> float:
    text = worker.get("/metrics")[1].decode()
    return sum(s.value for f in text_string_to_metric_families(text) for s in f.samples
               if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()))


def _late_letters(dep: Deployment) -> list[dict[str, object]]:
    msgs = asyncio.run(read_topic(dep.broker.bootstrap, dep.topic(DLQ_TOPIC), timeout=5))
    return [d for m in msgs if (d := orjson.loads(m.value))["reason"] == "late"]


def test_a_late_claim_is_dead_lettered_once_whatever_the_workers(deployment: Deployment) -> None:
    dep = deployment
    workers = [dep.start_worker(), dep.start_worker()]
    for w in workers:
        w.wait_ready()
    asyncio.run(produce(dep.broker.bootstrap, dep.topic(RAW_TOPIC), [orjson.dumps(STALE)],
                        keys=[b"late-once"]))
    for w in workers:  # every worker folds it, and counts it as late
        wait_until(lambda w=w: _metric(w, "strikestream_late_claims_total") == 1, timeout=60,
                   what="each worker to fold the late claim")
    workers[0].stop()  # a restart of one, and a third worker: both fold the log again
    workers = [workers[1], dep.start_worker(), dep.start_worker()]
    for w in workers:
        w.wait_ready()
        wait_until(lambda w=w: _metric(w, "strikestream_late_claims_total") == 1, timeout=60,
                   what="the new workers to fold the late claim")
    time.sleep(2.0)  # (a dead letter a follower wrote would be delivered by now)
    late = _late_letters(dep)
    assert len(late) == 1, [str(d["error"])[:120] for d in late]
    assert late[0]["topic"] == dep.topic(CLAIMS_TOPIC)
    claim = orjson.loads(base64.b64decode(str(late[0]["original"])))
    assert (claim["report_id"], claim["region"], claim["count"]) == ("late-once", "RU-BRY", 14)
    # the dead-letter rate, summed over the workers alive, counts it at most once
    assert sum(_metric(w, "strikestream_dlq_total", reason="late") for w in workers) <= 1
