"""Time the search page's work on a large index: `manage.py benchmark_search --records 100000`.

Fills the index with fictional records (kind "bench", both languages) in bulk, then runs typical
queries, misspelt ones included, through what the search page does (search, spelling
correction, count, first page, highlighting) and prints p50/p95 per query. Run it against a
scratch database: DATABASE_URL=postgres://.../acss_bench manage.py migrate && ... benchmark_search.
The bench rows are removed at the end unless --keep.
"""

import json
import random
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.utils import translation

from core.views import PER_PAGE
from search.highlight import entry_snippet, highlight
from search.index import VOCABULARY_WORD, find, fold
from search.models import SearchEntry, SearchWord

KIND = "bench"
WORDS = {
    "en": [
        "diaspora",
        "migration",
        "mobility",
        "training",
        "workshop",
        "session",
        "cooperation",
        "south",
        "ministry",
        "senegal",
        "mali",
        "morocco",
        "ivory",
        "coast",
        "bamako",
        "dakar",
        "thies",
        "rabat",
        "abidjan",
        "casablanca",
        "policy",
        "strategy",
        "evaluation",
        "network",
        "organisation",
        "local",
        "development",
        "association",
        "investment",
        "return",
        "integration",
        "rights",
        "migrants",
        "labour",
        "youth",
        "women",
        "employment",
        "remittances",
        "action",
        "plan",
        "memorandum",
        "agreement",
        "partner",
        "region",
        "municipality",
        "study",
        "mapping",
        "survey",
        "centre",
        "advice",
        "service",
        "support",
        "funding",
        "initiative",
        "dialogue",
        "capacity",
        "civil",
        "society",
    ],
    "fr": [
        "diaspora",
        "migration",
        "mobilité",
        "formation",
        "atelier",
        "session",
        "coopération",
        "sud",
        "ministère",
        "sénégal",
        "mali",
        "maroc",
        "côte",
        "ivoire",
        "bamako",
        "dakar",
        "thiès",
        "rabat",
        "abidjan",
        "casablanca",
        "politique",
        "stratégie",
        "évaluation",
        "réseau",
        "organisation",
        "local",
        "développement",
        "association",
        "investissement",
        "retour",
        "intégration",
        "droits",
        "migrants",
        "travail",
        "jeunesse",
        "femmes",
        "emploi",
        "transferts",
        "plan",
        "action",
        "mémorandum",
        "accord",
        "partenaire",
        "région",
        "commune",
        "étude",
        "cartographie",
        "enquête",
        "centre",
        "conseil",
        "service",
        "appui",
        "financement",
        "initiative",
        "dialogue",
        "capacités",
        "société",
        "civile",
    ],
}
QUERIES = {
    "en": [
        "bamako",
        "diaspora",
        "training session",
        "migration policy",
        "remittances youth",
        "thiess",
        "diaspra",
        "trainng workshop",
        "xqzvbn",
    ],
    "fr": [
        "formation",
        "sénégalais",
        "politique migratoire",
        "cote d ivoire",
        "thies",
        "bamakko",
        "migratoin",
        "atelierr",
    ],
}
SYLLABLES = [
    "ba",
    "ko",
    "ma",
    "li",
    "se",
    "ne",
    "ga",
    "ti",
    "es",
    "ra",
    "dou",
    "ka",
    "fa",
    "so",
    "ni",
    "mo",
    "ta",
    "ri",
    "la",
    "gu",
    "be",
    "zo",
    "wa",
]


def fictional_name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))).capitalize()


def sentence(rng, language, names, length):
    """Words of the domain (each in about a fifth of the records, as "diaspora" would be in
    a migration portal) among many rarer ones: places, names, other words."""
    vocabulary = WORDS[language]
    return " ".join(
        rng.choice(vocabulary) if rng.random() < 0.3 else rng.choice(names) for _ in range(length)
    )


class Command(BaseCommand):
    help = "Fill the search index with fictional records and time typical queries (p50/p95)."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--keep", action="store_true", help="keep the bench rows afterwards")
        parser.add_argument("--random-seed", type=int, default=1)

    def handle(self, *args, records, runs, keep, random_seed, **options):
        if not settings.DEBUG:
            raise CommandError("Run this against a scratch database in development (DEBUG=true).")
        existing = SearchEntry.objects.filter(kind=KIND, language="en").count()
        if existing < records:
            self.fill(existing, records, random.Random(random_seed))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE search_searchentry")
                cursor.execute("ANALYZE search_searchword")
        results = self.measure(runs)
        if not keep:
            SearchEntry.objects.filter(kind=KIND).delete()
        out = Path(settings.BASE_DIR) / "var" / "bench"
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"search-{connection.vendor}-{records}.json"
        path.write_text(json.dumps(results, indent=2))
        self.stdout.write(f"Written to {path}")

    def fill(self, start, records, rng):
        names = [fictional_name(rng).lower() for _ in range(20_000)]
        batch = 2_000
        for first in range(start, records, batch):
            entries, words = [], {"en": set(), "fr": set()}
            for number in range(first, min(first + batch, records)):
                for language in ("en", "fr"):
                    title = sentence(rng, language, names, rng.randint(5, 10)).capitalize()
                    summary = sentence(rng, language, names, rng.randint(20, 40))
                    document = " ".join([title, summary, sentence(rng, language, names, 40)])
                    folded = fold(document)
                    words[language].update(VOCABULARY_WORD.findall(folded))
                    entries.append(
                        SearchEntry(
                            kind=KIND,
                            object_id=number,
                            language=language,
                            title=title,
                            summary=summary,
                            url="/",
                            document=document,
                            folded=folded,
                        )
                    )
            with transaction.atomic():
                SearchEntry.objects.bulk_create(entries, batch_size=1000, ignore_conflicts=True)
                SearchWord.objects.bulk_create(
                    [SearchWord(language=lang, word=w) for lang, ws in words.items() for w in ws],
                    batch_size=1000,
                    ignore_conflicts=True,
                )
            self.stdout.write(f"\r{min(first + batch, records)} / {records} records", ending="")
            self.stdout.flush()
        self.stdout.write("")

    def page(self, query, language):
        with translation.override(language):
            found = find(query, language=language)
            page = Paginator(found.entries, PER_PAGE).get_page(1)
            for entry in page.object_list:
                highlight(entry.title, found.words)
                entry_snippet(entry, found.words)
            return page.paginator.count, found.corrected

    def measure(self, runs):
        rows, every = [], []
        for language, queries in QUERIES.items():
            for query in queries:
                count, corrected = self.page(query, language)  # warm-up
                times = []
                for _ in range(runs):
                    begin = time.perf_counter()
                    self.page(query, language)
                    times.append((time.perf_counter() - begin) * 1000)
                every.extend(times)
                row = {
                    "language": language,
                    "query": query,
                    "corrected": corrected,
                    "results": count,
                    "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(statistics.quantiles(times, n=20)[-1], 1),
                }
                rows.append(row)
                self.stdout.write(
                    f"{language}  {query:<22} → {corrected or '':<18} "
                    f"{count:>7} results  p50 {row['p50_ms']:>6} ms  "
                    f"p95 {row['p95_ms']:>6} ms"
                )
        total = {
            "p50_ms": round(statistics.median(every), 1),
            "p95_ms": round(statistics.quantiles(every, n=20)[-1], 1),
        }
        self.stdout.write(f"all queries: p50 {total['p50_ms']} ms, p95 {total['p95_ms']} ms")
        return {"vendor": connection.vendor, "queries": rows, "all": total}
