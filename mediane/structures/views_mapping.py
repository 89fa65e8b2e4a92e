"""The mapping journey of a source (organisers), four plain forms that work without JavaScript:

a. the file (`mapping_upload`), kept in the default storage between the steps (`services_sources.keep_draft`, its
   place in the session, never a path the client sends);
b. what each column holds (`mapping_columns`), proposed by `mapping.propose` and confirmed, with the defaults of
   the required fields;
c. the translations of the source's labels outside the standard's vocabulary (`mapping_labels`), skipped when
   there are none;
d. the first places as they will be imported (`mapping_preview`), then the import with the saved mapping.

A source's next file goes straight to (d) when its saved mapping places every column and knows every label.
`mapping_start` gives a source to a file sent without one (from the upload page, or after the verdict « Ce fichier
n'est pas au standard »).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from mediane.french import number

from . import import_jobs, services_sources, standard
from .enums import ImportFormat
from .forms_mapping import (
    MAX_COLUMNS,
    MAX_LABELS_PER_FIELD,
    ChooseSourceForm,
    ColumnRow,
    ColumnsForm,
    LabelRow,
    LabelsForm,
    LaunchForm,
    MappedFileForm,
)
from .mapping.apply import apply_profile
from .mapping.profile import Profile, ProfileError, label_key
from .mapping.propose import candidates_for, propose_profile
from .mapping.tabular import Table, read_table
from .models import PlaceSource
from .services import ImportRefused
from .services_sources import Draft, SourceRefused
from .standard import FormatError
from .views_sources import column_titles, get_source, posted, require_manager, saved_profile

PREVIEW_PLACES = 20
# The hidden input of every step's form that names the kept file the form was made for (`Draft.token`).
DRAFT_FIELD = "fichier"
PREVIEW_REJECTIONS = 50
UNSOURCED = "correspondance:sans-source"
# Copies of the files sent as the standard, by import: {job pk: draft}, for « Créer une correspondance pour ce
# fichier » on the job page.
IMPORT_DRAFTS = "correspondance:imports"


# --- The journey's state in the session ---------------------------------------------------------------------------


def _key(source: PlaceSource) -> str:
    return f"correspondance:{source.slug}"


def _state(request, source: PlaceSource) -> dict:
    return dict(request.session.get(_key(source)) or {})


def _save_state(request, source: PlaceSource, state: dict) -> None:
    request.session[_key(source)] = state


def _draft(request, source: PlaceSource) -> Draft | None:
    return Draft.from_json(_state(request, source).get("draft"))


def _profile_of(state: dict) -> Profile | None:
    try:
        return Profile.from_json(state["profile"]) if state.get("profile") else None
    except ProfileError:
        return None


def start_journey(request, source: PlaceSource, draft: Draft, *, remake: bool = False):
    """Give `draft` to the source's journey (forgetting a previous file), then go to its first useful step: the
    preview when the saved mapping is enough, else the columns (all proposed afresh with `remake`)."""
    previous = _draft(request, source)
    if previous is not None and previous.path != draft.path:
        services_sources.discard_draft(previous)
    _save_state(request, source, {"draft": draft.as_json(), "remake": remake})
    if remake:
        return redirect("structures:mapping_columns", slug=source.slug)
    try:
        table = read_table(draft.read(), draft.name)
        _check_width(table)
    except (FormatError, OSError) as error:
        services_sources.discard_draft(draft)
        request.session.pop(_key(source), None)
        messages.error(request, f"Ce fichier n'a pas pu être lu : {error}")
        return redirect("structures:mapping_upload", slug=source.slug)
    saved = saved_profile(source)
    if saved is not None and not saved.unplaced_columns(table.columns) and not _labels(table, saved, None, saved):
        _save_state(request, source, {"draft": draft.as_json(), "profile": saved.as_json()})
        messages.info(
            request,
            "La correspondance enregistrée pour cette source place chaque colonne et connaît chaque libellé : "
            "voici les lieux tels qu'ils seront importés.",
        )
        return redirect("structures:mapping_preview", slug=source.slug)
    return redirect("structures:mapping_columns", slug=source.slug)


def _check_width(table: Table) -> None:
    """Refuse a file with more columns than the columns step can show (`MAX_COLUMNS`), in French."""
    if len(table.columns) > MAX_COLUMNS:
        raise FormatError(
            f"Ce fichier a {number(len(table.columns))} colonnes, et Médiane en lit {number(MAX_COLUMNS)} au plus. "
            "Gardez dans le fichier les colonnes utiles aux lieux (nom, adresse, services, horaires, contacts…) "
            "et envoyez-le de nouveau."
        )


@dataclass
class _Step:
    """What every step after the upload works on: the source, its kept file read as a table, the journey's
    state, the mapping chosen so far (if any), and the source's saved mapping (None when remade)."""

    source: PlaceSource
    draft: Draft
    table: Table
    state: dict
    profile: Profile | None
    saved: Profile | None


def _open_step(request, slug: str, *, needs_profile: bool) -> _Step | HttpResponse:
    """The step's material, or a redirect to the step that must come first (the file, or the columns)."""
    require_manager(request.user)
    source = get_source(slug)
    draft = _draft(request, source)
    if draft is None:
        messages.error(
            request,
            "Le fichier n'est plus conservé (il l'est 24 heures) ou n'a pas été envoyé : envoyez-le de nouveau.",
        )
        return redirect("structures:mapping_upload", slug=source.slug)
    try:
        table = read_table(draft.read(), draft.name)
    except (FormatError, OSError) as error:
        messages.error(request, f"Ce fichier n'a pas pu être lu : {error}")
        return redirect("structures:mapping_upload", slug=source.slug)
    if request.method == "POST" and request.POST.get(DRAFT_FIELD) != draft.token:
        messages.error(
            request,
            f"Le fichier de cette correspondance a changé (un autre fichier a été envoyé, dans un autre onglet "
            f"peut-être) : rien n'a été importé. Le fichier en cours est « {draft.name} » : reprenez à "
            "l'étape « Le fichier » pour vérifier ce qui sera importé.",
        )
        return redirect("structures:mapping_upload", slug=source.slug)
    state = _state(request, source)
    profile = _profile_of(state)
    if needs_profile and profile is None:
        return redirect("structures:mapping_columns", slug=source.slug)
    saved = None if state.get("remake") else saved_profile(source)
    return _Step(source, draft, table, state, profile, saved)


# --- a. The file ----------------------------------------------------------------------------------------------------


@login_required
def mapping_upload(request, slug):
    """« Importer un fichier de cette source » / « Refaire la correspondance »: the file to map."""
    require_manager(request.user)
    source = get_source(slug)
    form = MappedFileForm(*posted(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            draft = services_sources.keep_draft(request.user, upload)
        except SourceRefused as refused:
            form.add_error("file", str(refused))
        else:
            try:
                _check_width(read_table(draft.read(), draft.name))
            except FormatError as error:
                services_sources.discard_draft(draft)
                form.add_error("file", f"Ce fichier n'a pas pu être lu : {error}")
            else:
                return start_journey(request, source, draft, remake=bool(request.POST.get("refaire")))
    context = {"source": source, "form": form, "has_profile": saved_profile(source) is not None}
    return render(request, "structures/mapping_upload.html", context)


# --- b. The columns -------------------------------------------------------------------------------------------------


@login_required
def mapping_columns(request, slug):
    """What each column of the file holds, proposed and confirmed, with the defaults of the required fields."""
    step = _open_step(request, slug, needs_profile=False)
    if isinstance(step, HttpResponse):
        return step
    source, draft, table, state, saved = step.source, step.draft, step.table, step.state, step.saved
    proposal = propose_profile(table, source=source.name, previous=saved)
    chosen = step.profile or proposal.profile
    form = ColumnsForm(
        posted(request)[0], columns=table.columns, profile=chosen, source_name=source.name, glued=_glued(table)
    )
    if request.method == "POST" and form.is_valid():
        profile = form.profile(source.name)
        state["profile"] = profile.as_json()
        _save_state(request, source, state)
        if _labels(table, profile, None, saved):
            return redirect("structures:mapping_labels", slug=source.slug)
        return redirect("structures:mapping_preview", slug=source.slug)
    proposed = {column.column: column for column in proposal.columns}
    placed = (saved.mapped_columns() | set(saved.extra) | set(saved.ignored)) if saved else None
    rows = []
    for index, column in enumerate(table.columns):
        found = proposed.get(column)
        rows.append(
            ColumnRow(
                index=index,
                name=column,
                samples=list(getattr(found, "samples", []))[:3],
                filled=getattr(found, "filled", 0),
                reason=getattr(found, "reason", ""),
                proposed=_target_label(getattr(found, "target", "")),
                new=placed is not None and column not in placed,
                target=form[f"c{index}"],
                separator=form[f"s{index}"] if f"s{index}" in form.fields else None,
                publish=form[f"p{index}"],
            )
        )
    context = {
        "source": source,
        "draft": draft,
        "draft_field": DRAFT_FIELD,
        "form": form,
        "rows": rows,
        "row_count": len(table.records),
        "joinable": [standard.FIELDS_BY_NAME[name].title for name in ("adresse", "complement_adresse")],
        "reused": saved is not None,
    }
    return render(request, "structures/mapping_columns.html", context)


GLUES = (";", ",", "/", "\n", "|")


def _glued(table: Table) -> set[str]:
    """The columns where some value holds a separator: they may hold several values."""
    glued: set[str] = set()
    for record in table.records:
        for column, value in record.items():
            if column not in glued and any(glue in value for glue in GLUES):
                glued.add(column)
    return glued


def _target_label(target: str) -> str:
    if target in standard.FIELDS_BY_NAME:
        return standard.FIELDS_BY_NAME[target].title
    return {"extra": "garder comme donnée supplémentaire", "ignored": "ignorer"}.get(target, "")


# --- c. The labels --------------------------------------------------------------------------------------------------


def _split(value: str, separator: str) -> list[str]:
    parts = value.split(separator or standard.SEPARATOR)
    if separator and separator != standard.SEPARATOR:
        parts = [piece for part in parts for piece in part.split(standard.SEPARATOR)]
    return [part.strip() for part in parts if part.strip()]


def _labels(table: Table, profile: Profile, proposal, saved: Profile | None) -> list[LabelRow]:
    """The source's labels outside the standard's vocabulary, field by field, most used first; with the saved
    translations (a label the saved mapping does not know is new) and the proposed ones."""
    proposed: dict[tuple[str, str], list[str]] = {}
    if proposal is not None:
        for name, items in (getattr(proposal, "labels", None) or {}).items():
            for item in items:
                proposed[(name, label_key(item.label))] = list(item.candidates)
    rows: list[LabelRow] = []
    for name, rule in profile.fields.items():
        vocabulary = standard.VOCABULARIES.get(name)
        if not vocabulary or not rule.columns:
            continue
        known = {label_key(label) for label in vocabulary}
        counts: dict[str, int] = {}
        spelled: dict[str, str] = {}
        for record in table.records:
            for column in rule.columns:
                for label in _split(record.get(column, ""), rule.separator):
                    key = label_key(label)
                    if key in known:
                        continue
                    spelled.setdefault(key, label)
                    counts[key] = counts.get(key, 0) + 1
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_LABELS_PER_FIELD]:
            label = spelled[key]
            candidates = proposed.get((name, key))
            if candidates is None:
                candidates = candidates_for(name, label) if proposal is not None else []
            saved_rule = saved.fields.get(name) if saved else None
            confirmed = saved_rule is not None and saved_rule.translation_of(label) is not None
            row = LabelRow(name, label, count, candidates, rule.translation_of(label), new=saved is not None)
            if not confirmed or proposal is not None:
                row.new = row.new and not confirmed
                rows.append(row)
    return rows


@login_required
def mapping_labels(request, slug):
    """One select (and an optional second) per label of the source outside the standard's vocabulary."""
    step = _open_step(request, slug, needs_profile=True)
    if isinstance(step, HttpResponse):
        return step
    source, draft, table, state, profile, saved = (
        step.source,
        step.draft,
        step.table,
        step.state,
        step.profile,
        step.saved,
    )
    proposal = propose_profile(table, source=source.name, previous=saved)
    labels = _labels(table, profile, proposal, saved)
    if not labels:
        return redirect("structures:mapping_preview", slug=source.slug)
    form = LabelsForm(posted(request)[0], labels=labels)
    if request.method == "POST" and form.is_valid():
        state["profile"] = form.apply(profile).as_json()
        _save_state(request, source, state)
        return redirect("structures:mapping_preview", slug=source.slug)
    groups: dict[str, list[LabelRow]] = {}
    for row in labels:
        groups.setdefault(row.field, []).append(row)
    context = {
        "source": source,
        "draft": draft,
        "draft_field": DRAFT_FIELD,
        "form": form,
        "groups": [(standard.FIELDS_BY_NAME[name].title, rows) for name, rows in groups.items()],
    }
    return render(request, "structures/mapping_labels.html", context)


# --- d. The preview and the import -------------------------------------------------------------------------------


def _card(row: dict, line: int) -> dict:
    return {
        "line": line,
        "nom": row.get("nom", ""),
        "adresse": " ".join(part for part in (row.get("adresse", ""), row.get("complement_adresse", "")) if part),
        "commune": " ".join(part for part in (row.get("code_postal", ""), row.get("commune", "")) if part),
        "services": [standard.plain_words("services", label) for label in row.get("services", [])],
        "horaires": row.get("horaires", ""),
        "telephone": row.get("telephone", ""),
        "id": row.get("id", ""),
    }


@login_required
def mapping_preview(request, slug):
    """The first places as they will be imported, the rejected rows and the report per column; then « Vérifier
    sans importer » or « Enregistrer la correspondance et importer »."""
    step = _open_step(request, slug, needs_profile=True)
    if isinstance(step, HttpResponse):
        return step
    source, draft, table, profile = step.source, step.draft, step.table, step.profile
    unplaced = profile.unplaced_columns(table.columns)
    if unplaced:
        messages.info(request, "Le fichier a des colonnes que la correspondance ne place pas encore : choisissez.")
        return redirect("structures:mapping_columns", slug=source.slug)
    profile.source = profile.source or source.name
    form = LaunchForm(posted(request)[0])
    if request.method == "POST" and form.is_valid():
        dry_run = request.POST.get("action") != "importer"
        try:
            if not dry_run:
                services_sources.save_profile(request.user, source, profile)
            with draft.open() as upload:
                job = import_jobs.launch_import(
                    request.user,
                    upload,
                    file_format=ImportFormat.MAPPED,
                    dry_run=dry_run,
                    place_source=source,
                    profile=profile,
                    all_or_nothing=form.all_or_nothing,
                )
        except (ImportRefused, SourceRefused) as refused:
            form.add_error(None, str(refused))
        else:
            services_sources.discard_draft(draft)
            request.session.pop(_key(source), None)
            if dry_run:
                said = (
                    f"La vérification du fichier « {job.file_name} » est lancée, avec la correspondance vérifiée "
                    f"(celle enregistrée pour « {source.name} » ne change pas) : cette page montre son avancement."
                )
            else:
                said = (
                    f"La correspondance de « {source.name} » est enregistrée. L'import du fichier "
                    f"« {job.file_name} » est lancé : cette page montre son avancement."
                )
            messages.success(request, said)
            return redirect(job)
    result = apply_profile(table, profile)
    cards = [_card(row, line) for row, line in zip(result.rows[:PREVIEW_PLACES], result.lines, strict=False)]
    context = {
        "source": source,
        "draft": draft,
        "draft_field": DRAFT_FIELD,
        "form": form,
        "cards": cards,
        "row_count": len(table.records),
        "valid_count": len(result.rows),
        "rejected_count": len(result.rejected),
        "rejections": result.rejected[:PREVIEW_REJECTIONS],
        "warnings": result.warnings,
        "column_report": column_titles(result.column_report),
        "row_word": table.row_word,
        "has_labels": any(rule.translations for rule in profile.fields.values()),
    }
    return render(request, "structures/mapping_preview.html", context)


# --- A file sent without source -------------------------------------------------------------------------------------


def unsourced_draft(request) -> Draft | None:
    return Draft.from_json(request.session.get(UNSOURCED))


def keep_unsourced(request, draft: Draft) -> None:
    services_sources.discard_draft(unsourced_draft(request))
    request.session[UNSOURCED] = draft.as_json()


@login_required
def mapping_start(request):
    """Choose or create the source of a file sent without one, then map that same file (no second upload)."""
    require_manager(request.user)
    from_import = (request.session.get(IMPORT_DRAFTS) or {}).get(request.GET.get("import", ""))
    if from_import is not None and (kept := Draft.from_json(from_import)) is not None:
        keep_unsourced(request, kept)
        imports = dict(request.session[IMPORT_DRAFTS])
        imports.pop(request.GET["import"], None)
        request.session[IMPORT_DRAFTS] = imports
    draft = unsourced_draft(request)
    if draft is None:
        messages.error(
            request, "Le fichier n'est plus conservé (il l'est 24 heures) : envoyez-le depuis la page de sa source."
        )
        return redirect("structures:sources")
    form = ChooseSourceForm(posted(request)[0])
    if request.method == "POST" and form.is_valid():
        source = form.cleaned_data["source"]
        if source is None:
            try:
                source = services_sources.create_source(request.user, form.cleaned_data["name"])
            except SourceRefused as refused:
                form.add_error("name", str(refused))
        if source is not None:
            request.session.pop(UNSOURCED, None)
            return start_journey(request, source, draft)
    context = {"form": form, "draft": draft, "sources_url": reverse("structures:sources")}
    return render(request, "structures/mapping_start.html", context)
