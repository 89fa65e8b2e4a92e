"""Factories for the forum: consultations, themes in each phase, contributions in each state."""

import datetime as dt

import factory
from django.utils import timezone

from mediane.accounts.enums import ParticipantCategory
from mediane.consultation.enums import CommentStatus, ContributionKind, ContributionStatus
from mediane.consultation.markup import render_markup
from mediane.consultation.models import Comment, Consultation, Contribution, Theme
from mediane.consultation.search import search_document
from tests.accounts.factories import UserFactory


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    title = "Inclusion numérique en bibliothèque"
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    summary = "Le forum du groupe de travail."
    description = "Partagez vos retours d'expérience, points de vigilance et propositions."


class ThemeFactory(factory.django.DjangoModelFactory):
    """An open theme by default; traits give the other phases."""

    class Meta:
        model = Theme

    consultation = factory.SubFactory(ConsultationFactory)
    number = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"theme-{n}")
    title = "Rôle et missions des bibliothèques"
    question = "Quel rôle les bibliothèques doivent-elles jouer dans l'inclusion numérique ?"
    description = "Premier thème du forum."
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=20))
    meeting_date = factory.LazyFunction(lambda: (timezone.now() + dt.timedelta(days=30)).date())
    meeting_label = "mai 2019"

    class Params:
        upcoming = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=5)),
            closes_at=factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=40)),
        )
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=60)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1)),
        )
        synthesis_published = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=90)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30)),
            synthesis_published_at=factory.LazyFunction(timezone.now),
        )


class ContributionFactory(factory.django.DjangoModelFactory):
    """A published contribution. Counters are not touched: use the services when a test checks them."""

    class Meta:
        model = Contribution

    theme = factory.SubFactory(ThemeFactory)
    kind = ContributionKind.PROPOSAL
    title = factory.Sequence(lambda n: f"Ouvrir un atelier numérique le samedi ({n})")
    body = "Beaucoup de personnes ne peuvent venir qu'en fin de semaine : un atelier le samedi matin les aiderait."
    body_html = factory.LazyAttribute(lambda o: render_markup(o.body))
    search_text = factory.LazyAttribute(lambda o: search_document(o.title, o.body))
    status = ContributionStatus.PUBLISHED
    author = factory.SubFactory(UserFactory)
    author_name = factory.LazyAttribute(lambda o: o.author.display_name if o.author else "")
    author_category = factory.LazyAttribute(lambda o: o.author.category if o.author else ParticipantCategory.OTHER)
    author_departement = factory.LazyAttribute(lambda o: o.author.departement if o.author else "")
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        hidden = factory.Trait(status=ContributionStatus.HIDDEN, hidden_reason="injurieux")
        pending = factory.Trait(status=ContributionStatus.PENDING, published_at=None)
        withdrawn = factory.Trait(status=ContributionStatus.WITHDRAWN)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    contribution = factory.SubFactory(ContributionFactory)
    author = factory.SubFactory(UserFactory)
    author_name = factory.LazyAttribute(lambda o: o.author.display_name)
    author_category = factory.LazyAttribute(lambda o: o.author.category)
    body = "Tout à fait d'accord, nous avons fait la même chose à Lens."
    body_html = factory.LazyAttribute(lambda o: render_markup(o.body))
    status = CommentStatus.PUBLISHED
