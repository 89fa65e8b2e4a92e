"""Template filters of the dossier's Markdown (`workinggroup/dossier/dossier.md`)."""

from django import template

from mediane.text import md_escape as escape_markdown

register = template.Library()


@register.filter
def md_escape(text: str) -> str:
    """Text that comes from people (titles, quotes, labels) on one line, with Markdown's special characters escaped."""
    return escape_markdown(text)
