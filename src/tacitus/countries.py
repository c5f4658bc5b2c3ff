"""Country names, ISO 3166-1 alpha-3 codes, adjectives and demonyms.

Takes a country name, short form, adjective or demonym ("Iraq", "Iraqi",
"Iraqis", "U.S.", "American", "Britain", "UK") and returns its ISO3 code; takes
an ISO3 code and returns the short common English name used in actor names
("COD" -> "Democratic Republic of Congo"). Shared by the actor dictionary, the
geocoder and anyone else who needs to read nationality words.

The table is ``data/countries.tsv``: one row per country (all 249 ISO 3166-1
entries from pycountry plus Kosovo as ``XKX``), with hand-written common names,
other names, demonyms and the GeoNames country point. It is the one country
table of the package: the gazetteer (``tacitus.geo``) compiles its countries
from it too. Lookups are case-insensitive, ignore dots
("U.S." = "US"), diacritics and hyphens, and accept plural demonyms
("Afghans", "Frenchmen"). Short all-capital abbreviations ("US", "UK", "DRC",
"CAR") and ISO3 codes match only when written in capitals, so the pronoun
"us" or the noun "car" is never a country. Peoples without a state
("Kurdish", "Kurds", "Baloch") are not countries and give None.
"""

from __future__ import annotations

import csv
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

logger = logging.getLogger(__name__)

_DATA = "countries.tsv"
# Words after a country that make it a patron, not a place: "US-backed SDF", "Saudi-led coalition",
# "Iranian-trained militia". Where such a country stands, the event did not happen there.
PATRON_WORDS = ("backed", "led", "funded", "supported", "trained", "allied", "sponsored")
# Countries whose troops in the news are nearly always deployed abroad (Afghanistan, Iraq, Syria,
# Mali), so "two U.S. servicemembers were wounded" says nothing of where. Not Britain (Northern
# Ireland), Russia or Turkey, which fight at home too.
EXPEDITIONARY = frozenset({"USA", "FRA", "CAN", "AUS", "DEU", "ITA", "NLD", "ESP"})
# Troop nouns after a nationality or a country: "U.S. servicemembers", "French army soldiers"; and the
# aircraft and strikes they send: "a U.S. drone", "French warplanes", "American airstrikes".
MILITARY_AFTER = re.compile(
    r"[\s-]+(?:(?:army|military|navy|air\s+force|special\s+forces?)\s+)?(?:soldiers?|troops|servicem[ae]n|"
    r"servicemembers?|service\s+members?|marines?|forces|personnel|convoy|patrol|sailors|airm[ae]n|contractors?|"
    r"drones?|(?:air|drone|missile)[\s-]*strikes?|air\s+raids?|warplanes?|(?:fighter\s+)?jets?|aircraft|"
    r"helicopters?|gunships?|bombers?)\b",
    re.IGNORECASE)

_SPACES = re.compile(r"\s+")
_ABBREVIATION = re.compile(r"^[A-Z]{2,4}$")


@dataclass(frozen=True, slots=True)
class Country:
    """One row of ``data/countries.tsv``."""

    iso3: str
    name: str
    other_names: tuple[str, ...]
    adjectives: tuple[str, ...]
    latitude: float | None = None  # the GeoNames country point, where the table gives one
    longitude: float | None = None


def normalize(text: str) -> str:
    """Fold a name for lookup: no diacritics, dots or hyphens, lower case, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace(".", "")
    text = re.sub(r"[-\u2010-\u2015]", " ", text)
    text = _SPACES.sub(" ", text).strip().lower()
    if text.startswith("the "):
        text = text[4:]
    return text


def plurals(demonym: str) -> list[str]:
    """Plural forms of a demonym: "Afghan" -> ["Afghans"], "Frenchman" -> ["Frenchmen"].

    Adjectives in -ese, -sh, -ch, -ss, -s have no separate plural (Congolese,
    British, Dutch, Swiss, Seychellois).
    """
    low = demonym.lower()
    if low.endswith("man"):
        return [demonym[:-3] + ("MEN" if demonym.isupper() else "men")]
    if low.endswith(("ese", "sh", "ch", "ss", "s", "x", "z")):
        return []
    return [demonym + ("S" if demonym.isupper() else "s")]


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every row of the shipped country table."""
    text = resources.files("tacitus").joinpath("data", _DATA).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        rows.append(
            Country(
                iso3=row["iso3"],
                name=row["name"],
                other_names=tuple(x for x in (row["other_names"] or "").split("|") if x),
                adjectives=tuple(x for x in (row["adjectives"] or "").split("|") if x),
                latitude=float(row["latitude"]) if row.get("latitude") else None,
                longitude=float(row["longitude"]) if row.get("longitude") else None,
            )
        )
    return tuple(rows)


@functools.cache
def _indexes() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(folded name -> ISO3, folded adjective -> ISO3, capitalised abbreviation -> ISO3)."""
    names: dict[str, str] = {}
    adjs: dict[str, str] = {}
    abbrevs: dict[str, str] = {}
    for country in countries():
        abbrevs[country.iso3] = country.iso3
        for form in (country.name, *country.other_names):
            bare = form.replace(".", "")
            if _ABBREVIATION.match(bare):
                abbrevs.setdefault(bare, country.iso3)
            else:
                names.setdefault(normalize(form), country.iso3)
        for adjective in country.adjectives:
            bare = adjective.replace(".", "")
            if _ABBREVIATION.match(bare):
                abbrevs.setdefault(bare, country.iso3)
                continue
            for form in (adjective, *plurals(adjective)):
                adjs.setdefault(normalize(form), country.iso3)
    return names, adjs, abbrevs


def country_iso3(name: str) -> str | None:
    """The ISO3 code of a country name, short form, adjective or demonym.

    Args:
        name: e.g. "Iraq", "Iraqi", "Iraqis", "U.S.", "American", "Britain",
            "UK", "the Philippines", "Côte d'Ivoire".

    Returns:
        The ISO 3166-1 alpha-3 code, or None when the name is not a country
        ("Kurdistan", "Kurdish", "us").
    """
    if not name or not name.strip():
        return None
    names, adjs, abbrevs = _indexes()
    bare = name.strip().replace(".", "")
    if bare in abbrevs:
        return abbrevs[bare]
    if bare.upper() == bare and bare.upper().removeprefix("THE ") in abbrevs:
        return abbrevs[bare.upper().removeprefix("THE ")]
    key = normalize(name)
    return names.get(key) or adjs.get(key)


def troops_abroad(iso3: str | None, text: str, end: int) -> bool:
    """Whether a country named at ``end`` heads its troops ("U.S. servicemembers") and is one whose
    troops fight abroad (``EXPEDITIONARY``): the name then says nothing of where an event was."""
    return iso3 in EXPEDITIONARY and MILITARY_AFTER.match(text, end) is not None


def country_name(iso3: str) -> str | None:
    """The short common English name used in actor names.

    Args:
        iso3: an ISO 3166-1 alpha-3 code, any case ("IRQ", "usa").

    Returns:
        "Iraq", "United States", "Democratic Republic of Congo" ..., or None
        for an unknown code.
    """
    if not iso3:
        return None
    return _by_iso3().get(iso3.strip().upper())


@functools.cache
def _by_iso3() -> dict[str, str]:
    return {country.iso3: country.name for country in countries()}


@functools.cache
def _rows_by_iso3() -> dict[str, Country]:
    return {country.iso3: country for country in countries()}


def country(iso3: str) -> Country | None:
    """The table row of an ISO3 code (any case), or None for an unknown code."""
    return _rows_by_iso3().get((iso3 or "").strip().upper())


def adjectives() -> dict[str, str]:
    """Lower-cased adjectives and demonyms (with plurals) -> ISO3, for matchers.

    Keys are folded as :func:`normalize` does (no dots, diacritics or hyphens).
    Capitalised abbreviations used as adjectives ("US", "UK") are left out
    because their lower-case forms are English words; see :func:`abbreviations`.
    """
    return dict(_indexes()[1])


def abbreviations(*, codes: bool = True) -> dict[str, str]:
    """Capitalised country abbreviations without dots ("US", "UK", "DRC", "IRQ") -> ISO3.

    To be matched case-sensitively only.

    Args:
        codes: include every ISO3 code ("IRQ"). Running text rarely names a country by its
            code and often spells other things so ("GNB", Venezuela's National Guard; "CAN",
            "ARM" in a headline in capitals): text readers pass False and keep the
            abbreviations the table lists ("US", "UAE", "DRC").
    """
    found = _indexes()[2]
    if codes:
        return dict(found)
    listed = {form.replace(".", "") for c in countries() for form in (c.name, *c.other_names, *c.adjectives)}
    return {k: v for k, v in found.items() if k in listed}


def names() -> dict[str, str]:
    """Folded country names and other names ("iraq", "britain", "dr congo") -> ISO3."""
    return dict(_indexes()[0])
