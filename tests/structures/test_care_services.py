"""The care of places by their managers (`services_care`): corrections checked by the standard and recorded with
the author's role, confirmations, requests to manage a place, error reports, and the yearly reminder."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from mediane.orientation import search
from mediane.structures import services_care
from mediane.structures.communes import load_communes
from mediane.structures.enums import ErrorReportStatus, ManagerRequestStatus, RevisionKind, RevisionRole
from mediane.structures.models import Place, PlaceManagerRequest, PlaceRevision
from mediane.structures.services_care import CareError, PlaceChangeError
from tests.accounts.factories import UserFactory
from tests.structures.factories import PlaceFactory, StructureFactory

HELP_ONLINE = "Aide aux démarches administratives"


@pytest.fixture
def library(db):
    """A library of the Ministry's file: no service given."""
    return PlaceFactory(nom="Bibliothèque du Bachut", services=[], horaires="", telephone="")


@pytest.fixture
def structure_manager(library):
    person = UserFactory(email="nadege@example.org")
    library.structure.managers.add(person)
    return person


def approved_manager(place):
    person = UserFactory()
    PlaceManagerRequest.objects.create(place=place, user=person, status=ManagerRequestStatus.APPROVED)
    return person


# --- Corrections -----------------------------------------------------------------------------------------------


def test_a_structure_manager_completes_the_services_and_the_change_is_recorded_with_their_role(
    library, structure_manager
):
    revision = services_care.update_place(structure_manager, library, {"services": [HELP_ONLINE]})
    library.refresh_from_db()
    assert library.services == [HELP_ONLINE]
    assert library.managed_fields == ["services"]
    assert library.date_maj == timezone.localdate()
    assert library.confirmed_at is not None
    assert revision.author_role == RevisionRole.STRUCTURE_MANAGER
    assert revision.kind == RevisionKind.CORRECTION
    assert revision.changes == {"services": {"avant": [], "apres": [HELP_ONLINE]}}


def test_a_person_approved_for_the_place_is_its_place_manager_and_an_organiser_is_the_team(library, organiser):
    manager = approved_manager(library)
    first = services_care.update_place(manager, library, {"telephone": "04 78 62 30 00"})
    second = services_care.update_place(organiser, library, {"prise_rdv": "https://rdv.example.org/bachut"})
    assert first.author_role == RevisionRole.PLACE_MANAGER
    assert second.author_role == RevisionRole.ORGANISER
    library.refresh_from_db()
    assert library.telephone == "+33478623000"
    assert library.managed_fields == ["prise_rdv", "telephone"]


def test_someone_who_does_not_manage_the_place_may_not_change_it(library, citizen):
    with pytest.raises(PermissionDenied):
        services_care.update_place(citizen, library, {"services": [HELP_ONLINE]})
    assert not PlaceRevision.objects.exists()


def test_nothing_changed_records_no_revision(library, structure_manager):
    library.services = [HELP_ONLINE, "Accès internet et matériel informatique"]
    library.save()
    same = {"services": ["Accès internet et matériel informatique", HELP_ONLINE], "telephone": ""}
    assert services_care.update_place(structure_manager, library, same) is None
    assert not PlaceRevision.objects.exists()
    library.refresh_from_db()
    assert library.managed_fields == []
    assert library.confirmed_at is None


def test_only_the_changed_fields_are_written_and_recorded(library, structure_manager):
    revision = services_care.update_place(
        structure_manager, library, {"services": [HELP_ONLINE], "frais_a_charge": ["Gratuit"]}
    )
    assert list(revision.changes) == ["services"]


def test_values_outside_the_standard_are_refused_with_french_messages_per_field(library, structure_manager):
    with pytest.raises(PlaceChangeError) as refused:
        services_care.update_place(
            structure_manager,
            library,
            {
                "services": ["Aide aux demarches administrative"],
                "telephone": "12",
                "courriels": ["pas-une-adresse"],
                "site_web": ["www.example.org"],
                "horaires": "le matin",
            },
        )
    errors = refused.value.errors
    assert "Vouliez-vous dire « Aide aux démarches administratives » ?" in errors["services"][0]
    assert errors["telephone"][0].startswith("Numéro de téléphone invalide")
    assert "nom@exemple.fr" in errors["courriels"][0]
    assert "https://" in errors["site_web"][0]
    assert errors["horaires"]
    assert not PlaceRevision.objects.exists()


def test_hours_are_stored_in_canonical_openstreetmap_form(library, structure_manager):
    services_care.update_place(
        structure_manager, library, {"horaires": "Tu-Fr 10:00-12:00,14:00-18:00 ; Sa 10:00-12:00"}
    )
    library.refresh_from_db()
    assert library.horaires == "Tu-Fr 10:00-12:00,14:00-18:00; Sa 10:00-12:00"


def test_an_overseas_number_gets_its_own_country_code(db):
    place = PlaceFactory(departement="988", code_postal="98800", telephone="")
    organiser_user = UserFactory(roles=["organisateur"])
    services_care.update_place(organiser_user, place, {"telephone": "28 12 34"})
    place.refresh_from_db()
    assert place.telephone == "+687281234"


def test_a_library_with_a_service_completed_now_appears_in_the_orientation_for_that_service(
    library, structure_manager, django_capture_on_commit_callbacks
):
    lyon = load_communes().find("69003")[0]
    assert library.pk not in [pk for pk, _ in search.nearest_matches(lyon, services=[HELP_ONLINE])]
    with django_capture_on_commit_callbacks(execute=True):
        services_care.update_place(structure_manager, library, {"services": [HELP_ONLINE]})
    assert library.pk in [pk for pk, _ in search.nearest_matches(lyon, services=[HELP_ONLINE])]


def test_confirming_a_place_records_a_confirmation(library, structure_manager):
    revision = services_care.confirm_place(structure_manager, library)
    library.refresh_from_db()
    assert library.confirmed_at == revision.created_at
    assert revision.kind == RevisionKind.CONFIRMATION
    assert revision.changes == {}


def test_a_stranger_cannot_confirm_a_place(library, citizen):
    with pytest.raises(PermissionDenied):
        services_care.confirm_place(citizen, library)


# --- Requests to manage a place ------------------------------------------------------------------------------


def test_asking_to_manage_a_place_tells_the_organisers(library, citizen, organiser, committed):
    request = committed(services_care.ask_to_manage, citizen, library, "Je suis bibliothécaire au Bachut.")
    assert request.status == ManagerRequestStatus.PENDING
    assert [message.to for message in mail.outbox] == [[organiser.email]]
    assert "Je suis bibliothécaire au Bachut." in mail.outbox[0].body


def test_a_second_request_of_the_same_person_is_refused_in_french(library, citizen):
    services_care.ask_to_manage(citizen, library, "Je suis bibliothécaire au Bachut.")
    with pytest.raises(CareError, match="déjà demandé"):
        services_care.ask_to_manage(citizen, library, "Je suis bibliothécaire au Bachut.")


def test_a_manager_does_not_ask_to_manage_their_own_place(library, structure_manager):
    with pytest.raises(CareError, match="Vous gérez déjà ce lieu"):
        services_care.ask_to_manage(structure_manager, library, "Je suis la responsable.")


def test_an_approved_person_manages_the_place_and_is_told(library, citizen, organiser, committed):
    request = services_care.ask_to_manage(citizen, library, "Je suis bibliothécaire au Bachut.")
    committed(services_care.decide_manager_request, organiser, request, approve=True)
    assert list(Place.objects.managed_by(citizen)) == [library]
    assert mail.outbox[-1].to == [citizen.email]
    assert "vous gérez maintenant" in mail.outbox[-1].body


def test_a_refusal_needs_a_reason_which_is_sent_to_the_person(library, citizen, organiser, committed):
    request = services_care.ask_to_manage(citizen, library, "Je suis bibliothécaire au Bachut.")
    with pytest.raises(CareError, match="raison du refus"):
        services_care.decide_manager_request(organiser, request, approve=False, reason="")
    committed(services_care.decide_manager_request, organiser, request, approve=False, reason="Inconnue du lieu.")
    request.refresh_from_db()
    assert request.status == ManagerRequestStatus.REFUSED
    assert "Inconnue du lieu." in mail.outbox[-1].body
    assert not Place.objects.managed_by(citizen).exists()
    with pytest.raises(CareError, match="déjà reçu une réponse"):
        services_care.decide_manager_request(organiser, request, approve=True)


def test_only_organisers_decide_requests(library, citizen, librarian):
    request = services_care.ask_to_manage(citizen, library, "Je suis bibliothécaire au Bachut.")
    with pytest.raises(PermissionDenied):
        services_care.decide_manager_request(librarian, request, approve=True)


# --- Error reports ---------------------------------------------------------------------------------------------


def test_an_error_report_reaches_the_managers_and_the_organisers_once_each(
    library, structure_manager, organiser, committed
):
    library.structure.managers.add(organiser)  # both: one e-mail
    report = committed(services_care.report_error, library, "Fermé le lundi, pas le mardi.", "ana@example.org")
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [structure_manager.email, organiser.email]
    )
    assert report.status == ErrorReportStatus.OPEN
    assert "ana@example.org" in mail.outbox[0].body


def test_an_error_report_must_say_what_is_wrong(library):
    with pytest.raises(CareError, match="au moins 10 caractères"):
        services_care.report_error(library, "faux")
    with pytest.raises(CareError, match="2000 au plus"):
        services_care.report_error(library, "x" * 2001)
    with pytest.raises(CareError, match="nom@exemple.fr"):
        services_care.report_error(library, "Fermé le lundi, pas le mardi.", "pas-une-adresse")


def test_handling_a_report_sends_the_answer_to_the_reporter(library, structure_manager, committed):
    report = services_care.report_error(library, "Fermé le lundi, pas le mardi.", "ana@example.org")
    mail.outbox.clear()
    committed(services_care.handle_error_report, structure_manager, report, "Les horaires sont corrigés.")
    report.refresh_from_db()
    assert report.status == ErrorReportStatus.HANDLED
    assert report.handled_by == structure_manager
    assert mail.outbox[0].to == ["ana@example.org"]
    assert "Les horaires sont corrigés." in mail.outbox[0].body
    with pytest.raises(CareError, match="déjà traité"):
        services_care.handle_error_report(structure_manager, report, "Encore.")


def test_a_stranger_cannot_handle_a_report(library, citizen):
    report = services_care.report_error(library, "Fermé le lundi, pas le mardi.")
    with pytest.raises(PermissionDenied):
        services_care.handle_error_report(citizen, report, "Fait.")


# --- The yearly reminder ---------------------------------------------------------------------------------------


def test_the_reminder_sends_one_email_per_manager_with_all_their_places_and_only_once(db, committed):
    now = timezone.now()
    long_ago = now - dt.timedelta(days=400)
    structure = StructureFactory()
    manager = UserFactory(email="nadege@example.org")
    structure.managers.add(manager)
    old_places = PlaceFactory.create_batch(2, structure=structure)
    recent = PlaceFactory(structure=structure, confirmed_at=now - dt.timedelta(days=30))
    orphan = PlaceFactory(structure=StructureFactory())
    approved = PlaceFactory(structure=None, nom="Espace numérique")
    other = approved_manager(approved)
    Place.objects.filter(pk__in=[p.pk for p in [*old_places, orphan, approved]]).update(created_at=long_ago)
    Place.objects.filter(pk=recent.pk).update(created_at=long_ago)

    counts = committed(services_care.remind_managers, now)
    assert counts == {"responsables": 2, "lieux": 3}
    assert sorted(message.to[0] for message in mail.outbox) == sorted([manager.email, other.email])
    to_manager = next(message for message in mail.outbox if message.to == [manager.email])
    for place in old_places:
        assert place.nom in to_manager.body
    assert recent.nom not in to_manager.body
    orphan.refresh_from_db()
    assert orphan.reminded_at is None

    mail.outbox.clear()
    assert committed(services_care.remind_managers, now + dt.timedelta(days=1)) == {"responsables": 0, "lieux": 0}
    assert mail.outbox == []
    # A year later, nothing confirmed: every managed place is reminded again (the recent one is now a year old too).
    assert committed(services_care.remind_managers, now + dt.timedelta(days=366))["lieux"] == 4


def test_the_command_runs_the_reminder_and_says_what_it_did(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("remind_place_managers", stdout=out)
    assert "Rappel envoyé : 0 responsable, 0 lieu à vérifier." in out.getvalue()


@pytest.mark.parametrize(
    ("stored", "departement", "shown"),
    [
        ("+33478623000", "69", "04 78 62 30 00"),
        ("+262262123456", "974", "0262 12 34 56"),
        ("+262262123456", "69", "+262262123456"),  # read back in France, it would become another number
        ("", "69", ""),
        ("04 78", "69", "04 78"),
    ],
)
def test_a_stored_number_is_shown_as_dialled_and_reads_back_the_same(db, stored, departement, shown):
    assert services_care.phone_as_dialled(stored, departement) == shown
    if stored and shown != stored:
        assert services_care.clean_changes({"telephone": shown}, departement=departement)["telephone"] == stored


def test_the_daily_task_also_deletes_the_mapping_drafts_past_their_day(db, organiser):
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from mediane.structures import services_sources, tasks

    fresh = services_sources.keep_draft(organiser, ContentFile(b"a;b\n1;2\n", name="neuf.csv"))
    aged = (timezone.now() - timedelta(hours=25)).strftime("%Y%m%d%H%M%S") + "-0123456789abcdef"
    old = default_storage.save(f"{services_sources.DRAFTS_DIR}/{aged}/vieux.csv", ContentFile(b"x"))

    tasks.remind_managers_task()

    assert not default_storage.exists(old) and default_storage.exists(fresh.path)
    services_sources.discard_draft(fresh)


def test_a_change_reads_french_hours_and_phones_as_the_imports_do(db):
    cleaned = services_care.clean_changes(
        {"horaires": "Mardi, jeudi 14h-18h", "telephone": "0262 12 34 56"}, departement="974"
    )
    assert cleaned == {"horaires": "Tu,Th 14:00-18:00", "telephone": "+262262123456"}
    with pytest.raises(PlaceChangeError) as refused:
        services_care.clean_changes({"telephone": "04 78 62 30 00 / 06 12 34 56 78", "horaires": "quand il fait beau"})
    assert "Écrivez un seul numéro" in refused.value.errors["telephone"][0]
    assert refused.value.errors["horaires"][0].startswith("Horaires illisibles : « quand il fait beau ». Écrivez-les")


def test_a_manager_ticks_a_service_of_a_place_whose_imported_hours_are_free_text(library, structure_manager):
    library.horaires = "Mardi, jeudi 14h-18h sauf vacances scolaires"
    library.site_web = ["https://mon_site.example.fr"]
    library.save()

    services_care.update_place(
        structure_manager,
        library,
        {"services": [HELP_ONLINE], "horaires": library.horaires, "site_web": library.site_web},
    )

    library.refresh_from_db()
    assert library.services == [HELP_ONLINE] and library.managed_fields == ["services"]
    assert library.horaires == "Mardi, jeudi 14h-18h sauf vacances scolaires"
