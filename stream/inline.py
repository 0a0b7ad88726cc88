"""Run a coroutine inline until it first suspends, instead of in a task of its own.

Faust's consumer hands every fetched record to the streams with
`Service.wait_first(callback(message), suspend_flow.wait())`, which wraps both
coroutines and two more events in four tasks and an `asyncio.wait`: ~40 us per
record on this machine, more than a tenth of what the worker spends per report.
The callback nearly always finishes without suspending (it puts the record into a
stream's buffer that has room), and then none of that machinery is needed.
`run_inline` drives a coroutine by hand: if it finishes without suspending, its
result comes back at once; if it suspends, the started coroutine is returned as a
new coroutine that continues exactly where it stopped, to be awaited the usual way.

Pure asyncio; no Faust here (stream/app.py installs it on Faust's consumer).
"""

from __future__ import annotations

import types
from collections.abc import Awaitable, Coroutine, Generator
from typing import Any, cast


class Finished:
    """The coroutine completed without suspending; `value` is what it returned."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def run_inline(coro: Coroutine[Any, Any, Any]) -> Finished | Coroutine[Any, Any, Any]:
    """Step `coro` until it first suspends. An exception it raises before that
    propagates here, as awaiting it would raise it."""
    try:
        yielded = coro.send(None)
    except StopIteration as stop:
        return Finished(stop.value)
    return _continue(coro, yielded)


async def _continue(coro: Coroutine[Any, Any, Any], yielded: Any) -> Any:
    return await cast(Awaitable[Any], _resume(coro, yielded))  # types.coroutine: awaitable


@types.coroutine
def _resume(coro: Coroutine[Any, Any, Any], yielded: Any) -> Generator[Any, Any, Any]:
    """Hand what the coroutine yielded (the future it waits on, with its blocking
    flag set) to the task awaiting this, and pass back what the task sends or throws
    (a result, or a cancellation), until the coroutine returns."""
    while True:
        try:
            sent = yield yielded
        except BaseException as exc:  # everything thrown in (a cancellation) goes to the coroutine
            try:
                yielded = coro.throw(exc)
            except StopIteration as stop:
                return stop.value
        else:
            try:
                yielded = coro.send(sent)
            except StopIteration as stop:
                return stop.value
