"""Create the group of the Conseillers numériques programme team (`Role.PROGRAMME`), which rules.py reads."""

from django.db import migrations

# Frozen copy of the Role value at the time of this migration: migrations never import app code.
GROUP = "equipe_programme"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_sessions_know_their_person")]

    operations = [migrations.RunPython(create_group, delete_group)]
