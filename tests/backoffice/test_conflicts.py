"""Two people editing the same record: the second save is refused, nothing is overwritten."""

from django.test import Client
from django.urls import reverse

from projects.models import Project
from tests.admin_helpers import form_data
from tests.backoffice.conftest import make_staff


def test_a_save_made_on_an_outdated_copy_is_refused_with_a_clear_message(manager):
    amina = make_staff("amina", "Programme manager")
    first, second = Client(), Client()
    first.force_login(manager)
    second.force_login(amina)
    project = Project.objects.get(slug="modal")
    url = reverse("admin:projects_project_change", args=[project.pk])
    page_first, page_second = first.get(url), second.get(url)

    assert first.post(url, form_data(page_first, title_fr="Titre de Moussa")).status_code == 302
    response = second.post(url, form_data(page_second, title_fr="Titre d’Amina"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "manager changed this record" in html
    assert "title [fr]" in html
    assert "Your changes were not saved" in html
    project.refresh_from_db()
    assert project.title_fr == "Titre de Moussa"


def test_saving_again_after_reloading_works(manager):
    client = Client()
    client.force_login(manager)
    project = Project.objects.get(slug="modal")
    url = reverse("admin:projects_project_change", args=[project.pk])
    assert client.post(url, form_data(client.get(url), acronym="M1")).status_code == 302
    assert client.post(url, form_data(client.get(url), acronym="M2")).status_code == 302
    project.refresh_from_db()
    assert (project.acronym, project.version) == ("M2", 3)
