"""The SQLite backend: one file in WAL mode, or ``:memory:``.

Dialect pieces: ``BEGIN IMMEDIATE`` transactions, pragmas, FTS5 over mention
evidence (``porter`` stemming, kept in step by triggers), and Python functions
registered on the connection for ``lower`` (Unicode-aware, as PostgreSQL's),
great-circle distance and ISO weeks.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tacitus.errors import StoreError
from tacitus.models import Article, Event
from tacitus.store import base, schema
from tacitus.store.base import Store
from tacitus.store.schema import split_statements
from tacitus.store.search import fold_or_none, fts5_query, haversine_km, iso_week

logger = logging.getLogger(__name__)

MEMORY = ":memory:"

# Page cache sizes in KiB (negative, as PRAGMA cache_size takes them): usual, and during an initial bulk load.
_CACHE_SIZE = -65536
_BULK_CACHE_SIZE = -1048576
#: Full-text matches from which a text filter stops driving the query plan.
_BROAD_MATCH = 5000


class SQLiteStore(Store):
    """The SQLite backend: one file (WAL mode) or ``:memory:``.

    One connection guarded by a lock, so a store may be shared by the threads
    of a web server; separate processes may open the same file, WAL and a busy
    timeout letting readers and one writer proceed together.
    """

    dialect = "sqlite"

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
        # SQLite's built-in LOWER only folds ASCII; migrations fill folded
        # columns with it, and PostgreSQL's LOWER is Unicode-aware.
        conn.create_function("lower", 1, fold_or_none, deterministic=True)
        conn.create_function("tacitus_km", 4, haversine_km, deterministic=True)
        conn.create_function("tacitus_iso_week", 1, iso_week, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if not memory and str(mode).lower() != "wal":
            logger.warning("event store %s: WAL mode unavailable, journal mode is %s", self.url, mode)
        # NORMAL is durable across application crashes in WAL mode and much faster than FULL.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA cache_size = {_CACHE_SIZE}")

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        supported = schema.supported_version()
        current = self._current_version(conn)
        if current > supported:
            raise StoreError("E302", url=self.url, found=current, supported=supported)
        for version, step in sorted(schema.MIGRATIONS, key=lambda step: step[0]):
            if version <= current:
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated while we waited for the lock.
                if self._current_version(conn) >= version:
                    conn.execute("COMMIT")
                    continue
                for statement in split_statements(schema.migration_sql(step, self.dialect)):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, base.utc_now())
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

    def close(self) -> None:
        with self._lock:
            self._drop()

    # -- bulk loading ------------------------------------------------------------

    def _suspend_indexes(self, conn: sqlite3.Connection) -> list[str]:
        # Whatever the migrations created on the two big tables, read back from
        # the schema: explicit indexes and the triggers that feed mentions_fts
        # (other triggers keep firing).
        # Indexes behind PRIMARY KEY/UNIQUE (sql IS NULL) stay: they enforce the keys.
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('events', 'mentions')"
            " AND (type = 'index' OR (type = 'trigger' AND name LIKE 'mentions\\_fts\\_%' ESCAPE '\\'))"
            " AND sql IS NOT NULL ORDER BY type, name"
        ).fetchall()
        for row in rows:
            conn.execute(f'DROP {row["type"].upper()} "{row["name"]}"')
        # The key B-trees of a big load (and the index builds' sorts) outgrow the
        # usual cache; a cache size is an upper bound, set back by add_many.
        conn.execute(f"PRAGMA cache_size = {_BULK_CACHE_SIZE}")
        return [row["sql"] for row in rows]

    def _resume_indexes(self, conn: sqlite3.Connection, statements: list[str]) -> None:
        for statement in statements:
            conn.execute(statement)
        # The load started without events, so no mention predates the dropped triggers.
        conn.execute("INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')")

    def add_many(self, items: Iterable[tuple[Article, Sequence[Event]]], *, batch_size: int = 5000) -> int:
        try:
            return super().add_many(items, batch_size=batch_size)
        finally:
            with self._lock:
                if self._conn is not None:  # the bulk cache size, whether the load committed or not
                    self._conn.execute(f"PRAGMA cache_size = {_CACHE_SIZE}")

    # -- dialect ---------------------------------------------------------------

    def _text_condition(self, query: str) -> tuple[str, list[Any]]:
        match = fts5_query(query)
        with self._reading() as conn:
            found = conn.execute(
                "SELECT COUNT(*) FROM (SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT ?)",
                (match, _BROAD_MATCH),
            ).fetchone()[0]
        # Few matches: start from them (SQLite's own choice). Many: the unary
        # "+" keeps the planner from fetching and sorting every matching event;
        # the date index (or another filter's) drives instead, probing the
        # matched ids, which are collected once.
        column = "+e.event_id" if found >= _BROAD_MATCH else "e.event_id"
        return (
            f"{column} IN (SELECT mt.event_id FROM mentions_fts JOIN mentions mt ON mt.id = mentions_fts.rowid"
            " WHERE mentions_fts MATCH ?)",
            [match],
        )

    def _distance_sql(self) -> str:
        return "tacitus_km(e.latitude, e.longitude, ?, ?)"

    def _distance_params(self, lat: float, lon: float) -> list[Any]:
        return [lat, lon]

    def _week_sql(self) -> str:
        return "tacitus_iso_week(e.date)"

    def _offset_only_sql(self) -> str:
        return "LIMIT -1 OFFSET ?"


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:  # pragma: no cover - the original error matters more
            logger.exception("rollback failed")

