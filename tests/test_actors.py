"""Tests for tacitus.actors: alias dictionary, state forces, generic actors."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tacitus.actors import ActorDictionary, named_as_hit
from tacitus.errors import ConfigError

IS = "Islamic State"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("ISIS", IS), ("ISIL", IS), ("IS", IS), ("Daesh", IS), ("Islamic State", IS), ("Isis", IS),
        ("the Islamic State of Iraq and the Levant", IS), ("ISIS forces in Mosul", IS), ("ISIS fighters", IS),
        ("at least eight men apparently aligned with Islamic State", IS), ("ISLAMIC STATE MILITANTS", IS),
        ("ISWAP", "Islamic State West Africa Province"), ("ISIS-K", "Islamic State Khorasan Province"),
        ("ISKP", "Islamic State Khorasan Province"), ("Islamic State – Sinai Province", "Islamic State Sinai Province"),
        ("suspected Boko Haram militants", "Boko Haram"), ("JAS", "Boko Haram"),
        ("al-Shabaab's fighters", "Al-Shabaab"), ("Al Shabab", "Al-Shabaab"),
        ("Harakat al-Shabaab al-Mujahideen", "Al-Shabaab"), ("Taliban insurgents", "Taliban"),
        ("Pakistani Taliban", "TTP: Tehrik-i-Taliban Pakistan"), ("TTP", "TTP: Tehrik-i-Taliban Pakistan"),
        ("al-Qaida", "Al-Qaeda"), ("al Qaeda", "Al-Qaeda"), ("AQAP", "AQAP: Al-Qaeda in the Arabian Peninsula"),
        ("Jabhat al-Nusra", "Al-Nusra Front"), ("Hayat Tahrir al-Sham", "HTS: Hayat Tahrir al-Sham"),
        ("Houthi rebels", "Houthi Movement (Ansar Allah)"), ("Ansar Allah", "Houthi Movement (Ansar Allah)"),
        ("Qassam Brigades", "Hamas"), ("New People’s Army", "NPA: New People's Army"),
        ("Sendero Luminoso", "Shining Path"), ("Séléka", "Seleka"), ("anti-balaka militiamen", "Anti-Balaka"),
        ("Jalisco New Generation Cartel", "CJNG: Jalisco New Generation Cartel"), ("M23 rebels", "M23: March 23 Movement"),
        ("U.S.-led coalition airstrikes", "Coalition Forces (US-led)"), ("Naxalites", "CPI (Maoist): Communist Party of India (Maoist)"),
        ("Janjaweed", "RSF: Rapid Support Forces"), ("Gulf Clan", "Clan del Golfo"), ("Amba Boys", "Ambazonian Separatists"),
    ],
)
def test_aliases_give_one_canonical_name(actors: ActorDictionary, mention: str, name: str) -> None:
    actor = actors.canonical(mention)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Iraqi troops", "Military Forces of Iraq"), ("Iraqi army", "Military Forces of Iraq"),
        ("Nigerian soldiers", "Military Forces of Nigeria"), ("Syrian government forces", "Military Forces of Syria"),
        ("the Afghan National Army", "Military Forces of Afghanistan"), ("IDF", "Military Forces of Israel"),
        ("Israeli Defense Forces", "Military Forces of Israel"), ("Russian forces", "Military Forces of Russia"),
        ("U.S. forces", "Military Forces of the United States"), ("US troops", "Military Forces of the United States"),
        ("Pakistan's army", "Military Forces of Pakistan"), ("Kenyan police officers", "Police Forces of Kenya"),
        ("Congolese soldiers", "Military Forces of the Democratic Republic of Congo"),
        ("Peshmerga", "Military Forces of Iraq (Kurdistan Regional Government Peshmerga)"),
        ("Iraqi Kurdish Peshmerga forces", "Military Forces of Iraq (Kurdistan Regional Government Peshmerga)"),
        ("the PSNI", "Police Forces of the United Kingdom"), ("Guardia Civil", "Police Forces of Spain"),
        ("Carabinieri", "Police Forces of Italy"), ("Carabineros", "Police Forces of Chile"),
        ("Gardaí", "Police Forces of Ireland"), ("NYPD officers", "Police Forces of the United States"),
    ],
)
def test_state_forces_from_nationality_and_institution(actors: ActorDictionary, mention: str, name: str) -> None:
    actor = actors.canonical(mention)
    assert actor is not None and actor.name == name and actor.kind == "state"


@pytest.mark.parametrize(
    ("mention", "country", "name"),
    [
        ("riot police", "FRA", "Police Forces of France"), ("police", None, "Police Forces"),
        ("security forces", "NGA", "Military Forces of Nigeria"), ("gendarmes", "BFA", "Military Forces of Burkina Faso"),
        ("the army", "MLI", "Military Forces of Mali"), ("villagers", "NGA", "Civilians (Nigeria)"),
        ("worshippers", "PAK", "Civilians (Pakistan)"), ("civilians", None, "Civilians"),
        ("Iraqi civilians", "SYR", "Civilians (Iraq)"), ("protesters", "FRA", "Protesters (France)"),
        ("anti-government demonstrators", "IRN", "Protesters (Iran)"), ("a mob", "IND", "Rioters (India)"),
        ("unknown attackers", "PAK", "Unidentified Armed Group (Pakistan)"),
        ("armed men", "COL", "Unidentified Armed Group (Colombia)"), ("bandits", "NGA", "Unidentified Armed Group (Nigeria)"),
        ("suspected militants", "SOM", "Unidentified Armed Group (Somalia)"), ("gunmen", None, "Unidentified Armed Group"),
        ("Fulani herdsmen", "NGA", "Fulani Ethnic Militia (Nigeria)"),
        ("pro-government militia", "SDN", "Pro-Government Militia (Sudan)"),
        ("Kurdish fighters", "SYR", "YPG: People's Protection Units"), ("Kurdish fighters", None, "Kurdish Ethnic Militia"),
        ("Islamic State", "AFG", "Islamic State Khorasan Province"), ("ISIS", "NGA", "Islamic State West Africa Province"),
        ("Taliban", "PAK", "TTP: Tehrik-i-Taliban Pakistan"), ("Maoists", "IND", "CPI (Maoist): Communist Party of India (Maoist)"),
        ("coalition airstrikes", "YEM", "Saudi-led Coalition"),
    ],
)
def test_generic_and_country_dependent_actors(actors: ActorDictionary, mention: str, country: str | None, name: str) -> None:
    actor = actors.canonical(mention, country=country)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize("mention", ["is", "this is it", "eln", "Omar Mateen", "John Smith", "Maoists", "the", "", "Ira Glass"])
def test_no_actor_in_words_person_names_or_wrong_case(actors: ActorDictionary, mention: str) -> None:
    assert actors.canonical(mention) is None


def test_mixed_case_acronym_is_read_only_as_written(actors: ActorDictionary) -> None:
    # "LeT" and "JeM" are spelled with an inner capital; "Let us go" is the word.
    assert actors.find_all("Let us go. LET THEM EAT CAKE. let it be") == []
    assert [a.name for _, _, a in actors.find_all("LeT and JeM cadres attacked")] == \
        ["Lashkar-e-Taiba", "Jaish-e-Mohammed"]


def test_word_acronym_is_not_read_in_all_caps_text(actors: ActorDictionary) -> None:
    assert actors.find_all("WHAT IS GOING ON IN THE CITY") == []
    assert [a.name for _, _, a in actors.find_all("WHY ISIS IS LOSING")] == [IS]
    assert [a.name for _, _, a in actors.find_all("Fighters of IS attacked; this is bad.")] == [IS]


def test_find_all_offsets_longest_match_and_order(actors: ActorDictionary) -> None:
    text = "Islamic State West Africa Province fighters clashed with Nigerian soldiers near Boko Haram camps."
    found = actors.find_all(text)
    assert [a.name for _, _, a in found] == [
        "Islamic State West Africa Province", "Military Forces of Nigeria", "Boko Haram"]
    for start, end, actor in found:
        assert actor.span is not None and text[start:end] == actor.span.text
    assert text[found[0][0]:found[0][1]] == "Islamic State West Africa Province fighters"


def test_find_all_generic_flag(actors: ActorDictionary) -> None:
    text = "Gunmen killed five villagers while police watched."
    assert actors.find_all(text) == []
    names = [a.name for _, _, a in actors.find_all(text, country="NGA", generic=True)]
    assert names == ["Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", "Police Forces of Nigeria"]


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_text(
        "# my aliases\n"
        "Black Eagles\tAguilas Negras\trebel\tCOL\n"
        "ISIS\tIslamic State (Iraq)\n"
        "\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.load(extra=path)
    eagles = actors.canonical("the Black Eagles gang")
    assert eagles is not None and eagles.name == "Aguilas Negras" and eagles.country == "COL"
    overridden = actors.canonical("ISIS")
    assert overridden is not None and overridden.name == "Islamic State (Iraq)" and overridden.kind == "rebel"
    assert actors.canonical("Daesh").name == IS


@pytest.mark.parametrize(
    "content",
    ["only-one-column\n", "alias\tName\tgangster\n", "alias\tName\trebel\tXYZ\n"],
)
def test_bad_user_file_raises_config_error_naming_the_path(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        ActorDictionary.load(extra=path)
    assert info.value.code == "E103" and str(path) in str(info.value)


def test_missing_user_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="E103"):
        ActorDictionary.load(extra=tmp_path / "nope.tsv")


def test_shipped_dictionary_is_large_and_consistent(actors: ActorDictionary) -> None:
    text = (Path(__file__).parents[1] / "src" / "tacitus" / "data" / "actors.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len({row[1] for row in rows}) >= 200
    assert all(len(row) == 4 and row[2] in {"state", "rebel", "other"} for row in rows)


def test_find_all_is_fast(actors: ActorDictionary) -> None:
    text = ("Suspected Boko Haram militants attacked the village on Friday, killing 12 people, "
            "before Nigerian troops arrived. ") * 200
    start = time.perf_counter()
    found = actors.find_all(text)
    assert len(found) == 400
    assert time.perf_counter() - start < 1.0


def test_scorer_word_rule_credits_provinces_as_islamic_state() -> None:
    words = lambda s: {w for w in "".join(c if c.isalnum() else " " for c in s.lower()).split()
                       if w not in {"the", "a", "an", "of", "in", "on", "at", "to", "and", "s"}}
    assert words(IS) <= words("Islamic State West Africa Province")
    assert json.dumps(IS)


# -- home countries -------------------------------------------------------------------------------


def test_home_countries_several_for_islamic_state(actors):
    assert actors.home_countries(IS) == ("IRQ", "SYR")
    assert actors.canonical("Daesh").country is None  # no one country to place its events in
    assert actors.home_countries("Boko Haram") == ("NGA",)
    assert actors.home_countries("Al-Qaeda") == ()  # a transnational network has no home country
    assert actors.home_countries("Nobody Known") == ()


def test_user_file_home_countries_comma_separated(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("Lake Chad Brigade\tLake Chad Brigade\trebel\tNGA,TCD, CMR\n", encoding="utf-8")
    d = ActorDictionary.load(extra=extra)
    assert d.home_countries("Lake Chad Brigade") == ("NGA", "TCD", "CMR")
    assert d.canonical("the Lake Chad Brigade fighters").country is None
    assert d.canonical("Boko Haram").country == "NGA"


def test_user_file_bad_home_country_is_config_error(tmp_path):
    extra = tmp_path / "bad.tsv"
    extra.write_text("X Front\tX Front\trebel\tIRQ XXX\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        ActorDictionary.load(extra=extra)


def test_issue_list_covered_with_canonical_names(actors):
    expected = {
        "ISWAP": "Islamic State West Africa Province", "Houthis": "Houthi Movement (Ansar Allah)",
        "Ansar Allah": "Houthi Movement (Ansar Allah)", "JNIM": "JNIM: Jama'at Nasr al-Islam wal Muslimin",
        "FARC dissidents": "FARC Dissidents", "Cartel del Noreste": "Cartel del Noreste",
        "Jalisco New Generation Cartel": "CJNG: Jalisco New Generation Cartel", "Peshmerga fighters":
        "Military Forces of Iraq (Kurdistan Regional Government Peshmerga)", "Pakistani Taliban":
        "TTP: Tehrik-i-Taliban Pakistan", "Wilayat Sayna": "Islamic State Sinai Province",
    }
    for mention, name in expected.items():
        assert actors.canonical(mention).name == name, mention


def test_title_case_three_letter_acronym_only_before_a_group_noun(actors):
    assert actors.canonical("Presumed Eln guerrillas").name == "ELN: National Liberation Army"
    assert actors.canonical("Npa rebels").name == "NPA: New People's Army"
    assert actors.canonical("Eln said") is None


# -- role words around a mention ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Three soldiers died. The Taliban claimed responsibility.", "Taliban", True),
        ("Two soldiers die in a PKK attack in Diyarbakir.", "PKK", True),
        ("An attack by Islamic State gunmen on a checkpoint.", "Islamic State", True),
        ("Abu Sayyaf is suspected to be behind the incident.", "Abu Sayyaf", True),
        ("The attack was claimed by the Pakistani Taliban.", "Pakistani Taliban", True),
        ("A soldier died in clashes with the Abu Sayyaf group.", "Abu Sayyaf", True),
        ("The army killed a Hamas commander.", "Hamas", False),
        ("Soldiers raided a Hamas office.", "Hamas", False),
        ("200 ISIS fighters killed in strikes.", "ISIS", False),
    ],
)
def test_named_as_perpetrator(text, name, expected):
    from tacitus.actors import named_as_perpetrator

    start = text.index(name)
    assert named_as_perpetrator(text, start, start + len(name)) is expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("At least 2 soldiers and one police officer die in an attack", "2 soldiers", True),
        ("Three soldiers were killed and one wounded", "Three soldiers", True),
        ("A soldier succumbed to his wounds", "A soldier", True),
        ("Iraqi soldiers killed 20 Islamic State members, who were killed", "Iraqi soldiers", False),
        ("The security forces fought back and killed 109 militants", "security forces", False),
        ("Soldiers patrolled the area.", "Soldiers", False),
    ],
)
def test_named_as_casualty(text, mention, expected):
    from tacitus.actors import named_as_casualty

    assert named_as_casualty(text, text.index(mention) + len(mention)) is expected


def test_named_as_opponent():
    from tacitus.actors import named_as_opponent

    text = "An anti-Taliban politician was killed."
    assert named_as_opponent(text, text.index("Taliban"))
    assert not named_as_opponent("The Taliban attacked.", 4)


# -- organisations the dictionary does not know ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("A car bomb killed 3 officers. The attack was carried out by militants of Ordine Nuovo.", ["Ordine Nuovo"]),
        ("Members of ZIPRA shot down Air Rhodesia Flight 825, killing 48 civilians.", ["ZIPRA"]),
        ("A bomb killed a guard. The leftist RPLP-F group claimed responsibility for the attack.", ["RPLP-F"]),
        ("An explosion kills 26. The Kenyan People Liberation Front claimed responsibility for the blast.",
         ["Kenyan People Liberation Front"]),
        ("A shell hit the market. The Army of Republika Srpska was blamed for the attack.",
         ["Army of Republika Srpska"]),
        # a name in apposition to "group", said to be behind the attacks
        ("A spokesman said that a little-known local Islamist group, National Thowheeth Jama'ath, was behind the "
         "attacks.", ["National Thowheeth Jama'ath"]),
        ("Officials said the Popular Liberation Movement was behind the bombing.", ["Popular Liberation Movement"]),
        # a creed describes the militants, it names no group
        ("Islamist militants were behind the attack.", []),
        ("Maoist rebels were suspected.", []),
        # known names, state forces, descriptions and casualties are not unlisted organisations
        ("The Islamic State claimed the attack. Members of Hamas attacked.", []),
        ("The Israel Defense Forces launched strikes. The Argentine Army attacked.", []),
        ("Iranian-backed Yemeni rebels attacked a ship.", []),
        ("Three members of the Popular Resistance Front were killed in a raid.", []),
        ("The Patriotic Union held a rally.", []),
        # a day told first in the sentence names no group
        ("Last Wednesday, militants reportedly tied six men from the same village to a vehicle.", []),
    ],
)
def test_find_unlisted(actors, text, names):
    found = actors.find_unlisted(text)
    assert [a.name for _, _, a in found] == names
    for start, end, actor in found:
        assert text[start:end] == actor.name == actor.span.text
        assert actor.kind == "rebel" and actor.country is None


@pytest.mark.parametrize("mention, expected", [
    ("pro-U.S. rebels", "Unidentified Armed Group (Iraq)"),
    ("anti-Syrian protesters", "Protesters (Iraq)"),
    ("Syrian protesters", "Protesters (Syria)"),
])
def test_allegiance_is_not_nationality(actors, mention, expected):
    assert actors.canonical(mention, country="IRQ").name == expected


def test_one_word_name_counts_as_the_claiming_organisation(actors):
    text = "Militants threw grenades at an army patrol. The Al-Badr organization claimed responsibility."
    assert [a.name for _, _, a in actors.find_unlisted(text)] == ["Al-Badr"]
    assert actors.find_unlisted("The Iranian group claimed responsibility.") == []


def test_affiliation_word_is_not_the_perpetrator():
    from tacitus.actors import named_as_perpetrator

    text = "The attack was attributed to al-Qaeda-affiliated al-Shabaab."
    assert not named_as_perpetrator(text, text.index("al-Qaeda"), text.index("-affiliated"))
    assert named_as_perpetrator(text, text.index("al-Shabaab"), len(text) - 1)


def test_two_sentences_are_not_one_unlisted_name(actors):
    text = ("Gunmen killed two farmers in the village of Tungushe on Thursday. Separately, militants attacked "
            "a police post in Konduga.")
    assert actors.find_unlisted(text) == []


@pytest.mark.parametrize(("mention", "name"), [
    ("the Islamic State backed faction of Boko Haram", "Boko Haram"),
    ("pro-Islamic State militants of Boko Haram", "Boko Haram"),
    ("al-Qaeda-affiliated al-Shabaab", "Al-Shabaab"),
    # With no other group named, the one a phrase is linked to is still the actor.
    ("ISIS-linked militants", "Islamic State"),
])
def test_group_backed_or_sworn_to_describes_the_one_named_beside_it(actors, mention, name):
    assert actors.canonical(mention).name == name


def test_iso3_codes_in_text_are_no_nationality(actors: ActorDictionary) -> None:
    # "GNB" is Venezuela's Bolivarian National Guard, not Guinea-Bissau; "CAN" in a headline is a word.
    assert actors.find_all("GNB Brigade General Hector Hernandez was detained", generic=True) == []
    assert [a.name for _, _, a in actors.find_all("UAE forces struck", generic=True)] == \
        ["Military Forces of the United Arab Emirates"]


def test_a_protest_or_riot_without_a_named_crowd_gets_the_generic_one():
    from tacitus.actors import convention_sides
    from tacitus.models import Actor

    police = Actor("Police Forces of the United Kingdom", kind="state", country="GBR")
    assert convention_sides("Protests", "Peaceful protest", "GBR", None, None)[0].name == "Protesters (United Kingdom)"
    # force against protesters: the police act, the crowd is the target
    assert [a.name for a in convention_sides("Protests", "Excessive force against protesters", "GBR", police, None)] == [
        "Police Forces of the United Kingdom", "Protesters (United Kingdom)"]
    assert convention_sides("Riots", "Mob violence", "IND", None, None)[0].name == "Rioters (India)"
    named = Actor("Hong Kong Civil Human Rights Front", kind="other")
    assert convention_sides("Protests", "Peaceful protest", "HKG", named, None) == (named, None)
    assert convention_sides("Battles", "Armed clash", "GBR", None, None) == (None, None)
    assert convention_sides("Protests", "Peaceful protest", None, None, None)[0].name == "Protesters"


def test_civilians_named_as_the_crowd_are_the_crowd():
    from tacitus.actors import convention_sides
    from tacitus.models import Actor, Span

    span = Span(0, 9, "residents")
    residents = Actor("Civilians (India)", span, "civilians", "IND")
    protest = convention_sides("Protests", "Peaceful protest", "IND", residents, None)[0]
    assert (protest.name, protest.kind, protest.span) == ("Protesters (India)", "protesters", span)
    assert convention_sides("Riots", "Mob violence", "IND", residents, None)[0].name == "Rioters (India)"
    police = Actor("Police Forces of India", kind="state", country="IND")
    # "police fired tear gas at crowds ... dozens of people were injured": the people hit are the protesters
    assert convention_sides("Protests", "Excessive force against protesters", "IND", police, residents)[1].name == \
        "Protesters (India)"
    # the target of a mob stays who it is
    assert convention_sides("Riots", "Mob violence", "IND", None, residents)[1] is residents


def test_an_arrest_with_no_one_named_is_by_the_police():
    from tacitus.actors import convention_sides
    from tacitus.models import Actor

    # "Police said 24 people had been arrested": custody is the state's
    assert convention_sides("Strategic developments", "Arrests", "LKA", None, None)[0].name == "Police Forces of Sri Lanka"
    army = Actor("Military Forces of Nigeria", kind="state", country="NGA")
    assert convention_sides("Strategic developments", "Arrests", "NGA", army, None)[0] is army
    assert convention_sides("Strategic developments", "Arrests", None, None, None) == (None, None)


def test_violence_against_civilians_hits_civilians():
    from tacitus.actors import convention_sides
    from tacitus.models import Actor

    # The type says whom it hit (CODEBOOK 2), named or not.
    assert convention_sides("Violence against civilians", "Attack", "FRA", None, None)[1].name == "Civilians (France)"
    police = Actor("Police Forces of Iraq", kind="state", country="IRQ")
    assert convention_sides("Violence against civilians", "Attack", "IRQ", None, police)[1] is police
    assert convention_sides("Explosions/Remote violence", "Air/drone strike", "SAU", None, None) == (None, None)


def test_a_crowd_fighting_state_forces_riots():
    from tacitus.actors import crowd_clash
    from tacitus.models import Actor, Span

    students = Actor("Civilians (Venezuela)", Span(0, 8, "Students"), kind="civilians", country="VEN")
    police = Actor("Police Forces of Venezuela", kind="state", country="VEN")
    crowd, forces = crowd_clash("Battles", "Armed clash", students, police)
    assert (crowd.name, crowd.kind, forces) == ("Rioters (Venezuela)", "rioters", police)
    assert crowd_clash("Battles", "Armed clash", police, students)[0].name == "Rioters (Venezuela)"
    # Two armed sides fight a battle; a crowd with no forces named is no clash with them.
    rebels = Actor("Boko Haram", kind="rebel", country="NGA")
    army = Actor("Military Forces of Nigeria", kind="state", country="NGA")
    assert crowd_clash("Battles", "Armed clash", army, rebels) is None
    assert crowd_clash("Battles", "Armed clash", students, None) is None
    # The people a clash killed are not a crowd that fought.
    people = Actor("Civilians (Syria)", Span(0, 14, "several people"), kind="civilians", country="SYR")
    assert crowd_clash("Battles", "Armed clash", army, people) is None


@pytest.mark.parametrize(
    ("mention", "country", "name"),
    [
        ("the Iraqi government", None, "Government of Iraq"),
        ("Venezuela's President Nicolas Maduro", None, "Government of Venezuela"),
        ("British ministers", None, "Government of the United Kingdom"),
        ("the Federal Government of Iraq", "SYR", "Government of Iraq"),
        ("the president of Colombia", None, "Government of Colombia"),
        ("the US administration", None, "Government of the United States"),
        ("Kurdistan Regional Government", None, "Kurdistan Regional Government"),
        # the forces a government commands stay its forces
        ("Syrian government troops", None, "Military Forces of Syria"),
        ("Iraqi government forces", None, "Military Forces of Iraq"),
    ],
)
def test_governments_named_with_their_country(actors: ActorDictionary, mention: str, country: str | None,
                                              name: str) -> None:
    actor = actors.canonical(mention, country=country)
    assert actor is not None and actor.name == name and actor.kind == "state"


@pytest.mark.parametrize(
    ("mention", "country"),
    [("President Juan Manuel Santos", "COL"), ("the Trump administration", "VEN"), ("Prime Minister Abadi", "IRQ"),
     ("the government", "COL")],
)
def test_a_title_or_government_that_does_not_say_whose_is_no_actor(actors: ActorDictionary, mention: str,
                                                                  country: str | None) -> None:
    assert actors.canonical(mention, country=country) is None


def test_a_government_that_fights_does_so_by_its_forces_and_one_attacked_is_the_target():
    from tacitus.actors import convention_sides
    from tacitus.models import Actor

    syria = Actor("Government of Syria", kind="state", country="SYR")
    venezuela = Actor("Government of Venezuela", kind="state", country="VEN")
    assert convention_sides("Explosions/Remote violence", "Air/drone strike", "SYR", syria, None)[0].name == \
        "Military Forces of Syria"
    assert convention_sides("Battles", "Armed clash", "SYR", None, syria)[1].name == "Military Forces of Syria"
    assert convention_sides("Explosions/Remote violence", "Air/drone strike", "VEN", None, venezuela)[1] is venezuela
    assert convention_sides("Strategic developments", "Agreement", "SYR", syria, None)[0] is syria


@pytest.mark.parametrize(("mention", "name"), [
    ("Russia", "Government of Russia"), ("the United States", "Government of the United States"),
    ("the U.S.", "Government of the United States"), ("Britain", "Government of the United Kingdom"),
])
def test_a_country_named_as_a_side_is_its_government(actors: ActorDictionary, mention: str, name: str) -> None:
    actor = actors.canonical(mention)
    assert actor is not None and (actor.name, actor.kind) == (name, "state")


@pytest.mark.parametrize("mention", ["Iraqi", "Kabul", "Mosul", "Russia and Turkey", "the Iraqi town"])
def test_a_nationality_or_a_city_is_no_side(actors: ActorDictionary, mention: str) -> None:
    assert actors.canonical(mention) is None


def test_a_minister_in_a_bombing_is_the_one_it_hit():
    from tacitus.actors import office_holder_hit
    from tacitus.models import Actor, Span

    minister = Actor("Government of Yemen", Span(0, 30, "Yemeni Defense Minister"), "state", "YEM")
    government = Actor("Government of Syria", Span(0, 17, "Syrian government"), "state", "SYR")
    assert office_holder_hit("Explosions/Remote violence", minister, None) == (None, minister)
    assert office_holder_hit("Strategic developments", minister, None) == (minister, None)
    assert office_holder_hit("Explosions/Remote violence", government, None) == (government, None)


def test_forces_loyal_to_a_leader_are_the_forces_not_the_leader(actors: ActorDictionary) -> None:
    actor = actors.canonical("Forces loyal to the internationally-recognised president of Yemen", country="YEM")
    assert actor is not None and actor.name == "Military Forces of Yemen"


def test_a_government_read_as_a_rioting_crowd_gives_way_to_the_rioters():
    from tacitus.actors import convention_sides
    from tacitus.models import Actor

    hong_kong = Actor("Government of Hong Kong", kind="state", country="HKG")
    assert convention_sides("Riots", "Violent demonstration", "HKG", hong_kong, None)[0].name == "Rioters (Hong Kong)"
    assert convention_sides("Protests", "Peaceful protest", "HKG", hong_kong, None)[0].name == "Protesters (Hong Kong)"


@pytest.mark.parametrize(("text", "mention", "hit"), [
    ("A car bomb exploded, killing a person and injuring 10 more including members of the SDF.", "SDF", True),
    ("A car bomb exploded, injuring 10 more, including members of the SDF.", "SDF", True),
    ("A roadside bomb killed two Hezbollah fighters.", "Hezbollah", True),
    ("Gunmen wounded three of the Houthis.", "Houthis", True),
    # a count of others, then the group that claimed it, after a comma
    ("The attack killed 5 people and injured at least 3 more, Balochistan Liberation Army claimed it.",
     "Balochistan Liberation Army", False),
    ("Boko Haram killed three soldiers and Boko Haram fighters looted shops.", "Boko Haram fighters", False),
])
def test_a_group_counted_among_the_dead_or_hurt(text, mention, hit):
    assert named_as_hit(text, text.rindex(mention)) is hit
