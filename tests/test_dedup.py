"""Cross-article deduplication: candidate windows, merge decisions, canonical records."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import defaultdict
from pathlib import Path

import pytest

from tacitus.dedup import MergeDecision, candidate_types, cluster, combine, date_window, decide

DATA = Path(__file__).parent / "data" / "dedup"

BEIRUT = {
    "event_id": "e1",
    "article_id": "a1",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Suicide bomb",
    "date": "2015-11-12",
    "date_precision": "day",
    "location": "Beirut",
    "admin1": "Beyrouth",
    "country": "LBN",
    "latitude": 33.89,
    "longitude": 35.50,
    "geo_precision": "place",
    "geonameid": 276781,
    "actor1": "Islamic State",
    "actor2": "Civilians (Lebanon)",
    "fatalities": 37,
    "fatalities_high": None,
    "wounded": 180,
    "evidence": "Two suicide bombers blew themselves up in Bourj al-Barajneh, a southern suburb of Beirut, "
    "killing 37 people near a crowded market.",
    "confidence": 0.8,
    "background": False,
    "spans": {"evidence": [0, 120]},
}


def stored(*records: dict) -> dict:
    """A stored event as the store hands it to decide(): combined, with its article ids."""
    return combine(records)


def test_date_window_day_widens_by_a_day_and_reaches_back_to_coarser_periods() -> None:
    first, last = date_window(BEIRUT)
    assert last == dt.date(2015, 11, 13)
    # A month-precision candidate is dated the 1st, a week-precision one on Monday.
    assert first == dt.date(2015, 11, 1)


def test_date_window_month_covers_the_month_and_undated_has_none() -> None:
    first, last = date_window({"date": "2016-02-01", "date_precision": "month"})
    assert first <= dt.date(2016, 2, 1) and last == dt.date(2016, 3, 1)
    assert date_window({"date": None, "date_precision": None}) == (None, None)


def test_decide_merges_reworded_report_with_revised_toll() -> None:
    later = dict(
        BEIRUT, event_id="e2", article_id="a2", sub_event_type="Remote explosive/landmine/IED",
        date="2015-11-13", actor1=None, fatalities=43, wounded=239, latitude=33.85, longitude=35.49,
        geonameid=None,
        evidence="The toll from twin blasts at a market in Bourj al-Barajneh in Beirut rose to 43 on Friday.",
    )
    decision = decide(later, [stored(BEIRUT)])
    assert isinstance(decision, MergeDecision)
    assert decision.event_id == "e1"
    text = "\n".join(decision.reasons)
    assert "km apart" in text and "within 1 day" in text and "revision" in text
    assert all("\n" not in r for r in decision.reasons)


def test_decide_keeps_two_attacks_in_one_city_on_one_day_apart() -> None:
    other = dict(
        BEIRUT, event_id="e2", article_id="a2", sub_event_type="Remote explosive/landmine/IED", actor1=None,
        actor2=None, fatalities=2, wounded=5,
        evidence="A bomb exploded outside a cafe in Beirut's Hamra district, killing two people.",
    )
    assert decide(other, [stored(BEIRUT)]) is None


def test_site_named_as_what_was_attacked_agrees_with_the_site_named_after_a_preposition() -> None:
    first = dict(BEIRUT, evidence="A suicide bomber attacked a checkpoint near the airport, killing 37 people.")
    second = dict(BEIRUT, event_id="e2", article_id="a2", geonameid=None, latitude=33.88,
                  evidence="A bomber blew himself up at an army checkpoint close to the airport; 37 died.")
    decision = decide(second, [stored(first)])
    assert decision is not None and any(r.startswith("same site: airport, checkpoint") for r in decision.reasons)


def test_decide_never_merges_with_an_event_the_article_already_reports() -> None:
    same_article = dict(BEIRUT, event_id="e2")
    assert decide(same_article, [stored(BEIRUT)]) is None
    assert decide(dict(BEIRUT, event_id="e2", article_id="a2"), [stored(BEIRUT)]) is not None


def test_decide_vetoes_different_named_actors_types_and_distant_places() -> None:
    cand = [stored(BEIRUT)]
    assert decide(dict(BEIRUT, article_id="a2", actor1="Hezbollah"), cand) is None
    assert decide(dict(BEIRUT, article_id="a2", event_type="Battles", sub_event_type="Armed clash"), cand) is None
    tripoli = dict(BEIRUT, article_id="a2", location="Tripoli", latitude=34.44, longitude=35.85, geonameid=None)
    assert decide(tripoli, cand) is None
    assert decide(dict(BEIRUT, article_id="a2", date="2015-11-15"), cand) is None


def test_decide_respects_a_report_that_calls_its_event_separate() -> None:
    separate = dict(
        BEIRUT, article_id="a2", fatalities=4, wounded=None,
        evidence="In a separate attack, two suicide bombers blew themselves up in Beirut, killing four people.",
    )
    assert decide(separate, [stored(BEIRUT)]) is None


def test_decide_breaks_ties_by_event_id() -> None:
    new = dict(BEIRUT, article_id="a9", event_id="e9")
    c1, c2 = stored(dict(BEIRUT, event_id="b")), stored(dict(BEIRUT, event_id="a", article_id="a0"))
    assert decide(new, [c1, c2]).event_id == decide(new, [c2, c1]).event_id == "a"


def test_bombing_and_attack_on_civilians_are_candidate_types_of_each_other() -> None:
    assert candidate_types(BEIRUT) == ("Explosions/Remote violence", "Violence against civilians")
    assert candidate_types({"event_type": "Battles"}) == ("Battles",)


def test_combine_keeps_highest_toll_most_precise_place_and_date_and_named_actor() -> None:
    vague = dict(
        BEIRUT, event_id="e2", article_id="a2", location=None, geo_precision="country", latitude=33.9,
        longitude=35.8, geonameid=None, date="2015-11-01", date_precision="month",
        actor1="Unidentified Armed Group (Lebanon)", fatalities=43, wounded=None,
    )
    out = combine([vague, BEIRUT])
    assert out["fatalities"] == 43 and out["wounded"] == 180
    assert out["location"] == "Beirut" and out["geo_precision"] == "place"
    assert out["date"] == "2015-11-12" and out["date_precision"] == "day"
    assert out["actor1"] == "Islamic State"
    assert out["article_ids"] == ["a1", "a2"] and out["mentions"] == 2
    # The representative mention agrees with most chosen values.
    assert out["evidence"] == BEIRUT["evidence"] and out["spans"] == BEIRUT["spans"]


def test_combine_is_order_independent() -> None:
    records = [
        BEIRUT,
        dict(BEIRUT, event_id="e2", article_id="a2", date="2015-11-13", fatalities=41, location="Burj al Barajinah",
             geonameid=1, evidence="Twin blasts in Beirut's southern suburbs killed 41 people."),
        dict(BEIRUT, event_id="e3", article_id="a3", date="2015-11-13", fatalities=43, location="Burj al Barajinah",
             geonameid=1, actor1=None, evidence="The toll rose to 43."),
    ]
    results = [json.dumps(combine(list(p)), sort_keys=True) for p in itertools.permutations(records)]
    assert len(set(results)) == 1
    out = json.loads(results[0])
    # Two mentions agree on the place and on the date: they win the tie in precision.
    assert out["location"] == "Burj al Barajinah" and out["date"] == "2015-11-13"


def test_combine_rejects_nothing() -> None:
    with pytest.raises(ValueError):
        combine([])


def test_cluster_on_the_dedup_test_set_meets_its_floors() -> None:
    """Pairwise precision/recall of article merges on the stored pipeline records of tests/data/dedup."""
    records = [json.loads(line) for line in (DATA / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = {g["article_id"]: g["cluster"]
            for g in map(json.loads, (DATA / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    assigned = cluster(records)
    events_of = defaultdict(set)
    for rec, (event_id, _) in zip(records, assigned, strict=True):
        if not rec["background"]:
            events_of[rec["article_id"]].add(event_id)
    pairs = list(itertools.combinations(sorted(gold), 2))
    predicted = {p for p in pairs if events_of[p[0]] & events_of[p[1]]}
    true = {p for p in pairs if gold[p[0]] == gold[p[1]]}
    precision = len(predicted & true) / len(predicted)
    recall = len(predicted & true) / len(true)
    assert precision >= 0.95
    assert recall >= 0.55
