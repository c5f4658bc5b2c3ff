"""Generic, habitual, aggregate and unrealised clauses are not events (needs the spaCy model)."""

from __future__ import annotations

import pytest

from tacitus.actors import ActorDictionary
from tacitus.events import detect
from tacitus.modality import AGGREGATE, HABITUAL, UNREALISED, aggregate, habitual, not_an_event, unrealised

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _events(nlp, actors, text):
    return [(c.event_type, c.sub_event_type) for c in detect(nlp(text), group_spans=actors.find_all)]


def _token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text", [
    # habits and classes of events
    "Firearms are ubiquitous and assassinations are a regular event.",
    "The republic has seen numerous bombings targeted at the Russian military stationed in the republic.",
    "Dagestan sees frequent attacks on security forces and assassinations.",
    "Militants in Afghanistan have been using home-made IEDs to make roadside bombs and landmines to target "
    "security forces, but the lethal weapons also inflict casualties on civilians as well as the militants.",
    '"One person a year is killed, each and ever year, on that highway," Baine said.',
    "He's riding for all the men and women who have fought and are still fighting in wars that most people "
    "don't spend too much time thinking about.",
    # statistics, trends and running totals
    "London's murder tally last year was far lower than that of New York.",
    "There were more murders in March than in any month for more than a decade.",
    "There were 130 murders in London in 2017, compared with 292 across the pond.",
    "Overall attacks nationwide have fallen to levels of the early months of the war.",
    "By the end of 1972, 496 had been killed, 258 of them civilians.",
    "The Russian-backed offensive in eastern Ghouta has killed more than 1600 civilians and wounded thousands, "
    "rescuers said.",
    "The army said hundreds of rebels had been killed in the ferocious offensive.",
    "Syria first sent its troops into Lebanon in the 1970s while the country was engulfed in civil war.",
    # plans, options, properties, judgements
    "Anti-drone unmanned aerial vehicles (UAVs) are to be taken for counter-terrorist test flights on a UK "
    "military base, E&T has learned.",
    "Capturing drones using swarms of net-casting UAVs working in tandem is one of several options being "
    "considered by defence chiefs.",
    "One community worker said he contacted authorities after Abedi said being a suicide bomber was OK.",
    "Of those, 14 have already appeared in court, while 27 arrest warrants have been issued.",
    "Landaeta speculated that the nine deaths over the last week in Aragua might have been the result of a shooting.",
    "Could the airstrikes in Idlib be the first of many?",
    "The force should reverse the decline in stop-and-search powers, which have been criticised for targeting "
    "ethnic minorities.",
])
def test_statements_that_report_no_occurrence_are_not_events(nlp, actors, text):
    assert _events(nlp, actors, text) == []


@pytest.mark.parametrize("text", [
    # present-tense summaries and present-perfect news pinned by a count, a place, a day or a participant
    "A bomb explodes at the home of a police officer in Kirkuk, killing two.",
    "Gunmen attack a bus in Kabul, killing five passengers.",
    "Militants have killed 12 soldiers in an attack on Monday.",
    "Militants have attacked Syrian government forces on the southern outskirts of Aleppo using anti-aircraft "
    "guns and mortars, the Russian military said.",
    "Protesters clash with police in Hong Kong.",
    "Government forces have been shelling the town since Monday.",
    "Human Rights Watch says Nigerian security forces have raped and sexually abused women and girls fleeing "
    "Boko Haram in the country's troubled northeast.",
    # frames that look like totals, plans or habits but tell one event
    "By the end of the day, the IRA's Belfast brigade had detonated at least 20 bombs across the city.",
    "At least 12 people were killed in repeated airstrikes on the town on Friday.",
    "Four civilians had been injured as a result of the fall of seven mortar shells on the village of Abu Karma.",
    "Eight policemen were killed when they fell in an ambush at the site known as La Renta.",
    "Azerbaijani and Armenian-backed forces have agreed a fragile ceasefire after the worst fighting in decades.",
    "Banned chlorine munitions were dropped on a Tunisian city in October, a watchdog said on Monday.",
    "Arms and ammunitions have been seized from him, which include AK rifles and grenades.",
    "Police arrest activist on sedition charges.",  # a headline's bare singular is one person
    "Police arrested 27 people on Monday under an order of the court.",
])
def test_specific_occurrences_stay_events(nlp, actors, text):
    assert _events(nlp, actors, text) != []


def test_reasons_name_the_family(nlp):
    doc = nlp("Overall attacks nationwide have fallen to levels of the early months of the war.")
    fallen = _token(doc, "fallen")
    assert aggregate(fallen)
    assert not_an_event(fallen, [_token(doc, "attacks")]) == AGGREGATE

    doc = nlp("Dagestan sees frequent attacks on security forces.")
    assert not_an_event(_token(doc, "sees"), [_token(doc, "attacks")]) == HABITUAL

    doc = nlp("Capturing drones using swarms of net-casting UAVs working in tandem is one of several options "
              "being considered by defence chiefs.")
    capturing = _token(doc, "Capturing")
    assert unrealised(capturing)
    assert not_an_event(_token(doc, "is"), [capturing]) == UNREALISED


def test_tense_alone_does_not_make_a_habit(nlp):
    doc = nlp("Militants attack a checkpoint in Helmand.")
    assert not habitual(_token(doc, "attack"))
    doc = nlp("Militants attack checkpoints.")
    assert habitual(_token(doc, "attack"))


def test_a_rate_is_not_a_length_of_time(nlp):
    doc = nlp("Opposition leader Kamto, who has spent a week at his residence, was arrested by police.")
    assert not_an_event(_token(doc, "arrested"), [_token(doc, "arrested")]) is None
    doc = nlp("Two people a week are killed on that road.")
    assert habitual(_token(doc, "killed"))


def test_an_event_already_under_way_is_not_a_plan(nlp):
    doc = nlp("The march started from the square and is slated to end at the headquarters.")
    assert not unrealised(_token(doc, "march"))
    doc = nlp("The protest is set to take place on Friday.")
    assert unrealised(_token(doc, "protest"))
    doc = nlp("The ceasefire agreement is set to take effect tomorrow at midnight.")
    assert not unrealised(_token(doc, "agreement"))


def test_a_ranked_event_is_not_a_running_total(nlp):
    doc = nlp("Adame is the seventh journalist murdered so far this year.")
    assert not aggregate(_token(doc, "murdered"))
    doc = nlp("Nine journalists have been murdered so far this year.")
    assert aggregate(_token(doc, "murdered"))


def test_a_campaign_total_does_not_swell_the_event_before_it(nlp, actors):
    text = ("A car bomb killed three soldiers in Douma on Monday. "
            "The offensive has killed more than 1600 civilians and wounded thousands.")
    events = detect(nlp(text), group_spans=actors.find_all)
    assert len(events) == 1
    assert "1600" not in events[0].evidence.text


@pytest.mark.parametrize("text", [
    "Several grenades are thrown at vehicles carrying tourists.",  # a quantified subject: so many, once
    "Militants set the cinema on fire. The exact number of deaths is unknown, with estimates of 400 to 800.",
])
def test_counted_subjects_and_a_tolls_unknown_number_stay_events(nlp, actors, text):
    assert _events(nlp, actors, text)
