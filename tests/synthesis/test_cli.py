import gzip
import json

from mediane.synthesis.engine import readers, report
from mediane.synthesis.engine.cli import main
from tests.synthesis.corpus import three_themes


def _corpus_file(tmp_path):
    lines = ["numero;reponse;question"] + [f'{d.id};"{d.text}";{d.label}' for d in three_themes()] + ["x1;RAS;école"]
    path = tmp_path / "reponses.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_json_output_has_the_documented_shape(tmp_path, capsys):
    output = tmp_path / "synthese.json"

    code = main(
        [
            str(_corpus_file(tmp_path)),
            "--text-column",
            "reponse",
            "--id-column",
            "numero",
            "--label-column",
            "question",
            "--output",
            str(output),
            "--max-topics",
            "6",
        ]
    )

    assert code == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert tuple(data) == report.JSON_KEYS
    assert tuple(data["topics"][0]) == report.TOPIC_KEYS
    assert set(data["topics"][0]["representatives"][0]) == {"id", "text"}
    assert data["non_informative"] == ["x1"]
    assert data["figures"]["chosen_k"] == 3
    assert {"nmi", "ari"} <= set(data["figures"]["evaluation"])


def test_markdown_output_is_a_french_report_with_two_quotes_per_topic(tmp_path, capsys):
    code = main([str(_corpus_file(tmp_path)), "--text-column", "reponse", "--format", "markdown"])

    report = capsys.readouterr().out
    assert code == 0
    assert report.startswith("# Synthèse des contributions\n")
    topics = report.count("\n## ") - 1  # the topics, then the empty answers set aside
    assert topics >= 3
    assert report.count("\n> ") == 2 * topics
    assert "Mots distinctifs" in report and "« RAS »" in report
    assert "silhouette" not in report and "graine" not in report


def test_bad_input_exits_with_code_2_and_a_french_message(tmp_path, capsys):
    code = main([str(_corpus_file(tmp_path)), "--text-column", "texte"])

    assert code == 2
    assert capsys.readouterr().err == (
        "Erreur : La colonne « texte » (--text-column) n'existe pas. "
        "Colonnes disponibles : « numero », « reponse », « question ».\n"
    )


def test_a_csv_without_text_column_option_asks_for_it(tmp_path, capsys):
    assert main([str(_corpus_file(tmp_path))]) == 2
    assert "--text-column" in capsys.readouterr().err


def test_an_unknown_option_exits_with_code_2(tmp_path, capsys):
    try:
        main([str(_corpus_file(tmp_path)), "--inconnue"])
    except SystemExit as exit_:
        assert exit_.code == 2
    else:
        raise AssertionError("argparse should exit")
    assert "Erreur :" in capsys.readouterr().err


def test_a_decidim_export_is_recognised_and_read_from_one_reading_of_the_file(tmp_path, capsys, monkeypatch):
    header = "id;category/id;category/name/fr;title;body;votes\n"
    rows = [f'{d.id};1;Autre;{d.label};"{d.text}";0\n' for d in three_themes()]
    path = tmp_path / "propositions.csv.gz"
    path.write_bytes(gzip.compress((header + "".join(rows)).encode()))
    reads = []
    read_bytes = readers.read_bytes
    monkeypatch.setattr(readers, "read_bytes", lambda p: reads.append(p) or read_bytes(p))

    code = main([str(path), "--output", str(tmp_path / "out.json")])

    assert code == 0
    assert reads == [path]
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["figures"]["documents"] == len(rows)


def test_a_pipe_separated_file_is_read(tmp_path, capsys):
    path = tmp_path / "reponses.txt"
    path.write_text("numero|reponse\n" + "".join(f"{d.id}|{d.text}\n" for d in three_themes()), encoding="utf-8")

    code = main([str(path), "--text-column", "reponse", "--id-column", "numero", "--output", str(tmp_path / "o.json")])

    assert code == 0
    data = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert sorted(i for topic in data["topics"] for i in topic["member_ids"]) == sorted(d.id for d in three_themes())
