"""The full-text search index, one row per service, written by `directory.search_index`.

SQLite: an FTS5 table. PostgreSQL: a table with a generated tsvector and a GIN index. The text is
already folded (lower case, no accents, Arabic letter variants unified) in Python, so both
engines see the same words and the 'simple' configuration suffices.
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE directory_service_fts USING fts5("
    "service_id UNINDEXED, document, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS directory_service_fts"]
POSTGRES = [
    "CREATE TABLE directory_service_fts ("
    " service_id uuid PRIMARY KEY REFERENCES directory_service(id) ON DELETE CASCADE"
    " DEFERRABLE INITIALLY DEFERRED,"
    " document text NOT NULL,"
    " vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, document)) STORED)",
    "CREATE INDEX directory_service_fts_vector ON directory_service_fts USING gin (vector)",
]
POSTGRES_REVERSE = ["DROP TABLE IF EXISTS directory_service_fts"]


def forwards(apps, schema_editor):
    statements = SQLITE if schema_editor.connection.vendor == "sqlite" else POSTGRES
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    statements = SQLITE_REVERSE if schema_editor.connection.vendor == "sqlite" else POSTGRES_REVERSE
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_hsds_directory")]

    operations = [migrations.RunPython(forwards, backwards)]
