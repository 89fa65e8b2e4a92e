"""Public pages of funding schemes: the list, a scheme, the eligibility finder « À quelles aides ma bibliothèque
peut-elle prétendre ? », the structure's funding profile, and the open data of schemes and rules. Thin: fetch
through the visibility rules, check access, call one service, redirect or render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from mediane import downloads, numbers, text
from mediane.consultation.markup import render_markup
from mediane.ratelimits import writes_limited
from mediane.structures.models import Structure

from . import eligibility, finder, services
from .forms import ProfileForm
from .models import EligibilityRule, Scheme, StructureProfile

# How many structures an organiser's search lists.
SEARCH_LIMIT = 20


def _rules():
    return Prefetch("rules", queryset=EligibilityRule.objects.order_by("position", "pk"))


def _visible_scheme(request, slug: str) -> Scheme:
    """The scheme if this person may see it; an unpublished one is « not found » for everyone but organisers."""
    scheme = get_object_or_404(Scheme.objects.prefetch_related(_rules()), slug=slug)
    if not request.user.has_perm("funding.view_scheme", scheme):
        raise Http404("Ce dispositif n'existe pas ou n'est pas publié.")
    return scheme


def schemes(request):
    """Every scheme this person may see, with its funder, period and amount in words. Two queries."""
    rows = list(Scheme.objects.visible_to(request.user).prefetch_related(_rules()))
    return render(
        request,
        "funding/schemes.html",
        {"schemes": rows, "can_manage": request.user.has_perm("funding.manage_schemes")},
    )


def scheme_detail(request, slug):
    scheme = _visible_scheme(request, slug)
    return render(
        request,
        "funding/scheme.html",
        {
            "scheme": scheme,
            "rules": list(scheme.rules.all()),
            # Sanitised by the forum's Markdown subset (nh3): safe to show as HTML.
            "description_html": mark_safe(render_markup(scheme.description)),  # noqa: S308
            "can_manage": request.user.has_perm("funding.manage_schemes"),
        },
    )


# --- The finder ----------------------------------------------------------------------------------------------


def _managed_structures(user) -> list[Structure]:
    if not user.is_authenticated:
        return []
    return list(user.managed_structures.order_by("name", "pk"))


def _chosen_structure(request, managed: list[Structure]) -> Structure | None:
    """The structure the finder runs on: `?structure=<id>` among those the person may run it on (their own, or any
    for organisers), or their only one. Someone else's structure is « not found »: the page does not say whether
    it exists."""
    text = request.GET.get("structure")
    if not text:
        return managed[0] if len(managed) == 1 else None
    pk = numbers.query_int(text, default=0)
    for structure in managed:
        if structure.pk == pk:
            return structure
    if request.user.has_perm("funding.manage_schemes"):
        structure = Structure.objects.filter(pk=pk).first()
        if structure is not None:
            return structure
    raise Http404("Cette structure n'existe pas, ou vous n'en êtes pas responsable.")


def _organiser_search(request) -> tuple[str, list[Structure]]:
    if not request.user.has_perm("funding.manage_schemes"):
        return "", []
    query = " ".join(request.GET.get("q", "").split())[:100]
    if not query or text.find_control_character(query):
        return "", []
    return query, list(Structure.objects.filter(name__icontains=query).order_by("name", "pk")[:SEARCH_LIMIT])


def eligibility_finder(request):
    """« À quelles aides ma bibliothèque peut-elle prétendre ? »: every visible scheme evaluated on the chosen
    structure's facts, eligible first, each rule with why and what would make it pass. A constant number of
    queries (the schemes and their rules in two, the facts in four)."""
    managed = _managed_structures(request.user)
    structure = _chosen_structure(request, managed)
    query, found = _organiser_search(request)
    context = {
        "managed": managed,
        "structure": structure,
        "query": query,
        "found": found,
        "is_organiser": request.user.has_perm("funding.manage_schemes"),
    }
    if structure is not None:
        facts = finder.structure_facts(structure)
        results = finder.evaluate_schemes(finder.schemes_with_rules(request.user), facts)
        counts = {verdict: 0 for verdict in eligibility.Verdict}
        for result in results:
            counts[result.evaluation.verdict] += 1
        context |= {
            "facts": facts,
            "fact_rows": facts.rows(),
            "results": results,
            "counts": {verdict.value: count for verdict, count in counts.items()},
            "can_edit_profile": request.user.has_perm("funding.edit_profile", structure),
            "fix_urls": {
                eligibility.FIX_EDIT_PROFILE: reverse("funding:profile", args=[structure.pk]),
                eligibility.FIX_SIGN_CHARTER: reverse("roadmap:charter_sign"),
            },
        }
    return render(request, "funding/finder.html", context)


@login_required
@writes_limited
def profile_edit(request, structure_pk):
    """What only the structure can declare for the finder, edited by one of its managers."""
    structure = Structure.objects.filter(pk=structure_pk).first()
    if structure is None or not request.user.has_perm("funding.edit_profile", structure):
        # The same answer for a structure that does not exist and for one the person does not manage.
        raise PermissionDenied
    profile = StructureProfile.objects.filter(structure=structure).first()
    form = ProfileForm(request.POST or None, initial=ProfileForm.initial_for(profile))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_profile(structure, form.profile_data(), by=request.user)
        except services.ProfileError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Le profil de votre structure est enregistré. Voici les aides mises à jour.")
            return redirect(f"{reverse('funding:finder')}?structure={structure.pk}")
    status = 400 if form.is_bound else 200
    return render(
        request, "funding/profile.html", {"form": form, "structure": structure, "profile": profile}, status=status
    )


# --- Open data ---------------------------------------------------------------------------------------------------

OPEN_DATA_COLUMNS = [
    "dispositif",
    "nom",
    "financeur",
    "type_de_financeur",
    "periode",
    "montant",
    "taux_maximal_pourcent",
    "plafond_euros",
    "montant_par_unite_euros",
    "unite",
    "chiffres_illustratifs",
    "source",
    "regle_numero",
    "regle_critere",
    "regle_condition",
    "regle_valeur",
    "regle_en_clair",
]


def _open_data_rows():
    """One row per rule of a published scheme (one row for a scheme without rules). Two queries."""
    for scheme in Scheme.objects.public().prefetch_related(_rules()):
        head = [
            scheme.slug,
            scheme.name,
            scheme.funder,
            scheme.funder_kind,
            scheme.period_text,
            scheme.amount_text,
            scheme.rate_percent,
            scheme.ceiling_euros,
            scheme.unit_amount_euros,
            scheme.unit_name,
            scheme.figures_are_illustrative,
            scheme.source_url,
        ]
        rules = list(scheme.rules.all())
        if not rules:
            yield [*head, None, "", "", None, ""]
        for rule in rules:
            yield [*head, rule.position, rule.fact, rule.operator, rule.value, rule.sentence]


def schemes_csv(request):
    rows = (
        [
            "" if value is None else ("oui" if value is True else "non" if value is False else value)
            for value in row[:-2]
        ]
        + [eligibility_value(row[-2]), row[-1]]
        for row in _open_data_rows()
    )
    return downloads.csv_download(rows, "financements-dispositifs.csv", header=OPEN_DATA_COLUMNS)


def eligibility_value(value) -> str:
    """A rule's value in a CSV cell: codes separated by « | », numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(str(item) for item in value)
    return str(value)


def schemes_json(request):
    return downloads.json_download(_open_data_rows(), OPEN_DATA_COLUMNS, "financements-dispositifs.json")
