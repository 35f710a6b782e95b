"""示范县公安局: identity cards and household registration, exit-entry documents, vehicles, public order."""

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

lists = DepartmentLists(d.POLICE)

ID_LAW = "《中华人民共和国居民身份证法》"
HOUSEHOLD_RULES = "《中华人民共和国户口登记条例》"
PASSPORT_LAW = "《中华人民共和国护照法》"
TRAFFIC_LAW = "《中华人民共和国道路交通安全法》"
FINGERPRINTS = "需本人到场核验身份并采集指纹、人像"

ID_CARD_ISSUE = lists.power(
    C.CONFIRMATION,
    1,
    "居民身份证申领",
    bases=[
        basis(
            ID_LAW,
            "第二条",
            "居住在中华人民共和国境内的年满十六周岁的中国公民,应当依照本法的规定申请领取居民身份证;"
            "未满十六周岁的中国公民,可以依照本法的规定申请领取居民身份证。",
        ),
        basis(ID_LAW, "第八条", "居民身份证由居民常住户口所在地的县级人民政府公安机关签发。"),
        basis(ID_LAW, "第十条", "申请领取居民身份证,应当填写《居民身份证申领登记表》,交验居民户口簿。"),
    ],
    content="为本县常住户口居民办理居民身份证首次申领、到期换领、丢失补领和损坏换领。",
    levels=ALL_LEVELS,
)
lists.guide(
    ID_CARD_ISSUE,
    audience=A.PERSON,
    themes=["huji-zhengjian"],
    conditions="具有本县常住户口的中国公民;年满十六周岁的应当申领,未满十六周岁的可以由监护人陪同申领;异地申领的可在本县受理点办理(跨省通办)。",
    statutory=60,
    promised=15,
    situations=[("首次申领", ""), ("到期换领", ""), ("丢失补领", ""), ("损坏换领", "")],
    materials=[
        material("居民身份证申领登记表", requirements="窗口现场填写,本人签字"),
        HOUSEHOLD_REGISTER,
        PHOTO,
        material("原居民身份证", requirements="换领时交回", situation="S02"),
        material("原居民身份证(损坏的)", requirements="换领时交回", situation="S04"),
        optional("监护人居民身份证", "未满十六周岁的申请人由监护人陪同并出示"),
    ],
    form=[choice("delivery", "领取方式", ["窗口领取", "邮政寄递"]), text("mail_address", "邮寄地址", required=False)],
    result="居民身份证",
    license_type="resident-id-card",
    fees=("XZ004",),
    depth=4,
    visits=1,
    visit_reason=FINGERPRINTS,
    keywords="办身份证 身份证 补办身份证 身份证丢了 身份证过期 换身份证 第一次办身份证",
)

TEMPORARY_ID = lists.power(
    C.CONFIRMATION,
    2,
    "临时居民身份证申领",
    bases=[basis("《中华人民共和国临时居民身份证管理办法》")],
    content="为正在申领、换领、补领居民身份证期间急需使用的公民签发临时居民身份证。",
    levels=ALL_LEVELS,
)
lists.guide(
    TEMPORARY_ID,
    audience=A.PERSON,
    themes=["huji-zhengjian", "chuxing"],
    conditions="已申请领取、换领或者补领居民身份证,在领到居民身份证之前急需使用。",
    statutory=3,
    promised=0,
    materials=[material("临时居民身份证申领登记表"), HOUSEHOLD_REGISTER, PHOTO],
    form=[text("reason", "急需使用事由")],
    result="临时居民身份证",
    fees=("XZ004",),
    depth=2,
    visits=1,
    visit_reason="需本人到场核验身份、采集人像并当场领取",
    keywords="临时身份证 急用身份证 坐火车没身份证",
)

BIRTH = lists.power(
    C.CONFIRMATION,
    3,
    "出生登记",
    bases=[
        basis(
            HOUSEHOLD_RULES,
            "第七条",
            "婴儿出生后一个月以内,由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。",
        )
    ],
    content="为新出生婴儿办理出生登记(户口申报),可与出生医学证明、医保参保、社会保障卡申领一并办理(出生“一件事”)。",
    levels=ALL_LEVELS,
)
lists.guide(
    BIRTH,
    audience=A.PERSON,
    themes=["chusheng", "huji-zhengjian"],
    conditions="婴儿父母一方为本县常住户口,婴儿随父或者随母申报常住户口;出生一个月内申报,超过期限的按规定补报。",
    statutory=20,
    promised=0,
    materials=[
        gov("出生医学证明", "birth-medical-certificate"),
        HOUSEHOLD_REGISTER,
        ID_CARD,
        gov("父母结婚证", "marriage-certificate", requirements="通过电子证照库调取;非婚生育的不需要"),
    ],
    form=[
        text("baby_name", "婴儿姓名", max_length=50),
        date("birth_date", "出生日期"),
        choice("follow", "户口随父或者随母", ["随父", "随母"]),
    ],
    result="户口登记(居民户口簿登记页)",
    license_type="household-register",
    depth=6,
    keywords="上户口 新生儿落户 宝宝上户口 出生一件事 报户口",
)

DEATH = lists.power(
    C.CONFIRMATION,
    4,
    "死亡户口注销",
    bases=[
        basis(
            HOUSEHOLD_RULES,
            "第八条",
            "公民死亡,城市在葬前,农村在一个月以内,由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记,注销户口。",
        )
    ],
    content="为死亡公民注销常住户口,可与殡葬、社保待遇终止等一并办理(身后“一件事”)。",
    levels=ALL_LEVELS,
)
lists.guide(
    DEATH,
    audience=A.PERSON,
    themes=["shenhoushi", "huji-zhengjian"],
    conditions="本县常住户口公民死亡,由户主、亲属、抚养人或者邻居申报。",
    statutory=20,
    promised=0,
    materials=[
        material("居民死亡医学证明(推断)书或者其他死亡证明", requirements="医疗机构、公安机关等出具"),
        HOUSEHOLD_REGISTER,
        ID_CARD,
        optional("死者居民身份证", "能够提供的交回"),
    ],
    form=[
        text("deceased_name", "死者姓名", max_length=50),
        text("deceased_id", "死者公民身份号码", max_length=18),
        date("death_date", "死亡日期"),
    ],
    result="户口注销证明",
    depth=5,
    keywords="销户 死亡销户 人去世了销户口 身后事",
)

MIGRATION = lists.power(
    C.CONFIRMATION,
    5,
    "户口迁移登记",
    bases=[
        basis(
            HOUSEHOLD_RULES,
            "第十条",
            "公民迁出本户口管辖区,由本人或者户主在迁出前向户口登记机关申报迁出登记,领取迁移证件,注销户口。",
        )
    ],
    content="为符合落户条件的公民办理户口迁入、迁出登记(含省内户口迁移“一站式”办理)。",
    levels=ALL_LEVELS,
)
lists.guide(
    MIGRATION,
    audience=A.PERSON,
    themes=["huji-zhengjian", "zhufang"],
    conditions="符合本县户口迁移政策:投靠配偶、父母、子女;在本县城镇有合法稳定住所;在本县就业并参加社会保险;大中专院校录取或者毕业等。",
    statutory=20,
    promised=3,
    situations=[("投靠亲属", ""), ("购房落户", ""), ("就业落户", ""), ("升学、毕业迁移", "")],
    materials=[
        material("户口迁移申请表", form="electronic"),
        ID_CARD,
        HOUSEHOLD_REGISTER,
        optional("亲属关系证明", "投靠亲属的提交,能通过系统核验的免于提交", situation="S01"),
        gov("不动产权证书", "property-certificate", situation="S02"),
        pledge("劳动合同和社会保险缴纳证明", "社会保险缴纳情况通过部门共享核验", situation="S03"),
        material("录取通知书或者毕业证书", situation="S04"),
    ],
    form=[text("moving_from", "迁出地"), text("moving_to", "迁入地址"), number("persons", "随迁人数")],
    result="户口迁移证明(迁入落户)",
    depth=5,
    keywords="迁户口 落户 户口迁移 买房落户 投靠落户 准迁证",
)

PASSPORT = lists.power(
    C.LICENSING,
    1,
    "普通护照签发",
    bases=[
        basis(
            PASSPORT_LAW,
            "第五条",
            "公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国的,由本人向户籍所在地的县级以上地方人民政府"
            "公安机关出入境管理机构申请普通护照。",
        ),
        basis(
            PASSPORT_LAW,
            "第六条",
            "公民申请普通护照,应当提交本人的居民身份证、户口簿、近期免冠照片以及申请事由的相关材料。……公安机关出入境管理机构"
            "应当自收到申请材料之日起十五日内签发普通护照;对不符合规定不予签发的,应当书面说明理由,并告知申请人享有依法申请行政复议"
            "或者提起行政诉讼的权利。",
        ),
        basis("《中华人民共和国出境入境管理法》", "第九条", "中国公民出境入境,应当依法申请办理护照或者其他旅行证件。"),
    ],
    content="为因私出国的中国公民签发、换发、补发普通护照(全国通办)。",
    levels=ALL_LEVELS,
)
lists.guide(
    PASSPORT,
    name="普通护照签发",
    audience=A.PERSON,
    themes=["chuxing", "huji-zhengjian"],
    conditions="中国公民因定居、探亲、学习、就业、旅行、商务等非公务原因出国;不属于护照法、出境入境管理法规定不予签发的情形。",
    statutory=15,
    promised=7,
    situations=[("首次申请", ""), ("换发", "护照有效期不足六个月、签证页即将用完或者登记项目变更"), ("补发", "护照遗失或者被盗")],
    materials=[
        material("中国公民出入境证件申请表", requirements="窗口现场填写,本人签字"),
        ID_CARD,
        PHOTO,
        material("原护照", situation="S02"),
        material("护照遗失或者被盗报失证明", requirements="可在窗口现场报失", situation="S03"),
        optional("监护人身份证明和监护关系证明", "未满十六周岁的由监护人陪同申请"),
    ],
    form=[
        choice("purpose", "出境事由", ["旅游", "探亲访友", "商务", "学习", "就业", "定居"]),
        choice("delivery", "领取方式", ["窗口领取", "邮政寄递"]),
    ],
    result="普通护照",
    license_type="passport",
    fees=("XZ003",),
    unit="出入境管理大队",
    places=d.EXIT_ENTRY_WINDOW,
    depth=4,
    visits=1,
    visit_reason=FINGERPRINTS,
    keywords="护照 办护照 出国 护照过期 换护照 补办护照 出入境证件 护照申请",
)

HK_MACAO = lists.power(
    C.LICENSING,
    2,
    "往来港澳通行证及签注签发",
    bases=[
        basis("《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》"),
        basis(
            "《中华人民共和国出境入境管理法》",
            "第十条",
            "中国公民往来内地与香港特别行政区、澳门特别行政区,中国公民往来大陆与台湾地区,应当依法申请办理通行证件,并遵守本法有关规定。",
        ),
    ],
    content="为前往香港、澳门的内地居民签发往来港澳通行证及旅游、探亲、商务等签注(全国通办)。",
    levels=ALL_LEVELS,
)
lists.guide(
    HK_MACAO,
    audience=A.PERSON,
    themes=["chuxing", "huji-zhengjian"],
    conditions="内地居民因旅游、探亲、商务、学习等事由前往香港、澳门;持有效往来港澳通行证再次签注的可自助办理。",
    statutory=15,
    promised=7,
    situations=[("首次申请证件和签注", ""), ("再次签注", "持有效电子往来港澳通行证")],
    materials=[
        material("中国公民出入境证件申请表", situation="S01"),
        ID_CARD,
        PHOTO | {"situation": "S01"},
        material("有效往来港澳通行证", situation="S02"),
        optional("探亲、商务等签注的事由证明", "申请旅游签注的不需要"),
    ],
    form=[
        choice("endorsement", "签注种类", ["团队旅游", "个人旅游", "探亲", "商务", "逗留"]),
        choice("destination", "前往地", ["香港", "澳门", "香港和澳门"]),
    ],
    result="往来港澳通行证及签注",
    license_type="exit-entry-permit-hk-macao",
    fees=("XZ007",),
    unit="出入境管理大队",
    places=f"{d.EXIT_ENTRY_WINDOW};再次签注可在自助签注机办理",
    depth=4,
    visits=1,
    visit_reason="首次申请需本人到场采集指纹、人像;再次签注可自助办理",
    keywords="港澳通行证 去香港 去澳门 签注 港澳签注 通行证",
)

INSPECTION_MARK = lists.power(
    C.LICENSING,
    3,
    "机动车检验合格标志核发",
    bases=[
        basis(
            TRAFFIC_LAW,
            "第十三条",
            "对登记后上道路行驶的机动车,应当依照法律、行政法规的规定,根据车辆用途、载客载货数量、使用年限等不同情况,定期进行安全技术检验。",
        )
    ],
    content="对经安全技术检验合格或者符合免检条件的机动车核发检验合格标志(电子标志)。",
    levels=CITY_COUNTY,
)
lists.guide(
    INSPECTION_MARK,
    audience=A.BOTH,
    themes=["chuxing"],
    conditions="机动车在检验有效期内安全技术检验合格,或者属于免予到检验机构检验的非营运小型、微型载客汽车和摩托车;涉及的道路交通安全违法行为和交通事故已处理完毕。",
    statutory=1,
    promised=0,
    situations=[("免检车辆申领", "6年以内的非营运小微型载客汽车等"), ("检验合格后申领", "")],
    materials=[
        material("机动车检验合格标志申请", form="electronic", requirements="通过交管12123平台申请"),
        material("机动车交通事故责任强制保险凭证", form="electronic", requirements="系统联网核查"),
        material("机动车安全技术检验报告", form="electronic", situation="S02"),
    ],
    form=[
        text("plate_number", "号牌号码", max_length=10),
        choice("plate_kind", "号牌种类", ["小型汽车", "大型汽车", "新能源小型车", "摩托车"]),
    ],
    result="机动车检验合格标志(电子)",
    unit="交通警察大队",
    places=d.VEHICLE_WINDOW,
    depth=7,
    keywords="年检 车辆年审 年检标志 免检 车检",
)

HOTEL = lists.power(
    C.LICENSING,
    4,
    "旅馆业特种行业许可",
    bases=[
        basis(
            "《旅馆业治安管理办法》",
            "第四条",
            "申请开办旅馆,应经主管部门审查批准,经当地公安机关签发特种行业许可证后,向工商行政管理部门申请登记,领取营业执照后,方准开业。",
        )
    ],
    content="对在本县开办旅馆、宾馆、招待所、民宿等住宿服务场所核发特种行业许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    HOTEL,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions="房屋建筑、消防设备、出入口和通道等符合消防安全和治安管理要求;配备旅客住宿登记系统和视频监控;有治安保卫制度和专(兼)职保卫人员。",
    statutory=20,
    promised=5,
    situations=[("新办", ""), ("变更", "法定代表人、名称、经营地址等变更")],
    materials=[
        material("特种行业许可证申请登记表"),
        BUSINESS_LICENSE,
        ID_CARD,
        material("经营场所平面图及产权或者租赁证明", situation="S01"),
        pledge("消防安全承诺书", "投入使用、营业前消防安全检查告知承诺"),
        gap("治安保卫制度和旅客住宿登记系统安装情况说明", "可在现场核查前补交", situation="S01"),
    ],
    form=[text("premises", "经营地址"), number("rooms", "客房数"), number("beds", "床位数")],
    result="特种行业许可证",
    site_check=True,
    unit="治安管理大队",
    depth=5,
    keywords="开旅馆 宾馆 民宿 酒店 特行许可证 特种行业",
)

SEAL_FILING = lists.power(
    C.FILING,
    1,
    "公章刻制备案",
    bases=[basis("《印铸刻字业暂行管理规则》")],
    content="对单位公章刻制实行备案管理,公章刻制企业在刻制后将印章信息报公安机关备案。",
    levels=CITY_COUNTY,
)
lists.guide(
    SEAL_FILING,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye"],
    conditions="依法设立的单位新刻、补刻、更换公章,由单位自主选择公章刻制企业刻制,刻制企业通过公章刻制管理信息系统办理备案。",
    statutory=0,
    promised=0,
    materials=[BUSINESS_LICENSE, ID_CARD, optional("公章遗失声明", "补刻的提交")],
    form=[
        choice("seal_kind", "印章种类", ["公章", "财务专用章", "发票专用章", "合同专用章", "法定代表人名章"]),
        number("count", "刻制枚数"),
    ],
    result="印章备案信息",
    unit="治安管理大队",
    depth=7,
    keywords="刻章 刻公章 公章备案 企业开办刻章",
)

LARGE_EVENT = lists.power(
    C.LICENSING,
    5,
    "大型群众性活动安全许可",
    bases=[
        basis("《大型群众性活动安全管理条例》", "第十一条", "公安机关对大型群众性活动实行安全许可制度。"),
    ],
    content="对预计参加人数在1000人以上5000人以下的大型群众性活动实施安全许可。",
    levels=CITY_COUNTY,
)
lists.guide(
    LARGE_EVENT,
    audience=A.ENTERPRISE,
    themes=[],
    conditions="承办者是依法设立的单位或者依法登记的个体工商户;活动场所、设施符合安全要求;有符合规定的安全工作方案和安全责任制度;在活动举办日的20日前提出申请。",
    statutory=7,
    promised=5,
    materials=[
        material("大型群众性活动安全许可申请表"),
        BUSINESS_LICENSE,
        material("安全工作方案", requirements="含安全保卫人员配备、应急救援预案、疏散路线等"),
        material("活动场所管理者同意使用的证明"),
        optional("消防安全检查合格证明", "依法需要的提交"),
    ],
    form=[text("event_name", "活动名称"), date("event_date", "举办日期"), text("venue", "活动场所"), number("attendance", "预计参加人数")],
    result="大型群众性活动安全许可决定书",
    site_check=True,
    unit="治安管理大队",
    depth=5,
    keywords="演唱会 大型活动 庙会 展销会 活动审批",
)

NO_CRIME = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "无犯罪记录证明开具",
    bases=[basis("《公安机关办理犯罪记录查询工作规定》")],
    content="为个人出具本人有无犯罪记录的查询结果证明,支持网上申请、电子证明。",
    levels=ALL_LEVELS,
)
lists.guide(
    NO_CRIME,
    audience=A.PERSON,
    themes=["jiuye-chuangye", "huji-zhengjian"],
    conditions="申请人查询本人犯罪记录,用于入职、出国、资格申请等合法用途;委托他人查询的需提交委托书。",
    statutory=3,
    promised=1,
    materials=[material("犯罪记录查询申请表", form="electronic"), ID_CARD, optional("授权委托书及受托人身份证件", "委托查询的提交")],
    form=[text("purpose", "查询用途"), text("receiver", "证明使用单位", required=False)],
    result="无犯罪记录证明",
    depth=7,
    places=f"{d.HOUSEHOLD_WINDOW};网上申请可下载电子证明",
    keywords="无犯罪记录证明 无犯罪证明 政审 良民证 犯罪记录查询",
)

lists.power(
    C.PENALTY,
    1,
    "对违反道路通行规定的行政处罚",
    bases=[
        basis(
            TRAFFIC_LAW,
            "第九十条",
            "机动车驾驶人违反道路交通安全法律、法规关于道路通行规定的,处警告或者二十元以上二百元以下罚款。本法另有规定的,依照规定处罚。",
        )
    ],
    content="对机动车驾驶人违反道路通行规定的,处警告或者罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.COERCION,
    1,
    "扣留机动车",
    bases=[basis(TRAFFIC_LAW), basis("《道路交通安全违法行为处理程序规定》")],
    content="对未悬挂机动车号牌、未放置检验合格标志或者保险标志、未随车携带行驶证驾驶证等情形,依法扣留机动车。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对旅馆业等特种行业的治安检查",
    bases=[basis("《旅馆业治安管理办法》")],
    content="对旅馆业落实旅客住宿实名登记、治安保卫制度等情况实施治安检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
