"""The public API, assembled from each app's django-ninja Router. OpenAPI 3 description at /api/docs.

Throttling lives here: per address for requests without a session, per person for signed-in writes. The
rates are read from settings on each request, so a deployment (or a test) can change them.
"""

from django.conf import settings
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from mediane.consultation.api import router as consultation_router
from mediane.orientation.api import router as orientation_router
from mediane.structures.api import router as structures_router


class SettingsRateMixin:
    """Reads the rate from the named setting at each request instead of once at import."""

    def __init__(self, setting: str):
        self.setting = setting
        super().__init__(getattr(settings, setting))

    def allow_request(self, request):
        self.rate = getattr(settings, self.setting)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class AnonymousRateThrottle(SettingsRateMixin, AnonRateThrottle):
    """Requests that carry no authenticated session, counted per IP address."""


class SignedInRateThrottle(SettingsRateMixin, AuthRateThrottle):
    """Signed-in requests, counted per person. Anonymous ones are left to `AnonymousRateThrottle`."""

    def get_cache_key(self, request):
        if getattr(request, "auth", None) is None:
            return None
        return super().get_cache_key(request)


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
        AnonymousRateThrottle("MEDIANE_API_RATE_ANON"),
        SignedInRateThrottle("MEDIANE_API_RATE_USER"),
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
    return api.create_response(
        request, {"detail": "Trop de requêtes : patientez une minute avant de recommencer."}, status=429
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
