"""Journeys a visitor makes through the portal, in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_from_the_countries_to_an_activitys_events_switching_language_on_the_way(browser, site):
    page = browser.new_page()
    page.goto(site + "/en/countries/")
    page.get_by_role("link", name="Mali", exact=True).click()
    page.wait_for_url("**/en/countries/ml/")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/pays/ml/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mali"
    page.get_by_role(
        "link", name="Formation MODAL des organisations de la société civile et de la diaspora"
    ).first.click()
    page.wait_for_url("**/fr/activites/**")
    events = page.get_by_role("heading", name="Session de formation MODAL à Bamako")
    assert events.is_visible()
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/activities/**")
    assert page.get_by_role("heading", name="MODAL training session in Bamako").is_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    page.close()


def test_a_search_with_a_typo_finds_the_record_and_opens_on_the_results(browser, site):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site + "/en/search/")
    main = page.get_by_role("main")
    main.get_by_role("searchbox", name="Search the portal").fill("bamakko")
    main.get_by_role("button", name="Search").click()
    page.wait_for_url(lambda url: "q=bamakko" in url and url.endswith("#results"))
    assert page.evaluate("document.activeElement.id") == "results"
    assert page.get_by_role("link", name="MODAL training session in Bamako").is_visible()
    assert page.locator(".search-results mark").first.inner_text() == "Bamako"
    # The results heading is on screen, not below the form.
    assert -1 <= page.locator("#results").bounding_box()["y"] < 740
    page.close()
