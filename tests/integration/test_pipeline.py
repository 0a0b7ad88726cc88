"""End to end on the real embedded broker: raw -> normalize agent -> claims -> aggregates -> API.

1,000 simulated reports plus 50 malformed records: every good report is reflected in
the aggregates (equal to an offline fold of the same input), every bad record is on
the DLQ with its reason and original bytes, and the worker keeps consuming.
"""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from stream.models import RawReport
from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.settings import CLAIMS_TOPIC, DLQ_TOPIC, RAW_TOPIC
from stream.simulate.reports import simulate_reports

from .conftest import Deployment, Worker, produce, read_topic, wait_until
from .scenarios import expected_docs, first_difference, live_docs

pytestmark = pytest.mark.integration

START = datetime(2025, 6, 1, tzinfo=UTC)


def malformed_records() -> list[tuple[bytes, str]]:
    """(record bytes, expected DLQ reason): 50 records, 10 of each kind."""
    good = {"id": "x", "source": "reuters", "published_at": "2025-06-02T05:00:00Z",
            "text": "Air defences destroyed 12 drones over the Kursk region."}
    out: list[tuple[bytes, str]] = []
    for i in range(10):
        out.append((b'{"id": "bad-json-%d", "text": ' % i, "decode"))
        wrong = dict(good, id=f"wrong-{i}")
        wrong[["published_at", "text", "id", "source", "lang"][i % 5]] = [1, 2] if i % 2 else {"n": 7}
        out.append((orjson.dumps(wrong), "invalid"))
        out.append((orjson.dumps(dict(good, id=f"empty-{i}", text="" if i % 2 else "   ")), "invalid"))
        out.append((orjson.dumps(dict(good, id=f"huge-{i}", text="drone " * 180_000)), "too_large"))
        out.append((b'{"id": "utf8-%d", "source": "x", "text": "\xff\xfe\xc3"}' % i, "decode"))
    return out


def offline_fold(lines: list[bytes]) -> Engine:
    engine = Engine()
    now = datetime(2030, 1, 1, tzinfo=UTC)
    for n, line in enumerate(lines):
        result = normalize_record(line, Place("offline", 0, n), now)
        assert isinstance(result, Normalized)
        engine.apply_all(result.claims)
    return engine


def metric_sum(text: str, name: str) -> float:
    total = 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name:
                total += sample.value
    return total


@pytest.mark.parametrize("in_flight", ["1", "2"])
def test_thousand_reports_and_fifty_bad_records(deployment: Deployment, in_flight: str) -> None:
    sims = list(simulate_reports(1000, seed=11, start=START))
    good = [orjson.dumps(s.raw) for s in sims]
    for line in good:
        RawReport.model_validate_json(line)
    bad = malformed_records()
    records = good[:500] + [b for b, _ in bad] + good[500:]

    worker = deployment.start_worker(STREAM_NORMALIZE_IN_FLIGHT=in_flight)
    worker.wait_ready()
    bootstrap = deployment.broker.bootstrap
    asyncio.run(produce(bootstrap, deployment.topic(RAW_TOPIC), records))

    def reports_counted() -> float:
        return metric_sum(worker.get("/metrics")[1].decode(), "strikestream_reports_total")

    wait_until(lambda: reports_counted() >= 1000, timeout=120, what="1000 reports normalized")

    # Every bad record is on the DLQ with its reason and its original bytes.
    def dlq() -> list[dict[str, object]]:
        msgs = asyncio.run(read_topic(bootstrap, deployment.topic(DLQ_TOPIC), timeout=5))
        return [orjson.loads(m.value) for m in msgs]

    rejected = wait_until(lambda: (d := dlq()) and len(d) >= 50 and d, timeout=60, what="50 DLQ records")
    assert len(rejected) == 50, sorted((str(r["reason"]), str(r["error"])[:90]) for r in rejected)[-5:]
    by_bytes = {base64.b64decode(str(r["original"])): r for r in rejected}
    for record, reason in bad:
        assert record in by_bytes, f"missing on the DLQ: {record[:60]!r}"
        entry = by_bytes[record]
        assert entry["reason"] == reason, (record[:60], entry)
        assert f"{deployment.topic(RAW_TOPIC)}[" in str(entry["error"])
        assert entry["topic"] == deployment.topic(RAW_TOPIC)

    # Every good report is reflected: the live aggregates equal an offline fold.
    expected = offline_fold(good)
    assert expected.states, "the simulated reports produced no claims"
    want = expected_docs(expected)

    diff = "not compared yet"
    deadline = time.monotonic() + 60
    while diff and time.monotonic() < deadline:
        diff = first_difference(live_docs(worker), want)
        time.sleep(0.5)
    assert not diff, f"live aggregates differ from the offline fold: {diff}"
    assert reports_counted() == 1000

    # The worker is still consuming after the bad records.
    late = dict(sims[0].raw, id="after-bad-records",
                text="Air defence systems destroyed 31 Ukrainian drones over the Bryansk region overnight, "
                     "the Russian Defence Ministry said.")
    asyncio.run(produce(bootstrap, deployment.topic(RAW_TOPIC), [orjson.dumps(late)]))
    wait_until(lambda: reports_counted() == 1001, timeout=60, what="the worker to consume a new report")
    assert worker.alive()

    # A claim published more than the allowed lateness after its window is counted and
    # routed to the DLQ with reason "late", never silently dropped.
    stale = {"id": "late-1", "source": "telegram:mod_russia", "published_at": "2025-06-15T08:00:00Z",
             "text": "В ночь на 2 июня дежурными средствами ПВО перехвачены и уничтожены 14 украинских "
                     "беспилотников над территорией Брянской области."}
    asyncio.run(produce(bootstrap, deployment.topic(RAW_TOPIC), [orjson.dumps(stale)]))
    late = wait_until(lambda: [r for r in dlq() if r["reason"] == "late"], timeout=60, what="a late claim")
    assert len(late) == 1
    assert late[0]["topic"] == deployment.topic(CLAIMS_TOPIC)
    claim = orjson.loads(base64.b64decode(str(late[0]["original"])))
    assert (claim["report_id"], claim["region"], claim["count"]) == ("late-1", "RU-BRY", 14)
    assert metric_sum(worker.get("/metrics")[1].decode(), "strikestream_late_claims_total") == 1

    if in_flight == "2":  # the dead-letter and status CLIs on this worker, once
        check_dlq_cli(deployment, bad)
        check_status_cli(deployment, worker)


def check_status_cli(deployment: Deployment, worker: Worker) -> None:
    """`python -m stream status` reads the worker's /healthz, /metrics and open alerts:
    ready, every report and dead letter counted (the 20 re-driven ones rejected again),
    the claims follower caught up and the raw topic's lag (end offsets against the
    group's committed offsets, every raw partition) down to 0; a worker that cannot
    be reached exits 2."""
    base = f"http://127.0.0.1:{worker.port}"

    def status() -> dict[str, Any]:
        out = subprocess.run([sys.executable, "-m", "stream", "status", "--url", base, "--json"],
                             capture_output=True, text=True, timeout=60, check=False)
        assert out.returncode == 0, out.stderr
        doc: dict[str, Any] = orjson.loads(out.stdout)
        return doc

    def agrees() -> dict[str, Any] | None:
        doc, text = status(), worker.get("/metrics")[1].decode()
        same = (doc["reports"], doc["dead_letters"]) == (
            metric_sum(text, "strikestream_reports_total"), metric_sum(text, "strikestream_dlq_total"))
        lag, topics = doc["lag"], {deployment.topic(RAW_TOPIC), deployment.topic(CLAIMS_TOPIC)}
        caught_up = not sum(lag.values()) and set(lag) == topics
        return doc if same and caught_up and doc["dead_letters_by_reason"].get("decode") == 40 else None

    doc = wait_until(agrees, timeout=60, what="the status to agree with /metrics, with no lag")
    assert doc["ready"] and doc["problems"] == []
    assert doc["reports"] >= 1001
    raw_lag = [s for s in text_string_to_metric_families(worker.get("/metrics")[1].decode())
               for s in s.samples if s.name == "strikestream_consumer_lag_messages"
               and s.labels["topic"] == deployment.topic(RAW_TOPIC)]
    assert sorted(int(s.labels["partition"]) for s in raw_lag) == list(range(deployment.raw_partitions))
    reasons = doc["dead_letters_by_reason"]
    assert (reasons["decode"], reasons["invalid"], reasons["too_large"]) == (40, 20, 10)
    assert doc["claims_applied"] == worker.json("/healthz")["claims_applied"] > 0
    assert doc["folded_at"] is not None and doc["folded_ago_s"] >= 0
    assert doc["open_alerts"] == [a for a in worker.json("/api/alerts")["alerts"] if a["state"] != "resolved"]
    gone = subprocess.run([sys.executable, "-m", "stream", "status", "--url", "http://127.0.0.1:1"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert gone.returncode == 2 and "cannot read the worker" in gone.stderr


def dlq_cli(deployment: Deployment, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stream", "dlq", "--broker", deployment.broker.bootstrap,
         "--topic-prefix", deployment.prefix, *args],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "COLUMNS": "160"})


def check_dlq_cli(deployment: Deployment, bad: list[tuple[bytes, str]]) -> None:
    """`python -m stream dlq` lists every dead letter with its reason and original
    bytes; `--redrive` sends the raw ones back through the worker (rejected again,
    so the DLQ grows by exactly those originals) and leaves the late claim alone."""
    listed = dlq_cli(deployment, "--json")
    assert listed.returncode == 0, listed.stderr
    docs = [orjson.loads(line) for line in listed.stdout.splitlines()]
    assert len(docs) == 51
    assert sorted(base64.b64decode(d["original"]) for d in docs if d["reason"] != "late") == sorted(
        b for b, _ in bad)
    assert "51 of 51 dead letters selected: decode 20, invalid 20, too_large 10, late 1" in listed.stderr

    table = dlq_cli(deployment, "--reason", "too_large", "--limit", "3")
    assert table.returncode == 0, table.stderr
    assert "10 of 51 dead letters selected: too_large 10" in table.stdout
    assert "the latest 3 selected" in table.stdout

    redriven = dlq_cli(deployment, "--reason", "decode", "--reason", "late", "--redrive", "--limit", "0")
    assert redriven.returncode == 0, redriven.stderr
    assert f"re-sent 20 to {deployment.topic(RAW_TOPIC)}; left alone (not read from the raw topic): late 1" \
        in redriven.stderr
    bootstrap = deployment.broker.bootstrap

    def dlq_docs() -> list[dict[str, object]]:
        msgs = asyncio.run(read_topic(bootstrap, deployment.topic(DLQ_TOPIC), timeout=5))
        return [orjson.loads(m.value) for m in msgs]

    after = wait_until(lambda: (d := dlq_docs()) and len(d) >= 71 and d, timeout=60, what="20 re-rejected")
    assert len(after) == 71
    # each decode record twice now: rejected when first read, and again when re-sent
    again = sorted(base64.b64decode(str(d["original"])) for d in after if d["reason"] == "decode")
    assert again == sorted([b for b, r in bad if r == "decode"] * 2)

    wrong = dlq_cli(deployment, "--reason", "nonsense")
    assert wrong.returncode == 2 and "unknown reason" in wrong.stderr
