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
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils import translation

from acss_portal.models import SearchEntry

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
    """How one model appears in the search: its kind name and the fields to read."""

    kind: str
    title: str
    summary: str
    texts: tuple


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


def register(model, *, kind, title, summary, texts=()):
    REGISTRY[model] = Indexed(kind, title, summary, texts)


def _read(obj, path):
    value = obj
    for part in path.split("."):
        value = getattr(value, part, "") if value is not None else ""
    return str(value or "")


def index_record(obj) -> None:
    """Write the record's entries, one per language; fallbacks fill empty translations.

    A record the public may not see (a draft, or under a draft) has no entries.
    """
    spec = REGISTRY[type(obj)]
    if not obj.is_public:
        unindex_record(obj)
        return
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            title = _read(obj, spec.title)
            summary = _read(obj, spec.summary)
            parts = [title, summary, *(_read(obj, path) for path in spec.texts)]
            document = APOSTROPHES.sub(" ", " ".join(p for p in parts if p))
            SearchEntry.objects.update_or_create(
                kind=spec.kind,
                object_id=obj.pk,
                language=code,
                defaults={
                    "title": title[:400],
                    "summary": summary,
                    "url": obj.get_absolute_url(),
                    "document": document,
                    "folded": fold(document),
                },
            )


def unindex_record(obj) -> None:
    SearchEntry.objects.filter(kind=REGISTRY[type(obj)].kind, object_id=obj.pk).delete()


def rebuild() -> int:
    SearchEntry.objects.all().delete()
    count = 0
    for model in REGISTRY:
        for obj in model.objects.published():
            index_record(obj)
            count += 1
    return count


def _postgres_match(entries, query, language):
    config = TEXT_CONFIG[language]
    # The expression matches the partial GIN index of migration 0002 to the letter.
    vector = f'to_tsvector(\'{config}\'::regconfig, "acss_portal_searchentry"."document")'
    tsquery = f"websearch_to_tsquery('{config}'::regconfig, %s)"
    text = " ".join(terms(query))
    weighted = (
        f"setweight(to_tsvector('{config}'::regconfig, \"acss_portal_searchentry\".\"title\"), 'A')"
        f" || {vector}"
    )
    return entries.filter(
        pk__in=RawSQL(
            # The language is a literal so that the planner can pick its partial index.
            f"SELECT id FROM \"acss_portal_searchentry\" WHERE language = '{language}'"
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
