"""Pinyin of item names, so citizens can find 食品经营许可 by typing `shipin` or `spjy`.

pypinyin picks the reading of polyphones from its phrase dictionary (银行 yinhang, 重庆 chongqing,
行政 xingzheng), which is right for the vocabulary of item names. Letters and digits that are not
Chinese are kept, lowercased and in half width; punctuation and spaces are dropped.
"""

from dataclasses import dataclass
from functools import lru_cache

# Sizes of ServiceItemVersion.pinyin / .pinyin_initials: a 200-character name fits in both but
# for full pinyin of very long names (up to six letters a syllable), which is cut.
PINYIN_MAX_LENGTH = 1000
INITIALS_MAX_LENGTH = 200

_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST, _FULL_WIDTH_OFFSET = 0xFF01, 0xFF5E, 0xFEE0
_IDEOGRAPHIC_SPACE = "\u3000"


def fold(text: str) -> str:
    """Full-width ASCII to half width and lowercase, one character for one, so offsets in the
    folded text still point at the same characters of `text`."""
    return "".join(_fold_char(char) for char in text)


def _fold_char(char: str) -> str:
    code = ord(char)
    if _FULL_WIDTH_FIRST <= code <= _FULL_WIDTH_LAST:
        char = chr(code - _FULL_WIDTH_OFFSET)
    elif char == _IDEOGRAPHIC_SPACE:
        return " "
    lower = char.lower()
    return lower if len(lower) == 1 else char


def is_han(char: str) -> bool:
    """A CJK ideograph (the basic block, extension A, compatibility ideographs, extensions B and up)."""
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


@dataclass(frozen=True)
class Syllable:
    """One piece of a text's pinyin and the characters `text[start:end]` it was read from.

    A Chinese character gives one syllable; a run of other characters gives one piece whose
    "syllable" and "initial" are its own letters and digits (empty for punctuation).
    """

    start: int
    end: int
    full: str
    initial: str


@lru_cache(maxsize=4096)
def syllables(text: str) -> tuple[Syllable, ...]:
    """The pinyin of `text`, piece by piece, each pointing back at its characters (cached: item
    names recur in every result list)."""
    folded = fold(text)
    pieces: list[Syllable] = []
    position = 0
    from pypinyin import Style, lazy_pinyin  # 55 MB: loaded by the first pinyin reading, not by every worker

    for reading in lazy_pinyin(folded, style=Style.NORMAL, errors="default"):
        if position >= len(folded):
            break
        if folded.startswith(reading, position) and not is_han(folded[position]):
            # A run of other characters comes back unchanged.
            letters = _letters(reading)
            pieces.append(Syllable(position, position + len(reading), letters, letters))
            position += len(reading)
        else:
            # One character read as a syllable; one pypinyin cannot read comes back unchanged.
            letters = "" if reading == folded[position] else _letters(reading)
            pieces.append(Syllable(position, position + 1, letters, letters[:1]))
            position += 1
    return tuple(pieces)


def _letters(piece: str) -> str:
    return "".join(char for char in piece.lower() if char.isalnum() and not is_han(char))


def name_pinyin(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of an item name: 食品经营许可 → ("shipinjingyingxuke", "spjyxk")."""
    pieces = syllables(text)
    full = "".join(piece.full for piece in pieces)
    initials = "".join(piece.initial for piece in pieces)
    return full[:PINYIN_MAX_LENGTH], initials[:INITIALS_MAX_LENGTH]
