"""The subsidy's arithmetic (`conseillers.subsidy`): the schedule and the prorating of an early end."""

import datetime as dt
from decimal import Decimal

import pytest

from mediane.conseillers import subsidy


def test_the_schedule_is_four_tranches_of_12500_euros_every_six_months():
    tranches = subsidy.schedule(dt.date(2026, 8, 31))
    assert [day for _, day, _ in tranches] == [
        dt.date(2026, 8, 31),
        dt.date(2027, 2, 28),
        dt.date(2027, 8, 31),
        dt.date(2028, 2, 29),
    ]
    assert sum(amount for _, _, amount in tranches) == Decimal("50000")
    assert tranches[0][0] == "Échéance 1 sur 4"


@pytest.mark.parametrize(
    ("ends_on", "months"),
    [
        (dt.date(2026, 1, 15), 1),  # the first day counts as a begun month
        (dt.date(2026, 2, 14), 1),
        (dt.date(2026, 2, 15), 2),
        (dt.date(2026, 12, 31), 12),
        (dt.date(2031, 1, 1), 24),  # never more than the grant's two years
        (dt.date(2025, 12, 1), 0),
    ],
)
def test_months_worked_count_each_begun_month(ends_on, months):
    assert subsidy.months_worked(dt.date(2026, 1, 15), ends_on) == months


def test_the_prorated_grant_is_the_share_of_the_months_worked():
    assert subsidy.prorated_grant(dt.date(2026, 1, 1), dt.date(2026, 7, 31), Decimal(0)) == Decimal("14583.33")


def test_the_prorated_grant_never_goes_below_what_was_paid():
    assert subsidy.prorated_grant(dt.date(2026, 1, 1), dt.date(2026, 1, 31), Decimal("12500")) == Decimal("12500")
