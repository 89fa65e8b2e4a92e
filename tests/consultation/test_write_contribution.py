"""Writing a contribution: sign-in, charter, the form, its French errors, closed themes and XSS payloads."""

from html.parser import HTMLParser

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from mediane.consultation.models import Contribution
from tests.accounts.factories import UserFactory
from tests.consultation.factories import ConsultationFactory, ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)>",
    '<svg onload="alert(1)"><script>alert(2)</script></svg>',
    '"><script>alert(document.cookie)</script>',
    '<iframe src="javascript:alert(1)"></iframe>',
    "[clic](javascript:alert(1))",
    '<a href="javascript:alert(1)" onclick="alert(2)">lien</a>',
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))" onmouseover="alert(1)">x</div>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "';alert(1);//<script>",
]


class ActiveContent(HTMLParser):
    """Collects what a browser would run: script-like elements, event-handler attributes, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "svg", "object", "embed"}:
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name == "style" or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag}[{name}]")


def active_content(html: str) -> list[str]:
    main = html.split('<main id="contenu"', 1)[1].split("</main>", 1)[0]
    parser = ActiveContent()
    parser.feed(main)
    return parser.found


def contribute_url(theme):
    return reverse("consultation:contribute", args=[theme.consultation.slug, theme.slug])


def valid(**overrides):
    data = {
        "kind": "proposition",
        "title": "Ouvrir le samedi",
        "body": "Ouvrir la médiathèque le samedi matin.",
    }
    return {**data, **overrides}


def test_an_outsider_is_sent_to_sign_in(client):
    theme = ThemeFactory()
    response = client.get(contribute_url(theme))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_the_form_offers_each_kind_as_a_radio_with_its_help_text(client, citizen):
    client.force_login(citizen)
    html = client.get(contribute_url(ThemeFactory())).content.decode()
    assert html.count('type="radio"') == 3
    assert "Proposez une idée concrète" in html
    assert "Signalez un risque" in html
    assert "Markdown" not in html and "**en gras**" in html


def test_posting_a_valid_contribution_publishes_it_and_opens_its_page(client, citizen):
    theme = ThemeFactory()
    client.force_login(citizen)
    response = client.post(contribute_url(theme), valid())
    contribution = Contribution.objects.get()
    assert response.status_code == 302 and response["Location"] == contribution.get_absolute_url()
    assert contribution.author == citizen and contribution.status == "publiee"
    theme.refresh_from_db()
    assert theme.published_count == 1
    assert "Votre contribution est publiée" in [str(m) for m in get_messages(response.wsgi_request)][0]


def test_under_pre_moderation_the_contribution_waits_and_the_message_says_so(client, citizen):
    theme = ThemeFactory(consultation=ConsultationFactory(pre_moderation=True))
    client.force_login(citizen)
    response = client.post(contribute_url(theme), valid(), follow=True)
    assert Contribution.objects.get().status == "en_attente"
    assert "en attente de modération" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (valid(title=""), "title", "Écrivez un titre."),
        (valid(body=""), "body", "Écrivez le texte de votre contribution."),
        (valid(kind=""), "kind", "Choisissez le type de contribution."),
        (valid(kind="autre"), "kind", "Sélectionnez un choix valide"),
        (valid(title="t" * 151), "title", "Le titre est trop long"),
        (valid(body="b" * 5001), "body", "Le texte est trop long"),
    ],
)
def test_empty_or_over_long_fields_get_a_french_error_and_store_nothing(client, citizen, data, field, message):
    client.force_login(citizen)
    response = client.post(contribute_url(ThemeFactory()), data)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    html = response.content.decode()
    assert "fr-alert--error" in html and "Votre contribution n'est pas encore envoyée" in html
    assert Contribution.objects.count() == 0


def test_a_refusal_from_the_service_is_shown_at_the_top_of_the_form(client, citizen):
    client.force_login(citizen)
    response = client.post(contribute_url(ThemeFactory()), valid(body="Trop court"[:5]))
    assert "Le texte est trop court" in response.content.decode()
    assert Contribution.objects.count() == 0


@pytest.mark.parametrize("theme_kwargs", [{"closed": True}, {"upcoming": True}, {"synthesis_published": True}])
def test_writing_to_a_theme_that_is_not_open_is_refused_in_french_and_stores_nothing(client, citizen, theme_kwargs):
    theme = ThemeFactory(**theme_kwargs)
    client.force_login(citizen)
    response = client.post(contribute_url(theme), valid(), follow=True)
    assert Contribution.objects.count() == 0
    html = response.content.decode()
    assert "Ce thème est clos" in html or "Ce thème n&#x27;est pas encore ouvert" in html
    assert response.redirect_chain[-1][0] == theme.get_absolute_url()


def test_a_person_who_has_not_accepted_the_charter_cannot_write(client):
    person = UserFactory(without_charter=True)
    client.force_login(person)
    response = client.post(contribute_url(ThemeFactory()), valid())
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:charter"))
    assert Contribution.objects.count() == 0


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_html_and_script_in_title_and_body_render_inert(client, citizen, payload):
    theme = ThemeFactory()
    client.force_login(citizen)
    response = client.post(
        contribute_url(theme), valid(title=f"Titre {payload}"[:150], body=f"Texte {payload} fin du texte.")
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    contribution = Contribution.objects.get()
    for html in (
        client.get(contribution.get_absolute_url()).content.decode(),
        client.get(theme.get_absolute_url()).content.decode(),
    ):
        assert active_content(html) == []
        main = html.split('<main id="contenu"', 1)[1]
        assert "<script" not in main.split("</main>", 1)[0].lower()


def test_withdrawing_asks_for_confirmation_then_removes_it_from_the_list(client, citizen):
    theme = ThemeFactory()
    client.force_login(citizen)
    client.post(contribute_url(theme), valid(title="À retirer"))
    contribution = Contribution.objects.get()
    withdraw = reverse("consultation:withdraw", args=[contribution.pk])
    confirm = client.get(withdraw)
    assert "Oui, retirer ma contribution" in confirm.content.decode()
    assert Contribution.objects.get().status == "publiee"  # a GET changes nothing
    response = client.post(withdraw)
    assert response.status_code == 302 and response["Location"] == theme.get_absolute_url()
    theme.refresh_from_db()
    assert theme.published_count == 0
    assert "À retirer" not in client.get(theme.get_absolute_url()).content.decode()


def test_only_the_author_may_withdraw(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    assert client.post(reverse("consultation:withdraw", args=[contribution.pk])).status_code == 403
    contribution.refresh_from_db()
    assert contribution.status == "publiee"
