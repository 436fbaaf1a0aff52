"""The IATI file validates against the official 2.03 schema and keeps the Standard's rulesets."""

import datetime
from pathlib import Path

import pytest
from lxml import etree

from partners.models import Organisation
from projects.models import Country, Project
from tests.factories import make_project
from tests.opendata.iati_rules import violations

# A copy of the official schema (IATI-Schemas, version 2.03), so that CI needs nothing else.
SCHEMA = Path(__file__).parent / "iati-2.03" / "iati-activities-schema.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def fetch(client, path="/iati/activities.xml"):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def assert_valid(schema, root):
    assert schema.validate(root), schema.error_log.filter_from_errors()
    assert violations(root) == []


def activity(root, slug):
    (found,) = [a for a in root if a.findtext("iati-identifier").endswith(f"-{slug}")]
    return found


def test_seed_file_validates_and_keeps_the_rulesets(client, seed, schema):
    root = fetch(client)
    assert_valid(schema, root)
    identifiers = [a.findtext("iati-identifier") for a in root]
    # RECOSA has no known start, which IATI requires: it is left out.
    assert identifiers == ["XM-DAC-5-7-acss", "XM-DAC-5-7-modal"]


def test_every_narrative_of_the_seed_is_in_english_and_french(client, seed):
    root = fetch(client)
    for parent in root.iter("title", "description", "recipient-country", "participating-org"):
        if parent.getparent().tag == "document-link":
            continue  # a factsheet link is in one language, and says so
        languages = sorted(n.get(XML_LANG) for n in parent.findall("narrative"))
        if parent.get("ref") is None:  # the reporting organisation names itself in English
            assert languages == ["en", "fr"], etree.tostring(parent)


def test_the_action_carries_what_iati_asks(client, seed):
    acss = activity(fetch(client), "acss")
    assert acss.findtext("title/narrative") == "Action for South-South Cooperation on Migration"
    roles = sorted(
        (o.findtext("narrative"), o.get("role")) for o in acss.findall("participating-org")
    )
    assert ("European Union", "1") in roles
    assert ("Expertise France", "4") in roles
    # Planned December 2018 to December 2021: closed, by the dates.
    assert acss.find("activity-status").get("code") == "4"
    dates = {d.get("type"): d.get("iso-date") for d in acss.findall("activity-date")}
    assert dates == {"1": "2018-12-01", "3": "2021-12-01"}
    countries = {c.get("code"): c.get("percentage") for c in acss.findall("recipient-country")}
    assert countries == {"CI": "25", "MA": "25", "ML": "25", "SN": "25"}
    assert acss.find("sector").attrib == {"vocabulary": "1", "code": "15190", "percentage": "100"}
    assert acss.find("tag").get("vocabulary") == "3" and acss.find("tag").get("code") == "10.7"
    urls = [link.get("url") for link in acss.findall("document-link")]
    assert "http://testserver/en/projects/acss/factsheet.pdf" in urls
    assert "http://testserver/fr/projets/acss/fiche.pdf" in urls
    assert "http://testserver/fr/projets/acss/" in urls  # its page, category A12
    assert (
        len(acss.findall("result")) == Project.objects.get(slug="acss").results.published().count()
    )
    assert acss.find("related-activity[@type='1']").get("ref") == "XM-DAC-5-7-recosa"
    assert acss.find("related-activity[@type='2']").get("ref") == "XM-DAC-5-7-modal"


def test_a_sub_project_without_an_end_ends_with_its_programme(client, seed):
    modal = activity(fetch(client), "modal")
    # MODAL started in 2020 and has no end of its own; the Action ended in December 2021.
    assert modal.find("activity-status").get("code") == "4"
    assert modal.find("related-activity[@type='1']").get("ref") == "XM-DAC-5-7-acss"


def test_one_project_alone(client, seed, schema):
    root = fetch(client, "/iati/activities/modal.xml")
    assert_valid(schema, root)
    assert [a.findtext("iati-identifier") for a in root] == ["XM-DAC-5-7-modal"]
    assert client.get("/iati/activities/recosa.xml").status_code == 404
    assert client.get("/iati/activities/no-such-project.xml").status_code == 404


def test_edge_cases_validate(client, seed, schema):
    """No dates, no partners, no French, no countries, no summary; a future start."""
    make_project(slug="undated", title_fr="")
    lone = make_project(slug="lonely", title_fr="", planned_start=datetime.date(2020, 5, 1))
    future = make_project(
        slug="future",
        planned_start=datetime.date(2100, 1, 1),
        actual_end=datetime.date(2101, 1, 1),
        summary_en="Later.",
    )
    future.countries.set(Country.objects.filter(code__in=["ML", "SN", "CI"]))
    root = fetch(client)
    assert_valid(schema, root)
    assert not [a for a in root if a.findtext("iati-identifier").endswith("-undated")]
    lonely = activity(root, "lonely")
    assert [n.get(XML_LANG) for n in lonely.findall("title/narrative")] == ["en"]
    # No partner: the reporting organisation answers for it.
    (org,) = lonely.findall("participating-org")
    assert org.get("role") == "2" and org.get("ref") == "XM-DAC-5-7"
    # No summary: the title describes it.
    assert lonely.findtext("description/narrative") == lone.title_en
    later = activity(root, "future")
    assert later.find("activity-status").get("code") == "1"
    assert [c.get("percentage") for c in later.findall("recipient-country")] == ["34", "33", "33"]
    # An actual end in the future is not a fact yet.
    assert later.find("activity-date[@type='4']") is None


def test_drafts_are_not_in_the_file(client, seed):
    action = Project.objects.get(slug="acss")
    make_project(
        slug="draft-child", parent=action, publication="draft", planned_start=action.planned_start
    )
    draft_funder = Organisation.objects.create(
        slug="draft-funder", name_en="Draft funder", kind="other", publication="draft"
    )
    action.partnerships.create(organisation=draft_funder, role="funder")
    body = client.get("/iati/activities.xml").content.decode()
    assert "draft-child" not in body
    assert "Draft funder" not in body
    assert client.get("/iati/activities/draft-child.xml").status_code == 404


def test_the_rules_catch_a_broken_file(client, seed, schema):
    root = fetch(client)
    acss = activity(root, "acss")
    acss.find("recipient-country").set("percentage", "26")
    acss.find("iati-identifier").text = "OTHER-acss"
    for date in acss.findall("activity-date"):
        acss.remove(date)
    found = violations(root)
    assert any(problem.startswith("OTHER-acss: 3.4.2") for problem in found)
    assert any("1.1.21" in problem for problem in found)
    assert any("6.11.1" in problem for problem in found)
    assert not schema.validate(root)  # activity-date is required by the schema too


def test_query_count_of_the_whole_file_is_bounded(client, seed, django_assert_max_num_queries):
    from opendata.iati import exported_projects

    # Made through each project page's own selector (about 20 queries a project), once per
    # content generation; until content changes, the file is served from the cache.
    with django_assert_max_num_queries(25 * len(exported_projects())):
        client.get("/iati/activities.xml")
    with django_assert_max_num_queries(2):
        client.get("/iati/activities.xml")
