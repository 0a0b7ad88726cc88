"""CLI edges: bad input is one line on stderr and an exit code, never a traceback;
normalize names file lines; the embedded broker of `run` is found by the other commands."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from stream import cli
from stream.broker import free_port
from stream.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.chdir(tmp_path)  # the default data dir (./data) is the test's own
    for name in ("STREAM_BROKER", "STREAM_DATA_DIR", "STREAM_TOPIC_PREFIX", "STREAM_WEB_PORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    yield CliRunner()


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        f"{args}: raised {result.exception!r}")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("args", "option", "value"), [
    (("simulate", "-n", "-5"), "-n", "greater than or equal to 0"),
    (("simulate", "--start", "yesterday"), "--start", "'yesterday'"),
    (("simulate", "--output", "/nonexistent/x.jsonl", "-n", "1"), "--output", "/nonexistent/x.jsonl"),
    (("replay", "--from-time", "yesterday", "--broker", "127.0.0.1:1"), "--from-time", "'yesterday'"),
    (("replay", "--topic", "alerts", "--broker", "127.0.0.1:1"), "--topic", "'alerts'"),
    (("replay", "--from-offset", "-1", "--broker", "127.0.0.1:1"), "--from-offset", "greater than"),
    (("dlq", "--since", "last week", "--broker", "127.0.0.1:1"), "--since", "'last week'"),
    (("dlq", "--reason", "bogus", "--broker", "127.0.0.1:1"), "--reason", "bogus"),
    (("normalize", "nonexist.jsonl"), "PATH", "nonexist.jsonl"),
    (("ingest", "nofile.jsonl", "--broker", "127.0.0.1:1"), "PATH", "nofile.jsonl"),
])
def test_bad_values_are_usage_errors(
    runner: CliRunner, args: tuple[str, ...], option: str, value: str
) -> None:
    code, out, error = invoke(runner, *args)
    assert code == 2, error
    flat = " ".join(error.replace("│", " ").split())
    assert f"Invalid value for '{option}'" in flat
    assert value in flat
    assert "Traceback" not in error
    assert out == ""


def test_simulate_writes_nothing_on_a_bad_start(runner: CliRunner, tmp_path: Path) -> None:
    code, _, _ = invoke(runner, "simulate", "--start", "noon", "--output", str(tmp_path / "x.jsonl"))
    assert code == 2
    assert not (tmp_path / "x.jsonl").exists()


def test_normalize_names_file_lines(runner: CliRunner, tmp_path: Path) -> None:
    good = orjson.dumps({"id": "r1", "source": "t.me/x", "published_at": "2025-07-10T08:00:00Z",
                         "text": "Overnight 12 drones were shot down over Kursk region."})
    src = tmp_path / "bad.jsonl"
    src.write_bytes(b"\n" + good + b"\n\n   \n" + b'{"id": "r2", "text": \n' + b"[1]\n")
    code, out, error = invoke(runner, "normalize", str(src))
    assert code == 0, error
    docs = [orjson.loads(line) for line in out.splitlines()]
    assert len(docs) == 3  # one per non-blank line
    assert docs[0]["report_id"] == "r1" and "error" not in docs[0]
    assert docs[1]["error"].startswith(f"{src}:5: invalid JSON")
    assert docs[1]["reason"] == "decode"
    assert docs[2]["error"].startswith(f"{src}:6: expected a JSON object")


def test_normalize_stdin_lines(runner: CliRunner) -> None:
    result = runner.invoke(cli.app, ["normalize", "-"], input="\n\n{oops\n")
    assert result.exit_code == 0
    assert orjson.loads(result.stdout)["error"].startswith("<stdin>:3: invalid JSON")


def test_without_a_broker_the_commands_say_what_to_set(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "r.jsonl"
    src.write_text("{}\n")
    for args in (("ingest", str(src)), ("replay",), ("dlq",), ("worker",)):
        code, _, error = invoke(runner, *args)
        assert code == 2, (args, error)
        assert error.count("\n") == 1, error
        assert "set --broker or STREAM_BROKER" in error
        assert str(Path("data") / cli.BROKER_FILE) in error


def test_a_running_embedded_broker_is_found(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "data")
    assert cli.embedded_bootstrap(settings) is None
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])  # stands in for tansu
    try:
        path = cli._record_embedded(settings, "127.0.0.1:45678", child.pid)
        assert path == tmp_path / "data" / cli.BROKER_FILE
        assert cli.embedded_bootstrap(settings) == "127.0.0.1:45678"
        assert cli._bootstrap(load_settings(data_dir=tmp_path / "data", broker="k:9092")) == "k:9092"
        cli._forget_embedded(path, "127.0.0.1:1")  # another run's: left alone
        assert path.exists()
    finally:
        child.kill()
        child.wait()
    assert cli.embedded_bootstrap(settings) is None  # left behind by a killed run: not used
    cli._forget_embedded(path, "127.0.0.1:45678")
    assert not path.exists()


def test_unreachable_broker_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    src = tmp_path / "r.jsonl"
    src.write_text('{"id": "a"}\n')
    for args in (("ingest", str(src)), ("replay",), ("replay", "--topic", "claims"), ("dlq",)):
        code, out, error = invoke(runner, *args, "--broker", f"127.0.0.1:{port}")
        assert code == 1, (args, error)
        assert error == f"error: cannot reach Kafka at 127.0.0.1:{port} (KafkaConnectionError)\n", args
        assert out == ""


def test_run_on_a_taken_port_fails_before_starting(runner: CliRunner, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        code, _, error = invoke(runner, "run", "--web-port", str(port), "--broker", "127.0.0.1:1")
    assert code == 1
    assert error == (f"error: web port {port} on 127.0.0.1 is not free (Address already in use); "
                     "choose another with --web-port or STREAM_WEB_PORT\n")
    assert not (tmp_path / "data").exists()  # nothing was started


def test_errors_reach_a_real_terminal_without_traceback(tmp_path: Path) -> None:
    """The same through `python -m stream`, as a user runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAM_")}
    port = free_port()
    proc = subprocess.run([sys.executable, "-m", "stream", "replay", "--broker", f"127.0.0.1:{port}"],
                          capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
                          env={**env, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 1
    assert proc.stderr.endswith("\n")
    last = proc.stderr.splitlines()[-1]  # (after a warning that a stale native build is not used)
    assert last == f"error: cannot reach Kafka at 127.0.0.1:{port} (KafkaConnectionError)"
    assert "Traceback" not in proc.stderr
    assert "aiokafka" not in proc.stderr  # no log line per connection attempt


def test_detect_warns_of_rows_out_of_time_order(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("timestamp,value\n2025-07-10T00:00:00Z,3\n2025-07-10T00:00:00Z,4\n"
                   "2025-07-09T02:00:00Z,5\n2025-07-10T01:00:00Z,6\n")
    code, _, error = invoke(runner, "detect", "--input", str(src), "--output", str(tmp_path / "out.csv"))
    assert code == 0, error
    lines = error.splitlines()
    assert lines[0].startswith(f"warning: {src}: 1 row(s) earlier than a row above them (first: line 4,")
    assert lines[1].startswith(f"warning: {src}: 1 row(s) repeat an earlier row's time (first: line 3,")
    assert lines[2] == f"scored 4 rows, 0 alerts -> {tmp_path / 'out.csv'}"


def test_simulate_reads_a_zoneless_start_as_utc_and_warns_of_reports_after_now(runner: CliRunner) -> None:
    code, naive, error = invoke(runner, "simulate", "-n", "40", "--start", "2025-01-01T00:00")
    assert code == 0, error
    assert naive == invoke(runner, "simulate", "-n", "40", "--start", "2025-01-01T00:00:00Z")[1]
    start = (cli._now() - timedelta(days=3)).strftime("%Y-%m-%dT00:00:00Z")
    code, out, error = invoke(runner, "simulate", "-n", "300", "--start", start)
    assert code == 0
    lines = [orjson.loads(line) for line in out.splitlines()]
    after = [d for d in lines if datetime.fromisoformat(d["published_at"]) > cli._now()]
    assert len(lines) == 300 and after  # still written: the output depends on the options only
    flat = " ".join(error.split())
    assert flat.startswith(f"warning: {len(after)} of 300 reports are published after now")
    suggested = flat.split("--start ")[1].split(")")[0]
    code, out, error = invoke(runner, "simulate", "-n", "300", "--start", suggested)
    assert code == 0 and "warning" not in error
    assert max(datetime.fromisoformat(orjson.loads(line)["published_at"]) for line in out.splitlines()) \
        < cli._now()


def test_normalize_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    src = tmp_path / "r.jsonl"
    src.write_bytes(b"".join(orjson.dumps({"id": f"r{n}", "source": "t.me/x",
                                           "published_at": "2025-07-10T08:00:00Z",
                                           "text": "Overnight 12 drones were shot down over Kursk region."})
                             + b"\n" for n in range(3000)))
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("STREAM_")}, "STREAM_NATIVE": "0"}
    for args in (("normalize", str(src)), ("simulate", "-n", "5000")):
        proc = subprocess.Popen([sys.executable, "-m", "stream", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=tmp_path, env=env)
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().startswith(b"{")
        proc.stdout.close()  # as `| head -1` does
        error = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 0, (args, error)
        assert "Broken pipe" not in error and "cannot read" not in error and "Traceback" not in error
