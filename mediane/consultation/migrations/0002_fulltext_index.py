"""Full-text index on Contribution.search_text: FTS5 table and triggers on SQLite, GIN index on PostgreSQL.

The SQL is frozen here on purpose (migrations never import app code); `search.repair_fulltext_triggers`
keeps a copy of the SQLite triggers to restore them when a later migration rebuilds the table.
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS consultation_contribution_fts USING fts5("
    "search_text, content='consultation_contribution', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS consultation_contribution_fts_ai AFTER INSERT ON consultation_contribution "
    "BEGIN INSERT INTO consultation_contribution_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS consultation_contribution_fts_ad AFTER DELETE ON consultation_contribution "
    "BEGIN INSERT INTO consultation_contribution_fts(consultation_contribution_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS consultation_contribution_fts_au AFTER UPDATE OF search_text "
    "ON consultation_contribution BEGIN "
    "INSERT INTO consultation_contribution_fts(consultation_contribution_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO consultation_contribution_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    # Index the rows that already exist.
    "INSERT INTO consultation_contribution_fts(consultation_contribution_fts) VALUES ('rebuild')",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS consultation_contribution_fts_ai",
    "DROP TRIGGER IF EXISTS consultation_contribution_fts_ad",
    "DROP TRIGGER IF EXISTS consultation_contribution_fts_au",
    "DROP TABLE IF EXISTS consultation_contribution_fts",
]

# search_text is already folded and stemmed in Python, so the 'simple' configuration is the right one.
POSTGRESQL_CREATE = [
    "CREATE INDEX IF NOT EXISTS contrib_search_gin ON consultation_contribution "
    "USING gin (to_tsvector('simple', search_text))",
]

POSTGRESQL_DROP = ["DROP INDEX IF EXISTS contrib_search_gin"]


def _run(schema_editor, by_vendor):
    for statement in by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def create_index(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE})


def drop_index(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP})


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
