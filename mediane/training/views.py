"""Public views of training: the catalogue of courses with its filters, a course, a session and its enrolment,
the e-mails' pages, and the frameworks. Thin: fetch and check access, call one service, redirect or render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from mediane import numbers
from mediane.consultation.markup import render_markup
from mediane.downloads import csv_download, json_download
from mediane.ratelimits import writes_limited
from mediane.registrations import services as registrations
from mediane.registrations import views as registration_views

from . import open_data, services
from .enums import Modality
from .forms import CatalogueFilterForm
from .models import Competence, Course, Enrolment, Framework, TrainingSession, _label_of

PAGE_SIZE = 20
FILTERS = ("competence", "modalite", "certifiante", "gratuite", "departement")


def _visible_course(request, pk: int) -> Course:
    """The course if this person may see it; a draft is « not found » for everyone but organisers."""
    course = Course.objects.visible_to(request.user).for_listing().filter(pk=pk).first()
    if course is None:
        raise Http404("Cette formation n'existe pas ou n'est pas encore publiée.")
    return course


def _visible_session(request, pk: int) -> TrainingSession:
    session = TrainingSession.objects.visible_to(request.user).for_listing().filter(pk=pk).first()
    if session is None:
        raise Http404("Cette session n'existe pas ou n'est pas encore publiée.")
    return session


def _filtered(courses, data: dict):
    if data.get("competence"):
        courses = courses.filter(coverages__competence_id=int(data["competence"]))
    if data.get("modalite"):
        courses = courses.filter(modality=data["modalite"])
    if data.get("certifiante"):
        courses = courses.filter(certifying=True)
    if data.get("gratuite"):
        courses = courses.filter(price=0)
    if data.get("departement"):
        sessions = TrainingSession.objects.upcoming().filter(course=OuterRef("pk"))
        nearby = sessions.filter(Q(place__departement=data["departement"]) | Q(online=True))
        courses = courses.filter(Exists(nearby))
    return courses.distinct()


def catalogue(request):
    """Published courses, filtered by competence, modality, certifying, free and département. A constant number
    of queries (the competences of the filter, the count, the page, its competences)."""
    form = CatalogueFilterForm(request.GET or None)
    data: dict = {}
    if form.is_bound and form.is_valid():
        data = {name: form.cleaned_data[name] for name in FILTERS if form.cleaned_data.get(name)}
    courses = _filtered(Course.objects.published().for_listing(), data).order_by("title", "pk")
    page = Paginator(courses, PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    return render(
        request,
        "training/catalogue.html",
        {
            "form": form if form.is_bound else CatalogueFilterForm(),
            "page": page,
            "courses": list(page.object_list),
            "filtered": bool(data),
            "query": urlencode([(name, "on" if value is True else value) for name, value in data.items()]),
            "can_manage": request.user.has_perm("training.manage"),
        },
    )


def course_detail(request, pk):
    course = _visible_course(request, pk)
    sessions = list(TrainingSession.objects.upcoming().filter(course=course).select_related("place"))
    return render(
        request,
        "training/course.html",
        {
            "course": course,
            "description_html": mark_safe(render_markup(course.description)),  # noqa: S308 (sanitised by markup)
            "sessions": sessions,
            "modality_label": Modality(course.modality).label,
            "can_manage": request.user.has_perm("training.manage"),
        },
    )


def session_detail(request, pk):
    session = _visible_session(request, pk)
    mine = registrations.active_registration_of(session, request.user)
    return render(
        request,
        "training/session.html",
        {
            "session": session,
            "course": session.course,
            "mine": mine,
            "position": mine.waiting_position() if mine else None,
            "can_manage": request.user.has_perm("training.manage"),
        },
    )


@require_POST
@writes_limited
def enrol(request, pk):
    """Enrol the signed-in person: a seat, or the waiting list with its position. The public is sent to sign in."""
    session = _visible_session(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(session.get_absolute_url())
    try:
        enrolment = services.enrol(session, request.user)
    except services.TrainingError as error:
        messages.error(request, error.message)
        return redirect(session)
    if enrolment.is_registered:
        messages.success(request, "C'est fait : vous êtes inscrit·e. Un e-mail vous le confirme.")
    else:
        messages.info(
            request,
            f"La session est complète : vous êtes sur la liste d'attente, en position {enrolment.waiting_position()}. "
            "Un e-mail vous le confirme.",
        )
    return redirect(session)


def registration_confirm(request, token):
    return registration_views.confirm_page(request, token, Enrolment)


def registration_leave(request, token):
    return registration_views.leave_page(request, token, Enrolment)


# --- Frameworks -------------------------------------------------------------------------------------------------


def frameworks(request):
    rows = list(Framework.objects.all())
    return render(request, "training/frameworks.html", {"frameworks": rows})


def framework_detail(request, slug):
    """A framework's domains, competences (current label and former ones) and levels. Four queries."""
    framework = get_object_or_404(Framework, slug=slug)
    today = timezone.localdate()
    competences = list(
        Competence.objects.filter(framework=framework)
        .annotate(label=_label_of("pk"))
        .select_related("domain")
        .prefetch_related("labels")
        .order_by("domain__position", "position", "pk")
    )
    for competence in competences:
        # The labels in use before today's, each with the date it was replaced: « anciennement … jusqu'en 2019 ».
        used = [row for row in competence.labels.all() if row.valid_from <= today]
        competence.former = [(row.label, after.valid_from) for row, after in zip(used, used[1:], strict=False)]
    domains: dict = {}
    for competence in competences:
        domains.setdefault(competence.domain, []).append(competence)
    return render(
        request,
        "training/framework.html",
        {"framework": framework, "domains": list(domains.items()), "levels": list(framework.levels.all())},
    )


# --- Open data ----------------------------------------------------------------------------------------------------


def open_data_csv(request):
    return csv_download(open_data.course_rows(), "formations.csv", header=open_data.COLUMNS)


def open_data_json(request):
    return json_download(open_data.course_rows(), open_data.COLUMNS, "formations.json")
