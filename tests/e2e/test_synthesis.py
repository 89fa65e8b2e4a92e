"""Journey: an organiser launches the synthesis of a closed theme, follows its progress, renames a topic and
publishes it; anyone then reads it from the theme page. With and without JavaScript; axe-core audits every page,
and the progress bar as htmx updates it."""

import re

from playwright.sync_api import expect

from mediane.synthesis.enums import RunStatus
from mediane.synthesis.models import SynthesisRun, Topic, TopicMembership
from tests.accounts.factories import PASSWORD
from tests.consultation.factories import ThemeFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import E2E_MARKS
from tests.e2e.steps import follow, log_in
from tests.synthesis.factories import SynthesisRunFactory, TopicFactory, build_run, seed_subjects

pytestmark = E2E_MARKS


def closed_theme():
    theme = ThemeFactory(closed=True, title="Horaires et prêts")
    subjects = seed_subjects(theme)
    return theme, subjects


def finish(run, contributions):
    """What the task does at its end: one topic written, and the run marked succeeded."""
    topic = TopicFactory(run=run, position=1, label="Horaires d'ouverture", size=len(contributions))
    for rank, contribution in enumerate(contributions, start=1):
        TopicMembership.objects.create(run=run, topic=topic, contribution=contribution, representative_rank=rank)
    SynthesisRun.objects.filter(pk=run.pk).update(
        status=RunStatus.SUCCEEDED, stage="done", progress=1.0, contributions_count=len(contributions)
    )


def test_an_organiser_launches_renames_and_publishes_and_anyone_reads_it(browse, organiser):
    theme, subjects = closed_theme()
    page = browse(javascript=True)
    log_in(page, organiser.email, PASSWORD, theme.get_absolute_url())
    assert_accessible(page)

    follow(page.get_by_role("link", name="Synthèses de ce thème (organisation)"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Synthèses du thème")
    assert_accessible(page)
    page.get_by_text("Options avancées").click()
    page.get_by_label("Nombre maximal de sujets").fill("5")
    follow(page.get_by_role("button", name="Lancer la synthèse"))

    # The test settings run the task at once: the page shows the result.
    expect(page.get_by_role("heading", name="Les sujets")).to_be_visible()
    assert_accessible(page)
    run = SynthesisRun.objects.get(theme=theme)
    assert run.status == RunStatus.SUCCEEDED and run.max_topics == 5
    quote = subjects["tablettes"][0]
    expect(page.locator(f"a[href='{quote.get_absolute_url()}']").first).to_be_attached()  # every claim links back

    topic = Topic.objects.filter(run=run, kind="topic").order_by("position").first()
    follow(page.get_by_role("link", name=re.compile(f"Voir les {topic.size} contributions de ce sujet")).first)
    assert_accessible(page)
    page.get_by_label("Nouvel intitulé").fill("Ouvrir le soir et le samedi")
    follow(page.get_by_role("button", name="Renommer"))
    expect(page.get_by_text("Le sujet s'appelle désormais « Ouvrir le soir et le samedi ».")).to_be_visible()
    assert_accessible(page)

    page.goto(run.get_absolute_url())
    assert_accessible(page)
    follow(page.get_by_role("button", name="Publier cette synthèse"))
    expect(page.get_by_text("La synthèse est publiée")).to_be_visible()
    expect(page.get_by_text("renommé en « Ouvrir le soir et le samedi »")).to_be_visible()
    assert_accessible(page)

    # The organisers' overview of every theme, from the menu's « Organisation ».
    follow(page.locator("#navigation-principale").get_by_role("link", name="Organisation"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisation")
    assert_accessible(page)
    follow(page.get_by_role("link", name="Synthèses des thèmes"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Synthèses des thèmes")
    expect(page.get_by_role("link", name=f"n° {run.pk}").first).to_be_visible()
    assert_accessible(page)

    reader = browse(javascript=True)
    reader.goto(theme.get_absolute_url())
    assert_accessible(reader)
    follow(reader.get_by_role("link", name="Lire la synthèse des contributions"))
    expect(reader.get_by_role("heading", level=1)).to_have_text(f"Synthèse du thème {theme.number} : {theme.title}")
    expect(reader.get_by_role("heading", name="1. Ouvrir le soir et le samedi")).to_be_visible()
    assert_accessible(reader)


def test_the_progress_bar_updates_itself_then_the_result_appears(browse, organiser):
    theme, subjects = closed_theme()
    run = SynthesisRunFactory(theme=theme, running=True, stage="vectorise", progress=0.3)
    page = browse(javascript=True)
    log_in(page, organiser.email, PASSWORD, run.get_absolute_url())
    bar = page.locator("progress")
    expect(bar).to_have_attribute("value", "30")
    expect(page.get_by_text("Étape en cours : analyse du vocabulaire.")).to_be_visible()
    assert_accessible(page)

    SynthesisRun.objects.filter(pk=run.pk).update(stage="label", progress=0.7)
    expect(bar).to_have_attribute("value", "70", timeout=8_000)  # htmx asks every 2 seconds
    expect(page.get_by_text("Étape en cours : choix des intitulés.")).to_be_visible()
    assert_accessible(page)

    # The task ends: the fragment tells htmx to reload, and the result replaces the bar.
    finish(run, subjects["horaires"])
    expect(page.get_by_role("heading", name="Les sujets")).to_be_visible(timeout=8_000)
    expect(page.locator("progress")).to_have_count(0)
    assert_accessible(page)


def test_without_javascript_the_organiser_updates_the_progress_by_a_link(browse, organiser):
    theme, subjects = closed_theme()
    run = SynthesisRunFactory(theme=theme, running=True, stage="cluster", progress=0.5)
    page = browse(javascript=False)
    log_in(page, organiser.email, PASSWORD, run.get_absolute_url())
    expect(page.locator("progress")).to_have_attribute("value", "50")
    expect(page.locator("meta[http-equiv='refresh']")).to_have_count(0)
    assert_accessible(page)

    SynthesisRun.objects.filter(pk=run.pk).update(stage="represent", progress=0.8)
    follow(page.get_by_role("link", name="Mettre à jour"))
    expect(page.locator("progress")).to_have_attribute("value", "80")
    assert_accessible(page)

    finish(run, subjects["horaires"])
    follow(page.get_by_role("link", name="Mettre à jour"))
    expect(page.get_by_role("heading", name="Les sujets")).to_be_visible()
    assert_accessible(page)

    follow(page.get_by_role("link", name=re.compile("Voir les 6 contributions de ce sujet")))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sujet : Horaires d'ouverture")
    assert_accessible(page)


def test_without_javascript_anyone_reads_the_published_synthesis(browse, organiser):
    theme, subjects = closed_theme()
    build_run(
        theme,
        [("Horaires d'ouverture", subjects["horaires"], 2), ("Prêt de tablettes", subjects["tablettes"], 2)],
        duplicates=[subjects["formation"][:2]],
        non_informative=subjects["formation"][2:3],
    )
    from mediane.synthesis import services

    services.publish_run(organiser, SynthesisRun.objects.get(theme=theme))
    page = browse(javascript=False)
    page.goto(theme.get_absolute_url())
    assert_accessible(page)
    follow(page.get_by_role("link", name="Lire la synthèse des contributions"))
    expect(page.get_by_role("heading", name="Les propositions les plus soutenues")).to_be_visible()
    expect(page.locator(f"a[href='{subjects['horaires'][0].get_absolute_url()}']").first).to_be_attached()
    assert_accessible(page)
