"""`DepartmentLists`: how a department module declares its power items and the guides of its items."""

from onewindow.catalog.demo_data.departments import Dept
from onewindow.catalog.demo_data.guides import service_item
from onewindow.catalog.demo_data.powers import power_item


class DepartmentLists:
    """One department's power items and service items, in the order its module declares them."""

    def __init__(self, dept: Dept) -> None:
        self.dept = dept
        self.power_items: list[dict] = []
        self.service_items: list[dict] = []

    def power(self, category: str, main: int, name: str, **kwargs) -> dict:
        """Add a power item (see `powers.power_item`) and return its document."""
        document = power_item(self.dept, category, main, name, **kwargs)
        self.power_items.append(document)
        return document

    def guide(self, power: dict, **kwargs) -> dict:
        """Add the service item implementing `power` (see `guides.service_item`) and return its document."""
        document = service_item(self.dept, power, **kwargs)
        self.service_items.append(document)
        return document
