"""The public API, assembled from each app's django-ninja Router. OpenAPI 3 description at /api/docs.

Throttling lives here, as thin adapters over the platform's one limiter (`mediane/ratelimits.py`): per address
for requests without a session, per person for signed-in writes (the same count as the forum's forms). The
rates are read from settings on each request, so a deployment (or a test) can change them.

So does the error contract (`mediane/api_contract.py`): whatever goes wrong, with DEBUG on or off, the answer is
French JSON of a documented shape, and every operation's OpenAPI description lists every status it can answer.
"""

import logging
import threading
from functools import partial

from django.conf import settings
from django.core import signals
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.parser import Parser
from ninja.throttling import BaseThrottle

from mediane import ratelimits
from mediane.api_contract import (
    ERROR_STATUSES,
    BodyUnreadable,
    FieldRefused,
    field_refused,
    invalid_request,
    read_json,
)
from mediane.consultation.api import router as consultation_router
from mediane.events.api import router as events_router
from mediane.funding.api import router as funding_router
from mediane.orientation.api import router as orientation_router
from mediane.roadmap.api import router as roadmap_router
from mediane.structures.api import router as structures_router
from mediane.training.api import router as training_router
from mediane.training.api_kit import router as kit_router


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


logger = logging.getLogger(__name__)


class JSONBodyParser(Parser):
    """ninja's parser, with a French reason when the body is not JSON (ninja answers 400 with this as cause)."""

    def parse_body(self, request):
        return read_json(request.body, request.content_type or "")


# Statuses that the assembly itself can answer, whatever the route: see `document_errors`.
BODY_METHODS = {"post", "put", "patch"}


def _add(responses: dict, status: int) -> None:
    schema, description = ERROR_STATUSES[status]
    responses.setdefault(
        str(status),
        {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema.__name__}"}}},
        },
    )


def document_errors(openapi: dict) -> dict:
    """Add to every operation the error statuses that come from the assembly rather than from the route:
    429 (throttles, everywhere), 401 and 403 (session and CSRF token, where signing in is needed), 422 (inputs
    that do not fit the schema, wherever there are inputs), 404 (an id in the path), 400 and 413 (a body that
    cannot be read, or too heavy, wherever a body is read)."""
    components = openapi.setdefault("components", {}).setdefault("schemas", {})
    for schema, _ in ERROR_STATUSES.values():
        definition = schema.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(definition.pop("$defs", {}))
        components.setdefault(schema.__name__, definition)
    for methods in openapi.get("paths", {}).values():
        for method, operation in methods.items():
            # ninja keys a route's own statuses by number; JSON keys are text: one key per status, or the file
            # would name « 404 » twice (which the explorer on /api/docs refuses to read).
            responses = {str(status): response for status, response in operation.get("responses", {}).items()}
            operation["responses"] = responses
            parameters = operation.get("parameters", [])
            statuses = {429}
            if operation.get("security"):
                statuses |= {401, 403}
            if parameters or "requestBody" in operation:
                statuses.add(422)
            if any(parameter.get("in") == "path" for parameter in parameters):
                statuses.add(404)
            if method in BODY_METHODS or "requestBody" in operation:
                statuses |= {400, 413}
            for status in sorted(statuses):
                _add(responses, status)
    return openapi


class MedianeAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        return document_errors(super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params))

    def validation_error_from_error_contexts(self, error_contexts):
        """ninja's errors, with the value of each given back: a French message says whether a text was too short
        or held a control character. The values stay inside: the answer shows only the French messages."""
        error = super().validation_error_from_error_contexts(error_contexts)
        values = [
            item.get("input")
            for context in error_contexts
            for item in context.pydantic_validation_error.errors(include_url=False)
        ]
        for item, value in zip(error.errors, values, strict=False):
            item["input"] = value
        return error


api = MedianeAPI(
    title="API Médiane",
    version="1.0.0",
    description="Thèmes et contributions publiées du forum contributif, sans donnée personnelle : "
    "chaque contribution est décrite par la catégorie et le département de la personne, jamais par son nom. "
    "L'écriture (contribuer, soutenir, commenter) demande une session connectée et le jeton CSRF "
    "(en-tête `X-CSRFToken`). Les données sont sous Licence Ouverte 2.0 ; "
    "des exports complets (CSV, JSON) sont proposés sur la page « Données ouvertes » du forum. "
    "L'orientation (`/v1/orientation`) donne les lieux de médiation numérique les plus proches d'une commune. "
    "La feuille de route (`/v1/feuille-de-route/…`) donne ses étapes, ses axes et ses actions, avec leur "
    "avancement, leurs étapes franchies et ce dont elles viennent.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/v1/openapi.json",
    parser=JSONBodyParser(),
    throttle=[
        AnonymousRateThrottle("api-anonymous"),
        SignedInRateThrottle("writes"),
    ],
)
api.add_router("/v1/", consultation_router)
api.add_router("/v1/", orientation_router)
api.add_router("/v1/", structures_router)
api.add_router("/v1/", events_router)
api.add_router("/v1/", roadmap_router)
api.add_router("/v1/", funding_router)
api.add_router("/v1/", kit_router)
api.add_router("/v1/", training_router)


def _error(request, status: int, detail: str):
    return api.create_response(request, {"detail": detail}, status=status)


def _fixed(request, exc, *, status: int, detail: str):
    return _error(request, status, detail)


@api.exception_handler(Throttled)
def too_many_requests(request, exc):
    wait = ratelimits.wait_phrase(exc.wait) if exc.wait else "une minute"
    return _error(request, 429, f"Trop de requêtes : patientez {wait} avant de recommencer.")


# Exceptions answered with one fixed French sentence: ninja's own (its messages are English), and those Django raises
# when the body is first read, by a route or by the CSRF check (ninja would answer 500 with a traceback in DEBUG,
# or let Django answer an HTML page).
FIXED_ERRORS = {
    AuthenticationError: (401, "Connectez-vous pour faire cette action."),
    Http404: (404, "Introuvable : vérifiez l'identifiant demandé."),
    MultiPartParserError: (400, "Le corps de la requête est un formulaire mal formé : envoyez du JSON."),
    SuspiciousOperation: (400, "La requête est mal formée (trop de champs, ou un en-tête refusé) : corrigez-la."),
    UnreadablePostError: (400, "Le corps de la requête est arrivé incomplet : recommencez."),
}
for exception, (status, detail) in FIXED_ERRORS.items():
    api.add_exception_handler(exception, partial(_fixed, status=status, detail=detail))


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
    return _error(request, 413, f"Le corps de la requête est trop lourd : {limit} Ko au plus.")


@api.exception_handler(HttpError)
def refused(request, exc):
    """The routers' own refusals are French already; ninja's CSRF and body messages are not."""
    message = str(exc)
    if message == "CSRF check Failed":
        message = "Jeton CSRF absent ou périmé : rechargez la page, puis recommencez."
    elif isinstance(exc.__cause__, BodyUnreadable):  # ninja's « Cannot parse request body »
        message = str(exc.__cause__)
    return _error(request, exc.status_code, message)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(request, invalid_request(exc.errors), status=422)


@api.exception_handler(FieldRefused)
def field_invalid(request, exc):
    return api.create_response(request, field_refused(exc), status=422)


@api.exception_handler(Exception)
def server_error(request, exc):
    """Never expected: logged with its trace and reported as Django reports any view's exception, but answered
    in the API's own shape rather than as an HTML page or a traceback."""
    logger.exception("Unexpected error in the API", exc_info=exc)
    signals.got_request_exception.send(sender=None, request=request)
    return _error(request, 500, "Erreur du serveur : l'équipe technique est prévenue. Réessayez plus tard.")


def unknown_address(request, rest: str = ""):
    """Any address under /api/ that no route matches: the API's own French JSON 404, not the site's HTML page."""
    return _error(request, 404, "Adresse inconnue dans l'API : voyez la liste des adresses sur /api/docs.")
