"""The working group's editorial control over the topics of a synthesis: rename, merge, split.

Like every write of the synthesis (`services.py`), each function checks, then acts inside `transaction.atomic()`,
raises `SynthesisError` with a French message that says what to do, and writes a `SynthesisEdit` row.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction

from mediane.consultation.models import Contribution
from mediane.french import count_phrase

from . import signals
from .enums import EditAction, TopicKind
from .models import SynthesisRun, Topic, TopicMembership
from .services import (
    LABEL_MAX_LENGTH,
    SynthesisError,
    batches,
    check_can_manage,
    check_editable,
    check_label,
    check_topic_kind,
    log_edit,
    sentence_source,
)

if TYPE_CHECKING:
    from mediane.accounts.models import User

UPDATE_BATCH = 500
REPRESENTATIVES_KEPT = 5
# A split runs the engine during the request: beyond this size it would keep the organiser waiting too long.
SPLIT_MAX_SIZE = 20_000
# …so it always uses this backend, whatever the run's: the semantic one is about 40 times slower.
SPLIT_BACKEND = "tfidf"


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
        check_editable(locked.run)
        check_topic_kind(locked)
        if label == locked.label:
            raise SynthesisError("Le nouvel intitulé est le même que l'actuel : rien n'a changé.")
        old = locked.label
        Topic.objects.filter(pk=locked.pk).update(label=label)
        log_edit(
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
    interleaved the same way. It keeps its sentence (and the contribution it is taken from), still one of its
    members. The other topics are deleted (`signals.topics_merged` is sent first).
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
        check_editable(run)
        for topic in locked:
            check_topic_kind(topic)
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
        log_edit(
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
    from mediane.synthesis.engine.closed import titled_text

    check_can_manage(actor)
    current = Topic.objects.select_related("run").filter(pk=topic.pk).first()
    if current is None:
        raise SynthesisError("Ce sujet n'existe plus (il a peut-être été fusionné) : rechargez la page.")
    check_editable(current.run)
    check_topic_kind(current)
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
            Document(id=str(contribution_id), text=titled_text(title, body))
            for _, contribution_id, title, body in rows
            if contribution_id in readable
        ],
        seed=run.seed,
        min_topics=2,
        max_topics=2,
        backend=SPLIT_BACKEND,
    )
    if len(result.topics) < 2:
        if result.figures.get("fine_topics", 0) < 2:
            reason = "il compte trop peu de contributions différentes pour en faire deux groupes"
        else:
            reason = "ses contributions se ressemblent trop pour être réparties en deux groupes"
        raise SynthesisError(f"Ce sujet ne peut pas être scindé : {reason}. Vous pouvez le renommer, ou le fusionner.")
    first, second = result.topics[0], result.topics[1]
    membership_of = {str(contribution_id): pk for pk, contribution_id, _, _ in rows}
    moved = [membership_of[doc_id] for doc_id in second.member_ids]

    with transaction.atomic():
        locked = _lock_topic(current)
        check_editable(locked.run)
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
            sentence=second.sentence,
            sentence_contribution_id=sentence_source(second),
            size=len(moved),
        )
        for batch in batches(moved, UPDATE_BATCH):
            TopicMembership.objects.filter(pk__in=batch).update(topic=new_topic)
        locked.label = locked.generated_label = first.label[:LABEL_MAX_LENGTH]
        locked.terms, locked.phrases = list(first.terms), list(first.phrases)
        # The former sentence may come from a contribution that moved to the new topic: each part gets its own.
        locked.sentence, locked.sentence_contribution_id = first.sentence, sentence_source(first)
        locked.size = old_size - len(moved)
        locked.save(
            update_fields=[
                "label",
                "generated_label",
                "terms",
                "phrases",
                "sentence",
                "sentence_contribution",
                "size",
            ]
        )
        for part, found in ((locked, first), (new_topic, second)):
            _set_representatives(part, [membership_of[doc_id] for doc_id in found.representatives])
        _renumber(run)
        signals.topic_split.send(sender=Topic, topic=locked, new_topic=new_topic)
        log_edit(
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
