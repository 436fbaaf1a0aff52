"""Each seed document is a source record; every record page lists the sources it rests on."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser

from activities.models import Activity, Event
from documents.models import Source
from partners.models import Organisation
from projects.models import Agreement, Country, Project, Result, ThematicArea

SEEDS = {
    "eudif-infosheet-acss": ("infosheet", "en"),
    "action-factsheet": ("factsheet", "en"),
    "project-description-en": ("project-page", "en"),
    "project-description-fr": ("project-page", "fr"),
    "modal-article-2021": ("article", "en"),
}


def listed_sources(html):
    section = html.split('<section id="sources"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'#source-([a-z0-9-]+)"', section)


def test_each_seed_document_is_a_source(seed):
    assert {s.slug: (s.kind, s.language) for s in Source.objects.published()} == SEEDS
    article = Source.objects.get(slug="modal-article-2021")
    assert (article.author, article.date.isoformat()) == ("Kholoud EL MORABET", "2021-09-01")
    # Only the factsheet names its publisher: GIZ, responsible for its content.
    assert [s.slug for s in Source.objects.filter(publisher__slug="giz")] == ["action-factsheet"]


@pytest.mark.parametrize(
    "model", [Project, Country, ThematicArea, Agreement, Result, Organisation, Activity, Event]
)
def test_every_seeded_record_cites_a_source(seed, model):
    uncited = [str(record) for record in model.objects.all() if not record.sources.exists()]
    assert uncited == []


def test_the_library_lists_the_sources_with_their_facts(client, seed):
    html = client.get("/en/documents/").content.decode()
    assert html.count('id="source-') == 5
    assert (
        'Kholoud EL MORABET · <time datetime="2021-09-01">1 September 2021</time> · English' in html
    )
    french = client.get("/fr/documents/").content.decode()
    assert "Fiche d’information" in french


def test_the_action_page_lists_its_five_sources(client, seed):
    html = client.get("/en/projects/acss/").content.decode()
    assert sorted(listed_sources(html)) == sorted(SEEDS)


def test_a_page_lists_only_the_sources_of_its_record(client, seed):
    assert listed_sources(client.get("/en/projects/modal/").content.decode()) == [
        "modal-article-2021"
    ]
    assert listed_sources(client.get("/en/partners/dgase/").content.decode()) == [
        "eudif-infosheet-acss"
    ]
    assert listed_sources(client.get("/en/countries/ml/").content.decode()) == ["action-factsheet"]
    html = client.get("/en/activities/modal-training-2021/").content.decode()
    assert listed_sources(html) == ["modal-article-2021"]


def test_a_draft_source_is_cited_nowhere(client, seed):
    draft = Source.objects.create(
        slug="draft-source", title="Unpublished study", kind="article", language="en"
    )
    draft.projects.add(Project.objects.get(slug="acss"))
    assert "Unpublished study" not in client.get("/en/projects/acss/").content.decode()
    assert "Unpublished study" not in client.get("/en/documents/").content.decode()


def test_a_source_names_its_publisher_only_while_it_is_public(client, seed):
    Organisation.objects.filter(slug="giz").update(publication="draft")
    html = client.get("/en/documents/").content.decode()
    item = html.split('id="source-action-factsheet"', 1)[1].split("</li>", 1)[0]
    assert "GIZ" not in item


def test_the_selectors_give_the_sources_to_factsheets_and_exports(seed):
    from projects.selectors import country_page, project_page

    assert len(project_page(user=AnonymousUser(), slug="acss")["sources"]) == 5
    assert [s.slug for s in country_page(user=AnonymousUser(), code="sn")["sources"]] == [
        "action-factsheet",
        "eudif-infosheet-acss",
    ]


def test_staff_keep_sources_in_the_admin(staff_client, seed):
    source = Source.objects.get(slug="action-factsheet")
    assert staff_client.get("/admin/documents/source/").status_code == 200
    assert staff_client.get("/admin/documents/source/add/").status_code == 200
    page = staff_client.get(f"/admin/documents/source/{source.pk}/change/").content.decode()
    assert "Promoting cooperation between Morocco" in page
