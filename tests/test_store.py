"""Tests for the event store (tacitus.store), run on SQLite and on a throwaway PostgreSQL.

Every test taking the ``store`` (or ``backend``) fixture runs once per backend;
the PostgreSQL runs get a fresh database each (``postgres_db_url`` in conftest).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from tacitus import store as store_module
from tacitus.errors import StoreError
from tacitus.models import Actor, Article, Casualties, Event, EventDate, Place, Span
from tacitus.store import Store, make_event_id, open_store
from tacitus.store import schema as store_schema

TEXT = (
    "BAGHDAD, Jan. 5 (Reuters) - A suicide bomber killed at least 12 people and wounded 30 "
    "at a market in Baghdad on Saturday, police said. Islamic State claimed the attack. "
    "In Mosul, the army clashed with militants on Friday."
)


def span(text: str, *, source: str = TEXT) -> Span:
    start = source.index(text)
    return Span(start, start + len(text), text)


def make_article(article_id: str = "a1", *, text: str = TEXT, content_hash: str = "h1", **kw) -> Article:
    defaults = dict(
        title="Bomber kills 12 in Baghdad",
        url=f"https://example.org/{article_id}",
        source="Reuters",
        published=dt.date(2019, 1, 5),
        published_from="metadata",
        language="en",
        origin=f"/data/{article_id}.jsonl",
    )
    defaults.update(kw)
    return Article(id=article_id, text=text, content_hash=content_hash, **defaults)


def bombing(article_id: str = "a1", **kw) -> Event:
    evidence = span("A suicide bomber killed at least 12 people and wounded 30 at a market in Baghdad on Saturday")
    fields = dict(
        article_id=article_id,
        event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb",
        evidence=evidence,
        date=EventDate(dt.date(2019, 1, 5), "day", span("on Saturday")),
        place=Place(
            name="Baghdad",
            latitude=33.34058,
            longitude=44.40088,
            country="IRQ",
            admin1="Baghdad",
            geonameid=98182,
            feature="P.PPLC",
            precision="place",
            population=7216000,
        ),
        location_span=span("Baghdad on"),
        actor1=Actor("Islamic State", span("Islamic State"), kind="rebel"),
        actor2=Actor("Civilians (Iraq)", None, kind="civilians", country="IRQ"),
        casualties=Casualties(
            fatalities=12,
            fatalities_high=None,
            wounded=30,
            fatalities_span=span("killed at least 12"),
            wounded_span=span("wounded 30"),
        ),
        confidence=0.87654,
        background=False,
        trigger=span("suicide bomber"),
    )
    fields.update(kw)
    return Event(**fields)


def clash(article_id: str = "a1", **kw) -> Event:
    fields = dict(
        article_id=article_id,
        event_type="Battles",
        sub_event_type="Armed clash",
        evidence=span("In Mosul, the army clashed with militants on Friday."),
        date=EventDate(dt.date(2019, 1, 4), "day", span("on Friday")),
        place=Place("Mosul", 36.335, 43.11889, "IRQ", admin1="Nineveh", geonameid=99072, precision="place"),
        actor1=Actor("Military Forces of Iraq", span("the army")),
        actor2=Actor("Islamic State", span("militants")),
        background=True,
        confidence=0.4,
    )
    fields.update(kw)
    return Event(**fields)


class Backend:
    """One database of one backend: its URL, and raw SQL access that bypasses the store."""

    def __init__(self, name: str, url: str) -> None:
        self.name = name
        self.url = url

    def open(self) -> Store:
        return open_store(self.url)

    def raw(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Run one statement on a connection of its own (committed); its rows as tuples."""
        if self.name == "sqlite":
            conn = sqlite3.connect(self.url)
            try:
                rows = conn.execute(sql, params).fetchall()
                conn.commit()
                return [tuple(r) for r in rows]
            finally:
                conn.close()
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            cursor = conn.execute(sql.replace("?", "%s"), params or None)
            return [tuple(r) for r in cursor.fetchall()] if cursor.description else []

    def raw_dicts(self, sql: str) -> list[dict]:
        if self.name == "sqlite":
            conn = sqlite3.connect(self.url)
            conn.row_factory = sqlite3.Row
            try:
                return [dict(r) for r in conn.execute(sql).fetchall()]
            finally:
                conn.close()
        import psycopg
        from psycopg.rows import dict_row

        with psycopg.connect(self.url, autocommit=True, row_factory=dict_row) as conn:
            return list(conn.execute(sql).fetchall())

    def fail_on_battles(self) -> None:
        """Make the database itself fail mid-article (as a full disk would) when a Battles event is written."""
        if self.name == "sqlite":
            self.raw(
                "CREATE TRIGGER fail_battles BEFORE INSERT ON events WHEN NEW.event_type = 'Battles'"
                " BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"
            )
            return
        self.raw(
            "CREATE FUNCTION fail_battles() RETURNS trigger LANGUAGE plpgsql AS $$"
            " BEGIN IF NEW.event_type = 'Battles' THEN RAISE EXCEPTION 'simulated failure'; END IF;"
            " RETURN NEW; END $$"
        )
        self.raw("CREATE TRIGGER fail_battles BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION fail_battles()")

    @property
    def error_type(self) -> type[Exception]:
        if self.name == "sqlite":
            return sqlite3.Error
        import psycopg

        return psycopg.Error


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite", str(tmp_path / "events.sqlite"))
    return Backend("postgresql", request.getfixturevalue("postgres_db_url"))


@pytest.fixture
def store(backend: Backend) -> Store:
    with backend.open() as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    """Four events over three articles, in two countries, one undated."""
    store.add(make_article("a1"), [bombing("a1"), clash("a1")])
    text2 = "Protesters in Paris clashed with police; the Forces Armées Françaises were deployed. 100% sure."
    store.add(
        make_article("a2", text=text2, content_hash="h2", source="AFP", title="Paris riot"),
        [
            Event(
                article_id="a2",
                event_type="Riots",
                sub_event_type="Violent demonstration",
                evidence=span("Protesters in Paris clashed with police;", source=text2),
                date=EventDate(dt.date(2018, 12, 1), "day"),
                place=Place("Paris", 48.85341, 2.3488, "FRA", admin1="Île-de-France", precision="place"),
                actor1=Actor("Émeutiers (France)"),
                actor2=Actor("Forces Armées Françaises"),
            )
        ],
    )
    text3 = "Gunmen attacked a village."
    store.add(
        make_article("a3", text=text3, content_hash="h3", published=None),
        [
            Event(
                article_id="a3",
                event_type="Violence against civilians",
                sub_event_type="Attack",
                evidence=span("Gunmen attacked a village.", source=text3),
                actor1=Actor("Unidentified Armed Group (Syria)"),
                place=Place("Syria", 35.0, 38.0, "SYR", precision="country"),
            )
        ],
    )
    return store


def ids_of(records: list[dict]) -> list[str]:
    return [r["article_id"] + ":" + (r["sub_event_type"] or "") for r in records]


# -- round trip ---------------------------------------------------------------


def test_round_trip_keeps_every_record_field(store: Store) -> None:
    article = make_article()
    event = bombing()
    assert store.add(article, [event]) is True
    (record,) = store.events()
    expected_id = make_event_id("a1", event.evidence, event.event_type)
    assert record == {
        "event_id": expected_id,
        **event.to_record(),
        "mentions": 1,
        "title": "Bomber kills 12 in Baghdad",
        "url": "https://example.org/a1",
    }
    assert record["spans"]["wounded"] == [TEXT.index("wounded 30"), TEXT.index("wounded 30") + len("wounded 30")]
    assert store.event(expected_id) == record
    assert store.article("a1") == article


def test_round_trip_fills_every_codebook_column(store: Store, backend: Backend) -> None:
    store.add(make_article(), [bombing()])
    (row,) = backend.raw_dicts("SELECT * FROM events")
    record = bombing().to_record()
    for column in set(row) - {"event_id", "record", "background", "admin1_key"}:
        assert row[column] == record[column], column
    assert row["geonameid"] == 98182 and row["geo_precision"] == "place"
    assert row["confidence"] == pytest.approx(0.877)
    assert row["background"] in (0, False)
    assert row["admin1_key"] == "baghdad"
    (mention,) = backend.raw_dicts("SELECT * FROM mentions")
    assert mention["article_id"] == "a1"
    assert TEXT[mention["evidence_start"] : mention["evidence_end"]] == mention["evidence"]
    assert mention["score"] is None and mention["reasons"] is None
    assert backend.raw("SELECT name FROM sources") == [("Reuters",)]
    assert backend.raw("SELECT name, folded FROM actors ORDER BY name") == [
        ("Civilians (Iraq)", "civilians (iraq)"),
        ("Islamic State", "islamic state"),
    ]


def test_article_without_hash_gets_one(store: Store) -> None:
    store.add(make_article(content_hash=""), [])
    stored = store.article("a1")
    assert stored is not None and len(stored.content_hash) == 64
    assert store.add(make_article(content_hash=""), []) is False


def test_unknown_event_and_article_give_none(store: Store) -> None:
    assert store.event("0123456789abcdef") is None
    assert store.article("nope") is None
    assert store.mentions("0123456789abcdef") == []


# -- idempotence and revisions --------------------------------------------------


def test_readding_same_article_changes_nothing(store: Store, backend: Backend) -> None:
    assert store.add(make_article(), [bombing(), clash()]) is True
    before = store.events()
    ingested = backend.raw("SELECT ingested_at FROM articles")
    assert store.add(make_article(), [bombing(), clash()]) is False
    assert store.events() == before
    assert store.counts() == {"articles": 1, "events": 2, "mentions": 2}
    assert backend.raw("SELECT ingested_at FROM articles") == ingested


def test_revised_article_replaces_its_events(store: Store) -> None:
    store.add(make_article(), [bombing(), clash()])
    old_ids = {r["event_id"] for r in store.events()}
    revised = make_article(content_hash="h1-v2", title="Bomber kills 14 in Baghdad")
    assert store.add(revised, [bombing(casualties=Casualties(fatalities=14))]) is True
    records = store.events()
    assert len(records) == 1
    assert records[0]["fatalities"] == 14 and records[0]["title"] == "Bomber kills 14 in Baghdad"
    assert store.counts() == {"articles": 1, "events": 1, "mentions": 1}
    assert store.has_article("a1", "h1-v2") and not store.has_article("a1", "h1")
    # The bombing keeps its id (same span and type); the dropped clash is gone.
    assert records[0]["event_id"] in old_ids
    assert len(old_ids - {records[0]["event_id"]}) == 1


def test_replace_forces_recoding_with_same_hash(store: Store) -> None:
    store.add(make_article(), [bombing(), clash()])
    assert store.add(make_article(), [clash()], replace=True) is True
    assert [r["event_type"] for r in store.events()] == ["Battles"]


def test_has_article(store: Store) -> None:
    assert not store.has_article("a1")
    store.add(make_article(), [])
    assert store.has_article("a1")
    assert store.has_article("a1", "h1")
    assert not store.has_article("a1", "other")


def test_event_ids_are_deterministic_and_distinct(store: Store) -> None:
    twin = bombing(actor1=Actor("Unidentified Armed Group (Iraq)"))
    with store as one, open_store(":memory:") as two:
        one.add(make_article(), [bombing(), twin, clash()])
        two.add(make_article(), [bombing(), twin, clash()])
        first, second = one.events(), two.events()
    assert [r["event_id"] for r in first] == [r["event_id"] for r in second]
    ids = [r["event_id"] for r in first]
    assert len(set(ids)) == 3 and all(len(i) == 16 and int(i, 16) >= 0 for i in ids)
    assert {r["actor1"] for r in first} >= {"Islamic State", "Unidentified Armed Group (Iraq)"}


def test_event_ids_differ_across_articles(store: Store) -> None:
    store.add(make_article("a1"), [bombing("a1")], dedup=False)
    store.add(make_article("b1", content_hash="hb"), [bombing("b1")], dedup=False)
    ids = {r["event_id"] for r in store.events()}
    assert len(ids) == 2


def test_mentions_lists_reporting_article(filled: Store) -> None:
    (record,) = filled.events(article_id="a2")
    (mention,) = filled.mentions(record["event_id"])
    assert mention["article_id"] == "a2"
    assert mention["title"] == "Paris riot" and mention["source"] == "AFP"
    assert mention["evidence"] == record["evidence"]


# -- atomic writes ---------------------------------------------------------------


def test_failed_write_leaves_no_rows(store: Store, backend: Backend) -> None:
    backend.fail_on_battles()
    with pytest.raises(StoreError) as info:
        store.add(make_article(), [bombing(), clash()])  # the bombing is written first
    assert info.value.code == "E303"
    assert isinstance(info.value.__cause__, backend.error_type)
    assert store.counts() == {"articles": 0, "events": 0, "mentions": 0}
    assert not store.has_article("a1")
    assert "simulated failure" in str(info.value)
    assert store.add(make_article(), [bombing()]) is True  # the store is still usable


def test_failed_revision_keeps_previous_version(store: Store, backend: Backend) -> None:
    store.add(make_article(), [bombing(), clash()])
    before = store.events()
    backend.fail_on_battles()
    with pytest.raises(StoreError):
        store.add(make_article(content_hash="h2"), [bombing(), clash()])
    assert store.events() == before
    assert store.has_article("a1", "h1")


def test_event_of_another_article_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="a2"):
        store.add(make_article("a1"), [bombing("a2")])
    assert store.counts()["articles"] == 0


# -- filters --------------------------------------------------------------------


def test_events_ordered_by_date_then_id_undated_last(filled: Store) -> None:
    records = filled.events()
    assert [r["date"] for r in records] == ["2018-12-01", "2019-01-04", "2019-01-05", None]
    assert records[-1]["title"] == "Bomber kills 12 in Baghdad"


def test_filter_since_and_until_are_inclusive(filled: Store) -> None:
    assert ids_of(filled.events(since=dt.date(2019, 1, 4))) == ["a1:Armed clash", "a1:Suicide bomb"]
    assert ids_of(filled.events(until=dt.date(2019, 1, 4))) == ["a2:Violent demonstration", "a1:Armed clash"]
    assert ids_of(filled.events(since=dt.date(2019, 1, 5), until=dt.date(2019, 1, 5))) == ["a1:Suicide bomb"]
    assert filled.events(since=dt.date(2019, 1, 6)) == []


@pytest.mark.parametrize("country", ["IRQ", "irq", " Irq ", "IQ", "Iraq"])
def test_filter_country(filled: Store, country: str) -> None:
    assert ids_of(filled.events(country=country)) == ["a1:Armed clash", "a1:Suicide bomb"]


def test_filter_unknown_country_matches_nothing(filled: Store) -> None:
    assert filled.events(country="Atlantis") == []
    assert filled.events(country="XYZ") == []


@pytest.mark.parametrize(
    ("event_type", "expected"),
    [
        ("Battles", ["a1:Armed clash"]),
        ("explosions/remote violence", ["a1:Suicide bomb"]),
        ("SUICIDE BOMB", ["a1:Suicide bomb"]),
        ("Attack", ["a3:Attack"]),
        ("Violence", []),  # exact, not a substring
    ],
)
def test_filter_event_type_or_sub_type(filled: Store, event_type: str, expected: list[str]) -> None:
    assert ids_of(filled.events(event_type=event_type)) == expected


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("islamic state", ["a1:Armed clash", "a1:Suicide bomb"]),  # actor2 of one, actor1 of the other
        ("CIVILIANS", ["a1:Suicide bomb"]),
        ("military forces of", ["a1:Armed clash"]),
        # The dictionary reads "forces armées" as Military Forces: every "Military Forces of ..." matches too.
        ("forces armées", ["a2:Violent demonstration", "a1:Armed clash"]),
        ("FORCES ARMÉES", ["a2:Violent demonstration", "a1:Armed clash"]),  # non-ASCII case folding
        ("Daesh", ["a1:Armed clash", "a1:Suicide bomb"]),  # an alias of Islamic State
        ("ISIS", ["a1:Armed clash", "a1:Suicide bomb"]),
        ("the army", ["a1:Armed clash"]),  # canonical "Military Forces" -> "Military Forces of Iraq"
        ("civilians", ["a1:Suicide bomb"]),
        ("émeutiers", ["a2:Violent demonstration"]),  # stored with a capital É
        ("unidentified", ["a3:Attack"]),
        ("%", []),  # LIKE wildcards are literal
        ("_", []),
        ("nobody", []),
    ],
)
def test_filter_actor_alias_or_substring_either_side(filled: Store, actor: str, expected: list[str]) -> None:
    assert ids_of(filled.events(actor=actor)) == expected


def test_filter_article_id(filled: Store) -> None:
    assert ids_of(filled.events(article_id="a1")) == ["a1:Armed clash", "a1:Suicide bomb"]


def test_filters_combine(filled: Store) -> None:
    assert ids_of(filled.events(country="IRQ", actor="islamic", event_type="Battles")) == ["a1:Armed clash"]
    assert ids_of(filled.events(country="IRQ", since=dt.date(2019, 1, 5), actor="state")) == ["a1:Suicide bomb"]
    assert filled.events(country="FRA", event_type="Battles") == []
    assert ids_of(filled.events(country="irq", limit=1)) == ["a1:Armed clash"]


def test_limit_and_offset(filled: Store) -> None:
    everything = filled.events()
    assert filled.events(limit=2) == everything[:2]
    assert filled.events(limit=2, offset=2) == everything[2:]
    assert filled.events(offset=3) == everything[3:]
    assert filled.events(limit=0) == []
    with pytest.raises(ValueError):
        filled.events(limit=-1)


def test_counts(filled: Store) -> None:
    assert filled.counts() == {"articles": 3, "events": 4, "mentions": 4}


# -- opening, URLs and errors ------------------------------------------------------


def test_wal_mode_is_on(tmp_path: Path) -> None:
    open_store(tmp_path / "events.sqlite").close()
    raw = sqlite3.connect(tmp_path / "events.sqlite")
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_sqlite_url_creates_parent_dirs(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "t.db"
    with open_store(f"sqlite:///{target}") as opened:
        assert opened.schema_version == store_module.supported_version() == 2
        opened.add(make_article(), [bombing()])
    assert target.is_file()
    with open_store(target) as reopened:  # a Path works too
        assert reopened.counts()["events"] == 1


def test_memory_store_is_empty_and_private() -> None:
    with open_store(":memory:") as one:
        one.add(make_article(), [bombing()])
        with open_store(":memory:") as two:
            assert two.counts() == {"articles": 0, "events": 0, "mentions": 0}
        assert one.counts()["events"] == 1


def test_unreachable_postgresql_is_refused_with_password_hidden() -> None:
    # Port 1 on localhost: refused at once, no network needed.
    with pytest.raises(StoreError) as info:
        open_store("postgresql://analyst:s3cret@127.0.0.1:1/tacitus")
    assert info.value.code == "E301"
    assert "s3cret" not in str(info.value) and "127.0.0.1" in str(info.value) and "***" in str(info.value)


@pytest.mark.parametrize("url", ["mysql://u:s3cret@host/db", "ftp://host/x"])
def test_other_url_schemes_are_refused_with_password_hidden(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert info.value.code == "E102" and "s3cret" not in str(info.value)


@pytest.mark.postgres
def test_postgresql_url_spellings_open_the_same_database(postgres_db_url: str) -> None:
    with open_store(postgres_db_url) as first:
        first.add(make_article(), [bombing()])
        assert isinstance(first, store_module.PostgresStore) and first.schema_version == 2
    for url in (postgres_db_url.replace("postgresql://", "postgres://"),
                postgres_db_url.replace("postgresql://", "postgresql+psycopg://")):  # fmt: skip
        with open_store(url) as again:
            assert again.counts()["events"] == 1


@pytest.mark.postgres
def test_postgresql_wrong_database_is_refused_with_password_hidden(postgres_server) -> None:
    url = postgres_server.url("no_such_db").replace("postgres@", "postgres:hunter2@")
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert info.value.code == "E301" and "hunter2" not in str(info.value) and "no_such_db" in str(info.value)


def test_directory_path_is_refused_with_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        open_store(str(tmp_path))
    assert info.value.code == "E301" and str(tmp_path) in str(info.value)


def test_parent_that_is_a_file_is_refused_with_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        open_store(str(blocker / "events.db"))
    assert info.value.code == "E301" and str(blocker / "events.db") in str(info.value)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_unwritable_directory_is_refused_with_path(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError) as info:
            open_store(str(locked / "events.db"))
    finally:
        locked.chmod(0o700)
    assert info.value.code == "E301" and str(locked / "events.db") in str(info.value)


def test_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not SQLite, just a text file long enough to have a header" * 10)
    with pytest.raises(StoreError) as info:
        open_store(str(bogus))
    assert info.value.code == "E301" and str(bogus) in str(info.value)
    assert isinstance(info.value.__cause__, sqlite3.DatabaseError)


def test_closed_store_raises(backend: Backend) -> None:
    with backend.open() as opened:
        pass
    with pytest.raises(StoreError, match="closed"):
        opened.counts()
    opened.close()  # closing twice is harmless


def test_store_is_usable_from_threads(store: Store) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            store.add(make_article(f"t{n}", content_hash=f"h{n}"), [bombing(f"t{n}")])
            store.events(country="IRQ")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    # Eight articles reporting one bombing: deduplication, serialised by the store, keeps one event.
    assert store.counts() == {"articles": 8, "events": 1, "mentions": 8}
    (record,) = store.events()
    assert record["mentions"] == 8


# -- migrations --------------------------------------------------------------------

V1_ONLY = [step for step in store_schema.MIGRATIONS if step[0] == 1]

STEP3 = {
    "sqlite": """
ALTER TABLE events ADD COLUMN cluster_id TEXT;
CREATE INDEX events_cluster_id ON events (cluster_id);
CREATE TRIGGER events_cluster_default AFTER INSERT ON events
BEGIN
    UPDATE events SET cluster_id = NEW.event_id WHERE event_id = NEW.event_id;
END;
""",
    "postgresql": """
ALTER TABLE events ADD COLUMN cluster_id TEXT;
CREATE INDEX events_cluster_id ON events (cluster_id);
ALTER TABLE events ALTER COLUMN cluster_id SET DEFAULT 'new';
""",
}


def test_v1_store_is_migrated_to_v2_with_its_data(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(store_schema, "MIGRATIONS", V1_ONLY)
        with backend.open() as v1:
            assert v1.schema_version == 1
    # Rows as the schema-1 code wrote them: no mention records, no folded columns.
    backend.raw(
        "INSERT INTO articles (id, title, url, published, content_hash, text, ingested_at)"
        " VALUES ('a1', 't', 'u', '2019-01-05', 'h1', ?, '2020-01-01')",
        (TEXT,),
    )
    for event in (bombing(), clash()):
        record = event.to_record()
        event_id = make_event_id("a1", event.evidence, event.event_type)
        columns = [c for c in store_schema.EVENT_COLUMNS if c not in ("event_id", "record", "admin1_key")]
        values = [record[c] for c in columns]
        backend.raw(
            f"INSERT INTO events (event_id, record, {', '.join(columns)}) VALUES (?, ?, {', '.join('?' * len(columns))})",
            (event_id, json.dumps(record), *values),
        )
        backend.raw(
            "INSERT INTO mentions (event_id, article_id, evidence, evidence_start, evidence_end) VALUES (?, 'a1', ?, ?, ?)",
            (event_id, event.evidence.text, event.evidence.start, event.evidence.end),
        )
    with backend.open() as v2:
        assert v2.schema_version == 2
        assert v2.counts() == {"articles": 1, "events": 2, "mentions": 2}
        assert ids_of(v2.events(admin1="NINEVEH")) == ["a1:Armed clash"]
        assert ids_of(v2.events(actor="Daesh")) == ["a1:Armed clash", "a1:Suicide bomb"]
        assert ids_of(v2.events(text="suicide bombers")) == ["a1:Suicide bomb"]
        assert ids_of(v2.events(near=(36.3, 43.1, 20))) == ["a1:Armed clash"]
        record = v2.events(event_type="Battles")[0]
        (mention,) = v2.mentions(record["event_id"])
        assert mention["record"]["evidence"] == record["evidence"] and mention["score"] is None
    assert backend.raw("SELECT version FROM schema_version ORDER BY version") == [(1,), (2,)]


def test_store_is_migrated_when_a_step_is_added(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    with backend.open() as v2:
        assert v2.schema_version == 2
        v2.add(make_article(), [bombing()])
    monkeypatch.setattr(store_schema, "MIGRATIONS", [*store_schema.MIGRATIONS, (3, STEP3)])
    with backend.open() as v3:
        assert v3.schema_version == 3
        assert v3.counts()["events"] == 1  # data survives
        v3.add(make_article("b", content_hash="hb"), [clash("b")])
    assert backend.raw("SELECT version FROM schema_version ORDER BY version") == [(1,), (2,), (3,)]
    clusters = backend.raw("SELECT article_id, cluster_id, event_id FROM events ORDER BY article_id")
    assert clusters[0][1] is None  # added before the migration
    assert clusters[1][1] in (clusters[1][2], "new")  # step 3's trigger / default applied


def test_new_store_runs_all_steps(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_schema, "MIGRATIONS", [*store_schema.MIGRATIONS, (3, STEP3)])
    with backend.open() as fresh:
        assert fresh.schema_version == 3


def test_failed_migration_step_is_rolled_back(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    backend.open().close()
    broken = "CREATE TABLE half_done (x INTEGER);\nALTER TABLE no_such_table ADD COLUMN y TEXT;"
    monkeypatch.setattr(store_schema, "MIGRATIONS", [*store_schema.MIGRATIONS, (3, broken)])
    with pytest.raises(StoreError) as info:
        backend.open()
    assert info.value.code == "E301" and "version 3" in str(info.value)
    assert backend.raw("SELECT MAX(version) FROM schema_version") == [(2,)]
    with pytest.raises(backend.error_type):
        backend.raw("SELECT * FROM half_done")


def test_newer_schema_version_is_refused(backend: Backend) -> None:
    backend.open().close()
    backend.raw("INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01')")
    with pytest.raises(StoreError) as info:
        backend.open()
    assert info.value.code == "E302"
    assert "99" in str(info.value) and backend.url.rsplit("/", 1)[-1] in str(info.value)


# -- bulk loading ----------------------------------------------------------------


def bulk_items(count: int, *, first: int = 0) -> list[tuple[Article, list[Event]]]:
    """``count`` articles, each with a bombing and a clash on a day of its own."""
    items = []
    for i in range(first, first + count):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=i)
        events = [
            bombing(f"b{i}", date=EventDate(day, "day")),
            clash(f"b{i}", date=EventDate(day, "day"), actor1=Actor(f"Group {i % 3}")),
        ]
        items.append((make_article(f"b{i}", content_hash=f"h{i}"), events))
    return items


def index_definitions(backend: Backend) -> list[tuple]:
    """Indexes and triggers (SQLite), indexes and constraints (PostgreSQL)."""
    if backend.name == "sqlite":
        return backend.raw("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type <> 'table' ORDER BY name")
    return backend.raw(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
        " UNION ALL SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c"
        " WHERE c.connamespace = to_regnamespace(current_schema()) ORDER BY 1, 2"
    )


def snapshot(store: Store) -> dict:
    """Everything a reader can see of a store, to compare two ways of writing it."""
    events = store.events()
    return {
        "counts": store.counts(),
        "events": events,
        "mentions": {e["event_id"]: store.mentions(e["event_id"]) for e in events},
        "text": store.events(text="suicide bomber market"),
        "aggregate": store.aggregate(period="month", by="actor"),
        "actor": store.events(actor="group 1"),
        "near": store.events(near=(36.3, 43.1, 20)),
    }


def test_initial_bulk_load_stores_what_add_stores(store: Store) -> None:
    items = bulk_items(11)
    assert store.add_many(items, batch_size=4) == 11
    with open_store(":memory:") as reference:
        for article, events in items:
            reference.add(article, events, dedup=False)
        assert snapshot(store) == snapshot(reference)
    assert len(store.events(text="suicide bomber market")) == 11


def test_initial_bulk_load_rebuilds_every_index(store: Store, backend: Backend) -> None:
    before = index_definitions(backend)
    assert store.add_many(bulk_items(6), batch_size=2) == 6
    assert index_definitions(backend) == before
    # The full-text index follows later writes again.
    store.add_many(bulk_items(1, first=100), batch_size=5)
    assert {e["article_id"] for e in store.events(text="bomber")} == {f"b{i}" for i in [*range(6), 100]}


def test_failed_bulk_load_leaves_the_store_as_it_was(store: Store, backend: Backend) -> None:
    before = index_definitions(backend)
    backend.fail_on_battles()
    with pytest.raises(StoreError) as info:
        store.add_many(bulk_items(5), batch_size=2)
    assert info.value.code == "E303"
    assert store.counts() == {"articles": 0, "events": 0, "mentions": 0}
    added = [d for d in index_definitions(backend) if d not in before]
    assert all(d in index_definitions(backend) for d in before)
    assert all("fail_battles" in d for d in added)  # only the test's own trigger is new
    backend.raw("DROP TRIGGER fail_battles" + (" ON events" if backend.name == "postgresql" else ""))
    store.add_many(bulk_items(2, first=50), batch_size=5)
    assert len(store.events(text="bomber")) == 2


def test_bulk_load_into_a_filled_store_skips_known_and_revises_changed(store: Store) -> None:
    items = bulk_items(4)
    store.add_many(items, batch_size=2)
    revised_article = make_article("b1", content_hash="changed")
    again = [*bulk_items(4), (revised_article, [clash("b1")]), *bulk_items(2, first=4)]
    assert store.add_many(again, batch_size=2) == 3
    assert store.counts() == {"articles": 6, "events": 11, "mentions": 11}
    assert [e["sub_event_type"] for e in store.events(article_id="b1")] == ["Armed clash"]
    assert store.has_article("b1", "changed")


def test_article_repeated_within_a_bulk_load_keeps_its_last_version(store: Store) -> None:
    items = [*bulk_items(3), (make_article("b0", content_hash="v2"), [clash("b0")])]
    assert store.add_many(items, batch_size=2) == 4
    assert store.has_article("b0", "v2")
    assert store.counts() == {"articles": 3, "events": 5, "mentions": 5}


def test_add_many_refuses_an_empty_batch_size(store: Store) -> None:
    with pytest.raises(ValueError):
        store.add_many(bulk_items(1), batch_size=0)
    assert store.add_many([]) == 0


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # the broad-match plan is SQLite's
def test_broad_text_filter_finds_what_a_narrow_one_finds(filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from tacitus.store import sqlite as sqlite_module

    queries = [dict(text="bomber"), dict(text="clashed", country="FRA"), dict(text="army OR gunmen", limit=1)]
    narrow = [filled.events(**q) for q in queries] + [filled.aggregate(text="clashed")]
    monkeypatch.setattr(sqlite_module, "_BROAD_MATCH", 1)
    broad = [filled.events(**q) for q in queries] + [filled.aggregate(text="clashed")]
    assert broad == narrow
    assert [len(r) for r in narrow[:3]] == [1, 1, 1]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_sqlite_cache_size_is_set_back_after_a_bulk_load(store: Store, backend: Backend) -> None:
    def cache_size() -> int:
        with store._reading() as conn:
            return conn.execute("PRAGMA cache_size").fetchone()[0]

    usual = cache_size()
    backend.fail_on_battles()
    with pytest.raises(StoreError):
        store.add_many(bulk_items(3), batch_size=2)
    assert cache_size() == usual
    backend.raw("DROP TRIGGER fail_battles")
    store.add_many(bulk_items(3), batch_size=2)
    assert cache_size() == usual
