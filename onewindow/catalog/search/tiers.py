"""How a search hit matched: its tier (the ranking's first key) and the field it matched by."""

from enum import IntEnum, StrEnum


class Tier(IntEnum):
    """Match classes, best last: exact name > name prefix > name contains > synonym > keyword
    contains > pinyin > part of a long query."""

    NONE = 0
    PARTIAL_KEYWORDS = 1
    PARTIAL_NAME = 2
    PINYIN_CONTAINS = 3
    INITIALS_PREFIX = 4
    PINYIN_PREFIX = 5
    KEYWORDS = 6
    SYNONYM = 7
    NAME_CONTAINS = 8
    NAME_PREFIX = 9
    NAME_EXACT = 10


class Matched(StrEnum):
    """The field a hit was found by (empty when browsing without a query)."""

    NAME = "name"
    SYNONYM = "synonym"
    KEYWORDS = "keywords"
    PINYIN = "pinyin"
    INITIALS = "initials"
    NOTHING = ""


MATCHED_BY_TIER = {
    Tier.NONE: Matched.NOTHING,
    Tier.PARTIAL_KEYWORDS: Matched.KEYWORDS,
    Tier.PARTIAL_NAME: Matched.NAME,
    Tier.PINYIN_CONTAINS: Matched.PINYIN,
    Tier.INITIALS_PREFIX: Matched.INITIALS,
    Tier.PINYIN_PREFIX: Matched.PINYIN,
    Tier.KEYWORDS: Matched.KEYWORDS,
    Tier.SYNONYM: Matched.SYNONYM,
    Tier.NAME_CONTAINS: Matched.NAME,
    Tier.NAME_PREFIX: Matched.NAME,
    Tier.NAME_EXACT: Matched.NAME,
}
