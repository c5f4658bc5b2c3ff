"""Tests for tacitus.countries: names, codes, adjectives and demonyms."""

from __future__ import annotations

import pycountry
import pytest

from tacitus import countries
from tacitus.countries import adjectives, country_iso3, country_name


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Iraq", "IRQ"), ("Iraqi", "IRQ"), ("Iraqis", "IRQ"), ("iraqi", "IRQ"), ("IRAQI", "IRQ"),
        ("U.S.", "USA"), ("US", "USA"), ("U.S.A.", "USA"), ("American", "USA"), ("Americans", "USA"),
        ("United States of America", "USA"), ("Britain", "GBR"), ("UK", "GBR"), ("U.K.", "GBR"),
        ("British", "GBR"), ("Afghan", "AFG"), ("Afghans", "AFG"), ("Pakistani", "PAK"),
        ("Pakistanis", "PAK"), ("Nigerian", "NGA"), ("Nigerien", "NER"), ("Niger", "NER"),
        ("Somali", "SOM"), ("Malian", "MLI"), ("Burkinabe", "BFA"), ("Burkinabè", "BFA"),
        ("Congolese", "COD"), ("DRC", "COD"), ("DR Congo", "COD"), ("Republic of the Congo", "COG"),
        ("Filipino", "PHL"), ("Philippine", "PHL"), ("the Philippines", "PHL"), ("Colombian", "COL"),
        ("Israeli", "ISR"), ("Palestinian", "PSE"), ("Palestinians", "PSE"), ("Yemeni", "YEM"),
        ("Turkish", "TUR"), ("Turks", "TUR"), ("Türkiye", "TUR"), ("Frenchmen", "FRA"),
        ("Côte d'Ivoire", "CIV"), ("Cote d’Ivoire", "CIV"), ("Ivorian", "CIV"), ("Guinea-Bissau", "GNB"),
        ("Guinea Bissau", "GNB"), ("Syrian Arab Republic", "SYR"), ("Russian Federation", "RUS"),
        ("Burma", "MMR"), ("Kosovo", "XKX"), ("IRQ", "IRQ"), ("Swiss", "CHE"),
    ],
)
def test_country_iso3_reads_names_adjectives_and_demonyms(text: str, iso3: str) -> None:
    assert country_iso3(text) == iso3


@pytest.mark.parametrize("text", ["Kurdistan", "Kurdish", "Kurds", "us", "car", "irq", "", "  ", "Baloch", "Atlantis"])
def test_country_iso3_rejects_non_countries_and_lower_case_abbreviations(text: str) -> None:
    assert country_iso3(text) is None


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("IRQ", "Iraq"), ("USA", "United States"), ("GBR", "United Kingdom"), ("SYR", "Syria"),
        ("RUS", "Russia"), ("COD", "Democratic Republic of Congo"), ("IRN", "Iran"), ("TUR", "Turkey"),
        ("CIV", "Ivory Coast"), ("PSE", "Palestine"), ("irq", "Iraq"), ("ZZZ", None), ("", None),
    ],
)
def test_country_name_gives_the_short_common_name(iso3: str, name: str | None) -> None:
    assert country_name(iso3) == name


def test_every_iso_country_has_a_row_and_round_trips() -> None:
    codes = {c.iso3 for c in countries.countries()}
    assert {c.alpha_3 for c in pycountry.countries} <= codes
    for code in codes:
        assert country_iso3(country_name(code)) == code, code


def test_adjectives_are_lower_case_and_exclude_word_like_abbreviations() -> None:
    table = adjectives()
    assert table["iraqi"] == "IRQ"
    assert table["afghans"] == "AFG"
    assert table["filipino"] == "PHL"
    assert "kurdish" not in table
    assert "us" not in table
    assert all(key == key.lower() for key in table)
    assert countries.abbreviations()["US"] == "USA"


def test_congo_alone_is_the_drc_and_the_republic_keeps_its_full_names() -> None:
    assert country_iso3("Congo") == "COD"
    assert country_iso3("Republic of Congo") == "COG"
    assert country_iso3("Congo-Brazzaville") == "COG"


def test_rows_carry_the_geonames_country_point() -> None:
    usa = countries.country("usa")
    assert usa is not None and (usa.latitude, usa.longitude) == (39.76, -98.5)
    assert countries.country("ZZZ") is None


def test_geocoder_reads_the_same_table() -> None:
    from tacitus.geo import country_of_text
    from tacitus.geo.names import demonym_country

    for text in ("Iraqi", "Somalis", "U.S.", "Britain", "Congo", "Kosovar"):
        assert country_of_text(text) == country_iso3(text), text
    assert demonym_country("Somali") == "SOM"
    assert demonym_country("Somalia") is None  # a country name, not an adjective
