"""Anonymous visitors get whole pages from the cache until content changes; nobody else does."""

import gzip

import pytest
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.template import Context, RequestContext, Template
from django.test import Client
from django.urls import path
from django.utils.http import http_date

from core import caching
from core.models import ContentGeneration
from core.publication import change_publication
from projects.models import Project
from tests.backoffice.conftest import make_staff
from tests.factories import make_project

PROJECT = "/en/projects/acss/"


def test_an_anonymous_visitor_gets_the_second_request_from_the_cache(
    client, seed, django_assert_num_queries
):
    first = client.get(PROJECT)
    assert first["X-Cache"] == "miss"
    # Only the content generation is read: no session, no record, no template.
    with django_assert_num_queries(1):
        second = client.get(PROJECT)
    assert second["X-Cache"] == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_change_of_content_shows_at_once(client, seed):
    assert "A renamed Action" not in client.get(PROJECT).content.decode()
    project = Project.objects.get(slug="acss")
    project.title_en = "A renamed Action"
    project.save()
    response = client.get(PROJECT)
    assert response["X-Cache"] == "miss"
    assert "A renamed Action" in response.content.decode()


def test_a_publication_shows_at_once(client, seed):
    manager = make_staff("fatou", "Programme manager")
    draft = make_project(slug="draft-marker", title_en="Draft marker", publication="draft")
    assert client.get("/en/projects/").content.decode().count("Draft marker") == 0
    assert client.get("/en/projects/draft-marker/").status_code == 404
    change_publication(draft, to="published", by=manager)
    assert "Draft marker" in client.get("/en/projects/").content.decode()
    assert client.get("/en/projects/draft-marker/").status_code == 200


def test_a_bulk_update_shows_at_once(client, seed):
    client.get(PROJECT)
    Project.objects.filter(slug="acss").update(title_en="Bulk renamed")
    assert "Bulk renamed" in client.get(PROJECT).content.decode()


def test_an_unknown_query_parameter_misses(client, seed):
    """How a benchmark measures pages uncached: each address is a page of its own."""
    client.get(PROJECT)
    assert client.get(PROJECT)["X-Cache"] == "hit"
    assert client.get(f"{PROJECT}?_=1")["X-Cache"] == "miss"
    assert client.get(f"{PROJECT}?_=2")["X-Cache"] == "miss"


def test_each_language_and_encoding_is_its_own_copy(client, seed):
    english = client.get(PROJECT)
    french = client.get("/fr/projets/acss/")
    assert '<html lang="fr">' in french.content.decode()
    zipped = client.get(PROJECT, headers={"accept-encoding": "gzip"})
    assert zipped["X-Cache"] == "miss"
    assert gzip.decompress(zipped.content) == english.content
    again = client.get(PROJECT)
    assert again["X-Cache"] == "hit"
    assert again.content == english.content


def test_a_head_request_is_answered_from_the_cache(client, seed):
    client.get(PROJECT)
    response = client.head(PROJECT)
    assert response.status_code == 200
    assert response["X-Cache"] == "hit"


def test_cacheable_pages_say_so_to_browsers_and_cdns(client, seed):
    response = client.get(PROJECT)
    cache_control = {word.strip() for word in response["Cache-Control"].split(",")}
    assert cache_control == {
        "public",
        f"max-age={settings.PAGE_MAX_AGE}",
        f"s-maxage={settings.PAGE_SHARED_MAX_AGE}",
    }
    vary = {word.strip() for word in response["Vary"].split(",")}
    assert {"Accept-Encoding", "Cookie"} <= vary
    generation = ContentGeneration.current()
    assert response["Last-Modified"] == http_date(generation.changed_at.timestamp())
    assert response["ETag"].startswith('"')


def test_a_browser_with_the_current_copy_gets_304(client, seed):
    etag = client.get(PROJECT)["ETag"]
    response = client.get(PROJECT, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_if_modified_since_gets_304_until_content_changes(client, seed):
    last_modified = client.get(PROJECT)["Last-Modified"]
    assert client.get(PROJECT, headers={"if-modified-since": last_modified}).status_code == 304
    make_project()
    assert client.get(PROJECT, headers={"if-modified-since": last_modified}).status_code == 200


def test_an_old_etag_gets_the_new_page(client, seed):
    etag = client.get(PROJECT)["ETag"]
    Project.objects.filter(slug="acss").update(title_en="Renamed again")
    response = client.get(PROJECT, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Renamed again" in response.content.decode()


def test_anonymous_visitors_get_no_session_and_no_cookie(client, seed):
    for url in ["/en/", PROJECT, "/en/projects/", "/en/search/?q=bamako", "/en/countries/ml/"]:
        response = client.get(url)
        assert response.cookies == {}, url
        assert response["X-Cache"] == "miss", url
    assert settings.SESSION_COOKIE_NAME not in client.cookies


def test_the_search_page_is_cached_by_its_query(client, seed):
    client.get("/en/search/?q=bamako")
    assert client.get("/en/search/?q=bamako")["X-Cache"] == "hit"
    assert client.get("/en/search/?q=dakar")["X-Cache"] == "miss"


def test_staff_pages_are_never_cached(staff_client, seed):
    for _ in range(2):
        response = staff_client.get(PROJECT)
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


def test_a_staff_preview_never_reaches_the_public(staff_client, seed):
    make_project(slug="secret-draft", title_en="Secret draft", publication="draft")
    for _ in range(2):
        preview = staff_client.get("/en/projects/secret-draft/")
        assert preview.status_code == 200
        assert "no-store" in preview["Cache-Control"]
        staff_client.get("/en/projects/")
    public = Client()
    assert public.get("/en/projects/secret-draft/").status_code == 404
    assert "Secret draft" not in public.get("/en/projects/").content.decode()


def test_a_draft_factsheet_stays_private_for_staff(staff_client, seed):
    Project.objects.filter(slug="acss").update(publication="draft")
    response = staff_client.get("/en/projects/acss/factsheet.pdf")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_public_factsheet_is_served_from_the_cache(client, seed, django_assert_num_queries):
    first = client.get("/en/projects/acss/factsheet.pdf")
    with django_assert_num_queries(1):
        second = client.get("/en/projects/acss/factsheet.pdf")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    # The view's own validators and freshness are kept.
    assert second["ETag"] == first["ETag"]
    assert "must-revalidate" in second["Cache-Control"]


def test_a_request_with_a_session_cookie_is_never_served_from_the_cache(client, seed):
    client.get(PROJECT)
    client.cookies[settings.SESSION_COOKIE_NAME] = "a-session-that-no-longer-exists"
    assert "X-Cache" not in client.get(PROJECT)


def test_a_request_with_credentials_is_never_served_from_the_cache(client, seed):
    client.get(PROJECT)
    assert "X-Cache" not in client.get(PROJECT, headers={"authorization": "Token abc"})


def test_the_admin_is_never_cached(client, seed):
    for _ in range(2):
        response = client.get(f"/{settings.ADMIN_PATH}login/")
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_errors_and_redirects_are_not_cached(client, seed):
    for _ in range(2):
        assert "X-Cache" not in client.get("/en/projects/no-such-project/")
        assert "X-Cache" not in client.get("/en/projects")  # redirected to the slash


def test_the_health_check_is_never_cached(client, seed):
    client.get("/healthz")
    response = client.get("/healthz")
    assert "X-Cache" not in response
    assert "no-store" in response["Cache-Control"]


def test_the_health_check_says_503_when_the_database_is_away(client, db, monkeypatch):
    from core import views

    class Broken:
        def cursor(self):
            raise DatabaseError("connection refused")

    def refused():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(ContentGeneration, "current", refused)
    monkeypatch.setattr(views, "connection", Broken())
    assert client.get("/healthz").status_code == 503


def test_pages_render_when_the_cache_is_away(client, seed, settings):
    settings.CACHES = {
        **settings.CACHES,
        # Nothing listens on port 1.
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    response = client.get(PROJECT)
    assert response.status_code == 200
    assert "<h1" in response.content.decode()


def test_a_new_release_does_not_serve_the_last_ones_pages(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<h1>Old</h1>")
    caching._release.cache_clear()
    try:
        old = caching.release()
        template.write_text("<h1>New</h1>")
        assert caching.release() == old  # read once per process
        caching._release.cache_clear()  # the next process
        assert caching.release() != old
    finally:
        caching._release.cache_clear()


def test_in_development_a_changed_template_shows_at_once(settings, tmp_path):
    settings.DEBUG = True
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<h1>Old</h1>")
    try:
        old = caching.release()
        template.write_text("<h1>New</h1>")
        assert caching.release() != old
    finally:
        caching._release.cache_clear()


# Views that only these tests route to: the middleware judges every view alike.


def sets_a_cookie(request):
    response = HttpResponse("<p>" + "a page that sets a cookie " * 20 + "</p>")
    response.set_cookie("chosen", "yes")
    return response


def holds_a_form(request):
    template = Template('<form method="post">{% csrf_token %}' + "a form " * 50 + "</form>")
    return HttpResponse(template.render(RequestContext(request)))


def plain(request):
    return HttpResponse(Template("<p>{{ text }}</p>").render(Context({"text": "plain " * 50})))


urlpatterns = [
    path("cookie/", sets_a_cookie),
    path("form/", holds_a_form),
    path("plain/", plain),
]


@pytest.mark.urls(__name__)
def test_a_response_that_sets_a_cookie_is_not_cached(client, db):
    for _ in range(2):
        response = client.get("/cookie/")
        assert "X-Cache" not in response
        assert "chosen" in response.cookies
        assert "private" in response["Cache-Control"]


@pytest.mark.urls(__name__)
def test_a_page_with_a_csrf_token_is_neither_cached_nor_compressed(db):
    client = Client()
    for _ in range(2):
        response = client.get("/form/", headers={"accept-encoding": "gzip"})
        assert b"csrfmiddlewaretoken" in response.content
        assert "X-Cache" not in response
        assert "Content-Encoding" not in response
        assert "private" in response["Cache-Control"]


@pytest.mark.urls(__name__)
def test_a_plain_view_is_cached_like_any_page(client, db):
    assert client.get("/plain/")["X-Cache"] == "miss"
    assert client.get("/plain/")["X-Cache"] == "hit"
