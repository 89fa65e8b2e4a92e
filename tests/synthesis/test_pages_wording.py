"""The synthesis pages in words: a topic's sentence only while its contribution is public, counts that agree with
each other and with their nouns, shares that never read « 0 % », and the organisers' figures of the new engine."""

import pytest
from django.urls import reverse

from mediane.consultation.enums import ContributionStatus
from mediane.consultation.models import Contribution
from mediane.french import share
from mediane.synthesis import reports, services, services_topics
from mediane.synthesis.enums import TopicKind
from mediane.synthesis.models import Topic
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.synthesis.factories import build_run

pytestmark = pytest.mark.django_db

SENTENCE = "Ouvrir le soir, après le travail."


def url(name, *args):
    return reverse(f"synthesis:{name}", args=args)


def public_page(client, run):
    return client.get(url("published", run.theme.consultation.slug, run.theme.slug)).content.decode()


def contributions(theme, count, prefix="Horaires"):
    return [
        ContributionFactory(theme=theme, title=f"{prefix} {n}", body=f"Ouvrir le soir, n° {n}.") for n in range(count)
    ]


@pytest.fixture
def sentence_run(organiser):
    """A published run whose one topic's sentence is taken from its second contribution."""
    theme = ThemeFactory(closed=True)
    hours = contributions(theme, 3)
    run = build_run(theme, [("Horaires du soir", hours, 1)])
    Topic.objects.filter(run=run).update(sentence=SENTENCE, sentence_contribution=hours[1])
    services.publish_run(organiser, run)
    return run, hours[1]


def test_a_topic_sentence_is_shown_with_the_link_to_its_contribution(client, sentence_run):
    run, source = sentence_run
    link = f'« {SENTENCE} » (<a href="{source.get_absolute_url()}">contribution n° {source.pk}</a>)'
    assert link in public_page(client, run)
    assert link in client.get(url("topic", run.topics.get().pk)).content.decode()


def test_a_topic_sentence_is_gone_once_its_contribution_is_hidden(client, organiser, sentence_run):
    run, source = sentence_run
    Contribution.objects.filter(pk=source.pk).update(status=ContributionStatus.HIDDEN)
    topic = run.topics.get()
    pages = [public_page(client, run), client.get(url("topic", topic.pk)).content.decode()]
    client.force_login(organiser)
    pages += [client.get(url("run", run.pk)).content.decode(), client.get(url("topic", topic.pk)).content.decode()]
    for html in pages:
        # « En une phrase » alone is in the method's explanation.
        assert SENTENCE not in html and "En une phrase :" not in html
    assert reports.topic_overview(run)[0].sentence is None


def test_a_sentence_whose_contribution_was_deleted_is_never_shown(client, sentence_run):
    run, source = sentence_run
    Contribution.objects.filter(pk=source.pk).delete()
    assert Topic.objects.get(run=run).sentence_contribution is None
    assert SENTENCE not in public_page(client, run)


def test_a_merge_keeps_the_sentence_of_the_largest_topic(organiser):
    theme = ThemeFactory(closed=True)
    hours, tablets = contributions(theme, 3), contributions(theme, 2, prefix="Tablettes")
    run = build_run(theme, [("Horaires", hours, 1), ("Tablettes", tablets, 1)])
    Topic.objects.filter(run=run, label="Horaires").update(sentence=SENTENCE, sentence_contribution=hours[0])
    Topic.objects.filter(run=run, label="Tablettes").update(sentence="Des tablettes.", sentence_contribution=tablets[0])
    merged = services_topics.merge_topics(organiser, list(run.topics.all()))
    assert (merged.sentence, merged.sentence_contribution_id) == (SENTENCE, hours[0].pk)


def test_a_split_gives_each_part_the_sentence_the_engine_found_for_it(organiser, monkeypatch):
    from mediane.synthesis.engine import SynthesisResult
    from mediane.synthesis.engine import Topic as Found

    theme = ThemeFactory(closed=True)
    hours, tablets = contributions(theme, 3), contributions(theme, 2, prefix="Tablettes")
    run = build_run(theme, [("Mélange", hours + tablets, 1)])
    topic = run.topics.get()
    Topic.objects.filter(pk=topic.pk).update(sentence="Des tablettes.", sentence_contribution=tablets[0])

    def part(label, members, sentence):
        ids = [str(c.pk) for c in members]
        return Found(label, [], [], len(ids), ids, ids[:1], sentence=sentence, sentence_id=ids[0] if sentence else "")

    result = SynthesisResult(
        topics=[part("Horaires", hours, SENTENCE), part("Tablettes", tablets, "")],
        duplicates=[],
        non_informative_ids=[],
        figures={"fine_topics": 2},
    )
    monkeypatch.setattr("mediane.synthesis.engine.synthesise", lambda documents, **options: result)
    first, second = services_topics.split_topic(organiser, topic)
    assert (first.sentence, first.sentence_contribution_id) == (SENTENCE, hours[0].pk)
    # The former sentence came from a contribution now in the other part, and the engine found none there.
    assert (second.sentence, second.sentence_contribution_id) == ("", None)


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (1, "<strong>1</strong> contribution publiée a été lue ;</li>\n  <li>elle forme <strong>1</strong> sujet ;"),
        (
            3,
            "<strong>3</strong> contributions publiées ont été lues ;</li>\n"
            "  <li>elles forment <strong>1</strong> sujet ;",
        ),
    ],
)
def test_the_figures_in_words_agree_with_the_contributions(client, organiser, size, expected):
    theme = ThemeFactory(closed=True)
    run = build_run(theme, [("Horaires du soir", contributions(theme, size), 1)], published=True)
    html = public_page(client, run)
    assert expected in html
    one = (
        "Un programme a lu la contribution publiée du thème." if size == 1 else "Un programme a lu les 3 contributions"
    )
    assert one in html


def test_without_topic_the_figures_say_none(client):
    theme = ThemeFactory(closed=True)
    yes = [ContributionFactory(theme=theme, title="Oui", body="oui") for _ in range(2)]
    run = build_run(theme, [], closed=[("Oui", yes)], published=True)
    assert "elles ne forment aucun sujet ;" in public_page(client, run)


def test_the_method_counts_the_contributions_published_now_like_the_rest_of_the_page(client, organiser):
    theme = ThemeFactory(closed=True)
    hours = contributions(theme, 4)
    run = build_run(theme, [("Horaires du soir", hours, 1)], published=True)
    Contribution.objects.filter(pk=hours[3].pk).update(status=ContributionStatus.HIDDEN)
    html = public_page(client, run)
    assert "Un programme a lu les 3 contributions publiées du thème." in html
    assert "rassemble les 3 contributions publiées" in html and "4 contributions" not in html


def test_a_share_below_one_percent_reads_less_than_one_percent():
    assert share(1, 250) == "moins de 1\u00a0%"
    assert share(0, 250) == "0\u00a0%" and share(3, 4) == "75\u00a0%"
    assert reports.with_shares([("Oui", 1), ("Non", 199)], 200) == [
        ("Oui", 1, "moins de 1\u00a0%"),
        ("Non", 199, "100\u00a0%"),
    ]


def test_one_example_of_the_other_contributions_reads_in_the_singular(client):
    theme = ThemeFactory(closed=True)
    other = [ContributionFactory(theme=theme, title="À part", body="Une idée isolée.")]
    run = build_run(theme, [("Horaires", contributions(theme, 2), 1)], other=other, examples=1, published=True)
    html = public_page(client, run)
    assert "la synthèse la montre ici, en voici une." in html and "quelques-unes" not in html


def test_the_distinctive_words_are_for_organisers_only(client, organiser):
    theme = ThemeFactory(closed=True)
    run = build_run(theme, [("Horaires", contributions(theme, 2), 1)], published=True)
    topic = run.topics.get()
    assert "Mots distinctifs" not in client.get(url("topic", topic.pk)).content.decode()
    client.force_login(organiser)
    assert "Mots distinctifs" in client.get(url("topic", topic.pk)).content.decode()


def test_a_short_answer_page_says_what_its_answers_amount_to(client):
    theme = ThemeFactory(closed=True)
    none = [ContributionFactory(theme=theme, title="Rien", body="rien") for _ in range(2)]
    run = build_run(theme, [], closed=[("Aucun, rien", none)], published=True)
    html = client.get(url("topic", run.topics.get(kind=TopicKind.CLOSED).pk)).content.decode()
    assert "Ces réponses courtes reviennent à dire « aucun, rien » : elles sont comptées à part" in html
    assert "ou presque" not in html


def test_the_run_page_tells_how_the_new_engine_found_its_topics(client, organiser):
    theme = ThemeFactory(closed=True)
    other = [ContributionFactory(theme=theme, title="À part", body="Une idée isolée.")]
    figures = {"chosen_k": 1, "fine_topics": 4, "other": 1, "topics": 1, "distinct_texts": 4, "duplicate_groups": 1}
    run = build_run(theme, [("Horaires", contributions(theme, 3), 1)], other=other, figures=figures)
    client.force_login(organiser)
    html = client.get(url("run", run.pk)).content.decode()
    assert "Le programme pouvait former de 3 à 40 sujets ; il en a retenu 1." in html
    assert (
        "Il a d'abord fait 4 petits groupes de textes proches, puis réuni les groupes qui emploient les mêmes mots. "
        "1 contribution trop éloignée de tous les sujets est placée dans « Autres contributions »."
    ) in html
    assert "silhouette" not in html and "Règle de choix" not in html and 'id="scores"' not in html
    assert "<strong>1</strong> texte envoyé plusieurs fois, presque mot pour mot (0 contribution en tout" in html
