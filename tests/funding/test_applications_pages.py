"""The pages of applications: a manager drafts, documents and submits; an organiser instructs, accepts, schedules and
records payments; refusals come back on the form with nothing written; lists keep a constant query count."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mediane.funding.enums import ApplicationStatus
from mediane.funding.models import Application, Payment, SupportingDocument
from tests.funding.factories import ApplicationFactory, SchemeFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def structure(librarian):
    structure = StructureFactory(name="Médiathèque de Vénissieux")
    structure.managers.add(librarian)
    return structure


def _page(response) -> str:
    return response.content.decode()


def test_a_manager_drafts_an_application_with_a_french_amount(client, librarian, structure):
    scheme = SchemeFactory(slug="dispositif-essai")
    client.force_login(librarian)
    form = client.get(reverse("funding:application_create", args=[scheme.slug]))
    assert form.status_code == 200 and "Médiathèque de Vénissieux" in _page(form)
    response = client.post(
        reverse("funding:application_create", args=[scheme.slug]),
        {
            "structure": structure.pk,
            "title": "Ateliers numériques",
            "description": "Pour les seniors.",
            "amount_requested": "12 500,50",
        },
    )
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()
    assert (application.amount_requested, application.status, application.created_by) == (
        Decimal("12500.50"),
        ApplicationStatus.DRAFT,
        librarian,
    )


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("douze mille", "n&#x27;est pas un nombre"),
        ("0", "plus grand que 0"),
        ("12,345", "deux chiffres après la virgule"),
        ("١٢", "pas un chiffre de 0 à 9"),
        ("", "Ce champ est obligatoire"),
    ],
)
def test_a_bad_amount_is_refused_on_the_form(client, librarian, structure, amount, message):
    scheme = SchemeFactory()
    client.force_login(librarian)
    response = client.post(
        reverse("funding:application_create", args=[scheme.slug]),
        {"structure": structure.pk, "title": "Ateliers", "description": "Texte", "amount_requested": amount},
    )
    assert response.status_code == 400
    assert message in _page(response)
    assert not Application.objects.exists()


def test_someone_who_manages_no_structure_is_told_how_to_apply(client, citizen):
    client.force_login(citizen)
    response = client.get(reverse("funding:application_create", args=[SchemeFactory().slug]))
    assert response.status_code == 403 and "responsable d'aucune structure" in _page(response)


def test_a_manager_cannot_apply_for_a_structure_they_do_not_manage(client, librarian, structure):
    other = StructureFactory()
    client.force_login(librarian)
    response = client.post(
        reverse("funding:application_create", args=[SchemeFactory().slug]),
        {"structure": other.pk, "title": "T", "description": "T", "amount_requested": "10"},
    )
    assert response.status_code == 400 and not Application.objects.exists()


def test_a_manager_uploads_a_document_and_submits(client, librarian, structure):
    application = ApplicationFactory(structure=structure)
    client.force_login(librarian)
    upload = SimpleUploadedFile("devis.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("funding:document_upload", args=[application.pk]), {"file": upload})
    assert response.status_code == 302
    document = SupportingDocument.objects.get()
    download = client.get(document.get_absolute_url())
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Cache-Control"] == "private, no-store"
    page = _page(client.get(application.get_absolute_url()))
    assert "devis.pdf" in page and "Déposer la demande" in page
    client.post(reverse("funding:application_submit", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert "Déposer la demande" not in _page(client.get(application.get_absolute_url()))


@pytest.mark.parametrize(
    ("content", "size", "message"),
    [
        (b"PK\x03\x04 a Word file", None, "n&#x27;est ni un PDF ni une image"),
        (PDF, 10 * 1024 * 1024 + 1, "la limite est de 10 Mo"),
    ],
)
def test_a_bad_upload_shows_the_error_on_the_form_and_writes_nothing(
    client, librarian, structure, content, size, message
):
    application = ApplicationFactory(structure=structure)
    client.force_login(librarian)
    body = content if size is None else content + b"0" * (size - len(content))
    upload = SimpleUploadedFile("piece.pdf", body, content_type="application/pdf")
    response = client.post(reverse("funding:document_upload", args=[application.pk]), {"file": upload})
    assert response.status_code == 400
    assert message in _page(response)
    assert not SupportingDocument.objects.exists() and not application.log.exists()


def test_another_structures_manager_gets_404_on_the_application_and_its_documents(
    client, librarian, structure, mediator
):
    application = ApplicationFactory(structure=structure)
    document = SupportingDocument(application=application)
    document.take_upload(SimpleUploadedFile("devis.pdf", PDF))
    document.save()
    StructureFactory().managers.add(mediator)
    client.force_login(mediator)
    for url in (
        application.get_absolute_url(),
        document.get_absolute_url(),
        reverse("funding:document_upload", args=[application.pk]),
        reverse("funding:application_edit", args=[application.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("funding:application_submit", args=[application.pk])).status_code == 404
    wrong_token = reverse("funding:document", args=[application.pk, "a" * 32])
    client.force_login(librarian)
    assert client.get(wrong_token).status_code == 404


def test_an_organiser_instructs_accepts_schedules_and_records_a_payment(client, organiser):
    application = ApplicationFactory(submitted=True, amount_requested=Decimal("60000"))
    client.force_login(organiser)
    client.post(reverse("funding:application_review", args=[application.pk]))
    refused = client.post(reverse("funding:application_accept", args=[application.pk]), {"amount_granted": "60 000,01"})
    assert refused.status_code == 400 and "dépasse le montant demandé" in _page(refused)
    client.post(reverse("funding:application_accept", args=[application.pk]), {"amount_granted": "50 000"})
    application.refresh_from_db()
    assert (application.status, application.amount_granted) == (ApplicationStatus.ACCEPTED, Decimal("50000"))
    client.post(
        reverse("funding:tranche_add", args=[application.pk]),
        {"label": "Première tranche", "planned_on": timezone.localdate().isoformat(), "amount": "30000"},
    )
    tranche = application.tranches.get()
    response = client.post(
        reverse("funding:payment_add", args=[application.pk]),
        {"paid_on": timezone.localdate().isoformat(), "amount": "30 000", "reference": "M-1", "tranche": tranche.pk},
    )
    assert response.status_code == 302
    over = client.post(
        reverse("funding:payment_add", args=[application.pk]),
        {"paid_on": timezone.localdate().isoformat(), "amount": "30 000"},
    )
    assert over.status_code == 400
    assert "porterait le total versé à 60\u202f000\u00a0€" in _page(over)
    assert Payment.objects.count() == 1
    page = _page(client.get(application.get_absolute_url()))
    assert "Première tranche" in page and "M-1" in page and "Historique" in page


def test_a_payment_before_the_decision_is_refused_on_the_form(client, organiser):
    application = ApplicationFactory(accepted=True)
    client.force_login(organiser)
    day = timezone.localdate(application.decided_at) - dt.timedelta(days=1)
    response = client.post(
        reverse("funding:payment_add", args=[application.pk]), {"paid_on": day.isoformat(), "amount": "10"}
    )
    assert response.status_code == 400 and "avant la décision" in _page(response)
    assert not Payment.objects.exists()


def test_the_manager_reads_the_refusal_and_the_history(client, librarian, structure):
    application = ApplicationFactory(structure=structure, refused=True)
    client.force_login(librarian)
    page = _page(client.get(application.get_absolute_url()))
    assert "Le projet ne concerne pas la lecture publique." in page
    assert "Prendre en instruction" not in page


def test_my_applications_lists_only_my_structures(client, librarian, structure):
    mine = ApplicationFactory(structure=structure, title="Le mien")
    ApplicationFactory(title="Celui d'une autre structure")
    client.force_login(librarian)
    page = _page(client.get(reverse("funding:my_applications")))
    assert mine.title in page and "Celui d&#x27;une autre structure" not in page


def _add_applications(count):
    for _ in range(count):
        ApplicationFactory(accepted=True)


def test_my_applications_runs_a_constant_number_of_queries(client, librarian, structure, count_queries):
    client.force_login(librarian)
    ApplicationFactory(structure=structure)
    with count_queries() as small:
        client.get(reverse("funding:my_applications"))
    for _ in range(8):
        ApplicationFactory(structure=structure, accepted=True)
    with count_queries() as large:
        client.get(reverse("funding:my_applications"))
    assert len(large) == len(small) <= 6


def test_the_instruction_list_runs_a_constant_number_of_queries(client, organiser, count_queries):
    client.force_login(organiser)
    _add_applications(2)
    with count_queries() as small:
        assert client.get(reverse("funding:instruction")).status_code == 200
    _add_applications(20)
    with count_queries() as large:
        client.get(reverse("funding:instruction"))
    assert len(large) == len(small)


def test_the_instruction_list_filters_and_survives_bad_filters(client, organiser):
    ApplicationFactory(title="Dans le Rhône", structure=StructureFactory(departement="69"), submitted=True)
    ApplicationFactory(title="En Gironde", structure=StructureFactory(departement="33"))
    client.force_login(organiser)
    page = _page(client.get(reverse("funding:instruction"), {"departement": "69"}))
    assert "Dans le Rhône" in page and "En Gironde" not in page
    page = _page(client.get(reverse("funding:instruction"), {"etat": "deposee"}))
    assert "Dans le Rhône" in page and "En Gironde" not in page
    response = client.get(reverse("funding:instruction"), {"etat": "nimporte", "dispositif": "\x00", "page": "٣"})
    assert response.status_code == 200 and "Dans le Rhône" in _page(response)


def test_the_csv_of_applications_follows_the_filters(client, organiser):
    ApplicationFactory(title="=HYPERLINK(1)", structure=StructureFactory(departement="69"))
    ApplicationFactory(title="En Gironde", structure=StructureFactory(departement="33"))
    client.force_login(organiser)
    response = client.get(reverse("funding:instruction_csv"), {"departement": "69"})
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("numero,dispositif")
    assert "'=HYPERLINK(1)" in body and "En Gironde" not in body


def test_the_admin_shows_an_application_with_its_history_and_changes_nothing(admin_client, organiser):
    application = ApplicationFactory(accepted=True, title="Vue dans l'administration")
    Payment.objects.create(application=application, paid_on=timezone.localdate(), amount=Decimal("10"))
    assert admin_client.get(reverse("admin:funding_application_changelist")).status_code == 200
    page = admin_client.get(reverse("admin:funding_application_change", args=[application.pk]))
    assert page.status_code == 200 and "Vue dans l" in _page(page)
    assert admin_client.get(reverse("admin:funding_application_add")).status_code == 403
    response = admin_client.post(reverse("admin:funding_application_delete", args=[application.pk]), {"post": "yes"})
    assert response.status_code == 403 and Application.objects.filter(pk=application.pk).exists()


def test_the_account_page_of_a_manager_links_to_their_applications(client, librarian, structure, citizen):
    ApplicationFactory(structure=structure)
    ApplicationFactory(structure=structure, submitted=True)
    client.force_login(librarian)
    page = _page(client.get(reverse("accounts:profile")))
    assert "Vos structures ont 2 demandes de financement." in page
    assert reverse("funding:my_applications") in page
    client.force_login(citizen)
    assert reverse("funding:my_applications") not in _page(client.get(reverse("accounts:profile")))


def test_the_instruction_list_pages_keep_their_filters(client, organiser):
    rhone = StructureFactory(departement="69")
    for number in range(52):
        ApplicationFactory(structure=rhone, title=f"Demande {number:02d}")
    ApplicationFactory(title="En Gironde", structure=StructureFactory(departement="33"))
    client.force_login(organiser)
    first = _page(client.get(reverse("funding:instruction"), {"departement": "69"}))
    assert "52 demandes." in first and "departement=69&amp;page=2" in first
    second = _page(client.get(reverse("funding:instruction"), {"departement": "69", "page": "2"}))
    assert second.count("Demande 0") == 2 and "En Gironde" not in second  # the two oldest, « Demande 00 » and « 01 »


def test_the_csv_gives_the_dates_of_paris_not_utc(client, organiser):
    late_evening = dt.datetime(2024, 12, 31, 23, 30, tzinfo=dt.UTC)  # 1 January 2025 in Paris
    ApplicationFactory(accepted=True, submitted_at=late_evening, decided_at=late_evening)
    client.force_login(organiser)
    body = b"".join(client.get(reverse("funding:instruction_csv")).streaming_content).decode()
    assert "2025-01-01" in body and "2024-12-31" not in body


def test_the_breadcrumb_names_the_application_once_on_its_page_and_links_it_from_its_edit_page(
    client, librarian, structure
):
    application = ApplicationFactory(structure=structure, title="Des ateliers pour les démarches en ligne")
    client.force_login(librarian)

    crumbs = _breadcrumb(client.get(application.get_absolute_url()))
    assert crumbs.count("Des ateliers pour les démarches en ligne") == 1
    edit = _breadcrumb(client.get(reverse("funding:application_edit", args=[application.pk])))
    assert f'href="{application.get_absolute_url()}">Des ateliers pour les démarches en ligne</a>' in edit


def _breadcrumb(response) -> str:
    html = _page(response)
    return html[html.index('class="fr-breadcrumb"') : html.index("</nav>", html.index('class="fr-breadcrumb"'))]
