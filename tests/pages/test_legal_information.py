"""What the legal notice, the accessibility statement and the privacy page say about who runs the site, who hosts
it and where to write: true in development, and checked before a production deployment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.urls import reverse

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def text_of(client, name: str) -> str:
    return " ".join(client.get(reverse(name)).content.decode().split())


def test_the_operator_reads_with_its_article_in_every_sentence(client, settings):
    settings.MEDIANE_OPERATOR = "le ministère de la Culture"

    assert "Le ministère de la Culture s'engage à rendre ses sites" in text_of(client, "pages:accessibility")
    assert "Ce site est édité par le ministère de la Culture." in text_of(client, "pages:legal")
    assert "Le ministère de la Culture, qui exploite ce site, est responsable" in text_of(client, "pages:privacy")


def test_an_operator_named_without_article_keeps_its_name(client, settings):
    settings.MEDIANE_OPERATOR = "Bibliothèques sans frontières"

    assert "Bibliothèques sans frontières s'engage à rendre ses sites" in text_of(client, "pages:accessibility")
    assert "Ce site est édité par Bibliothèques sans frontières." in text_of(client, "pages:legal")


def test_the_contact_address_is_on_the_accessibility_statement_the_legal_notice_and_the_privacy_page(client, settings):
    settings.MEDIANE_CONTACT_EMAIL = "accessibilite@culture.example"
    link = '<a href="mailto:accessibilite@culture.example">accessibilite@culture.example</a>'

    for name in ("pages:accessibility", "pages:legal", "pages:privacy"):
        assert link in text_of(client, name), name


def test_without_a_host_a_development_instance_says_it_is_a_local_demonstration(client, settings):
    settings.MEDIANE_HOST_INFO = ""
    settings.PRODUCTION = False

    html = text_of(client, "pages:legal")

    assert "Ce site n'est pas hébergé en ligne : c'est une instance de démonstration" in html
    assert "à préciser" not in html


def test_without_a_host_a_production_instance_says_it_is_not_given_and_where_to_ask(client, settings):
    settings.MEDIANE_HOST_INFO = ""
    settings.PRODUCTION = True
    settings.MEDIANE_CONTACT_EMAIL = "contact@culture.example"

    html = text_of(client, "pages:legal")

    assert "L'éditeur n'a pas encore indiqué qui héberge ce site." in html
    assert 'écrivez à <a href="mailto:contact@culture.example">' in html
    assert "démonstration" not in html


def test_the_host_given_in_the_settings_is_shown_line_by_line(client, settings):
    settings.MEDIANE_HOST_INFO = "Exemple SAS\n1 rue de la Paix, 75002 Paris\n01 02 03 04 05"

    html = client.get(reverse("pages:legal")).content.decode()

    assert "Exemple SAS<br>1 rue de la Paix, 75002 Paris<br>01 02 03 04 05" in html


def test_check_deploy_warns_when_the_host_or_the_contact_is_missing(settings):
    settings.MEDIANE_HOST_INFO = ""
    settings.MEDIANE_CONTACT_EMAIL = ""

    found = {message.id for message in checks.run_checks(include_deployment_checks=True)}
    assert {"mediane.W002", "mediane.W003"} <= found

    settings.MEDIANE_HOST_INFO = "Exemple SAS, 1 rue de la Paix, 75002 Paris, 01 02 03 04 05"
    settings.MEDIANE_CONTACT_EMAIL = "contact@culture.example"
    found = {message.id for message in checks.run_checks(include_deployment_checks=True)}
    assert not {"mediane.W002", "mediane.W003"} & found


def test_a_contact_that_is_not_an_e_mail_address_stops_the_start():
    environment = {**os.environ, "MEDIANE_ENV": "development", "MEDIANE_CONTACT_EMAIL": "écrivez-nous"}

    result = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup()",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "MEDIANE_CONTACT_EMAIL doit être une adresse e-mail, pas « écrivez-nous »." in result.stderr
