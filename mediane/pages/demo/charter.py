"""The demo's « charte de l'inclusion numérique en bibliothèque »: version 1 published in January 2020 after the
2019 consultation, signed that year by a few libraries of the Rhône (from the demo's directory); version 2 in June
2021, with the Conseillers numériques, renewed by some of them. The demo's library manager account
(`responsable@mediane.localhost`) manages the Pôle lecture Terraillon in Bron, which signed version 1 and has not
renewed yet: signing in shows « renouvelez votre signature ».

The text is the demo's own, written from public facts about digital inclusion in libraries: it says so at its end.
Every write goes through `mediane.roadmap.services_charter`, each at its date (`clock.py`); loading twice changes
nothing (nothing is written when a version exists).
"""

from __future__ import annotations

from collections.abc import Callable

from mediane.accounts.models import User
from mediane.pages.demo import clock
from mediane.pages.demo.consultation import ACCOUNTS_CREATED, paris
from mediane.roadmap import services_charter
from mediane.roadmap.models import CharterSignature, CharterVersion
from mediane.roadmap.services_charter import CharterDraft
from mediane.structures.models import Structure

TITLE = "Charte de l'inclusion numérique en bibliothèque"
DEMO_NOTE = (
    "*Texte écrit pour la démonstration de Médiane à partir de faits publics sur l'inclusion numérique en "
    "bibliothèque : ce n'est pas un texte officiel.*"
)
INTRODUCTION = (
    "La bibliothèque est un lieu public, ouvert à toutes et à tous. Beaucoup de démarches de la vie quotidienne se "
    "font maintenant en ligne, et une partie des habitants n'est pas à l'aise avec un ordinateur ou un smartphone. "
    "Les bibliothèques qui signent cette charte s'engagent à aider chacun et chacune à trouver sa place dans ce "
    "monde numérique.\n\n**En signant cette charte, notre structure s'engage à :**\n\n"
)
COMMITMENTS_V1 = [
    "**Accueillir tout le monde**, sans obligation d'être inscrit, sans jugement, quel que soit son niveau avec le "
    "numérique.",
    "**Donner un accès libre et gratuit** à internet, au wifi et à des ordinateurs, avec une imprimante et un "
    "scanner quand c'est possible.",
    "**Former son équipe** à l'accueil des personnes en difficulté avec le numérique et aux démarches en ligne les "
    "plus courantes.",
    "**Proposer des temps d'accompagnement** : ateliers en groupe, rendez-vous individuels, aide ponctuelle à "
    "l'accueil.",
    "**Orienter** chaque personne vers le bon interlocuteur quand la bibliothèque ne peut pas l'aider : un espace "
    "France Services, un lieu de médiation numérique, un travailleur social.",
    "**Protéger les données personnelles** des personnes aidées : ne jamais garder leurs mots de passe, leur "
    "expliquer ce que l'on fait, respecter le RGPD.",
    "**Travailler en réseau** avec les acteurs de la médiation numérique du territoire, les services publics et les "
    "associations.",
    "**Faire connaître** ses services numériques dans la commune, et dire chaque année ce qu'elle a fait.",
]
COMMITMENTS_V2 = [
    *COMMITMENTS_V1[:5],
    "**Protéger les données personnelles** des personnes aidées : ne jamais garder leurs mots de passe, leur "
    "expliquer ce que l'on fait, respecter le RGPD, et utiliser un outil sécurisé comme Aidants Connect pour une "
    "démarche faite à la place de quelqu'un.",
    *COMMITMENTS_V1[6:],
    "**Accueillir les conseillers numériques** France Services du territoire, et organiser avec eux les ateliers "
    "et les permanences.",
]
CHANGES_V2 = (
    "La version 2 ajoute un engagement : accueillir les conseillers numériques France Services et travailler avec "
    "eux. L'engagement sur les données personnelles cite Aidants Connect, pour les démarches faites à la place "
    "d'une personne."
)
V1_WRITTEN, V1_PUBLISHED = paris(2020, 1, 20, 14), paris(2020, 1, 27, 10)
V2_WRITTEN, V2_PUBLISHED = paris(2021, 6, 7, 15), paris(2021, 6, 14, 10)

# Libraries of the Rhône from the demo's directory (the Ministry's file: « bib- » + Code_bib), the function of the
# person who signs, and when they signed version 1 and version 2 (None: not signed).
MANAGER_LIBRARY = "bib-LI14352"  # Pôle lecture Terraillon, Bron: the demo manager's
SIGNATORIES = [
    ("bib-LI3037", "Directrice des bibliothèques", paris(2020, 2, 10, 11), paris(2021, 6, 28, 9)),
    (MANAGER_LIBRARY, "Responsable du pôle lecture", paris(2020, 3, 2, 16), None),
    ("bib-LI20754", "Responsable de la bibliothèque", paris(2020, 6, 15, 10), paris(2021, 9, 20, 14)),
    ("bib-LI3073", "Directeur de la médiathèque", paris(2020, 10, 5, 15), None),
    ("bib-LI3053", "Bibliothécaire, référente numérique", paris(2020, 11, 23, 11), None),
    ("bib-LI3022", "Directrice de la ludo-médiathèque", None, paris(2021, 10, 12, 10)),
]


def text(commitments: list[str]) -> str:
    numbered = "\n".join(f"{number}. {commitment}" for number, commitment in enumerate(commitments, start=1))
    return f"{INTRODUCTION}{numbered}\n\n{DEMO_NOTE}"


def _signatory(source_id: str, function: str, manager: User) -> User:
    """The person who signs for a library: the demo manager for theirs; a quiet account (no usable password)
    for the others."""
    if source_id == MANAGER_LIBRARY:
        return manager
    email = f"responsable-{source_id.lower()}@demo.mediane.localhost"
    return User.objects.filter(email=email).first() or User.objects.create_user(email, None, display_name=function)


def load_charter(organiser: User, manager: User, step: Callable[[str], None]) -> dict[str, int]:
    if CharterVersion.objects.exists():
        return summary()
    step("2020 : la charte de l'inclusion numérique en bibliothèque, version 1")
    with clock.at(V1_WRITTEN):
        first = services_charter.write_version(organiser, CharterDraft(TITLE, text(COMMITMENTS_V1)))
    with clock.at(V1_PUBLISHED):
        services_charter.publish_version(organiser, first)
    wanted = Structure.objects.filter(source_id__in=[row[0] for row in SIGNATORIES])
    structures = {structure.source_id: structure for structure in wanted}
    signers = {}
    # The libraries' accounts were made with the others, before the forum opened.
    with clock.at(ACCOUNTS_CREATED):
        for source_id, function, _, _ in SIGNATORIES:
            if source_id not in structures:
                step(f"charte : la bibliothèque {source_id} n'est pas dans l'annuaire de démonstration")
                continue
            signers[source_id] = signer = _signatory(source_id, function, manager)
            structures[source_id].managers.add(signer)
    for source_id, function, v1_signed, _ in SIGNATORIES:
        if v1_signed and source_id in signers:
            with clock.at(v1_signed):
                services_charter.sign_charter(signers[source_id], structures[source_id], first, function)

    step("2021 : la charte, version 2")
    with clock.at(V2_WRITTEN):
        draft = CharterDraft(TITLE, text(COMMITMENTS_V2), CHANGES_V2)
        second = services_charter.write_version(organiser, draft)
    with clock.at(V2_PUBLISHED):
        services_charter.publish_version(organiser, second)
    for source_id, function, _, v2_signed in SIGNATORIES:
        if v2_signed and source_id in signers:
            with clock.at(v2_signed):
                services_charter.sign_charter(signers[source_id], structures[source_id], second, function)
    return summary()


def summary() -> dict[str, int]:
    return {
        "versions de la charte": CharterVersion.objects.published().count(),
        "signatures de la charte": CharterSignature.objects.count(),
    }
