"""The programme's certifying course in the training catalogue (its provider and course, published), which every
finalised recruitment's adviser is enrolled in (`services_training`)."""

from django.db import migrations

TITLE = "Formation certifiante des conseillers numériques"
PROVIDER = "Programme Conseillers numériques"


def create(apps, schema_editor):
    Provider = apps.get_model("training", "Provider")
    Course = apps.get_model("training", "Course")
    provider, _ = Provider.objects.get_or_create(
        name=PROVIDER,
        defaults={
            "description": "La formation des conseillers numériques recrutés par le programme, prise en charge "
            "par l'État.",
        },
    )
    Course.objects.get_or_create(
        title=TITLE,
        provider=provider,
        defaults={
            "description": (
                "La formation que suit chaque conseiller numérique recruté : accueillir et accompagner les "
                "habitants dans leurs usages du numérique, animer un atelier, aider aux démarches en ligne.\n\n"
                "Elle mène au certificat de compétences professionnelles (CCP 1) du titre Responsable d'espace "
                "de médiation numérique. Elle est gratuite pour la structure et pour le conseiller."
            ),
            "hours": 147,
            "modality": "mixte",
            "certifying": True,
            "certification": "CCP 1 du titre professionnel Responsable d'espace de médiation numérique (REMN)",
            "price": 0,
            "published": True,
        },
    )


def remove(apps, schema_editor):
    Course = apps.get_model("training", "Course")
    Course.objects.filter(title=TITLE, provider__name=PROVIDER, sessions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("conseillers", "0001_initial"),
        ("training", "0005_staff_invitations_example_courses"),
    ]

    operations = [migrations.RunPython(create, remove)]
