"""Who reads what: every URL pattern of the project that takes a contribution or comment id, for every state of
the item and every persona, against the rule written out here (independently of `consultation/rules.py`).

The URL resolver is walked (the API's routes included): a pattern whose id names a contribution or a comment
must be in ROUTES, and every other pattern with a parameter must be in OTHER_PARAMETERS (`other_patterns.py`), so
that a pattern added later without saying what it reads makes this test fail. Each request runs in a savepoint
rolled back at once: the data are built once for the module, and a write by one persona never changes what the next
one sees.
"""

import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mediane.accounts.enums import Role
from mediane.consultation.enums import CommentStatus, ContributionStatus
from mediane.consultation.models import Comment, Contribution, ModerationLog, Report, Support
from tests.accounts.factories import UserFactory, verify_email
from tests.consultation.factories import CommentFactory, ContributionFactory, ThemeFactory
from tests.consultation.other_patterns import OTHER_PARAMETERS

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
PERSONAS = [ANONYMOUS, "author", "other", "mediator", "moderator", "organiser"]
TEAM = {"moderator", "organiser"}
EVERYONE = set(PERSONAS)

# The rule, as the forum promises it (docs/architecture.md, « Who reads what »).
CONTRIBUTION_STATES = {
    "published": (ContributionStatus.PUBLISHED, EVERYONE),
    "pending": (ContributionStatus.PENDING, {"author"} | TEAM),
    "hidden": (ContributionStatus.HIDDEN, {"author"} | TEAM),
    "withdrawn": (ContributionStatus.WITHDRAWN, TEAM),
}
# A comment's « author » is the comment's; the contributions that carry comments are written by someone else,
# so a comment on a contribution that is not published is read by the moderation team only.
COMMENT_STATES = {
    "published": (CommentStatus.PUBLISHED, "published", EVERYONE),
    "hidden": (CommentStatus.HIDDEN, "published", {"author"} | TEAM),
    "on_pending": (CommentStatus.PUBLISHED, "pending", TEAM),
    "on_hidden": (CommentStatus.PUBLISHED, "hidden", TEAM),
    "on_withdrawn": (CommentStatus.PUBLISHED, "withdrawn", TEAM),
}
AUTHOR_NAME = "Aurore Quetzalcoatl"
HOST_NAME = "Hector Xylophage"


# --- What each pattern must answer ---------------------------------------------------------------------------
# Each function gets (persona, reads, state) and answers (status, shows): `shows` True means the item's
# content must be in the answer, False that it must not. Whatever the route, content never reaches a persona
# who may not read it (checked on every answer). A POST function answers the status of a refused POST, or None
# when the persona may act (happy paths are tested elsewhere): a refused POST writes nothing.


def detail_page(persona, reads, state):
    if reads:
        return 200, True
    return (200, False) if state == "hidden" else (404, False)


def withdraw_page(persona, reads, state):
    if persona == ANONYMOUS:
        return 302, False
    if not reads:
        return 404, False
    # The author takes back a published or pending contribution; a hidden one stays as moderation left it.
    return (200, True) if persona == "author" and state != "hidden" else (403, False)


def withdraw_post(persona, reads, state):
    status, _ = withdraw_page(persona, reads, state)
    return None if status == 200 else status


def participation_post(persona, reads, state):
    """Support and comment: 404 on what the persona may not read; a refusal of the service otherwise."""
    if persona == ANONYMOUS:
        return 302
    return None if reads else 404


def report_page(persona, reads, state):
    if persona == ANONYMOUS:
        return 302, False
    if not reads:
        return 404, False
    if persona == "author" or state != "published":
        return 302, False  # back to the item, with the reason why it cannot be reported
    return 200, True


def report_post(persona, reads, state):
    status, _ = report_page(persona, reads, state)
    return None if status == 200 else status


def moderation_page(persona, reads, state):
    if persona == ANONYMOUS:
        return 302, False
    return (200, True) if persona in TEAM else (403, False)


def moderation_post(persona, reads, state):
    status, _ = moderation_page(persona, reads, state)
    return None if status == 200 else status


def roadmap_action_page(persona, reads, state):
    """An organiser makes an action of a published contribution; nobody else may, and nothing else may be used."""
    if persona == ANONYMOUS:
        return 302, False
    if persona != "organiser":
        return 403, False
    return (200, True) if state == "published" else (404, False)


def roadmap_action_post(persona, reads, state):
    status, _ = roadmap_action_page(persona, reads, state)
    return None if status == 200 else status


def api_read(persona, reads, state):
    """The API serves what everyone may read, whoever asks."""
    return (200, True) if state == "published" else (404, False)


def api_write(persona, reads, state):
    if persona == ANONYMOUS:
        return 401
    return None if state == "published" else 404


def admin_page(persona, reads, state):
    """The back office is for staff, and no persona is staff: everyone is sent to its sign-in page."""
    return 302, False


def admin_post(persona, reads, state):
    return 302


@dataclass(frozen=True)
class Route:
    target: str  # "contribution" or "comment"
    get: Any = None
    post: Any = None
    post_data: dict | None = None
    delete: Any = None
    json: bool = False


CONTRIBUTION_MODERATION = {
    "forum/moderation/contribution/<int:pk>/masquer/": {"reason": "hors_sujet", "note": ""},
    "forum/moderation/contribution/<int:pk>/retablir/": {"note": "Rien à redire."},
    "forum/moderation/contribution/<int:pk>/valider/": {"note": ""},
    "forum/moderation/contribution/<int:pk>/refuser/": {"reason": "hors_sujet", "note": ""},
    "forum/moderation/contribution/<int:pk>/classer/": {"note": ""},
}
COMMENT_MODERATION = {
    "forum/moderation/commentaire/<int:pk>/masquer/": {"reason": "hors_sujet", "note": ""},
    "forum/moderation/commentaire/<int:pk>/retablir/": {"note": "Rien à redire."},
    "forum/moderation/commentaire/<int:pk>/classer/": {"note": ""},
}
ADMIN_SUFFIXES = [
    "<path:object_id>/",
    "<path:object_id>/change/",
    "<path:object_id>/delete/",
    "<path:object_id>/history/",
]
REPORT = {"reason": "hors_sujet", "details": ""}

ROUTES: dict[str, Route] = {
    "forum/contribution/<int:pk>/": Route("contribution", get=detail_page),
    "forum/contribution/<int:pk>/retirer/": Route("contribution", get=withdraw_page, post=withdraw_post),
    "forum/contribution/<int:pk>/soutenir/": Route(
        "contribution", post=participation_post, post_data={"action": "soutenir"}
    ),
    "forum/contribution/<int:pk>/commenter/": Route(
        "contribution", post=participation_post, post_data={"body": "Une réponse de test."}
    ),
    "forum/contribution/<int:pk>/signaler/": Route("contribution", get=report_page, post=report_post, post_data=REPORT),
    "forum/commentaire/<int:pk>/signaler/": Route("comment", get=report_page, post=report_post, post_data=REPORT),
    **{
        route: Route("contribution", get=moderation_page, post=moderation_post, post_data=data)
        for route, data in CONTRIBUTION_MODERATION.items()
    },
    **{
        route: Route("comment", get=moderation_page, post=moderation_post, post_data=data)
        for route, data in COMMENT_MODERATION.items()
    },
    "feuille-de-route/organisation/depuis-une-contribution/<int:pk>/": Route(
        "contribution", get=roadmap_action_page, post=roadmap_action_post, post_data={}
    ),
    "api/v1/contributions/<contribution_id>": Route("contribution", get=api_read),
    "api/v1/contributions/<contribution_id>/support": Route("contribution", post=api_write, delete=api_write),
    "api/v1/contributions/<contribution_id>/comments": Route(
        "contribution", post=api_write, post_data={"body": "Une réponse de test."}, json=True
    ),
    **{
        f"admin/consultation/{model}/{suffix}": Route(target, get=admin_page, post=admin_post, post_data={})
        for model, target in (("contribution", "contribution"), ("comment", "comment"))
        for suffix in ADMIN_SUFFIXES
    },
}

PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def url_patterns(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def target_of(route: str, pattern: URLPattern) -> str | None:
    """« contribution » or « comment » when the pattern's id names one, else None.

    An admin page reads the model of its ModelAdmin; any other pattern, the parameter's name and the path
    segment just before it (« contribution/<int:pk>/ », « commentaire/<int:pk>/ », « <contribution_id> »).
    """
    if not PARAMETER.search(route):
        return None
    model_admin = getattr(pattern.callback, "model_admin", None)
    if model_admin is not None:
        return {Contribution: "contribution", Comment: "comment"}.get(model_admin.model)
    for match in PARAMETER.finditer(route):
        before = route[: match.start()].rstrip("/^").rsplit("/", 1)[-1]
        words = f"{before} {match.group(1) or match.group(2)}".lower()
        if "comment" in words:
            return "comment"
        if "contribution" in words:
            return "contribution"
    return None


def test_every_pattern_taking_a_contribution_or_comment_id_is_in_the_matrix():
    selected, others = {}, set()
    for route, pattern in url_patterns():
        target = target_of(route, pattern)
        if target is not None:
            selected[route] = target
        elif PARAMETER.search(route) and getattr(pattern.callback, "model_admin", None) is None:
            others.add(route)
    assert selected == {route: entry.target for route, entry in ROUTES.items()}
    assert others == set(OTHER_PARAMETERS)


# --- The data, built once ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Personas, a contribution in each state by « author », and a comment by « author » in each state on
    contributions by someone else. Built in a transaction rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        people = {
            "author": UserFactory(display_name=AUTHOR_NAME),
            "other": UserFactory(display_name="Camille Autre"),
            "mediator": UserFactory(display_name="Malik Mediateur", roles=[Role.MEDIATOR]),
            "moderator": UserFactory(display_name="Mona Moderatrice", roles=[Role.MODERATOR]),
            "organiser": UserFactory(display_name="Olga Organisatrice", roles=[Role.ORGANISER]),
        }
        for person in people.values():
            verify_email(person)
        host = UserFactory(display_name=HOST_NAME)
        theme = ThemeFactory(consultation__auto_hide_threshold=0)

        def one_in_each_state(author, label, text):
            return {
                state: ContributionFactory(
                    theme=theme,
                    author=author,
                    status=status,
                    hidden_reason="hors_sujet" if status == ContributionStatus.HIDDEN else "",
                    title=f"Titre {label} {state}",
                    body=f"Texte {label} {state} {text}.",
                )
                for state, (status, _) in CONTRIBUTION_STATES.items()
            }

        contributions = one_in_each_state(people["author"], "quetzal", "que seuls ses lecteurs lisent")
        hosts = one_in_each_state(host, "hote", "pour porter un commentaire")
        comments = {
            state: CommentFactory(
                contribution=hosts[host_state],
                author=people["author"],
                status=status,
                hidden_reason="publicite" if status == CommentStatus.HIDDEN else "",
                body=f"Commentaire grimoire {state} que seuls ses lecteurs lisent.",
            )
            for state, (status, host_state, _) in COMMENT_STATES.items()
        }
        yield {"people": people, "contributions": contributions, "hosts": hosts, "comments": comments}
        transaction.set_rollback(True)


def client_of(world, persona: str) -> Client:
    client = Client()
    if persona != ANONYMOUS:
        client.force_login(world["people"][persona])
    return client


def markers(world, target: str, state: str) -> list[tuple[str, set[str]]]:
    """The texts that give an item away, each with the personas allowed to see it."""
    if target == "contribution":
        item = world["contributions"][state]
        readers = CONTRIBUTION_STATES[state][1]
        return [(item.title, readers), (item.body, readers), (AUTHOR_NAME, readers)]
    item = world["comments"][state]
    _, host_state, readers = COMMENT_STATES[state]
    host, host_readers = world["hosts"][host_state], CONTRIBUTION_STATES[host_state][1] - {"author"}
    return [(item.body, readers), (AUTHOR_NAME, readers), (host.title, host_readers), (host.body, host_readers)]


def fingerprint():
    """Everything a refused request might have written."""
    return (
        Support.objects.count(),
        Comment.objects.count(),
        Report.objects.count(),
        ModerationLog.objects.count(),
        list(Contribution.objects.order_by("pk").values_list("pk", "status", "supports_count", "comments_count")),
        list(Comment.objects.order_by("pk").values_list("pk", "status", "reports_count")),
    )


def leaks(content: str, persona: str, item_markers) -> list[str]:
    # A persona's own name in the page header is not a leak; the author's name is a marker for everyone else.
    return [
        text
        for text, readers in item_markers
        if persona not in readers and text in content and not (text == AUTHOR_NAME and persona == "author")
    ]


def request(client, method: str, url: str, route: Route, data):
    """One request in a savepoint rolled back at once: returns the answer and whether it wrote anything."""
    with transaction.atomic():
        before = fingerprint()
        if method == "get":
            response = client.get(url)
        elif route.json or url.startswith("/api/"):
            body = json.dumps(data or {})
            response = getattr(client, method)(url, body, content_type="application/json")
        else:
            response = client.post(url, data or {})
        wrote = fingerprint() != before
        transaction.set_rollback(True)
    return response, wrote


CASES = [
    pytest.param(route, state, id=f"{route}-{state}")
    for route, entry in ROUTES.items()
    for state in (CONTRIBUTION_STATES if entry.target == "contribution" else COMMENT_STATES)
]


@pytest.mark.parametrize(("route", "state"), CASES)
def test_who_reads_what(world, route, state):
    entry = ROUTES[route]
    items = world["contributions"] if entry.target == "contribution" else world["comments"]
    readers = (CONTRIBUTION_STATES if entry.target == "contribution" else COMMENT_STATES)[state][-1]
    url = "/" + PARAMETER.sub(str(items[state].pk), route, count=1)
    item_markers = markers(world, entry.target, state)
    primary = item_markers[0][0]
    failures = []
    for persona in PERSONAS:
        client = client_of(world, persona)
        reads = persona in readers
        if entry.get is not None:
            expected, shows = entry.get(persona, reads, state)
            response, _ = request(client, "get", url, entry, None)
            content = response.content.decode()
            if response.status_code != expected:
                failures.append(f"{persona} GET: {response.status_code}, expected {expected}")
            if shows and primary not in content:
                failures.append(f"{persona} GET: the item is missing")
            if found := leaks(content, persona, item_markers):
                failures.append(f"{persona} GET leaks {found}")
        for method, expectation in (("post", entry.post), ("delete", entry.delete)):
            expected = expectation(persona, reads, state) if expectation else None
            if expected is None:
                continue
            response, wrote = request(client, method, url, entry, entry.post_data)
            if response.status_code != expected:
                failures.append(f"{persona} {method.upper()}: {response.status_code}, expected {expected}")
            if wrote:
                failures.append(f"{persona} {method.upper()}: a refused request wrote to the database")
            if found := leaks(response.content.decode(), persona, item_markers):
                failures.append(f"{persona} {method.upper()} leaks {found}")
    assert failures == []


# --- The rule itself: one table, read the same way by the QuerySets and by the permission ----------------------


def test_the_querysets_and_the_permission_agree_for_every_state_and_persona(world):
    people = {ANONYMOUS: AnonymousUser(), **world["people"]}
    for persona, user in people.items():
        readable = set(Contribution.objects.readable_by(user).values_list("pk", flat=True))
        for item in [*world["contributions"].values(), *world["hosts"].values()]:
            assert (item.pk in readable) is user.has_perm("consultation.read", item), (persona, item.title)
        readable = set(Comment.objects.readable_by(user).values_list("pk", flat=True))
        for item in world["comments"].values():
            assert (item.pk in readable) is user.has_perm("consultation.read", item), (persona, item.body)


def test_what_everyone_reads_is_exactly_what_is_published(world):
    assert set(Contribution.objects.readable_by_everyone()) == set(Contribution.objects.published())


# --- Ids in query strings, forms and payloads go through the rule too ---------------------------------------


def test_the_assisted_form_confirms_only_what_its_mediator_recorded_and_may_still_read(client, mediator):
    theme = ThemeFactory()
    url = reverse("consultation:assisted", args=[theme.consultation.slug, theme.slug])
    mine = ContributionFactory(theme=theme, author=None, collected_by=mediator, pending=True, title="Recueil attente")
    hidden = ContributionFactory(theme=theme, author=None, collected_by=mediator, hidden=True, title="Recueil masque")
    someone_elses = ContributionFactory(theme=theme, pending=True, title="Attente d'une autre")
    client.force_login(mediator)

    assert "Recueil attente" in client.get(f"{url}?enregistree={mine.pk}").content.decode()
    assert "Recueil masque" not in client.get(f"{url}?enregistree={hidden.pk}").content.decode()
    assert "Attente d&#x27;une autre" not in client.get(f"{url}?enregistree={someone_elses.pk}").content.decode()


def test_a_reply_cannot_take_a_hidden_comment_of_someone_else_as_its_parent(client, citizen):
    contribution = ContributionFactory()
    hidden = CommentFactory(contribution=contribution, status=CommentStatus.HIDDEN, body="Propos masque ici.")
    client.force_login(citizen)

    response = client.post(
        reverse("consultation:comment", args=[contribution.pk]), {"body": "Je réponds.", "parent": hidden.pk}
    )

    assert response.status_code == 302
    assert Comment.objects.get(body="Je réponds.").parent is None


def test_the_api_answers_that_a_parent_comment_its_caller_may_not_read_does_not_exist(client, citizen):
    contribution = ContributionFactory()
    hidden = CommentFactory(contribution=contribution, status=CommentStatus.HIDDEN, body="Propos masque ici.")
    client.force_login(citizen)

    response = client.post(
        f"/api/v1/contributions/{contribution.pk}/comments",
        json.dumps({"body": "Je réponds.", "parent_id": hidden.pk}),
        content_type="application/json",
    )

    assert response.status_code == 404  # like an id that does not exist: the API's contract (schemathesis)
    assert "n'existe pas" in response.json()["detail"]
    assert "Propos masque" not in response.content.decode()
    assert not Comment.objects.filter(body="Je réponds.").exists()


def test_the_back_office_shows_a_staff_member_outside_the_moderation_team_only_what_they_may_read(client):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(*Permission.objects.filter(codename__in=["view_contribution", "change_contribution"]))
    published, hidden = ContributionFactory(), ContributionFactory(hidden=True, title="Titre masque")
    client.force_login(staff)

    assert client.get(reverse("admin:consultation_contribution_change", args=[published.pk])).status_code == 200
    response = client.get(reverse("admin:consultation_contribution_change", args=[hidden.pk]), follow=True)
    assert "Titre masque" not in response.content.decode()
    listing = client.get(reverse("admin:consultation_contribution_changelist")).content.decode()
    assert published.title in listing and "Titre masque" not in listing


def test_the_moderation_team_reads_everything_in_the_back_office(client, organiser):
    organiser.is_staff = True
    organiser.save()
    organiser.user_permissions.add(*Permission.objects.filter(codename="view_contribution"))
    hidden = ContributionFactory(hidden=True, title="Titre masque")
    client.force_login(organiser)

    response = client.get(reverse("admin:consultation_contribution_change", args=[hidden.pk]))

    assert response.status_code == 200
    assert "Titre masque" in response.content.decode()


def test_whoever_holds_the_moderation_permission_reads_everything_and_nobody_else(world):
    people = {
        "superuser": UserFactory(is_superuser=True),
        "inactive superuser": UserFactory(is_superuser=True, is_active=False),
        "staff": UserFactory(is_staff=True),
        **world["people"],
    }
    withdrawn = world["contributions"]["withdrawn"]
    for name, person in people.items():
        reads = Contribution.objects.readable_by(person).filter(pk=withdrawn.pk).exists()
        assert reads is person.has_perm("consultation.moderate"), name
    assert people["superuser"].has_perm("consultation.moderate")
