"""Panels that higher apps add to a lower app's page, and the account page's registry (the roadmap adds « Ce que
sont devenues mes propositions »).

A lower app never imports the apps above it: they register a panel in their `AppConfig.ready`, with the template
to include and a function that gives its context for a request and the page's object (or None to show nothing).
The function runs on every such page: a constant number of queries. `consultation.panels` uses the same registry
for a contribution's page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class RenderedPanel:
    template: str
    context: dict[str, Any]


class PanelRegistry:
    """The panels of one page. Registering the same template again replaces its context function."""

    def __init__(self) -> None:
        self._panels: dict[str, Callable[..., dict[str, Any] | None]] = {}

    def register(self, template: str, context: Callable[..., dict[str, Any] | None]) -> None:
        self._panels[template] = context

    def render(self, request: HttpRequest, *objects: Any) -> list[RenderedPanel]:
        rendered = []
        for template, context in self._panels.items():
            values = context(request, *objects)
            if values is not None:
                rendered.append(RenderedPanel(template, values))
        return rendered


PROFILE_PANELS = PanelRegistry()


def register_profile_panel(template: str, context: Callable[[HttpRequest], dict[str, Any] | None]) -> None:
    """Show `template` on the account page when `context(request)` is not None."""
    PROFILE_PANELS.register(template, context)


def profile_panels(request: HttpRequest) -> list[RenderedPanel]:
    return PROFILE_PANELS.render(request)
