"""The back-office holes found by attacking it as a Mali editor, a translator and a visitor.

Each test does what the attacker did and asserts the refusal a user would notice.
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from pypdf import PdfReader

from activities.models import Activity, Event
from core.models import Revision
from core.publication import change_publication, pending_revision, publish_revision
from documents.models import Document
from partners.models import Contact, Organisation, Partnership
from projects.models import Agreement, Project, Result, ThematicArea
from tests.admin_helpers import admin_url, country, form_data
from tests.backoffice.conftest import client_for
from tests.factories import make_activity, make_event, make_project


@pytest.fixture
def places(seed):
    """A Senegal-only project and activity, and an activity shared by Mali and Senegal."""
    senegal_project = make_project(slug="senegal-only", title_en="Senegal-only project")
    senegal_project.countries.set([country("SN")])
    senegal_activity = make_activity(project=senegal_project, slug="senegal-activity")
    senegal_activity.countries.set([country("SN")])
    shared = make_activity(project=Project.objects.get(slug="modal"), slug="shared-activity")
    shared.countries.set([country("ML"), country("SN")])
    mali_event = make_event(activity=shared, country=country("ML"), slug="shared-in-bamako")
    senegal_event = make_event(activity=shared, country=country("SN"), slug="shared-in-thies")
    return {
        "senegal_project": senegal_project,
        "senegal_activity": senegal_activity,
        "shared": shared,
        "mali_event": mali_event,
        "senegal_event": senegal_event,
    }


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def errors_of(response):
    form = response.context["adminform"].form
    formset_errors = [
        error
        for inline in response.context.get("inline_admin_formsets", [])
        for error in [*inline.formset.non_form_errors(), *inline.formset.errors]
        if error
    ]
    return {**form.errors, "inlines": formset_errors}


# 1. Forged ids --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "fields", "forged_field"),
    [
        (Partnership, {"organisation": "dgase", "role": "partner"}, "project"),
        (Result, {"title_en": "Forged result", "slug": "forged", "status": "achieved"}, "project"),
        (
            Activity,
            {"title_en": "Forged", "slug": "forged", "kind": "pilot", "countries": ["ML"]},
            "project",
        ),
        (Contact, {"name": "Forged Person", "country": "ML"}, "project"),
        (Project, {"title_en": "Forged", "slug": "forged", "countries": ["ML"]}, "parent"),
        (
            Agreement,
            {"title_en": "Forged", "slug": "forged", "kind": "memorandum", "countries": ["ML"]},
            "projects",
        ),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_an_editor_cannot_attach_a_record_to_another_countrys_project(
    client, mali_editor, places, model, fields, forged_field
):
    client = client_for(client, mali_editor)
    page = client.get(admin_url(model, "add"))
    data = form_data(page)
    for name, value in fields.items():
        if name == "organisation":
            value = Organisation.objects.get(slug=value).pk
        elif name in ("countries",):
            value = [country(code).pk for code in value]
        elif name == "country":
            value = country(value).pk
        data[name] = value
    senegal = places["senegal_project"].pk
    data[forged_field] = [senegal] if forged_field == "projects" else senegal
    before = model.objects.count()
    response = client.post(admin_url(model, "add"), data)
    assert response.status_code == 200
    assert forged_field in errors_of(response)
    assert model.objects.count() == before


def test_an_editor_cannot_add_an_event_to_a_senegal_activity(client, mali_editor, places):
    client = client_for(client, mali_editor)
    data = form_data(
        client.get(admin_url(Event, "add")),
        title_en="Forged event",
        slug="forged-event",
        kind="workshop",
        format="on-site",
        place_en="Bamako",
        country=country("ML").pk,
        start_date="2021-10-01",
        end_date="2021-10-02",
        activity=places["senegal_activity"].pk,
    )
    response = client.post(admin_url(Event, "add"), data)
    assert "activity" in errors_of(response)
    assert not Event.objects.filter(slug="forged-event").exists()


def test_an_editor_sees_and_changes_only_their_countrys_events_of_a_shared_activity(
    client, mali_editor, places
):
    shared, thies = places["shared"], places["senegal_event"]
    Activity.objects.filter(pk=shared.pk).update(publication="draft")
    client = client_for(client, mali_editor)
    page = client.get(admin_url(Activity, "change", shared))
    [events] = [i.formset for i in page.context["inline_admin_formsets"]]
    assert [form.instance.slug for form in events.forms] == ["shared-in-bamako"]
    # Forge the Thiès event into the posted rows: renamed, and marked for deletion.
    data = form_data(page)
    prefix = events.prefix
    data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = "2"
    forged = {
        key.replace(f"{prefix}-0-", f"{prefix}-1-"): value
        for key, value in data.items()
        if key.startswith(f"{prefix}-0-")
    }
    forged.update({f"{prefix}-1-id": thies.pk, f"{prefix}-1-title_en": "Hijacked"})
    data.update(forged)
    response = client.post(admin_url(Activity, "change", shared), data)
    assert response.status_code == 200
    assert errors_of(response)["inlines"]
    data[f"{prefix}-1-DELETE"] = "on"
    client.post(admin_url(Activity, "change", shared), data)
    thies.refresh_from_db()
    assert thies.title_en != "Hijacked"
    # The event itself, in its own form: another country's event is not found.
    assert client.get(admin_url(Event, "change", thies)).status_code == 404


def test_an_editor_cannot_move_their_event_to_a_senegal_activity(client, mali_editor, places):
    bamako = places["mali_event"]
    Activity.objects.filter(pk=places["shared"].pk).update(publication="draft")
    client = client_for(client, mali_editor)
    page = client.get(admin_url(Event, "change", bamako))
    response = client.post(
        admin_url(Event, "change", bamako),
        form_data(page, activity=places["senegal_activity"].pk),
    )
    assert "activity" in errors_of(response)
    bamako.refresh_from_db()
    assert bamako.activity == places["shared"]


def test_saving_a_shared_draft_with_only_mali_ticked_keeps_senegal(client, mali_editor, places):
    shared = places["shared"]
    Activity.objects.filter(pk=shared.pk).update(publication="draft")
    client = client_for(client, mali_editor)
    page = client.get(admin_url(Activity, "change", shared))
    # The form offers the editor's own country, and the one already linked, no other.
    offered = page.context["adminform"].form.fields["countries"].queryset
    assert {c.code for c in offered} == {"ML", "SN"}
    response = client.post(
        admin_url(Activity, "change", shared), form_data(page, countries=[country("ML").pk])
    )
    assert response.status_code == 302
    assert {c.code for c in shared.countries.all()} == {"ML", "SN"}


# 2-4. What an editor of another country may see -----------------------------------------


@pytest.fixture
def senegal_drafts(places):
    project = places["senegal_project"]
    Project.objects.filter(pk=project.pk).update(publication="draft", title_en="Dakar secret")
    document = Document.objects.create(
        slug="dakar-secret-study",
        title_en="Dakar secret study",
        category="study",
        language="fr",
        file="documents/2021/secret.pdf",
        content_type="application/pdf",
        published_on="2021-01-01",
    )
    document.countries.set([country("SN")])
    return {"project": project, "document": document}


@pytest.mark.parametrize(
    "path",
    [
        "/en/projects/senegal-only/",
        "/en/projects/senegal-only/factsheet.pdf",
        "/en/documents/dakar-secret-study/",
    ],
)
def test_an_editor_cannot_preview_another_countrys_draft(client, mali_editor, senegal_drafts, path):
    client = client_for(client, mali_editor)
    assert client.get(path).status_code == 404


def test_an_editor_previews_their_own_draft(client, mali_editor, places):
    project = make_project(slug="bamako-draft", title_en="Bamako draft", publication="draft")
    project.countries.set([country("ML")])
    client = client_for(client, mali_editor)
    assert client.get("/en/projects/bamako-draft/").status_code == 200
    assert client.get("/en/projects/bamako-draft/factsheet.pdf").status_code == 200


def test_view_on_site_does_not_lead_to_another_countrys_draft(client, mali_editor, senegal_drafts):
    project = senegal_drafts["project"]
    content_type = ContentType.objects.get_for_model(Project)
    client = client_for(client, mali_editor)
    response = client.get(f"/admin/r/{content_type.pk}/{project.pk}/")
    assert response.status_code == 404
    own = Project.objects.get(slug="modal")
    response = client.get(f"/admin/r/{content_type.pk}/{own.pk}/")
    assert response.status_code == 302 and response["Location"] == "/en/projects/modal/"


def test_list_filters_do_not_name_another_countrys_drafts(client, mali_editor, senegal_drafts):
    client = client_for(client, mali_editor)
    for model in (Activity, Result, Partnership):
        html = client.get(admin_url(model, "changelist")).content.decode()
        assert "Dakar secret" not in html, model


# 5-6. Hidden buttons and translators -----------------------------------------------------


@pytest.mark.parametrize("who", ["mali_editor", "translator"])
def test_the_hidden_revert_button_cannot_be_posted(client, request, manager, who):
    project = Project.objects.get(slug="modal")
    original_title = project.title_en
    project.title_en = "A newer title"
    project.save()
    oldest = project.history.order_by("history_date").first()
    user = request.getfixturevalue(who)
    client = client_for(client, user)
    revert_url = reverse(
        "admin:projects_project_simple_history", args=[project.pk, oldest.history_id]
    )
    page = client.get(revert_url)
    assert page.status_code == 200
    response = client.post(revert_url, form_data(page, publication="draft"))
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.title_en == "A newer title" and project.publication == "published"
    assert original_title != project.title_en


def test_a_translator_cannot_reorder_the_fields_of_intervention(client, translator):
    client = client_for(client, translator)
    theme = ThematicArea.objects.order_by("position").first()
    page = client.get(admin_url(ThematicArea, "changelist"))
    assert not page.context["cl"].list_editable
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": theme.pk,
        "form-0-position": "99",
        "_save": "Save",
    }
    client.post(admin_url(ThematicArea, "changelist"), data)
    theme.refresh_from_db()
    assert theme.position != 99


def test_a_translator_opens_an_activity_with_events_and_old_versions(client, translator):
    client = client_for(client, translator)
    activity = Activity.objects.get(slug="modal-training-2021")
    assert client.get(admin_url(Activity, "change", activity)).status_code == 200
    version = activity.history.first()
    url = reverse("admin:activities_activity_simple_history", args=[activity.pk, version.pk])
    assert client.get(url).status_code == 200


# 9-10. Factsheets and lists name no draft -------------------------------------------------


def test_unpublishing_a_project_takes_its_activities_off_the_country_factsheet(client, manager):
    assert "MODAL training" in pdf_text(client.get("/en/countries/ml/factsheet.pdf"))
    change_publication(Project.objects.get(slug="modal"), to="draft", by=manager)
    assert "MODAL training" not in pdf_text(client.get("/en/countries/ml/factsheet.pdf"))


def test_a_public_projects_factsheet_does_not_name_its_draft_parent(client, manager):
    Project.objects.filter(slug="recosa").update(title_en="Parent marker programme")
    assert "Parent marker programme" in pdf_text(client.get("/en/projects/acss/factsheet.pdf"))
    change_publication(Project.objects.get(slug="recosa"), to="draft", by=manager)
    assert "Parent marker" not in pdf_text(client.get("/en/projects/acss/factsheet.pdf"))
    assert "Parent marker" not in client.get("/en/projects/acss/").content.decode()


def test_a_published_focal_point_of_a_draft_organisation_is_not_shown(client, manager):
    contact = Contact.objects.filter(shown_publicly=True, organisation__isnull=False).first()
    Organisation.objects.filter(pk=contact.organisation_id).update(publication="draft")
    code = contact.country.code.lower()
    assert contact.name not in client.get(f"/en/countries/{code}/").content.decode()
    assert contact.name not in pdf_text(client.get(f"/en/countries/{code}/factsheet.pdf"))


def test_the_partners_list_counts_no_draft_project(client, manager):
    funders_before = role_count(client, "funder")
    for partnership in Partnership.objects.filter(role="funder"):
        Project.objects.filter(pk=partnership.project_id).update(publication="draft")
    assert funders_before > 0
    assert role_count(client, "funder") == 0
    assert client.get("/en/partners/?role=funder").context["page"].paginator.count == 0


def role_count(client, role):
    facets = client.get("/en/partners/").context["facets"]
    [roles] = [facet for facet in facets if facet.name == "role"]
    return next(option.count for option in roles.options if option.value == role)


# 11-12. Lost updates and unreviewed changes ----------------------------------------------


def test_a_change_posted_without_its_version_is_refused(client, manager):
    project = Project.objects.get(slug="modal")
    client = client_for(client, manager)
    page = client.get(admin_url(Project, "change", project))
    data = form_data(page, title_en="Overwritten")
    data.pop("seen_version")
    response = client.post(admin_url(Project, "change", project), data)
    assert response.status_code == 200
    assert "came without the version" in response.content.decode()
    project.refresh_from_db()
    assert project.title_en != "Overwritten"


def test_an_editors_change_to_a_published_record_waits_for_a_programme_manager(
    client, mali_editor, manager
):
    activity = Activity.objects.get(slug="modal-training-2021")
    editor = client_for(client, mali_editor)
    page = editor.get(admin_url(Activity, "change", activity))
    response = editor.post(
        admin_url(Activity, "change", activity),
        form_data(page, title_en="Renamed by the Mali ministry"),
    )
    assert response.status_code == 302
    public = client.get("/en/activities/modal-training-2021/").content.decode()
    assert "Renamed by the Mali ministry" not in public
    # The editor goes on from their proposal; the programme manager sees the difference.
    again = editor.get(admin_url(Activity, "change", activity))
    assert again.context["adminform"].form["title_en"].value() == "Renamed by the Mali ministry"
    client.logout()
    reviewer = client_for(client, manager)
    review = reviewer.get(admin_url(Activity, "revision", activity))
    assert ("Title [en]", activity.title_en, "Renamed by the Mali ministry") in [
        tuple(row) for row in review.context["changes"]
    ]
    reviewer.post(admin_url(Activity, "revision", activity), {"publish": "1"})
    reviewer.logout()
    assert (
        "Renamed by the Mali ministry"
        in client.get("/en/activities/modal-training-2021/").content.decode()
    )
    assert not Revision.objects.exists()


def test_relations_are_part_of_a_revision(client, mali_editor, manager):
    project = Project.objects.get(slug="modal")
    editor = client_for(client, mali_editor)
    page = editor.get(admin_url(Project, "change", project))
    themes = [t.pk for t in ThematicArea.objects.exclude(projects=project)[:1]]
    editor.post(admin_url(Project, "change", project), form_data(page, themes=themes))
    assert {t.pk for t in project.themes.all()} != set(themes)
    revision = pending_revision(project)
    publish_revision(revision, by=manager)
    assert {t.pk for t in project.themes.all()} == set(themes)
    # Countries the editor could not see stayed.
    assert {c.code for c in project.countries.all()} == {"CI", "MA", "ML", "SN"}


def test_an_editor_cannot_publish_their_own_revision(client, mali_editor):
    activity = Activity.objects.get(slug="modal-training-2021")
    editor = client_for(client, mali_editor)
    page = editor.get(admin_url(Activity, "change", activity))
    editor.post(admin_url(Activity, "change", activity), form_data(page, title_en="Mine"))
    editor.post(admin_url(Activity, "revision", activity), {"publish": "1"})
    activity.refresh_from_db()
    assert activity.title_en != "Mine"
    assert pending_revision(activity) is not None


def test_an_editor_showing_a_hidden_focal_point_waits_for_review(client, mali_editor):
    contact = Contact.objects.create(name="Hidden Person", country=country("ML"))
    client = client_for(client, mali_editor)
    page = client.get(admin_url(Contact, "change", contact))
    client.post(admin_url(Contact, "change", contact), form_data(page, shown_publicly="on"))
    contact.refresh_from_db()
    assert not contact.shown_publicly
    assert pending_revision(contact).data["fields"]["shown_publicly"] is True
    assert "Hidden Person" not in client.get("/en/countries/ml/").content.decode()


def test_a_revision_that_no_longer_fits_is_not_published_and_says_why(client, mali_editor, manager):
    activity = Activity.objects.get(slug="modal-training-2021")
    editor = client_for(client, mali_editor)
    page = editor.get(admin_url(Activity, "change", activity))
    editor.post(admin_url(Activity, "change", activity), form_data(page, slug="taken-later"))
    make_activity(slug="taken-later")  # meanwhile, another record takes the address
    reviewer = client_for(client, manager)
    response = reviewer.post(
        admin_url(Activity, "revision", activity), {"publish": "1"}, follow=True
    )
    assert "Activity with this Slug already exists." in response.content.decode()
    activity.refresh_from_db()
    assert activity.slug == "modal-training-2021" and pending_revision(activity) is not None
