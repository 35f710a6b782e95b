"""Comparing secrets a visitor types (query codes) with the stored ones."""

from __future__ import annotations

import hmac


def codes_match(stored: str, given: str | None) -> bool:
    """True when `given` (stripped) equals `stored`, compared in constant time.

    Both sides are compared as UTF-8 bytes: `hmac.compare_digest` refuses non-ASCII text, and a
    visitor may type anything into a query-code field."""
    given = (given or "").strip()
    if not stored or not given:
        return False
    return hmac.compare_digest(stored.encode(), given.encode())


# The largest primary key either database stores (a signed 64-bit integer); SQLite raises
# OverflowError on a larger Python int, which must be a 400 or a "not found", never a 500.
MAX_ID = 2**63 - 1


def parse_id(text: str | None) -> int | None:
    """The positive database id written in `text` (ASCII digits only), or None."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None
