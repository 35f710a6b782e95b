"""示范县自然资源局: planning permits, land use approval, land disputes, enforcement and land levies."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.choices import StageKind
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    ID_CARD,
    by_agency,
    choice,
    gov,
    material,
    number,
    optional,
    pledge,
    special,
    text,
    textarea,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.NATURAL_RESOURCES)

PLANNING_LAW = "《中华人民共和国城乡规划法》"
LAND_LAW = "《中华人民共和国土地管理法》"
LAND_CERTIFICATE = gov("不动产权证书(土地)或者土地使用权出让合同", "property-certificate")
PROJECT_APPROVAL = material("项目批准、核准或者备案文件", form="electronic", requirements="通过投资项目在线审批监管平台共享获取")

PLANNING_PERMIT = lists.power(
    C.LICENSING,
    1,
    "建设工程规划许可证核发",
    bases=[
        basis(
            PLANNING_LAW,
            "第四十条",
            "在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的,建设单位或者个人应当向城市、县人民政府城乡规划主管部门"
            "或者省、自治区、直辖市人民政府确定的镇人民政府申请办理建设工程规划许可证。",
        )
    ],
    content="对城市、镇规划区内的建筑物、构筑物、道路、管线和其他工程建设核发建设工程规划许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    PLANNING_PERMIT,
    audience=A.BOTH,
    themes=["gongcheng-jianshe"],
    conditions="已取得建设用地规划许可证或者土地使用权;建设工程设计方案符合控制性详细规划和规划条件;依法需要编制修建性详细规划的已经审定。",
    statutory=20,
    promised=7,
    materials=[
        material("建设工程规划许可申请表", form="electronic"),
        LAND_CERTIFICATE,
        by_agency("建设工程设计方案(含总平面图、建筑单体方案)", "具有相应资质的设计单位编制,电子文件"),
        optional("修建性详细规划", "依法需要编制的提交"),
        pledge("地下管线现状资料", "可承诺施工前完成地下管线探测"),
    ],
    form=[
        text("project_name", "建设项目名称"),
        text("location", "建设位置"),
        number("floor_area", "总建筑面积(平方米)"),
        choice("land_use", "用地性质", ["居住用地", "商业服务业用地", "工业用地", "公共管理与公共服务用地", "其他"]),
    ],
    result="建设工程规划许可证",
    license_type="construction-planning-permit",
    intermediaries=("ZJ012",),
    extras=(special(StageKind.PUBLICITY, "设计方案批前公示", 7),),
    unit="国土空间规划股",
    depth=7,
    keywords="规划许可证 工程规划证 盖房子规划 报规 建房规划",
)

LAND_PLANNING = lists.power(
    C.LICENSING,
    2,
    "建设用地规划许可证核发",
    bases=[
        basis(
            PLANNING_LAW,
            "第三十七条",
            "在城市、镇规划区内以划拨方式提供国有土地使用权的建设项目,经有关部门批准、核准、备案后,建设单位应当向城市、县人民政府"
            "城乡规划主管部门提出建设用地规划许可申请,由城市、县人民政府城乡规划主管部门依据控制性详细规划核定建设用地的位置、面积、"
            "允许建设的范围,核发建设用地规划许可证。",
        ),
        basis(
            PLANNING_LAW,
            "第三十八条",
            "以出让方式取得国有土地使用权的建设项目,在签订国有土地使用权出让合同后,建设单位应当持建设项目的批准、核准、备案文件"
            "和国有土地使用权出让合同,向城市、县人民政府城乡规划主管部门领取建设用地规划许可证。",
        ),
    ],
    content="对以划拨或者出让方式取得国有土地使用权的建设项目核发建设用地规划许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    LAND_PLANNING,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建设项目已经批准、核准或者备案;以出让方式取得的已签订国有土地使用权出让合同;以划拨方式取得的已取得用地预审与选址意见书。",
    statutory=20,
    promised=5,
    situations=[("出让用地", ""), ("划拨用地", "")],
    materials=[
        material("建设用地规划许可申请表", form="electronic"),
        PROJECT_APPROVAL,
        material("国有土地使用权出让合同", form="electronic", situation="S01"),
        material("建设项目用地预审与选址意见书", form="electronic", situation="S02"),
        by_agency("勘测定界图", "标注用地范围和坐标"),
    ],
    form=[text("project_name", "建设项目名称"), text("location", "用地位置"), number("land_area", "用地面积(平方米)")],
    result="建设用地规划许可证",
    license_type="construction-land-planning-permit",
    intermediaries=("ZJ013",),
    unit="国土空间规划股",
    depth=7,
    keywords="用地规划许可证 用地规划 拿地",
)

RURAL_PLANNING = lists.power(
    C.LICENSING,
    3,
    "乡村建设规划许可证核发",
    bases=[
        basis(
            PLANNING_LAW,
            "第四十一条",
            "在乡、村庄规划区内进行乡镇企业、乡村公共设施和公益事业建设的,建设单位或者个人应当向乡、镇人民政府提出申请,"
            "由乡、镇人民政府报城市、县人民政府城乡规划主管部门核发乡村建设规划许可证。",
        )
    ],
    content="对乡、村庄规划区内的乡镇企业、乡村公共设施、公益事业建设和农村村民住宅建设核发乡村建设规划许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    RURAL_PLANNING,
    audience=A.BOTH,
    themes=["zhufang", "gongcheng-jianshe"],
    conditions="建设项目位于乡、村庄规划区内,符合村庄规划;农村村民住宅建设已取得宅基地批准;不占用或者已依法办理农用地转用审批手续。",
    statutory=20,
    promised=10,
    situations=[("农村村民住宅", ""), ("乡镇企业、乡村公共设施和公益事业", "")],
    materials=[
        material("乡村建设规划许可申请表", requirements="经乡镇人民政府审核签署意见"),
        ID_CARD,
        material("农村宅基地批准书", situation="S01"),
        material("住宅设计图或者选用的通用图集", situation="S01"),
        PROJECT_APPROVAL | {"situation": "S02"},
        material("建设工程设计方案", situation="S02"),
    ],
    form=[text("location", "建设地点(村组)"), number("floor_area", "建筑面积(平方米)"), number("floors", "层数")],
    result="乡村建设规划许可证",
    site_check=True,
    unit="国土空间规划股",
    places="建设项目所在地乡镇便民服务中心综合受理窗口",
    depth=5,
    keywords="农村建房 盖房 自建房 乡村规划许可证 宅基地建房",
)

SITE_SELECTION = lists.power(
    C.LICENSING,
    4,
    "建设项目用地预审与选址意见书核发",
    bases=[
        basis(
            PLANNING_LAW,
            "第三十六条",
            "按照国家规定需要有关部门批准或者核准的建设项目,以划拨方式提供国有土地使用权的,建设单位在报送有关部门批准或者核准前,"
            "应当向城乡规划主管部门申请核发选址意见书。",
        ),
        basis(
            LAND_LAW,
            "",
            "建设项目可行性研究论证时,自然资源主管部门可以根据土地利用总体规划、土地利用年度计划和建设用地标准,对建设用地有关事项进行审查,并提出意见。",
        ),
    ],
    content="对需要批准或者核准的建设项目,在可行性研究阶段进行用地预审并核发选址意见书(两证合一)。",
    levels=ALL_LEVELS,
)
lists.guide(
    SITE_SELECTION,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建设项目符合国土空间规划和用途管制要求,用地规模符合建设用地标准;位于地质灾害易发区的已完成地质灾害危险性评估。",
    statutory=20,
    promised=10,
    materials=[
        material("建设项目用地预审与选址申请表", form="electronic"),
        material("建设项目可行性研究报告或者项目建议书", form="electronic"),
        by_agency("标注项目用地范围的国土空间规划图和勘测定界图"),
        optional("地质灾害危险性评估报告", "位于地质灾害易发区的提交"),
    ],
    form=[text("project_name", "建设项目名称"), text("location", "拟选位置"), number("land_area", "拟用地面积(公顷)")],
    result="建设项目用地预审与选址意见书",
    intermediaries=("ZJ003", "ZJ013"),
    unit="国土空间规划股",
    depth=6,
    keywords="选址意见书 用地预审 项目选址",
)

TEMPORARY_LAND = lists.power(
    C.LICENSING,
    5,
    "临时用地审批",
    bases=[
        basis(
            LAND_LAW,
            "第五十七条",
            "建设项目施工和地质勘查需要临时使用国有土地或者农民集体所有的土地的,由县级以上人民政府自然资源主管部门批准。"
            "土地使用者应当根据土地权属,与有关自然资源主管部门或者农村集体经济组织、村民委员会签订临时使用土地合同,并按照合同的约定支付临时使用土地补偿费。",
        )
    ],
    content="对建设项目施工和地质勘查临时使用国有土地或者农民集体所有的土地进行审批。",
    levels=CITY_COUNTY,
)
lists.guide(
    TEMPORARY_LAND,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="因建设项目施工、地质勘查需要临时使用土地,不修建永久性建筑物,使用期限一般不超过两年,并编制土地复垦方案。",
    statutory=20,
    promised=10,
    materials=[
        material("临时用地申请书"),
        material("临时使用土地合同", requirements="与土地权属单位签订"),
        material("土地复垦方案报告表"),
        by_agency("勘测定界图"),
    ],
    form=[text("purpose", "用地用途"), number("area", "临时用地面积(平方米)"), number("months", "使用期限(月)")],
    result="临时用地批准文件",
    intermediaries=("ZJ013",),
    site_check=True,
    unit="耕地保护监督股",
    depth=5,
    keywords="临时用地 施工临时占地 工棚用地",
)

LAND_DISPUTE = lists.power(
    C.ADJUDICATION,
    1,
    "土地权属争议调处",
    bases=[
        basis(
            LAND_LAW,
            "第十四条",
            "土地所有权和使用权争议,由当事人协商解决;协商不成的,由人民政府处理。单位之间的争议,由县级以上人民政府处理;"
            "个人之间、个人与单位之间的争议,由乡级人民政府或者县级以上人民政府处理。",
        )
    ],
    content="受理本县行政区域内土地所有权和使用权争议案件,调查、调解并提出处理意见,报县人民政府作出处理决定。",
    levels=ALL_LEVELS,
)
lists.guide(
    LAND_DISPUTE,
    audience=A.BOTH,
    themes=[],
    conditions="申请人与争议的土地有直接利害关系;有明确的请求处理对象、具体的处理请求和事实根据;争议不属于人民法院已经受理的案件。",
    statutory=120,
    promised=90,
    materials=[
        material("土地权属争议调处申请书", copies=2, requirements="写明请求事项、事实和理由"),
        ID_CARD,
        material("权属来源证明和相关证据材料"),
        optional("争议地块示意图", "能够提供的提交"),
    ],
    form=[text("respondent", "对方当事人"), text("parcel", "争议地块位置"), textarea("claim", "请求事项与事实理由")],
    result="土地权属争议处理决定书",
    site_check=True,
    unit="地籍管理股",
    depth=3,
    visits=1,
    visit_reason="需当面递交证据原件并参加调解",
    keywords="土地纠纷 地界争议 宅基地纠纷 确权争议",
)

PLANNING_CHECK = lists.power(
    C.CONFIRMATION,
    1,
    "建设工程规划条件核实",
    bases=[
        basis(
            PLANNING_LAW,
            "第四十五条",
            "县级以上地方人民政府城乡规划主管部门按照国务院规定对建设工程是否符合规划条件予以核实。"
            "未经核实或者经核实不符合规划条件的,建设单位不得组织竣工验收。",
        )
    ],
    content="对建设工程是否符合规划许可内容进行核实,出具规划核实意见。",
    levels=CITY_COUNTY,
)
lists.guide(
    PLANNING_CHECK,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建设工程已按建设工程规划许可证施工完成,具备竣工验收条件。",
    statutory=20,
    promised=5,
    materials=[
        material("建设工程规划核实申请表", form="electronic"),
        gov("建设工程规划许可证", "construction-planning-permit"),
        by_agency("规划竣工测量成果报告", "具有测绘资质的单位出具"),
    ],
    form=[text("project_name", "工程名称"), text("permit_number", "建设工程规划许可证号")],
    result="建设工程规划核实意见书",
    intermediaries=("ZJ006",),
    site_check=True,
    unit="国土空间规划股",
    depth=6,
    keywords="规划核实 规划验收 竣工规划",
)

lists.power(
    C.PENALTY,
    1,
    "对非法占用土地的行政处罚",
    bases=[
        basis(
            LAND_LAW,
            "",
            "未经批准或者采取欺骗手段骗取批准,非法占用土地的,由县级以上人民政府自然资源主管部门责令退还非法占用的土地,"
            "对违反土地利用总体规划擅自将农用地改为建设用地的,限期拆除在非法占用的土地上新建的建筑物和其他设施,恢复土地原状,……可以并处罚款。",
        )
    ],
    content="对未经批准非法占用土地的,责令退还,限期拆除或者没收新建的建筑物和其他设施,并处罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对土地、矿产资源利用情况的监督检查",
    bases=[basis(LAND_LAW, "", "县级以上人民政府自然资源主管部门对违反土地管理法律、法规的行为进行监督检查。")],
    content="开展土地卫片执法和动态巡查,对土地利用、耕地保护和矿产资源开发情况实施监督检查。",
    levels=ALL_LEVELS,
)
lists.power(
    C.LEVY,
    1,
    "耕地开垦费征收",
    bases=[
        basis(LAND_LAW, "", "没有条件开垦或者开垦的耕地不符合要求的,应当按照省、自治区、直辖市的规定缴纳耕地开垦费,专款用于开垦新的耕地。")
    ],
    content="对非农业建设经批准占用耕地、没有条件开垦或者开垦的耕地不符合要求的单位征收耕地开垦费。",
    levels=CITY_COUNTY,
)
lists.power(
    C.LEVY,
    2,
    "土地复垦费征收",
    bases=[
        basis(
            "《土地复垦条例》",
            "",
            "土地复垦义务人不复垦,或者复垦验收中经整改仍不合格的,应当缴纳土地复垦费,由有关国土资源主管部门代为组织复垦。",
        )
    ],
    content="对不履行土地复垦义务或者复垦不合格的生产建设单位征收土地复垦费。",
    levels=CITY_COUNTY,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
