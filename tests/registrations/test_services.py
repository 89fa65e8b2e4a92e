"""Registrations with a capacity and a waiting list (`mediane.registrations.services`), through events' model."""

import pytest
from django.core import mail

from mediane.events.models import EventRegistration
from mediane.registrations import services
from mediane.registrations.enums import RegistrationStatus
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _emails_after_each_call(committed, monkeypatch):
    """Every service call here commits (as a request would), so its e-mails leave before the next line."""

    def committing(function):
        return lambda *args, **kwargs: committed(function, *args, **kwargs)

    for name in ("register", "confirm", "leave", "change_capacity", "call_off"):
        monkeypatch.setattr(services, name, committing(getattr(services, name)))


def _public(event, n):
    registration = services.register(event, name=f"Personne {n}", email=f"Personne{n}@Example.org")
    return services.confirm(registration)


def _refresh(*rows):
    for row in rows:
        row.refresh_from_db()


def test_a_person_with_an_account_is_registered_at_once_and_told_by_e_mail(citizen):
    event = EventFactory(capacity=2)
    registration = services.register(event, user=citizen)
    assert registration.status == RegistrationStatus.REGISTERED
    assert registration.confirmed_at is not None
    event.refresh_from_db()
    assert (event.seats_taken, event.waiting_count) == (1, 0)
    assert len(mail.outbox) == 1
    assert "Vous êtes inscrit·e" in mail.outbox[0].subject
    assert registration.leave_path() in mail.outbox[0].body


def test_the_public_holds_no_seat_until_the_e_mail_link_is_clicked():
    event = EventFactory(capacity=1)
    pending = services.register(event, name="  Josiane   Martin ", email=" Josiane@Example.ORG ")
    assert pending.status == RegistrationStatus.PENDING
    assert (pending.name, pending.email) == ("Josiane Martin", "josiane@example.org")
    event.refresh_from_db()
    assert event.seats_taken == 0
    assert pending.confirm_path() in mail.outbox[0].body
    # Someone else confirms first: the seat is theirs, the first one waits.
    other = _public(event, 2)
    assert other.status == RegistrationStatus.REGISTERED
    confirmed = services.confirm(pending)
    assert confirmed.status == RegistrationStatus.WAITING
    assert confirmed.waiting_position() == 1
    assert "position 1" in mail.outbox[-1].body


def test_clicking_the_confirmation_link_twice_changes_nothing():
    event = EventFactory(capacity=3)
    registration = _public(event, 1)
    again = services.confirm(registration)
    assert again.status == RegistrationStatus.REGISTERED
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_beyond_the_capacity_people_wait_in_the_order_they_confirmed():
    event = EventFactory(capacity=2)
    rows = [_public(event, n) for n in range(5)]
    assert [row.status for row in rows] == ["inscrit", "inscrit", "attente", "attente", "attente"]
    assert [row.waiting_position() for row in rows[2:]] == [1, 2, 3]
    event.refresh_from_db()
    assert (event.seats_taken, event.waiting_count) == (2, 3)
    assert list(event.registrations.seated()) == rows[:2]
    assert list(event.registrations.waiting()) == rows[2:]


def test_leaving_frees_the_seat_for_the_first_person_waiting_who_is_told_by_e_mail():
    event = EventFactory(capacity=1)
    first, second, third = (_public(event, n) for n in range(3))
    mail.outbox.clear()
    services.leave(first)
    _refresh(first, second, third)
    assert first.status == RegistrationStatus.CANCELLED and first.cancelled_at is not None
    assert second.status == RegistrationStatus.REGISTERED and second.moved_in_at is not None
    assert third.status == RegistrationStatus.WAITING and third.waiting_position() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["personne1@example.org"]
    assert "Une place s'est libérée" in mail.outbox[0].subject
    assert second.leave_path() in mail.outbox[0].body
    event.refresh_from_db()
    assert (event.seats_taken, event.waiting_count) == (1, 1)


def test_leaving_the_waiting_list_moves_nobody_in():
    event = EventFactory(capacity=1)
    first, second, third = (_public(event, n) for n in range(3))
    services.leave(second)
    _refresh(first, third)
    assert first.status == RegistrationStatus.REGISTERED
    assert third.waiting_position() == 1


def test_leaving_twice_changes_nothing():
    event = EventFactory(capacity=1)
    first, second = _public(event, 1), _public(event, 2)
    services.leave(first)
    services.leave(first)
    event.refresh_from_db()
    assert event.seats_taken == 1
    second.refresh_from_db()
    assert second.is_registered


def test_nobody_is_registered_twice_with_one_address(citizen):
    event = EventFactory(capacity=5)
    services.register(event, user=citizen)
    with pytest.raises(services.RegistrationError, match="Vous êtes déjà inscrit·e"):
        services.register(event, name="Camille", email="CAMILLE@example.org")
    assert EventRegistration.objects.filter(email="camille@example.org").count() == 1


def test_a_person_already_waiting_is_told_so():
    event = EventFactory(capacity=1)
    _public(event, 1)
    _public(event, 2)
    with pytest.raises(services.RegistrationError, match="déjà sur la liste d'attente"):
        services.register(event, name="Personne 2", email="personne2@example.org")


def test_registering_again_before_confirming_sends_the_e_mail_again_and_writes_nothing_more():
    event = EventFactory()
    first = services.register(event, name="Josiane", email="josiane@example.org")
    again = services.register(event, name="Josiane", email="josiane@example.org")
    assert again.pk == first.pk
    assert len(mail.outbox) == 2
    assert EventRegistration.objects.count() == 1


def test_someone_who_left_may_register_again_and_goes_to_the_end_of_the_list():
    event = EventFactory(capacity=1)
    first, second = _public(event, 1), _public(event, 2)
    services.leave(first)
    back = _public(event, 1)
    assert back.pk != first.pk
    assert back.status == RegistrationStatus.WAITING
    second.refresh_from_db()
    assert second.is_registered
    assert EventRegistration.objects.filter(email="personne1@example.org").count() == 2


def test_an_unlimited_event_never_has_a_waiting_list():
    event = EventFactory(capacity=None)
    rows = [_public(event, n) for n in range(30)]
    assert {row.status for row in rows} == {RegistrationStatus.REGISTERED}
    event.refresh_from_db()
    assert event.seats_left is None and not event.is_full


def test_more_seats_move_waiting_people_in_and_fewer_remove_nobody():
    event = EventFactory(capacity=1)
    rows = [_public(event, n) for n in range(4)]
    assert services.change_capacity(event, 3) == 2
    _refresh(*rows)
    assert [row.status for row in rows] == ["inscrit", "inscrit", "inscrit", "attente"]
    assert services.change_capacity(event, 1) == 0
    _refresh(*rows)
    assert [row.status for row in rows] == ["inscrit", "inscrit", "inscrit", "attente"]
    assert services.change_capacity(event, None) == 1
    rows[3].refresh_from_db()
    assert rows[3].is_registered


def test_a_closed_registration_is_refused_with_a_french_message():
    event = EventFactory(registration_open=False)
    with pytest.raises(services.RegistrationError, match="Les inscriptions à .* sont fermées"):
        services.register(event, name="Josiane", email="josiane@example.org")
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize(
    ("name", "email", "message"),
    [
        ("", "a@example.org", "Écrivez votre nom"),
        ("Josiane", "pas-une-adresse", "Écrivez votre adresse e-mail"),
        ("Jo\x1bsiane", "a@example.org", "Le nom"),
        ("J" * 151, "a@example.org", "trop long"),
    ],
)
def test_bad_input_is_refused_with_a_french_message_and_nothing_is_written(name, email, message):
    event = EventFactory()
    with pytest.raises(services.RegistrationError, match=message):
        services.register(event, name=name, email=email)
    assert not EventRegistration.objects.exists()


def test_the_e_mail_of_a_state_that_no_longer_holds_is_not_sent():
    from mediane.registrations.tasks import send_registration_email

    event = EventFactory(capacity=1)
    registration = _public(event, 1)
    services.leave(registration)
    assert send_registration_email.run("events.EventRegistration", registration.pk, "registered") is False


def test_calling_off_cancels_every_registration_and_tells_each_person():
    event = EventFactory(capacity=1)
    seated, waiting = _public(event, 1), _public(event, 2)
    pending = services.register(event, name="Personne 3", email="personne3@example.org")
    mail.outbox.clear()
    assert services.call_off(event) == 3
    _refresh(seated, waiting, pending)
    assert {seated.status, waiting.status, pending.status} == {RegistrationStatus.CANCELLED}
    assert len(mail.outbox) == 3
    event.refresh_from_db()
    assert (event.seats_taken, event.waiting_count) == (0, 0)


def test_a_deleted_account_frees_its_seat_for_the_first_person_waiting_and_leaves_no_name(citizen):
    from mediane.accounts.services import delete_account

    event = EventFactory(capacity=1)
    own = services.register(event, user=citizen)
    waiting = _public(event, 2)
    mail.outbox.clear()
    delete_account(citizen)  # its call to `services.leave` commits (the module's fixture), so the e-mail leaves
    own.refresh_from_db()
    waiting.refresh_from_db()
    assert own.is_cancelled and (own.name, own.email, own.user_id) == ("Compte supprimé", "", None)
    assert waiting.is_registered
    assert [message.to for message in mail.outbox] == [[waiting.email]]


def test_the_personal_data_export_lists_the_person_s_registrations_with_or_without_the_account(citizen):
    from mediane.accounts.services import export_personal_data

    with_account = EventFactory(title="Atelier avec mon compte")
    without = EventFactory(title="Atelier avant mon compte")
    services.register(with_account, user=citizen)
    services.register(without, name="Camille", email="Camille@example.org")  # the same address, before the account
    services.register(without, name="Quelqu'un", email="quelquun@example.org")
    rows = export_personal_data(citizen)["registrations"]
    assert [(row["title"], row["status_label"]) for row in rows] == [
        ("Atelier avec mon compte", "inscrit·e"),
        ("Atelier avant mon compte", "à confirmer"),
    ]
    assert rows[0]["kind"] == "inscription à un événement" and rows[0]["confirmed_at"]
