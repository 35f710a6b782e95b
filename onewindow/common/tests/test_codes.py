import pytest

from onewindow.common.codes import MAX_ID, codes_match, parse_id


@pytest.mark.parametrize(
    ("stored", "given", "expected"),
    [
        ("AB12CD", "AB12CD", True),
        ("AB12CD", " AB12CD \n", True),
        ("AB12CD", "ab12cd", False),
        ("AB12CD", "查询码", False),
        ("AB12CD", "AB12C\u0000", False),
        ("AB12CD", "", False),
        ("AB12CD", None, False),
        ("", "", False),
    ],
)
def test_codes_match_compares_any_typed_text_without_raising(stored, given, expected):
    assert codes_match(stored, given) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        (" 42 ", 42),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("9" * 40, None),
        ("0", None),
        ("-3", None),
        ("²", None),
        ("٣", None),
        ("1e3", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_id_accepts_only_ascii_ids_a_database_can_hold(text, expected):
    assert parse_id(text) == expected
