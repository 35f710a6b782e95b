"""`manage.py load_demo [--if-empty]`: load or refresh the demo county (never in production)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from onewindow.common.errors import DomainError
from onewindow.demo import loader


class Command(BaseCommand):
    help = "加载示范县演示数据(行政区划、部门、服务大厅、窗口和演示账户),可重复运行;生产环境拒绝运行。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--if-empty", action="store_true", help="示范县已存在时不做任何改动(供 make run 每次启动时调用)。")

    def handle(self, *args: Any, if_empty: bool = False, **options: Any) -> None:
        if getattr(settings, "IS_PRODUCTION", False):
            raise CommandError("生产环境(IS_PRODUCTION)不能加载演示数据:演示账户使用公开的密码。")
        if if_empty and loader.demo_exists():
            self.stdout.write("示范县演示数据已存在,未做改动。")
            return
        try:
            load = loader.load_demo()
        except DomainError as error:
            raise CommandError(f"加载演示数据失败,未写入任何数据:{error.message}") from error
        for kind, tally in load.tallies.items():
            self.stdout.write(f"{kind}:新增 {tally.created},更新 {tally.updated},无变化 {tally.unchanged}")
        if load.changed:
            self.stdout.write(self.style.SUCCESS("示范县演示数据已加载。运行 manage.py demo_accounts 查看演示账户。"))
        else:
            self.stdout.write(self.style.SUCCESS("示范县演示数据已是最新,未做改动。"))
