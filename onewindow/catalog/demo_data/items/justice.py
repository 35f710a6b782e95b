"""示范县司法局: legal aid, people's mediation, administrative reconsideration, legal-service supervision."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import ID_CARD, choice, material, optional, text, textarea
from onewindow.catalog.demo_data.powers import ALL_LEVELS, COUNTY, basis

lists = DepartmentLists(d.JUSTICE)

LEGAL_AID = lists.power(
    C.OTHER,
    1,
    "法律援助申请审查",
    bases=[basis("《中华人民共和国法律援助法》")],
    content="对经济困难公民和符合法定条件的其他当事人的法律援助申请进行审查,决定给予法律援助并指派律师等法律援助人员。",
    levels=ALL_LEVELS,
)
lists.guide(
    LEGAL_AID,
    audience=A.PERSON,
    themes=["jiuye-chuangye", "shebao"],
    conditions="申请事项属于法律援助范围;申请人经济困难(低保、特困供养人员等免予核查),或者属于请求支付劳动报酬、请求给予社会保险待遇等不受经济困难条件限制的情形。",
    statutory=7,
    promised=3,
    materials=[
        material("法律援助申请表"),
        ID_CARD,
        material("经济困难状况说明表", requirements="可以个人诚信承诺代替证明,由法律援助机构核查"),
        material("与所申请法律援助事项有关的材料"),
    ],
    form=[
        choice("matter", "案件类型", ["追索劳动报酬", "工伤赔偿", "婚姻家庭", "交通事故", "刑事辩护", "其他"]),
        textarea("facts", "案情简述"),
    ],
    result="给予法律援助决定书",
    unit="公共法律服务管理股",
    places=f"示范县公共法律服务中心(府前街6号);{d.SOCIAL_WINDOW}",
    depth=5,
    keywords="法律援助 免费律师 讨薪 打官司没钱",
)

MEDIATION = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "人民调解",
    bases=[basis("《中华人民共和国人民调解法》", "第七条", "人民调解委员会是依法设立的调解民间纠纷的群众性组织。")],
    content="指导村(居)人民调解委员会和行业性人民调解组织,免费调解婚姻家庭、邻里、物业、劳动等民间纠纷。",
    levels=COUNTY,
)
lists.guide(
    MEDIATION,
    audience=A.BOTH,
    themes=["zhufang"],
    conditions="属于民间纠纷,当事人自愿申请调解;纠纷未经人民法院、仲裁机构受理。",
    statutory=30,
    promised=20,
    materials=[
        material("人民调解申请书", requirements="也可以口头申请,由调解员记录"),
        ID_CARD,
        optional("与纠纷有关的证据材料", "能够提供的提交"),
    ],
    form=[
        choice("dispute", "纠纷类型", ["婚姻家庭", "邻里", "物业", "土地承包", "劳动", "其他"]),
        text("other_party", "对方当事人"),
        textarea("facts", "纠纷情况"),
    ],
    result="人民调解协议书",
    unit="公共法律服务管理股",
    places="所在村(居)人民调解委员会;各乡镇司法所;示范县公共法律服务中心",
    depth=3,
    visits=1,
    visit_reason="调解需当事人到场陈述并签署调解协议",
    keywords="调解 邻里纠纷 家庭矛盾 人民调解",
)

RECONSIDERATION = lists.power(
    C.OTHER,
    2,
    "行政复议申请受理",
    bases=[basis("《中华人民共和国行政复议法》")],
    content="县人民政府行政复议机构受理公民、法人或者其他组织不服本县行政机关行政行为提出的行政复议申请。",
    levels=ALL_LEVELS,
)
lists.guide(
    RECONSIDERATION,
    audience=A.BOTH,
    themes=[],
    conditions="申请人认为行政行为侵犯其合法权益,自知道或者应当知道该行政行为之日起六十日内提出;有明确的被申请人和具体的行政复议请求、理由;属于行政复议范围。",
    statutory=60,
    promised=45,
    materials=[
        material("行政复议申请书", requirements="写明申请人、被申请人、复议请求、事实和理由"),
        ID_CARD,
        material("被申请复议的行政行为相关材料"),
    ],
    form=[text("respondent", "被申请人"), text("decision", "被申请复议的行政行为"), textarea("request", "复议请求和理由")],
    result="行政复议决定书",
    unit="行政执法协调监督股",
    depth=5,
    keywords="行政复议 不服处罚 告政府 复议申请",
)

lists.power(
    C.INSPECTION,
    1,
    "对基层法律服务所和基层法律服务工作者的监督检查",
    bases=[basis("《基层法律服务所管理办法》"), basis("《基层法律服务工作者管理办法》")],
    content="对本县基层法律服务所和基层法律服务工作者的执业活动、收费和年度考核情况实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
