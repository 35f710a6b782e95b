"""Background tasks of the notifications app."""

from django_tasks import task

from onewindow.notifications.services import notifications_send_all


@task(queue_name="notifications")
def send_notifications() -> dict[str, int]:
    """Deliver the pending notifications (enqueued when a transaction that queued some commits)."""
    return notifications_send_all()
