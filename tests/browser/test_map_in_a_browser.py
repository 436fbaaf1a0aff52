"""The map in a real browser: its links are reached by keyboard, with a visible focus."""

import pytest

pytestmark = pytest.mark.browser


def test_tab_reaches_each_country_and_corridor_on_the_map_with_a_visible_focus(browser, site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "/en/")
    reached = {}
    for _ in range(80):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "document.activeElement.closest('svg.region-map') && document.activeElement.getAttribute('href')"
        )
        if href:
            shape = page.evaluate(
                "getComputedStyle(document.activeElement.querySelector('path')).fill"
                " + ' ' + getComputedStyle(document.activeElement.querySelector('path')).strokeWidth"
            )
            reached[href] = shape
    countries = {h: style for h, style in reached.items() if "/countries/" in h and "#" not in h}
    assert set(countries) >= {f"/en/countries/{c}/" for c in ["ci", "ma", "ml", "sn"]}
    # A focused country is filled in the focus colour, unlike the others.
    assert all(style.startswith("rgb(255, 208, 138)") for style in countries.values()), countries
    # The four agreements are reached too, their line drawn thicker when focused.
    corridors = [style for href, style in reached.items() if "agreement" in href]
    assert len(corridors) == 4
    assert all(style.endswith("6px") for style in corridors), corridors
    page.close()


def test_clicking_a_country_on_the_map_opens_its_page(browser, site):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site + "/fr/")
    page.locator('svg.region-map a[href="/fr/pays/sn/"]:not([tabindex]) path').click()
    page.wait_for_url("**/fr/pays/sn/")
    assert page.locator("h1").inner_text() == "Sénégal"
    page.close()
