"""Evaluation gate: the dev-set figures may not fall under the floors pinned in eval_baseline.json.

Raise a floor when a change improves a figure; a change that lowers one fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.evaluation import non_event_predictions, score
from tacitus.ingest import iter_documents

from conftest import load_jsonl, shared_path

pytestmark = [pytest.mark.model, pytest.mark.slow]

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(pipeline):
    out = {}
    for name in BASELINE:
        path = shared_path("eval", "dev", f"{name}.jsonl")
        gold = load_jsonl(path)
        preds = [e.to_record() for r in pipeline.run(iter_documents([path])) for e in r.events]
        result = score(gold, preds)
        wrong, _ = non_event_predictions(gold, preds)
        flat = {"precision": result["precision"], "recall": result["recall"], "events_on_non_events": wrong}
        fields = {**result["fields"], **result["extra_fields"]}
        flat.update({f: v["accuracy"] for f, v in fields.items() if v["accuracy"] is not None})
        out[name] = flat
    return out


@pytest.mark.parametrize("dataset", sorted(BASELINE))
def test_dev_set_above_floors(figures, dataset):
    got = figures[dataset]
    failures = []
    for metric, floor in BASELINE[dataset].items():
        value = got.get(metric)
        if metric == "events_on_non_events":
            if value > floor:
                failures.append(f"{metric}: {value} > ceiling {floor}")
        elif value is None or value < floor:
            failures.append(f"{metric}: {value} < floor {floor}")
    assert not failures, f"{dataset}: " + "; ".join(failures) + f"\nall figures: {got}"
