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
