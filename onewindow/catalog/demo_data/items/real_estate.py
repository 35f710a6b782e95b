"""示范县不动产登记中心: real-estate registration (不动产登记) and access to the register."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import ID_CARD, by_agency, choice, gov, material, optional, text
from onewindow.catalog.demo_data.powers import ALL_LEVELS, basis

lists = DepartmentLists(d.REAL_ESTATE)

RULES = "《不动产登记暂行条例》"
TIME_LIMIT = basis(RULES, "第二十条", "不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续,法律另有规定的除外。")
BODY = "示范县自然资源局(示范县不动产登记中心具体承办)"
PROPERTY_CERTIFICATE = gov("不动产权证书", "property-certificate")
APPLICATION = material("不动产登记申请书", requirements="申请人签字或者盖章")

REGISTRATION = lists.power(
    C.CONFIRMATION,
    1,
    "不动产登记",
    bases=[
        basis(
            RULES,
            "第三条",
            "不动产首次登记、变更登记、转移登记、注销登记、更正登记、异议登记、预告登记、查封登记等,适用本条例。",
        ),
        TIME_LIMIT,
    ],
    content="依申请对土地、房屋、林地等不动产权利和抵押权等进行登记,核发不动产权证书或者不动产登记证明。",
    levels=ALL_LEVELS,
    implementing_body=BODY,
)

# (sub, name, description, themes, promised, visits, depth, fees, keywords)
_SUBS = [
    (
        1,
        "不动产首次登记",
        "不动产权利第一次登记(含新建商品房首次登记)",
        ["zhufang"],
        5,
        0,
        6,
        ("XZ001", "XZ002"),
        "房产证 新房办证 首次登记 土地证",
    ),
    (
        2,
        "不动产转移登记",
        "因买卖、继承、赠与、互换等导致不动产权利转移",
        ["zhufang", "shenhoushi"],
        1,
        1,
        4,
        ("XZ001", "XZ002"),
        "过户 二手房过户 继承房产 赠与 买房",
    ),
    (
        3,
        "不动产变更登记",
        "权利人姓名或者名称、不动产坐落、面积等发生变更",
        ["zhufang"],
        1,
        0,
        6,
        ("XZ001",),
        "房产证改名 地址变更 房产证变更",
    ),
    (4, "不动产抵押登记", "以不动产设定抵押权", ["zhufang"], 1, 0, 6, ("XZ001",), "房屋抵押 按揭 贷款抵押 抵押登记"),
    (
        5,
        "不动产注销登记",
        "不动产灭失、权利消灭或者抵押权因主债权消灭而注销",
        ["zhufang"],
        0,
        0,
        7,
        (),
        "注销抵押 解押 还清贷款 房屋拆除注销",
    ),
    (6, "不动产预告登记", "预购商品房、以预购商品房设定抵押等预告登记", ["zhufang"], 1, 0, 6, ("XZ001",), "预告登记 期房 网签备案"),
]
_SITUATIONS = {
    2: [("买卖", ""), ("继承、受遗赠", ""), ("赠与", "")],
    4: [("首次设立抵押", ""), ("最高额抵押", "")],
}
_SPECIFIC_MATERIALS = {
    1: [
        material("土地权属来源材料或者土地使用权证明"),
        material("建设工程符合规划的材料和竣工材料"),
        by_agency("房屋测绘报告(房产测绘成果)"),
    ],
    2: [
        PROPERTY_CERTIFICATE,
        material("不动产买卖合同(网签备案合同)", situation="S01"),
        material("完税凭证", form="electronic", requirements="与税务部门共享获取,“一窗受理、集成服务”"),
        material("继承、受遗赠公证书或者生效法律文书,或者全部法定继承人关于继承的协议", situation="S02"),
        material("赠与合同", situation="S03"),
    ],
    3: [PROPERTY_CERTIFICATE, material("变更事项的证明材料", requirements="如更名的户籍证明、地名变更证明等")],
    4: [
        PROPERTY_CERTIFICATE,
        material("主债权合同和抵押合同", form="electronic", requirements="由银行通过“不动产登记+金融”服务端推送"),
        material("最高额抵押合同及债权确定证明", form="electronic", situation="S02"),
    ],
    5: [optional("不动产权证书或者不动产登记证明", "能够提供的交回"), material("抵押权消灭或者不动产灭失的证明材料")],
    6: [material("已备案的商品房预售合同", form="electronic"), optional("当事人关于预告登记的约定", "合同未约定的提交")],
}

for _sub, _name, _desc, _themes, _promised, _visits, _depth, _fees, _keywords in _SUBS:
    _power = lists.power(
        C.CONFIRMATION,
        1,
        _name,
        sub=_sub,
        bases=[TIME_LIMIT],
        content=f"对{_desc}的情形办理登记。",
        levels=ALL_LEVELS,
        implementing_body=BODY,
    )
    lists.guide(
        _power,
        audience=A.BOTH,
        themes=_themes,
        conditions=f"{_desc};不动产界址、空间界限、面积等权籍调查成果明确;申请材料齐全、符合法定形式;不存在不予登记的情形(权属争议未解决、查封期间等)。",
        statutory=30,
        promised=_promised,
        situations=_SITUATIONS.get(_sub),
        materials=[APPLICATION, ID_CARD, *_SPECIFIC_MATERIALS[_sub]],
        form=[
            text("location", "不动产坐落"),
            text("unit_number", "不动产单元号", required=False, max_length=28),
            choice("use", "用途", ["住宅", "商业", "办公", "工业", "车库车位", "其他"]),
        ],
        result="不动产登记证明" if _sub in (4, 6) else ("注销登记结果" if _sub == 5 else "不动产权证书"),
        license_type="real-estate-registration-proof" if _sub in (4, 6) else ("" if _sub == 5 else "property-certificate"),
        fees=_fees,
        intermediaries=("ZJ006",) if _sub == 1 else (),
        site_check=_sub == 1,
        depth=_depth,
        visits=_visits,
        visit_reason="需买卖双方(继承人)到场核验身份、签署询问笔录" if _visits else "",
        keywords=_keywords,
    )

QUERY = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "不动产登记资料查询",
    bases=[
        basis(
            RULES,
            "第二十七条",
            "权利人、利害关系人可以依法查询、复制不动产登记资料,不动产登记机构应当提供。",
        )
    ],
    content="为权利人、利害关系人及有关国家机关提供不动产登记资料查询、复制服务。",
    levels=ALL_LEVELS,
    implementing_body=BODY,
)
lists.guide(
    QUERY,
    audience=A.BOTH,
    themes=["zhufang"],
    conditions="查询人为权利人、利害关系人,或者依法查询的国家机关;查询目的明确。",
    statutory=1,
    promised=0,
    situations=[("权利人查询", ""), ("利害关系人查询", "")],
    materials=[
        material("不动产登记资料查询申请书", form="electronic"),
        ID_CARD,
        material("存在利害关系的证明材料", situation="S02"),
    ],
    form=[choice("query_kind", "查询内容", ["有无房产证明", "登记结果(权属、抵押、查封)", "登记原始资料"]), text("purpose", "查询目的")],
    result="不动产登记资料查询结果证明",
    unit="档案信息股",
    depth=7,
    keywords="查房产 有无房证明 房产查询 无房证明 查档",
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
