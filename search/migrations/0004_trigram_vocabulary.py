"""Typo-tolerant search: the vocabulary of the existing index, and on PostgreSQL the pg_trgm
extension with a trigram GIN index on the vocabulary. Nothing PostgreSQL-specific on SQLite,
where search/index.py compares words with difflib instead.
"""

import re

from django.db import migrations

WORD = re.compile(r"[^\W\d_]{3,60}")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS searchword_word_trigram ON search_searchword "
            "USING gin (word gin_trgm_ops)"
        )
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchWord = apps.get_model("search", "SearchWord")
    words = set()
    for language, folded in SearchEntry.objects.values_list("language", "folded").iterator():
        words.update((language, word) for word in WORD.findall(folded))
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, word=word) for language, word in words],
        ignore_conflicts=True,
        batch_size=1000,
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS searchword_word_trigram")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_vocabulary")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
