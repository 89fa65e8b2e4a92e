"""The review's privacy and notification fixes: in touch means a recruitment in `INTEREST_STATUSES`, a structure acts
only on feasible candidates, a by-hand add is an invitation the candidate answers, every creation and move is
e-mailed (never a link the reader cannot open), the grant is the team's and the structure's, and the team records
payments."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mediane.conseillers import services_training
from mediane.conseillers.enums import ContractType, RecruitmentStatus
from mediane.conseillers.models import Recruitment
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_recruitment import (
    MoveData,
    add_candidate_by_hand,
    move_recruitment,
    put_in_touch,
)
from tests.conseillers.factories import CandidateFactory, HostStructureFactory, RecruitmentFactory, programme_team

pytestmark = pytest.mark.django_db
R = RecruitmentStatus
START = dt.date(2026, 1, 5)


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def far_candidate(**kwargs):
    """A candidate in Marseille: outside a Lyon structure's 20 km."""
    return CandidateFactory(departement="13", latitude=43.2965, longitude=5.3698, **kwargs)


# --- Must 1: in touch, feasibility -------------------------------------------------------------------------------


def test_posting_not_interested_gives_no_access_to_the_cv_nor_the_contact():
    host, candidate = HostStructureFactory(), CandidateFactory()
    client = logged_in(host.managers.get())
    url = reverse("conseillers:recruitment_create", args=[host.pk])
    client.post(url, {"candidate": candidate.pk, "interest": "non"})
    assert Recruitment.objects.get().status == R.NOT_INTERESTED
    assert client.get(reverse("conseillers:candidate_cv", args=[candidate.pk])).status_code == 404
    manager = host.managers.get()
    assert not manager.has_perm("conseillers.view_cv", candidate)
    assert not manager.has_perm("conseillers.view_candidate_contact", candidate)


def test_showing_interest_gives_access_to_the_contact():
    host, candidate = HostStructureFactory(), CandidateFactory()
    logged_in(host.managers.get()).post(
        reverse("conseillers:recruitment_create", args=[host.pk]), {"candidate": candidate.pk, "interest": "oui"}
    )
    assert host.managers.get().has_perm("conseillers.view_candidate_contact", candidate)


def test_a_candidate_outside_the_structures_limits_is_a_404_everywhere():
    host, candidate = HostStructureFactory(), far_candidate()
    client = logged_in(host.managers.get())
    posted = client.post(
        reverse("conseillers:recruitment_create", args=[host.pk]), {"candidate": candidate.pk, "interest": "non"}
    )
    assert posted.status_code == 404
    assert not Recruitment.objects.exists()
    assert client.get(reverse("conseillers:candidate_detail", args=[candidate.pk])).status_code == 404
    assert client.get(reverse("conseillers:candidate_cv", args=[candidate.pk])).status_code == 404


def test_a_candidate_beyond_their_own_limit_is_not_feasible():
    host = HostStructureFactory(max_distance_km=100)
    # Villefranche-sur-Saône, about 30 km from Lyon: within the structure's 100 km, beyond the candidate's 20.
    candidate = CandidateFactory(latitude=45.9899, longitude=4.7197, max_distance_km=20)
    response = logged_in(host.managers.get()).post(
        reverse("conseillers:recruitment_create", args=[host.pk]), {"candidate": candidate.pk, "interest": "oui"}
    )
    assert response.status_code == 404


def test_a_manager_cannot_recruit_themselves():
    host = HostStructureFactory()
    manager = host.managers.get()
    candidate = CandidateFactory(user=manager)
    with pytest.raises(ProgrammeError, match="vous recruter vous-même"):
        put_in_touch(host, candidate, by=manager, interested=True)


# --- Must 2: the by-hand invitation ------------------------------------------------------------------------------


def test_a_by_hand_add_is_an_invitation_the_structure_does_not_see_until_accepted(django_capture_on_commit_callbacks):
    host, candidate = HostStructureFactory(), far_candidate()
    manager = host.managers.get()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = add_candidate_by_hand(host, candidate.email, by=manager)
    assert invitation.status == R.NEW and invitation.awaits_candidate
    assert [m.to[0] for m in mail.outbox] == [candidate.email]
    assert reverse("conseillers:candidate_profile") in mail.outbox[0].body
    client = logged_in(manager)
    assert (
        candidate.full_name not in client.get(reverse("conseillers:host_recruitments", args=[host.pk])).content.decode()
    )
    assert client.get(invitation.get_absolute_url()).status_code == 404
    assert client.get(reverse("conseillers:candidate_cv", args=[candidate.pk])).status_code == 404
    assert client.post(reverse("conseillers:recruitment_move", args=[invitation.pk, "interessee"])).status_code == 404

    page = logged_in(candidate.user).get(reverse("conseillers:candidate_profile")).content.decode()
    assert "Des structures vous invitent" in page and host.name in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(candidate.user).post(
            reverse("conseillers:recruitment_invitation", args=[invitation.pk]), {"answer": "oui"}
        )
    invitation.refresh_from_db()
    assert invitation.status == R.INTERESTED and not invitation.awaits_candidate
    assert manager.has_perm("conseillers.view_cv", candidate)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([manager.email, candidate.email])


def test_a_declined_invitation_stays_hidden_from_the_structure():
    host, candidate = HostStructureFactory(), CandidateFactory()
    invitation = add_candidate_by_hand(host, candidate.email, by=host.managers.get())
    logged_in(candidate.user).post(
        reverse("conseillers:recruitment_invitation", args=[invitation.pk]), {"answer": "non"}
    )
    invitation.refresh_from_db()
    assert invitation.status == R.NOT_INTERESTED
    assert not Recruitment.objects.visible_to(host.managers.get()).exists()
    assert not host.managers.get().has_perm("conseillers.view_cv", candidate)


def test_only_the_invited_candidate_answers_an_invitation():
    host, candidate = HostStructureFactory(), CandidateFactory()
    invitation = add_candidate_by_hand(host, candidate.email, by=host.managers.get())
    url = reverse("conseillers:recruitment_invitation", args=[invitation.pk])
    for user in (CandidateFactory().user, host.managers.get()):
        assert logged_in(user).post(url, {"answer": "oui"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == R.NEW


def test_a_paused_candidate_is_not_invited():
    host, candidate = HostStructureFactory(), CandidateFactory(paused=True)
    assert add_candidate_by_hand(host, candidate.email, by=host.managers.get()) is None


def test_invitations_are_limited_per_structure():
    host = HostStructureFactory()
    client = logged_in(host.managers.get())
    url = reverse("conseillers:recruitment_create", args=[host.pk])
    for n in range(10):
        assert client.post(url, {"email": f"personne{n}@example.org"}).status_code == 302
    refused = client.post(url, {"email": "encore@example.org"})
    assert refused.status_code == 200
    assert "déjà invité beaucoup de personnes" in refused.content.decode()


# --- Must 6, 7: e-mails ------------------------------------------------------------------------------------------


def test_moving_away_from_interest_tells_the_candidate_without_a_link_nor_the_status(
    django_capture_on_commit_callbacks,
):
    recruitment = RecruitmentFactory(status=R.INTERESTED)
    with django_capture_on_commit_callbacks(execute=True):
        move_recruitment(recruitment, "non-interessee", by=recruitment.host.managers.get())
    to_candidate = [m for m in mail.outbox if m.to == [recruitment.candidate.email]]
    assert len(to_candidate) == 1
    body = to_candidate[0].body
    assert "ne donne pas suite" in body
    assert recruitment.get_absolute_url() not in body and "intéressée" not in body.lower()


def test_the_text_e_mails_are_not_html_escaped(django_capture_on_commit_callbacks):
    host = HostStructureFactory(name="Médiathèque d'Écully")
    recruitment = RecruitmentFactory(host=host, status=R.NEW)
    with django_capture_on_commit_callbacks(execute=True):
        move_recruitment(recruitment, "interessee", by=host.managers.get())
    assert mail.outbox
    for message in mail.outbox:
        assert "&#x27;" not in message.body and "&amp;" not in message.body
        assert "d'Écully" in message.body


# --- Must 8, 9, 10: the grant --------------------------------------------------------------------------------------


@pytest.fixture
def finalised():
    services_training.ensure_programme_course()
    recruitment = RecruitmentFactory(status=R.INTERESTED)
    contract = MoveData(contract_type=ContractType.CDD, starts_on=START, ends_on=dt.date(2028, 1, 4))
    move_recruitment(recruitment, "recruter", contract, by=recruitment.host.managers.get())
    return move_recruitment(recruitment, "finaliser", by=programme_team())


def test_the_grant_title_names_the_position_not_the_candidate(finalised):
    assert finalised.grant.title == f"Poste de conseiller numérique n° {finalised.pk} — {finalised.host.name}"
    assert finalised.candidate.last_name not in finalised.grant.title


def test_the_candidate_does_not_read_the_grant_but_the_structure_and_the_team_do(finalised):
    url = finalised.get_absolute_url()
    assert "Échéancier de la subvention" not in logged_in(finalised.candidate.user).get(url).content.decode()
    assert "Échéancier de la subvention" in logged_in(finalised.host.managers.get()).get(url).content.decode()
    team_page = logged_in(programme_team()).get(url).content.decode()
    assert "Échéancier de la subvention" in team_page and "Enregistrer un versement" in team_page


def test_the_team_records_a_payment_and_the_structure_cannot(finalised):
    url = reverse("conseillers:recruitment_payment", args=[finalised.pk])
    data = {"versement-paid_on": timezone.localdate().strftime("%d/%m/%Y"), "versement-amount": "12500"}
    assert logged_in(finalised.host.managers.get()).post(url, data).status_code == 404
    assert logged_in(finalised.candidate.user).post(url, data).status_code == 404
    assert logged_in(programme_team()).post(url, data).status_code == 302
    finalised.grant.refresh_from_db()
    assert finalised.grant.amount_paid == Decimal("12500")


def test_a_payment_above_the_grant_is_refused_in_french(finalised):
    url = reverse("conseillers:recruitment_payment", args=[finalised.pk])
    data = {"versement-paid_on": timezone.localdate().strftime("%d/%m/%Y"), "versement-amount": "60000"}
    response = logged_in(programme_team()).post(url, data)
    assert response.status_code == 400


# --- Should: prorating, tranches, rupture dates --------------------------------------------------------------------


def finalised_cdd(ends_on):
    services_training.ensure_programme_course()
    recruitment = RecruitmentFactory(status=R.INTERESTED)
    contract = MoveData(contract_type=ContractType.CDD, starts_on=START, ends_on=ends_on)
    move_recruitment(recruitment, "recruter", contract, by=recruitment.host.managers.get())
    return move_recruitment(recruitment, "finaliser", by=programme_team())


def test_a_cdd_of_a_year_keeps_half_the_grant_when_it_reaches_its_term():
    recruitment = finalised_cdd(dt.date(2027, 1, 4))
    ended = move_recruitment(recruitment, "terminer", by=programme_team())
    ended.grant.refresh_from_db()
    assert ended.grant.amount_granted == Decimal("25000.00")
    assert sum(t.amount for t in ended.grant.tranches.all()) == Decimal("25000.00")


def test_a_partly_paid_tranche_is_cut_so_that_the_tranches_add_up_to_the_grant():
    from mediane.funding import services_applications as funding

    recruitment = finalised_cdd(dt.date(2028, 1, 4))
    grant = recruitment.grant
    first = grant.tranches.order_by("planned_on").first()
    funding.record_payment(
        grant, funding.PaymentData(timezone.localdate(), Decimal("5000"), "", first), by=programme_team()
    )
    funding.end_grant_early(grant, Decimal("6250"), by=programme_team(), note="")
    grant.refresh_from_db()
    amounts = [t.amount for t in grant.tranches.order_by("planned_on")]
    assert amounts == [Decimal("6250.00")]
    assert sum(amounts) == grant.amount_granted


@pytest.mark.parametrize(
    ("rupture_on", "message"),
    [(800, "après la fin du contrat"), (30, "dans le futur")],
)
def test_a_rupture_after_the_contracts_end_or_in_the_future_is_refused(rupture_on, message):
    from mediane.conseillers.enums import RuptureReason

    today = timezone.localdate()
    recruitment = finalised_cdd(today + dt.timedelta(days=700))
    rupture_on = today + dt.timedelta(days=rupture_on)
    with pytest.raises(ProgrammeError, match=message):
        move_recruitment(
            recruitment,
            "rupture",
            MoveData(rupture_on=rupture_on, rupture_reason=RuptureReason.RESIGNATION),
            by=programme_team(),
        )
