"""Panels that higher apps add to the theme page (the synthesis adds « Lire la synthèse ») and to a contribution's
page (the roadmap adds « Ce qu'est devenue cette contribution »).

The forum never imports the apps above it: they register a panel in their `AppConfig.ready`, with the template
to include and a function that gives its context for a request and a theme (or None to show nothing). The
function runs on every theme page, so it must not query the database for each row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from mediane.accounts.panels import PanelRegistry
from mediane.accounts.panels import RenderedPanel as AccountsRenderedPanel

from .models import Contribution, Theme

PanelContext = Callable[[HttpRequest, Theme], dict[str, Any] | None]
ContributionPanelContext = Callable[[HttpRequest, Contribution], dict[str, Any] | None]


@dataclass(frozen=True)
class ThemePanel:
    template: str
    context: PanelContext


@dataclass(frozen=True)
class RenderedPanel:
    template: str
    context: dict[str, Any]


_PANELS: dict[str, ThemePanel] = {}


def register_theme_panel(template: str, context: PanelContext) -> None:
    """Show `template` on every theme page where `context(request, theme)` is not None. Registering again replaces."""
    _PANELS[template] = ThemePanel(template, context)


def theme_panels(request: HttpRequest, theme: Theme) -> list[RenderedPanel]:
    rendered = []
    for panel in _PANELS.values():
        context = panel.context(request, theme)
        if context is not None:
            rendered.append(RenderedPanel(panel.template, context))
    return rendered


# The same mechanism as the account page's (`accounts.panels`), for the page of a published contribution.
CONTRIBUTION_PANELS = PanelRegistry()


def register_contribution_panel(template: str, context: ContributionPanelContext) -> None:
    """Show `template` on the page of a published contribution when `context(request, contribution)` is not None."""
    CONTRIBUTION_PANELS.register(template, context)


def contribution_panels(request: HttpRequest, contribution: Contribution) -> list[AccountsRenderedPanel]:
    return CONTRIBUTION_PANELS.render(request, contribution)
