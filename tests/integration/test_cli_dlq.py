"""`dlq`, `status` and `replay --compare` as a user runs them, against a real worker on
the embedded broker: a redrive sends each record still rejected once, however often it
is repeated, and the listing shows a record and its rejections after redrives as one;
listings are on stdout; `status` and `replay --compare` find the worker and its token
from the environment."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from stream.deadletters import REDRIVE_HEADER
from stream.settings import DLQ_TOPIC, RAW_TOPIC

from .conftest import ROOT, Deployment, produce, read_topic, wait_until

pytestmark = pytest.mark.integration

TOKEN = "s3cret-token"  # noqa: S105 - a test's own API token
GOOD = [orjson.dumps({"id": f"ok-{n}", "source": "telegram:mod_russia",
                      "published_at": "2025-07-10T08:00:00Z",
                      "text": f"Air defence systems destroyed {n + 10} Ukrainian drones over the Bryansk "
                              "region overnight, the Russian Defence Ministry said."}) for n in range(2)]
BAD = [b'{"id": "bad-%d", "text": ' % n for n in range(4)]


def cli(dep: Deployment, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("STREAM_")}
    return subprocess.run([sys.executable, "-m", "stream", *args], capture_output=True, text=True,
                          timeout=300, check=False, cwd=dep.tmp,
                          env={**base, "PYTHONPATH": str(ROOT), "COLUMNS": "200",
                               "STREAM_BROKER": dep.broker.bootstrap, "STREAM_TOPIC_PREFIX": dep.prefix,
                               **env})


def dead_letters(dep: Deployment) -> list[Any]:
    return asyncio.run(read_topic(dep.broker.bootstrap, dep.topic(DLQ_TOPIC), timeout=5))


def test_repeated_redrives_send_each_bad_record_once_and_list_it_once(deployment: Deployment) -> None:
    dep = deployment
    worker = dep.start_worker(STREAM_API_TOKEN=TOKEN)
    worker.wait_ready()
    raw, dlq = dep.topic(RAW_TOPIC), dep.topic(DLQ_TOPIC)
    # four broken records, the first sent twice by its producer, and two good reports
    records = [BAD[0], GOOD[0], *BAD[1:], BAD[0], GOOD[1]]
    keys: list[bytes | None] = [b"k-bad-0", b"ok-0", b"k-bad-1", b"k-bad-2", b"k-bad-3", b"k-bad-0", b"ok-1"]
    asyncio.run(produce(dep.broker.bootstrap, raw, records, keys=keys))
    wait_until(lambda: len(dead_letters(dep)) >= 5, timeout=90, what="5 dead letters")

    listed = cli(dep, "dlq")
    assert listed.returncode == 0, listed.stderr
    assert "selected" not in listed.stderr  # the listing is the output: `dlq > file` keeps it
    assert "5 of 5 dead letters selected, 4 records: decode 4" in listed.stdout
    assert "1 dead letter(s) repeat an earlier record's bytes without a redrive" in listed.stdout
    assert f"{dlq}: the latest 4 selected" in listed.stdout

    for run, total in ((1, 9), (2, 13)):
        redriven = cli(dep, "dlq", "--redrive", "--reason", "decode", "--limit", "0")
        assert redriven.returncode == 0, redriven.stderr
        assert f"re-sent 4 to {raw}" in redriven.stderr, (run, redriven.stderr)
        wait_until(lambda total=total: len(dead_letters(dep)) >= total, timeout=90,
                   what=f"{total} dead letters after redrive {run}")
        assert len(dead_letters(dep)) == total  # one more per bad record, not double

    # each redrive named the dead letter it sent: the first one, a letter of each record
    # (the latest: the producer's copy of bad-0); the second one, the first one's rejections
    resent = [m for m in asyncio.run(read_topic(dep.broker.bootstrap, raw, timeout=5)) if m.headers]
    named = sorted(dict(m.headers)[REDRIVE_HEADER].decode() for m in resent)
    offsets = sorted(int(n.rsplit("@", 1)[1]) for n in named)
    assert all(n.startswith(f"{dlq}[0]@") for n in named)
    assert len(offsets) == 8 and offsets[4:] == [5, 6, 7, 8] and len(set(offsets[:4])) == 4
    first_sent = {m.offset: orjson.loads(m.value)["key"] for m in dead_letters(dep)
                  if m.offset in offsets[:4]}
    assert sorted(first_sent.values()) == ["k-bad-0", "k-bad-1", "k-bad-2", "k-bad-3"]

    docs = [orjson.loads(line) for line in cli(dep, "dlq", "--json").stdout.splitlines()]
    assert len(docs) == 13
    assert sorted(d["redriven_from"] for d in docs if d["redriven_from"]) == sorted(named)
    assert len({d["case"] for d in docs}) == 4

    again = cli(dep, "dlq")
    assert again.returncode == 0, again.stderr
    assert "13 of 13 dead letters selected, 4 records: decode 4" in again.stdout
    assert "4 of them redriven before and rejected again (2 time(s) each)" in again.stdout
    assert again.stdout.count("2x (first [0]@") == 4

    # status and replay --compare reach this worker from STREAM_WEB_PORT and its token
    status = cli(dep, "status", STREAM_WEB_PORT=str(worker.port), STREAM_API_TOKEN=TOKEN)
    assert status.returncode == 0, status.stdout + status.stderr
    assert status.stdout.startswith(f"worker http://127.0.0.1:{worker.port}: ready")
    url = f"http://127.0.0.1:{worker.port}"
    compared = cli(dep, "replay", "--compare", url, STREAM_API_TOKEN=TOKEN)
    assert compared.returncode == 0, compared.stderr
    assert "replay equals the live aggregates" in compared.stderr
    refused = cli(dep, "replay", "--compare", url)
    assert refused.returncode == 1
    assert refused.stderr.strip().endswith(
        f"--compare: {url}/api/regions answered 401 (give its token with --token or STREAM_API_TOKEN)")


def test_a_listing_written_to_a_file_is_the_listing(deployment: Deployment, tmp_path: Path) -> None:
    dep = deployment
    asyncio.run(produce(dep.broker.bootstrap, dep.topic(DLQ_TOPIC), [b"not a rejection"]))
    out = tmp_path / "dlq.txt"
    with out.open("w") as fh:
        base = {k: v for k, v in os.environ.items() if not k.startswith("STREAM_")}
        proc = subprocess.run([sys.executable, "-m", "stream", "dlq", "--broker", dep.broker.bootstrap,
                               "--topic-prefix", dep.prefix], stdout=fh, stderr=subprocess.PIPE, text=True,
                              timeout=120, check=False, env={**base, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    text = out.read_text()
    assert "1 of 1 dead letters selected: unreadable 1" in text
    assert "not a rejection" in text
