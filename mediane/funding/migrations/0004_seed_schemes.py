"""The six funding schemes the 2020 roadmap named, with their eligibility rules; organisers edit them afterwards.

Written from public facts (the source of each is its `source_url`). Where a figure or a condition is not a verified
public fact but an example for the demonstration, the scheme says so (`figures_are_illustrative`, and « à titre
d'exemple » in the rule's wording). The rules are checked like any other by `eligibility.check_rule` (a test does).
"""

import datetime as dt

from django.db import migrations

# Structure types: local authorities and their public libraries; the same plus associations and other places of
# digital mediation.
PUBLIC_LIBRARIES = [
    "bibliotheque_municipale",
    "bibliotheque_intercommunale",
    "mediatheque_departementale",
    "commune",
    "epci",
    "departement",
]
PUBLIC_AND_ASSOCIATIONS = [*PUBLIC_LIBRARIES, "association", "france_services", "ccas", "tiers_lieu"]

SCHEMES = [
    {
        "slug": "dgd-bibliotheques",
        "name": "Dotation générale de décentralisation : concours particulier « bibliothèques »",
        "short_name": "DGD Bibliothèques",
        "funder": "État : ministère de la Culture, instruit par la DRAC",
        "funder_kind": "etat",
        "summary": "La principale aide de l'État aux collectivités pour construire, équiper et moderniser leurs "
        "bibliothèques publiques.",
        "description": (
            "Le concours particulier « bibliothèques » de la dotation générale de décentralisation (DGD) existe "
            "depuis 1986. L'État aide les communes, les intercommunalités et les départements qui portent un projet "
            "pour leur bibliothèque publique.\n\n"
            "**Ce qui peut être aidé**, par exemple :\n\n"
            "- construire, rénover, agrandir ou rendre accessible une bibliothèque ;\n"
            "- acheter du mobilier, du matériel informatique, un véhicule pour aller vers les habitants ;\n"
            "- créer des services numériques pour le public ;\n"
            "- ouvrir la bibliothèque plus longtemps (aide au démarrage du projet).\n\n"
            "**Comment faire** : la demande se prépare avec le conseiller livre et lecture de la direction "
            "régionale des affaires culturelles (DRAC), qui instruit le dossier."
        ),
        "source_url": "https://www.culture.gouv.fr/fr/thematiques/livre-et-lecture/pour-les-professionnels-des-"
        "bibliotheques/aides/dotation-generale-de-decentralisation-dgd-concours-particulier-bibliotheques",
        "period_text": "Chaque année, depuis 1986",
        "amount_text": "Une part de la dépense, fixée par la DRAC selon le projet ; par exemple 40 % (chiffre donné "
        "à titre d'exemple).",
        "rate_percent": 40,
        "figures_are_illustrative": True,
        "rules": [
            (
                "structure_kind",
                "in",
                PUBLIC_LIBRARIES,
                "ce dispositif est réservé aux communes, intercommunalités et départements, et à leurs "
                "bibliothèques publiques",
            ),
        ],
    },
    {
        "slug": "bibliotheques-numeriques-de-reference",
        "name": "Bibliothèques numériques de référence (BNR)",
        "short_name": "BNR",
        "funder": "État : ministère de la Culture, par la DGD",
        "funder_kind": "etat",
        "summary": "Un label et une aide de plusieurs années pour construire une offre numérique de bibliothèque "
        "de premier plan.",
        "description": (
            "Lancé en 2010, le programme des bibliothèques numériques de référence accompagne les collectivités "
            "qui bâtissent un projet numérique complet pour leur réseau de bibliothèques : collections "
            "numérisées, ressources en ligne, nouveaux services aux usagers, médiation numérique.\n\n"
            "Le ministère de la Culture attribue un label à la collectivité dont le projet est retenu. L'aide "
            "passe par le concours particulier « bibliothèques » de la DGD, sur plusieurs années, avec "
            "l'accompagnement technique des services de l'État.\n\n"
            "Le programme visait d'abord les grandes villes ; il s'est ouvert ensuite aux agglomérations, aux "
            "départements et aux villes moyennes. Le seuil de population ci-dessous est un exemple."
        ),
        "source_url": "https://bbf.enssib.fr/consulter/bbf-2017-12-0044-005",
        "period_text": "Depuis 2010, sur un projet de plusieurs années",
        "amount_text": "Une aide importante de l'État sur plusieurs années ; par exemple jusqu'à 50 % du projet "
        "(chiffre donné à titre d'exemple).",
        "rate_percent": 50,
        "figures_are_illustrative": True,
        "rules": [
            (
                "structure_kind",
                "in",
                PUBLIC_LIBRARIES,
                "ce programme s'adresse aux communes, intercommunalités et départements, et à leurs bibliothèques",
            ),
            (
                "population",
                "at_least",
                100_000,
                "dans cet exemple, le programme vise les territoires d'au moins 100 000 habitants (seuil donné à "
                "titre d'exemple)",
            ),
        ],
    },
    {
        "slug": "ctl-cdli",
        "name": "Contrats territoire-lecture (CTL) et contrats départementaux lecture-itinérance (CDLI)",
        "short_name": "CTL / CDLI",
        "funder": "État : ministère de la Culture (DRAC), avec la collectivité",
        "funder_kind": "etat",
        "summary": "Un contrat de trois ans entre l'État et une collectivité pour développer la lecture sur son "
        "territoire.",
        "description": (
            "Créés en 2010, les contrats territoire-lecture (CTL) associent l'État et une ou plusieurs "
            "collectivités autour d'un projet de lecture publique. Les contrats départementaux lecture-itinérance "
            "(CDLI) font de même avec un département, pour la lecture qui va vers les habitants : bibliobus, "
            "portage, lieux éloignés des bibliothèques.\n\n"
            "Le contrat commence par un état des lieux du territoire. Il dure en général trois ans et peut être "
            "renouvelé. L'État et la collectivité le financent ensemble.\n\n"
            "Les contrats visent souvent les territoires ruraux et les quartiers prioritaires de la politique de la "
            "ville, les jeunes publics et les personnes éloignées de la lecture."
        ),
        "source_url": "https://www.culture.gouv.fr/fr/thematiques/livre-et-lecture/pour-les-professionnels-des-"
        "bibliotheques/les-politiques-en-faveur-de-la-lecture-publique/contractualisation-territoriale",
        "period_text": "Depuis 2010 ; un contrat dure en général trois ans",
        "amount_text": "Financé par l'État et la collectivité, par exemple à parts égales, avec 20 000 € par an "
        "de l'État (chiffres donnés à titre d'exemple).",
        "rate_percent": 50,
        "ceiling_euros": 20_000,
        "figures_are_illustrative": True,
        "rules": [
            (
                "structure_kind",
                "in",
                PUBLIC_LIBRARIES,
                "le contrat est signé avec une commune, une intercommunalité ou un département",
            ),
            (
                "priority_neighbourhood",
                "is_true",
                None,
                "dans cet exemple, le contrat vise un quartier prioritaire de la politique de la ville (condition "
                "donnée à titre d'exemple)",
            ),
        ],
    },
    {
        "slug": "fonds-europeens",
        "name": "Fonds européens : FEDER, FSE+ et LEADER (FEADER)",
        "short_name": "Fonds européens",
        "funder": "Union européenne, par les régions",
        "funder_kind": "europe",
        "summary": "Des fonds de l'Union européenne, gérés surtout par les régions, pour des projets numériques, "
        "d'inclusion ou de développement rural.",
        "description": (
            "Plusieurs fonds européens peuvent aider un projet de bibliothèque :\n\n"
            "- le **FEDER** (Fonds européen de développement régional), pour l'équipement et les services "
            "numériques ;\n"
            "- le **FSE+** (Fonds social européen plus), pour l'inclusion et la formation des personnes ;\n"
            "- **LEADER**, une part du FEADER (Fonds européen agricole pour le développement rural), pour les "
            "projets portés par les territoires ruraux.\n\n"
            "En France, les régions gèrent la plus grande partie de ces fonds. Chacune a son programme et ses "
            "appels à projets : renseignez-vous auprès de votre région. Le fonds européen ne paie jamais tout le "
            "projet : il faut d'autres financements à côté."
        ),
        "source_url": "https://www.europe-en-france.gouv.fr/",
        "period_text": "Programmes 2021-2027",
        "amount_text": "Une part du projet, selon le programme de la région ; par exemple 50 % (chiffre donné à "
        "titre d'exemple).",
        "rate_percent": 50,
        "figures_are_illustrative": True,
        "rules": [
            (
                "structure_kind",
                "in",
                PUBLIC_AND_ASSOCIATIONS,
                "ces fonds sont ouverts aux collectivités, à leurs bibliothèques et aux associations",
            ),
        ],
    },
    {
        "slug": "france-relance-inclusion-numerique",
        "name": "France Relance : le volet inclusion numérique",
        "short_name": "France Relance, inclusion numérique",
        "funder": "État : Agence nationale de la cohésion des territoires (ANCT)",
        "funder_kind": "etat",
        "summary": "250 millions d'euros du plan de relance, en 2020 et 2021, pour rapprocher le numérique de tous.",
        "description": (
            "Annoncé à l'automne 2020, le volet inclusion numérique du plan France Relance a mobilisé 250 millions "
            "d'euros, pilotés par l'ANCT, sur trois axes :\n\n"
            "- le recrutement et la formation de 4 000 conseillers numériques France Services (voir ce "
            "dispositif) ;\n"
            "- des kits d'inclusion numérique pour les lieux de proximité : mairies, bibliothèques, centres "
            "sociaux, tiers-lieux, associations ;\n"
            "- le déploiement d'Aidants Connect, pour les démarches faites de façon sécurisée à la place d'une "
            "personne.\n\n"
            "Les appels de 2020 et 2021 sont fermés : cette fiche garde la mémoire du dispositif et de ses "
            "conditions."
        ),
        "source_url": "https://www.senat.fr/rap/a21-167-3/a21-167-310.html",
        "period_text": "2020 et 2021",
        # The calls of 2020 and 2021 are closed: the finder says so and the scheme takes no application.
        "period_end": dt.date(2021, 12, 31),
        "amount_text": "250 millions d'euros au total, annoncés le 17 novembre 2020 : 200 millions pour les "
        "conseillers numériques, 40 millions pour les kits d'inclusion numérique, 10 millions pour Aidants Connect "
        "et la formation des aidants.",
        "figures_are_illustrative": False,
        "rules": [
            (
                "structure_kind",
                "in",
                PUBLIC_AND_ASSOCIATIONS,
                "ce volet s'adressait aux collectivités, à leurs bibliothèques, aux associations et aux lieux de "
                "médiation numérique",
            ),
        ],
    },
    {
        "slug": "conseiller-numerique",
        "name": "Conseiller numérique France Services",
        "short_name": "Conseiller numérique",
        "funder": "État : Agence nationale de la cohésion des territoires (ANCT)",
        "funder_kind": "etat",
        "summary": "L'État finance un poste de conseiller numérique dans votre structure : 50 000 € par poste sur "
        "deux ans.",
        "description": (
            "Un conseiller numérique aide les habitants à utiliser le numérique au quotidien : ateliers, "
            "rendez-vous, aide aux démarches en ligne. Il peut travailler dans une bibliothèque, une mairie, un "
            "espace France Services ou une association.\n\n"
            "L'État verse à la structure qui accueille le conseiller **50 000 € par poste, sur deux ans**, et "
            "prend en charge sa formation. La structure recrute le conseiller et l'emploie.\n\n"
            "La candidature d'une structure est étudiée par la préfecture et l'ANCT."
        ),
        "source_url": "https://www.seine-maritime.gouv.fr/Demarches/France-Services/"
        "Eligibilite-au-dispositif-conseillers-numeriques",
        "period_text": "Depuis 2021, pour deux ans par poste",
        "amount_text": "50 000 € par poste de conseiller, versés sur deux ans.",
        "unit_amount_euros": 50_000,
        "unit_name": "poste de conseiller numérique",
        "figures_are_illustrative": False,
        "rules": [
            (
                "structure_kind",
                "in",
                PUBLIC_AND_ASSOCIATIONS,
                "ce dispositif est ouvert aux collectivités, à leurs bibliothèques, aux associations et aux lieux "
                "de médiation numérique",
            ),
        ],
    },
]


def seed(apps, schema_editor):
    Scheme = apps.get_model("funding", "Scheme")
    EligibilityRule = apps.get_model("funding", "EligibilityRule")
    for position, entry in enumerate(SCHEMES):
        fields = {key: value for key, value in entry.items() if key != "rules"}
        slug = fields.pop("slug")
        scheme, created = Scheme.objects.get_or_create(slug=slug, defaults={**fields, "position": position})
        if not created:
            continue
        EligibilityRule.objects.bulk_create(
            EligibilityRule(scheme=scheme, position=number, fact=fact, operator=operator, value=value, wording=wording)
            for number, (fact, operator, value, wording) in enumerate(entry["rules"], start=1)
        )


class Migration(migrations.Migration):
    dependencies = [("funding", "0003_scheme_period_text")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
