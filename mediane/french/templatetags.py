"""The template side of `mediane.french`, a builtin of every template (settings `TEMPLATES["OPTIONS"]["builtins"]`):
`{{ n|plural }}`, `{{ n|plural:"ent" }}`, `{{ n|plural:"n'est,ne sont" }}` (Django's `pluralize`, with the French
rule), `{{ SITE_OPERATOR|with_preposition:"de" }}` and `{{ SITE_OPERATOR|without_article }}`."""

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
