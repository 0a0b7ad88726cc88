"""A real Prometheus (Debian binary) on loopback scraping a real worker on the
embedded broker, with the deployment's scrape job and rule files.

Checks what unit tests cannot: the exposition is accepted by Prometheus, every
recording and alerting rule evaluates without error on real series, the
pre-initialised counters make "feed silent" fire before the first report and
clear after it, and a killed worker turns into `up == 0` and a pending
StrikestreamWorkerDown; a surge the detectors open and resolve while a backlog is
folded still pages, and a redelivery of the feed is no late claim.
"""

from __future__ import annotations

import asyncio
import json
import random
import subprocess
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import orjson
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from stream import __version__
from stream.broker import EmbeddedBroker, free_port
from stream.settings import RAW_TOPIC
from stream.simulate.reports import reports_from_series, simulate_reports
from stream.simulate.series import SimulatedSeries

from ..deploy.deploy_helpers import PROMETHEUS_DIR, require
from .conftest import ARTIFACTS, Deployment, produce, wait_until
from .test_alerts import surge_reports


def live_surge_reports(now: datetime) -> list[bytes]:
    """Two weeks of 2-7 drones an hour over Belgorod up to the hour before `now`, with
    90 an hour for 3 hours from 8 hours before `now`: a backlog of live hours, which the
    detectors score (2 h grace) within the live horizon of the wall clock."""
    end = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    hours = 24 * 14
    rng = random.Random(3)
    values = [rng.choice([2, 3, 4, 5, 6, 7]) for _ in range(hours)]
    for h in range(hours - 7, hours - 4):
        values[h] = 90
    series = SimulatedSeries(values={"R000": values}, start=end - timedelta(hours=hours), events=[])
    return [orjson.dumps(r.raw) for r in
            reports_from_series(series, seed=1, region_map={"R000": "RU-BEL"}, relay_rate=0.2)]

pytestmark = [pytest.mark.integration, pytest.mark.prometheus]

N_REPORTS = 200


@dataclass
class Prometheus:
    url: str
    proc: subprocess.Popen[bytes]

    def get(self, path: str, **params: str) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        with urllib.request.urlopen(self.url + path + query, timeout=5) as resp:  # noqa: S310
            doc = json.loads(resp.read())
        assert doc["status"] == "success", doc
        return doc["data"]

    def query(self, expr: str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.get("/api/v1/query", query=expr)["result"]
        return result

    def value(self, expr: str) -> float | None:
        result = self.query(expr)
        return float(result[0]["value"][1]) if result else None

    def alert_states(self) -> dict[str, str]:
        return {a["labels"]["alertname"]: a["state"] for a in self.get("/api/v1/alerts")["alerts"]}

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/-/ready", timeout=2) as resp:  # noqa: S310
                return bool(resp.status == 200)
        except OSError:
            return False


def scrape_config(target: str) -> dict[str, Any]:
    """The deployment's config with the worker job pointed at `target`, 1 s cadence."""
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    (job,) = [j for j in config["scrape_configs"] if j["job_name"] == "strikestream"]
    job["static_configs"] = [{"targets": [target]}]
    return {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(p) for p in sorted((PROMETHEUS_DIR / "rules").glob("*.yml"))],
        "scrape_configs": [job],
    }


@pytest.fixture
def start_prometheus(tmp_path: Path) -> Iterator[Any]:
    binary = require("prometheus", "prometheus")
    procs: list[subprocess.Popen[bytes]] = []
    logs: list[IO[bytes]] = []

    def start(target: str) -> Prometheus:
        config = tmp_path / "prometheus.yml"
        config.write_text(yaml.safe_dump(scrape_config(target)))
        port = free_port()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        log = (ARTIFACTS / f"prometheus-{port}.log").open("wb")
        logs.append(log)
        proc = subprocess.Popen(
            [binary, f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'tsdb'}",
             f"--web.listen-address=127.0.0.1:{port}"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        procs.append(proc)
        prom = Prometheus(f"http://127.0.0.1:{port}", proc)
        wait_until(lambda: proc.poll() is not None or prom.ready(), timeout=60,
                   what="prometheus ready")
        assert proc.poll() is None, f"prometheus exited, see {log.name}"
        return prom

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(20)
    for log in logs:
        log.close()


def exposition_values(text: str, name: str) -> list[tuple[dict[str, str], float]]:
    return [(s.labels, s.value) for f in text_string_to_metric_families(text) for s in f.samples
            if s.name == name]


def exposition_samples(text: str, name: str) -> list[dict[str, str]]:
    return [s.labels for f in text_string_to_metric_families(text) for s in f.samples
            if s.name == name]


def test_prometheus_scrapes_worker_and_evaluates_rules(
    deployment: Deployment, start_prometheus: Any
) -> None:
    worker = deployment.start_worker()
    worker.wait_ready()
    prom: Prometheus = start_prometheus(f"127.0.0.1:{worker.port}")

    wait_until(lambda: prom.value('up{job="strikestream"}') == 1.0, timeout=60,
               what="worker scraped")
    # The counters exist at 0 before any report: the feed-silence alert is on its way.
    wait_until(lambda: prom.alert_states().get("StrikestreamFeedSilent") in {"pending", "firing"},
               timeout=60, what="StrikestreamFeedSilent pending on a silent feed")

    sims = simulate_reports(N_REPORTS, seed=7, start=datetime(2025, 6, 1, tzinfo=UTC))
    records = [orjson.dumps(s.raw) for s in sims]
    asyncio.run(produce(deployment.broker.bootstrap, deployment.topic(RAW_TOPIC), records))

    wait_until(lambda: prom.value("sum(strikestream_reports_total)") == float(N_REPORTS),
               timeout=120, what=f"{N_REPORTS} reports in Prometheus")
    wait_until(lambda: "StrikestreamFeedSilent" not in prom.alert_states(), timeout=60,
               what="StrikestreamFeedSilent cleared by reports")

    # What Prometheus stored is what the worker exposes.
    text = worker.get("/metrics")[1].decode()
    regions = exposition_samples(text, "strikestream_region_munitions")
    assert regions, "the simulated reports produced no region samples"
    wait_until(lambda: prom.value("count(strikestream_region_munitions)") == len(regions),
               timeout=30, what="region series in Prometheus")
    assert {r["window"] for r in regions} == {"1h", "6h", "24h", "7d"}
    build = prom.query("strikestream_build_info")
    assert [b["metric"]["version"] for b in build] == [__version__]
    wait_until(lambda: prom.query("strikestream:region_munitions_6d_daily:max"), timeout=30,
               what="recording rule over region series")
    # The worker process's memory and its collector pauses (the worker settles its
    # heap with a full collection at start: at least one generation-2 pause)
    pauses = exposition_values(text, "strikestream_gc_pause_seconds_count")
    assert {labels["generation"] for labels, _ in pauses} == {"0", "1", "2"}
    assert sum(v for labels, v in pauses if labels["generation"] == "2") >= 1, pauses
    rss = exposition_values(text, "process_resident_memory_bytes")
    assert len(rss) == 1 and 20e6 < rss[0][1] < 1e9, rss
    wait_until(lambda: (prom.value('process_resident_memory_bytes{job="strikestream"}') or 0) > 0,
               timeout=30, what="worker memory in Prometheus")
    # How far the fold and the detectors have got: the detectors score the simulated
    # hours (every claims partition closes them), so the stall alert's expression
    # stays under its 6 h
    kept = exposition_values(text, "strikestream_kept_claims")
    assert len(kept) == 1 and kept[0][1] > 0, kept
    parts = exposition_values(text, "strikestream_detector_partition_time_seconds")
    assert parts and all(v > datetime(2025, 6, 1, tzinfo=UTC).timestamp() for _, v in parts), parts
    wait_until(lambda: (gap := prom.value("max(strikestream_event_time_seconds"
                                          " - strikestream_detector_scored_before_seconds)")) is not None
               and 0 < gap < 6 * 3600,
               timeout=60, what="detectors scoring within 6 h of the folded event time")
    assert "StrikestreamDetectorsStalled" not in prom.alert_states()
    # one series per claims partition; every round of watermarks reaches every
    # partition, so nothing stays held behind one
    held = exposition_values(text, "strikestream_held_records")
    assert len(held) == len(parts), (held, parts)
    wait_until(lambda: prom.value('sum(strikestream_held_records{job="strikestream"})') == 0,
               timeout=60, what="no claims held behind a watermark")
    ahead = exposition_values(text, "strikestream_claims_partition_ahead")
    assert len(ahead) == len(parts), (ahead, parts)
    wait_until(lambda: prom.value('sum(strikestream_claims_partition_ahead{job="strikestream"})') == 0,
               timeout=60, what="no claims partition read ahead of a watermark")
    # The raw topic's lag (the feed's backlog), a series per partition, and through the
    # recording rule the lag alert reads: 0 once the reports are done
    raw = deployment.topic(RAW_TOPIC)
    wait_until(lambda: prom.value(f'count(strikestream_consumer_lag_messages{{topic="{raw}"}})')
               == float(deployment.raw_partitions)
               and prom.value(f'strikestream:consumer_lag_messages:max_by_topic{{topic="{raw}"}}') == 0.0,
               timeout=60, what="the raw topic's lag on every partition, 0")

    # Every rule evaluated at least once, none with an error.
    def rules_healthy() -> list[tuple[str, str, str]]:
        rules = [r for g in prom.get("/api/v1/rules")["groups"] for r in g["rules"]]
        bad = [(r["name"], r["health"], r.get("lastError", "")) for r in rules
               if r["health"] != "ok"]
        assert not [b for b in bad if b[1] == "err"], bad
        return [] if bad else [("all", "ok", "")]

    wait_until(rules_healthy, timeout=30, what="every rule evaluated")

    worker.kill()
    wait_until(lambda: prom.value('up{job="strikestream"}') == 0.0, timeout=30,
               what="up == 0 after SIGKILL")
    wait_until(lambda: prom.alert_states().get("StrikestreamWorkerDown") == "pending",
               timeout=30, what="StrikestreamWorkerDown pending")


@pytest.fixture
def ordered(broker: EmbeddedBroker, tmp_path: Path) -> Iterator[Deployment]:
    """One raw partition: the reports reach the detectors in publication order."""
    dep = Deployment.create(broker, tmp_path, tag="p", raw_partitions=1)
    yield dep
    dep.close()


def test_surge_opened_and_resolved_in_a_backlog_still_pages(
    ordered: Deployment, start_prometheus: Any
) -> None:
    """Two weeks of reports up to the last hour at once: event time runs through the
    Belgorod surge and past it within a few folds, so the detectors open and resolve its
    alert while Prometheus scrapes; the openings counter makes StrikestreamRegionSurge
    fire anyway, with the region and the app's severity, after the alert is resolved in
    the app. The same surge loaded as history (the reports of 2025) pages no one."""
    worker = ordered.start_worker()
    worker.wait_ready()
    prom: Prometheus = start_prometheus(f"127.0.0.1:{worker.port}")
    selector = 'sum(strikestream_alerts_opened_total{region="RU-BEL",kind="surge"})'
    wait_until(lambda: prom.value(selector) == 0.0, timeout=60, what="openings series at 0")
    text = worker.get("/metrics")[1].decode()
    assert not [ln for ln in text.splitlines() if "_created" in ln]

    lines = live_surge_reports(datetime.now(UTC))
    asyncio.run(produce(ordered.broker.bootstrap, ordered.topic(RAW_TOPIC), lines))

    def resolved() -> bool:
        alerts = worker.json("/api/alerts")["alerts"]
        surges = [a for a in alerts if a["region"] == "RU-BEL" and a["kind"] == "surge"]
        return bool(surges) and all(a["state"] == "resolved" for a in surges)

    wait_until(resolved, timeout=180, what="the Belgorod surge to open and resolve in the app")
    assert prom.value(f"max({selector})") is not None
    wait_until(lambda: prom.value(selector) == 1.0, timeout=30, what="one opening scraped")

    surge = next(a for a in worker.json("/api/alerts")["alerts"]
                 if a["region"] == "RU-BEL" and a["kind"] == "surge")

    def paged() -> bool:
        alerts = prom.get("/api/v1/alerts")["alerts"]
        return any(a["labels"]["alertname"] == "StrikestreamRegionSurge"
                   and a["labels"]["region"] == "RU-BEL" and a["state"] == "firing"
                   and a["labels"]["severity"] == surge["severity"] for a in alerts)

    wait_until(paged, timeout=30, what="StrikestreamRegionSurge firing for RU-BEL")
    # the app holds nothing open for it: the page comes from the openings counter
    assert prom.value('strikestream_open_alerts{region="RU-BEL",kind="surge"}') is None
    late = 'strikestream_detector_late_claims_total'
    late_before = prom.value(late)
    assert late_before is not None

    # The whole feed again (a redelivery, a redrive): duplicates are no late claims.
    asyncio.run(produce(ordered.broker.bootstrap, ordered.topic(RAW_TOPIC), lines))
    wait_until(lambda: worker.json("/healthz")["claims_applied"] >= 2 * len(lines), timeout=180,
               what="the redelivered reports folded")
    text = worker.get("/metrics")[1].decode()
    assert exposition_values(text, late) == [({}, late_before)]
    opened = [v for labels, v in exposition_values(text, "strikestream_alerts_opened_total")
              if labels["region"] == "RU-BEL" and labels["kind"] == "surge"]
    assert sorted(opened) == [0.0, 1.0]
    assert exposition_values(text, "strikestream_history_alerts_opened_total")


def test_surge_loaded_as_history_does_not_page(ordered: Deployment, start_prometheus: Any) -> None:
    """`make run` loads sample reports ~500 days old into a caught-up worker: their
    alerts are raised and resolved in the app, counted as history, and page no one."""
    worker = ordered.start_worker()
    worker.wait_ready()
    # the k8s liveness probe's endpoint: the process answers
    status, body = worker.get("/livez")
    assert (status, orjson.loads(body)) == (200, {"status": "alive"})
    prom: Prometheus = start_prometheus(f"127.0.0.1:{worker.port}")
    history = 'strikestream_history_alerts_opened_total{kind="surge"}'
    wait_until(lambda: prom.value(history) == 0.0, timeout=60, what="history series at 0")
    asyncio.run(produce(ordered.broker.bootstrap, ordered.topic(RAW_TOPIC), surge_reports()))
    wait_until(lambda: any(a["region"] == "RU-BEL" and a["kind"] == "surge"
                           for a in worker.json("/api/alerts")["alerts"]),
               timeout=180, what="the 2025 Belgorod surge raised in the app")
    wait_until(lambda: (prom.value(history) or 0) >= 1.0, timeout=30,
               what="its opening scraped as history")
    assert prom.value("sum(strikestream_alerts_opened_total)") == 0.0
    assert prom.value("sum(strikestream:alerts_opened:increase15m)") == 0.0
    assert "StrikestreamRegionSurge" not in prom.alert_states()
