"""What the content generation keeps beside whole pages: figures, sections, counts (core.caching).

A page the page cache has not seen (another address: a filter, a list's next page, a tracking
parameter) reads its figures, its record's sections and its list's counts from these values.
They hold public content only, whoever computed them, and move on with any change of content.
"""

import re

import pytest
from django.test import Client

from activities.models import Activity
from core import roles
from projects.models import Project
from tests.backoffice.conftest import make_staff
from tests.factories import make_activity
from tests.test_leaks import MARKER, drafts  # noqa: F401 (the drafts fixture)

PUBLIC_PAGES = [
    "/en/",
    "/en/projects/",
    "/en/projects/acss/",
    "/en/projects/modal/",
    "/en/activities/",
    "/en/activities/modal-training-2021/",
    "/en/countries/",
    "/en/countries/ml/",
    "/en/themes/migration-development/",
    "/en/partners/",
    "/en/partners/dgase/",
    "/en/results/",
    "/fr/",
    "/fr/pays/ml/",
]
# Drafts a staff member previews: their pages compute their own sections while signed in.
DRAFT_PAGES = ["/en/projects/zq-project/", "/en/activities/zq-activity/"]


def total_shown(html: str) -> int:
    """The number a list page says it holds ("162 activities")."""
    return int(re.search(r'<p id="list-count" role="status">\s*([\d,]+)', html)[1].replace(",", ""))


@pytest.mark.usefixtures("drafts")
def test_what_staff_previews_compute_never_reaches_the_public(client):
    staff = Client()
    staff.force_login(make_staff("manager", roles.PROGRAMME_MANAGER))
    for path in DRAFT_PAGES:
        assert MARKER in staff.get(path).content.decode()
    for path in PUBLIC_PAGES:
        assert staff.get(path).status_code == 200
    # The public's pages at new addresses: the page cache misses, the kept values are read.
    for path in PUBLIC_PAGES:
        response = client.get(f"{path}?after=staff")
        assert response.status_code == 200, path
        assert MARKER not in response.content.decode(), path
    for path in DRAFT_PAGES:
        assert client.get(f"{path}?after=staff").status_code == 404


def test_a_lists_counts_are_kept_per_filter(client, seed):
    everything = client.get("/en/activities/").content.decode()
    mali = client.get("/en/activities/?country=ML").content.decode()
    trainings = client.get("/en/activities/?country=ML&type=capacity-building").content.decode()
    public = Activity.objects.published()
    in_mali = public.filter(countries__code="ML").distinct()
    assert total_shown(everything) == public.count()
    assert total_shown(mali) == in_mali.count()
    assert total_shown(trainings) == in_mali.filter(kind="capacity-building").count()
    assert total_shown(trainings) < total_shown(mali)  # each filter its own count


def test_a_lists_total_moves_on_at_once(client, seed):
    before = total_shown(client.get("/en/activities/").content.decode())
    make_activity(project=Project.objects.get(slug="acss"))
    after = total_shown(client.get("/en/activities/?page=1").content.decode())
    assert after == before + 1


def test_a_record_pages_sections_move_on_at_once(client, seed):
    assert "Zq new training" not in client.get("/en/projects/acss/").content.decode()
    make_activity(project=Project.objects.get(slug="acss"), title_en="Zq new training")
    page = client.get("/en/projects/acss/?from=newsletter").content.decode()
    assert "Zq new training" in page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_language_keeps_its_own_values(client, seed, language):
    other = "fr" if language == "en" else "en"
    client.get(f"/{other}/")  # the other language's values are kept first
    html = client.get(f"/{language}/?again=1").content.decode()
    assert f'<html lang="{language}"' in html
    chart_title = {"en": "Activities and results by country", "fr": "Activités et résultats"}
    assert chart_title[language] in html
