"""Uploaded files are judged by what they contain, never by their name."""

import io
import struct
import zipfile
import zlib
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


MB = 1024 * 1024

# Office documents are zip archives, and a zip member of a few hundred kilobytes can inflate to
# gigabytes (a "zip bomb"). So an archive is judged by the sizes its directory declares, before
# anything is inflated, and the one member that is read (ODT's `mimetype`) is read only a few bytes
# whatever it declares. Real DOCX, XLSX and ODT files deflate their XML 5 to 20 times and store
# images almost as they are; with uploads capped at 20 MB, these limits leave them ample room:
ZIP_MAX_MEMBERS = 2_000  # tens of parts, a few hundred with many images, sheets or charts
ZIP_MAX_MEMBER_BYTES = 256 * MB  # an XLSX sheet of a million short rows is about this size
ZIP_MAX_TOTAL_BYTES = 512 * MB
ZIP_MAX_RATIO = 100  # Apache POI, which reads Office files for a living, refuses beyond this too
ZIP_RATIO_FROM_BYTES = MB  # a small member is harmless whatever its ratio (a run of empty cells)
# zipfile turns each entry of the directory into an object of ~500 bytes as soon as it opens the
# archive, so the directory's own size is checked first: 256 bytes an entry allow long names.
ZIP_MAX_DIRECTORY_BYTES = ZIP_MAX_MEMBERS * 256
ODT_MIMETYPE_READ_BYTES = 256  # zipfile inflates at most 4 KB to give these

# The end records of a zip file (PKWARE's APPNOTE 4.3.14 to 4.3.16).
_END_RECORD = struct.Struct("<4s4H2LH")  # field 5 is the size of the directory
_ZIP64_END_RECORD = struct.Struct("<4sQ2H2L4Q")  # field 8 is the size of the directory
_ZIP64_LOCATOR_SIZE = 20

# A PDF is checked by the page count at the root of its page tree. Reaching it inflates the
# cross-reference streams and the object streams that hold the catalog and that root (pypdf keeps
# the latter). These list objects, not page content or images: a 5,000-page report's take well
# under a megabyte. pypdf's own limit, 75 MB a stream, let one 300 KB upload take 150 MB to check;
# and counting the pages by walking the whole tree would inflate every object stream a page sits in.
PDF_MAX_STREAM_BYTES = 4 * MB
_PDF_LIMITS = dict.fromkeys(
    (
        "zlib_maximum_output_length",
        "lzw_maximum_output_length",
        "run_length_maximum_output_length",
        "brotli_maximum_output_length",
        "array_based_stream_maximum_output_length",
    ),
    PDF_MAX_STREAM_BYTES,
)


def _decompression_bomb() -> ValidationError:
    return ValidationError(
        _("This file would unpack to far more data than a real document holds, so it was refused."),
        code="decompression_bomb",
    )


def _directory_size(upload) -> int | None:
    """The size of the archive's directory of members, found as zipfile finds it, or None."""
    upload.seek(0, io.SEEK_END)
    tail_start = max(upload.tell() - _END_RECORD.size - (1 << 16), 0)  # the record, a comment
    upload.seek(tail_start)
    tail = upload.read()
    end = len(tail) - _END_RECORD.size
    if not (end >= 0 and tail.startswith(b"PK\x05\x06", end) and tail.endswith(b"\0\0")):
        end = tail.rfind(b"PK\x05\x06")  # the record is followed by a comment
    if end < 0 or end + _END_RECORD.size > len(tail):
        return None
    size = _END_RECORD.unpack_from(tail, end)[5]
    # Just before the record, a Zip64 locator and end record overrule it.
    zip64_start = tail_start + end - _ZIP64_LOCATOR_SIZE - _ZIP64_END_RECORD.size
    if zip64_start >= 0:
        upload.seek(zip64_start)
        zip64 = upload.read(_ZIP64_END_RECORD.size + _ZIP64_LOCATOR_SIZE)
        if zip64.startswith(b"PK\x06\x06") and zip64.startswith(
            b"PK\x06\x07", _ZIP64_END_RECORD.size
        ):
            size = _ZIP64_END_RECORD.unpack_from(zip64)[8]
    return size


def _refuse_bombs(members: list[zipfile.ZipInfo], upload_size: int) -> None:
    """Refuse an archive whose directory declares more than an office document unpacks to."""
    total = compressed = 0
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > ZIP_MAX_MEMBER_BYTES or (
            member.file_size > ZIP_RATIO_FROM_BYTES and ratio > ZIP_MAX_RATIO
        ):
            raise _decompression_bomb()
        total += member.file_size
        compressed += member.compress_size
    # Compressed sizes beyond the file's own size mean the directory lies to pass the ratio.
    if len(members) > ZIP_MAX_MEMBERS or total > ZIP_MAX_TOTAL_BYTES or compressed > upload_size:
        raise _decompression_bomb()


def _zip_type(upload) -> FileType | None:
    """Tell DOCX, XLSX and ODT apart by the parts inside the archive, inflating a few KB at most."""
    directory_size = _directory_size(upload)
    if directory_size is None:
        return None
    if directory_size > ZIP_MAX_DIRECTORY_BYTES:
        raise _decompression_bomb()
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            _refuse_bombs(members, upload.size)
            # Office suites only store or deflate; zipfile inflates bzip2 and lzma without a bound.
            methods = {member.compress_type for member in members}
            if not methods <= {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}:
                return None
            names = {member.filename for member in members}
            if "mimetype" in names:
                with archive.open("mimetype") as mimetype:
                    if mimetype.read(ODT_MIMETYPE_READ_BYTES).strip() == ODT.content_type.encode():
                        return ODT
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "xl/workbook.xml" in names:
                    return XLSX
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        KeyError,
        RuntimeError,
        NotImplementedError,
    ):
        return None
    return None


def _is_readable_pdf(upload) -> bool:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    upload.seek(0)
    try:
        with apply_configuration(**_PDF_LIMITS):
            reader = PdfReader(io.BytesIO(upload.read()))
            return int(reader.trailer["/Root"]["/Pages"]["/Count"]) > 0
    except LimitReachedError:
        raise _decompression_bomb() from None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return False


def detect(upload) -> FileType | None:
    """The file's real type from its content, or None when it is none we accept.

    Raises ValidationError for a file that would unpack to far more than it is.
    """
    upload.seek(0)
    head = upload.read(16)
    kind = None
    try:
        if head.startswith(b"%PDF-"):
            kind = PDF if _is_readable_pdf(upload) else None
        elif head.startswith(b"\x89PNG\r\n\x1a\n"):
            kind = PNG
        elif head.startswith(b"\xff\xd8\xff"):
            kind = JPEG
        elif head.startswith(b"PK\x03\x04"):
            kind = _zip_type(upload)
    finally:
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
