"""The event store: coded events and the articles that report them, in SQLite or PostgreSQL.

Takes an :class:`~tacitus.models.Article` with its :class:`~tacitus.models.Event`
tuple (what the pipeline made of one input) and keeps them; returns CODEBOOK
event records (``Event.to_record()`` keys plus ``event_id``, ``mentions``,
``title`` and ``url``) filtered by date, place, radius, actor, type,
fatalities and evidence text, streamed for exports, or aggregated per
day/week/month/year and country/admin1/actor/type.

The layout follows GDELT's split of events and mentions: an ``events`` row is
one occurrence, a ``mentions`` row is one article reporting it (its evidence
span and its own coding of the event). With :mod:`tacitus.dedup` installed,
:meth:`Store.add` attaches an event that duplicates a stored one as a further
mention, with the reasons and score of the decision, and recomputes the
canonical row from all mentions.

:func:`open_store` is the only constructor callers need; it picks the backend
from the URL. Both backends share the interface, the query builder and the
portable SQL in :mod:`tacitus.store.base` (with the schema in
:mod:`tacitus.store.schema` and the pure query helpers in
:mod:`tacitus.store.search`); :mod:`tacitus.store.sqlite` and
:mod:`tacitus.store.postgres` hold only what differs. Schema changes go
through :data:`MIGRATIONS`, ``(version, SQL)`` steps applied in order, each in
its own transaction, recorded in the ``schema_version`` table.
"""

from __future__ import annotations

import os

from tacitus.errors import StoreError
from tacitus.store.base import Store, content_hash_of, make_event_id
from tacitus.store.schema import MIGRATIONS, supported_version
from tacitus.store.search import normalize_country
from tacitus.store.postgres import PostgresStore, redact
from tacitus.store.sqlite import MEMORY, SQLiteStore

__all__ = [
    "MEMORY",
    "MIGRATIONS",
    "PostgresStore",
    "SQLiteStore",
    "Store",
    "content_hash_of",
    "make_event_id",
    "normalize_country",
    "open_store",
    "supported_version",
]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def open_store(url: str | os.PathLike[str]) -> Store:
    """Open (creating and migrating as needed) the event store at ``url``.

    Args:
        url: A file path, ``sqlite:///PATH`` (``sqlite:////abs/path`` for an
            absolute path, as SQLAlchemy spells it), ``:memory:``, or a
            PostgreSQL URL ``postgresql://user[:password]@host[:port]/database``
            (``postgres://`` and ``postgresql+psycopg://`` work too; libpq
            query parameters such as ``?sslmode=require`` pass through).

    Raises:
        StoreError: E102 for a URL of another kind; E301 if the store cannot be
            opened or migrated; E302 if it was written by a newer Tacitus.
            Passwords never appear in messages.
    """
    if isinstance(url, os.PathLike):
        url = os.fspath(url)
    if not isinstance(url, str) or not url.strip():
        raise StoreError("E102", url=url)
    url = url.strip()
    if url in (MEMORY, "sqlite://", "sqlite:///:memory:"):
        return SQLiteStore(MEMORY)
    if url.startswith("sqlite:///"):
        return SQLiteStore(url[len("sqlite:///") :])
    if url.startswith(_POSTGRES_SCHEMES):
        return PostgresStore(url)
    if "://" in url:
        raise StoreError("E102", url=redact(url))
    return SQLiteStore(url)
