"""catalog_export and catalog_import: the same export and import for administrators' bulk loading."""

import pytest
from django.core.management import CommandError, call_command

from onewindow.catalog.models import ChangeRequest
from onewindow.catalog.tests.test_excel_support import FOOD_CODE, load, publish_full_catalog, set_cell

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_catalog(county, department, other_department, list_manager, second_list_manager):
    return publish_full_catalog(county, department, list_manager, second_list_manager)


IMPORT_OPTIONS = ["--region", "990123", "--list", "service", "--title", "批量调整", "--reason", "压缩时限", "--legal-basis", "《许可法》"]


def test_export_writes_the_workbook(full_catalog, tmp_path):
    target = tmp_path / "items.xlsx"
    call_command("catalog_export", "--region", "990123", "--list", "service", "-o", str(target))
    assert load(target.read_bytes())["事项"]["A1"].value == "示范县政务服务事项清单(第5版)"
    call_command("catalog_export", "--region", "990123", "--list", "fee", "--catalog-version", "1", "-o", str(target))
    assert load(target.read_bytes())["收费目录"].max_row == 2
    with pytest.raises(CommandError, match="No region"):
        call_command("catalog_export", "--region", "000000", "--list", "service", "-o", str(target))
    with pytest.raises(CommandError, match="第9版不存在"):
        call_command("catalog_export", "--region", "990123", "--list", "service", "--catalog-version", "9", "-o", str(target))


def test_import_drafts_one_request_as_the_actor(full_catalog, list_manager, tmp_path, capsys):
    source = tmp_path / "items.xlsx"
    call_command("catalog_export", "--region", "990123", "--list", "service", "-o", str(source))
    call_command("catalog_import", str(source), "--actor", list_manager.username, *IMPORT_OPTIONS)
    assert "与现行清单一致,无需变更。" in capsys.readouterr().out
    source.write_bytes(set_cell(source.read_bytes(), "事项", "实施编码", FOOD_CODE, "承诺办结时限(工作日)", 7))
    call_command("catalog_import", str(source), "--actor", list_manager.username, *IMPORT_OPTIONS)
    request = ChangeRequest.objects.get(title="批量调整")
    assert request.kind == "adjust" and request.drafted_by == list_manager
    assert f"change request #{request.pk}" in capsys.readouterr().out


def test_import_prints_every_problem_and_imports_nothing(full_catalog, list_manager, tmp_path, capsys):
    source = tmp_path / "items.xlsx"
    call_command("catalog_export", "--region", "990123", "--list", "service", "-o", str(source))
    source.write_bytes(set_cell(source.read_bytes(), "申请材料", "材料名称", "营业执照", "必要性", "需要"))
    with pytest.raises(CommandError, match="导入失败:发现1处问题"):
        call_command("catalog_import", str(source), "--actor", list_manager.username, *IMPORT_OPTIONS)
    assert "申请材料 第4行 必要性列:取值“需要”无效" in capsys.readouterr().err
    assert not ChangeRequest.objects.filter(title="批量调整").exists()


def test_import_needs_an_actor_allowed_to_draft(full_catalog, reviewer, department_admin, tmp_path):
    source = tmp_path / "items.xlsx"
    call_command("catalog_export", "--region", "990123", "--list", "service", "-o", str(source))
    with pytest.raises(CommandError, match="No active user"):
        call_command("catalog_import", str(source), "--actor", "nobody", *IMPORT_OPTIONS)
    with pytest.raises(CommandError, match="您无权导入该清单"):
        call_command("catalog_import", str(source), "--actor", reviewer.username, *IMPORT_OPTIONS)
    with pytest.raises(CommandError, match="No department named"):
        call_command("catalog_import", str(source), "--actor", department_admin.username, "--department", "不存在局", *IMPORT_OPTIONS)
    with pytest.raises(CommandError):
        call_command("catalog_import", str(tmp_path / "missing.xlsx"), "--actor", department_admin.username, *IMPORT_OPTIONS)
