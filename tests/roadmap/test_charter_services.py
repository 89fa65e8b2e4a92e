"""The charter's writes: versions (drafts change, published ones never do; numbers follow), publication (older
signatories are asked to renew, by e-mail after the commit) and signatures (only a structure's manager, only the
version in force, once)."""

import pytest
from django.core import mail
from django.db import IntegrityError

from mediane.roadmap import services_charter
from mediane.roadmap.models import CharterSignature, CharterVersion
from mediane.roadmap.services_charter import CharterDraft, CharterError
from tests.roadmap.factories import CharterSignatureFactory, CharterVersionFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

DRAFT = CharterDraft(title="Charte de l'inclusion numérique en bibliothèque", text="1. Accueillir **chacun**.")


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.MEDIANE_BASE_URL = "https://mediane.example.org"


def managed_structure(user, **kwargs):
    structure = StructureFactory(**kwargs)
    structure.managers.add(user)
    return structure


# --- Versions -------------------------------------------------------------------------------------------------


def test_an_organiser_writes_the_first_version_as_a_draft(organiser):
    version = services_charter.write_version(organiser, DRAFT)

    assert version.number == 1
    assert version.published_at is None
    assert "<strong>chacun</strong>" in version.text_html
    assert version.created_by == organiser


def test_numbers_follow_and_one_draft_at_a_time(organiser):
    CharterVersionFactory(number=1)
    draft = services_charter.write_version(organiser, DRAFT)
    assert draft.number == 2

    with pytest.raises(CharterError, match="La version 2 est déjà en préparation"):
        services_charter.write_version(organiser, DRAFT)
    assert CharterVersion.objects.count() == 2


def test_a_draft_changes_but_a_published_version_never_does(organiser):
    draft = CharterVersionFactory(draft=True, number=1)
    services_charter.update_version(organiser, draft, CharterDraft(title="Titre", text="Nouveau *texte*."))
    draft.refresh_from_db()
    assert draft.text_html == "<p>Nouveau <em>texte</em>.</p>"

    services_charter.publish_version(organiser, draft)
    with pytest.raises(CharterError, match="La version 1 est publiée : elle ne change plus"):
        services_charter.update_version(organiser, draft, CharterDraft(title="Titre", text="Autre chose."))
    draft.refresh_from_db()
    assert draft.text == "Nouveau *texte*."


def test_a_version_with_an_empty_text_is_refused_in_words(organiser):
    with pytest.raises(CharterError, match="Le texte de la charte est vide"):
        services_charter.write_version(organiser, CharterDraft(title="Charte", text="   "))
    assert not CharterVersion.objects.exists()


def test_a_version_is_published_once(organiser):
    version = CharterVersionFactory(number=1)
    with pytest.raises(CharterError, match="déjà publiée"):
        services_charter.publish_version(organiser, version)


def test_a_new_version_asks_the_managers_of_older_signatories_to_renew_by_email(
    organiser, librarian, citizen, django_capture_on_commit_callbacks
):
    first = CharterVersionFactory(number=1)
    signed = managed_structure(librarian, name="Médiathèque de Bron")
    signed.managers.add(citizen)
    CharterSignatureFactory(version=first, structure=signed)
    StructureFactory(name="Bibliothèque sans signature").managers.add(citizen)
    second = CharterVersionFactory(draft=True, number=2, changes="Un engagement sur les données personnelles.")

    with django_capture_on_commit_callbacks(execute=True):
        services_charter.publish_version(organiser, second)

    assert sorted(message.to[0] for message in mail.outbox) == sorted([librarian.email, citizen.email])
    body = mail.outbox[0].body
    assert "Médiathèque de Bron" in body
    assert "Bibliothèque sans signature" not in body
    assert "Un engagement sur les données personnelles." in body
    assert "https://mediane.example.org/feuille-de-route/charte/versions/2/" in body
    assert list(services_charter.structures_to_renew(second)) == [signed]


def test_the_first_version_sends_no_email(organiser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services_charter.publish_version(organiser, CharterVersionFactory(draft=True, number=1))
    assert mail.outbox == []


# --- Signatures -------------------------------------------------------------------------------------------------


def test_a_library_manager_signs_the_charter_for_their_structure(librarian):
    version = CharterVersionFactory(number=1)
    structure = managed_structure(librarian)

    signature = services_charter.sign_charter(librarian, structure, version, "  Directrice de la médiathèque ")

    assert signature.structure == structure
    assert signature.version == version
    assert signature.signed_by == librarian
    assert signature.signatory_function == "Directrice de la médiathèque"


def test_someone_who_does_not_manage_the_structure_cannot_sign_for_it(librarian, citizen):
    version = CharterVersionFactory(number=1)
    structure = managed_structure(librarian, name="Médiathèque de Bron")

    with pytest.raises(CharterError, match="Vous n'êtes pas responsable de « Médiathèque de Bron »"):
        services_charter.sign_charter(citizen, structure, version, "Bibliothécaire")
    assert not CharterSignature.objects.exists()


def test_only_the_version_in_force_is_signed(librarian):
    old = CharterVersionFactory(number=1)
    CharterVersionFactory(number=2)
    draft = CharterVersionFactory(number=3, draft=True)
    structure = managed_structure(librarian)

    for version in (old, draft):
        with pytest.raises(CharterError, match=f"La version {version.number} n'est pas la version en vigueur.*2"):
            services_charter.sign_charter(librarian, structure, version, "Directrice")
    assert not CharterSignature.objects.exists()


def test_a_structure_signs_a_version_once(librarian):
    version = CharterVersionFactory(number=1)
    structure = managed_structure(librarian, name="Médiathèque de Bron")
    services_charter.sign_charter(librarian, structure, version, "Directrice")

    with pytest.raises(CharterError, match="« Médiathèque de Bron » a déjà signé la version 1 de la charte le "):
        services_charter.sign_charter(librarian, structure, version, "Directrice")
    assert CharterSignature.objects.count() == 1


def test_a_simultaneous_second_signature_gives_the_already_signed_message(librarian, monkeypatch):
    version = CharterVersionFactory(number=1)
    structure = managed_structure(librarian)
    CharterSignatureFactory(version=version, structure=structure)
    # The check found nothing (the other signature was not committed yet): the constraint answers.
    real_filter = CharterSignature.objects.filter
    calls = []

    def first_finds_nothing(*args, **kwargs):
        calls.append(1)
        found = real_filter(*args, **kwargs)
        return found.none() if len(calls) == 1 else found

    monkeypatch.setattr(CharterSignature.objects, "filter", first_finds_nothing)
    with pytest.raises(CharterError, match="a déjà signé la version 1"):
        services_charter.sign_charter(librarian, structure, version, "Directrice")
    assert CharterSignature.objects.count() == 1


def test_a_function_with_a_control_character_is_refused(librarian):
    version = CharterVersionFactory(number=1)
    structure = managed_structure(librarian)
    with pytest.raises(CharterError):
        services_charter.sign_charter(librarian, structure, version, "Directrice\x1b")
    assert not CharterSignature.objects.exists()


def test_the_database_keeps_one_signature_per_version_and_structure():
    signature = CharterSignatureFactory()
    with pytest.raises(IntegrityError):
        CharterSignatureFactory(version=signature.version, structure=signature.structure)


def test_the_latest_signature_of_each_structure():
    first, second = CharterVersionFactory(number=1), CharterVersionFactory(number=2)
    renewed, late = StructureFactory(), StructureFactory()
    CharterSignatureFactory(version=first, structure=renewed)
    newest = CharterSignatureFactory(version=second, structure=renewed)
    old = CharterSignatureFactory(version=first, structure=late)

    assert set(CharterSignature.objects.latest_per_structure()) == {newest, old}
    assert CharterVersion.objects.current() == second
