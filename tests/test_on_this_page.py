"""Long record pages start with a list of their sections, and only the sections present."""

import re

import pytest


def on_this_page(html):
    nav = re.search(r'<nav class="on-this-page".*?</nav>', html, re.DOTALL)
    if nav is None:
        return None
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', nav[0])


@pytest.mark.parametrize(
    "path",
    [
        "/en/projects/acss/",
        "/en/countries/sn/",
        "/en/activities/modal-training-2021/",
        "/en/partners/adept/",
        "/en/themes/migration-development/",
    ],
)
def test_each_link_leads_to_a_section_of_the_page(client, seed, path):
    html = client.get(path).content.decode()
    sections = on_this_page(html)
    assert sections and len(sections) >= 2
    for anchor, title in sections:
        # <h2 id="…">, or the <h2> of a <section id="…">
        heading = rf'id="{anchor}">(?:<h2>)?{re.escape(title)}</h2>'
        assert re.search(heading, html)


def test_the_list_names_only_the_sections_present(client, seed):
    html = client.get("/en/activities/modal-training-2021/").content.decode()
    titles = [title for _anchor, title in on_this_page(html)]
    assert titles == ["Partner organisations", "Events", "Sources", "Results"]
    fr = client.get("/fr/projets/acss/").content.decode()
    assert ("section-context", "Contexte") in on_this_page(fr)


def test_a_page_with_one_section_has_no_list(client, seed):
    html = client.get("/en/activities/mapping-emigrants-oecd/").content.decode()
    assert on_this_page(html) is None
