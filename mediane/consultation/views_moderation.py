"""Views of the forum's moderation and of what mediators and organisers bring in: reports, the moderation queue,
its actions and log, contributions collected for someone, workshop sheets and Decidim imports. Thin: fetch through
the reading rule and check access, call one service, redirect or render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max, Prefetch
from django.shortcuts import get_object_or_404, redirect, render

from mediane import downloads, numbers
from mediane.ratelimits import writes_limited
from mediane.spreadsheets import CSV_CONTENT_TYPE

from . import forms, services, services_imports, services_moderation
from .enums import CommentStatus, ContributionStatus, ModerationReason
from .models import Comment, Contribution, ModerationLog, Report
from .views import get_readable_contribution, get_theme, similar_panel

QUEUE_LIMIT = 50
LOG_PAGE_SIZE = 50
IMPORT_WARNINGS_SHOWN = 20
WORKSHOP_COLUMNS_HELP = [
    ("type", "« Retour d'expérience », « Point de vigilance » ou « Proposition »."),
    ("titre", f"Une phrase courte, de 3 à {services.TITLE_MAX_LENGTH} caractères."),
    ("texte", f"Ce que la personne a exprimé, de 10 à {services.BODY_MAX_LENGTH} caractères."),
    (
        "categorie",
        "Usager·e, Professionnel·le de bibliothèque, Association, Élu·e, Acteur·rice de la médiation "
        "numérique ou Autre.",
    ),
    ("code_postal", "Facultatif : le code postal de la personne, par exemple 59000."),
    ("consentement", "« oui » si la personne a accepté que ses propos soient publiés de façon anonyme."),
]


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _report(request, *, item, contribution: Contribution, report_service, item_label: str):
    """The report form of an item its reporter may read. One they may not report (their own, or one that is
    not published: the moderation team already reads those) sends them back to the contribution, saying why."""
    try:
        services_moderation.check_reportable(request.user, item)
    except services.ForumError as exc:
        messages.error(request, str(exc))
        return redirect(contribution.get_absolute_url())
    form = forms.ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            report_service(request.user, item, form.cleaned_data["reason"], form.cleaned_data["details"])
        except services.ForumError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Merci : votre signalement a été transmis à l'équipe de modération.")
            return redirect(contribution.get_absolute_url())
    return render(
        request,
        "consultation/moderation/report.html",
        {"form": form, "item": item, "contribution": contribution, "item_label": item_label},
    )


@login_required
@writes_limited
def report(request, pk):
    contribution = get_readable_contribution(request, pk)
    return _report(
        request,
        item=contribution,
        contribution=contribution,
        report_service=services_moderation.report_contribution,
        item_label="cette contribution",
    )


@login_required
@writes_limited
def report_comment(request, pk):
    comment = get_object_or_404(
        Comment.objects.readable_by(request.user).select_related("contribution__theme__consultation"), pk=pk
    )
    return _report(
        request,
        item=comment,
        contribution=comment.contribution,
        report_service=services_moderation.report_comment,
        item_label="ce commentaire",
    )


def _open_reports() -> Prefetch:
    return Prefetch(
        "reports",
        queryset=Report.objects.filter(resolved_at__isnull=True).order_by("created_at", "id"),
        to_attr="open_reports",
    )


def _capped(queryset) -> tuple[list, bool]:
    """At most QUEUE_LIMIT items, and whether there are more: one query, no COUNT."""
    rows = list(queryset[: QUEUE_LIMIT + 1])
    return rows[:QUEUE_LIMIT], len(rows) > QUEUE_LIMIT


@login_required
def moderation_queue(request):
    _require(request.user, "consultation.moderate")
    # The team reads everything, but through the rule like everyone: one definition of who reads what.
    contributions = Contribution.objects.readable_by(request.user)
    comments = Comment.objects.readable_by(request.user)
    pending, more_pending = _capped(
        contributions.filter(status=ContributionStatus.PENDING).with_public_relations().order_by("created_at", "id")
    )
    reported, more_reported = _capped(
        contributions.filter(reports_count__gt=0)
        .exclude(status=ContributionStatus.WITHDRAWN)
        .with_public_relations()
        .prefetch_related(_open_reports())
        .order_by("-reports_count", "-id")
    )
    reported_comments, more_reported_comments = _capped(
        comments.filter(reports_count__gt=0)
        .select_related("contribution")
        .prefetch_related(_open_reports())
        .order_by("-reports_count", "-id")
    )
    # Hidden pending review is already in the reported list, with its reports.
    hidden, more_hidden = _capped(
        contributions.filter(status=ContributionStatus.HIDDEN)
        .exclude(hidden_reason=ModerationReason.PENDING_REVIEW)
        .with_public_relations()
        .annotate(hidden_at=Max("moderation_logs__created_at"))
        .order_by("-hidden_at", "-id")
    )
    hidden_comments, more_hidden_comments = _capped(
        comments.filter(status=CommentStatus.HIDDEN)
        .exclude(hidden_reason=ModerationReason.PENDING_REVIEW)
        .select_related("contribution")
        .annotate(hidden_at=Max("moderation_logs__created_at"))
        .order_by("-hidden_at", "-id")
    )
    return render(
        request,
        "consultation/moderation/queue.html",
        {
            "pending": pending,
            "more_pending": more_pending,
            "reported": reported,
            "more_reported": more_reported,
            "reported_comments": reported_comments,
            "more_reported_comments": more_reported_comments,
            "reported_total": len(reported) + len(reported_comments),
            "hidden": hidden,
            "more_hidden": more_hidden,
            "hidden_comments": hidden_comments,
            "more_hidden_comments": more_hidden_comments,
            "pending_review": ModerationReason.PENDING_REVIEW,
        },
    )


# Each moderation action: its form, its service, and the words of its page.
MODERATION_ACTIONS = {
    "hide": (
        forms.HideForm,
        services_moderation.hide_contribution,
        "Masquer la contribution",
        "La contribution est masquée.",
    ),
    "restore": (
        forms.RestoreForm,
        services_moderation.restore_contribution,
        "Rétablir la contribution",
        "La contribution est de nouveau publiée.",
    ),
    "approve": (
        forms.ModerationNoteForm,
        services_moderation.approve_contribution,
        "Valider la contribution",
        "La contribution est publiée.",
    ),
    "reject": (
        forms.HideForm,
        services_moderation.reject_contribution,
        "Refuser la contribution",
        "La contribution est refusée.",
    ),
    "dismiss_reports": (
        forms.ModerationNoteForm,
        services_moderation.dismiss_reports,
        "Classer les signalements sans suite",
        "Les signalements sont classés sans suite.",
    ),
    "hide_comment": (
        forms.HideForm,
        services_moderation.hide_comment,
        "Masquer le commentaire",
        "Le commentaire est masqué.",
    ),
    "restore_comment": (
        forms.RestoreForm,
        services_moderation.restore_comment,
        "Rétablir le commentaire",
        "Le commentaire est de nouveau publié.",
    ),
    "dismiss_comment_reports": (
        forms.ModerationNoteForm,
        services_moderation.dismiss_comment_reports,
        "Classer les signalements sans suite",
        "Les signalements sont classés sans suite.",
    ),
}


@login_required
def moderate(request, pk, action):
    """GET shows the action's form with the item; POST does it and goes back to the queue."""
    _require(request.user, "consultation.moderate")
    form_class, service, title, done = MODERATION_ACTIONS[action]
    # The team reads everything, but through the rule like everyone: one definition of who reads what.
    if "comment" in action:
        comments = Comment.objects.readable_by(request.user).select_related("contribution")
        item = get_object_or_404(comments.prefetch_related(_open_reports()), pk=pk)
        contribution = item.contribution
    else:
        contributions = Contribution.objects.readable_by(request.user).with_public_relations()
        item = get_object_or_404(contributions.prefetch_related(_open_reports()), pk=pk)
        contribution = item
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            service(request.user, item, **form.cleaned_data)
        except services.ForumError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, done)
            return redirect("consultation:moderation_queue")
    return render(
        request,
        "consultation/moderation/action.html",
        {
            "form": form,
            "item": item,
            "contribution": contribution,
            "is_comment": item is not contribution,
            "title": title,
            "action": action,
        },
    )


@login_required
def moderation_log(request):
    _require(request.user, "consultation.moderate")
    entries = ModerationLog.objects.select_related("actor", "contribution", "comment__contribution", "report").order_by(
        "-created_at", "-id"
    )
    page = Paginator(entries, LOG_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    return render(request, "consultation/moderation/log.html", {"page": page})


@login_required
@writes_limited
def assisted(request, consultation, theme):
    theme = get_theme(consultation, theme)
    _require(request.user, "consultation.add_assisted_contribution", theme)
    recorded = None
    if request.method == "POST":
        form = forms.AssistedContributionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                contribution = services.record_assisted_contribution(
                    request.user,
                    theme,
                    services.ContributionDraft(kind=data["kind"], title=data["title"], body=data["body"]),
                    services.AssistedPerson(
                        category=data["category"],
                        postal_code=data["postal_code"],
                        consent=data["consent"],
                        channel=data["channel"],
                    ),
                )
            except services.ForumError as exc:
                form.add_error(None, str(exc))
            else:
                return redirect(f"{request.path}?enregistree={contribution.pk}")
    else:
        form = forms.AssistedContributionForm()
        recorded_id = numbers.query_int(request.GET.get("enregistree"), default=0, minimum=1)
        if recorded_id:
            # Only what this mediator has just recorded, still waiting or published, and as the rule lets them read.
            recorded = (
                Contribution.objects.readable_by(request.user)
                .filter(pk=recorded_id, collected_by=request.user)
                .filter(status__in=[ContributionStatus.PENDING, ContributionStatus.PUBLISHED])
                .first()
            )
    context = {
        "form": form,
        "theme": theme,
        "recorded": recorded,
        **similar_panel(request, theme, [], [], assisted=True),
    }
    return render(request, "consultation/assisted_form.html", context)


def workshop_sheet_template(request):
    """The model sheet to fill in (`;`-separated, with a BOM: see `imports.workshop_sheet_template`)."""
    return downloads.attachment(services_imports.workshop_sheet_model(), CSV_CONTENT_TYPE, "fiche-atelier-modele.csv")


def _import_page(request, theme, *, perm: str, template: str, read, write):
    """Shared flow of both imports: upload, check every line, and write all or nothing."""
    _require(request.user, perm, theme)
    result = None
    form = forms.ImportFileForm(request.POST, request.FILES) if request.method == "POST" else forms.ImportFileForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = read(upload.read())
        if result.ok:
            try:
                message, warnings = write(upload.name, result.rows)
            except services.ForumError as exc:
                result.add_error(0, str(exc))
            else:
                messages.success(request, message)
                for warning in warnings[:IMPORT_WARNINGS_SHOWN]:
                    messages.warning(request, str(warning))
                return redirect(request.path)
    return render(
        request,
        template,
        {
            "form": form,
            "theme": theme,
            "result": result,
            "max_bytes": forms.ImportFileForm.max_bytes(),
            "columns": WORKSHOP_COLUMNS_HELP,
        },
    )


@login_required
@writes_limited
def import_workshop_sheet(request, consultation, theme):
    theme = get_theme(consultation, theme)

    def write(file_name, rows):
        record = services_imports.import_workshop_sheet(request.user, theme, rows, file_name)
        return f"{record.rows} contribution(s) importée(s) depuis la fiche d'atelier « {file_name} ».", []

    return _import_page(
        request,
        theme,
        perm="consultation.import_workshop_sheet",
        template="consultation/import_workshop_sheet.html",
        read=services_imports.read_workshop_sheet,
        write=write,
    )


@login_required
@writes_limited
def import_decidim(request, consultation, theme):
    theme = get_theme(consultation, theme)
    warnings = []

    def read(data):
        result = services_imports.read_decidim_export(data)
        warnings.extend(result.warnings)
        return result

    def write(file_name, rows):
        summary = services_imports.import_decidim_proposals(theme, rows, file_name, imported_by=request.user)
        return (
            f"{len(rows)} proposition(s) lue(s) : {summary.created} ajoutée(s), "
            f"{summary.updated} mise(s) à jour, {summary.unchanged} inchangée(s).",
            warnings,
        )

    return _import_page(
        request,
        theme,
        perm="consultation.import_decidim",
        template="consultation/import_decidim.html",
        read=read,
        write=write,
    )
