"""Rows of a file of places checked one by one into a `ReadResult`: the collector every reader shares (the
standard's CSV and JSON, the older v0 JSON, a producer's file through its profile), and the tally that aggregates
warnings about rows. Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mediane.french import count_phrase, plural

from .standard import PIVOT_PLACEHOLDER, SUMMARY_MAX, ReadResult, Rejection, shorten_summary, validate_row


class Tally:
    """Warnings about rows, aggregated per kind: one line per kind with its count and at most 5 example lines,
    never one line per row (a 15,000-row file gets a handful of warnings)."""

    EXAMPLES = 5

    def __init__(self, row_word: str = "Ligne") -> None:
        self.row_word = row_word
        self.counts: dict[str, int] = {}
        self.examples: dict[str, list[int]] = {}

    def add(self, kind: str, line: int) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        examples = self.examples.setdefault(kind, [])
        if len(examples) < self.EXAMPLES:
            examples.append(line)

    def warnings(self) -> list[str]:
        lines: list[str] = []
        for kind, count in self.counts.items():
            examples = ", ".join(str(line) for line in self.examples[kind])
            more = ", …" if count > self.EXAMPLES else ""
            word = plural(len(self.examples[kind]), self.row_word, self.row_word + "s").lower()
            lines.append(f"{count_phrase(count, 'lieu', 'lieux')} : {kind} ({word} {examples}{more}).")
        return lines


class Collector:
    """Validates rows one by one into a ReadResult, and rejects an `id` already seen in the file. A summary over
    280 characters is cut (`standard.shorten_summary`) with one aggregated warning."""

    def __init__(self, where: str, row_word: str | None = None, *, address_optional: bool = False) -> None:
        self.address_optional = address_optional
        self.where = where  # "à la ligne" or "à l'enregistrement", for the duplicate message
        self.result = ReadResult()
        self.first_line_of: dict[str, int] = {}
        self.placeholders = 0
        self.tally = Tally(row_word or ("Ligne" if where == "à la ligne" else "Enregistrement"))

    def add(
        self,
        line: int,
        values: Mapping[str, str],
        messages: Sequence[str] = (),
        extra: Mapping[str, str] | None = None,
    ) -> bool:
        """Check one row; True when it was accepted."""
        if len(values.get("presentation_resume", "")) > SUMMARY_MAX:
            values = dict(values)
            warning = shorten_summary(values)
            if warning:
                self.tally.add(warning, line)
        row, errors = validate_row(values, address_optional=self.address_optional)
        errors = [*messages, *errors]
        if self.address_optional and not row["adresse"] and not errors:
            self.tally.add(
                "sans adresse, gardé avec sa commune et ses coordonnées (l'export au standard le laisse de côté)",
                line,
            )
        identifier = str(row["id"]) or None
        if identifier is not None:
            # Only accepted rows own their id: a row rejected for another reason does not make a later one a
            # duplicate, as nothing is imported under its id.
            first = self.first_line_of.get(identifier)
            if first is not None and first != line:
                errors.append(
                    f"Identifiant « {identifier} » déjà utilisé {self.where} {first} : chaque lieu doit avoir un "
                    f"identifiant unique."
                )
        if row["pivot"] == PIVOT_PLACEHOLDER:
            self.placeholders += 1
        if errors:
            self.result.rejected.append(Rejection(line, identifier, tuple(errors)))
            return False
        if identifier is not None:
            self.first_line_of[identifier] = line
        self.result.rows.append(row)
        self.result.lines.append(line)
        self.result.extras.append(dict(extra) if extra else {})
        return True

    def reject(self, line: int, identifier: str | None, message: str) -> None:
        self.result.rejected.append(Rejection(line, identifier, (message,)))

    def finish(self) -> ReadResult:
        if self.placeholders:
            self.result.warnings.append(
                f"{count_phrase(self.placeholders, 'lieu', 'lieux')} sans SIRET (pivot {PIVOT_PLACEHOLDER}) : "
                f"renseignez {plural(self.placeholders, 'son', 'leur')} SIRET ou numéro RNA dès que possible."
            )
        self.result.warnings.extend(self.tally.warnings())
        if not any(self.result.extras):
            self.result.extras = []
        return self.result
