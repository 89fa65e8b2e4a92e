"""Every template keeps to the DSFR rules that decide whether a person can read a button or a table on a phone.

- A DSFR button with an icon (`fr-btn fr-icon-…`) shows its label only when it says where the icon goes: inside a
  group (`fr-btns-group`), the group carries `fr-btns-group--icon-left` or `--icon-right`; alone, the button carries
  `fr-btn--icon-left` or `--icon-right`. Otherwise the DSFR draws an icon-only square and cuts the label off. The
  site has no icon-only button: the people it serves need words. The DSFR's own header buttons (menu, close, the
  header's quick links) have rules of their own and are left to them.
- Every table of a page goes through the table component (`{% table %}`, templates/components/table.html): a
  scrolling region reachable from the keyboard, named by the caption, that says when it scrolls.

The templates are read as text, so every branch of every `{% if %}` is checked, not only those a test renders;
an `{% include %}` of a literal name is followed with the elements around it, so a button written in a fragment is
checked in the group that the page puts it in.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template.loader import get_template

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(
    path.relative_to(ROOT)
    for pattern in ("templates/**/*.html", "mediane/*/templates/**/*.html")
    for path in ROOT.glob(pattern)
)
# Documents rendered to PDF by WeasyPrint, not pages: their tables are printed whole, in their own stylesheet.
PRINTED_DOCUMENTS = {
    Path("mediane/workinggroup/templates/workinggroup/dossier/dossier.html"),
    Path("mediane/workinggroup/templates/workinggroup/dossier/bar_chart.html"),
}
TABLE_COMPONENT = Path("templates/components/table.html")

INCLUDE = re.compile(r"""\{%\s*include\s+["']([^"']+)["'][^%]*%\}""")
TEMPLATE_SYNTAX = re.compile(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}|\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
ICON = re.compile(r"^fr-(icon|fi)-")
GROUP_ICON_MODIFIERS = {"fr-btns-group--icon-left", "fr-btns-group--icon-right"}
BUTTON_ICON_MODIFIERS = {"fr-btn--icon-left", "fr-btn--icon-right"}
DSFR_OWN_BUTTONS = {"fr-btn--close", "fr-btn--menu"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
INCLUDE_ELEMENT = "mediane-include"


def markup(source: str) -> str:
    """The template as HTML: literal includes become an element, other tags vanish, variables become a word.

    Every branch of an `{% if %}` stays, so a class written in any branch counts.
    """
    source = INCLUDE.sub(lambda match: f'<{INCLUDE_ELEMENT} src="{match.group(1)}"></{INCLUDE_ELEMENT}>', source)
    return TEMPLATE_SYNTAX.sub(lambda match: "x" if match.group(0).startswith("{{") else " ", source)


class ButtonChecker(HTMLParser):
    def __init__(self, name: str, ancestors: list[tuple[str, set[str]]], seen: set[str]):
        super().__init__()
        self.name = name
        self.stack = list(ancestors)
        self.seen = seen
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == INCLUDE_ELEMENT:
            self.problems += check_buttons(attributes["src"], self.stack, self.seen)
            return
        classes = set((attributes.get("class") or "").split())
        if "fr-btn" in classes and any(ICON.match(name) for name in classes):
            self.check_button(classes)
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, classes))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def check_button(self, classes: set[str]) -> None:
        if classes & DSFR_OWN_BUTTONS or any("fr-header" in element for _, element in self.stack):
            return
        groups = [element for _, element in self.stack if "fr-btns-group" in element]
        line = f"{self.name}, ligne {self.getpos()[0]} ({' '.join(sorted(classes))})"
        if groups and not groups[-1] & GROUP_ICON_MODIFIERS:
            self.problems.append(f"{line} : ajoutez fr-btns-group--icon-left (ou -right) à son groupe")
        elif not groups and not classes & BUTTON_ICON_MODIFIERS:
            self.problems.append(f"{line} : ajoutez fr-btn--icon-left (ou -right) au bouton")


def check_buttons(name: str, ancestors: list[tuple[str, set[str]]] | None = None, seen: set[str] | None = None):
    """Problems of the template `name` (a path from the root, or a template name), inside `ancestors`."""
    seen = set() if seen is None else seen
    path = Path(name) if (ROOT / name).exists() else Path(get_template(name).origin.name)
    # A fragment included twice in one page is checked each time: its group may differ. A loop is not followed.
    if name in seen:
        return []
    checker = ButtonChecker(str(name), ancestors or [], seen | {name})
    checker.feed(markup((ROOT / path).read_text(encoding="utf-8")))
    checker.close()
    return checker.problems


def included_templates() -> set[Path]:
    """The templates that another one includes by name: they are checked there, among the page's elements."""
    names = {name for path in TEMPLATES for name in INCLUDE.findall((ROOT / path).read_text(encoding="utf-8"))}
    return {Path(get_template(name).origin.name).relative_to(ROOT) for name in names}


def test_the_walk_finds_the_templates_of_every_app():
    apps = {path.parts[1] for path in TEMPLATES if path.parts[0] == "mediane"}
    assert {"accounts", "consultation", "orientation", "pages", "structures", "synthesis", "workinggroup"} <= apps
    assert Path("templates/base.html") in TEMPLATES


def test_a_fragment_is_checked_where_it_is_included():
    assert Path("templates/components/header_tools.html") in included_templates()
    assert Path("templates/components/header.html") in included_templates()


# A template that another includes is checked through it, with the groups around it.
@pytest.mark.parametrize("template", sorted(set(TEMPLATES) - included_templates()), ids=str)
def test_every_button_with_an_icon_says_where_its_icon_goes(template):
    assert check_buttons(str(template)) == []


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (
            '<ul class="fr-btns-group"><li><a class="fr-btn fr-icon-add-line fr-btn--icon-left">A</a></li></ul>',
            "groupe",
        ),
        (
            '<ul class="fr-btns-group fr-btns-group--lg"><li><button class="fr-btn fr-icon-x">B</button></li></ul>',
            "groupe",
        ),
        ('<p><a class="fr-btn fr-icon-download-line" href="x">C</a></p>', "bouton"),
        ('<a class="fr-btn {% if a %}fr-icon-edit-line{% endif %}" href="x">D</a>', "bouton"),
    ],
)
def test_the_check_finds_a_button_that_the_dsfr_would_cut_off(tmp_path, monkeypatch, source, problem):
    monkeypatch.setattr("tests.platform.test_templates_layout.ROOT", tmp_path)
    (tmp_path / "page.html").write_text(source, encoding="utf-8")
    [found] = check_buttons("page.html")
    assert problem in found


@pytest.mark.parametrize(
    "source",
    [
        '<ul class="fr-btns-group fr-btns-group--icon-left"><li><a class="fr-btn fr-icon-add-line">A</a></li></ul>',
        '<p><a class="fr-btn fr-btn--icon-right fr-icon-arrow-right-line" href="x">B</a></p>',
        '<ul class="fr-btns-group"><li><a class="fr-btn" href="x">C</a></li></ul>',
        '<div class="fr-header"><ul class="fr-btns-group"><li><a class="fr-btn fr-icon-lock-line">D</a></li></ul>',
    ],
)
def test_the_check_lets_a_button_through_when_the_dsfr_shows_its_label(tmp_path, monkeypatch, source):
    monkeypatch.setattr("tests.platform.test_templates_layout.ROOT", tmp_path)
    (tmp_path / "page.html").write_text(source, encoding="utf-8")
    assert check_buttons("page.html") == []


def test_a_button_of_an_included_fragment_is_checked_in_the_group_the_page_puts_it_in(tmp_path, monkeypatch):
    monkeypatch.setattr("tests.platform.test_templates_layout.ROOT", tmp_path)
    (tmp_path / "item.html").write_text('<li><a class="fr-btn fr-btn--icon-left fr-icon-x">A</a></li>')
    (tmp_path / "page.html").write_text('<ul class="fr-btns-group">{% include "item.html" with a=1 %}</ul>')
    [found] = check_buttons("page.html")
    assert found.startswith("item.html")


@pytest.mark.parametrize("template", sorted(set(TEMPLATES) - PRINTED_DOCUMENTS - {TABLE_COMPONENT}), ids=str)
def test_every_table_of_a_page_goes_through_the_table_component(template):
    source = (ROOT / template).read_text(encoding="utf-8")
    assert not re.search(r"<table\b|\bfr-table\b", source), "écrivez {% table %}…{% rows %}…{% endtable %}"
