"""Small uploads that unpack to hundreds of megabytes are refused without being unpacked."""

import contextlib
import functools
import io
import random
import struct
import tracemalloc
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from documents.models import Document
from documents.uploads import validate_upload
from tests.documents.test_library import pdf_bytes, stored_files, upload_form

MB = 1024 * 1024
BOMB_MESSAGE = (
    "This file would unpack to far more data than a real document holds, so it was refused."
)
# What validating any of these uploads may cost at most; the bombs below unpack to 50 MB, beyond it.
MEMORY_BUDGET = 20 * MB


def office_zip(parts, *, zeros=None, declared=None, method=zipfile.ZIP_DEFLATED):
    """A zip of `parts` (name: content), plus `zeros` (name: size) members of zero bytes.

    `declared` (name: {ZipInfo field: value}) makes the archive's directory lie about a member's
    sizes, as a crafted archive can.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
        for name, size in (zeros or {}).items():
            with archive.open(name, "w") as member:
                for _ in range(size // MB):
                    member.write(bytes(MB))
        for info in archive.infolist():
            for field, value in (declared or {}).get(info.filename, {}).items():
                setattr(info, field, value)
    return buffer.getvalue()


def noise(size, seed=0):
    """Bytes that do not compress, like a photo."""
    return random.Random(seed).randbytes(size)


DOCX_PARTS = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


@functools.cache
def docx_with_50_mb_of_zeros():
    return office_zip(DOCX_PARTS, zeros={"word/media/image1.png": 50 * MB})


@functools.cache
def odt_whose_mimetype_is_50_mb():
    return office_zip({"content.xml": "<office/>"}, zeros={"mimetype": 50 * MB})


@functools.cache
def odt_whose_mimetype_declares_39_bytes_but_holds_50_mb():
    return office_zip(
        {"content.xml": "<office/>"},
        zeros={"mimetype": 50 * MB},
        declared={"mimetype": {"file_size": len(ODT_MIMETYPE)}},
    )


@functools.cache
def docx_with_members(count):
    members = {f"word/media/{n}.png": "" for n in range(count)}
    return office_zip(DOCX_PARTS | members, method=zipfile.ZIP_STORED)  # stored: quicker to build


def deflated(data, *, padding=0):
    """`data` followed by `padding` spaces, deflated a megabyte at a time."""
    compressor = zlib.compressobj()
    chunks = [compressor.compress(data)]
    chunks += [compressor.compress(b" " * MB) for _ in range(padding // MB)]
    return b"".join(chunks) + compressor.flush()


def pdf_from(objects, *, packed=None, xref_data=None):
    """A PDF 1.5 of `objects` (number: body) closed by a cross-reference stream.

    `packed` (number: object stream) lists the objects that sit, first, in an object stream;
    `xref_data`, deflated, replaces the data of the cross-reference stream.
    """
    pdf = bytearray(b"%PDF-1.5\n")
    rows = {}
    for number, body in objects.items():
        rows[number] = (1, len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    rows |= {number: (2, stream) for number, stream in (packed or {}).items()}
    xref = max(rows) + 1
    rows[xref] = (1, len(pdf))
    data = b"".join(struct.pack(">BIB", *rows.get(n, (0, 0)), 0) for n in range(xref + 1))
    entries = b"/Type /XRef /Root 1 0 R /Size %d /W [1 4 1]" % (xref + 1)
    if xref_data is not None:
        data, entries = xref_data, entries + b" /Filter /FlateDecode"
    pdf += b"%d 0 obj\n<< %s /Length %d >>\nstream\n" % (xref, entries, len(data))
    pdf += data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % rows[xref][1]
    return bytes(pdf)


def object_stream(number, body, *, padding=0):
    """An object stream holding object `number`, then `padding` spaces, deflated."""
    head = b"%d 0 " % number
    data = deflated(head + body, padding=padding)
    dictionary = b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>"
    return dictionary % (len(head), len(data)) + b"\nstream\n" + data + b"\nendstream"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


@functools.cache
def pdf_whose_xref_stream_inflates_to_50_mb():
    return pdf_from({1: CATALOG, 2: PAGES, 3: PAGE}, xref_data=deflated(b"", padding=50 * MB))


@functools.cache
def pdf_whose_page_tree_sits_in_an_object_stream_of_50_mb():
    objects = {1: CATALOG, 3: PAGE, 5: object_stream(2, PAGES, padding=50 * MB)}
    return pdf_from(objects, packed={2: 5})


def pdf_whose_pages_each_sit_in_an_object_stream_of_3_mb():
    pages = range(10, 22)
    kids = b" ".join(b"%d 0 R" % page for page in pages)
    objects = {1: CATALOG, 2: b"<< /Type /Pages /Kids [%s] /Count 12 >>" % kids}
    objects |= {page + 100: object_stream(page, PAGE, padding=3 * MB) for page in pages}
    return pdf_from(objects, packed={page: page + 100 for page in pages})


def compact_pdf():
    """A PDF 1.5 whose page tree sits in an object stream, as many writers save them."""
    return pdf_from({1: CATALOG, 3: PAGE, 5: object_stream(2, PAGES)}, packed={2: 5})


@contextlib.contextmanager
def peak_memory():
    """Measure the most memory Python held at once inside the block."""
    tracemalloc.start()
    measured = {}
    try:
        yield measured
    finally:
        measured["peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


def refusal_of(content, name="upload.docx"):
    """The ValidationError an upload of `content` gets, and the memory its check took."""
    upload = SimpleUploadedFile(name, content)
    with peak_memory() as memory, pytest.raises(ValidationError) as refusal:
        validate_upload(upload)
    return refusal.value, memory["peak"]


@pytest.mark.parametrize(
    "bomb",
    [
        docx_with_50_mb_of_zeros,
        odt_whose_mimetype_is_50_mb,
        pdf_whose_page_tree_sits_in_an_object_stream_of_50_mb,
    ],
)
def test_bombs_are_refused_as_bombs_without_being_unpacked(bomb):
    refusal, peak = refusal_of(bomb())
    assert (refusal.code, refusal.messages) == ("decompression_bomb", [BOMB_MESSAGE])
    assert peak < MEMORY_BUDGET


@pytest.mark.parametrize(
    "bomb",
    [
        # The directory says 39 bytes; only reading would show otherwise.
        odt_whose_mimetype_declares_39_bytes_but_holds_50_mb,
        # pypdf cannot read the cross-reference table, so it is no PDF it can open.
        pdf_whose_xref_stream_inflates_to_50_mb,
    ],
)
def test_bombs_that_hide_their_size_are_refused_reading_a_few_kilobytes(bomb):
    refusal, peak = refusal_of(bomb())
    assert refusal.code in ("decompression_bomb", "file_type")
    assert peak < MEMORY_BUDGET


def test_a_pdf_is_checked_without_inflating_every_object_stream_its_pages_sit_in():
    upload = SimpleUploadedFile("study.pdf", pdf_whose_pages_each_sit_in_an_object_stream_of_3_mb())
    with peak_memory() as memory:
        kind = validate_upload(upload)
    # 36 MB of padding in all, but each stream is within limits and only the root is read.
    assert kind.extension == "pdf"
    assert memory["peak"] < MEMORY_BUDGET


def test_an_archive_listing_tens_of_thousands_of_members_is_refused_before_they_are_listed():
    refusal, peak = refusal_of(docx_with_members(60_000))
    assert refusal.code == "decompression_bomb"
    assert peak < MEMORY_BUDGET


def test_an_archive_of_more_members_than_an_office_document_has_is_refused():
    assert refusal_of(docx_with_members(2_001))[0].code == "decompression_bomb"


@pytest.mark.parametrize(
    ("parts", "zeros", "declared"),
    [
        # 8 MB of zeros deflate to 8 KB: a ratio of 1,000, where real documents reach 5 to 20.
        ({}, {"word/media/image1.png": 8 * MB}, {}),
        # 4 MB that declare 300 MB: a ratio of 75, but one member larger than a document's.
        (
            {"word/media/image1.png": noise(4 * MB)},
            {},
            {"word/media/image1.png": {"file_size": 300 * MB}},
        ),
        # Three times 3 MB that declare 200 MB each: 600 MB in all.
        (
            {f"word/media/image{n}.png": noise(3 * MB, n) for n in range(3)},
            {},
            {f"word/media/image{n}.png": {"file_size": 200 * MB} for n in range(3)},
        ),
        # 5 MB of compressed data declared in a file of a few kilobytes.
        ({}, {}, {"word/document.xml": {"file_size": 50 * MB, "compress_size": 5 * MB}}),
    ],
    ids=["ratio", "member-size", "total-size", "compressed-size"],
)
def test_archives_declaring_too_much_or_too_tight_a_compression_are_refused(parts, zeros, declared):
    content = office_zip(DOCX_PARTS | parts, zeros=zeros, declared=declared)
    assert refusal_of(content)[0].code == "decompression_bomb"


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_archives_packed_in_ways_office_suites_never_use_are_refused(method):
    # zipfile inflates bzip2 and lzma members without a bound on each read.
    content = office_zip(DOCX_PARTS, method=method)
    assert refusal_of(content)[0].code == "file_type"


def test_the_refusal_reads_in_french():
    with translation.override("fr"):
        refusal, _ = refusal_of(docx_with_members(2_001))
    assert refusal.messages == [
        "Ce fichier se décompresserait en bien plus de données qu’un vrai document "
        "n’en contient ; il a donc été refusé."
    ]


def words(count, seed):
    """`count` words of varied text, which deflates like real prose, about 5 to 1."""
    pick = random.Random(seed).choice
    vocabulary = ("migration", "diaspora", "study", "report", "country", "partner")
    return " ".join(pick(vocabulary) + str(pick(range(100))) for _ in range(count))


def real_docx():
    paragraphs = "".join(f"<w:p><w:r><w:t>{words(40, n)}</w:t></w:r></w:p>" for n in range(3000))
    return office_zip(
        {
            "[Content_Types].xml": "<Types/>",
            "_rels/.rels": "<Relationships/>",
            "word/document.xml": f"<w:document><w:body>{paragraphs}</w:body></w:document>",
            "word/styles.xml": "<w:styles/>" * 200,
            "docProps/core.xml": "<cp:coreProperties/>",
        }
    )


def real_xlsx():
    row = '<row r="{0}"><c r="A{0}"><v>{1}</v></c><c r="B{0}" t="s"><v>{2}</v></c></row>'
    pick = random.Random(7).randrange
    rows = "".join(row.format(n, pick(10**6), pick(500)) for n in range(1, 40_000))
    return office_zip(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml": "<workbook/>",
            "xl/worksheets/sheet1.xml": f"<worksheet><sheetData>{rows}</sheetData></worksheet>",
            "xl/sharedStrings.xml": f"<sst>{words(5000, 1)}</sst>",
        }
    )


def real_odt():
    # ODF stores `mimetype` first and uncompressed, then deflates the rest.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "content.xml", f"<office>{words(50_000, 2)}</office>", zipfile.ZIP_DEFLATED
        )
        archive.writestr("META-INF/manifest.xml", "<manifest/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "extension"),
    [
        ("plan.docx", real_docx, "docx"),
        ("budget.xlsx", real_xlsx, "xlsx"),
        ("note.odt", real_odt, "odt"),
        ("study.pdf", pdf_bytes, "pdf"),
        ("compact.pdf", compact_pdf, "pdf"),
    ],
)
def test_real_documents_still_pass(name, make, extension):
    assert validate_upload(SimpleUploadedFile(name, make())).extension == extension


def test_a_bomb_posted_in_the_admin_gets_the_message_and_nothing_is_stored(
    staff_client, seed, settings
):
    response = upload_form(staff_client, "report.docx", docx_with_50_mb_of_zeros())
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"] == [BOMB_MESSAGE]
    assert BOMB_MESSAGE in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(settings) == []
