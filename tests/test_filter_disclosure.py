"""List filters in a disclosure, with the active filters as chips that remove them."""

import re
from html import unescape


def chips(html):
    """(text, address) of each chip that removes a filter."""
    found = re.findall(r'<a class="chip" href="([^"]+)">(.*?)</a>', html, re.DOTALL)
    return [
        (re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip(), unescape(href))
        for href, text in found
    ]


def test_filters_sit_in_a_disclosure_closed_by_default(client, seed):
    html = client.get("/en/activities/", {"country": "SN"}).content.decode()
    assert '<details class="filters-disclosure">' in html  # closed: no "open"
    summary = html.split("<summary>")[1].split("</summary>")[0]
    assert "10 results" in summary and "1 filter in use" in summary
    assert "js/filters.js" in html  # opens it on wide screens


def test_the_disclosure_is_open_when_a_filter_is_wrong(client, seed):
    html = client.get("/en/activities/", {"year": "soon"}).content.decode()
    assert '<details class="filters-disclosure" open>' in html


def test_each_active_filter_is_a_chip_that_removes_it(client, seed):
    response = client.get(
        "/en/activities/", {"country": ["SN", "ML"], "type": "capacity-building", "page": "1"}
    )
    assert chips(response.content.decode()) == [
        ("Remove the filter Country: Senegal ×", "?country=ML&type=capacity-building"),
        ("Remove the filter Country: Mali ×", "?country=SN&type=capacity-building"),
        ("Remove the filter Type: Capacity building ×", "?country=SN&country=ML"),
    ]


def test_removing_the_last_filter_leads_to_the_whole_list(client, seed):
    html = client.get("/fr/evenements/", {"year": "2021"}).content.decode()
    assert chips(html) == [("Retirer le filtre Année : 2021 ×", "/fr/evenements/")]


def test_the_text_filter_chip_quotes_the_visitors_words(client, seed):
    html = client.get("/fr/activites/", {"q": "thies"}).content.decode()
    assert chips(html)[0][0].endswith("« thies » ×")


def test_no_chip_without_filters(client, seed):
    assert chips(client.get("/en/results/").content.decode()) == []


def test_chips_leave_out_the_empty_fields_a_submitted_form_sends(client, seed):
    html = client.get("/en/events/?q=&when=&country=SN&type=&mode=&year=&page=1").content.decode()
    assert chips(html) == [("Remove the filter Country: Senegal ×", "/en/events/")]


def test_a_choice_that_would_give_nothing_is_not_offered(client, seed):
    # No event was held in Morocco.
    html = client.get("/en/events/").content.decode()
    assert 'name="country" value="SN"' in html
    assert 'name="country" value="MA"' not in html
    assert '<option value="online"' not in html  # every session was hybrid
    assert '<option value="hybrid">Hybrid (on site and online) (3)</option>' in html


def test_a_chosen_choice_stays_offered_even_when_it_gives_nothing(client, seed):
    html = client.get("/en/events/", {"country": "MA"}).content.decode()
    assert re.search(r'name="country" value="MA" checked> Morocco <span class="count">\(0\)', html)
