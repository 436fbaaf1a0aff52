"""A public record's published versions, read from its history, for the public history page.

The history tables (core/history.py) keep every save: drafts, reviews, the staff member who
saved. The public sees only the versions it could read at the time: rows whose own state was
published, saved while every record this one depends on (`public_requires`, e.g. an
activity's project) was public too; a record that becomes visible again shows the version
it had then, dated from that moment. Each version lists the fields it changed, labelled and valued
in the reader's language; staff names, reasons and draft values never appear, and related
records are named only when they are public today.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import FileField
from django.template.defaultfilters import truncatewords
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.admin import translated_fields
from core.models import Publication, Publishable, public_or_none
from core.partial_dates import PartialDate

# The newest history rows read for one record: enough for years of editing, and bounded.
MAX_ROWS = 500
# Fields that say nothing to a reader, or that the workflow writes.
HIDDEN_FIELDS = {"id", "slug", "version", "updated_at", "publication", "published_at"}
HIDDEN_FIELDS |= {"published_by", "featured"}
TEXT_WORDS = 60
# A text changed in the other language only is shown in that language, and says so.
IN_LANGUAGE = {"en": _("in English"), "fr": _("in French")}


@dataclass
class PublicVersion:
    date: datetime.datetime
    first: bool
    row: object = None
    changed: list = field(default_factory=list)  # names of the fields it changed
    # For a translated field, the languages whose text changed.
    languages: dict = field(default_factory=dict)
    changes: list = field(default_factory=list)  # [(label, value)], filled by `describe`


def _own_public(row) -> bool:
    return getattr(row, "publication", Publication.PUBLISHED) == Publication.PUBLISHED


def _own_intervals(record):
    """[(start, end or None)] when the record's own state was published; None: no history."""
    if not isinstance(record, Publishable):
        return None
    newest_first = record.history.order_by("-history_date", "-history_id")
    rows = list(newest_first.values_list("publication", "history_date")[:MAX_ROWS])
    if not rows:
        return None
    intervals, start = [], None
    for state, date in reversed(rows):
        if state == Publication.PUBLISHED and start is None:
            start = date
        elif state != Publication.PUBLISHED and start is not None:
            intervals.append((start, date))
            start = None
    if start is not None:
        intervals.append((start, None))
    return intervals


def _intersect(first, second):
    """The intersection of two lists of intervals; None stands for "always"."""
    if first is None:
        return second
    if second is None:
        return first
    result = []
    for start_a, end_a in first:
        for start_b, end_b in second:
            start = max(start_a, start_b)
            ends = [end for end in (end_a, end_b) if end is not None]
            end = min(ends) if ends else None
            if end is None or start < end:
                result.append((start, end))
    return result


def _visible_intervals(record):
    """When the record was public: its own state, and every record it requires."""
    return _intersect(_own_intervals(record), required_intervals(record))


def required_intervals(record):
    """When every record this one requires (e.g. an activity's project) was public."""
    result = None
    for name in record.public_requires:
        parent = getattr(record, name)
        if parent is not None:
            result = _intersect(result, _visible_intervals(parent))
    return result


def _within(moment, intervals) -> bool:
    if intervals is None:
        return True
    return any(start <= moment and (end is None or moment < end) for start, end in intervals)


def _fields(model):
    """(name, field, language columns or None) of the fields a version may change."""
    translated = set(translated_fields(model))
    languages = [code for code, _name in _languages()]
    result = []
    for model_field in model._meta.concrete_fields:
        name = model_field.name
        if (
            name in HIDDEN_FIELDS
            or name.endswith("_precision")
            or hasattr(model_field, "translated_field")
            or isinstance(model_field, FileField)
        ):
            continue
        columns = [f"{name}_{code}" for code in languages] if name in translated else None
        result.append((name, model_field, columns))
    return result


def _languages():
    from django.conf import settings

    return settings.LANGUAGES


def _m2m_fields(record):
    return list(getattr(record.history.model, "_history_m2m_fields", []))


def _m2m_accessors(record, m2m_fields) -> dict:
    """{m2m field name: the history row's accessor of its kept rows}, for prefetching."""
    from core.history import TRACKED

    historical = record.history.model
    kept = TRACKED[type(record)].m2m_models
    accessors = {}
    for m2m_field in m2m_fields:
        for relation in historical._meta.related_objects:
            if relation.related_model is kept[m2m_field]:
                accessors[m2m_field.name] = relation.get_accessor_name()
    return accessors


def _m2m_ids(row, m2m_field, accessors) -> tuple:
    target = f"{m2m_field.m2m_reverse_field_name()}_id"
    items = getattr(row, accessors[m2m_field.name]).all()
    return tuple(sorted(getattr(item, target) for item in items))


def _values(row, fields, m2m_fields, accessors) -> dict:
    values = {}
    for name, model_field, columns in fields:
        if columns:
            values[name] = tuple(getattr(row, column) or "" for column in columns)
        elif model_field.is_relation:
            values[name] = getattr(row, model_field.attname)
        else:
            precision = getattr(row, f"{name}_precision", None)
            values[name] = (getattr(row, name), precision)
    for m2m_field in m2m_fields:
        values[m2m_field.name] = _m2m_ids(row, m2m_field, accessors)
    return values


def _public_names(names, model, ids) -> str:
    return ", ".join(names[model][pk] for pk in ids if pk in names[model])


def _display(row, name, model_field, columns, accessors, names) -> str:
    if columns:
        language = translation.get_language() or "en"
        own = getattr(row, f"{name}_{language}", None)
        return truncatewords(own or getattr(row, columns[0]) or "", TEXT_WORDS)
    if model_field.many_to_many:
        ids = _m2m_ids(row, model_field, accessors)
        return _public_names(names, model_field.related_model, ids)
    value = getattr(row, model_field.attname)
    if value in (None, ""):
        return ""
    if model_field.is_relation:
        return _public_names(names, model_field.related_model, [value])
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, ""))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, datetime.date):
        precision = getattr(row, f"{name}_precision", None)
        return str(PartialDate(value, precision) if precision else PartialDate(value))
    return truncatewords(str(value), TEXT_WORDS)


def public_versions(record) -> list[PublicVersion]:
    """The record's published versions, oldest first (empty for a record the public cannot see).

    Each says which fields it changed; `describe` gives their labels and values for a page.
    """
    if record is None or not record.is_public:
        return []
    model = type(record)
    fields = _fields(model)
    m2m_fields = _m2m_fields(record)
    accessors = _m2m_accessors(record, m2m_fields)
    rows = record.history.order_by("-history_date", "-history_id")
    rows = rows.prefetch_related(*accessors.values())
    rows = list(reversed(rows[:MAX_ROWS]))
    required = required_intervals(record)
    codes = [code for code, _name in _languages()]
    translated = {name for name, _field, columns in fields if columns}
    versions: list[PublicVersion] = []
    shown: dict | None = None

    def emit(row, date):
        nonlocal shown
        values = _values(row, fields, m2m_fields, accessors)
        if shown is None:
            versions.append(PublicVersion(date=date, first=True, row=row))
        else:
            changed = [name for name, value in values.items() if value != shown.get(name)]
            if not changed:
                return
            languages = {
                name: [
                    code
                    for code, new, old in zip(codes, values[name], shown[name], strict=True)
                    if new != old
                ]
                for name in changed
                if name in translated
            }
            versions.append(
                PublicVersion(date=date, first=False, row=row, changed=changed, languages=languages)
            )
        shown = values

    # The record's saves and the moments its required records became public, in time order:
    # a public row is a version when it is saved while visible, or when the record becomes so.
    starts = [(start, None) for start, _end in (required or [])]
    events = sorted([(row.history_date, row) for row in rows] + starts, key=lambda e: e[0])
    current = None
    for moment, row in events:
        if row is not None:
            current = row
        if current is not None and _own_public(current) and _within(moment, required):
            emit(current, moment)
    return versions


def describe(record, versions) -> None:
    """Fill each version's (label, value) changes, naming only related records public today.

    One query per kind of related record, whatever the number of versions.
    """
    model = type(record)
    by_name = {name: (model_field, columns) for name, model_field, columns in _fields(model)}
    m2m_fields = _m2m_fields(record)
    by_name.update({m2m.name: (m2m, None) for m2m in m2m_fields})
    accessors = _m2m_accessors(record, m2m_fields)
    wanted: dict = {}
    for version in versions:
        for name in version.changed:
            model_field, columns = by_name[name]
            if model_field.many_to_many:
                ids = _m2m_ids(version.row, model_field, accessors)
            elif model_field.is_relation:
                ids = [getattr(version.row, model_field.attname)]
            else:
                continue
            wanted.setdefault(model_field.related_model, set()).update(ids)
    names = {}
    for related, ids in wanted.items():
        found = related._default_manager.filter(pk__in=ids - {None})
        names[related] = {r.pk: str(r) for r in found if public_or_none(r) is not None}
    reader = translation.get_language() or "en"
    for version in versions:
        version.changes = []
        for name in version.changed:
            model_field, columns = by_name[name]
            label = capfirst(str(model_field.verbose_name))
            changed_in = version.languages.get(name)
            if changed_in and reader not in changed_in:
                other = changed_in[0]
                label = f"{label} ({IN_LANGUAGE.get(other, other)})"
                value = truncatewords(getattr(version.row, f"{name}_{other}") or "", TEXT_WORDS)
            else:
                value = _display(version.row, name, model_field, columns, accessors, names)
            version.changes.append((label, value or "—"))


def last_published(record):
    """When the public version of the record was last published (None: no history kept)."""
    versions = public_versions(record)
    return versions[-1].date if versions else None
