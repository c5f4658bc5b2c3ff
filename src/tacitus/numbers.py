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
  three civilians died"). Otherwise the first count stands: a later one
  restates it, is a rival claim ("the government said 64 ... hospitals
  reported 88": conservative) or a background figure ("one of 350 attacks that
  killed 669 civilians in 2006"). A later count replaces it only when it sums
  up ("a total of 23", "in all") or refines a vague one ("several ... 8").
* A death toll ("the death toll rose to 15", "raising the toll to 16") is a
  total: the result is at least the highest toll stated.
* Attackers: counted when the text counts them inside a total ("132 dead,
  including seven attackers" = 132) or when they are the only dead reported
  ("the only casualty was one of the attackers" = 1); when the text lists
  victims and attackers separately ("four soldiers and one militant were
  killed"; "... killing 5. Six Taliban also died"), the victims only.
* Only killed / dead / died / death toll / lives / bodies / executed /
  beheaded / massacred / slain / murdered / shot dead ... count as
  fatalities; wounded / injured / hurt / hospitalised as wounded. Kidnapped,
  abducted, arrested, detained, displaced, missing, rescued people are never
  counted. "Casualties" alone is ambiguous (killed plus wounded) and is not
  coded, except "no casualties", which is 0 for both fields.
* The wounded are also told by their injuries and treatment: "suffered light
  to moderate injuries", "leaving two with minor wounds", "were taken to
  hospital". Where no one is said to be injured, violence that hurts whoever
  it names stands in ("stabbed four people", "two men were shot", "attacked
  two policemen with knives"), less those the text says died ("stabbed a
  woman and two men. The woman died" = 2); the attackers shot by police are
  not counted. Where the injured are told too, the larger count stands
  ("stabbed 12 people ... Three were injured severely" = 12).
* Counts relative to one before: "killing one and wounding the other" (1),
  "the other 2", "another one", "as many", "the same number"; a part of a
  group counted before ("One of the soldiers is critically injured") is not
  added to it; a bare count after the attackers' ("12 Taliban were killed and
  7 were also wounded") is theirs.
* Negations ("no one was killed", "no injuries were reported", "without
  casualties") give 0 for their field when no positive count is found;
  "no immediate reports of casualties" is not a confirmed zero.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from tacitus import numbers_lexicon as lex
from tacitus.models import Casualties, Span
from tacitus.numbers_counts import (
    NUM_RE,
    Count,
    Item,
    Token,
    bare_person,
    count_at,
    is_year,
    item_at,
    kind,
    parse_count,
    skip_pp,
    tokenize,
    upper,
    victim_list,
)

logger = logging.getLogger(__name__)

__all__ = ["parse_count", "read_casualties"]


# --------------------------------------------------------------------------- predicates


def _match_phrase(low: list[str], j: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    for p in phrases:
        if tuple(low[j : j + len(p)]) == p:
            return len(p)
    return 0


def _predicate(low: list[str], toks: list[Token], j: int, *, left: bool = False) -> tuple[str | None, bool]:
    """The field a predicate after a list reports: ("fatal" / "wound" / "hurt" / None, additive).

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
    pp_end = skip_pp(low, toks, j)
    if pp_end > j:
        field, additive = _predicate_at(low, pp_end, bare=True)  # "two members of parliament injured"
        if field is not None:
            return field, additive
    if j < len(low) and low[j] in lex.OBJECT_VERBS:
        return None, False  # "ten members shot dead a gendarme": an active verb, its object ahead
    k = j
    while k < len(low) and k - j < 14:
        w = low[k]
        if w in lex.SENTENCE_END or (toks[k].newline_before and k > j):
            return None, False
        if w == "(":
            # "three civilians (one Filipino, a Brazilian and a Swede) were wounded": a breakdown aside
            close = next((n for n in range(k + 1, min(k + 16, len(low))) if low[n] == ")"), None)
            if close is None:
                return None, False
            k = close + 1
            continue
        if w == "," and _in_subset(low, j, k):
            # "27 peasants, including several children, were killed"; "including A, B and C have been killed"
            field, additive = _predicate_at(low, k + 1, bare=True)
            if field is not None:
                return field, additive
            k += 1
            continue
        if w == "," and k == j and k + 1 < len(low) and low[k + 1] in ("was", "were", "are", "is", "have", "has"):
            return _predicate_at(low, k + 1, bare=False)  # "nine people, were killed": a stray comma
        if w == "," and low[k + 1 : k + 2] in (["including"], ["among"]):
            k += 1
            continue
        if w == ",":
            # A parenthetical between commas: ", most of them civilians,".
            close = next((n for n in range(k + 1, min(k + 18, len(low))) if low[n] in lex.SENTENCE_END or low[n] == ","), None)
            if close is None or low[close] != ",":
                return None, False
            return _predicate_at(low, close + 1, bare=True)
        if w in ("including", "among"):
            k += 1
            continue
        if w in lex.TAIL_STOPS:
            return None, False
        if w == "with" and (left or k == j) and _injury_ahead(low, k + 1):
            return "wound", False  # "leaving two with moderate wounds", "two with minor injuries"
        if w in lex.AUX_START or w in lex.SUFFER_VERBS or (left and (w in lex.FATAL_PASSIVE or w in lex.WOUND_PASSIVE)):
            return _predicate_at(low, k, bare=left)
        if k > j and w not in ("one",) and not _in_subset(low, j, k) and item_at(low, toks, k) is not None:
            return None, False
        if w in lex.FATAL_ACTIVE or w in lex.WOUND_ACTIVE:
            return None, False
        k += 1
    return None, False


def _in_subset(low: list[str], j: int, k: int) -> bool:
    return any(w in ("including", "among") for w in low[j:k])


def _predicate_at(low: list[str], j: int, *, bare: bool) -> tuple[str | None, bool]:
    additive = False
    k = j
    steps = 0
    while k < len(low) and steps < 6:
        w = low[k]
        n = _match_phrase(low, k, lex.FATAL_PHRASES)
        if n and k == j and low[k] in ("shot", "gunned") and _has_object(low, k + n):
            return None, additive  # "ten ETA members shot dead a gendarme": they are the killers
        if n:
            return ("fatal" if not _ambiguous_pair(low, k + n, "fatal") else None), additive
        if w in lex.FATAL_PASSIVE or w in lex.WOUND_PASSIVE:
            field = "fatal" if w in lex.FATAL_PASSIVE else "wound"
            if w in ("burnt", "burned") and not (k + 1 < len(low) and low[k + 1] in ("to", "alive")):
                return None, additive
            if _ambiguous_pair(low, k + 1, field):
                return None, additive
            if k == j and w in lex.BARE_PARTICIPLES and (not bare or _has_object(low, k + 1)):
                return None, additive
            return field, additive
        if w in lex.ATTACK_VERBS and lex.BE_FORMS & set(low[j:k]) and _armed(low, k + 1):
            return "hurt", additive  # "two policemen were attacked with knives"
        if (w in lex.HURT_PASSIVE or _match_phrase(low, k, lex.HURT_PHRASES)) and lex.BE_FORMS & set(low[j:k]) \
                and low[k + 1 : k + 2] not in (["and"], ["down"], ["dead"]) and low[k : k + 2] != ["shot", "at"]:
            return "hurt", additive  # "two men were shot", "three people were stabbed"
        if w in lex.SUFFER_VERBS and k + 1 < len(low):
            # "sustained bullet wounds", "received various degrees of injuries"
            rest = _injury_ahead(low, k + 1)
            if rest:
                return ("wound" if not any(x in ("fatal", "mortal") for x in rest) else "fatal"), additive
            return None, additive
        n = _match_phrase(low, k, lex.HOSPITAL_PHRASES)
        if n:
            return "wound", additive  # "five others were taken to hospital"
        # "lightly to moderately injured", "seriously or critically wounded"
        if w in ("to", "or", "and") and k > j and low[k - 1] in lex.DEGREE_ADVERBS \
                and low[k + 1 : k + 2] and low[k + 1] in lex.DEGREE_ADVERBS:
            k += 1
            steps += 1
            continue
        if w in lex.HEARSAY and low[k + 1 : k + 2] == ["to"]:
            # "two people are reported to have been injured"
            n = 4 if low[k + 2 : k + 4] == ["have", "been"] else 3 if low[k + 2 : k + 3] == ["be"] else 0
            if n:
                k += n
                steps += 1
                continue
        if w in lex.AUX and not (w == "in" and low[k + 1 : k + 2] != ["total"]):
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


def _armed(low: list[str], k: int) -> bool:
    """Whether "with" + a blade or club follows at ``k`` ("with a knife", "with knives and a machete")."""
    return low[k : k + 1] == ["with"] and any(w in lex.BLADES for w in low[k + 1 : k + 4])


def _injury_ahead(low: list[str], k: int) -> list[str]:
    """The words up to an injury noun a few tokens ahead ("minor injuries", "light stab wounds"), or []."""
    for n in range(k, min(k + 5, len(low))):
        if low[n] in lex.SENTENCE_END or low[n] == "," or count_at(low, n) is not None:
            return []
        if low[n] in lex.INJURY_NOUNS:
            return low[k : n + 1]
    return []


def _ambiguous_pair(low: list[str], k: int, field: str) -> bool:
    """ "killed or wounded", "killed and injured": one count for two fields ("injured and hospitalised" is one)."""
    if k + 1 < len(low) and low[k] in ("or", "and", "/"):
        nxt = low[k + 1]
        if nxt in lex.DEGREE_ADVERBS:
            nxt = low[k + 2] if k + 2 < len(low) else ""
        if nxt == "missing" or (nxt in lex.FATAL_PASSIVE and field != "fatal") \
                or (nxt in lex.WOUND_PASSIVE and field != "wound"):
            return True
    return False


def _has_object(low: list[str], k: int) -> bool:
    if k >= len(low):
        return False
    w = low[k]
    if w in lex.HEDGE_STARTS:
        # "wounded at least 5" has an object; "74 wounded at Frankfurt Airport" does not.
        return count_at(low, k) is not None
    return w in lex.OBJECT_STARTS or w in lex.UNITS or w in lex.TENS or bool(NUM_RE.fullmatch(w))


def _killed_around(low: list[str], i: int, end: int) -> bool:
    """ "shot a civilian dead", "beat two men to death": an object between a verb and its result."""
    if i == 0 or end >= len(low):
        return False
    verb = low[i - 1]
    if not (verb in lex.OBJECT_VERBS or verb in lex.TO_DEATH_VERBS or verb.endswith(("ed", "ing"))):
        return False
    return low[end] == "dead" and verb in lex.OBJECT_VERBS or low[end : end + 2] == ["to", "death"]


def _active_field(low: list[str], i: int) -> tuple[str | None, bool]:
    """The field an active verb just before token ``i`` reports, and whether it is ambiguous."""
    if i == 0:
        return None, False
    for phrases, field in ((lex.FATAL_ACTIVE_PHRASES, "fatal"), (lex.WOUND_ACTIVE_PHRASES, "wound")):
        n = next((len(p) for p in phrases if i >= len(p) and tuple(low[i - len(p) : i]) == p), 0)
        if n and low[max(0, i - n - 1) : i - n] in (["attempted"], ["failed"], ["foiled"]):
            return None, False  # "the attempted assassination of the president": no one died
        if n:
            return field, False
    k = i - 1
    if low[k] == "," and k >= 1 and low[k - 1].endswith("ing") and (low[k - 1] in lex.FATAL_ACTIVE or low[k - 1] in lex.WOUND_ACTIVE):
        k -= 1  # "killing, ten and wounding 25": a stray comma
    w = low[k]
    # "killed all", "wounded at least": the hedge is part of the count, adverbs are skipped.
    if w in ("seriously", "critically", "severely", "lightly", "slightly", "badly") and k >= 1:
        k -= 1
        w = low[k]
    if w in lex.FATAL_ACTIVE or w in lex.WOUND_ACTIVE:
        field = "fatal" if w in lex.FATAL_ACTIVE else "wound"
        before = low[k - 1] if k >= 1 else ""
        before2 = low[k - 2] if k >= 2 else ""
        # "killed and wounded 30", "killing or injuring dozens": one count, two fields.
        if before in ("and", "or", "/") and (before2 in lex.FATAL_ACTIVE or before2 in lex.WOUND_ACTIVE):
            if ("fatal" if before2 in lex.FATAL_ACTIVE else "wound") != field:
                return None, True
        if before in ("was", "were", "been", "being", "is", "are", "be"):
            return None, False
        return field, False
    if w in lex.HURT_ACTIVE or any(k + 1 >= len(p) and tuple(low[k + 1 - len(p) : k + 1]) == p
                                   for p in lex.HURT_ACTIVE_ENDS):
        # "stabbed four people", "ran over two soldiers": hurt, unless a result
        # after the object says killed ("shot two men dead").
        before = low[k - 1] if k >= 1 else ""
        if before in ("was", "were", "been", "being", "is", "are", "be"):
            return None, False
        return "hurt", False
    return None, False


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class _Mention:
    field: str  # "fatal", "wound", or "hurt" (stabbed, shot: wounded where nothing else says so)
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
    vague: bool = False  # "several", "dozens": a count a later exact one refines
    total: bool = False  # "a total of 23", "in all": a count that sums the ones before
    partitive: bool = False  # "one of the soldiers": part of a group


def _is_subset(low: list[str], toks: list[Token], i: int) -> bool:
    """Whether the list at ``i`` sits in a subset clause ("including 2 women", "among the dead")."""
    k = i - 1
    while k >= 0 and i - k <= 4:
        w = low[k]
        if w in lex.SUBSET:
            return True
        if w == "(":
            # "(one Filipino, a Brazilian and a Swede)": a breakdown of the count before;
            # "(four people in total)" sums up the list before instead
            aside = low[k + 1 : next((n for n in range(k + 1, min(k + 16, len(low))) if low[n] == ")"), k + 16)]
            return not {"total", "all", "altogether", "overall"} & set(aside)
        if w in lex.SENTENCE_END or w in (",", ")") or toks[k + 1].newline_before:
            return False
        k -= 1
    return False


def _is_perpetrator(item: Item) -> bool:
    # "suicide-bombers", "Anti-balaka fighters": the last part of a hyphenated word names them.
    return any(w in lex.PERPETRATORS or w.rsplit("-", 1)[-1] in lex.PERPETRATORS
               for w in (item.head, *item.words))


def _mentions(text: str) -> list[_Mention]:
    toks = tokenize(text)
    low = [t.low for t in toks]
    mentions: list[_Mention] = []
    covered: list[tuple[int, int]] = []  # token ranges already read as a list + predicate
    last_list: tuple[int, int] | None = None  # (token index, count) of the last people counted
    last_heads: tuple[str, ...] = ()  # and their noun phrases, which "them" refers to
    i = 0
    while i < len(low):
        toll = _toll_at(low, i)
        if toll is not None:
            field, count, toll_end = toll
            if count is not None:
                high = upper(count)
                mentions.append(_Mention(field, count.low, high, toks[count.start].start,
                                         toks[count.end - 1].end, toll=True,
                                         victims_low=count.low, victims_high=high))
            i = toll_end
            continue
        previous = last_list[1] if last_list and last_list[0] >= _sentence_start(low, toks, i) \
            else (mentions[-1].low if mentions else None)
        items = victim_list(low, toks, i, previous)
        if not items and low[i] == "them" and previous is not None and (
                _active_field(low, i)[0] is not None or low[i - 1] in lex.LEFT):
            # "stabbed four people, leaving them with light wounds": the people just counted
            items = [Item(previous, previous, i, i + 1, i + 1, "them", False, ("them", *last_heads))]
        if items and sum(it.low for it in items) > 1:  # "them" counts more than one
            last_list = (i, sum(it.low for it in items))
            last_heads = tuple(w for it in items for w in it.words)
        if not items and i > 0 and low[i - 1] == "of" and _active_field(low, i)[0] is not None:
            # "the murder of Father Hamel", "the death of Pakistani soldier": one person, no determiner
            person = bare_person(low, toks, i, titled=True)
            items = [person] if person is not None else []
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
        if field is None and not ambiguous and _killed_around(low, i, end):
            # "beat a man to death and injured his son": the result beside the object is its own;
            # the predicate further on belongs to the next object
            field = "fatal"
        elif field is None and not ambiguous:
            left = i > 0 and low[i - 1] in lex.LEFT
            field, additive = _predicate(low, toks, end, left=left)
            kinds = {kind(it) for it in items}
            if field is None and kinds == {"fatal"}:
                field = "fatal"  # "5 deaths", "claimed 12 lives"
            elif field is None and kinds == {"wound"}:
                field = "wound"  # "12 injured", "3 injuries"
            if field is None and _killed_around(low, i, end):
                field = "fatal"
            if field is None and i > 0 and low[i - 1] in lex.ATTACK_VERBS and _armed(low, end):
                field = "hurt"  # "attacked four people with a knife"
        elif field == "hurt" and _killed_around(low, i, end):
            field = "fatal"  # "shot two men dead", "stabbed him to death"
        if field is None:
            i = max(items[0].num_end, i + 1)
            continue
        pred = next((k for k in range(end, min(end + 20, len(low)))
                     if low[k] in lex.FATAL_PASSIVE or low[k] in lex.WOUND_PASSIVE or low[k] in lex.SENTENCE_END), end)
        sentence = _sentence_start(low, toks, i)
        if lex.CLAIM.search(text[toks[sentence].start : toks[i].start]):
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
            vague=all(any(w in lex.VAGUE_WORDS for w in low[it.start : it.num_end]) for it in items),
            total=bool(lex.TOTAL.search(text[toks[sentence].start : toks[min(pred + 2, len(toks) - 1)].end])),
            partitive=all(it.partitive for it in items),
        ))
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
        if m.partitive and any(p.field == m.field and not p.toll for p in mentions[:n]):
            # "wounded two French troops. One of the soldiers is critically
            # injured": part of a group counted before is never added to it.
            m = replace(m, subset=True)
        if m.relative and prev is not None and not prev.toll:
            if prev.field == m.field:
                m = replace(m, additive=True)
            if prev.victims_low == 0 and prev.low > 0:
                m = replace(m, victims_low=0, victims_high=0)
        elif m.heads == ("",) and prev is not None and not prev.toll and prev.victims_low == 0 and prev.low > 0:
            # "12 Taliban were killed and 7 were also wounded": a bare count goes on
            # telling of the group named just before.
            m = replace(m, victims_low=0, victims_high=0)
        out.append(m)
    return out


def _sentence_start(low: list[str], toks: list[Token], i: int) -> int:
    k = i
    while k > 0 and low[k - 1] not in lex.SENTENCE_END and not toks[k].newline_before:
        k -= 1
    return k


def _singular_passives(low: list[str], toks: list[Token], covered: list[tuple[int, int]]) -> list[_Mention]:
    """One victim for each "<someone> was killed" whose subject no list has counted.

    A singular "was" before a casualty predicate counts exactly one person,
    whoever the subject is ("Col. Yuri Budanov was shot dead", "he was wounded"),
    and so does a person's name before "died" ("Major General Vyacheslav Gladkikh died").
    """
    found: list[_Mention] = []
    for k, w in enumerate(low):
        if k == 0 or any(a <= k <= b for a, b in covered):
            continue
        if w in ("died", "succumbed") and toks[k - 1].text[:1].isupper() and toks[k - 1].text[1:].islower() \
                and toks[k - 1].text.isalpha() and k >= 2 and toks[k - 2].text[:1].isupper() \
                and low[k - 1] not in lex.NON_PERSON and low[k - 1] not in lex.PERPETRATORS:
            # A first name and a surname (or a title and a name) before "died": one person.
            found.append(_Mention("fatal", 1, 1, toks[k - 1].start, toks[k - 1].end, heads=(low[k - 1],),
                                  victims_low=1, victims_high=1))
            continue
        if w != "was":
            continue
        field, additive = _predicate_at(low, k, bare=False)
        if field is None:
            continue
        h = k - 1
        if k >= 4 and low[k - 1] == "," and NUM_RE.fullmatch(low[k - 2]) and low[k - 3] == "," \
                and toks[k - 4].text[:1].isupper():
            h = k - 4  # "Ahmed Khan, 34, was killed": the subject is the name before the age
        subject = low[max(0, h - 2) : h + 1]
        # "who was also injured" restates someone a list may already hold.
        if {"one", "nobody", "none", "no-one", "else", "no"} & set(subject[-2:]) or subject[-1] in (",", "it", "which", "that", "there", "who"):
            continue
        if low[h] in lex.NON_PERSON or low[h] in lex.FATAL_NOUNS:
            continue
        start = toks[h].start
        found.append(_Mention(field, 1, 1, start, toks[h].end, additive=additive,
                              heads=(low[h],), victims_low=0 if low[h] in lex.PERPETRATORS else 1,
                              victims_high=0 if low[h] in lex.PERPETRATORS else 1))
    return found


def _toll_at(low: list[str], i: int) -> tuple[str, Count | None, int] | None:
    """A death/injury toll at ``i`` ("death toll rose to 40", "raising the toll to 16")."""
    w = low[i]
    prev = low[i - 1] if i > 0 else ""
    field: str | None = None
    k = i + 1
    if w in lex.TOLL_WORDS and prev in ("death", "fatality", "casualty"):
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
    while k < len(low) and steps < 10 and low[k] not in lex.SENTENCE_END:
        count = count_at(low, k)
        if count is not None and count.hedge not in ("the", "all", "all the", "all of the", "another"):
            nxt = low[count.end] if count.end < len(low) else ""
            if nxt in lex.NON_PERSON or (count.high is None and is_year(low[count.end - 1], low[k - 1], nxt)):
                k = count.end
                steps += 1
                continue
            return field, count, count.end
        k += 1
        steps += 1
    return field, None, k


# --------------------------------------------------------------------------- negations

def _zeros(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The first confirmed-zero phrase for fatalities and for wounded."""
    fatal = wound = None
    for pattern, fields in ((lex.ZERO_BOTH, "fw"), (lex.ZERO_FATAL, "f"), (lex.ZERO_WOUND, "w")):
        for m in pattern.finditer(text):
            if re.search(r"\belse\b|\bother\b|\bserious|\bmajor\b", m.group(), re.IGNORECASE):
                continue
            if lex.NOT_ZERO_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
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
    # (low, high, the mention whose span is reported, sums up, vague)
    groups: list[tuple[int, int, _Mention, bool, bool]] = []
    heads: set[str] = set()
    # "The attacker was also killed after he killed 4": an additive count
    # before any other one waits for the group it adds to.
    pending = [m for m in counts[: next((n for n, m in enumerate(counts) if not m.additive), 0)]]
    counts = counts[len(pending) :] or pending
    if counts is pending:
        pending = []
    for m in counts:
        specific = {h for h in m.heads if h not in lex.GENERIC_HEADS}
        distinct = bool(specific) and bool(heads) and not (heads & (specific | lex.GENERIC_HEADS))
        if not groups and pending:
            groups.append((sum(p.low for p in pending), sum(p.high for p in pending), pending[0],
                           any(p.total for p in pending), all(p.vague for p in pending)))
            heads = {h for p in pending for h in p.heads}
            pending = []
            distinct = True
        if groups and (m.additive or distinct):
            low, high, top, total, vague = groups[-1]
            groups[-1] = (low + m.low, high + m.high, top if top.low >= m.low else m, total or m.total,
                          vague and m.vague)
            heads |= set(m.heads)
        else:
            groups.append((m.low, m.high, m, m.total, m.vague))
            heads = set(m.heads)
    # The first count is the event's own (the headline); a later one that is
    # neither additive nor a toll update is a restatement, a rival claim
    # ("hospitals reported 88") or a background figure ("669 civilians in
    # 2006"), and stands in only where it sums up or refines a vague count.
    best = groups[0] if groups else None
    for g in groups[1:]:
        if g[0] > best[0] and (g[3] or best[4]):
            best = g
    best = best[:3] if best else None
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


def _hurt(mentions: list[_Mention], *, perpetrators: bool) -> tuple[int, int, int, int] | None:
    """The wounded a text counts only by what was done to them ("stabbed four people"), or None.

    Those the text later says died are not wounded: "stabbed a woman and two
    men. The woman died" is 2. A pronoun's death ("he was then shot dead") is
    most often the attacker's and is not taken off.
    """
    # Police shooting the attacker is how an attack ends, not its wounded.
    hurt = _combine([m for m in mentions if m.field == "hurt" and (m.victims_low or perpetrators)],
                    perpetrators=perpetrators)
    if hurt is None:
        return None
    died = [m.victims_low for m in mentions
            if m.field == "fatal" and m.start >= hurt[2] and m.heads not in (("he",), ("she",))]
    dead = max(died, default=0)
    if dead >= hurt[0]:
        return None
    return hurt[0] - dead, hurt[1] - dead, hurt[2], hurt[3]


def read_casualties(text: str, *, offset: int = 0, perpetrators: bool = False) -> Casualties:
    """Read fatalities and wounded from the evidence text of one event.

    Args:
        text: the sentence(s) reporting the event.
        offset: where ``text`` starts in the article; every returned span is
            shifted by it so that it points into the article text.
        perpetrators: also count attackers' deaths listed beside the victims'
            ("four soldiers and one militant" = 5). The default counts them
            only inside a total or when no victim count exists (module
            docstring).

    Returns:
        A :class:`Casualties`; a field is None when the text reports no
        number for it, 0 only for an explicit "no one was killed".
    """
    mentions = _mentions(text)
    fatal = _combine([m for m in mentions if m.field == "fatal"], perpetrators=perpetrators)
    wound = _combine([m for m in mentions if m.field == "wound"], perpetrators=perpetrators)
    hurt = _hurt(mentions, perpetrators=perpetrators)
    if hurt is not None and (wound is None or hurt[0] > wound[0]):
        # "stabbed four people, leaving two with moderate wounds and two with minor wounds":
        # those the attack hurt are the wounded, though the text grades only some of them
        wound = hurt
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
