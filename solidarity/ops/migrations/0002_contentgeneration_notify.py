"""PostgreSQL: tell the workers' watches when a content generation changes
(solidarity/lib/generation_watch.py). Nothing on SQLite, whose readers read the table itself."""

from django.db import migrations

NOTIFY_ALL = "SELECT pg_notify('solidarity_content', '')"  # watches read the generations again
POSTGRES = [
    "CREATE OR REPLACE FUNCTION ops_contentgeneration_notify() RETURNS trigger AS $$"
    " BEGIN PERFORM pg_notify('solidarity_content', ''); RETURN NULL; END"
    " $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS ops_contentgeneration_notify ON ops_contentgeneration",
    "CREATE TRIGGER ops_contentgeneration_notify"
    " AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ops_contentgeneration"
    " FOR EACH STATEMENT EXECUTE FUNCTION ops_contentgeneration_notify()",
    NOTIFY_ALL,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS ops_contentgeneration_notify ON ops_contentgeneration",
    "DROP FUNCTION IF EXISTS ops_contentgeneration_notify()",
    NOTIFY_ALL,
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_REVERSE:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("ops", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
