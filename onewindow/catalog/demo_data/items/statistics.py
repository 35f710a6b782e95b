"""示范县统计局: statistical enforcement (its list has no service guides)."""

from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.powers import ALL_LEVELS, basis

lists = DepartmentLists(d.STATISTICS)

STATISTICS_LAW = "《中华人民共和国统计法》"

lists.power(
    C.PENALTY,
    1,
    "对统计调查对象违反统计法律法规的行政处罚",
    bases=[basis(STATISTICS_LAW), basis("《中华人民共和国统计法实施条例》")],
    content="对拒绝提供统计资料、提供不真实或者不完整的统计资料、拒绝接受统计检查等违法行为,责令改正,给予警告,可以并处罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "统计执法检查",
    bases=[basis(STATISTICS_LAW)],
    content="对统计调查对象执行统计法律法规、如实提供统计资料的情况实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
