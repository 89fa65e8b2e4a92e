"""The dependency direction of docs/architecture.md, checked on the code: each app imports only the apps below it,
and the cross-cutting modules (`mediane/*.py`, `jobs`, `registrations`, `french`, `assets`) import no app. An
upward import makes this test fail; a lower app that must react to a higher one uses a signal or a registry."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "mediane"
BASE = {"accounts"}
FORUM = BASE | {"structures", "consultation"}
BELOW_ROADMAP = FORUM | {"orientation", "synthesis", "workinggroup", "roadmap"}
APPS = ["accounts", "structures", "orientation", "consultation", "synthesis", "workinggroup", "roadmap", "events"]
APPS += ["training", "funding", "conseillers", "pages"]
ALLOWED = {
    "accounts": set(),
    "structures": BASE,
    "orientation": BASE | {"structures"},
    "consultation": BASE | {"structures"},
    "synthesis": FORUM,
    "workinggroup": FORUM | {"synthesis"},
    "roadmap": FORUM | {"synthesis", "workinggroup"},
    "events": FORUM,
    "training": BELOW_ROADMAP,  # never funding
    "funding": BELOW_ROADMAP,  # never training
    "conseillers": BELOW_ROADMAP | {"training", "funding"},
    "pages": set(APPS),
}
CROSS_CUTTING = ["jobs", "registrations", "french", "assets"]


def imported_apps(files) -> dict[str, set[Path]]:
    """Each app of Médiane imported by these files (migrations left out: they name apps by label), with where."""
    found: dict[str, set[Path]] = {}
    for path in files:
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                parts = module.split(".")
                if parts[0] == "mediane" and len(parts) > 1 and parts[1] in APPS:
                    found.setdefault(parts[1], set()).add(path.relative_to(ROOT.parent))
    return found


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_the_apps_below_it(app):
    imports = imported_apps((ROOT / app).rglob("*.py"))
    upward = {name: sorted(map(str, where)) for name, where in imports.items() if name not in ALLOWED[app] | {app}}
    assert not upward, f"{app} importe des applications au-dessus d'elle : {upward}"


def test_the_cross_cutting_modules_import_no_app():
    files = [*ROOT.glob("*.py")]
    for folder in CROSS_CUTTING:
        files += (ROOT / folder).rglob("*.py")
    imports = imported_apps(files)
    assert not imports, f"modules transversaux qui importent une application : {imports}"


def test_every_app_of_the_project_is_in_the_table():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps - set(CROSS_CUTTING) == set(APPS), "ajoutez la nouvelle application à APPS et à ALLOWED"
