"""示范县交通运输局: road passenger and freight transport, taxis, oversize transport, road works, repair filing."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.choices import StageKind
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    BUSINESS_LICENSE,
    ID_CARD,
    choice,
    copy_of,
    date,
    gap,
    material,
    number,
    optional,
    pledge,
    special,
    text,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.TRANSPORT)

TRANSPORT_RULES = "《中华人民共和国道路运输条例》"
HIGHWAY_LAW = "《中华人民共和国公路法》"
ROAD_TRANSPORT_LICENSE = "road-transport-license"
TRANSPORT_UNIT = "运输管理股"
HIGHWAY_UNIT = "公路管理股"

PASSENGER = lists.power(
    C.LICENSING,
    1,
    "道路旅客运输经营许可",
    bases=[
        basis(
            TRANSPORT_RULES,
            "",
            "申请从事客运经营的,应当依法向市场监督管理部门办理有关登记手续后,按照下列规定提出申请并提交符合本条例第八条规定条件的相关材料:"
            "(一)从事县级行政区域内和毗邻县行政区域间客运经营的,"
            "向所在地县级人民政府交通运输主管部门提出申请。",
        )
    ],
    content="对从事县级行政区域内和毗邻县行政区域间班车客运、包车客运经营的申请实施许可。",
    levels=ALL_LEVELS,
)
lists.guide(
    PASSENGER,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="有与其经营业务相适应并经检测合格的车辆;有符合规定条件的驾驶人员;有健全的安全生产管理制度;申请班线经营的有明确的线路和站点方案。",
    statutory=20,
    promised=10,
    materials=[
        material("道路旅客运输经营申请表"),
        BUSINESS_LICENSE,
        material("拟投入车辆承诺书或者已有车辆的行驶证、车辆技术等级评定结论"),
        copy_of("驾驶人员的机动车驾驶证和从业资格证"),
        gap("安全生产管理制度文本", "可在许可决定前补交"),
        optional("班线运营方案", "申请班车客运的提交"),
    ],
    form=[
        choice("kind", "经营类别", ["县内班车客运", "毗邻县班车客运", "县内包车客运"]),
        number("vehicles", "拟投入车辆数"),
        text("route", "拟经营线路", required=False),
    ],
    result="道路运输经营许可证",
    license_type=ROAD_TRANSPORT_LICENSE,
    unit=TRANSPORT_UNIT,
    depth=5,
    keywords="客运许可 班车 包车 客运线路",
)

FREIGHT = lists.power(
    C.LICENSING,
    2,
    "道路货物运输经营许可",
    bases=[
        basis(
            TRANSPORT_RULES,
            "",
            "使用总质量4500千克及以下普通货运车辆从事普通货运经营的,无需按照本条规定申请取得道路运输经营许可证及车辆营运证。",
        )
    ],
    content="对使用总质量4500千克以上普通货运车辆从事普通货物运输经营的申请实施许可(危险货物运输除外)。",
    levels=CITY_COUNTY,
)
lists.guide(
    FREIGHT,
    audience=A.BOTH,
    themes=["jingying-xuke", "kaiban-qiye"],
    conditions="有与经营业务相适应并经检测合格的货运车辆;有符合规定条件的驾驶人员;有健全的安全生产管理制度。使用总质量4500千克及以下普通货运车辆的无需申请。",
    statutory=20,
    promised=5,
    materials=[
        material("道路货物运输经营申请表", form="electronic"),
        ID_CARD,
        pledge("拟投入车辆情况及车辆技术条件承诺", "车辆技术状况通过检验检测机构联网核查"),
        copy_of("驾驶人员的机动车驾驶证和从业资格证"),
    ],
    form=[number("vehicles", "拟投入车辆数"), number("max_weight", "车辆总质量(千克)")],
    result="道路运输经营许可证",
    license_type=ROAD_TRANSPORT_LICENSE,
    unit=TRANSPORT_UNIT,
    depth=7,
    keywords="货运许可 道路运输证 跑货运 拉货 营运证",
)

TAXI = lists.power(
    C.LICENSING,
    3,
    "巡游出租汽车经营许可",
    bases=[basis("《巡游出租汽车经营服务管理规定》")],
    content="对在本县从事巡游出租汽车经营的企业和个人实施许可,配置出租汽车车辆经营权。",
    levels=CITY_COUNTY,
)
lists.guide(
    TAXI,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="有符合要求的车辆或者提供保证满足车辆条件的承诺书;有取得巡游出租汽车驾驶员从业资格证的驾驶员;有健全的经营管理制度、安全生产管理制度和服务质量保障制度;有固定的经营场所和停车场地。",
    statutory=20,
    promised=10,
    materials=[
        material("巡游出租汽车经营申请表"),
        BUSINESS_LICENSE,
        material("投资人、负责人身份及资信证明"),
        material("经营管理制度、安全生产管理制度和服务质量保障制度文本"),
        material("经营场所、停车场地有关使用证明"),
    ],
    form=[number("vehicles", "申请车辆经营权数量"), text("premises", "经营场所")],
    result="道路运输经营许可证(巡游出租汽车)",
    license_type=ROAD_TRANSPORT_LICENSE,
    extras=(special(StageKind.EXPERT_REVIEW, "服务质量招投标评审", 15),),
    unit=TRANSPORT_UNIT,
    depth=5,
    keywords="出租车 的士 出租车经营权",
)

RIDE_HAILING = lists.power(
    C.LICENSING,
    4,
    "网络预约出租汽车运输证核发",
    bases=[basis("《网络预约出租汽车经营服务管理暂行办法》")],
    content="对拟从事网约车经营的车辆核发网络预约出租汽车运输证。",
    levels=CITY_COUNTY,
)
lists.guide(
    RIDE_HAILING,
    audience=A.BOTH,
    themes=["jiuye-chuangye", "jingying-xuke"],
    conditions="7座及以下乘用车;安装具有行驶记录功能的车辆卫星定位装置、应急报警装置;车辆技术性能符合运营安全相关标准要求;车辆轴距、排量、车龄等符合本县规定。",
    statutory=20,
    promised=5,
    materials=[
        material("网络预约出租汽车运输证申请表", form="electronic"),
        material("机动车行驶证", form="electronic", requirements="使用性质登记为预约出租客运"),
        material("车辆卫星定位装置、应急报警装置安装证明"),
        material("网约车平台公司出具的接入证明", form="electronic"),
    ],
    form=[text("plate_number", "车牌号", max_length=10), text("platform", "接入平台"), date("registered_on", "车辆注册日期")],
    result="网络预约出租汽车运输证",
    unit=TRANSPORT_UNIT,
    depth=6,
    keywords="网约车 网约车运输证 跑滴滴 车辆营运证",
)

OVERSIZE = lists.power(
    C.LICENSING,
    5,
    "公路超限运输许可",
    bases=[
        basis(
            HIGHWAY_LAW,
            "第五十条",
            "超过公路、公路桥梁、公路隧道或者汽车渡船的限载、限高、限宽、限长标准的车辆,不得在有限定标准的公路、公路桥梁上或者公路隧道内行驶,"
            "不得使用汽车渡船。超过公路或者公路桥梁限载标准确需行驶的,必须经县级以上地方人民政府交通主管部门批准。",
        ),
        basis("《超限运输车辆行驶公路管理规定》"),
    ],
    content="对在本县管辖的普通公路上行驶的超限运输车辆实施许可(跨省超限运输由起运地省级统一受理)。",
    levels=ALL_LEVELS,
)
lists.guide(
    OVERSIZE,
    audience=A.BOTH,
    themes=["chuxing"],
    conditions="运输的货物为不可解体物品;车辆、货物外廓尺寸和总质量符合公路、桥梁承载能力;制定了运输方案和必要的加固、改造措施。",
    statutory=15,
    promised=2,
    materials=[
        material("公路超限运输申请表", form="electronic"),
        material("车辆行驶证和道路运输证", form="electronic"),
        material("货物名称、外廓尺寸和质量说明", form="electronic"),
        optional("护送方案和通行路线安全技术评估报告", "车货总质量超过100吨或者外廓尺寸超限较大的提交"),
    ],
    form=[
        text("goods", "货物名称"),
        number("total_weight", "车货总质量(吨)"),
        text("route", "通行路线"),
        date("start_date", "计划运输日期"),
    ],
    result="超限运输车辆通行证",
    unit=HIGHWAY_UNIT,
    depth=6,
    keywords="大件运输 超限通行证 超限运输 超宽超高",
)

ROAD_WORKS = lists.power(
    C.LICENSING,
    6,
    "涉路施工许可",
    bases=[
        basis(
            HIGHWAY_LAW,
            "第四十四条",
            "因修建铁路、机场、电站、通信设施、水利工程和进行其他建设工程需要占用、挖掘公路或者使公路改线的,建设单位应当事先征得有关交通主管部门的同意。",
        ),
        basis("《公路安全保护条例》"),
    ],
    content="对占用、挖掘公路,跨越、穿越公路修建桥梁、管道、架设电缆,在公路用地范围内设置非公路标志等涉路施工活动实施许可。",
    levels=ALL_LEVELS,
)
lists.guide(
    ROAD_WORKS,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="符合公路工程技术标准要求;对公路、公路附属设施质量和安全的影响可控;有保障公路、公路附属设施质量和安全的技术评价报告以及处置施工险情和意外事故的应急方案。",
    statutory=20,
    promised=10,
    materials=[
        material("涉路施工许可申请书", form="electronic"),
        material("设计和施工方案", form="electronic"),
        material("保障公路、公路附属设施质量和安全的技术评价报告", form="electronic"),
        material("处置施工险情和意外事故的应急方案", form="electronic"),
    ],
    form=[
        choice("kind", "涉路施工类型", ["占用挖掘公路", "跨越穿越公路", "增设平面交叉道口", "设置非公路标志"]),
        text("road", "涉及公路及桩号"),
    ],
    result="涉路施工许可决定书",
    site_check=True,
    unit=HIGHWAY_UNIT,
    depth=5,
    keywords="挖路 占道施工 穿越公路 路口开口 管线穿路",
)

REPAIR_FILING = lists.power(
    C.FILING,
    1,
    "机动车维修经营备案",
    bases=[
        basis(
            TRANSPORT_RULES,
            "",
            "从事机动车维修经营业务的,应当在依法向市场监督管理部门办理有关登记手续后,向所在地县级人民政府交通运输主管部门进行备案。",
        )
    ],
    content="对从事机动车维修经营业务的经营者实行备案管理。",
    levels=CITY_COUNTY,
)
lists.guide(
    REPAIR_FILING,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions="已取得营业执照,具备与维修业务相适应的场地、设备、技术人员和管理制度,在开展维修业务后15日内备案。",
    statutory=0,
    promised=0,
    materials=[
        material("机动车维修经营备案表", form="electronic"),
        BUSINESS_LICENSE,
        material("维修场地、设备设施和技术人员情况说明", form="electronic"),
    ],
    form=[choice("category", "维修类别", ["一类维修", "二类维修", "三类维修(专项)", "摩托车维修"]), text("premises", "维修场所地址")],
    result="机动车维修经营备案回执",
    unit=TRANSPORT_UNIT,
    depth=7,
    keywords="修车 汽修厂 汽车维修 维修备案",
)

lists.power(
    C.PENALTY,
    1,
    "对未取得道路运输经营许可擅自从事道路运输经营的行政处罚",
    bases=[basis(TRANSPORT_RULES)],
    content="对未取得道路运输经营许可擅自从事道路客运、货运经营的,责令停止经营,没收违法所得,并处罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    2,
    "对车辆超限运输的行政处罚",
    bases=[basis(HIGHWAY_LAW), basis("《公路安全保护条例》")],
    content="对未经许可擅自行驶公路的超限运输车辆,责令改正,处以罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.COERCION,
    1,
    "暂扣无道路运输证件从事经营的车辆",
    bases=[basis(TRANSPORT_RULES)],
    content="对没有车辆营运证又无法当场提供其他有效证明的车辆,依法予以暂扣。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对道路运输经营者的监督检查",
    bases=[basis(TRANSPORT_RULES)],
    content="对道路运输经营者、机动车维修经营者的经营资质、车辆技术状况、安全生产和服务质量实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
