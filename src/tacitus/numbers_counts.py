"""Count phrases -> numbers, coded as CODEBOOK section 3 says.

Takes plain text and returns its tokens (:class:`Token`, with character
offsets) and the count phrases found at a token: "at least 132" -> 132,
"4,000 to 5,000" -> 4000 with high 5000, "twenty-three", "two dozen",
"dozens" -> 12. Hedges ("at least", "more than", "nearly") keep the stated
number; "fewer than N" states no usable count.

Counts chain into victim lists (:func:`victim_list`, a list of :class:`Item`):
"three policemen and two civilians" (5), "a police officer and his son" (2),
"over 100 men, women and children" (100), "the other two", "as many Taliban"
(the count before), "both passengers" (2), "an entire family of five" (5).
:mod:`tacitus.numbers` ties these lists to casualty predicates; nothing here
decides whether a list counts the killed or the wounded.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from tacitus import numbers_lexicon as lex

__all__ = [
    "Count", "Item", "Token", "bare_person", "count_at", "is_participle", "is_year", "item_at", "kind",
    "number_at", "parse_count", "skip_pp", "tokenize", "upper", "victim_list",
]

NUM_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
RANGE_RE = re.compile(rf"({NUM_RE.pattern})\s*[-–—]\s*({NUM_RE.pattern})")
# Abbreviations keep their dots ("U.S.", "a.m."); "." ":" "," join digits only
# ("1,200", "10:30", "1.5"), so "attack:8" and "Kashmir.Five" split. A number
# glued to a word ("killing 11people") splits off it; "2nd", "10km", "1980s" stay whole.
BLANK = " " * 4
TOKEN_RE = re.compile(
    r"\d+(?=[^\W\d_]{4,})"
    r"|(?:[^\W\d_]\.){2,}"
    r"|(?:lt|col|gen|capt|sgt|maj|dr|mr|mrs|ms|st|no|cpl|pvt|brig|lieut|rev|gov|sen|rep)\.(?=\s+[A-Z])"
    r"|[\w$%€£]+(?:(?:[-'’/]|(?<=\d)[.,:–—](?=\d))[\w$%€£]+)*"
    r"|[^\w\s]",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True, slots=True)
class Token:
    """One word, number or punctuation mark with its character offsets in the text."""

    text: str
    low: str
    start: int
    end: int
    newline_before: bool  # a line break (or a masked-out stretch) before it: phrases end there


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation of ``text``, each with its offsets (no spaCy)."""
    tokens: list[Token] = []
    prev_end = 0
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        gap = text[prev_end : m.start()]
        # A long run of blanks is a stretch masked out of the text (another
        # event's words): no phrase reads across it.
        tokens.append(Token(word, word.lower(), m.start(), m.end(), "\n" in gap or BLANK in gap))
        prev_end = m.end()
    return tokens


def word_number(words: list[str], i: int) -> tuple[int, int] | None:
    """A spelled-out (or digit + scale) number at ``words[i]``: (value, tokens used)."""
    total = 0
    current = 0
    j = i
    seen = False
    while j < len(words):
        w = words[j]
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in lex.TENS and parts[1] in lex.UNITS and 0 < lex.UNITS[parts[1]] < 10:
            if seen and current % 100 != 0:
                break
            current += lex.TENS[parts[0]] + lex.UNITS[parts[1]]
        elif w in lex.UNITS:
            if seen and current % 100 != 0 and current % 10 != 0:
                break
            if seen and current % 100 != 0 and lex.UNITS[w] >= 10:
                break
            current += lex.UNITS[w]
        elif w in lex.TENS:
            if seen and current % 100 != 0:
                break
            current += lex.TENS[w]
        elif w in lex.SCALES and (seen or (j == i and w == "hundred")):
            if not seen:
                break
            if lex.SCALES[w] == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * lex.SCALES[w]
                current = 0
        elif not seen and NUM_RE.fullmatch(w) and "." not in w and j + 1 < len(words) and words[j + 1] in lex.SCALES:
            current = int(w.replace(",", ""))
        elif not seen and re.fullmatch(r"\d+\.\d+", w) and j + 1 < len(words) and words[j + 1] in ("million", "thousand"):
            value = float(w) * lex.SCALES[words[j + 1]]
            return int(value), 2
        elif w == "and" and seen and j + 1 < len(words) and (words[j + 1] in lex.UNITS or words[j + 1] in lex.TENS or "-" in words[j + 1]) and (total or current >= 100):
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
class Count:
    """A count phrase over tokens ``start``..``end``: its value, upper bound and hedge."""

    low: int
    high: int | None
    start: int  # token index of the first token (hedge included)
    end: int  # token index after the last number token
    hedge: str
    vague: bool


def number_at(low: list[str], i: int) -> tuple[int, int | None, int, bool] | None:
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
        got = word_number(["one"] + low[i + 1 : i + 8], 0)
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
    if w in lex.VAGUE and w != "dozen":
        return lex.VAGUE[w], None, 1, True
    m = RANGE_RE.fullmatch(w)
    if m:
        lo, hi = (int(float(g.replace(",", ""))) for g in m.groups())
        if hi > lo:
            return lo, hi, 1, False
        return None
    if NUM_RE.fullmatch(w):
        if nxt in lex.SCALES or nxt == "dozen":
            if nxt == "dozen":
                return int(float(w.replace(",", ""))) * 12, None, 2, False
            got = word_number(low[i : i + 8], 0)
            if got:
                return got[0], None, got[1], False
        if "." in w:
            return None
        return int(w.replace(",", "")), None, 1, False
    got = word_number(low[i : i + 8], 0)
    if got:
        value, used = got
        if i + used < len(low) and low[i + used] == "dozen":
            return value * 12, None, used + 1, False
        return value, None, used, False
    return None


@functools.lru_cache(maxsize=1)
def _hedges() -> tuple[tuple[str, list[str]], ...]:
    """Hedges ("at least", "fewer than") with their words, longest first."""
    return tuple((h, h.split()) for h in sorted(lex.FEWER + lex.HEDGES, key=lambda s: -len(s.split())))


def count_at(low: list[str], i: int) -> Count | None:
    """A count phrase (hedge + number or range) starting at token ``i``."""
    hedge = ""
    j = i
    for h, parts in _hedges():
        if low[j : j + len(parts)] == parts:
            hedge = h
            j += len(parts)
            break
    if j >= len(low):
        return None
    if low[j] == "between":
        first = number_at(low, j + 1)
        if first and j + 1 + first[2] < len(low) and low[j + 1 + first[2]] == "and":
            k = j + 2 + first[2]
            second = number_at(low, k) if k < len(low) else None
            if second and second[0] > first[0]:
                return Count(first[0], second[0], i, k + second[2], "between", False)
        return None
    got = number_at(low, j)
    if got is None and hedge == "at least" and low[j] in ("a", "an"):
        got = (1, None, 1, False)  # "killing at least a person": one, stated as a floor
    if got is None:
        return None
    value, high, used, vague = got
    if hedge in lex.FEWER:
        return None
    end = j + used
    # "4,000 to 5,000", "two or three", "10-15".
    if high is None and end + 1 < len(low) and low[end] in ("to", "or", "-", "–", "—"):
        second = number_at(low, end + 1)
        if second and second[1] is None and second[0] > value and not second[3]:
            high = second[0]
            end = end + 1 + second[2]
    return Count(value, high, i, end, hedge, vague)


def parse_count(phrase: str) -> tuple[int, int | None] | None:
    """The number a count phrase states, coded conservatively.

    Args:
        phrase: e.g. "at least 132", "4,000 to 5,000", "between 10 and 15",
            "twenty-three", "dozens", "a hundred".

    Returns:
        ``(low, high)`` with ``high`` None unless a range is given, or None
        when the phrase states no usable number ("fewer than 10", "many").
    """
    low = [t.low for t in tokenize(phrase.strip())]
    if not low:
        return None
    count = count_at(low, 0)
    if count is None:
        return None
    return count.low, count.high


# --------------------------------------------------------------------------- victim lists


@dataclass(frozen=True, slots=True)
class Item:
    low: int
    high: int
    start: int  # token index
    end: int  # token index after the noun phrase
    num_end: int  # token index after the number phrase
    head: str  # head noun ("" when the count stands alone)
    additive: bool
    words: tuple[str, ...]  # the noun phrase
    relative: bool = False  # "two others", "another", "four more": relative to the count before
    partitive: bool = False  # "one of the soldiers", "two of them": part of a group counted elsewhere


def is_year(tok: str, prev: str, nxt: str) -> bool:
    if not re.fullmatch(r"1[5-9]\d\d|20\d\d", tok):
        return False
    return prev in ("in", "since", "of", "until", "by", "from", "during") or nxt not in lex.PEOPLE_PLURAL


def _noun_phrase(low: list[str], toks: list[Token], i: int, limit: int = 6) -> int:
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
        if w in lex.STOP or w in lex.FATAL_PASSIVE or w in lex.WOUND_PASSIVE or w in lex.FATAL_ACTIVE or w in lex.WOUND_ACTIVE:
            break
        if j > i and w.endswith("ing") and w not in ("sibling", "siblings", "offspring", "viking"):
            break
        if w.endswith("ly") and w not in ("family", "elderly", "italy", "assembly", "ally"):
            break
        if w in lex.VERBISH:
            break
        j += 1
    return j


def item_at(low: list[str], toks: list[Token], i: int, previous: int | None = None) -> Item | None:
    """One victim item at token ``i``: "at least 12 people", "a policeman", "his son", "him".

    ``previous``: the count just before, which "as many" and "the same number" repeat.
    """
    w = low[i]
    same = _same_number_at(low, toks, i, previous)
    if same is not None:
        return same
    both = _both_at(low, toks, i)
    if both is not None:
        return both
    # "him", not "his son"; not "two civilians travelling with him"
    if w in lex.PRONOUNS and not (i + 1 < len(low) and re.match(r"[^\W\d_]", low[i + 1])
                                  and low[i + 1] not in lex.STOP) \
            and not (i > 0 and low[i - 1] in lex.PREPOSITIONS):
        return Item(1, 1, i, i + 1, i + 1, w, False, (w,))
    family = _family_at(low, i)
    if family is not None:
        return family
    if w in ("his", "her", "their") and low[i + 1 : i + 2] == ["parents"]:
        return Item(2, 2, i, i + 2, i + 2, "parents", False, ("parents",))  # "their parents were injured"
    other = _other_at(low, toks, i)
    if other is not None:
        return other
    count = count_at(low, i)
    if count is not None and count.hedge == "" and any(
        low[max(0, i - len(h.split())) : i] == h.split() for h in lex.FEWER
    ):
        return None  # "fewer than 10": no usable count
    if count is not None:
        num_tok = low[count.end - 1]
        prev = low[count.start - 1] if count.start > 0 else ""
        nxt = low[count.end] if count.end < len(low) else ""
        if count.high is None and is_year(num_tok, prev, nxt):
            return None
        if prev == "," and not count.hedge and nxt in (",", "and", ")", ".") and count.low < 120 \
                and _after_name(toks, count.start - 1):
            return None  # "Dante Boboy Jr., 16, were injured": an age after a name
        if nxt in ("%", "percent", "per") or prev in ("$", "€", "£", "us$", "no", "number", "route", "flight", "no."):
            return None
        if re.fullmatch(r"\d+[:.]\d+", num_tok) or nxt in ("am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "hrs"):
            return None
        head_start = count.end
        if nxt == "of":
            # "one of the attackers", "dozens of people", "two of them"
            k = count.end + 1
            if k < len(low) and low[k] in ("them", "whom", "those", "us"):
                return Item(count.low, upper(count), count.start, k + 1, count.end, low[k], False, (low[k],),
                             partitive=True)
            if k < len(low) and low[k] in ("the", "these", "his", "her", "their", "its"):
                k += 1
            whole = count_at(low, k) if k < len(low) else None
            if whole is not None and whole.hedge == "" and not whole.vague:
                k = whole.end  # "12 of 15 judicial officials"
            head_start = k
        end = _noun_phrase(low, toks, head_start)
        if head_start > count.end and end == head_start:
            return None
        words = tuple(low[head_start:end])
        head = words[-1] if words else ""
        if head in lex.NON_PERSON or words[:2] in (("year", "old"), ("years", "old")) or prev == "aged":
            return None
        if any(re.fullmatch(r"\d+-\w+", x) and not x.endswith("old") for x in words):
            return None  # "19-minute video", "3-hour siege": a measure, not people
        if count.hedge in ("the", "all the", "all of the", "both") and count.vague:
            return None
        additive = count.hedge in lex.ADDITIVE_HEDGES
        relative = count.hedge in ("another", "other") or head in ("others", "more") \
            or bool({"other", "more", "additional"} & set(words))
        if not words and nxt in ("more", "others", "other"):
            relative = True
            end += 1
            head = nxt
            words = (nxt,)
        return Item(count.low, upper(count), count.start, end, count.end, head, additive, words, relative,
                     partitive=head_start > count.end and count.hedge == "")
    if w in lex.SINGULAR_DETS and not (i > 0 and low[i - 1] in lex.PREPOSITIONS):
        start = i + 1
        end = _noun_phrase(low, toks, start)
        if end == start:
            if w == "another" or (w == "one" and i + 1 < len(low) and low[i + 1] in lex.AUX | lex.FATAL_PASSIVE | lex.WOUND_PASSIVE):
                return Item(1, 1, i, i + 1, i + 1, w, False, (w,), w == "another")
            return None
        words = tuple(low[start:end])
        head = words[-1]
        if head in lex.NON_PERSON or head in lex.FATAL_NOUNS or head in lex.WOUND_NOUNS:
            return None
        if not _singular_person(head, strict=w not in ("a", "an", "another", "one")):
            return None
        return Item(1, 1, i, end, end, head, False, words, w == "another" or "other" in words)
    return None


def _after_name(toks: list[Token], comma: int) -> bool:
    """Whether the word before the comma at ``comma`` is a name ("Dante Boboy Jr., 16"), not "In Kabul, 12"."""
    k = comma - 1
    if k >= 0 and toks[k].text == ".":
        k -= 1
    if k < 1 or not toks[k].text[:1].isupper():
        return False
    # A name has two capitalised words; a sentence-opening place phrase ("In Kabul,") does not.
    return toks[k - 1].text[:1].isupper() and toks[k - 1].low not in ("in", "on", "at", "near", "from")


def _other_at(low: list[str], toks: list[Token], i: int) -> Item | None:
    """The rest of a group counted just before: "the other", "the other two", "other one", "a fourth one".

    "Killing one and wounding the other": relative to the count before, so it
    never adds to a count of the other field.
    """
    w = low[i]
    k = i
    if w == "the" and low[i + 1 : i + 2] in (["other"], ["others"]):
        k = i + 2
        count = count_at(low, k) if k < len(low) else None
        if count is not None and not count.hedge:
            end = _noun_phrase(low, toks, count.end)
            return Item(count.low, upper(count), i, end, count.end, "others", False, ("others",), True)
        if low[i + 1] == "other" and (k >= len(low) or low[k] in lex.STOP or low[k] in lex.SENTENCE_END
                                      or low[k] in (",", "one") or is_participle(low[k])):
            end = k + 1 if low[k : k + 1] == ["one"] else k
            return Item(1, 1, i, end, end, "other", False, ("other",), True)
        return None
    if w in ("a", "an", "one") and low[i + 1 : i + 2] and low[i + 1] in lex.ORDINALS:
        k = i + 2  # "wounded a fourth one", "a second officer"
    elif w == "other" and low[i + 1 : i + 2] == ["one"]:
        k = i + 1  # "injuring other one"
    elif w == "other" and i > 0 and low[i - 1] == "and" and low[i + 1 : i + 2] and is_participle(low[i + 1]):
        return Item(1, 1, i, i + 1, i + 1, "other", False, ("other",), True)  # "one killed and other injured"
    else:
        return None
    end = _noun_phrase(low, toks, k)
    words = tuple(low[k:end])
    if words in ((), ("one",)) or (words and _singular_person(words[-1], strict=False)):
        return Item(1, 1, i, end, end, words[-1] if words else "one", False, words or ("one",), True)
    return None


def _same_number_at(low: list[str], toks: list[Token], i: int, previous: int | None) -> Item | None:
    """ "Killing 15 and wounding the same number", "three civilians and as many soldiers"."""
    if previous is None:
        return None
    k = i + 1 if low[i] in ("around", "about", "roughly", "nearly", "almost") else i
    for phrase in (("the", "same", "number"), ("a", "similar", "number"), ("as", "many")):
        if tuple(low[k : k + len(phrase)]) == phrase and low[k + len(phrase) : k + len(phrase) + 1] != ["as"]:
            k += len(phrase)
            break
    else:
        return None
    num_end = k
    if low[k : k + 1] == ["of"]:
        k += 1
    end = _noun_phrase(low, toks, k)
    words = tuple(low[k:end])
    return Item(previous, previous, i, end, num_end, words[-1] if words else "", False, words)


def _both_at(low: list[str], toks: list[Token], i: int) -> Item | None:
    """ "Both passengers", "both of them", "them both": two people (not "both soldiers and civilians")."""
    if low[i] == "them" and low[i + 1 : i + 2] == ["both"]:
        return Item(2, 2, i, i + 2, i + 2, "them", False, ("them",))
    if low[i] != "both" or (i > 0 and low[i - 1] in lex.AUX):
        return None
    if low[i + 1 : i + 3] == ["of", "them"]:
        return Item(2, 2, i, i + 3, i + 3, "them", False, ("them",))
    k = i + 2 if low[i + 1 : i + 2] == ["the"] else i + 1
    end = _noun_phrase(low, toks, k)
    words = tuple(low[k:end])
    if not words or low[end : end + 1] in (["and"], ["or"]) or words[-1] in lex.NON_PERSON:
        return None
    return Item(2, 2, i, end, i + 1, words[-1], False, words)


def _names_people(head: str) -> bool:
    """Whether a head noun names a kind of people ("soldiers", "civilian"), not a qualifier ("Catholic")."""
    if head in lex.GENERIC_HEADS or head in ("others", "other", "more"):
        return False
    return head in lex.PERPETRATORS or head in lex.PERSON or head[:-1] in lex.PERSON \
        or head.endswith(("men", "women", "ers", "ists", "ians", "ees", "ants", "ents"))


def is_participle(w: str) -> bool:
    return w in lex.FATAL_PASSIVE or w in lex.WOUND_PASSIVE


def upper(count: Count) -> int:
    return count.high if count.high is not None else count.low


def _singular_person(head: str, *, strict: bool) -> bool:
    """Whether a singular head noun plausibly names one person."""
    if head in lex.PERSON:
        return True
    if strict:
        return False
    if head.endswith("s") and not head.endswith(("ss", "us")):
        return False
    return head.endswith(lex.PERSON_SUFFIXES)


def _family_at(low: list[str], i: int) -> Item | None:
    """ "an entire family of five": the family's size counts its members."""
    k = i + 1 if low[i] in ("a", "an", "the", "his", "her", "their") else i
    if low[k : k + 1] in (["entire"], ["whole"]):
        k += 1
    if low[k : k + 2] != ["family", "of"] or k + 2 >= len(low):
        return None
    count = count_at(low, k + 2)
    if count is None or count.hedge:
        return None
    return Item(count.low, upper(count), i, count.end, count.end, "family", False, ("family",))


def bare_person(low: list[str], toks: list[Token], i: int, *, titled: bool = False) -> Item | None:
    """A singular person with no determiner: "the father and 14-year-old daughter".

    ``titled``: the person noun may be a title before a name ("Father Hamel").
    """
    end = _noun_phrase(low, toks, i, limit=4)
    if end == i or low[end - 1] not in lex.PERSON and not (titled and lex.PERSON & set(low[i:end])):
        return None
    if titled and not (toks[i].text[:1].isupper() or low[end - 1] in lex.PERSON):
        return None
    return Item(1, 1, i, end, end, low[end - 1], False, tuple(low[i:end]))


def victim_list(low: list[str], toks: list[Token], i: int, previous: int | None = None) -> list[Item]:
    """Items chained by "," / "and" from token ``i`` ("two soldiers and a civilian").

    ``previous``: the count before the list, which "as many" repeats.
    """
    items: list[Item] = []
    # "... and 4 civilians, and 235 others were wounded": a list that starts
    # after "and" continues one, whose "and" has been said.
    saw_and = i > 0 and low[i - 1] == "and"
    comma_at: int | None = None
    j = i
    while j < len(low):
        item = item_at(low, toks, j, items[-1].low if items else previous)
        if item is None and items and low[j - 1] == "and":
            item = bare_person(low, toks, j)
        if item is None or (items and kind(item) != kind(items[0])):
            break
        items.append(item)
        j = item.end
        if j >= len(low):
            break
        # "a member of the security forces and a civilian": the list goes on
        # past a prepositional phrase that qualifies the item.
        pp_end = skip_pp(low, toks, j)
        if pp_end > j and pp_end < len(low) and low[pp_end] == "and" and pp_end + 1 < len(low) \
                and item_at(low, toks, pp_end + 1) is not None:
            j = pp_end
        if items[-1].num_end < items[-1].end:
            j = _skip_bare_plurals(low, toks, j)  # "over 100 men, women and children"
            items[-1] = replace(items[-1], end=j)
            if j >= len(low):
                break
        if toks[j].newline_before:
            break
        if low[j] == "and":
            k, is_and = j + 1, True
        elif saw_and and low[j] == ",":
            # "two soldiers and a civilian, another 14 were wounded": after "and"
            # the list is over; a comma starts a new clause.
            break
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
    # "five men, three Catholic and two Protestant": a breakdown of the first
    # item, which names nobody in particular ("four soldiers, three attackers and
    # one civilian" is a list).
    if comma_at == 1 and len(items) > 2 and items[0].low == sum(it.low for it in items[1:]) \
            and (items[0].head in lex.GENERIC_HEADS | lex.GENERIC_PEOPLE
                 or not all(_names_people(it.head) for it in items[1:])):
        items = items[:1]
    return items


def _skip_bare_plurals(low: list[str], toks: list[Token], j: int) -> int:
    """Token index after uncounted plural nouns that go on a counted item's noun phrase, or ``j``.

    "100 men, women and children": the count covers all three nouns.
    """
    k = j
    while k + 1 < len(low) and low[k] in (",", "and"):
        n = k + 2 if low[k] == "," and low[k + 1] == "and" else k + 1
        if n >= len(low) or low[n] not in lex.BARE_PLURALS or toks[n].newline_before:
            break
        k = n + 1
    return k


def skip_pp(low: list[str], toks: list[Token], j: int) -> int:
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


def kind(item: Item) -> str:
    if item.head in lex.FATAL_NOUNS:
        return "fatal"
    if item.head in lex.WOUND_NOUNS:
        return "wound"
    return "people"
