"""Pages stay bounded at any size: the same queries, and a handful of records per section."""

import contextlib
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import Activity
from backoffice.demo_data import Batch, Generator
from core.sections import SECTION_LIMIT
from partners.models import Organisation
from projects.models import Country, Project
from search.models import SearchEntry


def generate(scale, seed=1):
    with contextlib.redirect_stderr(io.StringIO()):
        call_command(
            "generate_demo_data", scale=scale, random_seed=seed, force=True, stdout=io.StringIO()
        )


def largest_pages():
    """Every public page type; record pages show the record with the most activities."""
    from backoffice.bench import BARE, page_urls

    urls = page_urls()
    del urls[BARE]
    return urls


def queries_per_page(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # once, for what a process does on its first request
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries)
    return counts


def test_each_page_type_runs_the_same_queries_at_1x_and_6x_the_seed(client, seed):
    generate(1)
    small = queries_per_page(client, largest_pages())
    generate(5, seed=2)
    urls = largest_pages()
    assert queries_per_page(client, urls) == small


def test_a_country_page_shows_a_handful_per_section_and_links_to_all(client, seed):
    generate(3)
    mali = Country.objects.get(code="ML")
    total = Activity.objects.published().filter(countries=mali).count()
    assert total > SECTION_LIMIT
    html = client.get("/en/countries/ml/").content.decode()
    section = re.split(r"<h2[^>]*>Activities</h2>", html)[1].split("</section>")[0]
    assert section.count("<li>") == SECTION_LIMIT
    link = re.search(r'<a href="(/en/activities/\?country=ML)">See all (\d+) activities</a>', html)
    assert link and int(link.group(2)) == total
    listed = client.get(link.group(1)).content.decode()
    assert f"{total} activities" in listed


def test_a_project_page_links_to_the_list_of_exactly_its_activities(client, seed):
    generate(1)
    project = Project.objects.published().get(slug="demo-project-0001")
    extra = [
        Activity(
            slug=f"extra-{n}",
            title_en=f"Extra {n}",
            kind="study",
            project=project,
            publication="published",
        )
        for n in range(SECTION_LIMIT)
    ]
    Activity.objects.bulk_create(extra)
    total = project.activities.published().count()
    html = client.get(project.get_absolute_url()).content.decode()
    assert (
        f'<a href="/en/activities/?project={project.slug}">See all {total} activities</a>' in html
    )
    listed = client.get(f"/en/activities/?project={project.slug}").content.decode()
    assert f"{total} activities" in listed


def test_demo_data_is_fictional_bilingual_and_searchable_when_published(seed):
    generate(2, seed=7)
    demo = Project.objects.filter(slug__startswith="demo-")
    assert demo.count() == 6
    assert all(p.title_en.startswith("Demo ") for p in demo)
    assert all("démonstration" in p.title_fr for p in demo)
    activities = Activity.objects.filter(slug__startswith="demo-")
    assert activities.count() == 14
    organisations = Organisation.objects.filter(slug__startswith="demo-")
    published = organisations.filter(publication="published")
    drafts = organisations.exclude(publication="published")
    assert published.exists() and drafts.exists()
    entries = SearchEntry.objects.filter(kind="organisation")
    assert entries.filter(object_id__in=published.values("pk")).count() == 2 * published.count()
    assert not entries.filter(object_id__in=drafts.values("pk")).exists()


def test_the_same_random_seed_gives_the_same_records(seed):
    def unit(random_seed):
        batch = Batch()
        Generator(random_seed=random_seed).unit(batch, 1)
        return [
            (type(record).__name__, record.slug, str(record), getattr(record, "publication", ""))
            for records in batch.rows.values()
            for record in records
            if hasattr(record, "slug")
        ]

    assert unit(3) == unit(3)
    assert unit(3) != unit(4)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"scale": 0}, "--scale must be between 1"),
        ({"scale": 100_000}, "--scale must be between 1"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_error(seed, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_demo_data", force=True, **options)


def test_production_mode_is_refused_without_force(seed, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("generate_demo_data", scale=1)


def test_without_the_seed_it_says_to_load_it(empty_db):
    with pytest.raises(CommandError, match="load_seed"):
        call_command("generate_demo_data", scale=1, force=True)


def test_the_benchmark_finds_every_public_page_type_and_counts_its_queries(seed):
    from backoffice.bench import BARE, inspect

    generate(1)
    pages = inspect()["pages"]
    assert {"home", "country page", "search", "factsheet", BARE} <= set(pages)
    assert {name: page["status"] for name, page in pages.items()} == dict.fromkeys(pages, 200)
    assert pages[BARE]["cold_queries"] == min(page["cold_queries"] for page in pages.values())
    # Once the page's figures and sections are kept for this content, fewer queries remain.
    assert pages["country page"]["queries"] < pages["country page"]["cold_queries"]
    assert all(1 <= page["queries"] <= page["cold_queries"] for page in pages.values())


def test_the_benchmark_keeps_one_database_per_scale(settings):
    from backoffice.bench import database_url

    assert database_url("sqlite", 100).endswith("/var/bench/scale-100.sqlite3")
    assert database_url("sqlite", 100).startswith("sqlite:////")
    pg = database_url("postgres", 1000, "postgres://postgres@127.0.0.1:5432/acss_bench")
    assert pg == "postgres://postgres@127.0.0.1:5432/acss_bench_1000"


def test_the_benchmark_refuses_bad_arguments():
    with pytest.raises(CommandError, match="must be"):
        call_command("benchmark", scale=0)


def test_a_published_demo_document_downloads(client, seed):
    from documents.models import Document

    generate(1)
    document = Document.objects.published().filter(slug__startswith="demo-").first()
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_benchmark_report_shows_each_page_cold_uncached_and_cached():
    from backoffice.bench import BARE, VARIANTS, markdown, table

    def timing(p50):
        return {"requests": 10, "errors": 0, "per_second": 100.0, "p50_ms": p50, "p95_ms": p50 * 2}

    def row(cold, uncached, cached):
        return {
            "url": "/",
            "queries": 2,
            "cpu_ms": 1.0,
            "cold_queries": 20,
            "cold_cpu_ms": 40.0,
            "cpu_ratio": 1.0,
            **{
                kind: timing(p50)
                for kind, p50 in zip(VARIANTS, (cold, uncached, cached), strict=True)
            },
            **{
                f"{kind}_ratio": p50 / 2
                for kind, p50 in zip(VARIANTS, (cold, uncached, cached), strict=True)
            },
        }

    report = {
        "database": "postgres",
        "scale": 100,
        "workers": 2,
        "seconds": 3,
        "load_average": [0.5, 1.0],
        "cpus": 2,
        "pages": {BARE: row(2, 2, 2), "home": row(90, 20, 3)},
        "concurrency": {
            "connections": 64,
            "seconds": 30,
            "requests": 900,
            "per_second": 30.0,
            "p50_ms": 50,
            "p95_ms": 90,
            "errors": 0,
            "failures": {},
        },
    }
    home = next(line for line in table(report).splitlines() if line.startswith("home"))
    # cold: queries, CPU ms, p50, p95, ×bare | uncached: the same | cached: p50, p95, ×bare
    numbers = ["20", "40.0", "90.0", "180.0", "45.0", "2", "1.0", "20.0", "40.0", "10.0"]
    assert re.findall(r"[\d.]+", home) == [*numbers, "3.0", "6.0", "1.5"]
    row_of_home = "| home | 20, 40.0 | 90.0 / 180.0 (45.0) | 2, 1.0 | 20.0 / 40.0 (10.0) |"
    assert row_of_home in markdown([report])
