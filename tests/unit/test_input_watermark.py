"""The event time a writer of claims has written everything up to (`InputWatermark`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stream.pipeline import InputWatermark

T0 = datetime(2025, 6, 1, tzinfo=UTC)


def h(n: int) -> datetime:
    return T0 + timedelta(hours=n)


def test_a_bulk_load_does_not_jump_to_the_end_of_the_first_partition_read() -> None:
    w = InputWatermark()
    ends = {0: 100, 1: 100}
    w.finish(w.begin({0: 99}), {0: h(500)})  # all of partition 0: history up to hour 500
    assert w.value(ends) is None  # partition 1 not read: it may hold any hour
    w.finish(w.begin({1: 49}), {1: h(240)})
    assert w.value(ends) == h(240)  # partition 0 is read to its end: 1 holds
    w.finish(w.begin({1: 99}), {1: h(498)})
    assert w.value(ends) == h(500)  # every partition read: all that was written


def test_the_least_over_partitions_still_being_read() -> None:
    w = InputWatermark()
    w.finish(w.begin({0: 9, 1: 9, 2: 9}), {0: h(3), 1: h(7), 2: h(5)})
    assert w.value({0: 50, 1: 50, 2: 50}) == h(3)
    assert w.value({1: 50, 2: 50}) == h(5)  # partition 0 was revoked
    assert w.value({0: 10, 1: 50, 2: 50}) == h(5)  # partition 0 is read to its end


def test_only_batches_finished_before_any_in_flight_count() -> None:
    w = InputWatermark()
    first, second = w.begin({0: 9}), w.begin({0: 19})
    w.finish(second, {0: h(9)})
    assert w.value({0: 100}) is None  # the first is still in flight
    w.finish(first, {0: h(4)})
    assert w.value({0: 100}) == h(9)


def test_a_failed_batch_does_not_count_as_read() -> None:
    w = InputWatermark()
    w.finish(w.begin({0: 9}), {0: h(2)})
    w.finish(w.begin({1: 9}), None)  # not delivered: its records will be read again
    assert w.value({0: 100, 1: 100}) is None
    w.finish(w.begin({1: 9}), {1: h(1)})
    assert w.value({0: 100, 1: 100}) == h(1)


def test_a_partition_without_claims_holds_until_read_to_its_end() -> None:
    w = InputWatermark()
    w.finish(w.begin({0: 9, 1: 4}), {0: h(6)})  # partition 1 gave no claims so far
    assert w.value({0: 100, 1: 100, 2: 0}) is None  # its first claim may be of any hour
    assert w.value({0: 100, 1: 5, 2: 0}) == h(6)  # read to its end; partition 2 is empty
    assert w.value({0: 100, 3: None}) is None  # partition 3 not fetched yet
    assert InputWatermark().value({}) is None
    w2 = InputWatermark()
    w2.finish(w2.begin({}), {-1: h(1)})  # records without a raw partition (tests, replays)
    assert w2.value({}) == h(1)


def test_partitions_delivered_before_this_writer_took_them_do_not_hold() -> None:
    """A restart or a rebalance: the consumer group's committed offsets say every record
    before them was delivered (by this writer before it restarted, or by the one before)."""
    w = InputWatermark()
    ends = {0: 40, 1: 30, 2: 25}
    assert w.value(ends, {0: 40, 1: 30, 2: 25}) is None  # all read, nothing written since
    w.finish(w.begin({0: 40}), {0: h(7)})  # one new report, on partition 0
    assert w.value({**ends, 0: 41}) is None  # without the offsets 1 and 2 hold everything
    assert w.value({**ends, 0: 41}, {0: 40, 1: 30, 2: 25}) == h(7)
    assert w.value({**ends, 0: 41}, {0: 40, 1: 29, 2: 25}) is None  # 1 has a record to read
    w.finish(w.begin({1: 29}), {1: h(5)})
    assert w.value({**ends, 0: 41}, {0: 40, 1: 29, 2: 25}) == h(7)  # read to its end now
    assert w.value({0: 45, 1: 30, 2: 25}, {0: 40, 1: 29, 2: 25}) == h(7)  # 0 has more: it holds
    assert w.value({0: 45, 1: 31, 2: 25}, {0: 40, 1: 29, 2: 25}) == h(5)  # so does 1, earlier


def test_a_writer_read_to_its_end_says_so_up_to_the_log() -> None:
    """Every partition read to its end: the writer covers them up to the latest event
    time of the claims log (its own of before a restart, another writer's), not only
    to the last claim it wrote itself; a partition still being read holds as before."""
    w = InputWatermark()
    assert w.value({0: 10, 1: 5}, {0: 10, 1: 5}, idle_at=h(30)) == h(30)
    w.finish(w.begin({0: 10}), {0: h(31)})
    assert w.value({0: 11, 1: 5}, {0: 10, 1: 5}, idle_at=h(30)) == h(31)  # its own is later
    assert w.value({0: 11, 1: 5}, {0: 10, 1: 5}, idle_at=h(40)) == h(40)
    assert w.value({0: 12, 1: 5}, {0: 10, 1: 5}, idle_at=h(40)) == h(31)  # 0 has more to read
    assert w.value({0: 11, 1: 6}, {0: 10, 1: 5}, idle_at=h(40)) is None  # 1 may hold any hour
    assert InputWatermark().value({}, idle_at=h(40)) is None  # a writer of no raw partition: nothing
