"""A first mapping for a producer's file, proposed from its column names and contents, for an organiser to confirm.

Pure Python, no Django. Each column gets a proposed field of the standard (or « extra », kept with the place, or
« ignored » when it is empty) with a French reason; a single-valued field takes at most one column (the best one).
Multi-valued fields get the source's separator and, for each label outside the standard's vocabulary, up to three
candidate labels ranked (synonyms first, then the closest spellings). Required fields with no column get defaults.
With a previous profile, its choices win for the columns it knows.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from mediane.french import share

from ..standard import FIELDS_BY_NAME, PIVOT_PLACEHOLDER, SEPARATOR, VOCABULARIES
from .profile import FieldRule, Profile, label_key
from .synonyms import COLUMN_NAMES, FEATURE_COLUMNS, LABELS, NO, NOTHING, STREET_NAME, STREET_NUMBER, YES, fold_name
from .tabular import Table

SAMPLE_SIZE = 500
THRESHOLD = 0.5
CANDIDATE_SEPARATORS = (";", SEPARATOR, ",", "/", "\n")
_NAME_INDEX = {fold_name(name): target for target, names in COLUMN_NAMES.items() for name in names}
for _name in FIELDS_BY_NAME:
    _NAME_INDEX.setdefault(fold_name(_name), _name)
_FOLDED_VOCABULARIES = {name: {label_key(v): v for v in vocabulary} for name, vocabulary in VOCABULARIES.items()}

_CONTENT = {
    "code_postal": (re.compile(r"\d{4,5}(?:\.0)?"), "codes postaux"),
    "pivot": (re.compile(r"(?:\d[\s.]?){13}\d|\d{9}|W[0-9A-Z]{9}"), "numéros SIRET ou RNA"),
    "telephone": (re.compile(r"(?:\+\d{2,3}[\s.]?|0)[1-9](?:[\s.\-]?\d){7,8}"), "numéros de téléphone"),
    "courriels": (re.compile(r"(?:mailto:)?[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}"), "adresses e-mail"),
    "site_web": (re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE), "adresses de sites web"),
    "date_maj": (re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?|\d{1,2}/\d{1,2}/\d{4}"), "dates"),
    "horaires": (
        re.compile(r"(?is).*(?:\b\d{1,2}\s*h|\b\d{1,2}:\d{2}|lundi|mardi|mercredi|jeudi|vendredi|samedi|\bMo\b|\bTu\b).*"),
        "horaires",
    ),
    "adresse": (
        re.compile(r"(?i)(?:\d+\s*(?:bis|ter)?,?\s+)?.*\b(?:rue|avenue|av|place|bd|boulevard|chemin|route|all[ée]e|impasse|quai|cours|square|rond-point|lotissement|hameau)\b.*"),
        "adresses",
    ),
}  # fmt: skip


@dataclass
class ColumnProposal:
    """What is proposed for one column of the file: a field's name, « extra » or « ignored », and why."""

    column: str
    samples: list[str]
    filled: int
    target: str
    reason: str
    score: float = 0.0


@dataclass
class LabelProposal:
    """A source label outside the standard's vocabulary, how many times it occurs, and the closest labels."""

    label: str
    count: int
    candidates: list[str]


@dataclass
class Proposal:
    profile: Profile
    columns: list[ColumnProposal] = field(default_factory=list)
    labels: dict[str, list[LabelProposal]] = field(default_factory=dict)


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".").strip())
    except ValueError:
        return None


_LATITUDES = ((41.0, 51.5), (14.0, 18.5), (-22.5, -12.5), (2.0, 6.0), (46.5, 47.5), (-28.0, -8.0), (-15.0, -13.0))
_LONGITUDES = ((-5.5, 10.0), (-62.0, -60.5), (44.9, 45.4), (55.1, 56.0), (-55.0, -51.0), (163.0, 169.0),
               (-155.0, -134.0), (-178.5, -176.0), (-56.5, -56.0))  # fmt: skip


def _within(number: float, ranges: tuple[tuple[float, float], ...]) -> bool:
    return any(low <= number <= high for low, high in ranges)


def _coordinate_share(values: list[str], axis: str) -> float:
    """The share of values that are coordinates of that axis in France (mainland or overseas). A longitude that
    could as well be a mainland latitude (Mayotte's 45.1) counts for half."""
    good = 0.0
    for value in values:
        number = _number(value)
        if number is None or "." not in value.replace(",", "."):
            continue
        if axis == "latitude" and _within(number, _LATITUDES):
            good += 1
        elif axis == "longitude" and _within(number, _LONGITUDES):
            good += 0.5 if _within(number, _LATITUDES) else 1
    return good / len(values) if values else 0.0


def _parts(value: str, separator: str) -> list[str]:
    pieces = value.split(separator) if separator != SEPARATOR else value.split(SEPARATOR)
    return [p.strip() for p in pieces if p.strip()]


def known_label(name: str, label: str) -> str | None:
    """The standard's label for a source label when it is one (folded) or a known synonym; "" for a label that
    means « nothing specific »; None otherwise."""
    key = label_key(label)
    if key in _FOLDED_VOCABULARIES[name]:
        return _FOLDED_VOCABULARIES[name][key]
    table = LABELS.get(name, {})
    if key in table:
        return table[key]
    folded = fold_name(label)
    if folded in table:
        return table[folded]
    if key in NOTHING:
        return ""
    return None


def _label_share(name: str, values: list[str]) -> tuple[float, str]:
    """The share of values whose parts are labels of the field (or synonyms), with the best separator. When no
    separator finds labels, the one found in most values (at least a third) is still proposed."""
    best_share, best_separator = 0.0, SEPARATOR
    present: dict[str, int] = {}
    for separator in CANDIDATE_SEPARATORS:
        count = sum(1 for v in values if separator in v)
        if separator != SEPARATOR and not count:
            continue
        present[separator] = count
        parts = [p for v in values for p in _parts(v, separator)]
        if not parts:
            continue
        ratio = sum(1 for p in parts if known_label(name, p) not in (None, "")) / len(parts)
        if ratio > best_share + 0.05:
            best_share, best_separator = ratio, separator
    if best_share == 0.0 and present:
        separator, count = max(present.items(), key=lambda item: item[1])
        if count * 3 >= len(values):
            best_separator = separator
    return best_share, best_separator


def candidates_for(name: str, label: str, limit: int = 3) -> list[str]:
    """Up to `limit` labels of the standard for a source label: its synonym first, then the closest spellings."""
    ranked: list[str] = []
    known = known_label(name, label)
    if known == "":
        return []  # « Tout public », « Adultes »: nothing specific, no label
    if known:
        ranked.append(known)
    folded = _FOLDED_VOCABULARIES[name]
    key = label_key(label)
    for close in difflib.get_close_matches(key, list(folded), n=limit, cutoff=0.6):
        if folded[close] not in ranked:
            ranked.append(folded[close])
    words = set(re.findall(r"\w{4,}", key))
    if words:
        for folded_label, target in folded.items():
            if target not in ranked and words & set(re.findall(r"\w{4,}", folded_label)):
                ranked.append(target)
    return ranked[:limit]


class _Proposer:
    def __init__(self, table: Table, source: str, previous: Profile | None, today: date | None) -> None:
        self.today = today or datetime.now(tz=ZoneInfo("Europe/Paris")).date()
        self.table = table
        self.source = source or (previous.source if previous else "")
        self.previous = previous
        self.values = {c: [v for v in table.values(c)[: SAMPLE_SIZE * 4] if v.strip()] for c in table.columns}
        self.filled = {c: sum(1 for v in table.values(c) if v.strip()) for c in table.columns}
        self.features: dict[str, tuple[str, str, str, str | None]] = {}

    def scores(self, column: str) -> list[tuple[float, str, str, str]]:
        """(score, field, reason, separator) for every field the column could be."""
        values = self.values[column][:SAMPLE_SIZE]
        found: dict[str, tuple[float, str, str]] = {}
        folded = fold_name(column)
        answers = {label_key(v) for v in self.values[column]}
        if answers and answers <= YES | NO:
            # A yes/no column: only a feature named by the column (« connexion_wi_fi ») can say something.
            for word, name, yes, _no in FEATURE_COLUMNS:
                if re.search(rf"\b{word}", folded):
                    self.features[column] = FEATURE_COLUMNS[[f[0] for f in FEATURE_COLUMNS].index(word)]
                    reason = f"colonne oui/non : « oui » veut dire « {yes} » ({name})"
                    return [(1.2, name, reason, "")]
            return []
        target = _NAME_INDEX.get(folded)
        if target is None:
            last = folded.split(" ")[-1] if " " in folded else ""
            close = difflib.get_close_matches(folded, list(_NAME_INDEX), n=1, cutoff=0.85)
            if close:
                target = _NAME_INDEX[close[0]]
            elif "." in column and fold_name(column.rsplit(".", 1)[1]) in _NAME_INDEX:
                target = _NAME_INDEX[fold_name(column.rsplit(".", 1)[1])]
            elif last and last in _NAME_INDEX and len(last) > 3:
                target = _NAME_INDEX[last]
        if target is not None:
            exact = 1.1 if folded == fold_name(target) else 1.0
            found[target] = (exact, f"nom de colonne proche de « {target} »", "")
        if values:
            n = len(values)
            for name, (pattern, what) in _CONTENT.items():
                ratio = sum(1 for v in values if pattern.fullmatch(v.strip())) / n
                if ratio >= 0.6:
                    score = found.get(name, (0.0, "", ""))[0] + 0.8 * ratio
                    found[name] = (score, f"{share(round(ratio * n), n)} des valeurs ressemblent à des {what}", "")
            for axis in ("latitude", "longitude"):
                ratio = _coordinate_share(values, axis)
                if axis in found and ratio < 0.3:
                    del found[axis]  # « X », « Y » in Lambert 93 metres are not WGS84 degrees: kept as extra data
                if ratio >= 0.6:
                    score = found.get(axis, (0.0, "", ""))[0] + 0.6 * ratio
                    found[axis] = (score, f"{share(round(ratio * n), n)} des valeurs sont des {axis}s en France", "")
            for name in VOCABULARIES:
                ratio, separator = _label_share(name, values)
                if ratio >= 0.3 or name in found:
                    named = found.get(name, (0.0, "", ""))[0]
                    if named and ratio < 0.2:
                        named = 0.5  # the name says so, the labels do not: another field's labels may win
                    score = named + 0.9 * ratio
                    reason = (
                        f"{share(round(ratio * 100), 100)} des libellés correspondent au vocabulaire de « {name} »"
                        if ratio >= 0.3
                        else found[name][1]
                    )
                    found[name] = (score, reason, separator)
        return sorted(((s, n, r, sep) for n, (s, r, sep) in found.items()), reverse=True)

    def run(self) -> Proposal:
        profile = Profile(source=self.source)
        proposals: dict[str, ColumnProposal] = {}
        taken: set[str] = set()
        previous = self.previous
        columns = self.table.columns
        if previous is not None:
            for name, rule in previous.fields.items():
                present = [c for c in rule.columns if c in columns]
                if present or rule.default:
                    profile.fields[name] = FieldRule(
                        columns=present,
                        join=rule.join,
                        separator=rule.separator,
                        translations=dict(rule.translations),
                        default=rule.default,
                    )
                    taken.add(name)
                for column in present:
                    proposals[column] = self._proposal(column, name, "choix de la correspondance précédente")
            for kind, names in (("extra", previous.extra), ("ignored", previous.ignored)):
                for column in names:
                    if column in columns and column not in proposals:
                        getattr(profile, kind).append(column)
                        proposals[column] = self._proposal(column, kind, "choix de la correspondance précédente")
        candidates: list[tuple[float, int, str, str, str, str]] = []
        for position, column in enumerate(columns):
            if column in proposals or not self.values[column]:
                continue
            for score, name, reason, separator in self.scores(column):
                if score >= THRESHOLD:
                    candidates.append((score, -position, column, name, reason, separator))
        street: dict[str, str] = {}
        for score, _, column, name, reason, separator in sorted(candidates, reverse=True):
            if column in proposals:
                continue
            if name in (STREET_NUMBER, STREET_NAME):
                if name not in street:
                    street[name] = column
                    proposals[column] = self._proposal(column, "adresse", reason, score)
                continue
            spec = FIELDS_BY_NAME[name]
            feature = self.features.get(column)
            if feature is not None:
                # Translations belong to the field, not the column: one yes/no column per field.
                if name in taken:
                    continue
                taken.add(name)
                translations: dict[str, list[str]] = {}
                for answer in dict.fromkeys(v.strip() for v in self.values[column]):
                    target = feature[2] if label_key(answer) in YES else feature[3]
                    translations[answer] = [target] if target else []
                profile.fields[name] = FieldRule(columns=[column], translations=translations)
                proposals[column] = self._proposal(column, name, reason, score)
                continue
            if name in taken and (not spec.multiple or any(c in self.features for c in profile.fields[name].columns)):
                continue
            taken.add(name)
            rule = profile.fields.setdefault(name, FieldRule())
            rule.columns.append(column)
            if spec.multiple and separator and separator != SEPARATOR:
                rule.separator = separator
            proposals[column] = self._proposal(column, name, reason, score)
        if street:
            self._street(profile, street, proposals)
        for column in columns:
            if column in proposals:
                continue
            if self.values[column]:
                proposals[column] = self._proposal(
                    column, "extra", "aucun champ du standard ne correspond : gardée avec le lieu"
                )
            else:
                proposals[column] = self._proposal(column, "ignored", "colonne vide")
        profile.extra.extend(c for c in columns if proposals[c].target == "extra" and c not in profile.extra)
        profile.ignored.extend(c for c in columns if proposals[c].target == "ignored" and c not in profile.ignored)
        self._defaults(profile)
        self._split_mixed_columns(profile, taken, proposals)
        labels = self._labels(profile)
        return Proposal(profile=profile, columns=[proposals[c] for c in columns], labels=labels)

    def _street(self, profile: Profile, street: dict[str, str], proposals: dict[str, ColumnProposal]) -> None:
        """A street number and a street in two columns are ONE address, number first (« 12 » + « rue X »). When
        another column already holds the address (« Voie », « Rue ») and its values mostly start without a number,
        the number column goes in front of it; otherwise the street parts are kept as extra data."""
        parts = [street[k] for k in (STREET_NUMBER, STREET_NAME) if k in street]
        address = profile.fields.get("adresse")
        if address is None:
            profile.fields["adresse"] = FieldRule(columns=parts, join=" ")
            return
        number = street.get(STREET_NUMBER)
        if number is not None and len(address.columns) == 1 and self._without_number(address.columns[0]):
            address.columns.insert(0, number)
            address.join = " "
            proposals[number] = self._proposal(
                number, "adresse", f"numéro de voie, mis devant « {address.columns[1]} » dans l'adresse"
            )
            parts.remove(number)
        for column in parts:
            proposals[column] = self._proposal(column, "extra", "une colonne d'adresse est déjà choisie")

    def _without_number(self, column: str) -> bool:
        """Whether most values of `column` start without a street number (« rue X », not « 12 rue X »)."""
        values = [v.strip() for v in self.values[column] if v.strip()]
        return bool(values) and sum(not v[0].isdigit() for v in values) * 2 > len(values)

    def _proposal(self, column: str, target: str, reason: str, score: float = 1.0) -> ColumnProposal:
        samples = list(dict.fromkeys(v.strip() for v in self.values[column]))[:3]
        return ColumnProposal(column, samples, self.filled[column], target, reason, round(score, 2))

    def _defaults(self, profile: Profile) -> None:
        defaults = {"pivot": PIVOT_PLACEHOLDER, "date_maj": self.today.isoformat(), "source": self.source}
        for name, value in defaults.items():
            rule = profile.fields.get(name)
            if value and (rule is None or not rule.default):
                if rule is None:
                    profile.fields[name] = FieldRule(default=value)
                elif name != "source":
                    rule.default = value

    def _split_mixed_columns(self, profile: Profile, taken: set[str], proposals: dict[str, ColumnProposal]) -> None:
        """A column whose labels belong to two fields (v0's publics mixed publics and specific support) is read
        for both: each field takes its own labels and drops the other's."""
        for name, rule in list(profile.fields.items()):
            if name not in VOCABULARIES or len(rule.columns) != 1:
                continue
            column = rule.columns[0]
            separator = rule.separator or SEPARATOR
            counts = Counter(p for v in self.table.values(column) for p in _parts(v, separator))
            for other in VOCABULARIES:
                if other == name or other in taken:
                    continue
                theirs = {label for label in counts if known_label(name, label) is None and known_label(other, label)}
                if not theirs or sum(counts[label] for label in theirs) * 10 < sum(counts.values()):
                    continue
                mine = {label for label in counts if known_label(name, label) is not None}
                profile.fields[other] = FieldRule(
                    columns=[column],
                    separator=rule.separator,
                    translations={label: [] for label in sorted(mine)},
                )
                for label in sorted(theirs):
                    rule.translations.setdefault(label, [])
                taken.add(other)
                proposals[column].reason += f" ; ses autres libellés vont dans « {other} »"

    def _labels(self, profile: Profile) -> dict[str, list[LabelProposal]]:
        labels: dict[str, list[LabelProposal]] = {}
        for name, rule in profile.fields.items():
            if name not in VOCABULARIES or not rule.columns:
                continue
            counts: Counter[str] = Counter()
            separator = rule.separator or SEPARATOR
            for column in rule.columns:
                for value in self.table.values(column):
                    for part in re.split("|".join(map(re.escape, {separator, SEPARATOR})), value):
                        if part.strip():
                            counts[part.strip()] += 1
            found: list[LabelProposal] = []
            for label, count in counts.most_common():
                if label in VOCABULARIES[name] or rule.translation_of(label) is not None:
                    continue
                found.append(LabelProposal(label, count, candidates_for(name, label)))
                known = known_label(name, label)
                if known is not None:
                    rule.translations[label] = [known] if known else []
            if found:
                labels[name] = found
        return labels


def propose_profile(
    table: Table, *, source: str = "", previous: Profile | None = None, today: date | None = None
) -> Proposal:
    """Propose a profile for `table` (see the module docstring). `today` is the default `date_maj` (today in
    Paris unless given)."""
    return _Proposer(table, source, previous, today).run()
