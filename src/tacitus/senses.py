"""Word senses: whether a trigger word reports violence by people or something else.

Takes tokens and sentences of a spaCy parse and returns booleans.
``figurative`` rejects a trigger word used in another sense (sport, markets,
politics, fiction, disease, animals, accidents, launches, mining, filming,
business and court agreements); ``needs_evidence`` and
``violence_evidence`` keep a weak use ("beat", "hit", "fight", "attack on
Trump") only where arms, armed men or harm are named in its sentence;
``sporting`` and ``market`` tell sentences about games and prices.
``triggers.py`` calls these while it finds triggers; the lexicon lives in
``lexicon.py``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from tacitus.lexicon import (
    AFTERLIFE,
    AGREE,
    AGREEMENT_TALKS,
    AIR,
    ARMED_TARGETS,
    ARREST,
    ATTACK,
    BLAST,
    BOMB_NON_EVENTS,
    CIVILIAN_TARGETS,
    CIVIL_AGREEMENTS,
    CLASH,
    COMPUTING,
    COURT_WORDS,
    EQUIPMENT_HEADS,
    EXECUTE,
    EXPLOSIVE_HEADS,
    FILMING,
    GAIN,
    GRENADE,
    GROWTH,
    HARDWARE_HEADS,
    HARDWARE_MODIFIERS,
    IED,
    KILL,
    LAUNCH_WORDS,
    LAW_ENFORCEMENT,
    LOSS,
    MECHANICAL_AGENTS,
    MEDICAL,
    MINE_CUES,
    MINING,
    MINING_CONTEXT,
    MOB,
    OUTCOME,
    PLACE_WORDS,
    PROTEST,
    RAMMING,
    RECORDINGS,
    RIOT,
    SHELL,
    SUICIDE,
    TAKERS,
    WAR_CRAFT,
    trigger_kind,
)

logger = logging.getLogger(__name__)

# Modifiers that make a grenade a crowd-control munition, not an explosive weapon.
CROWD_MUNITIONS = {"stun", "tear", "gas", "teargas", "smoke", "flash", "flashbang", "sound", "noise", "rubber", "pepper",
                   "concussion"}


# -- word sense: violence by people, or a sporting, market, figurative or fictional use --------------
#
# "beat", "hit", "strike", "fight" and their kin report violence in conflict news and
# something else everywhere else: "Switzerland beat Gibraltar 6-0", "farmers hit by
# tariffs", "That struck me as different", "a bitter fight to get Apple to drop prices".
# A use is rejected outright when its arguments or frame say so (``figurative``); a
# weak use stands only with violence told around it (``needs_evidence`` +
# ``violence_evidence``), so "gunmen beat him to death" and "protesters fought police" stay.

# Arms, armed men and harm done: what shows a sentence tells physical violence by people.
VIOLENCE_EVIDENCE = {
    "gun", "gunfire", "gunshot", "rifle", "pistol", "firearm", "weapon", "knife", "machete", "axe", "sword",
    "bomb", "grenade", "bullet", "missile", "rocket", "shell", "mortar", "explosive", "ied", "artillery",
    "airstrike", "stone", "brick", "baton", "rod", "acid", "molotov", "teargas", "militant", "gunman", "gunmen",
    "insurgent", "rebel", "terrorist", "soldier", "troop", "army", "militia", "militiaman", "jihadist",
    "guerrilla", "guerilla", "extremist", "attacker", "assailant", "separatist", "bandit", "police",
    "policeman", "policemen", "officer", "force", "paramilitary", "commando", "sniper", "mob", "rioter",
    "protester", "protestor", "demonstrator", "thug", "kill", "murder", "stab", "dead", "wound", "injure",
    "bleed", "clash", "riot", "violence", "violent", "attack", "ambush", "raid", "assault", "bombing", "killing",
    "explosion", "blast", "shelling", "shooting", "massacre", "war", "combat", "hostage", "kidnap", "abduct",
    "bomber", "device", "canister", "landmine", "gunfight", "firefight", "crossfire", "death", "injury", "casualty",
}
# The attack/strike/hit is aimed at an idea, a figure or a market, not at people or places.
ABSTRACT_OBJECTS = {
    "policy", "record", "idea", "plan", "view", "claim", "remark", "comment", "statement", "rhetoric", "decision",
    "proposal", "bill", "law", "report", "speech", "stance", "agenda", "budget", "reform", "deal", "agreement",
    "balance", "chord", "note", "tone", "pose", "match", "bargain", "gold", "oil", "compromise", "nerve", "fear",
    "sense", "blow", "high", "low", "level", "maximum", "minimum", "peak", "forecast", "estimate",
    "expectation", "shelf", "headline", "button", "jackpot", "dirt", "gym", "ball",
    "chorus", "note", "stride", "mark", "milestone", "threshold", "barrier", "limit",
    "percent", "%", "price", "rate", "extradition", "air", "corruption", "poverty", "inflation", "disease",
    "cancer", "fuel", "fire", "coal", "wood", "calorie", "fat", "candle", "incense", "trash", "waste", "stubble",
    "cash", "money", "warrant", "order", "contract", "will", "trade", "move", "strategy", "search", "transaction",
    "script", "prices", "charge", "conviction", "ruling", "lawsuit",
    "rumor", "rumour", "speculation", "notion", "suggestion", "theory", "gear", "flame", "blaze", "wildfire",
    "inferno", "investigation", "ad", "advert", "advertisement", "campaign", "handling", "response", "program",
    "programme", "project", "scheme", "footage", "film", "movie", "video", "scene", "episode", "photo", "picture",
    "problem", "issue", "question",
}
# Causes of death that are nobody's violence.
NONVIOLENT_CAUSES = {
    "plague", "pandemic", "epidemic", "disease", "illness", "pollution", "cancer", "flu", "influenza",
    "infection", "malaria", "cholera", "ebola", "measles", "tuberculosis", "pneumonia", "virus", "covid",
    "tariff", "tariffs", "heat", "cold", "hunger", "starvation", "overdose", "complication", "cause", "age",
    "death", "recession", "inflation", "crisis", "storm", "lightning", "flood", "earthquake", "tragedy",
    "ailment", "condition", "emphysema", "stroke", "diabetes", "hiv", "aids", "dengue", "diarrhoea",
    "diarrhea", "typhoid", "meningitis", "hepatitis", "sepsis", "asthma", "drowning", "drown", "exposure",
    "hypothermia", "dehydration", "malnutrition", "accident", "crash", "wreck", "collision",
    "avalanche", "stampede", "crush", "electrocution", "tumor", "tumour", "leukemia", "dementia",
}
ANIMALS = {"rabbit", "dog", "cat", "animal", "bird", "deer", "wolf", "bear", "lion", "tiger", "elephant", "rhino",
           "horse", "fish", "shark", "snake", "rat", "mouse", "insect", "mosquito", "whale", "dolphin", "monkey",
           "bat", "fox", "boar", "pigeon", "squirrel", "crocodile", "alligator", "hippo", "leopard", "wildlife",
           "bulldog", "poodle", "terrier", "retriever", "puppy", "kitten", "pet", "livestock", "cattle", "cow",
           "sheep", "goat", "pig", "chicken", "poultry", "bee", "wasp", "hornet", "spider", "cougar", "coyote",
           "egg", "calf", "lamb", "bull", "dogs", "cats"}
# Modifiers of "attack" and "explosion" that name no violence: "heart attack", "supernova explosions".
NONVIOLENT_MODIFIERS = ANIMALS | {"heart", "panic", "anxiety", "asthma", "cyber", "ransomware", "phishing", "hacker",
                                  "malware", "ddos", "denial-of-service", "spam", "computer", "network", "virus",
                                  "hacking", "cyberattack", "internet", "online", "email",
                                  "supernova", "star", "stellar", "population", "growth", "popularity", "demand",
                                  "data", "sonic", "solar", "price", "cost"}
SPORT_WORDS = {"game", "match", "season", "league", "team", "coach", "player", "score", "goal", "tournament",
               "championship", "playoff", "quarterback", "touchdown", "inning", "nfl", "nba", "nhl", "mlb", "fifa",
               "uefa", "assist", "rookie", "semifinal", "medal", "midfielder", "backstroke", "doubles", "singles",
               "qualifier", "rebound", "teammate", "scorer", "penalty", "referee", "homer", "pitcher", "batter",
               "streak", "hitter", "wrestler", "wrestling", "boxing", "knockout", "fielder", "scholarship",
               "basketball", "football", "baseball", "soccer", "hockey", "cricket", "rugby", "tennis", "golf"}
MARKET_WORDS = {"stock", "share", "index", "price", "bond", "yield", "currency", "dollar", "rupee",
                "euro", "yen", "equity", "trend", "investor", "trader", "sensex", "nifty", "dow", "nasdaq", "s&p",
                "ftse", "nikkei", "benchmark", "percent", "%", "earnings", "revenue", "profit", "sale", "forecast"}
# Nouns a story is told in: "In the final scene from Braveheart", "In The Dragon Waiting, ...".
FICTION_NOUNS = {"scene", "film", "movie", "novel", "episode", "sitcom", "book", "game", "videogame", "sequel",
                 "trailer", "chapter", "comic", "fiction", "adventure", "song", "album", "musical", "opera"}
CONFLICT_CUES = {"peace", "ceasefire", "cease-fire", "truce", "rebel", "militant", "prisoner", "swap", "exchange",
                 "armed", "war", "hostility", "insurgent", "militia", "fighting", "conflict", "disarmament",
                 "demobilization", "guerrilla", "separatist", "jihadist", "army", "troop", "military", "soldier",
                 "mutiny", "mutineer", "nuclear", "crisis", "opposition", "hostage", "violence", "killing"}
COMMERCIAL_WORDS = {"trade", "tariff", "company", "business", "commercial", "purchase", "price", "contract", "merger",
                    "acquisition", "licence", "license", "licensing", "supplier", "customer", "investor", "market",
                    "publisher", "book", "right", "royalty", "wage", "salary", "lease", "sponsorship", "export",
                    "import", "bank", "loan", "debt", "bond", "shareholder", "firm", "airline", "brand", "retailer"}
HUMAN_NOUNS = CIVILIAN_TARGETS | ARMED_TARGETS | {"member", "activist", "spy", "informant", "collaborator",
                                                  "suspect", "convict", "inmate", "detainee", "dissident",
                                                  "opponent", "leader", "ruler", "king", "president", "minister",
                                                  "people", "individual", "captive", "deserter", "traitor",
                                                  "youth", "teenager", "teen", "fugitive", "escapee", "criminal",
                                                  "murderer", "killer", "robber", "thief", "gunman", "gunmen",
                                                  "smuggler", "trafficker", "dealer", "presenter", "host",
                                                  "official", "mayor", "governor", "senator", "candidate"}
# "6-0", "6-7 (4)", "Blue Jackets 5, Canadiens 2:"; not "2010-2015", "AK-47", "M-19".
_SCORE = re.compile(r"(?<![\w-])\d{1,2}[-–]\d{1,2}(?![\w-])|\b[A-Z]\w+ \d{1,2}, [A-Z][\w ]+ \d{1,2}:")
_RESULT_VERBS = {"beat", "defeat", "win", "draw", "lose", "edge", "rout", "thrash", "tie"}
_PERSONAL_PRONOUNS = {"him", "her", "them", "he", "she", "they", "whom", "who", "us", "we", "me", "i"}


def violence_evidence(sent: SpacySpan, *, exclude: Iterable[Token] = ()) -> bool:
    """True when a sentence names arms, armed men or harm done besides the words in ``exclude``."""
    skip = {t.i for t in exclude}
    for t in sent:
        if t.i in skip or t.pos_ in ("PROPN",) and t.ent_type_ not in ("", "NORP"):
            continue
        lemma = t.lemma_.lower()
        if lemma in VIOLENCE_EVIDENCE or t.lower_ in VIOLENCE_EVIDENCE:
            if lemma == "wound" and any(c.dep_ == "prt" for c in t.children):
                continue  # "wound up"
            if lemma == "force" and not any(c.lemma_.lower() in ("security", "armed", "government", "special")
                                            or c.ent_type_ in ("NORP", "GPE") for c in t.children):
                continue  # "a driving force", "in force"
            return True
        if lemma in ("shoot", "fire") and t.pos_ == "VERB" and not any(c.dep_ == "prt" for c in t.children):
            return True  # "fired nine shots", not "fired up the crowd"
    return False


# What a clash comes "with" that is not a side: "an ongoing clash ... with an unknown number of casualties".
_CLASH_OUTCOMES = frozenset({"number", "casualty", "death", "injury", "loss", "toll", "result", "weapon", "gun"})


def sporting(sent: SpacySpan) -> bool:
    """A sentence about a game: a score ("Wales beat Hungary 2-0", "Blue Jackets 5, Canadiens 2") or sport words.

    A lone range is no score: "10 were killed and 7-8 wounded". Asked once per sentence, whatever
    the number of its triggers (the answer is kept on the Doc).
    """
    cache = sent.doc.user_data.setdefault("tacitus.sporting", {})
    key = (sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _sporting(sent)
    return found


def _sporting(sent: SpacySpan) -> bool:
    sport = len({t.lemma_.lower() for t in sent} & SPORT_WORDS)
    scores = len(_SCORE.findall(sent.text))
    if scores and (sport or scores > 1 or any(t.lemma_.lower() in _RESULT_VERBS for t in sent)):
        return True
    return sport >= 2


def market(sent: SpacySpan) -> bool:
    """A sentence about prices, indices and trade figures."""
    return bool({t.lemma_.lower() for t in sent} & MARKET_WORDS) or any(t.text == "%" for t in sent)


def _words(tokens: Iterable[Token]) -> set[str]:
    return {w for t in tokens for w in (t.lemma_.lower(), t.lower_)}


class _LazyWords:
    """The words of a sentence but one token, read only when a rule asks (most triggers need none)."""

    __slots__ = ("_sent", "_tok", "_set")

    def __init__(self, sent: SpacySpan, tok: Token) -> None:
        self._sent, self._tok, self._set = sent, tok, None

    def __and__(self, other: Iterable[str]) -> set[str]:
        if self._set is None:
            self._set = _words(t for t in self._sent if t.i != self._tok.i)
        return self._set & set(other)


def _args(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    """The arguments of a word with their conjuncts: "attacked Trump's wife, children, family"."""
    out = [c for c in tok.children if c.dep_ in deps]
    for c in list(out):
        out += [x for x in c.conjuncts if x not in out]
    return out


def _objects(tok: Token) -> list[Token]:
    objs = _args(tok, ("dobj", "nsubjpass"))
    if tok.pos_ == "NOUN" or not objs:
        objs += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                 for p in _args(c, ("pobj",))]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        objs.append(tok.head)  # "farmers hit by tariffs"
    return objs


def _agents(tok: Token) -> list[Token]:
    subj = _args(tok, ("nsubj",))
    subj += [p for c in tok.children if c.dep_ == "agent" for p in _args(c, ("pobj",))]
    subj = [tok.head if s.lower_ in ("that", "which") and tok.dep_ == "relcl" else s for s in subj]
    if not subj and tok.dep_ in ("advcl", "conj", "xcomp") and tok.tag_ == "VBG":
        subj = _args(tok.head, ("nsubj",))  # "the Black Death spread ..., killing ..."
    if not subj and tok.dep_ == "acl" and tok.tag_ == "VBG":
        subj = [tok.head]  # "With Hong Kong protests exploding to new levels"
    return subj


def _abstract(tok: Token) -> bool:
    """An idea, a figure or a thing of no account as the object of "hit", "attack", "beat": "hitting 16.057%"."""
    if tok.like_num or tok.pos_ == "NUM":
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _args(c, ("pobj",))]
        if of:
            return all(_abstract(p) for p in of)  # "one of Libya's main oil pipelines" is a pipeline
    return tok.ent_type_ in ("PERCENT", "MONEY", "QUANTITY") or tok.lemma_.lower() in ABSTRACT_OBJECTS


def is_human(tok: Token, *, by_word: bool = False) -> bool:
    """A person or people: a name, a personal pronoun or a noun for people ("villagers", "inmates", "him").

    Args:
        tok: the word.
        by_word: judge by the word alone, not by the entity tagger (which calls "a meth lab" a person).
    """
    if by_word:
        return tok.lower_ in _PERSONAL_PRONOUNS or tok.lemma_.lower() in HUMAN_NOUNS or \
            tok.lemma_.lower().rstrip("s") in HUMAN_NOUNS
    return _human(tok)


def _human(tok: Token) -> bool:
    return tok.ent_type_ in ("PERSON", "NORP") or tok.lower_ in _PERSONAL_PRONOUNS or \
        tok.lemma_.lower() in HUMAN_NOUNS or tok.lemma_.lower().rstrip("s") in HUMAN_NOUNS


def _fiction(tok: Token) -> bool:
    """Told in a film, a novel or a game: "In the final scene from Braveheart, ...", "In The Dragon Waiting"."""
    first = tok.sent[0]
    if first.lower_ != "in" or first.dep_ != "prep" or first.i > tok.i:
        return False
    for obj in _args(first, ("pobj",)):
        if obj.ent_type_ == "WORK_OF_ART" or obj.lemma_.lower() in FICTION_NOUNS and (
                obj.lemma_.lower() != "scene" or any(c.dep_ in ("prep", "amod") for c in obj.children)):
            return True
    return False


HYPHEN_PREFIXES = {"counter", "re", "gun", "fire", "air", "sea", "street", "ground", "hand", "to", "close", "inter",
                   "intra", "cross", "border", "knife", "acid", "mob", "suicide", "drone", "car", "truck", "tribal",
                   "sectarian", "ethnic", "clan", "gang", "revenge", "honour", "honor", "dowry", "execution"}


def _state_adjective(tok: Token) -> bool:
    """A participle naming a state before its noun: "occupied Palestinian land", "the detained families".

    "newly captured areas" and "Islamic State-occupied Tabqa" still tell who took what.
    """
    if tok.i > 0 and tok.nbor(-1).dep_ == "cc":
        return False  # "attacked ... and captured parts of the city", misparsed as an adjective
    return tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD", "JJ") and tok.head.i > tok.i and \
        _hyphen_prefix(tok) is None and not any(c.lower_ in ("newly", "recently", "just") for c in tok.children)


def _hyphen_prefix(tok: Token) -> str | None:
    """The first part of a hyphenated word, split by the tokenizer or not: "pathogen-fighting" -> "pathogen"."""
    if "-" in tok.text.strip("-"):
        return tok.lower_.rsplit("-", 1)[0].rsplit("-", 1)[-1]
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text in ("-", "–") and not doc[tok.i - 1].whitespace_ and \
            not doc[tok.i - 2].whitespace_:
        return doc[tok.i - 2].lower_
    return None


def figurative(tok: Token, kind: str) -> bool:
    """True when a trigger word is used in a sense that reports no violence by people.

    Sport ("Russia beat Croatia", "Herbert and Mahut rallied to defeat ..."),
    markets ("hitting 16.057%", "the Nifty has been rallying"), abstract or
    animal targets ("attacked each other's policies", "killed a wild rabbit"),
    non-human killers ("the plague has killed millions"), figurative frames
    ("struck me as", "under attack as a new leader", "fought to get the script",
    "wound up", "a heart attack", "supernova explosions"), stories told in a
    film, a novel or a game, and generic "you"; weapon words in another
    sense (``_other_sense``: launches, mines dug, hardware, filming,
    criticism, police raids), deaths by illness, age or accident and of
    animals (``_natural_death``), harm by cars, fire and weather
    (``_mechanical_harm``), and business, court and talks "agreements".
    """
    lemma = tok.lemma_.lower()
    sent = tok.sent
    prts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    if _fiction(tok):
        return True
    if kind not in (PROTEST, ARREST) and sporting(sent) and not violence_evidence(sent, exclude=(tok,)) \
            and not any(_physical_target(o) for o in _args(tok, ("dobj", "nsubjpass"))):
        return True  # "The 'Adamek Bomb' ignited an eight match winning streak", "injuries" of a team
    if _other_sense(tok, kind) or _natural_death(tok, kind) or _mechanical_harm(tok, kind):
        return True
    if any(c.lower_ == "you" and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
        return True  # "you'll be attacked by three enemy factions": a game's player, anyone's experience
    prefix = _hyphen_prefix(tok)
    if prefix and kind in (CLASH, KILL, ATTACK, EXECUTE) and (tok.tag_ in ("VBG", "VBN", "JJ") or tok.pos_ == "ADJ") \
            and prefix not in VIOLENCE_EVIDENCE | HYPHEN_PREFIXES:
        return True  # "pathogen-fighting", "well-executed", "stubble-burning"
    if lemma in ("wound", "wind") and prts & {"up", "down"}:
        return True
    if kind == GRENADE and any(t.lemma_.lower() in CROWD_MUNITIONS or t.lower_ in CROWD_MUNITIONS
                               for t in tok.doc[tok.left_edge.i : tok.i]):
        return True  # "stun grenades", "tear gas grenades": crowd control, told by the protest it met
    if lemma == "mine" and not any(c.dep_ in ("det", "amod", "compound", "nummod", "poss") for c in tok.children) \
            and tok.dep_ != "compound" and tok.lower_ == "mine":
        return True  # the pronoun: "I boiled mine"
    if lemma == "offensive" and tok.dep_ == "amod":
        return True  # "offensive players"
    if lemma in ("attack", "explosion", "explode") and any(
            c.lemma_.lower() in NONVIOLENT_MODIFIERS and c.dep_ in ("compound", "amod", "nmod", "nsubj", "poss")
            for c in tok.children):
        return True
    if lemma == "explode" and any(trigger_kind(s) in (PROTEST, RIOT) for s in _agents(tok)):
        return True  # "protests exploding to new levels"
    if lemma in ("beat", "hit", "strike", "fight", "battle", "rally", "attack") and (
            sporting(sent) and not any(_physical_target(o) for o in _args(tok, ("dobj", "nsubjpass")))
            or market(sent) and lemma in ("hit", "beat", "rally")):
        return True  # not "supporters attacked the headquarters of the local football team"
    if lemma in ("beat", "hit", "strike", "attack", "fight", "battle", "hurt", "burn", "shoot", "blast", "target",
                 "hack") and tok.pos_ in ("VERB", "NOUN"):
        if prts & {"out", "on"} or lemma == "strike" and any(c.dep_ == "prep" and c.lower_ == "as"
                                                            for c in tok.children):
            return True  # "beaten out by", "hit on a product", "struck me as political"
        objs = _objects(tok)
        if objs and all(_abstract(o) or o.lemma_.lower() in ANIMALS for o in objs):
            return True
        if lemma in ("fight", "battle") and any(c.dep_ in ("xcomp", "acl", "advcl") and c.tag_ == "VB" and
                                                c.i > tok.i and any(a.lower_ == "to" for a in c.children)
                                                for c in tok.children):
            return True  # "fought to get the full script", "battle to win the election"
    if lemma in ("kill", "hit", "hurt", "strike", "die", "death") and any(
            a.lemma_.lower() in NONVIOLENT_CAUSES for a in _agents(tok) + _causes(tok) +
            ([t for t in tok.subtree if t.i != tok.i] if tok.pos_ == "NOUN" else [])):
        return True  # "plague has killed millions", "deaths stemming from air pollution", "died of natural causes"
    if lemma == "kill" and (objs := _objects(tok) or [o for c in tok.conjuncts for o in _objects(c)]) and \
            all(o.lemma_.lower() in ANIMALS for o in objs):
        return True  # "killed and ate a wild rabbit"
    if lemma == "hurt" and (tok.pos_ == "ADJ" or tok.dep_ == "acomp" or any(
            c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in tok.children)):
        return True  # "I am very hurt that she ignored me", "Warren, who hurt herself by stumbling through questions"
    if lemma == "strike" and tok.pos_ == "ADJ":
        return True
    if lemma == "suicide" and (tok.head.lemma_.lower() in SELF_HARM_HEADS or
                               tok.head.lemma_.lower() not in SUICIDE_HEADS | MECHANICAL_AGENTS and
                               not _words(sent) & SUICIDE_HEADS
                               if tok.dep_ in ("compound", "amod", "nmod")
                               else tok.head.lemma_.lower() == "commit" or not _words(sent) & SUICIDE_HEADS):
        return True  # "Epstein's suicide", "suicide watch", "an assisted suicide network"; not "suicide bomber"
    if lemma == "suicide" and any(c.lemma_.lower() in ("assist", "assisted", "physician-assisted") or
                                  c.lower_.endswith("assisted") for c in tok.children):
        return True
    if tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in LEGAL_HEADS:
        return True  # "the rape charge", "drops rape investigation", "pipeline protest laws"
    if kind == OUTCOME and tok.pos_ == "PROPN":
        return True  # "the Black Death"
    if lemma == "body" and tok.lower_ == "body" and not _words(sent) & BODY_HARM:
        return True  # a body found tells a killing only with the signs of one: "a body riddled with bullets"
    if kind == ARREST and _state_adjective(tok):
        return True  # "the detained families": a state, not an arrest
    if lemma in ("fight", "battle") and tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children) and \
            any(c.lower_ == "against" for c in tok.children) and not any(
                t.ent_type_ in ("GPE", "LOC", "FAC") for t in sent):
        return True  # "an outpost in the fight against the Islamic State group": a campaign, not a clash
    if lemma in ("drone", "rocket", "missile") and tok.pos_ == "NOUN" and not {
            t.lemma_.lower() for t in sent if t.pos_ != "PROPN" and t.i != tok.i} & FIRING_CUES:
        return True  # "a drone flying around on Titan", "smaller rockets, citing Cooke's testimony"
    if lemma in ("execute", "execution") and not _executed_person(tok):
        return True
    if lemma == "demonstrate" and tok.pos_ == "VERB" and (
            any(c.dep_ in ("dobj", "ccomp", "nsubjpass", "auxpass") for c in tok.children) or
            tok.dep_ == "advcl" and any(c.dep_ == "agent" for c in tok.children)):
        return True  # "this case demonstrates that ...", "as demonstrated by his departure"
    if lemma == "march" and tok.dep_ in ("amod", "compound") and not _human(tok.head):
        return True  # "a marching band"
    if lemma == "rally" and any(a.lemma_.lower() in MARKET_WORDS or a.ent_type_ in ("ORG", "PRODUCT")
                                for a in _agents(tok)):
        return True  # "the Nifty has been rallying"
    if lemma in ("seize", "capture") and (tok.i + 1 < len(tok.doc) and tok.nbor().lower_ in ("on", "upon") and
                                          tok.nbor().dep_ == "prep" and tok.dep_ not in ("acl", "relcl") and
                                          not _args(tok, ("dobj", "nsubjpass")) or
                                          tok.pos_ == "NOUN" and not _args(tok, ("prep",))):
        return True  # "Smith seized on something", "Chromecast captures"
    if kind in (GAIN, LOSS) and (_state_adjective(tok) or any(a.lower_ in ("i", "you") for a in _agents(tok))):
        return True  # "occupied land" is a state, not a capture; "when I took over Washington" (a coach)
    if lemma == "take" and kind == GAIN and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") or
                                                    c.dep_ == "prep" and c.lower_ != "as" for c in tok.children) \
            and not (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return True  # "it was Morrison who took over"
    if kind == AGREE and lemma in ("agreement", "accord", "deal", "pact", "exchange", "swap", "prisoner") and (
            not _words(sent) & CONFLICT_CUES and (_words(sent) & COMMERCIAL_WORDS or not any(
                t.ent_type_ in ("GPE", "NORP") for t in sent)) or _civil_agreement(tok)):
        return True  # trade, business, court and publishing agreements; a plea deal; talks on a swap
    if kind == AGREE and lemma == "surrender" and not _armed_party(tok):
        return True  # "anticipated them surrendering to authorities": a suspect, not a fighter
    return False


def _civil_agreement(tok: Token) -> bool:
    """A plea, trade or settlement agreement, a car model, or talks about an agreement rather than one made."""
    if tok.lemma_.lower() == "accord" and tok.is_title and tok.i > tok.sent.start:
        return True  # "a 2003 Honda Accord"
    if any(c.lemma_.lower() in CIVIL_AGREEMENTS for c in tok.children if c.dep_ in ("compound", "amod", "nmod")):
        return True  # "a new plea agreement", "a licensing deal"
    node = tok
    for _ in range(3):
        if node.dep_ != "compound" or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in AGREEMENT_TALKS:
            return True  # "the prisoner exchange negotiations"
    return bool(_words(tok.sent) & COURT_WORDS) and not _words(tok.sent) & CONFLICT_CUES


def _armed_party(tok: Token) -> bool:
    """Fighters, soldiers or an armed group among those who surrender, or a war told around them."""
    who = _agents(tok) or ([tok.head] if tok.dep_ in ("acl", "relcl") else [])
    who = [w for a in who for w in a.subtree]  # "an entire company of the Tarhuna Brigade"
    # the side given up to: "surrendered to security forces" (not "to police", "to authorities")
    who += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in _args(c, ("pobj",))
            if p.lemma_.lower() in TAKERS and not any(m.lemma_.lower() in ("police", "task") for m in p.children)]
    if any(w.lemma_.lower() in ARMED_TARGETS or w.lemma_.lower() in TAKERS or w.ent_type_ in ("ORG", "NORP")
           for w in who):
        return True
    return bool(_words(tok.sent) & (CONFLICT_CUES - {"crisis", "opposition"}))


# -- weapon and war words in another sense: launches, mines, hardware, filming, criticism ------------------


def _sport_unit(tok: Token) -> bool:
    """A play counted in runs, points or yards: "a three-run blast", "a two-point shot"."""
    return any(c.lower_.endswith(("-run", "-pointer", "-point", "-yard", "-yarder", "-goal")) or
               c.lemma_.lower() in ("homer", "solo", "grand-slam") or
               c.lemma_.lower() in ("run", "pointer", "point", "yard", "yarder", "goal") and
               any(n.dep_ == "nummod" for n in c.children)
               for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "nmod"))


def _physical_target(tok: Token) -> bool:
    """A place, a building, a vehicle or armed men: what can be blasted, rocketed or raided."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or lemma in PLACE_WORDS or lemma in ARMED_TARGETS or \
        lemma in CIVILIAN_TARGETS and not _human(tok) or lemma in MECHANICAL_AGENTS or lemma in ("position", "home")


def _listed_kinds_of(tok: Token) -> bool:
    """Whether a noun heads a list of kinds that ends on the thing they are kinds of ("attack, bomber,
    fighter and remotely piloted aircraft"), which the parser reads as a list of nouns."""
    node, seen = tok, 0
    while seen < 6:
        nxt = next((c for c in node.children if c.dep_ == "conj"), None)
        if nxt is None:
            break
        node, seen = nxt, seen + 1
    return seen > 0 and node.lemma_.lower() in EQUIPMENT_HEADS and not any(c.dep_ == "det" for c in node.children)


def _equipment(tok: Token) -> bool:
    """Whether a chain of modifiers leads up to a kind of thing before any deed: "a VBIED storage facility",
    not "a chemical weapons attack"."""
    node = tok
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i > node.i and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
        if node.lemma_.lower() in EQUIPMENT_HEADS:
            return True
        if trigger_kind(node) is not None:
            return False
    return False


# What strikes from the air or afar: the subject of a verb whose object is then the thing struck.
_STRIKERS = WAR_CRAFT | {"air-strike", "raid", "airraid", "bombardment", "shelling", "sortie", "artillery", "missile"}
_STRUCK_VERBS = {"destroy", "damage", "hit", "strike", "target", "engage", "suppress", "bomb", "knock", "disable"}


def _struck_thing(tok: Token) -> bool:
    """Whether a weapon word names what a strike hit, not the means of a deed of its own.

    "seven strikes engaged four ISIL tactical units; destroyed ... four VBIEDs", "jets struck
    rocket launchers": the car bombs and the rockets are targets. "Police destroyed two IEDs"
    (no striker) stays weapons disrupted.
    """
    node = tok
    for _ in range(12):
        if node.dep_ in ("compound", "amod", "nmod", "conj", "appos") and node.head.i != node.i:
            node = node.head
        else:
            break
    if node.dep_ != "dobj" or node.head.lemma_.lower() not in _STRUCK_VERBS:
        return False
    verb = node.head
    for _ in range(4):
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in _STRIKERS for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _other_sense(tok: Token, kind: str) -> bool:
    """Weapon and war words in another sense: a launch, a mine dug, hardware, a film shoot, a storm of criticism.

    "Crew blasts off to space station", "Democrats blast ads", "a coal mine",
    "interceptor missiles", "complaints have rocketed", "shooting footage",
    "shot down rumors", "Coincheck was hacked", "bomb squad called",
    "an explosive piece of evidence", "an explosion of plankton", "a cost
    overrun", "a heart defect", "a demonstration of military power", "the
    Boston toll increase", "clashed with Jared Kushner" (no arms named),
    "captured on video".
    """
    lemma = tok.lemma_.lower()
    sent = tok.sent
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    words = _LazyWords(sent, tok)
    if tok.pos_ == "NOUN" and kind in (BLAST, ATTACK, KILL, SHELL) and _sport_unit(tok):
        return True  # "a three-run blast"
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") \
            and _equipment(tok):
        return True  # "an amphibious assault ship", "ISIL fighting positions", "a VBIED storage facility"
    if kind in (SHELL, IED, BLAST, GRENADE, SUICIDE) and tok.pos_ in ("NOUN", "PROPN") and _struck_thing(tok):
        return True  # "strikes ... destroyed four VBIEDs", "jets struck rocket launchers": what was hit
    if tok.pos_ == "NOUN" and tok.dep_ != "conj" and _listed_kinds_of(tok):
        return True  # "using attack, bomber, fighter and remotely piloted aircraft": a kind of aircraft
    if nxt is not None and nxt.lemma_.lower() == "range" and tok.i > 0 and \
            doc[tok.i - 1].lower_ in ("within", "in", "of", "into", "beyond", "outside"):
        return True  # "within shelling range", "out of firing range"; not "the number killed range from"
    if lemma == "blast":
        if nxt is not None and nxt.lower_ == "off" or any(c.lower_ == "off" for c in tok.children):
            return True  # "blasted off for the international space station"
        if tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ in ("as", "for", "over") for c in tok.children):
            return True  # "blasted it as insincere", "blasted the president for his handling"
    if lemma in ("bomb", "explosive") and tok.dep_ == "compound" and tok.head.lemma_.lower() in BOMB_NON_EVENTS:
        return True  # "Bomb squad called to Richmond's east side"
    if lemma == "explosive" and tok.pos_ == "ADJ" and not (nxt is not None and nxt.tag_ in ("VBD", "VBZ", "VBN")) \
            and (tok.dep_ in ("acomp", "attr", "conj") or tok.dep_ == "amod" and
                                                       not {tok.head.lemma_.lower(), *(
                                                           c.lemma_.lower() for c in tok.head.children
                                                           if c.dep_ == "compound")} & EXPLOSIVE_HEADS):
        return True  # "a potentially explosive piece of evidence", "the situation is explosive"
    if lemma in ("explosion", "blast", "explode"):
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for p in _args(c, ("pobj",))]
        if tok.pos_ == "NOUN" and of and all(p.lemma_.lower() in GROWTH for p in of):
            return True  # "an explosion of plankton", "an explosion in popularity"
        if lemma == "explode" and any(a.lemma_.lower() in GROWTH for a in _agents(tok) + of):
            return True  # "popularity of the app has exploded", "exploded in popularity"
    if lemma == "mine" and tok.pos_ == "NOUN" and kind == IED:
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        if mods & MINING or words & MINING_CONTEXT or not (words & MINE_CUES or mods & MINE_CUES):
            return True  # "Peabody closing eastern Illinois coal mine", "a deep mine accumulating water"
    if lemma == "roadside" and kind == IED and not any(
            t.lemma_.lower() in EXPLOSIVE_HEADS | {"explosion", "blast", "attack", "ambush"}
            for t in doc[tok.i + 1 : min(tok.i + 5, sent.end)]):
        return True  # "a baby born on the roadside"
    if lemma in ("rocket", "missile") and kind == SHELL:
        if tok.pos_ == "VERB":
            objs = _args(tok, ("dobj", "nsubjpass"))
            return not objs or all(_abstract(o) or not _physical_target(o) and not _human(o) for o in objs)
        if any(c.lemma_.lower() in HARDWARE_MODIFIERS or c.lower_ in HARDWARE_MODIFIERS
               for c in tok.children if c.dep_ in ("compound", "amod", "nmod")):
            return True  # "the interceptor missiles", "a falling Russian booster rocket"
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in HARDWARE_HEADS:
            return True  # "a missile test", "the missile defence shield"
        if words & LAUNCH_WORDS:
            return True  # a rocket that carries a satellite into orbit
    if lemma == "shoot" and kind == KILL:
        if tok.pos_ == "NOUN" and not (nxt is not None and nxt.lower_ in ("down", "at", "dead", "and")) \
                and not any(c.pos_ == "PROPN" for c in tok.children):
            # "the first green shoots", "a photo shoot"; the tagger's noun in "The IRA shoots down
            # a helicopter" or "a man shoots and injures" is the verb
            return True
        if any(a.lemma_.lower() in FILMING for a in _args(tok, ("dobj", "nsubjpass", "nsubj"))):
            return True  # "shooting footage", "the movie was shot in 18 days", "shot a three"
        if not _args(tok, ("dobj", "nsubjpass")) and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(p.ent_type_ in ("DATE", "TIME") or _abstract(p)
                                                               for p in _args(c, ("pobj",))) for c in tok.children):
            return True  # "we are still shooting for early June"
    if lemma == "hack" and kind == KILL and not _violent_frame(tok):
        objs = _args(tok, ("dobj", "nsubjpass"))
        if "into" in {c.lower_ for c in tok.children} or objs and all(
                o.ent_type_ in ("ORG", "PRODUCT") or o.lemma_.lower() in COMPUTING for o in objs):
            return True  # "Coincheck was hacked", "hacked into the accounts"
    if lemma in ("capture", "seize") and kind == GAIN and any(
            c.dep_ in ("prep", "agent") and any(p.lemma_.lower() in RECORDINGS for p in _args(c, ("pobj",)))
            for c in tok.children):
        return True  # "the incident that was captured on video"
    if kind in (AIR, SHELL) and _hyphen_prefix(tok) in ("anti", "counter"):
        return True  # "anti-drone UAVs", "an anti-missile system": defences, not a strike
    if kind == ARREST and lemma == "detain" and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(p.lemma_.lower() in ("hospital", "clinic", "ward")
                                                          for p in _args(c, ("pobj",))) for c in tok.children):
        return True  # "Ninety six people were detained in hospital": admitted for treatment
    if lemma in ("defect", "overrun", "merge") and tok.pos_ != "VERB":
        return True  # "a heart defect", "the cost overrun", "the merge lane"
    if lemma in ("demonstration", "demonstrate") and kind == PROTEST and any(
            c.dep_ == "prep" and c.lower_ == "of" and not any(_human(p) for p in _args(c, ("pobj",)))
            for c in tok.children):
        return True  # "a demonstration of military power"
    if lemma == "toll" and kind == OUTCOME and not any(
            c.lemma_.lower() in ("death", "casualty", "human", "injury", "fatality")
            for c in tok.children) and not words & TOLL_CUES:
        return True  # "the Boston toll increase", "eliminated tolls for passenger vehicles"
    if kind == CLASH and lemma == "clash":
        sides = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in _args(c, ("pobj",))
                 if p.lemma_.lower() not in _CLASH_OUTCOMES]  # "a clash ... with an unknown number of casualties"
        sides += _agents(tok) if tok.pos_ == "VERB" else []
        if sides and not any(_side(x) for x in sides):
            return True  # "New Gainesville prison clashes with revitalization"
    if kind == ATTACK and lemma == "raid" and _police_raid(tok):
        return True  # "an immigration raid", "a Thursday police raid on their home": a search
    return False


def _side(tok: Token) -> bool:
    """Who can fight: people, a named group or state, armed men, a crowd, or any plural of them."""
    lemma = tok.lemma_.lower()
    return _human(tok) or tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or \
        lemma in ARMED_TARGETS | TAKERS | VIOLENCE_EVIDENCE | _SIDES or trigger_kind(tok) in (PROTEST, RIOT, MOB)


_SIDES = {"group", "faction", "side", "gang", "clan", "tribe", "fan", "supporter", "crowd", "mob", "youth", "local",
          "neighbor", "neighbour", "rival", "miner", "herdsman", "herdsmen", "settler", "hooligan", "migrant",
          "vendor", "hawker", "community", "villager", "tribesman", "tribesmen", "militiamen", "worker", "party",
          "camp", "family", "families", "member", "follower", "partisan", "loyalist", "activist", "student"}


TOLL_CUES = {"death", "dead", "die", "kill", "casualty", "fatality", "injure", "wound", "victim", "life", "live",
             "bodies", "body", "killed", "people", "civilian", "soldier"}


def _police_raid(tok: Token) -> bool:
    """A raid by police or immigration agents with no harm told: a search or an arrest, not an attack."""
    doers = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")] + _agents(tok)
    doers += [m for d in doers for m in d.children if m.dep_ in ("compound", "amod")]
    if not any(d.lemma_.lower() in LAW_ENFORCEMENT or d.lower_ in LAW_ENFORCEMENT for d in doers):
        return False
    quiet = [t for t in tok.sent if t.lemma_.lower() in LAW_ENFORCEMENT or t.lower_ in LAW_ENFORCEMENT]
    return not violence_evidence(tok.sent, exclude=[tok, *quiet])


def _natural_death(tok: Token, kind: str) -> bool:
    """A death by illness, age or accident, of an animal, or in a joke: nobody's violence.

    "four people have died of the ailment", "37 Ontarians died while on the
    waiting list for a kidney", "dies at 79", "died Wednesday after a long
    battle with lung cancer", "a French bulldog died", "two dogs injured",
    "A man dies, and goes to heaven", "died in a sailing accident".
    """
    lemma = tok.lemma_.lower()
    if kind not in (OUTCOME, KILL) or lemma not in ("die", "death", "dead", "injure", "wound", "hurt", "injury",
                                                     "kill", "killing"):
        return False
    if kind == KILL and lemma not in ("kill", "killing"):
        return False
    sufferers = _args(tok, ("nsubj", "nsubjpass")) if tok.pos_ in ("VERB", "AUX") else \
        [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _args(c, ("pobj",))] + \
        [c for c in tok.children if c.dep_ == "poss"]
    if tok.dep_ in ("amod", "acl") and tok.head.pos_ == "NOUN":
        sufferers.append(tok.head)  # "two dogs injured"
    if lemma == "kill":
        sufferers = _args(tok, ("dobj", "nsubjpass")) or ([tok.head] if tok.dep_ == "acl" else [])
    if sufferers and all(s.lemma_.lower() in ANIMALS or any(c.lemma_.lower() in ANIMALS and c.dep_ == "compound"
                                                            for c in s.children) for s in sufferers):
        return True  # "a French bulldog died", "the mosquito eggs die"
    if kind == KILL:
        return False
    causes = _causes(tok) + [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                             for p in _args(c, ("pobj",))]
    if any(_illness(c) for c in causes):
        return True  # "died in a sailing accident", "died of an apparent heart attack", "died in the crush"
    if lemma in ("die", "death") and any(
            c.dep_ == "prep" and c.lower_ == "at" and any(p.like_num or p.lemma_.lower() == "age"
                                                          for p in _args(c, ("pobj",)))
            for c in tok.children) and not violence_evidence(tok.sent, exclude=(tok,)):
        return True  # "dies at 79", "died at the age of 91"
    if violence_evidence(tok.sent, exclude=(tok,)):
        return False
    # what is told after the death in its clause: "after a long battle with lung cancer", "and goes to heaven"
    clause = [t for t in tok.subtree if t.i > tok.i]
    if tok.dep_ in ("nsubj", "nsubjpass"):
        clause += [t for t in tok.head.subtree if t.i > tok.i]  # "deaths ... might have been complications from"
    clause += [t for c in tok.conjuncts for t in c.subtree]
    return any(t.lemma_.lower() in MEDICAL | AFTERLIFE or t.lower_ in AFTERLIFE for t in clause)


def _illness(tok: Token) -> bool:
    """A cause of death that is nobody's violence: "the ailment", "a heart attack", "a sailing accident"."""
    lemma = tok.lemma_.lower()
    if lemma in NONVIOLENT_CAUSES or lemma in MEDICAL:
        return True
    return lemma in ("attack", "failure", "arrest", "disease", "condition") and any(
        c.lemma_.lower() in NONVIOLENT_MODIFIERS | {"cardiac", "respiratory", "kidney", "liver", "renal"}
        for c in tok.children if c.dep_ in ("compound", "amod"))


def _mechanical_harm(tok: Token, kind: str) -> bool:
    """Hit, struck, killed or burned by a car, a fire or the weather, with no attacker told.

    "Two women hit by car when crossing road", "Man, 34, struck, killed by car",
    "Basement fire kills man", "Furious winds, hail, fires hit Manhattan area";
    not "a car bomb killed five" (the bomb is the agent) nor a ramming attack.
    """
    lemma = tok.lemma_.lower()
    if lemma not in ("kill", "hit", "strike", "injure", "hurt", "burn", "wound", "destroy") or \
            kind not in (KILL, ATTACK, OUTCOME):
        return False
    # a passive's "by" names the doer even where a headline's verb is parsed active: "Man, 34, struck, killed by car"
    verbs = [tok, *tok.conjuncts, *(c for c in tok.children if c.dep_ in ("advcl", "conj") and c.tag_ == "VBN")]
    doers = [p for v in verbs for c in v.children if c.dep_ == "agent" for p in _args(c, ("pobj",))]
    doers = doers or [a for v in verbs for a in _agents(v)]
    if not doers or not all(d.lemma_.lower() in MECHANICAL_AGENTS and not any(
            m.lemma_.lower() in VIOLENCE_EVIDENCE | {"army", "tank", "live", "sniper", "enemy", "police"}
            for m in d.subtree if m.i != d.i) for d in doers):
        return False
    return not any(t.lemma_.lower() in RAMMING or t.lower_ in RAMMING for t in tok.sent)


def needs_evidence(tok: Token, kind: str) -> bool:
    """A weak use that reports violence only with arms, armed men or harm named in its sentence.

    Bare "beat", "hit", "strike", "fight"; an attack on a named person ("attacking
    Trump") or "under attack"; a lone body. A ``-`` use with its own cue
    ("beaten to death", "beat up", "shot and beaten") needs none.
    """
    lemma = tok.lemma_.lower()
    if kind == OUTCOME:
        return False
    if lemma == "blast" and tok.pos_ == "VERB":
        # "militants blasted the checkpoint"; "the senator blasted the president" only with arms named
        return not any(_physical_target(o) and not _human(o) for o in _objects(tok))
    if lemma == "clash" and kind == CLASH:
        sides = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in _args(c, ("pobj",))]
        # "clashed with Trump's adviser Jared Kushner", "clashed over the budget": words, unless arms are named
        return any(c.dep_ == "prep" and c.lower_ == "over" and any(p.ent_type_ not in ("DATE", "TIME") and _abstract(p)
                                                                   for p in _args(c, ("pobj",)))
                   for c in tok.children) or bool(sides) and all(x.ent_type_ == "PERSON" for x in sides)
    if lemma in ("target", "demolish", "raze"):
        return True  # "targets a heartbeat problem", "the plant has been demolished"
    if lemma == "hack":
        return not _violent_frame(tok)
    if lemma == "raid" and kind == ATTACK:
        return not _agents(tok) and not any(c.dep_ in ("compound", "amod", "poss") for c in tok.children)
    if lemma == "burn":
        return not _violent_frame(tok) and not _objects(tok)  # "burned three trucks" is arson
    if lemma == "beat":
        return not _violent_frame(tok)
    if lemma in ("ram", "ramming"):
        return True  # "rammed his car into soldiers, wounding three", not "rammed the bill through"
    if lemma in ("fight", "battle", "fighting", "battling") and kind == CLASH:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and \
                tok.head.head.lemma_.lower() in ("die", "kill", "wound", "injure", "perish"):
            return False  # "also dies in the fighting"
        return not (lemma == "fighting" and any(t.ent_type_ in ("GPE", "LOC") for t in tok.sent))
    if lemma in ("hit", "strike", "hurt"):
        if any(_weapon(a) for a in _agents(tok)):
            return False
        if lemma == "strike" and tok.pos_ == "NOUN" and (
                tok.dep_ == "nsubj" and tok.head.lemma_.lower() in STRIKE_DEEDS
                or tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("conduct", "launch", "carry", "execute")
                and any(c.dep_ == "prep" and c.lower_ in ("against", "on") for c in tok.head.children)):
            return False  # "two strikes destroyed three tunnel entrances", "conducted strikes against ISIL"
        return not any(o.lemma_.lower() in ARMED_TARGETS | STRUCK_PLACES | {"target", "mine", "landmine", "ied"} or o.ent_type_ in ("GPE", "FAC", "LOC") or
                       _human(o) and any(c.dep_ == "nummod" for c in o.children) for o in _objects(tok))
    if lemma in ("attack", "assault") and kind == ATTACK:
        if tok.head.lower_ == "under" and tok.dep_ == "pobj":
            return True  # "Warren was under near-constant attack"
        return any(_named_person(o) or any(_named_person(p) for p in o.children if p.dep_ in ("poss", "nmod"))
                   for o in _objects(tok))
    return False


# What a military strike does to what it hits.
STRIKE_DEEDS = {"destroy", "engage", "hit", "kill", "target", "damage", "wound", "level", "flatten", "eliminate",
                "disable", "suppress"}
SELF_HARM_HEADS = {"watch", "prevention", "rate", "note", "attempt", "hotline", "risk", "monitoring", "ideation", "pact",
                   "thought", "crisis", "epidemic", "awareness", "letter", "case", "victim", "expert", "helpline",
                   "cluster", "death", "investigation", "inquiry"}
SUICIDE_HEADS = {"bomber", "bombing", "bomb", "attack", "attacker", "vest", "belt", "car", "truck", "mission", "squad",
                 "operation", "blast", "explosion", "assault", "raid", "commando", "cell", "team", "unit", "strike",
                 "drone", "boat", "explosive", "detonate", "jacket", "bombers", "attacks", "bombings", "brigade",
                 "vbied", "ied", "motorbike", "bike", "tanker", "bulldozer", "fighter", "vehicle", "belts", "vests",
                 "device", "killer", "assailant", "militant", "terrorist", "jihadist"}
LEGAL_HEADS = {"charge", "case", "investigation", "trial", "allegation", "accusation", "conviction", "lawsuit", "law",
               "legislation", "probe", "inquiry", "suit", "claim", "complaint", "accuser", "hearing", "statute"}
FIRING_CUES = {"fire", "strike", "bomb", "attack", "raid", "pound", "target", "hit", "drop", "shoot", "launch", "kill",
               "wound", "land", "intercept", "explode", "injure", "slam", "rain", "barrage", "destroy", "damage",
               "airstrike", "military", "army", "militant", "rebel", "insurgent", "war", "fall", "hit"}
BODY_HARM = {"kill", "murder", "shoot", "shot", "stab", "bullet", "gunshot", "dump", "mutilate", "behead", "torture",
             "bomb", "blast", "explosion", "militant", "gunman", "gunmen", "abduct", "kidnap", "execute", "decapitate"}
INSTRUMENTS = {"baton", "stick", "rod", "club", "pipe", "bat", "rifle", "butt", "whip", "stone", "brick", "belt",
               "machete", "axe", "knife", "sword", "hatchet", "cutlass", "panga", "sickle", "hoe",
               "cable", "chain", "hammer", "iron", "fist", "lathi", "cane", "truncheon", "hose"}
_VIOLENT_COORDINATES = {"stab", "shoot", "kill", "torture", "axe", "hack", "whip", "rob", "rape", "kidnap", "abduct",
                        "loot", "lynch", "mutilate", "murder", "strip", "tie", "burn", "behead"}


# Places whose being hit or struck tells an attack by itself: "three bombers struck Konduga local government area".
STRUCK_PLACES = PLACE_WORDS - {"market", "road", "field", "ground", "front", "part", "parts", "land", "site", "state",
                               "post", "stretch", "section", "zone", "center", "centre", "capital", "position"}


def _violent_frame(tok: Token) -> bool:
    """"beat up", "beaten to death", "beat with batons", "severely beaten", "shot and beaten", "burned alive"."""
    for c in tok.children:
        if c.dep_ == "prt" and c.lower_ in ("up", "down") or c.lower_ in ("alive",):
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "with") and any(
                p.lemma_.lower() in INSTRUMENTS | {"death"} for p in _args(c, ("pobj",))):
            return True
        if c.dep_ in ("advmod", "acomp") and c.lower_ in ("severely", "badly", "brutally", "savagely",
                                                          "mercilessly", "viciously", "unconscious", "senseless"):
            return True
    near = [*tok.conjuncts, *([tok.head] if tok.head.i != tok.i else [])]
    if any(t.lemma_.lower() in _VIOLENT_COORDINATES for t in near):
        return True
    # "Locals beat him and he later died": a beating someone died of or was taken to hospital after
    return any(_human(o) for o in _objects(tok)) and any(
        t.lemma_.lower() in ("die", "death", "hospital", "hospitalize", "injury", "succumb") for t in tok.sent)


def _named_person(tok: Token) -> bool:
    """A person's name (the parser often calls a lone surname an ORG): "attacking Trump"."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "") and not any(
        c.dep_ in ("compound", "amod", "det") for c in tok.children)


def _weapon(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in VIOLENCE_EVIDENCE or lemma in ("airstrike", "jet", "warplane", "drone", "bullet", "shell")


def _causes(tok: Token) -> list[Token]:
    """What a death is put down to: "died of natural causes", "deaths stemming from air pollution"."""
    out = []
    for c in tok.children:
        holders = [c] if c.dep_ == "prep" and c.lower_ in ("of", "from", "by") else \
            [p for p in c.children if p.dep_ in ("prep", "agent")] if c.dep_ == "acl" else []
        for h in holders:
            for p in _args(h, ("pobj",)):
                # "attributed to complications from the flu"
                out += [p, *(m for m in p.children if m.dep_ in ("compound", "amod")),
                        *(q for m in p.children if m.dep_ == "prep" for q in _args(m, ("pobj",)))]
    return out


def _executed_person(tok: Token) -> bool:
    """"executed the union leader", "the execution of two Croatians", "public executions"; not a warrant or a plan."""
    if tok.pos_ == "VERB":
        objs = _args(tok, ("dobj", "nsubjpass")) or [o for c in tok.conjuncts for o in _args(c, ("nsubjpass",))]
        if objs:
            return not all(_abstract(o) or _carried_out(o) or o.lower_ in ("it", "this", "that", "which") for o in objs)
        return tok.dep_ != "amod" and violence_evidence(tok.sent, exclude=(tok,))
    if any(c.lower_ in ("public", "mass", "summary", "extrajudicial", "extra-judicial") for c in tok.children):
        return True
    of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _args(c, ("pobj",))]
    if of:
        return not all(_abstract(p) for p in of)
    # "Where it falters is the execution": how a plan or a game is carried out, judged
    return not (tok.head.lemma_ == "be" and tok.dep_ in ("attr", "nsubj") or any(
        c.lemma_.lower() in _CRAFT for c in tok.children))


# What is executed when an order is carried out: "Operation Steel Curtain was executed", "executed the raid".
_TASKS = {"operation", "mission", "order", "raid", "strike", "attack", "assault", "offensive", "manoeuvre", "maneuver",
          "task", "search", "sweep", "warrant", "move", "strategy", "programme", "program", "project", "sortie"}


def _carried_out(obj: Token) -> bool:
    """A task or an operation, named or not, as what is executed."""
    return obj.lemma_.lower() in _TASKS or any(
        c.dep_ == "compound" and c.lemma_.lower() == "operation" for c in obj.subtree if c.i < obj.i)


_CRAFT = {"flawless", "poor", "good", "perfect", "excellent", "strong", "weak", "solid", "great", "brilliant",
          "sloppy", "smooth", "careful", "flawed", "clumsy", "masterful", "technical"}
