"""PostgreSQL: the weighted text vector is stored in a generated column and indexed.

Ranking read `to_tsvector(document)` afresh for every matching row, which took seconds for
a common word in 100,000 records; a stored vector is read, not recomputed. The GIN indexes
keep their names (one partial index per language), now on the stored column. Nothing
happens on SQLite.
"""

from django.db import migrations

CONFIG = "CASE language WHEN 'fr' THEN 'acss_fr'::regconfig ELSE 'acss_en'::regconfig END"
LANGUAGES = {"en": "acss_en", "fr": "acss_fr"}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE search_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS ("
        f"setweight(to_tsvector({CONFIG}, title), 'A') || to_tsvector({CONFIG}, document)"
        ") STORED"
    )
    for language in LANGUAGES:
        schema_editor.execute(f"DROP INDEX IF EXISTS searchentry_document_{language}")
        schema_editor.execute(
            f"CREATE INDEX searchentry_document_{language} ON search_searchentry "
            f"USING gin (vector) WHERE language = '{language}'"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language, config in LANGUAGES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS searchentry_document_{language}")
        schema_editor.execute(
            f"CREATE INDEX searchentry_document_{language} ON search_searchentry "
            f"USING gin (to_tsvector('{config}'::regconfig, document)) "
            f"WHERE language = '{language}'"
        )
    schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_trigram_vocabulary")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
