"""Cross-article deduplication against the gold clusters of ``tests/data/dedup``.

    .venv/bin/python benchmarks/dedup_eval.py [--records] [--write] [--shuffles 5]

Runs the real pipeline over ``tests/data/dedup/articles.jsonl`` (or, with
``--records``, reads the stored ``records.jsonl``), clusters the events in
publication order with :func:`tacitus.dedup.cluster` (the store's candidate
filter included), and prints pairwise precision, recall and F1 of merges
against ``gold.jsonl``, then every wrong merge and missed merge with reasons.

Pairs are counted between articles: two articles are merged when one of
their (non-background) events lands in the same cluster; gold merges two
articles that report the same incident. ``--shuffles N`` repeats the
clustering over N random arrival orders to show how order-sensitive it is.
``--write`` stores the pipeline's records for ``tests/test_dedup.py``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from tacitus.dedup import cluster, similarity

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "dedup"


def pipeline_records(articles: Path) -> list[dict[str, Any]]:
    """Every event the pipeline codes in ``articles``, as a record with ``event_id``."""
    from tacitus.ingest import iter_documents
    from tacitus.pipeline import Pipeline
    from tacitus.settings import Settings

    pipeline = Pipeline(Settings(progress=False))
    published = {a["id"]: a.get("published") for a in _jsonl(articles)}
    records = []
    for result in pipeline.run(iter_documents([articles])):
        if result.article is None:
            continue
        for i, event in enumerate(result.events):
            rec = event.to_record()
            rec["event_id"] = f"{event.article_id}#{i}"
            rec["published"] = published.get(event.article_id)
            records.append(rec)
    return records


def arrival_order(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records as a feed delivers them: by publication date, then article id, then position."""
    return sorted(records, key=lambda r: (r.get("published") or "", r["article_id"], r["event_id"]))


def evaluate(records: list[dict[str, Any]], gold: dict[str, str]) -> dict[str, Any]:
    """Pairwise precision/recall/F1 of article merges, with the wrong and missed pairs."""
    assigned = cluster(records)
    by_article: dict[str, set[str]] = defaultdict(set)
    decisions = {}
    for rec, (event_id, decision) in zip(records, assigned, strict=True):
        if rec.get("background"):
            continue
        by_article[rec["article_id"]].add(event_id)
        decisions[rec["event_id"]] = (event_id, decision)
    articles = sorted(gold)
    pred_pairs = {(a, b) for a, b in combinations(articles, 2) if by_article[a] & by_article[b]}
    gold_pairs = {(a, b) for a, b in combinations(articles, 2) if gold[a] == gold[b]}
    tp = len(pred_pairs & gold_pairs)
    precision = tp / len(pred_pairs) if pred_pairs else 1.0
    recall = tp / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision, "recall": recall, "f1": f1, "tp": tp,
        "predicted": len(pred_pairs), "gold": len(gold_pairs),
        "wrong": sorted(pred_pairs - gold_pairs), "missed": sorted(gold_pairs - pred_pairs),
        "decisions": decisions, "by_article": by_article,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--records", action="store_true", help="use the stored records.jsonl, not the pipeline")
    ap.add_argument("--write", action="store_true", help="store the pipeline's records as records.jsonl")
    ap.add_argument("--shuffles", type=int, default=5, help="random arrival orders to try")
    args = ap.parse_args()

    gold = {g["article_id"]: g["cluster"] for g in _jsonl(args.data / "gold.jsonl")}
    if args.records:
        records = _jsonl(args.data / "records.jsonl")
    else:
        records = pipeline_records(args.data / "articles.jsonl")
    records = arrival_order(records)
    if args.write:
        with (args.data / "records.jsonl").open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")

    res = evaluate(records, gold)
    n_events = sum(1 for r in records if not r.get("background"))
    print(f"{len(gold)} articles, {len(set(gold.values()))} gold incidents, {n_events} events "
          f"({len(records) - n_events} background)")
    print(f"pairwise merges: precision {res['precision']:.3f}  recall {res['recall']:.3f}  F1 {res['f1']:.3f}"
          f"  (tp {res['tp']}, predicted {res['predicted']}, gold {res['gold']})")

    if args.shuffles:
        rng = random.Random(13)
        f1s = []
        for _ in range(args.shuffles):
            shuffled = records[:]
            rng.shuffle(shuffled)
            f1s.append(evaluate(shuffled, gold)["f1"])
        print(f"random arrival orders ({args.shuffles}): F1 min {min(f1s):.3f} mean {sum(f1s) / len(f1s):.3f}")

    by_id = defaultdict(list)
    for rec in records:
        if not rec.get("background"):
            by_id[rec["article_id"]].append(rec)
    if res["wrong"]:
        print("\nwrong merges:")
        for a, b in res["wrong"]:
            print(f"  {a} ({gold[a]}) + {b} ({gold[b]})")
            for rec in by_id[a] + by_id[b]:
                event_id, decision = res["decisions"][rec["event_id"]]
                if decision:
                    print(f"    {rec['event_id']} joined {event_id}: " + "; ".join(decision.reasons))
    if res["missed"]:
        print("\nmissed merges:")
        for a, b in res["missed"]:
            print(f"  {a} + {b} ({gold[a]})")
            for ra in by_id[a] or [{}]:
                for rb in by_id[b] or [{}]:
                    print("    " + _explain(ra, rb))


def _explain(a: dict[str, Any], b: dict[str, Any]) -> str:
    """A one-line comparison of two records, to see why they were not merged."""
    if not a or not b:
        return "no event extracted from " + ("first" if not a else "second") + " article"
    fields = ("sub_event_type", "date", "date_precision", "location", "geo_precision", "actor1", "actor2",
              "fatalities")
    diff = [f"{f}: {a.get(f)!r} / {b.get(f)!r}" for f in fields]
    sim = similarity(a.get("evidence") or "", b.get("evidence") or "")
    return f"{a['event_type']} / {b['event_type']}; " + "; ".join(diff) + f"; sim {sim:.2f}"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    main()
