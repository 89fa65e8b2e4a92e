"""The page of a place (/lieux/<pk>/): services, hours in French, contact, access, and the way back."""

import datetime as dt
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.structures.factories import PlaceFactory, StructureFactory


def page(client, place, **params):
    response = client.get(reverse("orientation:place", args=[place.pk]), params)
    assert response.status_code == 200
    return unescape(response.content.decode())


@pytest.fixture
def place(db):
    return PlaceFactory(
        nom="Médiathèque de la Part-Dieu",
        structure=StructureFactory(name="Bibliothèque municipale de Lyon"),
        complement_adresse="2e étage",
        telephone="+33478623000",
        courriels=["accueil@bm-lyon.fr"],
        site_web=["https://www.bm-lyon.fr", "javascript:alert(1)"],
        horaires="Mo-Fr 10:00-19:00; Sa 10:00-18:00",
        services=["Aide aux démarches administratives"],
        publics_specifiquement_adresses=["Seniors"],
        prise_en_charge_specifique=["Surdité"],
        frais_a_charge=["Gratuit"],
        modalites_acces=["Se présenter"],
        modalites_accompagnement=["Accompagnement individuel"],
        prise_rdv="https://rdv.example.org/part-dieu",
        fiche_acces_libre="https://acceslibre.beta.gouv.fr/app/69-lyon/a/bibliotheque/erp/part-dieu/",
        date_maj=dt.date(2024, 9, 12),
    )


def test_the_page_shows_everything_a_person_needs_to_go_there(client, place):
    html = page(client, place)
    assert "<h1>Médiathèque de la Part-Dieu</h1>" in html
    assert "Retour aux résultats" not in html
    assert "Bibliothèque municipale de Lyon" in html
    assert "30 boulevard Vivier-Merle, 2e étage<br>" in html
    assert "69003 Lyon 3e Arrondissement" in html
    for label in [
        "Faire ses démarches en ligne (CAF, impôts, santé, papiers)",
        "Personnes âgées",
        "Personnes sourdes ou qui entendent mal",
        "Gratuit",
        "Venir directement sur place",
        "Avec une personne, rien que pour vous",
    ]:
        assert f'<p class="fr-tag">{label}</p>' in html
    assert "Comment on vous aide" in html
    assert '<a href="tel:+33478623000">04 78 62 30 00</a>' in html
    assert '<a href="mailto:accueil@bm-lyon.fr">accueil@bm-lyon.fr</a>' in html
    assert 'href="https://www.bm-lyon.fr"' in html
    assert "javascript:" not in html
    assert 'href="https://rdv.example.org/part-dieu"' in html
    assert "Prendre rendez-vous en ligne" in html
    assert "fiche Acceslibre" in html
    assert "Informations de la source, mises à jour le 12 septembre 2024" in html


def test_hours_are_described_in_french_with_the_status_now(client, place, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 1, 7, 11, 0, tzinfo=dt.UTC))  # Tuesday, noon
    html = page(client, place)
    assert "Du lundi au vendredi : de 10 h à 19 h" in html
    assert "Samedi : de 10 h à 18 h" in html
    assert "Ouvert maintenant, jusqu'à 19 h" in html


def test_unreadable_hours_are_shown_as_written(client, db):
    place = PlaceFactory(horaires="Le mardi matin sur rendez-vous")
    assert "Horaires indiqués par le lieu : Le mardi matin sur rendez-vous" in page(client, place)


def test_a_place_without_hours_or_contact_says_what_to_do(client, db):
    place = PlaceFactory(horaires="", telephone="", courriels=[], site_web=[], prise_rdv="")
    html = page(client, place)
    assert "Ce lieu n'a pas indiqué ses horaires" in html
    assert "Ce lieu n'a pas indiqué de moyen de le contacter" in html


def raw_page(client, place, **params):
    return client.get(reverse("orientation:place", args=[place.pk]), params).content.decode()


def test_the_way_back_returns_to_the_persons_results(client, place):
    back = "/lieux/?commune=69003&services=Aide+aux+d%C3%A9marches+administratives&nombre=20#lieu-1"
    html = raw_page(client, place, retour=back)
    assert f'href="{back.replace("&", "&amp;")}">Retour aux résultats</a>' in html


def test_the_way_back_also_returns_to_the_diagnostics_result(client, place):
    back = "/orientation/resultat/?besoin=demarches&commune=Lyon&insee=69123"
    assert f'href="{back.replace("&", "&amp;")}">Retour aux résultats</a>' in raw_page(client, place, retour=back)


@pytest.mark.parametrize(
    "back",
    [
        "https://evil.example.org/lieux/?commune=69003",
        "//evil.example.org/lieux/?commune=69003",
        "/compte/login/?next=/",
        "/lieux/\\evil.example.org",
        "javascript:alert(1)",
        "/lieux/?" + "a" * 3000,
        "//[",  # what urlsplit cannot read (« Invalid IPv6 URL »): no server error
        "http://[::1",
    ],
)
def test_a_way_back_elsewhere_is_never_offered(client, place, back):
    html = raw_page(client, place, retour=back)
    assert "Retour aux résultats" not in html
    assert "evil.example.org" not in html and "javascript:" not in html
    assert f'href="/lieux/?insee=69383#lieu-{place.pk}"' in html


def test_without_results_the_way_back_searches_near_the_place(client, place):
    html = raw_page(client, place)
    assert f'href="/lieux/?insee=69383#lieu-{place.pk}">Voir les autres lieux près d\'ici</a>' in html


def test_the_name_is_shown_clean_and_the_structure_only_when_it_says_more(client, db):
    same = PlaceFactory(nom="MEDIATHEQUE JEAN MACE", structure=StructureFactory(name="Médiathèque Jean Macé"))
    html = page(client, same)
    assert "<h1>Médiathèque Jean Mace</h1>" in html
    assert "fr-text--lead fr-mb-2w" not in html


def test_an_overseas_phone_number_is_dialled_in_international_form(client, db):
    place = PlaceFactory(telephone="28 12 34", departement="988", code_postal="98800", code_insee="98818")
    assert '<a href="tel:+687281234">' in raw_page(client, place)


def test_an_unknown_place_is_a_404(client, db):
    assert client.get(reverse("orientation:place", args=[999999])).status_code == 404


def test_the_page_runs_two_queries_whatever_the_place(client, place, count_queries):
    bare = PlaceFactory(services=[], courriels=[], site_web=[])
    counts = []
    for one in (place, bare):
        with count_queries() as queries:
            client.get(reverse("orientation:place", args=[one.pk]))
        counts.append(len(queries))
    assert counts == [2, 2]  # the place, then its last changes


def test_hours_in_nouvelle_caledonie_are_read_in_noumea_time(client, db, monkeypatch):
    from django.utils import timezone

    place = PlaceFactory(horaires="Mo-Fr 08:00-12:00", departement="988", code_postal="98800", code_insee="98818")
    # Monday 2 September 2024, 22:00 UTC: Tuesday 9:00 in Nouméa, midnight in Paris.
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2024, 9, 2, 22, 0, tzinfo=dt.UTC))
    assert "Ouvert maintenant" in page(client, place)
