import gzip

import pytest

from mediane.synthesis.engine import SynthesisInputError
from mediane.synthesis.engine.readers import read_csv, read_decidim, read_text


def _write(tmp_path, content: bytes, name="contributions.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_a_windows_1252_csv_with_semicolons_is_read(tmp_path):
    path = _write(tmp_path, "id;texte\n1;Médiathèque fermée à 18 h\n".encode("cp1252"))

    documents = read_csv(read_text(path), text_column="texte", id_column="id")

    assert [(d.id, d.text) for d in documents] == [("1", "Médiathèque fermée à 18 h")]


def test_a_utf8_csv_with_a_bom_and_commas_is_read(tmp_path):
    path = _write(tmp_path, '\ufefftexte,question\n"Plus d\'ateliers, svp",Q1\n'.encode())

    documents = read_csv(read_text(path), text_column="texte", label_column="question")

    assert [(d.id, d.text, d.label) for d in documents] == [("2", "Plus d'ateliers, svp", "Q1")]


def test_a_gzipped_csv_is_read(tmp_path):
    path = _write(tmp_path, gzip.compress("texte\nBonjour à tous\n".encode()), name="c.csv.gz")

    assert [d.text for d in read_csv(read_text(path), text_column="texte")] == ["Bonjour à tous"]


def test_a_missing_column_is_named_with_the_available_ones(tmp_path):
    path = _write(tmp_path, b"id;contenu\n1;abc\n")

    with pytest.raises(SynthesisInputError) as error:
        read_csv(read_text(path), text_column="texte")

    assert (
        str(error.value)
        == "La colonne « texte » (--text-column) n'existe pas. Colonnes disponibles : « id », « contenu »."
    )


def test_a_workbook_read_as_text_is_refused_as_the_command_line_refuses_it(tmp_path):
    path = _write(tmp_path, b"PK\x03\x04" + bytes(200), name="c.xlsx")

    with pytest.raises(SynthesisInputError) as error:
        read_text(path)

    assert str(error.value) == (
        "Ce fichier n'est pas un fichier texte (il semble être un classeur Excel ou LibreOffice, ou une archive zip) : "
        "enregistrez-le au format CSV UTF-8, puis recommencez."
    )


def test_a_row_with_too_many_fields_names_its_line(tmp_path):
    path = _write(tmp_path, b'id;texte\n1;ok\n2;"sur\ndeux lignes"\n3;un;deux\n')

    with pytest.raises(SynthesisInputError, match="^Ligne 5 : 3 champs au lieu de 2") as error:
        read_csv(read_text(path), text_column="texte", id_column="id")

    assert error.value.line == 5


def test_an_unclosed_quote_names_the_line_where_the_row_starts(tmp_path):
    path = _write(tmp_path, b'id;texte\n1;ok\n2;"jamais ferm\xc3\xa9\n')

    with pytest.raises(SynthesisInputError, match="^Ligne 3 :"):
        read_csv(read_text(path), text_column="texte", id_column="id")


def test_a_repeated_id_is_refused_with_both_lines(tmp_path):
    path = _write(tmp_path, b"id;texte\n1;a\n1;b\n")

    with pytest.raises(SynthesisInputError, match="^Ligne 3 : l'identifiant « 1 » apparaît déjà ligne 2"):
        read_csv(read_text(path), text_column="texte", id_column="id")


@pytest.mark.parametrize("content", [b"", b"\n\n", b"id;texte\n", b"id;texte\n;\n"])
def test_an_empty_file_says_there_is_no_contribution(tmp_path, content):
    path = _write(tmp_path, content)

    with pytest.raises(SynthesisInputError, match="aucune contribution"):
        read_csv(read_text(path), text_column="texte")


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(SynthesisInputError, match="introuvable"):
        read_text(tmp_path / "absent.csv")


def test_a_one_megabyte_field_is_read(tmp_path):
    path = _write(tmp_path, b"texte\n" + b"a" * 1_000_000 + b"\n")

    assert len(read_csv(read_text(path), text_column="texte")[0].text) == 1_000_000


def test_a_decidim_export_gives_title_then_body(tmp_path):
    header = "id;category/id;category/name/fr;title;body;votes\n"
    path = _write(tmp_path, (header + '7;3;Autre;Linky;"Pas de compteur\nimposé";2\n').encode())

    documents = read_decidim(read_text(path))

    assert [(d.id, d.text) for d in documents] == [("7", "Linky. Pas de compteur\nimposé")]


def test_a_file_that_is_not_a_decidim_export_is_refused(tmp_path):
    path = _write(tmp_path, b"id;texte\n1;a\n")

    with pytest.raises(
        SynthesisInputError, match="pas un export de propositions Decidim : la colonne « title » manque"
    ):
        read_decidim(read_text(path))
