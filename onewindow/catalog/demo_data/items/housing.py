"""示范县住房和城乡建设局: construction permits, fire-safety design and acceptance, gas, drainage, housing support."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.choices import StageKind
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import (
    BUSINESS_LICENSE,
    HOUSEHOLD_REGISTER,
    ID_CARD,
    by_agency,
    choice,
    counted,
    date,
    gap,
    gov,
    material,
    number,
    optional,
    pledge,
    special,
    text,
)
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.HOUSING)

BUILDING_LAW = "《中华人民共和国建筑法》"
FIRE_LAW = "《中华人民共和国消防法》"
FIRE_RULES = "《建设工程消防设计审查验收管理暂行规定》"
PLANNING_PERMIT = gov("建设工程规划许可证", "construction-planning-permit")

CONSTRUCTION_PERMIT = lists.power(
    C.LICENSING,
    1,
    "建筑工程施工许可",
    bases=[
        basis(
            BUILDING_LAW,
            "第七条",
            "建筑工程开工前,建设单位应当按照国家有关规定向工程所在地县级以上人民政府建设行政主管部门申请领取施工许可证;"
            "但是,国务院建设行政主管部门确定的限额以下的小型工程除外。",
        ),
        basis(
            BUILDING_LAW,
            "第八条",
            "申请领取施工许可证,应当具备下列条件:(一)已经办理该建筑工程用地批准手续;(二)依法应当办理建设工程规划许可证的,"
            "已经取得建设工程规划许可证;(三)需要拆迁的,其拆迁进度符合施工要求;(四)已经确定建筑施工企业;"
            "(五)有满足施工需要的资金安排、施工图纸及技术资料;(六)有保证工程质量和安全的具体措施。"
            "建设行政主管部门应当自收到申请之日起七日内,对符合条件的申请颁发施工许可证。",
        ),
    ],
    content="对本县行政区域内工程投资额在30万元以上或者建筑面积在300平方米以上的房屋建筑和市政基础设施工程核发施工许可证。",
    levels=ALL_LEVELS,
)
lists.guide(
    CONSTRUCTION_PERMIT,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions=(
        "已经办理用地批准手续;依法应当办理建设工程规划许可证的已经取得;已经确定施工企业;有满足施工需要的资金安排、"
        "施工图纸及技术资料;有保证工程质量和安全的具体措施。"
    ),
    statutory=7,
    promised=3,
    materials=[
        material("建筑工程施工许可证申请表", form="electronic", requirements="建设单位盖章"),
        gov("不动产权证书(土地)或者用地批准文件", "property-certificate"),
        PLANNING_PERMIT,
        material("中标通知书或者直接发包批准文件及施工合同", form="electronic"),
        by_agency("施工图设计文件审查合格书", "由施工图审查机构在线推送"),
        pledge("建设资金已落实承诺书", "建设单位法定代表人签字"),
        gap("工程质量安全措施文件", "可在开工前补交"),
    ],
    form=[
        text("project_name", "工程名称"),
        text("location", "建设地址"),
        number("floor_area", "建筑面积(平方米)"),
        number("contract_price", "合同价格(万元)"),
        date("planned_start", "计划开工日期"),
    ],
    result="建筑工程施工许可证",
    license_type="construction-permit",
    intermediaries=("ZJ002", "ZJ011"),
    unit="建筑市场管理股",
    depth=7,
    keywords="施工许可证 开工 盖楼 工程开工 施工证",
)

PRESALE = lists.power(
    C.LICENSING,
    2,
    "商品房预售许可",
    bases=[
        basis(
            "《中华人民共和国城市房地产管理法》",
            "第四十五条",
            "商品房预售,应当符合下列条件:(一)已交付全部土地使用权出让金,取得土地使用权证书;(二)持有建设工程规划许可证;"
            "(三)按提供预售的商品房计算,投入开发建设的资金达到工程建设总投资的百分之二十五以上,并已经确定施工进度和竣工交付日期;"
            "(四)向县级以上人民政府房产管理部门办理预售登记,取得商品房预售许可证明。",
        )
    ],
    content="对房地产开发企业预售商品房核发商品房预售许可证明。",
    levels=CITY_COUNTY,
)
lists.guide(
    PRESALE,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="已交付全部土地使用权出让金并取得土地使用权证书;持有建设工程规划许可证和施工许可证;投入开发建设的资金达到工程建设总投资的25%以上,已确定施工进度和竣工交付日期;已设立商品房预售资金监管账户。",
    statutory=10,
    promised=5,
    materials=[
        material("商品房预售许可申请表"),
        BUSINESS_LICENSE,
        gov("不动产权证书(土地)", "property-certificate"),
        PLANNING_PERMIT,
        gov("建筑工程施工许可证", "construction-permit"),
        material("工程施工进度和投资额证明", requirements="监理单位出具"),
        material("商品房预售方案和预售资金监管协议"),
    ],
    form=[
        text("project_name", "项目名称"),
        text("buildings", "预售楼栋"),
        number("presale_area", "预售面积(平方米)"),
        number("units", "预售套数"),
    ],
    result="商品房预售许可证",
    site_check=True,
    unit="房地产市场监管股",
    depth=5,
    keywords="预售证 卖楼 商品房预售 楼盘预售",
)

FIRE_DESIGN = lists.power(
    C.LICENSING,
    3,
    "特殊建设工程消防设计审查",
    bases=[
        basis(
            FIRE_LAW,
            "第十一条",
            "国务院住房和城乡建设主管部门规定的特殊建设工程,建设单位应当将消防设计文件报送住房和城乡建设主管部门审查,"
            "住房和城乡建设主管部门依法对审查的结果负责。",
        ),
        basis(FIRE_RULES, "", "消防设计审查验收主管部门应当自受理消防设计审查申请之日起十五个工作日内出具书面审查意见。"),
    ],
    content="对本县行政区域内特殊建设工程的消防设计文件进行审查,出具审查意见。",
    levels=ALL_LEVELS,
)
lists.guide(
    FIRE_DESIGN,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="属于特殊建设工程;消防设计文件由具有相应资质的设计单位编制,符合国家工程建设消防技术标准;采用特殊消防设计的,经专家评审论证。",
    statutory=15,
    promised=10,
    situations=[("一般特殊建设工程", ""), ("采用特殊消防设计", "国家工程建设消防技术标准没有规定或者需采用国际标准的")],
    materials=[
        material("特殊建设工程消防设计审查申请表", form="electronic"),
        material("消防设计文件", form="electronic", requirements="设计单位盖章"),
        optional("依法需要办理建设工程规划许可的,提供建设工程规划许可证", "由系统共享获取"),
        material("特殊消防设计技术资料", form="electronic", situation="S02"),
    ],
    form=[
        text("project_name", "工程名称"),
        choice("usage", "建筑使用性质", ["人员密集场所", "高层公共建筑", "地下建筑", "其他"]),
        number("floor_area", "建筑面积(平方米)"),
    ],
    result="特殊建设工程消防设计审查意见书",
    extras=(special(StageKind.EXPERT_REVIEW, "特殊消防设计专家评审", 10),),
    unit="建设工程质量安全监督站",
    depth=6,
    keywords="消防审查 消防设计审核 图纸消防",
)

FIRE_ACCEPTANCE = lists.power(
    C.LICENSING,
    4,
    "特殊建设工程消防验收",
    bases=[
        basis(
            FIRE_LAW,
            "第十三条",
            "国务院住房和城乡建设主管部门规定应当申请消防验收的建设工程竣工,建设单位应当向住房和城乡建设主管部门申请消防验收。",
        ),
        basis(FIRE_RULES, "", "消防设计审查验收主管部门应当自受理消防验收申请之日起十五日内出具消防验收意见。"),
    ],
    content="对特殊建设工程竣工后的消防验收申请组织现场评定,出具验收意见。",
    levels=ALL_LEVELS,
)
lists.guide(
    FIRE_ACCEPTANCE,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建设单位已组织竣工验收消防查验并合格;消防设施检测合格;工程按照审查合格的消防设计文件施工。",
    statutory=15,
    promised=10,
    materials=[
        material("特殊建设工程消防验收申请表", form="electronic"),
        material("工程竣工验收报告", form="electronic"),
        by_agency("消防设施检测报告"),
        material("涉及消防的建设工程竣工图纸", form="electronic"),
    ],
    form=[text("project_name", "工程名称"), text("opinion_number", "消防设计审查意见书文号"), date("completed_on", "竣工日期")],
    result="特殊建设工程消防验收意见书",
    intermediaries=("ZJ010",),
    site_check=True,
    unit="建设工程质量安全监督站",
    depth=5,
    keywords="消防验收 竣工消防 消防合格",
)

FIRE_FILING = lists.power(
    C.FILING,
    1,
    "其他建设工程消防验收备案",
    bases=[
        basis(
            FIRE_LAW,
            "第十三条",
            "前款规定以外的其他建设工程,建设单位在验收后应当报住房和城乡建设主管部门备案,住房和城乡建设主管部门应当进行抽查。",
        )
    ],
    content="对特殊建设工程以外的其他建设工程的消防验收实施备案和抽查。",
    levels=ALL_LEVELS,
)
lists.guide(
    FIRE_FILING,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建设单位已自行组织消防验收并合格,自验收合格之日起五个工作日内申请备案。",
    statutory=0,
    promised=0,
    materials=[material("建设工程消防验收备案表", form="electronic"), material("工程竣工验收报告", form="electronic")],
    form=[text("project_name", "工程名称"), date("accepted_on", "消防验收合格日期")],
    result="建设工程消防验收备案凭证",
    unit="建设工程质量安全监督站",
    depth=7,
    keywords="消防备案 验收备案",
)

COMPLETION_FILING = lists.power(
    C.FILING,
    2,
    "房屋建筑和市政基础设施工程竣工验收备案",
    bases=[
        basis(
            "《建设工程质量管理条例》",
            "第四十九条",
            "建设单位应当自建设工程竣工验收合格之日起15日内,将建设工程竣工验收报告和规划、公安消防、环保等部门出具的认可文件"
            "或者准许使用文件报建设行政主管部门或者其他有关部门备案。",
        )
    ],
    content="对房屋建筑和市政基础设施工程的竣工验收实施备案。",
    levels=ALL_LEVELS,
)
lists.guide(
    COMPLETION_FILING,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="工程已竣工验收合格,并取得规划、消防、环保等认可文件或者准许使用文件。",
    statutory=0,
    promised=0,
    materials=[
        material("房屋建筑和市政基础设施工程竣工验收备案表", form="electronic"),
        material("工程竣工验收报告", form="electronic"),
        material("规划、消防等部门出具的认可文件或者准许使用文件", form="electronic", requirements="联合验收的以联合验收意见书代替"),
        material("施工单位签署的工程质量保修书", form="electronic"),
    ],
    form=[text("project_name", "工程名称"), date("accepted_on", "竣工验收日期")],
    result="竣工验收备案证明",
    unit="建设工程质量安全监督站",
    depth=7,
    keywords="竣工备案 竣工验收 交房",
)

GAS = lists.power(
    C.LICENSING,
    5,
    "燃气经营许可",
    bases=[
        basis(
            "《城镇燃气管理条例》",
            "第十五条",
            "国家对燃气经营实行许可证制度。从事燃气经营活动的企业,应当具备下列条件:(一)符合燃气发展规划要求;"
            "(二)有符合国家标准的燃气气源和燃气设施;(三)有固定的经营场所、完善的安全管理制度和健全的经营方案;"
            "(四)企业的主要负责人、安全生产管理人员以及运行、维护和抢修人员经专业培训并考核合格;(五)法律、法规规定的其他条件。"
            "符合前款规定条件的,由县级以上地方人民政府燃气管理部门核发燃气经营许可证。",
        )
    ],
    content="对在本县从事管道燃气、瓶装燃气、汽车加气经营的企业核发燃气经营许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    GAS,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="符合燃气发展规划;有符合国家标准的燃气气源和燃气设施;有固定的经营场所、完善的安全管理制度和健全的经营方案;主要负责人、安全生产管理人员以及运行、维护和抢修人员经专业培训并考核合格。",
    statutory=20,
    promised=10,
    situations=[("新办", ""), ("变更", ""), ("延续", "")],
    materials=[
        material("燃气经营许可申请书"),
        BUSINESS_LICENSE,
        material("燃气气源证明和供气协议", situation="S01"),
        material("燃气设施建设工程竣工验收合格文件", situation="S01"),
        material("安全管理制度和经营方案", situation="S01"),
        material("主要负责人、安全生产管理人员及运行维护抢修人员培训考核合格证明", form="copy"),
        material("原燃气经营许可证", situation="S02"),
    ],
    form=[choice("kind", "经营类别", ["管道燃气", "瓶装燃气", "汽车加气站"]), text("premises", "经营场所"), text("gas_source", "气源单位")],
    result="燃气经营许可证",
    site_check=True,
    unit="城乡建设股",
    depth=5,
    keywords="燃气经营 液化气站 煤气 加气站 天然气",
)

DRAINAGE = lists.power(
    C.LICENSING,
    6,
    "城镇污水排入排水管网许可",
    bases=[
        basis(
            "《城镇排水与污水处理条例》",
            "第二十一条",
            "从事工业、建筑、餐饮、医疗等活动的企业事业单位、个体工商户(以下称排水户)向城镇排水设施排放污水的,"
            "应当向城镇排水主管部门申请领取污水排入排水管网许可证。",
        )
    ],
    content="对向城镇排水设施排放污水的工业、建筑、餐饮、医疗等排水户核发污水排入排水管网许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    DRAINAGE,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe", "jingying-xuke"],
    conditions="排放口的设置符合城镇排水与污水处理规划的要求;按规定建设了相应的预处理设施和水质、水量检测设施;排放的污水符合国家或者地方规定的有关排放标准。",
    statutory=20,
    promised=5,
    situations=[("新办", ""), ("变更", "排水户名称、法定代表人等变更"), ("延续", "有效期届满30日前申请")],
    materials=[
        material("污水排入排水管网许可申请表"),
        BUSINESS_LICENSE,
        material("排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明", situation="S01"),
        optional("排水水质、水量检测报告", "工业、医疗排水户提交;餐饮等一般排水户可书面承诺"),
        pledge("预处理设施(隔油池等)建设情况说明", "可书面承诺,现场核查时查验", situation="S01"),
        material("原许可证", situation="S03"),
    ],
    form=[
        choice("discharger_kind", "排水户类型", ["餐饮", "工业", "建筑施工", "医疗", "洗车", "其他"]),
        number("daily_volume", "日排水量(立方米)"),
        text("outlet_location", "排放口位置"),
    ],
    result="城镇污水排入排水管网许可证",
    license_type="drainage-permit",
    site_check=True,
    unit="城乡建设股",
    depth=6,
    keywords="排水许可 排水证 污水排放 餐饮排水 隔油池",
)

CRANE = lists.power(
    C.CONFIRMATION,
    1,
    "建筑起重机械使用登记",
    bases=[
        basis(
            "《建筑起重机械安全监督管理规定》",
            "",
            "使用单位应当自建筑起重机械安装验收合格之日起30日内,将建筑起重机械安装验收资料、建筑起重机械安全管理制度、"
            "特种作业人员名单等,向工程所在地县级以上地方人民政府建设主管部门办理建筑起重机械使用登记。",
        )
    ],
    content="对在本县建设工程中使用的塔式起重机、施工升降机等建筑起重机械办理使用登记。",
    levels=CITY_COUNTY,
)
lists.guide(
    CRANE,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建筑起重机械已安装验收合格,自验收合格之日起30日内申请。",
    statutory=7,
    promised=2,
    materials=[
        material("建筑起重机械使用登记表", form="electronic"),
        material("安装验收资料及检验检测报告", form="electronic"),
        material("特种作业人员名单及证书", form="electronic"),
    ],
    form=[
        choice("machine", "设备类型", ["塔式起重机", "施工升降机", "物料提升机"]),
        text("record_number", "产权备案编号"),
        text("project_name", "使用工程名称"),
    ],
    result="建筑起重机械使用登记证明",
    unit="建设工程质量安全监督站",
    depth=6,
    keywords="塔吊登记 施工升降机 起重机械",
)

PUBLIC_RENTAL = lists.power(
    C.BENEFIT,
    1,
    "公共租赁住房保障",
    bases=[
        basis(
            "《公共租赁住房管理办法》",
            "",
            "市、县级人民政府住房保障主管部门应当会同有关部门,对申请人提交的申请材料进行审核。经审核,对符合申请条件的申请人,"
            "应当予以公示,经公示无异议或者异议不成立的,登记为公共租赁住房轮候对象,并向社会公开。",
        )
    ],
    content="对本县城镇住房、收入困难家庭及新就业无房职工、外来务工人员提供公共租赁住房实物保障或者租赁补贴。",
    levels=CITY_COUNTY,
)
lists.guide(
    PUBLIC_RENTAL,
    audience=A.PERSON,
    themes=["zhufang"],
    conditions="申请人在本县无住房或者住房面积低于规定标准;家庭收入、财产符合本县公布的标准;新就业无房职工、外来务工人员在本县稳定就业达到规定年限。",
    statutory=20,
    promised=15,
    materials=[
        material("公共租赁住房申请表", requirements="家庭成员签字"),
        ID_CARD,
        HOUSEHOLD_REGISTER,
        material("家庭收入和财产状况授权核查书", requirements="授权住房保障部门核查收入、房产、车辆等信息"),
        optional("劳动合同或者社会保险缴费证明", "新就业无房职工、外来务工人员提交"),
    ],
    form=[number("members", "家庭人口"), number("monthly_income", "家庭月收入(元)"), choice("kind", "保障方式", ["实物配租", "租赁补贴"])],
    result="公共租赁住房轮候资格确认书",
    extras=(counted(StageKind.PUBLICITY, "公示", 5),),
    unit="房地产市场监管股",
    depth=5,
    keywords="公租房 廉租房 保障房 租房补贴",
)

lists.power(
    C.PENALTY,
    1,
    "对未取得施工许可证擅自施工的行政处罚",
    bases=[
        basis(
            BUILDING_LAW,
            "第六十四条",
            "违反本法规定,未取得施工许可证或者开工报告未经批准擅自施工的,责令改正,对不符合开工条件的责令停止施工,可以处以罚款。",
        )
    ],
    content="对未取得施工许可证擅自施工的建设单位责令改正、停止施工,处以罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对建设工程质量安全的监督检查",
    bases=[basis("《建设工程质量管理条例》", "第四十三条", "国家实行建设工程质量监督管理制度。")],
    content="对在建房屋建筑和市政基础设施工程的质量、安全生产和文明施工实施监督检查。",
    levels=ALL_LEVELS,
)
lists.power(
    C.LEVY,
    1,
    "城市基础设施配套费征收",
    bases=[basis("《全国政府性基金目录清单》"), basis("《示范省城市基础设施配套费征收使用管理办法》")],
    content="对在城市规划区内新建、扩建、改建的建设项目,按建筑面积征收城市基础设施配套费。",
    levels=CITY_COUNTY,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
