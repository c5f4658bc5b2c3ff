"""The trigger lexicon: which words report which kind of event, and the word sets the stages share.

Takes nothing and returns data: the trigger kinds (``AIR`` ... ``CHANGE``),
``SINGLE`` (lemma -> kind) and ``PAIRS`` (two-word triggers), the order in
which kinds decide an event's type (``KIND_PRIORITY``), and the word sets that
trigger detection (``triggers.find_triggers``), typing (``triggers.classify``)
and word senses (``senses``) consult; ``trigger_kind`` looks one word up.
Imports nothing from the pipeline stages, so every stage can import it.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

logger = logging.getLogger(__name__)

# Trigger kinds. "outcome" triggers (died, wounded ...) only report casualties
# and never define an event on their own when an attack is reported nearby.
AIR, SUICIDE, IED, SHELL, GRENADE, CHEM, BLAST = "air", "suicide", "ied", "shell", "grenade", "chem", "blast"
CLASH, GAIN, LOSS, ATTACK, KILL, EXECUTE, OUTCOME = "clash", "gain", "loss", "attack", "kill", "execute", "outcome"
ABDUCT, SEXUAL, PROTEST, RIOT, MOB, ARREST, DISRUPT = "abduct", "sexual", "protest", "riot", "mob", "arrest", "disrupt"
AGREE, PROPAGANDA, LOOT, HQ, TRANSFER, CHANGE = "agree", "propaganda", "loot", "hq", "transfer", "change"

EXPLOSIVE_KINDS = (AIR, SUICIDE, CHEM, SHELL, GRENADE, IED, BLAST)
# Kinds of deed that may be told as one incident ("a firefight after a unit was ambushed", "stormed
# the hotel after a car bomb exploded"); a kind outside a family is a deed of its own.
KIND_FAMILIES = (
    frozenset({*EXPLOSIVE_KINDS, CLASH, ATTACK, KILL, EXECUTE, SEXUAL, LOOT}),
    frozenset({PROTEST, RIOT, MOB, DISRUPT}),
    frozenset({GAIN, LOSS}),
)

# lemma (lower-case) -> kind; verbs and nouns alike, the parse tells them apart.
SINGLE: dict[str, str] = {
    # explosions / remote violence
    "airstrike": AIR, "air-strike": AIR, "airstrikes": AIR, "airraid": AIR, "warplane": AIR, "jet": AIR,
    "aircraft": AIR,
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
    # the lemmatizer leaves these forms as they are (and may tag "retook" a noun)
    "retook": GAIN, "retaken": GAIN, "retakes": GAIN,
    # attacks on people
    "attack": ATTACK, "ambush": ATTACK, "assault": ATTACK, "raid": ATTACK, "storm": ATTACK, "strike": ATTACK,
    "target": ATTACK, "atrocity": ATTACK, "onslaught": ATTACK, "hit": ATTACK, "ram": ATTACK, "ramming": ATTACK,
    "kill": KILL, "murder": KILL, "shoot": KILL, "gun": KILL, "stab": KILL, "massacre": KILL, "slaughter": KILL,
    "slay": KILL, "assassinate": KILL, "assassination": KILL, "hack": KILL, "lynch": MOB, "burn": KILL,
    "torture": KILL, "beat": KILL, "killing": KILL, "shooting": KILL, "stabbing": KILL,
    "behead": EXECUTE, "execute": EXECUTE, "execution": EXECUTE, "decapitate": EXECUTE, "beheading": EXECUTE,
    "die": OUTCOME, "dead": OUTCOME, "death": OUTCOME, "wound": OUTCOME, "injure": OUTCOME, "casualty": OUTCOME,
    "toll": OUTCOME, "injury": OUTCOME, "hurt": OUTCOME, "body": OUTCOME, "corpse": OUTCOME,
    "kidnap": ABDUCT, "abduct": ABDUCT, "kidnapping": ABDUCT, "abduction": ABDUCT, "hostage": ABDUCT,
    "hijack": ABDUCT, "hijacking": ABDUCT, "skyjack": ABDUCT,
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
    ("exchange", "prisoners"): AGREE, ("swap", "prisoners"): AGREE, ("prisoner", "exchange"): AGREE,
    ("prisoner", "swap"): AGREE,
    ("pledge", "allegiance"): CHANGE, ("hand", "over"): TRANSFER, ("round", "up"): ARREST,
}
PAIRS = {k: v for k, v in PAIRS.items() if v is not None}

# Words that make "strike"/"march"/"deal" ... mean something else nearby.
# Craft of war and their strikes, named with their owner ("US jets", "Coalition aircraft", "Saudi drones").
WAR_CRAFT = {"jet", "warplane", "aircraft", "plane", "drone", "helicopter", "gunship", "bomber", "airstrike", "strike"}
# Words by which an article speaks of strikes from the air, so that a bare "strike" in it is one.
AERIAL_WORDS = {"airstrike", "air-strike", "airstrikes", "aircraft", "warplane", "warplanes", "jet", "jets", "drone",
                "drones", "bomber", "bombers", "sortie", "sorties", "gunship", "gunships", "airpower", "air-power"}
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
# Verbs of saying and of judging what was said: their subject speaks of a deed ("Afghan President Hamid
# Karzai confirmed that the helicopter had been shot down", "The United States condemns the ISIL attack",
# "in what French President Emmanuel Macron called an attack"), it does not do it.
SPEAKING_VERBS = {"say", "deny", "announce", "state", "insist", "confirm", "report", "tell", "add", "acknowledge",
                  "admit", "warn", "note", "stress", "condemn", "denounce", "deplore", "decry", "criticize",
                  "criticise", "welcome", "praise", "hail", "applaud", "mourn", "call", "describe", "term", "dub"}
# Verbs after which an infinitive still reports something that happened ("attempted to detonate").
REALIS_CONTROL = {"attempt", "try", "manage", "continue", "begin", "start", "fail", "proceed", "go", "come",
                  "seem", "appear", "use", "help", "resume", "keep", "force", "compel", "oblige"}
# Force used "to disperse the mob", "to quell the protesters": the crowd was there, whatever the purpose.
CROWD_CONTROL = {"disperse", "quell", "scatter", "repel", "contain"}
HEDGES = {"probably", "possibly", "perhaps", "maybe", "hypothetically"}
GENERIC_ADVERBS = {"often", "usually", "always", "generally", "typically", "frequently", "routinely",
                   "regularly", "sometimes", "never", "repeatedly", "occasionally"}
# Verbs whose subject/object noun trigger is a real, specific event ("a bombing rocked the market").
EVENT_VERBS = {"happen", "occur", "take", "kill", "leave", "claim", "carry", "launch", "conduct", "stage",
               "hit", "target", "strike", "rock", "wound", "injure", "erupt", "break", "follow", "see",
               "cause", "destroy", "damage", "be", "hold", "organize", "organise", "continue", "spread",
               "turn", "end", "begin", "start", "result", "report", "confirm", "mount", "unleash", "perpetrate",
               "commit", "trigger", "spark", "disperse", "quell", "scatter", "repel", "contain", "break", "sign", "reach", "agree", "announce", "release",
               "publish", "circulate", "post", "issue", "broker", "declare", "violate", "use", "fire", "drop",
               "detonate", "explode", "go", "plant", "hurl", "throw", "lob", "toss", "fall", "land",
               "rip", "tear", "shake", "engage", "suppress", "level", "flatten", "demolish", "raze", "disable",
               "stag"}  # the lemmatizer's lemma of "staged"
# Verbs that make a crowd's protest noun a report of the protest: "gathered in a peaceful protest",
# "demonstrators marched", "joined protests", "participated in a march".
PROTEST_VERBS = {"gather", "assemble", "march", "participate", "join", "chant", "converge", "rally", "walk",
                 "throng", "flock", "pour", "protest", "demonstrate", "picket", "block", "shout", "wave", "sing",
                 "denounce", "demand", "defy", "brave", "swarm", "boo", "hold", "stage", "stag", "take",
                 "suppress", "crush"}
# Military sites whose setting up is "Headquarters or base established" (CODEBOOK 2).
BASE_NOUNS = {"base", "outpost", "barracks", "checkpoint", "headquarters", "garrison", "airbase", "airfield"}
# Sites that are a base only with a military word beside them: "observation post", "military point".
BASE_NOUNS_QUALIFIED = {"post", "point", "position", "camp", "station"}
BASE_QUALIFIERS = {"military", "observation", "army", "monitoring", "security", "turkish", "russian", "american",
                   "us", "iranian", "troop", "naval", "air"}
# Armed forces moving, massing or forming (CODEBOOK 2, Change to group/activity): "deployed troops",
# "forces withdrew from the base", "Land Forces were formed".
MOVEMENT_VERBS = {"deploy", "redeploy", "dispatch", "send", "move", "station", "reinforce", "withdraw", "mobilize",
                  "mobilise", "fortify", "form", "pull", "reposition", "amass", "mass"}
# Of those, the ones whose subject is what moves: "forces withdrew", "fighters have mobilized".
MOVEMENT_INTRANSITIVE = {"withdraw", "redeploy", "mobilize", "mobilise", "pull", "reposition", "reinforce", "fortify"}
FORCE_NOUNS = {"troop", "force", "soldier", "unit", "reinforcement", "fighter", "army", "military", "battalion",
               "brigade", "militia", "militiaman", "personnel", "tank", "regiment", "division", "contingent",
               "peacekeeper", "gendarme", "commando", "marine", "paratrooper", "squad", "detachment"}
BASE_VERBS = {"establish", "set", "create", "build", "erect", "construct", "open", "install", "set-up"}
PROPAGANDA_VERBS = {"release", "publish", "circulate", "post", "issue", "distribute", "air", "broadcast", "show"}
ACCIDENT_CUES = {"accident", "accidental", "accidentally", "cylinder", "boiler", "leak", "short-circuit",
                 "earthquake", "flood", "landslide", "cyclone", "storm", "hurricane", "stampede", "collapse",
                 "crash", "derail", "fireworks", "factory", "covid", "virus", "outbreak", "quake", "tornado",
                 "drought", "wildfire", "lightning", "typhoon", "heatwave", "epidemic", "volcano", "eruption",
                 "tsunami", "disaster", "mudslide", "avalanche", "blizzard", "bushfire", "firefighter",
                 "firefighters", "collision", "collide", "poison", "poisoning", "overdose", "capsize", "leakage",
                 "monsoon", "downpour", "torrential", "famine", "propane", "fertilizer", "refinery", "furnace",
                 "plunge", "icy", "skid", "overturn", "drown", "shipwreck", "drowning", "wreck", "rollover",
                 "climber", "mountaineer", "crush", "hiker",
                 # poisoning by food and drink, and weather
                 "consume", "ingest", "adulterate", "adulterated", "contaminate", "contaminated", "toxin", "methanol",
                 "hooch", "rainfall", "cloudburst"}
JET_CUES = {"fire", "strike", "missile", "bomb", "attack", "raid", "pound", "target", "hit", "drop", "shoot",
            "warplane", "military", "air", "force", "sortie", "rocket"}
# What aircraft do in a strike: "aircraft" alone is an air strike only with one of these.
JET_DEEDS = JET_CUES - {"military", "air", "force", "sortie", "warplane"}
# A barrage that holds water: "the Samarra Barrage ... on the Tigris River".
DAM_WORDS = {"river", "dam", "water", "irrigation", "hydroelectric", "reservoir", "canal", "tigris", "euphrates",
             "flood", "multi-purpose", "lake"}
# Words that make a sentence with an accident cue still a report of violence.
VIOLENCE_CUES = {"attack", "bomber", "militant", "gunman", "gunmen", "terrorist", "insurgent", "rebel", "airstrike",
                 "shelling", "suicide", "jihadist", "bomb", "explosive", "ied", "grenade", "mortar", "rocket",
                 "missile", "militia", "protest", "protester", "protesters", "demonstration",
                 "demonstrator", "riot", "rioter", "march", "rally", "clash", "gunfire", "shooting",
                 # plural forms the tagger leaves unlemmatised at a sentence's start, and shelling verbs
                 "rebels", "militants", "insurgents", "terrorists", "jihadists", "militias", "shell", "shelled",
                 "bombing", "hijack", "hijacked", "hijacker", "kidnap", "kidnapped", "raid", "arson", "arsonist",
                 "shoot", "vbied", "vbieds", "svbied", "airstrikes", "warplane", "warplanes", "gunship", "artillery"}
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
# Who a place falls to or who surrenders: armed sides, not a rank or a level ("fell to the Taliban", not
# "fell to 18th").
TAKERS = {"rebel", "militant", "jihadist", "insurgent", "fighter", "militia", "army", "troop", "force", "taliban",
          "terrorist", "separatist", "government", "regime", "coalition", "enemy", "islamist", "extremist",
          "guerrilla", "guerilla", "invader", "occupier", "soldier", "mujahideen", "gunman", "gunmen", "forces",
          "militiaman", "paramilitary", "junta", "loyalist", "opposition"}
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
                    "driver", "motorist", "commuter", "employee", "staff", "nurse", "patient", "voter", "schoolgirl",
                    "schoolboy", "pupil", "schoolchild", "schoolchildren"}
# Targets that are places where civilians are, not people: hit, they say where, and the dead say whom.
CIVILIAN_SITES = {"market", "mosque", "church", "school", "hospital", "village", "bus", "wedding", "funeral", "home",
                  "house", "shop", "hotel", "restaurant", "cafe", "bar", "nightclub", "concert", "stadium"}
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
                        "attack", "fight", "damage", "destroy", "aggressive"}


# -- words that give a conflict word another sense (senses.py) ----------------------------------------

# Illness and its care told anywhere around a death: "after a long battle with lung cancer", "while on the
# waiting list for a kidney".
MEDICAL = {"cancer", "disease", "illness", "ailment", "emphysema", "kidney", "transplant", "dialysis", "donor",
           "tumor", "tumour", "leukemia", "diabetes", "alzheimer", "dementia", "hospice", "covid", "coronavirus",
           "pneumonia", "flu", "influenza", "infection", "outbreak", "epidemic", "pandemic", "virus",
           "overdose", "transplantation"}
# Where a death is the end of a life, not a killing: obituaries and jokes.
AFTERLIFE = {"heaven", "afterlife", "pearly", "purgatory", "resurrection", "crucifixion", "tomb"}
# Things that kill, hit or burn with nobody's violence behind them: "hit by a car", "fire kills man",
# "winds, hail, fires hit Manhattan".
MECHANICAL_AGENTS = {"car", "vehicle", "truck", "bus", "train", "motorcycle", "van", "suv", "pickup", "tractor",
                     "trailer", "rollover", "wreck", "crash", "collision", "accident", "fire", "blaze", "flame",
                     "wildfire", "wind", "hail", "storm", "tornado", "hurricane", "rain", "snow", "flood",
                     "lightning", "avalanche", "quake", "earthquake", "landslide", "mudslide", "cyclone", "typhoon",
                     "heatwave", "heat", "tree", "motorbike",
                     "bicycle", "scooter", "lorry", "taxi", "cab", "jeep", "sedan", "tanker"}
# What makes a vehicle that hits people a weapon: "rammed into the crowd", "deliberately".
RAMMING = {"ram", "plough", "plow", "mow", "deliberately", "intentionally", "attacker", "assailant", "terrorist",
           "terror", "attack", "militant", "gunman", "gunmen", "jihadist", "bomb", "explosive"}
# A rocket or missile as hardware or policy, not fired: "interceptor missiles", "a booster rocket".
HARDWARE_MODIFIERS = {"interceptor", "booster", "space", "carrier", "abm", "anti-ballistic", "antiballistic", "defense",
                      "defence", "toy", "model", "water", "bottle", "sounding", "hobby", "saturn", "falcon", "soyuz"}
HARDWARE_HEADS = {"test", "testing", "defense", "defence", "shield", "program", "programme", "system", "technology",
                  "production", "factory", "deal", "sale", "contract", "development", "maker", "manufacturer",
                  "scientist", "engineer", "industry", "launch", "stage", "engine", "capability", "arsenal", "treaty"}
# Things an attack word can name the kind of, rather than report an attack: "an amphibious assault
# ship", "an artillery crewmember", "ISIL fighting positions", "a VBIED storage facility".
EQUIPMENT_HEADS = {"ship", "vessel", "boat", "submarine", "frigate", "destroyer", "helicopter", "aircraft", "plane",
                   "jet", "craft", "rifle", "crew", "crewmember", "crewman", "position", "capability", "capacity",
                   "training", "drill", "exercise", "course", "season", "facility", "dog", "system", "factory",
                   "manual", "tactic", "equipment", "range"}
LAUNCH_WORDS = {"orbit", "satellite", "spacecraft", "capsule", "astronaut", "cosmonaut", "nasa", "launchpad",
                "cosmodrome", "spaceport", "payload", "soyuz", "shuttle", "spacex", "roscosmos", "lunar", "mars"}
# A mine dug, not laid: "a coal mine", "a deep mine accumulating water".
MINING = {"coal", "gold", "copper", "diamond", "silver", "iron", "salt", "uranium", "zinc", "tin", "lithium", "cobalt",
          "nickel", "opencast", "open-pit", "strip", "underground", "deep", "abandoned", "miner", "mining", "ore",
          "shaft", "quarry", "colliery", "mineral", "pit", "excavation", "emerald", "jade", "bauxite", "phosphate"}
MINING_CONTEXT = {"coal", "miner", "mining", "ore", "shaft", "quarry", "colliery", "mineral", "gold", "excavation"}
# What a laid mine does or has done to it: without one of these a bare "mine" is not an explosive.
MINE_CUES = {"explode", "explosion", "blast", "detonate", "step", "plant", "lay", "clear", "defuse", "demine",
             "demining", "anti-personnel", "antipersonnel", "anti-tank", "antitank", "field", "minefield", "hit",
             "strike", "trigger", "blow", "kill", "wound", "injure", "casualty", "victim", "sweep", "ied",
             "unexploded", "ordnance", "militant", "army", "soldier", "troop", "landmine", "clearance", "remove",
             "naval", "find", "discover", "seize", "recover", "destroy", "neutralize", "dead", "die", "death",
             "injury", "rebel", "insurgent", "booby", "explosive", "bomb", "device", "detonation", "go"}
# Heads for which "bomb" names no explosion: "bomb squad called", "a bomb threat".
BOMB_NON_EVENTS = {"squad", "threat", "scare", "hoax", "disposal", "technician", "expert", "shelter", "detector",
                   "dog", "sniffer", "maker", "making", "unit", "team", "robot", "suit", "proof", "cyclone", "jacket"}
EXPLOSIVE_HEADS = {"device", "material", "charge", "belt", "vest", "package", "substance", "ordnance", "remnant",
                   "item", "object", "mixture", "cargo", "barrel", "detonator", "projectile", "round", "shell", "drone",
                   "boat", "car", "vehicle", "truck", "motorcycle", "bag", "parcel", "envelope", "letter", "trap",
                   "jacket", "compound", "powder", "cache", "chemical", "agent", "precursor", "residue", "trace",
                   "ied", "mine", "bomb", "weapon", "munition", "ammunition", "rocket", "missile", "grenade",
                   "detonation", "explosion", "blast", "body", "attack", "ordnance", "remnants"}
# Things whose sudden growth is an "explosion": "an explosion of plankton", "popularity has exploded".
GROWTH = {"popularity", "number", "sale", "demand", "interest", "population", "growth", "price", "cost", "plankton",
          "algae", "bloom", "debate", "controversy", "scandal", "anger", "outrage", "frustration", "traffic", "use",
          "usage", "membership", "enrollment", "enrolment", "audience", "follower", "viewership", "industry",
          "business", "economy", "market", "color", "colour", "flavor", "flavour", "creativity", "energy", "joy",
          "emotion", "laughter", "sound", "music", "talent", "content", "data", "information", "startup", "app"}
# What a camera shoots: "shooting footage", "the movie was shot in 18 days".
FILMING = {"footage", "film", "movie", "video", "scene", "episode", "photo", "photograph", "picture", "commercial",
           "documentary", "pilot", "clip", "segment", "advert", "ad", "sequence", "series", "show", "portrait",
           "selfie", "image", "music", "hoop", "basket", "pool", "par", "birdie", "eagle", "jumper"}
# What is hacked without a blade: "Coincheck was hacked", "hacked the accounts".
COMPUTING = {"account", "computer", "system", "server", "email", "e-mail", "phone", "website", "site", "network",
             "database", "exchange", "platform", "device", "wallet", "camera", "grid", "company", "firm", "bank",
             "network", "software", "app", "data", "password", "election", "campaign", "committee"}
# What an incident is captured on: "captured on video".
RECORDINGS = {"video", "camera", "film", "tape", "cctv", "footage", "photo", "photograph", "image", "recording",
              "picture", "canvas", "cellphone", "phone", "smartphone", "dashcam", "bodycam", "webcam", "lens"}
# Law enforcement whose raid is a search, not an attack: "an immigration raid", "a police raid on their home".
LAW_ENFORCEMENT = {"police", "policeman", "policemen", "officer", "cop", "sheriff", "deputy", "agent", "detective",
                   "swat", "fbi", "dea", "immigration", "drug", "narcotic", "narcotics", "customs", "tax", "vice",
                   "anti-drug", "garda", "gardai", "ice", "investigator", "trooper", "marshal", "atf", "gbi",
                   "task", "force", "squad", "team", "authority", "authorities"}
# Agreements of business, courts and politics, not between armed sides: "a plea agreement", "a licensing deal".
CIVIL_AGREEMENTS = {"plea", "trade", "business", "licensing", "loan", "merger", "purchase", "sale", "settlement",
                    "free-trade", "tax", "pension", "insurance", "lease", "sponsorship", "distribution", "partnership",
                    "prenuptial", "custody", "confidentiality", "non-disclosure", "nondisclosure", "franchise",
                    "supply", "labor", "labour", "budget", "coalition", "power-sharing", "collective", "bargaining",
                    "lending", "credit", "marketing", "broadcast", "broadcasting", "transfer", "contract"}
# Talks about an agreement rather than one made: "the prisoner exchange negotiations".
AGREEMENT_TALKS = {"negotiation", "talk", "proposal", "plan", "offer", "draft", "deadline", "discussion", "bid",
                   "effort", "framework", "initiative", "deal"}
# A court's or a firm's parties to an agreement: "the parties had reached an agreement", said the judge.
COURT_WORDS = {"court", "judge", "lawsuit", "plaintiff", "defendant", "attorney", "lawyer", "prosecutor", "plea",
               "jury", "litigation", "counsel", "insurer", "pension", "settlement", "venture", "shareholder"}


# Territory first after chemical weapons, as ``triggers.classify`` types it: "retook the town ... backed by air
# strikes" is told by "retook".
KIND_PRIORITY = [CHEM, GAIN, LOSS, AIR, SUICIDE, SHELL, GRENADE, IED, BLAST, EXECUTE, SEXUAL, ABDUCT, RIOT, MOB,
                 PROTEST, CLASH, ATTACK, KILL, ARREST, DISRUPT, AGREE, PROPAGANDA, HQ, TRANSFER, CHANGE, LOOT,
                 OUTCOME]


# Objects that are no one acted on: "opened fire", "took place", "blew themselves up".
NOT_TARGETS = {"control", "fire", "responsibility", "attack", "place", "themselves", "himself", "herself", "itself",
               "round", "bullet", "shot", "gas", "shell", "rocket", "missile", "mortar", "grenade", "volley",
               "canister", "ammunition", "salvo"}
# People named by sex or age alone, who are no initiator of a suicide bombing (CODEBOOK: never civilians).
PLAIN_PEOPLE = {"woman", "women", "girl", "man", "men", "boy", "teenager", "child", "person", "people", "female",
                "male", "youth", "teen"}

# A single person or kin named as a victim ("a Muslim man", "his son"): with no group named, a civilian.
PERSON_VICTIMS = (PLAIN_PEOPLE | {"son", "daughter", "wife", "husband", "father", "mother", "brother", "sister",
                                  "relative", "baby", "infant", "toddler", "grandmother", "grandfather", "family",
                                  "student", "pupil", "schoolgirl", "schoolboy", "teacher", "journalist", "reporter",
                                  "doctor", "nurse", "priest", "pastor", "imam", "cleric", "monk", "nun", "worker",
                                  "farmer", "trader", "shopkeeper", "businessman", "driver", "villager", "resident",
                                  "pilgrim", "tourist", "worshipper", "passenger", "activist", "blogger", "lawyer"})

CELL_WORDS = {"cell", "network", "ring", "gang", "module", "group", "syndicate", "unit"}


def trigger_kind(tok: Token) -> str | None:
    """The kind a single word triggers by itself (no two-word triggers, no sense check)."""
    return SINGLE.get(tok.lemma_.lower()) or SINGLE.get(tok.lower_)

# Craft whose seizure is a hijacking (its crew and passengers taken), not territory or a haul.
HIJACKED = frozenset({"plane", "aircraft", "airliner", "airplane", "jet", "flight", "helicopter", "ship", "vessel",
                      "boat", "tanker", "freighter", "trawler", "dhow", "ferry", "yacht", "bus", "train", "coach"})

# Charges of ordinary crime: an arrest for one of these, with nothing political named, is a police
# matter, not a political event ("arrested for burglary", "on suspicion of negligent homicide").
ORDINARY_CRIMES = frozenset({
    "burglary", "burglar", "theft", "steal", "stealing", "shoplift", "shoplifting", "robbery", "rob", "fraud",
    "embezzlement", "embezzle", "drug", "drugs", "narcotic", "narcotics", "marijuana", "cocaine", "heroin", "meth",
    "methamphetamine", "pornography", "dui", "drunk", "insider", "counterfeit", "forgery", "vandalism", "vandalise",
    "vandalize", "trespass", "trespassing", "negligent", "endangerment", "poaching", "speeding", "bail", "pension",
    "trafficking", "smuggle", "smuggling", "migrant", "migrants", "illegally", "immigration", "visa"})
# What makes an arrest political: armed groups, attacks, unrest, dissent.
POLITICAL_CUES = VIOLENCE_CUES | {
    "terror", "terrorism", "extremist", "extremism", "opposition", "activist", "dissident", "journalist",
    "protest", "protester", "demonstrator", "coup", "insurgency", "separatist", "islamist", "jihadi", "treason",
    "sedition", "party", "leader", "politician", "lawmaker", "minister", "weapon", "arms", "explosive"}
