"""The actions' CSV: the export, and the import that checks every line first and writes all or nothing."""

from decimal import Decimal

import pytest
from django.urls import reverse

from mediane import spreadsheets
from mediane.roadmap import services, services_bulk
from mediane.roadmap.models import Action, ActionUpdate
from mediane.roadmap.services import ActionData
from tests.consultation.factories import ContributionFactory
from tests.roadmap.factories import AxisFactory, StageFactory, StatusFactory
from tests.structures.factories import StructureFactory
from tests.workinggroup.factories import DecisionFactory

pytestmark = pytest.mark.django_db

HEADER = services_bulk.COLUMNS


@pytest.fixture
def place():
    return {"stage": StageFactory(title="Élaboration"), "axis": AxisFactory(title="Formation des équipes")}


def csv_bytes(rows, delimiter=",", bom=False) -> bytes:
    return spreadsheets.csv_text(rows, header=HEADER, delimiter=delimiter, bom=bom).encode()


def line(**cells):
    defaults = {"etape": "Élaboration", "axe": "Formation des équipes", "titre": "Une action"}
    return [{**defaults, **cells}.get(name, "") for name in HEADER]


def exported() -> bytes:
    return "".join(spreadsheets.iter_csv(services_bulk.export_rows(), header=HEADER, bom=True)).encode()


def snapshot():
    return [
        (a.pk, a.parent_id, a.title, a.progress, a.weight, a.status_id, a.updated_at, a.start_date)
        for a in Action.objects.order_by("pk")
    ] + [ActionUpdate.objects.count()]


def build_tree(place):
    status = StatusFactory(name="Engagée", default_progress=20)
    structure = StructureFactory(name="Médiathèque de Lens", siret="")
    root = services.create_action(None, ActionData(title="Former, les équipes", **place, status=status))
    a = services.create_action(
        None, ActionData(title="A", **place, parent=root, progress=100, weight=Decimal("2.5"), owners=[structure])
    )
    services.create_action(None, ActionData(title="B", **place, parent=root, progress=33))
    services.set_links(
        None,
        a,
        contributions=[ContributionFactory(), ContributionFactory(hidden=True)],
        decisions=[DecisionFactory()],
        topics=[],
    )
    return root


def test_an_exported_file_imported_as_it_is_changes_nothing(place):
    build_tree(place)
    before = snapshot()
    report = services_bulk.import_actions(None, exported())
    assert report.errors == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert snapshot() == before
    # The link to the hidden contribution, absent from the file, is kept.
    assert Action.objects.get(title="A").contributions.count() == 2


def test_an_import_creates_rows_with_parents_by_reference_and_updates_existing_ones(place):
    root = build_tree(place)
    StatusFactory(name="Terminée bis", default_progress=100)
    data = csv_bytes(
        [
            line(ref="nouvelle-1", titre="Nouvelle parente", parent_id=str(root.pk)),
            line(parent_id="nouvelle-1", titre="Nouvelle feuille", avancement="50", poids="1,5", debut="01/02/2021"),
            line(id=str(root.pk), titre="Former les équipes (renommée)"),
        ],
        delimiter=";",
        bom=True,
    )
    report = services_bulk.import_actions(None, data)
    assert report.errors == []
    assert (report.created, report.updated) == (2, 1)
    parent = Action.objects.get(title="Nouvelle parente")
    leaf = Action.objects.get(title="Nouvelle feuille")
    assert (leaf.parent, leaf.progress, leaf.weight) == (parent, 50, Decimal("1.50"))
    assert parent.progress == 50
    root.refresh_from_db()
    assert root.title == "Former les équipes (renommée)"
    assert root.progress == round((100 * 2.5 + 33 + 50) / 4.5)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [line(etape="Elaboratoin")],
            "Ligne 2 : L'étape « Elaboratoin » n'existe pas. Vouliez-vous dire « 2020 : Élaboration » ?",
        ),
        ([line(axe="Inconnu")], "Ligne 2 : L'axe « Inconnu » n'existe pas."),
        ([line(statut="Fini")], "Ligne 2 : Le statut « Fini » n'existe pas."),
        ([line(avancement="120")], "Ligne 2 : L'avancement doit être compris entre 0 et 100."),
        ([line(avancement="²")], "Ligne 2 : L'avancement : « ² » n'est pas un chiffre de 0 à 9."),
        ([line(poids="0")], "Ligne 2 : Le poids est un nombre plus grand que 0"),
        ([line(debut="32/01/2020")], "Ligne 2 : La date de début « 32/01/2020 » ne se lit pas"),
        ([line(debut="01/02/2021", fin="01/01/2021")], "Ligne 2 : la date de fin est avant la date de début"),
        ([line(parent_id="999999")], "Ligne 2 : l'action parente n° 999999 n'existe pas."),
        ([line(parent_id="inconnue")], "Ligne 2 : l'action parente « inconnue » n'est la référence d'aucune ligne."),
        ([line(id="999999")], "Ligne 2 : l'action n° 999999 n'existe pas."),
        ([line(contributions="999999")], "Ligne 2 : la contribution n° 999999 n'existe pas ou n'est pas publiée."),
        ([line(contributions="²")], "Ligne 2 : Le numéro de contribution : « ² » n'est pas un chiffre de 0 à 9."),
        ([line(sujets="9" * 40)], "Ligne 2 : Le numéro de sujet doit être compris entre 1 et"),
        ([line(decisions="9.9")], "Ligne 2 : la décision « 9.9 » n'existe pas"),
        ([line(sujets="999999")], "Ligne 2 : le sujet n° 999999 n'existe pas"),
        ([line(structures="Nulle part")], "Ligne 2 : la structure « Nulle part » n'existe pas"),
        ([line(titre="")], "Ligne 2 : Le titre est vide"),
        ([line(titre="a\x1bb")], "Ligne 2 : "),
        (
            [line(ref="x1", parent_id="x2", titre="Un"), line(ref="x2", parent_id="x1", titre="Deux")],
            "Ligne 2 : « Un » se retrouverait parmi ses propres sous-actions",
        ),
        (
            [line(ref="p", titre="Parente", avancement="10"), line(parent_id="p", avancement="40")],
            "Ligne 2 : l'avancement de « Parente » se calcule à partir de ses sous-actions (40 %)",
        ),
        ([line(ref="a1"), line(ref="A1")], "Ligne 3 : la référence « A1 » figure déjà ligne 2."),
    ],
)
def test_a_bad_line_gives_its_numbered_french_error_and_nothing_is_imported(place, rows, message):
    report = services_bulk.import_actions(None, csv_bytes(rows))
    assert any(error.startswith(message) for error in report.errors), report.errors
    assert not Action.objects.exists()


def test_every_error_of_the_file_is_listed_with_its_line(place):
    data = csv_bytes([line(titre="Bonne"), line(avancement="300"), line(), line(axe="Inconnu", debut="hier")])
    report = services_bulk.import_actions(None, data)
    assert [error.split(" : ")[0] for error in report.errors] == ["Ligne 3", "Ligne 5", "Ligne 5"]
    assert not Action.objects.exists()


def test_a_cycle_with_existing_actions_is_refused(place):
    root = services.create_action(None, ActionData(title="Racine", **place))
    child = services.create_action(None, ActionData(title="Enfant", **place, parent=root))
    report = services_bulk.import_actions(
        None, csv_bytes([line(id=str(root.pk), titre="Racine", parent_id=str(child.pk))])
    )
    assert report.errors[0].startswith("Ligne 2 : « Racine » se retrouverait parmi ses propres sous-actions")
    assert Action.objects.get(pk=root.pk).parent_id is None


def test_duplicate_ids_are_refused(place):
    action = services.create_action(None, ActionData(title="Une", **place))
    report = services_bulk.import_actions(None, csv_bytes([line(id=str(action.pk)), line(id=str(action.pk))]))
    assert f"Ligne 3 : l'action n° {action.pk} figure déjà ligne 2." in report.errors


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe\x00t", "Ce fichier n'est pas encodé en UTF-8"),
        (b"", "Ce fichier est vide."),
        (b"titre,axe\r\nUne,Formation\r\n", "Ligne 1 : il manque la colonne « etape »"),
        (b"titre,axe,etape,avancment\r\nUne,Formation,2020,3\r\n", "Ligne 1 : la colonne « avancment » est inconnue"),
        (b"etape,axe,titre\r\n", "Ce fichier n'a aucune ligne d'action"),
        (b"x" * (services_bulk.MAX_BYTES + 1), "Ce fichier pèse"),
    ],
)
def test_a_malformed_file_is_refused_with_a_french_message(place, data, message):
    report = services_bulk.import_actions(None, data)
    assert report.errors[0].startswith(message), report.errors


def test_too_many_rows_are_refused(place, monkeypatch):
    monkeypatch.setattr(services_bulk, "MAX_ROWS", 2)
    report = services_bulk.import_actions(None, csv_bytes([line(), line(), line()]))
    assert report.errors == ["Ce fichier a 3 lignes : 2 au plus. Découpez-le en plusieurs."]


def test_a_dry_run_checks_and_writes_nothing(place):
    report = services_bulk.import_actions(None, csv_bytes([line()]), dry_run=True)
    assert (report.errors, report.created) == ([], 1)
    assert not Action.objects.exists()


def test_the_import_page_shows_the_numbered_errors_and_imports_a_good_file(client, organiser, place):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(organiser)
    url = reverse("roadmap:import_csv")
    bad = SimpleUploadedFile("actions.csv", csv_bytes([line(avancement="101")]), content_type="text/csv")
    response = client.post(url, {"file": bad})
    assert "Ligne 2 : L&#x27;avancement doit être compris entre 0 et 100." in response.content.decode()
    assert not Action.objects.exists()
    good = SimpleUploadedFile("actions.csv", csv_bytes([line()]), content_type="text/csv")
    response = client.post(url, {"file": good})
    assert response.status_code == 302
    assert Action.objects.count() == 1


def test_the_export_is_a_csv_download_with_french_columns(client, organiser, place):
    build_tree(place)
    client.force_login(organiser)
    response = client.get(reverse("roadmap:export_csv"))
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert content.splitlines()[0] == ";".join(HEADER)
    assert "Médiathèque de Lens" in content
    assert "2020 : Élaboration;Formation des équipes;Former, les équipes" in content
    # What the page hands out, the page takes back unchanged.
    assert services_bulk.import_actions(None, content.encode()).unchanged == 3


def test_a_name_shared_by_two_rows_asks_for_the_exported_form(place):
    StageFactory(title="Élaboration", year=2021)
    report = services_bulk.import_actions(None, csv_bytes([line()]))
    assert report.errors == [
        "Ligne 2 : L'étape « Élaboration » désigne plusieurs choix : écrivez « 2020 : Élaboration » ou "
        "« 2021 : Élaboration »."
    ]
    assert services_bulk.import_actions(None, csv_bytes([line(etape="2021 : Élaboration")])).created == 1


def test_the_import_page_checks_without_importing(client, organiser, place):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(organiser)
    upload = SimpleUploadedFile("actions.csv", csv_bytes([line()]), content_type="text/csv")
    response = client.post(reverse("roadmap:import_csv"), {"file": upload, "dry_run": "on"})
    assert "Le fichier est correct (rien n'a été enregistré)" in response.content.decode()
    assert not Action.objects.exists()


def test_an_import_writes_the_history_and_the_automatic_follows(place):
    contribution = ContributionFactory()
    report = services_bulk.import_actions(None, csv_bytes([line(contributions=str(contribution.pk), avancement="30")]))
    assert report.errors == []
    action = Action.objects.get()
    assert ActionUpdate.objects.filter(action=action).exists()
    assert action.follows.filter(user=contribution.author).exists()


def test_a_former_parent_whose_children_move_away_takes_the_progress_typed(place):
    old_parent = services.create_action(None, ActionData(title="Ancienne parente", **place))
    child = services.create_action(None, ActionData(title="Enfant", **place, parent=old_parent, progress=80))
    new_parent = services.create_action(None, ActionData(title="Nouvelle parente", **place))
    data = csv_bytes(
        [
            line(id=str(old_parent.pk), titre="Ancienne parente", avancement="20"),
            line(id=str(child.pk), titre="Enfant", parent_id=str(new_parent.pk), avancement="80"),
        ]
    )
    report = services_bulk.import_actions(None, data)
    assert report.errors == []
    assert Action.objects.get(pk=old_parent.pk).progress == 20
    assert Action.objects.get(pk=new_parent.pk).progress == 80


def test_a_refusal_while_writing_rolls_everything_back(place, monkeypatch):
    calls = []
    create = services.create_action

    def create_then_refuse(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise services.RoadmapError("refus simulé")
        return create(*args, **kwargs)

    monkeypatch.setattr(services, "create_action", create_then_refuse)
    report = services_bulk.import_actions(None, csv_bytes([line(titre="Une"), line(titre="Deux")]))
    assert report.errors == ["Ligne 3 : refus simulé"]
    assert not Action.objects.exists()
