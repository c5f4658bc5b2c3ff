"""Where each event happened: locate_event's choice among toponyms, and the country an event's words imply."""

from __future__ import annotations

import pytest

from tacitus.geo import locate_event
from tacitus.geo.names import fold
from tacitus.models import Article, Span

pytestmark = pytest.mark.model


def _locate(pipeline, text: str, evidence: str | None = None):
    doc = pipeline.nlp(text)
    evidence = evidence or text
    start = text.index(evidence)
    return locate_event(doc, pipeline.toponyms(doc), evidence=Span(start, start + len(evidence), evidence))


def _countries(pipeline, text: str) -> list[str | None]:
    result = pipeline.process(Article(id="t", text=text))
    assert result.skipped is None and result.events
    return [e.place.country if e.place else None for e in result.events]


@pytest.mark.parametrize(("text", "iso3"), [
    # The parse, not the next word's case, tells a modifier ("a US drone strike") from a place.
    ("A United States-operated drone attacked the tribal areas of northwestern Pakistan resulting in the deaths "
     "of four militants.", "PAK"),
    ("A US drone strike in Pakistan's lawless northwest tribal belt killed at least five militants.", "PAK"),
    # Places named as elsewhere: where attackers came from, the other side of a border, a journey.
    ("Boko Haram militants coming from Nigeria raided a village in southeastern Niger, killing 18.", "NER"),
    ("FARC militants attack an army base on a hill southwest of Colombia near the border with Ecuador.", "COL"),
    ("A flight from Beirut to Abu Dhabi is bombed near Al Qaysumah, Saudi Arabia by unknown perpetrators.", "SAU"),
    # The country a place near a border is in, after the country across it: one country lies in no other.
    ("Terrorists attacked a village in the town of Limani near the border with Nigeria in northern Cameroon, "
     "killing one person.", "CMR"),
    # A part of a country the small model reads as an organisation's name.
    ("At least 19 people were killed in an attack by militants on Northeast Nigeria several others are injured.",
     "NGA"),
])
def test_event_place_is_where_the_text_puts_it(pipeline, text, iso3):
    place, _ = _locate(pipeline, text)
    assert place is not None and place.country == iso3, place


@pytest.mark.parametrize(("text", "location"), [
    # "in the troubled Pakistani tribal region of" introduces the place as "in" does.
    ("At least 25 people have been killed in a US drone strike in the troubled Pakistani tribal region of "
     "North Waziristan.", "North Waziristan"),
    ("Five Saudi militants attacked the US consulate in the Saudi port city of Jeddah.", "Jeddah"),
    # The town a facility is named after, where the evidence names nothing else.
    ("A mortar shell hit soldiers at Gao Airport.", "Gao"),
])
def test_event_place_read_from_the_evidence(pipeline, text, location):
    _, span = _locate(pipeline, text)
    assert span is not None and span.text == location, span


def test_nationality_of_a_place_noun_gives_the_country(pipeline):
    # "Syrian city" says where; "Turkish soldiers" only says who died.
    place, span = _locate(pipeline, "Three Turkish soldiers were killed in an attack by Islamic State militants near "
                                    "the northern Syrian city of Tadef.")
    assert place is not None and place.country == "SYR"
    assert span is not None


def test_place_contained_in_a_named_region_takes_its_country(pipeline):
    # Nawa is also a Syrian town; "of Helmand province" says which one.
    place, _ = _locate(pipeline, "A policewoman was shot dead in the Nawa district of Helmand province.")
    assert place is not None and place.country == "AFG", place


def test_following_sentence_saying_where_the_event_took_place(pipeline):
    text = "Gunmen killed three policemen at a checkpoint on Monday. The attack took place in Kandahar."
    place, span = _locate(pipeline, text, "Gunmen killed three policemen at a checkpoint on Monday.")
    assert place is not None and place.country == "AFG" and place.precision == "place" and span is None


def test_following_sentence_about_something_else_is_not_the_place(pipeline):
    text = "Gunmen killed three policemen at a checkpoint on Monday. Officials later flew to Kandahar."
    place, _ = _locate(pipeline, text, "Gunmen killed three policemen at a checkpoint on Monday.")
    assert place is None or place.country != "AFG"


@pytest.mark.parametrize(("text", "iso3"), [
    ("Eleven soldiers were killed in an attack on a position of the Malian Army close to the border with "
     "Burkina Faso.", "MLI"),
    ("Militants crossed over from Afghanistan and attacked a Pakistani security post.", "PAK"),
    ("Four police officers were killed after their truck hit a landmine on a road near Kenya's border with "
     "Somalia.", "KEN"),
    # A gazetteer name that is an armed group's whole name says who, not where.
    ("More than 130 people died in Séléka attacks on civilians in Basse-Kotto.", "CAF"),
    # The armed group named decides between namesakes, and rules out a stray alternate name abroad.
    ("Gunmen believed to be Islamic State members shot at a checkpoint of the Syrian Democratic Forces in "
     "Al-Busayrah, killing two SDF members.", "SYR"),
    ("Boko Haram attacked a military base in the town of Baga, killing 10 people.", "NGA"),
    # A group that fights in several countries rules out no namesake: Brega is Libya's.
    ("ISIL fighters attacked an oil plant south of Brega, killing a guard.", "LBY"),
    # An attacker's nationality rules out no town either.
    ("Saudi led coalition airstrikes killed 12 people in Saada.", "YEM"),
    # A patron and a mission abroad are not where: the group's country is.
    ("Islamic State fighters ambushed US backed SDF fighters and opened fire on them, killing 20.", "SYR"),
    ("A group of seven Taliban militants attacked the U.S. consulate using truck bombs and rifles.", "AFG"),
])
def test_event_country(pipeline, text, iso3):
    assert _countries(pipeline, text)[0] == iso3


def test_country_implied_by_the_paragraph_before(pipeline):
    # The evidence "Two pilots and three officers died." names nothing; the sentence before does.
    countries = _countries(pipeline, "A helicopter of the Nigerian army crashed in a forest. Two pilots and three "
                                     "officers died.")
    assert countries and all(c == "NGA" for c in countries)


def test_country_of_the_group_blamed_when_nothing_says_where(pipeline):
    countries = _countries(pipeline, "A car bomb exploding in a crowded market place killed 76 people. No one claimed "
                                     "responsibility, but the Patriotic Union of Kurdistan was blamed.")
    assert countries == ["IRQ"]


def test_generic_target_takes_the_country_of_the_group_blamed(pipeline):
    result = pipeline.process(Article(id="t", text="A car bomb killed seven civilians at a market. The Patriotic "
                                                   "Union of Kurdistan was blamed."))
    ev, = result.events
    assert ev.place is not None and ev.place.country == "IRQ"
    assert ev.actor2 is not None and ev.actor2.name == "Civilians (Iraq)"


def test_country_implied_by_what_the_story_goes_on_to_say(pipeline):
    # The bombing's sentence names a village the gazetteer lacks; the next sentence is Iraqi.
    countries = _countries(pipeline, "Ten people were killed when a convoy of oil tankers was attacked by rockets in "
                                     "Al-Zurqafiyah. The tankers belonged to the Iraqi Ministry of Oil.")
    assert countries == ["IRQ"]


@pytest.mark.parametrize(("text", "location"), [
    # A direction phrase after a place names a reference point, not where the event was.
    ("A policeman in Amara, south of Baghdad, was killed when assailants stabbed him.", "Amara"),
    ("Peacekeepers patrolled Kakata, 60 kilometers (40 miles) northeast of Monrovia, after battles on Tuesday.",
     "Kakata"),
    ("Police shot and injured an activist outside his home in Bahawalpur, 80 kilometers (48 miles) south of Multan.",
     "Bahawalpur"),
    ("Around 3,000 students at Minya University south of Cairo demonstrated on campus.", "Minya"),
    # With no place before it, the reference point is still the best the text gives.
    ("A roadside bomb exploded in a village north of Baghdad, killing three soldiers.", "Baghdad"),
    # ... unless the division the event is placed in does not hold it; one that does keeps it.
    ("Four border police were injured in a car ramming attack outside a military base near Ma'ale Adumim, "
     "east of Jerusalem, in the West Bank.", "West Bank"),
    ("A roadside bomb killed three soldiers 20 km west of Ramadi, in Anbar province.", "Ramadi"),
])
def test_reference_point_yields_to_the_place_it_locates(pipeline, text, location):
    _, span = _locate(pipeline, text)
    assert span is not None and span.text == location, span


@pytest.mark.parametrize(("text", "location"), [
    # The most specific place the text links to the one the event's words attach to.
    ("Israeli soldiers raided the West Bank town of Jenin and killed two militants.", "Jenin"),
    ("At least eight Iraqis were killed in explosions in Baghdad's Sadr City neighbourhood on Saturday.", "Sadr City"),
    ("Islamic militants detonated bombs in Egypt's Sinai resorts of Taba and Ras Shitan, killing 34 people.", "Taba"),
    ("Rebels attacked the Damascus suburb of eastern Ghouta.", "Ghouta"),
    # Later names of a list share the words that introduce the first ("localities of Mardes and ...").
    ("In the Hama province, militants shelled the populated localities of Mardes and Maharada.", "Maharada"),
    # A town's possessive is a place ("Baghdad's main bridges").
    ("Insurgents blew up one of Baghdad's main bridges on Sunday.", "Baghdad"),
])
def test_most_specific_linked_place(pipeline, text, location):
    _, span = _locate(pipeline, text)
    assert span is not None and span.text == location, span


@pytest.mark.parametrize(("text", "location"), [
    # Where a person named with their age is from, and the place that locates it, is not the event's place.
    ("Moussa Ranimat, 28, of the Village of Tsurif near Hebron, detonated a bomb in a coffee shop in the center "
     "of Tel Aviv.", "Tel Aviv"),
    # The former holder of a place taken is elsewhere.
    ("Troops seized the strategic Golan Heights captured from Syria.", "Golan Heights"),
])
def test_origin_places_are_not_the_event_place(pipeline, text, location):
    _, span = _locate(pipeline, text)
    assert span is not None and span.text == location, span


def test_town_where_the_wounded_were_treated_is_not_the_event_place(pipeline):
    text = "Officials said 65 people had died. Many more were wounded and taken to hospitals in Maiduguri."
    _, span = _locate(pipeline, text, "Many more were wounded and taken to hospitals in Maiduguri.")
    assert span is None


def test_place_the_trigger_governs_wins_over_a_nearer_one(pipeline):
    # Jenin hangs on "arrested"; Hebron, nearer the trigger, on "named" in the relative clause.
    text = "Soldiers arrested ten men, whom officials in Hebron had named as suspects, in the town of Jenin."
    doc = pipeline.nlp(text)
    start = text.index("arrested")
    _, span = locate_event(doc, pipeline.toponyms(doc), evidence=Span(0, len(text), text),
                           trigger=Span(start, start + 8, "arrested"))
    assert span is not None and span.text == "Jenin", span


def test_place_of_an_earlier_event_recalled_is_not_the_place(pipeline):
    text = ("Turkish warplanes struck suspected militant targets in northern Syria early Sunday, a week after "
            "a deadly bombing in Istanbul that Ankara blamed on the PKK.")
    doc = pipeline.nlp(text)
    place, _ = locate_event(doc, pipeline.toponyms(doc), evidence=Span(0, len(text), text),
                            trigger=Span(8, 17, "warplanes"))
    assert place is not None and place.country == "SYR"


@pytest.mark.parametrize("text", [
    "Two U.S. servicemembers were wounded when the vehicle they were traveling in hit a roadside bomb.",
    "Two American soldiers were wounded when their vehicle hit a roadside bomb.",
])
def test_troops_of_a_country_that_fights_abroad_do_not_say_where(pipeline, text):
    assert _countries(pipeline, text) == [None]


def test_troops_abroad_leave_the_place_to_the_group_they_met(pipeline):
    assert _countries(pipeline, "Two U.S. soldiers were killed when the Taliban attacked their convoy.") == ["AFG"]


@pytest.mark.parametrize(("text", "evidence", "name"), [
    # "the state" is the state named before; the positions the offensive set out from are elsewhere.
    ("The army withdrew from Wad Madani, the capital of Gezira state. The RSF launched its offensive on the "
     "state on Friday, pushing south from positions near Khartoum.",
     "The RSF launched its offensive on the state on Friday, pushing south from positions near Khartoum.",
     "Gezira"),
    # "the city" is the town the previous sentence is about, not the last town it names.
    ("ISIS lost control of Sinjar, a key Iraqi town on the road connecting Raqqa to its strongholds in Mosul. "
     "Coalition airstrikes killed more than 200 ISIS fighters as they fled the city.",
     "Coalition airstrikes killed more than 200 ISIS fighters as they fled the city.", "Sinjar"),
    # Where a statement was made, and the region its speaker heads, yield to the town it is about.
    ("Kurdish fighters retook the town of Sinjar on Friday. Masoud Barzani, president of Iraq's Kurdistan "
     "Region, announced at a news conference on Mount Sinjar that the town had been liberated.",
     "Masoud Barzani, president of Iraq's Kurdistan Region, announced at a news conference on Mount Sinjar that "
     "the town had been liberated.", "Sinjar"),
])
def test_the_state_or_the_city_is_the_one_told_before(pipeline, text, evidence, name):
    place, _ = _locate(pipeline, text, evidence)
    assert place is not None and fold(name) == fold(place.name), place


def test_a_named_place_in_the_evidence_is_not_a_bare_nouns_antecedent(pipeline):
    # "the city" here is Karbala, told before; "Baghdad Gate" in the same sentence is a gate's name.
    text = ("At least 106 people were killed in a suicide attack on the holy city of Karbala. "
            "At least four bombs detonated by the Baghdad Gate in the city.")
    place, _ = _locate(pipeline, text, "At least four bombs detonated by the Baghdad Gate in the city.")
    assert place is not None and place.name.startswith("Karbal"), place


def test_strongholds_where_fighters_were_pushed_back_are_where_the_fight_was(pipeline):
    place, _ = _locate(pipeline, "Al-Nusra Front fighters were pushed back from their strongholds in southwestern "
                                 "parts of Aleppo province in tough battles with government forces.")
    assert place is not None and place.country == "SYR" and place.admin1 is not None, place


def _sites(pipeline, text: str) -> list[str]:
    from tacitus.geo import event_sites

    doc = pipeline.nlp(text)
    toponyms = pipeline.toponyms(doc)
    evidence = Span(0, len(text), text)
    _, span = locate_event(doc, toponyms, evidence=evidence)
    return [t.span.text for t in event_sites(doc, toponyms, span, evidence=evidence)] if span else []


@pytest.mark.parametrize(("text", "sites"), [
    # Each town by its own preposition, a reference point ("west of the capital") among them.
    ("Police arrested 21 people in overnight raids in London, in High Wycombe, west of the capital, and in "
     "Birmingham.", ["London", "High Wycombe", "Birmingham"]),
    # An event placed in a country whose words list towns inside it.
    ("Suicide bombers struck churches in Sri Lanka on Sunday. The first blasts came at St Anthony's Shrine in "
     "Colombo, at St Sebastian's Church in Negombo and at Zion Church in the eastern city of Batticaloa.",
     ["Colombo", "Negombo", "Batticaloa"]),
    ("Suicide bombers killed at least 64 people in blasts in the towns of Gombe and Damaturu.", ["Gombe", "Damaturu"]),
    # A second target joined to the first, named by the town it lies at.
    ("Drones struck the world's largest oil processing plant at Abqaiq and the nearby Khurais oil field in eastern "
     "Saudi Arabia early on Saturday.", ["Abqaiq", "Khurais"]),
])
def test_each_site_a_deed_was_done_at_is_listed(pipeline, text, sites):
    assert _sites(pipeline, text) == sites


@pytest.mark.parametrize("text", [
    # The town and the division it is in, one place.
    "Eight soldiers were wounded in a blast in the town of Patikul in the southern province of Sulu.",
    "A general was shot dead in Arish in the north of the Sinai Peninsula.",
    # Sites of one city: the Stade de France in Saint-Denis is the Paris attacks (CODEBOOK 1).
    "Attackers struck a concert hall in Paris and the national stadium in Saint-Denis, killing 129.",
    # A reference point is not a site, nor are places near which the place was.
    "A bomb exploded in Amara, south of Baghdad, killing four.",
    "Four suicide car bombs went off at a police station in the Hajjaj near Tikrit and Baiji.",
    # A division's name opened by a town's; a facility's town, told with another preposition.
    "Militants carried out two grenade attacks on CRPF camps in Jammu and Kashmir's town of Tral in India.",
    "Suspected militants opened fire at Domana army camp in Jammu.",
    # A town's name on a person or an office joined to the target names no second target.
    "Gunmen stormed a police station at Ramadi and the Baghdad governor's office.",
])
def test_one_place_and_its_surroundings_are_one_site(pipeline, text):
    assert _sites(pipeline, text) == []


def test_a_place_the_gazetteer_lacks_is_not_the_town_told_before(pipeline):
    text = ("Seven militants were killed in Kandahar province on Friday. Three militants died when their bomb went off "
            "in Arghandab district. Four militants were killed in neighboring Shah Wali Kot district when their "
            "vehicle hit a mine.")
    place, span = _locate(pipeline, text, text[text.index("Four"):])
    # Its own name, at the point of the division both are in; the words it was read from kept.
    assert (place.name, place.precision, place.admin1, place.geonameid) == ("Shah Wali Kot", "admin1", "Kandahar", None)
    assert span.text == "Shah Wali Kot district"
    place, _ = _locate(pipeline, text, text[text.index("Three"):text.index("Four")].strip())
    assert place.name == "Arghandab"


_MOSUL = ("Iraqi forces have seized full control of Mosul University in their battle with Islamic State.\n"
          "Military forces have been attempting to retake Mosul since October.\n"
          "Elite troops entered the compound in Mosul on Friday.\n"
          "They control three of the five bridges crossing the river Tigris, which divides Mosul in two.\n"
          "The bridges were targeted by coalition air strikes in October.\n")


def test_an_event_no_words_place_is_in_the_town_the_story_is_about(pipeline):
    result = pipeline.process(Article(id="t", text=_MOSUL))
    strikes = [e for e in result.events if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.place is not None and e.place.name == "Mosul" and e.location_span is None
                           for e in strikes)


def test_no_town_the_story_is_about_leaves_the_country(pipeline):
    # Mosul named as where things are once, Tikrit twice: no town stands out, so the strikes stay in Iraq.
    text = _MOSUL.replace("compound in Mosul", "compound in Tikrit").replace("divides Mosul", "divides Tikrit")
    strikes = [e for e in pipeline.process(Article(id="t", text=text)).events if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.place is not None and e.place.precision == "country" for e in strikes)

