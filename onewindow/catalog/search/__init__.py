"""Chinese search of the service items: by name, keywords, synonyms and pinyin, on SQLite and PostgreSQL."""

from onewindow.catalog.search.highlight import highlight
from onewindow.catalog.search.index import index_items, index_rebuild
from onewindow.catalog.search.query import normalize_query
from onewindow.catalog.search.ranking import SearchHit, search_items
from onewindow.catalog.search.tiers import Matched

__all__ = ["Matched", "SearchHit", "highlight", "index_items", "index_rebuild", "normalize_query", "search_items"]
