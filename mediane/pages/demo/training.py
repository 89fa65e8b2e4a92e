"""The demo's training: a dozen courses from providers that exist (what is said of each is true in general; the
prices and dates are examples, marked so in each course's text), sessions in libraries of the Rhône from the demo
directory (one full, with a waiting list), and the staff of the demo manager's library (Pôle lecture Terraillon,
Bron) with their past sessions and results, so that its team page and their records have something to show.

The frameworks and the socle minimal are the seeded ones (training's data migration). Everything is written through
`mediane.training.services`, each step at its date (`clock.at`); nobody is written to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from zoneinfo import ZoneInfo

from mediane.accounts.models import User
from mediane.jobs.queue import without_emails
from mediane.structures.models import Place
from mediane.training import services
from mediane.training.enums import Attendance, Modality, Result
from mediane.training.models import Competence, Course, Provider, StaffMember, TrainingSession

from . import clock
from .consultation import ACCOUNTS_CREATED

PARIS = ZoneInfo("Europe/Paris")
# Titles, contents, certifications, prices and dates are invented: the organisations named do not offer them.
EXAMPLE = (
    "\n\n*Formation donnée à titre d'exemple : son titre, son contenu, sa certification, son prix et ses dates "
    "sont inventés pour la démonstration, ce n'est pas l'offre réelle de l'organisme.*"
)
# Libraries of the Rhône in the demo directory (« bib- » + the Ministry's code); Terraillon is the demo manager's.
BACHUT, RIZE, PAUL_ELUARD, PART_DIEU, TERRAILLON = "bib-LI5927", "bib-LI5945", "bib-LI5937", "bib-LI3037", "bib-LI14352"

PROVIDERS = [
    ("CNFPT", "Le Centre national de la fonction publique territoriale forme les agents des collectivités.",
     "https://www.cnfpt.fr"),
    ("Enssib", "L'École nationale supérieure des sciences de l'information et des bibliothèques, à Villeurbanne.",
     "https://www.enssib.fr"),
    ("Médiat Rhône-Alpes", "Le centre régional de formation aux carrières des bibliothèques de Rhône-Alpes.",
     "https://mediat.univ-grenoble-alpes.fr"),
    ("Médiathèque départementale du Rhône", "Le service du Département qui soutient les bibliothèques du Rhône.", ""),
    ("Pix", "Le service public en ligne pour évaluer, développer et certifier ses compétences numériques.",
     "https://pix.fr"),
]  # fmt: skip

# title, provider, hours, modality, certification ("" if none), price, coverages (code, level), description
COURSES = [
    ("Accueillir les publics éloignés du numérique", "CNFPT", "14", Modality.ON_SITE, "", "0",
     [("M1", 2), ("M5", 1)], "Repérer les difficultés sans mettre la personne mal à l'aise, et l'orienter."),
    ("Accompagner les démarches administratives en ligne", "CNFPT", "21", Modality.BLENDED, "", "0",
     [("M2", 2), ("M6", 2), ("4.2", 3)], "Aider une personne à faire elle-même sa démarche, sans garder ses codes."),
    ("Protéger les données des personnes accompagnées", "Enssib", "7", Modality.REMOTE, "", "120",
     [("M6", 2), ("4.2", 3), ("4.1", 2)], "Le RGPD au guichet, les mots de passe, les outils d'aidance prévus."),
    ("Préparer la certification Pix", "Pix", "10", Modality.REMOTE, "Certification Pix", "0",
     [("1.1", 3), ("2.1", 3), ("4.1", 3), ("4.2", 3), ("5.1", 3)],
     "Des parcours en ligne pour progresser sur les 16 compétences, puis une session de certification en centre."),
    ("Animer un atelier numérique en bibliothèque", "Médiat Rhône-Alpes", "14", Modality.ON_SITE, "", "250",
     [("M4", 2), ("M1", 1)], "Construire une séance pour six personnes, avec des exercices qui marchent."),
    ("Chercher et vérifier l'information en ligne", "Médiat Rhône-Alpes", "7", Modality.ON_SITE, "", "150",
     [("1.1", 4)], "Moteurs de recherche, sources, rumeurs : aider le public à s'y retrouver."),
    ("Résoudre les petits problèmes techniques", "Médiathèque départementale du Rhône", "6", Modality.ON_SITE, "",
     "0", [("5.1", 3)], "Le wifi qui ne marche pas, l'imprimante, la mise à jour du téléphone."),
    ("Communiquer et collaborer en ligne", "Médiathèque départementale du Rhône", "6", Modality.BLENDED, "", "0",
     [("2.1", 3), ("2.3", 2)], "Messagerie, visio, agenda partagé : les outils du quotidien."),
    ("Le numérique en bibliothèque : enjeux et politiques", "Enssib", "21", Modality.ON_SITE, "", "450",
     [("M5", 2), ("M7", 2)], "Les politiques d'inclusion numérique, les partenaires, l'évaluation."),
    ("Sécuriser son poste et ses comptes", "CNFPT", "7", Modality.REMOTE, "", "0",
     [("4.1", 3)], "Mots de passe, double authentification, arnaques : les bons réflexes."),
    ("Médiateur numérique en bibliothèque : parcours certifiant", "Médiat Rhône-Alpes", "70", Modality.BLENDED,
     "Certification Pix", "900", [("M1", 3), ("M2", 3), ("M4", 2), ("4.2", 4), ("1.1", 3)],
     "Un parcours de dix jours pour devenir la personne référente de l'équipe, certification Pix à la clé."),
    ("Créer des documents simples", "Pix", "4", Modality.REMOTE, "", "0",
     [("3.1", 2)], "Un courrier, un tableau, une affiche : les bases, en ligne et à son rythme."),
]  # fmt: skip

# The staff of the demo manager's library: name, job title, and the courses they passed (title, result).
STAFF = [
    ("Hélène Roux", "Bibliothécaire", [("Préparer la certification Pix", Result.CERTIFIED),
                                        ("Accueillir les publics éloignés du numérique", Result.PASSED)]),
    ("Samuel Bernard", "Assistant de conservation", [("Sécuriser son poste et ses comptes", Result.PASSED)]),
    ("Aline Faure", "Agente d'accueil", [("Communiquer et collaborer en ligne", Result.FAILED)]),
    ("Tom Girard", "Médiateur numérique", [("Accompagner les démarches administratives en ligne", Result.PASSED)]),
]  # fmt: skip
WAITING = ["Josiane Martin", "Ahmed Benali", "Monique Durand", "Kevin Nguyen", "Fatima Ouali", "Gérard Petit"]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=PARIS)


def _slug(name: str) -> str:
    return name.lower().replace(" ", ".").replace("é", "e").replace("è", "e").replace("ï", "i")


def _person(name: str, domain: str = "demo.mediane.localhost") -> User:
    """A quiet account (no usable password) for an invented person, made when the demo's accounts were."""
    email = f"{_slug(name)}@{domain}"
    user = User.objects.filter(email=email).first()
    if user is None:
        with clock.at(ACCOUNTS_CREATED):
            user = User.objects.create_user(email, None, display_name=name)
    return user


def _session(course: Course, starts: dt.datetime, hours: int, place: Place | None, capacity: int) -> TrainingSession:
    data = services.SessionData(
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=hours),
        place=place,
        online=place is None,
        online_url="https://visio.example.org/formation" if place is None else "",
        capacity=capacity,
    )
    return services.create_session(course, data)


def load_training(now: dt.datetime, organiser: User, manager: User, step: Callable[[str], None]) -> dict[str, int]:
    # The demo's courses are examples; the programme's certifying course (made on first use) is not one of them.
    if Course.objects.filter(is_example=True).exists():
        return summary()
    places = {place.id_standard: place for place in Place.objects.filter(id_standard__in=[BACHUT, RIZE, PAUL_ELUARD,
                                                                                        PART_DIEU, TERRAILLON])}  # fmt: skip
    if len(places) < 5:
        step("formation : les bibliothèques de la démonstration manquent, pas de formation")
        return summary()
    competences = {competence.code: competence for competence in Competence.objects.select_related("framework")}
    today = now.astimezone(PARIS).date()
    with without_emails():
        step("formation : les organismes et les formations")
        with clock.at(now - dt.timedelta(days=200)):
            providers = {
                name: Provider.objects.get_or_create(name=name, defaults={"description": text, "website": site})[0]
                for name, text, site in PROVIDERS
            }
            courses = {}
            for title, provider, hours, modality, certification, price, covers, description in COURSES:
                courses[title] = services.create_course(
                    services.CourseData(
                        title=title,
                        provider=providers[provider],
                        description=description + EXAMPLE,
                        hours=Decimal(hours),
                        modality=modality,
                        certifying=bool(certification),
                        certification=certification,
                        price=Decimal(price),
                        published=True,
                        coverages=[(competences[code], level) for code, level in covers],
                        is_example=True,
                    )
                )

        step("formation : l'équipe du pôle lecture Terraillon et ses sessions passées")
        library = places[TERRAILLON].structure
        library.managers.add(manager)
        past = today - dt.timedelta(days=90)
        for index, (name, job, passed) in enumerate(STAFF):
            person = _person(name)
            with clock.at(now - dt.timedelta(days=150)):
                invitation = services.invite_staff_member(library, person.email, job, manager)
                services.accept_invitation(invitation, person)
            for number, (title, result) in enumerate(passed):
                starts = _at(past + dt.timedelta(days=7 * index + number), 9)
                with clock.at(starts - dt.timedelta(days=30)):
                    session = _session(courses[title], starts, 7, places[PART_DIEU], 12)
                    enrolment = services.enrol(session, person)
                with clock.at(starts + dt.timedelta(hours=8)):
                    services.record_attendance(enrolment, Attendance.PRESENT, organiser)
                    services.record_result(enrolment, result, organiser)

        step("formation : les sessions à venir dans le Rhône, dont une complète")
        with clock.at(now - dt.timedelta(days=20)):
            upcoming = [
                ("Accompagner les démarches administratives en ligne", RIZE, 10, 12),
                ("Protéger les données des personnes accompagnées", None, 14, 30),
                ("Animer un atelier numérique en bibliothèque", PAUL_ELUARD, 21, 10),
                ("Résoudre les petits problèmes techniques", TERRAILLON, 8, 8),
                ("Chercher et vérifier l'information en ligne", BACHUT, 28, 12),
                ("Médiateur numérique en bibliothèque : parcours certifiant", PART_DIEU, 35, 14),
            ]
            for title, key, days, capacity in upcoming:
                _session(courses[title], _at(today + dt.timedelta(days=days), 9), 7, places.get(key or ""), capacity)
            full = _session(
                courses["Préparer la certification Pix"], _at(today + dt.timedelta(days=15), 9), 4, places[BACHUT], 4
            )
        for index, name in enumerate(WAITING):
            with clock.at(now - dt.timedelta(days=10, hours=-index)):
                services.enrol(full, _person(name, "example.org"))
    return summary()


def summary() -> dict[str, int]:
    return {
        "formations": Course.objects.count(),
        "sessions de formation": TrainingSession.objects.count(),
        "membres d'équipes": StaffMember.objects.count(),
    }
