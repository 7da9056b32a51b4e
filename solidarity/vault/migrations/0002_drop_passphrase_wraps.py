from django.db import migrations


def drop_passphrase_wraps(apps, schema_editor):
    # Wraps of the first format cannot be converted without the passphrases: development
    # databases re-run `solidarity-city vault init` (or `make demo-reset`).
    apps.get_model("vault", "WrappedKey").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("vault", "0001_initial")]

    operations = [migrations.RunPython(drop_passphrase_wraps, migrations.RunPython.noop)]
