"""Factories for structures and places: a municipal library in Lyon by default, with a place nearby."""

import datetime as dt

import factory

from mediane.structures import standard
from mediane.structures.enums import StructureKind
from mediane.structures.models import Place, PlaceSource, Structure


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Bibliothèque municipale n° {n}")
    kind = StructureKind.MUNICIPAL_LIBRARY
    address = "30 boulevard Vivier-Merle"
    postal_code = "69003"
    commune = "Lyon 3e Arrondissement"
    insee_code = "69383"
    departement = "69"
    region = "84"


class PlaceSourceFactory(factory.django.DjangoModelFactory):
    """A producer of places, without mapping (it publishes in the standard)."""

    class Meta:
        model = PlaceSource

    name = factory.Sequence(lambda n: f"Hub numérique n° {n}")
    slug = factory.Sequence(lambda n: f"hub-numerique-{n}")


class PlaceFactory(factory.django.DjangoModelFactory):
    """A place of the standard; `latitude`/`longitude` default to Lyon Part-Dieu, moved a little per place."""

    class Meta:
        model = Place

    structure = factory.SubFactory(StructureFactory)
    id_standard = factory.Sequence(lambda n: f"lieu-{n}")
    pivot = standard.PIVOT_PLACEHOLDER
    nom = factory.Sequence(lambda n: f"Médiathèque n° {n}")
    commune = "Lyon 3e Arrondissement"
    code_postal = "69003"
    code_insee = "69383"
    adresse = "30 boulevard Vivier-Merle"
    latitude = factory.Sequence(lambda n: 45.7606 + n * 0.001)
    longitude = 4.8593
    horaires = "Tu-Sa 10:00-19:00"
    date_maj = dt.date(2024, 9, 1)
    services = factory.LazyFunction(
        lambda: ["Aide aux démarches administratives", "Accès internet et matériel informatique"]
    )
    frais_a_charge = factory.LazyFunction(lambda: ["Gratuit"])
    departement = "69"
