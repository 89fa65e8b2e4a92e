import gzip
import json

import pytest

from mediane.synthesis.engine import Document, SynthesisInputError, synthesise
from mediane.synthesis.engine.cli import main
from tests.synthesis.corpus import three_themes


def test_an_empty_corpus_gives_no_topic_and_says_so():
    result = synthesise([], seed=0)

    assert result.topics == [] and result.duplicates == []
    assert result.figures["warnings"] == ["Aucune contribution à synthétiser."]


def test_a_single_contribution_forms_one_topic():
    result = synthesise([Document(id="1", text="Ouvrir la bibliothèque le dimanche pour les familles.")], seed=0)

    assert [topic.member_ids for topic in result.topics] == [["1"]]
    assert result.topics[0].representatives == ["1"]
    assert "Un seul texte distinct" in result.figures["warnings"][0]


def test_a_corpus_that_is_all_duplicates_forms_one_topic_and_one_duplicate_group():
    documents = [Document(id=str(i), text="Plus de conseillers numériques en mairie !") for i in range(40)]

    result = synthesise(documents, seed=0)

    assert len(result.topics) == 1 and result.topics[0].size == 40
    assert result.duplicates == [[str(i) for i in range(40)]]


def test_a_corpus_of_only_non_informative_answers_gives_no_topic():
    result = synthesise([Document(id=str(i), text=t) for i, t in enumerate(["RAS", "non", "."])], seed=0)

    assert result.topics == [] and result.non_informative_ids == ["0", "2"]
    assert [(answer.label, answer.member_ids) for answer in result.closed_answers] == [("Non", ["1"])]
    assert "non informatives" in result.figures["warnings"][0]


def test_text_that_is_not_french_gets_a_warning_but_still_topics():
    english = [
        Document(id=str(i), text=f"The {w} should open earlier every weekend for working families and children")
        for i, w in enumerate(["library", "museum", "swimming pool", "town hall", "post office", "school"] * 3)
    ]

    result = synthesise(english, seed=0)

    assert result.topics
    assert any("ne semblent pas rédigés en français" in warning for warning in result.figures["warnings"])


def test_a_one_megabyte_text_is_synthesised_with_the_others():
    huge = ("Les bibliothèques doivent proposer des ateliers numériques pour les seniors. " * 14_000)[:1_000_000]
    documents = three_themes() + [Document(id="huge", text=huge), Document(id="huge-bis", text=huge + " Merci.")]

    result = synthesise(documents, seed=0)

    assert any("huge" in topic.member_ids for topic in result.topics)
    # Compared on their first words only, the two long texts are the same text.
    assert ["huge", "huge-bis"] in result.duplicates


def test_an_unknown_backend_is_refused_with_a_french_message():
    with pytest.raises(SynthesisInputError, match="Méthode de synthèse « magique » inconnue"):
        synthesise(three_themes(), backend="magique")


def test_bounds_given_in_the_wrong_order_are_swapped():
    result = synthesise(three_themes(), seed=0, min_topics=6, max_topics=2)

    assert result.figures["k_bounds"] == [2, 6]
    assert 2 <= result.figures["chosen_k"] <= 6
    assert 2 <= len(result.topics) <= 6


def test_a_corpus_too_small_for_the_minimum_number_of_topics_says_how_many_it_formed():
    documents = three_themes(per_theme=4)

    result = synthesise(documents, seed=0, min_topics=6)

    # 12 distinct texts, at least 3 a topic: 4 topics at most.
    assert result.figures["distinct_texts"] == 12
    assert result.figures["chosen_k"] == 4
    assert result.figures["warnings"] == [
        "Trop peu de textes distincts (12) pour former au moins 6 sujets, chacun devant en réunir au moins 3 : "
        "4 sujets sont formés."
    ]


def test_one_topic_asked_for_gives_one_topic_without_a_warning():
    result = synthesise(three_themes(), seed=0, min_topics=1, max_topics=1)

    assert [topic.size for topic in result.topics] == [90]
    assert result.figures["chosen_k"] == 1
    assert result.figures["warnings"] == []
    assert result.figures["k_selection"] == "aucune (un seul sujet demandé)"


def test_too_few_distinct_texts_for_two_topics_form_one_and_say_so():
    result = synthesise(three_themes(per_theme=1) + three_themes(per_theme=1, seed=2)[:2], seed=0)

    assert result.figures["distinct_texts"] == 5
    assert len(result.topics) == 1
    assert result.figures["warnings"] == [
        "Trop peu de textes distincts pour les répartir en plusieurs sujets : un seul sujet est formé."
    ]
    assert result.figures["k_selection"] == "aucune (trop peu de textes)"


# The same cases from the command line: exit code 2 and one French sentence, never a traceback.


def _run(tmp_path, capsys, content: bytes, *options: str, name: str = "contributions.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    code = main([str(path), "--output", str(tmp_path / "out.json"), *options])
    return code, capsys.readouterr().err


def test_an_empty_file_is_refused_from_the_command_line(tmp_path, capsys):
    code, error = _run(tmp_path, capsys, b"", "--text-column", "texte")

    assert code == 2
    assert error == "Erreur : Le fichier est vide : il ne contient aucune contribution.\n"


def test_a_header_without_rows_is_refused_from_the_command_line(tmp_path, capsys):
    code, error = _run(tmp_path, capsys, b"id;texte\n", "--text-column", "texte")

    assert code == 2
    assert "aucune contribution" in error


def test_a_malformed_row_is_named_by_its_line_from_the_command_line(tmp_path, capsys):
    code, error = _run(tmp_path, capsys, b"id;texte\n1;ok\n2;trop;de;champs\n", "--text-column", "texte")

    assert code == 2
    assert error.startswith("Erreur : Ligne 3 : 4 champs au lieu de 2")


def test_a_missing_column_is_refused_from_the_command_line(tmp_path, capsys):
    code, error = _run(tmp_path, capsys, b"id;contenu\n1;abc\n", "--text-column", "texte")

    assert code == 2
    assert "La colonne « texte » (--text-column) n'existe pas" in error


def test_a_windows_1252_file_with_a_single_contribution_is_synthesised(tmp_path, capsys):
    content = "id;texte\n1;Ouvrir la médiathèque le dimanche, svp.\n".encode("cp1252")

    code, error = _run(tmp_path, capsys, content, "--text-column", "texte", "--id-column", "id")

    assert code == 0
    assert "Un seul texte distinct" in error
    output = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert output["topics"][0]["representatives"] == [{"id": "1", "text": "Ouvrir la médiathèque le dimanche, svp."}]


def test_a_utf8_file_with_a_bom_keeps_its_first_column_name(tmp_path, capsys):
    content = "\ufeffid;texte\n1;Des ateliers pour les aînés\n2;Plus de postes informatiques\n".encode()

    code, _ = _run(tmp_path, capsys, content, "--text-column", "texte", "--id-column", "id")

    assert code == 0


def test_a_utf16_file_from_excel_is_read(tmp_path, capsys):
    content = "id\ttexte\n1\tDes ateliers pour les aînés\n2\tPlus de postes\n".encode("utf-16")

    code, _ = _run(tmp_path, capsys, content, "--text-column", "texte", "--id-column", "id", name="export.txt")

    assert code == 0
    output = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert output["figures"]["documents"] == 2
    quotes = [quote["text"] for topic in output["topics"] for quote in topic["representatives"]]
    assert "Des ateliers pour les aînés" in quotes


def test_a_spreadsheet_instead_of_a_csv_is_refused_with_the_fix(tmp_path, capsys):
    code, error = _run(tmp_path, capsys, b"PK\x03\x04" + bytes(200), "--text-column", "texte", name="c.xlsx")

    assert code == 2
    assert "enregistrez-le au format CSV" in error


def test_a_truncated_gzip_file_is_refused(tmp_path, capsys):
    content = gzip.compress(b"texte\nBonjour\n" * 100)[:30]

    code, error = _run(tmp_path, capsys, content, "--text-column", "texte", name="c.csv.gz")

    assert code == 2
    assert "abîmé ou incomplet" in error


def test_a_file_of_duplicates_only_gives_one_topic_and_one_group_from_the_command_line(tmp_path, capsys):
    content = ("texte\n" + "Plus de conseillers numériques !\n" * 25).encode()

    code, _ = _run(tmp_path, capsys, content, "--text-column", "texte")

    assert code == 0
    output = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(output["topics"]) == 1 and output["topics"][0]["size"] == 25
    assert output["duplicates"] == [[str(line) for line in range(2, 27)]]


def test_english_answers_are_synthesised_with_a_warning_on_the_error_output(tmp_path, capsys):
    lines = [f"The {w} should open on Sundays for families" for w in ("library", "museum", "pool", "school")] * 4
    content = ("texte\n" + "\n".join(f"{line} ({i})" for i, line in enumerate(lines)) + "\n").encode()

    code, error = _run(tmp_path, capsys, content, "--text-column", "texte")

    assert code == 0
    assert error.startswith("Attention : Les textes ne semblent pas rédigés en français")
