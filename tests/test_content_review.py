"""The seed content says what the seeds say, no more, and says it the same way everywhere.

The first half reads the fixture files themselves (what `load_seed` loads), so that the checks
hold for any edit to them; the second half reads the loaded seed through the pages.
docs/content-review.md lists each change made to the fixtures and the seed passage behind it.
"""

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from activities.models import Activity
from partners.models import Organisation, Partnership
from projects.models import Project, Result
from search.index import search

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ROWS = [row for path in sorted(FIXTURES.glob("*.json")) for row in json.loads(path.read_text())]
# The one name of each fund, per language (organisations' names come from their records).
FUNDS = {
    "EUTF": {"en": "EU Emergency Trust Fund for Africa"},
    "FFU": {"fr": "Fonds fiduciaire d’urgence de l’Union européenne pour l’Afrique"},
}
# Words that speak to the reader about the page rather than about the Action.
EDITORIAL = re.compile(r"\b(see the|voir l|click|cliquez|note:|TODO|TBD)\b", re.IGNORECASE)


def texts():
    """(model, pk, field, language, text) of every translated text in the fixtures."""
    for row in ROWS:
        for name, value in row["fields"].items():
            match = re.fullmatch(r"(\w+)_(en|fr)", name)
            # slug_fr is the French address beside the English `slug`, not a translated text.
            if match and isinstance(value, str) and match[1] != "slug":
                yield row["model"], row["pk"], match[1], match[2], value


def organisations():
    return [row["fields"] for row in ROWS if row["model"] == "partners.organisation"]


def test_every_translated_text_is_given_in_both_languages():
    given = defaultdict(dict)
    for model, pk, field, language, text in texts():
        given[(model, pk, field)][language] = text.strip()
    missing = [key for key, both in given.items() if bool(both.get("en")) != bool(both.get("fr"))]
    assert missing == []


def test_no_two_records_share_a_description():
    seen = {}
    for model, pk, field, language, text in texts():
        if len(text) < 40:  # names and places may repeat; descriptions may not
            continue
        key = (model, field, language, text.strip())
        assert key not in seen, f"{model} {pk} repeats {model} {seen[key]}: {field}_{language}"
        seen[key] = pk


def test_no_name_repeats_its_acronym():
    for organisation in organisations():
        for language in ("en", "fr"):
            name, acronym = organisation[f"name_{language}"], organisation[f"acronym_{language}"]
            if acronym:
                assert name != acronym, name
                assert f"({acronym})" not in name, name
    for row in ROWS:
        if row["model"] == "projects.project" and row["fields"]["acronym"]:
            assert f"({row['fields']['acronym']})" not in row["fields"]["title_en"]


def test_an_organisation_or_fund_named_with_its_acronym_has_its_one_name():
    """ "Name (ACRONYM)" in any text uses the organisation's or the fund's own name."""
    names = defaultdict(dict)
    for organisation in organisations():
        for language in ("en", "fr"):
            if organisation[f"acronym_{language}"]:
                names[organisation[f"acronym_{language}"]][language] = organisation[
                    f"name_{language}"
                ]
    for acronym, by_language in FUNDS.items():
        names[acronym].update(by_language)
    checked = 0
    for model, pk, field, language, text in texts():
        for match in re.finditer(r"\(([A-Z]{2,8})\)", text):
            expected = names.get(match[1], {}).get(language)
            if expected is None:
                continue
            before = text[: match.start()].rstrip()
            assert before.endswith(expected), f"{model} {pk} {field}_{language}: {before[-80:]}"
            checked += 1
    assert checked > 20


def test_variant_names_of_the_seeds_are_gone():
    variants = [
        "Delegate Ministry in charge",
        "Ministère délégué chargé",
        "(GIZ) GmbH",
        "Fonds Fiduciaire",
        "Union Européenne",
        "via the Emergency Trust Fund",
        "Senegalese living abroad",
    ]
    for model, pk, field, language, text in texts():
        for variant in variants:
            assert variant not in text, f"{model} {pk} {field}_{language}"


def test_no_editorial_note_to_the_reader():
    for model, pk, field, language, text in texts():
        assert not EDITORIAL.search(text), f"{model} {pk} {field}_{language}: {text[:80]}"


def test_english_and_french_name_the_same_actor():
    result = next(
        r for r in ROWS if r["fields"].get("slug") == "ivorian-moroccan-regional-cooperation"
    )
    assert result["fields"]["description_en"].startswith("The Action")
    assert result["fields"]["description_fr"].startswith("L’Action")


# The loaded seed, as the public reads it ---------------------------------------------------


def test_no_seeded_project_or_activity_has_a_status(seed):
    assert not Project.objects.filter(status__isnull=False).exists()
    assert not Activity.objects.filter(status__isnull=False).exists()


@pytest.mark.parametrize("slug", ["recosa", "acss", "modal"])
def test_no_project_page_shows_a_status(client, seed, slug):
    html = client.get(f"/en/projects/{slug}/").content.decode()
    assert "<dt>Status</dt>" not in html
    assert "Closed" not in html


def test_the_action_shows_its_period_and_its_length(client, seed):
    html = client.get("/en/projects/acss/").content.decode()
    assert (
        'December 2018</time> – <time datetime="2021-12">December 2021</time> (36 months)' in html
    )
    assert (
        'décembre 2018</time> – <time datetime="2021-12">décembre 2021</time> (36 mois)'
        in client.get("/fr/projets/acss/").content.decode()
    )


def test_recosa_has_no_owner_and_no_countries_the_seeds_do_not_give(seed):
    recosa = Project.objects.get(slug="recosa")
    assert list(recosa.countries.all()) == []
    assert not Partnership.objects.filter(project=recosa).exists()
    assert "GIZ" not in recosa.summary_en


def test_morocco_is_the_main_partner_through_its_ministry(client, seed):
    ministry = Organisation.objects.get(slug="mdcmre")
    assert "Morocco’s main partner" not in ministry.description_en
    assert "Morocco is the Action’s main partner through this ministry" in ministry.description_en
    html = client.get("/en/countries/ma/").content.decode()
    assert "Main partner of the Action, through the Delegate Ministry" in html


def test_planning_workshops_are_credited_to_no_ministry(seed):
    workshops = Activity.objects.get(slug="planning-workshops-action-plans")
    assert list(workshops.organisations.all()) == []


def test_fields_of_intervention_only_where_the_seeds_give_them(seed):
    tagged = {
        "projects": {p.slug: sorted(t.slug for t in p.themes.all()) for p in Project.objects.all()},
        "activities": sorted(a.slug for a in Activity.objects.filter(themes__isnull=False)),
        "results": sorted(r.slug for r in Result.objects.filter(theme__isnull=False)),
    }
    assert tagged == {
        "projects": {
            "recosa": [],
            "acss": ["migrants-rights", "migration-development", "south-south-mobility"],
            "modal": ["migration-development"],
        },
        "activities": ["adaptation-moroccan-integration-measures", "modal-training-2021"],
        "results": [
            "diaspora-strategy-cote-divoire",
            "modal-networking-of-actors",
            "modal-participants-trained-2021",
            "moroccan-integration-measures-adapted",
        ],
    }


def test_the_action_page_shows_what_the_infosheet_adds(client, seed):
    html = client.get("/en/projects/acss/").content.decode()
    assert "in collaboration with the ministries of migration and the statistics agencies" in html
    for line in ("Region: Africa", "Focus: Development", "Theme: Cooperation and good practices"):
        assert f"<li>{line}</li>" in html
    assert "as the European Union’s delegated body" in html
    main = ["knowledge-of-actors", "skills-and-dialogue-platforms", "networks-of-stakeholders"]
    for slug in main:
        assert f'href="/en/activities/{slug}/"' in html
    french = client.get("/fr/projets/acss/").content.decode()
    assert "<li>Région : Afrique</li>" in french


def test_the_second_field_carries_the_wording_on_women_migrants(client, seed):
    html = client.get("/en/themes/migrants-rights/").content.decode()
    assert "the protection of women migrants’ rights" in html
    french = client.get("/fr/themes/droits-des-migrants/").content.decode()
    assert "la protection des droits des femmes migrantes" in french


def test_modal_started_at_the_end_of_2020(client, seed):
    html = client.get("/en/projects/modal/").content.decode()
    assert "Since the end of 2020, ADEPT has been working in partnership with GIZ" in html
    assert "ADEPT (ADEPT)" not in client.get("/en/partners/adept/").content.decode()


@pytest.mark.parametrize(
    ("query", "language"),
    [("SSCAM", "en"), ("ASSC", "fr"), ("South-South Cooperation Action on Migration", "en")],
)
def test_every_name_of_the_action_finds_it(seed, query, language):
    assert "acss" in {
        e.url.rstrip("/").rsplit("/", 1)[-1] for e in search(query, language=language)
    }


def test_the_action_page_lists_its_other_names(client, seed):
    html = client.get("/en/projects/acss/").content.decode()
    for alias in ("SSCAM", "ASSC", "Action de Coopération Sud-Sud"):
        assert f'<span class="alias">{alias}</span>' in html
