"""The forum's write forms have the API's limit on signed-in writes, one count per person, and a refusal loses
nothing that was typed."""

import json
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mediane.consultation.models import Contribution
from tests.consultation.factories import CommentFactory, ContributionFactory, ThemeFactory
from tests.consultation.test_imports import DECIDIM_HEADER, GOOD_LINE, HEADER, decidim_line

pytestmark = pytest.mark.django_db


def contribute_url(theme):
    return reverse("consultation:contribute", args=[theme.consultation.slug, theme.slug])


def draft(number=1, **overrides):
    # "publish_anyway": the person has seen the close contributions, so each post publishes at once.
    data = {
        "kind": "proposition",
        "title": f"Ouvrir le samedi, idée n° {number}",
        "body": f"Ouvrir la médiathèque le samedi matin ({number}).",
        "publish_anyway": "1",
    }
    return {**data, **overrides}


class ResendForm(HTMLParser):
    """The form of the 429 page: where it posts, and its hidden fields."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.fields: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and attributes.get("method") == "post":
            self.action = attributes["action"]
        if tag == "input" and attributes.get("type") == "hidden" and attributes["name"] != "csrfmiddlewaretoken":
            self.fields.setdefault(attributes["name"], []).append(attributes["value"])


def resend_form(response) -> ResendForm:
    parser = ResendForm()
    parser.feed(response.content.decode())
    return parser


def test_77_burst_writes_on_the_contribute_form_stop_at_the_limit(client, citizen, settings, limiter_clock):
    # The outside review's reproduction: 77 contributions posted in one burst were all written.
    settings.MEDIANE_API_RATE_USER = "60/m"
    theme = ThemeFactory()
    client.force_login(citizen)

    statuses = [client.post(contribute_url(theme), draft(number)).status_code for number in range(77)]

    assert statuses == [302] * 60 + [429] * 17
    assert Contribution.objects.filter(author=citizen).count() == 60
    assert not Contribution.objects.filter(title="Ouvrir le samedi, idée n° 60").exists()


TYPED = draft(2, title="Des « ateliers » & des <cafés>", body="Première ligne.\r\nSeconde ligne, avec des accents.")


@pytest.fixture
def one_write_a_minute(client, citizen, settings, limiter_clock):
    """The citizen signed in, with one write a minute, and that write already made: the theme they wrote in."""
    settings.MEDIANE_API_RATE_USER = "1/m"
    theme = ThemeFactory()
    client.force_login(citizen)
    client.post(contribute_url(theme), draft(1))
    return theme


def test_the_refusal_says_how_long_to_wait_and_keeps_what_was_typed(client, one_write_a_minute):
    theme = one_write_a_minute

    response = client.post(contribute_url(theme), TYPED)

    assert response.status_code == 429
    # One write a minute: the first one, 10 s into its window, weighs until the next window has gone by.
    assert response["Retry-After"] == "110"
    html = response.content.decode()
    assert "<title>Trop de tentatives — Médiane</title>" in html
    assert "attendez 2 minutes avant de recommencer" in html
    assert "Ce que vous avez écrit est gardé" in html
    form = resend_form(response)
    assert form.action == contribute_url(theme)
    assert form.fields == {name: [value] for name, value in TYPED.items()}


def test_sending_again_after_the_wait_publishes_exactly_what_was_typed(client, one_write_a_minute, limiter_clock):
    refused = client.post(contribute_url(one_write_a_minute), TYPED)
    form = resend_form(refused)

    limiter_clock.advance(int(refused["Retry-After"]))
    response = client.post(form.action, {name: values[0] for name, values in form.fields.items()})

    assert response.status_code == 302
    published = Contribution.objects.get(title=TYPED["title"])
    assert published.body == TYPED["body"]


def test_reading_pages_is_never_limited(client, one_write_a_minute):
    theme = one_write_a_minute

    assert [client.get(contribute_url(theme)).status_code for _ in range(5)] == [200] * 5
    assert client.post(contribute_url(theme), draft(2)).status_code == 429


def test_each_person_has_their_own_count(client, one_write_a_minute, librarian):
    client.force_login(librarian)

    assert client.post(contribute_url(one_write_a_minute), draft(2)).status_code == 302


def test_writes_through_the_api_and_the_forms_share_one_count(client, citizen, settings, limiter_clock):
    settings.MEDIANE_API_RATE_USER = "2/m"
    theme = ThemeFactory()
    other = ContributionFactory(theme=theme)
    client.force_login(citizen)
    api_write = client.post(f"/api/v1/contributions/{other.pk}/support", "{}", content_type="application/json")
    assert api_write.status_code == 200
    assert client.post(contribute_url(theme), draft(1)).status_code == 302

    assert client.post(contribute_url(theme), draft(2)).status_code == 429
    refused = client.post(
        f"/api/v1/contributions/{other.pk}/comments",
        json.dumps({"body": "Tout à fait."}),
        content_type="application/json",
    )
    assert refused.status_code == 429


def workshop_sheet():
    return SimpleUploadedFile("fiche.csv", (HEADER + GOOD_LINE).encode(), content_type="text/csv")


def decidim_export():
    return SimpleUploadedFile("export.csv", (DECIDIM_HEADER + decidim_line()).encode(), content_type="text/csv")


# Each write form of the forum: who may use it, its address, and what a post sends.
WRITE_FORMS = {
    "contribute": ("citizen", lambda c: contribute_url(c.theme), lambda: draft()),
    "comment": ("citizen", lambda c: reverse("consultation:comment", args=[c.pk]), lambda: {"body": "Tout à fait."}),
    "support": ("citizen", lambda c: reverse("consultation:support", args=[c.pk]), lambda: {"action": "soutenir"}),
    "report": (
        "citizen",
        lambda c: reverse("consultation:report", args=[c.pk]),
        lambda: {"reason": "hors_sujet", "details": "Rien à voir avec le thème."},
    ),
    "report_comment": (
        "citizen",
        lambda c: reverse("consultation:report_comment", args=[CommentFactory(contribution=c).pk]),
        lambda: {"reason": "hors_sujet", "details": "Rien à voir."},
    ),
    "follow": (
        "citizen",
        lambda c: reverse("consultation:follow", args=[c.theme.consultation.slug, c.theme.slug]),
        dict,
    ),
    "withdraw": ("author", lambda c: reverse("consultation:withdraw", args=[c.pk]), dict),
    "assisted": (
        "mediator",
        lambda c: reverse("consultation:assisted", args=[c.theme.consultation.slug, c.theme.slug]),
        lambda: {
            "kind": "proposition",
            "title": "Des ateliers",
            "body": "Des ateliers le samedi matin.",
            "category": "usager",
            "postal_code": "59000",
            "channel": "atelier",
            "consent": "on",
        },
    ),
    "import_workshop_sheet": (
        "mediator",
        lambda c: reverse("consultation:import_workshop_sheet", args=[c.theme.consultation.slug, c.theme.slug]),
        lambda: {"file": workshop_sheet()},
    ),
    "import_decidim": (
        "organiser",
        lambda c: reverse("consultation:import_decidim", args=[c.theme.consultation.slug, c.theme.slug]),
        lambda: {"file": decidim_export()},
    ),
}


@pytest.mark.parametrize("form", list(WRITE_FORMS))
def test_every_write_form_of_the_forum_is_limited(client, request, settings, limiter_clock, citizen, form):
    settings.MEDIANE_API_RATE_USER = "1/m"
    persona, url_of, data = WRITE_FORMS[form]
    # The theme counts it as published, so that withdrawing it can take it off the count.
    if persona == "author":
        person = citizen
        contribution = ContributionFactory(author=citizen, theme__published_count=1)
    else:
        person = request.getfixturevalue(persona)
        contribution = ContributionFactory(theme__published_count=1)
    url = url_of(contribution)
    client.force_login(person)

    first = client.post(url, data())
    second = client.post(url, data())

    assert first.status_code == 302  # the write went through
    assert second.status_code == 429
    assert "avant de recommencer" in second.content.decode()


def test_a_refused_import_asks_to_choose_the_file_again(client, mediator, settings, limiter_clock):
    settings.MEDIANE_API_RATE_USER = "1/m"
    theme = ThemeFactory()
    url = reverse("consultation:import_workshop_sheet", args=[theme.consultation.slug, theme.slug])
    client.force_login(mediator)
    client.post(url, {"file": workshop_sheet()})

    response = client.post(url, {"file": workshop_sheet()})

    assert response.status_code == 429
    html = response.content.decode()
    assert "choisissez à nouveau votre fichier" in html
    assert f'href="{url}"' in html
    assert Contribution.objects.filter(theme=theme).count() == 1


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in_and_not_counted(client, settings, limiter_clock):
    settings.MEDIANE_API_RATE_USER = "1/m"
    theme = ThemeFactory()

    statuses = [client.post(contribute_url(theme), draft(number)).status_code for number in range(3)]

    assert statuses == [302, 302, 302]
