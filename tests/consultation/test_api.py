"""The forum's API (/api/v1/): public reads without personal data, signed-in writes with CSRF, throttling."""

import gzip
import json

import pytest
from django.core.cache import cache
from django.test import Client

from mediane.accounts.enums import ParticipantCategory
from mediane.consultation.enums import ContributionKind, ContributionStatus
from mediane.consultation.models import Comment, Contribution, Support
from tests.consultation.factories import ConsultationFactory, ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

CSRF_SECRET = "abcdefghijklmnopqrstuvwxyzABCDEF"  # 32 characters: the format Django keeps in its cookie


@pytest.fixture(autouse=True)
def fresh_throttle_history():
    cache.clear()
    yield
    cache.clear()


def signed_in(user, csrf=True):
    """A browser that has the person's session and, unless told otherwise, sends the CSRF token."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.cookies["csrftoken"] = CSRF_SECRET
    if csrf:
        client.defaults["HTTP_X_CSRFTOKEN"] = CSRF_SECRET
    return client


def post_json(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


# --- Reads -------------------------------------------------------------------------------------------


def test_themes_are_listed_with_their_phase_and_count(client):
    open_theme = ThemeFactory(published_count=4)
    ThemeFactory(closed=True, consultation=open_theme.consultation)
    response = client.get("/api/v1/themes")
    assert response.status_code == 200
    body = response.json()
    assert [theme["phase"] for theme in body] == ["ouverte", "close"]
    assert body[0]["published_count"] == 4
    assert body[0]["phase_label"] == "Ouverte"
    assert body[0]["url"] == open_theme.get_absolute_url()


def test_a_theme_is_described_and_an_unknown_one_is_a_french_404(client):
    theme = ThemeFactory(description="Le rôle des bibliothèques.")
    assert client.get(f"/api/v1/themes/{theme.pk}").json()["description"] == "Le rôle des bibliothèques."
    missing = client.get("/api/v1/themes/999999")
    assert missing.status_code == 404
    assert missing.json()["detail"].startswith("Introuvable")


def test_only_published_contributions_are_listed(client):
    theme = ThemeFactory()
    published = ContributionFactory(theme=theme)
    ContributionFactory(theme=theme, hidden=True)
    ContributionFactory(theme=theme, pending=True)
    ContributionFactory(theme=theme, withdrawn=True)
    for url in (f"/api/v1/themes/{theme.pk}/contributions", "/api/v1/contributions"):
        assert [item["id"] for item in client.get(url).json()["items"]] == [published.pk]


def test_a_contribution_carries_no_personal_data(client):
    item = ContributionFactory(author__display_name="Camille Martin", author__email="camille@example.org")
    for body in (
        client.get(f"/api/v1/contributions/{item.pk}").content.decode(),
        client.get("/api/v1/contributions").content.decode(),
    ):
        assert "Camille" not in body
        assert "example.org" not in body
        assert "author" not in body
    data = client.get(f"/api/v1/contributions/{item.pk}").json()
    assert data["category"] == item.author_category
    assert data["departement"] == "69"
    assert data["kind_label"] == "Proposition"


def test_a_hidden_contribution_is_not_found(client):
    item = ContributionFactory(hidden=True)
    assert client.get(f"/api/v1/contributions/{item.pk}").status_code == 404


def test_contributions_are_filtered_by_kind_category_and_departement(client):
    theme = ThemeFactory()
    wanted = ContributionFactory(
        theme=theme,
        kind=ContributionKind.VIGILANCE,
        author_category=ParticipantCategory.ELECTED_OFFICIAL,
        author_departement="35",
    )
    ContributionFactory(theme=theme, kind=ContributionKind.VIGILANCE, author_departement="35")
    ContributionFactory(theme=theme, author_category=ParticipantCategory.ELECTED_OFFICIAL, author_departement="35")
    ContributionFactory(
        theme=theme, kind=ContributionKind.VIGILANCE, author_category=ParticipantCategory.ELECTED_OFFICIAL
    )
    response = client.get(
        f"/api/v1/themes/{theme.pk}/contributions",
        {"kind": "point_vigilance", "category": "elu", "departement": "35"},
    )
    assert [item["id"] for item in response.json()["items"]] == [wanted.pk]
    assert client.get("/api/v1/contributions", {"kind": "inconnu"}).status_code == 422


@pytest.mark.parametrize("sort", ["recentes", "soutenues", "commentees"])
def test_following_the_cursor_walks_every_contribution_once_in_order(client, sort):
    theme = ThemeFactory()
    for index in range(7):
        ContributionFactory(theme=theme, supports_count=index % 3, comments_count=index % 2)
    seen, cursor = [], None
    while True:
        params = {"limit": 3, "sort": sort} | ({"cursor": cursor} if cursor else {})
        page = client.get(f"/api/v1/themes/{theme.pk}/contributions", params).json()
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 7
    assert len({item["id"] for item in seen}) == 7
    field = {"recentes": "created_at", "soutenues": "supports_count", "commentees": "comments_count"}[sort]
    assert [(item[field], item["id"]) for item in seen] == sorted(
        ((item[field], item["id"]) for item in seen), reverse=True
    )


@pytest.mark.parametrize("cursor", ["nimportequoi", "W10", "WyJzb3V0ZW51ZXMiLCAxLCAyXQ"])
def test_a_damaged_cursor_is_refused_in_french(client, cursor):
    response = client.get("/api/v1/contributions", {"cursor": cursor})
    assert response.status_code == 400
    assert "curseur" in response.json()["detail"]


def test_list_endpoints_run_the_same_number_of_queries_whatever_their_size(client, count_queries):
    consultation = ConsultationFactory()

    def queries_for(rows):
        Contribution.objects.all().delete()
        theme = ThemeFactory(consultation=consultation)
        ContributionFactory.create_batch(rows, theme=theme)
        counts = []
        for url in ("/api/v1/themes", "/api/v1/contributions", f"/api/v1/themes/{theme.pk}/contributions"):
            with count_queries() as ctx:
                assert client.get(url, {"limit": 50} if "contributions" in url else {}).status_code == 200
            counts.append(len(ctx))
        return counts

    assert queries_for(3) == queries_for(30)


# --- OpenAPI -----------------------------------------------------------------------------------------


def test_the_openapi_description_lists_every_path(client):
    response = client.get("/api/v1/openapi.json")
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/themes",
        "/api/v1/themes/{theme_id}",
        "/api/v1/themes/{theme_id}/contributions",
        "/api/v1/contributions",
        "/api/v1/contributions/{contribution_id}",
        "/api/v1/contributions/{contribution_id}/support",
        "/api/v1/contributions/{contribution_id}/comments",
    } <= set(schema["paths"])
    assert "Catégorie de la personne" in json.dumps(schema, ensure_ascii=False)


def test_the_api_documentation_page_is_served(client):
    assert client.get("/api/docs").status_code == 200


def test_a_client_that_accepts_gzip_gets_the_same_json_compressed(client):
    ThemeFactory.create_batch(3)
    plain = client.get("/api/v1/themes")

    compressed = client.get("/api/v1/themes", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert compressed["Content-Encoding"] == "gzip" and "Accept-Encoding" in compressed["Vary"]
    assert json.loads(gzip.decompress(compressed.content)) == plain.json()


# --- Writes ------------------------------------------------------------------------------------------


def test_a_signed_in_person_publishes_a_contribution(citizen):
    theme = ThemeFactory()
    response = post_json(
        signed_in(citizen),
        f"/api/v1/themes/{theme.pk}/contributions",
        {"kind": "proposition", "title": "Des ateliers le soir", "body": "Beaucoup travaillent en journée."},
    )
    assert response.status_code == 201
    assert response.json()["status"] == ContributionStatus.PUBLISHED
    created = Contribution.objects.get(pk=response.json()["id"])
    assert created.author == citizen
    assert "Camille" not in response.content.decode()


def test_a_write_without_a_session_is_refused_in_french(client):
    theme = ThemeFactory()
    response = post_json(client, f"/api/v1/themes/{theme.pk}/contributions", {"kind": "proposition"})
    assert response.status_code == 401
    assert response.json()["detail"] == "Connectez-vous pour faire cette action."


def test_a_write_without_the_csrf_token_is_refused(citizen):
    theme = ThemeFactory()
    response = post_json(
        signed_in(citizen, csrf=False),
        f"/api/v1/themes/{theme.pk}/contributions",
        {"kind": "proposition", "title": "Des ateliers le soir", "body": "Beaucoup travaillent en journée."},
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Contribution.objects.exists()


def test_writing_to_a_closed_theme_is_forbidden(citizen):
    theme = ThemeFactory(closed=True)
    response = post_json(
        signed_in(citizen),
        f"/api/v1/themes/{theme.pk}/contributions",
        {"kind": "proposition", "title": "Des ateliers le soir", "body": "Beaucoup travaillent en journée."},
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Ce thème est clos : il n'est plus possible d'y écrire."


@pytest.mark.parametrize("body", ["Court", "   Court      "], ids=["short", "short-once-stripped"])
def test_a_too_short_text_is_a_422_that_names_the_field_in_french(citizen, body):
    theme = ThemeFactory()
    response = post_json(
        signed_in(citizen),
        f"/api/v1/themes/{theme.pk}/contributions",
        {"kind": "proposition", "title": "Des ateliers le soir", "body": body},
    )
    assert response.status_code == 422
    [error] = response.json()["erreurs"]
    assert error["champ"] == "body" and error["message"].startswith("Ce texte est trop court")
    assert response.json()["detail"].startswith("La requête n'est pas valable. « body » : ce texte est trop court")


def test_supporting_then_withdrawing_support(citizen):
    item = ContributionFactory()
    client = signed_in(citizen)
    url = f"/api/v1/contributions/{item.pk}/support"
    assert post_json(client, url).json() == {"supported": True, "supports_count": 1}
    assert post_json(client, url).json() == {"supported": True, "supports_count": 1}
    assert client.delete(url).json() == {"supported": False, "supports_count": 0}
    assert not Support.objects.exists()


def test_supporting_ones_own_contribution_is_forbidden(citizen):
    item = ContributionFactory(author=citizen)
    response = post_json(signed_in(citizen), f"/api/v1/contributions/{item.pk}/support")
    assert response.status_code == 403
    assert "propre contribution" in response.json()["detail"]


def test_withdrawing_support_without_the_csrf_token_is_refused(citizen):
    item = ContributionFactory()
    Support.objects.create(contribution=item, user=citizen)
    response = signed_in(citizen, csrf=False).delete(f"/api/v1/contributions/{item.pk}/support")
    assert response.status_code == 403
    assert Support.objects.exists()


def test_commenting_a_contribution(citizen):
    item = ContributionFactory()
    client = signed_in(citizen)
    first = post_json(client, f"/api/v1/contributions/{item.pk}/comments", {"body": "Bonne idée !"})
    assert first.status_code == 201
    reply = post_json(
        client,
        f"/api/v1/contributions/{item.pk}/comments",
        {"body": "Je confirme.", "parent_id": first.json()["id"]},
    )
    assert reply.json()["parent_id"] == first.json()["id"]
    assert Comment.objects.count() == 2
    assert "Camille" not in first.content.decode()


def test_commenting_a_hidden_contribution_is_not_possible(citizen):
    item = ContributionFactory(hidden=True)
    response = post_json(signed_in(citizen), f"/api/v1/contributions/{item.pk}/comments", {"body": "Bonjour"})
    assert response.status_code == 404


# --- Throttling --------------------------------------------------------------------------------------


def test_too_many_anonymous_requests_get_a_429(client, settings):
    settings.MEDIANE_API_RATE_ANON = "3/m"
    statuses = [client.get("/api/v1/themes").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/themes")
    assert refused.json()["detail"].startswith("Trop de requêtes")
    assert int(refused["Retry-After"]) > 0


def test_signed_in_writes_are_throttled_per_person(citizen, settings):
    settings.MEDIANE_API_RATE_USER = "2/m"
    item = ContributionFactory()
    client = signed_in(citizen)
    url = f"/api/v1/contributions/{item.pk}/support"
    assert [post_json(client, url).status_code for _ in range(3)] == [200, 200, 429]


def test_the_429_says_how_long_to_wait(client, settings, limiter_clock):
    settings.MEDIANE_API_RATE_ANON = "3/m"
    for _ in range(3):
        client.get("/api/v1/themes")

    refused = client.get("/api/v1/themes")

    assert refused.json() == {"detail": "Trop de requêtes : patientez 2 minutes avant de recommencer."}
    assert refused["Retry-After"] == "70"


def test_130_requests_with_rotating_x_forwarded_for_are_refused_after_the_limit(client, settings, limiter_clock):
    # The outside review's reproduction: a new X-Forwarded-For on each request, and all 130 passed.
    settings.MEDIANE_API_RATE_ANON = "120/m"
    statuses = [
        client.get("/api/v1/themes", HTTP_X_FORWARDED_FOR=f"10.0.{number}.1").status_code for number in range(130)
    ]

    assert statuses == [200] * 120 + [429] * 10


def test_behind_one_trusted_proxy_clients_are_counted_by_the_hop_the_proxy_wrote(client, settings, limiter_clock):
    settings.MEDIANE_TRUSTED_PROXIES = 1
    settings.MEDIANE_API_RATE_ANON = "3/m"

    def get(forwarded):
        return client.get("/api/v1/themes", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded).status_code

    # The client rotates what it writes itself; nginx appends the address it saw, always the same.
    rotating = [get(f"10.0.0.{number}, 192.0.2.44") for number in range(4)]

    assert rotating == [200, 200, 200, 429]
    assert get("192.0.2.45") == 200  # another person behind the same proxy
