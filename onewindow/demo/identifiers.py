"""Valid identity codes for the fictional demo bodies and people, with correct check characters.

The codes follow the real layouts, so every validator in OneWindow accepts them:
统一社会信用代码 (GB 32100): registration authority + category (11 机关, 12 事业单位, 91 企业),
the 6-digit region code, a 9-character organization code, one check character;
居民身份证号 (GB 11643): birthplace code, birth date, sequence (odd for men), one check digit.
The birthplace must be a real GB/T 2260 code (the check looks it up), so demo people were
"born" in real districts even though they live in the fictional 示范县.
"""

from stdnum.cn import ric, uscc


def government_uscc(region_code: str, serial: int, org_type: str = "11") -> str:
    """The USCC of a government body (`11`) or public institution (`12`) of `region_code`.

    Same layout as `onewindow.orgs.tests.factories.make_uscc`: organization code `MB` + serial.
    """
    base = f"{org_type}{region_code[:6]}MB{serial:07d}"
    return base + uscc.calc_check_digit(base)


def enterprise_uscc(region_code: str, organization_code: str) -> str:
    """The USCC of an enterprise (`91`) registered in `region_code`; `organization_code` has 9 characters."""
    base = f"91{region_code[:6]}{organization_code}"
    return base + uscc.calc_check_digit(base)


def resident_id(birthplace: str, birth_date: str, sequence: str) -> str:
    """A 居民身份证号: `birthplace` (6 digits), `birth_date` (YYYYMMDD), `sequence` (3 digits)."""
    base = f"{birthplace}{birth_date}{sequence}"
    return base + ric.calc_check_digit(base + "0")  # stdnum expects a placeholder check digit
