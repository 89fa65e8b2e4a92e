"""The apps' static folders, less django-dsfr's: the few DSFR files that pages load come from the built folder."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.staticfiles import finders

DSFR_APP = "dsfr"


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    """Django's finder of `<app>/static/` for every installed app but django-dsfr.

    django-dsfr ships the whole DSFR: 1,600 files, each collected, hashed and compressed twice by `collectstatic`
    (35 s with them, 15 s without, in `make bench-weight`) for a site that serves a few dozen of them.
    `manage.py build_assets` copies those into `MEDIANE_BUILD_STATIC` (see `mediane/assets/__init__.py`).
    """

    def __init__(self, app_names: Any = None, *args: Any, **kwargs: Any) -> None:
        if app_names is None:
            app_names = [config.name for config in apps.get_app_configs() if config.name != DSFR_APP]
        super().__init__(app_names, *args, **kwargs)
