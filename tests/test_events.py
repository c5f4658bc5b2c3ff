"""Event detection on hand-written sentences (needs the spaCy model)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tacitus.actors import ActorDictionary
from tacitus.events import detect
from tacitus.merge import merge_mentions
from tacitus.models import Actor, Casualties, Event, EventDate, Place, Span
from tacitus.nlp import doc_text

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _detect(nlp, actors, text):
    return detect(nlp(text), group_spans=actors.find_all)


def _types(cands):
    return [(c.event_type, c.sub_event_type) for c in cands]


def test_two_events_in_one_sentence(nlp, actors):
    text = ("On Friday, the same day at least eight men apparently aligned with Islamic State murdered at least "
            "132 people in a Paris terrorist attack, ISIS lost control of Sinjar, a key Iraqi town.")
    cands = _detect(nlp, actors, text)
    kinds = {c.event_type for c in cands}
    assert kinds == {"Violence against civilians", "Battles"}
    attack = next(c for c in cands if c.event_type == "Violence against civilians")
    battle = next(c for c in cands if c.event_type == "Battles")
    assert "132 people" in attack.evidence.text
    assert battle.actor2 is not None and battle.actor2.text == "ISIS"
    # the toll of the attack is not read for the loss of Sinjar
    assert any("132" in ex.text for ex in battle.excluded)


def test_earlier_deed_told_as_a_time_is_its_own_event_with_its_toll(nlp, actors):
    text = ("The abduction took place hours after a bomb exploded at a crowded bus station in Nyanya, on the edge"
            " of the capital, Abuja, on the morning of April 14, killing at least 71 people.")
    cands = _detect(nlp, actors, text)
    assert sorted(_types(cands)) == [("Explosions/Remote violence", "Remote explosive/landmine/IED"),
                                     ("Violence against civilians", "Abduction/forced disappearance")]
    abduction = next(c for c in cands if c.sub_event_type == "Abduction/forced disappearance")
    bombing = next(c for c in cands if c.event_type == "Explosions/Remote violence")
    # the trailing toll counts the bombing's dead, though the parser hangs it on the main clause
    assert "71 people" in bombing.evidence.text
    assert any("71" in ex.text for ex in abduction.excluded)
    # ... and every word between the deed and its toll is the bombing's, the day it happened too
    assert not any("April 14" in ex.text for ex in bombing.excluded)
    assert any("April 14" in ex.text for ex in abduction.excluded)


def test_one_fight_told_with_its_start_stays_one_event(nlp, actors):
    text = "28 government soldiers were killed in a firefight after a military unit was ambushed near Damascus."
    assert len(_detect(nlp, actors, text)) == 1


@pytest.mark.parametrize("text", [
    "The magazine encouraged sympathizers to stab Western civilians.",
    "The group threatened to bomb the embassy.",
    "Militants could attack the city next week.",
    "If the talks fail, the rebels will launch an offensive.",
    "The army did not attack the village.",
    "Officials fear more attacks on churches.",
])
def test_not_events(nlp, actors, text):
    assert [c for c in _detect(nlp, actors, text) if not c.background] == []


@pytest.mark.parametrize("text,expected", [
    ("A suicide bomber blew himself up at a mosque in Kabul, killing 12 worshippers.",
     ("Explosions/Remote violence", "Suicide bomb")),
    ("US warplanes pounded the village, killing 6 civilians.", ("Explosions/Remote violence", "Air/drone strike")),
    ("A roadside bomb exploded near a police patrol in Kandahar.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Gunmen shot dead five villagers in Zamfara.", ("Violence against civilians", "Attack")),
    ("Boko Haram fighters abducted 276 schoolgirls from their school in Chibok.",
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("Taliban insurgents clashed with Afghan troops in Helmand.", ("Battles", "Armed clash")),
    ("Thousands of people marched peacefully through the capital to protest against the law.",
     ("Protests", "Peaceful protest")),
    ("Rioters torched cars and looted shops in Tottenham.", ("Riots", "Violent demonstration")),
    ("Police arrested 21 suspects in overnight raids in London.", ("Strategic developments", "Arrests")),
    ("The government and the rebels signed a ceasefire agreement in Havana.",
     ("Strategic developments", "Agreement")),
])
def test_types(nlp, actors, text, expected):
    cands = [c for c in _detect(nlp, actors, text) if not c.background]
    assert cands, text
    assert (cands[0].event_type, cands[0].sub_event_type) == expected


def test_passive_voice_roles(nlp, actors):
    cands = _detect(nlp, actors, "Three policemen were killed by al-Shabaab militants in Mandera.")
    assert len(cands) == 1
    assert cands[0].actor1.text.startswith("al-Shabaab")
    assert cands[0].actor2.text == "Three policemen"
    assert cands[0].event_type == "Battles"


def test_territory_gain_by_government(nlp, actors):
    cands = _detect(nlp, actors, "Iraqi troops recaptured the town of Ramadi from Islamic State fighters.")
    assert _types(cands) == [("Battles", "Government regains territory")]
    assert cands[0].actor1.text == "Iraqi troops"


def test_casualty_sentence_joins_previous_event(nlp, actors):
    text = ("A bomb exploded at a bus station in Maiduguri on Monday. The seven crew members died. "
            "Twenty others were wounded.")
    cands = _detect(nlp, actors, text)
    assert len(cands) == 1
    assert cands[0].evidence.text.endswith("Twenty others were wounded.")


def _event(text, start, place=None, fatalities=None, background=False, actor1=None):
    return Event(article_id="a", event_type="Violence against civilians", sub_event_type="Attack",
                 evidence=Span(start, start + len(text), text), place=place,
                 casualties=Casualties(fatalities=fatalities), background=background,
                 actor1=Actor(actor1) if actor1 else None, date=EventDate(None, None))


def test_merge_background_mention_into_event():
    paris = Place("Paris", 48.85, 2.35, "FRA", "Ile-de-France", 2988507, "P.PPLC", "place")
    headline = _event("the Paris attack", 0, place=paris, background=True)
    body = _event("gunmen killed 130 people in Paris", 50, place=paris, fatalities=130, actor1="Islamic State")
    merged = merge_mentions([headline, body])
    assert len(merged) == 1
    assert merged[0].casualties.fatalities == 130 and not merged[0].background


def test_different_places_stay_apart():
    # Places the text names (a location span): a guessed country alone would not keep them apart.
    a = replace(_event("gunmen killed 3 in Kabul", 0, fatalities=3,
                       place=Place("Kabul", 34.5, 69.2, "AFG", "Kabul", 1, "P.PPLC", "place")),
                location_span=Span(19, 24, "Kabul"))
    b = replace(_event("gunmen killed 3 in Herat", 30, fatalities=3,
                       place=Place("Herat", 34.3, 62.2, "AFG", "Herat", 2, "P.PPLA", "place")),
                location_span=Span(49, 54, "Herat"))
    assert len(merge_mentions([a, b])) == 2


@pytest.mark.parametrize("text,expected", [
    ("19 people were killed and 13 injured after a suicide bomber attacked a camp for displaced persons "
     "in western Anbar, Iraq.", ("Explosions/Remote violence", "Suicide bomb")),
    ("Four people were killed and five others injured when a bomb exploded as a vehicle was passing.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Nine Afghan National Army soldiers were killed after Taliban militants attacked a security checkpoint "
     "in Badghis province.", ("Battles", "Armed clash")),
    ("Two soldiers and two civilians were killed and six others injured in a suicide attack in Sirte.",
     ("Explosions/Remote violence", "Suicide bomb")),
    ("At least 4 people were killed and 2 injured after a suicide bombing that targeted a former "
     "Jihadi leader and his family.", ("Explosions/Remote violence", "Suicide bomb")),
])
def test_casualty_clause_and_its_means_are_one_event(nlp, actors, text, expected):
    cands = _detect(nlp, actors, text)
    assert _types(cands) == [expected]
    # the toll is read from the event's context: it must cover the casualty clause
    assert "killed" in cands[0].context.text and cands[0].context.text.startswith(text.split()[0])


def test_later_toll_and_back_reference_join_the_event(nlp, actors):
    text = ("A suicide bomber struck a funeral for a local militia member. At least 43 were killed and more "
            "than 100 were injured in Pakistan's deadliest attack for the year so far. The gunman was also "
            "killed.")
    cands = _detect(nlp, actors, text)
    assert _types(cands) == [("Explosions/Remote violence", "Suicide bomb")]
    assert cands[0].evidence.text.endswith("also killed.")


def test_responsibility_for_this_attack_is_the_same_event(nlp, actors):
    text = ("One policeman and two civilians were injured in a bomb blast in Kabul, no group has claimed "
            "responsibility yet for this attack.")
    assert len(_detect(nlp, actors, text)) == 1


def test_separate_incidents_stay_apart(nlp, actors):
    text = ("A car bomb exploded at a Shiite ceremony in Al-Tarmiyah, killing 13. Unidentified gunmen shot dead "
            "a lawyer and 6 other family members in Baiji, north of the capital.")
    assert _types(_detect(nlp, actors, text)) == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Violence against civilians", "Attack")]


def test_casualty_report_alone_is_typed_by_its_victims(nlp, actors):
    assert _types(_detect(nlp, actors, "Two soldiers were killed in Kidal.")) == [("Battles", "Armed clash")]
    assert _types(_detect(nlp, actors, "Two villagers were killed in Kidal.")) == [
        ("Violence against civilians", "Attack")]


def _roles_of(cands):
    return [(c.actor1 and c.actor1.text, c.actor2 and c.actor2.text) for c in cands if not c.background]


@pytest.mark.parametrize("text,roles", [
    ("Two soldiers died in a PKK attack on a checkpoint in Hakkari.", ("PKK", "Two soldiers")),
    ("In an attack by Boko Haram on Maiduguri, 30 people died.", ("Boko Haram", "30 people")),
    ("Twelve civilians died when an al-Shabaab car bomb exploded in Mogadishu.", ("al-Shabaab", "Twelve civilians")),
    ("Three soldiers were killed and five wounded in an ambush by ELN rebels in Arauca.",
     ("ELN rebels", "Three soldiers")),
    ("A police officer was shot dead by militants in Srinagar.", ("militants", "police officer")),
])
def test_the_dead_are_the_target(nlp, text, roles):
    # no actor dictionary: the roles come from the parse alone
    assert _roles_of(detect(nlp(text))) == [roles]


@pytest.mark.parametrize("text,roles", [
    # The force told as the object of the cause, its act an -ing word after it.
    ("Two protesters were killed in police firing in Srinagar on Friday.", ("police", "Two protesters")),
    ("Two men were killed in army shelling in Poonch on Friday.", ("army", "Two men")),
    # A nationality on the weapon names the forces with it, not the bare adjective.
    ("Three people were killed in an Israeli airstrike on Gaza City on Tuesday.",
     ("Israeli airstrike", "Three people")),
    ("Seven people were killed in a US drone strike in North Waziristan.", ("US drone strike", "Seven people")),
    # The shooters of a when-clause are the killers: "fire" is no trigger word of its own.
    ("One person was killed when the police fired 15 rounds in Santrampur on Monday.", ("police", "One person")),
    ("Two men died when soldiers opened fire on their car in Kabul.", ("soldiers", "Two men")),
    ("Soldiers fired on the crowd in Bamako, killing three people.", ("Soldiers", "three people")),
    ("The police in self-defence fired about 40 rounds killing two persons in Petlad.",
     ("police", "two persons")),
])
def test_the_force_that_fired_is_the_initiator(nlp, text, roles):
    assert _roles_of(detect(nlp(text))) == [roles]


@pytest.mark.parametrize("text", [
    # An adjective of manner is no owner, and tear gas fired is no shooting.
    "Multiple militants were killed after fierce clashes with Afghan security forces in Farah on Friday.",
    "The rally was cut short after police fired teargas and pepper spray to dispel the crowd, and one man died.",
])
def test_no_initiator_from_manner_or_tear_gas(nlp, text):
    assert all(c.actor1 is None or c.actor1.text not in ("fierce clashes", "police") for c in detect(nlp(text)))


def test_dying_of_wounds_names_no_killer(nlp):
    cands = detect(nlp("The officer died of his wounds after the attack."))
    assert [(c.actor1, c.actor2 and c.actor2.text) for c in cands] == [(None, "officer")]


@pytest.mark.parametrize("text,roles", [
    # A building hit says where; the dead its toll clause names say whom.
    ("Attackers armed with assault rifles and explosive vests struck a concert hall, several restaurants and bars "
     "in Paris on Friday night, killing at least 129 people.", ("Attackers", "at least 129 people")),
    ("A suicide bomber drove a truck packed with explosives into a crowded junction in Mogadishu, killing 276 people.",
     ("suicide bomber", "276 people")),
    ("Militants stormed a hotel in Mogadishu, killing five soldiers.", ("Militants", "five soldiers")),
    # With no one told hit, the building stays the target; a place of state forces names them.
    ("Gunmen attacked a hotel in Mogadishu.", ("Gunmen", "hotel")),
    ("Gunmen attacked a police station in Kano, killing two.", ("Gunmen", "police station")),
])
def test_people_hit_not_the_building_are_the_target(nlp, text, roles):
    assert _roles_of(detect(nlp(text))) == [roles]


@pytest.mark.parametrize("text,roles", [
    ("The army said its troops had withdrawn from Wad Madani after the Rapid Support Forces said they had taken "
     "control of the city.", ("Rapid Support Forces", "its troops")),
    ("Troops retook the town after the militants fled.", ("Troops", "militants")),
])
def test_the_side_that_withdrew_lost_the_place(nlp, text, roles):
    assert _roles_of(detect(nlp(text))) == [roles]


@pytest.mark.parametrize("text,roles", [
    ("The attack by al-Shabaab on the military base in Lower Shabelle killed 12 soldiers.",
     ("al-Shabaab", "12 soldiers")),
    ("There was an attack by ISIS on a Shia mosque in Baghdad.", ("ISIS", "Shia mosque")),
    ("An assault by Boko Haram on the town of Monguno left 20 dead.", ("Boko Haram", "20 dead")),
])
def test_attack_by_x_on_y(nlp, text, roles):
    assert _roles_of(detect(nlp(text))) == [roles]


@pytest.mark.parametrize("text,roles", [
    ("Ukrainian troops clashed with Russian soldiers near Bakhmut.", ("Ukrainian troops", "Russian soldiers")),
    ("Fighting between the Taliban and Afghan forces killed 30 people in Helmand.", ("Taliban", "Afghan forces")),
    ("Heavy fighting broke out between the Houthis and government forces in Marib.",
     ("Houthis", "government forces")),
    ("Clashes between Hamas and Israeli troops left four dead.", ("Hamas", "Israeli troops")),
])
def test_other_side_of_a_clash_is_the_target(nlp, text, roles):
    assert _roles_of(detect(nlp(text))) == [roles]


@pytest.mark.parametrize("text,actor1", [
    ("A PKK attack killed three soldiers in Hakkari.", "PKK"),
    ("An Islamic State suicide bombing killed 40 people in Baghdad.", "Islamic State"),
    ("Boko Haram's attack on Chibok killed 15 villagers.", "Boko Haram"),
    ("Seven soldiers were killed in a Taliban attack on their post.", "Taliban"),
])
def test_group_before_the_event_noun_is_the_initiator(nlp, text, actor1):
    assert [a1 for a1, _ in _roles_of(detect(nlp(text)))] == [actor1]


@pytest.mark.parametrize("text", [
    "Facing a looming attack by Iraqi and coalition forces, Islamic State militants fortified Mosul.",
    "Facing an imminent assault by government forces, the rebels withdrew from the town.",
    "Residents fled ahead of an expected offensive by the army.",
])
def test_attack_that_has_not_happened_is_no_event(nlp, actors, text):
    assert _detect(nlp, actors, text) == []


def _typed(event, event_type, sub_event_type):
    return replace(event, event_type=event_type, sub_event_type=sub_event_type)


def test_headline_toll_is_the_body_event_it_counts():
    paris = Place("Paris", 48.85, 2.35, "FRA", "Ile-de-France", 2988507, "P.PPLC", "place")
    headline = _event("Islamic State says it carried out Paris rampage; 129 dead", 0, place=paris, fatalities=129,
                      actor1="Islamic State")
    body = _typed(_event("Attackers with explosive vests struck a concert hall, killing 129 people", 80, place=paris,
                         fatalities=129), "Explosions/Remote violence", "Suicide bomb")
    merged = merge_mentions([headline, body], headline_end=60)
    assert len(merged) == 1
    assert merged[0].sub_event_type == "Suicide bomb" and merged[0].actor1.name == "Islamic State"
    # Without knowing where the headline ends, a small coincidence of tolls is not enough.
    small = [replace(headline, casualties=Casualties(fatalities=3)), replace(body, casualties=Casualties(fatalities=3))]
    assert len(merge_mentions(small)) == 2
    assert len(merge_mentions(small, headline_end=60)) == 1


def test_equal_small_tolls_in_the_body_stay_apart():
    kabul = Place("Kabul", 34.5, 69.2, "AFG", "Kabul", 1, "P.PPLC", "place")
    shooting = _event("gunmen killed 3 civilians in Kabul", 100, place=kabul, fatalities=3)
    bombing = _typed(_event("a bomb killed 3 soldiers in Kabul", 10, place=kabul, fatalities=3),
                     "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert len(merge_mentions([bombing, shooting], headline_end=5)) == 2


def test_referring_phrase_takes_the_group_named_before(nlp, actors):
    text = ("Most serious are the ISIS sleeper cells infiltrating Europe. In Germany this year, at least two "
            "such cells have been dismantled by police.")
    cand = next(c for c in _detect(nlp, actors, text) if "dismantled" in c.evidence.text)
    # the span points at the antecedent, so the field stays traceable
    assert cand.actor2 is not None and cand.actor2.text.startswith("ISIS")
    assert text[cand.actor2.start:cand.actor2.end] == cand.actor2.text


def test_referring_phrase_stays_unnamed_when_two_groups_precede(nlp, actors):
    text = ("Fighting between the Taliban and Islamic State continued in Nangarhar. "
            "Police said the militants killed two farmers on Sunday.")
    cand = next(c for c in _detect(nlp, actors, text) if "farmers" in c.evidence.text)
    assert cand.actor1 is not None and cand.actor1.text == "militants"


def test_referring_phrase_does_not_reach_across_paragraphs(nlp, actors):
    text = "Boko Haram fighters attacked Gwoza.\n\nIn another state, the militants killed two farmers on Sunday."
    cand = next(c for c in _detect(nlp, actors, text) if "farmers" in c.evidence.text)
    assert cand.actor1 is not None and "Boko Haram" not in cand.actor1.text


@pytest.mark.parametrize("text", [
    # the how, with the doer as a pronoun
    "An Arab suicide bomber wounds 15 people when he blows himself up in a restaurant in Kiryat Motzkin.",
    # a toll clause governing the how
    "25 people were wounded when a Palestinian suicide bomber detonated explosives outside a cafe in Tel Aviv.",
    # an elided passive joined to the first casualty verb
    "Nine people were killed and 20 injured in a terrorist attack on a bus traveling to Emmanuel.",
    # a trailing toll participle, wherever the parser hangs it
    "A bomb destroys an office building in West Beirut housing the headquarters of the Palestine "
    "Liberation Front, killing more than 175 people and injuring another 80.",
])
def test_one_deed_told_in_several_clauses_is_one_event(nlp, actors, text):
    cands = _detect(nlp, actors, text)
    assert len(cands) == 1, [c.evidence.text for c in cands]
    assert not cands[0].excluded or all(not e.text.strip(" .") for e in cands[0].excluded)


def test_clause_with_another_doer_stays_apart(nlp, actors):
    text = ("On Friday, the same day at least eight men apparently aligned with Islamic State murdered at least "
            "132 people in a Paris terrorist attack, ISIS lost control of Sinjar, a key Iraqi town.")
    assert len(_detect(nlp, actors, text)) == 2


@pytest.mark.parametrize("text, expected", [
    ("Police used water cannon to disperse hundreds of protesters outside parliament in Nairobi on Tuesday.",
     ("Protests", "Protest with intervention")),
    ("police fired 64 rounds in the air till early sunday to quell the frenzied mob.", ("Riots", "Mob violence")),
    ("the police was forced to lathicharge at first and then fire teargas in the air to disperse the mob.",
     ("Riots", "Mob violence")),
])
def test_force_used_to_disperse_a_crowd_reports_the_crowd(nlp, actors, text, expected):
    assert _types(_detect(nlp, actors, text)) == [expected]


@pytest.mark.parametrize("text", [
    "The government has vowed to use force to disperse any protest.",
    "Police are ready to disperse the rally if it goes ahead.",
])
def test_crowd_control_only_threatened_is_no_event(nlp, actors, text):
    assert _detect(nlp, actors, text) == []


def test_bomb_that_killed_while_being_defused_went_off(nlp, actors):
    text = ("A security officer was killed and four soldiers were wounded when he was trying to defuse a bomb "
            "placed by militants in Mohmand district.")
    assert _types(_detect(nlp, actors, text)) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]
    assert _types(_detect(nlp, actors, "Police defused a bomb planted near the market in Quetta on Monday.")) == [
        ("Strategic developments", "Disrupted weapons use")]


@pytest.mark.parametrize("text", [
    "The death occurred Saturday.",
    "Since Olivier Vernon's injury a couple of weeks ago, Chad Thomas has filled in well.",
    "I am very hurt that she ignored me.",
    "I am appreciative to her for finding Mike's body and calling the police.",
])
def test_lone_death_or_injury_of_no_violence_is_no_event(nlp, actors, text):
    assert [c for c in detect(nlp(text), group_spans=actors.find_all)] == []


@pytest.mark.parametrize("text", [
    "A taxi driver was slightly injured.",
    "Three soldiers died in Kunar.",
    "A policewoman was shot dead in the Nawa district of Helmand province.",
])
def test_lone_casualty_report_of_people_is_an_event(nlp, actors, text):
    assert [c.event_type for c in detect(nlp(text), group_spans=actors.find_all)] == ["Violence against civilians"] \
        or [c.event_type for c in detect(nlp(text), group_spans=actors.find_all)] == ["Battles"]


def test_propaganda_needs_an_armed_group(nlp, actors):
    police = "Police released dramatic video showing the rescue of a girl who was kidnapped in broad daylight."
    taliban = "The Taliban released two new propaganda videos on Sunday."
    assert "Strategic developments" not in [c.event_type for c in detect(nlp(police), group_spans=actors.find_all)]
    assert [c.sub_event_type for c in detect(nlp(taliban), group_spans=actors.find_all)
            if c.event_type == "Strategic developments"] == ["Other"]


@pytest.mark.parametrize("text, expected", [
    ("An arms cache containing hand grenades and rounds of ammunition has been discovered in the city of Pryluky.",
     ("Strategic developments", "Disrupted weapons use")),
    ("The Afghan Special Forces have destroyed dozens of heavy machine guns, rockets and other explosives during "
     "an operation in Uruzgan province.", ("Strategic developments", "Disrupted weapons use")),
    ("Militants fired rockets at the base; police later found the launcher.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
])
def test_weapons_found_or_destroyed_are_disrupted_use(nlp, actors, text, expected):
    assert _types(_detect(nlp, actors, text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("A suspicious device was discovered under a car in Belfast.", ("Strategic developments", "Disrupted weapons use")),
    ("Soldiers recovered a bomb hidden in a culvert.", ("Strategic developments", "Disrupted weapons use")),
    # what was found is not the bomb: the bomb went off
    ("As each bomb exploded there were cries of terror from people who thought they had found sanctuary.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
])
def test_a_bomb_is_disrupted_only_where_it_is_what_was_found(nlp, actors, text, expected):
    assert _types(_detect(nlp, actors, text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Coalition aircraft struck a rocket launcher near Hit.", [("Explosions/Remote violence", "Air/drone strike")]),
    ("In Iraq, Coalition aircraft conducted 11 strikes. Near Mosul, five airstrikes engaged four ISIL units; "
     "destroyed two mortar systems, a rocket propelled grenade launcher, and a VBIED.",
     [("Explosions/Remote violence", "Air/drone strike")] * 2),
    # the strike's own missile is its means, not what it hit
    ("A US missile strike targeting a compound killed five militants in South Waziristan on Tuesday.",
     [("Explosions/Remote violence", "Shelling/artillery/missile attack")]),
])
def test_weapons_a_strike_hit_are_its_targets_not_attacks(nlp, actors, text, expected):
    assert _types(_detect(nlp, actors, text)) == expected


def test_next_sentence_of_the_same_kind_continues_the_event():
    gunmen = _event("Gunmen stormed the university, killing students.", 0)
    attackers = _event("The three attackers killed at least 19 people.", 50, fatalities=19)
    assert len(merge_mentions([gunmen, attackers])) == 1
    # far apart, or with different tolls, they are two events
    assert len(merge_mentions([gunmen, replace(attackers, evidence=Span(900, 945, attackers.evidence.text))])) == 2
    assert len(merge_mentions([replace(gunmen, casualties=Casualties(fatalities=4)), attackers])) == 2
    # a different sub-type is another event
    bomb = _typed(_event("A bomb went off in the market.", 50), "Explosions/Remote violence",
                  "Remote explosive/landmine/IED")
    assert len(merge_mentions([gunmen, bomb])) == 2


def test_troops_sent_after_an_attack_are_its_aftermath(nlp, actors):
    alone = _detect(nlp, actors, "The Syrian army has deployed troops in areas near the border with Turkey.")
    assert _types(alone) == [("Strategic developments", "Change to group/activity")]
    after = _detect(nlp, actors, "Gunmen killed five villagers in Borno on Sunday. "
                                 "The army deployed troops to the village.")
    assert [c.sub_event_type for c in after] == ["Attack"]


def test_stun_grenades_are_crowd_control_not_an_explosion(nlp, actors):
    text = "Riot police fired tear gas and stun grenades to disperse demonstrators who set fire to a police station."
    assert all(c.event_type != "Explosions/Remote violence" for c in _detect(nlp, actors, text))
    assert _types(_detect(nlp, actors, "Militants hurled a grenade at a police patrol in Srinagar.")) == [
        ("Explosions/Remote violence", "Grenade")]


def test_nationality_names_the_owner_of_the_weapon(nlp, actors):
    cand = _detect(nlp, actors, "Turkish warplanes struck suspected militant targets in northern Iraq on Sunday.")[0]
    assert cand.actor1 is not None and cand.actor1.text == "Turkish warplanes"


def test_another_attack_in_the_next_sentence_stays_apart():
    def ev(start, text):
        return Event(article_id="a", event_type="Violence against civilians", sub_event_type="Attack",
                     evidence=Span(start, start + len(text), text), date=EventDate(None, None),
                     place=None, casualties=Casualties())
    first = ev(0, "Gunmen shot dead a trader near the market.")
    assert len(merge_mentions([first, ev(43, "The gunmen fled on motorcycles after the shooting.")])) == 1
    assert len(merge_mentions([first, ev(43, "In another attack, gunmen shot dead a farmer.")])) == 2


@pytest.mark.parametrize("text, tail", [
    ("A rocket was fired at the Sederot settlement. One person sustained slight injuries.",
     "One person sustained slight injuries."),
    ("Gunmen fired at two buses in Mandera, killing at least six civilians. No group claimed responsibility. "
     "Two people are reported to have been injured.", "Two people are reported to have been injured."),
    ("A suicide bomber detonated his explosives near a petrol pump in Jalalabad. Five other people were taken "
     "to hospital.", "Five other people were taken to hospital."),
])
def test_injuries_told_without_a_trigger_join_the_event(nlp, actors, text, tail):
    cands = _detect(nlp, actors, text)
    assert len(cands) == 1 and cands[0].evidence.text.endswith(tail)


def test_sentence_naming_the_injured_without_a_count_stays_out(nlp, actors):
    cands = _detect(nlp, actors, "A rocket was fired at the Sederot settlement. The hospital treated the injured.")
    assert len(cands) == 1 and cands[0].evidence.text == "A rocket was fired at the Sederot settlement."


@pytest.mark.parametrize("text", [
    # the subject of the casualty verb points back to the bombing
    "A car bomb claimed by ISIL exploded in the eastern Iraqi city of Baquba. It killed at least 16 civilians "
    "and wounded 54 others outside of a bakery.",
    # a relative clause or a by-agent on "the attack" names no other event
    "A bomb in a pickup truck killed at least 26 people at a market in Landi Kotal. At least 65 others were "
    "injured in the attack, which apparently targeted a tribal leader allied with the government in Kurram.",
])
def test_toll_sentence_pointing_back_joins_the_event(nlp, actors, text):
    cands = _detect(nlp, actors, text)
    assert len(cands) == 1
    assert cands[0].evidence.text.endswith(text.rsplit(". ", 1)[1])


def test_toll_participle_without_a_comma_is_the_toll_of_the_deed(nlp, actors):
    text = ("An improvised explosive device exploded after a bus drove over it in Kuthra village in Borno state "
            "killing seven people and injuring three others.")
    cands = _detect(nlp, actors, text)
    assert _types(cands) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]
    assert "killing seven people and injuring three others" in cands[0].context.text


@pytest.mark.parametrize("text", [
    "An explosion on a bus near the defense ministry in Tel Aviv injured 28 people. "
    "This was the first serious bombing in Tel Aviv since 2006.",
    "Three people were injured when a small bomb exploded on a bus in Bogota. This is the third such attack "
    "in forty-five days.",
    # the attackers named again with a definite article go on with the same deed
    "Nine Israeli settlers were wounded in a joint attack by Islamic Jihad. The groups ambushed a convoy of "
    "vehicles along the Kissufim road.",
])
def test_sentence_saying_what_the_event_was_joins_it(nlp, actors, text):
    cands = _detect(nlp, actors, text)
    assert len(cands) == 1 and cands[0].evidence.text.endswith(text.rsplit(". ", 1)[1])


def test_opening_injury_count_joins_the_event_after_it(nlp, actors):
    text = ("Five people suffered light to moderate injuries in a suicide bombing at a felafel stand in central "
            "Jerusalem. The bomber, who was killed, apparently exploded prematurely.")
    cands = _detect(nlp, actors, text)
    assert len(cands) == 1 and cands[0].evidence.text == text
    assert cands[0].context.start == 0


@pytest.mark.parametrize("text", [
    # an industrial explosion and what the next sentences say of it
    "Multiple workers at a gas plant were hurt when a tank at the plant exploded Thursday night. Four people "
    "were injured, and airlifted to nearby hospitals.",
    "An engineer was killed when an explosion ripped through a warehouse of petroleum products at an oil company.",
    "A storage bunker at an industrial waste treatment plant exploded. It is believed the blast occurred in a "
    "tank containing solvents.",
    # poisoning by drink, floods
    "The three died after consuming adulterated flavoured drinks, the agency said.",
    "Heavy rainfall has led to the discharge of excess water from the barrage, flooding parts of north Bihar.",
])
def test_accidents_and_what_follows_them_are_no_events(nlp, actors, text):
    assert detect(nlp(text), group_spans=actors.find_all) == []


@pytest.mark.parametrize("text", [
    "Rebels shelled the town despite heavy rainfall, killing 4.",
    "Unidentified attackers shot and killed 5 foreign tourists near the Erta Ale volcano.",
    "A gas cylinder exploded in a restaurant in Lahore. Separately, gunmen killed two policemen in Quetta.",
    # a sentence after a disaster word that names an armed group tells a story of its own
    "The dam also serves flood control.\nIn April 2015 the town was captured by the Islamic State.",
])
def test_violence_beside_accident_words_is_still_an_event(nlp, actors, text):
    assert detect(nlp(text), group_spans=actors.find_all)


def test_an_attackers_accidental_death_is_part_of_the_attack(nlp, actors):
    text = ("And in June 2007, two al-Qaeda terrorists attempted to detonate three improvised car bombs in the "
            "U.K. Fortunately, the only casualty was one of the attackers, who accidentally burned himself to death.")
    found = detect(nlp(text), group_spans=actors.find_all)
    assert len(found) == 1 and "burned himself" in doc_text(nlp(text))[found[0].evidence.start:
                                                                       found[0].context.end]


@pytest.mark.parametrize(("text", "noun", "reported"), [
    # Where an explosion "came" or what a bomb "ripped through" is told; whence an attack "came", or
    # what arrests "came" after, is not.
    ("The first blasts came within minutes of each other at St Sebastian's Church in Negombo.", "blasts", True),
    ("Bombs also ripped through three hotels in Colombo.", "Bombs", True),
    ("Pompeo said there was no evidence the attack had come from Yemen.", "attack", False),
    ("The arrests came just over a year after the London bombings.", "arrests", False),
])
def test_an_event_noun_is_reported_by_the_verb_it_hangs_on(nlp, actors, text, noun, reported):
    told = [c for c in _detect(nlp, actors, text) if not c.background and c.trigger.text == noun]
    assert bool(told) is reported, _types(told)


def test_the_answer_an_event_drew_is_an_event_of_its_own(nlp, actors):
    text = ("In April, more than two dozen Syrian pro-regime fighters were killed in IS attacks in Palmyra, "
            "prompting Russian airstrikes on the militants.")
    found = _detect(nlp, actors, text)
    assert [(c.sub_event_type, c.trigger.text) for c in found] == [
        ("Armed clash", "attacks"), ("Air/drone strike", "airstrikes")]
    assert "killed" in found[0].evidence.text and "killed" not in found[1].evidence.text
    # aimed at the attackers when it names no target of its own
    answer = _detect(nlp, actors, "Ten soldiers were killed in IS attacks in Palmyra, prompting Russian airstrikes.")
    assert [c.actor2 and c.actor2.text for c in answer] == ["Ten soldiers", "IS"]
    # a consequence that is no deed of another side stays part of the event
    assert len(_detect(nlp, actors, "Rebels shelled the town, killing 4 and prompting an exodus.")) == 1


@pytest.mark.parametrize("text,roles", [
    ("Gunmen are believed to have killed five villagers in Borno.", ("Gunmen", "five villagers")),
    ("Members of IS are said to have killed 50 police officers near Mosul.", ("Members of IS", "50 police officers")),
])
def test_an_infinitive_takes_its_subject_from_its_head(nlp, text, roles):
    assert _roles_of(detect(nlp(text))) == [roles]
