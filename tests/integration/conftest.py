"""Integration fixtures: one real embedded broker per session, workers as real processes.

Every test gets its own topic prefix and consumer group, and deletes its topics
afterwards (the memory broker frees nothing otherwise).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest

from stream.broker import EmbeddedBroker, free_port, start_broker

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def broker() -> Iterator[EmbeddedBroker]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    b = start_broker(log_path=ARTIFACTS / "tansu.log")
    yield b
    b.stop()


@dataclass
class Worker:
    """A `python -m stream worker` process on the embedded broker."""

    proc: subprocess.Popen[bytes]
    port: int
    log: Path
    env: dict[str, str] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str, timeout: float = 5.0) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=timeout) as resp:  # noqa: S310
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def json(self, path: str) -> Any:
        status, body = self.get(path)
        assert status == 200, f"{path}: HTTP {status}: {body[:300]!r}"
        return orjson.loads(body)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.alive():
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.alive(), f"worker exited early; log:\n{self.log.read_text()[-3000:]}"
            with contextlib.suppress(OSError):
                status, _ = self.get("/healthz", timeout=1.0)
                if status == 200:
                    return
            time.sleep(0.3)
        raise AssertionError(f"worker not ready in {timeout}s; log:\n{self.log.read_text()[-3000:]}")


@dataclass
class Deployment:
    """Topic prefix + app id of one test; starts workers and cleans up."""

    broker: EmbeddedBroker
    prefix: str
    app_id: str
    tmp: Path
    raw_partitions: int = 4
    workers: list[Worker] = field(default_factory=list)

    @classmethod
    def create(cls, broker: EmbeddedBroker, tmp: Path, tag: str = "t", raw_partitions: int = 4) -> Deployment:
        """A fresh prefix and app id, with the service's topics created."""
        from stream.app import topic_specs
        from stream.broker import ensure_topics
        from stream.settings import load_settings

        uid = uuid.uuid4().hex[:8]
        dep = cls(broker=broker, prefix=f"{tag}{uid}.", app_id=f"strikestream-{tag}{uid}", tmp=tmp,
                  raw_partitions=raw_partitions)
        settings = load_settings(topic_prefix=dep.prefix, raw_partitions=raw_partitions)
        asyncio.run(ensure_topics(broker.bootstrap, topic_specs(settings)))
        return dep

    def topic(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def start_worker(self, **env: str) -> Worker:
        port = free_port()
        n = len(self.workers)
        log = ARTIFACTS / f"worker-{self.app_id}-{n}.log"
        full_env = {
            **os.environ,
            "STREAM_BROKER": self.broker.bootstrap,
            "STREAM_TOPIC_PREFIX": self.prefix,
            "STREAM_APP_ID": self.app_id,
            "STREAM_WEB_PORT": str(port),
            "STREAM_DATA_DIR": str(self.tmp / f"data-{n}"),
            "STREAM_LOG_LEVEL": "warning",
            "STREAM_RAW_PARTITIONS": str(self.raw_partitions),
            **env,
        }
        fh = log.open("wb")
        proc = subprocess.Popen(
            [sys.executable, "-m", "stream", "worker"], env=full_env, stdout=fh,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=str(ROOT),
        )
        worker = Worker(proc=proc, port=port, log=log, env=full_env)
        self.workers.append(worker)
        return worker

    def close(self) -> None:
        for w in self.workers:
            w.stop()
        asyncio.run(_delete_prefixed(self.broker.bootstrap, (self.prefix, self.app_id)))


async def _delete_prefixed(bootstrap: str, prefixes: tuple[str, ...]) -> None:
    from aiokafka.admin import AIOKafkaAdminClient

    from stream.broker import delete_topics

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        names = [t for t in await admin.list_topics() if t.startswith(prefixes)]
    finally:
        await admin.close()
    with contextlib.suppress(Exception):
        await delete_topics(bootstrap, names)


@pytest.fixture
def deployment(broker: EmbeddedBroker, tmp_path: Path) -> Iterator[Deployment]:
    tag = uuid.uuid4().hex[:8]
    dep = Deployment(broker=broker, prefix=f"t{tag}.", app_id=f"strikestream-t{tag}", tmp=tmp_path)
    from stream.app import topic_specs
    from stream.broker import ensure_topics
    from stream.settings import load_settings

    asyncio.run(ensure_topics(broker.bootstrap, topic_specs(load_settings(topic_prefix=dep.prefix))))
    yield dep
    dep.close()


async def read_topic(bootstrap: str, topic: str, *, timeout: float = 10.0) -> list[Any]:
    """Every record of `topic` up to its end (fetch high-watermark, not ListOffsets)."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None,
                                enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    out: list[Any] = []
    try:
        parts = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        deadline = time.monotonic() + timeout
        idle = 0
        while time.monotonic() < deadline and idle < 3:
            batch = await consumer.getmany(timeout_ms=300, max_records=10000)
            if not batch:
                idle += 1
                continue
            idle = 0
            for msgs in batch.values():
                out.extend(msgs)
    finally:
        await consumer.stop()
    return out


async def produce(bootstrap: str, topic: str, values: list[bytes], *,
                  keys: list[bytes | None] | None = None) -> None:
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=10,
                                max_request_size=8 * 1024 * 1024, max_batch_size=1024 * 1024)
    await producer.start()
    try:
        futs = [await producer.send(topic, v, key=(keys[i] if keys else None))
                for i, v in enumerate(values)]
        await producer.flush()
        for f in futs:
            await f
    finally:
        await producer.stop()


def wait_until(predicate: Any, *, timeout: float, interval: float = 0.5, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    detail = f" (last={last!r})" if last not in (None, False, "") else ""
    raise AssertionError(f"timed out after {timeout}s waiting for {what}{detail}")
