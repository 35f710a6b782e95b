"""The line format of the schedule entry page."""

import datetime as dt

import pytest

from onewindow.common.errors import InvalidInput
from onewindow.workdays.schedule_text import format_schedule_text, holiday_runs, parse_schedule_text

D = dt.date

NOTICE_2027 = """
# 国务院办公厅关于2027年部分节假日安排的通知(示例)
2027-01-01 至 2027-01-03 元旦
2027-02-06 至 2027-02-13 春节
2027-02-14 调休上班 春节
2027/4/5 清明节
2027年10月1日 至 2027年10月7日 国庆节
2027-09-26 调休上班 国庆节
"""


def test_reads_ranges_single_days_and_make_up_days():
    schedule = parse_schedule_text(NOTICE_2027)
    assert schedule.holidays == [
        (D(2027, 1, 1), D(2027, 1, 3), "元旦"),
        (D(2027, 2, 6), D(2027, 2, 13), "春节"),
        (D(2027, 4, 5), D(2027, 4, 5), "清明节"),
        (D(2027, 10, 1), D(2027, 10, 7), "国庆节"),
    ]
    assert schedule.workdays == [(D(2027, 2, 14), "春节"), (D(2027, 9, 26), "国庆节")]


@pytest.mark.parametrize(
    "line",
    [
        "2027-01-01至2027-01-03元旦",
        "2027-01-01 到 2027-01-03 元旦",
        "2027-01-01 ~ 2027-01-03 元旦",
        "\u30002027-01-01 至 2027-01-03 放假 元旦",
    ],
)
def test_separators_and_spacing(line):
    assert parse_schedule_text(line).holidays == [(D(2027, 1, 1), D(2027, 1, 3), "元旦")]


def test_short_make_up_word():
    assert parse_schedule_text("2027-02-14 上班 春节").workdays == [(D(2027, 2, 14), "春节")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("元旦放假三天", "第1行:无法识别“元旦放假三天”"),
        ("2027-02-30 春节", "第1行:日期“2027-02-30”不存在"),
        ("\n\n2027-01-03 至 2027-01-01 元旦", "第3行:结束日期早于开始日期"),
        ("2027-01-01 至 2027-01-03", "第1行:缺少节日名称"),
        ("2027-02-14 调休上班", "第1行:缺少节日名称"),
        ("2027-01-01 至 2027-13-03 元旦", "第1行:日期“2027-13-03”不存在"),
        ("2027-01-01 至 abc 元旦", "第1行:无法识别"),
        ("2027-01-01 " + "长" * 51, "第1行:节日名称不能超过50个字"),
    ],
)
def test_bad_lines_are_named_by_number(text, message):
    with pytest.raises(InvalidInput) as error:
        parse_schedule_text(text)
    assert error.value.code == "invalid_schedule_text"
    assert message in error.value.details[0]


def test_every_bad_line_is_reported():
    with pytest.raises(InvalidInput) as error:
        parse_schedule_text("2027-01-01 元旦\nxyz\n2027-02-30 春节\n2027-04-05 清明节\n???")
    assert [message[:4] for message in error.value.details] == ["第2行:", "第3行:", "第5行:"]


def test_holiday_runs_join_consecutive_days_of_one_name():
    days = [(D(2027, 1, 1), "元旦"), (D(2027, 1, 2), "元旦"), (D(2027, 1, 3), "春节"), (D(2027, 1, 5), "春节")]
    assert holiday_runs(days) == [
        (D(2027, 1, 1), D(2027, 1, 2), "元旦"),
        (D(2027, 1, 3), D(2027, 1, 3), "春节"),
        (D(2027, 1, 5), D(2027, 1, 5), "春节"),
    ]


def test_formatted_text_reads_back_the_same():
    schedule = parse_schedule_text(NOTICE_2027)
    text = format_schedule_text(schedule.holidays, schedule.workdays)
    assert "2027-04-05 清明节" in text.splitlines()
    again = parse_schedule_text(text)
    assert again.holidays == schedule.holidays
    assert again.workdays == schedule.workdays
