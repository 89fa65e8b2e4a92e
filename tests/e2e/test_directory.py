"""Journey: a person looks for a place near home by the name of their town, keeps those offering one service,
opens one and comes back to the results. With JavaScript and a tile server the map shows the same places, and the
keyboard goes through it and out of it; without JavaScript the list alone does the job. axe-core audits every
page."""

import re

import pytest
from playwright.sync_api import expect

from mediane.orientation import search
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import BLANK_PNG, choose, follow
from tests.structures.factories import PlaceFactory

pytestmark = E2E_MARKS

HELP = "Aide aux démarches administratives"
LEISURE = "Loisirs et créations numériques"
TILES = "https://tiles.example.org/{z}/{x}/{y}.png"
# A 1×1 transparent PNG stands in for every tile: the journey never leaves the machine.


def places():
    lyon = search.resolve_commune("69003")
    near = PlaceFactory(
        nom="Espace numérique Part-Dieu",
        latitude=lyon.latitude + 0.005,
        longitude=lyon.longitude,
        services=[HELP],
        horaires="Mo-Su 00:00-24:00",
    )
    fablab = PlaceFactory(
        nom="Fablab de la Guillotière",
        latitude=lyon.latitude + 0.02,
        longitude=lyon.longitude,
        services=[LEISURE, HELP],
        telephone="+33478623000",
    )
    far = PlaceFactory(nom="Médiathèque de Vaise", latitude=lyon.latitude + 0.04, longitude=lyon.longitude)
    return near, fablab, far


def search_and_open_a_place(page, javascript):
    near, fablab, far = places()
    page.goto("/lieux/")
    assert_accessible(page)
    page.get_by_label("Votre commune").fill("Lyon 3")
    follow(page.get_by_role("button", name="Rechercher", exact=True))
    expect(page.locator("h1")).to_have_text("Trouver un lieu d'aide au numérique")
    assert_accessible(page)
    list_ = page.locator("#liste-lieux")
    expect(list_.locator("h4")).to_have_text([near.nom, fablab.nom, far.nom])
    expect(list_).to_contain_text("Ouvert 24 h sur 24")

    # Keep the places that offer leisure and creation.
    page.locator("summary").click()
    choose(page, "Photos, vidéos, jeux et créations")
    follow(page.get_by_role("button", name="Rechercher avec ces critères"))
    expect(page).to_have_url(re.compile(r"services=Loisirs"))
    assert_accessible(page)
    expect(page.locator("#liste-lieux h4")).to_have_text([fablab.nom])

    follow(page.get_by_role("link", name=fablab.nom))
    expect(page.locator("h1")).to_have_text(fablab.nom)
    assert_accessible(page)
    expect(page.get_by_role("link", name="04 78 62 30 00")).to_have_attribute("href", "tel:+33478623000")

    follow(page.get_by_role("link", name="Retour aux résultats").first)
    assert_accessible(page)
    expect(page.locator("#liste-lieux h4")).to_have_text([fablab.nom])
    return near, fablab, far


@pytest.mark.parametrize("phone", [False, True], ids=["bureau", "telephone"])
def test_without_javascript_the_list_alone_finds_a_place(browse, settings, phone):
    settings.MEDIANE_MAP_TILES_URL = TILES
    page = browse(javascript=False, phone=phone)
    search_and_open_a_place(page, javascript=False)
    expect(page.locator("#carte")).to_be_hidden()


@pytest.mark.parametrize("tiles", ["", TILES], ids=["sans-carte", "avec-carte"])
def test_with_javascript_the_map_shows_the_same_places_and_lets_the_keyboard_through(browse, settings, tiles):
    settings.MEDIANE_MAP_TILES_URL = tiles
    page = browse(javascript=True)
    page.route("https://tiles.example.org/**", lambda route: route.fulfill(body=BLANK_PNG, content_type="image/png"))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    search_and_open_a_place(page, javascript=True)
    if not tiles:
        expect(page.locator("#carte")).to_have_count(0)
        assert errors == []
        return

    page.goto("/lieux/?commune=69003")
    assert_accessible(page)
    expect(page.locator("#carte")).to_be_visible()
    markers = page.locator("#carte-lieux .leaflet-marker-icon")
    expect(markers).to_have_count(3)
    expect(markers.first).to_have_attribute("alt", "1. Espace numérique Part-Dieu, à 560 m")

    # The keyboard enters the map, opens a marker's bubble, then leaves the map with Tab alone.
    page.locator("#carte-lieux").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Espace numérique Part-Dieu")
    left = False
    for _ in range(15):
        page.keyboard.press("Tab")
        inside = page.evaluate("document.getElementById('carte-lieux').contains(document.activeElement)")
        if not inside:
            left = True
            break
    assert left, "la touche Tab reste prisonnière de la carte"
    assert errors == []
