"""The seeded frameworks: Pix's 16 competences in 5 domains with levels 1 to 8, the renamed 5.2 with its dated
labels, the mediation framework, the socle minimal; and the re-seeding of an empty database after a flush."""

import datetime as dt

import pytest

from mediane.training.apps import ensure_frameworks
from mediane.training.models import Competence, Framework, Socle
from tests.training.factories import pix

pytestmark = pytest.mark.django_db


def test_pix_has_16_competences_in_5_domains_and_8_levels():
    framework = Framework.objects.get(slug="pix")
    assert framework.domains.count() == 5
    codes = list(framework.competences.values_list("code", flat=True))
    assert codes == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2",
                     "4.3", "5.1", "5.2"]  # fmt: skip
    assert [(level.number, level.name) for level in framework.levels.all()][::2] == [
        (1, "Novice"),
        (3, "Indépendant"),
        (5, "Avancé"),
        (7, "Expert"),
    ]


def test_the_label_of_5_2_depends_on_the_day():
    competence = pix("5.2")
    assert competence.label_on(dt.date(2018, 6, 1)) == "Construire un environnement numérique"
    assert competence.label_on(dt.date(2020, 1, 1)) == "Évoluer dans un environnement numérique"
    labels = dict(Competence.objects.with_label(dt.date(2018, 6, 1)).values_list("code", "label"))
    assert labels["5.2"] == "Construire un environnement numérique"


def test_the_socle_minimal_asks_levels_that_exist_in_each_framework():
    socle = Socle.objects.get()
    requirements = list(socle.requirements.select_related("competence__framework"))
    assert {row.competence.framework.slug for row in requirements} == {"pix", "mediation-numerique"}
    for row in requirements:
        assert row.competence.framework.levels.filter(number=row.level).exists(), row


def test_an_emptied_database_is_seeded_again_but_a_changed_one_is_left_alone():
    Framework.objects.all().delete()
    Socle.objects.all().delete()
    ensure_frameworks()
    assert Framework.objects.count() == 2 and Socle.objects.count() == 1
    Framework.objects.filter(slug="mediation-numerique").delete()
    ensure_frameworks()
    assert not Framework.objects.filter(slug="mediation-numerique").exists()
