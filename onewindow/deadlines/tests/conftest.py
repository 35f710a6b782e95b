"""Fixtures of the deadlines tests: a subject to time, and a registry that tests may add to."""

import pytest

from onewindow.deadlines import kinds


@pytest.fixture
def subject(department):
    """Any saved row can be timed; the tests time a department."""
    return department


@pytest.fixture
def registry(monkeypatch):
    """The kinds and handlers registry, restored after the test."""
    monkeypatch.setattr(kinds, "_KINDS", dict(kinds._KINDS))
    monkeypatch.setattr(kinds, "_HANDLERS", {key: list(value) for key, value in kinds._HANDLERS.items()})
    return kinds
