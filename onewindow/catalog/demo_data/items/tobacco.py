"""示范县烟草专卖局: tobacco retail licensing and tobacco-monopoly enforcement."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, ID_CARD, choice, material, number, pledge, text
from onewindow.catalog.demo_data.powers import ALL_LEVELS, basis

lists = DepartmentLists(d.TOBACCO)

TOBACCO_LAW = "《中华人民共和国烟草专卖法》"

RETAIL = lists.power(
    C.LICENSING,
    1,
    "烟草专卖零售许可证核发",
    bases=[
        basis(
            TOBACCO_LAW,
            "第十六条",
            "经营烟草制品零售业务的企业或者个人,由县级人民政府工商行政管理部门根据上一级烟草专卖行政主管部门的委托,审查批准发给烟草专卖零售许可证。"
            "已经设立县级烟草专卖行政主管部门的地方,也可以由县级烟草专卖行政主管部门审查批准发给烟草专卖零售许可证。",
        ),
        basis("《中华人民共和国烟草专卖法实施条例》"),
    ],
    content="对在本县经营烟草制品零售业务的企业和个人核发、延续、变更、停业、歇业烟草专卖零售许可证。",
    levels=ALL_LEVELS,
)
lists.guide(
    RETAIL,
    audience=A.BOTH,
    themes=["jingying-xuke", "kaiban-qiye"],
    conditions="有与经营烟草制品零售业务相适应的资金;有固定的经营场所;符合本县烟草制品零售点合理布局规定;不在中小学校、幼儿园周边规定范围内。",
    statutory=20,
    promised=5,
    situations=[("新办", ""), ("延续", "有效期届满30日前申请"), ("变更", ""), ("停业、歇业", "")],
    materials=[
        material("烟草专卖零售许可证申请表"),
        BUSINESS_LICENSE,
        ID_CARD,
        pledge("经营场所使用权证明", "可书面承诺经营场所真实合法", situation="S01"),
        material("原烟草专卖零售许可证", situation="S02"),
    ],
    form=[
        text("premises", "经营场所"),
        choice("kind", "经营业态", ["便利店", "超市", "食杂店", "烟酒商店", "其他"]),
        number("area", "经营面积(平方米)"),
    ],
    result="烟草专卖零售许可证",
    license_type="tobacco-retail-license",
    site_check=True,
    depth=6,
    keywords="卖烟 烟草证 烟草零售 烟草许可证 小卖部卖烟",
)

lists.power(
    C.PENALTY,
    1,
    "对无烟草专卖零售许可证经营烟草制品零售业务的行政处罚",
    bases=[basis(TOBACCO_LAW), basis("《中华人民共和国烟草专卖法实施条例》")],
    content="对无烟草专卖零售许可证经营烟草制品零售业务的,责令停止经营,没收违法所得,并处罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "烟草专卖市场监督检查",
    bases=[basis(TOBACCO_LAW)],
    content="对烟草专卖品的生产、经营、运输和烟草专卖零售许可证持证经营情况实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
