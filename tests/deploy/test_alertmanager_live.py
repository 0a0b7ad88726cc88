"""The Alertmanager config in a real Alertmanager on loopback: which alerts the
inhibition rules suppress, and how alerts are grouped (by region)."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .deploy_helpers import DEPLOY, require

pytestmark = pytest.mark.prometheus

CONFIG = DEPLOY / "alertmanager" / "alertmanager.yml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Alertmanager:
    def __init__(self, url: str) -> None:
        self.url = url

    def call(self, path: str, body: object | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(  # noqa: S310 - loopback URL built above
            self.url + path, data=data, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=5) as resp:  # noqa: S310
            payload = resp.read()
            if resp.headers.get_content_type() != "application/json":
                return payload.decode()
        return json.loads(payload) if payload else None

    def post(self, *label_sets: dict[str, str]) -> None:
        self.call("/api/v2/alerts", [{"labels": labels} for labels in label_sets])

    def states(self) -> dict[str, str]:
        """alertname/region/instance -> active | suppressed, once Alertmanager has
        processed the posted alerts (it files them asynchronously)."""
        deadline = time.monotonic() + 10
        last = self._states()
        while time.monotonic() < deadline:
            time.sleep(0.2)
            now = self._states()
            if now == last and "unprocessed" not in now.values():
                return now
            last = now
        return last

    def _states(self) -> dict[str, str]:
        out = {}
        for alert in self.call("/api/v2/alerts"):
            labels = alert["labels"]
            key = "/".join(
                labels.get(k, "-") for k in ("alertname", "region", "instance")
            )
            out[key] = alert["status"]["state"]
        return out


@pytest.fixture
def alertmanager(tmp_path: Path) -> Iterator[Alertmanager]:
    binary = require("prometheus-alertmanager", "prometheus-alertmanager")
    port = free_port()
    log = (tmp_path / "alertmanager.log").open("wb")
    proc = subprocess.Popen(
        [
            binary,
            f"--config.file={CONFIG}",
            f"--storage.path={tmp_path}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",  # no HA gossip port
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    am = Alertmanager(f"http://127.0.0.1:{port}")
    try:
        for _ in range(100):
            try:
                if am.call("/-/ready") == "OK":
                    break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None:
                    break
                time.sleep(0.2)
        else:
            pytest.fail("alertmanager did not become ready")
        assert proc.poll() is None, (tmp_path / "alertmanager.log").read_text()
        yield am
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


SURGE = {"alertname": "StrikestreamRegionSurge", "scope": "region", "severity": "critical",
         "region": "UA-63", "kind": "surge"}
RISE_63 = {"alertname": "StrikestreamRegionSustainedRise", "scope": "region",
           "severity": "warning", "region": "UA-63", "kind": "sustained_rise"}
SILENT_12 = {"alertname": "StrikestreamRegionSilent", "scope": "region", "severity": "warning",
             "region": "UA-12", "kind": "silence"}
FEED = {"alertname": "StrikestreamFeedSilent", "scope": "feed", "severity": "critical"}
DOWN_2 = {"alertname": "StrikestreamWorkerDown", "scope": "pipeline", "severity": "critical",
          "job": "strikestream", "instance": "worker-2:6066"}
LAG_1 = {"alertname": "StrikestreamScrapeSnapshotFailing", "scope": "pipeline",
         "severity": "warning", "instance": "worker-1:6066", "collector": "region"}
LAG_2 = {**LAG_1, "instance": "worker-2:6066"}


def test_without_feed_outage_only_same_region_warnings_are_muted(
    alertmanager: Alertmanager,
) -> None:
    alertmanager.post(SURGE, RISE_63, SILENT_12, DOWN_2, LAG_1, LAG_2)
    assert alertmanager.states() == {
        "StrikestreamRegionSurge/UA-63/-": "active",
        # A page about UA-63 mutes the warning about UA-63 ...
        "StrikestreamRegionSustainedRise/UA-63/-": "suppressed",
        # ... but not a warning about another region.
        "StrikestreamRegionSilent/UA-12/-": "active",
        "StrikestreamWorkerDown/-/worker-2:6066": "active",
        "StrikestreamScrapeSnapshotFailing/-/worker-1:6066": "active",
        # The down worker's own symptoms are muted.
        "StrikestreamScrapeSnapshotFailing/-/worker-2:6066": "suppressed",
    }


def test_feed_outage_mutes_every_regional_alert(alertmanager: Alertmanager) -> None:
    alertmanager.post(FEED, SURGE, RISE_63, SILENT_12, DOWN_2)
    assert alertmanager.states() == {
        "StrikestreamFeedSilent/-/-": "active",
        "StrikestreamRegionSurge/UA-63/-": "suppressed",
        "StrikestreamRegionSustainedRise/UA-63/-": "suppressed",
        "StrikestreamRegionSilent/UA-12/-": "suppressed",
        "StrikestreamWorkerDown/-/worker-2:6066": "active",
    }


def test_regional_alerts_grouped_by_region(alertmanager: Alertmanager) -> None:
    warning_63 = {**RISE_63, "alertname": "StrikestreamRegionMunitionsAboveBaseline"}
    alertmanager.post(SURGE, {**SURGE, "alertname": "StrikestreamMassAttack"}, warning_63,
                      SILENT_12)
    expected = {
        ("pager", '{"region": "UA-63"}'): ["StrikestreamMassAttack", "StrikestreamRegionSurge"],
        ("webhook", '{"region": "UA-63"}'): ["StrikestreamRegionMunitionsAboveBaseline"],
        ("webhook", '{"region": "UA-12"}'): ["StrikestreamRegionSilent"],
    }
    # Alertmanager files posted alerts into groups asynchronously: poll briefly.
    deadline = time.monotonic() + 10
    while True:
        groups = {
            (g["receiver"]["name"], json.dumps(g["labels"], sort_keys=True)):
                sorted(a["labels"]["alertname"] for a in g["alerts"])
            for g in alertmanager.call("/api/v2/alerts/groups")
        }
        if groups == expected or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert groups == expected
