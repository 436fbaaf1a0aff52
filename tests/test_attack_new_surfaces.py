"""A hostile reviewer's attacks on the open data, the page cache, feeds, lists and the admin homes.

Each test is one attack: as an anonymous visitor, as a ministry editor of another country or
as a translator. The public never sees a draft by any path; an editor reaches only their
country's records; bad input gets a 400 or a 404, never a 500.
"""

import pytest
from django.core.cache import cache
from django.test import Client

from core import roles
from core.publication import change_publication
from projects.models import Project
from tests.backoffice.conftest import make_staff
from tests.test_leaks import MARKER, drafts, text_of  # noqa: F401 (the drafts fixture)

with_drafts = pytest.mark.usefixtures("drafts")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


BAD_INPUTS = [
    "/api/v1/projects/?page=0",
    "/api/v1/projects/?page=-1",
    "/api/v1/projects/?page=99999999999999999999999",
    "/api/v1/projects/?page=1e3",
    "/api/v1/projects/?page=%00",
    "/api/v1/projects/?country=%00",
    "/api/v1/projects/?country=ml",
    "/api/v1/projects/?year=%00",
    "/api/v1/projects/?year=99999999999999999999999",
    "/api/v1/projects/?year=-5",
    "/api/v1/projects/?theme=%ff%fe",
    "/api/v1/projects/?q=%00",
    "/api/v1/projects/?q=%ff%fe",
    "/api/v1/projects/?q=" + "x" * 5000,
    "/api/v1/projects/?status=abc",
    "/api/v1/projects/?status=99999999999999999999999",
    "/api/v1/projects/?partner=%00",
    "/api/v1/events/?when=%00",
    "/api/v1/events/?mode=%00",
    "/api/v1/events/?format=csv",
    "/api/v1/results/?project=%00",
    "/api/v1/agreements/?kind=%00&year=2021.5",
    "/api/v1/documents/?category=%00",
    "/api/v1/organisations/?role=%00",
    "/api/v1/nothing/",
    "/api/v1/projects/%ff/",
    "/api/v1/projects/zzz/",
    "/api/v1/countries/ml/",
    "/api/v1/countries/%00/",
    "/iati/activities/zzz.xml",
    "/iati/activities/%ff.xml",
    "/downloads/acss-portal.json?x=%00",
    "/en/events/?page=-1",
    "/en/events/?page=99999999999999999999999",
    "/en/events/?year=-5",
    "/en/events/?when=%00",
    "/en/events/?format=csv&year=abc",
    "/en/events/?format=csv&page=-1",
    "/en/events/?format=csv&q=%00",
    "/en/events/?format=xml",
    "/en/events/?format=%00",
    "/en/events/?q=%ff%fe",
    "/en/results/?project=%00",
    "/en/results/?format=csv&project=zzz",
    "/en/agreements/?project=zzz&year=2021.5",
    "/en/agreements/?format=csv&country=%00",
    "/en/activities/?format=csv&partner=%00",
    "/en/partners/?format=csv&role=%00",
    "/en/documents/?format=csv&category=%00",
    "/en/countries/?format=csv&x=%00",
    "/en/themes/?format=csv&page=-1",
    "/en/projects/acss/history/?page=abc",
    "/en/projects/acss/history/?page=-1",
    "/en/projects/acss/history/?page=99999999999999999999999",
    "/en/projects/zzz/history/",
    "/en/countries/ml/history/?page=%00",
    "/en/countries/zz/history/",
    "/en/themes/zzz/history/",
    "/en/activities/zzz/history/",
    "/en/partners/zzz/history/",
    "/en/feed/?page=%00",
    "/en/events/feed/?x=%ff",
    "/en/events/zzz/calendar.ics",
    "/en/south-south-corridors/?page=-1&x=%00",
    "/en/open-data/?q=%00",
    "/en/search/?q=%00",
    "/en/search/?q=%ff%fe&page=-1",
    "/en/countries/ml/factsheet.pdf?x=%00",
    "/en/projects/zzz/factsheet.pdf",
]


@pytest.mark.parametrize("path", BAD_INPUTS)
def test_bad_input_is_a_400_or_a_404_never_a_500(client, seed, path):
    response = client.get(path)
    assert response.status_code in (200, 301, 302, 400, 404), (path, response.status_code)


def csv_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return text_of(response)


@with_drafts
def test_list_csv_never_names_a_draft_parent(client):
    # zq-child and zq-unit are public, under a draft project and a draft organisation: the
    # list pages' querysets join the parent (select_related), which must not bypass published().
    projects = csv_of(client, "/en/projects/?format=csv")
    assert "zq-child" in projects
    assert "zq-project" not in projects
    partners = csv_of(client, "/en/partners/?format=csv")
    assert "zq-unit" in partners
    assert "zq-organisation" not in partners


# The page cache -------------------------------------------------------------------------------


@with_drafts
def test_a_staff_preview_of_a_draft_is_never_served_to_the_public(client):
    editor = make_staff("bamako", roles.MINISTRY_EDITOR, ["ML"])
    staff = Client()
    staff.force_login(editor)
    for path in ("/en/projects/zq-project/", "/en/activities/zq-activity/"):
        preview = staff.get(path)
        assert preview.status_code == 200 and MARKER in preview.content.decode()
        assert "no-store" in preview["Cache-Control"]
        assert client.get(path).status_code == 404
    # Nor a public page that a staff member read first, with their session.
    staff.get("/en/projects/acss/")
    assert MARKER not in client.get("/en/projects/acss/").content.decode()


@with_drafts
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_COOKIE": "sessionid=forged; csrftoken=x"},
        {"HTTP_X_FORWARDED_HOST": "evil.example"},
        {"HTTP_X_FORWARDED_PROTO": "https"},
        {"HTTP_ACCEPT_LANGUAGE": "fr"},
        {"HTTP_AUTHORIZATION": "Basic Zm9vOmJhcg=="},
        {"HTTP_ACCEPT_ENCODING": "gzip"},
    ],
)
def test_an_anonymous_visitor_cannot_poison_the_cache(client, headers):
    for path in ("/api/v1/projects/", "/en/projects/", "/iati/activities.xml"):
        Client().get(path, **headers)
        Client().head(path, **headers)
        plain = client.get(path)
        body = plain.content.decode()
        assert "evil.example" not in body and "https://" not in body.replace(
            "https://creativecommons", ""
        ).replace("https://e.org", "")
        assert plain.status_code == 200 and body
        if path.startswith("/api/"):
            assert plain.json()["results"][0]["title"]["en"]


STALE_PATHS = [
    "/api/v1/projects/",
    "/api/v1/projects/modal/",
    "/api/v1/countries/ML/",
    "/api/v1/activities/",
    "/iati/activities.xml",
    "/iati/activities/modal.xml",
    "/downloads/acss-portal.json",
    "/downloads/acss-portal-csv.zip",
    "/en/feed/",
    "/en/projects/",
    "/en/projects/modal/",
    "/en/projects/acss/",
    "/en/countries/ml/",
    "/en/south-south-corridors/",
    "/en/",
    "/sitemap.xml",
    "/en/open-data/",
    "/en/projects/acss/factsheet.pdf",
    "/en/countries/ml/factsheet.pdf",
]


def test_after_unpublishing_no_cached_answer_still_shows_the_record(client):
    manager = make_staff("manager", roles.PROGRAMME_MANAGER)

    title = Project.objects.get(slug="modal").title_en
    before = {path: client.get(path) for path in STALE_PATHS}
    assert any(title in text_of(r) or "/modal" in text_of(r) for r in before.values())
    assert client.get("/api/v1/projects/modal/")["X-Cache"] == "hit"
    change_publication(Project.objects.get(slug="modal"), to="draft", by=manager)
    for path in STALE_PATHS:
        response = client.get(path)
        if path.endswith(("/modal/", "/modal.xml")):
            assert response.status_code == 404, path
            continue
        body = text_of(response)
        assert "projects/modal" not in body and "projets/modal" not in body, path
