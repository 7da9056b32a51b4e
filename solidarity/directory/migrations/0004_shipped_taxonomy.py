"""Loads the taxonomy shipped with the product (categories and service attributes, four languages)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from solidarity.directory.taxonomy import load_taxonomy

    load_taxonomy(apps.get_model("directory", "Taxonomy"), apps.get_model("directory", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_search_index")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
