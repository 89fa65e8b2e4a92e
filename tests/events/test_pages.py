"""The public pages of events: agenda, past events, an event, registration with and without an account, the
e-mails' pages, « Mes inscriptions »."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from mediane.events.models import EventRegistration
from mediane.registrations.enums import RegistrationStatus
from tests.events.factories import EventFactory, EventRegistrationFactory
from tests.structures.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def _post(client, committed, url, data=None):
    return committed(client.post, url, data or {})


def test_the_agenda_shows_upcoming_public_events_soonest_first_never_drafts(client):
    later = EventFactory(title="Plus tard")
    later.starts_at = later.starts_at.replace(year=later.starts_at.year + 1)
    later.ends_at = later.ends_at.replace(year=later.ends_at.year + 1)
    later.save()
    soon = EventFactory(title="Bientôt")
    EventFactory(title="Brouillon secret", draft=True)
    EventFactory(title="Fini", finished=True)
    EventFactory(title="Annulé hélas", cancelled=True)
    page = client.get(reverse("events:agenda")).content.decode()
    assert page.index("Bientôt") < page.index("Plus tard")
    assert "Brouillon secret" not in page and "Fini" not in page
    assert "Annulé hélas" in page and "Annulé</p>" in page
    assert soon.title in page


def test_past_events_have_their_own_page(client):
    EventFactory(title="Fini", finished=True)
    page = client.get(reverse("events:past")).content.decode()
    assert "Fini" in page


def test_the_agenda_filters_by_kind_and_departement_and_ignores_bad_values(client):
    EventFactory(title="Atelier lyonnais")
    EventFactory(title="Atelier parisien", place=PlaceFactory(departement="75", code_postal="75001"))
    EventFactory(title="Webinaire pour tous", online_only=True)
    page = client.get(reverse("events:agenda"), {"departement": "69"}).content.decode()
    assert "Atelier lyonnais" in page and "Webinaire pour tous" in page and "Atelier parisien" not in page
    page = client.get(reverse("events:agenda"), {"type": "webinaire"}).content.decode()
    assert "Webinaire pour tous" in page and "Atelier lyonnais" not in page
    response = client.get(reverse("events:agenda"), {"type": "n'importe quoi", "departement": "٦٩", "page": "x"})
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 25])
def test_the_agenda_runs_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        EventFactory()
    with django_assert_num_queries(2):  # the count of the paginator, the page
        client.get(reverse("events:agenda"))


@pytest.mark.parametrize("rows", [1, 25])
def test_the_past_events_page_runs_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        EventFactory(finished=True)
    with django_assert_num_queries(2):
        client.get(reverse("events:past"))


def test_the_event_page_says_the_date_in_plain_french_the_place_and_the_seats_left(client):
    place = PlaceFactory(nom="Médiathèque du Bachut", adresse="2 place du 11 Novembre 1918")
    event = EventFactory(place=place, capacity=5)
    EventRegistrationFactory.create_batch(2, registrable=event)
    event.seats_taken = 2
    event.save()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Il reste 3 places" in page
    assert reverse("orientation:place", args=[place.pk]) in page
    assert "2 place du 11 Novembre 1918" in page
    day = r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (1er|\d+) \w+ 20\d\d"
    assert re.search(rf"Le {day} de \d+ h à \d+ h", page)


def test_a_full_event_offers_the_waiting_list(client):
    event = EventFactory(capacity=1)
    event.seats_taken = 1
    event.save()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Complet : vous pouvez vous inscrire en liste d'attente" in page
    assert "M'inscrire en liste d'attente" in page


def test_an_online_event_gives_its_link_to_registered_people_only(client, citizen, committed):
    event = EventFactory(online_only=True)
    assert "visio.example.org" not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(citizen)
    _post(client, committed, reverse("events:register", args=[event.pk]))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "En ligne" in page and "https://visio.example.org/atelier" in page
    assert "https://visio.example.org/atelier" in mail.outbox[0].body


def test_a_signed_in_person_registers_in_one_click(client, citizen, committed):
    event = EventFactory()
    client.force_login(citizen)
    response = _post(client, committed, reverse("events:register", args=[event.pk]))
    assert response.status_code == 302
    registration = EventRegistration.objects.get()
    assert (registration.user, registration.status) == (citizen, RegistrationStatus.REGISTERED)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Vous êtes inscrit·e." in page and "Je ne peux plus venir" in page
    response = _post(client, committed, reverse("events:register", args=[event.pk]))
    assert "Vous êtes déjà inscrit·e" in client.get(response.url).content.decode()
    assert EventRegistration.objects.count() == 1


def test_the_public_registers_with_a_name_and_an_e_mail_then_confirms_from_the_e_mail(client, committed):
    event = EventFactory(capacity=1)
    response = _post(
        client, committed, reverse("events:register", args=[event.pk]), {"name": "Josiane", "email": "jo@example.org"}
    )
    assert response.status_code == 200
    assert "Vérifiez votre boîte e-mail" in response.content.decode()
    registration = EventRegistration.objects.get()
    assert registration.is_pending
    link = re.search(r"https://mediane.example.org(\S+/confirmer/)", mail.outbox[0].body).group(1)
    page = client.get(link)
    assert "Confirmer mon inscription" in page.content.decode()
    registration.refresh_from_db()
    assert registration.is_pending, "opening the link (a mail scanner) confirms nothing"
    response = _post(client, committed, link)
    assert response.status_code == 302
    assert "Vous êtes inscrit·e." in client.get(link).content.decode()


def test_bad_input_on_the_registration_form_says_what_to_fix(client, committed):
    event = EventFactory()
    response = _post(client, committed, reverse("events:register", args=[event.pk]), {"name": "", "email": "x"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Écrivez une adresse e-mail complète" in page
    assert not EventRegistration.objects.exists()


def test_leaving_by_the_e_mail_link_moves_the_first_person_waiting_in(client, committed):
    event = EventFactory(capacity=1)
    seated = EventRegistrationFactory(registrable=event)
    waiting = EventRegistrationFactory(registrable=event, status=RegistrationStatus.WAITING)
    event.seats_taken, event.waiting_count = 1, 1
    event.save()
    url = reverse("events:registration_leave", args=[seated.token])
    assert "Je ne peux plus venir" in client.get(url).content.decode()
    _post(client, committed, url)
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.is_cancelled and waiting.is_registered
    assert mail.outbox[-1].to == [waiting.email]
    assert "Cette inscription est annulée" in client.get(url).content.decode()


def test_an_unknown_token_is_a_french_404(client):
    response = client.get(reverse("events:registration_confirm", args=["inconnu"]))
    assert response.status_code == 404


def test_registrations_to_a_cancelled_event_are_refused(client, committed):
    event = EventFactory(cancelled=True)
    response = _post(
        client, committed, reverse("events:register", args=[event.pk]), {"name": "Jo", "email": "jo@example.org"}
    )
    assert response.status_code == 302
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize("rows", [1, 15])
def test_my_registrations_lists_the_person_s_events_in_a_constant_number_of_queries(
    client, citizen, django_assert_num_queries, rows
):
    for _ in range(rows):
        EventRegistrationFactory(user=citizen, email=citizen.email)
    EventRegistrationFactory(email="quelquun@example.org", name="Quelqu'un d'autre")
    client.force_login(citizen)
    client.get(reverse("events:mine"))
    # session, user, registrations, and the menu's « Organisation » check (groups, permissions of each)
    with django_assert_num_queries(6):
        page = client.get(reverse("events:mine")).content.decode()
    assert page.count("Vous êtes inscrit·e.") == rows
    assert "Quelqu'un d'autre" not in page


def test_the_agenda_keeps_its_filters_from_page_to_page(client):
    for _ in range(21):
        EventFactory(kind="atelier")
    page = client.get(reverse("events:agenda"), {"type": "atelier", "departement": "69"}).content.decode()
    assert 'href="?type=atelier&amp;departement=69&amp;page=2"' in page
