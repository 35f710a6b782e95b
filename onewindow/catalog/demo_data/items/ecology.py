"""示范市生态环境局示范县分局: environmental impact assessment, reporting rewards, environmental enforcement."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.choices import StageKind
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    BUSINESS_LICENSE,
    ID_CARD,
    by_agency,
    material,
    number,
    optional,
    pledge,
    special,
    text,
    textarea,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, basis

lists = DepartmentLists(d.ECOLOGY)

EIA_LAW = "《中华人民共和国环境影响评价法》"
PROTECTION_LAW = "《中华人民共和国环境保护法》"
EIA_APPROVAL_BASIS = basis(
    EIA_LAW,
    "第二十二条",
    "建设项目的环境影响报告书、报告表,由建设单位按照国务院的规定报有审批权的生态环境主管部门审批。……审批部门应当自收到环境影响报告书之日起六十日内,"
    "收到环境影响报告表之日起三十日内,分别作出审批决定并书面通知建设单位。",
)

EIA = lists.power(
    C.LICENSING,
    1,
    "建设项目环境影响评价审批",
    bases=[EIA_APPROVAL_BASIS],
    content="对本县审批权限内建设项目的环境影响报告书、报告表进行审批。",
    levels=ALL_LEVELS,
)
_EIA_SUBS = [
    (1, "建设项目环境影响报告书审批", "报告书", 60, 20, 15),
    (2, "建设项目环境影响报告表审批", "报告表", 30, 10, 5),
]
for _sub, _name, _kind, _statutory, _promised, _review_days in _EIA_SUBS:
    _power = lists.power(
        C.LICENSING,
        1,
        _name,
        sub=_sub,
        bases=[EIA_APPROVAL_BASIS],
        content=f"对依法应当编制环境影响{_kind}的建设项目进行审批。",
        levels=ALL_LEVELS,
    )
    lists.guide(
        _power,
        audience=A.ENTERPRISE,
        themes=["gongcheng-jianshe"],
        conditions=(
            f"建设项目按分类管理名录应当编制环境影响{_kind};符合生态环境保护法律法规和相关法定规划,符合生态保护红线、"
            "环境质量底线、资源利用上线和生态环境准入清单要求;采取的污染防治措施能够确保污染物排放达到国家和地方排放标准。"
        ),
        statutory=_statutory,
        promised=_promised,
        materials=[
            material("建设项目环境影响评价文件审批申请书", form="electronic"),
            by_agency(f"建设项目环境影响{_kind}(全本)", "编制单位和编制人员信息须在环境影响评价信用平台可查"),
            material("删除涉及国家秘密、商业秘密等内容的说明及公开版本", form="electronic"),
            optional("公众参与说明", "编制报告书的提交") if _sub == 1 else pledge("区域削减替代方案落实承诺", "涉及总量指标的提交"),
        ],
        form=[
            text("project_name", "建设项目名称"),
            text("location", "建设地点"),
            number("investment", "总投资(万元)"),
            text("industry", "国民经济行业类别"),
        ],
        result=f"关于建设项目环境影响{_kind}的批复",
        intermediaries=("ZJ001",),
        extras=(
            special(StageKind.EXPERT_REVIEW, "技术评估(专家评审)", _review_days),
            special(StageKind.PUBLICITY, "拟审批公示", 5),
        ),
        depth=6,
        keywords="环评 环评审批 环评批复 环境影响评价 环评报告",
    )

EIA_FILING = lists.power(
    C.FILING,
    1,
    "建设项目环境影响登记表备案",
    bases=[
        basis(
            EIA_LAW,
            "第二十二条",
            "国家对环境影响登记表实行备案管理。审核、审批建设项目环境影响报告书、报告表以及备案环境影响登记表,不得收取任何费用。",
        )
    ],
    content="对环境影响很小、依法填报环境影响登记表的建设项目实行网上备案。",
    levels=ALL_LEVELS,
)
lists.guide(
    EIA_FILING,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建设项目属于分类管理名录中应当填报环境影响登记表的类别,建设单位在建成并投入生产运营前通过网上备案系统填报。",
    statutory=0,
    promised=0,
    materials=[
        material("建设项目环境影响登记表", form="electronic", requirements="通过建设项目环境影响登记表备案系统在线填报"),
        BUSINESS_LICENSE,
    ],
    form=[text("project_name", "建设项目名称"), text("location", "建设地点"), textarea("measures", "主要污染防治措施", max_length=500)],
    result="建设项目环境影响登记表备案回执",
    depth=7,
    keywords="环评登记表 登记表备案 小项目环评",
)

REPORT_REWARD = lists.power(
    C.REWARD,
    1,
    "生态环境违法行为举报奖励",
    bases=[
        basis(
            PROTECTION_LAW,
            "第五十七条",
            "公民、法人和其他组织发现任何单位和个人有污染环境和破坏生态行为的,有权向环境保护主管部门或者其他负有环境保护监督管理职责的部门举报。",
        )
    ],
    content="对举报生态环境违法行为经查证属实的举报人给予奖励。",
    levels=ALL_LEVELS,
)
lists.guide(
    REPORT_REWARD,
    audience=A.PERSON,
    themes=[],
    conditions="举报人实名举报;举报的违法行为此前未被生态环境部门掌握,经查证属实并依法作出处理决定。",
    statutory=30,
    promised=15,
    materials=[material("举报奖励申领表", form="electronic"), ID_CARD],
    form=[text("report_number", "举报受理编号"), text("bank_account", "收款银行账号", max_length=30)],
    result="举报奖励通知",
    unit="生态环境保护综合行政执法大队",
    depth=5,
    keywords="环保举报 污染举报奖励 偷排举报",
)

lists.power(
    C.PENALTY,
    1,
    "对建设项目未依法报批环境影响评价文件擅自开工建设的行政处罚",
    bases=[
        basis(
            EIA_LAW,
            "第三十一条",
            "建设单位未依法报批建设项目环境影响报告书、报告表,或者未依照本法第二十四条的规定重新报批或者报请重新审核环境影响报告书、报告表,"
            "擅自开工建设的,由县级以上生态环境主管部门责令停止建设,根据违法情节和危害后果,处建设项目总投资额百分之一以上百分之五以下的罚款,"
            "并可以责令恢复原状。",
        )
    ],
    content="对“未批先建”的建设单位责令停止建设,处以罚款,可以责令恢复原状。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    2,
    "对违法排放污染物拒不改正的按日连续处罚",
    bases=[
        basis(
            PROTECTION_LAW,
            "第五十九条",
            "企业事业单位和其他生产经营者违法排放污染物,受到罚款处罚,被责令改正,拒不改正的,依法作出处罚决定的行政机关"
            "可以自责令改正之日的次日起,按照原处罚数额按日连续处罚。",
        )
    ],
    content="对违法排放污染物受到罚款处罚、被责令改正而拒不改正的,按照原处罚数额按日连续处罚。",
    levels=ALL_LEVELS,
)
lists.power(
    C.COERCION,
    1,
    "查封、扣押造成污染物排放的设施、设备",
    bases=[
        basis(
            PROTECTION_LAW,
            "第二十五条",
            "企业事业单位和其他生产经营者违反法律法规规定排放污染物,造成或者可能造成严重污染的,县级以上人民政府环境保护主管部门"
            "和其他负有环境保护监督管理职责的部门,可以查封、扣押造成污染物排放的设施、设备。",
        )
    ],
    content="对违法排放污染物造成或者可能造成严重污染的,查封、扣押造成污染物排放的设施、设备。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对排放污染物的企业事业单位的现场检查",
    bases=[
        basis(
            PROTECTION_LAW,
            "第二十四条",
            "县级以上人民政府环境保护主管部门及其委托的环境监察机构和其他负有环境保护监督管理职责的部门,"
            "有权对排放污染物的企业事业单位和其他生产经营者进行现场检查。被检查者应当如实反映情况,提供必要的资料。",
        )
    ],
    content="对排污单位的污染防治设施运行、排污许可执行和自行监测情况实施现场检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
