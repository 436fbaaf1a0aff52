"""No draft reaches the public, by any path: a crawl of every public URL never meets one.

A draft of every kind of record (and records under drafts, and a pending revision), each
carrying a marker and linked to published records, is put in the seed. Then every page,
factsheet, search result and sitemap entry reachable from the home pages is read, anonymously
and as a ministry editor of another country: the marker never appears.
"""

import datetime
import io
import re
import zipfile
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from pypdf import PdfReader

from activities.models import Activity, Event
from core.models import Revision
from documents.models import Document, Source
from partners.models import Contact, Organisation, Partnership
from projects.models import Agreement, Country, Project, ProjectLink, Result
from tests.backoffice.conftest import make_staff

MARKER = "Zqmarker"


@pytest.fixture
def drafts(seed):
    mali = Country.objects.get(code="ML")
    action = Project.objects.get(slug="acss")
    training = Activity.objects.get(slug="modal-training-2021")

    def draft(model, **fields):
        record = model.objects.create(**fields)
        return record

    project = draft(Project, slug="zq-project", title_en=f"{MARKER} project", parent=action)
    project.countries.add(mali)
    ProjectLink.objects.create(project=project, title_en=f"{MARKER} link", url="https://e.org/")
    child = Project.objects.create(
        slug="zq-child", title_en="Public child", parent=project, publication="published"
    )
    child.countries.add(mali)
    activity = draft(
        Activity, slug="zq-activity", title_en=f"{MARKER} activity", kind="pilot", project=action
    )
    activity.countries.add(mali)
    day = datetime.date(2021, 10, 1)
    Event.objects.create(
        slug="zq-event",
        title_en=f"{MARKER} event",
        kind="workshop",
        format="on-site",
        place_en=f"{MARKER} place",
        country=mali,
        start_date=day,
        end_date=day,
        activity=activity,
    )
    result = draft(Result, slug="zq-result", title_en=f"{MARKER} result", project=action)
    result.countries.add(mali)
    result.activities.add(training)
    agreement = draft(Agreement, slug="zq-agreement", title_en=f"{MARKER} pact", kind="memorandum")
    agreement.countries.add(mali)
    agreement.projects.add(action)
    organisation = draft(
        Organisation, slug="zq-organisation", name_en=f"{MARKER} agency", kind="other", country=mali
    )
    Organisation.objects.create(
        slug="zq-unit",
        name_en="Public unit",
        kind="other",
        country=mali,
        parent=organisation,
        publication="published",
    )
    Partnership.objects.create(project=action, organisation=organisation, role="partner")
    training.organisations.add(organisation)
    Event.objects.get(slug="modal-training-bamako-2021").organisations.add(organisation)
    Contact.objects.create(
        name=f"{MARKER} Person", country=mali, organisation=organisation, shown_publicly=True
    )
    Contact.objects.create(name=f"{MARKER} Hidden", country=mali, shown_publicly=False)
    document = draft(
        Document,
        slug="zq-document",
        title_en=f"{MARKER} study",
        category="study",
        language="en",
        file="documents/2021/zq.pdf",
        content_type="application/pdf",
        published_on=datetime.date(2021, 1, 1),
    )
    document.countries.add(mali)
    document.projects.add(action)
    document.activities.add(training)
    source = draft(
        Source, slug="zq-source", title=f"{MARKER} source", kind="article", language="en"
    )
    source.projects.add(action)
    source.countries.add(mali)
    source.organisations.add(Organisation.objects.get(slug="giz"))
    # A published organisation that was a draft for a while, with a draft text never published:
    # its public history shows the versions before and after, never the draft one.
    giz = Organisation.objects.get(slug="giz")
    giz.publication = "draft"
    giz.description_en = f"{MARKER} draft text"
    giz.save()
    giz.publication = "published"
    giz.description_en = "Implements the Action."
    giz.save()
    # A ministry's proposal for a published record, not yet published.
    from django.contrib.contenttypes.models import ContentType

    Revision.objects.create(
        content_type=ContentType.objects.get_for_model(Project),
        object_id=action.pk,
        data={"fields": {"title_en": f"{MARKER} proposal"}, "m2m": {}, "inlines": {}, "post": {}},
        base_version=action.version,
    )


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag in ("a", "link") and href:
            self.links.append(href)


def text_of(response) -> str:
    kind = response.get("Content-Type", "")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if kind.startswith("application/pdf"):
        reader = PdfReader(io.BytesIO(content))
        return " ".join(page.extract_text() for page in reader.pages)
    if kind.startswith("application/zip"):
        archive = zipfile.ZipFile(io.BytesIO(content))
        return " ".join(archive.read(name).decode() for name in archive.namelist())
    if kind.startswith(("text/", "application/xml", "application/atom+xml", "application/json")):
        return content.decode()
    return ""


def crawl(client) -> set[str]:
    """Every public URL reachable from the home pages, the sitemap and a search for the marker."""
    seen = set()
    queue = [
        "/en/",
        "/fr/",
        "/sitemap.xml",
        f"/en/search/?q={MARKER}",
        f"/fr/recherche/?q={MARKER}",
        f"/en/activities/?q={MARKER}",
        f"/en/partners/?q={MARKER}",
        f"/en/projects/?q={MARKER}",
        "/en/projects/zq-project/",
        "/en/projects/zq-project/factsheet.pdf",
        "/en/activities/zq-activity/",
        "/en/partners/zq-organisation/",
        "/en/documents/zq-document/",
        "/en/events/zq-event/",
        "/en/events/zq-event/calendar.ics",
        "/en/results/zq-result/",
        "/en/agreements/zq-agreement/",
        "/en/feed/",
        "/fr/flux/",
        "/en/events/feed/",
        "/fr/evenements/flux/",
        # Open data: the API (its index links every list, each list its records), the IATI
        # file, the bulk files; the CSVs are linked from every list page.
        "/api/v1/",
        f"/api/v1/projects/?q={MARKER}",
        "/api/v1/projects/zq-project/",
        "/api/v1/activities/zq-activity/",
        "/api/v1/organisations/zq-organisation/",
        "/api/v1/documents/zq-document/",
        "/iati/activities/zq-project.xml",
        "/en/projects/zq-project/history/",
        "/en/activities/zq-activity/history/",
        "/en/partners/zq-organisation/history/",
    ]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        body = text_of(response)
        # The visitor's own query, echoed back in the form and links, is not a leak.
        shown = re.sub(rf"(q=|value=\"|“|«\s?){MARKER}", "", body, flags=re.IGNORECASE)
        assert MARKER.lower() not in shown.lower(), f"{path} shows a draft"
        links = re.findall(r"<loc>([^<]+)</loc>", body) if path.endswith(".xml") else []
        if response.get("Content-Type", "").startswith("application/atom+xml"):
            links += re.findall(r'<link href="([^"]+)"', body)
        if response.get("Content-Type", "").startswith("application/json"):
            links += re.findall(r'"(http://testserver/[^"]+)"', body)
        if body.startswith("<!doctype html>"):
            parser = Links()
            parser.feed(body)
            links += parser.links
        for href in links:
            target = urlsplit(urljoin(f"http://testserver{path}", href))
            if target.netloc != "testserver" or target.path.startswith(("/admin/", "/static/")):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def test_no_draft_is_seen_by_the_public_by_any_path(client, drafts):
    seen = crawl(client)
    assert len(seen) > 100
    # The feeds are linked from every page's head, and their entries are followed.
    assert {"/en/feed/", "/fr/flux/", "/en/events/feed/", "/fr/evenements/flux/"} <= seen
    assert "/fr/evenements/session-de-formation-modal-a-thies/calendrier.ics" in seen
    # The open data was read too: API records, every list's CSV, the IATI and bulk files.
    for path in (
        "/api/v1/events/",
        "/api/v1/projects/modal/",
        "/en/projects/?format=csv",
        "/fr/documents/?format=csv",
        "/iati/activities.xml",
        "/downloads/acss-portal.json",
        "/downloads/acss-portal-csv.zip",
    ):
        assert path in seen, path
    for path in (
        "/en/projects/zq-project/",
        "/en/activities/zq-activity/",
        "/en/events/zq-event/",
        "/en/events/zq-event/calendar.ics",
        "/en/results/zq-result/",
        "/en/agreements/zq-agreement/",
    ):
        assert client.get(path).status_code == 404
    # The public histories were read, the changed organisation's among them.
    assert {"/en/projects/acss/history/", "/fr/partenaires/giz/historique/"} <= seen


def test_no_draft_is_seen_by_a_ministry_editor_of_another_country(client, drafts):
    client.force_login(make_staff("dakar-editor", "Ministry editor", ["SN"]))
    seen = crawl(client)
    assert len(seen) > 100
    assert client.get("/en/projects/zq-project/factsheet.pdf").status_code == 404


def test_the_crawl_would_see_a_draft_that_leaked(client, drafts):
    Project.objects.filter(slug="zq-project").update(publication="published")
    with pytest.raises(AssertionError, match="shows a draft"):
        crawl(client)
