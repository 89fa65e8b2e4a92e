"""Issue 10, test 3: a person registers for a full event without an account (name and e-mail, then the link of
the confirmation e-mail) and lands on the waiting list; the registered person leaves by the link of their e-mail;
the first person waiting gets the seat, and the e-mail that says so.

With JavaScript at 1280 px and without JavaScript on a 375 px phone; every page audited by axe-core; the phone's
pages are saved as screenshots in /tmp (events-*.png) to be looked at.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from mediane.events.models import EventRegistration
from mediane.registrations import services
from tests.accounts.factories import PASSWORD
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.events.factories import EventFactory
from tests.structures.factories import PlaceFactory

pytestmark = E2E_MARKS


def link_in(mailoutbox, email: str, subject: str, path_part: str) -> str:
    """The local path of the link containing `path_part` in the last e-mail to `email` whose subject says `subject`."""
    messages = [message for message in mailoutbox if email in message.to and subject in message.subject]
    assert messages, f"aucun e-mail « {subject} » envoyé à {email} : {[m.subject for m in mailoutbox]}"
    match = re.search(rf"https?://\S+{re.escape(path_part)}", messages[-1].body)
    assert match, messages[-1].body
    return urlsplit(match.group()).path


def shoot(page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/events-{name}.png", full_page=True)  # noqa: S108 - to be looked at, never committed


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_a_person_waits_for_a_full_event_and_gets_the_seat_someone_frees(browse, mailoutbox, javascript, width):
    phone = width < 400
    place = PlaceFactory(nom="Médiathèque Lucie-Aubrac", adresse="2 place Lucie-Aubrac", commune="Vénissieux")
    event = EventFactory(
        title="Journée inclusion numérique : ateliers à Vénissieux",
        kind="journee",
        place=place,
        capacity=1,
        description="Des ateliers **gratuits** : créer une adresse e-mail, faire ses démarches en ligne.",
    )
    seated = services.register(event, name="Bernard Leroy", email="bernard@example.org")
    services.confirm(seated)
    mailoutbox.clear()
    email = f"josiane-{width}@example.org"

    page = browse(javascript=javascript)
    page.set_viewport_size({"width": width, "height": 900 if not phone else 740})

    # The agenda says the event is full; its page offers the waiting list.
    page.goto("/evenements/")
    assert_accessible(page)
    expect(page.get_by_text("Complet : vous pouvez vous inscrire en liste d'attente")).to_be_visible()
    shoot(page, "agenda", phone)
    follow(page.get_by_role("link", name=event.title))
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)
    expect(page.get_by_role("link", name="Médiathèque Lucie-Aubrac")).to_be_visible()
    shoot(page, "evenement-complet", phone)

    # Without an account: a name and an e-mail address.
    page.get_by_label("Votre nom").fill("Josiane Martin")
    page.get_by_label("Votre adresse e-mail").fill(email)
    follow(page.get_by_role("button", name="M'inscrire en liste d'attente"))
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre boîte e-mail")
    expect(page.get_by_text(f"Nous avons envoyé un e-mail à {email}.")).to_be_visible()
    shoot(page, "verifiez-vos-courriels", phone)
    assert EventRegistration.objects.get(email=email).is_pending

    # The e-mail's link: one button confirms; the event is full, so she waits, first in line.
    page.goto(link_in(mailoutbox, email, "Confirmez votre inscription", "/confirmer/"))
    assert_accessible(page)
    shoot(page, "confirmer", phone)
    follow(page.get_by_role("button", name="Confirmer mon inscription"))
    assert_accessible(page)
    expect(page.get_by_text("Vous êtes sur la liste d'attente, en position 1.")).to_be_visible()
    assert "position 1" in [m for m in mailoutbox if m.to == [email]][-1].body
    shoot(page, "liste-d-attente", phone)

    # Her name is nowhere on the public event page: waiting people are not participants.
    page.goto(event.get_absolute_url())
    assert_accessible(page)
    expect(page.get_by_text("Josiane Martin")).to_have_count(0)

    # Bernard can no longer come: the link of his e-mail frees his seat in one click.
    bernard = browse(javascript=javascript)
    bernard.set_viewport_size({"width": width, "height": 900 if not phone else 740})
    bernard.goto(seated.leave_path())
    assert_accessible(bernard)
    shoot(bernard, "je-ne-peux-plus-venir", phone)
    follow(bernard.get_by_role("button", name="Je ne peux plus venir"))
    assert_accessible(bernard)
    expect(bernard.get_by_text("C'est noté : votre place est libérée")).to_be_visible()

    # The first person waiting has the seat, and an e-mail says so with a « Je ne peux plus venir » link.
    leave = link_in(mailoutbox, email, "Une place s'est libérée", "/je-ne-peux-plus-venir/")
    page.goto(leave)
    assert_accessible(page)
    expect(page.get_by_text("Vous êtes inscrit·e.")).to_be_visible()
    shoot(page, "place-obtenue", phone)
    registration = EventRegistration.objects.get(email=email)
    assert registration.is_registered and registration.moved_in_at is not None
    page.goto(event.get_absolute_url())
    assert_accessible(page)
    expect(page.get_by_text("Complet : vous pouvez vous inscrire en liste d'attente")).to_be_visible()


@pytest.mark.parametrize(
    ("javascript", "width"), [(True, 1280), (False, 375)], ids=["js-1280px", "sans-js-telephone-375px"]
)
def test_an_organiser_creates_an_event_and_reads_its_seats_and_waiting_list(browse, organiser, javascript, width):
    phone = width < 400
    place = PlaceFactory(nom="Médiathèque du Bachut")
    event = EventFactory(title="Atelier « Mon smartphone au quotidien »", place=place, capacity=1)
    for index, name in enumerate(["Bernard Leroy", "Josiane Martin"]):
        services.confirm(services.register(event, name=name, email=f"personne{index}@example.org"))
    services.register(event, user=organiser)  # the organiser registers too, with her account: third, waiting

    page = browse(javascript=javascript)
    page.set_viewport_size({"width": width, "height": 900 if not phone else 740})
    log_in(page, organiser.email, PASSWORD, "/evenements/gestion/")
    assert_accessible(page)
    shoot(page, "gestion", phone)
    follow(page.get_by_role("link", name="Créer un événement"))
    assert_accessible(page)
    page.get_by_label("Titre").fill("Webinaire : accueillir les publics éloignés du numérique")
    page.get_by_label("Type d'événement").select_option("webinaire")
    page.get_by_label("Description").fill("Une heure d'échanges entre bibliothécaires et médiateurs.")
    page.get_by_label("Date de début").fill("2030-03-14")
    page.get_by_label("Heure de début").fill("11:00")
    page.get_by_label("Date de fin").fill("2030-03-14")
    page.get_by_label("Heure de fin").fill("12:00")
    page.locator("label[for='id_online']").click()
    page.get_by_label("Lien de connexion (en ligne seulement)").fill("https://webinaire.example.org/publics")
    shoot(page, "creer", phone)
    follow(page.get_by_role("button", name="Publier"))
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Webinaire : accueillir les publics éloignés du numérique"
    )
    expect(page.get_by_text("Le jeudi 14 mars 2030 de 11 h à 12 h")).to_be_visible()
    shoot(page, "webinaire", phone)

    page.goto(f"/evenements/{event.pk}/participants/")
    assert_accessible(page)
    expect(page.get_by_role("table", name="Personnes inscrites")).to_contain_text("Bernard Leroy")
    expect(page.get_by_role("table", name="Personnes inscrites")).not_to_contain_text("Josiane Martin")
    expect(page.get_by_role("table", name="Liste d'attente, dans l'ordre d'arrivée")).to_contain_text("Josiane Martin")
    shoot(page, "participants", phone)
    page.goto("/evenements/mes-inscriptions/")
    assert_accessible(page)
    expect(page.get_by_text("Vous êtes sur la liste d'attente.")).to_be_visible()
    shoot(page, "mes-inscriptions", phone)

    # Cancelling asks first, says who will be told, then cancels: the event stays, marked « Annulé ».
    page.goto(event.get_absolute_url())
    assert_accessible(page)
    follow(page.get_by_role("link", name="Annuler l'événement"))
    assert_accessible(page)
    expect(
        page.get_by_text("3 personnes (inscrites, en liste d'attente ou à confirmer) recevront un e-mail")
    ).to_be_visible()
    shoot(page, "annuler", phone)
    follow(page.get_by_role("button", name="Annuler l'événement"))
    assert_accessible(page)
    expect(page.get_by_text("Cet événement est annulé.")).to_be_visible()
    assert EventRegistration.objects.filter(registrable=event).active().count() == 0
