"""Trigger lexicon and typing: which words report which kind of event, and the CODEBOOK type they make.

Takes tokens of a spaCy parse and returns trigger kinds (``find_triggers``),
whether a trigger reports something that happened (``is_asserted``: threats,
plans, hypotheticals, negations and generic statements do not) and the
CODEBOOK section 2 type and sub-type of a set of triggers with their clause
(``classify``); ``accident`` tells accidents and disasters (industrial
explosions, crashes, volcanoes) from violence. ``figurative`` rejects a
trigger word used in another sense (sport, markets, politics, fiction, disease,
animals); ``needs_evidence`` and ``violence_evidence`` keep a weak use ("beat",
"hit", "fight", "attack on Trump") only where arms, armed men or harm are named
in its sentence. Clause grouping and roles live in ``events.py``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from tacitus.models import Span

logger = logging.getLogger(__name__)

ActorFinder = Callable[[str], Sequence[tuple[int, int, object]]]

# Trigger kinds. "outcome" triggers (died, wounded ...) only report casualties
# and never define an event on their own when an attack is reported nearby.
AIR, SUICIDE, IED, SHELL, GRENADE, CHEM, BLAST = "air", "suicide", "ied", "shell", "grenade", "chem", "blast"
CLASH, GAIN, LOSS, ATTACK, KILL, EXECUTE, OUTCOME = "clash", "gain", "loss", "attack", "kill", "execute", "outcome"
ABDUCT, SEXUAL, PROTEST, RIOT, MOB, ARREST, DISRUPT = "abduct", "sexual", "protest", "riot", "mob", "arrest", "disrupt"
AGREE, PROPAGANDA, LOOT, HQ, TRANSFER, CHANGE = "agree", "propaganda", "loot", "hq", "transfer", "change"

EXPLOSIVE_KINDS = (AIR, SUICIDE, CHEM, SHELL, GRENADE, IED, BLAST)

# lemma (lower-case) -> kind; verbs and nouns alike, the parse tells them apart.
SINGLE: dict[str, str] = {
    # explosions / remote violence
    "airstrike": AIR, "air-strike": AIR, "airstrikes": AIR, "airraid": AIR, "warplane": AIR, "jet": AIR,
    "drone": AIR, "bomber-jet": AIR, "helicopter-gunship": AIR, "gunship": AIR,
    "suicide": SUICIDE, "self-immolation": None,  # type: ignore[dict-item]
    "ied": IED, "ieds": IED, "vbied": SUICIDE, "landmine": IED, "roadside": IED, "mine": IED,
    "shell": SHELL, "shelling": SHELL, "mortar": SHELL, "artillery": SHELL, "rocket": SHELL, "missile": SHELL,
    "barrage": SHELL, "katyusha": SHELL, "projectile": SHELL,
    "grenade": GRENADE, "rpg": GRENADE,
    "poison": CHEM, "poisonous": CHEM, "nerve-gas": CHEM,
    "chlorine": CHEM, "sarin": CHEM, "nerve-agent": CHEM, "mustard": CHEM, "chemical": CHEM, "toxic": CHEM,
    "bomb": BLAST, "bombing": BLAST, "explosion": BLAST, "explode": BLAST, "blast": BLAST, "detonate": BLAST,
    "explosive": BLAST, "firebomb": BLAST, "dynamite": BLAST, "device": None,  # type: ignore[dict-item]
    # battles
    "clash": CLASH, "fight": CLASH, "fighting": CLASH, "battle": CLASH, "firefight": CLASH, "gunfight": CLASH,
    "skirmish": CLASH, "shootout": CLASH, "offensive": CLASH, "counteroffensive": CLASH, "counterattack": CLASH,
    "capture": GAIN, "seize": GAIN, "overrun": GAIN, "recapture": GAIN, "retake": GAIN, "liberate": GAIN,
    "regain": GAIN, "occupy": GAIN, "conquer": GAIN, "reclaim": GAIN,
    # attacks on people
    "attack": ATTACK, "ambush": ATTACK, "assault": ATTACK, "raid": ATTACK, "storm": ATTACK, "strike": ATTACK,
    "target": ATTACK, "atrocity": ATTACK, "onslaught": ATTACK, "hit": ATTACK,
    "kill": KILL, "murder": KILL, "shoot": KILL, "gun": KILL, "stab": KILL, "massacre": KILL, "slaughter": KILL,
    "slay": KILL, "assassinate": KILL, "assassination": KILL, "hack": KILL, "lynch": MOB, "burn": KILL,
    "torture": KILL, "beat": KILL, "killing": KILL, "shooting": KILL, "stabbing": KILL,
    "behead": EXECUTE, "execute": EXECUTE, "execution": EXECUTE, "decapitate": EXECUTE, "beheading": EXECUTE,
    "die": OUTCOME, "dead": OUTCOME, "death": OUTCOME, "wound": OUTCOME, "injure": OUTCOME, "casualty": OUTCOME,
    "toll": OUTCOME, "injury": OUTCOME, "hurt": OUTCOME, "body": OUTCOME, "corpse": OUTCOME,
    "kidnap": ABDUCT, "abduct": ABDUCT, "kidnapping": ABDUCT, "abduction": ABDUCT, "hostage": ABDUCT,
    "rape": SEXUAL, "gang-rape": SEXUAL, "raped": SEXUAL, "molest": SEXUAL, "molestation": SEXUAL,
    # demonstrations
    "protest": PROTEST, "demonstrate": PROTEST, "demonstration": PROTEST, "rally": PROTEST, "march": PROTEST,
    "protester": PROTEST, "protestor": PROTEST, "demonstrator": PROTEST, "sit-in": PROTEST, "picket": PROTEST,
    "riot": RIOT, "rioter": RIOT, "rioting": RIOT, "mob": MOB, "vigilante": MOB,
    # strategic developments
    "arrest": ARREST, "detain": ARREST, "apprehend": ARREST, "nab": ARREST, "detention": ARREST,
    "foil": DISRUPT, "thwart": DISRUPT, "defuse": DISRUPT, "dismantle": DISRUPT, "intercept": DISRUPT,
    "bust": DISRUPT, "neutralize": None,  # type: ignore[dict-item]
    "agreement": AGREE, "ceasefire": AGREE, "cease-fire": AGREE, "truce": AGREE, "accord": AGREE, "deal": AGREE,
    "video": PROPAGANDA, "magazine": PROPAGANDA, "propaganda": PROPAGANDA,
    "loot": LOOT, "looting": LOOT, "ransack": LOOT, "vandalize": LOOT, "vandalise": LOOT, "torch": LOOT,
    "arson": LOOT, "plunder": LOOT, "demolish": LOOT, "raze": LOOT,
    "surrender": AGREE, "defect": CHANGE, "merge": CHANGE, "disband": CHANGE, "allegiance": CHANGE,
}
SINGLE = {k: v for k, v in SINGLE.items() if v is not None}

# Two-word triggers: (lemma, next lower-case word) -> kind.
PAIRS: dict[tuple[str, str], str] = {
    ("air", "strike"): AIR, ("air", "raid"): AIR, ("drone", "strike"): AIR, ("air", "attack"): AIR,
    ("suicide", "bomber"): SUICIDE, ("suicide", "bombing"): SUICIDE, ("suicide", "attack"): SUICIDE,
    ("car", "bomb"): IED, ("roadside", "bomb"): IED, ("truck", "bomb"): IED, ("land", "mine"): IED,
    ("gun", "battle"): CLASH, ("exchange", "fire"): CLASH, ("open", "fire"): KILL, ("gun", "down"): KILL,
    ("take", "control"): GAIN, ("seize", "control"): GAIN, ("gain", "control"): GAIN, ("take", "over"): GAIN,
    ("lose", "control"): LOSS, ("fall", "to"): LOSS, ("lose", "ground"): None,  # type: ignore[dict-item]
    ("blow", "up"): BLAST, ("blow", "himself"): SUICIDE, ("blow", "herself"): SUICIDE,
    ("blow", "themselves"): SUICIDE, ("set", "fire"): LOOT, ("set", "ablaze"): LOOT,
    ("tear", "gas"): PROTEST, ("nerve", "gas"): CHEM, ("toxic", "gas"): CHEM, ("poison", "gas"): CHEM,
    ("sexual", "assault"): SEXUAL, ("sexually", "assault"): SEXUAL, ("sexual", "abuse"): SEXUAL,
    ("sexually", "abuse"): SEXUAL, ("sexual", "violence"): SEXUAL, ("aerial", "bombardment"): AIR,
    ("aerial", "attack"): AIR, ("fighter", "jet"): AIR, ("cruise", "missile"): AIR, ("peace", "deal"): AGREE, ("peace", "agreement"): AGREE,
    ("pledge", "allegiance"): CHANGE, ("hand", "over"): TRANSFER, ("round", "up"): ARREST,
}
PAIRS = {k: v for k, v in PAIRS.items() if v is not None}

# Words that make "strike"/"march"/"deal" ... mean something else nearby.
STRIKE_LABOUR = {"worker", "workers", "teacher", "teachers", "union", "unions", "doctor", "doctors", "general", "hunger", "labour", "labor", "nurses", "drivers"}

MODALS = {"will", "would", "could", "may", "might", "shall", "should", "must", "can", "ca"}
# Governing words that turn what follows into a threat, plan, call or fear, not an event.
IRREALIS = {
    "threaten", "threat", "plan", "plot", "vow", "warn", "urge", "call", "encourage", "intend", "seek", "want",
    "aim", "pledge", "promise", "fear", "prepare", "consider", "demand", "expect", "hope", "wish", "incite",
    "propose", "advocate", "risk", "prevent", "avoid", "deter", "ready", "possible", "likely",
    "able", "capable", "need", "allow", "inspire", "would", "justify", "glorify", "praise",
    "capability", "willingness", "intention", "potential", "chance", "danger", "prospect", "goal",
    "scenario", "option", "looming", "imminent", "future", "planned", "expected", "upcoming", "feared",
    "theory", "speculation", "rumour", "rumor", "strategy", "effort", "bid",
}
# Verbs that make an infinitive after them an order or request, not a report ("told them to attack").
DIRECTIVE = {"order", "ask", "tell", "instruct", "decide", "want", "agree", "refuse"}
# Verbs after which an infinitive still reports something that happened ("attempted to detonate").
REALIS_CONTROL = {"attempt", "try", "manage", "continue", "begin", "start", "fail", "proceed", "go", "come",
                  "seem", "appear", "use", "help", "resume", "keep", "force", "compel", "oblige"}
# Force used "to disperse the mob", "to quell the protesters": the crowd was there, whatever the purpose.
CROWD_CONTROL = {"disperse", "quell", "scatter", "repel", "contain"}
HEDGES = {"probably", "possibly", "perhaps", "maybe", "hypothetically"}
GENERIC_ADVERBS = {"often", "usually", "always", "generally", "typically", "frequently", "routinely",
                   "regularly", "sometimes", "never", "repeatedly", "occasionally"}
_TIME_UNITS = {"minute", "hour", "day", "night", "week", "month", "year", "moment", "weekend", "evening", "morning"}
# Verbs whose subject/object noun trigger is a real, specific event ("a bombing rocked the market").
EVENT_VERBS = {"happen", "occur", "take", "kill", "leave", "claim", "carry", "launch", "conduct", "stage",
               "hit", "target", "strike", "rock", "wound", "injure", "erupt", "break", "follow", "see",
               "cause", "destroy", "damage", "be", "hold", "organize", "organise", "continue", "spread",
               "turn", "end", "begin", "start", "result", "report", "confirm", "mount", "unleash", "perpetrate",
               "commit", "trigger", "spark", "disperse", "quell", "scatter", "repel", "contain", "break", "sign", "reach", "agree", "announce", "release",
               "publish", "circulate", "post", "issue", "broker", "declare", "violate", "use", "fire", "drop",
               "detonate", "explode", "go", "plant", "hurl", "throw", "lob", "toss", "fall", "land"}
PROPAGANDA_VERBS = {"release", "publish", "circulate", "post", "issue", "distribute", "air", "broadcast", "show"}
ACCIDENT_CUES = {"accident", "accidental", "accidentally", "cylinder", "boiler", "leak", "short-circuit",
                 "earthquake", "flood", "landslide", "cyclone", "storm", "hurricane", "stampede", "collapse",
                 "crash", "derail", "fireworks", "factory", "covid", "virus", "outbreak", "quake", "tornado",
                 "drought", "wildfire", "lightning", "typhoon", "heatwave", "epidemic", "volcano", "eruption",
                 "tsunami", "disaster", "mudslide", "avalanche", "blizzard", "bushfire", "firefighter",
                 "firefighters", "collision", "collide", "poison", "poisoning", "overdose", "capsize", "leakage",
                 "monsoon", "downpour", "torrential", "famine", "propane", "fertilizer", "refinery", "furnace",
                 "plunge", "icy", "skid", "overturn", "drown", "shipwreck"}
JET_CUES = {"fire", "strike", "missile", "bomb", "attack", "raid", "pound", "target", "hit", "drop", "shoot",
            "warplane", "military", "air", "force", "sortie", "rocket"}
# Words that make a sentence with an accident cue still a report of violence.
VIOLENCE_CUES = {"attack", "bomber", "militant", "gunman", "gunmen", "terrorist", "insurgent", "rebel", "airstrike",
                 "shelling", "suicide", "jihadist", "bomb", "explosive", "ied", "grenade", "mortar", "rocket",
                 "missile", "militia", "protest", "protester", "protesters", "demonstration",
                 "demonstrator", "riot", "rioter", "march", "rally", "clash", "gunfire", "shooting"}
# What explodes in an industrial accident: "a tank at the plant exploded", "a gas explosion".
INDUSTRIAL = {"cylinder", "boiler", "container", "furnace", "reactor", "plant", "factory", "warehouse", "gas",
              "propane", "fertilizer", "chemical", "pipeline", "transformer", "bunker", "storage", "firework",
              "fireworks", "battery", "stove", "kiln", "silo", "refinery", "tanker", "gasoline", "petrol", "oil",
              "methane", "coal", "dust", "heater", "compressor"}
# Disrupted weapons use needs a weapon or an attack; "intercepted smugglers" is policing.
WEAPON_CUES = {"weapon", "arm", "arms", "ammunition", "explosive", "explosives", "bomb", "ied", "device", "attack",
               "plot", "missile", "rocket", "drone", "grenade", "mine", "landmine", "gun", "rifle", "detonator",
               "vest", "terror", "terrorist", "mortar", "shell", "munition", "cache", "dynamite", "tnt"}
# Non-violent "targeting": sanctions, measures, campaigns.
NONVIOLENT_TARGETING = {"sanction", "sanctions", "measure", "action", "tariff", "policy", "campaign", "ban",
                        "restriction", "regulation", "investigation", "probe", "law", "legislation", "advert",
                        "audit", "tax", "reform", "market", "consumer", "customer", "voter"}
# Places a side can take: the object of "captured", "seized", "took over".
PLACE_WORDS = {"town", "city", "village", "area", "base", "airport", "territory", "district", "province", "region",
               "checkpoint", "post", "position", "positions", "hill", "road", "highway", "bridge", "border",
               "crossing", "port", "harbour", "harbor", "island", "neighbourhood", "neighborhood", "camp",
               "headquarters", "building", "compound", "palace", "outpost", "garrison", "stronghold", "enclave",
               "suburb", "county", "capital", "state", "airbase", "barracks", "field", "oilfield",
               "dam", "valley", "front", "mountain", "parliament", "ministry", "station", "prison", "centre",
               "center", "school", "hospital", "market", "mosque", "church", "municipality", "locality", "zone",
               "site", "land", "part", "parts", "region", "regions", "stretch", "section", "quarter"}
# What police and soldiers seize that makes a seizure disrupted weapons use, not a conquest.
SEIZED_WEAPONS = {"weapon", "arm", "arms", "ammunition", "ammunitions", "explosive", "explosives", "firearm",
                  "pistol", "rifle", "gun", "grenade", "landmine", "mine", "ied", "device", "detonator", "round",
                  "cartridge", "bomb", "rocket", "missile", "mortar", "munition", "cache", "kalashnikov", "tnt",
                  "dynamite", "magazine", "shell", "drone"}
WITHDRAWAL = {"withdraw", "withdrawal", "vacate", "evacuate", "abandon", "retreat", "pullout", "pull-out",
              "handover", "unopposed", "peacefully"}
# Frames that name an event without reporting it: accusations, denials, answers to it.
REFERENCE_FRAMES = {"accuse", "accusation", "allege", "allegation", "deny", "denial", "reject", "blame",
                    "response", "retaliation", "revenge", "sanction", "responsibility", "credit", "punish",
                    "responsible", "claim", "investigation", "probe", "inquiry", "trial", "lawsuit", "conviction",
                    "convict", "indict", "indictment", "acquit", "sentence", "verdict", "prosecute", "prosecution"}
ARMED_TARGETS = {"soldier", "troop", "army", "police", "policeman", "policemen", "officer", "force", "military",
                 "checkpoint", "base", "post", "convoy", "patrol", "militant", "fighter", "rebel", "insurgent",
                 "guard", "militia", "militiaman", "jihadist", "gunman", "personnel", "barracks", "outpost",
                 "garrison", "battalion", "brigade", "unit", "commando", "peacekeeper", "serviceman",
                 "servicemen", "marine", "sailor", "airman", "gendarme", "legionnaire", "cop", "trooper",
                 "terrorist", "separatist", "extremist", "combatant", "paramilitary", "warship", "ship",
                 "tank", "position", "positions", "camp", "station", "headquarters"}
CIVILIAN_TARGETS = {"civilian", "people", "person", "villager", "resident", "worshipper", "student", "child",
                    "woman", "man", "farmer", "passenger", "pilgrim", "shopper", "family", "teacher", "doctor",
                    "journalist", "aid", "worker", "market", "mosque", "church", "school", "hospital", "village",
                    "bus", "wedding", "funeral", "home", "house", "tourist", "crowd", "boy", "girl", "mourner",
                    "official", "politician", "priest", "imam", "monk", "nun", "shop", "hotel", "restaurant",
                    "cafe", "bar", "nightclub", "concert", "stadium", "refugee", "prisoner", "hostage", "son",
                    "daughter", "wife", "husband", "elder", "chief", "leader", "herder", "fisherman", "trader",
                    "driver", "motorist", "commuter", "employee", "staff", "nurse", "patient", "voter"}
STATE_WORDS = {"army", "troop", "soldier", "military", "police", "government", "security", "force", "forces",
               "gendarme", "marine", "navy", "coalition", "regime", "authority", "authorities", "peshmerga",
               "commando", "officer", "guard", "idf", "junta"}
INTERVENTION_CUES = {"disperse", "tear", "teargas", "water", "cannon", "baton", "rubber", "arrest", "detain",
                     "crackdown", "clash", "beat", "charge", "break", "suppress", "pepper", "spray", "smoke",
                     "nonlethal", "stun", "forcibly", "kettle", "block", "prevent", "lathicharge", "lathi",
                     "quell"}
# Lethal force: what makes intervention "excessive force" (CODEBOOK 2); injuries from tear gas do not.
LETHAL_CUES = {"kill", "shoot", "dead", "die", "live", "bullet", "gunfire", "death", "massacre"}
VIOLENT_PROTEST_CUES = {"stone", "rock", "molotov", "torch", "burn", "loot", "vandalize", "smash", "clash",
                        "throw", "pelt", "hurl", "riot", "violent", "violence", "set", "storm", "breach",
                        "attack", "fight", "damage", "destroy"}


KIND_PRIORITY = [CHEM, AIR, SUICIDE, SHELL, GRENADE, IED, BLAST, GAIN, LOSS, EXECUTE, SEXUAL, ABDUCT, RIOT, MOB,
                 PROTEST, CLASH, ATTACK, KILL, ARREST, DISRUPT, AGREE, PROPAGANDA, HQ, TRANSFER, CHANGE, LOOT,
                 OUTCOME]


CELL_WORDS = {"cell", "network", "ring", "gang", "module", "group", "syndicate", "unit"}


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
        if kind == GAIN and tok.pos_ == "VERB" and lemma in ("seize", "capture") and \
                _seized_object(tok) == "weapons":
            kind = DISRUPT
        if kind is None and "-" in tok.lower_:
            # "ISIS-inspired", "car-bomb", "air-strike": the last part decides
            kind = SINGLE.get(tok.lower_.rsplit("-", 1)[-1])
            if kind in (KILL, ATTACK) and tok.lower_.endswith(("inspired", "led", "backed", "linked")):
                kind = None
        if kind is None or not _sense_ok(tok, kind):
            continue
        yield tok, kind


def trigger_kind(tok: Token) -> str | None:
    """The kind a single word triggers by itself (no two-word triggers, no sense check)."""
    return SINGLE.get(tok.lemma_.lower()) or SINGLE.get(tok.lower_)


def _industrial(tok: Token) -> bool:
    """An explosion of a tank, a plant or a gas cylinder: an accident, not remote violence."""
    if tok.lemma_.lower() not in ("explode", "explosion", "blast", "blow", "detonate"):
        return False
    near = [c for c in tok.children if c.dep_ in ("nsubj", "compound", "amod", "nmod", "poss")]
    near += [g for c in near for g in c.children if c.dep_ in ("compound", "amod", "prep")]
    near += [p for c in near if c.dep_ == "prep" for p in c.children]
    if tok.dep_ == "compound":
        near.append(tok.head)
    return any(t.lemma_.lower() in INDUSTRIAL for t in near)


LOCATIVE_PREPS = {"in", "at", "on", "from", "during", "after", "before", "by", "near", "with", "within", "across",
                  "around", "outside", "inside", "following", "amid", "since", "over", "of", "to", "into"}


def _seized_object(verb: Token) -> str | None:
    """What a "seized"/"captured"/"lost" verb is about: "place", "weapons", "other" or None (no object).

    Territory changes hands only when the object is a place ("seized the
    town", "recaptured Palmyra"); "seized nine pistols" is disrupted weapons
    use, "seized counterfeit cosmetics" no event.
    """
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl") and not objs:
        objs = [verb.head]  # "the regions that had been taken over", "the Islamic State-occupied base"
    if not objs:
        # a misparsed object hangs on an odd preposition: "seized [counterfeit] cosmetics"
        objs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ not in LOCATIVE_PREPS
                for p in c.children if p.dep_ == "pobj"]
    # "took over the base", "lost control of Sinjar"
    holders = [verb, *(c for c in objs if c.lemma_.lower() == "control")]
    objs += [p for h in holders for c in h.children if c.dep_ in ("prep", "prt") and c.lower_ in ("of", "over")
             for p in c.children if p.dep_ == "pobj"]
    if not objs:
        return None
    words: set[str] = set()
    for obj in objs:
        if obj.lemma_.lower() == "control":
            # "lost control of Sinjar" names the place; "the driver lost control" does not
            words.add("control")
            continue
        if obj.pos_ == "PRON":
            continue
        # the object, its modifiers and what a quantity noun counts: "a number of towns"
        near = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod", "appos", "nmod"))]
        near += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC") for t in near):
            return "place"
        words |= {t.lemma_.lower() for t in near}
    if words & PLACE_WORDS:
        return "place"
    if words & SEIZED_WEAPONS:
        return "weapons"
    return "other" if words else None


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
    if kind == DISRUPT and lemma in ("intercept", "thwart", "foil", "bust", "dismantle") and \
            not sent_lemmas & WEAPON_CUES:
        return False
    if lemma == "target" and sent_lemmas & NONVIOLENT_TARGETING:
        return False
    if kind in (GAIN, LOSS) and tok.pos_ == "VERB" and _seized_object(tok) in ("weapons", "other"):
        return False
    if lemma == "strike":
        words = {t.lower_ for t in tok.sent}
        if words & STRIKE_LABOUR or tok.head.lemma_ in ("go", "call", "stage", "end"):
            return False
    if lemma in ("fight", "battle") and tok.pos_ == "NOUN":
        # "the fight against terrorism", "battle for hearts and minds" are not clashes
        if any(c.lower_ in ("against", "for") and any(g.lemma_ in ("terrorism", "corruption", "extremism", "poverty", "heart", "mind", "climate") for g in c.subtree) for c in tok.children):
            return False
    if lemma == "march" and (tok.ent_type_ == "DATE" or tok.is_title and tok.i > tok.sent.start):
        return False
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
    if lemma == "jet" and (tok.pos_ != "NOUN" or not {t.lemma_.lower() for t in tok.sent} & JET_CUES):
        # "Israeli jets fired missiles" is an air strike; "a passenger jet landed" is not
        return False
    if kind == ARREST and tok.lemma_ == "detention" and tok.head.lemma_ in ("center", "centre", "camp", "facility"):
        return False
    if kind == CHEM and lemma in ("chemical", "toxic") and not any(
            t.lemma_ in ("weapon", "attack", "gas", "agent", "munition", "strike") for t in tok.sent):
        return False
    if kind == PROPAGANDA:
        return tok.head.lemma_ in PROPAGANDA_VERBS or any(c.lemma_ in PROPAGANDA_VERBS for c in tok.children) or \
            (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in PROPAGANDA_VERBS)
    if kind == AGREE and lemma == "deal" and not any(t.lemma_ in ("peace", "ceasefire", "truce", "rebel", "militant", "prisoner", "swap", "exchange") for t in tok.sent):
        return False
    return True


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
    "bleed", "clash", "riot", "violence", "violent", "attack", "ambush", "raid", "assault", "bombing",
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
}
# Causes of death that are nobody's violence.
NONVIOLENT_CAUSES = {
    "plague", "pandemic", "epidemic", "disease", "illness", "pollution", "cancer", "flu", "influenza",
    "infection", "malaria", "cholera", "ebola", "measles", "tuberculosis", "pneumonia", "virus", "covid",
    "tariff", "tariffs", "heat", "cold", "hunger", "starvation", "overdose", "complication", "cause", "age",
    "death", "recession", "inflation", "crisis", "storm", "lightning", "flood", "earthquake", "tragedy",
}
ANIMALS = {"rabbit", "dog", "cat", "animal", "bird", "deer", "wolf", "bear", "lion", "tiger", "elephant", "rhino",
           "horse", "fish", "shark", "snake", "rat", "mouse", "insect", "mosquito", "whale", "dolphin", "monkey",
           "bat", "fox", "boar", "pigeon", "squirrel", "crocodile", "alligator", "hippo", "leopard", "wildlife"}
# Modifiers of "attack" and "explosion" that name no violence: "heart attack", "supernova explosions".
NONVIOLENT_MODIFIERS = ANIMALS | {"heart", "panic", "anxiety", "asthma", "cyber", "ransomware", "phishing", "hacker",
                                  "supernova", "star", "stellar", "population", "growth", "popularity", "demand",
                                  "data", "sonic", "solar", "price", "cost"}
SPORT_WORDS = {"game", "match", "season", "league", "team", "coach", "player", "score", "goal", "tournament",
               "championship", "playoff", "quarterback", "touchdown", "inning", "nfl", "nba", "nhl", "mlb", "fifa",
               "uefa", "assist", "rookie", "semifinal", "medal", "midfielder", "backstroke", "doubles", "singles",
               "qualifier", "rebound", "teammate", "scorer", "penalty", "referee"}
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
                                                  "people", "individual", "captive", "deserter", "traitor"}
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


def sporting(sent: SpacySpan) -> bool:
    """A sentence about a game: a score ("Wales beat Hungary 2-0", "Blue Jackets 5, Canadiens 2") or sport words.

    A lone range is no score: "10 were killed and 7-8 wounded".
    """
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
    return tok.dep_ == "amod" and tok.tag_ in ("VBN", "JJ") and tok.head.i > tok.i and \
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
    film, a novel or a game, and generic "you".
    """
    lemma = tok.lemma_.lower()
    sent = tok.sent
    prts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    if _fiction(tok):
        return True
    if any(c.lower_ == "you" and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
        return True  # "you'll be attacked by three enemy factions": a game's player, anyone's experience
    prefix = _hyphen_prefix(tok)
    if prefix and kind in (CLASH, KILL, ATTACK, EXECUTE) and (tok.tag_ in ("VBG", "VBN", "JJ") or tok.pos_ == "ADJ") \
            and prefix not in VIOLENCE_EVIDENCE | HYPHEN_PREFIXES:
        return True  # "pathogen-fighting", "well-executed", "stubble-burning"
    if lemma in ("wound", "wind") and prts & {"up", "down"}:
        return True
    if lemma == "mine" and not any(c.dep_ in ("det", "amod", "compound", "nummod", "poss") for c in tok.children) \
            and tok.dep_ != "compound" and tok.lower_ == "mine":
        return True  # the pronoun: "I boiled mine"
    if lemma == "offensive" and tok.dep_ == "amod":
        return True  # "offensive players"
    if lemma in ("attack", "explosion", "explode") and any(
            c.lemma_.lower() in NONVIOLENT_MODIFIERS and c.dep_ in ("compound", "amod", "nmod", "nsubj")
            for c in tok.children):
        return True
    if lemma == "explode" and any(trigger_kind(s) in (PROTEST, RIOT) for s in _agents(tok)):
        return True  # "protests exploding to new levels"
    if lemma in ("beat", "hit", "strike", "fight", "battle", "rally", "attack") and (
            sporting(sent) or market(sent) and lemma in ("hit", "beat", "rally")):
        return True
    if lemma in ("beat", "hit", "strike", "attack", "fight", "battle", "hurt", "burn") and tok.pos_ in ("VERB", "NOUN"):
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
    if lemma == "suicide" and (tok.head.lemma_.lower() in SELF_HARM_HEADS if tok.dep_ in ("compound", "amod", "nmod")
                               else tok.head.lemma_.lower() == "commit" or not _words(sent) & SUICIDE_HEADS):
        return True  # "Epstein's suicide", "suicide watch"; not "suicide bomber", "suicide vehicles"
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
    if kind == AGREE and lemma in ("agreement", "accord", "deal") and not _words(sent) & CONFLICT_CUES and (
            _words(sent) & COMMERCIAL_WORDS or not any(t.ent_type_ in ("GPE", "NORP") for t in sent)):
        return True  # trade, business and publishing agreements
    return False


def needs_evidence(tok: Token, kind: str) -> bool:
    """A weak use that reports violence only with arms, armed men or harm named in its sentence.

    Bare "beat", "hit", "strike", "fight"; an attack on a named person ("attacking
    Trump") or "under attack"; a lone body. A ``-`` use with its own cue
    ("beaten to death", "beat up", "shot and beaten") needs none.
    """
    lemma = tok.lemma_.lower()
    if kind == OUTCOME:
        return False
    if lemma == "burn":
        return not _violent_frame(tok) and not _objects(tok)  # "burned three trucks" is arson
    if lemma == "beat":
        return not _violent_frame(tok)
    if lemma in ("fight", "battle", "fighting", "battling") and kind == CLASH:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and \
                tok.head.head.lemma_.lower() in ("die", "kill", "wound", "injure", "perish"):
            return False  # "also dies in the fighting"
        return not (lemma == "fighting" and any(t.ent_type_ in ("GPE", "LOC") for t in tok.sent))
    if lemma in ("hit", "strike", "hurt"):
        if any(_weapon(a) for a in _agents(tok)):
            return False
        return not any(o.lemma_.lower() in ARMED_TARGETS | STRUCK_PLACES | {"target", "mine", "landmine", "ied"} or o.ent_type_ in ("GPE", "FAC", "LOC") or
                       _human(o) and any(c.dep_ == "nummod" for c in o.children) for o in _objects(tok))
    if lemma in ("attack", "assault") and kind == ATTACK:
        if tok.head.lower_ == "under" and tok.dep_ == "pobj":
            return True  # "Warren was under near-constant attack"
        return any(_named_person(o) or any(_named_person(p) for p in o.children if p.dep_ in ("poss", "nmod"))
                   for o in _objects(tok))
    return False


SELF_HARM_HEADS = {"watch", "prevention", "rate", "note", "attempt", "hotline", "risk", "monitoring", "ideation", "pact",
                   "thought", "crisis", "epidemic", "awareness", "letter", "case", "victim", "expert", "helpline",
                   "cluster", "death", "investigation", "inquiry"}
SUICIDE_HEADS = {"bomber", "bombing", "bomb", "attack", "attacker", "vest", "belt", "car", "truck", "mission", "squad",
                 "operation", "blast", "explosion", "assault", "raid", "commando", "cell", "team", "unit", "strike",
                 "drone", "boat", "explosive", "detonate", "jacket", "bombers", "attacks", "bombings", "brigade"}
LEGAL_HEADS = {"charge", "case", "investigation", "trial", "allegation", "accusation", "conviction", "lawsuit", "law",
               "legislation", "probe", "inquiry", "suit", "claim", "complaint", "accuser", "hearing", "statute"}
FIRING_CUES = {"fire", "strike", "bomb", "attack", "raid", "pound", "target", "hit", "drop", "shoot", "launch", "kill",
               "wound", "land", "intercept", "explode", "injure", "slam", "rain", "barrage", "destroy", "damage",
               "airstrike", "military", "army", "militant", "rebel", "insurgent", "war", "fall", "hit"}
BODY_HARM = {"kill", "murder", "shoot", "shot", "stab", "bullet", "gunshot", "dump", "mutilate", "behead", "torture",
             "bomb", "blast", "explosion", "militant", "gunman", "gunmen", "abduct", "kidnap", "execute", "decapitate"}
INSTRUMENTS = {"baton", "stick", "rod", "club", "pipe", "bat", "rifle", "butt", "whip", "stone", "brick", "belt",
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
            return not all(_abstract(o) or o.lower_ in ("it", "this", "that", "which") for o in objs)
        return tok.dep_ != "amod" and violence_evidence(tok.sent, exclude=(tok,))
    if any(c.lower_ in ("public", "mass", "summary", "extrajudicial", "extra-judicial") for c in tok.children):
        return True
    of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _args(c, ("pobj",))]
    if of:
        return not all(_abstract(p) for p in of)
    # "Where it falters is the execution": how a plan or a game is carried out, judged
    return not (tok.head.lemma_ == "be" and tok.dep_ in ("attr", "nsubj") or any(
        c.lemma_.lower() in _CRAFT for c in tok.children))


_CRAFT = {"flawless", "poor", "good", "perfect", "excellent", "strong", "weak", "solid", "great", "brilliant",
          "sloppy", "smooth", "careful", "flawed", "clumsy", "masterful", "technical"}




def accident(sent: SpacySpan) -> bool:
    """A sentence about an accident or a disaster (and no sign of violence)."""
    # "the Taliban stormed a checkpoint" is no storm, "crashed into the crowd" no accident
    low = {w for t in sent if not (t.pos_ == "VERB" and t.lemma_.lower() in ("storm", "crash", "collapse", "flood"))
           for w in (t.lemma_.lower(), t.lower_)}
    if low & VIOLENCE_CUES:
        return False
    return bool(low & ACCIDENT_CUES) or any(_industrial(t) for t in sent)


# The subjects and time spans of a toll accumulated over a whole conflict:
# "the insurgency has killed about 20,000 people since 2009" sums up years of
# events; it is background, not an event of its own.
CONFLICT_NOUNS = {"conflict", "war", "insurgency", "insurrection", "rebellion", "uprising", "crisis", "campaign"}
_SPAN_UNITS = {"year", "decade", "month"}
_SINCE_ANCHORS = CONFLICT_NOUNS | {"start", "beginning", "outbreak", "onset"}


def cumulative(verb: Token) -> bool:
    """True when a verb reports a toll summed over years rather than one occurrence.

    "has killed thousands since 2009", "The conflict has killed some 220,000
    people", "killed more than 300 people over the past decade". A short span
    ("since Monday", "in the past 24 hours") is still one unfolding event.
    """
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in CONFLICT_NOUNS and perfect:
            return True
        if child.dep_ != "prep":
            continue
        for obj in (c for c in child.children if c.dep_ == "pobj"):
            if child.lower_ == "since" and (_is_year(obj) or obj.lemma_.lower() in _SINCE_ANCHORS):
                return True
            if child.lower_ in ("over", "in", "during", "across") and obj.lemma_.lower() in _SPAN_UNITS and any(
                    m.lower_ in ("past", "last", "recent") or (m.like_num and m.lower_ not in ("one", "1"))
                    for m in obj.children):
                return True
    return False


def _is_year(tok: Token) -> bool:
    return tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100


def is_asserted(tok: Token) -> bool:
    """False for threats, plans, calls, hypotheticals, negated and generic statements."""
    if cumulative(tok):
        return False
    seen = 0
    node = tok
    while seen < 8:
        seen += 1
        for child in node.children:
            if child.dep_ == "neg" and node.lemma_.lower() not in ("only",):
                return False
            if child.dep_ == "amod" and node.pos_ == "NOUN" and (
                    child.lemma_.lower() in IRREALIS or child.lower_ in IRREALIS):
                # "a looming attack", "a planned offensive", "possible strikes"
                return False
            if child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS:
                # "may have killed": a hedged report of a past event stays an event
                if not any(c.lemma_ == "have" and c.dep_ == "aux" for c in node.children):
                    return False
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return False
            if child.dep_ == "advmod" and (child.lower_ in GENERIC_ADVERBS or child.lower_ in HEDGES):
                return False
            if child.dep_ == "advmod" and child.lower_ == "before" and not list(child.children) and \
                    child.i > node.i and child.nbor(-1).lemma_.lower() not in _TIME_UNITS:
                return False  # "NFL assaults have led to lawsuits before"; not "the week before"
            if child.dep_ == "aux" and child.lower_ == "to" and node.pos_ == "VERB" and \
                    node.head.lemma_.lower() not in REALIS_CONTROL and node.head is not node and \
                    node.lemma_.lower() not in CROWD_CONTROL:
                # an infinitive of purpose or wish: "infiltrating Europe to carry out attacks"
                return False
            if child.dep_ == "aux" and child.lower_ == "to" and node.head.lemma_.lower() == "go" and \
                    node.head.tag_ == "VBG" and any(c.dep_ == "aux" for c in node.head.children):
                return False  # "you're going to parry ...": a future, not a report
        if node.dep_ == "amod" and node.head.lemma_.lower() in IRREALIS:
            return False
        head = node.head
        if head is node:
            break
        if node.dep_ in ("xcomp", "ccomp", "acl", "pobj", "prep", "dobj", "compound", "advcl", "relcl",
                         "nsubj", "nsubjpass", "amod", "conj", "attr", "pcomp", "appos", "npadvmod",
                         "advmod", "nmod", "poss", "dep", "agent"):
            hl = head.lemma_.lower()
            if hl in IRREALIS and node.dep_ != "nsubj":
                return False
            if hl in REFERENCE_FRAMES and node.dep_ in ("prep", "pobj", "pcomp", "dobj", "acl", "compound"):
                # "claimed responsibility for the bombing", "accused Iran of bombing", "in retaliation for":
                # a statement about an event, or the motive of the one the sentence reports
                return False
            if hl in DIRECTIVE and node.dep_ in ("xcomp", "dobj") and not (
                    hl == "agree" and trigger_kind(node) == AGREE):
                # "ordered them to attack" is an order; "agreed a ceasefire" is the agreement itself
                return False
        if node.dep_ in ("ROOT",):
            break
        node = head
    return True



CASUALTY_VERBS = {"kill", "shoot"}


def reports_casualties(tok: Token) -> bool:
    """True for an agentless passive "killed" that counts the dead rather than saying how they died.

    "19 people were killed and 13 injured after a suicide bomber attacked a
    camp", "The gunman was also shot dead": the toll belongs to the event the
    rest of the sentence (or the sentence before) tells.
    """
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or tok.tag_ != "VBN" or lemma not in CASUALTY_VERBS:
        return False
    node = tok
    while node.dep_ == "conj" and node.head.tag_ == "VBN" and node.head is not node:
        node = node.head  # "were shot and killed": the voice is on the first verb
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in node.children) or node.dep_ == "acl"
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
    if kinds & {CHEM} and kinds & (set(EXPLOSIVE_KINDS) | {ATTACK, KILL, OUTCOME}):
        return "Explosions/Remote violence", "Chemical weapon"
    if kinds & {GAIN, LOSS} and (lemmas & WITHDRAWAL or {"pull", "out"} <= lemmas) and \
            not kinds & (set(EXPLOSIVE_KINDS) | {CLASH, ATTACK, KILL, EXECUTE, OUTCOME}):
        # a side moves in after the other pulled out, no fighting reported (ACLED: non-violent transfer)
        return "Strategic developments", "Non-violent transfer of territory"
    if kinds & {GAIN, LOSS}:
        return "Battles", "Non-state actor overtakes territory"  # refined by who gains, in _candidate
    if kinds & {PROTEST} and not (kinds & (set(EXPLOSIVE_KINDS) | {EXECUTE, ABDUCT, SEXUAL})):
        return protest_sub(kinds, lemmas)
    if kinds & {RIOT}:
        return "Riots", "Violent demonstration"
    if kinds & {MOB}:
        return "Riots", "Mob violence"
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
                lemmas & {"defuse", "foil", "thwart", "seize", "recover", "find", "discover"} or
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
    if kinds & {ARREST} and not kinds & {KILL, OUTCOME} and not (lemmas & {"attack", "ambush", "assault", "storm"}):
        # "police arrested 21 suspects in overnight raids": the raid is the arrest
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
        return "Strategic developments", "Change to group/activity"
    return None, None


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
        if head is node:
            return False
        if head.dep_ == "prep" or head.pos_ == "ADP":
            if head.lower_ in ("after", "following", "amid", "since", "despite", "ending"):
                return True
        if head.lemma_.lower() in ("end", "halt", "stop", "follow") and node.dep_ in ("dobj", "pobj"):
            return True
        node = head
    return False


def _weapons_destroyed(tokens: set[Token]) -> bool:
    """Security forces destroying or clearing mines and IEDs: "destroyed 342 mines", "an IED was defused"."""
    for tok in tokens:
        if tok.lemma_.lower() in ("destroy", "clear", "neutralize", "neutralise", "detonate", "dismantle") and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("mine", "landmine", "ied", "device", "explosive")
                and any(t.lemma_.lower() in STATE_WORDS or t.lower_ in STATE_WORDS for t in tok.subtree)
                for c in tok.children):
            return True
    return False


def protest_sub(kinds: set[str], lemmas: set[str]) -> tuple[str, str]:
    """Peaceful, met with intervention, met with lethal force, or violent (CODEBOOK 2)."""
    if lemmas & LETHAL_CUES and lemmas & {"police", "security", "force", "troop", "soldier", "army", "officer"}:
        return "Protests", "Excessive force against protesters"
    if kinds & {RIOT, LOOT} or (lemmas & VIOLENT_PROTEST_CUES and "peaceful" not in lemmas):
        return "Riots", "Violent demonstration"
    if lemmas & INTERVENTION_CUES or kinds & {ARREST}:
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


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

