"""Every change to every record is kept: who, when, which fields, old and new values."""

import simple_history
from simple_history.models import HistoricalRecords

from core.models import Publication

# The history registration of each tracked model, to write a version outside a save.
TRACKED: dict = {}


class KeptHistoricalRecords(HistoricalRecords):
    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            TRACKED[sender] = self


def track(model, *, m2m_fields=()):
    """Keep the history of a model, its translated fields and the listed relations included.

    Called from each app's translation.py, after modeltranslation has added the
    language fields, so that the historical model has them too.
    """
    fields = [model._meta.get_field(name) for name in m2m_fields]
    simple_history.register(
        model,
        app=model._meta.app_label,
        m2m_fields=fields,
        # The history's own date says when; the timestamp would only repeat it.
        excluded_fields=["updated_at"],
        records_class=KeptHistoricalRecords,
    )


def record_first_versions() -> int:
    """Give every record without a history its first version, dated when it last changed.

    Fixtures load without saving (no history row); the public history and the "last
    published" date of the seed's records start from this version. Idempotent.
    """
    created = 0
    for model, records in TRACKED.items():
        without = model._default_manager.exclude(pk__in=model.history.values("id"))
        for record in without:
            record._history_date = record.updated_at
            if getattr(record, "publication", None) == Publication.PUBLISHED:
                record._change_reason = "published"
            records.create_historical_record(record, "+")
            created += 1
    return created


def translations_behind(model, language: str, *, ids=None) -> set[int]:
    """Records whose texts in `language` were last changed before those of another language.

    Read from the history: a language's texts "changed" in a version where any of its
    columns differs from the version before (or, in the first version, is filled).
    """
    from modeltranslation.utils import build_localized_fieldname

    from core.admin import LANGUAGE_CODES, translated_fields

    columns = {
        code: [build_localized_fieldname(field, code) for field in translated_fields(model)]
        for code in LANGUAGE_CODES
    }
    rows = model.history.order_by("id", "history_date", "history_id")
    if ids is not None:
        rows = rows.filter(id__in=ids)
    names = [name for code in LANGUAGE_CODES for name in columns[code]]
    last_change, previous = {}, {}
    for row in rows.values("id", "history_date", *names).iterator():
        before = previous.get(row["id"], {})
        stamps = last_change.setdefault(row["id"], {})
        for code in LANGUAGE_CODES:
            if any((row[name] or "") != (before.get(name) or "") for name in columns[code]):
                stamps[code] = row["history_date"]
        previous[row["id"]] = row
    behind = set()
    for pk, stamps in last_change.items():
        mine = stamps.get(language)
        others = [stamp for code, stamp in stamps.items() if code != language]
        if mine is not None and others and max(others) > mine:
            behind.add(pk)
    return behind
