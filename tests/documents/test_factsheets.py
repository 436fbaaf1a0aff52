import io
from email.utils import format_datetime

import pytest
from pypdf import PdfReader

from activities.models import Event
from documents import factsheets
from projects.models import Agreement, Project


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("path", "title", "headings", "file_name"),
    [
        (
            "/en/projects/acss/factsheet.pdf",
            "Action for South-South Cooperation on Migration",
            ["Objective", "Approach", "Lead executing agency", "Data as of"],
            "acss-factsheet-en.pdf",
        ),
        (
            "/fr/projets/acss/fiche.pdf",
            "Action de Coopération Sud-Sud en matière de migration",
            ["Objectif", "Approche", "Organisme de tutelle", "Données au"],
            "acss-fiche-fr.pdf",
        ),
        (
            "/en/projects/modal/factsheet.pdf",
            "Mobilisation of Diaspora Organisations",
            ["Main activities", "Events", "Results"],
            "modal-factsheet-en.pdf",
        ),
        (
            "/fr/projets/modal/fiche.pdf",
            "Mobilisation des organisations de la diaspora",
            ["Principales activités", "Événements", "Résultats"],
            "modal-fiche-fr.pdf",
        ),
        (
            "/en/countries/ml/factsheet.pdf",
            "Mali",
            ["Ministry in charge", "Agreements", "Events"],
            "mali-factsheet-en.pdf",
        ),
        (
            "/fr/pays/ml/fiche.pdf",
            "Mali",
            ["Ministère de tutelle", "Accords", "Événements"],
            "mali-fiche-fr.pdf",
        ),
        (
            "/fr/pays/sn/fiche.pdf",
            "Sénégal",
            ["Ministère de tutelle", "Points focaux"],
            "senegal-fiche-fr.pdf",
        ),
    ],
)
def test_each_factsheet_renders_in_its_language(client, seed, path, title, headings, file_name):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{file_name}"'
    text = pdf_text(response)
    assert title in text
    for heading in headings:
        assert heading in text


def test_project_factsheet_holds_what_the_issue_lists(client, seed):
    text = " ".join(pdf_text(client.get("/en/projects/acss/factsheet.pdf")).split())
    for fact in [
        "ACSS",
        "Côte d’Ivoire, Morocco, Mali, Senegal",
        "December 2018 – December 2021",
        "German Federal Ministry for Economic Cooperation and Development (BMZ)",
        "Expertise France (EF)",
        "Migration and development",
        "Joint action plans officially adopted",
        "Memorandum of understanding between Morocco and Senegal on migration",
        "Julien Cesana",
        "http://testserver/en/projects/acss/",
        "Data as of 22 November 2026",
    ]:
        assert fact in text, fact
    # The seeds give a period, not a status.
    assert "Closed" not in text


def test_modal_factsheet_lists_the_bamako_session_with_its_dates(client, seed):
    text = " ".join(pdf_text(client.get("/fr/projets/modal/fiche.pdf")).split())
    assert "Session de formation MODAL à Bamako" in text
    assert "9 août 2021 – 13 août 2021" in text


def test_a_title_full_of_typst_markup_prints_as_itself(client, seed):
    hostile = 'Title #set page(width: 1cm) [x] $y$ *z* <label> \\ #panic("no") `raw` @ref'
    Project.objects.filter(slug="acss").update(title_en=hostile)
    response = client.get("/en/projects/acss/factsheet.pdf")
    assert response.status_code == 200
    assert hostile in " ".join(pdf_text(response).split())


def test_factsheets_are_archival_pdfs(client, seed):
    reader = PdfReader(io.BytesIO(client.get("/fr/pays/ml/fiche.pdf").content))
    metadata = reader.xmp_metadata
    assert metadata is not None
    assert "pdfaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert reader.metadata.title == "Mali"


@pytest.fixture
def render_count(monkeypatch):
    calls = []
    real = factsheets.render

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(factsheets, "render", counting)
    return calls


def test_a_repeat_is_served_from_the_cache_without_rendering(client, seed, render_count):
    first = client.get("/en/projects/acss/factsheet.pdf")
    second = client.get("/en/projects/acss/factsheet.pdf")
    assert first.content == second.content
    assert len(render_count) == 1
    client.get("/fr/projets/acss/fiche.pdf")
    assert len(render_count) == 2  # each language is its own factsheet


def test_a_change_to_something_shown_renders_anew(client, seed, render_count):
    client.get("/fr/projets/modal/fiche.pdf")
    event = Event.objects.get(slug="modal-training-bamako-2021")
    event.title_fr = "Session de formation MODAL à Bamako (Kalaban Coura)"
    event.save()
    response = client.get("/fr/projets/modal/fiche.pdf")
    assert len(render_count) == 2
    assert "Kalaban Coura" in pdf_text(response)


def test_removing_a_shown_record_renders_anew(client, seed, render_count):
    client.get("/en/projects/modal/factsheet.pdf")
    Event.objects.get(slug="modal-training-bassam-2021").delete()
    response = client.get("/en/projects/modal/factsheet.pdf")
    assert len(render_count) == 2
    assert "Bassam" not in pdf_text(response).split("Events")[1].split("Results")[0]


def test_conditional_get_answers_304(client, seed, render_count):
    first = client.get("/en/countries/ml/factsheet.pdf")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert (
        client.get("/en/countries/ml/factsheet.pdf", headers={"if-none-match": etag}).status_code
        == 304
    )
    assert (
        client.get(
            "/en/countries/ml/factsheet.pdf", headers={"if-modified-since": last_modified}
        ).status_code
        == 304
    )
    assert (
        client.get(
            "/en/countries/ml/factsheet.pdf", headers={"if-none-match": '"stale"'}
        ).status_code
        == 200
    )


def test_the_etag_changes_when_the_data_does(client, seed):
    etag = client.get("/en/countries/ml/factsheet.pdf")["ETag"]
    Agreement.objects.get(slug="mou-morocco-mali-2019").save()
    assert client.get("/en/countries/ml/factsheet.pdf")["ETag"] != etag


@pytest.mark.parametrize(
    "path",
    [
        "/en/projects/nothing/factsheet.pdf",
        "/fr/pays/zz/fiche.pdf",
        "/en/countries/ML/factsheet.pdf",
        "/fr/projets/acss/factsheet.pdf",
    ],
)
def test_unknown_factsheets_are_404(client, seed, path):
    assert client.get(path).status_code == 404


def test_project_and_country_pages_link_their_factsheet(client, seed):
    assert 'href="/fr/projets/acss/fiche.pdf"' in client.get("/fr/projets/acss/").content.decode()
    assert (
        'href="/en/countries/ml/factsheet.pdf"' in client.get("/en/countries/ml/").content.decode()
    )


def test_last_modified_is_the_newest_change_shown(client, seed):
    from projects.models import Country

    response = client.get("/en/countries/ml/factsheet.pdf")
    newest = Country.objects.get(code="ML").updated_at
    assert response["Last-Modified"] == format_datetime(newest.replace(microsecond=0), usegmt=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Objectif : renforcer", "Objectif\u202f: renforcer"),
        (
            "un guichet « mobilité » ; enfin !",
            "un guichet «\u202fmobilité\u202f»\u202f; enfin\u202f!",
        ),
        ("à 10:30, voir https://example.org/a:b", "à 10:30, voir https://example.org/a:b"),
    ],
)
def test_french_factsheets_keep_punctuation_with_its_word(text, expected):
    assert factsheets.french_spacing(text) == expected


def test_french_factsheet_text_uses_narrow_no_break_spaces(client, seed, monkeypatch):
    import typst

    sent = {}
    original = typst.compile

    def spy(*args, **kwargs):
        sent.update(kwargs["sys_inputs"])
        return original(*args, **kwargs)

    monkeypatch.setattr(typst, "compile", spy)
    assert client.get("/fr/projets/acss/fiche.pdf").status_code == 200
    assert "Données au" in sent["data"] and "\u202f:" in sent["data"]
