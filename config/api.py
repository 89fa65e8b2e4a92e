"""The public API, assembled from each app's django-ninja Router. OpenAPI 3 description at /api/docs.

Throttling lives here, as thin adapters over the platform's one limiter (`mediane/ratelimits.py`): per address
for requests without a session, per person for signed-in writes (the same count as the forum's forms). The
rates are read from settings on each request, so a deployment (or a test) can change them.
"""

import threading

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.throttling import BaseThrottle

from mediane import ratelimits
from mediane.consultation.api import router as consultation_router
from mediane.orientation.api import router as orientation_router
from mediane.structures.api import router as structures_router


class LimiterThrottle(BaseThrottle):
    """A django-ninja throttle that counts under a named limit of `mediane.ratelimits`."""

    def __init__(self, limit: str):
        self.limit = limit
        # ninja asks `wait()` right after `allow_request()`, in the same thread, on an instance shared by all.
        self.last = threading.local()

    def get_key(self, request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request) -> bool:
        key = self.get_key(request)
        self.last.retry_after = None
        if key is None:
            return True
        verdict = ratelimits.hit(self.limit, key)
        self.last.retry_after = verdict.retry_after
        return verdict.allowed

    def wait(self) -> float | None:
        return getattr(self.last, "retry_after", None)


class AnonymousRateThrottle(LimiterThrottle):
    """Requests that carry no authenticated session, counted per client address."""

    def get_key(self, request) -> str | None:
        return ratelimits.address_key(request) if getattr(request, "auth", None) is None else None


class SignedInRateThrottle(LimiterThrottle):
    """Signed-in requests (the writes), counted per person. Anonymous ones are left to `AnonymousRateThrottle`."""

    def get_key(self, request) -> str | None:
        return ratelimits.person_key(request.user) if getattr(request, "auth", None) is not None else None


api = NinjaAPI(
    title="API Médiane",
    version="1.0.0",
    description="Thèmes et contributions publiées du forum contributif, sans donnée personnelle : "
    "chaque contribution est décrite par la catégorie et le département de la personne, jamais par son nom. "
    "L'écriture (contribuer, soutenir, commenter) demande une session connectée et le jeton CSRF "
    "(en-tête `X-CSRFToken`). Les données sont sous Licence Ouverte 2.0 ; "
    "des exports complets (CSV, JSON) sont proposés sur la page « Données ouvertes » du forum. "
    "L'orientation (`/v1/orientation`) donne les lieux de médiation numérique les plus proches d'une commune.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/v1/openapi.json",
    throttle=[
        AnonymousRateThrottle("api-anonymous"),
        SignedInRateThrottle("writes"),
    ],
)
api.add_router("/v1/", consultation_router)
api.add_router("/v1/", orientation_router)
api.add_router("/v1/", structures_router)


# French messages for the errors ninja raises itself; the routers' own errors are French already.
@api.exception_handler(AuthenticationError)
def not_signed_in(request, exc):
    return api.create_response(request, {"detail": "Connectez-vous pour faire cette action."}, status=401)


@api.exception_handler(Throttled)
def too_many_requests(request, exc):
    wait = ratelimits.wait_phrase(exc.wait) if exc.wait else "une minute"
    return api.create_response(
        request, {"detail": f"Trop de requêtes : patientez {wait} avant de recommencer."}, status=429
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Introuvable : vérifiez l'identifiant demandé."}, status=404)


@api.exception_handler(HttpError)
def refused(request, exc):
    message = str(exc)
    if message == "CSRF check Failed":
        message = "Jeton CSRF absent ou périmé : rechargez la page, puis recommencez."
    return api.create_response(request, {"detail": message}, status=exc.status_code)
