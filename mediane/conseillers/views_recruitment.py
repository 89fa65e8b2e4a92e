"""Pages of recruitments: a structure's recruitments and adding a candidate, a recruitment with the moves its reader
may make, and the programme team's lists (recruitments, subsidies, training).

Thin views: every object through `visible_to(user)` (a 404 for anyone who may not see it), the move's permission
from rules.py, one service call, the service's French message back on the form.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mediane import numbers, ratelimits
from mediane.funding.forms_applications import PaymentForm
from mediane.funding.services_applications import ApplicationError, record_payment
from mediane.ratelimits import writes_limited

from . import services_recruitment as services
from . import services_subsidy, services_training, subsidy
from .enums import INTEREST_STATUSES, RecruitmentStatus
from .forms_recruitment import FORMS, ByHandForm, InterestForm, RecruitmentFilterForm
from .models import ProgrammeLog
from .models_candidates import Candidate
from .models_recruitment import Recruitment
from .recommendations import pair_feasible
from .services import ProgrammeError
from .transitions import NEXT_STEP, TRANSITIONS, transitions_from
from .views_access import host_or_404, require_team

PAGE_SIZE = 50
R = RecruitmentStatus


def _recruitment(request, pk: int) -> Recruitment:
    recruitment = (
        Recruitment.objects.visible_to(request.user)
        .select_related("host", "candidate", "grant", "training_enrolment__registrable__course")
        .filter(pk=pk)
        .first()
    )
    if recruitment is None:
        raise Http404
    return recruitment


def moves_for(user, recruitment: Recruitment) -> list:
    """The moves `user` may make on `recruitment` now, each with its empty form."""
    return [
        (transition, FORMS[transition.asks](prefix=transition.slug))
        for transition in transitions_from(recruitment.status)
        if user.has_perm(transition.permission, recruitment)
    ]


def _sees_grant(user, grant) -> bool:
    from mediane.funding.models_applications import Application

    return Application.objects.visible_to(user).filter(pk=grant.pk).exists()


def shows_grant(user, recruitment: Recruitment) -> bool:
    """The grant, its tranches and payments: the programme team and the structure's managers (funding's rule),
    never the candidate."""
    return user.has_perm("conseillers.manage_programme") or recruitment.host.managers.filter(pk=user.pk).exists()


@login_required
def host_recruitments(request, pk: int):
    """A structure's recruitments grouped by status, with its positions granted and filled in words."""
    host = host_or_404(request, pk)
    recruitments = list(
        Recruitment.objects.visible_to(request.user)
        .filter(host=host)
        .select_related("candidate")
        .order_by("status", "-updated_at", "pk")
    )
    groups = [
        (label, [r for r in recruitments if r.status == value])
        for value, label in R.choices
        if any(r.status == value for r in recruitments)
    ]
    filled = sum(1 for r in recruitments if r.holds_position)
    return render(
        request,
        "conseillers/recruitment/host_recruitments.html",
        {
            "host": host,
            "groups": groups,
            "positions": services.positions_in_words(host.positions_granted, filled),
            "can_recruit": request.user.has_perm("conseillers.recruit", host),
        },
    )


@login_required
@writes_limited
def recruitment_create(request, pk: int):
    """POST `candidate` and `interest` (from a recommendation or a candidate's page): put in touch. GET and POST of
    `email`: add a candidate by hand, with an answer that never says whether the address has an account."""
    host = host_or_404(request, pk)
    if not request.user.has_perm("conseillers.recruit", host):
        raise PermissionDenied
    form = ByHandForm()
    if request.method == "POST" and "candidate" in request.POST:
        interest = InterestForm(request.POST)
        if not interest.is_valid():
            raise Http404
        # Only a candidate this structure may act on: feasible for it (and available), or already in touch with it.
        candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=interest.cleaned_data["candidate"])
        in_touch = host.recruitments.filter(candidate=candidate, status__in=INTEREST_STATUSES).exists()
        if not in_touch and not (
            Candidate.objects.active().filter(pk=candidate.pk).exists() and pair_feasible(host, candidate)
        ):
            raise Http404
        wanted = {"oui": True, "non": False}.get(interest.cleaned_data["interest"] or "")
        try:
            recruitment = services.put_in_touch(host, candidate, by=request.user, interested=wanted)
        except ProgrammeError as error:
            messages.error(request, error.message)
            return redirect("conseillers:host_recruitments", host.pk)
        messages.success(request, "C'est noté : la candidature est dans vos recrutements.")
        return redirect(recruitment)
    if request.method == "POST":
        form = ByHandForm(request.POST)
        if form.is_valid():
            verdict = ratelimits.hit("programme-invitations", f"host:{host.pk}")
            if not verdict.allowed:
                form.add_error(
                    None,
                    f"Votre structure a déjà invité beaucoup de personnes aujourd'hui : réessayez dans {verdict.wait}.",
                )
            else:
                services.add_candidate_by_hand(host, form.cleaned_data["email"], by=request.user)
                messages.info(
                    request,
                    "Si un profil de candidat·e disponible correspond à cette adresse, la personne reçoit une "
                    "invitation par e-mail. Si elle l'accepte, elle rejoindra vos recrutements. Sinon, invitez-la à "
                    "s'inscrire comme candidate.",
                )
                return redirect("conseillers:host_recruitments", host.pk)
    return render(request, "conseillers/recruitment/create.html", {"host": host, "form": form})


@login_required
def recruitment_detail(request, pk: int):
    recruitment = _recruitment(request, pk)
    grant = recruitment.grant
    log = ProgrammeLog.objects.filter(recruitment=recruitment).order_by("at", "pk")
    return render(
        request,
        "conseillers/recruitment/detail.html",
        _detail_context(request, recruitment, grant, log),
    )


def _detail_context(request, recruitment, grant, log, *, failed=None, failed_form=None, payment_form=None) -> dict:
    moves = [
        (t, failed_form if failed is not None and t.slug == failed else form)
        for t, form in moves_for(request.user, recruitment)
    ]
    course = services_training.programme_course()
    user = request.user
    is_team = user.has_perm("conseillers.manage_programme")
    if not shows_grant(user, recruitment):
        grant = None
    can_see_host = user.has_perm("conseillers.view_host", recruitment.host)
    prorated = ""
    if (
        grant is not None
        and recruitment.status == R.RUPTURE_FINALISED
        and recruitment.starts_on
        and recruitment.rupture_on
    ):
        months = subsidy.months_worked(recruitment.starts_on, recruitment.rupture_on)
        prorated = services_subsidy.prorated_sentence(months, grant.amount_granted)
    return {
        "recruitment": recruitment,
        "next_step": NEXT_STEP[recruitment.status],
        "moves": moves,
        "grant": grant,
        "tranches": list(grant.tranches.all()) if grant else [],
        "payments": list(grant.payments.select_related("tranche")) if grant else [],
        "enrolment": recruitment.training_enrolment,
        "course": course,
        "is_team": is_team,
        "can_see_host": can_see_host,
        "can_see_candidate": user.has_perm("conseillers.view_candidate", recruitment.candidate),
        # The history holds the team's and the structure's notes (a refusal's reason): theirs to read.
        "log": log if is_team or can_see_host else [],
        "prorated": prorated,
        "grant_url": grant.get_absolute_url() if grant is not None and _sees_grant(user, grant) else "",
        "payment_form": (payment_form or PaymentForm(application=grant, prefix="versement"))
        if is_team and grant is not None
        else None,
        "training_to_do": recruitment.status in (R.FINALISED, R.RENEWAL) and recruitment.training_enrolment_id is None,
    }


@login_required
@require_POST
@writes_limited
def recruitment_move(request, pk: int, transition: str):
    recruitment = _recruitment(request, pk)
    move = TRANSITIONS.get(transition)
    if move is None:
        raise Http404
    if not request.user.has_perm(move.permission, recruitment):
        raise PermissionDenied
    form = FORMS[move.asks](request.POST, prefix=move.slug)
    if form.is_valid():
        try:
            services.move_recruitment(recruitment, move.slug, form.data_of_move(), by=request.user)
        except ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"C'est fait : {move.sentence}.")
            return redirect(recruitment)
    recruitment = _recruitment(request, pk)
    log = ProgrammeLog.objects.filter(recruitment=recruitment).order_by("at", "pk")
    context = _detail_context(request, recruitment, recruitment.grant, log, failed=move.slug, failed_form=form)
    return render(request, "conseillers/recruitment/detail.html", context, status=400)


@login_required
@require_POST
@writes_limited
def recruitment_payment(request, pk: int):
    """The programme team records a payment of the recruitment's grant, through funding's `record_payment`."""
    require_team(request)
    recruitment = _recruitment(request, pk)
    grant = recruitment.grant
    if grant is None:
        raise Http404
    form = PaymentForm(request.POST, application=grant, prefix="versement")
    if form.is_valid():
        try:
            record_payment(grant, form.payment_data(), by=request.user)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "C'est noté : le versement est enregistré.")
            return redirect(recruitment)
    recruitment = _recruitment(request, pk)
    log = ProgrammeLog.objects.filter(recruitment=recruitment).order_by("at", "pk")
    context = _detail_context(request, recruitment, recruitment.grant, log, payment_form=form)
    return render(request, "conseillers/recruitment/detail.html", context, status=400)


@login_required
@require_POST
@writes_limited
def recruitment_invitation(request, pk: int):
    """The candidate accepts (`answer=oui`) or declines (`answer=non`) a structure's invitation, from their page."""
    recruitment = _recruitment(request, pk)
    if not request.user.has_perm("conseillers.answer_invitation", recruitment):
        raise Http404
    answer = request.POST.get("answer")
    if answer not in ("oui", "non"):
        messages.error(request, "Choisissez « Accepter » ou « Refuser ».")
        return redirect("conseillers:candidate_profile")
    try:
        services.answer_invitation(recruitment, answer == "oui", by=request.user)
    except ProgrammeError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"C'est noté : {recruitment.host.name} peut maintenant lire votre CV et vous contacter."
            if answer == "oui"
            else f"C'est noté : vous avez refusé l'invitation de {recruitment.host.name}.",
        )
    return redirect("conseillers:candidate_profile")


@login_required
def recruitment_list(request):
    """The team's recruitments, « à finaliser » (recrutée) first, filtered by status and département; 50 a page."""
    require_team(request)
    form = RecruitmentFilterForm(request.GET or None)
    recruitments = Recruitment.objects.select_related("host", "candidate")
    if form.is_valid():
        status, departement = form.cleaned_data["status"], form.cleaned_data["departement"]
        if status == "a-finaliser":
            recruitments = recruitments.filter(status__in=[R.RECRUITED, R.RUPTURE])
        elif status:
            recruitments = recruitments.filter(status=status)
        if departement:
            recruitments = recruitments.filter(host__departement=departement.upper())
    recruitments = recruitments.annotate(
        to_finalise=Case(
            When(status__in=[R.RECRUITED, R.RUPTURE], then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("to_finalise", "-updated_at", "-pk")
    page = Paginator(recruitments, PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    query = urlencode({k: v for k, v in form.cleaned_data.items() if v}) if form.is_valid() else ""
    return render(request, "conseillers/recruitment/list.html", {"form": form, "page": page, "query": query})
