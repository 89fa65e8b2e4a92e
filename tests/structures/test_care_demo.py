"""The demo's care of places (`mediane/pages/demo/places_care.py`): a managed library with an open error report, a
pending request, made through the services without any e-mail, and nothing more on a second run."""

from django.core import mail

from mediane.pages.demo.places_care import BACHUT, RIZE, load_places_care
from mediane.structures.enums import ManagerRequestStatus
from mediane.structures.models import Place, PlaceErrorReport, PlaceManagerRequest
from tests.accounts.factories import UserFactory
from tests.structures.factories import PlaceFactory


def test_the_demo_gives_the_mediator_a_library_with_a_report_and_leaves_one_request_pending(
    organiser, mediator, citizen, django_capture_on_commit_callbacks
):
    bachut = PlaceFactory(id_standard=BACHUT)
    PlaceFactory(id_standard=RIZE)
    with django_capture_on_commit_callbacks(execute=True):
        counts = load_places_care(organiser, mediator, citizen, lambda message: None)
    assert counts == {"demandes de gestion de lieux": 2, "lieux gérés par une personne acceptée": 1}
    assert list(Place.objects.managed_by(mediator)) == [bachut]
    assert PlaceErrorReport.objects.get().place == bachut
    assert PlaceManagerRequest.objects.get(user=citizen).status == ManagerRequestStatus.PENDING
    assert mail.outbox == []
    assert load_places_care(organiser, mediator, UserFactory(), lambda message: None) == {}
    assert PlaceManagerRequest.objects.count() == 2
