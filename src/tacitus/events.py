"""Event detection: a parsed article -> event candidates with type, evidence and actor spans.

Takes a spaCy ``Doc`` of ``Article.text`` and returns :class:`EventCandidate`
records (``models.py``). Detection is lexical-syntactic: trigger words
(``killed``, ``airstrike``, ``lost control of``, ``protest`` ...) are found
by lemma, grouped into one event per clause, filtered for modality (threats,
plans, hypotheticals, negations, generic statements are not events), typed by
the CODEBOOK rules (means of attack, who gains territory, armed or unarmed
target, protest or riot) and given initiator/target spans from the
dependency parse (active and passive voice, ``by``-agents, ``claimed by``).
Sentences that only report casualties ("The seven crew members died.") join
the event before them, so a toll given later in an article belongs to the
attack it counts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from tacitus.models import Event, EventCandidate, Span

logger = logging.getLogger(__name__)

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
    "rape": SEXUAL, "gang-rape": SEXUAL,
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
    "surrender": CHANGE, "defect": CHANGE, "merge": CHANGE, "disband": CHANGE, "allegiance": CHANGE,
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
    ("tear", "gas"): PROTEST, ("peace", "deal"): AGREE, ("peace", "agreement"): AGREE,
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
}
# Verbs that make an infinitive after them an order or request, not a report ("told them to attack").
DIRECTIVE = {"order", "ask", "tell", "instruct", "decide", "want", "agree", "refuse"}
# Verbs after which an infinitive still reports something that happened ("attempted to detonate").
REALIS_CONTROL = {"attempt", "try", "manage", "continue", "begin", "start", "fail", "proceed", "go", "come",
                  "seem", "appear", "use", "help", "resume", "keep"}
HEDGES = {"probably", "possibly", "perhaps", "maybe", "hypothetically"}
GENERIC_ADVERBS = {"often", "usually", "always", "generally", "typically", "frequently", "routinely",
                   "regularly", "sometimes", "never", "repeatedly", "occasionally"}
# Verbs whose subject/object noun trigger is a real, specific event ("a bombing rocked the market").
EVENT_VERBS = {"happen", "occur", "take", "kill", "leave", "claim", "carry", "launch", "conduct", "stage",
               "hit", "target", "strike", "rock", "wound", "injure", "erupt", "break", "follow", "see",
               "cause", "destroy", "damage", "be", "hold", "organize", "organise", "continue", "spread",
               "turn", "end", "begin", "start", "result", "report", "confirm", "mount", "unleash", "perpetrate",
               "commit", "trigger", "spark", "disperse", "break", "sign", "reach", "agree", "announce", "release",
               "publish", "circulate", "post", "issue", "broker", "declare", "violate", "use", "fire", "drop",
               "detonate", "explode", "go", "plant"}
PROPAGANDA_VERBS = {"release", "publish", "circulate", "post", "issue", "distribute", "air", "broadcast", "show"}
ACCIDENT_CUES = {"accident", "accidental", "accidentally", "cylinder", "boiler", "leak", "short-circuit",
                 "earthquake", "flood", "landslide", "cyclone", "storm", "hurricane", "stampede", "collapse",
                 "crash", "derail", "fireworks", "factory", "covid", "virus", "outbreak", "quake", "tornado",
                 "drought", "wildfire", "lightning", "typhoon", "heatwave", "epidemic"}
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
                     "crackdown", "clash", "beat", "charge", "break"}
LETHAL_CUES = {"kill", "shoot", "dead", "die", "live", "ammunition", "bullet", "fire", "death", "massacre",
               "wound", "injure"}
VIOLENT_PROTEST_CUES = {"stone", "rock", "molotov", "torch", "burn", "loot", "vandalize", "smash", "clash",
                        "throw", "pelt", "hurl", "riot", "violent", "violence", "set", "storm", "breach",
                        "attack", "fight", "damage", "destroy"}


@dataclass
class _Group:
    """Triggers of one clause, growing into one event."""

    head: Token
    triggers: list[tuple[Token, str]] = field(default_factory=list)

    @property
    def kinds(self) -> set[str]:
        return {k for _, k in self.triggers}

    @property
    def outcome_only(self) -> bool:
        return self.kinds <= {OUTCOME}


ActorFinder = Callable[[str], Sequence[tuple[int, int, object]]]


def detect(doc: Doc, *, group_spans: ActorFinder | None = None) -> list[EventCandidate]:
    """Find the events a parsed article reports.

    Args:
        doc: the article text parsed by a spaCy pipeline with a parser.
        group_spans: finds named armed groups and state forces in a string
            (``ActorDictionary.find_all``); used to fill a missing initiator
            from the sentence and to tell armed from unarmed targets.

    Returns:
        Candidates in text order, outcome-only sentences merged into the
        event they follow.
    """
    candidates: list[EventCandidate] = []
    for sent in doc.sents:
        found = _sentence_events(doc, sent, group_spans)
        if not found:
            continue
        follows = bool(candidates) and _same_paragraph(doc, candidates[-1].evidence.end, sent.start_char)
        if all(c.event_type == "" for c in found):  # casualty report only
            if follows:
                candidates[-1] = _extend(candidates[-1], doc, sent)
                continue
            found = [_outcome_event(c) for c in found]
        elif follows and len(found) == 1 and _anaphoric(doc, found[0]):
            # "The attack saw at least 25 casualties": the same event told on
            candidates[-1] = _extend(candidates[-1], doc, sent)
            continue
        candidates.extend(c for c in found if c.event_type)
    return candidates


def _sentence_events(doc: Doc, sent: SpacySpan, group_spans: ActorFinder | None) -> list[EventCandidate]:
    triggers = list(_triggers(sent))
    if not triggers:
        return []
    low = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if low & ACCIDENT_CUES and not low & {"attack", "bomber", "militant", "gunman", "gunmen", "terrorist",
                                           "insurgent", "rebel", "airstrike", "shelling", "suicide", "jihadist"}:
        return []
    groups: dict[int, _Group] = {}
    for tok, kind in triggers:
        if not _asserted(tok):
            continue
        head = _clause_head(tok)
        groups.setdefault(head.i, _Group(head)).triggers.append((tok, kind))
    merged = _merge_groups(list(groups.values()))
    defining = [g for g in merged if not g.outcome_only]
    if defining:
        for g in merged:
            if g.outcome_only:
                target = min(defining, key=lambda d: abs(d.head.i - g.head.i))
                target.triggers.extend(g.triggers)
        merged = defining
    elif len(merged) > 1:
        first = merged[0]
        for g in merged[1:]:
            first.triggers.extend(g.triggers)
        merged = [first]
    out: list[EventCandidate] = []
    heads = {g.head.i for g in merged}
    for g in merged:
        cand = _candidate(doc, sent, g, heads, group_spans)
        if cand is not None:
            out.append(cand)
    return out


def _triggers(sent: SpacySpan) -> Iterable[tuple[Token, str]]:
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
        if kind is None and "-" in tok.lower_:
            # "ISIS-inspired", "car-bomb", "air-strike": the last part decides
            kind = SINGLE.get(tok.lower_.rsplit("-", 1)[-1])
            if kind in (KILL, ATTACK) and tok.lower_.endswith(("inspired", "led", "backed", "linked")):
                kind = None
        if kind is None or not _sense_ok(tok, kind):
            continue
        yield tok, kind


def _sense_ok(tok: Token, kind: str) -> bool:
    """Reject trigger words used in another sense."""
    lemma = tok.lemma_.lower()
    lower = tok.lower_
    if tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "LAW", "EVENT") and kind not in (AIR,) and \
            lemma not in ("attack", "bombing", "massacre"):
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
    if lemma == "hit" and tok.pos_ == "NOUN":
        return False
    if lemma == "shell" and tok.pos_ == "NOUN" and not any(c.lower_ in ("artillery", "tank", "mortar") for c in tok.children):
        return lower == "shells" and tok.dep_ in ("nsubj", "dobj", "pobj")
    if lemma == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_ in ("sentence", "condemn"):
        return False
    if lemma in ("record", "jet") or (lemma == "jet" and tok.pos_ != "NOUN"):
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


def _asserted(tok: Token) -> bool:
    """False for threats, plans, calls, hypotheticals, negated and generic statements."""
    seen = 0
    node = tok
    while seen < 8:
        seen += 1
        for child in node.children:
            if child.dep_ == "neg" and node.lemma_.lower() not in ("only",):
                return False
            if child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS:
                # "may have killed": a hedged report of a past event stays an event
                if not any(c.lemma_ == "have" and c.dep_ == "aux" for c in node.children):
                    return False
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return False
            if child.dep_ == "advmod" and (child.lower_ in GENERIC_ADVERBS or child.lower_ in HEDGES):
                return False
            if child.dep_ == "aux" and child.lower_ == "to" and node.pos_ == "VERB" and \
                    node.head.lemma_.lower() not in REALIS_CONTROL and node.head is not node:
                # an infinitive of purpose or wish: "infiltrating Europe to carry out attacks"
                return False
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
            if hl in DIRECTIVE and node.dep_ in ("xcomp", "dobj"):
                return False
        if node.dep_ in ("ROOT",):
            break
        node = head
    return True


def _clause_head(tok: Token) -> Token:
    """The verb whose clause holds a trigger (the trigger itself when it is a verb)."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB",) or node.dep_ == "ROOT":
            return node
        if node.head is node:
            return node
        node = node.head
    return node


def _merge_groups(groups: list[_Group]) -> list[_Group]:
    """Join a clause into its governing clause when it has no subject of its own.

    "exploded, killing six" and "recaptured the town, forcing militants to
    flee" are one event; "men aligned with IS murdered 132 people ..., ISIS
    lost control of Sinjar" (a relative clause with its own subject) is two.
    """
    by_head = {g.head.i: g for g in groups}
    parent: dict[int, int] = {}
    for g in groups:
        node = g.head
        for _ in range(6):
            if node.head is node:
                break
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children)
            linked = node.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "prep", "pobj", "dobj", "npadvmod",
                                   "ccomp", "nsubj", "compound", "amod", "appos", "relcl", "attr", "agent")
            if not linked:
                break
            if own_subject and node.dep_ in ("relcl", "advcl", "ccomp", "conj") and \
                    not (g.outcome_only or node.tag_ == "VBG"):
                break
            node = node.head
            if node.i in by_head and node.i != g.head.i:
                parent[g.head.i] = node.i
                break
    roots: dict[int, _Group] = {}
    for g in groups:
        top = g.head.i
        hops = 0
        while top in parent and hops < 10:
            top = parent[top]
            hops += 1
        if top != g.head.i:
            by_head[top].triggers.extend(g.triggers)
        else:
            roots[top] = g
    return [roots[k] for k in sorted(roots)]


KIND_PRIORITY = [CHEM, AIR, SUICIDE, SHELL, GRENADE, IED, BLAST, GAIN, LOSS, EXECUTE, SEXUAL, ABDUCT, RIOT, MOB,
                 PROTEST, CLASH, ATTACK, KILL, ARREST, DISRUPT, AGREE, PROPAGANDA, HQ, TRANSFER, CHANGE, LOOT,
                 OUTCOME]


def _candidate(doc: Doc, sent: SpacySpan, g: _Group, heads: set[int],
               group_spans: ActorFinder | None) -> EventCandidate | None:
    kinds = g.kinds
    trigger_tok = min(g.triggers, key=lambda tk: KIND_PRIORITY.index(tk[1]))[0]
    tokens = _owned_tokens(sent, g, heads)
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    actor1, actor2 = _roles(g, trigger_tok)
    if group_spans is not None:
        actor1 = _affiliation(actor1, doc, group_spans)
        actor2 = _affiliation(actor2, doc, group_spans)
    if actor1 is None and group_spans is not None and not kinds & {LOSS}:
        actor1 = _named_group(doc, tokens, group_spans, exclude=actor2)
    etype, sub = _classify(kinds, lemmas, g, actor1, actor2, doc, tokens)
    if sub in ("Government regains territory", "Non-state actor overtakes territory") or \
            (etype == "Battles" and sub is None and actor1 is not None):
        sub = _territory_sub(actor1, group_spans) if kinds & {GAIN, LOSS} else sub
    if etype is None:
        return None
    if len(heads) > 1 and g.head.dep_ != "ROOT":
        ev_start = min(t.idx for t in tokens)
        ev_end = max(t.idx + len(t) for t in tokens)
    else:
        ev_start, ev_end = sent.start_char, sent.end_char
    ev_text = doc.text[ev_start:ev_end]
    stripped = ev_text.rstrip()
    evidence = Span(ev_start, ev_start + len(stripped), stripped)
    background = _background(g, trigger_tok)
    if background and not _anchored(trigger_tok, group_spans):
        return None
    confidence = 0.55 + 0.1 * (actor1 is not None) + 0.1 * (actor2 is not None) + 0.1 * (not background)
    confidence += 0.05 * (len(g.triggers) > 1)
    excluded = [(t.idx, t.idx + len(t)) for t in sent if t not in tokens and not t.is_space]
    context = Span(evidence.start, evidence.end, evidence.text)
    return EventCandidate(
        event_type=etype, sub_event_type=sub,
        trigger=_span_of(doc, trigger_tok.idx, trigger_tok.idx + len(trigger_tok)),
        evidence=evidence, actor1=actor1, actor2=actor2, confidence=min(confidence, 0.95),
        background=background, context=context,
        excluded=tuple(_span_of(doc, s, e) for s, e in _ranges(excluded)),
    )


def _outcome_event(c: EventCandidate) -> EventCandidate:
    """A sentence that only reports deaths or injuries, with no attack before it."""
    return replace(c, event_type="Violence against civilians", sub_event_type="Attack", confidence=0.45)


def _owned_tokens(sent: SpacySpan, g: _Group, heads: set[int]) -> set[Token]:
    """The tokens of a group's clause, less the clauses of other events in the sentence."""
    if len(heads) == 1:
        return set(sent)
    others = [sent.doc[h] for h in heads if h != g.head.i]
    own = set(g.head.subtree) if g.head.dep_ != "ROOT" else set(sent)
    for o in others:
        if o in own and o is not g.head:
            own -= set(o.subtree)
    if g.head.dep_ == "relcl" and any(c.lower_ in ("where", "when") for c in g.head.children):
        # "the battle for Kobani, where Kurdish fighters killed ...": the antecedent is the place
        own |= {t for t in g.head.head.subtree if t.i < g.head.i} - _other_subtrees(others, g)
    return own or set(sent)


def _other_subtrees(others: list[Token], g: _Group) -> set[Token]:
    out: set[Token] = set()
    for o in others:
        if g.head not in set(o.subtree):
            out |= set(o.subtree)
    return out


def _roles(g: _Group, trig: Token) -> tuple[Span | None, Span | None]:
    """Initiator and target spans from the parse around the main trigger."""
    doc = trig.doc
    verbs = [trig] if trig.pos_ in ("VERB", "AUX") else []
    if g.head.pos_ == "VERB" and g.head not in verbs:
        verbs.append(g.head)
    for tok, _ in g.triggers:
        if tok.pos_ == "VERB" and tok not in verbs:
            verbs.append(tok)
    actor1 = actor2 = None
    kind = dict((t.i, k) for t, k in g.triggers).get(trig.i)
    for verb in verbs:
        subj = _child(verb, ("nsubj",))
        subjpass = _child(verb, ("nsubjpass",))
        obj = _child(verb, ("dobj",))
        agent = _agent(verb)
        if verb.lemma_.lower() in ("lose", "fall") or kind == LOSS and verb is trig:
            # "ISIS lost control of Sinjar": the subject is the loser; "fell to X": X gains
            if actor2 is None and subj is not None:
                actor2 = _np(subj)
            to = _prep_obj(verb, ("to",)) if verb.lemma_.lower() == "fall" else None
            if actor1 is None and to is not None:
                actor1 = _np(to)
            continue
        if subjpass is not None:
            actor2 = actor2 or _np(subjpass)
            if agent is not None:
                actor1 = actor1 or _np(agent)
        if subj is not None and not _is_inanimate_subject(subj):
            actor1 = actor1 or _np(subj)
        elif subj is not None:
            # "U.S.-led coalition airstrikes killed ...": the weapon's owner is in its modifiers
            owner = _modifier_actor(subj)
            if owner is not None:
                actor1 = actor1 or owner
        if obj is not None and obj.lemma_.lower() not in ("control", "fire", "responsibility", "attack"):
            actor2 = actor2 or _np(obj)
        frm = _prep_obj(verb, ("from",))
        if frm is not None and kind == GAIN and actor2 is None:
            actor2 = _np(frm)
        if actor1 and actor2:
            break
    if trig.pos_ == "NOUN" and actor1 is None:
        by = _prep_obj(trig, ("by",))
        if by is not None:
            actor1 = _np(by)
        else:
            owner = _modifier_actor(trig)
            if owner is not None:
                actor1 = owner
    if trig.pos_ == "NOUN" and actor2 is None:
        on = _prep_obj(trig, ("on", "against"))
        if on is not None:
            actor2 = _np(on)
    if actor1 is None:
        # "... was claimed by X", "X claimed responsibility"
        for t in trig.sent:
            if t.lemma_ == "claim":
                agent = _agent(t)
                subj = _child(t, ("nsubj",))
                if agent is not None:
                    actor1 = _np(agent)
                elif subj is not None and any(c.lemma_ == "responsibility" for c in t.children):
                    actor1 = _np(subj)
                break
    if actor1 and actor2 and actor1.start == actor2.start:
        actor2 = None
    return actor1, actor2


INANIMATE = {"airstrike", "strike", "bomb", "blast", "explosion", "shell", "shelling", "missile", "rocket",
             "attack", "raid", "mortar", "grenade", "device", "ied", "mine", "landmine", "fire", "gunfire",
             "bombing", "drone", "jet", "warplane", "aircraft", "helicopter", "plane", "artillery", "car",
             "truck", "vehicle", "clash", "fighting", "violence", "ambush", "assault", "barrage", "operation",
             "crossfire", "bullet", "shot"}


def _is_inanimate_subject(tok: Token) -> bool:
    return tok.lemma_.lower() in INANIMATE or tok.lower_.rsplit("-", 1)[-1] in INANIMATE


def _modifier_actor(tok: Token) -> Span | None:
    """The owner named in a noun's modifiers: "coalition airstrikes", "a Taliban attack", "ISIS's attack"."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod") and
            c.lemma_.lower() not in ("suicide", "air", "car", "roadside", "terrorist", "deadly", "fresh", "new",
                                     "twin", "coordinated", "major", "recent", "latest", "heavy", "late",
                                     "suspected", "apparent", "first", "second", "last", "large", "small",
                                     "massive", "drone", "mortar", "rocket", "artillery", "chemical", "gas",
                                     "truck", "bomb", "grenade", "militant", "separate", "similar", "brutal")]
    if not mods:
        return None
    start = min(min(t.i for t in m.subtree) for m in mods)
    end = max(max(t.i for t in m.subtree) for m in mods) + 1
    span = tok.doc[start:end]
    while len(span) and span[0].dep_ == "det":
        span = span[1:]
    if not len(span):
        return None
    return _span_of(tok.doc, span.start_char, span.end_char)


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return _child(c, ("pobj",))
    return None


def _prep_obj(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return _child(c, ("pobj",))
    return None


def _np(tok: Token) -> Span:
    """The noun phrase of a token: its subtree, trimmed of relative clauses and trailing punctuation."""
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "punct", "cc", "advcl") or (c.dep_ == "prep" and c.lower_ not in ("of",)):
            break
        right = max(right, c.right_edge.i)
    doc = tok.doc
    while left < right and doc[left].dep_ in ("det", "punct", "cc"):
        left += 1
    return _span_of(doc, doc[left].idx, doc[right].idx + len(doc[right]))


AFFILIATION = {"align", "affiliate", "link", "loyal", "belong", "ally", "tie", "connect", "member", "part",
               "fighter", "militant", "supporter", "suspect", "associate"}


def _affiliation(span: Span | None, doc: Doc, group_spans: ActorFinder) -> Span | None:
    """Name the group a generic phrase belongs to: "eight men apparently aligned with Islamic State"."""
    if span is None or group_spans(span.text):
        return span
    tok_span = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tok_span is None:
        return span
    head = tok_span.root
    for child in head.children:
        if child.dep_ in ("acl", "amod", "prep", "relcl") and (
                child.lemma_.lower() in AFFILIATION or child.lower_ in ("of", "with", "from")):
            left, right = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            for s, e, _ in group_spans(doc.text[left:right]):
                return _span_of(doc, left + s, left + e)
    return span


def _named_group(doc: Doc, tokens: set[Token], group_spans: ActorFinder, *, exclude: Span | None) -> Span | None:
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    for s, e, actor in group_spans(doc.text[start:end]):
        kind = getattr(actor, "kind", None)
        if kind in ("civilians", "protesters", "rioters"):
            continue
        abs_s, abs_e = start + s, start + e
        if exclude is not None and exclude.start <= abs_s < exclude.end:
            continue
        return _span_of(doc, abs_s, abs_e)
    return None


def _classify(kinds: set[str], lemmas: set[str], g: _Group, actor1: Span | None, actor2: Span | None,
              doc: Doc, tokens: set[Token]) -> tuple[str | None, str | None]:
    """CODEBOOK section 2: type and sub-type from the triggers of one event and their clause."""
    if kinds & {CHEM} and kinds & (set(EXPLOSIVE_KINDS) | {ATTACK, KILL, OUTCOME}):
        return "Explosions/Remote violence", "Chemical weapon"
    if kinds & {GAIN, LOSS}:
        return "Battles", "Non-state actor overtakes territory"  # refined by who gains, in _candidate
    if kinds & {PROTEST} and not (kinds & (set(EXPLOSIVE_KINDS) | {EXECUTE, ABDUCT, SEXUAL})):
        return _protest(kinds, lemmas)
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
    if kinds & {IED, BLAST}:
        if kinds & {DISRUPT} or lemmas & {"defuse", "foil", "thwart", "seize", "recover", "find", "discover"} and \
                not kinds & {OUTCOME, KILL}:
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
    if kinds & {CLASH}:
        return "Battles", "Armed clash"
    if kinds & {ARREST} and not kinds & {KILL, OUTCOME} and not (lemmas & {"attack", "ambush", "assault", "storm"}):
        # "police arrested 21 suspects in overnight raids": the raid is the arrest
        return "Strategic developments", "Arrests"
    if kinds & {ATTACK, KILL, OUTCOME}:
        if _armed_target(actor2, lemmas, doc, tokens):
            return "Battles", "Armed clash"
        if kinds <= {OUTCOME}:
            return "", None
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


def _territory_sub(gainer: Span | None, group_spans: ActorFinder | None) -> str | None:
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


def _protest(kinds: set[str], lemmas: set[str]) -> tuple[str, str]:
    if lemmas & LETHAL_CUES and lemmas & {"police", "security", "force", "troop", "soldier", "army", "officer"}:
        return "Protests", "Excessive force against protesters"
    if kinds & {RIOT, LOOT} or lemmas & VIOLENT_PROTEST_CUES:
        return "Riots", "Violent demonstration"
    if lemmas & INTERVENTION_CUES or kinds & {ARREST}:
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


def _armed_target(actor2: Span | None, lemmas: set[str], doc: Doc, tokens: set[Token]) -> bool:
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


def _background(g: _Group, trig: Token) -> bool:
    """An event named only in passing: a noun trigger hung on a word that is not an event verb."""
    if any(t.pos_ == "VERB" for t, _ in g.triggers):
        return False
    node = _phrase_head(trig)
    if node.dep_ == "ROOT":
        return False  # a headline or a verbless sentence: "Bomb blast in Kabul"
    head = node.head
    while head.dep_ in ("prep", "pobj", "conj", "compound", "amod") and head.head is not head:
        head = head.head
    return head.lemma_.lower() not in EVENT_VERBS


def _phrase_head(tok: Token) -> Token:
    """The head noun of the phrase a modifier belongs to: "ceasefire" -> "agreement"."""
    node = tok
    while node.dep_ in ("compound", "amod", "nmod") and node.head is not node:
        node = node.head
    return node


def _anchored(trig: Token, group_spans: ActorFinder | None) -> bool:
    """A passing mention is an event only when it is pinned to a place, a date or a named actor.

    "the Nice atrocity", "bombings in Lebanon and Turkey" and "the ISIS-inspired
    murder of Father Hamel" are; "the killing", "the means of mass murder" are not.
    """
    phrase = _phrase_head(trig)
    near = list(phrase.subtree) + [c for c in phrase.head.children if c.dep_ == "prep"]
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE") for t in near):
        return True
    if any(t.dep_ in ("compound", "amod", "poss") and t.pos_ == "PROPN" for t in trig.children):
        return True
    if group_spans is not None:
        left, right = trig.left_edge.idx, trig.right_edge.idx + len(trig.right_edge)
        return bool(group_spans(trig.doc.text[left:right]))
    return any(t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "NORP") for t in trig.subtree)


ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}


def _anaphoric(doc: Doc, cand: EventCandidate) -> bool:
    """An event noun with a definite determiner refers back: "The attack ...", "the blast ...", "this bombing"."""
    span = doc.char_span(cand.trigger.start, cand.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    tok = _phrase_head(span.root)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in tok.children) and \
        not any(c.ent_type_ in ("GPE", "LOC", "FAC", "DATE") for c in tok.subtree)


def _extend(c: EventCandidate, doc: Doc, sent: SpacySpan) -> EventCandidate:
    """Add a casualty-only sentence to the event it follows (its evidence and the text numbers are read from)."""
    end_text = sent.text.rstrip()
    end = sent.start_char + len(end_text)
    evidence = _span_of(doc, c.evidence.start, end)
    return replace(c, evidence=evidence, context=evidence)


def _same_paragraph(doc: Doc, end: int, start: int) -> bool:
    return "\n\n" not in doc.text[end:start] and start - end < 400


def _span_of(doc: Doc, start: int, end: int) -> Span:
    return Span(start, end, doc.text[start:end])


def _ranges(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(pairs):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def merge_mentions(coded: Sequence[Event]) -> list[Event]:
    """Merge the mentions of one occurrence within an article (headline and body, passing re-mentions).

    Two coded events are one when they have the same type, no conflicting
    place, initiator or date, and at least one of them is a passing
    (background) mention or both name the same place. The merged event keeps
    the more specific values and the highest confirmed toll (CODEBOOK 3).
    """
    out: list[Event] = []
    for ev in coded:
        for i, kept in enumerate(out):
            if _same_occurrence(kept, ev):
                out[i] = _merge_pair(kept, ev)
                break
        else:
            out.append(ev)
    return out


def _same_occurrence(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type:
        return False
    if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type:
        return False
    pa, pb = a.place, b.place
    same_place = bool(pa and pb and pa.name == pb.name and pa.country == pb.country)
    if pa and pb and not same_place:
        return False
    if a.date.date and b.date.date and a.date.date != b.date.date:
        return False
    n1a, n1b = (a.actor1.name if a.actor1 else None), (b.actor1.name if b.actor1 else None)
    if n1a and n1b and n1a != n1b:
        return False
    fa, fb = a.casualties.fatalities, b.casualties.fatalities
    if not (a.background or b.background) and fa is not None and fb is not None and fa != fb:
        return False
    return (a.background or b.background) and (same_place or pa is None or pb is None) or \
        (same_place and pa is not None and pa.precision == "place")


def _merge_pair(a: Event, b: Event) -> Event:
    main, other = (b, a) if a.background and not b.background else (a, b)

    def pick(x, y):
        return x if x is not None else y

    ca, cb = main.casualties, other.casualties
    fatal = max((v for v in (ca.fatalities, cb.fatalities) if v is not None), default=None)
    wounded = max((v for v in (ca.wounded, cb.wounded) if v is not None), default=None)
    casualties = replace(
        ca,
        fatalities=fatal,
        fatalities_high=pick(ca.fatalities_high, cb.fatalities_high),
        wounded=wounded,
        fatalities_span=ca.fatalities_span if ca.fatalities == fatal else cb.fatalities_span,
        wounded_span=ca.wounded_span if ca.wounded == wounded else cb.wounded_span,
    )
    place, loc = main.place, main.location_span
    if other.place and (place is None or _rank(other.place.precision) > _rank(place.precision)):
        place, loc = other.place, other.location_span
    date = main.date if main.date.date else other.date
    return replace(
        main,
        sub_event_type=main.sub_event_type or other.sub_event_type,
        place=place, location_span=loc, date=date,
        actor1=main.actor1 or other.actor1, actor2=main.actor2 or other.actor2,
        casualties=casualties, background=main.background and other.background,
        confidence=min(0.95, max(main.confidence, other.confidence) + 0.05),
    )


def _rank(precision: str | None) -> int:
    return {"place": 3, "admin1": 2, "country": 1}.get(precision or "", 0)
