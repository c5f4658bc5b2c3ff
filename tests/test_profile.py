"""Actor profiles (tacitus.profile): every monthly number on a hand-built store, and the chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tacitus.models import Actor, Article, Casualties, Event, EventDate, Place, Span
from tacitus.profile import MEASURES, build_profile, canonical_actor, render_chart
from tacitus.store import open_store

IS = "Islamic State"
IRQ_ARMY = "Military Forces of Iraq"
# Each Iraqi event in its own town, so cross-article dedup has no reason to merge any two.
IRAQ_TOWNS = {
    "gain_irq": Place("Mosul", 36.335, 43.119, "IRQ", admin1="Nineveh", precision="place"),
    "loss_irq": Place("Ramadi", 33.42, 43.31, "IRQ", admin1="Anbar", precision="place"),
    "video": Place("Raqqa", 35.95, 39.01, "IRQ", admin1=None, precision="country"),
    "undated": Place("Kirkuk", 35.47, 44.39, "IRQ", admin1="Kirkuk", precision="place"),
    "clash": Place("Tikrit", 34.6, 43.68, "IRQ", admin1="Salahuddin", precision="place"),
}
PLACES = {
    "SYR": Place("Palmyra", 34.56, 38.28, "SYR", admin1="Homs", precision="place"),
    "BEL": Place("Brussels", 50.85, 4.35, "BEL", admin1="Brussels", precision="place"),
    "FRA": Place("Paris", 48.85, 2.35, "FRA", admin1="Ile-de-France", precision="place"),
    "NGA": Place("Maiduguri", 11.85, 13.16, "NGA", admin1="Borno", precision="place"),
    None: None,
}

# key: (date, event_type, sub_event_type, actor1, actor2, country, fatalities)
EVENTS = {
    "gain_irq": ("2016-01-10", "Battles", "Non-state actor overtakes territory", IS, IRQ_ARMY, "IRQ", 10),
    "loss_irq": ("2016-01-20", "Battles", "Government regains territory", IRQ_ARMY, IS, "IRQ", 25),
    "loss_syr": ("2016-03-27", "Battles", "Government regains territory", "Military Forces of Syria", IS, "SYR",
                 None),
    "brussels": ("2016-03-22", "Explosions/Remote violence", "Suicide bomb", IS, "Civilians (Belgium)", "BEL", 32),
    "paris": ("2016-03-05", "Violence against civilians", "Attack", IS, "Civilians (France)", "FRA", 2),
    "video": ("2016-03-15", "Strategic developments", "Other", IS, None, "IRQ", None),
    "nowhere": ("2016-03-30", "Explosions/Remote violence", "Remote explosive/landmine/IED", IS, None, None, 4),
    "iswap": ("2016-03-12", "Battles", "Armed clash", "Islamic State West Africa Province",
              "Military Forces of Nigeria", "NGA", 50),
    "undated": (None, "Violence against civilians", "Attack", IS, "Civilians (Iraq)", "IRQ", 3),
    "clash": ("2016-04-02", "Battles", "Armed clash", IRQ_ARMY, IS, "IRQ", 7),
}


def _event(key: str) -> tuple[Article, Event]:
    date, etype, sub, a1, a2, country, killed = EVENTS[key]
    text = f"Report {key}: {a1} and {a2} in {country}."
    article = Article(id=key, text=text, title=f"Report {key}", content_hash=key,
                      published=dt.date(2016, 5, 1))
    event = Event(
        article_id=key,
        event_type=etype,
        sub_event_type=sub,
        evidence=Span(0, len(text), text),
        date=EventDate(dt.date.fromisoformat(date) if date else None, "day" if date else None),
        place=IRAQ_TOWNS[key] if country == "IRQ" else PLACES[country],
        actor1=Actor(a1) if a1 else None,
        actor2=Actor(a2) if a2 else None,
        casualties=Casualties(fatalities=killed),
    )
    return article, event


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(str(tmp_path_factory.mktemp("profile") / "p.sqlite")) as opened:
        for key in EVENTS:
            article, event = _event(key)
            opened.add(article, [event])
        yield opened


@pytest.fixture(scope="module")
def ids(store) -> dict[str, str]:
    return {rec["article_id"]: rec["event_id"] for rec in store.events()}


def _month(profile, month):
    return next(m for m in profile.months if m.month == month)


def test_alias_is_canonicalised_and_affiliates_left_out(store):
    profile = build_profile(store, "ISIS")
    assert profile.actor == IS and profile.query == "ISIS"
    # ISWAP shares the substring but is another actor.
    assert profile.n_events == 9 and profile.n_articles == 9 and profile.n_undated == 1


def test_canonical_actor_keeps_unknown_and_partial_names():
    assert canonical_actor("daesh") == IS
    assert canonical_actor("Civilians (Iraq)") == "Civilians (Iraq)"
    assert canonical_actor("Some Unknown Brigade") == "Some Unknown Brigade"


def test_every_monthly_number(store, ids):
    profile = build_profile(store, IS)
    assert profile.home == ("IRQ", "SYR") and profile.home_source == "dictionary"
    assert [m.month for m in profile.months] == ["2016-01", "2016-02", "2016-03", "2016-04"]
    numbers = {m.month: (m.events, *(getattr(m, k) for k in MEASURES)) for m in profile.months}
    # events, gained, lost, home, abroad, unknown, inflicted, suffered
    assert numbers == {
        "2016-01": (2, 1, 1, 1, 0, 0, 10, 25),
        "2016-02": (0, 0, 0, 0, 0, 0, 0, 0),
        "2016-03": (5, 0, 1, 0, 2, 1, 38, 0),
        "2016-04": (1, 0, 0, 0, 0, 0, 0, 7),
    }
    march = _month(profile, "2016-03")
    assert dict(march.abroad_countries) == {"BEL": 1, "FRA": 1}
    assert set(march.event_ids["attacks_abroad"]) == {ids["brussels"], ids["paris"]}
    assert march.event_ids["territory_lost"] == (ids["loss_syr"],)
    assert set(march.event_ids["fatalities_inflicted"]) == {ids["brussels"], ids["paris"], ids["nowhere"]}
    assert profile.totals() == {"territory_gained": 1, "territory_lost": 2, "attacks_home": 1, "attacks_abroad": 2,
                                "attacks_unknown": 1, "fatalities_inflicted": 48, "fatalities_suffered": 32}


def test_given_home_and_period(store):
    profile = build_profile(store, IS, home=["syr"], since=dt.date(2016, 1, 15), until=dt.date(2016, 5, 31))
    assert profile.home == ("SYR",) and profile.home_source == "given"
    assert [m.month for m in profile.months] == ["2016-01", "2016-02", "2016-03", "2016-04", "2016-05"]
    january = _month(profile, "2016-01")
    # The 10 January gain lies before --since; Iraq is now abroad.
    assert (january.events, january.territory_gained, january.territory_lost) == (1, 0, 1)
    assert profile.n_undated == 0 and profile.n_events == 7
    assert _month(profile, "2016-05").events == 0


def test_home_from_dictionary(store):
    profile = build_profile(store, "Boko Haram")
    assert profile.home == ("NGA",) and profile.home_source == "dictionary"
    assert profile.months == () and profile.n_events == 0


def test_home_from_territorial_events_when_the_dictionary_lists_none(store):
    class NoHomes:
        def canonical(self, mention, *, country=None):
            return None

        def home_countries(self, name):
            return ()

    profile = build_profile(store, IS, dictionary=NoHomes())
    assert profile.home == ("IRQ", "SYR") and profile.home_source == "territory"


def test_home_from_most_events_when_no_territory(store):
    profile = build_profile(store, "Islamic State West Africa Province", home=None)
    # ISWAP is in the dictionary with NGA; a name it does not know falls back to where it acts.
    assert profile.home == ("NGA",)
    other = build_profile(store, "Civilians (Belgium)")
    assert other.home == ("BEL",) and other.home_source == "most events"
    assert other.totals()["fatalities_suffered"] == 32


def test_since_after_until_is_refused(store):
    with pytest.raises(ValueError):
        build_profile(store, IS, since=dt.date(2017, 1, 1), until=dt.date(2016, 1, 1))


def test_articles_counted_over_merged_mentions():
    class MergedStore:
        def events(self, *, limit, offset, **filters):
            rec = {"event_id": "e1", "article_id": "a1", "date": "2016-01-01", "event_type": "Battles",
                   "sub_event_type": "Armed clash", "actor1": IS, "actor2": None, "country": "IRQ",
                   "fatalities": 1, "mentions": 3}
            return [rec][offset:offset + limit]

        def mentions(self, event_id):
            return [{"article_id": a} for a in ("a1", "a2", "a3")]

    profile = build_profile(MergedStore(), IS)
    assert profile.n_events == 1 and profile.n_articles == 3


def test_to_dict_is_json_ready(store):
    import json

    data = json.loads(json.dumps(build_profile(store, IS).to_dict()))
    assert data["actor"] == IS and data["home_source"] == "dictionary"
    assert data["months"][2]["abroad_countries"] == {"BEL": 1, "FRA": 1}
    assert data["totals"]["territory_lost"] == 2


def test_svg_chart_has_title_panels_and_source(store, tmp_path: Path):
    profile = build_profile(store, IS)
    path = render_chart(profile, tmp_path / "is.svg")
    svg = path.read_text(encoding="utf-8")
    assert path.stat().st_size > 20_000
    for text in ("Islamic State", "2016-01 to 2016-04", "IRQ, SYR", "Territory gained vs lost",
                 "Attacks at home vs abroad", "Fatalities inflicted vs suffered", "Tacitus, 9 events from 9 articles",
                 "2016-02", "fatalities", "abroad"):
        assert text in svg, text


def test_png_chart_is_written(store, tmp_path: Path):
    path = render_chart(build_profile(store, IS), tmp_path / "out" / "is.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 30_000


def test_empty_profile_still_charts(store, tmp_path: Path):
    path = render_chart(build_profile(store, "Nobody At All"), tmp_path / "none.svg")
    assert "no dated events" in path.read_text(encoding="utf-8")
