"""French full-text search over published contributions.

The text is analysed once, in Python, the same way on every database: lower case, accents removed,
French stop words dropped, each word reduced to its Snowball stem (the stemmer PostgreSQL's `french`
configuration uses). The analysed text is stored in `Contribution.search_text` and indexed by the
database's own full-text engine: an FTS5 table on SQLite, a GIN index on `to_tsvector('simple', …)`
on PostgreSQL. Results are ranked by the engine (bm25 / ts_rank) and highlighted here, on the page's
few rows, so both backends behave alike and the same tests hold on both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TERMS = 12
# How many of the most recent matches PostgreSQL ranks (see `ranks_in_pool`): search shows 50 pages of 20.
RANKING_POOL = 1000

# Frequent French words that carry no meaning for search (written without accents, as analysed).
STOP_WORDS = frozenset(
    """
    a ai aie aient aies ait as au aucun aussi autre aux avec avoir c ca ce ceci cela celle celles
    celui ces cet cette ceux chaque ci comme comment d dans de des du donc dont elle elles en encore
    est et etaient etait etant ete etre eu eux fait faut il ils j je l la le les leur leurs lui m ma
    mais me meme mes moi mon n ne ni nos notre nous on ont ou par pas peu peut plus pour qu quand
    que quel quelle quelles quels qui s sa sans se ses si son sont sur t ta te tes toi ton tous tout
    toute toutes tres tu un une vos votre vous y
    """.split()
)

_stemmer = snowballstemmer.stemmer("french")


def fold(text: str) -> str:
    """Lower-case `text` and strip its accents (« Médiathèque » → « mediatheque »)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem one folded word. The stemmer expects accents, but stems of folded words stay consistent."""
    return _stemmer.stemWord(word)


# Words that say nothing of what a text is about (« peuvent », « beaucoup », « personnes »): search still finds
# them, but similarity ignores them, or any two contributions would look alike. Stemmed like `analyse` does.
WEAK_TERMS = frozenset(
    stem(word)
    for word in """
    peut peuvent pouvoir pouvons pourrait pourraient pourrions doit doivent devoir devons devrait devraient
    faut faudrait falloir fait faire font faisons veut veulent vouloir voudrait voudraient beaucoup chose
    choses gens personne personnes bien vraiment souvent toujours jamais ici fois exemple besoin besoins avons
    """.split()
)


def analyse(text: str) -> list[str]:
    """The search terms of a text: folded, stop words dropped, stemmed."""
    return [stem(word) for word in WORD_RE.findall(fold(text)) if word not in STOP_WORDS and len(word) > 1]


def search_document(*parts: str) -> str:
    """What `Contribution.search_text` stores for the given fields."""
    return " ".join(analyse(" ".join(parts)))


def query_terms(query: str) -> list[str]:
    """Distinct terms of a user's query, in order, capped so a pasted essay stays a cheap query."""
    seen: dict[str, None] = {}
    for term in analyse(query):
        seen.setdefault(term, None)
    return list(seen)[:MAX_QUERY_TERMS]


def highlight(text: str, terms: Iterable[str]) -> SafeString:
    """Escape `text` and wrap in <mark> every word whose stem is one of `terms`."""
    wanted = set(terms)
    if not wanted:
        return mark_safe(escape(text))  # noqa: S308 - escaped just above
    pieces: list[str] = []
    last = 0
    for match in WORD_RE.finditer(text):
        folded = fold(match.group())
        if folded not in STOP_WORDS and stem(folded) in wanted:
            pieces.append(escape(text[last : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped


def excerpt(text: str, terms: Iterable[str], width: int = 240) -> SafeString:
    """A window of `text` around the first matching word, highlighted."""
    wanted = set(terms)
    start = 0
    for match in WORD_RE.finditer(text):
        if stem(fold(match.group())) in wanted:
            start = max(0, match.start() - width // 3)
            break
    window = text[start : start + width]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(text) else ""
    return mark_safe(prefix + highlight(window, wanted) + suffix)  # noqa: S308 - highlight escapes


def match_expression(terms: list[str], any_term: bool = False, vendor: str | None = None) -> str:
    """The engine's query for `terms` (all of them by default, any of them for similarity).

    Terms come out of `analyse`, so they hold word characters only; they are quoted anyway, so that no
    user text is ever read as query syntax (FTS5's NEAR, *, -, parentheses; tsquery's !, :, &).
    """
    vendor = vendor or connection.vendor
    if vendor == "postgresql":
        return (" | " if any_term else " & ").join(f"'{term}'" for term in terms)
    return (" OR " if any_term else " AND ").join(f'"{term}"' for term in terms)


# The table that the forum searches; other apps index their own table the same way (`index_table`).
CONTRIBUTION_TABLE = "consultation_contribution"
_TABLES_KEPT: list[str] = [CONTRIBUTION_TABLE]


_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")


def _checked(table: str) -> str:
    if not _IDENTIFIER.fullmatch(table):
        raise ValueError(f"Not a table name: {table!r}")
    return table


def index_table(table: str) -> None:
    """Declares another table searched like contributions: a `search_text` column of `search_document`s, an
    FTS5 table `<table>_fts` with the triggers of `sqlite_triggers(table)` on SQLite, a stored `search_vector`
    column on PostgreSQL (created by the app's own migration). Its triggers are then repaired after `migrate`."""
    if _checked(table) not in _TABLES_KEPT:
        _TABLES_KEPT.append(table)


def _rank_sql(table: str, vendor: str) -> str:
    if vendor == "postgresql":
        return f"ts_rank({table}.search_vector, to_tsquery('simple', %s))"
    return f"-bm25({table}_fts)"


def _match_sql(table: str, vendor: str) -> str:
    if vendor == "postgresql":
        # `search_vector` is the stored tsvector of search_text, GIN-indexed (the table's migration).
        return f"{table}.search_vector @@ to_tsquery('simple', %s)"
    # The FTS5 table is joined by rowid (bm25 only works on the table being matched).
    return f"{table}_fts.rowid = {table}.id AND {table}_fts MATCH %s"


_POOL_MATCH_SQL = "search_vector @@ to_tsquery('simple', %s)"


def fulltext_clauses(expression: str, vendor: str | None = None, rank: bool = True, table: str = "") -> dict:
    """Arguments for `QuerySet.extra()` that keep the rows of `table` (contributions by default) matching
    `expression`, with their `search_rank`.

    On SQLite the FTS5 table is joined by rowid (bm25 only works on the table being matched); on
    PostgreSQL the condition is the indexed `search_vector @@ to_tsquery(...)`. The table's name comes from
    code, never from a request; the expression is always a bound parameter.
    """
    vendor = vendor or connection.vendor
    table = _checked(table or CONTRIBUTION_TABLE)
    if vendor not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"Full-text search is not available on {vendor}.")
    rank_params = [expression] if vendor == "postgresql" else []
    match = _match_sql(table, vendor)
    if not rank and vendor == "postgresql":
        # Used inside a subquery, where Django aliases the table (U0): a qualified name would point at
        # the outer query's row and make the subquery correlated. The subquery has no join, so the bare
        # column name is unambiguous.
        match = _POOL_MATCH_SQL
    tables = [f"{table}_fts"] if vendor == "sqlite" else []
    clauses: dict = {"tables": tables, "where": [match], "params": [expression]}
    if rank:
        clauses.update(select={"search_rank": _rank_sql(table, vendor)}, select_params=rank_params)
    return clauses


def ranks_in_pool(vendor: str | None = None) -> bool:
    """Whether ranking is done on a bounded pool of the most recent matches rather than on every match.

    PostgreSQL ranks each row it is given, so a very common word (a tenth of a million contributions) is
    ranked on the RANKING_POOL most recent matches only, which is also all that search pages can reach.
    FTS5 ranks inside its own index lookup and needs no pool.
    """
    return (vendor or connection.vendor) == "postgresql"


# --- Keeping the SQLite index alive -------------------------------------------------------------------


# Copy of the triggers created by migration 0002 (and by the migrations of tables declared with `index_table`).
# On SQLite, a migration that alters an indexed table rebuilds it (create, copy, drop, rename), and dropping the
# old table drops its triggers: the index would then silently go stale. `repair_fulltext_triggers` runs after
# every `migrate`.
def sqlite_triggers(table: str) -> dict[str, str]:
    """The SQLite triggers that keep `<table>_fts` in step with `<table>.search_text`, by name."""
    fts = f"{_checked(table)}_fts"
    # Table names come from code (`index_table`), checked to be plain identifiers.
    return {
        f"{fts}_ai": f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "  # noqa: S608
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"{fts}_ad": f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "  # noqa: S608
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
        f"{fts}_au": f"CREATE TRIGGER {fts}_au AFTER UPDATE OF search_text ON {table} BEGIN "  # noqa: S608
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
    }


SQLITE_TRIGGERS = sqlite_triggers(CONTRIBUTION_TABLE)


def repair_fulltext_triggers(using: str = "default", **kwargs) -> list[str]:
    """Recreate the missing SQLite triggers of every indexed table and rebuild its index; returns the names
    recreated.

    Does nothing for a table whose FTS table does not exist yet (before its migration), nor on PostgreSQL (an
    index survives ALTER TABLE there). Connected to `post_migrate`.
    """
    from django.db import connections

    conn = connections[using]
    if conn.vendor != "sqlite":
        return []
    recreated: list[str] = []
    with conn.cursor() as cursor:
        for table in _TABLES_KEPT:
            fts = f"{table}_fts"
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE %s", [f"{fts}%"])
            present = {name for (name,) in cursor.fetchall()}
            if fts not in present:
                continue
            triggers = sqlite_triggers(table)
            missing = [name for name in triggers if name not in present]
            for name in missing:
                cursor.execute(triggers[name])
            if missing:
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # noqa: S608 - a table of code
            recreated.extend(missing)
    return recreated
