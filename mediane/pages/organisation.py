"""The pages of the people who run the platform, gathered behind one menu item « Organisation » (`/organisation/`).

One list says which page each role may open: the hub, the main menu and the site map all read it, so that the
main menu keeps one item for them whatever their number. A later app (roadmap, training, funding, programme) adds
its section here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Task:
    """One page of the hub: what it is for, in the words of the person who uses it, and who may open it."""

    label: str
    url_name: str
    description: str
    permission: str


@dataclass(frozen=True)
class Section:
    title: str
    tasks: tuple[Task, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        "Modération du forum",
        (
            Task(
                "Contributions à modérer",
                "consultation:moderation_queue",
                "Les contributions en attente de publication et les signalements à traiter.",
                "consultation.moderate",
            ),
            Task(
                "Journal de modération",
                "consultation:moderation_log",
                "Toutes les actions de modération, des plus récentes aux plus anciennes.",
                "consultation.moderate",
            ),
        ),
    ),
    Section(
        "Synthèses",
        (
            Task(
                "Synthèses des thèmes",
                "synthesis:index",
                "La synthèse des contributions de chaque thème, publiée ou en préparation.",
                "synthesis.view_runs",
            ),
        ),
    ),
    Section(
        "Groupe de travail",
        (
            Task(
                "Ajouter un membre",
                "workinggroup:member_create",
                "Une personne qui représente une organisation au groupe de travail.",
                "workinggroup.manage",
            ),
            Task(
                "Programmer une réunion",
                "workinggroup:meeting_create",
                "La réunion qui clôt un thème : sa date, son lieu et son ordre du jour.",
                "workinggroup.manage",
            ),
            Task(
                "Journal des décisions",
                "workinggroup:decision_log",
                "Chaque enregistrement et chaque modification d'une décision du groupe.",
                "workinggroup.view_decision_log",
            ),
        ),
    ),
    Section(
        "Feuille de route et charte",
        (
            Task(
                "Actions de la feuille de route",
                "roadmap:manage",
                "Les actions par étape et par axe : les créer, les modifier, noter leur avancement.",
                "roadmap.manage",
            ),
            Task(
                "Créer une action depuis une décision",
                "roadmap:action_from_decision",
                "Une décision adoptée par le groupe de travail devient une action, en une étape.",
                "roadmap.manage",
            ),
            Task(
                "Importer ou exporter les actions",
                "roadmap:import_csv",
                "Toutes les actions dans un fichier CSV, à modifier dans un tableur puis à importer.",
                "roadmap.manage",
            ),
            Task(
                "Étapes, axes et statuts",
                "roadmap:stages",
                "Les listes qui classent les actions de la feuille de route.",
                "roadmap.manage",
            ),
            Task(
                "Versions de la charte",
                "roadmap:charter_manage",
                "La charte de l'inclusion numérique en bibliothèque : écrire une version, la publier, voir les "
                "signatures.",
                "roadmap.manage_charter",
            ),
        ),
    ),
    Section(
        "Événements",
        (
            Task(
                "Gérer les événements",
                "events:manage",
                "Tous les événements, brouillons compris, avec leurs inscrits et leur liste d'attente.",
                "events.manage",
            ),
            Task(
                "Créer un événement",
                "events:create",
                "Une journée, un atelier, une formation ou un webinaire : sa date, son lieu et son nombre de places.",
                "events.manage",
            ),
        ),
    ),
    Section(
        "Financements",
        (
            Task(
                "Dispositifs de financement",
                "funding:manage",
                "Les aides et leurs règles d'éligibilité, publiées ou non : les modifier, les publier.",
                "funding.manage_schemes",
            ),
            Task(
                "Créer un dispositif",
                "funding:scheme_create",
                "Une nouvelle aide : son financeur, son montant et les règles qui disent qui peut en bénéficier.",
                "funding.manage_schemes",
            ),
            Task(
                "Instruction des demandes de financement",
                "funding:instruction",
                "Les demandes des structures : les prendre en instruction, décider, prévoir et enregistrer les "
                "versements.",
                "funding.instruct",
            ),
        ),
    ),
    Section(
        "Kit de ressources",
        (
            Task(
                "Gérer le kit",
                "training:kit_manage",
                "Les outils et ressources pédagogiques du kit, brouillons compris : les modifier, les publier.",
                "training.manage_kit",
            ),
            Task(
                "Ajouter une ressource au kit",
                "training:kit_create",
                "Un outil, une fiche, un jeu ou un parcours, avec ses compétences, ses publics et sa licence.",
                "training.manage_kit",
            ),
        ),
    ),
    Section(
        "Lieux de médiation numérique",
        (
            Task(
                "Imports de lieux",
                "structures:imports",
                "Importer un fichier de lieux et lire le bilan de chaque import.",
                "structures.view_imports",
            ),
            Task(
                "Sources et correspondances",
                "structures:sources",
                "Les producteurs de lieux et la correspondance de leurs fichiers avec le standard national.",
                "structures.manage_sources",
            ),
            Task(
                "Signalements d'erreurs",
                "structures:error_reports",
                "Les erreurs que le public signale sur les pages des lieux : les lire, corriger, répondre.",
                "structures.decide_manager_requests",
            ),
            Task(
                "Demandes de gestion de lieux",
                "structures:manager_requests",
                "Les personnes qui demandent à modifier un lieu qu'elles gèrent : accepter ou refuser.",
                "structures.decide_manager_requests",
            ),
        ),
    ),
    Section(
        "Formation",
        (
            Task(
                "Gérer les formations",
                "training:manage",
                "Toutes les formations, brouillons compris, et leurs sessions : inscrits, liste d'attente, présence "
                "et résultats.",
                "training.manage",
            ),
            Task(
                "Créer une formation",
                "training:course_create",
                "Son organisme, sa durée, son prix, et les compétences et niveaux qu'elle couvre.",
                "training.manage",
            ),
        ),
    ),
    Section(
        "Conseillers numériques",
        (
            Task(
                "Comité de sélection",
                "conseillers:committee",
                "Chaque département : son quota, les postes accordés et les demandes à examiner.",
                "conseillers.manage_programme",
            ),
            Task(
                "Quotas des départements",
                "conseillers:quotas",
                "Répartir les 4 000 postes entre les départements, à la main ou d'après la population.",
                "conseillers.manage_programme",
            ),
            Task(
                "Structures d'accueil",
                "conseillers:host_list",
                "Toutes les structures inscrites au programme, par statut et par département.",
                "conseillers.manage_programme",
            ),
            Task(
                "Les candidat·es",
                "conseillers:candidate_list",
                "Toutes les personnes inscrites pour devenir conseiller numérique, par département, situation et "
                "disponibilité.",
                "conseillers.manage_programme",
            ),
            Task(
                "Affectation des candidats",
                "conseillers:assignment",
                "Une personne suggérée pour chaque poste à pourvoir, par département ou pour tout le programme, et "
                "les mises en relation à proposer aux structures.",
                "conseillers.manage_programme",
            ),
            Task(
                "Recrutements à finaliser",
                "conseillers:recruitment_list",
                "Les recrutements des structures : les contrats et les ruptures à vérifier viennent en premier.",
                "conseillers.manage_programme",
            ),
            Task(
                "Subventions des postes",
                "conseillers:subsidies",
                "Ce qui est accordé, versé et reste à verser, par structure et par département.",
                "conseillers.manage_programme",
            ),
            Task(
                "Formation des conseillers",
                "conseillers:training_status",
                "Les conseillers à inscrire à la formation certifiante, et le suivi des inscrits.",
                "conseillers.manage_programme",
            ),
            Task(
                "Pilotage du programme",
                "conseillers:dashboard_internal",
                "Les chiffres du programme, et les conseillers sans activité depuis deux mois ou les postes non "
                "pourvus à relancer.",
                # The permission the page itself checks (`views_access.require_team`).
                "conseillers.manage_programme",
            ),
        ),
    ),
)


def sections_for(user) -> list[Section]:
    """The sections of the hub that `user` sees, each with only the tasks they may open (none: an empty list)."""
    shown = []
    for section in SECTIONS:
        tasks = tuple(task for task in section.tasks if user.has_perm(task.permission))
        if tasks:
            shown.append(Section(section.title, tasks))
    return shown


def has_organisation_pages(user) -> bool:
    return any(user.has_perm(task.permission) for section in SECTIONS for task in section.tasks)
