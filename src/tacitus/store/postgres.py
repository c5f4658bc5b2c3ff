"""The PostgreSQL backend, on psycopg 3.

Dialect pieces: ``%s`` placeholders (the shared SQL is written with ``?`` and
translated once per statement), transactions on an autocommit connection,
migrations serialised across processes by an advisory lock, full-text search
with ``to_tsvector('english', evidence)`` under a GIN index, the haversine
formula in SQL and ``to_char`` ISO weeks.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from tacitus.errors import StoreError
from tacitus.geodesy import EARTH_RADIUS_KM
from tacitus.store import base, schema
from tacitus.store.base import Store
from tacitus.store.schema import split_statements
from tacitus.store.search import tsquery_text

logger = logging.getLogger(__name__)

# Any fixed number: every Tacitus process migrating a database takes this lock.
_MIGRATION_LOCK = 0x7AC17A5


def redact(url: str) -> str:
    """``url`` with any password replaced, so it can appear in messages and logs."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url
    if password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))


@functools.lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    # The shared SQL never holds a literal "?"; "%" must be doubled for psycopg.
    return sql.replace("%", "%%").replace("?", "%s")


class _Connection:
    """The shared-SQL view of a psycopg connection: ``?`` placeholders, dict rows."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(_pg_sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self._conn.cursor() as cursor:
                cursor.executemany(_pg_sql(sql), rows)

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, freeze: bool) -> None:
        """``COPY table (columns) FROM STDIN``: many times faster than INSERT for many rows."""
        options = " WITH (FREEZE)" if freeze else ""
        with self._conn.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN{options}") as copy:
                for row in rows:
                    copy.write_row(row)


class PostgresStore(Store):
    """The PostgreSQL backend: one connection (guarded by a lock, like SQLite's) to one database.

    Tables live in the connection's current schema, so ``?options=-csearch_path%3Dname``
    in the URL keeps several stores apart in one database.
    """

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise StoreError("E301", url=redact(url), reason="psycopg is not installed") from exc
        self._psycopg = psycopg
        self._lock = threading.RLock()
        self.url = redact(url)
        self.schema_version = 0
        conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
        if conninfo.startswith("postgres://"):
            conninfo = "postgresql://" + conninfo[len("postgres://") :]
        try:
            self._conn: Any = psycopg.connect(conninfo, autocommit=True, row_factory=dict_row, connect_timeout=15)
        except psycopg.Error as exc:
            raise StoreError("E301", url=self.url, reason=self._scrub(str(exc), url)) from exc
        except Exception as exc:  # a malformed URL is a ProgrammingError or ValueError depending on the part
            raise StoreError("E301", url=self.url, reason=self._scrub(str(exc), url)) from exc
        try:
            self._migrate()
        except BaseException:
            self._drop()
            raise
        logger.debug("opened event store %s (schema version %d)", self.url, self.schema_version)

    def __repr__(self) -> str:
        return f"PostgresStore({self.url!r}, schema_version={self.schema_version})"

    @staticmethod
    def _scrub(message: str, url: str) -> str:
        try:
            password = urlsplit(url).password
        except ValueError:
            password = None
        return message.replace(password, "***") if password else message

    # -- opening ---------------------------------------------------------------

    def _migrate(self) -> None:
        psycopg = self._psycopg
        conn = self._conn
        supported = schema.supported_version()
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
            current = self._current_version()
        except psycopg.Error as exc:
            raise StoreError("E301", url=self.url, reason=str(exc)) from exc
        if current > supported:
            raise StoreError("E302", url=self.url, found=current, supported=supported)
        adapter = _Connection(conn)
        for version, step in sorted(schema.MIGRATIONS, key=lambda step: step[0]):
            if version <= current:
                continue
            try:
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                    # Another process may have migrated while we waited for the lock.
                    if self._current_version() >= version:
                        continue
                    for statement in split_statements(schema.migration_sql(step, self.dialect)):
                        # DDL takes no parameters; pass none so "%" stays literal.
                        conn.execute(statement)
                    adapter.execute(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, base.utc_now())
                    )
            except psycopg.Error as exc:
                raise StoreError(
                    "E301", url=self.url, reason=f"migration to schema version {version} failed: {exc}"
                ) from exc
            logger.info("event store %s migrated to schema version %d", self.url, version)
        self.schema_version = self._current_version()

    def _current_version(self) -> int:
        row = self._conn.execute("SELECT MAX(version) AS v FROM schema_version").fetchone()
        return int(row["v"]) if row and row["v"] is not None else 0

    # -- plumbing --------------------------------------------------------------

    def _connection(self) -> Any:
        if self._conn is None:
            raise StoreError("E301", url=self.url, reason="the store is closed")
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[_Connection]:
        with self._lock:
            conn = self._connection()
            try:
                yield _Connection(conn)
            except self._psycopg.Error as exc:
                raise StoreError("E301", url=self.url, reason=str(exc)) from exc

    @contextmanager
    def _writing(self) -> Iterator[_Connection]:
        """One write transaction: committed whole, or rolled back on any exception."""
        with self._lock:
            conn = self._connection()
            try:
                with conn.transaction():
                    yield _Connection(conn)
            except self._psycopg.Error as exc:
                raise StoreError("E303", url=self.url, reason=str(exc)) from exc

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except self._psycopg.Error:  # pragma: no cover - closing a broken handle
                pass
            self._conn = None

    def close(self) -> None:
        with self._lock:
            self._drop()

    # -- bulk loading ------------------------------------------------------------

    def _insert_rows(
        self, conn: Any, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], *, fresh: bool = False
    ) -> None:
        if rows:
            # FREEZE (allowed on a table truncated in this transaction) writes the
            # rows visible to all and sets the visibility map, so index-only scans
            # serve the aggregates right after the load, without waiting for VACUUM.
            conn.copy_rows(table, columns, rows, freeze=fresh)

    def _suspend_indexes(self, conn: Any) -> list[str]:
        # The tables are empty; TRUNCATE makes that official for COPY FREEZE.
        # Like DROP INDEX, it keeps other sessions out of both tables until commit.
        conn.execute("TRUNCATE events, mentions")
        # Every index on the two big tables except those behind a constraint
        # (primary keys, UNIQUE), which enforce the keys during the load.
        indexes = conn.execute(
            "SELECT ix.relname AS name, pg_get_indexdef(ix.oid) AS definition"
            " FROM pg_index i JOIN pg_class ix ON ix.oid = i.indexrelid"
            " WHERE i.indrelid IN (to_regclass('events'), to_regclass('mentions'))"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.oid)"
            " ORDER BY ix.relname"
        ).fetchall()
        # Foreign keys are checked row by row by triggers; ADD CONSTRAINT checks
        # all rows at once with one join, and fails the load as a row would.
        foreign_keys = conn.execute(
            "SELECT t.relname AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition"
            " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
            " WHERE c.contype = 'f' AND c.conrelid IN (to_regclass('events'), to_regclass('mentions'))"
            " ORDER BY t.relname, c.conname"
        ).fetchall()
        for row in foreign_keys:
            conn.execute(f'ALTER TABLE "{row["table_name"]}" DROP CONSTRAINT "{row["name"]}"')
        for row in indexes:
            conn.execute(f'DROP INDEX "{row["name"]}"')
        return [row["definition"] for row in indexes] + [
            f'ALTER TABLE "{row["table_name"]}" ADD CONSTRAINT "{row["name"]}" {row["definition"]}'
            for row in foreign_keys
        ]

    def _resume_indexes(self, conn: Any, statements: list[str]) -> None:
        conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for statement in statements:
            conn.execute(statement)
        # Fresh statistics, so the first queries after the load are planned on them.
        for table in ("articles", "events", "mentions", "actors"):
            conn.execute(f"ANALYZE {table}")

    # -- dialect ---------------------------------------------------------------

    def _text_condition(self, query: str) -> tuple[str, list[Any]]:
        # The expression matches the GIN index mentions_evidence_fts exactly.
        return (
            "e.event_id IN (SELECT mt.event_id FROM mentions mt"
            " WHERE to_tsvector('english', mt.evidence) @@ to_tsquery('english', ?))",
            [tsquery_text(query)],
        )

    def _distance_sql(self) -> str:
        return (
            f"({2 * EARTH_RADIUS_KM!r} * ASIN(LEAST(1.0, SQRT("
            "POWER(SIN(RADIANS(? - e.latitude) / 2), 2)"
            " + COS(RADIANS(e.latitude)) * COS(RADIANS(?)) * POWER(SIN(RADIANS(? - e.longitude) / 2), 2)))))"
        )

    def _distance_params(self, lat: float, lon: float) -> list[Any]:
        return [lat, lat, lon]

    def _week_sql(self) -> str:
        return "to_char(CAST(e.date AS DATE), 'IYYY-\"W\"IW')"

    def _offset_only_sql(self) -> str:
        return "OFFSET ?"
