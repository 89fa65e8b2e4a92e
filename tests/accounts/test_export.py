"""GDPR right of access: a person downloads all their data as JSON."""

import json

import pytest
from django.urls import reverse

from mediane.accounts.enums import Role
from mediane.accounts.services import export_personal_data, grant_role
from mediane.consultation.models import Report, Support, ThemeFollow
from tests.consultation.factories import CommentFactory, ContributionFactory, ThemeFactory


@pytest.fixture
def active_citizen(citizen):
    theme = ThemeFactory(title="Publics cibles")
    ContributionFactory(author=citizen, theme=theme, title="Des ateliers le samedi", body="Le samedi matin.")
    other = ContributionFactory(theme=theme, title="Un guichet unique")
    CommentFactory(contribution=other, author=citizen, author_name="Camille", body="Bonne idée !")
    Support.objects.create(contribution=other, user=citizen)
    ThemeFollow.objects.create(theme=theme, user=citizen)
    Report.objects.create(contribution=other, reporter=citizen, reason="hors_sujet", details="Hors sujet.")
    grant_role(citizen, Role.MEDIATOR)
    return citizen


def test_the_export_holds_the_profile_addresses_and_roles(active_citizen):
    data = export_personal_data(active_citizen)

    assert data["profile"]["email"] == "camille@example.org"
    assert data["profile"]["display_name"] == "Camille"
    assert data["profile"]["category"] == "usager"
    assert data["profile"]["postal_code"] == "69003"
    assert data["profile"]["departement"] == "69"
    assert data["profile"]["charter_accepted_at"] is not None
    assert data["email_addresses"] == [{"email": "camille@example.org", "verified": True, "primary": True}]
    assert data["roles"] == [{"role": "mediateur", "label": "Médiateur·rice"}]


def test_the_export_holds_everything_the_person_did_on_the_forum(active_citizen):
    data = export_personal_data(active_citizen)

    [contribution] = data["contributions"]
    assert contribution["title"] == "Des ateliers le samedi"
    assert contribution["body"] == "Le samedi matin."
    assert contribution["kind"] == "proposition"
    assert "Publics cibles" in contribution["theme"]
    assert contribution["status"] == "publiee"
    assert contribution["created_at"]
    assert [c["body"] for c in data["comments"]] == ["Bonne idée !"]
    assert [s["contribution"] for s in data["supports"]] == ["Un guichet unique"]
    assert len(data["follows"]) == 1
    assert data["reports"][0]["reason"] == "hors_sujet"


def test_the_export_holds_nothing_of_other_people(active_citizen, librarian):
    ContributionFactory(author=librarian, title="Contribution de Leïla")

    text = json.dumps(export_personal_data(active_citizen), ensure_ascii=False)

    assert "Contribution de Leïla" not in text
    assert "leila@example.org" not in text


@pytest.mark.django_db
def test_the_export_page_downloads_a_json_file(client, active_citizen):
    client.force_login(active_citizen)

    response = client.get(reverse("accounts:export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="mediane-mes-donnees-')
    data = json.loads(response.content)
    assert data["profile"]["email"] == "camille@example.org"
    assert data["contributions"][0]["title"] == "Des ateliers le samedi"


@pytest.mark.django_db
def test_the_export_needs_an_account(client):
    response = client.get(reverse("accounts:export"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_export_holds_the_roadmap_actions_the_person_follows(active_citizen):
    from mediane.roadmap import services as roadmap_services
    from tests.roadmap.factories import ActionFactory

    action = ActionFactory(title="Former les équipes")
    roadmap_services.follow_action(active_citizen, action)

    [follow] = export_personal_data(active_citizen)["roadmap_follows"]

    assert follow["action"] == "Former les équipes"
    assert follow["origin"] == "choisi"
    assert follow["stopped_at"] is None
