"""Event location: which of a sentence's places is where its event happened.

    python benchmarks/event_location_bench.py [--data PATH] [--limit N] [--gold-only]

Gold: the sentences of Halterman's "Geolocating Political Events in Text"
(``../shared/data/event_location/labeled_text.jsonl``, MIT; wire news from
AP, AFP, Xinhua and others, PITF atrocities and Wikipedia). Each record marks
one event verb and the toponym where that event happened, or none.

For each sentence Tacitus recognises and resolves its toponyms and asks
``geo.locate_event`` for the place of the event at that verb; two baselines
put the pin on the sentence's first toponym (what a "pin every place" coder
does first) and on the toponym nearest the verb. A pick is right when its span
overlaps a gold location; on a sentence whose event has no place, the right
answer is none. Printed side by side, overall and for the re-labelled gold
subset.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from tacitus.geo import find_toponyms, locate_event, open_gazetteer
from tacitus.models import Span
from tacitus.nlp import load_nlp
from tacitus.settings import Settings

DATA = Path("/work/shared/data/event_location/labeled_text.jsonl")


def _records(path: Path, limit: int | None, gold_only: bool) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        raw = json.load(fh)  # one JSON list, despite the file name
    out = []
    for rec in raw:
        spans = rec.get("spans") or []
        verbs = [s for s in spans if s.get("label") == "VERB"]
        if len(verbs) != 1 or (gold_only and rec.get("source") != "RELABEL"):
            continue
        locs = [(s["start"], s["end"]) for s in spans if s.get("label") == "LOCATION"]
        if any(not rec["text"][a:b].strip() for a, b in locs):
            continue  # a location span with no text: a damaged record
        out.append({"text": rec["text"], "verb": (verbs[0]["start"], verbs[0]["end"]), "locs": locs,
                    "source": rec.get("source") or "?"})
    return out[:limit] if limit else out


def _right(pick: tuple[int, int] | None, locs: list[tuple[int, int]]) -> bool:
    if pick is None:
        return not locs
    return any(pick[0] < e and s < pick[1] for s, e in locs)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--gold-only", action="store_true", help="only the re-labelled gold records")
    args = ap.parse_args(argv)
    settings = Settings()
    gazetteer = open_gazetteer(cache_dir=settings.cache_dir, progress=True)
    nlp = load_nlp(settings.spacy_model)
    records = _records(args.data, args.limit, args.gold_only)
    systems = ("tacitus", "first place", "nearest place")
    right: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    t0 = time.perf_counter()
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        text = rec["text"]
        toponyms = [t for t in find_toponyms(doc, gazetteer) if t.place is not None]
        verb = Span(rec["verb"][0], rec["verb"][1], text[rec["verb"][0]:rec["verb"][1]])
        _, span = locate_event(doc, toponyms, evidence=Span(0, len(text), text), trigger=verb)
        picks = {
            "tacitus": (span.start, span.end) if span is not None else None,
            "first place": (toponyms[0].span.start, toponyms[0].span.end) if toponyms else None,
            "nearest place": min(((t.span.start, t.span.end) for t in toponyms),
                                 key=lambda se: abs(se[0] - verb.start), default=None),
        }
        has_place = "with a place" if rec["locs"] else "no place"
        for name, pick in picks.items():
            ok = _right(pick, rec["locs"])
            for group in ("all", has_place, f"source {rec['source']}"):
                cell = right[(name, group)]
                cell[0] += ok
                cell[1] += 1
    elapsed = time.perf_counter() - t0
    groups = ["all", "with a place", "no place"] + sorted({g for _, g in right if g.startswith("source")})
    print(f"{len(records)} event sentences in {elapsed:.1f} s ({len(records) / elapsed:.0f}/s)")
    print(f"{'':24s}" + "".join(f"{s:>15s}" for s in systems))
    for group in groups:
        n = right[(systems[0], group)][1]
        row = "".join(f"{right[(s, group)][0] / n:15.3f}" for s in systems)
        print(f"{group + f' ({n})':24s}{row}")


if __name__ == "__main__":
    main()
