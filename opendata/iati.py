"""Every published project as an IATI 2.03 activity, read through the project page's selector.

Rules the seeds do not state, decided here and documented in the README:
- identifier: the reporting organisation's reference, a hyphen, the project's slug;
- activity-status is derived from the dates, never stored: not started yet (or no start known)
  is 1 (pipeline), started is 2 (implementation), ended is 4 (closed). A project without an
  end of its own ends with its nearest parent programme that has one;
- a project with neither a planned nor an actual start is left out: IATI requires a start date
  (schema and ruleset 6.11.1);
- a project with no public partner in an IATI role (funder, accountable, implementer) names
  the reporting organisation as accountable, since IATI requires one participating organisation;
- recipient countries share 100 percent equally (whole numbers, the remainder to the first).
"""

import xml.etree.ElementTree as ET

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone, translation

from documents.models import IATI_DOCUMENT_CATEGORY
from projects.models import Project
from projects.selectors import project_page

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SECTOR_MIGRATION = "15190"  # DAC 5-digit: facilitation of orderly, safe, regular migration
SDG_TARGET = "10.7"
SDG_TARGET_TEXT = {
    "en": "Facilitate orderly, safe, regular and responsible migration and mobility of people, "
    "including through the implementation of planned and well-managed migration policies",
    "fr": "Faciliter la migration et la mobilité de façon ordonnée, sans danger, régulière et "
    "responsable, notamment par la mise en œuvre de politiques de migration planifiées et "
    "bien gérées",
}
PIPELINE, IMPLEMENTATION, CLOSED = "1", "2", "4"
DOCUMENT_LANGUAGES = {"en", "fr", "ar", "de"}


def identifier(project) -> str:
    return f"{settings.IATI_REPORTING_ORG_REF}-{project.slug}"


def exported_projects():
    """The published projects IATI can take: those with a known start."""
    projects = Project.objects.published().order_by("slug")
    return [p for p in projects if p.planned_start or p.actual_start]


def activity_status(project, today) -> str:
    start = project.actual_start or project.planned_start
    end = project.actual_end or project.planned_end
    ancestor = project.parent
    while end is None and ancestor is not None and ancestor.is_public:
        end = ancestor.actual_end or ancestor.planned_end
        ancestor = ancestor.parent
    if start is None or start > today:
        return PIPELINE
    if end is not None and end < today:
        return CLOSED
    return IMPLEMENTATION


def shares(count: int) -> list[int]:
    """Whole percentages that add up to 100."""
    base, remainder = divmod(100, count)
    return [base + (1 if index < remainder else 0) for index in range(count)]


def add_narratives(parent, record, field, *, fallback=()):
    """A narrative per language that has text; the first of `fallback` fields that has some."""
    for name in (field, *fallback):
        texts = {code: getattr(record, f"{name}_{code}", "") or "" for code in LANGUAGES}
        if any(text.strip() for text in texts.values()):
            break
    for code, text in texts.items():
        if text.strip():
            ET.SubElement(parent, "narrative", {XML_LANG: code}).text = text.strip()


def sub(parent, tag, **attributes):
    return ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attributes.items()})


class ActivityWriter:
    def __init__(self, absolute):
        self.absolute = absolute  # path -> absolute URL
        self.today = timezone.localdate()

    def url(self, name, code, **kwargs):
        with translation.override(code):
            return self.absolute(reverse(name, kwargs=kwargs))

    def activity(self, page) -> ET.Element:
        project = page["project"]
        hierarchy = 1 + sum(1 for _ in self._ancestors(project))
        element = ET.Element(
            "iati-activity",
            {
                XML_LANG: "en",
                "hierarchy": str(hierarchy),
                "last-updated-datetime": project.updated_at.replace(microsecond=0).isoformat(),
            },
        )
        sub(element, "iati-identifier").text = identifier(project)
        self.reporting_org(element)
        add_narratives(sub(element, "title"), project, "title")
        add_narratives(
            sub(element, "description", type="1"),
            project,
            "summary",
            fallback=("objective", "context", "title"),
        )
        if any(getattr(project, f"objective_{code}", "") for code in LANGUAGES):
            add_narratives(sub(element, "description", type="2"), project, "objective")
        self.participants(element, page["partnerships"])
        sub(element, "activity-status", code=activity_status(project, self.today))
        self.dates(element, project)
        countries = list(project.countries.all())
        for country, percentage in zip(countries, shares(len(countries) or 1), strict=False):
            add_narratives(
                sub(element, "recipient-country", code=country.code, percentage=str(percentage)),
                country,
                "name",
            )
        sub(element, "sector", vocabulary="1", code=SECTOR_MIGRATION, percentage="100")
        tag = sub(element, "tag", vocabulary="3", code=SDG_TARGET)
        for code in LANGUAGES:
            ET.SubElement(tag, "narrative", {XML_LANG: code}).text = SDG_TARGET_TEXT[code]
        self.documents(element, project, page["documents"])
        if page["parent"] is not None:
            sub(element, "related-activity", ref=identifier(page["parent"]), type="1")
        for child in page["children"]:
            sub(element, "related-activity", ref=identifier(child), type="2")
        for result in page["results"]:
            self.result(element, result)
        return element

    def _ancestors(self, project):
        ancestor = project.parent
        while ancestor is not None and ancestor.is_public:
            yield ancestor
            ancestor = ancestor.parent

    def reporting_org(self, element):
        org = sub(
            element,
            "reporting-org",
            ref=settings.IATI_REPORTING_ORG_REF,
            type=settings.IATI_REPORTING_ORG_TYPE,
        )
        ET.SubElement(org, "narrative", {XML_LANG: "en"}).text = settings.IATI_REPORTING_ORG_NAME

    def participants(self, element, partnerships):
        named = [p for p in partnerships if p.iati_role]
        for partnership in named:
            organisation = partnership.organisation
            org = sub(
                element,
                "participating-org",
                role=partnership.iati_role,
                type=organisation.iati_type,
            )
            add_narratives(org, organisation, "name")
        if not named:
            org = sub(
                element,
                "participating-org",
                ref=settings.IATI_REPORTING_ORG_REF,
                role="2",
                type=settings.IATI_REPORTING_ORG_TYPE,
            )
            ET.SubElement(
                org, "narrative", {XML_LANG: "en"}
            ).text = settings.IATI_REPORTING_ORG_NAME

    def dates(self, element, project):
        # IATI types: 1 planned start, 2 actual start, 3 planned end, 4 actual end. Actual
        # dates in the future are not facts yet (ruleset 11.1.4, 11.1.5).
        for code, value, actual in (
            ("1", project.planned_start, False),
            ("2", project.actual_start, True),
            ("3", project.planned_end, False),
            ("4", project.actual_end, True),
        ):
            if value is not None and not (actual and value > self.today):
                sub(element, "activity-date", type=code, iso_date=value.isoformat())

    def documents(self, element, project, documents):
        for code in LANGUAGES:  # the project's page (A12: activity web page)
            link = sub(
                element,
                "document-link",
                format="text/html",
                url=self.url("projects:detail", code, slug=project.slug),
            )
            add_narratives(sub(link, "title"), project, "title")
            sub(link, "category", code="A12")
            sub(link, "language", code=code)
        for code in LANGUAGES:
            link = sub(
                element,
                "document-link",
                format="application/pdf",
                url=self.url("projects:factsheet", code, slug=project.slug),
            )
            with translation.override(code):
                title = translation.gettext("Factsheet")
            ET.SubElement(sub(link, "title"), "narrative", {XML_LANG: code}).text = title
            sub(link, "category", code="A02")
            sub(link, "language", code=code)
        for document in documents:
            link = sub(
                element,
                "document-link",
                format=document.content_type or "application/octet-stream",
                url=self.url("documents:download", "en", slug=document.slug),
            )
            add_narratives(sub(link, "title"), document, "title")
            sub(link, "category", code=IATI_DOCUMENT_CATEGORY[document.category])
            if document.language in DOCUMENT_LANGUAGES:
                sub(link, "language", code=document.language)
            sub(link, "document-date", iso_date=document.published_on.isoformat())

    def result(self, element, result):
        # ResultType 9: other (the seeds do not say output, outcome or impact).
        container = sub(element, "result", type="9", aggregation_status="0")
        add_narratives(sub(container, "title"), result, "title")
        if any(getattr(result, f"description_{code}", "") for code in LANGUAGES):
            add_narratives(sub(container, "description"), result, "description")
        # A qualitative indicator (measure 5): the result as stated, without numbers.
        indicator = sub(container, "indicator", measure="5")
        add_narratives(sub(indicator, "title"), result, "title")


def activities_document(pages, absolute) -> bytes:
    """An <iati-activities> file holding the activity of each project page."""
    root = ET.Element(
        "iati-activities",
        {
            "version": "2.03",
            "generated-datetime": timezone.now().replace(microsecond=0).isoformat(),
        },
    )
    writer = ActivityWriter(absolute)
    for page in pages:
        root.append(writer.activity(page))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def project_pages(projects):
    """What the project pages show, through their own selector, for the anonymous public."""
    anonymous = AnonymousUser()
    return [project_page(user=anonymous, slug=project.slug) for project in projects]


def all_activities(absolute) -> bytes:
    return activities_document(project_pages(exported_projects()), absolute)


def one_activity(slug, absolute) -> bytes | None:
    projects = [project for project in exported_projects() if project.slug == slug]
    return activities_document(project_pages(projects), absolute) if projects else None
