"""Pages of funding applications: a structure's managers draft, edit and submit theirs (« Mes demandes »);
organisers (perm `funding.instruct`) list, instruct and decide every one, plan its payments and record them.

Thin views: fetch through `Application.objects.visible_to(user)` (anyone else gets a 404 that reveals nothing),
check the permission of the action, call one service, redirect or render. The services' French messages go back on
the form, with nothing written.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mediane import numbers
from mediane.downloads import csv_download
from mediane.ratelimits import writes_limited
from mediane.structures.models import Structure

from . import services_applications as services
from .forms_applications import (
    AcceptForm,
    ApplicationForm,
    DocumentForm,
    InstructionFilterForm,
    PaymentForm,
    RefuseForm,
    TrancheForm,
)
from .models import Scheme
from .models_applications import Application, SupportingDocument, Tranche

LIST_PAGE_SIZE = 50
CSV_HEADER = [
    "numero",
    "dispositif",
    "structure",
    "siret",
    "departement",
    "intitule",
    "etat",
    "montant_demande",
    "montant_accorde",
    "montant_verse",
    "deposee_le",
    "decidee_le",
]


def _application(request, pk: int) -> Application:
    return get_object_or_404(Application.objects.visible_to(request.user).for_listing(), pk=pk)


def _require_instructor(request) -> None:
    if not request.user.has_perm("funding.instruct"):
        raise PermissionDenied


def _instructed(request, pk: int) -> Application:
    """An application for an organiser's action: 404 when unseen, 403 for a manager who may see it."""
    application = _application(request, pk)
    _require_instructor(request)
    return application


@login_required
def my_applications(request):
    """The applications of the structures the person manages, the latest first. One query."""
    applications = list(Application.objects.managed_by(request.user).for_listing().order_by("-created_at", "-pk"))
    has_structures = bool(applications) or Structure.objects.filter(managers=request.user).exists()
    return render(
        request,
        "funding/applications/mine.html",
        {"applications": applications, "has_structures": has_structures},
    )


@login_required
@writes_limited
def application_create(request, slug):
    """A new draft for the scheme `slug`, by a manager of one of their structures."""
    scheme = get_object_or_404(Scheme.objects.public(), slug=slug)
    if scheme.closed_on:  # its period is over: say so on its page rather than offer a form the service refuses
        messages.error(request, f"{scheme.closed_text} : il ne reçoit plus de demande.")
        return redirect(scheme)
    structures = Structure.objects.filter(managers=request.user).order_by("name", "pk")
    if not structures.exists():
        return render(request, "funding/applications/no_structure.html", {"scheme": scheme}, status=403)
    # The finder links here with its structure chosen (`?structure=`); a number it is not, or a structure the person
    # does not manage, is simply not chosen.
    chosen = numbers.query_int(request.GET.get("structure"), default=0)
    initial = {"structure": chosen} if chosen and any(s.pk == chosen for s in structures) else None
    form = ApplicationForm(request.POST or None, structures=structures, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.create_application(
                scheme, form.cleaned_data["structure"], form.application_data(), by=request.user
            )
        except services.ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                "Le brouillon est enregistré. Ajoutez vos pièces justificatives, puis déposez la demande.",
            )
            return redirect(application)
    return render(
        request,
        "funding/applications/form.html",
        {"form": form, "scheme": scheme, "page_title": f"Demander un financement : {scheme}"},
        status=400 if form.is_bound else 200,
    )


@login_required
def application_detail(request, pk):
    application = _application(request, pk)
    user = request.user
    instructor = user.has_perm("funding.instruct")
    context = {
        "application": application,
        "log": list(application.log.all()),
        "tranches": list(application.tranches.all()),
        "payments": list(application.payments.select_related("tranche")),
        "documents": list(application.documents.all()),
        "document_form": DocumentForm(),
        "instructor": instructor,
        "can_edit": user.has_perm("funding.edit_application", application),
    }
    return render(request, "funding/applications/detail.html", context)


@login_required
@writes_limited
def application_edit(request, pk):
    application = _application(request, pk)
    if not request.user.has_perm("funding.edit_application", application):
        if application.is_draft:
            raise PermissionDenied
        messages.error(request, "Cette demande est déposée : elle ne peut plus être modifiée.")
        return redirect(application)
    initial = {
        "title": application.title,
        "description": application.description,
        "amount_requested": application.amount_requested,
    }
    form = ApplicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_application(application, form.application_data(), by=request.user)
        except services.ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Les modifications sont enregistrées.")
            return redirect(application)
    return render(
        request,
        "funding/applications/form.html",
        {"form": form, "application": application, "scheme": application.scheme, "page_title": "Modifier le brouillon"},
        status=400 if form.is_bound else 200,
    )


def _form_page(request, application: Application, form, act, done: str, page_title: str, submit: str, **extra):
    """A form about one application: on a valid POST, `act(cleaned_data)` calls one service, then back to the
    application with `done`; the service's French refusal goes back on the form (400), with nothing written."""
    if request.method == "POST" and form.is_valid():
        try:
            act(form.cleaned_data)
        except services.ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done)
            return redirect(application)
    context = {"form": form, "application": application, "page_title": page_title, "submit": submit, **extra}
    return render(request, "funding/applications/action_form.html", context, status=400 if form.is_bound else 200)


@login_required
@writes_limited
def document_upload(request, pk):
    """A GET shows the form alone; the detail page posts here too. An error comes back with the form."""
    application = _application(request, pk)
    if not request.user.has_perm("funding.edit_application", application):
        raise PermissionDenied
    return _form_page(
        request,
        application,
        DocumentForm(request.POST or None, request.FILES or None),
        lambda data: services.add_document(application, data["file"], by=request.user),
        "La pièce est ajoutée.",
        "Ajouter une pièce justificative",
        "Envoyer la pièce",
        multipart=True,
    )


def _document(request, pk: int, token: str) -> SupportingDocument:
    application = _application(request, pk)
    return get_object_or_404(
        SupportingDocument.objects.select_related("application"), application=application, token=token
    )


@login_required
def document_download(request, pk, token):
    """Served only after the application was found among those the person may see (else a 404)."""
    document = _document(request, pk, token)
    if not request.user.has_perm("funding.view_application", document.application):
        raise PermissionDenied
    return document.serve(request)


@login_required
@require_POST
@writes_limited
def document_remove(request, pk, token):
    document = _document(request, pk, token)
    if not request.user.has_perm("funding.edit_application", document.application):
        raise PermissionDenied
    return _act(
        request,
        document.application,
        lambda: services.remove_document(document, by=request.user),
        "La pièce est retirée.",
    )


def _act(request, application: Application, action, done: str):
    try:
        action()
    except services.ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(application)


@login_required
@require_POST
@writes_limited
def application_submit(request, pk):
    application = _application(request, pk)
    if not request.user.has_perm("funding.apply", application):
        raise PermissionDenied
    return _act(
        request,
        application,
        lambda: services.submit_application(application, by=request.user),
        "Votre demande est déposée. Elle ne peut plus être modifiée ; vous suivez ici son instruction.",
    )


@login_required
@require_POST
@writes_limited
def application_review(request, pk):
    application = _instructed(request, pk)
    return _act(
        request,
        application,
        lambda: services.start_review(application, by=request.user),
        "La demande est en instruction.",
    )


@login_required
@writes_limited
def application_accept(request, pk):
    application = _instructed(request, pk)
    return _form_page(
        request,
        application,
        AcceptForm(request.POST or None),
        lambda data: services.accept_application(
            application, data["amount_granted"], by=request.user, note=data.get("note") or ""
        ),
        "La demande est acceptée. Vous pouvez prévoir l'échéancier et enregistrer les versements.",
        "Accepter la demande",
        "Accepter la demande",
    )


@login_required
@writes_limited
def application_refuse(request, pk):
    application = _instructed(request, pk)
    return _form_page(
        request,
        application,
        RefuseForm(request.POST or None),
        lambda data: services.refuse_application(application, data["reason"], by=request.user),
        "La demande est refusée. La structure lit le motif sur la page de sa demande.",
        "Refuser la demande",
        "Refuser la demande",
    )


@login_required
@writes_limited
def tranche_add(request, pk):
    application = _instructed(request, pk)
    return _form_page(
        request,
        application,
        TrancheForm(request.POST or None),
        lambda data: services.add_tranche(
            application, data["label"], data["planned_on"], data["amount"], by=request.user
        ),
        "L'échéance est ajoutée.",
        "Ajouter une échéance",
        "Ajouter",
    )


@login_required
@require_POST
@writes_limited
def tranche_remove(request, pk, tranche_pk):
    application = _instructed(request, pk)
    tranche = get_object_or_404(Tranche, pk=tranche_pk, application=application)
    return _act(
        request,
        application,
        lambda: services.remove_tranche(tranche, by=request.user),
        "L'échéance est retirée.",
    )


@login_required
@writes_limited
def payment_add(request, pk):
    application = _instructed(request, pk)
    form = PaymentForm(request.POST or None, application=application)
    return _form_page(
        request,
        application,
        form,
        lambda data: services.record_payment(application, form.payment_data(), by=request.user),
        "Le versement est enregistré.",
        "Enregistrer un versement",
        "Enregistrer le versement",
    )


def _filtered(request):
    form = InstructionFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    applications = Application.objects.visible_to(request.user).for_listing().order_by("-created_at", "-pk")
    if "etat" in filters:
        applications = applications.filter(status=filters["etat"])
    if "dispositif" in filters:
        applications = applications.filter(scheme=filters["dispositif"])
    if "departement" in filters:
        applications = applications.filter(structure__departement=filters["departement"])
    return form, applications


@login_required
def instruction_list(request):
    """Every application, filtered by status, scheme and département, 50 a page. Constant queries."""
    _require_instructor(request)
    form, applications = _filtered(request)
    page = Paginator(applications, LIST_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "funding/applications/instruction.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@login_required
def instruction_csv(request):
    _require_instructor(request)
    _form, applications = _filtered(request)

    def rows():
        for application in applications.iterator(chunk_size=500):
            yield [
                application.pk,
                application.scheme.name,
                application.structure.name,
                application.structure.siret,
                application.structure.departement,
                application.title,
                application.get_status_display(),
                application.amount_requested,
                application.amount_granted if application.amount_granted is not None else "",
                application.amount_paid,
                timezone.localdate(application.submitted_at).isoformat() if application.submitted_at else "",
                timezone.localdate(application.decided_at).isoformat() if application.decided_at else "",
            ]

    return csv_download(rows(), "demandes-de-financement.csv", header=CSV_HEADER)


# --- Panels on other apps' pages (registered in apps.py) -------------------------------------------------------


def profile_panel(request) -> dict | None:
    """The account page's link to « Mes demandes de financement », for a manager of a structure. One query."""
    if not request.user.is_authenticated:
        return None
    managed = Structure.objects.filter(managers=request.user).aggregate(
        structures=Count("pk", distinct=True), applications=Count("funding_applications", distinct=True)
    )
    return managed if managed["structures"] else None
