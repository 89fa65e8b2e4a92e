"""The OpenAPI description lists every status each operation can answer, each error with its French schema."""

import json

import pytest

pytestmark = pytest.mark.django_db

READ, LIMITED = {200, 429}, {429}
WITH_INPUT = {422}
BY_ID = {404, 422}
SIGNED_IN_WRITE = {400, 401, 403, 404, 413, 422, 429}
# Every operation of the API and the statuses it can answer. A new operation must be added here, with its own.
STATUSES = {
    ("get", "/api/v1/themes"): READ,
    ("get", "/api/v1/themes/{theme_id}"): READ | BY_ID,
    ("get", "/api/v1/themes/{theme_id}/contributions"): READ | BY_ID | {400},  # 400: a damaged cursor
    ("post", "/api/v1/themes/{theme_id}/contributions"): {201} | SIGNED_IN_WRITE,
    ("get", "/api/v1/contributions"): READ | WITH_INPUT | {400},
    ("get", "/api/v1/contributions/{contribution_id}"): READ | BY_ID,
    ("post", "/api/v1/contributions/{contribution_id}/support"): {200} | SIGNED_IN_WRITE,
    # Nothing reads the body of a DELETE, not even the CSRF check: it cannot be too heavy.
    ("delete", "/api/v1/contributions/{contribution_id}/support"): {200} | SIGNED_IN_WRITE - {413},
    ("post", "/api/v1/contributions/{contribution_id}/comments"): {201} | SIGNED_IN_WRITE,
    ("get", "/api/v1/orientation"): READ | WITH_INPUT | {300, 404},  # 300: several communes; 404: none
    ("get", "/api/v1/lieux"): READ | WITH_INPUT | {400},
    ("get", "/api/v1/evenements"): READ,
    ("get", "/api/v1/evenements/{event_id}"): READ | BY_ID,
    ("get", "/api/v1/feuille-de-route/etapes"): READ,
    ("get", "/api/v1/feuille-de-route/axes"): READ,
    ("get", "/api/v1/feuille-de-route/actions"): READ | WITH_INPUT | {400},
    ("get", "/api/v1/feuille-de-route/actions/{action_id}"): READ | BY_ID,
    ("get", "/api/v1/financements/dispositifs"): READ,
    ("get", "/api/v1/financements/dispositifs/{slug}"): READ | BY_ID,
    ("get", "/api/v1/formation/kit"): READ,
    ("get", "/api/v1/formation/kit/{slug}"): READ | BY_ID,
    ("get", "/api/v1/formation/referentiels"): READ,
    ("get", "/api/v1/formation/formations"): READ | WITH_INPUT | {400},
}


@pytest.fixture
def openapi(client):
    return client.get("/api/v1/openapi.json").json()


def _operations(openapi):
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            yield (method, path), operation


def test_every_operation_is_known_to_this_test(openapi):
    assert {key for key, _ in _operations(openapi)} == set(STATUSES)


def test_every_operation_documents_every_status_it_can_answer(openapi):
    for key, operation in _operations(openapi):
        documented = {int(status) for status in operation["responses"]}
        assert documented == STATUSES[key], key


def test_every_error_is_documented_with_its_french_schema(openapi):
    schemas = openapi["components"]["schemas"]
    assert schemas["Error"]["required"] == ["detail"]
    assert schemas["Error"]["properties"]["detail"]["type"] == "string"
    assert schemas["InvalidRequest"]["required"] == ["detail", "erreurs"]
    assert schemas["InvalidRequest"]["properties"]["erreurs"]["items"] == {"$ref": "#/components/schemas/FieldError"}
    assert schemas["FieldError"]["required"] == ["champ", "message"]
    for key, operation in _operations(openapi):
        for status, response in operation["responses"].items():
            if int(status) < 400:
                continue
            expected = "InvalidRequest" if status == "422" else "Error"
            assert response["content"]["application/json"]["schema"] == {"$ref": f"#/components/schemas/{expected}"}, (
                key,
                status,
            )
            assert response["description"], (key, status)


def test_text_inputs_state_the_services_rules(openapi):
    """Lengths once stripped and no control character: a request that fits the description is never refused."""
    contribution = openapi["components"]["schemas"]["ContributionIn"]["properties"]
    assert contribution["title"]["minLength"] == 3 and contribution["title"]["maxLength"] == 150
    assert "\\x00-\\x08" in contribution["title"]["pattern"]
    comment = openapi["components"]["schemas"]["CommentIn"]["properties"]
    assert comment["body"]["minLength"] == 2 and "\\x7f-\\x9f" in comment["body"]["pattern"]


def test_no_status_is_written_twice_in_the_description(client):
    """JSON keys are text: a route's own 404 (a number for ninja) and the assembly's « 404 » must be one key, or the
    explorer on /api/docs refuses the whole file (« duplicated mapping key »)."""
    repeated = []

    def keep_pairs(pairs):
        keys = [key for key, _ in pairs]
        repeated.extend(key for key in set(keys) if keys.count(key) > 1)
        return dict(pairs)

    json.loads(client.get("/api/v1/openapi.json").content, object_pairs_hook=keep_pairs)

    assert not repeated
