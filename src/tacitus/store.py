"""The event store: coded events and the articles that report them, in SQLite.

Takes an :class:`~tacitus.models.Article` with its :class:`~tacitus.models.Event`
tuple (what the pipeline made of one input) and keeps them; returns CODEBOOK
event records (``Event.to_record()`` keys plus ``event_id``, ``mentions``,
``title`` and ``url``) filtered by date, country, event type and actor.

The layout follows GDELT's split of events and mentions: an ``events`` row is
one occurrence, a ``mentions`` row is one article reporting it (with the
evidence span), so cross-article deduplication can later attach several
mentions to one event without changing the schema. Today every event has one
mention, from its own article.

:func:`open_store` is the only constructor callers need; it picks the backend
from the URL. Only SQLite exists so far; PostgreSQL will implement the same
:class:`Store` interface, which is why the SQL here sticks to the portable
subset (``ON CONFLICT`` upserts, ``LOWER``/``LIKE ... ESCAPE``, ``IS NULL``
ordering) and keeps dialect choices (placeholders, ``BEGIN IMMEDIATE``,
pragmas) inside :class:`SQLiteStore`.

Schema changes go through :data:`MIGRATIONS`, a list of ``(version, SQL)``
steps applied in order, each in its own transaction, and recorded in the
``schema_version`` table.
"""

from __future__ import annotations

import abc
import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from tacitus.errors import StoreError
from tacitus.models import Article, Event, Span

logger = logging.getLogger(__name__)

MEMORY = ":memory:"

# Column types are chosen to mean the same in SQLite and PostgreSQL:
# DOUBLE PRECISION (PostgreSQL REAL is 4-byte, too coarse for coordinates) and
# BOOLEAN both map onto SQLite affinities.
_SCHEMA_V1 = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    source TEXT,
    published TEXT,
    published_from TEXT,
    language TEXT,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    origin TEXT,
    ingested_at TEXT NOT NULL
);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    event_type TEXT NOT NULL,
    sub_event_type TEXT,
    date TEXT,
    date_precision TEXT,
    location TEXT,
    admin1 TEXT,
    country TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    geo_precision TEXT,
    geonameid INTEGER,
    actor1 TEXT,
    actor2 TEXT,
    fatalities INTEGER,
    fatalities_high INTEGER,
    wounded INTEGER,
    evidence TEXT NOT NULL,
    confidence DOUBLE PRECISION,
    background BOOLEAN NOT NULL DEFAULT FALSE,
    record TEXT NOT NULL
);
CREATE TABLE mentions (
    event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    evidence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    PRIMARY KEY (event_id, article_id, evidence_start, evidence_end)
);
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    first_seen TEXT NOT NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_country ON events (country);
CREATE INDEX events_event_type ON events (event_type);
CREATE INDEX events_article_id ON events (article_id);
CREATE INDEX mentions_article_id ON mentions (article_id);
"""

#: Schema steps ``(version, SQL)``, applied in ascending order to bring a store up to date.
#: Append to it; never edit a released step.
MIGRATIONS: list[tuple[int, str]] = [
    (1, _SCHEMA_V1),
]

_EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "event_type",
    "sub_event_type",
    "date",
    "date_precision",
    "location",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "geonameid",
    "actor1",
    "actor2",
    "fatalities",
    "fatalities_high",
    "wounded",
    "evidence",
    "confidence",
    "background",
    "record",
)

_ARTICLE_COLUMNS = (
    "id",
    "url",
    "title",
    "source",
    "published",
    "published_from",
    "language",
    "content_hash",
    "text",
    "origin",
    "ingested_at",
)


def supported_version() -> int:
    """The schema version this code writes (the last step of :data:`MIGRATIONS`)."""
    return max((version for version, _ in MIGRATIONS), default=0)


def make_event_id(article_id: str, evidence: Span, event_type: str, *, ordinal: int = 0) -> str:
    """A deterministic 16-hex event id, stable across re-runs on the same article.

    Args:
        article_id: The reporting article.
        evidence: The event's evidence span in that article.
        event_type: The ACLED event type.
        ordinal: 0 for the first event with this article, span and type; 1, 2, ...
            for further events sharing all three (one sentence can report two
            events of one type with different actor pairs).
    """
    parts = [article_id, str(evidence.start), str(evidence.end), event_type]
    if ordinal:
        parts.append(str(ordinal))
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def content_hash_of(text: str) -> str:
    """The hash used for an article that arrives without ``content_hash``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store(abc.ABC):
    """What every event-store backend offers. Use as a context manager to close it."""

    #: The schema version of the open store.
    schema_version: int
    #: Where the store lives, for messages (credentials redacted).
    url: str

    @abc.abstractmethod
    def add(self, article: Article, events: Sequence[Event], *, replace: bool = False) -> bool:
        """Store an article and its events in one transaction.

        Re-adding an article with the same id and ``content_hash`` changes
        nothing. The same id with another hash is a revised article: its
        previous events and mentions are replaced.

        Args:
            article: The article the events were read from.
            events: Its events; every ``event.article_id`` must be ``article.id``.
            replace: Replace the article's events even when the hash is unchanged
                (re-coding an article with a newer pipeline).

        Returns:
            True if anything was stored or changed, False for an unchanged re-add.

        Raises:
            StoreError: E303 if the write fails; nothing of the article is written.
        """

    @abc.abstractmethod
    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        """Whether the article is stored (with this content hash, when one is given)."""

    @abc.abstractmethod
    def article(self, article_id: str) -> Article | None:
        """The stored article, text included (every span points into it), or None."""

    @abc.abstractmethod
    def events(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: str | None = None,
        event_type: str | None = None,
        actor: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored events as CODEBOOK records, ordered by date (undated last) then id.

        Each record holds the ``Event.to_record()`` keys (``spans`` included)
        plus ``event_id``, ``mentions`` (how many articles report it) and the
        ``title`` and ``url`` of its article. All filters combine with AND.

        Args:
            since: Events on or after this day (undated events are left out).
            until: Events on or before this day (undated events are left out).
            country: ISO 3166-1 alpha-3, any case; an alpha-2 code or a country
                name is translated to alpha-3.
            event_type: An event type or sub-event type, exact, any case.
            actor: A substring of actor1 or actor2, any case.
            article_id: Only events reported by this article.
            limit: At most this many records.
            offset: Skip this many records first (paging).
        """

    @abc.abstractmethod
    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event record in the shape :meth:`events` returns, or None."""

    @abc.abstractmethod
    def mentions(self, event_id: str) -> list[dict[str, Any]]:
        """The articles reporting an event, with the evidence each gives."""

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """How many ``articles``, ``events`` and ``mentions`` are stored."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection; further calls raise StoreError."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_store(url: str | os.PathLike[str]) -> Store:
    """Open (creating and migrating as needed) the event store at ``url``.

    Args:
        url: A file path, ``sqlite:///PATH`` (``sqlite:////abs/path`` for an
            absolute path, as SQLAlchemy spells it) or ``:memory:``.

    Raises:
        StoreError: E102 for a URL of another kind (PostgreSQL is not supported
            yet); E301 if the store cannot be opened or migrated; E302 if it was
            written by a newer Tacitus.
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
    if "://" in url:
        # postgresql:// lands here until its backend exists.
        raise StoreError("E102", url=_redact(url))
    return SQLiteStore(url)


def _redact(url: str) -> str:
    """``url`` with any password replaced, so it can appear in messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))


class SQLiteStore(Store):
    """The SQLite backend: one file (WAL mode) or ``:memory:``.

    One connection guarded by a lock, so a store may be shared by the threads
    of a web server; separate processes may open the same file, WAL and a busy
    timeout letting readers and one writer proceed together.
    """

    def __init__(self, path: str | Path) -> None:
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self.schema_version = 0
        if str(path) == MEMORY:
            target = MEMORY
            self.url = MEMORY
        else:
            file = Path(path).expanduser()
            target = str(file)
            self.url = target
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError("E301", url=self.url, reason=exc.strerror or str(exc)) from exc
            if file.is_dir():
                raise StoreError("E301", url=self.url, reason="it is a directory")
        try:
            # isolation_level=None: transactions are opened explicitly, so a
            # migration's DDL and its version row commit or roll back together.
            conn = sqlite3.connect(target, timeout=30.0, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError("E301", url=self.url, reason=str(exc)) from exc
        self._conn = conn
        try:
            self._configure(conn, memory=target == MEMORY)
            self._migrate(conn)
        except StoreError:
            self._drop()
            raise
        except sqlite3.Error as exc:
            self._drop()
            raise StoreError("E301", url=self.url, reason=str(exc)) from exc
        logger.debug("opened event store %s (schema version %d)", self.url, self.schema_version)

    def __repr__(self) -> str:
        return f"SQLiteStore({self.url!r}, schema_version={self.schema_version})"

    # -- opening ---------------------------------------------------------------

    def _configure(self, conn: sqlite3.Connection, *, memory: bool) -> None:
        conn.row_factory = sqlite3.Row
        # SQLite's built-in LOWER only folds ASCII; actor names are not all
        # ASCII ("Forces Armées ..."). Overriding it keeps the SQL text the same
        # as PostgreSQL's, where LOWER is Unicode-aware.
        conn.create_function("lower", 1, _lower, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if not memory and str(mode).lower() != "wal":
            logger.warning("event store %s: WAL mode unavailable, journal mode is %s", self.url, mode)
        # NORMAL is durable across application crashes in WAL mode and much faster than FULL.
        conn.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        supported = supported_version()
        current = self._current_version(conn)
        if current > supported:
            raise StoreError("E302", url=self.url, found=current, supported=supported)
        for version, sql in sorted(MIGRATIONS, key=lambda step: step[0]):
            if version <= current:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated while we waited for the lock.
                if self._current_version(conn) >= version:
                    conn.execute("COMMIT")
                    continue
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, _now())
                )
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise StoreError(
                    "E301", url=self.url, reason=f"migration to schema version {version} failed: {exc}"
                ) from exc
            logger.info("event store %s migrated to schema version %d", self.url, version)
        self.schema_version = self._current_version(conn)

    @staticmethod
    def _current_version(conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- plumbing --------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("E301", url=self.url, reason="the store is closed")
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._connection()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise StoreError("E301", url=self.url, reason=str(exc)) from exc

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back on any exception."""
        with self._lock:
            conn = self._connection()
            try:
                # IMMEDIATE takes the write lock up front, so two writers queue
                # on the busy timeout instead of failing on a lock upgrade.
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise StoreError("E303", url=self.url, reason=str(exc)) from exc
            except BaseException:
                _rollback(conn)
                raise

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:  # pragma: no cover - closing a broken handle
                pass
            self._conn = None

    # -- writing ---------------------------------------------------------------

    def add(self, article: Article, events: Sequence[Event], *, replace: bool = False) -> bool:
        digest = article.content_hash or content_hash_of(article.text)
        for event in events:
            if event.article_id != article.id:
                raise StoreError(
                    "E303",
                    url=self.url,
                    reason=f"event of article {event.article_id!r} added with article {article.id!r}",
                )
        rows = _event_rows(events)
        now = _now()
        with self._writing() as conn:
            found = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
            if found is not None and found["content_hash"] == digest and not replace:
                logger.debug("article %s unchanged, not stored again", article.id)
                return False
            values = (
                article.id,
                article.url,
                article.title,
                article.source,
                _iso(article.published),
                article.published_from,
                article.language,
                digest,
                article.text,
                article.origin,
                now,
            )
            if found is None:
                placeholders = ", ".join("?" * len(_ARTICLE_COLUMNS))
                conn.execute(f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({placeholders})", values)
            else:
                self._forget_article_events(conn, article.id)
                assignments = ", ".join(f"{col} = ?" for col in _ARTICLE_COLUMNS[1:])
                conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*values[1:], article.id))
            if article.source:
                conn.execute(
                    "INSERT INTO sources (name, first_seen) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    (article.source, now),
                )
            event_sql = _upsert_sql("events", _EVENT_COLUMNS, key="event_id")
            for event_row, mention_row in rows:
                conn.execute(event_sql, event_row)
                conn.execute(
                    "INSERT INTO mentions (event_id, article_id, evidence, evidence_start, evidence_end)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    mention_row,
                )
        logger.debug(
            "stored article %s with %d events%s", article.id, len(rows), " (revised)" if found is not None else ""
        )
        return True

    @staticmethod
    def _forget_article_events(conn: sqlite3.Connection, article_id: str) -> None:
        """Drop an article's mentions, then the events no article reports any more."""
        conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        # Events that other articles also report (after deduplication) survive.
        conn.execute(
            "DELETE FROM events WHERE article_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.event_id)",
            (article_id,),
        )

    # -- reading ---------------------------------------------------------------

    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        sql = "SELECT 1 FROM articles WHERE id = ?"
        params: list[Any] = [article_id]
        if content_hash is not None:
            sql += " AND content_hash = ?"
            params.append(content_hash)
        with self._reading() as conn:
            return conn.execute(sql, params).fetchone() is not None

    def article(self, article_id: str) -> Article | None:
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            return None
        return Article(
            id=row["id"],
            text=row["text"],
            title=row["title"],
            url=row["url"],
            source=row["source"],
            published=_parse_date(row["published"]),
            published_from=row["published_from"],
            language=row["language"],
            origin=row["origin"],
            content_hash=row["content_hash"],
        )

    def events(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: str | None = None,
        event_type: str | None = None,
        actor: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("e.date >= ?")
            params.append(_day(since))
        if until is not None:
            where.append("e.date <= ?")
            params.append(_day(until))
        if country is not None:
            where.append("e.country = ?")
            params.append(normalize_country(country))
        if event_type is not None:
            where.append("(LOWER(e.event_type) = ? OR LOWER(e.sub_event_type) = ?)")
            params += [_lower(event_type.strip())] * 2
        if actor is not None:
            where.append("(LOWER(e.actor1) LIKE ? ESCAPE '\\' OR LOWER(e.actor2) LIKE ? ESCAPE '\\')")
            params += [f"%{_like_escape(_lower(actor.strip()))}%"] * 2
        if article_id is not None:
            where.append("EXISTS (SELECT 1 FROM mentions ma WHERE ma.event_id = e.event_id AND ma.article_id = ?)")
            params.append(article_id)
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be >= 0, not {limit}")
        if offset < 0:
            raise ValueError(f"offset must be >= 0, not {offset}")
        sql = _SELECT_EVENTS
        if where:
            sql += " WHERE " + " AND ".join(where)
        # "date IS NULL" first puts undated events last in SQLite and PostgreSQL alike.
        sql += " ORDER BY e.date IS NULL, e.date, e.event_id"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if limit is None else limit, offset]
        with self._reading() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_record(row) for row in rows]

    def event(self, event_id: str) -> dict[str, Any] | None:
        with self._reading() as conn:
            row = conn.execute(_SELECT_EVENTS + " WHERE e.event_id = ?", (event_id,)).fetchone()
        return None if row is None else _record(row)

    def mentions(self, event_id: str) -> list[dict[str, Any]]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT m.article_id, m.evidence, m.evidence_start, m.evidence_end,"
                " a.title, a.url, a.source, a.published"
                " FROM mentions m JOIN articles a ON a.id = m.article_id"
                " WHERE m.event_id = ? ORDER BY a.published IS NULL, a.published, m.article_id, m.evidence_start",
                (event_id,),
            ).fetchall()
        return [dict(row) for row in rows]

    def counts(self) -> dict[str, int]:
        with self._reading() as conn:
            return {
                table: int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
                for table in ("articles", "events", "mentions")
            }

    def close(self) -> None:
        with self._lock:
            self._drop()


_SELECT_EVENTS = (
    "SELECT e.event_id, e.record, a.title, a.url,"
    " (SELECT COUNT(*) FROM mentions m WHERE m.event_id = e.event_id) AS n_mentions"
    " FROM events e LEFT JOIN articles a ON a.id = e.article_id"
)


def normalize_country(value: str) -> str:
    """An ISO3 code for a country filter: ISO3 in any case, ISO2, or a country name.

    Unknown values come back upper-cased, so they simply match nothing.
    """
    text = value.strip()
    if len(text) == 3 and text.isalpha():
        return text.upper()
    import pycountry  # only needed for the rarer name / alpha-2 spellings

    try:
        return str(pycountry.countries.lookup(text).alpha_3)
    except LookupError:
        logger.debug("country filter %r is not a known country", value)
        return text.upper()


def _event_rows(events: Sequence[Event]) -> list[tuple[tuple[Any, ...], tuple[Any, ...]]]:
    """(events row, mentions row) per event; ids get an ordinal where span and type repeat."""
    rows = []
    seen: dict[tuple[int, int, str], int] = {}
    for event in events:
        key = (event.evidence.start, event.evidence.end, event.event_type)
        ordinal = seen.get(key, 0)
        seen[key] = ordinal + 1
        event_id = make_event_id(event.article_id, event.evidence, event.event_type, ordinal=ordinal)
        record = event.to_record()
        country = record["country"]
        values = {
            **{col: record.get(col) for col in _EVENT_COLUMNS},
            "event_id": event_id,
            "country": country.upper() if isinstance(country, str) else country,
            "background": bool(record["background"]),
            "record": json.dumps(record, ensure_ascii=False),
        }
        rows.append(
            (
                tuple(values[col] for col in _EVENT_COLUMNS),
                (event_id, event.article_id, event.evidence.text, event.evidence.start, event.evidence.end),
            )
        )
    return rows


def _record(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "event_id": row["event_id"],
        **json.loads(row["record"]),
        "mentions": int(row["n_mentions"]),
        "title": row["title"],
        "url": row["url"],
    }


def _upsert_sql(table: str, columns: Sequence[str], *, key: str) -> str:
    updates = ", ".join(f"{col} = excluded.{col}" for col in columns if col != key)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        f" ON CONFLICT ({key}) DO UPDATE SET {updates}"
    )


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements (semicolons inside triggers survive)."""
    statements, pending = [], ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return [s for s in statements if s.rstrip(";").strip()]


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:  # pragma: no cover - the original error matters more
            logger.exception("rollback failed")


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _day(value: dt.date | str) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(str(value)[:10]).isoformat()


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    if len(value) > 10:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
