"""The API's error contract: whatever goes wrong, with DEBUG on or off, a French JSON body of the documented shape.

Reproductions of the outside review: a multipart body without boundary and a 2 MB JSON body answered 500 with a
traceback (DEBUG) or an HTML page; ninja's validation errors were English lists; orientation's 422 `detail` was a
list where the schema said a string.
"""

import json

import pytest
from django.test import Client

from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

CSRF_SECRET = "abcdefghijklmnopqrstuvwxyzABCDEF"


def browser(user=None):
    """A client that meets the CSRF check as a real browser does: it has the token, signed in or not."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    client.cookies["csrftoken"] = CSRF_SECRET
    client.defaults["HTTP_X_CSRFTOKEN"] = CSRF_SECRET
    return client


def assert_french_json(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail"} and isinstance(body["detail"], str)
    assert "Traceback" not in body["detail"] and "Cannot parse" not in body["detail"]
    return body["detail"]


BODIES = {
    "multipart-without-boundary": (b"--x\r\nContent-Disposition: form-data", "multipart/form-data"),
    "two-megabytes-of-json": (b'{"title": "' + b"x" * 2_000_000 + b'"}', "application/json"),
    "two-megabytes-of-form": (b"title=" + b"x" * 2_000_000, "application/x-www-form-urlencoded"),
    "invalid-json": (b'{"title": ', "application/json"),
    "invalid-utf-8": (b'{"title": "\xff\xfe"}', "application/json"),
    "form-instead-of-json": (b"title=x&body=y", "application/x-www-form-urlencoded"),
}
# (signed in, anonymous): the CSRF check reads a form body before the session is looked at, so a broken or
# heavy form is refused first; a JSON body is read only once the person is known.
EXPECTED = {
    "multipart-without-boundary": (400, 400),
    "two-megabytes-of-json": (413, 401),
    "two-megabytes-of-form": (413, 413),
    "invalid-json": (400, 401),
    "invalid-utf-8": (400, 401),
    "form-instead-of-json": (400, 401),
}


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
@pytest.mark.parametrize("signed_in", [True, False], ids=["signed-in", "anonymous"])
@pytest.mark.parametrize("case", list(BODIES))
def test_a_malformed_or_oversize_body_is_a_french_json_400_or_413(settings, citizen, debug, signed_in, case):
    settings.DEBUG = debug
    body, content_type = BODIES[case]
    theme = ThemeFactory()
    client = browser(citizen) if signed_in else browser()
    response = client.post(f"/api/v1/themes/{theme.pk}/contributions", body, content_type=content_type)
    detail = assert_french_json(response, EXPECTED[case][0 if signed_in else 1])
    assert detail.startswith(("Le corps de la requête", "Connectez-vous"))


def test_the_413_says_the_limit(settings, citizen):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    theme = ThemeFactory()
    response = browser(citizen).post(f"/api/v1/themes/{theme.pk}/contributions", b"{}" * 1000, "application/json")
    assert assert_french_json(response, 413) == "Le corps de la requête est trop lourd : 1 Ko au plus."


def test_a_post_without_body_params_reads_its_body_for_the_csrf_check_and_refuses_a_bad_one(citizen):
    contribution = ContributionFactory()
    response = browser(citizen).post(
        f"/api/v1/contributions/{contribution.pk}/support", b"--x", content_type="multipart/form-data"
    )
    assert_french_json(response, 400)


def test_a_validation_error_is_french_with_the_fields_named(citizen):
    theme = ThemeFactory()
    response = browser(citizen).post(
        f"/api/v1/themes/{theme.pk}/contributions",
        json.dumps({"kind": "souhait", "title": "Ti\x1btre", "body": 12}),
        content_type="application/json",
    )
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "erreurs"}
    by_field = {error["champ"]: error["message"] for error in body["erreurs"]}
    assert by_field["kind"].startswith("Valeur inconnue. Valeurs possibles : 'retour_experience'")
    assert by_field["title"].startswith("Caractère invisible interdit (U+001B, échappement)")
    assert by_field["body"] == "Ce champ doit être un texte."
    assert body["detail"].startswith("La requête n'est pas valable. « kind » : valeur inconnue.")
    assert body["detail"].endswith("Et 2 autres erreurs : voyez « erreurs ».")


@pytest.mark.parametrize("raw", ["%C2%B2", "%D9%A3", "1_0", "%EF%BC%93"], ids=["²", "٣", "underscore", "fullwidth"])
def test_an_api_integer_takes_ascii_digits_only(client, raw):
    response = client.get(f"/api/v1/contributions?limit={raw}")
    assert response.status_code == 422
    [error] = response.json()["erreurs"]
    assert error["champ"] == "limit"
    assert "chiffre de 0 à 9" in error["message"] or "n'est pas un nombre" in error["message"]


def test_a_json_body_that_is_not_an_object_names_the_missing_fields(citizen):
    theme = ThemeFactory()
    response = browser(citizen).post(f"/api/v1/themes/{theme.pk}/contributions", "[1]", "application/json")
    assert response.status_code == 422
    assert {error["champ"] for error in response.json()["erreurs"]} == {"kind", "title", "body"}


def test_orientation_refuses_with_the_same_shape_as_every_route(client, db):
    response = client.get("/api/v1/orientation", {"commune": "69003", "services": "Aide aux demarches"})
    assert response.status_code == 422
    body = response.json()
    assert isinstance(body["detail"], str)
    assert body["erreurs"] == [{"champ": "services", "message": body["detail"]}]


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
def test_an_unexpected_error_is_a_french_json_500_and_is_still_reported(settings, monkeypatch, debug, caplog):
    settings.DEBUG = debug

    def broken(*args, **kwargs):
        raise RuntimeError("simulated")

    monkeypatch.setattr("mediane.consultation.api._page", broken)
    response = Client(raise_request_exception=False).get("/api/v1/contributions")
    assert assert_french_json(response, 500).startswith("Erreur du serveur")
    assert "simulated" in caplog.text
    with pytest.raises(RuntimeError, match="simulated"):
        Client().get("/api/v1/contributions")  # the test client still sees it, as Django reports it
