"""Steps shared by the journeys: what a person does with the mouse and keyboard, written once."""

from tests.e2e.accessibility import assert_accessible


def choose(page, label: str) -> None:
    """Tick a DSFR radio or checkbox as a person does: click its label (the styled label covers the input)."""
    control = page.get_by_label(label)
    page.locator(f"label[for='{control.get_attribute('id')}']").click()
    assert control.is_checked(), label


def log_in(page, email: str, password: str, next_path: str = "/") -> None:
    """Sign in through the login page (audited), landing on `next_path`."""
    page.goto(f"/compte/login/?next={next_path}")
    assert_accessible(page)
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    assert page.url.endswith(next_path), f"après connexion : {page.url}"
