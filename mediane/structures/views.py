"""Views of structures: the organisers' imports of places (upload, progress, report, history); the public exports
are `views_exports.py`. Thin: check access, call one service, then redirect or render.
Every page runs a constant number of queries (asserted in the tests).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mediane import numbers
from mediane.jobs import runner

from . import import_jobs, standard
from .enums import ImportFormat
from .forms import FORMAT_HELP, ImportForm
from .models import ImportJob
from .services import ImportRefused

JOBS_PAGE_SIZE = 30
REJECTIONS_PAGE_SIZE = 50


def _require(user, perm: str) -> None:
    if not user.has_perm(perm):
        raise PermissionDenied


def _get_job(pk: int) -> ImportJob:
    return get_object_or_404(ImportJob.objects.select_related("created_by", "from_dry_run"), pk=pk)


@login_required
def imports(request):
    """Every import, most recent first, page by page."""
    _require(request.user, "structures.view_imports")
    jobs = ImportJob.objects.select_related("created_by").defer("report").order_by("-created_at", "-id")
    page = Paginator(jobs, JOBS_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    for job in page:
        runner.check_alive(job)
    context = {"page": page, "can_import": request.user.has_perm("structures.import_places")}
    return render(request, "structures/imports.html", context)


@login_required
def new_import(request):
    """The upload form: « Vérifier sans importer » (dry run) or « Importer »."""
    _require(request.user, "structures.import_places")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        dry_run = request.POST.get("action") != "importer"
        try:
            job = import_jobs.launch_import(
                request.user,
                form.cleaned_data["file"],
                file_format=form.cleaned_data["file_format"],
                dry_run=dry_run,
                published=form.cleaned_data["published"],
            )
        except ImportRefused as error:
            form.add_error(None, str(error))
        else:
            what = "La vérification" if dry_run else "L'import"
            messages.success(
                request, f"{what} du fichier « {job.file_name} » est lancé. Cette page montre son avancement."
            )
            return redirect(job)
    context = {
        "form": form,
        "format_help": [(ImportFormat(value).label, help) for value, help in FORMAT_HELP.items()],
        "field_count": len(standard.FIELDS),
        "required": standard.REQUIRED_FIELDS,
    }
    return render(request, "structures/new_import.html", context)


def _job_context(job: ImportJob) -> dict:
    return {"job": runner.check_alive(job)}


@login_required
def import_detail(request, pk):
    """An import: its progress while it works, then its report (counts, rejected rows page by page, warnings)."""
    _require(request.user, "structures.view_imports")
    job = _get_job(pk)
    context = _job_context(job)
    context["rejections"] = Paginator(job.rejections, REJECTIONS_PAGE_SIZE).get_page(
        numbers.page_number(request.GET.get("page"))
    )
    context["can_import_file"] = (
        job.dry_run
        and job.status == "succeeded"
        and bool(job.file)
        and request.user.has_perm("structures.import_places")
    )
    context["imported_as"] = job.imports.order_by("-created_at").first() if job.dry_run else None
    return render(request, "structures/import.html", context)


@login_required
def import_progress(request, pk):
    """The progress fragment that htmx asks for every 2 seconds; when the import ends, htmx reloads the page."""
    _require(request.user, "structures.view_imports")
    job = _get_job(pk)
    if not request.headers.get("HX-Request"):
        return redirect(job)
    response = render(request, "structures/components/progress.html", _job_context(job))
    if not job.is_active:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def import_checked(request, pk):
    """After a dry run: import the same file for real."""
    _require(request.user, "structures.import_places")
    checked = _get_job(pk)
    try:
        job = import_jobs.import_checked_file(request.user, checked)
    except ImportRefused as error:
        messages.error(request, str(error))
        return redirect(checked)
    messages.success(request, f"L'import du fichier « {job.file_name} » est lancé. Cette page montre son avancement.")
    return redirect(job)
