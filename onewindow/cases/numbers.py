"""Case numbers: region code, date, six-digit sequence of the region's day — unique under concurrency.

The sequence lives in `CaseNumberSequence`, one row per region and day, incremented by an upsert.
Inside the filing's transaction that row stays locked until the commit, so every submission of
a county waits for the one before it to commit: the county's filings are serialised on it (see
docs/performance.md). On PostgreSQL the number is therefore taken, by default, in a transaction
of its own on a second connection (`CASE_NUMBERS_AUTONOMOUS`): the row is locked for one
statement only. A filing that fails after that leaves a gap in the day's sequence; numbers stay
unique and human-readable, which is what they must be (DESIGN.md § Cases). SQLite has a single
writer anyway, and the test settings keep the in-transaction form so tests roll it back.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from django.conf import settings
from django.db import connection

from onewindow.cases.models import CaseNumberSequence
from onewindow.common import time

_local = threading.local()


def next_number(region_code: str) -> str:
    """The next case number of the region today."""
    today = time.today()
    sequence = _take_on_own_connection(region_code, today) if _autonomous() else _upsert(connection, region_code, today)
    return f"{region_code}{today:%Y%m%d}{sequence:06d}"


_TABLE = CaseNumberSequence._meta.db_table
_UPSERT = (
    f"INSERT INTO {_TABLE} (region_code, day, last) VALUES (%s, %s, 1) "
    f"ON CONFLICT (region_code, day) DO UPDATE SET last = {_TABLE}.last + 1 RETURNING last"
)


def _autonomous() -> bool:
    return settings.CASE_NUMBERS_AUTONOMOUS and connection.vendor == "postgresql"


def _take_on_own_connection(region_code: str, day: dt.date) -> int:
    """One autocommitted upsert on this thread's second connection (opened on first use)."""
    import psycopg

    try:
        return _upsert(_own_connection(), region_code, day)
    except psycopg.OperationalError:  # the kept connection was lost (server restart, idle timeout): once more
        close_number_connection()
        return _upsert(_own_connection(), region_code, day)


def _upsert(own: Any, region_code: str, day: dt.date) -> int:
    with own.cursor() as cursor:
        cursor.execute(_UPSERT, [region_code, day])
        return int(cursor.fetchone()[0])


def _own_connection() -> Any:
    params = connection.get_connection_params()
    key = (params.get("dbname"), params.get("host"), params.get("port"))
    own = getattr(_local, "connection", None)
    if own is not None and (getattr(_local, "key", None) != key or own.closed):
        close_number_connection()
        own = None
    if own is None:
        import psycopg

        own = psycopg.connect(**params, autocommit=True)
        _local.connection, _local.key = own, key
    return own


def close_number_connection() -> None:
    """Close this thread's second connection, if any (a thread that ends closes it anyway)."""
    own = getattr(_local, "connection", None)
    _local.connection = None
    if own is not None:
        try:
            own.close()
        except Exception:  # noqa: BLE001 - a broken connection may fail to close; it is dropped either way
            pass
