"""`manage.py load_demo`: the 2019 forum with its people and content, loaded once."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from mediane.consultation.enums import ContributionSource, ContributionStatus, ModerationReason, ThemePhase
from mediane.consultation.models import Comment, Contribution, ModerationLog, Support, Theme
from mediane.pages.models import NewsItem
from mediane.synthesis.enums import RunStatus
from mediane.synthesis.models import SynthesisEdit, SynthesisRun


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_the_demo_loads_a_realistic_forum_once(db):
    first = load()

    themes = {theme.number: theme for theme in Theme.objects.all()}
    assert {n: t.phase for n, t in themes.items()} == {
        1: ThemePhase.SYNTHESIS_PUBLISHED,  # closed, and its synthesis is published
        2: ThemePhase.OPEN,
        3: ThemePhase.UPCOMING,
    }
    runs = {run.theme.number: run for run in SynthesisRun.objects.select_related("theme")}
    assert set(runs) == {1, 2}  # theme 3 has no contribution yet
    assert all(run.status == RunStatus.SUCCEEDED and run.topics.count() >= 2 for run in runs.values())
    assert runs[1].published_at is not None and runs[2].published_at is None
    assert [t.meeting_label for t in themes.values()] == ["mai 2019", "juillet 2019", "septembre 2019"]
    contributions = Contribution.objects.all()
    assert contributions.count() >= 150
    assert set(contributions.values_list("kind", flat=True)) == {
        "retour_experience",
        "point_vigilance",
        "proposition",
    }
    assert len(set(contributions.values_list("author_category", flat=True))) >= 5
    assert not contributions.filter(theme=themes[3]).exists()
    hidden = contributions.get(status=ContributionStatus.HIDDEN)
    assert hidden.hidden_reason == ModerationReason.ABUSIVE
    assert ModerationLog.objects.filter(contribution=hidden).exists()
    assert contributions.filter(source=ContributionSource.ASSISTED, author=None).count() >= 8
    assert themes[2].published_count == contributions.published().filter(theme=themes[2]).count()
    assert Support.objects.count() >= 300
    assert Comment.objects.count() >= 50 and Comment.objects.exclude(parent=None).exists()
    assert NewsItem.objects.filter(slug="conseillers-numeriques").exists()
    assert authenticate(email="moderateur@mediane.localhost", password="demo-mediane-2019") is not None
    assert "Données de démonstration chargées" in first

    counts = (
        Contribution.objects.count(),
        Support.objects.count(),
        Comment.objects.count(),
        NewsItem.objects.count(),
        SynthesisRun.objects.count(),
        SynthesisEdit.objects.count(),
    )
    second = load()

    assert "déjà chargées" in second
    assert (
        Contribution.objects.count(),
        Support.objects.count(),
        Comment.objects.count(),
        NewsItem.objects.count(),
        SynthesisRun.objects.count(),
        SynthesisEdit.objects.count(),
    ) == counts


def test_the_demo_refuses_to_load_in_production(db, settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="production"):
        load()
    assert not Theme.objects.exists()
