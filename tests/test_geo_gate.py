"""Geoparsing gate: what `tacitus geoparse` prints on the two geoparsing gold sets may not fall
under the floors pinned in geo_baseline.json (scored by ../shared/eval/score_geo.py).

Raise a floor when a change improves a figure; a change that lowers one fails here.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import load_jsonl, shared_path

pytestmark = [pytest.mark.model, pytest.mark.slow]

BASELINE = json.loads((Path(__file__).parent / "geo_baseline.json").read_text(encoding="utf-8"))


def _scorer():
    spec = importlib.util.spec_from_file_location("score_geo", shared_path("eval", "score_geo.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("dataset", sorted(BASELINE))
def test_geoparse_above_floors(pipeline, dataset):
    articles = load_jsonl(shared_path("eval", "dev", f"{dataset}.jsonl"))
    preds = [t.to_record(article["id"])
             for article, doc in zip(articles, pipeline.nlp.pipe(a["text"] for a in articles), strict=True)
             for t in pipeline.toponyms(doc, demonyms=True, source_url=article.get("url")) if t.place is not None]
    got = _scorer().score(articles, preds)
    failures = [f"{metric}: {got.get(metric)} < floor {floor}" for metric, floor in BASELINE[dataset].items()
                if got.get(metric) is None or got[metric] < floor]
    assert not failures, f"{dataset}: " + "; ".join(failures) + f"\nall figures: {got}"
