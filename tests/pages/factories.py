"""Factories for the editorial pages: news and events."""

import datetime as dt

import factory
from django.utils import timezone

from mediane.pages.models import NewsItem


class NewsItemFactory(factory.django.DjangoModelFactory):
    """A published news item; trait `event` gives an event with its date, `scheduled` one published later."""

    class Meta:
        model = NewsItem

    title = factory.Sequence(lambda n: f"Ouverture d'un atelier numérique n° {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    summary = "Une nouvelle du forum."
    body = "Un atelier ouvre le samedi.\n\n- pour les débutants ;\n- sans inscription."
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))

    class Params:
        event = factory.Trait(kind=NewsItem.Kind.EVENT, event_date=dt.date(2019, 11, 14))
        scheduled = factory.Trait(published_at=factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=3)))
