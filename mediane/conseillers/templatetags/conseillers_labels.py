"""Template filters of the programme's pages: a département named, not only coded."""

from django import template

from mediane.accounts.territories import departement_label

register = template.Library()


@register.filter
def departement(code: str) -> str:
    """« Rhône (69) »; the bare code when the code names no known département (never an empty cell)."""
    return departement_label(code or "") or code or ""
