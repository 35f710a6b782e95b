import pytest
from django.core.exceptions import ValidationError

from onewindow.common.identity import normalize_resident_id, normalize_uscc
from onewindow.demo.county import DEPARTMENTS
from onewindow.demo.identifiers import enterprise_uscc, government_uscc, resident_id
from onewindow.orgs.tests.factories import make_uscc


def test_government_codes_match_the_factory_helper():
    assert government_uscc("990123", 121) == make_uscc("990123", 121)


def test_every_demo_department_has_a_distinct_valid_uscc_of_a_public_body():
    codes = [spec.uscc for spec in DEPARTMENTS]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert normalize_uscc(code) == code
        assert code[:2] in ("11", "12") and code[2:8] == "990123"


def test_enterprise_codes_are_valid_and_start_with_91():
    code = enterprise_uscc("990123", "MA1WXY4T6")
    assert code.startswith("91990123MA1WXY4T6") and normalize_uscc(code) == code


def test_resident_ids_carry_a_correct_check_digit():
    number = resident_id("410102", "19850312", "123")
    assert normalize_resident_id(number) == number
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    with pytest.raises(ValidationError):
        normalize_resident_id(wrong)
