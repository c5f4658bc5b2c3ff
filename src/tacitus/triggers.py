"""Trigger detection and typing: which words of a sentence report an event, and the CODEBOOK type they make.

Takes tokens of a spaCy parse and returns trigger kinds (``find_triggers``),
whether a trigger reports something that happened (``is_asserted``: threats,
plans, hypotheticals, negations and generic statements do not) and the
CODEBOOK section 2 type and sub-type of a set of triggers with their clause
(``classify``); ``accident`` tells accidents and disasters (industrial
explosions, crashes, volcanoes) from violence. The lexicon (kinds, ``SINGLE``,
``PAIRS`` and the shared word sets) lives in ``lexicon.py``; the word-sense
checks (``figurative``, ``needs_evidence``, ``violence_evidence``,
``sporting``, ``market``) in ``senses.py``. Clause grouping and roles live
in ``events.py``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from tacitus.lexicon import (
    ABDUCT,
    ACCIDENT_CUES,
    AERIAL_WORDS,
    AGREE,
    AIR,
    ARMED_TARGETS,
    ARREST,
    ATTACK,
    BASE_NOUNS,
    BASE_NOUNS_QUALIFIED,
    BASE_QUALIFIERS,
    BASE_VERBS,
    BLAST,
    CELL_WORDS,
    CHANGE,
    CHEM,
    CIVILIAN_TARGETS,
    CLASH,
    CROWD_CONTROL,
    DAM_WORDS,
    DIRECTIVE,
    DISRUPT,
    EXECUTE,
    EXPLOSIVE_KINDS,
    FORCE_NOUNS,
    GAIN,
    GENERIC_ADVERBS,
    GRENADE,
    HEDGES,
    HIJACKED,
    HQ,
    IED,
    INDUSTRIAL,
    INTERVENTION_CUES,
    IRREALIS,
    JET_CUES,
    JET_DEEDS,
    KILL,
    LAW_ENFORCEMENT,
    LETHAL_CUES,
    LOOT,
    LOSS,
    MOB,
    MODALS,
    MOVEMENT_INTRANSITIVE,
    MOVEMENT_VERBS,
    NONVIOLENT_TARGETING,
    ORDINARY_CRIMES,
    OUTCOME,
    PAIRS,
    PLACE_WORDS,
    POLITICAL_CUES,
    PROPAGANDA,
    PROPAGANDA_VERBS,
    PROTEST,
    REALIS_CONTROL,
    REFERENCE_FRAMES,
    RIOT,
    SEIZED_WEAPONS,
    SEXUAL,
    SHELL,
    SINGLE,
    SPEAKING_VERBS,
    STATE_WORDS,
    STRIKE_LABOUR,
    SUICIDE,
    TAKERS,
    TRANSFER,
    VIOLENCE_CUES,
    VIOLENT_PROTEST_CUES,
    WAR_CRAFT,
    WEAPON_CUES,
    WITHDRAWAL,
    trigger_kind,
)
from tacitus import countries
from tacitus.models import Span
from tacitus.nlp import doc_memo, tokens_in
from tacitus.numbers import parse_count
from tacitus.senses import STRIKE_DEEDS, figurative, is_human, violence_evidence

logger = logging.getLogger(__name__)

ActorFinder = Callable[[str], Sequence[tuple[int, int, object]]]


_AERIAL = "tacitus_aerial"


def find_triggers(sent: SpacySpan) -> Iterable[tuple[Token, str]]:
    """The trigger words of a sentence and their kinds, two-word triggers first."""
    toks = list(sent)
    for i, tok in enumerate(toks):
        if tok.is_punct or tok.like_num:
            continue
        lemma = tok.lemma_.lower()
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        pair_kind = None
        if nxt is not None:
            pair_kind = PAIRS.get((lemma, nxt.lower_)) or PAIRS.get((lemma, nxt.lemma_.lower()))
            if pair_kind is None and tok.pos_ == "VERB":
                # phrasal verbs with the particle or object further away: "blew the car up", "took over"
                for child in tok.children:
                    if child.dep_ in ("prt", "dobj") and (lemma, child.lower_) in PAIRS:
                        pair_kind = PAIRS[(lemma, child.lower_)]
                        break
        if pair_kind and _sense_ok(tok, pair_kind):
            yield tok, pair_kind
            continue
        kind = SINGLE.get(lemma) or SINGLE.get(tok.lower_)
        if kind == DISRUPT and lemma == "dismantle" and any(
                t.lemma_.lower() in CELL_WORDS for t in tok.children if t.dep_ in ("dobj", "nsubjpass")):
            # "two cells have been dismantled": arrests that break up a group (CODEBOOK 2)
            kind = ARREST
        if kind == GAIN and tok.pos_ == "VERB" and _hostages_taken(tok):
            kind = ABDUCT  # "they seized hundreds of hostages in hospitals": whoever takes hostages abducts
        if kind == GAIN and tok.pos_ == "VERB" and lemma in ("seize", "capture") and \
                _seized_object(tok) == "weapons":
            kind = DISRUPT
        if kind == GAIN and tok.pos_ == "VERB" and lemma in ("seize", "capture", "take") and \
                _seized_object(tok) == "craft" and not _state_taker(tok):
            kind = ABDUCT  # a hijacking: the craft's crew and passengers are taken
        if kind == GAIN and tok.pos_ == "VERB" and lemma in ("capture", "recapture", "seize") and \
                _seized_object(tok) == "people":
            # "a man charged with murder has been captured by Middletown police": taken, not territory;
            # people an armed group takes are abducted
            takers = [c for c in tok.children if c.dep_ == "nsubj"]
            takers += [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            words = [w for t in takers for w in t.subtree]
            armed = any(w.lemma_.lower() in TAKERS or w.ent_type_ in ("ORG", "NORP") for w in words)
            state = any(w.lemma_.lower() in STATE_WORDS | LAW_ENFORCEMENT or w.lower_ in LAW_ENFORCEMENT
                        for w in words)
            # "schoolgirls seized from a boarding school": with no taker named, civilians taken
            # outside any custody are abducted, not arrested
            kind = ABDUCT if armed and not state or not takers and _civilians_taken(tok) else ARREST
        if kind is None and "-" in tok.lower_:
            # "ISIS-inspired", "car-bomb", "air-strike": the last part decides
            kind = SINGLE.get(tok.lower_.rsplit("-", 1)[-1])
            if kind in (KILL, ATTACK) and tok.lower_.endswith(("inspired", "led", "backed", "linked")):
                kind = None
        if kind is None and tok.pos_ == "VERB":
            kind = _verb_object_kind(tok)
        if kind is None or not _sense_ok(tok, kind):
            continue
        if kind == ATTACK and lemma == "strike" and tok.pos_ == "NOUN" and _aerial(tok.doc):
            # "Near Sinjar, two strikes destroyed three tunnel entrances" in a report of air
            # strikes: the bare word is one of them
            kind = AIR
        yield tok, kind


def _aerial(doc: Doc) -> bool:
    """Whether an article speaks of strikes from the air (aircraft, air strikes, drones, warplanes)."""
    return doc_memo(doc, _AERIAL, lambda: any(
        tok.lemma_.lower() in AERIAL_WORDS or (tok.lemma_.lower() == "air" and tok.i + 1 < len(doc)
                                               and doc[tok.i + 1].lemma_.lower() in _AIR_DEEDS)
        for tok in doc))


_AIR_DEEDS = ("strike", "raid", "support", "campaign")  # "air strikes", "air support"


def _verb_object_kind(verb: Token) -> str | None:
    """Triggers made by a plain verb and what it acts on.

    "set up a new observation post", "established a military base" (a base
    established); "a cache of arms was discovered", "found explosive devices"
    (disrupted weapons use). Neither word reports an event by itself.
    """
    lemma = verb.lemma_.lower()
    if lemma in ("take", "place", "put", "remand") and any(
            c.dep_ == "prep" and c.lower_ in ("into", "in", "under") and any(
                p.dep_ == "pobj" and p.lemma_.lower() in ("custody", "detention") for p in c.children)
            for c in verb.children):
        return ARREST  # "were taken into custody", "placed in detention"
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
    if lemma in MOVEMENT_VERBS and (lemma != "pull" or any(
            c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "out") for c in verb.children)):
        movers = list(objs)
        if lemma in MOVEMENT_INTRANSITIVE:
            movers += [c for c in verb.children if c.dep_ == "nsubj"]
        if lemma in WITHDRAWAL | {"pull"} and any(
                (trigger_kind(t) in (GAIN, LOSS) or t.lemma_.lower() == "control" and t.pos_ == "NOUN") and
                is_asserted(t)
                for t in verb.sent if t.i != verb.i):
            # "IS recaptured Palmyra after Syrian forces pulled out": the withdrawal is how the place changed hands
            return None
        if any(_armed_force(o) for o in movers) and not any(
                t.lemma_.lower() in _RELIEF_WORK for t in verb.subtree):
            return CHANGE
    if not objs:
        return None
    if lemma in BASE_VERBS and (lemma != "set" or any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)):
        if any(_military_site(o) for o in objs):
            return HQ
    if lemma in _FIND_VERBS and any(_haul(o) for o in objs):
        if any(t.lemma_.lower() in _ATTACK_REMAINS for t in verb.subtree):
            return None  # "fragments of a grenade were recovered from the scene": the trace of an attack
        if any(trigger_kind(t) in EXPLOSIVE_KINDS and _in_subclause(t, o) for o in objs for t in o.subtree):
            return None  # "a cache containing hand grenades was discovered": typed by the grenade's own rule
        return DISRUPT
    return None


# Troops sent to dig out, rescue or vaccinate: relief work, not a change in a conflict.
_RELIEF_WORK = {"rescue", "relief", "disaster", "snow", "flood", "dig", "vaccination", "vaccine", "pandemic", "covid",
                "humanitarian", "wildfire", "fire", "earthquake", "storm", "cleanup", "clean", "parade", "exercise",
                "drill", "ceremony"}


def _in_subclause(tok: Token, top: Token) -> bool:
    """A verb stands between a word and the phrase it belongs to: "a cache [containing grenades]"."""
    node = tok
    for _ in range(12):
        if node.i == top.i or node.head.i == node.i:
            return False
        node = node.head
        if node.i != top.i and node.pos_ == "VERB":
            return True
    return False


def _armed_force(noun: Token) -> bool:
    """Troops or forces, by themselves or counted: "troops", "a large number of security forces"."""
    def force(tok: Token) -> bool:
        if tok.lemma_.lower() == "force" and any(c.lower_ in ("task", "work", "labor", "labour", "sales", "police")
                                                 for c in tok.children if c.dep_ in ("compound", "amod")) and \
                not any(c.lower_ in ("joint", "military", "naval", "multinational") or c.ent_type_ == "NORP"
                        for c in tok.subtree):
            return False  # "the task force was formed following allegations": a committee
        # "Land Forces" is a proper noun the lemmatizer leaves plural
        return tok.lemma_.lower() in FORCE_NOUNS or tok.lower_.removesuffix("s") in FORCE_NOUNS

    if force(noun):
        return True
    return noun.lemma_.lower() in ("number", "hundred", "thousand", "dozen", "contingent", "column", "convoy") and any(
        force(p) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")


def _military_site(noun: Token) -> bool:
    """A base, outpost or checkpoint; a headquarters or base only of armed men ("campaign headquarters" is not)."""
    lemma = noun.lemma_.lower()
    qualified = any(c.dep_ in ("amod", "compound", "nmod") and
                    (c.lemma_.lower() in BASE_QUALIFIERS or c.ent_type_ == "NORP") for c in noun.children)
    if lemma in BASE_NOUNS_CIVIL_TOO:
        if any(c.lemma_.lower() in CIVIL_SITES for c in noun.children if c.dep_ in ("amod", "compound", "nmod")):
            return False  # "his campaign headquarters", "the company's regional base"
        sent = {t.lemma_.lower() for t in noun.sent}
        return qualified or bool(sent & _MILITARY_WORDS)
    if lemma in BASE_NOUNS:
        return True
    return lemma in BASE_NOUNS_QUALIFIED and qualified


# Sites that are as often a party's, a firm's or a team's: military only with armed men around them.
BASE_NOUNS_CIVIL_TOO = {"base", "headquarters"}
CIVIL_SITES = {"campaign", "corporate", "company", "party", "election", "regional", "european", "global", "world",
               "national", "customer", "fan", "home", "data", "operating", "operations", "tax", "sales", "police"}
_MILITARY_WORDS = FORCE_NOUNS | {"military", "rebel", "militant", "insurgent", "jihadist", "naval", "navy",
                                 "taliban", "militia", "armed", "forces", "troops", "soldiers", "fighters"}


# Verbs that, with weapons as their object, tell weapons found or taken before use.
_FIND_VERBS = {"find", "discover", "uncover", "unearth", "confiscate", "recover", "retrieve", "impound", "clear"}
# Containers and amounts whose contents decide: "a cache of arms", "a large amount of ammunition".
_HAUL_HOLDERS = {"cache", "stash", "depot", "haul", "stockpile", "arsenal", "amount", "quantity", "batch", "number",
                 "lot", "hideout", "store", "consignment", "cargo", "package", "bag", "kg", "kilogram", "ton", "tonne"}
_ATTACK_REMAINS = {"scene", "fragment", "casing", "shrapnel", "remnant", "splinter", "debris", "body", "remains"}


def _haul(noun: Token, depth: int = 0) -> bool:
    """Weapons, ammunition or explosives, by themselves or in a cache or amount: "a cache of weapons"."""
    if noun.lemma_.lower() in SEIZED_WEAPONS or noun.lower_ in SEIZED_WEAPONS:
        return True
    if noun.lemma_.lower() not in _HAUL_HOLDERS:
        return False
    contents = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "containing", "with")
                for p in c.children if p.dep_ == "pobj"]
    contents += [p for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() == "contain"
                 for p in c.children if p.dep_ == "dobj"]
    contents += [c for p in contents for c in p.children if c.dep_ == "conj"]
    # "a depot containing a large amount of weapons"
    return any(_haul(p, depth + 1) for p in contents) if depth < 2 else False


# Words of goods kept in bulk, whose explosion is an accident: "ammonium nitrate stored in a warehouse".
_STORAGE = frozenset({"stored", "storing", "stockpiled", "industrial", "nitrate"})


def _industrial(tok: Token) -> bool:
    """An explosion of a tank, a plant or a gas cylinder: an accident, not remote violence."""
    if tok.lemma_.lower() not in ("explode", "explosion", "blast", "blow", "detonate"):
        return False
    near = [c for c in tok.children if c.dep_ in ("nsubj", "compound", "amod", "nmod", "poss", "dep")]
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        # "an explosion ripped through a warehouse of petroleum products", "tore through an industrial area"
        near += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("through", "at", "in")]
    near += [g for c in near for g in c.children if g.dep_ in ("compound", "amod", "prep")]
    near += [p for c in near if c.dep_ == "prep" for p in c.children]
    near += [g for c in near for g in c.children if g.dep_ in ("compound", "amod")]
    if tok.dep_ == "compound":
        near.append(tok.head)
    if any(t.lemma_.lower() in INDUSTRIAL for t in near):
        return True
    # "an explosion at a chemical plant", "explosions tore through an industrial area where chemicals were
    # stored": a site of industry or storage, where no word of the sentence speaks of violence.
    words = {w for t in tok.sent for w in (t.lemma_.lower(), t.lower_)}
    if words & VIOLENCE_CUES:
        return False
    site = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "inside")
            for p in c.children if p.dep_ == "pobj"]
    site += [g for p in site for g in p.children if g.dep_ in ("compound", "amod")]
    return any(t.lemma_.lower() in INDUSTRIAL for t in site) or bool(words & _STORAGE)


LOCATIVE_PREPS = {"in", "at", "on", "from", "during", "after", "before", "by", "near", "with", "within", "across",
                  "around", "outside", "inside", "following", "amid", "since", "over", "of", "to", "into"}


def _hostages_taken(verb: Token) -> bool:
    """Whether what a "seized"/"took" verb takes is hostages ("seized hundreds of hostages", "took 20 hostages")."""
    objs = _objects(verb)
    objs += [p for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
             for p in c.children if p.dep_ == "pobj"]
    return any(o.lemma_.lower() == "hostage" for o in objs)


def _seized_object(verb: Token) -> str | None:
    """What a "seized"/"captured"/"lost" verb is about: "place", "weapons", "other" or None (no object).

    Territory changes hands only when the object is a place ("seized the
    town", "recaptured Palmyra"); "seized nine pistols" is disrupted weapons
    use, "seized counterfeit cosmetics" no event.
    """
    objs = _objects(verb)
    if not objs:
        # a misparsed object hangs on an odd preposition: "seized [counterfeit] cosmetics"
        objs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ not in LOCATIVE_PREPS
                for p in c.children if p.dep_ == "pobj"]
    if not objs:
        # a shared object: "capturing and preserving the world's wildlife"
        objs = [o for c in verb.conjuncts if c.i > verb.i for o in c.children if o.dep_ == "dobj"]
    if not objs and verb.tag_ in ("VBD", "VBN"):
        # a headline's passive without its auxiliary, parsed active: "after mobile meth lab seized"
        objs = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and not is_human(c) and
                c.lemma_.lower() not in PLACE_WORDS and not any(o.dep_ == "dobj" for o in verb.children)]
    # "took over the base", "lost control of Sinjar"
    holders = [verb, *(c for c in objs if c.lemma_.lower() == "control")]
    objs += [p for h in holders for c in h.children if c.dep_ in ("prep", "prt") and c.lower_ in ("of", "over")
             for p in c.children if p.dep_ == "pobj"]
    if not objs:
        return None
    words: set[str] = set()
    people = pronouns = 0
    for obj in objs:
        if obj.lemma_.lower() == "control":
            # "lost control of Sinjar" names the place; "the driver lost control" does not
            words.add("control")
            continue
        if obj.pos_ == "PRON" and obj.lower_ in ("he", "she", "him", "her"):
            people += 1  # "He was captured by Jordanian troops"
            continue
        if obj.pos_ == "PRON":
            pronouns += 1
            continue
        if any(t.lemma_.lower() in _NOT_PLACES for t in obj.subtree):
            return "other"  # "capturing the Best in Show award"
        if obj.lemma_.lower() in HIJACKED:
            words.add(obj.lemma_.lower())  # "a cargo ship", whatever the tagger makes of it
            continue
        if _person_taken(obj):
            people += 1  # "a man charged with murder has been captured", "escaped inmates captured"
            continue
        # the object, its modifiers and what a quantity or part noun counts: "a number of towns", "parts of Aleppo"
        near = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod", "appos", "nmod"))]
        near += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        # a one-word name that is no one taken is a place the tagger took for a person: "control of Palmyra"
        if any(t.pos_ == "PROPN" and (t.ent_type_ not in _NOT_PLACE_ENTS or t.ent_type_ == "PERSON") or
               t.ent_type_ in ("GPE", "LOC", "FAC") for t in near):
            return "place"
        words |= {t.lemma_.lower() for t in near}
    if words & PLACE_WORDS:
        return "place"
    if words & SEIZED_WEAPONS:
        return "weapons"
    if words & HIJACKED:
        return "craft"  # "seize a plane of Aeropesca", "pirates seized a cargo ship"
    if words:
        return "other"
    if people:
        return "people"
    return "pronoun" if pronouns else None


# Words naming an armed non-state side as the raider: "two guerrilla raids by the ELN".
_RAIDERS = frozenset({"guerrilla", "guerilla", "rebel", "militant", "insurgent", "terrorist", "gunman", "gunmen",
                      "jihadist", "separatist", "bandit", "pirate"})


def _state_taker(verb: Token) -> bool:
    """Whether the one who seized is the state ("the navy seized a ship carrying arms"): an interdiction."""
    takers = [c for c in verb.children if c.dep_ == "nsubj"]
    takers += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return any(w.lemma_.lower() in STATE_WORDS | LAW_ENFORCEMENT or w.lower_ in LAW_ENFORCEMENT
               for t in takers for w in t.subtree)


def _objects(verb: Token) -> list[Token]:
    """What a verb acts on: its object or passive subject, or the noun a participle describes.

    "the regions that had been taken over", "the Islamic State-occupied base"; in "Parents of
    schoolgirls seized from a school" the parser hangs the participle on "Parents", but what
    was seized is the noun just before it.
    """
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl") and not objs:
        prev = verb.doc[verb.i - 1] if verb.i > 0 else verb.head
        near = verb.dep_ == "acl" and prev.pos_ in ("NOUN", "PROPN") and prev.dep_ == "pobj" and \
            prev in verb.head.subtree
        objs = [prev if near else verb.head]
    return objs


def _civilians_taken(verb: Token) -> bool:
    """Civilians (students, villagers, workers) as what was seized, with no custody told in the sentence."""
    objs = _objects(verb)
    objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
    if {t.lemma_.lower() for t in verb.sent} & _CUSTODY:
        return False
    return any(o.lemma_.lower() in CIVILIAN_TARGETS or o.lemma_.lower().rstrip("s") in CIVILIAN_TARGETS
               for o in objs)


def _named_as_place(obj: Token) -> bool:
    """A name the text presents as a place, wherever the tagger took it for a person.

    "seized Wad Madani, including the headquarters of an army division", or the same name
    elsewhere in the article after a preposition of place ("withdrawn from Wad Madani") or
    with a place noun in apposition ("Wad Madani, the capital of Gezira state").
    """
    if any(t.lemma_.lower() in PLACE_WORDS and t.dep_ in ("pobj", "appos") for t in obj.subtree if t is not obj):
        return True
    first = obj.left_edge.i
    while first < obj.i and obj.doc[first].pos_ != "PROPN":
        first += 1
    name = obj.doc[first:obj.i + 1].text
    if not name:
        return False
    doc = obj.doc
    for start in range(len(doc) - (obj.i - first)):
        if start == first or doc[start].text != doc[first].text:
            continue
        mention = doc[start:start + obj.i - first + 1]
        if mention.text != name:
            continue
        head = mention.root
        if head.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        if head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS:
            return True
        if any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_WORDS for c in head.children):
            return True
    return False


# Prepositions that make the name after them a place ("from Wad Madani", not "with John Smith").
_PLACE_PREPS = {"in", "from", "into", "near", "outside", "inside", "around", "toward", "towards", "across"}


def _person_taken(obj: Token) -> bool:
    """People, not a place, as what was captured or seized.

    The tagger often calls a lone town a person ("regained control of
    Palmyra"): a one-word name is a person only where custody is told.
    """
    if obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.lemma_.lower() in PLACE_WORDS or not is_human(obj):
        return False
    if obj.pos_ == "PROPN" and _named_as_place(obj):
        return False
    if obj.pos_ == "NOUN":
        # a noun the tagger calls a person ("a mobile meth lab") is people only by its word
        return is_human(obj, by_word=True)
    if obj.pos_ != "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children):
        return obj.head.lemma_.lower() != "control" or obj.dep_ != "pobj"
    return bool({t.lemma_.lower() for t in obj.sent} & _CUSTODY)


_CUSTODY = {"police", "manhunt", "jail", "custody", "prison", "inmate", "arrest", "warrant", "fugitive", "escape",
            "sheriff", "deputy", "charge", "murder", "suspect", "court", "extradite", "extradition", "detective"}
_NOT_PLACES = {"award", "title", "prize", "trophy", "cup", "medal", "championship", "crown", "vote", "imagination",
               "attention", "moment", "spirit", "essence", "nomination", "victory", "pole", "lead", "market", "share"}
_NOT_PLACE_ENTS = {"PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP", "DATE", "TIME", "MONEY", "PERCENT",
                   "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE"}


def _sense_ok(tok: Token, kind: str) -> bool:
    """Reject trigger words used in another sense."""
    lemma = tok.lemma_.lower()
    lower = tok.lower_
    if tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "LAW", "EVENT") and kind not in (AIR,) and \
            lemma not in ("attack", "bombing", "massacre"):
        return False
    if figurative(tok, kind):
        return False
    sent_lemmas = {t.lemma_.lower() for t in tok.sent}
    if kind == BLAST and _industrial(tok):
        return False
    if kind in (SHELL, GRENADE, IED, BLAST) and tok.pos_ in ("NOUN", "PROPN") and _struck_weapon(tok):
        return False
    if kind == DISRUPT and lemma in ("intercept", "thwart", "foil", "bust", "dismantle") and \
            not sent_lemmas & WEAPON_CUES:
        return False
    if lemma == "target" and sent_lemmas & NONVIOLENT_TARGETING:
        return False
    if kind == GAIN and tok.pos_ == "NOUN" and any(
            _person_taken(p) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"):
        return False  # "the capture of Juan Manuel Galarraga": a person caught, no place taken
    if kind in (GAIN, LOSS) and tok.pos_ == "VERB":
        seized = _seized_object(tok)
        if seized in ("weapons", "other", "people", "craft"):
            return False  # ("craft" the state seized: an interdiction; an armed group's is a hijacking, above)
        if seized == "pronoun" and not violence_evidence(tok.sent, exclude=(tok,)):
            return False  # "he won the clerk's seat and has occupied it ever since"
    if kind == LOSS and lemma == "fall" and not _falls_to_a_side(tok):
        return False  # "fell to 18th in population growth", "did fall to the ground"
    if lemma == "strike":
        words = {t.lower_ for t in tok.sent}
        if words & STRIKE_LABOUR or tok.head.lemma_ in ("go", "call", "stage", "end"):
            return False
    if lemma in ("fight", "battle") and tok.pos_ == "NOUN":
        # "the fight against terrorism", "battle for hearts and minds" are not clashes
        if any(c.lower_ in ("against", "for") and any(g.lemma_ in ("terrorism", "corruption", "extremism", "poverty", "heart", "mind", "climate") for g in c.subtree) for c in tok.children):
            return False
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children) and \
                any(c.lower_ == "against" for c in tok.children):
            return False  # "support the Iraqi people in their fight against ISIL": a campaign, no clash
        if any(c.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ in MODALS for a in c.children)
               for c in tok.children):
            return False  # "a fight we must win"
    if lemma == "fight" and tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("war", "campaign", "insurgency") for c in tok.children):
        return False  # "which fought a month-long war with Israel in 2006": a war, no one clash
    if kind == LOOT and tok.tag_ == "VBN" and tok.dep_ == "amod":
        return False  # "trafficking in looted archaeological material": what was looted once, no looting told
    if lemma == "barrage" and {t.lemma_.lower() for t in tok.sent} & DAM_WORDS:
        return False  # "a multi-purpose barrage on the Tigris River": a dam
    if lemma == "march" and (tok.ent_type_ == "DATE" or tok.is_title and tok.i > tok.sent.start):
        return False
    if lemma == "march" and any(c.lower_ in ("flag", "route") and c.dep_ in ("compound", "amod", "nmod")
                                for c in tok.children):
        return False  # "the army staged a flag march": a show of force, "route march": drill, not a protest
    if lemma == "march" and tok.pos_ == "VERB" and not any(
            t.lemma_.lower() in ("protest", "protester", "demonstrator", "rally", "slogan", "chant", "banner",
                                 "placard", "supporter", "activist", "crowd", "thousand", "hundred")
            for t in tok.sent):
        return False
    if lower in ("according", "accordingly"):
        return False
    if kind == TRANSFER and not any(
            t.lemma_.lower() in ("control", "territory", "town", "city", "area", "village", "base", "region",
                                 "district", "province", "checkpoint", "post", "position")
            and t.dep_ in ("dobj", "pobj") for t in tok.subtree):
        return False
    if lemma in ("mine",) and tok.pos_ != "NOUN":
        return False
    if lemma in ("body", "hit", "target", "burn", "beat", "gun", "storm", "jet", "drone", "rocket", "missile",
                 "chemical", "toxic", "explosive", "device", "mortar", "artillery", "video", "magazine", "deal",
                 "accord", "hostage", "mob") and tok.pos_ not in ("NOUN", "VERB", "PROPN", "ADJ"):
        return False
    if lemma == "gun" and tok.pos_ != "VERB":
        return False
    if lemma in ("hit", "target") and tok.pos_ == "NOUN":
        return False  # "a direct hit", "their primary target"
    if lemma == "burn" and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "acomp", "advmod", "xcomp")
                                   for c in tok.children):
        return False  # "fires are burning" is no attack; "burned the houses", "burned alive" are
    if lemma == "strike" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children):
        return False  # "Russia strikes back at the US, expels diplomats"
    if lemma == "shell" and tok.pos_ == "NOUN" and not any(c.lower_ in ("artillery", "tank", "mortar") for c in tok.children):
        return lower == "shells" and tok.dep_ in ("nsubj", "dobj", "pobj")
    if lemma == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_ in ("sentence", "condemn"):
        return False
    if lemma == "record":
        return False
    if lemma in ("jet", "aircraft") and (tok.pos_ != "NOUN" or not {t.lemma_.lower() for t in tok.sent} & (
            JET_CUES if lemma == "jet" else JET_DEEDS)):
        # "Israeli jets fired missiles" is an air strike; "a passenger jet landed" is not, nor is
        # "a military aircraft crashed"
        return False
    if lemma == "aircraft" and not (tok.dep_ in ("nsubj", "conj") and tok.head.pos_ == "VERB"
                                    or tok.dep_ == "pobj" and tok.head.lower_ == "by"):
        return False  # what the aircraft did ("Coalition aircraft struck ..."), not what was done to it
    if kind == ARREST and tok.lemma_ == "detention" and tok.head.lemma_ in ("center", "centre", "camp", "facility"):
        return False
    if kind == CHEM and lemma in ("chemical", "toxic", "chlorine", "mustard", "poison", "poisonous") and not any(
            t.lemma_.lower() in ("weapon", "attack", "gas", "agent", "munition", "strike", "bomb", "barrel", "shell",
                                 "rocket", "missile", "canister", "chemical", "mortar", "artillery")
            and t.lemma_.lower() != lemma for t in tok.sent):
        # "resistance to normal levels of chlorine" in drinking water, "mustard" on a menu, "SEO CHEMICAL" a firm
        return False
    if kind == PROPAGANDA:
        return tok.head.lemma_ in PROPAGANDA_VERBS or any(c.lemma_ in PROPAGANDA_VERBS for c in tok.children) or \
            (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in PROPAGANDA_VERBS)
    if kind == AGREE and lemma == "deal" and not any(t.lemma_ in ("peace", "ceasefire", "truce", "rebel", "militant", "prisoner", "swap", "exchange") for t in tok.sent):
        return False
    return True


def _struck_weapon(tok: Token) -> bool:
    """A weapon a strike hit: "one strike destroyed an ISIL mortar system and a VBIED", "Coalition aircraft struck
    a rocket launcher". The weapon is the strike's target, no attack of its own."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return False
        below, node = node, node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in STRIKE_DEEDS:
            if below.dep_ in ("nsubj", "csubj"):
                return False  # the strike's own means: "A US missile strike killed five militants"
            verb = node
            while True:
                if any(c.dep_ == "nsubj" and c.lemma_.lower() in WAR_CRAFT for c in verb.children):
                    return True
                if verb.dep_ != "conj" or verb.head.pos_ != "VERB":
                    return False
                verb = verb.head  # "five strikes engaged four units; destroyed ... a VBIED"
    return False


def _falls_to_a_side(tok: Token) -> bool:
    """A place that falls to someone: "Mosul fell to Islamic State", "the town fell to the rebels"."""
    to = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
    if not to and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        to = [tok.nbor()]
    for prep in to:
        for side in (p for p in prep.children if p.dep_ == "pobj"):
            if side.ent_type_ in ("ORG", "NORP", "GPE", "PERSON"):
                return True
            if side.pos_ == "PROPN" and side.ent_type_ not in _NOT_PLACE_ENTS:
                return True
            lemma = side.lemma_.lower()
            if lemma in TAKERS or lemma in ARMED_TARGETS or lemma in STATE_WORDS:
                return True
    return False


def accident(sent: SpacySpan) -> bool:
    """A sentence about an accident or a disaster (and no sign of violence)."""
    # "the Taliban stormed a checkpoint" is no storm, "crashed into the crowd" no accident
    low = {w for t in sent if not (t.pos_ == "VERB" and t.lemma_.lower() in ("storm", "crash", "collapse", "flood",
                                                                           "crush", "wreck"))
           for w in (t.lemma_.lower(), t.lower_)}
    if low & VIOLENCE_CUES or "strike" in low and _aerial(sent.doc):
        return False  # "one strike destroyed a VBIED factory" in a report of air strikes
    return bool(low & ACCIDENT_CUES) or any(_industrial(t) for t in sent) or bool(_NON_COMBAT.search(sent.text))


# A service member's death that the military calls no combat's: "died ... in a non-combat related incident".
_NON_COMBAT = re.compile(r"\bnon[- ]?(?:combat|hostile)\b", re.I)


# The subjects and time spans of a toll accumulated over a whole conflict:
# "the insurgency has killed about 20,000 people since 2009" sums up years of
# events; it is background, not an event of its own.
CONFLICT_NOUNS = {"conflict", "war", "insurgency", "insurrection", "rebellion", "uprising", "crisis", "campaign"}
_SPAN_UNITS = {"year", "decade", "month"}
_SINCE_ANCHORS = CONFLICT_NOUNS | {"start", "beginning", "outbreak", "onset"}


def _many_times(tok: Token) -> bool:
    """ "several times", "many times", "dozens of times": a deed told as done again and again."""
    if tok.lower_ == "times":
        return any(m.lower_ in _MANY for m in tok.children)
    return tok.lower_ in _MANY and any(p.lower_ == "of" and any(o.lower_ == "times" for o in p.children)
                                       for p in tok.children)


_MANY = frozenset({"several", "many", "numerous", "multiple", "countless", "dozens", "hundreds", "scores"})


def cumulative(verb: Token) -> bool:
    """True when a verb reports a toll summed over years rather than one occurrence.

    "has killed thousands since 2009", "The conflict has killed some 220,000
    people", "killed more than 300 people over the past decade". A short span
    ("since Monday", "in the past 24 hours") is still one unfolding event.
    """
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ == "NNS" and any(m.like_num for m in c.children)
           for c in verb.children) and any(
            t.dep_ == "pobj" and t.head.lower_ in ("in", "across") and t.ent_type_ == "GPE"
            and any(c.dep_ == "conj" and c.ent_type_ == "GPE" for c in t.children) for t in verb.subtree):
        return True  # "conducted 34 strikes against ISIL in Syria and Iraq": a tally over two countries
    perfect = _perfect(verb)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in CONFLICT_NOUNS and perfect:
            return True
        if child.dep_ == "npadvmod" and _many_times(child):
            return True  # "is thought to have bombed weapons shipments several times": deeds, not one
        if child.dep_ != "prep":
            continue
        for obj in (c for c in child.children if c.dep_ == "pobj"):
            if child.lower_ == "since" and (_is_year(obj) or obj.lemma_.lower() in _SINCE_ANCHORS):
                return True
            if child.lower_ == "since" and perfect and verb.tag_ == "VBG" and any(_is_year(t) for t in obj.subtree):
                return True  # "has been fighting the Houthis since March 2015": a war, not one event
            if child.lower_ in ("over", "in", "during", "across") and obj.lemma_.lower() in _SPAN_UNITS and any(
                    m.lower_ in ("past", "last", "recent") or (m.like_num and m.lower_ not in ("one", "1"))
                    for m in obj.children):
                return True
    return False


def _tally(deeds: Token) -> bool:
    """Many deeds counted in one country with no place named: "In Syria, Coalition military forces
    conducted 15 strikes ...", a day's sum that the report then breaks down place by place."""
    count = next((m for m in deeds.children if m.dep_ == "nummod" and m.like_num), None)
    if count is None or deeds.head.lemma_.lower() not in _TALLY_VERBS:
        return False
    n = parse_count(count.text)
    if n is None or n[0] < 10:
        return False
    return not any(e.label_ in ("GPE", "LOC", "FAC") and countries.country_iso3(e.text) is None
                   for e in deeds.sent.ents)


_TALLY_VERBS = {"conduct", "carry", "launch", "fly", "execute", "deliver", "stage", "mount"}


def _describes_speaker(tok: Token) -> bool:
    """Whether a deed only describes who is speaking: "The US-led coalition conducting air strikes
    against so-called Islamic State in Iraq has said it was not responsible" reports no strike."""
    node = tok
    for _ in range(4):
        if node.pos_ == "VERB" or node.head.i == node.i or node.dep_ not in ("dobj", "compound", "amod", "conj"):
            break
        node = node.head
    return (node.pos_ == "VERB" and node.tag_ == "VBG" and node.dep_ == "acl" and node.head.dep_ == "nsubj"
            and node.head.head.lemma_.lower() in SPEAKING_VERBS)


def _means_of_tally(tok: Token) -> bool:
    """Whether a weapon word is what a tallied deed used: "conducted 11 strikes ... using attack aircraft
    as well as rocket artillery against ISIL targets" reports no shelling of its own."""
    node = tok
    for _ in range(10):
        if node.dep_ in ("compound", "amod", "nmod", "conj") and node.head.i != node.i:
            node = node.head
        else:
            break
    use = node.head
    if node.dep_ != "dobj" or use.lemma_.lower() not in ("use", "employ") or use.dep_ not in ("advcl", "acl", "xcomp"):
        return False
    gov = use.head
    if gov.pos_ == "NOUN":
        return gov.tag_ == "NNS" and _tally(gov)
    return any(c.dep_ == "dobj" and c.tag_ == "NNS" and (_tally(c) or cumulative(gov)) for c in gov.children)


# "the week before" dates an event; a bare "before" makes a statement generic (is_asserted).
_TIME_UNITS = {"minute", "hour", "day", "night", "week", "month", "year", "moment", "weekend", "evening", "morning"}


def _is_year(tok: Token) -> bool:
    return tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100


def is_asserted(tok: Token) -> bool:
    """False for threats, plans, calls, hypotheticals, negated and generic statements."""
    if cumulative(tok):
        return False
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ in ("dobj", "nsubjpass") and (
            cumulative(tok.head) or _tally(tok)):
        return False  # "Over the last year the Coalition has launched almost 8,000 strikes": a tally
    if _means_of_tally(tok):
        return False  # "conducted 11 strikes ... using ... rocket artillery": the tally's means
    if _describes_speaker(tok):
        return False  # "The US-led coalition conducting air strikes against IS has said ...": who speaks
    seen = 0
    node = tok
    factual = False
    while seen < 8:
        seen += 1
        for child in node.children:
            if child.dep_ == "neg" and node.lemma_.lower() not in ("only",):
                return False
            if child.dep_ == "amod" and node.pos_ == "NOUN" and (
                    child.lemma_.lower() in IRREALIS or child.lower_ in IRREALIS):
                # "a looming attack", "a planned offensive", "possible strikes"
                return False
            if child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS and not factual:
                # "may have killed": a hedged report of a past event stays an event
                if not _perfect(node):
                    return False
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return False
            if child.dep_ == "advmod" and (child.lower_ in GENERIC_ADVERBS or child.lower_ in HEDGES):
                return False
            if child.dep_ == "advmod" and child.lower_ == "before" and not list(child.children) and \
                    child.i > node.i and child.nbor(-1).lemma_.lower() not in _TIME_UNITS:
                return False  # "NFL assaults have led to lawsuits before"; not "the week before"
            if child.dep_ == "aux" and child.lower_ == "to" and node.pos_ == "VERB" and not factual and \
                    node.head.lemma_.lower() not in REALIS_CONTROL and node.head.i != node.i and \
                    node.lemma_.lower() not in CROWD_CONTROL and not _perfect(node):
                # an infinitive of purpose or wish: "infiltrating Europe to carry out attacks"; not a
                # perfect one, which reports a deed done ("are said to have killed 50 police officers")
                return False
            if child.dep_ == "aux" and child.lower_ == "to" and node.head.lemma_.lower() == "go" and \
                    node.head.tag_ == "VBG" and any(c.dep_ == "aux" for c in node.head.children):
                return False  # "you're going to parry ...": a future, not a report
        if node.dep_ == "amod" and node.head.lemma_.lower() in IRREALIS:
            return False
        if node.i == tok.i and node.dep_ == "relcl" and node.tag_ == "VBD":
            # "a suspect believed to have deposited a bag containing a device that exploded on Friday":
            # a deed told in the past by a relative clause happened, whatever a belief or purpose around
            # it says (a denial or a claim of responsibility around it still frames it).
            factual = True
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in ("xcomp", "ccomp", "acl", "pobj", "prep", "dobj", "compound", "advcl", "relcl",
                         "nsubj", "nsubjpass", "amod", "conj", "attr", "pcomp", "appos", "npadvmod",
                         "advmod", "nmod", "poss", "dep", "agent"):
            hl = head.lemma_.lower()
            if hl in IRREALIS and node.dep_ != "nsubj":
                return False
            if hl in REFERENCE_FRAMES and node.dep_ in ("prep", "pobj", "pcomp", "dobj", "acl", "compound") and \
                    not (hl == "claim" and node.dep_ == "dobj" and head.pos_ == "VERB" and node.pos_ == "NOUN"
                         and node.lemma_.lower() not in REFERENCE_FRAMES):
                # "claimed responsibility for the bombing", "accused Iran of bombing", "in retaliation for":
                # a statement about an event, or the motive of the one the sentence reports. A deed
                # claimed outright was done: "Daesh claimed dual attacks in Baghdad which killed 28".
                return False
            if hl in DIRECTIVE and node.dep_ in ("xcomp", "dobj") and not (
                    hl == "agree" and trigger_kind(node) == AGREE):
                # "ordered them to attack" is an order; "agreed a ceasefire" is the agreement itself
                return False
        if node.dep_ in ("ROOT",):
            break
        node = head
    return True


def _perfect(verb: Token) -> bool:
    """A perfect infinitive or participle: "to have killed", "has killed" (aux "have" on the verb itself)."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


CASUALTY_VERBS = {"kill", "shoot"}


def small_clause(tok: Token) -> bool:
    """A passive small clause after "saw" or "left", whatever tense the tagger gives it: "fighting that
    saw 120 soldiers killed", "clashes that left 20 people killed" (its subject is who it befell)."""
    return tok.dep_ in ("ccomp", "xcomp", "oprd") and tok.head.lemma_.lower() in ("see", "leave") and \
        not any(c.dep_ == "dobj" for c in tok.children)


def reports_casualties(tok: Token) -> bool:
    """True for an agentless passive "killed" that counts the dead rather than saying how they died.

    "19 people were killed and 13 injured after a suicide bomber attacked a
    camp", "The gunman was also shot dead", "fighting that saw 120 soldiers
    killed": the toll belongs to the event the
    rest of the sentence (or the sentence before) tells.
    """
    lemma = tok.lemma_.lower()
    seen = small_clause(tok)
    if tok.pos_ != "VERB" or (tok.tag_ != "VBN" and not seen) or lemma not in CASUALTY_VERBS:
        return False
    node = tok
    while node.dep_ == "conj" and node.head.tag_ == "VBN" and node.head.i != node.i:
        node = node.head  # "were shot and killed": the voice is on the first verb
    passive = seen or any(c.dep_ in ("auxpass", "nsubjpass") for c in node.children) or node.dep_ == "acl"
    if not passive or any(c.dep_ == "agent" for v in (tok, node) for c in v.children):
        return False
    if lemma == "shoot":
        # "was shot" alone tells an attack; "was shot dead" / "shot and killed" a death
        return any(c.lower_ in ("dead", "killed", "kill") for c in (*tok.children, *node.children))
    return True


def classify(kinds: set[str], lemmas: set[str], actor1: Span | None, actor2: Span | None,
             doc: Doc, tokens: set[Token]) -> tuple[str | None, str | None]:
    """CODEBOOK section 2: type and sub-type from the triggers of one event and their clause.

    Returns:
        ``(event_type, sub_event_type)``; ``(None, None)`` when the triggers
        make no event, and event type ``""`` for a casualty report only.
    """
    if kinds == {ARREST} and lemmas & ORDINARY_CRIMES and not lemmas & POLITICAL_CUES and \
            not _organisation_named(doc, tokens):
        # "arrested on suspicion of negligent homicide", "arrested two people suspected of stealing
        # meat": an ordinary criminal case, no political event (CODEBOOK 1)
        return None, None
    if kinds & {CHEM} and kinds & (set(EXPLOSIVE_KINDS) | {ATTACK, KILL, OUTCOME}):
        return "Explosions/Remote violence", "Chemical weapon"
    if kinds & {GAIN, LOSS} and (lemmas & WITHDRAWAL or {"pull", "out"} <= lemmas) and \
            not kinds & (set(EXPLOSIVE_KINDS) | {CLASH, ATTACK, KILL, EXECUTE, OUTCOME}) and \
            not _withdrew_after_takeover(tokens):
        # a side moves in after the other pulled out, no fighting reported (ACLED: non-violent transfer)
        return "Strategic developments", "Non-violent transfer of territory"
    if kinds & {GAIN, LOSS}:
        return "Battles", "Non-state actor overtakes territory"  # refined by who gains, in _candidate
    if kinds & {PROTEST} and not (kinds & (set(EXPLOSIVE_KINDS) | {EXECUTE, ABDUCT, SEXUAL})):
        # "a protest over a police shooting": what a protest is about is no deed of its own
        told = [t for t in tokens if not grievance(t)] if tokens else []
        if told:
            lemmas = {t.lemma_.lower() for t in told} | {t.lower_ for t in told}
        return protest_sub(kinds, lemmas, forces=_forces_deeds(actor1, doc))
    if kinds & {RIOT}:
        return "Riots", "Violent demonstration"
    if kinds & {MOB}:
        return "Riots", "Mob violence"
    if kinds & {ATTACK, KILL} and not kinds & (set(EXPLOSIVE_KINDS) | {EXECUTE, ABDUCT, SEXUAL}) and \
            crowd(actor1) and not lemmas & _ARMS:
        # "A crowd of villagers beat a man to death", "groups of young people attacked two police
        # cars": unarmed crowds riot; in a demonstration it is a violent one (CODEBOOK 2)
        return "Riots", "Violent demonstration" if _demonstration_near(tokens) else "Mob violence"
    if kinds <= {ATTACK} and lemmas & {"storm", "raid"} and _security(actor1) and \
            not armed_target(actor2, lemmas, doc, tokens) and not lemmas & _RAIDERS and \
            not any(t.lemma_.lower() in ("wounded", "injured", "killed", "dead")
                    for t in tokens_in(doc, actor1.start, actor1.end)):
        # "held hostages until police stormed the hall", "as officers raided a house": a rescue or a
        # search, no attack of its own; what it found or ended is told by its own words, and people
        # taken in it ("have taken dozens of Palestinians in a series of raids") are arrests
        if lemmas & {"take", "round", "pick"} and actor2 is not None:
            return "Strategic developments", "Arrests"
        return None, None
    if kinds & {ATTACK, KILL} and not kinds & (set(EXPLOSIVE_KINDS) | {EXECUTE, ABDUCT, SEXUAL}) and \
            lemmas & _THROWN and actor1 is None and not lemmas & _ARMS:
        # "officers were hit by bricks and bottles", "attacked with bricks and sticks": rioting
        return "Riots", "Violent demonstration" if _demonstration_near(tokens) else "Mob violence"
    if kinds & {SHELL, GRENADE, IED, BLAST} and not kinds & {AIR, SUICIDE, OUTCOME, KILL} and _weapons_disrupted(tokens):
        # "an arms cache containing hand grenades was discovered", "forces destroyed rockets and IEDs"
        return "Strategic developments", "Disrupted weapons use"
    if kinds & {AIR}:
        return "Explosions/Remote violence", "Air/drone strike"
    if kinds & {SUICIDE}:
        return "Explosions/Remote violence", "Suicide bomb"
    if kinds & {SHELL}:
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if kinds & {GRENADE}:
        return "Explosions/Remote violence", "Grenade"
    if kinds & {IED, BLAST} and not kinds & {DISRUPT} and (
            lemmas & {"belt", "vest", "ram"} or lemmas & {"himself", "herself", "themselves"} and
            lemmas & {"kill", "blow", "detonate", "explode"}):
        # "detonated her explosive belt", "set off a bomb, killing himself", "rammed ... and exploded"
        return "Explosions/Remote violence", "Suicide bomb"
    if kinds & {IED, BLAST}:
        # A device that someone died or was hurt by went off, whatever the attempt to defuse it
        # ("killed while trying to defuse a bomb").
        if kinds & {DISRUPT} and not kinds & {OUTCOME} or (
                lemmas & {"defuse", "foil", "thwart"} or _device_found(tokens) or
                _weapons_destroyed(tokens)) and not kinds & {OUTCOME, KILL}:
            return "Strategic developments", "Disrupted weapons use"
        if kinds & {ARREST} and not kinds & {OUTCOME, KILL}:
            return "Strategic developments", "Arrests"
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if kinds & {EXECUTE}:
        return "Violence against civilians", "Attack"
    if kinds & {SEXUAL}:
        return "Violence against civilians", "Sexual violence"
    if kinds & {ABDUCT}:
        return "Violence against civilians", "Abduction/forced disappearance"
    if kinds & {CLASH} and kinds & {AGREE} and all(
            _backdrop(t) for t in tokens if trigger_kind(t) == CLASH):
        # "agreed a ceasefire after the worst fighting in decades": the fighting is the backdrop
        return "Strategic developments", "Agreement"
    if kinds & {CLASH}:
        return "Battles", "Armed clash"
    if kinds & {DISRUPT} and not kinds & {KILL, OUTCOME} and lemmas & SEIZED_WEAPONS and \
            not lemmas & {"attack", "ambush", "assault", "storm"}:
        # "police seized guns and drugs in a raid": the raid is the seizure
        return "Strategic developments", "Disrupted weapons use"
    if kinds & {ARREST} and not kinds & {KILL, OUTCOME} and \
            not (kinds & {ATTACK} and lemmas & {"attack", "ambush", "assault", "storm"}):
        # "police arrested 21 suspects in overnight raids": the raid is the arrest; an attack named
        # as its grounds ("in connection with Saturday's attack") is no trigger of its own
        return "Strategic developments", "Arrests"
    if kinds & {ATTACK, KILL, OUTCOME}:
        armed = armed_target(actor2, lemmas, doc, tokens)
        if kinds <= {OUTCOME}:
            # a toll only: no type of its own (it joins the event it counts); the
            # sub-type is what it becomes when no event precedes it
            return "", "Armed clash" if armed else "Attack"
        if armed:
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if kinds & {DISRUPT}:
        return "Strategic developments", "Disrupted weapons use"
    if kinds & {AGREE}:
        return "Strategic developments", "Agreement"
    if kinds & {PROPAGANDA}:
        return "Strategic developments", "Other"
    if kinds & {LOOT}:
        return "Strategic developments", "Looting/property destruction"
    if kinds & {HQ}:
        return "Strategic developments", "Headquarters or base established"
    if kinds & {TRANSFER}:
        return "Strategic developments", "Non-violent transfer of territory"
    if kinds & {CHANGE}:
        if (lemmas & WITHDRAWAL or {"pull", "out"} <= lemmas) and lemmas & _TAKEOVER:
            # "forces withdrew from the crossing, allowing IS to seize it": the place changed hands unopposed
            return "Strategic developments", "Non-violent transfer of territory"
        return "Strategic developments", "Change to group/activity"
    return None, None


# Another side moving in where forces withdrew.
_TAKEOVER = {"seize", "enter", "capture", "occupy", "control", "takeover", "handover", "hand", "recapture", "retake"}


def territory_sub(gainer: Span | None, group_spans: ActorFinder | None) -> str | None:
    """Who gains the place decides the sub-type; unknown gainer, unknown sub-type."""
    if gainer is None:
        return None
    if group_spans is not None:
        found = [getattr(a, "kind", None) for _, _, a in group_spans(gainer.text)]
        if "state" in found:
            return "Government regains territory"
        if found:
            return "Non-state actor overtakes territory"
    words = {w.strip(".,'").lower().removesuffix("s") for w in gainer.text.split()}
    if words & STATE_WORDS:
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _backdrop(tok: Token) -> bool:
    """An event noun given as the circumstance of another: "after weeks of fighting", "ending the war"."""
    node = tok
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return False
        if head.dep_ == "prep" or head.pos_ == "ADP":
            if head.lower_ in ("after", "following", "amid", "since", "despite", "ending"):
                return True
        if head.lemma_.lower() in ("end", "halt", "stop", "follow") and node.dep_ in ("dobj", "pobj"):
            return True
        node = head
    return False


_DISRUPT_VERBS = {"seize", "recover", "find", "discover", "uncover", "unearth", "confiscate", "defuse", "destroy",
                  "clear", "neutralize", "neutralise", "dismantle", "identify", "locate", "retrieve"}
_HAUL_NOUNS = SEIZED_WEAPONS | {"cache", "haul", "stockpile", "arsenal", "mine", "landmine", "ied", "device", "rocket",
                                "grenade", "shell", "mortar", "bomb"}


def _weapons_disrupted(tokens: set[Token]) -> bool:
    """Weapons found, seized or destroyed: the object (or passive subject) of a finding verb names them."""
    for tok in tokens:
        if tok.lemma_.lower() not in _DISRUPT_VERBS or any(t.lemma_.lower() in _ATTACK_REMAINS for t in tok.subtree):
            continue
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and any(t.lemma_.lower() in _HAUL_NOUNS for t in c.subtree):
                return True
    return False


def _device_found(tokens: set[Token]) -> bool:
    """A bomb found, seized or recovered: "a device was discovered under a car", "recovered an IED", "the bombs
    discovered on Wednesday" ("people who thought they had found sanctuary" as each bomb exploded found none)."""
    return any(tok.lemma_.lower() in ("seize", "recover", "find", "discover")
               and (any(t.i != tok.i and trigger_kind(t) in (IED, BLAST) for t in tok.subtree)
                    or tok.dep_ in ("acl", "relcl", "amod") and trigger_kind(tok.head) in (IED, BLAST))
               for tok in tokens)


def _weapons_destroyed(tokens: set[Token]) -> bool:
    """Security forces destroying or clearing mines and IEDs: "destroyed 342 mines", "an IED was defused"."""
    for tok in tokens:
        if tok.lemma_.lower() in ("destroy", "clear", "neutralize", "neutralise", "detonate", "dismantle") and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("mine", "landmine", "ied", "device", "explosive")
                and any(t.lemma_.lower() in STATE_WORDS or t.lower_ in STATE_WORDS for t in tok.subtree)
                for c in tok.children):
            return True
    return False


def protest_sub(kinds: set[str], lemmas: set[str], *, forces: frozenset[str] = frozenset()) -> tuple[str, str]:
    """Peaceful, met with intervention, met with lethal force, or violent (CODEBOOK 2).

    Args:
        kinds: the trigger kinds of the event.
        lemmas: the words of its clause.
        forces: the words of what security forces named as the initiator did ("opened fire on
            protesters and burned their tents"): their violence is force used on the protest,
            never the protesters' own.
    """
    security = lemmas & {"police", "security", "force", "troop", "soldier", "army", "officer", "guard", "policeman",
                        "authority", "authorities", "regiment", "battalion", "brigade", "paratrooper", "commando",
                        "gendarme", "marine"}
    lethal = forces & LETHAL_CUES or "fire" in forces and not forces & _NONLETHAL
    if lethal or lemmas & LETHAL_CUES and (security or lemmas & {"gunfire", "bullet", "fire", "attack"}):
        return "Protests", "Excessive force against protesters"
    if security and lemmas & {"violently", "brutally"} and lemmas & {"suppress", "attack", "crush", "beat"}:
        # "soldiers violently suppressed a peaceful protest"
        return "Protests", "Excessive force against protesters"
    if kinds & {RIOT, LOOT} or ((lemmas - forces) & VIOLENT_PROTEST_CUES and "peaceful" not in lemmas):
        return "Riots", "Violent demonstration"
    if lemmas & INTERVENTION_CUES or kinds & {ARREST} or forces & VIOLENT_PROTEST_CUES:
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


# What makes fire on a crowd no lethal force: "fired tear gas", "fired into the air".
_NONLETHAL = {"tear", "gas", "teargas", "water", "cannon", "rubber", "pepper", "smoke", "stun", "blank", "warning",
              "air", "canister", "beanbag", "pellet", "flare"}
_SECURITY_WORDS = {"police", "policeman", "policemen", "security", "force", "forces", "troop", "troops", "soldier",
                   "soldiers", "army", "military", "officer", "officers", "guard", "guards", "gendarme", "gendarmes",
                   "paramilitary", "paramilitaries", "commando", "commandos", "riot"}
# What a rioting crowd throws or swings: "hit by bricks and bottles", "attacked with sticks".
_THROWN = {"brick", "stone", "rock", "bottle", "pelt", "pelting"}
# Arms that make a crowd's violence an armed attack: "armed villagers", "gunmen", "opened fire".
_ARMS = {"gun", "rifle", "firearm", "gunfire", "shoot", "shooting", "armed", "gunman", "gunmen", "militant",
         "pistol", "ak-47", "kalashnikov", "militia", "insurgent", "rebel", "terrorist", "jihadist"}
# Words for a crowd; a crowd that attacks, unarmed, riots.
_CROWD_HEADS = {"crowd", "crowds", "mob", "mobs", "rioter", "rioters", "throng", "youths", "looters", "villagers",
                "residents", "locals", "protesters", "demonstrators"}
_CROWD_GROUPS = {"group", "groups", "gang", "gangs", "band", "bands", "hundreds", "dozens", "scores"}
_CROWD_MEMBERS = {"people", "youths", "youth", "men", "villagers", "residents", "locals", "boys", "teenagers",
                  "students", "supporters", "fans"}


def crowd(actor: Span | None) -> bool:
    """An initiator that is a crowd of unarmed people: "a crowd of villagers", "groups of young people", "a mob"."""
    if actor is None:
        return False
    words = [w.strip(".,'\"").lower() for w in actor.text.split()]
    if not words or len(words) > 8:
        return False
    if words[-1] in _CROWD_HEADS or words[0] in _CROWD_HEADS:
        return True
    if any(w in _CROWD_GROUPS for w in words) and any(w in _CROWD_MEMBERS for w in words):
        return True
    return "young" in words and words[-1] in _CROWD_MEMBERS


def _withdrew_after_takeover(tokens: set[Token]) -> bool:
    """A withdrawal told as following the takeover ("the army withdrew after the RSF took control"): taken by force."""
    withdrawals = [t for t in tokens if t.lemma_.lower() in WITHDRAWAL]
    if not withdrawals:
        return False
    for tok in tokens:
        if not (trigger_kind(tok) in (GAIN, LOSS) or tok.lemma_.lower() == "control"):
            continue
        for clause in (tok, *tok.ancestors):
            after = any(c.dep_ == "mark" and c.lower_ in ("after", "once") for c in clause.children) or (
                clause.dep_ in ("pobj", "pcomp") and clause.head.lower_ in ("after", "following"))
            if after:
                if not any(w in clause.subtree for w in withdrawals):
                    return True
                break
    return False


# Words of the bodies that police and try ordinary crime ("St. Louis Police", "the FBI").
_POLICING = {"police", "department", "sheriff", "court", "bureau", "agency", "office", "fbi", "nbi", "squad",
             "patrol", "pd", "constabulary", "command", "customs", "guard"}


def _organisation_named(doc: Doc, tokens: set[Token]) -> bool:
    """Whether an organisation other than a police, court or agency is named among an event's tokens."""
    ids = {t.i for t in tokens}
    return any(ent.label_ == "ORG" and any(t.i in ids for t in ent)
               and not any(t.lower_ in _POLICING for t in ent) for ent in doc.ents)


def _security(actor: Span | None) -> bool:
    return actor is not None and any(w.strip(".,'\"").lower() in _SECURITY_WORDS for w in actor.text.split())


def _forces_deeds(actor: Span | None, doc: Doc) -> frozenset[str]:
    """The words of what security forces named as the initiator did: their verbs and what those act on.

    "Sudanese security forces opened fire on protesters and burned their tents" gives "open",
    "fire", "burn", "tent"; a clash is both sides' doing and stays the crowd's too.
    """
    if not _security(actor) or actor is None:
        return frozenset()
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj":
        return frozenset()
    verb = span.root.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and
                     not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))]
    own = [w for v in verbs for w in (v, *(c for c in v.children if c.dep_ in ("dobj", "prt", "acomp")))]
    words = {t.lemma_.lower() for t in own} | {t.lower_ for t in own}
    return frozenset(words - {"clash", "fight", "scuffle"})


def grievance(tok: Token) -> bool:
    """A word of what a protest is about: "protest over the fatal shooting", "rally against police brutality"."""
    node = tok
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ in ("over", "against", "about") and trigger_kind(head) == PROTEST:
            return True
        if node.pos_ == "VERB" and node is not tok:
            return False  # a clause of its own ("rallied against X, clashing with police") is no topic
        node = head
    return False


def _demonstration_near(tokens: set[Token]) -> bool:
    """A demonstration or riot told in the sentence, the two before it in its paragraph, or the headline."""
    if not tokens:
        return False
    sent = next(iter(tokens)).sent
    doc = sent.doc
    sents = [sent]
    for _ in range(2):
        first = sents[-1].start
        if first == 0 or "\n" in doc[first - 1].text + doc[first - 1].whitespace_:
            break  # not across a paragraph break
        sents.append(doc[first - 1].sent)
    sents.append(doc[0].sent)
    return any(trigger_kind(t) in (PROTEST, RIOT) for s in sents for t in s)


def armed_target(actor2: Span | None, lemmas: set[str], doc: Doc, tokens: set[Token]) -> bool:
    """Battles when the ones attacked are armed: soldiers, police, militants, a base or checkpoint."""
    if actor2 is not None:
        words = {w.strip(".,'\"").lower().rstrip("s") for w in actor2.text.split()}
        words |= {w.strip(".,'\"").lower() for w in actor2.text.split()}
        if words & CIVILIAN_TARGETS:
            return False
        return bool(words & ARMED_TARGETS)
    victims = {t.lemma_.lower() for t in tokens if t.dep_ in ("nsubjpass", "dobj", "pobj", "nsubj")}
    if victims & CIVILIAN_TARGETS:
        return False
    return bool(victims & ARMED_TARGETS)


# -- role hints: who a clause's words stand for, read from the article around it (events._roles) ----------

_PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "them", "who", "which", "that"}
_RIOTER_WORDS = {"mob", "mobs", "rioter", "rioters", "looters"}
_POLICE_WORDS = {"police", "policeman", "policemen", "policewoman"}
# A bare rank or role that names no force by itself: "shot dead by officers".
BARE_OFFICERS = {"officer", "officers", "agent", "agents"}


def gainer_before(tok: Token, *, loser: Span | None = None) -> Token | None:
    """The side an earlier sentence says took a place, for a later one that does not name who.

    "Kurdish Peshmerga fighters retook the town of Sinjar ... Barzani announced that the town had
    been 'liberated'": the nearest earlier clause with a territory verb and a named taker (its
    subject, or its by-agent), not a pronoun and not the loser.
    """
    doc = tok.doc
    start = tok.sent.start
    earlier = [s for s in doc.sents if s.end <= start]
    for sent in reversed(earlier):
        for t in sent:
            if t.pos_ != "VERB" or trigger_kind(t) != GAIN or not is_asserted(t):
                continue
            taker = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if taker is None:
                taker = next((p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            if taker is None or taker.lower_ in _PRONOUNS or taker.pos_ == "PRON":
                continue
            if loser is not None and loser.start <= taker.idx < loser.end:
                continue
            return taker
    return None


def rioters_named(tok: Token) -> Token | None:
    """The article's own word for a crowd that riots ("Mob kills man", "Rioters set fire to ..."), nearest first."""
    hits = [t for t in tok.doc if t.lower_ in _RIOTER_WORDS and t.pos_ in ("NOUN", "PROPN")]
    if not hits:
        return None
    before = [t for t in hits if t.i < tok.i]
    return before[-1] if before else hits[0]


def generic_named_as(actor: Span, trig: Token) -> Token | None:
    """The article's own name for a generic initiator, or None to keep it.

    A crowd that riots is the "mob" or the "rioters" the article names ("A crowd of villagers beat
    a man to death" under "Mob kills man"); a bare "officers" is the police its sentence names.
    """
    words = [w.lower().strip(".,'\"") for w in actor.text.split()]
    if crowd(actor) and not set(words) & _RIOTER_WORDS:
        return rioters_named(trig)
    if words and words[-1] in BARE_OFFICERS and len([w for w in words if w not in ("the", "some", "two")]) == 1:
        return police_named(trig)
    return None


def police_named(tok: Token) -> Token | None:
    """The police a bare "officers" stands for, when its sentence names them ("... in which police stopped")."""
    return next((t for t in tok.sent if t.lower_ in _POLICE_WORDS and t.i != tok.i), None)
