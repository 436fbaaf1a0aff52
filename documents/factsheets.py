"""Factsheets generated from the live records with Typst, in the visitor's language.

Record data reaches the Typst templates (documents/typst/) as JSON, so no record text is
ever read as markup. What a factsheet shows comes from the same selectors as the record's web
page (projects/selectors.py), so it names only public records. A factsheet is rendered again
only after content changed: it is cached by record, language and the content generation that
every change of content moves on (core.models.ContentGeneration).
"""

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from django.core.cache import caches
from django.utils import translation
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _

from core.models import ContentGeneration
from core.partial_dates import format_date
from partners.models import PartnershipRole
from projects.models import Country, Project
from projects.selectors import country_page, project_page

TYPST_DIR = Path(__file__).resolve().parent / "typst"
# PDF/A-2a: archivable, fonts embedded, tagged for assistive technology.
PDF_STANDARDS = ["a-2a"]
TEMPLATES_VERSION = hashlib.sha1(
    b"".join(path.read_bytes() for path in sorted(TYPST_DIR.glob("*.typ")))
).hexdigest()[:12]


def _join(items):
    return ", ".join(str(item) for item in items)


def _file_name(stem):
    """acss-factsheet-en.pdf, acss-fiche-fr.pdf."""
    label = slugify(_("factsheet"))
    return f"{stem}-{label}-{translation.get_language()}.pdf"


def _labels(kind):
    return {
        "kind": kind,
        "page": _("Page"),
        "summary": _("Summary"),
        "objective": _("Objective"),
        "approach": _("Approach"),
        "role": _("Role in the Action"),
        "partners": _("Partners"),
        "ministries": _("Ministry in charge"),
        "activities": _("Main activities"),
        "events": _("Events"),
        "results": _("Results"),
        "agreements": _("Agreements"),
        "focal_points": _("Focal points"),
        "read_online": _("Read online:"),
    }


def _activity(activity):
    meta = [
        activity.get_kind_display(),
        str(activity.period),
        activity.place,
        _join(activity.countries.all()),
    ]
    return {"title": activity.title, "meta": " · ".join(m for m in meta if m)}


def _event(event):
    meta = [str(event.period), f"{event.place}, {event.country}", event.get_format_display()]
    return {"title": event.title, "meta": " · ".join(meta)}


def _result(result):
    meta = [result.get_status_display(), str(result.date or ""), _join(result.countries.all())]
    return {
        "title": result.title,
        "meta": " · ".join(m for m in meta if m),
        "text": result.description,
    }


def _agreement(agreement):
    meta = [
        agreement.get_kind_display(),
        str(agreement.signed or ""),
        _join(agreement.countries.all()),
    ]
    return {"title": agreement.title, "meta": " · ".join(m for m in meta if m)}


def _contact(contact):
    meta = [
        contact.role,
        contact.organisation.short_name if contact.organisation else "",
        contact.email,
    ]
    return {"title": contact.name, "meta": " · ".join(m for m in meta if m)}


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

    def data(self):
        page, project = self.page, self.record
        by_role = {role: [] for role in PartnershipRole}
        for partnership in page["partnerships"]:
            by_role[partnership.role].append(partnership.organisation)
        events = [event for activity in page["activities"] for event in activity.public_events]
        others = [
            {"title": str(p.organisation), "meta": p.get_role_display()}
            for p in page["partnerships"]
            if p.role in (PartnershipRole.PARTNER, PartnershipRole.BENEFICIARY)
        ]
        parent = page["parent"]
        return {
            "title": project.title,
            "short_title": project.acronym or project.title,
            "facts": [
                [_("Acronym"), project.acronym],
                [_("Countries"), _join(project.countries.all())],
                [_("Period"), str(project.period)],
                [_("Status"), project.get_status_display() if project.status else ""],
                [_("Funders"), _join(by_role[PartnershipRole.FUNDER])],
                [_("Lead executing agency"), _join(by_role[PartnershipRole.ACCOUNTABLE])],
                [_("Implementers"), _join(by_role[PartnershipRole.IMPLEMENTER])],
                [_("Fields of intervention"), _join(project.themes.all())],
                [_("Part of"), parent.title if parent else ""],
            ],
            "summary": project.summary,
            "objective": project.objective,
            "approach": project.approach,
            "partners": others,
            "activities": [_activity(activity) for activity in page["activities"]],
            "events": [_event(event) for event in sorted(events, key=lambda e: e.start_date)],
            "results": [_result(result) for result in page["results"]],
            "agreements": [_agreement(agreement) for agreement in page["agreements"]],
            "contacts": [_contact(contact) for contact in page["contacts"]],
            "labels": _labels(_("Project factsheet")),
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

    def data(self):
        records, country = self.page, self.record
        ministries = records["ministries"]
        return {
            "title": country.name,
            "short_title": country.name,
            "facts": [
                [capfirst(_("ISO code")), country.code],
                [_("Ministry in charge"), _join(ministries[:1])],
            ],
            "role": country.role,
            "ministries": [{"title": str(o), "meta": o.get_kind_display()} for o in ministries],
            "contacts": [_contact(c) for c in records["contacts"]],
            "agreements": [_agreement(a) for a in records["agreements"]],
            "activities": [_activity(a) for a in records["activities"]],
            "events": [_event(e) for e in records["events"]],
            "results": [_result(r) for r in records["results"]],
            "partners": [
                {"title": str(o), "meta": o.get_kind_display()} for o in records["partners"]
            ],
            "labels": _labels(_("Country factsheet")),
        }


def newest_change(page):
    """When the newest of the records a page shows was last changed."""
    stamps = []
    for value in page.values():
        for record in value if isinstance(value, list) else [value]:
            stamp = getattr(record, "updated_at", None)
            if stamp is not None:
                stamps.append(stamp)
    return max(stamps, default=None)


NARROW_NBSP = "\u202f"
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
        return {key: item if key == "url" else french_spacing(item) for key, item in value.items()}
    return value


def render(factsheet, *, url, as_of) -> bytes:
    """The factsheet as PDF bytes, in the active language."""
    import typst

    data = factsheet.data()
    data.update(
        lang=translation.get_language(),
        url=url,
        publisher=_("ACSS Knowledge Portal"),
    )
    data["labels"]["data_as_of"] = _("Data as of %(date)s") % {"date": format_date(as_of)}
    if data["lang"] == "fr":
        data = french_spacing(data)
    return typst.compile(
        str(TYPST_DIR / factsheet.template),
        root=str(TYPST_DIR),
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
        ignore_system_fonts=True,
        pdf_standards=PDF_STANDARDS,
        timestamp=int(as_of.timestamp()),
    )


def cached_pdf(kind, *, user, lookup, url):
    """(record, pdf, as of, file name, digest) for the factsheet of this record, from the cache while content is unchanged.

    None when the visitor may not see the record. The key holds the content generation, so
    any change (a project unpublished, a partner renamed) renders every factsheet anew.
    """
    record = kind.visible_record(user, **lookup)
    if record is None:
        return None
    record_key = "-".join(f"{name}={value}" for name, value in sorted(lookup.items()))
    generation = ContentGeneration.current().value
    language = translation.get_language()
    # The address printed in the PDF is part of what it shows.
    where = hashlib.sha1(url.encode()).hexdigest()[:8]
    key = f"factsheet:{kind.__name__}:{record_key}:{language}:{generation}:{TEMPLATES_VERSION}:{where}"
    cache = caches["factsheets"]
    entry = cache.get(key)
    if entry is None:
        page = kind.selector(user=user, **lookup)
        factsheet = kind(page)
        as_of = newest_change(page) or datetime.now(UTC)
        pdf = render(factsheet, url=url, as_of=as_of)
        entry = (pdf, as_of, factsheet.file_name(), hashlib.sha1(pdf).hexdigest()[:20])
        cache.set(key, entry, timeout=None)
    return (record, *entry)
