"""Abstract base models shared by the domain apps."""

from django.db import models

from onewindow.common import time


class TimestampedModel(models.Model):
    """A row that knows when it was created and last changed (from the one clock)."""

    created_at = models.DateTimeField(default=time.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(default=time.now)

    class Meta:
        abstract = True
