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


@cli.group(invoke_without_command=True)
@_db_option
@click.option("--since", help="First date (YYYY-MM-DD).")
@click.option("--until", help="Last date (YYYY-MM-DD).")
@click.option("--country", help="ISO3 country code, e.g. IRQ.")
@click.option("--type", "event_type", help="Event type or sub-event type, e.g. Battles or 'Suicide bomb'.")
@click.option("--actor", help="Actor name (part of actor1 or actor2), e.g. 'Islamic State'.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.pass_context
def events(ctx: click.Context, db: str | None, since: str | None, until: str | None, country: str | None,
           event_type: str | None, actor: str | None, limit: int | None, fmt: str) -> None:
    """List stored events, filtered.

    \b
    Examples:
      tacitus events
      tacitus events --country IRQ --since 2015-11-01 --until 2015-11-30
      tacitus events --type Battles --actor "Islamic State" --format jsonl
      tacitus events --format csv > events.csv
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    from tacitus.store import open_store

    settings = _settings(db=db)
    with open_store(settings.db) as store:
        records = store.events(since=_date(since), until=_date(until), country=country, event_type=event_type,
                               actor=actor, limit=limit)
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
@click.pass_context
def events_show(ctx: click.Context, event_id: str) -> None:
    """Show one event with every field, its provenance spans and its mentions.

    \b
    Example:
      tacitus events show 3f2a9c0d4b1e7a55
    """
    from tacitus.errors import StoreError
    from tacitus.store import open_store

    settings = _settings(db=ctx.obj.get("db"))
    with open_store(settings.db) as store:
        record = store.event(event_id)
        if record is None:
            raise StoreError("E304", event_id=event_id)
        mentions = store.mentions(event_id)
    click.echo(json.dumps({**record, "mention_list": mentions}, ensure_ascii=False, indent=2))


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
def geoparse(paths: tuple[str, ...], spacy_model: str | None, prefer_countries: tuple[str, ...]) -> None:
    """Print every place name found, one JSON line each, with its resolved coordinates.

    Offsets (start, end) point into the article text as given (for JSONL input: the ``text`` field).

    \b
    Examples:
      tacitus geoparse ../shared/seeds/000_766515bad46ea839.txt
      tacitus geoparse ../shared/eval/dev/geo_lgl.jsonl > toponyms.jsonl
    """
    settings = _settings(spacy_model=spacy_model, prefer_countries=_split_codes(prefer_countries))
    for result in _results(paths, settings):
        if result.skipped or result.article is None:
            _report_skip(result)
            continue
        for top in result.toponyms:
            place = top.place
            click.echo(json.dumps({
                "article_id": result.article.id, "start": top.span.start, "end": top.span.end,
                "text": top.span.text,
                "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
                "geonameid": place.geonameid if place else None, "country": place.country if place else None,
                "admin1": place.admin1 if place else None, "feature": place.feature if place else None,
            }, ensure_ascii=False))


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
