"""Within-article merging: the coded events of one article -> one event per occurrence.

Takes the coded :class:`~tacitus.models.Event` records of one article, in
text order (after places, dates, numbers and actors are read), and returns
them with the mentions of one occurrence merged: the headline's "…; 129 dead"
and the body's account of the bombing, a passing re-mention, a sentence going
on about the event just told ("The attack was claimed by …"). The merged event
keeps the more specific values and the highest confirmed toll (CODEBOOK 3).
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
    (background) mention or both name the same place. A casualty-only attack
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
            if _same_occurrence(kept, ev) or _repeats_toll(kept, ev, headline_end) or \
                    (i == len(out) - 1 and (_tells_on(kept, ev) or _continues(kept, ev))):
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


def _merge_pair(a: Event, b: Event) -> Event:
    main, other = (b, a) if a.background and not b.background else (a, b)
    if main.event_type != other.event_type and (main.event_type, main.sub_event_type) == _GENERIC:
        # A headline's generic attack yields to the body's account of how.
        main, other = other, main

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
        sub_event_type=main.sub_event_type or other.sub_event_type,
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
