"""System checks of what Chinese search needs from PostgreSQL.

pg_trgm splits text into trigrams of "word" characters, and which characters are word
characters comes from the database's LC_CTYPE: under C or POSIX no Chinese character is one, so
the trigram indexes see nothing and every Chinese search finds nothing. Tagged `database`, these
checks run where Django checks databases (`migrate`, `check --database default`).
"""

from collections.abc import Iterable
from typing import Any

from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.db import DatabaseError, connections

CREATE_DATABASE_HINT = (
    "Create the database with a UTF-8 character type, e.g. "
    "createdb --template=template0 --encoding=UTF8 --lc-collate=C.UTF-8 --lc-ctype=C.UTF-8 onewindow "
    "(LC_CTYPE cannot be changed later: dump, recreate and restore an existing database)."
)


@register(Tags.database)
def check_postgresql_search(app_configs: Any = None, databases: Iterable[str] | None = None, **kwargs: Any) -> list[CheckMessage]:
    """catalog.E001: the database's LC_CTYPE is not UTF-8; catalog.W001: pg_trgm is not installed."""
    messages: list[CheckMessage] = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        try:
            ctype, has_trigrams = _ctype_and_pg_trgm(connection)
        except DatabaseError:
            continue  # unreachable: connecting fails loudly elsewhere, this check has nothing to say
        messages += _messages(alias, ctype, has_trigrams)
    return messages


def _ctype_and_pg_trgm(connection: Any) -> tuple[str, bool]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
        ctype = cursor.fetchone()[0]
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return ctype, cursor.fetchone() is not None


def _messages(alias: str, ctype: str, has_trigrams: bool) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    if not is_utf8_ctype(ctype):
        messages.append(
            Error(
                f"Database '{alias}' has LC_CTYPE '{ctype}': pg_trgm sees no trigrams in Chinese text, so item search finds nothing.",
                hint=CREATE_DATABASE_HINT,
                id="catalog.E001",
            )
        )
    if not has_trigrams:
        messages.append(
            Warning(
                f"Database '{alias}' lacks the pg_trgm extension that item search indexes use.",
                hint="Run `manage.py migrate` (catalog.0002_search creates it) as a role allowed to create extensions, "
                "or have a superuser run: CREATE EXTENSION pg_trgm;",
                id="catalog.W001",
            )
        )
    return messages


def is_utf8_ctype(ctype: str) -> bool:
    """`C.UTF-8`, `zh_CN.utf8`, `en_US.UTF-8` … but not `C`, `POSIX` or `zh_CN.GB18030`."""
    encoding = ctype.rpartition(".")[2].split("@")[0]
    return encoding.replace("-", "").lower() == "utf8"
