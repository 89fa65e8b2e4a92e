"""Bulk seeding of the benchmark database: one consultation, three themes, N contributions of varied text.

Analysing text for search (`search_document`) is the slow part, so a few thousand distinct texts are analysed
once and reused. Rows go in with COPY on PostgreSQL (secondary indexes dropped first and rebuilt after) and
with `executemany` in large transactions on SQLite (the FTS5 index is rebuilt in one pass at the end).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from mediane.accounts.enums import ParticipantCategory
from mediane.consultation.enums import ContributionKind, ContributionSource, ContributionStatus
from mediane.consultation.markup import render_markup
from mediane.consultation.models import Contribution, Theme
from mediane.consultation.search import repair_fulltext_triggers, search_document

CONSULTATION_SLUG = "bench-inclusion-numerique"
DISTINCT_TEXTS = 4000
BATCH = 20_000
SEED = 20190501

OPENINGS = [
    "Dans notre médiathèque,",
    "À la bibliothèque municipale,",
    "Depuis l'an dernier, notre réseau de lecture publique",
    "Avec les conseillers numériques du département,",
    "En zone rurale,",
    "Dans le quartier prioritaire,",
    "Avec le centre social voisin,",
    "Lors des permanences du samedi,",
    "Pendant le confinement,",
    "Avec l'appui de la communauté de communes,",
]
ACTIONS = [
    "nous accompagnons les usagers dans leurs démarches administratives en ligne",
    "nous proposons des ateliers d'initiation à l'ordinateur et à la tablette",
    "les bibliothécaires aident les demandeurs d'emploi à mettre à jour leur CV",
    "nous prêtons des tablettes et des clés 4G aux familles qui n'ont pas de connexion",
    "un médiateur numérique reçoit sur rendez-vous deux après-midis par semaine",
    "nous formons les agents d'accueil à repérer les personnes en difficulté avec le numérique",
    "les seniors apprennent à utiliser la messagerie et la visioconférence",
    "nous organisons des cafés numériques ouverts à tous",
    "nous orientons les personnes vers France Services pour les dossiers complexes",
    "les jeunes du service civique animent des ateliers de prise en main du smartphone",
    "nous avons installé un espace public numérique avec imprimante et scanner",
    "nous accueillons les allocataires qui doivent déclarer leurs ressources en ligne",
]
OBSERVATIONS = [
    "La demande dépasse largement nos capacités d'accueil.",
    "Les usagers reviennent souvent pour la même démarche, faute d'autonomie.",
    "Le manque de formation des équipes reste le principal frein.",
    "Les horaires d'ouverture ne correspondent pas toujours aux besoins des actifs.",
    "La question des données personnelles inquiète beaucoup les bibliothécaires.",
    "Le matériel vieillit vite et le budget de renouvellement manque.",
    "Le partenariat avec la CAF et Pôle emploi a beaucoup simplifié l'orientation.",
    "Les personnes allophones ont besoin d'un accompagnement spécifique.",
    "Le diagnostic des besoins au premier accueil permet de mieux orienter.",
    "La confidentialité est difficile à garantir dans un espace ouvert.",
    "Les ateliers collectifs créent du lien et rompent l'isolement.",
    "Il faut du temps pour gagner la confiance des publics éloignés.",
    "Les élus soutiennent le projet mais les moyens humains restent limités.",
    "La fracture numérique touche aussi des jeunes que l'on croit à l'aise.",
]
PROPOSALS = [
    "Nous proposons de créer un réseau régional de bibliothèques référentes.",
    "Il faudrait un financement pérenne pour les postes de médiateurs.",
    "Une formation commune aux bibliothécaires et aux travailleurs sociaux serait utile.",
    "Un kit de communication national aiderait à faire connaître ces services.",
    "Il serait bon de reconnaître la médiation numérique dans les missions des bibliothèques.",
    "Nous suggérons un annuaire des lieux d'accompagnement tenu à jour.",
    "Un guide sur l'accompagnement aux démarches et la protection des données est nécessaire.",
    "Les bibliothèques devraient pouvoir accueillir des conseillers numériques.",
    "Un temps d'échange de pratiques entre établissements chaque trimestre serait précieux.",
    "Il faut prévoir des horaires élargis le soir et le week-end.",
]
TITLE_SUBJECTS = [
    "Ateliers numériques",
    "Accompagnement aux démarches",
    "Formation des bibliothécaires",
    "Prêt de tablettes",
    "Médiation numérique en zone rurale",
    "Accueil des seniors",
    "Orientation vers France Services",
    "Protection des données personnelles",
    "Partenariat avec les centres sociaux",
    "Publics allophones",
    "Espace public numérique",
    "Conseillers numériques",
    "Horaires d'ouverture",
    "Diagnostic des besoins",
]
TITLE_QUALIFIERS = [
    "en médiathèque",
    "le samedi matin",
    "pour les demandeurs d'emploi",
    "avec les associations locales",
    "dans les petites communes",
    "pour les familles",
    "au premier accueil",
    "en réseau intercommunal",
    "et confidentialité",
    "sur rendez-vous",
]
NAMES = [
    "Camille",
    "Dominique",
    "Leïla",
    "Malik",
    "Sophie",
    "Yann",
    "Nadia",
    "Hugo",
    "Inès",
    "Thomas",
    "Élise",
]
DEPARTEMENTS = [
    "01",
    "13",
    "29",
    "31",
    "33",
    "35",
    "44",
    "59",
    "62",
    "69",
    "75",
    "93",
    "974",
    "2A",
    "67",
    "87",
]
THEMES = [
    (1, "role-et-missions", "Rôle et missions des bibliothèques", "mai 2019"),
    (2, "publics-cibles", "Publics cibles : du diagnostic des besoins à l'orientation", "juillet 2019"),
    (3, "formation", "Formation et professionnalisation", "septembre 2019"),
]


@dataclass
class Text:
    title: str
    body: str
    body_html: str
    search_text: str


def make_texts(rng: random.Random, count: int = DISTINCT_TEXTS) -> list[Text]:
    texts = []
    for index in range(count):
        title = f"{rng.choice(TITLE_SUBJECTS)} {rng.choice(TITLE_QUALIFIERS)}"
        if index % 3:
            title += f" ({rng.choice(DEPARTEMENTS)})"
        sentences = [f"{rng.choice(OPENINGS)} {rng.choice(ACTIONS)}."]
        sentences += rng.sample(OBSERVATIONS, rng.randint(1, 3))
        if rng.random() < 0.6:
            sentences.append(rng.choice(PROPOSALS))
        paragraphs = [" ".join(sentences)]
        if rng.random() < 0.3:
            paragraphs.append("- " + "\n- ".join(rng.sample(PROPOSALS, 2)))
        body = "\n\n".join(paragraphs)
        texts.append(Text(title[:150], body, render_markup(body), search_document(title, body)))
    return texts


def ensure_themes():
    from mediane.consultation.models import Consultation

    now = timezone.now()
    consultation, _ = Consultation.objects.get_or_create(
        slug=CONSULTATION_SLUG,
        defaults={
            "title": "Inclusion numérique en bibliothèque (banc d'essai)",
            "summary": "Consultation générée pour le banc d'essai.",
            "description": "Données de charge : aucun contenu réel.",
        },
    )
    themes = []
    for number, slug, title, label in THEMES:
        theme, _ = Theme.objects.update_or_create(
            consultation=consultation,
            number=number,
            defaults={
                "slug": slug,
                "title": title,
                "question": f"{title} : qu'en pensez-vous ?",
                "description": "Thème du banc d'essai.",
                "opens_at": now - dt.timedelta(days=200),
                "closes_at": now + dt.timedelta(days=30 * number),
                "meeting_date": (now + dt.timedelta(days=30 * number + 7)).date(),
                "meeting_label": label,
            },
        )
        themes.append(theme)
    return themes


def _skewed(rng: random.Random, cap: int, alpha: float) -> int:
    return min(cap, int(rng.paretovariate(alpha)) - 1)


def _rows(rng, texts, themes, size, columns, now):
    """Yield tuples in `columns` order; also counts the published rows per theme into `published`."""
    kinds = list(ContributionKind.values)
    categories = list(ParticipantCategory.values)
    defaults = {f.column: f.get_default() for f in Contribution._meta.concrete_fields if f.column in columns}
    span = 200 * 24 * 3600
    for index in range(size):
        text = texts[rng.randrange(len(texts))]
        theme = themes[index % len(themes)]
        draw = rng.random()
        status = (
            ContributionStatus.PUBLISHED
            if draw < 0.985
            else ContributionStatus.HIDDEN
            if draw < 0.995
            else ContributionStatus.WITHDRAWN
        )
        created = now - dt.timedelta(seconds=rng.randrange(span))
        assisted = rng.random() < 0.05
        values = dict(defaults)
        values.update(
            theme_id=theme.pk,
            kind=rng.choice(kinds),
            title=text.title,
            body=text.body,
            body_html=text.body_html,
            search_text=text.search_text,
            status=status,
            author_id=None,
            author_name="" if assisted else rng.choice(NAMES),
            author_category=rng.choice(categories),
            author_departement=rng.choice(DEPARTEMENTS),
            source=ContributionSource.ASSISTED if assisted else ContributionSource.ONLINE,
            collected_by_id=None,
            assisted_channel="accueil" if assisted else "",
            consent_recorded_at=created if assisted else None,
            hidden_reason="hors_sujet" if status == ContributionStatus.HIDDEN else "",
            supports_count=_skewed(rng, 900, 1.3),
            comments_count=_skewed(rng, 120, 1.8),
            reports_count=0,
            created_at=created,
            published_at=created,
        )
        yield status, theme.pk, tuple(values[column] for column in columns)


def _secondary_indexes(cursor) -> list[tuple[str, str]]:
    cursor.execute(
        """
        SELECT i.relname, pg_get_indexdef(i.oid)
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = 'consultation_contribution'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        """
    )
    return cursor.fetchall()


def seed(size: int, log=print) -> dict[str, float]:
    """Replace every contribution by `size` generated ones; return the seconds spent per step."""
    timings: dict[str, float] = {}
    rng = random.Random(SEED)  # noqa: S311 - reproducible load data, not security
    started = time.perf_counter()
    texts = make_texts(rng)
    timings["textes"] = time.perf_counter() - started
    log(f"  {len(texts)} textes distincts analysés en {timings['textes']:.1f} s")

    themes = ensure_themes()
    columns = [f.column for f in Contribution._meta.concrete_fields if f.column != "id"]
    now = timezone.now()
    published = {theme.pk: 0 for theme in themes}
    vendor = connection.vendor
    table = Contribution._meta.db_table

    started = time.perf_counter()
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("TRUNCATE consultation_contribution RESTART IDENTITY CASCADE")
            indexes = _secondary_indexes(cursor)
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            raw = cursor.cursor  # psycopg 3 cursor under Django's wrapper
            with transaction.atomic():
                with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for done, (status, theme_id, row) in enumerate(_rows(rng, texts, themes, size, columns, now), 1):
                        copy.write_row(row)
                        published[theme_id] += status == ContributionStatus.PUBLISHED
                        if done % 100_000 == 0:
                            log(f"  {done:,} lignes copiées".replace(",", " "))
            timings["insertion"] = time.perf_counter() - started
            started = time.perf_counter()
            cursor.execute("SET maintenance_work_mem = '1GB'")
            for name, definition in indexes:
                cursor.execute(definition)
                log(f"  index {name} reconstruit")
        else:
            cursor.execute("DELETE FROM consultation_contribution")
            cursor.execute("DROP TRIGGER IF EXISTS consultation_contribution_fts_ai")
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608 - model names
            batch = []
            for done, (status, theme_id, row) in enumerate(_rows(rng, texts, themes, size, columns, now), 1):
                batch.append(row)
                published[theme_id] += status == ContributionStatus.PUBLISHED
                if len(batch) == BATCH:
                    with transaction.atomic():
                        cursor.executemany(sql, batch)
                    batch = []
                if done % 100_000 == 0:
                    log(f"  {done:,} lignes insérées".replace(",", " "))
            if batch:
                with transaction.atomic():
                    cursor.executemany(sql, batch)
            timings["insertion"] = time.perf_counter() - started
            started = time.perf_counter()
            # Recreates the dropped trigger and rebuilds the FTS5 index in one pass.
            repair_fulltext_triggers()
        for theme in themes:
            Theme.objects.filter(pk=theme.pk).update(published_count=published[theme.pk])
        cursor.execute("ANALYZE")
    timings["index et statistiques"] = time.perf_counter() - started
    timings["total"] = sum(timings.values())
    return timings


def seeded_size() -> int:
    return Contribution.objects.filter(theme__consultation__slug=CONSULTATION_SLUG).count()
