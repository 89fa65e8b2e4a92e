"""`manage.py load_demo`: the 2019 forum « Inclusion numérique en bibliothèque », with people, contributions,
supports, comments, a hidden and some assisted contributions, and news. Idempotent; refused in production.

Every forum write goes through the services, as a person would make it. Two things are set directly because
they are configuration or history, not forum writes: the themes' dates (theme 1 is written while open, then
closed), and the timestamps of the demo's contributions and comments, spread over each theme's opening period
so that "most recent" sorting and dates look like a real consultation.
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
from mediane.consultation import services, services_moderation
from mediane.consultation.enums import ContributionStatus, ModerationReason
from mediane.consultation.models import Comment, Consultation, Contribution, Theme
from mediane.pages.demo.comments import COMMENTS
from mediane.pages.demo.consultation import CONSULTATION, POPULAR, THEME_WINDOWS, THEMES
from mediane.pages.demo.contributions import ASSISTED, CONTRIBUTIONS, HIDDEN
from mediane.pages.demo.news import NEWS
from mediane.pages.demo.personas import CROWD, DEMO_PASSWORD, TEAM, Persona
from mediane.pages.demo.places import load_places
from mediane.pages.demo.synthesis import load_syntheses
from mediane.pages.demo.workinggroup import load_working_group
from mediane.pages.models import NewsItem
from mediane.structures.models import Place

ALREADY_LOADED = "Données de démonstration déjà chargées : rien à faire."
ORGANISER_EMAIL = "organisatrice@mediane.localhost"
# A fixed seed: two loads of the demo give the same supports, so screenshots and tests stay stable.
SEED = 2019


class Command(BaseCommand):
    help = "Charge une seule fois les données de démonstration du forum de 2019."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("Les données de démonstration ne se chargent jamais en production.")
        self.verbose = options["verbosity"] >= 1
        if Consultation.objects.filter(slug=CONSULTATION["slug"]).exists():
            if not Place.objects.exists():  # a demo loaded before places existed gets them now
                organiser = User.objects.filter(email=ORGANISER_EMAIL).first()
                with transaction.atomic():
                    summary = load_places(organiser, self.step)
                self.stdout.write(self.style.SUCCESS(f"Lieux de démonstration chargés : {summary['lieux']}."))
                return
            self.stdout.write(ALREADY_LOADED)
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

    def step(self, message: str) -> None:
        if self.verbose:
            self.stdout.write(f"… {message}")

    # --- Loading ------------------------------------------------------------------------------------------

    def load(self) -> dict[str, int]:
        self.step("comptes")
        self.people = {persona.key: self.ensure_person(persona) for persona in [*TEAM, *CROWD]}
        self.step("consultation et thèmes")
        themes = self.create_themes()
        self.step("contributions")
        contributions = self.publish_contributions(themes)
        hidden = contributions.pop(HIDDEN[3])
        assisted = self.record_assisted(themes)
        self.step("soutiens")
        supports = self.add_supports([*contributions.values(), *assisted])
        self.step("commentaires")
        comments = self.add_comments(contributions)
        services.follow_theme(self.people["participante"], themes[2])
        self.step("modération")
        services_moderation.hide_contribution(
            self.people["moderateur"],
            hidden,
            ModerationReason.ABUSIVE,
            "Propos injurieux envers les bibliothécaires.",
        )
        self.step("calendrier")
        self.spread_timeline(themes, [*contributions.values(), hidden, *assisted])
        self.close_first_theme(themes[1])
        self.step("actualités")
        for fields in NEWS:
            NewsItem.objects.create(**fields)
        self.step("synthèses")
        syntheses = load_syntheses(themes, self.people["organisatrice"])
        self.step("groupe de travail")
        working_group = load_working_group(self.people["organisatrice"], self.people["groupe"], self.step)
        self.step("structures et lieux")
        places = load_places(self.people["organisatrice"], self.step)
        return {
            "comptes": len(self.people),
            "thèmes": len(themes),
            "contributions publiées": Contribution.objects.published().count(),
            "dont recueillies par un·e médiateur·rice": len(assisted),
            "contributions masquées": Contribution.objects.filter(status=ContributionStatus.HIDDEN).count(),
            "soutiens": supports,
            "commentaires et réponses": comments,
            "actualités": len(NEWS),
            **syntheses,
            **working_group,
            **places,
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

    def create_themes(self) -> dict[int, Theme]:
        consultation = Consultation.objects.create(**CONSULTATION)
        themes = {}
        for number, slug, title, question, description, label, meeting in THEMES:
            opens, closes = THEME_WINDOWS[number]
            if number == 1:
                closes = 1  # open while the demo writes in it; closed by close_first_theme
            themes[number] = Theme.objects.create(
                consultation=consultation,
                number=number,
                slug=slug,
                title=title,
                question=question,
                description=description,
                opens_at=self.now + dt.timedelta(days=opens),
                closes_at=self.now + dt.timedelta(days=closes),
                meeting_date=meeting,
                meeting_label=label,
            )
        return themes

    def publish_contributions(self, themes: dict[int, Theme]) -> dict[str, Contribution]:
        published = {}
        rows = [*CONTRIBUTIONS, HIDDEN]
        for index, (number, kind, author, title, body) in enumerate(rows, start=1):
            draft = services.ContributionDraft(kind=kind, title=title, body=body)
            published[title] = services.publish_contribution(self.people[author], themes[number], draft)
            if self.verbose and index % 50 == 0:
                self.stdout.write(f"    {index}/{len(rows)}")
        return published

    def record_assisted(self, themes: dict[int, Theme]) -> list[Contribution]:
        mediator = self.people["mediateur"]
        recorded = []
        for number, kind, category, postal_code, channel, title, body in ASSISTED:
            person = services.AssistedPerson(category=category, postal_code=postal_code, consent=True, channel=channel)
            draft = services.ContributionDraft(kind=kind, title=title, body=body)
            recorded.append(services.record_assisted_contribution(mediator, themes[number], draft, person))
        return recorded

    def add_supports(self, contributions: list[Contribution]) -> int:
        """Most contributions get a few supports, proposals a few more, and the POPULAR ones many."""
        supporters = [self.people[persona.key] for persona in CROWD] + [
            self.people["participante"],
            self.people["groupe"],
        ]
        count = 0
        for contribution in contributions:
            wanted = POPULAR.get(contribution.title)
            if wanted is None:
                wanted = int(self.rng.paretovariate(1.4)) + (contribution.kind == "proposition")
            candidates = [user for user in supporters if user.pk != contribution.author_id]
            for user in self.rng.sample(candidates, min(wanted, len(candidates))):
                count += services.support_contribution(user, contribution)
        return count

    def add_comments(self, contributions: dict[str, Contribution]) -> int:
        count = 0
        for title, author, body, replies in COMMENTS:
            contribution = contributions[title]
            comment = services.add_comment(self.people[author], contribution, body)
            count += 1
            for reply_author, reply in replies:
                services.add_comment(self.people[reply_author], contribution, reply, parent=comment)
                count += 1
        return count

    def spread_timeline(self, themes: dict[int, Theme], contributions: list[Contribution]) -> None:
        """Date contributions across their theme's opening period, in the order written; comments follow."""
        by_theme: dict[int, list[Contribution]] = {}
        for contribution in contributions:
            by_theme.setdefault(contribution.theme_id, []).append(contribution)
        for number, (opens, closes) in THEME_WINDOWS.items():
            rows = by_theme.get(themes[number].pk, [])
            start = self.now + dt.timedelta(days=opens)
            end = min(self.now + dt.timedelta(days=closes), self.now) - dt.timedelta(hours=3)
            step = (end - start) / max(len(rows), 1)
            for position, contribution in enumerate(rows):
                moment = start + step * position + dt.timedelta(minutes=self.rng.randint(0, 600))
                Contribution.objects.filter(pk=contribution.pk).update(created_at=moment, published_at=moment)
                self.date_comments(contribution, moment, end)

    def date_comments(self, contribution: Contribution, written_at, latest) -> None:
        moment = written_at
        for comment in Comment.objects.filter(contribution=contribution).order_by("id"):
            moment = min(moment + dt.timedelta(hours=self.rng.randint(2, 48)), latest)
            Comment.objects.filter(pk=comment.pk).update(created_at=moment)

    def close_first_theme(self, theme: Theme) -> None:
        opens, closes = THEME_WINDOWS[theme.number]
        Theme.objects.filter(pk=theme.pk).update(
            opens_at=self.now + dt.timedelta(days=opens), closes_at=self.now + dt.timedelta(days=closes)
        )
