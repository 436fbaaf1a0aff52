"""What a visitor sees in a real browser: phone widths, keyboard, language switch, no JavaScript."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/fr/projets/?country=SN",
        "/fr/projets/acss/",
        "/fr/activites/formation-modal-des-organisations-de-la-societe/",
        "/fr/pays/ml/",
        "/fr/partenaires/",
        "/fr/recherche/?q=thies",
    ],
)
def test_pages_fit_a_360_pixel_phone_without_sideways_scrolling(browser, site, path):
    page = browser.new_page(viewport=PHONE)
    page.goto(site + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.close()


def test_skip_link_comes_first_and_moves_focus_to_the_content(browser, site):
    page = browser.new_page()
    page.goto(site + "/en/projects/acss/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
    assert page.locator(".skip-link").bounding_box()["x"] >= 0  # visible once focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()


def test_clicking_the_language_switch_keeps_the_filters(browser, site):
    page = browser.new_page()
    page.goto(site + "/en/projects/?country=SN&theme=migration-development")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/projets/**")
    assert page.url.endswith("/fr/projets/?country=SN&theme=migration-development")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("status").first.inner_text() == "2 projets"
    page.close()


def test_filters_work_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/fr/activites/")
    page.get_by_label("Mali").check()
    page.get_by_label("Type").select_option("capacity-building")
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**country=ML**")
    assert "type=capacity-building" in page.url
    assert page.get_by_role("status").first.inner_text() == "2 activités"
    page.get_by_role(
        "link", name="Formation MODAL des organisations de la société civile et de la diaspora"
    ).click()
    assert page.get_by_role("heading", name="Session de formation MODAL à Bamako").is_visible()
    context.close()


def test_searching_from_the_header_in_french(browser, site):
    page = browser.new_page()
    page.goto(site + "/fr/")
    page.get_by_role("searchbox", name="Rechercher dans le portail").fill("thies")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/recherche/?q=thies")
    assert page.get_by_role("link", name="Session de formation MODAL à Thiès").is_visible()
    page.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_the_filters_wait_behind_their_summary(browser, site, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site + "/en/events/?country=SN")
    assert not page.get_by_label("Year").is_visible()
    assert page.get_by_role("link", name="Remove the filter Country: Senegal").is_visible()
    page.locator("summary").click()
    page.get_by_label("Year").fill("2021")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**year=2021**")
    assert page.get_by_role("status").first.inner_text() == "1 event"
    page.get_by_role("link", name="Remove the filter Country: Senegal").click()
    page.wait_for_url("**/en/events/?year=2021")
    assert page.get_by_role("status").first.inner_text() == "3 events"
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_wide_screen_the_filters_are_shown_at_once(browser, site, javascript):
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(site + "/fr/evenements/")
    assert page.get_by_label("Année").is_visible()
    assert page.get_by_role("button", name="Appliquer les filtres").is_visible()
    context.close()
