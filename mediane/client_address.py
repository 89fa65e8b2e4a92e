"""The client's address, read in this one place for every rate limit and every log of an address.

`X-Forwarded-For` is written by whoever sends the request, so only the entries appended by our own reverse
proxies can be believed. `MEDIANE_TRUSTED_PROXIES` says how many there are: each one appends the address it
received the connection from, so the client's address is that many entries from the right. Anything to the
left of it was typed by the client and is ignored. With no trusted proxy (the default), the header is never
read and the address is the one of the connection (`REMOTE_ADDR`).
"""

import ipaddress

from django.conf import settings
from django.core import checks
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address, normalised (`::ffff:` mapped IPv4 unwrapped), or None when none can be trusted.

    A header that does not hold enough entries, or whose trusted entry is not an IP address, falls back to
    the address of the connection: a forged or broken header can never choose the address, at worst every
    such request shares the proxy's address.
    """
    trusted = settings.MEDIANE_TRUSTED_PROXIES
    if trusted > 0:
        # Several headers are joined with commas by the WSGI server: the right-most entries are still ours.
        entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(entries) >= trusted:
            address = parse_address(entries[-trusted])
            if address is not None:
                return address
    return parse_address(request.META.get("REMOTE_ADDR", ""))


def parse_address(raw: str) -> str | None:
    """`raw` as a normalised IP address, or None. Accepts the port some proxies add (`1.2.3.4:5678`, `[::1]:80`)."""
    value = raw.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return str(address)


@checks.register(checks.Tags.security, deploy=True)
def check_trusted_proxies(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Behind a reverse proxy with no proxy trusted, every person shares the proxy's address and its limits."""
    if settings.SECURE_PROXY_SSL_HEADER and settings.MEDIANE_TRUSTED_PROXIES == 0:
        return [
            checks.Warning(
                "BEHIND_PROXY est actif mais MEDIANE_TRUSTED_PROXIES vaut 0 : toutes les personnes auront "
                "l'adresse du proxy, et partageront les mêmes limites (connexion, API).",
                hint="Réglez MEDIANE_TRUSTED_PROXIES sur le nombre de proxys devant Médiane (1 derrière le nginx "
                "de docs/deployment.md), ou BEHIND_PROXY=false si aucun proxy n'est devant Médiane.",
                id="mediane.W001",
            )
        ]
    return []
