"""The one rate limiter of the platform: named limits, counted in Django's cache, used by every limit there is.

The API's throttles (`config/api.py`), failed logins (`accounts/adapters.py`), the forum's write forms
(`writes_limited`) and the password typed to delete an account all count here, under the names of `LIMITS`.

Algorithm: a sliding window counter. Each key has one integer per fixed window of the rate's period; a hit
adds one to the current window with `cache.add` then `cache.incr` (both atomic in Redis and in the local-memory
cache, so concurrent requests can never all pass), and the previous window is counted for the part of it that
still lies in the last period. Compared with the timestamp list of allauth or django-ninja, there is no
read-modify-write to race on and one small integer per window; compared with a bare fixed window, a burst that
straddles two windows is still counted as one burst. A refused hit is given back at once, so hammering does not
lengthen the wait, and `retry_after` says how many seconds to wait.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mediane.client_address import client_address
from mediane.french import count_phrase

# Tests move time forward by replacing this function; nothing else should.
clock: Callable[[], float] = time.time

UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*$")
# A household or a library gets a whole IPv6 /64: counting its addresses one by one would be no limit at all.
IPV6_PREFIX = 64


@dataclass(frozen=True)
class Rate:
    amount: int
    period: int  # seconds


def parse_rate(text: str) -> Rate:
    """`"60/m"`, `"5/15m"`, `"1000/day"` (the format django-ninja read before) as a Rate."""
    match = RATE_PATTERN.match(text or "")
    if not match or match.group(3) not in UNITS or int(match.group(1)) < 1:
        raise ImproperlyConfigured(
            f"Limite « {text} » illisible : écrivez un nombre, une barre et une durée, par exemple 60/m ou 5/15m."
        )
    multiple = int(match.group(2) or 1)
    return Rate(amount=int(match.group(1)), period=multiple * UNITS[match.group(3)])


@dataclass(frozen=True)
class Limit:
    """A named limit. Its rate is written here, or read from a setting at each hit so that it can change."""

    name: str
    rate: str = ""
    setting: str = ""

    def current_rate(self) -> Rate:
        return parse_rate(getattr(settings, self.setting) if self.setting else self.rate)


LIMITS = {
    limit.name: limit
    for limit in [
        # API requests that carry no signed-in session, per address (the API's reads).
        Limit("api-anonymous", setting="MEDIANE_API_RATE_ANON"),
        # Writes of a person: the API's signed-in routes and the forum's forms share this one count.
        Limit("writes", setting="MEDIANE_API_RATE_USER"),
        # Login attempts, per address and account (a success gives its count back): stops guessing one password
        # without locking its owner out from anywhere else.
        Limit("login-failures-account", rate="5/5m"),
        # Login attempts per address, whatever the account: stops one address trying many accounts.
        Limit("login-failures-address", rate="20/5m"),
        # Passwords typed to confirm deleting one's account, per person.
        Limit("password-confirmation", rate="5/15m"),
        # Candidates a programme structure adds by hand (by e-mail), per structure: stops trying addresses in bulk.
        Limit("programme-invitations", rate="10/d"),
        # « Signaler une erreur » on a place page, without an account, per address: each report e-mails the place's
        # managers and the organisers, so a few an hour are enough for a real person and stop a flood.
        Limit("place-error-reports", rate="10/h"),
    ]
}


@checks.register()
def check_rates(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """A rate set in the environment that cannot be read is said at start-up, not at the first request."""
    errors: list[checks.CheckMessage] = []
    for limit in LIMITS.values():
        try:
            limit.current_rate()
        except ImproperlyConfigured as exc:
            errors.append(checks.Error(f"{limit.setting or limit.name} : {exc}", id="mediane.E001"))
    return errors


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds before a new attempt can pass; 0 when allowed
    counted: tuple[str, ...] = ()  # cache keys this hit added one to, for `undo`

    @property
    def wait(self) -> str:
        return wait_phrase(self.retry_after)


def hit(name: str, key: str) -> Verdict:
    """Count one hit of `key` under the limit `name`; a refused hit is not counted."""
    return hit_all((name, key))


def hit_all(*hits: tuple[str, str]) -> Verdict:
    """Count one hit under each (limit, key): all are counted, or none when one refuses."""
    counted: list[str] = []
    for name, key in hits:
        verdict = _hit_one(name, key)
        if not verdict.allowed:
            undo(Verdict(True, counted=tuple(counted)))
            return verdict
        counted.extend(verdict.counted)
    return Verdict(True, counted=tuple(counted))


def undo(verdict: Verdict) -> None:
    """Give back the hits a verdict counted (a login that succeeded was no failure)."""
    for cache_key in verdict.counted:
        try:
            cache.decr(cache_key)
        except ValueError:
            pass  # expired or reset meanwhile: nothing left to give back


def reset(name: str, key: str) -> None:
    """Forget every hit of `key` under the limit `name`."""
    rate = LIMITS[name].current_rate()
    window = int(clock() // rate.period)
    base = _base_key(name, key, rate)
    cache.delete_many([f"{base}:{window}", f"{base}:{window - 1}"])


def _base_key(name: str, key: str, rate: Rate) -> str:
    # Hashed: keys hold e-mail addresses and IP addresses, which have no business in the cache in clear.
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"ratelimit:{name}:{rate.amount}/{rate.period}:{digest}"


def _hit_one(name: str, key: str) -> Verdict:
    rate = LIMITS[name].current_rate()
    window, elapsed = divmod(clock(), rate.period)
    base = _base_key(name, key, rate)
    current = f"{base}:{int(window)}"
    # The current window is read again as the previous one during the next period.
    if cache.add(current, 1, timeout=2 * rate.period):
        count = 1
    else:
        try:
            count = cache.incr(current)
        except ValueError:  # expired between add and incr
            cache.set(current, 1, timeout=2 * rate.period)
            count = 1
    previous = cache.get(f"{base}:{int(window) - 1}", 0)
    if previous * (1 - elapsed / rate.period) + count <= rate.amount:
        return Verdict(True, counted=(current,))
    undo(Verdict(True, counted=(current,)))
    return Verdict(False, retry_after=seconds_until_allowed(rate, previous, count - 1, elapsed))


def seconds_until_allowed(rate: Rate, previous: int, current: int, elapsed: float) -> int:
    """Whole seconds until one more hit passes, given the hits of the previous and current windows."""
    if current + 1 <= rate.amount:
        # In this window, once enough of the previous one has slid out of the period.
        needed = rate.period * (1 - (rate.amount - current - 1) / previous) - elapsed if previous else 0.0
        if needed < rate.period - elapsed:
            return max(1, math.ceil(needed))
    # In the next window, where this window's hits are the previous ones.
    later = rate.period * (1 - (rate.amount - 1) / current) if current else 0.0
    return max(1, math.ceil(rate.period - elapsed + max(0.0, later)))


def wait_phrase(seconds: int) -> str:
    """How long to wait, in plain French: « 40 secondes », « 2 minutes », « 3 heures »."""
    if seconds < 60:
        return count_phrase(max(seconds, 1), "seconde")
    minutes = math.ceil(seconds / 60)
    if minutes <= 90:
        return count_phrase(minutes, "minute")
    hours = math.ceil(seconds / 3600)
    return count_phrase(hours, "heure")


# --- Keys: who is counted -------------------------------------------------------------------------------


def address_key(request: HttpRequest) -> str:
    """The client's address as a counting key; an IPv6 address counts for its whole /64."""
    address = client_address(request)
    if address is None:
        # No address to trust: all such requests share one count, so the limit still holds.
        return "address:unknown"
    if ipaddress.ip_address(address).version == 6:
        network = ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False)
        return f"address:{network}"
    return f"address:{address}"


def person_key(user: Any) -> str:
    return f"person:{user.pk}"


def requester_key(request: HttpRequest) -> str:
    """The signed-in person, or the address of an anonymous visitor."""
    user = getattr(request, "user", None)
    return person_key(user) if user is not None and user.is_authenticated else address_key(request)


# --- The forum's write forms ----------------------------------------------------------------------------


def writes_limited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Count each POST of the view under `writes`, the API's limit for signed-in writes.

    Put it under `login_required`, so that a visitor who is not signed in is sent to the login page first.
    Over the limit, the view does not run: the answer is a 429 page that says how long to wait and carries
    everything the person sent, to be sent again with one button. GETs are never counted.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            verdict = hit("writes", requester_key(request))
            if not verdict.allowed:
                return refuse_write(request, verdict)
        return view(request, *args, **kwargs)

    return wrapper


def refuse_write(request: HttpRequest, verdict: Verdict) -> HttpResponse:
    """The 429 page of a refused write: the wait, and what was typed in hidden fields, sent again to the same page.

    A chosen file cannot travel back to the browser: the page says to choose it again.
    """
    fields = [
        (name, value) for name, values in request.POST.lists() if name != "csrfmiddlewaretoken" for value in values
    ]
    context = {
        "wait": verdict.wait,
        "resend_fields": fields,
        "resend_to": request.get_full_path(),
        "file_lost": bool(request.FILES),
    }
    response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(verdict.retry_after)
    return response
