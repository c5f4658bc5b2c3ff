"""Quality gate on the bundled sample articles: real news stories, scored against their README coding.

The dev sets are summaries and snippets; the samples are whole articles, several
paragraphs long, of the kind users feed Tacitus. Their expected coding (the README
table, written by the codebook) is turned into gold records and scored with the
dev-set scorer. The table names places; their points (below, to a few km, from
general knowledge, not from Tacitus's gazetteer, which would grade it against
itself) let the scorer check coordinates within 50 km and pair events by place.
Raise a floor in ``samples_baseline.json`` when a change improves a figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.evaluation import score
from tacitus.ingest import iter_documents

from test_samples import EVENT_ROWS, NULL, SAMPLES

pytestmark = [pytest.mark.model]

BASELINE = json.loads((Path(__file__).parent / "samples_baseline.json").read_text(encoding="utf-8"))
POINTS = {
    "Abqaiq": (25.94, 49.67), "Batticaloa": (7.71, 81.69), "Birmingham": (52.48, -1.89), "Bisahda": (28.55, 77.55),
    "Cartagena": (10.40, -75.51), "Chibok": (10.87, 12.85), "Colombo": (6.93, 79.85), "Dalori": (11.80, 13.21),
    "High Wycombe": (51.63, -0.75), "Hong Kong": (22.30, 114.17), "Khartoum": (15.50, 32.56),
    "Khurais": (25.07, 48.19), "London": (51.51, -0.13), "Mogadishu": (2.04, 45.34), "Negombo": (7.21, 79.84),
    "Nyanya": (8.99, 7.57), "Paris": (48.86, 2.35), "Shaybah": (22.51, 53.97), "Sinjar": (36.32, 41.88),
    "Tottenham": (51.60, -0.07), "Tottenham Hale": (51.59, -0.06), "Wad Madani": (14.40, 33.52),
    "Wood Green": (51.60, -0.11),
}
# The names the table gives have others by which gold accepts them (CODEBOOK 3, the alias lists).
ALIASES = {"Houthis": ["Houthi Movement", "Ansar Allah"], "Kurdish Peshmerga": ["Peshmerga"]}
FIELDS = ("date", "event_type", "sub_event_type", "country", "location", "actor1", "actor2", "fatalities")


def readme_gold() -> list[dict]:
    """One gold record per sample article, its events from the README table."""
    articles: dict[str, list[dict]] = {}
    for row in EVENT_ROWS:
        name, _, record_id = row["file"].partition("#")
        event = {f: None if row[f] == NULL else row[f] for f in FIELDS}
        if event["fatalities"] is not None:
            event["fatalities"] = int(event["fatalities"])
        event["latitude"], event["longitude"] = POINTS[event["location"]] if event["location"] else (None, None)
        event["required"] = row["required"] == "yes"
        for side in ("actor1", "actor2"):
            event[f"{side}_aliases"] = ALIASES.get(event[side], [])
        articles.setdefault(record_id or Path(name).stem, []).append(event)
    return [{"id": aid, "events": events} for aid, events in articles.items()]


@pytest.fixture(scope="module")
def figures(pipeline):
    gold = readme_gold()
    preds = [e.to_record() for r in pipeline.run(iter_documents([SAMPLES])) for e in r.events]
    assert {p["article_id"] for p in preds} <= {g["id"] for g in gold}
    result = score(gold, preds)
    out = {"precision": result["precision"], "recall": result["recall"]}
    out.update({f: v["accuracy"] for f, v in result["fields"].items() if v["accuracy"] is not None})
    return out


def test_readme_gold_covers_every_sample():
    assert len(readme_gold()) == len({row["file"] for row in EVENT_ROWS})


def test_samples_above_floors(figures):
    failures = [f"{metric}: {figures.get(metric)} < floor {floor}" for metric, floor in BASELINE.items()
                if figures.get(metric) is None or figures[metric] < floor]
    assert not failures, "; ".join(failures) + f"\nall figures: {figures}"
