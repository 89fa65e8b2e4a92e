"""Journey: close contributions while writing. With JavaScript a panel shows them as the person types (htmx);
without it, a confirmation step shows them before publishing. Either way one may support one instead.
axe-core audits every page, and the page with the panel open.

The journey with the panel holds the page's clock while the person types: "the person stops typing for 600 ms"
is then a moment the test chooses, not a pause that a busy machine could make between two keys."""

from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from mediane.consultation.models import Contribution, Support
from tests.accounts.factories import PASSWORD
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow, log_in

pytestmark = E2E_MARKS

TITLE = "Prêter des tablettes aux seniors"
BODY = "La médiathèque pourrait prêter des tablettes aux seniors isolés, comme elle prête des livres."
CLOSE_TITLE = "Un prêt de tablettes pour les seniors"
DEBOUNCE_MS = 600
START = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)


def setting(citizen):
    theme = ThemeFactory(title="Publics cibles")
    close = ContributionFactory(
        theme=theme,
        title=CLOSE_TITLE,
        body="Les seniors isolés empruntent une tablette à la médiathèque, comme un livre.",
        supports_count=2,
    )
    ContributionFactory(theme=theme, title="Horaires du dimanche", body="Ouvrir le dimanche pour les familles.")
    return theme, close, f"/forum/{theme.consultation.slug}/{theme.slug}/contribuer/"


def write(page, body: str = BODY) -> None:
    choose(page, "Proposition")
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Votre contribution").press_sequentially(body)


def is_lookup(response) -> bool:
    return response.request.method == "POST" and response.url.endswith("/contribuer/proches/")


def test_with_javascript_the_panel_appears_as_one_types_and_publishing_needs_no_confirmation(browse, citizen):
    theme, close, form_path = setting(citizen)
    page = browse(javascript=True)
    page.clock.install(time=START)  # time flows as usual until the test pauses it
    log_in(page, citizen.email, PASSWORD, form_path)
    assert_accessible(page)
    panel = page.locator("#similaires")
    announcement = page.locator("#similaires-annonce")

    # Two words are not enough to compare: the lookup sent after the pause has nothing to show.
    choose(page, "Proposition")
    with page.expect_response(is_lookup) as two_words:
        page.get_by_label("Titre").fill("Prêter tablettes")
    assert two_words.value.status == 204, "deux mots : rien à montrer ni à annoncer"
    expect(panel).not_to_contain_text(CLOSE_TITLE)

    lookups: list[str] = []
    page.on("request", lambda request: lookups.append(request.url) if request.method == "POST" else None)
    page.clock.pause_at(START + timedelta(hours=1))  # no timer fires while the person types, however slowly
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Votre contribution").press_sequentially(BODY)
    assert lookups == []  # no lookup while the person is typing
    assert CLOSE_TITLE not in panel.inner_text()
    # The person stops typing: one lookup, 600 ms later, and none after it however long the pause.
    with page.expect_response(is_lookup):
        page.clock.run_for(DEBOUNCE_MS)
    expect(panel.get_by_role("link", name=CLOSE_TITLE)).to_be_visible()
    page.clock.run_for(DEBOUNCE_MS * 2)
    assert len(lookups) == 1, f"une seule recherche quand la frappe s'arrête, pas {len(lookups)} : {lookups}"
    page.clock.resume()
    expect(announcement).to_have_text("1 contribution proche existe déjà. Elle est affichée sous le texte.")
    expect(panel).to_contain_text("2 soutiens")
    expect(panel).not_to_contain_text("Horaires du dimanche")
    assert_accessible(page)

    # The panel has shown it: the contribution is published without a confirmation step.
    follow(page.get_by_role("button", name="Publier ma contribution"))
    expect(page.get_by_text("Merci ! Votre contribution est publiée.")).to_be_visible()
    assert_accessible(page)
    assert Contribution.objects.get(author=citizen).title == TITLE


def test_with_javascript_one_supports_a_close_contribution_from_the_panel(browse, citizen):
    theme, close, form_path = setting(citizen)
    page = browse(javascript=True)
    log_in(page, citizen.email, PASSWORD, form_path)
    assert_accessible(page)
    write(page)
    follow(page.get_by_role("button", name="Soutenir cette contribution"))  # waits for the panel's button
    expect(page.get_by_text("Merci, votre soutien est enregistré.")).to_be_visible()
    expect(page.locator("h1")).to_have_text(CLOSE_TITLE)
    assert_accessible(page)
    assert Support.objects.filter(contribution=close, user=citizen).exists()
    assert not Contribution.objects.filter(author=citizen).exists()


def test_without_javascript_a_confirmation_step_comes_first_then_publish_anyway(browse, citizen):
    theme, close, form_path = setting(citizen)
    page = browse(javascript=False)
    log_in(page, citizen.email, PASSWORD, form_path)
    assert_accessible(page)
    write(page)
    follow(page.get_by_role("button", name="Publier ma contribution"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Une contribution proche existe déjà")
    expect(page.get_by_role("link", name=CLOSE_TITLE)).to_be_visible()
    expect(page.get_by_text(BODY)).to_be_visible()
    assert_accessible(page)
    assert not Contribution.objects.filter(author=citizen).exists()

    follow(page.get_by_role("button", name="Publier quand même"))
    expect(page.get_by_text("Merci ! Votre contribution est publiée.")).to_be_visible()
    assert_accessible(page)
    mine = Contribution.objects.get(author=citizen)
    assert (mine.title, mine.body) == (TITLE, BODY)


def test_without_javascript_edit_my_text_keeps_everything_typed(browse, citizen):
    theme, close, form_path = setting(citizen)
    page = browse(javascript=False)
    log_in(page, citizen.email, PASSWORD, form_path)
    assert_accessible(page)
    write(page)
    follow(page.get_by_role("button", name="Publier ma contribution"))
    assert_accessible(page)

    follow(page.get_by_role("button", name="Modifier mon texte"))
    expect(page.get_by_label("Titre")).to_have_value(TITLE)
    expect(page.get_by_label("Votre contribution")).to_have_value(BODY)
    expect(page.get_by_label("Proposition")).to_be_checked()
    expect(page.get_by_role("link", name=CLOSE_TITLE)).to_be_visible()  # still in view while editing
    assert_accessible(page)

    page.get_by_label("Votre contribution").fill(BODY + " Le samedi aussi.")
    follow(page.get_by_role("button", name="Publier ma contribution"))
    expect(page.get_by_text("Merci ! Votre contribution est publiée.")).to_be_visible()
    assert_accessible(page)
    assert Contribution.objects.get(author=citizen).body.endswith("Le samedi aussi.")
