"""Pages of the programme's candidates: signing up and the candidate's own page (profile, CV, the structures that
showed interest, pause, deletion), a profile as its reader may see it, the CV's download, and the team's list.

Thin views: every object through `Candidate.objects.visible_to(user)` and the rules of `rules.py` (anyone else gets
a 404 that reveals nothing), one service per write, its French refusal back on the form.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from mediane import numbers
from mediane.ratelimits import writes_limited

from . import services_candidates as services
from .enums import MediationDiploma
from .forms_candidates import CandidateFilterForm, CVForm, PauseForm, ProfileForm, profile_initial
from .models import HostStructure, is_programme_team
from .models_candidates import CV_MAX_MB, Candidate, CandidateCV
from .models_recruitment import Recruitment
from .services import ProgrammeError
from .views_access import query_without_page, require_team

LIST_PAGE_SIZE = 50


def own_candidate(user) -> Candidate | None:
    if not user.is_authenticated:
        return None
    return (
        Candidate.objects.select_related("cv")
        .prefetch_related("pix_competences")
        .filter(user=user, deleted_at__isnull=True)
        .first()
    )


def _mine(request) -> Candidate:
    candidate = own_candidate(request.user)
    if candidate is None:
        raise Http404("Vous n'avez pas de profil de candidat·e.")
    return candidate


def _profile_form_page(request, form, act, template_context: dict):
    if request.method == "POST" and form.is_valid():
        try:
            act(form.cleaned_data)
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            return None
    return render(
        request,
        "conseillers/candidates/profile_form.html",
        {"form": form, **template_context},
        status=400 if form.is_bound else 200,
    )


@writes_limited
def candidate_signup(request):
    """Anonymous: what the programme asks, and the way to an account; signed in: the profile form; with a profile:
    their page."""
    if not request.user.is_authenticated:
        here = reverse("conseillers:candidate_signup")
        return render(request, "conseillers/candidates/signup_intro.html", {"next": here})
    if own_candidate(request.user) is not None:
        return redirect("conseillers:candidate_profile")
    form = ProfileForm(request.POST or None)
    response = _profile_form_page(
        request,
        form,
        lambda data: services.create_profile(request.user, data),
        {"page_title": "Devenir conseiller·e numérique : mon profil", "submit": "Enregistrer mon profil"},
    )
    if response is None:
        messages.success(request, "Votre profil est enregistré. Ajoutez maintenant votre CV.")
        return redirect("conseillers:candidate_profile")
    return response


@login_required
def candidate_profile(request):
    candidate = own_candidate(request.user)
    if candidate is None:
        return redirect("conseillers:candidate_signup")
    interests = (
        Recruitment.objects.visible_to(request.user)
        .filter(candidate=candidate)
        .showing_interest()  # the invitations waiting for an answer are listed above, apart
        .select_related("host")
        .order_by("-updated_at", "-pk")
    )
    cv = getattr(candidate, "cv", None)
    context = {
        "candidate": candidate,
        "cv": cv,
        "cv_deletion": services.cv_deletion_date(cv.uploaded_at) if cv else None,
        "reminder_days": services.CV_REMINDER_DAYS,
        "interests": interests,
        "competences": candidate.pix_competences.with_label() if candidate.pix_shared else [],
        "diplomas": [MediationDiploma(value).label for value in candidate.mediation_diplomas],
    }
    return render(request, "conseillers/candidates/profile.html", context)


@login_required
@writes_limited
def candidate_edit(request):
    candidate = _mine(request)
    form = ProfileForm(request.POST or None, initial=profile_initial(candidate))
    response = _profile_form_page(
        request,
        form,
        lambda data: services.update_profile(candidate, data, by=request.user),
        {"page_title": "Modifier mon profil", "submit": "Enregistrer les changements", "candidate": candidate},
    )
    if response is None:
        messages.success(request, "Votre profil est modifié.")
        return redirect("conseillers:candidate_profile")
    return response


@login_required
@writes_limited
def candidate_cv_upload(request):
    candidate = _mine(request)
    form = CVForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            cv = services.upload_cv(candidate, form.cleaned_data["file"], by=request.user)
        except ProgrammeError as error:
            form.add_error("file", error.message)
        else:
            deletion = services.french_date(services.cv_deletion_date(cv.uploaded_at))
            messages.success(
                request,
                f"Votre CV est enregistré. Votre CV sera supprimé le {deletion} : vous pourrez en envoyer un nouveau.",
            )
            return redirect("conseillers:candidate_profile")
    context = {"form": form, "candidate": candidate, "max_mb": CV_MAX_MB}
    return render(request, "conseillers/candidates/cv_form.html", context, status=400 if form.is_bound else 200)


@login_required
@writes_limited
def candidate_cv_delete(request):
    candidate = _mine(request)
    if request.method == "POST":
        services.delete_cv(candidate, by=request.user)
        messages.success(request, "Votre CV est supprimé.")
        return redirect("conseillers:candidate_profile")
    return render(request, "conseillers/candidates/cv_delete.html", {"candidate": candidate})


@login_required
@writes_limited
def candidate_pause(request):
    candidate = _mine(request)
    form = PauseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        paused = form.cleaned_data["paused"]
        services.pause(candidate, paused, by=request.user)
        messages.success(
            request,
            "Votre disponibilité est en pause : les structures ne vous voient plus dans leurs recommandations."
            if paused
            else "Vous êtes de nouveau disponible : les structures peuvent vous proposer un poste.",
        )
    return redirect("conseillers:candidate_profile")


@login_required
@writes_limited
def candidate_delete(request):
    candidate = _mine(request)
    if request.method == "POST":
        services.delete_profile(candidate, by=request.user)
        messages.success(request, "Votre profil de candidat·e est supprimé.")
        return redirect("accounts:profile")
    kept = candidate.recruitments.exists()
    return render(request, "conseillers/candidates/delete.html", {"candidate": candidate, "kept": kept})


def _readable(request, pk: int) -> Candidate:
    """The candidate `pk` if the reader may see them, else a 404 (never a 403: existence does not leak)."""
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user).select_related("cv"), pk=pk)
    if not request.user.has_perm("conseillers.view_candidate", candidate):
        raise Http404("Ce profil n'existe pas ou ne vous est pas accessible.")
    return candidate


def candidate_detail(request, pk):
    candidate = _readable(request, pk)
    user = request.user
    hosts = (
        HostStructure.objects.managed_by(user)
        .validated()
        .exclude(recruitments__candidate=candidate)
        .order_by("name", "pk")
        if user.is_authenticated and not candidate.deleted_at
        else HostStructure.objects.none()
    )
    context = {
        "candidate": candidate,
        "cv": getattr(candidate, "cv", None),
        "can_contact": user.has_perm("conseillers.view_candidate_contact", candidate),
        "can_cv": user.has_perm("conseillers.view_cv", candidate),
        "diplomas": [MediationDiploma(value).label for value in candidate.mediation_diplomas],
        "competences": candidate.pix_competences.with_label() if candidate.pix_shared else [],
        "hosts": list(hosts),
        "is_team": is_programme_team(user),
    }
    return render(request, "conseillers/candidates/detail.html", context)


def candidate_cv(request, pk):
    """The CV's download after `conseillers.view_cv`; anyone else, the anonymous too, gets a 404."""
    candidate = _readable(request, pk)
    if not request.user.has_perm("conseillers.view_cv", candidate):
        raise Http404("Ce document n'existe pas ou ne vous est pas accessible.")
    cv = CandidateCV.objects.filter(candidate=candidate).first()
    if cv is None:
        raise Http404("Ce·tte candidat·e n'a pas de CV.")
    if candidate.user_id != request.user.pk and not is_programme_team(request.user):
        services.record_cv_read(candidate, by=request.user)
    return cv.serve(request)


@login_required
def candidate_list(request):
    """Every candidate for the team, filtered, 50 a page. Constant queries."""
    require_team(request)
    form = CandidateFilterForm(request.GET or None)
    candidates = Candidate.objects.visible_to(request.user).filter(deleted_at__isnull=True)
    if form.is_valid():
        filters = form.cleaned_data
        if filters["departement"]:
            candidates = candidates.filter(departement=filters["departement"].strip().upper())
        if filters["situation"]:
            candidates = candidates.filter(situation=filters["situation"])
        if filters["available"] == "oui":
            candidates = candidates.filter(paused=False)
        elif filters["available"] == "pause":
            candidates = candidates.filter(paused=True)
        if filters["diploma"] == "oui":
            candidates = candidates.exclude(mediation_diplomas=[])
        elif filters["diploma"]:
            candidates = candidates.filter(mediation_diplomas__icontains=f'"{filters["diploma"]}"')
    candidates = candidates.annotate(
        has_cv=Exists(CandidateCV.objects.filter(candidate=OuterRef("pk"))),
        holding=Exists(Recruitment.objects.holding().filter(candidate=OuterRef("pk"))),
    ).order_by("available_from", "last_name", "pk")
    page = Paginator(candidates, LIST_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    return render(
        request, "conseillers/candidates/list.html", {"form": form, "page": page, "query": query_without_page(request)}
    )


# --- The account page's panel (registered in apps.py) ---


def profile_panel(request) -> dict | None:
    """« Ma candidature de conseiller numérique » for a candidate. One query."""
    if not request.user.is_authenticated:
        return None
    candidate = Candidate.objects.filter(user=request.user, deleted_at__isnull=True).values("paused").first()
    return candidate
