"""Themes of the demo county's portal: a person's life events and an enterprise's life cycle."""

from onewindow.catalog.choices import Audience, ThemeKind


def _theme(code: str, name: str, kind: str, audience: str, sort: int) -> dict:
    return {"code": code, "name": name, "kind": kind, "audience": audience, "sort": sort}


_PERSON_EVENTS = [
    ("chusheng", "出生"),
    ("ruxue", "入学"),
    ("jiuye-chuangye", "就业创业"),
    ("hunyu", "婚育"),
    ("zhufang", "住房"),
    ("shebao", "社保"),
    ("chuxing", "出行"),
    ("huji-zhengjian", "户籍证件"),
    ("yiliao", "医疗"),
    ("tuixiu-yanglao", "退休养老"),
    ("shenhoushi", "身后事"),
]
_ENTERPRISE_EVENTS = [
    ("kaiban-qiye", "开办企业"),
    ("gongcheng-jianshe", "工程建设"),
    ("jingying-xuke", "经营许可"),
    ("nashui-jiaofei", "纳税缴费"),
    ("biangeng-zhuxiao", "变更注销"),
    ("zhaogong-yonggong", "招工用工"),
]

THEMES: list[dict] = [
    *(_theme(code, name, ThemeKind.LIFE_EVENT, Audience.PERSON, 10 * n) for n, (code, name) in enumerate(_PERSON_EVENTS, start=1)),
    *(
        _theme(code, name, ThemeKind.ENTERPRISE_EVENT, Audience.ENTERPRISE, 200 + 10 * n)
        for n, (code, name) in enumerate(_ENTERPRISE_EVENTS, start=1)
    ),
]
