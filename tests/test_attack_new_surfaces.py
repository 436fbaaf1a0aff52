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


@with_drafts
def test_no_draft_slug_is_named_by_any_path(client, monkeypatch):
    """The leak crawl looks for a draft's title; a draft's slug (in a link, a CSV cell, an
    API address, an IATI reference) is as much a leak."""
    from partners.models import Organisation
    from tests import test_leaks

    # The public records under drafts keep slugs of their own, so that "zq-" names drafts only.
    # (French slugs too: made from the English one when a record has no French title.)
    Project.objects.filter(slug="zq-child").update(slug="public-child", slug_fr="enfant-public")
    Organisation.objects.filter(slug="zq-unit").update(slug="public-unit", slug_fr="unite-publique")
    monkeypatch.setattr(test_leaks, "MARKER", "zq-")
    # A 404 page names its own address (canonical, hreflang): the visitor's own words.
    read = test_leaks.text_of
    monkeypatch.setattr(test_leaks, "text_of", lambda r: "" if r.status_code == 404 else read(r))
    seen = test_leaks.crawl(client)
    assert "/en/projects/?format=csv" in seen and "/downloads/acss-portal-csv.zip" in seen


# The admin ------------------------------------------------------------------------------------


@with_drafts
def test_an_editor_of_another_country_never_sees_its_drafts_on_their_home(client):
    client.force_login(make_staff("dakar", roles.MINISTRY_EDITOR, ["SN"]))
    page = client.get("/admin/").content.decode()
    assert MARKER not in page
    # Mali's drafts are counted nowhere on Senegal's home.
    assert "zq-" not in page


SOURCE_LINKS = [
    "projects",
    "countries",
    "themes",
    "agreements",
    "results",
    "organisations",
    "activities",
    "events",
    "publisher",
]


@with_drafts
@pytest.mark.parametrize("field", SOURCE_LINKS)
def test_the_source_admin_offers_an_editor_no_other_country_draft(client, field):
    client.force_login(make_staff("dakar", roles.MINISTRY_EDITOR, ["SN"]))
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "documents", "model_name": "source", "field_name": field, "term": "zq"},
    )
    assert response.status_code in (200, 403)
    assert MARKER not in response.content.decode()


@with_drafts
def test_an_editor_cannot_add_change_or_publish_a_source(client):
    from documents.models import Source

    client.force_login(make_staff("bamako", roles.MINISTRY_EDITOR, ["ML"]))
    assert client.get("/admin/documents/source/add/").status_code == 403
    source = Source.objects.published().first()
    posted = {
        "title": "Changed by an editor",
        "slug": source.slug,
        "kind": source.kind,
        "language": source.language,
        "publication": "published",
        "projects": [Project.objects.get(slug="zq-project").pk],
    }
    client.post("/admin/documents/source/add/", {**posted, "slug": "forged"})
    client.post(f"/admin/documents/source/{source.pk}/change/", posted)
    assert not Source.objects.filter(slug="forged").exists()
    source.refresh_from_db()
    assert source.title != "Changed by an editor"
    draft = Source.objects.get(slug="zq-source")
    client.post(
        "/admin/documents/source/",
        {"action": "publish", "_selected_action": [draft.pk], "index": 0},
    )
    draft.refresh_from_db()
    assert draft.publication == "draft"


def test_the_language_preference_takes_only_offered_languages_and_only_ones_own(client, seed):
    from backoffice.models import StaffProfile

    other = make_staff("other", roles.MINISTRY_EDITOR, ["SN"])
    me = make_staff("me", roles.TRANSLATOR)
    client.force_login(me)
    for forged in ("xx", "de", "fr\x00", "f" * 500):
        response = client.post("/admin/preferences/language/", {"language": forged})
        assert response.status_code == 302
        assert StaffProfile.objects.get(user=me).language == ""
    client.post(
        "/admin/preferences/language/", {"language": "fr", "user": other.pk, "id": other.pk}
    )
    assert StaffProfile.objects.get(user=me).language == "fr"
    assert StaffProfile.objects.get(user=other).language == ""
    assert client.get("/admin/preferences/language/").status_code == 405
    client.logout()
    response = client.post("/admin/preferences/language/", {"language": "fr"})
    assert response.status_code == 302 and "/login/" in response["Location"]


# Counts, facets, figures: adding drafts changes nothing the public reads ------------------------

UNCHANGED_BY_DRAFTS = [
    "/en/",
    "/fr/",
    "/en/projects/",
    "/en/projects/acss/",
    "/en/projects/modal/",
    "/en/activities/",
    "/en/activities/?country=SN",
    "/en/events/",
    "/en/events/?when=upcoming",
    "/en/results/",
    "/en/agreements/",
    "/en/agreements/?country=CI",
    "/en/partners/",
    "/en/documents/",
    "/en/countries/",
    "/en/countries/ml/",
    "/en/countries/sn/",
    "/en/countries/ci/",
    "/en/themes/",
    "/en/south-south-corridors/",
    "/en/feed/",
    "/en/events/feed/",
    "/en/open-data/",
    "/en/search/?q=migration",
    "/en/projects/acss/history/",
    "/api/v1/projects/",
    "/api/v1/activities/",
    "/api/v1/events/",
    "/api/v1/results/",
    "/api/v1/agreements/",
    "/api/v1/organisations/",
    "/api/v1/documents/",
    "/api/v1/openapi.json",
    "/iati/activities.xml",
    "/en/projects/?format=csv",
    "/en/events/?format=csv",
    "/en/partners/?format=csv",
    "/sitemap.xml",
]
MOMENTS = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?"


def public_texts(client):
    import re

    texts = {}
    for path in UNCHANGED_BY_DRAFTS:
        response = client.get(path)
        assert response.status_code == 200, path
        texts[path] = re.sub(MOMENTS, "<moment>", text_of(response))
    return texts


def add_drafts_only():
    """Drafts of every kind, linked to public records, and nothing public."""
    import datetime

    from activities.models import Activity, Event
    from documents.models import Document, Source
    from partners.models import Contact, Organisation, Partnership
    from projects.models import Agreement, Country, Result, ThematicArea

    ml, sn, ci = (Country.objects.get(code=code) for code in ("ML", "SN", "CI"))
    theme = ThematicArea.objects.first()
    action = Project.objects.get(slug="acss")
    project = Project.objects.create(slug="dq-project", title_en="Dq project", parent=action)
    project.countries.set([ml, sn])
    project.themes.add(theme)
    hidden = Activity.objects.create(
        slug="dq-under-draft",
        title_en="Dq published under a draft",
        kind="pilot",
        project=project,
        publication="published",
        start_date=datetime.date(2020, 5, 1),
    )
    hidden.countries.set([sn, ci])
    activity = Activity.objects.create(
        slug="dq-activity",
        title_en="Dq activity",
        kind="pilot",
        project=action,
        start_date=datetime.date(2020, 3, 1),
    )
    activity.countries.set([sn, ci])
    activity.themes.add(theme)
    for n, parent in enumerate([activity, hidden]):
        Event.objects.create(
            slug=f"dq-event-{n}",
            title_en="Dq event",
            kind="workshop",
            format="online",
            place_en="Dq",
            country=sn,
            start_date=datetime.date(2030, 1, 1),
            end_date=datetime.date(2030, 1, 2),
            activity=parent,
        )
    result = Result.objects.create(
        slug="dq-result", title_en="Dq result", project=action, theme=theme
    )
    result.countries.set([sn, ci])
    agreement = Agreement.objects.create(
        slug="dq-agreement",
        title_en="Dq pact",
        kind="memorandum",
        signed_on=datetime.date(2020, 1, 1),
    )
    agreement.countries.set([sn, ci])
    agreement.projects.add(action)
    organisation = Organisation.objects.create(
        slug="dq-organisation", name_en="Dq agency", kind="ministry", country=sn
    )
    Partnership.objects.create(project=action, organisation=organisation, role="partner")
    Contact.objects.create(name="Dq Person", country=sn, shown_publicly=False)
    document = Document.objects.create(
        slug="dq-document",
        title_en="Dq study",
        category="study",
        language="en",
        file="documents/2021/dq.pdf",
        content_type="application/pdf",
        published_on=datetime.date(2021, 1, 1),
    )
    document.countries.add(sn)
    document.projects.add(action)
    source = Source.objects.create(
        slug="dq-source", title="Dq source", kind="article", language="en"
    )
    source.projects.add(action)
    source.countries.add(sn)
    # Public records linked to the drafts: the links must not show, nor count.
    undated = Agreement.objects.published().filter(signed_on__isnull=False)
    for public in undated.exclude(projects=action)[:1]:
        public.projects.add(project)
    Agreement.objects.published().first().projects.add(project)
    for public in Document.objects.published()[:2]:
        public.projects.add(project)
        public.activities.add(activity)
    for public in Result.objects.published()[:2]:
        public.activities.add(activity, hidden)
    for public in Event.objects.published()[:2]:
        public.organisations.add(organisation)
    for public in Activity.objects.published()[:2]:
        public.organisations.add(organisation)
    Source.objects.published().first().organisations.add(organisation)


def test_adding_drafts_changes_no_count_facet_figure_or_export(client, seed):
    import difflib

    before = public_texts(client)
    add_drafts_only()
    after = public_texts(client)
    for path in UNCHANGED_BY_DRAFTS:
        if before[path] != after[path]:
            diff = difflib.unified_diff(
                before[path].splitlines(), after[path].splitlines(), lineterm="", n=1
            )
            pytest.fail(f"{path} changed with drafts only:\n" + "\n".join(list(diff)[:40]))
    # The comparison would see a leak: the same agreement, published, changes the corridors.
    from projects.models import Agreement

    Agreement.objects.filter(slug="dq-agreement").update(publication="published")
    corridors = text_of(client.get("/en/south-south-corridors/"))
    assert corridors != after["/en/south-south-corridors/"]


def autocomplete_fields():
    from django.contrib import admin

    for model, model_admin in admin.site._registry.items():
        for name in getattr(model_admin, "autocomplete_fields", ()):
            yield model._meta.app_label, model._meta.model_name, name


@with_drafts
@pytest.mark.parametrize("who", ["editor", "translator-fr"])
def test_no_autocomplete_offers_another_country_draft(client, who):
    if who == "editor":
        client.force_login(make_staff("dakar", roles.MINISTRY_EDITOR, ["SN"]))
    else:
        # Translators reach every record (to translate it): nothing to hide from them here,
        # but the answers must still be well-formed.
        client.force_login(make_staff("paul", roles.TRANSLATOR))
    for app_label, model_name, field in autocomplete_fields():
        for term in ("zq", MARKER, "\x00", "%"):
            response = client.get(
                "/admin/autocomplete/",
                {
                    "app_label": app_label,
                    "model_name": model_name,
                    "field_name": field,
                    "term": term,
                },
            )
            assert response.status_code in (200, 403, 404), (model_name, field, term)
            if who == "editor":
                assert MARKER not in response.content.decode(), (model_name, field)


@with_drafts
@pytest.mark.parametrize(
    "resource", ["projects", "activities", "events", "results", "organisations"]
)
def test_searching_for_a_drafts_words_finds_nothing(client, resource):
    """A public record found by words that only a draft (or a pending proposal) holds would
    tell that the draft exists and what it says, without showing it."""
    for words in (MARKER, f"{MARKER} agency", f"{MARKER} proposal", f"{MARKER} draft text"):
        response = client.get(f"/api/v1/{resource}/", {"q": words})
        assert response.status_code == 200
        assert response.json()["count"] == 0, (resource, words, response.json()["results"])


@with_drafts
def test_the_search_page_finds_nothing_by_a_drafts_words(client):
    import re

    page = client.get("/en/search/", {"q": MARKER}).content.decode()
    hrefs = re.findall(r'<a href="(/en/[^"?#]+/[^"?#]+/)"', page.split("<main", 1)[-1])
    assert not [h for h in hrefs if "/search/" not in h], hrefs


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_IF_MODIFIED_SINCE": "garbage"},
        {"HTTP_IF_MODIFIED_SINCE": "Sun, 06 Nov 9999 08:49:37 GMT"},
        {"HTTP_IF_NONE_MATCH": '"\x00", W/"x"' * 100},
        {"HTTP_IF_MATCH": '"nope"'},
        {"HTTP_IF_UNMODIFIED_SINCE": "Sun, 06 Nov 1994 08:49:37 GMT"},
        {"HTTP_ACCEPT_LANGUAGE": "x" * 2000},
        {"HTTP_ACCEPT_LANGUAGE": "fr;q=abc, *;q=-1"},
        {"HTTP_ACCEPT_ENCODING": "gzip;q=0, identity;q=0"},
        {"HTTP_COOKIE": "django_language=xx; sessionid"},
        {"HTTP_COOKIE": "csrftoken=" + "a" * 5000},
        {"HTTP_RANGE": "bytes=0-10"},
        {"HTTP_X_FORWARDED_FOR": "not an address"},
    ],
)
def test_odd_headers_never_give_a_500(client, seed, headers):
    for path in ("/en/projects/", "/api/v1/projects/", "/iati/activities.xml", "/en/feed/"):
        for _ in range(2):  # a miss, then a hit
            response = client.get(path, **headers)
            assert response.status_code in (200, 304, 400, 412), (path, response.status_code)


@with_drafts
@pytest.mark.parametrize(
    "path, name, draft",
    [
        ("/en/results/", "project", "zq-project"),
        ("/en/activities/", "project", "zq-project"),
        ("/en/activities/", "partner", "zq-organisation"),
        ("/en/projects/", "partner", "zq-organisation"),
        ("/en/documents/", "project", "zq-project"),
        ("/en/agreements/", "project", "zq-project"),
        ("/api/v1/results/", "project", "zq-project"),
        ("/api/v1/projects/", "partner", "zq-organisation"),
        ("/en/results/?format=csv&x=", "project", "zq-project"),
    ],
)
def test_a_draft_as_filter_value_answers_as_an_unknown_one(client, path, name, draft):
    """Otherwise the answer tells whether a draft of that slug exists."""
    separator = "&" if "?" in path else "?"
    to_draft = client.get(f"{path}{separator}{name}={draft}")
    unknown = "zz-" + draft[3:]
    to_nothing = client.get(f"{path}{separator}{name}={unknown}")
    assert to_draft.status_code == to_nothing.status_code
    assert text_of(to_draft).replace(draft, unknown) == text_of(to_nothing)


def test_a_french_translator_changes_only_a_sources_french_text(client, seed):
    from core.publication import pending_revision
    from documents.models import Source
    from tests.admin_helpers import admin_url, form_data

    translator = make_staff("paul", roles.TRANSLATOR)
    translator.staff_profile.translates_into = ["fr"]
    translator.staff_profile.save()
    client.force_login(translator)
    source = Source.objects.published().first()
    before = (source.title, source.description_en, set(source.projects.all()))
    page = client.get(admin_url(Source, "change", source))
    assert page.status_code == 200
    forged = form_data(
        page,
        description_fr="Texte revu",
        description_en="Forged English",
        title="Forged title",
        projects=[Project.objects.get(slug="modal").pk],
    )
    client.post(admin_url(Source, "change", source), forged)
    source.refresh_from_db()
    assert (source.title, source.description_en, set(source.projects.all())) == before
    revision = pending_revision(source)
    assert revision is not None
    assert set(revision.data["fields"]) == {"description_fr"}
    assert not any(revision.data["m2m"].get(name) for name in ("projects",)) or set(
        revision.data["m2m"]["projects"]
    ) == {p.pk for p in before[2]}
    assert client.get(admin_url(Source, "add")).status_code == 403


def test_no_spreadsheet_formula_survives_in_any_csv(client, seed):
    import csv
    import io
    import zipfile

    from partners.models import Organisation

    Project.objects.filter(slug="modal").update(title_en='=HYPERLINK("http://evil.example")')
    Organisation.objects.filter(slug="giz").update(description_fr="+cmd|'/C calc'!A0")
    cells = []
    for path in ("/en/projects/?format=csv", "/en/partners/?format=csv"):
        cells += [c for row in csv.reader(io.StringIO(text_of(client.get(path)))) for c in row]
    archive = zipfile.ZipFile(io.BytesIO(client.get("/downloads/acss-portal-csv.zip").content))
    for name in archive.namelist():
        text = archive.read(name).decode()
        cells += [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert '\'=HYPERLINK("http://evil.example")' in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]


@pytest.mark.parametrize("path", ["/downloads/acss-portal.json", "/iati/activities.xml"])
def test_a_bulk_file_made_for_http_is_not_served_over_https(client, seed, path):
    """The files hold absolute addresses: one made for a plain-HTTP request (a probe, a
    misconfigured proxy) must not be handed to HTTPS visitors, nor the other way round."""
    assert "http://testserver/" in text_of(client.get(path))
    cache_free = path + "?_=https"  # past the page cache, to the file's own cache
    secure = text_of(client.get(cache_free, secure=True))
    assert "http://testserver/" not in secure and "https://testserver/" in secure


def test_a_public_record_linked_only_to_a_draft_sub_project_stays_off_the_parents_page(
    client, seed
):
    import datetime

    from projects.models import Agreement, Country

    action = Project.objects.get(slug="acss")
    draft = Project.objects.create(slug="dq-sub", title_en="Dq sub-project", parent=action)
    agreement = Agreement.objects.create(
        slug="standalone-pact",
        title_en="Standalone pact",
        kind="memorandum",
        signed_on=datetime.date(2020, 3, 1),
        publication="published",
    )
    agreement.countries.set(Country.objects.filter(code__in=["ML", "SN"]))
    pages = ["/en/projects/acss/", "/en/projects/acss/factsheet.pdf", "/api/v1/projects/acss/"]
    before = {path: text_of(client.get(path)) for path in pages}
    agreement.projects.add(draft)
    for path in pages:
        assert "Standalone pact" not in text_of(client.get(path)), path
    assert "Standalone pact" not in before["/en/projects/acss/"]


@with_drafts
def test_view_on_site_leads_an_editor_to_no_other_country_draft(client):
    from django.contrib.contenttypes.models import ContentType

    from activities.models import Activity, Event
    from documents.models import Document, Source
    from partners.models import Organisation
    from projects.models import Agreement, Result

    client.force_login(make_staff("dakar", roles.MINISTRY_EDITOR, ["SN"]))
    for model, slug in [
        (Project, "zq-project"),
        (Activity, "zq-activity"),
        (Event, "zq-event"),
        (Result, "zq-result"),
        (Agreement, "zq-agreement"),
        (Organisation, "zq-organisation"),
        (Document, "zq-document"),
        (Source, "zq-source"),
    ]:
        record = model.objects.get(slug=slug)
        kind = ContentType.objects.get_for_model(model).pk
        response = client.get(f"/admin/r/{kind}/{record.pk}/", follow=True)
        assert MARKER not in response.content.decode(), model


@pytest.mark.parametrize(
    "path", ["/api/v1/projects/", "/en/events/", "/en/projects/", "/iati/activities.xml"]
)
def test_a_huge_query_string_is_refused_or_ignored_not_a_500(client, seed, path):
    query = "&".join(["country=ML"] * 5000)
    response = client.get(f"{path}?{query}&format=csv")
    assert response.status_code in (200, 400), response.status_code


@with_drafts
@pytest.mark.parametrize(
    "model_path, slug",
    [
        ("projects/project", "modal"),
        ("activities/activity", "modal-training-2021"),
        ("activities/event", "modal-training-bamako-2021"),
        ("projects/agreement", "mou-morocco-mali-2019"),
        ("documents/source", None),
        ("projects/project", "zq-child"),
    ],
)
def test_an_editor_cannot_bulk_delete_public_or_shared_records(client, model_path, slug):
    from django.apps import apps

    app_label, model_name = model_path.split("/")
    model = apps.get_model(app_label, model_name)
    record = model.objects.get(slug=slug) if slug else model.objects.published().first()
    client.force_login(make_staff("bamako", roles.MINISTRY_EDITOR, ["ML"]))
    client.post(
        f"/admin/{model_path}/",
        {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"},
    )
    assert model.objects.filter(pk=record.pk).exists()


@with_drafts
def test_the_bulk_delete_attack_would_see_a_deletion(client):
    """The same POST does delete what the editor may delete: their own country's draft."""
    from activities.models import Activity

    client.force_login(make_staff("bamako", roles.MINISTRY_EDITOR, ["ML"]))
    record = Activity.objects.get(slug="zq-activity")
    client.post(
        "/admin/activities/activity/",
        {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"},
    )
    assert not Activity.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("path", ["/admin/projects/project/", "/admin/documents/source/"])
def test_an_admin_search_with_a_null_character_is_no_500(client, seed, path):
    client.force_login(make_staff("manager", roles.PROGRAMME_MANAGER))
    assert client.get(path, {"q": "acss\x00"}).status_code == 400
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "documents",
            "model_name": "source",
            "field_name": "projects",
            "term": "\x00",
        },
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "publication__exact=%00",
        "incomplete=%00",
        "pending=%00",
        "countries__id__exact=%00",
        "o=%00",
        "p=-1",
        "e=%00",
    ],
)
def test_admin_list_parameters_with_garbage_are_no_500(client, seed, query):
    client.force_login(make_staff("manager", roles.PROGRAMME_MANAGER))
    for path in ("/admin/projects/project/", "/admin/documents/source/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 302, 400), (path, query)


@pytest.mark.parametrize("object_id", ["abc", "%00", "99999999999999999999999", "-1", "1.5"])
@pytest.mark.parametrize("view", ["change", "revision", "history", "delete"])
def test_admin_record_addresses_with_garbage_are_no_500(client, seed, object_id, view):
    client.force_login(make_staff("bamako", roles.MINISTRY_EDITOR, ["ML"]))
    for model_path in ("projects/project", "documents/source", "activities/event"):
        response = client.get(f"/admin/{model_path}/{object_id}/{view}/")
        assert response.status_code in (200, 302, 400, 403, 404), (model_path, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/r/{kind}/abc/",
        "/admin/r/{kind}/%00/",
        "/admin/r/999999/1/",
        "/admin/projects/project/{pk}/history/abc/",
        "/admin/projects/project/{pk}/history/99999999/",
        "/admin/projects/project/?pending=yes&publication__exact=bogus",
        "/admin/autocomplete/?app_label=projects&model_name=nothing&field_name=x",
        "/admin/autocomplete/?app_label=documents&model_name=source&field_name=title",
    ],
)
def test_more_admin_addresses_with_garbage_are_no_500(client, seed, path):
    from django.contrib.contenttypes.models import ContentType

    client.force_login(make_staff("bamako", roles.MINISTRY_EDITOR, ["ML"]))
    kind = ContentType.objects.get_for_model(Project).pk
    pk = Project.objects.get(slug="modal").pk
    response = client.get(path.format(kind=kind, pk=pk))
    assert response.status_code in (200, 302, 400, 403, 404), response.status_code
