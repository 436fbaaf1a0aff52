"""The issue's story, through the admin as staff would live it."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from activities.models import Activity
from projects.models import Country, Project
from tests.admin_helpers import form_data
from tests.backoffice.conftest import client_for

EDITOR_PASSWORD = "Bamako-ministere-2026"


def test_a_mali_editor_drafts_an_activity_that_goes_public_only_once_published(client, manager):
    # The programme manager creates the account, then gives it its role and country.
    manager_client = client_for(Client(), manager)
    add = reverse("admin:auth_user_add")
    response = manager_client.post(
        add,
        form_data(
            manager_client.get(add),
            username="aminata",
            password1=EDITOR_PASSWORD,
            password2=EDITOR_PASSWORD,
            usable_password="true",
        ),
    )
    assert response.status_code == 302
    aminata = User.objects.get(username="aminata")
    change = reverse("admin:auth_user_change", args=[aminata.pk])
    page = manager_client.get(change)
    data = form_data(
        page,
        groups=[str(Group.objects.get(name="Ministry editor").pk)],
        **{"staff_profile-0-countries": [str(Country.objects.get(code="ML").pk)]},
    )
    assert manager_client.post(change, data).status_code == 302
    aminata.refresh_from_db()
    assert aminata.is_staff and [c.code for c in aminata.staff_profile.countries.all()] == ["ML"]

    # The editor signs in and sees Mali's records only.
    editor = Client()
    login = editor.post(
        reverse("admin:login"), {"username": "aminata", "password": EDITOR_PASSWORD}
    )
    assert login.status_code == 302
    listed = editor.get(reverse("admin:activities_activity_changelist")).context["cl"].queryset
    assert all(Country.objects.get(code="ML") in a.countries.all() for a in listed)

    # She drafts a new activity in both languages...
    add = reverse("admin:activities_activity_add")
    data = form_data(
        editor.get(add),
        title_en="Consular days for Malians in Morocco",
        title_fr="Journées consulaires pour les Maliens au Maroc",
        summary_en="Draft description.",
        summary_fr="Description provisoire.",
        slug="consular-days-malians-morocco",
        kind="dialogue",
        project=str(Project.objects.get(slug="acss").pk),
        countries=[str(Country.objects.get(code="ML").pk)],
        publication="draft",
    )
    assert editor.post(add, data).status_code == 302
    activity = Activity.objects.get(slug="consular-days-malians-morocco")

    # ...and sends it to review; it stays off the public site.
    editor.post(
        reverse("admin:activities_activity_changelist"),
        {"action": "send_to_review", "_selected_action": [activity.pk]},
    )
    activity.refresh_from_db()
    assert activity.publication == "review"
    public = Client()
    assert public.get("/fr/activites/consular-days-malians-morocco/").status_code == 404
    assert "Journées consulaires" not in public.get("/fr/activites/").content.decode()

    # The programme manager publishes it.
    manager_client.post(
        reverse("admin:activities_activity_changelist"),
        {"action": "publish", "_selected_action": [activity.pk]},
    )
    page = public.get("/fr/activites/journees-consulaires-pour-les-maliens-au-maroc/")
    assert (
        page.status_code == 200
        and "Journées consulaires pour les Maliens au Maroc" in page.content.decode()
    )

    # The history shows every step, with who did it.
    entries = [
        (h.history_user.username, h.publication) for h in activity.history.order_by("history_date")
    ]
    steps = [entry for i, entry in enumerate(entries) if i == 0 or entry != entries[i - 1]]
    assert steps == [("aminata", "draft"), ("aminata", "review"), ("manager", "published")]
    history_page = manager_client.get(
        reverse("admin:activities_activity_history", args=[activity.pk])
    )
    assert "<td>\n          Published\n        </td>" in history_page.content.decode()


def test_create_staff_command_makes_an_editor_for_mali(seed, monkeypatch):
    monkeypatch.setenv("NEW_STAFF_PASSWORD", EDITOR_PASSWORD)
    call_command(
        "create_staff",
        "aminata",
        "--role",
        "ministry-editor",
        "--country",
        "ml",
        "--password-env",
        "NEW_STAFF_PASSWORD",
    )
    user = User.objects.get(username="aminata")
    assert user.is_staff and user.check_password(EDITOR_PASSWORD)
    assert [g.name for g in user.groups.all()] == ["Ministry editor"]
    assert [c.code for c in user.staff_profile.countries.all()] == ["ML"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--role", "ministry-editor"], "needs at least one --country"),
        (["--role", "ministry-editor", "--country", "XX"], "Unknown country code"),
        (["--role", "translator"], "too short"),
        (["--role", "programme-manager", "--country", "ML"], "Only ministry editors"),
        (
            ["--role", "ministry-editor", "--country", "ML", "--translates-into", "fr"],
            "Only translators",
        ),
    ],
)
def test_create_staff_command_refuses_bad_input(seed, monkeypatch, arguments, message):
    monkeypatch.setenv("NEW_STAFF_PASSWORD", "short")
    with pytest.raises(CommandError, match=message):
        call_command("create_staff", "someone", *arguments, "--password-env", "NEW_STAFF_PASSWORD")
    assert not User.objects.filter(username="someone").exists()


def test_create_staff_says_when_the_password_variable_is_missing(seed, monkeypatch):
    monkeypatch.delenv("NO_SUCH_VARIABLE", raising=False)
    with pytest.raises(CommandError, match="NO_SUCH_VARIABLE is not set"):
        call_command(
            "create_staff", "someone", "--role", "translator", "--password-env", "NO_SUCH_VARIABLE"
        )


def test_roles_are_groups_created_by_migration(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Programme manager",
        "Ministry editor",
        "Translator",
    }
    assert (
        Group.objects.get(name="Ministry editor")
        .permissions.filter(codename="publish_activity")
        .count()
        == 0
    )
    assert (
        Group.objects.get(name="Programme manager")
        .permissions.filter(codename="publish_activity")
        .count()
        == 1
    )
