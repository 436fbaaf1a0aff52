"""A few helpers that write SVG markup safely: every text and attribute value is escaped.

The figures are drawn with presentation attributes only (fill, stroke, font-family), so that
they render the same inline in a page, as a standalone file, and in a Typst factsheet.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = "sans-serif"
INK = "#1b1f24"
MUTED = "#4a5360"
ACCENT = "#0b5c7a"
ACCENT_DARK = "#073f54"
ACCENT_LIGHT = "#8fbfd1"
SECOND = "#b34700"
LINE = "#cfd8de"
PAPER = "#ffffff"


def number(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing `.0`."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def element(tag: str, attributes: dict | None = None, *children) -> SafeString:
    """`<tag a="v">children</tag>`: values escaped, strings among children escaped as text.

    Attributes whose value is None are left out; underscores in names become hyphens.
    """
    parts = [tag]
    for name, value in (attributes or {}).items():
        if value is None:
            continue
        if isinstance(value, float):
            value = number(value)
        parts.append(f'{name.rstrip("_").replace("_", "-")}="{escape(value)}"')
    opening = " ".join(parts)
    inner = "".join(child if isinstance(child, SafeString) else escape(child) for child in children)
    if not inner:
        return mark_safe(f"<{opening}/>")
    return mark_safe(f"<{opening}>{inner}</{tag}>")


def link(url: str | None, label: str, *children) -> SafeString:
    """A link around `children` with a tooltip and accessible name, or a plain group without a URL."""
    if not url:
        return element("g", {}, element("title", {}, label), *children)
    return element("a", {"href": url}, element("title", {}, label), *children)


def document(
    *,
    width: float,
    height: float,
    title: str,
    description: str,
    id_prefix: str,
    children,
    role: str | None = None,
    css_class: str = "figure-svg",
) -> SafeString:
    """A standalone `<svg>` with its title and description referenced for assistive technology."""
    title_id, description_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {number(width)} {number(height)}",
            "width": width,
            "height": height,
            "role": role,
            "aria-labelledby": title_id,
            "aria-describedby": description_id,
            "class": css_class,
            "font-family": FONT,
        },
        element("title", {"id": title_id}, title),
        element("desc", {"id": description_id}, description),
        *children,
    )


def text(x, y, content, *, size=13, weight=None, fill=INK, anchor=None, halo=False, style=None):
    """A line of text; `halo` draws a white outline under it so it reads over any shape.

    The outline is a copy of the text drawn first, rather than `paint-order`, which Typst's
    SVG renderer ignores; assistive technology skips the copy.
    """
    attributes = {
        "x": float(x),
        "y": float(y),
        "font-size": size,
        "font-weight": weight,
        "font-style": style,
        "text-anchor": anchor,
    }
    drawn = element("text", {**attributes, "fill": fill}, content)
    if not halo:
        return drawn
    outline = {"fill": PAPER, "stroke": PAPER, "stroke-width": 4, "stroke-linejoin": "round"}
    return mark_safe(
        element("text", {**attributes, **outline, "aria-hidden": "true"}, content) + drawn
    )
