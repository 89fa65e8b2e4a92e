"""The read side of a run: overview, breakdowns, proposals, vigilance, duplicates, each in constant queries."""

import pytest

from mediane.accounts.enums import ParticipantCategory
from mediane.consultation.enums import ContributionKind, ContributionStatus
from mediane.consultation.models import Contribution
from mediane.synthesis import reports
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.synthesis.factories import SynthesisRunFactory, build_run

pytestmark = pytest.mark.django_db

PROPOSAL, VIGILANCE, EXPERIENCE = ContributionKind.PROPOSAL, ContributionKind.VIGILANCE, ContributionKind.EXPERIENCE


def contribution(theme, kind=PROPOSAL, supports=0, category=ParticipantCategory.USER, departement="69", **kwargs):
    return ContributionFactory(
        theme=theme,
        kind=kind,
        supports_count=supports,
        author_category=category,
        author_departement=departement,
        **kwargs,
    )


@pytest.fixture
def scene():
    """A run of two topics and a bucket, with a contribution hidden by moderation after the run."""
    theme = ThemeFactory(closed=True)
    hours = [
        contribution(theme, PROPOSAL, supports=5, title="Ouvrir le samedi"),
        contribution(theme, VIGILANCE, supports=2, category=ParticipantCategory.LIBRARY_PROFESSIONAL, departement="59"),
        contribution(theme, PROPOSAL, supports=9, title="Ouvrir le soir"),
        contribution(theme, VIGILANCE, supports=7, departement=""),
    ]
    tablets = [
        contribution(theme, PROPOSAL, supports=1, category=ParticipantCategory.ELECTED_OFFICIAL),
        contribution(theme, EXPERIENCE, supports=0, category=""),
        contribution(theme, PROPOSAL, supports=30, title="Masquée ensuite"),
    ]
    empty = contribution(theme, EXPERIENCE, title="?", body="...")
    run = build_run(
        theme,
        [("Horaires", hours, 3), ("Tablettes", tablets, 3)],
        non_informative=[empty],
        duplicates=[[hours[0], hours[2]], [tablets[0], tablets[2]]],
        published=True,
    )
    hidden = tablets[2]
    Contribution.objects.filter(pk=hidden.pk).update(status="masquee")
    return run, hours, tablets, empty, hidden


def test_the_published_run_of_a_theme(scene):
    run = scene[0]
    assert reports.published_run(run.theme) == run
    assert reports.published_run(ThemeFactory()) is None


def test_the_overview_gives_each_topic_its_published_contributions(scene):
    run, hours, tablets, empty, hidden = scene
    overview = reports.topic_overview(run)
    assert [summary.topic.label for summary in overview] == [
        "Horaires",
        "Tablettes",
        "Réponses sans contenu exploitable",
    ]
    first, second, bucket = overview
    assert (first.size, second.size, bucket.size) == (4, 2, 1)
    assert first.kinds == {"Point de vigilance": 2, "Proposition": 2}
    assert list(first.kinds) == ["Point de vigilance", "Proposition"]  # the order of ContributionKind
    assert second.kinds == {"Retour d'expérience": 1, "Proposition": 1}
    assert first.representatives == hours[:3]
    assert second.representatives == tablets[:2]  # the hidden third representative is gone
    assert bucket.representatives == []


def test_breakdowns_count_published_contributions_by_kind_category_and_departement(scene):
    run = scene[0]
    breakdown = reports.breakdowns(run)
    assert breakdown.by_kind == [("Proposition", 3), ("Point de vigilance", 2), ("Retour d'expérience", 2)]
    assert breakdown.total == 7
    assert breakdown.by_category == [
        ("Usager·e", 4),
        ("Catégorie non précisée", 1),
        ("Professionnel·le de bibliothèque", 1),
        ("Élu·e", 1),
    ]
    assert breakdown.by_departement == [("Rhône (69)", 5), ("Département non précisé", 1), ("Nord (59)", 1)]
    topics = [topic.label for topic, _ in breakdown.topic_kind_rows]
    assert topics[0] == "Horaires"
    assert topics[2] == "Réponses sans contenu exploitable"
    assert breakdown.kind_headers == ["Proposition", "Point de vigilance", "Retour d'expérience"]
    assert [counts for _, counts in breakdown.topic_kind_rows] == [[2, 2, 0], [1, 0, 1], [0, 0, 1]]


def test_the_most_supported_proposals_carry_their_topic(scene):
    run, hours, tablets, *_ = scene
    proposals = reports.top_proposals(run)
    assert proposals == [hours[2], hours[0], tablets[0]]
    assert [p.topic_label for p in proposals] == ["Horaires", "Horaires", "Tablettes"]
    assert reports.top_proposals(run, limit=1) == [hours[2]]


def test_points_of_vigilance_are_grouped_by_topic_most_supported_first(scene):
    run, hours, *_ = scene
    groups = reports.vigilance_points(run)
    assert [(topic.label, items) for topic, items in groups] == [("Horaires", [hours[3], hours[1]])]
    assert [(topic.label, items) for topic, items in reports.vigilance_points(run, per_topic=1)] == [
        ("Horaires", [hours[3]])
    ]


def test_duplicate_groups_keep_only_groups_of_published_contributions(scene):
    run, hours, *_ = scene
    assert reports.duplicate_groups(run) == [[hours[0], hours[2]]]


def test_a_topic_lists_its_members_representatives_first_then_most_supported(scene):
    run, hours, *_ = scene
    topic = run.topics.get(label="Horaires")
    assert [m.contribution for m in reports.topic_members(topic)] == [hours[0], hours[1], hours[2], hours[3]]
    assert [m.contribution for m in reports.topic_members(topic, VIGILANCE)] == [hours[1], hours[3]]


def test_the_first_members_of_each_topic_are_its_representatives_then_the_oldest(scene):
    run, hours, *_ = scene
    topic = run.topics.get(label="Horaires")
    shown = topic.memberships.filter(contribution__status=ContributionStatus.PUBLISHED)
    representatives = [
        m.contribution_id for m in shown.filter(representative_rank__isnull=False).order_by("representative_rank")
    ]
    others = sorted(m.contribution_id for m in shown.filter(representative_rank__isnull=True))
    first = reports.first_members(run, 3)
    assert first[topic.pk] == (representatives + others)[:3]
    assert all(len(ids) <= 3 for ids in first.values())


def big_run(size):
    theme = ThemeFactory(closed=True)
    topics = []
    for number in range(3):
        members = [
            contribution(theme, kind, supports=i, departement=str(10 + i % 7))
            for i, kind in enumerate([PROPOSAL, VIGILANCE, EXPERIENCE] * size)
        ]
        topics.append((f"Sujet {number}", members, 3))
    everyone = [m for _, members, _ in topics for m in members]
    short = [("Oui", [contribution(theme) for _ in range(size)]), ("Non", [contribution(theme) for _ in range(size)])]
    return build_run(
        theme,
        topics,
        duplicates=[everyone[:3], everyone[3:6]],
        non_informative=[contribution(theme) for _ in range(size)],
        closed=short,
        other=[contribution(theme, VIGILANCE) for _ in range(size)],
        examples=5,
    )


@pytest.mark.parametrize(
    ("name", "call", "queries"),
    [
        ("published_run", lambda run: reports.published_run(run.theme), 1),
        ("topic_overview", reports.topic_overview, 3),
        ("breakdowns", reports.breakdowns, 4),
        ("top_proposals", reports.top_proposals, 1),
        ("vigilance_points", reports.vigilance_points, 2),
        ("vigilance_points per topic", lambda run: reports.vigilance_points(run, per_topic=2), 2),
        ("duplicate_groups", reports.duplicate_groups, 1),
        ("campaigns", lambda run: reports.campaigns(reports.duplicate_groups(run)), 1),
        ("short_answers", lambda run: reports.short_answers(reports.topic_overview(run)), 3),
        ("first_members", lambda run: reports.first_members(run, 2), 1),
    ],
)
def test_each_report_runs_a_constant_number_of_queries(django_assert_num_queries, name, call, queries):
    for size in (1, 8):
        run = big_run(size)
        assert run.theme  # loaded before counting
        with django_assert_num_queries(queries):
            call(run)


def test_an_empty_run_reads_as_empty():
    run = SynthesisRunFactory()
    assert reports.topic_overview(run) == []
    breakdown = reports.breakdowns(run)
    assert (breakdown.by_kind, breakdown.by_category, breakdown.by_departement, breakdown.total) == ([], [], [], 0)
    assert reports.top_proposals(run) == reports.duplicate_groups(run) == reports.vigilance_points(run) == []


@pytest.fixture
def groups():
    """A run with a topic, short answers, « Autres contributions », empty answers and a campaign, some hidden."""
    theme = ThemeFactory(closed=True)
    hours = [contribution(theme, supports=3) for _ in range(2)]
    campaign = [contribution(theme, VIGILANCE, body="Signez l'appel pour le dimanche.") for _ in range(4)]
    yes = [contribution(theme, body="oui") for _ in range(3)]
    no = [contribution(theme, body="Non.") for _ in range(2)]
    other = [contribution(theme, VIGILANCE, title="À part", supports=index) for index in range(3)]
    empty = [contribution(theme, title="?", body=body) for body in ("RAS", ".", "néant")]
    run = build_run(
        theme,
        [("Horaires", hours + campaign, 2)],
        closed=[("Oui", yes), ("Non", no)],
        other=other,
        non_informative=empty,
        duplicates=[campaign, hours],
        examples=2,
    )
    hidden = [yes[0], other[0], empty[0], campaign[0]]
    Contribution.objects.filter(pk__in=[c.pk for c in hidden]).update(status=ContributionStatus.HIDDEN)
    return run, campaign, other, empty


def test_groups_are_read_topics_first_then_others_short_answers_and_empty_ones(groups):
    run = groups[0]
    assert [(s.topic.kind, s.topic.label) for s in reports.topic_overview(run)] == [
        ("topic", "Horaires"),
        ("other", "Autres contributions"),
        ("closed", "Oui"),
        ("closed", "Non"),
        ("non_informative", "Réponses sans contenu exploitable"),
    ]


def test_short_answers_read_as_a_distribution_of_published_answers(groups):
    short = reports.short_answers(reports.topic_overview(groups[0]))
    assert [(topic.label, count) for topic, count in short.rows] == [("Oui", 2), ("Non", 2)]
    assert short.total == 4


def test_a_campaign_is_a_text_copied_three_times_or_more_counting_published_copies_only(groups):
    run, campaign, *_ = groups
    found = reports.campaigns(reports.duplicate_groups(run))
    assert [(c.text, c.count) for c in found] == [
        (campaign[1], 3)
    ]  # the hidden first copy is neither shown nor counted
    assert reports.campaigns(reports.duplicate_groups(run), min_copies=4) == []


def test_examples_of_other_and_empty_answers_are_published_ones(groups):
    run, _, other, empty = groups
    overview = {summary.topic.kind: summary for summary in reports.topic_overview(run)}
    assert overview["other"].representatives == [other[1]] and overview["other"].size == 2
    assert overview["non_informative"].representatives == [empty[1]] and overview["non_informative"].size == 2


def test_points_of_vigilance_of_the_other_contributions_come_after_the_topics(groups):
    run, campaign, other, _ = groups
    assert [(topic.label, items) for topic, items in reports.vigilance_points(run)] == [
        ("Horaires", [campaign[3], campaign[2], campaign[1]]),
        ("Autres contributions", [other[2], other[1]]),
    ]


def test_a_short_or_empty_answer_filed_as_a_proposal_is_no_proposal(groups):
    run = groups[0]
    proposals = reports.top_proposals(run)
    assert proposals and {p.synthesis_topic.kind for p in proposals} == {"topic"}
    assert all(p.body not in {"oui", "Non.", "RAS", ".", "néant"} for p in proposals)
