"""The public contributive forum: consultations, themes, contributions, supports, comments, moderation."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.urls import reverse
from django.utils import timezone

from mediane.accounts.enums import ParticipantCategory
from mediane.accounts.territories import departement_label

from . import search
from .enums import (
    AssistedChannel,
    CommentStatus,
    ContributionKind,
    ContributionSource,
    ContributionStatus,
    ModerationAction,
    ModerationReason,
    ThemePhase,
)
from .rules import CONTRIBUTION_PLACEHOLDER, CONTRIBUTION_READERS, Reader, readable_condition
from .search import fulltext_clauses, match_expression, query_terms

ANONYMOUS_NAME = "Participant·e anonyme"
SIMILAR_TERMS = 8
SIMILAR_FIELDS = ("id", "title", "kind", "search_text", "supports_count", "created_at")
SIMILAR_CANDIDATES = 200
# A draft (what a person is typing) is compared once it holds DRAFT_MIN_TERMS significant terms, so the
# panel does not flicker on the first words; a contribution is close to it when it shares DRAFT_MIN_SHARED
# of them. The best DRAFT_POOL matches of the engine are checked for that.
DRAFT_MIN_TERMS = 3
DRAFT_MIN_SHARED = 3
DRAFT_POOL = 50
# What the contribution form shows of each close contribution, and what its support rule reads.
DRAFT_SIMILAR_FIELDS = (*SIMILAR_FIELDS, "body", "status", "author", "theme")
# What a theme page lists: what everyone reads, and the placeholders of hidden ones (rules.py decides both).
LISTED_STATUSES = tuple(
    status
    for status in ContributionStatus
    if Reader.EVERYONE in CONTRIBUTION_READERS[status] or status in CONTRIBUTION_PLACEHOLDER
)


def _shared_terms(candidate: Contribution, terms: dict[str, int]) -> int:
    return len(terms.keys() & set(candidate.search_text.split()))


def _score_similar(candidates, terms: dict[str, int], limit: int, min_shared: int = 1) -> list[Contribution]:
    """Without a full-text engine: the most recent SIMILAR_CANDIDATES rows holding a term, scored by overlap."""
    matches_any = models.Q()
    for term in terms:
        matches_any |= models.Q(search_text__contains=term)
    scored = []
    for candidate in candidates.filter(matches_any).order_by("-created_at", "-id")[:SIMILAR_CANDIDATES]:
        words = set(candidate.search_text.split())
        score = sum(weight for term, weight in terms.items() if term in words)
        if score and _shared_terms(candidate, terms) >= min_shared:
            scored.append((score, candidate.pk, candidate))
    scored.sort(key=lambda row: (-row[0], -row[1]))
    return [candidate for _, _, candidate in scored[:limit]]


def similarity_terms(search_text: str) -> dict[str, int]:
    """The most frequent significant terms of an analysed text (`search_text`), with their frequency.

    Ties go to the term met first, so the title's words (written first) win over the text's.
    """
    counts: dict[str, int] = {}
    for term in search_text.split():
        # Two-letter stems match inside too many words to mean anything; weak terms are in every text.
        if len(term) > 2 and term not in search.WEAK_TERMS:
            counts[term] = counts.get(term, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])  # stable: first met first among equals
    return dict(ranked[:SIMILAR_TERMS])


class Consultation(models.Model):
    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("adresse courte", max_length=80, unique=True)
    summary = models.CharField("résumé", max_length=300)
    description = models.TextField("description")
    pre_moderation = models.BooleanField(
        "pré-modération",
        default=False,
        help_text="Si cochée, chaque contribution attend la validation d'un·e modérateur·rice avant d'être publiée.",
    )
    auto_hide_threshold = models.PositiveSmallIntegerField(
        "masquage automatique après N signalements",
        default=3,
        help_text="Une contribution signalée par ce nombre de personnes est masquée en attendant un examen. "
        "0 désactive le masquage automatique.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "consultation"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class ThemeQuerySet(models.QuerySet["Theme"]):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gt=moment)


class Theme(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField("numéro")
    slug = models.SlugField("adresse courte", max_length=80)
    title = models.CharField("titre", max_length=200)
    question = models.CharField("question posée", max_length=300)
    description = models.TextField("description")
    opens_at = models.DateTimeField("ouverture")
    closes_at = models.DateTimeField("clôture")
    meeting_date = models.DateField("date de la réunion du groupe de travail")
    meeting_label = models.CharField(
        "réunion (libellé)", max_length=60, blank=True, help_text="Par exemple « mai 2019 »."
    )
    synthesis_published_at = models.DateTimeField("synthèse publiée le", null=True, blank=True)
    # Denormalised: updated in the same transaction as the contribution it counts.
    published_count = models.PositiveIntegerField("contributions publiées", default=0)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = "thème"
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="theme_unique_number"),
            models.UniqueConstraint(fields=["consultation", "slug"], name="theme_unique_slug"),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="theme_closes_after_opening"
            ),
        ]

    def __str__(self) -> str:
        return f"Thème {self.number} : {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("consultation:theme", kwargs={"consultation": self.consultation.slug, "theme": self.slug})

    def phase_at(self, moment) -> ThemePhase:
        if self.synthesis_published_at is not None:
            return ThemePhase.SYNTHESIS_PUBLISHED
        if moment < self.opens_at:
            return ThemePhase.UPCOMING
        if moment < self.closes_at:
            return ThemePhase.OPEN
        return ThemePhase.CLOSED

    @property
    def phase(self) -> ThemePhase:
        return self.phase_at(timezone.now())

    @property
    def is_open(self) -> bool:
        return self.phase == ThemePhase.OPEN


class ContributionQuerySet(models.QuerySet["Contribution"]):
    def published(self):
        return self.filter(status=ContributionStatus.PUBLISHED)

    def listed(self):
        """What a theme page lists: published items, and hidden ones shown as a placeholder."""
        return self.filter(status__in=LISTED_STATUSES)

    def readable_by(self, user):
        """The contributions whose title, text and author `user` may read (`rules.CONTRIBUTION_READERS`).

        Every lookup by id goes through this (or through `shown_to` for a page that shows a placeholder),
        so that an id typed in an address never reveals what its reader may not read.
        """
        return self.filter(readable_condition("contribution", user))

    def readable_by_everyone(self):
        """What anyone may read, signed in or not: what the API, the open data and public links may show."""
        return self.readable_by(AnonymousUser())

    def shown_to(self, user):
        """What `user` may open a page of: what they may read, and the placeholders everyone sees."""
        return self.filter(readable_condition("contribution", user) | models.Q(status__in=CONTRIBUTION_PLACEHOLDER))

    def in_theme(self, theme):
        return self.filter(theme=theme)

    def by_kind(self, kind):
        return self.filter(kind=kind) if kind else self

    def by_category(self, category):
        return self.filter(author_category=category) if category else self

    def in_departement(self, departement):
        return self.filter(author_departement=departement) if departement else self

    def with_public_relations(self):
        return self.select_related("theme", "theme__consultation")

    def search(self, query: str):
        """Published contributions matching every term of `query`, best first, and the analysed terms.

        Returns `(queryset, terms)`; no terms (empty or only stop words) gives an empty queryset. Filter
        before searching (`Contribution.objects.in_theme(t).by_kind(k).search(q)`): on PostgreSQL the rows
        ranked are the `search.RANKING_POOL` most recent matches of the filtered set. Rows carry `search_rank`.
        """
        terms = query_terms(query)
        if not terms:
            return self.none(), terms
        return self.published().ranked_matches(match_expression(terms)), terms

    def ranked_matches(self, expression: str):
        """Rows of this queryset matching the full-text `expression`, best first, each with its `search_rank`.

        On PostgreSQL only the `search.RANKING_POOL` most recent matches are ranked (see `search.ranks_in_pool`);
        the pool is built from this queryset, so filters applied before keep their effect.
        """
        # Only bound parameters reach the SQL: the match expression is a parameter, the clauses are constants.
        matching: models.QuerySet = self
        if search.ranks_in_pool():
            pool = (
                self.extra(**fulltext_clauses(expression, rank=False))  # noqa: S610
                .order_by("-created_at", "-id")
                .values("pk")[: search.RANKING_POOL]
            )
            matching = self.model.objects.filter(pk__in=pool)
        return matching.extra(**fulltext_clauses(expression)).order_by("-search_rank", "-id")  # noqa: S610

    def listed_page(self, field: str, cursor: tuple | None = None, backwards: bool = False, size: int = 20):
        """One keyset page of listed contributions ordered by (`field`, id) descending: (rows, more).

        `cursor` is the (value, id) of the row the page starts after (or before, walking `backwards`);
        `more` says whether rows remain beyond the page in the walking direction. One indexed range scan
        per listed status, merged here: a `status IN (…)` would force the database to sort the whole theme,
        which is what makes page 1,000 slow.
        """
        queryset = self
        if cursor is not None:
            value, pk = cursor
            if backwards:
                after = models.Q(**{f"{field}__gte": value}) & (
                    models.Q(**{f"{field}__gt": value}) | models.Q(pk__gt=pk)
                )
            else:
                after = models.Q(**{f"{field}__lte": value}) & (
                    models.Q(**{f"{field}__lt": value}) | models.Q(pk__lt=pk)
                )
            queryset = queryset.filter(after)
        order = [field, "id"] if backwards else [f"-{field}", "-id"]
        rows: list[Contribution] = []
        for status in LISTED_STATUSES:
            rows.extend(queryset.filter(status=status).order_by(*order)[: size + 1])
        rows.sort(key=lambda row: (getattr(row, field), row.pk), reverse=not backwards)
        more = len(rows) > size
        rows = rows[:size]
        if backwards:
            rows.reverse()
        return rows, more

    def similar_to(self, contribution: Contribution, limit: int = 5) -> list[Contribution]:
        """Up to `limit` published contributions of the same theme sharing the most analysed terms. One query.

        The ~8 most frequent terms of the contribution are matched with OR by the full-text engine, which
        ranks the rows (bm25 / ts_rank). On another engine, a bounded LIKE scan is scored here instead.
        """
        candidates = self.published().filter(theme_id=contribution.theme_id).exclude(pk=contribution.pk)
        return candidates.closest_to(similarity_terms(contribution.search_text), limit)

    def similar_to_text(self, theme: Theme, text: str, limit: int = 5) -> list[Contribution]:
        """Up to `limit` published contributions of `theme` close to a draft (its title and text so far).

        Nothing, and no query, until the draft holds DRAFT_MIN_TERMS significant terms; then one query, and
        only the contributions sharing DRAFT_MIN_SHARED of those terms. Rows carry `DRAFT_SIMILAR_FIELDS`.
        """
        terms = similarity_terms(search.search_document(text))
        if len(terms) < DRAFT_MIN_TERMS:
            return []
        candidates = self.published().filter(theme_id=theme.pk)
        return candidates.closest_to(terms, limit, min_shared=DRAFT_MIN_SHARED, fields=DRAFT_SIMILAR_FIELDS)

    def closest_to(
        self, terms: dict[str, int], limit: int, min_shared: int = 1, fields: tuple[str, ...] = SIMILAR_FIELDS
    ) -> list[Contribution]:
        """The rows of this queryset best matching any of `terms`, holding at least `min_shared` of them."""
        if not terms:
            return []
        candidates = self.only(*fields)
        try:
            ranked = candidates.ranked_matches(search.match_expression(list(terms), any_term=True))
        except NotImplementedError:
            return _score_similar(candidates, terms, limit, min_shared)
        ranked = ranked.only(*fields)
        if min_shared <= 1:
            return list(ranked[:limit])
        close = [row for row in ranked[:DRAFT_POOL] if _shared_terms(row, terms) >= min_shared]
        return close[:limit]


class Contribution(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="contributions")
    kind = models.CharField("type de contribution", max_length=20, choices=ContributionKind.choices)
    title = models.CharField("titre", max_length=150)
    body = models.TextField("texte")
    # The body rendered from the small Markdown subset and sanitised once, at write time.
    body_html = models.TextField(editable=False)
    status = models.CharField(
        "état", max_length=12, choices=ContributionStatus.choices, default=ContributionStatus.PUBLISHED
    )

    # Who spoke, copied at writing time. Account deletion blanks the author, name and département; the category stays.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
    )
    author_name = models.CharField("nom affiché", max_length=60, blank=True)
    author_category = models.CharField("catégorie", max_length=20, choices=ParticipantCategory.choices, blank=True)
    author_departement = models.CharField("département", max_length=3, blank=True, db_index=True)

    # Where it came from: online, collected by a mediator, a workshop sheet, or an import.
    source = models.CharField(
        "origine", max_length=16, choices=ContributionSource.choices, default=ContributionSource.ONLINE
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="collected_contributions",
        verbose_name="recueillie par",
    )
    assisted_channel = models.CharField("lieu du recueil", max_length=12, choices=AssistedChannel.choices, blank=True)
    consent_recorded_at = models.DateTimeField("consentement recueilli le", null=True, blank=True)
    external_id = models.CharField("identifiant d'origine", max_length=64, blank=True)
    external_url = models.URLField("adresse d'origine", blank=True)

    hidden_reason = models.CharField("motif de masquage", max_length=24, choices=ModerationReason.choices, blank=True)
    hidden_note = models.CharField("précision sur le masquage", max_length=300, blank=True)

    # Denormalised counters, updated in the same transaction as the rows they count.
    supports_count = models.PositiveIntegerField("soutiens", default=0)
    comments_count = models.PositiveIntegerField("commentaires", default=0)
    reports_count = models.PositiveIntegerField("signalements en cours", default=0)

    # Accent-free, stemmed text that the full-text index reads (see search.py).
    search_text = models.TextField(editable=False, default="")

    created_at = models.DateTimeField("créée le", default=timezone.now)
    published_at = models.DateTimeField("publiée le", null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = "contribution"
        ordering = ["-created_at", "-id"]
        indexes = [
            # One index per sort of the theme page, so every page is an index range scan.
            models.Index(fields=["theme", "status", "-created_at", "-id"], name="contrib_theme_recent"),
            models.Index(fields=["theme", "status", "-supports_count", "-id"], name="contrib_theme_supported"),
            models.Index(fields=["theme", "status", "-comments_count", "-id"], name="contrib_theme_commented"),
            # The same sorts across every theme (API and open-data lists).
            models.Index(fields=["status", "-created_at", "-id"], name="contrib_recent"),
            models.Index(fields=["status", "-supports_count", "-id"], name="contrib_supported"),
            models.Index(fields=["status", "-comments_count", "-id"], name="contrib_commented"),
            models.Index(fields=["status", "reports_count"], name="contrib_moderation_queue"),
            models.Index(fields=["theme", "source", "external_id"], name="contrib_external_id"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultation:contribution", kwargs={"pk": self.pk})

    @property
    def display_author(self) -> str:
        return self.author_name or ANONYMOUS_NAME

    @property
    def author_departement_label(self) -> str:
        return departement_label(self.author_departement)

    @property
    def is_assisted(self) -> bool:
        return self.source in {ContributionSource.ASSISTED, ContributionSource.WORKSHOP_SHEET}

    @property
    def is_visible(self) -> bool:
        return self.status == ContributionStatus.PUBLISHED


class Support(models.Model):
    """One person's support of a contribution. The user goes on account deletion, the support stays."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="supports")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "soutien"
        constraints = [models.UniqueConstraint(fields=["contribution", "user"], name="support_once_per_person")]

    def __str__(self) -> str:
        return f"Soutien à la contribution {self.contribution_id}"


class CommentQuerySet(models.QuerySet["Comment"]):
    def listed(self):
        return self.all()

    def readable_by(self, user):
        """The comments whose text and author `user` may read: the comment's state and its contribution's
        (`rules.COMMENT_READERS` and `CONTRIBUTION_READERS`)."""
        return self.filter(readable_condition("comment", user))


class Comment(models.Model):
    """A comment on a contribution, or a reply to a comment: one reply level only."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name="en réponse à",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    author_name = models.CharField(max_length=60, blank=True)
    author_category = models.CharField(max_length=20, choices=ParticipantCategory.choices, blank=True)
    body = models.TextField("commentaire")
    body_html = models.TextField(editable=False)
    status = models.CharField(max_length=8, choices=CommentStatus.choices, default=CommentStatus.PUBLISHED)
    hidden_reason = models.CharField(max_length=24, choices=ModerationReason.choices, blank=True)
    hidden_note = models.CharField(max_length=300, blank=True)
    reports_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = "commentaire"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Commentaire de {self.display_author}"

    @property
    def display_author(self) -> str:
        return self.author_name or ANONYMOUS_NAME

    @property
    def is_visible(self) -> bool:
        return self.status == CommentStatus.PUBLISHED


class ThemeFollow(models.Model):
    """A person follows a theme and gets an e-mail digest of its new contributions."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="theme_follows")
    created_at = models.DateTimeField(default=timezone.now)
    last_digest_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "abonnement à un thème"
        constraints = [models.UniqueConstraint(fields=["theme", "user"], name="follow_once_per_person")]

    def __str__(self) -> str:
        return f"Abonnement au thème {self.theme_id}"


class Report(models.Model):
    """A person reports a contribution or a comment to the moderators, with a reason."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="reports")
    reason = models.CharField("motif", max_length=24, choices=ModerationReason.choices)
    details = models.CharField("précisions (facultatif)", max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "signalement"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contribution__isnull=False, comment__isnull=True)
                | models.Q(contribution__isnull=True, comment__isnull=False),
                name="report_targets_one_item",
            ),
            models.UniqueConstraint(
                fields=["contribution", "reporter"],
                condition=models.Q(resolved_at__isnull=True, comment__isnull=True),
                name="report_contribution_once_while_open",
            ),
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=models.Q(resolved_at__isnull=True),
                name="report_comment_once_while_open",
            ),
        ]

    def __str__(self) -> str:
        return f"Signalement ({self.get_reason_display()})"


class ModerationLog(models.Model):
    """Audit log: every moderation action, by whom, on what, and why. Never edited, never deleted."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=16, choices=ModerationAction.choices)
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, null=True, blank=True, related_name="moderation_logs"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="moderation_logs"
    )
    reason = models.CharField(max_length=24, choices=ModerationReason.choices, blank=True)
    note = models.CharField(max_length=500, blank=True)
    # A report's entry points at the report, whose free text it shows: the text lives in one row only, which the
    # deletion of the reporter's account erases.
    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="log_entries", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "action de modération"
        verbose_name_plural = "journal de modération"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} le {self.created_at:%d/%m/%Y}"

    @property
    def details(self) -> str:
        """What the entry says in words: the moderator's note, or the reporter's précisions."""
        return self.report.details if self.report is not None else self.note


class ImportRecord(models.Model):
    """Trace of a file import (workshop sheet or Decidim export): who brought what into which theme."""

    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="imports")
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    source = models.CharField(max_length=16, choices=ContributionSource.choices)
    file_name = models.CharField(max_length=255)
    rows = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "import de fichier"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import {self.get_source_display()} : {self.file_name}"
