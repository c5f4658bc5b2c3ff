"""Within-article merging of follow-up sentences into the event they tell on (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
import re

from tacitus.merge import merge_mentions
from tacitus.models import Actor, Casualties, Event, EventDate, Place, Span

KABUL = Place("Kabul", 34.5, 69.2, "AFG", "Kabul", 1138958, "P.PPLC", "place")
HERAT = Place("Herat", 34.3, 62.2, "AFG", "Herat", 1139715, "P.PPLA", "place")
DAY = EventDate(dt.date(2020, 5, 1), "day")


def _event(text, start, *, etype="Explosions/Remote violence", sub="Remote explosive/landmine/IED", place=None,
           fatalities=None, wounded=None, trigger=None, actor1=None, date=DAY, when=None):
    """An event whose evidence is ``text`` at ``start``; casualty spans point at the numbers in the text,
    the place's span at its name in the text (none when the text does not name it: an implied place),
    and the date's at ``when`` (none: the publication date an undated sentence falls back on)."""
    def span(value):
        if value is None:
            return None
        m = re.search(rf"\b{value}\b", text)
        return Span(start + m.start(), start + m.end(), m.group()) if m else None

    trig = None
    if trigger is not None:
        at = text.index(trigger)
        trig = Span(start + at, start + at + len(trigger), trigger)
    if when is not None:
        date = EventDate(date.date, date.precision, span(when), reported=date.reported)
    return Event(article_id="a", event_type=etype, sub_event_type=sub, evidence=Span(start, start + len(text), text),
                 place=place, location_span=span(place.name) if place else None,
                 date=date, trigger=trig, actor1=Actor(actor1) if actor1 else None,
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
    raid = _event("Gunmen attacked a training centre in Kabul, injuring two policemen.", 0, etype="Battles",
                  sub="Armed clash", place=KABUL, wounded=2, actor1="Unidentified")
    gunned = _after(raid, "All three attackers were gunned down.", etype="Violence against civilians", sub="Attack",
                    fatalities=3)
    merged = merge_mentions([raid, gunned])
    assert [(e.event_type, e.casualties.fatalities) for e in merged] == [("Battles", 3)]


def test_a_sentence_naming_who_led_the_operation_is_that_event():
    khartoum = Place("Khartoum", 15.55, 32.53, "SDN", "Khartoum", 379252, "P.PPLC", "place")
    monday = EventDate(dt.date(2019, 6, 3), "day")
    dispersal = _event("Security forces opened fire on protesters as they broke up the sit-in in Khartoum on Monday.",
                       0, etype="Protests", sub="Excessive force against protesters", place=khartoum,
                       actor1="Military Forces of Sudan", date=monday, when="Monday")
    led = _after(dispersal, "Witnesses said members of the Rapid Support Forces led the operation, firing live rounds.",
                 etype="Violence against civilians", sub="Attack", actor1="RSF: Rapid Support Forces")
    toll = _after(led, "On Tuesday doctors said at least 35 people had been killed.",
                  etype="Violence against civilians", sub="Attack", fatalities=35, trigger="killed",
                  date=EventDate(dt.date(2019, 6, 4), "day", reported=True), when="Tuesday")
    merged = merge_mentions([dispersal, led, toll])
    assert [(e.sub_event_type, e.actor1.name, e.casualties.fatalities, e.date.date) for e in merged] == [
        ("Excessive force against protesters", "RSF: Rapid Support Forces", 35, dt.date(2019, 6, 3))]
    # another operation, told as such, stays apart
    other = _after(dispersal, "Later, the Rapid Support Forces led another operation in Omdurman.",
                   etype="Violence against civilians", sub="Attack", actor1="RSF: Rapid Support Forces")
    assert len(merge_mentions([dispersal, other])) == 2


def test_of_two_days_it_was_said_on_the_earlier_bounds_the_event():
    madani = Place("Wad Madani", 14.4, 33.52, "SDN", "Al Jazirah", 365137, "P.PPLA", "place")
    tuesday = EventDate(dt.date(2023, 12, 19), "day", reported=True)
    monday = EventDate(dt.date(2023, 12, 18), "day", reported=True)
    first = _event("The army said on Tuesday its troops had withdrawn from Wad Madani after the RSF took control.", 0,
                   etype="Battles", sub="Non-state actor overtakes territory", place=madani, actor1="RSF",
                   date=tuesday, when="Tuesday")
    second = _after(first, "On Monday the RSF said its fighters had seized Wad Madani.", etype="Battles",
                    sub="Non-state actor overtakes territory", place=madani, actor1="RSF", date=monday, when="Monday")
    merged = merge_mentions([first, second])
    assert [e.date.date for e in merged] == [dt.date(2023, 12, 18)]


def test_a_later_clash_that_names_no_attackers_stays_apart():
    blast = _event("A car bomb exploded in Kabul, wounding 9.", 0, place=KABUL, wounded=9)
    clash = _after(blast, "Troops killed 13 suspects in a raid the next week.", etype="Battles", sub="Armed clash",
                   fatalities=13, date=EventDate(dt.date(2020, 5, 8), "day"), when="the next week")
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


def test_one_side_is_never_both_sides_of_the_merged_event():
    blast = _event("Two huge bombings shook the city of Kabul, killing 28.", 0, place=KABUL, fatalities=28,
                   actor1="Taliban")
    told = replace(_after(blast, "The bombings killed 28 people in Kabul.", place=KABUL, fatalities=28),
                   actor2=Actor("Taliban", kind="rebel"))
    [merged] = merge_mentions([blast, told])
    assert merged.actor1.name == "Taliban" and merged.actor2 is None
    told = replace(told, actor2=Actor("Civilians (Afghanistan)", kind="civilians"))
    [merged] = merge_mentions([blast, told])
    assert (merged.actor1.name, merged.actor2.name) == ("Taliban", "Civilians (Afghanistan)")


def test_attackers_fate_keeps_the_type_of_the_attack():
    attack = _event("Militants stormed a village near Kabul, killing 4 civilians.", 0,
                    etype="Violence against civilians", sub="Attack", place=KABUL, fatalities=4)
    fate = _after(attack, "3 militants were killed in a gunfight with police.", etype="Battles", sub="Armed clash",
                  fatalities=3)
    merged = merge_mentions([attack, fate])
    assert len(merged) == 1
    assert (merged[0].event_type, merged[0].casualties.fatalities) == ("Violence against civilians", 4)


# -- references to an event told elsewhere in the article ----------------------------------------

MANCHESTER = Place("Manchester", 53.5, -2.2, "GBR", "England", 2643123, "P.PPLA2", "place")
LONDON = Place("London", 51.5, -0.1, "GBR", "England", 2643743, "P.PPLC", "place")
UK = Place("United Kingdom", 54.0, -2.0, "GBR", None, 2635167, "A.PCLI", "country")
USA = Place("United States", 39.8, -98.6, "USA", None, 6252001, "A.PCLI", "country")
PAKISTAN = Place("Pakistan", 30.0, 70.0, "PAK", None, 1168579, "A.PCLI", "country")
BAGRAM = Place("Bagram", 34.97, 69.29, "AFG", "Parwan", 1147290, "P.PPL", "place")
OKLAHOMA_CITY = Place("Oklahoma City", 35.5, -97.5, "USA", "Oklahoma", 4544349, "P.PPLA", "place")
JUNCTION_CITY = Place("Junction City", 39.0, -96.8, "USA", "Kansas", 4273299, "P.PPL", "place")


def _mention(text, start, trigger, *, etype="Explosions/Remote violence", sub="Remote explosive/landmine/IED",
             place=None, loc=None, date=None, date_at=None, fatalities=None, actor1=None, background=False):
    """An event told by ``text`` at ``start``; ``loc`` names where its place was read (a word of the
    text, or an offset outside it), ``date_at`` where its date was read (an offset, default: nowhere)."""
    def at(word):
        if word is None:
            return None
        i = text.index(word)
        return Span(start + i, start + i + len(word), word)

    location = at(loc) if isinstance(loc, str) else (Span(loc, loc + 5, "xxxxx") if loc is not None else None)
    when = EventDate(date, "day", Span(date_at, date_at + 10, "xxxxxxxxxx") if date_at is not None else None) \
        if date else EventDate(None, None)
    return Event(article_id="a", event_type=etype, sub_event_type=sub, evidence=Span(start, start + len(text), text),
                 trigger=at(trigger), place=place, location_span=location, date=when, background=background,
                 actor1=Actor(actor1, Span(0, 5, "xxxxx"), "rebel") if actor1 else None,
                 casualties=Casualties(fatalities=fatalities,
                                       fatalities_span=at(str(fatalities)) if fatalities else None))


MAY22 = dt.date(2017, 5, 22)


def test_the_named_bombing_later_in_the_article_is_the_bombing_told_before():
    told = _mention("A suicide bomber killed 22 people at a concert in Manchester.", 0, "suicide", sub="Suicide bomb",
                    place=MANCHESTER, loc="Manchester", date=MAY22, date_at=0, fatalities=22)
    # The caption date ("photo released May 27") is read around the mention, not from it.
    again = _mention("Abedi, the bomber behind the Manchester bombing, is seen in this photo released May 27, 2017.",
                     900, "bombing", place=MANCHESTER, loc="Manchester", date=dt.date(2017, 5, 27), date_at=970)
    merged = merge_mentions([told, again])
    assert len(merged) == 1
    ev = merged[0]
    assert (ev.sub_event_type, ev.date.date, ev.casualties.fatalities, ev.place) == \
        ("Suicide bomb", MAY22, 22, MANCHESTER)


def test_two_attacks_named_by_their_towns_stay_two():
    london = _mention("Saturday's terror attack in the heart of London killed 8.", 0, "attack",
                      etype="Violence against civilians", sub="Attack", place=LONDON, loc="London", fatalities=8)
    manchester = _mention("Abedi carried out the May 22 concert bombing in Manchester.", 400, "bombing",
                          place=MANCHESTER, loc="Manchester")
    again = _mention("Questions are asked again in the wake of the van-and-knife attack in the London Bridge district "
                     "of Britain's capital.", 900, "attack", etype="Violence against civilians", sub="Attack",
                     place=UK, loc="Britain", background=True)
    merged = merge_mentions([london, manchester, again])
    assert [ev.place for ev in merged] == [LONDON, MANCHESTER]
    assert merged[0].sub_event_type == "Attack" and merged[1].sub_event_type == "Remote explosive/landmine/IED"


def test_a_day_named_in_the_description_finds_its_attack_despite_a_place_read_around_it():
    london = _mention("Saturday's terror attack in the heart of London killed 8.", 0, "attack",
                      etype="Violence against civilians", sub="Attack", place=LONDON, loc="London", fatalities=8,
                      actor1="Islamic State")
    parents = _mention("The parents of the ringleader of Saturday's attack were asylum seekers from Pakistan.", 500,
                       "attack", etype="Violence against civilians", sub="Attack", place=PAKISTAN, loc="Pakistan")
    raids = _mention("Police launched further raids early Monday in east London.", 900, "raids",
                     etype="Violence against civilians", sub="Attack", place=LONDON, loc="London", actor1="Police")
    merged = merge_mentions([london, parents, raids])
    assert len(merged) == 2
    assert merged[0].place == LONDON and merged[0].casualties.fatalities == 8
    assert merged[1].evidence == raids.evidence  # another deed, days later


def test_a_reaction_to_this_attack_adds_nothing_and_makes_no_event():
    bomb = _mention("On December 21, 2015 in Bagram, a suicide bomber blew himself up, killing 6 NATO soldiers.", 0,
                    "suicide", sub="Suicide bomb", place=BAGRAM, loc="Bagram", date=dt.date(2015, 12, 21), date_at=3,
                    fatalities=6)
    reaction = _mention("The United States condemns this cowardly attack on members of the U.S. and Afghan forces.",
                        1500, "attack", etype="Battles", sub="Armed clash", place=USA, loc="United States",
                        background=True)
    stray = _mention("killed", 1200, "killed", etype="Violence against civilians", sub="Attack", place=BAGRAM)
    merged = merge_mentions([bomb, stray, reaction])
    assert len(merged) == 1
    assert (merged[0].event_type, merged[0].sub_event_type, merged[0].place) == \
        ("Explosions/Remote violence", "Suicide bomb", BAGRAM)


def test_a_bombing_of_another_year_is_another_bombing():
    bomb = _mention("On December 21, 2015 in Bagram, a suicide bomber blew himself up.", 0, "suicide",
                    sub="Suicide bomb", place=BAGRAM, loc="Bagram", date=dt.date(2015, 12, 21), date_at=3)
    other = _mention("See also: the 2007 Bagram Airfield bombing.", 800, "bombing", background=True)
    assert len(merge_mentions([bomb, other])) == 2


def test_an_opening_reference_is_the_event_told_below_it():
    opening = _mention("The owner of a body shop in Junction City identified the man who rented the truck used in "
                       "the bombing of the Oklahoma City federal building.", 0, "bombing", place=JUNCTION_CITY,
                       loc="Junction City")
    told = _mention("The Murrah Federal Building in Oklahoma City was shattered by an explosion on April 19, 1995, "
                    "killing 168 people.", 1500, "explosion", place=OKLAHOMA_CITY, loc="Oklahoma City",
                    date=dt.date(1995, 4, 19), date_at=1580, fatalities=168)
    device = _mention("Prosecutors say he drove the truck to Geary Lake in Kansas, and that it was driven to Oklahoma "
                      "City and detonated.", 2100, "detonated",
                      place=Place("Kansas", 38.5, -98.0, "USA", "Kansas", 4273857, "A.ADM1", "admin1"), loc="Kansas")
    merged = merge_mentions([opening, told, device])
    assert len(merged) == 1
    ev = merged[0]
    assert (ev.place, ev.date.date, ev.casualties.fatalities) == (OKLAHOMA_CITY, dt.date(1995, 4, 19), 168)


def test_separate_incidents_of_one_report_stay_apart():
    kabul = _mention("A bomb exploded at a market in Kabul, killing 5.", 0, "bomb", place=KABUL, loc="Kabul",
                     fatalities=5)
    herat = _mention("The attack on a checkpoint in Herat killed 3.", 50, "attack", etype="Violence against civilians",
                     sub="Attack", place=HERAT, loc="Herat", fatalities=3)
    second = _mention("A second blast killed 2 people nearby.", 100, "blast", fatalities=2)
    similar = _mention("It was similar to a February 19 explosion at the same stop.", 600, "explosion")
    assert len(merge_mentions([kabul, herat, second, similar])) == 4


def test_the_blast_just_told_of_is_that_blast_and_its_toll_may_be_an_update():
    blast = _mention("A car bomb exploded outside a police station in Kabul, killing 5.", 0, "bomb", place=KABUL,
                     loc="Kabul", fatalities=5)
    clash = _mention("Gunmen then stormed a checkpoint near the ministry.", 70, "stormed", etype="Battles",
                     sub="Armed clash", place=KABUL, loc="checkpoint")
    later = _mention("Officials said the blast at the police station killed 9 people.", 500, "blast", place=KABUL,
                     fatalities=9)
    merged = merge_mentions([blast, clash, later])
    assert len(merged) == 3  # the blast's own sentence gives another toll, and nothing names it
    update = _mention("The toll of the blast rose on Sunday, officials said.", 500, "blast")
    merged = merge_mentions([blast, clash, update])
    assert len(merged) == 2 and merged[0].casualties.fatalities == 5


def test_a_mention_read_twice_from_nested_stretches_is_one():
    headline = _mention("killed in blasts in Afghanistan", 12, "blasts", place=None, loc=None)
    lead = _mention("7 militants killed in blasts in Afghanistan. Seven Taliban militants were killed in two "
                    "accidental explosions in Kandahar province", 0, "explosions", place=KABUL, loc="Kandahar",
                    fatalities=7)
    merged = merge_mentions([headline, lead])
    assert len(merged) == 1 and merged[0].casualties.fatalities == 7 and merged[0].evidence == lead.evidence


MAIDUGURI = Place("Maiduguri", 11.85, 13.16, "NGA", "Borno", 2331447, "P.PPLA", "place")
NIGERIA = Place("Nigeria", 10.0, 8.0, "NGA", None, 2328926, "A.PCLI", "country")
PUBLISHED = EventDate(dt.date(2016, 2, 1), "day")  # an undated sentence falls back on it (no span)
SATURDAY = EventDate(dt.date(2016, 1, 30), "day")
SUNDAY = EventDate(dt.date(2016, 1, 31), "day")
VAC = {"etype": "Violence against civilians", "sub": "Attack"}


def test_headline_dated_by_publication_is_the_lead_event_with_the_latest_toll():
    head = _event("Boko Haram raiders burn village near Maiduguri, killing 86", 0, **VAC, place=MAIDUGURI,
                  fatalities=86, trigger="burn", date=PUBLISHED, actor1="Boko Haram")
    lead = _event("Boko Haram fighters stormed the village of Dalori near Maiduguri on Saturday night, setting fire "
                  "to huts.", 70, **VAC, place=MAIDUGURI, trigger="stormed", date=SATURDAY, when="Saturday night",
                  actor1="Boko Haram")
    toll = _after(lead, "Officials first said 65 people had died. The count rose to 86 on Sunday.", **VAC,
                  fatalities=65, trigger="died", date=SUNDAY, when="Sunday")
    detail = _after(toll, "Most of the victims were shot or burned to death in their homes.", **VAC, place=NIGERIA,
                    trigger="shot", date=PUBLISHED)
    quote = _after(detail, '"I hid in a tree and watched them set fire to everything," said one survivor.',
                   etype="Strategic developments", sub="Looting/property destruction", trigger="set", date=PUBLISHED)
    bombers = _after(quote, "Three young women then blew themselves up among residents fleeing the village.",
                     sub="Suicide bomb", trigger="blew", date=PUBLISHED, actor1="Civilians (Nigeria)")
    merged = merge_mentions([head, lead, toll, detail, quote, bombers], headline_end=head.evidence.end)
    assert len(merged) == 2
    attack = merged[0]
    assert attack.evidence == lead.evidence  # the body's sentence reports it, not the headline
    assert attack.date.date == dt.date(2016, 1, 30) and attack.casualties.fatalities == 86
    assert attack.place == MAIDUGURI
    assert merged[1].sub_event_type == "Suicide bomb"


def test_a_date_told_long_before_publication_still_clashes():
    blast = _event("An explosion occurred at a bus stop in Kabul, killing 2.", 0, place=KABUL, fatalities=2,
                   date=PUBLISHED)
    earlier = _after(blast, "Kabul saw a blast at the same stop on 19 February.", place=KABUL,
                     date=EventDate(dt.date(2015, 2, 19), "day"), when="19 February", trigger="blast")
    merged = merge_mentions([blast, earlier])
    assert len(merged) == 2 and merged[0].date.date == dt.date(2016, 2, 1)


def test_headline_joins_a_lead_in_a_town_near_its_place_but_not_one_far_away():
    delhi = Place("Delhi", 28.65, 77.23, "IND", "Delhi", 1273294, "P.PPLC", "place")
    dadri = Place("Dadri", 28.55, 77.55, "IND", "Uttar Pradesh", 1273724, "P.PPL", "place")
    mumbai = Place("Mumbai", 19.07, 72.88, "IND", "Maharashtra", 1275339, "P.PPLA", "place")
    monday = EventDate(dt.date(2016, 1, 25), "day")
    head = _event("Mob kills man over beef rumour in village near Delhi", 0, etype="Riots", sub="Mob violence",
                  place=delhi, trigger="Mob", date=PUBLISHED, actor1="Rioters (India)")
    for town, joins in ((dadri, True), (mumbai, False)):
        lead = _event(f"A crowd of villagers beat a man to death in a village near {town.name} on Monday night.", 60,
                      **VAC, place=town, trigger="beat", date=monday, when="Monday night")
        merged = merge_mentions([head, lead], headline_end=head.evidence.end)
        assert len(merged) == (1 if joins else 2)
        assert merged[-1].event_type == "Violence against civilians" and merged[-1].place == town


def test_a_first_line_that_is_a_paragraph_is_no_headline():
    first = _event("Militants stormed a village near Maiduguri and killed 5 people, officials said on Sunday, "
                   "adding that the attackers had come on motorcycles and in trucks from the forest to the east of "
                   "the town before dawn.", 0, **VAC, place=MAIDUGURI, fatalities=5, trigger="stormed")
    then = _event("Soldiers clashed with Boko Haram near Maiduguri on Saturday.", 220, etype="Battles",
                  sub="Armed clash", place=MAIDUGURI, trigger="clashed", date=SATURDAY, when="Saturday")
    assert len(merge_mentions([first, then], headline_end=first.evidence.end)) == 2


def test_the_accord_signed_is_the_agreement_told_and_keeps_its_place():
    cartagena = Place("Cartagena", 10.4, -75.5, "COL", "Bolívar", 3687238, "P.PPLA", "place")
    havana = Place("Havana", 23.1, -82.4, "CUB", "La Habana", 3553478, "P.PPLC", "place")
    deal = _event("Santos and Timochenko signed a peace agreement in Cartagena on Monday.", 0,
                  etype="Strategic developments", sub="Agreement", place=cartagena, trigger="agreement",
                  date=EventDate(dt.date(2016, 9, 26), "day"), when="Monday")
    signed = _after(deal, "The two men signed the accord with pens made from bullets, after talks in Cuba's capital.",
                    etype="Strategic developments", sub="Agreement", place=havana, trigger="accord",
                    date=EventDate(dt.date(2016, 9, 27), "day"))
    merged = merge_mentions([deal, signed])
    assert len(merged) == 1 and merged[0].place == cartagena and merged[0].date.date == dt.date(2016, 9, 26)
    ceasefire = _after(signed, "A ceasefire has been in force since August 29.", etype="Strategic developments",
                       sub="Agreement", trigger="ceasefire", date=EventDate(dt.date(2016, 8, 29), "day"),
                       when="August 29")
    assert len(merge_mentions([deal, signed, ceasefire])) == 2


def test_burning_told_inside_a_riot_is_the_riot():
    tottenham = Place("Tottenham", 51.6, -0.07, "GBR", "England", 2635627, "P.PPLX", "place")
    text = "Rioters set fire to police cars in Tottenham on Saturday night after a protest turned violent."
    burn = _event(text, 0, etype="Strategic developments", sub="Looting/property destruction", place=tottenham,
                  trigger="set", date=SATURDAY, when="Saturday night")
    at = text.index("after")
    riot = Event(article_id="a", event_type="Riots", sub_event_type="Violent demonstration",
                 evidence=Span(at, len(text), text[at:]), place=tottenham, date=SATURDAY,
                 trigger=Span(at + 8, at + 15, "protest"))
    merged = merge_mentions([burn, riot])
    assert len(merged) == 1
    assert (merged[0].event_type, merged[0].sub_event_type) == ("Riots", "Violent demonstration")
    assert merged[0].evidence == burn.evidence


def test_a_statement_date_does_not_keep_apart_the_event_it_reports():
    monday = dt.date(2016, 2, 1)
    said = _event("Police said on Monday that a bomb killed 5 people at a market in Kabul.", 0, place=KABUL,
                  fatalities=5, trigger="bomb", date=EventDate(monday, "day", reported=True), when="Monday")
    told = _after(said, "The bomb exploded on Friday as shoppers gathered near the market in Kabul.", place=KABUL,
                  trigger="bomb", date=EventDate(dt.date(2016, 1, 29), "day"), when="Friday")
    merged = merge_mentions([said, told])
    assert len(merged) == 1 and merged[0].date.date == dt.date(2016, 1, 29)
    # the same day read as the event's own is another day, another event
    own = _event(said.evidence.text, 0, place=KABUL, fatalities=5, trigger="bomb", date=EventDate(monday, "day"),
                 when="Monday")
    assert len(merge_mentions([own, told])) == 2


def _storming():
    return _event("Taliban fighters stormed a village near Kabul on Saturday night, shooting residents in an attack "
                  "that lasted hours, killing 86.", 0, etype="Violence against civilians", sub="Attack",
                  place=KABUL, fatalities=86, actor1="Taliban")


def test_a_step_told_with_then_is_the_same_attack():
    then = _after(_storming(), "Three young women then blew themselves up among residents fleeing the village.",
                  sub="Suicide bomb", actor1="Taliban")
    merged = merge_mentions([_storming(), then])
    assert [(e.event_type, e.sub_event_type, e.casualties.fatalities) for e in merged] == [
        ("Violence against civilians", "Attack", 86)]


def test_then_elsewhere_or_by_another_group_is_another_event():
    elsewhere = _after(_storming(), "The fighters then attacked a checkpoint in Herat.", etype="Battles",
                       sub="Armed clash", place=HERAT, actor1="Taliban")
    other = _after(_storming(), "Islamic State then claimed a bombing of its own.", sub="Suicide bomb",
                   actor1="Islamic State")
    assert len(merge_mentions([_storming(), elsewhere])) == 2
    assert len(merge_mentions([_storming(), other])) == 2


def test_a_raid_that_kills_no_one_is_the_abduction_it_carried_out():
    chibok = Place("Chibok", 10.87, 12.85, "NGA", "Borno", 2346812, "P.PPL", "place")
    seized = _event("Parents of schoolgirls seized from a school in Chibok said 234 were missing.", 0,
                    etype="Violence against civilians", sub="Abduction/forced disappearance", place=chibok,
                    actor1="Boko Haram", date=EventDate(dt.date(2014, 4, 21), "day", reported=True))
    raid = _after(seized, "Gunmen arrived in Chibok late on April 14 and raided the school.",
                  etype="Violence against civilians", sub="Attack", place=chibok, actor1="Boko Haram",
                  date=EventDate(dt.date(2014, 4, 14), "day"), when="April 14")
    merged = merge_mentions([seized, raid])
    assert [(e.sub_event_type, str(e.date.date)) for e in merged] == [("Abduction/forced disappearance", "2014-04-14")]
    deadly = replace(raid, casualties=Casualties(fatalities=3))
    assert len(merge_mentions([seized, deadly])) == 2


BELFAST = Place("Belfast", 54.6, -5.93, "GBR", "Northern Ireland", 2655984, "P.PPLA", "place")
COLOMBO = Place("Colombo", 6.93, 79.85, "LKA", "Western", 1248991, "P.PPLC", "place")
NEGOMBO = Place("Negombo", 7.21, 79.84, "LKA", "Western", 1232783, "P.PPL", "place")
BATTICALOA = Place("Batticaloa", 7.73, 81.69, "LKA", "Eastern", 1250161, "P.PPLA", "place")


def _site(text, place, offset=0):
    from tacitus.models import Toponym

    at = text.index(place.name)
    return Toponym(Span(offset + at, offset + at + len(place.name), place.name), place)


def test_each_site_of_a_deed_is_an_event_of_its_own():
    text = "Bombers struck churches in Colombo, in Negombo and in Batticaloa on Sunday, killing 290 people."
    bombing = replace(_event(text, 0, sub="Suicide bomb", place=COLOMBO, fatalities=290, trigger="Bombers",
                             actor1="NTJ"),
                      sites=(_site(text, NEGOMBO), _site(text, BATTICALOA)))
    merged = merge_mentions([bombing])
    assert [(e.place.name, e.casualties.fatalities, e.sub_event_type, e.actor1.name) for e in merged] == [
        ("Colombo", 290, "Suicide bomb", "NTJ"), ("Negombo", None, "Suicide bomb", "NTJ"),
        ("Batticaloa", None, "Suicide bomb", "NTJ")]
    assert [e.location_span.text for e in merged] == ["Colombo", "Negombo", "Batticaloa"]
    assert all(e.sites == () for e in merged) and merged[1].confidence < merged[0].confidence


def test_no_one_killed_holds_at_every_site():
    text = "Drones struck plants in Colombo and in Negombo on Sunday, and no one was killed."
    strike = replace(_event(text, 0, sub="Air/drone strike", place=COLOMBO, trigger="Drones"),
                     casualties=Casualties(fatalities=0, wounded=None), sites=(_site(text, NEGOMBO),))
    merged = merge_mentions([strike])
    assert [(e.place.name, e.casualties.fatalities, e.casualties.wounded) for e in merged] == [
        ("Colombo", 0, None), ("Negombo", 0, None)]


def test_bombs_at_more_sites_of_one_town_are_the_coordinated_attack():
    sunday = EventDate(dt.date(2019, 4, 21), "day")
    lead = _event("Suicide bombers struck a shrine in Colombo on Sunday, killing 290.", 0, sub="Suicide bomb",
                  place=COLOMBO, fatalities=290, trigger="Suicide", date=sunday, when="Sunday")
    hotels = _after(lead, "Bombs also ripped through three hotels in Colombo on Sunday.", place=COLOMBO,
                    trigger="Bombs", date=sunday, when="Sunday")
    assert [(e.sub_event_type, e.casualties.fatalities) for e in merge_mentions([lead, hotels])] == [
        ("Suicide bomb", 290)]
    # Later in the day, against the police who raided a house: another bombing.
    raid = replace(_after(lead, "Later on Sunday, 3 police officers were killed in Colombo when suspects set "
                                "off explosives.", place=COLOMBO, fatalities=3, trigger="explosives",
                          date=sunday, when="Sunday"), actor2=Actor("Police Forces of Sri Lanka", kind="state"))
    assert len(merge_mentions([lead, raid])) == 2
    assert len(merge_mentions([lead, replace(raid, evidence=replace(raid.evidence, text=raid.evidence.text[6:]))])) == 2


def test_bombs_in_one_town_told_with_no_day_are_the_coordinated_attack():
    # No publication date and no day told: one unknown day for both, as for Belfast's Bloody Friday.
    unknown = EventDate(None, None)
    lead = _event("During an hour of concentrated bombing in Belfast at least 11 people died.", 0, place=BELFAST,
                  fatalities=11, trigger="bombing", date=unknown)
    worst = _after(lead, "A car bomb at the Oxford Street bus station in Belfast killed at least six people.",
                   place=BELFAST, fatalities=6, trigger="bomb", date=unknown)
    assert [e.casualties.fatalities for e in merge_mentions([lead, worst])] == [11]
    # "the day before" tells another day.
    before = _after(lead, "The day before, a bomb in Belfast killed six.", place=BELFAST, fatalities=6,
                    trigger="bomb", date=unknown)
    assert len(merge_mentions([lead, before])) == 2
    # One dated by its words, one not: nothing says they were one day.
    dated = _after(lead, "A bomb exploded in Belfast on 14 July, killing six.", place=BELFAST, fatalities=6,
                   trigger="bomb", date=EventDate(dt.date(1972, 7, 14), "day"), when="14 July")
    assert len(merge_mentions([lead, dated])) == 2


def test_another_fifteen_counts_on_and_tells_no_other_event():
    day = EventDate(dt.date(2019, 3, 1), "day")
    lead = _event("Taliban gunmen and suicide bombers attacked Camp Shorabak in Helmand on 1 March 2019.", 0,
                  sub="Suicide bomb", place=KABUL, trigger="suicide", actor1="Taliban", date=day, when="1 March 2019")
    toll = _after(lead, "They killed 23 Afghan soldiers and injured another 15.", etype="Battles", sub="Armed clash",
                  place=KABUL, fatalities=23, wounded=15, trigger="killed", actor1="Taliban", date=day)
    merged = merge_mentions([lead, toll])
    assert [(e.sub_event_type, e.casualties.fatalities, e.casualties.wounded) for e in merged] == [
        ("Suicide bomb", 23, 15)]


def test_the_shooting_where_most_died_gives_a_mixed_assault_its_type():
    friday = EventDate(dt.date(2015, 11, 13), "day")
    lead = _event("Attackers armed with assault rifles and explosive vests struck Paris on Friday, killing 129.", 0,
                  sub="Suicide bomb", place=Place("Paris", 48.85, 2.35, "FRA", "Ile-de-France", 2988507, "P.PPLC",
                                                  "place"), fatalities=129, trigger="explosive", actor1="Islamic State",
                  date=friday, when="Friday")
    hall = _after(lead, "Three men opened fire on the audience and held hostages. At least 89 people were killed.",
                  etype="Violence against civilians", sub="Abduction/forced disappearance", fatalities=89,
                  trigger="hostages", actor1="Islamic State", date=friday)
    merged = merge_mentions([lead, hall])
    assert [(e.event_type, e.sub_event_type, e.casualties.fatalities) for e in merged] == [
        ("Violence against civilians", "Attack", 129)]
    # A shooting that killed fewer than half leaves the bombing its type.
    few = replace(hall, casualties=Casualties(fatalities=20))
    assert merge_mentions([lead, few])[0].sub_event_type == "Suicide bomb"


def test_looting_after_a_riot_nearby_is_rioting():
    tottenham = Place("Tottenham", 51.6, -0.07, "GBR", "England", 2635627, "P.PPLX", "place")
    wood_green = Place("Wood Green", 51.597, -0.109, "GBR", "England", 2633870, "P.PPLX", "place")
    far = Place("Manchester", 53.48, -2.24, "GBR", "England", 2643123, "P.PPLA2", "place")
    riot = _event("Rioters set fire to police cars in Tottenham on Saturday night.", 0, etype="Riots",
                  sub="Violent demonstration", place=tottenham, trigger="Rioters", actor1="Rioters (United Kingdom)")
    looting = _after(riot, "Looting continued into the early hours at a retail park in nearby Wood Green.",
                     etype="Strategic developments", sub="Looting/property destruction", place=wood_green,
                     trigger="Looting")
    merged = merge_mentions([riot, looting])
    assert [(e.event_type, e.place.name, e.actor1.name) for e in merged] == [
        ("Riots", "Tottenham", "Rioters (United Kingdom)"), ("Riots", "Wood Green", "Rioters (United Kingdom)")]
    elsewhere = merge_mentions([riot, replace(looting, place=far, location_span=None)])
    assert len(elsewhere) == 1  # read from no words of its own: the riot's
    away = merge_mentions([riot, _after(riot, "Shops were looted in Manchester.", etype="Strategic developments",
                                        sub="Looting/property destruction", place=far, trigger="looted")])
    assert [e.event_type for e in away] == ["Riots", "Strategic developments"]


def test_a_riots_further_deeds_told_without_a_place_are_the_riot():
    tottenham = Place("Tottenham", 51.6, -0.07, "GBR", "England", 2635627, "P.PPLX", "place")
    riot = _event("Rioters set fire to police cars in Tottenham on Saturday night.", 0, etype="Riots",
                  sub="Violent demonstration", place=tottenham, trigger="Rioters", actor1="Rioters (United Kingdom)",
                  date=SATURDAY, when="Saturday night")
    later = _after(riot, "Later in the evening, groups of young people attacked two police cars.", etype="Riots",
                   sub="Violent demonstration", trigger="attacked", actor1="Rioters (United Kingdom)",
                   date=EventDate(dt.date(2016, 1, 31), "day"))  # the publication date it falls back on
    assert len(merge_mentions([riot, later])) == 1
    another = _after(riot, "Another riot broke out later.", etype="Riots", sub="Violent demonstration",
                     trigger="riot")
    assert len(merge_mentions([riot, another])) == 2


def test_a_protest_said_to_be_peaceful_is_not_the_riot_it_became():
    tottenham = Place("Tottenham", 51.6, -0.07, "GBR", "England", 2635627, "P.PPLX", "place")
    riot = _event("Rioters set fire to police cars in Tottenham after a protest turned violent.", 0, etype="Riots",
                  sub="Violent demonstration", place=tottenham, trigger="Rioters")
    peaceful = _after(riot, "The protest was peaceful for several hours.", etype="Protests", sub="Peaceful protest",
                      trigger="protest")
    assert [e.event_type for e in merge_mentions([riot, peaceful])] == ["Riots", "Protests"]
    turned = _after(riot, "The protest turned violent after dark.", etype="Protests", sub=None, trigger="protest")
    assert [e.event_type for e in merge_mentions([riot, turned])] == ["Riots"]


def test_a_mention_that_only_gives_the_toll_repeats_the_attack():
    paris = Place("Paris", 48.85, 2.35, "FRA", "Ile-de-France", 2988507, "P.PPLC", "place")
    attack = _event("Gunmen attacked a concert hall in Paris on Friday, killing 129.", 0,
                    etype="Violence against civilians", sub="Attack", place=paris, fatalities=129, trigger="attacked",
                    actor1="Islamic State", when="Friday")
    filler = _after(attack, "Police said a man was arrested.", etype="Strategic developments", sub="Arrests",
                    trigger="arrested")
    toll = _event("On Saturday the Paris prosecutor raised the toll to 129.", filler.evidence.end + 1,
                  etype="Violence against civilians", sub="Attack", place=paris, fatalities=129, trigger="toll",
                  date=EventDate(dt.date(2020, 5, 2), "day"), when="Saturday")
    assert [e.event_type for e in merge_mentions([attack, filler, toll])] == [
        "Violence against civilians", "Strategic developments"]
    deed = replace(toll, trigger=Span(toll.evidence.start, toll.evidence.start + 2, "On"))
    assert len(merge_mentions([attack, filler, deed])) == 3


def test_a_spot_placed_at_its_division_is_not_the_town_told_before():
    arghandab = Place("Arghandab", 31.66, 65.66, "AFG", "Kandahar", 7053298, "P.PPL", "place")
    spot = Place("Shah Wali Kot", 31.32, 65.82, "AFG", "Kandahar", None, None, "admin1")
    province = Place("Kandahar", 31.32, 65.82, "AFG", "Kandahar", 1138335, "A.ADM1", "admin1")
    lead = _event("Three militants died when their bomb went off in Arghandab.", 0, place=arghandab, fatalities=3,
                  trigger="bomb", actor1="Taliban")
    text = "Four militants were killed in neighboring Shah Wali Kot district when their vehicle hit a mine."
    other = replace(_after(lead, text, place=spot, fatalities=4, trigger="mine"),
                    location_span=Span(lead.evidence.end + 1 + text.index("Shah"), lead.evidence.end + 1
                                       + text.index(" when"), "Shah Wali Kot district"))
    assert len(merge_mentions([lead, other])) == 2
    # The province itself, named after the town, is where the town is: the same event.
    same = _after(lead, "The blast in Kandahar province killed three militants.", place=province, fatalities=3,
                  trigger="blast")
    assert len(merge_mentions([lead, same])) == 1


def _strike(text, start, place=None):
    return _event(text, start, sub="Air/drone strike", trigger="strike", place=place)


def test_a_plural_reference_after_several_events_is_all_of_them():
    a = _strike("Near Kabul, one strike destroyed a tank.", 0, KABUL)
    b = _strike("Near Herat, two strikes destroyed a bunker.", 100, HERAT)
    # The country its sentence names ("the threat they pose to Pakistan") makes it no event of its own.
    pakistan = Place("Pakistan", 30.0, 70.0, "PAK", None, None, "A.PCLI", "country")
    recap = _event("The strikes were conducted as part of Operation Resolve against the threat to Pakistan.", 200,
                   sub="Air/drone strike", trigger="strikes", place=pakistan)
    merged = merge_mentions([a, b, recap])
    assert [m.place for m in merged] == [KABUL, HERAT]


def test_a_plural_reference_with_a_place_of_its_own_is_kept():
    a = _strike("Near Kabul, one strike destroyed a tank.", 0, KABUL)
    b = _strike("Near Herat, two strikes destroyed a bunker.", 100, HERAT)
    other = Place("Kandahar", 31.6, 65.7, "AFG", "Kandahar", 1138336, "P.PPLA", "place")
    own = _event("A school in Kandahar was damaged in the strikes.", 200, sub="Air/drone strike",
                 trigger="strikes", place=other)
    assert [m.place for m in merge_mentions([a, b, own])] == [KABUL, HERAT, other]
