"""The API's shared contract: the error bodies every route answers, in French, and the rules of its inputs.

Every error is JSON: `{"detail": "<one French sentence>"}` (`Error`), and for a request that does not fit the
schema (422) also `"erreurs": [{"champ": …, "message": …}]` (`InvalidRequest`). Routers import these schemas and
`StrictInt`, `text_field`; `config/api.py` turns every exception into one of these bodies and documents them in the
OpenAPI description.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import annotated_types
from ninja import Field, Schema
from pydantic import BeforeValidator

from . import numbers, text
from .french import count_phrase


class Error(Schema):
    detail: str = Field(description="Ce qui n'a pas marché, en français, et comment y remédier.")


class FieldError(Schema):
    champ: str = Field(description="Le paramètre ou le champ en cause (« title », « limit »…), vide pour la requête.")
    message: str = Field(description="Ce qui ne va pas dans ce champ, en français.")


class InvalidRequest(Schema):
    detail: str = Field(description="Ce qui ne va pas, en une phrase en français.")
    erreurs: list[FieldError] = Field(description="Chaque champ en cause, avec son message.")


class FieldRefused(Exception):
    """A route's own check of one input failed: answered 422 like a schema error, with the field named."""

    def __init__(self, champ: str, message: str):
        super().__init__(message)
        self.champ = champ
        self.message = message


class BodyUnreadable(ValueError):
    """The request body is not the JSON the route reads; the message says why, in French."""


def _strict_int(value: Any) -> Any:
    # Query and path values arrive as text: only ASCII digits make a number (pydantic would take « 1_0 »).
    if isinstance(value, str):
        return numbers.parse_int(value, label="Ce nombre")
    return value


StrictInt = Annotated[int, BeforeValidator(_strict_int)]
# An object's id: what a database key can hold, said in the description, so that a bigger one is a 422, not a
# valid request that no route could ever answer.
Id = Annotated[int, annotated_types.Interval(ge=1, le=numbers.MAX_ID), BeforeValidator(_strict_int)]


def text_field(min_length: int, max_length: int, description: str) -> Any:
    """A text field as the services accept it: `min_length` to `max_length` characters once stripped, no control
    character. The pattern states both rules in the OpenAPI description, so that a valid request is accepted."""
    return Field(
        ...,
        min_length=min_length,
        max_length=max_length,
        pattern=text.text_pattern(min_length),
        description=description,
    )


def read_json(body: bytes, content_type: str) -> Any:
    """The JSON of a request body, or BodyUnreadable with a French message."""
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BodyUnreadable("Le corps de la requête n'est pas encodé en UTF-8 : envoyez du JSON en UTF-8.") from None
    try:
        return json.loads(decoded)
    except (ValueError, RecursionError):
        if "json" not in content_type:
            raise BodyUnreadable(
                "Le corps de la requête doit être du JSON, envoyé avec l'en-tête « Content-Type: application/json »."
            ) from None
        raise BodyUnreadable(
            "Le corps de la requête n'est pas un JSON valable : vérifiez les guillemets, virgules et accolades."
        ) from None


# --- Schema errors (422) ---------------------------------------------------------------------------------

# Beyond this many possible values, a message points to the description rather than listing them all.
SHOWN_CHOICES = 12


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _pattern_message(error: dict[str, Any]) -> str:
    value = error.get("input")
    if isinstance(value, str) and (message := text.control_character_message(value)):
        return message
    pattern = str((error.get("ctx") or {}).get("pattern", ""))
    if pattern.startswith(f"^{text.ALLOWED}"):
        return "Ce texte est trop court une fois retirés les espaces du début et de la fin."
    return "Cette valeur n'a pas la forme attendue : voyez la description du champ dans /api/docs."


def _message(error: dict[str, Any]) -> str:
    """One pydantic error in French."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "Ce champ est obligatoire."
    if kind == "value_error":  # our own validators' French message (numbers.parse_int…)
        return str(ctx.get("error") or error.get("msg", "")).removeprefix("Value error, ")
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "Ce champ doit être un nombre entier, écrit avec les chiffres de 0 à 9."
    if kind in {"float_parsing", "float_type"}:
        return "Ce champ doit être un nombre, avec un point pour les décimales."
    if kind in {"string_type", "string_unicode"}:
        return "Ce champ doit être un texte."
    if kind == "string_too_short":
        return f"Ce texte est trop court : au moins {ctx.get('min_length')} caractère(s)."
    if kind == "string_too_long":
        return f"Ce texte est trop long : {ctx.get('max_length')} caractères au plus."
    if kind == "string_pattern_mismatch":
        return _pattern_message(error)
    if kind in {"enum", "literal_error"}:
        expected = str(ctx.get("expected", ""))
        if expected.count(",") >= SHOWN_CHOICES:
            return "Valeur inconnue : voyez les valeurs possibles dans la description du champ (/api/docs)."
        return f"Valeur inconnue. Valeurs possibles : {expected.replace(' or ', ' ou ')}."
    bounds = {
        "greater_than_equal": ("au moins", "ge"),
        "less_than_equal": ("au plus", "le"),
        "greater_than": ("plus que", "gt"),
        "less_than": ("moins que", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"Ce nombre doit valoir {words} {_number(ctx.get(key))}."
    if kind in {"bool_parsing", "bool_type"}:
        return "Ce champ doit valoir true ou false."
    if kind in {"list_type", "tuple_type", "set_type"}:
        return "Ce champ doit être une liste."
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return 'Le corps de la requête doit être un objet JSON, par exemple {"body": "…"}.'
    if kind == "too_long":
        return f"Cette liste est trop longue : {ctx.get('max_length')} éléments au plus."
    return "Cette valeur n'est pas valable : voyez la description du champ dans /api/docs."


def _field(location: tuple | list) -> str:
    """`("query", "limit")` → « limit »; `("body", "payload", "title")` → « title » (the body's parameter name is
    the route's business, not the client's)."""
    parts = [str(part) for part in location]
    if parts and parts[0] == "body":
        parts = parts[2:]
    elif parts:
        parts = parts[1:]
    return ".".join(parts)


def _summary(items: list[dict[str, str]]) -> str:
    first = items[0]
    where = f"« {first['champ']} » : " if first["champ"] else ""
    more = len(items) - 1
    tail = f" Et {count_phrase(more, 'autre erreur', 'autres erreurs')} : voyez « erreurs »." if more else ""
    message = first["message"]
    if where:
        message = message[0].lower() + message[1:]
    return f"La requête n'est pas valable. {where}{message}{tail}"


def invalid_request(errors: list[dict[str, Any]]) -> dict[str, Any]:
    """The French 422 body of ninja's validation errors (pydantic's, with their location)."""
    items = [{"champ": _field(error.get("loc", ())), "message": _message(error)} for error in errors]
    if not items:
        items = [{"champ": "", "message": "La requête ne correspond pas à la description de l'API."}]
    return {"detail": _summary(items), "erreurs": items}


def field_refused(error: FieldRefused) -> dict[str, Any]:
    """The 422 body of a route's own check of one input: the same shape as a schema error. Its message is a
    whole sentence that names the field already."""
    return {"detail": error.message, "erreurs": [{"champ": error.champ, "message": error.message}]}


# --- What each status means --------------------------------------------------------------------------------

# The schema of each error status, and what it means, for the OpenAPI description.
ERROR_STATUSES: dict[int, tuple[type[Schema], str]] = {
    400: (Error, "Requête mal formée (corps illisible, curseur abîmé) ou refusée par une règle du forum."),
    401: (Error, "Connexion nécessaire : ouvrez une session sur le site."),
    403: (Error, "Action non permise maintenant (thème clos, jeton CSRF absent…)."),
    404: (Error, "Introuvable : l'identifiant ne correspond à rien de public."),
    413: (Error, "Corps de la requête trop lourd."),
    422: (InvalidRequest, "Un paramètre ou un champ ne correspond pas à la description : voyez « erreurs »."),
    429: (Error, "Trop de requêtes : patientez avant de recommencer."),
}


def errors(*statuses: int) -> dict[int, type[Schema]]:
    """`response={200: Out, **errors(400, 404)}`: the schema of each error status a route answers itself."""
    return {status: ERROR_STATUSES[status][0] for status in statuses}
