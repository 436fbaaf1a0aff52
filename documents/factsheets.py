"""Factsheets generated from the live records with Typst, in the visitor's language.

Record data reaches the Typst templates (documents/typst/) as JSON, so no record text is
ever read as markup. A factsheet is rendered again only when something it shows changed:
it is cached by record, language and the newest change among the records it shows.
"""

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from django.core.cache import caches
from django.db import connection
from django.utils import formats, timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _

from activities.models import Activity, Event
from partners.models import Contact, Organisation, Partnership, PartnershipRole
from projects.models import Agreement, Country, Project, Result, ThematicArea
from projects.summaries import country_records

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
    model = Project
    template = "project.typ"

    def __init__(self, project):
        self.record = project

    def sources(self):
        project = self.record
        return [
            Project.objects.filter(pk=project.pk),
            Partnership.objects.filter(project=project),
            Organisation.objects.filter(partnerships__project=project),
            Activity.objects.filter(project=project),
            Event.objects.filter(activity__project=project),
            Result.objects.filter(project=project),
            Agreement.objects.filter(projects=project),
            Contact.objects.filter(project=project),
            Country.objects.filter(projects=project),
            ThematicArea.objects.filter(projects=project),
        ]

    def file_name(self):
        return _file_name(self.record.slug)

    def data(self):
        project = Project.objects.for_detail().get(pk=self.record.pk)
        by_role = {role: [] for role in PartnershipRole}
        for partnership in project.partnerships.all():
            by_role[partnership.role].append(partnership.organisation)
        events = [event for activity in project.activities.all() for event in activity.events.all()]
        others = [
            {"title": str(p.organisation), "meta": p.get_role_display()}
            for p in project.partnerships.all()
            if p.role in (PartnershipRole.PARTNER, PartnershipRole.BENEFICIARY)
        ]
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
                [_("Part of"), project.parent.title if project.parent else ""],
            ],
            "summary": project.summary,
            "objective": project.objective,
            "approach": project.approach,
            "partners": others,
            "activities": [_activity(activity) for activity in project.activities.all()],
            "events": [_event(event) for event in sorted(events, key=lambda e: e.start_date)],
            "results": [_result(result) for result in project.results.all()],
            "agreements": [_agreement(agreement) for agreement in project.agreements.all()],
            "contacts": [_contact(contact) for contact in project.public_contacts],
            "labels": _labels(_("Project factsheet")),
        }


class CountryFactsheet:
    model = Country
    template = "country.typ"

    def __init__(self, country):
        self.record = country

    def sources(self):
        country = self.record
        return [
            Country.objects.filter(pk=country.pk),
            Organisation.objects.filter(country=country),
            Contact.objects.filter(country=country),
            Agreement.objects.filter(countries=country),
            Activity.objects.filter(countries=country),
            Event.objects.filter(country=country),
            Result.objects.filter(countries=country),
        ]

    def file_name(self):
        return _file_name(slugify(self.record.name))

    def data(self):
        country = self.record
        records = country_records(country)
        ministries = list(records["ministries"])
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


# A record key that no real row has: sources are compiled to SQL once with it, then
# run for any record by putting the record's key in its place.
_PLACEHOLDER = -918273645
_freshness_sql = {}


def _freshness_query(kind):
    """One UNION ALL query giving (newest change, count) for each source of a factsheet kind."""
    if kind not in _freshness_sql:
        placeholder = kind(kind.model(pk=_PLACEHOLDER))
        parts, param_slots = [], []
        for queryset in placeholder.sources():
            sql, params = queryset.order_by().values("updated_at").query.sql_with_params()
            parts.append(f"SELECT MAX(updated_at), COUNT(*) FROM ({sql}) AS source{len(parts)}")
            param_slots.extend(params)
        _freshness_sql[kind] = (" UNION ALL ".join(parts), param_slots)
    return _freshness_sql[kind]


def _as_datetime(value):
    if isinstance(value, str):  # SQLite returns text
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


def freshness(factsheet):
    """(newest change, signature) of everything the factsheet shows; deletions change counts."""
    sql, slots = _freshness_query(type(factsheet))
    params = [factsheet.record.pk if value == _PLACEHOLDER else value for value in slots]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [(_as_datetime(latest), count) for latest, count in cursor.fetchall()]
    newest = max((latest for latest, _count in rows if latest), default=None)
    signature = "|".join([TEMPLATES_VERSION, *(f"{count}:{latest}" for latest, count in rows)])
    return newest, hashlib.sha1(signature.encode()).hexdigest()


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
    data["labels"]["data_as_of"] = _("Data as of %(date)s") % {
        "date": formats.date_format(as_of, "DATE_FORMAT")
    }
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


def cached_pdf(factsheet, *, url, signature, as_of) -> bytes:
    """The rendered factsheet, from the cache when nothing it shows has changed."""
    cache = caches["factsheets"]
    language = translation.get_language()
    # The address printed in the PDF is part of what it shows.
    where = hashlib.sha1(url.encode()).hexdigest()[:8]
    key = (
        f"factsheet:{type(factsheet).__name__}:{factsheet.record.pk}:{language}:{signature}:{where}"
    )
    pdf = cache.get(key)
    if pdf is None:
        pdf = render(factsheet, url=url, as_of=as_of or datetime.now(UTC))
        cache.set(key, pdf, timeout=None)
    return pdf
