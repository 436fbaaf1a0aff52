import pytest
from django.contrib import admin
from django.urls import reverse

from projects.models import Project


def test_project_change_form_has_english_and_french_tabs_served_locally(staff_client, seed):
    project = Project.objects.get(slug="acss")
    response = staff_client.get(reverse("admin:projects_project_change", args=[project.pk]))
    html = response.content.decode()
    assert 'name="title_en"' in html and 'name="title_fr"' in html
    assert "tabbed_translation_fields.js" in html
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html and "cdn" not in html.lower()


def test_saving_a_new_french_title_changes_the_french_page_only(staff_client, client, seed):
    project = Project.objects.get(slug="modal")
    url = reverse("admin:projects_project_change", args=[project.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "title_fr": "Nouveau titre MODAL",
            "seen_version": project.version,
            "countries": [c.pk for c in project.countries.all()],
            "themes": [t.pk for t in project.themes.all()],
            "parent": project.parent_id,
            "status": "",
            # Inline management forms: keep the existing partnerships, add no link.
            "partnerships-TOTAL_FORMS": "0",
            "partnerships-INITIAL_FORMS": "0",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        }
    )
    data = {key: value for key, value in data.items() if key not in {"id"}}
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Nouveau titre MODAL" in client.get("/fr/projets/modal/").content.decode()
    english = client.get("/en/projects/modal/").content.decode()
    assert "Nouveau titre MODAL" not in english
    assert "Mobilisation of Diaspora Organisations" in english
    assert project.partnerships.count() == 5


OUR_APPS = {"projects", "partners", "activities", "documents", "auth"}


@pytest.mark.parametrize(
    "model",
    [model for model in admin.site._registry if model._meta.app_label in OUR_APPS],
    ids=lambda m: m._meta.label,
)
def test_every_changelist_and_add_form_opens(staff_client, seed, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert staff_client.get(changelist).status_code == 200
    add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    assert staff_client.get(add).status_code == 200


def test_admin_search_finds_a_project_by_its_french_title(staff_client, seed):
    response = staff_client.get(
        reverse("admin:projects_project_changelist"), {"q": "Mobilisation des organisations"}
    )
    assert [p.slug for p in response.context["cl"].result_list] == ["modal"]


def test_translation_filter_lists_records_missing_french(staff_client, seed):
    Project.objects.filter(slug="recosa").update(summary_fr="")
    url = reverse("admin:projects_project_changelist")
    response = staff_client.get(url, {"incomplete": "fr"})
    assert [p.slug for p in response.context["cl"].result_list] == ["recosa"]
    assert response.context["cl"].result_count == 1
    assert staff_client.get(url, {"incomplete": "en"}).context["cl"].result_count == 0


def test_changelist_shows_translation_completeness(staff_client, seed):
    Project.objects.filter(slug="recosa").update(summary_fr="")
    html = staff_client.get(reverse("admin:projects_project_changelist")).content.decode()
    assert "French complete" in html
    assert html.count('alt="False"') == 1


def test_an_event_ending_before_it_starts_is_refused_in_the_admin(staff_client, seed):
    from activities.models import Event

    event = Event.objects.get(slug="modal-training-bamako-2021")
    url = reverse("admin:activities_event_change", args=[event.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "id"}
    data.update(
        {
            "organisations": [o.pk for o in event.organisations.all()],
            "start_date": "2021-08-13",
            "end_date": "2021-08-09",
            "participants_on_site": "",
            "participants_online": "",
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "The end cannot be before the start." in response.content.decode()
    event.refresh_from_db()
    assert str(event.end_date) == "2021-08-13"
