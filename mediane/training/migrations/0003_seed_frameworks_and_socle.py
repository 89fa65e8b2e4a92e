"""The seeded frameworks: Pix (16 competences in 5 domains, levels 1 to 8), Médiane's digital-mediation framework,
and the « socle minimal » of library staff. Organisers may change them afterwards; `apps.ensure_frameworks`
re-seeds an empty database (after a `flush`) from the lists below.

Sources, checked on 6 December 2026:
- Codes, domains and competence names: the « cadre de référence des compétences numériques » (CRCN), decree
  n° 2019-919 of 30 August 2019 (Journal officiel of 1 September 2019; article D. 121-1 of the code de
  l'éducation), as academies publish it (drane.ac-normandie.fr « Le CRCN », disciplines.ac-toulouse.fr « Le
  CRCN »), and the Pix platform's own source code (github.com/1024pix/pix, its seed data: area and competence
  names). Both give the same 16 names but one.
- The renamed competence: 5.2 is « Construire un environnement numérique » on the Pix platform, launched in
  September 2017 (its beta repository betagouv/pix, and Wikipédia « Pix (certification numérique) »), and
  « Évoluer dans un environnement numérique » in the CRCN of 2019. The label is versioned: the first from
  1 September 2017 (the month of the launch; the day is not known, the first of the month is used), the second
  from 1 September 2019 (the decree's publication). Pix's platform code still shows the 2017 name: the
  regulatory text is followed here.
- 4.3 « Protéger la santé, le bien-être et l'environnement »: the same name in the 2017 beta and in the CRCN;
  no older, different label was found, so it has one label only (no label is invented).
- Levels: eight levels of mastery, novice (1–2), indépendant (3–4), avancé (5–6), expert (7–8) (CRCN, as the
  academies above quote it). The one-line meanings are ours, in plain words, not the decree's text.
- The digital-mediation framework and the socle minimal are Médiane's own working documents (no public
  framework is cited for them): a small, honest list of the trade's competences, to be revised by organisers.
"""

import datetime as dt

from django.db import migrations

PIX = "pix"
MEDIATION = "mediation-numerique"
SOCLE = "socle-minimal-bibliotheques"
PIX_START = dt.date(2017, 9, 1)
CRCN_START = dt.date(2019, 9, 1)

PIX_DOMAINS = [
    ("1", "Informations et données"),
    ("2", "Communication et collaboration"),
    ("3", "Création de contenu"),
    ("4", "Protection et sécurité"),
    ("5", "Environnement numérique"),
]
# code → labels, oldest first: (label, valid from)
PIX_COMPETENCES = {
    "1.1": [("Mener une recherche et une veille d'information", PIX_START)],
    "1.2": [("Gérer des données", PIX_START)],
    "1.3": [("Traiter des données", PIX_START)],
    "2.1": [("Interagir", PIX_START)],
    "2.2": [("Partager et publier", PIX_START)],
    "2.3": [("Collaborer", PIX_START)],
    "2.4": [("S'insérer dans le monde numérique", PIX_START)],
    "3.1": [("Développer des documents textuels", PIX_START)],
    "3.2": [("Développer des documents multimédia", PIX_START)],
    "3.3": [("Adapter les documents à leur finalité", PIX_START)],
    "3.4": [("Programmer", PIX_START)],
    "4.1": [("Sécuriser l'environnement numérique", PIX_START)],
    "4.2": [("Protéger les données personnelles et la vie privée", PIX_START)],
    "4.3": [("Protéger la santé, le bien-être et l'environnement", PIX_START)],
    "5.1": [("Résoudre des problèmes techniques", PIX_START)],
    "5.2": [
        ("Construire un environnement numérique", PIX_START),
        ("Évoluer dans un environnement numérique", CRCN_START),
    ],
}
PIX_LEVELS = [
    (1, "Novice", "Je fais des actions simples, guidé·e par quelqu'un."),
    (2, "Novice", "Je fais seul·e des actions simples, tant que tout se passe bien."),
    (3, "Indépendant", "Je me débrouille dans les situations courantes."),
    (4, "Indépendant", "Je me débrouille seul·e et j'aide les autres dans les situations courantes."),
    (5, "Avancé", "Je réussis des tâches plus complexes et je choisis la bonne méthode."),
    (6, "Avancé", "Je m'adapte aux situations nouvelles et j'accompagne d'autres personnes."),
    (7, "Expert", "Je résous des problèmes complexes et je conseille."),
    (8, "Expert", "Je crée de nouvelles pratiques et je forme les autres."),
]

MEDIATION_DOMAINS = [
    ("A", "Accueillir et comprendre"),
    ("B", "Accompagner"),
    ("C", "Animer"),
    ("D", "Travailler en réseau"),
]
# code, domain, name, description
MEDIATION_COMPETENCES = [
    ("M1", "A", "Accueillir et diagnostiquer les besoins",
     "Écouter la personne, repérer ce qu'elle sait faire et ce dont elle a besoin, sans la juger."),
    ("M2", "B", "Accompagner aux démarches en ligne",
     "Aider une personne à faire elle-même une démarche administrative en ligne, pas à sa place."),
    ("M3", "B", "Accompagner l'usage des équipements",
     "Aider à prendre en main un téléphone, un ordinateur, une messagerie."),
    ("M4", "C", "Animer un atelier collectif",
     "Préparer et mener un atelier pour un petit groupe, avec des exercices adaptés."),
    ("M5", "D", "Orienter vers le bon partenaire",
     "Connaître les lieux et services du territoire, et y adresser la personne quand il le faut."),
    ("M6", "A", "Protéger les données des personnes accompagnées",
     "Ne jamais garder un mot de passe, utiliser les outils d'aidance prévus, respecter le secret."),
    ("M7", "D", "Rendre compte de son activité",
     "Noter les accompagnements pour montrer ce qui est fait et ce qui manque."),
]  # fmt: skip
MEDIATION_LEVELS = [
    (1, "Découverte", "Je connais les bases et je le fais avec l'aide d'un·e collègue."),
    (2, "Pratique", "Je le fais seul·e au quotidien."),
    (3, "Référent·e", "Je le fais dans les cas difficiles et je forme mes collègues."),
]

# (framework slug, competence code, minimum level)
SOCLE_REQUIREMENTS = [
    (PIX, "1.1", 3),
    (PIX, "2.1", 3),
    (PIX, "4.1", 2),
    (PIX, "4.2", 3),
    (PIX, "5.1", 2),
    (MEDIATION, "M1", 1),
    (MEDIATION, "M2", 1),
    (MEDIATION, "M5", 1),
    (MEDIATION, "M6", 2),
]


def _framework(apps, slug, name, kind, description, source_url, position, domains, levels):
    Framework = apps.get_model("training", "Framework")
    Domain = apps.get_model("training", "Domain")
    Level = apps.get_model("training", "Level")
    framework, _ = Framework.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "kind": kind,
            "description": description,
            "source_url": source_url,
            "position": position,
        },
    )
    domain_of = {}
    for index, (code, domain_name) in enumerate(domains):
        domain_of[code], _ = Domain.objects.get_or_create(
            framework=framework, code=code, defaults={"name": domain_name, "position": index}
        )
    for number, level_name, meaning in levels:
        Level.objects.get_or_create(
            framework=framework, number=number, defaults={"name": level_name, "description": meaning}
        )
    return framework, domain_of


def seed(apps, schema_editor):
    Competence = apps.get_model("training", "Competence")
    CompetenceLabel = apps.get_model("training", "CompetenceLabel")
    Socle = apps.get_model("training", "Socle")
    SocleRequirement = apps.get_model("training", "SocleRequirement")

    pix, domains = _framework(
        apps,
        PIX,
        "Pix : cadre de référence des compétences numériques",
        "pix",
        "Les 16 compétences numériques de tout le monde, en 5 domaines et 8 niveaux. C'est le cadre de référence "
        "des compétences numériques (CRCN, décret du 30 août 2019), que Pix évalue et certifie.",
        "https://pix.fr",
        0,
        PIX_DOMAINS,
        PIX_LEVELS,
    )
    for position, (code, labels) in enumerate(PIX_COMPETENCES.items()):
        competence, _ = Competence.objects.get_or_create(
            framework=pix, code=code, defaults={"domain": domains[code.split(".")[0]], "position": position}
        )
        for label, valid_from in labels:
            CompetenceLabel.objects.get_or_create(
                competence=competence, valid_from=valid_from, defaults={"label": label}
            )

    mediation, domains = _framework(
        apps,
        MEDIATION,
        "Médiation numérique : les compétences du métier",
        "mediation",
        "Le référentiel de travail de Médiane pour les médiatrices et médiateurs numériques : ce que le métier "
        "demande au quotidien. Il n'est pas un texte officiel ; il sera revu avec les professionnels.",
        "",
        1,
        MEDIATION_DOMAINS,
        MEDIATION_LEVELS,
    )
    for position, (code, domain, label, description) in enumerate(MEDIATION_COMPETENCES):
        competence, _ = Competence.objects.get_or_create(
            framework=mediation,
            code=code,
            defaults={"domain": domains[domain], "position": position, "description": description},
        )
        CompetenceLabel.objects.get_or_create(competence=competence, valid_from=CRCN_START, defaults={"label": label})

    socle, _ = Socle.objects.get_or_create(
        slug=SOCLE,
        defaults={
            "name": "Socle minimal des équipes de bibliothèque",
            "description": "Ce que chaque personne qui accueille le public en bibliothèque devrait savoir faire pour "
            "aider quelqu'un en difficulté avec le numérique. C'est un document de travail de Médiane.",
        },
    )
    for position, (framework, code, level) in enumerate(SOCLE_REQUIREMENTS):
        competence = Competence.objects.get(framework__slug=framework, code=code)
        SocleRequirement.objects.get_or_create(
            socle=socle, competence=competence, defaults={"level": level, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("training", "0002_courses_sessions_records_staff")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
