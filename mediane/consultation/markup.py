"""The small Markdown subset that contributions and comments may use, rendered to safe HTML.

Allowed: paragraphs, line breaks, emphasis, strong, lists, quotes and links. Anything else, raw HTML
included, is escaped first and then stripped again by nh3, so a payload can only ever render as text.
"""

import html
import re

import markdown
import nh3

ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Escaping turns a quote marker into "&gt;": give it back its meaning at the start of a line only.
QUOTE_MARKER_RE = re.compile(r"^&gt;", re.MULTILINE)


def render_markup(text: str) -> str:
    """Render the Markdown subset of `text` to sanitised HTML. Raw HTML in the input stays visible as text."""
    escaped = html.escape(text.replace("\r\n", "\n").replace("\r", "\n"), quote=False)
    escaped = QUOTE_MARKER_RE.sub(">", escaped)
    rendered = markdown.markdown(escaped, extensions=["nl2br", "sane_lists"], output_format="html")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )
