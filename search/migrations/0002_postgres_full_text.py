"""PostgreSQL full-text search that folds accents, with one partial GIN index per language.

Nothing happens on SQLite, whose search compares folded text instead. The index used to live
in the portal's configuration package (table acss_portal_searchentry); that table is dropped
here, and the search app fills its own index after migrating (search/apps.py).
"""

from django.db import migrations

CONFIGS = {"en": ("acss_en", "english"), "fr": ("acss_fr", "french")}


def forwards(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS acss_portal_searchentry")
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for language, (config, base) in CONFIGS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = pg_catalog.{base})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR "
            f"hword, hword_part, word WITH unaccent, {base}_stem"
        )
        schema_editor.execute(
            f"CREATE INDEX searchentry_document_{language} ON search_searchentry "
            f"USING gin (to_tsvector('{config}'::regconfig, document)) WHERE language = '{language}'"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language, (config, _base) in CONFIGS.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS searchentry_document_{language}")
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
