"""Trigger words, modality and CODEBOOK typing on hand-written sentences (needs the spaCy model)."""

from __future__ import annotations

import pytest

from tacitus.actors import ActorDictionary
from tacitus.events import detect
from tacitus.triggers import accident, find_triggers, is_asserted, reports_casualties

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _types(nlp, actors, text):
    return [(c.event_type, c.sub_event_type) for c in detect(nlp(text), group_spans=actors.find_all)
            if not c.background]


def test_passive_killed_reports_casualties(nlp):
    doc = nlp("Five people were killed when gunmen killed the guards.")
    killed = [t for t in doc if t.lower_ == "killed"]
    assert [reports_casualties(t) for t in killed] == [True, False]
    assert reports_casualties(next(t for t in nlp("The gunman was shot dead.") if t.lower_ == "shot"))
    assert not reports_casualties(next(t for t in nlp("A man was shot in Kabul.") if t.lower_ == "shot"))


@pytest.mark.parametrize("text", [
    "Six people were killed and two others injured when a chemical plant exploded in Kralupy.",
    "Gas explosion at Bolivia Carnival kills 8 after a street vendor's cooking gas container exploded.",
    "19 people were killed when their bus plunged off a bridge onto a frozen river.",
    "At least five people were killed after a volcano erupted off the coast of New Zealand.",
])
def test_accidents_and_disasters_are_not_events(nlp, actors, text):
    assert accident(next(nlp(text).sents))
    assert _types(nlp, actors, text) == []


def test_storming_is_not_weather(nlp):
    assert not accident(next(nlp("Five policemen were killed when the Taliban stormed an outpost.").sents))


@pytest.mark.parametrize("text", [
    "Lebanese troops have thwarted an attempt to smuggle 45 Syrian migrants to Cyprus.",
    "Chinese police seized counterfeit cosmetics with a street value of 627 million yuan.",
    "A 55-year-old man is dead after his car lost control on an icy road.",
    "The White House announced new sanctions targeting Russia over the election.",
    "Russia's minister rejected allegations that its aircraft were responsible for an attack on a convoy.",
    "Russia strikes back at US, expels diplomats and shuts consulate.",
    "Facing a looming attack by Iraqi forces, the militants dug trenches.",
])
def test_non_events(nlp, actors, text):
    assert _types(nlp, actors, text) == []


def test_retaliation_names_the_motive_not_an_event(nlp):
    doc = nlp("Ten people were killed in retaliation for the Trelew massacre.")
    massacre = next(t for t in doc if t.lower_ == "massacre")
    assert not is_asserted(massacre)


@pytest.mark.parametrize("text,expected", [
    ("Police seized seven illegal firearms and 200 rounds of ammunition in Kingston.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Turkish security forces destroyed 342 mines and 288 improvised explosive devices in northern Syria.",
     ("Strategic developments", "Disrupted weapons use")),
    ("In Germany this year, at least two such cells have been dismantled.", ("Strategic developments", "Arrests")),
    ("Ten rebels have surrendered to security forces in Sirnak province.", ("Strategic developments", "Agreement")),
    ("Azerbaijani and Armenian forces agreed a fragile ceasefire after the worst fighting in decades.",
     ("Strategic developments", "Agreement")),
    ("Rebels fired mortar rounds containing poisonous gas on Kurdish positions.",
     ("Explosions/Remote violence", "Chemical weapon")),
    ("Soldiers raped at least a half-dozen women in a village near Juba.",
     ("Violence against civilians", "Sexual violence")),
    ("Saudi jets fired missiles at a well drilling machine in Arhab district.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("A woman detonated her explosive belt in a market east of Kerbala, killing at least 30.",
     ("Explosions/Remote violence", "Suicide bomb")),
    ("The Islamic State jihadist group recaptured Palmyra after Syrian forces pulled out.",
     ("Strategic developments", "Non-violent transfer of territory")),
    ("Islamic State fighters captured the town of Hit after heavy fighting with Iraqi troops.",
     ("Battles", "Non-state actor overtakes territory")),
    ("Police used live bullets to disperse a peaceful protest in Luanda, killing one protester.",
     ("Protests", "Excessive force against protesters")),
    ("Police fired tear gas to disperse a peaceful march in Kinshasa.",
     ("Protests", "Protest with intervention")),
])
def test_sub_types(nlp, actors, text, expected):
    assert _types(nlp, actors, text)[:1] == [expected]


def test_two_word_triggers(nlp):
    sent = next(nlp("Israeli fighter jets carried out an aerial bombardment of the camp.").sents)
    kinds = {t.lower_: k for t, k in find_triggers(sent)}
    assert kinds.get("aerial") == "air"


@pytest.mark.parametrize("text", [
    "Boko Haram has killed thousands since 2009 in its campaign to impose its version of Islamic law.",
    "The conflict has killed some 220,000 people and driven millions from their homes.",
    "Militants have killed more than 300 people over the past decade in the region.",
])
def test_tolls_summed_over_years_are_not_events(nlp, actors, text):
    assert _types(nlp, actors, text) == []


def test_a_toll_since_a_recent_day_is_still_an_event(nlp, actors):
    text = "Gunmen have killed 12 people since Sunday in attacks on villages near Jos."
    assert _types(nlp, actors, text) == [("Violence against civilians", "Attack")]
