"""The services of applications: the transitions table, the audit log, the granted amount, the documents."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mediane.funding import services_applications as services
from mediane.funding.enums import ApplicationEvent, ApplicationStatus
from mediane.funding.models import Application, ApplicationLog, SupportingDocument
from tests.accounts.factories import UserFactory
from tests.funding.factories import ApplicationFactory, SchemeFactory
from tests.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

S = ApplicationStatus
TRAITS = {
    S.DRAFT: {},
    S.SUBMITTED: {"submitted": True},
    S.UNDER_REVIEW: {"under_review": True},
    S.ACCEPTED: {"accepted": True},
    S.REFUSED: {"refused": True},
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _move(application, to, by):
    if to == S.SUBMITTED:
        return services.submit_application(application, by=by)
    if to == S.UNDER_REVIEW:
        return services.start_review(application, by=by)
    if to == S.ACCEPTED:
        return services.accept_application(application, Decimal("1000"), by=by)
    if to == S.REFUSED:
        return services.refuse_application(application, "Hors du champ du dispositif.", by=by)
    raise AssertionError(to)


def test_the_table_names_every_status():
    assert set(services.ALLOWED_TRANSITIONS) == set(S.values)


@pytest.mark.parametrize("before", [s for s in S.values])
@pytest.mark.parametrize("after", [s for s in S.values if s != S.DRAFT])
def test_only_the_moves_of_the_table_are_allowed(organiser, before, after):
    application = ApplicationFactory(**TRAITS[before])
    logged = ApplicationLog.objects.count()
    if after in services.ALLOWED_TRANSITIONS[before]:
        moved = _move(application, after, organiser)
        assert moved.status == after
        entry = ApplicationLog.objects.latest("pk")
        assert (entry.from_status, entry.to_status, entry.actor, entry.actor_name) == (
            before,
            after,
            organiser,
            "l'équipe d'instruction",
        )
    else:
        with pytest.raises(services.ApplicationError) as error:
            _move(application, after, organiser)
        assert "ne peut pas devenir" in error.value.message
        application.refresh_from_db()
        assert application.status == before
        assert ApplicationLog.objects.count() == logged


def test_a_whole_life_is_written_to_the_history(librarian, organiser):
    structure = StructureFactory()
    structure.managers.add(librarian)
    data = services.ApplicationData("Ateliers seniors", "Des ateliers.", Decimal("12500.50"))
    application = services.create_application(SchemeFactory(), structure, data, by=librarian)
    services.submit_application(application, by=librarian)
    services.start_review(application, by=organiser)
    services.accept_application(application, Decimal("10000"), by=organiser, note="Bon projet.")

    entries = list(application.log.values_list("from_status", "to_status", "actor_name", "note"))
    assert entries == [
        ("", S.DRAFT, "Leïla", "Brouillon créé."),
        (S.DRAFT, S.SUBMITTED, "Leïla", ""),
        (S.SUBMITTED, S.UNDER_REVIEW, "l'équipe d'instruction", ""),
        (S.UNDER_REVIEW, S.ACCEPTED, "l'équipe d'instruction", "Bon projet."),
    ]
    application.refresh_from_db()
    assert application.amount_granted == Decimal("10000")
    assert application.decided_at is not None and application.submitted_at is not None


def test_a_grant_above_the_amount_requested_is_refused(organiser):
    application = ApplicationFactory(under_review=True, amount_requested=Decimal("20000"))
    with pytest.raises(services.ApplicationError, match="dépasse le montant demandé"):
        services.accept_application(application, Decimal("20000.01"), by=organiser)
    application.refresh_from_db()
    assert application.status == S.UNDER_REVIEW and application.amount_granted is None


def test_a_grant_of_exactly_the_amount_requested_is_accepted(organiser):
    application = ApplicationFactory(under_review=True, amount_requested=Decimal("20000"))
    assert services.accept_application(application, Decimal("20000"), by=organiser).amount_granted == 20000


def test_a_refusal_needs_a_reason_that_the_structure_reads(organiser):
    application = ApplicationFactory(under_review=True)
    with pytest.raises(services.ApplicationError, match="motif"):
        services.refuse_application(application, "  ", by=organiser)
    refused = services.refuse_application(application, "Le budget est épuisé pour 2026.", by=organiser)
    assert refused.decision_note == "Le budget est épuisé pour 2026."


def test_a_submitted_application_can_no_longer_be_changed(librarian):
    application = ApplicationFactory(submitted=True)
    data = services.ApplicationData("Autre", "Autre texte.", Decimal("1"))
    with pytest.raises(services.ApplicationError, match="ne peut plus être modifiée"):
        services.update_application(application, data, by=librarian)


@pytest.mark.parametrize(
    ("title", "amount", "message"),
    [
        ("", Decimal("10"), "L'intitulé du projet est vide"),
        ("Titre\x1b", Decimal("10"), "U\\+001B"),
        ("Titre", Decimal("0"), "plus grand que 0"),
        ("Titre", Decimal("0.001"), "deux chiffres après la virgule"),
        ("Titre", Decimal("100000000.01"), "au plus"),
    ],
)
def test_a_bad_draft_is_refused_and_nothing_is_written(librarian, title, amount, message):
    structure = StructureFactory()
    with pytest.raises(services.ApplicationError, match=message):
        services.create_application(
            SchemeFactory(), structure, services.ApplicationData(title, "Texte", amount), by=librarian
        )
    assert not Application.objects.exists() and not ApplicationLog.objects.exists()


def test_an_unpublished_scheme_takes_no_application(librarian):
    with pytest.raises(services.ApplicationError, match="pas publié"):
        services.create_application(
            SchemeFactory(unpublished=True),
            StructureFactory(),
            services.ApplicationData("Titre", "Texte", Decimal("10")),
            by=librarian,
        )


def test_a_document_is_added_to_a_draft_and_audited(librarian):
    application = ApplicationFactory()
    document = services.add_document(
        application, SimpleUploadedFile("budget prévisionnel.pdf", PDF, "application/pdf"), by=librarian
    )
    assert document.original_name == "budget prévisionnel.pdf"
    assert "budget" not in document.file.name and len(document.token) >= 30
    assert application.log.get(event=ApplicationEvent.DOCUMENT).note == "budget prévisionnel.pdf"


def test_a_document_that_is_not_a_pdf_nor_an_image_is_refused_and_nothing_is_written(librarian):
    application = ApplicationFactory()
    upload = SimpleUploadedFile("budget.pdf", b"<html><body>%PDF-</body></html>", "application/pdf")
    with pytest.raises(services.ApplicationError, match="n'est ni un PDF ni une image"):
        services.add_document(application, upload, by=librarian)
    assert not SupportingDocument.objects.exists() and not application.log.exists()


def test_documents_of_a_submitted_application_do_not_change(librarian):
    application = ApplicationFactory(submitted=True)
    with pytest.raises(services.ApplicationError, match="ses pièces ne changent plus"):
        services.add_document(application, SimpleUploadedFile("a.pdf", PDF), by=librarian)


def test_a_removed_document_is_audited(librarian, django_capture_on_commit_callbacks):
    application = ApplicationFactory()
    document = services.add_document(application, SimpleUploadedFile("devis.pdf", PDF), by=librarian)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_document(document, by=librarian)
    assert not SupportingDocument.objects.exists()
    assert application.log.filter(event=ApplicationEvent.DOCUMENT_REMOVED, note="devis.pdf").exists()


def test_the_decision_date_is_kept(organiser):
    application = ApplicationFactory(under_review=True)
    accepted = services.accept_application(application, Decimal("5"), by=organiser)
    assert accepted.decided_at.date() >= dt.date(2020, 1, 1)


def _reviewed(manager, organiser):
    structure = StructureFactory()
    structure.managers.add(manager)
    application = services.create_application(
        SchemeFactory(), structure, services.ApplicationData("Titre", "Texte", Decimal("10")), by=manager
    )
    services.submit_application(application, by=manager)
    services.start_review(application, by=organiser)
    return application


def test_the_history_never_shows_an_email_address(organiser):
    application = _reviewed(UserFactory(email="sans.nom@example.org", display_name=""), organiser)
    names = set(application.log.values_list("actor_name", flat=True))
    assert names == {"un responsable de la structure", "l'équipe d'instruction"}
    assert not any("@" in name for name in names)


def test_a_deleted_account_leaves_the_history_without_its_name(librarian, organiser):
    application = _reviewed(librarian, organiser)
    librarian.delete()
    organiser.delete()
    entries = list(application.log.order_by("pk").values_list("actor", "actor_name"))
    assert entries == [(None, ""), (None, ""), (None, "l'équipe d'instruction")]


def test_an_organiser_who_manages_the_structure_does_not_instruct_its_application(organiser):
    application = ApplicationFactory(submitted=True)
    application.structure.managers.add(organiser)
    with pytest.raises(services.ApplicationError, match="une autre personne de l'équipe d'instruction"):
        services.start_review(application, by=organiser)
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


def test_an_organiser_who_manages_the_structure_neither_decides_nor_pays(organiser):
    reviewed = ApplicationFactory(under_review=True)
    accepted = ApplicationFactory(accepted=True)
    for application in (reviewed, accepted):
        application.structure.managers.add(organiser)
    with pytest.raises(services.ApplicationError, match="responsable de la structure"):
        services.accept_application(reviewed, Decimal("10"), by=organiser)
    with pytest.raises(services.ApplicationError, match="responsable de la structure"):
        services.refuse_application(reviewed, "Non.", by=organiser)
    with pytest.raises(services.ApplicationError, match="responsable de la structure"):
        services.add_tranche(accepted, "Avance", timezone.localdate(), Decimal("10"), by=organiser)
    with pytest.raises(services.ApplicationError, match="responsable de la structure"):
        services.record_payment(
            accepted, services.PaymentData(timezone.localdate(), Decimal("10"), "REF"), by=organiser
        )
    assert not ApplicationLog.objects.exists()
