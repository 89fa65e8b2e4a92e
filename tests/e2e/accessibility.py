"""Accessibility audit of the journeys: axe-core (wcag2a, wcag2aa, wcag21aa) on every page they visit.

How a page is audited depends on whether the journey runs with JavaScript:

* **JavaScript on.** axe-core is evaluated in the page itself through the DevTools protocol (`page.evaluate`),
  which the site's Content Security Policy does not govern, so the journey runs under the real CSP.
* **JavaScript off.** axe is JavaScript, so it cannot run in the page being tested. The auditor takes the
  page's HTML as the browser holds it (`page.content()`), and serves it, through a request route, at the same
  URL in a separate JavaScript-enabled page whose own scripts are blocked. The copy thus has the same base URL
  (stylesheets, fonts and images load from the live server, so colour contrast is measured on the real CSS)
  and the DOM the person without JavaScript sees; axe then runs in the copy. A browser with JavaScript reads
  `<noscript>` content as inert text, so the copy takes it out of its `<noscript>` (the stylesheet loaded only
  without JavaScript, for one): the copy then shows what the browser without JavaScript shows.

Each page must also have a non-empty `<title>` and exactly one `<h1>`. The auditor remembers every URL the
page navigated to, so a journey that forgets to audit a page fails at teardown (`assert_all_audited`).

The auditor only audits a settled page. A click does not wait for the page it leads to, so a journey that audits
right after such a click could audit the page it is leaving: the auditor follows the page's main-frame navigation
requests and refuses, with a message naming the step to use (`steps.follow`), while one is on its way to a new
document; it also fails if the page changes while it audits. Beyond the current document's "load" (the
stylesheets that colour contrast needs), it neither waits nor retries on the journey's behalf: an audit that
passes only when the machine is fast enough is the flaw it reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Request
from playwright.sync_api import Error as PlaywrightError

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]},
    "resultTypes": ["violations"],
}
SCREENSHOT_PREFIX = "/tmp/e2e-"  # noqa: S108 - debugging aid, never committed


def axe_source() -> str:
    if not AXE_PATH.exists():
        raise RuntimeError(f"axe-core est introuvable ({AXE_PATH}) : lancez `make install` (npm ci).")
    return AXE_PATH.read_text(encoding="utf-8")


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} violation(s) axe-core sur {url} :"]
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:8]:
            target = " ".join(str(part) for part in node["target"])
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"    • {target} — {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    • … et {len(violation['nodes']) - 8} autre(s) nœud(s)")
    return "\n".join(lines)


def _slug(url: str) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "-", url.split("://", 1)[-1]).strip("-")[:80]


def run_axe(page: Page, source: str) -> list[dict]:
    # Colour contrast needs the stylesheets and fonts: wait for the document's "load", which a page reached by
    # an auto-waiting assertion may not have fired yet.
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    return page.evaluate("options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)


def settled_content(page: Page) -> str:
    """The HTML of the page once loaded (its stylesheets and images too, as the copy will load them)."""
    page.wait_for_load_state("load")
    return page.content()


NOSCRIPT = re.compile(r"<noscript>(.*?)</noscript>", re.S | re.I)


def without_javascript(html: str) -> str:
    """`html` as a browser without JavaScript renders it, for a copy opened in a browser with JavaScript."""
    return NOSCRIPT.sub(r"\1", html)


# What a person sees, which axe cannot: every button and link shows its whole label at a phone's width and at a
# desktop's, and no page scrolls sideways on the narrowest phone.
LABEL_WIDTHS = (1280, 375)
NARROWEST_WIDTH = 320
CLIPPED_LABELS = r"""
() => {
  const clipped = [];
  const selector = 'a, button, summary, input[type=submit], input[type=button], .fr-btn, .fr-tag';
  for (const element of document.querySelectorAll(selector)) {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;  // not drawn (inline links report no box width of their own)
    const label = (element.innerText || element.value || '').replace(/\\s+/g, ' ').trim();
    if (!label) continue;
    // Text that overflows a box drawn with `overflow: visible` is still seen; hidden or clipped overflow is not.
    const wider = style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1;
    const taller = style.overflowY !== 'visible' && element.scrollHeight > element.clientHeight + 1;
    if (element.clientWidth > 0 && (wider || taller)) {
      const classes = element.className ? '.' + element.className.split(' ').join('.') : '';
      const where = element.tagName.toLowerCase() + classes;
      clipped.push(`« ${label.slice(0, 60)} » dans ${where} (${element.clientWidth} × ${element.clientHeight} px `
        + `visibles pour ${element.scrollWidth} × ${element.scrollHeight} px)`);
    }
  }
  return clipped;
}
"""


def layout_problems(copy: Page) -> list[str]:
    """Labels cut off at 1280 and 375 px, and sideways scrolling at 320 px, on a copy of the page (resized freely)."""
    problems = []
    for width in LABEL_WIDTHS:
        copy.set_viewport_size({"width": width, "height": 900})
        problems += [f"à {width} px, libellé coupé : {label}" for label in copy.evaluate(CLIPPED_LABELS)]
    copy.set_viewport_size({"width": NARROWEST_WIDTH, "height": 740})
    page_width = copy.evaluate("() => document.documentElement.scrollWidth")
    if page_width > NARROWEST_WIDTH + 1:
        problems.append(f"à {NARROWEST_WIDTH} px, la page défile sur le côté ({page_width} px de large)")
    return problems


def check_structure(page: Page) -> list[str]:
    problems = []
    title = page.title().strip()
    if not title:
        problems.append("la page n'a pas de <title>")
    h1_count = page.locator("h1").count()
    if h1_count != 1:
        problems.append(f"la page a {h1_count} titre(s) <h1> au lieu d'un seul")
    return problems


@dataclass
class Auditor:
    """Audits pages of one journey; `checker_context` is a JavaScript-enabled context used for no-JS pages."""

    javascript: bool
    checker_context: BrowserContext | None = None
    audited: list[str] = field(default_factory=list)
    navigations: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    _pending: bool = False
    # Main-frame navigation requests (redirects included) whose new document has not arrived yet.
    _on_the_way: list[Request] = field(default_factory=list)
    _redirects: list[Request] = field(default_factory=list)
    _source: str = field(default_factory=axe_source)

    def watch(self, page: Page) -> None:
        """Record every top-level navigation of `page`, so none escapes the audit, and every CSP refusal."""

        def is_navigation(request: Request) -> bool:
            return request.is_navigation_request() and request.frame == page.main_frame

        def on_request(request):
            if is_navigation(request):
                self._on_the_way.append(request)

        def on_request_ended(request):
            # A navigation that ends without a new document: a download, a 204, or one cancelled by another.
            # The end of a redirect is not one: the request that follows it is already, or soon, on its way.
            if is_navigation(request) and request not in self._redirects:
                chain = request
                while chain is not None:
                    if chain in self._on_the_way:
                        self._on_the_way.remove(chain)
                    chain = chain.redirected_from

        def on_response(response):
            if 300 <= response.status < 400 and is_navigation(response.request):
                self._redirects.append(response.request)
            if response.status >= 500 and response.request.resource_type in {
                "document",
                "stylesheet",
                "script",
            }:
                self.server_errors.append(f"{response.status} {response.request.method} {response.url}")

        def on_navigated(frame):
            if frame == page.main_frame:
                self.navigations.append(frame.url)
                self._pending = True
                # The new document has arrived: every request that led to it is done with.
                self._on_the_way.clear()
                self._redirects.clear()

        def on_console(message):
            if message.type == "error" and "Content Security Policy" in message.text:
                self.csp_violations.append(message.text)

        page.on("request", on_request)
        page.on("requestfinished", on_request_ended)
        page.on("requestfailed", on_request_ended)
        page.on("framenavigated", on_navigated)
        page.on("console", on_console)
        page.on("response", on_response)

    def audit(self, page: Page) -> None:
        """Fail with a readable list if the page as it is now has an accessibility violation."""
        if self._on_the_way:
            raise AssertionError(
                f"Contrôle d'accessibilité refusé : la page {page.url} est en train de laisser place à "
                f"{self._on_the_way[-1].url}. Attendez la nouvelle page avant de la contrôler "
                "(steps.follow autour du clic qui y mène)."
            )
        navigations = len(self.navigations)
        try:
            if self.javascript:
                violations = run_axe(page, self._source)
                problems = check_structure(page)
                url = page.url
                # The layout is measured on a copy of what the page shows now (htmx fragments included), so that
                # resizing never disturbs the journey.
                problems += self._layout_of_copy(page.content(), url)
            else:
                html = without_javascript(settled_content(page))
                url = page.url
                violations, problems = self._audit_copy(html, url)
        except PlaywrightError:
            self._fail_if_changed(navigations)
            raise
        self._fail_if_changed(navigations)
        problems += [f"refus de la politique de sécurité (CSP) : {text}" for text in self.csp_violations]
        problems += [f"erreur du serveur : {error}" for error in self.server_errors]
        self.csp_violations.clear()
        self.server_errors.clear()
        self._pending = False
        self.audited.append(url)
        if violations or problems:
            page.screenshot(path=f"{SCREENSHOT_PREFIX}{_slug(url)}.png", full_page=True)
            message = format_violations(url, violations) if violations else f"Page {url} :"
            message += "".join(f"\n- {problem}" for problem in problems)
            raise AssertionError(message)

    def _fail_if_changed(self, navigations: int) -> None:
        if len(self.navigations) != navigations:
            raise AssertionError(
                f"La page a changé pendant le contrôle d'accessibilité (vers {self.navigations[-1]}) : "
                "le contrôle suivait sans doute un clic qui mène à une nouvelle page ; attendez-la (steps.follow)."
            )

    def _open_copy(self, html: str, url: str) -> Page:
        assert self.checker_context is not None, "the audit needs a JavaScript-enabled checker context"
        copy = self.checker_context.new_page()
        # The page's own scripts must not run: the copy shows the DOM as the person has it, nothing more.
        copy.route("**/*.js", lambda route: route.abort())
        # A request never carries the address's fragment; the copy opens at the whole address, so that the element
        # it targets (`:target`, the menu opened without JavaScript) is the same.
        copy.route(
            url.split("#", 1)[0], lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8")
        )
        copy.goto(url, wait_until="load")
        return copy

    def _audit_copy(self, html: str, url: str) -> tuple[list[dict], list[str]]:
        copy = self._open_copy(html, url)
        try:
            return run_axe(copy, self._source), check_structure(copy) + layout_problems(copy)
        finally:
            copy.close()

    def _layout_of_copy(self, html: str, url: str) -> list[str]:
        copy = self._open_copy(html, url)
        try:
            return layout_problems(copy)
        finally:
            copy.close()

    def assert_all_audited(self) -> None:
        assert not self._pending, (
            f"La page {self.navigations[-1]} a été visitée sans contrôle d'accessibilité : "
            "appelez assert_accessible(page) une fois qu'elle est arrivée (steps.follow autour du clic qui y mène)."
        )


_AUDITORS: dict[Page, Auditor] = {}


def register(page: Page, auditor: Auditor) -> None:
    auditor.watch(page)
    _AUDITORS[page] = auditor


def forget(page: Page) -> Auditor | None:
    return _AUDITORS.pop(page, None)


def assert_accessible(page: Page) -> None:
    """Run axe-core (wcag2a, wcag2aa, wcag21aa) on `page` as it is now; fail with the list of violations.

    Works for pages opened with or without JavaScript (see the module docstring for the no-JS method).
    """
    _AUDITORS[page].audit(page)
