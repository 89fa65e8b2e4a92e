"""The roadmap's open data: every action as a CSV row, and the whole roadmap (stages, axes, statuses, actions
with milestones and links) as one JSON document. No personal data: structures are named with their SIRET (public
by nature), contributions by their number only, and only published ones; decisions of held meetings only.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch

from .models import Action, Axis, Milestone, Stage, Status
from .reads import with_public_links

ACTION_COLUMNS = [
    ("id", "Numéro de l'action (son adresse est /feuille-de-route/actions/<numéro>/)."),
    ("parent_id", "Numéro de l'action parente ; vide pour une action de premier niveau."),
    ("etape", "Étape de la feuille de route (par exemple « 2020 : … »)."),
    ("axe", "Axe de travail."),
    ("intitule", "Intitulé de l'action."),
    ("description", "Description, telle qu'écrite."),
    ("statut", "Statut (« En cours », « Terminée »…)."),
    ("avancement", "Avancement en pour cent, de 0 à 100 ; calculé à partir des sous-actions pour une action parente."),
    ("poids", "Poids de l'action dans l'avancement de son action parente."),
    ("debut", "Date de début (AAAA-MM-JJ)."),
    ("fin", "Date de fin prévue (AAAA-MM-JJ)."),
    ("structures", "Structures partenaires, séparées par « ; »."),
    ("sirets", "SIRET des structures partenaires, dans le même ordre, séparés par « ; »."),
    ("contributions", "Numéros des contributions publiées à l'origine de l'action, séparés par « ; »."),
    (
        "decisions",
        "Références des décisions du groupe de travail à l'origine de l'action (« 1.2 »), séparées par « ; ».",
    ),
    ("sujets", "Numéros des sujets de la synthèse liés à l'action, séparés par « ; »."),
    ("jalons", "Étapes franchies : « date : intitulé », séparées par « | »."),
]


def actions():
    """Every action with its labels, owners, public links and milestones: seven queries whatever their number."""
    rows = with_public_links(Action.objects.readable_by(None).with_labels())
    return rows.prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("date", "pk")))


def _joined(values, separator: str = " ; ") -> str:
    return separator.join(str(value) for value in values)


def action_rows() -> Iterator[list]:
    for action in actions():
        owners = list(action.owners.all())
        yield [
            action.pk,
            action.parent_id or "",
            str(action.stage),
            action.axis.title,
            action.title,
            action.description,
            action.status.name if action.status else "",
            action.progress,
            str(action.weight),
            action.start_date.isoformat() if action.start_date else "",
            action.end_date.isoformat() if action.end_date else "",
            _joined(owner.name for owner in owners),
            _joined(owner.siret for owner in owners),
            _joined(contribution.pk for contribution in action.contributions.all()),
            _joined(decision.reference for decision in action.decisions.all()),
            _joined(topic.pk for topic in action.topics.all()),
            _joined(
                (f"{milestone.date.isoformat()} : {milestone.title}" for milestone in action.milestones.all()), " | "
            ),
        ]


def action_item(action: Action) -> dict:
    """An action as the JSON document and the API's detail give it (reads the prefetches of `actions()`)."""
    return {
        "id": action.pk,
        "parent_id": action.parent_id,
        "stage_id": action.stage_id,
        "axis_id": action.axis_id,
        "title": action.title,
        "description": action.description,
        "status": action.status.name if action.status else "",
        "progress": action.progress,
        "weight": str(action.weight),
        "start_date": action.start_date.isoformat() if action.start_date else None,
        "end_date": action.end_date.isoformat() if action.end_date else None,
        "owners": [{"name": owner.name, "siret": owner.siret} for owner in action.owners.all()],
        "url": action.get_absolute_url(),
        "milestones": [
            {"date": milestone.date.isoformat(), "title": milestone.title, "description": milestone.description}
            for milestone in action.milestones.all()
        ],
        "links": links_of(action),
    }


def links_of(action: Action) -> dict:
    return {
        "contributions": [contribution.pk for contribution in action.contributions.all()],
        "decisions": [decision.reference for decision in action.decisions.all()],
        "topics": [topic.pk for topic in action.topics.all()],
    }


def document() -> dict:
    """The whole roadmap in one document: ten queries whatever its size."""
    return {
        "licence": "Licence Ouverte 2.0 (Etalab)",
        "stages": [
            {"id": stage.pk, "year": stage.year, "title": stage.title, "description": stage.description}
            for stage in Stage.objects.all()
        ],
        "axes": [{"id": axis.pk, "title": axis.title, "description": axis.description} for axis in Axis.objects.all()],
        "statuses": [
            {"name": status.name, "description": status.description, "default_progress": status.default_progress}
            for status in Status.objects.all()
        ],
        "actions": [action_item(action) for action in actions()],
    }
