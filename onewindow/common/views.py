"""Cross-cutting views: the health check."""

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from onewindow.common import time


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        return False


def _task_queue() -> dict[str, object]:
    """The queue's state: reachable, and how many tasks wait and for how long."""
    from django.conf import settings

    backend = str(settings.TASKS["default"]["BACKEND"])
    if backend != "django_tasks_db.DatabaseBackend":
        return {"ok": True, "backend": backend.rsplit(".", 1)[-1]}
    try:
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(status="READY")
        oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        age = (time.now() - oldest).total_seconds() if oldest else 0
        return {"ok": True, "backend": "database", "waiting": waiting.count(), "oldest_waiting_seconds": round(age)}
    except Exception:  # noqa: BLE001
        return {"ok": False, "backend": "database"}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """`{"status": "ok", ...}` when the database and the task queue answer; 503 otherwise."""
    database = _database_ok()
    tasks = _task_queue() if database else {"ok": False}
    healthy = database and bool(tasks.get("ok"))
    body = {
        "status": "ok" if healthy else "error",
        "database": "ok" if database else "error",
        "tasks": tasks,
        "time": time.now().isoformat(),
    }
    return JsonResponse(body, status=200 if healthy else 503)
