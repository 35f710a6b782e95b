"""示范县人力资源和社会保障局: social insurance, employment services, labor licensing and inspection."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    BUSINESS_LICENSE,
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
    textarea,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.HUMAN_RESOURCES)

INSURANCE_LAW = "《中华人民共和国社会保险法》"
SOCIAL_SECURITY_NUMBER = basis(INSURANCE_LAW, "第五十八条", "国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。")
SOCIAL_SECURITY_CARD = gov("社会保障卡", "social-security-card", requirements="用于待遇发放,通过系统核验")
INSURANCE_CENTER = "社会保险事业管理中心"
EMPLOYMENT = "就业促进股"

CARD = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "社会保障卡申领",
    bases=[SOCIAL_SECURITY_NUMBER, basis("《社会保障卡管理办法》")],
    content="为参保人员办理社会保障卡首次申领、补领、换领,签发电子社会保障卡。",
    levels=ALL_LEVELS,
)
lists.guide(
    CARD,
    name="社会保障卡申领",
    audience=A.PERSON,
    themes=["shebao", "chusheng", "yiliao"],
    conditions="在本县参加社会保险或者户籍在本县的人员;首次申领、卡片遗失补领、损坏或者到期换领。",
    statutory=20,
    promised=0,
    situations=[("首次申领", ""), ("补领", "卡片遗失,先办理挂失"), ("换领", "卡片损坏、到期或者换发新一代卡")],
    materials=[
        ID_CARD,
        PHOTO,
        material("原社会保障卡", requirements="换领时交回", situation="S03"),
        optional("监护人居民身份证", "未成年人由监护人代办"),
    ],
    form=[text("bank", "拟选金融服务银行"), choice("delivery", "领卡方式", ["即时制卡网点现场领取", "邮政寄递"])],
    result="社会保障卡(含电子社会保障卡)",
    license_type="social-security-card",
    unit=INSURANCE_CENTER,
    depth=7,
    keywords="社保卡 办社保卡 社保卡丢了 补办社保卡 电子社保卡 医保卡",
)

EMPLOYMENT_CARD = lists.power(
    C.PUBLIC_SERVICE,
    2,
    "就业创业证申领",
    bases=[basis("《就业服务与就业管理规定》")],
    content="为劳动年龄内有就业创业要求的人员办理就业创业证,记载就业失业状态和享受扶持政策情况。",
    levels=ALL_LEVELS,
)
lists.guide(
    EMPLOYMENT_CARD,
    audience=A.PERSON,
    themes=["jiuye-chuangye"],
    conditions="在法定劳动年龄内、有劳动能力和就业创业要求的城乡劳动者,在常住地、户籍地或者就业地申领。",
    statutory=5,
    promised=0,
    materials=[ID_CARD, material("就业创业证申领表", form="electronic")],
    form=[choice("status", "就业状态", ["失业", "就业", "自主创业"]), text("education", "文化程度", max_length=20)],
    result="就业创业证(电子证)",
    license_type="employment-card",
    unit=EMPLOYMENT,
    depth=7,
    keywords="就业创业证 失业证 就业登记 失业登记",
)

UNEMPLOYMENT = lists.power(
    C.BENEFIT,
    1,
    "失业保险金申领",
    bases=[
        basis(
            INSURANCE_LAW,
            "第四十五条",
            "失业人员符合下列条件的,从失业保险基金中领取失业保险金:(一)失业前用人单位和本人已经缴纳失业保险费满一年的;"
            "(二)非因本人意愿中断就业的;(三)已经进行失业登记,并有求职要求的。",
        )
    ],
    content="对符合条件的失业人员按月发放失业保险金,并代缴失业期间基本医疗保险费。",
    levels=ALL_LEVELS,
)
lists.guide(
    UNEMPLOYMENT,
    audience=A.PERSON,
    themes=["jiuye-chuangye", "shebao"],
    conditions="失业前用人单位和本人已经缴纳失业保险费满一年;非因本人意愿中断就业;已进行失业登记并有求职要求。",
    statutory=20,
    promised=5,
    materials=[
        material("失业保险金申领登记表", form="electronic"),
        ID_CARD,
        optional("终止或者解除劳动合同的证明", "单位已通过系统报送的免于提交"),
        SOCIAL_SECURITY_CARD,
    ],
    form=[date("separation_date", "终止或者解除劳动关系日期"), text("last_employer", "原工作单位")],
    result="失业保险金按月发放",
    unit=INSURANCE_CENTER,
    depth=7,
    keywords="失业金 领失业金 失业保险 下岗 被辞退",
)

PENSION = lists.power(
    C.BENEFIT,
    2,
    "企业职工基本养老保险待遇申领",
    bases=[
        basis(INSURANCE_LAW, "第十六条", "参加基本养老保险的个人,达到法定退休年龄时累计缴费满十五年的,按月领取基本养老金。"),
    ],
    content="对达到法定退休年龄且累计缴费满规定年限的参保人员核定并按月发放基本养老金。",
    levels=ALL_LEVELS,
)
lists.guide(
    PENSION,
    audience=A.PERSON,
    themes=["tuixiu-yanglao", "shebao"],
    conditions="达到法定退休年龄(或者符合提前退休条件),基本养老保险累计缴费满规定年限(含视同缴费年限),已办理退休审批。",
    statutory=20,
    promised=10,
    materials=[
        material("基本养老金申领表", form="electronic"),
        ID_CARD,
        SOCIAL_SECURITY_CARD,
        optional("视同缴费年限认定材料(档案)", "有视同缴费年限的提交"),
    ],
    form=[date("retire_date", "退休日期"), choice("kind", "退休类别", ["正常退休", "特殊工种提前退休", "病退"])],
    result="基本养老金核定表(按月发放)",
    unit=INSURANCE_CENTER,
    depth=6,
    keywords="退休 领养老金 退休金 养老金 退休一件事",
)

RESIDENT_PENSION = lists.power(
    C.BENEFIT,
    3,
    "城乡居民基本养老保险待遇申领",
    bases=[basis(INSURANCE_LAW, "第二十条", "国家建立和完善新型农村社会养老保险制度。")],
    content="对年满60周岁、符合条件的城乡居民基本养老保险参保人员按月发放养老待遇。",
    levels=ALL_LEVELS,
)
lists.guide(
    RESIDENT_PENSION,
    audience=A.PERSON,
    themes=["tuixiu-yanglao", "shebao"],
    conditions="参加城乡居民基本养老保险,年满60周岁,累计缴费满15年,未领取其他国家规定的基本养老保障待遇。",
    statutory=20,
    promised=5,
    materials=[material("城乡居民基本养老保险待遇领取申请表"), ID_CARD, SOCIAL_SECURITY_CARD],
    form=[text("bank_account", "待遇发放账号", max_length=30)],
    result="城乡居民养老保险待遇(按月发放)",
    unit=INSURANCE_CENTER,
    places=d.SOCIAL_SECURITY_WINDOW,
    depth=6,
    keywords="农村养老金 60岁养老金 居民养老保险 新农保",
)

FUNERAL = lists.power(
    C.BENEFIT,
    4,
    "丧葬补助金和抚恤金申领",
    bases=[
        basis(
            INSURANCE_LAW,
            "第十七条",
            "参加基本养老保险的个人,因病或者非因工死亡的,其遗属可以领取丧葬补助金和抚恤金;在未达到法定退休年龄时因病或者非因工致残完全丧失劳动能力的,可以领取病残津贴。",
        )
    ],
    content="对因病或者非因工死亡的参保人员遗属发放丧葬补助金和抚恤金。",
    levels=ALL_LEVELS,
)
lists.guide(
    FUNERAL,
    audience=A.PERSON,
    themes=["shenhoushi", "shebao"],
    conditions="参加基本养老保险的人员因病或者非因工死亡,由其直系亲属或者遗属申领。",
    statutory=20,
    promised=5,
    materials=[
        material("丧葬补助金、抚恤金申领表"),
        ID_CARD,
        material("死亡证明或者户口注销证明", requirements="可通过部门共享获取的免于提交"),
        optional("亲属关系证明", "通过户籍信息无法核验的提交"),
    ],
    form=[
        text("deceased_name", "死者姓名", max_length=50),
        text("deceased_id", "死者公民身份号码", max_length=18),
        text("relationship", "申领人与死者关系", max_length=20),
    ],
    result="丧葬补助金和抚恤金发放",
    unit=INSURANCE_CENTER,
    depth=6,
    keywords="丧葬费 抚恤金 去世 丧葬补助 身后事",
)

WORK_INJURY = lists.power(
    C.CONFIRMATION,
    1,
    "工伤认定",
    bases=[
        basis(
            "《工伤保险条例》",
            "第十七条",
            "职工发生事故伤害或者按照职业病防治法规定被诊断、鉴定为职业病,所在单位应当自事故伤害发生之日或者被诊断、鉴定为职业病之日起30日内,"
            "向统筹地区社会保险行政部门提出工伤认定申请。",
        ),
        basis(
            "《工伤保险条例》",
            "第二十条",
            "社会保险行政部门应当自受理工伤认定申请之日起60日内作出工伤认定的决定,并书面通知申请工伤认定的职工或者其近亲属和该职工所在单位。",
        ),
    ],
    content="对本县参保职工因工作遭受事故伤害或者患职业病的情形进行工伤认定。",
    levels=CITY_COUNTY,
)
lists.guide(
    WORK_INJURY,
    audience=A.BOTH,
    themes=["zhaogong-yonggong", "shebao"],
    conditions="用人单位自事故伤害发生之日起30日内提出申请;用人单位未提出的,工伤职工或者其近亲属、工会组织在1年内可以直接提出申请。",
    statutory=60,
    promised=30,
    materials=[
        material("工伤认定申请表"),
        material("与用人单位存在劳动关系(包括事实劳动关系)的证明材料"),
        material("医疗诊断证明或者职业病诊断证明书(职业病诊断鉴定书)"),
        optional("事故伤害证明材料", "上下班途中交通事故等情形提交交通事故认定书等"),
    ],
    form=[text("worker_name", "受伤职工姓名", max_length=50), date("accident_date", "事故发生日期"), textarea("accident", "事故经过")],
    result="认定工伤决定书(或者不予认定工伤决定书)",
    site_check=True,
    unit="劳动保障监察大队",
    depth=5,
    keywords="工伤 工伤认定 上班受伤 职业病",
)

DISPATCH = lists.power(
    C.LICENSING,
    1,
    "劳务派遣经营许可",
    bases=[
        basis(
            "《中华人民共和国劳动合同法》",
            "第五十七条",
            "经营劳务派遣业务,应当具备下列条件:(一)注册资本不得少于人民币二百万元;(二)有与开展业务相适应的固定的经营场所和设施;"
            "(三)有符合法律、行政法规规定的劳务派遣管理制度;(四)法律、行政法规规定的其他条件。"
            "经营劳务派遣业务,应当向劳动行政部门依法申请行政许可;经许可的,依法办理相应的公司登记。",
        )
    ],
    content="对在本县登记的经营劳务派遣业务的单位核发劳务派遣经营许可证。",
    levels=ALL_LEVELS,
)
lists.guide(
    DISPATCH,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke", "zhaogong-yonggong"],
    conditions="注册资本不少于人民币二百万元;有与开展业务相适应的固定的经营场所和设施;有符合法律、行政法规规定的劳务派遣管理制度。",
    statutory=20,
    promised=10,
    situations=[("新办", ""), ("变更", ""), ("延续", "有效期届满60日前申请")],
    materials=[
        material("劳务派遣经营许可申请书"),
        BUSINESS_LICENSE,
        pledge("注册资本实缴证明", "可书面承诺注册资本已实缴,监管中核查"),
        material("经营场所使用证明", situation="S01"),
        gap("劳务派遣协议样本和劳务派遣管理制度", "可在许可决定前补交", situation="S01"),
        material("原劳务派遣经营许可证", situation="S03"),
    ],
    form=[number("registered_capital", "注册资本(万元)"), text("premises", "经营场所")],
    result="劳务派遣经营许可证",
    license_type="labor-dispatch-license",
    unit=EMPLOYMENT,
    depth=6,
    keywords="劳务派遣 派遣许可证 劳务公司",
)

HR_SERVICE = lists.power(
    C.LICENSING,
    2,
    "经营性人力资源服务机构从事职业中介活动许可",
    bases=[
        basis(
            "《人力资源市场暂行条例》",
            "",
            "经营性人力资源服务机构从事职业中介活动的,应当依法向人力资源社会保障行政部门申请行政许可,取得人力资源服务许可证。",
        )
    ],
    content="对在本县从事职业中介活动的经营性人力资源服务机构核发人力资源服务许可证。",
    levels=ALL_LEVELS,
)
lists.guide(
    HR_SERVICE,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="有明确的章程和管理制度;有开展业务必备的固定场所、办公设施;有一定数量具备相应职业资格的专职工作人员。",
    statutory=20,
    promised=5,
    materials=[
        material("人力资源服务许可申请表"),
        BUSINESS_LICENSE,
        material("经营场所使用证明"),
        pledge("专职工作人员基本情况及从业资格", "可书面承诺"),
    ],
    form=[textarea("services", "拟开展的服务项目", max_length=300), text("premises", "服务场所")],
    result="人力资源服务许可证",
    unit=EMPLOYMENT,
    depth=6,
    keywords="职业中介 人才中介 招聘中介 人力资源许可证",
)

WORKING_HOURS = lists.power(
    C.LICENSING,
    3,
    "企业实行不定时工作制和综合计算工时工作制审批",
    bases=[
        basis(
            "《中华人民共和国劳动法》",
            "第三十九条",
            "企业因生产特点不能实行本法第三十六条、第三十八条规定的,经劳动行政部门批准,可以实行其他工作和休息办法。",
        )
    ],
    content="对因生产特点不能实行标准工时制度的企业,审批实行不定时工作制或者综合计算工时工作制。",
    levels=ALL_LEVELS,
)
lists.guide(
    WORKING_HOURS,
    audience=A.ENTERPRISE,
    themes=["zhaogong-yonggong"],
    conditions="企业因工作性质或者生产特点不能实行标准工时制度;已听取工会和职工意见;制定了保障职工休息休假权利的措施。",
    statutory=20,
    promised=10,
    materials=[
        material("特殊工时制度申请表"),
        BUSINESS_LICENSE,
        material("实行特殊工时制度的岗位、人数及实施方案"),
        material("工会或者职工代表大会意见"),
    ],
    form=[choice("kind", "工时制度", ["不定时工作制", "综合计算工时工作制"]), textarea("positions", "涉及岗位及人数", max_length=500)],
    result="实行特殊工时制度的批复",
    unit="劳动保障监察大队",
    depth=6,
    keywords="综合工时 不定时工作制 特殊工时 加班审批",
)

EMPLOYER_REGISTRATION = lists.power(
    C.PUBLIC_SERVICE,
    3,
    "用人单位社会保险登记",
    bases=[
        basis(
            INSURANCE_LAW,
            "第五十七条",
            "用人单位应当自成立之日起三十日内凭营业执照、登记证书或者单位印章,向当地社会保险经办机构申请办理社会保险登记。"
            "社会保险经办机构应当自收到申请之日起十五日内予以审核,发给社会保险登记证件。",
        ),
    ],
    content="为新设立的用人单位办理社会保险登记,为其职工办理参保登记(企业开办“一网通办”同步完成)。",
    levels=ALL_LEVELS,
)
lists.guide(
    EMPLOYER_REGISTRATION,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "zhaogong-yonggong", "nashui-jiaofei"],
    conditions="在本县依法设立的企业、机关、事业单位、社会组织等用人单位,自成立之日起三十日内办理。",
    statutory=15,
    promised=0,
    materials=[BUSINESS_LICENSE, material("社会保险登记表", form="electronic")],
    form=[text("bank_account", "缴费银行账号", max_length=30), number("employees", "参保职工人数")],
    result="社会保险登记信息",
    unit=INSURANCE_CENTER,
    depth=7,
    keywords="单位社保开户 社保登记 公司交社保 员工参保",
)

FLEXIBLE = lists.power(
    C.PUBLIC_SERVICE,
    4,
    "灵活就业人员参保登记",
    bases=[
        basis(
            INSURANCE_LAW,
            "第五十八条",
            "自愿参加社会保险的无雇工的个体工商户、未在用人单位参加社会保险的非全日制从业人员以及其他灵活就业人员,"
            "应当向社会保险经办机构申请办理社会保险登记。",
        )
    ],
    content="为个体工商户、非全日制从业人员和其他灵活就业人员办理企业职工基本养老保险参保登记。",
    levels=ALL_LEVELS,
)
lists.guide(
    FLEXIBLE,
    audience=A.PERSON,
    themes=["shebao", "jiuye-chuangye"],
    conditions="年满16周岁、未达到法定退休年龄,未在用人单位参加职工基本养老保险的灵活就业人员。",
    statutory=15,
    promised=0,
    materials=[ID_CARD, material("灵活就业人员参保登记表", form="electronic")],
    form=[
        choice("insurance", "参保险种", ["企业职工基本养老保险", "企业职工基本养老保险和职工基本医疗保险"]),
        choice("base", "缴费档次", ["60%", "80%", "100%", "200%", "300%"]),
    ],
    result="参保登记信息",
    unit=INSURANCE_CENTER,
    depth=7,
    keywords="个人交社保 灵活就业 自己交养老保险 断缴续交",
)

STARTUP_LOAN = lists.power(
    C.PUBLIC_SERVICE,
    5,
    "创业担保贷款申请",
    bases=[
        basis("《中华人民共和国就业促进法》", "", "国家倡导劳动者树立正确的择业观念,提高就业能力和创业能力;鼓励劳动者自主创业、自谋职业。")
    ],
    content="为符合条件的个人创业者和小微企业提供创业担保贷款资格审核,衔接担保机构和经办银行放款及财政贴息。",
    levels=ALL_LEVELS,
)
lists.guide(
    STARTUP_LOAN,
    audience=A.BOTH,
    themes=["jiuye-chuangye", "kaiban-qiye"],
    conditions="城镇登记失业人员、就业困难人员、退役军人、返乡创业农民工、毕业5年内高校毕业生等重点群体在本县创业,除助学贷款、扶贫贷款、住房贷款、购车贷款、5万元以下小额消费贷款外无其他贷款记录。",
    statutory=20,
    promised=10,
    materials=[
        material("创业担保贷款申请表"),
        ID_CARD,
        BUSINESS_LICENSE | {"necessity": "optional", "requirements": "已办理营业执照的通过电子证照库调取"},
        material("创业项目计划书"),
        optional("重点群体身份证明", "能够通过系统核验的免于提交"),
    ],
    form=[number("amount", "申请贷款金额(万元)"), number("term_months", "贷款期限(月)"), text("project", "创业项目")],
    result="创业担保贷款资格审核意见",
    unit=EMPLOYMENT,
    site_check=True,
    depth=5,
    keywords="创业贷款 贴息贷款 小额担保贷款 创业扶持",
)

lists.power(
    C.PENALTY,
    1,
    "对用人单位违反劳动保障法律法规的行政处罚",
    bases=[basis("《劳动保障监察条例》"), basis("《保障农民工工资支付条例》")],
    content="对用人单位克扣或者无故拖欠工资、违法延长工作时间、未依法订立劳动合同等违法行为,责令改正并依法给予罚款等处罚。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "劳动保障监察",
    bases=[basis("《劳动保障监察条例》")],
    content="对用人单位遵守劳动合同、工资支付、工作时间、社会保险等劳动保障法律法规情况实施监督检查,受理举报投诉。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
