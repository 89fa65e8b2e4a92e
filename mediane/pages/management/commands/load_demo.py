"""`manage.py load_demo`: the demo tells one story, from 2019 to today.

1. **2019, as it happened.** The forum « Inclusion numérique en bibliothèque » opens on 1 April 2019. Its three themes
   open and close one after the other; people write, support and comment; a moderator hides an insult; a mediator
   records the words of people without an account. Each closed theme has its synthesis computed and published, and
   its working-group meeting is held (23 May, 4 July, 26 September 2019) with minutes and decisions; the May meeting
   has its dossier. The news of 2019 and of 2021 (the Conseillers numériques) are dated as they were. The roadmap
   of 2020 and 2021 follows, each action linked to the proposals and decisions it comes from (`demo/roadmap.py`).
2. **Today.** A second consultation, « Bibliothèques et inclusion numérique : où en sommes-nous ? », opened three weeks
   before the loading day, with two open themes and their first contributions: a newcomer can contribute at once.
3. **Places**: real public data of the Rhône and of Nouvelle-Calédonie, imported as an organiser would.
4. **The charter** of digital inclusion in libraries: version 1 (2020) and 2 (2021), signed by libraries of the
   Rhône of the directory, one of them managed by the demo's library manager account.
5. **The agenda**: the 2021 « Journée inclusion numérique » in three libraries of the Rhône, and today's events
   (seats left, full with a waiting list, a webinar): `mediane/pages/demo/events.py`.

Every write goes through the services, as a person would make it, each at its date: `mediane/pages/demo/clock.py`
sets Django's clock for each step. Only the themes' dates are set directly: they are configuration.

Idempotent: loading again changes nothing. A database holding the demo of an earlier version (before this story) is
not rewritten: the command says how to start from a fresh database. Refused in production.
"""

from __future__ import annotations

import datetime as dt
import random

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from mediane.accounts.models import User
from mediane.accounts.services import accept_charter, grant_role, update_profile
from mediane.conseillers.models import HostStructure
from mediane.consultation import services
from mediane.consultation.enums import ContributionStatus
from mediane.consultation.models import Comment, Consultation, Contribution, Support, Theme
from mediane.events.models import Event
from mediane.funding.models import Application
from mediane.pages.demo import charter, clock, consultation, today, workinggroup
from mediane.pages.demo.comments import COMMENTS
from mediane.pages.demo.conseillers import load_conseillers
from mediane.pages.demo.contributions import CONTRIBUTIONS, HIDDEN
from mediane.pages.demo.contributions_assisted import ASSISTED
from mediane.pages.demo.contributions_training import POPULAR_TRAINING, TRAINING, TRAINING_COMMENTS
from mediane.pages.demo.events import load_events
from mediane.pages.demo.forum import ThemeWriter, Window
from mediane.pages.demo.funding import load_funding
from mediane.pages.demo.funding_applications import load_applications
from mediane.pages.demo.kit import load_kit
from mediane.pages.demo.news import NEWS
from mediane.pages.demo.personas import CROWD, DEMO_PASSWORD, TEAM, Persona
from mediane.pages.demo.places import load_places
from mediane.pages.demo.places_care import load_places_care
from mediane.pages.demo.roadmap import load_roadmap
from mediane.pages.demo.synthesis import synthesise
from mediane.pages.demo.training import load_training
from mediane.pages.models import NewsItem
from mediane.roadmap.models import Action, CharterVersion
from mediane.structures.models import Place
from mediane.training.models_kit import KitResource

# The personas the Conseillers numériques demo needs (mediane/pages/demo/conseillers.py).
PROGRAMME_PERSONAS = {"programme", "responsable", "candidate", "conseiller"}
ALREADY_LOADED = "Données de démonstration déjà chargées : rien à faire."
OLDER_DEMO = (
    "Cette base contient la démonstration d'une version précédente de Médiane, dont les dates ne racontent pas la "
    "même histoire : elle n'est pas modifiée. Pour charger la démonstration actuelle, repartez d'une base neuve : "
    "arrêtez le serveur, supprimez le fichier {database} (tout ce qu'il contient sera perdu), puis relancez "
    "« make run »."
)
ORGANISER_EMAIL = "organisatrice@mediane.localhost"
PARTICIPANT_EMAIL = "participante@mediane.localhost"
# A fixed seed: two loads of the demo give the same supports, so screenshots and tests stay stable.
SEED = 2019
POPULAR = {**consultation.POPULAR, **POPULAR_TRAINING}


class Command(BaseCommand):
    help = "Charge une seule fois les données de démonstration : le forum de 2019 et la consultation d'aujourd'hui."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("Les données de démonstration ne se chargent jamais en production.")
        self.verbose = options["verbosity"] >= 1
        if Consultation.objects.filter(slug=consultation.CONSULTATION["slug"]).exists():
            self.already_there()
            return
        self.now = timezone.now()
        self.rng = random.Random(SEED)  # noqa: S311 (demo data, not security)
        with transaction.atomic():  # all or nothing: a failed load leaves no half demo behind
            summary = self.load()
        self.stdout.write(self.style.SUCCESS("Données de démonstration chargées :"))
        for label, count in summary.items():
            self.stdout.write(f"  - {label} : {count}")
        self.stdout.write(
            f"Comptes de l'équipe (mot de passe de développement « {DEMO_PASSWORD} ») : "
            + ", ".join(persona.address for persona in TEAM)
        )

    def already_there(self) -> None:
        if not Consultation.objects.filter(slug=today.CONSULTATION["slug"]).exists():
            self.stderr.write(self.style.WARNING(OLDER_DEMO.format(database=settings.DATABASES["default"]["NAME"])))
            return
        organiser = User.objects.filter(email=ORGANISER_EMAIL).first()
        added = False
        if not Place.objects.exists():  # a demo loaded before places existed gets them now
            with transaction.atomic():
                places = load_places(organiser, self.step)
            self.stdout.write(self.style.SUCCESS(f"Lieux de démonstration chargés : {places['lieux']}."))
            added = True
        participant = User.objects.filter(email=PARTICIPANT_EMAIL).first()
        if organiser and participant and not Action.objects.exists():  # and the roadmap, before it existed
            with transaction.atomic():
                roadmap = load_roadmap(organiser, {"participante": participant}, self.step)
            actions = roadmap["actions de la feuille de route"]
            self.stdout.write(self.style.SUCCESS(f"Feuille de route de démonstration chargée : {actions} actions."))
            added = True
        if organiser and not CharterVersion.objects.exists():  # and the charter, before it existed
            with transaction.atomic():
                with clock.at(consultation.ACCOUNTS_CREATED):
                    manager = self.ensure_person(next(persona for persona in TEAM if persona.key == "responsable"))
                counts = charter.load_charter(organiser, manager, self.step)
            versions, signatures = counts["versions de la charte"], counts["signatures de la charte"]
            self.stdout.write(
                self.style.SUCCESS(f"Charte de démonstration chargée : {versions} versions, {signatures} signatures.")
            )
            added = True
        if not Event.objects.exists():  # and the agenda, before it existed
            if participant is not None:
                with transaction.atomic():
                    agenda = load_events(timezone.now(), participant, self.step)
                self.stdout.write(self.style.SUCCESS(f"Agenda de démonstration chargé : {agenda['événements']}."))
                added = True
        manager = User.objects.filter(email="responsable@mediane.localhost").first()
        if organiser and manager and not Application.objects.exists():  # and the funding applications
            with transaction.atomic():
                counts = load_applications(organiser, manager, self.step)
            self.stdout.write(
                self.style.SUCCESS(f"Demandes de financement chargées : {counts['demandes de financement']}.")
            )
            added = True
        if not KitResource.objects.exists():  # and the kit, before it existed
            with transaction.atomic():
                kit = load_kit(self.step)
            self.stdout.write(self.style.SUCCESS(f"Kit de démonstration chargé : {kit['ressources du kit']}."))
            added = True
        if not HostStructure.objects.exists():  # and the Conseillers numériques programme, before it existed
            with transaction.atomic():
                with clock.at(consultation.ACCOUNTS_CREATED):
                    # Only the programme's personas: another part of an older demo is loaded by its own block.
                    people = {p.key: self.ensure_person(p) for p in TEAM if p.key in PROGRAMME_PERSONAS}
                programme = load_conseillers(people, self.step)
            self.stdout.write(self.style.SUCCESS(f"Programme Conseillers numériques chargé : {programme}."))
            added = True
        mediator = User.objects.filter(email="mediateur@mediane.localhost").first()
        if care := load_places_care(organiser, mediator, participant, self.step):  # and the care of places
            self.stdout.write(self.style.SUCCESS(f"Soin des lieux de démonstration chargé : {care}."))
            added = True
        if not added:
            self.stdout.write(ALREADY_LOADED)

    def step(self, message: str) -> None:
        if self.verbose:
            self.stdout.write(f"… {message}")

    def progress(self, done: int, total: int) -> None:
        if self.verbose:
            self.stdout.write(f"    {done}/{total}")

    # --- Loading ------------------------------------------------------------------------------------------

    def load(self) -> dict[str, int]:
        self.step("comptes")
        with clock.at(consultation.ACCOUNTS_CREATED):
            self.people = {persona.key: self.ensure_person(persona) for persona in [*TEAM, *CROWD]}
        self.supporters = [self.people[persona.key] for persona in CROWD] + [
            self.people["participante"],
            self.people["groupe"],
        ]
        organiser = self.people["organisatrice"]
        counts = {"supports": 0, "comments": 0, "runs": 0, "published": 0}

        self.step("2019 : la consultation « Inclusion numérique en bibliothèque »")
        themes_2019 = self.create_2019_consultation()
        members = workinggroup.ensure_members(organiser, self.people["groupe"])
        for number, theme in themes_2019.items():
            self.step(f"2019 : thème {number}, « {theme.title} »")
            workinggroup.schedule(organiser, theme)
            self.write_2019_theme(theme, counts)
            self.step(f"2019 : synthèse du thème {number}")
            computed, published = synthesise(theme, organiser)
            counts["runs"] += computed
            counts["published"] += published
            self.step(f"2019 : réunion du thème {number}")
            workinggroup.hold(organiser, theme, members, self.step)
        # --- roadmap: the 2020 and 2021 actions (demo/roadmap.py) ---
        roadmap = load_roadmap(organiser, self.people, self.step)
        # --- end roadmap ---
        self.step("actualités")
        for fields in NEWS:
            NewsItem.objects.create(**fields)

        self.step("aujourd'hui : la consultation « Bibliothèques et inclusion numérique : où en sommes-nous ? »")
        themes_today = self.load_today(counts)

        self.step("structures et lieux")
        places = load_places(organiser, self.step)
        charter_counts = charter.load_charter(organiser, self.people["responsable"], self.step)
        agenda = load_events(self.now, self.people["participante"], self.step)
        funding = load_funding(self.people["responsable"], self.step)
        applications = load_applications(organiser, self.people["responsable"], self.step)
        kit = load_kit(self.step)
        training = load_training(self.now, organiser, self.people["responsable"], self.step)
        conseillers = load_conseillers(self.people, self.step)
        care = load_places_care(organiser, self.people["mediateur"], self.people["participante"], self.step)
        return {
            "comptes": len(self.people),
            "consultations": Consultation.objects.count(),
            "thèmes": len(themes_2019) + len(themes_today),
            "contributions publiées": Contribution.objects.published().count(),
            "dont recueillies par un·e médiateur·rice": Contribution.objects.filter(collected_by__isnull=False).count(),
            "contributions masquées": Contribution.objects.filter(status=ContributionStatus.HIDDEN).count(),
            "soutiens": Support.objects.count(),
            "commentaires et réponses": Comment.objects.count(),
            "actualités": NewsItem.objects.count(),
            "synthèses calculées": counts["runs"],
            "synthèses publiées": counts["published"],
            **workinggroup.summary(),
            **roadmap,
            **places,
            **charter_counts,
            **agenda,
            **funding,
            **applications,
            **kit,
            **training,
            **conseillers,
            **care,
        }

    def ensure_person(self, persona: Persona) -> User:
        user = User.objects.filter(email=persona.address).first()
        if user is None:
            # The crowd never logs in: no usable password. The team uses the dev-only one.
            password = DEMO_PASSWORD if persona in TEAM else None
            if persona.superuser:
                user = User.objects.create_superuser(persona.address, password)
            else:
                user = User.objects.create_user(persona.address, password)
        update_profile(
            user,
            display_name=persona.display_name,
            category=persona.category,
            organisation=persona.organisation,
            postal_code=persona.postal_code,
        )
        if persona.charter:
            accept_charter(user)
        if persona.role:
            grant_role(user, persona.role)
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        return user

    # --- 2019 ---------------------------------------------------------------------------------------------

    def create_2019_consultation(self) -> dict[int, Theme]:
        with clock.at(consultation.FORUM_OPENS - dt.timedelta(days=4)):  # prepared the week before it opens
            forum = Consultation.objects.create(**consultation.CONSULTATION)
            themes = {}
            for number, slug, title, question, description, label in consultation.THEMES:
                calendar = consultation.CALENDAR[number]
                themes[number] = Theme.objects.create(
                    consultation=forum,
                    number=number,
                    slug=slug,
                    title=title,
                    question=question,
                    description=description,
                    opens_at=calendar.opens,
                    closes_at=calendar.closes,
                    meeting_date=calendar.meeting,
                    meeting_label=label,
                )
        return themes

    def write_2019_theme(self, theme: Theme, counts: dict[str, int]) -> None:
        calendar = consultation.CALENDAR[theme.number]
        # Contributions come from the first hours to the last day; supports and comments until the closing.
        window = Window(calendar.opens + dt.timedelta(hours=2), calendar.closes - dt.timedelta(hours=6))
        writer = ThemeWriter(theme, window, self.people, self.rng, self.progress)
        rows = [row for row in [*CONTRIBUTIONS, *TRAINING] if row[0] == theme.number]
        if HIDDEN[0] == theme.number:
            rows.insert(len(rows) // 2, HIDDEN)
        assisted = [row for row in ASSISTED if row[0] == theme.number]
        writer.contributions(rows, assisted, self.people["mediateur"])
        if HIDDEN[0] == theme.number:
            writer.hide(HIDDEN[3], self.people["moderateur"], "Propos injurieux envers les bibliothécaires.")
        counts["supports"] += writer.supports(self.wanted_supports, self.supporters)
        counts["comments"] += writer.comments([*COMMENTS, *TRAINING_COMMENTS])

    def wanted_supports(self, contribution: Contribution) -> int:
        """Most contributions get a few supports, proposals a few more, and the POPULAR ones many."""
        wanted = POPULAR.get(contribution.title)
        if wanted is None:
            wanted = int(self.rng.paretovariate(1.4)) + (contribution.kind == "proposition")
        return wanted

    # --- Today --------------------------------------------------------------------------------------------

    def day_at(self, days: int, hour: int, minute: int = 0) -> dt.datetime:
        """`days` after the loading day (before it when negative), at that time in Paris."""
        day = timezone.localdate(self.now) + dt.timedelta(days=days)
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=consultation.PARIS)

    def load_today(self, counts: dict[str, int]) -> dict[int, Theme]:
        first_opening = self.day_at(-max(theme.opened_days_ago for theme in today.THEMES), 9)
        with clock.at(first_opening - dt.timedelta(hours=1)):
            current = Consultation.objects.create(**today.CONSULTATION)
            themes = {}
            for spec in today.THEMES:
                opens = self.day_at(-spec.opened_days_ago, 9)
                closes = self.day_at(spec.open_for_days - spec.opened_days_ago, 23, 59)
                themes[spec.number] = Theme.objects.create(
                    consultation=current,
                    number=spec.number,
                    slug=spec.slug,
                    title=spec.title,
                    question=spec.question,
                    description=spec.description,
                    opens_at=opens,
                    closes_at=closes,
                    meeting_date=timezone.localdate(closes + today.MEETING_AFTER_CLOSING),
                    meeting_label=today.MEETING_LABEL,
                )
        NewsItem.objects.create(**today.news(first_opening))
        for number, theme in themes.items():
            window = Window(theme.opens_at + dt.timedelta(hours=2), min(self.now, self.day_at(0, 8)))
            writer = ThemeWriter(theme, window, self.people, self.rng)
            writer.contributions([row for row in today.CONTRIBUTIONS if row[0] == number], [], self.people["mediateur"])
            counts["supports"] += writer.named_supports(
                {title: keys for title, keys in today.SUPPORTS.items() if title in writer.written}
            )
            counts["comments"] += writer.comments(today.COMMENTS)
        with clock.at(themes[1].opens_at + dt.timedelta(days=1)):
            services.follow_theme(self.people["participante"], themes[1])
        return themes
