"""The demo roadmap, as the working group wrote it after the 2019 meetings: the 2020 actions (tools and charter,
training, financial support with its three sources, communication and advocacy) and the 2021 ones (France Relance,
Conseillers numériques, the Journée inclusion numérique, tools and charter), each linked to the 2019 proposals and
decisions that fit, with dated milestones and the progress each reached.

Everything is written through `mediane.roadmap.services`, each step at its date (`clock.py`): the authors and the
supporters of the linked proposals follow their actions automatically, and the participant's demo account also
follows the Journée inclusion numérique by choice. Dates of public events are the real ones (France Relance
presented on 3 September 2020, the Conseillers numériques platform opened to host structures in November 2020);
the others are the story's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from mediane.accounts.models import User
from mediane.consultation.models import Contribution
from mediane.pages.demo import clock
from mediane.pages.demo.consultation import paris
from mediane.roadmap import services
from mediane.roadmap.models import Action, ActionFollow, Axis, Stage, Status
from mediane.roadmap.services import ActionData
from mediane.workinggroup.models import Decision

CONSULTATION_SLUG = "inclusion-numerique-bibliotheques"
# The digests of 2020 and 2021 count as sent: loading the demo sends nobody a backlog of e-mails.
DIGESTS_SENT_UNTIL = paris(2021, 12, 31, 18)


@dataclass
class Step:
    """A change of the action at its date: a milestone (title), and/or a new status and progress."""

    when: dt.datetime
    milestone: str = ""
    on: dt.date | None = None  # the milestone's date, when it is not the day it is written
    status: str = ""
    progress: int | None = None


@dataclass
class DemoAction:
    title: str
    stage: int  # year
    axis: str
    description: str
    created: dt.datetime
    start: dt.date
    end: dt.date
    proposals: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    weight: str = "1"
    children: list[DemoAction] = field(default_factory=list)
    # A progress taken from a programme indicator (`roadmap.indicators`), and its target.
    indicator: str = ""
    target: int | None = None


TOOLS, TRAINING, MONEY, VOICE = (
    "Outils et charte",
    "Formation",
    "Accompagnement financier",
    "Communication et plaidoyer",
)
STARTED, DONE = "En cours", "Réalisée"

ACTIONS = [
    DemoAction(
        "Identifier les outils et écrire la charte de l'inclusion numérique en bibliothèque",
        2020,
        TOOLS,
        "Recenser les outils que les bibliothèques utilisent déjà (diagnostic, fiches d'orientation, ressources "
        "d'ateliers) et écrire avec les associations une **charte** : ce que la bibliothèque fait pour aider au "
        "numérique, et ce qu'elle ne fait pas à la place des personnes.",
        paris(2020, 1, 20),
        dt.date(2020, 1, 20),
        dt.date(2020, 12, 15),
        proposals=[
            "Une boîte à outils nationale pour les ateliers",
            "Une « charte d'accueil » commune à tous les lieux d'aide",
            "Un outil de diagnostic commun à tous les lieux",
        ],
        decisions=["Fixer les limites de l'aide aux démarches administratives"],
        steps=[
            Step(paris(2020, 2, 3), status=STARTED, progress=20),
            Step(paris(2020, 6, 15), milestone="Recensement des outils partagé avec le groupe de travail", progress=50),
            Step(paris(2020, 12, 10), milestone="Première version de la charte adoptée", status=DONE, progress=100),
        ],
    ),
    DemoAction(
        "Formation : un socle minimal et des référentiels de compétences partagés",
        2020,
        TRAINING,
        "Définir ce que toute personne qui accueille le public en bibliothèque doit savoir faire pour aider au "
        "numérique, et des référentiels de compétences communs aux bibliothèques et aux médiateurs.",
        paris(2020, 1, 20, 10),
        dt.date(2020, 2, 1),
        dt.date(2021, 6, 30),
        proposals=[
            "Un parcours de formation à l'accueil numérique pour toutes les équipes",
            "Certifier les compétences des agents avec Pix",
            "Former les bénévoles des petites bibliothèques près de chez eux",
        ],
        decisions=[
            "Un parcours de formation à l'accueil numérique pour toutes les équipes",
            "Former les bénévoles près de chez eux, avec les bibliothèques départementales",
        ],
        steps=[
            Step(paris(2020, 3, 2), status=STARTED, progress=15),
            Step(paris(2020, 10, 5), milestone="Socle minimal relu par le CNFPT et l'Enssib", progress=60),
        ],
    ),
    DemoAction(
        "Accompagnement financier des bibliothèques",
        2020,
        MONEY,
        "Faire connaître aux collectivités les financements qui peuvent soutenir l'inclusion numérique en "
        "bibliothèque. L'avancement se calcule à partir des trois sources de financement, selon leur poids.",
        paris(2020, 1, 21),
        dt.date(2020, 2, 1),
        dt.date(2021, 12, 31),
        proposals=[
            "Financer des postes de médiateurs dans les bibliothèques municipales",
            "Un diagnostic territorial financé dans chaque intercommunalité",
        ],
        children=[
            DemoAction(
                "CTL / CDLI : contrats territoire lecture et contrats départementaux lecture-itinérance",
                2020,
                MONEY,
                "Inscrire l'inclusion numérique parmi les actions que ces contrats avec l'État peuvent financer.",
                paris(2020, 1, 21, 10),
                dt.date(2020, 2, 1),
                dt.date(2020, 12, 31),
                steps=[
                    Step(paris(2020, 3, 2), status=STARTED, progress=30),
                    Step(
                        paris(2020, 11, 16), milestone="Note aux DRAC sur les contrats 2021", status=DONE, progress=100
                    ),
                ],
                weight="2",
            ),
            DemoAction(
                "DGD Bibliothèques / BNR : bibliothèques numériques de référence",
                2020,
                MONEY,
                "Rendre éligibles à la dotation générale de décentralisation les projets de médiation numérique.",
                paris(2020, 1, 21, 11),
                dt.date(2020, 2, 1),
                dt.date(2021, 12, 31),
                steps=[Step(paris(2020, 9, 14), status=STARTED, progress=50)],
                weight="2",
            ),
            DemoAction(
                "Fonds européens",
                2020,
                MONEY,
                "Repérer les programmes européens (FEDER, FSE+) qui peuvent financer des projets de bibliothèques.",
                paris(2020, 1, 21, 12),
                dt.date(2020, 6, 1),
                dt.date(2021, 12, 31),
                steps=[Step(paris(2021, 2, 1), status=STARTED, progress=10)],
            ),
        ],
    ),
    DemoAction(
        "Communication et plaidoyer",
        2020,
        VOICE,
        "Faire reconnaître le rôle des bibliothèques dans l'inclusion numérique, auprès des élus et des acteurs de "
        "la médiation numérique.",
        paris(2020, 1, 22),
        dt.date(2020, 2, 1),
        dt.date(2021, 12, 31),
        proposals=[
            "Inscrire l'inclusion numérique dans les missions officielles des bibliothèques",
            "Faire de la bibliothèque le lieu d'accueil de l'inclusion numérique",
            "Intégrer l'inclusion numérique dans les schémas départementaux de lecture publique",
        ],
        decisions=["Reconnaître l'inclusion numérique parmi les missions des bibliothèques"],
        steps=[
            Step(paris(2020, 2, 10), status=STARTED, progress=25),
            Step(
                paris(2020, 11, 26), milestone="Les décisions de 2019 présentées aux associations d'élus", progress=70
            ),
        ],
    ),
    DemoAction(
        "Des bibliothèques mieux identifiées et éligibles au programme « inclusion numérique » de France Relance",
        2021,
        MONEY,
        "Que les bibliothèques figurent parmi les lieux d'aide que le plan de relance finance, et qu'elles soient "
        "visibles dans l'annuaire des lieux de médiation numérique.",
        paris(2020, 9, 10),
        dt.date(2020, 9, 10),
        dt.date(2021, 12, 31),
        proposals=[
            "Un annuaire à jour des lieux d'aide numérique",
            "Des conventions avec les Maisons France Services",
        ],
        decisions=[
            "Une convention type entre bibliothèques et Maisons France Services",
            "Un annuaire ouvert et tenu à jour des lieux d'aide numérique",
        ],
        steps=[
            Step(paris(2020, 9, 10), milestone="Plan France Relance présenté", on=dt.date(2020, 9, 3), status=STARTED),
            Step(paris(2021, 3, 1), milestone="Les bibliothèques ajoutées à l'annuaire des lieux", progress=80),
        ],
    ),
    DemoAction(
        "Dispositif Conseillers numériques France Services",
        2021,
        TRAINING,
        "Aider les collectivités à accueillir des conseillers numériques en bibliothèque : candidature, formation, "
        "place dans l'équipe.",
        paris(2020, 11, 20),
        dt.date(2020, 11, 20),
        dt.date(2021, 12, 31),
        proposals=[
            "Financer des postes de médiateurs dans les bibliothèques municipales",
            "Reconnaître le métier de médiateur numérique",
        ],
        decisions=["Des formations à distance, courtes et accompagnées"],
        steps=[
            Step(
                paris(2020, 11, 20),
                milestone="Candidatures des structures d'accueil ouvertes (novembre 2020)",
                status=STARTED,
                progress=20,
            ),  # fmt: skip
            Step(
                paris(2021, 4, 12), milestone="Premiers conseillers numériques accueillis en bibliothèque", progress=60
            ),
        ],
    ),
    DemoAction(
        "Journée inclusion numérique en bibliothèque",
        2021,
        VOICE,
        "Une journée nationale pour présenter les actions de la feuille de route et les expériences des bibliothèques.",
        paris(2021, 1, 15),
        dt.date(2021, 1, 15),
        dt.date(2021, 11, 30),
        proposals=["Un temps d'échange entre bibliothécaires sur les situations difficiles"],
        steps=[
            Step(paris(2021, 5, 3), milestone="Programme construit avec les associations", status=STARTED, progress=40)
        ],
    ),
    DemoAction(
        "4 000 conseillers numériques recrutés",
        2021,
        TRAINING,
        "Le programme finance 4 000 postes de conseillers numériques. L'avancement suit en direct les recrutements "
        "finalisés, d'après le tableau de bord du programme.",
        paris(2021, 2, 1),
        dt.date(2021, 2, 1),
        dt.date(2022, 12, 31),
        proposals=["Financer des postes de médiateurs dans les bibliothèques municipales"],
        indicator="conseillers_recrutes",
        target=4000,
        steps=[Step(paris(2021, 2, 15), status=STARTED)],
    ),
    DemoAction(
        "Outils et charte : faire signer la charte et diffuser les outils",
        2021,
        TOOLS,
        "Proposer la charte à la signature des structures, et mettre les outils recensés à disposition de toutes.",
        paris(2021, 1, 15, 10),
        dt.date(2021, 1, 15),
        dt.date(2021, 12, 31),
        proposals=["Une « charte d'accueil » commune à tous les lieux d'aide"],
        decisions=["Fixer les limites de l'aide aux démarches administratives"],
        steps=[Step(paris(2021, 2, 1), status=STARTED, progress=30)],
    ),
]


def _events(specs: list[DemoAction], parent: DemoAction | None = None) -> list[tuple]:
    """Every creation and every step of the tree, as (date, order, kind, action, parent or step)."""
    events: list[tuple] = []
    for spec in specs:
        events.append((spec.created, len(events), "create", spec, parent))
        events.extend((change.when, len(events) + 1000, "step", spec, change) for change in spec.steps)
        events.extend(_events(spec.children, spec))
    return events


def _create(organiser: User, spec: DemoAction, parent: Action | None, lookups: dict) -> Action:
    return services.create_action(
        organiser,
        ActionData(
            title=spec.title,
            stage=lookups["stages"][spec.stage],
            axis=lookups["axes"][spec.axis],
            description=spec.description,
            parent=parent,
            weight=Decimal(spec.weight),
            start_date=spec.start,
            end_date=spec.end,
            indicator=spec.indicator,
            indicator_target=spec.target,
        ),
        contributions=[lookups["contributions"][title] for title in spec.proposals],
        decisions=[lookups["decisions"][title] for title in spec.decisions],
    )


def _change(organiser: User, action: Action, change: Step, lookups: dict) -> None:
    if change.milestone:
        services.add_milestone(organiser, action, date=change.on or change.when.date(), title=change.milestone)
    if change.status or change.progress is not None:
        fresh = Action.objects.select_related("status", "parent", "stage", "axis").get(pk=action.pk)
        status = lookups["statuses"][change.status] if change.status else fresh.status
        services.change_progress(organiser, fresh, status=status, progress=change.progress)


def _write(organiser: User, lookups: dict, step: Callable[[str], None]) -> int:
    """Every write in the order of its date, so that the history and the computed progress tell one story."""
    written: dict[int, Action] = {}
    for when, _, kind, spec, detail in sorted(_events(ACTIONS), key=lambda event: (event[0], event[1])):
        with clock.at(when):
            if kind == "create":
                step(f"feuille de route : « {spec.title} »")
                # The parent read again: its progress changed with each child written before this one.
                parent = Action.objects.get(pk=written[id(detail)].pk) if detail is not None else None
                written[id(spec)] = _create(organiser, spec, parent, lookups)
            else:
                _change(organiser, written[id(spec)], detail, lookups)
    return len(written)


def load_roadmap(organiser: User, people: dict[str, User], step: Callable[[str], None]) -> dict[str, int]:
    """Write the demo roadmap once (nothing when actions exist), after the 2019 meetings. Returns counts."""
    if Action.objects.exists():
        return {"actions de la feuille de route": Action.objects.count()}
    titles = {title for spec in ACTIONS for title in spec.proposals}
    decision_titles = {title for spec in ACTIONS for title in spec.decisions}
    lookups = {
        "stages": {stage.year: stage for stage in Stage.objects.all()},
        "axes": {axis.title: axis for axis in Axis.objects.all()},
        "statuses": {status.name: status for status in Status.objects.all()},
        "contributions": {
            row.title: row
            for row in Contribution.objects.published().filter(
                theme__consultation__slug=CONSULTATION_SLUG, title__in=titles
            )  # fmt: skip
        },
        "decisions": {row.title: row for row in Decision.objects.filter(title__in=decision_titles)},
    }
    written = _write(organiser, lookups, step)
    # The participant chooses to follow the Journée (she may already follow others through her supports).
    with clock.at(paris(2021, 1, 20)):
        services.follow_action(people["participante"], Action.objects.get(title=ACTIONS[6].title))
    ActionFollow.objects.update(last_digest_at=DIGESTS_SENT_UNTIL)
    return {
        "actions de la feuille de route": written,
        "suivis d'actions": ActionFollow.objects.active().count(),
    }
