"""Every write of funding applications: drafts, the moves of their status (`ALLOWED_TRANSITIONS`), the payment
schedule and the recorded payments, each written to the application's history (`ApplicationLog`).

Errors are `ApplicationError` with a French message that says what to fix; nothing is written when one is raised.
Writes that depend on the application's state lock its row first (`select_for_update`), so that two organisers
recording payments at the same moment take their turn and can never pay more than the grant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from mediane import text
from mediane.french import euros
from mediane.jobs.queue import enqueue_email
from mediane.structures.models import Structure

from .enums import ApplicationEvent, ApplicationStatus
from .models import Scheme
from .models_applications import Application, ApplicationLog, Payment, SupportingDocument, Tranche
from .tasks import send_application_email

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 10_000
NOTE_MAX_LENGTH = 2_000
LABEL_MAX_LENGTH = 120
REFERENCE_MAX_LENGTH = 100
# Far beyond any grant of these schemes, and within the 12 digits of the amount columns.
MAX_AMOUNT = Decimal("100000000")
MAX_DOCUMENTS = 20

S = ApplicationStatus
# The only moves of an application's status; a decision (accepted or refused) is final.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.UNDER_REVIEW}),
    S.UNDER_REVIEW: frozenset({S.ACCEPTED, S.REFUSED}),
    S.ACCEPTED: frozenset(),
    S.REFUSED: frozenset(),
}


def _notify(application: Application, kind: str, payment: Payment | None = None) -> None:
    """Tell the structure's managers, once the transaction commits (`tasks.send_application_email`)."""
    enqueue_email(send_application_email, application.pk, kind, payment.pk if payment else None)


class ApplicationError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ApplicationData:
    title: str
    description: str
    amount_requested: Decimal


def _check_text(value: str, label: str, maximum: int, *, required: bool = True) -> None:
    if required and not value.strip():
        raise ApplicationError(f"{label} est vide : écrivez-le.")
    if len(value) > maximum:
        raise ApplicationError(f"{label} est trop long : {maximum} caractères au plus.")
    message = text.control_character_message(value, label)
    if message:
        raise ApplicationError(message)


def check_amount(amount: Decimal, label: str = "Le montant") -> None:
    if not amount.is_finite() or amount <= 0:
        raise ApplicationError(f"{label} doit être plus grand que 0 €.")
    if amount > MAX_AMOUNT:
        raise ApplicationError(f"{label} doit valoir au plus {euros(MAX_AMOUNT)}.")
    if amount != amount.quantize(Decimal("0.01")):
        raise ApplicationError(f"{label} a au plus deux chiffres après la virgule (les centimes).")


def check_application(data: ApplicationData) -> None:
    """Raise `ApplicationError` when the data cannot make an application."""
    _check_text(data.title, "L'intitulé du projet", TITLE_MAX_LENGTH)
    _check_text(data.description, "La description du projet", DESCRIPTION_MAX_LENGTH)
    check_amount(data.amount_requested, "Le montant demandé")


INSTRUCTION_TEAM = "l'équipe d'instruction"
A_MANAGER = "un responsable de la structure"


def actor_label(application: Application, actor) -> str:
    """Who acted, as the history shows it to the structure: a manager of the structure by their display name,
    anyone else (organisers) by their role. Never an e-mail address; the name is blanked when the account is
    deleted (`receivers.forget_person`)."""
    if actor is None or not actor.is_authenticated:
        return ""
    if application.structure.managers.filter(pk=actor.pk).exists():
        return actor.display_name or A_MANAGER
    return INSTRUCTION_TEAM


def _log(application: Application, event: str, actor, *, note: str = "", before: str = "", after: str = "") -> None:
    ApplicationLog.objects.create(
        application=application,
        event=event,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_name=actor_label(application, actor),
        from_status=before,
        to_status=after,
        note=note,
        at=timezone.now(),
    )


def create_application(scheme: Scheme, structure: Structure, data: ApplicationData, *, by) -> Application:
    """A draft of `structure` for `scheme`. The caller checked that `by` manages the structure."""
    check_application(data)
    if not scheme.published:
        raise ApplicationError("Ce dispositif n'est pas publié : il ne reçoit pas de demande.")
    if scheme.closed_on:
        raise ApplicationError(f"{scheme.closed_text} : il ne reçoit plus de demande.")
    with transaction.atomic():
        application = Application.objects.create(
            scheme=scheme,
            structure=structure,
            title=data.title.strip(),
            description=data.description.strip(),
            amount_requested=data.amount_requested,
            created_by=by,
        )
        _log(application, ApplicationEvent.TRANSITION, by, after=S.DRAFT, note="Brouillon créé.")
    return application


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("scheme", "structure").get(pk=application.pk)


def update_application(application: Application, data: ApplicationData, *, by) -> Application:
    """Change a draft; once submitted, an application is the funder's to read and no longer changes."""
    check_application(data)
    with transaction.atomic():
        locked = _locked(application)
        if not locked.is_draft:
            raise ApplicationError("Cette demande est déposée : elle ne peut plus être modifiée.")
        locked.title = data.title.strip()
        locked.description = data.description.strip()
        locked.amount_requested = data.amount_requested
        locked.save(update_fields=["title", "description", "amount_requested", "updated_at"])
    return locked


INSTRUCTION_STATUSES = frozenset({S.UNDER_REVIEW, S.ACCEPTED, S.REFUSED})


def check_not_own_structure(application: Application, by) -> None:
    """An organiser who also manages the applicant structure does not instruct, decide or pay its application."""
    if by is not None and application.structure.managers.filter(pk=by.pk).exists():
        raise ApplicationError(
            "Vous êtes responsable de la structure qui a déposé cette demande : une autre personne de l'équipe "
            "d'instruction doit l'instruire."
        )


def _move(application: Application, to: str, *, by, note: str = "", **fields) -> Application:
    """Move `application` to the status `to` along `ALLOWED_TRANSITIONS`, under its row lock, with a log entry."""
    _check_text(note, "Le motif", NOTE_MAX_LENGTH, required=False)
    if to in INSTRUCTION_STATUSES:
        check_not_own_structure(application, by)
    with transaction.atomic():
        locked = _locked(application)
        if to not in ALLOWED_TRANSITIONS[locked.status]:
            raise ApplicationError(
                f"Cette demande est « {locked.get_status_display()} » : elle ne peut pas devenir "
                f"« {ApplicationStatus(to).label} »."
            )
        before = locked.status
        locked.status = to
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save(update_fields=["status", "updated_at", *fields])
        _log(locked, ApplicationEvent.TRANSITION, by, before=before, after=to, note=note.strip())
    return locked


def submit_application(application: Application, *, by) -> Application:
    """The structure sends its draft to the funder: it can no longer be changed."""
    return _move(application, S.SUBMITTED, by=by, submitted_at=timezone.now())


def start_review(application: Application, *, by, note: str = "") -> Application:
    """An organiser takes a submitted application into instruction."""
    return _move(application, S.UNDER_REVIEW, by=by, note=note)


def accept_application(application: Application, amount_granted: Decimal, *, by, note: str = "") -> Application:
    """Accept with the granted amount, which is more than 0 and at most the amount requested: a funder may give
    less than asked, never more (the structure would have to ask again). The structure's managers get an e-mail."""
    check_amount(amount_granted, "Le montant accordé")
    if amount_granted > application.amount_requested:
        raise ApplicationError(
            f"Le montant accordé ({euros(amount_granted)}) dépasse le montant demandé "
            f"({euros(application.amount_requested)}) : il doit être égal ou inférieur."
        )
    with transaction.atomic():
        accepted = _move(
            application, S.ACCEPTED, by=by, note=note, amount_granted=amount_granted, decided_at=timezone.now()
        )
        _notify(accepted, "accepted")
    return accepted


def refuse_application(application: Application, reason: str, *, by) -> Application:
    """Refuse, with the reason the structure will read (in an e-mail to its managers too)."""
    if not reason.strip():
        raise ApplicationError("Écrivez le motif du refus : la structure le lira.")
    with transaction.atomic():
        refused = _move(
            application, S.REFUSED, by=by, note=reason, decision_note=reason.strip(), decided_at=timezone.now()
        )
        _notify(refused, "refused")
    return refused


# --- Supporting documents ----------------------------------------------------------------------------------


def add_document(application: Application, upload, *, by) -> SupportingDocument:
    """A supporting document of a draft, checked by its content (`mediane.privatefiles`: PDF or image, size)."""
    with transaction.atomic():
        locked = _locked(application)
        if not locked.is_draft:
            raise ApplicationError("Cette demande est déposée : ses pièces ne changent plus.")
        if locked.documents.count() >= MAX_DOCUMENTS:
            raise ApplicationError(f"Une demande a au plus {MAX_DOCUMENTS} pièces : retirez-en une d'abord.")
        document = SupportingDocument(application=locked)
        try:
            document.take_upload(upload, uploaded_by=by)
        except ValidationError as error:
            raise ApplicationError(" ".join(error.messages)) from None
        document.save()
        _log(locked, ApplicationEvent.DOCUMENT, by, note=document.original_name)
    return document


def remove_document(document: SupportingDocument, *, by) -> None:
    """Remove a document of a draft; its file leaves the storage once the transaction commits."""
    with transaction.atomic():
        locked = _locked(document.application)
        if not locked.is_draft:
            raise ApplicationError("Cette demande est déposée : ses pièces ne changent plus.")
        _log(locked, ApplicationEvent.DOCUMENT_REMOVED, by, note=document.original_name)
        document.delete()


# --- Payment schedule and payments ---------------------------------------------------------------------------


def _require_accepted(locked: Application, what: str) -> None:
    if not locked.is_accepted:
        raise ApplicationError(
            f"Cette demande est « {locked.get_status_display()} » : {what} seulement sur une demande acceptée."
        )


def add_tranche(application: Application, label: str, planned_on: dt.date, amount: Decimal, *, by) -> Tranche:
    """A planned payment; the tranches together never go beyond the granted amount."""
    _check_text(label, "Le libellé", LABEL_MAX_LENGTH)
    check_amount(amount)
    with transaction.atomic():
        locked = _locked(application)
        _require_accepted(locked, "un échéancier se prévoit")
        check_not_own_structure(locked, by)
        planned = locked.tranches.aggregate(total=Sum("amount"))["total"] or Decimal(0)
        granted = locked.amount_granted or Decimal(0)
        if planned + amount > granted:
            raise ApplicationError(
                f"Cette échéance de {euros(amount)} porterait l'échéancier à {euros(planned + amount)}, au-delà "
                f"des {euros(granted)} accordés. Il reste {euros(granted - planned)} à prévoir."
            )
        tranche = Tranche.objects.create(application=locked, label=label.strip(), planned_on=planned_on, amount=amount)
        _log(locked, ApplicationEvent.TRANCHE, by, note=f"{tranche.label} : {euros(amount)} le {planned_on:%d/%m/%Y}.")
    return tranche


def remove_tranche(tranche: Tranche, *, by) -> None:
    """A tranche that no payment refers to may go."""
    with transaction.atomic():
        locked = _locked(tranche.application)
        if tranche.payments.exists():
            raise ApplicationError("Un versement a déjà été enregistré pour cette échéance : elle reste.")
        _log(locked, ApplicationEvent.TRANCHE_REMOVED, by, note=f"{tranche.label} : {euros(tranche.amount)}.")
        tranche.delete()


@dataclass(frozen=True)
class PaymentData:
    paid_on: dt.date
    amount: Decimal
    reference: str = ""
    tranche: Tranche | None = None


def record_payment(application: Application, data: PaymentData, *, by) -> Payment:
    """Record a payment made to the structure. Refused when the application is not accepted, when the payment is
    dated before the decision or in the future, or when the total paid would exceed the granted amount.

    Takes the application's row lock first: the total paid read under it is the one that the payment adds to.
    """
    check_amount(data.amount, "Le montant du versement")
    _check_text(data.reference, "La référence", REFERENCE_MAX_LENGTH, required=False)
    with transaction.atomic():
        locked = _locked(application)
        _require_accepted(locked, "un versement s'enregistre")
        check_not_own_structure(locked, by)
        decided_on = timezone.localdate(locked.decided_at) if locked.decided_at else None
        if decided_on is not None and data.paid_on < decided_on:
            raise ApplicationError(
                f"Ce versement est daté du {data.paid_on:%d/%m/%Y}, avant la décision du {decided_on:%d/%m/%Y} : "
                "vérifiez la date."
            )
        if data.paid_on > timezone.localdate():
            raise ApplicationError("Ce versement est daté dans le futur : enregistrez-le une fois fait.")
        if data.tranche is not None and data.tranche.application_id != locked.pk:
            raise ApplicationError("Cette échéance n'est pas celle de cette demande.")
        granted = locked.amount_granted or Decimal(0)
        total = locked.amount_paid + data.amount
        if total > granted:
            raise ApplicationError(
                f"Ce versement de {euros(data.amount)} porterait le total versé à {euros(total)}, au-delà des "
                f"{euros(granted)} accordés. Il reste {euros(granted - locked.amount_paid)} à verser."
            )
        payment = Payment.objects.create(
            application=locked,
            tranche=data.tranche,
            paid_on=data.paid_on,
            amount=data.amount,
            reference=data.reference.strip(),
            recorded_by=by,
        )
        locked.amount_paid = total
        locked.save(update_fields=["amount_paid", "updated_at"])
        note = f"{euros(data.amount)} le {data.paid_on:%d/%m/%Y}"
        if data.tranche is not None:
            note += f" ({data.tranche.label})"
        if payment.reference:
            note += f", référence {payment.reference}"
        _log(locked, ApplicationEvent.PAYMENT, by, note=note + f". Total versé : {euros(total)}.")
        _notify(locked, "payment", payment)
    return payment


# --- Grants awarded by a programme (another app decides; funding keeps the money) -----------------------------


@dataclass(frozen=True)
class PlannedTranche:
    label: str
    planned_on: dt.date
    amount: Decimal


def award_grant(
    scheme: Scheme,
    structure: Structure,
    *,
    title: str,
    description: str,
    amount: Decimal,
    tranches: list[PlannedTranche],
    by,
    note: str = "",
) -> Application:
    """An application accepted at once with its schedule, for a programme that decided elsewhere (e.g. a
    recruitment validated by the programme team): the funding history says so, and the payments then go through
    `record_payment` as for any grant. The tranches add up to the amount."""
    check_amount(amount, "Le montant accordé")
    if sum((tranche.amount for tranche in tranches), Decimal(0)) != amount:
        raise ApplicationError("Les échéances doivent totaliser le montant accordé.")
    now = timezone.now()
    with transaction.atomic():
        application = Application.objects.create(
            scheme=scheme,
            structure=structure,
            title=title[:TITLE_MAX_LENGTH],
            description=description,
            amount_requested=amount,
            amount_granted=amount,
            status=S.ACCEPTED,
            submitted_at=now,
            decided_at=now,
            decision_note=note,
            created_by=by,
        )
        _log(application, ApplicationEvent.TRANSITION, by, after=S.ACCEPTED, note=note)
        for planned in tranches:
            Tranche.objects.create(
                application=application, label=planned.label, planned_on=planned.planned_on, amount=planned.amount
            )
            _log(
                application,
                ApplicationEvent.TRANCHE,
                by,
                note=f"{planned.label} : {euros(planned.amount)} le {planned.planned_on:%d/%m/%Y}.",
            )
    return application


def end_grant_early(application: Application, amount: Decimal, *, by, note: str) -> Application:
    """Reduce an accepted grant to `amount` (what was paid and what is still owed), for a funded action that ended
    early. The unpaid tranches are rebuilt: the ones beyond the new total go, the last kept one is cut to fit; the
    amount is never below what was already paid."""
    with transaction.atomic():
        locked = _locked(application)
        _require_accepted(locked, "une fin anticipée se décide")
        if amount < locked.amount_paid:
            raise ApplicationError(
                f"Le nouveau montant ({euros(amount)}) est inférieur à ce qui a déjà été versé "
                f"({euros(locked.amount_paid)})."
            )
        if amount > (locked.amount_granted or Decimal(0)):
            raise ApplicationError("Une fin anticipée ne peut pas augmenter le montant accordé.")
        before = locked.amount_granted or Decimal(0)
        # Each tranche keeps what was paid on it; what is left of `amount` goes to the tranches in their order, up to
        # their planned amount. A tranche that gets nothing and had no payment goes. So the tranches add up to
        # `amount` (a partly paid tranche is cut too).
        tranches = list(locked.tranches.annotate(paid_on_it=Sum("payments__amount")).order_by("planned_on", "pk"))
        paid_on = {t.pk: t.paid_on_it or Decimal(0) for t in tranches}
        room = amount - sum(paid_on.values())
        for tranche in tranches:
            extra = max(Decimal(0), min(tranche.amount - paid_on[tranche.pk], room))
            room -= extra
            kept = paid_on[tranche.pk] + extra
            if kept == 0:
                tranche.delete()
            elif kept != tranche.amount:
                tranche.amount = kept
                tranche.save(update_fields=["amount"])
        locked.amount_granted = amount
        locked.save(update_fields=["amount_granted", "updated_at"])
        _log(
            locked,
            ApplicationEvent.TRANSITION,
            by,
            before=S.ACCEPTED,
            after=S.ACCEPTED,
            note=f"Fin anticipée : montant accordé ramené de {euros(before)} à {euros(amount)}. {note}".strip(),
        )
    return locked
