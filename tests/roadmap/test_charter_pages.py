"""The charter's pages: the public page and its signing block, past versions, the signatories as open data, and
the organisers' pages; who may open each (persona × URL), and a constant number of queries on the lists."""

import csv
import io
import json

import pytest
from django.core import mail
from django.urls import reverse

from mediane.roadmap.models import CharterSignature, CharterVersion
from tests.roadmap.factories import CharterSignatureFactory, CharterVersionFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

CHARTER = reverse("roadmap:charter")
SIGN = reverse("roadmap:charter_sign")


@pytest.fixture
def manager(librarian):
    """A librarian who manages the Médiathèque de Bron."""
    structure = StructureFactory(name="Médiathèque de Bron", commune="Bron", departement="69", siret="21690029700019")
    structure.managers.add(librarian)
    librarian.structure = structure
    return librarian


@pytest.fixture
def charter_world(manager):
    published = CharterVersionFactory(number=1, text="Le texte **publié**.")
    draft = CharterVersionFactory(number=2, draft=True, text="Un brouillon secret.")
    return published, draft


# --- Who opens what ---------------------------------------------------------------------------------------------

PERSONAS = ["outsider", "citizen", "manager", "organiser"]
ORGANISERS_ONLY = {"outsider": 302, "citizen": 403, "manager": 403, "organiser": 200}
SIGNED_IN = {"outsider": 302, "citizen": 200, "manager": 200, "organiser": 200}
EVERYONE = dict.fromkeys(PERSONAS, 200)
# URL name, its parameters (the published version is number 1, the draft number 2), and the status per persona.
MATRIX = [
    ("roadmap:charter", {}, EVERYONE),
    ("roadmap:charter_version", {"number": 1}, EVERYONE),
    ("roadmap:charter_version", {"number": 2}, {"outsider": 404, "citizen": 404, "manager": 404, "organiser": 200}),
    ("roadmap:charter_version", {"number": 9}, dict.fromkeys(PERSONAS, 404)),
    ("roadmap:charter_sign", {}, SIGNED_IN),
    ("roadmap:charter_signatories_csv", {}, EVERYONE),
    ("roadmap:charter_signatories_json", {}, EVERYONE),
    ("roadmap:charter_manage", {}, ORGANISERS_ONLY),
    ("roadmap:charter_version_create", {}, ORGANISERS_ONLY),
    ("roadmap:charter_version_edit", {"number": 2}, ORGANISERS_ONLY),
    ("roadmap:charter_version_publish", {"number": 2}, ORGANISERS_ONLY),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "kwargs", "expected"), MATRIX, ids=lambda value: str(value))
def test_who_opens_each_page_of_the_charter(client, request, charter_world, persona, name, kwargs, expected):
    user = request.getfixturevalue(persona)
    if user.is_authenticated:
        client.force_login(user)

    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == expected[persona]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    # The draft's text reaches the organisers only, on the pages of that version.
    assert (b"Un brouillon secret" in body) is (persona == "organiser" and kwargs.get("number") == 2)


def test_a_published_version_is_not_edited_or_published_again(client, organiser, charter_world):
    client.force_login(organiser)
    for name in ("roadmap:charter_version_edit", "roadmap:charter_version_publish"):
        response = client.post(reverse(name, kwargs={"number": 1}), {"title": "X", "text": "Y"}, follow=True)
        assert "La version 1 est publiée : elle ne change plus." in response.content.decode()
    assert CharterVersion.objects.get(number=1).text == "Le texte **publié**."


# --- The public page and signing -------------------------------------------------------------------------------


def test_the_charter_page_shows_the_text_in_force_and_never_a_draft(client, charter_world):
    html = client.get(CHARTER).content.decode()

    assert "Le texte <strong>publié</strong>." in html
    assert "Un brouillon secret" not in html
    assert "Version 1, en vigueur depuis le" in html
    assert "Connectez-vous pour signer pour votre structure" in html
    assert "charte de participation" in html  # the other charter, told apart


def test_a_library_manager_signs_the_charter_for_their_structure(client, manager, charter_world):
    client.force_login(manager)
    html = client.get(CHARTER).content.decode()
    assert "Votre structure n'a pas encore signé la charte." in html
    assert 'action="/feuille-de-route/charte/signer/"' in html

    response = client.post(
        SIGN,
        {"structure": manager.structure.pk, "version": 1, "function": "Directrice", "commitment": "on"},
        follow=True,
    )

    html = response.content.decode()
    assert "« Médiathèque de Bron » a signé la version 1 de la charte." in html
    assert "Votre structure a signé la version 1 le " in html
    signature = CharterSignature.objects.get()
    assert (signature.structure, signature.signed_by, signature.signatory_function) == (
        manager.structure,
        manager,
        "Directrice",
    )
    assert "Signer la charte</button>" not in html  # nothing left to sign


def test_a_signature_for_a_structure_one_does_not_manage_is_refused_in_french(client, citizen, manager, charter_world):
    client.force_login(citizen)

    response = client.post(
        SIGN, {"structure": manager.structure.pk, "version": 1, "function": "Bénévole", "commitment": "on"}
    )

    assert response.status_code == 200
    assert "Vous n&#x27;êtes pas responsable de « Médiathèque de Bron »" in response.content.decode()
    assert not CharterSignature.objects.exists()


def test_a_signature_without_the_commitment_says_what_to_fix(client, manager, charter_world):
    client.force_login(manager)

    response = client.post(SIGN, {"structure": manager.structure.pk, "version": 1, "function": ""})

    html = response.content.decode()
    assert "Écrivez votre fonction dans la structure." in html
    assert "Cochez la case pour dire que votre structure s&#x27;engage" in html
    assert not CharterSignature.objects.exists()


def test_a_signature_of_a_version_that_is_no_longer_in_force_is_refused(client, manager, charter_world):
    published, _ = charter_world
    CharterVersionFactory(number=3)
    client.force_login(manager)

    response = client.post(
        SIGN, {"structure": manager.structure.pk, "version": 1, "function": "Directrice", "commitment": "on"}
    )

    assert "La version 1 n&#x27;est pas la version en vigueur de la charte : lisez la version 3" in (
        response.content.decode()
    )
    assert not CharterSignature.objects.exists()


def test_someone_who_manages_no_structure_is_told_how_to_become_a_manager(client, citizen, charter_world, settings):
    settings.MEDIANE_CONTACT_EMAIL = "contact@mediane.example.org"
    client.force_login(citizen)

    html = client.get(CHARTER).content.decode()

    assert "Vous n'êtes responsable d'aucune structure sur ce site." in html
    assert 'href="mailto:contact@mediane.example.org"' in html
    assert citizen.email in html


def test_a_new_version_asks_the_manager_to_renew(client, manager, organiser, django_capture_on_commit_callbacks):
    first = CharterVersionFactory(number=1)
    CharterSignatureFactory(version=first, structure=manager.structure)
    second = CharterVersionFactory(number=2, draft=True, changes="Un engagement de plus : les données personnelles.")
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("roadmap:charter_version_publish", kwargs={"number": 2}))
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.is_published
    assert [message.to for message in mail.outbox] == [[manager.email]]

    client.force_login(manager)
    html = client.get(CHARTER).content.decode()
    assert "Une nouvelle version est parue : renouvelez votre signature." in html
    assert "Un engagement de plus : les données personnelles." in html
    assert "À renouveler" in html

    client.post(SIGN, {"structure": manager.structure.pk, "version": 2, "function": "Directrice", "commitment": "on"})
    html = client.get(CHARTER).content.decode()
    assert "Votre structure a signé la version 2 le " in html
    assert "À renouveler" not in html


# --- Organisers ---------------------------------------------------------------------------------------------------


def test_an_organiser_writes_a_draft_edits_it_and_publishes_it(client, organiser, django_capture_on_commit_callbacks):
    client.force_login(organiser)
    create = reverse("roadmap:charter_version_create")
    response = client.post(create, {"title": "Charte", "text": "1. Accueillir chacun."})
    assert response.status_code == 302
    draft = CharterVersion.objects.get()
    assert (draft.number, draft.is_published) == (1, False)
    assert "Un brouillon" not in client.get(CHARTER).content.decode()

    edit = reverse("roadmap:charter_version_edit", kwargs={"number": 1})
    client.post(edit, {"title": "Charte", "text": "1. Accueillir chacun et chacune."})
    version_page = client.get(reverse("roadmap:charter_version", kwargs={"number": 1})).content.decode()
    assert "Cette version est un brouillon" in version_page
    assert "Accueillir chacun et chacune." in version_page
    publish = reverse("roadmap:charter_version_publish", kwargs={"number": 1})
    assert "Aucune structure n'a signé de version précédente" in client.get(publish).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(publish)

    html = client.get(CHARTER).content.decode()
    assert "Accueillir chacun et chacune." in html
    assert "Version 1, en vigueur depuis le" in html


def test_an_empty_version_is_refused_with_what_to_fix(client, organiser):
    client.force_login(organiser)
    response = client.post(reverse("roadmap:charter_version_create"), {"title": "Charte", "text": ""})
    assert response.status_code == 200
    assert "Ce n'est pas encore fait" in response.content.decode()
    assert not CharterVersion.objects.exists()


def test_a_second_draft_is_refused_in_words(client, organiser):
    CharterVersionFactory(number=1, draft=True)
    client.force_login(organiser)
    response = client.post(reverse("roadmap:charter_version_create"), {"title": "Charte", "text": "Texte"})
    assert "La version 1 est déjà en préparation" in response.content.decode()
    assert CharterVersion.objects.count() == 1


# --- Open data ------------------------------------------------------------------------------------------------------


def signatories(count: int):
    first, second = CharterVersionFactory(number=1), CharterVersionFactory(number=2)
    for index in range(count):
        structure = StructureFactory(siret="", commune=f"Commune {index}")
        CharterSignatureFactory(version=first if index % 2 else second, structure=structure)
    return first, second


def test_the_signatories_are_open_data_without_any_name_or_email(client, manager):
    first = CharterVersionFactory(number=1)
    CharterSignatureFactory(version=first, structure=manager.structure, signed_by=manager)
    CharterVersionFactory(number=2)

    response = client.get(reverse("roadmap:charter_signatories_csv"))
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "structure",
        "siret",
        "commune",
        "code_insee",
        "departement",
        "version_signee",
        "signee_le",
        "a_jour",
    ]
    assert rows[1][:6] == ["Médiathèque de Bron", "21690029700019", "Bron", "69383", "69", "1"]
    assert rows[1][7] == "non"
    assert manager.email not in text
    assert manager.display_name not in text

    response = client.get(reverse("roadmap:charter_signatories_json"))
    data = json.loads(b"".join(response.streaming_content))
    assert data[0]["structure"] == "Médiathèque de Bron"
    assert data[0]["a_jour"] == "non"
    assert response["Content-Disposition"].startswith("attachment")


# --- Queries -------------------------------------------------------------------------------------------------------


def count(client, url, count_queries) -> int:
    with count_queries() as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [CHARTER, reverse("roadmap:charter_signatories_csv")])
@pytest.mark.parametrize("persona", ["outsider", "manager"])
def test_the_signatories_lists_run_a_constant_number_of_queries(client, request, count_queries, url, persona):
    user = request.getfixturevalue(persona)
    if user.is_authenticated:
        client.force_login(user)
    signatories(1)
    few = count(client, url, count_queries)
    for index in range(12):
        structure = StructureFactory(siret="")
        CharterSignatureFactory(version=CharterVersion.objects.get(number=index % 2 + 1), structure=structure)
    if user.is_authenticated:
        user.managed_structures.add(*StructureFactory.create_batch(3))
    assert count(client, url, count_queries) == few


def test_signing_is_a_write_counted_by_the_rate_limit(client, manager, charter_world, settings, limiter_clock):
    settings.MEDIANE_API_RATE_USER = "2/m"
    client.force_login(manager)
    data = {"structure": manager.structure.pk, "version": 1, "function": "", "commitment": "on"}

    assert [client.post(SIGN, data).status_code for _ in range(3)] == [200, 200, 429]
    assert not CharterSignature.objects.exists()


def test_the_organisers_list_of_versions_runs_a_constant_number_of_queries(client, organiser, count_queries):
    client.force_login(organiser)
    CharterSignatureFactory(version=CharterVersionFactory(number=1))
    url = reverse("roadmap:charter_manage")
    few = count(client, url, count_queries)
    for number in range(2, 8):
        CharterSignatureFactory(version=CharterVersionFactory(number=number))
    CharterVersionFactory(number=8, draft=True)
    assert count(client, url, count_queries) == few
