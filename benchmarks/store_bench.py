"""Event-store benchmark: bulk ingest and the analyst's queries over N synthetic events.

Generates N events (default 1,000,000) with a realistic spread: ~200
countries with a Zipf-like skew, ten years of dates, all ACLED types, per-country
and global actors, coordinates around each country's centre, one short
article per event. Bulk-loads them with ``Store.add_many`` (deduplication
off), then times the queries an analyst runs, on SQLite and (``--postgres``,
a throwaway cluster from tests/postgres_server.py) PostgreSQL side by side.

    python benchmarks/store_bench.py --n 1000000
    python benchmarks/store_bench.py --n 200000 --postgres --no-sqlite
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import logging
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pycountry

from tacitus.models import EVENT_TYPES, Actor, Article, Casualties, Event, EventDate, Place, Span
from tacitus.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")
GLOBAL_GROUPS = ["Islamic State", "Al-Qaeda", "Al-Shabaab", "Boko Haram", "Wagner Group", "Hamas", "Hezbollah"]
TYPE_WEIGHTS = {
    "Battles": 0.25,
    "Explosions/Remote violence": 0.25,
    "Violence against civilians": 0.2,
    "Protests": 0.15,
    "Riots": 0.05,
    "Strategic developments": 0.1,
}
WORDS = {
    "Battles": "fighters clashed with troops near the town",
    "Explosions/Remote violence": "a suicide bomber blew himself up at a crowded market",
    "Violence against civilians": "gunmen attacked villagers and abducted several people",
    "Protests": "hundreds of protesters marched peacefully through the centre",
    "Riots": "rioters burned cars and looted shops",
    "Strategic developments": "police arrested suspects and seized weapons",
}


def synthetic(n: int, *, seed: int = 7) -> Iterator[tuple[Article, list[Event]]]:
    """``n`` (article, [event]) pairs, deterministic for a seed."""
    rng = random.Random(seed)
    countries = [c.alpha_3 for c in pycountry.countries][:200]
    # Cumulative weights computed once: rng.choices would re-add 200 weights per call (same draws).
    cum_weights = list(itertools.accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(countries))))
    centres = {c: (rng.uniform(-50, 60), rng.uniform(-170, 170)) for c in countries}
    admins = {c: [f"{c} Province {i}" for i in range(8)] for c in countries}
    types = list(TYPE_WEIGHTS)
    type_weights = list(itertools.accumulate(TYPE_WEIGHTS.values()))
    start = dt.date(2015, 1, 1)
    for i in range(n):
        country = rng.choices(countries, cum_weights=cum_weights)[0]
        event_type = rng.choices(types, cum_weights=type_weights)[0]
        sub = rng.choice(EVENT_TYPES[event_type])
        lat0, lon0 = centres[country]
        lat, lon = lat0 + rng.gauss(0, 1.5), lon0 + rng.gauss(0, 1.5)
        actor1 = rng.choice([*GLOBAL_GROUPS, f"Military Forces of {country}", f"Unidentified Armed Group ({country})"])
        actor2 = rng.choice([f"Civilians ({country})", f"Police Forces of {country}", None])
        killed = rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 50])
        text = f"{country} report {i}: {WORDS[event_type]}; {killed or 'no'} people were killed."
        article = Article(id=f"art{i}", text=text, content_hash=f"h{i}", title=f"Report {i}", source="Synthetic")
        event = Event(
            article_id=article.id,
            event_type=event_type,
            sub_event_type=sub,
            evidence=Span(0, len(text), text),
            date=EventDate(start + dt.timedelta(days=rng.randrange(3653)), "day"),
            place=Place(f"Town {i % 5000}", lat, lon, country, admin1=rng.choice(admins[country]), precision="place"),
            actor1=Actor(actor1),
            actor2=Actor(actor2) if actor2 else None,
            casualties=Casualties(fatalities=killed),
        )
        yield article, [event]


def timed(fn: Callable[[], object], *, repeat: int = 3) -> tuple[float, object]:
    """Median wall time (seconds) of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def run(store: Store, n: int) -> dict[str, str]:
    """Load ``n`` events into an empty store and time the queries; figures as display strings."""
    figures: dict[str, str] = {}
    generating = [0.0]
    t0 = time.perf_counter()
    store.add_many(_timed_iter(synthetic(n), generating), batch_size=10_000)
    elapsed = time.perf_counter() - t0
    storing = elapsed - generating[0]
    # The store's rate leaves out the time spent making the synthetic events.
    figures["ingest (store)"] = f"{n / storing:,.0f} events/s ({storing:.0f} s)"
    figures["ingest (with generation)"] = f"{n / elapsed:,.0f} events/s ({elapsed:.0f} s)"
    top = "AFG"  # pycountry's first country: the most frequent under the skew
    queries: dict[str, Callable[[], object]] = {
        "country+month": lambda: store.events(country=top, since=dt.date(2020, 3, 1), until=dt.date(2020, 3, 31)),
        "aggregate month x country": lambda: store.aggregate(period="month", by="country"),
        "aggregate week, one country": lambda: store.aggregate(period="week", by="event_type", country=top),
        "near 50 km (limit 1000)": lambda: store.events(near=(*_centre(store, top), 50.0), limit=1000),
        "full text (limit 1000)": lambda: store.events(text="suicide bomber market", limit=1000),
        "actor alias Daesh (limit 1000)": lambda: store.events(actor="Daesh", limit=1000),
        "actor+country+year": lambda: store.events(actor="Daesh", country=top, since=dt.date(2019, 1, 1),
                                                   until=dt.date(2019, 12, 31)),  # fmt: skip
        "stream 100k (iter_events)": lambda: sum(1 for _ in store.iter_events(limit=100_000, batch_size=5000)),
    }
    for name, query in queries.items():
        seconds, result = timed(query, repeat=1 if name.startswith(("aggregate month", "stream")) else 3)
        size = result if isinstance(result, int) else len(result)  # type: ignore[arg-type]
        figures[name] = f"{seconds * 1000:,.0f} ms ({size:,} rows)"
    return figures


def _timed_iter(items: Iterator[T], spent: list[float]) -> Iterator[T]:
    """``items``, adding the time spent producing each one to ``spent[0]``."""
    while True:
        t0 = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            spent[0] += time.perf_counter() - t0
            return
        spent[0] += time.perf_counter() - t0
        yield item


def _centre(store: Store, country: str) -> tuple[float, float]:
    first = store.events(country=country, limit=1)[0]
    return first["latitude"], first["longitude"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="events to generate (default 1,000,000)")
    parser.add_argument("--postgres", action="store_true", help="also run on a throwaway PostgreSQL cluster")
    parser.add_argument("--no-sqlite", action="store_true", help="skip SQLite")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    results: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="tacitus-bench-") as tmp:
        if not args.no_sqlite:
            with open_store(Path(tmp) / "bench.sqlite") as store:
                results["SQLite"] = run(store, args.n)
            print(f"SQLite done: {results['SQLite']}", file=sys.stderr)
        if args.postgres:
            sys.path.insert(0, str(ROOT / "tests"))
            from postgres_server import PostgresServer

            with PostgresServer.start() as server, open_store(server.create_database("bench")) as store:
                results["PostgreSQL"] = run(store, args.n)
    names = list(next(iter(results.values())))
    width = max(map(len, names)) + 2
    print(f"{args.n:,} synthetic events".ljust(width) + "".join(f"{b:<32}" for b in results))
    for name in names:
        print(name.ljust(width) + "".join(f"{results[b][name]:<32}" for b in results))


if __name__ == "__main__":
    main()
