"""Toponym resolution in context.

Takes a spaCy ``Doc`` (or plain text and an ``nlp``) and a
:class:`~tacitus.geo.gazetteer.Gazetteer`; returns resolved
:class:`~tacitus.models.Toponym` records (``find_toponyms``,
``geoparse_text``). Where each event happened is :mod:`.locate`'s job.

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
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..models import Place, Span, Toponym
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
