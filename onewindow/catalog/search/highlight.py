"""Mark what matched a query in a text, HTML-escaped, for result lists and guide pages."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from onewindow.catalog.pinyin import Syllable, fold, syllables
from onewindow.catalog.search.query import ParsedQuery, parse_query

Span = tuple[int, int]


def highlight(text: str, query: str) -> SafeString:
    """`text` escaped, with every match of `query` wrapped in <mark>.

    A query found in the text marks each occurrence; a longer query found only in part marks the
    pieces of three characters it shares with the text; a pinyin query (`shipin`, `spjy`) marks
    the Chinese characters whose pinyin it matched (食品).
    """
    return highlight_parsed(text, parse_query(query))


def highlight_parsed(text: str, parsed: ParsedQuery) -> SafeString:
    """`highlight` for an already parsed query."""
    return _render(text, _match_spans(text, parsed))


def _match_spans(text: str, parsed: ParsedQuery) -> list[Span]:
    if parsed.is_empty:
        return []
    folded = fold(text)
    spans = _occurrences(folded, parsed.text)
    if spans:
        return spans
    if parsed.pinyin:
        return _pinyin_spans(text, parsed.pinyin)
    return [span for trigram in parsed.trigrams for span in _occurrences(folded, trigram)]


def _occurrences(folded: str, needle: str) -> list[Span]:
    spans = []
    start = folded.find(needle)
    while needle and start >= 0:
        spans.append((start, start + len(needle)))
        start = folded.find(needle, start + len(needle))
    return spans


def _pinyin_spans(text: str, pinyin: str) -> list[Span]:
    """Characters whose full pinyin contains the query, or whose initials start with it."""
    pieces = [piece for piece in syllables(text) if piece.full]
    full = "".join(piece.full for piece in pieces)
    matches = _occurrences(full, pinyin)
    if matches:
        return _pieces_under(pieces, [len(piece.full) for piece in pieces], matches)
    if "".join(piece.initial for piece in pieces).startswith(pinyin):
        return _pieces_under(pieces, [len(piece.initial) for piece in pieces], [(0, len(pinyin))])
    return []


def _pieces_under(pieces: list[Syllable], lengths: list[int], matches: list[Span]) -> list[Span]:
    """Characters of the pieces whose spelling (of `lengths`, joined) overlaps a matched range."""
    spans = []
    offset = 0
    for piece, length in zip(pieces, lengths, strict=True):
        if any(start < offset + length and end > offset for start, end in matches):
            spans.append((piece.start, piece.end))
        offset += length
    return spans


def _render(text: str, spans: list[Span]) -> SafeString:
    parts: list[str] = []
    position = 0
    for start, end in _merged(spans):
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every piece of text was escaped above


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
