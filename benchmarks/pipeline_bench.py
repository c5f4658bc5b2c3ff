"""Extraction throughput: the full Tacitus pipeline against bare spaCy on the same articles.

    .venv/bin/python benchmarks/pipeline_bench.py [--gold ../shared/eval/dev/wiki_incidents.jsonl] [--n 1000]

Prints articles/s and words/s for each, and their ratio (pipeline / bare spaCy).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tacitus.ingest import iter_documents
from tacitus.nlp import load_nlp
from tacitus.pipeline import Pipeline
from tacitus.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parents[2] / "shared/eval/dev/wiki_incidents.jsonl"))
    ap.add_argument("--n", type=int, default=1000, help="articles to run")
    args = ap.parse_args()
    lines = Path(args.gold).read_text(encoding="utf-8").splitlines()[: args.n]
    sample = Path("/tmp/tacitus-bench.jsonl")
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)

    settings = Settings(progress=False)
    pipeline = Pipeline(settings)
    pipeline.nlp, pipeline.gazetteer, pipeline.actors  # noqa: B018 - load outside the timed runs
    nlp = load_nlp(settings.spacy_model)

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = sum(len(r.events) for r in pipeline.run(iter_documents([sample])))
    full = time.perf_counter() - t0

    print(f"{len(texts)} articles, {words} words, {n_events} events")
    print(f"bare spaCy   {len(texts) / bare:8.1f} articles/s  {words / bare:9.0f} words/s")
    print(f"tacitus      {len(texts) / full:8.1f} articles/s  {words / full:9.0f} words/s")
    print(f"ratio tacitus/spaCy time: {full / bare:.2f}")


if __name__ == "__main__":
    main()
