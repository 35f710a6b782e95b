"""示范县文化和旅游局: entertainment venues, performances, internet cafés, art dealers, public library."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, ID_CARD, PHOTO, choice, copy_of, material, number, pledge, text
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, COUNTY, basis

lists = DepartmentLists(d.CULTURE_TOURISM)

ENTERTAINMENT_RULES = "《娱乐场所管理条例》"
ENFORCEMENT = "文化市场综合行政执法大队"

ENTERTAINMENT = lists.power(
    C.LICENSING,
    1,
    "娱乐场所从事娱乐场所经营活动审批",
    bases=[
        basis(
            ENTERTAINMENT_RULES,
            "第九条",
            "娱乐场所申请从事娱乐场所经营活动,应当向所在地县级人民政府文化主管部门提出申请;外商投资的娱乐场所申请从事娱乐场所经营活动,"
            "应当向所在地省、自治区、直辖市人民政府文化主管部门提出申请。",
        )
    ],
    content="对在本县从事歌舞、游艺娱乐经营活动的场所(外商投资的除外)核发娱乐经营许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    ENTERTAINMENT,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions="场所位置不在居民楼、博物馆、图书馆和被核定为文物保护单位的建筑物内,与学校的距离符合规定;使用面积符合国务院文化主管部门规定的标准;投资人、法定代表人无娱乐场所管理条例规定的禁止情形。",
    statutory=20,
    promised=10,
    situations=[("新办", ""), ("变更", "改建、扩建或者变更场地、主要设施设备、投资人员")],
    materials=[
        material("娱乐经营许可申请表"),
        BUSINESS_LICENSE,
        ID_CARD,
        material("经营场所平面示意图和产权(租赁)证明", situation="S01"),
        pledge("投资人、法定代表人、主要负责人无禁止情形的书面声明", "由许可机关核查"),
        material("变更事项的相关材料", situation="S02"),
    ],
    form=[choice("kind", "经营类型", ["歌舞娱乐场所", "游艺娱乐场所"]), number("area", "营业面积(平方米)"), number("rooms", "包厢数")],
    result="娱乐经营许可证",
    site_check=True,
    unit="文化艺术股",
    depth=5,
    keywords="开KTV 歌厅 游戏厅 娱乐场所 娱乐经营许可证",
)

PERFORMANCE = lists.power(
    C.LICENSING,
    2,
    "文艺表演团体从事营业性演出活动审批",
    bases=[
        basis(
            "《营业性演出管理条例》",
            "",
            "文艺表演团体申请从事营业性演出活动,应当有与其业务相适应的专职演员和器材设备,并向县级人民政府文化主管部门提出申请。",
        )
    ],
    content="对在本县设立的文艺表演团体从事营业性演出活动核发营业性演出许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    PERFORMANCE,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="有与其业务相适应的专职演员和器材设备;已取得营业执照或者法人登记证书。",
    statutory=20,
    promised=5,
    materials=[material("营业性演出许可证申请登记表"), BUSINESS_LICENSE, copy_of("专职演员名单及身份证明"), material("演出器材设备清单")],
    form=[
        text("troupe_name", "团体名称"),
        number("performers", "专职演员人数"),
        choice("genre", "演出类别", ["戏曲", "歌舞", "曲艺杂技", "综合"]),
    ],
    result="营业性演出许可证",
    unit="文化艺术股",
    depth=6,
    keywords="演出许可证 剧团 文艺演出 演艺公司",
)

INTERNET_CAFE = lists.power(
    C.LICENSING,
    3,
    "互联网上网服务营业场所经营单位设立审批",
    bases=[basis("《互联网上网服务营业场所管理条例》")],
    content="对在本县设立互联网上网服务营业场所经营单位核发网络文化经营许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    INTERNET_CAFE,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions="符合本县上网服务营业场所布局要求;营业场所位置与中学、小学的距离符合规定,不设在居民住宅楼(院)内;营业面积和计算机台数符合省定标准;有符合国家规定的网络安全、消防安全条件。",
    statutory=20,
    promised=10,
    materials=[
        material("设立互联网上网服务营业场所申请表"),
        BUSINESS_LICENSE,
        ID_CARD,
        material("营业场所产权(租赁)证明和平面图"),
        pledge("消防安全承诺书", "公众聚集场所投入使用、营业前消防安全检查实行告知承诺"),
    ],
    form=[text("premises", "营业场所"), number("area", "营业面积(平方米)"), number("terminals", "计算机台数")],
    result="网络文化经营许可证",
    site_check=True,
    unit="文化艺术股",
    depth=5,
    keywords="开网吧 网咖 上网服务",
)

ART_DEALER = lists.power(
    C.FILING,
    1,
    "艺术品经营单位备案",
    bases=[
        basis(
            "《艺术品经营管理办法》",
            "",
            "设立从事艺术品经营活动的经营单位,应当到其住所地县级以上人民政府工商行政管理部门申领营业执照,"
            "并在领取营业执照之日起15日内,到其住所地县级以上人民政府文化行政部门备案。",
        )
    ],
    content="对在本县从事艺术品收购、销售、租赁、经纪、鉴定评估等经营活动的单位实行备案管理。",
    levels=CITY_COUNTY,
)
lists.guide(
    ART_DEALER,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye"],
    conditions="已取得营业执照、经营范围包含艺术品经营,在领取营业执照之日起15日内备案。",
    statutory=0,
    promised=0,
    materials=[material("艺术品经营单位备案表", form="electronic"), BUSINESS_LICENSE],
    form=[choice("business", "经营活动", ["收购销售", "租赁", "经纪", "鉴定评估", "艺术品展览"]), text("premises", "经营场所")],
    result="艺术品经营单位备案证明",
    unit="文化艺术股",
    depth=7,
    keywords="画廊 艺术品经营 字画 艺术品备案",
)

LIBRARY = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "公共图书馆读者证办理",
    bases=[
        basis(
            "《中华人民共和国公共图书馆法》",
            "",
            "公共图书馆应当免费向社会公众提供下列服务:(一)文献信息查询、借阅;(二)阅览室、自习室等公共空间设施场地开放。",
        )
    ],
    content="为读者免费办理示范县图书馆读者证(可用居民身份证或者社会保障卡直接借阅)。",
    levels=COUNTY,
)
lists.guide(
    LIBRARY,
    audience=A.PERSON,
    themes=["ruxue"],
    conditions="持有效身份证件的社会公众;未成年人由监护人陪同或者持监护人同意书办理。",
    statutory=1,
    promised=0,
    materials=[ID_CARD, PHOTO | {"necessity": "optional", "requirements": "办理实体读者证的提供"}],
    form=[choice("card", "读者证类型", ["电子读者证", "实体读者证"])],
    result="读者证",
    unit="文化艺术股",
    places="示范县图书馆(文化路9号)总服务台;线上通过“示范县图书馆”小程序办理",
    depth=7,
    keywords="借书证 图书馆 办借书证 读者证",
)

lists.power(
    C.PENALTY,
    1,
    "对娱乐场所违反娱乐场所管理条例的行政处罚",
    bases=[basis(ENTERTAINMENT_RULES)],
    content="对娱乐场所超时营业、接纳未成年人、未按规定安装闭路电视监控设备等违法行为,责令改正,给予警告、罚款,情节严重的责令停业整顿。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对文化市场经营活动的监督检查",
    bases=[basis(ENTERTAINMENT_RULES), basis("《互联网上网服务营业场所管理条例》"), basis("《营业性演出管理条例》")],
    content="对娱乐场所、上网服务营业场所、营业性演出和艺术品经营活动实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
