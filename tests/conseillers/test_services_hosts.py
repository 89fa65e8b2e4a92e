"""Registrations of host structures: the SIRET is checked and its spaces removed, a SIRET already registered is
refused with what to do unless the person confirms (then « doublon »), the first request is made with the
registration, statuses move only along the allowed table, and positions given back never exceed the free ones."""

import datetime as dt

import pytest
from django.core import mail

from mediane.conseillers.enums import HostStatus, LogAction, RecruitmentStatus, RequestKind
from mediane.conseillers.models import HostStructure, ProgrammeLog
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_hosts import (
    DuplicateSiret,
    HostData,
    SiretError,
    change_host_status,
    register_host,
    request_positions,
    update_host,
)
from mediane.structures.communes import load_communes
from tests.accounts.factories import UserFactory

from .factories import HostStructureFactory, RecruitmentFactory, programme_team, siret

pytestmark = pytest.mark.django_db


def data(**overrides) -> HostData:
    values = {
        "kind": "commune",
        "name": "Médiathèque de Givors",
        "siret": siret(900),
        "commune": load_communes().by_insee("69091"),
        "address": "1 place Camille Vallin",
        "contact_name": "Lou Bernard",
        "contact_job": "Directrice",
        "contact_email": "lou@givors.example.org",
        "contact_phone": "",
        "advisers_wished": 2,
        "start_date": dt.date(2026, 3, 1),
        "motivation": "Beaucoup d'habitants ont besoin d'aide pour leurs démarches.",
        "charter_commitment": True,
    }
    return HostData(**(values | overrides))


def test_a_manager_registers_a_structure_with_its_first_request():
    manager = UserFactory()
    spaced = " ".join([siret(900)[:3], siret(900)[3:9], siret(900)[9:]])
    host = register_host(data(siret=spaced), by=manager)
    assert host.siret == siret(900) and host.status == HostStatus.CREATED
    assert (host.departement, host.commune) == ("69", "Givors")
    assert list(host.managers.all()) == [manager]
    request = host.requests.get()
    assert (request.kind, request.positions) == (RequestKind.ADD, 2)
    assert ProgrammeLog.objects.filter(host=host, action=LogAction.HOST_REGISTERED).exists()


def test_an_invalid_siret_is_refused_in_french():
    with pytest.raises(ProgrammeError, match="Ce SIRET n'est pas valide"):
        register_host(data(siret="12345678901234"), by=UserFactory())


def test_the_charter_commitment_is_required_and_explained():
    with pytest.raises(ProgrammeError, match="charte"):
        register_host(data(charter_commitment=False), by=UserFactory())


def test_a_duplicate_siret_names_the_existing_structure_and_is_saved_as_doublon_once_confirmed():
    first = register_host(data(), by=UserFactory())
    with pytest.raises(ProgrammeError) as error:
        register_host(data(name="Commune de Givors"), by=UserFactory())
    assert "« Médiathèque de Givors » (Givors)" in error.value.message
    assert "Il s'agit bien d'une autre demande" in error.value.message
    second = register_host(data(name="Commune de Givors"), by=UserFactory(), other_request=True)
    assert second.status == HostStatus.DUPLICATE and second.duplicate_of == first


def test_statuses_move_only_along_the_allowed_table():
    team = programme_team()
    host = HostStructureFactory(created=True)
    change_host_status(host, HostStatus.FURTHER_EXAMINATION, by=team, note="Pièces manquantes")
    with pytest.raises(ProgrammeError, match="ne peut pas passer"):
        change_host_status(host, HostStatus.DUPLICATE, by=team)
    change_host_status(host, HostStatus.CANCELLED, by=team)
    with pytest.raises(ProgrammeError, match="définitif"):
        change_host_status(host, HostStatus.CREATED, by=team)
    entry = ProgrammeLog.objects.filter(host=host, action=LogAction.HOST_STATUS).last()
    assert (entry.before, entry.after, entry.note) == ("Créée", "Examen complémentaire", "Pièces manquantes")


def test_a_duplicate_that_is_not_one_after_all_goes_back_to_created():
    original = HostStructureFactory()
    duplicate = HostStructureFactory(status=HostStatus.DUPLICATE, duplicate_of=original, positions_granted=0)
    change_host_status(duplicate, HostStatus.CREATED, by=programme_team())
    duplicate.refresh_from_db()
    assert duplicate.status == HostStatus.CREATED and duplicate.duplicate_of == original


def test_positions_given_back_never_exceed_those_granted_and_free():
    host = HostStructureFactory(positions_granted=3)
    manager = host.managers.get()
    RecruitmentFactory(host=host, status=RecruitmentStatus.RECRUITED)
    with pytest.raises(ProgrammeError, match="au plus 2 postes"):
        request_positions(host, RequestKind.GIVE_BACK, 3, "Budget", by=manager)
    request_positions(host, RequestKind.GIVE_BACK, 1, "Budget", by=manager)
    with pytest.raises(ProgrammeError, match="au plus 1 poste"):
        request_positions(host, RequestKind.GIVE_BACK, 2, "Budget", by=manager)
    more = request_positions(host, RequestKind.ADD, 4, "Nouvelle antenne", by=manager)
    assert more.positions == 4 and HostStructure.objects.get(pk=host.pk).requests.count() == 2


def test_only_the_committees_opinion_makes_a_structure_validated():
    host = HostStructureFactory(created=True)
    with pytest.raises(ProgrammeError, match="ne peut pas passer"):
        change_host_status(host, HostStatus.VALIDATED, by=programme_team())


def test_a_structure_that_gives_up_while_advisers_hold_positions_is_refused():
    host = HostStructureFactory(positions_granted=2)
    RecruitmentFactory(host=host, status=RecruitmentStatus.RECRUITED)
    with pytest.raises(ProgrammeError, match="encore 1 poste occupé"):
        change_host_status(host, HostStatus.ABANDONED, by=programme_team())
    assert HostStructure.objects.get(pk=host.pk).status == HostStatus.VALIDATED


def test_a_structure_that_gives_up_hands_its_positions_back_to_the_quota_audited_and_emailed(
    django_capture_on_commit_callbacks,
):
    host = HostStructureFactory(positions_granted=2)
    other = HostStructureFactory(positions_granted=3)
    with django_capture_on_commit_callbacks(execute=True):
        change_host_status(host, HostStatus.ABANDONED, by=programme_team(), note="La mairie renonce.")
    host.refresh_from_db()
    assert host.positions_granted == 0
    assert HostStructure.objects.in_departement("69").positions_granted_total() == 3
    assert HostStructure.objects.granted_by_departement() == {"69": 3} and other.positions_granted == 3
    entry = ProgrammeLog.objects.get(host=host, note="Postes rendus au quota du département.")
    assert (entry.before, entry.after) == ("2 postes accordés", "0 poste accordé")
    assert len(mail.outbox) == 1 and "« abandon »" in mail.outbox[0].subject.lower()
    assert "La mairie renonce." in mail.outbox[0].body and "&#x27;" not in mail.outbox[0].body


def test_the_duplicate_message_names_the_structure_but_not_when_it_registered():
    first = register_host(data(), by=UserFactory())
    with pytest.raises(DuplicateSiret) as error:
        register_host(data(), by=UserFactory())
    assert error.value.existing == first and "/20" not in error.value.message


def test_an_invalid_siret_is_a_siret_error_for_its_field():
    with pytest.raises(SiretError):
        register_host(data(siret="123"), by=UserFactory())


def test_the_commune_is_frozen_once_positions_are_granted():
    host = HostStructureFactory(positions_granted=1)
    manager = host.managers.get()
    bron = next(c for c in load_communes() if c.name == "Bron")
    with pytest.raises(ProgrammeError, match="sa commune ne change plus"):
        update_host(host, data(commune=bron), by=manager)
    villeurbanne = next(c for c in load_communes() if c.insee == "69266")
    assert update_host(host, data(commune=villeurbanne, name="Médiathèque Lire"), by=manager).name == "Médiathèque Lire"
