"""The rules of the back-office as a matrix: content model × role × action × place.

Generated from the registry of content admins, so that a new content model is covered
without a new test. Places: a record of the Mali editor's own country, one shared by Mali and
Senegal, and one of Senegal only. Every action posts what a browser would, with ids of the
place's records, forged where the form did not offer them. Outcomes:

- done: the change is live;
- revision: kept as pending changes for a programme manager, the live record unchanged;
- refused: a 403, a form error or an ignored action, and nothing changed;
- hidden: a 404, the record is not among those the user may see.
"""

import datetime

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from activities.models import Activity, Event
from core.admin import translated_fields
from core.content_admin import ContentAdmin
from core.models import Publishable
from core.publication import pending_revision
from documents.models import Document, Source
from partners.models import Contact, Organisation, Partnership
from projects.models import Agreement, Country, Project, Result, ThematicArea
from tests.admin_helpers import _form_fields
from tests.backoffice.conftest import make_staff
from tests.documents.test_library import pdf_bytes

EXPECTED = """
role        action   own       shared    other
manager     add      done      done      done
manager     change   done      done      done
manager     delete   done      done      done
manager     publish  done      done      done
manager     revert   done      done      done
editor      add      done      refused   refused
editor      change   revision  revision  hidden
editor      delete   refused   refused   hidden
editor      publish  refused   refused   refused
editor      revert   refused   refused   hidden
translator  add      refused   refused   refused
translator  change   revision  revision  revision
translator  delete   refused   refused   refused
translator  publish  refused   refused   refused
translator  revert   refused   refused   refused
"""
# Kinds a ministry editor looks up and links to, but does not edit: their public records of
# another country are seen, and refused.
EXPECTED_FOR_EDITORS_OF_LOOKUPS = {
    "add": "refused",
    "change": "refused",
    "delete": "refused",
    "revert": "refused",
}
# A record bound to its countries through its project (a partnership): an editor adds one to
# a project they share with another country.
EXPECTED_FOR_EDITORS_THROUGH_A_PROJECT = {("add", "shared"): "done"}
# Kinds without a publication state of their own, public as soon as they are saved under a
# published record: an editor proposes them through that record's pending changes instead.
PUBLIC_AT_ONCE = {Event, Partnership}


def expectations():
    lines = [line.split() for line in EXPECTED.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    places = header[2:]
    return {
        (row[0], row[1], place): outcome
        for row in rows
        for place, outcome in zip(places, row[2:], strict=True)
    }


PLACES = {"own": ["ML"], "shared": ["ML", "SN"], "other": ["SN"]}
_numbers = iter(range(1, 100000))


def n():
    return next(_numbers)


def countries(codes):
    return list(Country.objects.filter(code__in=codes))


def make_project(codes, **fields):
    number = n()
    project = Project.objects.create(
        slug=f"m-project-{number}", title_en=f"Project {number}", publication="published", **fields
    )
    project.countries.set(countries(codes))
    return project


def make_activity(codes):
    number = n()
    activity = Activity.objects.create(
        slug=f"m-activity-{number}",
        title_en=f"Activity {number}",
        kind="pilot",
        project=make_project(codes),
        publication="published",
    )
    activity.countries.set(countries(codes))
    return activity


def with_countries(model, codes, **fields):
    record = model.objects.create(**fields)
    record.countries.set(countries(codes))
    return record


def any_organisation():
    return Organisation.objects.published().get(slug="dgase")


DAY = datetime.date(2021, 10, 1)

# For each model: (places it has, build a published record there, the fields of a new one).
BUILDERS = {
    Project: (
        ("own", "shared", "other"),
        make_project,
        lambda codes: {"title_en": "New", "slug": f"m-new-{n()}", "countries": ids(codes)},
    ),
    Agreement: (
        ("own", "shared", "other"),
        lambda codes: with_countries(
            Agreement,
            codes,
            slug=f"m-agreement-{n()}",
            title_en="Agreement",
            kind="memorandum",
            publication="published",
        ),
        lambda codes: {
            "title_en": "New",
            "slug": f"m-new-{n()}",
            "kind": "memorandum",
            "countries": ids(codes),
        },
    ),
    Result: (
        ("own", "shared", "other"),
        lambda codes: with_countries(
            Result,
            codes,
            slug=f"m-result-{n()}",
            title_en="Result",
            project=make_project(codes),
            publication="published",
        ),
        lambda codes: {
            "title_en": "New",
            "slug": f"m-new-{n()}",
            "status": "achieved",
            "project": make_project(codes).pk,
            "countries": ids(codes),
        },
    ),
    Activity: (
        ("own", "shared", "other"),
        make_activity,
        lambda codes: {
            "title_en": "New",
            "slug": f"m-new-{n()}",
            "kind": "pilot",
            "project": make_project(codes).pk,
            "countries": ids(codes),
        },
    ),
    Document: (
        ("own", "shared", "other"),
        lambda codes: with_countries(
            Document,
            codes,
            slug=f"m-document-{n()}",
            title_en="Study",
            category="study",
            language="en",
            file="documents/2021/m.pdf",
            content_type="application/pdf",
            published_on=DAY,
            publication="published",
        ),
        lambda codes: {
            "title_en": "New",
            "slug": f"m-new-{n()}",
            "category": "study",
            "language": "en",
            "published_on": "2021-10-01",
            "file": SimpleUploadedFile("study.pdf", pdf_bytes()),
            "countries": ids(codes),
        },
    ),
    Partnership: (
        ("own", "shared", "other"),
        lambda codes: Partnership.objects.create(
            project=make_project(codes), organisation=any_organisation(), role="partner"
        ),
        lambda codes: {
            "project": make_project(codes).pk,
            "organisation": any_organisation().pk,
            "role": "partner",
        },
    ),
    Event: (
        ("own", "other"),
        lambda codes: Event.objects.create(
            slug=f"m-event-{n()}",
            title_en="Event",
            kind="workshop",
            format="on-site",
            place_en="Somewhere",
            country=countries(codes)[0],
            start_date=DAY,
            end_date=DAY,
            activity=make_activity(codes),
        ),
        lambda codes: {
            "title_en": "New",
            "slug": f"m-new-{n()}",
            "kind": "workshop",
            "format": "on-site",
            "place_en": "Somewhere",
            "country": ids(codes)[0],
            "start_date": "2021-10-01",
            "end_date": "2021-10-01",
            "activity": make_activity(codes).pk,
        },
    ),
    Contact: (
        ("own", "other"),
        lambda codes: Contact.objects.create(
            name=f"Person {n()}", country=countries(codes)[0], shown_publicly=True
        ),
        lambda codes: {"name": f"Person {n()}", "country": ids(codes)[0]},
    ),
    Organisation: (
        ("own", "other"),
        lambda codes: Organisation.objects.create(
            slug=f"m-organisation-{n()}",
            name_en="Organisation",
            kind="other",
            country=countries(codes)[0],
            publication="published",
        ),
        lambda codes: {
            "name_en": "New",
            "slug": f"m-new-{n()}",
            "kind": "other",
            "country": ids(codes)[0],
        },
    ),
    Country: (
        ("other",),
        lambda codes: Country.objects.create(
            code=f"X{chr(64 + n() % 26 + 1)}", name_en="X", name_fr="X"
        ),
        lambda codes: {"code": "QQ", "name_en": "Q", "name_fr": "Q"},
    ),
    Source: (
        ("other",),
        lambda codes: Source.objects.create(
            slug=f"m-source-{n()}",
            title="Source",
            description_en="A source",
            kind="article",
            language="en",
            publication="published",
        ),
        lambda codes: {"slug": f"m-new-{n()}", "title": "New", "kind": "article", "language": "en"},
    ),
    ThematicArea: (
        ("other",),
        lambda codes: ThematicArea.objects.create(
            slug=f"m-theme-{n()}", name_en="Theme", name_fr="Thème"
        ),
        lambda codes: {"slug": f"m-new-{n()}", "name_en": "New", "name_fr": "Nouveau"},
    ),
}


def ids(codes):
    return [country.pk for country in countries(codes)]


def content_admins():
    return [ma for ma in admin.site._registry.values() if isinstance(ma, ContentAdmin)]


def test_every_content_admin_is_in_the_matrix():
    assert {ma.model for ma in content_admins()} == set(BUILDERS)


def cases():
    for model, (places, _build, _new) in BUILDERS.items():
        for role in ("manager", "editor", "translator"):
            for action in ("add", "change", "delete", "publish", "revert"):
                if action == "publish" and not issubclass(model, Publishable):
                    continue
                for place in places:
                    yield model, role, action, place


def expected(model, role, action, place):
    if role == "editor" and action == "add" and model in PUBLIC_AT_ONCE:
        return "refused"
    if role == "editor" and not model.edited_by_ministries:
        return EXPECTED_FOR_EDITORS_OF_LOOKUPS.get(action, expectations()[(role, action, place)])
    if role == "editor" and "__" in (model.country_path or ""):
        through = EXPECTED_FOR_EDITORS_THROUGH_A_PROJECT.get((action, place))
        return through or expectations()[(role, action, place)]
    return expectations()[(role, action, place)]


def url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def form_values(user, model, obj=None):
    """What the admin form shows this user, as a browser would post it (without rendering)."""
    request = RequestFactory().get("/admin/")
    request.user = user
    model_admin = admin.site._registry[model]
    form_class = model_admin.get_form(request, obj, change=obj is not None)
    form = form_class(instance=obj) if obj is not None else form_class()
    data = _form_fields(form)
    for formset_class, inline in model_admin.get_formsets_with_inlines(request, obj):
        prefix = formset_class.get_default_prefix()
        formset = formset_class(
            instance=obj or model(), prefix=prefix, queryset=inline.get_queryset(request)
        )
        data.update(_form_fields(formset.management_form, f"{prefix}-"))
        for inline_form in formset.forms:
            data.update(_form_fields(inline_form, f"{inline_form.prefix}-"))
    return data


def text_column(model):
    return f"{translated_fields(model)[0]}_fr"


def outcome_of(response, changed, *, revision=False):
    if response.status_code == 404:
        return "hidden"
    if response.status_code == 403:
        return "refused"
    if changed():
        return "done"
    return "revision" if revision else "refused"


def attempt(client, user, model, action, place):
    places, build, new = BUILDERS[model]
    codes = PLACES[place]
    if action == "add":
        before = model.objects.count()
        data = {**form_values(user, model), **new(codes)}
        response = client.post(url(model, "add"), data)
        return outcome_of(response, lambda: model.objects.count() == before + 1)
    record = build(codes)
    if action == "change":
        column = text_column(model)
        data = {**form_values(user, model, record), column: "Changed in the matrix"}
        response = client.post(url(model, "change", record.pk), data)

        def live():
            return getattr(model.objects.get(pk=record.pk), column) == "Changed in the matrix"

        pending = pending_revision(record)
        if response.status_code == 302 and pending is not None and not live():
            assert pending.data["fields"][column] == "Changed in the matrix"
            return "revision"
        return outcome_of(response, live)
    if action == "delete":
        response = client.post(url(model, "delete", record.pk), {"post": "yes"})
        return outcome_of(response, lambda: not model.objects.filter(pk=record.pk).exists())
    if action == "publish":
        model.objects.filter(pk=record.pk).update(publication="review")
        response = client.post(
            url(model, "changelist"), {"action": "publish", "_selected_action": [record.pk]}
        )

        def published():
            return model.objects.get(pk=record.pk).publication == "published"

        return outcome_of(response, published)
    if action == "revert":
        column = text_column(model)
        original = getattr(record, column)
        setattr(record, column, "A later text")
        record.save()
        first = record.history.order_by("history_date").first()
        version_url = url(model, "simple_history", record.pk, first.history_id)
        data = {**form_values(user, model, first.instance), "seen_version": record.version}
        response = client.post(version_url, data)

        # An empty text reads back as "" where it was None: the same text to a reader.
        def restored():
            return (getattr(model.objects.get(pk=record.pk), column) or "") == (original or "")

        return outcome_of(response, restored)
    raise AssertionError(action)


@pytest.fixture
def staff(seed):
    return {
        "manager": make_staff("m-manager", "Programme manager"),
        "editor": make_staff("m-editor", "Ministry editor", ["ML"]),
        "translator": make_staff("m-translator", "Translator"),
    }


@pytest.mark.parametrize(
    ("model", "role", "action", "place"),
    list(cases()),
    ids=lambda value: getattr(value, "__name__", value),
)
def test_matrix(client, staff, model, role, action, place):
    user = staff[role]
    client.force_login(user)
    assert attempt(client, user, model, action, place) == expected(model, role, action, place)
