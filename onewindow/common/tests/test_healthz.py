"""GET /healthz: 200 `{"status": "ok", ...}` while the database and task queue answer, 503 otherwise."""

import datetime as dt

import pytest
import time_machine
from django.db.utils import OperationalError

from onewindow.common import views
from onewindow.common.time import LOCAL_TZ

HEALTHZ = "/healthz"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db
def test_healthy(client):
    response = client.get(HEALTHZ)

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["tasks"] == {"ok": True, "backend": "ImmediateBackend"}  # the test settings' backend
    assert "time" in body


@pytest.mark.django_db
def test_needs_no_login_and_is_never_cached(client):
    response = client.get(HEALTHZ)

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_only_get(client):
    assert client.post(HEALTHZ).status_code == 405


class _BrokenConnection:
    """A database connection whose every query fails, as when PostgreSQL is down."""

    def cursor(self):
        raise OperationalError("connection refused")


@pytest.mark.django_db
def test_database_failure_answers_503(client, monkeypatch):
    monkeypatch.setattr(views, "connection", _BrokenConnection())

    response = client.get(HEALTHZ)

    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "error"
    assert body["database"] == "error"
    assert body["tasks"] == {"ok": False}


@pytest.mark.django_db
def test_database_task_queue_reports_waiting_tasks(client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    start = dt.datetime(2025, 3, 3, 9, 0, tzinfo=LOCAL_TZ)
    with time_machine.travel(start, tick=False):
        DBTaskResult.objects.create(
            task_path="onewindow.example.task",
            args_kwargs={"args": [], "kwargs": {}},
            backend_name="default",
            run_after=start,
            exception_class_path="",
            traceback="",
        )
    with time_machine.travel(start + dt.timedelta(seconds=90), tick=False):
        response = client.get(HEALTHZ)

    assert response.status_code == 200
    assert response.json()["tasks"] == {"ok": True, "backend": "database", "waiting": 1, "oldest_waiting_seconds": 90}


@pytest.mark.django_db
def test_unreadable_task_queue_answers_503(client, settings, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS

    def broken(*args, **kwargs):
        raise OperationalError("no such table: django_tasks_database_dbtaskresult")

    monkeypatch.setattr(DBTaskResult.objects, "filter", broken)

    response = client.get(HEALTHZ)

    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["tasks"] == {"ok": False, "backend": "database"}
