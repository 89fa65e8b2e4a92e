"""`manage.py load_demo` refuses what it must not do: rewrite the demo of an earlier version, or run in production."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mediane.consultation.models import Consultation, Contribution, Theme

pytestmark = pytest.mark.django_db
OLD = "inclusion-numerique-bibliotheques"


def load() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("load_demo", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_demo_of_an_earlier_version_is_left_as_it_is_and_the_command_says_how_to_start_afresh(db):
    Consultation.objects.create(slug=OLD, title="Inclusion numérique en bibliothèque", summary="…", description="…")

    out, err = load()

    assert "version précédente" in err and "make run" in err and "supprimez le fichier" in err
    assert Consultation.objects.count() == 1
    assert not Theme.objects.exists() and not Contribution.objects.exists()


def test_the_demo_refuses_to_load_in_production(db, settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="production"):
        load()
    assert not Theme.objects.exists()
