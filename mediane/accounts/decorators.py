"""View decorators about people: a signed-in person must have accepted the charter before writing."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse


def charter_required(view):
    """Send a signed-in person who has not accepted the charter to it, then back to this page.

    Anonymous visitors go to the login page first; the charter comes after they sign in.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.has_accepted_charter:
            return redirect(f"{reverse('accounts:charter')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapper
