"""示范县发展和改革局: investment project filing, approval and energy review; grain purchase filing."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.choices import StageKind
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, by_agency, material, number, special, text
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.DEVELOPMENT)

INVESTMENT_RULES = "《企业投资项目核准和备案管理条例》"
GRAIN_RULES = "《粮食流通管理条例》"
PROJECT_FORM = [
    text("project_name", "项目名称"),
    text("location", "建设地点"),
    number("investment", "总投资(万元)"),
    text("scale", "建设规模和内容"),
]

FILING = lists.power(
    C.FILING,
    1,
    "企业投资项目备案",
    bases=[
        basis(
            INVESTMENT_RULES,
            "第三条",
            "对关系国家安全、涉及全国重大生产力布局、战略性资源开发和重大公共利益等项目,实行核准管理。……对前款规定以外的项目,实行备案管理。",
        ),
        basis(
            INVESTMENT_RULES,
            "第十三条",
            "实行备案管理的项目,企业应当在开工建设前通过在线平台将下列信息告知备案机关:(一)企业基本情况;(二)项目名称、建设地点、"
            "建设规模、建设内容;(三)项目总投资额;(四)项目符合产业政策的声明。",
        ),
    ],
    content="对在本县建设的、核准目录以外的企业投资项目实行网上备案。",
    levels=ALL_LEVELS,
)
lists.guide(
    FILING,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="企业投资建设的固定资产投资项目不属于《政府核准的投资项目目录》范围;项目符合产业政策,不属于产业政策禁止投资建设的项目。",
    statutory=0,
    promised=0,
    materials=[
        material("项目备案信息表", form="electronic", requirements="通过投资项目在线审批监管平台填报"),
        material("项目符合产业政策的声明", form="electronic"),
        BUSINESS_LICENSE,
    ],
    form=PROJECT_FORM,
    result="项目备案证明(项目代码)",
    unit="投资股",
    depth=7,
    keywords="项目备案 立项 投资备案 项目代码",
)

APPROVAL = lists.power(
    C.LICENSING,
    1,
    "企业投资项目核准",
    bases=[
        basis(
            INVESTMENT_RULES,
            "第三条",
            "对关系国家安全、涉及全国重大生产力布局、战略性资源开发和重大公共利益等项目,实行核准管理。具体项目范围以及核准机关、"
            "核准权限依照政府核准的投资项目目录执行。",
        )
    ],
    content="对列入《政府核准的投资项目目录》且由县级核准的企业投资项目进行核准。",
    levels=ALL_LEVELS,
)
lists.guide(
    APPROVAL,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="项目属于县级核准权限;不危害经济安全、社会安全、生态安全等国家安全;符合相关发展建设规划、产业政策和技术标准;合理开发并有效利用资源;不对重大公共利益产生不利影响。",
    statutory=20,
    promised=10,
    materials=[
        material("项目核准申请报告", form="electronic", requirements="企业自主编制或者委托编制"),
        material("城乡规划、用地预审和选址意见", form="electronic", requirements="通过在线平台共享获取"),
        BUSINESS_LICENSE,
    ],
    form=PROJECT_FORM,
    result="项目核准批复",
    extras=(special(StageKind.EXPERT_REVIEW, "委托评估", 30),),
    unit="行政审批股",
    depth=6,
    keywords="项目核准 核准批复",
)

GOVERNMENT_PROJECT = lists.power(
    C.OTHER,
    1,
    "政府投资项目审批",
    bases=[
        basis(
            "《政府投资条例》",
            "第九条",
            "政府采取直接投资方式、资本金注入方式投资的项目(以下统称政府投资项目),项目单位应当编制项目建议书、可行性研究报告、初步设计,"
            "按照政府投资管理权限和规定的程序,报投资主管部门或者其他有关部门审批。",
        )
    ],
    content="对本县政府投资项目的项目建议书、可行性研究报告、初步设计及概算进行审批。",
    levels=ALL_LEVELS,
)
lists.guide(
    GOVERNMENT_PROJECT,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="项目列入本县政府投资年度计划或者项目储备库;项目单位为机关、事业单位或者政府授权的国有企业。",
    statutory=20,
    promised=10,
    situations=[("项目建议书", ""), ("可行性研究报告", ""), ("初步设计及概算", "")],
    materials=[
        material("审批申请文件", form="electronic"),
        material("项目建议书", form="electronic", situation="S01"),
        material("可行性研究报告及规划、用地、环评等前置意见", form="electronic", situation="S02"),
        by_agency("初步设计文件及概算(含造价咨询成果)", situation="S03"),
    ],
    form=PROJECT_FORM,
    result="政府投资项目批复文件",
    intermediaries=("ZJ007",),
    extras=(special(StageKind.EXPERT_REVIEW, "评估论证", 20),),
    unit="投资股",
    depth=6,
    keywords="政府投资 可研批复 初设批复 项目建议书",
)

ENERGY = lists.power(
    C.LICENSING,
    2,
    "固定资产投资项目节能审查",
    bases=[
        basis(
            "《中华人民共和国节约能源法》",
            "第十五条",
            "国家实行固定资产投资项目节能评估和审查制度。不符合强制性节能标准的项目,建设单位不得开工建设;已经建成的,不得投入生产、使用。",
        ),
        basis("《固定资产投资项目节能审查办法》"),
    ],
    content="对本县审查权限内年综合能源消费量达到规定标准的固定资产投资项目进行节能审查。",
    levels=ALL_LEVELS,
)
lists.guide(
    ENERGY,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="项目年综合能源消费量(当量值)达到1000吨标准煤以上或者年电力消费量达到500万千瓦时以上;项目用能分析客观准确,节能措施合理可行,符合能源消费强度和总量控制要求。",
    statutory=20,
    promised=10,
    materials=[
        material("节能审查申请", form="electronic"),
        by_agency("固定资产投资项目节能报告"),
        material("项目备案(核准)文件", form="electronic"),
    ],
    form=[*PROJECT_FORM[:2], number("energy", "年综合能源消费量(吨标准煤)")],
    result="节能审查意见",
    intermediaries=("ZJ008",),
    extras=(special(StageKind.EXPERT_REVIEW, "节能报告评审", 15),),
    unit="能源股",
    depth=6,
    keywords="能评 节能审查 节能报告",
)

GRAIN = lists.power(
    C.FILING,
    2,
    "粮食收购企业备案",
    bases=[
        basis(
            GRAIN_RULES,
            "",
            "从事粮食收购的企业(以下简称粮食收购企业),应当向收购地的县级人民政府粮食和储备行政管理部门备案企业名称、地址、负责人以及仓储设施等信息,"
            "备案内容发生变化的,应当及时变更备案。",
        )
    ],
    content="对在本县从事粮食收购的企业实行备案管理。",
    levels=CITY_COUNTY,
)
lists.guide(
    GRAIN,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="在本县从事粮食收购活动的企业,在开展收购活动前或者备案内容变化后办理。",
    statutory=0,
    promised=0,
    materials=[material("粮食收购企业备案表", form="electronic"), BUSINESS_LICENSE, material("仓储设施情况说明", form="electronic")],
    form=[text("warehouse", "仓储地址"), number("capacity", "仓容(吨)")],
    result="粮食收购企业备案回执",
    unit="行政审批股",
    depth=7,
    keywords="收粮 粮食收购 粮食备案",
)

lists.power(
    C.PENALTY,
    1,
    "对粮食收购企业违反粮食流通管理规定的行政处罚",
    bases=[basis(GRAIN_RULES)],
    content="对粮食收购企业未按规定备案、未执行粮食质量标准、未建立粮食经营台账等违法行为,责令改正,给予警告,可以并处罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对粮食经营者的监督检查",
    bases=[basis(GRAIN_RULES)],
    content="对粮食经营者从事粮食收购、储存活动和执行国家粮食流通统计制度、粮食库存等情况实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
