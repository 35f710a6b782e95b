"""Checks every uploaded file passes before it is stored: size, type by content, archive bombs, names.

The type is decided from the file's first bytes (and, for the zip-based office formats, from the
archive's members), never from the name or the browser's Content-Type; the name's extension
must agree with the content. Zip-based files are opened only to read their directory: the sum
of the members' declared sizes and the compression ratio are bounded, so a small upload cannot
expand into gigabytes when it is later read.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

from onewindow.common.errors import InvalidInput

MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ARCHIVE_MEMBERS = 10_000

# kind → (extensions, content type)
KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    "pdf": ((".pdf",), "application/pdf"),
    "png": ((".png",), "image/png"),
    "jpeg": ((".jpg", ".jpeg"), "image/jpeg"),
    "docx": ((".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ((".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ofd": ((".ofd",), "application/ofd"),
    "doc": ((".doc",), "application/msword"),
    "xls": ((".xls",), "application/vnd.ms-excel"),
}
DOCUMENT_KINDS = frozenset(KINDS)


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed every check, with its safe name and detected type."""

    name: str
    kind: str
    content_type: str
    size: int


def safe_filename(name: str, *, max_length: int = 120) -> str:
    """The last path component, without control characters or separators; Chinese kept."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = base.strip().strip(".").replace("..", ".")
    if not base:
        raise InvalidInput(_("文件名无效。"), code="upload_bad_name")
    stem, ext = os.path.splitext(base)
    return stem[: max_length - len(ext)] + ext.lower()


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # .doc or .xls: told apart by the extension
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def _zip_kind(stream: IO[bytes], size: int) -> str:
    """docx, xlsx or ofd from the archive's members; refuses archive bombs."""
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InvalidInput(_("文件已损坏,无法打开。"), code="upload_corrupt") from None
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_ARCHIVE_MEMBERS or unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_COMPRESSION_RATIO * max(size, 1):
        raise InvalidInput(_("文件解压后过大,疑似压缩炸弹,已拒收。"), code="upload_archive_bomb")
    names = {member.filename for member in members}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names:
        return "ofd"
    raise InvalidInput(_("不支持的压缩文件类型。"), code="upload_type_not_allowed")


def check_upload(file: IO[bytes], *, name: str, allowed: frozenset[str] = DOCUMENT_KINDS, max_bytes: int) -> CheckedUpload:
    """Check an uploaded file; raise InvalidInput (with a machine code) on anything wrong."""
    clean_name = safe_filename(name)
    file.seek(0, os.SEEK_END)
    size = file.tell()
    file.seek(0)
    if size == 0:
        raise InvalidInput(_("文件为空。"), code="upload_empty")
    if size > max_bytes:
        raise InvalidInput(_("文件不能超过%(mb)sMB。") % {"mb": round(max_bytes / 1024 / 1024, 1)}, code="upload_too_large")
    sniffed = _sniff(file.read(16))
    file.seek(0)
    extension = os.path.splitext(clean_name)[1].lower()
    if sniffed == "zip":
        sniffed = _zip_kind(file, size)
        file.seek(0)
    elif sniffed == "ole":
        sniffed = "doc" if extension == ".doc" else "xls" if extension == ".xls" else None
    if sniffed is None or sniffed not in allowed:
        labels = "、".join(sorted({e for k in allowed for e in KINDS[k][0]}))
        raise InvalidInput(_("文件类型不允许,只接受:%(types)s。") % {"types": labels}, code="upload_type_not_allowed")
    if extension not in KINDS[sniffed][0]:
        raise InvalidInput(_("文件扩展名与文件内容不符。"), code="upload_type_mismatch")
    return CheckedUpload(name=clean_name, kind=sniffed, content_type=KINDS[sniffed][1], size=size)
