"""Toponym resolution in context, and the place of each event.

Takes a spaCy ``Doc`` (or plain text and an ``nlp``) and a
:class:`~tacitus.geo.gazetteer.Gazetteer`; returns resolved
:class:`~tacitus.models.Toponym` records (``find_toponyms``,
``geoparse_text``) and, for one event, the :class:`~tacitus.models.Place`
where it happened with the span it was read from (``locate_event``).

Resolution scores every gazetteer candidate of a name with its prior (how the
name matched, feature kind, population) and the article's context: a
qualifier right after it ("Paris, Texas"; "Munduri village, Borno"), the
countries and divisions the article's *other* names point to, the other
names' likely candidates within ~150 km or in the same division (places
cluster: "Hershey" and "Annville" put "Lebanon" in Pennsylvania), demonyms in
the same sentence ("Sinjar, a key Iraqi town") and the user's region bias.
Spelling variants the index lacks ("Mussayab") are kept only where the
article's context backs them. One sense per name and article: every mention
of a name gets the same place.

An event's place is never a continent, a country used as an adjective ("U.S.
troops") or a place heading another name ("Supreme Court", "Tite Street").
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .. import countries
from ..models import Place, Span, Toponym
from ..nlp import cased_text
from .gazetteer import (
    KIND_ADMIN1, KIND_ADMIN2, KIND_COUNTRY, KIND_PLACE, Q_ALIAS, Q_FUZZY, Q_PRIMARY, Candidate, Gazetteer,
)
from .names import country_of_text, fold
from .recognize import CountryCue, Mention, _suffix_candidates, find_mentions, variant_candidates

logger = logging.getLogger(__name__)

_KIND_PRIOR = {KIND_COUNTRY: 5.0, KIND_ADMIN1: 2.0, KIND_ADMIN2: 0.3, KIND_PLACE: 0.0}
_QUALITY_PRIOR = {Q_PRIMARY: 1.0, Q_ALIAS: 0.6}
_QUALIFIER = re.compile(r"\s*,\s*((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


def _prior(cand: Candidate) -> float:
    score = _QUALITY_PRIOR.get(cand.quality, 0.0) + (0.5 if cand.full_match else 0.0) + _KIND_PRIOR[cand.kind]
    if cand.place.country is None:  # a continent or world region by its own name
        score += 3.0
    elif cand.kind == KIND_COUNTRY:
        # "China" is far more often the country than a Texas hamlet: bigger countries are named more.
        score += max(0.0, 0.5 * math.log10((cand.place.population + 1) / 1e6))
    elif cand.kind == KIND_PLACE:
        score += 0.35 * math.log10(cand.place.population + 10)
        if cand.place.feature == "P.PPLC":
            score += 0.5
    return score


def _candidates(gazetteer: Gazetteer, name: str) -> tuple[Candidate, ...]:
    cands = gazetteer.candidates(name)
    if name.replace(".", "").isupper() and len(name.replace(".", "")) <= 3:
        # An abbreviation ("EU", "US", "UAE") is not the village spelled like it ("Eu", "Us").
        cands = tuple(c for c in cands if c.kind != KIND_PLACE or c.place.population >= 100_000
                      or c.place.country is None) or cands
    if not cands:
        cands = _suffix_candidates(gazetteer, name)
    if not cands and name.isupper():
        cands = gazetteer.candidates(name.title())
    if not cands:
        cands = variant_candidates(gazetteer, name)
    return cands


def find_toponyms(doc, gazetteer: Gazetteer, *, prefer_countries: Sequence[str] = ()) -> list[Toponym]:
    """Recognise and resolve every toponym of a document, in context.

    Args:
        doc: A spaCy Doc (tagger and NER) of one article.
        gazetteer: The open gazetteer.
        prefer_countries: ISO3 codes whose places win ambiguous names.

    Returns:
        Toponyms in text order; spans are character offsets into ``doc.text``.
    """
    text = doc.text
    mentions, cues = find_mentions(doc, gazetteer, text=text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
    return resolve_mentions(text, mentions, cues, gazetteer, prefer_countries=prefer_countries, sentences=sentences)


def geoparse_text(
    text: str, nlp, gazetteer: Gazetteer, *, prefer_countries: Sequence[str] = (), demonyms: bool = False
) -> list[Toponym]:
    """Parse a text with ``nlp`` and return its resolved toponyms (offsets into ``text`` as given).

    Args:
        text: Any text.
        nlp: A spaCy Language with a tagger and NER.
        gazetteer: The open gazetteer.
        prefer_countries: ISO3 codes whose places win ambiguous names.
        demonyms: Also return demonyms and national adjectives ("Iraqi")
            as toponyms of their country, as LGL-style gold sets annotate them.
    """
    doc = nlp(text)
    toponyms = find_toponyms(doc, gazetteer, prefer_countries=prefer_countries)
    if demonyms:
        _, cues = find_mentions(doc, gazetteer)
        taken = [(t.span.start, t.span.end) for t in toponyms]
        for cue in cues:
            place = gazetteer.country(cue.country)
            if place is not None and not any(s < cue.end and cue.start < e for s, e in taken):
                toponyms.append(Toponym(Span(cue.start, cue.end, text[cue.start : cue.end]), place, 0.9))
        toponyms.sort(key=lambda t: t.span.start)
    return toponyms


def resolve_mentions(
    text: str,
    mentions: Sequence[Mention],
    cues: Sequence[CountryCue],
    gazetteer: Gazetteer,
    *,
    prefer_countries: Sequence[str] = (),
    sentences: Sequence[tuple[int, int]] = (),
) -> list[Toponym]:
    """Choose a place for every mention (see the module docstring for the evidence used)."""
    prefer = {c.upper() for c in prefer_countries}
    by_name: dict[str, list[Mention]] = defaultdict(list)
    cands_of: dict[str, tuple[Candidate, ...]] = {}
    for m in mentions:
        key = fold(m.text)
        by_name[key].append(m)
        if key not in cands_of:
            cands_of[key] = _candidates(gazetteer, m.text)
    names = [k for k in by_name if cands_of[k]]

    # Explicit qualifiers: "Paris, Texas", "Raqqa, Syria", "Munduri village, Borno".
    qualifier_bonus: dict[str, Counter] = defaultdict(Counter)
    for key in names:
        for m in by_name[key]:
            q = _QUALIFIER.match(text, m.end)
            if not q:
                continue
            qual = q.group(1)
            iso = country_of_text(qual)
            qkey = fold(qual)
            for cand in cands_of[key]:
                if cand.kind == KIND_COUNTRY:
                    continue
                if iso and cand.place.country == iso:
                    qualifier_bonus[key][cand.place] += 4.0
                elif cand.place.admin1 and (fold(cand.place.admin1) == qkey or _admin1_alias(gazetteer, cand, qual)):
                    qualifier_bonus[key][cand.place] += 5.0

    # A name heading a town's institutions ("Jordan Police Department", "Lebanon City
    # Council") is a town; before "man"/"resident" ("a Palestine man") not a country.
    not_country: set[str] = set()
    not_state: set[str] = set()
    for key in names:
        for m in by_name[key]:
            country_ruled_out, state_ruled_out = _local_use(text, m.end)
            if country_ruled_out:
                not_country.add(key)
            if state_ruled_out:
                not_state.add(key)

    # Demonyms in the same sentence: "Sinjar, a key Iraqi town".
    sentence_of = _sentence_index(sentences)
    cue_countries: dict[int, set[str]] = defaultdict(set)
    for cue in cues:
        cue_countries[sentence_of(cue.start)].add(cue.country)

    def score_all(context: Counter, admin1s: dict, own: dict[str, tuple[str, float]],
                  support: _Support | None) -> dict[str, list[tuple[float, Candidate]]]:
        total = sum(context.values())
        out: dict[str, list[tuple[float, Candidate]]] = {}
        for key in names:
            near_cues = set()
            for m in by_name[key]:
                near_cues |= cue_countries.get(sentence_of(m.start), set())
            # A name's own first-pass guess is no evidence for itself (Paris, France
            # must not vouch for Paris, France in an Illinois story).
            own_country, own_weight = own.get(key, (None, 0.0))
            # At least one full mention's weight: a lone demonym is not a whole article's context.
            rest = max(total - own_weight, 1.0)
            scored = []
            cands = cands_of[key]
            names_division = any(c.kind >= KIND_ADMIN1 and c.quality >= Q_ALIAS for c in cands)
            town_use = key in not_state  # "Lebanon City Council": a town, not a division named like it
            admin1_countries = {c.place.country for c in cands if c.kind == KIND_ADMIN1}
            cities = {c.place.country for c in cands if c.kind == KIND_PLACE and c.place.population >= 300_000
                      and c.quality >= Q_ALIAS}
            for cand in cands:
                place = cand.place
                s = _prior(cand) + qualifier_bonus[key].get(place, 0.0)
                if (cand.kind == KIND_COUNTRY and key in not_country) or (cand.kind == KIND_ADMIN1 and town_use):
                    s -= 2.0
                if cand.kind == KIND_ADMIN1 and cities and place.country not in cities:
                    # A division sharing its name with a big city across a border
                    # ("Jerusalem", "Gaza" in Mozambique): the name means the city.
                    s -= 2.0
                if cand.kind == KIND_PLACE and admin1_countries and not town_use:
                    # A town named like a division: the division unless the town is a
                    # city ("Raqqa", "Kirkuk", "Jerusalem"; but "Indiana", "California").
                    if place.population >= 100_000:
                        s += 0.7
                    elif place.country in admin1_countries:
                        s -= 1.5
                if place.country in prefer:
                    s += 1.0
                if place.country in near_cues:
                    # "Sinjar, a key Iraqi town"; but a people's adjective ("a Palestinian
                    # bomber in Jerusalem") says who, not where: a nudge, not a verdict.
                    s += 1.0
                weight = context.get(place.country, 0.0) - (own_weight if place.country == own_country else 0.0)
                share = max(weight, 0.0) / rest
                if cand.kind != KIND_COUNTRY and share:
                    s += 0.5 + 2.0 * share
                    if cand.kind == KIND_ADMIN1 and share > 0.5:
                        s += 1.0  # "Georgia" in an American story
                if cand.kind in (KIND_PLACE, KIND_ADMIN2) and place.admin1 and admin1s.get((place.country, place.admin1),
                                                                                           set()) - {key}:
                    s += 1.5
                if support is not None and cand.kind in (KIND_PLACE, KIND_ADMIN2, KIND_ADMIN1):
                    # Scaled by the place's own weight: a hamlet near the story's towns is
                    # still a hamlet ("China, Texas" next to "Houston").
                    weight = 1.0 if cand.kind != KIND_PLACE else min(1.0, math.log10(place.population + 10) / 5)
                    s += 1.5 * weight * support.of(key, place, nearby=cand.kind != KIND_ADMIN1)
                    if cand.kind != KIND_ADMIN1 and not names_division:
                        # Among same-named towns, the same state as the story's other places says
                        # more than the same 300 km: "Litchfield" beside Danbury and Torrington is
                        # Connecticut's. (Not for names of countries or states: "China" by Houston.)
                        s += _SAME_DIVISION * weight * support.of(key, place, nearby=False)
                scored.append((s, cand))
            scored.sort(key=lambda x: -x[0])
            out[key] = scored
        return out

    # Pass 1 uses priors and explicit cues; pass 2 adds what pass 1 says the article is about.
    context: Counter = Counter()
    for cue in cues:
        context[cue.country] += 0.5
    first = score_all(context, {}, {}, None)
    own: dict[str, tuple[str, float]] = {}
    for key, scored in first.items():
        top = scored[0][1].place
        weight = len(by_name[key]) * (1.0 if _margin(scored) > 1.0 else 0.5)
        # A spelling-variant guess is no evidence of what the article is about.
        if top.country and scored[0][1].quality != Q_FUZZY:
            context[top.country] += weight
            own[key] = (top.country, weight)
    # Divisions the article names, with the names that named them (a name never backs itself:
    # "New York" the state must not pull "New York" towards the city).
    admin1s: dict[tuple, set[str]] = defaultdict(set)
    for key, scored in first.items():
        cand = scored[0][1]
        if cand.kind == KIND_ADMIN1:
            admin1s[(cand.place.country, cand.place.admin1)].add(key)
    second = score_all(context, admin1s, own, _Support(first))

    toponyms = []
    for m in mentions:
        key = fold(m.text)
        scored = second.get(key)
        if not scored:
            continue
        if scored[0][1].quality == Q_FUZZY and not _fuzzy_backed(scored[0][1], key, context, own, cue_countries):
            # A spelling variant is a guess: keep it only where the article points.
            continue
        confidence = 1.0 / (1.0 + math.exp(-_margin(scored))) if len(scored) > 1 else 0.9
        toponyms.append(Toponym(Span(m.start, m.end, text[m.start : m.end]), scored[0][1].place, round(confidence, 3)))
    return toponyms


_SAME_DIVISION = 0.75
_TOWN_AFTER = re.compile(
    r"\s+(?:(?:city|town|village|township)\s+(?:council|hall|commission|manager|officials?|schools?)|(?:city\s+)?mayor\b"
    r"|fire\s+(?:department|chief)|firefighters|elementary|middle\s+school|public\s+library)",
    re.I,
)
# A state has police too ("New York police" is mostly the city's, but not a country's
# "Pakistan police"); a country has no high school, a state may ("Indiana high school").
_NOT_STATE_AFTER = re.compile(r"\s+police\s+(?:department|chief|officers?)\b|\s+police\b(?!\s+(?:said|say|says))", re.I)
_NOT_COUNTRY_AFTER = re.compile(
    r"\s+(?:man|woman|men|women|boy|girl|teen|teenager|resident|residents|native|couple|high\s+school)\b", re.I
)


def _local_use(text: str, end: int) -> tuple[bool, bool]:
    """Whether a name's next words rule out a country, and a first-level division, as its sense.

    "the Athens Police Department", "Paris City Hall" name a town's own
    institutions: neither a country's nor a state's. "a Jordan man" is a
    town's resident; a country's would be "a Jordanian man" (a state's may
    well be "a Georgia man", so only countries are ruled out there).
    """
    if text[max(0, end - 6) : end].lower() == " state":
        return False, False  # "the Indiana State Police": the state's own
    after = text[end : end + 30]
    if _TOWN_AFTER.match(after):
        return True, True
    return bool(_NOT_COUNTRY_AFTER.match(after)), bool(_NOT_STATE_AFTER.match(after))


def _fuzzy_backed(cand: Candidate, key: str, context: Counter, own: dict, cue_countries: dict) -> bool:
    """Whether a spelling-variant match is backed by the article (its country named elsewhere) or notable."""
    place = cand.place
    if place.population >= 100_000:
        return True
    own_country, own_weight = own.get(key, (None, 0.0))
    weight = context.get(place.country, 0.0) - (own_weight if place.country == own_country else 0.0)
    return weight > 0 or any(place.country in cs for cs in cue_countries.values())


class _Support:
    """How much the article's other names back a candidate: places cluster.

    Each name's first-pass candidates carry a probability (softmax of their
    scores); a candidate is backed by every other name with a likely
    candidate within about 150 km or in the same first-level division
    ("Hershey", "Palmyra" and "Annville" put "Lebanon" in Pennsylvania).
    Grid cells keep this linear in the number of candidates.
    """

    _CELL = 1.5  # degrees: neighbouring cells span roughly 150-300 km
    _TOP = 5

    def __init__(self, first: dict[str, list[tuple[float, Candidate]]]) -> None:
        self.cells: dict[tuple[int, int], dict[str, float]] = defaultdict(dict)
        self.divisions: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
        for key, scored in first.items():
            top = scored[: self._TOP]
            peak = top[0][0]
            weights = [math.exp(sc - peak) for sc, _ in top]
            norm = sum(weights)
            for w, (_, cand) in zip(weights, top, strict=True):
                p = w / norm
                place = cand.place
                if (p < 0.05 or place.latitude is None or cand.kind == KIND_COUNTRY or place.country is None
                        or cand.quality == Q_FUZZY):
                    continue
                cell = self.cells[self._cell(place)]
                cell[key] = max(cell.get(key, 0.0), p)
                if place.admin1:
                    div = self.divisions[(place.country, place.admin1)]
                    div[key] = max(div.get(key, 0.0), p)

    def _cell(self, place: Place) -> tuple[int, int]:
        return int(math.floor(place.latitude / self._CELL)), int(math.floor(place.longitude / self._CELL))

    def of(self, key: str, place: Place, *, nearby: bool = True) -> float:
        """Summed probability of other names' candidates near ``place``, capped at 2.

        ``nearby=False`` counts only candidates in the same division (for a
        division itself, whose point says little about its extent).
        """
        if place.latitude is None:
            return 0.0
        backers: dict[str, float] = {}
        y, x = self._cell(place)
        for dy, dx in ((dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)) if nearby else ():
            for other, p in self.cells.get((y + dy, x + dx), {}).items():
                backers[other] = max(backers.get(other, 0.0), p)
        if place.admin1:
            for other, p in self.divisions.get((place.country, place.admin1), {}).items():
                backers[other] = max(backers.get(other, 0.0), p)
        backers.pop(key, None)
        return min(sum(backers.values()), 2.0)


def _margin(scored: list[tuple[float, Candidate]]) -> float:
    return scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0


def _admin1_alias(gazetteer: Gazetteer, cand: Candidate, qualifier: str) -> bool:
    place = gazetteer.admin1(cand.place.country or "", qualifier)
    return place is not None and place.admin1 == cand.place.admin1


def _sentence_index(sentences: Sequence[tuple[int, int]]):
    starts = [s for s, _ in sentences]

    def index(offset: int) -> int:
        import bisect

        return bisect.bisect_right(starts, offset) - 1

    return index


# --------------------------------------------------------------------------- event location

_STRONG_CUE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|into|on\s+the\s+outskirts\s+of|outskirts\s+of|around|across|throughout"
    r"|captured|seized|recaptured|retook|retaken|took|overran|stormed|entered|liberated|besieged|shelled|bombed"
    r"|struck|hit|raided|attacked|control\s+of|battle\s+for|battle\s+of|fight\s+for|siege\s+of|assault\s+on"
    r"|offensive\s+on|attack\s+on|attacks\s+on|fall\s+of|north\s+of|south\s+of|east\s+of|west\s+of)"
    r"\s+(?:(?:the|a|an)\s+)?(?:(?:town|city|village|province|district|region|area|capital|northern|southern"
    r"|eastern|western|central|besieged|embattled|key|[a-z]+-held|[a-z]+-controlled)\s+(?:of\s+)?)*)$",
    re.I,
)
_ROUTE = re.compile(r"\b(?:connecting|linking|between|road\s+(?:from|to)|highway\s+(?:from|to)|route\s+(?:from|to))\b", re.I)
_WEAK_CUE = re.compile(r"\b(?:from|to|toward|towards|headquarters|stronghold|strongholds|capital|based)\b[^,.;]{0,25}$", re.I)


def _country_point(iso3: str) -> Place | None:
    """A country at its GeoNames point, from the package's country table."""
    row = countries.country(iso3)
    if row is None or row.latitude is None:
        return None
    return Place(row.name, row.latitude, row.longitude, row.iso3, feature="A.PCLI", precision="country")


def _qualifies_previous(text: str, toponyms: Sequence[Toponym], t: Toponym) -> bool:
    """Whether a toponym only qualifies the one before it ("Raqqa, Syria" -> Syria)."""
    for prev in toponyms:
        if prev.span.end <= t.span.start and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[prev.span.end : t.span.start]):
            return True
    return False


_NAME_PART = re.compile(r"[ \t]+([A-Z][\w'’.-]*)")
_NOT_A_NAME_PART = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday province governorate district region state
    city county valley oblast prefecture municipality town village area""".split()
)
_MODIFIED = re.compile(r"[ \t]+([a-z][a-z-]+)")
_FUNCTION_WORDS = frozenset(
    """and or but in on at to for from with by of as is was were are has had have says said say
    after before since during when while where which that who whose than then itself""".split()
)


def _names_something_else(text: str, t: Toponym, strong_cue: bool) -> bool:
    """Whether a toponym only names something else: "Supreme Court", "Pakistan Army", "U.S. troops".

    A place heading an organisation's, facility's or street's name is not where
    the event happened ("Bethel Memorial Methodist Church", "Tite Street"),
    nor is a country used as an adjective without "in"/"at" before it.
    """
    after = text[t.span.end : t.span.end + 40]
    m = _NAME_PART.match(after)
    if m and m.group(1).lower().rstrip(".") not in _NOT_A_NAME_PART and not _starts_sentence(text, t, m.group(1)):
        return True
    if t.place.precision == "country" and not strong_cue:
        m = _MODIFIED.match(after)
        return bool(m and m.group(1) not in _FUNCTION_WORDS)
    return False


def _starts_sentence(text: str, t: Toponym, word: str) -> bool:
    """Whether the capitalised word after an abbreviated place opens the next sentence ("in the U.K. Fortunately")."""
    if not text[t.span.start : t.span.end].endswith("."):
        return False
    low = word.lower().rstrip(".,;:")
    return low in _FUNCTION_WORDS or low in _SENTENCE_OPENERS or low.endswith("ly")


_SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you this these those there its their his her our however meanwhile
    also yet still some many most no one two three police officials authorities""".split()
)


def _event_score(text: str, t: Toponym, toponyms: Sequence[Toponym], lo: int, anchor: int | None) -> float | None:
    """How likely a toponym is where the event of ``text[lo:...]`` happened; None if it cannot be."""
    if t.place is None or t.place.country is None:  # continents and world regions are never the place
        return None
    after = text[t.span.end : t.span.end + 12]
    # "U.S.-led coalition", "Iraqi-backed": a modifier, not a location.
    if re.match(r"-\w", after) or re.match(r"['’]s\b", after):
        return None
    if _qualifies_previous(text, toponyms, t):
        return None
    before = text[max(lo, t.span.start - 60) : t.span.start]
    strong_cue = bool(_STRONG_CUE.search(before))
    if _names_something_else(text, t, strong_cue):
        return None
    score = 0.0
    if strong_cue:
        score += 3.0
    elif _WEAK_CUE.search(before):
        score += 0.5
    clause = text[lo : t.span.start]
    clause = clause[max(clause.rfind(";"), clause.rfind(". ")) + 1 :]
    if _ROUTE.search(clause):
        score -= 4.0
    if re.search(r"\b(?:headquarters|stronghold|strongholds|capital|base|home)\s+(?:in|of)\s+(?:the\s+)?$", before, re.I):
        score -= 1.0
    score += {"place": 0.6, "admin1": 0.3}.get(t.place.precision or "", 0.0)
    if anchor is not None:
        score -= min(abs(t.span.start - anchor), 300) / 150.0
    return score


def _best_in(text: str, toponyms: Sequence[Toponym], lo: int, hi: int, anchor: int | None) -> tuple[float, Toponym] | None:
    best = None
    for t in toponyms:
        if lo <= t.span.start and t.span.end <= hi:
            score = _event_score(text, t, toponyms, lo, anchor)
            if score is not None and (best is None or score > best[0]):
                best = (score, t)
    return best


def locate_event(
    doc,
    toponyms: Sequence[Toponym],
    *,
    evidence: Span,
    trigger: Span | None = None,
    dateline: Toponym | None = None,
) -> tuple[Place | None, Span | None]:
    """The place where an event happened, and the span of the toponym it was read from.

    Prefers a toponym in the evidence introduced by "in/at/near/outside", the
    object of "captured/seized/lost control of", close to the trigger, over
    places in appositions ("Raqqa, Syria") and routes ("the road connecting
    Raqqa to Mosul"). Without one, falls back to the best toponym of the
    nearest preceding sentence of the same paragraph, then the dateline, then
    the article's dominant country; fallbacks return a None span.

    Args:
        doc: The article's spaCy Doc (only its text, as the parser read it, and sentences are read).
        toponyms: The article's toponyms from :func:`find_toponyms`.
        evidence: The event's evidence span.
        trigger: The event's trigger word, if known.
        dateline: The article's dateline toponym, if any.

    Returns:
        ``(place, span)``; ``(None, None)`` when nothing places the event.
    """
    # The cues read letter case ("Paris offices" vs "Paris Prosecutor"): in wire
    # copy written in capitals they read the parser's true-cased copy.
    text = cased_text(doc)
    toponyms = sorted((t for t in toponyms if t.place is not None), key=lambda t: t.span.start)
    anchor = trigger.start if trigger is not None else None
    best = _best_in(text, toponyms, evidence.start, evidence.end, anchor)
    if best is not None and best[0] > -2.0:
        return best[1].place, best[1].span

    # The paragraph's earlier sentences, nearest first ("... as they fled the city").
    para_start = max(text.rfind("\n", 0, evidence.start) + 1, 0)
    if doc.has_annotation("SENT_START"):
        windows = [(max(s.start_char, para_start), min(s.end_char, evidence.start))
                   for s in doc.sents if s.end_char > para_start and s.start_char < evidence.start]
    else:
        windows = [(para_start, evidence.start)]
    for lo, hi in reversed(windows):
        found = _best_in(text, toponyms, lo, hi, hi)
        if found is not None and found[0] > -1.0:
            return found[1].place, None
    if dateline is not None and dateline.place is not None:
        return dateline.place, None
    countries = Counter(t.place.country for t in toponyms if t.place.country)
    if countries:
        iso = countries.most_common(1)[0][0]
        for t in toponyms:
            if t.place.precision == "country" and t.place.country == iso:
                return t.place, None
        point = _country_point(iso)
        if point is not None:
            return point, None
    return None, None
