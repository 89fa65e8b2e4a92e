"""The stages, axes and statuses of the roadmap as the working group set them out in 2019–2020; organisers edit them."""

from django.db import migrations

STAGES = [
    (2019, "Groupe de travail", "Le forum contributif et les trois réunions du groupe de travail."),
    (2020, "Élaboration de la feuille de route", "Les outils et la charte, la formation, l'accompagnement financier."),
    (2021, "Mise en œuvre", "France Relance, les Conseillers numériques, la Journée inclusion numérique."),
]
AXES = [
    (
        "Outils et charte",
        "Identifier les outils utiles aux bibliothèques et écrire la charte de l'inclusion numérique.",
    ),
    ("Formation", "Un socle minimal et des référentiels de compétences partagés."),
    ("Accompagnement financier", "CTL / CDLI, DGD Bibliothèques / BNR, fonds européens, France Relance."),
    ("Communication et plaidoyer", "Faire connaître le rôle des bibliothèques dans l'inclusion numérique."),
]
# Name, what it means, default progress (as in Decidim: a status gives its progress unless one is typed).
STATUSES = [
    ("À venir", "L'action n'a pas commencé.", 0),
    ("En cours", "L'action a commencé.", 10),
    ("Réalisée", "L'action est terminée.", 100),
    ("Abandonnée", "L'action ne sera pas menée ; sa page dit pourquoi.", None),
]


def seed(apps, schema_editor):
    Stage = apps.get_model("roadmap", "Stage")
    Axis = apps.get_model("roadmap", "Axis")
    Status = apps.get_model("roadmap", "Status")
    for position, (year, title, description) in enumerate(STAGES):
        Stage.objects.get_or_create(year=year, title=title, defaults={"description": description, "position": position})
    for position, (title, description) in enumerate(AXES):
        Axis.objects.get_or_create(title=title, defaults={"description": description, "position": position})
    for position, (name, description, progress) in enumerate(STATUSES):
        Status.objects.get_or_create(
            name=name, defaults={"description": description, "default_progress": progress, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("roadmap", "0001_roadmap_and_charter")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
