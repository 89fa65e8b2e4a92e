"""`make run` serves the site as people get it, while staying a development instance: DEBUG off, so a missing page
is the French 404 page (never Django's debug page listing the URL patterns); static files collected, under hashed
names cached for years, compressed with Brotli or gzip; the development inbox still there to confirm an account.

The settings are read once per process: each run starts one of its own, with `make run`'s environment.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKE_RUN = {"MEDIANE_ENV": "development", "DEBUG": "false"}
PROBE = """
import json, os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from django.conf import settings
from django.templatetags.static import static
from django.test import Client

client = Client()

def static_file(path, accept_encoding):
    response = client.get(static(path), HTTP_ACCEPT_ENCODING=accept_encoding)
    response.close()
    return {
        "address": static(path),
        "status": response.status_code,
        "encoding": response.get("Content-Encoding", ""),
        "cache": response.get("Cache-Control", ""),
    }

missing = client.get("/lieux/999999/")
print(json.dumps({
    "debug": settings.DEBUG,
    "status": missing.status_code,
    "html": missing.content.decode(),
    "inbox": client.get("/dev/courriels/").status_code,
    "br": static_file("dsfr/dist/dsfr-mediane.min.css", "gzip, deflate, br"),
    "gzip": static_file("dsfr/dist/dsfr-mediane.module.min.js", "gzip, deflate"),
    "none": static_file("css/mediane.css", ""),
}))
"""


def run(command: list[str], folder: Path) -> subprocess.CompletedProcess:
    variables = {key: value for key, value in os.environ.items() if key not in {"EMAIL_BACKEND", "DATABASE_URL"}}
    variables.update(
        MAKE_RUN,
        # A database and a static folder of its own (never the developer's), and no watchdog thread.
        SQLITE_PATH=str(folder / "run.sqlite3"),
        STATIC_ROOT=str(folder / "staticfiles"),
        EMAIL_FILE_PATH=str(folder / "courriels"),
        MEDIANE_JOBS_WATCHDOG="false",
        TASKS_MODE="inline",
    )
    return subprocess.run(  # noqa: S603 - our own interpreter, manage.py and probe
        [sys.executable, *command], cwd=ROOT, env=variables, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    """What `make run` does before serving (collectstatic, migrate), then one request of each kind."""
    folder = tmp_path_factory.mktemp("make-run")
    for command in (["collectstatic", "--noinput", "-v0"], ["migrate", "--noinput", "-v0"]):
        done = run(["manage.py", *command], folder)
        assert done.returncode == 0, done.stderr
    probe = run(["-c", PROBE], folder)
    assert probe.returncode == 0, probe.stderr
    return json.loads(probe.stdout.strip().splitlines()[-1])


def test_a_missing_page_is_the_french_404_page_without_the_url_patterns(make_run):
    assert make_run["debug"] is False
    assert make_run["status"] == 404
    assert "<h1>Page introuvable</h1>" in make_run["html"]
    assert '<html lang="fr"' in make_run["html"]
    assert "URLconf" not in make_run["html"] and "urlpatterns" not in make_run["html"]


def test_static_files_are_compressed_on_request_and_cached_for_a_year_under_hashed_names(make_run):
    assert re.fullmatch(r"/static/dsfr/dist/dsfr-mediane\.min\.[0-9a-f]{12}\.css", make_run["br"]["address"])
    assert (make_run["br"]["status"], make_run["br"]["encoding"]) == (200, "br")
    assert (make_run["gzip"]["status"], make_run["gzip"]["encoding"]) == (200, "gzip")
    assert (make_run["none"]["status"], make_run["none"]["encoding"]) == (200, "")
    for response in (make_run["br"], make_run["gzip"], make_run["none"]):
        assert "immutable" in response["cache"]
        assert int(re.search(r"max-age=(\d+)", response["cache"]).group(1)) >= 365 * 24 * 3600


def test_the_development_inbox_still_works_to_confirm_an_account(make_run):
    assert make_run["inbox"] == 200


def test_serving_with_debug_off_before_the_static_files_are_collected_stops_with_a_french_error(tmp_path):
    # Every page would fail on the missing hashed names: the checks of `runserver` stop it first, saying what to do.
    done = run(["manage.py", "check"], tmp_path)

    assert done.returncode == 1
    assert "Les fichiers statiques ne sont pas rassemblés" in done.stderr
    assert "make run" in done.stderr
