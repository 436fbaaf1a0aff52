"""The JSON API: published records only, both languages, filters and numbers as on the list pages."""

import pytest

from partners.models import Organisation
from projects.models import Project
from tests.factories import make_organisation, make_project
from tests.opendata.helpers import make_document

RESOURCES = [
    "projects",
    "activities",
    "events",
    "results",
    "organisations",
    "countries",
    "themes",
    "agreements",
    "documents",
]


def get(client, path, expect=200, **params):
    response = client.get(path, params)
    assert response.status_code == expect, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_projects_in_mali_give_modal_in_both_languages(client, seed):
    data = get(client, "/api/v1/projects/", country="ML")
    modal = next(p for p in data["results"] if p["slug"] == "modal")
    assert modal["title"] == {
        "en": "Mobilisation of Diaspora Organisations and Local Associations for Development",
        "fr": "Mobilisation des organisations de la diaspora et des associations locales pour le développement",
    }
    assert modal["parent"] == "http://testserver/api/v1/projects/acss/"
    assert "http://testserver/api/v1/countries/ML/" in modal["countries"]
    assert {
        "organisation": "http://testserver/api/v1/organisations/adept/",
        "role": "implementer",
    } in modal["partners"]
    assert modal["page"] == {
        "en": "http://testserver/en/projects/modal/",
        "fr": "http://testserver/fr/projets/modal/",
    }
    assert modal["actual_start"] == "2020"  # known to the year only


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_resource_lists_its_published_records_and_each_opens(client, seed, resource):
    make_document()
    data = get(client, f"/api/v1/{resource}/")
    assert data["count"] == len(data["results"]) > 0
    first = data["results"][0]
    key = first.get("slug") or first.get("code")
    assert get(client, f"/api/v1/{resource}/{key}/") == first


def test_links_between_records_lead_to_records(client, seed):
    activity = get(client, "/api/v1/activities/modal-training-2021/")
    project = client.get(activity["project"])
    assert project.status_code == 200 and project.json()["slug"] == "modal"
    for country in activity["countries"]:
        assert client.get(country).status_code == 200


def test_pagination(client, seed):
    for n in range(60):
        make_organisation(slug=f"many-{n:02}")
    first = get(client, "/api/v1/organisations/")
    total = Organisation.objects.published().count()
    assert first["count"] == total and len(first["results"]) == 50
    second = get(client, first["next"].replace("http://testserver", ""))
    assert second["previous"] is not None and len(second["results"]) == total - 50
    assert second["next"] is None
    assert get(client, "/api/v1/organisations/", expect=404, page=99)["error"]
    assert get(client, "/api/v1/organisations/", expect=400, page="two")["error"]


@pytest.mark.parametrize(
    "query",
    [
        {"country": "XX"},
        {"theme": "no-such-theme"},
        {"status": "9"},
        {"year": "abc"},
        {"year": "99999"},
        {"partner": "no-such-partner"},
        {"q": "x" * 201},
    ],
)
def test_invalid_filters_are_a_400_that_says_which(client, seed, query):
    data = get(client, "/api/v1/projects/", expect=400, **query)
    assert list(data["filters"]) == list(query)


def test_unknown_resource_and_key_are_404(client, seed):
    assert client.get("/api/v1/nothing/").status_code == 404
    assert get(client, "/api/v1/projects/nothing/", expect=404)["error"]


def test_a_draft_is_never_linked_named_or_counted(client, seed):
    action = Project.objects.get(slug="acss")
    draft_parent = make_project(slug="zz-draft-parent", publication="draft")
    child = make_project(slug="zz-child", parent=draft_parent)
    draft_organisation = make_organisation(slug="zz-draft-org", publication="draft")
    action.partnerships.create(organisation=draft_organisation, role="partner")
    make_project(slug="zz-draft-child", parent=action, publication="draft")
    before = get(client, "/api/v1/projects/")["count"]
    body = client.get("/api/v1/projects/").content.decode()
    assert "zz-draft" not in body
    assert before == Project.objects.published().count()
    assert get(client, f"/api/v1/projects/{child.slug}/")["parent"] is None
    assert get(client, "/api/v1/projects/zz-draft-parent/", expect=404)
    assert "zz-draft" not in client.get("/api/v1/organisations/").content.decode()


def test_list_query_count_does_not_grow_with_records(client, seed, django_assert_max_num_queries):
    from tests.factories import multiply_seed

    multiply_seed(3)
    for resource in RESOURCES:
        with django_assert_max_num_queries(9):
            get(client, f"/api/v1/{resource}/")


def test_index_and_openapi(client, seed):
    index = get(client, "/api/v1/")
    assert set(index["resources"]) == set(RESOURCES)
    spec = get(client, "/api/v1/openapi.json")
    assert spec["openapi"].startswith("3.")
    parameters = spec["paths"]["/api/v1/projects/"]["get"]["parameters"]
    assert {p["name"] for p in parameters} == {
        "country",
        "theme",
        "status",
        "partner",
        "parent",
        "year",
        "q",
        "page",
    }


def test_the_api_sets_no_cookie(client, seed):
    response = client.get("/api/v1/projects/")
    assert not response.cookies
    # Anonymous readers share one cached copy (Vary: Cookie keeps staff answers apart).
    assert response["Cache-Control"].startswith("public")
