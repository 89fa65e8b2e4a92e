"""The import pages: workshop sheets (mediators, organisers) and Decidim exports (organisers)."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from mediane.consultation.enums import ContributionSource
from mediane.consultation.models import Contribution, ImportRecord
from tests.consultation.factories import ThemeFactory
from tests.consultation.test_imports import DECIDIM_HEADER, GOOD_LINE, HEADER, decidim_line

pytestmark = pytest.mark.django_db


def upload(text: str, name="fiche.csv", encoding="utf-8"):
    return {"file": SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")}


def workshop_url(theme):
    return reverse("consultation:import_workshop_sheet", args=[theme.consultation.slug, theme.slug])


def decidim_url(theme):
    return reverse("consultation:import_decidim", args=[theme.consultation.slug, theme.slug])


def test_the_workshop_page_documents_the_columns_and_offers_a_template(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    content = client.get(workshop_url(theme)).content.decode()
    for column in ("type", "titre", "texte", "categorie", "code_postal", "consentement"):
        assert f"<code>{column}</code>" in content
    assert reverse("consultation:workshop_sheet_template") in content


def test_the_template_sheet_is_a_csv_the_import_accepts(client, mediator):
    response = client.get(reverse("consultation:workshop_sheet_template"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufefftype;titre;texte;categorie;code_postal;consentement".encode())
    theme = ThemeFactory()
    client.force_login(mediator)
    client.post(workshop_url(theme), {"file": SimpleUploadedFile("modele.csv", response.content)})
    assert Contribution.objects.count() == 1


def test_a_mediator_imports_a_valid_sheet(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)

    response = client.post(workshop_url(theme), upload(HEADER + GOOD_LINE * 2), follow=True)

    assert "2 contribution(s) importée(s)" in unescape(response.content.decode())
    assert Contribution.objects.filter(source=ContributionSource.WORKSHOP_SHEET, collected_by=mediator).count() == 2
    record = ImportRecord.objects.get()
    assert (record.rows, record.file_name, record.imported_by) == (2, "fiche.csv", mediator)


def test_an_invalid_sheet_lists_every_error_and_imports_nothing(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    bad = GOOD_LINE.replace("59000", "6900")
    response = client.post(workshop_url(theme), upload(HEADER + GOOD_LINE + GOOD_LINE + bad + bad.replace("oui", "")))
    content = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Rien n'a été importé : 3 erreurs à corriger" in content
    assert "Ligne 4 : le code postal « 6900 » n'est pas valide" in content
    assert "Ligne 5 : le code postal" in content
    assert "Ligne 5 : la colonne « consentement »" in content
    assert not Contribution.objects.exists()
    assert not ImportRecord.objects.exists()


def test_a_windows_1252_sheet_is_imported(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    client.post(workshop_url(theme), upload(HEADER + GOOD_LINE.replace("Usager·e", "Élu·e"), encoding="cp1252"))
    assert Contribution.objects.get().author_category == "elu"


@override_settings(MEDIANE_MAX_IMPORT_BYTES=100)
def test_a_file_over_the_size_limit_is_refused(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    response = client.post(workshop_url(theme), upload(HEADER + GOOD_LINE * 5))
    assert "Le fichier est trop lourd" in unescape(response.content.decode())
    assert not Contribution.objects.exists()


def test_a_missing_file_is_explained(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    response = client.post(workshop_url(theme), {})
    assert "Choisissez le fichier à importer." in response.content.decode()


def test_a_citizen_cannot_import(client, citizen):
    theme = ThemeFactory()
    client.force_login(citizen)
    assert client.post(workshop_url(theme), upload(HEADER + GOOD_LINE)).status_code == 403
    assert client.get(decidim_url(theme)).status_code == 403
    assert not Contribution.objects.exists()


def test_an_organiser_imports_a_decidim_export_even_into_a_closed_theme(client, organiser):
    theme = ThemeFactory(closed=True)
    client.force_login(organiser)
    data = upload(DECIDIM_HEADER + decidim_line() + decidim_line(pk="13"), name="export.csv")

    response = client.post(decidim_url(theme), data, follow=True)

    assert "2 ajoutée(s), 0 mise(s) à jour, 0 inchangée(s)" in unescape(response.content.decode())
    assert Contribution.objects.filter(source=ContributionSource.DECIDIM).count() == 2

    again = client.post(decidim_url(theme), upload(DECIDIM_HEADER + decidim_line(), name="export.csv"), follow=True)
    assert "0 ajoutée(s), 0 mise(s) à jour, 1 inchangée(s)" in unescape(again.content.decode())
    assert Contribution.objects.count() == 2


def test_a_decidim_export_with_a_bad_line_imports_nothing(client, organiser):
    theme = ThemeFactory()
    client.force_login(organiser)
    response = client.post(
        decidim_url(theme), upload(DECIDIM_HEADER + decidim_line() + decidim_line(pk="13", created="demain"))
    )
    assert "Ligne 3 : la date « demain » n&#x27;est pas lisible" in response.content.decode()
    assert not Contribution.objects.exists()


def test_a_mediator_cannot_import_a_decidim_export(client, mediator):
    theme = ThemeFactory()
    client.force_login(mediator)
    assert client.post(decidim_url(theme), upload(DECIDIM_HEADER + decidim_line())).status_code == 403


def test_a_decidim_export_whose_votes_are_a_superscript_is_refused_line_by_line(client, organiser):
    """The outside review's reproduction: « ² » in `votes` gave an organiser a 500."""
    theme = ThemeFactory()
    client.force_login(organiser)
    response = client.post(decidim_url(theme), upload(DECIDIM_HEADER + decidim_line(votes="²")))
    assert response.status_code == 200
    assert "Ligne 2 : le nombre de soutiens : « ² » n&#x27;est pas un chiffre de 0 à 9" in response.content.decode()
    assert not Contribution.objects.exists()
