"""The demo working group of 2019: its members, one meeting per theme, and the decisions of the May meeting.

Organisations are the real kinds of bodies that sat in the 2019 group; the people are not named (titles such as
« Représentant·e de l'ABF »), except the fictional demo account. Meeting 1 is held, with minutes and decisions
linked to real demo contributions of theme 1 and to the topics of its published synthesis; meetings 2 and 3 are
planned, with their agendas. Everything is written through `mediane.workinggroup.services`, and loading twice
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from mediane.accounts.models import User
from mediane.consultation.enums import ContributionStatus
from mediane.consultation.models import Contribution, Theme
from mediane.synthesis import reports
from mediane.synthesis.models import SynthesisRun, TopicMembership
from mediane.workinggroup import services
from mediane.workinggroup.enums import DecisionStatus, OrganisationKind
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
# Organisations excused at the May meeting (everyone else attended).
EXCUSED_IN_MAY = {"Régions de France", "Emmaüs Connect"}

PLACE = "Paris, ministère de la Culture"
AGENDAS = {
    1: (
        "1. Accueil par le Service du livre et de la lecture et l'Agence du numérique\n"
        "2. Présentation de la synthèse des contributions du thème 1 : sujets, chiffres et propositions les plus soutenues\n"
        "3. Échanges sur le rôle et les missions des bibliothèques dans l'inclusion numérique\n"
        "4. Décisions et suites à donner\n"
        "5. Calendrier des réunions suivantes"
    ),
    2: (
        "1. Retour sur les décisions de la réunion de mai\n"
        "2. Présentation de la synthèse du thème 2 : repérer, comprendre et orienter les publics\n"
        "3. Le diagnostic des besoins : quels outils, quelles limites ?\n"
        "4. L'orientation vers les autres lieux d'aide : annuaire, fiche commune\n"
        "5. Décisions"
    ),
    3: (
        "1. Point d'étape sur la feuille de route\n"
        "2. Présentation de la synthèse du thème 3 : former et professionnaliser les acteurs\n"
        "3. Formation initiale et continue : avec le CNFPT et l'Enssib\n"
        "4. Certification des compétences et place des bénévoles\n"
        "5. Décisions et clôture du cycle de réunions"
    ),
}
MINUTES_MAY = """La réunion est ouverte à 10 heures par le Service du livre et de la lecture, qui rappelle l'objet du groupe de travail : proposer des suites concrètes aux contributions du forum.

**Synthèse du thème 1.** L'Agence du numérique présente la synthèse des contributions publiées sur le thème « Rôle et missions des bibliothèques ». Les membres relèvent trois constats partagés :

- les bibliothèques accueillent déjà de nombreuses personnes en difficulté avec le numérique, souvent sans que cette mission soit reconnue ;
- l'aide aux démarches administratives en ligne pose des questions de responsabilité et de confidentialité ;
- le travail avec les autres lieux d'aide (Maisons France Services, espaces publics numériques, associations) reste à organiser.

**Échanges.** Les associations d'élus rappellent la situation des petites communes, qui n'ont pas toujours les moyens d'ouvrir plus longtemps. La MedNum insiste pour que les médiateurs déjà présents sur les territoires soient associés. Le CNFPT propose de rapprocher ces conclusions des travaux du thème 3 sur la formation.

**Décisions.** Le groupe adopte trois décisions, met une proposition à l'étude et en écarte une, comme indiqué ci-dessous. La prochaine réunion, sur le thème 2, aura lieu en juillet.

La séance est levée à 12 h 30."""

# title, text, status, titles of the theme 1 contributions behind the decision.
DECISIONS_MAY = [
    (
        "Reconnaître l'inclusion numérique parmi les missions des bibliothèques",
        "Le groupe de travail recommande que l'accompagnement des publics au numérique figure explicitement parmi les "
        "missions des bibliothèques territoriales, et que les collectivités l'inscrivent dans le projet de leur "
        "établissement.",
        DecisionStatus.ADOPTED,
        [
            "Inscrire l'inclusion numérique dans les missions officielles des bibliothèques",
            "Faire de la bibliothèque le lieu d'accueil de l'inclusion numérique",
            "Reconnaître la bibliothèque comme « tiers lieu » du numérique",
        ],
    ),
    (
        "Une convention type entre bibliothèques et Maisons France Services",
        "Le groupe de travail demande qu'une convention type soit proposée aux collectivités pour organiser l'orientation "
        "des personnes entre bibliothèques, Maisons France Services et médiateurs numériques du territoire.",
        DecisionStatus.ADOPTED,
        [
            "Des conventions avec les Maisons France Services",
            "France Services et la médiathèque : l'expérience de Créteil",
            "Attention à ne pas oublier les médiateurs déjà présents sur le territoire",
        ],
    ),
    (
        "Fixer les limites de l'aide aux démarches administratives",
        "Le groupe de travail adopte le principe d'un guide commun : ce qu'un·e bibliothécaire peut faire avec une "
        "personne, ce qu'il ou elle ne fait pas à sa place, et comment protéger ses données personnelles.",
        DecisionStatus.ADOPTED,
        [
            "Nous ne sommes pas des guichets de la CAF",
            "Le risque de devenir le service après-vente de la dématérialisation",
            "La question de la responsabilité quand on fait à la place",
            "Les bibliothécaires manipulent des données très sensibles",
        ],
    ),
    (
        "Élargir les horaires d'ouverture pour l'aide aux démarches",
        "Le groupe de travail met à l'étude l'ouverture en soirée et le samedi, en tenant compte des moyens des petites "
        "communes et des réalités des territoires ultramarins. Un point sera fait à la réunion de septembre.",
        DecisionStatus.TO_STUDY,
        [
            "Ouvrir les bibliothèques le soir et le samedi pour les démarches",
            "Adapter les horaires aux réalités des territoires ultramarins",
            "Les petites communes n'ont pas les moyens de suivre",
        ],
    ),
    (
        "Un label « bibliothèque numérique de proximité »",
        "Le groupe de travail n'a pas retenu la création d'un nouveau label : il préfère s'appuyer sur les dispositifs "
        "existants et sur la reconnaissance des missions (décision n° 1.1).",
        DecisionStatus.SET_ASIDE,
        ["Un label « bibliothèque numérique de proximité »"],
    ),
]


def load_working_group(organiser: User, member_account: User | None, step: Callable[[str], None]) -> dict[str, int]:
    """Load the demo working group once; returns what it holds. Needs the demo forum (themes and contributions)."""
    themes = {theme.number: theme for theme in Theme.objects.filter(consultation__slug=CONSULTATION_SLUG)}
    members = _ensure_members(organiser, member_account)
    for number, theme in sorted(themes.items()):
        meeting = Meeting.objects.filter(theme=theme).first()
        if meeting is None:
            meeting = services.schedule_meeting(
                organiser, theme, date=theme.meeting_date, place=PLACE, agenda=AGENDAS.get(number, "")
            )
        if number == 1:
            _hold_may_meeting(organiser, meeting, members, step)
    return {
        "membres du groupe de travail": Member.objects.count(),
        "réunions": Meeting.objects.count(),
        "décisions": Decision.objects.count(),
        "dossiers de réunion": Dossier.objects.ready().count(),
    }


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


def _hold_may_meeting(organiser: User, meeting: Meeting, members: list[Member], step: Callable[[str], None]) -> None:
    theme = meeting.theme
    if not meeting.is_held:
        attendees = [member for member in members if member.organisation not in EXCUSED_IN_MAY]
        services.record_minutes(organiser, meeting, minutes=MINUTES_MAY, attendees=attendees)
    run = reports.published_run(theme)
    if not meeting.decisions.exists():
        _record_may_decisions(organiser, meeting, run, step)
    # Checked on every load, not only the first: a dossier that is missing (deleted, failed) is built again.
    if run is not None and not Dossier.objects.filter(meeting=meeting).ready().exists():
        step("dossier de la réunion de mai (PDF et Markdown)")
        dossier = services.build_dossier_now(organiser, meeting)
        if dossier.error:
            step(dossier.error)


def _record_may_decisions(
    organiser: User, meeting: Meeting, run: SynthesisRun | None, step: Callable[[str], None]
) -> None:
    theme = meeting.theme
    if run is None:
        step("pas de synthèse publiée pour le thème 1 : décisions enregistrées sans lien vers des sujets, sans dossier")
    published = {
        row.title: row.pk
        for row in Contribution.objects.filter(theme=theme, status=ContributionStatus.PUBLISHED).only("pk", "title")
    }
    for title, text, status, sources in DECISIONS_MAY:
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
