"""The command line tells what a file is from its content: JSON read or refused in one sentence, workbooks read,
binary files refused as such, and no message repeats more than 200 characters of the file."""

import gzip
import io
import json
import zipfile

import openpyxl
import pytest

from mediane.synthesis.engine import SynthesisInputError
from mediane.synthesis.engine.cli import main
from mediane.synthesis.engine.sniff import read_input
from tests.synthesis.corpus import three_themes


def _write(tmp_path, content: bytes, name="contributions.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _json(tmp_path, data, name="contributions.json"):
    return _write(tmp_path, json.dumps(data, ensure_ascii=False).encode(), name)


def _refusal(tmp_path, capsys, path, *options):
    code = main([str(path), "--output", str(tmp_path / "out.json"), *options])
    error = capsys.readouterr().err
    assert code == 2
    assert error.startswith("Erreur : ") and error.count("\n") == 1, error
    assert not (tmp_path / "out.json").exists()
    return error


# --- JSON ------------------------------------------------------------------------------------------------------------


def test_a_json_list_of_objects_is_read_with_the_chosen_keys(tmp_path):
    path = _json(tmp_path, [{"num": 7, "avis": "Plus de bus le soir", "q": "transport"}, {"num": 8, "avis": None}])

    documents = read_input(path, text_column="avis", id_column="num", label_column="q")

    assert [(d.id, d.text, d.label) for d in documents] == [("7", "Plus de bus le soir", "transport"), ("8", "", None)]


def test_a_json_list_without_ids_numbers_its_contributions_from_one(tmp_path):
    path = _json(tmp_path, [{"texte": "a"}, {"texte": "b"}])

    assert [d.id for d in read_input(path, text_column="texte")] == ["1", "2"]


def test_a_json_list_is_synthesised_from_the_command_line(tmp_path, capsys):
    path = _json(tmp_path, [{"id": d.id, "texte": d.text} for d in three_themes()])

    code = main([str(path), "--text-column", "texte", "--id-column", "id", "--output", str(tmp_path / "out.json")])

    assert code == 0
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["figures"]["documents"] == 90
    assert "santé-0" in {i for topic in data["topics"] for i in topic["member_ids"]}


def test_a_json_list_without_text_key_option_names_the_keys_found(tmp_path, capsys):
    path = _json(tmp_path, [{"id": 1, "avis": "a"}, {"id": 2, "avis": "b", "date": "2026-01-01"}])

    error = _refusal(tmp_path, capsys, path)

    assert error == (
        "Erreur : Indiquez avec --text-column la clé qui contient le texte ; les contributions de ce fichier JSON ont "
        "les clés « id », « avis », « date ».\n"
    )


def test_a_json_key_that_no_contribution_has_is_refused_with_the_keys_found(tmp_path, capsys):
    path = _json(tmp_path, [{"id": 1, "avis": "a"}])

    error = _refusal(tmp_path, capsys, path, "--text-column", "texte")

    assert "La clé « texte » n'existe dans aucune contribution de ce fichier JSON. Clés disponibles : « id »" in error


def test_a_repeated_json_id_names_both_contributions(tmp_path, capsys):
    path = _json(tmp_path, [{"id": 1, "t": "a"}, {"id": 1, "t": "b"}])

    error = _refusal(tmp_path, capsys, path, "--text-column", "t", "--id-column", "id")

    assert "La contribution n° 2 du fichier JSON a l'identifiant « 1 », déjà pris par la n° 1" in error


def test_a_decidim_json_export_gives_title_then_body_in_french(tmp_path):
    proposals = [
        {
            "id": 12,
            "category": {"id": 3, "name": {"fr": "Mobilité"}},
            "title": {"fr": "Des bus le soir", "machine_translations": {"en": "Buses at night"}},
            "body": {"fr": "<p>Le dernier bus part à 19&nbsp;h.</p><p>C'est trop tôt.</p>"},
        },
        {"id": 13, "title": "Titre simple", "body": "Corps simple"},
        {"id": 14, "title": {"en": "Written in English"}, "body": {"machine_translations": {"fr": "Traduit"}}},
    ]
    path = _json(tmp_path, proposals)

    documents = read_input(path)

    assert [(d.id, " ".join(d.text.split())) for d in documents] == [
        ("12", "Des bus le soir. Le dernier bus part à 19 h. C'est trop tôt."),
        ("13", "Titre simple. Corps simple"),
        ("14", "Written in English. Traduit"),
    ]


def test_decidim_json_from_the_graphql_api_reads_its_translations(tmp_path):
    path = _json(
        tmp_path,
        [
            {
                "id": "5",
                "title": {"translations": [{"locale": "fr", "text": "Wifi"}]},
                "body": {"translation": "Gratuit"},
            }
        ],
    )

    assert [d.text for d in read_input(path, decidim=True)] == ["Wifi. Gratuit"]


def test_a_file_said_to_be_decidim_without_a_body_key_is_refused(tmp_path, capsys):
    path = _json(tmp_path, [{"id": 1, "title": "a"}])

    error = _refusal(tmp_path, capsys, path, "--decidim")

    assert "pas un export de propositions Decidim : la clé « body » manque" in error


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"data": [{"texte": "a"}]}, "c'est un seul objet, aux clés « data »"),
        ([1, 2, 3], "son élément n° 1 est un nombre (1), pas un objet"),
        ([{"t": "a"}, "b"], "son élément n° 2 est un texte (« b »), pas un objet"),
        ([[1]], "son élément n° 1 est une liste, pas un objet"),
    ],
)
def test_json_that_is_not_a_list_of_objects_is_refused_in_one_sentence(tmp_path, capsys, data, expected):
    error = _refusal(tmp_path, capsys, _json(tmp_path, data), "--text-column", "t")

    assert error.startswith("Erreur : Ce fichier JSON n'est pas une liste de contributions : ")
    assert expected in error


def test_an_empty_json_list_says_there_is_no_contribution(tmp_path, capsys):
    error = _refusal(tmp_path, capsys, _write(tmp_path, b"[]", "c.json"), "--text-column", "t")

    assert error == "Erreur : Ce fichier JSON est une liste vide : il ne contient aucune contribution.\n"


def test_invalid_json_is_refused_with_its_line_and_column(tmp_path, capsys):
    path = _write(tmp_path, b'[\n  {"texte": "a"},\n  {"texte": oups}\n]', "c.json")

    error = _refusal(tmp_path, capsys, path, "--text-column", "texte")

    assert error.startswith(
        "Erreur : Ce fichier ressemble à du JSON mais n'en est pas (ligne 3, colonne 13, près de « oups} ] »)"
    )


def test_a_list_where_a_text_is_expected_is_refused(tmp_path, capsys):
    error = _refusal(tmp_path, capsys, _json(tmp_path, [{"t": ["a", "b"]}]), "--text-column", "t")

    assert "La contribution n° 1 du fichier JSON a une liste là où un texte est attendu" in error


def test_a_csv_without_text_column_option_names_its_columns(tmp_path, capsys):
    error = _refusal(tmp_path, capsys, _write(tmp_path, b"id;avis\n1;a\n"))

    assert error == (
        "Erreur : Indiquez la colonne du texte avec --text-column (colonnes du fichier : « id », « avis »), "
        "ou --decidim pour un export Decidim.\n"
    )


# --- Workbooks and binary files --------------------------------------------------------------------------------------


def _workbook(tmp_path, rows, name="reponses.xlsx"):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def test_an_excel_workbook_is_read_from_its_first_sheet(tmp_path):
    path = _workbook(tmp_path, [["id", "avis", None], [1, "Plus de bus", "note"], [None, None], [2.0, 42]])

    documents = read_input(path, text_column="avis", id_column="id")

    assert [(d.id, d.text) for d in documents] == [("1", "Plus de bus"), ("2", "42")]


def test_an_excel_workbook_renamed_csv_is_still_read(tmp_path):
    path = _workbook(tmp_path, [["texte"], ["Bonjour"]], name="export.csv")

    assert [d.text for d in read_input(path, text_column="texte")] == ["Bonjour"]


def test_a_decidim_workbook_is_recognised(tmp_path):
    path = _workbook(tmp_path, [["id", "category/id", "title", "body"], [4, 1, "Wifi", "Partout"]])

    assert [(d.id, d.text) for d in read_input(path)] == [("4", "Wifi. Partout")]


def test_a_workbook_without_text_column_option_names_its_columns(tmp_path, capsys):
    error = _refusal(tmp_path, capsys, _workbook(tmp_path, [["id", "avis"], [1, "a"]]))

    assert (
        error == "Erreur : Indiquez la colonne du texte avec --text-column. Colonnes du classeur : « id », « avis ».\n"
    )


def test_a_damaged_workbook_is_refused(tmp_path, capsys):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("xl/workbook.xml", "<pas du xml")
    error = _refusal(tmp_path, capsys, _write(tmp_path, archive.getvalue(), "c.xlsx"), "--text-column", "t")

    assert "Ce classeur Excel est abîmé ou incomplet" in error


def _zip(*names: str) -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in names:
            zipped.writestr(name, "<x/>")
    return archive.getvalue()


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "un document PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "un classeur Excel ancien (.xls) ou un document Word"),
        (gzip.compress(b"%PDF-1.4 " + bytes(100), mtime=0), "un document PDF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(50), "une image"),
        (b"texte\nbonjour\x00\x01\x02" + bytes(range(256)) * 4, "un fichier binaire"),
        (bytes(range(128, 256)) * 40, "un fichier binaire"),
        (_zip("mimetype", "content.xml"), "OpenDocument"),
        (_zip("word/document.xml"), "un document Word"),
        (_zip("notes.txt"), "une archive zip"),
    ],
    ids=["pdf", "xls", "gzipped-pdf", "png", "nul-bytes", "undecodable", "ods", "docx", "zip"],
)
def test_a_binary_file_is_refused_as_such_with_the_fix(tmp_path, capsys, content, what):
    error = _refusal(tmp_path, capsys, _write(tmp_path, content), "--text-column", "texte")

    assert error.startswith("Erreur : Ce fichier n'est pas un fichier texte (il semble être ")
    assert what in error and error.endswith("enregistrez-le au format CSV UTF-8, puis recommencez.\n")


def test_utf16_without_its_byte_order_mark_is_read(tmp_path):
    path = _write(tmp_path, "id;texte\n1;Des ateliers pour les aînés\n".encode("utf-16-le"))

    assert [d.text for d in read_input(path, text_column="texte")] == ["Des ateliers pour les aînés"]


def test_a_windows_1252_csv_with_accents_is_not_taken_for_a_binary_file(tmp_path):
    path = _write(tmp_path, "texte\n« Médiathèque » – fermée à 18 h… œuvre\n".encode("cp1252"))

    assert [d.text for d in read_input(path, text_column="texte")] == ["« Médiathèque » – fermée à 18 h… œuvre"]


# --- No message floods the terminal ----------------------------------------------------------------------------------

LONG = "é" * 10_000
# The words of the longest message plus the 200 characters of input it may repeat.
MAX_LINE = 450
TEXT_AND_ID = ("--text-column", "texte", "--id-column", "id")


def _long_inputs(tmp_path):
    return [
        (_write(tmp_path, f"id;{LONG}\n1;a\n".encode(), "header.csv"), ["--text-column", "texte"]),
        (_write(tmp_path, f"{LONG};texte\n1;a\n".encode(), "header2.csv"), ["--text-column", LONG + "x"]),
        (_write(tmp_path, f"{LONG};texte\n1;a\n".encode(), "header3.csv"), []),
        (_write(tmp_path, ";".join(f"colonne{i}" for i in range(2_000)).encode() + b"\n", "wide.csv"), ["--decidim"]),
        (_write(tmp_path, f"id;texte\n{LONG};a\n{LONG};b\n".encode(), "ids.csv"), [*TEXT_AND_ID]),
        (_json(tmp_path, [{LONG: "a"}], "key.json"), []),
        (_json(tmp_path, [{LONG: "a"}], "key2.json"), ["--text-column", "t"]),
        (_json(tmp_path, {LONG: [1]}, "object.json"), []),
        (_json(tmp_path, [LONG], "string.json"), ["--text-column", "t"]),
        (_json(tmp_path, [{"id": LONG, "texte": "a"}, {"id": LONG, "texte": "b"}], "ids.json"), [*TEXT_AND_ID]),
        (_write(tmp_path, f'[{{"t": "{LONG}" oups}}]'.encode(), "bad.json"), ["--text-column", "t"]),
        (_workbook(tmp_path, [["id", LONG], [1, "a"]], "header.xlsx"), []),
    ]


def test_no_error_message_repeats_more_than_200_characters_of_the_input(tmp_path, capsys):
    for path, options in _long_inputs(tmp_path):
        error = _refusal(tmp_path, capsys, path, *options)

        assert all(len(line) <= MAX_LINE for line in error.splitlines()), (path.name, error)
        assert "é" * 201 not in error, path.name


def test_a_missing_name_and_the_names_found_repeat_200_characters_of_the_input_in_all(tmp_path, capsys):
    names = [f"{LONG}{i}" for i in range(5)]
    table = _write(tmp_path, (";".join(names) + "\n" + ";".join("a" * 5) + "\n").encode(), "wide.csv")
    keys = _json(tmp_path, [dict.fromkeys(names, "a")], "keys.json")

    for path in (table, keys):
        error = _refusal(tmp_path, capsys, path, "--text-column", LONG + "x")

        assert error.count("é") <= 200, error
        assert "et 3 autres" in error, error


def test_a_message_cut_short_says_so(tmp_path):
    path = _write(tmp_path, f"id;{LONG}\n1;a\n".encode())

    with pytest.raises(SynthesisInputError) as error:
        read_input(path, text_column="texte")

    assert "é" * 59 + "… »" in str(error.value)


def test_json_lines_are_read_as_a_list_of_objects(tmp_path):
    path = _write(tmp_path, b'{"id": "a", "t": "Un"}\n\n{"id": "b", "t": "Deux"}\n', "c.jsonl")

    assert [(d.id, d.text) for d in read_input(path, text_column="t", id_column="id")] == [("a", "Un"), ("b", "Deux")]


def test_json_lines_keep_line_separators_that_json_allows_inside_a_string(tmp_path):
    # U+2028, U+0085 and the form feed are valid inside a JSON string: text pasted from a word processor has them.
    # The third line is long enough that two control characters do not make the file look binary.
    texts = ["Un\u2028paragraphe", "Deux\x85lignes\x0cici", "Des horaires plus larges le samedi. " * 10]
    lines = [json.dumps({"t": text}, ensure_ascii=False) for text in texts]
    path = _write(tmp_path, "\n".join(lines).encode(), "c.jsonl")

    assert [d.text for d in read_input(path, text_column="t")] == texts


def test_a_broken_line_of_json_lines_is_named(tmp_path, capsys):
    path = _write(tmp_path, b'{"t": "Un"}\n{"t": "Deux"\n', "c.jsonl")

    error = _refusal(tmp_path, capsys, path, "--text-column", "t")

    assert "Ce fichier ressemble à du JSON mais n'en est pas (ligne 2, colonne 13, à la fin du fichier)" in error


def test_a_decidim_csv_export_with_translated_columns_is_read_in_french(tmp_path):
    header = "id;category/id;title/en;title/fr;body/machine_translations/fr;body/fr\n"
    path = _write(tmp_path, (header + "3;1;Wifi;Le wifi;x;Partout\n").encode())

    assert [(d.id, d.text) for d in read_input(path)] == [("3", "Le wifi. Partout")]
