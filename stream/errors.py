"""One exception tree for strikestream. Errors name the place: topic[partition]@offset, field, value."""

from __future__ import annotations


class StrikestreamError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(StrikestreamError):
    """A setting is missing or wrong."""


class BrokerError(StrikestreamError):
    """The embedded broker could not be started or reached."""


class InputError(StrikestreamError):
    """A record could not be decoded or validated; carries the DLQ reason."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class ReplayError(StrikestreamError):
    """A replay range is invalid (offset past the end, unknown topic)."""
