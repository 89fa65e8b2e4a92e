"""The activity reports' exports in the Coop's layout (the adviser's own, a structure's, the programme's) and the
import of a Coop export into an adviser's account: a preview first, then all or none."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.db import IntegrityError
from django.db.models import QuerySet, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from mediane import spreadsheets
from mediane.downloads import csv_download, xlsx_download
from mediane.french import number, plural
from mediane.privatefiles import get_private_storage, purge_orphans
from mediane.ratelimits import writes_limited

from . import exports_reports as coop
from . import imports_reports, services_reports
from .enums_reports import ActivityType, Thematique
from .forms_exports import ImportForm
from .forms_reports import ListFilterForm
from .models_reports import ActivityReport
from .services import ProgrammeError
from .views_access import host_or_404, require_team
from .views_reports import not_an_adviser

FORMATS = ("xlsx", "csv")
# An XLSX is written whole before it is sent: beyond this many rows, CSV (streamed) or a shorter period.
XLSX_MAX_ROWS = 200_000
PREVIEW_ROWS = 20
SESSION_KEY = "conseillers_import_activites"
IMPORT_FOLDER = "imports-activites"


def _export(
    request, reports: QuerySet[ActivityReport], fmt: str, *, own: bool, departement: bool = False, by_adviser=False
):
    if fmt not in FORMATS:
        raise Http404("Format inconnu : xlsx ou csv.")
    reports = ListFilterForm(request.GET, departement=departement, any_adviser=by_adviser).apply(reports)
    filename = f"activites-{timezone.localdate():%Y-%m-%d}.{fmt}"
    header = coop.columns(own=own)
    if fmt == "csv":
        rows = coop.rows(coop.for_export(reports, own=own), own=own)
        return csv_download(rows, filename, header=header, delimiter=";", bom=True)
    # One row per participant: the sum of the participants is the number of rows.
    count = reports.order_by().aggregate(rows=Sum("participants"))["rows"] or 0
    if count > XLSX_MAX_ROWS:
        return render(
            request,
            "conseillers/exports/too_large.html",
            {"count": count, "limit": XLSX_MAX_ROWS, "csv_url": request.path[: -len(fmt)] + "csv"},
            status=413,
        )
    rows = coop.rows(coop.for_export(reports, own=own), own=own)
    sheet = spreadsheets.Sheet("Accompagnements", rows, header, coop.widths(own=own))
    return xlsx_download(sheet, filename)


@login_required
def reports_export(request, fmt: str):
    """The adviser's own reports, with their notes, filtered as their list is; to someone who never was an adviser,
    the page their list shows them rather than a file with no rows."""
    mine = ActivityReport.objects.readable_by(request.user).of_adviser(request.user)
    if not mine.exists() and services_reports.current_recruitment(request.user) is None:
        return not_an_adviser(request)
    return _export(request, mine, fmt, own=True)


@login_required
def host_reports_export(request, pk: int, fmt: str):
    """The reports of a structure's advisers, for its managers and the team (the advisers' notes left out)."""
    host = host_or_404(request, pk)
    reports = ActivityReport.objects.readable_by(request.user).filter(host=host)
    return _export(request, reports, fmt, own=False, by_adviser=True)


@login_required
def team_reports_export(request, fmt: str):
    """Every report, for the programme team, by département and period (CSV streams any number)."""
    require_team(request)
    return _export(request, ActivityReport.objects.readable_by(request.user), fmt, own=False, departement=True)


# --- Import ---------------------------------------------------------------------------------------------------------


def _known_ids(user) -> set[str]:
    """The « ID CRA » the adviser already has: those their imports kept, and their own reports' as Médiane's export
    writes them (« mediane-12 »), so that importing one's own export adds nothing twice."""
    own = ActivityReport.objects.readable_by(user).of_adviser(user).values_list("pk", "external_id")
    return {external_id or coop.mediane_id(pk) for pk, external_id in own}


def _importer(recruitment) -> imports_reports.Importer:
    """Who imports: the names a shared export must give, and the post the reports go under."""
    if recruitment is None:
        return imports_reports.Importer()
    candidate = recruitment.candidate
    return imports_reports.Importer(
        first_name=candidate.first_name,
        last_name=candidate.last_name,
        starts_on=recruitment.starts_on,
        host=recruitment.host.name,
    )


def _activity(data: services_reports.ReportData) -> str:
    """« Individuel, 45 min », « Atelier, 8 personnes, 90 min »: a preview's cell short enough for a phone."""
    duration = f"{number(data.duration)} min"
    if data.kind == ActivityType.COLLECTIVE:
        people = data.participants or 1
        return f"Atelier, {number(people)} personne{plural(people, '', 's')}, {duration}"
    return f"Individuel, {duration}"


def _preview(result: imports_reports.ReadFile) -> list[dict]:
    """The first reports of a file, in three columns, so that the table fits a 375 px phone without scrolling."""
    themes = dict(Thematique.choices)
    return [
        {
            "line": report.line,
            "date": report.data.date,
            "activity": _activity(report.data),
            "thematiques": ", ".join(themes.get(value, value) for value in report.data.thematiques),
        }
        for report in result.reports[:PREVIEW_ROWS]
    ]


def _forget(request) -> None:
    name = request.session.pop(SESSION_KEY, None)
    if name:
        get_private_storage().delete(name)


def _list_url() -> str:
    try:
        return reverse("conseillers:reports")
    except NoReverseMatch:
        return reverse("conseillers:reports_import")


@login_required
@writes_limited
def reports_import(request):
    """Send a Coop export: its reports are read and checked, shown, and recorded (all or none) once confirmed."""
    if not request.user.has_perm("conseillers.record_reports"):
        raise Http404("Seuls les conseillers et conseillères numériques en poste importent leurs activités.")
    form = ImportForm()
    context: dict = {"form": form}
    if request.method == "POST" and request.POST.get("action") == "confirmer":
        return _confirm(request)
    if request.method == "POST":
        _forget(request)
        # A file checked but never imported goes after a day (no row holds the files of this folder).
        purge_orphans(IMPORT_FOLDER, holders=[])
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            importer = _importer(services_reports.current_recruitment(request.user))
            try:
                result = imports_reports.read_file(data, known_ids=_known_ids(request.user), importer=importer)
            except imports_reports.FileRefused as refused:
                form.add_error("file", str(refused))
            else:
                context.update(result=result, preview=_preview(result))
                if not result.errors and result.reports:
                    name = get_private_storage().save(f"{IMPORT_FOLDER}/{secrets.token_hex(16)}", ContentFile(data))
                    request.session[SESSION_KEY] = name
    return render(request, "conseillers/exports/import.html", context)


GONE = "Le fichier vérifié n'est plus disponible : envoyez-le de nouveau."


def _confirm(request):
    # Taken from the session before anything is recorded: a second click (or a second tab) finds nothing to import.
    name = request.session.pop(SESSION_KEY, None)
    if not name:
        messages.error(request, GONE)
        return redirect("conseillers:reports_import")
    storage = get_private_storage()
    try:
        with storage.open(name, "rb") as file:
            data = file.read()
    except OSError:  # purged after a day by the next upload of anyone
        messages.error(request, GONE)
        return redirect("conseillers:reports_import")
    finally:
        storage.delete(name)
    recruitment = services_reports.current_recruitment(request.user)
    try:
        result = imports_reports.read_file(data, known_ids=_known_ids(request.user), importer=_importer(recruitment))
        if result.errors or recruitment is None:
            raise ProgrammeError("Le fichier ne peut plus être importé tel quel : envoyez-le de nouveau.")
        services_reports.record_reports([r.data for r in result.reports], by=request.user, recruitment=recruitment)
    except (ProgrammeError, imports_reports.FileRefused) as error:
        messages.error(request, str(error))
        return redirect("conseillers:reports_import")
    except IntegrityError:
        messages.error(request, "Ces activités viennent d'être importées : rien n'a été ajouté une seconde fois.")
        return redirect("conseillers:reports_import")
    messages.success(request, _imported_message(len(result.reports), result.already))
    return redirect(_list_url())


def _imported_message(count: int, already: int) -> str:
    text = f"{number(count)} activité{plural(count, '', 's')} importée{plural(count, '', 's')}."
    if already:
        ending = plural(already, "", "s")
        text += f" {number(already)} activité{ending} déjà importée{ending} avant : laissée{ending} de côté."
    return text
