"""示范县应急管理局: hazardous chemicals and fireworks licensing, emergency plans, disaster relief, work safety."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    BUSINESS_LICENSE,
    HOUSEHOLD_REGISTER,
    ID_CARD,
    choice,
    copy_of,
    gap,
    material,
    number,
    pledge,
    text,
    textarea,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.EMERGENCY)

SAFETY_LAW = "《中华人民共和国安全生产法》"
CHEMICALS_RULES = "《危险化学品安全管理条例》"
CHEMICALS = "危险化学品安全监管股"
GENERAL = "安全生产综合股"
DISASTER = "防灾减灾救灾股"

HAZARDOUS = lists.power(
    C.LICENSING,
    1,
    "危险化学品经营许可(不带储存设施)",
    bases=[
        basis(
            CHEMICALS_RULES,
            "第三十三条",
            "国家对危险化学品经营(包括仓储经营,下同)实行许可制度。未经许可,任何单位和个人不得经营危险化学品。",
        ),
        basis(
            CHEMICALS_RULES,
            "第三十五条",
            "从事其他危险化学品经营的企业,应当向所在地县级人民政府安全生产监督管理部门提出申请(有储存设施的,应当向所在地设区的市级人民政府"
            "安全生产监督管理部门提出申请)。……安全生产监督管理部门应当依法进行审查,并对申请人的经营场所、储存设施进行现场核查,"
            "自收到证明材料之日起30日内作出批准或者不予批准的决定。",
        ),
    ],
    content="对在本县从事不带储存设施的危险化学品经营(剧毒化学品、易制爆危险化学品除外)的企业核发危险化学品经营许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    HAZARDOUS,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="有符合国家标准、行业标准的经营场所;主要负责人和安全生产管理人员经安全生产知识和管理能力考核合格;有健全的安全管理规章制度和岗位操作规程;有符合国家规定的危险化学品事故应急预案和必要的应急救援器材、设备。",
    statutory=30,
    promised=10,
    situations=[("新办", ""), ("变更", "企业名称、主要负责人、注册地址等变更"), ("延续", "有效期届满3个月前申请")],
    materials=[
        material("危险化学品经营许可证申请书"),
        BUSINESS_LICENSE,
        copy_of("主要负责人、安全生产管理人员安全生产知识和管理能力考核合格证"),
        material("经营场所产权证明或者租赁证明", situation="S01"),
        pledge("安全生产规章制度和岗位操作规程目录", "可书面承诺,现场核查时查验", situation="S01"),
        gap("危险化学品事故应急预案备案登记表", "可在许可决定前补交", situation="S01"),
        material("原危险化学品经营许可证", situation="S02"),
    ],
    form=[
        text("premises", "经营场所"),
        textarea("scope", "许可经营范围(品名)", max_length=800),
        choice("mode", "经营方式", ["批发(不带储存)", "零售"]),
    ],
    result="危险化学品经营许可证",
    license_type="hazardous-chemicals-business-license",
    site_check=True,
    unit=CHEMICALS,
    depth=5,
    keywords="危化品经营 危险品许可证 卖化工品 油漆 危化许可",
)

FIREWORKS = lists.power(
    C.LICENSING,
    2,
    "烟花爆竹经营(零售)许可",
    bases=[
        basis(
            "《烟花爆竹安全管理条例》",
            "",
            "申请从事烟花爆竹零售的经营者,应当向所在地县级人民政府安全生产监督管理部门提出申请,并提供能够证明符合……条件的有关材料。"
            "受理申请的安全生产监督管理部门应当自受理申请之日起20日内对提交的有关材料和经营场所进行审查,对符合条件的,核发《烟花爆竹经营(零售)许可证》。",
        )
    ],
    content="对在本县从事烟花爆竹零售的经营者核发烟花爆竹经营(零售)许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    FIREWORKS,
    audience=A.BOTH,
    themes=["jingying-xuke"],
    conditions="零售网点布设符合本县规划;有固定的零售场所,符合安全距离要求;零售场所面积、存放量符合规定;主要负责人经过安全知识教育;实行专店或者专柜销售,设专人负责安全管理。",
    statutory=20,
    promised=5,
    materials=[
        material("烟花爆竹经营(零售)许可证申请书"),
        BUSINESS_LICENSE,
        ID_CARD,
        material("零售场所平面布置图和周边安全距离说明"),
        material("烟花爆竹购销合同", requirements="与批发企业签订"),
    ],
    form=[text("premises", "零售场所"), number("area", "零售场所面积(平方米)"), choice("period", "经营期限", ["常年", "春节期间"])],
    result="烟花爆竹经营(零售)许可证",
    site_check=True,
    unit=GENERAL,
    depth=5,
    keywords="卖鞭炮 烟花爆竹 鞭炮零售 过年卖烟花",
)

EMERGENCY_PLAN = lists.power(
    C.FILING,
    1,
    "生产经营单位生产安全事故应急预案备案",
    bases=[basis("《生产安全事故应急条例》"), basis("《生产安全事故应急预案管理办法》")],
    content="对本县监管的生产经营单位的生产安全事故应急预案实行备案管理。",
    levels=ALL_LEVELS,
)
lists.guide(
    EMERGENCY_PLAN,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="生产经营单位的应急预案已经评审或者论证,由主要负责人签署公布,自公布之日起20个工作日内备案。",
    statutory=0,
    promised=0,
    materials=[
        material("生产经营单位生产安全事故应急预案备案申请表", form="electronic"),
        material("应急预案评审意见", form="electronic"),
        material("应急预案电子文档", form="electronic"),
        material("风险评估结果和应急资源调查清单", form="electronic"),
    ],
    form=[choice("industry", "行业类别", ["危险化学品", "工贸", "烟花爆竹", "其他"]), text("plan_name", "预案名称")],
    result="生产安全事故应急预案备案登记表",
    unit=GENERAL,
    depth=7,
    keywords="应急预案备案 预案备案 安全预案",
)

PRECURSOR = lists.power(
    C.FILING,
    2,
    "第三类非药品类易制毒化学品经营备案",
    bases=[
        basis(
            "《易制毒化学品管理条例》",
            "",
            "经营第三类易制毒化学品的,应当自经营之日起30日内,将经营的品种、数量、主要流向等情况,向所在地的县级人民政府安全生产监督管理部门备案。",
        )
    ],
    content="对经营第三类非药品类易制毒化学品的单位实行备案管理。",
    levels=CITY_COUNTY,
)
lists.guide(
    PRECURSOR,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="经营甲苯、丙酮、硫酸、盐酸等第三类非药品类易制毒化学品的单位,自经营之日起30日内备案。",
    statutory=0,
    promised=0,
    materials=[
        material("非药品类易制毒化学品经营备案申请表", form="electronic"),
        BUSINESS_LICENSE,
        material("经营品种、数量和主要流向说明", form="electronic"),
    ],
    form=[textarea("chemicals", "经营品种及年经营量", max_length=500)],
    result="非药品类易制毒化学品经营备案证明",
    unit=CHEMICALS,
    depth=7,
    keywords="易制毒 硫酸 盐酸 丙酮 甲苯 备案",
)

REPORT_REWARD = lists.power(
    C.REWARD,
    1,
    "安全生产违法行为和重大事故隐患举报奖励",
    bases=[
        basis(SAFETY_LAW, "", "县级以上各级人民政府及其有关部门对报告重大事故隐患或者举报安全生产违法行为的有功人员,给予奖励。"),
        basis("《安全生产领域举报奖励办法》"),
    ],
    content="对举报重大事故隐患和安全生产违法行为、经核查属实的举报人给予奖励。",
    levels=ALL_LEVELS,
)
lists.guide(
    REPORT_REWARD,
    audience=A.PERSON,
    themes=[],
    conditions="举报人实名举报;举报的重大事故隐患或者安全生产违法行为经核查属实,且此前未被负有安全监管职责的部门掌握。",
    statutory=30,
    promised=15,
    materials=[material("举报奖励领取申请", form="electronic"), ID_CARD],
    form=[text("report_number", "举报受理编号"), text("bank_account", "收款账号", max_length=30)],
    result="举报奖励发放",
    unit="应急管理综合行政执法大队",
    depth=5,
    keywords="安全隐患举报 举报奖励 12350",
)

DISASTER_RELIEF = lists.power(
    C.BENEFIT,
    1,
    "受灾人员冬春生活救助",
    bases=[basis("《自然灾害救助条例》")],
    content="对因自然灾害造成冬令春荒期间口粮、衣被、取暖等基本生活困难的受灾人员给予救助。",
    levels=ALL_LEVELS,
)
lists.guide(
    DISASTER_RELIEF,
    audience=A.PERSON,
    themes=["zhufang"],
    conditions="因当年冬季、次年春季遭受自然灾害或者因灾造成口粮、衣被、取暖等基本生活困难的本县受灾人员。",
    statutory=30,
    promised=15,
    materials=[material("冬春生活救助申请表", requirements="经村(居)民委员会民主评议并公示"), ID_CARD, HOUSEHOLD_REGISTER],
    form=[number("members", "家庭人口"), textarea("loss", "受灾及生活困难情况", max_length=500)],
    result="冬春生活救助款物发放",
    unit=DISASTER,
    places=d.TOWNSHIP_WINDOW,
    depth=4,
    keywords="受灾救助 冬春救助 灾民救助 自然灾害补助",
)

lists.power(
    C.PENALTY,
    1,
    "对生产经营单位违反安全生产法律法规的行政处罚",
    bases=[basis(SAFETY_LAW)],
    content="对生产经营单位未履行安全生产主体责任、未按规定排查治理事故隐患、特种作业人员未持证上岗等违法行为,责令限期改正,处以罚款,责令停产停业整顿。",
    levels=ALL_LEVELS,
)
lists.power(
    C.COERCION,
    1,
    "查封、扣押不符合安全生产标准的设施设备和违法危险物品",
    bases=[
        basis(
            SAFETY_LAW,
            "",
            "对有根据认为不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押。",
        )
    ],
    content="对不符合保障安全生产国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封、扣押。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "安全生产监督检查",
    bases=[basis(SAFETY_LAW)],
    content="按照年度监督检查计划,对工贸、危险化学品、烟花爆竹等生产经营单位执行安全生产法律法规和国家标准、行业标准的情况实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
