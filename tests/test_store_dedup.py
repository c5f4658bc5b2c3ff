"""Deduplication inside the store: mentions, canonical rows, revisions; on SQLite and PostgreSQL.

Most tests swap in a tiny fake of tacitus.dedup (same API, obvious rules) so
they test the store's bookkeeping, not the matcher's judgement; the last ones
run the real tacitus.dedup.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from tacitus.models import Actor, Article, Casualties, Event, EventDate, Place, Span
from tacitus.store import Store
from tacitus.store import base as store_base
from test_store import backend, bombing, make_article, store  # noqa: F401 - fixtures over both backends


@dataclasses.dataclass(frozen=True)
class FakeDecision:
    event_id: str
    score: float
    reasons: tuple[str, ...]


def fake_dedup(calls: list[tuple[dict, list[dict]]] | None = None) -> SimpleNamespace:
    """Same type (the store's job), same day +-1, same actor1 -> merge; combine keeps the highest toll."""

    def date_window(record: dict) -> tuple[dt.date | None, dt.date | None]:
        if not record.get("date"):
            return None, None
        day = dt.date.fromisoformat(record["date"])
        return day - dt.timedelta(days=1), day + dt.timedelta(days=1)

    def decide(new: dict, candidates: list[dict]) -> FakeDecision | None:
        if calls is not None:
            calls.append((new, candidates))
        for candidate in candidates:
            if candidate["actor1"] == new["actor1"]:
                return FakeDecision(candidate["event_id"], 0.9, ("same actor1", "same day"))
        return None

    def combine(records: list[dict]) -> dict[str, Any]:
        tolls = [r["fatalities"] for r in records if r["fatalities"] is not None]
        first = min(records, key=lambda r: r["article_id"])
        return {**first, "fatalities": max(tolls) if tolls else None}

    return SimpleNamespace(date_window=date_window, decide=decide, combine=combine)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list:
    seen: list = []
    monkeypatch.setattr(store_base, "load_dedup", lambda: fake_dedup(seen))
    return seen


def report(article_id: str, *, fatalities: int = 12, text: str | None = None, **kw: Any) -> tuple[Article, Event]:
    """Another outlet's report of the Baghdad bombing: its own text, spans and toll."""
    text = text or f"{article_id.upper()}: A suicide bomber killed {fatalities} people at a Baghdad market."
    evidence = Span(0, len(text), text)
    event = bombing(article_id, evidence=evidence, casualties=Casualties(fatalities=fatalities,
                    fatalities_span=Span(text.index("killed"), text.index("killed") + 6, "killed")), **kw)  # fmt: skip
    return make_article(article_id, text=text, content_hash=f"h-{article_id}-{fatalities}", title=f"{article_id} report"), event


def add(store: Store, article_id: str, **kw: Any) -> bool:
    dedup = kw.pop("dedup", True)
    article, event = report(article_id, **kw)
    return store.add(article, [event], dedup=dedup)


def test_second_report_becomes_a_mention_of_the_first(store: Store, calls: list) -> None:
    add(store, "a", fatalities=12)
    add(store, "b", fatalities=14)
    (record,) = store.events()
    assert record["mentions"] == 2 and record["fatalities"] == 14  # combine() over both mentions
    assert record["article_id"] == "a" and record["title"] == "a report"  # the founding article
    founding, second = store.mentions(record["event_id"])
    assert (founding["article_id"], founding["score"], founding["reasons"]) == ("a", None, None)
    assert (second["article_id"], second["score"], second["reasons"]) == ("b", 0.9, ["same actor1", "same day"])
    # Each mention keeps its own article's coding and spans.
    assert founding["record"]["fatalities"] == 12 and second["record"]["fatalities"] == 14
    text_b = store.article("b").text
    start, end = second["spans"]["fatalities"]
    assert text_b[start:end] == "killed" and second["evidence"] == text_b
    assert store.counts() == {"articles": 2, "events": 1, "mentions": 2}
    # The candidate handed to decide() carried every reporting article.
    new, candidates = calls[-1]
    assert new["article_id"] == "b" and [c["article_ids"] for c in candidates] == [["a"]]


def test_merged_event_is_found_through_any_mention(store: Store, calls: list) -> None:
    add(store, "a")
    add(store, "b", text="B: Daesh bomber slaughters shoppers, killed 12 at the Baghdad market.")
    (record,) = store.events(text="shoppers")
    assert store.events(article_id="b") == [record]


def test_events_of_one_article_never_merge_together(store: Store, calls: list) -> None:
    article, event = report("a")
    twin = dataclasses.replace(event, evidence=Span(0, 5, article.text[:5]))
    store.add(article, [event, twin])
    assert store.counts()["events"] == 2
    add(store, "b")  # joins one of them, and only one
    assert sorted(r["mentions"] for r in store.events()) == [1, 2]


def test_event_already_reported_by_the_article_is_no_candidate(store: Store, calls: list) -> None:
    add(store, "a")
    add(store, "b")
    article, event = report("b", fatalities=15)
    store.add(article, [event, dataclasses.replace(event, evidence=Span(0, 3, article.text[:3]))])
    # The revised b rejoins the event; its second event may not join the same one again.
    assert sorted(r["mentions"] for r in store.events()) == [1, 2]


def test_dedup_off_keeps_events_apart(store: Store, calls: list) -> None:
    add(store, "a")
    add(store, "b", dedup=False)
    assert store.counts() == {"articles": 2, "events": 2, "mentions": 2}
    assert calls == []


@pytest.mark.parametrize(
    ("changes", "merged"),
    [
        ({"date": EventDate(dt.date(2019, 1, 9), "day")}, False),  # outside the date window
        ({"event_type": "Battles", "sub_event_type": "Armed clash"}, False),  # another type
        ({"place": Place("Damascus", 33.5, 36.3, "SYR", precision="place")}, False),  # another country
        ({"place": None}, True),  # unknown country: still a candidate
        ({"date": EventDate(None, None)}, False),  # undated: no candidates at all
        ({"actor1": Actor("Someone Else")}, False),  # the (fake) matcher says no
    ],
)
def test_candidates_need_type_window_and_country(store: Store, calls: list, changes: dict, merged: bool) -> None:
    add(store, "a")
    add(store, "b", **changes)
    assert store.counts()["events"] == (1 if merged else 2)


def test_revised_article_leaves_the_event_it_joined(store: Store, calls: list) -> None:
    add(store, "a", fatalities=12)
    add(store, "b", fatalities=14)
    article = make_article("b", text="Nothing happened.", content_hash="h-b-v2")
    store.add(article, [])
    (record,) = store.events()
    assert record["mentions"] == 1 and record["fatalities"] == 12  # recomputed without b
    assert [m["article_id"] for m in store.mentions(record["event_id"])] == ["a"]


def test_event_survives_when_its_founding_article_drops_it(store: Store, calls: list) -> None:
    add(store, "a", fatalities=12)
    add(store, "b", fatalities=14)
    event_id = store.events()[0]["event_id"]
    store.add(make_article("a", text="Retracted.", content_hash="h-a-v2"), [])
    (record,) = store.events()
    assert record["event_id"] == event_id  # ids stay stable for analysts' references
    assert record["article_id"] == "b" and record["title"] == "b report" and record["fatalities"] == 14
    assert record["mentions"] == 1
    # The last report gone, the event goes too.
    store.add(make_article("b", text="Retracted.", content_hash="h-b-v2"), [])
    assert store.counts() == {"articles": 2, "events": 0, "mentions": 0}


def test_revised_founding_article_rejoins_its_event(store: Store, calls: list) -> None:
    add(store, "a", fatalities=12)
    add(store, "b", fatalities=14)
    add(store, "a", fatalities=20)  # a revised: new hash, higher toll
    (record,) = store.events()
    assert record["mentions"] == 2 and record["fatalities"] == 20
    assert store.counts() == {"articles": 2, "events": 1, "mentions": 2}


def test_decision_for_a_non_candidate_is_ignored(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    rogue = fake_dedup()
    rogue.decide = lambda new, candidates: FakeDecision("ffffffffffffffff", 1.0, ("rogue",))
    monkeypatch.setattr(store_base, "load_dedup", lambda: rogue)
    add(store, "a")
    add(store, "b")
    assert store.counts()["events"] == 2


def test_missing_dedup_module_stores_without_merging(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_base, "load_dedup", lambda: None)
    add(store, "a")
    add(store, "b")
    assert store.counts()["events"] == 2


# -- with the real matcher ------------------------------------------------------------------


def test_real_dedup_merges_two_outlets_and_keeps_a_distinct_attack_apart(store: Store) -> None:
    pytest.importorskip("tacitus.dedup")
    add(store, "a", fatalities=12)
    add(store, "b", fatalities=14)
    other = Place("Basra", 30.508, 47.783, "IRQ", admin1="Basra", precision="place")
    add(store, "c", text="C: A suicide bomber killed 12 people at a Basra market.", place=other)
    records = store.events()
    assert sorted(r["mentions"] for r in records) == [1, 2]
    merged = next(r for r in records if r["mentions"] == 2)
    assert merged["fatalities"] == 14 and merged["location"] == "Baghdad"
    second = store.mentions(merged["event_id"])[1]
    assert second["score"] is not None and second["reasons"]
