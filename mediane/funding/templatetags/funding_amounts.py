"""`{% load funding_amounts %}`: `{{ amount|euros }}` writes an amount the French way (« 12 500,50 € »)."""

from django import template

from mediane.funding.services_applications import euros as write_euros

register = template.Library()


@register.filter
def euros(value) -> str:
    return "" if value is None or value == "" else write_euros(value)
