"""The demo working group: the 2019 members, three meetings, the May decisions linked to theme 1's sources."""

from io import StringIO

import pytest
from django.core.management import call_command

from mediane.accounts.models import User
from mediane.consultation.models import Theme
from mediane.pages.demo.workinggroup import DECISIONS_MAY, MEMBERS, load_working_group
from mediane.synthesis import reports
from mediane.synthesis.models import TopicMembership
from mediane.workinggroup.enums import DecisionStatus, DossierStatus, MeetingStatus, OrganisationKind
from mediane.workinggroup.models import Decision, DecisionLog, Dossier, Meeting, Member

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_the_demo_holds_the_2019_group_and_its_may_meeting():
    summary = load_demo()

    assert "membres du groupe de travail : 15" in summary
    assert Member.objects.count() == len(MEMBERS)
    assert set(Member.objects.values_list("organisation_kind", flat=True)) == set(OrganisationKind.values)
    assert Member.objects.get(user__email="groupe@mediane.localhost").organisation.startswith("ADBGV")
    meetings = {meeting.theme.number: meeting for meeting in Meeting.objects.with_theme()}
    assert [meetings[n].status for n in (1, 2, 3)] == [MeetingStatus.HELD, MeetingStatus.PLANNED, MeetingStatus.PLANNED]
    assert meetings[1].date.isoformat() == "2019-05-23"
    assert all(meeting.agenda_html for meeting in meetings.values())
    assert meetings[1].attendees.count() == len(MEMBERS) - 2
    decisions = list(meetings[1].decisions.all())
    assert len(decisions) == len(DECISIONS_MAY)
    assert {d.status for d in decisions} == set(DecisionStatus.values)
    for decision, (_, _, _, sources) in zip(decisions, DECISIONS_MAY, strict=True):
        assert decision.contributions.count() == len(sources), decision.title
        assert {c.theme.number for c in decision.contributions.all()} == {1}
    assert DecisionLog.objects.count() == len(DECISIONS_MAY)


def test_with_a_published_synthesis_decisions_link_its_topics_and_the_dossier_is_generated():
    load_demo()
    theme = Theme.objects.get(number=1)
    run = reports.published_run(theme)
    assert run is not None, "the synthesis demo publishes theme 1 before the working group is loaded"
    organiser = User.objects.get(email="organisatrice@mediane.localhost")
    account = User.objects.get(email="groupe@mediane.localhost")
    counts = (Member.objects.count(), Meeting.objects.count(), Decision.objects.count(), Dossier.objects.count())

    load_working_group(organiser, account, lambda message: None)

    for decision in Decision.objects.prefetch_related("contributions", "topics"):
        holding = set(
            TopicMembership.objects.filter(run=run, contribution__in=decision.contributions.all()).values_list(
                "topic_id", flat=True
            )
        )
        assert holding, decision.title
        assert {topic.pk for topic in decision.topics.all()} == holding, decision.title
    dossier = Dossier.objects.get()
    assert dossier.status in {DossierStatus.SUCCEEDED, DossierStatus.PARTIAL}, dossier.error
    assert dossier.run == run
    assert (
        Member.objects.count(),
        Meeting.objects.count(),
        Decision.objects.count(),
        Dossier.objects.count(),
    ) == counts
