"""Factsheets generated from the live records with Typst, in the visitor's language.

Record data reaches the Typst templates (documents/typst/) as JSON, so no record text is
ever read as markup. What a factsheet shows comes from the same selectors as the record's web
page (projects/selectors.py), so it names only public records. A factsheet is rendered again
only after content changed: it is cached by record, language and the content generation that
every change of content moves on (core.models.ContentGeneration).
"""

import hashlib
import io
import json
import logging
import re
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from xml.etree import ElementTree

from django.core.cache import caches
from django.utils import formats, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.models import ContentGeneration
from figures import charts, maps
from figures import selectors as figure_data
from partners.models import PartnershipRole
from projects.models import Country, Project
from projects.selectors import country_page, project_page

# A factsheet lists more of each section than the web page, but never everything: it stays a
# few pages long at any size, and its "Read online" link leads to the rest.
FACTSHEET_LIMIT = 20
logger = logging.getLogger(__name__)
TYPST_DIR = Path(__file__).resolve().parent / "typst"
# PDF/A-2a: archivable, fonts embedded, tagged; PDF/UA-1: checked for screen readers (a
# document title and language, headings, alternative text for every image, no link hidden in
# the page furniture). Typst refuses to write a file that breaks either.
ARCHIVAL = ["a-2a"]
PDF_STANDARDS = [*ARCHIVAL, "ua-1"]
BASE_DIR = TYPST_DIR.parent.parent
# What shapes a factsheet besides the data: its templates, this module (labels, layout of the
# data), the French catalogue (labels) and the code drawing its figures. A deployment that
# changes any of them renders every factsheet anew instead of serving the cached ones.
TEMPLATES_VERSION = hashlib.sha1(
    b"".join(
        path.read_bytes()
        for path in sorted(
            [
                *TYPST_DIR.glob("*.typ"),
                Path(__file__),
                *BASE_DIR.glob("locale/*/LC_MESSAGES/django.mo"),
                *BASE_DIR.glob("figures/*.py"),
            ]
        )
    )
).hexdigest()[:12]


def _join(items):
    return ", ".join(str(item) for item in items)


def _file_name(stem):
    """acss-factsheet-en.pdf, acss-fiche-fr.pdf."""
    label = slugify(_("factsheet"))
    return f"{stem}-{label}-{translation.get_language()}.pdf"


# A factsheet is a handout: it shows the first few records of a kind and says how many more
# the portal holds, so that no record (a country with many activities) overflows two pages.
SHOWN = {"activities": 4, "events": 4, "results": 5, "agreements": 5, "sources": 4}


def _bounded(kind, records, item):
    shown = records[: SHOWN[kind]]
    # A bounded section (core.sections.Section) knows how many records there are in all.
    more = getattr(records, "total", len(records)) - len(shown)
    return {
        "items": [item(record) for record in shown],
        "more": ngettext(
            "and %(count)d more on the portal", "and %(count)d more on the portal", more
        )
        % {"count": more}
        if more
        else "",
    }


def _meta(*parts):
    return " · ".join(str(part) for part in parts if part)


def _activity(activity):
    return {
        "title": activity.title,
        "meta": _meta(activity.get_kind_display(), activity.period, activity.place),
    }


def _event(event):
    return {
        "title": event.title,
        "meta": _meta(event.period, f"{event.place}, {event.country}", event.get_format_display()),
    }


def _result(result):
    return {
        "title": result.title,
        "meta": _meta(result.get_status_display(), result.date),
    }


def _agreement(agreement, *, country=None):
    others = [c for c in agreement.countries.all() if c != country]
    with_whom = _("with %(countries)s") % {"countries": _join(others)} if country else ""
    return {
        "title": agreement.title,
        "meta": _meta(agreement.get_kind_display(), agreement.signed, with_whom),
    }


def _organisation(organisation):
    return str(organisation)


def _focal_point(contact):
    return {
        "name": contact.name,
        "meta": _meta(
            contact.role, contact.organisation.short_name if contact.organisation else ""
        ),
        "email": contact.email,
    }


def _source(source):
    publisher = source.public_publisher
    return {
        "title": source.title,
        "lang": source.language,
        "meta": _meta(
            source.get_kind_display(),
            publisher.short_name if publisher else "",
            source.author,
            source.date,
        ),
    }


def _sources(page):
    """The sources the record's facts rest on, cited at the foot of the factsheet."""
    return [_source(source) for source in page.get("sources", [])[: SHOWN["sources"]]]


def _period(period):
    """December 2018 – December 2021 (36 months)."""
    if period.months:
        months = ngettext("%(count)d month", "%(count)d months", period.months) % {
            "count": period.months
        }
        return f"{period} ({months})"
    return str(period)


def _partners(partnerships, role):
    """The organisations in one role; a funder with how it funds (through which fund)."""
    return [
        {"name": str(p.organisation), "note": p.note if role == PartnershipRole.FUNDER else ""}
        for p in partnerships
        if p.role == role
    ]


def in_columns(rows, count=3):
    """Rows split, in order, into at most `count` columns of about the same length."""
    if len(rows) <= count:
        return [[row] for row in rows]

    def length(row):
        return len(row[0]) + sum(len(value["name"]) + len(value["note"]) for value in row[1])

    best = None
    for cuts in combinations(range(1, len(rows)), count - 1):
        parts = [rows[a:b] for a, b in zip((0, *cuts), (*cuts, len(rows)), strict=True)]
        longest = max(sum(length(row) for row in part) for part in parts)
        if best is None or longest < best[0]:
            best = (longest, parts)
    return best[1]


def _figures(*, timeline, country=None):
    """The map and the timeline as the record's web page draws them (figures.templatetags),
    without links: a map of the four countries (this country highlighted, with its corridors)
    and the timeline of projects and activities."""
    language = translation.get_language()
    corridors = figure_data.corridors(country, limit=figure_data.CORRIDORS_SHOWN + 1)
    drawn = {
        "map": maps.region_map_svg(
            countries=figure_data.map_countries(),
            highlight=country.code if country else None,
            corridors=corridors[-figure_data.CORRIDORS_SHOWN :],
            link=False,
            language=language,
            id_prefix="factsheet-map",
            # A printed sheet outlives the counts.
            show_counts=False,
        )
    }
    if timeline.rows:
        drawn["timeline"] = charts.timeline_svg(
            rows=timeline.rows,
            language=language,
            link=False,
            id_prefix="factsheet-timeline",
            title=_("Projects and activities over time"),
        )
    return drawn


def _labels(**extra):
    return {
        "page": _("Page"),
        "background": _("Background"),
        "objective": _("Objective"),
        "approach": _("Approach"),
        "fields": _("Fields of intervention"),
        "key_facts": _("Key facts"),
        "countries": _("Countries of intervention"),
        "country": _("Country"),
        "ministry": _("Ministry"),
        "focal_point": _("Focal point"),
        "activities": _("Main activities"),
        "events": _("Events"),
        "results": _("Results"),
        "contacts": _("Contacts"),
        "sources": _("Sources:"),
        "online": _("Read online"),
        "qr": _("QR code leading to %(url)s"),
        "map": _("Map"),
        "timeline": _("Timeline"),
        **extra,
    }


class ProjectFactsheet:
    template = "project.typ"
    selector = staticmethod(project_page)

    @staticmethod
    def visible_record(user, *, slug):
        return Project.objects.visible_to(user).filter(slug=slug).first()

    def __init__(self, page):
        self.page = page
        self.record = page["project"]

    def file_name(self):
        return _file_name(self.record.slug)

    def figures(self):
        """The map and the timeline as SVG, drawn from the same data as the project's page."""
        return _figures(timeline=figure_data.project_timeline(self.record))

    def data(self):
        page, project = self.page, self.record
        partnerships, parent = page["partnerships"], page["parent"]
        # The countries' ministries and focal points side by side, where the project has any.
        countries = [
            {
                "name": part.country.name,
                "ministries": [_organisation(m) for m in part.ministries],
                "focal_points": [_focal_point(c) for c in part.focal_points],
            }
            for part in page["countries"]
        ]
        if not any(c["ministries"] or c["focal_points"] for c in countries):
            countries = []
        events = [event for activity in page["activities"] for event in activity.public_events]
        facts = [
            [_("Financial partners"), _partners(partnerships, PartnershipRole.FUNDER)],
            [_("Implementing partners"), _partners(partnerships, PartnershipRole.IMPLEMENTER)],
            [_("Lead executing agency"), _partners(partnerships, PartnershipRole.ACCOUNTABLE)],
            [_("Period of implementation"), [{"name": _period(project.period), "note": ""}]]
            if project.period
            else None,
            [_("Part of"), [{"name": parent.title, "note": ""}]] if parent else None,
            [_("Sub-projects"), [{"name": child.title, "note": ""} for child in page["children"]]]
            if page["children"]
            else None,
        ]
        return {
            "title": project.title,
            # The countries under the title, the leading one first, as in the Action's factsheet.
            "subtitle": " · ".join(str(part.country) for part in page["countries"]),
            "acronym": project.acronym,
            "kicker": _("Factsheet"),
            # A staff member's preview of a draft says so on paper too.
            "preview": ""
            if project.is_public
            else _("Preview — not public (%(state)s)")
            % {"state": project.get_publication_display()},
            "background": project.context,
            "presentation": project.summary,
            "objective": project.objective,
            "fields": [
                {"name": theme.name, "text": theme.description} for theme in project.themes.all()
            ],
            "facts": in_columns([row for row in facts if row and row[1] and row[1][0]["name"]]),
            "steps": project.steps,
            # The steps stand for the approach on paper; without them, its text does.
            "approach": "" if project.steps else project.approach,
            "countries": countries,
            "activities": _bounded("activities", page["activities"], _activity),
            "events": _bounded("events", sorted(events, key=lambda e: e.start_date), _event),
            "results": _bounded("results", page["results"], _result),
            "sources": _sources(page),
            "labels": _labels(presentation=_("Presentation")),
        }


class CountryFactsheet:
    template = "country.typ"
    selector = staticmethod(country_page)

    @staticmethod
    def visible_record(user, *, code):
        return Country.objects.filter(code=code.upper()).first()

    def __init__(self, page):
        self.page = page
        self.record = page["country"]

    def file_name(self):
        return _file_name(slugify(self.record.name))

    def figures(self):
        """The map with this country highlighted, and its timeline, as on the country's page."""
        return _figures(timeline=figure_data.country_timeline(self.record), country=self.record)

    def data(self):
        page, country = self.page, self.record
        return {
            "title": country.name,
            "acronym": "",
            "kicker": _("Country factsheet"),
            "role": country.role,
            "ministries": [_organisation(m) for m in page["ministries"]],
            "focal_points": [_focal_point(c) for c in page["contacts"]],
            "projects": [
                {"title": project.title, "meta": _period(project.period)}
                for project in page["projects"]
            ],
            # The South-South corridor: the memoranda with Morocco, the joint action plans.
            "corridor": _bounded(
                "agreements",
                page["agreements"],
                lambda agreement: _agreement(agreement, country=country),
            ),
            "activities": _bounded("activities", page["activities"], _activity),
            "events": _bounded("events", page["events"], _event),
            "results": _bounded("results", page["results"], _result),
            "sources": _sources(page),
            "labels": _labels(
                role=_("Role in the Action"),
                ministries=_("Ministry in charge"),
                focal_points=_("Focal points"),
                projects=_("Projects"),
                corridor=_("South-South corridor"),
                activities=_("Activities in this country"),
                events=_("Events held in this country"),
            ),
        }


def newest_change(page):
    """When the newest of the records a page shows was last changed."""
    stamps = []
    for value in page.values():
        for record in value if isinstance(value, list) else [value]:
            # A partnership or a focal point shows its organisation's name too.
            for shown in (record, getattr(record, "organisation", None)):
                stamp = getattr(shown, "updated_at", None)
                if stamp is not None:
                    stamps.append(stamp)
    return max(stamps, default=None)


SVG = "{http://www.w3.org/2000/svg}"
NARROW_NBSP = "\u202f"
# Addresses and images are not prose: their colons and question marks stay as they are.
NOT_PROSE = {"url", "short_url", "images"}
_FRENCH_SPACING = re.compile(r"\s*([:;!?»])(?=\s|$)|(«)\s*")


def french_spacing(value):
    """French typography: a narrow no-break space before : ; ! ? » and after «, never a break."""
    if isinstance(value, str):
        return _FRENCH_SPACING.sub(
            lambda m: f"{NARROW_NBSP}{m.group(1)}" if m.group(1) else f"{m.group(2)}{NARROW_NBSP}",
            value,
        )
    if isinstance(value, list):
        return [french_spacing(item) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in NOT_PROSE else french_spacing(item) for key, item in value.items()
        }
    return value


def short_url(url):
    """The address as printed under the QR code: without its scheme and final slash."""
    return url.split("://", 1)[-1].rstrip("/")


def text_alternative(svg):
    """An SVG figure's title and description, as the text that stands for it in the PDF."""
    root = ElementTree.fromstring(svg)
    parts = [root.findtext(f"{SVG}{tag}", default="").strip() for tag in ("title", "desc")]
    return ". ".join(part.rstrip(".") for part in parts if part) + "."


def qr_svg(url):
    """A QR code leading to the address, as SVG with its quiet zone, in the factsheet's ink."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        out, kind="svg", xmldecl=False, border=4, dark="#073f54", light="#ffffff"
    )
    return out.getvalue().decode()


def _publication(as_of):
    """The closing block: the funding statement and the EU disclaimer, as the seeds word them."""
    publisher = _("ACSS Knowledge Portal")
    return {
        "publisher": publisher,
        "changed": _("Data last changed on %(date)s")
        % {"date": formats.date_format(as_of, "DATE_FORMAT")},
        "funding": _(
            "The Action for South-South Cooperation on Migration is co-funded by the European "
            "Union through its Emergency Trust Fund for Africa and by the German Federal Ministry "
            "for Economic Cooperation and Development (BMZ). It is implemented by GIZ and "
            "Expertise France."
        ),
        "disclaimer": _(
            "This factsheet is published by the %(publisher)s from its public records. Its "
            "content is the sole responsibility of the %(publisher)s and does not necessarily "
            "reflect the views of the European Union."
        )
        % {"publisher": publisher},
    }


def render(factsheet, *, url, as_of) -> bytes:
    """The factsheet as PDF bytes, in the active language."""
    import typst

    data = factsheet.data()
    figures = factsheet.figures()
    data.update(
        lang=translation.get_language(),
        url=url,
        short_url=short_url(url),
        publication=_publication(as_of),
        images={"qr": qr_svg(url), **figures},
    )
    data["labels"]["qr"] = data["labels"]["qr"] % {"url": data["short_url"]}
    # A screen reader reads each figure's own title and description.
    data["labels"].update({f"{name}_alt": text_alternative(svg) for name, svg in figures.items()})
    if data["lang"] == "fr":
        data = french_spacing(data)
    options = {
        "root": str(TYPST_DIR),
        "sys_inputs": {"data": json.dumps(data, ensure_ascii=False)},
        "ignore_system_fonts": True,
        "timestamp": int(as_of.timestamp()),
    }
    template = str(TYPST_DIR / factsheet.template)
    try:
        return typst.compile(template, pdf_standards=PDF_STANDARDS, **options)
    except typst.TypstError as error:
        if "PDF/UA" not in str(error):
            raise
        # Content that PDF/UA refuses still gets its (tagged, archival) factsheet, not an error.
        logger.warning("Factsheet %s is not PDF/UA-1: %s", factsheet.record, error)
        return typst.compile(template, pdf_standards=ARCHIVAL, **options)


def cached_pdf(kind, *, user, lookup, url):
    """(record, pdf, as of, file name, digest) for the factsheet of this record, from the cache while content is unchanged.

    None when the visitor may not see the record. The key holds the content generation, so
    any change (a project unpublished, a partner renamed) renders every factsheet anew.
    """
    record = kind.visible_record(user, **lookup)
    if record is None:
        return None
    record_key = "-".join(f"{name}={value}" for name, value in sorted(lookup.items()))
    generation = ContentGeneration.current().cache_token
    language = translation.get_language()
    # The address printed in the PDF is part of what it shows.
    where = hashlib.sha1(url.encode()).hexdigest()[:8]
    key = f"factsheet:{kind.__name__}:{record_key}:{language}:{generation}:{TEMPLATES_VERSION}:{where}"
    cache = caches["factsheets"]
    entry = cache.get(key)
    if entry is None:
        page = kind.selector(user=user, limit=FACTSHEET_LIMIT, **lookup)
        factsheet = kind(page)
        as_of = newest_change(page) or datetime.now(UTC)
        pdf = render(factsheet, url=url, as_of=as_of)
        entry = (pdf, as_of, factsheet.file_name(), hashlib.sha1(pdf).hexdigest()[:20])
        cache.set(key, entry, timeout=None)
    return (record, *entry)
