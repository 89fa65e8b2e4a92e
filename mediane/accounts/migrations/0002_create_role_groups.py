"""Create the four role groups (organiser, moderator, mediator, working-group member) that rules.py reads."""

from django.db import migrations

# Frozen copy of the Role values at the time of this migration: migrations never import app code.
ROLE_GROUPS = ["organisateur", "moderateur", "mediateur", "groupe_de_travail"]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


def delete_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLE_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_role_groups, delete_role_groups)]
