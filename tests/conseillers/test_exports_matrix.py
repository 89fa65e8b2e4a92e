"""Who may download which activity reports, and import: every URL of the exports × every persona, with the status
code and whether the adviser's report (and their private notes) is in the answer."""

import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from mediane.conseillers.services_reports import record_report
from tests.accounts.factories import UserFactory
from tests.conseillers import factories as f

pytestmark = pytest.mark.django_db

MARK = "Atelier-témoin-7f3a"
NOTE = "Note-privée-91c2"

# persona → (status, sees the report, sees the notes), per URL.
EXPECTED = {
    "reports_export": {
        "anonymous": (302, False, False),
        "another_user": (200, False, False),
        "adviser": (200, True, True),
        "another_adviser": (200, False, False),
        "manager": (200, False, False),
        "another_manager": (200, False, False),
        "team": (200, False, False),
    },
    "host_reports_export": {
        "anonymous": (302, False, False),
        "another_user": (404, False, False),
        "adviser": (404, False, False),
        "another_adviser": (404, False, False),
        "manager": (200, True, False),
        "another_manager": (404, False, False),
        "team": (200, True, False),
    },
    "team_reports_export": {
        "anonymous": (302, False, False),
        "another_user": (404, False, False),
        "adviser": (404, False, False),
        "another_adviser": (404, False, False),
        "manager": (404, False, False),
        "another_manager": (404, False, False),
        "team": (200, True, False),
    },
    "reports_import": {
        "anonymous": (302, False, False),
        "another_user": (404, False, False),
        "adviser": (200, False, False),
        "another_adviser": (200, False, False),
        "manager": (404, False, False),
        "another_manager": (404, False, False),
        "team": (404, False, False),
    },
}


@pytest.fixture
def world():
    recruitment = f.adviser()
    record_report(
        f.workshop_data(workshop_title=MARK, notes=NOTE), by=recruitment.candidate.user, recruitment=recruitment
    )
    other = f.adviser()
    f.report(other)
    return {
        "recruitment": recruitment,
        "personas": {
            "anonymous": None,
            "another_user": UserFactory(),
            "adviser": recruitment.candidate.user,
            "another_adviser": other.candidate.user,
            "manager": recruitment.host.managers.get(),
            "another_manager": other.host.managers.get(),
            "team": f.programme_team(),
        },
    }


def _urls(name: str, recruitment) -> list[str]:
    if name == "reports_import":
        return [reverse("conseillers:reports_import")]
    args = [recruitment.host.pk] if name == "host_reports_export" else []
    return [reverse(f"conseillers:{name}", args=[*args, fmt]) for fmt in ("csv", "xlsx")]


def _text(response) -> str:
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    if body.startswith(b"PK"):
        sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
        return "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    return body.decode("utf-8", "replace")


@pytest.mark.parametrize("name", list(EXPECTED))
@pytest.mark.parametrize("persona", list(EXPECTED["reports_export"]))
def test_each_persona_gets_what_it_may_and_nothing_more(world, name, persona):
    status, sees_report, sees_notes = EXPECTED[name][persona]
    client = Client()
    if world["personas"][persona] is not None:
        client.force_login(world["personas"][persona])
    for url in _urls(name, world["recruitment"]):
        response = client.get(url)
        assert response.status_code == status, (url, persona)
        text = _text(response)
        assert (MARK in text) is sees_report, (url, persona)
        assert (NOTE in text) is sees_notes, (url, persona)
