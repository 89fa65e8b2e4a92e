"""The writes of the synthesis: launching a run, running it (the background task's body) and publication on the
theme's public page; the working group's editorial control over its topics (rename, merge, split) is in
`services_topics.py`, with the checks and the log of this module.

Each function checks, then acts inside `transaction.atomic()`, and raises `SynthesisError` with a French message
that says what to do. Each edit of a run writes a `SynthesisEdit` row whose `details["summary"]` is a sentence
that a reader of the log understands, even after the topics it names were renamed or merged away.

The engine (numpy, scikit-learn) is imported only where it runs, so that pages and commands start fast.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from mediane import bulk, numbers
from mediane.consultation import services as consultation_services
from mediane.consultation.models import Contribution, Theme
from mediane.jobs import queue, runner
from mediane.text import control_character_message

from .enums import EditAction, RunStatus, TopicKind
from .models import SynthesisEdit, SynthesisRun, Topic, TopicMembership

if TYPE_CHECKING:
    from mediane.accounts.models import User
    from mediane.synthesis.engine import SynthesisResult
    from mediane.synthesis.engine import Topic as EngineTopic

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
NON_INFORMATIVE_LABEL = "Réponses sans contenu exploitable"
OTHER_LABEL = "Autres contributions"
# Texts kept as examples of the « Autres contributions » and of the empty answers.
EXAMPLES_KEPT = 5


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


def check_editable(run: SynthesisRun) -> None:
    if run.status != RunStatus.SUCCEEDED:
        raise SynthesisError("Seul le résultat d'une synthèse terminée avec succès peut être modifié ou publié.")


# Why a group that is not a topic is never renamed, merged or split, said for each kind.
KIND_REFUSALS: dict[str, str] = {
    TopicKind.NON_INFORMATIVE: "Les réponses sans contenu exploitable forment un groupe à part",
    TopicKind.CLOSED: "Les réponses courtes (« oui », « non », « je ne sais pas »…) sont comptées à part",
    TopicKind.OTHER: "Les « Autres contributions » rassemblent les textes qui n'entrent dans aucun sujet",
}


def check_topic_kind(topic: Topic) -> None:
    if topic.kind != TopicKind.TOPIC:
        reason = KIND_REFUSALS.get(topic.kind, "Ce groupe n'est pas un sujet")
        raise SynthesisError(
            f"{reason} : ce groupe ne se renomme, ne se fusionne et ne se scinde pas. Seuls les sujets se modifient."
        )


def _moment(value) -> str:
    return date_format(timezone.localtime(value), "j F Y à H:i")


def log_edit(run: SynthesisRun, actor: User | None, action: str, summary: str, topic: Topic | None = None, **details):
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
        log_edit(
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
    from mediane.synthesis.engine.closed import titled_text

    rows = (
        Contribution.objects.published()
        .filter(theme_id=run.theme_id)
        .order_by("pk")
        .values_list("pk", "title", "body")
        .iterator(chunk_size=2000)
    )
    documents = [Document(id=str(pk), text=titled_text(title, body)) for pk, title, body in rows]

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


def batches(items: Iterable, size: int) -> Iterable[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def sentence_source(found: EngineTopic) -> int | None:
    """The contribution the engine's topic takes its sentence from (its document id is the contribution's), or None
    when it has no sentence."""
    if not found.sentence:
        return None
    return numbers.query_int(found.sentence_id, default=0, minimum=1) or None


def _groups(run: SynthesisRun, result: SynthesisResult) -> list[tuple[Topic, list[str], list[str]]]:
    """The run's groups as unsaved topics, each with its member ids and its representatives (most central first):
    the topics, then one group per kind of short answer, the « Autres contributions », the empty answers."""

    def group(kind: str, position: int, label: str, ids: list[str], representatives: list[str], **fields):
        label = label[:LABEL_MAX_LENGTH]
        topic = Topic(
            run=run, kind=kind, position=position, label=label, generated_label=label, size=len(ids), **fields
        )
        return topic, list(ids), list(representatives)

    groups = [
        group(
            TopicKind.TOPIC,
            position,
            found.label,
            found.member_ids,
            found.representatives,
            terms=list(found.terms),
            phrases=list(found.phrases),
            sentence=found.sentence or "",
            sentence_contribution_id=sentence_source(found),
        )
        for position, found in enumerate(result.topics, start=1)
    ]
    groups += [
        group(TopicKind.CLOSED, position, answer.label, answer.member_ids, [])
        for position, answer in enumerate(result.closed_answers, start=1)
        if answer.member_ids
    ]
    # The first texts of these two groups are shown as examples: the engine gives them no centre.
    if result.other_ids:
        ids = result.other_ids
        groups.append(group(TopicKind.OTHER, 0, OTHER_LABEL, ids, ids[:EXAMPLES_KEPT]))
    if result.non_informative_ids:
        ids = result.non_informative_ids
        groups.append(group(TopicKind.NON_INFORMATIVE, 0, NON_INFORMATIVE_LABEL, ids, ids[:EXAMPLES_KEPT]))
    return groups


def _save_result(run: SynthesisRun, documents_count: int, result: SynthesisResult, progress: runner.Progress) -> None:
    """Write the topics, then the memberships by batches (each its own short transaction: on SQLite a write holds
    the whole database), then turn the run succeeded."""
    duplicate_of = {doc_id: number for number, group in enumerate(result.duplicates, start=1) for doc_id in group}
    groups = _groups(run, result)
    topics = [topic for topic, _, _ in groups]
    members = [ids for _, ids, _ in groups]
    ranks = [{doc_id: rank for rank, doc_id in enumerate(chosen, start=1)} for _, _, chosen in groups]
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
    for batch in batches(rows, MEMBERSHIP_BATCH):
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
        check_editable(locked)
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
            log_edit(
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
        log_edit(locked, actor, EditAction.PUBLISH, summary + ".", replaces=previous.pk if previous else None)
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
        log_edit(
            locked,
            actor,
            EditAction.UNPUBLISH,
            f"Synthèse n° {locked.pk} retirée de la page publique du thème {theme.number}.",
        )
    run.published_at = None
    return run
