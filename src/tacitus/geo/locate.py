"""The place where an event happened, among the article's resolved toponyms.

Takes an article's spaCy ``Doc``, its resolved
:class:`~tacitus.models.Toponym` records (from :mod:`.resolve`) and one
event's evidence span; returns the :class:`~tacitus.models.Place` where the
event happened and the span it was read from (``locate_event``). Also
``mentioned_country`` (the last-resort country of names that are no place of
their own) and ``names_elsewhere`` (whether the words before a name say the
event was not there), which the pipeline uses for countries implied by words.

An event's place is never a continent, a country used as a modifier of
another noun ("U.S. troops", "Pakistan Army", "a US drone strike"), a place
heading another name ("Supreme Court", "Tite Street"), or a place the text
says the event was not in ("coming from Nigeria", "near the border with
Ecuador"); a place on a route ("the road connecting Raqqa to Mosul") or in an
apposition ("Raqqa, Syria") yields to the place the event is said to be in;
a town the gazetteer put in another country than the region named with it
("Nawa district in Helmand province") yields to that region. A reference
point ("Amara, south of Baghdad", "Kakata, 60 km northeast of Monrovia")
yields to the place it locates, and a larger place to the most specific one
the text links to it ("the West Bank town of Jenin", "Baghdad's Sadr City",
"al-Tijara neighbourhood in central Damascus"); a place the event's trigger
governs in the parse beats a nearer one hanging on another verb; where a
person is from ("Moussa Ranimat, 28, of Tsurif near Hebron") and the former
holder of a place taken ("captured from Syria") are elsewhere. A nationality
word qualifying a place noun ("the Pakistani tribal region", "a Kenyan town")
says in which country the event happened.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .. import countries
from ..models import Place, Span, Toponym
from ..geodesy import km
from ..nlp import cased_text, sentence_bounds
from .names import demonym_country, fold
from .recognize import _DISTANCE_UNIT

logger = logging.getLogger(__name__)

# "north", "north-eastern", "southwest", "central": a part of a place, named by direction.
_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?|central"
# Nouns for a place whose name follows ("the port city of Jeddah") or that a country's name or
# nationality qualifies ("Pakistan's tribal region", "a Kenyan town").
_PLACE_NOUNS = (
    # Nouns in -y spelled out with their plurals: "the localities of Mardes", "the cities of Al-Mayadeen".
    r"town|cit(?:y|ies)|village|hamlet|settlement|province|district|sub-district|region|area|capital|count(?:y|ies)"
    r"|state|governorate|municipalit(?:y|ies)|prefecture|department|commune|localit(?:y|ies)|neighbou?rhood|quarter"
    r"|suburb|outskirts|port|island|camp|valley|zone|part|territor(?:y|ies)|heartland|countryside|coast|enclave"
    r"|oblast|division|belt|streets|resorts?"
    r"|centre|center|heart|middle|borderlands?|hinterland|interior|soil|tehsil|sector|corregimiento"
    r"|" + _COMPASS
)
_PLACE_NOUN = re.compile(rf"(?:{_PLACE_NOUNS})s?", re.I)
_CUE_WORDS = (
    r"in|at|near|outside|inside|into|on\s+the\s+outskirts\s+of|outskirts\s+of|around|across|throughout"
    r"|through|(?:re)?captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|retook|retak(?:e|es|en|ing)|took|overr[au]n(?:s|ning)?"
    r"|storm(?:s|ed|ing)|enter(?:s|ed|ing)?|liberat(?:e|es|ed|ing)|besieg(?:e|es|ed|ing)|shell(?:s|ed|ing)"
    r"|bomb(?:s|ed|ing)|struck|strik(?:e|es|ing)|hit(?:s|ting)?|raid(?:s|ed|ing)?|attack(?:s|ed|ing)?"
    r"|target(?:s|ed|ing)?|patroll?(?:s|ed|ing)?|invasion\s+of|occupation\s+of"
    r"|control\s+of|battle\s+for|battle\s+of|fight\s+for|siege\s+of|assault\s+on"
    r"|offensive\s+on|attack\s+on|attacks\s+on|fall\s+of|(?:" + _COMPASS + r")\s+of"
)
_STRONG_CUE = re.compile(
    rf"(?:\b(?:{_CUE_WORDS})\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w.-]*['’]s\s+)?"
    # "in the town of", "in northern", "in the Houthi-held city of", "in Syria's"
    rf"(?:(?:{_PLACE_NOUNS}|besieged|embattled|key|troubled|restive|[a-z]+-held|[a-z]+-controlled)s?\s+(?:of\s+)?)*"
    # "in the troubled Pakistani tribal region of", "in the Saudi port city of"
    rf"|\b(?:{_CUE_WORDS})\s+(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){{0,4}}?(?:{_PLACE_NOUNS})s?\s+of\s+(?:the\s+)?)$",
    re.I,
)
# "Amara, south of Baghdad", "a village 30 km north of the capital Kabul", "Kakata, 60 kilometers (40 miles)
# northeast of Monrovia": a reference point that says where another place is, not where the event was.
_DISTANCE = rf"\b\d[\d,.]*\s*-?\s*{_DISTANCE_UNIT}\b\.?\s*(?:\([^()]{{0,30}}\)\s*)?"
_REFERENCE = re.compile(
    rf"(?:(?:{_DISTANCE})?\b(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of|{_DISTANCE}(?:from|outside))"
    r"\s+(?:the\s+)?"
    rf"(?:(?:[\w'’-]+\s+){{0,3}}?(?:{_PLACE_NOUNS})\s+(?:of\s+)?(?:the\s+)?)?$",
    re.I,
)
# "captured Qabasin and Bzaah", "shelled the localities of Mardes, Kafr Nabudah and": earlier items of a
# list of names, which share the words that introduce the first.
_LIST_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}\s*(?:,\s*|\s+(?:and|or)\s+)){1,4}$")
_ROUTE = re.compile(r"\b(?:connecting|linking|between|road\s+(?:from|to)|highway\s+(?:from|to)|route\s+(?:from|to))\b", re.I)
# "a flight from Beirut to Abu Dhabi", "a bus bound for Kabul": places on a journey.
_JOURNEY = re.compile(
    r"\b(?:from\s+(?:[\w'’.-]+\s+){1,3}to|(?:flights?|en\s+route|bound|travell?ing|heading|headed|plane|bus|train)"
    r"\s+(?:from|to|for|towards?))\s+(?:the\s+)?$",
    re.I,
)
_WEAK_CUE = re.compile(r"\b(?:from|to|toward|towards|headquarters|stronghold|strongholds|capital|based)\b[^,.;]{0,25}$", re.I)
# Places named as where the event was not: the other side of a border, where attackers came from,
# where people fled to, whose citizens the victims were.
_ELSEWHERE = re.compile(
    r"\b(?:(?:(?:the|its|a)\s+)?(?:(?:" + _COMPASS + r"|common|shared|porous|desert)\s+)?(?:border|frontier)s?\s+with"
    r"|(?:attackers|militants|gunmen|fighters|insurgents|rebels|jihadists|terrorists|infiltrators|refugees|migrants"
    r"|soldiers|troops|peacekeepers|diplomats|tourists|pilgrims|workers|volunteers|nationals|citizens)\s+from"
    r"|(?:had|has|have)\s+(?:lived|resided|settled)\s+in"
    # "the Golan Heights captured from Syria": the former holder of a place taken elsewhere.
    r"|(?:captured|seized|wrested|taken|retaken|recaptured)\s+from"
    r"|(?:coming|came|come|return|returning|returned|hailing|hails|fled|fleeing|deported|extradited|repatriated|smuggled"
    r"|travell?ed|went|flew|moved|emigrated|immigrated"
    r"|infiltrated|crossed|crossing|sneaked|escaped)\s+(?:back\s+|over\s+)?(?:from|to|into)"
    # "pushing south from positions near Khartoum": where an offensive set out from.
    # ("pushed back from their strongholds in Aleppo province" is where the fight was).
    r"|(?:push(?:es|ed|ing)?|advanc(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|launch(?:es|ed|ing)?|fir(?:e|es|ed|ing)"
    r"|set(?:ting)?\s+out|sets\s+out)(?:\s+(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:wards?)?)?"
    r"\s+from\s+(?:(?:its|their|his|the|army|rebel|militant)\s+)?(?:positions?|bases?|strongholds?|camps?|hideouts?)"
    r"\s+(?:near|in|around|outside|inside|on\s+the\s+outskirts\s+of)"
    # "announced at a news conference on Mount Sinjar": where a statement was made.
    r"|(?:news|press|media)\s+(?:conference|briefing)s?\s+(?:in|at|on)|(?:told|addressed)\s+(?:reporters|journalists)\s+in"
    r"|citizens?\s+of|nationals?\s+of|natives?\s+of|born\s+in|embassy\s+of|ambassador\s+(?:of|to)|envoy\s+to"
    # "the wounded were taken to hospitals in Maiduguri": where the victims were treated.
    r"|(?:taken|rushed|evacuated|airlifted|flown|transferred|brought|admitted|treated|hospitali[sz]ed)\s+(?:to|at|in)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:hospitals?|clinics?)\s+in"
    # "Moussa Ranimat, 28, of the Village of Tsurif": where a person named with their age is from.
    r"|\d{1,3}\s*,\s*(?:of|from))"
    r"\s+(?:(?:the\s+)?neighbou?ring\s+)?(?:the\s+)?"
    rf"(?:(?:[\w'’-]+\s+){{0,2}}?(?:{_PLACE_NOUNS})s?\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# A modifier's dependency relations to the noun it qualifies ("Pakistan Army", "U.S. troops", "Pakistan's").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def _country_point(iso3: str) -> Place | None:
    """A country at its GeoNames point, from the package's country table."""
    row = countries.country(iso3)
    if row is None or row.latitude is None:
        return None
    return Place(row.name, row.latitude, row.longitude, row.iso3, feature="A.PCLI", precision="country")


def _country_place(iso3: str, toponyms: Sequence[Toponym]) -> Place | None:
    """A country as the article's gazetteer resolved it, else at the country table's point."""
    for t in toponyms:
        if t.place is not None and t.place.precision == "country" and t.place.country == iso3:
            return t.place
    return _country_point(iso3)


def _qualifies_previous(text: str, toponyms: Sequence[Toponym], t: Toponym) -> bool:
    """Whether a toponym only qualifies the one before it ("Raqqa, Syria", "San Pablo (south of Bolívar)")."""
    for prev in toponyms:
        if prev.span.end <= t.span.start and _APPOSITION.fullmatch(text[prev.span.end : t.span.start]):
            return True
    return False


_APPOSITION = re.compile(rf"\s*(?:,|\(\s*(?:(?:{_COMPASS})\s+of\s+)?)\s*(?:the\s+)?", re.I)
# "X district in Y", "X, Y province", "X, a neighbourhood of Y", "X hotel near the Y": the words
# between a place and the larger place it is said to lie in.
_CONTAINED_IN = re.compile(
    r"(?:\s+[\w'’(),.-]+){0,4}?(?:\s*,|\s+(?:in|of|near|outside|inside))\s+(?:(?:the|a|an)\s+)?"
    rf"(?:(?:{_COMPASS}|far\s+(?:north|south|east|west))\s+(?:part\s+of\s+)?)?|\s+(?:{_PLACE_NOUNS})s?\s+",
    re.I,
)
_NAME_PART = re.compile(r"[ \t]+([A-Z][\w'’.-]*)")
_NOT_A_NAME_PART = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday province governorate district region state
    city county valley oblast prefecture municipality town village area department cercle regency canton commune
    parish tehsil sector""".split()
)
_NAME_PREFIXES = frozenset("la le les el los las al san santa santo saint st st. sao são".split())
_MODIFIED = re.compile(r"[ \t]+([a-z][a-z-]+)")
_FUNCTION_WORDS = frozenset(
    """and or but in on at to for from with by of as is was were are has had have says said say
    after before since during when while where which that who whose than then itself""".split()
)


def _modifier_head(doc, start: int, end: int):
    """The noun a name at ``start:end`` qualifies ("Pakistan Army" -> Army), or None where it stands alone.

    Read from the parse: the name's head token is a compound, adjectival or
    possessive modifier of a noun that follows it.
    """
    if doc is None or not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    head = root.head
    if root.dep_ in _MODIFIER_DEPS and head.i > span.end - 1 and head.pos_ in ("NOUN", "PROPN"):
        return head
    return None


_YEAR_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d\s+$")
_EVENT_NOUN = re.compile(r"(?:attack|bombing|massacre|shooting|blast|explosion|siege|hijacking|kidnapping|stabbing|riot"
                         r"|clash|ambush|raid|assassination|crisis|incident|unrest|violence)s?", re.I)


def _place_noun(token) -> bool:
    """Whether a token is a noun for a kind of place or a part of one ("region", "province", "north")."""
    return bool(_PLACE_NOUN.fullmatch(token.text)) or bool(_PLACE_NOUN.fullmatch(token.lemma_ or ""))


def _used_as_modifier(doc, text: str, t: Toponym) -> bool:
    """Whether a toponym qualifies a noun other than a place: "Pakistan Army", "U.S. troops", "a US drone strike".

    "Pakistan's tribal region" and "the Afghan-Pakistan border area" still say where.
    Without a parse, a lower-case word after a country's name is read as the noun it qualifies.
    """
    if doc is not None and doc.has_annotation("DEP"):
        head = _modifier_head(doc, t.span.start, t.span.end)
        if head is None or _place_noun(head):
            return False
        # "2017 Afghanistan bombings:", the name of an incident, says where it was.
        return not (_YEAR_BEFORE.search(text[max(0, t.span.start - 6) : t.span.start]) and _EVENT_NOUN.fullmatch(head.text))
    m = _MODIFIED.match(text[t.span.end : t.span.end + 40])
    return bool(m and m.group(1) not in _FUNCTION_WORDS)


def _continues_name(text: str, toponyms: Sequence[Toponym], t: Toponym) -> bool:
    """Whether a toponym follows another with only a space between: the tail of one name ("St Petersburg Metro")."""
    return any(o.span.end < t.span.start and text[o.span.end : t.span.start] == " " for o in toponyms)


def _contained_in(doc, text: str, toponyms: Sequence[Toponym], t: Toponym, hi: int) -> Toponym | None:
    """The larger place the text puts a toponym in when the gazetteer put it in another country.

    "Nawa district in Helmand province", "Kiunga, Lamu County", "the Meridien
    hotel near the Giza pyramids": a town's name is often shared across
    countries, the region or country named with it rarely is.
    """
    if t.place.precision == "country":
        return None
    for o in toponyms:
        if o.span.start < t.span.end:
            continue
        if o.span.start > min(hi, t.span.end + 60):
            break
        gap = text[t.span.end : o.span.start]
        if not _CONTAINED_IN.fullmatch(gap) or re.search(r"[.;:!?](?:\s|$)", gap):
            continue
        # Only a place can contain another ("in Burkina Faso's Sahel Region" too), not "La" of "La Tablada".
        if _role(doc, text, o, toponyms, True) not in (_PLACE, _NAME_HEAD) and not _possessive(doc, text, o, toponyms):
            continue
        if o.place.precision == "country" and re.search(r"\bnear\s+(?:the\s+)?$", gap):
            continue  # "near Pakistan" is no containment
        return o if o.place.country != t.place.country else None
    return None


def _names_something_else(doc, text: str, t: Toponym, strong_cue: bool) -> bool:
    """Whether a country's name only qualifies something else: "Pakistan Army", "U.S. troops", "a US drone strike".

    Read from the parse; without one, a lower-case word after the name is read
    as the noun it qualifies unless "in"/"at" comes before it.
    """
    if doc is not None and doc.has_annotation("DEP"):
        return _used_as_modifier(doc, text, t)
    return not strong_cue and _used_as_modifier(None, text, t)


def _starts_sentence(text: str, t: Toponym, word: str) -> bool:
    """Whether the capitalised word after an abbreviated place opens the next sentence ("in the U.K. Fortunately")."""
    if not text[t.span.start : t.span.end].endswith("."):
        return False
    low = word.lower().rstrip(".,;:")
    return low in _FUNCTION_WORDS or low in _SENTENCE_OPENERS or low.endswith("ly")


_SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you this these those there its their his her our however meanwhile
    also yet still some many most no one two three police officials authorities""".split()
)


def _possessive(doc, text: str, t: Toponym, toponyms: Sequence[Toponym]) -> bool:
    """Whether a toponym is only a possessive qualifier: "Iraq's army", "Syria's Idlib province".

    A town's possessive still says where ("Jerusalem's Mahane Yehuda market"),
    as does a country's of a place noun ("Pakistan's tribal region"); a
    possessive of another toponym yields to it.
    """
    if not re.match(r"['’]s\b", text[t.span.end : t.span.end + 3]):
        return False
    head = _modifier_head(doc, t.span.start, t.span.end)
    if t.place.precision == "place":
        return False
    if head is not None and any(t.span.end < o.span.start < head.idx + len(head.text) for o in toponyms):
        return True
    if t.place.precision != "country":
        return False
    return head is None or not _place_noun(head)


def names_elsewhere(text: str, start: int) -> bool:
    """Whether the words before ``start`` say the place named there is not where the event is.

    "near the border with Ecuador", "militants coming from Nigeria", "attackers
    from Libya", "citizens of France".

    Args:
        text: The article's text.
        start: Where the place's name (or nationality word) starts.
    """
    return bool(_ELSEWHERE.search(text[max(0, start - 60) : start]))


# The words between a place and a larger place it lies in or near: "Tsurif near Hebron", "al-Tijara
# neighbourhood in central Damascus", "Fallujah, in the restive western province of Al-Anbar".
_INSIDE_GAP = re.compile(
    rf"(?:[ \t]+(?:{_PLACE_NOUNS})s?)?(?:\s*,\s*(?:(?:also|just)\s+)*(?:in\s+)?|\s+(?:in|of|near|outside|inside)\s+)"
    rf"(?:the\s+)?(?:(?:[a-z][\w-]*\s+){{0,3}}?(?:{_PLACE_NOUNS})s?\s+(?:of\s+)?(?:the\s+)?)?",
)
# "the Nawa district of Helmand" but "the Sarajevo neighbourhood of Dobrinja", "Kabul of Afghanistan" but
# "the Mexico state of Hidalgo": either side of "of" can be the smaller place.
_OF_GAP = re.compile(
    rf"(?:[ \t]+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_PLACE_NOUNS})s?)?\s+of\s+(?:the\s+)?"
    rf"(?:(?:[a-z][\w-]*\s+){{0,3}}?(?:{_PLACE_NOUNS})s?\s+(?:of\s+)?(?:the\s+)?)?",
)
# The words between a larger place and a place it heads: "Baghdad's Sadr City", "Baghdad's northern
# neighborhood of Qahira", "the Belarus capital Minsk", "Sudan's capital, Khartoum", "Egypt's Sinai resorts of".
_HEADS_GAP = re.compile(
    rf"(?:['’]s)?[ \t]+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_PLACE_NOUNS})s?(?:\s+of|\s*,)?\s+(?:the\s+)?"
    rf"(?:(?:{_COMPASS})\s+)?"
    rf"|['’]s[ \t]+(?:(?:{_COMPASS}|[a-z]+-(?:held|controlled))\s+)?",
)
# What may come between a place and the reference point after it: ", also just", " area", ", about".
_REF_LEAD = re.compile(
    rf"(?:[ \t]+[A-Z][\w'’.-]*){{0,3}}(?:[ \t]+(?:{_PLACE_NOUNS})s?)?[\s,]*"
    r"(?:(?:also|just|about|some|roughly|around|located|situated|lying|to|the)\s+)*",
)
_NAME_LINK = re.compile(
    r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}(?:\s+(?:near|in|outside)\s+|\s*,\s*)(?:the\s+)?$"
)
_NOUN_AFTER = re.compile(rf"[ \t]+(?:{_PLACE_NOUNS})\b", re.I)
_RANK = {"country": 0, "admin1": 1, "place": 2}


def _rank(t: Toponym) -> int:
    return _RANK.get(t.place.precision or "", 0)


def _refers_to(text: str, first: Toponym, second: Toponym) -> bool:
    """Whether ``second`` is only a reference point locating ``first``: "Amara, south of Baghdad"."""
    if second.place.precision == "country":
        return False  # "San Lorenzo, north of Ecuador": in the north of the country
    gap = text[first.span.end : second.span.start]
    ref = _REFERENCE.search(gap)
    return ref is not None and bool(_REF_LEAD.fullmatch(gap[: ref.start()]))


def _finer(text: str, first: Toponym, second: Toponym) -> Toponym | None:
    """The smaller of two places the text links ("Jenin" of "the West Bank town of Jenin"), or None if unlinked."""
    if _refers_to(text, first, second):
        return first
    gap = text[first.span.end : second.span.start]
    if _OF_GAP.fullmatch(gap):
        if _rank(first) != _rank(second):
            return first if _rank(first) > _rank(second) else second
        # "the West Bank town of Jenin", "the Mexico state of Hidalgo": a kind of place after the first
        # name is the second's, unless the second names its own kind ("the Nawa district of Helmand
        # province"); a bare "of" follows the smaller place ("Kabul of Afghanistan").
        kind = any(_PLACE_NOUN.fullmatch(w) for w in first.span.text.split()[-1:] + gap.split(" of")[0].split())
        if kind and not _NOUN_AFTER.match(text[second.span.end : second.span.end + 30]):
            return second
        return first
    if _INSIDE_GAP.fullmatch(gap):
        # "Aleppo, Idlib and Hama" is a list: after a bare comma only a coarser place contains.
        if gap.strip() == "," and _rank(first) <= _rank(second):
            return None
        return first if _rank(first) >= _rank(second) else None
    if _HEADS_GAP.fullmatch(gap):
        return second if _rank(second) >= _rank(first) else None
    return None


def _elsewhere(text: str, toponyms: Sequence[Toponym], t: Toponym, depth: int = 0) -> bool:
    """Whether the text says the event was not at a toponym, or at the place it locates ("from Tsurif near Hebron")."""
    if names_elsewhere(text, t.span.start):
        return True
    # "of the Village of Tsurif near Hebron": through a name the gazetteer does not know.
    window = text[max(0, t.span.start - 50) : t.span.start]
    m = _NAME_LINK.search(window)
    if m is not None and names_elsewhere(text, t.span.start - len(window) + m.start()):
        return True
    if depth >= 2:
        return False
    for o in toponyms:
        if o.span.end <= t.span.start and t.span.start - o.span.end <= 40 \
                and _INSIDE_GAP.fullmatch(text[o.span.end : t.span.start]) \
                and not (o.place.precision == "country" and o.place.country != t.place.country):
            # Not "near the border with Nigeria in northern Cameroon": one country lies in no other.
            return _elsewhere(text, toponyms, o, depth + 1)
    return False


def _most_specific(doc, text: str, toponyms: Sequence[Toponym], t: Toponym, lo: int, hi: int) -> Toponym:
    """The most specific place the text links to the chosen one.

    "the West Bank town of Jenin", "Baghdad's Sadr City", "al-Tijara
    neighbourhood in central Damascus", "Minya University south of Cairo":
    the event's words often attach to the larger place or the reference point
    while the smaller place says where it was. Only a place in the same
    country, not on a journey the chosen one is not on, replaces it.
    """
    seen = {t.span.start}
    while True:
        base = _event_score(doc, text, t, toponyms, lo, None, role=_PLACE)
        nxt = None
        for o in toponyms:
            if o.span.start in seen or not lo <= o.span.start < o.span.end <= hi or o.place.country != t.place.country:
                continue
            first, second = (o, t) if o.span.end <= t.span.start else (t, o)
            if second.span.start - first.span.end > 60 or _finer(text, first, second) is not o:
                continue
            # "Minya University south of Cairo": a facility's town, when the larger place is a reference point.
            roles = (_PLACE, _NAME_HEAD) if o is first and _refers_to(text, o, t) else (_PLACE,)
            for role in roles:
                score = _event_score(doc, text, o, toponyms, lo, None, role=role)
                if score is not None and (base is None or score > base - 3.5):
                    nxt = o
                    break
            if nxt is not None:
                break
        if nxt is None:
            return t
        seen.add(nxt.span.start)
        t = nxt


# How a toponym can stand for where an event happened, best first: as a place; as the head of
# another name ("Gao Airport", "Moscow Metro"); as a modifier ("U.S. troops"); never (None).
_PLACE, _NAME_HEAD, _MODIFIER = 0, 1, 2


_BACKED = re.compile(rf"\s+(?:{'|'.join(countries.PATRON_WORDS)})\b", re.IGNORECASE)


def _role(doc, text: str, t: Toponym, toponyms: Sequence[Toponym], strong_cue: bool) -> int | None:
    """How a toponym can stand for the event's place (``_PLACE``, ``_NAME_HEAD``, ``_MODIFIER``) or None."""
    if t.place is None or t.place.country is None:  # continents and world regions are never the place
        return None
    # "the St Petersburg Metro": the tail of a longer name.
    if _elsewhere(text, toponyms, t) or _continues_name(text, toponyms, t):
        return None
    # "U.S.-led coalition", "Iraqi-backed", "the Iran-Iraq border": a modifier, not a location.
    if re.match(r"-\w", text[t.span.end : t.span.end + 3]) or re.search(r"\w-$", text[max(0, t.span.start - 2) : t.span.start]):
        return _MODIFIER
    if _BACKED.match(text, t.span.end):
        return _MODIFIER  # "US backed SDF fighters", written without the hyphen
    if _possessive(doc, text, t, toponyms):
        return _MODIFIER
    after = text[t.span.end : t.span.end + 40]
    m = _NAME_PART.match(after)
    # "Mogadishu Turkish embassy": a nationality word after a place starts no longer name.
    if m and m.group(1).lower().rstrip(".") not in _NOT_A_NAME_PART and not _starts_sentence(text, t, m.group(1)) \
            and demonym_country(m.group(1)) is None:
        # "the La Mon restaurant": an article or a saint's prefix, not a place.
        if t.span.text.lower() in _NAME_PREFIXES:
            return None
        return _NAME_HEAD
    if t.place.precision == "country" and _names_something_else(doc, text, t, strong_cue):
        return _MODIFIER
    return _PLACE


def _parsed_token(doc, t: Toponym):
    """The head token of a toponym in a parsed Doc, or None without a parse."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _governed_by(doc, t: Toponym, anchor: int) -> bool:
    """Whether the parse hangs a toponym on the trigger at ``anchor`` with no other verb between.

    "soldiers went into the West Bank town of Jenin": Jenin hangs on "went";
    the West Bank of "killed a motorist in the West Bank, and soldiers went"
    hangs on "killed".
    """
    token = _parsed_token(doc, t)
    if token is None:
        return False
    # "Israel captured", "captured by Israel": who acted, not where ("Police in Mazatlan shot" still says where).
    if token.dep_ in _SUBJECT_DEPS or token.head.dep_ == "agent":
        return False
    for _ in range(8):
        if token.head.i == token.i:
            return False
        token = token.head
        # "police shot and killed two gunmen in the town of Buinaksk": a verb joined to the trigger.
        if token.idx == anchor or (token.dep_ == "conj" and token.head.idx == anchor):
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})


def _event_score(doc, text: str, t: Toponym, toponyms: Sequence[Toponym], lo: int, anchor: int | None,
                 *, role: int = _PLACE) -> float | None:
    """How likely a toponym is where the event of ``text[lo:...]`` happened; None if not in the ``role`` asked."""
    before = text[max(lo, t.span.start - 60) : t.span.start]
    # "Amara, south of Baghdad": a reference point for a place named before it is only a fallback.
    reference = any(o.span.end <= t.span.start and t.span.start - o.span.end <= 60 and _refers_to(text, o, t)
                    for o in toponyms) or _outside_division(text, t, toponyms, lo, before)
    strong_cue = not reference and bool(_STRONG_CUE.search(before) or _STRONG_CUE.search(_LIST_BEFORE.sub("", before)))
    # "Raqqa, Syria": the country only says where Raqqa is.
    if _role(doc, text, t, toponyms, strong_cue) != role or _qualifies_previous(text, toponyms, t):
        return None
    score = 0.0
    if strong_cue:
        score += 3.0
    elif _WEAK_CUE.search(before):
        score += 0.5
    clause = text[lo : t.span.start]
    clause = clause[max(clause.rfind(";"), clause.rfind(". ")) + 1 :]
    if _ROUTE.search(clause) or _JOURNEY.search(before) or (
            re.search(r"\bfrom\s+$", before) and re.match(r"\s+to\s+[A-Z]", text[t.span.end : t.span.end + 5])):
        score -= 4.0
    if re.search(r"\b(?:headquarters|stronghold|strongholds|capital|base|home)\s+(?:in|of)\s+(?:the\s+)?$", before, re.I):
        score -= 1.0
    if reference:
        score -= 1.0  # a fallback, below any place it helps to find
    score += {"place": 0.6, "admin1": 0.3}.get(t.place.precision or "", 0.0)
    if anchor is not None:
        score -= min(abs(t.span.start - anchor), 300) / 150.0
        if _governed_by(doc, t, anchor):
            score += 1.0
    if _of_earlier_event(doc, t):
        score -= 2.0
    return score


def _outside_division(text: str, t: Toponym, toponyms: Sequence[Toponym], lo: int, before: str) -> bool:
    """A bearing from a town that lies outside the division the event is placed in.

    "near Ma'ale Adumim, east of Jerusalem, in the West Bank": the place the
    bearing locates is unknown to the index, and Jerusalem is not in the West
    Bank, so the division says more than the reference point. "20 km west of
    Ramadi, in Anbar province" keeps Ramadi, which is in Anbar.
    """
    if t.place.precision != "place" or not _REFERENCE.search(before):
        return False
    return any(o.place.precision == "admin1" and lo <= o.span.start and o.span.start - t.span.end <= 80
               and (o.place.country, o.place.admin1) != (t.place.country, t.place.admin1)
               for o in toponyms if o is not t and o.place is not None)


_EARLIER = frozenset({"after", "since", "following", "before", "like", "than"})


def _of_earlier_event(doc, t: Toponym) -> bool:
    """A place inside a phrase recalling another event: "a week after a deadly bombing in Istanbul".

    The toponym hangs, with no verb between, on a noun governed by "after",
    "since", "following" ...: that noun's event happened there, not the one
    the sentence reports. A clause ("after militants attacked a checkpoint in
    Kabul", the how of the same event) has its verb first and is not such a phrase.
    """
    token = _parsed_token(doc, t)
    if token is None:
        return False
    for _ in range(8):
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX"):
            return False
        token = token.head
        if token.dep_ == "prep" and token.lower_ in _EARLIER:
            return True
    return False


def _best_in(doc, text: str, toponyms: Sequence[Toponym], lo: int, hi: int, anchor: int | None,
             *, role: int = _PLACE) -> tuple[float, Toponym] | None:
    best = None
    for t in toponyms:
        if lo <= t.span.start and t.span.end <= hi:
            score = _event_score(doc, text, t, toponyms, lo, anchor, role=role)
            if score is not None and (best is None or score > best[0]):
                best = (score, t)
    return best


def _cued(text: str, t: Toponym) -> bool:
    """Whether the words just before a toponym say it is where something happened ("in", "the town of")."""
    return bool(_STRONG_CUE.search(text[max(0, t.span.start - 60) : t.span.start]))


def _country_by_role(doc, text: str, toponyms: Sequence[Toponym], roles: tuple[int, ...]) -> Place | None:
    """The country most of the article's toponyms in the first of ``roles`` that has any are in."""
    tiers: dict[int, Counter] = {role: Counter() for role in roles}
    for t in toponyms:
        role = _role(doc, text, t, toponyms, _cued(text, t))
        if role == _MODIFIER and countries.troops_abroad(t.place.country, text, t.span.end):
            continue  # "U.S. servicemembers were wounded": troops abroad, not where
        if role in tiers:
            tiers[role][t.place.country] += 1
    for role in roles:
        if tiers[role]:
            return _country_place(tiers[role].most_common(1)[0][0], toponyms)
    return None


def mentioned_country(doc, toponyms: Sequence[Toponym]) -> Place | None:
    """The country of the article's toponyms that name no place of their own, as a last resort.

    "Gao Airport" and "Moscow Metro" are in their towns' countries, and "U.S.
    troops" hint at the United States; weaker evidence than an event's own
    words ("British soldiers"), so the pipeline asks this after them. Places
    the text names as elsewhere ("coming from Nigeria") never count.

    Args:
        doc: The article's spaCy Doc.
        toponyms: The article's toponyms from :func:`find_toponyms`.

    Returns:
        The country (precision "country") of the names heading other names if
        any, else of the names qualifying nouns; None if the article has neither.
    """
    toponyms = sorted((t for t in toponyms if t.place is not None), key=lambda t: t.span.start)
    return _country_by_role(doc, cased_text(doc), toponyms, (_NAME_HEAD, _MODIFIER))


def _nationality_of_place(doc, text: str, lo: int, hi: int) -> tuple[str, Span] | None:
    """A nationality word qualifying a place noun in ``text[lo:hi]``: "the Pakistani tribal region" -> PAK.

    "In the Saudi port city of Jeddah", "a small Kenyan town", "the eastern
    Turkish province of Hakkari" say where; "Saudi militants" says who, and
    "the Syrian border" says neither side.
    """
    if doc is None or not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(lo, hi, alignment_mode="contract")
    if span is None:
        return None
    for token in span:
        if token.dep_ not in ("amod", "compound", "nmod") or not token.text[:1].isupper():
            continue
        iso3 = demonym_country(token.text)
        if iso3 is None or names_elsewhere(text, token.idx):
            continue
        head, steps = token.head, 0
        # Through the nouns between ("Saudi port city", "Pakistani tribal region").
        while head.i > token.i and steps < 3 and not _place_noun(head) \
                and head.dep_ in ("compound", "amod") and head.head.i > head.i:
            head, steps = head.head, steps + 1
        if head.i > token.i and head.pos_ == "NOUN" and _place_noun(head):
            return iso3, Span(token.idx, token.idx + len(token.text), token.text)
    return None


def locate_event(
    doc,
    toponyms: Sequence[Toponym],
    *,
    evidence: Span,
    trigger: Span | None = None,
    dateline: Toponym | None = None,
    excluded: Sequence[Span] = (),
) -> tuple[Place | None, Span | None]:
    """The place where an event happened, and the span it was read from.

    Prefers a toponym in the evidence introduced by "in/at/near/outside", the
    object of "captured/seized/lost control of", close to the trigger, over
    places in appositions ("Raqqa, Syria") and routes ("the road connecting
    Raqqa to Mosul"). A nationality word qualifying a place noun ("in the
    Pakistani tribal region") gives the country where no toponym is so
    introduced, or where the toponym lies in another country; then a town a
    facility in the evidence is named after ("at Gao Airport"). Without any,
    falls back to the best toponym of the nearest preceding sentence of the
    same paragraph, or of a following one that says where the same event took
    place ("The attack took place in Kandahar"), then the dateline, then the
    country the article's places are mostly in; fallbacks return a None span.

    Args:
        doc: The article's spaCy Doc (its text as the parser read it, its sentences and dependency parse).
        toponyms: The article's toponyms from :func:`find_toponyms`.
        evidence: The event's evidence span.
        trigger: The event's trigger word, if known.
        dateline: The article's dateline toponym, if any.
        excluded: Stretches of the evidence that tell other events ("hours after a bomb tore
            through a bus station in Nyanya"): their places are not this event's.

    Returns:
        ``(place, span)``; ``(None, None)`` when nothing places the event.
    """
    # The cues read letter case ("Paris offices" vs "Paris Prosecutor"): in wire
    # copy written in capitals they read the parser's true-cased copy.
    text = cased_text(doc)
    toponyms = sorted((t for t in toponyms if t.place is not None), key=lambda t: t.span.start)
    if excluded:
        toponyms = [t for t in toponyms if not any(ex.start <= t.span.start < ex.end for ex in excluded)]
    anchor = trigger.start if trigger is not None else None
    best = _best_in(doc, text, toponyms, evidence.start, evidence.end, anchor)
    said = _nationality_of_place(doc, text, evidence.start, evidence.end)
    antecedent = _antecedent(doc, text, toponyms, evidence)
    if best is not None and antecedent is not None and antecedent.place.country == best[1].place.country \
            and (_rank(antecedent) > _rank(best[1]) or best[0] < 1.0):
        # "Barzani, president of Iraq's Kurdistan Region, announced that the town had been
        # liberated": the town told before, not a wider or an uncued place the sentence names.
        return antecedent.place, None
    if best is not None and best[0] > -2.0 and (said is None or best[0] >= 1.0 or best[1].place.country == said[0]):
        found = _most_specific(doc, text, toponyms, best[1], evidence.start, evidence.end)
        found = _contained_in(doc, text, toponyms, found, evidence.end) or found
        return found.place, found.span
    if said is not None:
        place = _country_place(said[0], toponyms)
        if place is not None:
            return place, said[1]
    # "launched its offensive on the state": the state the article last named.
    if antecedent is not None:
        return antecedent.place, None
    # "A mortar shell hit soldiers at Gao Airport": the town a facility is named after.
    named = _best_in(doc, text, toponyms, evidence.start, evidence.end, anchor, role=_NAME_HEAD)
    if named is not None and named[0] > 2.0:
        return named[1].place, named[1].span

    found = _in_paragraph(doc, text, toponyms, evidence)
    unknown = _unknown_place(text, toponyms, evidence) if found is not None else None
    if unknown is not None and found.place.precision == "place":
        # "Four militants were killed in neighboring Shah Wali Kot district": somewhere the gazetteer
        # does not know, not the town told before; the division both are in, where the text names it.
        # It keeps its own name, with the division's point (geo_precision says what the point stands for).
        division = next((t.place for t in toponyms if t.place.precision == "admin1" and t.span.end <= evidence.start
                         and t.place.country == found.place.country and t.place.admin1 == found.place.admin1), None)
        if division is None:
            return _country_point(found.place.country), unknown
        name = _KIND_WORD.sub("", unknown.text).strip()
        return replace(division, name=name, geonameid=None, feature=None, population=0), unknown
    if found is not None:
        return found.place, None
    if dateline is not None and dateline.place is not None:
        return dateline.place, None
    # "Syria / . Near Ayn Isa, ... / . Near Dayr Az Zayr (unknown), ...": a list goes on in the
    # country of the line before, whatever country the article names most.
    before = next((t for t in reversed(toponyms) if evidence.start - _LINE_BEFORE_CHARS <= t.span.start
                   and t.span.end <= evidence.start), None)
    cued = before is not None and _cued(text, before)
    if before is not None and (before.place.precision != "place" or _role(doc, text, before, toponyms, cued) != _PLACE):
        before = None  # only a town said to be where something was: not "Yemen's Houthi movement"
    if before is not None:
        return _country_place(before.place.country, toponyms), None
    return _country_by_role(doc, text, toponyms, (_PLACE,)), None


# The town a story is about: named at least this often, and this many times as often as any other.
_FOCUS_MENTIONS = 3
_FOCUS_LEAD = 2.0


def focus_place(doc, toponyms: Sequence[Toponym]) -> Place | None:
    """The one town an article keeps coming back to as where things happen, if there is one.

    "The bridges were targeted by coalition air strikes in October", in a story of the battle
    for Mosul that names Mosul five times and no other town as often, was in Mosul: a coder
    places an event its own sentences do not place in the town the story is about, not at the
    middle of the country. The town must be named at least three times as where something is
    (not "forces from Mosul", "the Mosul offensive"), twice as often as any other town.

    Args:
        doc: The article's spaCy Doc.
        toponyms: The article's toponyms from :func:`find_toponyms`.

    Returns:
        The town, or None where no town stands out so.
    """
    text = cased_text(doc)
    toponyms = sorted((t for t in toponyms if t.place is not None), key=lambda t: t.span.start)
    counts: Counter = Counter()
    places: dict[tuple, Place] = {}
    for t in toponyms:
        if t.place.precision != "place" or names_elsewhere(text, t.span.start):
            continue
        if _role(doc, text, t, toponyms, _cued(text, t)) != _PLACE:
            continue
        key = (t.place.geonameid, t.place.name, t.place.country)
        counts[key] += 1
        places[key] = t.place
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _FOCUS_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < _FOCUS_LEAD * ranked[1][1]:
        return None
    return places[ranked[0][0]]


# How far back a place in the lines before an event still gives its country.
_LINE_BEFORE_CHARS = 250


# A place named by its kind as another than the one told before, which the gazetteer may not know:
# "in neighboring Shah Wali Kot district". Without "neighboring" it may be a spot of that place.
_KINDS = r"district|province|village|town|city|county|area|region|governorate"
_KIND_NAMED = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:the\s+)?(?:neighbou?ring|nearby|adjacent|another)\s+"
    rf"((?:[A-Z][\w'’-]*\s+){{1,3}})(?:{_KINDS})\b")


_KIND_WORD = re.compile(rf"\s+(?:{_KINDS})$")


def _unknown_place(text: str, toponyms: Sequence[Toponym], evidence: Span) -> Span | None:
    """The words of the evidence that name, by its kind, a neighbouring place no toponym was resolved for."""
    for m in _KIND_NAMED.finditer(text, evidence.start, evidence.end):
        if not any(t.span.start < m.end(1) and m.start(1) < t.span.end for t in toponyms):
            return Span(m.start(1), m.end(), text[m.start(1) : m.end()])
    return None


# Prepositions by which a deed's place says where it was done: "in London, in High Wycombe and in Birmingham".
# Not "near": "in the Hajjaj near Tikrit and Baiji" names reference points of one place.
_SITE_PREPS = frozenset({"in", "at", "outside", "inside"})
# Towns closer than this are sites of one city ("a coordinated attack on several sites of one
# city on one day is one event", CODEBOOK 1): the Stade de France in Saint-Denis is the Paris attacks.
_ONE_CITY_KM = 25.0


def event_sites(doc, toponyms: Sequence[Toponym], place_span: Span, *, evidence: Span,
                excluded: Sequence[Span] = ()) -> list[Toponym]:
    """The places where the deed placed at ``place_span`` was done, when its words list several.

    "after arresting 21 people in overnight raids in London, in High Wycombe,
    west of the capital, and in Birmingham"; "at St Anthony's Shrine in ...
    Colombo, at St Sebastian's Church in Negombo ... and at Zion Church in ...
    Batticaloa": one event per place (CODEBOOK 1). A site is a place of the
    same kind and country as the event's, hanging in the parse on the same
    word by a locative preposition of its own, the same word as the event's
    place's (or joined to it by a conjunction: "in Kabul and Kandahar"),
    with no verb between. Where the event is placed in a country or a
    province ("struck churches and hotels in Sri Lanka"), towns inside it
    that its words list so are its sites. A reference point ("west of the
    capital", "near Tikrit and Baiji"), a division named with a town, a place
    on a route, another event's place, or one within a city's reach of
    another site is none. Returns the sites in text order, the event's own
    place first when it is one; an empty list when the words name fewer than two.
    """
    text = cased_text(doc)
    own = next((t for t in toponyms if t.place is not None and t.span.start == place_span.start
                and t.span.end == place_span.end), None)
    if own is None or doc is None or not doc.has_annotation("DEP"):
        return []
    coarse = own.place.precision in ("country", "admin1")
    if not coarse and (_division_named(text, own) or _spells_division(text, own)
                       or (_event_score(doc, text, own, toponyms, evidence.start, None) or 0.0) < 2.0):
        # "in Arish in the north of the Sinai Peninsula": the region it is part of; "in Jammu and
        # Kashmir's town of Tral": a division's name; "at Domana army camp": not said to be where
        return []

    def candidate(t: Toponym) -> bool:
        if t.place is None or not evidence.start <= t.span.start < t.span.end <= evidence.end \
                or any(ex.start <= t.span.start < ex.end for ex in excluded) or t.place.country != own.place.country:
            return False
        if coarse:
            if t.place.precision != "place" or own.place.precision == "admin1" and t.place.admin1 != own.place.admin1:
                return False
        elif t.place.precision != own.place.precision:
            return False
        if _division_named(text, t) or _names_division_of(t, own) or _spells_division(text, t):
            return False  # "in the town of Patikul in the ... province of Sulu": where the first one is
        score = _event_score(doc, text, t, toponyms, evidence.start, None)
        return score is not None and score >= 2.0 and not _of_earlier_event(doc, t)

    found = [t for t in toponyms if t is not own and candidate(t)]
    seeds = found if coarse else [own]
    anchors = {id(t): _site_anchor(_parsed_token(doc, t)) for t in (found if coarse else [own, *found])}
    if not coarse and anchors[id(own)] is not None:
        # "struck the plant at Abqaiq and the nearby Khurais oil field": a second target named by its town
        named = [t for t in toponyms if t is not own and t not in found and _names_joined_target(
            doc, text, toponyms, t, anchors[id(own)][0], own, evidence, excluded)]
        if named:
            found = sorted([*found, *named], key=lambda t: t.span.start)
            anchors.update({id(t): (*anchors[id(own)][:2], True) for t in named})
    for seed in seeds:
        first = anchors[id(seed)]
        if first is None:
            continue
        sites = [seed]
        for t in found:
            if t is seed or coarse and t.span.start <= seed.span.start:
                continue
            if any(not _apart(t.place, o.place) for o in sites):
                continue
            anchor = anchors[id(t)]
            # A list repeats its preposition ("in London, in High Wycombe and in Birmingham") or joins
            # the names ("in Kabul and Kandahar"); "at Domana army camp in Jammu" says where the camp is.
            if anchor is None or anchor[0] != first[0] or (anchor[1] == first[1] and not (anchor[2] or first[2])) \
                    or anchor[1].lower_ != first[1].lower_:
                continue
            sites.append(t)
        if len(sites) > 1:
            return sorted(sites, key=lambda t: t.span.start) if coarse else sites
    return []


def _names_joined_target(doc, text: str, toponyms: Sequence[Toponym], t: Toponym, noun, own: Toponym,
                         evidence: Span, excluded: Sequence[Span]) -> bool:
    """Whether a town names a target listed with the one the event's place is the site of.

    In "struck the plant at Abqaiq and the nearby Khurais oil field" the field
    is joined to the plant, and its town's name says where it lies. Only a
    facility counts ("oil field", "refinery", "air base"), not "the Kirkuk
    governor", and only a town of the event's country.
    """
    if t.place is None or t.place.precision != "place" or t.place.country != own.place.country \
            or not evidence.start <= t.span.start < t.span.end <= evidence.end \
            or any(ex.start <= t.span.start < ex.end for ex in excluded) \
            or _role(doc, text, t, toponyms, False) != _PLACE or _division_named(text, t) or _of_earlier_event(doc, t):
        return False
    token = _parsed_token(doc, t)
    if token is None or token.dep_ not in ("compound", "amod", "nmod"):
        return False
    target = token.head
    while target.dep_ == "compound" and target.head.i > target.i:
        target = target.head  # "Khurais oil field": the field, through the compound
    return (target.pos_ == "NOUN" and target.dep_ == "conj" and target.head.i == noun.i
            and bool(_FACILITY.fullmatch(target.lemma_.lower())))


# What a town's name can name as a target of its own: installations, not people or offices.
_FACILITY = re.compile(
    r"field|refinery|plant|facility|terminal|depot|base|airbase|airport|airfield|port|station|pipeline|dam"
    r"|complex|camp|barracks|prison|jail|bridge|factory|warehouse|mine|reactor")


_DIVISIONS = r"province|governorate|district|state|region|county|prefecture|department|division|oblast|tehsil"
# A division's name, not a town's: "the province of Sulu", "district Kohlu", "Dera Ismail Khan district".
# So is a region's part: "in Arish in the north of the Sinai Peninsula".
_DIVISION_BEFORE = re.compile(
    rf"\b(?:(?:{_DIVISIONS})s?(?:\s+of)?|(?:{_COMPASS}|centre|center|heart|outskirts|part|parts|rest)\s+of)"
    rf"\s+(?:the\s+)?$",
    re.I)
_DIVISION_AFTER = re.compile(rf"\s+(?:{_DIVISIONS})\b", re.I)
_DIVISION_NAME = re.compile(rf"\s(?:{_DIVISIONS})$", re.I)


def _division_named(text: str, t: Toponym) -> bool:
    """A toponym read as a division by the words around it ("the province of Sulu", "Dera Ismail Khan district")."""
    return bool(_DIVISION_BEFORE.search(text, max(0, t.span.start - 30), t.span.start)
                or _DIVISION_AFTER.match(text, t.span.end) or _DIVISION_NAME.search(t.span.text))


def _spells_division(text: str, t: Toponym) -> bool:
    """A town's name that opens the name of its division in the text ("Jammu" of "Jammu and Kashmir")."""
    division = t.place.admin1
    if not division or len(division) <= len(t.span.text):
        return False
    return fold(text[t.span.start : t.span.start + len(division)]) == fold(division)


def _names_division_of(t: Toponym, own: Toponym) -> bool:
    """A town spelled like the division the event's place is in ("Jammu" after Shopian, in Jammu and Kashmir)."""
    name = fold(t.span.text)
    return any(name and name in fold(d) for d in (own.place.admin1, own.place.admin2) if d)


def _apart(a: Place, b: Place) -> bool:
    """Two places that are not one: other divisions, or towns beyond one city's reach of each other."""
    if a.geonameid is not None and a.geonameid == b.geonameid or a.name == b.name:
        return False
    if a.precision == "admin1":
        return a.admin1 != b.admin1
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return km(a.latitude, a.longitude, b.latitude, b.longitude) > _ONE_CITY_KM


def _site_anchor(token):
    """The word a place's locative phrase hangs on, the preposition it hangs by, and whether a
    conjunction joins it there: "in London" -> (arresting, in, False); "Batticaloa" in "at Zion
    Church in the eastern city of Batticaloa" -> (came, at, False); None through a verb or
    without a locative preposition."""
    if token is None:
        return None
    joined, prep = False, None
    for _ in range(12):
        dep, head = token.dep_, token.head
        if token.pos_ in ("VERB", "AUX") or head.i == token.i:
            return None
        if dep == "conj":
            joined = True
        elif dep == "prep":
            if token.lower_ not in _SITE_PREPS and token.lower_ != "of":
                return None  # "in the Hajjaj near Tikrit and Baiji": reference points, not sites
            prep = token
            if head.pos_ in ("VERB", "AUX"):
                break
        elif dep not in ("pobj", "compound", "poss", "appos", "nmod", "amod"):
            if prep is None:
                return None
            break  # "attacks in Kabul and Kandahar killed ten": the noun the places hang on
        token = head
    else:
        return None
    if prep is None or prep.lower_ not in _SITE_PREPS:
        return None
    return prep.head, prep, joined


# "on the state", "into the city", "in the province": a place named before, by its kind.
_ANAPHOR = re.compile(
    r"\b(?:(?:in|at|on|into|inside|near|outside|around|across|throughout|of)\s+the\s+"
    r"(state|province|governorate|region)|the\s+(city|town|village))\b"
    r"(?!\s+(?:of|council|hall|centre|center|police|authorities|officials)\b|['’])", re.I)
_ANAPHOR_RANK = {"state": "admin1", "province": "admin1", "governorate": "admin1", "region": "admin1",
                 "city": "place", "town": "place", "village": "place"}


def _antecedent(doc, text: str, toponyms: Sequence[Toponym], evidence: Span) -> Toponym | None:
    """The place a bare "the state" or "the city" in the evidence stands for.

    "The RSF launched its offensive on the state on Friday" after "Wad Madani, the capital of
    Gezira state": the offensive was on Gezira. "... killed 200 fighters as they fled the city"
    after "ISIS lost control of Sinjar, a town on the road to its strongholds in Mosul": Sinjar.
    The nearest earlier sentence that names a place of the kind the noun says (a first-level
    division for "state", a town for "city") gives its likeliest event place of that kind;
    a name inside the evidence never counts ("by the Baghdad Gate in the city"), nor a noun
    with a name of its own ("the city of Aleppo").
    """
    match = _ANAPHOR.search(text, evidence.start, evidence.end)
    if match is None:
        return None
    rank = _ANAPHOR_RANK[(match.group(1) or match.group(2)).lower()]
    before = [t for t in toponyms if t.span.end <= evidence.start and t.place.precision == rank
              and not names_elsewhere(text, t.span.start)]
    if not before:
        return None
    for lo, hi in reversed([b for b in sentence_bounds(doc) if b[0] < evidence.start] or [(0, evidence.start)]):
        scored = [(_event_score(doc, text, t, toponyms, lo, hi), t) for t in before if lo <= t.span.start < hi]
        scored = [(score, t) for score, t in scored if score is not None and score > -1.0]
        if scored:
            return max(scored, key=lambda pair: pair[0])[1]
    return None


_REFERS_BACK = re.compile(
    r"^\W*(?:the|this|that|it|these|those)\b|\b(?:took\s+place|occurred|happened|was\s+carried\s+out"
    r"|(?:was|were)\s+reported)\b", re.I)


def _in_paragraph(doc, text: str, toponyms: Sequence[Toponym], evidence: Span) -> Toponym | None:
    """The place named around an event's evidence in its paragraph.

    The nearest earlier sentence with a place first ("... as they fled the
    city"), else a following sentence that speaks of the same event and says
    where ("The incident took place in Lautaro").
    """
    para_start = max(text.rfind("\n", 0, evidence.start) + 1, 0)
    para_end = text.find("\n", evidence.end)
    para_end = len(text) if para_end < 0 else para_end
    bounds = sentence_bounds(doc)
    sents = [(lo, hi) for lo, hi in bounds if hi > para_start and lo < para_end] if bounds else [(para_start, para_end)]
    earlier = [(max(lo, para_start), min(hi, evidence.start)) for lo, hi in sents if lo < evidence.start]
    for lo, hi in reversed(earlier):
        found = _best_in(doc, text, toponyms, lo, hi, hi)
        if found is not None and found[0] > -1.0:
            found = _most_specific(doc, text, toponyms, found[1], lo, hi)
            return _contained_in(doc, text, toponyms, found, hi) or found
    later = [(lo, min(hi, para_end)) for lo, hi in sents if lo >= evidence.end][:2]
    for lo, hi in later:
        if not _REFERS_BACK.search(text[lo:hi]):
            break
        found = _best_in(doc, text, toponyms, lo, hi, None)
        if found is not None and found[0] >= 2.0:
            found = _most_specific(doc, text, toponyms, found[1], lo, hi)
            return _contained_in(doc, text, toponyms, found, hi) or found
    return None
