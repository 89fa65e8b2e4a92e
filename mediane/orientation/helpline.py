"""The national helpline that orientation offers when no place is near: its facts, kept here and nowhere else.

An operator changes them here (and `CHECKED`, the day they were last checked). Say nothing more about the line
than what has been checked: no opening hours, no promise of what it does, no price beyond « non surtaxé ».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Helpline:
    name: str
    phone: str  # as people read and dial it in France
    phone_international: str  # for the `tel:` link, so that a phone abroad or overseas dials it too
    price: str
    website: str  # the address as shown
    url: str
    checked: dt.date

    @property
    def tel_href(self) -> str:
        return f"tel:{self.phone_international}"


# The facts given in issue 9 (« Solidarité Numérique », 01 70 772 372, appel non surtaxé, solidarite-numerique.fr),
# copied on this date; this machine could not open the site to check them again.
CHECKED = dt.date(2026, 12, 6)
NATIONAL_HELPLINE = Helpline(
    name="Solidarité Numérique",
    phone="01 70 772 372",
    phone_international="+33170772372",
    price="appel non surtaxé",
    website="solidarite-numerique.fr",
    url="https://solidarite-numerique.fr",
    checked=CHECKED,
)
