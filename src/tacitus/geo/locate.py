"""The place where an event happened, among the article's resolved toponyms.

Takes an article's spaCy ``Doc``, its resolved
:class:`~tacitus.models.Toponym` records (from :mod:`.resolve`) and one
event's evidence span; returns the :class:`~tacitus.models.Place` where the
event happened and the span it was read from (``locate_event``).

An event's place is never a continent, a country used as an adjective ("U.S.
troops") or a place heading another name ("Supreme Court", "Tite Street"); a
place on a route ("the road connecting Raqqa to Mosul") or in an apposition
("Raqqa, Syria") yields to the place the event is said to be in.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

from .. import countries
from ..models import Place, Span, Toponym
from ..nlp import cased_text

logger = logging.getLogger(__name__)

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
