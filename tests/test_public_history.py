"""Each public record's published versions, on a public page: no staff names, no drafts."""

import pytest
from django.contrib.contenttypes.models import ContentType

from activities.models import Activity
from core.models import Revision
from core.publication import change_publication
from partners.models import Organisation
from projects.models import Project
from tests.backoffice.conftest import make_staff

PAGES = [
    ("/en/projects/acss/", "/en/projects/acss/history/", "/fr/projets/acss/historique/"),
    ("/en/countries/ml/", "/en/countries/ml/history/", "/fr/pays/ml/historique/"),
    (
        "/en/themes/migrants-rights/",
        "/en/themes/migrants-rights/history/",
        "/fr/themes/droits-des-migrants/historique/",
    ),
    (
        "/en/activities/modal-training-2021/",
        "/en/activities/modal-training-2021/history/",
        "/fr/activites/formation-modal-des-organisations-de-la-societe/historique/",
    ),
    ("/en/partners/giz/", "/en/partners/giz/history/", "/fr/partenaires/giz/historique/"),
]


@pytest.fixture
def manager(seed):
    return make_staff("history-manager", "Programme manager")


def versions_on(html):
    return html.count("<time datetime=")


@pytest.mark.parametrize(("page", "english", "french"), PAGES)
def test_each_record_page_links_its_public_history(client, seed, page, english, french):
    html = client.get(page).content.decode()
    assert "Last published on 22 November 2026." in html
    assert f'href="{english}"' in html
    response = client.get(english)
    assert response.status_code == 200
    assert versions_on(response.content.decode()) == 1
    assert "First published version." in response.content.decode()
    french_html = client.get(french).content.decode()
    assert "Première version publiée." in french_html


def test_a_published_change_shows_its_fields_in_the_readers_language(client, manager):
    action = Project.objects.get(slug="acss")
    action._history_user = manager
    action.title_en = "Action for South-South Cooperation on Migration, renamed"
    action.title_fr = "Action de Coopération Sud-Sud en matière de migration, renommée"
    action.save()
    html = client.get("/en/projects/acss/history/").content.decode()
    assert versions_on(html) == 2
    assert "<dt>Title</dt><dd>Action for South-South Cooperation on Migration, renamed</dd>" in html
    assert "history-manager" not in html
    french = client.get("/fr/projets/acss/historique/").content.decode()
    assert "<dt>Titre</dt><dd>Action de Coopération Sud-Sud en matière de migration, renommée" in (
        french
    )


def test_draft_versions_between_two_publications_never_appear(client, manager):
    giz = Organisation.objects.get(slug="giz")
    change_publication(giz, to="draft", by=manager)
    giz.description_en = "Draftmarker text"
    giz.save()
    giz.description_en = "Implements the Action with Expertise France."
    giz.save()
    change_publication(giz, to="published", by=manager)
    html = client.get("/en/partners/giz/history/").content.decode()
    assert "Draftmarker" not in html
    assert versions_on(html) == 2
    assert "<dd>Implements the Action with Expertise France.</dd>" in html
    assert "history-manager" not in html


def test_a_pending_revision_is_not_a_version(client, seed):
    action = Project.objects.get(slug="acss")
    Revision.objects.create(
        content_type=ContentType.objects.get_for_model(Project),
        object_id=action.pk,
        data={"fields": {"title_en": "Proposalmarker"}, "m2m": {}, "inlines": {}, "post": {}},
        base_version=action.version,
    )
    html = client.get("/en/projects/acss/history/").content.decode()
    assert "Proposalmarker" not in html
    assert versions_on(html) == 1


def test_a_relation_to_a_draft_is_not_named(client, seed):
    training = Activity.objects.get(slug="modal-training-2021")
    hidden = Organisation.objects.create(slug="hidden-org", name_en="Hiddenmarker", kind="other")
    training.organisations.add(hidden)
    html = client.get("/en/activities/modal-training-2021/history/").content.decode()
    assert versions_on(html) == 2
    assert "Hiddenmarker" not in html
    assert "<dt>Partner organisations</dt>" in html


def test_a_draft_has_no_public_history_even_for_staff(client, manager):
    change_publication(Project.objects.get(slug="modal"), to="draft", by=manager)
    client.force_login(manager)
    assert client.get("/en/projects/modal/").status_code == 200  # the staff preview
    assert client.get("/en/projects/modal/history/").status_code == 404
    # Under a draft project, an activity is not public either.
    assert client.get("/en/activities/modal-training-2021/history/").status_code == 404
    assert client.get("/en/projects/no-such-project/history/").status_code == 404
    assert client.get("/en/countries/zz/history/").status_code == 404


def test_versions_from_before_the_parent_was_public_count_as_one(client, manager):
    modal = Project.objects.get(slug="modal")
    change_publication(modal, to="draft", by=manager)
    training = Activity.objects.get(slug="modal-training-2021")
    training.summary_en = "Parentmarker summary, written while MODAL was a draft"
    training.save()
    training.summary_en = "MODAL training summary as published"
    training.save()
    change_publication(modal, to="published", by=manager)
    html = client.get("/en/activities/modal-training-2021/history/").content.decode()
    assert "Parentmarker" not in html
    assert "<dd>MODAL training summary as published</dd>" in html


def test_the_history_is_paginated_and_its_queries_bounded(
    client, seed, django_assert_max_num_queries
):
    action = Project.objects.get(slug="acss")
    for number in range(25):
        action.acronym = f"A{number}"
        action.save()
    with django_assert_max_num_queries(8):
        html = client.get("/en/projects/acss/history/").content.decode()
    assert versions_on(html) == 20
    assert "<dt>Acronym</dt><dd>A24</dd>" in html  # newest first
    second = client.get("/en/projects/acss/history/?page=2").content.decode()
    assert versions_on(second) == 6
    assert "First published version." in second
    assert client.get("/en/projects/acss/history/?page=x").status_code == 200


def test_a_text_changed_in_the_other_language_only_says_which(client, seed):
    giz = Organisation.objects.get(slug="giz")
    giz.description_fr = "Met en œuvre l’Action, texte revu."
    giz.save()
    english = client.get("/en/partners/giz/history/").content.decode()
    assert "<dt>Description (in French)</dt><dd>Met en œuvre l’Action, texte revu.</dd>" in english
    french = client.get("/fr/partenaires/giz/historique/").content.decode()
    assert "<dt>Description</dt><dd>Met en œuvre l’Action, texte revu.</dd>" in french
