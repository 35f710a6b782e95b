"""示范县农业农村局: farm-input licensing, animal health, seeds, farm machinery, fishing, farm subsidies."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    BUSINESS_LICENSE,
    ID_CARD,
    choice,
    copy_of,
    gap,
    material,
    number,
    optional,
    pledge,
    text,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.AGRICULTURE)

PESTICIDE_RULES = "《农药管理条例》"
ANIMAL_LAW = "《中华人民共和国动物防疫法》"
CROPS = "种植业管理股"
ANIMALS = "畜牧兽医股"
RURAL = "农村经营管理股"
PREMISES = material("经营(生产)场所、仓储设施的产权或者租赁证明及平面图")

PESTICIDE = lists.power(
    C.LICENSING,
    1,
    "农药经营许可",
    bases=[basis(PESTICIDE_RULES, "第二十四条", "国家实行农药经营许可制度,但经营卫生用农药的除外。")],
    content="对在本县经营农药(限制使用农药除外)的单位和个人核发农药经营许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    PESTICIDE,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke", "kaiban-qiye"],
    conditions="有具备农药和病虫害防治专业知识,熟悉农药管理规定,能够指导安全合理使用农药的经营人员;有与其他商品以及饮用水水源、生活区域等有效隔离的营业场所和仓储场所;有与所经营农药相适应的防护设施;有农药进货查验、台账记录、安全管理、安全防护、应急处置等管理制度和岗位操作规程。",
    statutory=20,
    promised=10,
    situations=[("新办", ""), ("变更", ""), ("延续", "有效期届满90日前申请")],
    materials=[
        material("农药经营许可证申请表"),
        BUSINESS_LICENSE,
        gap("经营人员的学历或者培训证明", "可在现场核查前补交", form="copy"),
        PREMISES | {"situation": "S01"},
        pledge("农药进货查验、台账记录、安全管理等制度和岗位操作规程", "可书面承诺,现场核查时查验", situation="S01"),
        material("原农药经营许可证", situation="S03"),
    ],
    form=[
        text("premises", "营业场所地址"),
        number("storage_area", "仓储面积(平方米)"),
        choice("scope", "经营范围", ["农药(限制使用农药除外)", "农药(含限制使用农药)"]),
    ],
    result="农药经营许可证",
    license_type="pesticide-business-license",
    site_check=True,
    unit=CROPS,
    depth=5,
    keywords="卖农药 农资店 农药许可证 农药经营",
)

VET_DRUG = lists.power(
    C.LICENSING,
    2,
    "兽药经营许可",
    bases=[
        basis(
            "《兽药管理条例》",
            "",
            "经营兽药的企业,应当具备下列条件:(一)与所经营的兽药相适应的兽药技术人员;(二)与所经营的兽药相适应的营业场所、设备、仓库设施;"
            "(三)与所经营的兽药相适应的质量管理机构或者人员;(四)兽药经营质量管理规范规定的其他经营条件。",
        )
    ],
    content="对在本县经营兽药(兽用生物制品除外)的企业核发兽药经营许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    VET_DRUG,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="有与所经营的兽药相适应的兽药技术人员、营业场所、设备、仓库设施;有与所经营的兽药相适应的质量管理机构或者人员;有兽药经营质量管理规范规定的其他经营条件。",
    statutory=30,
    promised=15,
    materials=[
        material("兽药经营许可证申请表"),
        BUSINESS_LICENSE,
        copy_of("兽药技术人员学历或者职称证明"),
        PREMISES,
        material("质量管理制度文件"),
    ],
    form=[text("premises", "经营地址"), choice("scope", "经营范围", ["兽用化学药品、中药", "兽用化学药品、中药、生物制品(非强制免疫)"])],
    result="兽药经营许可证",
    site_check=True,
    unit=ANIMALS,
    depth=5,
    keywords="兽药店 卖兽药 兽药许可证",
)

ANIMAL_EPIDEMIC = lists.power(
    C.LICENSING,
    3,
    "动物防疫条件合格证核发",
    bases=[
        basis(
            ANIMAL_LAW,
            "",
            "动物饲养场和隔离场所、动物屠宰加工场所以及动物和动物产品无害化处理场所,应当向县级以上地方人民政府农业农村主管部门提出申请,"
            "并附具相关材料。……经审查合格的,发给动物防疫条件合格证。",
        )
    ],
    content="对本县动物饲养场、隔离场所、屠宰加工场所和无害化处理场所的动物防疫条件进行审查,核发动物防疫条件合格证。",
    levels=CITY_COUNTY,
)
lists.guide(
    ANIMAL_EPIDEMIC,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke", "gongcheng-jianshe"],
    conditions="场所的位置与居民生活区、生活饮用水水源地、学校、医院等公共场所的距离符合规定;生产经营区域封闭隔离,工程设计和有关流程符合动物防疫要求;有与其规模相适应的污水、污物处理设施和清洗消毒设施设备;有与其规模相适应的执业兽医或者动物防疫技术人员;有完善的隔离消毒、购销台账、日常巡查等动物防疫制度。",
    statutory=20,
    promised=10,
    materials=[
        material("动物防疫条件审查申请表"),
        material("场所地理位置图、各功能区布局平面图"),
        material("设施设备清单"),
        material("管理制度文本"),
        copy_of("人员信息(执业兽医或者动物防疫技术人员)"),
    ],
    form=[
        choice("kind", "场所类型", ["动物饲养场", "隔离场所", "屠宰加工场所", "无害化处理场所"]),
        text("species", "饲养(屠宰)动物种类"),
        number("scale", "设计规模(头、只)"),
    ],
    result="动物防疫条件合格证",
    site_check=True,
    unit=ANIMALS,
    depth=5,
    keywords="养殖场 养猪场 防疫合格证 屠宰场",
)

CLINIC = lists.power(
    C.LICENSING,
    4,
    "动物诊疗许可",
    bases=[basis(ANIMAL_LAW, "", "从事动物诊疗活动的机构,应当向县级以上地方人民政府农业农村主管部门申请动物诊疗许可证。")],
    content="对在本县从事动物诊疗活动的机构核发动物诊疗许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    CLINIC,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions="有与动物诊疗活动相适应并符合动物防疫条件的场所;有与动物诊疗活动相适应的执业兽医;有与动物诊疗活动相适应的兽医器械和设备;有完善的管理制度。",
    statutory=20,
    promised=10,
    materials=[
        material("动物诊疗许可证申请表"),
        BUSINESS_LICENSE,
        material("诊疗场所地理方位图、室内平面图和各功能区布局图"),
        copy_of("执业兽医资格证书"),
        material("兽医器械设备清单和管理制度"),
    ],
    form=[text("clinic_name", "诊疗机构名称"), choice("kind", "机构类别", ["动物诊所", "动物医院"]), number("vets", "执业兽医人数")],
    result="动物诊疗许可证",
    site_check=True,
    unit=ANIMALS,
    depth=5,
    keywords="宠物医院 动物诊所 兽医院 宠物诊所",
)

SEEDS = lists.power(
    C.LICENSING,
    5,
    "农作物种子生产经营许可",
    bases=[
        basis(
            "《中华人民共和国种子法》",
            "",
            "其他种子的生产经营许可证,由生产经营者所在地县级以上地方人民政府农业农村、林业草原主管部门核发。",
        )
    ],
    content="对在本县从事非主要农作物种子生产、农作物种子经营(不含进出口)的单位核发种子生产经营许可证。",
    levels=ALL_LEVELS,
)
lists.guide(
    SEEDS,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="具有与种子生产经营相适应的生产经营设施、设备及专业技术人员;有种子质量检验和仓储条件;有健全的质量保证制度。",
    statutory=20,
    promised=10,
    materials=[
        material("农作物种子生产经营许可证申请表"),
        BUSINESS_LICENSE,
        PREMISES,
        copy_of("种子检验人员、贮藏保管人员资质证明"),
        material("质量保证制度和检验设备清单"),
    ],
    form=[choice("kind", "许可类型", ["农作物种子经营", "非主要农作物种子生产经营"]), text("crops", "作物种类")],
    result="农作物种子生产经营许可证",
    site_check=True,
    unit=CROPS,
    depth=5,
    keywords="卖种子 种子店 种子许可证",
)

MACHINE = lists.power(
    C.LICENSING,
    6,
    "拖拉机和联合收割机登记",
    bases=[
        basis(
            "《农业机械安全监督管理条例》",
            "第二十一条",
            "拖拉机、联合收割机投入使用前,其所有人应当按照国务院农业机械化主管部门的规定,持本人身份证明和机具来源证明,"
            "向所在地县级人民政府农业机械化主管部门申请登记。",
        )
    ],
    content="对拖拉机、联合收割机办理注册、变更、转移、抵押、注销登记,核发号牌、行驶证和登记证书。",
    levels=CITY_COUNTY,
)
lists.guide(
    MACHINE,
    audience=A.PERSON,
    themes=["chuxing"],
    conditions="拖拉机、联合收割机来源合法,经安全检验合格,已投保机动车交通事故责任强制保险(拖拉机)。",
    statutory=5,
    promised=1,
    situations=[("注册登记", ""), ("转移、变更登记", ""), ("注销登记", "")],
    materials=[
        material("拖拉机、联合收割机登记申请表"),
        ID_CARD,
        material("机具来源证明(购机发票)和出厂合格证明", situation="S01"),
        material("安全技术检验合格证明"),
        optional("交通事故责任强制保险凭证", "拖拉机提交"),
        material("原登记证书、号牌和行驶证", situation="S03"),
    ],
    form=[
        choice("kind", "机型", ["轮式拖拉机", "手扶拖拉机", "联合收割机"]),
        text("engine_number", "发动机号"),
        text("frame_number", "机身(底盘)号"),
    ],
    result="拖拉机(联合收割机)登记证书、号牌和行驶证",
    site_check=True,
    unit=CROPS,
    depth=3,
    visits=1,
    visit_reason="需将机具送到指定地点现场查验并拓印机身号、安装号牌",
    keywords="拖拉机上牌 收割机登记 农机上牌",
)

FISHING = lists.power(
    C.LICENSING,
    7,
    "渔业捕捞许可",
    bases=[basis("《中华人民共和国渔业法》", "第二十三条", "国家对捕捞业实行捕捞许可证制度。")],
    content="对在本县内陆水域从事渔业捕捞的单位和个人核发捕捞许可证。",
    levels=ALL_LEVELS,
)
lists.guide(
    FISHING,
    audience=A.PERSON,
    themes=["jiuye-chuangye"],
    conditions="有渔业船舶检验证书和渔业船舶登记证书;作业方式、渔具渔法符合规定;在禁渔区、禁渔期以外作业。",
    statutory=20,
    promised=10,
    materials=[material("捕捞许可证申请书"), ID_CARD, copy_of("渔业船舶检验证书和登记证书")],
    form=[text("vessel", "渔船名号"), choice("gear", "作业方式", ["刺网", "钓具", "笼壶", "地拉网"]), text("waters", "作业水域")],
    result="内陆渔业捕捞许可证",
    unit=CROPS,
    depth=5,
    keywords="捕鱼证 捕捞证 打鱼 渔船",
)

MACHINE_SUBSIDY = lists.power(
    C.BENEFIT,
    1,
    "农机购置与应用补贴",
    bases=[
        basis(
            "《中华人民共和国农业机械化促进法》",
            "",
            "中央财政、省级财政应当分别安排专项资金,对农民和农业生产经营组织购买国家支持推广的先进适用的农业机械给予补贴。",
        )
    ],
    content="对购置列入补贴范围的农业机械的农民和农业生产经营组织,按规定标准发放农机购置与应用补贴。",
    levels=ALL_LEVELS,
)
lists.guide(
    MACHINE_SUBSIDY,
    audience=A.BOTH,
    themes=[],
    conditions="从事农业生产的个人和农业生产经营组织;购置的机具列入补贴范围且已在补贴辅助管理系统中投档;购机后按规定时限申请。",
    statutory=30,
    promised=20,
    materials=[
        material("农机购置与应用补贴申请表", form="electronic"),
        ID_CARD,
        material("购机发票", form="electronic"),
        optional("拖拉机、联合收割机行驶证", "需牌证管理的机具提交"),
    ],
    form=[text("machine", "机具品目和型号"), number("price", "购机价格(元)"), text("bank_account", "补贴资金发放账号", max_length=30)],
    result="农机购置与应用补贴资金发放",
    site_check=True,
    unit=CROPS,
    depth=5,
    keywords="农机补贴 买拖拉机补贴 购机补贴",
)

LAND_SUBSIDY = lists.power(
    C.BENEFIT,
    2,
    "耕地地力保护补贴",
    bases=[basis("《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》(财农〔2016〕26号)")],
    content="对拥有耕地承包权的种地农民按照核定的补贴面积和标准发放耕地地力保护补贴。",
    levels=ALL_LEVELS,
)
lists.guide(
    LAND_SUBSIDY,
    audience=A.PERSON,
    themes=[],
    conditions="拥有耕地承包权的种地农民;补贴耕地未改变用途、未撂荒;已改为林地、牧草地的耕地和被占用的耕地不予补贴。",
    statutory=30,
    promised=20,
    materials=[
        material("耕地地力保护补贴面积申报表", requirements="经村组核实公示"),
        ID_CARD,
        material("农村土地承包经营权证或者承包合同"),
    ],
    form=[number("area", "申报面积(亩)"), text("bank_account", "“一卡通”补贴账号", max_length=30)],
    result="耕地地力保护补贴发放",
    unit=RURAL,
    places="户籍所在地乡镇便民服务中心综合受理窗口",
    depth=4,
    keywords="种粮补贴 耕地补贴 地力补贴 粮补",
)

QUARANTINE = lists.power(
    C.CONFIRMATION,
    1,
    "动物及动物产品检疫",
    bases=[
        basis(
            ANIMAL_LAW,
            "",
            "屠宰、出售或者运输动物以及出售或者运输动物产品前,货主应当按照国务院农业农村主管部门的规定向所在地动物卫生监督机构申报检疫。",
        )
    ],
    content="对申报检疫的动物及动物产品实施检疫,合格的出具动物检疫证明。",
    levels=CITY_COUNTY,
)
lists.guide(
    QUARANTINE,
    audience=A.BOTH,
    themes=["jingying-xuke"],
    conditions="货主在出售、运输、屠宰动物或者出售、运输动物产品前按规定时限申报检疫;动物来自非封锁区,按规定进行了强制免疫并在有效保护期内,养殖档案相关记录齐全。",
    statutory=1,
    promised=1,
    materials=[material("检疫申报单", form="electronic"), material("养殖档案和强制免疫记录", form="electronic")],
    form=[
        choice("species", "动物种类", ["猪", "牛", "羊", "家禽", "其他"]),
        number("quantity", "数量(头、只)"),
        text("destination", "启运地和到达地"),
    ],
    result="动物检疫合格证明",
    site_check=True,
    unit=ANIMALS,
    depth=5,
    keywords="检疫证 卖猪检疫 运输检疫 动物检疫",
)

lists.power(
    C.PENALTY,
    1,
    "对经营假农药、劣质农药的行政处罚",
    bases=[basis(PESTICIDE_RULES)],
    content="对经营假农药、劣质农药的,责令停止经营,没收违法所得、违法经营的农药,并处罚款;情节严重的,由发证机关吊销农药经营许可证。",
    levels=ALL_LEVELS,
)
lists.power(
    C.COERCION,
    1,
    "查封、扣押违法生产、经营、使用的农药",
    bases=[
        basis(
            PESTICIDE_RULES,
            "",
            "县级以上地方人民政府农业主管部门履行农药监督管理职责,可以依法采取下列措施:……查封、扣押违法生产、经营、使用的农药,以及用于违法生产、经营、使用农药的工具、设备、原材料等。",
        )
    ],
    content="对违法生产、经营、使用的农药和用于违法活动的工具、设备、原材料,依法查封、扣押。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对农业投入品生产经营的监督检查",
    bases=[basis(PESTICIDE_RULES), basis("《兽药管理条例》"), basis("《中华人民共和国种子法》")],
    content="对农药、兽药、种子、肥料等农业投入品的经营和使用情况实施监督检查和抽样检测。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
