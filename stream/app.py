"""Faust wiring only: the app, its topics and the runtime objects the agents share.

`create_app` builds a fresh app per call (tests run several, each with its own
topic prefix and consumer group); `stream.agents.install` attaches the agents.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import faust
import mode

from stream.metrics import Metrics
from stream.offload import Normalizer
from stream.pipeline import Engine
from stream.settings import (
    ALERTS_TOPIC,
    CLAIMS_TOPIC,
    DLQ_TOPIC,
    RAW_TOPIC,
    Settings,
)

log = logging.getLogger(__name__)

#: Faust hard-codes fetch_max_wait_ms=1500 for its worker consumer, and the embedded broker
#: answers a waiting fetch only when that wait expires (new data does not wake it): half
#: a second of latency on average. 20 ms: ~10 ms per hop on average; an idle worker
#: spends ~9% of a core (7% at 50 ms), the embedded broker ~8%.
FETCH_MAX_WAIT_MS = 20
#: aiokafka's fetcher sends no fetch to a broker while any partition it leads still
#: holds records fetched less than `prefetch_backoff` ago (0.1 s, not an option of
#: AIOKafkaConsumer) that the consumer has not taken: with the raw partitions on one
#: broker, a partition read to its end waited up to 100 ms for its next records
#: whenever another one's were still buffered (measured: the normalizer idle for
#: 60-160 ms at a time, and the last few hundred records of a backlog trickling in
#: takes of a few records, 100 ms apart). A partition with records still buffered is
#: never fetched again until they are taken, so a short backoff only lets the others
#: be read; it does not let the buffers grow.
PREFETCH_BACKOFF_S = 0.005


def _faust_fetch_wait() -> None:
    from faust.transport.drivers import aiokafka as driver

    original = driver.AIOKafkaConsumerThread._create_worker_consumer
    if getattr(original, "_strikestream", False):
        return

    def create(self: Any, transport: Any) -> Any:
        consumer = original(self, transport)
        consumer._fetch_max_wait_ms = FETCH_MAX_WAIT_MS  # read by AIOKafkaConsumer.start()
        start = consumer.start

        async def start_then_tune() -> None:
            await start()
            fetcher = getattr(consumer, "_fetcher", None)
            if fetcher is not None and hasattr(fetcher, "_prefetch_backoff"):
                fetcher._prefetch_backoff = PREFETCH_BACKOFF_S  # read at every fetch result
            else:  # another aiokafka: keep its default, say so once
                log.warning("aiokafka's fetcher has no _prefetch_backoff: left at its default")

        consumer.start = start_then_tune
        return consumer

    create._strikestream = True  # type: ignore[attr-defined]
    driver.AIOKafkaConsumerThread._create_worker_consumer = create  # type: ignore[method-assign]


def kafka_client_kwargs(settings: Settings) -> dict[str, Any]:
    """aiokafka keyword arguments for a real cluster (SASL/SCRAM, TLS)."""
    kw: dict[str, Any] = {"security_protocol": settings.broker_security_protocol}
    if settings.broker_security_protocol in ("SSL", "SASL_SSL"):
        ctx = ssl.create_default_context(
            cafile=str(settings.broker_ssl_cafile) if settings.broker_ssl_cafile else None)
        if settings.broker_ssl_certfile:
            ctx.load_cert_chain(str(settings.broker_ssl_certfile),
                                str(settings.broker_ssl_keyfile) if settings.broker_ssl_keyfile else None)
        kw["ssl_context"] = ctx
    if settings.broker_security_protocol.startswith("SASL"):
        kw["sasl_mechanism"] = settings.broker_sasl_mechanism
        kw["sasl_plain_username"] = settings.broker_sasl_username
        kw["sasl_plain_password"] = settings.broker_sasl_password
    return kw


def _faust_credentials(settings: Settings) -> Any:
    if settings.broker_security_protocol == "PLAINTEXT":
        return None
    ctx = kafka_client_kwargs(settings).get("ssl_context")
    if settings.broker_security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.broker_sasl_username, password=settings.broker_sasl_password,
            mechanism=settings.broker_sasl_mechanism, ssl_context=ctx)
    return faust.SSLCredentials(ctx)


class Output(mode.Service):
    """One plain aiokafka producer for claims, alerts and dead letters.

    Faust's `Topic.send` costs tens of microseconds per record (channel, futures,
    sensors, a debug log call); this is the bare accumulator. `linger_ms=0` still
    batches: the normalize agent enqueues a whole batch without yielding to the
    loop, so the sender finds every record at once and writes one request; a lone
    alert goes out at once. Added to the app as its first dependency, so it starts
    before the agents and stops after them (a stopping agent can still deliver).
    """

    def __init__(self, settings: Settings, bootstrap: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.settings = settings
        self.bootstrap = bootstrap
        self.producer: Any = None
        self._lock = asyncio.Lock()

    async def _producer(self) -> Any:
        if self.producer is None:
            async with self._lock:
                if self.producer is None:
                    from aiokafka import AIOKafkaProducer

                    producer = AIOKafkaProducer(
                        bootstrap_servers=self.bootstrap, acks="all", linger_ms=0,
                        max_batch_size=1024 * 1024, max_request_size=4 * 1024 * 1024,
                        **kafka_client_kwargs(self.settings))
                    await producer.start()
                    self.producer = producer
        return self.producer

    async def on_start(self) -> None:
        await self._producer()

    async def on_stop(self) -> None:
        producer, self.producer = self.producer, None
        if producer is not None:
            await producer.stop()  # flushes what is still queued

    async def send(self, topic: str, key: bytes | None, value: bytes,
                   partition: int | None = None) -> asyncio.Future[Any]:
        """Enqueue one record; the returned future resolves when the broker has it."""
        producer = self.producer or await self._producer()
        fut: asyncio.Future[Any] = await producer.send(topic, value, key=key, partition=partition)
        return fut

    async def send_batch(self, topic: str, partition: int,
                         records: list[tuple[bytes | None, bytes]]) -> asyncio.Future[Any]:
        """Enqueue records for one partition as explicit record batches (one unless
        they outgrow `max_batch_size`); the returned future resolves when the broker
        has them all."""
        producer = self.producer or await self._producer()
        futs = []
        batch = producer.create_batch()
        for key, value in records:
            if batch.append(key=key, value=value, timestamp=None) is None:
                batch.close()
                futs.append(await producer.send_batch(batch, topic, partition=partition))
                batch = producer.create_batch()
                if batch.append(key=key, value=value, timestamp=None) is None:
                    msg = f"a record of {len(value)} bytes does not fit a record batch"
                    raise ValueError(msg)
        batch.close()
        futs.append(await producer.send_batch(batch, topic, partition=partition))
        done: asyncio.Future[Any] = asyncio.ensure_future(asyncio.gather(*futs)) if len(futs) > 1 else futs[0]
        return done

    async def partitions(self, topic: str) -> list[int]:
        producer = self.producer or await self._producer()
        return sorted(await producer.partitions_for(topic))


class NormalizerService(mode.Service):
    """Ends the normalizer's child processes when the app stops. They start with the
    first raw batch: a worker that is assigned no raw partition (more workers than
    partitions, a read replica) only folds claims and never pays for them."""

    def __init__(self, normalizer: Normalizer, **kw: Any) -> None:
        super().__init__(**kw)
        self.normalizer = normalizer

    async def on_stop(self) -> None:
        self.normalizer.close()


@dataclass
class Runtime:
    """What the agents, the claims follower and the web views share in one worker."""

    settings: Settings
    bootstrap: str
    metrics: Metrics
    engine: Engine
    topics: dict[str, Any] = field(default_factory=dict)
    #: topic key ("claims", "alerts", "dlq") -> full topic name
    names: dict[str, str] = field(default_factory=dict)
    #: the producer every agent writes with (see `Output`)
    out: Any = None
    #: normalizes raw records, in child processes (see `stream.offload`)
    normalizer: Normalizer = field(default_factory=lambda: Normalizer(0))
    ready: bool = False
    #: when the claims follower last folded records (Unix time; None: not yet): /healthz
    #: reports it, so a client sees how fresh the aggregates are and when a count it
    #: waits for was reached
    folded_at: float | None = None
    #: called after every batch the follower folds: (applied claims, alerts emitted);
    #: the claims only once `ready` (a catch-up does not hold them: they are empty)
    listeners: list[Callable[[list[tuple[Any, Any]], list[Any]], None]] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)


def create_app(
    settings: Settings, bootstrap: str, *, metrics: Metrics | None = None,
) -> tuple[faust.App, Runtime]:
    _faust_fetch_wait()
    app = faust.App(
        settings.app_id,
        broker=[f"kafka://{h}" for h in bootstrap.split(",")],
        broker_credentials=_faust_credentials(settings),
        store="memory://",
        autodiscover=False,
        topic_partitions=settings.raw_partitions,
        topic_allow_declare=True,
        topic_disable_leader=True,
        web_enabled=True,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        web_in_thread=False,
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=settings.heartbeat_interval_s,
        broker_commit_every=100,
        broker_commit_interval=1.0,
        consumer_auto_offset_reset="earliest",
        producer_linger_ms=5,
        producer_max_request_size=4 * 1024 * 1024,
        consumer_max_fetch_size=4 * 1024 * 1024,
        datadir=str(settings.data_dir / settings.app_id),
        logging_config=None,
    )
    runtime = Runtime(
        settings=settings,
        bootstrap=bootstrap,
        metrics=metrics or Metrics(live_horizon=settings.alert_live_horizon),
        engine=Engine.create(lateness=settings.lateness, detect_grace=settings.detect_grace,
                             alerts_kept=settings.alerts_kept),
    )
    raw = settings.topic(RAW_TOPIC)
    runtime.topics = {
        "raw": app.topic(raw, value_type=bytes, key_type=bytes, value_serializer="raw",
                         key_serializer="raw", partitions=settings.raw_partitions),
        "claims": app.topic(settings.topic(CLAIMS_TOPIC), value_type=bytes, key_type=bytes,
                            value_serializer="raw", key_serializer="raw",
                            partitions=settings.claims_partitions),
        "alerts": app.topic(settings.topic(ALERTS_TOPIC), value_type=bytes, key_type=bytes,
                            value_serializer="raw", key_serializer="raw", partitions=1),
        "dlq": app.topic(settings.topic(DLQ_TOPIC), value_type=bytes, key_type=bytes,
                         value_serializer="raw", key_serializer="raw", partitions=1),
    }
    runtime.names = {k: t.get_topic_name() for k, t in runtime.topics.items()}
    runtime.out = app.add_dependency(Output(settings, bootstrap))
    runtime.normalizer = Normalizer(settings.normalize_processes, chunk=settings.normalize_chunk)
    app.add_dependency(NormalizerService(runtime.normalizer))
    return app, runtime


def topic_specs(settings: Settings) -> list[tuple[str, int]]:
    """Topics the service needs, with explicit partition counts."""
    return [
        (settings.topic(RAW_TOPIC), settings.raw_partitions),
        (settings.topic(CLAIMS_TOPIC), settings.claims_partitions),
        (settings.topic(ALERTS_TOPIC), 1),
        (settings.topic(DLQ_TOPIC), 1),
    ]
