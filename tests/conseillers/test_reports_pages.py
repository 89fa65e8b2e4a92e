"""The adviser's activity pages: recording an individual accompaniment or a workshop with sensible defaults, the
service's French errors shown with the input kept, the list with its filters, duplicating, changing, deleting, the
adviser's own statistics and the structure's read-only list."""

import datetime as dt
import html
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mediane.conseillers.enums import RecruitmentStatus
from mediane.conseillers.forms_reports import period_start
from mediane.conseillers.models_reports import ActivityReport, ActivityReportQuerySet
from mediane.conseillers.services import ProgrammeError
from mediane.conseillers.services_reports import check_report, record_report
from mediane.conseillers.views_reports_statistics import time_spent
from tests.accounts.factories import UserFactory
from tests.conseillers.factories import (
    CandidateFactory,
    HostStructureFactory,
    adviser,
    programme_team,
    report,
    report_data,
    workshop_data,
)
from tests.structures.factories import PlaceFactory, StructureFactory

pytestmark = pytest.mark.django_db
NEW = reverse("conseillers:report_new")
LIST = reverse("conseillers:reports")


def text(page) -> str:
    return html.unescape(page.content.decode())


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def recruitment():
    return adviser()


@pytest.fixture
def client(recruitment):
    return client_of(recruitment.candidate.user)


def individual(**overrides):
    """What an adviser sends for the quickest accompaniment: the defaults, one thématique."""
    values = {
        "date": timezone.localdate().isoformat(),
        "duration": "30",
        "place_type": "domicile",
        "place_commune": "Villeurbanne",
        "thematiques": ["email"],
        "age_band": "non_communique",
        "social_status": "non_communique",
        "gender": "non_communique",
    }
    values.update(overrides)
    return values


def workshop(**overrides):
    values = {
        "date": timezone.localdate().isoformat(),
        "duration": "120",
        "place_type": "autre",
        "place_commune": "69100",
        "thematiques": ["securite_numerique"],
        "workshop_title": "Se protéger des arnaques",
        "participants": "6",
    }
    values.update(overrides)
    return values


def test_a_new_adviser_gets_today_thirty_minutes_and_another_place_in_their_structure_s_commune(client):
    page = client.get(NEW)
    assert page.status_code == 200
    form = page.context["form"]
    assert form["date"].value() == timezone.localdate()
    assert form["duration"].value() == "30"
    assert form["place_type"].value() == "autre"
    assert form["place_commune"].value() == "69100 Villeurbanne"
    assert "Aucun lieu d'activité de votre structure" in text(page)


def test_the_structure_s_places_in_the_directory_are_offered_and_the_last_place_comes_back(recruitment, client):
    structure = StructureFactory()
    recruitment.host.structure = structure
    recruitment.host.save()
    library, annex = PlaceFactory(structure=structure), PlaceFactory(structure=structure)
    page = client.get(NEW)
    assert [c[0] for c in page.context["form"].fields["place"].choices] == ["", str(library.pk), str(annex.pk)]
    assert page.context["form"]["place_type"].value() == "lieu_activite"
    sent = client.post(NEW, individual(place_type="lieu_activite", place=str(annex.pk), place_commune=""))
    assert sent.status_code == 302
    assert ActivityReport.objects.get().place == annex
    again = client.get(NEW).context["form"]
    assert (again["place_type"].value(), again["place"].value()) == ("lieu_activite", str(annex.pk))


def test_the_form_s_places_and_defaults_are_read_through_the_visibility_rule(recruitment, client):
    """A report the rule hides is never used to fill the form: neither its place nor its kind of place."""
    place = PlaceFactory()
    report(recruitment, place_type="lieu_activite", place=place, place_commune="")
    with mock.patch.object(ActivityReportQuerySet, "readable_by", lambda reports, user: reports.none()):
        form = client.get(NEW).context["form"]
    assert str(place.pk) not in [str(choice[0]) for choice in form.fields["place"].choices]
    assert form["place_type"].value() == "autre"
    form = client.get(NEW).context["form"]
    assert (form["place_type"].value(), form["place"].value()) == ("lieu_activite", str(place.pk))


def test_recording_an_accompaniment_leads_to_the_list_with_duplicate_and_record_another(client):
    sent = client.post(NEW, individual(procedures=["logement"], tags="CAF, logement", first_visit="on"))
    saved = ActivityReport.objects.get()
    assert sent.url == f"{LIST}?enregistre={saved.pk}"
    assert saved.thematiques == ["email", "aide_aux_demarches_administratives", "logement"]
    assert saved.tags == ["CAF", "logement"]
    assert saved.first_visit and saved.duration == 30
    assert (saved.place_commune, saved.place_insee_code) == ("Villeurbanne", "69266")
    page = text(client.get(sent.url))
    assert "est enregistré" in page
    assert reverse("conseillers:report_duplicate", args=[saved.pk]) in page
    assert "Enregistrer un autre accompagnement" in page


def test_choosing_where_the_person_was_sent_is_enough_to_say_they_were_redirected(client):
    client.post(NEW, individual(redirection="aide_sociale"))
    saved = ActivityReport.objects.get()
    assert (saved.redirected, saved.redirection) == (True, "aide_sociale")


def test_a_place_of_the_directory_to_redirect_to_is_chosen_among_the_departement_s(client):
    here, elsewhere = PlaceFactory(nom="Maison France Services"), PlaceFactory(departement="75")
    choices = [value for value, _ in client.get(NEW).context["form"].fields["redirection_place"].choices]
    assert str(here.pk) in choices
    assert str(elsewhere.pk) not in choices
    client.post(NEW, individual(redirected="on", redirection_place=str(here.pk)))
    assert ActivityReport.objects.get().redirection_place == here
    page = client.post(NEW, individual(redirected="on", redirection_place=str(elsewhere.pk)))
    assert "Choisissez un lieu de la liste." in text(page)


def test_another_duration_typed_replaces_the_quick_choice(client):
    client.post(NEW, individual(other_duration="20"))
    assert ActivityReport.objects.get().duration == 20


@pytest.mark.parametrize(
    ("sent", "message"),
    [
        ({"date": "2099-01-01"}, "choisissez une date entre"),
        ({"date": (timezone.localdate() + dt.timedelta(days=2)).isoformat()}, "ne peut pas être dans le futur"),
        ({"other_duration": "0"}, "La durée doit être comprise entre 1 minute et 8 heures"),
        ({"other_duration": "500"}, "vous avez indiqué 500 minutes"),
        ({"thematiques": []}, "Choisissez au moins une thématique."),
        ({"place_type": "lieu_activite"}, "Choisissez le lieu d'activité"),
        ({"redirected": "on"}, "choisissez vers quel type de structure"),
    ],
)
def test_an_individual_report_is_refused_in_french_with_what_was_typed_kept(client, sent, message):
    page = client.post(NEW, individual(notes="Mme B., déclaration", **sent))
    assert page.status_code == 200
    assert message in text(page)
    assert page.context["form"]["notes"].value() == "Mme B., déclaration"
    assert not ActivityReport.objects.exists()


def test_a_workshop_without_participants_reads_the_service_s_message_not_a_generic_one(client):
    page = client.post(f"{NEW}?type=collectif", workshop(participants=""))
    shown = text(page)
    assert "Un atelier collectif compte au moins un participant" in shown
    assert "Ce champ est obligatoire" not in shown
    assert page.context["form"]["workshop_title"].value() == "Se protéger des arnaques"


def test_a_workshop_is_recorded_with_its_participants_breakdown(client):
    client.post(
        f"{NEW}?type=collectif",
        workshop(nombre_age_band_soixante_dix_plus="4", nombre_gender_feminin="5", workshop_level="debutant"),
    )
    saved = ActivityReport.objects.get()
    assert (saved.kind, saved.participants, saved.workshop_level) == ("collectif", 6, "debutant")
    assert saved.participant_counts == {"age_band": {"soixante_dix_plus": 4}, "gender": {"feminin": 5}}


def test_a_breakdown_larger_than_the_workshop_is_refused(client):
    page = client.post(f"{NEW}?type=collectif", workshop(nombre_gender_feminin="9"))
    assert "plus que les 6 participants" in text(page)


def test_an_individual_report_posted_with_a_participant_count_gets_the_service_s_error(client):
    page = client.post(NEW, individual(participants="5"))
    assert "concerne une seule personne : vous avez indiqué 5 participants" in text(page)
    assert not ActivityReport.objects.exists()
    assert client.post(NEW, individual(participants="cinq")).status_code == 200
    assert not ActivityReport.objects.exists()


def test_sending_the_same_form_twice_saves_the_report_once(client):
    token = client.get(NEW).context["form"]["jeton"].value()
    first = client.post(NEW, individual(jeton=token))
    again = client.post(NEW, individual(jeton=token), follow=True)
    assert first.status_code == 302
    assert ActivityReport.objects.count() == 1
    assert again.redirect_chain[-1][0] == LIST
    assert "Ce compte rendu était déjà enregistré" in text(again)
    assert client.post(NEW, individual(jeton=client.get(NEW).context["form"]["jeton"].value())).status_code == 302
    assert ActivityReport.objects.count() == 2


def test_a_refused_form_corrected_and_sent_with_its_token_is_saved(client):
    token = client.get(NEW).context["form"]["jeton"].value()
    assert client.post(NEW, individual(jeton=token, place_type="lieu_activite")).status_code == 200
    assert client.post(NEW, individual(jeton=token)).status_code == 302
    assert ActivityReport.objects.count() == 1


@pytest.mark.parametrize(
    ("sent", "field", "target", "message"),
    [
        ({"date": (timezone.localdate() + dt.timedelta(days=40)).isoformat()}, "date", "id_date", "dans le futur"),
        ({"duration": "autre", "other_duration": "0"}, "other_duration", "id_other_duration", "entre 1 minute"),
        ({"other_duration": "481"}, "other_duration", "id_other_duration", "vous avez indiqué 481 minutes"),
        ({"thematiques": []}, "thematiques", "id_thematiques-fieldset", "Choisissez au moins une thématique."),
    ],
)
def test_a_service_check_marks_its_field_and_the_alert_links_to_it(client, sent, field, target, message):
    page = client.post(NEW, individual(**sent))
    shown = text(page)
    form = page.context["form"]
    assert message in " ".join(form[field].errors)
    assert not form.non_field_errors()
    assert "Le compte rendu n'est pas encore enregistré" in shown
    assert "Ce n'est pas encore fait" not in shown
    assert f'<a href="#{target}">' in shown
    if field == "thematiques":
        assert 'class="fr-fieldset fr-fieldset--error" id="id_thematiques-fieldset"' in shown
    else:
        before, after = shown.split(f'id="{target}"')
        control = before.rsplit("<input", 1)[-1] + after.split(">")[0]
        assert 'aria-invalid="true"' in control
        assert shown.count("fr-input-group--error") == 1


@pytest.mark.parametrize(
    ("sent", "message"),
    [
        ({"thematiques": ["piratage"]}, "Thématiques : « piratage » n'est pas dans la liste"),
        ({"duration": "-30"}, "Durée : choisissez une durée de la liste"),
        ({"tags": "x" * 600}, "Les étiquettes comptent au plus 500 caractères en tout : vous en avez écrit 600."),
        ({"autonomie": "pirate"}, "Autonomie de la personne : choisissez dans la liste."),
        ({"notes": "n" * 6000}, "Les notes comptent au plus 5\u202f000 caractères : vous en avez écrit 6\u202f000."),
    ],
)
def test_a_raw_post_is_refused_in_french_naming_the_field(client, sent, message):
    page = client.post(NEW, individual(**sent))
    shown = text(page)
    assert message in shown
    assert "choix valide" not in shown and "Assurez-vous" not in shown
    assert not ActivityReport.objects.exists()


def test_the_form_says_the_notes_limit_and_who_reads_them(client):
    shown = text(client.get(NEW))
    assert "5\u202f000 caractères au plus" in shown
    assert "Vous seul·e les lisez" in shown


def test_the_recording_page_offers_enregistrer_right_after_the_thematiques_and_the_place(client):
    shown = text(client.get(NEW))
    button = '<button type="submit" class="fr-btn">Enregistrer</button>'
    assert shown.index('name="duration"') < shown.index('name="thematiques"') < shown.index('name="place_type"')
    assert shown.index('name="place_commune"') < shown.index(button) < shown.index('name="procedures"')
    assert shown.index('name="materiel"') < shown.index(button, shown.index(button) + 1)
    assert (
        '<div class="fr-checkbox-group fr-checkbox-group--sm fr-mb-3w">\n  <input type="checkbox" id="id_redirected"'
        in shown
    )


def test_the_detail_of_one_person_says_non_communique_without_heterogene(recruitment, client):
    saved = report(recruitment, age_band="non_communique", social_status="non_communique", gender="non_communique")
    shown = text(client.get(reverse("conseillers:report_detail", args=[saved.pk])))
    assert "Non communiqué · Non communiqué · Non communiqué" in shown
    assert "hétérogène" not in shown


def test_an_individual_report_with_a_participant_count_is_refused_by_the_service():

    with pytest.raises(ProgrammeError, match="concerne une seule personne"):
        check_report(report_data(participants=3))


def test_duplicating_prefills_a_new_report_dated_today_without_the_person(recruitment, client):
    original = report(recruitment, thematiques=["sante"], duration=45, notes="Privé")
    url = reverse("conseillers:report_duplicate", args=[original.pk])
    page = client.get(url)
    form = page.context["form"]
    assert "Copie du compte rendu du" in text(page)
    assert (form["date"].value(), form["duration"].value(), form["thematiques"].value()) == (
        timezone.localdate(),
        "45",
        ["sante"],
    )
    assert form["age_band"].value() == "non_communique"
    assert form["notes"].value() == ""
    client.post(url, individual(thematiques=["sante"], duration="45"))
    assert ActivityReport.objects.count() == 2


def test_changing_a_report_keeps_it_and_its_other_duration(recruitment, client):
    mine = report(recruitment, duration=25)
    url = reverse("conseillers:report_edit", args=[mine.pk])
    form = client.get(url).context["form"]
    assert (form["duration"].value(), form["other_duration"].value()) == ("autre", 25)
    client.post(url, individual(duration="60"))
    mine.refresh_from_db()
    assert mine.duration == 60
    assert ActivityReport.objects.count() == 1


def test_deleting_asks_first_then_removes_the_report(recruitment, client):
    mine = report(recruitment)
    url = reverse("conseillers:report_delete", args=[mine.pk])
    assert "Supprimer le compte rendu" in text(client.get(url))
    assert ActivityReport.objects.exists()
    assert client.post(url).status_code == 302
    assert not ActivityReport.objects.exists()


def test_the_list_filters_by_period_type_and_thematique_and_ignores_nonsense(recruitment, client):
    old = report(recruitment, date=timezone.localdate() - dt.timedelta(days=400), thematiques=["sante"])
    recent = report(recruitment, thematiques=["email", "sante"])
    assert list(client.get(LIST).context["page"]) == [recent, old]
    assert list(client.get(LIST, {"periode": "12-mois"}).context["page"]) == [recent]
    assert list(client.get(LIST, {"thematique": "sante"}).context["page"]) == [recent, old]
    assert list(client.get(LIST, {"thematique": "email"}).context["page"]) == [recent]
    assert list(client.get(LIST, {"type": "collectif"}).context["page"]) == []
    nonsense = client.get(LIST, {"periode": "2026-13", "type": "x", "page": "abc", "enregistre": "zz"})
    assert nonsense.status_code == 200
    assert list(nonsense.context["page"]) == [recent, old]


def test_someone_never_recruited_is_told_what_the_pages_are_for_and_how_to_become_an_adviser():
    client = client_of(UserFactory())
    for name in ("reports", "report_new", "my_statistics"):
        page = client.get(reverse(f"conseillers:{name}"))
        assert page.status_code == 200
        assert "Devenir conseiller ou conseillère numérique" in text(page)


def test_the_adviser_s_statistics_count_activities_people_and_hours_by_period(recruitment, client):
    report(recruitment, duration=60, thematiques=["email", "logement"])
    report(recruitment, date=timezone.localdate() - dt.timedelta(days=200), duration=30)

    record_report(workshop_data(participants=5), by=recruitment.candidate.user, recruitment=recruitment)
    url = reverse("conseillers:my_statistics")
    page = client.get(url, {"periode": "tout"})
    every = page.context
    assert (every["activities"], every["people"], every["minutes"]) == (3, 7, 210)
    assert "<strong>3 h 30 min</strong> passées à accompagner" in text(page)
    year = client.get(url, {"periode": "12-mois"}).context
    assert year["activities"] == 3
    month = client.get(url, {"periode": "n'importe"})
    assert month.context["period"] == "mois"
    by = {b.slug: {bar.label: bar.value for bar in b.chart.bars} for b in every["breakdowns"]}
    assert by["type"] == {"Accompagnement individuel": 2, "Atelier collectif": 1}
    assert by["mission"]["Rendre autonome pour les démarches en ligne"] == 1
    assert by["age"]["Non communiqué"] == 5


@pytest.mark.parametrize(
    ("minutes", "shown"), [(612, "10 h 12 min"), (45, "45 min"), (60, "1 h"), (0, "0 min"), (72_300, "1\u202f205 h")]
)
def test_the_statistics_write_hours_and_minutes_not_decimal_hours(minutes, shown):
    assert time_spent(minutes) == shown


def test_the_structure_s_managers_read_their_advisers_reports_filtered_by_adviser(recruitment):
    colleague = adviser(host=recruitment.host)
    mine, theirs = report(recruitment), report(colleague)
    report(adviser(host=HostStructureFactory()))
    manager = client_of(recruitment.host.managers.get())
    url = reverse("conseillers:host_reports", args=[recruitment.host.pk])
    assert set(manager.get(url).context["page"]) == {mine, theirs}
    only = manager.get(url, {"conseiller": str(colleague.candidate.user_id)})
    assert list(only.context["page"]) == [theirs]
    assert manager.get(url, {"conseiller": "abc"}).status_code == 200


def test_the_structure_s_list_finds_its_advisers_without_reading_every_report(recruitment):
    """A former adviser who reported here stays in the adviser filter; the query asks whether a report exists
    rather than joining every report of the structure."""
    former = adviser(host=recruitment.host)
    report(former)
    former.status = RecruitmentStatus.ENDED
    former.save(update_fields=["status"])
    url = reverse("conseillers:host_reports", args=[recruitment.host.pk])
    manager = client_of(recruitment.host.managers.get())
    with CaptureQueriesContext(connection) as queries:
        page = manager.get(url)
    assert str(former.candidate.user_id) in dict(page.context["form"].fields["conseiller"].choices)
    advisers = [q["sql"] for q in queries.captured_queries if 'FROM "conseillers_recruitment"' in q["sql"]]
    assert advisers
    assert not any("DISTINCT" in sql.upper() for sql in advisers)
    assert all("EXISTS" in sql.upper() for sql in advisers)


@pytest.mark.parametrize("name", ["reports", "host_reports"])
def test_the_lists_make_as_many_queries_for_two_reports_as_for_sixty(recruitment, name, django_assert_max_num_queries):
    structure = StructureFactory()
    recruitment.host.structure = structure
    recruitment.host.save()
    place = PlaceFactory(structure=structure)
    user = recruitment.candidate.user if name == "reports" else recruitment.host.managers.get()
    url = reverse(f"conseillers:{name}", args=[] if name == "reports" else [recruitment.host.pk])
    for _ in range(2):
        report(recruitment, place_type="lieu_activite", place=place, place_commune="")
    client = client_of(user)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(58):
        report(recruitment, thematiques=["sante", "email"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url)
    assert len(page.context["page"].object_list) == 50


def test_the_statistics_make_as_many_queries_for_one_report_as_for_forty(
    recruitment, client, django_assert_max_num_queries
):
    url = reverse("conseillers:my_statistics")
    report(recruitment)
    with django_assert_max_num_queries(30) as few:
        client.get(url, {"periode": "tout"})
    for _ in range(39):
        report(recruitment, thematiques=["sante", "logement"], duration=90)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url, {"periode": "tout"}).context["activities"] == 40


def test_an_adviser_finds_their_activities_from_their_account_and_the_programme_s_home(recruitment, client):
    link = f'href="{LIST}"'
    assert link in client.get(reverse("accounts:profile")).content.decode()
    assert link in client.get(reverse("conseillers:candidate_profile")).content.decode()
    assert link in client.get(reverse("conseillers:home")).content.decode()
    candidate = client_of(CandidateFactory().user)
    assert link not in candidate.get(reverse("conseillers:candidate_profile")).content.decode()


def test_a_structure_with_an_adviser_in_post_links_to_their_activities(recruitment):
    manager = client_of(recruitment.host.managers.get())
    page = manager.get(recruitment.host.get_absolute_url()).content.decode()
    assert reverse("conseillers:host_reports", args=[recruitment.host.pk]) in page
    assert "Activités de vos conseillers" in page
    team = client_of(programme_team()).get(recruitment.host.get_absolute_url()).content.decode()
    assert "Activités des conseillers numériques" in team
    assert "Activités de vos conseillers" not in team


def test_the_statistics_give_a_thematique_s_share_of_the_activities_and_say_so(recruitment, client):
    report(recruitment, thematiques=["email", "logement"])
    report(recruitment, thematiques=["email"])
    page = client.get(reverse("conseillers:my_statistics"), {"periode": "tout"})
    found = {b.slug: b for b in page.context["breakdowns"]}
    shares = {bar.label: bar.share for bar in found["thematique"].chart.bars}
    assert list(shares.values()) == ["100,0\xa0%", "50,0\xa0%"]
    assert "Une activité peut compter plusieurs thématiques" in text(page)
    assert "Une activité peut compter plusieurs missions" in text(page)
    assert not found["type"].note
    assert [bar.share for bar in found["type"].chart.bars] == ["100,0\xa0%"]
    assert [bar.label for bar in found["redirection"].chart.bars] == ["Pas de réorientation"]
    assert [bar.label for bar in found["canal"].chart.bars] == ["À domicile"]


def test_the_pages_use_one_verb_to_record_and_ask_where_in_plain_words(recruitment, client):
    pages = [client.get(LIST), client.get(NEW), client.get(NEW, {"type": "collectif"})]
    written = " ".join(text(page) for page in pages)
    assert "Enregistrer un accompagnement individuel" in written
    assert "Enregistrer un atelier collectif" in written
    assert "Noter" not in written
    assert "canal" not in written.lower()
    assert pages[1].context["form"]["place_type"].label == "Où ?"


def test_the_adviser_s_list_links_to_both_exports_and_the_import_with_its_filters(recruitment, client):
    report(recruitment)
    page = text(client.get(LIST, {"type": "individuel"}))
    for fmt, words in (("xlsx", "Exporter (Excel)"), ("csv", "Exporter (CSV)")):
        assert f'href="{reverse("conseillers:reports_export", args=[fmt])}?type=individuel"' in page
        assert words in page
    assert f'href="{reverse("conseillers:reports_import")}"' in page


@pytest.mark.parametrize("persona", ["manager", "team"])
def test_the_structure_s_list_names_the_structure_and_links_to_both_its_exports_with_its_filters(recruitment, persona):
    report(recruitment)
    user = recruitment.host.managers.get() if persona == "manager" else programme_team()
    page = text(
        client_of(user).get(reverse("conseillers:host_reports", args=[recruitment.host.pk]), {"type": "collectif"})
    )
    assert f"<h1>Activités des conseillers numériques de {recruitment.host.name}</h1>" in page
    assert "vos conseillers" not in page
    for fmt, words in (("xlsx", "Exporter (Excel)"), ("csv", "Exporter (CSV)")):
        assert (
            f'href="{reverse("conseillers:host_reports_export", args=[recruitment.host.pk, fmt])}?type=collectif"'
            in page
        )
        assert words in page


@pytest.mark.parametrize(
    ("today", "starts"),
    [
        (
            dt.date(2026, 1, 31),
            {"mois": dt.date(2026, 1, 1), "3-mois": dt.date(2025, 11, 1), "12-mois": dt.date(2025, 2, 1)},
        ),
        (
            dt.date(2026, 12, 6),
            {"mois": dt.date(2026, 12, 1), "3-mois": dt.date(2026, 10, 1), "12-mois": dt.date(2026, 1, 1)},
        ),
    ],
)
def test_a_period_starts_on_the_first_of_a_month_counted_back_across_the_year(today, starts):
    assert {period: period_start(period, today) for period in starts} == starts
    assert period_start("tout", today) is None


def test_the_filters_keep_the_dates_without_showing_labels_for_hidden_fields(recruitment, client):
    page = text(client.get(LIST, {"du": "2026-01-01", "au": "2026-03-31"}))
    assert '<input type="hidden" name="du" value="2026-01-01"' in page
    assert ">Du<" not in page.replace(" ", "").replace("\n", "")
    assert ">Au<" not in page.replace(" ", "").replace("\n", "")
