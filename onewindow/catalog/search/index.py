"""The search index of current item versions.

SQLite: an FTS5 table with the trigram tokenizer holds name, keywords, pinyin and initials of
every current version, keyed by the version id (rowid). Triggers on the version table keep it in
step with every write (services, `update()`, bulk imports alike); `index_items` and
`index_rebuild` refresh it explicitly and repair drift. A narrow partial index of the current
rows serves the scans of queries too short for trigrams. A migration that rebuilds the version
table on SQLite (Django copies it for most AlterField operations) drops the triggers and that
index: such a migration must end with `RunPython` calling `install_search_schema` (a test fails
until it does; `manage.py catalog_reindex` repairs a database by hand).

PostgreSQL: pg_trgm GIN indexes over the current rows' name, keywords, pinyin and initials serve
LIKE and ILIKE '%…%' directly, a GIN index of their characters serves queries of one or two
characters; they maintain themselves, and the index functions are no-ops there.
"""

from collections.abc import Iterable

from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

FTS_TABLE = "catalog_itemsearch"
VERSION_TABLE = "catalog_serviceitemversion"
_CURRENT = "state = 'published' AND valid_to IS NULL AND NOT is_cancellation"
_FTS_COLUMNS = "rowid, name, keywords, pinyin, initials"
_VERSION_COLUMNS = "id, name, keywords, pinyin, pinyin_initials"
_CHUNK = 500

# Scans of the current rows (queries too short for trigrams, checks against the FTS matches) read
# this narrow partial index instead of the wide version rows, whose keywords sit past kilobytes
# of legal text in overflow pages.
SQLITE_SCAN_INDEX = "catalog_itemver_search"
SQLITE_TRIGGERS = ("catalog_itemsearch_insert", "catalog_itemsearch_update", "catalog_itemsearch_delete")
SQLITE_SCHEMA = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(name, keywords, pinyin, initials, tokenize = 'trigram')",
    f"""CREATE TRIGGER IF NOT EXISTS catalog_itemsearch_insert AFTER INSERT ON {VERSION_TABLE}
        WHEN new.state = 'published' AND new.valid_to IS NULL AND NOT new.is_cancellation
        BEGIN
            INSERT INTO {FTS_TABLE} ({_FTS_COLUMNS}) VALUES (new.id, new.name, new.keywords, new.pinyin, new.pinyin_initials);
        END""",
    f"""CREATE TRIGGER IF NOT EXISTS catalog_itemsearch_update
        AFTER UPDATE OF state, valid_to, is_cancellation, name, keywords, pinyin, pinyin_initials ON {VERSION_TABLE}
        BEGIN
            DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
            INSERT INTO {FTS_TABLE} ({_FTS_COLUMNS}) SELECT new.id, new.name, new.keywords, new.pinyin, new.pinyin_initials
            WHERE new.state = 'published' AND new.valid_to IS NULL AND NOT new.is_cancellation;
        END""",
    f"""CREATE TRIGGER IF NOT EXISTS catalog_itemsearch_delete AFTER DELETE ON {VERSION_TABLE}
        BEGIN
            DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
        END""",
    f"""CREATE INDEX IF NOT EXISTS {SQLITE_SCAN_INDEX} ON {VERSION_TABLE}
        (name, keywords, pinyin, pinyin_initials, service_item_id, category, audience, state, valid_to, is_cancellation)
        WHERE {_CURRENT}""",
)
SQLITE_TEARDOWN = (
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
    f"DROP INDEX IF EXISTS {SQLITE_SCAN_INDEX}",
)

# Each partial predicate is implied by every search query (they also exclude cancellations).
# fastupdate off: the catalog changes a few rows at a time, and a pending list of unindexed rows
# (until the next vacuum) would make every search scan it.
_PG_GIN = "WITH (fastupdate = off) WHERE state = 'published' AND valid_to IS NULL"
_PG_TRIGRAM_INDEXES = {
    "catalog_itemver_name_trgm": "name",
    "catalog_itemver_keywords_trgm": "keywords",
    "catalog_itemver_pinyin_trgm": "pinyin",
    "catalog_itemver_initials_trgm": "pinyin_initials",
}


def pg_characters(alias: str = "") -> str:
    """The characters of name and keywords (of table `alias`), as indexed for queries of one or
    two characters, which have no trigram: the index finds the rows holding all the query's
    characters, and LIKE checks those."""
    prefix = f"{alias}." if alias else ""
    return f"string_to_array(lower({prefix}name || ' ' || {prefix}keywords), NULL)"


POSTGRESQL_INDEXES = (*_PG_TRIGRAM_INDEXES, "catalog_itemver_chars")
POSTGRESQL_SCHEMA = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *(
        f"CREATE INDEX IF NOT EXISTS {name} ON {VERSION_TABLE} USING gin ({expression} gin_trgm_ops) {_PG_GIN}"
        for name, expression in _PG_TRIGRAM_INDEXES.items()
    ),
    f"CREATE INDEX IF NOT EXISTS catalog_itemver_chars ON {VERSION_TABLE} USING gin ({pg_characters()}) {_PG_GIN}",
)
# The extension stays: other schemas may use it, and dropping it needs more rights than creating.
POSTGRESQL_TEARDOWN = tuple(f"DROP INDEX IF EXISTS {name}" for name in POSTGRESQL_INDEXES)


def install_search_schema(connection: BaseDatabaseWrapper) -> None:
    """Create the index structures (idempotent) and, on SQLite, fill the FTS table."""
    statements = {"sqlite": SQLITE_SCHEMA, "postgresql": POSTGRESQL_SCHEMA}.get(connection.vendor, ())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    if connection.vendor == "sqlite":
        _rebuild(connection)


def remove_search_schema(connection: BaseDatabaseWrapper) -> None:
    """Drop what `install_search_schema` created (the pg_trgm extension stays)."""
    statements = {"sqlite": SQLITE_TEARDOWN, "postgresql": POSTGRESQL_TEARDOWN}.get(connection.vendor, ())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def missing_search_schema(connection: BaseDatabaseWrapper) -> list[str]:
    """Names of the index structures this database should have and lacks."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')")
            expected: tuple[str, ...] = (FTS_TABLE, *SQLITE_TRIGGERS, SQLITE_SCAN_INDEX)
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [VERSION_TABLE])
            expected = POSTGRESQL_INDEXES
        else:
            return []
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in expected if name not in present]


def _version_connection() -> BaseDatabaseWrapper:
    from onewindow.catalog.models import ServiceItemVersion

    return connections[router.db_for_write(ServiceItemVersion)]


def index_items(item_ids: Iterable[int]) -> None:
    """Refresh the index rows of these service items (after their current version changed)."""
    connection = _version_connection()
    if connection.vendor != "sqlite":
        return
    ids = sorted({int(item_id) for item_id in item_ids})
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            versions = f"SELECT id FROM {VERSION_TABLE} WHERE service_item_id IN ({marks})"
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({versions})", chunk)
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} ({_FTS_COLUMNS}) SELECT {_VERSION_COLUMNS} FROM {VERSION_TABLE} "
                f"WHERE service_item_id IN ({marks}) AND {_CURRENT}",
                chunk,
            )


def index_rebuild() -> int:
    """Rebuild the whole index from the current versions; returns how many rows it holds."""
    connection = _version_connection()
    if connection.vendor != "sqlite":
        return 0
    return _rebuild(connection)


def _rebuild(connection: BaseDatabaseWrapper) -> int:
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
        cursor.execute(f"INSERT INTO {FTS_TABLE} ({_FTS_COLUMNS}) SELECT {_VERSION_COLUMNS} FROM {VERSION_TABLE} WHERE {_CURRENT}")
        cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")
        cursor.execute(f"SELECT count(*) FROM {FTS_TABLE}")
        return int(cursor.fetchone()[0])
