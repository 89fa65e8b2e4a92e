"""Imports into the forum: workshop sheets (CSV, collected by a mediator) and Decidim proposals exports.

Every line is read and checked by the pure parsers of `imports.py`, then prepared outside any transaction, and one
short transaction writes them all (`mediane/bulk.py`), or nothing: on SQLite a write transaction holds the whole
database. Refusals raise `ForumError` with a French message, with the line number for a file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from mediane import bulk
from mediane.accounts.enums import ParticipantCategory
from mediane.accounts.models import User

from .enums import AssistedChannel, ContributionKind, ContributionSource, ContributionStatus
from .imports import (
    DecidimRow,
    ParseResult,
    TextLimits,
    WorkshopRow,
    parse_decidim_proposals,
    parse_workshop_sheet,
    workshop_sheet_template,
)
from .markup import render_markup
from .models import Contribution, ImportRecord, Theme
from .search import search_document
from .services import (
    BODY_MAX_LENGTH,
    BODY_MIN_LENGTH,
    TITLE_MAX_LENGTH,
    TITLE_MIN_LENGTH,
    ContributionDraft,
    ForumError,
    check_draft,
    check_theme_open,
    initial_status,
)

# The bounds of `check_draft`, so that a file line is accepted exactly when the form would accept it.
IMPORT_LIMITS = TextLimits(
    title_min=TITLE_MIN_LENGTH, title_max=TITLE_MAX_LENGTH, body_min=BODY_MIN_LENGTH, body_max=BODY_MAX_LENGTH
)
DECIDIM_CHUNK = 500


def read_workshop_sheet(data: bytes) -> ParseResult[WorkshopRow]:
    return parse_workshop_sheet(
        data, kinds=ContributionKind.choices, categories=ParticipantCategory.choices, limits=IMPORT_LIMITS
    )


def read_decidim_export(data: bytes) -> ParseResult[DecidimRow]:
    return parse_decidim_proposals(data, limits=IMPORT_LIMITS)


def workshop_sheet_model() -> str:
    return workshop_sheet_template(ContributionKind.PROPOSAL.label, ParticipantCategory.USER.label)


# Every column of a contribution, as the bulk writes of the imports send them (`mediane.bulk`).
IMPORTED_FIELDS = tuple(field.name for field in Contribution._meta.concrete_fields if not field.primary_key)


def _imported_row(contribution: Contribution) -> bulk.Row:
    return bulk.db_values(
        Contribution, IMPORTED_FIELDS, {name: getattr(contribution, name) for name in IMPORTED_FIELDS}
    )


def import_workshop_sheet(importer: User, theme: Theme, rows: Sequence[WorkshopRow], file_name: str) -> ImportRecord:
    """Record every line of a workshop sheet as a contribution collected by `importer`, all or nothing.

    Preconditions: `rows` come from `read_workshop_sheet` without errors, and the theme is open. Each person
    on the sheet gave their consent (the « consentement » column); no account is created for them. Every line is
    checked and prepared first; one short transaction then writes them all.
    """
    check_theme_open(theme)
    if not rows:
        raise ForumError("Le fichier ne contient aucune contribution.")
    now = timezone.now()
    status = initial_status(theme)
    prepared = []
    for row in rows:
        try:
            draft = check_draft(ContributionDraft(kind=row.kind, title=row.title, body=row.body))
        except ForumError as exc:
            raise ForumError(f"Ligne {row.line} : {exc}") from exc
        contribution = Contribution(
            theme=theme,
            kind=draft.kind,
            title=draft.title,
            body=draft.body,
            body_html=render_markup(draft.body),
            search_text=search_document(draft.title, draft.body),
            status=status,
            published_at=now if status == ContributionStatus.PUBLISHED else None,
            created_at=now,
            author=None,
            author_name="",
            author_category=row.category,
            author_departement=row.departement,
            source=ContributionSource.WORKSHOP_SHEET,
            collected_by=importer,
            assisted_channel=AssistedChannel.WORKSHOP,
            consent_recorded_at=now,
        )
        prepared.append(_imported_row(contribution))
    with transaction.atomic():
        bulk.insert(Contribution, IMPORTED_FIELDS, prepared)
        if status == ContributionStatus.PUBLISHED:
            Theme.objects.filter(pk=theme.pk).update(published_count=F("published_count") + len(prepared))
        return ImportRecord.objects.create(
            theme=theme,
            imported_by=importer,
            source=ContributionSource.WORKSHOP_SHEET,
            file_name=file_name[:255],
            rows=len(rows),
        )


@dataclass(frozen=True)
class DecidimImportSummary:
    created: int
    updated: int
    unchanged: int
    record: ImportRecord | None


@dataclass
class _DecidimPlan:
    """What a Decidim import writes, worked out outside the write transaction."""

    known: dict[str, int]  # the Decidim ids already imported into the theme, with their contribution's pk
    new: list[bulk.Row]
    changed: list[bulk.Row]
    unchanged: int


DECIDIM_UPDATED = ("title", "body", "supports_count", "created_at", "external_url", "body_html", "search_text")


def _decidim_known(theme: Theme, external_ids: Sequence[str]) -> dict[str, Contribution]:
    known: dict[str, Contribution] = {}
    for start in range(0, len(external_ids), DECIDIM_CHUNK):
        for contribution in Contribution.objects.filter(
            theme=theme, source=ContributionSource.DECIDIM, external_id__in=external_ids[start : start + DECIDIM_CHUNK]
        ).only("pk", "external_id", *DECIDIM_UPDATED[:5]):
            known[contribution.external_id] = contribution
    return known


def _plan_decidim(
    theme: Theme, rows: Sequence[DecidimRow], progress: Callable[[int, int], None] | None
) -> _DecidimPlan:
    existing = _decidim_known(theme, [row.external_id for row in rows])
    plan = _DecidimPlan(known={key: c.pk for key, c in existing.items()}, new=[], changed=[], unchanged=0)
    for done, row in enumerate(rows, start=1):
        values = {
            "title": row.title,
            "body": row.body,
            "supports_count": row.votes,
            "created_at": row.created_at,
            "external_url": row.url,
        }
        current = existing.get(row.external_id)
        if current is None:
            contribution = Contribution(
                theme=theme,
                kind=ContributionKind.PROPOSAL,
                body_html=render_markup(row.body),
                search_text=search_document(row.title, row.body),
                status=ContributionStatus.PUBLISHED,
                published_at=row.created_at,
                source=ContributionSource.DECIDIM,
                external_id=row.external_id,
                **values,
            )
            plan.new.append(_imported_row(contribution))
        elif any(getattr(current, name) != value for name, value in values.items()):
            values["body_html"] = render_markup(row.body)
            values["search_text"] = search_document(row.title, row.body)
            plan.changed.append((*bulk.db_values(Contribution, DECIDIM_UPDATED, values), current.pk))
        else:
            plan.unchanged += 1
        if progress is not None and (done % DECIDIM_CHUNK == 0 or done == len(rows)):
            progress(done, len(rows))
    return plan


def import_decidim_proposals(
    theme: Theme,
    rows: Sequence[DecidimRow],
    file_name: str,
    *,
    imported_by: User | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> DecidimImportSummary:
    """Bring the proposals of a Decidim export into `theme`, keyed by (theme, Decidim, id): re-import updates.

    Preconditions: `rows` come from `read_decidim_export` without errors; the caller checked that the person
    may import (`consultation.import_decidim`, organisers only). The theme need not be open: the proposals
    were written while the original consultation was open, and bringing that history in is the point.
    New proposals are published at once, without pre-moderation: they were already public on Decidim and an
    organiser chose to import them. Decidim votes become `supports_count` only, with no local Support rows:
    the voters have no account here, so these supports cannot be taken back or counted per person.
    Everything is checked and prepared first; one short transaction then writes it all (nothing, with
    `dry_run`). If another import of the same theme wrote in between, the work is planned again once.
    """
    external_ids = [row.external_id for row in rows]
    for attempt in range(2):
        plan = _plan_decidim(theme, rows, progress)
        if dry_run:
            return DecidimImportSummary(len(plan.new), len(plan.changed), plan.unchanged, record=None)
        with transaction.atomic():
            Theme.objects.select_for_update().filter(pk=theme.pk).first()
            now_known = {key: c.pk for key, c in _decidim_known(theme, external_ids).items()}
            if now_known != plan.known:
                if attempt == 0:
                    continue
                raise ForumError(
                    "Un autre import Decidim de ce thème s'est fait en même temps. Rien n'a été enregistré : "
                    "relancez l'import."
                )
            bulk.insert(Contribution, IMPORTED_FIELDS, plan.new)
            bulk.update(Contribution, DECIDIM_UPDATED, plan.changed)
            if plan.new:
                Theme.objects.filter(pk=theme.pk).update(published_count=F("published_count") + len(plan.new))
            record = ImportRecord.objects.create(
                theme=theme,
                imported_by=imported_by,
                source=ContributionSource.DECIDIM,
                file_name=file_name[:255],
                rows=len(rows),
            )
        return DecidimImportSummary(len(plan.new), len(plan.changed), plan.unchanged, record=record)
    raise AssertionError("unreachable")  # pragma: no cover
