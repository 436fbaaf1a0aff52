"""What projects, countries, fields of intervention, agreements and results export."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.exports import Column, Date, Many, One, Text, Value, page, register
from partners.models import Partnership
from projects.filters import AgreementFilter, ProjectFilter, ResultFilter
from projects.models import Agreement, Country, Project, Result, ThematicArea


class Partners(Column):
    """A project's public partners with their roles: "adept:implementer;giz:accountable"."""

    def prefetch(self, model):
        partnerships = Partnership.objects.published().select_related("organisation")
        return [Prefetch(self.source, queryset=partnerships)]

    def csv_values(self, record, exporter):
        rows = self.json_rows(record)
        return [";".join(f"{exporter.key_of(p.organisation)}:{p.role}" for p in rows)]

    def json_rows(self, record):
        return list(getattr(record, self.source).all())

    def json_value(self, record, exporter):
        return [
            {"organisation": exporter.link(p.organisation), "role": p.role}
            for p in self.json_rows(record)
        ]

    def json_schema(self, exporters):
        row = {
            "type": "object",
            "properties": {"organisation": {"type": "string"}, "role": {"type": "string"}},
        }
        return {"type": "array", "items": row}


def register_exports():
    register(
        Project,
        resource="projects",
        key="slug",
        filterset=ProjectFilter,
        description=_("Projects of the Action, its parent programme and its sub-projects."),
        fields=[
            Value("slug"),
            Value("acronym"),
            Text("title"),
            Text("summary"),
            Text("context"),
            Text("objective"),
            Text("approach"),
            Value("status", kind="integer"),
            One("parent"),
            Many("children"),
            Date("planned_start"),
            Date("planned_end"),
            Date("actual_start"),
            Date("actual_end"),
            Many("countries"),
            Many("themes"),
            Partners("partners", source="partnerships"),
            page(),
        ],
    )
    register(
        Country,
        resource="countries",
        key="code",
        description=_("The four countries of the Action."),
        fields=[Value("code"), Text("name"), Text("role"), page()],
    )
    register(
        ThematicArea,
        resource="themes",
        key="slug",
        description=_("Fields of intervention."),
        fields=[Value("slug"), Text("name"), Text("description"), page()],
    )
    register(
        Agreement,
        resource="agreements",
        key="slug",
        filterset=AgreementFilter,
        description=_("Memoranda of understanding and joint action plans."),
        fields=[
            Value("slug"),
            Value("kind"),
            Text("title"),
            Text("commitments"),
            Date("signed_on"),
            Many("countries"),
            Many("projects"),
            page(),
        ],
    )
    register(
        Result,
        resource="results",
        key="slug",
        filterset=ResultFilter,
        description=_("Results of the projects."),
        fields=[
            Value("slug"),
            Text("title"),
            Text("description"),
            Value("status"),
            Date("achieved_on"),
            Text("place"),
            One("project"),
            Many("countries"),
            One("theme"),
            Many("activities"),
            page(),
        ],
    )
