"""Cross-article deduplication: event records in, merge decisions and canonical events out.

A conflict database counts each real occurrence once, however many outlets
report it and however often the toll is revised. This stage takes CODEBOOK
event records (``Event.to_record()`` plus ``event_id`` and ``article_id``) and

* :func:`date_window` says which stored events could be the same occurrence
  (the store fetches candidates of the same ``event_type`` dated inside it);
* :func:`decide` picks the candidate a new mention should join, with the
  reasons, or ``None``;
* :func:`combine` builds the canonical record of an event from all its
  mention records, whatever order they arrived in.

The matcher is a set of vetoes (type, sub-type family, place radius by
precision, date interval overlap, named actors, gross toll contradiction)
followed by a score over the remaining agreement (exact sub-type, distance,
day, actors, tolls, evidence similarity). Two reports that agree only on
type, place and day are never merged: "the rest" must agree too, because a
city can see two bombings on one day. Everything is deterministic and free of
ML dependencies.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from calendar import monthrange
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tacitus.geodesy import km

logger = logging.getLogger(__name__)

MERGE_THRESHOLD = 0.38
"""Score a candidate needs (after all vetoes) to be joined."""

PLACE_RADIUS_KM = 25.0
ADMIN1_RADIUS_KM = 250.0

_PRECISION_RANK = {"place": 3, "admin1": 2, "country": 1, None: 0}
_DATE_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, None: 0}

# Sub-types that outlets routinely swap for one occurrence: a suicide blast is
# often first reported as "an explosion"/IED; shelling and air strikes are
# confused by witnesses; a clash and the capture it ends in are one battle.
_SUBTYPE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"}),
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}),
    frozenset({"Violent demonstration", "Mob violence"}),
    frozenset({"Looting/property destruction", "Other"}),
)

# Event types one occurrence is plausibly coded as by different reports: a
# bombing whose means one outlet omits reads as an attack on civilians. A
# battle and an attack are never the same occurrence.
_CROSS_TYPES: dict[str, tuple[str, ...]] = {
    "Explosions/Remote violence": ("Violence against civilians",),
    "Violence against civilians": ("Explosions/Remote violence",),
}
_CROSS_SUBTYPES = frozenset({"Attack", None})

# Phrases by which a report marks its event as distinct from a similar one
# ("in a separate attack", "a second bomber", "once again attacked").
_DISTINCT = re.compile(
    r"\b(?:(?:in\s+)?a(?:nother)?\s+separate|another|second|third|fourth|fresh|new|later\s+(?:on|that|in))\s+"
    r"(?:\w+\s+){0,2}?(?:attacks?|bomb(?:ing)?s?|bombers?|blasts?|explosions?|incidents?|clash(?:es)?|ambush|"
    r"raids?|shootings?|strikes?|assaults?|a\s+suicide|suicide|gunm[ae]n|day|friday|saturday|sunday|monday|"
    r"tuesday|wednesday|thursday|evening|night)\b"
    r"|\bonce\s+again\b|\b(?:struck|attacked|hit)\s+again\b|\b(?:hours|days|minutes)\s+(?:after|before)\s+the\b",
    re.I,
)

# Where an attack struck: two reports naming different sites ("a market",
# "a cafe") describe two attacks even in one city on one day.
_SITES: dict[str, str] = {
    word: site
    for site, words in {
        "market": "market markets bazaar marketplace shops shop",
        "cafe": "cafe café cafes teahouse teashop",
        "restaurant": "restaurant restaurants eatery",
        "bar": "bar bars nightclub pub",
        "mosque": "mosque mosques",
        "church": "church churches cathedral",
        "school": "school schools university college",
        "checkpoint": "checkpoint checkpoints post outpost",
        "hotel": "hotel hotels",
        "bus": "bus buses minibus",
        "convoy": "convoy patrol",
        "funeral": "funeral mourners",
        "wedding": "wedding",
        "station": "station",
        "base": "base barracks",
        "camp": "camp",
        "office": "office offices headquarters ministry",
        "home": "home house",
        "park": "park",
        "stadium": "stadium",
        "airport": "airport",
    }.items()
    for word in words.split()
}
# Only a site the text places the event at ("near the Blue Mosque"), not an
# attribution ("the governor's office said").
_SITE_WORD = re.compile(
    r"\b(?:at|in|on|near|outside|inside|into|beside|by|from|to|targeting|targeted|attacked|struck|hit|bombed"
    r"|stormed|raided|of)\s+(?:(?:a|an|the|its|their|[\w'-]+)\s+){0,5}?("
    + "|".join(sorted(map(re.escape, _SITES), key=len, reverse=True))
    + r")\b",
    re.I,
)

_GENERIC_ACTOR = re.compile(
    r"^(?:Unidentified\b|Civilians\b|Protesters\b|Rioters\b|Unknown\b)", re.I
)
_UNIDENTIFIED = re.compile(r"^(?:Unidentified|Unknown)\b", re.I)

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d[\d,.]*")
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does during each few for from further had has have having he
    her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
    once only or other our out over own same she should so some such than that the their them then there
    these they this those through to too under until up very was we were what when where which while who
    whom why will with would you your said says say told according reported report reports news
    mr ms one two three four five six seven eight nine ten monday tuesday wednesday thursday friday
    saturday sunday yesterday today tonight week month year morning evening night afternoon earlier later
    least people local officials official statement added including other others another near went person
    persons inside source sources small witnesses residents also among""".split()
)
# Words every conflict report shares: they carry little evidence of identity.
_COMMON = frozenset(
    """explosion kill wound gunman soldier
    killed kill killing wounded injured dead death deaths toll attack attacks attacked attacker
    attackers bomb bombing bomber blast explosion exploded explosive suicide police security forces
    soldiers army military gunmen militants fighters group claimed responsibility government city town
    village province district area region capital civilians victims hospital several dozens least
    rose risen rising updated""".split()
)


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """Why a new mention joins the stored event ``event_id``: its score and one-line reasons."""

    event_id: str
    score: float
    reasons: tuple[str, ...]


def date_window(record: Mapping[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day on which an event matching ``record`` may be dated.

    The window covers the record's own interval (a day, an ISO week from its
    Monday, a month, a year) widened by one day each side, and reaches back to
    the first of the month and the Monday of the week, because coarser
    candidates are dated at the start of their period.

    Args:
        record: an event record with ``date`` and ``date_precision``.

    Returns:
        ``(first, last)``, or ``(None, None)`` for an undated record (no candidates).
    """
    interval = _interval(record)
    if interval is None:
        return None, None
    start, end = interval
    first = start - dt.timedelta(days=1)
    # A week- or month-precision candidate is dated at the start of its period.
    first = min(first, first - dt.timedelta(days=first.weekday()), first.replace(day=1))
    return first, end + dt.timedelta(days=1)


def candidate_types(record: Mapping[str, Any]) -> tuple[str, ...]:
    """The event types whose stored events may be the same occurrence as ``record``.

    Its own type first, then types that reports of one occurrence are coded
    as interchangeably (a bombing and an "attack" on civilians). The store
    should fetch candidates of all of them.
    """
    etype = record.get("event_type")
    if not etype:
        return ()
    return (str(etype), *_CROSS_TYPES.get(str(etype), ()))


def decide(new: Mapping[str, Any], candidates: Sequence[Mapping[str, Any]]) -> MergeDecision | None:
    """The stored event ``new`` should join, or ``None`` when none is the same occurrence.

    Args:
        new: the record of the new mention (with ``article_id``).
        candidates: canonical records of stored events (with ``event_id`` and
            ``article_ids``), as the store fetched them with :func:`date_window`.

    Returns:
        The best-scoring candidate above :data:`MERGE_THRESHOLD`, ties broken
        by ``event_id``; ``None`` if every candidate is vetoed or scores too low.
    """
    best: MergeDecision | None = None
    for candidate in candidates:
        decision = _match(new, candidate)
        if decision is None or decision.score < MERGE_THRESHOLD:
            continue
        if best is None or (decision.score, _neg(decision.event_id)) > (best.score, _neg(best.event_id)):
            best = decision
    if best is not None:
        logger.debug("mention of %s joins %s (%.2f)", new.get("article_id"), best.event_id, best.score)
    return best


def combine(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The canonical event record from all its mention records, whatever their order.

    Rules: the highest fatalities (and wounded, and upper bound) any mention
    reports, since tolls are revised upward; the most precise place (place >
    admin1 > country; among equals, the one most mentions agree on); the most
    precise date (day > week > month > year; ties: the date most mentions
    agree on, then the earliest); for each actor role the name most mentions
    give, a named actor beating a generic one ("Unidentified Armed Group
    (X)", "Civilians (X)"). ``evidence`` and ``spans`` come from one
    representative mention: the one agreeing with most of the chosen values,
    then the highest confidence, then the smallest ``article_id``.

    Args:
        records: mention records of one event (at least one).

    Returns:
        A new record with the CODEBOOK fields, plus ``article_ids`` (sorted),
        ``mentions`` (their number) and ``event_id`` of the representative.

    Raises:
        ValueError: if ``records`` is empty.
    """
    if not records:
        raise ValueError("combine() needs at least one record")
    recs = sorted(records, key=_order_key)
    out: dict[str, Any] = {}

    out["event_type"] = _vote([r.get("event_type") for r in recs])
    same_type = [r for r in recs if r.get("event_type") == out["event_type"]]
    out["sub_event_type"] = _vote([r.get("sub_event_type") for r in same_type])

    # date
    best_rank = max(_DATE_RANK.get(r.get("date_precision"), 0) if r.get("date") else 0 for r in recs)
    dated = [r for r in recs if r.get("date") and _DATE_RANK.get(r.get("date_precision"), 0) == best_rank]
    if dated:
        counts = Counter(str(r["date"]) for r in dated)
        out["date"] = min(counts, key=lambda d: (-counts[d], d))
        out["date_precision"] = next(r.get("date_precision") for r in dated if str(r["date"]) == out["date"])
    else:
        out["date"] = None
        out["date_precision"] = None

    # place
    place_fields = ("location", "admin1", "country", "latitude", "longitude", "geo_precision", "geonameid")
    located = [r for r in recs if r.get("country") or r.get("latitude") is not None]
    if located:
        top = max(_PRECISION_RANK.get(r.get("geo_precision"), 0) for r in located)
        best = [r for r in located if _PRECISION_RANK.get(r.get("geo_precision"), 0) == top]
        keys = Counter(_place_key(r) for r in best)
        chosen = min(keys, key=lambda k: (-keys[k], _sortable(k)))
        place_rec = next(r for r in best if _place_key(r) == chosen)
        for f in place_fields:
            out[f] = place_rec.get(f)
    else:
        for f in place_fields:
            out[f] = None

    # actors
    for role in ("actor1", "actor2"):
        out[role] = _choose_actor([r.get(role) for r in recs])

    # tolls: tolls rise as bodies are counted, so the highest confirmed one stands
    for f in ("fatalities", "fatalities_high", "wounded"):
        values = [r.get(f) for r in recs if isinstance(r.get(f), int)]
        out[f] = max(values) if values else None
    if out["fatalities_high"] is not None and out["fatalities"] is not None and out["fatalities_high"] <= out["fatalities"]:
        out["fatalities_high"] = None

    rep = max(recs, key=lambda r: (_agreement(r, out), float(r.get("confidence") or 0.0), _neg(_rid(r))))
    out["evidence"] = rep.get("evidence")
    out["spans"] = dict(rep.get("spans") or {})
    out["representative"] = rep.get("article_id")
    out["event_id"] = rep.get("event_id")
    out["article_id"] = rep.get("article_id")
    out["confidence"] = max(float(r.get("confidence") or 0.0) for r in recs)
    out["background"] = all(bool(r.get("background")) for r in recs)
    ids: set[str] = set()
    for r in recs:
        ids.update(str(a) for a in r.get("article_ids") or ())
        if r.get("article_id"):
            ids.add(str(r["article_id"]))
    out["article_ids"] = sorted(ids)
    out["mentions"] = sum(int(r.get("mentions") or 1) for r in recs)
    return out


def cluster(records: Sequence[Mapping[str, Any]]) -> list[tuple[str, MergeDecision | None]]:
    """Deduplicate records in arrival order, as the store does one article at a time.

    Each record is matched against the canonical (:func:`combine`) records of
    the events formed so far, filtered as the store filters candidates: same
    or a compatible ``event_type`` (:func:`candidate_types`), dated inside :func:`date_window`, same country or either
    unknown, and not already reported by the record's article.

    Args:
        records: mention records with ``event_id`` and ``article_id``.

    Returns:
        For each record, in order: the ``event_id`` of the event it belongs to
        (its own when it starts a new one) and the decision that merged it
        (``None`` for a new event).
    """
    members: dict[str, list[Mapping[str, Any]]] = {}
    canon: dict[str, dict[str, Any]] = {}
    out: list[tuple[str, MergeDecision | None]] = []
    for rec in records:
        first, last = date_window(rec)
        types = candidate_types(rec)
        candidates = []
        if first is not None and last is not None:
            for event_id, c in canon.items():
                day = _as_date(c.get("date"))
                if (c.get("event_type") in types and day is not None and first <= day <= last
                        and (not c.get("country") or not rec.get("country") or c["country"] == rec["country"])):
                    candidates.append({**c, "event_id": event_id})
        decision = decide(rec, candidates)
        event_id = decision.event_id if decision else str(rec.get("event_id"))
        members.setdefault(event_id, []).append(rec)
        canon[event_id] = combine(members[event_id])
        out.append((event_id, decision))
    return out


# ---------------------------------------------------------------- matching


def _match(new: Mapping[str, Any], cand: Mapping[str, Any]) -> MergeDecision | None:
    """Score one candidate, or None when a veto applies."""
    article = new.get("article_id")
    if article is not None and (article in (cand.get("article_ids") or ()) or article == cand.get("article_id")):
        return None
    reasons: list[str] = []
    score = 0.0

    etype, ctype = new.get("event_type"), cand.get("event_type")
    sub_a, sub_b = new.get("sub_event_type"), cand.get("sub_event_type")
    cross = False
    if not etype or not ctype:
        return None
    if etype != ctype:
        if ctype not in _CROSS_TYPES.get(etype, ()):
            return None
        # Only a generic attack on civilians may be the same as a bombing.
        vac_sub = sub_a if etype == "Violence against civilians" else sub_b
        if vac_sub not in _CROSS_SUBTYPES:
            return None
        cross = True
        reasons.append(f"compatible types: {etype} / {sub_a or '?'} and {ctype} / {sub_b or '?'}")
    elif sub_a and sub_b and sub_a == sub_b:
        score += 0.1
        reasons.append(f"same type: {etype} / {sub_a}")
    elif not sub_a or not sub_b or _compatible_subtypes(sub_a, sub_b):
        reasons.append(f"compatible types: {etype} / {sub_a or '?'} and {sub_b or '?'}")
    else:
        return None

    place = _place_agreement(new, cand)
    if place is None:
        return None
    place_score, place_reason, coarse_place = place
    score += place_score
    reasons.append(place_reason)

    dates = _date_agreement(new, cand)
    if dates is None:
        return None
    date_score, date_reason, coarse_date = dates
    score += date_score
    reasons.append(date_reason)

    actors = _actor_agreement(new, cand)
    if actors is None:
        return None
    actor_score, actor_reasons, named_agree = actors
    score += actor_score
    reasons.extend(actor_reasons)

    toll_score, toll_reason = _toll_agreement(new, cand)
    score += toll_score
    if toll_reason:
        reasons.append(toll_reason)

    sim = similarity(str(new.get("evidence") or ""), str(cand.get("evidence") or ""),
                     ignore=_known_names(new) | _known_names(cand))
    score += 0.6 * sim
    reasons.append(f"evidence similarity {sim:.2f}")

    sites_a, sites_b = _sites(new), _sites(cand)
    same_site = bool(sites_a & sites_b)
    if same_site:
        score += 0.05
        reasons.append("same site: " + ", ".join(sorted(sites_a & sites_b)))
    elif sites_a and sites_b:
        if sim < 0.6:
            return None
        reasons.append(f"sites differ ({', '.join(sorted(sites_a))} / {', '.join(sorted(sites_b))}) "
                       "but evidence nearly identical")

    tolls_agree = toll_score >= 0.05
    support = sum((named_agree, tolls_agree, same_site, sim >= 0.3))
    # "The rest" must agree beyond type, place and day: otherwise two attacks
    # in one city on one day would collapse into one.
    if sim < 0.2 and sum((named_agree, tolls_agree, same_site, sim >= 0.1)) < 2:
        return None
    # A cross-type match, a country-level place or a vague date is weak
    # evidence of identity: only strong agreement on the rest counts.
    if cross and support < 2 and sim < 0.45:
        return None
    if (coarse_place or coarse_date) and not (sim >= 0.3 and support >= 2):
        return None
    # A report that marks its event as another one ("in a separate attack",
    # "once again") is merged only on near-identical evidence.
    cue = _DISTINCT.search(str(new.get("evidence") or "")) or _DISTINCT.search(str(cand.get("evidence") or ""))
    if cue:
        if sim < 0.6 or toll_score < 0:
            return None
        reasons.append(f"distinctness cue {cue.group(0)!r} outweighed by similarity")
    return MergeDecision(str(cand.get("event_id")), round(score, 3), tuple(reasons))


def _compatible_subtypes(a: str, b: str) -> bool:
    return any(a in fam and b in fam for fam in _SUBTYPE_FAMILIES)


def _place_agreement(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[float, str, bool] | None:
    """(score, reason, coarse) for two places, None when they cannot be one place."""
    ca, cb = a.get("country"), b.get("country")
    if ca and cb and ca != cb:
        return None
    pa, pb = a.get("geo_precision"), b.get("geo_precision")
    coarser = pa if _PRECISION_RANK.get(pa, 0) <= _PRECISION_RANK.get(pb, 0) else pb
    ga, gb = a.get("geonameid"), b.get("geonameid")
    km = _distance(a, b)
    if coarser == "place":
        if ga and gb and ga == gb:
            return 0.15, f"same place: {a.get('location') or a.get('admin1')}", False
        if km is None:
            return None if (a.get("location") and b.get("location") and a["location"] != b["location"]) else (
                0.05, "places without coordinates", False)
        if km > PLACE_RADIUS_KM:
            return None
        reason = f"places {km:.0f} km apart (limit {PLACE_RADIUS_KM:.0f} km for place precision)"
        return (0.15 if km <= 5 else 0.08), reason, False
    if coarser == "admin1":
        aa, ab = a.get("admin1"), b.get("admin1")
        if aa and ab:
            if aa != ab:
                return None
            return 0.05, f"same admin1: {aa}", False
        if km is not None and km > ADMIN1_RADIUS_KM:
            return None
        return 0.03, "places within one admin1 extent" + (f" ({km:.0f} km)" if km is not None else ""), False
    if ca and cb:
        return 0.0, f"same country only: {ca}", True
    return 0.0, "place unknown on one side", True


def _date_agreement(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[float, str, bool] | None:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return None
    one = dt.timedelta(days=1)
    if ia[0] > ib[1] + one or ib[0] > ia[1] + one:
        return None
    pa, pb = a.get("date_precision") or "day", b.get("date_precision") or "day"
    if pa == "day" and pb == "day":
        if ia[0] == ib[0]:
            return 0.1, f"same date {ia[0].isoformat()}", False
        return 0.04, f"dates {min(ia[0], ib[0]).isoformat()} and {max(ia[0], ib[0]).isoformat()} (within 1 day)", False
    coarse = "year" in (pa, pb)
    return 0.0, f"dates overlap: {a.get('date')} ({pa}) and {b.get('date')} ({pb})", coarse


def _actor_agreement(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[float, list[str], bool] | None:
    """(score, reasons, named agreement), None when two different named actors clash."""
    score = 0.0
    reasons: list[str] = []
    named = False
    a1, a2, b1, b2 = (a.get("actor1"), a.get("actor2"), b.get("actor1"), b.get("actor2"))
    if a.get("event_type") == "Battles" and _specific(a1) and _specific(b2) and a1 == b2 and not (
        _specific(b1) and b1 == a1
    ):
        # Two sides of a battle: reports name either side first.
        b1, b2 = b2, b1
    if _specific(a1) and _specific(b1):
        if a1 != b1:
            return None
        score += 0.15
        named = True
        reasons.append(f"actors agree: {a1}")
    elif a1 and b1 and a1 == b1:
        score += 0.03
        reasons.append(f"actors agree: {a1}")
    elif a1 or b1:
        reasons.append(f"actor1 compatible: {a1 or 'none'} / {b1 or 'none'}")
    if a2 and b2:
        if a2 == b2:
            score += 0.08 if _specific(a2) else 0.03
            named = named or _specific(a2)
            reasons.append(f"targets agree: {a2}")
        elif not (_unidentified(a2) or _unidentified(b2)):
            # Different targets are the usual sign of two attacks, but actor2
            # extraction is noisy: penalise, do not veto.
            score -= 0.15
            reasons.append(f"targets differ: {a2} / {b2}")
    return score, reasons, named


def _toll_agreement(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[float, str]:
    """(score, reason) of two casualty reports: equal counts agree, rising ones are revisions."""
    killed = _count_agreement(a.get("fatalities"), b.get("fatalities"), "killed")
    hurt = _count_agreement(a.get("wounded"), b.get("wounded"), "wounded")
    if killed is None and hurt is None:
        return 0.0, ""
    parts = [p for p in (killed, hurt) if p is not None]
    score = sum(p[0] for p in parts)
    if killed is not None and hurt is not None and killed[0] <= 0.02 and hurt[0] <= 0.02:
        # Both counts differ: one outlet's revision moves one figure, rarely both.
        score = min(score, 0.0) - 0.08
    return score, "; ".join(p[1] for p in parts)


def _count_agreement(x: Any, y: Any, what: str) -> tuple[float, str] | None:
    if not isinstance(x, int) or not isinstance(y, int):
        return None
    if x == y:
        weight = 0.1 if what == "killed" else 0.06
        return (weight if x > 0 else 0.03), f"same toll: {x} {what}"
    lo, hi = sorted((x, y))
    if hi - lo <= max(1, hi // 10) and what == "killed":
        return 0.05, f"tolls close: {lo} and {hi} {what}"
    if lo == 0 or (hi > 5 * lo and hi - lo > 20) or hi > 20 * max(lo, 1):
        return -0.2, f"tolls contradict: {lo} and {hi} {what}"
    # Tolls rise as bodies are counted: a higher figure is a revision.
    return 0.02, f"tolls {lo} and {hi} {what} (revision)"


# ---------------------------------------------------------------- similarity


def similarity(a: str, b: str, *, ignore: frozenset[str] | set[str] = frozenset()) -> float:
    """Cosine similarity of two evidence texts over content words, numbers and names.

    Words every conflict report uses ("killed", "attack", "police") count a
    third; capitalised words (names of places, groups, targets) and numbers
    count double. Deterministic and dependency-free.

    Args:
        a: one text.
        b: the other.
        ignore: lower-cased words left out, e.g. place and actor names the
            caller compares on their own, so that they do not count twice.
    """
    va, vb = _vector(a), _vector(b)
    for tok in ignore:
        va.pop(tok, None)
        vb.pop(tok, None)
    if not va or not vb:
        return 0.0
    dot = sum(w * vb[t] for t, w in va.items() if t in vb)
    na = math.sqrt(sum(w * w for w in va.values()))
    nb = math.sqrt(sum(w * w for w in vb.values()))
    return dot / (na * nb) if na and nb else 0.0


def _vector(text: str, *, capitalised: bool = True) -> dict[str, float]:
    vec: dict[str, float] = {}
    for m in _WORD.finditer(text):
        raw = m.group(0)
        tok = raw.lower().rstrip(".,'")
        if tok.isdigit() or tok[:1].isdigit():
            tok = tok.replace(",", "")
            weight = 1.5
        else:
            if tok in _STOP or len(tok) < 3:
                continue
            tok = _stem(tok)
            tok = _CONCEPTS.get(tok, tok)
            weight = 0.35 if tok in _COMMON_STEMS else (2.0 if capitalised and raw[0].isupper() and m.start() > 0 else 1.0)
        vec[tok] = max(vec.get(tok, 0.0), weight)
    return vec


def _sites(record: Mapping[str, Any]) -> set[str]:
    return {_SITES[m.group(1).lower()] for m in _SITE_WORD.finditer(str(record.get("evidence") or ""))}


def _known_names(record: Mapping[str, Any]) -> set[str]:
    """Tokens (as :func:`_vector` keys them) of the place and actor names of ``record``."""
    names = [record.get(f) for f in ("location", "admin1", "actor1", "actor2")]
    evidence = str(record.get("evidence") or "")
    spans = record.get("spans") or {}
    ev = spans.get("evidence")
    loc = spans.get("location")
    if ev and loc and ev[0] <= loc[0] and loc[1] <= ev[1]:
        names.append(evidence[loc[0] - ev[0]: loc[1] - ev[0]])
    out: set[str] = set()
    for name in names:
        if name:
            out.update(_vector(str(name).split("(")[0].split(":")[0], capitalised=False))
    return out


def _stem(tok: str) -> str:
    for suffix in ("ings", "ing", "ers", "ies", "ed", "es", "er", "s"):
        if tok.endswith(suffix) and len(tok) - len(suffix) >= 4:
            return tok[: -len(suffix)]
    return tok


_COMMON_STEMS = frozenset(_stem(w) for w in _COMMON)
# Reporters' synonyms for the same act, folded so that "blast" meets "explosion".
_CONCEPTS = {
    _stem(w): concept
    for concept, words in {
        "explosion": "blast blasts explosion explosions exploded explode bomb bombs bombing bombings "
                     "explosive explosives device detonated blew",
        "kill": "killed killing kill dead death deaths died",
        "wound": "wounded wounding injured injuring injuries hurt",
        "gunman": "gunmen gunman militants militant attackers attacker assailants insurgents fighters",
        "soldier": "soldiers soldier troops servicemen",
    }.items()
    for w in words.split()
}


# ---------------------------------------------------------------- helpers


def _interval(record: Mapping[str, Any]) -> tuple[dt.date, dt.date] | None:
    day = _as_date(record.get("date"))
    if day is None:
        return None
    precision = record.get("date_precision") or "day"
    if precision == "week":
        return day, day + dt.timedelta(days=6)
    if precision == "month":
        return day, day.replace(day=monthrange(day.year, day.month)[1])
    if precision == "year":
        return day, dt.date(day.year, 12, 31)
    return day, day


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _distance(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    try:
        lat1, lon1 = float(a["latitude"]), float(a["longitude"])
        lat2, lon2 = float(b["latitude"]), float(b["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    return km(lat1, lon1, lat2, lon2)


def _specific(actor: Any) -> bool:
    return bool(actor) and not _GENERIC_ACTOR.match(str(actor))


def _unidentified(actor: Any) -> bool:
    return bool(actor) and bool(_UNIDENTIFIED.match(str(actor)))


def _choose_actor(values: Sequence[Any]) -> str | None:
    names = [str(v) for v in values if v]
    if not names:
        return None
    specific = [n for n in names if _specific(n)]
    pool = specific or [n for n in names if not _unidentified(n)] or names
    counts = Counter(pool)
    return min(counts, key=lambda n: (-counts[n], n))


def _vote(values: Sequence[Any]) -> Any:
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(present)
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _place_key(r: Mapping[str, Any]) -> tuple[Any, ...]:
    if r.get("geonameid"):
        return ("g", r.get("geonameid"))
    lat, lon = r.get("latitude"), r.get("longitude")
    return ("n", r.get("location"), r.get("admin1"), r.get("country"),
            round(float(lat), 3) if lat is not None else None, round(float(lon), 3) if lon is not None else None)


def _sortable(key: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple("" if k is None else str(k) for k in key)


def _agreement(r: Mapping[str, Any], out: Mapping[str, Any]) -> int:
    fields = ("sub_event_type", "date", "location", "country", "actor1", "actor2", "fatalities")
    return sum(1 for f in fields if r.get(f) is not None and r.get(f) == out.get(f))


def _rid(r: Mapping[str, Any]) -> str:
    return f"{r.get('article_id') or ''}\x00{r.get('event_id') or ''}"


def _order_key(r: Mapping[str, Any]) -> tuple[str, str]:
    return (_rid(r), str(r.get("evidence") or ""))


def _neg(text: str) -> tuple[int, ...]:
    """A key that sorts strings in reverse, so that max() prefers the smallest."""
    return tuple(-ord(c) for c in text) + (1,)
