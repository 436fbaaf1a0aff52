"""Every change is kept with who, when, old and new values, in both languages, and restorable."""

from django.urls import reverse
from django.utils import translation

from activities.models import Activity
from projects.models import Project
from tests.admin_helpers import form_data
from tests.backoffice.conftest import client_for


def test_an_admin_edit_is_kept_with_old_and_new_values(client, manager):
    client = client_for(client, manager)
    project = Project.objects.get(slug="modal")
    url = reverse("admin:projects_project_change", args=[project.pk])
    response = client.post(url, form_data(client.get(url), title_fr="MODAL : nouveau titre"))
    assert response.status_code == 302
    latest, previous = project.history.all()[:2]
    assert latest.history_user == manager
    changes = {
        change.field: (change.old, change.new) for change in latest.diff_against(previous).changes
    }
    assert changes["title_fr"] == (
        "Mobilisation des organisations de la diaspora et des associations locales pour le développement",
        "MODAL : nouveau titre",
    )


def test_the_history_page_shows_the_changes(client, manager):
    client = client_for(client, manager)
    project = Project.objects.get(slug="modal")
    url = reverse("admin:projects_project_change", args=[project.pk])
    client.post(url, form_data(client.get(url), acronym="MODAL-1"))
    history = client.get(reverse("admin:projects_project_history", args=[project.pk]))
    latest, previous = history.context["page_obj"].object_list[:2]
    assert latest.history_user == manager
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(previous).changes}
    assert changes["acronym"] == ("MODAL", "MODAL-1")
    html = history.content.decode()
    assert f'<a href="/admin/auth/user/{manager.pk}/change/">manager</a>' in html


def test_a_programme_manager_restores_an_earlier_version(client, manager):
    client = client_for(client, manager)
    project = Project.objects.get(slug="modal")
    url = reverse("admin:projects_project_change", args=[project.pk])
    client.post(url, form_data(client.get(url), title_en="Vandalised title"))
    original = project.history.order_by("history_date").first()
    revert_url = reverse(
        "admin:projects_project_simple_history", args=[project.pk, original.history_id]
    )
    page = client.get(revert_url)
    assert page.status_code == 200
    client.post(revert_url, form_data(page))
    project.refresh_from_db()
    assert (
        project.title_en
        == "Mobilisation of Diaspora Organisations and Local Associations for Development"
    )


def test_publication_steps_are_in_the_history(client, manager):
    from core.publication import change_publication

    activity = Activity.objects.get(slug="modal-training-2021")
    change_publication(activity, to="review", by=manager)
    change_publication(activity, to="published", by=manager)
    reasons = list(activity.history.values_list("history_change_reason", flat=True)[:2])
    # Language-neutral codes, shown in the reader's language on the history page.
    assert reasons == ["published", "submitted"]
    client.force_login(manager)
    url = reverse("admin:activities_activity_history", args=[activity.pk])
    with translation.override("fr"):
        html = client.get(url, headers={"accept-language": "fr"}).content.decode()
    assert "Envoyé en relecture" in html
