"""Actor mentions -> canonical actors (the codebook's one name per group).

Takes actor mention text ("suspected Boko Haram militants", "ISIS fighters",
"Iraqi troops", "villagers") or a whole sentence, and returns
:class:`~tacitus.models.Actor` records with canonical names:

- named armed groups and state institutions from an alias dictionary
  (``data/actors.tsv``, extensible with a user file of the same format):
  ``ISIS``, ``ISIL``, ``IS``, ``Daesh`` -> ``Islamic State``;
- state forces from a nationality and a force noun ("Nigerian soldiers",
  "U.S. warplanes", "Pakistan's army") -> ``Military Forces of Nigeria``,
  ``Police Forces of Kenya``;
- governments from a nationality or a country and a government word or an
  office ("the Iraqi government", "Venezuela's President", "the Government of
  Iraq") -> ``Government of Iraq``, and a country's bare name standing as a
  side ("Russia and Turkey agreed", "bombed by Israel") -> ``Government of
  Russia``; a government that fights is coded as its ``Military Forces``;
- generic actors, coded with the event's country where the text gives no
  nationality: ``Civilians (Iraq)``, ``Protesters (France)``,
  ``Rioters (India)``, ``Unidentified Armed Group (Nigeria)``,
  ``Fulani Ethnic Militia (Nigeria)``; with no country known the bare form
  (``Civilians``).

Matching works on tokens of a diacritic-folded copy of the text (offsets are
unchanged), so hyphens, dots, apostrophes, possessives and case do not
matter ("al-Shabaab's" = "Al Shabaab", "U.S." = "US"), except that an alias
written without lower-case letters ("IS", "ELN", "NPA") matches only in that
exact case; one that is also an English word ("IS") is not read in all-caps
stretches of text, where it is most likely the word. A named person is never
an actor name: a mention with no group, force, government or generic noun gives
None.

Some generic aliases depend on the event's country (see ``_REGIONAL``): the
Islamic State in Afghanistan is its Khorasan Province, "Maoists" in India are
the CPI (Maoist), "Kurdish fighters" in Syria are the YPG, in Iraq the
Peshmerga, in Turkey the PKK, as ACLED codes them.
"""

from __future__ import annotations

import csv
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from tacitus import countries
from tacitus.errors import ConfigError
from tacitus.models import Actor, Span

logger = logging.getLogger(__name__)

KINDS = frozenset({"state", "rebel", "civilians", "protesters", "rioters", "unidentified", "other"})

_TOKEN = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
_LOWER = re.compile(r"[a-z]")
# Case-sensitive aliases that are also English words: in ALL-CAPS text they are the word.
_WORD_ACRONYMS = frozenset({"is", "us", "as", "it", "or", "an", "on", "no", "at", "he", "we", "me", "up", "so",
                            "to", "in", "of", "be", "do", "go", "mend", "arm", "all", "am", "dpr"})
# Country names that take the article in "Military Forces of the ...".
_WITH_ARTICLE = frozenset({"USA", "GBR", "PHL", "NLD", "CAF", "COD", "COG", "ARE", "BHS", "GMB", "CZE",
                           "DOM", "MDV", "COM", "SYC", "SLB", "MHL"})

# Words after a group name that still belong to the mention ("ISIS fighters").
_GROUP_TAIL = frozenset({
    "militants", "militant", "fighters", "fighter", "insurgents", "insurgent", "gunmen", "gunman", "rebels",
    "rebel", "jihadists", "jihadist", "members", "member", "forces", "troops", "militiamen", "militia",
    "militias", "operatives", "extremists", "terrorists", "terrorist", "guerrillas", "guerrilla", "bombers",
    "bomber", "cell", "cells", "commanders", "commander", "elements", "loyalists", "group", "soldiers",
    "units", "unit", "gunboats", "warplanes", "jets", "aircraft", "drones", "airstrikes", "strikes",
    "suspects", "suspect", "attackers", "assailants", "combatants", "supporters", "sympathisers",
    "sympathizers", "affiliates", "affiliate", "faction", "factions", "splinter", "wing", "branch",
})
_GROUP_TAIL_PAIRS = frozenset({("suicide", "bomber"), ("suicide", "bombers"), ("air", "strikes"),
                               ("sleeper", "cells"), ("sleeper", "cell"), ("armed", "wing")})

# State-force nouns after a nationality ("Iraqi troops", "Kenyan police officers").
_MILITARY_NOUNS = {
    ("forces",), ("force",), ("troops",), ("soldiers",), ("soldier",), ("servicemen",), ("army",),
    ("military",), ("armed", "forces"), ("air", "force"), ("navy",), ("marines",), ("commandos",),
    ("paratroopers",), ("special", "forces"), ("security", "forces"), ("security", "personnel"),
    ("warplanes",), ("jets",), ("fighter", "jets"), ("aircraft",), ("helicopters",), ("gunships",),
    ("drones",), ("drone",), ("artillery",), ("tanks",), ("gunboats",), ("airstrikes",), ("airstrike",),
    ("air", "strikes"), ("air", "strike"), ("drone", "strikes"), ("drone", "strike"), ("strikes",), ("strike",),
    ("shelling",), ("bombardment",), ("missiles",), ("missile",), ("gendarmes",), ("gendarmerie",),
    ("border", "guards"), ("border", "guard"), ("coast", "guard"), ("service", "members"),
    ("national", "guard"), ("national", "army"), ("defence", "forces"), ("defense", "forces"),
}
_WEAPON_NOUNS = {
    ("strikes",), ("strike",), ("missiles",), ("missile",), ("shelling",), ("force",), ("bombardment",), ("tanks",),
    ("artillery",), ("aircraft",), ("drone",), ("drones",), ("airstrike",), ("airstrikes",), ("air", "strikes"),
    ("air", "strike"), ("drone", "strikes"), ("drone", "strike"), ("warplanes",), ("jets",), ("fighter", "jets"),
    ("helicopters",), ("gunships",), ("gunboats",), ("air", "force"),
}
_POLICE_NOUNS = {
    ("police",), ("policemen",), ("policeman",), ("police", "officers"), ("police", "officer"),
    ("riot", "police"), ("cops",), ("police", "forces"), ("police", "force"), ("border", "police"),
    ("federal", "police"), ("national", "police"), ("traffic", "police"), ("policewomen",),
}
# A country's government and those who speak for it: "the Iraqi government", "Venezuela's President
# Nicolas Maduro", "British ministers", "the Government of Iraq". Only named with a nationality or a
# country: "the government", "President Santos" or "the Trump administration" alone do not say whose.
_GOVERNMENT_NOUNS = {
    ("government",), ("administration",), ("cabinet",), ("president",), ("prime", "minister"), ("premier",),
    ("ministers",), ("foreign", "minister"), ("interior", "minister"), ("defence", "minister"),
    ("defense", "minister"), ("head", "of", "state"),
}
_STATE_MODIFIERS = frozenset({
    "government", "regime", "federal", "national", "state", "special", "elite", "regular", "ground",
    "security", "armed", "pro", "allied", "loyalist", "counterterrorism", "counter", "terrorism",
    "paramilitary", "uniformed", "heavily", "backed", "led", "interior", "ministry", "anti", "riot",
    "military", "naval", "air", "local", "district", "provincial", "army", "navy", "new", "royal",
})

_CIVILIAN_NOUNS = frozenset({
    "civilians", "civilian", "people", "persons", "villagers", "villager", "residents", "resident",
    "locals", "worshippers", "worshipers", "students", "student", "schoolchildren", "pupils",
    "passengers", "passenger", "children", "child", "women", "woman", "farmers", "farmer", "pilgrims",
    "shoppers", "teachers", "teacher", "journalists", "journalist", "doctors", "nurses", "patients",
    "tourists", "tourist", "mourners", "churchgoers", "congregants", "worshippers", "refugees",
    "migrants", "workers", "labourers", "laborers", "miners", "fishermen", "traders", "motorists",
    "travellers", "travelers", "commuters", "bystanders", "spectators", "guests", "families", "family",
    "boys", "girls", "boy", "girl", "infants", "elders", "christians", "muslims", "hindus", "yazidis",
    "displaced", "idps", "herders", "herdsmen", "civil", "population", "inhabitants", "aid",
})
_CIVILIAN_PAIRS = frozenset({("aid", "workers"), ("health", "workers"), ("displaced", "people"),
                             ("civil", "society"), ("wedding", "guests"), ("local", "residents")})
_PROTESTER_NOUNS = frozenset({"protesters", "protestors", "protester", "protestor", "demonstrators",
                              "demonstrator", "marchers"})
_RIOTER_NOUNS = frozenset({"rioters", "rioter", "mob", "mobs", "looters"})
_ARMED_NOUNS = frozenset({
    "gunmen", "gunman", "militants", "militant", "assailants", "assailant", "attackers", "attacker",
    "insurgents", "insurgent", "bandits", "bandit", "jihadists", "jihadist", "extremists", "extremist",
    "terrorists", "terrorist", "bombers", "bomber", "kidnappers", "abductors", "rebels", "rebel",
    "fighters", "militiamen", "militia", "militias", "guerrillas", "guerrilla", "separatists",
    "separatist", "islamists", "islamist", "raiders", "herdsmen", "herders", "pirates", "gangs", "gang",
    "gangsters", "cultists", "vigilantes",
})
_ARMED_PAIRS = frozenset({("armed", "men"), ("armed", "man"), ("armed", "group"), ("armed", "groups"),
                          ("suicide", "bomber"), ("suicide", "bombers"), ("masked", "men"),
                          ("hooded", "men"), ("unknown", "men"), ("unidentified", "men"),
                          ("armed", "assailants"), ("armed", "bandits"), ("armed", "gangs")})
_GENERIC_MODIFIERS = frozenset({
    "unidentified", "unknown", "suspected", "armed", "masked", "hooded", "heavily", "alleged",
    "presumed", "local", "rival", "islamist", "islamic", "jihadist", "sunni", "shia", "shiite",
    "militant", "radical", "anti", "government", "pro", "angry", "violent", "peaceful", "innocent",
    "unarmed", "young", "elderly", "several", "many", "some", "other", "more", "motorcycle", "borne",
    "gun", "wielding", "knife", "opposition", "ethnic", "rebel", "tribal", "religious", "student",
    "female", "male", "teenage", "suicide", "would", "be", "lone", "wolf", "regime", "backed",
})
# Herders are victims unless an ethnic name makes them a militia ("Fulani herdsmen").
_ETHNIC = {
    "fulani": "Fulani", "fula": "Fulani", "peul": "Fulani", "fulbe": "Fulani", "dogon": "Dogon",
    "dozo": "Dozo", "bambara": "Bambara", "tuareg": "Tuareg", "murle": "Murle", "nuer": "Nuer",
    "dinka": "Dinka", "hema": "Hema", "lendu": "Lendu", "twa": "Twa", "luba": "Luba", "tiv": "Tiv",
    "berom": "Berom", "jukun": "Jukun", "hausa": "Hausa", "pokot": "Pokot", "turkana": "Turkana",
    "borana": "Borana", "afar": "Afar", "amhara": "Amhara", "oromo": "Oromo", "gumuz": "Gumuz",
    "kurdish": "Kurdish", "baloch": "Baloch", "baluch": "Baloch", "pashtun": "Pashtun",
    "hazara": "Hazara", "arab": "Arab", "masalit": "Masalit", "zaghawa": "Zaghawa", "misseriya": "Misseriya",
    "kuki": "Kuki", "meitei": "Meitei", "naga": "Naga", "bodo": "Bodo", "adara": "Adara", "kurds": "Kurdish",
}

# Alias key -> {event country -> canonical}: generic names that mean a particular group in a country.
_IS_PROVINCES = {
    "AFG": "Islamic State Khorasan Province", "PAK": "Islamic State Khorasan Province",
    "NGA": "Islamic State West Africa Province", "TCD": "Islamic State West Africa Province",
    "CMR": "Islamic State West Africa Province", "MLI": "Islamic State Sahel Province",
    "BFA": "Islamic State Sahel Province", "EGY": "Islamic State Sinai Province",
    "LBY": "Islamic State Libya Province", "YEM": "Islamic State Yemen Province",
    "SOM": "Islamic State Somalia Province", "PHL": "Islamic State East Asia Province",
    "COD": "Islamic State Central Africa Province", "UGA": "Islamic State Central Africa Province",
    "MOZ": "Islamic State Mozambique Province", "IND": "Islamic State Hind Province",
}
_CPI = "CPI (Maoist): Communist Party of India (Maoist)"
_CPN = "CPN (Maoist): Communist Party of Nepal (Maoist)"
_KURDISH = {"SYR": "YPG: People's Protection Units", "TUR": "PKK: Kurdistan Workers' Party",
            "IRQ": "Military Forces of Iraq (Kurdistan Regional Government Peshmerga)",
            "IRN": "PJAK: Kurdistan Free Life Party"}
_REGIONAL: dict[str, dict[str, str]] = {
    **{key: _IS_PROVINCES for key in ("islamic state", "isis", "isil", "is", "daesh", "daish",
                                      "islamic state group", "is group", "isis group", "daesh group",
                                      "islamic state militants")},
    "taliban": {"PAK": "TTP: Tehrik-i-Taliban Pakistan"},
    "al shabaab": {"MOZ": "Ansar al-Sunna"}, "al shabab": {"MOZ": "Ansar al-Sunna"},
    "shabaab": {"MOZ": "Ansar al-Sunna"},
    "adf": {"CMR": "Ambazonia Defence Forces"},
    "maoists": {"IND": _CPI, "NPL": _CPN}, "maoist": {"IND": _CPI, "NPL": _CPN},
    "maoist rebels": {"IND": _CPI, "NPL": _CPN}, "maoist insurgents": {"IND": _CPI, "NPL": _CPN},
    "communist rebels": {"PHL": "NPA: New People's Army", "IND": _CPI, "NPL": _CPN},
    "communist guerrillas": {"PHL": "NPA: New People's Army"},
    "separatists": {"CMR": "Ambazonian Separatists"}, "separatist fighters": {"CMR": "Ambazonian Separatists"},
    "coalition forces": {"YEM": "Saudi-led Coalition"}, "coalition warplanes": {"YEM": "Saudi-led Coalition"},
    "coalition aircraft": {"YEM": "Saudi-led Coalition"}, "coalition jets": {"YEM": "Saudi-led Coalition"},
    "coalition airstrikes": {"YEM": "Saudi-led Coalition"}, "coalition air strikes": {"YEM": "Saudi-led Coalition"},
    "coalition troops": {"YEM": "Saudi-led Coalition"},
    "peacekeepers": {"SOM": "AMISOM: African Union Mission in Somalia"},
}
# Generic aliases resolved only through _REGIONAL (no meaning elsewhere).
_REGIONAL_ONLY = ("maoists", "maoist", "maoist rebels", "maoist insurgents", "communist rebels",
                  "communist guerrillas", "separatists", "separatist fighters")


@dataclass(frozen=True, slots=True)
class _Entry:
    canonical: str
    kind: str | None
    country: str | None
    exact: tuple[tuple[int, str], ...]  # (token offset, spelling) of alias tokens written in capitals


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    surface: str  # original spelling with dots and possessive removed
    key: str  # folded lower-case form


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int  # token index
    end: int  # token index, exclusive
    actor: Actor
    rank: int  # 0 alias, 1 state pattern, 2 generic


def fold(text: str) -> str:
    """One character per character: diacritics stripped, curly quotes and dashes made plain.

    Offsets into the folded text are offsets into the original.
    """
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        if ch in "\u2019\u2018\u02bc\u02bf\u02be`\u00b4":
            out.append("'")
            continue
        if ch in "\u2010\u2011\u2012\u2013\u2014\u2015":
            out.append("-")
            continue
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c))
        out.append(base[0] if len(base) == 1 and base.isascii() else ch)
    return "".join(out)


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for m in _TOKEN.finditer(fold(text)):
        surface = m.group().replace(".", "")
        if surface.lower().endswith("'s") and len(surface) > 2:
            surface = surface[:-2]
        tokens.append(_Token(m.start(), m.end(), surface.replace("'", ""), surface.replace("'", "").lower()))
    return tokens


def _state_name(kind: str, iso3: str) -> str:
    name = countries.country_name(iso3) or iso3
    article = "the " if iso3 in _WITH_ARTICLE else ""
    if kind == "Government":
        return f"Government of {article}{name}"
    return f"{kind} Forces of {article}{name}"


def _generic_name(label: str, iso3: str | None) -> str:
    name = countries.country_name(iso3) if iso3 else None
    return f"{label} ({name})" if name else label


def convention_sides(event_type: str, sub_event_type: str | None, iso3: str | None,
                actor1: Actor | None, actor2: Actor | None) -> tuple[Actor | None, Actor | None]:
    """The sides a coding convention gives where the words name none.

    The crowd of a protest or riot: ``Protesters (<country>)``, ``Rioters (<country>)``;
    the ones who arrested: ``Police Forces of <country>``; the ones violence against
    civilians hit: ``Civilians (<country>)``; a government that fights: its
    ``Military Forces of <country>``.

    A demonstration is always someone's: "The protest was peaceful for
    several hours" was held by protesters, a riot by rioters, and force used
    against protesters hit protesters; civilians the words name as the crowd
    ("residents protested", "a crowd of villagers beat a man") are coded as
    it. The country is the event's; a name read from no words has no span.
    """
    if event_type in ("Protests", "Riots") and is_government(actor1):
        actor1 = None  # "Hong Kong protesters" read as "Hong Kong": a crowd is no government
    if event_type in _FIGHTING_TYPES:
        # A government that fights, bombs or kills does so by its forces ("the Syrian government
        # bombed Aleppo"); one that is attacked ("an attempt on Venezuela's President") is the target.
        actor1 = _as_forces(actor1)
        actor2 = _as_forces(actor2) if event_type == "Battles" else actor2
    if event_type == "Protests":
        if sub_event_type == "Excessive force against protesters":
            return actor1, _as_crowd(actor2, "Protesters", "protesters", iso3)
        return _as_crowd(actor1, "Protesters", "protesters", iso3), actor2
    if event_type == "Riots":
        return _as_crowd(actor1, "Rioters", "rioters", iso3), actor2
    if sub_event_type == "Arrests" and actor1 is None and iso3:
        # "Police said 24 people had been arrested": custody is the state's, its police unless the words say
        return Actor(_state_name("Police", iso3), None, "state", iso3), actor2
    if event_type == "Violence against civilians" and actor2 is None:
        # The type says whom it hit (CODEBOOK 2): unarmed people, named or not.
        return actor1, Actor(_generic_name("Civilians", iso3), None, "civilians", iso3)
    return actor1, actor2


_FIGHTING_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def office_holder_hit(event_type: str, actor1: Actor | None,
                      actor2: Actor | None) -> tuple[Actor | None, Actor | None]:
    """The sides of a violent event whose initiator is read as a government named by its office holder.

    "Former Lebanese prime minister Rafic Hariri and 21 others [killed] after a bomb detonated
    near his motorcade": a president or minister in a bombing or a killing is nearly always
    the one it hit, so the government is the target and the initiator is left unread.
    """
    if event_type not in _FIGHTING_TYPES or not _office_holder(actor1):
        return actor1, actor2
    return None, actor2 or actor1


def _country_as_actor(mention: str) -> Actor | None:
    """A country named on its own as a side ("Russia and Turkey agreed a ceasefire", "bombed by Israel"):
    its government, whose forces fight (``convention_sides``). A nationality word alone is no side."""
    match = _COUNTRY_MENTION.fullmatch(mention)
    if match is None:
        return None
    name = match.group("name")
    abbreviations, names = _country_names()
    iso3 = abbreviations.get(name.replace(".", "")) or names.get(countries.normalize(name))
    if iso3 is None:
        return None
    start, end = match.span("name")
    return Actor(_state_name("Government", iso3), Span(start, end, mention[start:end]), "state", iso3)


@functools.cache
def _country_names() -> tuple[dict[str, str], dict[str, str]]:
    """The country abbreviations ("US", "UK") and folded names ("iraq", "britain") a side may be named by."""
    return countries.abbreviations(codes=False), countries.names()


_COUNTRY_MENTION = re.compile(
    r"\s*(?:the\s+)?(?P<name>[A-Z][\w.]*(?:[\s-]+(?:[A-Z][\w.]*|of|and|the))*?)(?:['\u2019]s?)?\s*")


def is_government(actor: object) -> bool:
    """Whether an actor is a country's government ("Government of Iraq"), not its forces."""
    name, country = getattr(actor, "name", None), getattr(actor, "country", None)
    return getattr(actor, "kind", None) == "state" and bool(country) and name == _state_name("Government", country)


def _office_holder(actor: Actor | None) -> bool:
    """A government named by one who holds office ("Venezuela's President"), not by the word government."""
    return is_government(actor) and actor.span is not None and _OFFICE_WORDS.search(actor.span.text) is not None


_OFFICE_WORDS = re.compile(r"\b(?:president|prime|premier|ministers?|head\s+of\s+state)\b", re.IGNORECASE)


def _as_forces(actor: Actor | None) -> Actor | None:
    """A government as its military forces; any other actor as it is."""
    if actor is None or not is_government(actor):
        return actor
    return replace(actor, name=_state_name("Military", actor.country))


_CROWD_WORDS = re.compile(
    r"\b(?:students?|youths?|villagers?|residents?|locals|demonstrators?|protesters?|crowds?|mobs?|supporters"
    r"|fans|workers|farmers|traders|mourners)\b", re.IGNORECASE)


def crowd_clash(event_type: str, sub_event_type: str | None, actor1: Actor | None,
                actor2: Actor | None) -> tuple[Actor, Actor] | None:
    """The rioting crowd and the forces it fought, where a clash is a crowd's with state forces.

    "Students clashed with police", "protesters clashed with security forces":
    unarmed people who fight the police riot; they do not fight a battle
    (CODEBOOK 2: armed vs unarmed). Returns (the crowd as ``Rioters (<country>)``,
    the forces), or None where the clash is not such a one.
    """
    if (event_type, sub_event_type) != ("Battles", "Armed clash") or actor1 is None or actor2 is None:
        return None
    for crowd, forces in ((actor1, actor2), (actor2, actor1)):
        # Civilians only where the words name a crowd ("students", "villagers"), not the people a clash killed.
        named = crowd.kind in ("protesters", "rioters") or crowd.kind == "civilians" and crowd.span is not None \
            and bool(_CROWD_WORDS.search(crowd.span.text))
        if named and forces.kind == "state":
            iso3 = crowd.country or forces.country
            return Actor(_generic_name("Rioters", iso3), crowd.span, "rioters", iso3), forces
    return None


def _as_crowd(actor: Actor | None, label: str, kind: str, iso3: str | None) -> Actor | None:
    """The crowd itself, or the civilians the words name as it ("residents", "a crowd of villagers"), as its kind.

    Protesters who riot are its rioters ("Protesters clashed with security forces").
    """
    if actor is None:
        return Actor(_generic_name(label, iso3), None, kind, iso3)
    if actor.kind == "civilians" or (kind == "rioters" and actor.kind == "protesters"):
        return Actor(_generic_name(label, actor.country or iso3), actor.span, kind, actor.country or iso3)
    return actor


# Events whose victims, when the words name only a person ("a Muslim man", "Mark Duggan", "his son"),
# are civilians (CODEBOOK 3: unarmed victims are Civilians (<country>)). In a battle a man killed may
# have been a fighter, so battles are not among them.
_CIVILIAN_VICTIM_EVENTS = ("Violence against civilians", "Explosions/Remote violence", "Riots")


def person_victims(event_type: str, iso3: str | None, span: Span) -> Actor | None:
    """The target of an event whose words name a person and no group: ``Civilians (<country>)``.

    Args:
        event_type: the event's type; battles and protests get no such target.
        iso3: the event's country.
        span: the words naming the person, kept as the actor's evidence.
    """
    if event_type not in _CIVILIAN_VICTIM_EVENTS:
        return None
    return Actor(_generic_name("Civilians", iso3), span, "civilians", iso3)


_FOUND_CACHE = 4096


class ActorDictionary:
    """Alias dictionary plus nationality and generic patterns; see the module docstring."""

    def __init__(self, entries: dict[str, list[_Entry]], homes: dict[str, tuple[str, ...]] | None = None) -> None:
        self._entries = entries
        self._max_len: dict[str, int] = {}
        for key in entries:
            first = key.partition(" ")[0]
            n = key.count(" ") + 1
            if n > self._max_len.get(first, 0):
                self._max_len[first] = n
        # find_all's answers by (text, country, generic): the event stage asks about the same
        # sentence and window several times. Bounded: cleared when full.
        self._found: dict[tuple[str, str | None, bool], tuple[tuple[int, int, Actor], ...]] = {}
        self._nationality: dict[str, str] = {}
        self._nationality.update(countries.names())
        self._nationality.update(countries.adjectives())
        self._nat_max = max(k.count(" ") + 1 for k in self._nationality)
        # The longest nationality key starting with each first word: most tokens start none.
        self._nat_first: dict[str, int] = {}
        for key in self._nationality:
            first, n = key.partition(" ")[0], key.count(" ") + 1
            self._nat_first[first] = max(self._nat_first.get(first, 0), n)
        self._abbrev = {k: v for k, v in countries.abbreviations(codes=False).items() if len(k) <= 4}
        self._kinds = {e.canonical: e.kind for es in entries.values() for e in reversed(es) if e.canonical}
        self._homes: dict[str, tuple[str, ...]] = dict(homes or {})

    @classmethod
    def load(cls, *, extra: Path | None = None) -> ActorDictionary:
        """The shipped dictionary (``data/actors.tsv``), extended by a user file.

        Args:
            extra: a TSV file of ``alias<TAB>canonical[<TAB>kind[<TAB>ISO3 ...]]``
                lines (``#`` comments and blank lines allowed; several home
                countries space- or comma-separated, the main one first). Its aliases
                override shipped ones with the same spelling.

        Raises:
            ConfigError: E103 when ``extra`` cannot be read or has a bad line.
        """
        return _load(extra)

    def home_countries(self, name: str) -> tuple[str, ...]:
        """The home countries the dictionary gives a canonical name, main one first (ISO3).

        ``Islamic State`` -> ``("IRQ", "SYR")``; ``Boko Haram`` -> ``("NGA",)``; a name with no
        home country (a transnational network such as ``Al-Qaeda``) or unknown -> ``()``. An
        Actor's ``country`` is its home country only where there is exactly one.
        """
        return self._homes.get(name, ())

    def canonical(self, mention: str, *, country: str | None = None) -> Actor | None:
        """The canonical actor named in a mention, or None (e.g. for a person's name).

        Named groups and institutions win over state-force patterns, which win
        over generic actors; among equals the first in the mention.

        Args:
            mention: raw mention text ("at least eight men aligned with Islamic State").
            country: ISO3 of the event's country, used for generic actors
                ("villagers" -> "Civilians (Nigeria)") and for country-specific aliases.

        Returns:
            An Actor whose span points into ``mention``, or None.
        """
        # "an anti-Taliban politician" names the Taliban's opponent, not the Taliban.
        hits = [h for h in self._scan(mention, country=country, generic=True) if not named_as_opponent(mention, h[0])]
        if not hits:
            return _country_as_actor(mention)
        # "the Islamic State backed faction of Boko Haram", "pro-Islamic State militants of Boko
        # Haram": the group backed or sworn to describes the one named beside it.
        described = [h for h in hits if _ALLEGIANCE_AFTER.match(mention, h[1]) or _PRO_BEFORE.search(mention, 0, h[0])]
        others = [h for h in hits if h not in described]
        if any(h[2].kind in ("rebel", "state") for h in others):
            hits = others  # but "ISIS-linked militants" with no other group named stay Islamic State
        return min(hits, key=lambda h: (h[3], h[2].kind == "civilians", h[0]))[2]

    def find_all(self, text: str, *, country: str | None = None, generic: bool = False) -> list[tuple[int, int, Actor]]:
        """Every named armed group and state-force mention in a text, as character offsets.

        Leftmost-longest: "Islamic State West Africa Province" is one mention,
        not "Islamic State" plus a province. Trailing nouns ("ISIS fighters")
        are part of the mention.

        Args:
            text: any text (a sentence, an article).
            country: ISO3 of the event's country, for country-specific aliases
                and, with ``generic``, for bare nouns.
            generic: also return generic actors ("villagers", "gunmen",
                "protesters") and bare state nouns ("troops", "police").

        Returns:
            ``(start, end, actor)`` triples in text order.
        """
        key = (text, country, generic)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= _FOUND_CACHE:
                self._found.clear()
            found = self._found[key] = tuple((s, e, a) for s, e, a, _ in self._scan(text, country=country, generic=generic))
        return list(found)

    def find_unlisted(self, text: str) -> list[tuple[int, int, Actor]]:
        """Organisations the dictionary does not know, where the text names them as acting.

        "The attack was carried out by militants of Ordine Nuovo", "Members of ZIPRA shot down ...",
        "The leftist RPLP-F group claimed responsibility": a capitalised organisation name (or an
        acronym) that the words around it present as a group and as the perpetrator. The name is
        kept as written (kind ``rebel``, no country): it is the text's own, so an analyst can see
        where it came from. Names that start with a nationality or a country ("Argentine Army",
        "Israel Defense Forces") are state forces and are left out, as are names the dictionary knows.

        Returns:
            ``(start, end, actor)`` triples in text order.
        """
        folded = fold(text)
        out = []
        for m in _UNLISTED.finditer(folded):
            for start, end in _name_parts(folded, m.start(), m.end()):
                actor = self._unlisted_at(text, folded, start, end)
                if actor is not None:
                    out.append((start, end, actor))
        return out

    def _unlisted_at(self, text: str, folded: str, start: int, end: int) -> Actor | None:
        name = text[start:end]
        if _SENTENCE_BREAK.search(name) or name.split()[0].lower().rstrip(".,") in _CALENDAR_WORDS or \
                name.split()[-1].lower().rstrip(".,") in _WEEKDAYS:
            return None  # "on Thursday. Separately, militants ...": two sentences; "Last Wednesday": a day
        words = re.split(r"[\s]+", folded[start:end])
        single = len(words) == 1
        if single and not (_ACRONYM.fullmatch(name) and name.lower() not in _WORD_ACRONYMS):
            # One capitalised word is a name only as "the X group/organization" named as the perpetrator:
            # "The Al-Badr organization claimed responsibility".
            after = _GROUP_AFTER.match(folded, end)
            if after is None or not named_as_perpetrator(text, start, after.end()) or \
                    name.lower() in _LEADING or name.lower() in _CREEDS or name.lower() in _ETHNIC or \
                    self._nationality_at(_tokens(name), 0) is not None:
                return None  # "Islamist militants were behind the attack" describes them, it names no group
        group_word = bool(_MEMBERS_OF.search(folded[max(0, start - 40):start])) \
            or _GROUP_AFTER.match(folded[end:end + 24]) is not None
        org_head = any(re.sub(r"['\u2019]", "", w.lower()) in _ORG_HEADS for w in re.split(r"[\s-]+", name))
        if not single and not group_word and not org_head:
            return None
        if single and not group_word:
            return None
        if _DESCRIPTIVE.search(name):
            return None  # "Iranian-backed Yemeni rebels" describes a group, it does not name one
        tokens = _tokens(name)
        if not org_head and (not tokens or self._nationality_at(tokens, 0) is not None):
            return None
        if not (group_word or named_as_perpetrator(text, start, end)) or not named_as_actor(text, start, end):
            return None
        if self._known(name):
            return None
        return Actor(name, Span(start, end, name), "rebel", None)

    def _known(self, name: str) -> bool:
        """A name the dictionary or the state-force patterns read whole ("Israel Defense Forces")."""
        hits = self._scan(name, country=None, generic=False)
        return any(start <= 1 and end >= len(name.rstrip()) - 1 for start, end, _, _ in hits)

    # -- matching --------------------------------------------------------

    def _scan(self, text: str, *, country: str | None, generic: bool) -> list[tuple[int, int, Actor, int]]:
        tokens = _tokens(text)
        out = []
        i = 0
        while i < len(tokens):
            best = None
            for hit in (self._match_alias(text, tokens, i, country),
                        self._match_state(tokens, i, country, generic),
                        self._match_generic(tokens, i, country) if generic else None):
                if hit and (best is None or hit.end > best.end):
                    best = hit
            if best is None:
                i += 1
                continue
            start, end = tokens[best.start].start, tokens[best.end - 1].end
            actor = Actor(best.actor.name, Span(start, end, text[start:end]), best.actor.kind, best.actor.country)
            out.append((start, end, actor, best.rank))
            i = best.end
        return out

    def _match_alias(self, text: str, tokens: list[_Token], i: int, country: str | None) -> _Hit | None:
        longest = self._max_len.get(tokens[i].key)
        if not longest:
            return None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            key = " ".join(t.key for t in tokens[i:i + n])
            entries = self._entries.get(key)
            if not entries:
                continue
            for entry in entries:
                # A three-letter acronym in title case ("Eln") is the group only before a group noun.
                tail = i + n < len(tokens) and tokens[i + n].key in _GROUP_TAIL
                if not all(_spelled(tokens[i + k].surface, spelling)
                           or (tail and len(spelling) == 3 and spelling.isalpha()
                               and tokens[i + k].surface == spelling.title()
                               and spelling.lower() not in _WORD_ACRONYMS)
                           for k, spelling in entry.exact):
                    continue
                if any(spelling.lower() in _WORD_ACRONYMS for _, spelling in entry.exact) \
                        and not _has_lower_nearby(text, tokens[i].start, tokens[i + n - 1].end):
                    continue
                canonical, kind, where = entry.canonical, entry.kind, entry.country
                regional = _REGIONAL.get(key, {}).get(country or "")
                if regional:
                    canonical, where = regional, country
                    kind = self._kinds.get(regional, kind)
                elif canonical == "":
                    continue
                end = self._tail(tokens, i + n)
                return _Hit(i, end, Actor(canonical, None, kind, where or None), 0)
        return None

    @staticmethod
    def _tail(tokens: list[_Token], j: int) -> int:
        if j + 1 < len(tokens) and (tokens[j].key, tokens[j + 1].key) in _GROUP_TAIL_PAIRS \
                and tokens[j].start - tokens[j - 1].end <= 2:
            return j + 2
        if j < len(tokens) and tokens[j].key in _GROUP_TAIL and tokens[j].start - tokens[j - 1].end <= 2:
            return j + 1
        return j

    def _nationality_at(self, tokens: list[_Token], i: int) -> tuple[str, int] | None:
        """(ISO3, tokens used) for a nationality word or country name starting at token i."""
        if i > 0 and tokens[i - 1].key in ("pro", "anti") and tokens[i].start - tokens[i - 1].end == 1:
            return None  # "pro-U.S. rebels", "anti-Syrian protesters": an allegiance, not a nationality
        surface = tokens[i].surface
        if surface in self._abbrev:
            return self._abbrev[surface], 1
        longest = self._nat_first.get(tokens[i].key)
        if not longest or not surface[:1].isupper():
            return None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            key = " ".join(t.key for t in tokens[i:i + n])
            if key in self._nationality and tokens[i].surface[:1].isupper():
                return self._nationality[key], n
        return None

    def _match_state(self, tokens: list[_Token], i: int, country: str | None, generic: bool) -> _Hit | None:
        nat = self._nationality_at(tokens, i)
        j = i
        iso3 = None
        if nat:
            iso3, used = nat
            j = i + used
        elif not generic:
            return None
        else:
            iso3 = country
        k = j
        while k < len(tokens) and k - j < 3 and tokens[k].key in _STATE_MODIFIERS:
            k += 1
        for start in sorted({k, j}, reverse=True):
            for noun_len in (3, 2, 1):
                noun = tuple(t.key for t in tokens[start:start + noun_len])
                if len(noun) != noun_len:
                    continue
                if noun in _POLICE_NOUNS:
                    label = "Police"
                elif noun in _MILITARY_NOUNS:
                    label = "Military"
                elif noun in _GOVERNMENT_NOUNS and start == j and not (
                        noun == ("government",) and k > start + noun_len):
                    # not "a Somali government military base": the government's is something else
                    return self._government(tokens, i, start + noun_len, iso3 if nat else None)
                else:
                    continue
                if not nat and noun in _WEAPON_NOUNS:
                    # "air strikes" alone does not say whose: leave it to the extractor.
                    return None
                if label == "Military" and iso3 == "PSE":
                    return None
                name = _state_name(label, iso3) if iso3 else f"{label} Forces"
                return _Hit(i, start + noun_len, Actor(name, None, "state", iso3), 1)
        return None

    def _government(self, tokens: list[_Token], i: int, end: int, iso3: str | None) -> _Hit | None:
        """A government named from token i to ``end``, or on to the country after it ("the government of Iraq")."""
        if end + 1 < len(tokens) and tokens[end].key == "of":
            nat = self._nationality_at(tokens, end + 1)
            if nat is not None:
                iso3, end = nat[0], end + 1 + nat[1]
        if iso3 is None:
            return None
        return _Hit(i, end, Actor(_state_name("Government", iso3), None, "state", iso3), 1)

    def _match_generic(self, tokens: list[_Token], i: int, country: str | None) -> _Hit | None:
        iso3 = country
        j = i
        nat = self._nationality_at(tokens, i)
        if nat:
            iso3, used = nat
            j = i + used
        ethnic = None
        while j < len(tokens) and j - i < 5:
            key = tokens[j].key
            if j + 1 < len(tokens) and (key, tokens[j + 1].key) in (_ARMED_PAIRS | _CIVILIAN_PAIRS):
                break
            if key in _ETHNIC and ethnic is None:
                ethnic = _ETHNIC[key]
                j += 1
            elif key in _GENERIC_MODIFIERS and not _is_generic_head(tokens, j):
                j += 1
            else:
                break
        if j >= len(tokens):
            return None
        pair = (tokens[j].key, tokens[j + 1].key) if j + 1 < len(tokens) else None
        head_len = 2 if pair and pair in (_ARMED_PAIRS | _CIVILIAN_PAIRS) else 1
        head = pair if head_len == 2 else tokens[j].key
        mods = {t.key for t in tokens[i:j]}
        if ethnic and (head in _ARMED_NOUNS or head in _ARMED_PAIRS or head in {"men", "youths", "youth"}):
            if ethnic == "Kurdish" and iso3 in _KURDISH:
                name = _KURDISH[iso3]
                return _Hit(i, j + head_len, Actor(name, None, "state" if iso3 == "IRQ" else "rebel", iso3), 2)
            name = _generic_name(f"{ethnic} Ethnic Militia", iso3)
            return _Hit(i, j + head_len, Actor(name, None, "rebel", iso3), 2)
        if head in _PROTESTER_NOUNS:
            return _Hit(i, j + 1, Actor(_generic_name("Protesters", iso3), None, "protesters", iso3), 2)
        if head in _RIOTER_NOUNS:
            return _Hit(i, j + 1, Actor(_generic_name("Rioters", iso3), None, "rioters", iso3), 2)
        if head in _ARMED_NOUNS or head in _ARMED_PAIRS:
            if head in ("herdsmen", "herders"):
                return _Hit(i, j + 1, Actor(_generic_name("Civilians", iso3), None, "civilians", iso3), 2)
            key = " ".join(t.key for t in tokens[j:j + head_len])
            regional = _REGIONAL.get(key, {}).get(country or "") if not nat else None
            if regional:
                return _Hit(i, j + head_len, Actor(regional, None, self._kinds.get(regional), country), 2)
            if mods & {"pro", "government", "regime", "backed"} and head in {"militia", "militias", "militiamen"}:
                return _Hit(i, j + head_len, Actor(_generic_name("Pro-Government Militia", iso3), None, "state", iso3), 2)
            return _Hit(i, j + head_len, Actor(_generic_name("Unidentified Armed Group", iso3), None,
                                               "unidentified", iso3), 2)
        if head in _CIVILIAN_NOUNS or head in _CIVILIAN_PAIRS:
            if head in ("civil", "aid", "displaced", "population") and head_len == 1 and head != "population":
                return None
            return _Hit(i, j + head_len, Actor(_generic_name("Civilians", iso3), None, "civilians", iso3), 2)
        return None


# -- what the text around a mention says of its role ------------------------------------------------

# "Hamas claimed responsibility", "a PKK attack", "Abu Sayyaf is suspected": the words after a group
# mention that name it as the one who acted.
_CLAIM_AFTER = re.compile(
    r"^[\s,'\u2019)]*(?:s\s+)?(?:(?:also|has|have|had|later|then|jointly|quickly|immediately|reportedly|"
    r"allegedly|militants?|fighters?|gunmen|members?|insurgents?|and\s+its\s+allies)\s+){0,3}"
    r"(?:claim\w*|attack(?:s|ed)?\b|assault(?:s|ed)?|ambush\w*|raid(?:s|ed)?\b|storm(?:s|ed)|"
    r"suicide|bombing|car\s+bomb|detonat\w+|shell(?:s|ed)\b|launch\w*|executed|beheaded|massacred|"
    r"kidnapped|abducted|murdered|seized|captured|took\s+(?:control|over|hostage)|"
    r"(?:killed|shot)(?!\s+(?:in|by|during|when|while|as|after|on|at|near|and|or)\b)|(?:is|are|was|were)\s+"
    r"(?:suspected|blamed|believed|thought|responsible|behind))",
    re.IGNORECASE)
# "claimed by the Taliban", "an attack by Islamic State", "planted by ISIS militants", and the other side
# of a fight, which is the attacker when the sentence reports state forces or civilians as its casualties.
_CLAIM_BEFORE = re.compile(
    r"(?:claimed\s+by|attributed\s+to|carried\s+out\s+by|blamed\s+on|perpetrated\s+by|planted\s+by|"
    r"launched\s+by|(?:attack|attacks|assault|ambush|bombing|raid|offensive)\s+by|suspected|"
    # the other side of a fight the sentence reports: "killed in a clash with members of PJAK"
    r"(?:clash(?:es|ed)?|encounter|gunfight|firefight|shootout|gun\s+battle|fighting)\s+with"
    r"(?:\s+(?:members?|militants?|fighters?|insurgents?|rebels?|guerrillas?)\s+of)?|"
    r"responsibility\s+(?:for\s+the\s+\w+\s+)?(?:to|on)|behind\s+the\s+\w+\s+(?:was|were))"
    r"\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE)
# "two soldiers die", "a policeman was killed", "soldiers and a civilian were wounded": the mention
# names the casualties. The first verb after the mention decides, so "soldiers killed 20 militants"
# (active) is not read as a casualty.
_VICTIM_AFTER = re.compile(
    r"^[^.;:!?]{0,80}?\b(?P<verb>(?:(?:was|were|been|being|are|is|got)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|slain|hurt|kidnapped|abducted|shot|murdered|ambushed|attacked|"
    r"targeted|executed|beheaded|hit|taken))|die|dies|died|dying|succumbed|perished|lost\s+their\s+lives)\b",
    re.IGNORECASE)
# A toll verb, then only a count and a few words of whom, right before the mention (see named_as_hit).
_HIT_BEFORE = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing))"
    r"(?:\s+(?:at\s+least|more\s+than|over|some|about|nearly|almost|up\s+to))?"
    r"(?:\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|several|many|more|others?|"
    r"people|persons|civilians|of|including)|\s*,\s*(?:including|among\s+them)){0,5}"
    r"\s+(?:(?:members?|fighters?|militants?|commanders?|leaders?|officials?|supporters?|soldiers?)\s+of\s+)?"
    r"(?:the\s+)?$",
    re.IGNORECASE)
_ACTIVE_VERB = re.compile(
    r"\b(?:killed|kill|kills|attacked|attack|attacks|shot|ambushed|raided|stormed|fired|shelled|bombed|clashed|"
    r"repelled|arrested|captured|launched|opened|seized|carried|conducted|detained|destroyed|fought)\b",
    re.IGNORECASE)
_ANTI = re.compile(r"\banti[\s-]*$", re.IGNORECASE)


# A proper name of an organisation: capitalised words (with the small words names carry) ending in,
# or containing, a word that names an armed or political organisation.
_NAME_WORD = r"(?:[A-Z][\w'\u2019-]*|(?:al|el|ul|ad|ash|as|at|an|ar|bin|ibn|wal)-[\w'\u2019-]+|\d+(?:st|nd|rd|th)|of|for|the|and|de|del|la|el|al|y|du|des|ul|e|i)"
_ORG_HEADS = frozenset({
    "front", "army", "organization", "organisation", "brigade", "brigades", "group", "movement",
    "commando", "commandos", "cells", "cell", "council", "faction", "legion", "battalion", "command",
    "federation", "mujahideen", "jamaat", "jamaa", "jamaah", "jamaath", "resistance", "liberation", "militia",
    "tigers",
    "guerrillas", "squad", "squads", "nuclei", "vanguard", "jihad", "ansar", "jund", "jaish", "lashkar",
    "harakat", "harkat", "hizb", "tehrik", "kataib", "katibat", "fronte", "frente", "ejercito",
    "movimiento", "organizacion", "brigate", "rote", "armee",
})
_UNLISTED = re.compile(rf"\b[A-Z][\w'\u2019.-]*(?:[ \t]+{_NAME_WORD}\b)*")
# Ties between armed groups ("the Islamic State backed faction of Boko Haram", "ISIS-linked militants"):
# besides patrons' words (countries.PATRON_WORDS, which say where an event was not) they include
# allegiance and inspiration, which only say which group a faction is.
_ALLEGIANCE_AFTER = re.compile(
    r"[\s-]+(?:backed|led|linked|affiliated|aligned|allied|inspired|loyal(?!\s+to\b)|sponsored)\b", re.IGNORECASE)
_PRO_BEFORE = re.compile(r"\bpro-?\s*$", re.IGNORECASE)
_DESCRIPTIVE = re.compile(r"-(?:backed|led|linked|affiliated|aligned|allied|inspired|based|born|style)\b",
                          re.IGNORECASE)
_GROUP_AFTER = re.compile(r"[\s,]+(?:group|guerrillas|militants|rebels|fighters|members|organi[sz]ation|commando|"
                          r"cells?|insurgents)\b", re.IGNORECASE)
# Capitalised words that open a sentence or a mention but are not part of an organisation's name.
_LEADING = frozenset({"the", "a", "an", "members", "member", "militants", "militant", "fighters", "guerrillas",
                      "insurgents", "rebels", "suspected", "several", "some", "gunmen", "of", "from", "and",
                      "attack", "attacks", "by", "in", "on", "at", "after", "when", "following", "part", "leftist",
                      "rightist", "police", "troops", "soldiers", "according", "to", "two", "three", "four", "five",
                      "six", "seven", "eight", "nine", "ten", "no", "unidentified", "unknown", "armed", "presumed",
                      "alleged", "purported", "reported", "suspect", "suspects", "leader", "head", "chief"})
# Creeds and causes that describe armed men without naming a group ("Islamist militants").
_CREEDS = frozenset({"islamist", "islamists", "jihadist", "jihadi", "salafist", "salafi", "maoist", "marxist",
                     "communist", "leftist", "rightist", "sunni", "shia", "shiite", "christian", "muslim", "hindu",
                     "buddhist", "sikh", "jewish", "catholic", "protestant", "separatist", "nationalist",
                     "anarchist", "radical", "extremist", "tribal", "secessionist"})
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}(?:-[A-Z]{1,3})?\b")
# Words before a name that make it an organisation ("members of the X", "militants of X").
_MEMBERS_OF = re.compile(r"(?:members?|militants?|fighters?|guerrillas?|gunmen|cell|commando|units?|"
                         r"activists|insurgents|rebels|group|organi[sz]ation)\s+(?:of|from)\s+(?:the\s+)?$"
                         # "a little-known local Islamist group, National Thowheeth Jama'ath, was behind"
                         r"|\b(?:group|organi[sz]ation|outfit|faction|movement)\s*,\s*$",
                         re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CALENDAR_WORDS = _WEEKDAYS | frozenset("""january february march april may june july august september october
    november december today yesterday""".split())
_SMALL = frozenset({"of", "for", "the", "and", "de", "del", "la", "el", "al", "y", "du", "des", "ul", "e", "i"})


def named_as_perpetrator(text: str, start: int, end: int) -> bool:
    """Whether the words around a group mention name it as the one who acted.

    "The Taliban claimed responsibility", "in a PKK attack", "an attack by Islamic State gunmen",
    "Abu Sayyaf is suspected": the words an analyst would point at for the attribution.

    Args:
        text: the article text.
        start, end: character offsets of the group mention in ``text``.
    """
    if _DESCRIPTIVE.match(text, end):
        return False  # "al-Qaeda-affiliated al-Shabaab": a description of the group named next
    return bool(_CLAIM_AFTER.match(text[end:end + 60]) or attributed_to(text, start))


def attributed_to(text: str, start: int) -> bool:
    """Whether the words just before a mention lay the deed on it: "claimed by", "blamed on", "an attack by"."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(_CLAIM_BEFORE.search(text[max(sentence_start, start - 60):start]))


def _name_parts(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The organisation names in a run of capitalised words: leading sentence words dropped,
    split at "and" ("Caucasian Front and Yarmuk Jamaat"), small trailing words dropped."""
    parts = []
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", folded[start:end])]
    current: list[tuple[int, int, str]] = []
    for w in [*words, None]:
        if w is None or w[2] == "and":
            while current and current[0][2].lower().strip(".,") in _LEADING:
                current.pop(0)
            while current and current[-1][2].lower() in _SMALL:
                current.pop()
            if current:
                s, e = current[0][0], current[-1][1]
                while e > s and folded[e - 1] in ".,'\u2019-":
                    e -= 1
                parts.append((s, e))
            current = []
        else:
            current.append(w)
    return parts


def named_as_actor(text: str, start: int, end: int) -> bool:
    """Not the casualty or opponent of the event: the mention may be its initiator."""
    return not named_as_opponent(text, start) and not named_as_casualty(text, end) and not named_as_hit(text, start)


def named_as_hit(text: str, start: int) -> bool:
    """Whether the words just before a mention count it among the dead or hurt.

    "injuring 10 more including members of the SDF", "killing two Hezbollah fighters",
    "wounded three of the Houthis": the group was hit, whoever did it.
    """
    return bool(_HIT_BEFORE.search(text, max(0, start - 80), start))


def named_as_opponent(text: str, start: int) -> bool:
    """Whether a mention is the object of hostility, not an actor ("an anti-Taliban politician")."""
    return bool(_ANTI.search(text[max(0, start - 6):start]))


def named_as_casualty(text: str, end: int) -> bool:
    """Whether the words after a mention report it as killed, wounded or taken ("three soldiers died").

    Only the first verb after the mention counts: "soldiers killed 20 militants" is not a casualty
    report, "soldiers were killed" and "two soldiers and a policeman die" are.
    """
    window = text[end:end + 90]
    m = _VICTIM_AFTER.match(window)
    return m is not None and _ACTIVE_VERB.search(window, 0, m.start("verb")) is None


def _is_generic_head(tokens: list[_Token], j: int) -> bool:
    """A modifier word that is the head noun here ("the militant" vs "militant groups")."""
    key = tokens[j].key
    nxt = tokens[j + 1].key if j + 1 < len(tokens) else None
    if key in ("militant", "rebel", "islamist", "jihadist", "student", "suicide"):
        return nxt is None or not (nxt in _ARMED_NOUNS or nxt in _CIVILIAN_NOUNS or nxt in _PROTESTER_NOUNS
                                   or nxt in _GENERIC_MODIFIERS or nxt in ("group", "groups", "bomber", "bombers"))
    return False


def _spelled(surface: str, spelling: str) -> bool:
    """A capitalised alias token as written, or in the title case some papers use ("Isis", "Farc")."""
    if surface == spelling:
        return True
    return len(spelling) >= 4 and spelling.isalpha() and surface == spelling.title() \
        and spelling.lower() not in _WORD_ACRONYMS


def _has_lower_nearby(text: str, start: int, end: int) -> bool:
    """False in an ALL-CAPS stretch of text (a headline); True where the token stands alone."""
    around = text[max(0, start - 40):start] + " " + text[end:end + 40]
    return bool(_LOWER.search(around)) or not re.search("[A-Z]", around)


def _read_rows(text: str) -> list[tuple[str, str, str | None, str | None]]:
    rows = []
    lines = text.splitlines()
    for n, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in row]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise ValueError(f"line {n}: expected 'alias<TAB>canonical name[<TAB>kind[<TAB>country]]'")
        kind = cells[2] if len(cells) > 2 and cells[2] else None
        # Several home countries are written "IRQ SYR" or "IRQ,SYR", the main one first.
        homes = [c for c in re.split(r"[\s,;]+", cells[3].upper()) if c] if len(cells) > 3 else []
        if kind is not None and kind not in KINDS:
            raise ValueError(f"line {n}: unknown kind {kind!r} (use one of {', '.join(sorted(KINDS))})")
        for iso3 in homes:
            if countries.country_name(iso3) is None:
                raise ValueError(f"line {n}: unknown ISO3 country code {iso3!r}")
        rows.append((cells[0], cells[1], kind, " ".join(homes) or None))
    return rows


def _entry_key(alias: str) -> str:
    return " ".join(t.key for t in _tokens(alias))


def _add(entries: dict[str, list[_Entry]], alias: str, canonical: str, kind: str | None, iso3: str | None,
         *, override: bool) -> None:
    key = _entry_key(alias)
    if not key:
        return
    # A token written in capitals (IS, ELN, "US forces") must be written so in the text, and so must
    # one with a capital inside it ("LeT", "JeM"): read in any case, those are words ("Let us ...").
    exact = tuple((k, t.surface) for k, t in enumerate(_tokens(alias))
                  if re.search("[A-Z]", t.surface[1:] if _LOWER.search(t.surface) else t.surface))
    # An actor's country is its one home country; a group at home in several (Islamic State: Iraq
    # and Syria) has none, so no event is placed in Iraq for naming it.
    homes = iso3.split() if iso3 else []
    entry = _Entry(canonical, kind, homes[0] if len(homes) == 1 else None, exact)
    bucket = entries.setdefault(key, [])
    if override:
        bucket[:] = [e for e in bucket if e.exact != exact]
        bucket.insert(0, entry)
    elif entry not in bucket:
        bucket.append(entry)


@functools.cache
def _shipped() -> tuple[tuple[str, str, str | None, str | None], ...]:
    text = resources.files("tacitus").joinpath("data", "actors.tsv").read_text(encoding="utf-8")
    return tuple(_read_rows(text))


def _load(extra: Path | None) -> ActorDictionary:
    entries: dict[str, list[_Entry]] = {}
    canon_kind: dict[str, tuple[str | None, str | None]] = {}
    homes: dict[str, tuple[str, ...]] = {}
    for alias, canonical, kind, iso3 in _shipped():
        canon_kind.setdefault(canonical, (kind, iso3))
        if iso3:
            homes.setdefault(canonical, tuple(iso3.split()))
        _add(entries, alias, canonical, kind, iso3, override=False)
        _add(entries, canonical, canonical, kind, iso3, override=False)
    for key in _REGIONAL_ONLY:
        # Known only through _REGIONAL: an empty canonical means "no meaning outside those countries".
        entries.setdefault(key, []).append(_Entry("", "rebel", None, ()))
    if extra is not None:
        try:
            rows = _read_rows(Path(extra).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, csv.Error) as exc:
            raise ConfigError("E103", path=str(extra), reason=str(exc)) from exc
        for alias, canonical, kind, iso3 in rows:
            known_kind, known_iso3 = canon_kind.get(canonical, (None, None))
            if known_kind is None:
                # A new name for a known alias keeps what the alias was known to be.
                replaced = entries.get(_entry_key(alias)) or []
                known_kind = replaced[0].kind if replaced else None
            _add(entries, alias, canonical, kind or known_kind, iso3 or known_iso3, override=True)
            if iso3:
                homes[canonical] = tuple(iso3.split())
        logger.info("read %d actor aliases from %s", len(rows), extra)
    return ActorDictionary(entries, homes)
