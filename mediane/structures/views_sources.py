"""Views of the sources of places (organisers): the list of sources with their places and last import, a new
source, a source's page with its mapping in plain words, the mapping as a file to download, and its replacement by
a file. Thin: check access, call one service (`services_sources`), then redirect or render. The mapping journey is
in `views_mapping.py`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mediane import downloads

from . import services_sources, standard
from .forms_mapping import ProfileFileForm, SourceForm
from .mapping.profile import MAX_PROFILE_BYTES, SEPARATORS, Profile, ProfileError
from .models import ImportJob, PlaceSource

SOURCE_IMPORTS_SHOWN = 20
PERM = "structures.manage_sources"


def posted(request):
    """The data and files of a POST (even an empty one, which is then refused field by field), None on a GET."""
    if request.method != "POST":
        return None, None
    return request.POST, request.FILES


def require_manager(user) -> None:
    if not user.has_perm(PERM):
        raise PermissionDenied


def get_source(slug: str) -> PlaceSource:
    return get_object_or_404(PlaceSource, slug=slug)


def saved_profile(source: PlaceSource) -> Profile | None:
    """The source's saved mapping, or None when it has none (or an unreadable one, which is then remade)."""
    if not source.profile:
        return None
    try:
        profile = Profile.from_json(source.profile)
    except ProfileError:
        return None
    return None if profile.is_empty else profile


def column_titles(entries: object) -> list[dict]:
    """A per-column report (`ReadResult.column_report`) with each field's title, for
    `components/column_report.html`; anything malformed in a stored report is left out."""
    shown = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        names = entry.get("fields")
        if not isinstance(names, list):
            names = [name.strip() for name in str(entry.get("field") or "").split(",") if name.strip()]
        titles = [standard.FIELDS_BY_NAME[n].title if n in standard.FIELDS_BY_NAME else str(n) for n in names]
        shown.append(entry | {"field_title": ", ".join(titles)})
    return shown


def _with_last_import(queryset):
    last = ImportJob.objects.filter(place_source=OuterRef("pk")).order_by("-created_at", "-id")
    annotations = {
        f"last_{name}": Subquery(last.values(name)[:1])
        for name in ("pk", "created_at", "status", "dry_run", "created_count", "updated_count", "rejected_count")
    }
    return queryset.annotate(place_count=Count("places", distinct=True), **annotations)


def _sources_page(request, form):
    sources = _with_last_import(PlaceSource.objects.all()).defer("profile")
    has_profile = set(PlaceSource.objects.exclude(profile={}).values_list("pk", flat=True))
    return render(request, "structures/sources.html", {"sources": sources, "form": form, "has_profile": has_profile})


@login_required
def sources(request):
    """Every source with its number of places, its last import and whether it has a mapping; « Ajouter une
    source » (POST)."""
    require_manager(request.user)
    form = SourceForm(posted(request)[0])
    if request.method == "POST" and form.is_valid():
        try:
            source = services_sources.create_source(request.user, form.cleaned_data["name"])
        except services_sources.SourceRefused as refused:
            form.add_error("name", str(refused))
        else:
            messages.success(request, f"La source « {source.name} » est ajoutée. Envoyez un de ses fichiers.")
            return redirect(source)
    return _sources_page(request, form)


def describe_profile(profile: Profile) -> list[dict]:
    """The mapping in plain words, one line per field of the standard it fills, in the standard's order."""
    lines = []
    for spec in standard.FIELDS:
        rule = profile.fields.get(spec.name)
        if rule is None:
            continue
        translations = [
            (label, list(targets))
            for label, targets in sorted(rule.translations.items(), key=lambda item: item[0].casefold())
        ]
        lines.append(
            {
                "field": spec.title,
                "name": spec.name,
                "columns": rule.columns,
                "join": rule.join if rule.columns[1:] else "",
                "separator": SEPARATORS.get(rule.separator, rule.separator) if rule.separator else "",
                "translations": translations,
                "default": rule.default,
            }
        )
    return lines


def _source_page(request, source: PlaceSource, profile_form=None, status=200):
    profile = saved_profile(source)
    jobs = source.imports.select_related("created_by").defer("report", "profile")[:SOURCE_IMPORTS_SHOWN]
    context = {
        "source": source,
        "profile": profile,
        "lines": describe_profile(profile) if profile else [],
        "jobs": jobs,
        "place_count": source.places.count(),
        "profile_form": profile_form or ProfileFileForm(),
    }
    return render(request, "structures/source.html", context, status=status)


@login_required
def source(request, slug):
    """A source: its mapping in plain words, its imports, and what can be done with them."""
    require_manager(request.user)
    return _source_page(request, get_source(slug))


@login_required
def source_profile(request, slug):
    """« Télécharger la correspondance »: the profile file (JSON), for `import_lieux --profil` or another Médiane."""
    require_manager(request.user)
    found = get_source(slug)
    profile = saved_profile(found)
    if profile is None:
        messages.error(request, "Cette source n'a pas encore de correspondance : envoyez un de ses fichiers.")
        return redirect(found)
    return downloads.attachment(profile.dumps(), "application/json; charset=utf-8", f"correspondance-{found.slug}.json")


@login_required
@require_POST
def source_profile_upload(request, slug):
    """« Remplacer la correspondance par un fichier »: a profile file replaces the source's mapping."""
    require_manager(request.user)
    found = get_source(slug)
    form = ProfileFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services_sources.import_profile_file(
                request.user, found, form.cleaned_data["file"].read(MAX_PROFILE_BYTES + 1)
            )
        except ProfileError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, "La correspondance de la source est remplacée par celle du fichier.")
            return redirect(found)
    return _source_page(request, found, profile_form=form, status=400)
