"""The event store's schema: tables, indexes and the migration steps that build them.

:data:`MIGRATIONS` is a list of ``(version, SQL)`` steps applied in order,
each in its own transaction, and recorded in the ``schema_version`` table. A
step is one portable script or a mapping of dialect (``"sqlite"``,
``"postgresql"``) to script; column types are chosen to mean the same in both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

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

# Step 2 (queries and deduplication), the part both dialects share. It runs
# after the dialect part, which (on SQLite) rebuilds ``mentions``.
_SCHEMA_V2_COMMON = """
ALTER TABLE events ADD COLUMN admin1_key TEXT;
UPDATE events SET admin1_key = LOWER(admin1);
UPDATE mentions SET mention_id = event_id,
    record = (SELECT e.record FROM events e WHERE e.event_id = mentions.event_id);
DROP INDEX events_date;
DROP INDEX events_country;
DROP INDEX events_event_type;
CREATE INDEX events_date_id ON events (date, event_id);
CREATE INDEX events_country_date ON events (country, date, fatalities);  -- covers per-country aggregates
CREATE INDEX events_type_date ON events (event_type, date);
CREATE INDEX events_sub_event_type ON events (sub_event_type, date);
CREATE INDEX events_admin1_key ON events (admin1_key);
CREATE INDEX events_lat_lon ON events (latitude, longitude);
CREATE INDEX events_actor1 ON events (actor1);
CREATE INDEX events_actor2 ON events (actor2);
CREATE TABLE actors (
    name TEXT PRIMARY KEY,
    folded TEXT NOT NULL
);
INSERT INTO actors (name, folded)
    SELECT actor1, LOWER(actor1) FROM events WHERE actor1 IS NOT NULL
    UNION SELECT actor2, LOWER(actor2) FROM events WHERE actor2 IS NOT NULL;
"""

_SQLITE_V2 = """
CREATE TABLE mentions_v2 (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    mention_id TEXT,
    evidence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    record TEXT,
    score DOUBLE PRECISION,
    reasons TEXT,
    UNIQUE (event_id, article_id, evidence_start, evidence_end)
);
INSERT INTO mentions_v2 (event_id, article_id, evidence, evidence_start, evidence_end)
    SELECT event_id, article_id, evidence, evidence_start, evidence_end FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_v2 RENAME TO mentions;
CREATE INDEX mentions_article_id ON mentions (article_id);
CREATE VIRTUAL TABLE mentions_fts USING fts5(
    evidence, content='mentions', content_rowid='id', tokenize='porter unicode61 remove_diacritics 0'
);
INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');
CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO mentions_fts (rowid, evidence) VALUES (new.id, new.evidence);
END;
CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_fts (mentions_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
END;
CREATE TRIGGER mentions_fts_update AFTER UPDATE OF evidence ON mentions BEGIN
    INSERT INTO mentions_fts (mentions_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
    INSERT INTO mentions_fts (rowid, evidence) VALUES (new.id, new.evidence);
END;
"""

_POSTGRES_V2 = """
ALTER TABLE mentions ADD COLUMN mention_id TEXT;
ALTER TABLE mentions ADD COLUMN record TEXT;
ALTER TABLE mentions ADD COLUMN score DOUBLE PRECISION;
ALTER TABLE mentions ADD COLUMN reasons TEXT;
CREATE INDEX mentions_evidence_fts ON mentions USING GIN (to_tsvector('english', evidence));
"""

#: Schema steps ``(version, SQL)``, applied in ascending order to bring a store up to date.
#: The SQL is one portable script, or a mapping of dialect (``"sqlite"``,
#: ``"postgresql"``) to script. Append to it; never edit a released step.
MIGRATIONS: list[tuple[int, str | Mapping[str, str]]] = [
    (1, _SCHEMA_V1),
    (2, {"sqlite": _SQLITE_V2 + _SCHEMA_V2_COMMON, "postgresql": _POSTGRES_V2 + _SCHEMA_V2_COMMON}),
]

EVENT_COLUMNS = (
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
    "admin1_key",
)

ARTICLE_COLUMNS = (
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

MENTION_COLUMNS = (
    "event_id",
    "article_id",
    "mention_id",
    "evidence",
    "evidence_start",
    "evidence_end",
    "record",
    "score",
    "reasons",
)


def supported_version() -> int:
    """The schema version this code writes (the last step of :data:`MIGRATIONS`)."""
    return max((version for version, _ in MIGRATIONS), default=0)


def migration_sql(step: str | Mapping[str, str], dialect: str) -> str:
    """The script of one migration step for a dialect (empty if the step has none for it)."""
    if isinstance(step, str):
        return step
    return step.get(dialect, "")


def split_statements(sql: str) -> list[str]:
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
