"""The demo working group: the 2019 members and its three meetings, held on their dates, with decisions linked to
the contributions and the synthesis topics of their theme; nobody is shown as a demo account on its public page."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from mediane.accounts.models import User
from mediane.consultation.models import Theme
from mediane.pages.demo.meetings import DECISIONS, EXCUSED
from mediane.pages.demo.workinggroup import MEMBERS, load_working_group
from mediane.synthesis import reports
from mediane.synthesis.models import TopicMembership
from mediane.workinggroup.enums import DecisionStatus, DossierStatus, MeetingStatus, OrganisationKind
from mediane.workinggroup.models import Decision, DecisionLog, Dossier, Meeting, Member

pytestmark = pytest.mark.django_db
CONSULTATION = "inclusion-numerique-bibliotheques"


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_the_demo_holds_the_2019_group_and_its_three_meetings():
    summary = load_demo()

    assert "membres du groupe de travail : 15" in summary
    assert Member.objects.count() == len(MEMBERS)
    assert set(Member.objects.values_list("organisation_kind", flat=True)) == set(OrganisationKind.values)
    assert Member.objects.get(user__email="groupe@mediane.localhost").organisation.startswith("ADBGV")
    meetings = {meeting.theme.number: meeting for meeting in Meeting.objects.with_theme()}
    assert [meetings[n].status for n in (1, 2, 3)] == [MeetingStatus.HELD] * 3
    assert [meetings[n].date.isoformat() for n in (1, 2, 3)] == ["2019-05-23", "2019-07-04", "2019-09-26"]
    for number, meeting in meetings.items():
        assert meeting.agenda_html and meeting.minutes
        assert meeting.attendees.count() == len(MEMBERS) - len(EXCUSED[number])
        decisions = list(meeting.decisions.all())
        assert len(decisions) == len(DECISIONS[number])
        for decision, (_, _, _, sources) in zip(decisions, DECISIONS[number], strict=True):
            assert decision.contributions.count() == len(sources), decision.title
            assert {c.theme.number for c in decision.contributions.all()} == {number}
    assert {d.status for d in Decision.objects.all()} == set(DecisionStatus.values)
    assert DecisionLog.objects.count() == sum(len(rows) for rows in DECISIONS.values())


def test_decisions_link_the_topics_of_the_published_synthesis_and_the_may_dossier_is_generated_once():
    load_demo()
    organiser = User.objects.get(email="organisatrice@mediane.localhost")
    account = User.objects.get(email="groupe@mediane.localhost")
    counts = (Member.objects.count(), Meeting.objects.count(), Decision.objects.count(), Dossier.objects.count())

    load_working_group(organiser, account, lambda message: None)

    for decision in Decision.objects.select_related("meeting__theme").prefetch_related("contributions", "topics"):
        run = reports.published_run(decision.meeting.theme)
        assert run is not None, "each theme of 2019 has its synthesis published before its meeting"
        holding = set(
            TopicMembership.objects.filter(run=run, contribution__in=decision.contributions.all()).values_list(
                "topic_id", flat=True
            )
        )
        assert holding, decision.title
        assert {topic.pk for topic in decision.topics.all()} == holding, decision.title
    dossier = Dossier.objects.get()
    assert dossier.status in {DossierStatus.SUCCEEDED, DossierStatus.PARTIAL}, dossier.error
    assert dossier.meeting.theme == Theme.objects.get(consultation__slug=CONSULTATION, number=1)
    assert (
        Member.objects.count(),
        Meeting.objects.count(),
        Decision.objects.count(),
        Dossier.objects.count(),
    ) == counts


def test_the_public_working_group_page_shows_no_demo_account(client):
    load_demo()

    html = client.get(reverse("workinggroup:home")).content.decode()

    assert "Représentant·e de l'ADBGV" in html or "Représentant·e de l&#x27;ADBGV" in html
    assert "démonstration" not in html
