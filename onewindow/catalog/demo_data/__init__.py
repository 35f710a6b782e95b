"""The published lists of the demo county 示范县, as catalog documents (see `onewindow.catalog.documents`).

Plain data, loaded by the demo loader into published catalog versions:

- `THEMES`, `LICENSE_TYPES`: not versioned, loaded first (documents refer to them by code);
- `INTERMEDIARY_SERVICES`, `FEE_ENTRIES`, `DUTY_BOUNDARIES`, `POWER_ITEMS`, `SERVICE_ITEMS`: the
  first publication of each list (service items name their power by `power_code`, their
  intermediaries and fees by code, so those lists go first);
- `CHANGE_HISTORY`: change requests applied afterwards, in order, one published version each.

Departments are named as the demo county names them (`onewindow.demo.county`).
"""

from onewindow.catalog.demo_data.duty_boundaries import DUTY_BOUNDARIES
from onewindow.catalog.demo_data.fees import FEE_ENTRIES
from onewindow.catalog.demo_data.history import CHANGE_HISTORY
from onewindow.catalog.demo_data.intermediaries import INTERMEDIARY_SERVICES
from onewindow.catalog.demo_data.items import POWER_ITEMS, SERVICE_ITEMS
from onewindow.catalog.demo_data.license_types import LICENSE_TYPES
from onewindow.catalog.demo_data.themes import THEMES

__all__ = [
    "CHANGE_HISTORY",
    "DUTY_BOUNDARIES",
    "FEE_ENTRIES",
    "INTERMEDIARY_SERVICES",
    "LICENSE_TYPES",
    "POWER_ITEMS",
    "SERVICE_ITEMS",
    "THEMES",
]
