"""Views of the working group. Thin: fetch and check access, call one service, redirect or render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mediane import numbers
from mediane.consultation.enums import ContributionKind
from mediane.consultation.models import Contribution, Theme
from mediane.synthesis import reports
from mediane.synthesis.enums import TopicKind

from . import services
from .enums import DecisionStatus, OrganisationKind
from .forms import PROPOSALS_OFFERED, DecisionForm, MeetingForm, MemberForm, MinutesForm
from .models import Decision, DecisionLog, Dossier, Meeting, Member
from .services import DecisionDraft, MemberData, WorkingGroupError

LOG_PAGE_SIZE = 50
DOSSIERS_SHOWN = 10  # the most recent generations; older files stay in storage


def _require(request, permission: str, obj=None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


# --- Public pages ------------------------------------------------------------------------------------------


def home(request):
    """Members grouped by the kind of organisation they represent, and the meetings. Three queries."""
    can_manage = request.user.has_perm("workinggroup.manage")
    members = Member.objects.in_display_order()
    if not can_manage:
        members = members.active()
    groups: dict[str, list[Member]] = {}
    for member in members:
        groups.setdefault(member.organisation_kind, []).append(member)
    member_groups = [(kind.label, groups[kind.value]) for kind in OrganisationKind if kind.value in groups]
    meetings = Meeting.objects.with_theme().annotate(decisions_total=Count("decisions")).order_by("date", "pk")
    return render(
        request,
        "workinggroup/home.html",
        {
            "member_groups": member_groups,
            "members_total": sum(len(group) for _, group in member_groups),
            "meetings": meetings,
            "can_manage": can_manage,
        },
    )


def _get_meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.with_theme(), pk=pk)


def meeting_detail(request, pk):
    """A meeting: agenda; once held, minutes, attendees and decisions with their sources; the dossiers."""
    meeting = _get_meeting(pk)
    user = request.user
    can_manage = user.has_perm("workinggroup.manage", meeting)
    can_view_dossier = user.has_perm("workinggroup.view_dossier", meeting)
    attendees: list[Member] = []
    decisions: list[Decision] = []
    if meeting.is_held:
        attendees = list(meeting.attendees.in_display_order())
        decisions = list(meeting.decisions.with_links())
    dossiers: list[Dossier] = []
    if can_view_dossier:
        rows = meeting.dossiers.select_related("run")
        dossiers = list((rows if can_manage else rows.ready())[:DOSSIERS_SHOWN])
    return render(
        request,
        "workinggroup/meeting.html",
        {
            "meeting": meeting,
            "theme": meeting.theme,
            "attendees": attendees,
            "decisions": decisions,
            "dossiers": dossiers,
            "has_active_dossier": any(dossier.is_active for dossier in dossiers),
            "can_manage": can_manage,
            "can_view_dossier": can_view_dossier,
            "can_generate": user.has_perm("workinggroup.generate_dossier", meeting),
        },
    )


def dossier_download(request, pk, file_format):
    """The PDF or Markdown file of a ready dossier, for those who may read the meeting's dossier."""
    dossier = get_object_or_404(Dossier.objects.select_related("meeting__theme"), pk=pk)
    _require(request, "workinggroup.view_dossier", dossier.meeting)
    stored = dossier.pdf if file_format == "pdf" else dossier.markdown
    if not stored or not dossier.is_ready:
        raise Http404("Ce fichier n'est pas disponible.")
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:
        raise Http404("Ce fichier n'est plus disponible : générez un nouveau dossier.") from error
    content_type = "application/pdf" if file_format == "pdf" else "text/markdown; charset=utf-8"
    response = FileResponse(
        handle, as_attachment=file_format != "pdf", filename=stored.name.rsplit("/", 1)[-1], content_type=content_type
    )
    response["X-Robots-Tag"] = "noindex"
    return response


# --- Organisers: members -------------------------------------------------------------------------------


def _member_data(form: MemberForm) -> MemberData:
    data = form.cleaned_data
    return MemberData(
        name=data["name"],
        title=data["title"],
        organisation=data["organisation"],
        organisation_kind=data["organisation_kind"],
        account_email=data["account_email"],
        is_active=data["is_active"],
        position=data["position"],
    )


@login_required
def member_create(request):
    _require(request, "workinggroup.manage")
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.add_member(request.user, _member_data(form))
        except WorkingGroupError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{member.name} fait maintenant partie du groupe de travail.")
            return redirect("workinggroup:home")
    return render(request, "workinggroup/member_form.html", {"form": form, "member": None})


@login_required
def member_edit(request, pk):
    _require(request, "workinggroup.manage")
    member = get_object_or_404(Member.objects.select_related("user"), pk=pk)
    form = MemberForm.for_member(member, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_member(request.user, member, _member_data(form))
        except WorkingGroupError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"La fiche de {member.name} est enregistrée.")
            return redirect("workinggroup:home")
    return render(request, "workinggroup/member_form.html", {"form": form, "member": member})


# --- Organisers: meetings and minutes --------------------------------------------------------------------


@login_required
def meeting_create(request):
    _require(request, "workinggroup.manage")
    themes = (
        Theme.objects.filter(meeting__isnull=True).select_related("consultation").order_by("consultation", "number")
    )
    first = themes.first()
    initial = {"date": first.meeting_date} if first else {}
    form = MeetingForm(request.POST or None, themes=themes, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.schedule_meeting(
                request.user, data["theme"], date=data["date"], place=data["place"], agenda=data["agenda"]
            )
        except WorkingGroupError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"La réunion du thème {meeting.theme.number} est programmée.")
            return redirect(meeting)
    return render(request, "workinggroup/meeting_form.html", {"form": form, "meeting": None, "has_themes": bool(first)})


@login_required
def meeting_edit(request, pk):
    _require(request, "workinggroup.manage")
    meeting = _get_meeting(pk)
    initial = {"date": meeting.date, "place": meeting.place, "agenda": meeting.agenda}
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_meeting(request.user, meeting, date=data["date"], place=data["place"], agenda=data["agenda"])
        messages.success(request, "La réunion est enregistrée.")
        return redirect(meeting)
    return render(request, "workinggroup/meeting_form.html", {"form": form, "meeting": meeting, "has_themes": True})


@login_required
def minutes_edit(request, pk):
    _require(request, "workinggroup.manage")
    meeting = _get_meeting(pk)
    initial = {"minutes": meeting.minutes, "attendees": list(meeting.attendees.all())}
    form = MinutesForm(request.POST or None, meeting=meeting, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_minutes(
                request.user, meeting, minutes=form.cleaned_data["minutes"], attendees=form.cleaned_data["attendees"]
            )
        except WorkingGroupError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Le compte rendu est enregistré : la réunion est marquée comme tenue.")
            return redirect(meeting)
    return render(request, "workinggroup/minutes_form.html", {"form": form, "meeting": meeting})


# --- Organisers: decisions -------------------------------------------------------------------------------


def _decision_form(request, meeting: Meeting, decision: Decision | None):
    """The decision form, offering the topics of the published synthesis and the most supported proposals."""
    run = reports.published_run(meeting.theme)
    topics = list(run.topics.filter(kind=TopicKind.TOPIC).order_by("position", "pk")) if run else []
    linked_ids = list(decision.contributions.values_list("pk", flat=True)) if decision else []
    proposals = Contribution.objects.published().in_theme(meeting.theme).by_kind(ContributionKind.PROPOSAL)
    top_ids = proposals.order_by("-supports_count", "-id").values("pk")[:PROPOSALS_OFFERED]
    offered = list(
        Contribution.objects.readable_by_everyone()
        .filter(Q(pk__in=top_ids) | Q(pk__in=linked_ids))
        .only("pk", "title", "supports_count")
        .order_by("-supports_count", "-id")
    )
    offered_ids = {row.pk for row in offered}
    initial = {"status": DecisionStatus.ADOPTED}
    if decision is not None:
        initial = {
            "title": decision.title,
            "text": decision.text,
            "status": decision.status,
            "topics": [str(pk) for pk in decision.topics.values_list("pk", flat=True)],
            "contributions": [str(pk) for pk in linked_ids if pk in offered_ids],
            "other_contributions": ", ".join(str(pk) for pk in linked_ids if pk not in offered_ids),
        }
    return DecisionForm(request.POST or None, topics=topics, offered=offered, initial=initial), run


def _draft(form: DecisionForm) -> DecisionDraft:
    return DecisionDraft(
        title=form.cleaned_data["title"],
        text=form.cleaned_data["text"],
        status=form.cleaned_data["status"],
        contribution_ids=form.contribution_ids(),
        topic_ids=form.topic_ids(),
    )


@login_required
def decision_create(request, pk):
    _require(request, "workinggroup.manage")
    meeting = _get_meeting(pk)
    if not meeting.is_held:
        messages.error(request, "Une décision se prend en réunion : enregistrez d'abord le compte rendu.")
        return redirect(meeting)
    form, run = _decision_form(request, meeting, None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.record_decision(request.user, meeting, _draft(form))
        except WorkingGroupError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"La décision n° {decision.reference} est enregistrée.")
            return redirect(decision.get_absolute_url())
    return render(
        request, "workinggroup/decision_form.html", {"form": form, "meeting": meeting, "decision": None, "run": run}
    )


@login_required
def decision_edit(request, pk):
    _require(request, "workinggroup.manage")
    decision = get_object_or_404(Decision.objects.select_related("meeting__theme__consultation"), pk=pk)
    meeting = decision.meeting
    form, run = _decision_form(request, meeting, decision)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_decision(request.user, decision, _draft(form))
        except WorkingGroupError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"La décision n° {decision.reference} est enregistrée.")
            return redirect(decision.get_absolute_url())
    return render(
        request,
        "workinggroup/decision_form.html",
        {"form": form, "meeting": meeting, "decision": decision, "run": run},
    )


@login_required
def decision_log(request):
    """The audit log of every decision's recording and changes, most recent first."""
    _require(request, "workinggroup.view_decision_log")
    entries = DecisionLog.objects.select_related("actor", "decision__meeting__theme").order_by("-created_at", "-id")
    page = Paginator(entries, LOG_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    return render(request, "workinggroup/decision_log.html", {"page": page})


# --- Organisers: dossiers --------------------------------------------------------------------------------


@login_required
@require_POST
def dossier_request(request, pk):
    meeting = _get_meeting(pk)
    _require(request, "workinggroup.generate_dossier", meeting)
    try:
        services.request_dossier(request.user, meeting)
    except WorkingGroupError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, "La génération du dossier est lancée. Elle prend quelques instants : actualisez la page."
        )
    return redirect(f"{meeting.get_absolute_url()}#dossiers")
