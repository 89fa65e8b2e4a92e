"""Journey 3: a mediator records a contribution for a person without an account, shown with the label
« recueillie par un·e médiateur·rice ». Runs with JavaScript and without; axe-core audits every page."""

import pytest
from playwright.sync_api import expect

from mediane.consultation.enums import ContributionKind, ContributionSource, ContributionStatus
from mediane.consultation.models import Contribution
from tests.accounts.factories import PASSWORD
from tests.consultation.factories import ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import choose, follow, log_in

pytestmark = E2E_MARKS

TITLE = "Les formulaires en ligne de la CAF sont trop compliqués"
LABEL = "recueillie par un·e médiateur·rice"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_mediator_records_an_assisted_contribution_shown_with_its_label(browse, mediator, javascript):
    theme = ThemeFactory(title="Publics cibles")
    form_path = f"/forum/{theme.consultation.slug}/{theme.slug}/recueillir/"
    page = browse(javascript=javascript)
    log_in(page, mediator.email, PASSWORD, form_path)
    assert_accessible(page)

    choose(page, "Point de vigilance")
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Ce que la personne a exprimé").fill(
        "Elle n'arrive pas à déclarer ses ressources seule : les pages changent sans arrêt."
    )
    choose(page, "Usager·e")
    page.get_by_label("Code postal de la personne (facultatif)").fill("59000")
    choose(page, "Pendant un atelier")

    # Without the person's consent nothing is recorded, and the error says what to do.
    follow(page.get_by_role("button", name="Enregistrer la contribution"))
    expect(page.get_by_text("Cochez cette case seulement si la personne est d'accord").first).to_be_visible()
    assert_accessible(page)
    assert not Contribution.objects.filter(title=TITLE).exists()

    choose(page, "La personne a accepté que ses propos soient publiés")
    follow(page.get_by_role("button", name="Enregistrer la contribution"))
    expect(page.get_by_role("heading", name="La contribution est enregistrée")).to_be_visible()
    assert_accessible(page)

    recorded = Contribution.objects.get(title=TITLE)
    assert recorded.source == ContributionSource.ASSISTED
    assert recorded.collected_by == mediator
    assert recorded.author is None
    assert (recorded.kind, recorded.status) == (ContributionKind.VIGILANCE, ContributionStatus.PUBLISHED)
    assert (recorded.author_category, recorded.author_departement) == ("usager", "59")
    assert recorded.consent_recorded_at is not None

    follow(page.get_by_role("link", name=f"Voir la contribution « {TITLE} »"))
    assert_accessible(page)
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.get_by_text(LABEL, exact=True)).to_be_visible()
    expect(page.get_by_text(mediator.display_name, exact=True)).to_have_count(0)  # the mediator is not the author

    page.goto(theme.get_absolute_url())
    assert_accessible(page)
    row = page.locator("li, article", has=page.get_by_role("link", name=TITLE)).last
    expect(row.get_by_text(LABEL, exact=True)).to_be_visible()
