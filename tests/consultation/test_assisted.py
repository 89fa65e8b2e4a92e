"""Assisted contributions: a mediator records what a person said, with their consent and no account."""

from html import unescape

import pytest
from django.urls import reverse

from mediane.accounts.enums import ParticipantCategory
from mediane.accounts.models import User
from mediane.consultation.enums import AssistedChannel, ContributionSource, ContributionStatus
from mediane.consultation.models import Contribution
from tests.consultation.factories import ThemeFactory

pytestmark = pytest.mark.django_db

CONSENT = "La personne a accepté que ses propos soient publiés de façon anonyme sur le forum."


def url_of(theme):
    return reverse("consultation:assisted", args=[theme.consultation.slug, theme.slug])


def form_data(**overrides):
    data = {
        "kind": "point_vigilance",
        "title": "Les formulaires en ligne me font peur",
        "body": "Je n'ose pas remplir les démarches seule, j'ai peur de me tromper et de perdre mes droits.",
        "category": ParticipantCategory.USER,
        "postal_code": "59000",
        "channel": AssistedChannel.WORKSHOP,
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_explains_each_kind_and_asks_for_consent(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    content = client.get(url_of(theme)).content.decode()
    assert "Proposez une idée concrète que le groupe de travail pourrait retenir." in content
    assert CONSENT in content
    assert "Pendant un atelier" in content


def test_a_mediator_records_a_contribution_and_no_account_is_created(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    users_before = User.objects.count()

    response = client.post(url_of(theme), form_data())

    assert response.status_code == 302
    assert User.objects.count() == users_before
    contribution = Contribution.objects.get()
    assert contribution.author is None
    assert contribution.author_name == ""
    assert contribution.source == ContributionSource.ASSISTED
    assert contribution.is_assisted
    assert contribution.collected_by == mediator
    assert contribution.author_category == ParticipantCategory.USER
    assert contribution.author_departement == "59"
    assert contribution.assisted_channel == AssistedChannel.WORKSHOP
    assert contribution.consent_recorded_at is not None
    assert contribution.status == ContributionStatus.PUBLISHED
    theme.refresh_from_db()
    assert theme.published_count == 1


def test_after_recording_the_page_links_to_the_contribution_and_offers_another(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    response = client.post(url_of(theme), form_data(), follow=True)
    content = response.content.decode()
    contribution = Contribution.objects.get()
    assert "La contribution est enregistrée" in content
    assert contribution.get_absolute_url() in content
    assert "Recueillir une autre contribution" in content


def test_consent_is_required(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    response = client.post(url_of(theme), form_data(consent=None))
    assert response.status_code == 200
    content = response.content.decode()
    assert "sans son accord, sa contribution ne peut pas être publiée" in content
    assert "fr-checkbox-group--error" in content
    assert not Contribution.objects.exists()


def test_a_wrong_postal_code_is_explained(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    response = client.post(url_of(theme), form_data(postal_code="6900"))
    assert "« 6900 » n'est pas un code postal" in unescape(response.content.decode())
    assert not Contribution.objects.exists()


def test_the_postal_code_is_optional(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    client.post(url_of(theme), form_data(postal_code=""))
    assert Contribution.objects.get().author_departement == ""


def test_under_pre_moderation_the_recorded_contribution_waits(client, mediator):
    theme = ThemeFactory(consultation__pre_moderation=True)
    client.force_login(mediator)
    response = client.post(url_of(theme), form_data(), follow=True)
    assert Contribution.objects.get().status == ContributionStatus.PENDING
    assert "après validation" in response.content.decode()


def test_the_contribution_page_shows_who_collected_it(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    client.post(url_of(theme), form_data())
    client.logout()
    content = client.get(Contribution.objects.get().get_absolute_url()).content.decode()
    assert "recueillie par un·e médiateur·rice" in content


def test_only_mediators_may_record(client, citizen, moderator):
    theme = ThemeFactory()
    for person in (citizen, moderator):
        client.force_login(person)
        assert client.post(url_of(theme), form_data()).status_code == 403
    assert not Contribution.objects.exists()


def test_nothing_can_be_recorded_in_a_closed_theme(client, mediator):
    theme = ThemeFactory(closed=True)
    client.force_login(mediator)
    assert client.post(url_of(theme), form_data()).status_code == 403
    assert not Contribution.objects.exists()
