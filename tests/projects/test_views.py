import pytest
from django.urls import reverse
from django.utils import translation

from projects.models import Project
from tests.factories import make_activity, make_organisation, make_project


def test_root_sends_a_french_browser_to_the_french_home(client, seed):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_english_home_presents_the_action_and_lists_its_projects(client, seed):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Action for South-South Cooperation on Migration" in html
    assert 'December 2018</time> – <time datetime="2021-12">December 2021</time>' in html
    for slug in ("recosa", "acss", "modal"):
        assert f'href="/en/projects/{slug}/"' in html
    assert "Action de Coopération" not in html


def test_french_home_reads_in_french(client, seed):
    response = client.get("/fr/")
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Action de Coopération Sud-Sud en matière de migration" in html
    assert 'décembre 2018</time> – <time datetime="2021-12">décembre 2021</time>' in html
    assert "Aller au contenu principal" in html
    assert 'href="/fr/projets/modal/"' in html
    assert "Skip to main content" not in html


def test_project_page_in_french_has_its_translated_fields_and_partners(client, seed):
    response = client.get("/fr/projets/acss/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Situation initiale" not in html  # headings are the UI's, not the seed's
    assert "Contexte" in html and "Objectif" in html and "Approche" in html
    assert "des mémorandums d’entente ont été signés avec le Sénégal (juin 2013)" in html
    assert "Organisme de tutelle" in html
    assert "Ministère délégué auprès du Ministre des Affaires Étrangères" in html
    assert "Union européenne" in html


def test_project_page_in_english(client, seed):
    response = client.get(reverse("projects:detail", kwargs={"slug": "acss"}))
    assert response.request["PATH_INFO"] == "/en/projects/acss/"
    html = response.content.decode()
    assert "Lead executing agency" in html
    assert "Memorandum of understanding between Morocco and Senegal on migration" in html
    assert "June 2013" in html
    assert 'href="/en/projects/modal/"' in html  # its sub-project


def test_project_page_numbers_the_steps_of_the_approach_as_the_factsheet_does(client, seed):
    response = client.get("/fr/projets/acss/")
    steps = response.content.decode().split('<ol class="steps">')[1].split("</ol>")[0]
    assert steps.count("<li>") == 4
    assert "<li>Renforcement des capacités</li>" in steps


def test_language_switcher_leads_to_the_same_project(client, seed):
    html = client.get("/en/projects/modal/").content.decode()
    assert 'href="/fr/projets/modal/" hreflang="fr"' in html
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/projets/modal/">' in html
    html = client.get("/fr/projets/modal/").content.decode()
    assert 'href="/en/projects/modal/" hreflang="en"' in html


@pytest.mark.parametrize(
    "path",
    ["/en/projects/no-such-project/", "/fr/projets/no-such-project/", "/en/projets/no-such/"],
)
def test_unknown_project_is_a_404(client, seed, path):
    assert client.get(path, follow=True).status_code == 404


def test_a_project_address_in_french_words_under_english_leads_to_the_english_page(client, seed):
    response = client.get("/en/projets/acss/")
    assert (response.status_code, response["Location"]) == (302, "/en/projects/acss/")


def test_french_field_left_empty_falls_back_to_english(client, db):
    make_project(slug="draft", title_en="Only in English", title_fr="")
    assert "Only in English" in client.get("/fr/projets/draft/").content.decode()


def add_bulk_records(count):
    """Ten times the seed: more projects, each with partners and activities."""
    for _ in range(count):
        project = make_project(parent=Project.objects.get(slug="acss"))
        project.partnerships.create(organisation=make_organisation(), role="partner")
        make_activity(project=project)


# Each count includes the page cache's read of the content generation (a miss here).
def test_home_runs_a_fixed_number_of_queries(client, seed, django_assert_num_queries):
    # 14 for the page, 13 for the map and the figures, 1 for the page cache's generation.
    with django_assert_num_queries(28):
        client.get("/en/")
    # The same page in French: its parts and figures are kept per language.
    with translation.override("fr"), django_assert_num_queries(28):
        client.get("/fr/")
    # Another address of it: only the generation; the page's parts and figures are kept.
    with django_assert_num_queries(1):
        client.get("/en/?utm_source=newsletter")
    add_bulk_records(30)
    with django_assert_num_queries(28):
        client.get("/en/")


def test_project_page_runs_a_fixed_number_of_queries(client, seed, django_assert_num_queries):
    # 19 for the page, 9 for its figures, 1 for the page cache's generation.
    with django_assert_num_queries(29):
        client.get("/en/projects/acss/")
    # Another address of the same page (the page cache misses): the project and its countries
    # and fields for this visitor, and the generation; its sections and figures are kept.
    with django_assert_num_queries(4):
        client.get("/en/projects/acss/?from=newsletter")
    add_bulk_records(30)  # a change of content: everything is read again
    with django_assert_num_queries(29):
        client.get("/en/projects/acss/")
    with translation.override("fr"), django_assert_num_queries(29):
        client.get("/fr/projets/acss/")
