"""示范县财政局: bookkeeping agencies, procurement complaints, accountant records, accounting supervision."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, ID_CARD, choice, copy_of, material, number, pledge, text, textarea
from onewindow.catalog.demo_data.powers import ALL_LEVELS, basis

lists = DepartmentLists(d.FINANCE)

ACCOUNTING_LAW = "《中华人民共和国会计法》"
PROCUREMENT_LAW = "《中华人民共和国政府采购法》"

BOOKKEEPING = lists.power(
    C.LICENSING,
    1,
    "代理记账机构审批",
    bases=[
        basis(
            "《代理记账管理办法》",
            "",
            "除会计师事务所以外的机构从事代理记账业务,应当经县级以上地方人民政府财政部门批准,领取由财政部统一规定样式的代理记账许可证书。",
        ),
        basis(ACCOUNTING_LAW),
    ],
    content="对在本县申请从事代理记账业务的机构(会计师事务所除外)进行审批,核发代理记账许可证书。",
    levels=ALL_LEVELS,
)
lists.guide(
    BOOKKEEPING,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke", "nashui-jiaofei"],
    conditions="为依法设立的企业;专职从业人员不少于3名;主管代理记账业务的负责人具有会计师以上专业技术职务资格或者从事会计工作不少于三年,且为专职从业人员;有健全的代理记账业务内部规范。",
    statutory=10,
    promised=5,
    materials=[
        material("代理记账资格申请表", form="electronic"),
        BUSINESS_LICENSE,
        copy_of("专职从业人员和主管代理记账业务负责人的身份证件、专业技术职务资格证明"),
        pledge("专职从业人员在本机构专职从业的书面承诺"),
        material("代理记账业务内部规范", form="electronic"),
    ],
    form=[number("staff", "专职从业人员人数"), text("principal", "主管代理记账业务负责人", max_length=50)],
    result="代理记账许可证书",
    unit="预算股",
    depth=7,
    keywords="代理记账 代账公司 记账许可证",
)

COMPLAINT = lists.power(
    C.ADJUDICATION,
    1,
    "政府采购投诉处理",
    bases=[
        basis(
            PROCUREMENT_LAW,
            "第五十六条",
            "政府采购监督管理部门应当在收到投诉后三十个工作日内,对投诉事项作出处理决定,并以书面形式通知投诉人和与投诉事项有关的当事人。",
        )
    ],
    content="受理供应商对本县政府采购活动中采购人、采购代理机构答复不满意的投诉,依法调查并作出处理决定。",
    levels=ALL_LEVELS,
)
lists.guide(
    COMPLAINT,
    audience=A.ENTERPRISE,
    themes=[],
    conditions="投诉人是参与所投诉政府采购项目采购活动的供应商;提起投诉前已依法进行质疑;在质疑答复期满后15个工作日内提起投诉;投诉书内容符合规定。",
    statutory=30,
    promised=20,
    materials=[
        material("投诉书", requirements="写明投诉人和被投诉人信息、具体投诉事项及事实依据、法律依据、请求"),
        BUSINESS_LICENSE,
        material("质疑函和质疑答复"),
        material("相关证明材料"),
    ],
    form=[text("project", "采购项目名称及编号"), text("respondent", "被投诉人"), textarea("claim", "投诉事项与请求")],
    result="投诉处理决定书",
    unit="国库支付中心",
    depth=5,
    keywords="政府采购投诉 招标投诉 采购质疑",
)

ACCOUNTANT = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "会计人员信息采集",
    bases=[basis("《会计人员管理办法》"), basis(ACCOUNTING_LAW)],
    content="为在本县从事会计工作和持有会计专业技术资格的人员办理信息采集、变更和调转登记。",
    levels=ALL_LEVELS,
)
lists.guide(
    ACCOUNTANT,
    audience=A.PERSON,
    themes=["jiuye-chuangye"],
    conditions="在本县单位从事会计工作的人员,或者户籍、居住地在本县且取得会计专业技术资格的人员。",
    statutory=5,
    promised=0,
    materials=[ID_CARD, material("学历证书和会计专业技术资格证书", form="electronic")],
    form=[choice("title", "会计专业技术资格", ["无", "初级", "中级", "高级"]), text("employer", "工作单位")],
    result="会计人员信息采集完成",
    unit="预算股",
    depth=7,
    keywords="会计信息采集 会计证 会计人员登记",
)

lists.power(
    C.PENALTY,
    1,
    "对违反会计法律法规行为的行政处罚",
    bases=[basis(ACCOUNTING_LAW)],
    content="对不依法设置会计账簿、私设会计账簿、伪造变造会计凭证和会计账簿等违法行为,责令限期改正,给予警告、通报批评,并处罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "会计信息质量监督检查",
    bases=[basis(ACCOUNTING_LAW)],
    content="对本县各单位会计凭证、会计账簿、财务会计报告和其他会计资料的真实性、完整性实施监督检查。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    2,
    "政府采购监督检查",
    bases=[basis(PROCUREMENT_LAW)],
    content="对本县采购人、采购代理机构执行政府采购法律、行政法规和规章的情况实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
