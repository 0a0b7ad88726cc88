"""Fixtures for the deployment-config tests: the validator binaries."""

from __future__ import annotations

import pytest

from .deploy_helpers import require


@pytest.fixture(scope="session")
def promtool() -> str:
    return require("promtool", "prometheus")


@pytest.fixture(scope="session")
def amtool() -> str:
    return require("amtool", "prometheus-alertmanager")
