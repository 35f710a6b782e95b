"""The ranking statement of `search_items`, written out as SQL.

Built by hand rather than through the ORM: a search is a few milliseconds of database work, and
compiling the same statement from dozens of Case/When expressions cost more than running it.
Every value travels as a parameter; LIKE patterns are escaped here.

The statement selects (version id, tier, matched fraction) of the current versions that pass the
filters and are candidates, best first. Its inner query computes each row's match facts once;
the outer one combines them into the tier and orders.
"""

from dataclasses import dataclass, field
from typing import Any

from onewindow.catalog.choices import Audience
from onewindow.catalog.models import ServiceItem, ServiceItemVersion, Synonym, Theme
from onewindow.catalog.search.index import FTS_TABLE, pg_characters
from onewindow.catalog.search.query import MIN_INDEXED_LENGTH, ParsedQuery
from onewindow.catalog.search.tiers import Tier
from onewindow.orgs.models import Department, Region

Fragment = tuple[str, tuple[object, ...]]  # SQL and its parameters

# Literal, so that the planners see it implies the partial indexes' predicate.
CURRENT = "v.state = 'published' AND v.valid_to IS NULL AND NOT v.is_cancellation"


@dataclass(frozen=True)
class Filters:
    """What the citizen narrowed the search to."""

    region: Region | None = None
    department: Department | int | None = None
    category: str | None = None
    theme: Theme | str | None = None
    audience: str | None = None

    @property
    def any(self) -> bool:
        return any(value not in (None, "") for value in (self.region, self.department, self.category, self.theme, self.audience))


@dataclass
class Statement:
    """SQL text pieces and their parameters, in order."""

    sql: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)  # what the database driver adapts

    def add(self, sql: str, *params: object) -> None:
        self.sql.append(sql)
        self.params.extend(params)

    def text(self) -> str:
        return " ".join(self.sql)


def escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class Columns:
    """How text columns are compared on a backend, ignoring case.

    SQLite's LIKE ignores ASCII case by itself. PostgreSQL's does not: a value with letters that
    have case is compared with ILIKE, other values (Chinese) with the cheaper LIKE; pg_trgm
    indexes serve both. Neither lowercases the column, which would cost a call a row.
    """

    name = "v.name"
    keywords = "v.keywords"

    def __init__(self, vendor: str) -> None:
        self.sqlite = vendor == "sqlite"

    def like(self, column: str, pattern: str) -> Fragment:
        if self.sqlite:  # SQLite has no escape character unless told; backslash is PostgreSQL's default
            return f"{column} LIKE %s ESCAPE '\\'", (pattern,)
        operator = "ILIKE" if pattern.lower() != pattern.upper() else "LIKE"
        return f"{column} {operator} %s", (pattern,)

    def contains(self, column: str, value: str) -> Fragment:
        return self.like(column, f"%{escape_like(value)}%")

    def startswith(self, column: str, value: str) -> Fragment:
        return self.like(column, f"{escape_like(value)}%")

    def equals(self, column: str, value: str) -> Fragment:
        return self.like(column, escape_like(value))


def ranking_statement(parsed: ParsedQuery, filters: Filters, synonym_item_ids: list[int], vendor: str, limit: int) -> Statement:
    """(id, tier, fraction) of the matching current versions, best first, at most `limit`.

    Three levels: `facts` computes each candidate's matches once; `ranked` turns them into the
    tier and fraction; the top joins the items for their codes, which break the last ties.
    """
    columns = Columns(vendor)
    selected = [
        ("v.id AS id, v.service_item_id AS service_item_id, length(v.name) AS name_length", ()),
        _base_tier(columns, parsed, synonym_item_ids),
        *_hits(columns, parsed),
    ]
    facts = Statement()
    facts.add("SELECT " + ", ".join(sql for sql, _ in selected), *(param for _, params in selected for param in params))
    facts.add(f"FROM {ServiceItemVersion._meta.db_table} v WHERE {CURRENT}")
    _add_filters(facts, filters)
    candidates, params = _candidates(columns, parsed, synonym_item_ids)
    facts.add(f"AND ({candidates})", *params)
    # A limit (SQLite) or offset (PostgreSQL) keeps the planners from folding this query into the
    # next one, which would count the trigram hits again for each use.
    facts.add("LIMIT -1" if columns.sqlite else "OFFSET 0")

    ranked = Statement()
    ranked.add(
        "SELECT id, service_item_id, name_length, "
        "CASE WHEN base_tier > 0 THEN base_tier WHEN name_hits > 0 THEN %s WHEN keyword_hits > 0 THEN %s ELSE 0 END AS tier,",
        int(Tier.PARTIAL_NAME),
        int(Tier.PARTIAL_KEYWORDS),
    )
    if parsed.trigrams:  # the name's hits count double
        ranked.add("(2.0 * name_hits + keyword_hits) / %s AS fraction", 3.0 * len(parsed.trigrams))
    else:
        ranked.add("1.0 AS fraction")
    ranked.add(f"FROM ({facts.text()}) facts", *facts.params)
    if not columns.sqlite:
        # Only the rows that can make the page meet the items' table: joining thousands of
        # candidates of a one-character query one by one cost more than ranking them.
        ranked.add("ORDER BY tier DESC, fraction DESC, name_length FETCH FIRST %s ROWS WITH TIES", limit)

    statement = Statement()
    statement.add(f"SELECT ranked.id, tier, fraction FROM ({ranked.text()}) ranked", *ranked.params)
    statement.add(f"JOIN {ServiceItem._meta.db_table} s ON s.id = ranked.service_item_id")
    statement.add("ORDER BY tier DESC, fraction DESC, name_length, s.implementation_code, ranked.id LIMIT %s", limit)
    return statement


def browse_statement(filters: Filters, limit: int) -> Statement:
    """(id, 0, 0.0) of the filtered current versions by name."""
    statement = Statement()
    statement.add("SELECT v.id, 0, 0.0")
    statement.add(f"FROM {ServiceItemVersion._meta.db_table} v JOIN {ServiceItem._meta.db_table} s ON s.id = v.service_item_id")
    statement.add(f"WHERE {CURRENT}")
    _add_filters(statement, filters)
    statement.add("ORDER BY v.name, s.implementation_code, v.id LIMIT %s", limit)
    return statement


def synonym_statement(text: str, ancestor_codes: list[str], region_prefix: str | None, vendor: str) -> Statement:
    """Ids of the items of the synonyms that the query contains or, from two characters, that
    contain the query; of the region (by its code prefix), below it and above it when given.

    Phrases are compared as the query is: lowercase and, Chinese having no spaces, without them.
    """
    phrase = "replace(lower(y.phrase), ' ', '')"
    position = "instr(%s, {phrase})" if vendor == "sqlite" else "strpos(%s, {phrase})"
    links = Synonym.items.through._meta
    item_column, synonym_column = links.get_field("serviceitem").column, links.get_field("synonym").column
    statement = Statement()
    statement.add(f"SELECT DISTINCT l.{item_column} FROM {links.db_table} l JOIN {Synonym._meta.db_table} y ON y.id = l.{synonym_column}")
    statement.add(f"WHERE {phrase} <> '' AND ({position.format(phrase=phrase)} > 0", text)
    if len(text) >= 2:
        statement.add(f"OR {phrase} LIKE %s ESCAPE '\\'", f"%{escape_like(text)}%")
    statement.add(")")
    if region_prefix is not None:
        codes = ", ".join(["%s"] * len(ancestor_codes)) or "NULL"
        statement.add(
            f"AND y.region_id IN (SELECT r.id FROM {Region._meta.db_table} r WHERE r.code LIKE %s ESCAPE '\\' OR r.code IN ({codes}))",
            escape_like(region_prefix) + "%",
            *ancestor_codes,
        )
    statement.add(f"ORDER BY l.{item_column}")
    return statement


def _base_tier(columns: Columns, parsed: ParsedQuery, synonym_item_ids: list[int]) -> Fragment:
    """The best whole-query match of the row, as a tier (0 for none)."""
    text = parsed.text
    cases = [
        (columns.equals(columns.name, text), Tier.NAME_EXACT),
        (columns.startswith(columns.name, text), Tier.NAME_PREFIX),
        (columns.contains(columns.name, text), Tier.NAME_CONTAINS),
    ]
    if synonym_item_ids:
        cases.append((_synonym_condition(synonym_item_ids), Tier.SYNONYM))
    cases.append((columns.contains(columns.keywords, text), Tier.KEYWORDS))
    if parsed.pinyin:
        cases += [
            (columns.startswith("v.pinyin", parsed.pinyin), Tier.PINYIN_PREFIX),
            (columns.startswith("v.pinyin_initials", parsed.pinyin), Tier.INITIALS_PREFIX),
        ]
        if len(parsed.pinyin) >= MIN_INDEXED_LENGTH:  # shorter pieces occur inside most spellings
            cases.append((columns.contains("v.pinyin", parsed.pinyin), Tier.PINYIN_CONTAINS))
    sql = "CASE " + " ".join(f"WHEN {condition} THEN %s" for (condition, _), _ in cases) + " ELSE 0 END AS base_tier"
    return sql, tuple(param for (_, params), tier in cases for param in (*params, int(tier)))


def _hits(columns: Columns, parsed: ParsedQuery) -> list[Fragment]:
    """How many of the query's trigrams name and keywords contain (for partial matches)."""
    if not parsed.trigrams:
        return [("0 AS name_hits, 0 AS keyword_hits", ())]
    fragments = []
    for column, alias in ((columns.name, "name_hits"), (columns.keywords, "keyword_hits")):
        terms = [columns.contains(column, trigram) for trigram in parsed.trigrams]
        sql = "(" + " + ".join(f"CASE WHEN {condition} THEN 1 ELSE 0 END" for condition, _ in terms) + f") AS {alias}"
        fragments.append((sql, tuple(param for _, params in terms for param in params)))
    return fragments


def _candidates(columns: Columns, parsed: ParsedQuery, synonym_item_ids: list[int]) -> Fragment:
    """The rows worth ranking: any match of the whole query, its pinyin, one of its trigrams, or a synonym."""
    conditions = _candidate_conditions(columns, parsed)
    if synonym_item_ids:
        conditions.append(_synonym_condition(synonym_item_ids))
    params = tuple(param for _, condition_params in conditions for param in condition_params)
    if columns.sqlite or len(conditions) == 1:
        return " OR ".join(sql for sql, _ in conditions), params
    # PostgreSQL prices LIKE on Chinese text far below its cost: given the conditions OR'ed in
    # one WHERE it tends to scan every current row. One indexed lookup per condition instead.
    table = ServiceItemVersion._meta.db_table
    lookups = " UNION ALL ".join(f"SELECT v.id FROM {table} v WHERE {CURRENT} AND {sql}" for sql, _ in conditions)
    return f"v.id IN ({lookups})", params


def _candidate_conditions(columns: Columns, parsed: ParsedQuery) -> list[Fragment]:
    if columns.sqlite and not parsed.is_short:
        # The unary + keeps SQLite from fetching the FTS matches one by one from the wide
        # version rows: it scans the narrow covering index of the current rows and checks each.
        return [(f"+v.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)", (fts_query(parsed),))]
    conditions = _text_conditions(columns, parsed)
    if parsed.pinyin:
        conditions += [columns.startswith("v.pinyin", parsed.pinyin), columns.startswith("v.pinyin_initials", parsed.pinyin)]
        if len(parsed.pinyin) >= MIN_INDEXED_LENGTH:
            conditions.append(columns.contains("v.pinyin", parsed.pinyin))
    for trigram in parsed.trigrams:
        conditions += [columns.contains(columns.name, trigram), columns.contains(columns.keywords, trigram)]
    return conditions


def _text_conditions(columns: Columns, parsed: ParsedQuery) -> list[Fragment]:
    """Name or keywords contain the query. On PostgreSQL a short query, which no trigram index
    serves, first narrows the rows by the index of their characters."""
    name, keywords = columns.contains(columns.name, parsed.text), columns.contains(columns.keywords, parsed.text)
    if columns.sqlite or not parsed.is_short:
        return [name, keywords]
    characters = sorted(set(parsed.text))
    return [(f"{pg_characters('v')} @> %s::text[] AND ({name[0]} OR {keywords[0]})", (characters, *name[1], *keywords[1]))]


def _synonym_condition(synonym_item_ids: list[int]) -> Fragment:
    return "v.service_item_id IN (" + ", ".join(["%s"] * len(synonym_item_ids)) + ")", tuple(synonym_item_ids)


def _add_filters(statement: Statement, filters: Filters) -> None:
    items = ServiceItem._meta.db_table
    if filters.region is not None:
        statement.add(
            f"AND v.service_item_id IN (SELECT si.id FROM {items} si JOIN {Department._meta.db_table} d ON d.id = si.department_id "
            f"JOIN {Region._meta.db_table} r ON r.id = d.region_id WHERE r.code LIKE %s ESCAPE '\\')",
            escape_like(filters.region.prefix) + "%",
        )
    if filters.department not in (None, ""):
        statement.add(
            f"AND v.service_item_id IN (SELECT si.id FROM {items} si WHERE si.department_id = %s)",
            getattr(filters.department, "pk", filters.department),
        )
    if filters.category:
        statement.add("AND v.category = %s", filters.category)
    if filters.theme:
        through = ServiceItemVersion.themes.through._meta
        version_column = through.get_field("serviceitemversion").column
        theme_column = through.get_field("theme").column
        statement.add(
            f"AND v.id IN (SELECT t.{version_column} FROM {through.db_table} t JOIN {Theme._meta.db_table} th ON th.id = t.{theme_column} "
            "WHERE th.code = %s)",
            getattr(filters.theme, "code", filters.theme),
        )
    if filters.audience:
        statement.add("AND v.audience IN (%s, %s)", filters.audience, Audience.BOTH.value)


def fts_query(parsed: ParsedQuery) -> str:
    """An FTS5 query: any of the phrases, each quoted so nothing in it is FTS syntax."""
    phrases = [parsed.text, parsed.pinyin, *parsed.trigrams]
    quoted = dict.fromkeys('"' + phrase.replace('"', '""') + '"' for phrase in phrases if len(phrase) >= MIN_INDEXED_LENGTH)
    return " OR ".join(quoted)
