"""PostgreSQL: the title's own vector, stored and indexed per language.

A word in a quarter of 100,000 records cannot be ranked among all its matches within a page's
time budget; search/index.py ranks a bounded set of candidates instead, and records whose
title holds the words are always among them, found through these indexes. Nothing happens on
SQLite.
"""

from django.db import migrations

CONFIG = "CASE language WHEN 'fr' THEN 'acss_fr'::regconfig ELSE 'acss_en'::regconfig END"
LANGUAGES = ("en", "fr")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS title_vector tsvector "
        f"GENERATED ALWAYS AS (to_tsvector({CONFIG}, title)) STORED"
    )
    for language in LANGUAGES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS searchentry_title_{language} ON search_searchentry "
            f"USING gin (title_vector) WHERE language = '{language}'"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN title_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_stored_vector")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
