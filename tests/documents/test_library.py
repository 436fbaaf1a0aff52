import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from documents.models import Document
from projects.models import Country, Project


def pdf_bytes():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"})
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def upload_form(staff_client, name, content, **extra):
    senegal = Country.objects.get(code="SN")
    data = {
        "title_en": "Study on Senegalese diaspora associations",
        "title_fr": "Étude sur les associations de la diaspora sénégalaise",
        "slug": "study-senegalese-diaspora",
        "category": "study",
        "language": "fr",
        "published_on": "2021-09-01",
        "countries": [senegal.pk],
        "file": SimpleUploadedFile(name, content),
        "publication": "published",
        **extra,
    }
    return staff_client.post(reverse("admin:documents_document_add"), data)


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_staff_upload_a_study_linked_to_senegal_and_the_public_finds_it(
    staff_client, client, seed, settings
):
    response = upload_form(staff_client, "Étude finale (v2).PDF", pdf_bytes())
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get()
    assert document.file.name == "documents/2021/etude-finale-v2.pdf"
    assert document.content_type == "application/pdf"
    assert (
        "Étude sur les associations de la diaspora sénégalaise"
        in client.get("/fr/pays/sn/").content.decode()
    )
    library = client.get("/fr/documents/").content.decode()
    assert "Étude sur les associations de la diaspora sénégalaise" in library
    assert (
        "Study on Senegalese diaspora associations"
        in client.get("/en/documents/?country=SN").content.decode()
    )
    download = client.get(document.get_absolute_url())
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="study-senegalese-diaspora.pdf"'
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("study.pdf", b"This is plain text pretending to be a PDF."),
        ("study.pdf", b"%PDF-1.7\nnot really a pdf at all"),
        ("study.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200),  # Windows executable
        ("report.docx", b"\x7fELF\x02\x01\x01" + b"\x00" * 200),  # Linux executable
        ("slides.docx", zip_bytes({"evil.exe": "MZ"})),  # a zip that is no office document
        ("photo.png", b"GIF89a" + b"\x00" * 64),
    ],
)
def test_disguised_or_unknown_files_are_refused_and_nothing_is_stored(
    staff_client, seed, settings, name, content
):
    response = upload_form(staff_client, name, content)
    assert response.status_code == 200
    assert "whatever its name says" in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(settings) == []


def test_an_oversized_file_is_refused_with_its_size_and_the_limit(staff_client, seed, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1024
    response = upload_form(staff_client, "big.pdf", pdf_bytes() + b"\n%" + b"x" * 2048)
    assert response.status_code == 200
    assert "the limit is 1.0\xa0KB" in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("name", "content", "stored_as", "content_type"),
    [
        (
            "plan.docx",
            DOCX,
            "plan.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "budget.xlsx",
            XLSX,
            "budget.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("note.odt", ODT, "note.odt", "application/vnd.oasis.opendocument.text"),
        ("photo.png", PNG, "photo.png", "image/png"),
        ("photo.jpeg", JPEG, "photo.jpg", "image/jpeg"),
        ("actually-a-pdf.png", pdf_bytes(), "actually-a-pdf.pdf", "application/pdf"),
    ],
)
def test_accepted_kinds_are_named_after_their_content(
    staff_client, seed, name, content, stored_as, content_type
):
    response = upload_form(staff_client, name, content)
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name == f"documents/2021/{stored_as}"
    assert document.content_type == content_type


def test_editing_a_document_without_a_new_file_keeps_the_file(staff_client, seed):
    upload_form(staff_client, "study.pdf", pdf_bytes())
    document = Document.objects.get()
    url = reverse("admin:documents_document_change", args=[document.pk])
    response = staff_client.post(
        url,
        {
            "title_en": "Renamed study",
            "title_fr": "Étude renommée",
            "slug": document.slug,
            "category": "study",
            "language": "fr",
            "published_on": "2021-09-01",
            "publication": "published",
            "seen_version": document.version,
            "countries": [c.pk for c in document.countries.all()],
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title_en == "Renamed study"
    assert document.file.name == "documents/2021/study.pdf"


def test_library_filters_by_category_language_country_and_project(client, seed):
    acss = Document.objects.create(
        slug="acss-brochure",
        title_en="ACSS brochure",
        category="factsheet",
        language="en",
        file="documents/2020/acss.pdf",
        content_type="application/pdf",
        published_on=datetime.date(2020, 1, 1),
        publication="published",
    )
    acss.projects.add(Project.objects.get(slug="acss"))
    assert (
        "ACSS brochure"
        in client.get("/en/documents/?category=factsheet&language=en&project=acss").content.decode()
    )
    assert "ACSS brochure" not in client.get("/en/documents/?category=study").content.decode()
    assert "ACSS brochure" in client.get("/en/projects/acss/").content.decode()
    assert client.get("/en/documents/?category=poem").status_code == 400


def test_a_document_whose_file_is_missing_is_a_404_not_a_500(client, seed):
    Document.objects.create(
        slug="lost",
        title_en="Lost",
        category="other",
        language="en",
        file="documents/2020/lost.pdf",
        content_type="application/pdf",
        published_on=datetime.date(2020, 1, 1),
        publication="published",
    )
    assert client.get("/en/documents/lost/").status_code == 404
    assert client.get("/en/documents/no-such-document/").status_code == 404
