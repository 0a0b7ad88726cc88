"""The one frozen settings object, read from `STREAM_*` environment variables at the edge.

Pure modules never read settings; the CLI and the Faust wiring pass plain values down.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

RAW_TOPIC = "strikes.raw.v1"
CLAIMS_TOPIC = "strikes.claims.v1"
ALERTS_TOPIC = "strikes.alerts.v1"
DLQ_TOPIC = "strikes.dlq.v1"


class Settings(BaseSettings):
    """Every knob of the service. CLI help shows the matching `[env: STREAM_X]`."""

    model_config = SettingsConfigDict(env_prefix="STREAM_", frozen=True, extra="ignore")

    broker: str | None = Field(
        default=None,
        description="Kafka bootstrap servers (host:port[,host:port]); unset = embedded broker",
    )
    broker_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = (
        "PLAINTEXT"
    )
    broker_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "SCRAM-SHA-512"
    broker_sasl_username: str | None = None
    broker_sasl_password: str | None = None
    broker_ssl_cafile: Path | None = None
    broker_ssl_certfile: Path | None = None
    broker_ssl_keyfile: Path | None = None
    app_id: str = Field(default="strikestream", description="Faust app id = consumer group")
    topic_prefix: str = Field(default="", description="prefix for every topic (test isolation)")
    raw_partitions: int = Field(default=4, ge=1)
    claims_partitions: int = Field(
        default=4, ge=1,
        description="partitions of the claims topic when created (every worker reads them all; "
                    "each normalize batch and watermark round writes a record batch to each)")
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=6066, ge=0, le=65535)
    data_dir: Path = Field(default=Path("data"), description="Faust table data directory")
    lateness_hours: float = Field(default=24 * 7, gt=0, description="allowed claim lateness")
    detect_grace_minutes: float = Field(
        default=120, ge=0, description="an hour is scored once the watermark passes its end + grace")
    normalize_processes: int = Field(
        default=1, ge=0, le=64,
        description="child processes that normalize raw reports (0: in the worker process)")
    normalize_chunk: int = Field(
        default=250, ge=1, le=10_000,
        description="raw records per task sent to a normalizer child (each a round trip "
                    "through the worker's helper threads)")
    normalize_in_flight: int = Field(
        default=2, ge=1, le=8,
        description="normalize batches in flight at once (2: more throughput on a backlog, "
                    "more, smaller produce requests on a steady feed)")
    watermark_interval_ms: float = Field(
        default=100, ge=0,
        description="at most one round of watermark records per interval (a backlog crosses "
                    "many event-time hours a second)")
    session_timeout_s: float = Field(default=6.0, gt=0)
    heartbeat_interval_s: float = Field(default=1.0, gt=0)
    alerts_kept: int = Field(
        default=500, ge=10, le=1000,
        description="alerts the API and dashboard serve: every open one and the newest resolved "
                    "ones up to this many in all (the alerts topic keeps the full history)")
    alert_live_hours: float = Field(
        default=12, gt=0,
        description="an alert about an hour further behind the wall clock than this is history "
                    "(a replay, a backfill): counted apart and never paged")
    api_token: str | None = Field(default=None, description="bearer token for API/dashboard")
    cors_origins: str = Field(default="", description="comma-separated allowed CORS origins")
    log_level: Literal["debug", "info", "warning", "error"] = "info"

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    @property
    def detect_grace(self) -> timedelta:
        return timedelta(minutes=self.detect_grace_minutes)

    @property
    def alert_live_horizon(self) -> timedelta:
        return timedelta(hours=self.alert_live_hours)

    @property
    def lateness(self) -> timedelta:
        return timedelta(hours=self.lateness_hours)


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
