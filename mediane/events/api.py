"""API of events (/api/v1/evenements): the public agenda, read-only, with no personal data (no participant, no
online link, only seat counts). One SQL query per call."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from mediane.api_contract import Id

from .models import Event

router = Router(tags=["événements"])

MAX_EVENTS = 500


class PlaceOut(Schema):
    pk: int = Field(description="Identifiant du lieu dans Médiane (celui de l'adresse de sa page).")
    nom: str
    adresse: str
    code_postal: str
    commune: str


class EventOut(Schema):
    id: int
    titre: str
    type: str = Field(description="journee, atelier, formation, webinaire ou rencontre.")
    type_libelle: str
    description: str = Field(description="Texte, au format Markdown réduit du forum.")
    debut: dt.datetime
    fin: dt.datetime
    en_ligne: bool
    lieu: PlaceOut | None = Field(description="Le lieu de l'annuaire ; null pour un événement en ligne.")
    annule: bool
    places: int | None = Field(description="Nombre de places ; null quand il n'est pas limité.")
    places_restantes: int | None = Field(description="Places encore libres ; null quand il n'est pas limité.")
    inscriptions_ouvertes: bool
    url: str = Field(description="Adresse de la page de l'événement.")


def _out(event: Event) -> EventOut:
    place = event.place
    return EventOut(
        id=event.pk,
        titre=event.title,
        type=event.kind,
        type_libelle=event.get_kind_display(),
        description=event.description,
        debut=event.starts_at,
        fin=event.ends_at,
        en_ligne=event.online,
        lieu=None
        if place is None
        else PlaceOut(
            pk=place.pk, nom=place.nom, adresse=place.adresse, code_postal=place.code_postal, commune=place.commune
        ),
        annule=event.is_cancelled,
        places=event.capacity,
        places_restantes=event.seats_left,
        inscriptions_ouvertes=event.accepts_registrations,
        url=settings.MEDIANE_BASE_URL.rstrip("/") + event.get_absolute_url(),
    )


@router.get("/evenements", response=list[EventOut], summary="Événements à venir")
def list_events(request):
    """Les événements publiés (et annulés) qui ne sont pas terminés, du plus proche au plus lointain (500 au plus)."""
    return [_out(event) for event in Event.objects.public().upcoming().for_listing()[:MAX_EVENTS]]


@router.get("/evenements/{event_id}", response=EventOut, summary="Un événement")
def get_event(request, event_id: Id):
    return _out(get_object_or_404(Event.objects.public().for_listing(), pk=event_id))
