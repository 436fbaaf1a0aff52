import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import make_activity, make_event


@pytest.mark.django_db
def test_an_event_ending_before_it_starts_is_rejected_with_a_message():
    event = make_event()
    event.end_date = event.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end_date" in error.value.message_dict


@pytest.mark.django_db
def test_the_database_itself_refuses_an_event_ending_before_it_starts():
    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(event).objects.filter(pk=event.pk).update(end_date=datetime.date(2000, 1, 1))


@pytest.mark.django_db
def test_negative_participant_counts_are_refused():
    event = make_event()
    event.participants_online = -3
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "participants_online" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        type(event).objects.filter(pk=event.pk).update(participants_on_site=-1)


@pytest.mark.django_db
def test_activity_total_adds_what_is_known():
    assert make_activity(participants_on_site=45, participants_online=30).participants_total == 75
    assert make_activity(participants_on_site=12).participants_total == 12
    assert make_activity().participants_total is None


@pytest.mark.django_db
def test_activity_dates_known_to_the_month_are_kept_at_that_precision():
    activity = make_activity(start_date=datetime.date(2021, 8, 17), start_date_precision="month")
    activity.full_clean()
    assert activity.start_date == datetime.date(2021, 8, 1)
    assert str(activity.period) == "since August 2021"
