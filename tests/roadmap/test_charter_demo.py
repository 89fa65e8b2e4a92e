"""The demo's charter: version 1 (January 2020) and 2 (June 2021), signed by libraries of the Rhône of the demo
directory, the demo manager's library asked to renew; loading twice changes nothing."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from mediane.pages.demo import charter, consultation, today
from mediane.pages.demo.consultation import PARIS
from mediane.pages.demo.places import load_places
from mediane.roadmap.models import CharterSignature, CharterVersion
from tests.accounts.factories import UserFactory
from tests.consultation.factories import ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(organiser):
    manager = UserFactory(email="responsable@mediane.localhost")
    load_places(organiser, lambda message: None)
    summary = charter.load_charter(organiser, manager, lambda message: None)
    return manager, summary


def test_the_demo_charter_has_two_versions_published_at_their_dates(loaded):
    _, summary = loaded
    first, second = CharterVersion.objects.order_by("number")

    assert first.published_at.astimezone(PARIS).date() == dt.date(2020, 1, 27)
    assert second.published_at.astimezone(PARIS).date() == dt.date(2021, 6, 14)
    assert "ce n'est pas un texte officiel" in first.text
    assert first.text_html.count("<li>") == 8
    assert second.text_html.count("<li>") == 9
    assert "conseillers numériques" in second.changes
    assert summary == {"versions de la charte": 2, "signatures de la charte": 8}


def test_libraries_of_the_rhone_signed_and_the_demo_manager_is_asked_to_renew(loaded):
    manager, _ = loaded
    latest = list(CharterSignature.objects.latest_per_structure())

    assert len(latest) == 6
    assert {signature.structure.departement for signature in latest} == {"69"}
    assert sorted(signature.version.number for signature in latest) == [1, 1, 1, 2, 2, 2]
    theirs = manager.managed_structures.get()
    assert theirs.commune == "Bron"
    assert [signature.version.number for signature in latest if signature.structure == theirs] == [1]
    for signature in CharterSignature.objects.all():
        assert signature.structure.managers.filter(pk=signature.signed_by_id).exists()
        assert signature.signed_at >= signature.version.published_at


def test_loading_the_demo_charter_twice_changes_nothing(loaded, organiser):
    manager, summary = loaded
    assert charter.load_charter(organiser, manager, lambda message: None) == summary
    assert CharterVersion.objects.count() == 2


def test_a_demo_loaded_before_the_charter_existed_gets_it_once(db):
    ConsultationFactory(slug=consultation.CONSULTATION["slug"])
    ConsultationFactory(slug=today.CONSULTATION["slug"])
    UserFactory(email="organisatrice@mediane.localhost")

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Charte de démonstration chargée : 2 versions, 8 signatures." in out.getvalue()
    assert CharterSignature.objects.filter(signed_by__email="responsable@mediane.localhost").count() == 1

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert out.getvalue().strip() == "Données de démonstration déjà chargées : rien à faire."
