"""Factories for training: a published course of 14 hours by a provider, covering Pix 4.2 at level 3, with a
session next week at a place of Lyon (10 seats). The frameworks and the socle are the seeded ones."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from mediane.registrations.enums import RegistrationStatus
from mediane.training.enums import Modality
from mediane.training.models import (
    Competence,
    Course,
    CourseCompetence,
    Enrolment,
    Provider,
    StaffMember,
    TrainingSession,
)
from tests.accounts.factories import UserFactory
from tests.structures.factories import PlaceFactory, StructureFactory


def pix(code: str) -> Competence:
    return Competence.objects.get(framework__slug="pix", code=code)


def competence(code: str) -> Competence:
    return Competence.objects.get(code=code)


def _next_week() -> dt.datetime:
    return (timezone.now() + dt.timedelta(days=7)).replace(minute=0, second=0, microsecond=0)


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisme de formation n° {n}")
    website = "https://formation.example.org"


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Protéger ses données en ligne n° {n}")
    provider = factory.SubFactory(ProviderFactory)
    description = "Deux jours pour apprendre à **protéger** les données des personnes que vous accompagnez."
    hours = Decimal("14")
    modality = Modality.ON_SITE
    price = Decimal("0")
    published = True

    class Params:
        draft = factory.Trait(published=False)
        certifying_pix = factory.Trait(certifying=True, certification="Certification Pix")

    @factory.post_generation
    def covers(self, create, extracted, **kwargs):
        """`covers=[("4.2", 3)]`: the competences (by code) and levels; default Pix 4.2 at level 3."""
        if not create:
            return
        for code, level in extracted if extracted is not None else [("4.2", 3)]:
            CourseCompetence.objects.create(course=self, competence=competence(code), level=level)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    course = factory.SubFactory(CourseFactory)
    starts_at = factory.LazyFunction(_next_week)
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + dt.timedelta(hours=7))
    place = factory.SubFactory(PlaceFactory)
    capacity = 10

    class Params:
        remote = factory.Trait(place=None, online=True, online_url="https://visio.example.org/formation")
        finished = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30)),
        )


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """An enrolment written as it is (no service): for lists and records. Services are tested through
    `mediane.training.services`."""

    class Meta:
        model = Enrolment

    registrable = factory.SubFactory(SessionFactory)
    user = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda row: row.user.display_name if row.user else "Personne")
    email = factory.LazyAttribute(lambda row: row.user.email if row.user else "personne@example.org")
    status = RegistrationStatus.REGISTERED
    confirmed_at = factory.LazyFunction(timezone.now)


class StaffMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMember

    structure = factory.SubFactory(StructureFactory)
    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda member: member.user.email if member.user else "invitee@exemple.fr")
    job_title = "Bibliothécaire"
    accepted_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(accepted_at=None)
