"""What a citizen typed, normalised, and the pieces the search matches with it."""

import re
import unicodedata
from dataclasses import dataclass

from onewindow.catalog.pinyin import fold, is_han

MAX_QUERY_LENGTH = 50
# FTS5's trigram tokenizer and pg_trgm's index both need at least three characters.
MIN_INDEXED_LENGTH = 3
# Partial matching of a long query scores each of its trigrams; past this many, every second or
# third one (they overlap: up to 38 characters each is still covered) keeps the statement small.
MAX_TRIGRAMS = 12

_PINYIN_QUERY = re.compile(r"[a-z' ]+")


def normalize_query(query: str) -> str:
    """Strip, drop control and unassigned characters, full width → half width, lowercase,
    collapse spaces, keep at most 50 characters."""
    kept = "".join(char for char in fold(query) if unicodedata.category(char)[0] != "C")
    return " ".join(kept.split())[:MAX_QUERY_LENGTH].strip()


@dataclass(frozen=True)
class ParsedQuery:
    """The normalised query and how it is matched.

    `text` is matched against names and keywords (Chinese has no spaces between words, so a
    query with Chinese characters loses its spaces); `pinyin` (letters only, empty unless the
    query is latin letters) against the full pinyin and initials; `trigrams` score partial
    matches of a query of four or more characters that no name contains whole.
    """

    text: str
    pinyin: str
    trigrams: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.text

    @property
    def is_short(self) -> bool:
        """Too short for a trigram index: matched by a scan of the current rows."""
        return len(self.text) < MIN_INDEXED_LENGTH or 0 < len(self.pinyin) < MIN_INDEXED_LENGTH


def parse_query(query: str) -> ParsedQuery:
    """Normalise `query` and work out its text, pinyin and trigrams."""
    text = normalize_query(query)
    if any(is_han(char) for char in text):
        text = text.replace(" ", "")
    pinyin = text.replace(" ", "").replace("'", "") if _PINYIN_QUERY.fullmatch(text) else ""
    return ParsedQuery(text=text, pinyin=pinyin, trigrams=_trigrams(text) if not pinyin else ())


def _trigrams(text: str) -> tuple[str, ...]:
    if len(text) <= MIN_INDEXED_LENGTH:
        return ()
    found = list(dict.fromkeys(text[i : i + 3] for i in range(len(text) - 2)))
    found = [trigram for trigram in found if " " not in trigram]
    if not found:
        return ()
    step = -(-len(found) // MAX_TRIGRAMS)
    return tuple(found[::step])
