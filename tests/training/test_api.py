"""The training API: frameworks with competences and levels, published courses page by page (cursor), no drafts,
a damaged cursor refused in French, a constant number of queries."""

import pytest

from tests.training.factories import CourseFactory

pytestmark = pytest.mark.django_db


def test_the_frameworks_come_with_their_16_pix_competences_current_labels_and_levels(client):
    frameworks = {row["slug"]: row for row in client.get("/api/v1/formation/referentiels").json()}
    pix = frameworks["pix"]
    assert len(pix["competences"]) == 16
    labels = {row["code"]: row["label"] for row in pix["competences"]}
    assert labels["5.2"] == "Évoluer dans un environnement numérique"
    assert [level["number"] for level in pix["levels"]] == list(range(1, 9))
    assert "mediation-numerique" in frameworks


def test_courses_are_paged_by_cursor_and_drafts_never_appear(client):
    courses = [CourseFactory(title=f"Formation {index}") for index in range(3)]
    CourseFactory(title="Brouillon secret", draft=True)
    first = client.get("/api/v1/formation/formations", {"limit": 2}).json()
    assert [row["id"] for row in first["items"]] == [courses[0].pk, courses[1].pk]
    second = client.get("/api/v1/formation/formations", {"limit": 2, "cursor": first["next_cursor"]}).json()
    assert [row["id"] for row in second["items"]] == [courses[2].pk]
    assert second["next_cursor"] is None
    assert first["items"][0]["competences"][0]["code"] == "4.2"


def test_a_damaged_cursor_is_refused_in_french(client):
    response = client.get("/api/v1/formation/formations", {"cursor": "pas-un-curseur"})
    assert response.status_code == 400
    assert "curseur" in response.json()["detail"].lower()


@pytest.mark.parametrize("size", [2, 9])
def test_the_api_lists_take_a_constant_number_of_queries(client, size, django_assert_num_queries):
    for _ in range(size):
        CourseFactory(covers=[("4.2", 3), ("M1", 1)])
    with django_assert_num_queries(2):  # the page, its competences
        client.get("/api/v1/formation/formations")
    with django_assert_num_queries(3):
        client.get("/api/v1/formation/referentiels")
