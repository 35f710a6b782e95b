"""示范县城市管理行政执法局: outdoor advertising, construction waste, municipal facilities, urban trees, enforcement."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, ID_CARD, choice, date, gov, material, number, optional, pledge, text
from onewindow.catalog.demo_data.powers import CITY_COUNTY, basis

lists = DepartmentLists(d.CITY_MANAGEMENT)

SANITATION_RULES = "《城市市容和环境卫生管理条例》"
ROAD_RULES = "《城市道路管理条例》"
PLANNING_LAW = "《中华人民共和国城乡规划法》"
MUNICIPAL = "市政公用股"
ENFORCEMENT = "城市管理综合执法大队"

OUTDOOR_AD = lists.power(
    C.LICENSING,
    1,
    "户外广告设施设置审批",
    bases=[
        basis(
            SANITATION_RULES, "第十一条", "大型户外广告的设置必须征得城市人民政府市容环境卫生行政主管部门同意后,按照有关规定办理审批手续。"
        ),
        basis("《示范县户外广告设施设置管理办法》"),
    ],
    content="对在本县城市规划区内设置户外广告设施(含大型广告牌、楼顶广告、墙体广告、LED显示屏等)实施审批。",
    levels=CITY_COUNTY,
)
lists.guide(
    OUTDOOR_AD,
    name="户外广告设施设置审批",
    audience=A.BOTH,
    themes=["jingying-xuke", "kaiban-qiye"],
    conditions="设置位置符合本县户外广告设施设置规划;设施结构安全,与周边景观协调;不影响交通安全和消防通道;利用他人建筑物设置的已取得所有权人同意。",
    statutory=20,
    promised=5,
    situations=[("新设置", ""), ("延续", "设置期限届满30日前申请")],
    materials=[
        material("户外广告设施设置申请表"),
        BUSINESS_LICENSE | {"necessity": "optional", "requirements": "单位申请的通过电子证照库调取"},
        ID_CARD,
        material("设置地点的产权证明或者所有权人同意设置的证明", situation="S01"),
        material("设施效果图、尺寸和结构设计图", situation="S01"),
        pledge("大型户外广告设施结构安全承诺书", "面积超过规定的提交结构安全检测报告,其余可书面承诺"),
    ],
    form=[
        choice("kind", "设施类型", ["楼顶广告", "墙体广告", "立柱广告", "LED显示屏", "店招门头"]),
        text("location", "设置地点"),
        number("area", "广告面积(平方米)"),
        number("years", "申请设置期限(年)"),
    ],
    result="户外广告设施设置许可决定书",
    license_type="outdoor-ad-permit",
    site_check=True,
    depth=5,
    keywords="广告牌 户外广告 招牌 门头 LED屏 楼顶广告",
)

CONSTRUCTION_WASTE = lists.power(
    C.LICENSING,
    2,
    "城市建筑垃圾处置核准",
    bases=[
        basis(
            "《城市建筑垃圾管理规定》",
            "",
            "处置建筑垃圾的单位,应当向城市人民政府市容环境卫生主管部门提出申请,获得城市建筑垃圾处置核准后,方可处置。",
        )
    ],
    content="对在本县城市规划区内处置建筑垃圾的建设单位和运输单位核发建筑垃圾处置核准文件。",
    levels=CITY_COUNTY,
)
lists.guide(
    CONSTRUCTION_WASTE,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="有建筑垃圾分类处置方案和废弃混凝土回收利用方案;已与符合规定的运输单位签订运输合同;运输车辆具备全密闭运输机械装置和卫星定位系统;消纳场所符合规划。",
    statutory=20,
    promised=3,
    materials=[
        material("建筑垃圾处置核准申请表"),
        gov("建筑工程施工许可证", "construction-permit"),
        material("建筑垃圾处置方案(含运输路线、消纳场所)"),
        material("与运输单位签订的运输合同及车辆清单"),
    ],
    form=[text("project_name", "工程名称"), number("volume", "预计建筑垃圾量(立方米)"), text("disposal_site", "消纳场所")],
    result="城市建筑垃圾处置核准文件",
    unit="市容环境卫生管理股",
    depth=6,
    keywords="建筑垃圾 渣土 渣土运输 拆迁垃圾",
)

MUNICIPAL_WORKS = lists.power(
    C.LICENSING,
    3,
    "市政设施建设类审批",
    bases=[basis(ROAD_RULES)],
    content="对临时占用城市道路、挖掘城市道路、依附于城市道路建设各种管线杆线等设施实施审批。",
    levels=CITY_COUNTY,
)
_ROAD_SUBS = [
    (
        1,
        "临时占用城市道路审批",
        basis(
            ROAD_RULES, "第三十一条", "因特殊情况需要临时占用城市道路的,须经市政工程行政主管部门和公安交通管理部门批准,方可按照规定占用。"
        ),
        "因工程建设堆放物料、搭建临时设施、举办活动等需要临时占用城市道路",
        "占道施工 临时占道 搭建 摆放物料",
    ),
    (
        2,
        "挖掘城市道路审批",
        basis(
            ROAD_RULES,
            "第三十三条",
            "因工程建设需要挖掘城市道路的,应当提交城市规划部门批准签发的文件和有关设计文件,经市政工程行政主管部门和公安交通管理部门批准,方可按照规定挖掘。",
        ),
        "因埋设管线等工程建设需要挖掘城市道路",
        "挖路 破路 开挖道路 接管道",
    ),
]
for _sub, _name, _basis, _desc, _keywords in _ROAD_SUBS:
    _power = lists.power(C.LICENSING, 3, _name, sub=_sub, bases=[_basis], content=f"对{_desc}的申请实施审批。", levels=CITY_COUNTY)
    lists.guide(
        _power,
        audience=A.BOTH,
        themes=["gongcheng-jianshe"],
        conditions=f"{_desc};占用(挖掘)的位置、面积、期限合理,制定了交通组织和安全防护方案;已经公安交通管理部门同意(并联办理)。",
        statutory=20,
        promised=3,
        materials=[
            material(f"{_name.removesuffix('审批')}申请表"),
            ID_CARD,
            material("占用(挖掘)位置平面图和施工方案"),
            material("交通组织和安全防护方案"),
            optional("规划许可文件", "挖掘道路埋设管线的提交"),
        ],
        form=[
            text("location", "占用(挖掘)位置"),
            number("area", "面积(平方米)"),
            date("start_date", "开始日期"),
            number("days", "期限(天)"),
        ],
        result=f"{_name.removesuffix('审批')}许可证",
        site_check=True,
        joint_handling=True,
        unit=MUNICIPAL,
        depth=5,
        keywords=_keywords,
    )

TREES = lists.power(
    C.LICENSING,
    4,
    "砍伐、移植城市树木审批",
    bases=[
        basis(
            "《城市绿化条例》",
            "",
            "任何单位和个人都不得擅自砍伐城市树木。砍伐城市树木,必须经城市人民政府城市绿化行政主管部门批准,并按照国家有关规定补植树木或者采取其他补救措施。",
        )
    ],
    content="对因建设、危树排险等原因需要砍伐、移植城市树木的申请实施审批。",
    levels=CITY_COUNTY,
)
lists.guide(
    TREES,
    audience=A.BOTH,
    themes=["gongcheng-jianshe", "zhufang"],
    conditions="树木严重影响居民采光、通风和居住安全,或者因建设需要且无法避让,或者树木已死亡、存在安全隐患;制定了补植或者其他补救方案。古树名木不得砍伐。",
    statutory=20,
    promised=5,
    materials=[material("砍伐(移植)城市树木申请表"), ID_CARD, material("树木位置图、现状照片和补植方案")],
    form=[text("location", "树木位置"), text("species", "树种"), number("count", "株数"), choice("action", "申请事项", ["砍伐", "移植"])],
    result="砍伐(移植)城市树木许可决定书",
    site_check=True,
    unit=MUNICIPAL,
    depth=5,
    keywords="砍树 移树 小区砍树 行道树",
)

lists.power(
    C.PENALTY,
    1,
    "对未取得建设工程规划许可证进行建设的行政处罚",
    bases=[
        basis(
            PLANNING_LAW,
            "第六十四条",
            "未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的,由县级以上地方人民政府城乡规划主管部门责令停止建设;"
            "尚可采取改正措施消除对规划实施的影响的,限期改正,处建设工程造价百分之五以上百分之十以下的罚款;无法采取改正措施消除影响的,"
            "限期拆除,不能拆除的,没收实物或者违法收入,可以并处建设工程造价百分之十以下的罚款。",
        )
    ],
    content="依据相对集中行政处罚权,对城市规划区内违法建设责令停止建设、限期改正或者拆除,并处罚款。",
    levels=CITY_COUNTY,
)
lists.power(
    C.PENALTY,
    2,
    "对随意倾倒、抛洒、堆放建筑垃圾的行政处罚",
    bases=[basis("《城市建筑垃圾管理规定》"), basis(SANITATION_RULES)],
    content="对随意倾倒、抛洒或者堆放建筑垃圾的单位和个人,责令限期改正,给予警告,并处罚款。",
    levels=CITY_COUNTY,
)
lists.power(
    C.COERCION,
    1,
    "查封违法建设施工现场",
    bases=[
        basis(
            PLANNING_LAW,
            "第六十八条",
            "城乡规划主管部门作出责令停止建设或者限期拆除的决定后,当事人不停止建设或者逾期不拆除的,建设工程所在地县级以上地方人民政府"
            "可以责成有关部门采取查封施工现场、强制拆除等措施。",
        )
    ],
    content="经县人民政府责成,对拒不停止建设的违法建设施工现场依法查封。",
    levels=CITY_COUNTY,
)
lists.power(
    C.INSPECTION,
    1,
    "对城市市容环境卫生的监督检查",
    bases=[basis(SANITATION_RULES)],
    content="对城市道路、公共场所、沿街单位的市容环境卫生和户外广告设施设置情况实施巡查检查。",
    levels=CITY_COUNTY,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
