"""The figures: timeline and counts drawn on the server, each with the same data as a table."""

import datetime
import re
import xml.etree.ElementTree as ET

from django.utils import translation

from activities.models import Activity
from core.caching import content_key, content_scope
from core.models import ContentGeneration
from figures import charts, selectors
from figures.templatetags.figures import action_figures
from projects.models import Country, Project, Result, ThematicArea
from tests.factories import make_activity

SVG = "{http://www.w3.org/2000/svg}"


def figure(html: str, caption: str) -> str:
    """The <figure> whose caption is `caption`."""
    for block in re.findall(r'<figure class="figure[^"]*">.*?</figure>', html, re.S):
        if f'<figcaption class="figure-title">{caption}</figcaption>' in block:
            return block
    raise AssertionError(f"no figure {caption!r}")


def table_rows(block: str) -> dict:
    """label → the numbers of each row of the figure's data table."""
    rows = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", block, re.S):
        label = re.sub(r"<[^>]+>", "", row.split("</th>")[0]).strip()
        rows[label] = [int(n) for n in re.findall(r"<td>(\d+)</td>", row)]
    return rows


def drawn_bars(block: str) -> dict:
    """label → the numbers written beside the bars of the drawing."""
    svg = ET.fromstring(re.search(r"<svg .*?</svg>", block, re.S).group(0))
    bars = {}
    for group in svg.iter(f"{SVG}g"):
        texts = [t.text for t in group.iter(f"{SVG}text")]
        bars[texts[0]] = [int(t) for t in texts[1:]]
    return bars


def test_counts_by_country_table_matches_the_drawing_and_the_records(client, seed):
    block = figure(client.get("/en/").content.decode(), "Activities and results by country")
    table = table_rows(block)
    assert table == drawn_bars(block)
    mali = Country.objects.get(code="ML")
    assert table["Mali"] == [
        mali.activities.published().count(),
        mali.results.published().count(),
    ]


def test_a_draft_result_is_not_counted(client, seed):
    before = table_rows(
        figure(client.get("/en/").content.decode(), "Activities and results by country")
    )
    draft = Result.objects.create(
        slug="draft-result", title_en="Draft", project=Project.objects.get(slug="acss")
    )
    draft.countries.add(Country.objects.get(code="SN"))
    after = table_rows(
        figure(client.get("/en/").content.decode(), "Activities and results by country")
    )
    assert after == before


def test_counts_by_theme_list_the_records_in_no_field(client, seed):
    block = figure(
        client.get("/en/").content.decode(), "Activities and results by field of intervention"
    )
    table = table_rows(block)
    assert table == drawn_bars(block)
    mobility = ThematicArea.objects.get(slug="south-south-mobility")
    assert table["South-South mobility"] == [
        mobility.activities.published().count(),
        mobility.results.published().count(),
    ]
    assert table["No field of intervention recorded"] == [
        Activity.objects.published().filter(themes__isnull=True).count(),
        Result.objects.published().filter(theme__isnull=True).count(),
    ]


def test_the_figures_are_drawn_in_french_on_french_pages(client, seed):
    html = client.get("/fr/pays/ml/").content.decode()
    block = figure(html, "Activités et résultats par domaine d’intervention")
    assert "Migration et développement" in block


def test_a_project_page_counts_its_own_and_its_sub_projects_records(client, seed):
    html = client.get("/en/projects/modal/").content.decode()
    table = table_rows(figure(html, "Activities and results by country"))
    modal = Project.objects.get(slug="modal")
    senegal = Country.objects.get(code="SN")
    assert table["Senegal"] == [
        modal.activities.published().filter(countries=senegal).count(),
        modal.results.published().filter(countries=senegal).count(),
    ]
    assert table["Senegal"] != [0, 0]


def test_the_timeline_shows_the_programme_the_action_and_its_sub_projects(client, seed):
    block = figure(client.get("/en/").content.decode(), "Projects and activities over time")
    rows = table_rows(block)
    assert list(rows)[:3] == [
        "RECOSA project",
        "Action for South-South Cooperation on Migration (ACSS)",
        "Mobilisation of Diaspora Organisations and Local Associations for Development (MODAL)",
    ]
    assert "December 2018 – December 2021" in block


def test_the_timeline_draws_a_bounded_number_of_activities(client, seed):
    action = Project.objects.get(slug="acss")
    for day in range(1, 16):
        make_activity(project=action, start_date=datetime.date(2020, 3, day))
    html = client.get("/en/projects/acss/").content.decode()
    block = figure(html, "Projects and activities over time")
    activities = [row for row in re.findall(r"<td>([^<]+)</td>", block) if row == "Activity"]
    assert len(activities) == selectors.TIMELINE_ACTIVITIES
    assert "7 later activities are not drawn." in block


def test_the_timeline_spans_the_years_of_its_records():
    rows = [
        charts.TimelineRow(
            "A",
            "/a/",
            "project",
            "Project",
            "2017",
            datetime.date(2017, 1, 1),
            datetime.date(2023, 6, 1),
        ),
    ]
    svg = ET.fromstring(charts.timeline_svg(rows=rows, language="en", link=False))
    years = [t.text for t in svg.iter(f"{SVG}text") if t.text.isdigit()]
    assert years == [str(year) for year in range(2017, 2024)]


def test_figures_run_a_bounded_number_of_queries_once_per_content_generation(
    seed, django_assert_num_queries
):
    action = Project.objects.select_related("parent").get(slug="acss")
    with (
        translation.override("en"),
        content_scope(content_key(ContentGeneration.current().cache_token)),
    ):
        with django_assert_num_queries(9):
            first = action_figures(project=action)
        with django_assert_num_queries(0):  # the next page that shows them reads them
            assert action_figures(project=action) == first
        with translation.override("fr"), django_assert_num_queries(9):
            assert "Activités" in action_figures(project=action)


def test_a_change_of_content_shows_in_the_figures_at_once(client, seed):
    """The figures are kept per content generation: a new activity moves them on every page."""

    def senegal_activities():
        html = client.get("/en/").content.decode()
        return table_rows(figure(html, "Activities and results by country"))["Senegal"][0]

    before = senegal_activities()
    assert senegal_activities() == before  # read from the cache this time
    activity = make_activity(project=Project.objects.get(slug="acss"))
    activity.countries.add(Country.objects.get(code="SN"))
    assert senegal_activities() == before + 1


def test_an_empty_portal_shows_its_map_and_figures_without_error(client, empty_db):
    for path in ["/en/", "/fr/"]:
        response = client.get(path)
        assert response.status_code == 200
        assert 'class="region-map"' in response.content.decode()


def test_a_country_without_records_has_a_page_without_a_timeline(client, seed):
    from tests.factories import make_country

    make_country("GH", name_en="Ghana", name_fr="Ghana")
    html = client.get("/en/countries/gh/").content.decode()
    assert "Projects and activities over time" not in html
    assert table_rows(figure(html, "Activities and results by field of intervention"))[
        "Migration and development"
    ] == [0, 0]


def test_the_timeline_draws_a_bounded_number_of_sub_projects(client, seed):
    from tests.factories import make_project

    action = Project.objects.get(slug="acss")
    for _ in range(selectors.TIMELINE_PROJECTS + 3):
        make_project(parent=action, planned_start=datetime.date(2020, 1, 1))
    block = figure(
        client.get("/en/projects/acss/").content.decode(), "Projects and activities over time"
    )
    projects = [row for row in re.findall(r"<td>([^<]+)</td>", block) if row == "Project"]
    # The Action itself and the first sub-projects.
    assert len(projects) == 1 + selectors.TIMELINE_PROJECTS
    assert "Only the first projects are drawn." in block


def test_the_timeline_marks_the_agreements_signed_in_its_years(client, seed):
    block = figure(client.get("/en/").content.decode(), "Projects and activities over time")
    rows = table_rows(block)
    assert "Joint action plans for South-South cooperation on migration" in rows
    assert "Memorandum of understanding between Morocco and Mali on migration" in rows
    # Signed in 2013, years before the Action: not stretched onto its timeline.
    assert "Memorandum of understanding between Morocco and Senegal on migration" not in rows
