"""Today's consultation, open whenever the demo is loaded, so that a newcomer can contribute: « Bibliothèques et
inclusion numérique : où en sommes-nous ? ». Its dates count from the loading day (`load_demo` passes it); its
texts are written for the demo, and name no real person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mediane.pages.demo.kinds import E, P, V

CONSULTATION = {
    "slug": "ou-en-sommes-nous",
    "title": "Bibliothèques et inclusion numérique : où en sommes-nous ?",
    "summary": "Depuis le groupe de travail de 2019, les bibliothèques ont beaucoup fait pour aider les personnes "
    "en difficulté avec le numérique. Qu'est-ce qui a changé, et que faut-il faire maintenant ?",
    "description": (
        "En 2019, un groupe de travail a réuni bibliothécaires, médiateurs numériques, élus et associations, "
        "après trois thèmes de consultation sur ce forum. Ses décisions ont été suivies de conseillers "
        "numériques, de formations et de nouveaux partenariats. Cette nouvelle consultation fait le point : "
        "racontez ce qui a changé près de chez vous, ce qui manque encore, et proposez la suite."
    ),
}


@dataclass(frozen=True)
class TodayTheme:
    number: int
    slug: str
    title: str
    question: str
    description: str
    opened_days_ago: int
    open_for_days: int


THEMES = [
    TodayTheme(
        1,
        "ce-qui-a-change",
        "Ce qui a changé depuis 2019",
        "Depuis 2019, qu'est-ce qui a changé dans l'aide au numérique de votre bibliothèque ou de votre territoire ?",
        "Nouveaux ateliers, conseillers numériques, partenariats avec France Services, formation des équipes, "
        "fiche d'orientation, annuaire des lieux : qu'est-ce qui a vraiment changé pour les personnes que vous "
        "accueillez, ou pour vous ? Qu'est-ce qui n'a pas marché ?",
        opened_days_ago=21,
        open_for_days=60,
    ),
    TodayTheme(
        2,
        "besoins-aujourdhui",
        "Les besoins d'aujourd'hui",
        "Quelles difficultés avec le numérique voyez-vous aujourd'hui, et quelle aide manque encore ?",
        "Démarches toujours plus nombreuses en ligne, arnaques, intelligence artificielle, téléphones qui "
        "remplacent l'ordinateur, personnes qui n'osent pas demander : de quoi les gens ont-ils besoin "
        "aujourd'hui, et comment les bibliothèques peuvent-elles y répondre ?",
        opened_days_ago=7,
        open_for_days=60,
    ),
]
# The meeting that will read these contributions is not set yet: the theme pages say so.
MEETING_LABEL = "à fixer après la clôture"
MEETING_AFTER_CLOSING = dt.timedelta(days=30)


# (theme number, kind, persona key, title, body), written in this order over each theme's days so far.
CONTRIBUTIONS: list[tuple[int, str, str, str, str]] = [
    (
        1,
        E,
        "sylvie",
        "La fiche d'orientation commune est utilisée dans tout le réseau",
        "Depuis que nous avons une fiche d'orientation commune avec France Services et le centre social, les "
        "personnes n'ont plus à tout réexpliquer. Elles arrivent avec la fiche, et nous savons tout de suite ce "
        "qu'elles cherchent.",
    ),
    (
        1,
        E,
        "ines",
        "Deux conseillers numériques à la médiathèque",
        "Nous avons maintenant deux conseillers numériques à temps plein. Les ateliers sont pleins, et les "
        "permanences du samedi aussi. La question, c'est ce qui se passera quand leur financement s'arrêtera.",
    ),
    (
        1,
        V,
        "maire_rural",
        "En zone rurale, l'aide reste trop loin",
        "Les villes ont des conseillers et des ateliers. Chez nous, le lieu d'aide le plus proche est à "
        "30 kilomètres, et il n'y a pas de bus. L'aide à distance, par téléphone, devrait être mieux connue.",
    ),
    (
        1,
        P,
        "gilles",
        "Garder les postes de médiateurs dans la durée",
        "Les postes financés pour deux ans ont montré leur utilité. Il faut maintenant les rendre durables, avec "
        "un financement partagé entre l'État et les collectivités, et une formation continue.",
    ),
    (
        1,
        E,
        "monique",
        "Je fais maintenant mes démarches seule",
        "En 2019, je ne savais pas allumer un ordinateur. Après les ateliers de la bibliothèque, je fais mes "
        "démarches seule, et j'aide même ma voisine. Merci aux bibliothécaires.",
    ),
    (
        2,
        V,
        "paul",
        "Les arnaques sont de plus en plus difficiles à reconnaître",
        "Les faux messages ressemblent maintenant parfaitement à ceux des banques ou des administrations. Même des "
        "personnes à l'aise avec le numérique se font avoir. Il faut en parler dans chaque atelier.",
    ),
    (
        2,
        P,
        "lea",
        "Des ateliers pour comprendre l'intelligence artificielle",
        "Beaucoup de personnes entendent parler d'intelligence artificielle sans savoir ce que c'est. Des ateliers "
        "simples, pour essayer et comprendre les limites, éviteraient les peurs comme les excès de confiance.",
    ),
    (
        2,
        E,
        "aicha",
        "Tout se fait sur le téléphone maintenant",
        "Je n'ai pas d'ordinateur, seulement mon téléphone. Les sites ne marchent pas toujours bien dessus, et "
        "les ateliers sont souvent sur ordinateur. Il faudrait apprendre sur le téléphone qu'on a.",
    ),
    (
        2,
        P,
        "helene",
        "Accompagner sur le téléphone de la personne",
        "Proposer des permanences où l'on aide la personne sur son propre téléphone : installer une application, "
        "régler la taille du texte, se protéger des arnaques. C'est là que les gens en ont besoin.",
    ),
]

# Proposals and reports people support already, and the comments of the first weeks.
SUPPORTS = {
    "La fiche d'orientation commune est utilisée dans tout le réseau": ["nadia", "fatou", "cecile", "marc"],
    "Garder les postes de médiateurs dans la durée": ["ines", "olivier", "bruno", "sarah", "elue_interco", "yann"],
    "En zone rurale, l'aide reste trop loin": ["maire_creuse", "familles", "cecile"],
    "Accompagner sur le téléphone de la personne": ["aicha", "samir", "kevin", "seniors"],
    "Des ateliers pour comprendre l'intelligence artificielle": ["etudiant", "julien"],
}
COMMENTS: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    (
        "Deux conseillers numériques à la médiathèque",
        "elue_interco",
        "Même inquiétude chez nous. Nous cherchons comment financer le poste avec les communes voisines.",
        [("ines", "Si vous trouvez une solution, racontez-la ici : elle servira à d'autres.")],
    ),
    (
        "En zone rurale, l'aide reste trop loin",
        "bruno",
        "Une permanence téléphonique existe dans notre région : elle gagnerait à être affichée dans chaque mairie.",
        [],
    ),
]


def news(opened_at: dt.datetime) -> dict:
    """The news item that announces this consultation, published the day it opened."""
    return {
        "slug": "ou-en-sommes-nous",
        "kind": "actualite",
        "title": "Nouvelle consultation : bibliothèques et inclusion numérique, où en sommes-nous ?",
        "summary": "Le forum rouvre pour faire le point depuis le groupe de travail de 2019 : ce qui a changé, "
        "ce qui manque encore, et la suite à donner.",
        "published_at": opened_at,
        "event_date": None,
        "body": (
            "En 2019, les contributions de ce forum ont nourri le groupe de travail « Inclusion numérique en "
            "bibliothèque » : ses trois réunions ont pris des décisions sur le rôle des bibliothèques, "
            "l'orientation des publics et la formation des équipes.\n\n"
            "Une nouvelle consultation s'ouvre aujourd'hui pour faire le point. Deux thèmes :\n\n"
            "1. **ce qui a changé depuis 2019**, près de chez vous ou dans votre travail ;\n"
            "2. **les besoins d'aujourd'hui** : ce qui reste difficile, et l'aide qui manque.\n\n"
            "Comme en 2019, chacun peut déposer un retour d'expérience, un point de vigilance ou une "
            "proposition, et soutenir les contributions des autres. Vous ne pouvez pas écrire en ligne ? "
            "Demandez à l'accueil de votre bibliothèque : un médiateur peut recueillir votre avis pour vous."
        ),
    }
