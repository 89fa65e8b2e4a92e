"""Factories for the roadmap: stages, axes, statuses, actions and milestones, and the charter."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from mediane.consultation.markup import render_markup
from mediane.roadmap.models import (
    Action,
    Axis,
    CharterSignature,
    CharterVersion,
    Milestone,
    Stage,
    Status,
)
from tests.structures.factories import StructureFactory


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    year = 2020
    title = factory.Sequence(lambda n: f"Étape n° {n}")
    position = factory.Sequence(lambda n: n)


class AxisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Axis

    title = factory.Sequence(lambda n: f"Axe n° {n}")
    position = factory.Sequence(lambda n: n)


class StatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Status

    name = factory.Sequence(lambda n: f"Statut n° {n}")
    default_progress = None
    position = factory.Sequence(lambda n: n)


class ActionFactory(factory.django.DjangoModelFactory):
    """An action written directly (tests of reads); tests of writes go through `services.create_action`."""

    class Meta:
        model = Action

    stage = factory.SubFactory(StageFactory)
    axis = factory.SubFactory(AxisFactory)
    title = factory.Sequence(lambda n: f"Action n° {n}")
    description = "Identifier les outils utiles aux bibliothèques."
    description_html = factory.LazyAttribute(lambda o: render_markup(o.description))
    progress = 0
    weight = Decimal(1)
    start_date = dt.date(2020, 1, 1)
    end_date = dt.date(2021, 12, 31)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    action = factory.SubFactory(ActionFactory)
    date = dt.date(2020, 6, 1)
    title = factory.Sequence(lambda n: f"Étape franchie n° {n}")


class CharterVersionFactory(factory.django.DjangoModelFactory):
    """A published version of the charter; `draft` leaves it unpublished."""

    class Meta:
        model = CharterVersion

    number = factory.Sequence(lambda n: n + 1)
    title = "Charte de l'inclusion numérique en bibliothèque"
    text = "La bibliothèque accueille chacun et chacune pour l'aider à utiliser le numérique."
    text_html = factory.LazyAttribute(lambda o: render_markup(o.text))
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        draft = factory.Trait(published_at=None)


class CharterSignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CharterSignature

    version = factory.SubFactory(CharterVersionFactory)
    structure = factory.SubFactory(StructureFactory)
    signatory_function = "Directrice de la médiathèque"
