"""The programme team's pages about money and training: the subsidies' consumption per structure and per
département (with CSV), and the advisers to enrol in the certifying training."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, DecimalField, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from mediane import numbers
from mediane.downloads import csv_download
from mediane.ratelimits import writes_limited

from . import services_training
from .enums import RecruitmentStatus
from .forms_recruitment import SessionForm
from .models_recruitment import Recruitment
from .services import ProgrammeError
from .views_access import require_team

PAGE_SIZE = 50
R = RecruitmentStatus
ZERO = Value(0, output_field=DecimalField(max_digits=12, decimal_places=2))


def _consumption(*keys: str):
    """Granted, paid and left of the recruitments' grants, grouped by `keys`: one query."""
    rows = (
        Recruitment.objects.filter(grant__isnull=False)
        .values(*keys)
        .annotate(
            advisers=Count("pk"),
            granted=Coalesce(Sum("grant__amount_granted"), ZERO),
            paid=Coalesce(Sum("grant__amount_paid"), ZERO),
        )
        .order_by(*keys)
    )
    return [{**row, "left": row["granted"] - row["paid"]} for row in rows]


@login_required
def subsidies(request):
    require_team(request)
    by_departement = _consumption("host__departement")
    if request.GET.get("format") == "csv":
        rows = _consumption("host__pk", "host__name", "host__siret", "host__departement")
        return csv_download(
            (
                [
                    r["host__name"],
                    r["host__siret"],
                    r["host__departement"],
                    r["advisers"],
                    r["granted"],
                    r["paid"],
                    r["left"],
                ]
                for r in rows
            ),
            "subventions-conseillers-numeriques.csv",
            header=[
                "Structure",
                "SIRET",
                "Département",
                "Conseillers",
                "Accordé (€)",
                "Versé (€)",
                "Reste à verser (€)",
            ],
            # With the BOM, what a French spreadsheet program opens as columns (the team reads it there).
            delimiter=";",
            bom=True,
        )
    by_host = Paginator(_consumption("host__pk", "host__name", "host__departement"), PAGE_SIZE).get_page(
        numbers.page_number(request.GET.get("page"))
    )
    totals = {key: sum(row[key] for row in by_departement) for key in ("advisers", "granted", "paid", "left")}
    return render(
        request,
        "conseillers/recruitment/subsidies.html",
        {"by_departement": by_departement, "by_host": by_host, "totals": totals},
    )


@login_required
@writes_limited
def training_status(request):
    """Finalised advisers not yet enrolled (« inscription à faire »), with a session to choose; then the enrolled
    ones with their attendance and result, as the training app records them."""
    require_team(request)
    sessions = services_training.open_sessions()
    if request.method == "POST":
        recruitment = get_object_or_404(
            Recruitment.objects.filter(status__in=[R.FINALISED, R.RENEWAL], training_enrolment__isnull=True),
            pk=_int(request.POST.get("recruitment")),
        )
        form = SessionForm(request.POST, sessions=sessions)
        if form.is_valid():
            try:
                services_training.enrol_adviser(recruitment, by=request.user, session=form.cleaned_data["session"])
            except ProgrammeError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, f"{recruitment.candidate.full_name} est inscrit·e à la formation.")
        else:
            messages.error(request, "Choisissez une session de la liste.")
        return redirect("conseillers:training_status")
    holding = Recruitment.objects.filter(status__in=[R.FINALISED, R.RENEWAL]).select_related(
        "host", "candidate", "training_enrolment__registrable"
    )
    waiting = holding.filter(training_enrolment__isnull=True)
    # The oldest 50 first (enrolling them empties the list from the top); the count is of them all.
    to_enrol = list(waiting.order_by("updated_at", "pk")[:PAGE_SIZE])
    enrolled = Paginator(
        holding.filter(training_enrolment__isnull=False).order_by("host__name", "pk"), PAGE_SIZE
    ).get_page(numbers.page_number(request.GET.get("page")))
    return render(
        request,
        "conseillers/recruitment/training_status.html",
        {
            "to_enrol": to_enrol,
            "to_enrol_count": waiting.count() if len(to_enrol) == PAGE_SIZE else len(to_enrol),
            "enrolled": enrolled,
            "sessions": sessions,
            "form": SessionForm(sessions=sessions),
            "course": services_training.programme_course(),
        },
    )


def _int(value) -> int:
    parsed = numbers.query_int(value, default=0)
    if parsed < 1:
        raise Http404
    return parsed
