"""示范县行政审批服务局: the service center's own integrated services (企业开办“一件事”, project assistance)."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import ID_CARD, PHOTO, boolean, choice, material, number, optional, text
from onewindow.catalog.demo_data.powers import COUNTY, basis

lists = DepartmentLists(d.APPROVAL)

BUSINESS_ENVIRONMENT = basis("《优化营商环境条例》")

BUSINESS_START = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "企业开办“一件事”综合服务",
    bases=[BUSINESS_ENVIRONMENT, basis("《中华人民共和国市场主体登记管理条例》")],
    content="通过企业开办“一网通办”平台,一次提交、并联办理营业执照、公章刻制、发票和税控设备申领、社会保险登记、住房公积金缴存登记和银行预约开户。",
    levels=COUNTY,
)
lists.guide(
    BUSINESS_START,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye"],
    conditions="在本县新设立企业,申请人通过企业开办平台一次填报、实名认证;选择免费刻制首套印章和邮寄送达的免费提供。",
    statutory=3,
    promised=1,
    materials=[
        material("企业开办“一件事”申请表", form="electronic", requirements="一表填报,数据共享至各部门"),
        ID_CARD,
        PHOTO | {"requirements": "通过手机完成实名认证和人脸识别,不需要另行提交"},
        optional("住所(经营场所)证明", "可书面承诺住所真实、合法、可用"),
    ],
    form=[
        text("company_name", "拟设立企业名称"),
        number("capital", "注册资本(万元)"),
        boolean("free_seal", "申领免费首套印章"),
        choice("delivery", "领取方式", ["免费邮寄", "窗口领取"]),
    ],
    result="营业执照、印章、发票及社保登记信息(“企业开办大礼包”)",
    unit="综合受理股",
    depth=7,
    joint_handling=True,
    keywords="开公司 企业开办 一件事 注册公司 开办企业一天办结",
)

PROJECT_ASSISTANCE = lists.power(
    C.PUBLIC_SERVICE,
    2,
    "工程建设项目审批帮办代办服务",
    bases=[BUSINESS_ENVIRONMENT, basis("《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》(国办发〔2019〕11号)")],
    content="为重点工程建设项目免费提供审批全流程帮办代办,一次告知审批事项和要件清单,协调并联审批、联合验收。",
    levels=COUNTY,
)
lists.guide(
    PROJECT_ASSISTANCE,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="在本县投资建设的工程建设项目,建设单位自愿申请帮办代办并签订帮办代办服务协议;代办服务免费。",
    statutory=5,
    promised=2,
    materials=[material("工程建设项目帮办代办申请表", form="electronic"), material("帮办代办委托书", requirements="建设单位盖章")],
    form=[
        text("project_name", "项目名称"),
        number("investment", "总投资(万元)"),
        choice("stage", "所处阶段", ["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收"]),
    ],
    result="帮办代办服务协议及审批事项清单",
    unit="投资项目审批股",
    depth=6,
    keywords="帮办代办 项目代办 审批代办 帮办",
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
