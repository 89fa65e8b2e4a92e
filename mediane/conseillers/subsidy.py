"""The adviser's subsidy as arithmetic, without Django: the schedule of a grant of €50,000 over two years, and the
amount kept when a contract ends early.

The schedule: 4 half-yearly tranches of €12,500, the first on the contract's start, then every 6 months (the real
programme paid in advance by periods; half-years keep the schedule short enough to read on a phone).
An early end: the grant becomes the share of the months worked (a begun month counts as worked), and never less
than what was already paid (money paid is not asked back here; a recovery is a separate procedure).
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

GRANT = Decimal("50000")
MONTHS = 24
TRANCHES = 4
CENT = Decimal("0.01")


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` `months` later, on the last day of the month when it is shorter (31 January + 1 month: 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def schedule(starts_on: dt.date) -> list[tuple[str, dt.date, Decimal]]:
    """The tranches (label, planned date, amount) of a grant starting on `starts_on`."""
    amount = GRANT / TRANCHES
    step = MONTHS // TRANCHES
    return [
        (f"Échéance {index + 1} sur {TRANCHES}", add_months(starts_on, index * step), amount)
        for index in range(TRANCHES)
    ]


def months_worked(starts_on: dt.date, ends_on: dt.date) -> int:
    """Months from the start to the last day worked, a begun month counting whole, at most the grant's 24."""
    if ends_on < starts_on:
        return 0
    months = (ends_on.year - starts_on.year) * 12 + ends_on.month - starts_on.month
    if ends_on.day >= starts_on.day:
        months += 1
    return min(max(months, 0), MONTHS)


def prorated_grant(starts_on: dt.date, ends_on: dt.date, paid: Decimal) -> Decimal:
    """What the grant becomes when the contract ends on `ends_on`: the share of the months worked, at least `paid`."""
    earned = (GRANT * months_worked(starts_on, ends_on) / MONTHS).quantize(CENT, rounding=ROUND_HALF_UP)
    return max(earned, paid)
