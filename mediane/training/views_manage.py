"""The organisers' pages of training: every course (drafts too), create and edit courses and sessions, and a
session's participants with the waiting list, attendance, results and the CSV. Thin: check the permission, call
one service, redirect or render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mediane.downloads import csv_download
from mediane.ratelimits import writes_limited
from mediane.registrations import views as registration_views

from . import services
from .forms import AttendanceForm, CourseForm, ResultForm, SessionForm
from .models import Course, Enrolment, TrainingLog, TrainingSession

MANAGE_PAGE_SIZE = 200
CSV_HEADER = (*registration_views.CSV_HEADER, "Présence", "Résultat")


def _require_manager(request) -> None:
    if not request.user.has_perm("training.manage"):
        raise PermissionDenied


@login_required
def manage(request):
    """Every course, drafts included, with its sessions. Two queries."""
    _require_manager(request)
    courses = list(
        Course.objects.select_related("provider")
        .prefetch_related("sessions__place")
        .order_by("title", "pk")[:MANAGE_PAGE_SIZE]
    )
    return render(request, "training/manage/index.html", {"courses": courses})


def _save_course(request, course: Course | None):
    form = CourseForm(request.POST or None, initial=CourseForm.initial_for(course) if course else None)
    if request.method == "POST" and form.is_valid():
        try:
            if course is None:
                course = services.create_course(form.course_data())
            else:
                course = services.update_course(course, form.course_data())
        except services.TrainingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "La formation est enregistrée.")
            return redirect(course)
    status = 400 if form.is_bound else 200
    return render(request, "training/manage/course_form.html", {"form": form, "course": course}, status=status)


@login_required
@writes_limited
def course_create(request):
    _require_manager(request)
    return _save_course(request, None)


@login_required
@writes_limited
def course_edit(request, pk):
    _require_manager(request)
    return _save_course(request, get_object_or_404(Course, pk=pk))


def _save_session(request, course: Course, session: TrainingSession | None):
    form = SessionForm(request.POST or None, initial=SessionForm.initial_for(session) if session else None)
    if request.method == "POST" and form.is_valid():
        try:
            if session is None:
                session = services.create_session(course, form.session_data())
            else:
                session = services.update_session(session, form.session_data())
        except services.TrainingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "La session est enregistrée.")
            return redirect(session)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "training/manage/session_form.html",
        {"form": form, "course": course, "session": session},
        status=status,
    )


@login_required
@writes_limited
def session_create(request, pk):
    _require_manager(request)
    return _save_session(request, get_object_or_404(Course, pk=pk), None)


@login_required
@writes_limited
def session_edit(request, pk):
    _require_manager(request)
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=pk)
    return _save_session(request, session.course, session)


def _session_for_participants(request, pk: int) -> TrainingSession:
    if not request.user.has_perm("training.view_participants"):
        raise PermissionDenied
    return get_object_or_404(TrainingSession.objects.for_listing(), pk=pk)


@login_required
def participants(request, pk):
    """People with a seat (with attendance and result), the waiting list in its order, pending requests, and the
    latest log rows. Five queries."""
    session = _session_for_participants(request, pk)
    rows = session.registrations.select_related("user")
    return render(
        request,
        "training/manage/participants.html",
        {
            "session": session,
            "course": session.course,
            "seated": list(rows.seated()),
            "waiting": list(rows.waiting()),
            "pending": list(rows.pending()),
            "log": list(TrainingLog.objects.filter(enrolment__registrable=session).select_related("actor")[:50]),
            "attendance_form": AttendanceForm(),
            "result_form": ResultForm(),
        },
    )


@login_required
def participants_csv(request, pk):
    session = _session_for_participants(request, pk)
    extra = {
        row.email: (
            row.get_attendance_display() if row.attendance else "",
            row.get_result_display() if row.result else "",
        )
        for row in session.registrations.seated()
    }
    rows = ((*row, *extra.get(row[3], ("", ""))) for row in registration_views.participant_rows(session))
    return csv_download(rows, f"participants-session-{session.pk}.csv", header=CSV_HEADER)


def _enrolment(request, pk: int) -> Enrolment:
    if not request.user.has_perm("training.view_participants"):
        raise PermissionDenied
    return get_object_or_404(Enrolment.objects.select_related("registrable"), pk=pk)


def _record(request, pk: int, form: AttendanceForm | ResultForm, write, done: str):
    """Write one attendance or result through `write`; a refusal is a message on the participant list."""
    enrolment = _enrolment(request, pk)
    try:
        if not form.is_valid():
            raise services.TrainingError("Choisissez une des réponses proposées.")
        write(enrolment, next(iter(form.cleaned_data.values())), request.user)
        messages.success(request, done.format(name=enrolment.name))
    except services.TrainingError as error:
        messages.error(request, error.message)
    return redirect("training:participants", pk=enrolment.registrable_id)


@login_required
@require_POST
@writes_limited
def attendance(request, pk):
    form = AttendanceForm(request.POST)
    return _record(request, pk, form, services.record_attendance, "La présence de {name} est notée.")


@login_required
@require_POST
@writes_limited
def result(request, pk):
    form = ResultForm(request.POST)
    return _record(request, pk, form, services.record_result, "Le résultat de {name} est noté.")
