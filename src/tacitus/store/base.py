"""The store interface and everything the backends share: schema, portable SQL, queries, dedup.

:class:`Store` implements every public method once, over a small connection
protocol (``execute``/``executemany`` with ``?`` placeholders, rows addressable
by column name) that each backend provides inside ``_reading()`` and
``_writing()``. Backends add only dialect pieces: full-text and distance
conditions, the ISO-week expression, ``OFFSET`` without ``LIMIT`` and the
dialect half of a migration step. One query builder for both is what makes
SQLite and PostgreSQL answer every query alike.

Case-insensitive matching never relies on the database's ``LOWER``
(PostgreSQL's depends on the cluster's locale): folded copies are written from
Python (``events.admin1_key``, ``actors.folded``) and queries are folded the
same way.
"""

from __future__ import annotations

import abc
import datetime as dt
import hashlib
import importlib
import itertools
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Protocol

from tacitus.errors import StoreError
from tacitus.models import Article, Event, Span
from tacitus.store.schema import ARTICLE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS
from tacitus.store.search import (
    bounding_box,
    canonical_actor,
    canonical_event_type,
    fold,
    like_escape,
    normalize_country,
    parse_text_query,
)

logger = logging.getLogger(__name__)

PERIODS = ("day", "week", "month", "year")
AGGREGATE_KEYS = ("country", "admin1", "actor", "event_type", "sub_event_type")
#: Most candidate events handed to ``dedup.decide`` for one new event.
MAX_CANDIDATES = 200

# Keys a stored record may not carry: the output adds them itself.
_OUTPUT_KEYS = ("event_id", "mentions", "title", "url", "article_ids")


class Connection(Protocol):
    """What ``_reading()``/``_writing()`` yield: DB-API execution with ``?`` placeholders."""

    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any: ...


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


def load_dedup() -> Any | None:
    """The ``tacitus.dedup`` module, or None where it is not installed (dedup then stays off)."""
    global _dedup_missing_logged
    try:
        return importlib.import_module("tacitus.dedup")
    except ImportError as exc:
        if exc.name != "tacitus.dedup":
            raise
        if not _dedup_missing_logged:
            logger.warning("tacitus.dedup is not available: events are stored without deduplication")
            _dedup_missing_logged = True
        return None


_dedup_missing_logged = False


class Store(abc.ABC):
    """What every event-store backend offers. Use as a context manager to close it.

    Records returned by :meth:`events`, :meth:`iter_events` and :meth:`event`
    hold the ``Event.to_record()`` keys (``spans`` included) plus ``event_id``,
    ``mentions`` (how many article mentions report it) and the ``title`` and
    ``url`` of its founding article.
    """

    #: The schema version of the open store.
    schema_version: int
    #: Where the store lives, for messages (credentials redacted).
    url: str
    #: ``"sqlite"`` or ``"postgresql"``: which half of a migration step applies.
    dialect: str

    # -- backend hooks ------------------------------------------------------------

    @abc.abstractmethod
    def _reading(self) -> AbstractContextManager[Connection]:
        """A connection for reads; database errors become StoreError E301."""

    @abc.abstractmethod
    def _writing(self) -> AbstractContextManager[Connection]:
        """One write transaction, committed whole or rolled back; errors become E303."""

    @abc.abstractmethod
    def _text_condition(self, query: str) -> tuple[str, list[Any]]:
        """SQL (over alias ``e``) keeping events with a mention whose evidence matches ``query``."""

    @abc.abstractmethod
    def _distance_sql(self) -> str:
        """SQL of the km distance between ``e.latitude, e.longitude`` and two ``?`` (lat, lon)."""

    @abc.abstractmethod
    def _distance_params(self, lat: float, lon: float) -> list[Any]:
        """Parameters for :meth:`_distance_sql`."""

    @abc.abstractmethod
    def _week_sql(self) -> str:
        """SQL of ``e.date``'s ISO week as ``YYYY-Www``."""

    @abc.abstractmethod
    def _offset_only_sql(self) -> str:
        """``OFFSET ?`` without a LIMIT, as the dialect spells it."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection; further calls raise StoreError."""

    # -- writing ------------------------------------------------------------------

    def add(self, article: Article, events: Sequence[Event], *, replace: bool = False, dedup: bool = True) -> bool:
        """Store an article and its events in one transaction.

        Re-adding an article with the same id and ``content_hash`` changes
        nothing. The same id with another hash is a revised article: its
        previous mentions are removed, the events only it reported are
        deleted and those other articles also report are recomputed.

        With ``dedup`` on (and :mod:`tacitus.dedup` installed), each event is
        compared with stored events of the same type (or one
        ``dedup.candidate_types`` allows), a date inside
        ``dedup.date_window`` and the same country (or either unknown) that
        this article does not already report; when ``dedup.decide`` picks one,
        the event becomes another mention of it (keeping its own record,
        evidence, ``reasons`` and ``score``) and the canonical row is
        recomputed with ``dedup.combine`` over all its mentions.

        Args:
            article: The article the events were read from.
            events: Its events; every ``event.article_id`` must be ``article.id``.
            replace: Replace the article's events even when the hash is unchanged
                (re-coding an article with a newer pipeline).
            dedup: Merge with events already stored from other articles.

        Returns:
            True if anything was stored or changed, False for an unchanged re-add.

        Raises:
            StoreError: E303 if the write fails; nothing of the article is written.
        """
        digest = article.content_hash or content_hash_of(article.text)
        self._check_events(article, events)
        # combine() also rebuilds merged events a revision touches, so load it even when not merging.
        dedup_module = load_dedup()
        with self._writing() as conn:
            found = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
            if found is not None and found["content_hash"] == digest and not replace:
                logger.debug("article %s unchanged, not stored again", article.id)
                return False
            self._write_article(conn, article, digest, exists=found is not None)
            touched = self._forget_article(conn, article.id) if found is not None else set()
            merged = 0
            for mention_id, record, event in _mention_records(events):
                decision = None
                if dedup and dedup_module is not None:
                    decision = self._decide(conn, dedup_module, record, mention_id)
                if decision is not None:
                    self._insert_mention(conn, decision.event_id, mention_id, event, record, decision)
                    touched.add(decision.event_id)
                    merged += 1
                else:
                    event_id = self._free_event_id(conn, mention_id, event)
                    self._insert_event(conn, event_id, record)
                    self._insert_mention(conn, event_id, mention_id, event, record, None)
            for event_id in sorted(touched):
                self._recompute(conn, event_id, dedup_module)
        logger.debug(
            "stored article %s with %d events (%d merged into stored events)%s",
            article.id,
            len(events),
            merged,
            " (revised)" if found is not None else "",
        )
        return True

    def add_many(self, items: Iterable[tuple[Article, Sequence[Event]]], *, batch_size: int = 5000) -> int:
        """Bulk-load articles with their events, without deduplication (the fast path).

        Articles already stored with the same hash are skipped; revised ones
        go through :meth:`add` (``dedup=False``). Each batch is one transaction,
        except for the initial load of a store without events: when ``items``
        fill at least one batch, the whole load is one transaction in which
        the secondary indexes and the full-text index are dropped and built
        once at the end (a bulk build is many times faster than keeping them up
        row by row; PostgreSQL also checks foreign keys once at the end).
        Readers see none of it until it commits (on PostgreSQL they wait for
        it, as the load locks both tables), and a failure leaves the store as
        it was, indexes included.

        Args:
            items: ``(article, events)`` pairs.
            batch_size: Articles per transaction (per write, in an initial load).

        Returns:
            How many articles were stored or revised.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, not {batch_size}")
        iterator = iter(items)

        def batches() -> Iterator[list[tuple[Article, Sequence[Event]]]]:
            while batch := list(itertools.islice(iterator, batch_size)):
                yield batch

        pending = batches()
        first = next(pending, None)
        if first is None:
            return 0
        stored = 0
        revised: list[tuple[Article, Sequence[Event]]] = []
        with self._writing() as conn:
            empty = conn.execute("SELECT 1 AS found FROM events LIMIT 1").fetchone() is None
            bulk = empty and len(first) >= batch_size
            indexes = self._suspend_indexes(conn) if bulk else None
            stored += self._write_batch(conn, first, revised, fresh=bulk)
            if indexes is not None:
                count = len(first)
                for batch in pending:
                    stored += self._write_batch(conn, batch, revised, fresh=True)
                    count += len(batch)
                    logger.debug("initial load: %d articles written", count)
                logger.info("initial load of %d articles written; building indexes", count)
                self._resume_indexes(conn, indexes)
        stored += self._add_revised(revised)
        if not bulk:
            for batch in pending:
                revised = []
                with self._writing() as conn:
                    stored += self._write_batch(conn, batch, revised)
                stored += self._add_revised(revised)
        return stored

    def _add_revised(self, revised: list[tuple[Article, Sequence[Event]]]) -> int:
        return sum(self.add(article, events, dedup=False) for article, events in revised)

    def _write_batch(
        self,
        conn: Connection,
        batch: list[tuple[Article, Sequence[Event]]],
        revised: list[tuple[Article, Sequence[Event]]],
        *,
        fresh: bool = False,
    ) -> int:
        """Insert a batch's new articles inside the open transaction; revisions are appended to ``revised``.

        ``fresh``: events and mentions were emptied by :meth:`_suspend_indexes` in this transaction.
        """
        now = utc_now()
        stored = 0
        known: dict[str, str] = {}
        ids = [article.id for article, _ in batch]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in conn.execute(f"SELECT id, content_hash FROM articles WHERE id IN ({marks})", chunk).fetchall():
                known[row["id"]] = row["content_hash"]
        article_rows, event_rows, mention_rows, actor_rows, sources = [], [], [], set(), set()
        seen: set[str] = set()
        for article, events in batch:
            self._check_events(article, events)
            digest = article.content_hash or content_hash_of(article.text)
            if article.id in known or article.id in seen:
                if known.get(article.id) != digest:
                    revised.append((article, events))
                continue
            seen.add(article.id)
            article_rows.append(_article_values(article, digest, now))
            if article.source:
                sources.add(article.source)
            for mention_id, record, event in _mention_records(events):
                # The founding mention keeps the same record as its event: encode it once.
                record_json = _dump_record(record)
                event_rows.append(_event_values(mention_id, record, record_json=record_json))
                mention_values = _mention_values(mention_id, mention_id, event, record, None, record_json=record_json)
                mention_rows.append(mention_values)
                actor_rows.update((name, fold(name)) for name in (record["actor1"], record["actor2"]) if name)
            stored += 1
        # Key order keeps the primary-key B-trees' writes local.
        event_rows.sort(key=_first)
        mention_rows.sort(key=_first)
        self._insert_rows(conn, "articles", ARTICLE_COLUMNS, article_rows)
        self._insert_rows(conn, "events", EVENT_COLUMNS, event_rows, fresh=fresh)
        self._insert_rows(conn, "mentions", MENTION_COLUMNS, mention_rows, fresh=fresh)
        conn.executemany(
            "INSERT INTO actors (name, folded) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", sorted(actor_rows)
        )
        conn.executemany(
            "INSERT INTO sources (name, first_seen) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            [(name, now) for name in sorted(sources)],
        )
        return stored

    def _insert_rows(
        self, conn: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]], *, fresh: bool = False
    ) -> None:
        """Insert many rows into a table (a backend may use a faster path than INSERT).

        ``fresh``: the table was emptied earlier in this transaction (see :meth:`_suspend_indexes`).
        """
        if rows:
            conn.executemany(_insert_sql(table, columns), rows)

    @abc.abstractmethod
    def _suspend_indexes(self, conn: Connection) -> list[str]:
        """Drop what row-by-row upkeep makes slow on events and mentions (secondary and full-text
        indexes, and on PostgreSQL foreign keys); the SQL that rebuilds it. Called on empty tables."""

    @abc.abstractmethod
    def _resume_indexes(self, conn: Connection, statements: list[str]) -> None:
        """Rebuild what :meth:`_suspend_indexes` dropped, over the rows now stored."""

    def _check_events(self, article: Article, events: Sequence[Event]) -> None:
        for event in events:
            if event.article_id != article.id:
                raise StoreError(
                    "E303",
                    url=self.url,
                    reason=f"event of article {event.article_id!r} added with article {article.id!r}",
                )

    def _write_article(self, conn: Connection, article: Article, digest: str, *, exists: bool) -> None:
        now = utc_now()
        values = _article_values(article, digest, now)
        if not exists:
            conn.execute(_insert_sql("articles", ARTICLE_COLUMNS), values)
        else:
            assignments = ", ".join(f"{col} = ?" for col in ARTICLE_COLUMNS[1:])
            conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*values[1:], article.id))
        if article.source:
            conn.execute(
                "INSERT INTO sources (name, first_seen) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                (article.source, now),
            )

    def _forget_article(self, conn: Connection, article_id: str) -> set[str]:
        """Drop an article's mentions and the events nobody else reports; the survivors' ids."""
        rows = conn.execute("SELECT DISTINCT event_id FROM mentions WHERE article_id = ?", (article_id,)).fetchall()
        conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        survivors = set()
        for row in rows:
            left = conn.execute("SELECT COUNT(*) AS n FROM mentions WHERE event_id = ?", (row["event_id"],)).fetchone()
            if int(left["n"]):
                survivors.add(row["event_id"])
            else:
                conn.execute("DELETE FROM events WHERE event_id = ?", (row["event_id"],))
        return survivors

    def _free_event_id(self, conn: Connection, mention_id: str, event: Event) -> str:
        """``mention_id``, unless a surviving merged event holds it already (then the next ordinal)."""
        event_id, ordinal = mention_id, 0
        while conn.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,)).fetchone() is not None:
            ordinal += 1
            event_id = make_event_id(event.article_id, event.evidence, event.event_type, ordinal=100 + ordinal)
        return event_id

    def _insert_event(self, conn: Connection, event_id: str, record: Mapping[str, Any]) -> None:
        conn.execute(_insert_sql("events", EVENT_COLUMNS), _event_values(event_id, record))
        self._remember_actors(conn, record)

    @staticmethod
    def _remember_actors(conn: Connection, record: Mapping[str, Any]) -> None:
        for name in {record.get("actor1"), record.get("actor2")} - {None, ""}:
            conn.execute(
                "INSERT INTO actors (name, folded) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", (name, fold(name))
            )

    @staticmethod
    def _insert_mention(
        conn: Connection,
        event_id: str,
        mention_id: str,
        event: Event,
        record: Mapping[str, Any],
        decision: Any | None,
    ) -> None:
        conn.execute(
            _insert_sql("mentions", MENTION_COLUMNS) + " ON CONFLICT DO NOTHING",
            _mention_values(event_id, mention_id, event, record, decision),
        )

    def _decide(self, conn: Connection, dedup: Any, record: dict[str, Any], mention_id: str) -> Any | None:
        new = {**record, "event_id": mention_id}
        candidates = self._candidates(conn, dedup, new)
        if not candidates:
            return None
        decision = dedup.decide(new, candidates)
        if decision is None:
            return None
        if decision.event_id not in {c["event_id"] for c in candidates}:
            logger.warning("dedup chose %s, which was not a candidate; stored as a new event", decision.event_id)
            return None
        logger.debug("event %s of %s merged into %s (%.2f)", mention_id, record["article_id"], decision.event_id,
                     decision.score)  # fmt: skip
        return decision

    def _candidates(self, conn: Connection, dedup: Any, new: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Stored events ``new`` may duplicate, as records with ``event_id``, ``article_id``, ``article_ids``."""
        first, last = dedup.date_window(new)
        if first is None and last is None:  # undated: nothing to compare it with
            return []
        # Reports of one occurrence may be coded with interchangeable types (a bombing, an attack).
        types = list(dedup.candidate_types(new)) if hasattr(dedup, "candidate_types") else [new["event_type"]]
        types = types or [new["event_type"]]
        where = [f"e.event_type IN ({', '.join('?' * len(types))})"]
        params: list[Any] = list(types)
        if first is not None:
            where.append("e.date >= ?")
            params.append(_day(first))
        if last is not None:
            where.append("e.date <= ?")
            params.append(_day(last))
        country = new.get("country")
        if country:
            where.append("(e.country = ? OR e.country IS NULL)")
            params.append(str(country).upper())
        where.append("NOT EXISTS (SELECT 1 FROM mentions ms WHERE ms.event_id = e.event_id AND ms.article_id = ?)")
        params.append(new["article_id"])
        rows = conn.execute(
            "SELECT e.event_id, e.article_id, e.record FROM events e WHERE " + " AND ".join(where)
            + f" ORDER BY e.event_id LIMIT {MAX_CANDIDATES}",
            params,
        ).fetchall()  # fmt: skip
        candidates = []
        for row in rows:
            articles = conn.execute(
                "SELECT DISTINCT article_id FROM mentions WHERE event_id = ? ORDER BY article_id", (row["event_id"],)
            ).fetchall()
            candidates.append(
                {
                    **_stored_record(row["record"]),
                    "event_id": row["event_id"],
                    "article_id": row["article_id"],
                    "article_ids": [a["article_id"] for a in articles],
                }
            )
        return candidates

    def _recompute(self, conn: Connection, event_id: str, dedup: Any | None) -> None:
        """Rewrite an event row from its mentions (``dedup.combine``), or delete it if none is left."""
        rows = conn.execute(
            "SELECT m.article_id, m.record, m.score FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE m.event_id = ?"
            " ORDER BY m.score IS NOT NULL, a.published IS NULL, a.published, m.article_id, m.evidence_start",
            (event_id,),
        ).fetchall()
        if not rows:
            conn.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
            return
        records = [{**_stored_record(r["record"]), "article_id": r["article_id"]} for r in rows if r["record"]]
        if not records:  # mentions migrated from schema 1 carry no record: keep the row as it is
            return
        founder = rows[0]["article_id"]
        if dedup is not None and len(records) > 1:
            combined = dict(dedup.combine(records))
            canonical = {**records[0], **combined}
        else:
            canonical = dict(records[0])
        for key in _OUTPUT_KEYS:
            canonical.pop(key, None)
        canonical["article_id"] = founder
        values = _event_values(event_id, canonical)
        assignments = ", ".join(f"{col} = ?" for col in EVENT_COLUMNS[1:])
        conn.execute(f"UPDATE events SET {assignments} WHERE event_id = ?", (*values[1:], event_id))
        self._remember_actors(conn, canonical)

    # -- reading ------------------------------------------------------------------

    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        """Whether the article is stored (with this content hash, when one is given)."""
        sql = "SELECT 1 AS found FROM articles WHERE id = ?"
        params: list[Any] = [article_id]
        if content_hash is not None:
            sql += " AND content_hash = ?"
            params.append(content_hash)
        with self._reading() as conn:
            return conn.execute(sql, params).fetchone() is not None

    def article(self, article_id: str) -> Article | None:
        """The stored article, text included (every span points into it), or None."""
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
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
        admin1: str | None = None,
        near: tuple[float, float, float] | None = None,
        actor: str | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        min_fatalities: int | None = None,
        text: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored events as records, ordered by date (undated last) then id. Filters combine with AND.

        Args:
            since: Events on or after this day (undated events are left out).
            until: Events on or before this day (undated events are left out).
            country: ISO 3166-1 alpha-3, any case; an alpha-2 code or a country
                name is translated to alpha-3.
            admin1: First-level division, exact but any case ("nineveh").
            near: ``(latitude, longitude, radius_km)``: events whose coordinates
                lie within that great-circle distance.
            actor: Matches actor1 or actor2. The query is canonicalised through
                the actor dictionary ("ISIS", "Daesh" find "Islamic State"; "the
                army" finds every "Military Forces of ..."), and any actor whose
                name contains the query (any case) matches too.
            event_type: An event type or a sub-event type, any case.
            sub_event_type: A sub-event type, any case.
            min_fatalities: Events with at least this many reported fatalities.
            text: Full-text search over the evidence of every mention: words
                (stemmed, all required), ``"a phrase"``, ``a OR b``, ``-word``.
            article_id: Only events reported by this article.
            limit: At most this many records.
            offset: Skip this many records first (paging).

        Raises:
            ValueError: a negative limit or offset, an unusable ``near``.
        """
        filters = dict(since=since, until=until, country=country, admin1=admin1, near=near, actor=actor,
                       event_type=event_type, sub_event_type=sub_event_type, min_fatalities=min_fatalities,
                       text=text, article_id=article_id)  # fmt: skip
        _check_paging(limit, offset)
        batch = limit if limit else 5000
        return list(self.iter_events(**filters, limit=limit, offset=offset, batch_size=batch))

    def iter_events(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: str | None = None,
        admin1: str | None = None,
        near: tuple[float, float, float] | None = None,
        actor: str | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        min_fatalities: int | None = None,
        text: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        batch_size: int = 1000,
    ) -> Iterator[dict[str, Any]]:
        """The records :meth:`events` returns, fetched ``batch_size`` at a time (for exports).

        Batches are read by keyset (the last date and id seen), each in its own
        short read, so memory stays flat over millions of rows and writers are
        never blocked for long; rows written while iterating may or may not appear.

        Args: as :meth:`events`, plus ``batch_size`` (records per query).
        """
        filters = dict(since=since, until=until, country=country, admin1=admin1, near=near, actor=actor,
                       event_type=event_type, sub_event_type=sub_event_type, min_fatalities=min_fatalities,
                       text=text, article_id=article_id)  # fmt: skip
        _check_paging(limit, offset)
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, not {batch_size}")
        where, params = self._where(**filters)
        remaining, skip = limit, offset
        # Dated events by (date, event_id), then undated ones by event_id: both
        # orders follow an index, so every batch is a short index range scan.
        for dated in (True, False):
            after: tuple[Any, ...] | None = None
            while remaining is None or remaining > 0:
                size = batch_size if remaining is None else min(batch_size, remaining)
                page_where = [*where, "e.date IS NOT NULL" if dated else "e.date IS NULL"]
                page_params = list(params)
                if after is not None:
                    page_where.append("(e.date, e.event_id) > (?, ?)" if dated else "e.event_id > ?")
                    page_params += after
                order = " ORDER BY e.date, e.event_id" if dated else " ORDER BY e.event_id"
                sql = _SELECT_EVENTS + _where_sql(page_where) + order + " LIMIT ? OFFSET ?"
                with self._reading() as conn:
                    rows = conn.execute(sql, [*page_params, size, skip]).fetchall()
                    if skip and not rows:  # the offset reaches past this half: skip all of it
                        counted = conn.execute(
                            "SELECT COUNT(*) AS n FROM events e" + _where_sql(page_where), page_params
                        ).fetchone()
                        skip = max(0, skip - int(counted["n"]))
                        break
                skip = 0
                for row in rows:
                    yield _output_record(row)
                if remaining is not None:
                    remaining -= len(rows)
                if len(rows) < size:
                    break
                last = rows[-1]
                after = (last["date"], last["event_id"]) if dated else (last["event_id"],)

    def aggregate(
        self,
        *,
        period: str = "month",
        by: str | None = "country",
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: str | None = None,
        admin1: str | None = None,
        near: tuple[float, float, float] | None = None,
        actor: str | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        min_fatalities: int | None = None,
        text: str | None = None,
        article_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Event and fatality counts per period (and key), over the events the filters keep.

        Undated events have no period and are left out; unreported fatalities
        count as 0. With ``by="actor"`` an event counts once for actor1 and once
        for actor2 (once if both are the same; events with neither are left out).

        Args:
            period: ``"day"`` (``2024-11-13``), ``"week"`` (ISO, ``2024-W46``),
                ``"month"`` (``2024-11``) or ``"year"`` (``2024``).
            by: ``"country"``, ``"admin1"``, ``"actor"``, ``"event_type"``,
                ``"sub_event_type"`` or None (one row per period, key None).
            since, until, country, ...: the filters of :meth:`events`.

        Returns:
            Rows ``{"period", "key", "events", "fatalities"}`` sorted by period,
            then key (None last).

        Raises:
            ValueError: an unknown period or key.
        """
        filters = dict(since=since, until=until, country=country, admin1=admin1, near=near, actor=actor,
                       event_type=event_type, sub_event_type=sub_event_type, min_fatalities=min_fatalities,
                       text=text, article_id=article_id)  # fmt: skip
        if period not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
        if by is not None and by not in AGGREGATE_KEYS:
            raise ValueError(f"by must be one of {', '.join(AGGREGATE_KEYS)} or None, not {by!r}")
        where, params = self._where(**filters)
        where.append("e.date IS NOT NULL")
        period_sql = {
            "day": "SUBSTR(e.date, 1, 10)",
            "week": self._week_sql(),
            "month": "SUBSTR(e.date, 1, 7)",
            "year": "SUBSTR(e.date, 1, 4)",
        }[period]
        if by == "actor":
            inner = (
                f"SELECT {period_sql} AS period, e.actor1 AS key, e.fatalities AS fatalities FROM events e"
                + _where_sql([*where, "e.actor1 IS NOT NULL"])
                + f" UNION ALL SELECT {period_sql} AS period, e.actor2 AS key, e.fatalities AS fatalities FROM events e"
                + _where_sql([*where, "e.actor2 IS NOT NULL", "(e.actor1 IS NULL OR e.actor2 <> e.actor1)"])
            )
            params = params + params
        else:
            key_sql = f"e.{by}" if by else "NULL"
            inner = f"SELECT {period_sql} AS period, {key_sql} AS key, e.fatalities AS fatalities FROM events e"
            inner += _where_sql(where)
        sql = (
            "SELECT t.period AS period, t.key AS key, COUNT(*) AS n_events,"
            " SUM(COALESCE(t.fatalities, 0)) AS n_fatalities"
            f" FROM ({inner}) t GROUP BY t.period, t.key"
        )
        with self._reading() as conn:
            rows = conn.execute(sql, params).fetchall()
        result = [
            {
                "period": row["period"],
                "key": row["key"],
                "events": int(row["n_events"]),
                "fatalities": int(row["n_fatalities"] or 0),
            }
            for row in rows
        ]
        # Sorted here, not in SQL: the database's collation must not decide the order.
        result.sort(key=lambda r: (r["period"], r["key"] is None, r["key"] or ""))
        return result

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event record in the shape :meth:`events` returns, or None."""
        with self._reading() as conn:
            row = conn.execute(_SELECT_EVENTS + " WHERE e.event_id = ?", (event_id,)).fetchone()
        return None if row is None else _output_record(row)

    def mentions(self, event_id: str) -> list[dict[str, Any]]:
        """The article mentions reporting an event, founding mention first.

        Each has the article's ``article_id``, ``title``, ``url``, ``source``,
        ``published``; its ``evidence`` with ``evidence_start``/``evidence_end``;
        ``record`` (that article's own coding of the event, ``spans`` included)
        and ``spans``; and the dedup decision that attached it: ``score`` and
        ``reasons`` (None for the founding mention).
        """
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT m.article_id, m.mention_id, m.evidence, m.evidence_start, m.evidence_end, m.record,"
                " m.score, m.reasons, a.title, a.url, a.source, a.published"
                " FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?"
                " ORDER BY m.score IS NOT NULL, a.published IS NULL, a.published, m.article_id, m.evidence_start",
                (event_id,),
            ).fetchall()
        result = []
        for row in rows:
            record = _stored_record(row["record"]) if row["record"] else None
            result.append(
                {
                    "article_id": row["article_id"],
                    "mention_id": row["mention_id"],
                    "evidence": row["evidence"],
                    "evidence_start": row["evidence_start"],
                    "evidence_end": row["evidence_end"],
                    "title": row["title"],
                    "url": row["url"],
                    "source": row["source"],
                    "published": row["published"],
                    "score": row["score"],
                    "reasons": json.loads(row["reasons"]) if row["reasons"] else None,
                    "spans": record.get("spans") if record else None,
                    "record": record,
                }
            )
        return result

    def counts(self) -> dict[str, int]:
        """How many ``articles``, ``events`` and ``mentions`` are stored."""
        with self._reading() as conn:
            return {
                table: int(conn.execute(f"SELECT COUNT(*) AS n FROM {table}").fetchone()["n"])
                for table in ("articles", "events", "mentions")
            }

    # -- the shared query builder ---------------------------------------------------

    def _where(
        self,
        *,
        since: dt.date | None,
        until: dt.date | None,
        country: str | None,
        admin1: str | None,
        near: tuple[float, float, float] | None,
        actor: str | None,
        event_type: str | None,
        sub_event_type: str | None,
        min_fatalities: int | None,
        text: str | None,
        article_id: str | None,
    ) -> tuple[list[str], list[Any]]:
        """WHERE conditions (over alias ``e``) and their parameters for the query filters."""
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
        if admin1 is not None:
            where.append("e.admin1_key = ?")
            params.append(fold(admin1))
        if near is not None:
            sql, near_params = self._near_condition(near)
            where.append(sql)
            params += near_params
        if actor is not None:
            sql, actor_params = self._actor_condition(actor)
            where.append(sql)
            params += actor_params
        if event_type is not None:
            main, sub = canonical_event_type(event_type)
            if main is not None:
                where.append("e.event_type = ?")
                params.append(main)
            elif sub is not None:
                where.append("e.sub_event_type = ?")
                params.append(sub)
            else:  # not a codebook type: only an identically spelled stored value can match
                where.append("(e.event_type = ? OR e.sub_event_type = ?)")
                params += [event_type.strip()] * 2
        if sub_event_type is not None:
            _, sub = canonical_event_type(sub_event_type)
            where.append("e.sub_event_type = ?")
            params.append(sub or sub_event_type.strip())
        if min_fatalities is not None:
            where.append("e.fatalities >= ?")
            params.append(int(min_fatalities))
        if text is not None:
            groups, _ = parse_text_query(text)
            if groups:
                sql, text_params = self._text_condition(text)
                where.append(sql)
                params += text_params
            else:  # only stop words or exclusions: PostgreSQL's empty tsquery matches nothing either
                where.append("1 = 0")
        if article_id is not None:
            where.append("EXISTS (SELECT 1 FROM mentions ma WHERE ma.event_id = e.event_id AND ma.article_id = ?)")
            params.append(article_id)
        return where, params

    def _actor_condition(self, query: str) -> tuple[str, list[Any]]:
        """Condition on actor1/actor2: the matching names are read from the small ``actors`` table
        first, so the query on events is an IN list both columns' indexes serve."""
        folded = fold(query)
        names = ["a.folded LIKE ? ESCAPE '\\'"]
        params: list[Any] = [f"%{like_escape(folded)}%"]
        canonical = canonical_actor(query)
        if canonical:
            # "Military Forces" stands for every "Military Forces of <country>",
            # "Civilians" for every "Civilians (<country>)".
            key = fold(canonical)
            names += ["a.folded = ?", "a.folded LIKE ? ESCAPE '\\'", "a.folded LIKE ? ESCAPE '\\'"]
            params += [key, f"{like_escape(key)} of %", f"{like_escape(key)} (%"]
        subquery = "SELECT a.name FROM actors a WHERE " + " OR ".join(names)
        with self._reading() as conn:
            matched = [row["name"] for row in conn.execute(subquery + " ORDER BY a.name", params).fetchall()]
        if not matched:
            return "1 = 0", []
        if len(matched) > 5000:  # beyond any sane IN list: let the database join
            return f"(e.actor1 IN ({subquery}) OR e.actor2 IN ({subquery}))", params + params
        marks = ", ".join("?" * len(matched))
        return f"(e.actor1 IN ({marks}) OR e.actor2 IN ({marks}))", matched + matched

    def _near_condition(self, near: tuple[float, float, float]) -> tuple[str, list[Any]]:
        try:
            lat, lon, radius = (float(v) for v in near)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"near must be (latitude, longitude, radius_km), not {near!r}") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and radius >= 0):
            raise ValueError(f"near must be (latitude, longitude, radius_km) with valid values, not {near!r}")
        lat_min, lat_max, lon_ranges = bounding_box(lat, lon, radius)
        # The box uses the (latitude, longitude) index; the exact distance runs on what it keeps.
        parts = ["e.latitude BETWEEN ? AND ?"]
        params: list[Any] = [lat_min, lat_max]
        if lon_ranges is not None:
            parts.append("(" + " OR ".join("e.longitude BETWEEN ? AND ?" for _ in lon_ranges) + ")")
            for low, high in lon_ranges:
                params += [low, high]
        else:
            parts.append("e.longitude IS NOT NULL")
        parts.append(f"{self._distance_sql()} <= ?")
        params += [*self._distance_params(lat, lon), radius]
        return "(" + " AND ".join(parts) + ")", params

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


_SELECT_EVENTS = (
    "SELECT e.event_id, e.date, e.record, a.title, a.url,"
    " (SELECT COUNT(*) FROM mentions m WHERE m.event_id = e.event_id) AS n_mentions"
    " FROM events e LEFT JOIN articles a ON a.id = e.article_id"
)


def _where_sql(where: Sequence[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def _check_paging(limit: int | None, offset: int) -> None:
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, not {limit}")
    if offset < 0:
        raise ValueError(f"offset must be >= 0, not {offset}")


def _mention_records(events: Sequence[Event]) -> Iterator[tuple[str, dict[str, Any], Event]]:
    """(mention id, record, event) per event; ids get an ordinal where span and type repeat."""
    seen: dict[tuple[int, int, str], int] = {}
    for event in events:
        key = (event.evidence.start, event.evidence.end, event.event_type)
        ordinal = seen.get(key, 0)
        seen[key] = ordinal + 1
        yield make_event_id(event.article_id, event.evidence, event.event_type, ordinal=ordinal), event.to_record(), event


def _dump_record(record: Mapping[str, Any]) -> str:
    return json.dumps(dict(record), ensure_ascii=False)


def _first(row: tuple[Any, ...]) -> Any:
    return row[0]


def _event_values(event_id: str, record: Mapping[str, Any], *, record_json: str | None = None) -> tuple[Any, ...]:
    values = [record.get(col) for col in EVENT_COLUMNS]
    country = values[_EVENT_INDEX["country"]]
    admin1 = values[_EVENT_INDEX["admin1"]]
    values[_EVENT_INDEX["event_id"]] = event_id
    if isinstance(country, str):
        values[_EVENT_INDEX["country"]] = country.upper()
    values[_EVENT_INDEX["background"]] = bool(values[_EVENT_INDEX["background"]])
    values[_EVENT_INDEX["record"]] = record_json if record_json is not None else _dump_record(record)
    values[_EVENT_INDEX["admin1_key"]] = fold(admin1) if isinstance(admin1, str) else None
    values[_EVENT_INDEX["evidence"]] = values[_EVENT_INDEX["evidence"]] or ""
    return tuple(values)


_EVENT_INDEX = {col: i for i, col in enumerate(EVENT_COLUMNS)}


def _mention_values(
    event_id: str,
    mention_id: str,
    event: Event,
    record: Mapping[str, Any],
    decision: Any | None,
    *,
    record_json: str | None = None,
) -> tuple[Any, ...]:
    return (
        event_id,
        event.article_id,
        mention_id,
        event.evidence.text,
        event.evidence.start,
        event.evidence.end,
        record_json if record_json is not None else _dump_record(record),
        float(decision.score) if decision is not None else None,
        json.dumps(list(decision.reasons), ensure_ascii=False) if decision is not None else None,
    )


def _article_values(article: Article, digest: str, now: str) -> tuple[Any, ...]:
    return (
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


def _stored_record(text: str) -> dict[str, Any]:
    record = json.loads(text)
    for key in _OUTPUT_KEYS:
        record.pop(key, None)
    return record


def _output_record(row: Any) -> dict[str, Any]:
    return {
        "event_id": row["event_id"],
        **_stored_record(row["record"]),
        "mentions": int(row["n_mentions"]),
        "title": row["title"],
        "url": row["url"],
    }


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


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


def utc_now() -> str:
    """The current UTC time as ISO 8601 (seconds), as the store records it."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
