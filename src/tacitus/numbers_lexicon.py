"""Word lists the casualty reader uses: number words, hedges, casualty verbs and nouns, person nouns.

Data only (sets, tuples and the regular expressions of confirmed zeros,
claims and totals), no logic: :mod:`tacitus.numbers_counts` reads count phrases with
the number words and hedges, :mod:`tacitus.numbers` reads victim lists and
casualty predicates with the rest. Values follow CODEBOOK section 3
("several" = 3, "dozens" = 12, "scores" = 20, "hundreds" = 100 ...).
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}

TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}

SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague plurals and their codebook values.
VAGUE = {
    "several": 3, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "millions": 1_000_000, "dozen": 12,
}

HEDGES = (
    "at least", "at the least", "more than", "over", "well over", "just over", "nearly", "almost",
    "about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
    "up to", "as many as", "no fewer than", "no less than", "not less than", "close to",
    "upwards of", "in excess of", "a total of", "total of", "a further", "an additional",
    "additional", "further", "another", "other", "a minimum of", "a reported", "reportedly",
    "all", "all the", "all of the", "the", "both",
)

FEWER = ("fewer than", "less than", "under", "below", "at most")

ADDITIVE_HEDGES = {"a further", "an additional", "additional", "further"}

# Words that end a noun phrase (function words, auxiliaries, predicates).
STOP = {
    "and", "or", "but", "nor", "as", "at", "by", "for", "from", "in", "into", "of", "off", "on",
    "onto", "over", "to", "toward", "towards", "with", "within", "without", "near", "during",
    "after", "before", "since", "until", "when", "while", "where", "who", "whom", "whose",
    "which", "that", "this", "these", "those", "than", "then", "there", "here", "is", "are",
    "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could",
    "should", "may", "might", "must", "can", "did", "do", "does", "also", "including",
    "included", "among", "amongst", "not", "no", "all", "both", "each", "reportedly",
    "later", "allegedly", "say", "says", "said", "according", "inside", "outside", "across",
    "against", "between", "along", "amid", "behind", "under", "through", "throughout",
    "about", "around", "got", "get", "left", "leaving", "found", "he", "she", "it", "they",
    "we", "you", "i", "him", "her", "them", "his", "its", "their", "our", "the", "a", "an",
    "if", "so", "because", "once", "yet", "either", "neither", "whether", "out", "up", "down",
    "today", "yesterday", "tonight", "overnight", "earlier", "instantly", "immediately",
}

FATAL_PASSIVE = {
    "killed", "dead", "died", "die", "dies", "dying", "murdered", "executed", "beheaded",
    "massacred", "slain", "slaughtered", "assassinated", "perished", "lynched", "decapitated",
    "martyred", "burnt", "burned", "deceased", "crucified", "strangled", "electrocuted",
}

WOUND_PASSIVE = {
    "wounded", "injured", "hurt", "hospitalised", "hospitalized", "maimed", "injuried",
}

FATAL_ACTIVE = {
    "kill", "kills", "killed", "killing", "murder", "murders", "murdered", "murdering",
    "execute", "executes", "executed", "executing", "behead", "beheads", "beheaded",
    "beheading", "massacre", "massacres", "massacred", "massacring", "slay", "slays", "slew",
    "slaying", "slaughter", "slaughters", "slaughtered", "slaughtering", "assassinate",
    "assassinates", "assassinated", "assassinating", "lynch", "lynched", "lynching",
    "decapitated", "decapitating", "crucified",
}

WOUND_ACTIVE = {
    "wound", "wounds", "wounded", "wounding", "injure", "injures", "injured", "injuring",
    "hurt", "hurts", "hurting", "maim", "maims", "maimed", "maiming",
}

# Two-word predicates that mean killed ("shot dead", "gunned down", "burned to death").
FATAL_PHRASES = (
    ("shot", "dead"), ("gunned", "down"), ("shot", "to", "death"), ("beaten", "to", "death"),
    ("stabbed", "to", "death"), ("hacked", "to", "death"), ("burned", "to", "death"),
    ("burnt", "to", "death"), ("stoned", "to", "death"), ("tortured", "to", "death"),
    ("bludgeoned", "to", "death"), ("clubbed", "to", "death"), ("crushed", "to", "death"),
    ("lost", "their", "lives"), ("lost", "his", "life"), ("lost", "her", "life"),
    ("lost", "lives"), ("found", "dead"), ("confirmed", "dead"), ("confirmed", "killed"),
    ("killed", "in", "action"), ("fatally", "shot"), ("fatally", "wounded"),
    ("fatally", "injured"), ("fatally", "stabbed"), ("mortally", "wounded"),
    ("declared", "dead"), ("pronounced", "dead"), ("shot", "and", "killed"),
    ("succumbed",), ("drowned",), ("shoot", "dead"), ("sacrificed", "their", "lives"),
    ("gave", "their", "lives"), ("to", "death"), ("laid", "down", "their", "lives"), ("found", "killed"),
)

FATAL_ACTIVE_PHRASES = (
    ("shot", "dead"), ("shooting", "dead"), ("shoot", "dead"), ("shoots", "dead"),
    ("gunned", "down"), ("gunning", "down"),
    ("shot", "and", "killed"), ("fatally", "shot"), ("fatally", "wounding"),
    ("fatally", "wounded"), ("fatally", "stabbed"), ("fatally", "stabbing"),
    ("claiming", "the", "lives", "of"), ("claimed", "the", "lives", "of"),
    ("took", "the", "lives", "of"), ("taking", "the", "lives", "of"),
    ("cost", "the", "lives", "of"), ("costing", "the", "lives", "of"),
    ("deaths", "of"), ("death", "of"), ("the", "killing", "of"),
    ("the", "killings", "of"), ("the", "murder", "of"), ("the", "murders", "of"),
    ("the", "execution", "of"), ("the", "executions", "of"), ("the", "massacre", "of"),
    ("the", "bodies", "of"), ("bodies", "of"), ("the", "lives", "of"),
    ("burned", "to", "death"), ("burnt", "to", "death"), ("burning", "to", "death"),
    ("slit", "the", "throats", "of"), ("slitting", "the", "throats", "of"),
    ("murder", "of"), ("assassination", "of"),
)

WOUND_ACTIVE_PHRASES = (
    ("injuries", "to"), ("injury", "to"), ("injury", "of"), ("injuries", "of"), ("the", "wounding", "of"),
    ("the", "injuring", "of"), ("sending",), ("hospitalising",), ("hospitalizing",),
)

# Head nouns that are themselves casualties: "5 deaths", "claimed 12 lives".
FATAL_NOUNS = {"deaths", "death", "fatalities", "fatality", "dead", "lives", "bodies", "corpses"}

WOUND_NOUNS = {"injuries", "injury", "injured", "wounded"}

# Words allowed between a list and its predicate ("were reportedly all killed").
AUX = {
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got", "get",
    "gets", "also", "reportedly", "found", "allegedly", "all", "both", "later", "subsequently",
    "eventually", "instantly", "immediately", "reported", "officially", "who", "that",
    "seriously", "critically", "severely", "slightly", "lightly", "badly", "gravely",
    "grievously", "mildly", "moderately", "fatally", "mortally", "partially", "heavily", "left", "then", "too",
    "each", "apparently", "likely", "either", "were", "now", "themselves", "in", "total",
    "had", "will", "would", "may", "since", "confirmed", "accidentally",
}

# A form of "be" or "get": what makes "shot" passive ("two men were shot"), not active.
BE_FORMS = {"was", "were", "is", "are", "be", "been", "being", "got", "get", "gets"}

# Verbs of report before "to have been" ("two people are reported to have been injured").
HEARSAY = {"reported", "said", "believed", "thought", "feared", "known", "understood", "confirmed", "alleged"}

ADDITIVE_WORDS = {"also", "another", "other", "others", "more", "additional", "further", "too"}

# A list preceded by one of these is a subset of a count already made.
SUBSET = {"including", "included", "among", "amongst", "incl", "namely", "mostly", "mainly", "whom"}

# Heads that never count victims (durations, ages, money, weapons, vehicles, places).
NON_PERSON = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "second", "seconds", "decade", "decades", "night", "nights",
    "km", "kilometres", "kilometers", "kilometre", "kilometer", "mile", "miles", "metres",
    "meters", "metre", "meter", "feet", "foot", "kg", "kilograms", "pounds", "tons", "tonnes",
    "percent", "per", "cent", "dollars", "dollar", "euros", "rupees", "usd", "pm", "am",
    "bomb", "bombs", "explosive", "explosives", "device", "devices", "ied", "ieds", "grenade",
    "grenades", "rocket", "rockets", "mortar", "mortars", "shell", "shells", "missile",
    "missiles", "mine", "mines", "landmine", "landmines", "car", "cars", "vehicle", "vehicles",
    "truck", "trucks", "bus", "buses", "tank", "tanks", "helicopter", "helicopters", "plane",
    "planes", "aircraft", "jet", "jets", "drone", "drones", "boat", "boats", "ship", "ships",
    "house", "houses", "home", "homes", "building", "buildings", "shop", "shops", "school",
    "schools", "village", "villages", "town", "towns", "city", "cities", "district",
    "districts", "province", "provinces", "country", "countries", "attack", "attacks",
    "blast", "blasts", "explosion", "explosions", "bombing", "bombings", "incident",
    "incidents", "raid", "raids", "strike", "strikes", "airstrike", "airstrikes", "round",
    "rounds", "shot", "shots", "bullet", "bullets", "gun", "guns", "rifle", "rifles", "weapon",
    "weapons", "point", "points", "time", "times", "place", "places", "location", "locations",
    "site", "sites", "area", "areas", "part", "parts", "side", "sides", "case", "cases",
    "group", "groups", "cell", "cells", "brigade", "brigades", "battalion", "battalions",
    "unit", "units", "division", "divisions", "company", "companies", "camp", "camps",
    "church", "churches", "mosque", "mosques", "checkpoint", "checkpoints", "post", "posts",
    "base", "bases", "office", "offices", "station", "stations", "hospital", "hospitals",
    "story", "stories", "floor", "floors", "animal", "animals", "cattle", "cows", "goats",
    "sheep", "horses", "dogs", "camels", "video", "videos", "million", "billion", "count",
    "counts", "charges", "charge", "sentence", "sentences", "occasions", "occasion",
    "number", "numbers",  # "an unknown number of civilians": no count
}

SENTENCE_END = {".", "!", "?", ";", ":"}

TOLL_WORDS = {"toll", "tally", "count"}

PEOPLE_PLURAL = {"people", "persons", "civilians", "soldiers", "men", "women", "children", "others"}

# Participles that end a noun phrase though they are not casualty words.
VERBISH = {
    "shot", "gunned", "stabbed", "beaten", "hacked", "burnt", "lost", "taken", "kidnapped",
    "abducted", "arrested", "detained", "missing", "rescued", "freed", "released", "held",
    "displaced", "evacuated", "hijack", "hijacked", "attack", "attacked", "open", "opened",
    "fired", "die", "dies", "sustained", "suffered", "received", "remain", "remained", "leave", "leaves",
}

PREPOSITIONS = {"of", "from", "in", "at", "for", "with", "near", "on", "to", "by", "against", "into", "toward", "towards"}

SINGULAR_DETS = {"a", "an", "another", "his", "her", "their", "its", "one", "the"}

PRONOUNS = {"him", "her", "himself", "herself"}

PERSON = {
    "man", "woman", "child", "boy", "girl", "baby", "infant", "toddler", "teenager", "teen",
    "youth", "person", "individual", "civilian", "soldier", "officer", "policeman",
    "policewoman", "cop", "constable", "trooper", "guard", "bodyguard", "militant", "fighter",
    "rebel", "insurgent", "gunman", "attacker", "assailant", "bomber", "perpetrator",
    "terrorist", "jihadist", "extremist", "militiaman", "worker", "employee", "official",
    "leader", "commander", "chief", "member", "lawmaker", "politician", "mayor", "governor",
    "judge", "lawyer", "journalist", "reporter", "photographer", "cameraman", "doctor",
    "nurse", "priest", "imam", "monk", "pastor", "cleric", "nun", "bishop", "rabbi",
    "worshipper", "worshiper", "pilgrim", "tourist", "passenger", "driver", "pilot", "farmer",
    "villager", "resident", "shopkeeper", "trader", "merchant", "businessman", "businesswoman",
    "son", "daughter", "wife", "husband", "father", "mother", "brother", "sister", "cousin",
    "nephew", "niece", "uncle", "aunt", "grandson", "granddaughter", "grandfather",
    "grandmother", "relative", "sergeant", "captain", "colonel", "general", "lieutenant",
    "major", "corporal", "marine", "sailor", "airman", "peacekeeper", "contractor",
    "engineer", "volunteer", "protester", "protestor", "demonstrator", "rioter", "activist",
    "supporter", "candidate", "minister", "president", "senator", "councillor", "councilor",
    "elder", "tribesman", "refugee", "migrant", "prisoner", "detainee", "inmate", "hostage",
    "pedestrian", "bystander", "customer", "shopper", "spectator", "student", "teacher",
    "pupil", "professor", "victim", "suspect", "agent", "informant", "commando", "jawan",
    "recruit", "cadet", "mp", "deputy", "inspector", "superintendent", "principal",
    "friend", "neighbour", "neighbor", "guest", "owner", "occupant", "mechanic", "labourer",
    "laborer", "miner", "fisherman", "herder", "shepherd", "vendor", "seller", "clerk",
    "secretary", "spokesman", "spokesperson", "translator", "interpreter", "medic",
    "paramedic", "firefighter", "ranger", "warden", "staffer", "diplomat", "ambassador",
    "consul", "envoy", "sheikh", "mullah", "mufti", "emir", "chieftain", "headman",
    "sarpanch", "councilman", "legislator", "commissioner", "administrator", "magistrate",
    "prosecutor", "operative", "someone", "somebody", "citizen", "national", "settler",
    "gendarme", "conscript", "peshmerga", "sentry", "youngster", "adult", "local", "hostage",
    "hijacker", "kidnapper", "jihadi", "militiaman", "guerrilla", "guerilla", "sniper",
}

PERSON_SUFFIXES = ("man", "woman", "ist", "ian", "ier", "ee", "ant", "ent", "or", "er", "ess", "ie")

# Heads that name the side that attacked (used only when perpetrators are not counted).
PERPETRATORS = {
    "attacker", "attackers", "gunman", "gunmen", "militant", "militants", "terrorist",
    "terrorists", "insurgent", "insurgents", "bomber", "bombers", "assailant", "assailants",
    "jihadist", "jihadists", "jihadis", "taliban", "hijacker", "hijackers", "extremist",
    "extremists", "perpetrator", "perpetrators", "rebels", "rebel", "guerrillas", "guerrilla",
    "himself", "herself", "themselves", "naxals", "naxalites",
    "subversives", "dissidents", "maoists", "separatists", "kidnappers", "suspects", "suspect", "raiders",
    "militiamen",
}

BARE_PARTICIPLES = {"killed", "murdered", "executed", "beheaded", "massacred", "slaughtered",
                     "wounded", "injured", "hurt", "assassinated", "slain", "lynched"}

TAIL_STOPS = {",", "when", "while", "after", "as", "but", "because", "which", "where", "if",
               "since", "before", "said", "says", "though", "although", "whereas", "so", "until"}

AUX_START = {"was", "were", "are", "is", "have", "has", "had", "died", "die", "dies", "dead", "who",
              "lost", "perished", "succumbed"}

OBJECT_STARTS = {
    "all", "the", "a", "an",
    "his", "her", "their", "him", "them", "several", "dozens", "scores", "hundreds",
    "thousands", "another", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "its",
}

ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

# Violence that hurts whoever it names, and says nothing more ("stabbed four
# people", "two men were shot"): read as wounded only where no injury is
# counted, less those the text says died.
HURT_ACTIVE = {
    "stab", "stabs", "stabbed", "stabbing", "knifed", "knifing", "shot", "shoots", "rammed", "ramming",
    "slashed", "slashing", "hacked", "hacking",
}
HURT_ACTIVE_ENDS = (("ran", "over"), ("run", "over"), ("running", "over"), ("runs", "over"), ("rammed", "into"),
                    ("ramming", "into"), ("drove", "into"), ("driving", "into"), ("ploughed", "into"),
                    ("plowed", "into"))
# An attack on people with one of these hurts them: "attacked four people with a knife".
ATTACK_VERBS = {"attacked", "attacking", "attacks", "assaulted", "assaulting", "assaults"}
BLADES = {"knife", "knives", "machete", "machetes", "axe", "axes", "sword", "swords", "screwdriver", "hammer",
          "cleaver", "dagger", "blade", "bat", "bats", "iron", "sticks", "clubs", "acid"}
HURT_PASSIVE = {"stabbed", "shot", "knifed", "slashed", "hacked", "beaten", "rammed"}
HURT_PHRASES = (("run", "over"), ("ran", "over"))

# Verbs after which a list and a bare participle report casualties ("left 3 dead").
LEFT = {"left", "leaving", "leave", "leaves"}

INJURY_NOUNS = {"injury", "injuries", "wound", "wounds", "injures", "burns", "fractures", "bruises",
                "lacerations"}

# Verbs whose object names an injury: "three sustained bullet wounds".
SUFFER_VERBS = {"sustained", "suffered", "received", "sustain", "suffer", "receive", "sustaining", "suffering"}

# Predicates that report the injured by their treatment: "five others were taken to hospital".
HOSPITAL_PHRASES = tuple(
    (verb, "to", *place)
    for verb in ("taken", "rushed", "admitted", "transported", "evacuated", "sent", "transferred", "airlifted")
    for place in (("hospital",), ("the", "hospital"), ("hospitals",), ("a", "hospital"), ("local", "hospitals"),
                  ("nearby", "hospitals"), ("a", "nearby", "hospital"), ("the", "nearby", "hospital"))
) + (("treated", "for", "injuries"), ("treated", "for", "wounds"), ("treated", "in", "hospital"))

# Adverbs of degree that go before a casualty participle ("lightly to moderately injured").
DEGREE_ADVERBS = {
    "seriously", "critically", "severely", "slightly", "lightly", "badly", "gravely", "grievously",
    "mildly", "moderately", "fatally", "mortally", "partially", "heavily",
}

# Heads that count people of no particular side ("five men, three Catholic and two Protestant").
GENERIC_PEOPLE = {"men", "women", "persons", "people", "civilians", "children"}

# Plural nouns that extend a counted noun phrase without a count of their own
# ("100 men, women and children").
BARE_PLURALS = {"women", "children", "men", "babies", "infants", "elderly", "teenagers", "youths", "boys", "girls"}

# Words that start an object only as the hedge of a count ("at least 5", not "at Frankfurt").
HEDGE_STARTS = {"at", "more", "over", "nearly", "some", "about", "around", "up"}

GENERIC_HEADS = {
    "", "people", "persons", "person", "victims", "individuals", "others", "other", "more",
    "them", "whom", "one", "another", "dead", "lives", "deaths", "death", "fatalities",
    "bodies", "injured", "wounded", "injuries",
}

# Verbs whose object a result after it marks as killed: "shot a civilian dead".
OBJECT_VERBS = {"shot", "shoot", "shoots", "shooting", "gunned"}
# Irregular forms that, with "to death" after their object, kill: "beat a man to death".
TO_DEATH_VERBS = {"beat", "beats", "beaten", "struck", "strikes", "stabs", "stones", "hacks", "burns", "kicks"}

VAGUE_WORDS = {*VAGUE, "few", "handful", "couple"}
# A sentence that sums up the counts before it ("the four bombings left a total of 23 dead").
TOTAL = re.compile(r"\b(?:total|totall?ing|altogether|in\s+all|overall|combined|cumulative)\b", re.IGNORECASE)

# A count the attackers claim ("IS claimed that they killed over 100") is not a confirmed toll.
CLAIM = re.compile(r"\bclaim(?:s|ed|ing)?\s+(?:that|to\s+have|it|they|he)\b", re.IGNORECASE)

# Confirmed zeros: "no one was killed", "no casualties" (not "no immediate reports of casualties").
WHO = r"(?:no\s+one|no-one|nobody|none(?:\s+of\s+(?:them|the\s+\w+))?)(?:\s+else)?"
BE = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|got|being)"
KILLED = r"(?:killed|dead|died)"
HURT = r"(?:(?:seriously|badly|severely)\s+)?(?:injured|wounded|hurt|harmed)"
ZERO_BOTH = re.compile(
    rf"\b(?:no|zero|without(?:\s+any)?|did\s+not\s+cause\s+any|caused\s+no)\s+(?:reported\s+)?casualt(?:y|ies)\b"
    rf"|\b{WHO}\s+{BE}\s+(?:{KILLED}|{HURT})\s+(?:or|and|nor)\s+(?:{KILLED}|{HURT})\b"
    r"|\bno\s+(?:deaths|fatalities)\s+or\s+injuries\b|\bno\s+injuries\s+or\s+deaths\b",
    re.IGNORECASE,
)
ZERO_FATAL = re.compile(
    rf"\b{WHO}\s+(?:{BE}\s+{KILLED}|died)\b"
    r"|\bno\s+(?:reported\s+)?(?:deaths|fatalities|loss\s+of\s+li(?:fe|ves)|lives\s+were\s+lost)\b"
    r"|\bwithout\s+(?:any\s+)?(?:loss\s+of\s+life|fatalities|deaths)\b"
    r"|\bkill(?:ed|ing)\s+no\s*(?:one|-one|body)\b",
    re.IGNORECASE,
)
ZERO_WOUND = re.compile(
    rf"\b{WHO}\s+{BE}\s+{HURT}\b"
    r"|\bno\s+(?:reported\s+)?(?:injuries|injured|wounded)\b"
    r"|\bwithout\s+(?:any\s+)?injur(?:y|ies)\b"
    r"|\b(?:injur|wound|hurt)(?:ed|ing)\s+no\s*(?:one|-one|body)\b",
    re.IGNORECASE,
)
# Not a confirmed zero: "no immediate reports of casualties", "no one else was hurt".
NOT_ZERO_BEFORE = re.compile(
    r"\b(?:reports?|word|information|details|news|confirmation)\s+(?:of\s+|about\s+)?(?:any\s+)?$"
    r"|\b(?:immediate|immediately|yet|so\s+far|initial)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
