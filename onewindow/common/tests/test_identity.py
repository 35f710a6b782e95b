import pytest
from django.core.exceptions import ValidationError

from onewindow.common.identity import mask_id_number, mask_name, mask_phone, normalize_resident_id, normalize_uscc


def test_resident_id_accepts_valid_number_and_uppercases_x():
    assert normalize_resident_id(" 11010519491231002x ") == "11010519491231002X"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "id_number_required"),
        ("1101051949123100", "id_number_length"),
        ("1101051949123100A2", "id_number_format"),
        ("110105194912310021", "id_number_checksum"),
        ("110105194913310021", "id_number_component"),
    ],
)
def test_resident_id_rejects_with_a_chinese_message(value, code):
    with pytest.raises(ValidationError) as caught:
        normalize_resident_id(value)
    assert caught.value.code == code
    assert "身份证" in caught.value.message


def test_uscc_accepts_valid_code():
    assert normalize_uscc("91350100M000100Y43") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "uscc_required"),
        ("91350100M000100Y4", "uscc_length"),
        ("91350100M000100Y44", "uscc_checksum"),
        ("9135010OM000100Y43", "uscc_format"),
    ],
)
def test_uscc_rejects_with_a_chinese_message(value, code):
    with pytest.raises(ValidationError) as caught:
        normalize_uscc(value)
    assert caught.value.code == code
    assert "统一社会信用代码" in caught.value.message


def test_masks_keep_only_the_ends():
    assert mask_id_number("11010519491231002X") == "110***********002X"
    assert mask_phone("13912345678") == "139****5678"
    assert mask_name("欧阳修") == "欧**"
    assert mask_id_number("") == ""
