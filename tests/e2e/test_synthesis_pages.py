"""The published synthesis and the organisers' run page, with every kind of group (topics, short answers,
« Autres contributions », campaigns, empty answers): read on a 375 px phone and at 1280 px, with and without
JavaScript; axe-core audits every page (labels cut off and sideways scrolling included). The phone's pages are saved
as screenshots in /tmp (synthesis-*.png) to be looked at."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from mediane.consultation.models import Contribution
from mediane.synthesis import services
from mediane.synthesis.enums import TopicKind
from mediane.synthesis.models import Topic
from tests.accounts.factories import PASSWORD
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.synthesis.factories import build_run, seed_subjects

pytestmark = E2E_MARKS

CAMPAIGN = (
    "Signez l'appel du collectif des lecteurs : nous demandons que toutes les médiathèques de France ouvrent le "
    "dimanche après-midi, avec un accueil numérique pour les démarches administratives en ligne."
)


def shoot(page, name: str, phone: bool) -> None:
    if phone:
        page.screenshot(path=f"/tmp/synthesis-{name}.png", full_page=True)  # noqa: S108 - looked at, never committed


def published_run(organiser):
    theme = ThemeFactory(closed=True, title="Horaires et prêts")
    subjects = seed_subjects(theme)
    campaign = [ContributionFactory(theme=theme, title="Appel du collectif", body=CAMPAIGN) for _ in range(6)]
    short = [
        ("Oui", [ContributionFactory(theme=theme, title="Oui", body="oui") for _ in range(7)]),
        ("Non", [ContributionFactory(theme=theme, title="Non", body="Non.") for _ in range(3)]),
        ("Je ne comprends pas la question", [ContributionFactory(theme=theme, title="?", body="pas compris")]),
    ]
    other = [ContributionFactory(theme=theme, title=f"Idée isolée {n}", body=f"Un bibliobus n° {n}.") for n in range(3)]
    empty = [ContributionFactory(theme=theme, title="RAS", body=body) for body in ("RAS", ".", "néant")]
    run = build_run(
        theme,
        [
            ("Horaires d'ouverture le soir et le samedi", subjects["horaires"] + campaign, 2),
            ("Prêt de tablettes aux seniors isolés", subjects["tablettes"], 2),
            ("Formation des bibliothécaires", subjects["formation"], 2),
        ],
        closed=short,
        other=other,
        non_informative=empty,
        duplicates=[campaign, subjects["formation"][:2]],
        examples=5,
        figures={"chosen_k": 3, "k_scores": {"2": 0.021, "3": 0.043, "4": 0.03}, "k_selection": "silhouette"},
    )
    Topic.objects.filter(run=run, kind=TopicKind.TOPIC, position=1).update(
        sentence="Élargir les horaires d'ouverture le samedi et le soir pour les salariés.",
        sentence_contribution=subjects["horaires"][0],
    )
    services.publish_run(organiser, run)
    hidden = ContributionFactory(theme=theme, title="Masquée", body=CAMPAIGN)
    Contribution.objects.filter(pk=hidden.pk).update(status="masquee")
    return run


@pytest.mark.parametrize(("javascript", "phone"), [(True, False), (False, True), (True, True), (False, False)])
def test_anyone_reads_every_group_of_the_published_synthesis(browse, organiser, javascript, phone):
    run = published_run(organiser)
    page = browse(javascript=javascript, phone=phone)
    # Straight to the page: the theme page's own layout is audited by the tests of the forum.
    page.goto(reverse("synthesis:published", args=[run.theme.consultation.slug, run.theme.slug]))
    expect(page.locator("p", has_text="En une phrase :")).to_contain_text(
        "« Élargir les horaires d'ouverture le samedi et le soir pour les salariés. »"
    )
    expect(page.locator("p", has_text="En une phrase :").get_by_role("link")).to_have_text(
        f"contribution n° {run.topics.get(position=1, kind=TopicKind.TOPIC).sentence_contribution_id}"
    )
    table = page.get_by_role("table", name="Réponses courtes, de la plus fréquente à la moins fréquente")
    expect(table.get_by_role("row", name="Oui 7 64 %")).to_be_visible()
    expect(page.get_by_text("Copié 6 fois")).to_be_visible()
    expect(page.get_by_role("heading", name="Autres contributions")).to_be_visible()
    expect(page.get_by_text("3 réponses ne disent rien qui puisse être lu")).to_be_visible()
    expect(page.get_by_text("silhouette")).to_have_count(0)
    expect(page.get_by_text("graine")).to_have_count(0)
    # How it was made: a disclosure that opens without JavaScript.
    page.get_by_text("Lire comment les contributions ont été regroupées").click()
    expect(page.get_by_text("Les textes qui emploient les mêmes mots ont été regroupés")).to_be_visible()
    assert_accessible(page)
    shoot(page, f"published-{'js' if javascript else 'nojs'}", phone)

    follow(page.get_by_role("link", name="Voir les 3 autres contributions"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Autres contributions")
    assert_accessible(page)


@pytest.mark.parametrize(("javascript", "phone"), [(True, True), (False, False)])
def test_the_organiser_reads_the_method_settings_on_the_run_page(browse, organiser, javascript, phone):
    run = published_run(organiser)
    page = browse(javascript=javascript, phone=phone)
    log_in(page, organiser.email, PASSWORD, run.get_absolute_url())
    expect(page.get_by_role("columnheader", name="Score de netteté des sujets (silhouette)")).to_be_visible()
    expect(page.get_by_text("Le programme pouvait former de 3 à 40 sujets ; il en a retenu 3.")).to_be_visible()
    page.get_by_text("Voir les groupes de contributions en double").click()
    expect(page.get_by_text("2 contributions :")).to_be_visible()
    assert_accessible(page)
    shoot(page, "run", phone)

    follow(page.locator("#reponses-courtes").get_by_role("link", name="Oui", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Réponse courte : Oui")
    expect(page.get_by_role("button", name="Renommer")).to_have_count(0)
    assert_accessible(page)
