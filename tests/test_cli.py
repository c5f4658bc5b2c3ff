"""The command line: each command, its help, bad input and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tacitus.cli import cli

from conftest import SAMPLES, shared_path


@pytest.fixture()
def runner(tmp_path, monkeypatch):
    monkeypatch.setenv("TACITUS_DB", str(tmp_path / "cli.sqlite"))
    monkeypatch.setenv("TACITUS_PROGRESS", "false")
    return CliRunner()


@pytest.mark.parametrize("command", [[], ["extract"], ["ingest"], ["events"], ["events", "show"], ["eval"],
                                     ["geoparse"], ["events", "stats"], ["export"], ["profile"]])
def test_help_with_examples(runner, command):
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.model
def test_extract_jsonl(runner):
    seed = shared_path("seeds", "000_766515bad46ea839.txt")
    result = runner.invoke(cli, ["extract", str(seed)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert any(r["country"] == "FRA" and r["fatalities"] == 132 for r in records)
    assert all(r["article_id"] == "000_766515bad46ea839" for r in records)
    assert "extracted 1, skipped 0" in result.stderr


@pytest.mark.model
def test_ingest_is_idempotent_and_events_query(runner, tmp_path):
    first = runner.invoke(cli, ["ingest", str(SAMPLES)])
    assert first.exit_code == 0, first.output
    assert "skipped 0" in first.stderr
    second = runner.invoke(cli, ["ingest", str(SAMPLES)])
    assert "0 new or changed" in second.stderr
    out = runner.invoke(cli, ["events", "--format", "jsonl"])
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records and all("event_id" in r and r["mentions"] >= 1 for r in records)
    som = runner.invoke(cli, ["events", "--country", "SOM", "--format", "jsonl"])
    assert all(json.loads(line)["country"] == "SOM" for line in som.stdout.splitlines())
    csv_out = runner.invoke(cli, ["events", "--format", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("event_id,article_id,date")
    shown = runner.invoke(cli, ["events", "show", records[0]["event_id"]])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["event_id"] == records[0]["event_id"]
    table = runner.invoke(cli, ["events"])
    assert "type / sub-type" in table.stdout


def test_events_show_unknown_id(runner):
    result = runner.invoke(cli, ["events", "show", "nope"])
    assert result.exit_code == 1
    assert "E304" in result.stderr


@pytest.mark.model
def test_ingest_nothing_readable_exits_nonzero(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "ingested 0, skipped 1" in result.stderr
    assert "missing.txt" in result.stderr


def test_bad_model_is_one_line_error(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Gunmen killed five villagers.", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "--model", "no_such_model_xyz"])
    assert result.exit_code == 1
    assert "E101" in result.stderr and "no_such_model_xyz" in result.stderr


@pytest.mark.model
def test_eval_prints_reference_figures(runner):
    gold = shared_path("eval", "dev", "seeds.jsonl")
    result = runner.invoke(cli, ["eval", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "event precision" in result.stdout and "fatalities" in result.stdout


@pytest.mark.model
def test_geoparse_offsets(runner, tmp_path):
    path = tmp_path / "g.jsonl"
    text = "Fighting broke out in Mosul and spread to Kirkuk."
    path.write_text(json.dumps({"id": "g1", "text": text}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["geoparse", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["text"] for r in rows} >= {"Mosul", "Kirkuk"}
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["country"] == "IRQ"
        assert set(r) >= {"article_id", "geonameid", "admin1", "admin2", "feature"}
    mosul = next(r for r in rows if r["text"] == "Mosul")
    assert mosul["admin1"] == "Ninawa" and mosul["admin2"]  # Mosul district


@pytest.mark.model
def test_geoparse_demonyms_on_and_off(runner, tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("Russian troops shelled Kharkiv on Monday, Ukrainian officials said.", encoding="utf-8")
    rows = [json.loads(line) for line in runner.invoke(cli, ["geoparse", str(path)]).stdout.splitlines()]
    assert [(r["text"], r["country"], r.get("demonym", False)) for r in rows] == [
        ("Russian", "RUS", True), ("Kharkiv", "UKR", False), ("Ukrainian", "UKR", True)]
    result = runner.invoke(cli, ["geoparse", "--no-demonyms", str(path)])
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["Kharkiv"]


# -- events filters, stats, export, profile: over a store filled by hand (no spaCy model) --------------


def _hand_event(key: str, date: str | None, etype: str, sub: str, actor1: str, actor2: str | None, place, killed):
    import datetime as dt

    from tacitus.models import Actor, Article, Casualties, Event, EventDate, Span

    text = f"Report {key}: {actor1} attacked {actor2} near {place.name if place else 'somewhere'}."
    article = Article(id=key, text=text, title=f"Title {key}", url=f"https://news.example/{key}",
                      content_hash=key, published=dt.date(2016, 6, 1))
    event = Event(article_id=key, event_type=etype, sub_event_type=sub, evidence=Span(0, len(text), text),
                  date=EventDate(dt.date.fromisoformat(date) if date else None, "day" if date else None),
                  place=place, actor1=Actor(actor1), actor2=Actor(actor2) if actor2 else None,
                  casualties=Casualties(fatalities=killed))
    return article, event


@pytest.fixture()
def filled_db(tmp_path, monkeypatch):
    from tacitus.models import Place
    from tacitus.store import open_store

    db = tmp_path / "filled.sqlite"
    monkeypatch.setenv("TACITUS_DB", str(db))
    mosul = Place("Mosul", 36.335, 43.119, "IRQ", admin1="Nineveh", precision="place")
    ramadi = Place("Ramadi", 33.42, 43.31, "IRQ", admin1="Anbar", precision="place")
    paris = Place("Paris", 48.857, 2.352, "FRA", admin1="Ile-de-France", precision="place")
    rows = [
        ("m1", "2016-01-10", "Battles", "Non-state actor overtakes territory", "Islamic State",
         "Military Forces of Iraq", mosul, 10),
        ("r1", "2016-02-20", "Battles", "Government regains territory", "Military Forces of Iraq", "Islamic State",
         ramadi, 25),
        ("p1", "2016-02-05", "Explosions/Remote violence", "Suicide bomb", "Islamic State", "Civilians (France)",
         paris, 40),
        ("n1", None, "Strategic developments", "Other", "Islamic State", None, None, None),
    ]
    with open_store(str(db)) as store:
        for key, *fields in rows:
            store.add(*(lambda a, e: (a, [e]))(*_hand_event(key, *fields)))
    return db


def _jsonl(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_events_new_filters(runner, filled_db):
    near = _jsonl(runner.invoke(cli, ["events", "--near", "36.3,43.1", "--radius", "20", "--format", "jsonl"]))
    assert [r["location"] for r in near] == ["Mosul"]
    wide = _jsonl(runner.invoke(cli, ["events", "--near", "36.3,43.1", "--radius", "500", "--format", "jsonl"]))
    assert {r["location"] for r in wide} == {"Mosul", "Ramadi"}
    anbar = _jsonl(runner.invoke(cli, ["events", "--admin1", "anbar", "--format", "jsonl"]))
    assert [r["location"] for r in anbar] == ["Ramadi"]
    bombs = _jsonl(runner.invoke(cli, ["events", "--sub-type", "Suicide bomb", "--format", "jsonl"]))
    assert [r["country"] for r in bombs] == ["FRA"]
    deadly = _jsonl(runner.invoke(cli, ["events", "--min-fatalities", "20", "--format", "jsonl"]))
    assert {r["fatalities"] for r in deadly} == {25, 40}
    found = _jsonl(runner.invoke(cli, ["events", "--search", "Paris", "--format", "jsonl"]))
    assert [r["location"] for r in found] == ["Paris"]
    assert all("event_id" in r and r["mentions"] == 1 for r in deadly)


def test_events_bad_near_is_usage_error(runner, filled_db):
    result = runner.invoke(cli, ["events", "--near", "north of Mosul"])
    assert result.exit_code == 2 and "LAT,LON" in result.output
    result = runner.invoke(cli, ["events", "--near", "136,43"])
    assert result.exit_code == 2


def test_events_show_text_lists_mentions(runner, filled_db):
    event_id = _jsonl(runner.invoke(cli, ["events", "--country", "FRA", "--format", "jsonl"]))[0]["event_id"]
    result = runner.invoke(cli, ["events", "show", event_id, "--format", "text"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert event_id in out and "1 mention(s)" in out
    assert "Title p1" in out and "https://news.example/p1" in out and "evidence: Report p1" in out


def test_events_stats(runner, filled_db):
    rows = json.loads(runner.invoke(cli, ["events", "stats", "--by", "country", "--format", "json"]).stdout)
    assert rows == [
        {"period": "2016-01", "key": "IRQ", "events": 1, "fatalities": 10},
        {"period": "2016-02", "key": "FRA", "events": 1, "fatalities": 40},
        {"period": "2016-02", "key": "IRQ", "events": 1, "fatalities": 25},
    ]
    yearly = runner.invoke(cli, ["events", "stats", "--by", "type", "--period", "year", "--country", "IRQ",
                                 "--format", "csv"])
    assert yearly.exit_code == 0, yearly.output
    assert yearly.stdout.splitlines() == ["period,key,events,fatalities", "2016,Battles,2,35"]
    table = runner.invoke(cli, ["events", "--country", "FRA", "stats", "--by", "none"])
    assert table.exit_code == 0 and "2016-02" in table.stdout and "2016-01" not in table.stdout


def test_export_formats(runner, filled_db, tmp_path):
    import csv as csv_module

    import pyarrow.parquet as pq

    out = tmp_path / "e.csv"
    result = runner.invoke(cli, ["export", "--output", str(out), "--country", "IRQ"])
    assert result.exit_code == 0, result.output
    assert "exported 2 events as csv" in result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv_module.DictReader(fh))
    assert [(r["event_date"], r["country"], r["fatalities"]) for r in rows] == [
        ("2016-01-10", "Iraq", "10"), ("2016-02-20", "Iraq", "25")]
    geo = tmp_path / "e.geojson"
    assert runner.invoke(cli, ["export", "--format", "geojson", "-o", str(geo)]).exit_code == 0
    features = json.loads(geo.read_text(encoding="utf-8"))["features"]
    assert len(features) == 4 and sum(f["geometry"] is None for f in features) == 1
    parquet = tmp_path / "e.parquet"
    assert runner.invoke(cli, ["export", "-o", str(parquet), "--actor", "ISIS"]).exit_code == 0
    assert pq.read_table(parquet).num_rows == 4
    lines = _jsonl(runner.invoke(cli, ["export", "--format", "jsonl", "--min-fatalities", "30"]))
    assert len(lines) == 1 and lines[0]["fatalities"] == 40 and "title" not in lines[0]


def test_profile_command(runner, filled_db, tmp_path):
    result = runner.invoke(cli, ["profile", "Daesh", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["actor"] == "Islamic State" and data["home"] == ["IRQ", "SYR"] and data["home_source"] == "dictionary"
    assert [(m["month"], m["territory_gained"], m["territory_lost"], m["attacks_home"], m["attacks_abroad"])
            for m in data["months"]] == [("2016-01", 1, 0, 1, 0), ("2016-02", 0, 1, 0, 1)]
    assert data["n_undated"] == 1
    table = runner.invoke(cli, ["profile", "Islamic State", "--home", "FRA"])
    assert table.exit_code == 0 and "home FRA (given)" in table.stdout and "2016-02" in table.stdout
    svg = tmp_path / "is.svg"
    chart = runner.invoke(cli, ["profile", "ISIS", "--format", "svg", "--output", str(svg)])
    assert chart.exit_code == 0, chart.output
    assert "Territory gained vs lost" in svg.read_text(encoding="utf-8")
    bad = runner.invoke(cli, ["profile", "ISIS", "--since", "2017-01-01", "--until", "2016-01-01"])
    assert bad.exit_code == 2


def test_events_show_text_says_why_reports_were_merged(runner, tmp_path, monkeypatch):
    from tacitus.models import Place
    from tacitus.store import open_store

    db = tmp_path / "merged.sqlite"
    monkeypatch.setenv("TACITUS_DB", str(db))
    mosul = Place("Mosul", 36.335, 43.119, "IRQ", admin1="Nineveh", precision="place")
    with open_store(str(db)) as store:
        for key in ("first", "second"):
            article, event = _hand_event(key, "2016-01-10", "Explosions/Remote violence", "Suicide bomb",
                                         "Islamic State", "Civilians (Iraq)", mosul, 10)
            store.add(article, [event])
    records = _jsonl(runner.invoke(cli, ["events", "--format", "jsonl"]))
    assert len(records) == 1 and records[0]["mentions"] == 2
    shown = runner.invoke(cli, ["events", "show", records[0]["event_id"], "--format", "text"])
    assert shown.exit_code == 0, shown.output
    out = shown.stdout
    assert "2 mention(s)" in out and "Title first" in out and "Title second" in out
    assert "first read from" in out and "merged because:" in out and "(score " in out
    as_json = json.loads(runner.invoke(cli, ["events", "show", records[0]["event_id"]]).stdout)
    assert [m["article_id"] for m in as_json["mention_list"]] == ["first", "second"]
    assert as_json["mention_list"][1]["reasons"] and as_json["mention_list"][1]["score"] > 0
