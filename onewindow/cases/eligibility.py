"""Who may pledge (告知承诺) or be accepted with gaps (容缺受理).

国办发〔2020〕42号: the pledge is not open to applicants with serious bad credit or who made a false
pledge before; 容缺受理 is excluded for bad credit alike. The cases app knows false pledges; the
credit app registers its own check with `register_bar_check`.
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

from onewindow.cases.choices import PledgeStatus

# A check takes the applicant's id number / USCC and returns why they are barred, or None.
BarCheck = Callable[[str], str | None]
_CHECKS: list[BarCheck] = []


def register_bar_check(check: BarCheck) -> None:
    if check not in _CHECKS:
        _CHECKS.append(check)


def _false_pledge(id_number: str) -> str | None:
    from onewindow.cases.models import CaseMaterial

    if CaseMaterial.objects.filter(case__applicant_id_number=id_number, pledge_status=PledgeStatus.FALSE).exists():
        return _("申请人曾作出虚假承诺,不适用告知承诺和容缺受理。")
    return None


def pledge_bar_reason(id_number: str) -> str | None:
    """Why the applicant may not pledge or leave gaps, or None when they may."""
    for check in (_false_pledge, *_CHECKS):
        reason = check(id_number)
        if reason:
            return reason
    return None
