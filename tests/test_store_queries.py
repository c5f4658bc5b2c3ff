"""The analyst's queries (filters, full text, radius, streaming, aggregates) on SQLite and PostgreSQL.

Every test runs on both backends (the ``store`` fixture of test_store.py) and
expects the very same answer from each.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.models import Actor, Article, Casualties, Event, EventDate, Place, Span
from tacitus.store import Store
from tacitus.store.search import bounding_box, fts5_query, haversine_km, iso_week, tsquery_text
from test_store import backend, store  # noqa: F401 - fixtures, parametrized over both backends

# (key, date, country, admin1, place, lat, lon, type, sub-type, actor1, actor2, fatalities, evidence)
ROWS = [
    ("mosul", "2024-11-13", "IRQ", "Nineveh", "Mosul", 36.34, 43.13, "Battles", "Armed clash",
     "Military Forces of Iraq", "Islamic State", 5,
     "Iraqi troops clashed with Islamic State fighters near Mosul, killing five."),
    ("talafar", "2024-11-14", "IRQ", "Nineveh", "Tal Afar", 36.37, 42.45, "Explosions/Remote violence",
     "Suicide bomb", "Islamic State", "Civilians (Iraq)", 12,
     "A suicide bomber killed twelve people at a market in Tal Afar."),
    ("baghdad", "2024-12-02", "IRQ", "Baghdad", "Baghdad", 33.34, 44.40, "Explosions/Remote violence",
     "Remote explosive/landmine/IED", "Unidentified Armed Group (Iraq)", "Civilians (Iraq)", None,
     "A roadside bomb exploded in Baghdad; no group claimed it."),
    ("aleppo", "2024-11-30", "SYR", "Aleppo", "Aleppo", 36.2, 37.16, "Explosions/Remote violence",
     "Air/drone strike", "Military Forces of Russia", "Civilians (Syria)", 20,
     "Russian airstrikes hit a market in Aleppo, killing 20 civilians."),
    ("taveuni", "2021-01-03", "FJI", "Northern", "Taveuni", -16.9, -179.9, "Protests", "Peaceful protest",
     "Protesters (Fiji)", None, 0,
     "Hundreds of protesters marched peacefully in Taveuni."),
    ("idlib", None, "SYR", "Idlib", None, None, None, "Battles", "Armed clash",
     "Hayat Tahrir al-Sham", "Military Forces of Syria", None,
     "Rebels clashed with government forces in Idlib."),
    ("arrests", None, None, None, None, None, None, "Strategic developments", "Arrests",
     "Police Forces of France", None, None,
     "Police arrested three suspects."),
]  # fmt: skip


def _event(row: tuple) -> tuple[Article, Event]:
    key, date, country, admin1, name, lat, lon, etype, sub, actor1, actor2, killed, evidence = row
    article = Article(id=key, text=evidence, content_hash=key, title=key.title(), published=dt.date(2024, 12, 31))
    event = Event(
        article_id=key,
        event_type=etype,
        sub_event_type=sub,
        evidence=Span(0, len(evidence), evidence),
        date=EventDate(dt.date.fromisoformat(date) if date else None, "day" if date else None),
        place=Place(name or admin1 or "?", lat, lon, country, admin1=admin1, precision="place" if name else "admin1")
        if country
        else None,
        actor1=Actor(actor1) if actor1 else None,
        actor2=Actor(actor2) if actor2 else None,
        casualties=Casualties(fatalities=killed),
    )
    return article, event


@pytest.fixture
def loaded(store: Store) -> Store:
    for row in ROWS:
        article, event = _event(row)
        store.add(article, [event], dedup=False)
    return store


def keys(records: list[dict]) -> list[str]:
    return [r["article_id"] for r in records]


# -- filters ------------------------------------------------------------------------


def test_everything_ordered_by_date_undated_last(loaded: Store) -> None:
    records = loaded.events()
    assert keys(records)[:5] == ["taveuni", "mosul", "talafar", "aleppo", "baghdad"]
    undated = records[5:]
    assert sorted(keys(undated)) == ["arrests", "idlib"]
    assert undated[0]["event_id"] < undated[1]["event_id"]  # then by id


@pytest.mark.parametrize("admin1", ["Nineveh", "nineveh", " NINEVEH "])
def test_filter_admin1_any_case(loaded: Store, admin1: str) -> None:
    assert keys(loaded.events(admin1=admin1)) == ["mosul", "talafar"]


@pytest.mark.parametrize(
    ("near", "expected"),
    [
        ((36.34, 43.13, 10), ["mosul"]),
        ((36.34, 43.13, 70), ["mosul", "talafar"]),  # Tal Afar is ~61 km away
        ((36.34, 43.13, 55), ["mosul"]),
        ((-16.9, 179.9, 50), ["taveuni"]),  # across the antimeridian
        ((-16.9, 179.9, 5), []),
        ((33.34, 44.40, 0), ["baghdad"]),
        ((0.0, 0.0, 20000), ["taveuni", "mosul", "talafar", "aleppo", "baghdad"]),  # the whole globe, no undated
    ],
)
def test_filter_near_is_great_circle(loaded: Store, near: tuple, expected: list[str]) -> None:
    assert keys(loaded.events(near=near)) == expected


def test_filter_near_rejects_bad_values(loaded: Store) -> None:
    with pytest.raises(ValueError):
        loaded.events(near=(95.0, 0.0, 10))
    with pytest.raises(ValueError):
        loaded.events(near=(0.0, 0.0, -1))
    with pytest.raises(ValueError):
        loaded.events(near=("x", 0.0, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("Islamic State", ["mosul", "talafar"]),
        ("Daesh", ["mosul", "talafar"]),
        ("ISIL", ["mosul", "talafar"]),
        ("civilians", ["talafar", "aleppo", "baghdad"]),
        ("russia", ["aleppo"]),
        ("tahrir", ["idlib"]),
        ("police", ["arrests"]),
        ("Al-Shabaab", []),
    ],
)
def test_filter_actor(loaded: Store, actor: str, expected: list[str]) -> None:
    assert keys(loaded.events(actor=actor)) == expected


def test_filter_types(loaded: Store) -> None:
    assert keys(loaded.events(event_type="Explosions/Remote violence")) == ["talafar", "aleppo", "baghdad"]
    assert keys(loaded.events(event_type="air/drone strike")) == ["aleppo"]
    assert keys(loaded.events(sub_event_type="ARMED CLASH")) == ["mosul", "idlib"]
    assert loaded.events(sub_event_type="Battles") == []  # a type is not a sub-type


@pytest.mark.parametrize(("minimum", "expected"), [(12, ["talafar", "aleppo"]), (0, ["taveuni", "mosul", "talafar", "aleppo"]), (21, [])])
def test_filter_min_fatalities_leaves_out_unreported(loaded: Store, minimum: int, expected: list[str]) -> None:
    assert keys(loaded.events(min_fatalities=minimum)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("suicide bombers", ["talafar"]),  # stemmed
        ("market", ["talafar", "aleppo"]),
        ("market -Aleppo", ["talafar"]),
        ('"market in Aleppo"', ["aleppo"]),
        ('"market in Baghdad"', []),
        ("Aleppo OR Baghdad", ["aleppo", "baghdad"]),
        ("clashed", ["mosul", "idlib"]),
        ("airstrike", ["aleppo"]),
        ("KILLING", ["mosul", "talafar", "aleppo"]),  # "killed" shares the stem
        ("the", []),  # stop words alone match nothing, as in PostgreSQL
        ("kill*; DROP TABLE events", []),  # query syntax of neither engine leaks through
    ],
)
def test_filter_full_text_over_evidence(loaded: Store, text: str, expected: list[str]) -> None:
    assert keys(loaded.events(text=text)) == expected


def test_filters_combine(loaded: Store) -> None:
    assert keys(loaded.events(country="IRQ", since=dt.date(2024, 11, 14))) == ["talafar", "baghdad"]
    assert keys(loaded.events(country="iq", actor="daesh", text="market")) == ["talafar"]
    assert keys(loaded.events(near=(36.3, 40.0, 400), event_type="Explosions/Remote violence", min_fatalities=1)) == [
        "talafar",
        "aleppo",
    ]
    assert loaded.events(admin1="Nineveh", until=dt.date(2024, 11, 12)) == []


def test_paging_covers_everything_once(loaded: Store) -> None:
    everything = loaded.events()
    pages = [loaded.events(limit=3, offset=n) for n in (0, 3, 6)]
    assert sum(pages, []) == everything
    assert loaded.events(offset=5) == everything[5:]


# -- streaming ------------------------------------------------------------------------


@pytest.mark.parametrize("batch_size", [1, 2, 3, 1000])
def test_iter_events_yields_what_events_returns(loaded: Store, batch_size: int) -> None:
    assert list(loaded.iter_events(batch_size=batch_size)) == loaded.events()
    assert list(loaded.iter_events(country="SYR", batch_size=batch_size)) == loaded.events(country="SYR")
    assert list(loaded.iter_events(limit=4, offset=2, batch_size=batch_size)) == loaded.events(limit=4, offset=2)
    assert list(loaded.iter_events(limit=0, batch_size=batch_size)) == []


def test_iter_events_is_lazy(loaded: Store) -> None:
    stream = loaded.iter_events(batch_size=2)
    first = next(stream)
    assert first["article_id"] == "taveuni"
    stream.close()
    with pytest.raises(ValueError):
        next(loaded.iter_events(batch_size=0))


# -- aggregates --------------------------------------------------------------------------


def test_aggregate_month_by_country(loaded: Store) -> None:
    assert loaded.aggregate() == [
        {"period": "2021-01", "key": "FJI", "events": 1, "fatalities": 0},
        {"period": "2024-11", "key": "IRQ", "events": 2, "fatalities": 17},
        {"period": "2024-11", "key": "SYR", "events": 1, "fatalities": 20},
        {"period": "2024-12", "key": "IRQ", "events": 1, "fatalities": 0},
    ]


def test_aggregate_iso_weeks_cross_years(loaded: Store) -> None:
    rows = loaded.aggregate(period="week", by=None)
    assert [(r["period"], r["events"], r["fatalities"]) for r in rows] == [
        ("2020-W53", 1, 0),  # 3 January 2021 is in the last ISO week of 2020
        ("2024-W46", 2, 17),
        ("2024-W48", 1, 20),
        ("2024-W49", 1, 0),
    ]
    assert all(r["key"] is None for r in rows)


def test_aggregate_day_and_year(loaded: Store) -> None:
    assert [r["period"] for r in loaded.aggregate(period="day", country="IRQ")] == [
        "2024-11-13",
        "2024-11-14",
        "2024-12-02",
    ]
    assert loaded.aggregate(period="year", by="admin1", country="IRQ") == [
        {"period": "2024", "key": "Baghdad", "events": 1, "fatalities": 0},
        {"period": "2024", "key": "Nineveh", "events": 2, "fatalities": 17},
    ]


def test_aggregate_by_actor_counts_both_sides(loaded: Store) -> None:
    rows = loaded.aggregate(period="year", by="actor", since=dt.date(2024, 1, 1))
    assert [(r["key"], r["events"], r["fatalities"]) for r in rows] == [
        ("Civilians (Iraq)", 2, 12),
        ("Civilians (Syria)", 1, 20),
        ("Islamic State", 2, 17),
        ("Military Forces of Iraq", 1, 5),
        ("Military Forces of Russia", 1, 20),
        ("Unidentified Armed Group (Iraq)", 1, 0),
    ]


def test_aggregate_by_types_with_filters(loaded: Store) -> None:
    assert loaded.aggregate(period="year", by="event_type", text="market OR clashed") == [
        {"period": "2024", "key": "Battles", "events": 1, "fatalities": 5},
        {"period": "2024", "key": "Explosions/Remote violence", "events": 2, "fatalities": 32},
    ]
    assert [r["key"] for r in loaded.aggregate(period="year", by="sub_event_type", near=(36.3, 43.0, 100))] == [
        "Armed clash",
        "Suicide bomb",
    ]


def test_aggregate_rejects_unknown_period_and_key(loaded: Store) -> None:
    with pytest.raises(ValueError, match="period"):
        loaded.aggregate(period="quarter")
    with pytest.raises(ValueError, match="by"):
        loaded.aggregate(by="location")


# -- helpers (backend-free) ---------------------------------------------------------------


def test_iso_week_and_haversine() -> None:
    assert iso_week("2024-11-13") == "2024-W46"
    assert iso_week("2024-12-30") == "2025-W01"
    assert iso_week(None) is None and iso_week("not a date") is None
    assert haversine_km(36.34, 43.13, 36.37, 42.45) == pytest.approx(61.0, abs=1.0)
    assert haversine_km(0, 179.9, 0, -179.9) == pytest.approx(22.2, abs=0.2)
    assert haversine_km(None, 0, 0, 0) is None


def test_bounding_box_contains_the_circle() -> None:
    lat_min, lat_max, lons = bounding_box(60.0, 10.0, 100)
    assert lat_min < 59.2 and lat_max > 60.8 and lons is not None and lons[0][0] < 8.2 and lons[0][1] > 11.8
    assert bounding_box(89.5, 0.0, 100)[2] is None  # reaches the pole: every longitude
    assert len(bounding_box(0.0, 179.9, 50)[2] or []) == 2  # crosses the antimeridian


def test_text_queries_translate_alike() -> None:
    assert fts5_query('"market in Aleppo" -police') == '(("market in aleppo")) NOT ("police")'
    assert tsquery_text('"market in Aleppo" -police') == "(('market' <-> 'in' <-> 'aleppo')) & !('police')"
    assert fts5_query("suicide bomber") == '("suicide") AND ("bomber")'
    assert tsquery_text("suicide bomber") == "(('suicide')) & (('bomber'))"
    assert fts5_query("Aleppo OR Baghdad") == '("aleppo" OR "baghdad")'
    assert tsquery_text("Aleppo OR Baghdad") == "(('aleppo') | ('baghdad'))"
    assert fts5_query("the of") is None and tsquery_text("-bomb") is None
