"""The engine's Markdown and JSON reports show everything a working group needs: figures in plain words, topics
with their sentence, short answers as a table, other contributions, every campaign with its text, empty answers
with examples, and no method internals."""

from mediane.synthesis.engine.documents import ClosedAnswer, Document, SynthesisResult, Topic
from mediane.synthesis.engine.report import JSON_KEYS, TOPIC_KEYS, campaigns, share, to_json, to_markdown

NBSP = "\u00a0"
CAMPAIGN = "Je demande le retrait du projet, il est injuste pour les familles."


def _scene(*, sentence="Le dernier bus part trop tôt le soir.", other=True, closed=True, empty=True, copies=True):
    # The sentence comes from t3, a member that is not one of the two representatives.
    documents = [Document(id=f"t{i}", text=f"Plus de bus le soir, ligne {i}.") for i in range(6)]
    documents += [Document(id=f"s{i}", text=f"Un médecin de garde le week-end, village {i}.") for i in range(3)]
    documents += [Document(id=f"c{i}", text=CAMPAIGN + (" !" if i == 4 else "")) for i in range(5)]
    documents += [Document(id=f"d{i}", text="Des bancs au parc.") for i in range(3)]
    documents += [Document(id="p1", text="Un composteur."), Document(id="p2", text="Un composteur !")]
    documents += [Document(id="q1", text="Des pommes"), Document(id="q2", text="Des poires")]
    documents += [Document(id="o1", text="Planter des arbres fruitiers."), Document(id="o2", text="   ")]
    documents += [Document(id="o3", text="Un marché bio.")]
    documents += [Document(id=f"y{i}", text="oui") for i in range(3)] + [Document(id="n1", text="Non")]
    typed = ["RAS", "néant", ".", "RAS", "", "rien", "/", "-"]
    documents += [Document(id=f"e{i}", text=text) for i, text in enumerate(typed)]
    topics = [
        Topic(
            "Bus le soir",
            ["bus", "soir"],
            ["bus le soir"],
            11,
            [f"t{i}" for i in range(6)] + [f"c{i}" for i in range(5)],
            ["t0", "t1"],
            sentence,
            "t3" if sentence else "",
        ),
        Topic("Médecin de garde", ["médecin"], [], 3, ["s0", "s1", "s2"], ["s0"]),
    ]
    result = SynthesisResult(
        topics=topics,
        duplicates=([["d0", "d1", "d2"], ["c0", "c1", "c2", "c3", "c4"], ["p1", "p2"], ["q1", "q2"]] if copies else []),
        non_informative_ids=[f"e{i}" for i in range(len(typed))] if empty else [],
        figures={
            "documents": len(documents),
            "seed": 2019,
            "k_scores": {"2": 0.04},
            "timings_seconds": {"total": 0.42},
        },
        closed_answers=[ClosedAnswer("Non", ["n1"]), ClosedAnswer("Oui", ["y0", "y1", "y2"])] if closed else [],
        other_ids=["o1", "o2", "o3"] if other else [],
    )
    return result, documents


def test_the_markdown_starts_with_the_figures_in_plain_words():
    result, documents = _scene()

    head = to_markdown(result, documents).split("\n## ")[0]

    assert head.splitlines()[2:] == [
        "- 36 contributions lues.",
        "- 2 sujets, qui réunissent 14 contributions.",
        "- 3 autres contributions, qui ne se rattachent à aucun sujet.",
        "- 4 réponses courtes (oui, non, je ne sais pas…), comptées à part.",
        "- 8 réponses vides (« RAS », « néant »…), mises à part.",
        "- 2 campagnes : un même texte envoyé au moins 3 fois (8 contributions en tout).",
    ]


def test_a_topic_shows_its_count_share_sentence_expressions_and_quotes():
    result, documents = _scene()

    topic = to_markdown(result, documents).split("\n## 1. ")[1].split("\n## ")[0]

    assert topic.startswith("Bus le soir\n\n11 contributions, soit 31" + NBSP + "% de toutes les contributions.")
    assert "En une phrase : « Le dernier bus part trop tôt le soir. »" in topic
    assert "Mots distinctifs : bus, soir." in topic and "Expressions fréquentes : « bus le soir »." in topic
    assert "> Plus de bus le soir, ligne 0. — contribution t0" in topic


def test_a_topic_without_sentence_has_no_empty_sentence_line():
    result, documents = _scene(sentence="")

    assert "En une phrase" not in to_markdown(result, documents)


def test_short_answers_are_a_distribution_table_largest_first():
    result, documents = _scene()

    section = to_markdown(result, documents).split("## Réponses courtes\n")[1].split("\n## ")[0]

    assert section.strip().splitlines()[2:] == [
        "| Réponse | Nombre | Part des réponses courtes |",
        "|---|---:|---:|",
        f"| Oui | 3 | 75{NBSP}% |",
        f"| Non | 1 | 25{NBSP}% |",
    ]


def test_other_contributions_show_their_count_and_two_quotes_of_text():
    result, documents = _scene()

    section = to_markdown(result, documents).split("## Autres contributions\n")[1].split("\n## ")[0]

    assert section.strip().startswith("3 contributions ne se rattachent à aucun sujet")
    assert section.count("\n> ") == 2
    assert "> Planter des arbres fruitiers. — contribution o1" in section
    assert "> Un marché bio. — contribution o3" in section


def test_every_campaign_is_shown_with_its_text_and_count_largest_first_and_pairs_are_counted():
    result, documents = _scene()

    section = to_markdown(result, documents).split("## Campagnes et textes copiés\n")[1].split("\n## ")[0]

    assert section.strip().splitlines() == [
        "**5 contributions** reprennent ce texte, ou presque :",
        "",
        f"> {CAMPAIGN}",
        "",
        "**3 contributions** reprennent ce texte, ou presque :",
        "",
        "> Des bancs au parc.",
        "",
        "Et 2 autres paires de textes identiques ou presque.",
    ]


def test_pairs_alone_are_counted_and_say_there_is_no_campaign():
    result, documents = _scene()
    result.duplicates = [["p1", "p2"]]

    section = to_markdown(result, documents).split("## Campagnes et textes copiés\n")[1].split("\n## ")[0]

    assert section.strip() == (
        "1 paire de textes identiques ou presque, et aucune campagne (un même texte envoyé au moins 3 fois)."
    )


def test_empty_answers_show_their_count_and_five_different_examples_as_typed():
    result, documents = _scene()

    section = to_markdown(result, documents).split("## Réponses vides mises à part\n")[1].split("\n\n**")[0]

    assert section.strip() == (
        "8 réponses vides ou sans contenu, mises à part. "
        "Exemples : « RAS », « néant », « . », « (réponse vide) », « rien »."
    )


def test_the_markdown_ends_with_the_method_in_plain_words_and_no_internals():
    result, documents = _scene()

    report = to_markdown(result, documents)

    assert report.rstrip().splitlines()[-1].startswith("**Comment cette synthèse a été faite** : les mots distinctifs")
    assert report.rstrip().endswith("Calcul en 0,4 s.")
    for jargon in ("silhouette", "graine", "2019", "k_", "NMI", "seed"):
        assert jargon not in report


def test_sections_with_nothing_to_show_are_left_out():
    result, documents = _scene(other=False, closed=False, empty=False, copies=False)

    report = to_markdown(result, documents)

    for title in ("Réponses courtes", "Autres contributions", "Campagnes", "Réponses vides"):
        assert f"## {title}" not in report
    assert report.count("\n- ") == 2


def test_the_json_has_closed_answers_other_campaigns_and_each_topics_sentence():
    result, documents = _scene()

    data = to_json(result, documents)

    assert (
        list(data)
        == list(JSON_KEYS)
        == [
            "topics",
            "closed_answers",
            "other",
            "duplicates",
            "campaigns",
            "figures",
            "non_informative",
        ]
    )
    assert all(tuple(topic) == TOPIC_KEYS for topic in data["topics"])
    assert data["topics"][0]["sentence"] == "Le dernier bus part trop tôt le soir."
    assert data["topics"][0]["sentence_id"] == "t3"
    assert (data["topics"][1]["sentence"], data["topics"][1]["sentence_id"]) == ("", "")
    assert data["closed_answers"] == [
        {"label": "Non", "size": 1, "member_ids": ["n1"]},
        {"label": "Oui", "size": 3, "member_ids": ["y0", "y1", "y2"]},
    ]
    assert data["other"] == ["o1", "o2", "o3"]
    assert data["duplicates"] == result.duplicates
    assert data["campaigns"] == [
        {"text": CAMPAIGN, "size": 5, "member_ids": ["c0", "c1", "c2", "c3", "c4"]},
        {"text": "Des bancs au parc.", "size": 3, "member_ids": ["d0", "d1", "d2"]},
    ]


def test_a_campaigns_text_is_an_excerpt():
    long = "Signez la pétition pour sauver la médiathèque du quartier. " * 20
    documents = [Document(id=str(i), text=long) for i in range(3)]
    result = SynthesisResult(topics=[], duplicates=[["0", "1", "2"]], non_informative_ids=[])

    (campaign,) = campaigns(result, {doc.id: doc.text for doc in documents})

    assert len(campaign["text"]) <= 280 and campaign["text"].endswith("…")


def test_text_written_by_people_cannot_break_the_markdown():
    documents = [Document(id=f"c{i}", text="# Non | au projet *tout de suite*") for i in range(3)]
    documents += [Document(id="o1", text="- Des bancs_partout"), Document(id="o2", text="1. Un parc")]
    documents += [Document(id="n1", text="#")]
    topic = Topic("Projet | non", ["non"], ["*tout*"], 3, ["c0", "c1", "c2"], ["c0"], "# Non | au projet", "c0")
    result = SynthesisResult(
        topics=[topic],
        duplicates=[["c0", "c1", "c2"]],
        non_informative_ids=["n1"],
        closed_answers=[ClosedAnswer("Oui | non", ["c0"])],
        other_ids=["o1", "o2"],
    )

    report = to_markdown(result, documents)

    assert "## 1. Projet \\| non\n" in report
    assert "En une phrase : « \\# Non \\| au projet »" in report
    assert "Expressions fréquentes : « \\*tout\\* »." in report
    assert "> \\# Non \\| au projet \\*tout de suite\\* — contribution c0" in report
    assert "\n> \\# Non \\| au projet \\*tout de suite\\*\n" in report  # the campaign's text
    assert "> \\- Des bancs\\_partout — contribution o1" in report
    assert "> 1\\. Un parc — contribution o2" in report
    assert "| Oui \\| non | 1 |" in report
    assert "Exemples : « \\# »." in report


def test_a_share_below_one_percent_is_said_so():
    assert share(1, 1_000) == f"moins de 1{NBSP}%"
    assert share(0, 0) == f"0{NBSP}%"
    assert share(1, 3) == f"33{NBSP}%"
