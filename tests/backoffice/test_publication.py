"""Only published records reach the public: pages, lists, counts, search, sitemap, factsheets."""

import datetime
import io

import pytest
from pypdf import PdfReader

from activities.models import Activity, Event
from documents.models import Document
from partners.models import Organisation
from projects.models import Agreement, Country, Project, Result

SECRET = "Confidential draft Tombouctou"


@pytest.fixture
def drafts(seed):
    """One draft of each publishable kind, linked to Mali and to the Action."""
    mali = Country.objects.get(code="ML")
    action = Project.objects.get(slug="acss")
    project = Project.objects.create(
        slug="draft-project", title_en=f"{SECRET} project", parent=action
    )
    project.countries.add(mali)
    activity = Activity.objects.create(
        slug="draft-activity", title_en=f"{SECRET} activity", kind="pilot", project=action
    )
    activity.countries.add(mali)
    Event.objects.create(
        slug="draft-event",
        title_en=f"{SECRET} event",
        kind="workshop",
        format="on-site",
        place_en="Tombouctou",
        country=mali,
        start_date=datetime.date(2021, 10, 1),
        end_date=datetime.date(2021, 10, 2),
        activity=activity,
    )
    result = Result.objects.create(slug="draft-result", title_en=f"{SECRET} result", project=action)
    result.countries.add(mali)
    agreement = Agreement.objects.create(
        slug="draft-agreement", title_en=f"{SECRET} agreement", kind="memorandum"
    )
    agreement.countries.add(mali)
    agreement.projects.add(action)
    Organisation.objects.create(
        slug="draft-organisation", name_en=f"{SECRET} organisation", kind="other", country=mali
    )
    document = Document.objects.create(
        slug="draft-document",
        title_en=f"{SECRET} document",
        category="study",
        language="en",
        file="documents/2021/draft.pdf",
        content_type="application/pdf",
        published_on=datetime.date(2021, 1, 1),
    )
    document.countries.add(mali)
    document.projects.add(action)


PUBLIC_PAGES = [
    "/en/",
    "/en/projects/",
    "/en/projects/acss/",
    "/en/activities/",
    "/en/countries/ml/",
    "/en/themes/migration-development/",
    "/en/partners/",
    "/en/partners/adept/",
    "/en/documents/",
    "/en/search/?q=tombouctou",
    "/en/search/?q=confidential",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_drafts_appear_on_no_public_page(client, drafts, path):
    response = client.get(path)
    assert response.status_code == 200
    # Search results mark the words searched; a leak would still read as the secret.
    html = response.content.decode().replace("<mark>", "").replace("</mark>", "")
    assert SECRET not in html
    assert "draft-" not in html


@pytest.mark.parametrize(
    "path",
    [
        "/en/projects/draft-project/",
        "/en/activities/draft-activity/",
        "/en/partners/draft-organisation/",
        "/en/documents/draft-document/",
        "/en/projects/draft-project/factsheet.pdf",
    ],
)
def test_a_draft_page_is_a_404_for_the_public(client, drafts, path):
    assert client.get(path).status_code == 404


def test_drafts_are_left_out_of_factsheets_and_counts(client, drafts):
    pdf = client.get("/en/countries/ml/factsheet.pdf").content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert SECRET not in text
    home = client.get("/en/")
    assert home.context["figures"].activities == 10
    assert home.context["figures"].organisations == 13


def test_staff_preview_a_draft_as_it_will_look(staff_client, drafts):
    response = staff_client.get("/en/activities/draft-activity/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{SECRET} activity" in html
    assert "Preview" in html and "This record is not public (Draft)." in html


def test_publishing_makes_a_record_public_and_unpublishing_hides_it_again(client, drafts):
    from core.publication import change_publication
    from tests.backoffice.conftest import make_staff

    manager = make_staff("publisher", "Programme manager")
    activity = Activity.objects.get(slug="draft-activity")
    change_publication(activity, to="published", by=manager)
    assert client.get("/en/activities/draft-activity/").status_code == 200
    # The search page marks the searched word: "Confidential draft <mark>Tombouctou</mark>".
    assert "Confidential draft <mark>Tombouctou</mark> activity" in (
        client.get("/en/search/?q=tombouctou").content.decode()
    )
    change_publication(activity, to="draft", by=manager)
    assert client.get("/en/activities/draft-activity/").status_code == 404
    assert "Confidential draft" not in client.get("/en/search/?q=tombouctou").content.decode()


def test_a_published_activity_under_a_draft_project_stays_hidden(client, seed):
    Project.objects.filter(slug="modal").update(publication="draft")
    assert client.get("/en/activities/modal-training-2021/").status_code == 404
    assert "MODAL training" not in client.get("/en/activities/").content.decode()
