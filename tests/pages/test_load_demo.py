"""`manage.py load_demo`: one story, from the 2019 consultation as it happened to today's, open to contributions."""

import datetime as dt
from dataclasses import dataclass
from html import unescape
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import Max, Min
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from mediane.accounts.models import User
from mediane.consultation.enums import ContributionSource, ContributionStatus, ModerationReason, ThemePhase
from mediane.consultation.models import Comment, Contribution, ModerationLog, Support, Theme
from mediane.pages.demo.consultation import CALENDAR, PARIS
from mediane.pages.models import NewsItem
from mediane.synthesis.enums import RunStatus
from mediane.synthesis.models import SynthesisEdit, SynthesisRun
from mediane.workinggroup.models import Decision, DecisionLog, Dossier, Meeting

pytestmark = pytest.mark.django_db
OLD = "inclusion-numerique-bibliotheques"
TODAY = "ou-en-sommes-nous"


def load() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("load_demo", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(PARIS).date()


@dataclass
class Demo:
    output: str
    media_root: Path  # where the dossier's files went


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for the module (a minute of work): committed, read by each test inside its own
    transaction, and flushed at the end so that the next module starts from an empty database."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        output, _ = load()
    yield Demo(output, media_root)
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def test_the_2019_consultation_happened_in_2019_theme_after_theme(demo):
    themes = {theme.number: theme for theme in Theme.objects.filter(consultation__slug=OLD)}

    assert {number: theme.phase for number, theme in themes.items()} == dict.fromkeys(
        (1, 2, 3), ThemePhase.SYNTHESIS_PUBLISHED
    )
    for number, theme in themes.items():
        calendar = CALENDAR[number]
        assert (theme.opens_at, theme.closes_at, theme.meeting_date) == (
            calendar.opens,
            calendar.closes,
            calendar.meeting,
        )
        written = Contribution.objects.filter(theme=theme)
        dates = written.aggregate(Min("created_at"), Max("created_at"), Max("published_at"))
        assert theme.opens_at < dates["created_at__min"] <= dates["created_at__max"] < theme.closes_at
        assert dates["published_at__max"] < theme.closes_at
        for rows in (
            Support.objects.filter(contribution__theme=theme),
            Comment.objects.filter(contribution__theme=theme),
        ):
            span = rows.aggregate(Min("created_at"), Max("created_at"))
            assert theme.opens_at < span["created_at__min"] and span["created_at__max"] < theme.closes_at
        # Closed, then synthesised and published before its meeting.
        run = SynthesisRun.objects.get(theme=theme)
        assert run.status == RunStatus.SUCCEEDED and run.topics.count() >= 2
        assert theme.closes_at < run.created_at < run.finished_at < run.published_at
        assert run.published_at == theme.synthesis_published_at
        assert day(run.published_at) < calendar.meeting
        assert all(
            theme.closes_at < edit.created_at < theme.closes_at + dt.timedelta(days=30)
            for edit in SynthesisEdit.objects.filter(run=run)
        )
    assert [theme.meeting_label for _, theme in sorted(themes.items())] == [
        "mai 2019",
        "juillet 2019",
        "septembre 2019",
    ]
    assert themes[2].opens_at > themes[1].closes_at and themes[3].opens_at > themes[2].closes_at


def test_the_2019_meetings_are_held_on_their_dates_and_the_may_dossier_is_dated_may_2019(demo, settings):
    settings.MEDIA_ROOT = demo.media_root
    for meeting in Meeting.objects.select_related("theme"):
        assert meeting.is_held
        assert day(meeting.held_at) == meeting.date == CALENDAR[meeting.theme.number].meeting
        assert {day(decision.created_at) for decision in meeting.decisions.all()} == {meeting.date}
    assert {day(log.created_at) for log in DecisionLog.objects.all()} == {
        dt.date(2019, 5, 23),
        dt.date(2019, 7, 4),
        dt.date(2019, 9, 26),
    }
    dossier = Dossier.objects.get()
    assert day(dossier.created_at) == day(dossier.finished_at) == dt.date(2019, 5, 27)
    with dossier.markdown.open("rb") as handle:
        markdown = handle.read().decode()
    assert "document généré le 27 mai 2019" in markdown
    assert "2026" not in markdown and str(timezone.localdate().year) not in markdown


def test_every_date_a_public_page_shows_fits_the_story(demo, client):
    run = SynthesisRun.objects.get(theme__consultation__slug=OLD, theme__number=1)
    synthesis = client.get(reverse("synthesis:published", args=[OLD, "role-et-missions"])).content.decode()
    theme = client.get(reverse("consultation:theme", args=[OLD, "publics-cibles"])).content.decode()

    assert "13 mai 2019" in synthesis
    assert run.published_at.year == 2019
    assert "Ouverture : 27 mai 2019 à 09h00" in theme
    assert "Clôture : 23 juin 2019 à 23h59" in theme
    assert "Réunion du groupe de travail : juillet 2019" in theme
    # Nothing of 2019 was written later than 2019, but the news of 2021 and today's consultation.
    assert ModerationLog.objects.get().created_at.year == 2019
    assert {user.date_joined.year for user in User.objects.all()} == {2019}
    assert sorted(item.published_at.year for item in NewsItem.objects.all())[:-1] == [2019, 2019, 2019, 2019, 2021]
    assert all(item.published_at <= timezone.now() for item in NewsItem.objects.all())


def test_todays_consultation_is_open_and_a_newcomer_is_invited_to_contribute(demo, client):
    now = timezone.now()
    themes = list(Theme.objects.filter(consultation__slug=TODAY).order_by("number"))

    assert [theme.phase for theme in themes] == [ThemePhase.OPEN, ThemePhase.OPEN]
    for theme in themes:
        assert theme.opens_at < now < theme.closes_at
        written = Contribution.objects.filter(theme=theme).aggregate(Min("created_at"), Max("created_at"))
        assert theme.opens_at < written["created_at__min"] and written["created_at__max"] <= now
        assert theme.meeting_label == "à fixer après la clôture"
    home = client.get(reverse("pages:home")).content.decode()
    assert f'href="{themes[0].get_absolute_url()}">Contribuer au thème 1</a>' in home
    assert "Bibliothèques et inclusion numérique : où en sommes-nous ?" in home
    assert NewsItem.objects.filter(slug=TODAY, published_at__lt=themes[0].opens_at + dt.timedelta(hours=1)).exists()


def test_the_forum_has_its_people_moderation_and_assisted_contributions(demo):
    contributions = Contribution.objects.all()
    assert contributions.count() >= 190
    assert set(contributions.values_list("kind", flat=True)) == {"retour_experience", "point_vigilance", "proposition"}
    assert len(set(contributions.values_list("author_category", flat=True))) >= 5
    hidden = contributions.get(status=ContributionStatus.HIDDEN)
    assert hidden.hidden_reason == ModerationReason.ABUSIVE
    assert contributions.filter(source=ContributionSource.ASSISTED, author=None).count() >= 10
    for theme in Theme.objects.all():
        assert theme.published_count == contributions.published().filter(theme=theme).count()
    assert Support.objects.count() >= 500
    assert Comment.objects.count() >= 60 and Comment.objects.exclude(parent=None).exists()
    assert Decision.objects.count() == 14
    assert authenticate(email="moderateur@mediane.localhost", password="demo-mediane-2019") is not None
    assert "Données de démonstration chargées" in demo.output


def test_loading_again_changes_nothing(demo):
    counts = [model.objects.count() for model in (Contribution, Support, Comment, NewsItem, SynthesisRun, Decision)]

    again, _ = load()

    assert "déjà chargées" in again
    assert [
        model.objects.count() for model in (Contribution, Support, Comment, NewsItem, SynthesisRun, Decision)
    ] == counts


def test_the_agenda_has_the_2021_journee_and_today_s_events_with_a_waiting_list(demo, client):
    from mediane.events.enums import EventKind
    from mediane.events.models import Event, EventRegistration

    journee = Event.objects.filter(kind=EventKind.INCLUSION_DAY)
    assert journee.count() == 3
    assert {event.starts_at.astimezone(PARIS).year for event in journee} == {2021}
    assert all(event.place.departement == "69" for event in journee)
    assert all(row.created_at.year == 2021 for row in EventRegistration.objects.filter(registrable__in=journee))
    upcoming = list(Event.objects.public().upcoming())
    assert len(upcoming) == 3
    full = next(event for event in upcoming if event.is_full)
    assert full.waiting_count == 3  # two of the public, and Lucie with her account
    assert any(event.online for event in upcoming)
    assert any(event.seats_left for event in upcoming if not event.is_unlimited and not event.is_full)
    agenda = client.get(reverse("events:agenda")).content.decode()
    assert "Complet : vous pouvez vous inscrire en liste d'attente" in agenda
    client.force_login(User.objects.get(email="participante@mediane.localhost"))
    mine = client.get(reverse("events:mine")).content.decode()
    assert "Vous êtes sur la liste d'attente." in mine and "Vous êtes inscrit·e." in mine


# --- roadmap: the demo roadmap (mediane/pages/demo/roadmap.py) ---


def test_the_roadmap_of_2020_and_2021_comes_from_the_2019_proposals_and_decisions(demo, client):
    from mediane.roadmap.models import Action, ActionFollow, ActionUpdate, Milestone

    roots = Action.objects.filter(parent=None)
    # 9 with « 4 000 conseillers numériques recrutés », measured by the programme's indicator (issue 13).
    assert roots.count() == 9 and Action.objects.count() == 12
    assert sorted({action.stage.year for action in roots}) == [2020, 2021]
    assert all(action.contributions.exists() for action in roots)
    money = Action.objects.get(title="Accompagnement financier des bibliothèques")
    assert [child.weight for child in money.children.order_by("pk")] == [2, 2, 1]
    assert money.progress == 62  # (100 × 2 + 50 × 2 + 10) / 5
    relance = Milestone.objects.get(title="Plan France Relance présenté")
    assert relance.date == dt.date(2020, 9, 3)
    assert {update.created_at.year for update in ActionUpdate.objects.all()} == {2020, 2021}
    journee = Action.objects.get(title="Journée inclusion numérique en bibliothèque")
    assert ActionFollow.objects.active().filter(user__email="participante@mediane.localhost", action=journee).exists()
    assert ActionFollow.objects.filter(origin="proposition").count() > 20
    page = client.get(relance.action.get_absolute_url()).content.decode()
    assert "Décision n° 1.2 : Une convention type entre bibliothèques et Maisons France Services" in page
    assert "3 septembre 2020" in page


# --- end roadmap ---


def test_the_demo_library_manager_finds_eligible_schemes_one_not_eligible_one_to_confirm_and_one_closed(demo, client):
    client.force_login(User.objects.get(email="responsable@mediane.localhost"))
    response = client.get(reverse("funding:finder"))
    verdicts = {result.scheme.slug: result.verdict for result in response.context["results"]}
    assert len(verdicts) == 6
    assert verdicts["bibliotheques-numeriques-de-reference"] == "not_eligible"
    assert verdicts["ctl-cdli"] == "to_confirm"
    assert verdicts["france-relance-inclusion-numerique"] == "closed"  # its calls ended in 2021
    assert list(verdicts.values()).count("eligible") == 3
    assert response.context["structure"].source_id == "bib-LI14352"  # the Pôle lecture Terraillon, Bron
    assert "Votre commune compte 4" in unescape(response.content.decode())  # Bron: about 43,000 inhabitants


# --- funding: the demo applications (mediane/pages/demo/funding_applications.py) ---


def test_the_funding_applications_are_at_every_stage_and_the_manager_sees_the_payment(demo, client):
    from mediane.funding.enums import ApplicationStatus
    from mediane.funding.models import Application, Payment

    assert set(Application.objects.values_list("status", flat=True)) == set(ApplicationStatus.values)
    # The one Bron applied for in 2021 (the programme's own grants come from its recruitments: see below).
    cnum = Application.objects.get(
        scheme__slug="conseiller-numerique", title__startswith="Un conseiller numérique pour"
    )
    assert (cnum.amount_granted, cnum.amount_paid, day(cnum.decided_at)) == (50000, 25000, dt.date(2021, 4, 19))
    assert [entry.at.year for entry in cnum.log.all()] == [2021] * len(cnum.log.all())
    assert all(payment.paid_on >= day(payment.application.decided_at) for payment in Payment.objects.all())
    client.force_login(User.objects.get(email="responsable@mediane.localhost"))
    page = client.get(cnum.get_absolute_url()).content.decode()
    assert "CNUM-2021-0142" in page and "Première année" in page
    mine = client.get(reverse("funding:my_applications")).content.decode()
    assert "Ouvrir le dimanche" in mine  # the draft
    figures = client.get(reverse("funding:figures")).content.decode()
    assert "Rhône (69)" in figures


# --- training: the kit (mediane/pages/demo/kit.py) ---


def test_the_kit_has_a_dozen_real_resources_searchable_in_french_and_one_draft(demo, client):
    from mediane.training.enums_kit import KitLicence
    from mediane.training.models_kit import KitResource

    assert KitResource.objects.published().count() >= 10
    assert KitResource.objects.filter(published=False).count() == 1
    assert "ressources du kit" in demo.output
    assert not KitResource.objects.exclude(licence=KitLicence.UNSPECIFIED).exists()  # no licence is guessed
    html = client.get(reverse("training:kit"), {"q": "demarche"}).content.decode()
    assert "Solidarité Numérique" in html and "Aidants Connect" in html
    assert "Mon premier courriel" not in client.get(reverse("training:kit")).content.decode()


# --- end training: the kit ---
def test_training_has_a_dozen_courses_a_full_session_and_the_demo_manager_s_team(demo, client):
    from mediane.training.models import Course, StaffMember, TrainingSession

    assert Course.objects.published().filter(is_example=True).count() == 12
    full = [session for session in TrainingSession.objects.upcoming() if session.is_full and session.waiting_count]
    assert len(full) == 1
    manager = User.objects.get(email="responsable@mediane.localhost")
    member = StaffMember.objects.select_related("structure").first()
    assert member.structure.managers.filter(pk=manager.pk).exists()
    client.force_login(manager)
    team = client.get(reverse("training:team", args=[member.structure.pk])).content.decode()
    assert "Hélène Roux" in team and "Tom Girard" in team
    client.force_login(User.objects.get(display_name="Hélène Roux"))
    record = client.get(reverse("training:my_record")).content.decode()
    assert "Certification Pix" in record


# --- the Conseillers numériques programme (mediane/pages/demo/conseillers*.py) ---
def test_the_programme_has_structures_at_every_stage_candidates_and_recruitments_with_their_grants(demo, client):
    from mediane.conseillers.enums import HostStatus, RecruitmentStatus
    from mediane.conseillers.models import Candidate, CommitteeDecision, DepartementQuota, HostStructure, Recruitment

    assert sum(DepartementQuota.objects.values_list("positions", flat=True)) == 4000
    assert set(HostStructure.objects.values_list("status", flat=True)) >= {
        HostStatus.CREATED,
        HostStatus.FURTHER_EXAMINATION,
        HostStatus.VALIDATED,
        HostStatus.REFUSED,
        HostStatus.DUPLICATE,
    }
    assert CommitteeDecision.objects.exists() and Candidate.objects.count() >= 40
    statuses = set(Recruitment.objects.values_list("status", flat=True))
    assert {RecruitmentStatus.INTERESTED, RecruitmentStatus.FINALISED, RecruitmentStatus.RUPTURE_FINALISED} <= statuses
    assert Recruitment.objects.filter(status=RecruitmentStatus.FINALISED, grant__isnull=False).exists()
    yasmine = Candidate.objects.get(user__email="candidate@mediane.localhost")
    bron = Recruitment.objects.get(candidate=yasmine).host
    assert bron.managers.filter(email="responsable@mediane.localhost").exists()
    client.force_login(yasmine.user)
    assert bron.name in client.get(reverse("conseillers:candidate_profile")).content.decode()
    client.force_login(User.objects.get(email="responsable@mediane.localhost"))
    assert client.get(reverse("conseillers:recommendations", args=[bron.pk])).status_code == 200


def test_the_programme_demo_tells_each_step_at_its_own_date_in_order_and_signed_by_who_took_it(demo):
    from mediane.conseillers.enums import LogAction, RecruitmentStatus
    from mediane.conseillers.models import CommitteeDecision, HostStructure, ProgrammeLog, Recruitment
    from mediane.conseillers.services import A_MANAGER, PROGRAMME_TEAM

    today, now = timezone.localdate(), timezone.now()
    for decision in CommitteeDecision.objects.select_related("request"):
        # The committee meets after the request was filed, and in the past.
        assert timezone.localdate(decision.request.created_at) < decision.decided_on < today
        assert decision.recorded_at <= now
    log = ProgrammeLog.objects.all()
    assert log.filter(at__gt=now).count() == 0
    assert log.values("at__date").distinct().count() > 20  # not every line stamped the loading day
    registered = log.filter(action=LogAction.HOST_REGISTERED)
    assert registered.exists() and not registered.exclude(actor_role=A_MANAGER).exists()
    assert not log.filter(action=LogAction.DECISION).exclude(actor_role=PROGRAMME_TEAM).exists()
    for recruitment in Recruitment.objects.exclude(starts_on=None):
        assert timezone.localdate(recruitment.created_at) < recruitment.starts_on
        assert recruitment.rupture_on is None or recruitment.starts_on < recruitment.rupture_on < today
        # « recruter » and « rupture » are the structure's moves, signed by its manager.
        assert (
            not recruitment.log.filter(action=LogAction.RECRUITMENT, after__in=["Recrutée", "Rupture"])
            .exclude(actor_role=A_MANAGER)
            .exists()
        )
    ruptured = Recruitment.objects.get(status=RecruitmentStatus.RUPTURE_FINALISED)
    assert ruptured.grant.payments.exists()
    for payment in ruptured.grant.payments.all():
        assert timezone.localdate(ruptured.grant.decided_at) <= payment.paid_on <= today
    bron = HostStructure.objects.get(managers__email="responsable@mediane.localhost")
    assert bron.name == "Pôle lecture Terraillon"
