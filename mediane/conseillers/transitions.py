"""The recruitment workflow as a table, without Django: each move's slug (its URL), its source statuses, its target,
who may make it (a permission of rules.py) and what it asks for. `services_recruitment.move_recruitment` applies it."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import RecruitmentStatus

R = RecruitmentStatus

# Who may make a move: the structure's managers, the programme team, or either.
BY_HOST = "conseillers.move_recruitment"
BY_TEAM = "conseillers.decide_recruitment"
BY_EITHER = "conseillers.end_recruitment"


@dataclass(frozen=True)
class Transition:
    slug: str
    button: str  # what the button says
    sources: frozenset[str]
    target: str
    permission: str
    # What the e-mail and the history say, after « Le recrutement de <candidat·e> chez <structure> ».
    sentence: str
    # The fields the move asks for: "contract" (type, start, end), "reason" (the team's refusal), "rupture".
    asks: str = ""


TRANSITIONS: dict[str, Transition] = {
    t.slug: t
    for t in (
        Transition(
            "interessee",
            "Je suis intéressé·e",
            frozenset({R.NEW, R.NOT_INTERESTED}),
            R.INTERESTED,
            BY_HOST,
            "la structure est intéressée par la candidature",
        ),
        Transition(
            "non-interessee",
            "Pas intéressé·e",
            frozenset({R.NEW, R.INTERESTED}),
            R.NOT_INTERESTED,
            BY_HOST,
            "la structure ne donne pas suite à la candidature",
        ),
        Transition(
            "recruter",
            "Déclarer le recrutement",
            frozenset({R.INTERESTED}),
            R.RECRUITED,
            BY_HOST,
            "la structure déclare le recrutement ; l'équipe du programme va le vérifier",
            asks="contract",
        ),
        Transition(
            "finaliser",
            "Valider le recrutement",
            frozenset({R.RECRUITED}),
            R.FINALISED,
            BY_TEAM,
            "l'équipe du programme a validé le recrutement : la subvention et la formation sont lancées",
        ),
        Transition(
            "refuser",
            "Refuser le recrutement",
            frozenset({R.RECRUITED}),
            R.INTERESTED,
            BY_TEAM,
            "l'équipe du programme n'a pas validé le recrutement",
            asks="reason",
        ),
        Transition(
            "rupture",
            "Déclarer une rupture du contrat",
            frozenset({R.FINALISED, R.RENEWAL}),
            R.RUPTURE,
            BY_EITHER,
            "une rupture du contrat est déclarée ; l'équipe du programme va la vérifier",
            asks="rupture",
        ),
        Transition(
            "finaliser-rupture",
            "Valider la rupture",
            frozenset({R.RUPTURE}),
            R.RUPTURE_FINALISED,
            BY_TEAM,
            "l'équipe du programme a validé la rupture : la subvention est recalculée",
        ),
        Transition(
            "renouveler",
            "Demander le renouvellement",
            frozenset({R.FINALISED}),
            R.RENEWAL,
            BY_EITHER,
            "le renouvellement du contrat est demandé",
        ),
        Transition(
            "terminer",
            "Clore : le contrat est arrivé à son terme",
            frozenset({R.FINALISED, R.RENEWAL}),
            R.ENDED,
            BY_TEAM,
            "le contrat est arrivé à son terme",
        ),
    )
}

# The same table by status, as the other workflows of the platform state it.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    status: frozenset(t.target for t in TRANSITIONS.values() if status in t.sources) for status in R
}


def transitions_from(status: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if status in t.sources]


# What happens next, in plain words, for each status.
NEXT_STEP: dict[str, str] = {
    R.NEW: "La structure lit la candidature et dit si elle est intéressée.",
    R.INTERESTED: "La structure et la personne candidate se rencontrent ; si elles s'accordent, la structure "
    "déclare le recrutement avec le contrat.",
    R.NOT_INTERESTED: "La structure ne donne pas suite. Elle peut changer d'avis.",
    R.RECRUITED: "L'équipe du programme vérifie le contrat et valide le recrutement.",
    R.FINALISED: "Le conseiller ou la conseillère est en poste : la subvention est versée par échéances et la "
    "formation certifiante est prévue.",
    R.RUPTURE: "L'équipe du programme vérifie la rupture ; la subvention sera recalculée.",
    R.RUPTURE_FINALISED: "Le contrat a pris fin avant son terme ; la subvention est ramenée aux mois travaillés.",
    R.RENEWAL: "Le renouvellement est demandé ; le recrutement se termine à la fin du contrat.",
    R.ENDED: "Le contrat est arrivé à son terme.",
}

# Where a recruitment stands, as the candidate's own page says it (only the statuses the candidate may see).
FOR_THE_CANDIDATE: dict[str, str] = {
    R.INTERESTED: "Intéressée par votre profil : elle va vous contacter",
    R.RECRUITED: "Elle vous recrute",
    R.FINALISED: "Recrutement confirmé par le programme",
    R.RUPTURE: "Contrat arrêté",
    R.RUPTURE_FINALISED: "Contrat arrêté",
    R.RENEWAL: "Renouvellement demandé",
    R.ENDED: "Contrat arrivé à son terme",
}
