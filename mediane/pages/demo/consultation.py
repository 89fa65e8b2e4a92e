"""The consultation of 2019 and its three themes, each preparing a meeting of the working group, at their real dates.

The story: the forum opens on 1 April 2019; each theme is open for a few weeks, closes, has its synthesis computed
and published, and is discussed at its meeting (May, July and September 2019). `load_demo` writes each step at its
own date (`clock.py`). Today's consultation, open now, is in `today.py`.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def paris(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=PARIS)


# The team and the crowd join the platform, and the working group is formed, before the forum opens.
ACCOUNTS_CREATED = paris(2019, 3, 18)
FORUM_OPENS = paris(2019, 4, 1)


@dataclass(frozen=True)
class ThemeCalendar:
    opens: dt.datetime
    closes: dt.datetime
    synthesis_computed: dt.datetime  # launched by the organiser once the theme is closed
    synthesis_published: dt.datetime
    meeting: dt.date
    minutes_recorded: dt.datetime  # the afternoon of the meeting


CALENDAR = {
    1: ThemeCalendar(
        opens=FORUM_OPENS,
        closes=paris(2019, 5, 5, 23, 59),
        synthesis_computed=paris(2019, 5, 9, 10),
        synthesis_published=paris(2019, 5, 13, 14),
        meeting=dt.date(2019, 5, 23),
        minutes_recorded=paris(2019, 5, 23, 16, 30),
    ),
    2: ThemeCalendar(
        opens=paris(2019, 5, 27),
        closes=paris(2019, 6, 23, 23, 59),
        synthesis_computed=paris(2019, 6, 25, 10),
        synthesis_published=paris(2019, 6, 27, 14),
        meeting=dt.date(2019, 7, 4),
        minutes_recorded=paris(2019, 7, 4, 16, 30),
    ),
    3: ThemeCalendar(
        opens=paris(2019, 7, 8),
        closes=paris(2019, 9, 8, 23, 59),
        synthesis_computed=paris(2019, 9, 11, 10),
        synthesis_published=paris(2019, 9, 16, 14),
        meeting=dt.date(2019, 9, 26),
        minutes_recorded=paris(2019, 9, 26, 16, 30),
    ),
}
# The May meeting's dossier, with its decisions, generated the Monday after the meeting.
MAY_DOSSIER_GENERATED = paris(2019, 5, 27, 11)

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

# number, slug, title, question, description, meeting label (the meeting's date is in CALENDAR).
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
    ),
]

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
