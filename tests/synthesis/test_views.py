"""The synthesis pages: who may open and do what, what each page shows, and their constant query counts."""

import re

import pytest
from django.urls import reverse

from mediane.consultation import panels
from mediane.consultation.models import Contribution, Theme
from mediane.synthesis import services, services_topics
from mediane.synthesis.enums import EditAction, RunStatus, TopicKind
from mediane.synthesis.models import SynthesisEdit, SynthesisRun, Topic
from tests.consultation.factories import ContributionFactory, ThemeFactory
from tests.synthesis.factories import SynthesisRunFactory, build_run, seed_subjects

pytestmark = pytest.mark.django_db

ROLES = ["outsider", "citizen", "wg_member", "organiser"]


@pytest.fixture
def scene():
    """An unpublished run of a closed theme with two topics, a bucket, proposals, vigilance and duplicates."""
    theme = ThemeFactory(closed=True)
    hours = [
        ContributionFactory(
            theme=theme, kind="proposition", title="Ouvrir le samedi", body="Ouvrir le samedi matin.", supports_count=8
        ),
        ContributionFactory(
            theme=theme,
            kind="point_vigilance",
            title="Attention aux agents",
            body="La charge de travail des agents d'accueil augmente.",
            supports_count=3,
        ),
        ContributionFactory(
            theme=theme,
            kind="proposition",
            title="Ouvrir le soir",
            body="Ouvrir le samedi soir aussi.",
            supports_count=5,
        ),
    ]
    tablets = [
        ContributionFactory(theme=theme, kind="retour_experience", title="Prêt de tablettes à Lens"),
        ContributionFactory(theme=theme, kind="proposition", title="Tablettes pour seniors", supports_count=1),
    ]
    empty = ContributionFactory(theme=theme, kind="retour_experience", title="?", body="...")
    run = build_run(
        theme,
        [("Horaires d'ouverture", hours, 2), ("Prêt de tablettes", tablets, 2)],
        non_informative=[empty],
        duplicates=[[hours[0], hours[2]]],
        figures={
            "chosen_k": 2,
            "k_scores": {"2": 0.31, "3": 0.12},
            "k_selection": "silhouette",
            "warnings": ["Peu de textes."],
            "topics": 2,
        },
    )
    run.hours, run.tablets = hours, tablets
    return run


def url(name, *args):
    return reverse(f"synthesis:{name}", args=args)


def theme_args(theme):
    return [theme.consultation.slug, theme.slug]


def as_(client, request, role):
    user = request.getfixturevalue(role)
    if user.is_authenticated:
        client.force_login(user)
    return user


def expect(response, allowed_status, role, allowed_roles):
    if role in allowed_roles:
        assert response.status_code == allowed_status, response.content[:500]
    elif role == "outsider":
        assert response.status_code == 302 and "/compte/login/" in response["Location"]
    else:
        assert response.status_code == 403


# --- Permissions: every page and action × role ---


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["index", "theme_runs", "run", "run_progress", "topic"])
def test_reading_unpublished_runs_is_for_organisers_and_the_working_group(client, request, scene, role, page):
    as_(client, request, role)
    args = {
        "index": [],
        "theme_runs": theme_args(scene.theme),
        "run": [scene.pk],
        "run_progress": [scene.pk],
        "topic": [scene.topics.first().pk],
    }[page]
    response = client.get(url(page, *args), headers={"HX-Request": "true"})
    expect(response, 200, role, {"wg_member", "organiser"})


@pytest.mark.parametrize("role", ROLES)
def test_a_published_run_is_for_everyone(client, request, scene, role):
    services.publish_run(request.getfixturevalue("organiser"), scene)
    client.logout()
    as_(client, request, role)
    assert client.get(url("published", *theme_args(scene.theme))).status_code == 200
    assert client.get(url("topic", scene.topics.first().pk)).status_code == 200


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["launch", "rename", "split", "merge", "publish", "unpublish"])
def test_only_organisers_launch_edit_and_publish(
    client, request, scene, role, action, django_capture_on_commit_callbacks
):
    if action == "unpublish":
        services.publish_run(request.getfixturevalue("organiser"), scene)
    as_(client, request, role)
    topics = list(scene.topics.filter(kind=TopicKind.TOPIC).order_by("position"))
    if action == "split":  # a topic the engine can split: two subjects of six contributions
        subjects = seed_subjects(scene.theme, subjects=("horaires", "tablettes"))
        mixed = build_run(scene.theme, [("Mélange", subjects["horaires"] + subjects["tablettes"], 2)])
        topics = list(mixed.topics.all())
    target, data = {
        "launch": (
            url("theme_runs", *theme_args(scene.theme)),
            {"backend": "tfidf", "min_topics": 2, "max_topics": 4, "seed": 0},
        ),
        "rename": (url("rename", topics[0].pk), {"label": "Ouvrir plus"}),
        "split": (url("split", topics[0].pk), {}),
        "merge": (url("merge", scene.pk), {"topics": [t.pk for t in topics]}),
        "publish": (url("publish", scene.pk), {}),
        "unpublish": (url("unpublish", scene.pk), {}),
    }[action]
    edits_before = SynthesisEdit.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(target, data)
    expect(response, 302, role, {"organiser"})
    if role == "organiser":
        assert SynthesisEdit.objects.count() > edits_before
    else:
        assert SynthesisEdit.objects.count() == edits_before


@pytest.mark.parametrize("action", ["rename", "split", "merge", "publish", "unpublish"])
def test_write_actions_refuse_get(client, organiser, scene, action):
    client.force_login(organiser)
    pk = scene.topics.first().pk if action in {"rename", "split"} else scene.pk
    assert client.get(url(action, pk)).status_code == 405


def test_the_public_page_of_a_theme_without_published_synthesis_is_not_found(client, scene):
    assert client.get(url("published", *theme_args(scene.theme))).status_code == 404


# --- What the pages show ---


def test_an_organiser_launches_from_the_theme_runs_page_and_lands_on_the_run(
    client, organiser, django_capture_on_commit_callbacks
):
    theme = ThemeFactory(closed=True)
    seed_subjects(theme, subjects=("horaires", "tablettes"))
    client.force_login(organiser)
    page = client.get(url("theme_runs", *theme_args(theme))).content.decode()
    assert "Lancer la synthèse" in page and "Options avancées" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("theme_runs", *theme_args(theme)), {"backend": "tfidf", "min_topics": 2, "max_topics": 6, "seed": 3}
        )
    run = SynthesisRun.objects.get(theme=theme)
    assert response["Location"] == run.get_absolute_url()
    assert (run.status, run.seed, run.min_topics, run.max_topics) == (RunStatus.SUCCEEDED, 3, 2, 6)
    html = client.get(response["Location"]).content.decode()
    assert f"La synthèse n° {run.pk} est lancée" in html
    assert "Les sujets" in html and "Publier cette synthèse" in html


def test_the_launch_form_explains_its_errors(client, organiser):
    theme = ThemeFactory(closed=True)
    ContributionFactory(theme=theme)
    client.force_login(organiser)
    response = client.post(
        url("theme_runs", *theme_args(theme)), {"backend": "tfidf", "min_topics": 9, "max_topics": 3, "seed": 0}
    )
    assert response.status_code == 200
    assert "Le nombre maximal de sujets doit être au moins égal au nombre minimal." in response.content.decode()
    SynthesisRunFactory(theme=theme, running=True)
    response = client.post(
        url("theme_runs", *theme_args(theme)), {"backend": "tfidf", "min_topics": 2, "max_topics": 3, "seed": 0}
    )
    assert "est déjà en cours" in response.content.decode()


def test_a_working_group_member_reads_runs_without_the_forms(client, wg_member, scene):
    client.force_login(wg_member)
    assert "Lancer la synthèse" not in client.get(url("theme_runs", *theme_args(scene.theme))).content.decode()
    html = client.get(url("run", scene.pk)).content.decode()
    assert "Horaires d&#x27;ouverture" in html
    assert "Publier cette synthèse" not in html and "Fusionner les sujets" not in html
    assert "Renommer" not in client.get(url("topic", scene.topics.first().pk)).content.decode()


def test_the_run_page_shows_figures_topics_breakdowns_proposals_vigilance_duplicates_and_the_log(
    client, organiser, scene
):
    services_topics.rename_topic(organiser, scene.topics.get(position=1), "Ouvrir plus longtemps")
    client.force_login(organiser)
    html = client.get(url("run", scene.pk)).content.decode()
    # Figures and why this number of topics.
    assert "Peu de textes." in html and "Score de netteté des sujets (silhouette)" in html and "0,310" in html
    assert "Méthode de calcul « tfidf »" in html and "(graine) : 0" in html
    # Topics, with their representatives quoted and linked.
    assert "1. Ouvrir plus longtemps" in html and "intitulé calculé : « Horaires d&#x27;ouverture »" in html
    assert scene.hours[0].get_absolute_url() in html
    assert url("topic", scene.topics.get(position=1).pk) in html
    # Breakdowns as tables.
    assert '<caption id="legende-contributions-par-type">' in html
    assert ">Contributions par type</span></caption>" in html
    assert ">Contributions de chaque sujet, par type</span></caption>" in html
    # Proposals, most supported first, each with its topic.
    proposals = html[html.index('id="propositions-titre"') : html.index('id="vigilance-titre"')]
    assert (
        proposals.index("Ouvrir le samedi")
        < proposals.index("Ouvrir le soir")
        < proposals.index("Tablettes pour seniors")
    )
    # Vigilance grouped, duplicates, the bucket, the merge form and the log.
    assert "Attention aux agents" in html[html.index('id="vigilance-titre"') :]
    assert "1 autre texte a été envoyé deux fois." in html and "2 contributions :" in html
    assert "1 réponse ne dit rien qui puisse être lu" in html
    assert "Fusionner les sujets cochés" in html
    assert "Sujet « Horaires d&#x27;ouverture » renommé en « Ouvrir plus longtemps »." in html
    assert "par Olga" in html


def test_a_hidden_contribution_disappears_from_the_published_page(client, organiser, scene):
    services.publish_run(organiser, scene)
    Contribution.objects.filter(pk=scene.hours[0].pk).update(status="masquee")
    html = client.get(url("published", *theme_args(scene.theme))).content.decode()
    assert "Ouvrir le samedi" not in html
    assert "Ouvrir le soir" in html
    assert "envoyé deux fois" not in html  # its duplicate group is down to one contribution
    assert "par Olga" not in html  # the public log names no one


def test_the_run_page_of_a_running_synthesis_polls_its_progress_without_meta_refresh(client, organiser):
    run = SynthesisRunFactory(running=True, progress=0.42, stage="cluster")
    client.force_login(organiser)
    html = client.get(url("run", run.pk)).content.decode()
    assert '<progress class="mediane-progress" max="100" value="42"' in html
    assert "Étape en cours : regroupement en sujets." in html
    assert f'hx-get="{url("run_progress", run.pk)}" hx-trigger="every 2s"' in html
    assert "Mettre à jour" in html and 'http-equiv="refresh"' not in html
    assert "htmx.min.js" in html


def test_the_progress_fragment_keeps_polling_while_the_run_works_then_reloads_the_page(client, organiser):
    run = SynthesisRunFactory(running=True, progress=0.5)
    client.force_login(organiser)
    fragment = client.get(url("run_progress", run.pk), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in fragment.content.decode() and "HX-Refresh" not in fragment
    SynthesisRun.objects.filter(pk=run.pk).update(status=RunStatus.SUCCEEDED, progress=1.0)
    fragment = client.get(url("run_progress", run.pk), headers={"HX-Request": "true"})
    assert "hx-trigger" not in fragment.content.decode() and fragment["HX-Refresh"] == "true"
    # Opened without htmx, the fragment's address leads to the page.
    assert client.get(url("run_progress", run.pk))["Location"] == run.get_absolute_url()


def test_a_failed_run_says_why_and_that_the_published_one_did_not_change(client, organiser):
    run = SynthesisRunFactory(failed=True)
    client.force_login(organiser)
    html = client.get(url("run", run.pk)).content.decode()
    assert "La synthèse a échoué" in html and "Le moteur a refusé les données." in html
    assert "s'il y en a une, n'a pas changé" in html


def test_a_run_whose_process_died_is_retried_when_its_page_is_read(client, organiser, monkeypatch):
    run = SynthesisRunFactory(stale=True)
    ContributionFactory(theme=run.theme)
    monkeypatch.setattr("mediane.jobs.queue.start", lambda job: None)  # the retry is queued, not run here
    client.force_login(organiser)
    html = client.get(url("run", run.pk)).content.decode()
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and run.attempts == 1
    assert "La synthèse a été interrompue" in html and "elle reprend depuis le début" in html


def test_a_run_that_died_twice_is_shown_failed(client, organiser):
    run = SynthesisRunFactory(stale=True, attempts=2)
    client.force_login(organiser)
    html = client.get(url("run", run.pk)).content.decode()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert "La nouvelle tentative faite automatiquement s&#x27;est arrêtée elle aussi." in html


def test_renaming_from_the_topic_page(client, organiser, scene):
    topic = scene.topics.get(position=1)
    client.force_login(organiser)
    response = client.post(url("rename", topic.pk), {"label": "Ouvrir plus longtemps"})
    assert response["Location"] == url("topic", topic.pk)
    assert (
        "Le sujet s&#x27;appelle désormais « Ouvrir plus longtemps »."
        in client.get(response["Location"]).content.decode()
    )
    response = client.post(url("rename", topic.pk), {"label": "Ouvrir plus longtemps"})
    assert response.status_code == 200
    assert "le même que l&#x27;actuel" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_merging_from_the_run_page(client, organiser, scene):
    topics = list(scene.topics.filter(kind=TopicKind.TOPIC))
    client.force_login(organiser)
    response = client.post(url("merge", scene.pk), {"topics": [topics[0].pk]})
    assert response.status_code == 200 and "Cochez au moins deux sujets à fusionner." in response.content.decode()
    response = client.post(url("merge", scene.pk), {"topics": [t.pk for t in topics], "label": "Accueil"})
    merged = Topic.objects.get(run=scene, kind=TopicKind.TOPIC)
    assert response["Location"] == f"{scene.get_absolute_url()}#sujet-{merged.pk}"
    assert merged.label == "Accueil" and merged.size == 5


def test_splitting_from_the_topic_page(client, organiser):
    theme = ThemeFactory(closed=True)
    subjects = seed_subjects(theme, subjects=("horaires", "tablettes"))
    run = build_run(theme, [("Mélange", subjects["horaires"] + subjects["tablettes"], 2)])
    client.force_login(organiser)
    response = client.post(url("split", run.topics.get().pk))
    assert run.topics.count() == 2
    assert "Le sujet est scindé en deux" in client.get(response["Location"]).content.decode()


def test_publishing_and_unpublishing_from_the_run_page(client, organiser, scene):
    client.force_login(organiser)
    client.post(url("publish", scene.pk))
    assert Theme.objects.get(pk=scene.theme_id).synthesis_published_at is not None
    html = client.get(url("run", scene.pk)).content.decode()
    assert "Cette synthèse est publiée depuis le" in html and "Retirer la synthèse de la page publique" in html
    client.post(url("unpublish", scene.pk))
    assert Theme.objects.get(pk=scene.theme_id).synthesis_published_at is None
    assert SynthesisEdit.objects.filter(run=scene, action=EditAction.UNPUBLISH).exists()


def test_publishing_an_open_theme_is_refused_with_a_message(client, organiser):
    theme = ThemeFactory()
    run = build_run(theme, [("Sujet", [ContributionFactory(theme=theme)], 1)])
    client.force_login(organiser)
    response = client.post(url("publish", run.pk), follow=True)
    assert "sa synthèse se publie après la clôture" in response.content.decode()


def test_the_topic_page_lists_every_published_contribution_page_by_page(client, wg_member):
    theme = ThemeFactory(closed=True)
    members = [ContributionFactory(theme=theme, kind="point_vigilance" if i % 2 else "proposition") for i in range(60)]
    run = build_run(theme, [("Grand sujet", members, 3)])
    topic = run.topics.get()
    client.force_login(wg_member)
    first = client.get(url("topic", topic.pk)).content.decode()
    assert "60 contributions publiées · page 1 sur 2" in first
    assert "Page suivante" in first
    assert len(re.findall(r'<li class="fr-mb-3w fr-pb-3w" id="contribution-', first)) == 50
    vigilance = client.get(url("topic", topic.pk) + "?type=point_vigilance").content.decode()
    assert "30 contributions publiées de ce type" in vigilance


# --- The theme page links to the synthesis, without the forum importing this app ---


def theme_page(client, theme):
    return client.get(reverse("consultation:theme", args=theme_args(theme)))


def test_the_theme_page_links_to_the_published_synthesis(client, organiser, scene):
    assert url("published", *theme_args(scene.theme)) not in theme_page(client, scene.theme).content.decode()
    services.publish_run(organiser, scene)
    html = theme_page(client, scene.theme).content.decode()
    assert url("published", *theme_args(scene.theme)) in html and "Lire la synthèse des contributions" in html
    assert "sa synthèse est publiée" in html


@pytest.mark.parametrize(("role", "shown"), [("citizen", False), ("wg_member", True), ("organiser", True)])
def test_the_theme_page_links_organisers_and_the_working_group_to_the_runs(client, request, role, shown):
    theme = ThemeFactory(closed=True)
    as_(client, request, role)
    assert (url("theme_runs", *theme_args(theme)) in theme_page(client, theme).content.decode()) is shown


@pytest.mark.parametrize("role", ROLES)
def test_the_synthesis_panel_costs_the_theme_page_no_query(client, request, role, count_queries, monkeypatch):
    theme = ThemeFactory(synthesis_published=True)
    as_(client, request, role)
    theme_page(client, theme)  # cached fragments are warm for both counts
    with count_queries() as with_panel:
        assert "Lire la synthèse" in theme_page(client, theme).content.decode()
    monkeypatch.setattr(panels, "_PANELS", {})
    with count_queries() as without_panel:
        assert "Lire la synthèse" not in theme_page(client, theme).content.decode()
    assert len(with_panel) == len(without_panel)


# --- Constant query counts ---


def big_scene(size, topic_count=4, earlier_runs=0):
    theme = ThemeFactory(closed=True)
    for _ in range(earlier_runs):
        SynthesisRunFactory(theme=theme)
    topics = []
    for number in range(topic_count):
        members = [
            ContributionFactory(
                theme=theme, kind=["proposition", "point_vigilance", "retour_experience"][i % 3], supports_count=i
            )
            for i in range(size)
        ]
        topics.append((f"Sujet {number}", members, 3))
    everyone = [c for _, members, _ in topics for c in members]
    # Every kind of group grows with the run: short answers, « Autres contributions », empty answers, campaigns.
    run = build_run(
        theme,
        topics,
        duplicates=[everyone[:2], everyone[2 : 5 + size]],
        non_informative=[ContributionFactory(theme=theme, body=".") for _ in range(1 + size // 3)],
        closed=[
            (label, [ContributionFactory(theme=theme, body=label) for _ in range(size)]) for label in ("Oui", "Non")
        ],
        other=[ContributionFactory(theme=theme) for _ in range(size)],
        examples=5,
    )
    for _ in range(size // 3):
        SynthesisEdit.objects.create(run=run, action=EditAction.RENAME, details={"summary": "Renommage."})
    return run


def queries(client, count_queries, address):
    with count_queries() as ctx:
        assert client.get(address).status_code == 200
    return len(ctx)


@pytest.mark.parametrize(
    ("page", "maximum"),
    [("run", 16), ("topic", 6), ("published", 16), ("theme_runs", 5), ("index", 4)],
)
def test_each_page_runs_the_same_small_number_of_queries_whatever_the_size(
    client, organiser, count_queries, page, maximum
):
    small = big_scene(3, topic_count=2)
    large = big_scene(30, topic_count=7, earlier_runs=4)
    for _ in range(3):  # more themes, each with a run, for the index
        big_scene(2, topic_count=1)
    for run in (small, large):
        services.publish_run(organiser, run)
    client.force_login(organiser)

    def address(run):
        return {
            "run": url("run", run.pk),
            "topic": url("topic", run.topics.filter(kind=TopicKind.TOPIC).first().pk),
            "published": url("published", *theme_args(run.theme)),
            "theme_runs": url("theme_runs", *theme_args(run.theme)),
            "index": url("index"),
        }[page]

    small_count = queries(client, count_queries, address(small))
    large_count = queries(client, count_queries, address(large))
    assert small_count == large_count <= maximum


@pytest.mark.parametrize(
    ("role", "shown"), [("outsider", False), ("citizen", False), ("wg_member", True), ("organiser", True)]
)
def test_the_menu_leads_organisers_and_the_working_group_to_the_syntheses(client, request, role, shown):
    """Through the menu's one item for the organisers' pages, « Organisation »."""
    as_(client, request, role)
    html = client.get(reverse("pages:home")).content.decode()
    assert (f'href="{reverse("pages:organisation")}"' in html) is shown
    hub = client.get(reverse("pages:organisation")).content.decode()
    assert (f'href="{url("index")}"' in hub) is shown


def test_the_public_pages_cost_an_anonymous_visitor_few_queries(client, organiser, count_queries):
    run = big_scene(30)
    services.publish_run(organiser, run)
    assert queries(client, count_queries, url("published", *theme_args(run.theme))) <= 13
    assert queries(client, count_queries, url("topic", run.topics.filter(kind=TopicKind.TOPIC).first().pk)) <= 3


@pytest.fixture
def plain_scene(organiser):
    """A published run with every kind of group: a topic with its sentence, short answers, « Autres contributions »,
    a campaign, a pair and empty answers, some of them hidden by moderation since."""
    theme = ThemeFactory(closed=True)
    hours = [ContributionFactory(theme=theme, title=f"Horaires {n}", body="Ouvrir le soir.") for n in range(3)]
    campaign = [
        ContributionFactory(theme=theme, title="Appel", body="Signez l'appel pour ouvrir le dimanche !")
        for _ in range(5)
    ]
    pair = [ContributionFactory(theme=theme, title="Copie", body="Le même texte deux fois.") for _ in range(2)]
    yes = [ContributionFactory(theme=theme, title="Oui", body="oui") for _ in range(3)]
    no = [ContributionFactory(theme=theme, title="Non", body="Non !") for _ in range(1)]
    other = [ContributionFactory(theme=theme, title=f"À part {n}", body=f"Une idée isolée n° {n}.") for n in range(3)]
    empty = [ContributionFactory(theme=theme, title="?", body=body) for body in ("R.A.S", "Masquée vide", "  ")]
    run = build_run(
        theme,
        [("Horaires du soir", hours + campaign + pair, 2)],
        closed=[("Oui", yes), ("Non", no)],
        other=other,
        non_informative=empty,
        duplicates=[campaign, pair],
        examples=5,
        figures={"chosen_k": 1, "k_scores": {"1": 0.04}, "k_selection": "silhouette", "k_bounds": [1, 3]},
        backend="tfidf",
        seed=48173,
    )
    Topic.objects.filter(run=run, kind=TopicKind.TOPIC).update(
        sentence="Ouvrir le soir, après le travail.", sentence_contribution=hours[0]
    )
    services.publish_run(organiser, run)
    hidden = [campaign[0], other[0], empty[1]]
    Contribution.objects.filter(pk__in=[c.pk for c in hidden]).update(status="masquee")
    return run, campaign, other, empty, hidden


def test_the_public_page_shows_every_group_in_plain_words_without_the_method_settings(client, plain_scene):
    run, campaign, other, empty, hidden = plain_scene
    html = client.get(url("published", *theme_args(run.theme))).content.decode()
    text = html.lower()
    for internal in ("silhouette", "graine", "tfidf", "48173", "netteté", "k_bounds", "méthode de calcul"):
        assert internal not in text, internal
    assert "<strong>En une phrase :</strong> « Ouvrir le soir, après le travail. »" in html
    # The short answers as a table: answer, number, share of the short answers.
    table = html[html.index('id="reponses-courtes-titre"') : html.index('id="autres-contributions-titre"')]
    assert ">Réponse</th>" in table and ">Nombre</th>" in table and ">Part</th>" in table
    assert "<td>3</td><td>75\u00a0%</td>" in table and "<td>1</td><td>25\u00a0%</td>" in table
    assert "4 réponses courtes (oui, non…)" in table
    # The « Autres contributions »: count, quotes, the way to all of them.
    others = html[html.index('id="autres-contributions-titre"') : html.index('id="propositions-titre"')]
    assert "2 contributions ne ressemblent assez à aucun sujet" in others
    assert other[1].get_absolute_url() in others and "Voir les 2 autres contributions" in others
    # The campaign: its text and its published copies; the pair is only counted.
    copies = html[html.index('id="copies-titre"') : html.index('id="reponses-vides-titre"')]
    assert "<strong>Copié 4 fois</strong>" in copies and "Signez l&#x27;appel pour ouvrir le dimanche !" in copies
    assert campaign[1].get_absolute_url() in copies
    assert "1 autre texte a été envoyé deux fois." in copies and "Voir les groupes" not in copies
    # The empty answers: their count and examples as typed.
    empties = html[html.index('id="reponses-vides-titre"') : html.index('id="methode-titre"')]
    assert "2 réponses ne disent rien qui puisse être lu" in empties
    assert "« R.A.S »" in empties and "« ? »" in empties  # a blank body shows its title
    # How it was made, in plain words, without JavaScript.
    method = html[html.index('id="methode-titre"') :]
    assert "<details" in method and "Les textes qui emploient les mêmes mots ont été regroupés" in method
    assert "Synthèse lancée" not in html  # the launch's log entry names the settings
    # Nothing hidden by moderation shows, nor is counted.
    for contribution in hidden:
        assert contribution.get_absolute_url() not in html
    assert "Masquée vide" not in html
    # A short or an empty answer filed as a proposal is no proposal; nor is it a topic of the table by kind.
    proposals = html[html.index('id="propositions-titre"') : html.index('id="vigilance-titre"')]
    assert "Horaires du soir" in proposals and "sujet : Oui" not in proposals and "R.A.S" not in proposals
    by_kind = html[html.index(">Contributions de chaque sujet, par type</span>") : html.index('id="copies-titre"')]
    assert "Autres contributions" in by_kind and ">Oui</a>" not in by_kind and "Réponses sans contenu" not in by_kind


def test_the_run_page_keeps_the_method_settings_in_plain_words(client, organiser, plain_scene):
    run = plain_scene[0]
    client.force_login(organiser)
    html = client.get(url("run", run.pk)).content.decode()
    assert "Score de netteté des sujets (silhouette)" in html and "0,040" in html
    assert "Méthode de calcul « tfidf »" in html and "(graine) : 48173" in html
    assert "Le programme pouvait former de 3 à 40 sujets ; il en a retenu 1." in html
    assert "Règle de choix : silhouette." in html
    assert "Voir les groupes de contributions en double" in html and "<strong>Copié 4 fois</strong>" in html


def test_a_group_that_is_not_a_topic_has_its_own_page_without_edit_forms(client, organiser, plain_scene):
    run = plain_scene[0]
    client.force_login(organiser)
    closed = client.get(url("topic", run.topics.get(label="Oui").pk)).content.decode()
    assert "Réponse courte : Oui" in closed and "comptées à part" in closed
    assert "Renommer le sujet" not in closed and "Scinder" not in closed
    others = client.get(url("topic", run.topics.get(kind=TopicKind.OTHER).pk)).content.decode()
    assert "ne ressemblent assez à aucun sujet" in others and "Renommer le sujet" not in others
    assert "représentative</p>" not in others
