"""Payment schedules and payments: never beyond the grant, never before the decision, only when accepted; every one
audited; concurrent payments take their turn under the application's row lock (PostgreSQL)."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from mediane.funding import services_applications as services
from mediane.funding.enums import ApplicationEvent
from mediane.funding.models import Application, Payment, Tranche
from tests.funding.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date.today


def _pay(application, amount, by, paid_on=None, **kwargs):
    data = services.PaymentData(paid_on or timezone.localdate(), Decimal(amount), **kwargs)
    return services.record_payment(application, data, by=by)


def test_a_payment_beyond_the_granted_amount_is_refused_with_what_is_left(organiser):
    application = ApplicationFactory(accepted=True, amount_granted=Decimal("50000"))
    _pay(application, "30000", organiser)
    with pytest.raises(services.ApplicationError) as error:
        _pay(application, "30000", organiser)
    assert error.value.message == (
        "Ce versement de 30\u202f000\u00a0€ porterait le total versé à 60\u202f000\u00a0€, au-delà des "
        "50\u202f000\u00a0€ accordés. Il reste 20\u202f000\u00a0€ à verser."
    )
    application.refresh_from_db()
    assert application.amount_paid == Decimal("30000")
    assert Payment.objects.count() == 1
    assert application.log.filter(event=ApplicationEvent.PAYMENT).count() == 1


def test_a_payment_of_exactly_what_is_left_is_accepted(organiser):
    application = ApplicationFactory(accepted=True, amount_granted=Decimal("50000"))
    _pay(application, "30000", organiser)
    _pay(application, "20000", organiser, reference="MANDAT-2")
    application.refresh_from_db()
    assert application.amount_paid == application.amount_granted
    assert application.amount_left == 0
    note = application.log.filter(event=ApplicationEvent.PAYMENT).last().note
    assert "référence MANDAT-2" in note and "Total versé : 50\u202f000\u00a0€" in note


def test_a_payment_dated_before_the_decision_is_refused(organiser):
    application = ApplicationFactory(accepted=True)
    decided_on = timezone.localdate(application.decided_at)
    with pytest.raises(services.ApplicationError, match="avant la décision"):
        _pay(application, "100", organiser, paid_on=decided_on - dt.timedelta(days=1))
    assert not Payment.objects.exists()
    _pay(application, "100", organiser, paid_on=decided_on)  # the day of the decision is fine
    assert Payment.objects.count() == 1


def test_a_payment_dated_in_the_future_is_refused(organiser):
    application = ApplicationFactory(accepted=True)
    with pytest.raises(services.ApplicationError, match="dans le futur"):
        _pay(application, "100", organiser, paid_on=timezone.localdate() + dt.timedelta(days=1))


@pytest.mark.parametrize("trait", ["submitted", "under_review", "refused", None])
def test_a_payment_on_an_application_not_accepted_is_refused(organiser, trait):
    application = ApplicationFactory(**({trait: True} if trait else {}))
    with pytest.raises(services.ApplicationError, match="seulement sur une demande acceptée"):
        _pay(application, "100", organiser)
    assert not Payment.objects.exists() and not application.log.exists()


def test_a_tranche_of_another_application_is_refused(organiser):
    application = ApplicationFactory(accepted=True)
    other = services.add_tranche(ApplicationFactory(accepted=True), "Solde", TODAY(), Decimal("10"), by=organiser)
    with pytest.raises(services.ApplicationError, match="pas celle de cette demande"):
        _pay(application, "10", organiser, tranche=other)


def test_tranches_stay_within_the_grant(organiser):
    application = ApplicationFactory(accepted=True, amount_granted=Decimal("50000"))
    services.add_tranche(application, "Première tranche", TODAY(), Decimal("30000"), by=organiser)
    with pytest.raises(services.ApplicationError, match="Il reste 20\u202f000\u00a0€ à prévoir"):
        services.add_tranche(application, "Solde", TODAY(), Decimal("20000.01"), by=organiser)
    services.add_tranche(application, "Solde", TODAY(), Decimal("20000"), by=organiser)
    assert Tranche.objects.count() == 2
    assert application.log.filter(event=ApplicationEvent.TRANCHE).count() == 2


def test_a_tranche_that_was_paid_stays(organiser):
    application = ApplicationFactory(accepted=True)
    tranche = services.add_tranche(application, "Avance", TODAY(), Decimal("1000"), by=organiser)
    _pay(application, "1000", organiser, tranche=tranche)
    with pytest.raises(services.ApplicationError, match="elle reste"):
        services.remove_tranche(tranche, by=organiser)
    other = services.add_tranche(application, "Solde", TODAY(), Decimal("1000"), by=organiser)
    services.remove_tranche(other, by=organiser)
    assert list(Tranche.objects.values_list("label", flat=True)) == ["Avance"]
    assert application.log.filter(event=ApplicationEvent.TRANCHE_REMOVED).count() == 1


def test_no_schedule_before_acceptance(organiser):
    with pytest.raises(services.ApplicationError, match="seulement sur une demande acceptée"):
        services.add_tranche(ApplicationFactory(under_review=True), "Avance", TODAY(), Decimal("1"), by=organiser)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_payments_at_once_never_exceed_the_grant(organiser):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    application = ApplicationFactory(accepted=True, amount_granted=Decimal("50000"))
    barrier = threading.Barrier(2)
    outcomes = []

    def pay():
        barrier.wait()
        try:
            _pay(application, "30000", organiser)
            outcomes.append("paid")
        except services.ApplicationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=pay) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["paid", "refused"]
    assert Application.objects.get(pk=application.pk).amount_paid == Decimal("30000")
