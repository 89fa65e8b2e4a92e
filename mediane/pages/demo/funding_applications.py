"""The demo's funding applications: a few libraries of the Rhône (those of the charter's demo) asking for the seeded
schemes, at every stage — a draft, a submitted one, one in instruction, one refused, and two accepted with their
payment schedule and a first payment. The demo manager (`responsable@mediane.localhost`, Pôle lecture Terraillon,
Bron) has the accepted Conseiller numérique application and a draft with a supporting document.

Projects and amounts are illustrative (each description says so), except the Conseiller numérique grant of
€50,000 per adviser, the public figure of the programme. Every write goes through
`mediane.funding.services_applications`, each at its date (`clock.py`); loading twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mediane.accounts.models import User
from mediane.funding import services_applications as services
from mediane.funding.models import Application, Payment, Scheme
from mediane.jobs.queue import without_emails
from mediane.pages.demo import clock
from mediane.pages.demo.charter import MANAGER_LIBRARY
from mediane.pages.demo.consultation import paris
from mediane.structures.models import Structure

ILLUSTRATIVE = "\n\n*Projet et montants donnés à titre d'exemple pour la démonstration.*"
# A one-page PDF, small and valid, for the supporting documents of the demo.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _draft(scheme: Scheme, structure: Structure, manager: User, title: str, text: str, amount: str) -> Application:
    data = services.ApplicationData(title, text + ILLUSTRATIVE, Decimal(amount))
    return services.create_application(scheme, structure, data, by=manager)


def load_applications(organiser: User, manager: User, step: Callable[[str], None]) -> dict[str, int]:
    """The demo's applications; nobody is told by e-mail (the people of the demo do not exist)."""
    if Application.objects.exists():
        return summary()
    with without_emails():
        _load(organiser, manager, step)
    return summary()


def _load(organiser: User, manager: User, step: Callable[[str], None]) -> None:
    step("financements : les demandes des bibliothèques")
    schemes = {scheme.slug: scheme for scheme in Scheme.objects.all()}
    structures = {
        s.source_id: s for s in Structure.objects.filter(source_id__startswith="bib-").prefetch_related("managers")
    }

    def library(source_id: str) -> tuple[Structure, User] | None:
        structure = structures.get(source_id)
        if structure is None:
            step(f"financements : la bibliothèque {source_id} n'est pas dans l'annuaire de démonstration")
            return None
        person = manager if source_id == MANAGER_LIBRARY else structure.managers.first()
        if person is None:
            return None
        structure.managers.add(person)
        return structure, person

    now = timezone.now()
    bron = library(MANAGER_LIBRARY)
    if bron and "conseiller-numerique" in schemes:
        structure, person = bron
        with clock.at(paris(2021, 2, 22, 10)):
            application = _draft(
                schemes["conseiller-numerique"],
                structure,
                person,
                "Un conseiller numérique pour le pôle lecture",
                "Accueillir un conseiller numérique pendant deux ans : des ateliers chaque semaine, de l'aide aux "
                "démarches en ligne sur rendez-vous, et des permanences dans les deux annexes.",
                "50000",
            )
            services.add_document(application, SimpleUploadedFile("fiche-de-poste.pdf", TINY_PDF), by=person)
            services.submit_application(application, by=person)
        with clock.at(paris(2021, 3, 10, 14)):
            services.start_review(application, by=organiser)
        with clock.at(paris(2021, 4, 19, 11)):
            services.accept_application(application, Decimal("50000"), by=organiser, note="Un poste sur deux ans.")
            services.add_tranche(application, "Première année", dt.date(2021, 5, 15), Decimal("25000"), by=organiser)
            services.add_tranche(application, "Seconde année", dt.date(2022, 5, 15), Decimal("25000"), by=organiser)
        with clock.at(paris(2021, 5, 21, 9)):
            first = application.tranches.order_by("planned_on").first()
            services.record_payment(
                application,
                services.PaymentData(dt.date(2021, 5, 20), Decimal("25000"), "CNUM-2021-0142", first),
                by=organiser,
            )
    if bron and "dgd-bibliotheques" in schemes:
        structure, person = bron
        with clock.at(now - dt.timedelta(days=3)):
            draft = _draft(
                schemes["dgd-bibliotheques"],
                structure,
                person,
                "Ouvrir le dimanche et équiper l'espace numérique",
                "Ouvrir le pôle lecture le dimanche après-midi, et renouveler les huit postes de l'espace numérique.",
                "24000",
            )
            services.add_document(draft, SimpleUploadedFile("devis-postes.pdf", TINY_PDF), by=person)

    stories = [
        ("bib-LI3037", "ctl-cdli", "Lectures et numérique dans les quartiers", "18000", "submitted", None),
        ("bib-LI20754", "fonds-europeens", "Un bus numérique pour les villages", "65000", "review", None),
        ("bib-LI3073", "bibliotheques-numeriques-de-reference", "Une bibliothèque numérique de référence", "120000",
         "refused", paris(2023, 12, 4, 15)),
        ("bib-LI3053", "dgd-bibliotheques", "Un espace de médiation numérique", "24000", "accepted",
         paris(2024, 6, 17, 10)),
    ]  # fmt: skip
    for source_id, slug, title, amount, stage, decided in stories:
        found = library(source_id)
        if found is None or slug not in schemes:
            continue
        structure, person = found
        started = decided - dt.timedelta(days=90) if decided else now - dt.timedelta(days=40)
        with clock.at(started):
            application = _draft(
                schemes[slug], structure, person, title, "Le projet de la bibliothèque, en quelques lignes.", amount
            )
            services.submit_application(application, by=person)
        if stage == "submitted":
            continue
        with clock.at(started + dt.timedelta(days=20)):
            services.start_review(application, by=organiser)
        if stage == "review":
            continue
        with clock.at(decided):
            if stage == "refused":
                services.refuse_application(
                    application,
                    "La commission a retenu d'autres projets cette année. Vous pouvez déposer de nouveau l'an "
                    "prochain, avec le budget d'investissement détaillé.",
                    by=organiser,
                )
                continue
            services.accept_application(application, Decimal("18000"), by=organiser)
            services.add_tranche(application, "Avance", decided.date(), Decimal("9000"), by=organiser)
            services.add_tranche(application, "Solde", decided.date() + dt.timedelta(days=365), Decimal("9000"),
                                 by=organiser)  # fmt: skip
        with clock.at(decided + dt.timedelta(days=30)):
            services.record_payment(
                application,
                services.PaymentData((decided + dt.timedelta(days=29)).date(), Decimal("9000"), "DGD-2024-77"),
                by=organiser,
            )


def summary() -> dict[str, int]:
    return {
        "demandes de financement": Application.objects.count(),
        "versements": Payment.objects.count(),
    }
