"""PostgreSQL: keep each service's tsvector in the table row, and its document out of it.

A row of the index (document ~800 bytes + vector ~1,450 bytes on the 60,000 demo services) passed
PostgreSQL's 2 kB TOAST threshold, so the vector went out of line: every search read it back
from the TOAST table. Measured at 60,000 services, the scan that matches "clinic" took 427 ms,
and 76 ms once the vectors are in the rows. `MAIN` keeps the vector in the row (compressed only
if it is still too big); `EXTERNAL` moves the document, which no search reads, out of it first.
Existing rows are written again so that they take the new layout. SQLite: nothing to do.
"""

from django.db import migrations

STORAGE = (
    "ALTER TABLE directory_service_fts"
    " ALTER COLUMN vector SET STORAGE MAIN,"
    " ALTER COLUMN document SET STORAGE EXTERNAL"
)
REWRITE = "UPDATE directory_service_fts SET document = document"
STORAGE_REVERSE = (
    "ALTER TABLE directory_service_fts"
    " ALTER COLUMN vector SET STORAGE EXTENDED,"
    " ALTER COLUMN document SET STORAGE EXTENDED"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(STORAGE)
        schema_editor.execute(REWRITE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(STORAGE_REVERSE)


class Migration(migrations.Migration):
    dependencies = [("directory", "0012_location_point_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
