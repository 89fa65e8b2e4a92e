"""Factories for synthesis runs, topics and memberships, and a builder of a whole succeeded run.

`build_run` writes a run the way the task would, without the engine: tests of reading and editing need exact
topics, not the engine's choices.
"""

import datetime as dt

import factory
from django.utils import timezone

from mediane.synthesis.enums import RunStatus, TopicKind
from mediane.synthesis.models import SynthesisRun, Topic, TopicMembership
from tests.consultation.factories import ThemeFactory


class SynthesisRunFactory(factory.django.DjangoModelFactory):
    """A succeeded run of a closed theme; traits give the other states."""

    class Meta:
        model = SynthesisRun

    theme = factory.SubFactory(ThemeFactory, closed=True)
    status = RunStatus.SUCCEEDED
    stage = "done"
    progress = 1.0
    attempts = 1
    started_at = factory.LazyFunction(timezone.now)
    heartbeat_at = factory.LazyFunction(timezone.now)
    finished_at = factory.LazyFunction(timezone.now)

    class Params:
        queued = factory.Trait(
            status=RunStatus.QUEUED,
            stage="",
            progress=0.0,
            attempts=0,
            started_at=None,
            heartbeat_at=None,
            finished_at=None,
        )
        running = factory.Trait(status=RunStatus.RUNNING, stage="cluster", progress=0.4, finished_at=None)
        # Its process died: it still says running, but its last sign of life is an hour old.
        stale = factory.Trait(
            status=RunStatus.RUNNING,
            stage="vectorise",
            progress=0.3,
            finished_at=None,
            heartbeat_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1)),
        )
        failed = factory.Trait(status=RunStatus.FAILED, error="Le moteur a refusé les données.")
        published = factory.Trait(published_at=factory.LazyFunction(timezone.now))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    run = factory.SubFactory(SynthesisRunFactory)
    kind = TopicKind.TOPIC
    position = factory.Sequence(lambda n: n + 1)
    label = factory.Sequence(lambda n: f"Sujet {n}")
    generated_label = factory.LazyAttribute(lambda o: o.label)
    terms = factory.LazyFunction(lambda: ["atelier", "bibliothèque"])


def _add_members(run, topic, contributions, ranked, group_of):
    """`contributions` into `topic`, the first `ranked` of them as its representatives; `group_of` gives each one's
    duplicate group."""
    TopicMembership.objects.bulk_create(
        TopicMembership(
            run=run,
            topic=topic,
            contribution=contribution,
            representative_rank=index + 1 if index < ranked else None,
            duplicate_group=group_of.get(contribution.pk),
        )
        for index, contribution in enumerate(contributions)
    )


def build_run(
    theme,
    topics,
    *,
    non_informative=(),
    duplicates=(),
    published=False,
    closed=(),
    other=(),
    examples=0,
    **run_fields,
):
    """A succeeded run of `theme` whose topics are `topics`: a list of (label, [contributions], n_representatives).

    Topics are in the order given (positions 1, 2…), with their first n contributions as representatives.
    `duplicates` is a list of groups of contributions; `non_informative`, the contributions set aside; `closed`, the
    short answers as (label, [contributions]); `other`, the « Autres contributions ». The first `examples` of
    `other` and of `non_informative` are ranked, as the service ranks the examples it keeps.
    """
    if published:
        run_fields["published_at"] = timezone.now()
    run = SynthesisRunFactory(theme=theme, **run_fields)
    group_of = {c.pk: number for number, group in enumerate(duplicates, start=1) for c in group}
    count = 0
    for position, (label, contributions, representatives) in enumerate(topics, start=1):
        topic = TopicFactory(run=run, position=position, label=label, size=len(contributions))
        _add_members(run, topic, contributions, representatives, group_of)
        count += len(contributions)
    groups = [(TopicKind.CLOSED, position, label, members) for position, (label, members) in enumerate(closed, 1)]
    groups += [
        (TopicKind.OTHER, 0, "Autres contributions", list(other)),
        (TopicKind.NON_INFORMATIVE, 0, "Réponses sans contenu exploitable", list(non_informative)),
    ]
    for kind, position, label, members in groups:
        if not members:
            continue
        group = TopicFactory(run=run, kind=kind, position=position, label=label, terms=[], size=len(members))
        _add_members(run, group, members, examples if kind != TopicKind.CLOSED else 0, group_of)
        count += len(members)
    SynthesisRun.objects.filter(pk=run.pk).update(contributions_count=count)
    run.refresh_from_db()
    return run


# Three subjects that share no vocabulary, so the real engine separates them whatever its tuning.
SUBJECTS = {
    "horaires": [
        ("Horaires du samedi", "Élargir les horaires d'ouverture le samedi et le soir pour les salariés."),
        ("Horaires du soir", "Des horaires d'ouverture le soir, après le travail, pour les salariés."),
        ("Ouvrir le samedi", "Les horaires d'ouverture du samedi sont trop courts : ouvrir le samedi soir."),
        ("Horaires élargis", "Élargir les horaires d'ouverture : le soir en semaine et le samedi."),
        ("Le soir aussi", "Les salariés demandent des horaires d'ouverture le soir et le samedi."),
        ("Samedi et soir", "Ouvrir le samedi et le soir : des horaires d'ouverture adaptés aux salariés."),
    ],
    "tablettes": [
        ("Prêt de tablettes", "Un prêt de tablettes aux seniors isolés, à domicile."),
        ("Tablettes à domicile", "Le prêt de tablettes à domicile rassure les seniors isolés."),
        ("Tablettes pour seniors", "Des tablettes en prêt pour les seniors qui restent à domicile."),
        ("Seniors isolés", "Les seniors isolés empruntent des tablettes en prêt à domicile."),
        ("Prêter des tablettes", "Prêter des tablettes aux seniors, avec une visite à domicile."),
        ("Tablettes prêtées", "Tablettes prêtées aux seniors isolés : un prêt long, à domicile."),
    ],
    "formation": [
        ("Former les bibliothécaires", "La formation des bibliothécaires à la médiation, certifiée par Pix."),
        ("Formation continue", "Une formation continue des bibliothécaires, avec une certification Pix."),
        ("Certification Pix", "Certifier par Pix la formation des bibliothécaires et des bénévoles."),
        ("Formation des bénévoles", "La formation des bénévoles et des bibliothécaires, certifiée Pix."),
        ("CNFPT", "Le CNFPT pour la formation des bibliothécaires, avec la certification Pix."),
        ("Analyse des pratiques", "Formation des bibliothécaires et analyse des pratiques, puis Pix."),
    ],
}


def seed_subjects(theme, subjects=("horaires", "tablettes", "formation"), **fields):
    """Published contributions of `theme` on clearly separate subjects: {subject: [contributions]}."""
    from mediane.consultation.enums import ContributionKind
    from tests.consultation.factories import ContributionFactory

    kinds = [ContributionKind.PROPOSAL, ContributionKind.VIGILANCE, ContributionKind.EXPERIENCE]
    return {
        subject: [
            ContributionFactory(theme=theme, title=title, body=body, kind=kinds[index % 3], **fields)
            for index, (title, body) in enumerate(SUBJECTS[subject])
        ]
        for subject in subjects
    }
