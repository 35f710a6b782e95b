"""Power items (权力事项) of the demo lists: legal bases, and the responsibility items and accountability
circumstances every power of a category shares (as counties publish them, by category)."""

from onewindow.catalog.choices import ExerciseLevel, PowerCategory
from onewindow.catalog.demo_data.departments import Dept

COUNTY = (ExerciseLevel.COUNTY,)
CITY_COUNTY = (ExerciseLevel.CITY, ExerciseLevel.COUNTY)
ALL_LEVELS = (ExerciseLevel.PROVINCE, ExerciseLevel.CITY, ExerciseLevel.COUNTY)
COUNTY_TOWNSHIP = (ExerciseLevel.COUNTY, ExerciseLevel.TOWNSHIP)

# 行政许可法 第三十条 — 第四十四条 (受理、审查、决定、送达), 第六十一条 (监督检查)
_LICENSING = [
    (
        "受理",
        "公示依法应当提交的材料目录和示范文本;对申请材料不齐全或者不符合法定形式的,当场或者在五日内一次告知需要补正的全部内容;依法作出受理或者不予受理决定。",
    ),
    (
        "审查",
        "对申请材料进行审查;需要对实质内容核实的,指派两名以上工作人员进行核查;许可事项直接关系他人重大利益的,告知利害关系人并听取意见。",
    ),
    ("决定", "在法定期限内作出准予或者不予行政许可的书面决定;不予许可的,说明理由并告知申请人享有依法申请行政复议或者提起行政诉讼的权利。"),
    ("事后监管", "依法对被许可人从事行政许可事项的活动进行监督检查,对违法行为依法处理,公开监督检查结果。"),
]
# 行政处罚法 第五十四条 — 第六十七条
_PENALTY = [
    ("立案", "对发现、投诉、举报、移送的涉嫌违法行为进行核查,符合立案条件的及时立案。"),
    ("调查", "两名以上具有执法资格的人员出示执法证件调查取证,询问当事人、制作笔录,依法收集、固定证据。"),
    (
        "审查告知",
        "对案件事实、证据、程序、法律适用和裁量基准进行审查,重大案件经法制审核和集体讨论;作出决定前告知当事人拟处罚的事实、理由、依据及陈述、申辩、要求听证的权利。",
    ),
    ("决定执行", "依法作出行政处罚决定并在七日内送达;监督当事人履行,逾期不履行的依法申请强制执行;依法公示行政处罚信息。"),
]
# 行政强制法 第十八条 — 第二十八条
_COERCION = [
    ("审批", "实施前向行政机关负责人报告并经批准;情况紧急需当场实施的,在二十四小时内向负责人报告并补办批准手续。"),
    (
        "实施",
        "由两名以上执法人员实施,出示执法证件,通知当事人到场,当场告知采取措施的理由、依据及当事人享有的权利,制作现场笔录并交付决定书和清单。",
    ),
    ("解除", "在法定期限内作出处理决定;对违法事实清楚的依法处理,不再需要采取措施的及时解除,妥善保管查封、扣押的财物。"),
]
_LEVY = [
    ("核定", "依据法定的征收项目、范围和标准核定应缴金额,向缴纳义务人送达缴款通知书。"),
    ("征收", "通过非税收入收缴管理系统征收,开具财政票据,及时足额缴入国库,不得坐收坐支。"),
    ("减免", "对符合减免缓条件的依法审核办理,并公开减免情况。"),
]
_BENEFIT = [
    ("受理", "公开给付条件、标准和程序;受理申请,一次性告知需要提交的材料。"),
    ("审核", "通过入户调查、信息核对等方式核实申请人的给付条件,依法公示。"),
    ("决定发放", "作出给付或者不予给付的决定,不予给付的书面说明理由;按标准及时足额社会化发放。"),
    ("动态管理", "定期复核给付对象情况,对不再符合条件的及时停发,对冒领、骗领的依法追回。"),
]
_INSPECTION = [
    ("检查计划", "按照“双随机、一公开”要求制定检查计划,随机抽取检查对象和执法检查人员。"),
    ("实施检查", "两名以上执法人员出示执法证件实施检查,如实记录检查情况,由被检查对象签字确认。"),
    ("结果处理", "对检查中发现的问题依法责令改正或者立案查处,在规定时限内公开检查结果。"),
]
_CONFIRMATION = [
    ("受理", "公开确认条件和所需材料;依法受理申请,一次性告知需要补正的材料。"),
    ("审核", "核实申请事实和证明材料,必要时调查核实或者通过数据共享核验。"),
    ("确认", "对符合条件的予以确认并出具登记、证明或者证照;对不符合条件的书面说明理由。"),
]
_REWARD = [
    ("制定方案", "公开奖励的条件、标准和程序。"),
    ("审核评定", "受理申报或者举报,核实事实,提出奖励意见并按规定公示。"),
    ("兑现", "作出奖励决定,按时兑现奖励,对举报人信息严格保密。"),
]
_ADJUDICATION = [
    ("受理", "审查申请是否属于受理范围和管辖,依法受理或者书面告知不予受理的理由。"),
    ("调查调解", "通知对方当事人答辩,调查取证、现场勘验,依法先行调解。"),
    ("裁决", "在法定期限内作出处理决定并送达,告知当事人申请行政复议或者提起行政诉讼的权利。"),
]
_OTHER = [
    ("受理", "公开办理条件和所需材料,依法受理申请。"),
    ("审查", "对申请材料和有关情况进行审查,必要时实地核查。"),
    ("决定", "在规定期限内作出决定并送达,不予同意的说明理由。"),
    ("事后监管", "对办理结果的执行情况进行监督检查。"),
]
_FILING = [
    ("备案", "公开备案所需信息,材料齐全的当场办理备案或者在线自动备案,不得以备案名义变相审批。"),
    ("核查", "对备案信息进行核查,发现不符合规定的责令限期改正。"),
    ("监管", "将备案信息推送相关监管部门,依法开展事中事后监管。"),
]
_PUBLIC_SERVICE = [
    ("受理", "公开服务指南,一次性告知办理要求。"),
    ("办理", "按服务标准和承诺时限办结,能网办的全程网办。"),
    ("评价", "接受“好差评”和社会监督,对差评及时回访整改。"),
]

RESPONSIBILITIES: dict[str, list[tuple[str, str]]] = {
    PowerCategory.LICENSING: _LICENSING,
    PowerCategory.PENALTY: _PENALTY,
    PowerCategory.COERCION: _COERCION,
    PowerCategory.LEVY: _LEVY,
    PowerCategory.BENEFIT: _BENEFIT,
    PowerCategory.INSPECTION: _INSPECTION,
    PowerCategory.CONFIRMATION: _CONFIRMATION,
    PowerCategory.REWARD: _REWARD,
    PowerCategory.ADJUDICATION: _ADJUDICATION,
    PowerCategory.OTHER: _OTHER,
    PowerCategory.FILING: _FILING,
    PowerCategory.PUBLIC_SERVICE: _PUBLIC_SERVICE,
}

_GRAFT = "在履职过程中索取、收受他人财物或者谋取其他利益的"

ACCOUNTABILITY: dict[str, list[str]] = {
    # 行政许可法 第七十二条 — 第七十四条
    PowerCategory.LICENSING: [
        "对符合法定条件的行政许可申请不予受理的",
        "对不符合法定条件的申请人准予行政许可或者超越法定职权作出准予行政许可决定的",
        "对符合法定条件的申请人不予行政许可或者不在法定期限内作出准予行政许可决定的",
        "在受理、审查、决定行政许可过程中索取或者收受他人财物或者谋取其他利益的",
    ],
    # 行政处罚法 第七十六条 — 第八十三条
    PowerCategory.PENALTY: [
        "没有法定的行政处罚依据,或者擅自改变行政处罚种类、幅度的",
        "违反法定的行政处罚程序的",
        "对应当予以制止和处罚的违法行为不予制止、处罚,致使公民、法人或者其他组织的合法权益、公共利益和社会秩序遭受损害的",
        "利用职务上的便利,索取或者收受他人财物、将收缴罚款据为己有的",
    ],
    # 行政强制法 第六十一条 — 第六十四条
    PowerCategory.COERCION: [
        "没有法律、法规依据实施行政强制的",
        "改变行政强制对象、条件、方式的",
        "违反法定程序实施行政强制的",
        "扩大查封、扣押范围,或者使用、损毁查封、扣押场所、设施或者财物的",
    ],
    PowerCategory.LEVY: [
        "违反规定擅自设立征收项目、扩大征收范围或者提高征收标准的",
        "对符合减免条件的不予减免或者违规减免的",
        "截留、挪用、私分或者变相私分征收款项的",
    ],
    PowerCategory.BENEFIT: [
        "对符合条件的申请不予受理或者不予给付的",
        "对不符合条件的人员违规给付的",
        "截留、挤占、挪用、私分给付资金或者物资的",
        "泄露在工作中知悉的申请人个人信息的",
    ],
    PowerCategory.INSPECTION: [
        "未按规定实施检查,或者检查中应当发现而未发现问题造成严重后果的",
        "对检查中发现的违法行为不依法处理的",
        "违反规定多头检查、重复检查,干扰正常生产经营活动的",
        _GRAFT,
    ],
    PowerCategory.CONFIRMATION: [
        "对符合条件的不予确认,或者对不符合条件的予以确认的",
        "未在规定期限内办结的",
        "擅自增设条件或者要求申请人提交法定材料以外材料的",
        _GRAFT,
    ],
    PowerCategory.REWARD: [
        "不按规定条件、程序评定奖励或者弄虚作假的",
        "截留、挪用奖金或者不按时兑现奖励的",
        "泄露举报人、申报人信息的",
    ],
    PowerCategory.ADJUDICATION: [
        "对依法应当受理的争议不予受理的",
        "违反法定程序作出裁决,或者裁决认定事实不清、适用依据错误的",
        "在裁决中徇私舞弊、偏袒一方当事人的",
    ],
    PowerCategory.OTHER: [
        "对符合条件的申请不予受理或者不在规定期限内办结的",
        "违反规定程序办理的",
        _GRAFT,
    ],
    PowerCategory.FILING: [
        "以备案名义变相实施行政许可的",
        "对符合要求的备案不予办理或者拖延办理的",
        "未对备案事项开展事后监管,造成严重后果的",
    ],
    PowerCategory.PUBLIC_SERVICE: [
        "推诿、拖延、刁难服务对象的",
        "未按承诺时限和服务标准提供服务的",
        "泄露服务对象个人信息的",
    ],
}


def basis(law: str, article: str = "", text: str = "") -> dict:
    """One legal basis: the law's full title in 《》, the article (empty when not cited), its text."""
    return {"law": law, "article": article, "text": text}


def power_item(
    dept: Dept,
    category: str,
    main: int,
    name: str,
    *,
    bases: list[dict],
    content: str,
    sub: int = 0,
    levels: tuple[str, ...] = COUNTY,
    remarks: str = "",
    implementing_body: str = "",
) -> dict:
    """A power item document; a sub-item (`sub` > 0) names its main item (same category and main number)."""
    return {
        "department": dept.name,
        "code": dept.code(category, main, sub),
        "parent_code": dept.code(category, main) if sub else "",
        "name": name,
        "category": str(category),
        "levels": [str(level) for level in levels],
        "content": content,
        "implementing_body": implementing_body or dept.name,
        "remarks": remarks,
        "legal_bases": [dict(item) for item in bases],
        "responsibilities": [{"stage": stage, "content": text} for stage, text in RESPONSIBILITIES[category]],
        "accountability_rules": list(ACCOUNTABILITY[category]),
    }
