"""The contribution page: text, meta, support button, comments with one reply level, similar contributions."""

import pytest
from django.urls import reverse

from mediane.consultation.models import Contribution
from mediane.consultation.services import add_comment, support_contribution
from tests.accounts.factories import UserFactory
from tests.consultation.factories import CommentFactory, ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def page(client, contribution):
    return client.get(reverse("consultation:contribution", args=[contribution.pk]))


def test_the_page_shows_the_rendered_text_and_the_meta(client):
    contribution = ContributionFactory(
        title="Des ateliers le samedi",
        body="Un atelier **le samedi** matin.",
        author_name="Camille",
        author_category="bibliotheque",
        author_departement="59",
    )
    html = page(client, contribution).content.decode()
    assert '<h1 id="contribution-titre">Des ateliers le samedi</h1>' in html
    assert "<strong>le samedi</strong>" in html
    assert "Camille · Professionnel·le de bibliothèque · Nord (59)" in html


def test_a_hidden_contribution_shows_a_placeholder_naming_the_reason_and_nothing_else(client):
    contribution = ContributionFactory(hidden=True, title="Titre caché", body="Texte caché ici.")
    html = page(client, contribution).content.decode()
    assert "Contribution masquée par la modération : Propos injurieux ou discriminatoires" in html
    assert "Titre caché" not in html and "Texte caché" not in html


def test_a_withdrawn_contribution_is_gone(client):
    contribution = ContributionFactory(withdrawn=True)
    response = client.get(reverse("consultation:contribution", args=[contribution.pk]))
    assert response.status_code == 404


def test_a_pending_contribution_is_visible_to_its_author_only(client):
    contribution = ContributionFactory(pending=True)
    assert page(client, contribution).status_code == 404
    client.force_login(contribution.author)
    response = page(client, contribution)
    assert response.status_code == 200
    assert "attend la modération" in response.content.decode()


def test_the_author_of_a_hidden_contribution_reads_it_with_the_reason_and_nobody_else_but_the_team(client, moderator):
    contribution = ContributionFactory(hidden=True, title="Titre caché", body="Texte caché ici.")
    client.force_login(contribution.author)
    html = page(client, contribution).content.decode()
    assert "Titre caché" in html and "Texte caché" in html
    assert "masquée par la modération : Propos injurieux ou discriminatoires" in html
    assert "Signaler cette contribution" not in html

    client.force_login(moderator)
    assert "Texte caché" in page(client, contribution).content.decode()
    client.force_login(UserFactory())
    html = page(client, contribution).content.decode()
    assert "Titre caché" not in html and "Texte caché" not in html


def test_only_the_moderation_team_still_reads_a_withdrawn_contribution(client, moderator):
    contribution = ContributionFactory(withdrawn=True, title="Titre retiré")
    client.force_login(contribution.author)
    assert page(client, contribution).status_code == 404
    client.force_login(moderator)
    response = page(client, contribution)
    assert response.status_code == 200
    assert "Titre retiré" in response.content.decode()
    assert "retirée par son auteur·rice" in response.content.decode()


def test_a_hidden_comment_is_read_by_its_author_and_the_team_only(client, moderator, citizen):
    contribution = ContributionFactory()
    comment = CommentFactory(
        contribution=contribution,
        author=UserFactory(display_name="Zoé Commentatrice"),
        body="Propos déplacé",
        status="masque",
        hidden_reason="publicite",
    )
    for reader in (comment.author, moderator):
        client.force_login(reader)
        html = page(client, contribution).content.decode()
        assert "Commentaire masqué par la modération : Publicité ou spam" in html
        assert "Propos déplacé" in html
    client.force_login(citizen)
    html = page(client, contribution).content.decode()
    assert "Propos déplacé" not in html and comment.author_name not in html


def test_a_signed_in_person_sees_the_support_button_and_its_label_changes_once_supported(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    assert "Soutenir cette contribution" in page(client, contribution).content.decode()
    support_contribution(citizen, contribution)
    html = page(client, contribution).content.decode()
    assert "Retirer mon soutien" in html and "1 soutien" in html


def test_the_author_sees_the_withdraw_link_but_no_support_button(client):
    contribution = ContributionFactory()
    client.force_login(contribution.author)
    html = page(client, contribution).content.decode()
    assert "Retirer ma contribution" in html
    assert "Soutenir cette contribution" not in html


def test_an_outsider_is_invited_to_sign_in(client):
    html = page(client, ContributionFactory()).content.decode()
    assert "Connectez-vous pour soutenir cette contribution" in html
    assert "Connectez-vous pour commenter" in html


def test_a_closed_theme_offers_neither_support_nor_comment(client, citizen):
    contribution = ContributionFactory(theme=ThemeFactory(closed=True))
    client.force_login(citizen)
    html = page(client, contribution).content.decode()
    assert "Soutenir cette contribution" not in html
    assert "Publier mon commentaire" not in html


def test_replies_are_nested_under_their_top_level_comment(client, citizen, librarian):
    contribution = ContributionFactory()
    first = add_comment(citizen, contribution, "Premier commentaire")
    reply = add_comment(librarian, contribution, "Une réponse", parent=first)
    add_comment(citizen, contribution, "Réponse à la réponse", parent=reply)
    add_comment(librarian, contribution, "Second commentaire")
    response = page(client, contribution)
    comments = response.context["comments"]
    assert [c.body for c in comments] == ["Premier commentaire", "Second commentaire"]
    assert [c.body for c in comments[0].reply_list] == ["Une réponse", "Réponse à la réponse"]
    html = response.content.decode()
    assert html.index("Premier commentaire") < html.index("Réponse à la réponse") < html.index("Second commentaire")


def test_a_hidden_comment_shows_a_placeholder_naming_the_reason(client):
    contribution = ContributionFactory()
    CommentFactory(contribution=contribution, body="Propos déplacé", status="masque", hidden_reason="publicite")
    html = page(client, contribution).content.decode()
    assert "Commentaire masqué par la modération : Publicité ou spam" in html
    assert "Propos déplacé" not in html


def test_the_report_link_appears_for_other_signed_in_people(client, citizen):
    contribution = ContributionFactory()
    client.force_login(citizen)
    html = page(client, contribution).content.decode()
    assert reverse("consultation:report", args=[contribution.pk]) in html


def test_similar_contributions_come_from_the_same_theme_ranked_by_shared_terms(client):
    theme = ThemeFactory()
    contribution = ContributionFactory(
        theme=theme,
        title="Ateliers numériques pour les seniors",
        body="Des ateliers numériques pour les seniors, avec tablettes, dans chaque médiathèque.",
    )
    close = ContributionFactory(
        theme=theme, title="Tablettes pour seniors", body="Prêter des tablettes aux seniors en médiathèque."
    )
    far = ContributionFactory(theme=theme, title="Horaires", body="Ouvrir le dimanche matin pour les familles.")
    ContributionFactory(theme=ThemeFactory(), title="Ateliers numériques seniors", body="Tablettes seniors.")
    ContributionFactory(theme=theme, hidden=True, title="Ateliers seniors", body="Tablettes seniors.")
    similar = Contribution.objects.similar_to(contribution)
    assert close in similar
    assert far not in similar
    assert all(other.theme_id == theme.pk and other.status == "publiee" for other in similar)
    assert contribution not in similar
    assert "Tablettes pour seniors" in page(client, contribution).content.decode()


def test_similar_contributions_are_at_most_five(django_assert_num_queries):
    theme = ThemeFactory()
    contribution = ContributionFactory(theme=theme, title="Ateliers seniors", body="Ateliers pour les seniors.")
    for _ in range(8):
        ContributionFactory(theme=theme, title="Ateliers seniors encore", body="Des ateliers seniors.")
    with django_assert_num_queries(1):
        assert len(Contribution.objects.similar_to(contribution)) == 5


def _queries(client, count_queries, contribution):
    with count_queries() as ctx:
        assert page(client, contribution).status_code == 200
    return len(ctx)


def test_the_page_runs_the_same_number_of_queries_with_2_or_30_comments(client, citizen, count_queries):
    client.force_login(citizen)
    small, large = ContributionFactory(), ContributionFactory()
    people = [UserFactory() for _ in range(3)]
    for contribution, count in ((small, 2), (large, 30)):
        top = add_comment(people[0], contribution, "Un premier avis")
        for i in range(count - 1):
            add_comment(people[i % 3], contribution, f"Avis {i}", parent=top if i % 2 else None)
        ContributionFactory(theme=contribution.theme, title=contribution.title, body=contribution.body)
    assert _queries(client, count_queries, small) == _queries(client, count_queries, large)
