"""Within-article merging: the coded events of one article -> one event per occurrence.

Takes the coded :class:`~tacitus.models.Event` records of one article, in
text order (after places, dates, numbers and actors are read), and returns
them with the mentions of one occurrence merged: the headline's "…; 129 dead"
and the body's account of the bombing, a passing re-mention, a sentence going
on about the event just told ("The attack was claimed by …"), a sentence that
gives its toll under a type of its own ("At least 65 others were injured in the
attack"), or tells how it ended for the attackers ("The gunman was shot dead by
police"). The merged event keeps the more specific values and the highest
confirmed toll (CODEBOOK 3).
Merging reports of one occurrence across articles is ``dedup``'s job.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from tacitus.models import Event, Place

logger = logging.getLogger(__name__)


def merge_mentions(coded: Sequence[Event], *, headline_end: int | None = None) -> list[Event]:
    """Merge the mentions of one occurrence within an article (headline and body, passing re-mentions).

    Two coded events are one when they have the same type, no conflicting
    place, initiator or date, and at least one of them is a passing
    (background) mention or both name the same place. The next sentence joins
    the event before it when it goes on telling it (``_tells_on``,
    ``_continues``), counts on from its toll (``_adds_toll``) or tells the
    attackers' fate (``_ends_attack``). A casualty-only attack
    that repeats the toll of an event of another type (the headline's "…; 129
    dead") is that event. The merged event keeps the more specific values and
    the highest confirmed toll (CODEBOOK 3).

    Args:
        coded: the article's coded events, in text order.
        headline_end: where the article's first line (its headline) ends, if known.
    """
    out: list[Event] = []
    for ev in coded:
        for i, kept in enumerate(out):
            last = i == len(out) - 1
            if last and _ends_attack(kept, ev):
                # The attackers' fate never retypes the attack ("... were shot dead in a gunfight").
                out[i] = _merge_pair(kept, ev, keep_type=True)
                break
            if _same_occurrence(kept, ev) or _repeats_toll(kept, ev, headline_end) or \
                    (last and (_tells_on(kept, ev) or _continues(kept, ev) or _adds_toll(kept, ev))):
                out[i] = _merge_pair(kept, ev)
                break
        else:
            out.append(ev)
    return out


_TELLS_ON = re.compile(
    r"(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:attack|attacks|bombing|bombings|blast|explosion|assault|ambush|raid|"
    r"shooting|strike|massacre)\b", re.IGNORECASE)


def _tells_on(prev: Event, ev: Event) -> bool:
    """A sentence going on about the event just told: "The attack in Nangarhar province was claimed by IS".

    It opens with a definite generic event noun, comes within a few lines of
    the event before it, adds no toll of its own that differs, and its place,
    date and initiator do not conflict (its place may be the division the
    first event's town is in).
    """
    if not _TELLS_ON.match(ev.evidence.text) or ev.evidence.start - prev.evidence.end > 300:
        return False
    if ev.trigger is not None and not (ev.evidence.start <= ev.trigger.start <= ev.evidence.start + 40):
        return False  # the generic noun must be the one the sentence opens with
    fa, fb = prev.casualties.fatalities, ev.casualties.fatalities
    if fb is not None and fa != fb:
        return False
    if not _place_fits(prev.place, ev.place):
        return False
    if prev.date.date and ev.date.date and prev.date.date != ev.date.date and ev.date.span is not None:
        return False
    n1, n2 = (prev.actor1.name if prev.actor1 else None), (ev.actor1.name if ev.actor1 else None)
    return not (n1 and n2 and n1 != n2 and prev.actor1.kind != "unidentified")


def _place_fits(first: Place | None, then: Place | None) -> bool:
    """Whether a follow-up sentence's place can be the first event's: unknown, the same, or the
    division the first event's town is in ("the attack in Nangarhar province" after Jalalabad)."""
    if first is None or then is None or first.name == then.name and first.country == then.country:
        return True
    return first.country == then.country and first.admin1 is not None and first.admin1 == then.admin1 \
        and then.precision != "place"


def _narrows(first: Place | None, then: Place | None) -> bool:
    """Whether a follow-up's place fits the first event's or names a spot inside it ("northern
    Afghanistan" then "Khwaja Sabz Push district of Faryab"; a province then a town in it)."""
    if _place_fits(first, then):
        return True
    return first.country == then.country and (
        first.precision == "country" or first.precision == "admin1" and first.admin1 == then.admin1)


_NEXT_EVENT_GAP = 250


_ANOTHER = re.compile(r"\b(?:another|second|third|fourth|separate|separately|elsewhere|meanwhile)\b",
                      re.IGNORECASE)


def _continues(prev: Event, ev: Event) -> bool:
    """The next sentence goes on telling the same occurrence: same type and sub-type, right after it.

    "Grenades were hurled at a CRPF patrol in Shopian, injuring a jawan. The
    grenade attack took place near ..." is one event. Nothing may conflict: a
    different named place, stated date, initiator or toll makes another event
    ("a second blast hit ..."), and so does a passing mention (handled by
    ``_same_occurrence``).
    """
    if (prev.event_type, prev.sub_event_type) != (ev.event_type, ev.sub_event_type) or prev.background or ev.background:
        return False
    if not 0 <= ev.evidence.start - prev.evidence.end <= _NEXT_EVENT_GAP:
        return False
    if _ANOTHER.search(ev.evidence.text[:80]):
        return False  # "In another attack, ...", "Separately, ...", "A second blast ..."
    fa, fb = prev.casualties.fatalities, ev.casualties.fatalities
    if fa is not None and fb is not None and fa != fb:
        return False
    if not _place_fits(prev.place, ev.place):
        return False
    if prev.date.date and ev.date.date and prev.date.date != ev.date.date:
        return False
    n1, n2 = (prev.actor1.name if prev.actor1 else None), (ev.actor1.name if ev.actor1 else None)
    return not (n1 and n2 and n1 != n2)


_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# A sentence told as happening later ("Several hours later", "The next day") tells another deed.
_LATER = re.compile(
    r"\b(?:hours?|days?|minutes|weeks?|months?)\s+later\b|\b(?:next|following)\s+(?:day|morning|night)\b",
    re.IGNORECASE)
# A count that goes on from one told before: "At least 65 others were injured", "20 people were also wounded".
_RELATIVE_COUNT = re.compile(
    r"^(?:\s+(?!and\b|or\b)[\w-]+){0,3}?\s+(?:others?|more)\b"
    r"|^[^.;]{0,60}?\b(?:were|was|are|is|have|has|had)\s+(?:been\s+)?also\b",
    re.IGNORECASE)
# ... or is marked so before the count: "Another four policemen were wounded".
_RELATIVE_BEFORE = re.compile(r"\b(?:another|other|further|additional)\s+$", re.IGNORECASE)
# Trigger words of a sentence that only counts the dead or wounded ("Killing 41 and injuring 140 people").
_CASUALTY_TRIGGER = re.compile(r"^(?:kill|wound|injur|die|dead|death|murder|hurt|shot)", re.IGNORECASE)


def _adds_toll(prev: Event, ev: Event) -> bool:
    """The next sentence gives the toll of the violent event just told, under a type of its own.

    "A bomb in a pickup truck killed at least 26 people. At least 65 others were
    injured in the attack, which ..." and "A car bomb exploded in Baquba. It
    killed 16 civilians and wounded 54" are one event: the later sentence counts
    on from the first ("others", "also") or is a bare casualty report after an
    event that gave none. Its counts must not restate a field the first gave
    otherwise, and its place, date and initiator must not conflict.
    """
    if prev.event_type not in _VIOLENT or ev.event_type not in _VIOLENT or prev.background or ev.background:
        return False
    if not (prev.evidence.start < ev.evidence.start and ev.evidence.start - prev.evidence.end <= _NEXT_EVENT_GAP) \
            or _ANOTHER.search(ev.evidence.text) or _LATER.search(ev.evidence.text):
        return False
    ca, cb = prev.casualties, ev.casualties
    if cb.fatalities is None and cb.wounded is None:
        return False
    count = cb.wounded_span if cb.wounded is not None else cb.fatalities_span
    # Counted on from the first ("Both attackers were also killed"): a different figure adds to
    # it and is no rival toll; the merged event keeps the larger (conservative, CODEBOOK 3).
    # Only the sentence's first count can count on from the event before ("At least 9 were killed.
    # Fourteen others were wounded" counts on from its own 9).
    first = min((sp.start for sp in (cb.fatalities_span, cb.wounded_span) if sp is not None), default=None)
    inside = count is not None and count.start == first \
        and ev.evidence.start <= count.start <= count.end <= ev.evidence.end
    relative = inside and bool(_RELATIVE_COUNT.match(ev.evidence.text[count.end - ev.evidence.start:])
                               or _RELATIVE_BEFORE.search(ev.evidence.text[:count.start - ev.evidence.start]))
    if not relative and ((ca.fatalities is not None and cb.fatalities is not None and ca.fatalities != cb.fatalities)
                         or (ca.wounded is not None and cb.wounded is not None and ca.wounded != cb.wounded)):
        return False
    bare = ca.fatalities is None and ca.wounded is None and ev.trigger is not None \
        and bool(_CASUALTY_TRIGGER.match(ev.trigger.text))
    if not (relative or bare):
        return False
    if not _narrows(prev.place, ev.place):
        return False
    if prev.date.date and ev.date.date and prev.date.date != ev.date.date:
        return False
    return not (prev.actor1 and ev.actor1 and prev.actor1.name != ev.actor1.name
                and "unidentified" not in (prev.actor1.kind, ev.actor1.kind))


_ATTACKERS = r"(?:attackers?|assailants?|gunm[ae]n|shooters?|bombers?|perpetrators?|terrorists?|stabbers?|" \
             r"militants?|insurgents?|suspects?)"
_FATE = r"(?:shot|killed|wounded|injured|neutrali[sz]ed|arrested|captured)"
# How an attack ends: the attackers shot, killed or caught by those who met them ("The attacker was
# shot dead by police", "The soldiers shot and killed both attackers", "He was shot and wounded").
# The attackers' own deeds ("Gunmen killed 3 people") are not their fate.
_ATTACKERS_FATE = re.compile(
    rf"^\W*(?:[\w'-]+\s+){{0,3}}?{_ATTACKERS}\b[^.;]{{0,60}}?\b(?:(?:was|were|got|been)\s+(?:[\w-]+\s+){{0,2}}?{_FATE}"
    rf"|died|blew\s+(?:himself|herself|themselves)\s+up)\b"
    rf"|^\W*(?:he|she|they)\s+(?:was|were)\s+(?:later\s+|then\s+|also\s+)?{_FATE}\b"
    rf"|^[^.;]{{0,60}}\b(?:shot|killed|neutrali[sz]ed)\s+(?:and\s+(?:killed|wounded|injured)\s+)?"
    rf"(?:the|both|all|two|three|four)?\s*(?:[\w-]+\s+)?{_ATTACKERS}\b",
    re.IGNORECASE)


def _ends_attack(prev: Event, ev: Event) -> bool:
    """The next sentence tells how the attack just told ended for its attackers: one event.

    "Two guards were killed and seven wounded. Two militants were shot dead by
    Afghan security forces" and "A Palestinian wounded two officers with a
    knife. He was shot and killed by security forces" are one occurrence; the
    attackers' dead count only as CODEBOOK 3 says (the merged toll is the
    larger one). Place and date must not conflict; the initiators differ by
    nature (the forces that met the attackers), so they are not compared.
    """
    if prev.event_type not in _VIOLENT or ev.event_type not in _VIOLENT or prev.background or ev.background:
        return False
    # Only an opening "In another attack" / "Separately" marks another event: "the other attacker" does not.
    if not 0 <= ev.evidence.start - prev.evidence.end <= _NEXT_EVENT_GAP or _ANOTHER.search(ev.evidence.text[:25]) \
            or _LATER.search(ev.evidence.text):
        return False
    if not _ATTACKERS_FATE.search(ev.evidence.text):
        return False
    if not _narrows(prev.place, ev.place):
        return False
    return not (prev.date.date and ev.date.date and prev.date.date != ev.date.date)


def _repeats_toll(a: Event, b: Event, headline_end: int | None) -> bool:
    """A casualty-only attack repeating another event's toll is that event ("…rampage; 129 dead").

    In the headline any equal toll will do; in the body only one of ten or
    more, which two distinct events rarely share by chance.
    """
    if a.event_type == b.event_type:
        return False
    generic, specific = (a, b) if (a.event_type, a.sub_event_type) == _GENERIC else (b, a)
    if (generic.event_type, generic.sub_event_type) != _GENERIC or \
            specific.event_type not in ("Explosions/Remote violence", "Battles"):
        return False
    fg = generic.casualties.fatalities
    if fg is None or fg != specific.casualties.fatalities:
        return False
    in_headline = headline_end is not None and generic.evidence.end <= headline_end
    if not in_headline and fg < 10:
        return False
    if generic.place and specific.place and generic.place.country != specific.place.country:
        return False
    # Tolls are often reported the day after; a headline is dated by publication.
    if generic.date.span is not None and not in_headline and generic.date.date and specific.date.date \
            and abs((generic.date.date - specific.date.date).days) > 1:
        return False
    return not (generic.actor1 and specific.actor1 and generic.actor1.name != specific.actor1.name)


_GENERIC = ("Violence against civilians", "Attack")


def _same_occurrence(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type:
        return False
    if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type:
        return False
    pa, pb = a.place, b.place
    same_place = bool(pa and pb and pa.name == pb.name and pa.country == pb.country)
    if pa and pb and not same_place:
        return False
    if a.date.date and b.date.date and a.date.date != b.date.date:
        return False
    n1a, n1b = (a.actor1.name if a.actor1 else None), (b.actor1.name if b.actor1 else None)
    if n1a and n1b and n1a != n1b:
        return False
    fa, fb = a.casualties.fatalities, b.casualties.fatalities
    if not (a.background or b.background) and fa is not None and fb is not None and fa != fb:
        return False
    return (a.background or b.background) and (same_place or pa is None or pb is None) or \
        (same_place and pa is not None and pa.precision == "place")


def _merge_pair(a: Event, b: Event, *, keep_type: bool = False) -> Event:
    main, other = (b, a) if a.background and not b.background else (a, b)
    if main.event_type != other.event_type and (main.event_type, main.sub_event_type) == _GENERIC and not keep_type:
        # A headline's generic attack yields to the body's account of how.
        main, other = other, main
    sub = main.sub_event_type or other.sub_event_type
    if main.event_type == other.event_type == "Explosions/Remote violence" and other.sub_event_type == "Suicide bomb":
        sub = other.sub_event_type  # one bombing told as a blast and as a suicide attack: Suicide bomb (CODEBOOK 2)

    def pick(x, y):
        return x if x is not None else y

    ca, cb = main.casualties, other.casualties
    fatal = max((v for v in (ca.fatalities, cb.fatalities) if v is not None), default=None)
    wounded = max((v for v in (ca.wounded, cb.wounded) if v is not None), default=None)
    casualties = replace(
        ca,
        fatalities=fatal,
        fatalities_high=pick(ca.fatalities_high, cb.fatalities_high),
        wounded=wounded,
        fatalities_span=ca.fatalities_span if ca.fatalities == fatal else cb.fatalities_span,
        wounded_span=ca.wounded_span if ca.wounded == wounded else cb.wounded_span,
    )
    place, loc = main.place, main.location_span
    if other.place and (place is None or _rank(other.place.precision) > _rank(place.precision)):
        place, loc = other.place, other.location_span
    date = main.date if main.date.date else other.date
    return replace(
        main,
        sub_event_type=sub,
        place=place, location_span=loc, date=date,
        # A named group over an unnamed one ("gunmen" told on by "the attack was claimed by IS").
        actor1=main.actor1 if main.actor1 and (main.actor1.kind != "unidentified" or not other.actor1)
        else other.actor1 or main.actor1,
        actor2=main.actor2 or other.actor2,
        casualties=casualties, background=main.background and other.background,
        confidence=min(0.95, max(main.confidence, other.confidence) + 0.05),
    )


def _rank(precision: str | None) -> int:
    return {"place": 3, "admin1": 2, "country": 1}.get(precision or "", 0)
