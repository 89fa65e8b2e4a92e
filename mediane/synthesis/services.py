"""Every write of the synthesis: launching a run, running it (the background task's body), the working group's
editorial control over its topics (rename, merge, split), and publication on the theme's public page.

Each function checks, then acts inside `transaction.atomic()`, and raises `SynthesisError` with a French message
that says what to do. Each edit of a run writes a `SynthesisEdit` row whose `details["summary"]` is a sentence
that a reader of the log understands, even after the topics it names were renamed or merged away.

The engine (numpy, scikit-learn) is imported only where it runs, so that pages and commands start fast.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from mediane import bulk
from mediane.consultation import services as consultation_services
from mediane.consultation.models import Contribution, Theme
from mediane.french import count_phrase
from mediane.jobs import queue, runner
from mediane.text import control_character_message

from . import signals
from .enums import EditAction, RunStatus, TopicKind
from .models import SynthesisEdit, SynthesisRun, Topic, TopicMembership

if TYPE_CHECKING:
    from mediane.accounts.models import User
    from mediane.synthesis.engine import SynthesisResult

logger = logging.getLogger(__name__)

DEFAULT_MIN_TOPICS = 3
DEFAULT_MAX_TOPICS = 40
# Upper bound an organiser may ask for: beyond it, topics are too many to read in a meeting.
MAX_TOPICS_LIMIT = 80
MAX_SEED = 2**31 - 1
LABEL_MAX_LENGTH = 200
# Share of the progress bar: reading the contributions, the engine's stages, then saving the result.
ENGINE_START, ENGINE_END = 0.05, 0.9
MEMBERSHIP_BATCH = 5000
UPDATE_BATCH = 500
REPRESENTATIVES_KEPT = 5
# A split runs the engine during the request: beyond this size it would keep the organiser waiting too long.
SPLIT_MAX_SIZE = 20_000
# …so it always uses this backend, whatever the run's: the semantic one is about 40 times slower.
SPLIT_BACKEND = "tfidf"
NON_INFORMATIVE_LABEL = "Réponses sans contenu exploitable"


class SynthesisError(Exception):
    """A refusal of the synthesis services; the message is French and tells the person what to do."""


# --- Checks ------------------------------------------------------------------------------------------------------


def check_can_manage(actor: User | None) -> None:
    if actor is None or not actor.has_perm("synthesis.manage_synthesis"):
        raise SynthesisError(
            "Seul·e un·e organisateur·rice de la consultation peut lancer, modifier ou publier une synthèse."
        )


def _check_options(backend: str, min_topics: int, max_topics: int, seed: int) -> None:
    from mediane.synthesis.engine import backend_names

    known = backend_names()
    if backend not in known:
        raise SynthesisError(f"Méthode « {backend} » inconnue. Méthodes disponibles : {', '.join(known)}.")
    if not 1 <= min_topics <= max_topics <= MAX_TOPICS_LIMIT:
        raise SynthesisError(
            f"Le nombre de sujets doit aller d'au moins 1 à au plus {MAX_TOPICS_LIMIT}, le minimum ne dépassant "
            f"pas le maximum (vous avez demandé de {min_topics} à {max_topics})."
        )
    if not 0 <= seed <= MAX_SEED:
        raise SynthesisError(f"La graine doit être un nombre entier de 0 à {MAX_SEED}.")


def check_label(label: str) -> str:
    """The label cleaned of extra spaces; refuses an empty or too long one."""
    cleaned = " ".join((label or "").split())
    if (message := control_character_message(cleaned, "L'intitulé")) is not None:
        raise SynthesisError(message)
    if not cleaned:
        raise SynthesisError("Donnez un intitulé au sujet.")
    if len(cleaned) > LABEL_MAX_LENGTH:
        raise SynthesisError(
            f"L'intitulé ne doit pas dépasser {LABEL_MAX_LENGTH} caractères (il en compte {len(cleaned)})."
        )
    return cleaned


def _check_editable(run: SynthesisRun) -> None:
    if run.status != RunStatus.SUCCEEDED:
        raise SynthesisError("Seul le résultat d'une synthèse terminée avec succès peut être modifié ou publié.")


def _check_topic_kind(topic: Topic) -> None:
    if topic.kind != TopicKind.TOPIC:
        raise SynthesisError(
            "Les réponses sans contenu exploitable forment un groupe à part : il ne se renomme, ne se fusionne "
            "et ne se scinde pas."
        )


def _moment(value) -> str:
    return date_format(timezone.localtime(value), "j F Y à H:i")


def _log(run: SynthesisRun, actor: User | None, action: str, summary: str, topic: Topic | None = None, **details):
    return SynthesisEdit.objects.create(
        run=run, actor=actor, action=action, topic=topic, details={"summary": summary, **details}
    )


# --- Launching and running ---------------------------------------------------------------------------------------


def launch_synthesis(
    theme: Theme,
    actor: User | None,
    *,
    backend: str | None = None,
    min_topics: int = DEFAULT_MIN_TOPICS,
    max_topics: int = DEFAULT_MAX_TOPICS,
    seed: int = 0,
) -> SynthesisRun:
    """Queue a synthesis of the theme's published contributions; the job starts once the transaction commits.

    Refuses when `actor` is not an organiser, when the options are out of bounds, when the theme has no
    published contribution, or when a run of the theme is queued or running and alive. A run whose process died
    (worker killed, server restarted) never blocks a launch: it is marked failed first.
    """
    check_can_manage(actor)
    backend = backend or settings.MEDIANE_SYNTHESIS_BACKEND
    _check_options(backend, min_topics, max_topics, seed)
    with transaction.atomic():
        # Launches of one theme queue behind this lock (PostgreSQL); the unique constraint is the last word.
        Theme.objects.select_for_update().filter(pk=theme.pk).first()
        runner.retire_dead(SynthesisRun.objects.active().filter(theme=theme))
        for active in SynthesisRun.objects.active().filter(theme=theme):
            raise SynthesisError(
                f"Une synthèse de ce thème est déjà {active.get_status_display()} (n° {active.pk}, lancée le "
                f"{_moment(active.created_at)}). Attendez qu'elle se termine avant d'en lancer une autre."
            )
        if not Contribution.objects.published().in_theme(theme).exists():
            raise SynthesisError("Ce thème n'a encore aucune contribution publiée : il n'y a rien à synthétiser.")
        try:
            with transaction.atomic():
                run = SynthesisRun.objects.create(
                    theme=theme,
                    launched_by=actor,
                    backend=backend,
                    min_topics=min_topics,
                    max_topics=max_topics,
                    seed=seed,
                    created_at=timezone.now(),
                )
        except IntegrityError:
            raise SynthesisError(
                "Une autre synthèse de ce thème vient d'être lancée. Attendez qu'elle se termine."
            ) from None
        _log(
            run,
            actor,
            EditAction.LAUNCH,
            f"Synthèse lancée (méthode « {backend} », de {min_topics} à {max_topics} sujets, graine {seed}).",
            backend=backend,
            min_topics=min_topics,
            max_topics=max_topics,
            seed=seed,
        )
        queue.start(run)
    return run


def run_synthesis(run_id: int) -> SynthesisRun | None:
    """Run the queued synthesis `run_id` in this process (what a worker does; the demo loader calls it too)."""
    return runner.run_job(SynthesisRun, run_id)


def compute_run(run: SynthesisRun, progress: runner.Progress) -> None:
    """The job's work: read the theme's published contributions, run the engine, save the result.

    Progress and signs of life are written as the engine goes, each by its own short update, so other
    connections see them. The result is written by short transactions while the run still says running (no page
    reads a running run's topics), then the run turns succeeded in one last transaction: a failure or a killed
    process leaves no half-written result visible (`discard_partial_work` removes it), and the published run of the
    theme is never touched. A problem with the contributions themselves fails the run with the engine's message.
    """
    from mediane.synthesis.engine import SynthesisInputError

    progress("read", 0.0)
    try:
        documents_count, result = _compute(run, progress)
    except SynthesisInputError as error:
        raise runner.JobFailed(str(error)) from error
    progress("save", ENGINE_END)
    _save_result(run, documents_count, result, progress)


def _compute(run: SynthesisRun, progress: runner.Progress) -> tuple[int, SynthesisResult]:
    from mediane.synthesis.engine import Document, synthesise

    rows = (
        Contribution.objects.published()
        .filter(theme_id=run.theme_id)
        .order_by("pk")
        .values_list("pk", "title", "body")
        .iterator(chunk_size=2000)
    )
    documents = [Document(id=str(pk), text=f"{title}\n{body}") for pk, title, body in rows]

    def engine_progress(stage: str, fraction: float) -> None:
        progress(stage, ENGINE_START + (ENGINE_END - ENGINE_START) * max(0.0, min(1.0, fraction)))

    result = synthesise(
        documents,
        seed=run.seed,
        min_topics=run.min_topics,
        max_topics=run.max_topics,
        backend=run.backend,
        progress=engine_progress,
    )
    return len(documents), result


def _plain(value: Any) -> Any:
    """The engine's figures as plain JSON values (numpy numbers become Python ones)."""
    return json.loads(json.dumps(value, default=lambda v: v.item() if hasattr(v, "item") else str(v)))


def _batches(items: Iterable, size: int) -> Iterable[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _save_result(run: SynthesisRun, documents_count: int, result: SynthesisResult, progress: runner.Progress) -> None:
    """Write the topics, then the memberships by batches (each its own short transaction: on SQLite a write holds
    the whole database), then turn the run succeeded."""
    duplicate_of = {doc_id: number for number, group in enumerate(result.duplicates, start=1) for doc_id in group}
    topics = [
        Topic(
            run=run,
            kind=TopicKind.TOPIC,
            position=position,
            label=found.label[:LABEL_MAX_LENGTH],
            generated_label=found.label[:LABEL_MAX_LENGTH],
            terms=list(found.terms),
            phrases=list(found.phrases),
            size=found.size,
        )
        for position, found in enumerate(result.topics, start=1)
    ]
    members: list[list[str]] = [list(found.member_ids) for found in result.topics]
    ranks: list[dict[str, int]] = [
        {doc_id: rank for rank, doc_id in enumerate(found.representatives, start=1)} for found in result.topics
    ]
    if result.non_informative_ids:
        topics.append(
            Topic(
                run=run,
                kind=TopicKind.NON_INFORMATIVE,
                position=0,
                label=NON_INFORMATIVE_LABEL,
                generated_label=NON_INFORMATIVE_LABEL,
                size=len(result.non_informative_ids),
            )
        )
        members.append(list(result.non_informative_ids))
        ranks.append({})
    with transaction.atomic():
        runner.lock_current(run)
        Topic.objects.bulk_create(topics)
    fields = ("run", "topic", "contribution", "representative_rank", "duplicate_group")
    rows = (
        bulk.db_values(
            TopicMembership,
            fields,
            {
                "run": run.pk,
                "topic": topic.pk,
                "contribution": int(doc_id),
                "representative_rank": rank_of.get(doc_id),
                "duplicate_group": duplicate_of.get(doc_id),
            },
        )
        for topic, ids, rank_of in zip(topics, members, ranks, strict=True)
        for doc_id in ids
    )
    total = max(1, documents_count)
    written = 0
    for batch in _batches(rows, MEMBERSHIP_BATCH):
        with transaction.atomic():
            runner.lock_current(run)
            bulk.insert(TopicMembership, fields, batch)
        written += len(batch)
        progress("save", ENGINE_END + (1 - ENGINE_END) * 0.99 * min(1.0, written / total))
    with transaction.atomic():
        runner.lock_current(run)
        runner.finish(
            run,
            stage="done",
            contributions_count=documents_count,
            figures=_plain(result.figures),
        )


# --- Editorial control -------------------------------------------------------------------------------------------


def _lock_topic(topic: Topic) -> Topic:
    locked = Topic.objects.select_for_update().select_related("run").filter(pk=topic.pk).first()
    if locked is None:
        raise SynthesisError("Ce sujet n'existe plus (il a peut-être été fusionné) : rechargez la page.")
    return locked


def _renumber(run: SynthesisRun) -> None:
    """Topics from the largest to the smallest, as the engine gives them; ties keep their order."""
    topics = list(Topic.objects.filter(run=run, kind=TopicKind.TOPIC).order_by("-size", "position", "pk"))
    for position, topic in enumerate(topics, start=1):
        topic.position = position
    Topic.objects.bulk_update(topics, ["position"])


def _set_representatives(topic: Topic, membership_ids: Sequence[int]) -> None:
    """`membership_ids` become the topic's representatives, in this order; the others lose their rank."""
    TopicMembership.objects.filter(topic=topic, representative_rank__isnull=False).update(representative_rank=None)
    ranked = [TopicMembership(pk=pk, representative_rank=rank) for rank, pk in enumerate(membership_ids, start=1)]
    TopicMembership.objects.bulk_update(ranked, ["representative_rank"])


def _interleave(lists: Sequence[Sequence], limit: int) -> list:
    """The first item of each list, then the second of each…, without repeats, at most `limit` items."""
    merged: list = []
    for item in itertools.chain.from_iterable(itertools.zip_longest(*lists)):
        if item is not None and item not in merged:
            merged.append(item)
    return merged[:limit]


def rename_topic(actor: User | None, topic: Topic, label: str) -> Topic:
    """Give `topic` a label of the working group's choice; the engine's label stays in `generated_label`."""
    check_can_manage(actor)
    label = check_label(label)
    with transaction.atomic():
        locked = _lock_topic(topic)
        _check_editable(locked.run)
        _check_topic_kind(locked)
        if label == locked.label:
            raise SynthesisError("Le nouvel intitulé est le même que l'actuel : rien n'a changé.")
        old = locked.label
        Topic.objects.filter(pk=locked.pk).update(label=label)
        _log(
            locked.run,
            actor,
            EditAction.RENAME,
            f"Sujet « {old} » renommé en « {label} ».",
            topic=locked,
            old_label=old,
            new_label=label,
        )
    topic.label = label
    return topic


def merge_topics(actor: User | None, topics: Sequence[Topic], label: str = "") -> Topic:
    """Merge two or more topics of one run into the largest of them, which takes `label` if one is given.

    Its contributions are all of theirs; its size is the sum; its representatives are taken in turn from each
    merged topic (best of the largest, best of the next…), so every part is quoted; its distinctive terms are
    interleaved the same way. The other topics are deleted (`signals.topics_merged` is sent first).
    """
    check_can_manage(actor)
    ids = {topic.pk for topic in topics}
    if len(ids) < 2:
        raise SynthesisError("Choisissez au moins deux sujets à fusionner.")
    new_label = check_label(label) if (label or "").strip() else ""
    with transaction.atomic():
        locked = list(
            Topic.objects.select_for_update().select_related("run").filter(pk__in=ids).order_by("-size", "position")
        )
        if len(locked) != len(ids):
            raise SynthesisError(
                "Un des sujets choisis n'existe plus (il a peut-être été fusionné) : rechargez la page."
            )
        if len({topic.run_id for topic in locked}) > 1:
            raise SynthesisError("Les sujets à fusionner doivent appartenir à la même synthèse.")
        target, others = locked[0], locked[1:]
        run = target.run
        _check_editable(run)
        for topic in locked:
            _check_topic_kind(topic)
        merged = [{"label": topic.label, "size": topic.size} for topic in locked]
        before = ", ".join(f"« {part['label']} » ({part['size']})" for part in merged)
        other_ids = [topic.pk for topic in others]

        ranked = TopicMembership.objects.filter(topic__in=locked, representative_rank__isnull=False).order_by(
            "representative_rank", "pk"
        )
        by_topic: dict[int, list[int]] = {topic.pk: [] for topic in locked}
        for topic_id, membership_id in ranked.values_list("topic_id", "pk"):
            by_topic[topic_id].append(membership_id)
        representatives = _interleave([by_topic[topic.pk] for topic in locked], REPRESENTATIVES_KEPT)

        TopicMembership.objects.filter(topic_id__in=other_ids).update(topic=target)
        _set_representatives(target, representatives)
        target.size = sum(topic.size for topic in locked)
        target.terms = _interleave([topic.terms for topic in locked], max(len(topic.terms) for topic in locked))
        target.phrases = _interleave([topic.phrases for topic in locked], max(len(topic.phrases) for topic in locked))
        if new_label:
            target.label = new_label
        target.save(update_fields=["size", "terms", "phrases", "label"])
        signals.topics_merged.send(sender=Topic, target=target, merged=others)
        Topic.objects.filter(pk__in=other_ids).delete()
        _renumber(run)
        _log(
            run,
            actor,
            EditAction.MERGE,
            f"Sujets {before} fusionnés en « {target.label} » ({count_phrase(target.size, 'contribution')}).",
            topic=target,
            merged=merged,
            label=target.label,
            size=target.size,
        )
    target.refresh_from_db()
    return target


def split_topic(actor: User | None, topic: Topic) -> tuple[Topic, Topic]:
    """Split `topic` in two by running the engine again on its contributions alone, with exactly two topics.

    The engine runs during the request, so always with the fast `SPLIT_BACKEND` (« tfidf »), even in a run made
    with another backend: the semantic one would keep the organiser waiting about 40 times longer.

    The topic keeps the larger part and takes the engine's new label, terms and representatives (its former
    label stays in the log); a new topic gets the other part. Both can be renamed afterwards. The engine runs
    outside the transaction; the split is refused if the topic changed meanwhile, or if the engine finds no
    two distinct groups (the contributions are too alike).
    """
    from mediane.synthesis.engine import Document, synthesise

    check_can_manage(actor)
    current = Topic.objects.select_related("run").filter(pk=topic.pk).first()
    if current is None:
        raise SynthesisError("Ce sujet n'existe plus (il a peut-être été fusionné) : rechargez la page.")
    _check_editable(current.run)
    _check_topic_kind(current)
    if current.size < 2:
        raise SynthesisError("Un sujet d'une seule contribution ne se scinde pas.")
    if current.size > SPLIT_MAX_SIZE:
        raise SynthesisError(
            f"Ce sujet compte {current.size} contributions : au-delà de {SPLIT_MAX_SIZE}, la scission serait trop "
            "longue pour cette page. Relancez plutôt une synthèse du thème avec un nombre minimal de sujets plus grand."
        )
    rows = list(
        TopicMembership.objects.filter(topic=current)
        .order_by("contribution_id")
        .values_list("pk", "contribution_id", "contribution__title", "contribution__body")
    )
    # The new labels are public: only what everyone may read feeds them. A contribution hidden or withdrawn since
    # the run stays in the first part, where no page shows it.
    readable = set(
        TopicMembership.objects.filter(
            topic=current, contribution__in=Contribution.objects.readable_by_everyone()
        ).values_list("contribution_id", flat=True)
    )
    run = current.run
    result = synthesise(
        [
            Document(id=str(contribution_id), text=f"{title}\n{body}")
            for _, contribution_id, title, body in rows
            if contribution_id in readable
        ],
        seed=run.seed,
        min_topics=2,
        max_topics=2,
        backend=SPLIT_BACKEND,
    )
    if len(result.topics) < 2:
        if not result.figures.get("k_scores"):
            reason = "il compte trop peu de contributions différentes pour en faire deux groupes"
        else:
            reason = "ses contributions se ressemblent trop pour être réparties en deux groupes"
        raise SynthesisError(f"Ce sujet ne peut pas être scindé : {reason}. Vous pouvez le renommer, ou le fusionner.")
    first, second = result.topics[0], result.topics[1]
    membership_of = {str(contribution_id): pk for pk, contribution_id, _, _ in rows}
    moved = [membership_of[doc_id] for doc_id in second.member_ids]

    with transaction.atomic():
        locked = _lock_topic(current)
        _check_editable(locked.run)
        members = set(TopicMembership.objects.filter(topic=locked).values_list("pk", flat=True))
        if members != set(membership_of.values()):
            raise SynthesisError("Ce sujet a changé pendant la scission : rechargez la page et recommencez.")
        old_label, old_size = locked.label, locked.size
        new_topic = Topic.objects.create(
            run=run,
            kind=TopicKind.TOPIC,
            position=locked.position,
            label=second.label[:LABEL_MAX_LENGTH],
            generated_label=second.label[:LABEL_MAX_LENGTH],
            terms=list(second.terms),
            phrases=list(second.phrases),
            size=len(moved),
        )
        for batch in _batches(moved, UPDATE_BATCH):
            TopicMembership.objects.filter(pk__in=batch).update(topic=new_topic)
        locked.label = locked.generated_label = first.label[:LABEL_MAX_LENGTH]
        locked.terms, locked.phrases = list(first.terms), list(first.phrases)
        locked.size = old_size - len(moved)
        locked.save(update_fields=["label", "generated_label", "terms", "phrases", "size"])
        for part, found in ((locked, first), (new_topic, second)):
            _set_representatives(part, [membership_of[doc_id] for doc_id in found.representatives])
        _renumber(run)
        signals.topic_split.send(sender=Topic, topic=locked, new_topic=new_topic)
        _log(
            run,
            actor,
            EditAction.SPLIT,
            f"Sujet « {old_label} » ({old_size}) scindé en « {locked.label} » ({locked.size}) "
            f"et « {new_topic.label} » ({new_topic.size}).",
            topic=locked,
            old_label=old_label,
            parts=[{"label": locked.label, "size": locked.size}, {"label": new_topic.label, "size": new_topic.size}],
        )
    locked.refresh_from_db()
    new_topic.refresh_from_db()
    return locked, new_topic


# --- Publication -------------------------------------------------------------------------------------------------


def publish_run(actor: User | None, run: SynthesisRun) -> SynthesisRun:
    """Show `run` on the theme's public page, in place of the run published before (if any).

    Only a succeeded run of a closed theme: publishing sets the theme's phase to « synthèse publiée », which
    also ends contributions, so it must not happen while the theme is open.
    """
    check_can_manage(actor)
    with transaction.atomic():
        theme = Theme.objects.select_for_update().get(pk=run.theme_id)
        locked = SynthesisRun.objects.select_for_update().get(pk=run.pk)
        _check_editable(locked)
        if locked.published_at is not None:
            raise SynthesisError("Cette synthèse est déjà publiée.")
        now = timezone.now()
        if now < theme.closes_at:
            raise SynthesisError(
                f"Le thème est ouvert aux contributions jusqu'au {_moment(theme.closes_at)} : sa synthèse se publie "
                "après la clôture."
            )
        previous = SynthesisRun.objects.select_for_update().published().filter(theme=theme).first()
        if previous is not None:
            SynthesisRun.objects.filter(pk=previous.pk).update(published_at=None)
            _log(
                previous,
                actor,
                EditAction.UNPUBLISH,
                f"Synthèse n° {previous.pk} retirée de la page publique, remplacée par la synthèse n° {locked.pk}.",
                replaced_by=locked.pk,
            )
        SynthesisRun.objects.filter(pk=locked.pk).update(published_at=now)
        consultation_services.set_synthesis_published(theme, now)
        summary = f"Synthèse n° {locked.pk} publiée sur la page publique du thème {theme.number}"
        if previous is not None:
            summary += f", à la place de la synthèse n° {previous.pk}"
        _log(locked, actor, EditAction.PUBLISH, summary + ".", replaces=previous.pk if previous else None)
    run.published_at = now
    return run


def unpublish_run(actor: User | None, run: SynthesisRun) -> SynthesisRun:
    """Take `run` off the theme's public page; the theme goes back to the « close » phase."""
    check_can_manage(actor)
    with transaction.atomic():
        theme = Theme.objects.select_for_update().get(pk=run.theme_id)
        locked = SynthesisRun.objects.select_for_update().get(pk=run.pk)
        if locked.published_at is None:
            raise SynthesisError("Cette synthèse n'est pas publiée.")
        SynthesisRun.objects.filter(pk=locked.pk).update(published_at=None)
        consultation_services.set_synthesis_published(theme, None)
        _log(
            locked,
            actor,
            EditAction.UNPUBLISH,
            f"Synthèse n° {locked.pk} retirée de la page publique du thème {theme.number}.",
        )
    run.published_at = None
    return run
