"""The synthesis services: launching and running a synthesis, the working group's edits, and publication."""

import datetime as dt

import pytest
from django.utils import timezone

from mediane import bulk
from mediane.consultation.enums import ContributionStatus
from mediane.consultation.models import Contribution, Theme
from mediane.jobs import runner
from mediane.synthesis import services, services_topics
from mediane.synthesis.enums import EditAction, RunStatus, TopicKind
from mediane.synthesis.models import SynthesisEdit, SynthesisRun, Topic, TopicMembership
from mediane.synthesis.services import SynthesisError
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.synthesis.factories import SynthesisRunFactory, build_run, seed_subjects

pytestmark = pytest.mark.django_db


def launch(capture, theme, actor, **options):
    with capture(execute=True):
        run = services.launch_synthesis(theme, actor, **options)
    run.refresh_from_db()
    return run


def test_an_organiser_launches_a_synthesis_that_runs_once_committed(organiser, django_capture_on_commit_callbacks):
    theme = ThemeFactory(closed=True)
    subjects = seed_subjects(theme)
    ContributionFactory(theme=theme, hidden=True, title="Masquée", body="Propos masqué par la modération.")

    run = launch(django_capture_on_commit_callbacks, theme, organiser, max_topics=5)

    assert run.status == RunStatus.SUCCEEDED
    assert (run.stage, run.progress) == ("done", 1.0)
    assert run.started_at and run.finished_at and run.heartbeat_at
    assert run.contributions_count == 18  # the hidden one is not analysed
    assert run.figures["documents"] == 18 and "warnings" in run.figures
    topics = list(run.topics.filter(kind=TopicKind.TOPIC).order_by("position"))
    assert len(topics) == 3
    assert sorted(topic.size for topic in topics) == [6, 6, 6]
    assert [topic.position for topic in topics] == [1, 2, 3]
    assert all(topic.label == topic.generated_label and topic.terms for topic in topics)
    # Each subject lands in one topic, whole.
    member_sets = [set(topic.memberships.values_list("contribution_id", flat=True)) for topic in topics]
    assert sorted(map(sorted, member_sets)) == sorted(sorted(c.pk for c in group) for group in subjects.values())
    for topic in topics:
        ranks = sorted(
            topic.memberships.exclude(representative_rank=None).values_list("representative_rank", flat=True)
        )
        assert ranks == list(range(1, len(ranks) + 1)) and ranks
    launch_edit = SynthesisEdit.objects.get(run=run)
    assert launch_edit.action == EditAction.LAUNCH and launch_edit.actor == organiser
    assert "de 3 à 5 sujets" in launch_edit.details["summary"]


def test_the_run_waits_for_the_commit(organiser, django_capture_on_commit_callbacks):
    theme = ThemeFactory(closed=True)
    ContributionFactory(theme=theme)
    with django_capture_on_commit_callbacks() as callbacks:
        run = services.launch_synthesis(theme, organiser)
    assert len(callbacks) == 1
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and not run.topics.exists()


def test_progress_is_written_as_the_engine_goes_and_visible_at_once(organiser, monkeypatch):
    run = SynthesisRunFactory(queued=True)
    ContributionFactory(theme=run.theme)
    seen = []

    def engine(documents, progress, **kwargs):
        from mediane.synthesis.engine import SynthesisResult

        progress("cluster", 0.5)
        fresh = SynthesisRun.objects.get(pk=run.pk)
        seen.append((fresh.stage, fresh.progress, fresh.stage_label))
        return SynthesisResult(topics=[], duplicates=[], non_informative_ids=[], figures={})

    monkeypatch.setattr(runner, "PROGRESS_INTERVAL", 0.0)
    monkeypatch.setattr("mediane.synthesis.engine.synthesise", engine)
    services.run_synthesis(run.pk)
    ((stage, progress, label),) = seen
    assert stage == "cluster" and label == "regroupement en sujets"
    assert progress == pytest.approx(services.ENGINE_START + (services.ENGINE_END - services.ENGINE_START) / 2)


@pytest.mark.parametrize("persona", ["citizen", "wg_member", "moderator", "mediator"])
def test_only_organisers_launch_a_synthesis(request, persona):
    theme = ThemeFactory(closed=True)
    ContributionFactory(theme=theme)
    with pytest.raises(SynthesisError, match="organisateur"):
        services.launch_synthesis(theme, request.getfixturevalue(persona))
    assert not SynthesisRun.objects.exists()


def test_a_second_launch_is_refused_while_one_runs(organiser):
    running = SynthesisRunFactory(running=True)
    ContributionFactory(theme=running.theme)
    with pytest.raises(SynthesisError, match=f"déjà en cours \\(n° {running.pk}"):
        services.launch_synthesis(running.theme, organiser)
    assert SynthesisRun.objects.count() == 1


def test_a_dead_run_never_blocks_a_new_launch(organiser, django_capture_on_commit_callbacks):
    dead = SynthesisRunFactory(stale=True)
    ContributionFactory(theme=dead.theme)
    with django_capture_on_commit_callbacks():
        fresh = services.launch_synthesis(dead.theme, organiser)
    dead.refresh_from_db()
    assert dead.status == RunStatus.FAILED
    assert "ne donne plus signe de vie" in dead.error and dead.finished_at
    assert fresh.status == RunStatus.QUEUED and fresh.pk != dead.pk


def test_a_theme_without_published_contributions_has_nothing_to_synthesise(organiser):
    theme = ThemeFactory(closed=True)
    ContributionFactory(theme=theme, hidden=True)
    with pytest.raises(SynthesisError, match="aucune contribution publiée"):
        services.launch_synthesis(theme, organiser)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"backend": "inconnue"}, "Méthode « inconnue » inconnue"),
        ({"min_topics": 8, "max_topics": 4}, "le minimum ne dépassant pas le maximum"),
        ({"max_topics": 500}, "au plus 80"),
        ({"seed": -1}, "graine"),
    ],
)
def test_options_out_of_bounds_are_refused(organiser, options, message):
    theme = ThemeFactory(closed=True)
    ContributionFactory(theme=theme)
    with pytest.raises(SynthesisError, match=message):
        services.launch_synthesis(theme, organiser, **options)


def test_the_default_backend_comes_from_the_settings(organiser, settings, django_capture_on_commit_callbacks):
    settings.MEDIANE_SYNTHESIS_BACKEND = "inconnue"
    theme = ThemeFactory(closed=True)
    ContributionFactory(theme=theme)
    with pytest.raises(SynthesisError, match="« inconnue »"):
        services.launch_synthesis(theme, organiser)


def test_running_a_run_that_no_longer_waits_does_nothing(monkeypatch):
    done = SynthesisRunFactory()
    monkeypatch.setattr("mediane.synthesis.engine.synthesise", lambda *a, **k: pytest.fail("must not run"))
    services.run_synthesis(done.pk)
    services.run_synthesis(987654)  # deleted meanwhile
    done.refresh_from_db()
    assert done.status == RunStatus.SUCCEEDED


def test_a_failure_while_saving_leaves_no_half_written_run(organiser, monkeypatch, django_capture_on_commit_callbacks):
    theme = ThemeFactory(closed=True)
    seed_subjects(theme, subjects=("horaires", "tablettes"))

    # Memberships are written by several short transactions: the second one fails, after the first was written.
    real_insert = bulk.insert
    calls = []

    def broken(model, *args, **kwargs):
        if model is TopicMembership:
            calls.append(model)
            if len(calls) == 2:
                raise OSError("disque plein")
        return real_insert(model, *args, **kwargs)

    monkeypatch.setattr(services, "MEMBERSHIP_BATCH", 5)
    monkeypatch.setattr(bulk, "insert", broken)
    run = launch(django_capture_on_commit_callbacks, theme, organiser)
    assert len(calls) == 2
    assert run.status == RunStatus.FAILED
    assert "erreur inattendue (OSError)" in run.error
    assert not Topic.objects.filter(run=run).exists()
    assert not TopicMembership.objects.filter(run=run).exists()


def test_an_engine_input_error_is_shown_in_its_own_french_words(organiser, monkeypatch):
    from mediane.synthesis.engine import SynthesisInputError

    run = SynthesisRunFactory(queued=True)
    ContributionFactory(theme=run.theme)

    def refuse(*args, **kwargs):
        raise SynthesisInputError("Méthode de synthèse « x » inconnue.")

    monkeypatch.setattr("mediane.synthesis.engine.synthesise", refuse)
    services.run_synthesis(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.error == "Méthode de synthèse « x » inconnue."


def test_non_informative_answers_and_duplicates_are_stored(organiser, django_capture_on_commit_callbacks):
    theme = ThemeFactory(closed=True)
    seed_subjects(theme, subjects=("horaires", "tablettes"))
    empty = ContributionFactory(theme=theme, title="?", body="...")
    copies = [
        ContributionFactory(theme=theme, title="Copie", body="Un prêt de tablettes aux seniors isolés, à domicile.")
        for _ in range(2)
    ]
    run = launch(django_capture_on_commit_callbacks, theme, organiser)
    bucket = run.topics.get(kind=TopicKind.NON_INFORMATIVE)
    assert bucket.label == services.NON_INFORMATIVE_LABEL
    assert list(bucket.memberships.values_list("contribution_id", flat=True)) == [empty.pk]
    groups = set(
        TopicMembership.objects.filter(run=run, contribution__in=copies).values_list("duplicate_group", flat=True)
    )
    assert len(groups) == 1 and None not in groups


# --- Editorial control ---


def two_topic_run(published=False):
    theme = ThemeFactory(closed=True)
    big = [ContributionFactory(theme=theme) for _ in range(4)]
    small = [ContributionFactory(theme=theme) for _ in range(2)]
    run = build_run(theme, [("Horaires", big, 3), ("Tablettes", small, 2)], published=published)
    run.big, run.small = big, small
    return run, list(run.topics.order_by("position"))


def test_an_organiser_renames_a_topic_and_the_log_says_so(organiser):
    run, (topic, _) = two_topic_run()
    services_topics.rename_topic(organiser, topic, "  Ouvrir   le samedi ")
    topic.refresh_from_db()
    assert topic.label == "Ouvrir le samedi" and topic.generated_label == "Horaires"
    edit = SynthesisEdit.objects.get(run=run, action=EditAction.RENAME)
    assert edit.topic == topic and edit.actor == organiser
    assert edit.details["summary"] == "Sujet « Horaires » renommé en « Ouvrir le samedi »."
    assert (edit.details["old_label"], edit.details["new_label"]) == ("Horaires", "Ouvrir le samedi")


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("   ", "Donnez un intitulé"),
        ("x" * 201, "201"),
        ("Horaires", "le même que l'actuel"),
        ("Hor\x1baires", "caractère invisible interdit"),
    ],
)
def test_a_rename_needs_a_new_label_of_reasonable_length(organiser, label, message):
    _, (topic, _) = two_topic_run()
    with pytest.raises(SynthesisError, match=message):
        services_topics.rename_topic(organiser, topic, label)
    assert not SynthesisEdit.objects.exists()


def test_a_working_group_member_cannot_edit(wg_member):
    _, (topic, other) = two_topic_run()
    for edit in (
        lambda: services_topics.rename_topic(wg_member, topic, "Autre"),
        lambda: services_topics.merge_topics(wg_member, [topic, other]),
        lambda: services_topics.split_topic(wg_member, topic),
    ):
        with pytest.raises(SynthesisError, match="organisateur"):
            edit()


def test_the_non_informative_bucket_is_not_edited(organiser):
    theme = ThemeFactory(closed=True)
    run = build_run(
        theme, [("Horaires", [ContributionFactory(theme=theme)], 1)], non_informative=[ContributionFactory(theme=theme)]
    )
    bucket = run.topics.get(kind=TopicKind.NON_INFORMATIVE)
    with pytest.raises(SynthesisError, match="groupe à part"):
        services_topics.rename_topic(organiser, bucket, "Autre")
    with pytest.raises(SynthesisError, match="groupe à part"):
        services_topics.merge_topics(organiser, list(run.topics.all()))


def test_only_a_succeeded_run_is_edited(organiser):
    run = SynthesisRunFactory(failed=True)
    from tests.synthesis.factories import TopicFactory

    topic = TopicFactory(run=run)
    with pytest.raises(SynthesisError, match="terminée avec succès"):
        services_topics.rename_topic(organiser, topic, "Autre")


def test_merging_moves_every_contribution_into_the_largest_topic(organiser):
    from mediane.synthesis import signals

    run, (big, small) = two_topic_run()
    big.terms, small.terms = ["horaire", "samedi"], ["tablette", "senior", "domicile"]
    Topic.objects.bulk_update([big, small], ["terms"])
    received = []
    signals.topics_merged.connect(
        lambda sender, target, merged, **kw: received.append((target.pk, [t.pk for t in merged])),
        weak=False,
        dispatch_uid="test-merge",
    )
    try:
        merged = services_topics.merge_topics(organiser, [small, big])
    finally:
        signals.topics_merged.disconnect(dispatch_uid="test-merge")

    assert merged.pk == big.pk and merged.label == "Horaires" and merged.size == 6
    assert not Topic.objects.filter(pk=small.pk).exists()
    assert TopicMembership.objects.filter(run=run, topic=merged).count() == 6
    assert merged.terms == ["horaire", "tablette", "samedi", "senior", "domicile"][:3]
    # Representatives taken in turn: best of the largest, best of the other, second of the largest…
    ranked = merged.memberships.exclude(representative_rank=None).order_by("representative_rank")
    expected = [run.big[0], run.small[0], run.big[1], run.small[1], run.big[2]]
    assert [m.contribution_id for m in ranked] == [c.pk for c in expected]
    assert [m.representative_rank for m in ranked] == [1, 2, 3, 4, 5]
    assert received == [(big.pk, [small.pk])]
    edit = SynthesisEdit.objects.get(run=run, action=EditAction.MERGE)
    assert (
        edit.details["summary"]
        == "Sujets « Horaires » (4), « Tablettes » (2) fusionnés en « Horaires » (6 contributions)."
    )
    assert merged.position == 1


def test_merging_takes_a_new_label_when_given(organiser):
    run, topics = two_topic_run()
    merged = services_topics.merge_topics(organiser, topics, "Accueil des publics")
    assert merged.label == "Accueil des publics"
    assert SynthesisEdit.objects.get(action=EditAction.MERGE).details["label"] == "Accueil des publics"


def test_merging_needs_two_topics_of_the_same_run(organiser):
    _, (topic, _) = two_topic_run()
    _, (elsewhere, _) = two_topic_run()
    with pytest.raises(SynthesisError, match="au moins deux"):
        services_topics.merge_topics(organiser, [topic, topic])
    with pytest.raises(SynthesisError, match="même synthèse"):
        services_topics.merge_topics(organiser, [topic, elsewhere])


def test_splitting_runs_the_engine_on_the_topic_and_makes_two_topics(organiser):
    theme = ThemeFactory(closed=True)
    subjects = seed_subjects(theme, subjects=("horaires", "tablettes", "formation"))
    mixed = subjects["horaires"] + subjects["tablettes"]
    run = build_run(theme, [("Tout et rien", mixed, 3), ("Formation", subjects["formation"], 2)])
    topic = run.topics.get(label="Tout et rien")

    first, second = services_topics.split_topic(organiser, topic)

    assert first.pk == topic.pk and first.size + second.size == 12
    parts = [set(part.memberships.values_list("contribution_id", flat=True)) for part in (first, second)]
    assert sorted(map(sorted, parts)) == sorted(
        sorted(c.pk for c in group) for group in (subjects["horaires"], subjects["tablettes"])
    )
    for part in (first, second):
        assert part.label == part.generated_label != "Tout et rien"
        ranks = sorted(part.memberships.exclude(representative_rank=None).values_list("representative_rank", flat=True))
        assert ranks == list(range(1, len(ranks) + 1)) and ranks
    assert [t.position for t in run.topics.filter(kind=TopicKind.TOPIC).order_by("position")] == [1, 2, 3]
    edit = SynthesisEdit.objects.get(action=EditAction.SPLIT)
    assert edit.details["summary"].startswith("Sujet « Tout et rien » (12) scindé en ")
    assert edit.details["old_label"] == "Tout et rien"


def test_a_split_runs_the_fast_tfidf_backend_whatever_the_backend_of_the_run(organiser, monkeypatch):
    from mediane.synthesis import engine

    theme = ThemeFactory(closed=True)
    subjects = seed_subjects(theme, subjects=("horaires", "tablettes"))
    run = build_run(theme, [("Mélange", subjects["horaires"] + subjects["tablettes"], 2)], backend="semantique")
    real, backends = engine.synthesise, []

    def spy(documents, **options):
        backends.append(options["backend"])
        return real(documents, **options)

    monkeypatch.setattr(engine, "synthesise", spy)
    first, second = services_topics.split_topic(organiser, run.topics.get())

    assert backends == [services_topics.SPLIT_BACKEND] == ["tfidf"]
    assert first.size + second.size == 12
    assert SynthesisRun.objects.get(pk=run.pk).backend == "semantique"


def test_a_topic_of_copies_of_one_text_cannot_be_split(organiser):
    theme = ThemeFactory(closed=True)
    same = [ContributionFactory(theme=theme, title="Samedi", body="Ouvrir le samedi.") for _ in range(8)]
    run = build_run(theme, [("Samedi", same, 1)])
    with pytest.raises(SynthesisError, match="trop peu de contributions différentes"):
        services_topics.split_topic(organiser, run.topics.get())
    assert run.topics.count() == 1


def test_a_topic_of_one_contribution_cannot_be_split(organiser):
    theme = ThemeFactory(closed=True)
    run = build_run(theme, [("Seul", [ContributionFactory(theme=theme)], 1)])
    with pytest.raises(SynthesisError, match="une seule contribution"):
        services_topics.split_topic(organiser, run.topics.get())


# --- Publication ---


def test_publishing_shows_the_run_on_the_theme_and_replaces_the_previous_one(organiser):
    theme = ThemeFactory(closed=True)
    contribution = ContributionFactory(theme=theme)
    old = build_run(theme, [("Ancien", [contribution], 1)])
    services.publish_run(organiser, old)
    theme.refresh_from_db()
    assert theme.synthesis_published_at is not None and theme.phase == "synthese_publiee"

    new = build_run(theme, [("Nouveau", [contribution], 1)])
    services.publish_run(organiser, new)

    old.refresh_from_db()
    new.refresh_from_db()
    assert old.published_at is None and new.published_at is not None
    assert Theme.objects.get(pk=theme.pk).synthesis_published_at == new.published_at
    assert SynthesisEdit.objects.get(run=old, action=EditAction.UNPUBLISH).details["replaced_by"] == new.pk
    summary = SynthesisEdit.objects.get(run=new, action=EditAction.PUBLISH).details["summary"]
    assert summary == (
        f"Synthèse n° {new.pk} publiée sur la page publique du thème {theme.number}, "
        f"à la place de la synthèse n° {old.pk}."
    )


def test_a_synthesis_is_not_published_while_its_theme_is_open(organiser):
    theme = ThemeFactory()  # open
    run = build_run(theme, [("Sujet", [ContributionFactory(theme=theme)], 1)])
    with pytest.raises(SynthesisError, match="ouvert aux contributions jusqu'au"):
        services.publish_run(organiser, run)
    theme.refresh_from_db()
    assert theme.synthesis_published_at is None


@pytest.mark.parametrize("trait", ["failed", "running", "queued"])
def test_only_a_succeeded_run_is_published(organiser, trait):
    run = SynthesisRunFactory(**{trait: True})
    with pytest.raises(SynthesisError, match="terminée avec succès"):
        services.publish_run(organiser, run)


def test_publishing_twice_is_refused(organiser):
    run = SynthesisRunFactory()
    services.publish_run(organiser, run)
    with pytest.raises(SynthesisError, match="déjà publiée"):
        services.publish_run(organiser, run)


def test_unpublishing_takes_the_theme_back_to_closed(organiser):
    run = SynthesisRunFactory()
    services.publish_run(organiser, run)
    services.unpublish_run(organiser, run)
    run.refresh_from_db()
    theme = Theme.objects.get(pk=run.theme_id)
    assert run.published_at is None and theme.synthesis_published_at is None and theme.phase == "close"
    assert SynthesisEdit.objects.filter(run=run, action=EditAction.UNPUBLISH).exists()
    with pytest.raises(SynthesisError, match="n'est pas publiée"):
        services.unpublish_run(organiser, run)


def test_an_edit_of_the_published_run_is_public_at_once(organiser):
    from mediane.synthesis import reports

    run, (topic, _) = two_topic_run(published=True)
    services_topics.rename_topic(organiser, topic, "Ouvrir le samedi")
    published = reports.published_run(run.theme)
    assert published.pk == run.pk
    assert reports.topic_overview(published)[0].topic.label == "Ouvrir le samedi"


def test_a_run_is_dead_after_45_seconds_without_a_sign_of_life():
    run = SynthesisRunFactory(running=True, heartbeat_at=timezone.now() - dt.timedelta(seconds=30))
    assert not run.is_dead_at(timezone.now())
    assert run.is_dead_at(timezone.now() + dt.timedelta(seconds=16))


def test_a_split_never_reads_a_contribution_hidden_since_the_run(organiser, monkeypatch):
    from mediane.synthesis import engine

    theme = ThemeFactory(closed=True)
    subjects = seed_subjects(theme, subjects=("horaires", "tablettes"))
    hidden = ContributionFactory(theme=theme, title="Zorglub interdit", body="Zorglub zorglub zorglub interdit.")
    run = build_run(theme, [("Mélange", [*subjects["horaires"], *subjects["tablettes"], hidden], 2)])
    Contribution.objects.filter(pk=hidden.pk).update(status=ContributionStatus.HIDDEN)
    real, read = engine.synthesise, []

    def spy(documents, **options):
        read.extend(document.text for document in documents)
        return real(documents, **options)

    monkeypatch.setattr(engine, "synthesise", spy)
    first, second = services_topics.split_topic(organiser, run.topics.get())

    assert len(read) == 12 and not any("Zorglub" in text for text in read)
    assert first.size + second.size == 13
    assert hidden.pk in first.memberships.values_list("contribution_id", flat=True)


def test_each_kind_of_group_of_the_engine_is_stored_with_its_members_and_examples(organiser, monkeypatch):
    from mediane.synthesis.engine import ClosedAnswer, SynthesisResult
    from mediane.synthesis.engine import Topic as Found

    run = SynthesisRunFactory(queued=True)
    theme = run.theme
    ids = [str(ContributionFactory(theme=theme).pk) for _ in range(17)]
    found = Found(
        label="Horaires du soir",
        terms=["horaire", "soir"],
        phrases=["horaires du soir"],
        size=3,
        member_ids=ids[:3],
        representatives=[ids[1], ids[0]],
        sentence="Ouvrir le soir, après le travail.",
        sentence_id=ids[1],
    )
    result = SynthesisResult(
        topics=[found],
        duplicates=[ids[:3]],
        non_informative_ids=ids[3:5],
        closed_answers=[
            ClosedAnswer("Oui", ids[5:8]),
            ClosedAnswer("Non", ids[8:10]),
            ClosedAnswer("Je ne sais pas", []),
        ],
        other_ids=ids[10:17],
        figures={"closed_answers": 5},
    )
    monkeypatch.setattr("mediane.synthesis.engine.synthesise", lambda documents, **kwargs: result)
    services.run_synthesis(run.pk)

    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED
    rows = [(t.kind, t.position, t.label, t.size) for t in run.topics.order_by("kind", "position")]
    assert rows == [
        (TopicKind.CLOSED, 1, "Oui", 3),
        (TopicKind.CLOSED, 2, "Non", 2),  # a kind of answer nobody gave makes no group
        (TopicKind.NON_INFORMATIVE, 0, "Réponses sans contenu exploitable", 2),
        (TopicKind.OTHER, 0, "Autres contributions", 7),
        (TopicKind.TOPIC, 1, "Horaires du soir", 3),
    ]
    topic = run.topics.get(kind=TopicKind.TOPIC)
    assert topic.sentence == "Ouvrir le soir, après le travail." and topic.terms == ["horaire", "soir"]
    assert str(topic.sentence_contribution_id) == ids[1]

    def ranked(group):
        members = group.memberships.exclude(representative_rank=None).order_by("representative_rank")
        return [str(pk) for pk in members.values_list("contribution_id", flat=True)]

    assert ranked(topic) == [ids[1], ids[0]]
    assert ranked(run.topics.get(kind=TopicKind.OTHER)) == ids[10:15]  # five examples, the first ones
    assert ranked(run.topics.get(kind=TopicKind.NON_INFORMATIVE)) == ids[3:5]
    assert ranked(run.topics.get(label="Oui")) == []
    assert TopicMembership.objects.filter(run=run).count() == 17


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        (TopicKind.OTHER, "« Autres contributions » rassemblent les textes qui n'entrent dans aucun sujet"),
        (TopicKind.CLOSED, "Les réponses courtes"),
        (TopicKind.NON_INFORMATIVE, "groupe à part"),
    ],
)
def test_a_group_that_is_not_a_topic_is_never_renamed_merged_or_split(organiser, kind, message):
    theme = ThemeFactory(closed=True)
    members = [ContributionFactory(theme=theme) for _ in range(3)]
    extra = [ContributionFactory(theme=theme) for _ in range(2)]
    groups = {
        TopicKind.OTHER: {"other": extra},
        TopicKind.CLOSED: {"closed": [("Oui", extra)]},
        TopicKind.NON_INFORMATIVE: {"non_informative": extra},
    }
    run = build_run(theme, [("Horaires", members, 1)], **groups[kind])
    group, topic = run.topics.get(kind=kind), run.topics.get(kind=TopicKind.TOPIC)
    for edit in (
        lambda: services_topics.rename_topic(organiser, group, "Autre"),
        lambda: services_topics.merge_topics(organiser, [topic, group]),  # into the topic, the larger
        lambda: services_topics.merge_topics(organiser, [group, topic], "Tout"),
        lambda: services_topics.split_topic(organiser, group),
    ):
        with pytest.raises(SynthesisError, match=message) as refused:
            edit()
        assert "Seuls les sujets se modifient." in str(refused.value)
    assert run.topics.count() == 2 and not SynthesisEdit.objects.filter(run=run).exists()
    assert group.memberships.count() == 2 and topic.memberships.count() == 3
