"""Views of « la charte de l'inclusion numérique en bibliothèque »: the public page (text in force, signatories,
the signing block of a structure's manager), past versions, the signatories as open data, and the organisers'
pages (versions, drafts, publication). Thin: fetch and check access, call one service, redirect or render.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render

from mediane import downloads, numbers
from mediane.ratelimits import writes_limited
from mediane.structures.models import Structure

from . import services_charter
from .forms_charter import SignatureForm, VersionForm
from .models import CharterSignature, CharterVersion
from .services_charter import CharterDraft, CharterError

SIGNATORIES_PAGE_SIZE = 100
OPEN_DATA_CHUNK = 2000


def _require(request, permission: str, obj=None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


# --- The signing block: what a signed-in person sees about their structures ------------------------------------


@dataclass(frozen=True)
class ManagedStructure:
    """A structure the person manages, with its latest signature (None: never signed)."""

    structure: Structure
    signature: CharterSignature | None
    up_to_date: bool


def _managed(user, current: CharterVersion | None) -> list[ManagedStructure]:
    """The structures `user` manages and where each stands. Two queries whatever their number."""
    if not user.is_authenticated:
        return []
    structures = list(user.managed_structures.order_by("name", "pk"))
    if not structures:
        return []
    latest = {
        signature.structure_id: signature
        for signature in CharterSignature.objects.latest_per_structure().filter(structure__in=structures)
    }
    rows = []
    for structure in structures:
        signature = latest.get(structure.pk)
        up_to_date = signature is not None and current is not None and signature.version_id == current.pk
        rows.append(ManagedStructure(structure, signature, up_to_date))
    return rows


def _signing_context(request, current: CharterVersion | None, form: SignatureForm | None = None) -> dict:
    managed = _managed(request.user, current)
    to_sign = [row.structure for row in managed if not row.up_to_date]
    if form is None and current is not None and to_sign:
        form = SignatureForm(structures=to_sign, initial={"version": current.number})
    return {
        "managed": managed,
        "renewals": [row for row in managed if row.signature is not None and not row.up_to_date],
        # A refused form is kept even when there is nothing left to sign: its message says why.
        "form": form,
        "can_sign": bool(to_sign) and current is not None,
    }


# --- Public pages ---------------------------------------------------------------------------------------------


def _signatories():
    """Each structure's latest signature, by département, commune and name."""
    return CharterSignature.objects.latest_per_structure().order_by(
        "structure__departement", "structure__commune", "structure__name", "structure_id"
    )


def charter(request):
    """The version in force, the signatories (paginated) and, for a signed-in person, their structures."""
    current = CharterVersion.objects.current()
    page = Paginator(_signatories(), SIGNATORIES_PAGE_SIZE).get_page(numbers.page_number(request.GET.get("page")))
    past = list(CharterVersion.objects.published().exclude(pk=current.pk if current else None).order_by("-number"))
    context = {
        "current": current,
        "page": page,
        "past_versions": past,
        "can_manage": request.user.has_perm("roadmap.manage_charter"),
        **_signing_context(request, current),
    }
    return render(request, "roadmap/charter/charter.html", context)


def charter_version(request, number):
    """One version's text (a draft only for the organisers), with what changed and how many structures signed it."""
    version = get_object_or_404(CharterVersion.objects.readable_by(request.user), number=number)
    current = CharterVersion.objects.current()
    return render(
        request,
        "roadmap/charter/version.html",
        {
            "version": version,
            "version_label": f"Version {version.number}",
            "current": current,
            "signed_total": version.signatures.count(),
        },
    )


@login_required
@writes_limited
def charter_sign(request):
    """Sign the version in force for one of the structures the person manages. The form is also on the charter's
    page; this page shows it again with what to fix."""
    current = CharterVersion.objects.current()
    if current is None:
        messages.error(request, "La charte n'est pas encore publiée : il n'y a rien à signer pour le moment.")
        return redirect("roadmap:charter")
    form = None
    if request.method == "POST":
        managed = _managed(request.user, current)
        form = SignatureForm(request.POST, structures=[row.structure for row in managed if not row.up_to_date])
        if form.is_valid():
            data = form.cleaned_data
            version = CharterVersion.objects.published().filter(number=data["version"]).first()
            try:
                if version is None:
                    raise CharterError("Cette version de la charte n'est pas publiée : relisez la page de la charte.")
                signature = services_charter.sign_charter(request.user, data["structure"], version, data["function"])
            except CharterError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    f"Merci : « {signature.structure.name} » a signé la version {version.number} de la charte. "
                    "Elle apparaît dans la liste des signataires.",
                )
                return redirect("roadmap:charter")
    return render(
        request, "roadmap/charter/sign.html", {"current": current, **_signing_context(request, current, form)}
    )


# --- Open data -------------------------------------------------------------------------------------------------

# One definition of the columns for the page, the CSV and the JSON. No name, no e-mail, no account: structures only.
SIGNATORIES_COLUMNS = [
    ("structure", "Nom de la structure signataire."),
    ("siret", "Numéro SIRET de la structure, s'il est connu."),
    ("commune", "Commune de la structure."),
    ("code_insee", "Code INSEE de la commune."),
    ("departement", "Code du département."),
    ("version_signee", "Numéro de la dernière version de la charte signée par la structure."),
    ("signee_le", "Date et heure de cette signature (ISO 8601, UTC)."),
    ("a_jour", "« oui » si la structure a signé la version en vigueur, « non » si elle doit renouveler."),
]


def _signatory_rows():
    """The signatories as export rows, read in chunks so that memory stays flat: two queries."""
    current = CharterVersion.objects.current()
    rows = _signatories().values_list(
        "structure__name",
        "structure__siret",
        "structure__commune",
        "structure__insee_code",
        "structure__departement",
        "version__number",
        "signed_at",
        "version_id",
    )
    for name, siret, commune, insee, departement, number, signed_at, version_id in rows.iterator(
        chunk_size=OPEN_DATA_CHUNK
    ):
        up_to_date = current is not None and version_id == current.pk
        yield [name, siret, commune, insee, departement, number, signed_at.isoformat(), "oui" if up_to_date else "non"]


def charter_signatories_csv(request):
    header = [name for name, _ in SIGNATORIES_COLUMNS]
    return downloads.csv_download(_signatory_rows(), "charte-signataires.csv", header=header)


def charter_signatories_json(request):
    names = [name for name, _ in SIGNATORIES_COLUMNS]
    return downloads.json_download(_signatory_rows(), names, "charte-signataires.json")


# --- Organisers ------------------------------------------------------------------------------------------------


@login_required
def charter_manage(request):
    """Every version, drafts included, with its number of signatures."""
    _require(request, "roadmap.manage_charter")
    versions = CharterVersion.objects.annotate(signatures_total=Count("signatures")).order_by("-number")
    return render(request, "roadmap/charter/manage.html", {"versions": versions})


def _draft(form: VersionForm) -> CharterDraft:
    data = form.cleaned_data
    return CharterDraft(title=data["title"], text=data["text"], changes=data["changes"])


@login_required
def charter_version_create(request):
    _require(request, "roadmap.manage_charter")
    current = CharterVersion.objects.current()
    # A new version starts from the text in force: most versions change a few lines.
    initial = {"title": current.title, "text": current.text} if current else {}
    form = VersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = services_charter.write_version(request.user, _draft(form))
        except CharterError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"La version {version.number} est enregistrée en brouillon : elle n'est pas publiée."
            )
            return redirect("roadmap:charter_manage")
    return render(request, "roadmap/charter/version_form.html", {"form": form, "version": None})


def _draft_or_redirect(request, number):
    version = get_object_or_404(CharterVersion, number=number)
    if version.is_published:
        messages.error(
            request, f"La version {version.number} est publiée : elle ne change plus. Écrivez une nouvelle version."
        )
        return version, redirect("roadmap:charter_manage")
    return version, None


@login_required
def charter_version_edit(request, number):
    _require(request, "roadmap.manage_charter")
    version, refused = _draft_or_redirect(request, number)
    if refused:
        return refused
    initial = {"title": version.title, "text": version.text, "changes": version.changes}
    form = VersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services_charter.update_version(request.user, version, _draft(form))
        except CharterError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Le brouillon de la version {version.number} est enregistré.")
            return redirect("roadmap:charter_manage")
    return render(request, "roadmap/charter/version_form.html", {"form": form, "version": version})


@login_required
def charter_version_publish(request, number):
    """A confirmation page (the text as it will read, and who will be asked to renew), then the publication."""
    _require(request, "roadmap.manage_charter")
    version, refused = _draft_or_redirect(request, number)
    if refused:
        return refused
    error = ""
    if request.method == "POST":
        try:
            services_charter.publish_version(request.user, version)
        except CharterError as refusal:
            error = str(refusal)
        else:
            messages.success(
                request,
                f"La version {version.number} est publiée : c'est la version en vigueur. Les responsables des "
                "structures qui avaient signé une version précédente reçoivent un e-mail pour renouveler.",
            )
            return redirect("roadmap:charter")
    renew_total = services_charter.structures_to_renew(version).count()
    return render(
        request, "roadmap/charter/publish.html", {"version": version, "renew_total": renew_total, "error": error}
    )
