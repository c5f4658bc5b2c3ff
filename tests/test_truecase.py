"""Tests for tacitus.truecase: detection of text in capitals and length-preserving true-casing."""

from __future__ import annotations

import pytest

from tacitus.truecase import TrueCaser, build_truecaser, shouting_ranges, truecase, written_in_lower_case

ENGLISH = frozenset(
    "gunman kill villager state police say truck bomb explode capital people fighter blame official "
    "the a in on at of and by military rescue them thousand march insurgent abduct schoolgirl from claim attack embassy group story".split()
)


@pytest.fixture(scope="module")
def caser() -> TrueCaser:
    return build_truecaser(ENGLISH)


def test_wire_sentence_is_true_cased(caser: TrueCaser) -> None:
    text = "GUNMEN KILLED 12 VILLAGERS IN BORNO STATE ON TUESDAY, POLICE SAID"
    assert truecase(text, caser) == "Gunmen killed 12 villagers in Borno State on Tuesday, police said"


def test_acronyms_countries_and_actor_names(caser: TrueCaser) -> None:
    text = "A TRUCK BOMB EXPLODED IN MOGADISHU. AL-SHABAAB'S FIGHTERS WERE BLAMED BY US OFFICIALS AND THE UN."
    out = truecase(text, caser)
    assert "Mogadishu" in out and "Al-Shabaab's" in out and "US officials" in out and "the UN." in out
    assert out.startswith("A truck bomb exploded")


def test_ambiguous_words_stay_english(caser: TrueCaser) -> None:
    out = truecase("BOKO HARAM INSURGENTS ABDUCTED SCHOOLGIRLS IN MAY; THE MILITARY MAY RESCUE THEM. "
                   "THOUSANDS MARCH IN TOWN, IS IT OVER", caser)
    assert "Boko Haram insurgents abducted schoolgirls in May;" in out
    assert "military may rescue" in out and "Thousands march in" in out and ", is it over" in out


def test_mixed_case_text_is_returned_unchanged(caser: TrueCaser) -> None:
    text = "BEIRUT (AP) — Gunmen killed 12 people in NATO-backed raids, the UN said."
    assert shouting_ranges(text) == []
    assert truecase(text, caser) is text


def test_only_the_shouted_line_is_rewritten(caser: TrueCaser) -> None:
    text = "Normal headline here\nISLAMIC STATE CLAIMS ATTACK ON U.S. EMBASSY IN KABUL\nThe group said so."
    out = truecase(text, caser)
    lines = out.split("\n")
    assert lines[0] == "Normal headline here" and lines[2] == "The group said so."
    assert lines[1] == "Islamic State claims attack on U.S. embassy in Kabul"


def test_short_capitals_are_left_alone() -> None:
    assert shouting_ranges("UPDATE 2 - Gunmen attack a village") == []


@pytest.mark.parametrize("text", ["İSTANBUL'DA SALDIRI: GUNMEN KILLED FIVE", "STRASSE UND GROß GUNMEN KILLED FIVE"])
def test_length_is_preserved_for_letters_whose_case_changes_length(caser: TrueCaser, text: str) -> None:
    out = truecase(text, caser)
    assert len(out) == len(text)
    assert out != text


def test_every_offset_keeps_its_character_up_to_case(caser: TrueCaser) -> None:
    text = "MOSUL, IRAQ (REUTERS) — ISLAMIC STATE FIGHTERS KILLED 2 POLICEMEN ON FRIDAY.\n\nNATO SAID..."
    out = truecase(text, caser)
    assert len(out) == len(text)
    assert all(a.upper() == b.upper() for a, b in zip(out, text))


def test_without_a_word_list_only_lexicon_words_are_capitalised() -> None:
    out = truecase("GUNMEN KILLED 12 PEOPLE IN KANO AND ZORGLUB", build_truecaser(()))
    assert out == "Gunmen killed 12 people in Kano and zorglub"


def test_text_in_lower_case_is_cased_as_a_whole(caser: TrueCaser) -> None:
    text = ("This story is from March 4, 2002\n\nahmedabad: gunmen killed 12 villagers in borno state on tuesday. "
            "police said the truck bomb exploded in mogadishu. the military blamed al-shabaab.")
    assert written_in_lower_case(text)
    out = truecase(text, caser)
    assert len(out) == len(text) and out.lower() == text.lower()
    assert "Gunmen killed 12 villagers in Borno State on Tuesday." in out
    assert "Police said" in out and "Mogadishu" in out and "Al-Shabaab" in out
    assert out.startswith("This story is from March 4, 2002")


def test_a_few_lower_case_sentences_in_cased_text_are_left_alone(caser: TrueCaser) -> None:
    text = ("Gunmen killed 12 villagers in Borno State on Tuesday. police said the bomb exploded. "
            "The military blamed Boko Haram. the group said nothing. Officials in Maiduguri confirmed it.")
    assert not written_in_lower_case(text)
    assert truecase(text, caser) is text
