"""Journeys a visitor makes through the portal, in a real browser."""

import pytest

pytestmark = pytest.mark.browser


PHONE = {"width": 360, "height": 740}


def test_from_the_map_to_an_activitys_events_switching_language_on_the_way(browser, site):
    page = browser.new_page()
    page.goto(site + "/en/")
    # Mali on the drawn map (the SVG), not the list of facts beside it.
    page.locator('.map-drawing svg a[href="/en/countries/ml/"]:not([aria-hidden])').click()
    page.wait_for_url("**/en/countries/ml/")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/pays/ml/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mali"
    page.get_by_role(
        "link", name="Formation MODAL des organisations de la société civile et de la diaspora"
    ).first.click()
    page.wait_for_url("**/fr/activites/**")
    page.wait_for_url("**/fr/activites/formation-modal-des-organisations-de-la-societe/")
    page.get_by_role("link", name="Session de formation MODAL à Bamako").first.click()
    page.wait_for_url("**/fr/evenements/session-de-formation-modal-a-bamako/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/events/modal-training-bamako-2021/")
    assert page.get_by_role("heading", level=1).inner_text() == "MODAL training session in Bamako"
    assert page.locator("html").get_attribute("lang") == "en"
    page.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_phone_filters_wait_in_a_closed_disclosure_that_says_the_count(
    browser, site, javascript
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site + "/en/activities/")
    disclosure = page.locator("details.filters-disclosure")
    assert disclosure.get_attribute("open") is None
    assert page.get_by_label("Mali").is_hidden()
    # The results come first on the screen, not a thousand pixels down.
    assert page.locator("#list-count").bounding_box()["y"] < PHONE["height"]
    page.locator("details.filters-disclosure summary").click()
    page.get_by_label("Mali").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**country=ML**")
    assert "result" in page.locator("details.filters-disclosure summary").inner_text()
    chip = page.locator("a.chip")
    assert chip.count() == 1
    chip.click()
    page.wait_for_url(lambda url: "country=ML" not in url)
    context.close()


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
