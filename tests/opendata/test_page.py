"""The open data page, in both languages, linked from every page's footer."""

import re

import pytest


@pytest.mark.parametrize(
    ("path", "heading", "csv_label"),
    [
        ("/en/open-data/", "Open data", "Projects"),
        ("/fr/donnees-ouvertes/", "Données ouvertes", "Projets"),
    ],
)
def test_the_page_says_what_is_published_and_how_to_fetch_it(
    client, seed, path, heading, csv_label
):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert "https://creativecommons.org/licenses/by/4.0/" in html
    for url in (
        "/api/v1/openapi.json",
        "/iati/activities.xml",
        "/downloads/acss-portal.json",
        "/downloads/acss-portal-csv.zip",
    ):
        assert f'href="{url}"' in html
    assert re.search(rf'href="/{path[1:3]}/[a-z]+/\?format=csv" download>{csv_label}<', html)
    assert 'curl "http://testserver/api/v1/projects/?country=ML"' in html
    # The API reference lists each filter with the values it takes.
    assert "<code>country</code>" in html and "<code>ML</code>" in html


def test_every_page_links_to_it_from_the_footer(client, seed):
    footer = client.get("/fr/projets/").content.decode().split('class="site-footer"')[1]
    assert 'href="/fr/donnees-ouvertes/"' in footer
    footer = client.get("/en/").content.decode().split('class="site-footer"')[1]
    assert 'href="/en/open-data/"' in footer


def test_query_count(client, seed, django_assert_max_num_queries):
    # The page lists each resource's filters with their allowed values (countries, fields,
    # projects, organisations), a fixed number of reads whatever the size of the data.
    # (20: the projects' ?parent= and the documents' ?activity= filters each read their values.)
    with django_assert_max_num_queries(20):
        client.get("/en/open-data/")
