"""CSV of every list: what the filters select, both languages, safe in a spreadsheet, same numbers as the API."""

import csv
import io
import re

import pytest

from partners.models import Organisation
from tests.factories import make_organisation
from tests.opendata.helpers import make_document

LISTS = {
    # list page: (API resource, filter combinations the page offers)
    "/en/projects/": (
        "projects",
        [
            {},
            {"country": "SN"},
            {"country": ["ML", "SN"], "theme": "migration-development"},
            {"partner": "adept"},
            {"year": "2019"},
            {"q": "diaspora"},
        ],
    ),
    "/en/activities/": (
        "activities",
        [
            {},
            {"country": ["MA", "SN"]},
            {"type": "capacity-building"},
            {"year": "2021"},
            {"project": "modal"},
            {"theme": "migrants-rights"},
        ],
    ),
    "/en/partners/": (
        "organisations",
        [{}, {"country": "ML"}, {"type": "civil-society"}, {"role": "funder"}, {"q": "ministry"}],
    ),
    "/en/documents/": (
        "documents",
        [{}, {"country": "ML"}, {"language": "fr"}, {"language": "en"}],
    ),
    "/en/events/": (
        "events",
        [{}, {"country": "SN"}, {"when": "past"}, {"type": "training"}, {"year": "2021"}],
    ),
    "/en/results/": ("results", [{}, {"country": "ML"}, {"project": "modal"}]),
    "/en/agreements/": ("agreements", [{}, {"country": "MA"}, {"kind": "memorandum"}]),
    "/en/countries/": ("countries", [{}]),
    "/en/themes/": ("themes", [{}]),
}


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())  # the BOM that tells spreadsheets it is UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def html_count(response):
    match = re.search(r'id="list-count"[^>]*>(\d+)', response.content.decode())
    return int(match.group(1)) if match else None


@pytest.mark.parametrize("path", list(LISTS))
def test_the_list_its_csv_and_the_api_give_the_same_numbers(client, seed, path):
    make_document()
    resource, combinations = LISTS[path]
    for query in combinations:
        rows = read_csv(client.get(path, {**query, "format": "csv"}))
        api = client.get(f"/api/v1/{resource}/", query).json()
        assert len(rows) == api["count"], query
        assert [row.get("slug") or row.get("code") for row in rows] == [
            record.get("slug") or record.get("code") for record in api["results"]
        ]
        shown = html_count(client.get(path, query))
        if shown is not None:
            assert shown == len(rows), query
    assert len(read_csv(client.get(path, {"format": "csv"}))) > 0


def test_senegal_projects_open_with_accents_and_both_languages(client, seed):
    response = client.get("/en/projects/", {"country": "SN", "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="projects.csv"'
    rows = read_csv(response)
    acss = next(row for row in rows if row["slug"] == "acss")
    assert acss["title_fr"] == "Action de Coopération Sud-Sud en matière de migration"
    assert acss["title_en"] == "Action for South-South Cooperation on Migration"
    assert "Côte d’Ivoire" in acss["summary_en"]
    assert acss["countries"] == "CI;MA;ML;SN"
    assert acss["planned_start"] == "2018-12"


def test_the_whole_filtered_list_not_just_the_page(client, seed):
    for n in range(30):
        make_organisation(slug=f"csv-{n:02}", kind="diaspora")
    page = client.get("/en/partners/", {"type": "diaspora"})
    assert page.content.decode().count('class="card') <= 20
    rows = read_csv(client.get("/en/partners/", {"type": "diaspora", "format": "csv", "page": 2}))
    assert len(rows) == Organisation.objects.published().filter(kind="diaspora").count() >= 30


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_as_formulas_are_kept_as_text(client, seed, start):
    make_organisation(slug="formula", name_en=f'{start}HYPERLINK("http://evil.example","x")')
    rows = read_csv(client.get("/en/partners/", {"format": "csv"}))
    (row,) = [row for row in rows if row["slug"] == "formula"]
    assert row["name_en"] == f'\'{start}HYPERLINK("http://evil.example","x")'


def test_an_invalid_filter_is_a_400_that_says_which(client, seed):
    response = client.get("/en/projects/", {"country": "XX", "format": "csv"})
    assert response.status_code == 400
    assert "country" in response.content.decode()


def test_drafts_are_not_in_any_csv(client, seed):
    make_organisation(slug="zz-draft", name_en="Zqdraft agency", publication="draft")
    for path in LISTS:
        raw = b"".join(client.get(path, {"format": "csv"}).streaming_content).decode()
        assert "Zqdraft" not in raw and "zz-draft" not in raw


@pytest.mark.parametrize("path", list(LISTS))
def test_each_list_offers_its_csv_with_the_current_filters(client, seed, path):
    resource, combinations = LISTS[path]
    query = combinations[-1]
    html = client.get(path, {**query, "page": "1"}).content.decode()
    (href,) = re.findall(r'<a href="([^"]*format=csv[^"]*)" download>Download CSV', html)
    href = href.replace("&amp;", "&")
    assert "page=" not in href
    for name, value in query.items():
        for one in value if isinstance(value, list) else [value]:
            assert f"{name}={one}" in href
    assert client.get(path + href).status_code == 200


def test_csv_query_count(client, seed, django_assert_max_num_queries):
    from tests.factories import multiply_seed

    multiply_seed(3)
    for path in LISTS:
        with django_assert_max_num_queries(12):
            b"".join(client.get(path, {"format": "csv"}).streaming_content)


def test_every_filtered_list_template_offers_its_csv():
    """A new list built on core.views.filtered_list gets ?format=csv; its page must say so."""
    from django.conf import settings

    templates = settings.BASE_DIR / "templates"
    lists = [
        path
        for path in templates.rglob("*.html")
        if "includes/filter_form.html" in path.read_text()
    ]
    assert len(lists) >= 4
    for path in lists:
        assert "includes/csv_link.html" in path.read_text(), path.relative_to(templates)
