"""Command line: `python -m stream run|worker|broker|ingest|normalize|replay|dlq|status|detect|simulate`."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import logging
import os
import socket
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, NoReturn

import orjson
import typer
from rich.console import Console
from rich.markup import escape

from stream.errors import BrokerError
from stream.pipeline import Place
from stream.settings import Settings, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="strikestream: strike reports -> claims -> per-region aggregates and alerts.")
err = Console(stderr=True)

#: where `run` writes the address of its embedded broker, under STREAM_DATA_DIR (removed when it stops)
BROKER_FILE = "embedded-broker.json"
BrokerOpt = Annotated[str | None, typer.Option(
    envvar="STREAM_BROKER", show_envvar=True,
    help="Kafka bootstrap servers; unset = the embedded broker of a `run` started in this directory "
         f"(found in STREAM_DATA_DIR/{BROKER_FILE})")]
RunBrokerOpt = Annotated[str | None, typer.Option(
    envvar="STREAM_BROKER", show_envvar=True,
    help="Kafka bootstrap servers; unset = start an embedded broker")]
PortOpt = Annotated[int, typer.Option(envvar="STREAM_WEB_PORT", show_envvar=True, help="web port")]
PrefixOpt = Annotated[str, typer.Option(envvar="STREAM_TOPIC_PREFIX", show_envvar=True,
                                        help="prefix for every topic name")]


def _settings(**overrides: Any) -> Settings:
    return load_settings(**{k: v for k, v in overrides.items() if v is not None})


def _now() -> datetime:
    return datetime.now(UTC)


def _fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr (never wrapped, no markup read from the message), then exit."""
    err.print(f"[red]error:[/] {escape(message)}", soft_wrap=True, highlight=False)
    raise typer.Exit(code)


@contextlib.contextmanager
def _quiet_closed_stdout() -> Iterator[None]:
    """A reader that closed stdout early (`... | head -1`) ends the command quietly with
    exit 0: nothing is wrong with the input, and Python must not complain at exit when
    it flushes what is left (stdout is pointed at /dev/null)."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise typer.Exit(0) from None


def _parse_time(text: str, option: str, *, naive_utc: bool = True) -> datetime:
    """An ISO 8601 time given on the command line (naive = UTC unless `naive_utc` is off),
    or typer's usage error (exit 2) naming the option and the value."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        msg = f"not an ISO 8601 time: {text!r} (e.g. 2025-07-10T00:00:00Z)"
        raise typer.BadParameter(msg, param_hint=option) from exc
    if moment.tzinfo is None:
        if not naive_utc:
            msg = f"{text!r} has no time zone (e.g. 2025-07-10T00:00:00Z)"
            raise typer.BadParameter(msg, param_hint=option)
        moment = moment.replace(tzinfo=UTC)
    return moment


def _check_readable(path: str, hint: str = "'PATH'") -> None:
    """A usage error (exit 2) naming a file that cannot be read, before any work starts."""
    if path == "-":
        return
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        msg = f"cannot read {path!r}: {exc.strerror or exc}"
        raise typer.BadParameter(msg, param_hint=hint) from exc


def sample_files() -> list[Path]:
    root = Path(__file__).parent / "data" / "samples"
    return sorted(root.glob("*.jsonl"))


def _numbered_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(1-based line number, line) of every non-blank line: blank lines are skipped but
    counted, so the numbers are the file's own."""
    fh = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 - closed below
    try:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                yield number, line.rstrip(b"\r\n")
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _iter_lines(path: str) -> Iterator[bytes]:
    for _, line in _numbered_lines(path):
        yield line


class LinePlace(Place):
    """A line of a file (`offset` = its 1-based line number), shown as `path:line`."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.topic}:{self.offset}"


@app.command()
def normalize(path: Annotated[str, typer.Argument(help="JSONL raw reports, - for stdin")] = "-") -> None:
    """Pure: raw-report JSON lines in -> one normalized JSON line out per non-blank input line
    (no broker). A line that cannot be read gives a line with its error, at `file:line`."""
    _check_readable(path)
    out = sys.stdout.buffer
    name = "<stdin>" if path == "-" else path
    with _quiet_closed_stdout():
        _normalize_lines(path, name, out)


def _normalize_lines(path: str, name: str, out: Any) -> None:
    from stream.models import Rejection
    from stream.normalize import normalize as run_normalize
    from stream.pipeline import decode_raw

    try:
        for n, line in _numbered_lines(path):
            raw = decode_raw(line, LinePlace(name, 0, n), _now())
            if isinstance(raw, Rejection):
                rid = None
                with contextlib.suppress(Exception):
                    obj = orjson.loads(line)
                    rid = obj.get("id") if isinstance(obj, dict) else None
                doc: dict[str, Any] = {"report_id": rid, "error": raw.error, "reason": raw.reason,
                                       "observations": [], "damage": [], "casualties": []}
                out.write(orjson.dumps(doc) + b"\n")
                continue
            report = run_normalize(raw)
            out.write(orjson.dumps(report.model_dump(mode="json")) + b"\n")
        out.flush()
    except BrokenPipeError:
        raise  # stdout closed by its reader: not the input's fault
    except OSError as exc:
        _fail(f"cannot read {path!r}: {exc.strerror or exc}")


@app.command()
def broker(port: Annotated[int, typer.Option(help="port; 0 = a free one")] = 9092) -> None:
    """Run the embedded Tansu broker in the foreground (memory-only) until Ctrl-C."""
    from stream.broker import start_broker

    try:
        b = start_broker(port=port or None)
    except BrokerError as exc:
        _fail(str(exc))
    err.print(f"[green]embedded broker on {b.bootstrap}[/] (memory-only; Ctrl-C stops it)")
    try:
        b.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        b.stop()


async def produce_lines(bootstrap: str, topic: str, lines: list[bytes], *, progress: bool = True,
                        client_kwargs: dict[str, Any] | None = None) -> int:
    """Send raw lines as-is (bad ones too: the worker routes them to the DLQ)."""
    from aiokafka import AIOKafkaProducer
    from rich.progress import Progress

    from stream.replay import start_client

    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5,
                                max_request_size=4 * 1024 * 1024, **(client_kwargs or {}))
    await start_client(producer, bootstrap)
    try:
        futs = []
        with Progress(console=err, disable=not (progress and err.is_terminal), transient=True) as bar:
            task = bar.add_task(f"ingest -> {topic}", total=len(lines))
            for line in lines:
                key = None
                with contextlib.suppress(Exception):
                    obj = orjson.loads(line)
                    if isinstance(obj, dict) and isinstance(obj.get("id"), str):
                        key = obj["id"].encode()
                futs.append(await producer.send(topic, value=line, key=key))
                bar.advance(task)
            await producer.flush()
        for f in futs:
            await f
        return len(futs)
    finally:
        await producer.stop()


@app.command()
def ingest(
    path: Annotated[str, typer.Argument(help="JSONL file of raw reports, - for stdin")],
    broker: BrokerOpt = None,
    topic_prefix: PrefixOpt = "",
) -> None:
    """Put raw reports (JSON lines) on strikes.raw.v1, with a progress bar."""
    from aiokafka.errors import KafkaError

    from stream.app import kafka_client_kwargs
    from stream.settings import RAW_TOPIC

    s = _settings(broker=broker, topic_prefix=topic_prefix)
    _check_readable(path)
    bootstrap = _bootstrap(s)
    try:
        lines = list(_iter_lines(path))
    except OSError as exc:
        _fail(f"cannot read {path!r}: {exc.strerror or exc}")
    try:
        n = asyncio.run(produce_lines(bootstrap, s.topic(RAW_TOPIC), lines,
                                      client_kwargs=kafka_client_kwargs(s)))
    except (BrokerError, KafkaError) as exc:
        _fail(f"ingest to {bootstrap} failed: {exc}" if isinstance(exc, KafkaError) else str(exc))
    err.print(f"sent {n} records to {s.topic(RAW_TOPIC)}")


def _broker_file(s: Settings) -> Path:
    return s.data_dir / BROKER_FILE


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def embedded_bootstrap(s: Settings) -> str | None:
    """The embedded broker of a `run` in this data directory, if one is running."""
    try:
        doc = orjson.loads(_broker_file(s).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("bootstrap"), str):
        return None
    return doc["bootstrap"] if _alive(doc.get("broker_pid")) else None  # else left by a killed run


def _bootstrap(s: Settings) -> str:
    """--broker / STREAM_BROKER, else the embedded broker of a running `run`, else a usage error."""
    if s.broker:
        return s.broker
    found = embedded_bootstrap(s)
    if found is None:
        _fail(f"no broker: set --broker or STREAM_BROKER, or start `python -m stream run` in this "
              f"directory (it writes its embedded broker's address to {_broker_file(s)})", 2)
    return found


def _record_embedded(s: Settings, bootstrap: str, broker_pid: int) -> Path:
    path = _broker_file(s)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(orjson.dumps({"bootstrap": bootstrap, "broker_pid": broker_pid, "run_pid": os.getpid(),
                                  "started_at": _now().isoformat()}))
    tmp.replace(path)
    return path


def _forget_embedded(path: Path, bootstrap: str) -> None:
    """Remove the address file if it still names this run's broker (not a later run's)."""
    with contextlib.suppress(OSError, orjson.JSONDecodeError):
        doc = orjson.loads(path.read_bytes())
        if isinstance(doc, dict) and doc.get("bootstrap") == bootstrap:
            path.unlink()


def _check_port_free(host: str, port: int) -> None:
    """Fail in one line before anything starts if the web port is taken."""
    if port == 0:
        return
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the web server binds
        try:
            sock.bind((host, port))
        except OSError as exc:
            _fail(f"web port {port} on {host} is not free ({exc.strerror or exc}); "
                  "choose another with --web-port or STREAM_WEB_PORT")


def _run_worker(s: Settings, bootstrap: str, *, samples: list[Path] | None = None) -> None:
    from faust.worker import Worker

    from stream.broker import ensure_topics
    from stream.service import build
    from stream.settings import RAW_TOPIC

    (s.data_dir / s.app_id).mkdir(parents=True, exist_ok=True)
    asyncio.run(ensure_topics(bootstrap, _topic_specs(s)))
    if samples:
        # Written before the worker starts, as a feed that was already there: a worker
        # reading a partition to its end while the rest of the load is still being
        # written would take that partition for idle and let the others close hours
        # its next reports belong to (the detectors would then miss them).
        lines = [line for p in samples for line in _iter_lines(str(p))]
        n = asyncio.run(produce_lines(bootstrap, s.topic(RAW_TOPIC), lines, progress=False))
        err.print(f"loaded {n} sample records")
    faust_app, rt = build(s, bootstrap)

    _settle_heap(faust_app, rt)
    url = f"http://{s.web_host}:{s.web_port}/"
    err.print(f"[bold green]strikestream[/] broker={bootstrap} web={url} "
              f"(API: {url}api/regions, metrics: {url}metrics)")
    worker = Worker(faust_app, loglevel=s.log_level.upper(), quiet=True, redirect_stdouts=False)
    worker.execute_from_commandline()


def _settle_heap(faust_app: Any, rt: Any) -> None:
    """Time the collector's pauses for /metrics, freeze what the worker loaded to
    start and, once the follower has caught up, the state it read (`stream.heap`)."""
    from stream import heap

    heap.fix_mmap_threshold()  # a fetch's buffers are not left resident among the state
    timer = heap.PauseTimer()
    timer.install()
    rt.metrics.set_gc_pause_source(timer.snapshot)

    @faust_app.task
    async def settle_heap() -> None:
        while not rt.ready:
            await asyncio.sleep(0.5)
        heap.settle(0)

    heap.settle()


def _topic_specs(s: Settings) -> list[tuple[str, int]]:
    from stream.app import topic_specs

    return topic_specs(s)


@app.command()
def worker(broker: BrokerOpt = None, web_port: PortOpt = 6066, topic_prefix: PrefixOpt = "") -> None:
    """Run one worker (normalize agent, aggregates, detectors, web) against Kafka."""
    s = _settings(broker=broker, web_port=web_port, topic_prefix=topic_prefix)
    bootstrap = _bootstrap(s)
    _check_port_free(s.web_host, s.web_port)
    try:
        _run_worker(s, bootstrap)
    except BrokerError as exc:
        _fail(str(exc))


@app.command()
def run(
    broker: RunBrokerOpt = None,
    web_port: PortOpt = 6066,
    samples: Annotated[bool, typer.Option(help="load the bundled sample reports")] = True,
) -> None:
    """Embedded broker (unless STREAM_BROKER) + worker + web + bundled samples. Ctrl-C stops all."""
    from stream.broker import start_broker

    s = _settings(broker=broker, web_port=web_port)
    _check_port_free(s.web_host, s.web_port)
    embedded = None
    recorded = None
    try:
        if not s.broker:
            log_path = Path(os.environ.get("STREAM_BROKER_LOG", "/tmp/strikestream-tansu.log"))  # noqa: S108
            embedded = start_broker(log_path=log_path)
            recorded = _record_embedded(s, embedded.bootstrap, embedded.process.pid)
            err.print(f"embedded broker on {embedded.bootstrap} (memory-only, log {log_path}; "
                      f"address in {recorded} for the other commands)")
        bootstrap = s.broker or (embedded.bootstrap if embedded else "")
        _run_worker(s, bootstrap, samples=sample_files() if samples else None)
    except BrokerError as exc:
        _fail(str(exc))
    finally:
        if embedded is not None:
            if recorded is not None:
                _forget_embedded(recorded, embedded.bootstrap)
            embedded.stop()
            err.print("embedded broker stopped")


@app.command()
def replay(
    topic: Annotated[str, typer.Option(help="raw or claims")] = "raw",
    broker: BrokerOpt = None,
    topic_prefix: PrefixOpt = "",
    from_offset: Annotated[int | None, typer.Option(
        min=0, help="start offset in every partition")] = None,
    from_time: Annotated[str | None, typer.Option(
        help="only the reports (claims) published at or after this ISO time (their published_at, "
             "to the second; naive = UTC); every record is still read")] = None,
    output: Annotated[Path | None, typer.Option(help="write /api/regions JSON for every window")] = None,
    compare: Annotated[str | None, typer.Option(help="base URL of a live worker to compare with")] = None,
    token: Annotated[str | None, typer.Option(envvar="STREAM_API_TOKEN", show_envvar=True,
                                              help="bearer token of that worker's API")] = None,
) -> None:
    """Re-read strikes.raw.v1 (or strikes.claims.v1) up to its current end into a fresh state."""
    from aiokafka.errors import KafkaError
    from rich.progress import Progress

    from stream.app import kafka_client_kwargs
    from stream.errors import ReplayError
    from stream.pipeline import Engine
    from stream.replay import replay as run_replay
    from stream.settings import CLAIMS_TOPIC, RAW_TOPIC
    from stream.web import readmodel

    if topic not in ("raw", "claims"):
        msg = f"{topic!r} is not raw or claims"
        raise typer.BadParameter(msg, param_hint="'--topic'")
    start = _parse_time(from_time, "'--from-time'") if from_time else None
    s = _settings(broker=broker, topic_prefix=topic_prefix)
    bootstrap = _bootstrap(s)
    name = s.topic(RAW_TOPIC if topic == "raw" else CLAIMS_TOPIC)
    try:
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task(f"replay {name}", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            # the worker's own settings, so the same log gives the same answers
            from stream import heap

            # what is loaded is never scanned again, and the state the replay builds
            # less often (a decode + fold ~10% faster: docs/benchmarks.md)
            heap.settle()
            heap.fix_mmap_threshold()
            engine = Engine.create(lateness=s.lateness, detect_grace=s.detect_grace,
                                   alerts_kept=s.alerts_kept)
            engine, summary = asyncio.run(run_replay(
                bootstrap, name, kind=topic, engine=engine,  # type: ignore[arg-type]
                from_offset=from_offset, from_time=start, client_kwargs=kafka_client_kwargs(s),
                on_progress=progress))
    except (ReplayError, BrokerError, KafkaError) as exc:
        _fail(str(exc) if isinstance(exc, BrokerError) else f"replay of {name} on {bootstrap} failed: {exc}")
    docs = {w: readmodel.regions_doc(engine, w) for w in readmodel.WINDOWS}
    if output:
        try:
            output.write_bytes(orjson.dumps(docs, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
        except OSError as exc:
            _fail(f"cannot write --output {str(output)!r}: {exc.strerror or exc}")
    sys.stdout.write(orjson.dumps(summary.as_dict()).decode() + "\n")
    if compare:
        diffs = []
        base = compare.rstrip("/")
        try:
            for w, doc in docs.items():
                code, body = _http_get(f"{base}/api/regions?window={w}", token)
                if code != 200:
                    _fail(f"--compare: {base}/api/regions answered {code}" + _auth_hint(code, token))
                if orjson.loads(body) != orjson.loads(orjson.dumps(doc)):
                    diffs.append(w)
            # every alert the worker keeps, not the first page (the engine keeps at most
            # Engine.max_alerts_kept, below the API's cap of 1000)
            code, body = _http_get(f"{base}/api/alerts?limit=1000", token)
            if code != 200:
                _fail(f"--compare: {base}/api/alerts answered {code}" + _auth_hint(code, token))
            live_alerts = orjson.loads(body)["alerts"]
        except (OSError, ValueError, KeyError) as exc:
            _fail(f"--compare: cannot read the worker at {base}: {exc}")
        every = readmodel.AlertQuery(limit=1000)
        mine = orjson.loads(orjson.dumps(readmodel.alerts_doc(engine, every)))["alerts"]
        alert_diffs = _alert_differences(mine, live_alerts)
        for line in alert_diffs:
            err.print(f"[yellow]alert {line}[/]", soft_wrap=True)
        if diffs:
            err.print(f"[red]replay differs from the live worker for windows: {', '.join(diffs)}[/]")
        if alert_diffs:
            err.print(f"[red]{len(alert_diffs)} alert(s) differ from the live worker's[/]")
        if diffs or alert_diffs:
            raise typer.Exit(1)
        err.print(f"[green]replay equals the live aggregates for every window and its "
                  f"{len(mine)} alerts[/]")


def _auth_hint(code: int, token: str | None) -> str:
    if code not in (401, 403):
        return ""
    return " (the token given was refused)" if token else " (give its token with --token or STREAM_API_TOKEN)"


def _alert_differences(replayed: list[dict[str, Any]], live: list[dict[str, Any]]) -> list[str]:
    """What an analyst needs to see: alerts on one side only, and shared alerts whose
    state, figures or claims differ (both sides as /api/alerts lists them)."""
    fields = ("kind", "region", "state", "observed", "expected", "claim_ids")
    mine = {a["alert_id"]: a for a in replayed}
    theirs = {a["alert_id"]: a for a in live}
    out = [f"{aid}: only in the replay ({mine[aid]['kind']} {mine[aid]['region']})"
           for aid in sorted(mine.keys() - theirs.keys())]
    out += [f"{aid}: only in the live worker ({theirs[aid]['kind']} {theirs[aid]['region']})"
            for aid in sorted(theirs.keys() - mine.keys())]
    for aid in sorted(mine.keys() & theirs.keys()):
        changed = [f"{f} {mine[aid].get(f)!r} (live {theirs[aid].get(f)!r})"
                   for f in fields if mine[aid].get(f) != theirs[aid].get(f)]
        if changed:
            out.append(f"{aid}: " + ", ".join(changed))
    return out


@app.command()
def dlq(
    broker: BrokerOpt = None,
    topic_prefix: PrefixOpt = "",
    reason: Annotated[list[str] | None, typer.Option(
        help="only this reason (repeatable): decode, invalid, too_large, late, internal, unreadable")] = None,
    since: Annotated[str | None, typer.Option(help="only records rejected at or after this ISO time")] = None,
    limit: Annotated[int, typer.Option(help="rows shown (the latest); the counts cover all")] = 20,
    as_json: Annotated[bool, typer.Option(
        "--json", help="one JSON line per dead letter on stdout (the summary on stderr)")] = False,
    redrive: Annotated[bool, typer.Option(
        help="send the selected records' original bytes back to strikes.raw.v1, once per record")] = False,
) -> None:
    """List the dead letters (reason, error, where from, the original's start), a record and
    its rejections after redrives as one; --redrive re-sends each record still rejected once."""
    from aiokafka.errors import KafkaError

    from stream.app import kafka_client_kwargs
    from stream.errors import ReplayError
    from stream.settings import DLQ_TOPIC, RAW_TOPIC

    reasons = reason or []
    known = {"decode", "invalid", "too_large", "late", "internal", "unreadable"}
    if set(reasons) - known:
        msg = f"unknown reason {sorted(set(reasons) - known)}; one of {sorted(known)}"
        raise typer.BadParameter(msg, param_hint="'--reason'")
    start = _parse_time(since, "'--since'") if since else None
    s = _settings(broker=broker, topic_prefix=topic_prefix)
    bootstrap = _bootstrap(s)
    with _quiet_closed_stdout():
        try:
            asyncio.run(_dead_letters(bootstrap, s.topic(DLQ_TOPIC), s.topic(RAW_TOPIC), reasons, start,
                                      limit, as_json, redrive, kafka_client_kwargs(s)))
        except (ReplayError, BrokerError, KafkaError) as exc:
            _fail(str(exc) if isinstance(exc, BrokerError) else f"dlq on {bootstrap} failed: {exc}")


class _RawHeaders:
    """The headers of raw records at given offsets: whether a rejected record was one a
    redrive re-sent (the worker does not copy headers to the dead letter)."""

    def __init__(self, bootstrap: str, topic: str, client_kwargs: dict[str, Any]) -> None:
        from aiokafka import AIOKafkaConsumer

        self.topic = topic
        self.bootstrap = bootstrap
        self.consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                         auto_offset_reset="earliest", fetch_max_wait_ms=50, **client_kwargs)
        self.parts: set[int] = set()

    async def start(self) -> None:
        from aiokafka import TopicPartition

        from stream.replay import start_client

        await start_client(self.consumer, self.bootstrap)
        self.parts = set(self.consumer.partitions_for_topic(self.topic) or ())
        tps = [TopicPartition(self.topic, p) for p in sorted(self.parts)]
        if tps:
            self.consumer.assign(tps)
            self.consumer.pause(*tps)  # nothing is fetched but the offsets asked for

    async def at(self, partition: int, offset: int, timeout: float = 5.0) -> list[tuple[str, bytes]] | None:
        """The headers of the record at `partition`/`offset` (None: not found in time)."""
        import time

        from aiokafka import TopicPartition

        if partition not in self.parts:
            return None
        tp = TopicPartition(self.topic, partition)
        self.consumer.seek(tp, offset)
        self.consumer.resume(tp)
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                batch = await self.consumer.getmany(tp, timeout_ms=200, max_records=1)
                for m in batch.get(tp, []):
                    return [(k, bytes(v)) for k, v in m.headers] if m.offset == offset else None
            return None
        finally:
            self.consumer.pause(tp)

    async def stop(self) -> None:
        await self.consumer.stop()


async def _dead_letters(bootstrap: str, dlq_topic: str, raw_topic: str, reasons: list[str],
                        since: datetime | None, limit: int, as_json: bool, redrive: bool,
                        client_kwargs: dict[str, Any]) -> None:
    """Read the dead-letter topic: group what is selected into cases (a record and its
    rejections after redrives), list them (a table and counts on stdout; with `as_json`
    a JSON line per dead letter on stdout and the counts on stderr) and, with `redrive`,
    re-read it and re-send the latest dead letter of each case from the raw topic."""
    from stream import deadletters as dl
    from stream.replay import iter_records

    cases = dl.Cases()
    total = 0
    lookup = _RawHeaders(bootstrap, raw_topic, client_kwargs)
    await lookup.start()
    try:
        reader = iter_records(bootstrap, dlq_topic, client_kwargs=client_kwargs)
        async with contextlib.aclosing(reader) as records:
            async for partition, offset, _key, value in records:
                total += 1
                letter = dl.read_letter(value, partition, offset)
                if not dl.select([letter], reasons=reasons, since=since):
                    continue
                case, repeat = cases.add(letter)
                source = None
                rej = letter.rejection
                if repeat and rej is not None and rej.topic == raw_topic:
                    source = dl.redriven_source(await lookup.at(rej.partition, rej.offset))
                    if source is not None:
                        cases.mark_redriven(case, source)
                if as_json:
                    doc = ({"dlq_partition": partition, "dlq_offset": offset}
                           | (rej.model_dump(mode="json") if rej is not None
                              else {"reason": "unreadable", "error": letter.unreadable})
                           | {"case": case.first.where, "redriven_from": source})
                    sys.stdout.write(orjson.dumps(doc).decode() + "\n")
    finally:
        await lookup.stop()
    found = cases.all()
    listing = _dlq_listing(dlq_topic, found, total, 0 if as_json else limit)
    if as_json:
        sys.stdout.flush()
        err.print(listing[-1], soft_wrap=True, highlight=False, markup=False)
    else:
        out = Console(soft_wrap=False, highlight=False)
        for part in listing:
            out.print(part, soft_wrap=isinstance(part, str), markup=False)
    if redrive:
        resent, skipped = await _redrive(bootstrap, dlq_topic, raw_topic, found, client_kwargs)
        left = ", ".join(f"{k} {v}" for k, v in sorted(skipped.items()))
        err.print(f"re-sent {resent} to {raw_topic}" + (
            f"; left alone (not read from the raw topic): {left}" if left else ""),
            soft_wrap=True, highlight=False, markup=False)


def _dlq_listing(dlq_topic: str, cases: list[Any], total: int, limit: int) -> list[Any]:
    """The table of the latest `limit` cases (if any) and the summary lines, last."""
    from rich.table import Table

    from stream import deadletters as dl

    out: list[Any] = []
    shown = cases[-limit:] if limit > 0 else []
    if shown:
        table = Table(title=f"{dlq_topic}: the latest {len(shown)} selected")
        table.add_column("dlq", no_wrap=True)
        table.add_column("rejected (UTC)", no_wrap=True)
        table.add_column("reason", no_wrap=True)
        table.add_column("redriven", no_wrap=True)
        table.add_column("error (where it was read: what was wrong)", overflow="fold", ratio=3)
        table.add_column("original", overflow="fold", ratio=1)
        for c in shown:
            d, rej = c.latest, c.latest.rejection
            tries = f"{c.redriven}x (first {c.first.where})" if c.redriven else ""
            if rej is None:
                table.add_row(d.where, "", d.reason, tries, d.unreadable, "")
            else:
                table.add_row(d.where, rej.rejected_at.strftime("%Y-%m-%d %H:%M:%S"), rej.reason, tries,
                              rej.error[:240], dl.preview(rej.original_bytes(), 40))
        out.append(table)
    letters = sum(c.letters for c in cases)
    counts: dict[str, int] = {}
    for c in cases:
        counts[c.reason] = counts.get(c.reason, 0) + 1
    by = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    head = f"{letters} of {total} dead letters selected"
    if letters != len(cases):
        head += f", {len(cases)} records"
    lines = [head + (f": {by}" if by else "")]
    redriven = [c for c in cases if c.redriven]
    if redriven:
        times = sorted({c.redriven for c in redriven})
        span = f"{times[0]}" if len(times) == 1 else f"{times[0]} to {times[-1]}"
        lines.append(f"{len(redriven)} of them redriven before and rejected again ({span} time(s) each)")
    again = sum(c.duplicates for c in cases)
    if again:
        lines.append(f"{again} dead letter(s) repeat an earlier record's bytes without a redrive "
                     "(sent again by the producer)")
    out.append("\n".join(lines))
    return out


async def _redrive(bootstrap: str, dlq_topic: str, raw_topic: str, cases: list[Any],
                   client_kwargs: dict[str, Any]) -> tuple[int, dict[str, int]]:
    """Re-send each case once, from its latest dead letter (the earlier ones were sent by
    an earlier redrive); cases not read from the raw topic are left alone."""
    from aiokafka import AIOKafkaProducer

    from stream import deadletters as dl
    from stream.replay import iter_records, start_client

    wanted: set[tuple[int, int]] = set()
    skipped: dict[str, int] = {}
    for c in cases:
        rej = c.latest.rejection
        if rej is None or rej.topic != raw_topic:
            skipped[c.reason] = skipped.get(c.reason, 0) + 1
        else:
            wanted.add((c.latest.partition, c.latest.offset))
    if not wanted:
        return 0, skipped
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5,
                                max_request_size=16 * 1024 * 1024, **client_kwargs)
    await start_client(producer, bootstrap)
    futs = []
    try:
        reader = iter_records(bootstrap, dlq_topic, client_kwargs=client_kwargs)
        async with contextlib.aclosing(reader) as records:
            async for partition, offset, _key, value in records:
                if (partition, offset) not in wanted:
                    continue
                send, _ = dl.redrive_plan([dl.read_letter(value, partition, offset)], raw_topic, dlq_topic)
                for r in send:
                    futs.append(await producer.send(r.topic, r.value, key=r.key, headers=list(r.headers)))
        for fut in futs:
            await fut
    finally:
        await producer.stop()
    return len(futs), skipped


def _http_get(url: str, token: str | None, timeout: float = 10.0) -> tuple[int, bytes]:
    """GET `url` (with the bearer token, if any): (status, body), errors included."""
    import urllib.error
    import urllib.request

    if not url.startswith(("http://", "https://")):
        msg = f"not an http(s) URL: {url}"
        raise ValueError(msg)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http(s) only, checked above)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _local_web_url(s: Settings) -> str:
    """The web address of a worker started here with these settings (a wildcard host is
    reached on the loopback)."""
    host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}.get(s.web_host, s.web_host)  # noqa: S104
    return f"http://[{host}]:{s.web_port}" if ":" in host else f"http://{host}:{s.web_port}"


@app.command()
def status(
    url: Annotated[str | None, typer.Option(
        help="the worker's web address; unset = http://STREAM_WEB_HOST:STREAM_WEB_PORT "
             "(127.0.0.1 for a wildcard host)")] = None,
    token: Annotated[str | None, typer.Option(envvar="STREAM_API_TOKEN", show_envvar=True,
                                              help="bearer token of the API, if it has one")] = None,
    stale_after: Annotated[float, typer.Option(
        help="seconds without a fold, with claims waiting, after which the worker counts as stale")] = 300.0,
    limit: Annotated[int, typer.Option(help="open alerts listed (the newest)")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="as one JSON document on stdout")] = False,
) -> None:
    """One worker's state: caught up or not, what it counted, how fresh its aggregates
    are, its lag and its open alerts. Exits 1 when something needs a look (not ready, or
    stale), 2 when the worker cannot be reached."""
    import urllib.error

    from prometheus_client.parser import text_string_to_metric_families
    from rich.table import Table

    from stream.status import summarize

    base = (url or _local_web_url(_settings())).rstrip("/")
    try:
        _, health_body = _http_get(f"{base}/healthz", None)
        health = orjson.loads(health_body)
        code, metrics_body = _http_get(f"{base}/metrics", None)
        if code != 200:
            msg = f"/metrics answered {code}"
            raise ValueError(msg)
        samples = [(smp.name, smp.labels, smp.value)
                   for fam in text_string_to_metric_families(metrics_body.decode())
                   for smp in fam.samples]
        code, alerts_body = _http_get(f"{base}/api/alerts?state=open", token)
        if code != 200:
            msg = f"/api/alerts answered {code}: {alerts_body[:200].decode(errors='replace')}"
            raise ValueError(msg)
        alerts = orjson.loads(alerts_body)["alerts"]
    except (OSError, urllib.error.URLError, ValueError, KeyError, orjson.JSONDecodeError) as exc:
        err.print(f"[red]cannot read the worker at {escape(base)}: {escape(str(exc))}[/]")
        raise typer.Exit(2) from exc
    st = summarize(health, samples, alerts, datetime.now(UTC), stale_after_s=stale_after)
    out = Console(highlight=False)  # the state is the command's output: stdout
    if as_json:
        sys.stdout.write(orjson.dumps(st.to_json()).decode() + "\n")
    else:
        fresh = "nothing folded yet" if st.folded_ago_s is None else f"last fold {st.folded_ago_s:.1f} s ago"
        ready = "[green]ready[/]" if st.ready else "[yellow]catching up[/]"
        langs = ", ".join(f"{k} {v}" for k, v in st.reports_by_lang.items())
        reasons = ", ".join(f"{k} {v}" for k, v in st.dead_letters_by_reason.items())
        out.print(f"worker {base}: {ready}, {st.claims_applied} claims folded, {fresh}")
        out.print(f"reports {st.reports}{f' ({langs})' if langs else ''}, claims {st.claims}, "
                  f"dead letters {st.dead_letters}{f' ({reasons})' if reasons else ''}")
        out.print("lag: " + (", ".join(f"{t} {n}" for t, n in st.lag.items()) or "not exported yet"))
        out.print(f"open alerts: {len(st.open_alerts)}")
        if st.open_alerts and limit > 0:
            table = Table("kind", "region", "hour (UTC)", "observed", "expected", "alert id")
            for a in st.open_alerts[:limit]:
                table.add_row(str(a.get("kind")), str(a.get("region")), str(a.get("window_start", ""))[:16],
                              str(a.get("observed")), str(a.get("expected")), str(a.get("alert_id"))[:16])
            out.print(table)
    for problem in st.problems:
        err.print(f"[red]{problem}[/]")
    if st.problems:
        raise typer.Exit(1)


@app.command()
def detect(
    input: Annotated[Path, typer.Option("--input", help="CSV with a header: timestamp,value")],
    output: Annotated[
        Path,
        typer.Option("--output", help="CSV: timestamp,value,anomaly_score,alert (1 where an incident opens)"),
    ],
    false_alerts_per_week: Annotated[
        float,
        typer.Option(
            "--false-alerts-per-week",
            min=1e-6,
            help="false-alert budget the thresholds are set from (per 168 steps if coarser than hourly)",
        ),
    ] = 0.5,
) -> None:
    """Score a regular count series with the live detectors (each point only from its past).

    anomaly_score (0..1, 0.5 at the detectors' thresholds) is given for every row;
    alert is 1 at the row where an incident opens, one per incident. Rows are scored in
    time order and written in input order; rows out of order and repeated times get a
    warning on stderr (how many, and the first line)."""
    from stream.detect import DetectorConfig
    from stream.detect_csv import score_csv_file

    def warn(message: str) -> None:
        err.print(f"[yellow]warning:[/] {escape(message)}", soft_wrap=True, highlight=False)

    try:
        config = DetectorConfig(false_alerts_per_region_week=false_alerts_per_week)
        n = score_csv_file(input, output, config, warn=warn)
    except (OSError, ValueError) as exc:
        _fail(f"detect failed: {exc}", 2)
    with output.open(newline="", encoding="utf-8") as fh:
        alerts = sum(1 for row in csv.reader(fh) if len(row) > 3 and row[3] == "1")
    err.print(f"scored {n} rows, {alerts} alerts -> {output}")


@app.command()
def simulate(
    output: Annotated[str, typer.Option("--output", help="JSONL file, - for stdout")] = "-",
    n: Annotated[int | None, typer.Option(
        "-n", min=0, show_default="1000",
        help="number of reports; not with --events (its length is --days)")] = None,
    seed: Annotated[int, typer.Option(help="random seed")] = 1,
    start: Annotated[str, typer.Option(
        help="first publication time (ISO; naive = UTC); the same options give the same "
             "reports; with --events the first hour (earlier minutes are dropped)")] = "2025-06-01T00:00:00Z",
    truth: Annotated[bool, typer.Option(help="include the labels with each report")] = False,
    events: Annotated[bool, typer.Option(
        "--events", help="hourly activity per region with injected, labelled events (surges, step "
                         "rises, silences, a feed outage, a first appearance, mass attacks) "
                         "rendered as reports")] = False,
    days: Annotated[int | None, typer.Option(
        min=9, show_default="42", help="with --events: days from --start; events come after a week's "
                                       "warm-up, a first appearance after day 34")] = None,
    regions: Annotated[int | None, typer.Option(
        min=4, max=40, show_default="8", help="with --events: number of regions")] = None,
    surge_sigmas: Annotated[float | None, typer.Option(
        min=0.0, show_default="3.0",
        help="with --events: size of injected surges, in sd of the region's hour")] = None,
    events_out: Annotated[Path | None, typer.Option(
        help="with --events: write the event labels here as JSON lines (kind, the alert to expect, "
             "region(s), start, end); else they are listed on stderr")] = None,
) -> None:
    """Write realistic labelled raw reports (EN/RU/UK, relays, windows, corrections), about
    28 a day from --start on; with --events, a stream driven by hourly series with
    injected, labelled events to check the alerts against. Reports published after now
    are still written (the output depends on the options only) with a warning: a worker
    rejects them as in the future."""
    from collections import Counter

    from stream.simulate.reports import SimReport, simulate_reports, write_jsonl
    from stream.simulate.scenario import Scenario, simulate_scenario, write_events

    begin = _parse_time(start, "'--start'")
    scenario: Scenario | None = None
    if events:
        if n is not None:
            msg = "-n does not apply with --events: the stream covers --days"
            raise typer.BadParameter(msg, param_hint="'-n'")
        scenario = simulate_scenario(42 if days is None else days, seed=seed,
                                     start=begin.replace(minute=0, second=0, microsecond=0),
                                     regions=8 if regions is None else regions,
                                     surge_sigmas=3.0 if surge_sigmas is None else surge_sigmas)
    else:
        for name, value in (("--days", days), ("--regions", regions), ("--surge-sigmas", surge_sigmas),
                            ("--events-out", events_out)):
            if value is not None:
                msg = f"{name} applies only with --events"
                raise typer.BadParameter(msg, param_hint=f"'{name}'")
    if scenario is not None and events_out is not None:
        try:  # first: the labels are known before the reports, and a bad path costs no work
            with events_out.open("wb") as sink:
                write_events(scenario.events, sink)
        except OSError as exc:
            msg = f"cannot write {str(events_out)!r}: {exc.strerror or exc}"
            raise typer.BadParameter(msg, param_hint="'--events-out'") from exc
    now = _now()
    watch = _FutureWatch(now)
    made: Iterator[SimReport] = (scenario.reports() if scenario is not None
                                 else simulate_reports(1000 if n is None else n, seed=seed, start=begin))
    reports = watch.each(made)
    if output == "-":
        with _quiet_closed_stdout():
            write_jsonl(reports, sys.stdout.buffer, with_truth=truth)
    else:
        try:
            fh = open(output, "wb")  # noqa: SIM115 - closed below; opened first so a bad path costs no work
        except OSError as exc:
            msg = f"cannot write {output!r}: {exc.strerror or exc}"
            raise typer.BadParameter(msg, param_hint="'--output'") from exc
        with fh:
            write_jsonl(reports, fh, with_truth=truth)
    if scenario is not None:
        kinds = ", ".join(f"{k} {v}" for k, v in Counter(e.kind for e in scenario.events).items())
        where = (f"-> {events_out}" if events_out is not None
                 else "(--events-out FILE writes them as JSON lines)")
        err.print(f"{watch.count} reports over {scenario.series.hours // 24} days in "
                  f"{len(scenario.regions)} regions "
                  f"({', '.join(scenario.regions)}); {len(scenario.events)} injected events ({kinds}) "
                  f"{escape(where)}", soft_wrap=True, highlight=False)
        if events_out is None:
            for e in scenario.events:
                target = e.region or (" ".join(e.regions) if e.regions else "every region")
                err.print(f"  {e.start:%Y-%m-%d %H:%M} - {e.end:%Y-%m-%d %H:%M} UTC  {e.kind:<12} "
                          f"{target}  (expect {e.alert})", soft_wrap=True, highlight=False)
    if watch.future:
        earlier = begin - (watch.last - now) - timedelta(days=1)
        suggested = earlier.replace(hour=0, minute=0, second=0, microsecond=0)
        err.print(f"[yellow]warning:[/] {watch.future} of {watch.count} reports are published after now "
                  f"({now:%Y-%m-%d %H:%M} UTC; the first at {watch.first:%Y-%m-%d %H:%M}, the last at "
                  f"{watch.last:%Y-%m-%d %H:%M}): a worker rejects them as in the future; for a stream "
                  f"that ends before now, start earlier (--start {suggested:%Y-%m-%dT%H:%M:%SZ}) or "
                  f"ask for fewer ({'--days' if scenario is not None else '-n'})", soft_wrap=True,
                  highlight=False)


class _FutureWatch:
    """Counts the simulated reports published after `now` as they pass."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.count = self.future = 0
        self.first = self.last = now

    def each(self, reports: Iterator[Any]) -> Iterator[Any]:
        for report in reports:
            self.count += 1
            published = datetime.fromisoformat(report.raw["published_at"].replace("Z", "+00:00"))
            if published > self.now:
                if not self.future:
                    self.first = published
                self.future += 1
                self.last = published
            yield report


@app.command()
def schemas(
    write: Annotated[bool, typer.Option(help="write the files instead of checking them")] = False,
    directory: Annotated[Path, typer.Option(help="where the schemas live")] = Path("schemas"),
) -> None:
    """Check (or --write) schemas/*.json against the models' JSON Schemas."""
    from stream.models import json_schemas

    drift = []
    for name, text in json_schemas().items():
        path = directory / name
        if write:
            directory.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            drift.append(name)
    if drift:
        err.print(f"[red]schemas drifted from the models: {', '.join(drift)}[/] (make schemas)")
        raise typer.Exit(1)
    err.print("schemas written" if write else "schemas match the models")


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    app()


if __name__ == "__main__":
    main()
