"""Search across projects, activities, events, results and partners, in the visitor's language.

Accents, case and apostrophes never matter: "thies" finds Thiès, "cote d'ivoire" finds
Côte d’Ivoire. PostgreSQL uses full-text search with a per-language configuration that
folds accents (migration 0002); SQLite compares folded text. A query that finds nothing is
tried again with each unknown word replaced by the nearest word of the index's vocabulary
(`SearchWord`: trigram similarity on PostgreSQL, difflib on SQLite), so "thiess" finds Thiès.
"""

import difflib
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
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from core.models import ContentGeneration
from search.models import SearchEntry, SearchWord

APOSTROPHES = re.compile(r"[’'`ʼ‘]")
# The words a spelling suggestion may offer: letters only, three or more of them.
VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,60}")
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
        add_words(entry.language, entry.folded)


def index_new_records(records) -> int:
    """Add the entries of public records that have none yet, in a few bulk inserts.

    For bulk loads (demo data): `records` must already be `.published()`.
    """
    batch, count, words = [], 0, set()
    for obj in records:
        entries = entries_for(obj)
        batch.extend(entries)
        words |= {(e.language, w) for e in entries for w in VOCABULARY_WORD.findall(e.folded)}
        count += 1
        if len(batch) >= 2000:
            SearchEntry.objects.bulk_create(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, word=word) for language, word in words],
        ignore_conflicts=True,
        batch_size=1000,
    )
    return count


def add_words(language: str, folded: str) -> None:
    """Add the words of a folded text to the vocabulary of its language."""
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, word=w) for w in set(VOCABULARY_WORD.findall(folded))],
        ignore_conflicts=True,
        batch_size=1000,
    )


def unindex_record(obj) -> None:
    SearchEntry.objects.filter(kind=REGISTRY[type(obj)].kind, object_id=obj.pk).delete()


def rebuild() -> int:
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    count = 0
    for model in REGISTRY:
        for obj in model.objects.published():
            index_record(obj)
            count += 1
    # Search pages are cached by content generation: the new index must show at once.
    ContentGeneration.bump()
    return count


# On PostgreSQL, how many matches are ranked: those whose title holds the words, then others,
# up to this many of each. Ranking every match of a word found in a quarter of 100,000
# records takes a second; a visitor reads the first pages and narrows the words instead.
CANDIDATES = 200


def _postgres_match(entries, query, language, *, capped):
    # The stored vectors of migrations 0005 and 0006, under the partial GIN indexes of the
    # language; the language is a literal so that the planner picks them.
    tsquery = f"websearch_to_tsquery('{TEXT_CONFIG[language]}'::regconfig, %s)"
    text = " ".join(terms(query))
    matches = f"SELECT id FROM search_searchentry WHERE language = '{language}' AND "
    if capped:
        # Records with the words in their title first; the others only when there are too
        # few of those: the condition is a one-time filter, so that PostgreSQL does not even
        # read the text index (tens of milliseconds for a word in a third of the records).
        candidates = RawSQL(
            f"WITH titled AS ({matches} title_vector @@ {tsquery} LIMIT {CANDIDATES})"
            f" SELECT id FROM titled UNION ({matches} vector @@ {tsquery}"
            f" AND (SELECT count(*) FROM titled) < {CANDIDATES} LIMIT {CANDIDATES})",
            (text, text),
        )
    else:
        candidates = RawSQL(f"{matches} vector @@ {tsquery}", (text,))
    # A subquery of its own, so that the list pages' filters (which alias the table when they
    # nest this query) can use it as well as the search page.
    return entries.filter(pk__in=candidates).annotate(
        rank=RawSQL(
            f'ts_rank("search_searchentry"."vector", {tsquery})', (text,), output_field=FloatField()
        )
    )


def is_capped(count: int) -> bool:
    """Whether a count of results may stand for more matches than were ranked."""
    return connection.vendor == "postgresql" and count >= CANDIDATES


def _sqlite_match(entries, query):
    words = terms(query)
    condition = Q()
    for word in words:
        condition &= Q(folded__contains=word)
    # Rank: a title holding every word comes first. The folded text starts with the folded
    # title, so that "thies" finds its title "Thiès" there.
    title_hits = Q()
    for word in words:
        title_hits &= Q(folded_title__contains=word)
    return (
        entries.filter(condition)
        .alias(folded_title=Substr("folded", 1, Length("title")))
        .annotate(
            rank=Case(
                When(title_hits, then=Value(1.0)), default=Value(0.5), output_field=FloatField()
            )
        )
    )


def search(
    query: str, *, kind: str | None = None, language: str | None = None, capped: bool = True
):
    """Entries matching every word of the query, best first.

    `capped`: on PostgreSQL, rank a bounded set of candidates (the search page); the list
    pages' text filters want every match instead.
    """
    language = language or translation.get_language()
    entries = SearchEntry.objects.filter(language=language)
    if kind:
        entries = entries.filter(kind=kind)
    if not terms(query):
        return entries.none()
    if connection.vendor == "postgresql":
        entries = _postgres_match(entries, query, language, capped=capped)
    else:
        entries = _sqlite_match(entries, query)
    return entries.order_by(F("rank").desc(), "title")


def _nearest_word(word: str, language: str) -> str | None:
    """The vocabulary word closest in spelling to `word`, if one is close enough."""
    words = SearchWord.objects.filter(language=language)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.lookups import TrigramSimilar
        from django.contrib.postgres.search import TrigramSimilarity

        # The % operator (similarity above pg_trgm.similarity_threshold, 0.3) uses the
        # trigram GIN index of migration 0004.
        return (
            words.filter(TrigramSimilar(F("word"), Value(word)))
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
    candidates = (
        words.annotate(length=Length("word"))
        .filter(length__range=(len(word) - 2, len(word) + 2))
        .values_list("word", flat=True)
    )
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return close[0] if close else None


def correct(query: str, *, language: str | None = None) -> str | None:
    """The query with each word unknown to the index replaced by its nearest word, or None."""
    language = language or translation.get_language()
    words = terms(query)
    known = set(
        SearchWord.objects.filter(language=language, word__in=words).values_list("word", flat=True)
    )
    corrected = [
        word
        if word in known or not VOCABULARY_WORD.fullmatch(word)
        else (_nearest_word(word, language) or word)
        for word in words
    ]
    return " ".join(corrected) if corrected != words else None


@dataclass(frozen=True)
class Found:
    """What a search found: its entries, how many, and the words used when misspelt."""

    entries: object
    count: int
    words: list
    corrected: str | None = None


def find(
    query: str, *, kind: str | None = None, language: str | None = None, capped: bool = True
) -> Found:
    """Entries for the query, or for its spelling correction when the query finds nothing.

    A correction is used only when it finds public entries, so a word that only a draft
    held (the vocabulary keeps words until the next rebuild) is never suggested.
    """
    entries = search(query, kind=kind, language=language, capped=capped)
    count = entries.count() if terms(query) else 0
    if terms(query) and not count:
        corrected = correct(query, language=language)
        if corrected:
            retried = search(corrected, kind=kind, language=language, capped=capped)
            if retried_count := retried.count():
                return Found(retried, retried_count, terms(corrected), corrected)
    return Found(entries, count, terms(query))


def matching_ids(query: str, *, kind: str):
    return find(query, kind=kind, capped=False).entries.values("object_id")
