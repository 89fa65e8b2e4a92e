"""The roadmap's actions as a CSV file: the export of every action, and its import, all or nothing.

The import reads the whole file first and checks every line against the final tree (the actions already written,
changed by the file), collecting ALL errors with their line number. Only a file without error is written, in one
transaction, through the services of `services.py` (history, automatic follows, progress up the tree). A row
without `id` creates an action; a row with the `id` of an action changes it; actions absent from the file stay as
they are. A row that changes nothing is not written: an exported file imported again changes nothing.

Columns: `COLUMNS`, in French, documented on the import page. `parent_id` is the id of an existing action, or the
`ref` of a new row of the same file (a word of the organiser's choosing, with a letter, « nouvelle-1 »).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction

from mediane import numbers, spreadsheets
from mediane.accounts.models import User
from mediane.consultation.enums import ContributionStatus
from mediane.consultation.models import Contribution
from mediane.structures.models import Structure
from mediane.synthesis.models import Topic

from . import services
from .forms import adopted_decisions, published_topics
from .models import Action, Axis, Stage, Status
from .services import ActionData, RoadmapError

COLUMNS = ["id", "ref", "parent_id", "etape", "axe", "titre", "description", "statut", "avancement", "poids", "debut",
           "fin", "structures", "contributions", "decisions", "sujets", "position"]  # fmt: skip
REQUIRED = ("etape", "axe", "titre")
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
LIST_SEPARATOR = ";"


# --- Export -----------------------------------------------------------------------------------------------


def export_rows() -> Iterator[list]:
    """Every action, parents before their children. Links list only what everyone may read: published
    contributions; the import keeps the others as they are."""
    actions = Action.objects.with_labels().prefetch_related(
        "owners", "contributions", "decisions__meeting__theme", "topics"
    )
    join = f"{LIST_SEPARATOR} ".join
    for action in _parents_first(list(actions)):
        yield [
            action.pk,
            "",
            action.parent_id,
            str(action.stage),
            action.axis.title,
            action.title,
            action.description,
            action.status.name if action.status else "",
            action.progress,
            format(action.weight.normalize(), "f").replace(".", ","),
            action.start_date.strftime("%d/%m/%Y") if action.start_date else "",
            action.end_date.strftime("%d/%m/%Y") if action.end_date else "",
            join(row.siret or row.name for row in action.owners.all()),
            join(str(row.pk) for row in action.contributions.all() if row.is_visible),
            join(row.reference for row in action.decisions.all()),
            join(str(row.pk) for row in action.topics.all()),
            action.position,
        ]


def _parents_first(actions: list[Action]) -> list[Action]:
    by_parent: dict[int | None, list[Action]] = {}
    for action in actions:
        by_parent.setdefault(action.parent_id, []).append(action)
    ordered: list[Action] = []
    pending = list(reversed(by_parent.get(None, [])))
    while pending:
        action = pending.pop()
        ordered.append(action)
        pending.extend(reversed(by_parent.get(action.pk, [])))
    return ordered


# --- Import: reading --------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    errors: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


@dataclass
class Row:
    """One line of the file, read and checked: the values the services take."""

    line: int
    id: int | None
    ref: str
    parent_key: str
    stage: Stage | None = None
    axis: Axis | None = None
    title: str = ""
    description: str = ""
    status: Status | None = None
    progress: int | None = None
    weight: Decimal = Decimal(1)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    owners: list[Structure] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    decisions: list = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    position: int = 0
    action: Action | None = None


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RoadmapError(
            "Ce fichier n'est pas encodé en UTF-8. Dans votre tableur, enregistrez-le au format « CSV UTF-8 »."
        ) from None


def _records(text: str) -> tuple[list[str], list[dict[str, str]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise RoadmapError(f"Ce fichier ne se lit pas comme un CSV ({error}).") from None
    if not rows:
        raise RoadmapError("Ce fichier est vide.")
    header = [name.strip().lower() for name in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        what = [f"il manque la colonne « {name} »" for name in missing]
        what += [f"la colonne « {numbers.shown(name)} » est inconnue" for name in unknown]
        raise RoadmapError(f"Ligne 1 : {' ; '.join(what)}. La première ligne nomme les colonnes (liste ci-dessous).")
    records = []
    for values in rows[1:]:
        if not any(value.strip() for value in values):
            records.append({})
            continue
        records.append({name: spreadsheets.restore(value.strip()) for name, value in zip(header, values, strict=False)})
    if len(records) > MAX_ROWS:
        raise RoadmapError(f"Ce fichier a {len(records)} lignes : {MAX_ROWS} au plus. Découpez-le en plusieurs.")
    return header, records


def _closest(value: str, names: list[str]) -> str:
    close = difflib.get_close_matches(value.lower(), [name.lower() for name in names], n=3, cutoff=0.5)
    shown = [name for name in names if name.lower() in close]
    if shown:
        return " Vouliez-vous dire " + " ou ".join(f"« {name} »" for name in shown) + " ?"
    return " Les choix possibles : " + ", ".join(f"« {name} »" for name in names[:10]) + "."


def _date(text: str, label: str) -> dt.date | None:
    if not text:
        return None
    if day := numbers.read_day(text):
        return day
    raise RoadmapError(
        f"{label} « {numbers.shown(text)} » ne se lit pas : écrivez-la jj/mm/aaaa, par exemple 15/09/2020."
    )


def _split(text: str, commas: bool = False) -> list[str]:
    """The parts of a list cell, « ; »-separated; numbers may also be separated by commas (names may hold one)."""
    if commas:
        text = text.replace(",", LIST_SEPARATOR)
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def _ids(records: list[dict[str, str]], column: str) -> set[int]:
    """The ids a column names, to load at once; a cell that is not one is refused line by line later."""
    parts = {part.removeprefix("n°").strip() for r in records for part in _split(r.get(column, ""), commas=True)}
    return {int(part) for part in parts if numbers.is_ascii_number(part) and len(part) < 19}


class _Vocabulary:
    """Everything a line may name, loaded once for the whole file."""

    def __init__(self, records: list[dict[str, str]]):
        self.stages = list(Stage.objects.all())
        self.axes = list(Axis.objects.all())
        self.statuses = list(Status.objects.all())
        actions = Action.objects.prefetch_related("owners", "contributions", "decisions", "topics")
        self.actions = {action.pk: action for action in actions}
        self.decisions = {decision.reference: decision for decision in adopted_decisions()}
        keys = {part for record in records for part in _split(record.get("structures", ""))}
        found = Structure.objects.filter(siret__in=keys) | Structure.objects.filter(name__in=keys)
        self.structures: dict[str, list[Structure]] = {}
        for structure in found:
            for key in {structure.siret, structure.name} & keys:
                self.structures.setdefault(key, []).append(structure)
        readable = Contribution.objects.readable_by_everyone()
        self.contributions = {row.pk: row for row in readable.filter(pk__in=_ids(records, "contributions"))}
        self.topics = {row.pk: row for row in published_topics().filter(pk__in=_ids(records, "sujets"))}

    def named(self, rows: list, value: str, label: str, key) -> object:
        """The row written as it is exported (`str`, « 2020 : Élaboration »), else by its title alone if one
        row only has it."""
        exact = [row for row in rows if str(row).lower() == value.lower()]
        found = exact or [row for row in rows if key(row).lower() == value.lower()]
        if len(found) > 1:
            raise RoadmapError(
                f"{label} « {numbers.shown(value)} » désigne plusieurs choix : écrivez "
                + " ou ".join(f"« {row} »" for row in found)
                + "."
            )
        if not found:
            raise RoadmapError(
                f"{label} « {numbers.shown(value)} » n'existe pas.{_closest(value, [str(r) for r in rows])}"
            )
        return found[0]


def _int(text: str, label: str, minimum: int, maximum: int) -> int:
    try:
        return numbers.parse_int(text, minimum=minimum, maximum=maximum, label=label)
    except numbers.NumberError as error:
        raise RoadmapError(str(error)) from None


def _read(line: int, record: dict[str, str], vocabulary: _Vocabulary, errors: list[str]) -> Row:
    """One line read, each cell checked on its own: an error is noted with its line, and reading goes on."""
    row = Row(line=line, id=None, ref=record.get("ref", ""), parent_key=record.get("parent_id", ""))

    def check(step):
        try:
            step()
        except RoadmapError as error:
            errors.append(f"Ligne {line} : {error}")

    def read_id():
        if record.get("id"):
            row.id = _int(record["id"], "L'id", 1, numbers.MAX_ID)
            row.action = vocabulary.actions.get(row.id)
            if row.action is None:
                raise RoadmapError(f"l'action n° {row.id} n'existe pas. Laissez « id » vide pour créer une action.")

    def read_ref():
        if row.ref and not any(char.isalpha() for char in row.ref):
            raise RoadmapError(f"la référence « {numbers.shown(row.ref)} » doit contenir au moins une lettre.")

    def read_names():
        row.stage = vocabulary.named(vocabulary.stages, record.get("etape", ""), "L'étape", lambda r: r.title)

    def read_axis():
        row.axis = vocabulary.named(vocabulary.axes, record.get("axe", ""), "L'axe", lambda r: r.title)

    def read_status():
        if record.get("statut"):
            row.status = vocabulary.named(vocabulary.statuses, record["statut"], "Le statut", lambda r: r.name)

    def read_text():
        row.title = services.clean_text(record.get("titre", ""), "Le titre", services.TITLE_MAX_LENGTH)
        row.description = services.clean_text(
            record.get("description", ""), "La description", services.DESCRIPTION_MAX_LENGTH, required=False
        )

    def read_progress():
        if record.get("avancement"):
            row.progress = _int(record["avancement"].removesuffix("%").strip(), "L'avancement", 0, 100)

    def read_weight():
        text = record.get("poids", "").replace(",", ".")
        if text:
            try:
                numbers.parse_decimal(text, label="Le poids", example="1,5")
                row.weight = services.check_weight(Decimal(text))
            except (numbers.NumberError, InvalidOperation) as error:
                raise RoadmapError(str(error)) from None

    def read_dates():
        row.start_date = _date(record.get("debut", ""), "La date de début")
        row.end_date = _date(record.get("fin", ""), "La date de fin")
        if row.start_date and row.end_date and row.end_date < row.start_date:
            raise RoadmapError("la date de fin est avant la date de début : corrigez l'une des deux.")

    def read_position():
        if record.get("position"):
            row.position = _int(record["position"], "La position", 0, 32767)

    def read_owners():
        for key in _split(record.get("structures", "")):
            matches = vocabulary.structures.get(key, [])
            if len(matches) > 1:
                raise RoadmapError(f"plusieurs structures s'appellent « {key} » : donnez plutôt son SIRET.")
            if not matches:
                raise RoadmapError(f"la structure « {numbers.shown(key)} » n'existe pas (SIRET ou nom exact).")
            row.owners.append(matches[0])

    def read_links():
        for part in _split(record.get("contributions", ""), commas=True):
            number = _int(part.removeprefix("n°").strip(), "Le numéro de contribution", 1, numbers.MAX_ID)
            if number not in vocabulary.contributions:
                raise RoadmapError(f"la contribution n° {number} n'existe pas ou n'est pas publiée.")
            row.contributions.append(vocabulary.contributions[number])
        for part in _split(record.get("decisions", "")):
            if part not in vocabulary.decisions:
                raise RoadmapError(
                    f"la décision « {numbers.shown(part)} » n'existe pas parmi les décisions adoptées "
                    "(écrivez sa référence, par exemple 1.2)."
                )
            row.decisions.append(vocabulary.decisions[part])
        for part in _split(record.get("sujets", ""), commas=True):
            number = _int(part, "Le numéro de sujet", 1, numbers.MAX_ID)
            if number not in vocabulary.topics:
                raise RoadmapError(f"le sujet n° {number} n'existe pas dans une synthèse publiée.")
            row.topics.append(vocabulary.topics[number])

    steps = [read_id, read_ref, read_names, read_axis, read_status, read_text, read_progress, read_weight, read_dates]
    for step in [*steps, read_position, read_owners, read_links]:
        check(step)
    return row


# --- Import: the final tree -------------------------------------------------------------------------------

Key = int | tuple[str, int]  # an existing action's id, or ("nouvelle", line) for a row that creates one


def _key(row: Row) -> Key:
    return row.id if row.id is not None else ("nouvelle", row.line)


class _Tree:
    """The tree as it will be once the file is written: the actions already there, changed by the file's rows."""

    def __init__(self, rows: list[Row], vocabulary: _Vocabulary, errors: list[str]):
        self.rows = rows
        self.vocabulary = vocabulary
        self.parent: dict[Key, Key | None] = {pk: a.parent_id for pk, a in vocabulary.actions.items()}
        self.row_of: dict[Key, Row] = {}
        refs: dict[str, Row] = {}
        for row in rows:
            if (other := self.row_of.get(_key(row))) is not None:
                errors.append(f"Ligne {row.line} : l'action n° {row.id} figure déjà ligne {other.line}.")
            self.row_of[_key(row)] = row
            if row.ref:
                if row.ref.lower() in refs:
                    errors.append(
                        f"Ligne {row.line} : la référence « {row.ref} » figure déjà ligne {refs[row.ref.lower()].line}."
                    )
                refs[row.ref.lower()] = row
        for row in rows:
            try:
                self.parent[_key(row)] = self._parent_key(row, refs)
            except RoadmapError as error:
                errors.append(f"Ligne {row.line} : {error}")

    def _parent_key(self, row: Row, refs: dict[str, Row]) -> Key | None:
        text = row.parent_key
        if not text:
            return None
        if any(char.isalpha() for char in text):
            if text.lower() not in refs:
                raise RoadmapError(f"l'action parente « {numbers.shown(text)} » n'est la référence d'aucune ligne.")
            return _key(refs[text.lower()])
        number = _int(text, "L'id de l'action parente", 1, numbers.MAX_ID)
        if number not in self.vocabulary.actions:
            raise RoadmapError(f"l'action parente n° {number} n'existe pas.")
        return number

    def cycles(self, errors: list[str]) -> None:
        for row in self.rows:
            start = _key(row)
            seen = {start}
            current = self.parent.get(start)
            while current is not None and current not in seen:
                seen.add(current)
                current = self.parent.get(current)
            if current == start:
                errors.append(
                    f"Ligne {row.line} : « {row.title} » se retrouverait parmi ses propres sous-actions : "
                    "cela ferait une boucle. Choisissez une autre action parente."
                )

    def children(self) -> dict[Key, list[Key]]:
        found: dict[Key, list[Key]] = {}
        for key, parent in self.parent.items():
            if parent is not None:
                found.setdefault(parent, []).append(key)
        return found

    def _leaf_progress(self, key: Key) -> int:
        row = self.row_of.get(key)
        existing = self.vocabulary.actions.get(key) if isinstance(key, int) else None
        if row is None:
            return existing.progress if existing else 0
        if row.progress is not None:
            return row.progress
        old_status = existing.status_id if existing else None
        new_status = row.status.pk if row.status else None
        if new_status != old_status and row.status is not None and row.status.default_progress is not None:
            return row.status.default_progress
        return existing.progress if existing else 0

    def _weight(self, key: Key) -> Decimal:
        row = self.row_of.get(key)
        return row.weight if row else self.vocabulary.actions[key].weight  # type: ignore[index]

    def progress(self) -> dict[Key, int]:
        """Each action's final progress, computed from the leaves up as `services` will write it."""
        children = self.children()
        result: dict[Key, int] = {}
        for root in [key for key, parent in self.parent.items() if parent is None]:
            stack: list[tuple[Key, bool]] = [(root, False)]
            while stack:
                key, expanded = stack.pop()
                if key not in children:
                    result[key] = self._leaf_progress(key)
                elif expanded:
                    pairs = [(result[child], self._weight(child)) for child in children[key]]
                    result[key] = services.computed_progress(pairs) or 0
                else:
                    stack.append((key, True))
                    stack.extend((child, False) for child in children[key])
        return result

    def parents_first(self) -> list[Row]:
        ordered: list[Row] = []
        done: set[Key] = set()

        def visit(row: Row) -> None:
            chain = []
            current: Row | None = row
            while current is not None and _key(current) not in done:
                chain.append(current)
                parent = self.parent.get(_key(current))
                current = self.row_of.get(parent) if parent is not None else None
            for item in reversed(chain):
                done.add(_key(item))
                ordered.append(item)

        for row in self.rows:
            visit(row)
        return ordered


def _check_parent_progress(tree: _Tree, errors: list[str]) -> None:
    children = tree.children()
    computed = tree.progress()
    for row in tree.rows:
        key = _key(row)
        if key in children and row.progress is not None and row.progress != computed[key]:
            errors.append(
                f"Ligne {row.line} : l'avancement de « {row.title} » se calcule à partir de ses sous-actions "
                f"({computed[key]} %) : il ne se saisit pas. Videz la case ou écrivez {computed[key]}."
            )


def _is_unchanged(row: Row, parent: Key | None) -> bool:
    action = row.action
    if action is None:
        return False
    visible = {c.pk for c in action.contributions.all() if c.is_visible}
    return (
        parent == action.parent_id
        and (row.stage.pk if row.stage else None, row.axis.pk if row.axis else None)
        == (action.stage_id, action.axis_id)
        and (row.title, row.description) == (action.title, action.description)
        and (row.status.pk if row.status else None) == action.status_id
        and (row.progress is None or row.progress == action.progress)
        and (row.weight, row.start_date, row.end_date, row.position)
        == (action.weight, action.start_date, action.end_date, action.position)
        and {o.pk for o in row.owners} == {o.pk for o in action.owners.all()}
        and {c.pk for c in row.contributions} == visible
        and {d.pk for d in row.decisions} == {d.pk for d in action.decisions.all()}
        and {t.pk for t in row.topics} == {t.pk for t in action.topics.all()}
    )


# --- Import: all or nothing -------------------------------------------------------------------------------


def import_actions(actor: User | None, data: bytes, *, dry_run: bool = False) -> ImportReport:
    """Read, check, then write every line of the file in one transaction, or nothing (the report says why)."""
    report = ImportReport(dry_run=dry_run)
    try:
        if len(data) > MAX_BYTES:
            raise RoadmapError(
                f"Ce fichier pèse {len(data) // 1024} Ko : {MAX_BYTES // (1024 * 1024)} Mo au plus. "
                "Découpez-le en plusieurs."
            )
        _, records = _records(_decode(data))
    except RoadmapError as error:
        report.errors.append(str(error))
        return report
    vocabulary = _Vocabulary(records)
    errors = report.errors
    rows = [_read(index + 2, record, vocabulary, errors) for index, record in enumerate(records) if record]
    if not rows and not errors:
        errors.append("Ce fichier n'a aucune ligne d'action sous la ligne des colonnes.")
    tree = _Tree(rows, vocabulary, errors)
    if errors:
        return report
    tree.cycles(errors)
    if errors:
        return report
    _check_parent_progress(tree, errors)
    if errors:
        return report
    ordered = tree.parents_first()
    changed = [row for row in ordered if not _is_unchanged(row, tree.parent.get(_key(row)))]
    report.unchanged = len(rows) - len(changed)
    report.created = sum(1 for row in changed if row.id is None)
    report.updated = len(changed) - report.created
    if dry_run or not changed:
        return report
    try:
        with transaction.atomic():
            _write(actor, changed, tree)
    except RoadmapError as error:
        report.errors.append(str(error))
        report.created = report.updated = report.unchanged = 0
    return report


def _write(actor: User | None, rows: list[Row], tree: _Tree) -> None:
    """Caller holds a transaction; `rows` come parents first. Raises RoadmapError with the line to roll back."""
    children = tree.children()
    created: dict[Key, Action] = {}
    deferred: list[Row] = []

    def action_of(key: Key | None) -> Action | None:
        if key is None:
            return None
        return created.get(key) or Action.objects.get(pk=key)

    for row in rows:
        key = _key(row)
        is_leaf = key not in children
        try:
            data = ActionData(
                title=row.title,
                stage=row.stage,  # type: ignore[arg-type]
                axis=row.axis,  # type: ignore[arg-type]
                description=row.description,
                parent=action_of(tree.parent.get(key)),
                status=row.status,
                progress=row.progress if is_leaf else None,
                weight=row.weight,
                start_date=row.start_date,
                end_date=row.end_date,
                position=row.position,
                owners=row.owners,
            )
            if row.id is None:
                created[key] = services.create_action(
                    actor, data, contributions=row.contributions, decisions=row.decisions, topics=row.topics
                )
                continue
            action = Action.objects.with_labels().get(pk=row.id)
            if data.progress is not None and action.children.exists():
                data.progress = None
                deferred.append(row)
            services.update_action(actor, action, data)
            hidden = list(
                action.contributions.exclude(pk__in=[c.pk for c in row.contributions]).exclude(
                    status=ContributionStatus.PUBLISHED
                )
            )
            services.set_links(
                actor,
                action,
                contributions=[*row.contributions, *hidden],
                decisions=row.decisions,
                topics=row.topics,
            )
        except RoadmapError as error:
            raise RoadmapError(f"Ligne {row.line} : {error}") from None
    for row in deferred:
        action = Action.objects.with_labels().get(pk=row.id)
        try:
            services.change_progress(actor, action, status=action.status, progress=row.progress)
        except RoadmapError as error:
            raise RoadmapError(f"Ligne {row.line} : {error}") from None
