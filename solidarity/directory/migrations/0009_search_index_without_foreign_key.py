"""Drop the PostgreSQL foreign key from the search index to the services.

Django empties tables between transactional tests (and in `flush`) with TRUNCATE of the tables it
knows; a table it does not know that references one of them makes that TRUNCATE fail. The index
now works like SQLite's FTS5 table: searches join on services, so a row whose service is gone
matches nothing, and `solidarity-city purge` deletes such rows (directory/retention.py).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE directory_service_fts "
            "DROP CONSTRAINT IF EXISTS directory_service_fts_service_id_fkey"
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0008_service_public_cover_index")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
