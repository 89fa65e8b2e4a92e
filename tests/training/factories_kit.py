"""Factories of the kit: a published practical sheet for everyone, and the Pix competences it may be tagged with."""

import datetime as dt

import factory
from django.utils import timezone

from mediane.consultation.search import search_document
from mediane.training.enums import FrameworkKind
from mediane.training.enums_kit import KitFormat, KitLicence
from mediane.training.models import Competence, CompetenceLabel, Framework
from mediane.training.models_kit import KitAudience, KitResource


def pix_competence(code: str, label: str) -> Competence:
    """A competence of the Pix framework, created once, with its label since 2019."""
    framework, _ = Framework.objects.get_or_create(slug="pix", defaults={"name": "Pix", "kind": FrameworkKind.PIX})
    competence, created = Competence.objects.get_or_create(framework=framework, code=code)
    if created:
        CompetenceLabel.objects.create(competence=competence, label=label, valid_from=dt.date(2019, 1, 1))
    return competence


class KitResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KitResource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Fiche pratique n° {n}")
    slug = factory.Sequence(lambda n: f"fiche-pratique-{n}")
    summary = "Une fiche pour accompagner une personne pas à pas."
    description = "Imprimez-la et gardez-la près du poste."
    link = "https://ressources.example.org/fiche"
    author = "Association Exemple"
    format = KitFormat.SHEET
    licence = KitLicence.CC_BY_SA
    published = True
    published_at = factory.LazyFunction(timezone.now)
    search_text = factory.LazyAttribute(lambda o: search_document(o.title, o.summary, o.description, o.author))

    class Params:
        draft = factory.Trait(published=False, published_at=None)

    @factory.post_generation
    def publics(self, create, extracted, **kwargs):
        for public in extracted or ():
            KitAudience.objects.create(resource=self, public=public)

    @factory.post_generation
    def competences(self, create, extracted, **kwargs):
        if extracted:
            self.competences.set(extracted)
