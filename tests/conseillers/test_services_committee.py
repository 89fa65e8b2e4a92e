"""The selection committee: quotas add up to the programme's total (the gap named), computed by largest remainder
from the population; an opinion is numbered per département and year, stays within the quota, moves the request
and the structure, and a favourable one yields a convention linked to the directory's structure."""

import datetime as dt

import pytest
from django.core import mail

from mediane.conseillers.enums import (
    HostStatus,
    LogAction,
    Opinion,
    QuotaIndex,
    RecruitmentStatus,
    RequestKind,
    RequestStatus,
)
from mediane.conseillers.models import DepartementQuota, PositionRequest, ProgrammeLog
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_committee import (
    compute_index,
    compute_quotas,
    departements,
    directory_managers_kept,
    record_opinion,
    set_quotas,
)
from mediane.structures.models import Structure
from tests.accounts.factories import UserFactory

from .factories import HostStructureFactory, RecruitmentFactory, programme_team

pytestmark = pytest.mark.django_db
DAY = dt.date(2021, 3, 15)


def quota(departement: str, positions: int) -> None:
    DepartementQuota.objects.update_or_create(departement=departement, defaults={"positions": positions})


def pending(host, positions=2, kind=RequestKind.ADD):
    return PositionRequest.objects.create(host=host, positions=positions, kind=kind)


def test_quotas_computed_from_population_add_up_to_4000_and_are_saved():
    computed = compute_quotas(compute_index(QuotaIndex.POPULATION))
    assert len(departements()) >= 101 and sum(computed.values()) == 4000
    assert computed["75"] > computed["69"] > computed["48"] >= 1
    set_quotas(computed, by=programme_team(), index=QuotaIndex.POPULATION)
    assert DepartementQuota.objects.get(departement="69").positions == computed["69"]
    assert ProgrammeLog.objects.filter(action=LogAction.QUOTAS).exists()


def test_quotas_that_do_not_add_up_to_the_total_are_refused_with_the_gap():
    computed = compute_quotas(compute_index(QuotaIndex.POPULATION))
    computed["69"] -= 3
    with pytest.raises(ProgrammeError, match="il manque 3 postes"):
        set_quotas(computed, by=programme_team())
    computed["69"] += 5
    with pytest.raises(ProgrammeError, match="il y en a 2 de trop"):
        set_quotas(computed, by=programme_team())


def test_a_favourable_opinion_grants_positions_and_yields_a_numbered_convention(django_capture_on_commit_callbacks):
    quota("69", 10)
    host = HostStructureFactory(created=True)
    request = pending(host)
    with django_capture_on_commit_callbacks(execute=True):
        decision = record_opinion(request, Opinion.FAVOURABLE, 1, DAY, "Projet solide", by=programme_team())
    host.refresh_from_db()
    request.refresh_from_db()
    assert decision.number == "CS-2021-69-0001"
    assert (host.status, host.positions_granted, request.status) == (HostStatus.VALIDATED, 1, RequestStatus.VALIDATED)
    assert decision.convention.number == "CN-69-0001" and decision.convention.positions == 1
    structure = Structure.objects.get(siret=host.siret)
    assert host.structure == structure and set(structure.managers.all()) == set(host.managers.all())
    assert structure.kind == "bibliotheque_municipale"
    assert len(mail.outbox) == 1 and "CS-2021-69-0001" in mail.outbox[0].body


def test_numbers_follow_each_other_per_departement_and_year():
    quota("69", 10)
    quota("01", 10)
    team = programme_team()
    numbers = [
        record_opinion(
            pending(HostStructureFactory(created=True)), Opinion.FURTHER_EXAMINATION, 0, DAY, by=team
        ).number,
        record_opinion(pending(HostStructureFactory(created=True)), Opinion.UNFAVOURABLE, 0, DAY, by=team).number,
        record_opinion(
            pending(HostStructureFactory(created=True, departement="01")), Opinion.UNFAVOURABLE, 0, DAY, by=team
        ).number,
        record_opinion(
            pending(HostStructureFactory(created=True)), Opinion.UNFAVOURABLE, 0, dt.date(2022, 1, 5), by=team
        ).number,
    ]
    assert numbers == ["CS-2021-69-0001", "CS-2021-69-0002", "CS-2021-01-0001", "CS-2022-69-0001"]


def test_granting_beyond_the_departements_quota_is_refused_with_what_is_left():
    quota("69", 3)
    HostStructureFactory(positions_granted=2)
    request = pending(HostStructureFactory(created=True), positions=2)
    with pytest.raises(ProgrammeError, match="il en reste 1"):
        record_opinion(request, Opinion.FAVOURABLE, 2, DAY, by=programme_team())
    assert record_opinion(request, Opinion.FAVOURABLE, 1, DAY, by=programme_team()).positions_granted == 1


def test_a_favourable_opinion_grants_between_one_and_the_positions_asked():
    quota("69", 10)
    request = pending(HostStructureFactory(created=True), positions=2)
    for wrong in (0, 3):
        with pytest.raises(ProgrammeError, match="de 1 à 2 postes"):
            record_opinion(request, Opinion.FAVOURABLE, wrong, DAY, by=programme_team())


def test_further_examination_then_unfavourable_refuses_a_structure_with_nothing_granted():
    quota("69", 10)
    host = HostStructureFactory(created=True)
    request = pending(host)
    record_opinion(request, Opinion.FURTHER_EXAMINATION, 0, DAY, by=programme_team())
    host.refresh_from_db()
    assert host.status == HostStatus.FURTHER_EXAMINATION
    record_opinion(request, Opinion.UNFAVOURABLE, 0, DAY, by=programme_team())
    host.refresh_from_db()
    request.refresh_from_db()
    assert (host.status, request.status) == (HostStatus.REFUSED, RequestStatus.REFUSED)
    with pytest.raises(ProgrammeError, match="déjà « refusée »"):
        record_opinion(request, Opinion.FAVOURABLE, 1, DAY, by=programme_team())


def test_a_give_back_validated_lowers_the_positions_granted():
    host = HostStructureFactory(positions_granted=3)
    record_opinion(pending(host, 2, RequestKind.GIVE_BACK), Opinion.FAVOURABLE, 2, DAY, by=programme_team())
    host.refresh_from_db()
    assert host.positions_granted == 1 and host.status == HostStatus.VALIDATED and not host.conventions.exists()


def test_a_give_back_that_would_leave_fewer_positions_than_those_held_is_refused():
    host = HostStructureFactory(positions_granted=3)
    request = pending(host, 2, RequestKind.GIVE_BACK)
    RecruitmentFactory(host=host, status=RecruitmentStatus.RECRUITED)
    RecruitmentFactory(host=host, status=RecruitmentStatus.FINALISED)  # held after the request was made
    with pytest.raises(ProgrammeError, match="dont 2 occupés par un recrutement : elle peut en rendre au plus 1"):
        record_opinion(request, Opinion.FAVOURABLE, 2, DAY, by=programme_team())
    record_opinion(request, Opinion.FAVOURABLE, 1, DAY, by=programme_team())
    host.refresh_from_db()
    assert host.positions_granted == 2


def test_a_favourable_opinion_does_not_make_the_registrant_a_manager_of_an_existing_directory_structure():
    quota("69", 10)
    owner = UserFactory()
    structure = Structure.objects.create(name="Médiathèque de Villeurbanne", kind="bibliotheque_municipale")
    host = HostStructureFactory(created=True)
    Structure.objects.filter(pk=structure.pk).update(siret=host.siret)
    structure.managers.add(owner)
    assert directory_managers_kept(host)
    record_opinion(pending(host), Opinion.FAVOURABLE, 1, DAY, by=programme_team())
    host.refresh_from_db()
    assert host.structure == structure and list(structure.managers.all()) == [owner]


def test_an_unclaimed_directory_structure_gets_the_hosts_managers():
    quota("69", 10)
    host = HostStructureFactory(created=True)
    structure = Structure.objects.create(name="Médiathèque", kind="bibliotheque_municipale", siret=host.siret)
    assert not directory_managers_kept(host)
    record_opinion(pending(host), Opinion.FAVOURABLE, 1, DAY, by=programme_team())
    assert set(structure.managers.all()) == set(host.managers.all())
