"""国家税务总局示范县税务局: invoices, individual income tax reconciliation, tax credit repair, tax enforcement."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, ID_CARD, choice, material, number, optional, text, textarea
from onewindow.catalog.demo_data.powers import ALL_LEVELS, basis

lists = DepartmentLists(d.TAX)

COLLECTION_LAW = "《中华人民共和国税收征收管理法》"
INVOICE_RULES = "《中华人民共和国发票管理办法》"
SERVICE = "纳税服务股"

INVOICE_LIMIT = lists.power(
    C.LICENSING,
    1,
    "增值税专用发票(增值税税控系统)最高开票限额审批",
    bases=[basis("《国务院对确需保留的行政审批项目设定行政许可的决定》(国务院令第412号)"), basis(INVOICE_RULES)],
    content="对纳税人申请的增值税专用发票最高开票限额进行审批。",
    levels=ALL_LEVELS,
)
lists.guide(
    INVOICE_LIMIT,
    audience=A.ENTERPRISE,
    themes=["nashui-jiaofei", "kaiban-qiye"],
    conditions="已办理税务信息确认的增值税纳税人;申请的最高开票限额与实际经营规模相适应(单份限额十万元及以下的实行即时办结)。",
    statutory=20,
    promised=1,
    materials=[
        material("增值税专用发票最高开票限额申请单", form="electronic"),
        BUSINESS_LICENSE,
        optional("经营情况说明", "申请单份限额一百万元以上的提交"),
    ],
    form=[choice("limit", "申请最高开票限额", ["十万元", "一百万元", "一千万元"]), number("monthly_sales", "月均销售额(万元)")],
    result="准予税务行政许可决定书",
    unit=SERVICE,
    depth=7,
    keywords="专票限额 发票限额 增值税专用发票 提额",
)

INVOICE = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "发票领用",
    bases=[
        basis(
            INVOICE_RULES,
            "",
            "需要领用发票的单位和个人,应当持设立登记证件或者税务登记证件,以及经办人身份证明,向主管税务机关办理发票领用手续。",
        )
    ],
    content="为已办理税务信息确认的纳税人核定发票种类、数量,发放纸质发票或者授予数电发票开票额度。",
    levels=ALL_LEVELS,
)
lists.guide(
    INVOICE,
    audience=A.BOTH,
    themes=["nashui-jiaofei", "kaiban-qiye"],
    conditions="已办理税务信息确认或者登记的纳税人;经办人已完成实名认证。",
    statutory=5,
    promised=0,
    materials=[BUSINESS_LICENSE | {"necessity": "optional", "requirements": "单位和个体工商户通过电子证照库调取"}, ID_CARD],
    form=[
        choice("invoice_kind", "发票种类", ["数电发票(普通发票)", "数电发票(增值税专用发票)", "纸质普通发票"]),
        number("quantity", "领用数量(份)"),
    ],
    result="发票(数电发票开票额度)",
    unit=SERVICE,
    depth=7,
    keywords="领发票 开发票 数电发票 发票申领",
)

IIT = lists.power(
    C.PUBLIC_SERVICE,
    2,
    "个人所得税综合所得年度汇算",
    bases=[
        basis(
            "《中华人民共和国个人所得税法》",
            "第十一条",
            "居民个人取得综合所得,按年计算个人所得税;有扣缴义务人的,由扣缴义务人按月或者按次预扣预缴税款;需要办理汇算清缴的,"
            "应当在取得所得的次年三月一日至六月三十日内办理汇算清缴。",
        )
    ],
    content="为居民个人办理综合所得年度汇算申报,审核退(补)税。",
    levels=ALL_LEVELS,
)
lists.guide(
    IIT,
    audience=A.PERSON,
    themes=["nashui-jiaofei", "jiuye-chuangye"],
    conditions="上一纳税年度取得综合所得的居民个人,在次年3月1日至6月30日内办理;已预缴税额大于年度应纳税额申请退税,或者综合所得收入超过12万元且需要补税金额超过400元的。",
    statutory=20,
    promised=5,
    materials=[
        material("个人所得税年度自行纳税申报表", form="electronic", requirements="通过个人所得税APP填报"),
        ID_CARD,
        optional("专项附加扣除相关资料", "自行留存备查"),
    ],
    form=[number("income", "年度综合所得收入额(元)"), text("bank_account", "退税银行账户", max_length=30)],
    result="汇算申报完成(退税到账)",
    unit=SERVICE,
    depth=7,
    keywords="个税汇算 个税退税 年度汇算 个人所得税",
)

CREDIT_REPAIR = lists.power(
    C.PUBLIC_SERVICE,
    3,
    "纳税信用修复",
    bases=[basis("《纳税信用管理办法》")],
    content="对纠正失信行为、消除不良影响的纳税人,按规定修复纳税信用评价结果。",
    levels=ALL_LEVELS,
)
lists.guide(
    CREDIT_REPAIR,
    audience=A.ENTERPRISE,
    themes=["nashui-jiaofei"],
    conditions="纳税人发生未按法定期限办理纳税申报、税款缴纳等失信行为已在规定期限内纠正,或者非正常户已解除等符合纳税信用修复条件的情形。",
    statutory=15,
    promised=5,
    materials=[material("纳税信用修复申请表", form="electronic"), BUSINESS_LICENSE],
    form=[text("year", "修复评价年度", max_length=4), textarea("reason", "失信行为纠正情况", max_length=500)],
    result="纳税信用修复结果",
    unit=SERVICE,
    depth=7,
    keywords="信用修复 纳税信用 D级修复",
)

lists.power(
    C.LEVY,
    1,
    "税款征收",
    bases=[
        basis(
            COLLECTION_LAW,
            "第二十八条",
            "税务机关依照法律、行政法规的规定征收税款,不得违反法律、行政法规的规定开征、停征、多征、少征、提前征收、延缓征收或者摊派税款。",
        )
    ],
    content="依法征收增值税、企业所得税、个人所得税等税款及社会保险费、非税收入。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    1,
    "对未按照规定期限办理纳税申报的行政处罚",
    bases=[
        basis(
            COLLECTION_LAW,
            "第六十二条",
            "纳税人未按照规定的期限办理纳税申报和报送纳税资料的,或者扣缴义务人未按照规定的期限向税务机关报送代扣代缴、代收代缴税款报告表"
            "和有关资料的,由税务机关责令限期改正,可以处二千元以下的罚款;情节严重的,可以处二千元以上一万元以下的罚款。",
        )
    ],
    content="对未按期办理纳税申报和报送纳税资料的,责令限期改正,可以处以罚款(首违不罚清单内的依法不予处罚)。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "税务检查",
    bases=[basis(COLLECTION_LAW, "第五十四条", "税务机关有权进行下列税务检查:(一)检查纳税人的账簿、记账凭证、报表和有关资料……")],
    content="对纳税人、扣缴义务人的账簿、记账凭证、纳税申报和代扣代缴情况实施税务检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
