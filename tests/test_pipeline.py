"""End to end: files in, coded events out (needs the spaCy model and the gazetteer)."""

from __future__ import annotations

import pytest

from tacitus.ingest import iter_documents
from tacitus.models import RawDocument

from conftest import SAMPLES, shared_path

pytestmark = pytest.mark.model


def _events(pipeline, path):
    results = list(pipeline.run(iter_documents([path])))
    assert len(results) == 1 and results[0].skipped is None
    return [e.to_record() for e in results[0].events]


def test_seed_000_paris_attack_and_no_boilerplate_events(pipeline):
    records = _events(pipeline, shared_path("seeds", "000_766515bad46ea839.txt"))
    paris = [r for r in records if r["country"] == "FRA" and r["fatalities"] == 132]
    assert len(paris) == 1
    assert paris[0]["actor1"] == "Islamic State"
    assert paris[0]["event_type"] == "Violence against civilians"
    for r in records:
        for phrase in ("Houthi", "Red Sea", "airport", "counteroffensive", "Prigozhin", "cartoons"):
            assert phrase not in r["evidence"], r
    assert all(r["date"] is None for r in records)  # no publication date, and "November 12, 2024" is boilerplate


def test_seed_000_sinjar_located_at_sinjar(pipeline):
    records = _events(pipeline, shared_path("seeds", "000_766515bad46ea839.txt"))
    sinjar = [r for r in records if "lost control of Sinjar" in r["evidence"]]
    assert sinjar and sinjar[0]["event_type"] == "Battles"
    assert sinjar[0]["country"] == "IRQ" and abs(sinjar[0]["latitude"] - 36.32) < 0.3
    assert sinjar[0]["actor2"] == "Islamic State"


def test_every_field_has_provenance(pipeline):
    text = "KABUL, March 3, 2021 — A roadside bomb killed three soldiers in Kandahar on Tuesday, officials said."
    result = pipeline.process(RawDocument(id="t1", origin="test", kind="text", content=text))
    (event,) = result.events
    article = result.article
    for name, (start, end) in event.to_record()["spans"].items():
        assert 0 <= start < end <= len(article.text), name
    assert event.casualties.fatalities == 3
    assert article.text[slice(*event.to_record()["spans"]["fatalities"])].startswith("three")


def test_samples_all_yield_events(pipeline):
    results = list(pipeline.run(iter_documents([SAMPLES])))
    assert len(results) >= 12
    assert all(r.skipped is None for r in results)
    with_events = [r for r in results if r.events]
    assert len(with_events) >= len(results) - 1
    types = {e.event_type for r in results for e in r.events}
    assert {"Violence against civilians", "Explosions/Remote violence", "Protests"} <= types


def test_broken_article_does_not_sink_batch(pipeline, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Gunmen killed five villagers in Zamfara state on Monday, police said.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "ok text about a protest"}\nnot json\n', encoding="utf-8")
    results = list(pipeline.run(iter_documents([good, bad, tmp_path / "missing.txt"])))
    skipped = [r.skipped for r in results if r.skipped]
    assert len(skipped) == 2
    assert any("missing.txt" in s.reason for s in skipped)
    assert any(r.article and r.article.id == "good" and r.events for r in results)
