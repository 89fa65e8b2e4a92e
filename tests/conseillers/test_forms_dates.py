"""The programme's one date field: jj/mm/aaaa or the date picker's format, only from 2020 to three years ahead,
with French errors naming the field; used by every form of the programme that asks for a date."""

import datetime as dt

import pytest
from django.utils import timezone

from mediane.conseillers import forms_candidates, forms_committee, forms_hosts, forms_recruitment
from mediane.conseillers.forms_dates import ProgrammeDateField


def test_a_date_is_read_in_both_formats():
    field = ProgrammeDateField("Date du comité")
    assert field.clean("15/03/2021") == field.clean("2021-03-15") == dt.date(2021, 3, 15)


@pytest.mark.parametrize("text", ["01/01/0001", "31/12/9999", "31/12/2019"])
def test_a_date_out_of_the_programmes_years_is_refused_in_french(text):
    with pytest.raises(Exception, match="Date du comité : choisissez une date entre le 01/01/2020 et le"):
        ProgrammeDateField("Date du comité").clean(text)


def test_three_years_ahead_is_accepted_and_a_day_more_is_not():
    field = ProgrammeDateField("Date de début du contrat")
    today = timezone.localdate()
    last = today.replace(year=today.year + 3) if (today.month, today.day) != (2, 29) else today.replace(day=28)
    assert field.clean(last.strftime("%d/%m/%Y")) == last
    with pytest.raises(Exception, match="choisissez une date entre"):
        field.clean((last + dt.timedelta(days=1)).strftime("%d/%m/%Y"))


def test_every_programme_form_uses_the_one_date_field():
    fields = [
        forms_hosts.HostForm.base_fields["start_date"],
        forms_committee.DecisionForm.base_fields["decided_on"],
        forms_candidates.ProfileForm.base_fields["available_from"],
        forms_recruitment.ContractForm.base_fields["starts_on"],
    ]
    assert all(isinstance(field, ProgrammeDateField) for field in fields)
