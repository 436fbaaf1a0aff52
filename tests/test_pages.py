"""Every public page type, in both languages, within a fixed query budget."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.factories import multiply_seed

PAGES = [
    ("/en/", "/fr/"),
    ("/en/projects/", "/fr/projets/"),
    ("/en/projects/acss/", "/fr/projets/acss/"),
    ("/en/activities/", "/fr/activites/"),
    (
        "/en/activities/modal-training-2021/",
        "/fr/activites/formation-modal-des-organisations-de-la-societe/",
    ),
    ("/en/countries/", "/fr/pays/"),
    ("/en/countries/ml/", "/fr/pays/ml/"),
    ("/en/themes/", "/fr/themes/"),
    ("/en/themes/migration-development/", "/fr/themes/migration-et-developpement/"),
    ("/en/partners/", "/fr/partenaires/"),
    ("/en/partners/dgase/", "/fr/partenaires/dgase/"),
    ("/en/search/?q=bamako", "/fr/recherche/?q=bamako"),
    ("/en/documents/", "/fr/documents/"),
    ("/en/events/", "/fr/evenements/"),
    ("/en/events/modal-training-thies-2021/", "/fr/evenements/session-de-formation-modal-a-thies/"),
    ("/en/results/", "/fr/resultats/"),
    (
        "/en/results/modal-participants-trained-2021/",
        "/fr/resultats/environ-45-participants-formes-sur-place-et-30/",
    ),
    ("/en/agreements/", "/fr/accords/"),
    (
        "/en/agreements/mou-morocco-senegal-2013/",
        "/fr/accords/memorandum-d-entente-entre-le-maroc-et-le-senegal/",
    ),
    ("/en/south-south-corridors/", "/fr/corridors-sud-sud/"),
]

# Queries per page type; the same with ten times the seed's records. A record page's sources
# take one query, its "last published" date two and one per relation its history keeps.
# The map and the figures (figures/selectors.py) add aggregated queries: 7 on the home page
# (countries, corridors, sub-projects, timeline activities, timeline agreements, counts by
# country, by theme), 5 on a project's page, 6 on a country's page.
BUDGETS = {
    "/en/": 27,
    "/en/projects/": 11,
    "/en/projects/acss/": 28,
    "/en/activities/": 14,
    "/en/activities/modal-training-2021/": 15,
    "/en/countries/": 2,
    "/en/countries/ml/": 26,
    "/en/themes/": 1,
    "/en/themes/migration-development/": 9,
    "/en/partners/": 6,
    "/en/partners/dgase/": 8,
    "/en/search/?q=bamako": 2,
    "/en/documents/": 11,
    "/en/events/": 8,
    "/en/events/modal-training-thies-2021/": 4,
    "/en/results/": 10,
    "/en/results/modal-participants-trained-2021/": 6,
    "/en/agreements/": 8,
    "/en/agreements/mou-morocco-senegal-2013/": 4,
    "/en/south-south-corridors/": 7,
}


@pytest.mark.parametrize(("english", "french"), PAGES)
def test_each_page_type_answers_in_both_languages(client, seed, english, french):
    en = client.get(english)
    fr = client.get(french)
    assert en.status_code == fr.status_code == 200
    assert '<html lang="en">' in en.content.decode()
    assert '<html lang="fr">' in fr.content.decode()
    # The French page's interface is French.
    assert "Aller au contenu principal" in fr.content.decode()
    assert "Skip to main content" not in fr.content.decode()


@pytest.mark.parametrize(("english", "french"), PAGES)
def test_each_page_links_its_other_language_version(client, seed, english, french):
    html = client.get(english).content.decode()
    other_path = french.split("?")[0]
    assert f'<link rel="alternate" hreflang="fr" href="http://testserver{other_path}' in html
    assert (
        f'<link rel="alternate" hreflang="en" href="http://testserver{english.split("?")[0]}'
        in html
    )
    assert f'<link rel="canonical" href="http://testserver{english.split("?")[0]}">' in html
    assert re.search(r'<meta name="description" content="[^"]{20,}">', html)


# The page cache reads the content generation before it looks for the page, then misses here
# (the records changed): acss_portal.middleware.page_cache.
PAGE_CACHE_QUERIES = 1


@pytest.mark.parametrize("path", list(BUDGETS))
def test_each_page_type_runs_a_fixed_number_of_queries(
    client, seed, django_assert_num_queries, path
):
    multiply_seed(1)  # every kind of related record present at least once
    with django_assert_num_queries(BUDGETS[path] + PAGE_CACHE_QUERIES):
        assert client.get(path).status_code == 200
    multiply_seed(9)
    with django_assert_num_queries(BUDGETS[path] + PAGE_CACHE_QUERIES):
        assert client.get(path).status_code == 200


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def test_following_every_link_from_both_home_pages_never_reaches_an_error(client, seed):
    seen, queue = set(), ["/en/", "/fr/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, path
        if not response["Content-Type"].startswith("text/html"):
            continue  # factsheets and documents
        parser = LinkParser()
        parser.feed(response.content.decode())
        for href in parser.links:
            target = urlsplit(urljoin(f"http://testserver{path}", href))
            if target.scheme not in ("http", "https") or target.netloc != "testserver":
                continue  # mailto: and outside sites
            if target.path.startswith("/admin/"):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    assert len(seen) > 60


def test_sitemap_lists_every_page_in_both_languages_with_alternates(client, seed):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in ("/en/projects/modal/", "/fr/projets/modal/", "/en/countries/sn/", "/fr/pays/sn/"):
        assert f"<loc>http://testserver{path}</loc>" in xml
    assert (
        'hreflang="fr" href="http://testserver/fr/activites/formation-modal-des-organisations-de-la-societe/"'
        in xml
    )
    assert 'hreflang="x-default"' in xml


def test_robots_points_to_the_sitemap_and_does_not_name_the_admin(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "admin" not in body.lower()


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/no-such-page/"])
def test_every_admin_response_asks_robots_not_to_index_it(client, db, path):
    assert client.get(path)["X-Robots-Tag"] == "noindex, nofollow"


def test_public_pages_may_be_indexed(client, seed):
    # Django marks the sitemap itself noindex.
    for path in ("/en/", "/fr/projets/acss/", "/robots.txt", "/healthz"):
        assert "X-Robots-Tag" not in client.get(path)


@pytest.fixture
def hidden_admin(settings):
    """The admin at a custom ADMIN_PATH; the URLs read it at import, so they are built again."""
    import importlib.util

    settings.ADMIN_PATH = "back-office-7f3a/"
    spec = importlib.util.find_spec("acss_portal.urls")
    urls = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(urls)
    settings.ROOT_URLCONF = urls


def test_a_custom_admin_path_is_hidden_from_robots(client, db, hidden_admin):
    login = client.get("/back-office-7f3a/login/")
    assert login.status_code == 200
    assert login["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get("/admin/login/").status_code == 404
    body = client.get("/robots.txt").content.decode()
    assert "back-office" not in body and "admin" not in body.lower()


def test_404_page_is_translated(client, db):
    response = client.get("/fr/projets/nothing-here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html and '<html lang="fr">' in html


def test_500_page_is_translated(db, monkeypatch):
    from django.test import Client

    from projects import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "render", broken)
    response = Client(raise_request_exception=False).get("/fr/themes/")
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()
