"""Open data of training: published courses only, with their competences and levels, in CSV and JSON, in a
constant number of queries, and no personal data."""

import json

import pytest
from django.urls import reverse

from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_the_json_lists_published_courses_with_their_competences_and_levels(client):
    course = CourseFactory(title="Sécurité", covers=[("4.1", 3), ("M6", 2)], certifying_pix=True, price=120)
    CourseFactory(title="Brouillon secret", draft=True)
    EnrolmentFactory(registrable=SessionFactory(course=course), name="Aurore Quetzalcoatl")
    rows = json.loads(_body(client.get(reverse("training:open_data_json"))))
    assert [row["titre"] for row in rows] == ["Sécurité"]
    assert rows[0]["competences"] == "4.1:3;M6:2"
    assert (rows[0]["certifiante"], rows[0]["certification"], rows[0]["prix_euros"]) == (
        "oui",
        "Certification Pix",
        "120.00",
    )


def test_the_csv_has_the_same_columns_and_no_personal_data(client):
    course = CourseFactory(title="Sécurité")
    EnrolmentFactory(registrable=SessionFactory(course=course), name="Aurore Quetzalcoatl")
    body = _body(client.get(reverse("training:open_data_csv")))
    assert body.splitlines()[0].startswith("id,titre,organisme,modalite")
    assert "Sécurité" in body and "Aurore" not in body


@pytest.mark.parametrize("size", [1, 7])
def test_the_open_data_takes_a_constant_number_of_queries(client, size, django_assert_num_queries):
    for _ in range(size):
        CourseFactory(covers=[("4.2", 3), ("1.1", 2)])
    with django_assert_num_queries(2):
        _body(client.get(reverse("training:open_data_csv")))
