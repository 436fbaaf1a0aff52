"""Holes found attacking the back-office as a Mali editor, a translator and a visitor.

Each test does what the attacker did and asserts what should hold; each fails on the code
as it was attacked.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from activities.models import Activity, Event
from core.publication import pending_revision, publish_revision
from documents.models import Document
from partners.models import Contact, Organisation, Partnership
from projects.models import Project, Result
from tests.admin_helpers import admin_url, country, form_data
from tests.backoffice.conftest import client_for, make_staff
from tests.documents.test_library import pdf_bytes
from tests.factories import make_activity, make_event, make_project


def public_page(client, path):
    client.logout()
    return client.get(path).content.decode()


# Adding or moving a record without a publication state of its own ------------------------


def test_an_editors_new_event_under_a_public_activity_is_not_public_before_review(
    client, mali_editor
):
    activity = Activity.objects.get(slug="modal-training-2021")
    editor = client_for(client, mali_editor)
    data = form_data(
        editor.get(admin_url(Event, "add")),
        title_en="Unreviewed session in Kayes",
        slug="unreviewed-kayes",
        kind="workshop",
        format="on-site",
        place_en="Kayes",
        country=country("ML").pk,
        start_date="2021-10-01",
        end_date="2021-10-02",
        activity=activity.pk,
    )
    response = editor.post(admin_url(Event, "add"), data)
    # Refused with a message: such a record is proposed through its parent's pending changes.
    assert response.status_code == 200
    assert "would appear on the public site at once" in response.content.decode()
    assert "Unreviewed session" not in public_page(client, activity.get_absolute_url())


def test_an_editors_new_partnership_of_a_public_project_is_not_public_before_review(
    client, mali_editor
):
    project = Project.objects.get(slug="modal")
    organisation = Organisation.objects.published().exclude(partnerships__project=project)
    organisation = organisation.first()
    editor = client_for(client, mali_editor)
    data = form_data(
        editor.get(admin_url(Partnership, "add")),
        project=project.pk,
        organisation=organisation.pk,
        role="funder",
        note_en="Unreviewed funder",
    )
    response = editor.post(admin_url(Partnership, "add"), data)
    # Refused with a message: such a record is proposed through its parent's pending changes.
    assert response.status_code == 200
    assert "would appear on the public site at once" in response.content.decode()
    assert "Unreviewed funder" not in public_page(client, project.get_absolute_url())


def test_an_editors_new_focal_point_is_not_shown_publicly_before_review(client, mali_editor):
    editor = client_for(client, mali_editor)
    data = form_data(
        editor.get(admin_url(Contact, "add")),
        name="Unreviewed Focal Person",
        country=country("ML").pk,
        shown_publicly="on",
    )
    response = editor.post(admin_url(Contact, "add"), data)
    # Refused with a message: such a record is proposed through its parent's pending changes.
    assert response.status_code == 200
    assert "would appear on the public site at once" in response.content.decode()
    assert "Unreviewed Focal Person" not in public_page(client, "/en/countries/ml/")


def test_an_editor_cannot_show_a_hidden_focal_point_publicly_without_review(client, mali_editor):
    contact = Contact.objects.create(
        name="Hidden Focal Person", country=country("ML"), shown_publicly=False
    )
    editor = client_for(client, mali_editor)
    page = editor.get(admin_url(Contact, "change", contact))
    response = editor.post(
        admin_url(Contact, "change", contact), form_data(page, shown_publicly="on")
    )
    assert response.status_code == 302
    assert "Hidden Focal Person" not in public_page(client, "/en/countries/ml/")


def test_an_editor_cannot_move_an_event_from_a_draft_activity_to_a_public_one_without_review(
    client, mali_editor
):
    public = Activity.objects.get(slug="modal-training-2021")
    draft = make_activity(project=Project.objects.get(slug="modal"), publication="draft")
    draft.countries.set([country("ML")])
    event = make_event(activity=draft, country=country("ML"), title_en="Moved session")
    editor = client_for(client, mali_editor)
    page = editor.get(admin_url(Event, "change", event))
    response = editor.post(admin_url(Event, "change", event), form_data(page, activity=public.pk))
    assert response.status_code == 302
    assert "Moved session" not in public_page(client, public.get_absolute_url())


def test_an_editor_cannot_make_a_published_result_public_by_moving_it_to_a_public_project(
    client, mali_editor
):
    # A published result under a project a programme manager took back to draft.
    draft_project = make_project(slug="bamako-draft", publication="draft")
    draft_project.countries.set([country("ML")])
    result = Result.objects.create(
        slug="kept-result",
        title_en="A reviewed result",
        project=draft_project,
        publication="published",
    )
    result.countries.set([country("ML")])
    public = Project.objects.get(slug="modal")
    editor = client_for(client, mali_editor)
    page = editor.get(admin_url(Result, "change", result))
    response = editor.post(
        admin_url(Result, "change", result),
        form_data(page, project=public.pk, title_en="Unreviewed result text"),
    )
    assert response.status_code == 302
    assert "Unreviewed result text" not in public_page(client, public.get_absolute_url())


# Pending revisions ---------------------------------------------------------------------


def test_an_editor_cannot_read_another_authors_pending_changes_to_a_shared_record(
    client, mali_editor
):
    activity = Activity.objects.get(slug="modal-training-2021")
    senegal_editor = make_staff("dakar-editor", "Ministry editor", ["SN"])
    dakar = client_for(client, senegal_editor)
    page = dakar.get(admin_url(Activity, "change", activity))
    dakar.post(
        admin_url(Activity, "change", activity),
        form_data(page, summary_en="Confidential Dakar proposal"),
    )
    assert pending_revision(activity).author == senegal_editor
    dakar.logout()
    bamako = client_for(client, mali_editor)
    # The review page of that revision is refused to them...
    assert bamako.get(admin_url(Activity, "revision", activity)).status_code == 403
    # ...and so should be the proposal itself, shown in the record's form.
    html = bamako.get(admin_url(Activity, "change", activity)).content.decode()
    assert "Confidential Dakar proposal" not in html


def test_publishing_a_revision_does_not_undo_changes_made_after_it_was_proposed(
    client, mali_editor, manager
):
    activity = Activity.objects.get(slug="modal-training-2021")
    editor = client_for(client, mali_editor)
    page = editor.get(admin_url(Activity, "change", activity))
    editor.post(admin_url(Activity, "change", activity), form_data(page, title_en="New title"))
    revision = pending_revision(activity)
    # Later, the programme manager corrects the place on the live record.
    activity.refresh_from_db()
    activity.place_en = "Corrected place"
    activity.save()
    publish_revision(revision, by=manager)
    activity.refresh_from_db()
    assert activity.title_en == "New title"
    assert activity.place_en == "Corrected place"


def test_text_a_translator_may_not_change_is_not_offered_to_the_next_editor(client, mali_editor):
    translator = make_staff("french-translator", "Translator")
    translator.staff_profile.translates_into = ["fr"]
    translator.staff_profile.save()
    activity = Activity.objects.get(slug="modal-training-2021")
    french = client_for(client, translator)
    page = french.get(admin_url(Activity, "change", activity))
    # The French translator posts an English title too; the form ignores it...
    french.post(
        admin_url(Activity, "change", activity),
        form_data(page, title_fr="Titre revu", title_en="English forged by a translator"),
    )
    assert "title_en" not in pending_revision(activity).data["fields"]
    french.logout()
    # ...but the Mali editor who opens the record next is handed it as the English title.
    bamako = client_for(client, mali_editor)
    page = bamako.get(admin_url(Activity, "change", activity))
    assert page.context["adminform"].form["title_en"].value() == activity.title_en


def review_of_an_event_change(client, mali_editor, manager, **changes):
    activity = Activity.objects.get(slug="modal-training-2021")
    editor = client_for(client, mali_editor)
    page = editor.get(admin_url(Activity, "change", activity))
    [events] = [inline.formset for inline in page.context["inline_admin_formsets"]]
    [bamako] = events.forms
    assert bamako.instance.slug == "modal-training-bamako-2021"
    changed = {f"{bamako.prefix}-{name}": value for name, value in changes.items()}
    response = editor.post(admin_url(Activity, "change", activity), form_data(page, **changed))
    assert response.status_code == 302 and pending_revision(activity) is not None
    editor.logout()
    reviewer = client_for(client, manager)
    return activity, reviewer.get(admin_url(Activity, "revision", activity))


def test_the_review_page_shows_every_change_a_revision_makes_to_inline_rows(
    client, mali_editor, manager
):
    activity, review = review_of_an_event_change(
        client, mali_editor, manager, description_en="Unannounced new description"
    )
    assert "Unannounced new description" in review.content.decode()
    # What the programme manager would publish without having been shown it:
    publish_revision(pending_revision(activity), by=manager)
    event = Event.objects.get(slug="modal-training-bamako-2021")
    assert event.description_en == "Unannounced new description"


def test_the_review_page_does_not_announce_removing_rows_the_revision_keeps(
    client, mali_editor, manager
):
    # The Mali editor sees only the Bamako session; Thiès and Bassam are not theirs.
    activity, review = review_of_an_event_change(
        client, mali_editor, manager, title_en="Bamako session, renamed"
    )
    changes = review.context["changes"]
    assert any(proposed == "Bamako session, renamed" for _label, _live, proposed in changes)
    assert not any("removed" in proposed for _label, _live, proposed in changes)
    publish_revision(pending_revision(activity), by=manager)
    assert activity.events.count() == 3


def test_publishing_an_editors_new_file_for_a_public_document_serves_that_file(
    client, mali_editor, manager
):
    editor = client_for(client, mali_editor)
    data = form_data(
        editor.get(admin_url(Document, "add")),
        title_en="Bamako study",
        slug="bamako-study",
        category="study",
        language="en",
        published_on="2021-10-01",
        countries=[country("ML").pk],
    )
    data["file"] = SimpleUploadedFile("study.pdf", pdf_bytes())
    assert editor.post(admin_url(Document, "add"), data).status_code == 302
    document = Document.objects.get(slug="bamako-study")
    Document.objects.filter(pk=document.pk).update(publication="published")
    page = editor.get(admin_url(Document, "change", document))
    data = form_data(page)
    data["file"] = SimpleUploadedFile("second-edition.pdf", pdf_bytes())
    assert editor.post(admin_url(Document, "change", document), data).status_code == 302
    publish_revision(pending_revision(document), by=manager)
    editor.logout()
    response = client.get("/en/documents/bamako-study/")
    assert response.status_code == 200
