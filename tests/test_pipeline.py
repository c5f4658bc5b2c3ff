"""End to end: files in, coded events out (needs the spaCy model and the gazetteer)."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.ingest import iter_documents
from tacitus.models import Article, RawDocument

from conftest import SAMPLES, shared_path

pytestmark = pytest.mark.model


def _events(pipeline, path):
    results = list(pipeline.run(iter_documents([path])))
    assert len(results) == 1 and results[0].skipped is None
    return [e.to_record() for e in results[0].events]


def test_seed_000_paris_attack_and_no_boilerplate_events(pipeline):
    records = _events(pipeline, shared_path("seeds", "000_766515bad46ea839.txt"))
    paris = [r for r in records if r["country"] == "FRA" and r["fatalities"] == 132]
    assert len(paris) == 1
    assert paris[0]["actor1"] == "Islamic State"
    assert paris[0]["event_type"] == "Violence against civilians"
    for r in records:
        for phrase in ("Houthi", "Red Sea", "airport", "counteroffensive", "Prigozhin", "cartoons"):
            assert phrase not in r["evidence"], r
    assert all(r["date"] is None for r in records)  # no publication date, and "November 12, 2024" is boilerplate


def test_seed_000_sinjar_located_at_sinjar(pipeline):
    records = _events(pipeline, shared_path("seeds", "000_766515bad46ea839.txt"))
    sinjar = [r for r in records if "lost control of Sinjar" in r["evidence"]]
    assert sinjar and sinjar[0]["event_type"] == "Battles"
    assert sinjar[0]["country"] == "IRQ" and abs(sinjar[0]["latitude"] - 36.32) < 0.3
    assert sinjar[0]["actor2"] == "Islamic State"


def test_every_field_has_provenance(pipeline):
    text = "KABUL, March 3, 2021 — A roadside bomb killed three soldiers in Kandahar on Tuesday, officials said."
    result = pipeline.process(RawDocument(id="t1", origin="test", kind="text", content=text))
    (event,) = result.events
    article = result.article
    for name, (start, end) in event.to_record()["spans"].items():
        assert 0 <= start < end <= len(article.text), name
    assert event.casualties.fatalities == 3
    assert article.text[slice(*event.to_record()["spans"]["fatalities"])].startswith("three")


def test_samples_all_yield_events(pipeline):
    results = list(pipeline.run(iter_documents([SAMPLES])))
    assert len(results) >= 12
    assert all(r.skipped is None for r in results)
    with_events = [r for r in results if r.events]
    assert len(with_events) >= len(results) - 1
    types = {e.event_type for r in results for e in r.events}
    assert {"Violence against civilians", "Explosions/Remote violence", "Protests"} <= types


def test_broken_article_does_not_sink_batch(pipeline, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Gunmen killed five villagers in Zamfara state on Monday, police said.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "ok text about a protest"}\nnot json\n', encoding="utf-8")
    results = list(pipeline.run(iter_documents([good, bad, tmp_path / "missing.txt"])))
    skipped = [r.skipped for r in results if r.skipped]
    assert len(skipped) == 2
    assert any("missing.txt" in s.reason for s in skipped)
    assert any(r.article and r.article.id == "good" and r.events for r in results)


# -- who did what to whom: roles read from the words around the actors ------------------------------


def _only_event(pipeline, text):
    result = pipeline.process(RawDocument(id="roles", origin="test", kind="record", content=text,
                                          published="2019-05-01"))
    assert result.skipped is None
    violent = [e for e in result.events
               if e.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]
    assert violent, result.events
    return violent[0]


def _names(event):
    return (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)


def test_state_forces_reported_killed_are_the_target(pipeline):
    event = _only_event(pipeline, "At least 2 soldiers and one police officer die in an PKK attack in Diyarbakir, Turkey.")
    assert _names(event) == ("PKK: Kurdistan Workers' Party", "Military Forces of Turkey")
    assert event.actor1.span.text == "PKK"


@pytest.mark.parametrize("text,actor1", [
    ("Three people were killed in an Israeli airstrike on Gaza City on Tuesday.", "Military Forces of Israel"),
    ("Five civilians were killed in Russian shelling of Kharkiv on Monday.", "Military Forces of Russia"),
    ("Seven people were killed in a US drone strike in North Waziristan, Pakistan.",
     "Military Forces of the United States"),
    ("One person was killed when the police fired 15 rounds in Santrampur, Gujarat, on Monday.",
     "Police Forces of India"),
])
def test_forces_told_by_their_fire_are_the_initiator(pipeline, text, actor1):
    assert _names(_only_event(pipeline, text))[0] == actor1


def test_text_in_lower_case_is_placed_and_coded(pipeline):
    # Archives that store news in lower case hide every name from a case-reading recogniser.
    text = ("ahmedabad: two persons were killed in police firing in surat on tuesday as mobs went on the rampage in "
            "the walled city. in bhavnagar, a mob set fire to six shops and two trucks on the highway. the police "
            "arrested 40 persons in vadodara. curfew continued in godhra, where the army staged a flag march.")
    events = pipeline.process(Article(id="t", text=text, published=dt.date(2002, 3, 5))).events
    places = [(e.place.name if e.place else None, e.location_span.text if e.location_span else None) for e in events]
    assert places == [("Surat", "surat"), ("Bhavnagar", "bhavnagar"), ("Vadodara", "vadodara")]
    assert (events[0].casualties.fatalities, events[0].actor1.name) == (2, "Police Forces of India")
    assert events[2].sub_event_type == "Arrests"  # and the army's flag march is no protest


def test_a_person_hit_is_a_civilian(pipeline):
    # CODEBOOK 3: unarmed victims are Civilians (<country>); a mob is rioters, whatever its members are.
    result = pipeline.process(Article(id="t", text="A crowd of villagers beat a Muslim man to death in Bisahda, a "
                                                   "village near Dadri in Uttar Pradesh, India, on Monday night."))
    [event] = result.events
    assert (event.event_type, _names(event)) == ("Riots", ("Rioters (India)", "Civilians (India)"))
    assert event.actor2.span.text == "Muslim man"
    event = _only_event(pipeline, "Police shot dead Mark Duggan in Tottenham, London, on Thursday.")
    assert _names(event) == ("Police Forces of the United Kingdom", "Civilians (United Kingdom)")


def test_people_counted_as_a_bombings_toll_are_civilians(pipeline):
    event = _only_event(pipeline, "A bomb exploded in the city centre of Lyon, France, on Friday. Nine people were "
                                  "killed and 13 wounded.")
    assert (event.event_type, _names(event)[1], event.actor2.span.text) == (
        "Explosions/Remote violence", "Civilians (France)", "people")
    # Soldiers counted are no civilians.
    event = _only_event(pipeline, "A roadside bomb exploded near Kandahar, Afghanistan, killing three soldiers.")
    assert _names(event)[1] != "Civilians (Afghanistan)"


def test_students_fighting_police_riot(pipeline):
    [event] = pipeline.process(Article(id="t", text="Students clashed with police in Caracas, Venezuela, on Monday.")).events
    assert (event.event_type, event.sub_event_type, _names(event)) == (
        "Riots", "Violent demonstration", ("Rioters (Venezuela)", "Police Forces of Venezuela"))


def test_a_man_killed_in_a_battle_is_not_called_a_civilian(pipeline):
    event = _only_event(pipeline, "Troops killed two men in a clash near Maiduguri, Nigeria.")
    assert event.actor2 is None


def test_attackers_shot_after_a_person_victim_stay_one_event(pipeline):
    result = pipeline.process(Article(id="t", text=(
        "A gunman attacked two soldiers with a knife in Quebec City, Canada, on Monday, killing one. "
        "The attacker died after being shot by the police.")))
    assert len([e for e in result.events if not e.background]) == 1


def test_force_used_on_a_crowd_hits_protesters(pipeline):
    result = pipeline.process(Article(id="t", published=dt.date(2019, 6, 17), text=(
        "On Wednesday police in Hong Kong fired tear gas and rubber bullets at crowds trying to stop the bill's "
        "debate outside the legislature, and dozens of people were injured.")))
    force = [e for e in result.events if e.sub_event_type == "Excessive force against protesters"]
    assert [_names(e) for e in force] == [("Police Forces of Hong Kong", "Protesters (Hong Kong)")]


def test_group_whose_members_died_in_a_gunfight_is_the_attacker(pipeline):
    event = _only_event(pipeline, "Three Jaish-e-Mohammed terrorists were killed and five security personnel injured "
                                  "in a gunfight in Tral in the Pulwama district of Jammu and Kashmir, India.")
    assert _names(event) == ("Jaish-e-Mohammed", "Military Forces of India")


def test_claimed_group_chosen_among_several_named(pipeline):
    text = ("A senior intelligence officer of the Syrian Democratic Forces (SDF) in Manbij was killed when a bomb "
            "placed in his car detonated. Seven other people were injured in the bombing. The Islamic State also "
            "claimed responsibility for the attack.")
    event = _only_event(pipeline, text)
    assert event.actor1.name == "Islamic State"
    assert text[event.actor1.span.start:event.actor1.span.end] == "Islamic State"


def test_group_unknown_to_the_dictionary_named_as_perpetrator(pipeline):
    text = ("A group of Carabinieri fell into an ambush in Savogna d'Isonzo, Italy: a car bomb killed 3 officers "
            "and other 2 were injured. The attack was carried out by militants of Ordine Nuovo.")
    event = _only_event(pipeline, text)
    assert event.actor1.name == "Ordine Nuovo"
    assert event.actor1.span.text == "Ordine Nuovo"


def test_no_perpetrator_the_text_does_not_name(pipeline):
    event = _only_event(pipeline, "A roadside bomb has killed 11 people in Faryab province, Afghanistan.")
    assert event.actor1 is None


def test_opponent_of_a_group_is_not_the_group(pipeline):
    event = _only_event(pipeline, "An anti-Taliban politician, together with three police officers, was killed and "
                                  "three others injured in a bomb attack in the northern Afghan province of Faryab.")
    assert event.actor1 is None or "Taliban" not in event.actor1.name


@pytest.mark.parametrize(("text", "actor1"), [
    # The group the arrested are said to back is theirs, not the arrester.
    ("Leftists known to be sympathetic to ETA were arrested in Madrid.", "Police Forces of Spain"),
    ("Three men suspected of links to al-Shabaab were arrested in Nairobi.", "Police Forces of Kenya"),
])
def test_group_the_description_of_the_arrested_names_is_not_the_initiator(pipeline, text, actor1):
    result = pipeline.process(RawDocument(id="arrest", origin="test", kind="record", content=text))
    [event] = result.events
    assert event.sub_event_type == "Arrests" and event.actor1.name == actor1


def test_group_on_the_receiving_end_of_air_strikes_stays_the_target(pipeline):
    event = _only_event(pipeline, "US-led coalition airstrikes killed 30 Islamic State fighters near Mosul.")
    assert _names(event) == ("Coalition Forces (US-led)", "Islamic State")


@pytest.mark.parametrize(("text", "iso3"), [
    ("A bomb exploded outside the offices of the Iraqi National Congress, killing three.", "IRQ"),
    ("Gunmen attacked a bus of the Pakistani Red Crescent Society, killing four.", "PAK"),
])
def test_country_implied_by_an_organisation_named_after_it(pipeline, text, iso3):
    event = _only_event(pipeline, text)
    assert event.place is not None and event.place.country == iso3



@pytest.mark.parametrize(("text", "iso3"), [
    # A country's own institution, though neither side of the event: the police who spoke.
    ("Three children are injured when a no-warning bomb exploded in a bin, in what the PSNI claim was an attempt"
     " to kill police officers.", "GBR"),
    ("A bombing at the headquarters of the Popular Mobilization Forces left an unknown number of casualties.", "IRQ"),
])
def test_country_implied_by_an_institution_the_text_names(pipeline, text, iso3):
    event = _only_event(pipeline, text)
    assert event.place is not None and event.place.country == iso3


def test_abbreviated_country_at_a_sentence_end_is_the_place(pipeline):
    # "in the U.K. Fortunately, ...": the next sentence's first word is not part of a name.
    records = _events(pipeline, shared_path("seeds", "003_7aff1247c924c88c.txt"))
    uk = [r for r in records if "car bombs in the U.K." in r["evidence"]]
    assert uk and uk[0]["country"] == "GBR"


@pytest.mark.parametrize("upper", [False, True])
def test_claim_sentence_tells_on_the_attack_before_it(pipeline, upper):
    text = ("KABUL, Afghanistan (AP) — A suicide bomber struck a mosque in the eastern city of Jalalabad on Friday, "
            "killing at least 12 worshippers, officials said. The attack in Nangarhar province was claimed by the "
            "Islamic State group. Separately, Taliban fighters ambushed a police convoy near Kunduz, killing five "
            "officers.")
    text = text.upper() if upper else text
    events = pipeline.process(Article(id="k", text=text, published=dt.date(2019, 5, 3))).events
    assert [(e.event_type, e.casualties.fatalities) for e in events] == [
        ("Explosions/Remote violence", 12), ("Battles", 5)]
    assert events[0].actor1 is not None and events[0].actor1.name.startswith("Islamic State")
    assert events[1].actor1 is not None and events[1].actor1.name == "Taliban"


@pytest.mark.parametrize("mode", ["run", "geoparse"])
def test_one_broken_article_never_sinks_the_batch(pipeline, monkeypatch, mode):
    real = pipeline.toponyms

    def toponyms(doc, **kwargs):
        if "BROKEN" in doc.text:
            raise RuntimeError("a stage failed")
        return real(doc, **kwargs)

    monkeypatch.setattr(pipeline, "toponyms", toponyms)
    articles = [Article(id=str(i), text=f"Gunmen killed two farmers in Maiduguri. {tag}")
                for i, tag in enumerate(["", "BROKEN", ""])]
    results = list(getattr(pipeline, mode)(articles))
    assert [r.article.id if r.article else None for r in results] == ["0", None, "2"]
    assert results[1].skipped.code == "E011" and "a stage failed" in results[1].skipped.reason
    assert all(r.toponyms for r in (results[0], results[2]))


CHIBOK = ("Parents of schoolgirls seized from a boarding school in Chibok, in Nigeria's northeastern Borno state, "
          "said on Monday that 234 of their daughters were still missing.\n\n"
          "Gunmen arrived in the town in trucks late on April 14 and raided the Government Girls Secondary School. "
          "No group has claimed the abduction, but it is widely blamed on Boko Haram.\n\n"
          "The abduction took place hours after a bomb tore through a crowded bus station in Nyanya, on the edge of "
          "the capital, Abuja, on the morning of April 14, killing at least 71 people.")


def test_a_raid_and_the_abduction_it_carried_out_are_one_event(pipeline):
    events = pipeline.process(Article(id="c", text=CHIBOK, published=dt.date(2014, 4, 22))).events
    abductions = [e for e in events if e.sub_event_type == "Abduction/forced disappearance"]
    assert len(abductions) == 1 and not [e for e in events if e.sub_event_type == "Attack"], events
    # the raid's day, not the day the parents spoke; the town it happened in, not the bombing's
    assert str(abductions[0].date.date) == "2014-04-14"
    assert abductions[0].place is not None and abductions[0].place.name == "Chibok"


def test_a_deed_told_as_a_time_keeps_its_own_day_and_place(pipeline):
    events = pipeline.process(Article(id="c", text=CHIBOK, published=dt.date(2014, 4, 22))).events
    bombing = next(e for e in events if e.event_type == "Explosions/Remote violence")
    assert (bombing.casualties.fatalities, str(bombing.date.date)) == (71, "2014-04-14")
    assert bombing.place is not None and bombing.place.name == "Abuja", bombing.place


def test_a_day_told_in_an_earlier_paragraph_of_a_web_page_is_not_the_next_ones(pipeline):
    # Paragraphs one a line, as the HTML cleaner joins them: Thursday is the shooting's day only.
    text = ("Rioters set fire to police cars in Tottenham, north London, on Saturday night after a protest turned "
            "violent.\nDuggan was shot dead by officers on Thursday in Tottenham Hale.\n"
            "Looting continued into the early hours at a retail park in nearby Wood Green.")
    events = pipeline.process(Article(id="t", text=text, published=dt.date(2011, 8, 7))).events
    looting = next(e for e in events if "Looting" in e.evidence.text)
    assert str(looting.date.date) != "2011-08-04"


EASTER = (
    "COLOMBO, April 22 - Suicide bombers struck three churches and three hotels in Sri Lanka on Sunday as "
    "Christians gathered for Easter services, killing 290 people, police said on Monday.\n\n"
    "The first blasts came within minutes of each other, at St Anthony's Shrine in Colombo, at St Sebastian's "
    "Church in Negombo, north of the capital, and at Zion Church in the eastern city of Batticaloa. Bombs also "
    "ripped through three hotels in Colombo.\n\n"
    "Police said 24 people had been arrested."
)


def test_one_event_per_town_the_bombers_struck(pipeline):
    events = pipeline.process(Article(id="e", text=EASTER, published=dt.date(2019, 4, 22))).events
    bombings = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert [(e.place.name, e.sub_event_type, e.casualties.fatalities, str(e.date.date)) for e in bombings] == [
        ("Colombo", "Suicide bomb", 290, "2019-04-21"), ("Negombo", "Suicide bomb", None, "2019-04-21"),
        ("Batticaloa", "Suicide bomb", None, "2019-04-21")]
    # each says where from its own name
    assert [EASTER[e.location_span.start:e.location_span.end] for e in bombings] == [
        "Colombo", "Negombo", "Batticaloa"]


def test_a_peaceful_protest_before_the_riot_is_its_own_event_with_its_crowd(pipeline):
    text = ("Rioters set fire to police cars and shops in Tottenham, north London, on Saturday night after a "
            "protest over a police shooting turned violent.\n\nThe protest was peaceful for several hours. Later "
            "in the evening, groups of young people attacked two police cars and set them alight. Looting "
            "continued into the early hours at a retail park in nearby Wood Green.")
    events = pipeline.process(Article(id="t", text=text, published=dt.date(2011, 8, 7))).events
    kinds = sorted((e.sub_event_type, e.place.name if e.place else "", e.actor1.name if e.actor1 else "")
                   for e in events)
    # the peaceful hours are in the country the article is in; the text names no place for them
    assert kinds == [("Peaceful protest", "United Kingdom", "Protesters (United Kingdom)"),
                     ("Violent demonstration", "Tottenham", "Rioters (United Kingdom)"),
                     ("Violent demonstration", "Wood Green", "Rioters (United Kingdom)")], kinds


# A daily strike report: the day's tally names who strikes, the lines after it say where.
_STRIKE_REPORT = (
    "On Jan. 8, Coalition military forces conducted 34 strikes against ISIL terrorists in Syria and Iraq. "
    "In Syria, Coalition military forces conducted 23 strikes using attack, bomber, fighter and remotely "
    "piloted aircraft against ISIL targets.\n"
    "Near Palmyra, one strike destroyed an ISIL-held tank.\n"
    "Near Sinjar, two strikes destroyed three tunnel entrances and two ISIL fighting positions.\n")


def test_a_strike_report_is_one_air_strike_per_place_owned_by_the_stated_striker(pipeline):
    result = pipeline.process(RawDocument(id="strikes", origin="test", kind="record", content=_STRIKE_REPORT))
    events = [e for e in result.events if not e.background]
    assert sorted((e.sub_event_type, e.place.country if e.place else None) for e in events) == [
        ("Air/drone strike", "IRQ"), ("Air/drone strike", "SYR")]  # the tallies are no events of their own
    assert {_names(e) for e in events} == {("Coalition Forces (US-led)", "Islamic State")}


def test_a_strike_report_names_no_struck_unit_as_striker_and_no_recap_as_an_event(pipeline):
    report = (_STRIKE_REPORT + "Iraq\n"
              ". Near Mosul, seven strikes engaged four ISIL tactical units; destroyed four VBIEDs; and suppressed "
              "two mortar teams and an ISIL tactical unit.\n"
              ". Near Tal Afar, three strikes destroyed an ISIL-held building.\n"
              "The strikes were conducted as part of Operation Inherent Resolve, the operation to eliminate the "
              "ISIL terrorist group and the threat they pose to Iraq and Syria.\n")
    result = pipeline.process(RawDocument(id="strikes", origin="test", kind="record", content=report))
    events = [e for e in result.events if not e.background]
    assert sorted((e.sub_event_type, e.place.name if e.place and e.place.precision == "place" else None)
                  for e in events) == [("Air/drone strike", "Mosul"), ("Air/drone strike", "Sinjār"),
                                       ("Air/drone strike", "Tadmur"), ("Air/drone strike", "Tall ‘Afar")]
    assert {_names(e) for e in events} == {("Coalition Forces (US-led)", "Islamic State")}


@pytest.mark.parametrize(("text", "actors"), [
    ("US jets bombed Taliban positions near Kunduz.", ("Military Forces of the United States", "Taliban")),
    ("Coalition aircraft struck ISIL targets near Mosul.", ("Coalition Forces (US-led)", "Islamic State")),
    ("A US strike on Jan. 1 hit two al-Qaida vehicles near Sarmada, Syria.",
     ("Military Forces of the United States", "Al-Qaeda")),
])
def test_craft_named_with_their_owner_and_the_group_whose_things_were_hit(pipeline, text, actors):
    event = _only_event(pipeline, text)
    assert event.sub_event_type == "Air/drone strike" or event.event_type == "Battles"
    assert _names(event) == actors


def test_an_unowned_air_strike_is_not_given_the_one_group_the_article_names(pipeline):
    result = pipeline.process(RawDocument(
        id="unowned", origin="test", kind="record",
        content="Islamic State fighters hold the town. An air strike destroyed a tank near Raqqa on Tuesday."))
    strikes = [e for e in result.events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1 and strikes[0].actor1 is None


def test_deaths_by_air_strikes_are_no_toll_of_the_ground_attack_before_them(pipeline):
    result = pipeline.process(RawDocument(id="toll", origin="test", kind="record", content=(
        "The Islamic State attacked positions of the Syrian Democratic Forces in the Deirezzor Governorate, "
        "killing 92 SDF soldiers. 61 Islamic State fighters were also killed in the attacks, while 51 civilians "
        "died but due to airstrikes.")))
    clash = [e for e in result.events if e.sub_event_type == "Armed clash"]
    assert len(clash) == 1 and clash[0].casualties.fatalities == 92
    assert any(e.sub_event_type == "Air/drone strike" for e in result.events)


def test_an_undated_narrative_dates_days_by_the_year_it_told_before(pipeline):
    text = ("Operation Steel Curtain was executed by coalition forces in early November 2005. On 5 November, "
            "gunmen killed five police officers in Ramadi.")
    events = pipeline.process(Article(id="u", text=text)).events
    dated = [(e.date.date, e.date.precision) for e in events if e.casualties.fatalities]
    assert dated == [(dt.date(2005, 11, 5), "day")]


def test_an_agreement_told_without_parties_is_between_the_parties_of_the_article_agreement(pipeline):
    text = ("The Colombian government and FARC rebels signed a peace agreement in Cartagena on Monday.\n\n"
            "A definitive bilateral ceasefire has been in force since August 29.")
    events = pipeline.process(Article(id="a", text=text, published=dt.date(2016, 9, 27))).events
    agreements = [e for e in events if e.sub_event_type == "Agreement"]
    assert [e.date.date for e in agreements] == [dt.date(2016, 9, 26), dt.date(2016, 8, 29)]
    signed, ceasefire = agreements
    assert {a.name for a in (signed.actor1, signed.actor2) if a is not None} & {
        "Government of Colombia", "FARC: Revolutionary Armed Forces of Colombia"}
    assert (ceasefire.actor1, ceasefire.actor2) == (signed.actor1, signed.actor2)
    assert ceasefire.confidence < signed.confidence


@pytest.mark.parametrize("text,actor1,actor2", [
    # a country that strikes does so by its forces; countries that agree are their governments
    ("Israel struck targets in Gaza City on Monday, killing 12 people.", "Military Forces of Israel",
     "Civilians (Palestine)"),
    ("Turkey and Russia agreed a ceasefire in Idlib on Thursday.", "Government of Turkey", "Government of Russia"),
    ("The Iraqi government and the Kurdistan Regional Government reached a ceasefire agreement in Baghdad.",
     "Government of Iraq", "Kurdistan Regional Government"),
])
def test_countries_and_governments_as_sides(pipeline, text, actor1, actor2):
    [event] = [e for e in pipeline.process(Article(id="t", text=text)).events if not e.background]
    assert _names(event) == (actor1, actor2)


def test_a_leader_killed_in_a_bombing_is_the_target_and_a_speaker_is_no_side(pipeline):
    [event] = pipeline.process(Article(id="t", text=(
        "Former Lebanese prime minister Rafic Hariri and 21 others were killed after a massive bomb detonated near "
        "his motorcade in Beirut."))).events
    assert event.actor1 is None or not event.actor1.name.startswith(("Military Forces", "Government"))
    events = pipeline.process(Article(id="t", text=(
        "A car bomb exploded near a mosque in Daraa, killing 32 people. The Syrian government reported a death toll "
        "of three."))).events
    assert all(e.actor1 is None or e.actor1.country != "SYR" or e.actor1.kind != "state" for e in events)
    [event] = pipeline.process(Article(id="t", text=(
        "The United States strongly condemns ISIL's multiple suicide attacks in the town of Tel Tamer in Hasaka "
        "Province, which killed scores of Syrian civilians."))).events
    assert event.actor1 is not None and event.actor1.name == "Islamic State"


def test_a_country_named_after_a_place_is_where_it_is_not_a_side(pipeline):
    [event] = pipeline.process(Article(id="t", text=(
        "Car bomb at bus terminal in Colombo, Sri Lanka kills 110 people."))).events
    assert event.actor1 is None or event.actor1.country != "LKA"
    assert event.place is not None and event.place.country == "LKA"


def test_a_government_that_names_an_attack_is_not_its_initiator(pipeline):
    [event] = pipeline.process(Article(id="t", text=(
        "The explosion targeted a bakery in Lyon, in what French President Emmanuel Macron called an attack."))).events
    assert event.actor1 is None and (event.actor2 is None or event.actor2.kind != "state")


def test_a_state_air_strike_with_no_target_named_hits_the_one_group_the_report_names(pipeline):
    report = ("Coalition military forces conducted 12 strikes using fighter and remotely piloted aircraft against "
              "ISIL terrorists in Iraq on Monday.\n"
              "Near Tal Afar, one strike destroyed a VBIED factory.\nNear Mosul, two strikes destroyed a bridge.")
    events = pipeline.process(Article(id="t", text=report, published=dt.date(2016, 12, 6))).events
    strikes = {e.place.name: _names(e) for e in events if e.sub_event_type == "Air/drone strike" and e.place}
    assert strikes["Tall ‘Afar"] == strikes["Mosul"] == ("Coalition Forces (US-led)", "Islamic State")
    story = ("Al-Nusra Front fighters hold the east of Aleppo. On Tuesday Russian jets bombed a school for girls "
             "in the city.")
    [strike] = pipeline.process(Article(id="t", text=story, published=dt.date(2016, 12, 6))).events
    assert _names(strike)[0] == "Military Forces of Russia" and _names(strike)[1] != "Al-Nusra Front"


@pytest.mark.parametrize("text", [
    "Four people were killed in a U.S. drone strike in a remote village.",
    "French warplanes bombed a convoy in the desert, killing 12 people.",
])
def test_the_nationality_of_the_aircraft_of_an_expeditionary_power_does_not_place_a_strike(pipeline, text):
    [event] = pipeline.process(Article(id="t", text=text)).events
    assert event.sub_event_type == "Air/drone strike"
    assert event.place is None or event.place.country not in ("USA", "FRA")
    assert event.actor2 is None or event.actor2.name == "Civilians"


def test_a_date_in_the_trigger_phrase_dates_that_event_not_the_sentence(pipeline):
    text = ("Last month, neighbours of Salman Abedi, the man who carried out the May 22 concert bombing in "
            "Manchester, said they had warned the police.")
    [event] = pipeline.process(Article(id="t", text=text, published=dt.date(2017, 6, 5))).events
    assert (event.date.date, event.date.precision, event.date.span.text) == (dt.date(2017, 5, 22), "day", "May 22")


def test_a_deed_told_hours_later_or_the_next_day_is_dated_from_the_one_before(pipeline):
    text = ("A truck bomb exploded at a busy junction in Mogadishu on Saturday, killing 300 people.\n\n"
            "Gunmen attacked a hotel in Kismayo the next day.\n\n"
            "A car bomb went off in Baidoa hours later, killing two soldiers.")
    events = pipeline.process(Article(id="t", text=text, published=dt.date(2017, 10, 17))).events
    days = {e.place.name: (e.date.date, e.date.span.text if e.date.span else None) for e in events if e.place}
    assert days["Mogadishu"] == (dt.date(2017, 10, 14), "Saturday")
    assert days["Kismayo"] == (dt.date(2017, 10, 15), "the next day")
    assert days["Baidoa"] == (dt.date(2017, 10, 15), "hours later")  # after the deed told just before it


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    # the one the words lay the deed on, though the parse leaves the one who blamed it as a subject
    ("The pipeline in Putumayo department was bombed overnight which the Colombian army blamed on FARC dissidents.",
     "FARC Dissidents", None),
    # the one the text suspects did it, not a casualty of it
    ("Two civilians were killed and 23 other people were wounded when an explosive rigged motorbike exploded in "
     "the city of Khost, the Taliban is suspected to be behind the attack.", "Taliban", "Civilians (Afghanistan)"),
    # the by-agent of the participle after the deed or its weapon
    ("A Nigerian soldier was shot dead in an ambush carried out by suspected militants in Ekeremor, Nigeria.",
     "Unidentified Armed Group (Nigeria)", "Military Forces of Nigeria"),
    ("An improvised explosive, emplaced by United National Liberation Front (UNLF) militants, detonated targeting "
     "the residence of a man accused of collecting money in the name of the UNLF in Imphal West district, India.",
     "UNLF: United National Liberation Front", None),
    # what a counting noun counts: "a series of airstrikes" is no side against the group it names
    ("A series of airstrikes against al-Qaida operatives in Syria's Idlib province killed more than 20 militants.",
     None, "Unidentified Armed Group (Syria)"),
    ("A spate of attacks by Boko Haram in the Borno State left 7 people dead including soldiers and civilians, as "
     "well as dozens of people injured.", "Boko Haram", "Civilians (Nigeria)"),
])
def test_the_side_the_words_name_as_having_done_it(pipeline, text, actor1, actor2):
    event = _only_event(pipeline, text)
    assert (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None) == (
        actor1, actor2)


@pytest.mark.parametrize(("text", "actor1"), [
    # a group among the hurt is no perpetrator, even as the only group the article names
    ("A massive car bomb exploded in the city of Raqqa, killing at least a person and injuring 10 more "
     "including members of the SDF.", None),
    # a bomb that killed a group's members was theirs only where the text says so
    ("A roadside bomb in Saada, Yemen killed two Houthi fighters.", None),
    ("At least 15 members of the ELN died in Colombia when the explosives they were carrying detonated.",
     "ELN: National Liberation Army"),
    ("A civilian and four Taliban militants were killed when an IED exploded in a volleyball match in Afghanistan. "
     "The Taliban was blamed for the blast.", "Taliban"),
])
def test_a_group_a_bomb_hit_is_its_target_unless_the_text_says_it_was_theirs(pipeline, text, actor1):
    event = _only_event(pipeline, text)
    assert (event.actor1.name if event.actor1 else None) == actor1
    if actor1 is None:
        assert event.actor2 is not None  # the group or the people it hit
