"""Signals of the Conseillers numériques programme."""

from django.dispatch import Signal

# Sent after a commit that changed the programme's figures (a report recorded, changed or deleted; a recruitment
# moved): whoever shows a live figure refreshes it (the roadmap's actions measured by a programme indicator).
programme_figures_changed = Signal()
