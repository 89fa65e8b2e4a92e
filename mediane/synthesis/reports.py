"""What a synthesis run says, read for its pages and for the working group's dossier.

Each function runs a constant number of queries, whatever the size of the run (the tests count them). Only
contributions published now are counted and shown: one hidden by moderation after the run disappears at once
from every list, quote and figure, while the run keeps its membership (a restored one comes back).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber

from mediane.accounts.enums import ParticipantCategory
from mediane.accounts.territories import departement_label
from mediane.consultation.enums import ContributionKind, ContributionStatus
from mediane.consultation.models import Contribution, Theme
from mediane.french import share

from .enums import KIND_ORDER, TopicKind
from .models import SynthesisRun, Topic, TopicMembership

KIND_LABELS = {kind.value: str(kind.label) for kind in ContributionKind}
CATEGORY_LABELS = {category.value: str(category.label) for category in ParticipantCategory}
NO_CATEGORY = "Catégorie non précisée"
NO_DEPARTEMENT = "Département non précisé"
# What a contribution row needs on these pages; the analysed text and rendered HTML are heavy and unused.
HEAVY_FIELDS = ("contribution__search_text", "contribution__body_html")
SENTENCE_HEAVY_FIELDS = ("sentence_contribution__search_text", "sentence_contribution__body_html")
T = TypeVar("T")


@dataclass(frozen=True)
class Sentence:
    """A topic's « En une phrase »: words of one contribution, shown with the link to it."""

    text: str
    source: Contribution


@dataclass
class TopicSummary:
    topic: Topic
    # Published contributions of the topic now (`topic.size` counts every member the run put there).
    size: int
    # The topic's representative contributions, most central first.
    representatives: list[Contribution]
    # Published contributions of the topic by kind label, in the order of `ContributionKind`.
    kinds: dict[str, int]
    # The topic's sentence while its contribution is published (None otherwise, or when it has none).
    sentence: Sentence | None = None


@dataclass
class Breakdowns:
    by_kind: list[tuple[str, int]]
    by_category: list[tuple[str, int]]
    by_departement: list[tuple[str, int]]
    # Every topic of the run in reading order, with its counts in the order of `kind_headers` (0 included).
    topic_kind_rows: list[tuple[Topic, list[int]]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(count for _, count in self.by_kind)

    @property
    def kind_headers(self) -> list[str]:
        """The columns of `topic_kind_rows`: the kinds that have contributions, most frequent first."""
        return [label for label, _ in self.by_kind]


# A text copied this many times or more is shown as a campaign, with its text; a pair is a mere duplicate.
CAMPAIGN_MIN_COPIES = 3


@dataclass
class Campaign:
    """A text that several contributions copied, (nearly) word for word."""

    # The first copy published: its text stands for the others.
    text: Contribution
    count: int
    copies: list[Contribution]


@dataclass
class ShortAnswers:
    # Each kind of short answer with its published contributions now, most frequent first.
    rows: list[tuple[Topic, int]]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.rows)

    @property
    def shared_rows(self) -> list[tuple[Topic, int, str]]:
        """The rows with each one's share of the short answers (« moins de 1 % » rather than « 0 % »)."""
        return with_shares(self.rows, self.total)


def with_shares(rows: Iterable[tuple[T, int]], whole: int) -> list[tuple[T, int, str]]:
    """Each (label, count) row with its share of `whole`, for a table of counts. No query."""
    return [(label, count, share(count, whole)) for label, count in rows]


def _shown(run: SynthesisRun) -> QuerySet[TopicMembership]:
    return TopicMembership.objects.filter(run=run, contribution__status=ContributionStatus.PUBLISHED)


def _reading_order(run: SynthesisRun, kinds: tuple[str, ...] = tuple(TopicKind.values)) -> list[Topic]:
    """Topics from the largest, then the « Autres contributions », the short answers, the empty ones, each with its
    sentence's contribution. One query."""
    topics = (
        Topic.objects.filter(run=run, kind__in=kinds)
        .select_related("sentence_contribution")
        .defer(*SENTENCE_HEAVY_FIELDS)
        .order_by("position", "pk")
    )
    return sorted(topics, key=lambda topic: KIND_ORDER.get(topic.kind, len(KIND_ORDER)))


def sentence(topic: Topic) -> Sentence | None:
    """The topic's sentence while the contribution it is taken from is published, with the same rule as quotes: a
    contribution hidden by moderation is quoted nowhere. No query when `sentence_contribution` was read with the
    topic (`select_related`)."""
    source = topic.sentence_contribution
    if not topic.sentence or source is None or source.status != ContributionStatus.PUBLISHED:
        return None
    return Sentence(text=topic.sentence, source=source)


def _kinds_by_topic(run: SynthesisRun) -> dict[int, dict[str, int]]:
    """For each topic id, its published contributions by kind label. One query."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        _shown(run)
        .values("topic_id", "contribution__kind")
        .annotate(count=Count("pk"))
        .values_list("topic_id", "contribution__kind", "count")
        .order_by()
    )
    for topic_id, kind, count in rows:
        counts[topic_id][kind] = count
    return {
        topic_id: {label: by_kind[kind] for kind, label in KIND_LABELS.items() if kind in by_kind}
        for topic_id, by_kind in counts.items()
    }


def _sorted_counts(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(((label, count) for label, count in counts.items() if count), key=lambda item: (-item[1], item[0]))


def published_run(theme: Theme) -> SynthesisRun | None:
    """The run shown on the theme's public page, if any. One query."""
    return SynthesisRun.objects.published().filter(theme=theme).select_related("theme__consultation").first()


def topic_overview(run: SynthesisRun) -> list[TopicSummary]:
    """Every topic of the run in reading order, with its size, representatives and kinds. Three queries."""
    topics = _reading_order(run)
    kinds = _kinds_by_topic(run)
    representatives: dict[int, list[Contribution]] = defaultdict(list)
    ranked = (
        _shown(run)
        .filter(representative_rank__isnull=False)
        .select_related("contribution")
        .defer(*HEAVY_FIELDS)
        .order_by("topic_id", "representative_rank")
    )
    for membership in ranked:
        representatives[membership.topic_id].append(membership.contribution)
    return [
        TopicSummary(
            topic=topic,
            size=sum(kinds.get(topic.pk, {}).values()),
            representatives=representatives.get(topic.pk, []),
            kinds=kinds.get(topic.pk, {}),
            sentence=sentence(topic),
        )
        for topic in topics
    ]


def breakdowns(run: SynthesisRun, overview: list[TopicSummary] | None = None) -> Breakdowns:
    """Published contributions of the run by kind, participant category and département, and topics by kind.

    `overview` is `topic_overview(run)` when the caller already has it: its counts by kind are reused, and this
    runs two queries; without it, four. Labels are the French ones; a département reads « Rhône (69) ».
    """
    if overview is None:
        kinds = _kinds_by_topic(run)
        topic_kinds = [(topic, kinds.get(topic.pk, {})) for topic in _reading_order(run)]
    else:
        topic_kinds = [(summary.topic, summary.kinds) for summary in overview]
    by_kind: dict[str, int] = dict.fromkeys(KIND_LABELS.values(), 0)
    for _, counts in topic_kinds:
        for label, count in counts.items():
            by_kind[label] += count
    by_category: dict[str, int] = defaultdict(int)
    for category, count in _shown(run).values_list("contribution__author_category").annotate(n=Count("pk")).order_by():
        by_category[CATEGORY_LABELS.get(category, NO_CATEGORY)] += count
    by_departement: dict[str, int] = defaultdict(int)
    rows = _shown(run).values_list("contribution__author_departement").annotate(n=Count("pk")).order_by()
    for code, count in rows:
        by_departement[departement_label(code) or (f"Département {code}" if code else NO_DEPARTEMENT)] += count
    sorted_kinds = _sorted_counts(by_kind)
    return Breakdowns(
        by_kind=sorted_kinds,
        by_category=_sorted_counts(by_category),
        by_departement=_sorted_counts(by_departement),
        topic_kind_rows=[(topic, [counts.get(label, 0) for label, _ in sorted_kinds]) for topic, counts in topic_kinds],
    )


def top_proposals(run: SynthesisRun, limit: int = 10) -> list[Contribution]:
    """The run's proposals, most supported first; each carries `topic_label` and `synthesis_topic`. One query.

    Only those of a topic or of the « Autres contributions »: « non » or « RAS » filed as a proposal proposes nothing.
    """
    rows = (
        _shown(run)
        .filter(contribution__kind=ContributionKind.PROPOSAL, topic__kind__in=(TopicKind.TOPIC, TopicKind.OTHER))
        .select_related("contribution", "topic")
        .defer(*HEAVY_FIELDS)
        .order_by("-contribution__supports_count", "-contribution_id")[:limit]
    )
    proposals = []
    for membership in rows:
        contribution = membership.contribution
        # Attributes for the reader (pages, dossier): which topic of this run the proposal is in.
        setattr(contribution, "topic_label", membership.topic.label)  # noqa: B010
        setattr(contribution, "synthesis_topic", membership.topic)  # noqa: B010
        proposals.append(contribution)
    return proposals


def vigilance_points(run: SynthesisRun, per_topic: int | None = None) -> list[tuple[Topic, list[Contribution]]]:
    """Points of vigilance grouped by topic (reading order), most supported first in each. Two queries.

    With `per_topic`, at most that many per topic (the total of each is in `topic_overview(run)[i].kinds`).
    The « Autres contributions » come after the topics; the short and the empty answers are left out: « oui » or
    « RAS » is no point of vigilance.
    """
    kinds = (TopicKind.TOPIC, TopicKind.OTHER)
    topics = _reading_order(run, kinds=kinds)
    rows = (
        _shown(run)
        .filter(contribution__kind=ContributionKind.VIGILANCE, topic__kind__in=kinds)
        .select_related("contribution")
        .defer(*HEAVY_FIELDS)
    )
    order = [F("contribution__supports_count").desc(), F("contribution_id").desc()]
    if per_topic is not None:
        rows = rows.annotate(rank_in_topic=Window(RowNumber(), partition_by=[F("topic_id")], order_by=order)).filter(
            rank_in_topic__lte=per_topic
        )
    grouped: dict[int, list[Contribution]] = defaultdict(list)
    for membership in rows.order_by("topic_id", *order):
        grouped[membership.topic_id].append(membership.contribution)
    return [(topic, grouped[topic.pk]) for topic in topics if grouped.get(topic.pk)]


def duplicate_groups(run: SynthesisRun) -> list[list[Contribution]]:
    """Groups of published contributions that say the same thing in (nearly) the same words. One query.

    Largest groups first; a group left with a single published contribution is no longer a group.
    """
    rows = (
        _shown(run)
        .filter(duplicate_group__isnull=False)
        .select_related("contribution")
        .defer(*HEAVY_FIELDS)
        .order_by("duplicate_group", "contribution_id")
    )
    groups: dict[int | None, list[Contribution]] = defaultdict(list)
    for membership in rows:
        groups[membership.duplicate_group].append(membership.contribution)
    found = [group for group in groups.values() if len(group) > 1]
    return sorted(found, key=lambda group: (-len(group), group[0].pk))


def campaigns(groups: list[list[Contribution]], min_copies: int = CAMPAIGN_MIN_COPIES) -> list[Campaign]:
    """The groups of `duplicate_groups(run)` with at least `min_copies` copies, largest first. No query."""
    return [Campaign(text=group[0], count=len(group), copies=group) for group in groups if len(group) >= min_copies]


def short_answers(overview: list[TopicSummary]) -> ShortAnswers:
    """The run's short closed answers (« Oui », « Non »…) as a distribution, from `topic_overview(run)`. No query."""
    rows = [(summary.topic, summary.size) for summary in overview if summary.topic.kind == TopicKind.CLOSED]
    rows = sorted((row for row in rows if row[1]), key=lambda row: (-row[1], row[0].position))
    return ShortAnswers(rows=rows)


def first_members(run: SynthesisRun, per_topic: int) -> dict[int, list[int]]:
    """For each topic id, the ids of its first `per_topic` published contributions, representatives first. One query.

    The database numbers the rows of each topic, so only `per_topic` rows per topic travel, whatever the run's size.
    """
    order = [F("representative_rank").asc(nulls_last=True), F("contribution_id").asc()]
    rows = (
        _shown(run)
        .annotate(rank_in_topic=Window(RowNumber(), partition_by=[F("topic_id")], order_by=order))
        .filter(rank_in_topic__lte=per_topic)
        .order_by("topic_id", "rank_in_topic")
        .values_list("topic_id", "contribution_id")
    )
    members: dict[int, list[int]] = defaultdict(list)
    for topic_id, contribution_id in rows:
        members[topic_id].append(contribution_id)
    return dict(members)


def topic_members(topic: Topic, kind: str = "") -> QuerySet[TopicMembership]:
    """The topic's published contributions (as memberships, with their contribution), representatives first,
    then the most supported. For a paginator: a count and a page, whatever the topic's size."""
    members = TopicMembership.objects.filter(topic=topic, contribution__status=ContributionStatus.PUBLISHED)
    if kind:
        members = members.filter(contribution__kind=kind)
    return (
        members.select_related("contribution")
        .defer(*HEAVY_FIELDS)
        .order_by(F("representative_rank").asc(nulls_last=True), "-contribution__supports_count", "-contribution_id")
    )
