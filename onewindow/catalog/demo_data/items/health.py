"""示范县卫生健康局: public-place hygiene, medical institutions and practitioners, family planning support."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    BUSINESS_LICENSE,
    HOUSEHOLD_REGISTER,
    ID_CARD,
    PHOTO,
    choice,
    copy_of,
    date,
    gap,
    gov,
    material,
    number,
    optional,
    pledge,
    text,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.HEALTH)

HYGIENE_RULES = "《公共场所卫生管理条例》"
MEDICAL_RULES = "《医疗机构管理条例》"
POPULATION_LAW = "《中华人民共和国人口与计划生育法》"

PUBLIC_PLACE = lists.power(
    C.LICENSING,
    1,
    "公共场所卫生许可",
    bases=[
        basis(
            HYGIENE_RULES,
            "第八条",
            "除公园、体育场(馆)、公共交通工具外的公共场所,经营单位应当及时向卫生行政部门申请办理“卫生许可证”。",
        ),
        basis(
            "《公共场所卫生管理条例实施细则》",
            "",
            "国家对公共场所实行卫生许可证管理。公共场所经营者应当按照规定向县级以上地方人民政府卫生计生行政部门申请卫生许可证。未取得卫生许可证的,不得营业。",
        ),
    ],
    content="对宾馆、旅店、招待所、公共浴室、理发店、美容店、游泳场(馆)等公共场所核发、变更、延续、注销卫生许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    PUBLIC_PLACE,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions=(
        "1.已取得营业执照;2.经营场所选址、设计、布局和卫生设施符合公共场所卫生标准和规范;"
        "3.建立卫生管理制度,配备专(兼)职卫生管理人员;4.从业人员取得有效健康合格证明。"
    ),
    statutory=20,
    promised=10,
    situations=[("新办", ""), ("变更", "单位名称、法定代表人、经营项目等变更"), ("延续", "有效期届满30日前申请"), ("注销", "")],
    materials=[
        material("公共场所卫生许可申请表", requirements="单位盖章"),
        BUSINESS_LICENSE,
        material("经营场所平面布局图", requirements="标明卫生设施位置", situation="S01"),
        pledge("卫生管理制度和卫生管理人员配备情况", "可书面承诺,现场核查时查验", situation="S01"),
        gap("从业人员健康合格证明", "可在许可决定前补交", situation="S01"),
        material("公共场所卫生检测或者评价报告", requirements="具备检测能力的机构出具", situation="S01"),
        material("与变更事项有关的证明材料", situation="S02"),
        material("卫生许可证原件", situation="S04"),
    ],
    form=[
        text("premises", "经营地址"),
        number("area", "经营面积(平方米)"),
        choice("category", "场所类别", ["住宿场所", "沐浴场所", "美容美发场所", "游泳场所", "文化娱乐场所", "候车(机、船)室"]),
    ],
    result="公共场所卫生许可证",
    license_type="public-place-hygiene-license",
    site_check=True,
    unit="公共卫生股",
    depth=5,
    keywords="开宾馆 旅馆 民宿 理发店 美发 美容院 洗浴 足浴 游泳馆 卫生许可证",
)

MEDICAL_INSTITUTION = lists.power(
    C.LICENSING,
    2,
    "医疗机构执业登记",
    bases=[
        basis(MEDICAL_RULES, "第十五条", "医疗机构执业,必须进行登记,领取《医疗机构执业许可证》。"),
        basis(
            MEDICAL_RULES,
            "第十六条",
            "申请医疗机构执业登记,应当具备下列条件:……(二)符合医疗机构的基本标准;(三)有适合的名称、组织机构和场所;"
            "(四)有与其开展的业务相适应的经费、设施、设备和专业卫生技术人员;(五)有相应的规章制度;(六)能够独立承担民事责任。",
        ),
    ],
    content="对本县审批权限内的医疗机构办理执业登记、变更登记、校验和注销登记。",
    levels=ALL_LEVELS,
)
lists.guide(
    MEDICAL_INSTITUTION,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="符合医疗机构基本标准;有适合的名称、组织机构和场所;有与开展业务相适应的经费、设施、设备和专业卫生技术人员;有相应的规章制度;能够独立承担民事责任。",
    statutory=45,
    promised=20,
    situations=[("执业登记", ""), ("变更登记", "改变名称、场所、主要负责人、诊疗科目、床位"), ("注销登记", "医疗机构歇业")],
    materials=[
        material("医疗机构申请执业登记注册书"),
        copy_of("设置医疗机构批准书", "按规定免于设置审批的除外", situation="S01"),
        material("医疗机构用房产权证明或者使用证明", situation="S01"),
        material("医疗机构建筑设计平面图", situation="S01"),
        material("卫生技术人员名录及其执业证书", form="copy", situation="S01"),
        material("医疗机构规章制度", situation="S01"),
        material("变更事项的证明材料", situation="S02"),
        material("医疗机构执业许可证正本、副本", situation="S03"),
    ],
    form=[
        text("institution_name", "医疗机构名称"),
        choice("kind", "医疗机构类别", ["门诊部", "卫生院", "中医(综合)诊所", "社区卫生服务站", "村卫生室"]),
        text("subjects", "诊疗科目"),
        number("beds", "床位(牙椅)数"),
    ],
    result="医疗机构执业许可证",
    license_type="medical-institution-license",
    site_check=True,
    unit="医政医管股",
    depth=4,
    visits=1,
    visit_reason="需现场核验法定代表人身份并领取纸质执业许可证正副本",
    keywords="开门诊 开诊所 医院执业 卫生院 医疗机构 执业许可证",
)

CLINIC = lists.power(
    C.FILING,
    1,
    "诊所备案",
    bases=[
        basis(
            "《诊所备案管理暂行办法》",
            "",
            "单位或者个人设置诊所应当向所在地县级人民政府卫生健康行政部门或者中医药主管部门备案,取得诊所备案凭证后即可开展执业活动。",
        )
    ],
    content="对在本县设置的诊所、中医诊所实施备案管理。",
)
lists.guide(
    CLINIC,
    audience=A.BOTH,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions="诊所的场所、设备设施、人员配备等符合诊所基本标准;主要负责人具有相应执业资格和临床工作经历。",
    statutory=0,
    promised=0,
    materials=[
        material("诊所备案信息表", form="electronic"),
        ID_CARD,
        copy_of("医师资格证书和医师执业证书", "主要负责人的"),
        material("诊所用房产权证明或者使用证明"),
        material("诊所规章制度和诊疗科目说明"),
    ],
    form=[text("clinic_name", "诊所名称"), text("address", "诊所地址"), text("subjects", "诊疗科目")],
    result="诊所备案凭证",
    unit="医政医管股",
    depth=6,
    keywords="开诊所 个体诊所 中医诊所 诊所备案",
)

PHYSICIAN = lists.power(
    C.LICENSING,
    3,
    "医师执业注册",
    bases=[
        basis(
            "《中华人民共和国医师法》",
            "第十三条",
            "国家实行医师执业注册制度。取得医师资格的,可以向所在地县级以上地方人民政府卫生健康主管部门申请注册。"
            "医疗卫生机构可以为本机构中的申请人集体办理注册手续。",
        )
    ],
    content="对在本县医疗机构执业的医师办理首次注册、变更注册、注销注册。",
    levels=ALL_LEVELS,
)
lists.guide(
    PHYSICIAN,
    audience=A.PERSON,
    themes=["jiuye-chuangye"],
    conditions="已取得医师资格证书,拟执业的医疗卫生机构已同意聘用,且不存在医师法规定的不予注册情形。",
    statutory=20,
    promised=5,
    situations=[("首次注册", ""), ("变更注册", "变更执业地点、执业类别、执业范围"), ("注销注册", "")],
    materials=[
        material("医师执业注册申请审核表", form="electronic"),
        ID_CARD,
        PHOTO,
        copy_of("医师资格证书", situation="S01"),
        material("近6个月内的健康体检证明", situation="S01"),
        material("拟执业机构的聘用证明", situation="S01"),
        material("变更后执业机构的聘用证明", situation="S02"),
    ],
    form=[
        text("qualification_number", "医师资格证书编码"),
        choice("category", "执业类别", ["临床", "中医", "口腔", "公共卫生"]),
        text("institution", "拟执业机构"),
    ],
    result="医师执业证书",
    unit="医政医管股",
    depth=7,
    keywords="医生注册 执业医师 医师证 多点执业 变更执业地点",
)

NURSE = lists.power(
    C.LICENSING,
    4,
    "护士执业注册",
    bases=[basis("《护士条例》", "第七条", "护士执业,应当经执业注册取得护士执业证书。")],
    content="对在本县医疗机构执业的护士办理首次注册、延续注册、变更注册。",
    levels=ALL_LEVELS,
)
lists.guide(
    NURSE,
    audience=A.PERSON,
    themes=["jiuye-chuangye"],
    conditions="具有完全民事行为能力;通过国务院卫生主管部门组织的护士执业资格考试;符合护士执业注册的健康标准;拟执业医疗机构同意聘用。",
    statutory=20,
    promised=5,
    situations=[("首次注册", ""), ("延续注册", "有效期届满前30日申请"), ("变更注册", "")],
    materials=[
        material("护士执业注册申请审核表", form="electronic"),
        ID_CARD,
        copy_of("护士执业资格考试成绩合格证明", situation="S01"),
        material("健康体检证明", situation="S01"),
        material("拟执业医疗机构聘用证明"),
    ],
    form=[text("institution", "拟执业医疗机构"), date("exam_date", "资格考试通过时间", required=False)],
    result="护士执业证书",
    unit="医政医管股",
    depth=7,
    keywords="护士注册 护士证 护士延续注册",
)

BIRTH_CERTIFICATE = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "出生医学证明补发换发",
    bases=[
        basis(
            "《中华人民共和国母婴保健法》",
            "第二十三条",
            "医疗保健机构和从事家庭接生的人员按照国务院卫生行政部门的规定,出具统一制发的新生儿出生医学证明。",
        )
    ],
    content="对遗失、损毁或者信息需要更正的出生医学证明办理补发、换发。",
)
lists.guide(
    BIRTH_CERTIFICATE,
    audience=A.PERSON,
    themes=["chusheng", "huji-zhengjian"],
    conditions="本县助产机构签发的出生医学证明遗失、损毁,或者新生儿姓名等信息需要变更、更正;申请人为新生儿父母或者其监护人。",
    statutory=20,
    promised=5,
    situations=[("补发", "原证遗失"), ("换发", "原证损毁或者信息变更、更正")],
    materials=[
        material("出生医学证明补发(换发)申请表", form="electronic"),
        ID_CARD,
        HOUSEHOLD_REGISTER,
        material("原出生医学证明", situation="S02"),
        optional("亲子鉴定证明", "无法通过原始接生记录核实亲子关系时提交"),
    ],
    form=[text("newborn_name", "新生儿姓名", max_length=50), date("birth_date", "出生日期"), text("hospital", "出生医院")],
    result="出生医学证明",
    license_type="birth-medical-certificate",
    unit="人口监测与家庭发展股",
    depth=6,
    keywords="出生证明 出生证丢了 补办出生证 出生医学证明",
)

BIRTH_REGISTRATION = lists.power(
    C.PUBLIC_SERVICE,
    2,
    "生育登记",
    bases=[basis(POPULATION_LAW, "", "国家提倡适龄婚育、优生优育。一对夫妻可以生育三个子女。")],
    content="为生育子女的夫妻提供生育登记服务,衔接孕产期保健和生育保险待遇。",
    levels=ALL_LEVELS,
)
lists.guide(
    BIRTH_REGISTRATION,
    audience=A.PERSON,
    themes=["hunyu", "chusheng"],
    conditions="夫妻双方至少一方户籍在本县或者在本县居住,生育子女(含怀孕期间)均可登记。",
    statutory=1,
    promised=0,
    materials=[ID_CARD, gov("结婚证", "marriage-certificate")],
    form=[choice("child_order", "生育子女孩次", ["一孩", "二孩", "三孩"]), date("expected_date", "预产期或者出生日期")],
    result="生育登记服务单",
    unit="人口监测与家庭发展股",
    depth=7,
    places=f"{d.SOCIAL_WINDOW};户籍所在地或者居住地乡镇便民服务中心",
    keywords="生育登记 准生证 生育服务证 怀孕登记",
)

_SUPPORT_MATERIALS = [material("奖励扶助(特别扶助)对象申报表", requirements="村(居)委会评议公示后盖章"), ID_CARD, HOUSEHOLD_REGISTER]
REWARD_SUPPORT = lists.power(
    C.BENEFIT,
    1,
    "农村部分计划生育家庭奖励扶助金给付",
    bases=[basis(POPULATION_LAW), basis("《全国农村部分计划生育家庭奖励扶助制度管理规范》")],
    content="对符合条件的农村部分计划生育家庭夫妻,按年发放奖励扶助金。",
    levels=ALL_LEVELS,
)
lists.guide(
    REWARD_SUPPORT,
    audience=A.PERSON,
    themes=["tuixiu-yanglao"],
    conditions="本人及配偶为农业户口或者界定为农村居民户口;1973年至2001年期间没有违反计划生育法律法规和政策规定生育;现存一个子女或两个女孩或子女死亡现无子女;年满60周岁。",
    statutory=30,
    promised=20,
    materials=_SUPPORT_MATERIALS,
    form=[text("spouse_name", "配偶姓名", max_length=50), number("children", "现存子女数")],
    result="奖励扶助金(社会化发放)",
    unit="人口监测与家庭发展股",
    depth=4,
    visits=1,
    visit_reason="需在村(居)委会参加民主评议并现场确认生育情况",
    places="户籍所在地乡镇便民服务中心综合受理窗口",
    keywords="奖励扶助 计生补贴 独生子女奖励 60岁补贴",
)
SPECIAL_SUPPORT = lists.power(
    C.BENEFIT,
    2,
    "计划生育家庭特别扶助金给付",
    bases=[basis(POPULATION_LAW)],
    content="对独生子女伤残、死亡家庭的夫妻按月发放特别扶助金。",
    levels=ALL_LEVELS,
)
lists.guide(
    SPECIAL_SUPPORT,
    audience=A.PERSON,
    themes=["tuixiu-yanglao"],
    conditions="1933年1月1日以后出生;女方年满49周岁;只生育一个子女或合法收养一个子女;现无存活子女或独生子女被依法鉴定为残疾(伤病残达到三级以上)。",
    statutory=30,
    promised=20,
    materials=[*_SUPPORT_MATERIALS, optional("子女死亡证明或者残疾人证", "按扶助类别提交")],
    form=[choice("kind", "扶助类别", ["独生子女死亡", "独生子女伤残"]), text("spouse_name", "配偶姓名", max_length=50)],
    result="特别扶助金(社会化发放)",
    unit="人口监测与家庭发展股",
    depth=5,
    places="户籍所在地乡镇便民服务中心综合受理窗口",
    keywords="失独家庭 特别扶助 独生子女伤残 扶助金",
)

lists.power(
    C.PENALTY,
    1,
    "对未依法取得公共场所卫生许可证擅自营业的行政处罚",
    bases=[basis("《公共场所卫生管理条例实施细则》")],
    content="对未取得卫生许可证擅自营业的公共场所经营者给予警告、罚款,情节严重的责令停业整顿。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    2,
    "对非医师行医的行政处罚",
    bases=[
        basis(
            "《中华人民共和国医师法》",
            "",
            "违反本法规定,非医师行医的,由县级以上人民政府卫生健康主管部门责令停止非法执业活动,没收违法所得和药品、医疗器械,"
            "并处违法所得二倍以上十倍以下的罚款,违法所得不足一万元的,按一万元计算。",
        )
    ],
    content="对非医师行医的,责令停止非法执业活动,没收违法所得和药品、医疗器械,并处罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对公共场所和医疗机构的卫生监督检查",
    bases=[basis(HYGIENE_RULES, "", "各级卫生防疫机构,负责管辖范围内的公共场所卫生监督工作。")],
    content="对公共场所卫生、医疗机构依法执业、传染病防治等实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
