"""Small helpers that make valid records with only what a test cares about."""

import datetime
import itertools

from django.test import override_settings

from activities.models import Activity, Event
from partners.models import Organisation
from projects.models import Country, Project

_numbers = itertools.count(1)


def _next():
    return next(_numbers)


def make_country(code="ML", **fields):
    defaults = {"name_en": f"Country {code}", "name_fr": f"Pays {code}"}
    return Country.objects.create(code=code, **{**defaults, **fields})


def make_project(**fields):
    n = _next()
    defaults = {
        "slug": f"project-{n}",
        "title_en": f"Project {n}",
        "title_fr": f"Projet {n}",
        "publication": "published",
    }
    return Project.objects.create(**{**defaults, **fields})


def make_organisation(**fields):
    n = _next()
    defaults = {
        "slug": f"organisation-{n}",
        "name_en": f"Organisation {n}",
        "kind": "other",
        "publication": "published",
    }
    return Organisation.objects.create(**{**defaults, **fields})


def make_activity(project=None, **fields):
    n = _next()
    defaults = {
        "slug": f"activity-{n}",
        "title_en": f"Activity {n}",
        "kind": "capacity-building",
        "project": project or make_project(),
        "publication": "published",
    }
    return Activity.objects.create(**{**defaults, **fields})


def make_event(activity=None, country=None, **fields):
    n = _next()
    start = datetime.date(2021, 8, 2)
    defaults = {
        "slug": f"event-{n}",
        "title_en": f"Event {n}",
        "kind": "training",
        "format": "on-site",
        "place_en": "Bamako",
        "country": country or Country.objects.first() or make_country(),
        "start_date": start,
        "end_date": start + datetime.timedelta(days=4),
        "activity": activity or make_activity(),
    }
    return Event.objects.create(**{**defaults, **fields})


def multiply_seed(times=10):
    """Add `times` as many records as the seed holds, linked like the seed's, for query budgets.

    No public page reads the change history, and writing it is most of the time these records
    take (one historical row per record and per link), so they are added without it.
    """
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        _multiply_seed(times)


def _multiply_seed(times):
    from documents.models import Document
    from projects.models import Result, ThematicArea

    countries = list(Country.objects.all())
    themes = list(ThematicArea.objects.all())
    action = Project.objects.get(slug="acss")
    for _ in range(times):
        project = make_project(parent=action, planned_start=datetime.date(2019, 1, 1))
        project.countries.set(countries)
        project.themes.set(themes)
        organisation = make_organisation(country=countries[0])
        project.partnerships.create(organisation=organisation, role="partner")
        for _ in range(2):
            activity = make_activity(project=project, start_date=datetime.date(2020, 1, 1))
            activity.countries.set(countries)
            activity.themes.set(themes)
            activity.organisations.add(organisation)
            event = make_event(activity=activity, country=countries[0])
            event.organisations.add(organisation)
            result = Result.objects.create(
                slug=f"result-{_next()}",
                title_en="A result",
                project=project,
                theme=themes[0],
                publication="published",
            )
            result.countries.set(countries)
            result.activities.add(activity)
            document = Document.objects.create(
                slug=f"document-{_next()}",
                title_en="A study",
                category="study",
                language="fr",
                file="documents/2021/a-study.pdf",
                content_type="application/pdf",
                published_on=datetime.date(2021, 9, 1),
                publication="published",
            )
            document.projects.add(project, action)
            document.activities.add(activity)
            document.countries.set(countries)
