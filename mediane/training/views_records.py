"""A person's training record (« Mon parcours de formation »), its panel on the account page, and a structure's
team as its managers see it: who covers the socle minimal, what is missing, and the nearest courses."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mediane.ratelimits import writes_limited
from mediane.structures.models import Structure

from . import records, services
from .forms import StaffMemberForm
from .models import StaffMember


@login_required
def my_record(request):
    """Courses followed, competences covered with their level, certifications, the socle minimal (met and
    missing) and, for each missing requirement, the courses that cover it. A constant number of queries."""
    record = records.record_of(request.user)
    memberships = list(StaffMember.objects.filter(user=request.user).select_related("structure"))
    missing = [
        (requirement, record.courses.get(requirement.competence_id, [])) for requirement in record.coverage.missing
    ]
    return render(
        request,
        "training/my_record.html",
        {
            "record": record,
            "missing": missing,
            "memberships": memberships,
            "total": len(record.coverage.met) + len(record.coverage.missing),
        },
    )


def profile_panel(request) -> dict | None:
    """The account page's link to « Mon parcours de formation » (registered in apps.py). No query."""
    if not request.user.is_authenticated:
        return None
    return {}


def _managed_structure(request, pk: int) -> Structure:
    """The structure if the person manages it (or is an organiser); « not found » otherwise, so that a stranger
    learns nothing, not even that the structure has a team."""
    structure = get_object_or_404(Structure, pk=pk)
    if not request.user.has_perm("training.manage_team", structure):
        raise Http404("Cette page n'existe pas, ou vous n'êtes pas responsable de cette structure.")
    return structure


def _team_page(request, structure: Structure, form: StaffMemberForm, status: int = 200):
    return render(
        request,
        "training/team.html",
        {"structure": structure, "team": records.team_of(structure), "form": form},
        status=status,
    )


@login_required
def team(request, pk):
    structure = _managed_structure(request, pk)
    return _team_page(request, structure, StaffMemberForm())


@login_required
@require_POST
@writes_limited
def team_add(request, pk):
    structure = _managed_structure(request, pk)
    form = StaffMemberForm(request.POST)
    if form.is_valid():
        try:
            member = services.add_staff_member(
                structure, form.cleaned_data["email"], form.cleaned_data["job_title"], request.user
            )
        except services.TrainingError as error:
            form.add_error("email", error.message)
        else:
            messages.success(request, f"{member.user} fait maintenant partie de l'équipe.")
            return redirect("training:team", pk=structure.pk)
    return _team_page(request, structure, form, status=400)


@login_required
@require_POST
@writes_limited
def team_remove(request, pk, member_pk):
    structure = _managed_structure(request, pk)
    member = get_object_or_404(StaffMember, pk=member_pk, structure=structure)
    services.remove_staff_member(member, request.user)
    messages.success(request, f"{member.user} ne fait plus partie de l'équipe.")
    return redirect("training:team", pk=structure.pk)
