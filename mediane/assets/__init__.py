"""The DSFR that the site's pages load, built at install time: its stylesheet and its script, less what no page uses.

`make install` runs `manage.py build_assets` (`build.py`, which hands the CSS to PurgeCSS through `purge.mjs`) into
`settings.MEDIANE_BUILD_STATIC`, a generated folder (never committed) among the static folders. It holds:

- `STYLESHEET`: the DSFR's stylesheets less every rule that no page can use, and the fonts and icons it names;
- `SCRIPT`: the DSFR's module script with its core and the components the pages write, in the DSFR's order;
- the DSFR's whole script for browsers without modules, and its favicons.

The DSFR's own static folder (1,600 files: every icon, pictogram and component file) is left out of the static
files (`finders.py`), so only these are collected, compressed and served. Both files sit in the DSFR's `dist/` folder,
beside its fonts and icons, so that the DSFR's relative addresses (`url(fonts/Marianne-Regular.woff2)`) stay true.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks

# Their static paths: what `templates/components/stylesheets.html` and `scripts.html` load.
STYLESHEET = "dsfr/dist/dsfr-mediane.min.css"
SCRIPT = "dsfr/dist/dsfr-mediane.module.min.js"


def built(path: str) -> Path:
    return Path(settings.MEDIANE_BUILD_STATIC) / path


# Tagged `staticfiles`, so `collectstatic` runs it too: a deployment that skipped the build stops there.
@checks.register(checks.Tags.staticfiles)
def check_assets_built(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """Without them every page is unstyled and its menu never opens (with hashed static names, every page is a 500)."""
    missing = [str(built(path)) for path in (STYLESHEET, SCRIPT) if not built(path).is_file()]
    if not missing:
        return []
    return [
        checks.Error(
            f"Le DSFR du site (feuille de style et script) n'a pas été construit : {', '.join(missing)} introuvable.",
            hint="Lancez `make install` (ou `python manage.py build_assets`, qui demande `npm ci`), "
            "puis `python manage.py collectstatic --noinput`.",
            id="mediane.E002",
        )
    ]


@checks.register()
def check_static_collected(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """`make run` collects the static files before it serves; `DEBUG=false manage.py runserver` alone would not, and
    every page would fail on the missing hashed names. Development only: a production build collects them at deploy
    time, after the checks of CI."""
    if not (settings.COLLECTED_STATIC and settings.MEDIANE_ENV == "development"):
        return []
    if (Path(settings.STATIC_ROOT) / "staticfiles.json").is_file():
        return []
    return [
        checks.Error(
            f"Les fichiers statiques ne sont pas rassemblés dans {settings.STATIC_ROOT} : avec DEBUG désactivé, "
            "chaque page échouerait.",
            hint="Lancez `make run` (qui les rassemble), ou `python manage.py collectstatic --noinput`, "
            "ou servez avec DEBUG=true.",
            id="mediane.E003",
        )
    ]
