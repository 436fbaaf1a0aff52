"""Screenshots of every page type, both languages, at 1280 and 360 pixels wide.

    make screenshots                       # against http://127.0.0.1:8000, a running portal
    BASE_URL=http://127.0.0.1:8160 make screenshots

Saved as var/screenshots/<language>-<page type>-<width>.png (var/ is not committed).
"""

import os

from page_tool import ROOT, page_paths

WIDTHS = {"desktop": (1280, 800), "phone": (360, 740)}


def main():
    from playwright.sync_api import sync_playwright

    base = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    folder = ROOT / "var" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-background-networking"],
        )
        for label, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, language, path in page_paths():
                page.goto(base + path)
                target = folder / f"{language}-{name.replace(' ', '-')}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                print(f"{label:<8} {target.relative_to(ROOT)}")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
