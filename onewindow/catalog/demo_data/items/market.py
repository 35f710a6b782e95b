"""示范县市场监督管理局: market-entity registration, food and drug licensing, special equipment, enforcement."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    BUSINESS_LICENSE,
    ID_CARD,
    PHOTO,
    choice,
    copy_of,
    date,
    gap,
    material,
    number,
    optional,
    pledge,
    text,
    textarea,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.MARKET)

FOOD_LAW = "《中华人民共和国食品安全法》"
REGISTRATION = "《中华人民共和国市场主体登记管理条例》"
REGISTRATION_LIMIT = basis(
    REGISTRATION,
    "第十九条",
    "登记机关应当对申请材料进行形式审查。对申请材料齐全、符合法定形式的予以确认并当场登记。"
    "不能当场登记的,应当在3个工作日内予以登记;情形复杂的,经登记机关负责人批准,可以再延长3个工作日。",
)
REGISTRATION_DUTY = basis(REGISTRATION, "第三条", "市场主体应当依照本条例办理登记。未经登记,不得以市场主体名义从事经营活动。")
PREMISES = pledge("住所(经营场所)使用证明", "可书面承诺住所(经营场所)真实、合法、可用,免于提交产权证明", situation="S01")

# 食品经营 --------------------------------------------------------------------------------------

FOOD_LICENSE = lists.power(
    C.LICENSING,
    1,
    "食品经营许可",
    bases=[
        basis(
            FOOD_LAW,
            "第三十五条",
            "国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务,应当依法取得许可。"
            "但是,销售食用农产品和仅销售预包装食品的,不需要取得许可。",
        ),
        basis(
            "《食品经营许可和备案管理办法》", "", "县级以上地方市场监督管理部门应当自受理申请之日起10个工作日内作出是否准予行政许可的决定。"
        ),
    ],
    content="对在本县从事食品销售、餐饮服务的经营者实施食品经营许可,核发、变更、延续、注销食品经营许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    FOOD_LICENSE,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions=(
        "1.已取得营业执照等合法主体资格;2.具有与经营的食品品种、数量相适应的经营场所,保持场所环境整洁,"
        "并与有毒、有害场所以及其他污染源保持规定的距离;3.具有与经营的食品品种、数量相适应的设备或者设施;"
        "4.有专职或者兼职的食品安全管理人员和保证食品安全的规章制度;5.具有合理的设备布局和工艺流程。"
    ),
    statutory=10,
    promised=5,
    situations=[
        ("新办", "首次申请食品经营许可"),
        ("变更", "经营项目、经营场所布局等许可事项发生变化"),
        ("延续", "许可证有效期届满需要继续经营"),
        ("注销", "终止食品经营活动"),
    ],
    materials=[
        material("食品经营许可申请书", requirements="法定代表人(负责人)签字或者单位盖章"),
        BUSINESS_LICENSE,
        ID_CARD,
        material("经营设备、设施布局和操作流程说明", requirements="标明各功能区位置和面积", situation="S01"),
        pledge("食品安全管理制度文本", "可承诺已建立进货查验、从业人员健康管理等制度,现场核查时查验", situation="S01"),
        gap("食品安全管理人员培训考核合格证明", "可于现场核查前补交", situation="S01"),
        material("与变更事项有关的说明材料", situation="S02"),
        material("食品经营许可证正本、副本", requirements="注销时交回;遗失的可书面承诺", situation="S04"),
    ],
    form=[
        text("premises", "经营场所地址"),
        number("area", "经营场所面积(平方米)"),
        choice("main_format", "主体业态", ["食品销售经营者", "餐饮服务经营者", "单位食堂"]),
        choice("items", "经营项目", ["散装食品销售", "特殊食品销售", "热食类食品制售", "冷食类食品制售", "自制饮品制售"]),
        date("opening_date", "拟开业日期", required=False),
    ],
    result="食品经营许可证",
    license_type="food-business-license",
    site_check=True,
    countersign=("食品经营监管股",),
    depth=6,
    keywords="开饭店 开餐馆 小吃店 奶茶店 便利店 超市 卖熟食 食品许可证 餐饮许可证 食堂",
)

PREPACKAGED = lists.power(
    C.FILING,
    1,
    "仅销售预包装食品备案",
    bases=[
        basis(
            FOOD_LAW,
            "第三十五条",
            "仅销售预包装食品的,应当报所在地县级以上地方人民政府食品安全监督管理部门备案。",
        )
    ],
    content="对仅销售预包装食品的经营者实施备案管理。",
    levels=CITY_COUNTY,
)
lists.guide(
    PREPACKAGED,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions="已取得营业执照,仅销售预包装食品(含冷藏冷冻预包装食品)的经营者,在开展经营活动前或取得营业执照后办理备案。",
    statutory=0,
    promised=0,
    materials=[
        material("仅销售预包装食品经营者备案信息采集表", form="electronic"),
        BUSINESS_LICENSE,
        ID_CARD,
    ],
    form=[text("premises", "经营场所地址"), choice("cold_chain", "是否销售冷藏冷冻食品", ["是", "否"])],
    result="仅销售预包装食品备案凭证",
    depth=7,
    keywords="小卖部 便利店 卖预包装食品 零食店 食品备案",
)

# 市场主体登记 ------------------------------------------------------------------------------------

INDIVIDUAL = lists.power(
    C.LICENSING,
    2,
    "个体工商户登记",
    bases=[
        REGISTRATION_DUTY,
        basis(
            "《促进个体工商户发展条例》",
            "第二条",
            "有经营能力的公民在中华人民共和国境内从事工商业经营,依法登记为个体工商户的,适用本条例。",
        ),
    ],
    content="对个体工商户的设立、变更、注销实施登记。",
    levels=CITY_COUNTY,
)
_INDIVIDUAL_SUBS = [
    (1, "个体工商户设立登记", "申请设立个体工商户", ["kaiban-qiye"]),
    (2, "个体工商户变更登记", "变更名称、经营者、经营范围、经营场所等登记事项", ["biangeng-zhuxiao"]),
    (3, "个体工商户注销登记", "终止经营活动的个体工商户", ["biangeng-zhuxiao"]),
]
_INDIVIDUAL_MATERIALS = {
    1: [
        material("个体工商户登记(备案)申请书", form="electronic", requirements="经营者签字"),
        ID_CARD,
        PREMISES,
        PHOTO,
    ],
    2: [
        material("个体工商户变更登记申请书", form="electronic", requirements="经营者签字"),
        BUSINESS_LICENSE,
        ID_CARD,
        optional("新经营场所使用证明", "变更经营场所的提交,可告知承诺"),
    ],
    3: [
        material("个体工商户注销登记申请书", form="electronic", requirements="经营者签字"),
        BUSINESS_LICENSE,
        ID_CARD,
        optional("营业执照正本、副本", "领取纸质执照的交回;遗失的可书面承诺"),
    ],
}
_INDIVIDUAL_FORMS = {
    1: [
        text("trade_name", "拟用字号名称", required=False),
        text("premises", "经营场所"),
        textarea("scope", "经营范围", max_length=500),
        choice("form", "组成形式", ["个人经营", "家庭经营"]),
        number("capital", "资金数额(万元)"),
    ],
    2: [
        choice("change_item", "变更事项", ["名称", "经营者", "经营范围", "经营场所", "组成形式", "资金数额"]),
        textarea("change_content", "变更后内容"),
    ],
    3: [textarea("reason", "注销原因", max_length=300), choice("debt_free", "是否已结清债权债务", ["是", "否"])],
}
for _sub, _name, _desc, _themes in _INDIVIDUAL_SUBS:
    _power = lists.power(
        C.LICENSING,
        2,
        _name,
        sub=_sub,
        bases=[REGISTRATION_LIMIT],
        content=f"对{_desc}的个体工商户办理登记。",
        levels=CITY_COUNTY,
    )
    lists.guide(
        _power,
        audience=A.PERSON,
        themes=_themes,
        conditions=f"{_desc};申请材料齐全、符合法定形式;名称不与已登记的名称相同或者近似,经营范围不属于禁止经营的项目。",
        statutory=3,
        promised=0,
        materials=_INDIVIDUAL_MATERIALS[_sub],
        form=_INDIVIDUAL_FORMS[_sub],
        result="营业执照" if _sub < 3 else "准予注销登记通知书",
        license_type="business-license" if _sub < 3 else "",
        depth=7,
        unit="登记注册科",
        keywords={1: "办营业执照 开个体户 开店 摆摊 个体执照", 2: "个体户变更 换执照 改名字 换地址", 3: "个体户注销 关店 不干了 注销执照"}[
            _sub
        ],
    )

COMPANY = lists.power(
    C.LICENSING,
    3,
    "企业登记注册",
    bases=[REGISTRATION_DUTY, basis("《中华人民共和国公司法》", "", "设立公司,应当依法向公司登记机关申请设立登记。")],
    content="对本县登记管辖范围内的有限责任公司、个人独资企业、合伙企业及其分支机构的设立、变更、注销实施登记。",
    levels=ALL_LEVELS,
)
_COMPANY_SUBS = [
    (1, "企业设立登记", "新设立企业", ["kaiban-qiye"], 1),
    (2, "企业变更登记", "企业名称、住所、法定代表人、注册资本、经营范围、股东等登记事项发生变化", ["biangeng-zhuxiao"], 1),
    (3, "企业注销登记", "企业解散、被宣告破产或者有其他法定事由需要终止", ["biangeng-zhuxiao"], 2),
]
_COMPANY_MATERIALS = {
    1: [
        material("公司登记(备案)申请书", form="electronic", requirements="通过企业开办“一网通办”平台填报,全体股东电子签名"),
        material("公司章程", form="electronic", requirements="全体股东签署"),
        ID_CARD,
        PREMISES,
        material("法定代表人、董事、监事和经理的任职文件", form="electronic"),
    ],
    2: [
        material("公司登记(备案)申请书", form="electronic"),
        material("关于变更事项的决议或者决定", form="electronic", requirements="股东会决议或者股东决定"),
        material("修改后的公司章程或者章程修正案", form="electronic", requirements="涉及章程修改的提交"),
        BUSINESS_LICENSE,
    ],
    3: [
        material("公司注销登记申请书", form="electronic"),
        material("清算报告", form="electronic", requirements="适用简易注销的提交全体投资人承诺书,不需提交清算报告"),
        material("依法作出解散的决议或者决定", form="electronic"),
        optional("清税证明", "通过部门共享获取,无法获取的提交"),
        BUSINESS_LICENSE,
    ],
}
for _sub, _name, _desc, _themes, _promised in _COMPANY_SUBS:
    _power = lists.power(
        C.LICENSING, 3, _name, sub=_sub, bases=[REGISTRATION_LIMIT], content=f"对{_desc}的情形办理登记。", levels=ALL_LEVELS
    )
    lists.guide(
        _power,
        audience=A.ENTERPRISE,
        themes=_themes,
        conditions=f"{_desc};申请材料齐全、符合法定形式;属于本县登记管辖范围。",
        statutory=3,
        promised=_promised,
        materials=_COMPANY_MATERIALS[_sub],
        form=[
            choice("entity_type", "企业类型", ["有限责任公司", "个人独资企业", "合伙企业", "分公司"]),
            text("address", "住所"),
            textarea("scope", "经营范围(或变更、注销事项说明)", max_length=800),
        ],
        result="营业执照" if _sub < 3 else "准予注销登记通知书",
        license_type="business-license" if _sub < 3 else "",
        depth=7,
        unit="登记注册科",
        window_decides=True,
        keywords={1: "开公司 注册公司 办执照 企业开办 成立公司", 2: "公司变更 换法人 改名称 增资 迁址", 3: "公司注销 简易注销 关闭公司"}[
            _sub
        ],
    )

COOPERATIVE = lists.power(
    C.LICENSING,
    4,
    "农民专业合作社登记",
    bases=[
        basis(
            "《中华人民共和国农民专业合作社法》",
            "",
            "设立农民专业合作社,应当向工商行政管理部门提交有关文件,申请设立登记。",
        ),
        REGISTRATION_LIMIT,
    ],
    content="对农民专业合作社及其联合社的设立、变更、注销实施登记。",
    levels=CITY_COUNTY,
)
lists.guide(
    COOPERATIVE,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye"],
    conditions="有五名以上符合规定的成员,农民至少占成员总数的百分之八十;有符合规定的章程、组织机构、名称和住所;有符合章程规定的成员出资。",
    statutory=3,
    promised=1,
    situations=[("设立", ""), ("变更", ""), ("注销", "")],
    materials=[
        material("农民专业合作社登记(备案)申请书", form="electronic"),
        material("全体设立人签名、盖章的设立大会纪要", situation="S01"),
        material("全体设立人签名、盖章的章程", situation="S01"),
        material("成员名册和出资清单", situation="S01"),
        material("变更或者注销的成员大会决议", situation="S02"),
        material("清算报告", situation="S03"),
        ID_CARD,
    ],
    form=[text("name", "合作社名称"), number("members", "成员人数"), textarea("scope", "业务范围", max_length=500)],
    result="营业执照",
    license_type="business-license",
    depth=6,
    unit="登记注册科",
    keywords="合作社 农民专业合作社 种植合作社 养殖合作社",
)

# 药品和特种设备 ----------------------------------------------------------------------------------

DRUG_RETAIL = lists.power(
    C.LICENSING,
    5,
    "药品零售企业许可",
    bases=[
        basis(
            "《中华人民共和国药品管理法》",
            "第五十一条",
            "从事药品零售活动,应当经所在地县级以上地方人民政府药品监督管理部门批准,取得药品经营许可证。无药品经营许可证的,不得经营药品。",
        ),
        basis(
            "《中华人民共和国药品管理法》",
            "第五十二条",
            "从事药品经营活动应当具备以下条件:(一)有依法经过资格认定的药师或者其他药学技术人员;"
            "(二)有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境;(三)有与所经营药品相适应的质量管理机构或者人员;"
            "(四)有保证药品质量的规章制度,并符合国务院药品监督管理部门依据本法制定的药品经营质量管理规范要求。",
        ),
    ],
    content="对本县药品零售企业(含零售连锁门店)的筹建、开办、变更、换证实施许可,核发药品经营许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    DRUG_RETAIL,
    name="药品零售企业许可",
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions=(
        "1.有依法经过资格认定的执业药师或者其他药学技术人员;2.营业场所、设备、仓储设施和卫生环境与所经营药品相适应;"
        "3.有与所经营药品相适应的质量管理人员;4.有保证药品质量的规章制度,符合药品经营质量管理规范要求。"
    ),
    statutory=20,
    promised=10,
    situations=[("新开办", ""), ("许可事项变更", "变更经营地址、经营范围等"), ("换发", "许可证有效期届满")],
    materials=[
        material("药品经营许可证申请表"),
        BUSINESS_LICENSE,
        copy_of("执业药师注册证和身份证明", "质量负责人应为执业药师"),
        material("营业场所和仓库平面布置图及房屋产权或者使用权证明", situation="S01"),
        material("药品质量管理制度文件目录", situation="S01"),
        material("计算机系统和温湿度监测设备配置情况说明", situation="S01"),
        material("变更事项说明及相关证明材料", situation="S02"),
        material("药品经营许可证正本、副本", situation="S03"),
    ],
    form=[
        text("premises", "经营地址"),
        choice("scope", "经营范围", ["中药饮片、中成药、化学药、生物制品", "中成药、化学药", "乙类非处方药"]),
        number("area", "营业面积(平方米)"),
        text("pharmacist", "执业药师姓名", max_length=50),
    ],
    result="药品经营许可证",
    license_type="drug-business-license",
    site_check=True,
    unit="药品医疗器械监管股",
    depth=5,
    keywords="开药店 药房 零售药店 药品许可证 大药房",
)

SPECIAL_EQUIPMENT = lists.power(
    C.LICENSING,
    6,
    "特种设备使用登记",
    bases=[
        basis(
            "《中华人民共和国特种设备安全法》",
            "第三十三条",
            "特种设备使用单位应当在特种设备投入使用前或者投入使用后三十日内,向负责特种设备安全监督管理的部门办理使用登记,取得使用登记证书。"
            "登记标志应当置于该特种设备的显著位置。",
        )
    ],
    content="对在本县使用的锅炉、压力容器、电梯、起重机械、场(厂)内专用机动车辆等特种设备办理使用登记。",
    levels=CITY_COUNTY,
)
lists.guide(
    SPECIAL_EQUIPMENT,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke", "gongcheng-jianshe"],
    conditions="特种设备经监督检验或者定期检验合格,已确定使用单位和安全管理人员,在投入使用前或者投入使用后三十日内申请。",
    statutory=15,
    promised=3,
    situations=[("首次登记", ""), ("变更登记", "移装、改造、使用单位变更等"), ("停用、注销", "")],
    materials=[
        material("特种设备使用登记表", copies=2),
        BUSINESS_LICENSE,
        material("特种设备产品合格证和监督检验证明", situation="S01"),
        material("特种设备安全管理人员、作业人员证书", form="copy"),
        material("改造、移装的监督检验证明", situation="S02"),
        material("使用登记证", situation="S03"),
    ],
    form=[
        choice("equipment", "设备种类", ["电梯", "锅炉", "压力容器", "起重机械", "场(厂)内专用机动车辆", "压力管道"]),
        text("product_number", "产品编号"),
        text("location", "设备使用地点"),
    ],
    result="特种设备使用登记证",
    depth=6,
    unit="行政审批科",
    keywords="电梯登记 锅炉 叉车 压力容器 特种设备",
)

REPORT_REWARD = lists.power(
    C.REWARD,
    1,
    "市场监管领域重大违法行为举报奖励",
    bases=[
        basis(
            "《市场监管领域重大违法行为举报奖励暂行办法》",
            "",
            "举报人向市场监督管理部门举报重大违法行为,经查证属实结案后,给予相应奖励。",
        ),
        basis(
            FOOD_LAW,
            "第一百一十五条",
            "县级以上人民政府食品安全监督管理等部门应当公布本部门的电子邮件地址或者电话,接受咨询、投诉、举报。……对查证属实的举报,给予举报人奖励。",
        ),
    ],
    content="对实名举报市场监管领域重大违法行为并经查证属实的举报人给予奖励。",
    levels=ALL_LEVELS,
)
lists.guide(
    REPORT_REWARD,
    audience=A.PERSON,
    themes=[],
    conditions="举报人实名举报,举报事项经查证属实结案,且举报人提供的线索与查处结果直接相关;举报人不属于负有查处职责的工作人员及其近亲属。",
    statutory=30,
    promised=15,
    materials=[material("举报奖励申请表", form="electronic"), ID_CARD, material("银行账户信息", form="electronic")],
    form=[text("case_number", "举报登记编号"), text("bank_account", "收款银行账号", max_length=30)],
    result="举报奖励决定书",
    depth=5,
    unit="执法大队",
    keywords="举报奖励 举报有奖 投诉举报 奖金",
)

# 执法 -----------------------------------------------------------------------------------------

lists.power(
    C.PENALTY,
    1,
    "对未取得食品经营许可从事食品经营活动的行政处罚",
    bases=[
        basis(
            FOOD_LAW,
            "第一百二十二条",
            "违反本法规定,未取得食品生产经营许可从事食品生产经营活动,或者未取得食品添加剂生产许可从事食品添加剂生产活动的,"
            "由县级以上人民政府食品安全监督管理部门没收违法所得和违法生产经营的食品、食品添加剂以及用于违法生产经营的工具、设备、原料等物品;"
            "违法生产经营的食品、食品添加剂货值金额不足一万元的,并处五万元以上十万元以下罚款;货值金额一万元以上的,并处货值金额十倍以上二十倍以下罚款。",
        )
    ],
    content="对未取得食品经营许可从事食品经营活动的,没收违法所得和违法经营的食品、工具、设备、原料,并处罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    2,
    "对经营不符合食品安全标准的食品的行政处罚",
    bases=[basis(FOOD_LAW, "第一百二十四条")],
    content="对经营不符合食品安全标准的食品的违法行为给予警告、没收、罚款直至吊销许可证的处罚。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    3,
    "对未依法办理市场主体登记从事经营活动的行政处罚",
    bases=[
        basis(
            REGISTRATION,
            "第四十三条",
            "未经设立登记从事经营活动的,由登记机关责令改正,没收违法所得;拒不改正的,处1万元以上10万元以下的罚款。",
        )
    ],
    content="对未经设立登记从事经营活动的,责令改正,没收违法所得,拒不改正的处以罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.COERCION,
    1,
    "查封、扣押不符合食品安全标准的食品和违法生产经营场所",
    bases=[
        basis(
            FOOD_LAW,
            "第一百一十条",
            "县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责,有权采取下列措施:……(四)查封、扣押有证据证明不符合食品安全标准"
            "或者有证据证明存在安全隐患以及用于违法生产经营的食品、食品添加剂、食品相关产品;(五)查封违法从事生产经营活动的场所。",
        )
    ],
    content="对有证据证明不符合食品安全标准或者存在安全隐患的食品,以及违法从事生产经营活动的场所,依法查封、扣押。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对食品经营者的监督检查",
    bases=[
        basis(
            FOOD_LAW,
            "第一百一十条",
            "县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责,有权采取下列措施:(一)进入生产经营场所实施现场检查;"
            "(二)对生产经营的食品、食品添加剂、食品相关产品进行抽样检验;(三)查阅、复制有关合同、票据、账簿以及其他有关资料。",
        )
    ],
    content="按照“双随机、一公开”和风险分级要求,对食品经营者的经营条件、进货查验、从业人员健康管理等实施监督检查。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    2,
    "对特种设备使用单位的监督检查",
    bases=[
        basis(
            "《中华人民共和国特种设备安全法》",
            "",
            "负责特种设备安全监督管理的部门依照本法规定,对特种设备生产、经营、使用单位和检验、检测机构实施监督检查。",
        )
    ],
    content="对特种设备使用单位的使用登记、定期检验、安全管理人员和作业人员持证上岗等情况实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
