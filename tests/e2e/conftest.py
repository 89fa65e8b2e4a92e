"""Fixtures of the end-to-end journeys: the system Chromium, driven by Playwright, on the live server.

Playwright's sync API runs an asyncio loop in the test thread, so Django would refuse ORM calls made there
(SynchronousOnlyOperation); the journeys only touch the database between browser steps, hence the flag.
"""

import os
from pathlib import Path

import pytest

from tests.e2e import accessibility

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Marks for each journey module: they need the system Chromium (installed by .ci/run) and never download one.
E2E_MARKS = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium absent (/usr/bin/chromium) : apt-get install chromium"),
]


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def browse(chromium, live_server):
    """`browse(javascript=True, phone=False)` opens a fresh browser (own cookies) on the live server, audited by
    axe-core, at a desktop's size or, with `phone=True`, a 375 × 740 phone's.

    Every page it visits must go through `assert_accessible(page)`; the fixture fails otherwise.
    """
    contexts = []
    pages = []

    def new_context(javascript: bool, viewport: dict | None = None):
        context = chromium.new_context(
            base_url=live_server.url,
            java_script_enabled=javascript,
            locale="fr-FR",
            viewport=viewport or DESKTOP,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    def open_page(javascript: bool = True, phone: bool = False):
        context = new_context(javascript, PHONE if phone else DESKTOP)
        # A JavaScript-enabled context where copies of the pages are audited (no-JS pages) and resized (all).
        checker = new_context(True)
        page = context.new_page()
        accessibility.register(page, accessibility.Auditor(javascript=javascript, checker_context=checker))
        pages.append(page)
        return page

    yield open_page
    auditors = [accessibility.forget(page) for page in pages]
    for context in contexts:
        context.close()
    for auditor in auditors:
        if auditor is not None:
            auditor.assert_all_audited()
