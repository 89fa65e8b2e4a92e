"""Factories for funding: schemes (published, with no rule by default), their eligibility rules and the structures'
funding profiles. Tests of writes go through `mediane.funding.services`."""

import factory

from mediane.funding.enums import FunderKind
from mediane.funding.models import EligibilityRule, Scheme, StructureProfile
from tests.structures.factories import StructureFactory


class SchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scheme

    slug = factory.Sequence(lambda n: f"dispositif-{n}")
    name = factory.Sequence(lambda n: f"Dispositif n° {n}")
    funder = "Ministère de la Culture"
    funder_kind = FunderKind.STATE
    summary = "Une aide pour les bibliothèques."
    description = "Le texte du dispositif."
    amount_text = "Jusqu'à 50 % de la dépense."
    published = True
    position = factory.Sequence(lambda n: n)

    class Params:
        unpublished = factory.Trait(published=False)


class EligibilityRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EligibilityRule

    scheme = factory.SubFactory(SchemeFactory)
    position = factory.Sequence(lambda n: n + 1)
    fact = "structure_kind"
    operator = "in"
    value = factory.LazyFunction(lambda: ["bibliotheque_municipale", "commune"])


class StructureProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StructureProfile

    structure = factory.SubFactory(StructureFactory)
    rural_area = False
    priority_neighbourhood = False
    staff_trained = 2


# --- Applications (engineer H4) ---

import datetime as dt  # noqa: E402
from decimal import Decimal  # noqa: E402

from django.utils import timezone  # noqa: E402

from mediane.funding.enums import ApplicationStatus  # noqa: E402
from mediane.funding.models import Application  # noqa: E402


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application in the state its trait says; decided ones were decided ten days ago. Writes of tests go through
    `mediane.funding.services_applications`; the traits only set a starting state."""

    class Meta:
        model = Application

    scheme = factory.SubFactory(SchemeFactory)
    structure = factory.SubFactory(StructureFactory)
    title = factory.Sequence(lambda n: f"Projet d'ateliers numériques n° {n}")
    description = "Des ateliers pour apprendre les démarches en ligne."
    amount_requested = Decimal("60000")

    class Params:
        submitted = factory.Trait(status=ApplicationStatus.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now))
        under_review = factory.Trait(
            status=ApplicationStatus.UNDER_REVIEW, submitted_at=factory.LazyFunction(timezone.now)
        )
        accepted = factory.Trait(
            status=ApplicationStatus.ACCEPTED,
            submitted_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30)),
            decided_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10)),
            amount_granted=Decimal("50000"),
        )
        refused = factory.Trait(
            status=ApplicationStatus.REFUSED,
            submitted_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30)),
            decided_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10)),
            decision_note="Le projet ne concerne pas la lecture publique.",
        )
