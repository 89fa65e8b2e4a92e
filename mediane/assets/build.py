"""Builds the folder of DSFR files that the site's pages load (`manage.py build_assets`).

PurgeCSS (npm, `purge.mjs`) keeps a rule of the DSFR only when every class, element and attribute of its selector
is written somewhere a page can get it from: `content_files()` lists these places, and the scripts of the DSFR's
core and of the components those places write are read for the names they add while a page runs. The module script
is the core and those components, each as the DSFR ships it. Then the files that the stylesheet names (fonts,
icons), the whole script for browsers without modules and the favicons of `{% dsfr_favicon %}` are copied beside
them. The folder is built aside, then put in place whole, so a failed build leaves the previous one.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import django.forms
from django.apps import apps
from django.conf import settings
from django.template import Engine, NodeList, Template, TemplateSyntaxError, engines
from django.template.library import InclusionNode
from django.template.loader_tags import ExtendsNode, IncludeNode
from dsfr.constants import DsfrStaticAssets

from mediane.assets import SCRIPT, STYLESHEET
from mediane.assets.finders import DSFR_APP

PURGE_SCRIPT = Path(__file__).resolve().with_name("purge.mjs")
# What `{% dsfr_css %}` loads, in its order: the DSFR (with its fallbacks for older browsers), its icon classes,
# and django-dsfr's few additions.
SOURCES = (DsfrStaticAssets.DSFR_CSS, DsfrStaticAssets.DSFR_UTILITY_CSS, DsfrStaticAssets.DSFR_OVERRIDES_CSS)
# What the pages load besides: the DSFR's whole script for browsers without modules, and `{% dsfr_favicon %}`.
COPIED = (DsfrStaticAssets.DSFR_NOMODULE_JS,)
FAVICONS = "dsfr/dist/favicon"
# The DSFR's module script is its core, its colour scheme and every component's script, also shipped one by one;
# the built one has the core, the scheme and the components that the pages write, in the same order.
FULL_SCRIPT = DsfrStaticAssets.DSFR_MODULE_JS
CORE_SCRIPT = "dsfr/dist/core/core.module.min.js"
SCHEME_SCRIPT = "dsfr/dist/scheme/scheme.module.min.js"
COMPONENTS = "dsfr/dist/component"
# Elements that templates name while rendering, never whole: a component takes its heading's level as a parameter
# (`<h{{ level }}>`), so every heading element counts.
RENDERED_ELEMENTS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The faces of Marianne that the pages download: regular and bold, 42 kB each. The DSFR also draws buttons in
# Medium and a few texts in Light or italics: at 400 kbit/s each face is about a second more of download, and Medium
# alone took the home page's first visit over 150 kB. Without them the browser draws buttons with the regular face
# and slants it for italics (docs/benchmarks.md, « Weight of the public pages on a slow phone »).
FONT_FACES = {"Marianne": ["400 normal", "700 normal"]}


class BuildFailed(Exception):
    """The DSFR files could not be built; the message is French and says why."""


@dataclass(frozen=True)
class Report:
    sources_bytes: int
    stylesheet_bytes: int
    full_script_bytes: int
    script_bytes: int
    components: list[str]  # the DSFR components that the pages write (their script is in the built one)
    copied: int
    content_files: int


def dsfr_static() -> Path:
    return Path(apps.get_app_config(DSFR_APP).path) / "static"


def _nodelists(value: Any) -> Iterator[NodeList]:
    """The node lists held by a node's attribute, however its tag stores them (a list of branches, named slots…)."""
    if isinstance(value, NodeList):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _nodelists(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _nodelists(item)


def _nodes(nodelist: NodeList) -> Iterator[Any]:
    for node in nodelist:
        yield node
        for attribute in vars(node).values():
            for child in _nodelists(attribute):
                yield from _nodes(child)


def _rendered_names(template: Template) -> Iterator[str]:
    """The templates that a template renders by name: its inclusion tags, literal includes and its parent."""
    for node in _nodes(template.nodelist):
        if isinstance(node, InclusionNode) and isinstance(node.filename, str):
            yield node.filename
        elif isinstance(node, IncludeNode | ExtendsNode):
            expression = node.template if isinstance(node, IncludeNode) else node.parent_name
            # A literal name; a name held by a variable is known only while rendering.
            name = getattr(expression, "var", None)
            if isinstance(name, str):
                yield name


def templates_in(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix in {".html", ".txt"})


def library_templates(engine: Engine, ours: Iterable[str], library: Path) -> list[Path]:
    """django-dsfr's templates that ours render, followed through each other: the only ones a page can show."""
    ours = set(ours)
    seen: set[str] = set()
    waiting = sorted(ours)
    reached: set[Path] = set()
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            template = engine.get_template(name)
        except TemplateSyntaxError:
            # A third-party template that this site cannot render (allauth's social accounts, not installed).
            if name in ours:
                raise
            continue
        if Path(template.origin.name).is_relative_to(library):
            reached.add(Path(template.origin.name))
        waiting.extend(_rendered_names(template))
    return sorted(reached)


def content_files() -> list[Path]:
    """Every file that a class, element or attribute name of a page can come from.

    Every template folder Django reads (the project's, the apps', allauth's…), except django-dsfr's, whose
    templates count only when ours render them; Django's form widgets; the project's Python (forms, template
    tags); the project's scripts and stylesheets (the custom properties they use). The DSFR's scripts are read
    apart (`purge.mjs`).
    """
    backend = engines["django"]
    engine = backend.engine  # type: ignore[attr-defined]
    library = Path(apps.get_app_config(DSFR_APP).path) / "templates"
    root = Path(settings.BASE_DIR)
    folders = [Path(folder) for folder in backend.template_dirs if Path(folder) != library]
    # The project's own folders (the virtual environment may sit inside the project: its packages are not ours).
    ours = [
        path.relative_to(folder).as_posix()
        for folder in folders
        if folder.is_relative_to(root) and not folder.is_relative_to(sys.prefix)
        for path in templates_in(folder)
    ]
    files = [path for folder in folders for path in templates_in(folder)]
    files += library_templates(engine, ours, library)
    files += templates_in(Path(django.forms.__file__).parent / "templates")
    files += [path for folder in ("mediane", "config") for path in sorted((root / folder).rglob("*.py"))]
    files += sorted(path for pattern in ("*.js", "*.css") for path in (root / "static").rglob(pattern))
    return files


def purge(plan: dict[str, Any]) -> dict[str, list[str]]:
    """Runs `purge.mjs` (PurgeCSS, from `npm ci`): the addresses the stylesheet names, the components pages write."""
    node = shutil.which("node")
    if node is None:
        raise BuildFailed("Node.js est introuvable : installez-le (paquet Debian nodejs), puis lancez `npm ci`.")
    if not (Path(settings.BASE_DIR) / "node_modules" / "purgecss").is_dir():
        raise BuildFailed("PurgeCSS n'est pas installé : lancez `npm ci` (ou `make install`).")
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(plan, handle)
        handle.flush()
        result = subprocess.run(  # noqa: S603 - our own script, with arguments we wrote
            [node, str(PURGE_SCRIPT), handle.name],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise BuildFailed(f"PurgeCSS a échoué :\n{result.stderr.strip()}")
    return json.loads(result.stdout)


def copy_static(source: Path, target: Path, name: str) -> None:
    (target / name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / name, target / name)


def script_bundle(source: Path, components: Iterable[str]) -> str:
    """The DSFR's module script with only these components: its core, its scheme, then each component in the order of
    the DSFR's own bundle. Each part is a module of its own: it goes in a block, so that their top-level names (all
    minified to `e`, `t`…) stay apart, as they do in separate `<script type="module">` tags."""
    full = (source / FULL_SCRIPT).read_text(encoding="utf-8")

    def place(name: str) -> int:
        # Each component's script ends by naming its part of the DSFR's API: `dsfr.<name> = {…}`.
        found = re.search(rf"[\w$]\.{re.escape(name)}=\{{", full)
        if found is None:
            raise BuildFailed(f"Le composant {name} est introuvable dans {FULL_SCRIPT} : la version du DSFR a changé.")
        return found.start()

    parts = [source / CORE_SCRIPT, source / SCHEME_SCRIPT]
    parts += [source / COMPONENTS / name / f"{name}.module.min.js" for name in sorted(components, key=place)]
    return "".join(f"{{\n{part.read_text(encoding='utf-8')}\n}}\n" for part in parts)


def build(target: Path | None = None) -> Report:
    """Builds the stylesheet, the script and their files into `target` (default `settings.MEDIANE_BUILD_STATIC`),
    whole or not at all."""
    target = Path(target or settings.MEDIANE_BUILD_STATIC)
    source = dsfr_static()
    output = PurePosixPath(STYLESHEET)
    files = content_files()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        (staging / output).parent.mkdir(parents=True)
        plan = {
            "stylesheets": [
                {
                    "path": str(source / name),
                    # The stylesheet's folder seen from the output's ("utility/" for utility/utility.min.css).
                    "prefix": posixpath.relpath(PurePosixPath(name).parent, output.parent) + "/",
                }
                for name in SOURCES
            ],
            "content": [str(path) for path in files],
            "elements": list(RENDERED_ELEMENTS),
            "core_script": str(source / CORE_SCRIPT),
            "components": [
                {
                    "name": folder.name,
                    "stylesheet": str(stylesheet)
                    if (stylesheet := folder / f"{folder.name}.min.css").is_file()
                    else None,
                    "script": str(script) if (script := folder / f"{folder.name}.module.min.js").is_file() else None,
                }
                for folder in sorted((source / COMPONENTS).iterdir())
                if folder.is_dir()
            ],
            "font_faces": FONT_FACES,
            "output": str(staging / output),
        }
        purged = purge(plan)
        (staging / SCRIPT).write_text(script_bundle(source, purged["components"]), encoding="utf-8")
        copied = [(output.parent / address).as_posix() for address in purged["addresses"]]
        copied += list(COPIED)
        copied += [path.relative_to(source).as_posix() for path in sorted((source / FAVICONS).iterdir())]
        for name in copied:
            if not (source / name).is_file():
                raise BuildFailed(f"La feuille de style nomme {name}, introuvable dans le DSFR de django-dsfr.")
            copy_static(source, staging, name)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Report(
        sources_bytes=sum((source / name).stat().st_size for name in SOURCES),
        stylesheet_bytes=(target / output).stat().st_size,
        full_script_bytes=(source / FULL_SCRIPT).stat().st_size,
        script_bytes=(target / SCRIPT).stat().st_size,
        components=purged["components"],
        copied=len(copied),
        content_files=len(files),
    )
