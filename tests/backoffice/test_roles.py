"""The role matrix: each role, each action, on its own country's records and another's."""

import pytest
from django.urls import reverse

from activities.models import Activity, Event
from partners.models import Contact
from projects.models import Agreement, Project, Result
from tests.admin_helpers import form_data
from tests.backoffice.conftest import client_for

# (model, a record linked to Mali, a record not linked to Mali)
RECORDS = [
    (Project, {"slug": "acss"}, {"slug": "recosa"}),
    (
        Activity,
        {"slug": "modal-training-2021"},
        {"slug": "adaptation-moroccan-integration-measures", "_only": "SN"},
    ),
    (Event, {"slug": "modal-training-bamako-2021"}, {"slug": "modal-training-thies-2021"}),
    (
        Result,
        {"slug": "migration-policy-evaluation-mali"},
        {"slug": "diaspora-strategy-cote-divoire"},
    ),
    (Agreement, {"slug": "mou-morocco-mali-2019"}, {"slug": "mou-morocco-senegal-2013"}),
    (Contact, {"name": "Aliou Barry"}, {"name": "Gilles Cressan"}),
]


def get(model, lookup):
    lookup = dict(lookup)
    only = lookup.pop("_only", None)
    record = model.objects.get(**lookup)
    if only:  # narrow a seed record to one other country for the test
        from projects.models import Country

        record.countries.set(Country.objects.filter(code=only))
    return record


def url(model, action, record=None):
    opts = model._meta
    args = [record.pk] if record is not None else []
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args)


@pytest.mark.parametrize(
    ("model", "own", "other"), RECORDS, ids=lambda x: getattr(x, "__name__", "")
)
def test_ministry_editor_sees_and_edits_only_their_countries(
    client, mali_editor, model, own, other
):
    own, other = get(model, own), get(model, other)
    client = client_for(client, mali_editor)
    listed = list(client.get(url(model, "changelist")).context["cl"].queryset)
    assert own in listed and other not in listed
    assert client.get(url(model, "change", own)).status_code == 200
    assert client.get(url(model, "change", other)).status_code == 404
    assert client.get(url(model, "delete", other)).status_code == 404
    assert client.get(url(model, "history", other)).status_code == 404
    assert client.get(url(model, "add")).status_code == 200


@pytest.mark.parametrize("model", [Project, Activity, Result, Agreement], ids=lambda m: m.__name__)
def test_ministry_editor_cannot_delete_a_published_record(client, mali_editor, model):
    own = get(model, next(record[1] for record in RECORDS if record[0] is model))
    client = client_for(client, mali_editor)
    assert client.get(url(model, "delete", own)).status_code == 403
    assert client.post(url(model, "delete", own), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=own.pk).exists()


def test_ministry_editor_cannot_publish(client, mali_editor):
    client = client_for(client, mali_editor)
    activity = Activity.objects.get(slug="modal-training-2021")
    activity.publication = "review"
    activity.save()
    page = client.get(url(Activity, "change", activity))
    choices = [
        value for value, _label in page.context["adminform"].form.fields["publication"].choices
    ]
    assert choices == ["draft", "review"]
    response = client.post(
        url(Activity, "change", activity), form_data(page, publication="published")
    )
    assert response.status_code == 200
    activity.refresh_from_db()
    assert activity.publication == "review"
    response = client.post(
        url(Activity, "changelist"), {"action": "publish", "_selected_action": [activity.pk]}
    )
    activity.refresh_from_db()
    assert activity.publication == "review"


def test_ministry_editor_must_link_a_new_record_to_their_country(client, mali_editor):
    from projects.models import Country

    client = client_for(client, mali_editor)
    page = client.get(url(Activity, "add"))
    fields = {
        "title_en": "Training in Dakar",
        "slug": "training-dakar",
        "kind": "capacity-building",
        "project": Project.objects.get(slug="modal").pk,
    }
    # Senegal is not offered to a Mali editor: posting its id anyway is refused.
    senegal = Country.objects.get(code="SN").pk
    response = client.post(url(Activity, "add"), form_data(page, countries=[senegal], **fields))
    assert response.status_code == 200
    assert "countries" in response.context["adminform"].form.errors
    # No country at all: the record would leave the editor's reach.
    response = client.post(url(Activity, "add"), form_data(page, countries=[], **fields))
    assert "Link the record to at least one of your countries: Mali." in response.content.decode()
    assert not Activity.objects.filter(slug="training-dakar").exists()


def test_translator_edits_text_only_and_it_waits_for_review(client, translator, manager):
    from core.publication import pending_revision, publish_revision

    client = client_for(client, translator)
    event = Event.objects.get(slug="modal-training-bamako-2021")
    page = client.get(url(Event, "change", event))
    form = page.context["adminform"].form
    assert "title_fr" in form.fields and "description_en" in form.fields
    assert "start_date" not in form.fields and "country" not in form.fields
    data = form_data(page, title_fr="Formation MODAL à Bamako (corrigé)", start_date="2030-01-01")
    assert client.post(url(Event, "change", event), data).status_code == 302
    event.refresh_from_db()
    # The event is public: the new French title waits for a programme manager.
    assert event.title_fr == "Session de formation MODAL à Bamako"
    publish_revision(pending_revision(event), by=manager)
    event.refresh_from_db()
    assert event.title_fr == "Formation MODAL à Bamako (corrigé)"
    assert str(event.start_date) == "2021-08-09"


def test_a_translator_into_french_cannot_change_the_english_text(client, translator):
    translator.staff_profile.translates_into = ["fr"]
    translator.staff_profile.save()
    client = client_for(client, translator)
    event = Event.objects.get(slug="modal-training-bamako-2021")
    page = client.get(url(Event, "change", event))
    form = page.context["adminform"].form
    assert "title_fr" in form.fields and "title_en" not in form.fields
    client.post(url(Event, "change", event), form_data(page, title_en="Hijacked"))
    assert pending_title(event, "title_en") in (None, "MODAL training session in Bamako")


def pending_title(record, column):
    from core.publication import pending_revision

    revision = pending_revision(record)
    return revision.data["fields"].get(column) if revision else None


@pytest.mark.parametrize(
    "model", [Project, Activity, Event, Result, Agreement, Contact], ids=lambda m: m.__name__
)
def test_translator_cannot_add_delete_or_publish(client, translator, model):
    client = client_for(client, translator)
    record = model.objects.first()
    assert client.get(url(model, "add")).status_code == 403
    assert client.get(url(model, "delete", record)).status_code == 403
    page = client.get(url(model, "change", record))
    assert page.status_code == 200
    assert "publication" not in page.context["adminform"].form.fields
    # The list offers them no publication action, and posting one changes nothing.
    changelist = client.get(url(model, "changelist"))
    action_form = changelist.context["action_form"]
    offered = [name for name, _label in action_form.fields["action"].choices] if action_form else []
    assert "publish" not in offered and "unpublish" not in offered
    if hasattr(record, "publication"):
        state = record.publication
        client.post(
            url(model, "changelist"), {"action": "unpublish", "_selected_action": [record.pk]}
        )
        record.refresh_from_db()
        assert record.publication == state


def test_programme_manager_publishes_and_it_is_recorded(client, manager):
    client = client_for(client, manager)
    activity = Activity.objects.get(slug="modal-training-2021")
    activity.publication = "review"
    activity.save()
    client.post(
        url(Activity, "changelist"), {"action": "publish", "_selected_action": [activity.pk]}
    )
    activity.refresh_from_db()
    assert activity.publication == "published"
    assert activity.published_by == manager and activity.published_at is not None


@pytest.mark.parametrize(
    ("model", "own", "other"), RECORDS, ids=lambda x: getattr(x, "__name__", "")
)
def test_programme_manager_reaches_every_record(client, manager, model, own, other):
    client = client_for(client, manager)
    for record in (get(model, own), get(model, other)):
        assert client.get(url(model, "change", record)).status_code == 200
        assert client.get(url(model, "delete", record)).status_code == 200


def test_programme_manager_manages_staff_accounts_but_editors_do_not(client, manager, mali_editor):
    manager_client = client_for(client, manager)
    assert manager_client.get(reverse("admin:auth_user_changelist")).status_code == 200
    client.logout()
    editor_client = client_for(client, mali_editor)
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_lists_show_and_filter_the_publication_state(client, manager):
    client = client_for(client, manager)
    Activity.objects.filter(slug="modal-training-2021").update(publication="review")
    response = client.get(url(Activity, "changelist"), {"publication__exact": "review"})
    assert [a.slug for a in response.context["cl"].result_list] == ["modal-training-2021"]
    assert "In review" in response.content.decode()


def test_a_programme_manager_cannot_grant_rights_beyond_the_roles(client, manager):
    from django.contrib.auth.models import Permission, User

    boss = User.objects.create_superuser("boss", "boss@example.org", "another-long-pass-phrase")
    client = client_for(client, manager)
    assert client.get(reverse("admin:auth_user_change", args=[boss.pk])).status_code == 302
    change = reverse("admin:auth_user_change", args=[manager.pk])
    page = client.get(change)
    anything = Permission.objects.get(codename="delete_group")
    client.post(change, form_data(page, is_superuser="on", user_permissions=[str(anything.pk)]))
    manager.refresh_from_db()
    assert not manager.is_superuser
    assert not manager.user_permissions.exists()
