"""The kinds registry: the kinds issues 4 and 5 name, the warning rule, handlers."""

from fractions import Fraction

import pytest

from onewindow.common.errors import InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineEvent
from onewindow.deadlines.kinds import DeadlineKind


@pytest.mark.parametrize(
    ("key", "label", "default_days", "workdays"),
    [
        (kinds.CASE_ACCEPTANCE, "受理答复", 5, True),
        (kinds.CASE_STAGE, "办理环节", None, True),
        (kinds.CASE_PROMISED, "承诺时限", None, True),
        (kinds.CASE_STATUTORY, "法定时限", 20, True),
        (kinds.CASE_CORRECTION, "材料补正", None, True),
        (kinds.CASE_GAP_SUPPLY, "容缺补正", None, True),
        (kinds.CASE_DELIVERY, "送达", 10, True),
        (kinds.RATING_FOLLOW_UP, "差评回访", 1, True),
        (kinds.RATING_RECTIFICATION, "差评整改", 15, True),
        (kinds.COMPLAINT_REPLY, "投诉答复", None, True),
        (kinds.SUPERVISION_ORDER_REPLY, "督办答复", None, True),
        (kinds.INSPECTION_PUBLICATION, "抽查结果公示", 20, True),
        (kinds.ABNORMAL_LIST_REMOVAL, "移出经营异常名录", 7, False),
    ],
)
def test_the_registered_kinds(key, label, default_days, workdays):
    kind = kinds.get_kind(key)
    assert (str(kind.label), kind.default_days, kind.workdays) == (label, default_days, workdays)


def test_statutory_kinds_cite_their_basis():
    assert "第三十二条" in str(kinds.get_kind(kinds.CASE_ACCEPTANCE).basis)
    assert "第四十二条" in str(kinds.get_kind(kinds.CASE_STATUTORY).basis)
    assert "第四十四条" in str(kinds.get_kind(kinds.CASE_DELIVERY).basis)


@pytest.mark.parametrize(("days", "window"), [(0, 2), (1, 2), (5, 2), (10, 2), (11, 3), (15, 3), (20, 4), (21, 5), (45, 9), (60, 12)])
def test_the_default_window_is_2_working_days_or_20_percent_rounded_up(days, window):
    assert kinds.get_kind(kinds.CASE_STAGE).warn_window(days) == window


def test_a_kind_sets_its_own_warning_rule():
    assert DeadlineKind("probe", "探针", warn_min_days=1, warn_share=Fraction(1, 2)).warn_window(7) == 4


def test_an_unknown_kind_is_invalid_input():
    with pytest.raises(InvalidInput) as caught:
        kinds.get_kind("nope")
    assert caught.value.message == "未知的期限类型:nope。"


def test_registering_a_kind_twice(registry):
    probe = DeadlineKind("probe", "探针")
    assert registry.register_kind(probe) is registry.register_kind(probe)
    with pytest.raises(ValueError):
        registry.register_kind(DeadlineKind("probe", "另一个探针"))
    with pytest.raises(ValueError):
        registry.register_kind(DeadlineKind(kinds.ALL_KINDS, "全部"))


def test_handlers_of_a_kind_then_of_every_kind_each_once(registry):
    def own(deadline, today):
        return None

    def everyone(deadline, today):
        return None

    registry.register_handler(kinds.CASE_ACCEPTANCE, on_overdue=own)
    registry.register_handler(kinds.CASE_ACCEPTANCE, on_overdue=own)
    registry.register_handler(kinds.ALL_KINDS, on_warning=everyone, on_overdue=everyone)
    assert registry.handlers_for(kinds.CASE_ACCEPTANCE, DeadlineEvent.OVERDUE) == [own, everyone]
    assert registry.handlers_for(kinds.CASE_ACCEPTANCE, DeadlineEvent.WARNING) == [everyone]
    assert registry.handlers_for(kinds.CASE_STAGE, DeadlineEvent.OVERDUE) == [everyone]
    with pytest.raises(InvalidInput):
        registry.register_handler("nope", on_warning=own)
