"""`ingest` and `replay` as a user runs them, on the real embedded broker.

`replay --from-time` selects reports by when they were published, not by when their
records were written; and without --broker the commands find the embedded broker of
a running `run` through its address file.
"""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from stream.broker import EmbeddedBroker, ensure_topics
from stream.cli import BROKER_FILE, sample_files
from stream.models import RawReport
from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.settings import RAW_TOPIC, load_settings

from .conftest import ROOT, _delete_prefixed
from .scenarios import expected_docs, first_difference

pytestmark = pytest.mark.integration

FROM = datetime(2025, 7, 10, tzinfo=UTC)


def cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("STREAM_")}
    return subprocess.run([sys.executable, "-m", "stream", *args], capture_output=True, text=True,
                          timeout=300, check=False, cwd=cwd,
                          env={**base, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **env})


def published(line: bytes) -> datetime | None:
    try:
        return RawReport.model_validate_json(line).published_at
    except ValueError:
        return None


def fold(lines: list[bytes]) -> Engine:
    engine = Engine()
    now = datetime.now(UTC)
    for n, line in enumerate(lines):
        result = normalize_record(line, Place("offline", 0, n), now)
        if isinstance(result, Normalized):
            engine.apply_all(result.claims)
    return engine


@pytest.fixture
def prefix(broker: EmbeddedBroker) -> Any:
    tag = f"cli{uuid.uuid4().hex[:8]}."
    asyncio.run(ensure_topics(broker.bootstrap, [(f"{tag}{RAW_TOPIC}", 4)]))
    yield tag
    asyncio.run(_delete_prefixed(broker.bootstrap, (tag,)))


def test_replay_from_time_selects_reports_by_publication(broker: EmbeddedBroker, prefix: str,
                                                         tmp_path: Path) -> None:
    lines = [line for p in sample_files() for line in p.read_bytes().splitlines() if line.strip()]
    early = [ln for ln in lines if (t := published(ln)) is not None and t < FROM]
    late = [ln for ln in lines if (t := published(ln)) is not None and t >= FROM]
    assert len(early) > 50 and len(late) > 50  # the samples straddle the start
    # the late reports are written first, so the early ones carry the later record
    # timestamps: a filter on record timestamps would keep (or drop) them all
    rest = [ln for ln in lines if published(ln) is None]
    order = late + random.Random(3).sample(early, len(early)) + rest
    src = tmp_path / "reports.jsonl"
    src.write_bytes(b"\n".join(order) + b"\n")
    sent = cli("ingest", str(src), "--broker", broker.bootstrap, "--topic-prefix", prefix, cwd=tmp_path)
    assert sent.returncode == 0, sent.stderr
    assert f"sent {len(order)} records" in sent.stderr

    out = tmp_path / "regions.json"
    got = cli("replay", "--broker", broker.bootstrap, "--topic-prefix", prefix,
              "--from-time", "2025-07-10T00:00:00Z", "--output", str(out), cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    summary = orjson.loads(got.stdout)
    assert summary["records"] == len(order)
    assert summary["skipped_before_start"] == len(early)
    assert sum(summary["rejected"].values()) == len(rest)  # no publication time: read, rejected
    diff = first_difference(orjson.loads(out.read_bytes()), expected_docs(fold(late)))
    assert not diff, diff

    everything = cli("replay", "--broker", broker.bootstrap, "--topic-prefix", prefix, cwd=tmp_path)
    assert everything.returncode == 0, everything.stderr
    full = orjson.loads(everything.stdout)
    assert full["skipped_before_start"] == 0
    assert full["claims"] > summary["claims"] > 0


def test_commands_find_the_embedded_broker_of_run(broker: EmbeddedBroker, prefix: str,
                                                   tmp_path: Path) -> None:
    """What `run` writes (`cli._record_embedded`) is what replay reads without --broker."""
    data = tmp_path / "data"
    data.mkdir()
    (data / BROKER_FILE).write_bytes(orjson.dumps(
        {"bootstrap": broker.bootstrap, "broker_pid": broker.process.pid, "run_pid": os.getpid()}))
    got = cli("replay", "--topic-prefix", prefix, cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    assert orjson.loads(got.stdout)["topic"] == load_settings(topic_prefix=prefix).topic(RAW_TOPIC)
    moved = cli("replay", "--topic-prefix", prefix, cwd=tmp_path, STREAM_DATA_DIR=str(tmp_path / "elsewhere"))
    assert moved.returncode == 2
    assert "set --broker or STREAM_BROKER" in moved.stderr
