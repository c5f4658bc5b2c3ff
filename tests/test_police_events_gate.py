"""Quality gate on real news stored in lower case: the IndiaPoliceEvents corpus, coded by Tacitus.

IndiaPoliceEvents (Halterman et al., Findings of ACL 2021; ``../shared/data/
india_police_events``) holds all 1,257 Times of India articles of March 2002 on the
Gujarat violence, as the archive stores them: in lower case ("ahmedabad: two persons
were killed in police firing in surat ..."). Annotators answered, for each article,
questions an analyst asks of event data: did police kill someone, arrest someone,
use force? The corpus is no codebook coding, so this gate asks the same questions
of Tacitus's events and scores the answers, article by article:

- KILL: an event whose initiator is state forces (``Police Forces of ...`` or
  ``Military Forces of ...``) with at least one death;
- ARREST: an event of sub-type Arrests;
- FORCE: an event whose initiator is state forces and whose type is violent, or
  one of force against protesters (excessive force, protest with intervention).

It also checks where the events are put: the articles report India, so nearly
every event must be placed there (text in lower case hides its place names from
a case-reading recogniser). Raise a floor in ``police_events_baseline.json`` when a
change improves a figure.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tacitus.models import Article

from conftest import load_jsonl, shared_path

pytestmark = [pytest.mark.model]

HERE = Path(__file__).parent
BASELINE = json.loads((HERE / "police_events_baseline.json").read_text(encoding="utf-8"))
_STATE = ("Police Forces of", "Military Forces of")
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
_FORCE_SUBS = {"Excessive force against protesters", "Protest with intervention"}


def _kill(events: list[dict]) -> bool:
    return any((e["actor1"] or "").startswith(_STATE) and (e["fatalities"] or 0) > 0 for e in events)


def _arrest(events: list[dict]) -> bool:
    return any(e["sub_event_type"] == "Arrests" for e in events)


def _force(events: list[dict]) -> bool:
    return any(e["sub_event_type"] in _FORCE_SUBS
               or (e["actor1"] or "").startswith(_STATE) and e["event_type"] in _VIOLENT for e in events)


QUESTIONS = {"KILL": _kill, "ARREST": _arrest, "FORCE": _force}


def _f1(gold: dict[str, set[str]], preds: dict[str, list[dict]], label: str) -> float:
    asked = QUESTIONS[label]
    tp = sum(1 for doc, labels in gold.items() if label in labels and asked(preds[doc]))
    fp = sum(1 for doc, labels in gold.items() if label not in labels and asked(preds[doc]))
    fn = sum(1 for doc, labels in gold.items() if label in labels and not asked(preds[doc]))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.fixture(scope="module")
def figures(pipeline):
    meta = {str(r["doc_id"]): r for r in load_jsonl(shared_path("data", "india_police_events", "metadata.jsonl"))}
    gold = {str(r["doc_id"]): set(r["doc_labels"])
            for r in load_jsonl(shared_path("data", "india_police_events", "docs.jsonl"))}
    assert set(gold) <= set(meta)
    articles = [Article(id=doc, text=meta[doc]["full_text"], published=dt.date.fromisoformat(meta[doc]["date"]),
                        url=meta[doc]["url"]) for doc in gold]
    preds: dict[str, list[dict]] = {doc: [] for doc in gold}
    for result in pipeline.run(articles):
        assert result.skipped is None, result.skipped
        preds[result.article.id].extend(e.to_record() for e in result.events)
    events = [e for found in preds.values() for e in found]
    out = {f"{label.lower()}_f1": _f1(gold, preds, label) for label in QUESTIONS}
    out["placed_in_india"] = sum(e["country"] == "IND" for e in events) / len(events)
    out["placed_at_a_place"] = sum(e["geo_precision"] == "place" for e in events) / len(events)
    return out


def test_police_events_above_floors(figures):
    failures = [f"{metric}: {figures.get(metric)} < floor {floor}" for metric, floor in BASELINE.items()
                if figures.get(metric) is None or figures[metric] < floor]
    assert not failures, "; ".join(failures) + f"\nall figures: {figures}"
