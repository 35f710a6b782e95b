"""Change requests applied after the first publication, so the demo lists have a version history.

Each is one change request of one list (新增/取消/下放/承接/调整/合并) with its reason and legal basis,
the complete documents of the entries it drafts, and the identity codes of the entries it cancels
(power items by `code`, service items by `implementation_code`). Apply them in order: an item is
added after the power it implements, and cancelled before its power is.
"""

import copy
from collections.abc import Sequence
from types import ModuleType

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import ChangeKind, ExerciseLevel, ListKind
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, by_agency, choice, flow, material, number, pledge, service_item, text
from onewindow.catalog.demo_data.items import civil_affairs, commerce, health, water
from onewindow.catalog.demo_data.powers import CITY_COUNTY, basis, power_item


def _service_of(module: ModuleType, power: dict) -> dict:
    """The service item of `module` implementing `power`."""
    return next(item for item in module.SERVICE_ITEMS if item["power_code"] == power["code"])


def _change(
    list_kind: str,
    kind: str,
    dept: d.Dept,
    title: str,
    reason: str,
    legal_basis: str,
    *,
    drafts: Sequence[dict] = (),
    cancel: Sequence[str] = (),
) -> dict:
    return {
        "list_kind": str(list_kind),
        "kind": str(kind),
        "department": dept.name,
        "title": title,
        "reason": reason,
        "legal_basis": legal_basis,
        "drafts": list(drafts),
        "cancel": list(cancel),
    }


# 新增: 市场主体歇业备案 (a power the 2022 regulation created, then its guide) -----------------------

SUSPENSION = power_item(
    d.MARKET,
    C.OTHER,
    1,
    "市场主体歇业备案",
    bases=[
        basis(
            "《中华人民共和国市场主体登记管理条例》",
            "第三十条",
            "因自然灾害、事故灾难、公共卫生事件、社会安全事件等原因造成经营困难的,市场主体可以自主决定在一定时期内歇业。"
            "法律、行政法规另有规定的除外。……市场主体应当在歇业前向登记机关办理备案。登记机关通过国家企业信用信息公示系统向社会公示"
            "歇业期限、法律文书送达地址等信息。市场主体歇业的期限最长不得超过3年。",
        )
    ],
    content="对因自然灾害、事故灾难、公共卫生事件、社会安全事件等原因造成经营困难、自主决定歇业的市场主体办理歇业备案。",
    levels=CITY_COUNTY,
)
SUSPENSION_ITEM = service_item(
    d.MARKET,
    SUSPENSION,
    audience=A.ENTERPRISE,
    themes=["biangeng-zhuxiao"],
    conditions="因自然灾害、事故灾难、公共卫生事件、社会安全事件等原因造成经营困难;已与职工依法协商劳动关系处理等有关事项;歇业期限累计不超过3年。",
    statutory=3,
    promised=0,
    materials=[
        material("市场主体歇业备案申请书", form="electronic"),
        BUSINESS_LICENSE,
        material("法律文书送达地址确认书", form="electronic", requirements="以法律文书送达地址代替住所的提交"),
    ],
    form=[text("until", "歇业截止日期", max_length=10), text("service_address", "法律文书送达地址")],
    result="歇业备案信息公示",
    depth=7,
    unit="登记注册科",
    keywords="歇业 暂停营业 停业 歇业备案",
)

# 调整: 公共场所卫生许可 — promised limit 10 → 5, the test report replaced by a pledge ------------------

_HYGIENE = copy.deepcopy(_service_of(health, health.PUBLIC_PLACE))
_HYGIENE["promised_limit_days"] = 5
_HYGIENE["stages"] = flow(_HYGIENE["category"], promised=5, unit=_HYGIENE["unit"], site_check=True)
_HYGIENE["materials"] = [item for item in _HYGIENE["materials"] if item["name"] != "公共场所卫生检测或者评价报告"]
_HYGIENE["acceptance_conditions"] += "申请人可以书面承诺场所卫生质量符合卫生标准,免于提交检测报告。"

# 下放: 临时救助 — small amounts decided by the township governments -------------------------------

_RELIEF_POWER = copy.deepcopy(civil_affairs.TEMPORARY_RELIEF)
_RELIEF_POWER["levels"] = [str(ExerciseLevel.COUNTY), str(ExerciseLevel.TOWNSHIP)]
_RELIEF_POWER["implementing_body"] = "示范县民政局;救助金额2000元以下的,委托各乡镇人民政府审批"
_RELIEF_POWER["remarks"] = "乡镇人民政府对2000元以下的临时救助申请直接审批,并在审批后5个工作日内报县民政局备案。"
_RELIEF_ITEM = copy.deepcopy(_service_of(civil_affairs, civil_affairs.TEMPORARY_RELIEF))
_RELIEF_ITEM["implementing_body"] = _RELIEF_POWER["implementing_body"]
_RELIEF_ITEM["places"] = "户籍所在地或者居住地乡镇便民服务中心综合受理窗口"
_RELIEF_ITEM["hours"] = d.TOWNSHIP_HOURS
_RELIEF_ITEM["promised_limit_days"] = 5
_RELIEF_ITEM["stages"] = flow(_RELIEF_ITEM["category"], promised=5, unit=_RELIEF_ITEM["unit"], site_check=True)
_RELIEF_BASIS = "《社会救助暂行办法》第四十七条;《国务院关于全面建立临时救助制度的通知》"

# 承接: 排污许可(简化管理) taken over from 示范市生态环境局 --------------------------------------------

DISCHARGE = power_item(
    d.ECOLOGY,
    C.LICENSING,
    2,
    "排污许可(简化管理)",
    bases=[
        basis(
            "《排污许可管理条例》",
            "",
            "依照法律规定实行排污许可管理的企业事业单位和其他生产经营者,应当依照本条例规定申请取得排污许可证;未取得排污许可证的,不得排放污染物。",
        ),
        basis("《示范省人民政府关于赋予县级部分设区的市级经济社会管理权限的决定》"),
    ],
    content="对本县行政区域内实行排污许可简化管理的排污单位核发、变更、延续排污许可证。",
    levels=(ExerciseLevel.CITY, ExerciseLevel.COUNTY),
)
DISCHARGE_ITEM = service_item(
    d.ECOLOGY,
    DISCHARGE,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke", "gongcheng-jianshe"],
    conditions="属于固定污染源排污许可分类管理名录规定的简化管理类别;依法取得建设项目环境影响评价文件审批意见或者按规定办理备案;污染防治设施和排放符合国家和地方排放标准。",
    statutory=20,
    promised=10,
    situations=[("首次申请", ""), ("变更", ""), ("延续", "有效期届满60日前申请")],
    materials=[
        material("排污许可证申请表", form="electronic", requirements="通过全国排污许可证管理信息平台填报"),
        BUSINESS_LICENSE,
        material("自行监测方案", form="electronic", situation="S01"),
        pledge("守法承诺书", "法定代表人签字"),
        by_agency("建设项目环境影响评价文件审批意见或者备案材料", situation="S01"),
    ],
    form=[text("industry", "行业类别"), choice("kind", "申请事项", ["首次申请", "变更", "延续"]), number("outlets", "排放口数量")],
    result="排污许可证",
    intermediaries=("ZJ001",),
    site_check=True,
    unit="污染防治股",
    depth=6,
    keywords="排污许可证 排污证 排污许可",
)

# 合并: two flood-impact approvals become one 洪水影响评价类审批 -------------------------------------

FLOOD_ITEM = service_item(
    d.WATER,
    water.FLOOD,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="在河道管理范围内建设工程设施,或者在洪泛区、蓄滞洪区内建设非防洪建设项目;工程建设方案或者洪水影响评价报告符合防洪标准、岸线规划和其他技术要求。",
    statutory=20,
    promised=10,
    situations=[("河道管理范围内建设项目", ""), ("洪泛区、蓄滞洪区内非防洪建设项目", "")],
    materials=[
        material("洪水影响评价类审批申请书", form="electronic"),
        material("建设项目工程建设方案", form="electronic", situation="S01"),
        by_agency("洪水影响评价报告(防洪评价报告)", "可由建设单位自行编制或者委托技术单位编制"),
    ],
    form=[
        text("project_name", "项目名称"),
        text("location", "建设位置(河道或者洪泛区)"),
        choice("kind", "审批类型", ["河道管理范围内建设项目", "非防洪建设项目"]),
    ],
    result="洪水影响评价类审批决定书",
    intermediaries=("ZJ016",),
    site_check=True,
    unit="河湖管理股",
    depth=6,
    keywords="洪评 河道审批 防洪评价 洪水影响评价",
)
_FLOOD_POWER = copy.deepcopy(water.FLOOD)
_FLOOD_POWER["remarks"] = (
    "原“河道管理范围内建设项目工程建设方案审批”“非防洪建设项目洪水影响评价报告审批”两个子项合并为本项,一次申请、一并审批。"
)
_FLOOD_BASIS = "《中华人民共和国防洪法》第二十七条、第三十三条;《中华人民共和国河道管理条例》第十一条"
_FOREIGN_TRADE_BASIS = (
    "《全国人民代表大会常务委员会关于修改〈中华人民共和国对外贸易法〉的决定》(2022年12月30日):删去第九条关于对外贸易经营者备案登记的规定"
)

CHANGE_HISTORY: list[dict] = [
    _change(
        ListKind.POWER,
        ChangeKind.ADD,
        d.MARKET,
        "新增“市场主体歇业备案”",
        "《市场主体登记管理条例》建立市场主体歇业制度,登记机关应当为歇业的市场主体办理备案,需列入权责清单。",
        "《中华人民共和国市场主体登记管理条例》第三十条",
        drafts=[SUSPENSION],
    ),
    _change(
        ListKind.SERVICE,
        ChangeKind.ADD,
        d.MARKET,
        "新增“市场主体歇业备案”办事指南",
        "权责清单新增歇业备案,同步编制办事指南,实现全程网办。",
        "《中华人民共和国市场主体登记管理条例》第三十条",
        drafts=[SUSPENSION_ITEM],
    ),
    _change(
        ListKind.SERVICE,
        ChangeKind.ADJUST,
        d.HEALTH,
        "调整“公共场所卫生许可”承诺时限和申请材料",
        "推行公共场所卫生许可告知承诺制,检测报告改为书面承诺、事后核查;承诺办结时限由10个工作日压缩至5个工作日。",
        "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》",
        drafts=[_HYGIENE],
    ),
    _change(
        ListKind.POWER,
        ChangeKind.DELEGATE,
        d.CIVIL_AFFAIRS,
        "下放“临时救助”小额审批权限至乡镇",
        "提高临时救助时效性,救助金额2000元以下的临时救助委托乡镇人民政府直接审批,做到“小额先行救助”。",
        _RELIEF_BASIS,
        drafts=[_RELIEF_POWER],
    ),
    _change(
        ListKind.SERVICE,
        ChangeKind.DELEGATE,
        d.CIVIL_AFFAIRS,
        "调整“临时救助”办理地点和承诺时限",
        "小额临时救助审批权限下放乡镇后,申请人在乡镇便民服务中心即可办结,承诺时限由10个工作日压缩至5个工作日。",
        _RELIEF_BASIS,
        drafts=[_RELIEF_ITEM],
    ),
    _change(
        ListKind.POWER,
        ChangeKind.TAKE_OVER,
        d.ECOLOGY,
        "承接示范市生态环境局下放的“排污许可(简化管理)”",
        "按照省人民政府赋予县级部分市级管理权限的决定,实行简化管理的排污许可证由县分局核发,市局负责指导监督。",
        "《排污许可管理条例》;《示范省人民政府关于赋予县级部分设区的市级经济社会管理权限的决定》",
        drafts=[DISCHARGE],
    ),
    _change(
        ListKind.SERVICE,
        ChangeKind.TAKE_OVER,
        d.ECOLOGY,
        "承接“排污许可(简化管理)”并编制办事指南",
        "承接市级下放事项,同步发布办事指南,申请人在县政务服务中心即可办理。",
        "《排污许可管理条例》;《示范省人民政府关于赋予县级部分设区的市级经济社会管理权限的决定》",
        drafts=[DISCHARGE_ITEM],
    ),
    _change(
        ListKind.SERVICE,
        ChangeKind.CANCEL,
        d.COMMERCE,
        "取消“对外贸易经营者备案登记”办事指南",
        "对外贸易法修正后不再要求对外贸易经营者办理备案登记,相应办事指南停止办理。",
        _FOREIGN_TRADE_BASIS,
        cancel=[_service_of(commerce, commerce.FOREIGN_TRADE)["implementation_code"]],
    ),
    _change(
        ListKind.POWER,
        ChangeKind.CANCEL,
        d.COMMERCE,
        "取消“对外贸易经营者备案登记”",
        "对外贸易法删去对外贸易经营者备案登记的规定,该事项失去法律依据,从权责清单中取消。",
        _FOREIGN_TRADE_BASIS,
        cancel=[commerce.FOREIGN_TRADE["code"]],
    ),
    _change(
        ListKind.SERVICE,
        ChangeKind.MERGE,
        d.WATER,
        "合并为“洪水影响评价类审批”",
        "将“河道管理范围内建设项目工程建设方案审批”和“非防洪建设项目洪水影响评价报告审批”合并办理,一次申请、一份报告、一个审批决定。",
        _FLOOD_BASIS,
        drafts=[FLOOD_ITEM],
        cancel=[water.RIVER_WORKS_ITEM["implementation_code"], water.FLOOD_ASSESSMENT_ITEM["implementation_code"]],
    ),
    _change(
        ListKind.POWER,
        ChangeKind.MERGE,
        d.WATER,
        "合并“洪水影响评价类审批”子项",
        "两个子项已合并为一个办理项,权责清单保留主项“洪水影响评价类审批”,取消两个子项。",
        _FLOOD_BASIS,
        drafts=[_FLOOD_POWER],
        cancel=[water.RIVER_WORKS["code"], water.FLOOD_ASSESSMENT["code"]],
    ),
]
