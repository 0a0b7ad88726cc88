"""A claims topic read and decoded in a child process, beside the fold that uses it.

A replay of the claims topic is CPU-bound in one process: of 77 s for 1,000,000 claims,
~34 s went to the fold (`Engine.apply`), ~16 s to decoding the claims' JSON and ~20 s
to aiokafka and the read loop, all on one core while the machine's other core mostly
waited. `ReadAhead` moves the reading and the decoding to a child process: the child
consumes the topic with its own aiokafka consumer, decodes each record the way
`pipeline.decode_fact` does, and sends the parent batches of plain tuples (pickled,
which the parent unpickles in C) in each partition's offset order. The parent only
folds.

What the child sends per record, as `(offset, kind, payload)`:
- `FACT`: the values of the `Fact` (`tuple(fact)`, without its `origin`: a replay
  needs no claim back); the parent makes the Fact with `tuple.__new__(Fact, payload)`.
- `TICK`: a watermark record, `pipeline.decode_watermark` of it (None: not a valid one).
- `OTHER`: the record's bytes, which the fast decoder did not take (a claim of another
  shape, or malformed): the parent decodes them with `pipeline.decode_fact`, so the
  model still accepts or rejects them with its reasons, in the parent's dead letters.

The parent asks the child to pause a partition it has enough of and to resume it
(the memory bound of a reader that a broker serves one partition at a time); the
child answers between fetches. Nothing here knows the engine: the order of the
records within each partition is all a reader must keep, and the parent decides
which partition to fold next (`replay.fold_buffered`).

No Faust or prometheus_client here; aiokafka only in the child.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import pickle
import struct
import subprocess
import sys
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import orjson

from stream.aggregate import fact_from_json
from stream.errors import BrokerError, ReplayError
from stream.pipeline import decode_watermark

FACT, TICK, OTHER = 0, 1, 2
#: one record as the child sends it: (offset, FACT | TICK | OTHER, payload)
Entry = tuple[int, int, Any]
#: records the child takes per fetch (aiokafka parses them as they are taken)
FETCH_RECORDS = 5_000
_HEADER = struct.Struct("<Q")
_F_SETPIPE_SZ = 1031  # Linux fcntl
PIPE_BYTES = 1 << 20
#: how long the parent waits for the child to start (spawn, imports, the broker's
#: metadata and high-watermarks)
START_TIMEOUT_S = 60.0


#: positions in a Fact of the strings drawn from a few values (kind, source, lang,
#: claimant, region, weapon, measure, qualifier, damage kind): interned, so that a
#: batch's pickle holds each once and the parent unpickles a reference to it
_FEW_VALUES = (1, 3, 4, 6, 7, 10, 11, 13, 16)


def encode(key: bytes | None, value: bytes | None, offset: int, tick_key: bytes) -> Entry:
    """One record as the child sends it (see the module docstring). A replay needs no
    claim back from its facts, so they go without their `origin`."""
    if key == tick_key:
        return offset, TICK, decode_watermark(value)
    if value is not None:
        try:
            fact = fact_from_json(orjson.loads(value))
        except orjson.JSONDecodeError:
            fact = None
        if fact is not None:
            values: list[Any] = list(fact)
            for i in _FEW_VALUES:
                if type(v := values[i]) is str:
                    values[i] = sys.intern(v)
            return offset, FACT, tuple(values)
    return offset, OTHER, value


def main(argv: Sequence[str]) -> None:
    """The child: `python -m stream.readahead DATA_FD CONTROL_FD ARGS_JSON` (the parent's
    `ReadAhead` starts it; the pipes are passed as file descriptors, so nothing the
    child's libraries print can mix with what it sends)."""
    from stream.offload import die_with_parent

    die_with_parent()
    data_w = int(argv[0])
    ctl_r = Connection(int(argv[1]), writable=False)
    args = orjson.loads(argv[2])
    with contextlib.suppress(Exception):
        fcntl.fcntl(data_w, _F_SETPIPE_SZ, PIPE_BYTES)
    try:
        asyncio.run(_read(data_w, ctl_r, args["bootstrap"], args["topic"], args["from_offset"],
                          args["client_kwargs"]))
    except BrokenPipeError:  # the parent has gone
        return
    except (ReplayError, BrokerError) as exc:
        with contextlib.suppress(OSError):
            _send(data_w, ("error", type(exc).__name__, str(exc)))
    except Exception as exc:  # reported to the parent, which raises it
        with contextlib.suppress(OSError):
            _send(data_w, ("error", "ReplayError", f"the replay reader failed: {type(exc).__name__}: {exc}"))


def _send(fd: int, message: tuple[Any, ...]) -> None:
    """Write one message to the data pipe: its length (8 bytes, little-endian), then
    its pickle. Blocks while the pipe is full (the parent drains it between folds)."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view):]


async def _read(data_w: int, ctl_r: Connection, bootstrap: str, topic: str, from_offset: int | None,
                client_kwargs: dict[str, Any] | None) -> None:
    from stream.pipeline import TICK_KEY
    from stream.replay import open_topic

    try:
        consumer, tps, ends, done = await open_topic(bootstrap, topic, from_offset, client_kwargs)
    except (ReplayError, BrokerError) as exc:
        _send(data_w, ("error", type(exc).__name__, str(exc)))
        return
    try:
        by_number = {tp.partition: tp for tp in tps}
        _send(data_w, ("ends", {tp.partition: ends[tp] for tp in tps}, sorted(tp.partition for tp in done)))
        while len(done) < len(tps):
            while ctl_r.poll():
                command, numbers = pickle.loads(ctl_r.recv_bytes())  # noqa: S301 - from the parent
                if command == "stop":
                    return
                wanted = [by_number[p] for p in numbers if by_number[p] not in done]
                if command == "pause" and wanted:
                    consumer.pause(*wanted)
                elif command == "resume" and wanted:
                    consumer.resume(*wanted)
            batch = await consumer.getmany(timeout_ms=100, max_records=FETCH_RECORDS)
            out: list[tuple[int, list[Entry]]] = []
            finished: list[int] = []
            for tp, msgs in batch.items():
                end = ends[tp]
                entries = [encode(m.key, m.value, m.offset, TICK_KEY) for m in msgs if m.offset < end]
                if entries:
                    out.append((tp.partition, entries))
                if tp not in done and await consumer.position(tp) >= end:
                    done.add(tp)
                    consumer.pause(tp)
                    finished.append(tp.partition)
            if out or finished:
                _send(data_w, ("batch", out, finished))
    except (ReplayError, BrokerError) as exc:  # sent before the consumer stops (which may fail too)
        _send(data_w, ("error", type(exc).__name__, str(exc)))
    finally:
        # this process ends next: aiokafka's stop of a consumer that failed (a task of
        # its coordinator cancelled) must not hide the error sent
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await consumer.stop()


class ReadAhead:
    """The parent's end: start the child, take its batches, steer it (see the module
    docstring). Use as an async context manager; the child stops with it.

    The parent reads the data pipe without blocking (`poll`) between slices of its
    fold, and waits on it (`wait`) only when it has nothing to fold: a helper thread
    reading it would need the GIL, which the fold holds for a switch interval at a
    time, for every chunk of a pipe the child keeps full."""

    def __init__(self, bootstrap: str, topic: str, *, from_offset: int | None = None,
                 client_kwargs: dict[str, Any] | None = None) -> None:
        self._args = orjson.dumps({"bootstrap": bootstrap, "topic": topic, "from_offset": from_offset,
                                   "client_kwargs": client_kwargs}).decode()
        self._process: subprocess.Popen[bytes] | None = None
        self._data_r = -1
        self._ctl_w: Connection | None = None
        self._buffer = bytearray()
        self._eof = False
        #: end offset of each partition, as the child captured it at start
        self.ends: dict[int, int] = {}
        #: partitions the child has sent to their end
        self.finished: set[int] = set()

    async def __aenter__(self) -> ReadAhead:
        data_r, data_w = os.pipe()
        ctl_r, ctl_w = os.pipe()
        os.set_blocking(data_r, False)
        self._data_r, self._ctl_w = data_r, Connection(ctl_w, readable=False)
        # the package's own root first: the child runs the code this process runs
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        env["STREAM_NATIVE"] = "0"  # it normalizes and detects nothing: no compiled build to check
        try:
            self._process = subprocess.Popen(  # noqa: S603 - this interpreter, this module
                [sys.executable, "-m", "stream.readahead", str(data_w), str(ctl_r), self._args],
                pass_fds=(data_w, ctl_r), env=env, stdin=subprocess.DEVNULL)
        finally:
            os.close(data_w)  # the child's ends live in the child only
            os.close(ctl_r)
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while (message := self._message()) is None:
                if self._eof:
                    code = None if self._process is None else self._process.wait()
                    msg = f"the replay reader stopped before it started (exit code {code})"
                    raise ReplayError(msg)
                await self.wait(deadline - time.monotonic())
            if message[0] != "ends":
                msg = f"the replay reader sent {message[0]!r} before the end offsets"
                raise ReplayError(msg)
        except BaseException:
            await self.__aexit__()
            raise
        self.ends = {int(p): end for p, end in message[1].items()}
        self.finished.update(message[2])
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._ctl_w is not None:
            with contextlib.suppress(OSError):
                self._ctl_w.send_bytes(pickle.dumps(("stop", ())))
        if self._process is not None:
            loop = asyncio.get_running_loop()
            try:
                await loop.run_in_executor(None, self._process.wait, 5.0)
            except subprocess.TimeoutExpired:  # stuck on a full pipe, say
                self._process.kill()
                await loop.run_in_executor(None, self._process.wait)
        if self._data_r >= 0:
            os.close(self._data_r)
            self._data_r = -1
        if self._ctl_w is not None:
            self._ctl_w.close()
            self._ctl_w = None

    def steer(self, command: str, partitions: Sequence[int]) -> None:
        """Ask the child to "pause" or "resume" `partitions` (it answers between fetches;
        one that has sent everything has exited, and nothing needs steering)."""
        if partitions and self._ctl_w is not None:
            with contextlib.suppress(OSError):
                self._ctl_w.send_bytes(pickle.dumps((command, tuple(partitions))))

    def poll(self) -> list[tuple[int, list[Entry]]]:
        """What the child has sent since the last call, without waiting: (partition,
        entries) in offset order per partition. It also adds to `finished` the
        partitions the child has now sent to their end."""
        out: list[tuple[int, list[Entry]]] = []
        while (message := self._message()) is not None:
            if message[0] != "batch":
                msg = f"the replay reader sent {message[0]!r} where a batch was expected"
                raise ReplayError(msg)
            out += message[1]
            self.finished.update(message[2])
        if self._eof and len(self.finished) < len(self.ends):
            code = None if self._process is None else self._process.wait()
            msg = f"the replay reader stopped before the end of the topic (exit code {code})"
            raise ReplayError(msg)
        return out

    async def wait(self, timeout: float | None = None) -> None:
        """Until the child has sent something (or gone)."""
        if self._eof or self._frame_ready():
            return
        loop = asyncio.get_running_loop()
        readable: asyncio.Future[None] = loop.create_future()

        def ready() -> None:
            if not readable.done():
                readable.set_result(None)

        loop.add_reader(self._data_r, ready)
        try:
            await asyncio.wait_for(readable, timeout)
        except TimeoutError as exc:
            msg = f"the replay reader sent nothing for {timeout:.0f} s"
            raise ReplayError(msg) from exc
        finally:
            loop.remove_reader(self._data_r)

    def _drain(self) -> None:
        while not self._eof:
            try:
                chunk = os.read(self._data_r, PIPE_BYTES)
            except BlockingIOError:
                return
            if not chunk:
                self._eof = True
            self._buffer += chunk

    def _frame_ready(self) -> bool:
        buf = self._buffer
        return len(buf) >= _HEADER.size and len(buf) >= _HEADER.size + _HEADER.unpack_from(buf)[0]

    def _message(self) -> tuple[Any, ...] | None:
        """The next whole message read from the pipe, None if there is none yet."""
        self._drain()
        if not self._frame_ready():
            return None
        buf, head = self._buffer, _HEADER.size
        size = _HEADER.unpack_from(buf)[0]
        with memoryview(buf) as view:
            message: tuple[Any, ...] = pickle.loads(view[head:head + size])  # noqa: S301 - our own child
        del buf[:head + size]
        if message[0] == "error":
            raise BrokerError(message[2]) if message[1] == "BrokerError" else ReplayError(message[2])
        return message


if __name__ == "__main__":
    main(sys.argv[1:])
