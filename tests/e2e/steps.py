"""Steps shared by the journeys: what a person does with the mouse and keyboard, written once.

A step that leads to a new page returns once that page has loaded. A Playwright click, form submit or key returns
once the next page has at best begun to arrive (its response committed, its body maybe still on the way), and
`is_visible()` does not wait at all: a check made right after such an action could read a page half there, or
the page being left, and pass or fail by luck. Actions that stay on the page (ticking a box, opening a
`<details>`, an htmx fragment) are plain actions followed by an auto-waiting `expect`.
"""

import base64
import re

from playwright.sync_api import Locator, Page, Response, expect

from tests.e2e.accessibility import assert_accessible


def follow(target: Locator) -> Response | None:
    """Click a link or a submit button, and return once the page it leads to has loaded (its response).

    Redirects are followed: a form that answers with a redirect returns once the page redirected to has loaded.
    For another action that leads to a new page (a key), wrap it the same way in `page.expect_navigation`.
    """
    with target.page.expect_navigation(wait_until="load") as navigation:
        target.click()
    return navigation.value


def choose(page: Page, label: str | re.Pattern[str]) -> None:
    """Tick a DSFR radio or checkbox as a person does: click its label (the styled label covers the input)."""
    control = page.get_by_label(label)
    page.locator(f"label[for='{control.get_attribute('id')}']").click()
    expect(control, f"case « {label} »").to_be_checked()


def log_in(page: Page, email: str, password: str, next_path: str = "/") -> None:
    """Sign in through the login page (audited), landing on `next_path`."""
    page.goto(f"/compte/login/?next={next_path}")
    assert_accessible(page)
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    follow(page.get_by_role("button", name="Se connecter"))
    expect(page, "après connexion").to_have_url(re.compile(re.escape(next_path) + "$"))


def fill_sign_up(page: Page, email: str, password: str, *, name: str = "Josiane", postal_code: str = "") -> None:
    """Fill the sign-up form as a librarian called `name`; the journey then presses « Créer mon compte »."""
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill(password)
    page.locator("input[name=password2]").fill(password)
    page.get_by_label("Nom affiché").fill(name)
    choose(page, "Professionnel·le de bibliothèque")
    if postal_code:
        page.get_by_label("Code postal (facultatif)").fill(postal_code)


def to_sign_up_from_a_theme(page: Page) -> None:
    """On an open theme's page, signed out: « Contribuer » leads to the login page, « Créez votre compte » to the
    sign-up page; both audited."""
    follow(page.get_by_role("link", name="Contribuer", exact=True))
    expect(page, "« Contribuer » sans compte").to_have_url(re.compile("/compte/login/"))
    assert_accessible(page)
    follow(page.get_by_role("link", name="Créez votre compte"))
    assert_accessible(page)


# A 1 × 1 PNG that a test's browser receives for every map tile (no tile server is reached from a test).
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
