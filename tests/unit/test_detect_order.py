"""Alerts depend on the claims log, not on how its partitions interleave or are batched.

Claims are keyed by region, so each region's claims are in one partition, in order.
A live worker, a replay and a catch-up read the partitions at different relative
speeds and in different batches; the detectors must give the same alerts for all.
"""

from __future__ import annotations

import random
import zlib
from collections import deque
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from stream.aggregate import claim_event_time
from stream.models import Alert, Claim
from stream.pipeline import TICK_KEY, Engine, Normalized, Place, claim_bytes, normalize_record, tick_bytes
from stream.readahead import Entry, encode
from stream.replay import ReplaySummary, fold_buffered, rewind_at
from stream.simulate.reports import reports_from_series
from stream.simulate.series import SimulatedSeries

PARTITIONS = 3
NOW = datetime(2030, 1, 1, tzinfo=UTC)


def _claims_by_partition() -> list[list[Claim]]:
    """Two weeks over four regions with a surge in two of them on day 11 and 12."""
    rng = random.Random(5)
    hours = 24 * 14
    values = {name: [rng.choice([0, 1, 2, 3, 4, 5]) for _ in range(hours)] for name in ("a", "b", "c", "d")}
    for h in range(24 * 11, 24 * 11 + 3):
        values["a"][h] = 70
    for h in range(24 * 12 + 5, 24 * 12 + 7):
        values["c"][h] = 55
    series = SimulatedSeries(values=values, start=datetime(2025, 3, 1, tzinfo=UTC), events=[])
    regions = {"a": "RU-BEL", "b": "RU-KRS", "c": "RU-BRY", "d": "RU-VOR"}
    claims: list[Claim] = []
    for i, report in enumerate(reports_from_series(series, seed=2, region_map=regions, relay_rate=0.2)):
        result = normalize_record(orjson.dumps(report.raw), Place("raw", 0, i), NOW)
        assert isinstance(result, Normalized)
        claims += result.claims
    # keyed partitioning, as the producer does (here: keys spread round-robin)
    keys = sorted({c.key for c in claims})
    part_of = {key: i % PARTITIONS for i, key in enumerate(keys)}
    parts: list[list[Claim]] = [[] for _ in range(PARTITIONS)]
    for claim in claims:
        parts[part_of[claim.key]].append(claim)
    return parts


@pytest.fixture(scope="module")
def parts() -> list[list[Claim]]:
    out = _claims_by_partition()
    assert all(out), "every partition holds claims"
    return out


def _run(parts: list[list[Claim]], rng: random.Random | None, *, max_batch: int,
         sequential: bool = False) -> tuple[list[Alert], dict[str, Alert]]:
    """Fold the partitions as a consumer would: batches of up to `max_batch` records taken
    from the partitions in random proportions (or one partition after another), the
    detectors advanced after each batch with the partitions not yet read to the end."""
    engine = Engine.create()
    pos = [0] * len(parts)
    stream: list[Alert] = []
    while any(pos[p] < len(parts[p]) for p in range(len(parts))):
        open_parts = [p for p in range(len(parts)) if pos[p] < len(parts[p])]
        if sequential:
            take = {open_parts[0]: max_batch}
        else:
            assert rng is not None
            take = {p: rng.randint(0, max_batch) for p in open_parts}
        for p, n in take.items():
            for offset in range(pos[p], min(len(parts[p]), pos[p] + n)):
                engine.apply(parts[p][offset], partition=p, offset=offset)
            pos[p] = min(len(parts[p]), pos[p] + n)
        lagging = {p for p in range(len(parts)) if pos[p] < len(parts[p])}
        stream += engine.detect(lagging=lagging)
    return stream, engine.alerts


def _key(alerts: list[Alert]) -> list[str]:
    return [a.model_dump_json() for a in alerts]


def test_alerts_do_not_depend_on_interleaving_or_batches(parts: list[list[Claim]]) -> None:
    ref_stream, ref_final = _run(parts, random.Random(0), max_batch=1)
    assert {a.region for a in ref_final.values() if a.kind == "surge"} >= {"RU-BEL", "RU-BRY"}
    runs = [
        _run(parts, random.Random(1), max_batch=7),
        _run(parts, random.Random(2), max_batch=400),
        _run(parts, None, max_batch=250, sequential=True),  # one partition after another
        _run(parts, None, max_batch=10**6, sequential=True),
    ]
    for stream, final in runs:
        assert _key(sorted(final.values(), key=lambda a: a.alert_id)) == _key(
            sorted(ref_final.values(), key=lambda a: a.alert_id))
        assert _key(stream) == _key(ref_stream)


def test_a_claim_behind_its_partition_is_late_for_the_detectors_only(parts: list[list[Claim]]) -> None:
    engine = Engine.create()
    p0 = parts[0]
    for offset, claim in enumerate(p0):
        engine.apply(claim, partition=0, offset=offset)
    engine.detect(lagging=set())
    early = min(p0, key=lambda c: c.event_time)
    late_copy = early.model_copy(update={"claim_id": "f" * 24, "count": early.count + 5})
    before = engine.detector_late
    applied = engine.apply(late_copy, partition=0, offset=len(p0))
    assert applied.outcome not in ("late", "expired")  # the aggregates take it ...
    assert engine.detector_late > before  # ... the detectors, whose hour was closed, do not


def _produced_log(with_watermarks: bool, batch: int = 15) -> list[list[Claim | datetime]]:
    """The claims log as the normalize agent writes it: claims of `batch` reports at a
    time, each batch followed by a watermark in every partition when the event time of
    what was written enters a new hour."""
    rng = random.Random(9)
    hours = 24 * 10
    values = {name: [rng.choice([0, 0, 0, 1, 2, 6]) for _ in range(hours)] for name in "abcdef"}
    for h in range(24 * 8, 24 * 8 + 2):
        values["b"][h] = 60
    series = SimulatedSeries(values=values, start=datetime(2025, 4, 1, tzinfo=UTC), events=[])
    regions = dict(zip("abcdef", ["RU-BEL", "RU-KRS", "RU-BRY", "RU-VOR", "RU-ORL", "RU-LIP"], strict=True))
    reports = list(reports_from_series(series, seed=3, region_map=regions, relay_rate=0.4))
    part_of: dict[str, int] = {}
    log: list[list[Claim | datetime]] = [[] for _ in range(PARTITIONS)]
    last: datetime | None = None
    latest: datetime | None = None
    for start in range(0, len(reports), batch):
        for i, report in enumerate(reports[start:start + batch], start):
            result = normalize_record(orjson.dumps(report.raw), Place("raw", 0, i), NOW)
            assert isinstance(result, Normalized)
            for claim in result.claims:
                p = part_of.setdefault(claim.key, len(part_of) % PARTITIONS)
                log[p].append(claim)
                t = claim_event_time(claim)
                latest = t if latest is None or t > latest else latest
        if with_watermarks and latest is not None:
            hour = latest.replace(minute=0, second=0, microsecond=0)
            if last is None or hour > last:
                for p in range(PARTITIONS):
                    log[p].append(hour)
                last = hour
    return log


def _fold_live(log: list[list[Claim | datetime]], rng: random.Random, *,
               stale_lag: bool = False) -> Engine:
    """A live follower: the log grows while it reads; it sees a partition with nothing
    unread as caught up (so it does not hold the others back). With `stale_lag` its
    high-water marks lag behind the log (as a consumer's do between fetches of a
    partition), so it takes every partition for caught up, and it reads a whole
    partition before the next: only the watermarks can hold the detectors back."""
    engine = Engine.create()
    engine.partitions = frozenset(range(len(log)))
    engine.expect_ticks = True
    written = [0] * len(log)
    pos = [0] * len(log)
    while any(pos[p] < len(log[p]) for p in range(len(log))):
        for p in range(len(log)):  # the producer writes on, unevenly across partitions
            written[p] = min(len(log[p]), written[p] + rng.randint(0, 40))
        for p in range(len(log)):
            upto = written[p] if stale_lag else pos[p] + rng.randint(0, written[p] - pos[p])
            for offset in range(pos[p], upto):
                item = log[p][offset]
                if isinstance(item, datetime):
                    engine.tick(p, item)
                else:
                    engine.apply(item, partition=p, offset=offset)
                pos[p] = offset + 1
            if stale_lag:
                engine.detect(lagging=set())
        engine.detect(lagging=set() if stale_lag else {p for p in range(len(log)) if pos[p] < written[p]})
    assert engine.held_count() == 0  # every partition ends at the same watermark
    return engine


def _fold_replay(log: list[list[Claim | datetime]]) -> Engine:
    """A replay of the finished log, one partition after another."""
    engine = Engine.create()
    for p, records in enumerate(log):
        for offset, item in enumerate(records):
            if isinstance(item, datetime):
                engine.tick(p, item)
            else:
                engine.apply(item, partition=p, offset=offset)
        engine.detect(lagging=set(range(p + 1, len(log))))
    assert engine.held_count() == 0
    return engine


def test_with_watermarks_a_live_run_and_a_replay_find_the_same_alerts() -> None:
    log = _produced_log(with_watermarks=True)
    replayed = _fold_replay(log).alerts
    assert any(a.kind == "surge" and a.region == "RU-KRS" for a in replayed.values())
    for seed in range(4):
        for stale_lag in (False, True):
            live = _fold_live(log, random.Random(seed), stale_lag=stale_lag).alerts
            assert _key(sorted(live.values(), key=lambda a: a.alert_id)) == _key(
                sorted(replayed.values(), key=lambda a: a.alert_id)), (seed, stale_lag)


def _out_of_order(log: list[list[Claim | datetime]], rng: random.Random) -> list[list[Claim | datetime]]:
    """The log of a feed delivered out of publication order: one claim in eight reaches
    its partition one to four watermarks later than it was written (a report ingested
    late), so it comes after watermarks that closed its hour."""
    out: list[list[Claim | datetime]] = []
    for records in log:
        moved: list[Claim | datetime] = []
        delayed: list[tuple[int, Claim]] = []  # (watermarks still to pass, claim)
        for item in records:
            if isinstance(item, datetime):
                moved.append(item)
                due = [c for n, c in delayed if n <= 1]
                delayed = [(n - 1, c) for n, c in delayed if n > 1]
                moved += due
            elif rng.random() < 0.125:
                delayed.append((rng.randint(1, 4), item))
            else:
                moved.append(item)
        out.append(moved + [c for _, c in delayed])
    return out


def test_a_feed_out_of_publication_order_gives_the_same_alerts_however_its_partitions_are_read() -> None:
    """Claims that reach the log after the watermark closing their hour are late for the
    detectors in every run, not only in those that read their partition after the others
    had closed the hour: a partition read ahead waits at its watermark (`Engine.apply`
    holds what follows it) until the hours that watermark closes are scored. (Before,
    one log gave 75, 102 and 195 alerts over three interleavings of its partitions.)"""
    log = _out_of_order(_produced_log(with_watermarks=True), random.Random(4))
    replayed = _fold_replay(log)
    assert replayed.detector_late > 5  # the late claims changed hours already scored
    assert any(a.kind == "surge" and a.region == "RU-KRS" for a in replayed.alerts.values())
    ref = _key(sorted(replayed.alerts.values(), key=lambda a: a.alert_id))
    for seed in range(6):
        for stale_lag in (False, True):
            live = _fold_live(log, random.Random(seed), stale_lag=stale_lag)
            assert _key(sorted(live.alerts.values(), key=lambda a: a.alert_id)) == ref, (seed, stale_lag)
            assert live.detector_late == replayed.detector_late
            assert live.counts == replayed.counts


def _fold_rewinding(log: list[list[Claim | datetime]], rng: random.Random) -> tuple[Engine, int, int]:
    """A reader that leaves a partition read ahead of a watermark for later (`rewind_at`:
    it seeks back and reads the claim again once the others have caught up) instead of
    letting the engine hold it; the finished log is read in fetches of random length
    from random partitions. Returns the engine, the records rewound and the most ever
    held at once."""
    engine = Engine.create()
    engine.partitions = frozenset(range(len(log)))
    engine.expect_ticks = True
    pos = [0] * len(log)
    rewound = most_held = 0
    for _ in range(100_000):
        reading = [p for p in range(len(log)) if pos[p] < len(log[p])]
        if not reading:
            break
        p = rng.choice(reading)
        for offset in range(pos[p], min(len(log[p]), pos[p] + rng.randint(1, 60))):
            item = log[p][offset]
            if isinstance(item, datetime):
                engine.tick(p, item)
            elif rewind_at(engine, p, reading):
                rewound += 1
                break
            else:
                engine.apply(item, partition=p, offset=offset)
            pos[p] = offset + 1
        most_held = max(most_held, engine.held_count())
        engine.detect(lagging={q for q in range(len(log)) if pos[q] < len(log[q])})
    assert all(pos[p] == len(log[p]) for p in range(len(log)))
    engine.release_all()
    engine.detect(lagging=set())
    return engine, rewound, most_held


def test_a_reader_that_rewinds_a_partition_read_ahead_finds_what_one_that_holds_finds() -> None:
    """Rewinding (`replay.rewind_at`) costs no memory where holding costs a fetch of
    records: the same alerts, late claims and outcomes, and nothing held while another
    partition can still move the detectors on."""
    log = _out_of_order(_produced_log(with_watermarks=True), random.Random(4))
    replayed = _fold_replay(log)
    ref = _key(sorted(replayed.alerts.values(), key=lambda a: a.alert_id))
    for seed in range(4):
        engine, rewound, most_held = _fold_rewinding(log, random.Random(seed))
        assert rewound > 0, seed  # partitions were read ahead of the others
        assert most_held == 0, seed
        assert _key(sorted(engine.alerts.values(), key=lambda a: a.alert_id)) == ref, seed
        assert engine.detector_late == replayed.detector_late
        assert engine.counts == replayed.counts


def _fold_buffering(log: list[list[Claim | datetime]], rng: random.Random) -> tuple[Engine, ReplaySummary]:
    """A claims replay's reader (`replay.fold_buffered`): records come in fetches of
    random length from random partitions (encoded as the read-ahead child sends them)
    into per-partition buffers, which are folded in slices of random size, a partition
    read ahead of a watermark left in its buffer until the others have caught up."""
    engine = Engine.create()
    engine.partitions = frozenset(range(len(log)))
    engine.expect_ticks = True
    encoded = [[encode(TICK_KEY, tick_bytes(item), offset, TICK_KEY) if isinstance(item, datetime)
                 else encode(item.key.encode(), claim_bytes(item), offset, TICK_KEY)
                 for offset, item in enumerate(records)] for records in log]
    sent = [0] * len(log)
    buffered: dict[int, deque[Entry]] = {p: deque() for p in range(len(log))}
    summary = ReplaySummary(topic="t", kind="claims")
    aside = dict.fromkeys(range(len(log)), -1)
    for _ in range(100_000):
        finished = {p for p in range(len(log)) if sent[p] == len(log[p])}
        if len(finished) == len(log) and not any(buffered.values()):
            break
        if len(finished) < len(log) and rng.random() < 0.5:
            p = rng.choice([q for q in range(len(log)) if q not in finished])
            upto = min(len(log[p]), sent[p] + rng.randint(1, 80))
            buffered[p].extend(encoded[p][sent[p]:upto])
            sent[p] = upto
            continue
        folded = fold_buffered(engine, "t", buffered, finished, NOW, None, summary, aside,
                               limit=rng.randint(1, 50))
        if not folded and len(finished) == len(log):
            fold_buffered(engine, "t", buffered, finished, NOW, None, summary, aside, set_aside=False)
        engine.detect(lagging={p for p in range(len(log)) if buffered[p] or p not in finished})
        summary.count_applied(engine.take_released())
    assert all(sent[p] == len(log[p]) for p in range(len(log))) and not any(buffered.values())
    summary.count_applied(engine.release_all())
    engine.detect(lagging=set())
    return engine, summary


def test_a_replay_that_buffers_a_partition_read_ahead_finds_the_log_order_answers() -> None:
    """The claims replay reads in a child process and folds from buffers
    (`replay.fold_buffered`): the answers of a fold in log order, whichever partition
    the child sent first and however the fold is sliced."""
    log = _out_of_order(_produced_log(with_watermarks=True), random.Random(4))
    replayed = _fold_replay(log)
    ref = _key(sorted(replayed.alerts.values(), key=lambda a: a.alert_id))
    claims = sum(not isinstance(item, datetime) for records in log for item in records)
    for seed in range(4):
        engine, summary = _fold_buffering(log, random.Random(seed))
        assert summary.set_aside > 0, seed  # partitions were sent ahead of the others
        assert summary.records == sum(len(records) for records in log)
        assert summary.claims == claims and engine.held_count() == 0
        assert _key(sorted(engine.alerts.values(), key=lambda a: a.alert_id)) == ref, seed
        assert engine.detector_late == replayed.detector_late
        assert engine.counts == replayed.counts


def test_rewind_only_where_another_partition_can_move_the_detectors_on() -> None:
    t = datetime(2025, 3, 5, tzinfo=UTC)
    engine = Engine.create()
    engine.partitions = frozenset({0, 1})
    engine.expect_ticks = True
    assert not engine.holding(0) and not rewind_at(engine, 0, [0, 1])
    engine.tick(0, t)  # partition 0 closes hours partition 1 has not reached
    assert engine.holding(0) and not engine.holding(1)
    assert rewind_at(engine, 0, [0, 1])
    assert not rewind_at(engine, 0, [0])  # 1 is read to its end: nothing to wait for
    assert not rewind_at(engine, 1, [0, 1])
    claim = _produced_log(with_watermarks=False)[0][0]
    assert isinstance(claim, Claim)
    assert engine.apply(claim, partition=0, offset=0).outcome == "held"  # what a reader avoids
    engine.tick(1, t)
    engine.detect(lagging=set())
    assert not engine.holding(0) and not engine.holding(1)
    assert engine.held_count() == 0 and [a.outcome for _, a in engine.take_released()] == ["new"]


def test_a_partition_closes_at_the_least_watermark_over_the_raw_partitions() -> None:
    t = datetime(2025, 3, 5, tzinfo=UTC)
    engine = Engine.create()
    engine.tick(0, t + timedelta(hours=10), raw=[0], of=2)  # writer A: raw partition 0
    assert engine.part_time.get(0) is None  # raw partition 1 not covered yet
    assert engine.frontier(set()) is None  # and the partition is held
    engine.tick(0, t + timedelta(hours=3), raw=[1], of=2)  # writer B lags
    assert engine.part_time[0] == t + timedelta(hours=3)
    engine.tick(0, t + timedelta(hours=12), raw=[1], of=2)
    assert engine.part_time[0] == t + timedelta(hours=10)
    # B died; A took raw partition 1 over and covers both
    engine.tick(0, t + timedelta(hours=15), raw=[0, 1], of=2)
    assert engine.part_time[0] == t + timedelta(hours=15)
    assert engine.frontier(set()) == t + timedelta(hours=15)


@pytest.mark.parametrize("per_raw_partition", [True, False])
def test_a_lagging_writer_is_waited_for(parts: list[list[Claim]], per_raw_partition: bool) -> None:
    """Writer A (raw partition 0) is hours ahead of writer B (raw partition 1): B's
    claims, read after A's watermarks, still reach the detectors when the watermarks
    say which raw partitions they cover; with watermarks that cover everything (one
    writer's view) A's would close B's hours first."""
    claims = sorted(parts[0], key=claim_event_time)
    first, last = claim_event_time(claims[0]), claim_event_time(claims[-1])
    b_claims = [c for c in claims if claim_event_time(c) < first + timedelta(days=2)]
    engine = Engine.create()
    engine.expect_ticks, engine.partitions = True, frozenset({0})
    cover = {"raw": [0], "of": 2} if per_raw_partition else {}
    engine.tick(0, last, **cover)  # A has written everything of raw partition 0
    engine.detect(lagging=set())  # the follower scores what that watermark closes
    for offset, claim in enumerate(b_claims):  # then B's claims of the first two days
        engine.apply(claim, partition=0, offset=offset)
    engine.detect(lagging=set())
    if per_raw_partition:
        assert engine.detector_late == 0
    else:
        assert engine.detector_late > 0


SAMPLES = Path(__file__).parents[2] / "stream" / "data" / "samples" / "reports-2025-07.jsonl"
RAW_PARTITIONS = 4


@pytest.fixture(scope="module")
def sample_raw_partitions() -> list[list[list[Claim]]]:
    """The bundled sample reports (ten days of real bulletins and wire stories, in
    publication order) spread over raw partitions as a keyed producer would, each
    report normalized to its claims."""
    parts: list[list[list[Claim]]] = [[] for _ in range(RAW_PARTITIONS)]
    for n, line in enumerate(SAMPLES.read_bytes().splitlines()):
        result = normalize_record(line, Place("raw", 0, n), NOW)
        if isinstance(result, Normalized):
            parts[zlib.crc32(result.report.report_id.encode()) % RAW_PARTITIONS].append(result.claims)
    assert all(parts)
    return parts


def _fold_raw(parts: list[list[list[Claim]]], rng: random.Random | None) -> Engine:
    """Fold reports as a replay of the raw topic does: runs of up to 30 reports from one
    partition at a time, picked at random (None: one partition after another), the
    detectors advanced after each run with the partitions not read to their end."""
    engine = Engine.create()
    pos = [0] * len(parts)
    while True:
        open_parts = [p for p in range(len(parts)) if pos[p] < len(parts[p])]
        if not open_parts:
            break
        p = rng.choice(open_parts) if rng is not None else open_parts[0]
        n = rng.randint(1, 30) if rng is not None else len(parts[p])
        for claims in parts[p][pos[p]:pos[p] + n]:
            for claim in claims:
                engine.apply(claim, source=p)
        pos[p] = min(len(parts[p]), pos[p] + n)
        engine.detect(lagging={q for q in range(len(parts)) if pos[q] < len(parts[q])})
    engine.detect(lagging=set())
    return engine


def test_alerts_from_raw_reports_do_not_depend_on_how_their_partitions_interleave(
        sample_raw_partitions: list[list[list[Claim]]]) -> None:
    """The overnight tallies, relays, corrections and day summaries of the samples reach
    the detectors in whatever order the raw partitions are read; the detectors read each
    hour as it was published by its close, so every order gives the same alerts, with
    the same figures and claims (before, 8 orders gave 8 different sets of 1-14 alerts:
    an hour's total was whatever had been folded when it closed)."""
    runs = [_fold_raw(sample_raw_partitions, random.Random(seed)) for seed in range(6)]
    runs.append(_fold_raw(sample_raw_partitions, None))
    ref = _key(sorted(runs[0].alerts.values(), key=lambda a: a.alert_id))
    assert {a.kind for a in runs[0].alerts.values()} >= {"surge", "mass_attack"}
    assert any(a.kind == "surge" and a.region == "RU-KRS" for a in runs[0].alerts.values())
    for engine in runs:
        assert engine.detector_late == 0  # every partition is in publication order
        assert _key(sorted(engine.alerts.values(), key=lambda a: a.alert_id)) == ref


def test_a_backlog_longer_than_the_retention_is_scored_from_its_first_hour() -> None:
    """31 days of one Kursk bulletin a day folded before the claims log's first
    watermark (a catch-up, or a bulk load in one normalize batch): the aggregates keep
    the first two weeks until the detectors have scored them (`Engine._evict_lateness`:
    no eviction before an hour is scored). Their warm-up then starts on day one, and a
    first claim from Belgorod on day 31 is a first appearance (30 days after it)."""
    start = datetime(2025, 5, 1, 10, tzinfo=UTC)
    bulletin = ("В период с {b}.00 до {e}.00 мск дежурными средствами ПВО уничтожены {n} украинских "
                "беспилотных летательных аппаратов над территорией {where}.")

    def claims(rid: str, where: str, n: int, hour: datetime) -> list[Claim]:
        msk = hour + timedelta(hours=3)
        raw = {"id": rid, "source": "telegram:mod_russia", "published_at":
               (hour + timedelta(hours=1, minutes=5)).isoformat(),
               "text": bulletin.format(b=msk.hour, e=msk.hour + 1, n=n, where=where)}
        result = normalize_record(orjson.dumps(raw), Place("raw", 0, 0), NOW)
        assert isinstance(result, Normalized)
        return result.claims

    engine = Engine.create()
    engine.expect_ticks, engine.partitions = True, frozenset({0})
    history = [c for d in range(31) for c in claims(f"k{d}", "Курской области", 5, start + timedelta(days=d))]
    for offset, claim in enumerate(history):
        engine.apply(claim, partition=0, offset=offset)
    engine.tick(0, start + timedelta(days=30, hours=1))
    engine.detect()
    assert engine.detector.first_hour == int(start.timestamp()) // 3600
    surge = start + timedelta(days=31)
    for offset, claim in enumerate(claims("b", "Белгородской области", 45, surge), start=len(history)):
        engine.apply(claim, partition=0, offset=offset)
    engine.tick(0, surge + timedelta(hours=3))
    alerts = engine.detect()
    assert [(a.kind, a.region, a.message) for a in alerts if a.kind == "first_seen"] == [
        ("first_seen", "RU-BEL", "first claim ever seen")]


def test_progress_names_the_partition_that_holds_the_detectors_back(parts: list[list[Claim]]) -> None:
    """What /metrics shows: a partition whose watermarks stop holds the scoring (and the
    eviction) back, and the records read after the others' later watermarks wait
    (`held`, so the hours those close are scored with exactly the claims before them);
    once it moves, everything is folded and the detectors catch up."""
    engine = Engine.create()
    assert engine.progress() == (None, None, 0, {})
    claims = sorted((c for p in parts for c in p), key=claim_event_time)
    start = claim_event_time(claims[0])
    stall = start + timedelta(days=3)
    offsets = [0, 0]
    for c in claims:
        et = claim_event_time(c)
        p = 0 if c.key < "RU-KRS" else 1
        engine.apply(c, partition=p, offset=offsets[p])
        offsets[p] += 1
        engine.tick(0, et)
        engine.tick(1, min(et, stall))  # partition 1's watermarks stop on day 3
        engine.detect()
    event, scored, kept, times = engine.progress()
    assert times[1] == stall < times[0]
    assert scored is not None and scored <= stall
    # partition 1 folds on (its claims are all before its watermarks); partition 0's,
    # after watermarks partition 1 has not reached, wait
    assert engine.held_count(1) == 0 and engine.held_count(0) == engine.held_count() > 100
    assert kept == sum(len(s.claims) for s in engine.states.values()) > 0
    engine.tick(1, claim_event_time(claims[-1]))
    engine.detect()
    assert engine.held_count() == 0
    released = engine.take_released()
    assert len(released) > 100 and all(a.outcome != "held" for _, a in released)
    event, caught_up, _, times = engine.progress()
    assert event == max(claim_event_time(c) for c in claims)
    assert caught_up is not None and event - caught_up < timedelta(hours=4)
    assert times[1] == times[0]
