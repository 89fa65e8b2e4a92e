"""The table component (`{% table %}`, mediane/components.py and templates/components/table.html)."""

from xml.etree import ElementTree

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source: str, **context) -> ElementTree.Element:
    """The component's markup as a tree (it is well-formed: no void element, entities XML knows)."""
    rendered = Template("{% load components %}" + source).render(Context(context)).strip()
    return ElementTree.fromstring(rendered)  # noqa: S314 - our own template's output, not outside data


ROWS = (
    "<thead><tr><th scope='col'>Nom</th></tr></thead>"
    "<tbody>{% for n in names %}<tr><td>{{ n }}</td></tr>{% endfor %}</tbody>"
)


def test_a_table_is_a_scrolling_region_reachable_from_the_keyboard_and_named_by_its_caption():
    table = render("{% table %}Les noms{% rows %}" + ROWS + "{% endtable %}", names=["Anne", "Bruno"])
    [region] = table.findall(".//*[@role='region']")
    assert region.get("tabindex") == "0"
    [caption] = table.findall(".//table/caption")
    assert "".join(caption.itertext()) == "Les noms"
    assert region.get("aria-labelledby") == caption.get("id") == "legende-les-noms"
    assert [cell.text for cell in table.findall(".//tbody//td")] == ["Anne", "Bruno"]


def test_the_table_says_that_it_scrolls_in_its_region_before_the_table():
    table = render("{% table %}Les noms{% rows %}" + ROWS + "{% endtable %}", names=[])
    [region] = table.findall(".//*[@role='region']")
    hint = region[0]
    assert "mediane-table__hint" in hint.get("class")
    assert "faites-le défiler sur le côté" in hint.text


def test_cells_wrap_unless_the_table_asks_otherwise():
    assert "fr-table--multiline" in render("{% table %}A{% rows %}{% endtable %}").get("class").split()
    assert "fr-table--multiline" not in render("{% table nowrap=True %}A{% rows %}{% endtable %}").get("class")


def test_the_options_choose_the_id_and_a_hidden_caption():
    table = render(
        "{% table id='journal' caption_hidden=True %}Page {{ number }}{% rows %}" + ROWS + "{% endtable %}",
        number=2,
        names=[],
    )
    assert table.get("class").split() == ["fr-table", "mediane-table", "fr-table--no-caption", "fr-table--multiline"]
    assert table.findall(".//caption")[0].get("id") == "legende-journal"
    assert "".join(table.findall(".//caption")[0].itertext()) == "Page 2"


def test_the_caption_and_the_rows_are_escaped_like_the_rest_of_the_page():
    table = render("{% table %}{{ title }}{% rows %}" + ROWS + "{% endtable %}", title="<b>x</b>", names=["<i>y</i>"])
    assert "".join(table.findall(".//caption")[0].itertext()) == "<b>x</b>"
    assert table.findall(".//td")[0].text == "<i>y</i>"


def test_a_table_without_a_caption_is_refused():
    with pytest.raises(TemplateSyntaxError, match="légende"):
        render("{% table %} {% rows %}" + ROWS + "{% endtable %}", names=[])


@pytest.mark.parametrize("tag", ["{% table colour='blue' %}", "{% table 'Les noms' %}"])
def test_an_unknown_option_is_refused_when_the_template_is_read(tag):
    with pytest.raises(TemplateSyntaxError):
        Template("{% load components %}" + tag + "Les noms{% rows %}{% endtable %}")
