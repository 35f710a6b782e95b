"""Import a list's workbook as one change request (bulk loading by administrators)."""

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from onewindow.catalog.choices import ListKind
from onewindow.catalog.excel import import_workbook
from onewindow.common.errors import DomainError
from onewindow.orgs.models import Department, Region


class Command(BaseCommand):
    help = (
        "Draft the differences between an .xlsx workbook and a region's current list as one change request, acting as --actor "
        "(all or nothing; problems are printed by sheet, row and column). Service items may only name intermediary services "
        "already published, so load a new region's intermediary list (and publish it) before its service items."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The .xlsx workbook (as written by catalog_export).")
        parser.add_argument("--region", required=True, help="Region code (GB/T 2260), e.g. 990123.")
        parser.add_argument("--list", required=True, choices=ListKind.values, dest="list_kind", help="Which list.")
        parser.add_argument("--actor", required=True, help="Username of the list manager or department admin drafting the request.")
        parser.add_argument("--department", help="Name of the department whose entries alone are imported.")
        parser.add_argument("--title", required=True, help="Title of the change request.")
        parser.add_argument("--reason", required=True, help="Reason of the change (变更理由).")
        parser.add_argument("--legal-basis", required=True, help="Legal basis of the change (法律依据).")
        parser.add_argument("--cancel-missing", action="store_true", help="Also cancel current entries missing from the file.")

    def handle(self, *args: Any, **options: Any) -> None:
        region = Region.objects.filter(code=options["region"]).first()
        if region is None:
            raise CommandError(f"No region with code {options['region']}.")
        actor = get_user_model().objects.filter(username=options["actor"], is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user {options['actor']}.")
        try:
            result = import_workbook(
                actor=actor,
                region=region,
                list_kind=options["list_kind"],
                data=Path(options["file"]).read_bytes(),
                department=self._department(region, options["department"]),
                title=options["title"],
                reason=options["reason"],
                legal_basis=options["legal_basis"],
                cancel_missing=options["cancel_missing"],
            )
        except (DomainError, OSError) as error:
            raise CommandError(getattr(error, "message", str(error))) from None
        for problem in result.problems:
            self.stderr.write(str(problem))
        if not result.ok:
            raise CommandError(result.message)
        if result.change_request is not None:
            self.stdout.write(self.style.SUCCESS(f"{result.message} (change request #{result.change_request.pk})"))
        else:
            self.stdout.write(result.message)

    def _department(self, region: Region, name: str | None) -> Department | None:
        if not name:
            return None
        department = Department.objects.filter(region__code__startswith=region.prefix, name=name).first()
        if department is None:
            raise CommandError(f"No department named {name} in region {region.code}.")
        return department
