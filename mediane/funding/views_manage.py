"""The organisers' pages of funding schemes (`funding.manage_schemes`): every scheme, unpublished ones too; create
and edit a scheme with its rules (« Ajouter une règle » re-renders the form with one more row, without
JavaScript); publish and unpublish. Thin: check the permission, call one service, redirect or render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mediane.ratelimits import writes_limited

from . import eligibility, services
from .forms import RULES_FULL_MESSAGE, RuleFormSet, SchemeForm, rule_initial, with_one_more_rule
from .models import Scheme

RULES_PREFIX = "rules"


def _require_manager(request) -> None:
    if not request.user.has_perm("funding.manage_schemes"):
        raise PermissionDenied


@login_required
def manage(request):
    """Every scheme, unpublished ones too, with the number of its rules. Two queries."""
    _require_manager(request)
    schemes = list(Scheme.objects.prefetch_related("rules"))
    return render(request, "funding/manage/schemes.html", {"schemes": schemes})


def _save(request, scheme: Scheme | None):
    data = request.POST if request.method == "POST" else None
    adding = data is not None and "add_rule" in data
    rules_full = False
    if adding:
        data, rules_full = with_one_more_rule(data, RULES_PREFIX)
        if rules_full:
            messages.warning(request, RULES_FULL_MESSAGE)
    form = SchemeForm(data, instance=scheme if scheme is not None else Scheme())
    if data is None:
        rules = RuleFormSet(prefix=RULES_PREFIX, initial=rule_initial(scheme) if scheme is not None else [{}])
    else:
        rules = RuleFormSet(data, prefix=RULES_PREFIX)
    if data is not None and not adding and form.is_valid() and rules.is_valid():
        try:
            if scheme is None:
                scheme = services.create_scheme(form.scheme_data(), rules.rules())
                messages.success(request, "Le dispositif est enregistré avec ses règles.")
            else:
                scheme = services.update_scheme(scheme, form.scheme_data(), rules.rules())
                messages.success(request, "Les modifications du dispositif et de ses règles sont enregistrées.")
        except services.SchemeError as error:
            for message in error.messages:
                form.add_error(None, message)
            rules.show_refusals(error.messages)
        else:
            return redirect(scheme)
    status = 400 if data is not None and not adding else 200
    context = {
        "form": form,
        "rules": rules,
        "scheme": scheme,
        "can_add_rule": rules.total_form_count() < services.MAX_RULES,
        "max_rules": services.MAX_RULES,
        "facts": list(eligibility.FACTS.values()),
        "value_help": {fact_type.value: text for fact_type, text in eligibility.VALUE_HELP.items()},
        "operators_by_type": {
            fact_type.value: [eligibility.OPERATORS[key].label for key in keys]
            for fact_type, keys in eligibility.OPERATORS_BY_TYPE.items()
        },
    }
    return render(request, "funding/manage/scheme_form.html", context, status=status)


@login_required
@writes_limited
def scheme_create(request):
    _require_manager(request)
    return _save(request, None)


@login_required
@writes_limited
def scheme_edit(request, slug):
    _require_manager(request)
    scheme = get_object_or_404(Scheme.objects.prefetch_related("rules"), slug=slug)
    return _save(request, scheme)


@login_required
@require_POST
@writes_limited
def scheme_publish(request, slug):
    """Publish (`publier=1`) or unpublish (`publier=0`) a scheme."""
    _require_manager(request)
    scheme = get_object_or_404(Scheme, slug=slug)
    publish = request.POST.get("publier") == "1"
    try:
        services.set_published(scheme, publish)
    except services.SchemeError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            "Le dispositif est publié : tout le monde le voit, et le moteur d'éligibilité le prend en compte."
            if publish
            else "Le dispositif n'est plus publié : seuls les organisateurs le voient.",
        )
    return redirect("funding:manage")
