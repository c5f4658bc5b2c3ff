"""The ``tacitus`` command: thin commands over the library.

Every command reads its settings once (environment ``TACITUS_*``, then its
flags), calls the library and renders the result. Domain errors become one
readable line on stderr and exit status 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table

from tacitus import __version__
from tacitus.errors import TacitusError
from tacitus.models import Result
from tacitus.settings import Settings

logger = logging.getLogger("tacitus")

EVENT_TYPE_NAMES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                    "Strategic developments")
CSV_COLUMNS = ("event_id", "article_id", "date", "date_precision", "event_type", "sub_event_type", "actor1",
               "actor2", "location", "admin1", "country", "latitude", "longitude", "geo_precision", "geonameid",
               "fatalities", "fatalities_high", "wounded", "confidence", "mentions", "evidence")


def _settings(**overrides: Any) -> Settings:
    given = {k: v for k, v in overrides.items() if v not in (None, (), [])}
    return Settings(**given)


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = RichHandler(console=Console(stderr=True), show_time=False, show_path=False, markup=False)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger("tacitus")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


class _Group(click.Group):
    """Turns domain errors into one line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TacitusError as exc:
            click.echo(f"tacitus: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tacitus")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Tacitus: coded conflict events (who did what to whom, where, when, how many) from news text.

    \b
    Examples:
      tacitus extract article.txt
      tacitus ingest news/ --db events.sqlite
      tacitus events --country IRQ --since 2015-01-01
      tacitus events stats --by type --period year
      tacitus export --format csv --output events.csv
      tacitus profile "Islamic State" --format png --output is.png
      tacitus eval --gold ../shared/eval/dev/seeds.jsonl
    """
    _setup_logging(verbose)


_model_option = click.option("--model", "spacy_model", help="spaCy pipeline name or path (TACITUS_SPACY_MODEL).")
_prefer_option = click.option("--prefer-country", "prefer_countries", multiple=True,
                              help="ISO3 codes preferred for ambiguous places, e.g. IRQ,SYR (repeatable).")
_db_option = click.option("--db", help="Event store: SQLite path, sqlite:///PATH or postgresql://... (TACITUS_DB).")


def _split_codes(values: Sequence[str]) -> list[str]:
    return [c.strip().upper() for v in values for c in v.split(",") if c.strip()]


def _results(paths: Sequence[str], settings: Settings, *, geocode: bool = True) -> Iterator[Result]:
    from tacitus.ingest import iter_documents
    from tacitus.pipeline import Pipeline

    pipeline = Pipeline(settings, geocode=geocode)
    docs = iter_documents(paths, stdin=sys.stdin.buffer if "-" in paths else None)
    yield from _with_progress(pipeline.run(docs), settings)


def _with_progress(results: Iterable[Result], settings: Settings) -> Iterator[Result]:
    if not (settings.progress and sys.stderr.isatty()):
        yield from results
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("articles: 0", total=None)
        for n, r in enumerate(results, 1):
            progress.update(task, description=f"articles: {n}")
            yield r


def _report_skip(result: Result) -> None:
    s = result.skipped
    if s is not None:
        click.echo(f"skipped {s.origin}: [{s.code}] {s.reason}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="Output format.")
@_model_option
@_prefer_option
def extract(paths: tuple[str, ...], fmt: str, spacy_model: str | None, prefer_countries: tuple[str, ...]) -> None:
    """Extract events from files (no database) and print them as CODEBOOK JSON Lines.

    PATHS are .txt, .html/.htm or .jsonl files, directories (read recursively) or - for stdin.
    ``article_id`` is the JSONL ``id`` or the file's stem.

    \b
    Examples:
      tacitus extract ../shared/seeds/000_766515bad46ea839.txt
      tacitus extract news/ > events.jsonl
      cat report.txt | tacitus extract - --format table
    """
    settings = _settings(spacy_model=spacy_model, prefer_countries=_split_codes(prefer_countries))
    records: list[dict] = []
    n_ok = n_skip = 0
    for result in _results(paths, settings):
        if result.skipped:
            n_skip += 1
            _report_skip(result)
            continue
        n_ok += 1
        for event in result.events:
            rec = event.to_record()
            if fmt == "jsonl":
                click.echo(json.dumps(rec, ensure_ascii=False))
            else:
                records.append(rec)
    if fmt == "table":
        _print_table(records)
    click.echo(f"extracted {n_ok}, skipped {n_skip}", err=True)
    if n_ok == 0 and n_skip:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_model_option
@_prefer_option
def ingest(paths: tuple[str, ...], db: str | None, spacy_model: str | None, prefer_countries: tuple[str, ...]) -> None:
    """Extract events from files and store articles, events and mentions.

    Re-ingesting an unchanged article changes nothing; a changed article replaces its events.
    Ends with a summary line; exits non-zero only if nothing could be ingested.

    \b
    Examples:
      tacitus ingest src/tacitus/samples
      tacitus ingest news/*.html --db events.sqlite
      tacitus ingest archive.jsonl --db sqlite:////data/tacitus.sqlite
    """
    from tacitus.store import open_store

    settings = _settings(db=db, spacy_model=spacy_model, prefer_countries=_split_codes(prefer_countries))
    n_new = n_same = n_skip = n_events = 0
    with open_store(settings.db) as store:
        for result in _results(paths, settings):
            if result.skipped or result.article is None:
                n_skip += 1
                _report_skip(result)
                continue
            if store.add(result.article, result.events):
                n_new += 1
                n_events += len(result.events)
            else:
                n_same += 1
    click.echo(f"ingested {n_new + n_same}, skipped {n_skip} ({n_new} new or changed with {n_events} events, "
               f"{n_same} unchanged) into {settings.db}", err=True)
    if n_new + n_same == 0:
        sys.exit(1)


_FILTER_FLAGS = {"admin1": "--admin1", "near": "--near", "sub_event_type": "--sub-type",
                 "min_fatalities": "--min-fatalities", "text": "--search"}


def _filter_options(func: Any) -> Any:
    """The event filters shared by ``events``, ``events stats``, ``export``."""
    options = [
        click.option("--since", help="First date (YYYY-MM-DD)."),
        click.option("--until", help="Last date (YYYY-MM-DD)."),
        click.option("--country", help="ISO3 country code, e.g. IRQ."),
        click.option("--admin1", help="First-level division, e.g. Nineveh."),
        click.option("--type", "event_type", help="Event type or sub-event type, e.g. Battles or 'Suicide bomb'."),
        click.option("--sub-type", "sub_event_type", help="Sub-event type, e.g. 'Air/drone strike'."),
        click.option("--actor", help="Actor name (part of actor1 or actor2), e.g. 'Islamic State'."),
        click.option("--near", metavar="LAT,LON", help="Only events within --radius km of this point."),
        click.option("--radius", type=click.FloatRange(min=0, min_open=True), default=25.0, show_default=True,
                     help="Radius in km for --near."),
        click.option("--min-fatalities", type=click.IntRange(min=0),
                     help="Only events with at least this many killed."),
        click.option("--search", "text", help="Full-text search over the evidence, e.g. 'car bomb'."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _near(value: str | None, radius: float) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon = (float(v) for v in value.replace(" ", "").split(","))
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not LAT,LON (e.g. 36.34,43.13)", param_hint="--near") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(f"{value!r} is outside -90..90, -180..180", param_hint="--near")
    return (lat, lon, radius)


def _filters(*, since: str | None = None, until: str | None = None, country: str | None = None,
             admin1: str | None = None, event_type: str | None = None, sub_event_type: str | None = None,
             actor: str | None = None, near: str | None = None, radius: float = 25.0,
             min_fatalities: int | None = None, text: str | None = None) -> dict[str, Any]:
    """Store filter keywords from command options, only those given (older stores lack some)."""
    given = {"since": _date(since), "until": _date(until), "country": country, "admin1": admin1,
             "event_type": event_type, "sub_event_type": sub_event_type, "actor": actor,
             "near": _near(near, radius), "min_fatalities": min_fatalities, "text": text}
    return {k: v for k, v in given.items() if v is not None}


def _check_filters(method: Any, filters: dict[str, Any]) -> None:
    """A usage error, not a traceback, when the store does not know a filter yet."""
    import inspect

    params = inspect.signature(method).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return
    missing = [_FILTER_FLAGS.get(k, k) for k in filters if k not in params]
    if missing:
        raise click.UsageError(f"this event store does not support {', '.join(missing)} yet")


@cli.group(invoke_without_command=True)
@_db_option
@_filter_options
@click.option("--limit", type=click.IntRange(min=0), help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.pass_context
def events(ctx: click.Context, db: str | None, limit: int | None, fmt: str, **options: Any) -> None:
    """List stored events, filtered (all filters combine with AND).

    \b
    Examples:
      tacitus events
      tacitus events --country IRQ --since 2015-11-01 --until 2015-11-30
      tacitus events --type Battles --actor "Islamic State" --format jsonl
      tacitus events --near 36.34,43.13 --radius 50 --min-fatalities 10
      tacitus events --admin1 Nineveh --sub-type "Suicide bomb" --search "market"
      tacitus events --format csv > events.csv
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["options"] = options
    if ctx.invoked_subcommand is not None:
        return
    from tacitus.store import open_store

    filters = _filters(**options)
    settings = _settings(db=db)
    with open_store(settings.db) as store:
        _check_filters(store.events, filters)
        records = store.events(limit=limit, **filters)
    if fmt == "jsonl":
        for rec in records:
            click.echo(json.dumps(rec, ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
        click.echo(buf.getvalue(), nl=False)
    else:
        _print_table(records)
        click.echo(f"{len(records)} events in {settings.db}", err=True)


@events.command("show")
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: the record with its mention_list; text: a readable account of the event and its reports.")
@click.pass_context
def events_show(ctx: click.Context, event_id: str, fmt: str) -> None:
    """Show one event with every field, its provenance spans and every article that reports it.

    Each mention gives the article (title, url, date), its evidence and, for
    reports merged into the event by cross-article deduplication, why they
    were merged (reasons and score).

    \b
    Examples:
      tacitus events show 3f2a9c0d4b1e7a55
      tacitus events show 3f2a9c0d4b1e7a55 --format text
    """
    from tacitus.errors import StoreError
    from tacitus.store import open_store

    settings = _settings(db=ctx.obj.get("db"))
    with open_store(settings.db) as store:
        record = store.event(event_id)
        if record is None:
            raise StoreError("E304", event_id=event_id)
        mentions = store.mentions(event_id)
    if fmt == "json":
        click.echo(json.dumps({**record, "mention_list": mentions}, ensure_ascii=False, indent=2))
        return
    _print_event(record, mentions)


def _reasons(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return "; ".join(str(v) for v in value)


def _print_event(record: dict, mentions: Sequence[dict]) -> None:
    console = Console(width=max(Console().width, 120))
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold", no_wrap=True)
    fields.add_column()
    for key in ("event_id", "event_type", "sub_event_type", "date", "date_precision", "actor1", "actor2", "location",
                "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_high",
                "wounded", "confidence", "background", "evidence"):
        value = record.get(key)
        fields.add_row(key, "" if value is None else str(value))
    console.print(fields)
    console.print(f"\n[bold]{len(mentions)} mention(s)[/bold]")
    for n, m in enumerate(mentions, 1):
        head = " | ".join(str(v) for v in (m.get("published"), m.get("source"), m.get("title")) if v)
        console.print(f"\n[bold]{n}. {m.get('article_id')}[/bold]  {head}", markup=True, highlight=False)
        if m.get("url"):
            console.print(f"   {m['url']}", markup=False, highlight=False)
        console.print(f"   evidence: {m.get('evidence', '')}", markup=False, highlight=False)
        if m.get("reasons") is not None or m.get("score") is not None:
            score = m.get("score")
            console.print(f"   merged because: {_reasons(m.get('reasons')) or '-'}"
                          + (f" (score {score:.3f})" if isinstance(score, (int, float)) else ""),
                          markup=False, highlight=False)
        elif m.get("article_id") == record.get("article_id"):
            console.print("   the article the event was first read from", markup=False, highlight=False)


_BY = {"country": "country", "admin1": "admin1", "actor": "actor", "type": "event_type",
       "sub-type": "sub_event_type"}


@events.command("stats")
@_filter_options
@click.option("--by", type=click.Choice([*_BY, "none"]), default="country", show_default=True,
              help="Group rows by this field (none: one row per period).")
@click.option("--period", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def events_stats(ctx: click.Context, by: str, period: str, fmt: str, **options: Any) -> None:
    """Count events and fatalities per period and group.

    Filters given before "stats" (on "events") apply too; those given after it win.

    \b
    Examples:
      tacitus events stats
      tacitus events stats --by type --period year --country IRQ
      tacitus events stats --by actor --actor "Islamic State" --format csv > is.csv
      tacitus events stats --by admin1 --period week --since 2016-10-01 --format json
    """
    from tacitus.store import open_store

    merged = {**(ctx.obj.get("options") or {}), **{k: v for k, v in options.items() if v is not None}}
    filters = _filters(**merged)
    settings = _settings(db=ctx.obj.get("db"))
    with open_store(settings.db) as store:
        if not hasattr(store, "aggregate"):
            raise click.UsageError("this event store cannot aggregate yet (Store.aggregate is missing)")
        _check_filters(store.aggregate, filters)
        rows = store.aggregate(period=period, by=None if by == "none" else _BY[by], **filters)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=("period", "key", "events", "fatalities"), extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        table = Table(header_style="bold")
        table.add_column(period)
        table.add_column(by)
        table.add_column("events", justify="right")
        table.add_column("fatalities", justify="right")
        for row in rows:
            table.add_row(str(row.get("period") or "undated"), "" if row.get("key") is None else str(row["key"]),
                          str(row.get("events", 0)), str(row.get("fatalities", 0)))
        Console().print(table)
        click.echo(f"{sum(r.get('events', 0) for r in rows)} events, "
                   f"{sum(r.get('fatalities') or 0 for r in rows)} fatalities in {len(rows)} rows", err=True)


_EXPORT_SUFFIXES = {".csv": "csv", ".geojson": "geojson", ".json": "geojson", ".parquet": "parquet",
                    ".jsonl": "jsonl", ".ndjson": "jsonl"}


@cli.command("export")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "geojson", "parquet", "jsonl"]),
              help="Output format; default: from the --output suffix, else jsonl.")
@click.option("--output", "-o", default="-", show_default=True, help="File to write, or - for stdout.")
@_filter_options
@click.option("--limit", type=click.IntRange(min=0), help="At most this many events.")
def export_cmd(db: str | None, fmt: str | None, output: str, limit: int | None, **options: Any) -> None:
    """Export stored events as ACLED-style CSV, GeoJSON, Parquet or CODEBOOK JSON Lines.

    Events stream from the store to the output, so exports of any size run in
    little memory. CSV has ACLED's column names first (notes = evidence),
    then Tacitus columns (event_id, wounded, fatalities_high, confidence,
    mentions, iso3, ...). GeoJSON features of events without coordinates have
    a null geometry.

    \b
    Examples:
      tacitus export --format csv --output events.csv
      tacitus export --output iraq.geojson --country IRQ --since 2016-01-01
      tacitus export --format parquet --output events.parquet
      tacitus export --format jsonl --actor "Islamic State" | head
    """
    from tacitus.export import export_events, stream_events
    from tacitus.store import open_store

    if fmt is None:
        fmt = _EXPORT_SUFFIXES.get(Path(output).suffix.lower(), "jsonl") if output != "-" else "jsonl"
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give --output FILE or redirect stdout")
    filters = _filters(**options)
    settings = _settings(db=db)
    with open_store(settings.db) as store:
        _check_filters(store.events, filters)
        records = stream_events(store, limit=limit, **filters)
        if output == "-":
            sys.stdout.flush()
            n = export_events(records, fmt, sys.stdout.buffer)
        else:
            n = export_events(records, fmt, Path(output))
    click.echo(f"exported {n} events as {fmt} to {'stdout' if output == '-' else output}", err=True)


@cli.command("profile")
@click.argument("actor")
@_db_option
@click.option("--since", help="First date (YYYY-MM-DD); default: the actor's first event.")
@click.option("--until", help="Last date (YYYY-MM-DD); default: the actor's last event.")
@click.option("--home", "home", multiple=True,
              help="ISO3 home countries, e.g. IRQ,SYR (repeatable); default: actor dictionary, else inferred.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "png", "svg"]), default="table",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="File to write (png/svg default: profile-<actor>.<format>; table/json: stdout).")
def profile_cmd(actor: str, db: str | None, since: str | None, until: str | None, home: tuple[str, ...], fmt: str,
                output: str | None) -> None:
    """Month by month: is ACTOR losing ground at home while attacking more abroad?

    For each month: territory gained (ACTOR as actor1 of a territorial event)
    and lost (as actor2); attacks (battles, explosions, violence against
    civilians as actor1) inside its home countries and abroad; fatalities
    inflicted (as actor1) and suffered (as actor2). ACTOR may be any alias
    ("ISIS" is read as "Islamic State"). The output says where the home
    countries come from: --home, the actor dictionary, or inferred from where
    its territorial events happen.

    \b
    Examples:
      tacitus profile "Islamic State" --home IRQ,SYR
      tacitus profile ISIS --since 2015-01-01 --until 2016-12-31 --format json
      tacitus profile "Boko Haram" --format png --output boko.png
      tacitus profile Daesh --format svg -o is.svg
    """
    from tacitus.profile import build_profile, render_chart
    from tacitus.store import open_store

    first, last = _date(since), _date(until)
    if first and last and first > last:
        raise click.BadParameter(f"--since {since} is after --until {until}")
    settings = _settings(db=db)
    with open_store(settings.db) as store:
        prof = build_profile(store, actor, since=first, until=last, home=_split_codes(home) or None)
    if fmt in ("png", "svg"):
        slug = "".join(c if c.isalnum() else "-" for c in prof.actor.lower()).strip("-")
        path = render_chart(prof, Path(output or f"profile-{slug}.{fmt}"), fmt=fmt)
        click.echo(f"profile of {prof.actor} ({prof.n_events} events) written to {path}", err=True)
    elif fmt == "json":
        text = json.dumps(prof.to_dict(), ensure_ascii=False, indent=2)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
        else:
            click.echo(text)
    else:
        _print_profile(prof, output)


def _print_profile(prof: Any, output: str | None) -> None:
    home = ", ".join(prof.home) or "unknown"
    table = Table(header_style="bold", title=f"{prof.actor}: home {home} ({prof.home_source})",
                  caption=f"Tacitus, {prof.n_events} events from {prof.n_articles} articles"
                  + (f"; {prof.n_undated} undated events in no month" if prof.n_undated else ""))
    table.add_column("month", no_wrap=True)
    table.add_column("events", justify="right")
    table.add_column("territory +", justify="right", style="green")
    table.add_column("territory -", justify="right", style="red")
    table.add_column("attacks home", justify="right")
    table.add_column("attacks abroad", justify="right")
    table.add_column("abroad in")
    table.add_column("attacks ?", justify="right")
    table.add_column("killed by", justify="right")
    table.add_column("killed of", justify="right")
    for m in prof.months:
        table.add_row(m.month, str(m.events), str(m.territory_gained), str(m.territory_lost), str(m.attacks_home),
                      str(m.attacks_abroad), ", ".join(f"{c} {n}" for c, n in m.abroad_countries.items()),
                      str(m.attacks_unknown), str(m.fatalities_inflicted), str(m.fatalities_suffered))
    t = prof.totals()
    table.add_row("total", str(sum(m.events for m in prof.months)), str(t["territory_gained"]),
                  str(t["territory_lost"]), str(t["attacks_home"]), str(t["attacks_abroad"]), "",
                  str(t["attacks_unknown"]), str(t["fatalities_inflicted"]), str(t["fatalities_suffered"]),
                  style="bold", end_section=True)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            Console(file=fh, width=150).print(table)
    else:
        Console(width=max(Console().width, 120)).print(table)


@cli.command("eval")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL (CODEBOOK gold format: articles with their events).")
@click.option("--pred-out", type=click.Path(dir_okay=False), help="Also write the predictions here (JSONL).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@_model_option
def eval_cmd(gold_path: str, pred_out: str | None, as_json: bool, spacy_model: str | None) -> None:
    """Extract the gold articles and score them as ../shared/eval/score.py does.

    \b
    Examples:
      tacitus eval --gold ../shared/eval/dev/seeds.jsonl
      tacitus eval --gold ../shared/eval/dev/wiki_incidents.jsonl --pred-out /tmp/wiki.pred.jsonl
    """
    from tacitus.evaluation import non_event_predictions, report, score

    settings = _settings(spacy_model=spacy_model)
    gold = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    preds: list[dict] = []
    n_skip = 0
    for result in _results([gold_path], settings):
        if result.skipped:
            n_skip += 1
            _report_skip(result)
            continue
        preds.extend(e.to_record() for e in result.events)
    elapsed = time.perf_counter() - started
    if pred_out:
        with open(pred_out, "w", encoding="utf-8") as fh:
            for rec in preds:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    result = score(gold, preds)
    result.pop("per_article")
    wrong, n_empty = non_event_predictions(gold, preds)
    if as_json:
        result.update(non_event_articles=n_empty, events_on_non_event_articles=wrong, skipped=n_skip,
                      seconds=round(elapsed, 2))
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(report(result))
    if n_empty:
        click.echo(f"  non-event articles {n_empty}: {wrong} events wrongly produced")
    click.echo(f"  {len(gold)} articles in {elapsed:.1f} s ({len(gold) / max(elapsed, 1e-9):.1f} articles/s), "
               f"skipped {n_skip}")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_model_option
@_prefer_option
@click.option("--demonyms/--no-demonyms", default=True, show_default=True,
              help="Also print demonyms ('Iraqi', 'Russian') as toponyms of their country, "
                   "as the GeoWebNews and LGL gold sets annotate them.")
def geoparse(paths: tuple[str, ...], spacy_model: str | None, prefer_countries: tuple[str, ...],
             demonyms: bool) -> None:
    """Print every place name found, one JSON line each, with its resolved coordinates.

    Offsets (start, end) point into the article text as given (for JSONL input: the ``text`` field).
    A demonym's ``feature`` is its country's (``A.PCLI``) and its line carries ``"demonym": true``.

    \b
    Examples:
      tacitus geoparse ../shared/seeds/000_766515bad46ea839.txt
      tacitus geoparse ../shared/eval/dev/geo_lgl.jsonl > toponyms.jsonl
    """
    from tacitus.geo.names import demonym_country
    from tacitus.ingest import iter_documents
    from tacitus.pipeline import Pipeline

    settings = _settings(spacy_model=spacy_model, prefer_countries=_split_codes(prefer_countries))
    docs = iter_documents(paths, stdin=sys.stdin.buffer if "-" in paths else None)
    for result in _with_progress(Pipeline(settings).geoparse(docs, demonyms=demonyms), settings):
        if result.skipped or result.article is None:
            _report_skip(result)
            continue
        for top in result.toponyms:
            place = top.place
            line = top.to_record(result.article.id)
            if demonyms and place is not None and place.precision == "country" and \
                    demonym_country(top.span.text) is not None:
                line["demonym"] = True
            click.echo(json.dumps(line, ensure_ascii=False))


def _print_table(records: Sequence[dict]) -> None:
    console = Console(width=max(Console().width, 150))
    table = Table(header_style="bold", show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("type / sub-type", max_width=30)
    table.add_column("actor1 -> actor2", max_width=36)
    table.add_column("where", max_width=22)
    table.add_column("killed", justify="right", no_wrap=True)
    table.add_column("wounded", justify="right", no_wrap=True)
    table.add_column("evidence", max_width=60)
    for rec in records:
        kind = rec.get("event_type") or ""
        if rec.get("sub_event_type"):
            kind += f" / {rec['sub_event_type']}"
        actors = " -> ".join(a for a in (rec.get("actor1") or "?", rec.get("actor2")) if a)
        where = ", ".join(v for v in (rec.get("location") or rec.get("admin1"), rec.get("country")) if v)
        evidence = (rec.get("evidence") or "").replace("\n", " ")
        if len(evidence) > 160:
            evidence = evidence[:157] + "..."
        table.add_row(rec.get("date") or "", kind, actors, where,
                      "" if rec.get("fatalities") is None else str(rec["fatalities"]),
                      "" if rec.get("wounded") is None else str(rec["wounded"]), evidence)
    console.print(table)


def main() -> None:
    cli(prog_name="tacitus")
