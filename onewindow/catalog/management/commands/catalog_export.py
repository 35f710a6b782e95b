"""Export one list of a region as the workbook counties publish."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from onewindow.catalog.choices import ListKind
from onewindow.catalog.excel import export_workbook
from onewindow.common.errors import DomainError
from onewindow.orgs.models import Region


class Command(BaseCommand):
    help = "Write a region's list (current, or as of --catalog-version) to an .xlsx file, e.g. --region 990123 --list service -o items.xlsx"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="Region code (GB/T 2260), e.g. 990123.")
        parser.add_argument("--list", required=True, choices=ListKind.values, dest="list_kind", help="Which list.")
        parser.add_argument("--catalog-version", type=int, dest="version_number", help="Catalog version number (default: current).")
        parser.add_argument("-o", "--output", required=True, help="The .xlsx file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        region = Region.objects.filter(code=options["region"]).first()
        if region is None:
            raise CommandError(f"No region with code {options['region']}.")
        try:
            content = export_workbook(region=region, list_kind=options["list_kind"], version_number=options["version_number"])
        except DomainError as error:
            raise CommandError(error.message) from None
        Path(options["output"]).write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(content)} bytes to {options['output']}."))
