"""Fixtures of the deadlines tests: a subject to time, and a registry that tests may add to."""

import pytest

from onewindow.deadlines import kinds


@pytest.fixture
def subject(department):
    """Any saved row can be timed; the tests time a department."""
    return department


@pytest.fixture
def registry(monkeypatch):
    """The kinds registry, restored after the test, with no handlers registered (the apps' own
    handlers, e.g. the cases app's, are put back afterwards)."""
    monkeypatch.setattr(kinds, "_KINDS", dict(kinds._KINDS))
    monkeypatch.setattr(kinds, "_HANDLERS", {})
    monkeypatch.setattr(kinds, "_BATCH_HANDLERS", {})
    monkeypatch.setattr(kinds, "_CHANGE_LISTENERS", [])
    return kinds
