"""Toponym resolution in context, and the place of each event.

Takes a spaCy ``Doc`` (or plain text and an ``nlp``) and a
:class:`~tacitus.geo.gazetteer.Gazetteer`; returns resolved
:class:`~tacitus.models.Toponym` records (``find_toponyms``,
``geoparse_text``) and, for one event, the :class:`~tacitus.models.Place`
where it happened with the span it was read from (``locate_event``).

Resolution scores every gazetteer candidate of a name with its prior (how the
name matched, feature kind, population) and the article's context: a
qualifier right after it ("Paris, Texas"; "Munduri village, Borno"), the
countries and divisions the article names (places cluster), demonyms in the
same sentence ("Sinjar, a key Iraqi town") and the user's region bias. One
sense per name and article: every mention of a name gets the same place.
"""

from __future__ import annotations

import csv
import functools
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from importlib import resources

from ..models import Place, Span, Toponym
from .gazetteer import KIND_ADMIN1, KIND_ADMIN2, KIND_COUNTRY, KIND_PLACE, Q_ALIAS, Q_PRIMARY, Candidate, Gazetteer
from .names import country_of_text, fold
from .recognize import CountryCue, Mention, _suffix_candidates, find_mentions

logger = logging.getLogger(__name__)

_KIND_PRIOR = {KIND_COUNTRY: 5.0, KIND_ADMIN1: 2.0, KIND_ADMIN2: 0.3, KIND_PLACE: 0.0}
_QUALITY_PRIOR = {Q_PRIMARY: 1.0, Q_ALIAS: 0.6}
_QUALIFIER = re.compile(r"\s*,\s*((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


def _prior(cand: Candidate) -> float:
    score = _QUALITY_PRIOR.get(cand.quality, 0.0) + (0.5 if cand.full_match else 0.0) + _KIND_PRIOR[cand.kind]
    if cand.kind == KIND_PLACE:
        score += 0.35 * math.log10(cand.place.population + 10)
        if cand.place.feature == "P.PPLC":
            score += 0.5
    return score


def _candidates(gazetteer: Gazetteer, name: str) -> tuple[Candidate, ...]:
    cands = gazetteer.candidates(name)
    if not cands:
        cands = _suffix_candidates(gazetteer, name)
    if not cands and name.isupper():
        cands = gazetteer.candidates(name.title())
    return cands


def _distance_km(a: Place, b: Place) -> float:
    if a.latitude is None or b.latitude is None:
        return float("inf")
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dl = math.radians(b.longitude - a.longitude)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def find_toponyms(doc, gazetteer: Gazetteer, *, prefer_countries: Sequence[str] = ()) -> list[Toponym]:
    """Recognise and resolve every toponym of a document, in context.

    Args:
        doc: A spaCy Doc (tagger and NER) of one article.
        gazetteer: The open gazetteer.
        prefer_countries: ISO3 codes whose places win ambiguous names.

    Returns:
        Toponyms in text order; spans are character offsets into ``doc.text``.
    """
    mentions, cues = find_mentions(doc, gazetteer)
    sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
    return resolve_mentions(doc.text, mentions, cues, gazetteer, prefer_countries=prefer_countries, sentences=sentences)


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

    # Demonyms in the same sentence: "Sinjar, a key Iraqi town".
    sentence_of = _sentence_index(sentences)
    cue_countries: dict[int, set[str]] = defaultdict(set)
    for cue in cues:
        cue_countries[sentence_of(cue.start)].add(cue.country)

    def score_all(context: Counter, admin1s: Counter, anchors: list[Place]) -> dict[str, list[tuple[float, Candidate]]]:
        total = sum(context.values()) or 1.0
        out: dict[str, list[tuple[float, Candidate]]] = {}
        for key in names:
            near_cues = set()
            for m in by_name[key]:
                near_cues |= cue_countries.get(sentence_of(m.start), set())
            scored = []
            cands = cands_of[key]
            admin1_countries = {c.place.country for c in cands if c.kind == KIND_ADMIN1}
            for cand in cands:
                place = cand.place
                s = _prior(cand) + qualifier_bonus[key].get(place, 0.0)
                if cand.kind == KIND_PLACE and place.country in admin1_countries:
                    # A town named like a division of its country: the division unless
                    # the town is a city ("Raqqa", "Kirkuk"; but "Indiana", "California").
                    s += 0.7 if place.population >= 100_000 else -1.5
                if place.country in prefer:
                    s += 1.0
                if place.country in near_cues:
                    s += 1.5
                share = context.get(place.country, 0.0) / total
                if cand.kind != KIND_COUNTRY and share:
                    s += 0.5 + 2.0 * share
                    if cand.kind == KIND_ADMIN1 and share > 0.5:
                        s += 1.0  # "Georgia" in an American story
                if cand.kind in (KIND_PLACE, KIND_ADMIN2) and place.admin1 and admin1s.get((place.country, place.admin1)):
                    s += 1.0
                if anchors and cand.kind in (KIND_PLACE, KIND_ADMIN2):
                    if any(a is not place and _distance_km(a, place) < 200 for a in anchors):
                        s += 1.2
                scored.append((s, cand))
            scored.sort(key=lambda x: -x[0])
            out[key] = scored
        return out

    # Pass 1 uses priors and explicit cues; pass 2 adds what pass 1 says the article is about.
    context: Counter = Counter()
    for cue in cues:
        context[cue.country] += 0.5
    first = score_all(context, Counter(), [])
    for key, scored in first.items():
        top = scored[0][1].place
        weight = len(by_name[key]) * (1.0 if _margin(scored) > 1.0 else 0.5)
        if top.country:
            context[top.country] += weight
    admin1s: Counter = Counter()
    anchors: list[Place] = []
    for key, scored in first.items():
        cand = scored[0][1]
        if cand.kind == KIND_ADMIN1:
            admin1s[(cand.place.country, cand.place.admin1)] += 1
        elif cand.kind in (KIND_PLACE, KIND_ADMIN2) and _margin(scored) > 1.5:
            anchors.append(cand.place)
    second = score_all(context, admin1s, anchors)

    toponyms = []
    for m in mentions:
        key = fold(m.text)
        scored = second.get(key)
        if not scored:
            continue
        confidence = 1.0 / (1.0 + math.exp(-_margin(scored))) if len(scored) > 1 else 0.9
        toponyms.append(Toponym(Span(m.start, m.end, text[m.start : m.end]), scored[0][1].place, round(confidence, 3)))
    return toponyms


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


@functools.lru_cache(maxsize=1)
def _country_points() -> dict[str, Place]:
    points = {}
    path = resources.files("tacitus.data").joinpath("places_countries.tsv")
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            if len(row) >= 4:
                name = row[3].split("|")[0]
                points[row[0]] = Place(name, float(row[1]), float(row[2]), row[0], feature="A.PCLI", precision="country")
    return points


def _qualifies_previous(text: str, toponyms: Sequence[Toponym], t: Toponym) -> bool:
    """Whether a toponym only qualifies the one before it ("Raqqa, Syria" -> Syria)."""
    for prev in toponyms:
        if prev.span.end <= t.span.start and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[prev.span.end : t.span.start]):
            return True
    return False


def _event_score(text: str, t: Toponym, toponyms: Sequence[Toponym], lo: int, anchor: int | None) -> float | None:
    """How likely a toponym is where the event of ``text[lo:...]`` happened; None if it cannot be."""
    if t.place is None:
        return None
    after = text[t.span.end : t.span.end + 12]
    # "U.S.-led coalition", "Iraqi-backed": a modifier, not a location.
    if re.match(r"-\w", after) or re.match(r"['’]s\b", after):
        return None
    if _qualifies_previous(text, toponyms, t):
        return None
    before = text[max(lo, t.span.start - 60) : t.span.start]
    score = 0.0
    if _STRONG_CUE.search(before):
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
        doc: The article's spaCy Doc (only ``doc.text`` and sentences are read).
        toponyms: The article's toponyms from :func:`find_toponyms`.
        evidence: The event's evidence span.
        trigger: The event's trigger word, if known.
        dateline: The article's dateline toponym, if any.

    Returns:
        ``(place, span)``; ``(None, None)`` when nothing places the event.
    """
    text = doc.text
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
        if iso in _country_points():
            return _country_points()[iso], None
    return None, None
