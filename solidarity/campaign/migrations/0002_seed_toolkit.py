from django.db import migrations


def seed(apps, schema_editor):
    from solidarity.campaign.toolkit_content import seed_toolkit

    seed_toolkit(apps.get_model("campaign", "ToolkitPage"))


class Migration(migrations.Migration):
    dependencies = [("campaign", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
