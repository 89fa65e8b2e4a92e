"""Views of a person's own account: profile, charter, data export, deletion; and, before the account is confirmed,
the page « Confirmez votre adresse e-mail » with its two actions (send the e-mail again, fix the address)."""

import json

from allauth.core.exceptions import RateLimited
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mediane.ratelimits import wait_phrase
from mediane.text import control_character_message

from . import confirmation, services
from .forms import CharterForm, ConfirmationEmailForm, DeleteAccountForm, ProfileForm
from .panels import profile_panels


def _safe_next(request, fallback: str) -> str:
    """The `next` address if it is a path of this site, else `fallback`: no open redirect, and nothing that
    `redirect()` would take for the name of a view (« next=profil » is not an address)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and control_character_message(target) is None
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return fallback


@login_required
def profile(request):
    return render(
        request,
        "accounts/profile.html",
        # Panels registered by higher apps (the roadmap): see panels.py.
        {"roles": services.roles_of(request.user), "panels": profile_panels(request)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm.for_user(request.user, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.update_profile(request.user, **form.cleaned_data)
        messages.success(request, "Votre profil est enregistré.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile_edit.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def charter(request):
    next_url = _safe_next(request, reverse("accounts:profile"))
    form = CharterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.accept_charter(request.user)
        messages.success(request, "Merci ! Vous avez accepté la charte : vous pouvez maintenant contribuer.")
        return redirect(next_url)
    return render(request, "accounts/charter.html", {"form": form, "next_url": next_url})


@login_required
def export(request):
    data = services.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"mediane-mes-donnees-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user)
        messages.success(
            request,
            "Votre compte est supprimé. Vos contributions restent visibles sous le nom « Participant·e anonyme ».",
        )
        return redirect("pages:home")
    return render(request, "accounts/delete.html", {"form": form}, status=429 if form.refusal else 200)


# --- Before the account is confirmed -------------------------------------------------------------------------


def _confirmation_page(request, pending, email_form=None, status: int = 200):
    context = {
        "pending": pending,
        "email_form": email_form or ConfirmationEmailForm(current=pending.email if pending else ""),
        "cooldown": _cooldown(),
    }
    return render(request, "account/verification_sent.html", context, status=status)


@require_GET
def verification_sent(request):
    """allauth's « Confirmez votre adresse e-mail » (same address), saying where the e-mail went and what to do."""
    return _confirmation_page(request, confirmation.pending(request))


@require_POST
def resend_confirmation(request):
    pending = confirmation.pending(request)
    if pending is not None and not pending.confirmed:
        if confirmation.resend(request, pending):
            messages.success(request, f"C'est fait : un nouvel e-mail est parti vers {pending.email}.")
        else:
            messages.warning(
                request,
                f"Un e-mail est déjà parti vers {pending.email} il y a moins de {_cooldown()}. Attendez un peu "
                "avant d'en demander un autre, et regardez aussi dans le dossier « courrier indésirable » (spam).",
            )
    return redirect("account_email_verification_sent")


@require_POST
def change_confirmation_email(request):
    pending = confirmation.pending(request)
    if pending is None or pending.confirmed or not pending.can_change:
        return redirect("account_email_verification_sent")
    form = ConfirmationEmailForm(request.POST, current=pending.email)
    if not form.is_valid():
        return _confirmation_page(request, pending, email_form=form)
    email = form.cleaned_data["email"]
    try:
        sent = confirmation.change_address(request, pending, email)
    except RateLimited:
        messages.error(request, "Vous avez fait trop de demandes en peu de temps. Attendez une heure et réessayez.")
        return redirect("account_email_verification_sent")
    if sent:
        messages.success(request, f"C'est noté : nous avons écrit à {email}.")
    else:
        messages.warning(
            request,
            f"C'est noté. Un e-mail est déjà parti vers {email} il y a moins de {_cooldown()} : regardez dans "
            "cette boîte, et aussi dans le dossier « courrier indésirable » (spam).",
        )
    return redirect("account_email_verification_sent")


def _cooldown() -> str:
    return wait_phrase(settings.MEDIANE_CONFIRMATION_PAUSE)
