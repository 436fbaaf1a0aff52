"""Filtering the lists, alone and combined, with counts beside each choice."""

import re

import pytest

from projects.models import Project


def listed(response):
    """The slugs of the records a list page shows, in order (not the records they name)."""
    html = response.content.decode()
    section = html.split('class="list-results"')[1]
    path = re.escape(response.request["PATH_INFO"])
    return re.findall(rf'href="{path}([a-z0-9-]+)/"', section.split("</section>")[0])


def count_label(response, name, value):
    html = response.content.decode()
    match = re.search(
        rf'name="{name}" value="{value}"[^>]*>[^(]*?\((\d+)\)|<option value="{value}"[^>]*>[^<(]+\((\d+)\)',
        html,
    )
    return int(next(group for group in match.groups() if group))


def test_projects_filtered_by_senegal_and_a_theme(client, seed):
    response = client.get("/en/projects/", {"country": "SN", "theme": "migration-development"})
    assert response.status_code == 200
    assert sorted(listed(response)) == ["acss", "modal"]


def test_filter_by_two_countries_lists_union(client, seed):
    response = client.get("/en/activities/?country=MA&country=SN")
    slugs = listed(response)
    assert "modal-training-2021" in slugs  # Senegal only
    assert "modal-identification-of-organisations" in slugs  # Morocco too
    assert len(slugs) == len(set(slugs))


def test_filter_by_theme_excludes_other_themes(client, seed):
    slugs = listed(client.get("/en/activities/", {"theme": "migrants-rights"}))
    assert slugs == ["adaptation-moroccan-integration-measures"]


def test_filter_by_type_and_year(client, seed):
    assert listed(client.get("/en/activities/", {"type": "capacity-building"})) == [
        "modal-training-2021",
        "skills-and-dialogue-platforms",
    ]
    in_2021 = listed(client.get("/en/activities/", {"year": "2021"}))
    assert "modal-training-2021" in in_2021 and "modal-pilot-funding-mechanism" in in_2021
    assert listed(client.get("/en/activities/", {"year": "2019"})) == []


def test_year_filter_reads_a_project_period(client, seed):
    assert "acss" in listed(client.get("/en/projects/", {"year": "2019"}))
    assert "acss" not in listed(client.get("/en/projects/", {"year": "2017"}))


def test_filter_by_partner_and_status(client, seed):
    assert listed(client.get("/en/projects/", {"partner": "adept"})) == ["modal"]
    # The seeds give no project a status; one that staff set is filtered on.
    assert listed(client.get("/en/projects/", {"status": "2"})) == []
    Project.objects.filter(slug="modal").update(status=2)
    assert listed(client.get("/en/projects/", {"status": "2"})) == ["modal"]
    assert listed(client.get("/en/partners/", {"type": "civil-society", "country": "ML"})) == [
        "fecong"
    ]


def test_text_filter_is_accent_insensitive(client, seed):
    assert listed(client.get("/en/activities/", {"q": "thies"})) == ["modal-training-2021"]


def test_each_choice_shows_how_many_records_it_gives(client, seed):
    response = client.get("/en/activities/", {"country": "SN"})
    assert count_label(response, "country", "SN") == 10
    assert count_label(response, "type", "capacity-building") == 2
    assert count_label(response, "type", "pilot") == 2
    # Counts beside a country follow the other filters, not the country filter itself.
    response = client.get("/en/activities/", {"type": "capacity-building"})
    assert count_label(response, "country", "MA") == 1
    assert count_label(response, "country", "ML") == 2


def test_filtered_list_reads_in_french(client, seed):
    html = client.get("/fr/activites/", {"country": "ML"}).content.decode()
    assert "Pays" in html and "Appliquer les filtres" in html and "activités" in html
    assert "Formation MODAL des organisations de la société civile et de la diaspora" in html


def test_list_pages_paginate_and_keep_the_filters(client, seed):
    from tests.factories import multiply_seed

    multiply_seed(12)
    response = client.get("/en/activities/", {"country": "ML"})
    html = response.content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?country=ML&amp;page=2"' in html
    assert (
        "Page 2 of 2"
        in client.get("/en/activities/", {"country": "ML", "page": 2}).content.decode()
    )


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/en/projects/", {"country": "XX"}),
        ("/en/projects/", {"theme": "no-such-theme"}),
        ("/en/projects/", {"partner": "nobody"}),
        ("/en/projects/", {"status": "99"}),
        ("/en/projects/", {"status": "closed"}),
        ("/en/activities/", {"year": "twenty"}),
        ("/en/activities/", {"year": "99999999999999999999"}),
        ("/en/activities/", {"type": "<script>"}),
        ("/en/partners/", {"role": "king"}),
        ("/en/activities/", {"q": "x" * 5000}),
        ("/en/activities/", {"q": "bamako\x00"}),
    ],
)
def test_bad_filter_values_give_a_400_page_that_says_why(client, seed, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="form-errors"' in html
    assert "<script>" not in html


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999999999999999999", "1e9", "\x00"])
def test_odd_page_numbers_give_a_normal_page(client, seed, page):
    response = client.get("/en/activities/", {"page": page})
    assert response.status_code == 200
    assert listed(response)


def test_unknown_filter_names_are_ignored(client, seed):
    response = client.get("/en/projects/", {"colour": "blue"})
    assert response.status_code == 200
    assert len(listed(response)) == 3
