"""`mediane/assets/`: the pages load the DSFR built at install time, a fraction of the whole, and nothing they use is
missing from it: the classes of the templates, the states that the DSFR's script adds, the fonts and icons."""

import re
from pathlib import Path

import django.forms
import pytest
from django.contrib.staticfiles import finders
from django.core import checks
from django.template.loader import get_template
from django.urls import reverse

from mediane import assets
from mediane.assets import build

ROOT = Path(__file__).resolve().parents[2]
DSFR = build.dsfr_static()
TEMPLATES = sorted(
    path for pattern in ("templates/**/*.html", "mediane/*/templates/**/*.html") for path in ROOT.glob(pattern)
)
TEMPLATE_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
VARIABLE = re.compile(r"\{\{.*?\}\}", re.S)
CLASS_ATTRIBUTE = re.compile(r"""\bclass=(["'])(.*?)\1""", re.S)
STATIC_TAG = re.compile(r"""\{%\s*static\s+["']([^"']+)["']\s*%\}""")


@pytest.fixture(scope="module")
def stylesheet():
    return assets.built(assets.STYLESHEET).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def script():
    return assets.built(assets.SCRIPT).read_text(encoding="utf-8")


def selectors_of(css: str) -> set[str]:
    return set(re.findall(r"\.(fr-[A-Za-z0-9_-]+)", css))


@pytest.mark.django_db
def test_the_pages_load_the_built_stylesheet_and_script_not_the_whole_dsfr(client):
    html = client.get(reverse("pages:home")).content.decode()

    assert f'<link rel="stylesheet" href="/static/{assets.STYLESHEET}">' in html
    assert f'<script type="module" src="/static/{assets.SCRIPT}"' in html
    assert "dsfr/dist/dsfr.min.css" not in html and "utility/utility.min.css" not in html
    assert "dsfr.module.min.js" not in html
    # Tests serve the static folders as they are (no collectstatic): the built files are among them.
    assert Path(finders.find(assets.STYLESHEET)) == assets.built(assets.STYLESHEET)


def test_the_stylesheet_is_a_fraction_of_the_whole_dsfr(stylesheet):
    whole = sum((DSFR / name).stat().st_size for name in build.SOURCES)

    assert len(stylesheet.encode()) < whole / 4


def test_the_classes_the_pages_use_are_in_the_stylesheet_and_a_component_they_never_use_is_not(stylesheet):
    kept = selectors_of(stylesheet)

    # The header and its phone menu, a button, an icon written in templates.
    assert {"fr-btn", "fr-header__menu", "fr-btn--close", "fr-icon-arrow-left-line", "fr-alert--success"} <= kept
    # A heading whose level a component chooses while rendering (`<h{{ level }}>`: h4 in the directory).
    assert re.search(r"(^|[,}])h4[,{]", stylesheet)
    # States that only the DSFR's script writes, while the page runs: an opened menu, an unfolded breadcrumb.
    assert {"fr-modal--opened", "fr-collapse--expanded", "fr-collapsing"} <= kept
    # The range slider and the tabs are in the whole DSFR, in no page.
    assert {"fr-range", "fr-tabs"} <= selectors_of((DSFR / build.SOURCES[0]).read_text(encoding="utf-8"))
    assert not kept & {"fr-range", "fr-tabs"}


def test_every_font_and_icon_that_the_stylesheet_names_is_served_beside_it(stylesheet):
    addresses = set(re.findall(r"url\(([^)\"']+)\)", stylesheet))
    folder = Path(assets.STYLESHEET).parent

    assert any(address.startswith("fonts/Marianne-Regular") for address in addresses)
    assert any(address.startswith("icons/") for address in addresses)
    for address in addresses:
        assert finders.find((folder / address).as_posix()), address


def test_only_the_regular_and_bold_faces_of_marianne_are_downloaded(stylesheet):
    faces = re.findall(r"@font-face\{([^}]*)\}", stylesheet)

    assert sorted(re.search(r"font-weight:(\d+)", face).group(1) for face in faces) == ["400", "700"]
    assert all("font-style:normal" in face for face in faces)


def test_the_script_has_the_core_and_the_components_the_pages_write_only(script):
    for component in ("header", "modal", "navigation", "breadcrumb"):
        assert re.search(rf"\.{component}=\{{", script), component
    for component in ("range", "tab", "tooltip"):
        assert not re.search(rf"\.{component}=\{{", script), component
    # Each of the DSFR's modules stays in a block of its own, as in separate <script type="module"> tags.
    assert script.startswith("{\n") and script.rstrip().endswith("}")


def test_django_dsfrs_whole_static_folder_is_not_served_only_what_the_pages_load():
    assert finders.find("dsfr/dist/dsfr.min.css") is None
    assert finders.find("dsfr/dist/icons/system/close-line.svg")  # named by the stylesheet
    assert finders.find("dsfr/dist/dsfr/dsfr.nomodule.min.js")  # for browsers without modules
    assert finders.find("dsfr/dist/favicon/favicon.svg")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_static_file_a_template_names_is_served(template):
    for name in STATIC_TAG.findall(template.read_text(encoding="utf-8")):
        assert finders.find(name), name


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_class_names_are_written_whole_so_that_the_build_finds_them(template):
    """`fr-alert--{{ level }}` renders a class that no file contains: the build would drop its rules."""
    source = VARIABLE.sub("\x00", TEMPLATE_TAG.sub(" ", template.read_text(encoding="utf-8")))
    broken = [
        name
        for _, value in CLASS_ATTRIBUTE.findall(source)
        for name in value.split()
        if name != "\x00" and ("\x00" in name or name.endswith(("-", "_")) or name.startswith(("-", "_")))
    ]

    assert broken == [], f"{template.name} : écrivez chaque classe en entier ({', '.join(broken)})"
    # The only element named while rendering is a heading of a chosen level, which the build counts anyway
    # (`build.RENDERED_ELEMENTS`).
    assert set(re.findall(r"</?([a-z0-9]*)\x00", source)) <= {"h"}, template.name


def test_the_content_of_the_build_is_every_place_a_class_can_come_from():
    files = set(build.content_files())

    assert ROOT / "templates/base.html" in files
    assert ROOT / "mediane/orientation/templates/orientation/directory.html" in files
    assert ROOT / "mediane/components.py" in files
    assert ROOT / "static/js/directory-map.js" in files
    assert Path(django.forms.__file__).parent / "templates/django/forms/widgets/input.html" in files
    library = Path(get_template("dsfr/favicon.html").origin.name).parent
    # django-dsfr's templates count when ours render them ({% dsfr_favicon %}), not its whole component library.
    assert library / "favicon.html" in files
    assert library / "tile.html" not in files


def test_the_system_check_says_in_french_that_the_build_is_missing(settings, tmp_path):
    settings.MEDIANE_BUILD_STATIC = tmp_path

    errors = assets.check_assets_built(None)

    assert [error.id for error in errors] == ["mediane.E002"]
    assert "n'a pas été construit" in errors[0].msg and "make install" in errors[0].hint
    # `collectstatic` runs the checks tagged `staticfiles`: a deployment that skipped the build stops there.
    assert errors[0].id in {message.id for message in checks.run_checks(tags=[checks.Tags.staticfiles])}


def test_the_system_check_is_quiet_once_built():
    assert assets.check_assets_built(None) == []


def test_a_failed_build_leaves_the_previous_one_in_place(tmp_path, monkeypatch):
    target = tmp_path / "static"
    (target / "dsfr").mkdir(parents=True)
    (target / "dsfr" / "previous.css").write_text("a{}")

    def fail(plan):
        raise build.BuildFailed("PurgeCSS a échoué")

    monkeypatch.setattr(build, "purge", fail)
    with pytest.raises(build.BuildFailed):
        build.build(target)

    assert (target / "dsfr" / "previous.css").read_text() == "a{}"
    assert [path.name for path in tmp_path.iterdir()] == ["static"]  # no half-built folder left beside it
