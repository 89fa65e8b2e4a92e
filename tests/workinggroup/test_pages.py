"""The public pages of the working group: members, meetings, minutes, decisions and their sources, dossiers."""

from html import escape

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from mediane.workinggroup.enums import DossierStatus, OrganisationKind
from mediane.workinggroup.models import Dossier
from tests.workinggroup.factories import DecisionFactory, MeetingFactory, MemberFactory, published_synthesis

pytestmark = pytest.mark.django_db

HOME = "/groupe-de-travail/"


def test_members_are_grouped_by_the_kind_of_organisation_they_represent(client):
    MemberFactory(organisation="Association des bibliothécaires de France", name="Représentant·e de l'ABF")
    MemberFactory(state=True, name="Représentant·e de l'Agence du numérique")
    MemberFactory(inactive=True, organisation="Ancienne association")

    page = client.get(HOME).content.decode()

    libraries = page.index(escape(OrganisationKind.LIBRARIES.label))
    state = page.index(escape(OrganisationKind.STATE.label))
    assert libraries < page.index("Association des bibliothécaires de France") < state
    assert state < page.index("Agence du numérique")
    assert "Ancienne association" not in page
    assert "Ajouter un membre" not in page


def test_organisers_see_former_members_and_the_management_links(client, organiser):
    MemberFactory(inactive=True, organisation="Ancienne association")
    client.force_login(organiser)

    page = client.get(HOME).content.decode()

    assert "Ancienne association" in page and "Ancien membre" in page
    assert reverse("workinggroup:member_create") in page
    assert reverse("workinggroup:decision_log") in page


def test_the_home_page_runs_the_same_queries_whatever_the_size_of_the_group(client, count_queries):
    MeetingFactory(held=True)
    MemberFactory()
    with count_queries() as small:
        client.get(HOME)
    for _ in range(2):
        meeting = MeetingFactory(held=True)
        DecisionFactory.create_batch(3, meeting=meeting)
    MemberFactory.create_batch(15)
    MemberFactory.create_batch(5, state=True)
    with count_queries() as large:
        response = client.get(HOME)

    assert response.status_code == 200
    assert "3 décisions" in response.content.decode()
    assert len(small) == len(large) == 2


def test_a_held_meeting_shows_minutes_attendees_and_decisions_with_their_sources(client):
    meeting = MeetingFactory(held=True, minutes="La séance est ouverte à **10 heures**.")
    run = published_synthesis(meeting.theme)
    member = MemberFactory(name="Représentant·e du CNFPT")
    meeting.attendees.add(member)
    decision = DecisionFactory(meeting=meeting, number=1, title="Une fiche d'orientation commune")
    decision.contributions.add(run.test_contributions[0])
    decision.topics.add(run.topics.get(position=0))

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "<strong>10 heures</strong>" in page
    assert "Représentant·e du CNFPT" in page
    assert f"Décision n° {meeting.theme.number}.1 : Une fiche d&#x27;orientation commune" in page
    assert f'id="{decision.anchor}"' in page
    assert run.test_contributions[0].get_absolute_url() in page
    assert run.topics.get(position=0).label in page


def test_a_planned_meeting_shows_its_agenda_but_no_minutes_nor_dossier_to_the_public(client):
    meeting = MeetingFactory(agenda="1. Présentation de la **synthèse**", minutes="brouillon secret")

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "<strong>synthèse</strong>" in page
    assert "brouillon secret" not in page
    assert "Dossier de la réunion" not in page


def test_the_meeting_page_runs_the_same_queries_whatever_the_number_of_decisions(client, count_queries):
    meeting = MeetingFactory(held=True)
    run = published_synthesis(meeting.theme)
    meeting.attendees.add(MemberFactory())
    DecisionFactory(meeting=meeting, number=1).contributions.add(run.test_contributions[0])
    Dossier.objects.create(meeting=meeting, run=run, status=DossierStatus.SUCCEEDED, markdown="d.md")
    with count_queries() as small:
        client.get(meeting.get_absolute_url())
    for number in range(2, 7):
        decision = DecisionFactory(meeting=meeting, number=number)
        decision.contributions.add(*run.test_contributions[:3])
        decision.topics.add(*run.topics.all())
    meeting.attendees.add(*MemberFactory.create_batch(8))
    Dossier.objects.create(meeting=meeting, run=run, status=DossierStatus.SUCCEEDED, markdown="e.md")
    with count_queries() as large:
        response = client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert len(small) == len(large) == 6


def test_the_public_downloads_the_dossier_once_the_meeting_is_held(client, settings, tmp_path):
    meeting = MeetingFactory(held=True)
    dossier = Dossier.objects.create(meeting=meeting, status=DossierStatus.SUCCEEDED)
    dossier.markdown.save("dossier.md", ContentFile(b"# D"))

    page = client.get(meeting.get_absolute_url()).content.decode()
    response = client.get(reverse("workinggroup:dossier_markdown", args=[dossier.pk]))

    assert reverse("workinggroup:dossier_markdown", args=[dossier.pk]) in page
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"# D"
    assert response["Content-Type"].startswith("text/markdown")
    assert client.get(reverse("workinggroup:dossier_pdf", args=[dossier.pk])).status_code == 404


def test_before_the_meeting_only_the_group_reads_the_dossier(client, wg_member):
    meeting = MeetingFactory()
    dossier = Dossier.objects.create(meeting=meeting, status=DossierStatus.SUCCEEDED)
    dossier.markdown.save("dossier.md", ContentFile(b"# D"))
    url = reverse("workinggroup:dossier_markdown", args=[dossier.pk])

    assert client.get(url).status_code == 403
    client.force_login(wg_member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    response = client.get(url)

    assert "il sera public après la réunion" in page and url in page
    assert response.status_code == 200
    response.close()


def test_failed_dossiers_are_only_listed_for_organisers(client, wg_member, organiser):
    meeting = MeetingFactory()
    Dossier.objects.create(meeting=meeting, status=DossierStatus.FAILED, error="La génération du dossier a échoué")

    client.force_login(wg_member)
    assert "a échoué" not in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(organiser)
    assert "a échoué" in client.get(meeting.get_absolute_url()).content.decode()


def test_an_unknown_meeting_is_not_found(client):
    assert client.get("/groupe-de-travail/reunions/999/").status_code == 404


def test_the_pdf_opens_in_the_browser_and_is_not_indexed(client):
    meeting = MeetingFactory(held=True)
    dossier = Dossier.objects.create(meeting=meeting, status=DossierStatus.SUCCEEDED)
    dossier.pdf.save("dossier.pdf", ContentFile(b"%PDF-1.7 test"))

    response = client.get(reverse("workinggroup:dossier_pdf", args=[dossier.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Robots-Tag"] == "noindex"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 test"
