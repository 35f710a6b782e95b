"""`search_items`: the current service items for what a citizen typed, best first.

Three queries whatever the number of items: the synonyms' items, the ranking (in the database,
bounded by the limit), the winners' rows. Candidates of a query of three or more characters come
from trigram indexes (SQLite: the FTS5 table; PostgreSQL: pg_trgm GIN indexes under LIKE);
those of a shorter one, which has no trigram, from a scan of the narrow covering index of the
current rows (SQLite) or from the index of the characters of name and keywords (PostgreSQL).
"""

from dataclasses import dataclass

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.safestring import SafeString

from onewindow.catalog.models import ServiceItem, ServiceItemVersion, Theme
from onewindow.catalog.search.highlight import highlight_parsed
from onewindow.catalog.search.query import ParsedQuery, parse_query
from onewindow.catalog.search.sql import Filters, Statement, browse_statement, ranking_statement, synonym_statement
from onewindow.catalog.search.tiers import MATCHED_BY_TIER, Matched, Tier
from onewindow.orgs.choices import PREFIX_LENGTH, RegionLevel
from onewindow.orgs.models import Department, Region

MAX_LIMIT = 500


@dataclass(frozen=True)
class SearchHit:
    """One found item: the item, its current version, how well and by what it matched."""

    item: ServiceItem
    version: ServiceItemVersion
    score: float
    name_html: SafeString
    matched: Matched


def search_items(
    *,
    query: str,
    region: Region | None = None,
    department: Department | int | None = None,
    category: str | None = None,
    theme: Theme | str | None = None,
    audience: str | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    """Current service items matching `query` within the filters, best first.

    Filters: `region` (items of departments in the region or below), `department`, `category`
    (PowerCategory), `theme` (a Theme or its code), `audience` (an item for both audiences counts
    for each). An empty query lists the filtered items by name; with no filter either, none.
    """
    parsed = parse_query(query)
    filters = Filters(region=region, department=department, category=category, theme=theme, audience=audience)
    limit = max(1, min(int(limit), MAX_LIMIT))
    if not parsed.is_empty:
        synonym_item_ids = _synonym_item_ids(parsed.text, region)
        statement = ranking_statement(parsed, filters, synonym_item_ids, _connection().vendor, limit)
    elif filters.any:
        statement = browse_statement(filters, limit)
    else:
        return []
    rows = [row for row in _fetch(statement) if parsed.is_empty or row[1] != Tier.NONE]
    return _hits(rows, parsed)


def _connection() -> BaseDatabaseWrapper:
    return connections[router.db_for_read(ServiceItemVersion)]


def _fetch(statement: Statement) -> list[tuple[int, int, float]]:
    with _connection().cursor() as cursor:
        cursor.execute(statement.text(), statement.params)
        return [(int(row[0]), int(row[1]), float(row[2])) for row in cursor.fetchall()]


def _synonym_item_ids(text: str, region: Region | None) -> list[int]:
    """Items of the synonyms the query contains (or, from two characters, that contain it)."""
    statement = synonym_statement(text, _ancestor_codes(region) if region else [], region.prefix if region else None, _connection().vendor)
    with _connection().cursor() as cursor:
        cursor.execute(statement.text(), statement.params)
        return [int(row[0]) for row in cursor.fetchall()]


def _ancestor_codes(region: Region) -> list[str]:
    """Codes of the regions above `region`: its significant digits cut to each higher level's,
    padded with zeros to the six GB/T 2260 digits (乡 and 村 codes extend their parent's)."""
    own = PREFIX_LENGTH[RegionLevel(region.level)]
    lengths = sorted(length for length in PREFIX_LENGTH.values() if length < own)
    return [region.code[:length].ljust(6, "0") for length in lengths]


def _hits(rows: list[tuple[int, int, float]], parsed: ParsedQuery) -> list[SearchHit]:
    # No ordering: the rows come in the ranking's order, and compiling the default one costs.
    versions = ServiceItemVersion.objects.select_related("service_item__department").order_by().in_bulk([row[0] for row in rows])
    hits = []
    for version_id, tier, fraction in rows:
        version = versions.get(version_id)
        if version is None:  # deleted between the two queries
            continue
        item = version.service_item
        if item.current_id == version.id:
            item.current = version  # saves a query for every `item.current` a template reads
        hits.append(
            SearchHit(
                item=item,
                version=version,
                score=_score(Tier(tier), fraction, len(parsed.text), len(version.name)),
                name_html=highlight_parsed(version.name, parsed),
                matched=MATCHED_BY_TIER[Tier(tier)],
            )
        )
    return hits


def _score(tier: Tier, fraction: float, query_length: int, name_length: int) -> float:
    """The tier, then the matched fraction of the query, then how much of the name the query
    covers (shorter names first): the order the ranking query sorts by."""
    coverage = min(1.0, query_length / name_length) if name_length else 0.0
    return round(tier + fraction / 2 + coverage / 1000, 6)
