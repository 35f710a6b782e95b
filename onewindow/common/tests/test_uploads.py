import io
import zipfile

import pytest

from onewindow.common.errors import InvalidInput
from onewindow.common.uploads import check_upload, safe_filename

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx_bytes(extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def check(data: bytes, name: str, **kwargs):
    return check_upload(io.BytesIO(data), name=name, max_bytes=kwargs.pop("max_bytes", 1024 * 1024), **kwargs)


def test_pdf_png_and_docx_are_recognised_by_content():
    assert check(PDF, "申请书.pdf").kind == "pdf"
    assert check(PNG, "平面图.PNG").content_type == "image/png"
    assert check(docx_bytes(), "承诺书.docx").kind == "docx"


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "a.pdf", "upload_empty"),
        (PDF, "申请书.png", "upload_type_mismatch"),
        (b"MZ\x90\x00 executable", "申请书.pdf", "upload_type_not_allowed"),
        (b"<html><script>alert(1)</script>", "a.pdf", "upload_type_not_allowed"),
        (b"PK\x03\x04 not really a zip", "a.docx", "upload_corrupt"),
    ],
)
def test_bad_files_are_refused_with_a_code(data, name, code):
    with pytest.raises(InvalidInput) as caught:
        check(data, name)
    assert caught.value.code == code


def test_oversized_file_is_refused():
    with pytest.raises(InvalidInput) as caught:
        check(PDF + b"0" * 2048, "a.pdf", max_bytes=1024)
    assert caught.value.code == "upload_too_large"


def test_archive_bomb_is_refused_without_unpacking():
    with pytest.raises(InvalidInput) as caught:
        check(docx_bytes({"word/media/bomb.bin": b"\x00" * (20 * 1024 * 1024)}), "bomb.docx")
    assert caught.value.code == "upload_archive_bomb"


def test_allowed_kinds_are_enforced():
    with pytest.raises(InvalidInput):
        check(PNG, "a.png", allowed=frozenset({"pdf"}))


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\张三\\申请书.PDF", "申请书.pdf"),
        ("a\x00b\n.pdf", "ab.pdf"),
        ("营业执照.pdf", "营业执照.pdf"),
    ],
)
def test_names_lose_their_paths_and_control_characters(raw, clean):
    assert safe_filename(raw) == clean


@pytest.mark.parametrize("raw", ["", "../", "...", "\x00"])
def test_empty_names_are_refused(raw):
    with pytest.raises(InvalidInput):
        safe_filename(raw)
