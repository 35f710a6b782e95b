"""Opening an uploaded workbook safely: type by content, size, archive bombs, then openpyxl.

An .xlsx file is a zip archive. Before openpyxl reads anything we check the zip signature, the
number of members and their declared uncompressed sizes: Python's zipfile never inflates a
deflated member past its declared size, so the declared total bounds the memory a bomb could
take. Other compression methods (bzip2, lzma) are not bounded that way and never occur in
.xlsx files, so they are refused.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any
from xml.etree import ElementTree

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_DATA_ROWS = 20000

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
_REQUIRED_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")


# What openpyxl and zipfile raise on a damaged file (a damaged sheet is only found while reading it).
UNREADABLE = (ElementTree.ParseError, zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, ValueError, TypeError, AttributeError)


class WorkbookRejected(ValueError):
    """The upload is not a workbook we can safely read; the message says why, in Chinese."""


def open_workbook(data: bytes) -> Any:
    """An openpyxl read-only workbook of `data`, or WorkbookRejected. The caller closes it."""
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookRejected(_("文件超过%(n)dMB,请分部门或分批导入。") % {"n": MAX_FILE_BYTES // (1024 * 1024)})
    if data.startswith(_OLE_MAGIC):
        raise WorkbookRejected(_("不支持旧版.xls格式,请在Excel或WPS中另存为.xlsx后再导入。"))
    if not data.startswith(_ZIP_MAGIC):
        raise WorkbookRejected(_("文件不是Excel工作簿(.xlsx)。"))
    _check_archive(data)
    try:
        from openpyxl import load_workbook  # imported when a workbook is read: it costs every worker 18 MB

        return load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except UNREADABLE as error:
        raise WorkbookRejected(unreadable_message(error)) from None


def unreadable_message(error: Exception) -> str:
    return _("无法读取该Excel文件(%(e)s),请确认文件未损坏。") % {"e": type(error).__name__}


def _check_archive(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WorkbookRejected(_("文件不是Excel工作簿(.xlsx)。")) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise WorkbookRejected(_("文件结构异常(压缩包成员过多),拒绝导入。"))
        if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
            raise WorkbookRejected(_("文件解压后超过%(n)dMB,疑似压缩炸弹,拒绝导入。") % {"n": MAX_UNCOMPRESSED_BYTES // (1024 * 1024)})
        if any(member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for member in members):
            raise WorkbookRejected(_("文件不是Excel工作簿(.xlsx)。"))
        names = {member.filename for member in members}
        if not all(name in names for name in _REQUIRED_MEMBERS):
            raise WorkbookRejected(_("文件不是Excel工作簿(.xlsx)。"))
