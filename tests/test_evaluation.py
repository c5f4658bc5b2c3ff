"""The packaged scorer gives the reference scorer's figures."""

from __future__ import annotations

import importlib.util
import random

from tacitus.evaluation import non_event_predictions, report, score

from conftest import load_jsonl, shared_path


def _reference():
    path = shared_path("eval", "score.py")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _perturbed_predictions(gold: list[dict], seed: int) -> list[dict]:
    """Predictions made from gold with errors: dropped events, wrong fields, extra events."""
    rnd = random.Random(seed)
    preds = []
    for art in gold:
        for ev in art.get("events") or []:
            if rnd.random() < 0.2:
                continue
            p = {k: (v[0] if isinstance(v, list) and v and k != "actor1_aliases" else v) for k, v in ev.items()}
            p["article_id"] = art["id"]
            if rnd.random() < 0.3:
                p["fatalities"] = (p.get("fatalities") or 0) + 1
            if rnd.random() < 0.3:
                p["country"] = "XXX"
            if rnd.random() < 0.2:
                p["actor1"] = "Somebody Else"
            preds.append(p)
        if rnd.random() < 0.3:
            preds.append({"article_id": art["id"], "event_type": "Riots", "evidence": "unrelated words here"})
    return preds


def test_same_figures_as_reference_scorer():
    ref = _reference()
    for name in ("seeds.jsonl", "case2021_subtypes.jsonl"):
        gold = load_jsonl(shared_path("eval", "dev", name))
        preds = _perturbed_predictions(gold, seed=len(name))
        ours = score(gold, preds)
        theirs = ref.score(gold, preds)
        assert "wounded" in ours.pop("extra_fields")
        assert ours == theirs
        assert 0 < ours["recall"] < 1


def test_report_lines():
    gold = [{"id": "a", "events": [{"event_type": "Riots", "evidence": "rioters burned cars", "country": "GBR"}]}]
    preds = [{"article_id": "a", "event_type": "Riots", "evidence": "rioters burned cars", "country": "FRA"}]
    result = score(gold, preds)
    text = report(result)
    assert "event precision 1.000  recall 1.000" in text
    assert "country         0.000  (of 1 matched)" in text


def test_non_event_predictions_counted():
    gold = [{"id": "a", "events": []}, {"id": "b", "events": [{"event_type": "Riots"}]}]
    preds = [{"article_id": "a"}, {"article_id": "a"}, {"article_id": "b"}]
    assert non_event_predictions(gold, preds) == (2, 1)


def test_wounded_scored_apart_from_the_reference_fields():
    gold = [{"id": "a", "events": [{"event_type": "Riots", "evidence": "rioters burned cars",
                                    "fatalities": 1, "wounded": 4}]}]
    preds = [{"article_id": "a", "event_type": "Riots", "evidence": "rioters burned cars",
              "fatalities": 1, "wounded": 3}]
    result = score(gold, preds)
    assert result["extra_fields"]["wounded"] == {"accuracy": 0.0, "scored": 1}
    assert result["exact_record_recall"] == 1.0
    assert "  wounded         0.000  (of 1 matched; not in the reference scorer)" in report(result)
