"""The meeting dossier: what it says (`collect`), and its two renderings, Markdown and PDF (WeasyPrint).

`collect` reads the published synthesis through `mediane.synthesis.reports` and turns it into plain data:
figures, topics with representative quotes, charts (bar geometry for a server-side SVG) each with its data
table, proposals ranked by support, points of vigilance by topic, and the decisions once the meeting is held.
Every figure and quote carries the absolute address of the contributions behind it, so that each sentence of
the dossier links back to them. Rendering never queries the database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format

from mediane import pdf
from mediane.accounts.enums import ParticipantCategory
from mediane.charts import Chart, bar_chart, percent
from mediane.consultation.enums import ContributionKind
from mediane.consultation.markup import render_markup
from mediane.consultation.models import Contribution, Theme
from mediane.consultation.services import absolute_url
from mediane.french import count_phrase, plural, without_article
from mediane.synthesis import reports
from mediane.synthesis.enums import TopicKind
from mediane.synthesis.models import SynthesisRun
from mediane.text import md_escape

from .models import Decision, Meeting

QUOTES_PER_TOPIC = 3
MEMBER_LINKS_PER_TOPIC = 12
PROPOSALS = 15
VIGILANCE_PER_TOPIC = 5
DEPARTEMENTS_SHOWN = 12
CAMPAIGNS_SHOWN = 10
EXCERPT_LENGTH = 320
DEPARTEMENT_CODE_RE = re.compile(r"\(?\b(2[AB]|\d{2,3})\)?\s*$")
KIND_PLURALS = {
    ContributionKind.EXPERIENCE: "retours d'expérience",
    ContributionKind.VIGILANCE: "points de vigilance",
    ContributionKind.PROPOSAL: "propositions",
}
PLURAL_OF_LABEL = {str(kind.label): words for kind, words in KIND_PLURALS.items()}


class DossierError(Exception):
    """The dossier cannot be built. The message is French and says what to do."""


class PdfUnavailable(DossierError):
    """WeasyPrint or its system libraries are missing: the Markdown is still produced."""


PDF_UNAVAILABLE = (
    "Le PDF n'a pas pu être produit : la bibliothèque de mise en page WeasyPrint ne trouve pas ses "
    "bibliothèques système (Pango). Le dossier au format Markdown est prêt. Pour obtenir le PDF, installez "
    "Pango sur le serveur (paquet Debian libpango-1.0-0, voir docs/deployment.md), puis relancez la génération."
)


# --- Content -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    url: str


@dataclass(frozen=True)
class Quote:
    number: int
    title: str
    excerpt: str
    attribution: str
    url: str


@dataclass(frozen=True)
class TopicSentence:
    """A topic's « En une phrase », with the contribution it is taken from."""

    text: str
    title: str
    url: str


@dataclass
class TopicSection:
    number: int
    anchor: str
    label: str
    size: int
    share: str
    kinds: list[str]
    quotes: list[Quote]
    members: list[Link]
    more_members: int
    # Only while the contribution it is taken from is published (`reports.topic_overview`).
    sentence: TopicSentence | None = None


@dataclass(frozen=True)
class ShortAnswerRow:
    label: str
    count: int
    share: str
    url: str


@dataclass(frozen=True)
class CampaignEntry:
    """A text sent by several people, (nearly) word for word."""

    excerpt: str
    count: int
    url: str


@dataclass(frozen=True)
class Proposal:
    rank: int
    number: int
    title: str
    excerpt: str
    supports: int
    topic_label: str
    url: str


@dataclass(frozen=True)
class VigilanceGroup:
    label: str
    items: list[Quote]
    more: int


@dataclass(frozen=True)
class DecisionEntry:
    reference: str
    anchor: str
    title: str
    status: str
    text: str
    text_html: str
    contributions: list[Link]
    topics: list[str]
    url: str


@dataclass
class DossierContent:
    theme: Theme
    run: SynthesisRun
    generated_at: dt.datetime
    branding: bool
    operator: str
    site_name: str
    theme_url: str
    meeting_url: str
    title: str
    subtitle: str
    meeting_line: str
    figures: list[Figure]
    summary: list[str]
    topics: list[TopicSection]
    charts: list[Chart]
    topics_by_kind: list[tuple[Link, list[int]]]
    kind_headers: list[str]
    proposals: list[Proposal]
    vigilance: list[VigilanceGroup]
    decisions: list[DecisionEntry]
    non_informative: int = 0
    duplicate_groups: int = 0
    short_answers: list[ShortAnswerRow] = field(default_factory=list)
    short_answers_total: int = 0
    other: Link | None = None
    other_count: int = 0
    campaigns: list[CampaignEntry] = field(default_factory=list)
    campaigns_more: int = 0
    contents: list[Link] = field(default_factory=list)


def contribution_url(pk: int) -> str:
    return absolute_url(reverse("consultation:contribution", kwargs={"pk": pk}))


def topic_url(pk: int) -> str:
    return absolute_url(reverse("synthesis:topic", kwargs={"pk": pk}))


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """The start of `text` on one line, cut at a word boundary, with an ellipsis when cut."""
    flat = " ".join((text or "").split())
    if len(flat) <= length:
        return flat
    cut = flat[:length].rsplit(" ", 1)[0].rstrip(",;:.")
    return f"{cut}…"


def kind_count(count: int, kind_label: str) -> str:
    """« 1 proposition », « 3 points de vigilance »: a count with its kind of contribution."""
    return count_phrase(count, kind_label.lower(), PLURAL_OF_LABEL.get(kind_label, kind_label.lower()))


def attribution(contribution: Contribution) -> str:
    parts = [contribution.get_author_category_display() or "Participant·e"]
    if contribution.author_departement_label:
        parts.append(contribution.author_departement_label)
    parts.append(f"contribution n° {contribution.pk}")
    return ", ".join(parts)


def quote(contribution: Contribution) -> Quote:
    return Quote(
        number=contribution.pk,
        title=contribution.title,
        excerpt=excerpt(contribution.body),
        attribution=attribution(contribution),
        url=absolute_url(contribution.get_absolute_url()),
    )


def topic_sentence(sentence: reports.Sentence | None) -> TopicSentence | None:
    if sentence is None:
        return None
    source = sentence.source
    return TopicSentence(sentence.text, f"contribution n° {source.pk}", absolute_url(source.get_absolute_url()))


def filtered_theme_url(theme: Theme, **filters: str) -> str:
    query = urlencode({name: value for name, value in filters.items() if value})
    return absolute_url(theme.get_absolute_url()) + (f"?{query}" if query else "")


def _kind_code(label: str) -> str:
    return {str(kind.label): kind.value for kind in ContributionKind}.get(label, "")


def _category_code(label: str) -> str:
    return {str(category.label): category.value for category in ParticipantCategory}.get(label, "")


def _departement_code(label: str) -> str:
    found = DEPARTEMENT_CODE_RE.search(label or "")
    return found.group(1) if found else ""


def _format_date(value) -> str:
    return date_format(value, "j F Y")


def collect(meeting: Meeting, run: SynthesisRun) -> DossierContent:
    """Everything the dossier says about `meeting`, from the synthesis `run` of its theme."""
    theme = meeting.theme
    theme_url = filtered_theme_url(theme)
    all_topics = reports.topic_overview(run)
    overview = [summary for summary in all_topics if summary.topic.kind == TopicKind.TOPIC]
    non_informative = sum(summary.size for summary in all_topics if summary.topic.kind == TopicKind.NON_INFORMATIVE)
    other = next((summary for summary in all_topics if summary.topic.kind == TopicKind.OTHER and summary.size), None)
    short = reports.short_answers(all_topics)
    duplicates = reports.duplicate_groups(run)
    campaigns = reports.campaigns(duplicates)
    breakdown = reports.breakdowns(run, all_topics)
    # Contributions of the run still published today: one hidden since the run is neither counted nor quoted.
    analysed = sum(count for _, count in breakdown.by_kind)

    topics = []
    member_links = reports.first_members(run, MEMBER_LINKS_PER_TOPIC)
    for number, summary in enumerate(overview, start=1):
        topic = summary.topic
        members = [Link(f"n° {pk}", contribution_url(pk)) for pk in member_links.get(topic.pk, [])]
        topics.append(
            TopicSection(
                number=number,
                anchor=f"sujet-{number}",
                label=topic.label,
                size=summary.size,
                share=percent(summary.size, analysed),
                kinds=[kind_count(count, label) for label, count in sorted(summary.kinds.items(), key=lambda i: -i[1])],
                quotes=[quote(contribution) for contribution in summary.representatives[:QUOTES_PER_TOPIC]],
                members=members,
                more_members=max(0, summary.size - len(members)),
                sentence=topic_sentence(summary.sentence),
            )
        )

    by_kind = [(label, count, filtered_theme_url(theme, type=_kind_code(label))) for label, count in breakdown.by_kind]
    by_category = [
        (label, count, filtered_theme_url(theme, categorie=_category_code(label)))
        for label, count in breakdown.by_category
    ]
    departements = [
        (label, count, filtered_theme_url(theme, departement=_departement_code(label)))
        for label, count in breakdown.by_departement
    ]
    shown, rest = departements[:DEPARTEMENTS_SHOWN], departements[DEPARTEMENTS_SHOWN:]
    departement_note = ""
    others = None
    if rest:
        others = (f"Autres départements ({len(rest)})", sum(count for _, count, _ in rest), theme_url)
        departement_note = (
            f"Les {DEPARTEMENTS_SHOWN} départements qui ont le plus contribué ; "
            + plural(rest, "l'autre est dans", f"les {len(rest)} autres sont regroupés dans")
            + " la dernière ligne du tableau."
        )
    charts = [
        bar_chart(
            "sujets",
            "Contributions par sujet de la synthèse",
            # Inside the dossier a topic's bar points to its section, where its contributions are listed.
            [(section.label, section.size, f"#{section.anchor}") for section in topics],
            "Sujet",
        ),
        bar_chart("types", "Contributions par type", by_kind, "Type de contribution"),
        bar_chart("categories", "Contributions par catégorie de participant·e", by_category, "Catégorie"),
        bar_chart(
            "departements", "Contributions par département", shown, "Département", note=departement_note, others=others
        ),
    ]
    anchors = {summary.topic.pk: section.anchor for summary, section in zip(overview, topics, strict=True)}
    topics_by_kind = [
        (Link(topic.label, f"#{anchors.get(topic.pk, 'sujets')}"), counts)
        for topic, counts in breakdown.topic_kind_rows
        if topic.kind == TopicKind.TOPIC
    ]

    proposals = [
        Proposal(
            rank=rank,
            number=contribution.pk,
            title=contribution.title,
            excerpt=excerpt(contribution.body, 220),
            supports=contribution.supports_count,
            topic_label=getattr(contribution, "topic_label", ""),
            url=absolute_url(contribution.get_absolute_url()),
        )
        for rank, contribution in enumerate(reports.top_proposals(run, limit=PROPOSALS), start=1)
    ]
    vigilance_label = str(ContributionKind.VIGILANCE.label)
    vigilance_totals = {summary.topic.pk: summary.kinds.get(vigilance_label, 0) for summary in all_topics}
    vigilance = [
        VigilanceGroup(
            label=topic.label,
            items=[quote(contribution) for contribution in contributions],
            more=max(0, vigilance_totals.get(topic.pk, 0) - len(contributions)),
        )
        for topic, contributions in reports.vigilance_points(run, per_topic=VIGILANCE_PER_TOPIC)
        if contributions
    ]
    # Only a held meeting has decisions (`services.record_decision` refuses them before).
    decisions = [decision_entry(decision) for decision in Decision.objects.filter(meeting=meeting).with_links()]

    counts = dict(breakdown.by_kind)
    figures = [
        Figure("contributions publiées", number_format(analysed, force_grouping=True), theme_url),
        Figure("sujets dégagés par la synthèse", str(len(topics)), theme_url),
    ]
    for kind in ContributionKind:
        count = number_format(counts.get(str(kind.label), 0), force_grouping=True)
        figures.append(Figure(KIND_PLURALS[kind], count, filtered_theme_url(theme, type=kind.value)))
    figures.append(Figure("départements représentés", str(len(breakdown.by_departement)), theme_url))
    figures.append(Figure("catégories de participant·es", str(len(breakdown.by_category)), theme_url))

    sentences = _summary_sentences(theme, analysed, topics, proposals, theme_url)
    # A title on the cover and the running head: « Ministère de la Culture », without the article of a sentence.
    operator = without_article(settings.MEDIANE_OPERATOR)
    place = f", {meeting.place}" if meeting.place else ""
    content = DossierContent(
        theme=theme,
        run=run,
        generated_at=timezone.localtime(),
        branding=settings.MEDIANE_STATE_BRANDING,
        operator=operator,
        site_name=settings.MEDIANE_SITE_NAME,
        theme_url=theme_url,
        meeting_url=absolute_url(meeting.get_absolute_url()),
        title="Dossier de la réunion du groupe de travail",
        subtitle=f"Thème {theme.number} : {theme.title}",
        meeting_line=f"Réunion du {_format_date(meeting.date)}{place}",
        figures=figures,
        summary=sentences,
        topics=topics,
        charts=charts,
        topics_by_kind=topics_by_kind,
        kind_headers=breakdown.kind_headers,
        proposals=proposals,
        vigilance=vigilance,
        decisions=decisions,
        non_informative=non_informative,
        duplicate_groups=len(duplicates),
        short_answers=[
            ShortAnswerRow(topic.label, count, percent(count, short.total), topic_url(topic.pk))
            for topic, count in short.rows
        ],
        short_answers_total=short.total,
        other=Link(other.topic.label, topic_url(other.topic.pk)) if other else None,
        other_count=other.size if other else 0,
        campaigns=[
            CampaignEntry(excerpt(campaign.text.body), campaign.count, absolute_url(campaign.text.get_absolute_url()))
            for campaign in campaigns[:CAMPAIGNS_SHOWN]
        ],
        campaigns_more=max(0, len(campaigns) - CAMPAIGNS_SHOWN),
    )
    content.contents = table_of_contents(content)
    return content


def decision_entry(decision: Decision) -> DecisionEntry:
    return DecisionEntry(
        reference=decision.reference,
        anchor=decision.anchor,
        title=decision.title,
        status=decision.get_status_display(),
        text=decision.text.strip(),
        text_html=decision.text_html,
        contributions=[
            Link(f"n° {contribution.pk} — {contribution.title}", absolute_url(contribution.get_absolute_url()))
            for contribution in decision.contributions.all()
        ],
        topics=[topic.label for topic in decision.topics.all()],
        url=absolute_url(decision.get_absolute_url()),
    )


def _summary_sentences(
    theme: Theme, analysed: int, topics: list[TopicSection], proposals: list[Proposal], theme_url: str
) -> list[str]:
    """The synthesis in a few plain sentences (Markdown inline links), each pointing to its sources."""
    sentences = [
        f"Le forum a reçu [{number_format(analysed, force_grouping=True)} contributions]({theme_url}) sur ce thème : "
        "retours d'expérience, points de vigilance et propositions."
    ]
    if topics:
        largest = topics[:3]
        named = ", ".join(f"[{md_escape(section.label)}](#{section.anchor}) ({section.size})" for section in largest)
        sentences.append(
            f"La synthèse automatique les regroupe en {count_phrase(len(topics), 'sujet')} ; "
            f"{plural(largest, 'le plus fourni est', 'les plus fournis sont')} : {named}."
        )
    if proposals:
        first = proposals[0]
        sentences.append(
            f"La proposition la plus soutenue est « [{md_escape(first.title)}]({first.url}) » "
            f"({count_phrase(first.supports, 'soutien')})."
        )
    return sentences


def table_of_contents(content: DossierContent) -> list[Link]:
    entries = [
        Link("Le thème et la question posée", "#theme"),
        Link("Chiffres clés", "#chiffres"),
        Link("Synthèse : les sujets", "#sujets"),
        Link("Graphiques et tableaux", "#graphiques"),
        Link("Propositions classées par soutiens", "#propositions"),
        Link("Points de vigilance", "#vigilance"),
    ]
    if content.decisions:
        entries.append(Link("Décisions du groupe de travail", "#decisions"))
    entries.append(Link("Méthode et sources", "#methode"))
    return entries


def file_stem(meeting: Meeting, dossier_pk: int) -> str:
    return f"dossier-theme-{meeting.theme.number}-{meeting.date:%Y-%m-%d}-{dossier_pk}"


# --- Markdown ----------------------------------------------------------------------------------------------


def render_markdown(content: DossierContent) -> str:
    """The dossier in Markdown: same sections as the PDF; each chart is given by its data table."""
    return render_to_string(
        "workinggroup/dossier/dossier.md", {"dossier": content, "method": _method_sentences(content, md=True)}
    )


def _method_sentences(content: DossierContent, md: bool) -> list[str]:
    run = content.run
    theme_link = f"[page du thème]({content.theme_url})" if md else "page du thème"
    lines = [
        f"La synthèse n° {run.pk} a été calculée le {_format_date(run.finished_at or run.created_at)} sur "
        + plural(
            run.contributions_count,
            "la seule contribution publiée du thème à cette date, consultable",
            f"les {number_format(run.contributions_count, force_grouping=True)} contributions publiées du thème à "
            "cette date, toutes consultables",
        )
        + f" sur la {theme_link}. Les chiffres de ce dossier ne comptent que les contributions encore publiées "
        "aujourd'hui.",
        "Les contributions sont regroupées automatiquement par proximité de vocabulaire ; les intitulés des sujets "
        "ont pu être revus par le groupe de travail. Les citations sont les contributions les plus représentatives "
        "de chaque sujet, reproduites sans modification.",
    ]
    if content.short_answers_total:
        lines.append(
            count_phrase(content.short_answers_total, "réponse courte", "réponses courtes")
            + " (« oui », « non », « je ne sais pas »…) "
            + plural(content.short_answers_total, "est comptée", "sont comptées")
            + " à part, dans aucun sujet."
        )
    if content.non_informative:
        lines.append(
            count_phrase(content.non_informative, "réponse vide", "réponses vides")
            + " (« RAS », « néant »…) "
            + plural(content.non_informative, "n'est rattachée", "ne sont rattachées")
            + " à aucun sujet."
        )
    if content.duplicate_groups:
        lines.append(
            count_phrase(
                content.duplicate_groups,
                "groupe de contributions quasi identiques",
                "groupes de contributions quasi identiques",
            )
            + plural(content.duplicate_groups, " a été repéré.", " ont été repérés.")
        )
    return lines


# --- PDF ---------------------------------------------------------------------------------------------------


def render_html(content: DossierContent) -> str:
    """The dossier as one HTML document for WeasyPrint (print CSS: cover, contents, page numbers)."""
    return render_to_string(
        "workinggroup/dossier/dossier.html",
        {
            "dossier": content,
            "css": render_to_string("workinggroup/dossier/dossier.css", {"dossier": content}),
            "method": _method_sentences(content, md=False),
            "summary_html": [_inline_markdown(sentence) for sentence in content.summary],
        },
    )


def _inline_markdown(sentence: str) -> str:
    return render_markup(sentence).removeprefix("<p>").removesuffix("</p>")


def render_pdf(content: DossierContent) -> tuple[bytes, int]:
    """The PDF bytes and its number of pages; `PdfUnavailable` (the dossier's message) without WeasyPrint."""
    try:
        return pdf.render_pdf(render_html(content), settings.MEDIANE_BASE_URL)
    except pdf.PdfUnavailable as error:
        raise PdfUnavailable(PDF_UNAVAILABLE) from error
