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

from . import import_jobs, services, services_sources, standard, views_mapping
from .enums import ImportFormat
from .forms import FORMAT_HELP, ImportForm
from .models import ImportJob
from .services import ImportRefused
from .views_sources import column_titles

JOBS_PAGE_SIZE = 30
REJECTIONS_PAGE_SIZE = 50


def _require(user, perm: str) -> None:
    if not user.has_perm(perm):
        raise PermissionDenied


def _get_job(pk: int) -> ImportJob:
    return get_object_or_404(ImportJob.objects.select_related("created_by", "from_dry_run", "place_source"), pk=pk)


@login_required
def imports(request):
    """Every import, most recent first, page by page."""
    _require(request.user, "structures.view_imports")
    jobs = ImportJob.objects.select_related("created_by").defer("report").order_by("-created_at", "-id")
    page = Paginator(jobs, JOBS_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    for job in page:
        runner.check_alive(job)
    context = {
        "page": page,
        "can_import": request.user.has_perm("structures.import_places"),
        "can_manage_sources": request.user.has_perm("structures.manage_sources"),
        "export_exclusions": services.export_exclusions()[1],
    }
    return render(request, "structures/imports.html", context)


STANDARD_FORMATS = (ImportFormat.STANDARD_CSV, ImportFormat.STANDARD_JSON)
IMPORT_DRAFTS = views_mapping.IMPORT_DRAFTS


def _keep_for_mapping(request, job: ImportJob, upload) -> None:
    """Keep a copy of a file sent as the standard, so that « Créer une correspondance pour ce fichier » needs no
    second upload when the import says it is not in the standard (a failed import keeps no file)."""
    if not request.user.has_perm("structures.manage_sources"):
        return
    try:
        draft = services_sources.keep_draft(request.user, upload)
    except (services_sources.SourceRefused, OSError):
        return
    kept = dict(request.session.get(IMPORT_DRAFTS) or {})
    for stale in list(kept)[:-4]:  # a few recent imports are enough
        services_sources.discard_draft(services_sources.Draft.from_json(kept.pop(stale)))
    kept[str(job.pk)] = draft.as_json()
    request.session[IMPORT_DRAFTS] = kept


def _mapped_file(request, form):
    """« Fichier d'un producteur »: the file goes to its source's mapping journey (or to the choice of a source)."""
    try:
        draft = services_sources.keep_draft(request.user, form.cleaned_data["file"])
    except services_sources.SourceRefused as refused:
        form.add_error("file", str(refused))
        return None
    source = form.cleaned_data["place_source"]
    if source is None:
        views_mapping.keep_unsourced(request, draft)
        return redirect("structures:mapping_start")
    return views_mapping.start_journey(request, source, draft)


@login_required
def new_import(request):
    """The upload form: « Vérifier sans importer » (dry run) or « Importer »; a producer's own file goes to the
    mapping journey of its source."""
    _require(request.user, "structures.import_places")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file_format = form.cleaned_data["file_format"]
        if file_format == ImportFormat.MAPPED:
            _require(request.user, "structures.manage_sources")
            response = _mapped_file(request, form)
            if response is not None:
                return response
        else:
            dry_run = request.POST.get("action") != "importer"
            try:
                job = import_jobs.launch_import(
                    request.user,
                    form.cleaned_data["file"],
                    file_format=file_format,
                    dry_run=dry_run,
                    published=form.cleaned_data["published"],
                    place_source=form.cleaned_data["place_source"],
                )
            except ImportRefused as error:
                form.add_error(None, str(error))
            else:
                if file_format in STANDARD_FORMATS:
                    _keep_for_mapping(request, job, form.cleaned_data["file"])
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


def verdict_of(job: ImportJob) -> str:
    """The one sentence about the file as a whole (« Ce fichier n'est pas au standard : … »), if any."""
    verdict = str((job.report or {}).get("verdict") or "")
    if not verdict and job.status == "failed" and "n'est pas au standard" in (job.error or ""):
        verdict = job.error.removeprefix("Le fichier n'a pas pu être lu : ")
    return verdict


@login_required
def import_detail(request, pk):
    """An import: its progress while it works, then its report (the verdict on the file first, counts, each
    column, rejected rows page by page, warnings)."""
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
    context["verdict"] = verdict_of(job)
    # A file sent as the standard that is not (or cannot be read as such): map that same file, kept for this.
    context["can_map"] = (
        job.file_format in STANDARD_FORMATS
        and (bool(context["verdict"]) or job.status == "failed")
        and request.user.has_perm("structures.manage_sources")
        and str(job.pk) in (request.session.get(IMPORT_DRAFTS) or {})
    )
    context["show_error"] = not context["verdict"] or context["verdict"] not in (job.error or "")
    context["column_report"] = column_titles((job.report or {}).get("column_report"))
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
