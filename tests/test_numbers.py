"""Casualty phrases -> fatalities / wounded (CODEBOOK section 3, "Numbers, coded conservatively")."""

from __future__ import annotations

import pytest

from tacitus.models import Casualties
from tacitus.numbers import parse_count, read_casualties


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("at least 132", (132, None)),
        ("132", (132, None)),
        ("more than 200", (200, None)),
        ("over 200", (200, None)),
        ("nearly 50", (50, None)),  # the stated number, whatever the hedge
        ("4,000 to 5,000", (4000, 5000)),
        ("4,000-5,000", (4000, 5000)),
        ("between 10 and 15", (10, 15)),
        ("two or three", (2, 3)),
        ("twenty-three", (23, None)),
        ("a hundred", (100, None)),
        ("one hundred and twenty", (120, None)),
        ("1.5 million", (1_500_000, None)),
        ("several", (3, None)),
        ("a few", (3, None)),
        ("a dozen", (12, None)),
        ("dozens", (12, None)),
        ("two dozen", (24, None)),
        ("scores", (20, None)),
        ("hundreds", (100, None)),
        ("thousands", (1000, None)),
        ("tens of thousands", (10_000, None)),
        ("AT LEAST 132", (132, None)),
        ("fewer than 10", None),
        ("many", None),
        ("", None),
    ],
)
def test_parse_count(phrase: str, expected: tuple[int, int | None] | None) -> None:
    assert parse_count(phrase) == expected


# (text, fatalities, fatalities_high, wounded)
CASES = [
    # seeds
    ("at least eight men apparently aligned with Islamic State murdered at least 132 people in a Paris attack",
     132, None, None),
    ("U.S.-led coalition airstrikes killed more than 200 ISIS fighters as they fled the city", 200, None, None),
    ("Kurdish fighters backed by U.S. air support killed 4,000 to 5,000 mostly non-Syrian militants", 4000, 5000, None),
    ("ISIS forces in Mosul executed a police officer and his son after holding them prisoner for a period of months.",
     2, None, None),
    ("two al-Qaeda terrorists attempted to detonate three improvised car bombs in the U.K. Fortunately, the only "
     "casualty was one of the attackers, who accidentally burned himself to death.", 1, None, None),
    # both orders and voices
    ("The blast killed 6 civilians.", 6, None, None),
    ("6 people were killed in the blast.", 6, None, None),
    ("Gunmen killed at least 12 in the village.", 12, None, None),
    ("A car bomb exploded in Raqqa, killing at least a person and injuring 10 more.", 1, None, 10),
    ("The raid killed at least a dozen people.", 12, None, None),
    ("At least 12 dead, 30 injured.", 12, None, 30),
    ("The blast left 3 dead and 12 injured.", 3, None, 12),
    ("The bomb claimed 5 lives.", 5, None, None),
    ("5 killed, 12 wounded in Kabul blast.", 5, None, 12),
    ("One person was killed and 23 were wounded in the attack.", 1, None, 23),
    ("The seven crew members died.", 7, None, None),
    ("A suicide bomber killed at least 38 people and wounded 86 others.", 38, None, 86),
    ("40 personnel belonging to the Central Reserve Police Force were killed when a bomber struck.", 40, None, None),
    ("At least 44 people, most of them women and children, were killed.", 44, None, None),
    ("Nine people, including 5 children, are killed.", 9, None, None),
    ("Five soldiers were killed and three sustained bullet wounds.", 5, None, 3),
    ("A group hacked three soldiers to death.", 3, None, None),
    ("Insurgents shoot dead one soldier.", 1, None, None),
    ("Col. Yuri Budanov was shot dead in Moscow.", 1, None, None),
    ("A car bomb detonated in Sadr City killing, ten and wounding 25 others.", 10, None, 25),
    # word numbers and "a"/"an" counting a person
    ("A soldier was killed.", 1, None, None),
    ("Twenty-three people were wounded.", None, None, 23),
    ("A hundred people died.", 100, None, None),
    ("Several people were injured.", None, None, 3),
    ("A dozen villagers were killed and dozens were wounded.", 12, None, 12),
    ("Scores were killed and hundreds injured.", 20, None, 100),
    # counts spread over a phrase
    ("Gunmen killed two soldiers and a civilian.", 3, None, None),
    ("Three policemen and four civilians were killed.", 7, None, None),
    ("Militants killed 6 civilians, including 2 women.", 6, None, None),
    ("Four gunmen opened fire on the bar, killing five men, three Catholic and two Protestant.", 5, None, None),
    ("A member of the security forces and a foreign citizen were killed.", 2, None, None),
    # object list ends where a new clause starts
    ("The blast killed 26 people and more than 50 were wounded.", 26, None, 50),
    ("A bomb kills one policeman and another four were injured.", 1, None, 4),
    # killed vs kidnapped / arrested / missing
    ("Militants kidnapped 20 workers and killed 3.", 3, None, None),
    ("Gunmen abducted 12 people, arrested 4 and detained 30; 500 were displaced and 7 are missing.",
     None, None, None),
    ("Seven soldiers die and 14 more are kidnapped.", 7, None, None),
    # numbers that are not casualties
    ("In 2015, a 19-year-old man was shot dead by 2nd Brigade soldiers.", 1, None, None),
    ("ISIS released a new 19-minute video after 25 years of war.", None, None, None),
    ("Three improvised car bombs exploded at 10:30, injuring 20 people.", None, None, 20),
    ("The rebels demanded $5,000 and 20% of residents fled.", None, None, None),
    ("Two gunmen killed three people.", 3, None, None),
    ("Islamic State claimed that they killed over 100 people.", None, None, None),
    # negations
    ("No one was killed in the blast.", 0, None, None),
    ("There were no casualties.", 0, None, 0),
    ("The attack ended without casualties.", 0, None, 0),
    ("No one was hurt.", None, None, 0),
    ("No injuries were reported.", None, None, 0),
    ("No one was killed but 3 people were injured.", 0, None, 3),
    ("There were no immediate reports of casualties.", None, None, None),
    ("No one else was injured.", None, None, None),
    # tolls, revisions and separate counts
    ("The bombing killed 10 people. The death toll rose to 15 on Tuesday. One of the wounded later died in "
     "hospital, raising the toll to 16.", 16, None, None),
    ("Two soldiers were killed. Three civilians also died.", 5, None, None),
    ("Two soldiers were killed in the attack. Three civilians died in the crossfire.", 5, None, None),
    ("At least 10 people were killed. Four policemen were killed.", 10, None, None),
    ("Gunman killed three people. One person died on the spot and the two others died in hospital.", 3, None, None),
    # attackers listed apart from the victims are not counted; inside a total they are
    ("The attacker was also killed after he killed 4 people.", 4, None, None),
    ("Three attackers stormed the hotel, killing 19 people. Three attackers were also killed.", 19, None, None),
    ("Taliban killed 5 policemen. 13 Taliban were also killed and 8 others wounded.", 5, None, 8),
    ("Four soldiers and one militant were killed.", 4, None, None),
    ("Two government soldiers and eight militants were killed when Al-Shabaab terrorists attacked.", 2, None, None),
    ("The Taliban attacked the post, killing 5 and injuring 2, the Taliban insurgents suffered 6 deaths.", 5, None, 2),
    ("Ten Israeli civilians and two Palestinian suicide-bombers were killed.", 10, None, None),
    ("The siege left 132 dead, including seven attackers.", 132, None, None),
    ("Two gunmen were shot dead by police.", 2, None, None),
    # the first count stands against later restatements, rival claims and background figures
    ("The government said 64 were killed, while local hospitals reported 88 dead.", 64, None, None),
    ("At least seven people were killed in the raids. A report on Facebook said 11 people had been killed.",
     7, None, None),
    ("The attack kills twelve. It is one of 350 attacks that killed 669 civilians in 2006.", 12, None, None),
    # ... unless a later count sums up or refines a vague one
    ("Car bombs killed 12 people. A fourth bomb killed one person. The bombings left a total of 23 dead.",
     23, None, None),
    ("Several soldiers were killed in the clashes. Officials later said 8 soldiers were killed.", 8, None, None),
    ("A bombing left two people dead. A separate bombing later in the day killed two more people.", 4, None, None),
    # people counted without a number
    ("The father and 14-year-old daughter were killed while the mother was wounded.", 2, None, 1),
    ("Militants killed an entire family of five.", 5, None, None),
    ("Militants burned to death a family of eight, including an infant.", 8, None, None),
    ("Pointing to the ISIS-inspired murder of Father Hamel in a church.", 1, None, None),
    ("The attempted assassination of President Karzai failed.", None, None, None),
    # verbs around their object, stray commas, glued digits
    ("Ten ETA members shot dead a French gendarme.", 1, None, None),
    ("Gunmen shot a civilian dead and injured another one.", 1, None, 1),
    ("During a prayer service, nine people, were killed by the gunman.", 9, None, None),
    ("The bomber struck a bus, killing 11people, mostly police officers.", 11, None, None),
    ("Eight were killed and 13 others wounded.", 8, None, 13),
    ("Gunmen killed 10-15 civilians.", 10, 15, None),
    ("One man was killed and several others injured.", 1, None, 3),
    # no number
    ("A bomb exploded at the home of an MP.", None, None, None),
    ("Civilians were killed in the airstrike.", None, None, None),
    ("Killed or wounded: 30 people were killed or wounded.", None, None, None),
    # wounded: lists, relatives and the rest of a group
    ("3 killed and 74 wounded at Frankfurt Airport by bomb.", 3, None, 74),
    ("5 people were killed and over 100 men, women and children were injured.", 5, None, 100),
    ("The blast killed three: two soldiers and a civilian, another 14 were wounded.", 3, None, 14),
    ("Four soldiers, three suspected attackers and one civilian were also wounded.", None, None, 5),
    ("Among the 28 victims were 24 soldiers and 4 civilians, and at least 235 others were wounded.",
     None, None, 235),
    ("Gunmen opened fire on two Chinese nationals, killing one and wounding the other.", 1, None, 1),
    ("Gunmen shot at a car with 6 passengers, killing 4 of them and injuring the other 2.", 4, None, 2),
    ("One soldier was killed and the other injured.", 1, None, 1),
    ("A policeman killed three of his colleagues and wounded a fourth one.", 3, None, 1),
    ("The attack killed one student and injured other 5 girls.", 1, None, 5),
    ("A car bombing killed at least 15 and wounded the same number of people.", 15, None, 15),
    ("Eight police and six Taliban were killed. Four police and as many Taliban rebels were wounded.", 8, None, 4),
    ("Suicide bombers killed as many as six people.", 6, None, None),
    ("Both passengers sustained minor injuries.", None, None, 2),
    ("Both soldiers and civilians were killed.", None, None, None),
    ("A driver rammed two soldiers at a bus stop, wounding them both.", None, None, 2),
    # wounded: how the injury is told
    ("Five people suffered light to moderate injuries in a suicide bombing.", None, None, 5),
    ("A guard was killed and four others were lightly to moderately injured.", 1, None, 4),
    ("Eight commuters received various degrees of injuries.", None, None, 8),
    ("Two bombs killed two officials. Five other people were taken to hospital.", 2, None, 5),
    ("He stabbed four people, leaving them with light wounds.", None, None, 4),
    # both were shot, so both are wounded; the text only grades one of the injuries
    ("Gunmen shot two villagers, leaving one with moderate wounds.", None, None, 2),
    ("He stabbed four men, leaving two with moderate wounds and two with minor wounds.", None, None, 4),
    ("He stabbed 12 people before police shot him. Three civilians were injured severely.", None, None, 12),
    ("One worker suffered burns and fractures in the blast.", None, None, 1),
    ("Two children were killed and their parents were injured in a grenade attack.", 2, None, 2),
    # a breakdown in brackets is part of the count before it; a total in brackets sums the list
    ("At least three civilians (one Filipino, a Brazilian and a Swede) were wounded.", None, None, 3),
    ("A lawyer, his daughter, his niece and his wife (four people in total) are injured.", None, None, 4),
    # no count: "an unknown number", an age after a name
    ("10 soldiers and an unknown number of civilians were injured.", None, None, 10),
    ("Ahmed Khan, 34, was killed.", 1, None, None),
    ("The injured were named as Keise Buka, 14, and Dante Boboy Jr., 16.", None, None, None),
    ("Ten people were killed and two members of parliament injured.", 10, None, 2),
    ("Two security personnel were partially injured.", None, None, 2),
    ("Two of his bodyguards were injured and hospitalized.", None, None, 2),
    ("The attack resulted in one minor injury.", None, None, 1),
    ("Gunmen killed six civilians. Two people are reported to have been injured.", 6, None, 2),
    ("A tribal elder was killed. Two civilians travelling with him were wounded.", 1, None, 2),
    # wounded read from what was done to people, less those who died
    ("A man stabbed three people at the station before police detained him.", None, None, 3),
    ("He stabbed a woman and two men. The woman died and the men were taken away.", 1, None, 2),
    ("He stabbed two officers. He was then shot dead.", 1, None, 2),
    ("Two soldiers were stabbed at a recruiting station.", None, None, 2),
    ("Two policemen were attacked with knives.", None, None, 2),
    ("Police shot 14 attackers dead.", 14, None, None),
    ("He stabbed the officer to death.", 1, None, None),
    ("He stabbed four people, killing four.", 4, None, None),
    ("The other policeman then shot the attacker.", None, None, None),
    ("Three injured were taken to hospital; two police officers were stabbed. Four people were injured.",
     None, None, 3),
    # a group's parts and the attackers' own wounded are not added
    ("The strike wounded two French troops. One of the soldiers is critically injured.", None, None, 2),
    ("16 policemen were killed and 6 others were wounded, 12 Taliban were killed and 7 were also wounded.",
     16, None, 6),
    ("A bombing left 11 people        and 10 others injured.", None, None, 10),  # a masked stretch
    # a result beside its object is that object's, whatever verb follows
    ("A crowd of villagers beat a Muslim man to death and critically injured his son.", 1, None, 1),
    ("Youths beat two traders to death and wounded a policeman.", 2, None, 1),
    ("The mob beat a shopkeeper to death.", 1, None, None),
    ("Police beat 20 protesters.", None, None, None),
    # ALL CAPS
    ("THE ATTACK KILLED AT LEAST 12 PEOPLE AND WOUNDED 40 OTHERS.", 12, None, 40),
    ("BETWEEN 10 AND 15 PEOPLE WERE KILLED.", 10, 15, None),
]


@pytest.mark.parametrize(("text", "fatalities", "high", "wounded"), CASES)
def test_read_casualties(text: str, fatalities: int | None, high: int | None, wounded: int | None) -> None:
    c = read_casualties(text)
    assert (c.fatalities, c.fatalities_high, c.wounded) == (fatalities, high, wounded)


def test_perpetrators_can_be_counted_on_request() -> None:
    text = "Eleven Abu Sayyaf terrorists and three soldiers were killed. Three attackers were also killed."
    assert read_casualties(text).fatalities == 3
    assert read_casualties(text, perpetrators=True).fatalities == 17
    # with no victim count, the attackers' count is all there is
    assert read_casualties("Airstrikes killed 200 ISIS militants.").fatalities == 200


def test_spans_point_into_the_article() -> None:
    article = "Intro sentence. Militants killed at least 12 people and wounded 30 others in Kabul."
    offset = article.index("Militants")
    c = read_casualties(article[offset:], offset=offset)
    assert c.fatalities_span is not None and c.wounded_span is not None
    assert article[c.fatalities_span.start : c.fatalities_span.end] == c.fatalities_span.text == "at least 12"
    assert article[c.wounded_span.start : c.wounded_span.end] == c.wounded_span.text == "30"


def test_list_span_covers_the_people_counted() -> None:
    c = read_casualties("ISIS executed a police officer and his son.")
    assert c.fatalities_span is not None and c.fatalities_span.text == "a police officer and his son"


def test_zero_has_a_span() -> None:
    c = read_casualties("No one was killed.")
    assert c.fatalities == 0 and c.fatalities_span is not None and c.fatalities_span.text == "No one was killed"


def test_empty_text() -> None:
    assert read_casualties("") == Casualties()


@pytest.mark.parametrize(("text", "dead"), [
    ("Major General Vyacheslav Gladkikh died after a roadside IED detonated under a convoy.", 1),
    ("Police said Ahmed Khan died in hospital.", 1),
    ("In the blast, Hundreds died.", 100),  # the codebook's "hundreds", not a name
])
def test_a_named_person_who_died_is_one_death(text, dead):
    assert read_casualties(text, offset=0).fatalities == dead
