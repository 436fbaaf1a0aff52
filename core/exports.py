"""What each kind of record exports, declared once per model: CSV columns, API fields, bulk files.

Each app declares its models' exports in its own `exports.py`, registered from its
`AppConfig.ready()` (the way search registers what it indexes):

    exports.register(
        Project, resource="projects", key="slug", filterset=ProjectFilter,
        fields=[Value("slug"), Text("title"), Date("planned_start"), One("parent"), Many("countries")],
    )

A list page then offers `?format=csv` (core.views.filtered_list), the JSON API publishes the
resource, and the bulk downloads include it, all from that one declaration.

Drafts never leak through a relation: every related record is read through its model's
`published()` queryset (`prefetches()`), so a link to a draft is simply absent.
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation

from core.models import ContentGeneration

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# A CSV holds at most this many records: the portal holds far fewer; the bound keeps it so.
MAX_CSV_ROWS = 50_000
# What a spreadsheet could take for the start of a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Column:
    """One field of a record in the exports."""

    def __init__(self, name, *, source=None):
        self.name = name
        self.source = source or name

    def csv_headers(self):
        return [self.name]

    def csv_values(self, record, exporter):
        return [self.as_text(self.json_value(record, exporter))]

    def as_text(self, value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    def json_value(self, record, exporter):
        return getattr(record, self.source)

    def json_schema(self, exporters):
        return {"type": "string", "nullable": True}

    def prefetch(self, model):
        return []


class Value(Column):
    """A plain value (text, number, code, boolean)."""

    def __init__(self, name, *, kind="string", **kwargs):
        super().__init__(name, **kwargs)
        self.kind = kind

    def json_value(self, record, exporter):
        value = getattr(record, self.source)
        return None if value == "" and self.kind == "string" else value

    def json_schema(self, exporters):
        return {"type": self.kind, "nullable": True}


class Text(Column):
    """A translated text: one column per language in CSV, {"en": …, "fr": …} in JSON."""

    def csv_headers(self):
        return [f"{self.name}_{code}" for code in LANGUAGE_CODES]

    def csv_values(self, record, exporter):
        return [getattr(record, f"{self.source}_{code}") or "" for code in LANGUAGE_CODES]

    def json_value(self, record, exporter):
        return {code: getattr(record, f"{self.source}_{code}") or None for code in LANGUAGE_CODES}

    def json_schema(self, exporters):
        language = {"type": "string", "nullable": True}
        return {"type": "object", "properties": dict.fromkeys(LANGUAGE_CODES, language)}


class Date(Column):
    """A date, at its known precision when it has one (2013, 2013-06 or 2013-06-01)."""

    def json_value(self, record, exporter):
        value = getattr(record, self.source)
        if value is None:
            return None
        precision = getattr(record, f"{self.source}_precision", None)
        if precision is None:
            return value.isoformat()
        from core.partial_dates import partial

        return partial(value, precision).isoformat()

    def json_schema(self, exporters):
        return {"type": "string", "nullable": True, "description": "YYYY, YYYY-MM or YYYY-MM-DD"}


class Localised(Column):
    """An address in each language (the record's page, a file): one column per language."""

    def __init__(self, name, url):
        super().__init__(name)
        self.url = url

    def csv_headers(self):
        return [f"{self.name}_{code}" for code in LANGUAGE_CODES]

    def csv_values(self, record, exporter):
        return [value or "" for value in self.json_value(record, exporter).values()]

    def json_value(self, record, exporter):
        values = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                values[code] = exporter.absolute(self.url(record))
        return values

    def json_schema(self, exporters):
        address = {"type": "string", "format": "uri"}
        return {"type": "object", "properties": dict.fromkeys(LANGUAGE_CODES, address)}


def page(name="page"):
    """The record's public page in each language."""
    return Localised(name, lambda record: record.get_absolute_url())


def _published(model):
    return model._default_manager.published()


class One(Column):
    """A related record (foreign key): its key in CSV, its API address in JSON; a draft is None."""

    def prefetch(self, model):
        # Forward and reverse relations alike: related_model is the model at the other end.
        related = model._meta.get_field(self.source).related_model
        return [Prefetch(self.source, queryset=_published(related))]

    def related(self, record):
        return getattr(record, self.source)

    def csv_values(self, record, exporter):
        target = self.related(record)
        return [exporter.key_of(target) if target is not None else ""]

    def json_value(self, record, exporter):
        target = self.related(record)
        return exporter.link(target) if target is not None else None

    def json_schema(self, exporters):
        return {"type": "string", "nullable": True, "description": "address of the record"}


class Many(One):
    """Related records (many-to-many or reverse): keys joined by ";" in CSV, addresses in JSON."""

    def related(self, record):
        return list(getattr(record, self.source).all())

    def csv_values(self, record, exporter):
        return [";".join(exporter.key_of(target) for target in self.related(record))]

    def json_value(self, record, exporter):
        return [exporter.link(target) for target in self.related(record)]

    def json_schema(self, exporters):
        return {"type": "array", "items": {"type": "string"}}


@dataclass
class Export:
    model: type
    resource: str  # the API's name for these records, e.g. "projects"
    key: str  # the field that names a record in URLs and CSV, e.g. "slug"
    fields: list
    filterset: type | None = None
    description: str = ""
    # Extra select_related/prefetch_related lookups that computed columns need.
    related: list = field(default_factory=list)
    # The list page's order when it is not the model's own (the API lists records the same way).
    ordering: Callable | None = None

    def published(self):
        records = self.model._default_manager.published()
        return self.ordering(records) if self.ordering is not None else records

    def prepare(self, queryset):
        """The records with every relation the columns read, published ones only.

        A list page's own joins (`select_related("parent")`) are dropped: a relation already
        joined is never prefetched again, so it would name a draft parent.
        """
        queryset = queryset.select_related(None).prefetch_related(None)
        lookups = [lookup for column in self.fields for lookup in column.prefetch(self.model)]
        return queryset.prefetch_related(*lookups, *self.related)

    def csv_headers(self):
        return [header for column in self.fields for header in column.csv_headers()]


REGISTRY: dict[type, Export] = {}


def register(model, **options) -> Export:
    """Export a model's records (CSV of its list page, API resource, bulk files)."""
    REGISTRY[model] = Export(model, **options)
    return REGISTRY[model]


def export_of(model) -> Export | None:
    return REGISTRY.get(model)


class Exporter:
    """Turns records into rows and JSON, linking related records by absolute URL.

    `link_of(record)` gives the path of a record (its API address); `absolute(path)` makes it
    absolute for the request.
    """

    def __init__(self, absolute, link_of):
        self.absolute = absolute
        self.link_of = link_of

    def key_of(self, record):
        export = REGISTRY.get(type(record))
        return str(getattr(record, export.key) if export else record.pk)

    def link(self, record):
        path = self.link_of(record)
        return self.absolute(path) if path else self.key_of(record)

    def row(self, export, record):
        return [
            neutralise(value)
            for column in export.fields
            for value in column.csv_values(record, self)
        ]

    def as_json(self, export, record):
        return {column.name: column.json_value(record, self) for column in export.fields}


def neutralise(value: str) -> str:
    """A cell a spreadsheet would read as a formula is kept as text by a leading apostrophe."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


class _Echo:
    def write(self, value):
        return value


def csv_lines(exporter, export, records):
    """The CSV, line by line: a BOM so that spreadsheets read UTF-8, a header, then the rows."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(export.csv_headers())
    for record in records:
        yield writer.writerow(exporter.row(export, record))


def csv_text(exporter, export, records) -> str:
    buffer = io.StringIO()
    for line in csv_lines(exporter, export, records):
        buffer.write(line)
    return buffer.getvalue()


def csv_response(request, export, queryset, file_stem):
    """The whole list as CSV, streamed, at most MAX_CSV_ROWS records."""
    records = export.prepare(queryset)[:MAX_CSV_ROWS]
    exporter = Exporter(request.build_absolute_uri, lambda record: None)
    lines = (line.encode() for line in csv_lines(exporter, export, records.iterator(500)))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_stem}.csv"'
    return response


def wants_csv(request) -> bool:
    return request.GET.get("format") == "csv"


def filter_errors(filterset) -> HttpResponse:
    """400 in plain words: which filter values are not valid."""
    lines = [f"{name}: {error}" for name, errors in filterset.errors.items() for error in errors]
    return HttpResponse(
        "\n".join(["Invalid filter values:", *lines]) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def generation() -> tuple[int, str]:
    """The content generation files are keyed on: its number, and when it moved (a database
    restored or made anew may count again from where another one was)."""
    current = ContentGeneration.current()
    return current.value, f"{current.changed_at.timestamp():.6f}"
