"""Search across projects, activities, events, results and partners, in the visitor's language.

Accents, case and apostrophes never matter: "thies" finds Thiès, "cote d'ivoire" finds
Côte d’Ivoire. PostgreSQL uses full-text search with a per-language configuration that
folds accents (migration 0002); SQLite compares folded text.
"""

import re
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from core.models import ContentGeneration
from search.models import SearchEntry

APOSTROPHES = re.compile(r"[’'`ʼ‘]")
TEXT_CONFIG = {"en": "acss_en", "fr": "acss_fr"}


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes as spaces, NUL bytes dropped."""
    text = APOSTROPHES.sub(" ", text.replace("\x00", ""))
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def terms(query: str) -> list[str]:
    return [term for term in re.split(r"[^\w]+", fold(query)) if term]


@dataclass(frozen=True)
class Indexed:
    """How one model appears in the search: its kind name, its label and the fields to read."""

    kind: str
    label: object
    plural: object
    title: str
    summary: str
    texts: tuple
    # Records whose address or text depends on this one, reindexed with it.
    dependents: tuple


REGISTRY: dict = {}
_paused = threading.local()


@contextmanager
def paused():
    """Skip indexing record by record, for bulk loads that rebuild the index once afterwards."""
    _paused.active = True
    try:
        yield
    finally:
        _paused.active = False


def is_paused() -> bool:
    return getattr(_paused, "active", False)


def register(model, *, kind, label, plural, title, summary, texts=(), dependents=()):
    """Make a model searchable; each app registers its own in its AppConfig.ready()."""
    REGISTRY[model] = Indexed(kind, label, plural, title, summary, texts, dependents)
    post_save.connect(_reindex, sender=model, dispatch_uid=f"search-index-{model.__name__}")
    post_delete.connect(_unindex, sender=model, dispatch_uid=f"search-drop-{model.__name__}")


def kinds() -> list[tuple[str, object]]:
    """(kind, plural label) of every searchable model, in the order they were registered."""
    return [(spec.kind, spec.plural) for spec in REGISTRY.values()]


def kind_label(kind: str):
    """The singular label of a kind of record, e.g. “Partner”."""
    return next((spec.label for spec in REGISTRY.values() if spec.kind == kind), kind)


def _reindex(sender, instance, raw=False, **kwargs):
    if is_paused():
        return
    try:
        index_record(instance)
        for relation in [] if raw else REGISTRY[sender].dependents:
            for related in getattr(instance, relation).all():
                _reindex(type(related), related)
    except ObjectDoesNotExist:
        # A fixture row whose parent is not loaded yet; load_seed rebuilds the index.
        pass


def _unindex(sender, instance, **kwargs):
    if not is_paused():
        unindex_record(instance)


def _read(obj, path):
    value = obj
    for part in path.split("."):
        value = getattr(value, part, "") if value is not None else ""
    return str(value or "")


def entries_for(obj) -> list[SearchEntry]:
    """The record's entries, one per language, unsaved; fallbacks fill empty translations."""
    spec = REGISTRY[type(obj)]
    entries = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            title = _read(obj, spec.title)
            summary = _read(obj, spec.summary)
            parts = [title, summary, *(_read(obj, path) for path in spec.texts)]
            document = APOSTROPHES.sub(" ", " ".join(p for p in parts if p))
            entries.append(
                SearchEntry(
                    kind=spec.kind,
                    object_id=obj.pk,
                    language=code,
                    title=title[:400],
                    summary=summary,
                    url=obj.get_absolute_url(),
                    document=document,
                    folded=fold(document),
                )
            )
    return entries


def index_record(obj) -> None:
    """Write the record's entries; a record the public may not see (a draft) has none."""
    if not obj.is_public:
        unindex_record(obj)
        return
    for entry in entries_for(obj):
        SearchEntry.objects.update_or_create(
            kind=entry.kind,
            object_id=entry.object_id,
            language=entry.language,
            defaults={
                name: getattr(entry, name)
                for name in ("title", "summary", "url", "document", "folded")
            },
        )


def index_new_records(records) -> int:
    """Add the entries of public records that have none yet, in a few bulk inserts.

    For bulk loads (demo data): `records` must already be `.published()`.
    """
    batch, count = [], 0
    for obj in records:
        batch.extend(entries_for(obj))
        count += 1
        if len(batch) >= 2000:
            SearchEntry.objects.bulk_create(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)
    return count


def unindex_record(obj) -> None:
    SearchEntry.objects.filter(kind=REGISTRY[type(obj)].kind, object_id=obj.pk).delete()


def rebuild() -> int:
    SearchEntry.objects.all().delete()
    count = 0
    for model in REGISTRY:
        for obj in model.objects.published():
            index_record(obj)
            count += 1
    # Search pages are cached by content generation: the new index must show at once.
    ContentGeneration.bump()
    return count


def _postgres_match(entries, query, language):
    config = TEXT_CONFIG[language]
    # The expression matches the partial GIN index of migration 0002 to the letter.
    vector = f'to_tsvector(\'{config}\'::regconfig, "search_searchentry"."document")'
    tsquery = f"websearch_to_tsquery('{config}'::regconfig, %s)"
    text = " ".join(terms(query))
    weighted = (
        f"setweight(to_tsvector('{config}'::regconfig, \"search_searchentry\".\"title\"), 'A')"
        f" || {vector}"
    )
    return entries.filter(
        pk__in=RawSQL(
            # The language is a literal so that the planner can pick its partial index.
            f"SELECT id FROM \"search_searchentry\" WHERE language = '{language}'"
            f" AND {vector} @@ {tsquery}",
            (text,),
        )
    ).annotate(rank=RawSQL(f"ts_rank({weighted}, {tsquery})", (text,), output_field=FloatField()))


def _sqlite_match(entries, query):
    words = terms(query)
    condition = Q()
    for word in words:
        condition &= Q(folded__contains=word)
    # Rank: a title holding every word comes first.
    title_hits = Q()
    for word in words:
        title_hits &= Q(title__icontains=word)
    return entries.filter(condition).annotate(
        rank=Case(When(title_hits, then=Value(1.0)), default=Value(0.5), output_field=FloatField())
    )


def search(query: str, *, kind: str | None = None, language: str | None = None):
    """Entries matching every word of the query, best first."""
    language = language or translation.get_language()
    entries = SearchEntry.objects.filter(language=language)
    if kind:
        entries = entries.filter(kind=kind)
    if not terms(query):
        return entries.none()
    if connection.vendor == "postgresql":
        entries = _postgres_match(entries, query, language)
    else:
        entries = _sqlite_match(entries, query)
    return entries.order_by(F("rank").desc(), "title")


def matching_ids(query: str, *, kind: str):
    return search(query, kind=kind).values("object_id")
