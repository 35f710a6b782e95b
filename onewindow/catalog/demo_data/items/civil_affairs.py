"""示范县民政局: marriage and adoption registration, social assistance, elderly and disability allowances,
social organizations, place names."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.choices import StageKind
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    HOUSEHOLD_REGISTER,
    ID_CARD,
    choice,
    counted,
    date,
    material,
    number,
    optional,
    special,
    text,
    textarea,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.CIVIL_AFFAIRS)

CIVIL_CODE = "《中华人民共和国民法典》"
ASSISTANCE = "《社会救助暂行办法》"
MARRIAGE_OFFICE = "示范县民政局婚姻登记处(示范县政务服务中心二楼)"
MARRIAGE_UNIT = "婚姻登记处"
BOTH_IN_PERSON = "婚姻当事人双方须亲自到婚姻登记机关申请、签字并当场领证"
PAIR_PHOTO = material("双方近期半身免冠合影照片", copies=3, requirements="2寸,红色背景;可在登记处现场拍摄")
FAMILY_ECONOMY = material("家庭经济状况核对授权书", requirements="共同生活家庭成员签字,授权核对收入、存款、房产、车辆等信息")
ASSISTANCE_FORM = [
    number("members", "共同生活家庭成员人数"),
    number("monthly_income", "家庭月收入(元)"),
    textarea("hardship", "家庭困难情况", max_length=500),
]

MARRIAGE = lists.power(
    C.CONFIRMATION,
    1,
    "内地居民结婚登记",
    bases=[
        basis(
            CIVIL_CODE,
            "第一千零四十九条",
            "要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。符合本法规定的,予以登记,发给结婚证。完成结婚登记,即确立婚姻关系。",
        ),
        basis("《婚姻登记条例》"),
    ],
    content="为符合结婚条件的内地居民办理结婚登记,发给结婚证(全国通办)。",
    levels=CITY_COUNTY,
)
lists.guide(
    MARRIAGE,
    audience=A.PERSON,
    themes=["hunyu"],
    conditions="男女双方完全自愿;男年满二十二周岁、女年满二十周岁;双方均无配偶;双方不是直系血亲和三代以内旁系血亲。",
    statutory=0,
    promised=0,
    materials=[
        ID_CARD,
        material("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明", requirements="在登记处现场签署"),
        PAIR_PHOTO,
    ],
    form=[
        text("partner_name", "对方姓名", max_length=50),
        text("partner_id", "对方公民身份号码", max_length=18),
        date("appointment", "预约登记日期"),
    ],
    result="结婚证",
    license_type="marriage-certificate",
    unit=MARRIAGE_UNIT,
    places=MARRIAGE_OFFICE,
    depth=3,
    visits=1,
    visit_reason=BOTH_IN_PERSON,
    keywords="结婚 领证 结婚登记 登记结婚 扯证 结婚证",
)

DIVORCE = lists.power(
    C.CONFIRMATION,
    2,
    "内地居民离婚登记",
    bases=[
        basis(CIVIL_CODE, "第一千零七十六条", "夫妻双方自愿离婚的,应当签订书面离婚协议,并亲自到婚姻登记机关申请离婚登记。"),
        basis(
            CIVIL_CODE,
            "第一千零七十七条",
            "自婚姻登记机关收到离婚登记申请之日起三十日内,任何一方不愿意离婚的,可以向婚姻登记机关撤回离婚登记申请。"
            "前款规定期限届满后三十日内,双方应当亲自到婚姻登记机关申请发给离婚证;未申请的,视为撤回离婚登记申请。",
        ),
    ],
    content="为自愿离婚并对子女抚养、财产及债务处理等事项协商一致的内地居民办理离婚登记。",
    levels=CITY_COUNTY,
)
lists.guide(
    DIVORCE,
    audience=A.PERSON,
    themes=["hunyu"],
    conditions="夫妻双方自愿离婚,具有完全民事行为能力,已签订书面离婚协议,对子女抚养、财产以及债务处理等事项协商一致;结婚登记在中国内地办理。",
    statutory=1,
    promised=1,
    materials=[
        ID_CARD,
        material("结婚证", requirements="双方各持一本"),
        material("双方当事人共同签署的离婚协议书", copies=3),
        material("近期半身免冠照片", copies=2, requirements="双方各2张"),
    ],
    form=[text("partner_name", "对方姓名", max_length=50), text("partner_id", "对方公民身份号码", max_length=18)],
    result="离婚证",
    license_type="divorce-certificate",
    extras=(special(StageKind.REVIEW, "离婚冷静期", 30),),
    unit=MARRIAGE_UNIT,
    places=MARRIAGE_OFFICE,
    depth=3,
    visits=2,
    visit_reason="双方须亲自到场申请离婚登记;冷静期届满后三十日内须再次共同到场申请发给离婚证",
    keywords="离婚 协议离婚 离婚登记 离婚冷静期 离婚证",
)

MARRIAGE_REISSUE = lists.power(
    C.CONFIRMATION,
    3,
    "补领婚姻登记证",
    bases=[basis("《婚姻登记条例》")],
    content="为结婚证、离婚证遗失或者损毁的当事人补发婚姻登记证。",
    levels=CITY_COUNTY,
)
lists.guide(
    MARRIAGE_REISSUE,
    audience=A.PERSON,
    themes=["hunyu", "huji-zhengjian"],
    conditions="结婚证、离婚证遗失或者损毁,婚姻登记档案记载的婚姻状况与当事人现状一致。",
    statutory=0,
    promised=0,
    materials=[ID_CARD, material("近期半身免冠照片", copies=2), optional("损毁的婚姻登记证", "损毁的交回")],
    form=[
        choice("certificate", "补领证件", ["结婚证", "离婚证"]),
        text("registered_at", "原登记机关"),
        date("registered_on", "原登记日期", required=False),
    ],
    result="结婚证(离婚证)",
    unit=MARRIAGE_UNIT,
    places=MARRIAGE_OFFICE,
    depth=3,
    visits=1,
    visit_reason="需本人到场核验身份、签字并领取补发证件",
    keywords="补结婚证 结婚证丢了 补领离婚证",
)

ADOPTION = lists.power(
    C.CONFIRMATION,
    4,
    "收养登记",
    bases=[basis(CIVIL_CODE, "第一千一百零五条", "收养应当向县级以上人民政府民政部门登记。收养关系自登记之日起成立。")],
    content="为符合条件的收养关系当事人办理收养登记、解除收养关系登记。",
    levels=ALL_LEVELS,
)
lists.guide(
    ADOPTION,
    audience=A.PERSON,
    themes=["hunyu", "chusheng"],
    conditions="收养人无子女或者只有一名子女,有抚养、教育和保护被收养人的能力,未患有在医学上认为不应当收养子女的疾病,无不利于被收养人健康成长的违法犯罪记录,年满三十周岁;被收养人符合民法典规定的条件。",
    statutory=30,
    promised=20,
    materials=[
        material("收养登记申请书"),
        ID_CARD,
        HOUSEHOLD_REGISTER,
        material("收养人婚姻状况和子女情况证明、身体健康检查证明"),
        material("送养人同意送养的书面意见或者社会福利机构出具的被收养人情况证明"),
        material("收养评估报告", requirements="县级民政部门组织开展"),
    ],
    form=[
        text("adoptee_name", "被收养人姓名", max_length=50),
        date("adoptee_birth", "被收养人出生日期"),
        choice("kind", "收养类型", ["社会福利机构抚养的儿童", "亲属间收养", "继子女收养", "其他"]),
    ],
    result="收养登记证",
    site_check=True,
    unit="社会事务股",
    depth=3,
    visits=1,
    visit_reason="收养关系当事人须亲自到场申请并签字",
    keywords="收养 领养孩子 收养登记",
)

SUBSISTENCE = lists.power(
    C.BENEFIT,
    1,
    "最低生活保障",
    bases=[
        basis(
            ASSISTANCE,
            "第九条",
            "国家对共同生活的家庭成员人均收入低于当地最低生活保障标准,且符合当地最低生活保障家庭财产状况规定的家庭,给予最低生活保障。",
        )
    ],
    content="对共同生活的家庭成员人均收入低于本县最低生活保障标准且财产状况符合规定的家庭,给予最低生活保障金。",
    levels=ALL_LEVELS,
)
lists.guide(
    SUBSISTENCE,
    audience=A.PERSON,
    themes=["shebao"],
    conditions="申请人具有本县户籍(或者持有本县居住证);共同生活的家庭成员人均收入低于本县最低生活保障标准;家庭财产状况符合本县规定。",
    statutory=30,
    promised=20,
    materials=[
        material("最低生活保障申请书"),
        ID_CARD,
        HOUSEHOLD_REGISTER,
        FAMILY_ECONOMY,
        optional("残疾人证、疾病诊断证明等", "家庭成员有重病、重残的提交"),
    ],
    form=ASSISTANCE_FORM,
    result="最低生活保障金(按月社会化发放)",
    site_check=True,
    extras=(counted(StageKind.PUBLICITY, "村(居)务公开栏公示", 5),),
    places=d.TOWNSHIP_WINDOW,
    depth=5,
    keywords="低保 申请低保 吃低保 生活困难 最低生活保障",
)

DESTITUTE = lists.power(
    C.BENEFIT,
    2,
    "特困人员救助供养",
    bases=[
        basis(
            ASSISTANCE,
            "第十四条",
            "国家对无劳动能力、无生活来源且无法定赡养、抚养、扶养义务人,或者其法定赡养、抚养、扶养义务人无赡养、抚养、扶养能力的老年人、"
            "残疾人以及未满16周岁的未成年人,给予特困人员供养。",
        )
    ],
    content="对符合条件的老年人、残疾人和未成年人认定特困人员,提供基本生活、照料服务、疾病治疗和丧葬事宜等救助供养。",
    levels=ALL_LEVELS,
)
lists.guide(
    DESTITUTE,
    audience=A.PERSON,
    themes=["shebao", "tuixiu-yanglao"],
    conditions="具有本县户籍的老年人、残疾人或者未满16周岁的未成年人;无劳动能力、无生活来源,且无法定赡养、抚养、扶养义务人或者其义务人无履行能力。",
    statutory=30,
    promised=20,
    situations=[("分散供养", ""), ("集中供养", "入住敬老院等供养服务机构")],
    materials=[material("特困人员救助供养申请书"), ID_CARD, HOUSEHOLD_REGISTER, FAMILY_ECONOMY, optional("残疾人证", "残疾人提交")],
    form=[choice("support", "供养方式", ["分散供养", "集中供养"]), textarea("hardship", "生活困难情况", max_length=500)],
    result="特困人员救助供养证",
    site_check=True,
    extras=(counted(StageKind.PUBLICITY, "村(居)务公开栏公示", 5),),
    places=d.TOWNSHIP_WINDOW,
    depth=5,
    keywords="五保 特困供养 孤寡老人 敬老院 特困人员",
)

TEMPORARY_RELIEF = lists.power(
    C.BENEFIT,
    3,
    "临时救助",
    bases=[
        basis(
            ASSISTANCE,
            "第四十七条",
            "国家对因火灾、交通事故等意外事件,家庭成员突发重大疾病等原因,导致基本生活暂时出现严重困难的家庭,或者因生活必需支出突然增加"
            "超出家庭承受能力,导致基本生活暂时出现严重困难的最低生活保障家庭,以及遭遇其他特殊困难的家庭,给予临时救助。",
        )
    ],
    content="对遭遇突发性、紧迫性、临时性生活困难的家庭和个人给予临时救助金或者实物救助。",
    levels=ALL_LEVELS,
)
lists.guide(
    TEMPORARY_RELIEF,
    audience=A.PERSON,
    themes=["shebao"],
    conditions="因火灾、交通事故等意外事件,家庭成员突发重大疾病等原因,导致基本生活暂时出现严重困难;或者因生活必需支出突然增加超出家庭承受能力。",
    statutory=20,
    promised=10,
    materials=[material("临时救助申请书"), ID_CARD, FAMILY_ECONOMY, optional("突发事件或者重大疾病证明", "医疗费用票据、事故证明等")],
    form=ASSISTANCE_FORM,
    result="临时救助金发放",
    site_check=True,
    places=d.TOWNSHIP_WINDOW,
    depth=5,
    keywords="临时救助 急难救助 突发困难 看病没钱 火灾救助",
)

DISABILITY = lists.power(
    C.BENEFIT,
    4,
    "困难残疾人生活补贴和重度残疾人护理补贴",
    bases=[basis("《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》(国发〔2015〕52号)")],
    content="对低保家庭中的残疾人发放生活补贴,对残疾等级为一级、二级且需要长期照护的重度残疾人发放护理补贴。",
    levels=ALL_LEVELS,
)
lists.guide(
    DISABILITY,
    audience=A.PERSON,
    themes=["shebao", "yiliao"],
    conditions="具有本县户籍、持有第二代中华人民共和国残疾人证;生活补贴对象为低保家庭中的残疾人,护理补贴对象为残疾等级一级、二级且需长期照护的重度残疾人。",
    statutory=20,
    promised=10,
    situations=[("生活补贴", ""), ("护理补贴", "")],
    materials=[material("残疾人两项补贴申请审批表"), ID_CARD, material("中华人民共和国残疾人证")],
    form=[
        choice("grade", "残疾等级", ["一级", "二级", "三级", "四级"]),
        choice("kind", "残疾类别", ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]),
    ],
    result="残疾人两项补贴(按月发放)",
    places=d.TOWNSHIP_WINDOW,
    depth=5,
    keywords="残疾补贴 护理补贴 残疾人生活补贴 两项补贴",
)

LONGEVITY = lists.power(
    C.BENEFIT,
    5,
    "高龄津贴",
    bases=[basis("《中华人民共和国老年人权益保障法》", "", "国家鼓励地方建立八十周岁以上低收入老年人高龄津贴制度。")],
    content="对本县户籍年满八十周岁的老年人按月发放高龄津贴。",
    levels=ALL_LEVELS,
)
lists.guide(
    LONGEVITY,
    audience=A.PERSON,
    themes=["tuixiu-yanglao"],
    conditions="具有本县户籍且年满八十周岁的老年人(达到年龄后系统自动提醒申领)。",
    statutory=20,
    promised=5,
    materials=[ID_CARD, material("高龄津贴申领表", form="electronic")],
    form=[text("bank_account", "发放账号", max_length=30)],
    result="高龄津贴(按月发放)",
    unit="养老服务股",
    places=d.TOWNSHIP_WINDOW,
    depth=6,
    keywords="高龄补贴 80岁补贴 老年人补贴 长寿补贴",
)

SOCIAL_GROUP = lists.power(
    C.LICENSING,
    1,
    "社会团体成立、变更、注销登记",
    bases=[basis("《社会团体登记管理条例》", "第三条", "成立社会团体,应当经其业务主管单位审查同意,并依照本条例的规定进行登记。")],
    content="对在本县活动的社会团体办理成立、变更、注销登记。",
    levels=ALL_LEVELS,
)
lists.guide(
    SOCIAL_GROUP,
    audience=A.ENTERPRISE,
    themes=[],
    conditions="有50个以上的个人会员或者30个以上的单位会员;有规范的名称和相应的组织机构;有固定的住所;有与其业务活动相适应的专职工作人员;有合法的资产和经费来源,县级社会团体有1万元以上活动资金;有独立承担民事责任的能力。",
    statutory=60,
    promised=20,
    situations=[("成立登记", ""), ("变更登记", ""), ("注销登记", "")],
    materials=[
        material("社会团体登记申请书"),
        material("业务主管单位的批准文件", situation="S01"),
        material("验资报告、场所使用权证明", situation="S01"),
        material("发起人和拟任负责人的基本情况、身份证明", situation="S01"),
        material("章程草案", situation="S01"),
        material("会员(代表)大会关于变更或者注销的决议", situation="S02"),
        material("清算报告", situation="S03"),
    ],
    form=[text("name", "社会团体名称"), number("members", "会员数"), number("funds", "活动资金(万元)")],
    result="社会团体法人登记证书",
    unit="社会事务股",
    depth=5,
    keywords="成立协会 商会 社会团体 社团登记",
)

PRIVATE_NON_ENTERPRISE = lists.power(
    C.LICENSING,
    2,
    "民办非企业单位成立、变更、注销登记",
    bases=[
        basis("《民办非企业单位登记管理暂行条例》", "第三条", "成立民办非企业单位,应当经其业务主管单位审查同意,并依照本条例的规定登记。")
    ],
    content="对在本县举办的民办非企业单位(社会服务机构)办理成立、变更、注销登记。",
    levels=ALL_LEVELS,
)
lists.guide(
    PRIVATE_NON_ENTERPRISE,
    audience=A.ENTERPRISE,
    themes=[],
    conditions="经业务主管单位审查同意;有规范的名称、必要的组织机构;有与其业务活动相适应的从业人员;有与其业务活动相适应的合法财产;有必要的场所。",
    statutory=60,
    promised=20,
    situations=[("成立登记", ""), ("变更登记", ""), ("注销登记", "")],
    materials=[
        material("民办非企业单位登记申请书"),
        material("业务主管单位的批准文件", situation="S01"),
        material("场所使用权证明和验资报告", situation="S01"),
        material("拟任负责人的基本情况、身份证明", situation="S01"),
        material("章程草案", situation="S01"),
        material("理事会关于变更或者注销的决议", situation="S02"),
        material("清算报告", situation="S03"),
    ],
    form=[
        text("name", "单位名称"),
        choice("field", "业务范围", ["教育", "养老", "卫生", "文化", "体育", "社会工作", "其他"]),
        number("assets", "开办资金(万元)"),
    ],
    result="民办非企业单位登记证书",
    unit="社会事务股",
    depth=5,
    keywords="民办非企业 社会服务机构 民非 办养老院 办培训机构登记",
)

FUNDRAISING = lists.power(
    C.LICENSING,
    3,
    "慈善组织公开募捐资格审批",
    bases=[basis("《中华人民共和国慈善法》", "", "慈善组织开展公开募捐,应当取得公开募捐资格。")],
    content="对在本县登记的慈善组织审核公开募捐资格,发给公开募捐资格证书。",
    levels=ALL_LEVELS,
)
lists.guide(
    FUNDRAISING,
    audience=A.ENTERPRISE,
    themes=[],
    conditions="依法登记的慈善组织;内部治理结构健全、运作规范;未受到行政处罚,未被列入严重违法失信名单。",
    statutory=20,
    promised=15,
    materials=[
        material("公开募捐资格申请书"),
        material("登记证书和章程"),
        material("按照规定参加年度检查(年度报告)的相关材料"),
        material("拟开展公开募捐活动的方案"),
    ],
    form=[text("organization", "慈善组织名称"), textarea("plan", "公开募捐计划", max_length=500)],
    result="公开募捐资格证书",
    unit="社会事务股",
    depth=5,
    keywords="公开募捐 慈善募捐 募捐资格",
)

PLACE_NAME = lists.power(
    C.OTHER,
    1,
    "地名命名、更名审批",
    bases=[basis("《地名管理条例》")],
    content="对本县行政区域内居民区、建筑物、道路、街巷等地名的命名、更名进行审批。",
    levels=CITY_COUNTY,
)
lists.guide(
    PLACE_NAME,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="拟命名的住宅区、楼宇、道路等已取得规划许可;拟用名称符合地名管理规定,不重名、不同音,不以人名、企业名称作地名。",
    statutory=30,
    promised=15,
    materials=[
        material("地名命名(更名)申请表"),
        material("项目规划总平面图及区位图"),
        material("拟用名称的含义说明和备选名称"),
    ],
    form=[
        text("proposed_name", "拟用名称"),
        choice("kind", "地名类别", ["居民区", "建筑物", "道路街巷", "桥梁"]),
        text("location", "地理位置"),
    ],
    result="地名命名(更名)批复",
    extras=(special(StageKind.EXPERT_REVIEW, "地名专家论证", 10), special(StageKind.PUBLICITY, "拟命名名称社会公示", 7)),
    unit="社会事务股",
    depth=5,
    keywords="小区命名 楼盘名称 道路命名 地名",
)

lists.power(
    C.INSPECTION,
    1,
    "对养老机构的监督检查",
    bases=[basis("《养老机构管理办法》")],
    content="对养老机构的服务质量、安全管理、运营秩序和执行养老服务标准情况实施监督检查。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    1,
    "对社会组织违反登记管理规定的行政处罚",
    bases=[basis("《社会团体登记管理条例》"), basis("《民办非企业单位登记管理暂行条例》")],
    content="对社会组织涂改、出租、出借登记证书,超出章程规定的宗旨和业务范围进行活动等违法行为,给予警告、责令改正、限期停止活动直至撤销登记。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
