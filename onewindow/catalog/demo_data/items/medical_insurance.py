"""示范县医疗保障局: medical insurance enrolment and benefits, medical assistance, designated institutions, fund supervision."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.choices import StageKind
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    BUSINESS_LICENSE,
    HOUSEHOLD_REGISTER,
    ID_CARD,
    choice,
    date,
    gov,
    material,
    number,
    optional,
    special,
    text,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, basis

lists = DepartmentLists(d.MEDICAL_INSURANCE)

INSURANCE_LAW = "《中华人民共和国社会保险法》"
FUND_RULES = "《医疗保障基金使用监督管理条例》"
PAYMENT_BASIS = basis(
    INSURANCE_LAW,
    "第二十八条",
    "符合基本医疗保险药品目录、诊疗项目、医疗服务设施标准以及急诊、抢救的医疗费用,按照国家规定从基本医疗保险基金中支付。",
)
AFFAIRS = "医疗保障事务中心"
BENEFITS = "待遇保障股"
SOCIAL_SECURITY_CARD = gov("社会保障卡(医保电子凭证)", "social-security-card")

ENROLMENT = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "城乡居民基本医疗保险参保登记",
    bases=[basis(INSURANCE_LAW, "第二十五条", "国家建立和完善城镇居民基本医疗保险制度。")],
    content="为本县城乡居民(含新生儿、在校学生、持居住证人员)办理基本医疗保险参保登记。",
    levels=ALL_LEVELS,
)
lists.guide(
    ENROLMENT,
    audience=A.PERSON,
    themes=["yiliao", "chusheng", "shebao"],
    conditions="本县户籍或者持有本县居住证、未参加职工基本医疗保险的城乡居民;新生儿出生后可随时参保。",
    statutory=15,
    promised=0,
    materials=[ID_CARD, HOUSEHOLD_REGISTER | {"requirements": "新生儿凭出生医学证明或者户口簿参保"}],
    form=[
        choice("category", "参保类别", ["成年居民", "未成年人", "新生儿", "在校学生"]),
        choice("pay_channel", "缴费方式", ["税务网上缴费", "乡镇代收"]),
    ],
    result="参保登记信息",
    unit=AFFAIRS,
    depth=7,
    keywords="医保参保 新农合 居民医保 交医保 新生儿医保",
)

REMOTE_CARE = lists.power(
    C.PUBLIC_SERVICE,
    2,
    "基本医疗保险参保人员异地就医备案",
    bases=[
        basis(
            INSURANCE_LAW, "第二十九条", "社会保险行政部门和卫生行政部门应当建立异地就医医疗费用结算制度,方便参保人员享受基本医疗保险待遇。"
        )
    ],
    content="为异地长期居住、异地转诊和临时外出就医的参保人员办理跨省、省内异地就医备案,实现直接结算。",
    levels=ALL_LEVELS,
)
lists.guide(
    REMOTE_CARE,
    audience=A.PERSON,
    themes=["yiliao"],
    conditions="参加本县基本医疗保险,属于异地长期居住(异地安置退休、异地长期居住、常驻异地工作)、异地转诊或者临时外出就医人员。",
    statutory=5,
    promised=0,
    situations=[("异地长期居住", ""), ("异地转诊", ""), ("临时外出就医", "")],
    materials=[
        material("异地就医备案登记表", form="electronic", requirements="通过国家医保服务平台APP或者窗口填报"),
        ID_CARD,
        optional("居住证明或者个人承诺书", "异地长期居住人员提交,可用承诺书代替", situation="S01"),
        material("转诊转院证明", form="electronic", situation="S02"),
    ],
    form=[
        text("destination", "就医地"),
        date("start_date", "备案开始日期"),
        choice("kind", "备案类型", ["异地长期居住", "异地转诊", "临时外出就医"]),
    ],
    result="异地就医备案回执",
    unit=AFFAIRS,
    depth=7,
    keywords="异地就医 外地看病 医保备案 跨省报销 转诊",
)

CHRONIC = lists.power(
    C.CONFIRMATION,
    1,
    "门诊慢特病待遇认定",
    bases=[PAYMENT_BASIS],
    content="对患有高血压、糖尿病、恶性肿瘤等门诊慢性病、特殊疾病的参保人员认定门诊慢特病待遇资格。",
    levels=ALL_LEVELS,
)
lists.guide(
    CHRONIC,
    audience=A.PERSON,
    themes=["yiliao"],
    conditions="参加本县基本医疗保险,所患疾病属于本县门诊慢特病病种范围,符合病种认定标准。",
    statutory=20,
    promised=5,
    materials=[
        material("门诊慢特病待遇认定申请表", form="electronic"),
        SOCIAL_SECURITY_CARD,
        material("二级以上医疗机构出具的诊断证明和相关检查报告", form="electronic"),
        optional("住院病历", "病种认定标准要求的提交"),
    ],
    form=[
        choice("disease", "申请病种", ["高血压", "糖尿病", "恶性肿瘤门诊治疗", "慢性肾衰竭(透析)", "精神分裂症", "其他"]),
        text("hospital", "诊断医院"),
    ],
    result="门诊慢特病待遇资格认定结果",
    unit=BENEFITS,
    depth=6,
    keywords="慢性病 慢病卡 门诊特殊病 慢特病 大病门诊",
)

MEDICAL_ASSISTANCE = lists.power(
    C.BENEFIT,
    1,
    "医疗救助",
    bases=[basis("《社会救助暂行办法》", "第二十八条", "国家建立健全医疗救助制度,保障医疗救助对象获得基本医疗卫生服务。")],
    content="对低保对象、特困人员、低收入人口和因病致贫重病患者等,资助参加城乡居民医保并对其自付医疗费用给予救助。",
    levels=ALL_LEVELS,
)
lists.guide(
    MEDICAL_ASSISTANCE,
    audience=A.PERSON,
    themes=["yiliao", "shebao"],
    conditions="属于本县最低生活保障家庭成员、特困供养人员、低收入家庭的老年人、未成年人、重度残疾人和重病患者,或者因病致贫家庭重病患者;经基本医疗保险、大病保险报销后个人负担仍然较重。",
    statutory=20,
    promised=10,
    situations=[("定点医疗机构“一站式”结算", ""), ("事后申请救助", "")],
    materials=[
        material("医疗救助申请审批表"),
        ID_CARD,
        material("医疗费用票据和费用清单", situation="S02"),
        material("基本医疗保险、大病保险结算单", situation="S02"),
    ],
    form=[
        number("self_paid", "个人自付医疗费用(元)"),
        choice("category", "救助对象类别", ["低保对象", "特困人员", "低收入人口", "因病致贫重病患者"]),
    ],
    result="医疗救助金发放",
    unit=BENEFITS,
    depth=5,
    places=d.TOWNSHIP_WINDOW,
    keywords="看病救助 大病救助 医疗救助 看不起病",
)

REIMBURSEMENT = lists.power(
    C.BENEFIT,
    2,
    "医疗费用手工(零星)报销",
    bases=[PAYMENT_BASIS],
    content="对因急诊、未办理备案的异地就医等原因未能直接结算的合规医疗费用进行手工报销。",
    levels=ALL_LEVELS,
)
lists.guide(
    REIMBURSEMENT,
    audience=A.PERSON,
    themes=["yiliao"],
    conditions="参保人员发生的合规医疗费用因急诊抢救、异地就医未备案、医疗机构未联网等原因未能直接结算,在规定期限内申请。",
    statutory=30,
    promised=15,
    materials=[
        SOCIAL_SECURITY_CARD,
        material("医疗费用发票", requirements="原件,电子票据可在线上传"),
        material("费用明细清单"),
        optional("出院记录(住院费用提交)和急诊证明", "按就医情形提交"),
    ],
    form=[
        number("amount", "医疗费用总额(元)"),
        choice("kind", "费用类型", ["住院", "门诊慢特病", "普通门诊"]),
        text("bank_account", "收款账号", max_length=30),
    ],
    result="医疗费用报销结算单",
    unit=AFFAIRS,
    depth=6,
    keywords="医保报销 医药费报销 看病报销 手工报销",
)

MATERNITY = lists.power(
    C.BENEFIT,
    3,
    "生育津贴支付",
    bases=[
        basis(
            INSURANCE_LAW,
            "第五十六条",
            "职工有下列情形之一的,可以按照国家规定享受生育津贴:(一)女职工生育享受产假;(二)享受计划生育手术休假;(三)法律、法规规定的其他情形。",
        )
    ],
    content="对参加职工基本医疗保险(生育保险)的职工,在产假、计划生育手术休假期间按规定支付生育津贴。",
    levels=ALL_LEVELS,
)
lists.guide(
    MATERNITY,
    audience=A.BOTH,
    themes=["hunyu", "chusheng"],
    conditions="用人单位为职工参加生育保险并按时足额缴费;职工生育享受产假或者享受计划生育手术休假。",
    statutory=20,
    promised=10,
    materials=[
        material("生育津贴申领表", form="electronic", requirements="由用人单位网上申报"),
        ID_CARD,
        gov("出生医学证明", "birth-medical-certificate"),
    ],
    form=[date("birth_date", "分娩日期"), number("leave_days", "产假天数"), text("employer", "用人单位")],
    result="生育津贴发放(拨付用人单位)",
    unit=BENEFITS,
    depth=7,
    keywords="生育津贴 产假工资 生育保险 生孩子报销",
)

TRANSFER = lists.power(
    C.PUBLIC_SERVICE,
    3,
    "基本医疗保险关系转移接续",
    bases=[basis(INSURANCE_LAW, "第三十二条", "个人跨统筹地区就业的,其基本医疗保险关系随本人转移,缴费年限累计计算。")],
    content="为跨统筹地区流动就业的参保人员办理基本医疗保险关系转移接续。",
    levels=ALL_LEVELS,
)
lists.guide(
    TRANSFER,
    audience=A.PERSON,
    themes=["yiliao", "jiuye-chuangye"],
    conditions="参保人员跨统筹地区流动就业或者转换参保身份,转出地已终止参保并核定缴费年限。",
    statutory=15,
    promised=5,
    materials=[ID_CARD, material("基本医疗保障参保(合)凭证", form="electronic", requirements="转出地医保经办机构出具,系统间传递")],
    form=[text("from_region", "转出地"), date("last_month", "转出地最后缴费月份")],
    result="基本医疗保险关系转移接续完成",
    unit=AFFAIRS,
    depth=7,
    keywords="医保转移 医保转入 换工作医保 医保接续",
)

DESIGNATION = lists.power(
    C.OTHER,
    1,
    "医药机构申请医疗保障定点",
    bases=[basis("《医疗机构医疗保障定点管理暂行办法》"), basis("《零售药店医疗保障定点管理暂行办法》")],
    content="受理医疗机构、零售药店的医疗保障定点申请,组织评估并与评估合格的医药机构签订医保服务协议。",
    levels=ALL_LEVELS,
)
lists.guide(
    DESIGNATION,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="正式运营满3个月;具有医疗机构执业许可证(诊所备案凭证)或者药品经营许可证;配备医保专(兼)职管理人员,建立医保管理制度;信息系统具备与医保信息平台对接条件。",
    statutory=60,
    promised=45,
    situations=[("医疗机构", ""), ("零售药店", "")],
    materials=[
        material("定点医药机构申请表"),
        BUSINESS_LICENSE,
        gov("医疗机构执业许可证", "medical-institution-license", situation="S01"),
        gov("药品经营许可证", "drug-business-license", situation="S02"),
        material("医保管理制度和信息系统建设情况说明"),
    ],
    form=[
        text("institution", "机构名称"),
        choice("kind", "机构类型", ["医院", "卫生院", "诊所", "零售药店"]),
        date("opened_on", "开业日期"),
    ],
    result="医疗保障定点服务协议",
    extras=(special(StageKind.EXPERT_REVIEW, "组织评估(含现场评估)", 30),),
    unit="医药服务管理股",
    depth=5,
    keywords="医保定点 药店刷医保 诊所定点 定点药房",
)

REPORT_REWARD = lists.power(
    C.REWARD,
    1,
    "违法违规使用医疗保障基金举报奖励",
    bases=[basis("《违法违规使用医疗保障基金举报奖励办法》"), basis(FUND_RULES)],
    content="对举报欺诈骗保等违法违规使用医保基金行为、经查证属实的举报人给予奖励。",
    levels=ALL_LEVELS,
)
lists.guide(
    REPORT_REWARD,
    audience=A.PERSON,
    themes=["yiliao"],
    conditions="举报人实名举报;举报事项经查证属实,为医疗保障部门事先未掌握的违法违规使用医保基金行为,并造成基金损失或者因举报避免损失。",
    statutory=30,
    promised=15,
    materials=[material("举报奖励申领表", form="electronic"), ID_CARD],
    form=[text("report_number", "举报受理编号"), text("bank_account", "收款账号", max_length=30)],
    result="举报奖励发放",
    unit="医药服务管理股",
    depth=5,
    keywords="骗保举报 医保举报奖励 欺诈骗保",
)

lists.power(
    C.PENALTY,
    1,
    "对定点医药机构违法违规使用医疗保障基金的行政处罚",
    bases=[basis(FUND_RULES)],
    content="对定点医药机构分解住院、过度诊疗、串换药品、虚构医药服务项目等造成医保基金损失的,责令退回,处造成损失金额一定倍数的罚款,情节严重的责令暂停涉及医保基金使用的医药服务。",
    levels=ALL_LEVELS,
)
lists.power(
    C.COERCION,
    1,
    "封存可能被转移、隐匿或者灭失的医疗保障基金使用资料",
    bases=[basis(FUND_RULES)],
    content="在医保基金监督检查中,对可能被转移、隐匿或者灭失的资料等依法予以封存。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "医疗保障基金使用监督检查",
    bases=[basis(FUND_RULES)],
    content="对定点医药机构、参保人员使用医疗保障基金的情况实施日常监督检查和专项检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
