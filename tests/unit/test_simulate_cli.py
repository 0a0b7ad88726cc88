"""`python -m stream simulate --events`: a report stream with injected events and their
labels; the plain `simulate` stream is unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from stream import cli
from stream.simulate.scenario import simulate_scenario


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    yield CliRunner()


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        f"{args}: raised {result.exception!r}")
    return result.exit_code, result.stdout, result.stderr


def test_events_writes_the_scenario_and_its_labels(runner: CliRunner, tmp_path: Path) -> None:
    labels = tmp_path / "events.jsonl"
    code, out, error = invoke(runner, "simulate", "--events", "--days", "12", "--regions", "5", "--seed", "3",
                              "--start", "2025-03-01T00:20:00Z", "--events-out", str(labels))
    assert code == 0, error
    scenario = simulate_scenario(12, seed=3, start=datetime(2025, 3, 1, tzinfo=UTC), regions=5)
    assert [orjson.loads(line) for line in out.splitlines()] == [r.raw for r in scenario.reports()]
    written = [orjson.loads(line) for line in labels.read_bytes().splitlines()]
    assert written == [e.as_dict() for e in scenario.events] and written
    flat = " ".join(error.split())
    assert flat.startswith(f"{len(out.splitlines())} reports over 12 days in 5 regions")
    assert f"{len(written)} injected events" in flat and str(labels) in flat


def test_events_without_a_file_are_listed_on_stderr_and_truth_gives_gold(runner: CliRunner) -> None:
    code, out, error = invoke(runner, "simulate", "--events", "--days", "10", "--regions", "4", "--truth")
    assert code == 0, error
    scenario = simulate_scenario(10, seed=1, start=datetime(2025, 6, 1, tzinfo=UTC), regions=4)
    listed = [line for line in error.splitlines() if line.startswith("  20")]
    assert len(listed) == len(scenario.events)
    first = scenario.events[0]
    assert listed[0].split()[:5] == [f"{first.start:%Y-%m-%d}", f"{first.start:%H:%M}", "-",
                                     f"{first.end:%Y-%m-%d}", f"{first.end:%H:%M}"]
    assert f"(expect {first.alert})" in listed[0]
    lines = [orjson.loads(line) for line in out.splitlines()]
    assert lines and all(set(d) == {"lang", "report", "gold"} for d in lines)


@pytest.mark.parametrize(("args", "option"), [
    (("--events", "-n", "10"), "'-n'"),
    (("--days", "20"), "'--days'"),
    (("--events-out", "x.jsonl"), "'--events-out'"),
    (("--events", "--days", "3"), "--days"),
    (("--events", "--regions", "2"), "--regions"),
    (("--events", "--events-out", "/nonexistent/e.jsonl"), "--events-out"),
])
def test_bad_options_are_usage_errors(runner: CliRunner, args: tuple[str, ...], option: str) -> None:
    code, out, error = invoke(runner, "simulate", *args)
    assert code == 2 and not out
    assert option in " ".join(error.split())


def test_plain_simulate_is_unchanged(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "simulate", "-n", "30", "--seed", "2")
    assert code == 0
    from stream.simulate.reports import simulate_reports

    expected = [r.raw for r in simulate_reports(30, seed=2, start=datetime(2025, 6, 1, tzinfo=UTC))]
    assert [orjson.loads(line) for line in out.splitlines()] == expected
