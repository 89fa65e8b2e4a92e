"""Benchmark-only settings: the baseline of `make bench-weight`, the site as it was before its DSFR was built.

The production settings, with `{% dsfr_css %}` and `{% dsfr_js %}` (django-dsfr's three whole stylesheets and whole
script) in place of the built ones (bench/templates/ overrides `components/stylesheets.html` and `scripts.html`),
and django-dsfr's whole static folder collected, as before. Nothing of the application changes: a person can never
get these pages.
"""

import os
from pathlib import Path

from config.settings import *  # noqa: F403
from config.settings import STATICFILES_FINDERS, TEMPLATES

TEMPLATES = [{**TEMPLATES[0], "DIRS": [Path(__file__).resolve().parent / "templates", *TEMPLATES[0]["DIRS"]]}]
STATICFILES_FINDERS = [
    *STATICFILES_FINDERS[:1],
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = os.environ.get("BENCH_FULL_STATIC_ROOT", "/tmp/mediane-bench-weight-full-static")  # noqa: S108
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING", "handlers": []}}
