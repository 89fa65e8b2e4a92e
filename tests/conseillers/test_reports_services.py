"""The activity reports' service: what it refuses (in French, saying what to fix), and counters that stay exactly
what a count of the reports gives, through creations, changes, deletions and imports."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from mediane.conseillers import counters
from mediane.conseillers.models_reports import NATIONAL, ActivityCounter, ActivityReport
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_reports import (
    delete_report,
    duplicate_data,
    record_report,
    record_reports,
    recount,
    update_report,
)
from mediane.french import THOUSANDS
from tests.accounts.factories import UserFactory
from tests.conseillers.factories import HostStructureFactory, adviser, report, report_data, workshop_data

pytestmark = pytest.mark.django_db


def stored_counters() -> dict:
    return {
        (c.scope, c.month, c.dimension, c.value): (c.activities, c.people, c.minutes)
        for c in ActivityCounter.objects.all()
        if c.activities or c.people or c.minutes
    }


def counted_from_reports() -> dict:
    return counters.difference([], ActivityReport.objects.all(), NATIONAL)


def test_the_counters_stay_exact_through_creations_changes_and_deletions():
    lyon = adviser()
    paris = adviser(host=HostStructureFactory(departement="75", commune="Paris", insee_code="75056"))
    first = report(lyon)
    report(lyon, thematiques=["email", "papiers_elections_citoyennete"], duration=90)
    workshop = record_report(
        workshop_data(participant_counts={"age_band": {"soixante_dix_plus": 3, "quarante_cinquante_neuf": 2}}),
        by=paris.candidate.user,
        recruitment=paris,
    )
    assert stored_counters() == counted_from_reports()
    update_report(
        first, report_data(date=timezone.localdate() - dt.timedelta(days=45), duration=200), by=lyon.candidate.user
    )
    delete_report(workshop, by=paris.candidate.user)
    assert stored_counters() == counted_from_reports()
    record_reports([report_data(), workshop_data()], by=lyon.candidate.user, recruitment=lyon)
    assert stored_counters() == counted_from_reports()
    recount()
    assert stored_counters() == counted_from_reports()


def test_a_collective_session_counts_its_participants_and_splits_them_by_band():
    recruitment = adviser()
    record_report(
        workshop_data(participants=8, participant_counts={"age_band": {"soixante_dix_plus": 3}}),
        by=recruitment.candidate.user,
        recruitment=recruitment,
    )
    month = (timezone.localdate() - dt.timedelta(days=1)).replace(day=1)
    figures = {(c.dimension, c.value): c.people for c in ActivityCounter.objects.filter(scope=NATIONAL, month=month)}
    assert figures[("total", "")] == 8
    assert figures[("age", "soixante_dix_plus")] == 3
    assert figures[("age", "non_communique")] == 5
    assert figures[("mission", "usages_quotidiens")] == 8


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"date": timezone.localdate() + dt.timedelta(days=3)}, "La date ne peut pas être dans le futur"),
        ({"duration": 0}, "entre 1 minute et 8 heures"),
        ({"duration": -5}, "entre 1 minute et 8 heures"),
        ({"duration": 481}, "entre 1 minute et 8 heures"),
        ({"participants": 4}, "Un accompagnement individuel concerne une seule personne"),
        ({"thematiques": []}, "Choisissez au moins une thématique"),
        ({"thematiques": ["astrologie"]}, "Valeur inconnue pour la thématique : « astrologie »"),
        ({"materiel": ["aucun", "telephone"]}, "« Pas de matériel » ne se coche pas"),
        ({"redirected": True}, "choisissez vers quel type de structure"),
        ({"place_type": "lieu_activite"}, "Choisissez le lieu d'activité"),
    ],
)
def test_an_individual_report_is_refused_with_what_to_fix(overrides, message):
    recruitment = adviser()
    with pytest.raises(ProgrammeError, match=message):
        record_report(report_data(**overrides), by=recruitment.candidate.user, recruitment=recruitment)
    assert not ActivityReport.objects.exists()
    assert not ActivityCounter.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"participants": None}, "Un atelier collectif compte au moins un participant"),
        ({"participants": 0}, "Un atelier collectif compte au moins un participant"),
        ({"workshop_title": " "}, "Indiquez le nom de l'atelier"),
        ({"participant_counts": {"age_band": {"soixante_dix_plus": 9}}}, "plus que les 8 participants"),
        ({"autonomie": "autonome"}, "Le niveau d'autonomie se note pour un accompagnement individuel"),
    ],
)
def test_a_collective_session_is_refused_with_what_to_fix(overrides, message):
    recruitment = adviser()
    with pytest.raises(ProgrammeError, match=message):
        record_report(workshop_data(**overrides), by=recruitment.candidate.user, recruitment=recruitment)


def test_only_an_adviser_in_post_records_and_only_the_author_changes():
    with pytest.raises(ProgrammeError, match="en poste"):
        record_report(report_data(), by=UserFactory())
    written = report()
    stranger = UserFactory()
    with pytest.raises(ProgrammeError, match="ne se (modifie|supprime) que par le conseiller"):
        update_report(written, report_data(), by=stranger)
    with pytest.raises(ProgrammeError, match="ne se (modifie|supprime) que par le conseiller"):
        delete_report(written, by=stranger)


def test_an_adviser_in_post_records_under_the_position_they_hold():
    recruitment = adviser()
    written = record_report(report_data(), by=recruitment.candidate.user)
    assert written.recruitment == recruitment
    assert written.departement == "69"


def test_duplicating_keeps_the_session_and_leaves_the_person_out():
    written = report(notes="Mme B. reviendra mardi")
    data = duplicate_data(written)
    assert data.date == timezone.localdate()
    assert data.thematiques == ["email"]
    assert data.age_band == "non_communique"
    assert data.notes == ""


def test_a_change_keeps_the_id_the_report_was_imported_with():
    recruitment = adviser()
    imported = record_reports(
        [report_data(external_id="coop-42")], by=recruitment.candidate.user, recruitment=recruitment
    )[0]
    changed = update_report(imported, report_data(duration=90), by=recruitment.candidate.user)
    changed.refresh_from_db()
    assert (changed.duration, changed.external_id) == (90, "coop-42")


def test_a_participants_band_refused_is_named_in_plain_french():
    recruitment = adviser()
    with pytest.raises(ProgrammeError, match="Valeur inconnue pour la tranche d'âge : « 200_ans »"):
        record_report(report_data(age_band="200_ans"), by=recruitment.candidate.user, recruitment=recruitment)
    with pytest.raises(ProgrammeError, match="participants par tranche d'âge ne peut pas être négatif"):
        record_report(
            workshop_data(participant_counts={"age_band": {"soixante_dix_plus": -1}}),
            by=recruitment.candidate.user,
            recruitment=recruitment,
        )


def test_recount_activity_rebuilds_the_counters_and_says_how_many():
    recruitment = adviser()
    report(recruitment)
    record_report(workshop_data(), by=recruitment.candidate.user, recruitment=recruitment)
    expected = stored_counters()
    ActivityCounter.objects.update(activities=0, people=0, minutes=0)
    out = io.StringIO()
    call_command("recount_activity", stdout=out)
    assert stored_counters() == expected == counted_from_reports()
    rows = ActivityCounter.objects.count()
    assert f"2 comptes rendus comptés, {rows} compteurs recréés." in out.getvalue()
    call_command("recount_activity", stdout=io.StringIO())
    assert stored_counters() == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            lambda: report_data(notes="a" * 6000),
            f"Les notes comptent au plus 5{THOUSANDS}000 caractères : vous en avez écrit 6{THOUSANDS}000.",
        ),
        (
            lambda: workshop_data(participants=100_000),
            f"Un atelier compte au plus 500 participants : vous avez indiqué 100{THOUSANDS}000.",
        ),
        (lambda: report_data(duration=12_000), f"vous avez indiqué 12{THOUSANDS}000 minutes."),
        (lambda: report_data(tags=["a" * 41]), "Une étiquette compte au plus 40 caractères"),
    ],
)
def test_the_counts_of_a_refusal_are_written_as_the_rest_of_the_site_writes_them(data, expected):
    recruitment = adviser()
    with pytest.raises(ProgrammeError) as refused:
        record_report(data(), by=recruitment.candidate.user, recruitment=recruitment)
    assert expected in str(refused.value)
