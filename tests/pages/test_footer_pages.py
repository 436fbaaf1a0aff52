"""The footer on every page, the pages it links to, and what every page tells other sites."""

import re

import pytest
from django.contrib.staticfiles import finders

from partners.models import Contact

FOOTER_PAGES = [
    ("/en/about/", "/fr/a-propos/", "About the Action", "À propos de l’Action"),
    ("/en/contact/", "/fr/contact/", "Contact", "Contact"),
    ("/en/legal-notice/", "/fr/mentions-legales/", "Legal notice", "Mentions légales"),
    ("/en/privacy/", "/fr/confidentialite/", "Privacy", "Confidentialité"),
    (
        "/en/accessibility/",
        "/fr/accessibilite/",
        "Accessibility statement",
        "Déclaration d’accessibilité",
    ),
]
SOME_PAGES = ["/en/", "/fr/", "/en/projects/acss/", "/fr/pays/ml/", "/en/search/?q=bamako"]


def footer(html: str) -> str:
    return re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)


@pytest.mark.parametrize(("english", "french", "title_en", "title_fr"), FOOTER_PAGES)
def test_each_footer_page_answers_in_both_languages(
    client, seed, english, french, title_en, title_fr
):
    en, fr = client.get(english), client.get(french)
    assert en.status_code == fr.status_code == 200
    assert f"<h1>{title_en}</h1>" in en.content.decode()
    assert f"<h1>{title_fr}</h1>" in fr.content.decode()
    assert f'hreflang="fr" href="http://testserver{french}"' in en.content.decode()


@pytest.mark.parametrize("path", SOME_PAGES)
def test_every_page_links_the_footer_pages_in_its_language(client, seed, path):
    html = footer(client.get(path).content.decode())
    language = path[1:3]
    for english, french, _en, _fr in FOOTER_PAGES:
        assert f'href="{english if language == "en" else french}"' in html


def test_the_footer_states_the_funding_and_the_eu_disclaimer_in_both_languages(client, seed):
    en = footer(client.get("/en/").content.decode())
    assert "Emergency Trust Fund for Africa" in en
    assert "(BMZ)" in en
    assert "does not necessarily reflect the views of the European Union" in en
    fr = footer(client.get("/fr/").content.decode())
    assert "Fonds fiduciaire d’urgence pour l’Afrique" in fr
    assert "ne reflète pas nécessairement les opinions de l’Union européenne" in fr


def test_the_open_data_link_appears_only_once_its_page_exists(client, seed):
    from django.urls import NoReverseMatch, reverse

    html = footer(client.get("/en/").content.decode())
    try:
        url = reverse("open_data")
    except NoReverseMatch:
        assert "Open data" not in html
    else:
        assert f'href="{url}"' in html


def test_the_contact_page_lists_the_public_focal_points_only(client, seed):
    hidden = Contact.objects.get(name="Aliou Barry")
    hidden.shown_publicly = False
    hidden.save()
    html = client.get("/en/contact/").content.decode()
    assert "julien.cesana@giz.de" in html
    assert "Gilles Cressan" in html
    assert "Aliou Barry" not in html


def test_the_accessibility_statement_names_its_standard_and_its_known_issues(client, seed):
    html = client.get("/en/accessibility/").content.decode()
    assert "WCAG) 2.1 at\n    level AA" in html or "(WCAG) 2.1 at level AA" in " ".join(
        html.split()
    )
    assert 'id="known-issues"' in html
    assert 'href="/en/contact/"' in html


@pytest.mark.parametrize("path", ["/en/", "/fr/projets/acss/", "/en/about/"])
def test_every_page_describes_itself_to_other_sites_with_absolute_addresses(client, seed, path):
    html = client.get(path).content.decode()
    meta = dict(
        re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"', html)
    )
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert meta["og:title"] == meta["twitter:title"] == title
    assert meta["og:url"] == f"http://testserver{path}"
    assert meta["og:image"].startswith("http://testserver/static/")
    assert meta["twitter:card"] == "summary_large_image"
    assert len(meta["og:description"]) > 20
    locale, other = ("fr_FR", "en_GB") if path.startswith("/fr/") else ("en_GB", "fr_FR")
    assert meta["og:locale"] == locale
    assert meta["og:locale:alternate"] == other


def test_the_social_image_and_icons_exist(client, seed):
    for name in [
        "img/og-map.png",
        "img/favicon.svg",
        "img/favicon-32.png",
        "img/apple-touch-icon.png",
        "img/favicon.ico",
    ]:
        assert finders.find(name), name
    html = client.get("/en/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html


def test_favicon_ico_is_served_at_the_root(client, seed):
    # Browsers ask for /favicon.ico whatever the page says: it leads to the static icon.
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO header


@pytest.mark.parametrize("path", ["/en/about/", "/fr/a-propos/", "/fr/mentions-legales/"])
def test_the_german_name_of_giz_is_marked_as_german(client, seed, path):
    html = client.get(path).content.decode()
    assert '<span lang="de">Deutsche Gesellschaft für Internationale Zusammenarbeit</span>' in html
