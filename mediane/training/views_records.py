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

# The same words whether or not the address has an account: the manager learns nothing about other accounts.
INVITATION_SENT = (
    "Si un compte existe à cette adresse, la personne verra votre invitation dans son parcours de formation."
)


@login_required
def my_record(request):
    """Courses followed, competences covered with their level, certifications, the socle minimal (met and
    missing) and, for each missing requirement, the courses that cover it. A constant number of queries."""
    record = records.record_of(request.user)
    memberships = list(StaffMember.objects.accepted_by(request.user))
    invitations = list(StaffMember.objects.invitations_for(request.user))
    managed = _managed_structures(request.user)
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
            "invitations": invitations,
            "managed": managed,
            "total": len(record.coverage.met) + len(record.coverage.missing),
        },
    )


def profile_panel(request) -> dict | None:
    """The account page's link to « Mon parcours de formation » and, for a structure's managers, to each of their
    teams (registered in apps.py). One query."""
    if not request.user.is_authenticated:
        return None
    return {"managed": _managed_structures(request.user)}


def _managed_structures(user) -> list[Structure]:
    """The structures whose team the person manages, by name: where their team pages are found. One query."""
    return list(Structure.objects.filter(managers=user).only("pk", "name").order_by("name", "pk"))


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
        {
            "structure": structure,
            "team": records.team_of(structure),
            "pending": list(StaffMember.objects.pending_of_structure(structure)),
            "form": form,
        },
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
            services.invite_staff_member(
                structure, form.cleaned_data["email"], form.cleaned_data["job_title"], request.user
            )
        except services.TrainingError as error:
            form.add_error("email", error.message)
        else:
            messages.success(request, INVITATION_SENT)
            return redirect("training:team", pk=structure.pk)
    return _team_page(request, structure, form, status=400)


@login_required
@require_POST
@writes_limited
def team_remove(request, pk, member_pk):
    structure = _managed_structure(request, pk)
    member = get_object_or_404(StaffMember, pk=member_pk, structure=structure)
    services.remove_staff_member(member, request.user)
    messages.success(request, f"{member.email} ne fait plus partie de l'équipe.")
    return redirect("training:team", pk=structure.pk)


def _answer(request, pk, action, done: str):
    member = get_object_or_404(StaffMember, pk=pk)
    try:
        action(member, request.user)
    except services.TrainingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done.format(structure=member.structure.name))
    return redirect("training:my_record")


@login_required
@require_POST
@writes_limited
def invitation_accept(request, pk):
    """The person joins the team; only an invitation made to them can be answered (else a message, no change)."""
    return _answer(
        request,
        pk,
        services.accept_invitation,
        "Vous faites maintenant partie de l'équipe de {structure}. Ses responsables voient votre parcours.",
    )


@login_required
@require_POST
@writes_limited
def invitation_decline(request, pk):
    return _answer(request, pk, services.decline_invitation, "Vous avez refusé l'invitation de {structure}.")


@login_required
@require_POST
@writes_limited
def team_leave(request, pk):
    member = get_object_or_404(StaffMember, pk=pk, user=request.user, accepted_at__isnull=False)
    services.leave_team(member, request.user)
    messages.success(request, f"Vous ne faites plus partie de l'équipe de {member.structure.name}.")
    return redirect("training:my_record")
