"""stream.inline: a coroutine run by hand until it first suspends behaves as if awaited."""

from __future__ import annotations

import asyncio

import pytest

from stream.inline import Finished, run_inline


async def test_a_coroutine_that_never_suspends_finishes_inline() -> None:
    ran: list[int] = []

    async def work(x: int) -> int:
        ran.append(x)
        return x * 2

    got = run_inline(work(21))
    assert isinstance(got, Finished)
    assert got.value == 42
    assert ran == [21]


async def test_one_that_suspends_continues_where_it_stopped() -> None:
    queue: asyncio.Queue[int] = asyncio.Queue(maxsize=1)
    queue.put_nowait(0)  # full: the next put suspends
    steps: list[str] = []

    async def put(x: int) -> str:
        steps.append("before")
        await queue.put(x)
        steps.append("after")
        await asyncio.sleep(0)  # a bare yield to the loop, too
        return "done"

    rest = run_inline(put(1))
    assert not isinstance(rest, Finished)
    assert steps == ["before"]
    task = asyncio.ensure_future(rest)
    await asyncio.sleep(0.01)
    assert not task.done()  # still waiting for room
    assert await queue.get() == 0
    assert await task == "done"
    assert steps == ["before", "after"]
    assert await queue.get() == 1


async def test_cancelling_the_continuation_cancels_the_coroutine() -> None:
    cleaned: list[bool] = []
    never: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def wait() -> None:
        try:
            await never
        finally:
            cleaned.append(True)

    rest = run_inline(wait())
    assert not isinstance(rest, Finished)
    task = asyncio.ensure_future(rest)
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert cleaned == [True]


async def test_errors_come_out_where_awaiting_would_raise_them() -> None:
    async def early() -> None:
        msg = "before suspending"
        raise ValueError(msg)

    with pytest.raises(ValueError, match="before suspending"):
        run_inline(early())

    async def late() -> None:
        await asyncio.sleep(0)
        msg = "after suspending"
        raise KeyError(msg)

    rest = run_inline(late())
    assert not isinstance(rest, Finished)
    with pytest.raises(KeyError, match="after suspending"):
        await rest
