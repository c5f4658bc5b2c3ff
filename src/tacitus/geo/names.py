"""Place-name folding, variants, demonyms and the common words that are not places.

Takes raw names as written in news text or in GeoNames and returns folded index
keys (:func:`fold`), and maps country names, adjectives and demonyms to ISO3
codes (:func:`country_of_text`, backed by :mod:`tacitus.countries`).
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata

from .. import countries

logger = logging.getLogger(__name__)

# Transliteration marks for ayn/hamza and apostrophes vary between sources
# ("‘Ayn al ‘Arab", "`Ayn al `Arab", "Ayn al-Arab"): they carry no identity.
_MARKS = dict.fromkeys(map(ord, "‘’ʿʾ'`´ʻʼ\u02bf\u02be\u00b4"), None)
_ARTICLE = re.compile(r"^(?:al|el|ar|ash|as|ad|an|at|az|ad|adh|ath|es|ed|et|en)[ -](?=\w)")
_INNER_ARTICLE = re.compile(r"(?<= )(?:al|el|ar|ash|as|ad|an|at|az)[ -](?=\w)")
_SEP = re.compile(r"[\s\-_.,/]+")
_SAINT = re.compile(r"\b(?:st|ste|saint|sainte)\b")


@functools.lru_cache(maxsize=50_000)
def fold(name: str, *, articles: bool = False) -> str:
    """The index key of a place name.

    Lower-cases, strips diacritics and transliteration marks, drops leading
    Arabic articles (al-, ar-, ash- ...), turns a final -ah into -a, unifies
    hyphens, dots and spaces, and spells Saint/St. alike.

    Args:
        name: A place name as written.
        articles: Keep leading/inner articles (the "full" key, which tells
            "El Salvador" from "Salvador").

    Returns:
        The folded key ("" when nothing Latin is left).
    """
    text = name.translate(_MARKS)
    if text.isascii():  # most news names: nothing to decompose
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("ı", "i").replace("ø", "o").replace("ß", "ss").replace("æ", "ae").replace("đ", "d")
    text = text.replace("ł", "l").replace("œ", "oe").replace("&", " and ")
    text = _SEP.sub(" ", text).strip()
    if not articles:
        text = _ARTICLE.sub("", text)
        text = _INNER_ARTICLE.sub("", text)
    text = _SAINT.sub("saint", text)
    text = " ".join(w[:-1] if w.endswith("ah") and len(w) > 4 else w for w in text.split())
    return text


_VOWELS = re.compile(r"[aeiouy]+")
_REPEAT = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """The consonant skeleton of a folded name, for transliteration variants.

    Arabic, Persian and Pashto names reach English with free vowels and
    doubled consonants: "Mussayab", "Musayyib" and "Al-Musayab" share
    "msb"; "Talafar" and "Tall 'Afar" share "tlfr". Spaces and vowels go,
    repeated letters collapse, "ou"/"oo" need nothing more.

    Args:
        key: A key from :func:`fold`.

    Returns:
        The skeleton ("" for names too short to match safely: under 5 letters
        or 3 consonants).
    """
    letters = key.replace(" ", "")
    if len(letters) < 5:
        return ""
    bones = _REPEAT.sub(r"\1", _VOWELS.sub("", _REPEAT.sub(r"\1", letters)))
    return bones if len(bones) >= 3 else ""


def is_latin(name: str) -> bool:
    """Whether a folded name is plain ASCII (names in other scripts never occur in English text)."""
    return name.isascii() and any(c.isalpha() for c in name)


def ascii_name(name: str) -> str:
    """A name without diacritics, keeping case and punctuation ("Île-de-France" -> "Ile-de-France")."""
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c))


# Capitalised words that are also GeoNames places but in news are nearly always
# something else: months, weekdays, titles, institutions, common nouns.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    police man woman men women people city town village state county country government army
    mobile reading university college school church hospital court office center centre
    news post times star mail sun herald tribune press journal daily weekly
    president minister governor mayor sheriff officer chief general colonel captain sergeant
    mr mrs ms dr saint st north south east west central northern southern eastern western
    new old great little upper lower good best home hope union unity liberty victory freedom
    independence republic national international federal royal democratic islamic
    god allah christ jesus may will mark bill grant rich young king queen prince
    police department fire district the a an and or but of in on at by for with from to
    congress senate parliament
    god bless hill lake river valley park street road avenue bridge island beach bay
    attack war battle blast bomb killed dead deaths army troops forces rebels militants
    isis isil al qaeda hamas hezbollah taliban
    about after again all also before both during every first last many more most next
    once only other over same since some such than then there these they this those through
    under until very when where which while who why yes no not now here
    page video photo photos images image read more share comments comment
    un nato
    """.split()
) | frozenset({"old city", "new city", "city centre", "city center", "downtown"})

# Peoples, faiths and sects whose names GeoNames also gives to towns or divisions ("Ahmadi",
# "Moro", "Hazara"): in news they say who, unless the text puts them somewhere ("in Ahmadi").
PEOPLES: frozenset[str] = frozenset(
    """
    ahmadi ahmadis ahmadiyya moro moros hazara hazaras druze alawite alawites yazidi yazidis kurd kurds
    baloch balochs baluch pashtun pashtuns tamil tamils sikh sikhs shia shias shiite shiites sunni sunnis
    fulani hausa igbo yoruba tutsi hutu rohingya uighur uyghur uighurs uyghurs maasai mapuche houthi houthis
    tuareg tuaregs dinka nuer copt copts coptic maronite christian christians muslim muslims jewish catholic
    """.split()
)

def country_of_text(name: str) -> str | None:
    """The ISO3 code of a country named, or described by an adjective or demonym.

    One table serves the whole package (``tacitus.countries``, read from
    ``data/countries.tsv``); this is its entry point for the geocoder.

    Args:
        name: "Iraq", "Iraqi", "Iraqis", "U.K.", "Britain", "American" ...

    Returns:
        The ISO 3166-1 alpha-3 code, or None when the text is not a country.
    """
    return countries.country_iso3(name.strip()) if name else None


@functools.lru_cache(maxsize=20_000)
def demonym_country(name: str) -> str | None:
    """The ISO3 code when ``name`` is an adjective/demonym ("Iraqi", "Somalis"), not a country name."""
    if not name or not name.strip():
        return None
    return _adjectives().get(countries.normalize(name))


@functools.lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    # A derived plural that is also a country's name ("Philippine" -> "Philippines")
    # is the country, not a demonym.
    names = countries.names()
    return {key: iso3 for key, iso3 in countries.adjectives().items() if key not in names}
