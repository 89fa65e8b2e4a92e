"""Bulk writes that keep the database's write lock short, for every long write of the platform (imports of places,
of Decidim proposals and workshop sheets, synthesis results).

On SQLite, the embedded default, a write transaction holds the whole database: while an import writes, every
login and comment waits. Django's `bulk_create`/`bulk_update` convert each value while the transaction is open, and
`bulk_update` builds one CASE expression per field, minutes for 40,000 places. Here the values are converted for the
database once, before the transaction (`db_values`), and the transaction only sends them with `executemany`: the
lock is held for the time the database needs to store the rows, not for Python's work.

Callers set every value themselves (no `auto_now`, no `pre_save`), and send no signal: they say so to whoever
listens, as `structures.signals.places_changed` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import connections, models

Row = tuple[Any, ...]


def _fields(model: type[models.Model], names: Sequence[str]) -> list[models.Field]:
    return [model._meta.get_field(name) for name in names]  # type: ignore[misc]


def _column(field: models.Field | None) -> str:
    assert field is not None and field.column, field  # noqa: S101 - concrete fields always have a column
    return field.column


def db_values(
    model: type[models.Model], names: Sequence[str], values: Mapping[str, Any], using: str = "default"
) -> Row:
    """The values of one row, by field name (a foreign key takes the related object or its pk), converted for the
    database."""
    connection = connections[using]
    return tuple(
        field.get_db_prep_save(_plain(values[name]), connection)
        for name, field in zip(names, _fields(model, names), strict=True)
    )


def _plain(value: Any) -> Any:
    return value.pk if isinstance(value, models.Model) else value


def insert(
    model: type[models.Model],
    names: Sequence[str],
    rows: Iterable[Row],
    *,
    returning: bool = False,
    using: str = "default",
) -> list[int]:
    """Insert `rows` (from `db_values`, in the order of `names`). With `returning`, the new primary keys in the
    order of the rows, as Django's `bulk_create` reads them (multi-row INSERT … RETURNING, SQLite 3.35+ and
    PostgreSQL); without it, one `executemany`, and an empty list. Caller is inside `transaction.atomic()`."""
    connection = connections[using]
    quote = connection.ops.quote_name
    columns = [_column(field) for field in _fields(model, names)]
    # Only quoted model names reach the SQL; every value is a bound parameter.
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(column) for column in columns)}) VALUES "  # noqa: S608
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        if not returning:
            cursor.executemany(head + one, list(rows))
            return []
        pk_column = quote(_column(model._meta.pk))
        per_statement = max(1, (connection.features.max_query_params or 999) // max(1, len(columns)))
        batch: list[Row] = []
        keys: list[int] = []

        def flush() -> None:
            if batch:
                params = [value for row in batch for value in row]
                cursor.execute(head + ", ".join([one] * len(batch)) + f" RETURNING {pk_column}", params)
                keys.extend(row[0] for row in cursor.fetchall())
                batch.clear()

        for row in rows:
            batch.append(row)
            if len(batch) >= per_statement:
                flush()
        flush()
        return keys


def update(model: type[models.Model], names: Sequence[str], rows: Iterable[Row], using: str = "default") -> None:
    """Update rows by primary key: each row holds the values of `names` (from `db_values`), then the pk. One
    `executemany`. Caller is inside `transaction.atomic()`."""
    connection = connections[using]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(_column(field))} = %s" for field in _fields(model, names))
    pk_column = quote(_column(model._meta.pk))
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {pk_column} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, list(rows))
