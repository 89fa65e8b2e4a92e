"""The demo consultation of 2019 and its three themes, each preparing a meeting of the working group.

Meeting months stay those of 2019; opening and closing dates are set by `load_demo` relative to today, so that
theme 1 is closed, theme 2 is open and theme 3 is upcoming whenever the demo is loaded.
"""

import datetime as dt

CONSULTATION = {
    "slug": "inclusion-numerique-bibliotheques",
    "title": "Inclusion numérique en bibliothèque",
    "summary": "Le forum contributif public du groupe de travail réuni en 2019 par le ministère de la Culture et "
    "l'Agence du numérique.",
    "description": (
        "Près de 13 millions de Français ont du mal à utiliser les outils numériques. Les bibliothèques, lieux "
        "publics, gratuits et ouverts à tous, peuvent les aider. Ce forum recueille les retours d'expérience, "
        "les points de vigilance et les propositions des professionnels des bibliothèques, des acteurs de la "
        "médiation numérique, des élus, des associations et des usagers. Chaque thème prépare une réunion du "
        "groupe de travail."
    ),
}

# number, slug, title, question, description, meeting label, meeting date.
THEMES = [
    (
        1,
        "role-et-missions",
        "Rôle et missions des bibliothèques",
        "Quel rôle les bibliothèques doivent-elles jouer dans l'inclusion numérique, et avec quels partenaires ?",
        "Accès libre aux ordinateurs et au wifi, ateliers, aide aux démarches en ligne, orientation : que "
        "font déjà les bibliothèques, que devraient-elles faire, et jusqu'où ? Comment travailler avec les "
        "Maisons France Services, les espaces publics numériques et les associations ? Vos contributions "
        "préparent la réunion du groupe de travail de mai 2019.",
        "mai 2019",
        dt.date(2019, 5, 23),
    ),
    (
        2,
        "publics-cibles",
        "Identifier et toucher les publics",
        "Comment repérer les personnes qui ont besoin d'aide, comprendre leurs besoins et les orienter vers le "
        "bon accompagnement ?",
        "Personnes âgées, personnes qui lisent mal ou parlent peu le français, jeunes, habitants des zones "
        "rurales, personnes en précarité : comment les atteindre ? Comment faire le diagnostic de leurs besoins "
        "sans les mettre en difficulté, puis les orienter vers un atelier, un accompagnement ou un autre lieu "
        "d'aide ? Vos contributions préparent la réunion du groupe de travail de juillet 2019.",
        "juillet 2019",
        dt.date(2019, 7, 4),
    ),
    (
        3,
        "formation",
        "Former et professionnaliser les acteurs",
        "Comment former les bibliothécaires, les bénévoles et les médiateurs qui accompagnent les publics au "
        "numérique ?",
        "Formation initiale et continue des bibliothécaires, certification des compétences (Pix), offre du "
        "CNFPT, formation des bénévoles, métier de médiateur numérique, analyse des pratiques : quelles "
        "formations faut-il, pour qui, et comment les financer ? Vos contributions préparent la réunion du "
        "groupe de travail de septembre 2019.",
        "septembre 2019",
        dt.date(2019, 9, 26),
    ),
]

# Days relative to the loading day: theme 1 closed, theme 2 open (30 days ago → in 60 days), theme 3 upcoming.
THEME_WINDOWS = {1: (-120, -30), 2: (-30, 60), 3: (60, 150)}

# Proposals the crowd rallies behind: they get many supports, as real forums have a few runaway favourites.
POPULAR = {
    "Une fiche d'orientation commune, imprimable": 31,
    "Des conventions avec les Maisons France Services": 27,
    "Inscrire l'inclusion numérique dans les missions officielles des bibliothèques": 25,
    "Habiliter les bibliothécaires à Aidants Connect": 22,
    "Un annuaire à jour des lieux d'aide numérique": 20,
    "Prêter des tablettes à domicile": 18,
    "Un atelier « reconnaître les arnaques » dans chaque bibliothèque": 17,
    "Ouvrir les bibliothèques le soir et le samedi pour les démarches": 15,
}
