"""Count phrases -> numbers, coded as CODEBOOK section 3 says.

Takes plain text and returns its tokens (:class:`Token`, with character
offsets) and the count phrases found at a token: "at least 132" -> 132,
"4,000 to 5,000" -> 4000 with high 5000, "twenty-three", "two dozen",
"dozens" -> 12. Hedges ("at least", "more than", "nearly") keep the stated
number; "fewer than N" states no usable count. :mod:`tacitus.numbers` reads
casualties from these counts; nothing here knows about killing or wounding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tacitus import numbers_lexicon as lex

__all__ = ["Count", "Token", "count_at", "number_at", "parse_count", "tokenize"]

NUM_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
RANGE_RE = re.compile(rf"({NUM_RE.pattern})\s*[-–—]\s*({NUM_RE.pattern})")
# Abbreviations keep their dots ("U.S.", "a.m."); "." ":" "," join digits only
# ("1,200", "10:30", "1.5"), so "attack:8" and "Kashmir.Five" split. A number
# glued to a word ("killing 11people") splits off it; "2nd", "10km", "1980s" stay whole.
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
    newline_before: bool


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation of ``text``, each with its offsets (no spaCy)."""
    tokens: list[Token] = []
    prev_end = 0
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        gap = text[prev_end : m.start()]
        tokens.append(Token(word, word.lower(), m.start(), m.end(), "\n" in gap))
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


def count_at(low: list[str], i: int) -> Count | None:
    """A count phrase (hedge + number or range) starting at token ``i``."""
    hedge = ""
    j = i
    for h in sorted(lex.FEWER + lex.HEDGES, key=lambda s: -len(s.split())):
        parts = h.split()
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
