"""The gate by which the claims follower yields to the normalize agent gathering a batch."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from stream.agents import Intake, _backlog


async def test_an_open_gate_only_yields() -> None:
    gate = Intake(hold=10.0)
    assert await asyncio.wait_for(gate.wait(), 0.5) == 0.0


async def test_while_a_batch_is_gathered_the_follower_waits_until_it_is_taken() -> None:
    gate = Intake(hold=10.0)
    gate.gathering()
    waiter = asyncio.ensure_future(gate.wait())
    await asyncio.sleep(0.02)
    assert not waiter.done()
    gate.taken()
    assert await asyncio.wait_for(waiter, 0.5) >= 0.015  # seconds held, left out of fold time


async def test_a_gathering_that_never_ends_holds_the_follower_only_for_hold() -> None:
    gate = Intake(hold=0.05)
    gate.gathering()
    loop = asyncio.get_running_loop()
    started = loop.time()
    held = await asyncio.wait_for(gate.wait(), 1.0)
    assert loop.time() - started >= 0.04
    assert 0.04 <= held < 1.0


@pytest.mark.parametrize(("stream", "expected"), [
    (SimpleNamespace(channel=SimpleNamespace(queue=SimpleNamespace(qsize=lambda: 7))), 7),
    (SimpleNamespace(channel=SimpleNamespace()), 0),  # no queue: no backlog known
    (object(), 0),
])
def test_backlog_is_what_faust_has_read_and_not_handed_over(stream: object, expected: int) -> None:
    assert _backlog(stream) == expected
