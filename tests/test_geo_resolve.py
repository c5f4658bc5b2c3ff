"""Toponym resolution against the countries an article states (geo/resolve.py).

The mentions and demonyms are given by hand, so these tests exercise
resolution alone, whatever the recogniser finds in the same sentence.
"""

from __future__ import annotations

import re

import pytest

from tacitus.geo import open_gazetteer
from tacitus.geo.recognize import CountryCue, Mention
from tacitus.geo.resolve import resolve_mentions
from tacitus.settings import default_cache_dir


@pytest.fixture(scope="module")
def gazetteer():
    return open_gazetteer(cache_dir=default_cache_dir())


def resolve(gazetteer, text: str, names: list[str], demonyms: dict[str, str] | None = None) -> dict[str, str | None]:
    """Resolve the first occurrence of each name; return name -> ISO3 of its place (None when left unresolved)."""
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "ner", "GPE", False))
    cues = []
    for word, iso in (demonyms or {}).items():
        start = text.index(word)
        cues.append(CountryCue(start, start + len(word), iso))
    mentions.sort(key=lambda m: m.start)
    toponyms = resolve_mentions(text, mentions, cues, gazetteer, sentences=[(0, len(text))])
    got = {t.span.text: t.place.country for t in toponyms}
    return {name: got.get(name) for name in names}


# ---------------------------------------------------------------- a country stated for the name


def test_demonym_before_place_noun_rules_out_namesake_abroad(gazetteer):
    text = "Suicide bombers attacked a busy market in the north Cameroonian town of Bodo, close to the Nigerian border."
    got = resolve(gazetteer, text, ["Bodo"], {"Cameroonian": "CMR", "Nigerian": "NGA"})
    assert got["Bodo"] in (None, "CMR")  # not Bodø in Norway


def test_chain_of_town_division_country(gazetteer):
    text = "Two people planted explosives outside parliament in Victoria city, British Columbia province, Canada."
    got = resolve(gazetteer, text, ["Victoria city", "British Columbia province", "Canada"])
    assert got["Victoria city"] == "CAN"  # not Victoria, Hong Kong


def test_country_at_end_of_chain_qualifies_first_name(gazetteer):
    text = "Gunmen attacked Juer town in Bahr el Ghazal region, South Sudan, killing five."
    got = resolve(gazetteer, text, ["Bahr el Ghazal", "South Sudan"])
    assert got["Bahr el Ghazal"] in (None, "SSD")  # not the division of Chad


def test_untagged_demonym_inside_chain(gazetteer):
    # NER often misses "Malian" before a name; the chain still carries it to "Bondo".
    text = "Three hunters were killed in the commune of Bondo in the Koro Cercle of the Malian Mopti region."
    got = resolve(gazetteer, text, ["Bondo", "Mopti region"])
    assert got["Mopti region"] == "MLI"
    assert got["Bondo"] in (None, "MLI")  # not Bondo, Kenya


def test_unknown_division_inside_chain(gazetteer):
    text = "A roadside bomb exploded in the Safi tehsil of Mohmand Agency in Pakistan."
    got = resolve(gazetteer, text, ["Safi", "Pakistan"])
    assert got["Safi"] in (None, "PAK")  # not Safi, Morocco


def test_homonymous_province(gazetteer):
    text = "Guerrillas assaulted the airport of the city of Formosa in the homonymous province of Argentina."
    assert resolve(gazetteer, text, ["Formosa", "Argentina"])["Formosa"] == "ARG"


def test_spelling_variant_in_another_country_is_dropped(gazetteer):
    text = "Al-Shabaab attacked a military camp in the city of Bardera in the Gedo region of Somalia."
    got = resolve(gazetteer, text, ["Bardera", "Gedo region", "Somalia"])
    assert got["Bardera"] in (None, "SOM")  # not Vadodara, India
    assert got["Gedo region"] == "SOM"


def test_spelling_variant_backed_by_the_article_is_kept(gazetteer):
    text = "Two Iraqi policemen were killed in Mussayab, south of Baghdad."
    got = resolve(gazetteer, text, ["Mussayab", "Baghdad"], {"Iraqi": "IRQ"})
    assert got["Mussayab"] == "IRQ"


def test_village_abroad_dropped_when_sentence_and_places_agree_elsewhere(gazetteer):
    text = "Al-Shabaab killed five soldiers of the Somali National Army in Balad city, 30 km southwest of Mogadishu."
    got = resolve(gazetteer, text, ["Balad city", "Mogadishu"], {"Somali": "SOM"})
    assert got["Mogadishu"] == "SOM"
    assert got["Balad city"] in (None, "SOM")  # not Balad, Iraq


def test_descriptive_noun_prefers_the_division(gazetteer):
    text = "Suicide car bombers stormed a security compound in Andar district and killed 25 police officers."
    assert resolve(gazetteer, text, ["Andar district"])["Andar district"] == "AFG"


# ---------------------------------------------------------------- what must not change


def test_lists_are_not_chains(gazetteer):
    text = "Trips to Saipan, Guam, Alaska, Hawaii, Florida and Washington have put an emphasis on training."
    got = resolve(gazetteer, text, ["Alaska", "Hawaii", "Florida"])
    assert got == {"Alaska": "USA", "Hawaii": "USA", "Florida": "USA"}


def test_town_named_like_a_country_keeps_its_state(gazetteer):
    text = "The fans helped put Palestine, Texas on the map."
    got = resolve(gazetteer, text, ["Palestine", "Texas"])
    assert got == {"Palestine": "USA", "Texas": "USA"}


def test_relative_clause_is_no_qualifier(gazetteer):
    text = "Assad argued that the return of the Golan Heights, which Israel captured from Syria, is not negotiable."
    assert resolve(gazetteer, text, ["Golan Heights", "Israel", "Syria"])["Golan Heights"] == "SYR"


def test_lone_us_town_without_country_is_kept(gazetteer):
    text = "Huntsville police arrested a man after a chase on Highway 19."
    assert resolve(gazetteer, text, ["Huntsville"])["Huntsville"] == "USA"


def test_demonym_of_a_person_does_not_drop_the_county(gazetteer):
    text = "An 80-year-old man died in the parking lot of a Westmoreland County Italian grocery store."
    got = resolve(gazetteer, text, ["Westmoreland County"], {"Italian": "ITA"})
    assert got["Westmoreland County"] == "USA"


# ---------------------------------------------------------------- exonyms, adjectival countries, curated names


@pytest.mark.parametrize("name, iso", [("Mecca", "SAU"), ("Marseilles", "FRA"), ("Derna", "LBY")])
def test_english_name_of_a_city_beats_a_small_town_bearing_it(gazetteer, name, iso):
    # GeoNames has "Mecca" only as an alternate name of Makkah, and as the own name of a
    # Californian town 180 times smaller.
    text = f"A suicide bomber blew himself up during a police raid in {name}."
    assert resolve(gazetteer, text, [name])[name] == iso


def test_historic_name_of_a_bigger_town_does_not_beat_its_bearer(gazetteer):
    # "Rogersville" is also an alternate name of Chicago's Rogers Park, only 12 times bigger.
    text = "Firefighters in Rogersville responded to the blaze."
    assert resolve(gazetteer, text, ["Rogersville"])["Rogersville"] == "USA"
    got = resolve(gazetteer, "Police in Rogersville, Tennessee said.", ["Rogersville", "Tennessee"])
    assert got["Rogersville"] == "USA"


def test_country_as_adjective_counts_less_than_as_a_place(gazetteer):
    adjective = "A car bomb went off near the United States embassy in Lima."
    assert resolve(gazetteer, adjective, ["United States", "Lima"])["Lima"] == "PER"  # not Lima, Ohio
    place = "A car bomb went off near the embassy in Lima, the United States said."
    assert resolve(gazetteer, place, ["Lima", "United States"])["Lima"] == "USA"


def test_direction_before_a_country_is_still_the_country(gazetteer):
    text = "28 people were injured in an attack on a police station in San Lorenzo, in Northern Ecuador."
    got = resolve(gazetteer, text, ["San Lorenzo", "Northern Ecuador"])
    assert got["San Lorenzo"] in (None, "ECU")  # not San Lorenzo, Paraguay
    assert got["Northern Ecuador"] == "ECU"


def test_curated_region_beats_a_hamlet_spelled_alike(gazetteer):
    text = "A roadside bomb struck a police convoy in Sinai."
    assert resolve(gazetteer, text, ["Sinai"])["Sinai"] == "EGY"  # not Sinaí, Ecuador


@pytest.mark.parametrize(("text", "name", "iso3"), [
    ("Five women blew themselves up in Baghouz village, killing one.", "Baghouz", "SYR"),
    ("A girl suicide bomber detonated herself at a mosque in Fotokol, killing five.", "Fotokol", "CMR"),
    ("A bomb killed three Peshmerga fighters in Jalawla.", "Jalawla", "IRQ"),
    ("Al-Shabaab fighters overran the base at Bulo Burte.", "Bulo Burte", "SOM"),
])
def test_conflict_site_missing_from_cities500_is_curated(gazetteer, text, name, iso3):
    assert resolve(gazetteer, text, [name])[name] == iso3


def test_country_name_is_not_its_capitals_alternate_name(gazetteer):
    # GeoNames lists "Mexico" among Mexico City's alternate names; the name is the country's own.
    text = "The president said Mexico should send peace demonstrators to the border."
    start = text.index("Mexico")
    mentions = [Mention(start, start + 6, "Mexico", "ner", "GPE", False)]
    [top] = resolve_mentions(text, mentions, [], gazetteer, sentences=[(0, len(text))])
    assert top.place.country == "MEX" and top.place.precision == "country"


def _resolve_hinted(gazetteer, text: str, name: str, group: str, iso3: str) -> str | None:
    start = text.index(name)
    mentions = [Mention(start, start + len(name), name, "ner", "GPE", True)]
    g = text.index(group)
    hints = [CountryCue(g, g + len(group), iso3)]
    toponyms = resolve_mentions(text, mentions, [], gazetteer, sentences=[(0, len(text))], hints=hints)
    return toponyms[0].place.country if toponyms else None


def test_armed_group_points_to_its_country(gazetteer):
    text = "Gunmen of the Syrian Democratic Forces were shot in Al-Busayrah, killing two."
    assert _resolve_hinted(gazetteer, text, "Al-Busayrah", "Syrian Democratic Forces", "SYR") == "SYR"


def test_stray_alternate_name_abroad_yields_to_the_group_named(gazetteer):
    # Bargarh in India has "Baga" among its alternate names; Nigeria's Baga is only a curated place.
    text = "Boko Haram attacked a military base in the town of Baga, killing 10 people."
    assert _resolve_hinted(gazetteer, text, "Baga", "Boko Haram", "NGA") in (None, "NGA")


def test_lone_village_abroad_in_a_story_about_one_country_is_dropped(gazetteer):
    text = ("A car bomb exploded near a market in Baghdad, Iraq's capital, on Thursday. Iraqi police said "
            "the car was parked near a bus terminal in the eastern Shaab district when it blew up.")
    got = resolve(gazetteer, text, ["Baghdad", "Iraq", "Shaab"])
    assert got["Baghdad"] == "IRQ"
    assert got["Shaab"] is None  # not Sha'ab, a village in Israel


def test_town_named_as_a_district_of_a_story_elsewhere_is_dropped(gazetteer):
    text = ("A truck bomb killed 276 people in Mogadishu, Somalia's capital, on Saturday. Somali police said "
            "a second, smaller car bomb went off in the Madina district hours later.")
    got = resolve(gazetteer, text, ["Mogadishu", "Somalia", "Madina"])
    assert got["Mogadishu"] == "SOM"
    assert got["Madina"] is None  # not Medina, Saudi Arabia


def test_town_said_to_lie_in_a_city_of_another_country_is_dropped(gazetteer):
    text = "Four bombs killed two people and injured another seven in Sha'ab, a neighbourhood of Baghdad."
    got = resolve(gazetteer, text, ["Sha'ab", "Baghdad"])
    assert got["Baghdad"] == "IRQ" and got["Sha'ab"] is None  # not Sha'ab, Israel


@pytest.mark.parametrize(("text", "names", "container", "iso3"), [
    # The part's only reading abroad pulled the city to a namesake known by an alternate name (Al Khums, Libya).
    ("A car bomb in the Zahra district of Homs detonated, killing eight people.", ["Zahra", "Homs"], "Homs", "SYR"),
    ("Suicide bombers detonated their explosives in Homs, killing 32. The blasts struck the Zahra district "
     "in the middle of the city.", ["Homs", "Zahra"], "Homs", "SYR"),
    # The district's only reading, in India, pulled the city to a village of Maharashtra.
    ("Three civilians were killed when explosives planted on their vehicle blew up in Kandahar's Daman District.",
     ["Kandahar", "Daman District"], "Kandahar", "AFG"),
])
def test_part_of_a_city_known_only_abroad_is_no_evidence_of_the_country(gazetteer, text, names, container, iso3):
    got = resolve(gazetteer, text, names)
    assert got[container] == iso3
    assert all(got[name] in (iso3, None) for name in names)


@pytest.mark.parametrize(("text", "names", "iso3"), [
    # A part that lies in a reading of its container still says which one.
    ("FARC members murder 12 peasants in rural Cimitarra, Santander.", ["Cimitarra", "Santander"], "COL"),
    ("Militants ambushed units of the army in Restrepo (Valle).", ["Restrepo", "Valle"], "COL"),
    # "The X town of Y": the town is the second name.
    ("Three bodies were found in the street in the northern Sinai town of Rafah.", ["Sinai", "Rafah"], "EGY"),
])
def test_town_and_the_division_it_lies_in_agree(gazetteer, text, names, iso3):
    assert set(resolve(gazetteer, text, names).values()) == {iso3}


def test_colombian_department_by_its_short_name(gazetteer):
    text = "Guerrillas attacked a police station in Trujillo (Valle), killing four officers."
    assert resolve(gazetteer, text, ["Trujillo", "Valle"])["Trujillo"] == "COL"  # not Trujillo, Peru


# ---------------------------------------------------------------- counties and states named


def resolve_places(gazetteer, text: str, names: list[str]) -> dict:
    """Resolve the first occurrence of each name; return name -> Place (None when unresolved)."""
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, "ner", "GPE", False))
    mentions.sort(key=lambda m: m.start)
    toponyms = resolve_mentions(text, mentions, [], gazetteer, sentences=[(0, len(text))])
    got = {t.span.text: t.place for t in toponyms}
    return {name: got.get(name) for name in names}


def test_town_in_the_county_the_article_names(gazetteer):
    # Huntsville, Alabama is ten times bigger, but Huntsville, Texas is the seat of Walker County.
    text = "Walker County lifted its burn ban on Monday. Huntsville firefighters had answered 40 grass fires."
    got = resolve_places(gazetteer, text, ["Walker County", "Huntsville"])
    assert (got["Huntsville"].admin1, got["Walker County"].admin1) == ("Texas", "Texas")


def test_county_among_its_namesakes_by_the_town_it_holds(gazetteer):
    text = "Decatur and Avondale Estates agreed to limit annexation, DeKalb County officials said."
    got = resolve_places(gazetteer, text, ["Decatur", "DeKalb County"])
    assert (got["Decatur"].admin1, got["DeKalb County"].admin1) == ("Georgia", "Georgia")


def test_town_without_a_named_county_keeps_its_size(gazetteer):
    text = "The council met in Huntsville on Monday."
    assert resolve_places(gazetteer, text, ["Huntsville"])["Huntsville"].admin1 == "Alabama"


def test_bare_county_name_is_the_town(gazetteer):
    # "Butte" alone is the Montana city, whatever Butte County's seat Oroville beside it says.
    text = "The plane headed to Bozeman, Mont., was rerouted to Butte. A second crash near Oroville, Calif., killed two."
    got = resolve_places(gazetteer, text, ["Bozeman", "Butte", "Oroville"])
    assert got["Butte"].feature != "A.ADM2" and got["Butte"].admin1 == "Montana"


def test_state_beats_a_foreign_city_named_like_it(gazetteer):
    # Virginia, Free State is a city of 120,000, but a state's name means the state.
    text = "Alexandria police found the body. He awaits a transfer to Virginia, where he will stand trial."
    got = resolve_places(gazetteer, text, ["Alexandria", "Virginia"])
    assert got["Virginia"].feature == "A.ADM1" and got["Virginia"].country == "USA"
    assert got["Alexandria"].admin1 == "Virginia"


def test_state_the_context_turns_backs_its_towns(gazetteer):
    # "Georgia" alone reads as the country; once read as the state, Albany is Georgia's.
    text = ("Police arrested a suspected Albany serial rapist. Albany police had sought him for months, and"
            " Albany residents were relieved. Georgia investigators said he had attacked five women in Albany.")
    mentions = [Mention(m.start(), m.end(), m.group(), "ner", "GPE", False) for m in re.finditer("Albany|Georgia", text)]
    toponyms = resolve_mentions(text, mentions, [], gazetteer, sentences=[(0, len(text))])
    got = {t.span.text: t.place for t in toponyms}
    assert got["Georgia"].country == "USA"
    assert got["Albany"].admin1 == "Georgia"


def test_capital_outweighs_a_hamlet_of_the_state_named(gazetteer):
    text = "Georgia farmers asked Washington for drought relief, Georgia officials said."
    got = resolve_places(gazetteer, text, ["Georgia", "Washington"])
    assert got["Washington"].feature == "P.PPLC"



# ---------------------------------------------------------------- a distance from another place


def _points(gazetteer, text: str, names: list[str]) -> dict[str, tuple[float, float] | None]:
    mentions = sorted((Mention(text.index(n), text.index(n) + len(n), n, "ner", "GPE", False) for n in names),
                      key=lambda m: m.start)
    got = {t.span.text: (t.place.latitude, t.place.longitude)
           for t in resolve_mentions(text, mentions, [], gazetteer, sentences=[(0, len(text))])}
    return {n: got.get(n) for n in names}


def test_a_reading_beyond_the_stated_distance_is_no_reading(gazetteer):
    # GeoNames lacks the village; its spelling's nearest match, Savannah, Georgia, is not 45 km from Mosul.
    text = ("Fighters killed 15 civilians in the village of Safina, about 45km (28 miles) south of Mosul, "
            "and threw their bodies in the river, the US said.")
    got = _points(gazetteer, text, ["Mosul", "Safina", "US"])
    assert got["Safina"] is None and got["Mosul"] is not None


def test_the_reading_within_the_stated_distance_wins(gazetteer):
    # The index lacks Suani ban Adem; the recogniser reads its last word, which spells Aden in Yemen.
    text = "Forces surrendered at the front in Suani ban Adem, 25 km southwest of Tripoli, sources said."
    assert _points(gazetteer, text, ["Adem", "Tripoli"])["Adem"] is None
    text = "Rebels shelled Al Bab, 40 km north-east of Aleppo, on Monday."
    lat, lon = _points(gazetteer, text, ["Al Bab", "Aleppo"])["Al Bab"]
    assert 35.9 < lat < 36.6 and 37.2 < lon < 37.8  # al-Bab, Syria


def test_a_country_before_near_keeps_its_reading(gazetteer):
    text = "Fighting raged in Iraq, near Mosul, all week."
    assert resolve(gazetteer, text, ["Iraq", "Mosul"]) == {"Iraq": "IRQ", "Mosul": "IRQ"}


def test_a_bearing_alone_says_no_distance(gazetteer):
    # Kismayo lies some 500 km south of Mogadishu, Tikrit 140 km north of Baghdad.
    text = "Four people were killed in a bomb blast in Kismayo, south of Mogadishu."
    assert resolve(gazetteer, text, ["Kismayo", "Mogadishu"]) == {"Kismayo": "SOM", "Mogadishu": "SOM"}
    text = "Two bombs exploded in the centre of Tikrit, north of Baghdad, on Tuesday."
    assert resolve(gazetteer, text, ["Tikrit", "Baghdad"]) == {"Tikrit": "IRQ", "Baghdad": "IRQ"}


def test_near_a_border_is_no_distance_from_the_town(gazetteer):
    text = "Tolls were dropped between Exit 1 in West Stockbridge near the New York border and Exit 6."
    assert resolve(gazetteer, text, ["West Stockbridge", "New York"])["West Stockbridge"] == "USA"
