"""Template tags of the project-wide components whose markup wraps a page's own content (`{% load components %}`).

The markup itself lives in `templates/components/`; a tag here only hands it what the page writes between its
tags, which `{% include %}` cannot do.
"""

from django import template
from django.template.base import FilterExpression, Node, NodeList, Parser, Token, token_kwargs
from django.template.context import Context
from django.template.engine import Engine
from django.utils.safestring import mark_safe

register = template.Library()

TABLE_TEMPLATE = "components/table.html"
TABLE_OPTIONS = frozenset({"id", "caption_hidden", "nowrap"})


class TableNode(Node):
    def __init__(self, caption: NodeList, rows: NodeList, options: dict[str, FilterExpression]):
        self.caption = caption
        self.rows = rows
        self.options = options

    def render(self, context: Context) -> str:
        values = {f"table_{name}": value.resolve(context) for name, value in self.options.items()}
        # Both parts are rendered here, in the page's context (autoescaped there); only the wrapper is the component's.
        caption = " ".join(self.caption.render(context).split())
        if not caption:
            # Every table is named by its caption, and so is the scrolling region that holds it.
            raise template.TemplateSyntaxError("{% table %} : écrivez la légende du tableau avant {% rows %}.")
        rows = self.rows.render(context).strip()
        engine = context.template.engine if context.template is not None else Engine.get_default()
        component = engine.get_template(TABLE_TEMPLATE)
        with context.push(table_caption=mark_safe(caption), table_rows=mark_safe(rows), **values):  # noqa: S308
            return component.render(context)


@register.tag("table")
def table(parser: Parser, token: Token) -> TableNode:
    """`{% table [id="…"] [caption_hidden=True] [nowrap=True] %}Caption{% rows %}<thead>…</tbody>{% endtable %}`.

    Renders `components/table.html` around the page's caption and rows: the DSFR table markup, a scrolling region
    reachable from the keyboard and named by the caption, and a sentence that says that the table scrolls
    sideways, shown only while it does. `id` (default: the caption as a slug) must be unique on the page; cells
    wrap unless `nowrap`.
    """
    bits = token.split_contents()[1:]
    options = token_kwargs(bits, parser)
    if bits:
        raise template.TemplateSyntaxError(f"{{% table %}} ne prend que des options nommées : {' '.join(bits)}")
    unknown = set(options) - TABLE_OPTIONS
    if unknown:
        raise template.TemplateSyntaxError(f"{{% table %}} : option inconnue {', '.join(sorted(unknown))}")
    caption = parser.parse(("rows",))
    parser.delete_first_token()
    rows = parser.parse(("endtable",))
    parser.delete_first_token()
    return TableNode(caption, rows, options)
