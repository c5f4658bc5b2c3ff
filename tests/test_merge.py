"""Within-article merging of follow-up sentences into the event they tell on (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
import re

from tacitus.merge import merge_mentions
from tacitus.models import Actor, Casualties, Event, EventDate, Place, Span

KABUL = Place("Kabul", 34.5, 69.2, "AFG", "Kabul", 1138958, "P.PPLC", "place")
HERAT = Place("Herat", 34.3, 62.2, "AFG", "Herat", 1139715, "P.PPLA", "place")
DAY = EventDate(dt.date(2020, 5, 1), "day")


def _event(text, start, *, etype="Explosions/Remote violence", sub="Remote explosive/landmine/IED", place=None,
           fatalities=None, wounded=None, trigger=None, actor1=None, date=DAY):
    """An event whose evidence is ``text`` at ``start``; casualty spans point at the numbers in the text."""
    def span(value):
        if value is None:
            return None
        m = re.search(rf"\b{value}\b", text)
        return Span(start + m.start(), start + m.end(), m.group())

    trig = None
    if trigger is not None:
        at = text.index(trigger)
        trig = Span(start + at, start + at + len(trigger), trigger)
    return Event(article_id="a", event_type=etype, sub_event_type=sub, evidence=Span(start, start + len(text), text),
                 place=place, date=date, trigger=trig, actor1=Actor(actor1) if actor1 else None,
                 casualties=Casualties(fatalities=fatalities, wounded=wounded, fatalities_span=span(fatalities),
                                       wounded_span=span(wounded)))


def _after(first, text, **kw):
    return _event(text, first.evidence.end + 1, **kw)


def test_others_injured_in_the_attack_join_the_bombing():
    bomb = _event("A bomb in a truck killed at least 26 people at a market in Kabul.", 0, place=KABUL, fatalities=26)
    toll = _after(bomb, "At least 65 others were injured in the attack, which targeted a tribal leader.",
                  etype="Violence against civilians", sub="Attack", wounded=65, trigger="attack")
    merged = merge_mentions([bomb, toll])
    assert len(merged) == 1
    ev = merged[0]
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (ev.casualties.fatalities, ev.casualties.wounded) == (26, 65)
    assert ev.casualties.wounded_span.text == "65"


def test_also_wounded_counts_on_from_the_sentence_before():
    first = _event("22 soldiers were killed in the eastern borderlands.", 0, etype="Battles", sub="Armed clash",
                   fatalities=22)
    then = _after(first, "More than 20 other soldiers were also wounded after gunmen launched an attack near Kabul.",
                  etype="Battles", sub="Armed clash", wounded=20, place=KABUL, trigger="attack")
    merged = merge_mentions([first, then])
    assert len(merged) == 1 and merged[0].casualties.wounded == 20 and merged[0].casualties.fatalities == 22


def test_bare_toll_after_an_event_without_one_is_its_toll():
    blast = _event("Two time bombs went off in Kabul during a pageant.", 0, place=KABUL)
    toll = _after(blast, "Killing at least 41 and injuring 140 people.", etype="Violence against civilians",
                  sub="Attack", fatalities=41, wounded=140, trigger="Killing")
    merged = merge_mentions([blast, toll])
    assert len(merged) == 1
    assert merged[0].event_type == "Explosions/Remote violence"
    assert (merged[0].casualties.fatalities, merged[0].casualties.wounded) == (41, 140)


def test_a_rival_toll_that_does_not_count_on_stays_apart():
    first = _event("A bomb killed 5 people in Kabul.", 0, place=KABUL, fatalities=5)
    second = _after(first, "Gunmen killed 3 people at a checkpoint.", etype="Violence against civilians",
                    sub="Attack", fatalities=3, trigger="killed")
    assert len(merge_mentions([first, second])) == 2


def test_bare_toll_needs_a_casualty_word_and_no_other_place():
    blast = _event("A bomb went off in Kabul.", 0, place=KABUL)
    raid = _after(blast, "Gunmen stormed a hotel in Herat, wounding 4.", etype="Violence against civilians",
                  sub="Attack", wounded=4, place=HERAT, trigger="stormed")
    assert len(merge_mentions([blast, raid])) == 2
    elsewhere = _after(blast, "Militants killed 4 people in Herat.", etype="Violence against civilians",
                       sub="Attack", fatalities=4, place=HERAT, trigger="killed")
    assert len(merge_mentions([blast, elsewhere])) == 2


def test_another_attack_stays_apart_even_when_it_counts_on():
    first = _event("A suicide bomber killed 7 civilians in Kabul.", 0, place=KABUL, fatalities=7)
    other = _after(first, "In another attack, 3 others were wounded by a roadside bomb.", wounded=3,
                   trigger="attack")
    assert len(merge_mentions([first, other])) == 2


def test_attackers_shot_by_police_end_the_attack():
    attack = _event("A man wounded 2 police officers with a knife near the gate in Kabul.", 0,
                    etype="Violence against civilians", sub="Attack", wounded=2, place=KABUL, actor1="Unidentified")
    end = _after(attack, "He was shot and killed by security forces.", etype="Violence against civilians",
                 sub="Attack", fatalities=None, actor1="Police Forces of Afghanistan")
    merged = merge_mentions([attack, end])
    assert len(merged) == 1 and merged[0].casualties.wounded == 2
    blast = _event("Taliban militants detonated a car bomb in Kabul. 2 guards were killed and 7 wounded.", 0,
                   place=KABUL, fatalities=2, wounded=7)
    shot = _after(blast, "2 militants were shot dead by Afghan security forces.", etype="Battles",
                  sub="Armed clash", fatalities=2)
    merged = merge_mentions([blast, shot])
    assert len(merged) == 1
    assert merged[0].event_type == "Explosions/Remote violence"
    assert (merged[0].casualties.fatalities, merged[0].casualties.wounded) == (2, 7)


def test_a_later_clash_that_names_no_attackers_stays_apart():
    blast = _event("A car bomb exploded in Kabul, wounding 9.", 0, place=KABUL, wounded=9)
    clash = _after(blast, "Troops killed 13 suspects in a raid the next week.", etype="Battles", sub="Armed clash",
                   fatalities=13, date=EventDate(dt.date(2020, 5, 8), "day"))
    assert len(merge_mentions([blast, clash])) == 2


def test_a_follow_up_may_name_a_spot_inside_the_first_place():
    afghanistan = Place("Afghanistan", 33.0, 65.0, "AFG", None, 1149361, "A.PCLI", "country")
    first = _event("At least 5 people were killed in a mortar attack on a market in northern Afghanistan.", 0,
                   sub="Shelling/artillery/missile attack", place=afghanistan, fatalities=5)
    then = _after(first, "45 people, including women and children, were also wounded in the attack in Kabul.",
                  etype="Violence against civilians", sub="Attack", place=KABUL, wounded=45, trigger="attack")
    merged = merge_mentions([first, then])
    assert len(merged) == 1 and merged[0].casualties.wounded == 45
    assert merged[0].place == KABUL  # the more specific place is kept
    abroad = _after(first, "45 others were also wounded in the attack in Peshawar.", etype="Violence against civilians",
                    sub="Attack", wounded=45, trigger="attack",
                    place=Place("Peshawar", 34.0, 71.5, "PAK", "Khyber Pakhtunkhwa", 1168197, "P.PPLA", "place"))
    assert len(merge_mentions([first, abroad])) == 2


def test_a_later_deed_with_its_own_toll_stays_apart():
    first = _event("Gunmen attacked a police patrol in Kabul, killing 5 policemen.", 0,
                   etype="Violence against civilians", sub="Attack", place=KABUL, fatalities=5)
    later = _after(first, "Several hours later militants attacked a market. At least 9 were killed. 14 others were "
                   "wounded.", sub="Grenade", fatalities=9, wounded=14, trigger="attacked")
    assert len(merge_mentions([first, later])) == 2


def test_blast_told_again_as_a_suicide_attack_is_a_suicide_bomb():
    blast = _event("Two huge bombings shook the city of Kabul, killing 28.", 0, place=KABUL, fatalities=28)
    how = _after(blast, "At least 235 others were wounded by the two suicide car bombs.", sub="Suicide bomb",
                 wounded=235, trigger="suicide")
    merged = merge_mentions([blast, how])
    assert len(merged) == 1 and merged[0].sub_event_type == "Suicide bomb"
    assert (merged[0].casualties.fatalities, merged[0].casualties.wounded) == (28, 235)


def test_attackers_fate_keeps_the_type_of_the_attack():
    attack = _event("Militants stormed a village near Kabul, killing 4 civilians.", 0,
                    etype="Violence against civilians", sub="Attack", place=KABUL, fatalities=4)
    fate = _after(attack, "3 militants were killed in a gunfight with police.", etype="Battles", sub="Armed clash",
                  fatalities=3)
    merged = merge_mentions([attack, fate])
    assert len(merged) == 1
    assert (merged[0].event_type, merged[0].casualties.fatalities) == ("Violence against civilians", 4)
