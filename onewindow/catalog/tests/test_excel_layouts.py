"""The column tables cover every key of the documents, and the cell converters read back what they write."""

import pytest

from onewindow.catalog.choices import MaterialNecessity, OnlineDepth
from onewindow.catalog.excel.cells import (
    OMIT,
    Boolean,
    CellError,
    Choice,
    CodeList,
    Integer,
    Text,
    TextList,
    escape_text,
    raw_text,
)
from onewindow.catalog.excel.export import list_documents
from onewindow.catalog.excel.layouts import LAYOUTS
from onewindow.catalog.tests.test_excel_support import publish_full_catalog


@pytest.fixture
def full_catalog(county, department, other_department, list_manager, second_list_manager):
    return publish_full_catalog(county, department, list_manager, second_list_manager)


@pytest.mark.django_db
@pytest.mark.parametrize("list_kind", list(LAYOUTS))
def test_columns_cover_every_key_of_the_documents(full_catalog, county, list_kind):
    layout = LAYOUTS[list_kind]
    documents = list(list_documents(region=county, list_kind=list_kind))
    assert documents
    for doc in documents:
        assert set(doc) == {c.key for c in layout.columns} | {child.key for child in layout.children}
        for child in layout.children:
            keys = {c.key for c in child.columns}
            for element in doc[child.key]:
                assert ({child.value_key} if child.value_key else set(element)) <= keys
    for child in (child for child in layout.children if not child.value_key):
        used = {key for doc in documents for element in doc[child.key] for key in element}
        assert used == {c.key for c in child.columns}, child.name


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=list(LAYOUTS))
def test_headers_are_unique_in_every_sheet(layout):
    sheets = [layout.columns] + [layout.key_columns + child.columns for child in layout.children]
    for columns in sheets:
        headers = [c.header for c in columns]
        assert len(headers) == len(set(headers))
    assert len(set(layout.sheet_names())) == len(layout.sheet_names())


@pytest.mark.parametrize("text", ["=SUM(A1:A9)", "+86 10", "-", "@cmd", "'quoted", "\tindent", "plain", "中文"])
def test_escaping_is_undone_on_import(text):
    escaped = escape_text(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t"))
    assert raw_text(escaped) == text.strip()


def test_text_cells_drop_characters_xlsx_cannot_hold_and_normalise_line_ends():
    assert escape_text("a\r\nb\x07c") == "a\nbc"
    assert Text().from_cell("  x  ") == "x"
    assert Text().from_cell(12345678.0) == "12345678"
    assert Text().from_cell(None) == ""


def test_choices_read_labels_and_values_and_name_what_is_allowed():
    necessity = Choice.of(MaterialNecessity)
    assert necessity.to_cell("gap_allowed") == "容缺可补"
    assert necessity.from_cell("容缺可补") == necessity.from_cell("gap_allowed") == "gap_allowed"
    with pytest.raises(CellError, match="取值“需要”无效,应为:必要、容缺可补"):
        necessity.from_cell("需要")
    depth = Choice.of(OnlineDepth)
    assert depth.to_cell(5) == "网上办理" and depth.from_cell("网上办理") == 5 and depth.from_cell(5) == 5


def test_booleans_integers_and_lists():
    assert Boolean().to_cell(True) == "是" and Boolean(invert=True).to_cell(True) == "否"
    assert Boolean(invert=True).from_cell("是") is False and Boolean().from_cell(True) is True
    with pytest.raises(CellError):
        Boolean().from_cell("对")
    assert Integer().from_cell(3.0) == 3 and Integer().from_cell(" 12 ") == 12
    assert Integer(optional=True).from_cell(None) is OMIT
    for bad in (None, "三", 2.5, True):
        with pytest.raises(CellError):
            Integer().from_cell(bad)
    assert TextList().from_cell("甲科\n乙科、丙科\n") == ["甲科", "乙科、丙科"]
    assert TextList(omit_blank=True).from_cell(" ") is OMIT
    assert CodeList().from_cell("a-1、b-2, c-3\nd-4") == ["a-1", "b-2", "c-3", "d-4"]
    assert CodeList().to_cell([]) is None
