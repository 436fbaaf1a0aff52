"""The seed content loads, reloads, and holds the seed documents' facts in both languages."""

import datetime
from pathlib import Path

from django.core.management import call_command
from django.utils import translation

from activities.models import Activity, Event
from partners.models import Contact, Organisation, Partnership
from projects.models import Agreement, Country, Project, Result, ThematicArea
from search.index import search

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MODELS = [
    Country,
    ThematicArea,
    Project,
    Agreement,
    Result,
    Organisation,
    Partnership,
    Contact,
    Activity,
    Event,
]


def snapshot():
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in MODELS}


def test_fixtures_load_into_an_empty_database_and_a_second_load_changes_nothing(empty_db):
    fixtures = sorted(str(path) for path in FIXTURES.glob("*.json"))
    call_command("loaddata", *fixtures, verbosity=0)
    # Plain loaddata indexes the records for search as it goes.
    assert [e.title for e in search("bamako", kind="event", language="fr")] == [
        "Session de formation MODAL à Bamako"
    ]
    first = snapshot()
    acss_before = Project.objects.values().get(slug="acss")
    call_command("load_seed", "--force", verbosity=0)
    assert snapshot() == first
    assert Project.objects.values().get(slug="acss") == acss_before
    # Each record has its first version kept, and loading again adds none.
    versions = {model.__name__: model.history.count() for model in MODELS}
    assert all(versions.values())
    call_command("load_seed", "--force", verbosity=0)
    assert {model.__name__: model.history.count() for model in MODELS} == versions
    assert Country.objects.count() == 4
    assert Event.objects.count() == 3


def test_load_seed_leaves_an_edited_database_alone(seed):
    Project.objects.filter(slug="acss").update(title_en="Edited by staff")
    call_command("load_seed", verbosity=0)
    assert Project.objects.get(slug="acss").title_en == "Edited by staff"


def test_the_action_is_described_in_both_languages(seed):
    action = Project.objects.get(featured=True)
    assert action.slug == "acss"
    assert action.title_en == "Action for South-South Cooperation on Migration"
    assert action.title_fr == "Action de Coopération Sud-Sud en matière de migration"
    for field in ("summary", "context", "objective", "approach"):
        assert getattr(action, f"{field}_en"), field
        assert getattr(action, f"{field}_fr"), field
    assert action.parent.slug == "recosa"
    assert Project.objects.get(slug="modal").parent == action
    with translation.override("fr"):
        assert str(action.planned_period) == "décembre 2018 – décembre 2021"
    assert str(action.planned_period) == "December 2018 – December 2021"


def test_funders_lead_agency_and_implementers_of_the_action(seed):
    roles = {
        (p.organisation.slug, p.role)
        for p in Partnership.objects.filter(project__slug="acss").select_related("organisation")
    }
    assert {("european-union", "funder"), ("bmz", "funder"), ("mdcmre", "accountable")} <= roles
    assert {("giz", "implementer"), ("expertise-france", "implementer")} <= roles


def test_memoranda_are_dated_to_the_month_the_seeds_give(seed):
    signed = {a.slug: a.signed.isoformat() for a in Agreement.objects.all()}
    assert signed == {
        "mou-morocco-senegal-2013": "2013-06",
        "mou-morocco-cote-divoire-2015": "2015-01",
        "mou-morocco-mali-2019": "2019-02",
        "joint-action-plans-2019": "2019-06",
    }
    with translation.override("fr"):
        assert str(Agreement.objects.get(slug="mou-morocco-senegal-2013").signed) == "juin 2013"


def test_directorate_belongs_to_its_ministry(seed):
    dgase = Organisation.objects.get(slug="dgase")
    assert dgase.parent.acronym == "MAESE"
    assert dgase.country.code == "SN"
    assert dgase.email == "karimcisse2000@yahoo.fr"


def test_modal_training_in_bamako_has_its_dates_partners_and_participants(seed):
    bamako = Event.objects.select_related("activity", "country").get(
        slug="modal-training-bamako-2021"
    )
    assert (bamako.start_date, bamako.end_date) == (
        datetime.date(2021, 8, 9),
        datetime.date(2021, 8, 13),
    )
    assert bamako.country.code == "ML"
    assert bamako.format == "hybrid"
    assert {o.short_name for o in bamako.organisations.all()} == {"ADEPT", "FECONG"}
    training = bamako.activity
    assert (training.participants_on_site, training.participants_online) == (45, 30)
    assert training.participants_approximate
    assert bamako.title_fr == "Session de formation MODAL à Bamako"


def test_focal_points_are_public_with_their_countries(seed):
    focal = {c.country.code: c.name for c in Contact.objects.published().select_related("country")}
    assert focal == {
        "MA": "Julien Cesana",
        "CI": "Djelloule Markria",
        "ML": "Aliou Barry",
        "SN": "Gilles Cressan",
    }


def test_every_translated_text_in_the_seed_exists_in_french(seed):
    from core.admin import missing_translations

    for model in MODELS:
        for record in model.objects.all():
            assert missing_translations(record, "fr") == [], f"{model.__name__} {record.pk}"
            assert missing_translations(record, "en") == [], f"{model.__name__} {record.pk}"
