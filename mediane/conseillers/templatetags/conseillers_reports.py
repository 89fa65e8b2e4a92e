"""Template filters of the activity reports: the Coop's values written with their French labels, a duration in
hours and minutes."""

from django import template

from mediane.conseillers.enums_reports import Materiel, Thematique, label

register = template.Library()


@register.filter
def thematiques(values) -> str:
    """« E-mail, Santé »: each stored value by its label (an unknown value as it is, never an empty cell)."""
    return ", ".join(label(Thematique, value) for value in values or ())


@register.filter
def materiels(values) -> str:
    return ", ".join(label(Materiel, value) for value in values or ())


@register.filter
def minutes(value) -> str:
    """« 45 min », « 1 h », « 1 h 30 »."""
    if value in (None, ""):
        return ""
    hours, rest = divmod(int(value), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"
