"""Exports (tacitus.export): every format read back with its own reader, values and types checked."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from tacitus.export import ACLED_COLUMNS, CSV_COLUMNS, export_events, stream_events

BOMBING = {
    "event_id": "3f2a9c0d4b1e7a55",
    "article_id": "a1",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Suicide bomb",
    "date": "2019-01-05",
    "date_precision": "day",
    "location": "Baghdad",
    "admin1": "Baghdad",
    "country": "IRQ",
    "latitude": 33.34058,
    "longitude": 44.40088,
    "geo_precision": "place",
    "geonameid": 98182,
    "actor1": "Islamic State",
    "actor2": "Civilians (Iraq)",
    "fatalities": 12,
    "fatalities_high": 15,
    "wounded": 30,
    "evidence": "A suicide bomber killed at least 12 people, \"witnesses\" said, at a market in Baghdad",
    "confidence": 0.877,
    "background": False,
    "spans": {"evidence": [0, 84], "fatalities": [20, 38]},
    "mentions": 2,
    "title": "Bomber kills 12 in Baghdad",
    "url": "https://www.example.org/a1",
}
UNLOCATED = {
    **BOMBING,
    "event_id": "00000000000000b2",
    "event_type": "Strategic developments",
    "sub_event_type": "Other",
    "date": "2019-03-01",
    "date_precision": "month",
    "location": None,
    "admin1": None,
    "country": None,
    "latitude": None,
    "longitude": None,
    "geo_precision": None,
    "geonameid": None,
    "actor2": None,
    "fatalities": None,
    "fatalities_high": None,
    "wounded": None,
    "background": True,
    "spans": {"evidence": [5, 9]},
    "mentions": 1,
}
RECORDS = [BOMBING, UNLOCATED]


def test_csv_has_acled_columns_then_tacitus_columns(tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert export_events(iter(RECORDS), "csv", out, timestamp=1700000000) == 2
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    assert reader.fieldnames[: len(ACLED_COLUMNS)][:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    first, second = rows
    assert first["event_id_cnty"] == "IRQ3f2a9c0d4b1e7a55"
    assert (first["event_date"], first["year"], first["time_precision"]) == ("2019-01-05", "2019", "1")
    assert first["disorder_type"] == "Political violence"
    assert (first["country"], first["iso"], first["iso3"]) == ("Iraq", "368", "IRQ")
    assert (first["inter1"], first["inter2"], first["interaction"]) == ("2", "7", "27")
    assert first["civilian_targeting"] == "Civilian targeting"
    assert (first["geo_precision"], first["tacitus_geo_precision"]) == ("1", "place")
    assert float(first["latitude"]) == pytest.approx(33.34058)
    assert first["notes"] == BOMBING["evidence"]
    assert (first["fatalities"], first["fatalities_high"], first["wounded"]) == ("12", "15", "30")
    assert first["source"] == "example.org"
    assert first["timestamp"] == "1700000000"
    assert (first["mentions"], first["confidence"], first["event_id"]) == ("2", "0.877", "3f2a9c0d4b1e7a55")
    # Unknown stays blank rather than ACLED's 0, and month precision is ACLED's 3.
    assert second["fatalities"] == "" and second["time_precision"] == "3"
    assert second["event_id_cnty"] == "XXX00000000000000b2"
    assert second["disorder_type"] == "Strategic developments" and second["tags"] == "background"
    assert second["interaction"] == "20" and second["geo_precision"] == ""


def test_jsonl_is_codebook_records_with_id_and_mentions() -> None:
    buf = io.StringIO()
    assert export_events(RECORDS, "jsonl", buf) == 2
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    expected = {k: v for k, v in BOMBING.items() if k not in ("title", "url")}
    assert lines[0] == expected
    assert lines[1]["fatalities"] is None and lines[1]["mentions"] == 1


def test_geojson_points_and_null_geometry(tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    export_events(RECORDS, "geojson", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    located, unlocated = doc["features"]
    assert located["geometry"] == {"type": "Point", "coordinates": [44.40088, 33.34058]}
    assert located["id"] == "3f2a9c0d4b1e7a55"
    assert "spans" not in located["properties"]
    assert located["properties"]["fatalities"] == 12 and located["properties"]["actor1"] == "Islamic State"
    assert unlocated["geometry"] is None and unlocated["properties"]["event_id"] == "00000000000000b2"


def test_geojson_empty_is_valid() -> None:
    buf = io.StringIO()
    assert export_events([], "geojson", buf) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_typed_schema_in_row_groups(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    many = [{**BOMBING, "event_id": f"{i:016x}"} for i in range(5)] + [UNLOCATED]
    assert export_events(iter(many), "parquet", out, batch_size=2) == 6
    meta = pq.ParquetFile(out).metadata
    assert meta.num_rows == 6 and meta.num_row_groups == 3
    table = pq.read_table(out)
    schema = table.schema
    assert schema.field("date").type == pa.date32()
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("background").type == pa.bool_()
    rows = table.to_pylist()
    assert rows[0]["date"] == dt.date(2019, 1, 5)
    assert rows[0]["fatalities"] == 12 and rows[0]["mentions"] == 2
    assert dict(rows[0]["spans"]) == {"evidence": [0, 84], "fatalities": [20, 38]}
    assert rows[5]["fatalities"] is None and rows[5]["latitude"] is None and rows[5]["background"] is True


def test_parquet_empty_keeps_schema(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "empty.parquet"
    assert export_events([], "parquet", out) == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and "event_id" in table.schema.names


def test_text_format_to_binary_stream_leaves_it_open() -> None:
    buf = io.BytesIO()
    export_events(RECORDS, "jsonl", buf)
    assert not buf.closed
    assert buf.getvalue().decode("utf-8").count("\n") == 2


def test_bad_format_and_parquet_to_text_stream() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_events(RECORDS, "xlsx", io.StringIO())
    with pytest.raises(ValueError, match="binary"):
        export_events(RECORDS, "parquet", io.StringIO())


class _PagingStore:
    """A store without iter_events: stream_events must page through events()."""

    def __init__(self, n: int) -> None:
        self.records = [{"event_id": str(i)} for i in range(n)]
        self.calls: list[tuple[int, int, dict]] = []

    def events(self, *, limit: int, offset: int, **filters):
        self.calls.append((limit, offset, filters))
        return self.records[offset: offset + limit]


def test_stream_events_pages_and_drops_unset_filters() -> None:
    store = _PagingStore(7)
    got = [r["event_id"] for r in stream_events(store, batch_size=3, country="IRQ", admin1=None)]
    assert got == [str(i) for i in range(7)]
    assert [c[:2] for c in store.calls] == [(3, 0), (3, 3), (3, 6)]
    assert all(c[2] == {"country": "IRQ"} for c in store.calls)
    assert [r["event_id"] for r in stream_events(_PagingStore(7), batch_size=3, limit=4)] == ["0", "1", "2", "3"]


def test_stream_events_prefers_iter_events() -> None:
    class Streaming:
        def iter_events(self, *, batch_size, **filters):
            assert batch_size == 50 and filters == {"actor": "X"}
            yield from ({"event_id": str(i)} for i in range(3))

    assert len(list(stream_events(Streaming(), batch_size=50, actor="X"))) == 3
    assert len(list(stream_events(Streaming(), batch_size=50, actor="X", limit=2))) == 2
