"""Build the portal's icons and its social-media image from SVG, with Debian's Chromium.

Run by hand when the mark or the map changes; the PNG and ICO files are committed, so the
portal never needs this script to run:

    .venv/bin/python scripts/build_icons.py

Writes static/img/favicon-32.png, apple-touch-icon.png (180 px), icon-192.png, icon-512.png,
favicon.ico (the 32 px PNG inside an ICO container) and og-map.png (1200 × 630: the map with
the portal's name in English and French).
"""

import os
import struct
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "static" / "img"
CHROMIUM = {
    "executable_path": "/usr/bin/chromium",
    "args": ["--no-sandbox", "--disable-background-networking"],
}


def og_page(map_svg: str) -> str:
    return f"""<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;display:flex;background:#073f54;font-family:sans-serif">
  <div style="width:475px;height:630px;overflow:hidden;background:#d6e8ef">
    <div style="width:475px">{map_svg}</div>
  </div>
  <div style="flex:1;color:#fff;padding:70px 56px;display:flex;flex-direction:column;gap:22px">
    <div style="font-size:58px;font-weight:700;line-height:1.1">ACSS Knowledge Portal</div>
    <div style="font-size:40px;line-height:1.15;color:#cfe6ee">Portail de connaissances ACSS</div>
    <div style="font-size:28px;line-height:1.35;margin-top:auto">
      Action for South-South Cooperation on Migration<br>
      Action de Coopération Sud-Sud en matière de migration</div>
    <div style="font-size:26px;color:#ffd08a">Maroc · Côte d’Ivoire · Mali · Sénégal</div>
  </div>
</div></body></html>"""


def ico(png: bytes, size: int) -> bytes:
    """An ICO file holding one PNG image (read by every browser since 2007)."""
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acss_portal.settings")
    django.setup()
    from playwright.sync_api import sync_playwright

    from figures.maps import MapCountry, region_map_svg
    from figures.selectors import corridors, map_countries

    mark = (
        (IMAGES / "favicon.svg").read_text().replace("<svg ", '<svg width="100%" height="100%" ', 1)
    )
    countries = [MapCountry(c.code, c.name, "", c.projects, c.activities) for c in map_countries()]
    map_svg = region_map_svg(
        countries=countries, corridors=corridors(), link=False, language="en", show_counts=False
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**CHROMIUM)
        for name, size in [
            ("favicon-32.png", 32),
            ("apple-touch-icon.png", 180),
            ("icon-192.png", 192),
            ("icon-512.png", 512),
        ]:
            page = browser.new_page(viewport={"width": size, "height": size})
            # Phones round the corners of touch icons themselves: those are square.
            drawing = mark if size < 180 else mark.replace(' rx="12"', "")
            page.set_content(
                f'<body style="margin:0"><div style="width:{size}px;height:{size}px">'
                f"{drawing}</div></body>"
            )
            page.screenshot(path=IMAGES / name, omit_background=True)
            page.close()
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(og_page(map_svg))
        page.screenshot(path=IMAGES / "og-map.png")
        browser.close()
    (IMAGES / "favicon.ico").write_bytes(ico((IMAGES / "favicon-32.png").read_bytes(), 32))
    for path in sorted(IMAGES.glob("*")):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
