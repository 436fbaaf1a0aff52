"""French pages have French addresses; the other language's slug moves to the right one."""

import pytest

from activities.models import Activity
from core.slugs import derive

FRENCH_TRAINING = "/fr/activites/formation-modal-des-organisations-de-la-societe/"


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/fr/activites/modal-training-2021/", FRENCH_TRAINING),
        (
            "/en/activities/formation-modal-des-organisations-de-la-societe/",
            "/en/activities/modal-training-2021/",
        ),
        (
            "/fr/themes/migration-development/?page=1",
            "/fr/themes/migration-et-developpement/?page=1",
        ),
        (
            "/fr/partenaires/ministry-malians-abroad/",
            "/fr/partenaires/ministere-des-maliens-de-l-exterieur/",
        ),
    ],
)
def test_the_other_languages_slug_moves_for_good_to_the_pages_own(client, seed, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target


def test_french_pages_link_french_slugs_and_the_switcher_each_languages_own(client, seed):
    html = client.get(FRENCH_TRAINING).content.decode()
    assert 'hreflang="en" lang="en">English</a>' in html
    assert 'href="/en/activities/modal-training-2021/" hreflang="en"' in html
    activities = client.get("/fr/activites/").content.decode()
    assert f'href="{FRENCH_TRAINING}"' in activities
    assert 'href="/fr/activites/modal-training-2021/"' not in activities


def test_a_draft_is_a_404_under_either_slug(client, seed):
    activity = Activity.objects.get(slug="modal-training-2021")
    Activity.objects.filter(pk=activity.pk).update(publication="draft")
    assert client.get(FRENCH_TRAINING).status_code == 404
    assert client.get("/fr/activites/modal-training-2021/").status_code == 404


def test_a_new_record_gets_a_french_slug_from_its_french_title(seed):
    activity = Activity.objects.get(slug="modal-training-2021")
    activity.pk = None
    activity.slug = "modal-training-copy"
    activity.slug_fr = ""
    activity.save()
    # The French title is taken by the original: the copy is numbered.
    assert activity.slug_fr == "formation-modal-des-organisations-de-la-societe-2"


def test_french_slugs_are_short_lower_case_and_keep_acronyms():
    assert (
        derive(
            slug="acss", title_fr="Action de Coopération", acronym="ACSS", is_taken=lambda s: False
        )
        == "acss"
    )
    assert (
        derive(
            slug="rights",
            title_fr="Droits des migrant·e·s et de l’État de la région de Thiès-Ouest au Sénégal",
            is_taken=lambda s: False,
        )
        == "droits-des-migrants-et-de-l-etat-de-la-region"
    )
