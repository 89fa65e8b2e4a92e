"""The demo working group of 2019: its members, and its three meetings (May, July and September 2019), each held on
its date with minutes and decisions linked to the contributions of its theme and to the topics of the theme's
published synthesis; the May meeting has its dossier.

Organisations are the real kinds of bodies that sat in the 2019 group; the people are not named (titles such as
« Représentant·e de l'ABF »), nor is the demo account that one of them signs in with. Everything is written through
`mediane.workinggroup.services`, each step at its date of 2019 (`clock.py`), and loading twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from mediane.accounts.models import User
from mediane.consultation.enums import ContributionStatus
from mediane.consultation.models import Contribution, Theme
from mediane.pages.demo import clock
from mediane.pages.demo.consultation import ACCOUNTS_CREATED, CALENDAR, MAY_DOSSIER_GENERATED
from mediane.pages.demo.meetings import AGENDAS, DECISIONS, EXCUSED, MINUTES, PLACE
from mediane.synthesis import reports
from mediane.synthesis.models import SynthesisRun, TopicMembership
from mediane.workinggroup import services
from mediane.workinggroup.enums import OrganisationKind
from mediane.workinggroup.models import Decision, Dossier, Meeting, Member

CONSULTATION_SLUG = "inclusion-numerique-bibliotheques"
DEMO_ACCOUNT_ORGANISATION = (
    "ADBGV — Association des directeurs des bibliothèques municipales et intercommunales des grandes villes de France"
)

# name, title, organisation, kind. Display order follows the list within each kind.
MEMBERS = [
    (
        "Représentant·e de l'ABF",
        "Membre du bureau national",
        "ABF — Association des bibliothécaires de France",
        OrganisationKind.LIBRARIES,
    ),
    (
        "Représentant·e de l'ABD",
        "Directeur·rice d'une bibliothèque départementale",
        "ABD — Association des directeurs des bibliothèques départementales (ex-ADBDP)",
        OrganisationKind.LIBRARIES,
    ),
    (
        "Représentant·e de l'ADBGV",
        "Cheffe de service à la bibliothèque municipale",
        DEMO_ACCOUNT_ORGANISATION,
        OrganisationKind.LIBRARIES,
    ),
    (
        "Représentant·e de l'ACIM",
        "Bibliothécaire musical·e",
        "ACIM — Association pour la coopération des professionnels de l'information musicale",
        OrganisationKind.LIBRARIES,
    ),
    (
        "Représentant·e de La MedNum",
        "Chargé·e de mission",
        "La MedNum — coopérative des acteurs de la médiation numérique",
        OrganisationKind.DIGITAL_MEDIATION,
    ),
    (
        "Représentant·e d'Emmaüs Connect",
        "Responsable des partenariats",
        "Emmaüs Connect",
        OrganisationKind.DIGITAL_MEDIATION,
    ),
    (
        "Représentant·e de l'AMF",
        "Élu·e, maire d'une commune rurale",
        "AMF — Association des maires de France et des présidents d'intercommunalité",
        OrganisationKind.ELECTED_OFFICIALS,
    ),
    (
        "Représentant·e de l'ADF",
        "Élu·e départemental·e, délégué·e à la culture",
        "ADF — Assemblée des départements de France",
        OrganisationKind.ELECTED_OFFICIALS,
    ),
    (
        "Représentant·e de Régions de France",
        "Conseiller·ère technique",
        "Régions de France",
        OrganisationKind.ELECTED_OFFICIALS,
    ),
    (
        "Représentant·e de la FNCC",
        "Élu·e à la culture",
        "FNCC — Fédération nationale des collectivités territoriales pour la culture",
        OrganisationKind.ELECTED_OFFICIALS,
    ),
    (
        "Représentant·e de la mission Société numérique",
        "Chargé·e de mission inclusion numérique",
        "Agence du numérique — mission Société numérique",
        OrganisationKind.STATE,
    ),
    (
        "Représentant·e du CGET",
        "Chargé·e de mission services au public",
        "CGET — Commissariat général à l'égalité des territoires",
        OrganisationKind.STATE,
    ),
    (
        "Représentant·e du Service du livre et de la lecture",
        "Chef·fe du bureau de la lecture publique",
        "Ministère de la Culture — Service du livre et de la lecture",
        OrganisationKind.STATE,
    ),
    (
        "Représentant·e du CNFPT",
        "Responsable du domaine culture",
        "CNFPT — Centre national de la fonction publique territoriale",
        OrganisationKind.TRAINING,
    ),
    (
        "Représentant·e de l'Enssib",
        "Responsable de la formation continue",
        "Enssib — École nationale supérieure des sciences de l'information et des bibliothèques",
        OrganisationKind.TRAINING,
    ),
]


def load_working_group(organiser: User, member_account: User | None, step: Callable[[str], None]) -> dict[str, int]:
    """Load the whole demo working group once, each step at its 2019 date; returns what it holds. Needs the demo forum
    of 2019 (themes, contributions, and their published syntheses for the decisions' topics and the dossier).
    `load_demo` calls the steps one by one instead, between the themes of the forum, so that the story is written
    in its order."""
    members = ensure_members(organiser, member_account)
    for theme in Theme.objects.filter(consultation__slug=CONSULTATION_SLUG).order_by("number"):
        schedule(organiser, theme)
        hold(organiser, theme, members, step)
    return summary()


def summary() -> dict[str, int]:
    return {
        "membres du groupe de travail": Member.objects.count(),
        "réunions": Meeting.objects.count(),
        "décisions": Decision.objects.count(),
        "dossiers de réunion": Dossier.objects.ready().count(),
    }


def ensure_members(organiser: User, member_account: User | None) -> list[Member]:
    """The members, as the group was formed before the forum opened."""
    with clock.at(ACCOUNTS_CREATED):
        return _ensure_members(organiser, member_account)


def schedule(organiser: User, theme: Theme) -> Meeting:
    """The theme's meeting, announced with the theme."""
    calendar = CALENDAR[theme.number]
    meeting = Meeting.objects.filter(theme=theme).first()
    if meeting is None:
        with clock.at(calendar.opens):
            meeting = services.schedule_meeting(
                organiser, theme, date=calendar.meeting, place=PLACE, agenda=AGENDAS[theme.number]
            )
    return meeting


def hold(organiser: User, theme: Theme, members: list[Member], step: Callable[[str], None]) -> None:
    """The meeting held on its date: minutes, attendees and decisions; then, for May, the dossier with its decisions.

    Checked on every load, not only the first: a dossier that is missing (deleted, failed) is built again."""
    meeting = schedule(organiser, theme)
    with clock.at(CALENDAR[theme.number].minutes_recorded):
        _hold_meeting(organiser, meeting, members, step)
    if theme.number != 1 or reports.published_run(theme) is None:
        return
    if not Dossier.objects.filter(meeting=meeting).ready().exists():
        step("dossier de la réunion de mai 2019 (PDF et Markdown)")
        with clock.at(MAY_DOSSIER_GENERATED):
            dossier = services.build_dossier_now(organiser, meeting)
        if dossier.error:
            step(dossier.error)


def _ensure_members(organiser: User, member_account: User | None) -> list[Member]:
    members = []
    for position, (name, title, organisation, kind) in enumerate(MEMBERS):
        member = Member.objects.filter(organisation=organisation).first()
        if member is None:
            account = member_account.email if member_account and organisation == DEMO_ACCOUNT_ORGANISATION else ""
            data = services.MemberData(
                name=name,
                title=title,
                organisation=organisation,
                organisation_kind=kind,
                account_email=account,
                position=position,
            )
            member = services.add_member(organiser, data)
        members.append(member)
    return members


def _hold_meeting(organiser: User, meeting: Meeting, members: list[Member], step: Callable[[str], None]) -> None:
    number = meeting.theme.number
    if not meeting.is_held:
        attendees = [member for member in members if member.organisation not in EXCUSED[number]]
        services.record_minutes(organiser, meeting, minutes=MINUTES[number], attendees=attendees)
    if not meeting.decisions.exists():
        _record_decisions(organiser, meeting, reports.published_run(meeting.theme), step)


def _record_decisions(organiser: User, meeting: Meeting, run: SynthesisRun | None, step: Callable[[str], None]) -> None:
    theme = meeting.theme
    if run is None:
        step(f"pas de synthèse publiée pour le thème {theme.number} : décisions enregistrées sans lien vers des sujets")
    published = {
        row.title: row.pk
        for row in Contribution.objects.filter(theme=theme, status=ContributionStatus.PUBLISHED).only("pk", "title")
    }
    for title, text, status, sources in DECISIONS[theme.number]:
        contribution_ids = tuple(published[source] for source in sources if source in published)
        topic_ids: tuple[int, ...] = ()
        if run is not None:
            # The topics of the synthesis that hold the decision's contributions, in the synthesis' order.
            topic_ids = tuple(
                TopicMembership.objects.filter(run=run, contribution_id__in=contribution_ids)
                .order_by("topic__position")
                .values_list("topic_id", flat=True)
                .distinct()
            )
        draft = services.DecisionDraft(title, text, status, contribution_ids=contribution_ids, topic_ids=topic_ids)
        services.record_decision(organiser, meeting, draft)
