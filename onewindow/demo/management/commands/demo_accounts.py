"""`manage.py demo_accounts`: the demo accounts, their roles and the demo password (for `bin/serve`)."""

import unicodedata
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from onewindow.accounts.models import RoleAssignment, User
from onewindow.demo.accounts import ACCOUNTS, USERNAMES


def _width(text: str) -> int:
    """Columns the text takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _role_label(assignment: RoleAssignment) -> str:
    scope = assignment.department or assignment.region
    label = assignment.get_role_display()
    details = [str(scope.name)] if scope is not None else []
    if assignment.window is not None:
        details.append(f"{assignment.window.hall.name} {assignment.window.number} 窗口")
    return f"{label}({','.join(details)})" if details else label


class Command(BaseCommand):
    help = "列出演示账户(用户名、姓名、角色及范围)和演示密码。"

    def handle(self, *args: Any, **options: Any) -> None:
        assignments = RoleAssignment.objects.select_related("department", "region", "window__hall").order_by("role", "id")
        users = {
            user.username: user
            for user in User.objects.filter(username__in=USERNAMES).prefetch_related(Prefetch("role_assignments", queryset=assignments))
        }
        if not users:
            self.stdout.write("未加载演示数据(demo data not loaded)。运行 manage.py load_demo 加载示范县演示数据。")
            return
        rows = [("用户名", "姓名", "用途", "角色(范围)")]
        for spec in ACCOUNTS:
            user = users.get(spec.username)
            if user is not None:
                roles = ";".join(_role_label(assignment) for assignment in user.role_assignments.all())
                rows.append((user.username, user.real_name, spec.title, roles or "-"))
        widths = [max(_width(row[column]) for row in rows) for column in range(3)]
        self.stdout.write("演示账户:")
        for row in rows:
            self.stdout.write("  " + "  ".join(_pad(cell, width) for cell, width in zip(row[:3], widths, strict=True)) + "  " + row[3])
        self.stdout.write(f"密码(所有演示账户):{settings.DEMO_PASSWORD}")
