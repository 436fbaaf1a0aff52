"""The map: the four countries linked with their public numbers, and the corridors between them."""

import gzip
import re
import xml.etree.ElementTree as ET

from activities.models import Activity
from figures.maps import DATA, Corridor, MapCountry, region_map_svg
from projects.models import Agreement, Country
from tests.factories import make_activity

SVG = "{http://www.w3.org/2000/svg}"


def map_of(html: str) -> ET.Element:
    """The map's <svg> element, parsed as XML (which it must be, to stand alone)."""
    markup = re.search(r'<svg [^>]*class="region-map".*?</svg>', html, re.S).group(0)
    return ET.fromstring(markup)


def links(svg: ET.Element) -> dict:
    """href → the link's title, for every link in the drawing that a keyboard reaches."""
    return {
        a.get("href"): a.find(f"{SVG}title").text
        for a in svg.iter(f"{SVG}a")
        if a.get("tabindex") != "-1"
    }


def test_the_names_written_on_the_map_are_links_that_add_no_tab_stop(client, seed):
    svg = map_of(client.get("/en/").content.decode())
    hidden = [a for a in svg.iter(f"{SVG}a") if a.get("tabindex") == "-1"]
    assert {a.get("href") for a in hidden} == {
        f"/en/countries/{c}/" for c in ["ci", "ma", "ml", "sn"]
    }
    assert all(a.get("aria-hidden") == "true" for a in hidden)


def numbers(code):
    """The country's public projects and activities, counted the plain way."""
    country = Country.objects.get(code=code)
    return country.projects.published().count(), country.activities.published().count()


def english(code):
    projects, activities = numbers(code)
    return (
        f"{projects} project{'' if projects == 1 else 's'} · "
        f"{activities} activit{'y' if activities == 1 else 'ies'}"
    )


def test_home_map_links_the_four_countries_with_their_public_numbers(client, seed):
    found = links(map_of(client.get("/en/").content.decode()))
    assert found["/en/countries/ma/"] == f"Morocco: {english('MA')}"
    assert found["/en/countries/ml/"] == f"Mali: {english('ML')}"
    assert found["/en/countries/sn/"] == f"Senegal: {english('SN')}"
    assert found["/en/countries/ci/"] == f"Côte d’Ivoire: {english('CI')}"
    assert numbers("MA") != (0, 0)


def test_a_draft_activity_is_not_counted_and_a_published_one_is(client, seed):
    mali = Country.objects.get(code="ML")
    projects, activities = numbers("ML")
    make_activity(publication="draft").countries.add(mali)
    assert links(map_of(client.get("/en/").content.decode()))["/en/countries/ml/"] == (
        f"Mali: {projects} projects · {activities} activities"
    )
    make_activity().countries.add(mali)
    assert links(map_of(client.get("/en/").content.decode()))["/en/countries/ml/"] == (
        f"Mali: {projects} projects · {activities + 1} activities"
    )


def test_the_list_beside_the_map_gives_the_same_numbers(client, seed):
    html = client.get("/fr/").content.decode()
    facts = re.search(r'<ul class="map-countries">(.*?)</ul>', html, re.S).group(1)
    projects, activities = numbers("ML")
    assert re.search(
        rf'<a href="/fr/pays/ml/">Mali</a>\s*<span class="meta">{projects} projets</span>\s*'
        rf'<span class="meta">{activities} activités</span>',
        facts,
    )


def test_each_public_agreement_is_a_corridor_linked_from_the_map(client, seed):
    Agreement.objects.filter(slug="mou-morocco-senegal-2013").update(publication="draft")
    svg = map_of(client.get("/en/").content.decode())
    titles = " ".join(links(svg).values())
    assert "Memorandum of understanding between Morocco and Mali on migration" in titles
    assert "Joint action plans for South-South cooperation on migration" in titles
    # A draft agreement is neither drawn nor named.
    assert "Morocco and Senegal" not in titles
    assert "mou-morocco-senegal-2013" not in client.get("/en/").content.decode()
    for agreement in Agreement.objects.published():
        assert any(agreement.slug in href for href in links(svg))


def test_the_map_has_a_title_and_a_description_for_assistive_technology(client, seed):
    svg = map_of(client.get("/en/").content.decode())
    title, description = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == title.get("id")
    assert svg.get("aria-describedby") == description.get("id")
    assert title.text == "Map of the Action’s four countries in West and North Africa"
    assert f"Mali: {english('ML')}." in description.text
    assert "Memorandum of understanding, February 2019" in description.text


def test_a_country_page_shows_that_country_with_its_partners_and_its_corridors_only(client, seed):
    html = client.get("/en/countries/ml/").content.decode()
    svg = map_of(html)
    assert svg.find(f"{SVG}title").text == "Map of Mali and its partner countries in the Action"
    titles = " ".join(links(svg).values())
    assert "between Morocco and Mali" in titles
    assert "between Morocco and Senegal" not in titles
    # The corridor's link leads somewhere that answers.
    for href in links(svg):
        assert client.get(href.split("#")[0]).status_code == 200


def test_the_map_reads_the_same_in_french(client, seed):
    svg = map_of(client.get("/fr/").content.decode())
    projects, activities = numbers("SN")
    assert links(svg)["/fr/pays/sn/"] == f"Sénégal : {projects} projets · {activities} activités"
    assert svg.find(f"{SVG}title").text.startswith("Carte")


def test_the_map_data_file_is_small():
    assert len(gzip.compress(DATA.read_bytes())) < 30 * 1024


def test_without_links_the_map_is_one_standalone_image_drawn_without_a_stylesheet():
    countries = [MapCountry("ML", "Mali", "/ml/", 1, 2), MapCountry("SN", "Senegal", "/sn/", 0, 1)]
    corridor = Corridor(("ML", "SN"), "An agreement", "memorandum", "MoU", "2019", "/a/")
    markup = region_map_svg(countries=countries, corridors=[corridor], link=False, language="en")
    svg = ET.fromstring(markup)
    assert svg.get("role") == "img"
    assert not list(svg.iter(f"{SVG}a"))
    # Every shape says its own colour: nothing depends on the portal's CSS.
    for path in svg.iter(f"{SVG}path"):
        assert path.get("fill") or path.get("stroke") or path in svg.find(f"{SVG}g")


def test_names_in_the_map_are_escaped():
    countries = [MapCountry("ML", "<script>x</script>", "/ml/?a=1&b=2", 1, 1)]
    markup = region_map_svg(countries=countries, language="en")
    assert "<script>" not in markup
    assert 'href="/ml/?a=1&amp;b=2"' in markup
    ET.fromstring(markup)


def test_activities_bound_to_no_country_do_not_change_the_countries_numbers(client, seed):
    before = links(map_of(client.get("/en/").content.decode()))
    published = Activity.objects.published().count()
    make_activity()
    assert links(map_of(client.get("/en/").content.decode())) == before
    assert Activity.objects.published().count() == published + 1


def test_a_country_the_map_has_no_shape_for_is_listed_beside_it(client, seed):
    from tests.factories import make_country

    ghana = make_country("GH", name_en="Ghana", name_fr="Ghana")
    agreement = Agreement.objects.create(
        slug="mou-ghana-mali", kind="memorandum", title_en="Ghana and Mali", publication="published"
    )
    agreement.countries.set([ghana, Country.objects.get(code="ML")])
    html = client.get("/en/").content.decode()
    assert "/en/countries/gh/" not in links(map_of(html))
    facts = re.search(r'<div class="map-facts">.*?</div>', html, re.S).group(0)
    assert '<a href="/en/countries/gh/">Ghana</a>' in facts
    assert "Ghana and Mali" in facts


def test_the_map_draws_a_bounded_number_of_agreements_the_latest(client, seed):
    import datetime

    from figures.selectors import CORRIDORS_SHOWN

    pair = list(Country.objects.filter(code__in=["ML", "SN"]))
    for n in range(CORRIDORS_SHOWN):
        agreement = Agreement.objects.create(
            slug=f"agreement-{n}",
            kind="memorandum",
            title_en=f"Agreement number {n}",
            signed_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            publication="published",
        )
        agreement.countries.set(pair)
    html = client.get("/en/").content.decode()
    titles = " ".join(links(map_of(html)).values())
    assert titles.count("Agreement number") == CORRIDORS_SHOWN
    # The oldest agreements (the seed's) are left out, and the page says so.
    assert "Morocco and Senegal" not in titles
    assert "Only the latest agreements are drawn and listed here." in html
