"""Within-article merging: the coded events of one article -> one event per occurrence.

Takes the coded :class:`~tacitus.models.Event` records of one article, in
text order (after places, dates, numbers and actors are read), and returns
them with the mentions of one occurrence merged: the headline's "…; 129 dead"
and the body's account of the bombing, a passing re-mention, a sentence going
on about the event just told ("The attack was claimed by …"), a sentence that
gives its toll under a type of its own ("At least 65 others were injured in the
attack"), or tells how it ended for the attackers ("The gunman was shot dead by
police"); and, anywhere in the article, a mention that refers back (or, in
a headline or lead, forward) to an event told elsewhere by a definite
description ("the bombing", "Saturday's attack", "the Manchester suicide
bombing"), a demonstrative ("The United States condemns this cowardly
attack") or no words of its own. The merged event keeps the more specific
values and the highest confirmed toll (CODEBOOK 3).
Merging reports of one occurrence across articles is ``dedup``'s job.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tacitus.geodesy import km
from tacitus.models import Actor, Casualties, Event, EventDate, Place, Span, Toponym

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
    dead") is that event. Then each mention that refers to an event told
    elsewhere in the article ("the bombing of the Oklahoma City federal
    building", "this cowardly attack", "last year's deadly blast") joins it
    (``_resolve_references``); two attacks that the article names apart
    ("the Manchester bombing", "the London attack"), a "second blast" or
    "another attack" stay two. The merged event keeps the more specific
    values and the highest confirmed toll (CODEBOOK 3); a reference adds only
    what its own words say (a place or date read from around a reaction is
    not the event's).

    Args:
        coded: the article's coded events, in text order.
        headline_end: where the article's first line (its headline) ends, if known.
    """
    return _split_sites(_riot_looting(_resolve_references(_adjacent(coded, headline_end), headline_end)))


_RIOT = ("Riots", "Violent demonstration")
_DESTRUCTION_KM = 25.0


def _riot_looting(events: list[Event]) -> list[Event]:
    """Looting and burning in the course of a riot told before are rioting (ACLED codes them as the riot).

    "Looting continued into the early hours at a retail park in nearby Wood
    Green", after rioters set fire to cars and shops in Tottenham: a riot,
    by the rioters, within a city's reach and a day of the riot; where it is
    the riot's own place (or says none), it is the riot itself. Destruction
    by a named side, or without a riot before it, stays what it is.
    """
    out: list[Event] = []
    for ev in events:
        riot = None
        if (ev.event_type, ev.sub_event_type) == _DESTRUCTION and not ev.background and \
                (ev.actor1 is None or ev.actor1.kind == "unidentified"):
            said = ev.place if ev.location_span is not None else None
            riot = next((i for i in reversed(range(len(out))) if (out[i].event_type, out[i].sub_event_type) == _RIOT
                         and not out[i].background and out[i].evidence.start < ev.evidence.start
                         and not _dates_clash(out[i].date, ev.date) and _within_a_day(out[i].date, ev.date)
                         and _within(out[i].place, said)), None)
        if riot is None:
            out.append(ev)
            continue
        rioting = replace(ev, event_type=_RIOT[0], sub_event_type=_RIOT[1], actor1=out[riot].actor1)
        if ev.place is None or ev.location_span is None or _places_agree(out[riot].place, ev.place):
            out[riot] = _merge_pair(out[riot], rioting, keep_type=True)
        else:
            out.append(rioting)
    return out


def _within_a_day(a: EventDate, b: EventDate) -> bool:
    return a.date is None or b.date is None or abs((a.date - b.date).days) <= 1


def _within(a: Place | None, b: Place | None) -> bool:
    """Whether ``b`` is ``a``, unknown, or a town within a city's reach of it."""
    if a is None or b is None or b.precision != "place" or _places_agree(a, b):
        return True
    if a.country != b.country or None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return km(a.latitude, a.longitude, b.latitude, b.longitude) <= _DESTRUCTION_KM


def _split_sites(merged: list[Event]) -> list[Event]:
    """One event per place (CODEBOOK 1): each other site a deed was done at is an event of its own.

    "21 people arrested in overnight raids in London, in High Wycombe ... and
    in Birmingham" is three arrests. Each copy keeps the event's type, actors
    and date and says where from its own name; the toll, which the text gives
    for all sites together, stays with the first, and no copy is surer than it.
    A count of none ("no one was killed or injured") holds at every site.
    """
    out: list[Event] = []
    for ev in merged:
        if not ev.sites:
            out.append(ev)
            continue
        out.append(replace(ev, sites=()))
        c = ev.casualties
        none = Casualties(fatalities=0 if c.fatalities == 0 else None, wounded=0 if c.wounded == 0 else None,
                          fatalities_span=c.fatalities_span if c.fatalities == 0 else None,
                          wounded_span=c.wounded_span if c.wounded == 0 else None)
        for site in ev.sites:
            out.append(replace(ev, place=site.place, location_span=site.span, casualties=none, sites=(),
                               confidence=round(ev.confidence * 0.9, 3)))
    return out


def _adjacent(coded: Sequence[Event], headline_end: int | None) -> list[tuple[Event, list[str]]]:
    """Merge the passing re-mentions and follow-up sentences of one telling, with the texts of each."""
    out: list[Event] = []
    texts: list[list[str]] = []
    reach: list[int] = []  # where the last sentence merged into each event ends
    for ev in coded:
        for i, kept in enumerate(out):
            last = i == len(out) - 1
            if last and _ends_attack(kept, ev):
                # The attackers' fate never retypes the attack ("... were shot dead in a gunfight").
                out[i] = _merge_pair(kept, ev, keep_type=True)
                texts[i].append(ev.evidence.text)
                break
            if last and _updates_toll(kept, ev, since=reach[i]):
                out[i] = _merge_pair(kept, replace(ev, date=kept.date), keep_type=True)
                texts[i].append(ev.evidence.text)
                break
            if _abduction_raid(kept, ev):
                abduction, raid = (kept, ev) if kept.sub_event_type == _ABDUCTION[1] else (ev, kept)
                out[i] = _merge_pair(abduction, raid, keep_type=True)
                texts[i].append(ev.evidence.text)
                break
            if _deadliest_part(kept, ev):
                # "Most of the victims died at the Bataclan, where ... Three men opened fire on the
                # audience": a mixed assault takes the sub-type of its deadliest means (CODEBOOK 2),
                # gunfire, also where the gunmen held hostages there.
                merged = _merge_pair(kept, ev, keep_type=True)
                means = _GENERIC if (ev.event_type, ev.sub_event_type) == _ABDUCTION else \
                    (ev.event_type, ev.sub_event_type)
                out[i] = replace(merged, event_type=means[0], sub_event_type=means[1],
                                 actor2=ev.actor2 or merged.actor2)
                texts[i].append(ev.evidence.text)
                break
            if last and _led_it(kept, ev):
                # "Witnesses said members of the Rapid Support Forces ... led the operation": who did
                # the deed just told, named more closely than "security forces".
                merged = _merge_pair(kept, ev, keep_type=True)
                out[i] = replace(merged, actor1=ev.actor1, date=kept.date)
                texts[i].append(ev.evidence.text)
                break
            if last and _goes_on(kept, ev):
                # "Three young women then blew themselves up among residents fleeing the village":
                # a step of the attack just told, which keeps its type (the deadliest means).
                out[i] = _merge_pair(kept, ev, keep_type=True)
                texts[i].append(ev.evidence.text)
                break
            if _same_occurrence(kept, ev) or _one_city_bombing(kept, ev) or _same_riot(kept, ev, headline_end) \
                    or _repeats_toll(kept, ev, headline_end) \
                    or (last and (_tells_on(kept, ev) or _continues(kept, ev)
                                  or _adds_toll(kept, ev, since=reach[i]))):
                # The body's sentence, not the headline, is what reports the event.
                headline = headline_end is not None and kept.evidence.end <= headline_end < ev.evidence.start
                out[i] = _merge_pair(ev, kept) if headline else _merge_pair(kept, ev)
                texts[i].append(ev.evidence.text)
                break
        else:
            out.append(ev)
            texts.append([ev.evidence.text])
            reach.append(ev.evidence.end)
            continue
        reach[i] = max(reach[i], ev.evidence.end)
    return list(zip(out, texts))


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
    if not _fits_place(prev, ev, _place_fits):
        return False
    if _dates_clash(prev.date, ev.date):
        return False
    n1, n2 = (prev.actor1.name if prev.actor1 else None), (ev.actor1.name if ev.actor1 else None)
    return not (n1 and n2 and n1 != n2 and prev.actor1.kind != "unidentified")


def _rivals(a: Actor | None, b: Actor | None) -> bool:
    """Two initiators that cannot be one: both named, differently, neither an unidentified group."""
    return a is not None and b is not None and a.name != b.name and "unidentified" not in (a.kind, b.kind)


def _place_fits(first: Place | None, then: Place | None) -> bool:
    """Whether a follow-up sentence's place can be the first event's: unknown, the same, or the
    division the first event's town is in ("the attack in Nangarhar province" after Jalalabad), not a
    spot of its own placed at its division's point ("neighboring Shah Wali Kot district")."""
    if first is None or then is None or first.name == then.name and first.country == then.country:
        return True
    return first.country == then.country and first.admin1 is not None and first.admin1 == then.admin1 \
        and then.precision != "place" and then.name == then.admin1


def _narrows(first: Place | None, then: Place | None) -> bool:
    """Whether a follow-up's place fits the first event's or names a spot inside it ("northern
    Afghanistan" then "Khwaja Sabz Push district of Faryab"; a province then a town in it)."""
    if _place_fits(first, then):
        return True
    return first.country == then.country and (
        first.precision == "country" or first.precision == "admin1" and first.admin1 == then.admin1)


def _fits_place(prev: Event, ev: Event, fits) -> bool:
    """Whether ``ev``'s place can be ``prev``'s by ``fits``; a place not read from ``ev``'s words (the
    country its actors or the story imply) conflicts only when it is another country."""
    if fits(prev.place, ev.place):
        return True
    return ev.location_span is None and prev.place is not None and ev.place is not None \
        and prev.place.country == ev.place.country


def _stated(date: EventDate) -> bool:
    """Whether a date was read from the text as the event's: the publication date (or the
    dateline's) that an undated sentence falls back on says nothing about which event it tells,
    and the day a statement was made ("parents said on Monday that 234 girls were still
    missing") only bounds it, as a publication date does."""
    return date.date is not None and date.span is not None and not date.reported


# How long before (or after) its publication a report's undated sentence may tell of: a headline
# published on Monday tells of Saturday night's attack, not of one in February.
_UNDATED_DAYS = 7


def _dates_clash(a: EventDate, b: EventDate) -> bool:
    """Two dates read from the text that differ, or a date read from the text far from the
    publication date the other falls back on (a headline's date never clashes with the lead's)."""
    if a.date is None or b.date is None:
        return False
    if _stated(a) and _stated(b):
        return a.date != b.date
    if _stated(a) == _stated(b):
        return False
    told, default = (a, b) if _stated(a) else (b, a)
    if told.precision == "year":
        return told.date.year != default.date.year
    if told.precision == "month":
        return (told.date.year, told.date.month) != (default.date.year, default.date.month)
    return abs((told.date - default.date).days) > _UNDATED_DAYS


_NEXT_EVENT_GAP = 250


# "another 15" counts more people of the same event; "another attack" tells one of its own.
_ANOTHER = re.compile(
    r"\b(?:another(?!\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|several|few"
    r"|hundred|\w+teen|\w+ty)\b))|second|third|fourth|separate|separately|elsewhere|meanwhile)\b",
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
    if not _fits_place(prev, ev, _place_fits):
        return False
    if _dates_clash(prev.date, ev.date):
        return False
    n1, n2 = (prev.actor1.name if prev.actor1 else None), (ev.actor1.name if ev.actor1 else None)
    return not (n1 and n2 and n1 != n2)


_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# A sentence told as happening later ("Several hours later", "The next day") tells another deed.
_LATER = re.compile(
    r"\b(?:hours?|days?|minutes|weeks?|months?)\s+later\b|\b(?:next|following)\s+(?:day|morning|night|week|month)\b",
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


# "then" early in a sentence: the next step of what was just told.
_THEN = re.compile(r"^(?:\S+\s+){0,6}?then\b", re.IGNORECASE)


def _goes_on(prev: Event, ev: Event) -> bool:
    """A later sentence telling the next step of the violent event just told, by the same initiator.

    "Suspected Boko Haram fighters stormed the village of Dalori ... in an attack that lasted
    several hours. ... Three young women then blew themselves up among residents fleeing the
    village": one attack (CODEBOOK 1: one actor pair, one place, one day). The sentence says
    "then" among its first words, names the same initiator or one the article attributes, gives no
    toll, place or stated date of its own that conflicts, and tells no other attack ("another").
    """
    if prev.event_type not in _VIOLENT or ev.event_type not in _VIOLENT or prev.background or ev.background:
        return False
    if prev.evidence.start >= ev.evidence.start or not _THEN.match(ev.evidence.text) \
            or _ANOTHER.search(ev.evidence.text) or _LATER.search(ev.evidence.text):
        return False
    if not (prev.actor1 and ev.actor1 and prev.actor1.name == ev.actor1.name):
        return False
    if ev.casualties.fatalities not in (None, prev.casualties.fatalities):
        return False
    return _fits_place(prev, ev, _narrows) and not _dates_clash(prev.date, ev.date)


# "X led the operation", "the raid was carried out by X": a sentence naming who did the deed just told.
_LED_IT = re.compile(
    r"\b(?:led|carried\s+out|conducted|spearheaded|mounted|staged)\s+(?:the|this|that)\s+(?:[\w-]+\s+)?"
    r"(?:operation|raid|crackdown|assault|attack|dispersal|offensive)\b"
    r"|\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:operation|raid|crackdown|assault|attack|dispersal|offensive)\s+"
    r"(?:was|were|had\s+been)\s+(?:led|carried\s+out|conducted|spearheaded|mounted|staged)\s+by\b",
    re.IGNORECASE)


def _led_it(prev: Event, ev: Event) -> bool:
    """The next sentence names who led or carried out the deed just told: one event, by them.

    "Sudanese security forces opened fire on protesters ... as they broke up the sit-in ...
    Witnesses said members of the paramilitary Rapid Support Forces ... led the operation,
    firing live rounds": the definite "the operation" points back, and its subject says who
    (CODEBOOK 1: one event). The sentence must name an initiator, follow at once, tell no other
    event ("another", "later") and give no place or day of its own that conflicts; a day read
    only from the sentences after it is not its own.
    """
    if prev.background or ev.background or ev.actor1 is None or ev.actor1.kind == "unidentified":
        return False
    if prev.event_type not in (*_VIOLENT, "Protests") or ev.event_type not in (*_VIOLENT, "Protests"):
        return False
    if not 0 <= ev.evidence.start - prev.evidence.end <= _NEXT_EVENT_GAP or not _LED_IT.search(ev.evidence.text) \
            or _ANOTHER.search(ev.evidence.text) or _LATER.search(ev.evidence.text):
        return False
    start, end = _sentence(ev) if ev.trigger is not None else (ev.evidence.start, ev.evidence.end)
    own_day = ev.date.span is not None and start <= ev.date.span.start < end
    if own_day and _dates_clash(prev.date, ev.date):
        return False
    return _fits_place(prev, ev, _narrows)


def _adds_toll(prev: Event, ev: Event, *, since: int | None = None) -> bool:
    """The next sentence gives the toll of the violent event just told, under a type of its own.

    "A bomb in a pickup truck killed at least 26 people. At least 65 others were
    injured in the attack, which ..." and "A car bomb exploded in Baquba. It
    killed 16 civilians and wounded 54" are one event: the later sentence counts
    on from the first ("others", "also") or is a bare casualty report after an
    event that gave none. Its counts must not restate a field the first gave
    otherwise, and its place, date and initiator must not conflict. ``since``:
    where the last sentence told of the first event ends, if later than its evidence.
    """
    if not _deadly(prev) or ev.event_type not in _VIOLENT or prev.background or ev.background:
        return False
    gap = ev.evidence.start - max(prev.evidence.end, since or 0)
    if not (prev.evidence.start < ev.evidence.start and gap <= _NEXT_EVENT_GAP) \
            or _ANOTHER.search(ev.evidence.text) or _LATER.search(ev.evidence.text):
        return False
    ca, cb = prev.casualties, ev.casualties
    if cb.fatalities is None and cb.wounded is None:
        return False
    told_as_toll = ev.trigger is not None and bool(_CASUALTY_TRIGGER.match(ev.trigger.text))
    if (ev.sub_event_type == "Air/drone strike") != (prev.sub_event_type == "Air/drone strike") and not told_as_toll:
        return False  # "... while 51 civilians died due to airstrikes": the strikes' toll, not the ground attack's
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
    bare = ca.fatalities is None and ca.wounded is None and told_as_toll
    if not (relative or bare):
        return False
    if not _fits_place(prev, ev, _narrows):
        return False
    if _dates_clash(prev.date, ev.date):
        return False
    return not _rivals(prev.actor1, ev.actor1)


# A sentence about how the count of an event's dead changed: "Officials first said 65 people had
# died. The count rose to 86 on Sunday", "the death toll climbed to 40", "two of the wounded died later".
_TOLL_UPDATE = re.compile(
    r"\b(?:toll|count|tally|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|casualties|people\s+killed))\b"
    r"[^.;]{0,40}?\b(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|increased|jumped|went\s+up|"
    r"was\s+raised|stood|stands|revised)\b"
    r"|\b(?:raised|revised|put)\s+the\s+(?:death\s+)?(?:toll|count)\b"
    r"|\b(?:first|initially|earlier)\s+(?:said|reported|put|gave|spoke)\b"
    r"|\b(?:died|succumbed)\s+(?:later|in\s+hospital|of\s+(?:his|her|their)\s+(?:wounds|injuries))\b",
    re.IGNORECASE)
_TOLL_UPDATE_DAYS = 3


def _deadly(ev: Event) -> bool:
    """A violent event, or force against protesters, which has a toll as violence does."""
    return ev.event_type in _VIOLENT or ev.sub_event_type == "Excessive force against protesters"


def _updates_toll(prev: Event, ev: Event, *, since: int | None = None) -> bool:
    """The next sentence (a casualty report) tells how the toll of the violent event just told changed: one event.

    "Suspected Boko Haram fighters stormed the village of Dalori on Saturday
    night ... Officials first said 65 people had died. The count rose to 86
    on Sunday." The count may differ from the one told (the merged event
    keeps the highest, CODEBOOK 3), and its date is the day the count was
    given, up to a few days after the event, not the day of another deed.
    Its place and initiator must not conflict, and nothing may mark another event. ``since``:
    where the last sentence told of the first event ends, if later than its evidence.
    """
    if not _deadly(prev) or ev.event_type not in _VIOLENT or prev.background or ev.background:
        return False
    if not 0 <= ev.evidence.start - max(prev.evidence.end, since or 0) <= _NEXT_EVENT_GAP \
            or _ANOTHER.search(ev.evidence.text) \
            or _LATER.search(ev.evidence.text) or not _TOLL_UPDATE.search(ev.evidence.text):
        return False
    if ev.trigger is None or not (_CASUALTY_TRIGGER.match(ev.trigger.text) or ev.trigger.text.lower() == "toll"):
        return False  # a telling of a deed that also gives a toll ("Suicide bombers struck ... The toll stood at")
    if ev.casualties.fatalities is None and ev.casualties.wounded is None:
        return False
    if _dates_clash(prev.date, ev.date) and not 0 <= (ev.date.date - prev.date.date).days <= _TOLL_UPDATE_DAYS:
        return False
    if not _fits_place(prev, ev, _narrows):
        return False
    return not _rivals(prev.actor1, ev.actor1)


_ATTACKERS = r"(?:attackers?|assailants?|gunm[ae]n|shooters?|bombers?|perpetrators?|terrorists?|stabbers?|" \
             r"militants?|insurgents?|suspects?)"
_FATE = r"(?:shot|killed|wounded|injured|neutrali[sz]ed|arrested|captured|gunned\s+down)"
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
    if not _fits_place(prev, ev, _narrows):
        return False
    return not _dates_clash(prev.date, ev.date)


def _repeats_toll(a: Event, b: Event, headline_end: int | None) -> bool:
    """A casualty-only attack repeating another event's toll is that event ("…rampage; 129 dead").

    In the headline any equal toll will do; in the body only one of ten or
    more, which two distinct events rarely share by chance.
    """
    same = a.event_type == b.event_type
    if same:
        # Both attacks: the one whose words are only the toll ("raised the toll to 129") repeats the other's.
        if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type) or not _toll_only(b):
            return False
        generic, specific = b, a
    else:
        generic, specific = (a, b) if (a.event_type, a.sub_event_type) == _GENERIC else (b, a)
    if (generic.event_type, generic.sub_event_type) != _GENERIC or \
            specific.event_type not in ("Explosions/Remote violence", "Battles") and not same:
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


def _toll_only(ev: Event) -> bool:
    """A mention that is a casualty count only ("the prosecutor raised the toll to 129")."""
    trigger = ev.trigger
    return trigger is not None and (trigger.text.lower() == "toll" or bool(_CASUALTY_TRIGGER.match(trigger.text)))


def _same_occurrence(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type:
        return False
    if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type:
        return False
    pa, pb = a.place, b.place
    same_place = bool(pa and pb and pa.name == pb.name and pa.country == pb.country)
    if pa and pb and not same_place:
        return False
    if _dates_clash(a.date, b.date):
        return False
    n1a, n1b = (a.actor1.name if a.actor1 else None), (b.actor1.name if b.actor1 else None)
    if n1a and n1b and n1a != n1b:
        return False
    fa, fb = a.casualties.fatalities, b.casualties.fatalities
    if not (a.background or b.background) and fa is not None and fb is not None and fa != fb:
        return False
    return (a.background or b.background) and (same_place or pa is None or pb is None) or \
        (same_place and pa is not None and pa.precision == "place")


# Gunfire in a bombing's telling: "Attackers armed with assault rifles and explosive vests".
_GUNS = re.compile(r"\b(?:rifles?|guns?|gunmen|gunman|gunfire|firearms?|kalashnikovs?|shooting|opened\s+fire)\b",
                   re.IGNORECASE)
_PART_CHARS = 1500


def _deadliest_part(main: Event, part: Event) -> bool:
    """A shooting told as the part of a mixed assault where most of its victims died.

    "Attackers armed with assault rifles and explosive vests struck ...,
    killing at least 129 people" then "Most of the victims died at the
    Bataclan ... Three men opened fire on the audience ... At least 89 people
    were killed there": one attack, whose deadliest means is the gunfire
    (CODEBOOK 2: a mixed assault takes the sub-type of the deadliest means as
    reported; where unclear, Suicide bomb). The bombing's own words name guns
    as well; the shooting follows within a few paragraphs, by the same or an
    unnamed initiator, somewhere that fits, within a day, and it killed more
    than half of the assault's toll, never more.
    """
    if main.event_type != "Explosions/Remote violence" or main.sub_event_type not in _BOMBINGS \
            or part.event_type not in ("Violence against civilians", "Battles") or main.background or part.background:
        return False
    if part.sub_event_type not in ("Attack", "Armed clash") and not (
            (part.event_type, part.sub_event_type) == _ABDUCTION and _GUNS.search(part.evidence.text)):
        return False
    if not (main.evidence.end <= part.evidence.start <= main.evidence.end + _PART_CHARS) \
            or not _GUNS.search(main.evidence.text):
        return False
    fm, fp = main.casualties.fatalities, part.casualties.fatalities
    if fm is None or fp is None or not fm < 2 * fp <= 2 * fm:
        return False
    if part.actor1 is not None and part.actor1.kind != "unidentified" and \
            (main.actor1 is None or main.actor1.name != part.actor1.name):
        return False
    if not (part.place is None or _narrows(main.place, part.place) or part.location_span is None):
        return False
    a, b = main.date.date, part.date.date
    return a is None or b is None or abs((a - b).days) <= 1


def _same_riot(a: Event, b: Event, headline_end: int | None = None) -> bool:
    """A riot's further deeds, told without a place of their own, are that riot (one riot, one day).

    "Rioters set fire to police cars ... in Tottenham ... on Saturday night"
    and "Later in the evening, groups of young people attacked two police cars
    parked nearby and set them alight". Both are riots of one sub-type, by
    the same rioters (or none named), and the second names no other place,
    stated day, or "another" riot. A headline joins the body's telling
    later (``_join_headline``).
    """
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type) or a.event_type != "Riots" \
            or a.background or b.background:
        return False
    if headline_end is not None and a.evidence.end <= headline_end:
        return False
    if b.location_span is not None and not _places_agree(a.place, b.place):
        return False
    if _dates_clash(a.date, b.date) or _ANOTHER.search(b.evidence.text) or _LATER.search(b.evidence.text):
        return False
    return a.actor1 is None or b.actor1 is None or a.actor1.name == b.actor1.name


_BOMBINGS = frozenset({"Suicide bomb", "Remote explosive/landmine/IED"})
_OTHER_TIME = re.compile(
    r"\b(?:later|earlier|(?:a|one|two|three|several|the)\s+(?:day|days|night|nights|week|weeks)\s+(?:after|before)"
    r"|the\s+(?:previous|next|following)\s+(?:day|night|week|morning|evening))\b", re.IGNORECASE)


def _one_city_bombing(a: Event, b: Event) -> bool:
    """Bombs at several sites of one town on one day: one coordinated attack (CODEBOOK 1).

    "Suicide bombers struck ... at St Anthony's Shrine in ... Colombo" and
    "Bombs also ripped through the Shangri-La, Cinnamon Grand and Kingsbury
    hotels in Colombo". Both are bombings (a bomb whose carrier is not told
    can be the suicide bombing), in the same town, on the same stated day,
    with no rival initiator or target; the second gives no toll above the
    first's (a count for its sites, or one overtaken later) and does not say
    it came at another time ("Later on Sunday, three police officers were
    killed ... when suspects set off explosives") or was another attack.
    """
    if a.event_type != b.event_type or {a.sub_event_type, b.sub_event_type} - _BOMBINGS:
        return False
    if _OTHER_TIME.search(b.evidence.text) or _ANOTHER.search(b.evidence.text):
        return False
    ta, tb = a.actor2, b.actor2
    if ta is not None and tb is not None and ta.name != tb.name:
        return False
    if (ta is None) != (tb is None) and (ta or tb).kind == "state":
        return False  # against the police who raided a house: not the bombing of churches
    pa, pb = a.place, b.place
    if not (pa and pb and pa.precision == pb.precision == "place" and pa.name == pb.name and pa.country == pb.country):
        return False
    if a.date.date != b.date.date or _stated(a.date) != _stated(b.date):
        # The same day as the text tells it, or neither dated by its words (one day or one unknown day).
        return False
    if _rivals(a.actor1, b.actor1):
        return False
    fa, fb = a.casualties.fatalities, b.casualties.fatalities
    return fb is None or fa is not None and fb <= fa


_ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")


def _abduction_raid(a: Event, b: Event) -> bool:
    """An attack that kills no one and the abduction it carried out: one event, the abduction.

    "Parents of schoolgirls seized from a boarding school in Chibok ..." and "Gunmen arrived
    in the town late on April 14 and raided the school": one actor, one place, one day
    (CODEBOOK 1). The initiator must be known and the same, the place the same town, and no
    stated dates may differ; a raid that kills is coded as an attack of its own.
    """
    kinds = {(a.event_type, a.sub_event_type), (b.event_type, b.sub_event_type)}
    if kinds != {_GENERIC, _ABDUCTION} or a.background or b.background:
        return False
    attack = a if (a.event_type, a.sub_event_type) == _GENERIC else b
    if attack.casualties.fatalities:
        return False
    if not (a.actor1 and b.actor1 and a.actor1.name == b.actor1.name):
        return False
    pa, pb = a.place, b.place
    if not (pa and pb and pa.precision == pb.precision == "place" and pa.name == pb.name and pa.country == pb.country):
        return False
    return not _dates_clash(a.date, b.date)


def _merge_pair(a: Event, b: Event, *, keep_type: bool = False) -> Event:
    main, other = (b, a) if a.background and not b.background else (a, b)
    if main.event_type != other.event_type and (main.event_type, main.sub_event_type) == _GENERIC and not keep_type:
        # A headline's generic attack yields to the body's account of how.
        main, other = other, main
    sub = main.sub_event_type or (other.sub_event_type if other.event_type == main.event_type else None)
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
    if other.place and (place is None or _rank(other.place.precision) > _rank(place.precision)
                        or main.location_span is None and other.location_span is not None
                        and _rank(other.place.precision) == _rank(place.precision)):
        place, loc = other.place, other.location_span
    # A date read from the text over the publication date an undated headline or sentence falls back
    # on, unless it is coarser ("a series of incidents during January").
    date = main.date if main.date.date else other.date
    if not _stated(date) and _stated(other.date) and _fineness(other.date) >= _fineness(date):
        date = other.date
    elif date.reported and other.date.reported and other.date.date < date.date \
            and _fineness(other.date) >= _fineness(date):
        # Neither told as the day it happened: the earlier day it was said by bounds it closer
        # ("the army said on Tuesday ..." and "On Monday the group said it had seized the city").
        date = other.date
    # A named group over an unnamed one ("gunmen" told on by "the attack was claimed by IS").
    actor1 = main.actor1 if main.actor1 and (main.actor1.kind != "unidentified" or not other.actor1) \
        else other.actor1 or main.actor1
    # One side is never both: a target one telling gave is not the initiator the other gave.
    actor2 = next((a for a in (main.actor2, other.actor2) if a is not None and not (actor1 and a.name == actor1.name)),
                  None)
    return replace(
        main,
        sub_event_type=sub,
        place=place, location_span=loc, date=date, sites=_sites(place, main.sites + other.sites),
        actor1=actor1,
        actor2=actor2,
        casualties=casualties, background=main.background and other.background,
        confidence=min(0.95, max(main.confidence, other.confidence) + 0.05),
    )


def _sites(place: Place | None, sites: tuple[Toponym, ...]) -> tuple[Toponym, ...]:
    """The other sites of a merged event: each place once, none its own place."""
    out: list[Toponym] = []
    for site in sites:
        if place is not None and site.place.name == place.name and site.place.country == place.country:
            continue
        if not any(s.place.name == site.place.name for s in out):
            out.append(site)
    return tuple(out)


# How fine a date precision is; an unknown one counts as a day.
_FINENESS = {"day": 3, "week": 2, "month": 1, "year": 0}


def _fineness(date: EventDate) -> int:
    return _FINENESS.get(date.precision or "day", 3)


def _rank(precision: str | None) -> int:
    return {"place": 3, "admin1": 2, "country": 1}.get(precision or "", 0)


# A mention that points back at an event already told (or, in a headline or lead, at one told
# below): "the bombing", "this cowardly attack", "Saturday's attack", "the Boston Marathon bombing",
# "it was driven to Oklahoma City and detonated", or a bare word that says nothing of its own.

_DETERMINERS = r"the|this|that|these|those|its|their"
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Words that make a noun phrase another event ("the second blast", "the latest attack") or show
# the words before the noun are no modifiers of it ("the police said a bomb").
_NOT_MODIFIER = (
    r"a|an|the|this|that|these|those|its|their|another|other|second|third|fourth|fifth|first|latest|new|next|"
    r"previous|earlier|last|similar|separate|and|or|but|of|in|on|at|by|for|with|from|to|as|after|before|since|"
    r"is|are|was|were|be|been|has|have|had|said|says|say|who|which|when|where|not|no")
_MODIFIER = rf"(?:(?!(?:{_NOT_MODIFIER})\b)[\w.’'-]+\s+)"
_DEFINITE = re.compile(rf"(?<![\w’'-])(?P<det>{_DETERMINERS}|[a-z]+['’]s)\s+{_MODIFIER}{{0,4}}$", re.IGNORECASE)
# An event named by where or what it hit, after a preposition or opening the evidence (a headline):
# "a friend of Boston Marathon bombing suspect", "Kabul attack kills 5".
_NAMED = re.compile(r"\b(?:of|in|for|since|after|before|over|about|on|at|to|from|following|behind|into)\s+"
                    r"(?P<det>)(?:[A-Z][\w.’'-]*\s+){1,3}$")
_NAMED_HEADLINE = re.compile(
    r"^(?P<det>)(?:(?!(?:A|An|The|This|That|These|Those|Its|Their)\s)[A-Z\d][\w.’'-]*\s+){1,3}$")
# A noun phrase that brings in an event of its own: "a February 19 explosion", "two blasts".
_INDEFINITE = re.compile(
    rf"(?<![\w’'-])(?:a|an|another|one|two|three|four|five|several|some|many|numerous|multiple|more|further|"
    rf"\d+)\s+{_MODIFIER}{{0,3}}$", re.IGNORECASE)
_AGAIN = re.compile(r"\b(?:also|further|more|fresh|renewed|additional|similar|new)\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_BARE_CHARS = 150
# "Moro is found murdered after 55 days of captivity": a later deed.
_AFTER_A_WHILE = re.compile(r"\b(?:after|within|for)\s+(?:[\w-]+\s+){0,2}(?:hours|days|weeks|months|years)\b",
                            re.IGNORECASE)
# A device already told of going off: "... and that it was driven to Oklahoma City and detonated".
_PRONOUN = re.compile(r"(?<![\w’'-])(?P<det>it)\s+(?:(?!(?:a|an|another|said|says)\b)[\w’'-]+\s+){0,6}$",
                      re.IGNORECASE)
_EVENT_NOUN = re.compile(
    r"^(?:attack|bombing|blast|explosion|assault|ambush|raid|shooting|strike|airstrike|massacre|killing|murder|"
    r"assassination|siege|incident|violence|atrocit(?:y|ie)|rampage|suicide|car|truck|roadside|bomb|ied|clash|"
    r"fighting|battle|gunfight|firefight|shelling|protest|demonstration|riot|kidnapping|abduction|stabbing|"
    r"arson|uprising|offensive|rally|march)(?:e?s)?$", re.IGNORECASE)
_PROTEST_NOUN = re.compile(r"^(?:protest|demonstration|march|rally|riot|sit-in|unrest)(?:e?s)?$", re.IGNORECASE)
_PEACEFUL_NOUN = {
    "Strategic developments": re.compile(r"^(?:accord|agreement|deal|ceasefire|cease-fire|truce|pact|treaty)s?$",
                                         re.IGNORECASE),
    "Protests": _PROTEST_NOUN,
    "Riots": _PROTEST_NOUN,
}
_DEVICE_VERB = re.compile(r"^(?:explod|detonat|blew|went\s+off)", re.IGNORECASE)
# The words after the event noun describe it when they open with a preposition ("the attack on a
# market in Kabul"), not with a verb ("the blast rose on Sunday").
_TAIL_START = re.compile(r"\s+(?:in|at|on|near|of|outside|inside|against|by|targeting|into|across|along|behind)\b",
                         re.IGNORECASE)
# Where the words after the event noun stop describing it.
_TAIL_END = re.compile(r"[.](?=\s|$|[A-Z][a-z])|[;:!?,\"“”(]|\b(?:which|that|who|was|were|is|are|has|have|had|"
                       r"said|says|and|killing|wounding|injuring|leaving|left|when|as|after|before)\b")
_NAME = re.compile(r"[A-Z][\w.’'-]*")
_NOT_NAME = frozenset({"The", "This", "That", "These", "Those", "Its", "Their", "A", "An", "In", "On", "At", "Of",
                       "And", "For", "With", "From", "By", "To", "It", "Mr", "Mrs", "Ms", "Dr"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_EXPLOSIVE_NOUN = re.compile(r"^(?:bomb|blast|explo|ied|suicide|car|truck|roadside|detonat|blew|went|strike|"
                             r"airstrike|shelling)", re.IGNORECASE)
# Words that can name any violent event ("the attack", a stray "killed").
_GENERIC_NOUN = re.compile(r"^(?:attack|assault|incident|violence|atrocit|rampage|kill|massacre|murder|dead|death|"
                           r"die|injur|wound|hurt|shot|shoot|slay|slain|terror)", re.IGNORECASE)
_EXPLOSIVE_WORDS = re.compile(r"\b(?:bomb|blast|explo|ied|detonat|suicide|grenade|rocket|shell|strike|missile|mine)",
                              re.IGNORECASE)
_FIGHT_WORDS = re.compile(r"\b(?:shoot|shot|gun|fire|fired|clash|fight|battle|ambush)", re.IGNORECASE)
_FIGHT_NOUN = re.compile(r"^(?:shooting|gunfight|firefight|clash|battle|fighting|ambush)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Reference:
    """How a mention refers: ``kind`` "demonstrative" ("this attack"), "definite" ("the bombing",
    "Saturday's attack"), "named" ("Boston Marathon bombing"), "pronoun" ("it ... detonated") or
    "bare" (a mention that states nothing of its own); ``start``/``end`` the stretch of text that
    describes the event (determiner to the end of the phrase after the noun)."""

    kind: str
    start: int
    end: int
    noun: str
    names: tuple[str, ...] = ()
    year: int | None = None
    sentence: tuple[int, int] = (0, 0)  # the sentence the mention's noun is in

    def owns(self, span: Span | None) -> bool:
        """Whether a value was read from the description itself, not from the sentence around it."""
        return span is not None and self.start <= span.start and span.end <= self.end

    def counts(self, span: Span | None) -> bool:
        """Whether a toll was read from the mention's own sentence ("it exploded, killing two soldiers")."""
        return span is not None and self.sentence[0] <= span.start and span.end <= self.sentence[1]


@dataclass(slots=True)
class _Chain:
    event: Event
    texts: list[str]
    end: int
    pending: tuple[Event, _Reference] | None = None  # an opening reference still waiting for its telling


def _reference(ev: Event) -> _Reference | None:
    """How ``ev``'s evidence refers to its event, or None when it tells a new one ("a bomb exploded")."""
    trigger, evidence = ev.trigger, ev.evidence
    if trigger is None or not evidence.start <= trigger.start < trigger.end <= evidence.end:
        return None
    at, till = trigger.start - evidence.start, trigger.end - evidence.start
    before = evidence.text[max(0, at - 80):at]
    noun = (trigger.text.split() or [""])[-1]
    if ev.event_type not in _VIOLENT:
        # "The two men signed the accord with pens ...", "The march, from Victoria Park ...": only a
        # definite description of a kind of its own refers back to an agreement or a protest.
        own = _PEACEFUL_NOUN.get(ev.event_type)
        match = _DEFINITE.search(before) if own is not None and own.match(noun) else None
        if match is None:
            return None
        kind = "demonstrative" if match.group("det").lower() in _DEMONSTRATIVES else "definite"
        return _Reference(kind, trigger.start - (len(before) - match.start()), trigger.end, noun,
                          sentence=_sentence(ev))
    kind, match = None, None
    if _EVENT_NOUN.match(noun):
        match = _DEFINITE.search(before)
        if match is not None:
            kind = "demonstrative" if match.group("det").lower() in _DEMONSTRATIVES else "definite"
        elif (match := _NAMED.search(before)) is not None or \
                (evidence.start == 0 and (match := _NAMED_HEADLINE.search(before)) is not None):
            kind = "named"  # a headline opens the article: "Kabul attack kills 5"
    elif _DEVICE_VERB.match(trigger.text) and (match := _PRONOUN.search(before)) is not None:
        kind = "pronoun"
    sentence = _sentence(ev)
    if kind is None:
        if _says_nothing(ev) and evidence.end - evidence.start <= _BARE_CHARS and not _INDEFINITE.search(before) \
                and not any(p.search(evidence.text) for p in (_AGAIN, _ANOTHER, _LATER, _AFTER_A_WHILE)):
            return _Reference("bare", evidence.start, evidence.end, noun, sentence=sentence)
        return None
    start = trigger.start - (len(before) - match.start())
    after = evidence.text[till:till + 80] if _TAIL_START.match(evidence.text[till:]) else ""
    stop = _TAIL_END.search(after)
    end = trigger.end + (stop.start() if stop else len(after))
    words = evidence.text[start - evidence.start:end - evidence.start]
    names = tuple(dict.fromkeys(
        n for n in (w.removesuffix("’s").removesuffix("'s").rstrip(".") for w in _NAME.findall(words))
        if n and n not in _NOT_NAME and n.lower() != noun.lower()))
    year = _YEAR.search(words)
    return _Reference(kind, start, end, noun, names, int(year.group()) if year else None, sentence)


def _sentence(ev: Event) -> tuple[int, int]:
    """Where the sentence of ``ev``'s trigger starts and ends, within its evidence."""
    text, at = ev.evidence.text, ev.trigger.start - ev.evidence.start
    start = max((m.end() for m in re.finditer(r"[.!?](?=\s*[A-Z\"“])", text[:at])), default=0)
    stop = re.search(r"[.!?](?=\s*[A-Z\"“]|\s*$)", text[at:])
    return ev.evidence.start + start, ev.evidence.start + (at + stop.end() if stop else len(text))


def _says_nothing(ev: Event) -> bool:
    """A violent mention whose own words give no place, date, toll or actor (a stray "killed")."""
    if ev.event_type not in _VIOLENT:
        return False
    c = ev.casualties
    spans = (ev.location_span, ev.date.span, c.fatalities_span, c.wounded_span,
             ev.actor1.span if ev.actor1 else None, ev.actor2.span if ev.actor2 else None)
    return not any(sp is not None and ev.evidence.start <= sp.start < ev.evidence.end for sp in spans)


def _resolve_references(told: list[tuple[Event, list[str]]], headline_end: int | None = None) -> list[Event]:
    """Join each mention that refers to an event told elsewhere in the article to that event.

    A mention with a definite description ("the bombing", "Saturday's
    attack", "the Manchester suicide bombing"), a demonstrative ("this
    cowardly attack"), a named event ("Boston Marathon bombing") or nothing of
    its own is the event its words name (a place, day or name of the event's
    telling), or else, when it names nothing, the nearest event it can be.
    An opening reference that finds no event before it ("the bombing of the
    Oklahoma City federal building") is the event told below that it names.
    What the mention's sentence says around the description (a place or date
    read from elsewhere, a reaction's speaker) does not count against it
    when its words name the event or point at it; what the description
    itself says (another place, year, initiator) keeps it apart.
    """
    chains: list[_Chain] = []
    for ev, texts in told:
        ref = _reference(ev)
        if ref is not None and ref.kind == "bare" and len(texts) > 1 and \
                (ev.casualties.fatalities_span is not None or ev.casualties.wounded_span is not None):
            ref = None  # a follow-up sentence told its toll ("At least 27 people were confirmed killed")
        if ref is not None and _recaps_several(chains, ev, ref):
            logger.debug("plural reference %r sums up the events told before", ev.evidence.text[:60])
            continue
        if ref is not None and _resolve(chains, ev, ref, texts):
            continue
        if ref is None and (_fold_nested(chains, ev, texts) or _tells_pending(chains, ev, texts)
                            or _destroyed_in_course(chains, ev, texts)):
            continue
        pending = (ev, ref) if ref is not None and ref.names else None
        chains.append(_Chain(ev, list(texts), ev.evidence.end, pending))
    _join_headline(chains, headline_end)
    return [c.event for c in chains]


# A headline is a short first line that is no sentence of the body; a first line of several
# hundred characters (a snippet with no headline) is a paragraph.
_HEADLINE_CHARS = 200
# The body events a headline may be: it sums up the story's main event, told in the first lines.
_HEADLINE_REACH = 3
# Kinds of event a headline may sum up in other words than the body ("Tottenham riot: cars and
# shops burn" for rioters setting fire to police cars; "Mob kills man" for villagers beating a man).
_HEADLINE_KIN = frozenset({*_VIOLENT, "Riots"})
_HEADLINE_KIN_SUB = frozenset({"Excessive force against protesters", "Protest with intervention",
                               "Looting/property destruction"})
_NEAR_KM = 100


def _join_headline(chains: list[_Chain], headline_end: int | None) -> None:
    """Join a headline that stayed apart to the body's telling of the event it sums up.

    "Boko Haram raiders burn village and camps near Maiduguri, killing 86"
    and "Mob kills man over beef rumour in village near Delhi" are the event
    the lead tells ("... stormed the village of Dalori ... on Saturday
    night", "... beat a Muslim man to death ... in Bisahda, a village near
    Dadri"): the first of the body's first events that is of a kin type, in
    a place that fits or lies near the headline's, on no other stated day,
    with no smaller toll and, when of the same type, no rival initiator. The
    body's telling keeps its type, place and date; the toll is the highest.
    """
    if headline_end is None or headline_end > _HEADLINE_CHARS:
        return
    for head in [c for c in chains if c.event.evidence.end <= headline_end
                 and all(t in c.event.evidence.text for t in c.texts)]:
        body = [c for c in chains if c.event.evidence.start > headline_end and not c.event.background]
        target = next((c for c in body[:_HEADLINE_REACH] if _sums_up(head.event, c.event)), None)
        if target is None:
            continue
        logger.debug("headline %r sums up %r", head.event.evidence.text[:60], target.event.evidence.text[:60])
        target.event = _merge_pair(target.event, head.event, keep_type=True)
        target.texts.extend(head.texts)
        chains.remove(head)


def _kin(ev: Event) -> bool:
    return ev.event_type in _HEADLINE_KIN or ev.sub_event_type in _HEADLINE_KIN_SUB


def _sums_up(head: Event, body: Event) -> bool:
    """Whether a headline's event can be the body's (see ``_join_headline``)."""
    same = head.event_type == body.event_type
    if not same and not (_kin(head) and _kin(body)):
        return False
    if not _dates_agree(head.date, body.date):
        return False
    if not (_places_agree(head.place, body.place) or _near(head.place, body.place)
            or head.location_span is None and head.place.country == body.place.country):
        return False
    fh, fb = head.casualties.fatalities, body.casualties.fatalities
    if fh is not None and fb is not None and fh < fb:
        return False  # a headline gives the latest toll, never a smaller one
    # Told in other words, the headline's initiator is read another way ("police shooting").
    return not (same and _rivals(head.actor1, body.actor1))


def _near(a: Place | None, b: Place | None) -> bool:
    """Two towns of one country less than ``_NEAR_KM`` apart ("a village near Delhi" and Dadri)."""
    if a is None or b is None or a.country != b.country or "place" not in (a.precision, b.precision) \
            or None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    if a.precision != b.precision:
        return False
    return km(a.latitude, a.longitude, b.latitude, b.longitude) <= _NEAR_KM


def _recaps_several(chains: list[_Chain], ev: Event, ref: _Reference) -> bool:
    """Whether a plural description that names nothing refers to several events told before it.

    After the day's strikes near Mosul, Tal Afar and Raqqa, "The strikes were conducted as part of
    Operation Inherent Resolve" is all of them, and neither one of them nor an event of its own.
    A plural reference that gives a toll ("The attacks killed 40 people") or a place is kept.
    """
    noun = ref.noun.lower()
    if ref.kind != "definite" or ref.names or ref.year is not None or not noun.endswith("s") or noun.endswith("ss"):
        return False
    if ev.casualties.fatalities_span is not None or ev.casualties.wounded_span is not None:
        return False
    if ev.place is not None and ev.place.precision == "place" and ev.location_span is not None \
            and ev.evidence.start <= ev.location_span.start < ev.evidence.end:
        # "dargahs near the Bapunagar water tower were razed in the riots": a town of its own; not
        # "the operation to eliminate ISIL and the threat they pose to Iraq"
        return False
    return sum(_family_fits(c.event, ev, ref.noun) for c in chains) >= 2


def _resolve(chains: list[_Chain], ev: Event, ref: _Reference, texts: list[str]) -> bool:
    """Join ``ev`` to the event it refers to, if any; True when joined."""
    nearest = sorted(range(len(chains)), key=lambda i: chains[i].end, reverse=True)
    named = [(score, i) for i in nearest if (score := _names(ref, chains[i]))[0] and
             _refers(chains[i].event, ev, ref, sure=True)]
    if named:
        top = max(score for score, _ in named)
        group = [i for score, i in named if score == top]
        # Tellings whose place the description names alike are one event ("the Manchester suicide
        # bombing" after two tellings of it): fold them together before joining the reference.
        group = [group[0]] + [i for i in group[1:] if top[0] == 2 and _agree(chains[group[0]].event, chains[i].event)]
        base = min(group)
        for i in sorted(group, reverse=True):
            if i != base:
                other = chains.pop(i)
                chains[base].event = _merge_pair(chains[base].event, other.event)
                chains[base].texts.extend(other.texts)
                chains[base].end = max(chains[base].end, other.end)
        target = chains[base]
    elif ref.names and ref.kind != "demonstrative":
        return False  # it names something no event told here has: another event
    else:
        target = next((chains[i] for i in nearest if _family_fits(chains[i].event, ev, ref.noun)), None)
        if target is None or not _refers(target.event, ev, ref, sure=ref.kind == "demonstrative"):
            return False
    logger.debug("%s reference %r joins the event told by %r", ref.kind, ev.evidence.text[:60],
                 target.event.evidence.text[:60])
    target.event = _join(target.event, ev, ref)
    target.texts.extend(texts)
    target.end = max(target.end, ev.evidence.end)
    return True


def _tells_pending(chains: list[_Chain], ev: Event, texts: list[str]) -> bool:
    """Join a telling to the opening reference that names it ("the bombing of the Oklahoma City federal
    building", then "The Murrah Federal Building in Oklahoma City was shattered by an explosion")."""
    if ev.event_type not in _VIOLENT:
        return False
    if ev.trigger is not None and ev.evidence.start <= ev.trigger.start <= ev.evidence.end:
        at = ev.trigger.start - ev.evidence.start
        before = ev.evidence.text[max(0, at - 40):at]
        if _AGAIN.search(before) or _ANOTHER.search(before):
            return False  # "Police launched further raids": another deed
    pool = _Chain(ev, list(texts), ev.evidence.end)
    for chain in chains:
        if chain.pending is None:
            continue
        anaphor, ref = chain.pending
        if _names(ref, pool)[0] and _refers(ev, anaphor, ref, sure=True):
            logger.debug("opening reference %r is told by %r", anaphor.evidence.text[:60], ev.evidence.text[:60])
            chain.event = _join(ev, chain.event, ref)
            chain.texts.extend(texts)
            chain.end = max(chain.end, ev.evidence.end)
            chain.pending = None
            return True
    return False


_DESTRUCTION = ("Strategic developments", "Looting/property destruction")
_DESTRUCTION_WORDS = (
    re.compile(r"\b(?:fire|fires|burn\w*|burnt|blaze|ablaze|alight|torch\w*|arson|set\s+on\s+fire)\b", re.IGNORECASE),
    re.compile(r"\b(?:loot\w*|plunder\w*|ransack\w*|pillag\w*|stole|steal\w*)\b", re.IGNORECASE),
    re.compile(r"\b(?:destroy\w*|demolish\w*|razed?|smash\w*|vandali[sz]\w*|wreck\w*)\b", re.IGNORECASE),
)


def _destroyed_in_course(chains: list[_Chain], ev: Event, texts: list[str]) -> bool:
    """Join property destruction told as part of a violent event already told to that event.

    "Suspected Boko Haram fighters stormed the village ..., setting fire to
    their huts" then a survivor's "I hid in a tree and watched them set fire
    to everything", or a riot's "shops were looted and buildings set on
    fire": looting and burning in the course of an attack or riot are that
    event (Looting/property destruction is coded only on its own). The event
    is the latest violent one whose telling speaks of that kind of damage
    (fire, looting, wrecking); the mention's own words must not give another
    place, day or initiator, nor mark another deed ("also", "later").
    """
    if (ev.event_type, ev.sub_event_type) != _DESTRUCTION or ev.background:
        return False
    text = ev.evidence.text
    if any(p.search(text) for p in (_ANOTHER, _LATER, _AFTER_A_WHILE)):
        return False
    kinds = [p for p in _DESTRUCTION_WORDS if p.search(text)]
    if not kinds:
        return False
    own_place = _reads(ev, ev.location_span)
    own_date = _reads(ev, ev.date.span)
    # "The attackers forced the girls onto vehicles, set fire to school buildings ...": the attackers
    # of the attack just told.
    theirs = _THE_ATTACKERS.match(text) is not None
    for n, chain in enumerate(reversed(chains)):
        target = chain.event
        if target.event_type not in _HEADLINE_KIN or target.background:
            continue
        if not any(p.search(t) for p in kinds for t in chain.texts) and not (theirs and n == 0):
            continue
        if own_place and not (target.location_span is not None and _place_fits(target.place, ev.place)):
            return False
        if own_date and _dates_clash(target.date, ev.date):
            return False
        if _rivals(target.actor1, ev.actor1) and _reads(ev, ev.actor1.span):
            return False
        logger.debug("destruction %r is part of %r", text[:60], target.evidence.text[:60])
        chain.event = _merge_pair(target, replace(ev, date=target.date), keep_type=True)
        chain.texts.extend(texts)
        chain.end = max(chain.end, ev.evidence.end)
        return True
    return False


_THE_ATTACKERS = re.compile(rf"^\W*(?:the|they)\b(?:\s+{_ATTACKERS}\b|\s+(?:raiders|fighters|gunmen|mob)\b|(?<=y)\b)",
                           re.IGNORECASE)


def _reads(ev: Event, span: Span | None) -> bool:
    """Whether a value was read from the mention's own words (not from the sentences around it)."""
    return span is not None and ev.evidence.start <= span.start < ev.evidence.end


def _fold_nested(chains: list[_Chain], ev: Event, texts: list[str]) -> bool:
    """A mention read twice, once from a stretch inside the other's evidence ("killed in blasts in
    Afghanistan" within the headline and lead that tell it), is one event."""
    for chain in reversed(chains):
        kept = chain.event
        a, b = kept.evidence, ev.evidence
        nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
        if not nested or (a.start, a.end) == (b.start, b.end):
            continue
        # Burning told with the riot or attack it was part of ("Rioters set fire to police cars ...
        # after a protest ... turned violent") is that riot or attack; "xenophobic attacks ... when
        # about 20 shops were looted", with nobody hurt, is the looting.
        damage = [x for x in (kept, ev) if (x.event_type, x.sub_event_type) == _DESTRUCTION]
        deed = [x for x in (kept, ev) if x.event_type in _HEADLINE_KIN]
        if len(damage) == 1 and len(deed) == 1:
            if _ANOTHER.search(damage[0].evidence.text) or not _places_agree(kept.place, ev.place) \
                    or _dates_clash(kept.date, ev.date):
                continue
            outer, inner = (kept, ev) if a.end - a.start > b.end - b.start else (ev, kept)
            merged = _merge_pair(outer, inner, keep_type=True)
            c = deed[0].casualties
            wins = deed[0] if deed[0].event_type == "Riots" or c.fatalities or c.wounded else damage[0]
            chain.event = replace(merged, event_type=wins.event_type, sub_event_type=wins.sub_event_type)
            chain.texts.extend(texts)
            chain.end = max(chain.end, ev.evidence.end)
            return True
        if kept.event_type != ev.event_type or \
                None not in (kept.sub_event_type, ev.sub_event_type) and kept.sub_event_type != ev.sub_event_type:
            continue  # a clause of another kind inside the sentence ("... as militants fired rockets") tells more
        outer, inner = (kept, ev) if a.end - a.start > b.end - b.start else (ev, kept)
        if _ANOTHER.search(outer.evidence.text) or not _agree(kept, ev):
            continue
        chain.event = _merge_pair(outer, inner, keep_type=True)
        chain.texts.extend(texts)
        chain.end = max(chain.end, ev.evidence.end)
        return True
    return False


def _names(ref: _Reference, chain: _Chain) -> tuple[int, int]:
    """How well the reference's words name the chain's event: 2 its place, 1 words of its telling
    or its year, 0 nothing; then how many of its names do (ties go to the event more of them name:
    "the deadliest attack in Somalia since al-Shabaab ..." is the one told in Somalia by al-Shabaab)."""
    ev = chain.event
    # Only a place read from the text names the event: a country the story implies (all of its
    # events may be placed there) does not tell "the deadliest attack in Somalia" which one it is.
    place_words = " ".join(x for x in (ev.place.name, ev.place.admin1, ev.location_span.text) if x) \
        if ev.place is not None and ev.location_span is not None else ""
    pool = "\n".join([*chain.texts, *(a.name for a in (ev.actor1, ev.actor2) if a is not None)])
    told = sum(1 for n in ref.names if _has_word(place_words, n) or _has_word(pool, n))
    if any(_has_word(place_words, n) for n in ref.names):
        return 2, told
    if told:
        return 1, told
    return (1, 1) if ref.year is not None and ev.date.date is not None and ev.date.date.year == ref.year else (0, 0)


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text) is not None


def _refers(target: Event, anaphor: Event, ref: _Reference, *, sure: bool) -> bool:
    """Whether ``anaphor`` can be a mention of ``target``: nothing its description states conflicts.

    With ``sure`` (its words name the target, or point at it: "this
    attack") a place or date its sentence gave it from elsewhere does not
    count; without, any conflicting place or date keeps the two apart. A toll
    read around the description may be an update; one inside it must match
    unless the description names the target.
    """
    if not _family_fits(target, anaphor, ref.noun):
        return False
    if ref.year is not None and target.date.date is not None and target.date.date.year != ref.year:
        return False  # "the 2007 Bagram Airfield bombing" is not the 2015 one
    # Without ``sure``, a place or date its own sentence gives counts; one the story implies does not.
    if not _places_agree(target.place, anaphor.place) and (
            ref.owns(anaphor.location_span) or not sure and _reads(anaphor, anaphor.location_span)):
        return False
    if not _dates_agree(target.date, anaphor.date) and (
            ref.owns(anaphor.date.span) or not sure and _reads(anaphor, anaphor.date.span)):
        return False
    ft, fa = target.casualties.fatalities, anaphor.casualties.fatalities
    if ft is not None and fa is not None and ft != fa and ref.counts(anaphor.casualties.fatalities_span) \
            and not _names_place(ref, target):
        return False
    days = {n for n in ref.names if _WEEKDAY.fullmatch(n)}
    told = set(_WEEKDAY.findall(target.evidence.text))
    if days and told and not days & told:
        return False  # "Saturday's attack" is not what happened on Monday
    return not (_rivals(target.actor1, anaphor.actor1) and ref.owns(anaphor.actor1.span))


def _names_place(ref: _Reference, target: Event) -> bool:
    place = target.place
    return place is not None and any(_has_word(place.name, n) for n in ref.names)


def _agree(a: Event, b: Event) -> bool:
    """Whether two tellings can be one event: kin types, fitting places and dates, no rival toll or initiator."""
    if a.event_type != b.event_type and not (
            a.event_type in _VIOLENT and b.event_type in _VIOLENT
            and _GENERIC in ((a.event_type, a.sub_event_type), (b.event_type, b.sub_event_type))):
        return False
    if not _places_agree(a.place, b.place) or not _dates_agree(a.date, b.date):
        return False
    fa, fb = a.casualties.fatalities, b.casualties.fatalities
    if fa is not None and fb is not None and fa != fb:
        return False
    return not _rivals(a.actor1, b.actor1)


def _places_agree(a: Place | None, b: Place | None) -> bool:
    """The same place, one inside the other, or one unknown."""
    return _narrows(a, b) or _narrows(b, a)


def _dates_agree(a: EventDate, b: EventDate) -> bool:
    """The same date at the coarser of the two precisions, or one unknown, or one not read from the
    text and near enough to the other."""
    if not _stated(a) or not _stated(b):
        return not _dates_clash(a, b)
    precision = min((a.precision or "day", b.precision or "day"), key=lambda p: _FINENESS.get(p, 3))
    if precision == "year":
        return a.date.year == b.date.year
    if precision == "month":
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    if precision == "week":
        return abs((a.date - b.date).days) <= 7
    return a.date == b.date


# A protest the text says was peaceful: "The protest was peaceful for several hours".
_SAID_PEACEFUL = re.compile(r"\b(?:was|were|had\s+been|remained|stayed)\s+(?:largely\s+|entirely\s+|mostly\s+)?"
                            r"peaceful(?:ly)?\b", re.IGNORECASE)


def _family_fits(target: Event, anaphor: Event, noun: str) -> bool:
    """Whether the mention's kind of event can be the target's: the same type, a generic attack on
    either side, or a noun of the target's family ("the blast" for an explosion)."""
    if target.event_type == anaphor.event_type:
        if _SAID_PEACEFUL.search(anaphor.evidence.text) and target.sub_event_type not in (None, "Peaceful protest"):
            return False  # "The protest was peaceful": not the one force was used against
        return target.event_type != "Strategic developments" or target.sub_event_type == anaphor.sub_event_type
    if {target.event_type, anaphor.event_type} == {"Protests", "Riots"}:
        # "the protest" that turned violent; "The protest was peaceful for several hours" is the
        # protest before the riot, an event of its own
        return bool(_PROTEST_NOUN.match(noun)) and not _SAID_PEACEFUL.search(anaphor.evidence.text)
    if target.event_type not in _VIOLENT or anaphor.event_type not in _VIOLENT:
        return False
    if (target.event_type, target.sub_event_type) == _GENERIC:
        # A generic attack is "the bombing" only if its telling speaks of a bomb ("the June bombings"
        # are not the men who shot policemen from motorcycles).
        words = _EXPLOSIVE_WORDS if _EXPLOSIVE_NOUN.match(noun) else _FIGHT_WORDS if _FIGHT_NOUN.match(noun) else None
        return words is None or words.search(target.evidence.text) is not None
    if (anaphor.event_type, anaphor.sub_event_type) == _GENERIC:
        return True
    if _EXPLOSIVE_NOUN.match(noun):
        return target.event_type == "Explosions/Remote violence"
    if _FIGHT_NOUN.match(noun):
        return target.event_type in ("Battles", "Violence against civilians")
    return bool(_GENERIC_NOUN.match(noun))


def _join(target: Event, anaphor: Event, ref: _Reference) -> Event:
    """``target`` with what the reference adds: only values read from its own words count where
    the target has them (the sentence around "this attack" may give another place or date)."""
    a, c = anaphor, anaphor.casualties
    if not ref.owns(a.location_span) and not a.sites:
        # A list of the sites it was done at tells where ("The first blasts came ... at St Anthony's
        # Shrine in Colombo, at St Sebastian's Church in Negombo ..."); another place is the sentence's.
        a = replace(a, place=None, location_span=None)
    if not ref.owns(a.date.span):
        a = replace(a, date=EventDate(None, None))
    if not ref.counts(c.fatalities_span):
        c = replace(c, fatalities=None, fatalities_high=None, fatalities_span=None)
    if not ref.counts(c.wounded_span):
        c = replace(c, wounded=None, wounded_span=None)
    if target.actor1 is not None and not (a.actor1 is not None and ref.owns(a.actor1.span)):
        a = replace(a, actor1=None)
    if target.actor2 is not None and not (a.actor2 is not None and ref.owns(a.actor2.span)):
        a = replace(a, actor2=None)
    # A generic word ("this cowardly attack", a stray "killed") never retypes the event it points at.
    return _merge_pair(target, replace(a, casualties=c), keep_type=bool(_GENERIC_NOUN.match(ref.noun)))
