"""The template side of `mediane.french`, a builtin of every template (settings `TEMPLATES["OPTIONS"]["builtins"]`):
`{{ n|plural }}`, `{{ n|plural:"ent" }}`, `{{ n|plural:"n'est,ne sont" }}` (Django's `pluralize`, with the French
rule), `{{ SITE_OPERATOR|with_preposition:"de" }}`, `{{ SITE_OPERATOR|without_article }}`, `{{ amount|euros }}` and
`{{ n|number }}` (instead of `floatformat`)."""

from collections.abc import Sized

from django import template

from mediane import french

register = template.Library()


@register.filter
def plural(value, arg: str = "s") -> str:
    """The plural suffix (or the singular and plural words) for `value`. A value that is neither a number nor
    sized (an empty string, None) takes the singular: nothing is counted."""
    singular, _, plural_form = arg.rpartition(",") if "," in arg else ("", "", arg)
    try:
        count = value if isinstance(value, Sized) and not isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return singular
    return french.plural(count, singular, plural_form)


@register.filter
def with_preposition(value, preposition: str) -> str:
    return french.with_preposition(str(value), preposition)


@register.filter
def without_article(value) -> str:
    return french.without_article(str(value))


def _written(value, write) -> str:
    """`write(value)`, nothing for an empty value (None, ""), the value as it is when it is not a number."""
    if value is None or value == "":
        return ""
    try:
        return write(value)
    except (ArithmeticError, ValueError, TypeError):
        return str(value)


@register.filter
def euros(value) -> str:
    """« 12 500,50 € »."""
    return _written(value, french.euros)


@register.filter
def number(value) -> str:
    """« 1 200 », « 3,5 »."""
    return _written(value, french.number)
