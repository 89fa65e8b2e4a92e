"""A producer's table read into the national standard through its source's profile.

Pure Python, no Django. Each record becomes the standard's values: the profile's columns joined, multi-values split
at the source's separator, labels translated (`FieldRule.translation_of`; a label of the standard passes; any other
label rejects its row with the closest labels proposed: nothing is dropped silently), defaults applied, values
cleaned (`clean.py`), then checked by `standard.validate_row` through the readers' collector (an `id` seen twice is
rejected with both lines). The report counts what happened to each column of the file; warnings are aggregated per
kind, never one per row. Translations and cleaning are cached per distinct value: a 15,000-row file repeats them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mediane.french import count_phrase, plural

from ..standard import (
    FIELDS_BY_NAME,
    PIVOT_PLACEHOLDER,
    SEPARATOR,
    VOCABULARIES,
    FormatError,
    ReadResult,
    Row,
    pivot_errors,
    unknown_label,
)
from ..standard_collect import Collector
from .clean import CLEANERS, clean_phone, looks_scientific, split_phones
from .profile import FieldRule, Profile, label_key
from .tabular import Table, read_table

PREVIEW_ROWS = 20
SHOWN_COLUMNS = 10
PHONE_ASIDE = "telephone (non reconnu)"  # as `{field} (non reconnu)` for the other fields
OTHER_PHONES = "telephone (autres numéros)"
DROPPED_ASIDE = "{} (libellés écartés)"  # the field's (first) column
PIVOT_ASIDE = "{} (SIRET non valide)"  # the pivot's column
PIVOT_WARNING = (
    f"SIRET ou numéro RNA non valide, remplacé par {PIVOT_PLACEHOLDER} et gardé tel quel comme donnée "
    "supplémentaire : vérifiez-le sur annuaire-entreprises.data.gouv.fr"
)
_FOLDED_VOCABULARIES = {
    name: {label_key(label): label for label in vocabulary} for name, vocabulary in VOCABULARIES.items()
}


@dataclass
class PreviewRow:
    """One place of the preview: its line, the standard's values when it would be imported, or why not."""

    line: int
    values: Row | None
    messages: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def unplaced_message(columns: list[str]) -> str:
    """The sentence for columns of the file that the profile does not place."""
    shown = ", ".join(f"« {c[:60]} »" for c in columns[:SHOWN_COLUMNS])
    more = f" et {len(columns) - SHOWN_COLUMNS} autres" if len(columns) > SHOWN_COLUMNS else ""
    return (
        f"La correspondance de cette source ne dit pas quoi faire des colonnes {shown}{more} du fichier : "
        "complétez la correspondance (associez chaque colonne à un champ, gardez-la ou ignorez-la) depuis la page "
        "de la source."
    )


# (value, changed, warnings, errors, set aside, labels dropped on purpose) for the text of a field's columns.
_Value = tuple[str, bool, list[str], list[str], str, list[str]]


class _FieldPlan:
    """One field of the standard as the profile fills it, with its caches."""

    def __init__(self, name: str, rule: FieldRule, present: list[str]) -> None:
        self.name = name
        self.spec = FIELDS_BY_NAME[name]
        self.rule = rule
        self.columns = present
        self.report_column = present[0] if present else ""
        separators = {rule.separator or SEPARATOR, SEPARATOR}
        self.splitter = re.compile("|".join(re.escape(s) for s in sorted(separators, key=len, reverse=True)))
        self.vocabulary = VOCABULARIES.get(name)
        self.folded = _FOLDED_VOCABULARIES.get(name, {})
        self.cleaner = CLEANERS.get(name)
        self.cache: dict[str, _Value] = {}
        self.cleaned = 0
        self.defaulted = 0
        self.translated = 0
        self.dropped = 0
        self.dropped_labels: dict[str, int] = {}

    def raw(self, record: dict[str, str]) -> str:
        if len(self.columns) == 1:
            return record.get(self.columns[0], "").strip()
        if self.spec.multiple:
            return SEPARATOR.join(v for c in self.columns if (v := record.get(c, "").strip()))
        return self.rule.join.join(v for c in self.columns if (v := record.get(c, "").strip()))

    def value(self, text: str) -> _Value:
        """(value, changed, warnings, errors, set aside, dropped) for the text of the field's columns, cached per
        text. What is set aside is the part of the text that cleaning could not read as the field; what is dropped,
        the labels the profile translates to nothing (« Ne rien garder »): both are kept as extra data."""
        cached = self.cache.get(text)
        if cached is None:
            cached = self._compute(text)
            if len(self.cache) < 50_000:
                self.cache[text] = cached
        return cached

    def _compute(self, text: str) -> _Value:
        if not self.spec.multiple:
            if self.cleaner is None:
                return text, False, [], [], "", []
            value, changed, warning = self.cleaner(text)
            return value, changed, [warning] if warning else [], [], text if warning and not value else "", []
        aside: list[str] = []
        dropped: list[str] = []
        items: list[str] = []
        changed = False
        warnings: list[str] = []
        errors: list[str] = []
        for part in self.splitter.split(text):
            part = part.strip()
            if not part:
                continue
            if self.vocabulary is not None:
                targets, note, error = self._translate(part)
                if error:
                    errors.append(error)
                if note:
                    changed = True
                    if not targets:
                        dropped.append(part)
                items.extend(t for t in targets if t not in items)
            else:
                if self.cleaner is not None:
                    typed = part
                    part, part_changed, warning = self.cleaner(part)
                    changed = changed or part_changed
                    if warning:
                        warnings.append(warning)
                        if not part:
                            aside.append(typed)
                if part and part not in items:
                    items.append(part)
        joined = SEPARATOR.join(items)
        return joined, changed or joined != text, warnings, errors, " | ".join(aside), dropped

    def _translate(self, label: str) -> tuple[list[str], bool, str | None]:
        """(labels of the standard, translated, error) for one source label."""
        vocabulary = self.vocabulary or ()
        if label in vocabulary:
            return [label], False, None
        targets = self.rule.translation_of(label)
        if targets is not None:
            return list(targets), True, None
        same = self.folded.get(label_key(label))
        if same is not None:
            return [same], True, None
        message = unknown_label(self.spec.unknown, label[:200], vocabulary)
        return [], False, f"{message} Ajoutez la traduction de ce libellé dans la correspondance de la source."


class _Application:
    def __init__(self, table: Table, profile: Profile, *, strict: bool) -> None:
        self.table = table
        self.profile = profile
        columns = set(table.columns)
        unplaced = profile.unplaced_columns(table.columns)
        if unplaced and strict:
            raise FormatError(unplaced_message(unplaced))
        self.unplaced = unplaced
        self.warnings: list[str] = []
        named = [c for rule in profile.fields.values() for c in rule.columns]
        absent = [c for c in dict.fromkeys([*named, *profile.extra]) if c not in columns]
        if absent:
            shown = ", ".join(f"« {c[:60]} »" for c in absent[:SHOWN_COLUMNS])
            columns_word = plural(
                absent, "Colonne de la correspondance absente", "Colonnes de la correspondance absentes"
            )
            fields_word = plural(absent, "le champ concerné est lu", "les champs concernés sont lus")
            self.warnings.append(
                f"{columns_word} du fichier : {shown} ; {fields_word} comme {plural(absent, 'vide', 'vides')}. "
                "Vérifiez que c'est bien le fichier de cette source."
            )
        self.plans = [
            _FieldPlan(name, rule, [c for c in rule.columns if c in columns]) for name, rule in profile.fields.items()
        ]
        id_rule = profile.fields.get("id")
        self.numbered = id_rule is None or not [c for c in id_rule.columns if c in columns]
        if self.numbered:
            self.plans = [plan for plan in self.plans if plan.name != "id"]
            own_row = "sa ligne" if table.row_word == "Ligne" else "son enregistrement"
            self.warnings.append(
                f"Le fichier n'a pas de colonne d'identifiant : chaque lieu a pour identifiant le numéro de {own_row} "
                "dans le fichier. Gardez le même ordre d'un envoi à l'autre, ou ajoutez une colonne d'identifiant à la "
                "correspondance."
            )
        self.extra_columns = [c for c in profile.extra if c in columns]
        self.collector = Collector(
            "à la ligne" if table.row_word == "Ligne" else "à l'enregistrement",
            row_word=table.row_word,
            address_optional=True,
        )
        self.pivot_plan = next((p for p in self.plans if p.name == "pivot"), None)
        self.phone_plan = next((p for p in self.plans if p.name == "telephone"), None)
        if self.phone_plan is not None:
            self.phone_plan.cleaner = None  # cleaned with the postal code, below

    def record(self, index: int) -> tuple[dict[str, str], list[str], dict[str, str]]:
        """(raw values for validate_row, messages that reject the row, extra data)."""
        record = self.table.records[index]
        line = self.table.lines[index]
        tally = self.collector.tally
        values: dict[str, str] = {}
        errors: list[str] = []
        extra = {c: v for c in self.extra_columns if (v := record.get(c, "").strip())}
        if self.numbered:
            values["id"] = str(line)
        for plan in self.plans:
            text = plan.raw(record)
            if not text:
                if plan.rule.default:
                    text = plan.rule.default
                    plan.defaulted += 1
                else:
                    continue
            value, changed, warnings, field_errors, aside, dropped = plan.value(text)
            if changed:
                plan.cleaned += 1
            for note in warnings:
                tally.add(f"{note} (champ « {plan.name} »)", line)
            if aside:
                extra[f"{plan.name} (non reconnu)"] = aside
            if dropped:
                plan.dropped += len(dropped)
                for label in dropped:
                    plan.dropped_labels[label] = plan.dropped_labels.get(label, 0) + 1
                extra[DROPPED_ASIDE.format(plan.report_column or plan.name)] = " | ".join(dropped)
            errors.extend(field_errors)
            values[plan.name] = value
        pivot = values.get("pivot", "")
        if self.pivot_plan is not None and pivot and (looks_scientific(pivot) or pivot_errors(pivot)):
            # A producer's wrong SIRET does not keep the place out: it goes in with the placeholder, the typed
            # value kept with it.
            typed = self.pivot_plan.raw(record) or pivot
            extra[PIVOT_ASIDE.format(self.pivot_plan.report_column or "pivot")] = typed
            values["pivot"] = PIVOT_PLACEHOLDER
            tally.add(PIVOT_WARNING, line)
        if self.phone_plan is not None and values.get("telephone"):
            typed = values["telephone"]
            phone, changed, warning = clean_phone(typed, values.get("code_postal", ""))
            if changed:
                self.phone_plan.cleaned += 1
            if warning:
                tally.add(warning, line)
            if not changed and warning:
                # The place goes in without its phone, which is kept with it as extra data, rather than rejected.
                extra[PHONE_ASIDE] = typed
                phone = ""
            elif len(others := split_phones(typed)) > 1:
                extra[OTHER_PHONES] = " / ".join(others[1:])
            values["telephone"] = phone
        problem = self.table.problems.get(index)
        if problem:
            errors.insert(0, problem)
        return values, errors, extra

    def run(self) -> ReadResult:
        for index, line in enumerate(self.table.lines):
            values, errors, extra = self.record(index)
            self.collector.add(line, values, errors, extra)
        result = self.collector.finish()
        result.warnings[:0] = [*self.table.warnings, *self.warnings]
        result.warnings.extend(self.dropped_warnings())
        if self.unplaced:
            result.warnings.insert(0, unplaced_message(self.unplaced))
        result.column_report = self.report()
        return result

    def dropped_warnings(self) -> list[str]:
        """One warning per field whose labels the profile translates to nothing: how many, and which."""
        warnings = []
        for plan in self.plans:
            if not plan.dropped:
                continue
            labels = sorted(plan.dropped_labels, key=lambda label: -plan.dropped_labels[label])
            shown = ", ".join(f"« {label[:60]} »" for label in labels[:SHOWN_COLUMNS])
            more = f" et {len(labels) - SHOWN_COLUMNS} autres" if len(labels) > SHOWN_COLUMNS else ""
            warnings.append(
                f"{count_phrase(plan.dropped, 'libellé écarté', 'libellés écartés')} volontairement (champ "
                f"« {plan.name} ») : {shown}{more} ; {plural(plan.dropped, 'il est gardé', 'ils sont gardés')} "
                "avec le lieu comme donnée supplémentaire."
            )
        return warnings

    def report(self) -> list[dict]:
        table = self.table
        counts = {c: 0 for c in table.columns}
        for record in table.records:
            for column, value in record.items():
                if value:
                    counts[column] = counts.get(column, 0) + 1
        fields_of: dict[str, list[str]] = {}
        for plan in self.plans:
            for column in plan.columns:
                fields_of.setdefault(column, []).append(plan.name)
        first_of = {plan.report_column: plan for plan in self.plans if plan.report_column}
        extra = set(self.profile.extra)
        entries: list[dict] = []
        for column in table.columns:
            first = first_of.get(column)
            entry = {
                "column": column,
                "outcome": "mapped" if column in fields_of else "kept" if column in extra else "ignored",
                "field": ", ".join(fields_of.get(column, [])),
                "fields": fields_of.get(column, []),
                "values": counts.get(column, 0),
                "cleaned": first.cleaned if first else 0,
                "defaulted": first.defaulted if first else 0,
                "dropped": first.dropped if first else 0,
                "ignored_values": first.dropped if first else 0,
            }
            if entry["outcome"] == "ignored":
                entry["ignored_values"] = entry["values"]
            entries.append(entry)
        for plan in self.plans:
            if not plan.columns and plan.defaulted:
                entries.append(
                    {
                        "column": "",
                        "outcome": "default",
                        "field": plan.name,
                        "fields": [plan.name],
                        "values": 0,
                        "cleaned": 0,
                        "defaulted": plan.defaulted,
                        "dropped": 0,
                        "ignored_values": 0,
                    }
                )
        return entries


def apply_profile(table: Table, profile: Profile, *, strict: bool = True) -> ReadResult:
    """Read every record of `table` through `profile` (see the module docstring). With `strict`, columns of the
    file the profile does not place raise FormatError; otherwise they are ignored, with a warning."""
    return _Application(table, profile, strict=strict).run()


def read_mapped(data: bytes, file_name: str, profile: Profile) -> ReadResult:
    """Read a producer's file (`tabular.read_table`) through its source's profile. Raises FormatError."""
    return apply_profile(read_table(data, file_name), profile)


def preview(table: Table, profile: Profile, limit: int = PREVIEW_ROWS) -> list[PreviewRow]:
    """The first `limit` places as they will be imported: the standard's values, or the row's French messages.
    The profile may still be incomplete: columns it does not place are left out."""
    head = Table(
        columns=table.columns,
        records=table.records[:limit],
        lines=table.lines[:limit],
        row_word=table.row_word,
        kind=table.kind,
        problems={i: p for i, p in table.problems.items() if i < limit},
    )
    application = _Application(head, profile, strict=False)
    rows: list[PreviewRow] = []
    for index, line in enumerate(head.lines):
        values, errors, extra = application.record(index)
        before = len(application.collector.result.rows)
        if application.collector.add(line, values, errors, extra):
            rows.append(PreviewRow(line, application.collector.result.rows[before], (), extra))
        else:
            rows.append(PreviewRow(line, None, application.collector.result.rejected[-1].messages, extra))
    return rows
