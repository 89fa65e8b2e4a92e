"""The pages of the care of places: who may open each one (anonymous, another person, the place's manager, an
organiser), the forms and their French errors, the open data of the changes, and constant queries on every list."""

import csv
import io
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse

from mediane.structures import services_care
from mediane.structures.enums import ErrorReportStatus, ManagerRequestStatus
from mediane.structures.models import PlaceErrorReport, PlaceManagerRequest, PlaceRevision, PlaceSource
from tests.accounts.factories import UserFactory
from tests.structures.factories import PlaceFactory

HELP_ONLINE = "Aide aux démarches administratives"


@pytest.fixture
def world(db, organiser, citizen):
    library = PlaceFactory(nom="Bibliothèque du Bachut", services=[], horaires="Tu-Sa 10:00-19:00")
    manager = UserFactory(email="nadege@example.org", display_name="Nadège")
    library.structure.managers.add(manager)
    report = services_care.report_error(library, "Fermé le lundi, pas le mardi.", "ana@example.org")
    request = services_care.ask_to_manage(citizen, library, "Je suis bénévole dans cette bibliothèque.")
    return {"place": library, "manager": manager, "report": report, "request": request}


def _client_for(client, who, world, organiser, librarian):
    person = {"organiser": organiser, "manager": world["manager"], "other": librarian}.get(who)
    if person is not None:
        client.force_login(person)
    return client


# URL name → the path parameters and, for each visitor, the status of a GET.
MATRIX = {
    "structures:place_edit": ("place", {"anonymous": 302, "other": 403, "manager": 200, "organiser": 200}),
    "structures:place_history": ("place", {"anonymous": 200, "other": 200, "manager": 200, "organiser": 200}),
    "structures:revisions_csv": (None, {"anonymous": 200, "other": 200, "manager": 200, "organiser": 200}),
    "structures:ask_to_manage": ("place", {"anonymous": 302, "other": 200, "manager": 302, "organiser": 302}),
    "structures:report_error": ("place", {"anonymous": 200, "other": 200, "manager": 200, "organiser": 200}),
    "structures:report_error_sent": ("place", {"anonymous": 200, "other": 200, "manager": 200, "organiser": 200}),
    "structures:my_places": (None, {"anonymous": 302, "other": 200, "manager": 200, "organiser": 200}),
    "structures:error_reports": (None, {"anonymous": 302, "other": 403, "manager": 200, "organiser": 200}),
    "structures:error_report": ("report", {"anonymous": 302, "other": 404, "manager": 200, "organiser": 200}),
    "structures:manager_requests": (None, {"anonymous": 302, "other": 403, "manager": 403, "organiser": 200}),
    "structures:manager_request": ("request", {"anonymous": 302, "other": 403, "manager": 403, "organiser": 200}),
}


@pytest.mark.parametrize("who", ["anonymous", "other", "manager", "organiser"])
@pytest.mark.parametrize("name", list(MATRIX))
def test_who_may_open_each_page(client, world, organiser, librarian, name, who):
    param, statuses = MATRIX[name]
    url = reverse(name, args=[world[param].pk] if param else [])
    response = _client_for(client, who, world, organiser, librarian).get(url)
    assert response.status_code == statuses[who], (name, who)
    if response.status_code == 302 and who == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))
    if response.status_code == 403:
        assert "Accès refusé" in response.content.decode()


def test_the_confirmation_is_a_post_of_the_place_s_managers_only(client, world, librarian):
    url = reverse("structures:place_confirm", args=[world["place"].pk])
    client.force_login(librarian)
    assert client.post(url).status_code == 403
    client.force_login(world["manager"])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response["Location"] == reverse("orientation:place", args=[world["place"].pk])
    world["place"].refresh_from_db()
    assert world["place"].confirmed_at is not None


def test_a_report_of_another_place_is_not_found_for_its_manager(client, world):
    elsewhere = services_care.report_error(PlaceFactory(), "Le téléphone ne répond plus.")
    client.force_login(world["manager"])
    assert client.get(reverse("structures:error_report", args=[elsewhere.pk])).status_code == 404
    html = client.get(reverse("structures:error_reports")).content.decode()
    assert "Le téléphone ne répond plus." not in html
    assert "Fermé le lundi, pas le mardi." in html


# --- The edit form ---------------------------------------------------------------------------------------------


def _edit_data(place, **overrides):
    data = {
        "services": place.services,
        "frais_a_charge": place.frais_a_charge,
        "telephone": "",
        "courriels": "",
        "site_web": "",
        "prise_rdv": "",
        "fiche_acces_libre": "",
    }
    for index in range(7):
        data[f"h{index}_de1"] = "10:00" if 1 <= index <= 5 else ""
        data[f"h{index}_a1"] = "19:00" if 1 <= index <= 5 else ""
    data.update(overrides)
    return {key: value for key, value in data.items() if value not in (None, [])}


def test_the_form_shows_services_in_plain_words_and_hours_day_by_day(client, world):
    client.force_login(world["manager"])
    html = unescape(client.get(reverse("structures:place_edit", args=[world["place"].pk])).content.decode())
    assert "Faire ses démarches en ligne (CAF, impôts, santé, papiers)" in html
    assert 'value="Aide aux démarches administratives"' in html
    assert "Du mardi au samedi : de 10 h à 19 h" in html
    assert 'name="h1_de1" value="10:00"' in html
    assert 'name="horaires_texte"' not in html


def test_a_manager_completes_services_and_hours_and_the_place_page_shows_them(client, world):
    place = world["place"]
    client.force_login(world["manager"])
    data = _edit_data(place, services=[HELP_ONLINE], h0_ferme="on", h2_de2="14h", h2_a2="18 h 30", feries_ferme="on")
    data["h2_a1"] = "12:00"
    response = client.post(reverse("structures:place_edit", args=[place.pk]), data)
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.services == [HELP_ONLINE]
    assert place.horaires == "Tu,Th-Sa 10:00-19:00; We 10:00-12:00,14:00-18:30; PH off"
    assert set(place.managed_fields) == {"services", "horaires"}
    html = unescape(client.get(response["Location"]).content.decode())
    assert "Les informations du lieu sont enregistrées." in html
    assert "Informations vérifiées par le lieu le" in html
    assert "par responsable de la structure" in html
    assert "Nadège" not in html


def test_nothing_changed_says_so(client, world):
    client.force_login(world["manager"])
    response = client.post(reverse("structures:place_edit", args=[world["place"].pk]), _edit_data(world["place"]))
    assert "Rien n'a changé" in unescape(client.get(response["Location"]).content.decode())
    assert not PlaceRevision.objects.exists()


def test_wrong_values_are_explained_next_to_their_field_and_in_the_summary(client, world):
    client.force_login(world["manager"])
    data = _edit_data(world["place"], telephone="12", h3_de1="midi", h4_a1="", site_web="www.example.org")
    data["h4_de1"] = "10:00"
    data["h4_a1"] = ""
    response = client.post(reverse("structures:place_edit", args=[world["place"].pk]), data)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "<title>Erreur : " in html
    assert "Jeudi : heure illisible, « midi ». Écrivez-la comme 9:00 ou 14h30." in html
    assert "Vendredi : écrivez l'heure de début et l'heure de fin." in html
    assert 'href="#id_h3_de1"' in html
    world["place"].refresh_from_db()
    assert world["place"].managed_fields == []


def test_service_errors_come_back_on_their_fields(client, world):
    client.force_login(world["manager"])
    data = _edit_data(world["place"], telephone="12", site_web="www.example.org")
    html = unescape(client.post(reverse("structures:place_edit", args=[world["place"].pk]), data).content.decode())
    assert "Numéro de téléphone invalide" in html
    assert 'href="#id_telephone"' in html
    assert 'href="#id_site_web"' in html


def test_hours_that_cannot_be_shown_day_by_day_keep_a_text_field(client, world):
    place = world["place"]
    place.horaires = 'Mo-Fr 09:00-12:00 "sur rendez-vous"'
    place.save()
    client.force_login(world["manager"])
    html = unescape(client.get(reverse("structures:place_edit", args=[place.pk])).content.decode())
    assert 'name="horaires_texte"' in html
    assert 'name="h0_de1"' not in html
    data = _edit_data(place, horaires_texte="Mo-Fr 09:00-12:00")
    client.post(reverse("structures:place_edit", args=[place.pk]), data)
    place.refresh_from_db()
    assert place.horaires == "Mo-Fr 09:00-12:00"


# --- Asking to manage, reporting, handling, deciding ---------------------------------------------------------


def test_a_person_asks_to_manage_a_place_and_a_second_time_is_told_it_is_pending(client, world, librarian):
    client.force_login(librarian)
    url = reverse("structures:ask_to_manage", args=[world["place"].pk])
    response = client.post(url, {"message": "Je travaille à l'accueil de cette bibliothèque."})
    assert response.status_code == 302
    html = unescape(client.post(url, {"message": "Je travaille à l'accueil de cette bibliothèque."}).content.decode())
    assert "Vous avez déjà demandé à gérer ce lieu." in html
    assert PlaceManagerRequest.objects.filter(user=librarian).count() == 1


def test_an_anonymous_visitor_reports_an_error_and_sees_a_plain_thank_you(client, world):
    url = reverse("structures:report_error", args=[world["place"].pk])
    response = client.post(url, {"message": "Le numéro de téléphone ne marche plus.", "contact_email": ""})
    assert response["Location"] == reverse("structures:report_error_sent", args=[world["place"].pk])
    html = unescape(client.get(response["Location"]).content.decode())
    assert "Merci. Le lieu et l'équipe d'animation ont reçu votre message." in html
    assert PlaceErrorReport.objects.filter(message="Le numéro de téléphone ne marche plus.").exists()


def test_a_too_short_report_says_what_to_write(client, world):
    response = client.post(reverse("structures:report_error", args=[world["place"].pk]), {"message": "faux"})
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Écrivez au moins 10 caractères" in html
    assert 'href="#id_message"' in html


def test_error_reports_are_rate_limited_per_address(client, world, limiter_clock):
    url = reverse("structures:report_error", args=[world["place"].pk])
    data = {"message": "Le numéro de téléphone ne marche plus."}
    for _ in range(10):
        assert client.post(url, data).status_code == 302
    refused = client.post(url, data)
    assert refused.status_code == 429
    assert PlaceErrorReport.objects.count() == 11  # the world's report and ten of these


def test_the_manager_marks_a_report_handled_and_the_reporter_gets_the_answer(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["manager"])
    url = reverse("structures:error_report", args=[world["report"].pk])
    assert "Marquer comme traité" in client.get(url).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"answer": "Les horaires sont corrigés."})
    assert response.status_code == 302
    world["report"].refresh_from_db()
    assert world["report"].status == ErrorReportStatus.HANDLED
    assert mail.outbox[0].to == ["ana@example.org"]


def test_the_reports_list_filters_open_and_handled(client, world, organiser):
    services_care.handle_error_report(organiser, world["report"], "Corrigé.")
    client.force_login(organiser)
    url = reverse("structures:error_reports")
    assert "Signalement n° " not in client.get(url, {"statut": "ouvert"}).content.decode()
    assert f"Signalement n° {world['report'].pk}" in client.get(url, {"statut": "traite"}).content.decode()
    assert client.get(url, {"statut": "n'importe quoi"}).status_code == 200


def test_an_organiser_refuses_a_request_with_a_reason(client, world, organiser):
    client.force_login(organiser)
    url = reverse("structures:manager_request", args=[world["request"].pk])
    html = unescape(client.post(url, {"decision": "refuser", "reason": ""}).content.decode())
    assert "Écrivez la raison du refus" in html
    response = client.post(url, {"decision": "refuser", "reason": "Personne ne vous connaît au Bachut."})
    assert response["Location"] == reverse("structures:manager_requests")
    world["request"].refresh_from_db()
    assert world["request"].status == ManagerRequestStatus.REFUSED


def test_an_organiser_approves_a_request_and_the_person_then_edits_the_place(client, world, organiser, citizen):
    client.force_login(organiser)
    client.post(reverse("structures:manager_request", args=[world["request"].pk]), {"decision": "accepter"})
    client.force_login(citizen)
    assert client.get(reverse("structures:place_edit", args=[world["place"].pk])).status_code == 200
    assert "Bibliothèque du Bachut" in client.get(reverse("structures:my_places")).content.decode()


# --- Open data of the changes ----------------------------------------------------------------------------------


def test_the_changes_are_open_data_one_row_per_field_without_names(client, world):
    place = world["place"]
    place.place_source = PlaceSource.objects.create(name="Bibliothèques (Culture)", slug="bibliotheques-culture")
    place.save()
    services_care.update_place(world["manager"], place, {"services": [HELP_ONLINE], "telephone": "0478623000"})
    services_care.confirm_place(world["manager"], place)
    response = client.get(reverse("structures:revisions_csv"))
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == ["id_lieu", "source", "nom_lieu", "date", "role", "nature", "champ", "avant", "apres"]
    assert [row[6] for row in rows[1:]] == ["services", "telephone", ""]
    assert rows[1][:3] == [place.id_standard, "bibliotheques-culture", "Bibliothèque du Bachut"]
    assert rows[1][4:] == ["responsable de la structure", "correction", "services", "", HELP_ONLINE]
    assert rows[3][5] == "confirmation sans changement"
    assert "nadege" not in content and "Nadège" not in content


# --- Constant queries ------------------------------------------------------------------------------------------


def _queries(client, count_queries, url):
    with count_queries() as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(world, organiser, citizen):
    for number in range(4):
        place = PlaceFactory(structure=world["place"].structure)
        services_care.report_error(place, f"Erreur numéro {number} sur ce lieu.")
        services_care.update_place(world["manager"], world["place"], {"telephone": f"04786230{number:02d}"})
        person = UserFactory()
        services_care.ask_to_manage(person, place, "Je travaille dans ce lieu depuis longtemps.")


@pytest.mark.parametrize(
    ("name", "who"),
    [
        ("structures:my_places", "manager"),
        ("structures:error_reports", "manager"),
        ("structures:error_reports", "organiser"),
        ("structures:manager_requests", "organiser"),
        ("structures:place_history", "manager"),
        ("accounts:profile", "manager"),
    ],
)
def test_lists_run_a_constant_number_of_queries(client, world, organiser, citizen, count_queries, name, who):
    person = world["manager"] if who == "manager" else organiser
    services_care.confirm_place(world["manager"], world["place"])  # a history of one entry, to compare with five
    client.force_login(person)
    url = reverse(name, args=[world["place"].pk] if name == "structures:place_history" else [])
    before = _queries(client, count_queries, url)
    _grow(world, organiser, citizen)
    assert _queries(client, count_queries, url) == before


def test_the_account_page_shows_my_places_to_a_manager_only(client, world, librarian):
    client.force_login(world["manager"])
    html = unescape(client.get(reverse("accounts:profile")).content.decode())
    assert "Mes lieux" in html
    assert "1 signalement à traiter" in html
    client.force_login(librarian)
    assert "Mes lieux</h2>" not in client.get(reverse("accounts:profile")).content.decode()


def test_the_organisers_hub_lists_reports_and_requests(client, organiser):
    client.force_login(organiser)
    html = unescape(client.get(reverse("pages:organisation")).content.decode())
    assert f'href="{reverse("structures:error_reports")}"' in html
    assert f'href="{reverse("structures:manager_requests")}"' in html


def test_the_phone_is_shown_as_dialled_and_sending_it_back_changes_nothing(client, world):
    place = world["place"]
    place.telephone = "+33478623000"
    place.save()
    client.force_login(world["manager"])
    url = reverse("structures:place_edit", args=[place.pk])
    assert 'value="04 78 62 30 00"' in client.get(url).content.decode()
    client.post(url, _edit_data(place, telephone="04 78 62 30 00"))
    assert not PlaceRevision.objects.exists()


def test_imported_free_text_hours_and_an_odd_web_address_do_not_block_ticking_a_service(client, world):
    place = world["place"]
    place.horaires = "Mardi, jeudi 14h-18h sauf vacances scolaires"  # kept as text by a mapped import
    place.site_web = ["https://mon_site.example.fr"]  # the standard accepts it, Django's URLValidator does not
    place.save()
    client.force_login(world["manager"])
    form = client.get(reverse("structures:place_edit", args=[place.pk])).context["form"]
    assert form["horaires_texte"].value() == place.horaires
    data = _edit_data(place, services=[HELP_ONLINE], horaires_texte=place.horaires, site_web=place.site_web[0])

    response = client.post(reverse("structures:place_edit", args=[place.pk]), data)

    assert response.status_code == 302, unescape(response.content.decode())
    place.refresh_from_db()
    assert place.services == [HELP_ONLINE] and place.managed_fields == ["services"]
    assert place.horaires == "Mardi, jeudi 14h-18h sauf vacances scolaires"


def test_hours_typed_in_french_are_stored_as_opening_hours_and_unreadable_ones_say_how_to_write_them(client, world):
    place = world["place"]
    place.horaires = "Ouvert selon la saison"
    place.save()
    client.force_login(world["manager"])
    url = reverse("structures:place_edit", args=[place.pk])

    client.post(url, _edit_data(place, horaires_texte="du lundi au vendredi 9h-12h"))
    place.refresh_from_db()
    assert place.horaires == "Mo-Fr 09:00-12:00"

    place.horaires = "Ouvert selon la saison"
    place.save()
    html = unescape(client.post(url, _edit_data(place, horaires_texte="quand il fait beau")).content.decode())
    assert "Horaires illisibles : « quand il fait beau ». Écrivez-les par exemple : du lundi au vendredi" in html
    assert "Mo, Tu" not in html and "en anglais abrégés" not in html
