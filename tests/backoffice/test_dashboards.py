"""Each role lands on its own back-office home, showing only what it may reach."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity
from backoffice.models import StaffProfile
from core import roles
from core.models import Publication, Revision
from projects.models import Country, Project
from tests.admin_helpers import admin_url
from tests.backoffice.conftest import make_staff

pytestmark = pytest.mark.django_db


def activity(slug, country, **fields):
    record = Activity.objects.create(
        slug=slug,
        title_en=fields.pop("title_en", slug),
        kind="pilot",
        project=Project.objects.get(slug="acss"),
        **fields,
    )
    record.countries.add(Country.objects.get(code=country))
    return record


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.context["dashboard"]


def section(dashboard, title):
    return next(s for s in dashboard["sections"] if str(s.title) == title)


def titles(section):
    return [str(item.record) for item in section.items]


def test_an_editor_sees_the_drafts_of_their_country_and_none_of_another(client, mali_editor):
    activity("mali-draft", "ML", title_en="Mali draft")
    activity("senegal-draft", "SN", title_en="Senegal draft")
    drafts = section(home(client, mali_editor), "Drafts")
    assert "Mali draft" in titles(drafts)
    assert "Senegal draft" not in titles(drafts)
    count = next(c for c in drafts.counts if c.label == "Activities")
    assert count.url == admin_url(Activity, "changelist") + "?publication__exact=draft"
    # The linked list shows exactly as many activities as the home counts.
    listed = client.get(count.url).context["cl"].result_count
    assert listed == count.count


def test_an_editor_sees_what_they_sent_to_review_and_what_was_published_lately(client, mali_editor):
    activity("mali-review", "ML", title_en="Mali in review", publication=Publication.REVIEW)
    old = activity("mali-old", "ML", title_en="Published long ago", publication="published")
    Activity.objects.filter(pk=old.pk).update(
        published_at=timezone.now() - datetime.timedelta(days=90)
    )
    new = activity("mali-new", "ML", title_en="Published this week", publication="published")
    Activity.objects.filter(pk=new.pk).update(published_at=timezone.now())
    dashboard = home(client, mali_editor)
    assert "Mali in review" in titles(section(dashboard, "Sent to review"))
    recent = titles(section(dashboard, "Recently published"))
    assert "Published this week" in recent
    assert "Published long ago" not in recent


def test_a_manager_sees_what_waits_for_review_by_country_and_age(client, manager):
    fresh = activity("fresh", "ML", title_en="Fresh", publication=Publication.REVIEW)
    stale = activity("stale", "SN", title_en="Stale", publication=Publication.REVIEW)
    fresh.history.update(history_change_reason="submitted")
    stale.history.update(
        history_change_reason="submitted",
        history_date=timezone.now() - datetime.timedelta(days=40),
    )
    dashboard = home(client, manager)
    waiting = section(dashboard, "Waiting for review")
    # The oldest first.
    assert titles(waiting).index("Stale") < titles(waiting).index("Fresh")
    rows = {str(row["country"]): row["ages"] for row in dashboard["by_country"]["rows"]}
    assert rows["Mali"][0] >= 1  # under a week
    assert rows["Senegal"][2] >= 1  # over four weeks


def test_a_translator_sees_missing_and_outdated_french(client, translator):
    missing = activity("no-french", "ML", title_en="No French yet")
    behind = activity("behind", "ML", title_en="Both languages", title_fr="Les deux langues")
    behind.title_en = "Both languages, English rewritten"
    behind.save()
    dashboard = home(client, translator)
    assert "No French yet" in titles(section(dashboard, "French missing"))
    outdated = section(dashboard, "French older than the other language")
    assert "Both languages, English rewritten" in titles(outdated)
    assert "No French yet" not in titles(outdated)
    count = next(c for c in outdated.counts if c.label == "Activities")
    shown = client.get(count.url).context["cl"].result_list
    assert behind in shown and missing not in shown


def test_a_translator_into_french_only_has_no_english_sections(client, seed):
    user = make_staff("fr-only", roles.TRANSLATOR)
    user.staff_profile.translates_into = ["fr"]
    user.staff_profile.save()
    sections = [str(s.title) for s in home(client, user)["sections"]]
    assert sections == ["French missing", "French older than the other language"]


def test_the_home_reads_a_bounded_number_of_queries(client, manager, django_assert_max_num_queries):
    for number in range(30):
        activity(f"review-{number}", "ML", publication=Publication.REVIEW)
    client.force_login(manager)
    with django_assert_max_num_queries(60):
        client.get(reverse("admin:index"))


# Email to reviewers ------------------------------------------------------------------------


def send_to_review(client, user, record):
    client.force_login(user)
    return client.post(
        admin_url(Activity, "changelist"),
        {"action": "send_to_review", "_selected_action": [record.pk]},
    )


def test_managers_are_told_by_email_when_a_record_is_sent_to_review(
    client, mali_editor, manager, django_capture_on_commit_callbacks
):
    record = activity("to-review", "ML", title_en="Training in Kayes")
    with django_capture_on_commit_callbacks(execute=True):
        send_to_review(client, mali_editor, record)
    record.refresh_from_db()
    assert record.publication == Publication.REVIEW
    assert [message.to for message in mail.outbox] == [[manager.email]]
    message = mail.outbox[0]
    assert "Training in Kayes" in message.subject
    assert f"http://127.0.0.1:8000/admin/activities/activity/{record.pk}/change/" in message.body
    assert "mali-editor" in message.body


def test_a_manager_who_prefers_french_is_told_in_french(
    client, mali_editor, manager, django_capture_on_commit_callbacks
):
    StaffProfile.objects.filter(user=manager).update(language="fr")
    record = activity("to-review-fr", "ML", title_en="Training in Kayes")
    with django_capture_on_commit_callbacks(execute=True):
        send_to_review(client, mali_editor, record)
    assert mail.outbox[0].subject.startswith("À relire")


def test_saving_a_record_already_in_review_sends_no_second_email(
    client, mali_editor, manager, django_capture_on_commit_callbacks
):
    record = activity("again", "ML", publication=Publication.REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        send_to_review(client, mali_editor, record)
    assert mail.outbox == []


def test_changes_proposed_to_a_published_record_are_announced_with_the_comparison_page(
    manager, mali_editor, django_capture_on_commit_callbacks
):
    record = activity("published", "ML", publication="published")
    with django_capture_on_commit_callbacks(execute=True):
        Revision.objects.create(
            content_type=ContentType.objects.get_for_model(Activity),
            object_id=record.pk,
            data={"fields": {}, "m2m": {}, "inlines": {}, "post": {}},
            base_version=record.version,
            author=mali_editor,
        )
    assert len(mail.outbox) == 1
    assert f"/admin/activities/activity/{record.pk}/revision/" in mail.outbox[0].body


# The admin in the staff member's language --------------------------------------------------


def test_staff_who_prefer_french_get_the_admin_in_french(client, mali_editor):
    client.force_login(mali_editor)
    response = client.post(reverse("admin:language_preference"), {"language": "fr"})
    assert response.status_code == 302
    page = client.get(reverse("admin:index"), headers={"accept-language": "en"})
    assert page.context["LANGUAGE_CODE"] == "fr"
    assert "Brouillons" in page.text
    assert "Déconnexion" in page.text  # Django's own words too


def test_a_language_that_is_not_offered_is_refused_and_nothing_changes(client, mali_editor):
    StaffProfile.objects.filter(user=mali_editor).update(language="fr")
    client.force_login(mali_editor)
    client.post(reverse("admin:language_preference"), {"language": "de"})
    assert StaffProfile.objects.get(user=mali_editor).language == "fr"


def test_the_language_preference_takes_post_only_and_needs_a_signed_in_staff_member(client, seed):
    url = reverse("admin:language_preference")
    assert client.post(url, {"language": "fr"}).status_code == 302  # to the sign-in page
    user = User.objects.create_user("visitor", password="a-long-pass-phrase")
    client.force_login(user)
    client.post(url, {"language": "fr"})
    assert not StaffProfile.objects.filter(user=user).exists()


def test_technical_sections_are_for_superusers_only(client, manager):
    client.force_login(manager)
    index = client.get(reverse("admin:index"))
    listed = {model["object_name"] for app in index.context["app_list"] for model in app["models"]}
    assert not listed & {"AccessAttempt", "AccessLog", "AccessFailureLog"}
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
    superuser = User.objects.create_superuser("root", "root@example.org", "a-long-pass-phrase")
    client.force_login(superuser)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 200


def test_a_title_with_a_line_break_or_a_mail_server_down_loses_nothing(
    client, mali_editor, manager, django_capture_on_commit_callbacks, monkeypatch
):
    record = activity("odd-title", "ML", title_en="Line one\nBcc: everyone@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        send_to_review(client, mali_editor, record)
    assert "\n" not in mail.outbox[0].subject
    assert mail.outbox[0].bcc == []

    def down(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("backoffice.notifications.send_mail", down)
    other = activity("while-down", "ML")
    with django_capture_on_commit_callbacks(execute=True):
        response = send_to_review(client, mali_editor, other)
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.publication == Publication.REVIEW
