"""PostgreSQL only: store the tsvector of `search_text` in a generated column, indexed by GIN.

Ranking with `ts_rank(to_tsvector(search_text), …)` re-parses the text of every matching row; at a
million contributions a common word took seconds. A stored, generated column is computed once per write
and ranked directly. SQLite keeps its FTS5 table (migration 0002) and is left untouched.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE consultation_contribution ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
    "CREATE INDEX contrib_search_vector_gin ON consultation_contribution USING gin (search_vector)",
    "DROP INDEX IF EXISTS contrib_search_gin",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS contrib_search_gin ON consultation_contribution "
    "USING gin (to_tsvector('simple', search_text))",
    "DROP INDEX IF EXISTS contrib_search_vector_gin",
    "ALTER TABLE consultation_contribution DROP COLUMN IF EXISTS search_vector",
]


def _run(schema_editor, statements):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in statements:
        schema_editor.execute(statement)


def forward(apps, schema_editor):
    _run(schema_editor, FORWARD)


def backward(apps, schema_editor):
    _run(schema_editor, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("consultation", "0002_fulltext_index")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
