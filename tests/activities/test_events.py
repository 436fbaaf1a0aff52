"""The events: their list, their pages, their calendar files and their feed."""

import datetime
import re

import pytest
from django.utils import timezone

from activities.calendar import escape, fold
from activities.models import Activity, Event
from tests.factories import make_event


def listed(response):
    html = response.content.decode()
    section = html.split('class="list-results"')[1].split("</section>")[0]
    slugs = re.findall(r'href="/(?:en|fr)/(?:events|evenements)/([a-z0-9-]+)/"', section)
    return [slug for slug in slugs if slug not in ("feed", "flux")]


SEED_EVENTS = [
    "modal-training-bassam-2021",
    "modal-training-bamako-2021",
    "modal-training-thies-2021",
]


def test_event_list_shows_past_events_latest_first(client, seed):
    response = client.get("/en/events/")
    assert response.status_code == 200
    assert listed(response) == SEED_EVENTS
    html = response.content.decode()
    assert "<h2>Past</h2>" in html and "<h2>Upcoming</h2>" not in html


def test_upcoming_events_come_first_soonest_first(client, seed):
    today = timezone.localdate()
    activity = Activity.objects.get(slug="modal-training-2021")
    in_nine_days = today + datetime.timedelta(9)
    later = make_event(
        activity=activity, slug="later", start_date=in_nine_days, end_date=in_nine_days
    )
    sooner = make_event(activity=activity, slug="sooner", start_date=today, end_date=today)
    response = client.get("/en/events/")
    assert listed(response) == ["sooner", "later", *SEED_EVENTS]
    html = response.content.decode()
    assert html.index("<h2>Upcoming</h2>") < html.index("sooner") < html.index("<h2>Past</h2>")
    assert listed(client.get("/en/events/", {"when": "upcoming"})) == [sooner.slug, later.slug]
    assert listed(client.get("/en/events/", {"when": "past"})) == SEED_EVENTS


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "SN"}, ["modal-training-thies-2021"]),
        ({"country": ["SN", "ML"]}, ["modal-training-bamako-2021", "modal-training-thies-2021"]),
        ({"type": "training"}, SEED_EVENTS),
        ({"type": "workshop"}, []),
        ({"mode": "hybrid"}, SEED_EVENTS),
        ({"mode": "online"}, []),
        ({"year": "2021"}, SEED_EVENTS),
        ({"year": "2020"}, []),
    ],
)
def test_event_filters(client, seed, params, expected):
    response = client.get("/en/events/", params)
    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.parametrize(
    "params",
    [{"year": "twenty"}, {"country": "XX"}, {"mode": "by-post"}, {"when": "someday"}],
)
def test_bad_event_filters_give_a_400_that_says_why(client, seed, params):
    response = client.get("/en/events/", params)
    assert response.status_code == 400
    assert 'class="form-errors"' in response.content.decode()


def test_event_list_reads_in_french(client, seed):
    html = client.get("/fr/evenements/", {"country": "ML"}).content.decode()
    assert "Session de formation MODAL à Bamako" in html
    assert "<h2>Passés</h2>" in html and "1 événement" in html


def test_event_page_names_its_activity_place_and_other_sessions(client, seed):
    response = client.get("/en/events/modal-training-thies-2021/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>MODAL training session in Thiès</h1>" in html
    assert 'href="/en/activities/modal-training-2021/"' in html
    assert 'href="/en/events/modal-training-bamako-2021/"' in html  # another session
    assert 'href="/en/events/modal-training-thies-2021/calendar.ics"' in html
    fr = client.get("/fr/evenements/modal-training-thies-2021/").content.decode()
    assert 'href="/fr/evenements/modal-training-thies-2021/calendrier.ics"' in fr


def test_unknown_event_is_a_404(client, seed):
    assert client.get("/en/events/no-such-event/").status_code == 404
    assert client.get("/en/events/no-such-event/calendar.ics").status_code == 404


def test_event_of_a_draft_activity_is_a_404_everywhere(client, seed):
    Activity.objects.filter(slug="modal-training-2021").update(publication="draft")
    for path in (
        "/en/events/modal-training-thies-2021/",
        "/en/events/modal-training-thies-2021/calendar.ics",
    ):
        assert client.get(path).status_code == 404
    assert listed(client.get("/en/events/")) == []
    assert "modal-training" not in client.get("/en/events/feed/").content.decode()


def test_activity_page_links_each_event_page_and_calendar_file(client, seed):
    html = client.get("/en/activities/modal-training-2021/").content.decode()
    assert 'href="/en/events/modal-training-thies-2021/"' in html
    assert 'href="/en/events/modal-training-thies-2021/calendar.ics"' in html


def test_activities_filtered_by_senegal_say_where_their_sessions_were_held(client, seed):
    html = client.get("/en/activities/", {"country": "SN"}).content.decode()
    item = html.split('href="/en/activities/modal-training-2021/"')[1].split("</li>")[0]
    assert "Held in:" in item
    assert '<a href="/en/events/modal-training-thies-2021/">Thiès</a> (Senegal)' in item
    assert "Bamako</a> (Mali)" in item


def test_activity_list_never_names_an_event_of_a_draft_activity(client, seed):
    draft = Activity.objects.create(
        slug="draft-one", title_en="Draft", kind="pilot", project_id=2, publication="draft"
    )
    make_event(activity=draft, place_en="Secret town")
    assert "Secret town" not in client.get("/en/activities/").content.decode()


# iCalendar


def calendar(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="modal-training-thies-2021.ics"'
    return response.content


def unfold(body: bytes) -> str:
    return body.decode().replace("\r\n ", "")


def test_calendar_file_is_an_all_day_event_in_crlf_lines_of_75_octets(client, seed):
    body = calendar(client, "/en/events/modal-training-thies-2021/calendar.ics")
    assert body.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    lines = body.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    text = unfold(body)
    assert "DTSTART;VALUE=DATE:20210802\r\n" in text
    assert "DTEND;VALUE=DATE:20210807\r\n" in text  # the day after the last (exclusive end)
    assert "SUMMARY;LANGUAGE=en:MODAL training session in Thiès\r\n" in text
    assert "LOCATION;LANGUAGE=en:Thiès\\, Senegal\r\n" in text
    assert "URL:http://testserver/en/events/modal-training-thies-2021/\r\n" in text


def test_calendar_file_is_in_the_pages_language_with_the_same_uid(client, seed):
    en = unfold(calendar(client, "/en/events/modal-training-thies-2021/calendar.ics"))
    fr = unfold(calendar(client, "/fr/evenements/modal-training-thies-2021/calendrier.ics"))
    assert "SUMMARY;LANGUAGE=fr:Session de formation MODAL à Thiès\r\n" in fr
    assert "LOCATION;LANGUAGE=fr:Thiès\\, Sénégal\r\n" in fr
    uid = re.search(r"UID:(.+)\r\n", en)[1]
    assert uid == re.search(r"UID:(.+)\r\n", fr)[1]
    assert uid == f"event-{Event.objects.get(slug='modal-training-thies-2021').pk}@testserver"


def test_text_values_are_escaped():
    assert escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_folding_never_splits_a_character():
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line).encode()
    parts = folded.split(b"\r\n")
    assert all(len(part) <= 75 for part in parts)
    assert all(part.startswith(b" ") for part in parts[1:])
    for part in parts:
        part.decode()  # each physical line is valid UTF-8
    assert fold(line).replace("\r\n ", "") == line
    assert fold("SHORT:x") == "SHORT:x"


# Feeds


def test_event_feed_in_both_languages(client, seed):
    en = client.get("/en/events/feed/")
    assert en["Content-Type"].startswith("application/atom+xml")
    xml = en.content.decode()
    assert 'xml:lang="en"' in xml
    assert '<link href="http://testserver/en/events/modal-training-bassam-2021/"' in xml
    assert xml.index("Bassam") < xml.index("Thiès")  # latest first
    fr = client.get("/fr/evenements/flux/").content.decode()
    assert 'xml:lang="fr"' in fr and "Session de formation MODAL à Thiès" in fr
    assert '<link href="http://testserver/fr/evenements/modal-training-thies-2021/"' in fr


def test_event_pages_link_the_event_feed(client, seed):
    for path in ("/en/events/", "/en/events/modal-training-thies-2021/"):
        html = client.get(path).content.decode()
        assert '<link rel="alternate" type="application/atom+xml" href="/en/events/feed/"' in html


def test_event_under_a_draft_project_is_a_404(client, seed):
    from projects.models import Project

    Project.objects.filter(slug="modal").update(publication="draft")
    assert client.get("/en/events/modal-training-thies-2021/").status_code == 404
    assert client.get("/fr/evenements/modal-training-thies-2021/calendrier.ics").status_code == 404
    assert listed(client.get("/en/events/")) == []


def test_calendar_file_takes_one_query(client, seed, django_assert_num_queries):
    # One for the event, one for the page cache's content generation.
    with django_assert_num_queries(2):
        client.get("/en/events/modal-training-thies-2021/calendar.ics")


def test_staff_preview_an_event_of_a_draft_activity_without_its_calendar_file(staff_client, seed):
    Activity.objects.filter(slug="modal-training-2021").update(publication="draft")
    response = staff_client.get("/en/events/modal-training-thies-2021/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="preview-banner"' in html
    assert "calendar.ics" not in html
    assert staff_client.get("/en/events/modal-training-thies-2021/calendar.ics").status_code == 404


def test_a_country_page_leads_to_its_events_filtered(client, seed):
    html = client.get("/fr/pays/sn/").content.decode()
    link = re.search(r'href="([^"]+)">Filtrer les événements organisés dans ce pays', html)[1]
    assert link == "/fr/evenements/?country=SN"
    assert listed(client.get(link)) == ["modal-training-thies-2021"]
