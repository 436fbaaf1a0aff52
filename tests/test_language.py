"""Switching language keeps the page, the record and the filters; missing text is marked."""

import re
from html import unescape

import pytest

from projects.models import Project


def switcher_link(html, code):
    return unescape(
        re.search(rf'<a href="([^"]+)" hreflang="{code}" lang="{code}">', html).group(1)
    )


def test_language_round_trip_on_a_filtered_list_keeps_the_filters(client, seed):
    english = client.get("/en/projects/?country=SN&theme=migration-development")
    french_url = switcher_link(english.content.decode(), "fr")
    assert french_url == "/fr/projets/?country=SN&theme=migration-development"
    french = client.get(french_url)
    assert french.status_code == 200
    assert "2 projets" in french.content.decode()
    back = switcher_link(french.content.decode(), "en")
    assert back == "/en/projects/?country=SN&theme=migration-development"


def test_language_round_trip_on_an_activity_page(client, seed):
    french = client.get(
        "/fr/activites/formation-modal-des-organisations-de-la-societe/"
    ).content.decode()
    english_url = switcher_link(french, "en")
    assert english_url == "/en/activities/modal-training-2021/"
    english = client.get(english_url).content.decode()
    assert "MODAL training session in Bamako" in english
    assert (
        switcher_link(english, "fr")
        == "/fr/activites/formation-modal-des-organisations-de-la-societe/"
    )


def test_missing_french_text_is_shown_in_english_marked_as_such(client, seed):
    Project.objects.filter(slug="modal").update(objective_fr="")
    html = client.get("/fr/projets/modal/").content.decode()
    assert '<div lang="en" class="fallback"><p>To strengthen the capacities' in html
    assert "(en anglais)" in html


def test_missing_english_text_is_shown_in_french_marked_as_such(client, seed):
    Project.objects.filter(slug="modal").update(approach_en="")
    html = client.get("/en/projects/modal/").content.decode()
    assert '<div lang="fr" class="fallback"><p>MODAL repose sur trois piliers' in html
    assert "(in French)" in html


def test_dates_and_numbers_follow_the_page_language(client, seed):
    french = client.get(
        "/fr/activites/formation-modal-des-organisations-de-la-societe/"
    ).content.decode()
    assert '9 août 2021</time> – <time datetime="2021-08-13">13 août 2021</time>' in french
    assert "environ 45 sur place, 30 en ligne" in french
    english = client.get("/en/activities/modal-training-2021/").content.decode()
    assert '9 August 2021</time> – <time datetime="2021-08-13">13 August 2021</time>' in english
    assert "about 45 on site, 30 online" in english


def test_memorandum_dates_show_only_the_month(client, seed):
    assert "juin 2013" in client.get("/fr/pays/sn/").content.decode()
    assert "June 2013" in client.get("/en/countries/sn/").content.decode()


def test_a_ministry_officer_reaches_the_bamako_training_from_the_french_home(client, seed):
    home = client.get("/fr/").content.decode()
    assert 'href="/fr/pays/ml/"' in home
    mali = client.get("/fr/pays/ml/").content.decode()
    assert "Ministère des Maliens de l’extérieur" in mali
    assert "Aliou Barry" in mali
    assert "Mémorandum d’entente entre le Maroc et le Mali en matière de migration" in mali
    link = re.search(r'href="([^"]+)"><strong>Session de formation MODAL à Bamako', mali).group(1)
    assert link == "/fr/evenements/session-de-formation-modal-a-bamako/"
    session = client.get(link).content.decode()
    assert '9 août 2021</time> – <time datetime="2021-08-13">13 août 2021</time>' in session
    activity = re.search(r'<dt>Activité</dt><dd><a href="([^"]+)"', session).group(1)
    assert activity == "/fr/activites/formation-modal-des-organisations-de-la-societe/"
    training = client.get(activity).content.decode()
    assert 'id="modal-training-bamako-2021"' in training
    assert "environ 45 sur place, 30 en ligne" in training


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/projects/", "fr", "/fr/projets/"),  # the sitemap's x-default, for a French visitor
        (
            "/activities/modal-training-2021/",
            "fr",
            "/fr/activites/formation-modal-des-organisations-de-la-societe/",
        ),
        ("/fr/projects/acss/?x=1", "fr", "/fr/projets/acss/?x=1"),
        ("/en/projets/", "en", "/en/projects/"),
    ],
)
def test_an_address_in_the_other_languages_words_leads_to_the_page(
    client, seed, path, language, expected
):
    response = client.get(path, headers={"accept-language": language}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == expected


def test_an_address_that_is_no_page_in_any_language_stays_a_404(client, seed):
    assert client.get("/fr/projets/nothing-here/").status_code == 404
    assert client.get("/nothing-here/", headers={"accept-language": "fr"}).status_code == 404
