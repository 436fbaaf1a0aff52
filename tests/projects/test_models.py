import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from core.partial_dates import PartialDate, Period
from projects.models import Country, Project
from tests.factories import make_country, make_project


@pytest.mark.parametrize(
    ("precision", "english", "french"),
    [
        ("month", "June 2013", "juin 2013"),
        ("year", "2013", "2013"),
        ("day", "14 June 2013", "14 juin 2013"),
    ],
)
def test_partial_dates_print_at_their_precision_in_each_language(precision, english, french):
    value = PartialDate(datetime.date(2013, 6, 14), precision)
    assert str(value) == english
    with translation.override("fr"):
        assert str(value) == french


def test_period_with_only_a_start_reads_since():
    period = Period(PartialDate(datetime.date(2020, 1, 1), "year"), None)
    assert str(period) == "since 2020"
    with translation.override("fr"):
        assert str(period) == "depuis 2020"


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (("2018-12-01", "month"), ("2021-12-01", "month"), 36),  # the Action, as its factsheet says
        (("2021-08-02", "day"), ("2021-08-27", "day"), 0),
        (("2020-01-01", "year"), ("2021-12-01", "month"), None),  # a year says too little
        (("2020-01-01", "month"), None, None),
    ],
)
def test_a_period_knows_its_length_in_months_only_when_both_months_are_known(start, end, months):
    def date(value):
        return PartialDate(datetime.date.fromisoformat(value[0]), value[1]) if value else None

    assert Period(date(start), date(end)).months == months


@pytest.mark.django_db
def test_project_ending_before_it_starts_is_rejected():
    project = make_project(planned_start=datetime.date(2021, 1, 1))
    project.planned_end = datetime.date(2020, 1, 1)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "planned_end" in error.value.message_dict


@pytest.mark.django_db
def test_month_precision_drops_a_made_up_day():
    project = make_project(
        planned_start=datetime.date(2018, 12, 17), planned_start_precision="month"
    )
    project.full_clean()
    assert project.planned_start == datetime.date(2018, 12, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug", ["Has-Capitals", "two--hyphens", "space here", "-leading", "accentué"]
)
def test_malformed_slugs_are_refused(slug):
    project = make_project()
    project.slug = slug
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "slug" in error.value.message_dict


def test_duplicate_slug_is_refused(empty_db):
    make_project(slug="acss")
    with pytest.raises(ValidationError):
        Project(slug="acss", title_en="Again").full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["MLI", "M", "m1", "12"])
def test_malformed_iso_codes_are_refused(code):
    with pytest.raises(ValidationError) as error:
        Country(code=code, name_en="X", name_fr="X").full_clean()
    assert "code" in error.value.message_dict


def test_lower_case_iso_code_is_normalised_and_the_database_refuses_it_raw(empty_db):
    country = Country(code="sn", name_en="Senegal", name_fr="Sénégal")
    country.full_clean()
    assert country.code == "SN"
    with pytest.raises(IntegrityError), transaction.atomic():
        Country.objects.create(code="ci", name_en="x", name_fr="x")


def test_only_one_project_is_presented_on_the_home_page(empty_db):
    make_project(featured=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_project(featured=True)


@pytest.mark.django_db
def test_a_project_cannot_be_inside_itself():
    parent = make_project()
    child = make_project(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError) as error:
        parent.full_clean()
    assert "parent" in error.value.message_dict


def test_country_code_must_be_unique(empty_db):
    make_country("ML")
    with pytest.raises(ValidationError):
        Country(code="ML", name_en="Mali", name_fr="Mali").full_clean()
