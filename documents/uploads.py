"""Uploaded files are judged by what they contain, never by their name."""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str


PDF = FileType("pdf", "application/pdf")
PNG = FileType("png", "image/png")
JPEG = FileType("jpg", "image/jpeg")
DOCX = FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ODT = FileType("odt", "application/vnd.oasis.opendocument.text")

ALLOWED = (PDF, DOCX, XLSX, ODT, PNG, JPEG)


def _zip_type(head: bytes, upload) -> FileType | None:
    """Tell DOCX, XLSX and ODT apart by the parts inside the archive."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if (
                "mimetype" in names
                and archive.read("mimetype").strip() == ODT.content_type.encode()
            ):
                return ODT
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "xl/workbook.xml" in names:
                    return XLSX
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    return None


def _is_readable_pdf(upload) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    upload.seek(0)
    try:
        return len(PdfReader(io.BytesIO(upload.read())).pages) > 0
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        return False


def detect(upload) -> FileType | None:
    """The file's real type from its content, or None when it is none we accept."""
    upload.seek(0)
    head = upload.read(16)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = PDF if _is_readable_pdf(upload) else None
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = PNG
    elif head.startswith(b"\xff\xd8\xff"):
        kind = JPEG
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_type(head, upload)
    upload.seek(0)
    return kind


def validate_upload(upload) -> FileType:
    """Refuse a file that is too large or not one of the accepted kinds, whatever its name."""
    limit = settings.DOCUMENT_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    kind = detect(upload)
    if kind is None:
        raise ValidationError(
            _(
                "This file is not a PDF, Word (DOCX), Excel (XLSX), OpenDocument text (ODT), PNG or JPEG file, whatever its name says."
            ),
            code="file_type",
        )
    return kind


def clean_file_name(name: str, kind: FileType) -> str:
    """A safe name: the original stem in ASCII slug form, with the extension of the real type."""
    stem = slugify(PurePath(name).stem)[:80] or "document"
    return f"{stem}.{kind.extension}"
