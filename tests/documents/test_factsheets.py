import io
from email.utils import format_datetime

import pytest
from pypdf import PdfReader

from activities.models import Event
from documents import factsheets
from projects.models import Agreement, Project
from tests.documents import pdf
from tests.documents.pdf import text as pdf_text


@pytest.mark.parametrize(
    ("path", "title", "headings", "file_name"),
    [
        (
            "/en/projects/acss/factsheet.pdf",
            "Action for South-South Cooperation on Migration",
            ["Objective", "APPROACH", "LEAD EXECUTING AGENCY", "Data last changed on"],
            "acss-factsheet-en.pdf",
        ),
        (
            "/fr/projets/acss/fiche.pdf",
            "Action de Coopération Sud-Sud en matière de migration",
            ["Objectif", "APPROCHE", "ORGANISME DE TUTELLE", "Données modifiées le"],
            "acss-fiche-fr.pdf",
        ),
        (
            "/en/projects/modal/factsheet.pdf",
            "Mobilisation of Diaspora Organisations",
            ["MAIN ACTIVITIES", "EVENTS", "RESULTS"],
            "modal-factsheet-en.pdf",
        ),
        (
            "/fr/projets/modal/fiche.pdf",
            "Mobilisation des organisations de la diaspora",
            ["PRINCIPALES ACTIVITÉS", "ÉVÉNEMENTS", "RÉSULTATS"],
            "modal-fiche-fr.pdf",
        ),
        (
            "/en/countries/ml/factsheet.pdf",
            "Mali",
            ["MINISTRY IN CHARGE", "SOUTH-SOUTH CORRIDOR", "EVENTS HELD IN THIS COUNTRY"],
            "mali-factsheet-en.pdf",
        ),
        (
            "/fr/pays/ml/fiche.pdf",
            "Mali",
            ["MINISTÈRE DE TUTELLE", "CORRIDOR SUD-SUD", "ÉVÉNEMENTS ORGANISÉS DANS LE PAYS"],
            "mali-fiche-fr.pdf",
        ),
        (
            "/fr/pays/sn/fiche.pdf",
            "Sénégal",
            ["MINISTÈRE DE TUTELLE", "POINTS FOCAUX"],
            "senegal-fiche-fr.pdf",
        ),
    ],
)
def test_each_factsheet_renders_in_its_language(client, seed, path, title, headings, file_name):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{file_name}"'
    text = " ".join(pdf_text(response).split())
    assert title in text
    for heading in headings:
        assert heading in text


def test_project_factsheet_holds_what_the_issue_lists(client, seed):
    text = " ".join(pdf_text(client.get("/en/projects/acss/factsheet.pdf")).split())
    for fact in [
        "ACSS",
        "December 2018 – December 2021 (36 months)",
        "German Federal Ministry for Economic Cooperation and Development (BMZ)",
        "Expertise France (EF)",
        "Migration and development",
        "Joint action plans officially adopted",
        "Julien Cesana",
        "testserver/en/projects/acss",
        "Data last changed on Nov. 22, 2026",
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
    assert "Bamako (Kalaban Coura)" in " ".join(pdf_text(response).split())


def test_removing_a_shown_record_renders_anew(client, seed, render_count):
    assert "MODAL training session in Bassam" in pdf_text(
        client.get("/en/projects/modal/factsheet.pdf")
    )
    Event.objects.get(slug="modal-training-bassam-2021").delete()
    response = client.get("/en/projects/modal/factsheet.pdf")
    assert len(render_count) == 2
    assert "MODAL training session in Bassam" not in pdf_text(response)


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
    assert "Données modifiées le" in sent["data"] and "\u202f;" in sent["data"]


EVERY_FACTSHEET = [
    "/en/projects/acss/factsheet.pdf",
    "/fr/projets/acss/fiche.pdf",
    "/en/projects/modal/factsheet.pdf",
    "/fr/projets/modal/fiche.pdf",
    "/en/projects/recosa/factsheet.pdf",
    *[f"/en/countries/{code}/factsheet.pdf" for code in ("ma", "ci", "ml", "sn")],
    *[f"/fr/pays/{code}/fiche.pdf" for code in ("ma", "ci", "ml", "sn")],
]


@pytest.mark.parametrize("path", EVERY_FACTSHEET)
def test_each_factsheet_fits_its_pages(client, seed, path):
    pages = len(pdf.reader(client.get(path)).pages)
    if "/acss/" in path:
        assert pages == 2  # the Action, like its own factsheet
    else:
        assert 1 <= pages <= 2


@pytest.mark.parametrize(
    ("path", "title", "lang"),
    [
        (
            "/en/projects/acss/factsheet.pdf",
            "Action for South-South Cooperation on Migration",
            "en",
        ),
        (
            "/fr/projets/acss/fiche.pdf",
            "Action de Coopération Sud-Sud en matière de migration",
            "fr",
        ),
        ("/fr/pays/sn/fiche.pdf", "Sénégal", "fr"),
    ],
)
def test_factsheets_are_tagged_for_screen_readers(client, seed, path, title, lang):
    reader = pdf.reader(client.get(path))
    root = reader.trailer["/Root"]
    assert reader.metadata.title == title
    assert root["/Lang"] == lang
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in xmp and "pdfaid:part" in xmp  # PDF/UA-1 and PDF/A-2a


@pytest.mark.parametrize(
    ("path", "headings"),
    [
        (
            "/en/projects/acss/factsheet.pdf",
            [
                ("/H1", "Action for South-South Cooperation on Migration"),
                ("/H2", "BACKGROUND"),
                ("/H2", "PRESENTATION"),
                ("/H3", "Fields of intervention"),
                ("/H3", "Objective"),
                ("/H2", "KEY FACTS"),
                ("/H2", "APPROACH"),
                ("/H2", "COUNTRIES OF INTERVENTION"),
                ("/H2", "MAIN ACTIVITIES"),
                ("/H2", "RESULTS"),
                ("/H2", "CONTACTS"),
            ],
        ),
        (
            "/fr/pays/ml/fiche.pdf",
            [
                ("/H1", "Mali"),
                ("/H2", "RÔLE DANS L’ACTION"),
                ("/H2", "MINISTÈRE DE TUTELLE"),
                ("/H2", "POINTS FOCAUX"),
                ("/H2", "PROJETS"),
                ("/H2", "CORRIDOR SUD-SUD"),
            ],
        ),
    ],
)
def test_screen_readers_and_selection_meet_the_sections_in_reading_order(
    client, seed, path, headings
):
    response = client.get(path)
    tagged = [(kind, words) for kind, words, _ in pdf.tagged_elements(response)]
    found = [element for element in tagged if element in headings]
    assert found == headings
    # Selecting the text meets the headings in the same order, and copies words as written
    # (no soft hyphen left by a line break inside a word).
    text = pdf_text(response)
    assert "\xad" not in text
    positions = [text.index(words) for _, words in headings]
    assert positions == sorted(positions)


def test_the_steps_of_the_approach_are_numbered_in_both_languages(client, seed):
    english = " ".join(pdf_text(client.get("/en/projects/acss/factsheet.pdf")).split())
    assert (
        "1 Promoting the exchange of views and ideas, dialogue and mutual learning 2 Conducting"
        in english
    )
    assert "4 Deployment through the implementation of pilot activities" in english
    french = " ".join(pdf_text(client.get("/fr/projets/acss/fiche.pdf")).split())
    assert "3 Renforcement des capacités 4 Déploiement par la mise en œuvre" in french


def test_each_country_of_intervention_has_its_ministry_beside_its_focal_point(client, seed):
    tables = [
        words
        for kind, words, _ in pdf.tagged_elements(client.get("/en/projects/acss/factsheet.pdf"))
        if kind == "/Table"
    ]
    assert len(tables) == 1
    rows = tables[0]
    # Morocco, whose ministry leads the Action, first, as in the Action's own factsheet.
    assert rows.index("MOROCCO") < rows.index("CÔTE D’IVOIRE") < rows.index("SENEGAL")
    assert (
        "MALI Ministry for Malians living abroad Aliou Barry Country contact · EF "
        "aliou.barry@expertisefrance.fr" in rows
    )


def test_the_qr_code_leads_to_the_records_page(client, seed, monkeypatch):
    encoded = []
    real = factsheets.qr_svg

    def spy(url):
        encoded.append(url)
        return real(url)

    monkeypatch.setattr(factsheets, "qr_svg", spy)
    response = client.get("/fr/pays/ml/fiche.pdf")
    assert encoded == ["http://testserver/fr/pays/ml/"]
    assert "testserver/fr/pays/ml" in pdf_text(response)
    figures = [alt for kind, _, alt in pdf.tagged_elements(response) if kind == "/Figure"]
    assert "Code QR menant à testserver/fr/pays/ml" in figures
    assert real("http://testserver/fr/pays/ml/").startswith("<svg")


def test_a_country_factsheet_shows_its_role_corridor_activities_and_results(client, seed):
    text = " ".join(pdf_text(client.get("/en/countries/ml/factsheet.pdf")).split())
    for fact in [
        "Partner country, through the Ministry for Malians living abroad.",
        "Ministry for Malians living abroad",
        "Aliou Barry",
        "Memorandum of understanding between Morocco and Mali on migration",
        "February 2019 · with Morocco",
        "MODAL training session in Bamako",
        "About 45 participants trained on site and 30 online",
    ]:
        assert fact in text, fact
    morocco = " ".join(pdf_text(client.get("/en/countries/ma/factsheet.pdf")).split())
    assert "June 2013 · with Senegal" in morocco
    assert "January 2015 · with Côte d’Ivoire" in morocco


def test_a_long_list_stays_on_two_pages_and_says_how_many_more(client, seed):
    from activities.models import Activity
    from projects.models import Country

    mali = Country.objects.get(code="ML")
    action = Project.objects.get(slug="acss")
    for number in range(40):
        activity = Activity.objects.create(
            slug=f"extra-{number}",
            title_en=f"Extra activity number {number}",
            kind="pilot",
            project=action,
            publication="published",
        )
        activity.countries.add(mali)
    response = client.get("/en/countries/ml/factsheet.pdf")
    assert len(pdf.reader(response).pages) <= 2
    text = " ".join(pdf_text(response).split())
    more = (
        Activity.objects.published().filter(countries=mali).count() - factsheets.SHOWN["activities"]
    )
    assert f"and {more} more on the portal" in text


def test_drafts_stay_out_of_the_actions_factsheet(client, seed):
    from partners.models import Contact, Organisation, Partnership
    from projects.models import Country, Result

    action = Project.objects.get(slug="acss")
    mali = Country.objects.get(code="ML")
    ministry = Organisation.objects.create(
        slug="zq-ministry", name_en="Zq draft ministry", kind="ministry", country=mali
    )
    Partnership.objects.create(project=action, organisation=ministry, role="partner")
    Result.objects.create(slug="zq-result", title_en="Zq draft result", project=action)
    Contact.objects.create(
        name="Zq hidden person", country=mali, project=action, shown_publicly=False
    )
    text = pdf_text(client.get("/en/projects/acss/factsheet.pdf"))
    assert "Zq" not in text
    assert "Ministry for Malians living abroad" in text


def test_a_factsheet_that_pdf_ua_refuses_is_still_served(client, seed, monkeypatch):
    import typst

    real = typst.compile

    def refusing(*args, pdf_standards, **kwargs):
        if "ua-1" in pdf_standards:
            raise typst.TypstError("PDF/UA-1 error: something new")
        return real(*args, pdf_standards=pdf_standards, **kwargs)

    monkeypatch.setattr(typst, "compile", refusing)
    response = client.get("/en/countries/ml/factsheet.pdf")
    assert response.status_code == 200
    assert "/StructTreeRoot" in pdf.reader(response).trailer["/Root"]


def test_key_facts_are_split_in_order_into_balanced_columns():
    def row(label, size):
        return [label, [{"name": "x" * size, "note": ""}]]

    rows = [row("a", 90), row("b", 40), row("c", 40), row("d", 10), row("e", 95)]
    columns = factsheets.in_columns(rows)
    assert [[r[0] for r in column] for column in columns] == [["a"], ["b", "c", "d"], ["e"]]
    assert factsheets.in_columns(rows[:2]) == [[rows[0]], [rows[1]]]


def test_renaming_a_partner_moves_the_date_the_data_last_changed(client, seed):
    from partners.models import Organisation

    expo = Organisation.objects.get(slug="expertise-france")
    expo.name_en = "Expertise France, renamed"
    expo.save()
    response = client.get("/en/projects/acss/factsheet.pdf")
    expo.refresh_from_db()
    assert response["Last-Modified"] == format_datetime(
        expo.updated_at.replace(microsecond=0), usegmt=True
    )
    assert "Expertise France, renamed" in " ".join(pdf_text(response).split())


@pytest.mark.parametrize(
    "path",
    [
        "/en/projects/acss/factsheet.pdf",
        "/fr/pays/ml/fiche.pdf",
        "/en/projects/modal/factsheet.pdf",
    ],
)
def test_rendering_reads_as_many_queries_however_many_records_it_shows(client, seed, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from activities.models import Activity
    from projects.models import Country, Result

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured.captured_queries)

    before = queries()
    mali = Country.objects.get(code="ML")
    for project in Project.objects.filter(slug__in=["acss", "modal"]):
        for number in range(12):
            slug = f"{project.slug}-more-{number}"
            activity = Activity.objects.create(
                slug=slug, title_en=slug, kind="pilot", project=project, publication="published"
            )
            activity.countries.add(mali)
            result = Result.objects.create(
                slug=slug, title_en=slug, project=project, publication="published"
            )
            result.countries.add(mali)
    assert queries() == before <= 30


def test_a_figure_is_read_out_by_its_own_title_and_description():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><title id="t">Map of Mali</title>'
        '<desc id="d">Mali: 2 projects. Lines join the countries.</desc><path d="M0 0"/></svg>'
    )
    assert factsheets.text_alternative(svg) == (
        "Map of Mali. Mali: 2 projects. Lines join the countries."
    )


def test_records_are_lists_to_a_screen_reader(client, seed):
    response = client.get("/en/projects/acss/factsheet.pdf")
    items = [words for kind, words, _ in pdf.tagged_elements(response, types=("/LI",))]
    assert "Joint action plans officially adopted by the four countries Achieved · June 2019" in (
        items
    )
    assert (
        "Mapping of Malian, Senegalese, Ivorian and Moroccan emigrants in OECD countries "
        "Study or mapping" in items
    )


def test_a_staff_preview_of_a_draft_factsheet_says_it_is_not_public(staff_client, seed):
    from django.test import Client

    Project.objects.filter(slug="modal").update(publication="draft")
    assert Client().get("/en/projects/modal/factsheet.pdf").status_code == 404
    response = staff_client.get("/en/projects/modal/factsheet.pdf")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "Preview — not public (Draft)" in pdf_text(response)
    published = pdf_text(staff_client.get("/en/projects/acss/factsheet.pdf"))
    assert "not public" not in published


def test_a_factsheet_cites_the_sources_its_facts_rest_on(client, seed):
    text = " ".join(pdf_text(client.get("/fr/projets/acss/fiche.pdf")).split())
    assert "Sources : “Mobilisation of Diaspora" in text  # French spacing, the article first
    assert "Promoting cooperation between Morocco, Côte d’Ivoire, Mali and Senegal" in text
    assert "South-South Cooperation on Migration (Description du projet)" in text


@pytest.mark.parametrize(
    ("path", "map_alt", "timeline_alt"),
    [
        (
            "/en/projects/acss/factsheet.pdf",
            "Map of the Action’s four countries in West and North Africa.",
            "Projects and activities over time. Programme: RECOSA project",
        ),
        (
            "/fr/pays/ml/fiche.pdf",
            "Carte\u202f: Mali et ses pays partenaires dans l’Action.",
            "Projets et activités dans le temps. Projet\u202f: Action de Coopération Sud-Sud",
        ),
    ],
)
def test_the_map_and_the_timeline_are_figures_read_out_by_their_text(
    client, seed, path, map_alt, timeline_alt
):
    figures = [alt for kind, _, alt in pdf.tagged_elements(client.get(path)) if kind == "/Figure"]
    assert len(figures) == 3  # the map, the timeline, the QR code
    assert any(alt.startswith(map_alt) for alt in figures), figures
    assert any(alt.startswith(timeline_alt) for alt in figures), figures


def test_the_country_factsheet_map_is_the_country_pages_map_without_links(
    client, seed, monkeypatch
):
    from figures import maps

    drawn = []
    real = maps.region_map_svg

    def spy(**kwargs):
        drawn.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(maps, "region_map_svg", spy)
    client.get("/en/countries/sn/factsheet.pdf")
    assert drawn[0]["highlight"] == "SN" and drawn[0]["link"] is False
    assert {c.countries for c in drawn[0]["corridors"]} == {("MA", "SN"), ("CI", "MA", "ML", "SN")}
