"""Every write of registrations: register, confirm, leave, change the capacity.

Each function checks, then writes inside `transaction.atomic()` after locking the registrable's row
(`select_for_update()`), so that concurrent requests for one event take their turn on PostgreSQL: seats are
counted and given by one request at a time, and exactly the capacity is registered. The denormalised counters
of the registrable (`seats_taken`, `waiting_count`) are written in the same transaction. E-mails leave after
commit (`tasks.py` through `mediane.jobs.queue.enqueue_email`).

When a seat frees up, the first person waiting is moved in at once and told by e-mail, with a one-click « Je ne
peux plus venir » link (see docs/architecture.md for why it is not a time-limited offer).
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from mediane import text
from mediane.jobs.queue import enqueue_email

from .enums import ALLOWED_TRANSITIONS, RegistrationStatus
from .models import REGISTRABLE_FIELD, Registrable, Registration

NAME_MAX_LENGTH = 150
EMAIL_MAX_LENGTH = 254

ALREADY_REGISTERED = "Vous êtes déjà inscrit·e à « {title} » avec l'adresse {email}."
ALREADY_WAITING = "Vous êtes déjà sur la liste d'attente de « {title} » avec l'adresse {email}."
CLOSED = "Les inscriptions à « {title} » sont fermées."
CANCELLED = "Cette inscription a été annulée. Vous pouvez vous inscrire à nouveau depuis la page de l'événement."


class RegistrationError(Exception):
    """A registration refused, with a French message saying what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- Helpers ----------------------------------------------------------------------------------------------


def registration_model(registrable: Registrable) -> type[Registration]:
    return registrable.registrations.model  # type: ignore[attr-defined]


def _locked(registrable: Registrable) -> Registrable:
    """The registrable's row again, locked until the transaction ends. Caller is inside `transaction.atomic()`."""
    return type(registrable).objects.select_for_update().get(pk=registrable.pk)  # type: ignore[attr-defined]


def _count(registrable: Registrable, status: str) -> int:
    return registrable.registrations.filter(status=status).count()  # type: ignore[attr-defined]


def _save_counters(registrable: Registrable) -> None:
    """Count seats and waiting people again (the caller holds the row lock) and store both."""
    registrable.seats_taken = _count(registrable, RegistrationStatus.REGISTERED)
    registrable.waiting_count = _count(registrable, RegistrationStatus.WAITING)
    type(registrable).objects.filter(pk=registrable.pk).update(  # type: ignore[attr-defined]
        seats_taken=registrable.seats_taken, waiting_count=registrable.waiting_count
    )


def _move(registration: Registration, status: str, **fields: Any) -> None:
    if status not in ALLOWED_TRANSITIONS[registration.status]:
        raise RegistrationError(
            f"Cette inscription est « {registration.get_status_display()} » : elle ne peut pas passer à « "
            f"{RegistrationStatus(status).label} »."
        )
    registration.status = status
    for name, value in fields.items():
        setattr(registration, name, value)
    registration.save(update_fields=["status", *fields])


def _notify(registration: Registration, kind: str) -> None:
    from .tasks import send_registration_email

    enqueue_email(send_registration_email, registration._meta.label, registration.pk, kind)


def _take_seat_or_wait(registrable: Registrable, registration: Registration, now) -> None:
    """A confirmed registration gets a free seat, or the end of the waiting list. Caller holds the row lock and
    has just counted (`_save_counters`)."""
    if registrable.capacity is None or registrable.seats_taken < registrable.capacity:
        _move(registration, RegistrationStatus.REGISTERED, confirmed_at=now)
        _notify(registration, "registered")
    else:
        _move(registration, RegistrationStatus.WAITING, confirmed_at=now)
        _notify(registration, "waiting")


def _fill_free_seats(registrable: Registrable, now) -> int:
    """Move waiting people in, first come first served, while seats are free. Caller holds the row lock."""
    moved = 0
    if not registrable.moves_waiting_people:
        return moved
    while registrable.capacity is None or registrable.seats_taken < registrable.capacity:
        first = registrable.registrations.waiting().first()  # type: ignore[attr-defined]
        if first is None:
            break
        _move(first, RegistrationStatus.REGISTERED, moved_in_at=now)
        _notify(first, "moved_in")
        registrable.seats_taken += 1
        moved += 1
    return moved


def check_person(name: str, email: str) -> tuple[str, str]:
    """The name and e-mail address of someone without an account, cleaned, or a French message."""
    name, email = " ".join(name.split()), email.strip().lower()
    if not name:
        raise RegistrationError("Écrivez votre nom, pour que l'équipe sache qui vient.")
    if not email or "@" not in email:
        raise RegistrationError("Écrivez votre adresse e-mail, par exemple prenom.nom@exemple.fr.")
    if len(name) > NAME_MAX_LENGTH or len(email) > EMAIL_MAX_LENGTH:
        raise RegistrationError(f"Ce nom ou cette adresse est trop long : {NAME_MAX_LENGTH} caractères au plus.")
    for value, label in ((name, "Le nom"), (email, "L'adresse e-mail")):
        message = text.control_character_message(value, label)
        if message:
            raise RegistrationError(message)
    return name, email


# --- Writes -----------------------------------------------------------------------------------------------


def register(registrable: Registrable, *, user: Any = None, name: str = "", email: str = "") -> Registration:
    """Register a person. With an account (`user`): confirmed at once, with a seat or a place on the waiting list.
    Without (`name`, `email`): « à confirmer », holding no seat until the e-mail's link is clicked.

    Someone already registered or waiting gets a French `RegistrationError`; someone whose request is still
    « à confirmer » gets the confirmation e-mail again. Someone who left may register again.
    """
    if user is not None:
        name, email = check_person(user.display_name or user.email, user.email)
    else:
        name, email = check_person(name, email)
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(registrable)
        title = str(locked)
        if not locked.registration_open:
            raise RegistrationError(CLOSED.format(title=title))
        existing = locked.registrations.active().filter(email=email).first()  # type: ignore[attr-defined]
        if existing is not None:
            if existing.is_registered:
                raise RegistrationError(ALREADY_REGISTERED.format(title=title, email=email))
            if existing.is_waiting:
                raise RegistrationError(ALREADY_WAITING.format(title=title, email=email))
            if user is None:
                _notify(existing, "confirm")
                return existing
            registration = existing
            registration.user = user
            registration.save(update_fields=["user"])
        else:
            try:
                with transaction.atomic():
                    registration = registration_model(locked).objects.create(
                        user=user, name=name, email=email, **{REGISTRABLE_FIELD: locked}
                    )
            except IntegrityError as error:
                # Only reachable without the row lock (SQLite between processes): the constraint said it.
                raise RegistrationError(ALREADY_REGISTERED.format(title=title, email=email)) from error
        if user is None:
            _notify(registration, "confirm")
            return registration
        _save_counters(locked)
        _take_seat_or_wait(locked, registration, now)
        _save_counters(locked)
    return registration


def confirm(registration: Registration) -> Registration:
    """The e-mail's link was clicked: a pending registration takes a free seat or its place on the waiting list.
    Clicking again changes nothing."""
    with transaction.atomic():
        registrable = _locked(getattr(registration, REGISTRABLE_FIELD))
        registration = type(registration).objects.select_for_update().get(pk=registration.pk)
        if registration.is_cancelled:
            raise RegistrationError(CANCELLED)
        if not registration.is_pending:
            return registration
        if not registrable.registration_open:
            raise RegistrationError(CLOSED.format(title=str(registrable)))
        _save_counters(registrable)
        _take_seat_or_wait(registrable, registration, timezone.now())
        _save_counters(registrable)
    return registration


def leave(registration: Registration) -> Registration:
    """The person can no longer come (or leaves the waiting list): the seat is freed and the first person waiting
    moves in, told by e-mail. Leaving twice changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        registrable = _locked(getattr(registration, REGISTRABLE_FIELD))
        registration = type(registration).objects.select_for_update().get(pk=registration.pk)
        if registration.is_cancelled:
            return registration
        _move(registration, RegistrationStatus.CANCELLED, cancelled_at=now)
        _save_counters(registrable)
        _fill_free_seats(registrable, now)
        _save_counters(registrable)
    return registration


def change_capacity(registrable: Registrable, capacity: int | None) -> int:
    """Set the capacity (None: unlimited). More seats move waiting people in; fewer never remove anyone already
    registered. Returns how many people moved in. Caller may already be inside a transaction."""
    if capacity is not None and capacity < 1:
        raise RegistrationError("Le nombre de places doit être au moins 1, ou vide s'il n'est pas limité.")
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(registrable)
        type(locked).objects.filter(pk=locked.pk).update(capacity=capacity)  # type: ignore[attr-defined]
        locked.capacity = capacity
        _save_counters(locked)
        moved = _fill_free_seats(locked, now) if locked.registration_open else 0
        _save_counters(locked)
    registrable.capacity = capacity
    registrable.seats_taken, registrable.waiting_count = locked.seats_taken, locked.waiting_count
    return moved


def call_off(registrable: Registrable) -> int:
    """The registrable will not take place: every registration that is not cancelled is cancelled, and each person
    told by e-mail. Returns how many. Caller may already be inside a transaction (the app's own cancellation)."""
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(registrable)
        rows = list(locked.registrations.active().select_for_update())  # type: ignore[attr-defined]
        for registration in rows:
            _move(registration, RegistrationStatus.CANCELLED, cancelled_at=now)
            _notify(registration, "called_off")
        _save_counters(locked)
    return len(rows)


def find_by_token(model: type[Registration], token: str) -> Registration | None:
    """The registration whose e-mail link carries `token`, or None (an unknown or malformed token)."""
    if not token or len(token) > 64:
        return None
    return model.objects.select_related(REGISTRABLE_FIELD).filter(token=token).first()


def active_registration_of(registrable: Registrable, user: Any) -> Registration | None:
    """The person's registration (by account, else by address) that is not cancelled, or None."""
    if not user.is_authenticated:
        return None
    return (
        registrable.registrations.active()  # type: ignore[attr-defined]
        .filter(models.Q(user=user) | models.Q(email=user.email.lower()))
        .first()
    )
