"""The meeting dossier: generated in the background as Markdown and PDF, every quote linking to its contribution."""

import re
from types import SimpleNamespace

import pytest

from mediane import pdf
from mediane.consultation.enums import ContributionStatus
from mediane.consultation.models import Contribution
from mediane.synthesis.enums import TopicKind
from mediane.synthesis.models import Topic, TopicMembership
from mediane.workinggroup import dossier as rendering
from mediane.workinggroup import services
from mediane.workinggroup.enums import DossierStage, DossierStatus
from mediane.workinggroup.models import Dossier
from tests.consultation.factories import ContributionFactory
from tests.platform.pdf_structure import read_structure
from tests.workinggroup.factories import DecisionFactory, MeetingFactory, published_synthesis

pytestmark = pytest.mark.django_db

BASE = "https://mediane.example.org"
needs_pdf = pytest.mark.skipif(
    not pdf.pdf_available(), reason="WeasyPrint ne trouve pas Pango : apt-get install libpango-1.0-0"
)


@pytest.fixture
def meeting():
    return MeetingFactory(held=True, theme__number=1, theme__question="Quel rôle pour les bibliothèques ?")


def read(stored) -> bytes:
    with stored.open("rb") as handle:
        return handle.read()


def generate(organiser, meeting, django_capture_on_commit_callbacks) -> Dossier:
    with django_capture_on_commit_callbacks(execute=True):
        dossier = services.request_dossier(organiser, meeting)
    dossier.refresh_from_db()
    return dossier


def test_the_markdown_quotes_representative_contributions_with_absolute_links(
    organiser, meeting, django_capture_on_commit_callbacks
):
    run = published_synthesis(meeting.theme)
    representative = run.test_contributions[0]

    dossier = generate(organiser, meeting, django_capture_on_commit_callbacks)

    assert dossier.status in {DossierStatus.SUCCEEDED, DossierStatus.PARTIAL}
    text = read(dossier.markdown).decode("utf-8")
    assert text.startswith("# Dossier de la réunion du groupe de travail")
    # The quote, with Markdown's brackets escaped, then its source linked to the contribution page.
    assert "sans ordinateur" in text and r"\[et\]" in text
    assert f"]({BASE}/forum/contribution/{representative.pk}/)" in text
    assert '### <a id="sujet-1"></a>Sujet 1 : Démarches en ligne · accompagnement' in text
    assert "Quel rôle pour les bibliothèques ?" in text
    for anchor, heading in [("chiffres", "Chiffres clés"), ("propositions", "Propositions classées par soutiens")]:
        assert f'## <a id="{anchor}"></a>{heading}' in text
        assert f"[{heading}](#{anchor})" in text  # the contents points to it


def test_every_chart_comes_with_its_data_table(organiser, meeting, django_capture_on_commit_callbacks):
    published_synthesis(meeting.theme)

    content = rendering.collect(meeting, meeting.theme.synthesis_runs.get())
    text = rendering.render_markdown(content)
    html = rendering.render_html(content)

    assert [chart.slug for chart in content.charts] == ["sujets", "types", "categories", "departements"]
    for chart in content.charts:
        assert f"### {chart.title}" in text
        assert f'id="graphique-{chart.slug}"' in html
    assert html.count("<svg") == len(content.charts)
    assert html.count("Données du graphique") == len(content.charts)
    assert "<script" not in html


def test_proposals_are_ranked_by_support(organiser, meeting):
    run = published_synthesis(meeting.theme)

    content = rendering.collect(meeting, run)

    supports = [proposal.supports for proposal in content.proposals]
    assert supports == sorted(supports, reverse=True) and supports
    assert all(proposal.url.startswith(f"{BASE}/forum/contribution/") for proposal in content.proposals)


def test_decisions_appear_once_the_meeting_is_held(organiser, meeting):
    run = published_synthesis(meeting.theme)
    decision = DecisionFactory(meeting=meeting, number=1, title="Une fiche d'orientation commune")
    decision.contributions.add(run.test_contributions[0])

    text = rendering.render_markdown(rendering.collect(meeting, run))

    assert "### Décision n° 1.1 : Une fiche d'orientation commune (adoptée)" in text
    assert (
        f"{BASE}/forum/contribution/{run.test_contributions[0].pk}/"
        in text.split("Décisions du groupe de travail\n")[1]
    )


def test_state_branding_is_a_setting(organiser, meeting, settings):
    run = published_synthesis(meeting.theme)

    branded = rendering.render_html(rendering.collect(meeting, run))
    settings.MEDIANE_STATE_BRANDING = False
    plain = rendering.render_html(rendering.collect(meeting, run))

    assert "République<br>française" in branded
    assert "République" not in plain
    assert "#000091" in branded and "#000091" not in plain


@needs_pdf
def test_the_pdf_is_generated_with_its_pages(organiser, meeting, django_capture_on_commit_callbacks):
    published_synthesis(meeting.theme)

    dossier = generate(organiser, meeting, django_capture_on_commit_callbacks)

    assert dossier.status == DossierStatus.SUCCEEDED, dossier.error
    assert dossier.stage == DossierStage.DONE
    assert read(dossier.pdf).startswith(b"%PDF-")
    assert dossier.pdf_pages >= 6  # cover, contents, theme, topics, charts, proposals…
    assert re.fullmatch(r"dossiers/reunion-\d+/dossier-theme-1-\d{4}-\d{2}-\d{2}-\d+\.pdf", dossier.pdf.name)
    assert dossier.finished_at >= dossier.started_at
    structure = read_structure(read(dossier.pdf))
    assert structure.tagged and structure.lang == "fr"
    assert structure.title.startswith("Dossier")
    assert {"H1", "H2", "Table", "TH", "Caption", "Figure", "Link"} <= structure.tags
    # Every chart carries its alternative text: its title, and where its data are.
    assert structure.figure_alts and all(
        "les données sont dans le tableau qui suit" in alt for alt in structure.figure_alts
    )


def test_without_weasyprint_the_markdown_is_kept_and_the_reason_given_in_french(
    organiser, meeting, django_capture_on_commit_callbacks, monkeypatch
):
    published_synthesis(meeting.theme)

    def missing():
        raise pdf.PdfUnavailable(pdf.PDF_UNAVAILABLE)

    monkeypatch.setattr(pdf, "load_weasyprint", missing)
    dossier = generate(organiser, meeting, django_capture_on_commit_callbacks)

    assert dossier.status == DossierStatus.PARTIAL
    assert not dossier.pdf
    assert read(dossier.markdown).startswith(b"# Dossier")
    assert "Le PDF n'a pas pu être produit" in dossier.error and "Pango" in dossier.error


def test_a_failed_generation_records_a_french_error(
    organiser, meeting, django_capture_on_commit_callbacks, monkeypatch
):
    published_synthesis(meeting.theme)

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(rendering, "collect", broken)
    dossier = generate(organiser, meeting, django_capture_on_commit_callbacks)

    assert dossier.status == DossierStatus.FAILED
    assert dossier.error.startswith("La génération du dossier a échoué")
    assert "boom" not in dossier.error
    assert dossier.stage == DossierStage.COLLECT
    assert not dossier.markdown and not dossier.pdf


def test_a_dossier_is_generated_once(organiser, meeting, django_capture_on_commit_callbacks):
    published_synthesis(meeting.theme)
    dossier = generate(organiser, meeting, django_capture_on_commit_callbacks)

    assert services.generate_dossier(dossier.pk) is None


def test_the_dossier_never_fetches_outside_resources(organiser, meeting, monkeypatch):
    with pytest.raises(ValueError, match="refusée"):
        pdf.refuse_fetch("http://169.254.169.254/latest/meta-data/")
    received = {}

    class FakeDocument:
        pages = [object()]
        metadata = SimpleNamespace(lang="fr", title="Dossier de réunion")

        def write_pdf(self, **options):
            return b"%PDF"

    class FakeHTML:
        def __init__(self, **kwargs):
            received.update(kwargs)

        def render(self, **options):
            return FakeDocument()

    monkeypatch.setattr(pdf, "load_weasyprint", lambda: FakeHTML)
    published_synthesis(meeting.theme)
    assert rendering.render_pdf(rendering.collect(meeting, meeting.theme.synthesis_runs.get())) == (b"%PDF", 1)
    assert received["url_fetcher"] is pdf.refuse_fetch


def test_a_chart_groups_the_rest_in_its_table_without_drawing_it():
    rows = [(f"Département {n}", 10 - n, f"#d{n}") for n in range(3)]

    chart = rendering.bar_chart("d", "Par département", rows, "Département", others=("Autres (20)", 40, "#autres"))

    assert [bar.label for bar in chart.bars] == ["Département 0", "Département 1", "Département 2"]
    assert [bar.label for bar in chart.table_rows][-1] == "Autres (20)"
    assert chart.total == 67
    assert chart.rest.share == "59,7\u00a0%"
    assert chart.bars[0].width > chart.bars[2].width > 0


def test_shares_are_rounded_not_cut():
    assert rendering.percent(27, 73) == "37,0\u00a0%"
    assert rendering.percent(0, 0) == "—"


def add_short_answers_others_and_a_campaign(run, copies=3, short=2):
    """Give `run` two kinds of short answers, « Autres contributions » and a text copied `copies` times."""
    theme = run.theme
    for position, (label, size) in enumerate([("Oui", short + 1), ("Non", short)], start=1):
        topic = Topic.objects.create(run=run, kind=TopicKind.CLOSED, position=position, label=label, size=size)
        for _ in range(size):
            TopicMembership.objects.create(
                run=run, topic=topic, contribution=ContributionFactory(theme=theme, body=label)
            )
    other = Topic.objects.create(run=run, kind=TopicKind.OTHER, label="Autres contributions", size=2)
    for rank in (1, 2):
        contribution = ContributionFactory(theme=theme, body="Une idée à part, qui ne ressemble à rien d'autre.")
        TopicMembership.objects.create(run=run, topic=other, contribution=contribution, representative_rank=rank)
    topic = run.topics.filter(kind=TopicKind.TOPIC).first()
    for _ in range(copies):
        contribution = ContributionFactory(
            theme=theme, body="Signez l'appel : des bibliothèques ouvertes le dimanche !"
        )
        TopicMembership.objects.create(run=run, topic=topic, contribution=contribution, duplicate_group=1)
    return run


def test_the_dossier_shows_short_answers_other_contributions_and_campaigns(meeting):
    run = add_short_answers_others_and_a_campaign(published_synthesis(meeting.theme), copies=4)
    content = rendering.collect(meeting, run)
    assert [(row.label, row.count, row.share) for row in content.short_answers] == [
        ("Oui", 3, "60,0\u00a0%"),
        ("Non", 2, "40,0\u00a0%"),
    ]
    assert content.other_count == 2 and content.other.url.endswith(f"/sujet/{run.topics.get(kind=TopicKind.OTHER).pk}/")
    assert [(campaign.count, campaign.excerpt[:11]) for campaign in content.campaigns] == [(4, "Signez l'ap")]
    # Short answers and the « Autres contributions » are not topics.
    assert [section.label for section in content.topics] == [
        "Démarches en ligne · accompagnement",
        "Ateliers · seniors",
    ]
    text = rendering.render_markdown(content)
    assert '### <a id="reponses-courtes"></a>Réponses courtes' in text and "| 3 | 60,0\u00a0% |" in text
    assert "2 contributions ne ressemblent assez à aucun sujet" in text
    assert "> — copié 4 fois : [la première copie]" in text
    assert "5 réponses courtes (« oui », « non », « je ne sais pas »…) sont comptées à part" in text
    html = rendering.render_html(content)
    assert '<h3 id="campagnes">Campagnes et textes copiés</h3>' in html and "copié 4 fois" in html
    assert '<h3 id="reponses-courtes">Réponses courtes</h3>' in html
    for rendered in (text, html):
        assert "5 réponses courtes (oui, non…) : elles sont comptées à part, dans aucun sujet." in rendered
        assert "personnes ont répondu" not in rendered


def test_a_topic_sentence_shows_in_the_dossier_only_while_its_contribution_is_published(meeting):
    run = published_synthesis(meeting.theme)
    topic = run.topics.get(position=0)
    source = topic.memberships.order_by("pk").first().contribution
    Topic.objects.filter(pk=topic.pk).update(sentence="Des ateliers près de chez soi.", sentence_contribution=source)
    content = rendering.collect(meeting, run)
    sentence = content.topics[0].sentence
    assert sentence.text == "Des ateliers près de chez soi." and sentence.url == BASE + source.get_absolute_url()
    assert content.topics[1].sentence is None
    text, html = rendering.render_markdown(content), rendering.render_html(content)
    assert (
        f"**En une phrase :** « Des ateliers près de chez soi. » ([contribution n° {source.pk}]({sentence.url}))"
        in text
    )
    assert "<strong>En une phrase :</strong> « Des ateliers près de chez soi. »" in html

    Contribution.objects.filter(pk=source.pk).update(status=ContributionStatus.HIDDEN)
    content = rendering.collect(meeting, run)
    assert content.topics[0].sentence is None
    for rendered in (rendering.render_markdown(content), rendering.render_html(content)):
        assert "Des ateliers près de chez soi" not in rendered and "En une phrase" not in rendered


def test_a_text_copied_twice_is_no_campaign_and_a_hidden_copy_is_not_counted(meeting):
    run = add_short_answers_others_and_a_campaign(published_synthesis(meeting.theme), copies=3)
    assert len(rendering.collect(meeting, run).campaigns) == 1
    copy = run.memberships.filter(duplicate_group=1).first().contribution
    Contribution.objects.filter(pk=copy.pk).update(status=ContributionStatus.HIDDEN)
    assert rendering.collect(meeting, run).campaigns == []


def test_collecting_the_dossier_runs_the_same_queries_whatever_the_size_of_the_run(count_queries):
    counts = []
    for size in (1, 6):
        meeting = MeetingFactory(held=True)
        topics = [(f"Sujet {number}", 2 + size) for number in range(size)]
        run = add_short_answers_others_and_a_campaign(
            published_synthesis(meeting.theme, topics), copies=3 + size, short=size
        )
        with count_queries() as counted:
            rendering.collect(meeting, run)
        counts.append(len(counted))
    assert counts[0] == counts[1]
