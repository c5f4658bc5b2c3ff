"""Casualty phrases -> fatalities and wounded.

Takes the evidence text of one event (a sentence or a few) and returns a
:class:`~tacitus.models.Casualties`: how many were killed (with an upper bound
where a range is given) and how many wounded, each with the :class:`Span` of
the number phrase it was read from, offset into the article.

Pure functions over plain text: no spaCy. The text is cut into tokens, number
phrases ("at least 132", "4,000 to 5,000", "twenty-three", "dozens", "a police
officer") are found, chained into victim lists ("three policemen and four
civilians") and tied to a casualty predicate on either side:

* an active verb before the list: "killing 6 civilians", "wounded two others";
* a passive or intransitive predicate after it: "6 people were killed",
  "the seven crew members died", "5 killed, 12 wounded", "left 3 dead";
* a death toll: "the death toll rose to 40", "claimed 5 lives".

Coding rules (CODEBOOK section 3, "Numbers, coded conservatively"):

* "at least N", "more than N", "over N", "nearly N", "about N", "up to N":
  the stated number N. "Nearly 50" is coded 50 because the codebook codes the
  number the source states, whatever the hedge; "fewer than N" states no
  usable count and yields nothing.
* "4,000 to 5,000", "4,000-5,000", "between 10 and 15", "two or three": the
  low end, with ``fatalities_high`` the high end.
* several / a few / a handful = 3, a couple = 2, a dozen / dozens = 12,
  scores = 20, hundreds = 100, thousands = 1000; "a"/"an"/"another"/"his" +
  a singular noun counts one person when a casualty predicate applies to it.
* Items of one list are summed ("two soldiers and a civilian" = 3); items
  after "including", "among them", "of whom" are a subset and never added.
* Separate counts of the same field in one evidence text are summed only when
  they clearly count different victims: the later one says so ("also",
  "another", "other", "more", "additional", "further", "as well"), or both
  name specific and different victim groups ("two soldiers were killed ...
  three civilians died"). Otherwise the larger is kept, so a restated or
  partial count never inflates the total.
* A death toll ("the death toll rose to 15", "raising the toll to 16") is a
  total: the result is at least the highest toll stated.
* Only killed / dead / died / death toll / lives / bodies / executed /
  beheaded / massacred / slain / murdered / shot dead ... count as
  fatalities; wounded / injured / hurt / hospitalised as wounded. Kidnapped,
  abducted, arrested, detained, displaced, missing, rescued people are never
  counted. "Casualties" alone is ambiguous (killed plus wounded) and is not
  coded, except "no casualties", which is 0 for both fields.
* Negations ("no one was killed", "no injuries were reported", "without
  casualties") give 0 for their field when no positive count is found;
  "no immediate reports of casualties" is not a confirmed zero.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from tacitus.models import Casualties, Span

logger = logging.getLogger(__name__)

__all__ = ["parse_count", "read_casualties"]

# --------------------------------------------------------------------------- lexicons

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague plurals and their codebook values.
_VAGUE = {
    "several": 3, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "millions": 1_000_000, "dozen": 12,
}
_HEDGES = (
    "at least", "at the least", "more than", "over", "well over", "just over", "nearly", "almost",
    "about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
    "up to", "as many as", "no fewer than", "no less than", "not less than", "close to",
    "upwards of", "in excess of", "a total of", "total of", "a further", "an additional",
    "additional", "further", "another", "a minimum of", "a reported", "reportedly",
    "all", "all the", "all of the", "the", "both",
)
_FEWER = ("fewer than", "less than", "under", "below", "at most")
_ADDITIVE_HEDGES = {"a further", "an additional", "additional", "further"}

# Words that end a noun phrase (function words, auxiliaries, predicates).
_STOP = {
    "and", "or", "but", "nor", "as", "at", "by", "for", "from", "in", "into", "of", "off", "on",
    "onto", "over", "to", "toward", "towards", "with", "within", "without", "near", "during",
    "after", "before", "since", "until", "when", "while", "where", "who", "whom", "whose",
    "which", "that", "this", "these", "those", "than", "then", "there", "here", "is", "are",
    "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could",
    "should", "may", "might", "must", "can", "did", "do", "does", "also", "including",
    "included", "among", "amongst", "not", "no", "all", "both", "each", "reportedly",
    "later", "allegedly", "say", "says", "said", "according", "inside", "outside", "across",
    "against", "between", "along", "amid", "behind", "under", "through", "throughout",
    "about", "around", "got", "get", "left", "leaving", "found", "he", "she", "it", "they",
    "we", "you", "i", "him", "her", "them", "his", "its", "their", "our", "the", "a", "an",
    "if", "so", "because", "once", "yet", "either", "neither", "whether", "out", "up", "down",
    "today", "yesterday", "tonight", "overnight", "earlier", "instantly", "immediately",
}

_FATAL_PASSIVE = {
    "killed", "dead", "died", "die", "dies", "dying", "murdered", "executed", "beheaded",
    "massacred", "slain", "slaughtered", "assassinated", "perished", "lynched", "decapitated",
    "martyred", "burnt", "burned", "deceased", "crucified", "strangled", "electrocuted",
}
_WOUND_PASSIVE = {
    "wounded", "injured", "hurt", "hospitalised", "hospitalized", "maimed", "injuried",
}
_FATAL_ACTIVE = {
    "kill", "kills", "killed", "killing", "murder", "murders", "murdered", "murdering",
    "execute", "executes", "executed", "executing", "behead", "beheads", "beheaded",
    "beheading", "massacre", "massacres", "massacred", "massacring", "slay", "slays", "slew",
    "slaying", "slaughter", "slaughters", "slaughtered", "slaughtering", "assassinate",
    "assassinates", "assassinated", "assassinating", "lynch", "lynched", "lynching",
    "decapitated", "decapitating", "crucified",
}
_WOUND_ACTIVE = {
    "wound", "wounds", "wounded", "wounding", "injure", "injures", "injured", "injuring",
    "hurt", "hurts", "hurting", "maim", "maims", "maimed", "maiming",
}
# Two-word predicates that mean killed ("shot dead", "gunned down", "burned to death").
_FATAL_PHRASES = (
    ("shot", "dead"), ("gunned", "down"), ("shot", "to", "death"), ("beaten", "to", "death"),
    ("stabbed", "to", "death"), ("hacked", "to", "death"), ("burned", "to", "death"),
    ("burnt", "to", "death"), ("stoned", "to", "death"), ("tortured", "to", "death"),
    ("bludgeoned", "to", "death"), ("clubbed", "to", "death"), ("crushed", "to", "death"),
    ("lost", "their", "lives"), ("lost", "his", "life"), ("lost", "her", "life"),
    ("lost", "lives"), ("found", "dead"), ("confirmed", "dead"), ("confirmed", "killed"),
    ("killed", "in", "action"), ("fatally", "shot"), ("fatally", "wounded"),
    ("fatally", "injured"), ("fatally", "stabbed"), ("mortally", "wounded"),
    ("declared", "dead"), ("pronounced", "dead"), ("shot", "and", "killed"),
    ("succumbed",), ("drowned",), ("shoot", "dead"), ("sacrificed", "their", "lives"),
    ("gave", "their", "lives"), ("to", "death"), ("laid", "down", "their", "lives"), ("found", "killed"),
)
_FATAL_ACTIVE_PHRASES = (
    ("shot", "dead"), ("shooting", "dead"), ("shoot", "dead"), ("shoots", "dead"),
    ("gunned", "down"), ("gunning", "down"),
    ("shot", "and", "killed"), ("fatally", "shot"), ("fatally", "wounding"),
    ("fatally", "wounded"), ("fatally", "stabbed"), ("fatally", "stabbing"),
    ("claiming", "the", "lives", "of"), ("claimed", "the", "lives", "of"),
    ("took", "the", "lives", "of"), ("taking", "the", "lives", "of"),
    ("cost", "the", "lives", "of"), ("costing", "the", "lives", "of"),
    ("deaths", "of"), ("death", "of"), ("the", "killing", "of"),
    ("the", "killings", "of"), ("the", "murder", "of"), ("the", "murders", "of"),
    ("the", "execution", "of"), ("the", "executions", "of"), ("the", "massacre", "of"),
    ("the", "bodies", "of"), ("bodies", "of"), ("the", "lives", "of"),
)
_WOUND_ACTIVE_PHRASES = (
    ("injuries", "to"), ("injury", "to"), ("injury", "of"), ("injuries", "of"), ("the", "wounding", "of"),
    ("the", "injuring", "of"), ("sending",), ("hospitalising",), ("hospitalizing",),
)
# Head nouns that are themselves casualties: "5 deaths", "claimed 12 lives".
_FATAL_NOUNS = {"deaths", "death", "fatalities", "fatality", "dead", "lives", "bodies", "corpses"}
_WOUND_NOUNS = {"injuries", "injured", "wounded"}
# Words allowed between a list and its predicate ("were reportedly all killed").
_AUX = {
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got", "get",
    "gets", "also", "reportedly", "found", "allegedly", "all", "both", "later", "subsequently",
    "eventually", "instantly", "immediately", "reported", "officially", "who", "that",
    "seriously", "critically", "severely", "slightly", "lightly", "badly", "gravely",
    "grievously", "mildly", "moderately", "fatally", "mortally", "left", "then", "too",
    "each", "apparently", "likely", "either", "were", "now", "themselves", "in", "total",
    "had", "will", "would", "may", "since",
}
_ADDITIVE_WORDS = {"also", "another", "other", "others", "more", "additional", "further", "too"}
# A list preceded by one of these is a subset of a count already made.
_SUBSET = {"including", "included", "among", "amongst", "incl", "namely", "mostly", "mainly", "whom"}
# Heads that never count victims (durations, ages, money, weapons, vehicles, places).
_NON_PERSON = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "second", "seconds", "decade", "decades", "night", "nights",
    "km", "kilometres", "kilometers", "kilometre", "kilometer", "mile", "miles", "metres",
    "meters", "metre", "meter", "feet", "foot", "kg", "kilograms", "pounds", "tons", "tonnes",
    "percent", "per", "cent", "dollars", "dollar", "euros", "rupees", "usd", "pm", "am",
    "bomb", "bombs", "explosive", "explosives", "device", "devices", "ied", "ieds", "grenade",
    "grenades", "rocket", "rockets", "mortar", "mortars", "shell", "shells", "missile",
    "missiles", "mine", "mines", "landmine", "landmines", "car", "cars", "vehicle", "vehicles",
    "truck", "trucks", "bus", "buses", "tank", "tanks", "helicopter", "helicopters", "plane",
    "planes", "aircraft", "jet", "jets", "drone", "drones", "boat", "boats", "ship", "ships",
    "house", "houses", "home", "homes", "building", "buildings", "shop", "shops", "school",
    "schools", "village", "villages", "town", "towns", "city", "cities", "district",
    "districts", "province", "provinces", "country", "countries", "attack", "attacks",
    "blast", "blasts", "explosion", "explosions", "bombing", "bombings", "incident",
    "incidents", "raid", "raids", "strike", "strikes", "airstrike", "airstrikes", "round",
    "rounds", "shot", "shots", "bullet", "bullets", "gun", "guns", "rifle", "rifles", "weapon",
    "weapons", "point", "points", "time", "times", "place", "places", "location", "locations",
    "site", "sites", "area", "areas", "part", "parts", "side", "sides", "case", "cases",
    "group", "groups", "cell", "cells", "brigade", "brigades", "battalion", "battalions",
    "unit", "units", "division", "divisions", "company", "companies", "camp", "camps",
    "church", "churches", "mosque", "mosques", "checkpoint", "checkpoints", "post", "posts",
    "base", "bases", "office", "offices", "station", "stations", "hospital", "hospitals",
    "story", "stories", "floor", "floors", "animal", "animals", "cattle", "cows", "goats",
    "sheep", "horses", "dogs", "camels", "video", "videos", "million", "billion", "count",
    "counts", "charges", "charge", "sentence", "sentences", "occasions", "occasion",
}
_NUM_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_RANGE_RE = re.compile(rf"({_NUM_RE.pattern})\s*[-–—]\s*({_NUM_RE.pattern})")
# Abbreviations keep their dots ("U.S.", "a.m."); "." ":" "," join digits only
# ("1,200", "10:30", "1.5"), so "attack:8" and "Kashmir.Five" split.
_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|(?:lt|col|gen|capt|sgt|maj|dr|mr|mrs|ms|st|no|cpl|pvt|brig|lieut|rev|gov|sen|rep)\.(?=\s+[A-Z])"
    r"|[\w$%€£]+(?:(?:[-'’/]|(?<=\d)[.,:–—](?=\d))[\w$%€£]+)*"
    r"|[^\w\s]",
    re.IGNORECASE,
)
_SENTENCE_END = {".", "!", "?", ";", ":"}
_TOLL_WORDS = {"toll", "tally", "count"}


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    low: str
    start: int
    end: int
    newline_before: bool


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    prev_end = 0
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        gap = text[prev_end : m.start()]
        tokens.append(_Token(word, word.lower(), m.start(), m.end(), "\n" in gap))
        prev_end = m.end()
    return tokens


def _word_number(words: list[str], i: int) -> tuple[int, int] | None:
    """A spelled-out (or digit + scale) number at ``words[i]``: (value, tokens used)."""
    total = 0
    current = 0
    j = i
    seen = False
    while j < len(words):
        w = words[j]
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS and 0 < _UNITS[parts[1]] < 10:
            if seen and current % 100 != 0:
                break
            current += _TENS[parts[0]] + _UNITS[parts[1]]
        elif w in _UNITS:
            if seen and current % 100 != 0 and current % 10 != 0:
                break
            if seen and current % 100 != 0 and _UNITS[w] >= 10:
                break
            current += _UNITS[w]
        elif w in _TENS:
            if seen and current % 100 != 0:
                break
            current += _TENS[w]
        elif w in _SCALES and (seen or (j == i and w == "hundred")):
            if not seen:
                break
            if _SCALES[w] == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * _SCALES[w]
                current = 0
        elif not seen and _NUM_RE.fullmatch(w) and "." not in w and j + 1 < len(words) and words[j + 1] in _SCALES:
            current = int(w.replace(",", ""))
        elif not seen and re.fullmatch(r"\d+\.\d+", w) and j + 1 < len(words) and words[j + 1] in ("million", "thousand"):
            value = float(w) * _SCALES[words[j + 1]]
            return int(value), 2
        elif w == "and" and seen and j + 1 < len(words) and (words[j + 1] in _UNITS or words[j + 1] in _TENS or "-" in words[j + 1]) and (total or current >= 100):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j - i


@dataclass(frozen=True, slots=True)
class _Count:
    low: int
    high: int | None
    start: int  # token index of the first token (hedge included)
    end: int  # token index after the last number token
    hedge: str
    vague: bool


def _number_at(low: list[str], i: int) -> tuple[int, int | None, int, bool] | None:
    """The bare number at token ``i``: (low, high, tokens used, vague)."""
    w = low[i]
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if w in ("a", "an") and nxt in ("few", "handful"):
        if i + 2 < len(low) and low[i + 2] in ("hundred", "thousand", "dozen"):
            return 3 * {"hundred": 100, "thousand": 1000, "dozen": 12}[low[i + 2]], None, 3, True
        return 3, None, 2, True
    if w in ("a", "an") and nxt == "couple":
        return 2, None, 2, True
    if w in ("a", "an") and nxt == "dozen":
        return 12, None, 2, True
    if w in ("a", "an") and nxt in ("hundred", "thousand", "million"):
        got = _word_number(["one"] + low[i + 1 : i + 8], 0)
        if got is not None:
            return got[0], None, got[1], False
    if w == "tens" and nxt == "of" and i + 2 < len(low) and low[i + 2] == "thousands":
        return 10_000, None, 3, True
    if w == "hundreds" and nxt == "of" and i + 2 < len(low) and low[i + 2] == "thousands":
        return 100_000, None, 3, True
    if w in ("several", "few") and nxt in ("hundred", "thousand", "dozen"):
        if w == "few":
            return None
        return 3 * {"hundred": 100, "thousand": 1000, "dozen": 12}[nxt], None, 2, True
    if w in _VAGUE and w != "dozen":
        return _VAGUE[w], None, 1, True
    m = _RANGE_RE.fullmatch(w)
    if m:
        lo, hi = (int(float(g.replace(",", ""))) for g in m.groups())
        if hi > lo:
            return lo, hi, 1, False
        return None
    if _NUM_RE.fullmatch(w):
        if nxt in _SCALES or nxt == "dozen":
            if nxt == "dozen":
                return int(float(w.replace(",", ""))) * 12, None, 2, False
            got = _word_number(low[i : i + 8], 0)
            if got:
                return got[0], None, got[1], False
        if "." in w:
            return None
        return int(w.replace(",", "")), None, 1, False
    got = _word_number(low[i : i + 8], 0)
    if got:
        value, used = got
        if i + used < len(low) and low[i + used] == "dozen":
            return value * 12, None, used + 1, False
        return value, None, used, False
    return None


def _count_at(low: list[str], i: int) -> _Count | None:
    """A count phrase (hedge + number or range) starting at token ``i``."""
    hedge = ""
    j = i
    for h in sorted(_FEWER + _HEDGES, key=lambda s: -len(s.split())):
        parts = h.split()
        if low[j : j + len(parts)] == parts:
            hedge = h
            j += len(parts)
            break
    if j >= len(low):
        return None
    if low[j] == "between":
        first = _number_at(low, j + 1)
        if first and j + 1 + first[2] < len(low) and low[j + 1 + first[2]] == "and":
            k = j + 2 + first[2]
            second = _number_at(low, k) if k < len(low) else None
            if second and second[0] > first[0]:
                return _Count(first[0], second[0], i, k + second[2], "between", False)
        return None
    got = _number_at(low, j)
    if got is None:
        return None
    value, high, used, vague = got
    if hedge in _FEWER:
        return None
    end = j + used
    # "4,000 to 5,000", "two or three", "10-15".
    if high is None and end + 1 < len(low) and low[end] in ("to", "or", "-", "–", "—"):
        second = _number_at(low, end + 1)
        if second and second[1] is None and second[0] > value and not second[3]:
            high = second[0]
            end = end + 1 + second[2]
    return _Count(value, high, i, end, hedge, vague)


# --------------------------------------------------------------------------- victim lists


@dataclass(frozen=True, slots=True)
class _Item:
    low: int
    high: int
    start: int  # token index
    end: int  # token index after the noun phrase
    num_end: int  # token index after the number phrase
    head: str  # head noun ("" when the count stands alone)
    additive: bool
    words: tuple[str, ...]  # the noun phrase
    relative: bool = False  # "two others", "another", "four more": relative to the count before


def _is_year(tok: str, prev: str, nxt: str) -> bool:
    if not re.fullmatch(r"1[5-9]\d\d|20\d\d", tok):
        return False
    return prev in ("in", "since", "of", "until", "by", "from", "during") or nxt not in _PEOPLE_PLURAL


_PEOPLE_PLURAL = {"people", "persons", "civilians", "soldiers", "men", "women", "children", "others"}


def _noun_phrase(low: list[str], toks: list[_Token], i: int, limit: int = 6) -> int:
    """Token index after a short noun phrase starting at ``i`` (no POS tags: stop words end it)."""
    j = i
    while j < len(low) and j - i < limit:
        w = low[j]
        if w == "(" and j > i:
            close = next((k for k in range(j + 1, min(j + 6, len(low))) if low[k] == ")"), None)
            if close is None:
                break
            j = close + 1
            continue
        if not re.match(r"[^\W\d_]", w) and not re.fullmatch(r"\d+-[a-z-]+", w):
            break
        if j > i and toks[j].newline_before:
            break
        if w in _STOP or w in _FATAL_PASSIVE or w in _WOUND_PASSIVE or w in _FATAL_ACTIVE or w in _WOUND_ACTIVE:
            break
        if j > i and w.endswith("ing") and w not in ("sibling", "siblings", "offspring", "viking"):
            break
        if w.endswith("ly") and w not in ("family", "elderly", "italy", "assembly", "ally"):
            break
        if w in _VERBISH:
            break
        j += 1
    return j


# Participles that end a noun phrase though they are not casualty words.
_VERBISH = {
    "shot", "gunned", "stabbed", "beaten", "hacked", "burnt", "lost", "taken", "kidnapped",
    "abducted", "arrested", "detained", "missing", "rescued", "freed", "released", "held",
    "displaced", "evacuated", "hijack", "hijacked", "attack", "attacked", "open", "opened",
    "fired", "die", "dies", "sustained", "suffered", "received", "remain", "remained",
}
_PREPOSITIONS = {"of", "from", "in", "at", "for", "with", "near", "on", "to", "by", "against", "into", "toward", "towards"}
_SINGULAR_DETS = {"a", "an", "another", "his", "her", "their", "its", "one", "the"}
_PRONOUNS = {"him", "her", "himself", "herself"}


def _item_at(low: list[str], toks: list[_Token], i: int) -> _Item | None:
    """One victim item at token ``i``: "at least 12 people", "a policeman", "his son", "him"."""
    w = low[i]
    if w in _PRONOUNS and not (i + 1 < len(low) and re.match(r"[^\W\d_]", low[i + 1]) and low[i + 1] not in _STOP):
        return _Item(1, 1, i, i + 1, i + 1, w, False, (w,))
    count = _count_at(low, i)
    if count is not None and count.hedge == "" and any(
        low[max(0, i - len(h.split())) : i] == h.split() for h in _FEWER
    ):
        return None  # "fewer than 10": no usable count
    if count is not None:
        num_tok = low[count.end - 1]
        prev = low[count.start - 1] if count.start > 0 else ""
        nxt = low[count.end] if count.end < len(low) else ""
        if count.high is None and _is_year(num_tok, prev, nxt):
            return None
        if nxt in ("%", "percent", "per") or prev in ("$", "€", "£", "us$", "no", "number", "route", "flight", "no."):
            return None
        if re.fullmatch(r"\d+[:.]\d+", num_tok) or nxt in ("am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "hrs"):
            return None
        head_start = count.end
        if nxt == "of":
            # "one of the attackers", "dozens of people", "two of them"
            k = count.end + 1
            if k < len(low) and low[k] in ("them", "whom", "those", "us"):
                return _Item(count.low, _high(count), count.start, k + 1, count.end, low[k], False, (low[k],))
            if k < len(low) and low[k] in ("the", "these", "his", "her", "their", "its"):
                k += 1
            whole = _count_at(low, k) if k < len(low) else None
            if whole is not None and whole.hedge == "" and not whole.vague:
                k = whole.end  # "12 of 15 judicial officials"
            head_start = k
        end = _noun_phrase(low, toks, head_start)
        if head_start > count.end and end == head_start:
            return None
        words = tuple(low[head_start:end])
        head = words[-1] if words else ""
        if head in _NON_PERSON or words[:2] in (("year", "old"), ("years", "old")) or prev == "aged":
            return None
        if any(re.fullmatch(r"\d+-\w+", x) and not x.endswith("old") for x in words):
            return None  # "19-minute video", "3-hour siege": a measure, not people
        if count.hedge in ("the", "all the", "all of the", "both") and count.vague:
            return None
        additive = count.hedge in _ADDITIVE_HEDGES
        relative = count.hedge == "another" or head in ("others", "more") or "other" in words
        if not words and nxt in ("more", "others", "other"):
            relative = True
            end += 1
            head = nxt
            words = (nxt,)
        return _Item(count.low, _high(count), count.start, end, count.end, head, additive, words, relative)
    if w in _SINGULAR_DETS and not (i > 0 and low[i - 1] in _PREPOSITIONS):
        start = i + 1
        end = _noun_phrase(low, toks, start)
        if end == start:
            if w == "another" or (w == "one" and i + 1 < len(low) and low[i + 1] in _AUX | _FATAL_PASSIVE | _WOUND_PASSIVE):
                return _Item(1, 1, i, i + 1, i + 1, w, False, (w,), w == "another")
            return None
        words = tuple(low[start:end])
        head = words[-1]
        if head in _NON_PERSON or head in _FATAL_NOUNS or head in _WOUND_NOUNS:
            return None
        if not _singular_person(head, strict=w not in ("a", "an", "another", "one")):
            return None
        return _Item(1, 1, i, end, end, head, False, words, w == "another" or "other" in words)
    return None


def _high(count: _Count) -> int:
    return count.high if count.high is not None else count.low


_PERSON = {
    "man", "woman", "child", "boy", "girl", "baby", "infant", "toddler", "teenager", "teen",
    "youth", "person", "individual", "civilian", "soldier", "officer", "policeman",
    "policewoman", "cop", "constable", "trooper", "guard", "bodyguard", "militant", "fighter",
    "rebel", "insurgent", "gunman", "attacker", "assailant", "bomber", "perpetrator",
    "terrorist", "jihadist", "extremist", "militiaman", "worker", "employee", "official",
    "leader", "commander", "chief", "member", "lawmaker", "politician", "mayor", "governor",
    "judge", "lawyer", "journalist", "reporter", "photographer", "cameraman", "doctor",
    "nurse", "priest", "imam", "monk", "pastor", "cleric", "nun", "bishop", "rabbi",
    "worshipper", "worshiper", "pilgrim", "tourist", "passenger", "driver", "pilot", "farmer",
    "villager", "resident", "shopkeeper", "trader", "merchant", "businessman", "businesswoman",
    "son", "daughter", "wife", "husband", "father", "mother", "brother", "sister", "cousin",
    "nephew", "niece", "uncle", "aunt", "grandson", "granddaughter", "grandfather",
    "grandmother", "relative", "sergeant", "captain", "colonel", "general", "lieutenant",
    "major", "corporal", "marine", "sailor", "airman", "peacekeeper", "contractor",
    "engineer", "volunteer", "protester", "protestor", "demonstrator", "rioter", "activist",
    "supporter", "candidate", "minister", "president", "senator", "councillor", "councilor",
    "elder", "tribesman", "refugee", "migrant", "prisoner", "detainee", "inmate", "hostage",
    "pedestrian", "bystander", "customer", "shopper", "spectator", "student", "teacher",
    "pupil", "professor", "victim", "suspect", "agent", "informant", "commando", "jawan",
    "recruit", "cadet", "mp", "deputy", "inspector", "superintendent", "principal",
    "friend", "neighbour", "neighbor", "guest", "owner", "occupant", "mechanic", "labourer",
    "laborer", "miner", "fisherman", "herder", "shepherd", "vendor", "seller", "clerk",
    "secretary", "spokesman", "spokesperson", "translator", "interpreter", "medic",
    "paramedic", "firefighter", "ranger", "warden", "staffer", "diplomat", "ambassador",
    "consul", "envoy", "sheikh", "mullah", "mufti", "emir", "chieftain", "headman",
    "sarpanch", "councilman", "legislator", "commissioner", "administrator", "magistrate",
    "prosecutor", "operative", "someone", "somebody", "citizen", "national", "settler",
    "hijacker", "kidnapper", "jihadi", "militiaman", "guerrilla", "guerilla", "sniper",
}
_PERSON_SUFFIXES = ("man", "woman", "ist", "ian", "ier", "ee", "ant", "ent", "or", "er", "ess", "ie")
# Heads that name the side that attacked (used only when perpetrators are not counted).
_PERPETRATORS = {
    "attacker", "attackers", "gunman", "gunmen", "militant", "militants", "terrorist",
    "terrorists", "insurgent", "insurgents", "bomber", "bombers", "assailant", "assailants",
    "jihadist", "jihadists", "jihadis", "taliban", "hijacker", "hijackers", "extremist",
    "extremists", "perpetrator", "perpetrators", "rebels", "rebel", "guerrillas", "guerrilla",
    "himself", "herself", "themselves", "naxals", "naxalites",
    "maoists", "kidnappers", "suspects", "suspect", "raiders", "assailants", "militiamen",
}


def _singular_person(head: str, *, strict: bool) -> bool:
    """Whether a singular head noun plausibly names one person."""
    if head in _PERSON:
        return True
    if strict:
        return False
    if head.endswith("s") and not head.endswith(("ss", "us")):
        return False
    return head.endswith(_PERSON_SUFFIXES)


def _victim_list(low: list[str], toks: list[_Token], i: int) -> list[_Item]:
    """Items chained by "," / "and" from token ``i`` ("two soldiers and a civilian")."""
    items: list[_Item] = []
    saw_and = False
    comma_at: int | None = None
    j = i
    while j < len(low):
        item = _item_at(low, toks, j)
        if item is None or (items and _kind(item) != _kind(items[0])):
            break
        items.append(item)
        j = item.end
        if j >= len(low):
            break
        # "a member of the security forces and a civilian": the list goes on
        # past a prepositional phrase that qualifies the item.
        pp_end = _skip_pp(low, toks, j)
        if pp_end > j and pp_end < len(low) and low[pp_end] == "and" and pp_end + 1 < len(low) \
                and _item_at(low, toks, pp_end + 1) is not None:
            j = pp_end
        if low[j] == "and":
            k, is_and = j + 1, True
        elif low[j] == "," and j + 1 < len(low) and low[j + 1] == "and":
            k, is_and = j + 2, True
        elif low[j] == ",":
            k, is_and = j + 1, False
        elif low[j : j + 3] == ["as", "well", "as"] or low[j : j + 2] == ["along", "with"]:
            k, is_and = j + (3 if low[j] == "as" else 2), True
        else:
            break
        if k >= len(low) or toks[k].newline_before:
            break
        if is_and:
            saw_and = True
        elif comma_at is None:
            comma_at = len(items)
        j = k
    # "A, B and C" is a list; "killing 10, one attacker ..." is two clauses.
    if comma_at is not None and not saw_and:
        items = items[:comma_at]
    # "five men, three Catholic and two Protestant": a breakdown of the first item.
    if comma_at == 1 and len(items) > 2 and items[0].low == sum(it.low for it in items[1:]):
        items = items[:1]
    return items


def _skip_pp(low: list[str], toks: list[_Token], j: int) -> int:
    """Token index after a prepositional phrase at ``j`` ("of the border police"), or ``j``."""
    if j >= len(low) or low[j] not in ("of", "from", "with", "belonging"):
        return j
    k = j + 1
    if low[j] == "belonging" and low[k : k + 1] == ["to"]:
        k += 1
    if k < len(low) and low[k] in ("the", "a", "an", "his", "her", "their", "its"):
        k += 1
    end = _noun_phrase(low, toks, k, limit=6)
    return end if end > k else j


def _kind(item: _Item) -> str:
    if item.head in _FATAL_NOUNS:
        return "fatal"
    if item.head in _WOUND_NOUNS:
        return "wound"
    return "people"


# --------------------------------------------------------------------------- predicates


def _match_phrase(low: list[str], j: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    for p in phrases:
        if tuple(low[j : j + len(p)]) == p:
            return len(p)
    return 0


_BARE_PARTICIPLES = {"killed", "murdered", "executed", "beheaded", "massacred", "slaughtered",
                     "wounded", "injured", "hurt", "assassinated", "slain", "lynched"}
_TAIL_STOPS = {",", "when", "while", "after", "as", "but", "because", "which", "where", "if",
               "since", "before", "said", "says", "though", "although", "whereas", "so", "until"}


def _predicate(low: list[str], toks: list[_Token], j: int, *, left: bool = False) -> tuple[str | None, bool]:
    """The field a predicate after a list reports: ("fatal" / "wound" / None, additive).

    Skips auxiliaries ("were reportedly all killed") and, with an auxiliary, the
    rest of the subject's noun phrase ("40 personnel belonging to the CRPF were
    killed"; "44 people, most of them women, were killed"). A bare participle
    with an object after it ("two gunmen killed three people") is active, so
    the list before it is not its victims. ``left``: the list follows "left" /
    "leaving", where a bare participle is a complement ("left 3 soldiers killed").
    """
    field, additive = _predicate_at(low, j, bare=True)
    if field is not None:
        return field, additive
    k = j
    while k < len(low) and k - j < 14:
        w = low[k]
        if w in _SENTENCE_END or (toks[k].newline_before and k > j):
            return None, False
        if w == "," and _in_subset(low, j, k):
            # "27 peasants, including several children, were killed"; "including A, B and C have been killed"
            field, additive = _predicate_at(low, k + 1, bare=True)
            if field is not None:
                return field, additive
            k += 1
            continue
        if w == "," and low[k + 1 : k + 2] in (["including"], ["among"]):
            k += 1
            continue
        if w == ",":
            # A parenthetical between commas: ", most of them civilians,".
            close = next((n for n in range(k + 1, min(k + 18, len(low))) if low[n] in _SENTENCE_END or low[n] == ","), None)
            if close is None or low[close] != ",":
                return None, False
            return _predicate_at(low, close + 1, bare=True)
        if w in ("including", "among"):
            k += 1
            continue
        if w in _TAIL_STOPS:
            return None, False
        if w in _AUX_START or (left and (w in _FATAL_PASSIVE or w in _WOUND_PASSIVE)):
            return _predicate_at(low, k, bare=left)
        if k > j and w not in ("one",) and not _in_subset(low, j, k) and _item_at(low, toks, k) is not None:
            return None, False
        if w in _FATAL_ACTIVE or w in _WOUND_ACTIVE:
            return None, False
        k += 1
    return None, False


_AUX_START = {"was", "were", "are", "is", "have", "has", "had", "died", "die", "dies", "dead", "who",
              "lost", "perished", "succumbed"}


def _in_subset(low: list[str], j: int, k: int) -> bool:
    return any(w in ("including", "among") for w in low[j:k])


def _predicate_at(low: list[str], j: int, *, bare: bool) -> tuple[str | None, bool]:
    additive = False
    k = j
    steps = 0
    while k < len(low) and steps < 6:
        w = low[k]
        n = _match_phrase(low, k, _FATAL_PHRASES)
        if n:
            return ("fatal" if not _ambiguous_pair(low, k + n) else None), additive
        if w in _FATAL_PASSIVE or w in _WOUND_PASSIVE:
            field = "fatal" if w in _FATAL_PASSIVE else "wound"
            if w in ("burnt", "burned") and not (k + 1 < len(low) and low[k + 1] in ("to", "alive")):
                return None, additive
            if _ambiguous_pair(low, k + 1):
                return None, additive
            if k == j and w in _BARE_PARTICIPLES and (not bare or _has_object(low, k + 1)):
                return None, additive
            return field, additive
        if w in ("sustained", "suffered", "received") and k + 1 < len(low):
            rest = low[k + 1 : k + 4]
            if any(x.startswith(("injur", "wound")) for x in rest):  # "sustained bullet wounds"
                return ("wound" if not any(x in ("fatal", "mortal") for x in rest) else "fatal"), additive
            return None, additive
        if w in _AUX and not (w == "in" and low[k + 1 : k + 2] != ["total"]):
            if w in ("also", "too"):
                additive = True
            k += 1
            steps += 1
            continue
        # "were kidnapped and killed": the second verb is the predicate.
        if k > j and w.endswith("ed") and low[k + 1 : k + 2] == ["and"]:
            k += 2
            steps += 2
            continue
        return None, additive
    return None, additive


def _ambiguous_pair(low: list[str], k: int) -> bool:
    """ "killed or wounded", "killed and injured": one count for two fields."""
    if k + 1 < len(low) and low[k] in ("or", "and", "/"):
        nxt = low[k + 1]
        if nxt in ("seriously", "critically", "severely", "badly"):
            nxt = low[k + 2] if k + 2 < len(low) else ""
        if nxt in _FATAL_PASSIVE or nxt in _WOUND_PASSIVE or nxt == "missing":
            return True
    return False


_OBJECT_STARTS = {
    "at", "more", "over", "nearly", "some", "about", "around", "up", "all", "the", "a", "an",
    "his", "her", "their", "him", "them", "several", "dozens", "scores", "hundreds",
    "thousands", "another", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "its",
}


def _has_object(low: list[str], k: int) -> bool:
    if k >= len(low):
        return False
    w = low[k]
    return w in _OBJECT_STARTS or w in _UNITS or w in _TENS or bool(_NUM_RE.fullmatch(w))


def _active_field(low: list[str], i: int) -> tuple[str | None, bool]:
    """The field an active verb just before token ``i`` reports, and whether it is ambiguous."""
    if i == 0:
        return None, False
    for phrases, field in ((_FATAL_ACTIVE_PHRASES, "fatal"), (_WOUND_ACTIVE_PHRASES, "wound")):
        n = next((len(p) for p in phrases if i >= len(p) and tuple(low[i - len(p) : i]) == p), 0)
        if n:
            return field, False
    k = i - 1
    if low[k] == "," and k >= 1 and low[k - 1].endswith("ing") and (low[k - 1] in _FATAL_ACTIVE or low[k - 1] in _WOUND_ACTIVE):
        k -= 1  # "killing, ten and wounding 25": a stray comma
    w = low[k]
    # "killed all", "wounded at least": the hedge is part of the count, adverbs are skipped.
    if w in ("seriously", "critically", "severely", "lightly", "slightly", "badly") and k >= 1:
        k -= 1
        w = low[k]
    if w in _FATAL_ACTIVE or w in _WOUND_ACTIVE:
        field = "fatal" if w in _FATAL_ACTIVE else "wound"
        before = low[k - 1] if k >= 1 else ""
        before2 = low[k - 2] if k >= 2 else ""
        # "killed and wounded 30", "killing or injuring dozens": one count, two fields.
        if before in ("and", "or", "/") and (before2 in _FATAL_ACTIVE or before2 in _WOUND_ACTIVE):
            if ("fatal" if before2 in _FATAL_ACTIVE else "wound") != field:
                return None, True
        if before in ("was", "were", "been", "being", "is", "are", "be"):
            return None, False
        return field, False
    return None, False


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class _Mention:
    field: str  # "fatal" or "wound"
    low: int
    high: int
    start: int  # char offsets (text-relative)
    end: int
    toll: bool = False
    additive: bool = False
    heads: tuple[str, ...] = ()
    subset: bool = False
    victims_low: int = 0  # the same count without the items that name attackers
    victims_high: int = 0
    relative: bool = False


_GENERIC_HEADS = {
    "", "people", "persons", "person", "victims", "individuals", "others", "other", "more",
    "them", "whom", "one", "another", "dead", "lives", "deaths", "death", "fatalities",
    "bodies", "injured", "wounded", "injuries",
}
# A count the attackers claim ("IS claimed that they killed over 100") is not a confirmed toll.
_CLAIM = re.compile(r"\bclaim(?:s|ed|ing)?\s+(?:that|to\s+have|it|they|he)\b", re.IGNORECASE)


def _is_subset(low: list[str], toks: list[_Token], i: int) -> bool:
    """Whether the list at ``i`` sits in a subset clause ("including 2 women", "among the dead")."""
    k = i - 1
    while k >= 0 and i - k <= 4:
        w = low[k]
        if w in _SUBSET:
            return True
        if w in _SENTENCE_END or w == "," or toks[k + 1].newline_before:
            return False
        k -= 1
    return False


def _is_perpetrator(item: _Item) -> bool:
    return item.head in _PERPETRATORS or any(w in _PERPETRATORS for w in item.words)


def _mentions(text: str) -> list[_Mention]:
    toks = _tokenize(text)
    low = [t.low for t in toks]
    mentions: list[_Mention] = []
    covered: list[tuple[int, int]] = []  # token ranges already read as a list + predicate
    i = 0
    while i < len(low):
        toll = _toll_at(low, i)
        if toll is not None:
            field, count, toll_end = toll
            if count is not None:
                high = _high(count)
                mentions.append(_Mention(field, count.low, high, toks[count.start].start,
                                         toks[count.end - 1].end, toll=True,
                                         victims_low=count.low, victims_high=high))
            i = toll_end
            continue
        items = _victim_list(low, toks, i)
        if not items:
            i += 1
            continue
        field, ambiguous = _active_field(low, i)
        subset = _is_subset(low, toks, i)
        additive = False
        if field is not None or subset:
            # An object list ends before an item that has its own predicate:
            # "killed 26 people and more than 50 were wounded".
            for n, item in enumerate(items[1:], start=1):
                if item.end < len(low) and (low[item.end] in ("was", "were", "are", "is", "have", "had")
                                            or _predicate_at(low, item.end, bare=True)[0]):
                    items = items[:n]
                    break
        end = items[-1].end
        if field is None and not ambiguous:
            left = i > 0 and low[i - 1] in ("left", "leaving", "leave", "leaves")
            field, additive = _predicate(low, toks, end, left=left)
            kinds = {_kind(it) for it in items}
            if field is None and kinds == {"fatal"}:
                field = "fatal"  # "5 deaths", "claimed 12 lives"
            elif field is None and kinds == {"wound"}:
                field = "wound"  # "12 injured", "3 injuries"
        if field is None:
            i = max(items[0].num_end, i + 1)
            continue
        sentence = _sentence_start(low, toks, i)
        if _CLAIM.search(text[toks[sentence].start : toks[i].start]):
            i = end
            continue
        if any(low[it.num_end : it.num_end + 2] == ["of", "whom"] for it in items):
            subset = True
        victims = [it for it in items if not _is_perpetrator(it)]
        mentions.append(_Mention(
            field,
            sum(it.low for it in items),
            sum(it.high for it in items),
            toks[items[0].start].start,
            toks[items[0].num_end - 1].end if len(items) == 1 else toks[end - 1].end,
            additive=additive or any(it.additive for it in items),
            heads=tuple(it.head for it in items),
            subset=subset,
            victims_low=sum(it.low for it in victims),
            victims_high=sum(it.high for it in victims),
            relative=all(it.relative for it in items),
        ))
        pred = next((k for k in range(end, min(end + 20, len(low)))
                     if low[k] in _FATAL_PASSIVE or low[k] in _WOUND_PASSIVE or low[k] in _SENTENCE_END), end)
        covered.append((i, pred))
        i = end
    mentions.extend(_singular_passives(low, toks, covered))
    mentions.sort(key=lambda m: m.start)
    return _resolve_relatives(mentions)


def _resolve_relatives(mentions: list[_Mention]) -> list[_Mention]:
    """ "Two others", "another four": read against the count just before.

    They add to it only when it counts the same field ("one died on the spot
    and two others in hospital"), not when they contrast with it ("killing 3 and
    wounding 5 others"); and they name attackers when it did ("three Taliban
    were killed and seven others wounded").
    """
    out: list[_Mention] = []
    for n, m in enumerate(mentions):
        prev = mentions[n - 1] if n else None
        if m.relative and prev is not None and not prev.toll:
            if prev.field == m.field:
                m = replace(m, additive=True)
            if prev.victims_low == 0 and prev.low > 0:
                m = replace(m, victims_low=0, victims_high=0)
        out.append(m)
    return out


def _sentence_start(low: list[str], toks: list[_Token], i: int) -> int:
    k = i
    while k > 0 and low[k - 1] not in _SENTENCE_END and not toks[k].newline_before:
        k -= 1
    return k


def _singular_passives(low: list[str], toks: list[_Token], covered: list[tuple[int, int]]) -> list[_Mention]:
    """One victim for each "<someone> was killed" whose subject no list has counted.

    A singular "was" before a casualty predicate counts exactly one person,
    whoever the subject is ("Col. Yuri Budanov was shot dead", "he was wounded").
    """
    found: list[_Mention] = []
    for k, w in enumerate(low):
        if w != "was" or k == 0:
            continue
        if any(a <= k <= b for a, b in covered):
            continue
        field, additive = _predicate_at(low, k, bare=False)
        if field is None:
            continue
        subject = low[max(0, k - 3) : k]
        # "who was also injured" restates someone a list may already hold.
        if {"one", "nobody", "none", "no-one", "else", "no"} & set(subject[-2:]) or subject[-1] in (",", "it", "which", "that", "there", "who"):
            continue
        if low[k - 1] in _NON_PERSON or low[k - 1] in _FATAL_NOUNS:
            continue
        start = toks[k - 1].start
        found.append(_Mention(field, 1, 1, start, toks[k - 1].end, additive=additive,
                              heads=(low[k - 1],), victims_low=0 if low[k - 1] in _PERPETRATORS else 1,
                              victims_high=0 if low[k - 1] in _PERPETRATORS else 1))
    return found


def _toll_at(low: list[str], i: int) -> tuple[str, _Count | None, int] | None:
    """A death/injury toll at ``i`` ("death toll rose to 40", "raising the toll to 16")."""
    w = low[i]
    prev = low[i - 1] if i > 0 else ""
    field: str | None = None
    k = i + 1
    if w in _TOLL_WORDS and prev in ("death", "fatality", "casualty"):
        field = "fatal" if prev != "casualty" else None
    elif w == "toll" and prev in ("the", "final", "official", "its", "a", "latest", "new"):
        field = "fatal"
    elif w == "toll" and prev == "injury":
        field = "wound"
    elif w == "number" and low[i + 1 : i + 2] == ["of"] and i + 2 < len(low):
        nxt = low[i + 2] if low[i + 2] not in ("people", "those") else (low[i + 3] if i + 3 < len(low) else "")
        if nxt in ("dead", "deaths", "fatalities", "killed", "victims"):
            field = "fatal"
        elif nxt in ("injured", "wounded", "injuries"):
            field = "wound"
        k = i + 3
    if field is None:
        return None
    steps = 0
    while k < len(low) and steps < 10 and low[k] not in _SENTENCE_END:
        count = _count_at(low, k)
        if count is not None and count.hedge not in ("the", "all", "all the", "all of the", "another"):
            nxt = low[count.end] if count.end < len(low) else ""
            if nxt in _NON_PERSON or (count.high is None and _is_year(low[count.end - 1], low[k - 1], nxt)):
                k = count.end
                steps += 1
                continue
            return field, count, count.end
        k += 1
        steps += 1
    return field, None, k


# --------------------------------------------------------------------------- negations

_WHO = r"(?:no\s+one|no-one|nobody|none(?:\s+of\s+(?:them|the\s+\w+))?)(?:\s+else)?"
_BE = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|got|being)"
_KILLED = r"(?:killed|dead|died)"
_HURT = r"(?:(?:seriously|badly|severely)\s+)?(?:injured|wounded|hurt|harmed)"
_ZERO_BOTH = re.compile(
    rf"\b(?:no|zero|without(?:\s+any)?|did\s+not\s+cause\s+any|caused\s+no)\s+(?:reported\s+)?casualt(?:y|ies)\b"
    rf"|\b{_WHO}\s+{_BE}\s+(?:{_KILLED}|{_HURT})\s+(?:or|and|nor)\s+(?:{_KILLED}|{_HURT})\b"
    r"|\bno\s+(?:deaths|fatalities)\s+or\s+injuries\b|\bno\s+injuries\s+or\s+deaths\b",
    re.IGNORECASE,
)
_ZERO_FATAL = re.compile(
    rf"\b{_WHO}\s+(?:{_BE}\s+{_KILLED}|died)\b"
    r"|\bno\s+(?:reported\s+)?(?:deaths|fatalities|loss\s+of\s+li(?:fe|ves)|lives\s+were\s+lost)\b"
    r"|\bwithout\s+(?:any\s+)?(?:loss\s+of\s+life|fatalities|deaths)\b"
    r"|\bkill(?:ed|ing)\s+no\s*(?:one|-one|body)\b",
    re.IGNORECASE,
)
_ZERO_WOUND = re.compile(
    rf"\b{_WHO}\s+{_BE}\s+{_HURT}\b"
    r"|\bno\s+(?:reported\s+)?(?:injuries|injured|wounded)\b"
    r"|\bwithout\s+(?:any\s+)?injur(?:y|ies)\b"
    r"|\b(?:injur|wound|hurt)(?:ed|ing)\s+no\s*(?:one|-one|body)\b",
    re.IGNORECASE,
)
# Not a confirmed zero: "no immediate reports of casualties", "no one else was hurt".
_NOT_ZERO_BEFORE = re.compile(
    r"\b(?:reports?|word|information|details|news|confirmation)\s+(?:of\s+|about\s+)?(?:any\s+)?$"
    r"|\b(?:immediate|immediately|yet|so\s+far|initial)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _zeros(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The first confirmed-zero phrase for fatalities and for wounded."""
    fatal = wound = None
    for pattern, fields in ((_ZERO_BOTH, "fw"), (_ZERO_FATAL, "f"), (_ZERO_WOUND, "w")):
        for m in pattern.finditer(text):
            if re.search(r"\belse\b|\bother\b|\bserious|\bmajor\b", m.group(), re.IGNORECASE):
                continue
            if _NOT_ZERO_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
                continue
            if "f" in fields and fatal is None:
                fatal = m
            if "w" in fields and wound is None:
                wound = m
    return fatal, wound


# --------------------------------------------------------------------------- public API


def _combine(mentions: list[_Mention], *, perpetrators: bool) -> tuple[int, int, int, int] | None:
    """Fold the mentions of one field: (low, high, span start, span end) or None.

    Consecutive mentions merge into one group when the later one clearly counts
    other victims (an additive word, or a specific victim group not named
    before); the result is the largest group or toll.
    """
    if not perpetrators:
        if any(m.victims_low for m in mentions):
            mentions = [replace(m, low=m.victims_low, high=m.victims_high) for m in mentions if m.victims_low]
    counts = [m for m in mentions if not m.toll and not m.subset]
    best: tuple[int, int, _Mention] | None = None
    group: tuple[int, int, _Mention] | None = None
    heads: set[str] = set()
    # "The attacker was also killed after he killed 4": an additive count
    # before any other one waits for the group it adds to.
    pending = [m for m in counts[: next((n for n, m in enumerate(counts) if not m.additive), 0)]]
    counts = counts[len(pending) :] or pending
    if counts is pending:
        pending = []
    for m in counts:
        specific = {h for h in m.heads if h not in _GENERIC_HEADS}
        distinct = bool(specific) and bool(heads) and not (heads & (specific | _GENERIC_HEADS))
        if group is None and pending:
            group = (sum(p.low for p in pending), sum(p.high for p in pending), pending[0])
            heads = {h for p in pending for h in p.heads}
            pending = []
            distinct = True
        if group is not None and (m.additive or distinct):
            group = (group[0] + m.low, group[1] + m.high, group[2] if group[2].low >= m.low else m)
            heads |= set(m.heads)
        else:
            group = (m.low, m.high, m)
            heads = set(m.heads)
        if best is None or group[0] > best[0]:
            best = group
    for m in mentions:
        if m.toll and (best is None or m.low >= best[0]):
            best = (m.low, m.high, m)
    if best is None:
        # Only subset counts ("including 2 women"): the largest is still a lower bound.
        subsets = [m for m in mentions if m.subset]
        if not subsets:
            return None
        top = max(subsets, key=lambda m: m.low)
        best = (top.low, top.high, top)
    return best[0], best[1], best[2].start, best[2].end


def read_casualties(text: str, *, offset: int = 0, perpetrators: bool = True) -> Casualties:
    """Read fatalities and wounded from the evidence text of one event.

    Args:
        text: the sentence(s) reporting the event.
        offset: where ``text`` starts in the article; every returned span is
            shifted by it so that it points into the article text.
        perpetrators: count attackers' deaths reported beside the victims'
            (the codebook default). False keeps victims only whenever a
            victim count exists, as the Wikipedia incident tables do.

    Returns:
        A :class:`Casualties`; a field is None when the text reports no
        number for it, 0 only for an explicit "no one was killed".
    """
    mentions = _mentions(text)
    fatal = _combine([m for m in mentions if m.field == "fatal"], perpetrators=perpetrators)
    wound = _combine([m for m in mentions if m.field == "wound"], perpetrators=perpetrators)
    zero_fatal, zero_wound = _zeros(text)

    def span(start: int, end: int) -> Span:
        return Span(start + offset, end + offset, text[start:end])

    fatalities = fatalities_high = wounded = None
    fatal_span = wound_span = None
    if fatal is not None:
        fatalities = fatal[0]
        fatalities_high = fatal[1] if fatal[1] != fatal[0] else None
        fatal_span = span(fatal[2], fatal[3])
    elif zero_fatal is not None:
        fatalities, fatal_span = 0, span(zero_fatal.start(), zero_fatal.end())
    if wound is not None:
        wounded = wound[0]
        wound_span = span(wound[2], wound[3])
    elif zero_wound is not None:
        wounded, wound_span = 0, span(zero_wound.start(), zero_wound.end())
    return Casualties(fatalities, fatalities_high, wounded, fatal_span, wound_span)


def parse_count(phrase: str) -> tuple[int, int | None] | None:
    """The number a count phrase states, coded conservatively.

    Args:
        phrase: e.g. "at least 132", "4,000 to 5,000", "between 10 and 15",
            "twenty-three", "dozens", "a hundred".

    Returns:
        ``(low, high)`` with ``high`` None unless a range is given, or None
        when the phrase states no usable number ("fewer than 10", "many").
    """
    low = [t.low for t in _tokenize(phrase.strip())]
    if not low:
        return None
    count = _count_at(low, 0)
    if count is None:
        return None
    return count.low, count.high
