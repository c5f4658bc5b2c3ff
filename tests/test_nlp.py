"""Tests for tacitus.nlp: the pipeline's custom components, true-casing of capitals with offsets kept."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tacitus.ingest import iter_documents
from tacitus.models import Article
from tacitus.nlp import cased_text

from conftest import SAMPLES

WIRE = "GUNMEN KILLED 12 VILLAGERS IN BORNO STATE ON TUESDAY, POLICE SAID."


def upper(text: str) -> str:
    """ALL-CAPS copy of a text with the same length (letters whose capital is longer stay as they are)."""
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def test_components_are_in_place(nlp) -> None:
    names = nlp.pipe_names
    assert names[0] == "tacitus_truecase" and names[-1] == "tacitus_restore_case"
    assert names.index("tacitus_line_breaks") < names.index("parser")
    assert names.index("ner") < names.index("tacitus_common_nouns") < names.index("tacitus_restore_case")


def test_capitals_parse_as_english_and_keep_the_original_text(nlp) -> None:
    doc = nlp(WIRE)
    assert doc.text == WIRE
    assert [t.text for t in doc][:3] == ["GUNMEN", "KILLED", "12"]
    assert doc[1].pos_ == "VERB" and doc[1].dep_ in ("ROOT", "ccomp")  # "police said" may head it
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("BORNO STATE") == "GPE" or ents.get("BORNO") == "GPE"
    assert ents.get("TUESDAY") == "DATE"
    for ent in doc.ents:
        assert WIRE[ent.start_char : ent.end_char] == ent.text


def test_cased_text_is_what_the_parser_read(nlp) -> None:
    doc = nlp(WIRE)
    cased = cased_text(doc)
    assert cased != WIRE and cased.upper() == WIRE and len(cased) == len(WIRE)
    assert cased.startswith("Gunmen killed 12 villagers in Borno")
    mixed = nlp("Gunmen killed 12 villagers in Borno State.")
    assert cased_text(mixed) == mixed.text


def test_mixed_case_doc_is_untouched(nlp) -> None:
    text = "Gunmen killed 12 villagers in Borno State on Tuesday, police said."
    doc = nlp(text)
    assert doc.text == text and "tacitus_original_text" not in doc.user_data


def test_pipe_with_mixed_batch(nlp) -> None:
    texts = [WIRE, "Police said gunmen killed 12 villagers.", "Headline\n" + WIRE]
    docs = list(nlp.pipe(texts))
    assert [d.text for d in docs] == texts
    assert all(any(t.pos_ == "VERB" for t in d) for d in docs)


def test_line_breaks_start_sentences(nlp) -> None:
    doc = nlp("Gunmen attack village in Borno\nPolice said 12 people were killed.")
    assert [s.text.strip() for s in doc.sents][:2] == ["Gunmen attack village in Borno", "Police said 12 people were killed."]


def _fields(event) -> tuple:
    return (
        event.sub_event_type,
        event.date.date if event.date else None,
        event.place.name if event.place else None,
        event.casualties.fatalities if event.casualties else None,
        event.actor1.name if event.actor1 else None,
    )


@pytest.mark.parametrize("name", ["01_paris-attacks.txt", "03_dalori-boko-haram.txt", "08_khartoum-sit-in.txt"])
def test_all_caps_article_gives_the_same_events(pipeline, name: str) -> None:
    """Wire copy in capitals is coded like the same story in mixed case, spans pointing into the capitals."""
    doc = next(iter(iter_documents([SAMPLES / name])))
    mixed = pipeline.process(doc)
    assert isinstance(mixed.article, Article) and mixed.events
    caps_text = upper(mixed.article.text)
    caps = pipeline.process(replace(mixed.article, text=caps_text))
    want = [_fields(e) for e in mixed.events]
    got = [_fields(e) for e in caps.events]
    agree = sum(a == b for x, y in zip(want, got) for a, b in zip(x, y))
    assert agree >= 0.9 * 5 * len(want), (want, got)
    for event in caps.events:
        span = event.evidence
        assert caps_text[span.start : span.end] == span.text
        for actor in (event.actor1, event.actor2):
            if actor is not None and actor.span is not None:
                assert caps_text[actor.span.start : actor.span.end] == actor.span.text


@pytest.mark.parametrize("name", ["01_paris-attacks.txt", "03_dalori-boko-haram.txt", "08_khartoum-sit-in.txt"])
def test_lower_case_article_gives_the_same_events(pipeline, name: str) -> None:
    """A story stored in lower case (some archives do) is coded like the same story in mixed case."""
    doc = next(iter(iter_documents([SAMPLES / name])))
    mixed = pipeline.process(doc)
    low_text = "".join(c.lower() if len(c.lower()) == 1 else c for c in mixed.article.text)
    low = pipeline.process(replace(mixed.article, text=low_text))
    want = [_fields(e) for e in mixed.events]
    got = [_fields(e) for e in low.events]
    agree = sum(a == b for x, y in zip(want, got) for a, b in zip(x, y))
    assert agree >= 0.8 * 5 * len(want), (want, got)
    assert all(e.place is not None for e in low.events)
    for event in low.events:
        span = event.location_span or event.evidence
        assert low_text[span.start : span.end] == span.text


@pytest.mark.model
def test_sentence_bounds_match_doc_sents(nlp):
    from tacitus.nlp import sentence_bounds

    doc = nlp("Gunmen attacked a checkpoint in Kirkuk. Two police officers were killed.\n\nThe army said later.")
    assert sentence_bounds(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    assert len(sentence_bounds(doc)) >= 3


@pytest.mark.model
@pytest.mark.parametrize("text, first", [
    ("ISTANBUL (AP) — Turkish warplanes struck targets in Syria.", "ISTANBUL (AP) —"),
    ("KINSHASA, March 14 (Reuters) - M23 rebels seized the town.", "KINSHASA, March 14 (Reuters) -"),
    ("PESHAWAR: Six policemen were killed.", "PESHAWAR:"),
    ("KABUL, AFGHANISTAN (AP) — A SUICIDE BOMBER STRUCK A MOSQUE.", "KABUL, AFGHANISTAN (AP) —"),
])
def test_a_dateline_is_a_sentence_of_its_own(nlp, text, first):
    assert next(iter(nlp(text).sents)).text == first


@pytest.mark.model
def test_a_colon_in_prose_is_no_dateline(nlp):
    assert len(list(nlp("Police said: Six men died in the attack.").sents)) == 1


def test_sentence_opening_common_noun_is_a_noun_again(nlp):
    # After a dateline the small model tags "Drones" PROPN, lemma "Drones": no drone for the rules.
    doc = nlp("DUBAI, Sept. 15 (Reuters) — Published 15 September 2019\n\n"
              "Drones struck the world's largest oil processing plant at Abqaiq early on Saturday.")
    drones = next(t for t in doc if t.text == "Drones")
    assert (drones.pos_, drones.lemma_) == ("NOUN", "drone")


def test_sentence_opening_name_stays_a_name(nlp):
    doc = nlp("Duma Street was shelled on Monday. Abqaiq lies inland.\n\nBahrain accused Iran of the bombing.")
    assert [t.pos_ for t in doc if t.text in ("Duma", "Abqaiq", "Bahrain")] == ["PROPN", "PROPN", "PROPN"]
