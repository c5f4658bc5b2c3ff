"""Stored events -> files: ACLED-style CSV, GeoJSON, Parquet and CODEBOOK JSON Lines.

Takes event records as :meth:`Store.events` / ``Store.iter_events`` return them
(``Event.to_record()`` keys plus ``event_id``, ``mentions``, ``title``, ``url``)
and writes them one at a time, so an export of a million events never holds
them all in memory: CSV, GeoJSON and JSONL are written row by row, Parquet in
row groups of ``batch_size`` rows. :func:`export_events` returns how many
events it wrote.

Formats:

``jsonl``
    The CODEBOOK "events out" records exactly (section 4), plus ``event_id``
    and ``mentions``; the store's ``title``/``url`` conveniences are left out.
``csv``
    ACLED's published column names and order (:data:`ACLED_COLUMNS`, as in
    ACLED's 2023+ export), then Tacitus columns (:data:`TACITUS_COLUMNS`).
    The mapping:

    ==================  ============================================================
    ACLED column        Tacitus value
    ==================  ============================================================
    event_id_cnty       ISO3 of the country (``XXX`` if unknown) + ``event_id``
    event_date          ``date`` (YYYY-MM-DD)
    year                year of ``date``
    time_precision      ``date_precision``: day 1, week 2, month 3, year 3
                        (ACLED has no level coarser than a month)
    disorder_type       from the event type, as ACLED derives it
    event_type,
    sub_event_type      as is (the typology is ACLED's)
    actor1, actor2      canonical names
    inter1, inter2      ACLED actor-type codes (1 state forces, 2 rebel groups,
                        5 rioters, 6 protesters, 7 civilians) where the canonical
                        name or the actor dictionary tells; blank otherwise
    interaction         the two inter codes, lower first (ACLED's numeric form)
    civilian_targeting  "Civilian targeting" when actor2 is ``Civilians (...)``
    iso                 ISO 3166-1 numeric code
    country             country name (ACLED writes names, not codes)
    admin1, location,
    latitude, longitude as is
    geo_precision       place 1, admin1 3, country 3
    source              the article's web host (Tacitus keeps no outlet names
                        in event records)
    notes               ``evidence``
    fatalities          as is; blank where no number was reported (ACLED
                        writes 0 there; Tacitus keeps "unknown" apart from "none")
    tags                ``background`` for events named only in passing
    timestamp           Unix time of the export (Tacitus does not track
                        per-event modification times)
    assoc_actor_1/2,
    region, admin2/3,
    source_scale        blank: Tacitus does not code them
    ==================  ============================================================

``geojson``
    One RFC 7946 FeatureCollection, a Feature per event: a Point (longitude,
    latitude) where the event has coordinates, ``"geometry": null`` where it
    has none (RFC 7946 section 3.2 allows unlocated features; keeping them
    means a GeoJSON export has the same events as the other formats). Feature
    ``id`` is ``event_id``; properties are the record minus ``spans``.
``parquet``
    A fixed typed schema (:func:`parquet_schema`): dates as ``date32``, counts
    as nullable ``int64``, spans as ``map<string, list<int32>>``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from tacitus.store import Store

logger = logging.getLogger(__name__)

FORMATS = ("csv", "geojson", "parquet", "jsonl")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
TACITUS_COLUMNS = (
    "event_id", "article_id", "iso3", "date_precision", "tacitus_geo_precision", "geonameid", "wounded",
    "fatalities_high", "confidence", "mentions", "background", "url", "title",
)
CSV_COLUMNS = ACLED_COLUMNS + TACITUS_COLUMNS

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"place": 1, "admin1": 3, "country": 3}

# Record keys that are store conveniences, not CODEBOOK fields.
_NOT_CODEBOOK = ("title", "url")


@lru_cache(maxsize=1)
def parquet_schema() -> Any:
    """The fixed Parquet schema (a ``pyarrow.Schema``); pyarrow is imported only when this is called."""
    import pyarrow as pa

    return pa.schema([
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("location", pa.string()),
        ("admin1", pa.string()),
        ("country", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.string()),
        ("geonameid", pa.int64()),
        ("actor1", pa.string()),
        ("actor2", pa.string()),
        ("fatalities", pa.int64()),
        ("fatalities_high", pa.int64()),
        ("wounded", pa.int64()),
        ("evidence", pa.string()),
        ("confidence", pa.float64()),
        ("background", pa.bool_()),
        ("mentions", pa.int64()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("spans", pa.map_(pa.string(), pa.list_(pa.int32()))),
    ])


def export_events(
    records: Iterable[dict[str, Any]],
    fmt: str,
    out: IO[str] | IO[bytes] | Path | str,
    *,
    batch_size: int = 10_000,
    timestamp: int | None = None,
) -> int:
    """Write event records to ``out`` in one format, streaming.

    Args:
        records: Event records as the store returns them; consumed once.
        fmt: One of :data:`FORMATS`.
        out: A path (created or overwritten) or an open file. Text formats
            accept a text or a binary stream (written as UTF-8); Parquet needs
            a binary stream.
        batch_size: Rows per Parquet row group.
        timestamp: The CSV ``timestamp`` value (Unix seconds); default: now.

    Returns:
        The number of events written.

    Raises:
        ValueError: For an unknown format, or Parquet to a text stream.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
    with ExitStack() as stack:
        if isinstance(out, (str, Path)):
            mode = "wb" if fmt == "parquet" else "w"
            kwargs: dict[str, Any] = {} if fmt == "parquet" else {"encoding": "utf-8", "newline": ""}
            stream: IO[Any] = stack.enter_context(open(out, mode, **kwargs))
        else:
            stream = out
        if fmt == "parquet":
            if isinstance(stream, io.TextIOBase):
                raise ValueError("Parquet is binary: give a path or a binary stream")
            n = _write_parquet(records, stream, batch_size=batch_size)
        else:
            text = stream if isinstance(stream, io.TextIOBase) else _text_wrapper(stream, stack)
            writer: Callable[..., int] = {"csv": _write_csv, "geojson": _write_geojson, "jsonl": _write_jsonl}[fmt]
            n = writer(records, text, timestamp=timestamp) if fmt == "csv" else writer(records, text)
            text.flush()
    logger.info("exported %d events as %s", n, fmt)
    return n


def _text_wrapper(stream: IO[bytes], stack: ExitStack) -> io.TextIOWrapper:
    wrapper = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)  # type: ignore[arg-type]
    # Detach rather than close, so the caller's stream (e.g. stdout) stays open.
    stack.callback(wrapper.detach)
    return wrapper


# -- JSONL ------------------------------------------------------------------------


def codebook_record(record: dict[str, Any]) -> dict[str, Any]:
    """A store record reduced to the CODEBOOK event record plus ``event_id`` and ``mentions``."""
    return {k: v for k, v in record.items() if k not in _NOT_CODEBOOK}


def _write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(codebook_record(rec), ensure_ascii=False) + "\n")
        n += 1
    return n


# -- CSV --------------------------------------------------------------------------


def acled_row(record: dict[str, Any], *, timestamp: int) -> dict[str, Any]:
    """One event record as a CSV row: ACLED columns, then Tacitus columns (see the module docstring)."""
    iso3 = record.get("country")
    date = record.get("date")
    actor1, actor2 = record.get("actor1"), record.get("actor2")
    inter1, inter2 = _inter(actor1), _inter(actor2)
    # ACLED's numeric interaction: the two codes lower first; a sole actor is paired with 0 (e.g. 20).
    interaction = "" if inter1 is None else inter1 * 10 if inter2 is None else min(inter1, inter2) * 10 + max(
        inter1, inter2)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{record.get('event_id', '')}",
        "event_date": date or "",
        "year": date[:4] if date else "",
        "time_precision": TIME_PRECISION.get(record.get("date_precision") or "", ""),
        "disorder_type": disorder_type(record.get("event_type"), record.get("sub_event_type")),
        "event_type": record.get("event_type"),
        "sub_event_type": record.get("sub_event_type"),
        "actor1": actor1,
        "assoc_actor_1": "",
        "inter1": "" if inter1 is None else inter1,
        "actor2": actor2,
        "assoc_actor_2": "",
        "inter2": "" if inter2 is None else inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if (actor2 or "").startswith("Civilians") else "",
        "iso": _iso_numeric(iso3) if iso3 else "",
        "region": "",
        "country": (_country_name(iso3) or iso3) if iso3 else "",
        "admin1": record.get("admin1"),
        "admin2": "",
        "admin3": "",
        "location": record.get("location"),
        "latitude": record.get("latitude"),
        "longitude": record.get("longitude"),
        "geo_precision": GEO_PRECISION.get(record.get("geo_precision") or "", ""),
        "source": _host(record.get("url")),
        "source_scale": "",
        "notes": record.get("evidence"),
        "fatalities": record.get("fatalities"),
        "tags": "background" if record.get("background") else "",
        "timestamp": timestamp,
        "event_id": record.get("event_id"),
        "article_id": record.get("article_id"),
        "iso3": iso3,
        "date_precision": record.get("date_precision"),
        "tacitus_geo_precision": record.get("geo_precision"),
        "geonameid": record.get("geonameid"),
        "wounded": record.get("wounded"),
        "fatalities_high": record.get("fatalities_high"),
        "confidence": record.get("confidence"),
        "mentions": record.get("mentions"),
        "background": record.get("background"),
        "url": record.get("url"),
        "title": record.get("title"),
    }


def _write_csv(records: Iterable[dict[str, Any]], out: IO[str], *, timestamp: int | None) -> int:
    stamp = int(time.time()) if timestamp is None else timestamp
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(acled_row(rec, timestamp=stamp))
        n += 1
    return n


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type of an event type (blank for an unknown type)."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return ""


# Canonical-name patterns fixed by the CODEBOOK, checked before the dictionary.
_NAME_INTER = (("Military Forces of", 1), ("Police Forces of", 1), ("Civilians (", 7), ("Protesters (", 6),
               ("Rioters (", 5))
_KIND_INTER = {"state": 1, "rebel": 2, "civilians": 7, "protesters": 6, "rioters": 5}


@lru_cache(maxsize=4096)
def _inter(actor: str | None) -> int | None:
    if not actor:
        return None
    for prefix, code in _NAME_INTER:
        if actor.startswith(prefix):
            return code
    found = _actor_dictionary().canonical(actor)
    if found is not None and found.name == actor:
        return _KIND_INTER.get(found.kind or "")
    return None


@lru_cache(maxsize=1)
def _actor_dictionary() -> Any:
    from tacitus.actors import ActorDictionary

    return ActorDictionary.load()


@lru_cache(maxsize=512)
def _country_name(iso3: str) -> str | None:
    from tacitus.countries import country_name

    return country_name(iso3)


@lru_cache(maxsize=512)
def _iso_numeric(iso3: str) -> int | str:
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return int(found.numeric) if found is not None else ""


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


# -- GeoJSON ----------------------------------------------------------------------


def geojson_feature(record: dict[str, Any]) -> dict[str, Any]:
    """One event record as a GeoJSON Feature (``geometry`` null when it has no coordinates)."""
    lat, lon = record.get("latitude"), record.get("longitude")
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
    properties = {k: v for k, v in record.items() if k != "spans"}
    return {"type": "Feature", "id": record.get("event_id"), "geometry": geometry, "properties": properties}


def _write_geojson(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for rec in records:
        if n:
            out.write(",\n")
        out.write(json.dumps(geojson_feature(rec), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


# -- Parquet ----------------------------------------------------------------------


def _parquet_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {name: record.get(name) for name in parquet_schema().names}
    if row["date"]:
        row["date"] = dt.date.fromisoformat(str(row["date"])[:10])
    row["background"] = bool(row["background"]) if row["background"] is not None else None
    row["spans"] = [(k, list(v)) for k, v in (record.get("spans") or {}).items()]
    return row


def _batches(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_parquet(records: Iterable[dict[str, Any]], out: IO[bytes], *, batch_size: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for batch in _batches(records, batch_size):
            table = pa.Table.from_pylist([_parquet_row(r) for r in batch], schema=schema)
            writer.write_table(table, row_group_size=batch_size)
            n += len(batch)
        if n == 0:
            # An empty file still carries the schema, so readers see the columns.
            writer.write_table(schema.empty_table())
    return n


# -- reading from the store -------------------------------------------------------


def stream_events(store: Store, *, batch_size: int = 1000, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every event matching ``filters``, streamed from ``store``.

    Uses ``Store.iter_events`` where the store has it, otherwise pages
    through ``Store.events`` ``batch_size`` records at a time. Filters that
    are None are not passed on, so a store without a filter still works
    when that filter is unused.

    Args:
        store: An open :class:`~tacitus.store.Store`.
        batch_size: Records fetched per query.
        **filters: ``Store.events`` filters (``since``, ``country``, ``actor`` ...).
    """
    given = {k: v for k, v in filters.items() if v is not None}
    limit = given.pop("limit", None)
    if hasattr(store, "iter_events"):
        n = 0
        for rec in store.iter_events(batch_size=batch_size, **given):
            if limit is not None and n >= limit:
                return
            n += 1
            yield rec
        return
    offset = 0
    while True:
        size = batch_size if limit is None else min(batch_size, limit - offset)
        if size <= 0:
            return
        page = store.events(limit=size, offset=offset, **given)
        yield from page
        if len(page) < size:
            return
        offset += len(page)
