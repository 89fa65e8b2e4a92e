"""The needs self-diagnostic's screens: one question per page, the state in the address, the result and the slip."""

import datetime as dt
import io
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import capfirst

from mediane import pdf
from mediane.orientation import diagnostic, search, views_diagnostic
from mediane.orientation.geo import haversine_km
from tests.platform.pdf_structure import read_structure
from tests.structures.factories import PlaceFactory

pytestmark = pytest.mark.django_db

# Lyon 3e (69003): the factory's places stand around Part-Dieu, a few hundred metres apart.
ANSWERS = {
    "besoin": ["demarches"],
    "materiel": ["oui"],
    "aisance": ["avec_aide"],
    "apprendre": ["egal"],
    "besoins": ["aucun"],
    "public": ["aucun"],
    "frais": ["payant"],
    "commune": ["69003"],
}
TUESDAY_NOON = dt.datetime(2025, 1, 7, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))
needs_pdf = pytest.mark.skipif(
    not pdf.pdf_available(), reason="WeasyPrint ne trouve pas Pango : apt-get install libpango-1.0-0"
)


@pytest.fixture(autouse=True)
def _tuesday_noon(monkeypatch):
    monkeypatch.setattr(views_diagnostic, "current_time", lambda: TUESDAY_NOON)


def query(answers=None, **extra):
    pairs = [(key, value) for key, values in (answers or {}).items() for value in values]
    pairs.extend(extra.items())
    return urlencode(pairs)


def question_url(key, answers=None, **extra):
    return f"{reverse('diagnostic:question', args=[key])}?{query(answers, **extra)}"


def result_url(answers=ANSWERS, **extra):
    return f"{reverse('diagnostic:result')}?{query(answers, **extra)}"


def answers_in(location):
    return {key: values for key, values in parse_qs(urlsplit(location).query).items()}


def before(key):
    """The answers given before the question `key` (without the language question)."""
    keys = [q.key for q in diagnostic.questions_for(ANSWERS)]
    return {k: v for k, v in ANSWERS.items() if k in keys[: keys.index(key)]}


# --- Start page ----------------------------------------------------------------------------------------------


def test_the_start_page_says_what_it_does_and_that_nothing_is_kept(client):
    response = client.get(reverse("diagnostic:start"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Vous répondez à 8 questions simples, une par page." in page
    assert "Nous ne gardons pas vos réponses." in page
    assert f'href="{reverse("diagnostic:question", args=["besoin"])}"' in page
    assert "Répondre pour une autre personne" not in page


def test_a_mediator_is_offered_the_assisted_mode(client, mediator, citizen):
    client.force_login(citizen)
    assert "Répondre pour une autre personne" not in client.get(reverse("diagnostic:start")).content.decode()

    client.force_login(mediator)
    page = client.get(reverse("diagnostic:start")).content.decode()
    assert "Répondre pour une autre personne" in page
    assert f"{reverse('diagnostic:question', args=['besoin'])}?accompagne=1" in page


# --- Question screens ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", range(1, 9))
def test_each_screen_asks_one_question_with_its_progress(client, number):
    asked = diagnostic.questions_for(ANSWERS)[number - 1]

    response = client.get(question_url(asked.key, before(asked.key)))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"Question {number} sur 8" in page
    assert f'data-fr-current-step="{number}" data-fr-steps="8"' in page
    assert escape(asked.title) in page
    assert page.count('type="radio"') + page.count('type="checkbox"') == len(asked.choices)
    assert "Nous ne gardons pas vos réponses." in page
    # The earlier answers travel in hidden fields, and nothing else does.
    for key, values in before(asked.key).items():
        for value in values:
            assert f'<input type="hidden" name="{key}" value="{value}">' in page
    assert f'type="hidden" name="{asked.key}"' not in page


def test_next_without_an_answer_says_what_to_do(client):
    response = client.get(question_url("materiel", before("materiel"), aller="suivant"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Choisissez une réponse." in page
    assert "fr-fieldset--error" in page
    assert 'aria-labelledby="question-titre question-aide id_materiel-error"' in page


def test_a_multiple_choice_needs_at_least_one_box_and_none_cannot_go_with_another(client):
    page = client.get(question_url("besoin", aller="suivant")).content.decode()
    assert "Cochez au moins une réponse." in page

    answers = {**before("besoins"), "besoins": ["vue", "aucun"]}
    page = client.get(question_url("besoins", answers, aller="suivant")).content.decode()
    assert "Vous avez coché « Non, je n&#x27;ai besoin d&#x27;aucune de ces aides » et une autre réponse" in page


def test_an_unknown_answer_is_refused(client):
    page = client.get(question_url("materiel", {"materiel": ["pirate"]}, aller="suivant")).content.decode()
    assert "Choisissez une réponse." in page


def test_a_wrong_commune_gets_a_french_message(client):
    answers = {**before("commune"), "commune": ["Lyyon"]}
    page = unescape(client.get(question_url("commune", answers, aller="suivant")).content.decode())

    assert "Aucune commune ne s'appelle « Lyyon »." in page
    assert 'aria-invalid="true"' in page

    answers["commune"] = ["00000"]
    page = unescape(client.get(question_url("commune", answers, aller="suivant")).content.decode())
    assert "Aucune commune n'a le code postal « 00000 »." in page


def test_the_commune_is_asked_by_its_name_or_its_postal_code(client):
    page = unescape(client.get(question_url("commune", before("commune"))).content.decode())
    assert "Dans quelle commune habitez-vous ?" in page
    assert "Son nom ou son code postal" in page
    assert 'inputmode="numeric"' not in page


@pytest.mark.parametrize(("text", "insee"), [("Lyon", "69123"), ("saint etienne", "42218"), ("98800", "98818")])
def test_a_town_name_or_a_postal_code_moves_on_with_the_communes_insee_code(client, text, insee):
    response = client.get(question_url("commune", {**before("commune"), "commune": [text]}, aller="suivant"))

    assert urlsplit(response["Location"]).path == reverse("diagnostic:result")
    assert answers_in(response["Location"])["insee"] == [insee]
    assert answers_in(response["Location"])["commune"] == [text]


def test_several_communes_are_offered_to_choose_from_on_the_same_screen(client):
    answers = {**before("commune"), "commune": ["Saint-Denis"]}
    page = unescape(client.get(question_url("commune", answers, aller="suivant")).content.decode())

    assert "Choisissez votre commune" in page
    assert 'name="insee" value="93066"' in page
    assert "Saint-Denis (97400, 97417, 97490) — La Réunion" in page

    response = client.get(question_url("commune", answers, aller="suivant", insee="97411"))
    assert answers_in(response["Location"])["insee"] == ["97411"]
    page = unescape(client.get(response["Location"]).content.decode())
    assert "Près de Saint-Denis (97400, 97417, 97490)." in page


def test_next_moves_on_with_every_answer_in_the_address(client):
    response = client.get(question_url("aisance", {**before("aisance"), "aisance": ["jamais"]}, aller="suivant"))

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("diagnostic:question", args=["apprendre"])
    assert answers_in(response["Location"]) == {**before("aisance"), "aisance": ["jamais"]}


def test_previous_goes_back_keeping_the_answers_and_shows_them_ticked(client):
    answers = {**before("frais"), "frais": ["gratuit"]}
    response = client.get(question_url("frais", answers, aller="precedent"))

    assert urlsplit(response["Location"]).path == reverse("diagnostic:question", args=["public"])
    assert answers_in(response["Location"]) == answers
    page = client.get(response["Location"]).content.decode()
    assert 'value="aucun" id="id_public_4" checked' in page
    assert '<input type="hidden" name="frais" value="gratuit">' in page


def test_previous_on_the_first_question_goes_back_to_the_start(client):
    response = client.get(question_url("besoin", aller="precedent"))
    assert response["Location"] == reverse("diagnostic:start")


def test_speaking_little_french_adds_the_language_question(client):
    answers = {**before("besoins"), "besoins": ["langue"]}
    response = client.get(question_url("besoins", answers, aller="suivant"))

    assert urlsplit(response["Location"]).path == reverse("diagnostic:question", args=["langue"])
    page = client.get(response["Location"]).content.decode()
    assert "Question 6 sur 9" in page and "Quelle langue parlez-vous le mieux ?" in page


def test_the_language_question_is_skipped_for_the_others(client):
    response = client.get(question_url("langue", before("public")))
    assert urlsplit(response["Location"]).path == reverse("diagnostic:question", args=["public"])


def test_an_unknown_question_is_not_found(client):
    assert client.get(reverse("diagnostic:question", args=["age"])).status_code == 404


def test_the_last_question_leads_to_the_result(client):
    response = client.get(question_url("commune", {**before("commune"), "commune": ["69 003"]}, aller="suivant"))

    assert urlsplit(response["Location"]).path == reverse("diagnostic:result")
    assert answers_in(response["Location"])["commune"] == ["69 003"]
    assert answers_in(response["Location"])["insee"] == ["69383"]


def test_the_assisted_mode_speaks_of_the_person(client):
    response = client.get(question_url("materiel", before("materiel"), accompagne="1"))

    page = response.content.decode()
    assert "La personne a-t-elle un appareil pour aller sur internet ?" in page
    assert "Oui, mais elle n&#x27;a pas internet chez elle" in page
    assert '<input type="hidden" name="accompagne" value="1">' in page

    response = client.get(
        question_url("materiel", {**before("materiel"), "materiel": ["oui"]}, accompagne="1", aller="suivant")
    )
    assert "accompagne=1" in response["Location"]


# --- Result ----------------------------------------------------------------------------------------------------


def test_the_result_shows_the_services_and_the_five_nearest_places(client):
    places = [PlaceFactory(nom=f"Médiathèque du quartier {n}", telephone="+33478000000") for n in range(7)]
    places[0].fiche_acces_libre = "https://acceslibre.beta.gouv.fr/app/69-lyon/a/bibliotheque/erp/m/"
    places[0].save()

    response = client.get(result_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Faire ses démarches en ligne (CAF, impôts, santé, papiers)" in page
    assert "Quelqu&#x27;un fait avec vous vos démarches en ligne" in page
    assert "Près de Lyon 3e Arrondissement (69003)." in page
    shown = [place for place in places if place.nom in page]
    assert shown == places[:5]  # the factory puts each place a little farther north
    assert page.index(places[0].nom) < page.index(places[4].nom)
    assert f'href="{reverse("orientation:place", args=[places[0].pk])}?retour=' in page
    assert "Ouvert maintenant, jusqu&#x27;à 19 h" in page
    assert 'Téléphone : <a href="tel:+33478000000">04 78 00 00 00</a>' in page
    assert "Accessibilité du lieu (Acceslibre)" in page
    lyon = search.resolve_commune("69003")
    distance = haversine_km(lyon.latitude, lyon.longitude, places[0].latitude, places[0].longitude)
    assert capfirst(search.format_distance(distance)) in page
    assert "Ce que vous pouvez apporter" not in page  # that is on the slip
    assert "Nous ne gardons pas vos réponses." in page


def test_a_link_that_is_not_a_web_address_is_never_shown(client):
    PlaceFactory(nom="Lieu au lien douteux", fiche_acces_libre="javascript:alert(1)")

    page = client.get(result_url()).content.decode()

    assert "Lieu au lien douteux" in page
    assert "javascript:" not in page
    assert "Accessibilité du lieu (Acceslibre)" not in page


def test_a_closed_place_says_when_it_opens(client, monkeypatch):
    monkeypatch.setattr(
        views_diagnostic, "current_time", lambda: dt.datetime(2025, 1, 6, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))
    )
    PlaceFactory(nom="La Médiathèque fermée le lundi")
    PlaceFactory(nom="Un lieu aux horaires illisibles", horaires="quand il fait beau")

    page = client.get(result_url()).content.decode()

    assert "Fermé, ouvre demain à 10 h" in page
    assert "quand il fait beau" not in page


def test_an_incomplete_diagnostic_goes_back_to_the_missing_question(client):
    answers = {key: values for key, values in ANSWERS.items() if key != "frais"}

    response = client.get(result_url(answers))

    assert urlsplit(response["Location"]).path == reverse("diagnostic:question", args=["frais"])
    assert answers_in(response["Location"]) == answers


def test_a_wrong_commune_in_the_address_leads_to_its_question_with_the_message(client):
    response = client.get(result_url({**ANSWERS, "commune": ["99999"]}), follow=True)
    assert "Aucune commune n&#x27;a le code postal « 99999 »" in response.content.decode()


def test_several_communes_in_the_address_lead_to_the_choice(client):
    response = client.get(result_url({**ANSWERS, "commune": ["Saint-Denis"]}), follow=True)
    assert 'name="insee" value="93066"' in response.content.decode()


def test_the_nice_to_have_filters_are_relaxed_when_too_few_places_have_everything(client):
    answers = {**ANSWERS, "apprendre": ["atelier"], "public": ["senior"]}
    workshop = PlaceFactory(nom="Atelier des seniors", modalites_accompagnement=["Dans un atelier collectif"])
    others = [PlaceFactory(nom=f"Point numérique {n}") for n in range(5)]

    page = client.get(result_url(answers)).content.decode()

    assert "Moins de 5 lieux proches ont tout ce que vous cherchez." in page
    assert "des ateliers en groupe ; un accueil pensé pour les seniors" in page
    assert all(place.nom in page for place in [workshop, *others[:4]])


def test_nothing_is_relaxed_when_enough_places_have_everything(client):
    answers = {**ANSWERS, "apprendre": ["atelier"]}
    for n in range(5):
        PlaceFactory(nom=f"Atelier {n}", modalites_accompagnement=["Dans un atelier collectif"])
    PlaceFactory(nom="Sans atelier", latitude=45.7600)

    page = client.get(result_url(answers)).content.decode()

    assert "Sans atelier" not in page
    assert "Moins de 5 lieux" not in page


def test_a_required_support_is_never_relaxed_and_farther_places_are_shown(client):
    answers = {**ANSWERS, "besoins": ["surdite"]}
    PlaceFactory(nom="Lieu proche sans accueil adapté")
    PlaceFactory(
        nom="Médiathèque de Villeurbanne",
        latitude=45.7719,
        longitude=4.8902,
        prise_en_charge_specifique=["Surdité"],
    )
    PlaceFactory(
        nom="Médiathèque de Grenoble", latitude=45.1885, longitude=5.7245, prise_en_charge_specifique=["Surdité"]
    )

    page = client.get(result_url(answers)).content.decode()

    assert "Lieu proche sans accueil adapté" not in page
    assert page.index("Médiathèque de Villeurbanne") < page.index("Médiathèque de Grenoble")
    assert "Accueil adapté : Personnes sourdes ou qui entendent mal." in page
    assert "Moins de 5 lieux à moins de 30 km proposent le service « Aide aux démarches administratives »" in page
    assert page.index("Médiathèque de Villeurbanne") < page.index("Plus loin : entre 30 et 100 km")
    assert page.index("Plus loin : entre 30 et 100 km") < page.index("Médiathèque de Grenoble")


def test_no_place_near_says_so_and_offers_help_at_a_distance_and_the_helpline(client):
    PlaceFactory(nom="Médiathèque de Paris", latitude=48.85, longitude=2.35)
    remote = PlaceFactory(
        nom="Assistance à distance", latitude=48.85, longitude=2.35, modalites_accompagnement=["À distance"]
    )
    page = unescape(client.get(result_url()).content.decode())
    assert "Aucun lieu à moins de 30 km ne propose le service « Aide aux démarches administratives »." in page
    assert "Médiathèque de Paris" not in page
    assert "Être aidé sans se déplacer" in page
    assert remote.nom in page
    assert "Solidarité Numérique" in page and 'href="tel:+33170772372"' in page


def test_places_that_declared_no_service_are_shown_apart_after_the_others(client):
    places = [PlaceFactory(nom=f"Espace numérique {n}") for n in range(5)]
    PlaceFactory(nom="Bibliothèque sans services déclarés", services=[], latitude=45.7606, longitude=4.8593)
    page = unescape(client.get(result_url()).content.decode())
    assert page.index(places[4].nom) < page.index("qui n'ont pas dit quelle aide ils proposent")
    assert page.index("qui n'ont pas dit quelle aide ils proposent") < page.index("Bibliothèque sans services déclarés")


def test_the_result_runs_a_constant_number_of_queries(client, count_queries):
    answers = {**ANSWERS, "apprendre": ["atelier"], "public": ["senior"]}
    for _ in range(6):
        PlaceFactory()
    client.get(result_url(answers))  # builds the index of places once for the process
    with count_queries() as few:
        assert client.get(result_url(answers)).status_code == 200
    for _ in range(30):
        PlaceFactory(modalites_accompagnement=["Dans un atelier collectif"])
    client.get(result_url(answers))
    with count_queries() as many:
        assert client.get(result_url(answers)).status_code == 200

    # One query for the places and their structures, whatever their number: the index (built once) answers the
    # relaxation steps without any query.
    assert len(few) == len(many) == 1


def test_relaxation_steps_that_find_a_few_places_cost_no_query(client, count_queries):
    """All the wishes match 2 places, fewer than 5: that step is dropped, and it must not load them for nothing."""
    answers = {**ANSWERS, "apprendre": ["atelier"], "public": ["senior"]}
    for _ in range(2):
        PlaceFactory(
            modalites_accompagnement=["Dans un atelier collectif"], publics_specifiquement_adresses=["Seniors"]
        )
    for _ in range(6):
        PlaceFactory()
    client.get(result_url(answers))  # builds the index of places once for the process
    with count_queries() as queries:
        page = client.get(result_url(answers)).content.decode()
    assert "Moins de 5 lieux proches ont tout ce que vous cherchez." in page
    assert len(queries) == 1


def test_nothing_is_stored_no_row_no_session_no_cookie(client):
    PlaceFactory.create_batch(6)
    counts = {model: model.objects.count() for model in apps.get_models()}

    responses = [
        client.get(reverse("diagnostic:start")),
        client.get(question_url("besoin", aller="suivant", besoin="demarches")),
        client.get(question_url("commune", ANSWERS, aller="suivant")),
        client.get(result_url()),
        client.get(f"{reverse('diagnostic:slip')}?{query(ANSWERS)}"),
    ]

    assert {model: model.objects.count() for model in apps.get_models()} == counts
    assert all(not response.cookies for response in responses)
    assert dict(client.session) == {}
    assert all("no-cache" in response["Cache-Control"] for response in responses[1:])


# --- The slip ---------------------------------------------------------------------------------------------------


def test_the_print_version_is_the_slip_alone_with_what_to_bring(client):
    PlaceFactory(nom="Maison France services", horaires="Mo-Fr 09:00-12:00")

    page = client.get(f"{reverse('diagnostic:slip')}?{query(ANSWERS)}").content.decode()

    assert 'class="mediane-slip"' in page
    assert "Fiche du 7 janvier 2025" in page
    assert "Maison France services" in page
    assert "Horaires : Du lundi au vendredi : de 9 h à 12 h" in page
    assert "Ce que vous pouvez apporter" in page and "Une pièce d&#x27;identité" in page
    assert 'class="mediane-no-print' in page
    assert "Fiche remise par" not in page


def test_what_to_bring_is_only_for_procedures(client):
    PlaceFactory(services=["Loisirs et créations numériques"])
    page = client.get(f"{reverse('diagnostic:slip')}?{query({**ANSWERS, 'besoin': ['loisirs']})}").content.decode()
    assert "Ce que vous pouvez apporter" not in page


def test_a_mediator_signs_the_slip_only_if_they_type_their_name(client):
    PlaceFactory()
    assisted = result_url(accompagne="1")
    page = client.get(assisted).content.decode()
    assert "Les lieux qui peuvent aider la personne" in page
    assert "Fiche remise par (facultatif)" in page

    page = client.get(result_url(accompagne="1", remise_par="Malik, médiathèque de la Part-Dieu")).content.decode()
    assert "La fiche indiquera : « Fiche remise par Malik, médiathèque de la Part-Dieu »." in page
    signed = query(ANSWERS, accompagne="1", remise_par="Malik, médiathèque de la Part-Dieu")
    slip = client.get(f"{reverse('diagnostic:slip')}?{signed}").content.decode()
    assert "Fiche remise par Malik, médiathèque de la Part-Dieu" in slip

    # Outside the assisted mode the name is ignored.
    slip = client.get(f"{reverse('diagnostic:slip')}?{query(ANSWERS, remise_par='Quelqu’un')}").content.decode()
    assert "Fiche remise par" not in slip


@needs_pdf
def test_the_slip_is_downloaded_as_a_pdf_with_the_places(client):
    import pypdfium2

    names = [f"Médiathèque Jean Macé {n}" for n in range(5)]
    for name in names:
        PlaceFactory(nom=name, telephone="+33478000000")

    response = client.get(f"{reverse('diagnostic:slip_pdf')}?{query(ANSWERS)}")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="fiche-orientation.pdf"'
    document = pypdfium2.PdfDocument(io.BytesIO(response.content))
    assert 1 <= len(document) <= 2
    text = "".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    for name in names:
        assert name in text
    assert "Ce que vous pouvez apporter" in text
    assert "Lyon 3e Arrondissement (69003)" in text


@needs_pdf
def test_the_slip_pdf_is_tagged_in_french_with_its_title(client):
    PlaceFactory(nom="Médiathèque Jean Macé", telephone="+33478000000")

    response = client.get(f"{reverse('diagnostic:slip_pdf')}?{query(ANSWERS)}")

    structure = read_structure(response.content)
    assert structure.tagged
    assert structure.lang == "fr"
    assert structure.title.startswith("Fiche d'orientation — ")
    assert {"H1", "H2", "P", "L", "LI"} <= structure.tags


def test_without_weasyprint_the_pdf_link_explains_and_offers_the_print_version(client, monkeypatch):
    def missing():
        raise pdf.PdfUnavailable(pdf.PDF_UNAVAILABLE)

    monkeypatch.setattr(pdf, "load_weasyprint", missing)
    PlaceFactory()

    response = client.get(f"{reverse('diagnostic:slip_pdf')}?{query(ANSWERS)}")

    assert response.status_code == 503
    page = response.content.decode()
    assert "Le PDF n'est pas disponible pour le moment" in page
    assert "Enregistrer au format PDF" in page
    assert "Pango" not in page
